"""Puts the seed into the database, keeping what belongs to the user.

Rows carry `origin` ("seed" or "user") and `user_fields` (JSON list of the columns the user
edited). A seed refresh replaces seed rows with the new seed values, then lays the user's edited
columns back on top; rows the user added are never touched.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import UTC, datetime

from sqlite_utils import Database

from .seed import Seed

SEED_VERSION_KEY = "seed_version"


def now_text() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def normalise(text: str) -> str:
    """Case-, width- and punctuation-insensitive form for matching names ('NVIDIA  GeForce®' -> 'nvidia geforce')."""
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Cs") else c for c in text)
    text = re.sub(r"\((r|tm|c)\)|[®™©]", " ", text)
    text = re.sub(r"[\s_]+", " ", text)
    return text.strip()


def user_fields(row: dict) -> list[str]:
    try:
        return list(json.loads(row.get("user_fields") or "[]"))
    except (TypeError, ValueError):
        return []


def stored_seed_version(db: Database) -> int | None:
    if not db["catalog_meta"].exists():
        return None
    rows = list(db.query("select value from catalog_meta where key = ?", [SEED_VERSION_KEY]))
    return int(rows[0]["value"]) if rows else None


def apply_seed(db: Database, seed: Seed) -> None:
    """Refresh every seed table to `seed`, preserving user rows and user-edited columns, in one transaction."""
    stamp = now_text()
    with db.atomic():
        for table, rows in (("devices", seed.devices), ("prices", seed.prices), ("datasets", seed.datasets)):
            _refresh(db, table, rows, seed.version, stamp)
        db.execute("delete from interconnects")
        db["interconnects"].insert_all(seed.interconnects, pk="id")
        device_ids = {row["id"] for row in db.query("select id from devices")}
        db.execute("delete from device_aliases where origin = 'seed'")
        db["device_aliases"].insert_all(
            (
                {**alias, "alias_norm": normalise(alias["alias"]), "origin": "seed"}
                for alias in seed.aliases
                if alias["device_id"] in device_ids
            ),
            pk="id",
        )
        rebuild_search(db)
        db["catalog_meta"].upsert({"key": SEED_VERSION_KEY, "value": str(seed.version)}, pk="key")
        db["catalog_meta"].upsert({"key": "seed_applied_at", "value": stamp}, pk="key")


def _refresh(db: Database, table: str, seed_rows: list[dict], version: int, stamp: str) -> None:
    existing = {row["id"]: row for row in db.query(f"select * from [{table}]")}
    merged: list[dict] = []
    seed_ids = set()
    for seed_row in seed_rows:
        seed_ids.add(seed_row["id"])
        old = existing.get(seed_row["id"])
        if old is not None and old.get("origin") == "user":
            continue  # the user's own row with the same id wins
        row = {**seed_row, "origin": "seed", "user_fields": None, "seed_version": version, "updated_at": stamp}
        if old is not None:
            edited = [name for name in user_fields(old) if name in old]
            for name in edited:
                row[name] = old[name]
            row["user_fields"] = json.dumps(edited) if edited else None
            if edited:
                row["updated_at"] = old.get("updated_at") or stamp
        merged.append(row)
    # seed rows dropped from the seed go, unless the user edited them
    for row_id, old in existing.items():
        if old.get("origin") == "seed" and row_id not in seed_ids and not user_fields(old):
            db[table].delete(row_id)
    db[table].insert_all(merged, pk="id", replace=True, alter=True)


def search_text(device: dict, aliases: list[str]) -> str:
    parts = [device.get("name"), device.get("vendor"), device.get("vendor_zh"), device.get("architecture"),
             device.get("id"), *aliases]
    return normalise(" | ".join(str(p) for p in parts if p))


def rebuild_search(db: Database, device_ids: list[str] | None = None) -> None:
    """Recompute the search documents (all devices, or the given ones)."""
    if device_ids is None:
        db.execute("delete from device_search")
        devices = list(db.query("select id, kind, name, vendor, vendor_zh, architecture from devices"))
    else:
        for device_id in device_ids:
            db.execute("delete from device_search where device_id = ?", [device_id])
        marks = ",".join("?" for _ in device_ids)
        devices = list(
            db.query(f"select id, kind, name, vendor, vendor_zh, architecture from devices where id in ({marks})",
                     device_ids)
        )
    aliases: dict[str, list[str]] = {}
    for row in db.query("select device_id, alias from device_aliases"):
        aliases.setdefault(row["device_id"], []).append(row["alias"])
    db["device_search"].insert_all(
        ({"device_id": d["id"], "kind": d["kind"], "text": search_text(d, aliases.get(d["id"], []))}
         for d in devices),
        pk="device_id",
        replace=True,
    )

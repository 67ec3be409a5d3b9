"""The hardware catalog: one SQLite database (sqlite-utils) built from the seed plus the user's rows.

`Catalog.open()` finds or builds `catalog.db` in the user data dir, applies the schema migrations,
refreshes seed rows when the seed version changed (user rows and edits survive), and recovers
from a damaged file by moving it aside and rebuilding (`recovery_message` says what happened).
`catalog.db` is the sqlite_utils.Database: other modules may keep their own tables in it.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..errors import ValidationError, require_choice
from ..explain import Derived
from .catalog_arrays import CatalogArrays
from .catalog_entries import DatasetInfo, InterconnectInfo, PriceEntry
from .catalog_prices import device_prices, validate_price, write_price
from .catalog_records import row_to_spec, validate_fields
from .catalog_recovery import (
    BUSY_TIMEOUT_S,
    find_problem,
    move_aside,
    recovery_text,
    restore_foreign_tables,
    restore_user_rows,
    salvage_user_rows,
)
from .catalog_search import resolve_id, search_ids
from .catalog_seed import apply_seed, normalise, now_text, rebuild_search, stored_seed_version, user_fields
from .migrations import apply_migrations
from .peaks import (
    PeakCheck,
    check_fp32,
    check_memory_bandwidth,
    check_tensor_fp16,
    fp32_peak,
    memory_bandwidth,
    tensor_fp16_peak,
)
from .seed import Seed
from .seed import seed_dir as default_seed_dir
from .spec import DEVICE_KINDS, DeviceSpec


def _seed_version(folder: Path) -> int:
    return int(json.loads((folder / "seed.json").read_text(encoding="utf-8"))["version"])


class Catalog:
    """Devices, datasets, prices, interconnects and this workstation's benchmark results."""

    def __init__(self, db: Database, path: Path | None, recovery_message: str = "",
                 seed_folder: Path | None = None) -> None:
        self.db = db
        self.path = path
        self.recovery_message = recovery_message
        self._seed_folder = seed_folder or default_seed_dir()
        self._lock = threading.RLock()
        self._resolved: dict[str, DeviceSpec] = {}
        self._resolved_state: tuple[int, int] = (-1, -1)

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(cls, path: str | Path | None = None, *, seed_dir: str | Path | None = None) -> Catalog:
        """Open (building or upgrading as needed) the catalog; a damaged file is moved aside and rebuilt."""
        from ..paths import catalog_db_path

        db_path = Path(path) if path is not None else catalog_db_path()
        db_path.parent.mkdir(parents=True, exist_ok=True)
        folder = Path(seed_dir) if seed_dir is not None else default_seed_dir()
        problem = find_problem(db_path) if db_path.exists() and db_path.stat().st_size > 0 else None
        if problem is None:
            for attempt in range(3):
                db = _connect(db_path)
                try:
                    _prepare(db, folder)
                    return cls(db, db_path, "", folder)
                except sqlite3.DatabaseError:
                    db.close()
                    # only damage counts: lock contention or a concurrent first build is retried
                    problem = find_problem(db_path)
                    if problem is None and attempt == 2:
                        raise
                    if problem is not None:
                        break
                    time.sleep(0.1 * (attempt + 1))
        return cls._rebuild(db_path, folder, problem)

    @classmethod
    def _rebuild(cls, db_path: Path, folder: Path, problem: str) -> Catalog:
        salvage = salvage_user_rows(db_path)
        try:
            moved: Path | None = move_aside(db_path)
            db = _connect(db_path)
        except OSError:
            moved, db = None, _connect(None)  # cannot write there: work in memory this session
        _prepare(db, folder)
        restored = restore_user_rows(db, salvage.rows) + restore_foreign_tables(db, salvage)
        message = recovery_text(db_path, problem, moved, salvage, restored)
        if moved is None:
            message += " Changes made in this session will not be saved."
        return cls(db, db_path if moved else None, message, folder)

    def close(self) -> None:
        with self._lock:
            self.db.close()

    def __enter__(self) -> Catalog:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ devices
    def devices(self, kind: str | None = None) -> list[DeviceSpec]:
        """All devices (of one kind), ordered by kind, vendor and name."""
        if kind is not None:
            require_choice("kind", kind, DEVICE_KINDS)
        with self._lock:
            where, args = ("where kind = ?", [kind]) if kind else ("", [])
            rows = list(self.db.query(f"select * from devices {where} order by kind, vendor, name", args))
            prices = device_prices(self.db)
        return [row_to_spec(row, prices.get(row["id"])) for row in rows]

    def get(self, device_id: str) -> DeviceSpec:
        """The device with this catalog id; ValidationError when there is none."""
        row = self.device_row(device_id)
        with self._lock:
            return row_to_spec(row, device_prices(self.db, device_id).get(device_id))

    def device_row(self, device_id: str) -> dict:
        """The raw catalog row (source units, flags) behind a device, for display and export."""
        with self._lock:
            rows = list(self.db.query("select * from devices where id = ?", [device_id]))
        if not rows:
            raise ValidationError("device", f"{device_id!r} is not a catalog id", self._suggest(device_id))
        return rows[0]

    def resolve(self, text: str) -> DeviceSpec:
        """A device from its id, marketing name ("RTX 4090") or NVML name ("NVIDIA GeForce RTX 4090").

        Remembered until the database changes (a write here or a commit by another process),
        because every estimate resolves its device and the GUI re-estimates on each edit.
        """
        with self._lock:
            state = self._change_state()
            if state != self._resolved_state:
                self._resolved.clear()
                self._resolved_state = state
            spec = self._resolved.get(text)
            if spec is None:
                spec = self.get(resolve_id(self.db, text))
                self._resolved[text] = spec
            return spec

    def _change_state(self) -> tuple[int, int]:
        """(rows this connection changed, SQLite's counter of other connections' commits)."""
        conn = self.db.conn
        return conn.total_changes, conn.execute("pragma data_version").fetchone()[0]

    def search(self, text: str, kind: str | None = None, limit: int = 50) -> list[DeviceSpec]:
        """Devices whose names, vendors (any language) or aliases contain every word of `text`."""
        if kind is not None:
            require_choice("kind", kind, DEVICE_KINDS)
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= 10_000:
            raise ValidationError("limit", f"{limit!r} is out of range", "1 to 10000")
        if not isinstance(text, str):
            raise ValidationError("text", f"{text!r} is not text", "a search text")
        with self._lock:
            ids = search_ids(self.db, text, kind, limit)
            if not ids:
                return []
            marks = ",".join("?" for _ in ids)
            rows = {r["id"]: r for r in self.db.query(f"select * from devices where id in ({marks})", ids)}
            prices = device_prices(self.db)
        return [row_to_spec(rows[i], prices.get(i)) for i in ids if i in rows]

    def fp32_peak(self, device_id: str) -> Derived:
        """chips x cores x clock x FLOPs/clock for a device, with its inputs (NaN when not derivable)."""
        return fp32_peak(self.device_row(device_id))

    def derivations(self, device_id: str) -> list[Derived]:
        """Every first-principles figure derivable for a device: FP32 peak, dense FP16 tensor peak,
        memory bandwidth (the FP32 peak always, with the reason when it is not derivable)."""
        row = self.device_row(device_id)
        extra = [d for d in (tensor_fp16_peak(row), memory_bandwidth(row)) if not math.isnan(d.value)]
        return [fp32_peak(row), *extra]

    def peak_checks(self, device_id: str | None = None) -> list[PeakCheck]:
        """Formula vs datasheet (FP32, dense FP16 tensor, memory bandwidth) for one or all devices."""
        with self._lock:
            rows = [self.device_row(device_id)] if device_id else list(self.db.query("select * from devices"))
        return [check(row) for row in rows for check in (check_fp32, check_tensor_fp16, check_memory_bandwidth)]

    def as_arrays(self, kind: str | None = None) -> CatalogArrays:
        """numpy float arrays (SI units, NaN unknown) of every numeric column, aligned with ids and names."""
        return CatalogArrays.from_specs(self.devices(kind), kind)

    def add_user_device(self, **fields: Any) -> DeviceSpec:
        """Add the user's own device; every field is validated (ValidationError names the field and range)."""
        clean = validate_fields(fields, require=("kind", "vendor", "name"))
        aliases = clean.pop("aliases", [])
        price = {k: clean.pop(k) for k in ("price_usd", "price_date", "price_source") if k in clean}
        with self._lock:
            device_id = clean.pop("id", None) or self._new_user_id(clean["vendor"], clean["name"])
            if self.db["devices"].count_where("id = ?", [device_id]):
                raise ValidationError("device.id", f"{device_id!r} already exists", "an unused id")
            row = {**clean, "id": device_id, "chips": clean.get("chips") or 1, "origin": "user",
                   "user_fields": None, "updated_at": now_text()}
            with self.db.atomic():
                self.db["devices"].insert(row, pk="id")
                self._add_aliases(device_id, aliases)
                if price.get("price_usd") is not None:
                    write_price(self.db, device_id, price, kind=clean["kind"], item=f"{clean['vendor']} {clean['name']}")
                rebuild_search(self.db, [device_id])
        return self.get(device_id)

    def update_device(self, device_id: str, **fields: Any) -> DeviceSpec:
        """Edit a device; edits to seed devices are remembered per field and survive seed upgrades."""
        clean = validate_fields(fields)
        if "id" in clean:
            raise ValidationError("device.id", "cannot be changed", "add a new device instead")
        with self._lock:
            row = self.device_row(device_id)
            aliases = clean.pop("aliases", None)
            price = {k: clean.pop(k) for k in ("price_usd", "price_date", "price_source") if k in clean}
            edited = sorted(set(user_fields(row)) | set(clean)) if row.get("origin") != "user" else []
            with self.db.atomic():
                if clean:
                    self.db["devices"].update(
                        device_id,
                        {**clean, "user_fields": json.dumps(edited) if edited else None, "updated_at": now_text()},
                    )
                if aliases is not None:
                    self.db.execute("delete from device_aliases where device_id = ? and origin = 'user'", [device_id])
                    self._add_aliases(device_id, aliases)
                if price:
                    write_price(self.db, device_id, price, kind=row["kind"], item=f"{row['vendor']} {row['name']}")
                rebuild_search(self.db, [device_id])
        return self.get(device_id)

    def revert_device(self, device_id: str) -> DeviceSpec:
        """Drop the user's edits to a seed device and take the seed values again."""
        with self._lock:
            row = self.device_row(device_id)
            if row.get("origin") == "user":
                raise ValidationError("device", f"{device_id!r} is your own device", "a seed device id")
            seed_row = next((d for d in Seed.load(self._seed_folder).devices if d["id"] == device_id), None)
            if seed_row is not None:
                with self.db.atomic():
                    self.db["devices"].update(device_id, {**seed_row, "user_fields": None, "updated_at": now_text()})
                    rebuild_search(self.db, [device_id])
        return self.get(device_id)

    def delete_user_device(self, device_id: str) -> None:
        """Remove a device the user added; seed devices cannot be deleted (revert edits instead)."""
        with self._lock:
            row = self.device_row(device_id)
            if row.get("origin") != "user":
                raise ValidationError("device", f"{device_id!r} comes with the catalog and cannot be deleted",
                                      "a device you added")
            with self.db.atomic():
                self.db["devices"].delete(device_id)
                self.db.execute("delete from device_aliases where device_id = ?", [device_id])
                self.db.execute("delete from prices where id = ? and origin = 'user'", [device_id])
                self.db.execute("delete from device_search where device_id = ?", [device_id])

    # ------------------------------------------------------------------ datasets, prices, links
    def datasets(self) -> list[DatasetInfo]:
        with self._lock:
            return [DatasetInfo.from_row(r) for r in self.db.query("select * from datasets order by name")]

    def dataset(self, name_or_id: str) -> DatasetInfo:
        """A dataset by id, name or alias ("COCO", "imagenet-1k", "KSDD2"), case-insensitive."""
        wanted = normalise(name_or_id or "")
        for info in self.datasets():
            if wanted in {info.id, normalise(info.name), *(normalise(a) for a in info.aliases)}:
                return info
        raise ValidationError("dataset", f"{name_or_id!r} is not in the catalog",
                              "one of " + ", ".join(d.id for d in self.datasets()))

    def prices(self, category: str | None = None, device_id: str | None = None) -> list[PriceEntry]:
        """Price rows, optionally of one category and/or one device (filtered in SQL: estimates call this)."""
        clauses = [(c, v) for c, v in (("category = ?", category), ("device_id = ?", device_id)) if v]
        where = ("where " + " and ".join(c for c, _ in clauses)) if clauses else ""
        with self._lock:
            rows = self.db.query(f"select * from prices {where} order by category, item", [v for _, v in clauses])
            return [PriceEntry.from_row(r) for r in rows]

    def price(self, item_id: str) -> PriceEntry:
        with self._lock:
            rows = list(self.db.query("select * from prices where id = ?", [item_id]))
        if not rows:
            raise ValidationError("price", f"{item_id!r} is not a price item", self._suggest_price(item_id))
        return PriceEntry.from_row(rows[0])

    def set_price(self, item_id: str, price: float, currency: str, date: str, source: str, *,
                  category: str | None = None, item: str | None = None, unit: str | None = None) -> PriceEntry:
        """Set a price (the user's own figure, kept across seed upgrades). A device id prices that device."""
        values = validate_price(price, currency, date, source)
        with self._lock:
            with self.db.atomic():
                write_price(self.db, item_id, values, category=category, item=item, unit=unit)
        return self.price(item_id)

    def interconnects(self) -> list[InterconnectInfo]:
        with self._lock:
            return [InterconnectInfo.from_row(r) for r in self.db.query("select * from interconnects order by rowid")]

    def interconnect(self, link_id: str) -> InterconnectInfo:
        for link in self.interconnects():
            if link.id == link_id or normalise(link.name) == normalise(link_id):
                return link
        raise ValidationError("interconnect", f"{link_id!r} is not in the catalog",
                              "one of " + ", ".join(i.id for i in self.interconnects()))

    # ------------------------------------------------------------------ benchmark results
    def record_benchmark(self, result: dict) -> int:
        """Store one micro-benchmark result of this workstation with a UTC timestamp; returns its row id."""
        if not isinstance(result, dict):
            raise ValidationError("result", "must be a dictionary", "a JSON-serialisable dict")
        try:
            text = json.dumps(result, allow_nan=True, default=str)
        except (TypeError, ValueError) as error:
            raise ValidationError("result", f"cannot be stored ({error})", "a JSON-serialisable dict") from None
        with self._lock:
            with self.db.atomic():
                table = self.db["benchmark_results"].insert(
                    {"recorded_at": now_text(), "name": str(result.get("name", "")), "result_json": text}, pk="id")
            return int(table.last_pk)

    def benchmark_results(self, limit: int = 20) -> list[dict]:
        """Newest first: each stored result dict plus `recorded_at` and `id`."""
        with self._lock:
            rows = self.db.query("select * from benchmark_results order by id desc limit ?", [int(limit)])
            return [{**json.loads(r["result_json"]), "recorded_at": r["recorded_at"], "id": r["id"]} for r in rows]

    # ------------------------------------------------------------------ internals
    def _add_aliases(self, device_id: str, aliases: list[str]) -> None:
        self.db["device_aliases"].insert_all(
            ({"device_id": device_id, "alias": a, "alias_norm": normalise(a), "alias_kind": "user", "origin": "user"}
             for a in aliases), pk="id")

    def _new_user_id(self, vendor: str, name: str) -> str:
        base = "user-" + (re.sub(r"[^a-z0-9]+", "-", f"{vendor} {name}".lower()).strip("-")[:60] or "device")
        candidate, counter = base, 1
        while self.db["devices"].count_where("id = ?", [candidate]):
            counter += 1
            candidate = f"{base}-{counter}"
        return candidate

    def _suggest(self, device_id: str) -> str:
        import difflib

        ids = [r["id"] for r in self.db.query("select id from devices")]
        close = difflib.get_close_matches(str(device_id).lower(), ids, n=5, cutoff=0.5)
        return ("close matches: " + ", ".join(close)) if close else "a catalog id (see `rigsizer-cli catalog list`)"

    def _suggest_price(self, item_id: str) -> str:
        import difflib

        ids = [r["id"] for r in self.db.query("select id from prices")]
        close = difflib.get_close_matches(str(item_id).lower(), ids, n=5, cutoff=0.4)
        return ("close matches: " + ", ".join(close)) if close else "a price id (see `rigsizer-cli catalog prices`)"


def _connect(path: Path | None) -> Database:
    conn = sqlite3.connect(":memory:" if path is None else str(path), check_same_thread=False,
                           timeout=BUSY_TIMEOUT_S)
    return Database(conn)


def _prepare(db: Database, folder: Path) -> None:
    apply_migrations(db)
    if stored_seed_version(db) != _seed_version(folder):
        apply_seed(db, Seed.load(folder))

"""Versioned schema of the catalog database (sqlite-utils `Migrations`, set "rigsizer.catalog").

Migrations only ever add: a new step gets a new name at the end of the list. Seed *data* is
refreshed separately (catalog_seed.apply_seed) when the seed version changes, so schema and data
versions move independently. Other modules may keep their own migration sets in the same file.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from .seed import DEVICE_COLUMNS

MIGRATION_SET = "rigsizer.catalog"
migrations = Migrations(MIGRATION_SET)

# every table that holds rows a user may own, with the columns that mark them
USER_TABLES = ("devices", "device_aliases", "prices", "datasets")
REQUIRED_TABLES = ("devices", "device_aliases", "prices", "datasets", "interconnects", "benchmark_results",
                   "catalog_meta", "device_search")

_TYPES = {"TEXT": str, "REAL": float, "INTEGER": int}
_ROW_STATE = {"origin": str, "user_fields": str, "seed_version": int, "updated_at": str}


@migrations(name="0001_tables")
def create_tables(db: Database) -> None:
    devices = {name: _TYPES[kind] for name, kind in DEVICE_COLUMNS.items()}
    db["devices"].create({**devices, **_ROW_STATE}, pk="id", not_null={"kind", "name"})
    db["devices"].create_index(["kind"])
    db["device_aliases"].create(
        {"id": int, "device_id": str, "alias": str, "alias_norm": str, "alias_kind": str, "origin": str},
        pk="id",
    )
    db["device_aliases"].create_index(["alias_norm"])
    db["device_aliases"].create_index(["device_id"])
    db["prices"].create(
        {
            "id": str, "category": str, "item": str, "device_id": str, "price": float, "price_low": float,
            "price_high": float, "price_text": str, "currency": str, "unit": str, "date": str, "region": str,
            "source": str, "notes": str, **_ROW_STATE,
        },
        pk="id",
    )
    db["prices"].create_index(["category"])
    db["prices"].create_index(["device_id"])
    db["datasets"].create(
        {
            "id": str, "name": str, "aliases": str, "domain": str, "task": str, "images_total": float,
            "images_train": float, "images_defective": float, "width_px": float, "height_px": float,
            "channels_n": int, "width_text": str, "height_text": str, "channels_text": str, "file_format": str,
            "typical_file_kb": float, "num_classes": str, "license": str, "source": str, "notes": str,
            **_ROW_STATE,
        },
        pk="id",
    )
    db["interconnects"].create(
        {
            "id": str, "category": str, "name": str, "signaling": str, "lanes_or_links": str,
            "per_direction_gbs": float, "bidirectional_gbs": float, "typical_use": str, "source": str,
            "notes": str,
        },
        pk="id",
    )
    db["benchmark_results"].create(
        {"id": int, "recorded_at": str, "name": str, "result_json": str}, pk="id"
    )
    db["catalog_meta"].create({"key": str, "value": str}, pk="key")


@migrations(name="0002_search")
def create_search(db: Database) -> None:
    """One search document per device (names, vendors in every language, aliases), indexed by FTS5 trigram."""
    db["device_search"].create({"device_id": str, "kind": str, "text": str}, pk="device_id")
    db["device_search"].enable_fts(["text"], tokenize="trigram", create_triggers=True)


def apply_migrations(db: Database) -> None:
    migrations.apply(db)

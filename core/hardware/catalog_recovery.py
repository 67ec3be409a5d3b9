"""Detects an unreadable catalog database, keeps what the user owns, and moves the file aside.

Called before the catalog opens its file: a garbage or truncated file, or one whose tables are
partly damaged, is checked with PRAGMA quick_check and a read of every table. User rows are read
table by table (a damaged table loses only its own rows), then the file is renamed to
`catalog.db.corrupt-<UTC timestamp>` so nothing is deleted.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from .catalog_seed import rebuild_search, user_fields
from .migrations import MIGRATION_SET, REQUIRED_TABLES

BUSY_TIMEOUT_S = 10.0

# table -> SQL selecting the rows that belong to the user
USER_ROW_QUERIES: dict[str, str] = {
    "devices": "select * from devices where origin = 'user' or coalesce(user_fields, '') not in ('', '[]')",
    "device_aliases": "select * from device_aliases where origin = 'user'",
    "prices": "select * from prices where origin = 'user' or coalesce(user_fields, '') not in ('', '[]')",
    "datasets": "select * from datasets where origin = 'user' or coalesce(user_fields, '') not in ('', '[]')",
    "benchmark_results": "select * from benchmark_results",
}


MIGRATIONS_TABLE = "_sqlite_migrations"


@dataclass
class ForeignTable:
    """A table another module keeps in the catalog file (e.g. quote history): schema and rows, verbatim."""

    name: str
    create_sql: str
    index_sql: list[str]
    rows: list[dict]


@dataclass
class Salvage:
    """What could be read back from a damaged database."""

    rows: dict[str, list[dict]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    foreign: list[ForeignTable] = field(default_factory=list)
    foreign_migrations: list[dict] = field(default_factory=list)  # other modules' migration records

    def count(self) -> int:
        return sum(len(rows) for rows in self.rows.values()) + sum(len(t.rows) for t in self.foreign)


def is_catalog_table(name: str) -> bool:
    """Tables the catalog builds itself (and SQLite's own); every other table belongs to another module."""
    return (name in REQUIRED_TABLES or name == MIGRATIONS_TABLE or name.startswith("sqlite_")
            or name.startswith("device_search"))


def find_problem(path: Path) -> str | None:
    """None when the database reads cleanly, else a one-line description of what is wrong."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error as error:
        return f"cannot open: {error}"
    try:
        result = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
        if result != ["ok"]:
            return "integrity check failed: " + "; ".join(str(r) for r in result[:3])
        tables = [row[0] for row in conn.execute("select name from sqlite_master where type = 'table'")]
        for table in tables:
            conn.execute(f"select count(*) from [{table}]").fetchone()
        return None
    except sqlite3.Error as error:
        if is_busy(error):
            return None  # another process is writing: busy, not damaged
        return str(error)
    finally:
        conn.close()


def is_busy(error: BaseException) -> bool:
    """True for lock contention (another process holds the file), which must never count as damage."""
    text = str(error).lower()
    return "locked" in text or "busy" in text


def salvage_user_rows(path: Path) -> Salvage:
    """Read the user's rows, one table at a time, stopping a table at its first unreadable row."""
    salvage = Salvage()
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        conn.row_factory = sqlite3.Row
    except sqlite3.Error as error:
        salvage.problems.append(f"nothing could be read ({error})")
        return salvage
    try:
        for table, sql in USER_ROW_QUERIES.items():
            rows: list[dict] = []
            try:
                for row in conn.execute(sql):
                    rows.append(dict(row))
            except sqlite3.Error as error:
                message = str(error)
                if "no such table" in message or "no such column" in message:
                    continue  # an older schema without this table holds no user rows
                salvage.problems.append(f"{table}: {message}" + (f" after {len(rows)} rows" if rows else ""))
            if rows:
                salvage.rows[table] = rows
        _salvage_foreign_tables(conn, salvage)
    finally:
        conn.close()
    return salvage


def _salvage_foreign_tables(conn: sqlite3.Connection, salvage: Salvage) -> None:
    """Keep other modules' tables (quote history, ...) and their migration records across a rebuild,
    without the catalog knowing what they hold."""
    try:
        tables = conn.execute("select name, sql from sqlite_master where type = 'table'").fetchall()
        indexes = conn.execute("select tbl_name, sql from sqlite_master where type = 'index' "
                               "and sql is not null").fetchall()
    except sqlite3.Error as error:
        salvage.problems.append(f"table list: {error}")
        return
    for name, create_sql in tables:
        if is_catalog_table(name) or not create_sql:
            continue
        rows: list[dict] = []
        try:
            rows.extend(dict(row) for row in conn.execute(f'select * from "{name}"'))
        except sqlite3.Error as error:
            salvage.problems.append(f"{name}: {error}" + (f" after {len(rows)} rows" if rows else ""))
        salvage.foreign.append(ForeignTable(name, create_sql, [sql for table, sql in indexes if table == name], rows))
    try:
        salvage.foreign_migrations = [
            dict(row) for row in conn.execute(f"select * from {MIGRATIONS_TABLE} where migration_set != ?",
                                              [MIGRATION_SET])
        ]
    except sqlite3.Error as error:
        if "no such table" not in str(error):
            salvage.problems.append(f"migration records: {error}")


def move_aside(path: Path) -> Path:
    """Rename the database (and its -wal/-shm/-journal companions) to <name>.corrupt-<timestamp>."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    path.rename(target)
    for suffix in ("-wal", "-shm", "-journal"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(target.with_name(target.name + suffix))
    return target


def recovery_text(path: Path, problem: str, moved_to: Path | None, salvage: Salvage, restored: int) -> str:
    """The message shown to the user after a rebuild."""
    where = f"It was moved to {moved_to}" if moved_to else "It could not be moved aside"
    lines = [
        f"The hardware catalog {path} could not be read ({problem}). {where} and the catalog was "
        f"rebuilt from the built-in data.",
        f"Recovered {restored} of your own rows (devices, edits, prices, datasets, benchmark results, quote history)."
        if restored else "None of your own rows could be recovered.",
    ]
    if salvage.problems:
        lines.append("Not recoverable: " + "; ".join(salvage.problems) + ".")
    return " ".join(lines)


def restore_user_rows(db: Database, salvaged: dict[str, list[dict]]) -> int:
    """Put salvaged user rows into a freshly built database; returns how many went back."""
    restored = 0
    with db.atomic():
        for table in ("devices", "prices", "datasets"):
            columns = set(db[table].columns_dict)
            for row in salvaged.get(table, []):
                row = {k: v for k, v in row.items() if k in columns}
                if row.get("origin") == "user":
                    db[table].insert(row, pk="id", replace=True)
                else:
                    edited = [f for f in user_fields(row) if f in columns]
                    if not edited or not db[table].count_where("id = ?", [row["id"]]):
                        continue
                    db[table].update(row["id"], {**{f: row.get(f) for f in edited},
                                                 "user_fields": json.dumps(edited)})
                restored += 1
        for row in salvaged.get("device_aliases", []):
            db["device_aliases"].insert({k: v for k, v in row.items() if k != "id"}, pk="id")
            restored += 1
        for row in salvaged.get("benchmark_results", []):
            db["benchmark_results"].insert({k: v for k, v in row.items() if k != "id"}, pk="id")
            restored += 1
        rebuild_search(db)
    return restored


def restore_foreign_tables(db: Database, salvage: Salvage) -> int:
    """Recreate other modules' tables with their own schema, rows and migration records."""
    restored = 0
    with db.atomic():
        for table in salvage.foreign:
            if not db[table.name].exists():
                db.execute(table.create_sql)
                for sql in table.index_sql:
                    db.execute(sql)
            if table.rows:
                db[table.name].insert_all(table.rows, replace=True)
                restored += len(table.rows)
        if salvage.foreign_migrations and db[MIGRATIONS_TABLE].exists():
            db[MIGRATIONS_TABLE].insert_all([{k: v for k, v in row.items() if k != "id"}
                                             for row in salvage.foreign_migrations])
    return restored

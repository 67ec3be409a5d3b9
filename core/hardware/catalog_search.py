"""Finding devices by text: FTS5 trigram search plus a LIKE fallback, and name resolution.

Trigrams need three characters, so words of one or two characters (e.g. "华为", "L4") are matched
with LIKE on the same search documents. Every word must match (AND); ranking puts exact alias and
name matches first.
"""

from __future__ import annotations

import difflib
import re

from sqlite_utils import Database

from ..errors import ValidationError
from .catalog_seed import normalise

MAX_QUERY = 200
_VENDOR_NOISE = re.compile(
    r"\b(\d+(st|nd|rd|th) gen|processor|cpu|with radeon graphics|\d+-cores?|@ ?[\d.]+ ?ghz)\b"
)


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _words(text: str) -> list[str]:
    return [w for w in normalise(text).replace('"', " ").split(" ") if w]


def search_ids(db: Database, text: str, kind: str | None = None, limit: int = 50) -> list[str]:
    """Device ids matching every word of `text` (substring match, any language), best first."""
    query = normalise(text)[:MAX_QUERY]
    words = _words(query)
    kind_sql, kind_args = ("and kind = ?", [kind]) if kind else ("", [])
    if not words:
        rows = db.query(f"select device_id from device_search where 1 {kind_sql} order by device_id", kind_args)
        return [r["device_id"] for r in rows][:limit]
    matched: set[str] | None = None
    for word in words:
        if len(word) >= 3:
            phrase = '"' + word.replace('"', '""') + '"'
            sql = (
                "select device_search.device_id from device_search_fts "
                "join device_search on device_search.rowid = device_search_fts.rowid "
                f"where device_search_fts match ? {kind_sql.replace('kind', 'device_search.kind')}"
            )
            found = {r["device_id"] for r in db.query(sql, [phrase, *kind_args])}
        else:
            sql = f"select device_id from device_search where text like ? escape '\\' {kind_sql}"
            found = {r["device_id"] for r in db.query(sql, [f"%{_like_escape(word)}%", *kind_args])}
        matched = found if matched is None else matched & found
        if not matched:
            return []
    return _rank(db, query, sorted(matched or ()))[:limit]


def _rank(db: Database, query: str, ids: list[str]) -> list[str]:
    if not ids:
        return []
    marks = ",".join("?" for _ in ids)
    names = {r["id"]: r["name"] for r in db.query(f"select id, name from devices where id in ({marks})", ids)}
    exact = {
        r["device_id"]
        for r in db.query(f"select device_id from device_aliases where alias_norm = ? and device_id in ({marks})",
                          [query, *ids])
    }

    def score(device_id: str) -> tuple:
        name = normalise(names.get(device_id, ""))
        return (
            device_id not in exact and name != query and device_id != query,
            not name.startswith(query) and query not in name.split(" "),
            query not in name,
            len(name),
            device_id,
        )

    return sorted(ids, key=score)


def _cpu_core_name(text: str) -> str:
    """'13th gen intel(r) core(tm) i9-13900k' -> 'intel core i9-13900k' (cpuinfo noise removed)."""
    return re.sub(r"\s+", " ", _VENDOR_NOISE.sub(" ", normalise(text))).strip()


def resolve_id(db: Database, text: str) -> str:
    """One device id for an id, marketing name or NVML/cpuinfo name; ValidationError listing close matches."""
    if not isinstance(text, str) or not text.strip():
        raise ValidationError("device", "no device name given", "a catalog id or a device name")
    query = normalise(text)[:MAX_QUERY]
    direct = list(db.query("select id from devices where lower(id) = ?", [query]))
    if direct:
        return direct[0]["id"]
    for candidate in dict.fromkeys((query, _cpu_core_name(text))):
        ids = sorted({r["device_id"] for r in db.query(
            "select device_aliases.device_id from device_aliases where alias_norm = ? "
            "union select id as device_id from devices where lower(name) = ? "
            "or lower(vendor || ' ' || name) = ?", [candidate, candidate, candidate])})
        if len(ids) == 1:
            return ids[0]
        if len(ids) > 1:
            raise ValidationError("device", f"{text!r} is ambiguous", "one of " + ", ".join(ids))
    found = search_ids(db, text, limit=10)
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise ValidationError("device", f"{text!r} matches several devices", "one of " + ", ".join(found))
    raise ValidationError("device", f"{text!r} is not in the catalog", _close_matches(db, query))


def _close_matches(db: Database, query: str) -> str:
    names: dict[str, str] = {}
    for row in db.query("select device_id, alias_norm from device_aliases"):
        names.setdefault(row["alias_norm"], row["device_id"])
    for row in db.query("select id, name from devices"):
        names.setdefault(normalise(row["name"]), row["id"])
        names.setdefault(row["id"], row["id"])
    close = difflib.get_close_matches(query, list(names), n=8, cutoff=0.5)
    ids = list(dict.fromkeys(names[c] for c in close))[:5]
    return ("close matches: " + ", ".join(ids)) if ids else "a catalog id (see `rigsizer-cli catalog list`)"

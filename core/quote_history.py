"""Quote history in the catalog database: numbering, crash-safe export records, search, revisions.

Numbers are `QT-YYYY-NNNN`, revisions `QT-YYYY-NNNN-R1`, `-R2`, ...; every number is reserved in
its own table first, so two exports never print the same number and a failed export leaves a
visible gap rather than a reused number. `record_export` writes the PDF to a temporary file, then
inside one transaction inserts the row and renames the file into place: the row commits only with
the file.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from .errors import ValidationError
from .quote import Quote, compute_totals

NUMBER_PATTERN = re.compile(r"^QT-(\d{4})-(\d{4,})(?:-R(\d+))?$")
QUOTES = "quote_history"
RESERVED = "quote_numbers"

migrations = Migrations("rigsizer.quote_history")


@migrations(name="create_quote_tables")
def _create_quote_tables(db: Database) -> None:
    db[RESERVED].create(
        {"number": str, "base_number": str, "year": int, "sequence": int, "revision": int, "reserved_at": str},
        pk="number",
    )
    db[RESERVED].create_index(["year", "sequence"])
    db[QUOTES].create(
        {
            "number": str, "base_number": str, "revision": int, "issue_date": str, "valid_until": str,
            "seller": str, "buyer": str, "project_name": str, "configuration": str, "currency": str,
            "subtotal": str, "tax": str, "total": str, "language": str, "pdf_path": str,
            "exported_at": str, "quote_json": str, "project_json": str, "estimate_json": str,
            "search_text": str,
        },
        pk="number",
    )
    db[QUOTES].create_index(["issue_date"])


def format_number(year: int, sequence: int, revision: int = 0) -> str:
    base = f"QT-{year:04d}-{sequence:04d}"
    return f"{base}-R{revision}" if revision else base


def parse_number(number: str) -> tuple[int, int, int]:
    """(year, sequence, revision) of a quote number; ValidationError if it is malformed."""
    match = NUMBER_PATTERN.match(number or "")
    if not match:
        raise ValidationError("quote.number", f"{number!r} is not a quote number", "QT-YYYY-NNNN or QT-YYYY-NNNN-Rn")
    return int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)


@dataclass(frozen=True)
class HistoryEntry:
    """One exported quote as listed in the history (the full data is loaded on demand)."""

    number: str
    base_number: str
    revision: int
    issue_date: str
    valid_until: str
    seller: str
    buyer: str
    project_name: str
    configuration: str
    currency: str
    total: str
    language: str
    pdf_path: str
    exported_at: str


@dataclass(frozen=True)
class StoredQuote:
    """A history row with its documents: the quote, the project snapshot and the estimate JSON."""

    entry: HistoryEntry
    quote: Quote
    project: dict[str, Any]
    estimate: dict[str, Any]


class QuoteHistory:
    """The quote tables of one SQLite database (normally the catalog's)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        migrations.apply(db)

    @classmethod
    def open_default(cls) -> QuoteHistory:
        """The history kept in the user's catalog database."""
        from .hardware.catalog import Catalog

        return cls(Catalog.open().db)

    # numbering ---------------------------------------------------------------------------
    def reserve_number(self, issue_date: dt.date | None = None) -> str:
        """A new QT-YYYY-NNNN for the issue year, never handed out before in this database."""
        year = (issue_date or dt.date.today()).year
        with self.db.atomic():
            row = self.db.execute(f"SELECT MAX(sequence) FROM {RESERVED} WHERE year = ?", [year]).fetchone()
            sequence = (row[0] or 0) + 1
            number = format_number(year, sequence)
            self._reserve(number, number, year, sequence, 0)
        return number

    def reserve_revision(self, number: str) -> str:
        """The next free revision of the quote `number` (QT-2026-0007 -> QT-2026-0007-R1, -R2 ...)."""
        year, sequence, _ = parse_number(number)
        base = format_number(year, sequence)
        with self.db.atomic():
            row = self.db.execute(f"SELECT MAX(revision) FROM {RESERVED} WHERE base_number = ?", [base]).fetchone()
            revision = (row[0] or 0) + 1
            revised = format_number(year, sequence, revision)
            self._reserve(revised, base, year, sequence, revision)
        return revised

    def _reserve(self, number: str, base: str, year: int, sequence: int, revision: int) -> None:
        self.db[RESERVED].insert({"number": number, "base_number": base, "year": year, "sequence": sequence,
                                  "revision": revision, "reserved_at": _now()})

    def adopt_number(self, number: str) -> None:
        """Mark an externally chosen number (e.g. typed by the user) as used; refuses duplicates."""
        year, sequence, revision = parse_number(number)
        if self.db[RESERVED].count_where("number = ?", [number]):
            return
        self._reserve(number, format_number(year, sequence), year, sequence, revision)

    # export ------------------------------------------------------------------------------
    def record_export(
        self,
        quote: Quote,
        pdf_path: str | os.PathLike[str],
        render: Callable[[Quote, Path], None],
        project: Mapping[str, Any] | None = None,
        estimate: Mapping[str, Any] | None = None,
    ) -> Quote:
        """Number the quote if needed, render it to a temporary file and commit row + file together.

        `render(quote, temp_path)` writes the PDF. A quote number already in the history may be
        exported again only with the same content (a re-export); changed content needs a revision.
        Returns the quote as exported (with its number).
        """
        quote = quote.validated()
        if not quote.number:
            quote = replace(quote, number=self.reserve_number(quote.issue_date))
        else:
            parse_number(quote.number)
            self.adopt_number(quote.number)
        existing = self.find_row(quote.number)
        quote_json = _dumps(quote.to_dict())
        if existing is not None and Quote.from_dict(json.loads(existing["quote_json"])) != quote:
            raise ValidationError("quote.number", f"{quote.number} was already issued with other content",
                                  "an unused number, or duplicate the quote as a revision")
        target = Path(pdf_path).expanduser().resolve()
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".part", dir=target.parent)
        os.close(handle)
        temp = Path(temp_name)
        try:
            render(quote, temp)
            if temp.stat().st_size == 0:
                raise OSError(f"rendering {quote.number} produced an empty file")
            with open(temp, "rb") as stream:
                os.fsync(stream.fileno())
            totals = compute_totals(quote)
            row = {
                "number": quote.number, "base_number": format_number(*parse_number(quote.number)[:2]),
                "revision": parse_number(quote.number)[2],
                "issue_date": quote.issue_date.isoformat(), "valid_until": quote.valid_until_date.isoformat(),
                "seller": quote.seller.name, "buyer": quote.buyer.name, "project_name": quote.project_name,
                "configuration": quote.configuration, "currency": quote.currency,
                "subtotal": str(totals.subtotal), "tax": str(totals.tax), "total": str(totals.total),
                "language": quote.language, "pdf_path": str(target), "exported_at": _now(),
                "quote_json": quote_json,
                "project_json": _dumps(dict(project or {})) if project is not None else
                (existing["project_json"] if existing else "{}"),
                "estimate_json": _dumps(dict(estimate or {})) if estimate is not None else
                (existing["estimate_json"] if existing else "{}"),
                "search_text": " ".join((quote.number, quote.seller.name, quote.buyer.name, quote.buyer.contact,
                                         quote.project_name, quote.configuration, quote.notes)).lower(),
            }
            with self.db.atomic():
                self.db[QUOTES].upsert(row, pk="number")
                os.replace(temp, target)
        finally:
            if temp.exists():
                temp.unlink()
        return quote

    # queries -----------------------------------------------------------------------------
    def find_row(self, number: str) -> dict[str, Any] | None:
        rows = list(self.db[QUOTES].rows_where("number = ?", [number], limit=1))
        return rows[0] if rows else None

    def entries(self, search: str = "", limit: int = 500) -> list[HistoryEntry]:
        """Newest first; `search` matches number, parties, project, configuration and notes."""
        where, args = "", []
        for word in search.lower().split():
            where += (" AND " if where else "") + "search_text LIKE ? ESCAPE '\\'"
            args.append("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        rows = self.db[QUOTES].rows_where(where or None, args, order_by="exported_at DESC, number DESC", limit=limit)
        names = HistoryEntry.__dataclass_fields__
        return [HistoryEntry(**{k: row[k] for k in names}) for row in rows]

    def load(self, number: str) -> StoredQuote:
        row = self.find_row(number)
        if row is None:
            raise ValidationError("quote.number", f"{number} is not in the quote history", "an exported quote number")
        names = HistoryEntry.__dataclass_fields__
        return StoredQuote(HistoryEntry(**{k: row[k] for k in names}), Quote.from_dict(json.loads(row["quote_json"])),
                           json.loads(row["project_json"] or "{}"), json.loads(row["estimate_json"] or "{}"))

    def duplicate_as_revision(self, number: str, issue_date: dt.date | None = None) -> StoredQuote:
        """The stored quote under a newly reserved revision number, re-dated to today (same validity span)."""
        stored = self.load(number)
        old = stored.quote
        issue = issue_date or dt.date.today()
        span = old.valid_until_date - old.issue_date
        revised = replace(old, number=self.reserve_revision(number), issue_date=issue, valid_until=issue + span)
        return replace(stored, quote=revised)

    def delete(self, number: str) -> None:
        """Remove a history row (the number stays reserved; the PDF file is left alone)."""
        with self.db.atomic():
            self.db[QUOTES].delete_where("number = ?", [number])


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)

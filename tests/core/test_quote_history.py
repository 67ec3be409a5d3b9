"""Quote history: unique numbers and revisions, crash-safe export, search, reopen."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from sqlite_utils import Database

from rigsizer.core.errors import ValidationError
from rigsizer.core.quote import LineItem, Party, Quote
from rigsizer.core.quote_history import QuoteHistory, parse_number


def _history(tmp_path: Path) -> QuoteHistory:
    return QuoteHistory(Database(tmp_path / "catalog.db"))


def _quote(buyer: str = "Fabric Works Ltd") -> Quote:
    return Quote(issue_date=dt.date(2026, 11, 24), buyer=Party(name=buyer), seller=Party(name="Integrator GmbH"),
                 items=(LineItem("gpu", "GeForce RTX 4090", quantity=1, unit_price=Decimal("1599")),),
                 project_name="Fabric defects", tax_rate=Decimal("0.13"))


def _write(text: str):
    def render(quote: Quote, path: Path) -> None:
        path.write_text(f"%PDF {quote.number} {text}")
    return render


def test_numbers_are_sequential_per_year_and_unique(tmp_path):
    history = _history(tmp_path)
    first = history.reserve_number(dt.date(2026, 1, 5))
    second = history.reserve_number(dt.date(2026, 6, 1))
    assert (first, second) == ("QT-2026-0001", "QT-2026-0002")
    assert history.reserve_number(dt.date(2027, 1, 1)) == "QT-2027-0001"
    reopened = QuoteHistory(Database(tmp_path / "catalog.db"))  # migrations are idempotent
    assert reopened.reserve_number(dt.date(2026, 7, 1)) == "QT-2026-0003"


def test_export_stores_row_with_snapshot_and_file(tmp_path):
    history = _history(tmp_path)
    pdf = tmp_path / "out" / "quote.pdf"
    exported = history.record_export(_quote(), pdf, _write("v1"), project={"name": "p"}, estimate={"gpus": 1})
    assert exported.number == "QT-2026-0001"
    assert pdf.read_text() == "%PDF QT-2026-0001 v1"
    stored = history.load(exported.number)
    assert stored.quote == exported
    assert stored.project == {"name": "p"} and stored.estimate == {"gpus": 1}
    assert stored.entry.total == "1806.87"  # 1599 + 13 % tax
    assert stored.entry.pdf_path == str(pdf.resolve())
    assert [p.name for p in pdf.parent.iterdir()] == ["quote.pdf"]  # no temporary file left


def test_crash_during_render_leaves_no_row_and_no_file(tmp_path):
    history = _history(tmp_path)
    pdf = tmp_path / "quote.pdf"

    def broken(quote: Quote, path: Path) -> None:
        path.write_text("half a pdf")
        raise RuntimeError("renderer died")

    with pytest.raises(RuntimeError):
        history.record_export(_quote(), pdf, broken)
    assert history.entries() == []
    assert not pdf.exists()
    assert list(tmp_path.glob("*.part")) == []
    # the number that was handed out is not reused: a visible gap, never a duplicate
    assert history.record_export(_quote(), pdf, _write("ok")).number == "QT-2026-0002"


def test_failed_rename_rolls_back_the_row(tmp_path, monkeypatch):
    history = _history(tmp_path)
    import rigsizer.core.quote_history as module

    def failing_replace(source, target):
        raise OSError("disk full")

    monkeypatch.setattr(module.os, "replace", failing_replace)
    with pytest.raises(OSError):
        history.record_export(_quote(), tmp_path / "q.pdf", _write("x"))
    assert history.entries() == []


def test_revision_gets_next_suffix_and_keeps_content(tmp_path):
    history = _history(tmp_path)
    original = history.record_export(_quote(), tmp_path / "a.pdf", _write("a"))
    revision = history.duplicate_as_revision(original.number, issue_date=dt.date(2026, 12, 1))
    assert revision.quote.number == "QT-2026-0001-R1"
    assert revision.quote.issue_date == dt.date(2026, 12, 1)
    assert revision.quote.valid_until_date == dt.date(2026, 12, 31)
    assert revision.quote.items == original.items
    history.record_export(revision.quote, tmp_path / "a-r1.pdf", _write("r1"))
    assert history.duplicate_as_revision(revision.quote.number).quote.number == "QT-2026-0001-R2"
    assert parse_number("QT-2026-0001-R2") == (2026, 1, 2)


def test_reexport_same_content_is_allowed_but_changed_content_needs_a_revision(tmp_path):
    history = _history(tmp_path)
    exported = history.record_export(_quote(), tmp_path / "a.pdf", _write("a"))
    again = history.record_export(exported, tmp_path / "b.pdf", _write("b"))
    assert again.number == exported.number
    assert history.load(exported.number).entry.pdf_path.endswith("b.pdf")
    changed = replace(exported, notes="new terms")
    with pytest.raises(ValidationError) as error:
        history.record_export(changed, tmp_path / "c.pdf", _write("c"))
    assert error.value.field == "quote.number"


def test_search_matches_number_parties_and_project(tmp_path):
    history = _history(tmp_path)
    history.record_export(_quote("Fabric Works Ltd"), tmp_path / "a.pdf", _write("a"))
    history.record_export(_quote('<b>ACME</b> & "Sons"'), tmp_path / "b.pdf", _write("b"))
    assert [e.buyer for e in history.entries("acme")] == ['<b>ACME</b> & "Sons"']
    assert [e.number for e in history.entries("QT-2026-0001")] == ["QT-2026-0001"]
    assert len(history.entries("fabric")) == 2  # project name matches both
    assert history.entries("100%") == []  # LIKE wildcards are literal
    assert [e.number for e in history.entries()] == ["QT-2026-0002", "QT-2026-0001"]

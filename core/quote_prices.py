"""Catalog prices for quote lines: one dated, sourced unit price per catalog price row.

Catalog price texts are published figures ("1599", "199.99-329.99", "91 -> 183"); a quote needs
one number, so the rule used is stated with it: a range quotes its upper end (a quote must not
undershoot), a change "a -> b" quotes the later figure, and a blank stays unknown (price on request).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

_NUMBER = r"\d[\d,]*(?:\.\d+)?"


@dataclass(frozen=True)
class PriceFact:
    """A unit price with its date and source; `amount` None means no published figure was found."""

    price_id: str
    item: str
    amount: Decimal | None
    currency: str
    unit: str
    date: str
    source: str
    rule: str  # how `amount` was read from the published text
    notes: str = ""


PriceLookup = Callable[[str], PriceFact | None]


def parse_price_text(text: str) -> tuple[Decimal | None, str]:
    """(amount, rule) from a published price text."""
    text = (text or "").strip()
    if not text:
        return None, "no published price"
    change = re.fullmatch(rf"({_NUMBER})\s*->\s*({_NUMBER})", text)
    if change:
        return _dec(change.group(2)), f"later figure of '{text}'"
    span = re.fullmatch(rf"({_NUMBER})\s*-\s*({_NUMBER})", text)
    if span:
        return _dec(span.group(2)), f"upper end of the range {text}"
    single = re.fullmatch(_NUMBER, text)
    if single:
        return _dec(text), "published figure"
    return None, f"not a single price: '{text}'"


def _dec(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def fact_from_row(row: Mapping[str, Any]) -> PriceFact:
    """A PriceFact from a catalog price row (the columns of resources/catalog/prices.csv)."""
    text = row.get("price_text")
    own = row.get("user_edited") or row.get("user_defined")
    figure = row.get("price")
    if (own or text in (None, "")) and isinstance(figure, int | float | str) and str(figure) not in ("", "nan"):
        amount, rule = _dec(repr(figure) if isinstance(figure, float) else str(figure)), "the user's own figure"
    else:
        amount, rule = parse_price_text(str(text or ""))
    return PriceFact(
        price_id=str(row.get("id", "") or ""), item=str(row.get("item", "") or ""), amount=amount,
        currency=str(row.get("currency", "") or "USD").upper(), unit=str(row.get("unit", "") or ""),
        date=str(row.get("date_or_period", "") or row.get("date", "") or ""),
        source=str(row.get("source", "") or ""), rule=rule, notes=str(row.get("notes", "") or ""),
    )


def _as_mapping(row: Any) -> Mapping[str, Any]:
    if isinstance(row, Mapping):
        return row
    if hasattr(row, "to_dict"):
        return row.to_dict()
    if hasattr(row, "__dataclass_fields__"):
        return {name: getattr(row, name) for name in row.__dataclass_fields__}
    return vars(row)


def catalog_lookup(catalog: Any) -> PriceLookup:
    """Prices from an open Catalog: its price rows by id, and by device id for GPUs and CPUs."""
    rows = [_as_mapping(row) for row in catalog.prices()]
    return table_lookup(rows)


def table_lookup(rows: list[Mapping[str, Any]]) -> PriceLookup:
    by_id: dict[str, Mapping[str, Any]] = {}
    for row in rows:
        by_id.setdefault(str(row.get("id", "")), row)
    for row in rows:  # a device's own purchase price answers to the device id too (not rental rates)
        device = str(row.get("device_id", "") or "")
        purchase = str(row.get("category", "")) in ("gpu", "cpu", "edge") and "hour" not in str(row.get("unit", ""))
        if device and purchase:
            by_id.setdefault(device, row)

    def lookup(price_id: str) -> PriceFact | None:
        row = by_id.get(price_id)
        return fact_from_row(row) if row is not None else None

    return lookup


def seed_lookup() -> PriceLookup:
    """Prices straight from the shipped seed file (used when no catalog database is at hand)."""
    path = Path(__file__).resolve().parent.parent / "resources" / "catalog" / "prices.csv"
    if not path.exists():  # installed layout: rigsizer/core -> rigsizer/resources
        from importlib import resources

        path = Path(str(resources.files("rigsizer.resources") / "catalog" / "prices.csv"))
    with open(path, newline="", encoding="utf-8") as stream:
        return table_lookup(list(csv.DictReader(stream)))

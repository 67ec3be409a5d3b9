"""Locale-aware number formatting for the views (the core's units module formats for terminals)."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QLocale

_SI = ((1e18, "E"), (1e15, "P"), (1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k"))
_BINARY = ((1024**4, "TiB"), (1024**3, "GiB"), (1024**2, "MiB"), (1024, "KiB"))


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and (math.isnan(value) or math.isinf(value)))


def not_available() -> str:
    """The text shown for an unknown value (translatable)."""
    return QCoreApplication.translate("numbers", "n/a")


def _significant(value: float, digits: int) -> str:
    """`value` with about `digits` significant digits, group separators and the locale's decimal point."""
    locale = QLocale()
    if value == 0:
        return locale.toString(0)
    magnitude = math.floor(math.log10(abs(value)))
    decimals = max(0, digits - 1 - magnitude)
    text = locale.toString(float(value), "f", decimals)
    if decimals:
        point = locale.decimalPoint()
        text = text.rstrip("0").rstrip(point) if point in text else text
    return text


def format_number(value: float | None, digits: int = 3) -> str:
    """A plain number with `digits` significant digits, per locale; NaN -> "n/a"."""
    if _is_missing(value):
        return not_available()
    return _significant(float(value), digits)


def format_count(value: float | None) -> str:
    """An exact count with group separators: 25557032 -> "25,557,032" (per locale)."""
    if _is_missing(value):
        return not_available()
    return QLocale().toString(int(round(float(value))))


def format_si(value: float | None, unit: str = "", digits: int = 3) -> str:
    """SI prefixes for rates and counts: 4.09e9, "MACs" -> "4.09 GMACs"."""
    if _is_missing(value):
        return not_available()
    number = float(value)
    for scale, prefix in _SI:
        if abs(number) >= scale:
            return f"{_significant(number / scale, digits)} {prefix}{unit}".rstrip()
    return f"{_significant(number, digits)} {unit}".rstrip()


def format_bytes(value: float | None, digits: int = 3) -> str:
    """Binary units for capacities: 25769803776 -> "24 GiB"."""
    if _is_missing(value):
        return not_available()
    number = float(value)
    for scale, name in _BINARY:
        if abs(number) >= scale:
            return f"{_significant(number / scale, digits)} {name}"
    return f"{QLocale().toString(int(round(number)))} B"


def format_duration(seconds: float | None) -> str:
    """Seconds in the unit a person would say: 0.0123 -> "12.3 ms", 5400 -> "1.5 h"."""
    if _is_missing(seconds):
        return not_available()
    value = float(seconds)
    if abs(value) < 1e-3:
        return f"{_significant(value * 1e6, 3)} µs"
    if abs(value) < 1:
        return f"{_significant(value * 1e3, 3)} ms"
    if abs(value) < 120:
        return f"{_significant(value, 3)} s"
    if abs(value) < 7200:
        return f"{_significant(value / 60, 3)} min"
    if abs(value) < 3 * 86400:
        return f"{_significant(value / 3600, 3)} h"
    return f"{_significant(value / 86400, 3)} d"


def format_money(value: float | None, currency: str = "USD") -> str:
    """A price with group separators and no cents from 100 up: 1599 -> "1,599 USD"."""
    if _is_missing(value):
        return not_available()
    number = float(value)
    decimals = 0 if abs(number) >= 100 else 2
    return f"{QLocale().toString(number, 'f', decimals)} {currency}".strip()


def format_value(value: float | None, unit: str = "", digits: int = 3) -> str:
    """Picks the natural formatter for a unit the core uses (s, B, bytes, FLOP/s, USD, %, ...)."""
    if _is_missing(value):
        return not_available()
    lowered = unit.strip()
    if lowered == "s":
        return format_duration(value)
    if lowered in ("B", "bytes", "byte"):
        return format_bytes(value, digits)
    if lowered in ("USD", "EUR", "CNY", "$"):
        return format_money(value, lowered)
    if lowered in ("%", "percent"):
        return f"{_significant(float(value), digits)} %"
    if lowered in ("", "1", "x", "count"):
        number = float(value)
        if abs(number) >= 1e6:
            return format_si(number, "", digits)
        return _significant(number, digits)
    if lowered.endswith("/s") or lowered in ("FLOPS", "FLOP", "FLOPs", "MACs", "ops", "OPS", "Hz"):
        return format_si(value, lowered, digits)
    return f"{_significant(float(value), digits)} {unit}"


def parse_number(text: str) -> float | None:
    """Reads a number typed per the current locale (or in C locale as a fallback); None if not a number."""
    stripped = text.strip().replace("\u00a0", "").replace(" ", "")
    if not stripped:
        return None
    number, ok = QLocale().toDouble(stripped)
    if ok:
        return number
    number, ok = QLocale.c().toDouble(stripped.replace(",", ""))
    return number if ok else None

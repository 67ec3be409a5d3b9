"""Money for quotes: Decimal amounts, currencies, exchange rates and the stated rounding rules.

Rounding rules (printed on every quote, see `ROUNDING_RULES`):
1. A catalog price is converted into the quote currency through USD at the quote's rates, and the
   resulting unit price is rounded to the cent (half-up) once.
2. Line total = unit price x quantity, rounded to the cent (half-up).
3. Subtotal = the exact sum of the line totals.
4. Discount = subtotal x discount rate, rounded to the cent (half-up); or a fixed amount.
5. Tax-exclusive prices: tax = (subtotal - discount + shipping) x tax rate, rounded to the cent;
   total = net + tax. Tax-inclusive prices: total = subtotal - discount + shipping and the tax
   it contains = total x rate / (1 + rate), rounded to the cent; net = total - tax.
No float ever touches an amount: every value is a `decimal.Decimal`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .errors import ValidationError

CURRENCIES: tuple[str, ...] = ("USD", "CNY", "EUR")
SYMBOLS = {"USD": "$", "CNY": "¥", "EUR": "€"}
CENT = Decimal("0.01")
ZERO = Decimal("0")
RATE_PLACES = Decimal("0.000001")

# Units of each currency per 1 USD. Defaults to edit before issuing, not live market rates.
DEFAULT_RATES_PER_USD: dict[str, Decimal] = {"USD": Decimal("1"), "CNY": Decimal("7.20"), "EUR": Decimal("0.92")}
DEFAULT_RATES_NOTE = "default rates (edit before issuing; not live market rates)"

ROUNDING_RULES: tuple[str, ...] = (
    "Catalog prices are converted to the quote currency through USD at the stated rates; "
    "each unit price is then rounded to the cent, half-up.",
    "Line total = unit price x quantity, rounded to the cent, half-up.",
    "Subtotal = exact sum of the line totals; discount = subtotal x discount rate, rounded to the cent.",
    "Prices excluding tax: tax = (subtotal - discount + shipping) x tax rate, rounded to the cent; "
    "total = net + tax.",
    "Prices including tax: total = subtotal - discount + shipping; the tax it contains = "
    "total x rate / (1 + rate), rounded to the cent; net = total - tax.",
)


def to_decimal(value: object, field: str, allowed: str = "a decimal number") -> Decimal:
    """Parse an amount without passing through binary floating point (floats go via repr)."""
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, bool) or value is None:
        raise ValidationError(field, f"{value!r} is not a number", allowed)
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(repr(value))
    elif isinstance(value, str):
        text = value.strip().replace(",", "").replace("_", "")
        try:
            result = Decimal(text)
        except InvalidOperation:
            raise ValidationError(field, f"{value!r} is not a number", allowed) from None
    else:
        raise ValidationError(field, f"{value!r} is not a number", allowed)
    if not result.is_finite():
        raise ValidationError(field, f"{value!r} is not a finite number", allowed)
    return result


def cents(amount: Decimal) -> Decimal:
    """Round to the cent, half-up (rules 1, 2, 4, 5)."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def require_currency(field: str, code: object) -> str:
    text = str(code or "").upper()
    if text not in CURRENCIES:
        raise ValidationError(field, f"{code!r} is not a supported currency", "one of " + ", ".join(CURRENCIES))
    return text


@dataclass(frozen=True)
class ExchangeRates:
    """Units of each currency per 1 USD, with a note saying where the rates come from."""

    per_usd: tuple[tuple[str, Decimal], ...] = tuple(DEFAULT_RATES_PER_USD.items())
    note: str = DEFAULT_RATES_NOTE

    @classmethod
    def from_mapping(cls, rates: Mapping[str, object], note: str = DEFAULT_RATES_NOTE) -> ExchangeRates:
        merged = dict(DEFAULT_RATES_PER_USD)
        for code, value in rates.items():
            code = require_currency("quote.exchange_rates", code)
            rate = to_decimal(value, f"quote.exchange_rates.{code}", "a positive number of units per USD")
            if rate <= 0:
                raise ValidationError(f"quote.exchange_rates.{code}", f"{value!r} must be positive",
                                      "a positive number of units per USD")
            merged[code] = rate
        merged["USD"] = Decimal("1")
        return cls(tuple(merged.items()), note)

    def rate(self, code: str) -> Decimal:
        return dict(self.per_usd)[require_currency("currency", code)]

    def convert(self, amount: Decimal, source: str, target: str) -> Decimal:
        """Exact conversion through USD (no rounding here; rule 1 rounds the unit price)."""
        if source == target:
            return amount
        return amount / self.rate(source) * self.rate(target)

    def with_rate(self, code: str, value: object) -> ExchangeRates:
        mapping = dict(self.per_usd)
        mapping[code] = value
        return ExchangeRates.from_mapping(mapping, self.note)

    def to_dict(self) -> dict:
        return {"per_usd": {code: str(rate) for code, rate in self.per_usd}, "note": self.note}

    @classmethod
    def from_dict(cls, data: Mapping) -> ExchangeRates:
        return cls.from_mapping(dict(data.get("per_usd", {})), str(data.get("note", DEFAULT_RATES_NOTE)))


def format_amount(amount: Decimal, currency: str = "", symbol: bool = False) -> str:
    """1234567.5 -> "1,234,567.50" (with "USD " or "$" in front when asked); negatives with a minus."""
    rounded = cents(amount)
    text = f"{abs(rounded):,.2f}"
    sign = "-" if rounded < 0 else ""
    if not currency:
        return sign + text
    prefix = SYMBOLS.get(currency, currency + " ") if symbol else currency + " "
    return f"{sign}{prefix}{text}"


def format_rate(rate: Decimal) -> str:
    """A percentage without trailing zeros: Decimal("0.13") -> "13%", Decimal("0.075") -> "7.5%"."""
    percent = (rate * 100).normalize()
    text = f"{percent:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text + "%"

"""The price quote as data: parties, terms, line items and Decimal totals (rendering is in gui/report).

A `Quote` is frozen; edits return a new one (`dataclasses.replace`). `compute_totals` applies the
rounding rules stated in `quote_money.ROUNDING_RULES`, and `to_dict`/`from_dict` give the JSON
form stored in the quote history and embedded in the PDF.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from .errors import ValidationError, require_choice, require_int_range
from .quote_money import (
    CURRENCIES,
    ZERO,
    ExchangeRates,
    cents,
    require_currency,
    to_decimal,
)

LANGUAGES = ("en", "zh", "both")
PAPER_SIZES = ("A4", "Letter")
CATEGORIES = ("gpu", "cpu", "motherboard", "ram", "storage", "psu", "chassis", "cooling", "service", "other")
DEFAULT_VALIDITY_DAYS = 30
QUOTE_FORMAT = "rigsizer-quote"
QUOTE_SCHEMA = 1


@dataclass(frozen=True)
class Party:
    """Seller or buyer block as printed on the quote."""

    name: str = ""
    contact: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    tax_id: str = ""  # VAT / tax / company registration number

    def to_dict(self) -> dict[str, str]:
        return {k: getattr(self, k) for k in ("name", "contact", "email", "phone", "address", "tax_id")}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Party:
        data = data or {}
        return cls(**{k: str(data.get(k, "") or "") for k in ("name", "contact", "email", "phone", "address", "tax_id")})

    def lines(self) -> tuple[str, ...]:
        """The non-empty fields in print order."""
        return tuple(v for v in (self.name, self.contact, self.address, self.email, self.phone, self.tax_id) if v)


@dataclass(frozen=True)
class LineItem:
    """One line of the quote. `unit_price` is in `price_currency` (the catalog's), None = price on request."""

    category: str
    part_name: str
    specs: str = ""
    quantity: int = 1
    unit_price: Decimal | None = None
    price_currency: str = "USD"
    price_date: str = ""
    price_source: str = ""
    sizing_rule: str = ""  # why this part and this quantity, in words
    catalog_id: str = ""
    optional: bool = False  # optional lines are listed but not summed
    details: tuple[tuple[str, str], ...] = ()  # spec-sheet rows (label, value with source)

    def validated(self, index: int) -> LineItem:
        where = f"quote.items[{index}]"
        require_choice(f"{where}.category", self.category, CATEGORIES)
        if not self.part_name.strip():
            raise ValidationError(f"{where}.part_name", "is empty", "a part name")
        require_int_range(f"{where}.quantity", self.quantity, 1, 100000)
        require_currency(f"{where}.price_currency", self.price_currency)
        if self.unit_price is not None and self.unit_price < 0:
            raise ValidationError(f"{where}.unit_price", f"{self.unit_price} is negative", "0 or more")
        return self

    def to_dict(self) -> dict[str, Any]:
        return {
            "category": self.category, "part_name": self.part_name, "specs": self.specs,
            "quantity": self.quantity,
            "unit_price": None if self.unit_price is None else str(self.unit_price),
            "price_currency": self.price_currency, "price_date": self.price_date,
            "price_source": self.price_source, "sizing_rule": self.sizing_rule,
            "catalog_id": self.catalog_id, "optional": self.optional,
            "details": [list(row) for row in self.details],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], index: int = 0) -> LineItem:
        price = data.get("unit_price")
        item = cls(
            category=str(data.get("category", "other")),
            part_name=str(data.get("part_name", "")),
            specs=str(data.get("specs", "") or ""),
            quantity=data.get("quantity", 1),
            unit_price=None if price in (None, "") else to_decimal(price, f"quote.items[{index}].unit_price"),
            price_currency=str(data.get("price_currency", "USD")).upper(),
            price_date=str(data.get("price_date", "") or ""),
            price_source=str(data.get("price_source", "") or ""),
            sizing_rule=str(data.get("sizing_rule", "") or ""),
            catalog_id=str(data.get("catalog_id", "") or ""),
            optional=bool(data.get("optional", False)),
            details=tuple((str(row[0]), str(row[1])) for row in data.get("details", []) if len(row) == 2),
        )
        return item.validated(index)


@dataclass(frozen=True)
class Quote:
    """Everything printed on a quote except the performance figures (those come from the Estimate)."""

    number: str = ""  # QT-YYYY-NNNN[-Rn]; assigned by the quote history on export
    issue_date: dt.date = field(default_factory=dt.date.today)
    valid_until: dt.date | None = None  # None = issue date + DEFAULT_VALIDITY_DAYS
    seller: Party = Party()
    buyer: Party = Party()
    seller_logo: str = ""  # image file printed above the seller's name (remembered in settings)
    currency: str = "USD"
    rates: ExchangeRates = ExchangeRates()
    tax_rate: Decimal = ZERO  # 0.13 = 13 %
    prices_include_tax: bool = False  # 含税 when True, 不含税 when False
    discount_rate: Decimal = ZERO  # fraction of the subtotal
    discount_amount: Decimal = ZERO  # fixed amount in the quote currency (added to the rate's)
    shipping: Decimal = ZERO
    payment_terms: str = "50% on order, 50% on delivery; net 30 days."
    lead_time: str = "2-4 weeks after order confirmation, subject to GPU availability."
    warranty: str = "Manufacturer warranty on every component; 1 year system warranty on labour."
    notes: str = ""
    language: str = "en"
    paper: str = "A4"
    project_name: str = ""
    configuration: str = ""  # e.g. "2 x GeForce RTX 4090 + Core i9-13900K"
    items: tuple[LineItem, ...] = ()
    sizing_notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.valid_until is None:  # a concrete date, so that equality and JSON agree
            object.__setattr__(self, "valid_until", self.issue_date + dt.timedelta(days=DEFAULT_VALIDITY_DAYS))

    @property
    def valid_until_date(self) -> dt.date:
        return self.valid_until or self.issue_date + dt.timedelta(days=DEFAULT_VALIDITY_DAYS)

    def validated(self) -> Quote:
        require_currency("quote.currency", self.currency)
        require_choice("quote.language", self.language, LANGUAGES)
        require_choice("quote.paper", self.paper, PAPER_SIZES)
        for name in ("tax_rate", "discount_rate"):
            value = getattr(self, name)
            if not (ZERO <= value < 1):
                raise ValidationError(f"quote.{name}", f"{value} is out of range", "0 to 0.99 (0.13 = 13%)")
        for name in ("discount_amount", "shipping"):
            if getattr(self, name) < 0:
                raise ValidationError(f"quote.{name}", f"{getattr(self, name)} is negative", "0 or more")
        if self.valid_until_date < self.issue_date:
            raise ValidationError("quote.valid_until", "is before the issue date", "on or after the issue date")
        for index, item in enumerate(self.items):
            item.validated(index)
        return self

    def with_items(self, items: list[LineItem] | tuple[LineItem, ...]) -> Quote:
        return replace(self, items=tuple(items)).validated()

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": QUOTE_FORMAT, "schema_version": QUOTE_SCHEMA,
            "number": self.number, "issue_date": self.issue_date.isoformat(),
            "valid_until": self.valid_until_date.isoformat(),
            "seller": self.seller.to_dict(), "buyer": self.buyer.to_dict(), "seller_logo": self.seller_logo,
            "currency": self.currency, "exchange_rates": self.rates.to_dict(),
            "tax_rate": str(self.tax_rate), "prices_include_tax": self.prices_include_tax,
            "discount_rate": str(self.discount_rate), "discount_amount": str(self.discount_amount),
            "shipping": str(self.shipping), "payment_terms": self.payment_terms,
            "lead_time": self.lead_time, "warranty": self.warranty, "notes": self.notes,
            "language": self.language, "paper": self.paper, "project_name": self.project_name,
            "configuration": self.configuration,
            "items": [item.to_dict() for item in self.items],
            "sizing_notes": list(self.sizing_notes),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quote:
        if data.get("format", QUOTE_FORMAT) != QUOTE_FORMAT:
            raise ValidationError("quote.format", f"{data.get('format')!r} is not a quote", QUOTE_FORMAT)
        if int(data.get("schema_version", QUOTE_SCHEMA)) > QUOTE_SCHEMA:
            raise ValidationError("quote.schema_version", "was written by a newer Rigsizer", f"up to {QUOTE_SCHEMA}")
        quote = cls(
            number=str(data.get("number", "") or ""),
            issue_date=_date("quote.issue_date", data.get("issue_date")) or dt.date.today(),
            valid_until=_date("quote.valid_until", data.get("valid_until")),
            seller=Party.from_dict(data.get("seller")),
            buyer=Party.from_dict(data.get("buyer")),
            currency=require_currency("quote.currency", data.get("currency", "USD")),
            rates=ExchangeRates.from_dict(data.get("exchange_rates") or {}),
            tax_rate=to_decimal(data.get("tax_rate", "0"), "quote.tax_rate"),
            prices_include_tax=bool(data.get("prices_include_tax", False)),
            discount_rate=to_decimal(data.get("discount_rate", "0"), "quote.discount_rate"),
            discount_amount=to_decimal(data.get("discount_amount", "0"), "quote.discount_amount"),
            shipping=to_decimal(data.get("shipping", "0"), "quote.shipping"),
            **{k: str(data.get(k, getattr(cls, k)) or "") for k in
               ("payment_terms", "lead_time", "warranty", "notes", "project_name", "configuration", "seller_logo")},
            language=str(data.get("language", "en")),
            paper=str(data.get("paper", "A4")),
            items=tuple(LineItem.from_dict(item, i) for i, item in enumerate(data.get("items", []))),
            sizing_notes=tuple(str(text) for text in data.get("sizing_notes", [])),
        )
        return quote.validated()


def _date(field_name: str, value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValidationError(field_name, f"{value!r} is not a date", "YYYY-MM-DD") from None


@dataclass(frozen=True)
class QuoteTotals:
    """Every amount on the quote, in the quote currency, already rounded as the rules say."""

    currency: str
    unit_prices: tuple[Decimal | None, ...]  # per line, converted and rounded (rule 1)
    line_totals: tuple[Decimal | None, ...]  # per line (rule 2); None = price on request
    subtotal: Decimal
    discount: Decimal
    shipping: Decimal
    net: Decimal  # excluding tax
    tax: Decimal
    total: Decimal  # including tax
    unpriced_lines: int  # non-optional lines without a price (not in the total)
    prices_include_tax: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "currency": self.currency,
            "line_totals": [None if v is None else str(v) for v in self.line_totals],
            **{k: str(getattr(self, k)) for k in ("subtotal", "discount", "shipping", "net", "tax", "total")},
            "unpriced_lines": self.unpriced_lines, "prices_include_tax": self.prices_include_tax,
        }


def unit_price_in(quote: Quote, item: LineItem) -> Decimal | None:
    """Rule 1: the unit price in the quote currency, rounded to the cent."""
    if item.unit_price is None:
        return None
    return cents(quote.rates.convert(item.unit_price, item.price_currency, quote.currency))


def compute_totals(quote: Quote) -> QuoteTotals:
    """Apply the rounding rules (quote_money.ROUNDING_RULES) to the quote's lines and terms."""
    unit_prices: list[Decimal | None] = []
    line_totals: list[Decimal | None] = []
    subtotal = ZERO
    unpriced = 0
    for item in quote.items:
        unit = unit_price_in(quote, item)
        unit_prices.append(unit)
        if unit is None:
            line_totals.append(None)
            unpriced += 0 if item.optional else 1
            continue
        line = cents(unit * item.quantity)
        line_totals.append(line)
        if not item.optional:
            subtotal += line
    discount = min(subtotal, cents(subtotal * quote.discount_rate) + cents(quote.discount_amount))
    shipping = cents(quote.shipping)
    if quote.prices_include_tax:
        total = subtotal - discount + shipping
        tax = cents(total * quote.tax_rate / (1 + quote.tax_rate))
        net = total - tax
    else:
        net = subtotal - discount + shipping
        tax = cents(net * quote.tax_rate)
        total = net + tax
    return QuoteTotals(quote.currency, tuple(unit_prices), tuple(line_totals), subtotal, discount, shipping,
                       net, tax, total, unpriced, quote.prices_include_tax)


def quote_from_project_settings(settings: Mapping[str, Any], **overrides: Any) -> Quote:
    """A Quote seeded from the project's `quote` section (currency, tax, discount, validity, customer)."""
    currency = str(settings.get("currency", "USD")).upper()
    if currency not in CURRENCIES:
        currency = "USD"
    issue = overrides.pop("issue_date", None) or dt.date.today()
    days = int(settings.get("validity_days", DEFAULT_VALIDITY_DAYS) or DEFAULT_VALIDITY_DAYS)
    buyer = settings.get("buyer")
    buyer_party = Party.from_dict(buyer) if isinstance(buyer, Mapping) else Party(name=str(settings.get("customer", "") or ""))
    seller = settings.get("seller")
    rates = settings.get("exchange_rates")
    values: dict[str, Any] = {
        "issue_date": issue,
        "valid_until": issue + dt.timedelta(days=days),
        "currency": currency,
        "tax_rate": _fraction(settings.get("tax_rate", 0)),
        "prices_include_tax": bool(settings.get("prices_include_tax", False)),
        "discount_rate": _fraction(settings.get("discount", 0)),
        "buyer": buyer_party,
        "number": str(settings.get("quote_number", "") or ""),
    }
    if isinstance(seller, Mapping):
        values["seller"] = Party.from_dict(seller)
    if isinstance(rates, Mapping):
        values["rates"] = ExchangeRates.from_mapping(rates, "project settings")
    for key in ("payment_terms", "lead_time", "warranty", "notes", "language", "paper", "seller_logo"):
        if isinstance(settings.get(key), str) and settings.get(key):
            values[key] = settings[key]
    values.update(overrides)
    return Quote(**values).validated()


def _fraction(value: Any) -> Decimal:
    if isinstance(value, float) and not math.isfinite(value):
        return ZERO
    return to_decimal(value if value is not None else 0, "quote.rate")

"""Quote totals: Decimal arithmetic and the stated rounding rules, to the cent."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rigsizer.core.errors import ValidationError
from rigsizer.core.quote import LineItem, Quote, compute_totals
from rigsizer.core.quote_money import ExchangeRates, cents, format_amount, format_rate, to_decimal


def _quote(**changes) -> Quote:
    items = (
        LineItem("gpu", "GeForce RTX 4090", quantity=2, unit_price=Decimal("1599")),
        LineItem("ram", "DDR5 32 GB", quantity=2, unit_price=Decimal("326.08")),
        LineItem("psu", "PSU 1200 W", quantity=1, unit_price=None),
        LineItem("service", "Burn-in", quantity=1, unit_price=Decimal("150"), optional=True),
    )
    return Quote(items=items, **changes).validated()


def test_tax_exclusive_total_is_sum_of_lines_minus_discount_plus_shipping_plus_tax():
    quote = _quote(tax_rate=Decimal("0.13"), discount_rate=Decimal("0.05"), shipping=Decimal("40"))
    totals = compute_totals(quote)
    assert totals.subtotal == Decimal("3850.16")  # 2 x 1599 + 2 x 326.08; optional and unpriced lines excluded
    assert totals.discount == Decimal("192.51")  # 5 % of 3850.16 = 192.508 -> half-up
    assert totals.net == Decimal("3697.65")
    assert totals.tax == Decimal("480.69")  # 13 % of 3697.65 = 480.6945
    assert totals.total == Decimal("4178.34")
    assert totals.unpriced_lines == 1


def test_tax_inclusive_total_contains_the_tax():
    quote = _quote(tax_rate=Decimal("0.13"), prices_include_tax=True)
    totals = compute_totals(quote)
    assert totals.total == Decimal("3850.16")
    assert totals.tax == cents(Decimal("3850.16") * Decimal("0.13") / Decimal("1.13")) == Decimal("442.94")
    assert totals.net + totals.tax == totals.total


def test_currency_conversion_rounds_each_unit_price_once_through_usd():
    rates = ExchangeRates.from_mapping({"CNY": "7.1234", "EUR": "0.9172"})
    quote = _quote(currency="CNY", rates=rates)
    totals = compute_totals(quote)
    assert totals.unit_prices[0] == Decimal("11390.32")  # 1599 x 7.1234 = 11390.3166
    assert totals.line_totals[0] == Decimal("22780.64")
    eur_line = LineItem("gpu", "card", quantity=3, unit_price=Decimal("100"), price_currency="EUR")
    in_cny = compute_totals(Quote(items=(eur_line,), currency="CNY", rates=rates))
    assert in_cny.unit_prices[0] == cents(Decimal("100") / Decimal("0.9172") * Decimal("7.1234")) == Decimal("776.65")
    assert in_cny.total == Decimal("2329.95")


@settings(max_examples=150, deadline=None)
@given(
    prices=st.lists(st.decimals("0", "99999.99", places=2), min_size=1, max_size=8),
    quantity=st.integers(1, 12),
    tax=st.decimals("0", "0.25", places=3),
    discount=st.decimals("0", "0.30", places=3),
    shipping=st.decimals("0", "500", places=2),
    inclusive=st.booleans(),
    currency=st.sampled_from(["USD", "CNY", "EUR"]),
)
def test_totals_always_reconcile_to_the_cent(prices, quantity, tax, discount, shipping, inclusive, currency):
    items = tuple(LineItem("other", f"part {i}", quantity=quantity, unit_price=p) for i, p in enumerate(prices))
    quote = Quote(items=items, tax_rate=tax, discount_rate=discount, shipping=shipping,
                  prices_include_tax=inclusive, currency=currency)
    totals = compute_totals(quote)
    assert sum(totals.line_totals) == totals.subtotal
    assert all(line == cents(unit * quantity) for line, unit in zip(totals.line_totals, totals.unit_prices, strict=True))
    assert totals.net + totals.tax == totals.total
    assert totals.subtotal - totals.discount + totals.shipping == (totals.total if inclusive else totals.net)
    for amount in (totals.subtotal, totals.discount, totals.tax, totals.total, totals.net):
        assert amount == cents(amount)


def test_amounts_never_pass_through_binary_floats():
    assert to_decimal(0.1, "x") + to_decimal(0.2, "x") == Decimal("0.3")
    assert to_decimal("1,234.50", "x") == Decimal("1234.50")
    with pytest.raises(ValidationError) as error:
        to_decimal("abc", "quote.shipping")
    assert error.value.field == "quote.shipping"


def test_formatting_of_amounts_and_rates():
    assert format_amount(Decimal("1234567.5"), "USD") == "USD 1,234,567.50"
    assert format_amount(Decimal("-3.005"), "CNY", symbol=True) == "-¥3.01"
    assert format_rate(Decimal("0.13")) == "13%"
    assert format_rate(Decimal("0.075")) == "7.5%"


def test_out_of_range_terms_name_the_field():
    with pytest.raises(ValidationError) as error:
        Quote(tax_rate=Decimal("1.5")).validated()
    assert error.value.field == "quote.tax_rate"
    with pytest.raises(ValidationError):
        Quote(currency="GBP").validated()


def test_quote_round_trips_through_json():
    import datetime as dt
    import json

    quote = _quote(tax_rate=Decimal("0.13"), currency="EUR", language="both", issue_date=dt.date(2026, 11, 24))
    again = Quote.from_dict(json.loads(json.dumps(quote.to_dict())))
    assert again == quote
    assert again.valid_until_date == dt.date(2026, 12, 24)

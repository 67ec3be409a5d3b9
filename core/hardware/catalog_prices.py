"""Prices in the catalog database: validation of user figures, writing them, and device purchase prices.

A user's price on a seed row marks the price columns as edited, so a seed upgrade keeps the figure;
a price for a new item becomes a user row. Hourly cloud rows name their GPU but are never its
purchase price.
"""

from __future__ import annotations

import json
import math
import re

from sqlite_utils import Database

from ..errors import ValidationError
from .catalog_seed import now_text, user_fields
from .spec import DEVICE_KINDS

PRICE_FIELDS = ("price", "price_low", "price_high", "price_text", "currency", "date", "source")
MAX_PRICE = 1e9


def validate_price(price: object, currency: object, date: object, source: object) -> dict:
    """Checked price values; ValidationError names the field and what is allowed."""
    if isinstance(price, bool) or not isinstance(price, int | float) or not math.isfinite(price) or price < 0:
        raise ValidationError("price.price", f"{price!r} is not a valid price", f"0 to {MAX_PRICE:g}")
    if price > MAX_PRICE:
        raise ValidationError("price.price", f"{price!r} is out of range", f"0 to {MAX_PRICE:g}")
    if not isinstance(currency, str) or not re.fullmatch(r"[A-Z]{3}", currency.strip().upper()):
        raise ValidationError("price.currency", f"{currency!r} is not a currency code", "ISO 4217, e.g. USD, EUR")
    for label, value in (("price.date", date), ("price.source", source)):
        if not isinstance(value, str) or not value.strip() or len(value) > 2000:
            raise ValidationError(label, "is required", "1 to 2000 characters")
    return {"price": float(price), "currency": currency.strip().upper(), "date": str(date).strip(),
            "source": str(source).strip()}


def device_prices(db: Database, device_id: str | None = None) -> dict[str, dict]:
    """device id -> its USD purchase price row (the row with the device's own id first)."""
    where, args = ("where device_id = ?", [device_id]) if device_id else ("where device_id is not null", [])
    found: dict[str, dict] = {}
    for row in db.query(f"select * from prices {where} order by (id = device_id) desc", args):
        purchase = row["id"] == row["device_id"] or row["category"] in DEVICE_KINDS  # not cloud hours
        if purchase and row["currency"] == "USD" and row["price"] is not None:
            found.setdefault(row["device_id"], row)
    return found


def write_price(db: Database, item_id: str, values: dict, *, kind: str | None = None,
                category: str | None = None, item: str | None = None, unit: str | None = None) -> None:
    """Update a price row (remembering the edit) or create the user's own; call inside a transaction."""
    if "price_usd" in values:  # from device fields
        values = {"price": values.get("price_usd"), "currency": "USD",
                  "date": values.get("price_date") or now_text()[:10],
                  "source": values.get("price_source") or "entered by the user"}
    number = values.get("price")
    values = {**values, "price_low": number, "price_high": number,
              "price_text": "" if number is None else f"{number:g}"}
    existing = list(db.query("select * from prices where id = ?", [item_id]))
    if existing:
        row = existing[0]
        edited = sorted(set(user_fields(row)) | set(PRICE_FIELDS)) if row.get("origin") != "user" else []
        db["prices"].update(item_id, {**values, "user_fields": json.dumps(edited) if edited else None,
                                      "updated_at": now_text()})
        return
    device = list(db.query("select id, kind, vendor, name from devices where id = ?", [item_id]))
    if not device and not category:
        raise ValidationError("price.category", f"{item_id!r} is a new item and needs a category",
                              "gpu, cpu, ram, ssd, motherboard, chassis, psu, cooling, cloud_gpu_hour, ...")
    db["prices"].insert({
        **values, "id": item_id, "category": category or kind or device[0]["kind"],
        "item": item or (f"{device[0]['vendor']} {device[0]['name']}" if device else item_id),
        "device_id": device[0]["id"] if device else None, "unit": unit or "per unit", "region": "",
        "notes": "", "origin": "user", "user_fields": None, "updated_at": now_text(),
    }, pk="id", alter=True)

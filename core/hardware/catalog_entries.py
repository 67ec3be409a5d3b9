"""Read-only records for the non-device catalog tables: datasets, prices, interconnects."""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass

NAN = math.nan


def _f(value: object) -> float:
    return NAN if value is None else float(value)  # type: ignore[arg-type]


def _edited(row: dict) -> bool:
    return bool(json.loads(row.get("user_fields") or "[]"))


def _jsonable(record: object) -> dict:
    data = asdict(record)  # type: ignore[call-overload]
    return {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in data.items()}


@dataclass(frozen=True)
class DatasetInfo:
    """A dataset's size facts for the data-pipeline estimate; NaN where the sources give none."""

    id: str
    name: str
    aliases: tuple[str, ...]
    domain: str
    task: str
    images_total: float
    images_train: float
    images_defective: float
    width_px: float  # typical width; NaN when only a range is published (see width_text)
    height_px: float
    channels: int | None
    width_text: str
    height_text: str
    channels_text: str
    file_format: str
    typical_file_bytes: float
    num_classes: str
    license: str
    source: str
    notes: str
    user_defined: bool = False

    @classmethod
    def from_row(cls, row: dict) -> DatasetInfo:
        kb = row.get("typical_file_kb")
        return cls(
            id=row["id"], name=row["name"], aliases=tuple(a for a in (row.get("aliases") or "").split(";") if a),
            domain=row.get("domain") or "", task=row.get("task") or "", images_total=_f(row.get("images_total")),
            images_train=_f(row.get("images_train")), images_defective=_f(row.get("images_defective")),
            width_px=_f(row.get("width_px")), height_px=_f(row.get("height_px")), channels=row.get("channels_n"),
            width_text=row.get("width_text") or "", height_text=row.get("height_text") or "",
            channels_text=row.get("channels_text") or "", file_format=row.get("file_format") or "",
            typical_file_bytes=NAN if kb is None else float(kb) * 1000, num_classes=row.get("num_classes") or "",
            license=row.get("license") or "", source=row.get("source") or "", notes=row.get("notes") or "",
            user_defined=row.get("origin") == "user",
        )

    def to_dict(self) -> dict:
        return _jsonable(self)


@dataclass(frozen=True)
class PriceEntry:
    """One price with its date and source; `price` is NaN when the row only has a range or no figure."""

    id: str
    category: str
    item: str
    device_id: str
    price: float
    price_low: float
    price_high: float
    price_text: str
    currency: str
    unit: str
    date: str
    region: str
    source: str
    notes: str
    user_edited: bool = False
    user_defined: bool = False

    @classmethod
    def from_row(cls, row: dict) -> PriceEntry:
        return cls(
            id=row["id"], category=row.get("category") or "", item=row.get("item") or "",
            device_id=row.get("device_id") or "", price=_f(row.get("price")), price_low=_f(row.get("price_low")),
            price_high=_f(row.get("price_high")), price_text=row.get("price_text") or "",
            currency=row.get("currency") or "", unit=row.get("unit") or "", date=row.get("date") or "",
            region=row.get("region") or "", source=row.get("source") or "", notes=row.get("notes") or "",
            user_edited=_edited(row), user_defined=row.get("origin") == "user",
        )

    def to_dict(self) -> dict:
        return _jsonable(self)


@dataclass(frozen=True)
class InterconnectInfo:
    """A link (PCIe, NVLink, InfiniBand, DDR channel, NVMe) with its per-direction and bidirectional rates."""

    id: str
    category: str
    name: str
    signaling: str
    lanes_or_links: str
    per_direction_bps: float
    bidirectional_bps: float
    typical_use: str
    source: str
    notes: str

    @classmethod
    def from_row(cls, row: dict) -> InterconnectInfo:
        return cls(
            id=row["id"], category=row.get("category") or "", name=row.get("name") or "",
            signaling=row.get("signaling") or "", lanes_or_links=row.get("lanes_or_links") or "",
            per_direction_bps=_f(row.get("per_direction_gbs")) * 1e9,
            bidirectional_bps=_f(row.get("bidirectional_gbs")) * 1e9,
            typical_use=row.get("typical_use") or "", source=row.get("source") or "", notes=row.get("notes") or "",
        )

    def to_dict(self) -> dict:
        return _jsonable(self)

"""Reads the catalog seed files (resources/catalog/*.csv) into rows shaped like the database tables.

The seed keeps the units of the published sources (GB, GB/s, TFLOPS, MHz); blanks are unknown and
become None (NULL), never a guess. `Seed.version` comes from seed.json and drives the refresh of
seed rows in an existing database.
"""

from __future__ import annotations

import csv
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

# device columns: name -> SQLite type ("REAL", "INTEGER", "TEXT")
DEVICE_COLUMNS: dict[str, str] = {
    "id": "TEXT", "kind": "TEXT", "vendor": "TEXT", "vendor_zh": "TEXT", "name": "TEXT",
    "architecture": "TEXT", "form_factor": "TEXT", "launch_year": "INTEGER",
    "memory_gb": "REAL", "memory_type": "TEXT", "memory_bandwidth_gbs": "REAL",
    "bus_width_bits": "REAL", "data_rate_gbps": "REAL", "memory_channels": "INTEGER", "memory_mts": "REAL",
    "chips": "INTEGER", "cores": "INTEGER", "threads": "INTEGER", "p_cores": "INTEGER", "e_cores": "INTEGER",
    "sms": "INTEGER", "tensor_cores": "INTEGER", "tensor_fp16_flops_per_clock_per_sm": "REAL",
    "boost_clock_mhz": "REAL", "base_clock_mhz": "REAL", "fp32_flops_per_clock": "REAL",
    "fp64_tflops": "REAL", "fp32_tflops": "REAL", "tf32_tflops": "REAL", "fp16_tflops": "REAL",
    "bf16_tflops": "REAL", "fp8_tflops": "REAL", "int8_tops": "REAL", "int4_tops": "REAL",
    "tdp_w": "REAL", "pcie_gen": "INTEGER", "pcie_lanes": "INTEGER", "nvlink_gbs": "REAL",
    "peer_to_peer": "INTEGER", "peer_to_peer_source": "TEXT", "isa": "TEXT",
    "fp32_peak_check": "TEXT", "tensor_peak_check": "TEXT", "source": "TEXT", "notes": "TEXT",
}
# precision -> device column holding its dense datasheet rate (TFLOPS or TOPS)
PEAK_COLUMNS: dict[str, str] = {
    "fp64": "fp64_tflops", "fp32": "fp32_tflops", "tf32": "tf32_tflops", "fp16": "fp16_tflops",
    "bf16": "bf16_tflops", "fp8": "fp8_tflops", "int8": "int8_tops", "int4": "int4_tops",
}
NUMERIC_TYPES = ("REAL", "INTEGER")

_GPU_RENAMES = {
    "fp32_cores": "cores", "tf32_tensor_tflops_dense": "tf32_tflops", "fp16_tensor_tflops_dense": "fp16_tflops",
    "bf16_tensor_tflops_dense": "bf16_tflops", "fp8_tensor_tflops_dense": "fp8_tflops",
    "int8_tensor_tops_dense": "int8_tops", "int4_tops_dense": "int4_tops",
}
_CPU_RENAMES = {
    "fp32_flops_per_cycle_per_core": "fp32_flops_per_clock", "max_memory_bandwidth_gbs": "memory_bandwidth_gbs",
}
_EDGE_RENAMES = {"power_w": "tdp_w"}


def seed_dir() -> Path:
    """The packaged seed folder (rigsizer.resources.catalog)."""
    from rigsizer.resources import catalog as seed_package

    return Path(seed_package.__file__).parent


def parse_number(text: str | None) -> float | None:
    """'1,599' -> 1599.0; '~110' -> 110.0; '' -> None. Ranges and lists are not single numbers -> None."""
    if text is None:
        return None
    cleaned = str(text).strip().replace(",", "")
    cleaned = re.sub(r"^~\s*", "", cleaned)
    cleaned = re.sub(r"\s*\((typ\.|mean)\)$", "", cleaned)
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def parse_price(text: str) -> tuple[float | None, float | None, float | None]:
    """Price text -> (price, low, high).

    '1599' -> single value; '25000-30000' -> midpoint with the range; '91 -> 183' -> the latest
    value; '2.79 / 2.69' (several items in one row) -> no single price, range of the values.
    """
    text = (text or "").strip().replace(",", "")
    if not text:
        return None, None, None
    single = parse_number(text)
    if single is not None:
        return single, single, single
    if "->" in text:
        parts = [parse_number(p) for p in text.split("->")]
        if all(p is not None for p in parts):
            return parts[-1], min(parts), max(parts)
    match = re.fullmatch(r"([\d.]+)\s*-\s*([\d.]+)", text)
    if match:
        low, high = float(match.group(1)), float(match.group(2))
        return (low + high) / 2, low, high
    values = [parse_number(p) for p in re.split(r"[/;]", text)]
    if values and all(v is not None for v in values):
        return None, min(values), max(values)
    return None, None, None


def _typed(column_type: str, text: str | None):
    if column_type == "TEXT":
        return (text or "").strip()
    value = parse_number(text)
    if value is None:
        return None
    return int(round(value)) if column_type == "INTEGER" else value


def _read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@dataclass(frozen=True)
class Seed:
    """All seed rows, ready to insert; `version` says which seed they come from."""

    version: int
    date: str
    devices: list[dict] = field(default_factory=list)
    aliases: list[dict] = field(default_factory=list)
    datasets: list[dict] = field(default_factory=list)
    prices: list[dict] = field(default_factory=list)
    interconnects: list[dict] = field(default_factory=list)

    @classmethod
    def load(cls, folder: Path | str | None = None) -> Seed:
        folder = Path(folder) if folder is not None else seed_dir()
        meta = json.loads((folder / "seed.json").read_text(encoding="utf-8"))
        vendors_zh = {r["vendor"]: r["name_zh"] for r in _read_csv(folder / "vendors.csv") if r["name_zh"]}
        devices: list[dict] = []
        for kind, file_name, renames in (
            ("gpu", "gpus.csv", _GPU_RENAMES),
            ("cpu", "cpus.csv", _CPU_RENAMES),
            ("edge", "edge.csv", _EDGE_RENAMES),
        ):
            for raw in _read_csv(folder / file_name):
                devices.append(_device_row(kind, raw, renames, vendors_zh))
        aliases = [
            {"device_id": r["device_id"], "alias": r["alias"].strip(), "alias_kind": r["kind"]}
            for r in _read_csv(folder / "aliases.csv")
        ]
        return cls(
            version=int(meta["version"]),
            date=str(meta.get("date", "")),
            devices=devices,
            aliases=aliases,
            datasets=[_dataset_row(r) for r in _read_csv(folder / "datasets.csv")],
            prices=[_price_row(r) for r in _read_csv(folder / "prices.csv")],
            interconnects=[_interconnect_row(r) for r in _read_csv(folder / "interconnects.csv")],
        )


def _device_row(kind: str, raw: dict[str, str], renames: dict[str, str], vendors_zh: dict[str, str]) -> dict:
    source = {renames.get(key, key): value for key, value in raw.items()}
    if kind == "cpu":
        for clock in ("boost_clock", "base_clock"):
            ghz = parse_number(source.pop(f"{clock}_ghz", ""))
            source[f"{clock}_mhz"] = "" if ghz is None else str(ghz * 1000)
        source["chips"] = "1"
    if kind == "edge":
        source.setdefault("chips", "1")
    row = {name: _typed(column_type, source.get(name)) for name, column_type in DEVICE_COLUMNS.items()}
    row["kind"] = kind
    row["vendor_zh"] = vendors_zh.get(row["vendor"], "")
    if row["chips"] is None:
        row["chips"] = 1
    return row


def _dataset_row(raw: dict[str, str]) -> dict:
    row = {key: (value or "").strip() for key, value in raw.items()}
    for key in ("images_total", "images_train", "images_defective", "typical_file_kb"):
        row[key] = parse_number(row[key])
    row["width_px"] = parse_number(raw["width"])
    row["height_px"] = parse_number(raw["height"])
    match = re.match(r"\s*(\d+)", raw["channels"] or "")
    row["channels_n"] = int(match.group(1)) if match else None
    row["width_text"] = row.pop("width")
    row["height_text"] = row.pop("height")
    row["channels_text"] = row.pop("channels")
    return row


def _price_row(raw: dict[str, str]) -> dict:
    price, low, high = parse_price(raw["price_text"])
    return {
        "id": raw["id"], "category": raw["category"], "item": raw["item"], "device_id": raw["device_id"] or None,
        "price": price, "price_low": low, "price_high": high, "price_text": raw["price_text"],
        "currency": raw["currency"], "unit": raw["unit"], "date": raw["date_or_period"], "region": raw["region"],
        "source": raw["source"], "notes": raw["notes"],
    }


def _interconnect_row(raw: dict[str, str]) -> dict:
    row = {key: (value or "").strip() for key, value in raw.items()}
    row["per_direction_gbs"] = parse_number(raw["per_direction_gbs"])
    row["bidirectional_gbs"] = parse_number(raw["bidirectional_gbs"])
    return row

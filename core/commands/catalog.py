"""`rigsizer-cli catalog`: search, list and show devices, datasets and prices, with their sources."""

from __future__ import annotations

import argparse
import json
import math
import sys

KINDS = ("gpu", "cpu", "edge")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="catalog_command", metavar="ACTION", parser_class=type(parser))
    search = sub.add_parser("search", help="find devices by name, vendor or alias (any language)")
    search.add_argument("text", nargs="+", help="search words, e.g. 4090, 'RTX 4090', 华为")
    search.add_argument("--kind", choices=KINDS)
    search.add_argument("--limit", type=int, default=50)
    search.add_argument("--json", action="store_true")
    listing = sub.add_parser("list", help="list catalog devices")
    listing.add_argument("--kind", choices=KINDS)
    listing.add_argument("--json", action="store_true")
    show = sub.add_parser("show", help="every field of one device, with the derived peak formula")
    show.add_argument("device", help="catalog id or device name")
    show.add_argument("--json", action="store_true")
    datasets = sub.add_parser("datasets", help="datasets with image counts, sizes and sources")
    datasets.add_argument("--json", action="store_true")
    prices = sub.add_parser("prices", help="component and cloud prices with date and source")
    prices.add_argument("--category")
    prices.add_argument("--json", action="store_true")


def run(args: argparse.Namespace) -> int:
    from ..hardware.catalog import Catalog

    action = getattr(args, "catalog_command", None)
    if action is None:
        sys.stderr.write("rigsizer-cli catalog: error: choose an action: search, list, show, datasets, prices\n")
        return 2
    with Catalog.open() as catalog:
        if catalog.recovery_message:
            sys.stderr.write(catalog.recovery_message + "\n")
        if action == "search":
            return _devices(catalog.search(" ".join(args.text), kind=args.kind, limit=args.limit), args.json,
                            empty=f"no device matches {' '.join(args.text)!r}")
        if action == "list":
            return _devices(catalog.devices(args.kind), args.json, empty="the catalog has no such devices")
        if action == "show":
            return _show(catalog, args.device, args.json)
        if action == "datasets":
            return _datasets(catalog.datasets(), args.json)
        return _prices(catalog.prices(args.category), args.json)


def _print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _fmt(value: float | None, digits: int = 4) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    return f"{value:.{digits}g}"


def _devices(specs: list, as_json: bool, empty: str) -> int:
    from ..hardware.catalog_records import spec_to_dict

    if as_json:
        _print_json([spec_to_dict(s) for s in specs])
        return 0
    if not specs:
        sys.stdout.write(empty + "\n")
        return 1
    for spec in specs:
        data = spec_to_dict(spec)["specs"]
        memory = f"{_fmt(data['memory_gib'])} GiB" if data["memory_gib"] is not None else "memory n/a"
        sys.stdout.write(
            f"{spec.id}  [{spec.kind}]  {spec.vendor} {spec.name}\n"
            f"    {memory}, {_fmt(data['memory_bandwidth_gbs'])} GB/s, FP32 {_fmt(data['fp32_tflops'])} TFLOPS, "
            f"FP16 {_fmt(data['fp16_tflops'])} TFLOPS (dense), INT8 {_fmt(data['int8_tops'])} TOPS, "
            f"TDP {_fmt(data['tdp_w'])} W, price {_price_text(spec)}\n"
            f"    source: {spec.source or 'n/a'}\n"
        )
    return 0


def _price_text(spec) -> str:
    if math.isnan(spec.price_usd):
        return "n/a"
    return f"USD {spec.price_usd:,.0f} ({spec.price_date})"


def _show(catalog, text: str, as_json: bool) -> int:
    from ..hardware.catalog_records import spec_to_dict

    spec = catalog.resolve(text)
    row = catalog.device_row(spec.id)
    derivations = catalog.derivations(spec.id)
    checks = [c for c in catalog.peak_checks(spec.id) if c.status not in ("not_derivable",)]
    if as_json:
        data = spec_to_dict(spec)
        data["catalog_row"] = {k: v for k, v in row.items()}
        data["fp32_peak_derivation"] = derivations[0].to_dict()
        data["derivations"] = [d.to_dict() for d in derivations]
        data["peak_checks"] = [
            {"precision": c.precision, "derived": None if math.isnan(c.derived) else c.derived,
             "datasheet": None if math.isnan(c.datasheet) else c.datasheet, "status": c.status, "reason": c.reason}
            for c in checks
        ]
        _print_json(data)
        return 0
    out = [f"{spec.vendor} {spec.name}  ({spec.id}, {spec.kind})"]
    skip = {"id", "name", "vendor", "kind", "source", "notes", "user_fields", "updated_at"}
    for key, value in row.items():
        if key not in skip and value not in (None, ""):
            out.append(f"  {key}: {value}")
    out.append(f"  price (USD): {_price_text(spec)}" + (f"  [{spec.price_source}]" if spec.price_source else ""))
    out.append(f"  source: {spec.source or 'n/a'}")
    if spec.notes:
        out.append(f"  notes: {spec.notes}")
    out.append("")
    out.append("\n\n".join(d.explain() for d in derivations))
    for check in checks:
        out.append(f"  check {check.precision}: {check.status} ({check.reason})")
    sys.stdout.write("\n".join(out) + "\n")
    return 0


def _datasets(datasets: list, as_json: bool) -> int:
    if as_json:
        _print_json([d.to_dict() for d in datasets])
        return 0
    for d in datasets:
        sys.stdout.write(
            f"{d.id}  {d.name}  ({d.task})\n"
            f"    images {_fmt(d.images_total, 8)} (train {_fmt(d.images_train, 8)}), "
            f"{d.width_text or 'n/a'} x {d.height_text or 'n/a'} px, channels {d.channels_text or 'n/a'}, "
            f"{d.file_format or 'n/a'}, typical file {_fmt(d.typical_file_bytes / 1000, 4)} KB\n"
            f"    source: {d.source or 'n/a'}\n"
        )
    return 0


def _prices(prices: list, as_json: bool) -> int:
    if as_json:
        _print_json([p.to_dict() for p in prices])
        return 0
    for p in prices:
        figure = p.price_text or "not found"
        edited = "  (your figure)" if p.user_edited or p.user_defined else ""
        sys.stdout.write(
            f"{p.id}  [{p.category}]  {p.item}\n"
            f"    {figure} {p.currency} {p.unit}, {p.date or 'undated'}{edited}\n"
            f"    source: {p.source or 'n/a'}\n"
        )
    return 0

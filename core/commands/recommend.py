"""rigsizer-cli recommend: ranked hardware configurations under constraints, Pareto front flagged."""

from __future__ import annotations

import argparse
import json
import math
import sys

from ..errors import ValidationError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from .estimate import add_arguments as estimate_arguments

    estimate_arguments(parser)
    parser.add_argument("--deadline-hours", type=float, help="longest acceptable training run")
    parser.add_argument("--budget", type=float, help="hardware budget in USD")
    parser.add_argument("--form-factor", choices=("any", "desktop", "workstation", "rack", "edge"))
    parser.add_argument("--max-power", type=float, help="power limit per machine in W")
    parser.add_argument("--max-gpus", type=int, help="largest GPU count to consider (1-8)")
    parser.add_argument("--top", type=int, default=10, help="configurations to print (text mode)")
    parser.add_argument("--all", action="store_true", help="include configurations that fail a constraint")


def run(args: argparse.Namespace) -> int:
    from ..estimate.recommend import Constraints, recommend
    from ..hardware.catalog import Catalog
    from .estimate import build_project

    if not args.device and not (args.project or args.example):
        args.device = "local"  # the candidate is irrelevant to the sweep
    project, _ = build_project(args)
    base = Constraints.from_project(project)
    if args.max_gpus is not None and not 1 <= args.max_gpus <= 8:
        raise ValidationError("max-gpus", f"{args.max_gpus} is out of range", "1 to 8")
    for flag, value in (("deadline-hours", args.deadline_hours), ("budget", args.budget),
                        ("max-power", args.max_power)):
        if value is not None and not (math.isfinite(value) and value >= 0):
            raise ValidationError(flag, f"{value!r} is out of range", "0 or more (0 = no limit)")
    constraints = Constraints(
        args.deadline_hours if args.deadline_hours is not None else base.deadline_hours,
        args.budget if args.budget is not None else base.budget,
        args.form_factor or base.form_factor,
        args.max_power if args.max_power is not None else base.max_power_w,
        args.max_gpus or base.max_gpus,
    )
    with Catalog.open() as catalog:
        configs = recommend(project, catalog, constraints)
    shown = configs if args.all else [c for c in configs if c.meets]
    if args.json:
        sys.stdout.write(json.dumps({"constraints": vars(constraints), "configurations": [c.to_dict() for c in shown],
                                     "pareto": [c.rank for c in configs if c.pareto]}, allow_nan=False) + "\n")
        return 0
    if not shown:
        sys.stdout.write("no configuration meets the constraints (use --all to see why)\n")
        return 0
    for c in shown[: args.top]:
        price = f"{c.price_usd:,.0f} USD" if math.isfinite(c.price_usd) else "price unknown"
        if math.isfinite(c.price_usd) and c.unpriced_items:  # a lower bound: say so beside the figure
            price += f" + {len(c.unpriced_items)} part{'s' if len(c.unpriced_items) > 1 else ''} on request"
        time_text = f"{c.training_hours:.2f} h" if math.isfinite(c.training_hours) else \
            f"{c.inference_samples_per_s:,.0f} samples/s"
        flag = " *pareto*" if c.pareto else ""
        why = f"  ({'; '.join(c.reasons)})" if c.reasons else ""
        sys.stdout.write(f"{c.rank:3d}. {c.count} x {c.device_name}: {price}, {time_text}, {c.power_w:.0f} W{flag}{why}\n")
    return 0

"""Numbers that explain themselves: value + formula + substituted inputs + source (architecture rule 2).

Every figure the GUI, the CLI or the PDF shows is a `Derived`; views render `explain()` and
never re-derive anything.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Input:
    """One input of a formula: its symbol, value, unit and where the value came from."""

    symbol: str
    value: float | str
    unit: str = ""
    source: str = ""

    def as_text(self) -> str:
        value = f"{self.value:.6g}" if isinstance(self.value, float) else str(self.value)
        unit = f" {self.unit}" if self.unit else ""
        source = f"  [{self.source}]" if self.source else ""
        return f"{self.symbol} = {value}{unit}{source}"


@dataclass(frozen=True)
class Derived:
    """A computed value with its derivation.

    `low`/`high` give the uncertainty band where one exists (NaN otherwise);
    `assumptions` lists what was taken as given.
    """

    name: str
    value: float
    unit: str
    formula: str
    inputs: tuple[Input, ...] = ()
    source: str = ""
    low: float = math.nan
    high: float = math.nan
    assumptions: tuple[str, ...] = field(default=())

    def explain(self) -> str:
        """Multi-line text: formula, each input, the result and its band."""
        lines = [f"{self.name} = {self.formula}"]
        lines += [f"  {item.as_text()}" for item in self.inputs]
        result = f"  => {self.value:.6g} {self.unit}".rstrip()
        if not math.isnan(self.low) and not math.isnan(self.high):
            result += f"  (range {self.low:.4g} to {self.high:.4g})"
        lines.append(result)
        if self.source:
            lines.append(f"  source: {self.source}")
        lines += [f"  assumes: {text}" for text in self.assumptions]
        return "\n".join(lines)

    def to_dict(self) -> dict:
        """JSON-ready form, used by the CLI's --json and the PDF's embedded data."""
        return {
            "name": self.name,
            "value": _json_number(self.value),
            "unit": self.unit,
            "formula": self.formula,
            "inputs": [
                {"symbol": i.symbol, "value": _json_number(i.value), "unit": i.unit, "source": i.source}
                for i in self.inputs
            ],
            "source": self.source,
            "low": _json_number(self.low),
            "high": _json_number(self.high),
            "assumptions": list(self.assumptions),
        }


def _json_number(value: float | str) -> float | str | None:
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    return value

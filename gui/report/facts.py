"""The performance figures a quote prints, read from the Estimate's JSON form (never re-derived).

Formatting uses core.units, the same functions the GUI uses, so a figure in the PDF reads exactly
as on screen; tests compare the PDF text with these functions applied to the Estimate.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from rigsizer.core.units import format_bytes, format_duration

from . import labels, phrases


@dataclass(frozen=True)
class Fact:
    key: str  # label key in labels.LABELS
    value: str
    band: str = ""


def _f(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return math.nan
    return number


def duration_band(estimate: dict, key: str) -> str:
    low, high = _f(estimate.get(key + "_low")), _f(estimate.get(key + "_high"))
    if math.isfinite(low) and math.isfinite(high):
        return f"{format_duration(low)} – {format_duration(high)}"
    return ""


def rate_text(value: float, lang: str) -> str:
    if not math.isfinite(value):
        return labels.text("unknown", lang)
    number = f"{value:,.0f}" if value >= 1000 else f"{value:.3g}"
    return f"{number} {labels.text('images_per_s', 'zh' if lang == 'zh' else 'en')}"


def margin_text(margin: float) -> str:
    return "n/a" if not math.isfinite(margin) else f"{margin * 100:+.0f}%"


def performance_facts(estimate: dict, lang: str) -> list[Fact]:
    """The rows of the 'Expected performance' table, in reading order."""
    facts: list[Fact] = []
    if not estimate:
        return facts
    for key, label in (("epoch_time_s", "epoch_time"), ("total_time_s", "total_time")):
        value = _f(estimate.get(key))
        if math.isfinite(value):
            facts.append(Fact(label, format_duration(value), duration_band(estimate, key)))
    if math.isfinite(_f(estimate.get("train_samples_per_s"))):
        facts.append(Fact("train_rate", rate_text(_f(estimate["train_samples_per_s"]), lang)))
    latency_ms = _f(estimate.get("latency_ms"))
    if math.isfinite(latency_ms):
        low, high = _f(estimate.get("latency_ms_low")), _f(estimate.get("latency_ms_high"))
        band = (f"{format_duration(low / 1e3)} – {format_duration(high / 1e3)}"
                if math.isfinite(low) and math.isfinite(high) else "")
        facts.append(Fact("latency", format_duration(latency_ms / 1e3), band))
    if math.isfinite(_f(estimate.get("inference_samples_per_s"))):
        facts.append(Fact("infer_rate", rate_text(_f(estimate["inference_samples_per_s"]), lang)))
    takt = estimate.get("takt") or {}
    if takt:
        facts.append(Fact("takt_required", rate_text(_f(takt.get("required_rate")), lang)))
        verdict = labels.text("meets" if takt.get("meets") else "misses", lang)
        facts.append(Fact("takt_margin", f"{margin_text(_f(takt.get('margin')))} ({verdict})"))
    memory = estimate.get("memory") or {}
    if memory:
        verdict = labels.text("fits" if memory.get("fits") else "does_not_fit", lang)
        facts.append(Fact("memory_fit", f"{format_bytes(_f(memory.get('total_bytes')))} / "
                                        f"{format_bytes(_f(memory.get('capacity_bytes')))} ({verdict})"))
        if memory.get("max_batch") is not None:
            facts.append(Fact("max_batch", str(memory["max_batch"])))
    energy = _f(estimate.get("energy_kwh"))
    if math.isfinite(energy):
        facts.append(Fact("energy", f"{energy:.3g} kWh"))
    cost = next((d for d in estimate.get("derivations") or [] if d.get("name") == "training.energy_cost"), None)
    if cost is not None and math.isfinite(_f(cost.get("value"))):
        facts.append(Fact("energy_cost", f"{_f(cost['value']):,.2f} {cost.get('unit', '')}".strip()))
    if estimate.get("bottleneck"):
        reason = str(estimate.get("bottleneck_reason") or "")
        name = phrases.text(str(estimate["bottleneck"]), lang)
        separator = "：" if lang == "zh" else ": "
        facts.append(Fact("bottleneck", name + (separator + phrases.text(reason, lang) if reason else "")))
    return facts


def summary_paragraphs(quote: Any, estimate: dict, total_text: str, lang: str) -> list[str]:
    """One paragraph per language saying what is recommended, how it performs and what it costs."""
    out = []
    languages = ("en", "zh") if lang == "both" else (lang,)
    for language in languages:
        out.append(_summary(quote, estimate, total_text, language))
    return out


def _summary(quote: Any, estimate: dict, total_text: str, lang: str) -> str:
    config = quote.configuration or quote.project_name
    epoch, total = _f(estimate.get("epoch_time_s")), _f(estimate.get("total_time_s"))
    latency = _f(estimate.get("latency_ms"))
    memory = estimate.get("memory") or {}
    takt = estimate.get("takt") or {}
    bottleneck = str(estimate.get("bottleneck") or "")
    valid = quote.valid_until_date.isoformat()
    if lang == "zh":
        parts = [f"针对“{quote.project_name}”，推荐配置为：{config}。"]
        if math.isfinite(total):
            parts.append(f"完整训练预计需要 {format_duration(total)}（区间 {duration_band(estimate, 'total_time_s') or '未知'}），"
                         f"每轮 {format_duration(epoch)}。")
        if math.isfinite(latency):
            verdict = "满足" if takt.get("meets") else "不满足"
            parts.append(f"推理延迟 {format_duration(latency / 1e3)}" +
                         (f"，{verdict}产线节拍（余量 {margin_text(_f(takt.get('margin')))}）。" if takt else "。"))
        if memory:
            parts.append(f"训练显存 {format_bytes(_f(memory.get('total_bytes')))}，容量 "
                         f"{format_bytes(_f(memory.get('capacity_bytes')))}，{'可以容纳' if memory.get('fits') else '无法容纳'}。")
        if bottleneck:
            parts.append(f"主要瓶颈：{phrases.text(bottleneck, 'zh')}。")
        parts.append(f"报价合计 {total_text}，有效期至 {valid}。")
        return "".join(parts)
    parts = [f"For {quote.project_name or 'this project'} we recommend {config}."]
    if math.isfinite(total):
        band = duration_band(estimate, "total_time_s")
        parts.append(f"One full training run is expected to take {format_duration(total)}"
                     + (f" (range {band})" if band else "") + f", {format_duration(epoch)} per epoch.")
    if math.isfinite(latency):
        parts.append(f"Inference takes {format_duration(latency / 1e3)} per call" + (
            f" and {'meets' if takt.get('meets') else 'misses'} the line's takt with a margin of "
            f"{margin_text(_f(takt.get('margin')))}." if takt else "."))
    if memory:
        parts.append(f"Training needs {format_bytes(_f(memory.get('total_bytes')))} of "
                     f"{format_bytes(_f(memory.get('capacity_bytes')))} per GPU and "
                     f"{'fits' if memory.get('fits') else 'does not fit'}.")
    if bottleneck:
        parts.append(f"The limiting factor is the {bottleneck}.")
    parts.append(f"Total price {total_text}, valid until {valid}.")
    return " ".join(parts)

"""The quote's sections as Qt rich-text HTML; every piece of user or catalog text is escaped here.

Charts appear as placeholder paragraphs (`chart_marker`) that the renderer swaps for vector
chart objects. Sizes are in points (the layout device is the PDF writer, not a screen).
"""

from __future__ import annotations

import math
import re
from html import escape
from typing import Any

from rigsizer.core.quote import Quote, QuoteTotals
from rigsizer.core.quote_money import ROUNDING_RULES, format_amount, format_rate
from rigsizer.core.units import format_bytes, format_duration

from . import labels, phrases
from .facts import performance_facts, summary_paragraphs

ZWSP = "\u200b"
_LONG_WORD = re.compile(r"\S{26,}")
STYLE = """
body { color: #1f2937; }
h1 { font-size: 17pt; font-weight: 700; color: #111827; margin: 0; }
h2 { font-size: 11.5pt; font-weight: 700; color: #1d4ed8; margin-top: 14pt; margin-bottom: 5pt; }
h3 { font-size: 9.5pt; font-weight: 700; margin-top: 8pt; margin-bottom: 3pt; }
p { margin-top: 0; margin-bottom: 4pt; }
td, th { vertical-align: top; }
th { background-color: #eef2ff; font-weight: 700; text-align: left; }
.muted { color: #6b7280; }
.small { font-size: 7pt; color: #4b5563; }
.num { text-align: right; }
.total td { font-weight: 700; background-color: #eef2ff; }
"""


def esc(value: Any) -> str:
    """Escape for Qt rich text; long unbroken runs (URLs, formulas) get break opportunities."""
    text = str(value if value is not None else "")
    text = _LONG_WORD.sub(lambda m: re.sub(r"([/_=&.,;:+*\-(])", r"\1" + ZWSP, m.group(0)), text)
    return escape(text, quote=True).replace("\n", "<br/>")


def chart_marker(chart_id: str) -> str:
    return f"[[chart:{chart_id}]]"


def _table(rows: list[str], widths: list[int] | None = None, header: str = "", cls: str = "",
           width: int = 100, align: str = "left") -> str:
    cols = "".join(f"<col width='{w}%'/>" for w in widths or [])
    head = f"<thead>{header}</thead>" if header else ""
    return (f"<table width='{width}%' align='{align}' cellspacing='0' cellpadding='3' class='{cls}' "
            f"style='border-collapse: collapse; border-color: #d1d5db; border-style: solid;' border='0.6'>"
            f"{cols}{head}{''.join(rows)}</table>")


def cover(quote: Quote, lang: str) -> str:
    seller, buyer = quote.seller, quote.buyer

    def party(label_key: str, p) -> str:
        lines = [f"<b>{esc(p.name) or '&nbsp;'}</b>"] + [esc(v) for v in (p.contact, p.address, p.email, p.phone) if v]
        if p.tax_id:
            lines.append(f"{labels.inline('tax_id', lang)}: {esc(p.tax_id)}")
        return (f"<td width='50%' style='padding: 5px;'><span class='small'>{labels.html(label_key, lang)}</span><br/>"
                + "<br/>".join(lines) + "</td>")

    logo = ""
    if quote.seller_logo:
        logo = f"<img src='{esc(quote.seller_logo)}' height='44'/><br/>"
    title = (f"<table width='100%' cellspacing='0' cellpadding='0'><tr>"
             f"<td width='55%'>{logo}<span style='font-size:12pt; font-weight:700;'>{esc(seller.name)}</span></td>"
             f"<td width='45%' align='right'><h1>{labels.inline('quotation', lang)}</h1>"
             f"<span style='font-size:11pt; font-weight:700; color:#1d4ed8;'>{esc(quote.number or labels.text('draft', lang))}</span></td>"
             f"</tr></table><hr/>")
    facts = [(labels.html("quote_number", lang), esc(quote.number or labels.text("draft", lang))),
             (labels.html("issue_date", lang), quote.issue_date.isoformat()),
             (labels.html("valid_until", lang), quote.valid_until_date.isoformat()),
             (labels.html("project", lang), esc(quote.project_name)),
             (labels.html("configuration", lang), esc(quote.configuration))]
    fact_rows = [f"<tr><td width='28%' class='muted'>{k}</td><td>{v}</td></tr>" for k, v in facts]
    parties = ("<table width='100%' cellspacing='0' cellpadding='0'><tr>"
               f"{party('seller', seller)}{party('buyer', buyer)}</tr></table>")
    return title + parties + "<p></p>" + _table(fact_rows, [28, 72])


def summary(quote: Quote, estimate: dict, totals: QuoteTotals, lang: str) -> str:
    total_text = format_amount(totals.total, quote.currency)
    paragraphs = summary_paragraphs(quote, estimate, total_text, lang)
    return f"<h2>{labels.inline('summary', lang)}</h2>" + "".join(f"<p>{esc(p)}</p>" for p in paragraphs)


def line_items(quote: Quote, totals: QuoteTotals, lang: str, source_numbers: dict[str, int]) -> str:
    header = (f"<tr><th>{labels.html('no', lang)}</th><th>{labels.html('item', lang)}</th>"
              f"<th class='num'>{labels.html('qty', lang)}</th><th class='num'>{labels.html('unit_price', lang)}</th>"
              f"<th class='num'>{labels.html('line_total', lang)}</th></tr>")
    rows = []
    for index, (item, unit, line) in enumerate(zip(quote.items, totals.unit_prices, totals.line_totals, strict=True), 1):
        basis = []
        if item.price_date:
            basis.append(esc(item.price_date))
        if item.price_source:
            number = source_numbers.get(item.price_source)
            basis.append(f"[{number}]" if number else "")
        optional = f" <span class='small'>({labels.inline('optional', lang)})</span>" if item.optional else ""
        on_request = labels.inline("price_on_request", lang)
        lines = [f"<p style='margin: 0;'><b>{phrases.html(item.part_name, lang, esc)}</b>{optional}</p>"]
        if item.specs:
            lines.append(f"<p class='small' style='margin: 0;'>{phrases.html(item.specs, lang, esc)}</p>")
        if basis:
            lines.append(f"<p class='small' style='margin: 0;'>{labels.inline('price_basis', lang)}: {' '.join(basis)}</p>")
        rows.append(
            f"<tr><td>{index}</td><td>{''.join(lines)}</td>"
            f"<td class='num'>{item.quantity}</td>"
            f"<td class='num'>{format_amount(unit) if unit is not None else on_request}</td>"
            f"<td class='num'>{format_amount(line) if line is not None else on_request}</td></tr>")
    table = _table(rows, [6, 52, 8, 17, 17], header)
    return f"<h2>{labels.inline('line_items', lang)}</h2>" + table + totals_block(quote, totals, lang)


def totals_block(quote: Quote, totals: QuoteTotals, lang: str) -> str:
    cur = quote.currency
    rows = [(labels.html("subtotal", lang), format_amount(totals.subtotal, cur))]
    if totals.discount:
        rate = f" ({format_rate(quote.discount_rate)})" if quote.discount_rate else ""
        rows.append((labels.html("discount", lang) + rate, format_amount(-totals.discount, cur)))
    if totals.shipping:
        rows.append((labels.html("shipping", lang), format_amount(totals.shipping, cur)))
    mode = labels.inline("incl_tax" if quote.prices_include_tax else "excl_tax", lang)
    if quote.prices_include_tax:
        rows.append((labels.html("net", lang), format_amount(totals.net, cur)))
        rows.append((f"{labels.html('tax_included', lang)} {format_rate(quote.tax_rate)}", format_amount(totals.tax, cur)))
    else:
        rows.append((labels.html("net", lang), format_amount(totals.net, cur)))
        rows.append((f"{labels.html('tax', lang)} {format_rate(quote.tax_rate)}", format_amount(totals.tax, cur)))
    body = [f"<tr><td width='60%'>{k}</td><td width='40%' class='num'>{v}</td></tr>" for k, v in rows]
    body.append(f"<tr class='total'><td>{labels.html('total', lang)} ({mode})</td>"
                f"<td class='num'>{format_amount(totals.total, cur)}</td></tr>")
    note = ""
    if totals.unpriced_lines:
        note = f"<p class='small' align='right'>{totals.unpriced_lines} {labels.inline('unpriced_note', lang)}</p>"
    return _table(body, [60, 40], width=55, align="right") + "<p style='margin: 0;'></p>" + note


def performance(estimate: dict, lang: str) -> str:
    head = f"<h2>{labels.inline('performance', lang)}</h2>"
    facts = performance_facts(estimate, lang)
    if not facts:
        return head + f"<p class='muted'>{labels.inline('no_estimate', lang)}</p>"
    header = (f"<tr><th>{labels.html('figure', lang)}</th><th>{labels.html('value', lang)}</th>"
              f"<th>{labels.html('range', lang)}</th></tr>")
    rows = [f"<tr><td>{labels.html(f.key, lang)}</td><td>{esc(f.value)}</td><td>{esc(f.band)}</td></tr>" for f in facts]
    return head + _table(rows, [34, 42, 24], header) + cloud(estimate, lang)


def cloud(estimate: dict, lang: str) -> str:
    """The estimate's cloud-rental options for one run, as published (currency, date and source)."""
    options = [o for o in estimate.get("cloud") or [] if o.get("cost") is not None and o.get("hours") is not None]
    if not options:
        return ""
    header = (f"<tr><th>{labels.html('offer', lang)}</th><th class='num'>{labels.html('per_hour', lang)}</th>"
              f"<th class='num'>{labels.html('run_hours', lang)}</th><th class='num'>{labels.html('cost', lang)}</th></tr>")
    rows = []
    for option in sorted(options, key=lambda o: float(o["cost"]))[:6]:
        currency = esc(option.get("currency", ""))
        source = " · ".join(esc(v) for v in (option.get("date"), option.get("source")) if v)
        rows.append(f"<tr><td>{esc(option.get('name', ''))}<br/><span class='small'>{source}</span></td>"
                    f"<td class='num'>{currency} {float(option.get('hourly_price') or 0):,.2f}</td>"
                    f"<td class='num'>{float(option['hours']):.3g}</td>"
                    f"<td class='num'>{currency} {float(option['cost']):,.2f}</td></tr>")
    return f"<h3>{labels.inline('cloud', lang)}</h3>" + _table(rows, [55, 16, 11, 18], header)


def charts(chart_ids: list[str], lang: str) -> str:
    if not chart_ids:
        return ""
    # no section heading: each chart carries its own title, so no heading can be left behind at a page end
    return "".join(f"<p align='center' style='margin-top: 8pt;'>{chart_marker(c)}</p>" for c in chart_ids)


def spec_sheets(quote: Quote, lang: str) -> str:
    out = [f"<h2 style='page-break-before: always;'>{labels.inline('spec_sheets', lang)}</h2>"]
    for index, item in enumerate(quote.items, 1):
        out.append(f"<h3>{index}. {esc(phrases.text(item.part_name, lang))} × {item.quantity}</h3>")
        rows = [f"<tr><td width='30%' class='muted'>{esc(labels.detail(k, lang))}</td><td>{esc(v)}</td></tr>"
                for k, v in item.details]
        if not item.details and item.specs:
            rows.append(f"<tr><td width='30%' class='muted'>{labels.html('item', lang)}</td>"
                        f"<td>{phrases.html(item.specs, lang, esc)}</td></tr>")
        if item.sizing_rule:
            rows.append(f"<tr><td class='muted'>{labels.html('sizing_rule', lang)}</td><td>{phrases.html(item.sizing_rule, lang, esc)}</td></tr>")
        if rows:
            out.append(_table(rows, [30, 70]))
    return "".join(out)


def terms(quote: Quote, lang: str) -> str:
    rates = ", ".join(f"1 USD = {rate.normalize():f} {code}" for code, rate in quote.rates.per_usd if code != "USD")
    tax_mode = labels.inline("incl_tax" if quote.prices_include_tax else "excl_tax", lang)
    rows = [("payment_terms", phrases.html(quote.payment_terms, lang, esc)),
            ("lead_time", phrases.html(quote.lead_time, lang, esc)), ("warranty", phrases.html(quote.warranty, lang, esc)),
            ("validity", f"{quote.valid_until_date.isoformat()} ({esc(_validity(quote, lang))})"),
            ("currency", f"{esc(quote.currency)}; {esc(rates)} ({esc(quote.rates.note)})"),
            ("tax_mode", f"{format_rate(quote.tax_rate)}, {tax_mode}")]
    if quote.notes:
        rows.append(("notes", esc(quote.notes)))
    body = [f"<tr><td width='26%' class='muted'>{labels.html(k, lang)}</td><td>{v}</td></tr>" for k, v in rows]
    return f"<h2>{labels.inline('terms', lang)}</h2>" + _table(body, [26, 74])


def _validity(quote: Quote, lang: str) -> str:
    days = (quote.valid_until_date - quote.issue_date).days
    english, chinese = f"{days} days from the issue date", f"{days} 天（自报价日期起）"
    return chinese if lang == "zh" else (f"{english} / {chinese}" if lang == "both" else english)


def acceptance(quote: Quote, lang: str) -> str:
    def block(key: str, party_name: str) -> str:
        lines = "".join(f"<tr><td width='35%' class='muted' style='padding-top: 12px;'>{labels.html(k, lang)}</td>"
                        f"<td style='padding-top: 12px;'>______________________</td></tr>"
                        for k in ("name_title", "signature", "date", "stamp"))
        return (f"<td width='50%' style='padding: 4px;'><b>{labels.html(key, lang)}</b><br/>{esc(party_name)}"
                f"<table width='100%' cellspacing='0' cellpadding='2'>{lines}</table></td>")

    return (f"<h2>{labels.inline('acceptance', lang)}</h2><p>{labels.html('acceptance_text', lang)}</p>"
            f"<table width='100%' cellspacing='0' cellpadding='0'><tr>{block('for_seller', quote.seller.name)}"
            f"{block('for_buyer', quote.buyer.name)}</tr></table>")


def price_sources(quote: Quote) -> dict[str, int]:
    numbers: dict[str, int] = {}
    for item in quote.items:
        if item.price_source and item.price_source not in numbers:
            numbers[item.price_source] = len(numbers) + 1
    return numbers


def appendix(quote: Quote, estimate: dict, lang: str, source_numbers: dict[str, int]) -> str:
    out = [f"<h2 style='page-break-before: always;'>{labels.inline('appendix', lang)}</h2>"]
    if source_numbers:
        out.append(f"<h3>{labels.inline('price_sources', lang)}</h3>")
        out.append("".join(f"<p class='small'>[{n}] {phrases.html(text, lang, esc)}</p>" for text, n in source_numbers.items()))
    if quote.sizing_notes:
        out.append(f"<h3>{labels.inline('sizing', lang)}</h3>")
        out.append("".join(f"<p class='small'>• {phrases.html(note, lang, esc)}</p>" for note in quote.sizing_notes))
    out.append(f"<h3>{labels.inline('rounding', lang)}</h3>")
    out.append("".join(f"<p class='small'>{n}. {phrases.html(rule, lang, esc)}</p>" for n, rule in enumerate(ROUNDING_RULES, 1)))
    for key, items in (("assumptions", estimate.get("assumptions") or []), ("warnings", estimate.get("warnings") or [])):
        if items:
            out.append(f"<h3>{labels.inline(key, lang)}</h3>")
            out.append("".join(f"<p class='small'>• {esc(text)}</p>" for text in items))
    derivations = estimate.get("derivations") or []
    if derivations:
        out.append(f"<h3>{labels.inline('derivations', lang)}</h3>")
        out.extend(derivation(d, lang) for d in derivations)
    return "".join(out)


def _value(value: Any) -> str:
    if isinstance(value, float):
        return "n/a" if not math.isfinite(value) else f"{value:.6g}"
    if value is None:
        return "n/a"
    return str(value)


def _readable(value: Any, unit: str) -> str:
    """Bytes and seconds also in the unit a person would say (the report's figures use the same)."""
    if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
        return ""
    if unit == "B" and abs(value) >= 1024:
        return format_bytes(value)
    if unit == "s" and (abs(value) < 0.1 or abs(value) >= 120):
        return format_duration(value)
    return ""


def derivation(item: dict, lang: str) -> str:
    """One Derived (its to_dict form): name = formula, inputs, result with band, source, assumptions."""
    result = f"{_value(item.get('value'))} {item.get('unit', '')}".strip()
    readable = _readable(item.get("value"), item.get("unit", ""))
    if readable:
        result += f" = {readable}"
    if item.get("low") is not None and item.get("high") is not None:
        result += f"  ({_value(item['low'])} – {_value(item['high'])})"
    inputs = "; ".join(
        f"{i.get('symbol')} = {_value(i.get('value'))}{(' ' + i['unit']) if i.get('unit') else ''}"
        + (f" [{i['source']}]" if i.get("source") else "") for i in item.get("inputs", []))
    lines = [f"<b>{esc(item.get('name', ''))}</b> = {esc(item.get('formula', ''))}"]
    if inputs:
        lines.append(f"<span class='muted'>{esc(inputs)}</span>")
    lines.append(f"⇒ <b>{esc(result)}</b>")
    if item.get("source"):
        lines.append(f"<span class='muted'>{labels.inline('source', lang)}: {esc(item['source'])}</span>")
    for text in item.get("assumptions", []):
        lines.append(f"<span class='muted'>• {esc(text)}</span>")
    return "<p class='small' style='margin-top: 2pt; margin-bottom: 6pt;'>" + "<br/>".join(lines) + "</p>"

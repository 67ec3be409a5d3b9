"""Renders a QuoteDocument to PDF: QTextDocument pages with header, footer, page numbers and charts.

Safe to call off the GUI thread (QPdfWriter, QTextDocument and QPainter on a PDF device need
no GUI thread); fonts are registered once under a lock. The quote's JSON travels inside the
PDF as a file attachment so the quote can be re-imported.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextCharFormat,
    QTextDocument,
)

from rigsizer.core.quote import compute_totals
from rigsizer.core.quote_build import ATTACHMENT_NAME, QuoteDocument
from rigsizer.core.quote_money import CURRENCIES

from . import labels, sections
from .charts import (
    CHART_ID_PROPERTY,
    CHART_OBJECT_TYPE,
    ChartObject,
    ChartSpec,
    draw_memory,
    draw_price_time,
    draw_roofline,
    draw_scaling,
)
from .fonts import ensure_report_fonts
from .pagination import keep_table_rows_whole

DPI = 300
BODY_POINTS = 8.8
MARGIN_MM = {"left": 17.0, "right": 17.0, "top": 22.0, "bottom": 18.0}
MEMORY_NAMES = {
    "weights": ("weights", "权重"), "gradients": ("gradients", "梯度"),
    "optimizer_state": ("optimizer state", "优化器状态"), "activations": ("activations", "激活值"),
    "workspace": ("workspace", "工作区"), "runtime_context": ("runtime context", "运行时上下文"),
}
Progress = Callable[[float, str], None]


def mm(value: float) -> float:
    return value / 25.4 * DPI


def _pick(lang: str, english: str, chinese: str) -> str:
    return chinese if lang == "zh" else (f"{english} / {chinese}" if lang == "both" else english)


def chart_specs(document: QuoteDocument, width: float, family: str) -> dict[str, ChartSpec]:
    """The charts this quote can draw from its estimate, keyed by id, in print order."""
    estimate, lang = document.estimate, document.quote.language
    height = width * 0.40
    specs: dict[str, ChartSpec] = {}
    device_count = (estimate.get("device") or {}).get("count")
    scaling = estimate.get("scaling") or {}
    if scaling.get("gpus") and scaling.get("time_s"):
        data = {"gpus": scaling["gpus"], "time_s": scaling["time_s"], "efficiency": scaling.get("efficiency", []),
                "quoted": device_count, "x_title": labels.text("gpus", lang),
                "y_title": _pick(lang, "hours per training run; % = scaling efficiency", "每次训练小时数；% 为扩展效率")}
        specs["scaling"] = ChartSpec("scaling", labels.text("chart_scaling", lang), draw_scaling, data, width, height, family, lang)
    memory = estimate.get("memory") or {}
    if memory:
        components = []
        for key, value in memory.items():
            if key.endswith("_bytes") and key not in ("total_bytes", "capacity_bytes") and value is not None:
                name = key[:-6]
                english, chinese = MEMORY_NAMES.get(name, (name.replace("_", " "), name.replace("_", " ")))
                components.append((_pick(lang, english, chinese), float(value)))
        capacity = memory.get("capacity_bytes")
        cap_text = f"{float(capacity) / 1024**3:.3g} GiB" if capacity else ""
        data = {"components": components, "capacity": capacity,
                "capacity_label": _pick(lang, f"capacity {cap_text}", f"容量 {cap_text}")}
        specs["memory"] = ChartSpec("memory", labels.text("chart_memory", lang), draw_memory, data, width, height * 0.85,
                                    family, lang)
    roofline = estimate.get("roofline") or {}
    if roofline.get("intensity"):
        data = dict(roofline)
        data["x_title"] = _pick(lang, "arithmetic intensity, FLOP/byte", "运算强度，FLOP/字节")
        data["bound_labels"] = {"compute": _pick(lang, "compute-bound", "计算受限"),
                                "memory": _pick(lang, "memory-bound", "访存受限"),
                                "overhead": _pick(lang, "overhead-bound", "开销受限")}
        specs["roofline"] = ChartSpec("roofline", labels.text("chart_roofline", lang), draw_roofline, data, width,
                                      height * 1.1, family, lang)
    price = _price_points(document)
    if price["points"]:
        specs["price"] = ChartSpec("price", labels.text("chart_price", lang), draw_price_time, price, width, height,
                                   family, lang)
    return specs


def _price_points(document: QuoteDocument) -> dict:
    """Hardware price (quote lines, before discount and tax) for 1..N of the quoted GPU, against run time."""
    quote, estimate, lang = document.quote, document.estimate, document.quote.language
    totals = compute_totals(quote)
    gpu_index = next((i for i, item in enumerate(quote.items) if item.category == "gpu"), None)
    scaling = estimate.get("scaling") or {}
    points: list[tuple[str, float, float]] = []
    if gpu_index is not None and totals.unit_prices[gpu_index] is not None and scaling.get("time_s"):
        gpu_unit = float(totals.unit_prices[gpu_index])
        quoted_count = quote.items[gpu_index].quantity
        others = float(totals.subtotal) - gpu_unit * quoted_count
        for gpus, seconds in zip(scaling.get("gpus", []), scaling.get("time_s", []), strict=False):
            if seconds is not None and math.isfinite(float(seconds)):
                points.append((f"{int(gpus)}×", float(seconds) / 3600, others + gpu_unit * int(gpus)))
        quoted = f"{quoted_count}×"
    else:
        quoted = ""
    cloud = []
    for option in estimate.get("cloud") or []:
        currency = str(option.get("currency", "USD")).upper()
        hours, cost = option.get("hours"), option.get("cost")
        if currency in CURRENCIES and hours is not None and cost is not None and math.isfinite(float(cost)):
            from decimal import Decimal

            converted = quote.rates.convert(Decimal(repr(float(cost))), currency, quote.currency)
            cloud.append((str(option.get("name", "")), float(hours), float(converted)))
    cloud = sorted(cloud, key=lambda c: c[2])[:3]
    return {"points": points, "cloud": cloud, "quoted": quoted, "currency": quote.currency,
            "x_title": _pick(lang, "training run, hours (squares: cloud rental)", "训练时长（小时；方块：云租用）")}


def build_document(document: QuoteDocument, writer: QPdfWriter, content: QSizeF, family: str
                   ) -> tuple[QTextDocument, ChartObject]:
    quote, estimate, lang = document.quote, document.estimate, document.quote.language
    totals = compute_totals(quote)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    font = QFont(family)
    font.setPointSizeF(BODY_POINTS)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(sections.STYLE)
    doc.setDocumentMargin(0)
    doc.setPageSize(content)
    specs = chart_specs(document, content.width(), family)
    handler = ChartObject(specs)
    doc.documentLayout().registerHandler(CHART_OBJECT_TYPE, handler)
    numbers = sections.price_sources(quote)
    html = "".join((
        sections.cover(quote, lang),
        sections.summary(quote, estimate, totals, lang),
        sections.line_items(quote, totals, lang, numbers),
        sections.performance(estimate, lang),
        sections.charts(list(specs), lang),
        sections.spec_sheets(quote, lang),
        sections.terms(quote, lang),
        sections.acceptance(quote, lang),
        sections.appendix(quote, estimate, lang, numbers),
    ))
    doc.setHtml(f"<html><body>{html}</body></html>")
    keep_table_rows_whole(doc, content.height(), DPI)
    for chart_id in specs:
        cursor = doc.find(sections.chart_marker(chart_id))
        if cursor.isNull():
            continue
        chart_format = QTextCharFormat()
        chart_format.setObjectType(CHART_OBJECT_TYPE)
        chart_format.setProperty(CHART_ID_PROPERTY, chart_id)
        cursor.insertText("\ufffc", chart_format)
    return doc, handler


def render_quote_pdf(document: QuoteDocument, path: str | Path, progress: Progress | None = None) -> int:
    """Write the quote PDF to `path`; returns the page count."""
    report = progress or (lambda fraction, message: None)
    family = ensure_report_fonts()
    quote, lang = document.quote, document.quote.language
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    size = QPageSize.PageSizeId.Letter if quote.paper == "Letter" else QPageSize.PageSizeId.A4
    writer.setPageLayout(QPageLayout(QPageSize(size), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    writer.setTitle(f"{labels.text('quotation', lang)} {quote.number}".strip())
    writer.setCreator("Rigsizer")
    writer.addFileAttachment(ATTACHMENT_NAME, QByteArray(document.to_json().encode("utf-8")), "application/json")
    page = QRectF(0, 0, writer.width(), writer.height())
    left, right, top, bottom = (mm(MARGIN_MM[k]) for k in ("left", "right", "top", "bottom"))
    content = QSizeF(page.width() - left - right, page.height() - top - bottom)
    report(0.1, "layout")
    doc, handler = build_document(document, writer, content, family)
    pages = doc.pageCount()
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write the PDF to {path}")
    try:
        for index in range(pages):
            if index:
                writer.newPage()
            painter.save()
            painter.translate(left, top - index * content.height())
            page_rect = QRectF(0, index * content.height(), content.width(), content.height())
            painter.setClipRect(page_rect)
            context = QAbstractTextDocumentLayout.PaintContext()
            # blocks are picked without the page's last device pixels: a block that starts a new page
            # sits a hair above the boundary and would otherwise be drawn (clipped, yet in the text
            # layer) on the previous page too
            context.clip = page_rect.adjusted(0, 0, 0, -2)
            doc.documentLayout().draw(painter, context)
            painter.restore()
            _header_footer(painter, page, left, right, top, bottom, document, index + 1, pages, family)
            report(0.1 + 0.9 * (index + 1) / pages, f"page {index + 1} of {pages}")
    finally:
        painter.end()
    del handler
    return pages


def _header_footer(painter: QPainter, page: QRectF, left: float, right: float, top: float, bottom: float,
                   document: QuoteDocument, number: int, pages: int, family: str) -> None:
    quote, lang = document.quote, document.quote.language
    quote_label = quote.number or labels.text("draft", lang)
    font = QFont(family)
    font.setPointSizeF(7)
    painter.setFont(font)
    muted = QColor("#6b7280")
    width = page.width() - left - right
    line_pen = QPen(QColor("#d1d5db"), mm(0.2))
    align_left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    align_right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if number > 1:
        band = QRectF(left, top - mm(11), width, mm(6))
        painter.setPen(muted)
        metrics = QFontMetricsF(font, painter.device())
        painter.drawText(band, align_left, metrics.elidedText(quote.seller.name, Qt.TextElideMode.ElideRight, width * 0.55))
        painter.drawText(band, align_right, f"{labels.text('quotation', lang)} {quote_label}")
        painter.setPen(line_pen)
        painter.drawLine(QPointF(left, top - mm(4.5)), QPointF(left + width, top - mm(4.5)))
    footer_y = page.height() - bottom + mm(6)
    painter.setPen(line_pen)
    painter.drawLine(QPointF(left, footer_y), QPointF(left + width, footer_y))
    band = QRectF(left, footer_y + mm(1.2), width, mm(5))
    painter.setPen(muted)
    painter.drawText(band, align_left, f"{quote_label} · {labels.text('issue_date', lang)} {quote.issue_date.isoformat()}"
                                       f" · {labels.text('valid_until', lang)} {quote.valid_until_date.isoformat()}")
    painter.drawText(band, align_right, labels.page_text(number, pages, lang))

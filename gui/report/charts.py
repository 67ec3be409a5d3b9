"""Vector charts for the PDF, painted with QPainter straight into the page (no raster images).

Each chart is a text object inside the QTextDocument (`ChartObject`), so it flows with the text
and QPdfWriter records its lines and glyphs as vectors. Data come from the Estimate's JSON form
and the quote's own prices; nothing is computed here beyond placing points on axes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPyTextObject,
    QTextFormat,
)

CHART_OBJECT_TYPE = QTextFormat.ObjectTypes.UserObject + 7
CHART_ID_PROPERTY = QTextFormat.Property.UserProperty + 7
INK = QColor("#1f2937")
MUTED = QColor("#6b7280")
GRID = QColor("#e5e7eb")
ACCENT = QColor("#1d4ed8")
SERIES = [QColor(c) for c in ("#1d4ed8", "#0f766e", "#b45309", "#7c3aed", "#be123c", "#4b5563", "#15803d")]


@dataclass(frozen=True)
class ChartSpec:
    """One chart to place: its painter, data, caption and size in layout units."""

    chart_id: str
    title: str
    draw: Callable[[QPainter, QRectF, ChartSpec], None]
    data: dict
    width: float
    height: float
    family: str
    lang: str = "en"


class ChartObject(QPyTextObject):
    """Text-object handler that paints registered charts where their placeholder character sits."""

    def __init__(self, charts: dict[str, ChartSpec]) -> None:
        super().__init__()
        self.charts = charts

    def intrinsicSize(self, doc, position, text_format) -> QSizeF:  # noqa: N802 — Qt override
        spec = self.charts.get(str(text_format.property(CHART_ID_PROPERTY)))
        return QSizeF(spec.width, spec.height) if spec else QSizeF(0, 0)

    def drawObject(self, painter, rect, doc, position, text_format) -> None:  # noqa: N802 — Qt override
        spec = self.charts.get(str(text_format.property(CHART_ID_PROPERTY)))
        if spec is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        try:
            spec.draw(painter, QRectF(rect), spec)
        finally:
            painter.restore()


# --- shared drawing helpers ------------------------------------------------------------------
def _font(spec: ChartSpec, points: float, bold: bool = False) -> QFont:
    font = QFont(spec.family)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _pen(color: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(color, width, style)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def _frame(painter: QPainter, rect: QRectF, spec: ChartSpec, left: float = 0.13, bottom: float = 0.2) -> QRectF:
    """Title on top; returns the plot area inside left/bottom margins for tick labels."""
    unit = rect.height() / 100.0
    painter.setFont(_font(spec, 8.5, bold=True))
    painter.setPen(INK)
    title_h = QFontMetricsF(painter.font(), painter.device()).height() * 1.4
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), title_h),
                     int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), spec.title)
    gap = title_h + 5 * unit  # room for the y-axis unit above the plot
    return QRectF(rect.left() + rect.width() * left, rect.top() + gap,
                  rect.width() * (1 - left) - 3 * unit, rect.height() * (1 - bottom) - gap)


def _line_width(rect: QRectF) -> float:
    return max(rect.height() / 320.0, 0.5)


def _ticks(low: float, high: float, count: int = 5) -> list[float]:
    if not (math.isfinite(low) and math.isfinite(high)) or high <= low:
        return [low]
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    ticks, value = [], start
    while value <= high + step * 1e-9:
        if value >= low - step * 1e-9:
            ticks.append(round(value, 10))
        value += step
    return ticks


def _nice_max(value: float) -> float:
    if not math.isfinite(value) or value <= 0:
        return 1.0
    ticks = _ticks(0, value * 1.08)
    return ticks[-1] if ticks[-1] >= value else ticks[-1] + (ticks[1] - ticks[0] if len(ticks) > 1 else value)


def _label(value: float) -> str:
    if value == 0:
        return "0"
    if abs(value) >= 1e4 or abs(value) < 1e-2:
        exponent = math.floor(math.log10(abs(value)))
        mantissa = value / 10**exponent
        return f"{mantissa:g}e{exponent}" if mantissa != 1 else f"1e{exponent}"
    return f"{value:,.6g}"


def _y_axis(painter: QPainter, plot: QRectF, spec: ChartSpec, ticks: Sequence[float], to_y: Callable[[float], float],
            text: Callable[[float], str] = _label, title: str = "") -> None:
    width = _line_width(plot)
    painter.setFont(_font(spec, 6.5))
    metrics = QFontMetricsF(painter.font(), painter.device())
    for tick in ticks:
        y = to_y(tick)
        painter.setPen(_pen(GRID, width))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(MUTED)
        label_rect = QRectF(plot.left() - 40 * width - metrics.height() * 4, y - metrics.height() / 2,
                            40 * width + metrics.height() * 4 - 4 * width, metrics.height())
        painter.drawText(label_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text(tick))
    if title:  # the unit sits above the axis, clear of the tick labels
        painter.setPen(MUTED)
        painter.drawText(QRectF(plot.left() - metrics.height() * 6, plot.top() - metrics.height() * 1.5,
                                plot.width(), metrics.height()),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), title)
    painter.setPen(_pen(INK, width))
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    painter.drawLine(plot.bottomLeft(), plot.topLeft())


def _x_title(painter: QPainter, plot: QRectF, spec: ChartSpec, title: str) -> None:
    painter.setFont(_font(spec, 6.5))
    painter.setPen(MUTED)
    metrics = QFontMetricsF(painter.font(), painter.device())
    painter.drawText(QRectF(plot.left(), plot.bottom() + metrics.height() * 1.3, plot.width(), metrics.height() * 1.3),
                     int(Qt.AlignmentFlag.AlignCenter), title)


def _no_data(painter: QPainter, plot: QRectF, spec: ChartSpec, message: str) -> None:
    painter.setFont(_font(spec, 7.5))
    painter.setPen(MUTED)
    painter.drawText(plot, int(Qt.AlignmentFlag.AlignCenter), message)


# --- the four charts -------------------------------------------------------------------------
def draw_scaling(painter: QPainter, rect: QRectF, spec: ChartSpec) -> None:
    """Bars: training time (hours) per GPU count; the quoted count highlighted; efficiency on top."""
    data = spec.data
    plot = _frame(painter, rect, spec)
    pairs = [(int(g), float(t)) for g, t in zip(data.get("gpus", []), data.get("time_s", []), strict=False)
             if t is not None and math.isfinite(float(t))]
    if not pairs:
        _no_data(painter, plot, spec, "n/a")
        return
    efficiency = list(data.get("efficiency", []))
    hours = [t / 3600 for _, t in pairs]
    top = _nice_max(max(hours) * 1.18)  # headroom for the labels above the bars
    ticks = _ticks(0, top)
    top = ticks[-1] if ticks[-1] > 0 else top

    def to_y(value: float) -> float:
        return plot.bottom() - value / top * plot.height()

    _y_axis(painter, plot, spec, ticks, to_y, title=data.get("y_title", "h"))
    slot = plot.width() / len(pairs)
    painter.setFont(_font(spec, 6.2))
    metrics = QFontMetricsF(painter.font(), painter.device())
    for index, ((gpus, _), value) in enumerate(zip(pairs, hours, strict=True)):
        x = plot.left() + slot * index
        bar = QRectF(x + slot * 0.2, to_y(value), slot * 0.6, plot.bottom() - to_y(value))
        color = ACCENT if gpus == data.get("quoted") else QColor("#93c5fd")
        painter.fillRect(bar, color)
        painter.setPen(INK)
        painter.drawText(QRectF(x, bar.top() - metrics.height() * 2.1, slot, metrics.height()),
                         int(Qt.AlignmentFlag.AlignCenter), f"{value:.3g} h")
        if index < len(efficiency) and efficiency[index] is not None:
            painter.setPen(MUTED)
            painter.drawText(QRectF(x, bar.top() - metrics.height() * 1.15, slot, metrics.height()),
                             int(Qt.AlignmentFlag.AlignCenter), f"{float(efficiency[index]) * 100:.0f}%")
        painter.setPen(INK)
        painter.drawText(QRectF(x, plot.bottom() + metrics.height() * 0.2, slot, metrics.height()),
                         int(Qt.AlignmentFlag.AlignCenter), str(gpus))
    _x_title(painter, plot, spec, data.get("x_title", "GPUs"))


def draw_memory(painter: QPainter, rect: QRectF, spec: ChartSpec) -> None:
    """One stacked bar of the per-GPU memory components against the capacity line, with a legend."""
    data = spec.data
    plot = _frame(painter, rect, spec, left=0.04, bottom=0.05)
    components = [(name, float(value)) for name, value in data.get("components", []) if value and float(value) > 0]
    capacity = float(data.get("capacity") or math.nan)
    total = sum(v for _, v in components)
    if not components:
        _no_data(painter, plot, spec, "n/a")
        return
    gib = 1024**3
    scale_max = _nice_max(max(total, capacity if math.isfinite(capacity) else 0) / gib)
    bar_area = QRectF(plot.left(), plot.top() + plot.height() * 0.08, plot.width() * 0.96, plot.height() * 0.3)
    width = _line_width(plot)

    def to_x(value_gib: float) -> float:
        return bar_area.left() + value_gib / scale_max * bar_area.width()

    painter.setFont(_font(spec, 6.5))
    metrics = QFontMetricsF(painter.font(), painter.device())
    for tick in _ticks(0, scale_max):
        x = to_x(tick)
        painter.setPen(_pen(GRID, width))
        painter.drawLine(QPointF(x, bar_area.top() - width * 4), QPointF(x, bar_area.bottom() + width * 4))
        painter.setPen(MUTED)
        painter.drawText(QRectF(x - 30 * width, bar_area.bottom() + width * 6, 60 * width, metrics.height()),
                         int(Qt.AlignmentFlag.AlignCenter), f"{tick:g}")
    painter.drawText(QRectF(bar_area.left(), bar_area.bottom() + width * 6 + metrics.height(), bar_area.width(),
                            metrics.height()), int(Qt.AlignmentFlag.AlignCenter), "GiB")
    x = bar_area.left()
    for index, (_, value) in enumerate(components):
        w = value / gib / scale_max * bar_area.width()
        painter.fillRect(QRectF(x, bar_area.top(), w, bar_area.height()), SERIES[index % len(SERIES)])
        x += w
    if math.isfinite(capacity):
        cx = to_x(capacity / gib)
        painter.setPen(_pen(QColor("#dc2626"), width * 3, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(cx, bar_area.top() - width * 10), QPointF(cx, bar_area.bottom() + width * 4))
        painter.setPen(QColor("#dc2626"))
        text = data.get("capacity_label", "capacity")
        text_w = metrics.horizontalAdvance(text)
        painter.drawText(QRectF(min(cx - text_w / 2, bar_area.right() - text_w), bar_area.top() - width * 10 - metrics.height(),
                                text_w + width, metrics.height()), int(Qt.AlignmentFlag.AlignLeft), text)
    # legend in two columns below the axis
    legend_top = bar_area.bottom() + width * 10 + metrics.height() * 2.4
    column_w = plot.width() / 2
    box = metrics.height() * 0.7
    for index, (name, value) in enumerate(components):
        row, column = divmod(index, 2)
        lx = plot.left() + column * column_w
        ly = legend_top + row * metrics.height() * 1.35
        painter.fillRect(QRectF(lx, ly + (metrics.height() - box) / 2, box, box), SERIES[index % len(SERIES)])
        painter.setPen(INK)
        painter.drawText(QRectF(lx + box * 1.6, ly, column_w - box * 2, metrics.height()),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         f"{name}: {value / gib:.3g} GiB")


def draw_roofline(painter: QPainter, rect: QRectF, spec: ChartSpec) -> None:
    """Log-log roofline: min(peak, intensity x bandwidth) and each layer's achieved rate."""
    data = spec.data
    plot = _frame(painter, rect, spec)
    peak, bandwidth = float(data.get("peak_flops") or math.nan), float(data.get("bandwidth_bps") or math.nan)
    points = [(float(i), float(a), b) for i, a, b in zip(data.get("intensity", []), data.get("achieved_flops", []),
                                                         data.get("bound", []) or [""] * 10**6, strict=False)
              if i is not None and a is not None and float(i) > 0 and float(a) > 0]
    if not (math.isfinite(peak) and math.isfinite(bandwidth)) or not points:
        _no_data(painter, plot, spec, "n/a")
        return
    ridge = peak / bandwidth
    xs = [p[0] for p in points] + [ridge]
    x_low, x_high = math.floor(math.log10(min(xs) / 2)), math.ceil(math.log10(max(xs) * 2))
    ys = [p[1] for p in points] + [peak]
    y_low, y_high = math.floor(math.log10(min(ys) / 2)), math.ceil(math.log10(peak * 1.5))

    def to_x(value: float) -> float:
        return plot.left() + (math.log10(value) - x_low) / (x_high - x_low) * plot.width()

    def to_y(value: float) -> float:
        return plot.bottom() - (math.log10(value) - y_low) / (y_high - y_low) * plot.height()

    _y_axis(painter, plot, spec, [10.0**e for e in range(y_low, y_high + 1)], to_y,
            text=lambda v: _label(v / 1e12) if v >= 1e10 else _label(v / 1e12), title="TFLOP/s")
    width = _line_width(plot)
    painter.setFont(_font(spec, 6.5))
    metrics = QFontMetricsF(painter.font(), painter.device())
    for exponent in range(x_low, x_high + 1):
        x = to_x(10.0**exponent)
        painter.setPen(_pen(GRID, width))
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        painter.setPen(MUTED)
        painter.drawText(QRectF(x - 40 * width, plot.bottom() + width * 3, 80 * width, metrics.height()),
                         int(Qt.AlignmentFlag.AlignCenter), _label(10.0**exponent))
    roof = QPainterPath()
    start_x = 10.0**x_low
    roof.moveTo(to_x(start_x), to_y(max(start_x * bandwidth, 10.0**y_low)))
    if start_x * bandwidth < 10.0**y_low:
        roof.moveTo(to_x(10.0**y_low / bandwidth), to_y(10.0**y_low))
    roof.lineTo(to_x(ridge), to_y(peak))
    roof.lineTo(to_x(10.0**x_high), to_y(peak))
    painter.setPen(_pen(INK, width * 3))
    painter.drawPath(roof)
    colors = {"compute": ACCENT, "memory": QColor("#b45309"), "overhead": QColor("#6b7280")}
    radius = plot.height() / 110
    for intensity, achieved, bound in points:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colors.get(bound, ACCENT)))
        painter.drawEllipse(QPointF(to_x(intensity), to_y(min(achieved, peak))), radius, radius)
    _x_title(painter, plot, spec, data.get("x_title", "FLOP/byte"))
    legend = [(name, color) for name, color in colors.items() if any(p[2] == name for p in points)]
    lx = plot.left() + width * 10
    for name, color in legend:
        painter.setBrush(QBrush(color))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QPointF(lx + radius, plot.top() + metrics.height() * 0.6), radius, radius)
        painter.setPen(INK)
        text = data.get("bound_labels", {}).get(name, name)
        painter.drawText(QPointF(lx + radius * 3, plot.top() + metrics.height() * 0.6 + metrics.ascent() / 2.6), text)
        lx += radius * 5 + metrics.horizontalAdvance(text)


def draw_price_time(painter: QPainter, rect: QRectF, spec: ChartSpec) -> None:
    """Price (quote currency) against training time for 1..N GPUs of the quoted model, plus cloud rental."""
    data = spec.data
    plot = _frame(painter, rect, spec, left=0.15)
    series = [(label, float(h), float(p)) for label, h, p in data.get("points", []) if math.isfinite(float(h))]
    cloud = [(label, float(h), float(p)) for label, h, p in data.get("cloud", []) if math.isfinite(float(h))]
    if not series:
        _no_data(painter, plot, spec, "n/a")
        return
    everything = series + cloud
    x_max = _nice_max(max(h for _, h, _ in everything) * 1.05)
    y_max = _nice_max(max(p for _, _, p in everything) * 1.1)
    x_ticks, y_ticks = _ticks(0, x_max), _ticks(0, y_max)
    x_max, y_max = x_ticks[-1] or x_max, y_ticks[-1] or y_max

    def to_x(value: float) -> float:
        return plot.left() + value / x_max * plot.width()

    def to_y(value: float) -> float:
        return plot.bottom() - value / y_max * plot.height()

    _y_axis(painter, plot, spec, y_ticks, to_y, text=lambda v: f"{v:,.0f}", title=data.get("currency", ""))
    width = _line_width(plot)
    painter.setFont(_font(spec, 6.5))
    metrics = QFontMetricsF(painter.font(), painter.device())
    for tick in x_ticks:
        painter.setPen(MUTED)
        painter.drawText(QRectF(to_x(tick) - 40 * width, plot.bottom() + width * 3, 80 * width, metrics.height()),
                         int(Qt.AlignmentFlag.AlignCenter), f"{tick:g}")
    path = QPainterPath()
    for index, (_, hours, price) in enumerate(series):
        point = QPointF(to_x(hours), to_y(price))
        path.moveTo(point) if index == 0 else path.lineTo(point)
    painter.setPen(_pen(ACCENT, width * 2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    radius = plot.height() / 80
    for label, hours, price in series:
        point = QPointF(to_x(hours), to_y(price))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(ACCENT if label == data.get("quoted") else QColor("#93c5fd")))
        painter.drawEllipse(point, radius, radius)
        painter.setPen(INK)
        painter.drawText(QPointF(point.x() + radius * 1.6, point.y() - radius * 0.6), label)
    cloud_color = QColor("#b45309")
    legend_lines = []
    for index, (label, hours, price) in enumerate(cloud):
        point = QPointF(to_x(hours), to_y(price))
        tag = chr(ord("a") + index)
        painter.setPen(_pen(cloud_color, width * 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(point.x() - radius, point.y() - radius, radius * 2, radius * 2))
        painter.setPen(cloud_color)
        painter.drawText(QPointF(point.x() - metrics.horizontalAdvance(tag) / 2, point.y() - radius * 1.8), tag)
        amount = f"{price:,.2f}" if price < 100 else f"{price:,.0f}"
        name = metrics.elidedText(label, Qt.TextElideMode.ElideRight, plot.width() * 0.45)
        legend_lines.append(f"{tag}  {name}: {data.get('currency', '')} {amount}")
    if legend_lines:  # names in a legend at the top right, clear of the points and of each other
        box_w = max(metrics.horizontalAdvance(line) for line in legend_lines) + radius * 4
        box = QRectF(plot.right() - box_w, plot.top() + radius, box_w, metrics.height() * (len(legend_lines) + 0.4))
        painter.setPen(_pen(GRID, width))
        painter.setBrush(QBrush(QColor(255, 255, 255, 235)))
        painter.drawRect(box)
        painter.setPen(cloud_color)
        for row, line in enumerate(legend_lines):
            painter.drawText(QRectF(box.left() + radius * 2, box.top() + metrics.height() * (row + 0.2), box_w,
                                    metrics.height()), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), line)
    _x_title(painter, plot, spec, data.get("x_title", "h"))

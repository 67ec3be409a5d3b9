"""Draws how an image is cut into network inputs: the image rectangle with its tile grid or resize.

It only draws what it is told (image size, tile size, overlap, tile counts come from the core);
the counts shown are the core's, not recomputed here.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


class TilePreview(QWidget):
    """Image outline with tiles (overlaps shaded) or, in resize mode, the network input at the same scale."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(180, 120)
        self._image = (0, 0)
        self._tile = (0, 0)
        self._stride = (0, 0)
        self._grid = (0, 0)
        self._caption = ""
        self._mode = "resize"

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(260, 170)

    def set_tiling(self, image_w: int, image_h: int, tile_w: int, tile_h: int,
                   stride_w: int, stride_h: int, columns: int, rows: int, caption: str = "") -> None:
        self._mode = "tile"
        self._image = (max(1, image_w), max(1, image_h))
        self._tile = (max(1, tile_w), max(1, tile_h))
        self._stride = (max(1, stride_w), max(1, stride_h))
        self._grid = (max(0, columns), max(0, rows))
        self._caption = caption
        self.update()

    def set_resize(self, image_w: int, image_h: int, input_w: int, input_h: int, caption: str = "") -> None:
        self._mode = "resize"
        self._image = (max(1, image_w), max(1, image_h))
        self._tile = (max(1, input_w), max(1, input_h))
        self._grid = (1, 1)
        self._caption = caption
        self.update()

    def grid(self) -> tuple[int, int]:
        return self._grid

    def caption(self) -> str:
        return self._caption

    def paintEvent(self, _event: object) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.text().color()
        caption_height = painter.fontMetrics().height() + 6 if self._caption else 0
        area = QRectF(self.rect()).adjusted(6, 6, -6, -6 - caption_height)
        image_w, image_h = self._image
        if image_w <= 1 or image_h <= 1 or area.width() < 10 or area.height() < 10:
            painter.end()
            return
        scale = min(area.width() / image_w, area.height() / image_h)
        frame = QRectF(area.x() + (area.width() - image_w * scale) / 2,
                       area.y() + (area.height() - image_h * scale) / 2, image_w * scale, image_h * scale)
        painter.fillRect(frame, palette.base().color().darker(108))
        accent = QColor("#1f77b4")
        if self._mode == "tile":
            columns, rows = self._grid
            fill = QColor(accent)
            fill.setAlpha(40)
            pen = QPen(accent, 1)
            painter.setPen(pen)
            tile_w, tile_h = self._tile
            stride_w, stride_h = self._stride
            drawn = 0
            for row in range(rows):
                for column in range(columns):
                    if drawn > 2500:  # beyond that the grid is a solid fill anyway
                        break
                    x = min(column * stride_w, max(0, image_w - tile_w))
                    y = min(row * stride_h, max(0, image_h - tile_h))
                    tile = QRectF(frame.x() + x * scale, frame.y() + y * scale, tile_w * scale, tile_h * scale)
                    painter.fillRect(tile, fill)
                    painter.drawRect(tile)
                    drawn += 1
        else:
            # the network input drawn at the image's scale: how much detail the resize throws away
            input_w, input_h = self._tile
            target = QRectF(frame.x(), frame.y(), max(2.0, input_w * scale), max(2.0, input_h * scale))
            fill = QColor(accent)
            fill.setAlpha(70)
            painter.fillRect(target, fill)
            painter.setPen(QPen(accent, 1.5))
            painter.drawRect(target)
        painter.setPen(QPen(text_colour, 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(frame)
        if self._caption:
            painter.setPen(text_colour)
            painter.drawText(QRectF(0, self.height() - caption_height, self.width(), caption_height),
                             Qt.AlignmentFlag.AlignCenter, self._caption)
        painter.end()

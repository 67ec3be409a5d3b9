"""A splitter that stacks its parts when its dock is narrow and sets them side by side when wide.

Docked panes change size all the time; a fixed side-by-side layout would force a wide minimum
on the whole window. This one asks only for the stacked minimum and turns at `threshold` pixels.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QScrollArea, QSplitter, QWidget


class ResponsiveSplitter(QSplitter):
    """Horizontal at or above `threshold` px wide, vertical below it.

    `stacked_shares` (one weight per part) splits the height whenever the parts become stacked, so
    the part that matters most (charts above a details view, say) is not squeezed to half.
    """

    def __init__(self, threshold: int, parent: QWidget | None = None,
                 stacked_shares: tuple[float, ...] = ()) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.threshold = threshold
        self.stacked_shares = stacked_shares
        self._shared_once = False
        self.setChildrenCollapsible(False)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        widths, heights = [0], [0]
        for index in range(self.count()):
            widget = self.widget(index)
            if widget is None or widget.isHidden():
                continue
            hint = widget.minimumSizeHint().expandedTo(widget.minimumSize())
            widths.append(hint.width())
            heights.append(hint.height())
        return QSize(max(widths), sum(heights) + self.handleWidth() * max(0, self.count() - 1))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        wanted = Qt.Orientation.Horizontal if event.size().width() >= self.threshold else Qt.Orientation.Vertical
        turned = wanted != self.orientation()
        if turned:
            self.setOrientation(wanted)
        super().resizeEvent(event)
        if wanted == Qt.Orientation.Vertical and (turned or not self._shared_once):
            self._share_height(event.size().height())

    def _share_height(self, height: int) -> None:
        if len(self.stacked_shares) != self.count() or height <= 0:
            return
        self._shared_once = True
        total = sum(self.stacked_shares)
        self.setSizes([int(height * share / total) for share in self.stacked_shares])


def scrolling(content: QWidget) -> QWidget:
    """Wrap a pane's content so that a small dock scrolls instead of forcing the window to grow."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area


class ResponsiveGrid(QWidget):
    """Widgets in as many columns as fit at `cell_width` each (up to `max_columns`), never squeezed."""

    def __init__(self, cell_width: int, max_columns: int = 8, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cell_width = cell_width
        self._max_columns = max_columns
        self._cards: list[QWidget] = []
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(6)
        self._columns = 0

    def add(self, card: QWidget) -> None:
        card.setParent(self)  # a parentless widget counts as hidden
        self._cards.append(card)
        self._relayout(True)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._relayout()

    def _relayout(self, force: bool = False) -> None:
        visible = [card for card in self._cards if not card.isHidden()]
        columns = max(1, min(len(visible) or 1, self._max_columns, self.width() // self._cell_width))
        if columns == self._columns and not force:
            return
        self._columns = columns
        for card in self._cards:
            self._grid.removeWidget(card)
        for index, card in enumerate(visible):
            self._grid.addWidget(card, index // columns, index % columns)
        for column in range(self._max_columns):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)

    def refresh(self) -> None:
        self._relayout(True)

    def set_row_height(self, height: int) -> None:
        """Every cell exactly `height` px high (a scroll area would otherwise give them their size hint)."""
        for card in self._cards:
            if card.minimumHeight() != height or card.maximumHeight() != height:
                card.setFixedHeight(height)

    def columns(self) -> int:
        return self._columns


class RowFittingScroll(QScrollArea):
    """Scrolls a ResponsiveGrid whose rows share the visible height: up to `rows` rows fill it exactly,
    so no chart is cut in half at the bottom edge. Rows never get lower than `min_row` px: when two
    would, one row fills the view; when even one would, rows keep `min_row` and the area scrolls."""

    def __init__(self, grid: ResponsiveGrid, rows: int = 2, min_row: int = 220, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = grid
        self.rows = rows
        self.min_row = min_row
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(grid)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        spacing = self.grid.layout().spacing()
        visible = self.viewport().height()
        rows = max(1, min(self.rows, (visible + spacing) // (self.min_row + spacing)))
        height = (visible - spacing * (rows - 1)) // rows
        self.grid.set_row_height(max(self.min_row, height))

"""A splitter that stacks its parts when its dock is narrow and sets them side by side when wide.

Docked panes change size all the time; a fixed side-by-side layout would force a wide minimum
on the whole window. This one asks only for the stacked minimum and turns at `threshold` pixels.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QSplitter, QWidget


class ResponsiveSplitter(QSplitter):
    """Horizontal at or above `threshold` px wide, vertical below it."""

    def __init__(self, threshold: int, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.threshold = threshold
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
        if wanted != self.orientation():
            self.setOrientation(wanted)
        super().resizeEvent(event)


def scrolling(content: QWidget) -> QWidget:
    """Wrap a pane's content so that a small dock scrolls instead of forcing the window to grow."""
    from PySide6.QtWidgets import QFrame, QScrollArea

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

    def columns(self) -> int:
        return self._columns

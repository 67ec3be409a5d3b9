"""A splitter that stacks its parts when its dock is narrow and sets them side by side when wide.

Docked panes change size all the time; a fixed side-by-side layout would force a wide minimum
on the whole window. This one asks only for the stacked minimum and turns at `threshold` pixels.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QWidget


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

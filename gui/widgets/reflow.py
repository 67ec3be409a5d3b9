"""A container that lays its sections out in one column when narrow and two when wide."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QWidget


class ReflowGrid(QWidget):
    """Sections keep their order; the column count follows the width (docked panes vary a lot)."""

    def __init__(self, two_column_width: int = 820, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._threshold = two_column_width
        self._sections: list[QWidget] = []
        self._columns = 0
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(8, 8, 8, 8)
        self._grid.setHorizontalSpacing(12)
        self._grid.setVerticalSpacing(10)

    def add_section(self, widget: QWidget) -> None:
        self._sections.append(widget)
        self._relayout(force=True)

    def columns(self) -> int:
        return self._columns

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._relayout()

    def _relayout(self, force: bool = False) -> None:
        columns = 2 if self.width() >= self._threshold else 1
        if columns == self._columns and not force:
            return
        self._columns = columns
        for widget in self._sections:
            self._grid.removeWidget(widget)
        # two columns: fill the left column first so related sections stay together
        per_column = (len(self._sections) + columns - 1) // columns
        for index, widget in enumerate(self._sections):
            column, row = divmod(index, per_column) if columns == 2 else (0, index)
            self._grid.addWidget(widget, row, column)
        for column in range(2):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        for row in range(len(self._sections) + 2):
            self._grid.setRowStretch(row, 0)
        self._grid.setRowStretch(max(per_column, len(self._sections) if columns == 1 else per_column), 1)

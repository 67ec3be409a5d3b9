"""A hint centred in an empty table or list: an empty view says what would fill it and how.

A label on the view's viewport, shown only while the model has no rows; it ignores the mouse, so
the view behaves as before. The text is set by the pane (and re-set when the language changes).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QLabel


class EmptyState(QLabel):
    """Shows `text` in `view` while `view.model()` has no rows."""

    def __init__(self, view: QAbstractItemView, text: str = "") -> None:
        super().__init__(text, view.viewport())
        self.view = view
        self.setObjectName("emptyState")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        model = view.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.layoutChanged):
            signal.connect(self.refresh)
        view.viewport().installEventFilter(self)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def refresh(self, *_args: object) -> None:
        self.setVisible(self.view.model().rowCount() == 0 and bool(self.text()))
        self._place()

    def set_hint(self, text: str) -> None:
        self.setText(text)
        self.refresh()

    def _place(self) -> None:
        self.setGeometry(self.view.viewport().rect().adjusted(8, 4, -8, -4))

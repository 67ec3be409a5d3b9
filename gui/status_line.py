"""The main window's status bar: short messages that clear themselves, a busy indicator while an
estimate is computed, and errors reported without blocking the user.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox


class StatusLine(QMainWindow if TYPE_CHECKING else object):
    """The main window's part that talks to the user in passing (mixed into `MainWindow`)."""

    def _build_status(self) -> None:
        self.last_error = ""
        self._message_box: QMessageBox | None = None
        self._status_timer = QTimer(self)  # a child: it dies with the window
        self._status_timer.setSingleShot(True)
        self._status_timer.timeout.connect(lambda: self.status_label.clear())
        self.status_label = QLabel(self)
        self.busy_label = QLabel(self)
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.busy_label)

    def show_status(self, text: str, timeout_ms: int = 0) -> None:
        """A message in the status bar; with a timeout it clears itself unless replaced meanwhile."""
        self.status_label.setText(text)
        self._status_timer.stop()
        if timeout_ms:
            self._status_timer.start(timeout_ms)

    def show_error(self, title: str, text: str) -> None:
        """Report a problem without blocking (window-modal box); the text stays in `last_error`."""
        self.last_error = text
        self.show_status(text)
        if self._message_box is not None:
            self._message_box.close()
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda *_: setattr(self, "_message_box", None))
        self._message_box = box
        box.open()

    def _busy_changed(self, busy: bool) -> None:
        text = self.tr("Computing…")
        self.busy_label.setMinimumWidth(self.busy_label.fontMetrics().horizontalAdvance(text) + 12)
        self.busy_label.setText(text if busy else "")

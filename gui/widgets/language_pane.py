"""Base for panes that build their content once and rebuild it when the interface language changes.

Every visible string is read through `tr()` while the content is built; on a LanguageChange the
pane builds fresh content (after the event has gone round) and keeps what the user was looking at.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LanguagePane(QWidget):
    """Subclasses implement `build_content()` and `fill_from_model()`; optionally `view_state`/`restore_view_state`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pane_layout = QVBoxLayout(self)
        self._pane_layout.setContentsMargins(0, 0, 0, 0)
        self._content: QWidget | None = None
        self._rebuild_pending = False
        self.builds = 0

    def build_content(self) -> QWidget:  # pragma: no cover - abstract
        raise NotImplementedError

    def fill_from_model(self) -> None:
        """Show the model's current project and estimate in freshly built content."""

    def view_state(self) -> Any:
        return None

    def restore_view_state(self, state: Any) -> None:
        """Put back what `view_state` saved (tab, search text, selection)."""

    def install_content(self) -> None:
        old = self._content
        self._content = self.build_content()
        self._pane_layout.addWidget(self._content)
        self._content.show()
        self.builds += 1
        if old is not None:
            self._pane_layout.removeWidget(old)
            old.hide()
            old.deleteLater()
            self._pane_layout.activate()  # lay the new content out now, not on the next event round
        self.fill_from_model()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange and self._content is not None and not self._rebuild_pending:
            self._rebuild_pending = True
            QTimer.singleShot(0, self, self._rebuild)  # dropped if the pane is destroyed first
        super().changeEvent(event)

    def _rebuild(self) -> None:
        self._rebuild_pending = False
        try:
            state = self.view_state()
        except RuntimeError:  # the pane is being torn down (its children are gone): nothing to rebuild
            return
        self.install_content()
        self.restore_view_state(state)

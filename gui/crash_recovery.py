"""Recovery after a crash, in the main window: a banner across the top offers the newest autosave
left by a run that did not exit cleanly; recovering makes it an unsaved, undoable change.

The autosaver and the banner widget live in `gui/autosave.py`; this is the window's side of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QToolBar

from rigsizer.gui.autosave import Recoverable, RecoveryBanner, discard, find_recoverable

if TYPE_CHECKING:
    from rigsizer.gui.project_model import ProjectModel


class CrashRecovery(QMainWindow if TYPE_CHECKING else object):
    """The main window's part that offers and applies autosave recovery (mixed into `MainWindow`)."""

    project_model: ProjectModel

    def _build_recovery_bar(self) -> None:
        # The banner spans the whole window above the docks: a fixed toolbar shown only with an offer.
        self.recovery_bar = QToolBar(self)
        self.recovery_bar.setObjectName("recoveryBar")
        self.recovery_bar.setMovable(False)
        self.recovery_bar.setFloatable(False)
        self.recovery_bar.toggleViewAction().setVisible(False)
        self.recovery_banner = RecoveryBanner(self.recovery_bar)
        self.recovery_banner.recoverRequested.connect(self.recover)
        self.recovery_banner.discardRequested.connect(self.discard_recovery)
        self.recovery_banner.offered.connect(self.recovery_bar.setVisible)
        self.recovery_bar.addWidget(self.recovery_banner)

    def _place_recovery_bar(self) -> None:
        """Below the main toolbar, on a row of its own."""
        self.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.recovery_bar)
        self.recovery_bar.hide()

    def check_recovery(self) -> Recoverable | None:
        """Offer the newest autosave left by a run that did not exit cleanly (non-blocking)."""
        found = find_recoverable()
        if not found:
            return None
        self.recovery_banner.offer(found[0])
        return found[0]

    def recover(self, recoverable: Recoverable) -> bool:
        from rigsizer.core.errors import ValidationError
        from rigsizer.core.project import Project

        try:
            project = Project.from_dict(recoverable.document)
        except ValidationError as error:
            self.show_error(self.tr("Cannot recover the project"), str(error))
            return False
        model = self.project_model
        model.reset(model.project(), recoverable.source_path)
        model.set_project(project, self.tr("Recover autosaved changes"))  # unsaved, and undoable
        discard(recoverable)
        self.recovery_banner.withdraw()
        self.check_recovery()
        self.show_status(self.tr("Recovered the autosaved project"), 6000)
        return True

    def discard_recovery(self, recoverable: Recoverable) -> None:
        discard(recoverable)
        self.recovery_banner.withdraw()
        self.check_recovery()

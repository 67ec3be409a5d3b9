"""About Rigsizer: what it is, and the versions of everything it runs on (for bug reports)."""

from __future__ import annotations

import platform
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


def nvml_driver_version() -> str:
    """The NVIDIA driver version, or why there is none (no bindings, no driver, no GPU)."""
    try:
        from rigsizer.core.hardware.nvml import gpu_report

        report = gpu_report()
    except Exception as error:  # noqa: BLE001 — the About box must open whatever NVML does
        return f"not available ({type(error).__name__}: {error})"
    if report.driver_version and report.driver_version != "n/a":
        return report.driver_version
    return f"not available ({report.status})"


def versions() -> list[tuple[str, str]]:
    import numpy
    import pyqtgraph
    import PySide6
    from PySide6.QtCore import qVersion

    from rigsizer.core import __version__

    return [
        ("Rigsizer", __version__),
        ("Python", platform.python_version()),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("numpy", numpy.__version__),
        ("pyqtgraph", pyqtgraph.__version__),
        ("NVIDIA driver (NVML)", nvml_driver_version()),
        ("OS", f"{platform.system()} {platform.release()} ({sys.platform})"),
    ]


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Rigsizer"))
        self.versions = versions()
        rows = "".join(f"<tr><td><b>{name}</b></td><td>&nbsp;&nbsp;{value}</td></tr>" for name, value in self.versions)
        text = (
            "<h2>Rigsizer</h2><p>"
            + self.tr(
                "Sizes deep-learning and machine-vision hardware by calculation and shows where every number comes from."
            )
            + f"</p><table>{rows}</table>"
        )
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

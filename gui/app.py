"""Starts the Rigsizer desktop app (or explains how to run offscreen when there is no display)."""

from __future__ import annotations

import os
import sys

NO_DISPLAY_MESSAGE = (
    "Rigsizer needs a display and none was found (DISPLAY and WAYLAND_DISPLAY are unset).\n"
    "  - On a desktop, start it from a graphical session.\n"
    "  - On a headless machine, run it offscreen:  QT_QPA_PLATFORM=offscreen make run\n"
    "    or use the command line:                  .venv/bin/rigsizer-cli --help\n"
)


def has_display() -> bool:
    """True when Qt can open a window: a display server, or an explicitly chosen platform plugin."""
    if sys.platform != "linux":
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM"))


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    if not has_display():
        sys.stderr.write(NO_DISPLAY_MESSAGE)
        return 1
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication.instance() or QApplication(argv)
    window = QMainWindow()
    window.setWindowTitle("Rigsizer")
    window.setCentralWidget(QLabel("Rigsizer"))
    window.show()
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen" and "--stay" not in argv:
        print("Rigsizer window created offscreen; nothing to show without a display.")
        return 0
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())

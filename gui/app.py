"""Starts the Rigsizer desktop app (or explains how to run offscreen when there is no display).

Usage: rigsizer [PROJECT.rigsizer.json] [--stay] [--startup-probe]
  --stay           keep running under QT_QPA_PLATFORM=offscreen (normally it exits once the window exists)
  --startup-probe  print "window-shown <seconds>" once the first frame is out, then quit (benchmarks)
"""

from __future__ import annotations

import os
import sys
import time

NO_DISPLAY_MESSAGE = (
    "Rigsizer needs a display and none was found (DISPLAY and WAYLAND_DISPLAY are unset).\n"
    "  - On a desktop, start it from a graphical session.\n"
    "  - On a headless machine, run it offscreen:  QT_QPA_PLATFORM=offscreen make run\n"
    "    or use the command line:                  .venv/bin/rigsizer-cli --help\n"
)
_STARTED = time.perf_counter()


def has_display() -> bool:
    """True when Qt can open a window: a display server, or an explicitly chosen platform plugin."""
    if sys.platform != "linux":
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM"))


def create_application(argv: list[str]):
    """The QApplication with Rigsizer's names, icon, theme and language from the preferences."""
    from PySide6.QtWidgets import QApplication

    from rigsizer.gui import i18n, settings, theme
    from rigsizer.gui.main_window import app_icon

    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("Rigsizer")
    app.setOrganizationName("Rigsizer")
    app.setApplicationDisplayName("Rigsizer")
    app.setDesktopFileName("rigsizer")
    app.setWindowIcon(app_icon())
    _load_bundled_fonts()
    store = settings.open_settings()
    theme.controller(app).apply(settings.theme(store))
    i18n.controller(app).apply(settings.language(store))
    return app


def _load_bundled_fonts() -> None:
    """Fonts shipped in resources/fonts (e.g. a CJK face for the Chinese UI on bare systems)."""
    from pathlib import Path

    from PySide6.QtGui import QFontDatabase

    folder = Path(__file__).resolve().parent.parent / "resources" / "fonts"
    if folder.is_dir():
        for path in sorted(folder.glob("*.[ot]tf")):
            QFontDatabase.addApplicationFont(str(path))


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    if not has_display():
        sys.stderr.write(NO_DISPLAY_MESSAGE)
        return 1
    app = create_application(argv)
    from rigsizer.gui.main_window import MainWindow

    window = MainWindow(defer_panes=True)
    files = [item for item in argv[1:] if not item.startswith("-")]
    if files:
        window.open_file(files[0], ask=False)
    if "--startup-probe" in argv:
        window.firstShown.connect(lambda: print(f"window-shown {time.perf_counter() - _STARTED:.4f}", flush=True))

        def ready() -> None:
            print(f"panes-ready {time.perf_counter() - _STARTED:.4f}", flush=True)
            window.shutdown()
            app.quit()

        window.panesReady.connect(ready)
        window.show()
        return app.exec()
    window.show()
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen" and "--stay" not in argv:
        print("Rigsizer window created offscreen; nothing to show without a display (use --stay to keep it running).")
        window.shutdown()
        return 0
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())

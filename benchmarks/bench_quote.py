"""PDF quote export time for the seed case (target: under 2 s), estimate excluded.

Measures `export_quote` (layout, charts, PDF writing, JSON attachment and the history row in a
fresh SQLite file) in one process after a warm-up; `--quick` does one export as a correctness check.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

TARGET_S = 2.0
SEED = "fabric-seed"
FALLBACK = "resnet50-imagenet-8xa100"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    quick = "--quick" in sys.argv
    with tempfile.TemporaryDirectory() as folder:
        os.environ["RIGSIZER_DATA_DIR"] = folder
        from PySide6.QtGui import QGuiApplication

        app = QGuiApplication.instance() or QGuiApplication(["bench_quote"])  # noqa: F841 — keeps Qt alive
        from sqlite_utils import Database

        from rigsizer.core.errors import ValidationError
        from rigsizer.core.examples import load_example
        from rigsizer.core.hardware.catalog import Catalog
        from rigsizer.core.quote_build import document_for_project
        from rigsizer.core.quote_history import QuoteHistory
        from rigsizer.gui.report.export import export_quote

        catalog = Catalog.open(Path(folder) / "catalog.db")
        case = SEED
        try:
            document = document_for_project(load_example(SEED), catalog, language="both")
        except ValidationError as error:
            print(f"seed case not estimable ({error}); timing {FALLBACK} instead")
            case = FALLBACK
            document = document_for_project(load_example(FALLBACK), catalog, language="both")
        history = QuoteHistory(Database(Path(folder) / "history.db"))
        runs = 1 if quick else 5
        times, pages = [], 0
        export_quote(document, Path(folder) / "warm-up.pdf")  # fonts and Qt's PDF engine load once
        for index in range(runs):
            start = time.perf_counter()
            result = export_quote(document, Path(folder) / f"quote-{index}.pdf", history)
            times.append(time.perf_counter() - start)
            pages = result.pages
            if result.path.stat().st_size < 10_000 or not result.quote.number:
                print("export produced no usable PDF")
                return 1
        median = statistics.median(times)
        verdict = "ok" if median < TARGET_S else "OVER TARGET"
        print(f"quote export ({case}, bilingual, {pages} pages): median {median:.2f} s over {runs} runs "
              f"(target < {TARGET_S:.0f} s) {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

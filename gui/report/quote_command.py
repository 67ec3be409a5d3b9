"""rigsizer-cli quote: export the PDF quote for a project headless (offscreen Qt), as the GUI does."""

from __future__ import annotations

import argparse
import os
import sys

from rigsizer.core.quote import LANGUAGES, PAPER_SIZES
from rigsizer.core.quote_money import CURRENCIES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--project", metavar="FILE", help="project file (.rigsizer.json)")
    source.add_argument("--example", metavar="NAME", help="preset project, e.g. fabric-seed")
    source.add_argument("--from-pdf", metavar="QUOTE.pdf",
                        help="re-render the quote embedded in a Rigsizer PDF (same number: a re-export)")
    parser.add_argument("--pdf", metavar="OUT.pdf", required=True, help="where to write the PDF")
    parser.add_argument("--lang", choices=LANGUAGES, default=None, help="quote language (default: the project's, else en)")
    parser.add_argument("--currency", choices=CURRENCIES, default=None, help="quote currency (default: the project's)")
    parser.add_argument("--paper", choices=PAPER_SIZES, default=None, help="paper size (default A4)")
    parser.add_argument("--device", metavar="ID", help="quote this GPU instead of the project's first candidate")
    parser.add_argument("--gpus", type=int, metavar="N", help="number of GPUs to quote (1-8)")
    parser.add_argument("--recommended", action="store_true",
                        help="quote the top-ranked configuration of the recommendation instead")
    parser.add_argument("--customer", metavar="NAME", help="customer name printed on the quote")
    parser.add_argument("--seller", metavar="NAME",
                        help="seller name (default: the seller details remembered by the app)")
    parser.add_argument("--no-history", action="store_true", help="do not record the quote in the quote history")


def _ensure_qt() -> None:
    """Offscreen by default and a QGuiApplication, so fonts and PDF painting work without a display."""
    if not os.environ.get("QT_QPA_PLATFORM") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        global _app
        _app = QGuiApplication(sys.argv[:1])


_app = None


def run(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from rigsizer.core.errors import ValidationError, require_int_range
    from rigsizer.core.hardware.catalog import Catalog
    from rigsizer.core.quote_build import document_for_project
    from rigsizer.core.quote_history import QuoteHistory
    from rigsizer.core.quote_money import format_amount

    from .export import export_quote

    if args.gpus is not None:
        require_int_range("gpus", args.gpus, 1, 8)
    catalog = Catalog.open()
    overrides = {}
    for key, value in (("language", args.lang), ("currency", args.currency), ("paper", args.paper)):
        if value:
            overrides[key] = value
    if args.from_pdf:
        from .export import read_attached_document

        document = read_attached_document(args.from_pdf)
        if overrides:  # a changed language, currency or paper is new content: a revision, or a new draft
            number = document.quote.number
            revised = QuoteHistory(catalog.db).reserve_revision(number) if number and not args.no_history else ""
            document = replace(document, quote=replace(document.quote, number=revised, **overrides).validated())
    else:
        if args.project:
            from rigsizer.core.project import load_project

            project = load_project(args.project)
        else:
            from rigsizer.core.examples import load_example

            project = load_example(args.example)
        document = document_for_project(project, catalog, device=args.device, gpus=args.gpus,
                                        recommended=args.recommended, **overrides)
    _ensure_qt()
    from .seller_memory import load_seller

    quote = document.quote
    remembered = load_seller()
    if remembered is not None and not quote.seller.name:
        quote = replace(quote, seller=remembered[0], seller_logo=remembered[1])
    if args.seller:
        quote = replace(quote, seller=replace(quote.seller, name=args.seller))
    if args.customer:
        quote = replace(quote, buyer=replace(quote.buyer, name=args.customer))
    document = replace(document, quote=quote)
    history = None if args.no_history else QuoteHistory(catalog.db)
    try:
        result = export_quote(document, args.pdf, history)
    except OSError as error:
        raise ValidationError("pdf", f"cannot write {args.pdf}: {error.strerror or error}", "a writable path") from None
    from rigsizer.core.quote import compute_totals

    totals = compute_totals(result.quote)
    print(f"{result.quote.number or 'draft (not numbered)'} -> {result.path} ({result.pages} pages, total "
          f"{format_amount(totals.total, result.quote.currency)})")
    return 0

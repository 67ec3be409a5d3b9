"""Exporting a quote: render the PDF and record it in the history as one crash-safe step.

`export_quote` is a plain function (usable from the CLI, and from the GUI through
gui.worker.run_in_worker, whose TaskState it accepts for progress and cancellation).
"""

from __future__ import annotations

import os
import re
import tempfile
import zlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from rigsizer.core.errors import ValidationError
from rigsizer.core.quote import Quote
from rigsizer.core.quote_build import ATTACHMENT_NAME, QuoteDocument
from rigsizer.core.quote_history import QuoteHistory

from .renderer import render_quote_pdf


@dataclass(frozen=True)
class ExportResult:
    quote: Quote  # as exported, with its number
    path: Path
    pages: int


def export_quote(document: QuoteDocument, pdf_path: str | os.PathLike[str], history: QuoteHistory | None = None,
                 state: Any = None) -> ExportResult:
    """Number, render and store the quote; without a history the PDF is still written atomically."""
    pages: list[int] = []

    def progress(fraction: float, message: str) -> None:
        if state is not None:
            state.check()
            state.set_progress(fraction, message)

    def render(quote: Quote, temp: Path) -> None:
        pages.append(render_quote_pdf(replace(document, quote=quote), temp, progress))

    target = Path(pdf_path).expanduser().resolve()
    if history is not None:
        quote = history.record_export(document.quote, target, render, document.project, document.estimate)
    else:
        quote = document.quote
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".part", dir=target.parent)
        os.close(handle)
        try:
            render(quote, Path(temp_name))
            os.replace(temp_name, target)
        finally:
            if os.path.exists(temp_name):
                os.unlink(temp_name)
    return ExportResult(quote, target, pages[-1] if pages else 0)


def _object(data: bytes, number: int) -> bytes:
    match = re.search(rb"(?:^|[\r\n])%d 0 obj" % number, data)
    if not match:
        raise ValidationError("pdf", f"object {number} is missing", "an intact PDF exported by Rigsizer")
    return data[match.end():]


def read_attached_document(pdf_path: str | os.PathLike[str]) -> QuoteDocument:
    """Re-import the quote embedded in a Rigsizer PDF (its JSON file attachment); no PDF library needed."""
    data = Path(pdf_path).read_bytes()
    for spec in re.finditer(rb"/EF\s*<<\s*/F\s+(\d+)\s+0\s+R", data):
        body = _object(data, int(spec.group(1)))
        header_end = body.find(b"stream")
        header = body[:header_end]
        start = header_end + len(b"stream")
        start += 2 if body[start:start + 2] == b"\r\n" else 1
        length_ref = re.search(rb"/Length\s+(\d+)\s+0\s+R", header)
        length = re.search(rb"/Length\s+(\d+)", header)
        if length_ref:
            size = int(re.match(rb"\s*(\d+)", _object(data, int(length_ref.group(1)))).group(1))
        else:
            size = int(length.group(1)) if length else body.index(b"endstream", start) - start
        raw = body[start:start + size]
        if b"/FlateDecode" in header:
            raw = zlib.decompress(raw)
        try:
            return QuoteDocument.from_json(raw)
        except (ValueError, ValidationError):
            continue
    raise ValidationError("pdf", f"{pdf_path} has no {ATTACHMENT_NAME} attachment", "a PDF exported by Rigsizer")

"""The PDF quote: real estimates, real PDFs, read back with pypdf and rendered with pdftoppm."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from decimal import Decimal

import pypdf
import pytest

from rigsizer.core.estimate.estimator import estimate as estimate_project
from rigsizer.core.examples import load_example
from rigsizer.core.hardware.catalog import Catalog
from rigsizer.core.quote import Party, compute_totals
from rigsizer.core.quote_build import ATTACHMENT_NAME, QuoteDocument, document_for_project
from rigsizer.core.quote_history import QuoteHistory
from rigsizer.core.quote_money import format_amount
from rigsizer.core.units import format_bytes, format_duration
from rigsizer.gui.report.export import export_quote, read_attached_document

SEED = "fabric-seed"
MULTI_GPU = "resnet50-imagenet-8xa100"


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    return Catalog.open(tmp_path_factory.mktemp("catalog") / "catalog.db")


def _text(path) -> str:
    """The PDF's text with runs of whitespace (pypdf emits tabs between words) as single spaces.

    Zero-width spaces (line-break hints inside long URLs and formulas) are dropped.
    """
    reader = pypdf.PdfReader(str(path))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).replace("\u200b", "").split())


def _export(qapp, catalog, tmp_path, example=SEED, **overrides):
    document = document_for_project(load_example(example), catalog, **overrides)
    document = replace(document, quote=replace(document.quote, seller=Party("Vision Integration GmbH", tax_id="DE123"),
                                               buyer=Party("Fabric Works Ltd")))
    history = QuoteHistory(catalog.db)
    result = export_quote(document, tmp_path / "quote.pdf", history)
    return replace(document, quote=result.quote), result


def test_seed_quote_prints_number_totals_and_the_estimates_figures(qapp, catalog, tmp_path):
    document, result = _export(qapp, catalog, tmp_path)
    text = _text(result.path)
    quote = result.quote
    assert quote.number.startswith("QT-") and quote.number in text
    totals = compute_totals(quote)
    assert totals.subtotal == sum(t for t, i in zip(totals.line_totals, quote.items, strict=True)
                                  if t is not None and not i.optional)
    for amount in (totals.subtotal, totals.net, totals.total):
        assert format_amount(amount, quote.currency) in text
    for line in totals.line_totals:
        if line is not None:
            assert format_amount(line) in text
    # the figures are the Estimate's own, formatted as on screen (computed again here, independently)
    estimate = estimate_project(load_example(SEED), catalog)
    training, inference = estimate.training, estimate.inference
    assert format_duration(training.epoch_time.value) in text
    assert f"{format_duration(training.epoch_time.low)} – {format_duration(training.epoch_time.high)}" in text
    assert format_duration(training.total_time.value) in text
    assert f"{format_duration(training.total_time.low)} – {format_duration(training.total_time.high)}" in text
    assert format_duration(inference.latency.value) in text
    assert f"{inference.takt.margin.value * 100:+.0f}%" in text
    assert format_bytes(estimate.memory.total.value) in text
    assert estimate.bottleneck in text
    assert document.estimate == estimate.to_dict()
    assert 4 <= result.pages <= 30
    assert len(pypdf.PdfReader(str(result.path)).pages) == result.pages


def test_tax_inclusive_discounted_cny_totals_reconcile_in_the_pdf(qapp, catalog, tmp_path):
    document = document_for_project(load_example(SEED), catalog, currency="CNY")
    quote = replace(document.quote, tax_rate=Decimal("0.13"), prices_include_tax=True,
                    discount_rate=Decimal("0.05"), shipping=Decimal("120"))
    result = export_quote(replace(document, quote=quote), tmp_path / "cny.pdf")
    totals = compute_totals(result.quote)
    assert totals.total == totals.subtotal - totals.discount + totals.shipping
    assert totals.net + totals.tax == totals.total
    text = _text(result.path)
    for amount in (totals.subtotal, totals.total, totals.tax, totals.net):
        assert format_amount(amount, "CNY") in text
    assert format_amount(-totals.discount, "CNY") in text
    assert "prices include tax" in text


def test_chinese_quote_carries_chinese_text_in_the_bundled_font(qapp, catalog, tmp_path):
    _, result = _export(qapp, catalog, tmp_path, language="zh")
    text = _text(result.path)
    for phrase in ("报价单", "合计", "预期性能", "商务条款", "确认签字"):
        assert phrase in text
    assert b"RigsizerSansCJK" in result.path.read_bytes()


def test_bilingual_quote_has_both_languages(qapp, catalog, tmp_path):
    _, result = _export(qapp, catalog, tmp_path, language="both")
    text = _text(result.path)
    assert "Quotation" in text and "报价单" in text and "Line items" in text and "报价明细" in text


def test_quote_data_is_attached_as_json_and_reimports(qapp, catalog, tmp_path):
    document, result = _export(qapp, catalog, tmp_path)
    attachments = pypdf.PdfReader(str(result.path)).attachments
    assert list(attachments) == [ATTACHMENT_NAME]
    embedded = QuoteDocument.from_json(attachments[ATTACHMENT_NAME][0])
    assert embedded.quote == result.quote
    assert embedded.estimate["epoch_time_s"] == document.estimate["epoch_time_s"]
    assert read_attached_document(result.path).quote == result.quote


def test_customer_markup_prints_literally(qapp, catalog, tmp_path):
    document = document_for_project(load_example(SEED), catalog)
    name = '<b>ACME</b> & "Sons"'
    quote = replace(document.quote, buyer=Party(name=name, address="<i>Plant 2</i>"), notes="<script>x</script> & co")
    result = export_quote(replace(document, quote=quote), tmp_path / "acme.pdf")
    text = _text(result.path)
    assert name in text
    assert "<i>Plant 2</i>" in text
    assert "<script>x</script> & co" in text


def test_multi_gpu_recommendation_quotes_every_gpu(qapp, catalog, tmp_path):
    document, result = _export(qapp, catalog, tmp_path, example=MULTI_GPU, recommended=True)
    gpu_lines = [item for item in result.quote.items if item.category == "gpu"]
    assert len(gpu_lines) == 1
    assert gpu_lines[0].quantity == document.estimate["device"]["count"]
    text = _text(result.path)
    assert f"{gpu_lines[0].quantity} x {gpu_lines[0].part_name}" in text
    assert format_duration(document.estimate["total_time_s"]) in text


def test_charts_are_vector_drawings_not_images(qapp, catalog, tmp_path):
    _, result = _export(qapp, catalog, tmp_path)
    data = result.path.read_bytes()
    assert b"/Subtype /Image" not in data and b"/Subtype/Image" not in data
    text = _text(result.path)
    assert "Training time vs number of GPUs" in text and "Roofline" in text and "Price vs training time" in text


def test_letter_paper_sets_the_page_size(qapp, catalog, tmp_path):
    _, result = _export(qapp, catalog, tmp_path, paper="Letter")
    box = pypdf.PdfReader(str(result.path)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_pages_rasterise_with_pdftoppm(qapp, catalog, tmp_path):
    _, result = _export(qapp, catalog, tmp_path, language="both")
    assert shutil.which("pdftoppm"), "poppler-utils is a declared system dependency (packaging/system-deps.sh)"
    subprocess.run(["pdftoppm", "-png", "-r", "70", str(result.path), str(tmp_path / "page")], check=True)
    assert len(list(tmp_path.glob("page-*.png"))) == result.pages


def test_long_quotes_never_split_a_line_item_across_pages(qapp, catalog, tmp_path):
    from rigsizer.core.quote import LineItem

    document = document_for_project(load_example(SEED), catalog)
    extra = tuple(
        LineItem("other", f"Accessory {i:02d}", ("mounting kit with cables and brackets " * (1 + i % 4)) + f"endmark{i:02d}",
                 1 + i % 3, Decimal("19.99") * (i + 1), price_date="2026-01", price_source="seller's own price list")
        for i in range(45))
    quote = replace(document.quote, items=document.quote.items + extra)
    result = export_quote(replace(document, quote=quote), tmp_path / "long.pdf")
    pages = [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(str(result.path)).pages]
    for i in range(45):
        where_name = [n for n, text in enumerate(pages) if f"Accessory {i:02d}" in text]
        where_end = [n for n, text in enumerate(pages) if f"endmark{i:02d}" in text]
        assert where_name[0] == where_end[0], f"line {i} starts on page {where_name[0] + 1}, ends on {where_end[0] + 1}"
    totals = compute_totals(result.quote)
    assert format_amount(totals.total, result.quote.currency) in " ".join(pages)
    assert sum(1 for text in pages if "Item and specification" in text) >= 2  # the header repeats
    footer = len(f"{result.quote.number} · Issue date 2026-11-24 · Valid until 2026-12-24 Page 10 of 10") + 60
    assert all(len(text) > footer for text in pages), "a page holds nothing but its header and footer"


def test_every_section_heading_is_printed_once(qapp, catalog, tmp_path):
    _, result = _export(qapp, catalog, tmp_path)
    pages = [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(str(result.path)).pages]
    for heading in ("Expected performance", "Specification sheets", "Terms and conditions", "Acceptance",
                    "Appendix: assumptions and derivations"):
        assert sum(text.count(heading) for text in pages) == 1, heading

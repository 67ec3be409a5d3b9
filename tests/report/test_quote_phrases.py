"""A Chinese quote prints Rigsizer's own sentences in Chinese and the user's text exactly as typed."""

from __future__ import annotations

import re
from dataclasses import replace

import pypdf
import pytest

from rigsizer.core.examples import load_example
from rigsizer.core.hardware.catalog import Catalog
from rigsizer.core.quote import LineItem, Quote
from rigsizer.core.quote_build import document_for_project
from rigsizer.core.quote_money import ROUNDING_RULES
from rigsizer.core.quote_prices import catalog_lookup
from rigsizer.core.quote_sizing import Workload, size_configuration, size_module
from rigsizer.gui.report import phrases
from rigsizer.gui.report.export import export_quote

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    return Catalog.open(tmp_path_factory.mktemp("catalog") / "catalog.db")


CONFIGURATIONS = [
    ("nvidia-geforce-rtx-4090", 1, "intel-core-i9-13900k"),
    ("nvidia-geforce-rtx-4090", 2, "intel-core-i9-13900k"),
    ("nvidia-geforce-rtx-4090", 2, "intel-core-ultra-9-285k"),
    ("nvidia-geforce-rtx-4090", 2, "amd-ryzen-9-7950x"),
    ("nvidia-geforce-rtx-4090", 8, "amd-ryzen-threadripper-7960x"),
    ("nvidia-h100-sxm5-80gb", 8, "amd-epyc-9654"),
]


def _sized_texts(catalog):
    prices = catalog_lookup(catalog)
    for gpu, count, cpu in CONFIGURATIONS:
        sized = size_configuration(catalog.get(gpu), count, catalog.get(cpu), Workload(1.5e9, 41e6, 2592 * 1944 * 3, 2, 8),
                                   prices)
        yield from sized.notes
        for item in sized.items:
            # GPU and CPU names and specs are catalog facts, printed as the catalog has them
            texts = (item.sizing_rule,) if item.category in ("gpu", "cpu") else (item.part_name, item.specs, item.sizing_rule)
            yield from (t for t in texts if t)
            if item.price_source and "no published price" in item.price_source:
                yield item.price_source
    edge = size_module(catalog.get("hailo-hailo-10h"), prices)
    yield from edge.notes


def test_every_sentence_the_sizing_writes_has_chinese(catalog):
    texts = set(_sized_texts(catalog))
    assert len(texts) > 30
    untranslated = sorted(t for t in texts if phrases.chinese(t) is None)
    assert untranslated == []
    assert all(CJK.search(phrases.chinese(t)) for t in texts)


def test_numbers_survive_translation(catalog):
    gpu, cpu = catalog.get("nvidia-geforce-rtx-4090"), catalog.get("amd-ryzen-threadripper-7960x")
    sized = size_configuration(gpu, 8, cpu, Workload(), catalog_lookup(catalog))
    psu_rule = next(item.sizing_rule for item in sized.items if item.category == "psu")
    zh = phrases.chinese(psu_rule)
    assert re.findall(r"\d[\d.,]*", psu_rule.split(" Above")[0]) == re.findall(r"\d[\d.,]*", zh.split("持续")[0])
    assert "230 V" in zh and "规划" in zh


def test_rounding_rules_default_terms_and_bottlenecks_have_chinese():
    for text in (*ROUNDING_RULES, Quote().payment_terms, Quote().lead_time, Quote().warranty, "framework overhead",
                 "GPU compute", "matrix products run at 41% of the fp16 peak"):
        assert phrases.chinese(text) and CJK.search(phrases.chinese(text)), text


def test_user_text_is_never_translated():
    assert phrases.chinese("Full-tower workstation case, >= 8 expansion slots, blue LEDs") is None
    assert phrases.text("Our own PSU 1000 W", "zh") == "Our own PSU 1000 W"
    assert phrases.text("optional service", "en") == "optional service"
    assert phrases.text("optional service", "both") == "optional service / 可选服务"


def test_chinese_quote_prints_part_names_rules_and_bottleneck_in_chinese(qapp, catalog, tmp_path):
    document = document_for_project(load_example("fabric-seed"), catalog, language="zh")
    items = list(document.quote.items) + [LineItem("service", "Full-tower workstation case, custom paint", "", 1)]
    result = export_quote(replace(document, quote=replace(document.quote, items=tuple(items))), tmp_path / "zh.pdf")
    reader = pypdf.PdfReader(str(result.path))
    text = "".join("".join(page.extract_text() for page in reader.pages).replace("\u200b", "").split())
    for phrase in ("全塔工作站机箱", "整机组装", "电源≥", "框架开销", "下单预付50%", "四舍五入到分"):
        assert phrase in text, phrase
    assert "Full-towerworkstationcase,>=8" not in text
    assert "Full-towerworkstationcase,custompaint" in text  # typed by the user: printed as typed


def test_no_gpu_reasons_drop_the_lead_in_and_read_in_chinese():
    status = "no NVIDIA GPU: NVML library not found: no NVIDIA driver is installed"
    assert phrases.no_gpu_reason(status, "en") == "NVML library not found: no NVIDIA driver is installed"
    assert phrases.no_gpu_reason(status, "zh") == "找不到 NVML 库：未安装 NVIDIA 驱动"
    assert phrases.no_gpu_reason("no NVIDIA GPU (NVML found none)", "en") == "NVML found none"

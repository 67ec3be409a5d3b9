"""Search and name resolution: ids, marketing names, NVML and cpuinfo names, Chinese text, short words."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rigsizer.core.errors import ValidationError
from rigsizer.core.hardware.catalog import Catalog


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    catalog = Catalog.open(tmp_path_factory.mktemp("search") / "catalog.db")
    yield catalog
    catalog.close()


def test_search_4090_finds_the_card_with_its_sources(catalog):
    found = catalog.search("4090")
    assert [d.id for d in found] == ["nvidia-geforce-rtx-4090"]
    assert "NV-ADA-WP" in found[0].source


@pytest.mark.parametrize(
    ("text", "device_id"),
    [
        ("nvidia-geforce-rtx-4090", "nvidia-geforce-rtx-4090"),
        ("RTX 4090", "nvidia-geforce-rtx-4090"),
        ("rtx 4090", "nvidia-geforce-rtx-4090"),
        ("NVIDIA GeForce RTX 4090", "nvidia-geforce-rtx-4090"),
        ("  NVIDIA   GEFORCE rtx 4090 ", "nvidia-geforce-rtx-4090"),
        ("NVIDIA H100 80GB HBM3", "nvidia-h100-sxm5-80gb"),
        ("NVIDIA A100-SXM4-80GB", "nvidia-a100-sxm4-80gb"),
        ("Tesla T4", "nvidia-t4"),
        ("NVIDIA L4", "nvidia-l4"),
        ("13th Gen Intel(R) Core(TM) i9-13900K", "intel-core-i9-13900k"),
        ("AMD EPYC 7763 64-Core Processor", "amd-epyc-7763"),
        ("AMD Ryzen 9 7950X 16-Core Processor", "amd-ryzen-9-7950x"),
        ("瑞芯微 RK3588", "rockchip-rk3588"),
        ("Jetson AGX Orin", "nvidia-jetson-agx-orin-64gb"),
    ],
)
def test_resolve_accepts_ids_marketing_and_driver_names(catalog, text, device_id):
    assert catalog.resolve(text).id == device_id


def test_resolve_lists_candidates_when_ambiguous(catalog):
    with pytest.raises(ValidationError) as caught:
        catalog.resolve("A100")
    assert "nvidia-a100-sxm4-80gb" in caught.value.allowed
    assert "nvidia-a100-pcie-40gb" in caught.value.allowed


def test_resolve_unknown_name_suggests_close_matches(catalog):
    with pytest.raises(ValidationError) as caught:
        catalog.resolve("RTX 4909")
    assert caught.value.field == "device"
    assert "close matches" in caught.value.allowed


def test_get_unknown_id_raises_validation_error(catalog):
    with pytest.raises(ValidationError) as caught:
        catalog.get("nvidia-geforce-rtx-9999")
    assert caught.value.field == "device"


def test_chinese_vendor_names_find_devices(catalog):
    assert {d.id for d in catalog.search("华为")} == {"huawei-ascend-310", "huawei-ascend-310p",
                                                    "huawei-atlas-300i-duo"}
    assert {d.id for d in catalog.search("寒武纪")} == {"cambricon-mlu100", "cambricon-mlu220", "cambricon-mlu270"}
    assert [d.id for d in catalog.search("瑞芯微")] == ["rockchip-rk3588"]


def test_short_words_use_the_like_fallback(catalog):
    found = [d.id for d in catalog.search("L4")]
    assert found[0] == "nvidia-l4"  # exact name first
    assert "nvidia-l40s" in found
    assert [d.id for d in catalog.search("华")] != []


def test_every_word_must_match_in_any_order(catalog):
    assert [d.id for d in catalog.search("4090 nvidia")] == ["nvidia-geforce-rtx-4090"]
    assert catalog.search("4090 amd") == []


def test_search_filters_by_kind(catalog):
    assert {d.kind for d in catalog.search("intel")} == {"cpu", "gpu", "edge"}
    assert {d.kind for d in catalog.search("intel", kind="cpu")} == {"cpu"}
    with pytest.raises(ValidationError):
        catalog.search("intel", kind="tpu")


def test_search_matches_aliases_and_limits(catalog):
    assert catalog.search("Neural Compute Stick")[0].id == "intel-movidius-myriad-x-ma2485"
    assert len(catalog.search("nvidia", limit=3)) == 3


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=60))
def test_search_never_fails_on_arbitrary_text(catalog, text):
    found = catalog.search(text)
    assert isinstance(found, list)
    assert len({d.id for d in found}) == len(found)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.sampled_from(['"', "'", "*", "AND", "NEAR(", "a OR b", "%", "_", "\\", "rtx^", "-", "((("]))
def test_fts_syntax_characters_are_searched_literally(catalog, text):
    catalog.search(text)
    catalog.search(f"rtx {text}")

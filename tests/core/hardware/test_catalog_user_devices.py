"""User devices: added, edited and deleted through validated fields; bad input names the field and range."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rigsizer.core.errors import ValidationError
from rigsizer.core.hardware.catalog import Catalog
from rigsizer.core.hardware.catalog_records import NUMBER_RULES, TEXT_RULES


@pytest.fixture
def catalog(tmp_path):
    catalog = Catalog.open(tmp_path / "catalog.db")
    yield catalog
    catalog.close()


def test_add_user_device_is_stored_searchable_and_flagged(catalog):
    spec = catalog.add_user_device(kind="gpu", vendor="Acme", name="Inspector X1", memory_gb=16,
                                   memory_bandwidth_gbs=512, fp32_tflops=20, fp16_tflops=80, tdp_w=200,
                                   cores=8192, boost_clock_mhz=1220, fp32_flops_per_clock=2,
                                   price_usd=999, aliases=["X1 card"])
    assert spec.id == "user-acme-inspector-x1"
    assert spec.user_defined
    assert spec.memory_bytes == 16 * 1024**3
    assert spec.peak("fp16") == pytest.approx(80e12)
    assert spec.derived_fp32_peak == pytest.approx(8192 * 1.22e9 * 2)
    assert spec.price_usd == 999
    assert spec.field_origin["memory_bytes"] == "catalog"
    assert spec.field_origin["peak_flops.int8"] == "unknown"
    assert catalog.resolve("x1 card").id == spec.id
    assert catalog.search("inspector")[0].id == spec.id
    assert spec.id in catalog.as_arrays("gpu").ids


def test_update_and_delete_user_device(catalog):
    spec = catalog.add_user_device(kind="cpu", vendor="Acme", name="Edge CPU", cores=4)
    assert catalog.update_device(spec.id, cores=8, name="Edge CPU v2").cores == 8
    assert catalog.search("v2")[0].id == spec.id
    catalog.delete_user_device(spec.id)
    with pytest.raises(ValidationError):
        catalog.get(spec.id)
    assert catalog.search("Edge CPU v2") == []


def test_seed_devices_cannot_be_deleted(catalog):
    with pytest.raises(ValidationError) as caught:
        catalog.delete_user_device("nvidia-l4")
    assert "cannot be deleted" in str(caught.value)


def test_duplicate_id_is_rejected(catalog):
    catalog.add_user_device(kind="edge", vendor="Acme", name="NPU", id="acme-npu")
    with pytest.raises(ValidationError) as caught:
        catalog.add_user_device(kind="edge", vendor="Acme", name="NPU 2", id="acme-npu")
    assert caught.value.field == "device.id"


@pytest.mark.parametrize(
    ("fields", "field", "allowed"),
    [
        ({"memory_gb": -1}, "device.memory_gb", "0.001 to 1.04858e+06 GB"),
        ({"tdp_w": float("inf")}, "device.tdp_w", "0.1 to 100000 W"),
        ({"cores": 2.5}, "device.cores", "1 to 1e+07"),
        ({"pcie_gen": 9}, "device.pcie_gen", "1 to 7"),
        ({"kind": "tpu"}, "device.kind", "gpu, cpu, edge"),
        ({"fp32_tflops": "fast"}, "device.fp32_tflops", "TFLOPS"),
        ({"colour": "red"}, "device.colour", "memory_gb"),
        ({"peer_to_peer": "yes"}, "device.peer_to_peer", "true, false"),
    ],
)
def test_bad_fields_name_the_field_and_allowed_range(catalog, fields, field, allowed):
    base = {"kind": "gpu", "vendor": "Acme", "name": "Bad"}
    with pytest.raises(ValidationError) as caught:
        catalog.add_user_device(**{**base, **fields})
    assert caught.value.field == field
    assert allowed in caught.value.allowed


def test_missing_required_field_is_named(catalog):
    with pytest.raises(ValidationError) as caught:
        catalog.add_user_device(kind="gpu", vendor="Acme")
    assert caught.value.field == "device.name"


numbers = st.one_of(st.none(), st.integers(-10**7, 10**9), st.floats(allow_nan=True, allow_infinity=True),
                    st.text(max_size=5), st.booleans())
field_names = st.sampled_from(sorted(NUMBER_RULES) + sorted(TEXT_RULES) + ["bogus"])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(extra=st.dictionaries(field_names, numbers, max_size=4), name=st.text(min_size=0, max_size=130))
def test_fuzzed_user_devices_either_store_exactly_or_name_the_bad_field(catalog, extra, name):
    fields = {"kind": "gpu", "vendor": "Fuzz", "name": name, **extra}
    try:
        spec = catalog.add_user_device(**fields)
    except ValidationError as error:
        assert error.field.startswith("device.")
        assert error.field[len("device."):] in fields
        assert error.allowed
        return
    stored = catalog.device_row(spec.id)
    for key, value in extra.items():
        if key in NUMBER_RULES:
            if value is None or (isinstance(value, float) and math.isnan(value)):
                assert stored[key] is None or key == "chips"
            else:
                assert stored[key] == pytest.approx(value)
    catalog.delete_user_device(spec.id)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(price=st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-5, 10**10), st.text(max_size=4)),
       currency=st.text(max_size=5), source=st.text(max_size=20))
def test_fuzzed_prices_either_store_exactly_or_name_the_bad_field(catalog, price, currency, source):
    try:
        entry = catalog.set_price("ssd-nvme-gen4-per-tb", price, currency, "2026-11-24", source)
    except ValidationError as error:
        assert error.field in ("price.price", "price.currency", "price.source")
        assert error.allowed
        return
    assert entry.price == pytest.approx(float(price))
    assert entry.currency == currency.strip().upper() and entry.source == source.strip()

"""Line items sized from the configuration and workload, priced from the catalog with date and source."""

from __future__ import annotations

from decimal import Decimal

import pytest

from rigsizer.core.hardware.catalog import Catalog
from rigsizer.core.quote_prices import catalog_lookup, parse_price_text
from rigsizer.core.quote_sizing import Workload, size_configuration


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    return Catalog.open(tmp_path_factory.mktemp("catalog") / "catalog.db")


def _items(sized):
    return {item.category: item for item in sized.items}


def test_two_rtx_4090_on_a_13900k_are_sized_and_priced(catalog):
    gpu, cpu = catalog.get("nvidia-geforce-rtx-4090"), catalog.get("intel-core-i9-13900k")
    sized = size_configuration(gpu, 2, cpu, Workload(1.5e9, 41e6, 2592 * 1944 * 3, 2, 8), catalog_lookup(catalog))
    items = _items(sized)
    assert items["gpu"].quantity == 2 and items["gpu"].unit_price == Decimal("1599")
    assert "2022-10-12" in items["gpu"].price_date and "slashgear" in items["gpu"].price_source
    assert items["cpu"].unit_price == Decimal("589")
    # PSU: (2 x 450 W + 125 W + 150 W) x 1.3 = 1527.5 W -> 1600 W, a price nobody published
    assert items["psu"].part_name.startswith("PSU 1600 W") and items["psu"].unit_price is None
    assert "1528 W" in items["psu"].sizing_rule
    # RAM: 2 x 48 GiB of GPU memory = 96 GiB -> 2 x 48 GB (one dual-channel set) at the catalog's per-GB price
    assert (items["ram"].quantity, items["ram"].part_name) == (2, "DDR5 48 GB desktop DIMM")
    assert items["ram"].unit_price == Decimal("10.19") * 48
    assert items["storage"].part_name.startswith("NVMe SSD 1 TB") and items["storage"].unit_price == Decimal("80")
    assert "upper end of the range 60-80" in items["storage"].price_source
    assert sized.configuration == "2 x GeForce RTX 4090 + Core i9-13900K + 96 GB RAM"
    assert len(sized.notes) >= 4 and all(note.endswith(".") for note in sized.notes)
    assert [i.optional for i in sized.items if i.category == "service"] == [True, True]


def test_eight_gpus_move_to_a_workstation_platform_and_rack_chassis(catalog):
    gpu = catalog.get("nvidia-geforce-rtx-4090")
    cpu = catalog.get("amd-ryzen-threadripper-7960x")
    items = _items(size_configuration(gpu, 8, cpu, Workload(), catalog_lookup(catalog)))
    assert "Workstation motherboard" in items["motherboard"].part_name
    assert "rack" in items["chassis"].part_name
    assert items["psu"].quantity >= 3  # (8 x 450 + 350 + 150) x 1.3 W does not fit one 1600 W unit
    assert "230 V" in items["psu"].sizing_rule


@pytest.mark.parametrize(("need", "modules"), [(20, (2, 16)), (32, (2, 16)), (48, (2, 32)), (100, (2, 64)),
                                               (129, (4, 48)), (640, (16, 48)), (2000, (32, 64))])
def test_ram_is_the_fewest_channel_filling_modules_that_hold_the_need(need, modules):
    from rigsizer.core.quote_sizing import _ram_modules

    assert _ram_modules(need) == modules


def test_device_prices_ignore_cloud_rental_rows(catalog):
    lookup = catalog_lookup(catalog)
    fact = lookup("nvidia-h100-sxm5-80gb")
    assert fact is not None and "hour" not in fact.unit


@pytest.mark.parametrize(("text", "amount"), [("1599", "1599"), ("199.99-329.99", "329.99"), ("91 -> 183", "183"),
                                              ("1,256 -> 899", "899"), ("", None), ("0.34 / 0.60 ; 1.39", None)])
def test_published_price_texts_read_as_one_number_with_a_stated_rule(text, amount):
    value, rule = parse_price_text(text)
    assert value == (Decimal(amount) if amount else None)
    assert rule


def test_sxm_gpus_are_quoted_in_a_gpu_server(catalog):
    gpu, cpu = catalog.get("nvidia-h100-sxm5-80gb"), catalog.get("amd-epyc-9654")
    items = _items(size_configuration(gpu, 8, cpu, Workload(), catalog_lookup(catalog)))
    assert "HGX" in items["motherboard"].part_name and "HGX" in items["chassis"].part_name
    assert "heatsink" in items["cooling"].part_name
    assert "ECC RDIMM" in items["ram"].part_name  # a GPU server takes registered memory, not desktop DIMMs

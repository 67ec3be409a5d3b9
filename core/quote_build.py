"""A complete quote document from a project, its Estimate and the catalog (what the GUI and CLI export).

`QuoteDocument` bundles the quote with the project snapshot and the estimate JSON it was made
from; that bundle is what the history stores and what the PDF embeds as its JSON attachment, so
a reopened quote re-renders the same figures without recomputing anything.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from .errors import ValidationError
from .hardware.spec import DeviceSpec
from .quote import Quote, quote_from_project_settings
from .quote_prices import PriceLookup, catalog_lookup
from .quote_sizing import SizedConfiguration, Workload, size_configuration, size_module

ATTACHMENT_NAME = "rigsizer-quote.json"
ATTACHMENT_FORMAT = "rigsizer-quote-document"


@dataclass(frozen=True)
class QuoteDocument:
    """What one exported PDF says: the quote, the project it answers and the estimate it quotes."""

    quote: Quote
    project: dict[str, Any]
    estimate: dict[str, Any]

    def to_json(self) -> str:
        payload = {"format": ATTACHMENT_FORMAT, "quote": self.quote.to_dict(), "project": self.project,
                   "estimate": self.estimate}
        return json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True, default=str)

    @classmethod
    def from_json(cls, text: str | bytes) -> QuoteDocument:
        data = json.loads(text)
        if not isinstance(data, Mapping) or data.get("format") != ATTACHMENT_FORMAT:
            raise ValidationError("attachment", "is not a Rigsizer quote document", ATTACHMENT_FORMAT)
        return cls(Quote.from_dict(data["quote"]), dict(data.get("project") or {}), dict(data.get("estimate") or {}))


def project_workload(project: Any, *, dataset_bytes: float = math.nan, params: float = math.nan) -> Workload:
    """What the host must hold for this project: its dataset on disk (the data pipeline's rule for the
    file size when `dataset_bytes` is not given), the model's parameters and the loader's buffers."""
    dataset = project.dataset
    if not math.isfinite(dataset_bytes):
        from .estimate.pipeline import file_bytes

        dataset_bytes = file_bytes(dataset.width, dataset.height, dataset.channels, dataset.file_format,
                                   dataset.file_kb) * dataset.images
    return Workload(dataset_bytes=float(dataset_bytes), params=float(params),
                    image_bytes_decoded=float(dataset.width * dataset.height * dataset.channels),
                    batch=project.training.batch, loader_workers=project.training.loader_workers)


def workload_of(project: Any, estimate: Any = None) -> Workload:
    """The project's workload with the estimate's dataset size and parameter count."""
    pipeline = getattr(estimate, "pipeline", None)
    dataset_bytes = pipeline.dataset_bytes.value if pipeline is not None else math.nan
    params = float(estimate.model.params) if estimate is not None else math.nan
    return project_workload(project, dataset_bytes=dataset_bytes, params=params)


def pricing_quote(project: Any, currency: str = "USD") -> Quote:
    """The project's quote terms (exchange rates) in `currency`, without lines: what sized lines are totalled under."""
    return replace(quote_from_project_settings(project.quote_settings), currency=currency)


def _candidate_count(project: Any, device: DeviceSpec) -> int:
    """The count the project gives this device (the estimate itself works per edge device)."""
    names = {device.id.lower(), device.name.lower()}
    for candidate in project.hardware.candidates:
        if candidate.device.strip().lower() in names:
            return int(candidate.count)
    return 1


def build_quote(
    project: Any,
    estimate: Any,
    catalog: Any = None,
    *,
    gpu: DeviceSpec | None = None,
    gpu_count: int | None = None,
    cpu: DeviceSpec | None = None,
    prices: PriceLookup | None = None,
    base: Quote | None = None,
    **overrides: Any,
) -> QuoteDocument:
    """The quote for the estimated configuration (or the given `gpu` x `gpu_count` + `cpu`).

    Terms come from `base` when given (e.g. the seller's remembered details), else from the
    project's quote settings; `overrides` replace single fields (currency, language, ...).
    """
    if prices is None:
        if catalog is None:
            raise ValidationError("catalog", "is needed to price the quote", "an open catalog or a price lookup")
        prices = catalog_lookup(catalog)
    gpu = gpu or estimate.device
    count = gpu_count if gpu_count is not None else estimate.gpus
    sized: SizedConfiguration
    if gpu is not None and gpu.kind == "edge":  # a module or NPU card, as many as the project's candidate lists
        sized = size_module(gpu, prices)
        quantity = max(1, int(gpu_count if gpu_count is not None else _candidate_count(project, gpu)))
        sized = replace(sized, items=tuple(replace(item, quantity=quantity) for item in sized.items),
                        configuration=f"{quantity} x {gpu.name}" if quantity > 1 else gpu.name)
    else:
        if gpu is not None and gpu.kind != "gpu":  # CPU-only estimate: no GPU line
            gpu = None
        cpu = cpu or getattr(estimate, "host_cpu", None)
        sized = size_configuration(gpu, count, cpu, workload_of(project, estimate), prices)
    settings = project.quote_settings
    quote = base if base is not None else quote_from_project_settings(settings)
    quote = replace(quote, items=sized.items, sizing_notes=sized.notes, configuration=sized.configuration,
                    project_name=project.name, **overrides).validated()
    return QuoteDocument(quote, project.to_dict(), estimate.to_dict())


def document_for_project(
    project: Any,
    catalog: Any,
    *,
    device: str | None = None,
    gpus: int | None = None,
    recommended: bool = False,
    base: Quote | None = None,
    **overrides: Any,
) -> QuoteDocument:
    """Estimate the project (its first candidate, `device` x `gpus`, or the top recommendation) and quote it."""
    from .estimate.estimator import estimate

    cpu = None
    if recommended:
        from .estimate.recommend import recommend

        ranked = [c for c in recommend(project, catalog) if c.meets] or recommend(project, catalog)
        if not ranked:
            raise ValidationError("recommendation", "no configuration could be estimated", "a project with candidates")
        best = min(ranked, key=lambda c: c.rank or 0)
        device, gpus = best.device_id, best.count
        cpu = catalog.get(best.cpu_id) if best.cpu_id else None
    result = estimate(project, catalog, device=device, gpus=gpus)
    return build_quote(project, result, catalog, cpu=cpu, base=base, **overrides)

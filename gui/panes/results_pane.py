"""Results pane: headline cards, live charts and the Explain view, all read from the Estimate.

Nothing here computes: cards show the Estimate's Derived values (with their bands), charts draw
its arrays, and the Pareto chart draws the core's recommendation, fetched off the GUI thread.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..charts.memory_chart import MemoryChart
from ..charts.pareto import Configuration, ParetoChart, configurations_from
from ..charts.roofline import RooflineChart
from ..charts.scaling import ScalingChart
from ..charts.throughput import ThroughputChart
from ..derivation_titles import derivation_title
from ..report import phrases
from ..widgets.headline_card import HeadlineCard
from ..widgets.language_pane import LanguagePane
from ..widgets.numbers import (
    format_bytes,
    format_count,
    format_duration,
    format_money,
    format_number,
    format_si,
)
from ..widgets.responsive import ResponsiveGrid, ResponsiveSplitter, RowFittingScroll, scrolling
from .explain_view import ExplainView


def _band(derived: Any, formatter: Any) -> str:
    if derived is None or math.isnan(derived.low) or math.isnan(derived.high):
        return ""
    return f"{formatter(derived.low)} – {formatter(derived.high)}"


def _find(estimate: Any, *fragments: str) -> Any:
    """First headline/derivation whose name contains every fragment (the core names its numbers)."""
    for derived in tuple(estimate.headline) + tuple(estimate.derivations):
        name = derived.name.lower()
        if all(fragment in name for fragment in fragments):
            return derived
    return None


class ResultsPane(LanguagePane):
    """Shows the latest Estimate; clicking a card or a list entry explains that number."""

    CARD_KEYS = ("epoch", "total", "throughput", "memory", "bottleneck", "latency", "takt", "price")

    def __init__(self, project_model: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = project_model
        self.estimate: Any = None
        self.configurations: list[Configuration] = []
        self._card_derived: dict[str, Any] = {}
        self._card_notes: dict[str, str] = {}
        self._recommend_job: Any = None
        self._recommend_error = ""
        self.install_content()
        project_model.estimateChanged.connect(self.show_estimate)
        project_model.projectChanged.connect(self._show_candidates)
        project_model.estimateFailed.connect(self._on_failed)
        if hasattr(project_model, "busyChanged"):
            project_model.busyChanged.connect(self._on_busy)
        self.destroyed.connect(lambda _obj=None, pane=self: pane._cancel_jobs())

    def fill_from_model(self) -> None:
        self._show_candidates(self.model.project())
        self.show_estimate(self.model.estimate())

    def view_state(self) -> Any:
        return (self.explain.current_name(), self.pareto.selected)

    def restore_view_state(self, state: Any) -> None:
        name, selected = state
        if name:
            self.explain.show_name(name)
        self._restore_selection = selected

    def build_content(self) -> QWidget:
        host = QWidget()
        outer = QVBoxLayout(host)
        outer.setContentsMargins(4, 4, 4, 4)
        device_row = QHBoxLayout()
        device_label = QLabel(self.tr("Estimated on"))
        self.device_choice = QComboBox()
        self.device_choice.setObjectName("estimatedDevice")
        self.device_choice.setToolTip(self.tr("The project's first hardware candidate is estimated; pick another "
                                              "candidate to make it the first (add candidates in the Hardware pane)."))
        self.device_choice.activated.connect(self.estimate_candidate)
        device_label.setBuddy(self.device_choice)
        device_row.addWidget(device_label)
        device_row.addWidget(self.device_choice, 1)
        outer.addLayout(device_row)
        self.status = QLabel()
        self.status.setObjectName("resultsStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        outer.addWidget(self.status)

        splitter = ResponsiveSplitter(900, stacked_shares=(4, 1))
        outer.addWidget(splitter, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.cards: dict[str, HeadlineCard] = {}
        self.card_grid = ResponsiveGrid(175)
        titles = {"epoch": self.tr("Training time per epoch"), "total": self.tr("Training run"),
                  "throughput": self.tr("Training throughput"), "memory": self.tr("Memory per device"),
                  "bottleneck": self.tr("Bottleneck"), "latency": self.tr("Inference latency"),
                  "takt": self.tr("Takt margin"), "price": self.tr("Hardware price")}
        for key in self.CARD_KEYS:
            card = HeadlineCard(key, titles[key])
            card.clicked.connect(self.explain_card)
            self.cards[key] = card
            self.card_grid.add(card)
        left_layout.addWidget(self.card_grid)

        self.chart_grid = ResponsiveGrid(330, 3)
        charts_area = RowFittingScroll(self.chart_grid, rows=2, min_row=190)
        self.roofline = RooflineChart()
        self.scaling = ScalingChart()
        self.memory_chart = MemoryChart()
        self.throughput = ThroughputChart()
        self.pareto = ParetoChart()
        self.pareto.configurationClicked.connect(self.select_configuration)
        pareto_box = QWidget()
        pareto_layout = QVBoxLayout(pareto_box)
        pareto_layout.setContentsMargins(0, 0, 0, 0)
        pareto_layout.addWidget(self.pareto, 1)
        row = QHBoxLayout()
        self.configuration_label = QLabel(self.tr("Click a configuration to see it."))
        self.configuration_label.setWordWrap(True)
        self.use_configuration = QPushButton(self.tr("Use this configuration"))
        self.use_configuration.setEnabled(False)
        self.use_configuration.clicked.connect(self._use_selected_configuration)
        row.addWidget(self.configuration_label, 1)
        row.addWidget(self.use_configuration)
        pareto_layout.addLayout(row)
        self.chart_widgets = [self.roofline, self.memory_chart, self.scaling, self.throughput, pareto_box]
        for chart in self.chart_widgets:
            chart.setMinimumHeight(190)
            self.chart_grid.add(chart)
        left_layout.addWidget(charts_area, 1)
        splitter.addWidget(left)

        self.explain = ExplainView()
        self.explain.setMinimumSize(240, 120)  # stacked under the charts on small screens
        splitter.addWidget(self.explain)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 340])

        return scrolling(host)

    def _cancel_jobs(self) -> None:
        job, self._recommend_job = self._recommend_job, None
        if job is not None:
            job.cancel()

    def shutdown(self) -> None:
        """The window is closing: a recommendation still computing is no longer wanted."""
        self._cancel_jobs()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(760, 700)

    # -- estimate --------------------------------------------------------------------------------
    def _on_busy(self, busy: bool) -> None:
        if busy and self.estimate is not None:
            self.status.setText(self.tr("Updating…"))
            self.status.setStyleSheet("color: gray;")
            self.status.show()
        elif not busy and self.status.text() == self.tr("Updating…"):
            self.status.hide()

    def _on_failed(self, message: str) -> None:
        self.status.setText(self.tr("No estimate: %1").replace("%1", message))
        self.status.setStyleSheet("color: #c62828;")
        self.status.show()

    def show_estimate(self, estimate: Any) -> None:
        self.estimate = estimate
        if estimate is None:
            for card in self.cards.values():
                card.set_content("—")
            self.explain.set_estimate(None)
            self._clear_charts(self.model.estimate_error() if hasattr(self.model, "estimate_error") else "")
            return
        self.status.hide()
        self._fill_cards(estimate)
        self._fill_charts(estimate)
        titles = {derived.name: derivation_title(derived.name)
                  for derived in tuple(estimate.headline) + tuple(estimate.derivations)}
        titles.update({derived.name: self.cards[key].title_label.text()
                       for key, derived in self._card_derived.items() if derived is not None})
        self.explain.set_estimate(estimate, titles)
        self._request_recommendations()

    # -- candidates ------------------------------------------------------------------------------
    def _show_candidates(self, project: Any) -> None:
        if project is None:
            return
        candidates = project.get_value("hardware.candidates")
        blocked = self.device_choice.blockSignals(True)
        self.device_choice.clear()
        for candidate in candidates:
            self.device_choice.addItem(f"{self._device_name(candidate['device'])} × {candidate['count']}")
        self.device_choice.setCurrentIndex(0 if candidates else -1)
        self.device_choice.setEnabled(len(candidates) > 1)
        self.device_choice.blockSignals(blocked)

    def _device_name(self, device_id: str) -> str:
        if device_id == "local":
            return self.tr("This workstation")
        try:
            return self.model.catalog.get(device_id).name
        except Exception:  # a name rather than an id, or no catalog: show what the project says
            return device_id

    def estimate_candidate(self, index: int) -> None:
        """Make candidate `index` the first one, which is the one the core estimates (one undo step)."""
        candidates = list(self.model.project().get_value("hardware.candidates"))
        if 0 < index < len(candidates):
            candidates.insert(0, candidates.pop(index))
            self.model.set_value("hardware.candidates", candidates)

    def _clear_charts(self, error: str) -> None:
        """No estimate: the charts drop what they showed (it belonged to other inputs) and say why."""
        reason = self.tr("No estimate: %1").replace("%1", error) if error else self.tr("No estimate yet")
        empty = np.zeros(0)
        self.roofline.set_roofline(float("nan"), float("nan"), empty, empty, [], "")
        self.memory_chart.set_breakdown(empty, {})
        self.scaling.set_scaling(empty, empty)
        self.throughput.set_curves({})
        for chart in (self.roofline, self.memory_chart, self.scaling, self.throughput):
            chart.show_empty(reason)

    def _set_card(self, key: str, derived: Any, value: str, detail: str = "", status: str = "",
                  note: str = "") -> None:
        card = self.cards[key]
        self._card_derived[key] = derived
        self._card_notes[key] = note
        tooltip = derived.explain() if derived is not None else note
        card.set_content(value, detail, status, tooltip)
        card.setVisible(True)

    def _fill_cards(self, estimate: Any) -> None:
        training, inference, memory = estimate.training, estimate.inference, estimate.memory
        self._card_derived.clear()
        for key in ("epoch", "total", "throughput"):
            self.cards[key].setVisible(training is not None)
        for key in ("latency", "takt"):
            self.cards[key].setVisible(inference is not None)
        if training is not None:
            epoch = training.epoch_time
            if epoch is not None:
                self._set_card("epoch", epoch, format_duration(epoch.value), _band(epoch, format_duration))
            else:
                self._set_card("epoch", training.step_time, format_duration(training.step_time.value),
                               self.tr("per step (no dataset)"))
            total = training.total_time
            if total is not None:
                self._set_card("total", total, format_duration(total.value), _band(total, format_duration))
            else:
                self.cards["total"].setVisible(False)
            rate = training.samples_per_s
            band = _band(rate, lambda v: format_si(v, "img/s"))
            detail = self.tr("%1 × %2, utilisation %3 %").replace("%1", format_count(estimate.gpus)).replace(
                "%2", estimate.device.name).replace("%3", format_number(100 * training.utilisation.value, 2))
            self._set_card("throughput", rate, format_si(rate.value, "img/s"), f"{band}\n{detail}" if band else detail)
        fits = memory.fits
        detail = self.tr("of %1 — fits").replace("%1", format_bytes(memory.capacity.value)) if fits else \
            self.tr("of %1 — does NOT fit").replace("%1", format_bytes(memory.capacity.value))
        if math.isfinite(memory.max_batch.value):
            detail += "\n" + self.tr("largest batch that fits: %1").replace("%1", format_count(memory.max_batch.value))
        self._set_card("memory", memory.total, format_bytes(memory.total.value), detail, "good" if fits else "bad")
        bottleneck_derived = None
        if estimate.pipeline is not None and estimate.pipeline.bottleneck:
            bottleneck_derived = estimate.pipeline.workers_needed
        reason = self._core_text(estimate.bottleneck_reason)
        self._set_card("bottleneck", bottleneck_derived, self._bottleneck_label(estimate.bottleneck),
                       reason, "warn" if estimate.bottleneck not in ("compute", "") else "", reason)
        if inference is not None:
            latency = inference.latency
            self._set_card("latency", latency, format_duration(latency.value), _band(latency, format_duration))
            takt = inference.takt
            if takt is not None:
                margin = takt.margin
                status = "good" if takt.meets else "bad"
                detail = self.tr("needs %1 images/s; %2").replace(
                    "%1", format_number(takt.required_rate.value)).replace(
                    "%2", self.tr("meets the line") if takt.meets else self.tr("misses the line"))
                sign = "+" if margin.value >= 0 else ""
                self._set_card("takt", margin, f"{sign}{format_count(100 * margin.value)} %", detail, status)
            else:
                self._set_card("takt", None, "—", self.tr("no production line set"), "",
                               self.tr("Set a takt time or line speed in the Workload pane."))
        price = _find(estimate, "price") or _find(estimate, "cost", "hardware")
        if price is not None:
            self._set_card("price", price, format_money(price.value, price.unit or "USD"), _band(price, format_money))
        else:
            device = estimate.device
            if math.isfinite(device.price_usd):
                detail = self.tr("per device, %1 (%2)").replace("%1", device.price_date or "?").replace(
                    "%2", device.price_source or device.source)
                self._set_card("price", None, format_money(device.price_usd, "USD"), detail, "", detail)
            else:
                self._set_card("price", None, "—", self.tr("no price in the catalog"), "",
                               self.tr("Add a price in the Hardware pane."))
        self.card_grid.refresh()

    def _core_text(self, text: str) -> str:
        """A sentence the core wrote (in English, numbers filled in), in the interface language."""
        if text and i18n.phrase_language() == "zh":
            chinese = phrases.chinese(text)
            if chinese is not None:
                return chinese
        return self.tr(text) if text else text

    def _bottleneck_label(self, code: str) -> str:
        labels = {"compute": self.tr("Compute"), "memory": self.tr("Memory bandwidth"),
                  "data": self.tr("Data pipeline (CPU)"), "pipeline": self.tr("Data pipeline (CPU)"),
                  "cpu": self.tr("Data pipeline (CPU)"), "communication": self.tr("GPU communication"),
                  "overhead": self.tr("Launch overhead"), "capacity": self.tr("Memory capacity"),
                  "storage": self.tr("Storage"), "pcie": self.tr("PCIe transfers")}
        if code in labels:
            return labels[code]
        if not code:
            return "—"
        text = self._core_text(code)  # the core names it in words ("GPU memory bandwidth", "PCIe")
        return text[:1].upper() + text[1:]

    def _fill_charts(self, estimate: Any) -> None:
        roof = estimate.roofline
        self.roofline.set_roofline(roof.peak_flops, roof.bandwidth_bps, roof.intensity, roof.achieved_flops,
                                   roof.names, estimate.device.name)
        project = self.model.project()
        batch = project.training.batch if estimate.training is not None else project.inference.batch
        mem = estimate.memory_vs_batch
        self.memory_chart.set_breakdown(mem.batches, {self._component_label(k): v for k, v in mem.components.items()},
                                        mem.capacity, batch)
        scaling = estimate.scaling
        if scaling is not None:
            self.scaling.set_scaling(scaling.gpus, scaling.time_s, estimate.gpus)
        else:
            self.scaling.set_scaling(np.zeros(0), np.zeros(0))
        curves = {}
        tvb = estimate.throughput_vs_batch
        if estimate.training is not None:
            curves[self.tr("Training")] = (tvb.batches, tvb.train_samples_per_s)
        if estimate.inference is not None:
            curves[self.tr("Inference")] = (tvb.batches, tvb.infer_samples_per_s)
        limit = estimate.memory.max_batch.value
        self.throughput.set_curves(curves, batch, limit if math.isfinite(limit) else None)

    def _component_label(self, key: str) -> str:
        labels = {"weights": self.tr("Weights"), "gradients": self.tr("Gradients"),
                  "optimizer_state": self.tr("Optimizer state"), "activations": self.tr("Activations"),
                  "workspace": self.tr("Workspace"), "runtime_context": self.tr("Runtime context")}
        short = key.split(".")[-1]
        return labels.get(short, short.replace("_", " ").capitalize())

    # -- explain ---------------------------------------------------------------------------------
    def explain_card(self, key: str) -> None:
        derived = self._card_derived.get(key)
        if derived is not None:
            if not self.explain.show_name(derived.name):
                self.explain.show_derived(derived, self.cards[key].title_label.text())
        else:
            note = self._card_notes.get(key, "")
            self.explain.browser.setPlainText(f"{self.cards[key].title_label.text()}\n\n{note}")

    # -- recommendations -----------------------------------------------------------------------
    def _request_recommendations(self) -> None:
        from ..worker import run_in_worker

        if self._recommend_job is not None:
            self._recommend_job.cancel()
        try:
            project, catalog = self.model.project(), self.model.catalog
        except Exception as error:  # no catalog: the chart says why
            self._on_recommend_error(error)
            return
        alive = _alive_guard(self)
        self._recommend_job = run_in_worker(_recommend, project, catalog,
                                            on_done=lambda result: alive(self._on_recommendations, result),
                                            on_error=lambda error: alive(self._on_recommend_error, error))

    def _on_recommendations(self, result: Any) -> None:
        self._recommend_job = None
        self._recommend_error = ""
        self.configurations = configurations_from(result)
        currency = self.configurations[0].currency if self.configurations else "USD"
        self._price_from_recommendation(result)
        self.pareto.set_configurations(np.array([c.price for c in self.configurations]),
                                       np.array([c.seconds for c in self.configurations]),
                                       [c.label for c in self.configurations],
                                       np.array([c.pareto for c in self.configurations], dtype=bool), currency)
        selected, self._restore_selection = getattr(self, "_restore_selection", None), None
        if selected is not None and selected < len(self.configurations):
            self.select_configuration(selected)
        if self.configurations and not any(math.isfinite(c.seconds) for c in self.configurations):
            self.pareto.show_empty(self.tr("No training in this project: nothing to trade against price"))

    def _price_from_recommendation(self, result: Any) -> None:
        """The price card shows the core's priced system for the estimated device and count, when there is one."""
        estimate = self.estimate
        if estimate is None or _find(estimate, "price") is not None:
            return
        match = next((c for c in (result or ()) if getattr(c, "device_id", None) == estimate.device.id
                      and getattr(c, "count", None) == estimate.gpus), None)
        if match is None or not math.isfinite(getattr(match, "price_usd", math.nan)):
            return
        items = "\n".join(f"{label}: {format_money(value)}" for label, value in match.price_items)
        note = self.tr("System price from the recommendation:\n%1\n\n%2").replace("%1", items).replace(
            "%2", "\n".join(match.rules))
        self._set_card("price", None, format_money(match.price_usd),
                       self.tr("%1 × %2 with CPU, RAM and storage").replace("%1", str(match.count)).replace(
                           "%2", match.device_name), "", note)

    def _on_recommend_error(self, error: BaseException) -> None:
        self._recommend_job = None
        self._recommend_error = str(error)
        self.pareto.set_configurations(np.zeros(0), np.zeros(0), [], np.zeros(0, dtype=bool))
        self.pareto.show_empty(self.tr("No recommendation: %1").replace("%1", str(error)[:80]))

    def select_configuration(self, index: int) -> None:
        if not 0 <= index < len(self.configurations):
            return
        configuration = self.configurations[index]
        self.pareto.select(index)
        text = self.tr("%1: %2, %3").replace("%1", configuration.label).replace(
            "%2", format_duration(configuration.seconds)).replace(
            "%3", format_money(configuration.price, configuration.currency))
        if configuration.pareto:
            text += " — " + self.tr("Pareto-optimal")
        self.configuration_label.setText(text)
        self.use_configuration.setEnabled(bool(configuration.candidates))
        if configuration.explanation is not None:
            self.explain.show_derived(configuration.explanation, configuration.label)
        elif configuration.details:
            self.explain.browser.setPlainText(f"{configuration.label}\n\n{configuration.details}")

    def _use_selected_configuration(self) -> None:
        index = self.pareto.selected
        if index is None or not 0 <= index < len(self.configurations):
            return
        candidates = [dict(item) for item in self.configurations[index].candidates]
        self.model.set_value("hardware.candidates", candidates)


def _alive_guard(widget: QWidget) -> Any:
    """Calls back into `widget` only while its C++ side exists (a result may outlive a closed pane)."""
    import shiboken6

    def call(method: Any, value: Any) -> None:
        if shiboken6.isValid(widget):
            method(value)

    return call


def _recommend(project: Any, catalog: Any, state: Any) -> Any:
    from rigsizer.core.estimate.recommend import recommend

    state.check()
    return recommend(project, catalog)

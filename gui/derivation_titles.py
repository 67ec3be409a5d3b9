"""Readable titles for the Estimate's derivation names ("training.step_time" -> "Step time").

The Explain view lists every number the core derived; its dotted name stays visible under the
title (formulas refer to it), but the list reads in words, in the interface language.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "DerivationTitles"

TITLES: dict[str, str] = {
    "model.params": QT_TRANSLATE_NOOP("DerivationTitles", "Parameters"),
    "model.macs": QT_TRANSLATE_NOOP("DerivationTitles", "MACs per sample"),
    "model.flops": QT_TRANSLATE_NOOP("DerivationTitles", "FLOPs per sample"),
    "training.forward_time": QT_TRANSLATE_NOOP("DerivationTitles", "Forward pass time"),
    "training.backward_time": QT_TRANSLATE_NOOP("DerivationTitles", "Backward pass time"),
    "training.optimizer_time": QT_TRANSLATE_NOOP("DerivationTitles", "Optimizer step time"),
    "training.overhead_time": QT_TRANSLATE_NOOP("DerivationTitles", "Host overhead per step"),
    "training.compute_time": QT_TRANSLATE_NOOP("DerivationTitles", "Compute time per step"),
    "training.communication_time": QT_TRANSLATE_NOOP("DerivationTitles", "Gradient all-reduce time"),
    "training.step_time": QT_TRANSLATE_NOOP("DerivationTitles", "Step time"),
    "training.samples_per_s": QT_TRANSLATE_NOOP("DerivationTitles", "Training throughput"),
    "training.samples_per_s_per_device": QT_TRANSLATE_NOOP("DerivationTitles", "Training throughput per device"),
    "training.utilisation": QT_TRANSLATE_NOOP("DerivationTitles", "Compute utilisation"),
    "training.epoch_time": QT_TRANSLATE_NOOP("DerivationTitles", "Training time per epoch"),
    "training.validation_time": QT_TRANSLATE_NOOP("DerivationTitles", "Validation time per epoch"),
    "training.total_time": QT_TRANSLATE_NOOP("DerivationTitles", "Training run"),
    "training.energy_kwh": QT_TRANSLATE_NOOP("DerivationTitles", "Energy per training run"),
    "training.energy_cost": QT_TRANSLATE_NOOP("DerivationTitles", "Electricity cost per training run"),
    "memory.weights": QT_TRANSLATE_NOOP("DerivationTitles", "Weights memory"),
    "memory.gradients": QT_TRANSLATE_NOOP("DerivationTitles", "Gradients memory"),
    "memory.optimizer_state": QT_TRANSLATE_NOOP("DerivationTitles", "Optimizer state memory"),
    "memory.activations": QT_TRANSLATE_NOOP("DerivationTitles", "Activations memory"),
    "memory.workspace": QT_TRANSLATE_NOOP("DerivationTitles", "Workspace memory"),
    "memory.runtime_context": QT_TRANSLATE_NOOP("DerivationTitles", "Runtime context memory"),
    "memory.total": QT_TRANSLATE_NOOP("DerivationTitles", "Memory per device"),
    "memory.capacity": QT_TRANSLATE_NOOP("DerivationTitles", "Device memory capacity"),
    "memory.max_batch": QT_TRANSLATE_NOOP("DerivationTitles", "Largest batch that fits"),
    "inference.latency": QT_TRANSLATE_NOOP("DerivationTitles", "Inference latency"),
    "inference.latency_batch1": QT_TRANSLATE_NOOP("DerivationTitles", "Inference latency at batch 1"),
    "inference.samples_per_s": QT_TRANSLATE_NOOP("DerivationTitles", "Inference throughput"),
    "inference.rated_fraction": QT_TRANSLATE_NOOP("DerivationTitles", "Share of the rated peak"),
    "inference.memory.weights": QT_TRANSLATE_NOOP("DerivationTitles", "Inference weights memory"),
    "inference.memory.gradients": QT_TRANSLATE_NOOP("DerivationTitles", "Inference gradients memory"),
    "inference.memory.optimizer_state": QT_TRANSLATE_NOOP("DerivationTitles", "Inference optimizer state memory"),
    "inference.memory.activations": QT_TRANSLATE_NOOP("DerivationTitles", "Inference activations memory"),
    "inference.memory.workspace": QT_TRANSLATE_NOOP("DerivationTitles", "Inference workspace memory"),
    "inference.memory.runtime_context": QT_TRANSLATE_NOOP("DerivationTitles", "Inference runtime context memory"),
    "inference.memory.total": QT_TRANSLATE_NOOP("DerivationTitles", "Inference memory per device"),
    "inference.memory.capacity": QT_TRANSLATE_NOOP("DerivationTitles", "Inference device memory capacity"),
    "inference.memory.max_batch": QT_TRANSLATE_NOOP("DerivationTitles", "Largest inference batch that fits"),
    "takt.required_rate": QT_TRANSLATE_NOOP("DerivationTitles", "Rate the line requires"),
    "takt.latency_budget": QT_TRANSLATE_NOOP("DerivationTitles", "Latency budget"),
    "takt.margin": QT_TRANSLATE_NOOP("DerivationTitles", "Takt margin"),
    "takt.devices_needed": QT_TRANSLATE_NOOP("DerivationTitles", "Devices the line needs"),
    "pipeline.cpu_seconds_per_image": QT_TRANSLATE_NOOP("DerivationTitles", "CPU time per image"),
    "pipeline.images_per_s_supplied": QT_TRANSLATE_NOOP("DerivationTitles", "Images per second the CPU supplies"),
    "pipeline.images_per_s_demanded": QT_TRANSLATE_NOOP("DerivationTitles", "Images per second the GPUs take"),
    "pipeline.workers_needed": QT_TRANSLATE_NOOP("DerivationTitles", "Data-loader workers needed"),
    "pipeline.cores_available": QT_TRANSLATE_NOOP("DerivationTitles", "CPU cores available"),
    "pipeline.dataset_bytes": QT_TRANSLATE_NOOP("DerivationTitles", "Dataset size"),
    "pipeline.storage_images_per_s": QT_TRANSLATE_NOOP("DerivationTitles", "Images per second from storage"),
    "pipeline.pcie_seconds_per_step": QT_TRANSLATE_NOOP("DerivationTitles", "PCIe transfer time per step"),
}


def derivation_title(name: str) -> str:
    """The title of a derivation in the interface language; an unknown name is shown as it is."""
    text = TITLES.get(name)
    return QCoreApplication.translate(CONTEXT, text) if text else name

"""The main window's panes. Each pane is constructed as `Pane(project_model, parent)`.

`PANES` lists them in menu order: (object name, module, class name, English title). The main window
imports each lazily, so one pane failing to import shows a placeholder instead of breaking the app.
"""

from __future__ import annotations

PANES: tuple[tuple[str, str, str, str], ...] = (
    ("workstation", "rigsizer.gui.panes.workstation_pane", "WorkstationPane", "Workstation"),
    ("model", "rigsizer.gui.panes.model_pane", "ModelPane", "Model"),
    ("workload", "rigsizer.gui.panes.workload_pane", "WorkloadPane", "Workload"),
    ("hardware", "rigsizer.gui.panes.hardware_pane", "HardwarePane", "Hardware"),
    ("results", "rigsizer.gui.panes.results_pane", "ResultsPane", "Results"),
    ("quote", "rigsizer.gui.panes.quote_pane", "QuotePane", "Quote"),
)

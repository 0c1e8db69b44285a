"""The model core: the neighbourhood, its people and the week's processes.

The core imports nothing outside itself. Inside it, every import points down:
``run`` → ``lifecycle`` | ``observe`` → ``rules`` → ``state`` → ``parameters`` (checked by
import-linter in CI). Its public parts: :class:`Parameters` (every input,
declared once), :class:`CaringCommunity` (the Mesa model), :class:`Simulation` (a run with its
matched baseline), :data:`METRICS` (what can be observed) and :func:`run_measures`. They are
imported on first use, so that reading parameters does not load Mesa.
"""

from importlib import import_module
from typing import Any

_WHERE = {
    "MEASURE_LABELS": "observe.measures",
    "run_measures": "observe.measures",
    "METRICS": "observe.metrics",
    "Metric": "observe.metrics",
    "CaringCommunity": "run.model",
    "ParameterError": "parameters",
    "ParameterSpec": "parameters",
    "Parameters": "parameters",
    "Role": "parameters",
    "baseline_parameters": "parameters",
    "make_parameters": "parameters",
    "parameter_specs": "parameters",
    "Simulation": "run.simulation",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{_WHERE[name]}", __name__), name)

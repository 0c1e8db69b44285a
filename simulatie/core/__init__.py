"""The model core: the neighbourhood, its people and the week's processes.

The core imports nothing outside itself. Its public parts: :class:`Parameters` (every input,
declared once), :class:`CaringCommunity` (the Mesa model), :class:`Simulation` (a run with its
matched baseline), :data:`METRICS` (what can be observed) and :func:`run_measures`.
"""

from .measures import MEASURE_LABELS, run_measures
from .metrics import METRICS, Metric
from .model import CaringCommunity
from .parameters import (
    ParameterError,
    Parameters,
    ParameterSpec,
    Role,
    baseline_parameters,
    make_parameters,
    parameter_specs,
)
from .simulation import Simulation

__all__ = [
    "MEASURE_LABELS",
    "METRICS",
    "CaringCommunity",
    "Metric",
    "ParameterError",
    "ParameterSpec",
    "Parameters",
    "Role",
    "Simulation",
    "baseline_parameters",
    "make_parameters",
    "parameter_specs",
    "run_measures",
]

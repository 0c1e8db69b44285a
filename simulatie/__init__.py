"""simulatie: an agent-based model of caring communities (zorgzame gemeenschappen).

The model core (:mod:`simulatie.core`: the neighbourhood, its parameters and the Mesa model) and
the one seam that runs it (:func:`run`) are the public API; the command line, sweeps and dashboard
are built on top and never imported by the core. Mesa is loaded by the first run, not on import.
"""

from .core.parameters import ParameterError, Parameters, make_parameters
from .run import RunResult, run
from .scenarios import load_scenario

__all__ = ["ParameterError", "Parameters", "RunResult", "load_scenario", "make_parameters", "run"]

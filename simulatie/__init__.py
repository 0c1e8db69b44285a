"""simulatie: an agent-based model of caring communities (zorgzame gemeenschappen).

The model core (:mod:`simulatie.core`: the neighbourhood, its parameters and the Mesa model) and
the one seam that runs it (:func:`run`) are the public API; the command line, sweeps and dashboard
are built on top and never imported by the core.
"""

from .core.parameters import ParameterError, Parameters, make_parameters
from .run import RunResult, run

__all__ = ["ParameterError", "Parameters", "RunResult", "make_parameters", "run"]

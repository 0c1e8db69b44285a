"""simulatie: an agent-based model of caring communities (zorgzame gemeenschappen).

The model (:class:`~simulatie.model.CaringCommunity`), its parameters
(:class:`~simulatie.parameters.Parameters`) and the one seam that runs it
(:func:`~simulatie.run.run`) are the public core; the command line, sweeps and dashboard are
built on top and never imported by the model.
"""

from .parameters import ParameterError, Parameters, make_parameters
from .run import RunResult, run

__all__ = ["ParameterError", "Parameters", "RunResult", "make_parameters", "run"]

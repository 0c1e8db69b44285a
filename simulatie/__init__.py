"""simulatie: an agent-based model of caring communities (zorgzame gemeenschappen).

The package is built in layers, each a subpackage, and every import points inward:

- :mod:`simulatie.core`: the model (the neighbourhood, its parameters and the Mesa model);
- :mod:`simulatie.experiment`: scenarios, experiment files, the one seam that runs a simulation
  (:func:`run`), its results, sweeps, reports, sensitivity, calibration, patterns and discovery;
- :mod:`simulatie.workshop`: the seven myths, their texts, answers and handouts;
- :mod:`simulatie.cli` and :mod:`simulatie.dashboard`: the two faces users see.

``docs/architecture.md`` draws the layers. The public API below stays importable from the top.
Mesa is loaded by the first run, not on import.
"""

from simulatie.core.parameters import ParameterError, Parameters, make_parameters
from simulatie.experiment.run import RunResult, run
from simulatie.experiment.scenarios import load_scenario

__all__ = ["ParameterError", "Parameters", "RunResult", "load_scenario", "make_parameters", "run"]

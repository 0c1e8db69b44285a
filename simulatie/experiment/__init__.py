"""The experiment layer: everything that runs the model and reads what it did.

Scenario and experiment files are loaded and checked here (:mod:`.scenarios`, :mod:`.experiments`);
:func:`.run.run` is the one seam that runs one simulation; :mod:`.results` stores it; :mod:`.sweep`
runs many, on local processes or Dask; :mod:`.comparison` compares two policies on the same seeds;
:mod:`.report`, :mod:`.sensitivity`, :mod:`.calibration`,
:mod:`.patterns` and :mod:`.discovery` analyse them. This layer imports :mod:`simulatie.core` and
nothing from the workshop, the command line or the dashboard.
"""

__all__: list[str] = []

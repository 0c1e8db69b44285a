"""My own neighbourhood: a scenario from CBS *Kerncijfers wijken en buurten* for one region.

* :mod:`.regions`: the region code (``BU`` + 8, ``WK`` + 6, ``GM`` + 4), checked first;
* :mod:`.figures`: one region's row, its columns found by stem or title, missing figures kept
  missing; :mod:`.statline` reads a StatLine CSV export, :mod:`.online` CBS open data;
* :mod:`.targets`: the counts as the model's shares (ages among adults, households);
* :mod:`.structure` and :mod:`.fit`: the model neighbourhood's own make-up, and the root search
  that makes it match;
* :mod:`.words` and :mod:`.scenario_file`: the comparison in words and the scenario file.

``simulatie buurt`` (:mod:`simulatie.cli.buurt`) is the command line over these; ``docs/buurt.md``
explains the choices.
"""

from .errors import CbsError
from .figures import QUANTITIES, Figures, Quantity
from .fit import TOLERANCE, Fit, fit_neighbourhood
from .online import DEFAULT_YEAR, TABLES, fetch_figures
from .regions import Level, Region, RegionError, parse_region
from .scenario_file import check_free, default_name, scenario_text, write_scenario
from .statline import read_export
from .structure import Structure, built_structure, expected_structure
from .targets import Targets, targets_from

__all__ = [
    "DEFAULT_YEAR",
    "QUANTITIES",
    "TABLES",
    "TOLERANCE",
    "CbsError",
    "Figures",
    "Fit",
    "Level",
    "Quantity",
    "Region",
    "RegionError",
    "Structure",
    "Targets",
    "built_structure",
    "check_free",
    "default_name",
    "expected_structure",
    "fetch_figures",
    "fit_neighbourhood",
    "parse_region",
    "read_export",
    "scenario_text",
    "targets_from",
    "write_scenario",
]

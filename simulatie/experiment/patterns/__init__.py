"""The eleven field patterns of ``model.md``: definitions, measures, statistics and verdicts.

Pattern-oriented modelling (Grimm et al. 2005): the model must reproduce what the field reports
(:data:`PATTERNS`), each at full scale with a target written from its seed, and each must vanish
under a plausible counter-assumption (an equivalence test). ``simulatie patterns`` runs them;
``tests/test_patterns.py`` asserts them; ``docs/patterns.md`` reports them.
"""

from .catalogue import PATTERNS, REPLICATIONS, TEN_YEARS, Arm, Pattern
from .evaluate import SEED0, PatternError, PatternOutcome, evaluate, outcome_row, plan
from .measures import MEASURES, measure_fn, run_measures
from .statistics import ALPHA, ArmStats, Equivalence, PairedResult, compare, equivalence

__all__ = [
    "ALPHA",
    "MEASURES",
    "PATTERNS",
    "REPLICATIONS",
    "SEED0",
    "TEN_YEARS",
    "Arm",
    "ArmStats",
    "Equivalence",
    "PairedResult",
    "Pattern",
    "PatternError",
    "PatternOutcome",
    "compare",
    "equivalence",
    "evaluate",
    "measure_fn",
    "outcome_row",
    "plan",
    "run_measures",
]

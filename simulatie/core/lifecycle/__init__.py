"""A neighbourhood's life before the run's first week: built, spun up, and its intervention started.

* :mod:`.build`: the neighbourhood at the start of its spin-up, with nothing organised;
* :mod:`.spin_up`: the years before week 0, run once per neighbourhood and seed and cached;
* :mod:`.intervention`: week 0, when the run's levers take effect;
* :mod:`.cache`: the disk cache that keeps spin-ups and baseline arms between processes.
"""

from .build import build_neighbourhood
from .intervention import prepared_neighbourhood, start_intervention
from .spin_up import spun_up

__all__ = ["build_neighbourhood", "prepared_neighbourhood", "spun_up", "start_intervention"]

"""The week's care accounting: hours needed, received from each source, and left unmet.

How the week's need is met, source by source, is :mod:`simulatie.core.rules.care`; the care
metrics (:mod:`simulatie.core.observe.metrics_care`) read this record.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

import numpy as np

__all__ = ["CareWeek", "Source"]


class Source(IntEnum):
    """Where an hour of care came from."""

    FORMAL = 0
    PROFESSIONAL = 1
    NETWORK = 2
    VOLUNTEERS = 3
    HOUSEHOLD = 4
    FAMILY = 5


@dataclass
class CareWeek:
    """The week's care accounting per home (the resident and, where there is one, the partner).

    Attributes:
        need: Hours needed.
        received: ``(n, 6)`` hours received by :class:`Source`.
        unmet: Hours left unmet.
    """

    need: np.ndarray
    received: np.ndarray
    unmet: np.ndarray

    @classmethod
    def empty(cls, n: int) -> CareWeek:
        """A week without any need (the state before the first week)."""
        return cls(need=np.zeros(n), received=np.zeros((n, len(Source))), unmet=np.zeros(n))

"""Per-resident views of the tie network that the week's decisions read.

Refreshed whenever the ties change (after the week's ties stage, and when residents leave), so
that every rule reads the same counts and neighbour lists within a stage.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .ties import TieNetwork

__all__ = ["NetworkViews"]


@dataclass
class NetworkViews:
    """Per-resident views of the tie network used by the week's decisions.

    Attributes:
        friendly_counts: Friendly or caring ties per resident.
        caring_counts: Caring ties per resident.
        close_adjacency: Friendly-or-caring neighbours per resident, in CSR form.
        all_adjacency: Everyone a resident has a tie with, in CSR form.
    """

    friendly_counts: np.ndarray
    caring_counts: np.ndarray
    close_adjacency: tuple[np.ndarray, np.ndarray]
    all_adjacency: tuple[np.ndarray, np.ndarray]

    @classmethod
    def of(cls, ties: TieNetwork) -> NetworkViews:
        """Read the views off the tie network."""
        close_ptr, close_nbr, all_ptr, all_nbr, caring, close = ties.neighbour_lists()
        return cls(
            friendly_counts=close,
            caring_counts=caring,
            close_adjacency=(close_ptr, close_nbr),
            all_adjacency=(all_ptr, all_nbr),
        )

"""Resident groups and what distinguishes them.

Seed 000's practice cases mix older people, young families, adults with a mild intellectual
disability (LVB) or a psychiatric vulnerability, and newcomers or migrants. Each group differs in
age, sociability, time to help, reluctance to ask, digital skill and a baseline weekly need for
support. The numbers are assumptions anchored where possible (see ``docs/odd.md``, section
"Initialisation"); they are model constants rather than levers.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

import numpy as np

__all__ = ["GROUP_PROFILES", "Group", "GroupProfile", "group_shares", "partner_chance"]


class Group(IntEnum):
    """Resident groups, stored as small integers in the population arrays."""

    ADULT = 0
    OLDER = 1
    FAMILY = 2
    LVB = 3
    PSYCH = 4
    MIGRANT = 5


@dataclass(frozen=True)
class GroupProfile:
    """What a newcomer of a group looks like when drawn.

    Attributes:
        min_age: Youngest age at arrival, years.
        max_age: Oldest age at arrival, years.
        sociability: Mean sociability (0..1).
        capacity_factor: Multiplier on ``helper_capacity_hours`` (busy families give less).
        ask_shift: Added to the ask threshold (LVB, psychiatric vulnerability, language).
        digital: Chance to use a digital platform.
        base_need: Weekly hours of support needed regardless of frailty.
        trust: Mean initial trust in neighbours (0..1).
        partner: Chance to move in with a partner (a household of two).
        family_nearby: Chance to have family living elsewhere within reach (children, parents,
            siblings) who help with care.
    """

    min_age: float
    max_age: float
    sociability: float
    capacity_factor: float
    ask_shift: float
    digital: float
    base_need: float
    trust: float
    partner: float
    family_nearby: float


GROUP_PROFILES: dict[Group, GroupProfile] = {
    Group.ADULT: GroupProfile(20, 64, 0.50, 1.0, 0.00, 0.90, 0.0, 0.55, 0.55, 0.60),
    Group.OLDER: GroupProfile(65, 85, 0.50, 0.9, 0.10, 0.40, 0.3, 0.60, 0.75, 0.62),
    Group.FAMILY: GroupProfile(25, 45, 0.55, 0.5, 0.00, 0.95, 0.2, 0.55, 0.85, 0.60),
    Group.LVB: GroupProfile(18, 55, 0.45, 0.4, 0.15, 0.50, 2.0, 0.50, 0.20, 0.50),
    Group.PSYCH: GroupProfile(18, 60, 0.30, 0.4, 0.20, 0.70, 2.0, 0.40, 0.25, 0.40),
    Group.MIGRANT: GroupProfile(20, 50, 0.50, 0.8, 0.15, 0.80, 0.3, 0.40, 0.60, 0.25),
}


def group_shares(params: object) -> np.ndarray:
    """Return the share of each group, indexed by :class:`Group`, from the parameters."""
    named = {
        Group.OLDER: params.share_older,
        Group.FAMILY: params.share_family,
        Group.LVB: params.share_lvb,
        Group.PSYCH: params.share_psych,
        Group.MIGRANT: params.share_migrant,
    }
    shares = np.zeros(len(Group))
    for group, share in named.items():
        shares[group] = share
    shares[Group.ADULT] = max(0.0, 1.0 - shares.sum())
    return shares / shares.sum()


def partner_chance(chance: np.ndarray, odds: float) -> np.ndarray:
    """The chance to move in with a partner, its odds multiplied by ``odds``.

    ``odds`` = 1 returns ``chance`` exactly (``partner_odds`` at its default).

    Args:
        chance: Each resident's group chance (:attr:`GroupProfile.partner`).
        odds: The odds ratio (``partner_odds``).
    """
    return chance * odds / (1.0 + chance * (odds - 1.0))

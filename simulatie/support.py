"""Professional support: how professionals' hours are spent, by guidance style and funding.

Each professional splits their weekly hours into *doing* (share ``takeover``: running activities
themselves and delivering care directly) and *facilitating* (supporting initiators, matching
help-seekers with volunteers, inviting and connecting people across groups). Seed 002 names the
risk: too much professional effort moves ownership to the professionals and active residents
leave it to them; Oude Vrielink & van de Wijdeven call for support that is "aanvullend in plaats
van invullend"; Frey & Jegen explain why controlling help crowds out motivation.

The guidance style (Pröpper 2009, seed 003) says how the facilitation hours are divided and how
much room residents get: under authoritarian styles residents have little say, so their sense
of ownership grows slowly at activities and few of them step up as initiators; under delegating,
cooperative and facilitating styles they lead. Without any professional, residents have all the
room (1.0) but none of the support.
Pilot funding withdraws the professionals after ``pilot_weeks`` (seed 002: pilots without
follow-up lead nowhere).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .parameters import Funding, GuidanceStyle

if TYPE_CHECKING:
    from .agents import Professional
    from .model import CaringCommunity

__all__ = ["STYLE_PROFILES", "StyleProfile", "Support"]

HOURS_PER_MEETING = 3.0  # a professional running an activity spends this per meeting


@dataclass(frozen=True)
class StyleProfile:
    """What a guidance style means in behaviour.

    Attributes:
        room: How much say residents get (0..1): scales ownership growth at activities and
            the chance that engaged residents become initiators.
        initiators: Share of facilitation hours spent supporting initiators.
        matching: Share spent finding and matching help-seekers.
        connecting: Share spent inviting people and bridging groups.
    """

    room: float
    initiators: float
    matching: float
    connecting: float


STYLE_PROFILES: dict[GuidanceStyle, StyleProfile] = {
    GuidanceStyle.CLOSED_AUTHORITARIAN: StyleProfile(0.05, 0.1, 0.6, 0.3),
    GuidanceStyle.OPEN_AUTHORITARIAN: StyleProfile(0.2, 0.15, 0.55, 0.3),
    GuidanceStyle.CONSULTATIVE: StyleProfile(0.4, 0.25, 0.45, 0.3),
    GuidanceStyle.PARTICIPATIVE: StyleProfile(0.6, 0.35, 0.35, 0.3),
    GuidanceStyle.DELEGATING: StyleProfile(0.8, 0.6, 0.2, 0.2),
    GuidanceStyle.COOPERATIVE: StyleProfile(0.8, 0.4, 0.3, 0.3),
    GuidanceStyle.FACILITATING: StyleProfile(0.9, 0.3, 0.35, 0.35),
}


class Support:
    """This week's pool of professional hours and what they are spent on.

    Args:
        model: The model.
    """

    def __init__(self, model: CaringCommunity) -> None:
        self.model = model
        self.style = STYLE_PROFILES[model.params.guidance_style]
        self.doing_hours = 0.0
        self.initiator_hours = 0.0
        self.matching_hours = 0.0
        self.connecting_hours = 0.0
        self.ended_week: int | None = None

    @property
    def funded(self) -> bool:
        """Whether professional support is still paid for."""
        p = self.model.params
        return p.funding is Funding.STRUCTURAL or self.model.week < p.pilot_weeks

    def start_week(self) -> None:
        """Reset the pools, and withdraw the professionals when a pilot ends."""
        self.doing_hours = self.initiator_hours = 0.0
        self.matching_hours = self.connecting_hours = 0.0
        if not self.funded and self.ended_week is None:
            self.ended_week = self.model.week
            for professional in list(self.model.professionals):
                professional.leave()

    def receive_hours(self, professional: Professional) -> None:
        """Add one professional's hours to the week's pools."""
        takeover = self.model.params.takeover
        doing = professional.hours * takeover
        facilitating = professional.hours - doing
        self.doing_hours += doing
        self.initiator_hours += facilitating * self.style.initiators
        self.matching_hours += facilitating * self.style.matching
        self.connecting_hours += facilitating * self.style.connecting

    def spend_doing(self, hours: float) -> float:
        """Take up to ``hours`` from the doing pool; return what was available."""
        taken = min(hours, self.doing_hours)
        self.doing_hours -= taken
        return taken

    @property
    def present(self) -> bool:
        """Whether any professional works in the neighbourhood this week."""
        return len(self.model.professionals) > 0

"""Professional support: whether professionals work here, and this week's hours by use.

:class:`Support` says whether professionals work in the neighbourhood and whether a pilot's
funding has ended; :class:`Budget` is this week's professional hours split by what they may be
spent on. How the hours are split and spent is :mod:`simulatie.core.rules.professionals`.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Budget", "Support"]


@dataclass
class Budget:
    """This week's professional hours, by what they may be spent on.

    Doing hours are spent in a declared order: first the activities professionals run, then
    care given directly. Facilitating hours are split by the guidance style.

    Attributes:
        doing: Hours for doing the work (running activities, then direct care).
        initiators: Hours for supporting initiators.
        matching: Hours for finding help-seekers and arranging a first meeting with a volunteer.
        connecting: Hours for inviting people and bridging groups at activities.
        room: How much say residents get this week (1.0 without professionals).
    """

    doing: float = 0.0
    initiators: float = 0.0
    matching: float = 0.0
    connecting: float = 0.0
    room: float = 1.0

    def spend_doing(self, hours: float) -> float:
        """Take up to ``hours`` from the doing hours; return what was available."""
        taken = min(hours, self.doing)
        self.doing -= taken
        return taken


@dataclass
class Support:
    """Whether professionals work in the neighbourhood, and since and until when.

    Attributes:
        professionals: Professionals working this week.
        ended_week: The week a pilot's funding stopped and the professionals left, if it did.
    """

    professionals: int = 0
    ended_week: int | None = None

    @property
    def present(self) -> bool:
        """Whether any professional works in the neighbourhood."""
        return self.professionals > 0

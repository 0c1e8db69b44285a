"""The named choices a parameter can take (guidance style, recruitment, matching, ...)."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Funding", "GuidanceStyle", "Matching", "Placement", "Recruitment"]


class GuidanceStyle(StrEnum):
    """The professional's guidance style on Pröpper's (2009) participation wheel (seed 003)."""

    CLOSED_AUTHORITARIAN = "closed_authoritarian"
    OPEN_AUTHORITARIAN = "open_authoritarian"
    CONSULTATIVE = "consultative"
    PARTICIPATIVE = "participative"
    DELEGATING = "delegating"
    COOPERATIVE = "cooperative"
    FACILITATING = "facilitating"


class Recruitment(StrEnum):
    """How new volunteers are recruited (seed 003 case 2)."""

    NONE = "none"
    FLYER = "flyer"
    PERSONAL = "personal"


class Matching(StrEnum):
    """How help-seekers reach volunteers (seed 003 case 2; Theehuis, seed 000)."""

    PASSIVE = "passive"
    ACTIVE = "active"


class Funding(StrEnum):
    """Whether professional support is structural or a pilot that stops (seed 002)."""

    STRUCTURAL = "structural"
    PILOT = "pilot"


class Placement(StrEnum):
    """Where meeting places sit in the neighbourhood (seed 002: scale and nearness)."""

    CENTRAL = "central"
    SPREAD = "spread"
    EDGE = "edge"

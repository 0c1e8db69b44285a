"""The named choices a parameter can take (guidance style, recruitment, matching, ...)."""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "CHOICE_LABELS", "Funding", "GuidanceStyle", "History", "Matching", "Placement", "Recruitment",
    "choice_label",
]


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


class History(StrEnum):
    """What the neighbourhood went through before week 0 (the spin-up), for levers that act then."""

    OWN = "own"  # the spin-up already ran with this run's levers that have no baseline value
    CUT = "cut"  # the spin-up ran with every lever at its default: the run changes them at week 0


class Placement(StrEnum):
    """Where meeting places sit in the neighbourhood (seed 002: scale and nearness)."""

    CENTRAL = "central"
    SPREAD = "spread"
    EDGE = "edge"


CHOICE_LABELS: dict[str, dict[str, str]] = {
    # Pröpper's (2009) participation wheel, in the Dutch the field uses (seed 003)
    GuidanceStyle.CLOSED_AUTHORITARIAN: {"nl": "gesloten autoritair",
                                         "en": "closed authoritarian"},
    GuidanceStyle.OPEN_AUTHORITARIAN: {"nl": "open autoritair", "en": "open authoritarian"},
    GuidanceStyle.CONSULTATIVE: {"nl": "consultatief", "en": "consultative"},
    GuidanceStyle.PARTICIPATIVE: {"nl": "participatief", "en": "participative"},
    GuidanceStyle.DELEGATING: {"nl": "delegerend", "en": "delegating"},
    GuidanceStyle.COOPERATIVE: {"nl": "samenwerkend", "en": "cooperative"},
    GuidanceStyle.FACILITATING: {"nl": "faciliterend", "en": "facilitating"},
    Recruitment.NONE: {"nl": "geen werving", "en": "no recruitment"},
    Recruitment.FLYER: {"nl": "flyeren", "en": "flyers"},
    Recruitment.PERSONAL: {"nl": "persoonlijk vragen", "en": "asking personally"},
    Matching.PASSIVE: {"nl": "passief (hulpvrager meldt zich)", "en": "passive (seekers come)"},
    Matching.ACTIVE: {"nl": "actief (koppelen)", "en": "active (matching)"},
    Funding.STRUCTURAL: {"nl": "structureel", "en": "structural"},
    Funding.PILOT: {"nl": "pilot (stopt)", "en": "pilot (stops)"},
    History.OWN: {"nl": "eigen voorgeschiedenis", "en": "its own history"},
    History.CUT: {"nl": "omslag op week 0", "en": "a cut at week 0"},
    Placement.CENTRAL: {"nl": "centraal", "en": "central"},
    Placement.SPREAD: {"nl": "verspreid", "en": "spread out"},
    Placement.EDGE: {"nl": "aan de rand", "en": "at the edge"},
}
"""Every named choice in Dutch and English, for the dashboard and the command line."""


def choice_label(value: str, lang: str = "nl") -> str:
    """A choice's label in ``lang`` (the value itself if it has none)."""
    return CHOICE_LABELS.get(value, {}).get(lang, str(value))

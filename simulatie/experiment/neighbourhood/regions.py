"""CBS region codes: a buurt, a wijk or a gemeente, checked before anything is read.

CBS codes every region of its *Kerncijfers wijken en buurten* the same way: ``GM`` and the four
digits of the gemeente, ``WK`` and six characters (gemeente and wijk), ``BU`` and eight (gemeente,
wijk and buurt). The wijk and buurt parts are digits, except in a gemeente with a hundred wijken
or more, or a wijk with a hundred buurten or more, where CBS uses letters too (``WK0363AF``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from .errors import CbsError

__all__ = ["Level", "Region", "RegionError", "parse_region"]

_PATTERN = re.compile(r"(GM\d{4}|WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4})")


class RegionError(CbsError):
    """A region code that is not of the form CBS uses."""


class Level(StrEnum):
    """The kind of region a code names."""

    GEMEENTE = "GM"
    WIJK = "WK"
    BUURT = "BU"


@dataclass(frozen=True)
class Region:
    """A region code, upper case and without spaces.

    Attributes:
        code: For example ``"BU04840501"``.
        level: Buurt, wijk or gemeente.
    """

    code: str
    level: Level

    @property
    def municipality(self) -> str:
        """The gemeente's code, e.g. ``"GM0484"`` for ``"BU04840501"``."""
        return "GM" + self.code[2:6]


def parse_region(text: str) -> Region:
    """Read a region code as a user types it (case and surrounding spaces do not matter).

    Args:
        text: For example ``"BU04840501"``, ``"wk048405"`` or ``" GM0484 "``.

    Returns:
        The region.

    Raises:
        RegionError: If the text is not a buurt, wijk or gemeente code, with the forms allowed.
    """
    code = "".join(str(text).split()).upper()
    if not _PATTERN.fullmatch(code):
        raise RegionError(
            f"'{text}' is not a CBS region code; use BU + 8 characters for a buurt "
            "(BU04840501), WK + 6 for a wijk (WK048405) or GM + 4 digits for a gemeente "
            "(GM0484), as in the column 'Codering' of CBS's Kerncijfers wijken en buurten",
            f"'{text}' is geen CBS-regiocode; gebruik BU + 8 tekens voor een buurt "
            "(BU04840501), WK + 6 voor een wijk (WK048405) of GM + 4 cijfers voor een gemeente "
            "(GM0484), zoals in de kolom 'Codering' van de CBS-Kerncijfers wijken en buurten",
        )
    return Region(code=code, level=Level(code[:2]))

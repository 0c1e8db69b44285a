"""The week's contacts and help: what the stages of a week hand to the tie network.

Meetings, doorstep chats and help each add records here; the ties stage applies them all at once
(``docs/odd.md`` 3). A contact is a pair and the hours they shared; a piece of help is who helped
whom for how many hours.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

__all__ = ["Contacts"]

_EMPTY_INT = np.zeros(0, dtype=np.int64)
_EMPTY_FLOAT = np.zeros(0)


@dataclass
class Contacts:
    """This week's contacts (who met whom, shared hours) and help (who helped whom, hours).

    Each column is kept as a list of the arrays recorded, joined when the week is applied.
    """

    _met_a: list[np.ndarray] = field(default_factory=list)
    _met_b: list[np.ndarray] = field(default_factory=list)
    _met_hours: list[np.ndarray] = field(default_factory=list)
    _helper: list[np.ndarray] = field(default_factory=list)
    _helped: list[np.ndarray] = field(default_factory=list)
    _help_hours: list[np.ndarray] = field(default_factory=list)
    _together_a: list[np.ndarray] = field(default_factory=list)
    _together_b: list[np.ndarray] = field(default_factory=list)

    def meet(self, a: np.ndarray, b: np.ndarray, hours: np.ndarray | float,
             together: bool = False) -> None:
        """Record contacts between ``a[i]`` and ``b[i]`` that shared ``hours[i]``.

        Args:
            a: One side of each contact.
            b: The other side.
            hours: Shared hours of each contact (or one number for all).
            together: Whether the contacts were at an activity, where people see each other
                again and notice how the other is doing.
        """
        if len(a):
            self._met_a.append(a)
            self._met_b.append(b)
            self._met_hours.append(np.full(len(a), hours) if np.isscalar(hours) else hours)
            if together:
                self._together_a.append(a)
                self._together_b.append(b)

    def help(self, helper: np.ndarray, helped: np.ndarray, hours: np.ndarray) -> None:
        """Record help given by ``helper[i]`` to ``helped[i]`` for ``hours[i]``."""
        if len(helper):
            self._helper.append(helper)
            self._helped.append(helped)
            self._help_hours.append(hours)

    @staticmethod
    def _joined(column: list[np.ndarray], empty: np.ndarray) -> np.ndarray:
        """One column's arrays joined in the order they were recorded."""
        if len(column) == 1:
            return column[0]
        return np.concatenate(column) if column else empty

    def met(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """All contacts of the week as ``(a, b, hours)``."""
        return (self._joined(self._met_a, _EMPTY_INT), self._joined(self._met_b, _EMPTY_INT),
                self._joined(self._met_hours, _EMPTY_FLOAT))

    def helped(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """All help of the week as ``(helper, helped, hours)``."""
        return (self._joined(self._helper, _EMPTY_INT), self._joined(self._helped, _EMPTY_INT),
                self._joined(self._help_hours, _EMPTY_FLOAT))

    def together(self) -> tuple[np.ndarray, np.ndarray]:
        """The pairs who met at an activity this week, as ``(a, b)``."""
        return (self._joined(self._together_a, _EMPTY_INT),
                self._joined(self._together_b, _EMPTY_INT))

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
    """This week's contacts (who met whom, shared hours) and help (who helped whom, hours)."""

    _met: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = field(default_factory=list)
    _help: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = field(default_factory=list)
    _together: list[tuple[np.ndarray, np.ndarray]] = field(default_factory=list)

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
            hours = np.full(len(a), hours) if np.isscalar(hours) else hours
            self._met.append((a, b, hours))
            if together:
                self._together.append((a, b))

    def help(self, helper: np.ndarray, helped: np.ndarray, hours: np.ndarray) -> None:
        """Record help given by ``helper[i]`` to ``helped[i]`` for ``hours[i]``."""
        if len(helper):
            self._help.append((helper, helped, hours))

    @staticmethod
    def _joined(parts: list) -> tuple[np.ndarray, ...]:
        """The records' columns, each joined over the parts in the order they were added."""
        if len(parts) == 1:
            return parts[0]
        return tuple(np.concatenate(column) for column in zip(*parts, strict=True))

    def met(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """All contacts of the week as ``(a, b, hours)``."""
        if not self._met:
            return _EMPTY_INT, _EMPTY_INT, _EMPTY_FLOAT
        return self._joined(self._met)

    def helped(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """All help of the week as ``(helper, helped, hours)``."""
        if not self._help:
            return _EMPTY_INT, _EMPTY_INT, _EMPTY_FLOAT
        return self._joined(self._help)

    def together(self) -> tuple[np.ndarray, np.ndarray]:
        """The pairs who met at an activity this week, as ``(a, b)``."""
        if not self._together:
            return _EMPTY_INT, _EMPTY_INT
        return self._joined(self._together)

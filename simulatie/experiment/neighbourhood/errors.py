"""What can go wrong with a user's CBS figures, said in Dutch and in English.

Every problem with a region code, an export or a figure is one :class:`CbsError` that carries its
message in both languages: the command line prints the one the user chose (``--lang``), and
``str()`` gives the English one.
"""

from __future__ import annotations

__all__ = ["CbsError"]


class CbsError(ValueError):
    """A problem with the CBS figures or the region code, in Dutch and English.

    Attributes:
        en: The message in English.
        nl: The message in Dutch.
    """

    def __init__(self, en: str, nl: str) -> None:
        self.en = en
        self.nl = nl
        super().__init__(en)

    def message(self, lang: str = "nl") -> str:
        """Return the message in ``lang`` (``"nl"`` or ``"en"``)."""
        return self.nl if lang == "nl" else self.en

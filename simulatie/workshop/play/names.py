"""Names for the residents a participant reads about: "mevrouw De Vries", "meneer Jansen".

The model's residents have no names; the participatory mode gives each a stable one, so that a
participant can choose whom to ask, invite or connect, and read who asked them. A name depends
on the home and on which resident of that home it is (a newcomer gets another name), never on
the random streams: naming someone changes nothing in the neighbourhood. Whether a resident is
*mevrouw* or *meneer* says nothing about them in the model, which has no sex; it only makes the
names sound like a street's.
"""

from __future__ import annotations

__all__ = ["resident_name"]

SURNAMES = (
    "De Vries", "Jansen", "Bakker", "El Amrani", "Visser", "Peeters", "Smit", "Meijer",
    "De Boer", "Mulder", "Yilmaz", "Bos", "Vos", "Hendriks", "Van Dijk", "Janssens",
    "Dekker", "Maes", "Kaya", "Willems", "Claes", "Van den Berg", "Brouwer", "Bouzid",
    "Koster", "Hoekstra", "Pinas", "Wouters", "Van Leeuwen", "Verhoeven", "Kramer", "Goossens",
    "Öztürk", "Postma", "Sedney", "Mertens", "De Wit", "Haddou", "Van der Linden", "Dijkstra",
)
"""Common surnames in Dutch and Flemish streets."""

_TITLES = {"nl": ("mevrouw", "meneer"), "en": ("Mrs", "Mr")}


def resident_name(home: int, generation: int, lang: str = "nl") -> str:
    """The name of the ``generation``-th resident of ``home``.

    Args:
        home: The home (row of the population).
        generation: Which resident of the home (0: the first).
        lang: ``"nl"`` (``"mevrouw De Vries"``) or ``"en"`` (``"Mrs De Vries"``).

    Returns:
        The name, the same every time for the same resident.
    """
    number = home * 7919 + generation * 104_729  # two primes: neighbours' names differ
    title = _TITLES["nl" if lang == "nl" else "en"][(home + generation) % 2]
    return f"{title} {SURNAMES[number % len(SURNAMES)]}"

"""A table's neighbourhood after a round, as the projector shows it: the map and the time series.

Both pictures come from :mod:`simulatie.dashboard.portrayal`, the same drawing as the run view
(:class:`~simulatie.dashboard.portrayal.MapPainter`,
:class:`~simulatie.dashboard.portrayal.SeriesPainter`). A table records only the metrics the game
compares (:data:`~simulatie.workshop.play.table.KEY_METRICS`) and runs without a baseline arm, so
the metrics the time series draws but the table did not record are passed as missing values: their
lines stay empty.

The projector shows several tables at once, so each table's map and series are drawn compact and
without their legends (the map alone, the series as four small panels); one legend strip for all
of them is drawn once per language (:meth:`Drawings.legend`).

Drawing a figure from nothing takes most of a second per table; the room keeps each table's
painters from round to round (:class:`Drawings`), so that after the first drawing only what
moved is drawn again (the streets, legends and axes are kept), and the time axis spans the whole
game so that it does not move. The first drawing is made in the background as soon as the
facilitator's screen is open (:meth:`Drawings.prepare`), before the first round closes. This
module does not import Solara.
"""

from __future__ import annotations

import io
import math
import threading
from collections.abc import Callable, Mapping, Sequence

from matplotlib.figure import Figure

from simulatie.workshop.play.session import Session
from simulatie.workshop.play.table import Table

from ..portrayal import (
    CARE_SERIES,
    MapPainter,
    SeriesPainter,
    legend_strip,
    series_limits,
    to_png,
)

__all__ = ["SERIES_METRICS", "Drawings", "TablePainters", "figure_png", "padded"]

SERIES_METRICS: tuple[str, ...] = (
    "caring_ties", "lonely_share", "ownership", *CARE_SERIES, "active_volunteers",
    "active_initiators",
)
"""The metrics the time series draws (besides the baseline, which a table does not run)."""


def padded(records: Sequence[Mapping[str, float]]) -> list[dict[str, float]]:
    """The records with every metric of :data:`SERIES_METRICS`, missing ones as NaN."""
    missing = dict.fromkeys(SERIES_METRICS, math.nan)
    return [{**missing, **row} for row in records]


class TablePainters:
    """One table's map and time-series painters in one language, kept from round to round.

    Args:
        table: The table.
        lang: Language of the legends.
        weeks: The game's length in weeks: the time axis spans all of it.
    """

    def __init__(self, table: Table, lang: str, weeks: int) -> None:
        self.table = table
        self.weeks = weeks
        self.map = MapPainter(table.simulation.model.layout, lang, legend=False)
        self.series = SeriesPainter(lang, baseline=False, compact=True)

    def draw(self, title: str) -> tuple[bytes, bytes]:
        """The table's map this week and its time series so far, as PNG bytes."""
        simulation = self.table.simulation
        self.map.update(simulation.model, title)
        records = padded(simulation.records)
        self.series.update(records, {**series_limits(records), "week": self.weeks})
        return self.map.png(), self.series.png()


class Drawings:
    """Every table's pictures after each round, drawn once per round and language.

    Args:
        session: The session whose tables are drawn.

    Attributes:
        lock: Held while drawing; whoever moves a neighbourhood (closing a round) holds it too,
            so nothing moves while it is drawn.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.lock = threading.Lock()
        self._painters: dict[tuple[int, str], TablePainters] = {}
        self._done: dict[tuple[int, int, str], tuple[bytes, bytes]] = {}
        self._prepared: set[str] = set()
        self._legends: dict[str, bytes] = {}

    def legend(self, lang: str) -> bytes:
        """The one legend the projector shows below every table's pictures (PNG), drawn once."""
        with self.lock:
            if lang not in self._legends:
                self._legends[lang] = to_png(legend_strip(lang))
            return self._legends[lang]

    def _painter(self, table: int, lang: str) -> TablePainters:
        key = (table, lang)
        if key not in self._painters:
            weeks = self.session.rounds * self.session.weeks_per_round
            self._painters[key] = TablePainters(self.session.tables[table], lang, weeks)
        return self._painters[key]

    def pictures(self, table: int, lang: str, title: Callable[[int], str]
                 ) -> tuple[bytes, bytes] | None:
        """The table's map and time series after its last round (PNG), or ``None`` before.

        Args:
            table: The table's index.
            lang: Language of the legends.
            title: Makes the map's title from the number of rounds played (called only when the
                map is drawn).
        """
        with self.lock:
            rounds = len(self.session.tables[table].rounds)
            if not rounds:
                return None
            key = (table, rounds, lang)
            if key not in self._done:
                self._done[key] = self._painter(table, lang).draw(title(rounds))
            return self._done[key]

    def prepare(self, lang: str) -> None:
        """Make every table's first drawing in ``lang`` in the background (once)."""
        with self.lock:
            if lang in self._prepared:
                return
            self._prepared.add(lang)

        def draw_all() -> None:
            for table in range(len(self.session.tables)):
                with self.lock:
                    self._painter(table, lang).draw("")

        threading.Thread(target=draw_all, name="workshop-pictures", daemon=True).start()


def figure_png(figure: Figure, dpi: int = 90) -> bytes:
    """Any matplotlib figure (pyplot's or not) as PNG bytes."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    return buffer.getvalue()

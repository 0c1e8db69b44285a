"""The page for the council as data: its words in order, before anything is drawn.

A policy adviser takes one A4 page to the municipal council (*gemeenteraad*): what was changed,
what it brings with its units, the side effects beside it, a figure against the same
neighbourhood with nothing organised, and how firm the answer is. The page's content is built
once as a :class:`CouncilPage` (for a single run by :mod:`simulatie.experiment.council_run`, for a
comparison by :mod:`simulatie.experiment.council_comparison`) and then drawn twice, as a PDF
(:mod:`simulatie.experiment.council_pdf`) and as HTML (:mod:`simulatie.experiment.council_html`),
so tests can read the words without drawing anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from simulatie.core.calendar import WEEKS_PER_YEAR
from simulatie.experiment.wording import fmt, metric_unit, unit_words, years

__all__ = [
    "FIXED",
    "HEADLINE",
    "SIDE_EFFECTS",
    "CouncilPage",
    "Section",
    "after_words",
    "amount",
    "change_words",
    "date_words",
    "duration_words",
]

HEADLINE = "share_with_caring_tie"
"""The measure the page's answer is about."""
SIDE_EFFECTS = ("care_hours_unmet", "lonely_share")
"""The side effects shown beside the headline: unmet care, residents without a close tie."""


@dataclass(frozen=True)
class Section:
    """One part of the page: a heading, its paragraphs and its list.

    Attributes:
        heading: The heading, e.g. ``"Wat is er veranderd?"``.
        paragraphs: Running text, in order, before the list.
        bullets: A list of points after the paragraphs.
        after: Running text after the list.
    """

    heading: str
    paragraphs: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()
    after: tuple[str, ...] = ()

    def texts(self) -> list[str]:
        """Every text of the section, in reading order."""
        return [self.heading, *self.paragraphs, *self.bullets, *self.after]


@dataclass(frozen=True)
class CouncilPage:
    """The whole page, in reading order.

    Attributes:
        lang: ``"nl"`` or ``"en"``.
        kicker: The small line above the title (what kind of page this is).
        title: The title: the neighbourhood or the comparison.
        subtitle: One line under the title: how long, how many runs.
        answer: The short answer in one or two sentences, printed bold.
        before: The sections above the figure.
        caption: The figure's caption (what the lines are).
        after: The sections below the figure.
        footer: Small print at the bottom: what a model is and is not, when it was made.
    """

    lang: str
    kicker: str
    title: str
    subtitle: str
    answer: str
    before: tuple[Section, ...]
    caption: str
    after: tuple[Section, ...]
    footer: tuple[str, ...]

    def texts(self) -> list[str]:
        """Every text on the page, in reading order."""
        texts = [self.kicker, self.title, self.subtitle, self.answer]
        for section in self.before:
            texts += section.texts()
        texts.append(self.caption)
        for section in self.after:
            texts += section.texts()
        return [*texts, *self.footer]

    def text(self) -> str:
        """The page's words as one text, e.g. to search in a test."""
        return "\n".join(self.texts())


FIXED: dict[str, dict[str, str]] = {
    "kicker": {"nl": "Modelberekening voor de gemeenteraad",
               "en": "Model calculation for the municipal council"},
    "changed": {"nl": "Wat is er veranderd?", "en": "What was changed?"},
    "result": {"nl": "Wat levert het op?", "en": "What does it bring?"},
    "side": {"nl": "Bijwerkingen", "en": "Side effects"},
    "firm": {"nl": "Hoe zeker is dit?", "en": "How firm is this?"},
    "baseline": {"nl": "dezelfde buurt zonder project (niets georganiseerd)",
                 "en": "the same neighbourhood with nothing organised"},
    "side_note": {"nl": "{unmet} is zorg die nodig is maar door niemand wordt gegeven. Zonder "
                        "hechte band: geen vriendelijk of zorgzaam contact in de buurt; zo meet "
                        "het model eenzaamheid.",
                  "en": "{unmet} is care that is needed but given by no one. Without a close "
                        "tie: no friendly or caring contact in the neighbourhood; this is how "
                        "the model measures loneliness."},
    "smoothed": {"nl": "De lijnen zijn gemiddelden over vier weken.",
                 "en": "The lines are four-week means."},
    "model": {"nl": "Dit is een modelberekening: een hulpmiddel om over beleid na te denken, geen "
                    "voorspelling van wat er in een echte buurt gebeurt. Percentages zijn "
                    "aandelen van de bewoners; een procentpunt is het verschil tussen twee "
                    "percentages.",
              "en": "This is a model calculation: a tool for thinking about policy, not a "
                    "forecast of what will happen in a real neighbourhood. Percentages are "
                    "shares of the residents; a percentage point is the difference between two "
                    "percentages."},
}
"""Texts every council page shares, in Dutch and English."""


_MORE_LESS: dict[str, dict[str, str]] = {
    "more": {"nl": "{amount} meer", "en": "{amount} more"},
    "less": {"nl": "{amount} minder", "en": "{amount} less"},
    "fewer": {"nl": "{amount} minder", "en": "{amount} fewer"},
    "same": {"nl": "geen verschil", "en": "no difference"},
    "weeks": {"nl": "{n} weken", "en": "{n} weeks"},
    "after_weeks": {"nl": "na {n} weken", "en": "after {n} weeks"},
    "after_years": {"nl": "na {years}", "en": "after {years}"},
}


_MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}


def date_words(stamp: str | datetime | None, lang: str) -> str:
    """A date as people write it: ``"7 december 2026"`` (the text itself if it is no date)."""
    try:
        moment = stamp if isinstance(stamp, datetime) else datetime.fromisoformat(str(stamp))
    except ValueError:
        return str(stamp or "")
    return f"{moment.day} {_MONTHS[lang][moment.month - 1]} {moment.year}"


def after_words(weeks: int, lang: str) -> str:
    """``"na 3 jaar"`` (``"after 3 years"``), or ``"na 26 weken"`` for less than a year."""
    if weeks < WEEKS_PER_YEAR:
        return _MORE_LESS["after_weeks"][lang].format(n=weeks)
    return _MORE_LESS["after_years"][lang].format(years=years(weeks, lang))


def duration_words(weeks: int, lang: str) -> str:
    """``"3 jaar (156 weken)"``, or ``"26 weken"`` for less than a year."""
    if weeks < WEEKS_PER_YEAR:
        return _MORE_LESS["weeks"][lang].format(n=weeks)
    return f"{years(weeks, lang)} ({_MORE_LESS['weeks'][lang].format(n=weeks)})"


def amount(value: float, metric: str, lang: str, difference: bool = False) -> str:
    """A metric's value with its unit: ``"43%"``, ``"3,9 procentpunt"``, ``"10 uur per week"``.

    Args:
        value: The value (a share as a fraction).
        metric: The metric it is a value of.
        lang: ``"nl"`` or ``"en"``.
        difference: Whether it is a difference (shares then in percentage points, no sign).
    """
    if metric_unit(metric) == "share":
        return fmt(value, True, lang, difference=difference).lstrip("+")
    words = unit_words(metric, lang)
    shown = fmt(value, False, lang)
    return f"{shown} {words}" if words and metric_unit(metric) == "hours/week" else shown


def change_words(difference: float, metric: str, lang: str, counted: bool = False) -> str:
    """A difference in words: ``"3,9 procentpunt meer"``, ``"0,2 uur per week minder"``.

    Args:
        difference: The difference (this minus the other; shares as fractions).
        metric: The metric.
        lang: ``"nl"`` or ``"en"``.
        counted: Whether the metric counts people (English then says "fewer").

    Returns:
        The words; ``"geen verschil"`` when the difference rounds to nothing.
    """
    shown = amount(abs(difference), metric, lang, difference=True)
    if shown.split(" ")[0] in ("0", "–"):
        return _MORE_LESS["same"][lang]
    key = "more" if difference > 0 else ("fewer" if counted else "less")
    return _MORE_LESS[key][lang].format(amount=shown)

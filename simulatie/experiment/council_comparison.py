"""The council page of a comparison: what differs between A and B, what it brings, how firm.

A fair comparison (:func:`simulatie.experiment.comparison.compare`) runs policy A and policy B on
the same replications. This page says which settings differ (by their Dutch descriptions, with
both values), the share of residents with a caring tie under A and B with the difference B − A
and its 95% interval, each policy against the same neighbourhood with nothing organised, the side
effects with their differences, and how firm it is: the number of replications, what "duidelijk
verschil" means, and whether more replications are needed before the answer goes to the council.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import pandas as pd

from simulatie.core.parameters import parameter_specs
from simulatie.experiment.comparison import (
    ARMS,
    EXTRA_SHARE,
    LAST_YEAR,
    MEASURES,
    Comparison,
    differing_levers_only,
)
from simulatie.experiment.comparison_words import MAX_SUGGESTED, number, verdict
from simulatie.experiment.council_page import (
    FIXED,
    HEADLINE,
    SIDE_EFFECTS,
    CouncilPage,
    Section,
    after_words,
    date_words,
    duration_words,
)
from simulatie.experiment.council_settings import (
    in_sentence,
    more_settings,
    policy_value,
    scenario_title,
    setting_label,
    setting_value,
)
from simulatie.experiment.wording import check_lang, metric_unit, reader_label, unit_words

__all__ = ["MAX_DIFFERENCES", "comparison_page"]

MAX_DIFFERENCES = 8
"""At most this many differing settings are listed; the rest are counted."""
SIDE_MEASURES = (*SIDE_EFFECTS, "active_volunteers")
"""The side effects of a comparison: unmet care, residents without a close tie, volunteers."""
_SHARES = frozenset(m for m in MEASURES if m == EXTRA_SHARE or metric_unit(m) == "share")
"""Measures the summary holds in percent (their differences in percentage points)."""

_TEXT: dict[str, dict[str, str]] = {
    "and": {"nl": "{a} en {b}", "en": "{a} and {b}"},
    "subtitle": {"nl": "Twee beleidskeuzes vergeleken over {duration}, met {n} herhalingen per "
                       "beleid; in elke herhaling dezelfde buurt met dezelfde toevallige "
                       "gebeurtenissen.",
                 "en": "Two policies compared over {duration}, with {n} replications per "
                       "policy; in each replication the same neighbourhood with the same chance "
                       "events."},
    "answer": {"nl": "{after} hebben met B gemiddeld {change} bewoners een zorgzame band in de "
                     "buurt dan met A ({b} tegen {a}). {verdict}",
               "en": "{after}, with B on average {change} residents have a caring tie in the "
                     "neighbourhood than with A ({b} compared with {a}). {verdict}"},
    "answer_same": {"nl": "{after} hebben met A en B gemiddeld evenveel bewoners een zorgzame "
                          "band in de buurt ({a}). {verdict}",
                    "en": "{after}, with A and B on average as many residents have a caring tie "
                          "in the neighbourhood ({a}). {verdict}"},
    "more": {"nl": "{n} procentpunt meer", "en": "{n} percentage points more"},
    "fewer": {"nl": "{n} procentpunt minder", "en": "{n} percentage points fewer"},
    "clear": {"nl": "Dat is een duidelijk verschil: het 95%-interval van het verschil ({low} tot "
                    "{high} procentpunt) ligt helemaal {side} nul.",
              "en": "That is a clear difference: the 95% interval of the difference ({low} to "
                    "{high} percentage points) lies entirely {side} zero."},
    "above": {"nl": "boven", "en": "above"},
    "below": {"nl": "onder", "en": "below"},
    "unclear": {"nl": "Dat is geen duidelijk verschil: het 95%-interval van het verschil ({low} "
                      "tot {high} procentpunt) omvat nul, dus het kan toeval zijn.",
                "en": "That is no clear difference: the 95% interval of the difference ({low} "
                      "to {high} percentage points) includes zero, so it may be chance."},
    "arms": {"nl": "A: ‘{a}’. B: ‘{b}’.", "en": "A: ‘{a}’. B: ‘{b}’."},
    "same_place": {"nl": "A en B spelen in dezelfde buurt: ‘{title}’, {homes} woningen.",
                   "en": "A and B take place in the same neighbourhood: ‘{title}’, {homes} "
                         "homes."},
    "differ": {"nl": "Ze verschillen alleen in:", "en": "They differ only in:"},
    "differ_more": {"nl": "Ze verschillen in:", "en": "They differ in:"},
    "same": {"nl": "A en B hebben dezelfde instellingen: elk verschil is toeval.",
             "en": "A and B have the same settings: any difference is chance."},
    "item": {"nl": "{label}: A {a}, B {b}", "en": "{label}: A {a}, B {b}"},
    "not_levers": {"nl": "Let op: niet alleen het beleid verschilt, ook de buurt of de aannames. "
                         "Het verschil komt dan niet alleen door het beleid.",
                   "en": "Note: not only the policy differs, but also the neighbourhood or the "
                         "assumptions. The difference is then not due to the policy alone."},
    "both": {"nl": "Voor beide aangepast: {items}.", "en": "Set for both: {items}."},
    "span": {"nl": "Gemiddeld over {span}, met tussen haakjes het 95%-interval over de "
                   "herhalingen:",
             "en": "On average over {span}, with the 95% interval over the replications in "
                   "brackets:"},
    "last_year": {"nl": "het laatste jaar (week {first}–{last})",
                  "en": "the last year (weeks {first}–{last})"},
    "weeks_span": {"nl": "week {first}–{last}", "en": "weeks {first}–{last}"},
    "row": {"nl": "{label}: A {a}, B {b}; verschil B − A {d}: {verdict}.",
            "en": "{label}: A {a}, B {b}; difference B − A {d}: {verdict}."},
    "extra": {"nl": "Verschil met dezelfde buurt zonder project (niets georganiseerd), in "
                    "bewoners met een zorgzame band: A {a}, B {b}.",
              "en": "Difference from the same neighbourhood with nothing organised, in "
                    "residents with a caring tie: A {a}, B {b}."},
    "interval": {"nl": "{value} ({low} tot {high})", "en": "{value} ({low} to {high})"},
    "caption": {"nl": "Lijnen: het gemiddelde van A en van B over de herhalingen, met de "
                      "95%-band. Stippellijn: dezelfde buurt zonder project.{end} {smoothed}",
                "en": "Lines: the mean of A and of B over the replications, with the 95% band. "
                      "Dotted line: the same neighbourhood with nothing organised.{end} "
                      "{smoothed}"},
    "caption_end": {"nl": " Streepjeslijn: einde van de proef ({weeks}).",
                    "en": " Dashed line: the end of the pilot ({weeks})."},
    "end_week": {"nl": "week {week} in {arms}", "en": "week {week} in {arms}"},
    "replications": {"nl": "{n} herhalingen per beleid. In elke herhaling zijn A en B in "
                           "dezelfde buurt doorgerekend, met dezelfde toevallige gebeurtenissen; "
                           "het verschil komt dus alleen door {what}.",
                     "en": "{n} replications per policy. In each replication A and B were "
                           "calculated in the same neighbourhood, with the same chance events; "
                           "so the difference comes only from {what}."},
    "policy": {"nl": "het beleid", "en": "the policy"},
    "settings": {"nl": "de instellingen die verschillen", "en": "the settings that differ"},
    "meaning": {"nl": "Tussen haakjes staat steeds het 95%-interval over de herhalingen. Een "
                      "verschil heet ‘duidelijk verschil’ als dat interval helemaal boven of "
                      "onder nul ligt; anders ‘geen duidelijk verschil’: dan kan het toeval "
                      "zijn.",
                "en": "The brackets always hold the 95% interval over the replications. A "
                      "difference is called a ‘clear difference’ when that interval lies "
                      "entirely above or below zero; otherwise ‘no clear difference’: it may "
                      "then be chance."},
    "advice": {"nl": "Nog niet stevig genoeg voor de raad: het 95%-interval van het verschil "
                     "({width} procentpunt breed) is breder dan het verschil zelf ({size} "
                     "procentpunt). Reken het opnieuw door met ongeveer {n} herhalingen per "
                     "beleid{more} voordat u het voorlegt.",
               "en": "Not yet firm enough for the council: the 95% interval of the difference "
                     "({width} percentage points wide) is wider than the difference itself "
                     "({size} percentage points). Calculate it again with about {n} "
                     "replications per policy{more} before you present it."},
    "advice_size": {"nl": "Het verschil is duidelijk, maar hoe groot het is, is nog onzeker: het "
                          "95%-interval ({width} procentpunt breed) is breder dan het verschil "
                          "zelf ({size} procentpunt). Geef de raad daarom vooral de richting, of "
                          "reken het opnieuw door met ongeveer {n} herhalingen per "
                          "beleid{more}.",
                    "en": "The difference is clear, but how large it is remains uncertain: the "
                          "95% interval ({width} percentage points wide) is wider than the "
                          "difference itself ({size} percentage points). So give the council "
                          "mainly the direction, or calculate it again with about {n} "
                          "replications per policy{more}."},
    "or_more": {"nl": " of meer", "en": " or more"},
    "enough": {"nl": "Het interval is smaller dan het verschil zelf: meer herhalingen zijn voor "
                     "dit oordeel niet nodig.",
               "en": "The interval is narrower than the difference itself: more replications "
                     "are not needed for this verdict."},
    "made": {"nl": "A = ‘{a}’, B = ‘{b}’; {n} herhalingen, hoofdseed {seed}, {weeks} weken; "
                   "berekend op {date}.",
             "en": "A = ‘{a}’, B = ‘{b}’; {n} replications, master seed {seed}, {weeks} weeks; "
                   "calculated on {date}."},
}


def _say(key: str, lang: str, **values: Any) -> str:
    return _TEXT[key][lang].format(**values)


def _rows(comparison: Comparison) -> dict[str, pd.Series]:
    return {row["measure"]: row for _, row in comparison.summary.iterrows()}


def _number(value: float, lang: str, sign: bool = False) -> str:
    """A number with one decimal (a decimal comma in Dutch); ``0,0`` never gets a sign."""
    if abs(value) < 0.05:  # what rounds to zero is shown as zero, not as "−0,0"
        value = 0.0
    return number(value, lang, 1, sign and value != 0.0)


def _points(value: float, lang: str, sign: bool = False) -> str:
    """A number of percentage points (already in points), with a decimal comma in Dutch."""
    return _number(value, lang, sign)


def _value(measure: str, value: float, lang: str, difference: bool = False) -> str:
    """A summary value (shares already in percent) with its unit."""
    if measure == EXTRA_SHARE or (difference and measure in _SHARES):
        points = "procentpunt" if lang == "nl" else "percentage points"
        return f"{_points(value, lang, sign=True)} {points}"
    if measure in _SHARES:
        return f"{_points(value, lang)}%"
    if metric_unit(measure) == "hours/week":
        text = _number(value, lang, difference)
        return f"{text} {unit_words(measure, lang)}"
    return _number(value, lang, difference)


def _with_interval(row: pd.Series, key: str, lang: str, difference: bool = False) -> str:
    """``"55,0% (39,7 tot 70,4)"``: a value and its 95% interval."""
    measure = row["measure"]
    low, high = (("difference_low", "difference_high") if key == "difference"
                 else (f"low_{key}", f"high_{key}"))
    value = row["difference"] if key == "difference" else row[f"mean_{key}"]
    sign = difference or measure == EXTRA_SHARE
    return _say("interval", lang, value=_value(measure, value, lang, difference),
                low=_number(row[low], lang, sign), high=_number(row[high], lang, sign))


def _title(comparison: Comparison, lang: str) -> tuple[str, bool]:
    """The page's title, and whether A and B come from the same scenario file."""
    titles = [scenario_title(arm.record, lang) or arm.name.rsplit(":", 1)[0]
              for arm in comparison.arms]
    files = [arm.record.get("scenario_file") or arm.name.rsplit(":", 1)[0]
             for arm in comparison.arms]
    if files[0] == files[1]:
        return titles[0], True
    return _say("and", lang, a=titles[0], b=titles[1]), False


def _answer(rows: Mapping[str, pd.Series], weeks: int, lang: str) -> str:
    row = rows[HEADLINE]
    after = after_words(weeks, lang)
    after = after[:1].upper() + after[1:]
    low, high = _number(row["difference_low"], lang, True), _number(
        row["difference_high"], lang, True)
    if bool(row["clear"]):
        side = _TEXT["above" if row["difference_low"] > 0 else "below"][lang]
        judged = _say("clear", lang, low=low, high=high, side=side)
    else:
        judged = _say("unclear", lang, low=low, high=high)
    a, b = _value(HEADLINE, row["mean_a"], lang), _value(HEADLINE, row["mean_b"], lang)
    size = _points(abs(row["difference"]), lang)
    if size in ("0,0", "0.0", "—"):
        return _say("answer_same", lang, after=after, a=a, verdict=judged)
    change = _say("more" if row["difference"] > 0 else "fewer", lang, n=size)
    return _say("answer", lang, after=after, change=change, a=a, b=b, verdict=judged)


def _shared_overrides(comparison: Comparison, lang: str) -> list[str]:
    a, b = comparison.arms
    names = [k for k, v in a.overrides.items() if k in b.overrides and b.overrides[k] == v]
    values = a.values()
    return [f"{in_sentence(setting_label(n, lang))}: {setting_value(n, values[n], lang)}"
            for n in names if n in parameter_specs() and n != "residents"]  # said already


def _compared(comparison: Comparison, title: str, same_file: bool, lang: str) -> Section:
    differing = comparison.differing()
    paragraphs = []
    if same_file:
        homes = comparison.arms[0].values()["residents"]
        paragraphs.append(_say("same_place", lang, title=title, homes=homes))
    else:
        paragraphs.append(_say("arms", lang, a=scenario_title(comparison.arms[0].record, lang)
                               or comparison.arms[0].name,
                               b=scenario_title(comparison.arms[1].record, lang)
                               or comparison.arms[1].name))
    levers_only = differing_levers_only(comparison)
    if not differing:
        paragraphs.append(_TEXT["same"][lang])
    else:
        paragraphs.append(_TEXT["differ" if levers_only else "differ_more"][lang])
    values = [arm.values() for arm in comparison.arms]
    bullets = [_say("item", lang, label=setting_label(name, lang),
                    a=policy_value(name, values[0], lang), b=policy_value(name, values[1], lang))
               for name in differing]
    after = []
    if differing and not levers_only:
        after.append(_TEXT["not_levers"][lang])
    shared = _shared_overrides(comparison, lang)
    if shared:
        after.append(_say("both", lang, items="; ".join(more_settings(shared, lang, 4))))
    return Section(FIXED["changed"][lang], tuple(paragraphs),
                   tuple(more_settings(bullets, lang, MAX_DIFFERENCES)), tuple(after))


def _row_line(row: pd.Series, lang: str) -> str:
    return _say("row", lang, label=reader_label(row["measure"], lang),
                a=_with_interval(row, "a", lang), b=_with_interval(row, "b", lang),
                d=_with_interval(row, "difference", lang, difference=True),
                verdict=verdict(bool(row["clear"]), lang))


def _span(comparison: Comparison, lang: str) -> str:
    first, last = comparison.last_year
    key = "last_year" if last - first + 1 == LAST_YEAR else "weeks_span"
    return _say(key, lang, first=first, last=last)


def _result(comparison: Comparison, rows: Mapping[str, pd.Series], lang: str) -> Section:
    bullets = [_row_line(rows[HEADLINE], lang)]
    after = []
    if EXTRA_SHARE in rows:
        extra = rows[EXTRA_SHARE]
        after.append(_say("extra", lang, a=_with_interval(extra, "a", lang),
                          b=_with_interval(extra, "b", lang)))
    return Section(FIXED["result"][lang], (_say("span", lang, span=_span(comparison, lang)),),
                   tuple(bullets), tuple(after))


def _side_effects(rows: Mapping[str, pd.Series], lang: str) -> Section:
    bullets = [_row_line(rows[m], lang) for m in SIDE_MEASURES if m in rows]
    note = FIXED["side_note"][lang].format(unmet=reader_label("care_hours_unmet", lang))
    return Section(FIXED["side"][lang], (), tuple(bullets), (note,))


def _advice(comparison: Comparison, lang: str) -> str:
    needed = comparison.replications_needed()
    if needed is None:
        return _TEXT["enough"][lang]
    row = comparison.headline()
    width = row["difference_high"] - row["difference_low"]
    key = "advice_size" if bool(row["clear"]) else "advice"
    return _say(key, lang, width=_points(width, lang),
                size=_points(abs(row["difference"]), lang), n=min(needed, MAX_SUGGESTED),
                more=_TEXT["or_more"][lang] if needed > MAX_SUGGESTED else "")


def _firmness(comparison: Comparison, lang: str) -> Section:
    what = _TEXT["policy" if differing_levers_only(comparison) else "settings"][lang]
    return Section(FIXED["firm"][lang], (
        _say("replications", lang, n=comparison.replications, what=what),
        _TEXT["meaning"][lang], _advice(comparison, lang)))


def _caption(comparison: Comparison, lang: str) -> str:
    ends: dict[int, list[str]] = {}
    for key, arm in zip(ARMS, comparison.arms, strict=True):
        params = arm.parameters
        if str(params.funding) == "pilot" and params.pilot_weeks <= comparison.weeks:
            ends.setdefault(params.pilot_weeks, []).append(key)
    end = ""
    if ends:
        weeks = ", ".join(_say("end_week", lang, week=week, arms=" + ".join(keys))
                          for week, keys in sorted(ends.items()))
        end = _say("caption_end", lang, weeks=weeks)
    return _say("caption", lang, end=end, smoothed=FIXED["smoothed"][lang])


def comparison_page(comparison: Comparison, lang: str = "nl",
                    made: datetime | str | None = None) -> CouncilPage:
    """The council page of a comparison of two policies, as data.

    Args:
        comparison: From :func:`simulatie.experiment.comparison.compare`.
        lang: ``"nl"`` or ``"en"``.
        made: When it was calculated, a time or its ISO text (default: now).

    Returns:
        The page's words in order.

    Raises:
        ValueError: If ``lang`` is not ``"nl"`` or ``"en"``.
    """
    check_lang(lang)
    rows = _rows(comparison)
    title, same_file = _title(comparison, lang)
    made_text = _say("made", lang, a=comparison.arms[0].name, b=comparison.arms[1].name,
                     n=comparison.replications, seed=comparison.seed, weeks=comparison.weeks,
                     date=date_words(made or datetime.now(UTC), lang))
    return CouncilPage(
        lang=lang,
        kicker=FIXED["kicker"][lang],
        title=title,
        subtitle=_say("subtitle", lang, duration=duration_words(comparison.weeks, lang),
                      n=comparison.replications),
        answer=_answer(rows, comparison.weeks, lang),
        before=(_compared(comparison, title, same_file, lang), _result(comparison, rows, lang),
                _side_effects(rows, lang)),
        caption=_caption(comparison, lang),
        after=(_firmness(comparison, lang),),
        footer=(FIXED["model"][lang], made_text),
    )

"""The council page of one run: what was organised, what it brings, and that it is one draw.

A single run is set beside its own baseline: the same neighbourhood, on the same seed, with
nothing organised (the run's ``baseline_`` columns). The page says what was organised there (the
policy levers whose value differs from their value with nothing organised, by their Dutch
descriptions), what the neighbourhood is like where it differs from an average one, the share of
residents with a caring tie over the last year against the baseline, the side effects (unmet care,
residents without a close tie) and, plainly, that one run is one draw of chance and that a fair
comparison with replications is what a council decision needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from simulatie.core.calendar import WEEKS_PER_YEAR
from simulatie.core.observe.measures import BASELINE_PREFIX
from simulatie.core.parameters import Role, baseline_parameters, make_parameters, parameter_specs
from simulatie.experiment.council_page import (
    FIXED,
    HEADLINE,
    SIDE_EFFECTS,
    CouncilPage,
    Section,
    after_words,
    amount,
    change_words,
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
from simulatie.experiment.explanation import CLEAR_EXCESS, why_sentence
from simulatie.experiment.wording import check_lang, reader_label, years

__all__ = ["MAX_LEVERS", "MAX_TRAITS", "run_page"]

MAX_LEVERS = 8
"""At most this many organised settings are listed; the rest are counted."""
MAX_TRAITS = 4
"""At most this many traits of the neighbourhood are named; the rest are counted."""
COMMAND_LINE = "command line"
"""The source of a value set for this run only (as the scenario loader records it)."""

_TEXT: dict[str, dict[str, str]] = {
    "subtitle": {"nl": "Eén berekening over {duration}{pilot}, naast dezelfde buurt zonder "
                       "project.",
                 "en": "One calculation over {duration}{pilot}, beside the same neighbourhood "
                       "with nothing organised."},
    "pilot": {"nl": ", met een proef van {years}", "en": ", with a pilot of {years}"},
    "answer": {"nl": "{after} hebben in deze berekening {change} bewoners een zorgzame band in "
                     "de buurt dan in dezelfde buurt zonder project ({run} tegen {base}).",
               "en": "{after}, in this calculation {change} residents have a caring tie in the "
                     "neighbourhood than in the same neighbourhood with nothing organised "
                     "({run} compared with {base})."},
    "answer_same": {"nl": "{after} hebben in deze berekening ongeveer evenveel bewoners een "
                          "zorgzame band in de buurt als in dezelfde buurt zonder project ({run} "
                          "tegen {base}).",
                    "en": "{after}, in this calculation about as many residents have a caring "
                          "tie in the neighbourhood as in the same neighbourhood with nothing "
                          "organised ({run} compared with {base})."},
    "answer_alone": {"nl": "{after} heeft in deze berekening {run} van de bewoners een zorgzame "
                           "band in de buurt.",
                     "en": "{after}, in this calculation {run} of the residents have a caring "
                           "tie in the neighbourhood."},
    "one_draw_short": {"nl": "Dit is één berekening, één trekking van het toeval.",
                       "en": "This is one calculation, one draw of chance."},
    "neighbourhood": {"nl": "Buurt: ‘{title}’, {homes} woningen.",
                      "en": "Neighbourhood: ‘{title}’, {homes} homes."},
    "organised": {"nl": "Georganiseerd (tussen haakjes de waarde in dezelfde buurt zonder "
                        "project):",
                  "en": "Organised (in brackets the value in the same neighbourhood with "
                        "nothing organised):"},
    "nothing": {"nl": "Er is niets georganiseerd: deze berekening is de buurt zelf.",
                "en": "Nothing was organised: this calculation is the neighbourhood by itself."},
    "without": {"nl": "zonder project: {value}", "en": "with nothing organised: {value}"},
    "traits": {"nl": "Anders dan in een gemiddelde buurt: {items}.",
               "en": "Unlike an average neighbourhood: {items}."},
    "set_here": {"nl": "Voor deze berekening aangepast: {items}.",
                 "en": "Set for this calculation: {items}."},
    "numbers": {"nl": "Gemiddeld over {span}: {run} van de bewoners heeft een zorgzame band in "
                      "de buurt; in dezelfde buurt zonder project is dat {base}.",
                "en": "On average over {span}: {run} of the residents have a caring tie in the "
                      "neighbourhood; in the same neighbourhood with nothing organised it is "
                      "{base}."},
    "numbers_alone": {"nl": "Gemiddeld over {span}: {run} van de bewoners heeft een zorgzame "
                            "band in de buurt.",
                      "en": "On average over {span}: {run} of the residents have a caring tie "
                            "in the neighbourhood."},
    "last_year": {"nl": "het laatste jaar (week {first}–{last})",
                  "en": "the last year (weeks {first}–{last})"},
    "whole_run": {"nl": "de hele berekening (week {first}–{last})",
                  "en": "the whole calculation (weeks {first}–{last})"},
    "emerged": {"nl": "Vanaf week {week}{after} zijn er duidelijk meer zorgzame banden dan "
                      "zonder project.",
                "en": "From week {week}{after} there are clearly more caring ties than with "
                      "nothing organised."},
    "not_emerged": {"nl": "In deze berekening komen er in geen enkel kwartaal duidelijk meer "
                          "zorgzame banden dan zonder project.",
                    "en": "In this calculation there is no quarter with clearly more caring ties "
                          "than with nothing organised."},
    "ended": {"nl": "De proef stopte in week {week} ({after}).",
              "en": "The pilot ended in week {week} ({after})."},
    "halved": {"nl": "De proef stopte in week {week} ({after}); daarna was het verschil met "
                     "zonder project in {weeks} weken gehalveerd.",
               "en": "The pilot ended in week {week} ({after}); after that the difference from "
                     "nothing organised halved in {weeks} weeks."},
    "ended_before": {"nl": " De cijfers hierboven gaan over de tijd ná de proef.",
                     "en": " The numbers above are about the time after the pilot."},
    "side": {"nl": "{label}: {run}; zonder project {base} ({change}).",
             "en": "{label}: {run}; with nothing organised {base} ({change})."},
    "side_alone": {"nl": "{label}: {run}.", "en": "{label}: {run}."},
    "caption": {"nl": "Doorgetrokken lijn: deze berekening. Stippellijn: dezelfde buurt zonder "
                      "project, met dezelfde toevallige gebeurtenissen.{end} {smoothed}",
                "en": "Solid line: this calculation. Dotted line: the same neighbourhood with "
                      "nothing organised, with the same chance events.{end} {smoothed}"},
    "caption_end": {"nl": " Streepjeslijn: einde van de proef (week {week}).",
                    "en": " Dashed line: the end of the pilot (week {week})."},
    "one_draw": {"nl": "Dit is één berekening: één trekking van het toeval. Met een andere "
                       "trekking kan het verschil groter of kleiner zijn, of zelfs omgekeerd. "
                       "Gebruik één berekening om te verkennen, niet om te beslissen.",
                 "en": "This is one calculation: one draw of chance. Another draw can give a "
                       "larger or smaller difference, or even the opposite. Use one calculation "
                       "to explore, not to decide."},
    "compare": {"nl": "Voor een antwoord aan de raad: vergelijk het beleid eerlijk, met "
                      "herhalingen op dezelfde toevallige gebeurtenissen en een 95%-interval, met "
                      "de opdracht ‘simulatie vergelijk’. Die zegt ook of een verschil duidelijk "
                      "is.",
                "en": "For an answer to the council: compare the policies fairly, with "
                      "replications on the same chance events and a 95% interval, with the "
                      "command ‘simulatie compare’. It also says whether a difference is clear."},
    "made": {"nl": "Scenario ‘{name}’, seed {seed}, {weeks} weken; berekend op {date}.",
             "en": "Scenario ‘{name}’, seed {seed}, {weeks} weeks; calculated on {date}."},
}


def _say(key: str, lang: str, **values: Any) -> str:
    return _TEXT[key][lang].format(**values)


def _parameters(metadata: Mapping[str, Any]) -> dict[str, Any]:
    """The run's parameters, complete (a record may list only some; the rest are defaults)."""
    given = metadata.get("parameters") or {}
    specs = parameter_specs()
    values = {name: spec.default for name, spec in specs.items()}
    values.update({k: v for k, v in given.items() if k in specs})
    return values


def _baseline_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """Each parameter's value in the same neighbourhood with nothing organised."""
    try:
        return baseline_parameters(make_parameters(dict(values))).model_dump(mode="json")
    except ValueError:  # a partial or older record: the declared baseline values
        specs = parameter_specs()
        return {name: spec.baseline if spec.has_baseline else values[name]
                for name, spec in specs.items()}


def _order(names: list[str], sources: Mapping[str, str]) -> list[str]:
    """Settings made for this run first, then those of the scenario, then the defaults."""
    def rank(name: str) -> int:
        source = sources.get(name, "default")
        return 0 if source == COMMAND_LINE else (2 if source == "default" else 1)
    return sorted(names, key=rank)


def _organised(values: Mapping[str, Any], base: Mapping[str, Any], sources: Mapping[str, str],
               lang: str) -> list[str]:
    """One line per lever that differs from its value with nothing organised."""
    specs = parameter_specs()
    names = [n for n, s in specs.items() if s.role is Role.LEVER and values[n] != base[n]]
    lines = []
    for name in _order(names, sources):
        shown = policy_value(name, values, lang)
        if base[name] == specs[name].default:
            # A lever that acts only through an intervention (how it is funded, how its
            # volunteers are recruited): with nothing organised it has no value worth naming.
            lines.append(f"{setting_label(name, lang)}: {shown}")
            continue
        without = _say("without", lang, value=setting_value(name, base[name], lang))
        lines.append(f"{setting_label(name, lang)}: {shown} ({without})")
    return lines


def _traits(values: Mapping[str, Any], base: Mapping[str, Any], sources: Mapping[str, str],
            lang: str) -> tuple[list[str], list[str]]:
    """The neighbourhood's settings that differ from the defaults: of the scenario, and set here.

    Levers that are the same with nothing organised (formal care capacity) count as the
    neighbourhood's, since the baseline keeps them too.
    """
    specs = parameter_specs()
    scenario, here = [], []
    for name, spec in specs.items():
        if name in ("residents", "pilot_weeks") or values[name] == spec.default:
            continue
        if spec.role is Role.LEVER and values[name] != base[name]:
            continue  # organised: listed above
        shown = setting_value(name, values[name], lang)
        line = f"{in_sentence(setting_label(name, lang))}: {shown}"
        (here if sources.get(name) == COMMAND_LINE else scenario).append(line)
    return scenario, here


def _changed(metadata: Mapping[str, Any], title: str, lang: str) -> Section:
    values = _parameters(metadata)
    base = _baseline_values(values)
    sources = metadata.get("sources") or {}
    organised = _organised(values, base, sources, lang)
    scenario, here = _traits(values, base, sources, lang)
    paragraphs = [_say("neighbourhood", lang, title=title, homes=values["residents"])]
    paragraphs.append(_say("organised" if organised else "nothing", lang))
    after = []
    if scenario:
        after.append(_say("traits", lang, items="; ".join(more_settings(scenario, lang,
                                                                        MAX_TRAITS))))
    if here:
        after.append(_say("set_here", lang, items="; ".join(more_settings(here, lang,
                                                                          MAX_TRAITS))))
    return Section(FIXED["changed"][lang], tuple(paragraphs),
                   tuple(more_settings(organised, lang, MAX_LEVERS)), tuple(after))


def _span(timeseries: pd.DataFrame, lang: str) -> tuple[pd.Series, str]:
    """The means over the last year (or the whole run, if shorter) and how to name that span."""
    tail = timeseries[timeseries["week"] > 0].tail(WEEKS_PER_YEAR)
    if tail.empty:
        tail = timeseries.tail(1)
    first, last = int(tail["week"].iloc[0]), int(tail["week"].iloc[-1])
    key = "last_year" if len(tail) == WEEKS_PER_YEAR else "whole_run"
    return tail.mean(numeric_only=True), _say(key, lang, first=first, last=last)


def _has_baseline(means: pd.Series, metric: str) -> bool:
    column = f"{BASELINE_PREFIX}{metric}"
    return column in means.index and bool(np.isfinite(means[column]))


def _answer(means: pd.Series, weeks: int, lang: str) -> str:
    after = after_words(weeks, lang)
    after = after[:1].upper() + after[1:]
    run = amount(float(means[HEADLINE]), HEADLINE, lang)
    if not _has_baseline(means, HEADLINE):
        return f"{_say('answer_alone', lang, after=after, run=run)} " \
               f"{_TEXT['one_draw_short'][lang]}"
    base_value = float(means[BASELINE_PREFIX + HEADLINE])
    base = amount(base_value, HEADLINE, lang)
    difference = float(means[HEADLINE]) - base_value
    if abs(difference) < CLEAR_EXCESS:
        text = _say("answer_same", lang, after=after, run=run, base=base)
    else:
        change = change_words(difference, HEADLINE, lang, counted=True)
        text = _say("answer", lang, after=after, change=change, run=run, base=base)
    return f"{text} {_TEXT['one_draw_short'][lang]}"


def _pilot(metadata: Mapping[str, Any], summary: Mapping[str, Any], last: int, first: int,
           lang: str) -> str | None:
    """When a pilot ended in the run: when, and how fast the difference halved after."""
    ended = metadata.get("support_ended_week")
    if ended is None or ended > last:
        return None
    half = summary.get("half_life_weeks")
    halved = half is not None and bool(np.isfinite(half))
    text = _say("halved" if halved else "ended", lang, week=int(ended),
                after=after_words(int(ended), lang), weeks=int(half) if halved else 0)
    return text + (_TEXT["ended_before"][lang] if ended < first else "")


def _result(timeseries: pd.DataFrame, means: pd.Series, span: str,
            metadata: Mapping[str, Any], lang: str) -> Section:
    run = amount(float(means[HEADLINE]), HEADLINE, lang)
    paragraphs = []
    if _has_baseline(means, HEADLINE):
        base = amount(float(means[BASELINE_PREFIX + HEADLINE]), HEADLINE, lang)
        paragraphs.append(_say("numbers", lang, span=span, run=run, base=base))
        summary = metadata.get("summary") or {}
        if "emergence_week" in summary:
            week = summary["emergence_week"]
            if week is not None and np.isfinite(week):
                after = (f" ({after_words(int(week), lang)})" if week >= WEEKS_PER_YEAR
                         else "")
                paragraphs.append(_say("emerged", lang, week=int(week), after=after))
            else:
                paragraphs.append(_TEXT["not_emerged"][lang])
        why = why_sentence(timeseries, lang)
        if why:
            paragraphs.append(why)
        weeks = timeseries["week"]
        tail_first = int(weeks[weeks > 0].tail(WEEKS_PER_YEAR).min()) if len(weeks) > 1 else 0
        pilot = _pilot(metadata, summary, int(weeks.max()), tail_first, lang)
        if pilot:
            paragraphs.append(pilot)
    else:
        paragraphs.append(_say("numbers_alone", lang, span=span, run=run))
    return Section(FIXED["result"][lang], tuple(paragraphs))


def _side_effects(means: pd.Series, lang: str) -> Section:
    bullets = []
    for metric in SIDE_EFFECTS:
        if metric not in means.index:
            continue
        label, run = reader_label(metric, lang), amount(float(means[metric]), metric, lang)
        if _has_baseline(means, metric):
            base_value = float(means[BASELINE_PREFIX + metric])
            change = change_words(float(means[metric]) - base_value, metric, lang,
                                  counted=metric == "lonely_share")
            bullets.append(_say("side", lang, label=label, run=run,
                                base=amount(base_value, metric, lang), change=change))
        else:
            bullets.append(_say("side_alone", lang, label=label, run=run))
    note = FIXED["side_note"][lang].format(unmet=reader_label("care_hours_unmet", lang))
    return Section(FIXED["side"][lang], (), tuple(bullets), (note,))


def run_page(timeseries: pd.DataFrame, metadata: Mapping[str, Any], lang: str = "nl",
             title: str | None = None) -> CouncilPage:
    """The council page of one run, as data.

    Args:
        timeseries: The run's weekly table, with its ``baseline_`` columns.
        metadata: The run's record as written to ``metadata.json``: ``parameters``, ``seed``,
            ``summary``, ``support_ended_week``, ``timestamp`` and, from the scenario loader,
            ``scenario``, ``scenario_file`` and ``sources``.
        lang: ``"nl"`` or ``"en"``.
        title: The neighbourhood's name on the page (default: the scenario file's title).

    Returns:
        The page's words in order.

    Raises:
        ValueError: If ``lang`` is not ``"nl"`` or ``"en"``.
    """
    check_lang(lang)
    name = str(metadata.get("scenario") or "")
    title = title or scenario_title(metadata, lang) or name or FIXED["kicker"][lang]
    weeks = int(timeseries["week"].max())
    values = _parameters(metadata)
    ended = metadata.get("support_ended_week")
    pilot = ""
    if values.get("funding") == "pilot":
        pilot = _say("pilot", lang, years=years(int(values["pilot_weeks"]), lang)
                     if values["pilot_weeks"] >= WEEKS_PER_YEAR // 2
                     else setting_value("pilot_weeks", values["pilot_weeks"], lang))
    means, span = _span(timeseries, lang)
    end = (_say("caption_end", lang, week=int(ended))
           if ended is not None and ended <= weeks else "")
    made = _say("made", lang, name=name or "–", seed=metadata.get("seed", "–"), weeks=weeks,
                date=date_words(metadata.get("timestamp"), lang))
    return CouncilPage(
        lang=lang,
        kicker=FIXED["kicker"][lang],
        title=title,
        subtitle=_say("subtitle", lang, duration=duration_words(weeks, lang), pilot=pilot),
        answer=_answer(means, weeks, lang),
        before=(_changed(metadata, title, lang), _result(timeseries, means, span, metadata, lang),
                _side_effects(means, lang)),
        caption=_say("caption", lang, end=end, smoothed=FIXED["smoothed"][lang]),
        after=(Section(FIXED["firm"][lang], (_TEXT["one_draw"][lang], _TEXT["compare"][lang])),),
        footer=(FIXED["model"][lang], made),
    )

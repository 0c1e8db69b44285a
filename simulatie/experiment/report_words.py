"""A sweep's findings in words, in Dutch or English, for readers who are not modellers.

:mod:`simulatie.experiment.report_effects` computes what each varied parameter changed; this
module says it: which setting moved which outcome, by how much (shares in percentage points,
*procentpunt*; care in hours per week; counts in numbers), with the 95% interval, and how firm
that is. Settings are named by their short labels (``Welzijnswerkers``), with the name to type
(``professionals``) where the report introduces them. :func:`report_blocks` builds the whole
report (what was done, the findings in brief, one section per parameter, how sure it is and which
files hold what), which :mod:`simulatie.experiment.report_document` writes as ``report.md`` and
``report.html``. Numbers are formatted by :mod:`simulatie.experiment.wording`, so they read as
everywhere else.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from simulatie.core.observe.measures import BASELINE_PREFIX, MEASURE_LABELS
from simulatie.core.parameters import ROLE_LABELS, choice_label, parameter_specs
from simulatie.experiment.report_document import Block, Bullets, Figure, Heading, Paragraph, Table
from simulatie.experiment.report_effects import (
    EMERGED,
    FEW_RUNS,
    OUTCOMES,
    RESAMPLES,
    Effect,
    Estimate,
    Firmness,
    Interaction,
    measure_unit,
)
from simulatie.experiment.wording import UNIT_WORDS, decimal, fmt, reader_label, years

if TYPE_CHECKING:
    from simulatie.experiment.sweep_results import SweepResults

__all__ = [
    "MAX_BRIEF",
    "amount",
    "brief",
    "firmness_words",
    "interaction_sentence",
    "outcome_label",
    "parameter_findings",
    "report_blocks",
    "setting",
    "short_label",
    "value",
]

MAX_BRIEF = 12
"""At most this many findings are listed in brief (every one is in its parameter's section)."""
MAX_INTERACTIONS = 3
"""At most this many pairs of parameters whose effects depend on each other are named in brief,
each with at most this many outcomes (the largest differences first)."""
_COUNTS = ("ties", "people", "activities", "places")
_YES_NO = {"nl": ("ja", "nee"), "en": ("yes", "no")}

_LABELS = {
    "caring_excess_final": {
        "nl": "Extra aandeel bewoners met een zorgzame band t.o.v. niets georganiseerd "
              "(laatste jaar)",
        "en": "Extra share of residents with a caring tie over nothing organised (last year)"},
    EMERGED: {"nl": "Kans dat zorgzame banden ontstaan (aandeel runs)",
              "en": "Chance that caring ties emerge (share of runs)"},
}
_SHORT = {
    "caring_excess_final": {"nl": "extra aandeel met een zorgzame band t.o.v. niets "
                                  "georganiseerd",
                            "en": "extra share with a caring tie over nothing organised"},
    EMERGED: {"nl": "kans dat zorgzame banden ontstaan", "en": "chance that caring ties emerge"},
}
_MORE = {  # per unit: (up, down)
    "share": {"nl": ("hoger", "lager"), "en": ("higher", "lower")},
    "hours/week": {"nl": ("meer", "minder"), "en": ("more", "fewer")},
    "count": {"nl": ("meer", "minder"), "en": ("more", "fewer")},
    "weeks": {"nl": ("later", "eerder"), "en": ("later", "earlier")},
    "other": {"nl": ("hoger", "lager"), "en": ("higher", "lower")},
}
_PARAMETER_UNITS = {
    "hours/week": UNIT_WORDS["hours/week"],
    "weeks": {"nl": "weken", "en": "weeks"},
    "1/year": {"nl": "per jaar", "en": "a year"},
    "hours": {"nl": "uur", "en": "hours"},
}
_T: dict[str, dict[str, str]] = {
    "title": {"nl": "Wat de simulaties laten zien", "en": "What the simulations show"},
    "meaning": {"nl": "Wat de uitkomsten betekenen", "en": "What the outcomes mean"},
    "done": {"nl": "Wat er is gedaan", "en": "What was done"},
    "brief": {"nl": "In het kort", "en": "In brief"},
    "per": {"nl": "Per instelling", "en": "Per setting"},
    "sure": {"nl": "Hoe zeker is dit?", "en": "How sure is this?"},
    "files": {"nl": "Bestanden", "en": "Files"},
    "points": {"nl": "procentpunt", "en": "percentage points"},
    "point": {"nl": "procentpunt", "en": "percentage point"},
    "weeks": {"nl": "weken", "en": "weeks"},
    "baseline": {"nl": "als niets georganiseerd wordt", "en": "with nothing organised"},
    "to": {"nl": "tot", "en": "to"},
    "and": {"nl": "en", "en": "and"},
    "interval": {"nl": "95%-interval", "en": "95% interval"},
    "from_to": {"nl": "**{p} van {a} naar {b}**", "en": "**{p} from {a} to {b}**"},
    "low_high": {"nl": "**{p} laag ({a}) tegenover hoog ({b})**",
                 "en": "**{p} low ({a}) against high ({b})**"},
    "brief_intro": {
        "nl": "Wat er verandert als een instelling van de ene waarde naar de andere gaat "
              "(uitkomsten na {years}; tussen haakjes het 95%-interval):",
        "en": "What changes when a setting goes from one value to the other (outcomes after "
              "{years}; in brackets the 95% interval):"},
    "no_clear_on": {"nl": "Geen duidelijk effect op: {items}.",
                    "en": "No clear effect on: {items}."},
    "no_difference": {"nl": "geen verschil", "en": "no difference"},
    "clear": {"nl": "Duidelijk.", "en": "Clear."},
    "few": {"nl": "Waarschijnlijk, maar weinig runs ({n}).",
            "en": "Likely, but few runs ({n})."},
    "unclear": {"nl": "Onduidelijk: het verschil kan toeval zijn{few}.",
                "en": "Unclear: the difference may be chance{few}."},
    "unknown": {"nl": "Niet te zeggen: te weinig runs ({n}).",
                "en": "Cannot tell: too few runs ({n})."},
    "none": {"nl": "Geen verschil: in elke herhaling precies gelijk.",
             "en": "No difference: exactly equal in every replication."},
    "few_note": {"nl": "; weinig runs ({n})", "en": "; few runs ({n})"},
    "replications": {"nl": "{n} herhalingen", "en": "{n} replications"},
    "runs": {"nl": "{n} runs", "en": "{n} runs"},
    "groups": {"nl": "{n} combinaties per groep", "en": "{n} design points per group"},
    "replications_1": {"nl": "1 herhaling", "en": "1 replication"},
    "runs_1": {"nl": "1 run", "en": "1 run"},
    "groups_1": {"nl": "1 combinatie per groep", "en": "1 design point per group"},
    "undefined": {"nl": " {n} runs zonder waarde zijn weggelaten.",
                  "en": " {n} runs without a value were left out."},
    "nothing_clear": {
        "nl": "{subject}: geen duidelijk effect op deze uitkomsten{few}.",
        "en": "{subject}: no clear effect on these outcomes{few}."},
    "depends": {
        "nl": "Het effect van **{p}** hangt af van **{q}**: {items}.",
        "en": "The effect of **{p}** depends on **{q}**: {items}."},
    "depends_item": {
        "nl": "{label}: {at_lo} als {q} {lo} is, maar {at_hi} als {q} {hi} is",
        "en": "{label}: {at_lo} with {q} at {lo}, but {at_hi} with {q} at {hi}"},
    "more_runs": {
        "nl": "Let op: met {n} herhalingen per combinatie zijn dit weinig runs. Voor stevigere "
              "conclusies: draai de sweep opnieuw met meer herhalingen (`replications` in het "
              "experimentbestand, bijvoorbeeld {more}).",
        "en": "Note: with {n} replications per design point these are few runs. For firmer "
              "conclusions, run the sweep again with more replications (`replications` in the "
              "experiment file, for example {more})."},
    "influence": {
        "nl": "Volgens de gevoeligheidsanalyse (`sensitivity.csv`) hebben deze instellingen de "
              "meeste invloed, de grootste eerst: {names}.",
        "en": "By the sensitivity analysis (`sensitivity.csv`) these settings have the most "
              "influence, largest first: {names}."},
    "column_outcome": {"nl": "Uitkomst", "en": "Outcome"},
    "column_at": {"nl": "bij {v}", "en": "at {v}"},
    "column_difference": {"nl": "Verschil (95%-interval)", "en": "Difference (95% interval)"},
    "column_firm": {"nl": "Hoe zeker", "en": "How sure"},
    "compared": {
        "nl": "Vergeleken: {p} {a} tegenover {b}{over}.",
        "en": "Compared: {p} {a} against {b}{over}."},
    "over": {"nl": ", gemiddeld over de waarden van {names}",
             "en": ", averaged over the values of {names}"},
    "sampled": {
        "nl": "Vergeleken: de combinaties met {p} in het laagste kwart van de gekozen waarden "
              "({a}) tegenover die in het hoogste kwart ({b}). De andere instellingen varieerden "
              "tegelijk: dit is een ruw beeld.",
        "en": "Compared: the design points with {p} in the lowest quarter of the sampled "
              "values ({a}) against those in the highest quarter ({b}). The other settings "
              "varied at the same time: this is a rough picture."},
    "figure": {"nl": "De belangrijkste uitkomsten tegen {p}: elke run een stip",
               "en": "The key outcomes against {p}: every run a dot"},
    "figure_means": {"nl": "; gemiddelde en 95%-interval per waarde",
                     "en": "; mean and 95% interval per value"},
}
_DONE = {
    "scenario": {"nl": "Buurt: scenario `{s}`.", "en": "Neighbourhood: scenario `{s}`."},
    "fixed": {"nl": "Vast voor alle runs: {items}.", "en": "Fixed for every run: {items}."},
    "varied": {"nl": "**{short}** (`{p}`) — {label} ({role}): {values}.",
               "en": "**{short}** (`{p}`) — {label} ({role}): {values}."},
    "many": {"nl": "{n} instellingen gevarieerd; hieronder de {shown} met de meeste invloed.",
             "en": "{n} settings varied; below the {shown} with the most influence."},
    "factorial": {
        "nl": "Elke combinatie van deze waarden: {points} combinaties × {reps} = {runs} runs "
              "van elk {years} ({weeks} weken).",
        "en": "Every combination of these values: {points} design points × {reps} = {runs} "
              "runs of {years} each ({weeks} weeks)."},
    "design": {
        "nl": "{method}: {points} combinaties × {reps} = {runs} runs van elk {years} "
              "({weeks} weken).",
        "en": "{method}: {points} design points × {reps} = {runs} runs of {years} each "
              "({weeks} weeks)."},
    "reps": {"nl": ("{n} herhaling", "{n} herhalingen"),
             "en": ("{n} replication", "{n} replications")},
    "crn": {
        "nl": "Herhaling 1, 2, … kreeg bij elke combinatie hetzelfde toeval (dezelfde seed; "
              "hoofdseed {seed}): verschillen tussen combinaties komen door de instellingen, "
              "niet door toeval.",
        "en": "Replication 1, 2, … had the same chance events at every design point (the same "
              "seed; master seed {seed}): differences between design points come from the "
              "settings, not from chance."},
    "crn_one": {
        "nl": "Elke combinatie kreeg hetzelfde toeval (dezelfde seed; hoofdseed {seed}): "
              "verschillen tussen combinaties komen door de instellingen, niet door toeval.",
        "en": "Every design point had the same chance events (the same seed; master seed "
              "{seed}): differences between design points come from the settings, not from "
              "chance."},
    "independent": {
        "nl": "Elke run kreeg zijn eigen toeval (hoofdseed {seed}).",
        "en": "Every run had its own chance events (master seed {seed})."},
    "missing": {
        "nl": "{missing} van de {total} runs hebben geen resultaat ({failed} mislukt); dit "
              "verslag gaat over de {done} afgeronde runs.",
        "en": "{missing} of the {total} runs have no result ({failed} failed); this report "
              "covers the {done} finished runs."},
}
_METHODS = {"lhs": {"nl": "Latin-hypercube-steekproef", "en": "Latin hypercube sample"},
            "morris": {"nl": "Morris-screening", "en": "Morris screening"},
            "sobol": {"nl": "Sobol-steekproef", "en": "Sobol sample"}}
_SURE = {
    "nl": (
        "Elk getal is een gemiddelde over runs van het model. Het 95%-interval is een "
        "bootstrap-interval: de runs zijn {resamples} keer opnieuw getrokken, en het interval "
        "bevat de middelste 95% van de uitkomsten. Een aandeel blijft zo binnen 0–100%, en een "
        "aantal of een aantal uren is nooit negatief.",
        "**Duidelijk**: het hele interval ligt aan één kant van nul. **Waarschijnlijk, maar "
        "weinig runs**: hetzelfde, maar met minder dan {few} herhalingen (of combinaties); zo'n "
        "interval is vaak te smal. **Onduidelijk**: het interval bevat nul; het verschil kan "
        "ook toeval zijn. Onduidelijk is niet hetzelfde als 'geen effect': het effect kan klein "
        "zijn of de sweep te klein.",
        "Aandelen staan in procenten; een verschil tussen twee aandelen in procentpunten (van "
        "40% naar 46% is 6 procentpunt). Zorg staat in uur per week voor de hele buurt.",
        "Het effect van een instelling is gemiddeld over de andere gevarieerde instellingen. "
        "Waar het duidelijk afhangt van een andere instelling, staat dat erbij.",
        "Dit zijn uitkomsten van een model: ze laten zien wat volgt uit de aannames van het "
        "model voor deze buurt, geen voorspelling voor een echte buurt. Vergelijk instellingen "
        "met elkaar; lees de getallen zelf als een orde van grootte.",
    ),
    "en": (
        "Every number is a mean over runs of the model. The 95% interval is a bootstrap "
        "interval: the runs were redrawn {resamples} times, and the interval holds the middle "
        "95% of the results. A share therefore stays within 0–100%, and a count or a number of "
        "hours is never negative.",
        "**Clear**: the whole interval lies on one side of zero. **Likely, but few runs**: the "
        "same, but with fewer than {few} replications (or design points); such an interval is "
        "often too narrow. **Unclear**: the interval holds zero; the difference may be chance. "
        "Unclear is not the same as 'no effect': the effect may be small or the sweep too small.",
        "Shares are in percent; a difference between two shares in percentage points (from 40% "
        "to 46% is 6 percentage points). Care is in hours per week for the whole neighbourhood.",
        "The effect of a setting is averaged over the other varied settings. Where it clearly "
        "depends on another setting, that is said.",
        "These are results of a model: they show what follows from the model's assumptions for "
        "this neighbourhood, not a forecast for a real one. Compare settings with each other; "
        "read the numbers themselves as an order of magnitude.",
    ),
}
_FILES = {
    "report": {"nl": "dit verslag (ook als `report.html`)", "en": "this report (also as "
               "`report.html`)"},
    "effecten.csv": {"nl": "de effecten hierboven, voor Excel (`;` en decimale komma)",
                     "en": ""},
    "effects.csv": {"nl": "", "en": "the effects above, for a spreadsheet"},
    "samenvatting.csv": {"nl": "per combinatie en uitkomst: gemiddelde en 95%-interval, voor "
                               "Excel", "en": ""},
    "tijdreeks.csv": {"nl": "per combinatie het gemiddelde per week, voor Excel", "en": ""},
    "timeseries.csv": {"nl": "", "en": "per design point the mean per week, for a spreadsheet"},
    "summary.csv": {"nl": "als samenvatting.csv, voor analyseprogramma's (`,` en decimale punt)",
                    "en": "per design point and measure: mean and 95% interval, for analysis "
                          "software"},
    "runs.csv": {"nl": "één regel per run, voor analyseprogramma's",
                 "en": "one row per run, for analysis software"},
    "sensitivity.csv": {"nl": "de gevoeligheidsanalyse", "en": "the sensitivity analysis"},
    "figures": {"nl": "figuren: elke uitkomst per week (`timeseries_*.png`) en de uitkomsten "
                      "tegen elke instelling (`measures_vs_*.png`)",
                "en": "figures: every outcome per week (`timeseries_*.png`) and the outcomes "
                      "against each setting (`measures_vs_*.png`)"},
}


_MEANINGS = {
    "caring_excess_final": {
        "nl": "*Extra aandeel met een zorgzame band t.o.v. niets georganiseerd*: het aandeel "
              "bewoners met een zorgzame band min dat in dezelfde buurt, met hetzelfde toeval, "
              "waarin niets georganiseerd wordt; gemiddeld over het laatste jaar.",
        "en": "*Extra share with a caring tie over nothing organised*: the share of residents "
              "with a caring tie minus that in the same neighbourhood, with the same chance "
              "events, where nothing is organised; averaged over the last year."},
    EMERGED: {
        "nl": "*Kans dat zorgzame banden ontstaan*: het aandeel runs waarin dat extra aandeel "
              "een kwartaal (13 weken) lang boven de drempel bleef (`emergence_margin`).",
        "en": "*Chance that caring ties emerge*: the share of runs in which that extra share "
              "stayed above the threshold (`emergence_margin`) for a quarter (13 weeks)."},
    "final_lonely_share": {
        "nl": "*Bewoners zonder hechte band in de buurt*: zonder vriendschappelijke of "
              "zorgzame band met een buurtgenoot. Dat is niet hetzelfde als eenzaamheid zoals "
              "bewoners die zelf ervaren.",
        "en": "*Residents without a close tie in the neighbourhood*: without a friendly or "
              "caring tie with a neighbour. That is not the same as loneliness as residents "
              "feel it."},
    "final_care_hours_unmet": {
        "nl": "*Onvervulde zorgvraag*: uren zorg per week, voor de hele buurt, die niemand gaf.",
        "en": "*Unmet need*: hours of care per week, for the whole neighbourhood, that nobody "
              "gave."},
    "final": {
        "nl": "*Na {years}*: de waarde in de laatste week van een run.",
        "en": "*After {years}*: the value in the last week of a run."},
}


# --- Numbers with their units -----------------------------------------------------------------


def _kind(measure: str) -> str:
    unit = measure_unit(measure)
    if unit in _COUNTS:
        return "count"
    return unit if unit in ("share", "hours/week", "weeks") else "other"


def _unit_text(measure: str, lang: str) -> str:
    unit = measure_unit(measure)
    if unit == "weeks":
        return _T["weeks"][lang]
    return UNIT_WORDS[unit][lang] if unit in UNIT_WORDS and unit not in ("0..1", "ratio") else ""


def _number(number: float, measure: str, lang: str, signed: bool = False) -> str:
    """A number as read, without its unit: percent for shares, two decimals on a 0–1 scale."""
    kind = _kind(measure)
    if kind == "share":
        number *= 100
    if kind == "other" and abs(number) < 10 and number != 0:
        text = decimal(f"{number:+.2f}" if signed else f"{number:.2f}", lang)
        text = "0" if text.strip("+-") in ("0.00", "0,00") else text
    else:
        text = fmt(number, False, lang, difference=signed)
    return text.replace("-", "\N{MINUS SIGN}")


def value(number: float, measure: str, lang: str) -> str:
    """An outcome's value with its unit, e.g. ``"43%"`` or ``"12 uur per week"``."""
    if number is None or math.isnan(number):
        return "–"
    text = _number(number, measure, lang)
    if _kind(measure) == "share":
        return f"{text}%"
    unit = _unit_text(measure, lang)
    return f"{text} {unit}" if unit else text


def amount(number: float, measure: str, lang: str, signed: bool = False) -> str:
    """A difference of an outcome with its unit: ``"6 procentpunt"``, ``"+3,5 uur per week"``."""
    if number is None or math.isnan(number):
        return "–"
    text = _number(number, measure, lang, signed)
    if _kind(measure) == "share":
        unit = _T["point"][lang] if text.strip("+\N{MINUS SIGN}") == "1" else _T["points"][lang]
    else:
        unit = _unit_text(measure, lang)
    return f"{text} {unit}" if unit else text


def _range(estimate: Estimate, measure: str, lang: str, unit: bool = True) -> str:
    """``"−12 tot −2 procentpunt"``: an interval of a difference, signed, its unit once."""
    if math.isnan(estimate.low):
        return "–"
    low = _number(estimate.low, measure, lang, signed=True)
    high = (amount if unit else _number)(estimate.high, measure, lang, signed=True)
    return f"{low} {_T['to'][lang]} {high}"


def _value_range(estimate: Estimate, measure: str, lang: str) -> str:
    """``"35% (30–40%)"`` or ``"12 uur per week (8,1–16)"``: a value with its interval."""
    shown = value(estimate.mean, measure, lang)
    if math.isnan(estimate.low):
        return shown
    low, high = (_number(x, measure, lang) for x in (estimate.low, estimate.high))
    return f"{shown} ({low}–{high}{'%' if _kind(measure) == 'share' else ''})"


def setting(parameter: str, number: Any, lang: str) -> str:
    """A parameter's value as read: ``"50%"``, ``"16 uur per week"``, ``"2"``, ``"pilot"``."""
    spec = parameter_specs().get(parameter)
    if isinstance(number, bool):
        return _YES_NO[lang][0 if number else 1]
    if spec is not None and spec.choices:
        return choice_label(str(number), lang).split(" (")[0]
    if spec is None or isinstance(number, str):
        return str(number)
    if spec.unit == "share":
        return fmt(float(number), True, lang)
    text = str(round(number)) if spec.kind is int else decimal(f"{float(number):g}", lang)
    unit = _PARAMETER_UNITS.get(spec.unit, {}).get(lang)
    return f"{text} {unit}" if unit else text


def _setting_span(parameter: str, span: tuple[Any, Any], lang: str) -> str:
    low, high = span
    if low == high:
        return setting(parameter, low, lang)
    return f"{setting(parameter, low, lang)}–{setting(parameter, high, lang)}"


# --- Labels and sentences ---------------------------------------------------------------------


def short_label(parameter: str, lang: str) -> str:
    """A parameter's short label, ``"Welzijnswerkers"`` (its name if it has none)."""
    spec = parameter_specs().get(parameter)
    return spec.short(lang) if spec is not None else parameter


def _inline(parameter: str, lang: str) -> str:
    """The short label inside a sentence: ``"welzijnswerkers"``."""
    label = short_label(parameter, lang)
    return label[:1].lower() + label[1:] if label != parameter else f"`{parameter}`"


def outcome_label(measure: str, lang: str, weeks: int | None = None) -> str:
    """What an outcome is, for readers: ``"Bewoners met een zorgzame band, na 5 jaar"``.

    Args:
        measure: A column of the sweep's runs.
        lang: ``"nl"`` or ``"en"``.
        weeks: The runs' length (a final value is the value in the last week); ``None`` leaves
            it out, for a short label in running text (lower case).
    """
    if weeks is None and measure in _SHORT:
        return _SHORT[measure][lang]
    if measure in _LABELS:
        return _LABELS[measure][lang]
    if measure.startswith("final_"):
        name = measure.removeprefix("final_")
        label = _bracketed(reader_label(name.removeprefix(BASELINE_PREFIX), lang))
        if name.startswith(BASELINE_PREFIX):
            label += f", {_T['baseline'][lang]}"
        if weeks is None:
            return label[:1].lower() + label[1:]
        after = "na" if lang == "nl" else "after"
        return f"{label}, {after} {years(weeks, lang)}"
    return MEASURE_LABELS.get(measure, {}).get(lang, measure)


def _bracketed(label: str) -> str:
    """A label without a colon of its own: ``"Eigenaarschap (activiteiten door bewoners)"``."""
    head, sep, tail = label.partition(": ")
    return f"{head} ({tail})" if sep else label


def firmness_words(effect: Effect, lang: str) -> str:
    """How firm an effect is, in one short sentence."""
    firmness = effect.firmness
    n = _units(effect, lang)
    if firmness is Firmness.UNCLEAR:
        few = _T["few_note"][lang].format(n=n) if effect.difference.few else ""
        return _T["unclear"][lang].format(few=few)
    return _T[firmness.value][lang].format(n=n)


def _units(effect: Effect, lang: str) -> str:
    n = effect.difference.n
    key = "groups" if effect.sampled else "replications" if effect.paired else "runs"
    return _T[f"{key}_1" if n == 1 else key][lang].format(n=n)


def _moved(effect: Effect, lang: str) -> str:
    """``"7,2 procentpunt lager"``: the size of the difference and its direction."""
    d, kind = effect.difference.mean, _kind(effect.outcome)
    up, down = _MORE[kind][lang]
    size = amount(abs(d), effect.outcome, lang)
    if not d:
        return size
    word = up if d > 0 else down
    if lang == "en" and kind in ("count", "hours/week"):  # "7.6 fewer people"
        number = _number(abs(d), effect.outcome, lang)
        return f"{number} {word} {_unit_text(effect.outcome, lang)}"
    return f"{size} {word}"


def _subject(effect: Effect, lang: str) -> str:
    """``**`takeover` van 0% naar 100%**``."""
    a = _setting_span(effect.parameter, effect.start, lang)
    b = _setting_span(effect.parameter, effect.end, lang)
    key = "low_high" if effect.sampled else "from_to"
    return _T[key][lang].format(p=short_label(effect.parameter, lang), a=a, b=b)


def parameter_findings(effects: Sequence[Effect], lang: str) -> str:
    """One comparison of one parameter in brief: what moved clearly, how firm, what did not.

    For example: "**`takeover` van 0% naar 100%**: bewoners met een zorgzame band 7,2
    procentpunt lager (−12 tot −2,2); actieve vrijwilligers 7,6 personen minder (−9,5 tot
    −5,9). Waarschijnlijk, maar weinig runs (4 herhalingen). Geen duidelijk effect op:
    onvervulde zorgvraag."

    Args:
        effects: The effects of one comparison of one parameter, one per outcome.
        lang: ``"nl"`` or ``"en"``.
    """
    firm = [e for e in effects if e.firmness in (Firmness.CLEAR, Firmness.FEW)]
    rest = [e for e in effects if e not in firm]
    subject = _subject(effects[0], lang)
    if not firm:
        few = effects[0].difference.few
        note = _T["few_note"][lang].format(n=_units(effects[0], lang)) if few else ""
        return _T["nothing_clear"][lang].format(subject=subject, few=note)
    verdicts = {firmness_words(e, lang) for e in firm}
    items = []
    for e in firm:
        item = (f"{outcome_label(e.outcome, lang)}: {_moved(e, lang)} "
                f"({_range(e.difference, e.outcome, lang, unit=False)})")
        if len(verdicts) > 1:
            item += f", {firmness_words(e, lang).rstrip('.').lower()}"
        items.append(item)
    text = f"{subject}: " + "; ".join(items) + "."
    if len(verdicts) == 1:
        text += f" {verdicts.pop()}"
    if rest:
        names = ", ".join(outcome_label(e.outcome, lang) for e in rest)
        text += " " + _T["no_clear_on"][lang].format(items=names)
    return text


def _effect_at(estimate: Estimate, measure: str, lang: str) -> str:
    if estimate.mean == 0 and estimate.low == estimate.high == 0:
        return _T["no_difference"][lang]
    return amount(estimate.mean, measure, lang, signed=True)


def interaction_sentence(found: Sequence[Interaction], lang: str) -> str:
    """Where one parameter's effect depends on another's level, for one or more outcomes."""
    first = found[0]
    lo, hi = (setting(first.other, v, lang) for v in first.other_levels)
    items = [_T["depends_item"][lang].format(
        label=outcome_label(i.outcome, lang), q=_inline(i.other, lang), lo=lo, hi=hi,
        at_lo=_effect_at(i.at_low, i.outcome, lang), at_hi=_effect_at(i.at_high, i.outcome, lang))
        for i in found]
    return _T["depends"][lang].format(p=short_label(first.parameter, lang),
                                      q=short_label(first.other, lang), items="; ".join(items))


def _chosen_interactions(found: Sequence[Interaction]) -> list[list[Interaction]]:
    """The clear dependencies, grouped per pair of parameters, largest first.

    Each pair is told the way round whose effect is nearest zero at the other's lowest level
    (where the other parameter "switches it on").
    """
    best: dict[tuple[frozenset[str], str], Interaction] = {}
    for i in found:
        if not i.clear:
            continue
        key = (frozenset((i.parameter, i.other)), i.outcome)
        if key not in best or abs(i.at_low.mean) < abs(best[key].at_low.mean):
            best[key] = i
    pairs: dict[tuple[str, str], list[Interaction]] = {}
    for i in best.values():
        pairs.setdefault((i.parameter, i.other), []).append(i)
    order = {measure: index for index, measure in enumerate(OUTCOMES)}
    chosen = []
    for found in pairs.values():
        largest = sorted(found, key=lambda i: -abs(i.contrast.mean) / _scale(i.outcome))
        chosen.append(sorted(largest[:MAX_INTERACTIONS], key=lambda i: order.get(i.outcome, 99)))
    return chosen


def _scale(measure: str) -> float:
    """What counts as a unit of difference: a percentage point for shares."""
    return 0.01 if _kind(measure) == "share" else 1.0


def brief(effects: Sequence[Effect], interactions: Sequence[Interaction], lang: str
          ) -> list[str]:
    """The findings in brief: per parameter and comparison one point, then the dependencies.

    Args:
        effects: From :func:`simulatie.experiment.report_effects.effects`.
        interactions: From :func:`simulatie.experiment.report_effects.interactions`.
        lang: ``"nl"`` or ``"en"``.

    Returns:
        One text per point: at most :data:`MAX_BRIEF` comparisons (the sections hold every one)
        and :data:`MAX_INTERACTIONS` dependencies.
    """
    groups: dict[tuple[str, Any, Any], list[Effect]] = {}
    for effect in effects:
        groups.setdefault((effect.parameter, effect.start, effect.end), []).append(effect)
    points = [parameter_findings(own, lang) for own in list(groups.values())[:MAX_BRIEF]]
    points += [interaction_sentence(found, lang)
               for found in _chosen_interactions(interactions)[:MAX_INTERACTIONS]]
    return points


# --- The report -------------------------------------------------------------------------------


def _setup(results: SweepResults, shown: Sequence[str], lang: str) -> list[str]:
    """What was done: neighbourhood, fixed and varied settings, runs, seeds, missing runs."""
    experiment, specs = results.experiment, parameter_specs()
    weeks = int(experiment["weeks"])
    points = [_DONE["scenario"][lang].format(s=experiment.get("scenario", "default"))]
    fixed = experiment.get("fixed") or {}
    if fixed:
        items = ", ".join(f"{short_label(k, lang)} {setting(k, v, lang)}"
                          for k, v in fixed.items())
        points.append(_DONE["fixed"][lang].format(items=items))
    if len(shown) < len(results.varied):
        points.append(_DONE["many"][lang].format(n=len(results.varied), shown=len(shown)))
    for name in shown:
        spec = specs.get(name)
        role = ROLE_LABELS[spec.role][lang] if spec else ""
        label = spec.label(lang).rstrip(".") if spec else name
        points.append(_DONE["varied"][lang].format(p=name, role=role,
                                                   short=short_label(name, lang),
                                                   label=label[:1].lower() + label[1:],
                                                   values=_values(results, name, lang)))
    replications = int(experiment.get("replications", 1))
    counts = {"points": experiment.get("points", results.manifest["point"].nunique()),
              "reps": _DONE["reps"][lang][replications != 1].format(n=replications),
              "runs": len(results.manifest), "years": years(weeks, lang), "weeks": weeks}
    method = experiment.get("method", "factorial")
    if method == "factorial":
        points.append(_DONE["factorial"][lang].format(**counts))
    else:
        name = _METHODS.get(method, {}).get(lang, method)
        points.append(_DONE["design"][lang].format(method=name, **counts))
    crn = "crn" if replications > 1 else "crn_one"
    if not experiment.get("common_random_numbers", True):
        crn = "independent"
    points.append(_DONE[crn][lang].format(seed=experiment.get("seed")))
    missing = len(results.manifest) - len(results.runs)
    if missing:
        points.append(_DONE["missing"][lang].format(
            missing=missing, total=len(results.manifest), failed=len(results.failed),
            done=len(results.runs)))
    return points


def _values(results: SweepResults, name: str, lang: str) -> str:
    """A varied parameter's values (a factorial) or range (a sampled design), in words."""
    ranges = results.experiment.get("ranges") or {}
    if name in ranges:
        low, high = ranges[name]
        return f"{setting(name, low, lang)} {_T['to'][lang]} {setting(name, high, lang)}"
    levels = list(dict.fromkeys(results.manifest[name]))
    if all(isinstance(v, int | float) and not isinstance(v, bool) for v in levels):
        levels = sorted(levels)
    shown = [setting(name, v, lang) for v in levels]
    if len(shown) < 2:
        return shown[0] if shown else ""
    return f"{', '.join(shown[:-1])} {_T['and'][lang]} {shown[-1]}"


def _section(parameter: str, own: Sequence[Effect], results: SweepResults, lang: str,
             figure: str | None) -> list[Block]:
    """One parameter: what was compared, a table of the outcomes, and its figure."""
    title = f"{short_label(parameter, lang)} (`{parameter}`)"
    blocks: list[Block] = [Heading(title, 3)]
    weeks = int(results.experiment["weeks"])
    comparisons = list(dict.fromkeys((e.start, e.end) for e in own))
    for start, end in comparisons:
        rows = [e for e in own if (e.start, e.end) == (start, end)]
        a, b = (_setting_span(parameter, span, lang) for span in (start, end))
        if rows[0].sampled:
            blocks.append(Paragraph(_T["sampled"][lang].format(p=_inline(parameter, lang), a=a,
                                                               b=b)))
        else:
            others = [_inline(n, lang) for n in results.varied if n != parameter]
            over = _T["over"][lang].format(names=", ".join(others)) if others else ""
            blocks.append(Paragraph(_T["compared"][lang].format(
                p=short_label(parameter, lang), a=a, b=b, over=over)))
        header = (_T["column_outcome"][lang], _T["column_at"][lang].format(v=a),
                  _T["column_at"][lang].format(v=b), _T["column_difference"][lang],
                  _T["column_firm"][lang])
        blocks.append(Table(header, tuple(_row(e, lang, weeks) for e in rows)))
    if figure:
        caption = _T["figure"][lang].format(p=_inline(parameter, lang))
        if results.experiment.get("method") == "factorial":
            caption += _T["figure_means"][lang]
        blocks.append(Figure(figure, caption))
    return blocks


def _row(effect: Effect, lang: str, weeks: int) -> tuple[str, ...]:
    outcome, d = effect.outcome, effect.difference
    difference = (f"{amount(d.mean, outcome, lang, signed=True)} "
                  f"({_range(d, outcome, lang, unit=False)})")
    if effect.firmness is Firmness.NONE:
        difference = _T["no_difference"][lang]
    firm = firmness_words(effect, lang).rstrip(".")
    if effect.undefined:
        firm += "." + _T["undefined"][lang].format(n=effect.undefined).rstrip(".")
    return (outcome_label(outcome, lang, weeks), _value_range(effect.at_start, outcome, lang),
            _value_range(effect.at_end, outcome, lang), difference, firm)


def _meanings(effects: Sequence[Effect], lang: str, weeks: int) -> list[str]:
    present = list(dict.fromkeys(e.outcome for e in effects))
    points = [_MEANINGS[m][lang] for m in present if m in _MEANINGS]
    if any(m.startswith("final_") for m in present):
        points.append(_MEANINGS["final"][lang].format(years=years(weeks, lang)))
    return points


def report_blocks(
    results: SweepResults,
    effects: Sequence[Effect],
    interactions: Sequence[Interaction],
    lang: str,
    *,
    shown: Sequence[str],
    figures: Mapping[str, str],
    files: Sequence[str],
    ranked: Sequence[str] | None = None,
) -> list[Block]:
    """The whole report in words.

    Args:
        results: The sweep's results.
        effects: What each shown parameter did to each outcome.
        interactions: Where one parameter's effect depends on another.
        lang: ``"nl"`` or ``"en"``.
        shown: The parameters described (every varied one, or the most influential).
        figures: Per parameter, the file name of its figure beside the report.
        files: The names of the files written beside the report.
        ranked: The parameters by influence, when a sensitivity analysis ranked them.

    Returns:
        The report's blocks: title, what was done, in brief, per setting, what the outcomes
        mean, how sure it is, and the files.
    """
    experiment = results.experiment
    weeks = int(experiment["weeks"])
    title = experiment.get("title") or experiment.get("name", "")
    blocks: list[Block] = [Heading(f"{_T['title'][lang]}: {title}" if title
                                   else _T["title"][lang], 1)]
    if experiment.get("description"):
        blocks.append(Paragraph(" ".join(str(experiment["description"]).split())))
    blocks += [Heading(_T["done"][lang]), Bullets(tuple(_setup(results, shown, lang))),
               Heading(_T["brief"][lang])]
    if ranked:
        blocks.append(Paragraph(_T["influence"][lang].format(
            names=", ".join(short_label(n, lang) for n in ranked[:5]))))
    if effects:
        blocks += [Paragraph(_T["brief_intro"][lang].format(years=years(weeks, lang))),
                   Bullets(tuple(brief(effects, interactions, lang)))]
    replications = int(experiment.get("replications", 1))
    if experiment.get("method") == "factorial" and replications < FEW_RUNS:
        blocks.append(Paragraph(_T["more_runs"][lang].format(
            n=replications, more=max(FEW_RUNS, 2 * replications))))
    blocks.append(Heading(_T["per"][lang]))
    for parameter in shown:
        own = [e for e in effects if e.parameter == parameter]
        if own:
            blocks += _section(parameter, own, results, lang, figures.get(parameter))
    sure = tuple(text.format(resamples=RESAMPLES, few=FEW_RUNS) for text in _SURE[lang])
    blocks += [Heading(_T["meaning"][lang]), Bullets(tuple(_meanings(effects, lang, weeks))),
               Heading(_T["sure"][lang]), Bullets(sure), Heading(_T["files"][lang])]
    listed = [f"`report.md`: {_FILES['report'][lang]}"]
    listed += [f"`{name}`: {_FILES[name][lang]}" for name in files
               if _FILES.get(name, {}).get(lang)]
    listed.append(_FILES["figures"][lang])
    blocks.append(Bullets(tuple(listed)))
    return blocks

"""Myth handouts: the computed answer in words and numbers, a figure, one page in HTML and PDF.

:func:`myth_answer` runs a myth (:mod:`simulatie.workshop.myths`) and turns the result into a
:class:`MythAnswer`: the claim, the numbers per arm with their 95% intervals, the conclusion
sentence chosen from the computed verdict, the same under the counter-assumption, the discussion
questions and a matplotlib figure. The dashboard calls it with ``shipped=True``: the full answer
shipped with the package, the same as the command line's, computed at full scale only when the
user changed an assumption (:mod:`simulatie.workshop.answers`). :func:`write_handout` writes
``figure.png``, ``handout.html``, ``handout.pdf`` and ``answer.json`` for the command line;
:func:`write_pack` puts several answers into one HTML file and one multi-page PDF for a
workshop. The PDF is drawn with matplotlib (``PdfPages``), so no extra dependency is needed.
Nothing in the words is a result: every number and every conclusion is filled in from the run.
"""

from __future__ import annotations

import base64
import html
import io
import json
import math
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from simulatie.core.calendar import WEEKS_PER_YEAR
from simulatie.core.metrics import METRICS
from simulatie.experiment.provenance import source_commit
from simulatie.experiment.report import interval
from simulatie.workshop.answers import shipped_result
from simulatie.workshop.myths import (
    QUICK,
    Comparison,
    Myth,
    MythResult,
    Scale,
    Summary,
    Verdict,
    load_myth,
    myth_holds,
    run_myth,
)
from simulatie.workshop.robustness import robustness_text
from simulatie.workshop.texts import MYTH_TEXTS, TEMPLATES

__all__ = [
    "ArmNumbers",
    "MythAnswer",
    "Side",
    "answer_from_result",
    "myth_answer",
    "plot_myth",
    "write_handout",
    "write_pack",
]

LANGS = ("nl", "en")
COLOURS = {"myth": "#d95f02", "alternative": "#1b9e77"}


# --- numbers in words ------------------------------------------------------------------------


def _is_share(result: MythResult) -> bool:
    measure = result.myth.measure
    return measure.summary is Summary.SHARE_OF or METRICS[measure.metric].unit == "share"


def fmt(value: float, share: bool, lang: str, difference: bool = False) -> str:
    """A number as shown on a handout: percentages for shares, Dutch decimal comma in Dutch.

    Args:
        value: The number.
        share: Whether it is a share (shown as a percentage, differences in percentage points).
        lang: ``"nl"`` or ``"en"``.
        difference: Whether it is a difference (shown with a sign).

    Returns:
        The text, e.g. ``"43%"``, ``"+9,8 procentpunt"`` or ``"120"``.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if share:
        value = value * 100
    digits = 0 if abs(value) >= 10 or value == 0 else 1
    text = f"{value:+.{digits}f}" if difference else f"{value:.{digits}f}"
    if text in ("-0", "+0", "-0.0", "+0.0"):
        text = "0"
    if lang == "nl":
        text = text.replace(".", ",")
    if share:
        text += (" procentpunt" if lang == "nl" else " percentage points") if difference else "%"
    return text


@dataclass(frozen=True)
class ArmNumbers:
    """One arm's key number: mean and 95% interval of the mean, raw and as shown."""

    label: str
    mean: float
    low: float
    high: float
    shown: tuple[str, str, str]


@dataclass(frozen=True)
class Side:
    """The comparison under one set of assumptions, in numbers and words.

    Attributes:
        myth: The myth arm's numbers.
        alternative: The alternative arm's numbers.
        difference: Mean and 95% interval of ``myth - alternative`` (paired).
        verdict: The computed verdict.
        holds: Whether the myth holds here (supports, or no clear difference for a myth that
            only claims "not worse").
        numbers: The numbers sentence.
        difference_text: The difference sentence.
        conclusion: The conclusion sentence, chosen by the verdict.
    """

    myth: ArmNumbers
    alternative: ArmNumbers
    difference: dict[str, float]
    verdict: Verdict
    holds: bool
    numbers: str
    difference_text: str
    conclusion: str


@dataclass
class MythAnswer:
    """What the model answers to one myth, ready to show.

    Attributes:
        number: 1 to 7.
        lang: ``"nl"`` or ``"en"``.
        claim: The myth in words.
        measure: The key measure in words.
        setup: How the numbers were made (years, replications, residents).
        default: The comparison under the default assumptions.
        counter_assumption: The counter-assumption in words.
        counter_intro: The sentence that introduces the counter runs.
        counter: The comparison under the counter-assumption.
        counter_conclusion: Whether the myth holds under the counter-assumption, in words.
        robustness: The same question across the calibrated ensemble and whether the default
            verdict is robust (empty when no robustness table covers the myth).
        questions: Discussion questions tied to the practice cases.
        disclaimer: The "thinking tool, not a prediction" statement.
        rule: What "clearly" means.
        notes: Scenario and ``--set`` changes, if any.
        footer: Provenance line.
        figure: The figure (key metric over time, per arm, with 95% bands).
        result: The underlying run result.
    """

    number: int
    lang: str
    claim: str
    measure: str
    setup: str
    default: Side
    counter_assumption: str
    counter_intro: str
    counter: Side
    counter_conclusion: str
    robustness: list[str]
    questions: list[str]
    disclaimer: str
    rule: str
    notes: list[str]
    footer: str
    figure: Figure = field(repr=False)
    result: MythResult = field(repr=False)

    @property
    def conclusion(self) -> str:
        """The conclusion under the default assumptions."""
        return self.default.conclusion

    def title(self) -> str:
        """``Mythe 5 — "Als de deur openstaat, ..."``."""
        return f"{TEMPLATES[self.lang]['myth'].format(n=self.number)} — “{self.claim}”"

    def to_json(self) -> dict[str, Any]:
        """The answer's words and numbers (no figure), for ``answer.json`` and tests."""

        def side(s: Side) -> dict[str, Any]:
            return {
                "myth": s.myth.__dict__, "alternative": s.alternative.__dict__,
                "difference": s.difference, "verdict": s.verdict.value, "holds": s.holds,
                "numbers": s.numbers, "difference_text": s.difference_text,
                "conclusion": s.conclusion,
            }

        myth = self.result.myth
        return {
            "number": self.number, "lang": self.lang, "claim": self.claim,
            "measure": self.measure, "setup": self.setup, "default": side(self.default),
            "counter_assumption": self.counter_assumption, "counter": side(self.counter),
            "counter_conclusion": self.counter_conclusion, "robustness": self.robustness,
            "questions": self.questions,
            "disclaimer": self.disclaimer, "notes": self.notes,
            "run": {
                "file": str(myth.path), "scenario": myth.scenario, "weeks": myth.weeks,
                "replications": myth.replications, "master_seed": myth.seed,
                "seeds": list(self.result.seeds),
                "arms": {k: dict(v) for k, v in myth.arms.items()},
                "counter": dict(myth.counter), "fixed": dict(myth.fixed),
                "overrides": dict(myth.overrides),
                "values": {
                    arm + ("_counter" if c.myth.countered else ""): getattr(c, arm).values.tolist()
                    for c in (self.result.default, self.result.counter)
                    for arm in ("myth", "alternative")
                },
            },
        }


def _short(text: str) -> str:
    return text.split(":")[0].split(" (")[0]


def _arm(label: str, stats: Mapping[str, float], share: bool, lang: str,
         values: np.ndarray) -> ArmNumbers:
    if len(values) and np.nanmin(values) >= 0:  # a count or share: no interval below zero
        stats = {**stats, "ci_low": max(0.0, stats["ci_low"])}
    shown = tuple(fmt(stats[k], share, lang) for k in ("mean", "ci_low", "ci_high"))
    return ArmNumbers(label, stats["mean"], stats["ci_low"], stats["ci_high"], shown)


def _side(
    comparison: Comparison, n: int, lang: str, share: bool, holds_if: str
) -> Side:
    words, t = MYTH_TEXTS[n][lang], TEMPLATES[lang]
    myth = _arm(str(words["myth_arm"]), comparison.myth.stats, share, lang,
                comparison.myth.values)
    alt = _arm(str(words["alternative_arm"]), comparison.alternative.stats, share, lang,
               comparison.alternative.values)
    d = comparison.difference
    numbers = t["numbers"].format(
        measure=str(words["measure"]).capitalize(), myth_value=myth.shown[0],
        myth_low=myth.shown[1], myth_high=myth.shown[2], myth_arm=myth.label,
        alt_value=alt.shown[0], alt_low=alt.shown[1], alt_high=alt.shown[2], alt_arm=alt.label,
    )
    difference_text = t["difference"].format(
        diff=fmt(d["mean"], share, lang, True), diff_low=fmt(d["ci_low"], share, lang, True),
        diff_high=fmt(d["ci_high"], share, lang, True),
    )
    if comparison.outcome == "none":
        conclusion = t["none_not_worse" if holds_if == "not_worse" else "none_better"]
    else:
        conclusion = t[comparison.outcome].format(
            measure_short=_short(str(words["measure"])), myth_arm_short=_short(myth.label),
            direction=t["higher" if d["mean"] > 0 else "lower"],
        )
    holds = myth_holds(comparison.verdict, holds_if)
    return Side(myth, alt, dict(d), comparison.verdict, holds, numbers, difference_text,
                conclusion)


# --- the figure ------------------------------------------------------------------------------


def _band(curves: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    stats = [interval(column) for column in curves.T]
    mean = np.array([s["mean"] for s in stats])
    low = np.array([s["ci_low"] for s in stats])
    high = np.array([s["ci_high"] for s in stats])
    return mean, np.where(np.isnan(low), mean, low), np.where(np.isnan(high), mean, high)


def _axis_label(result: MythResult, lang: str) -> str:
    measure = result.myth.measure
    label = METRICS[measure.metric].label(lang)
    t = TEMPLATES[lang]
    if measure.summary is Summary.PER_YEAR:
        return t["cumulative"].format(label=label)
    if measure.summary is Summary.SHARE_OF:
        return t["share_so_far"].format(label=label)
    return label + (" (%)" if METRICS[measure.metric].unit == "share" else "")


def plot_myth(result: MythResult, lang: str = "nl") -> Figure:
    """The key metric over time per arm (mean and 95% band), default | counter-assumption.

    Args:
        result: From :func:`simulatie.workshop.myths.run_myth`.
        lang: ``"nl"`` or ``"en"``.

    Returns:
        A figure with two panels sharing the y axis.
    """
    words, t = MYTH_TEXTS[result.number][lang], TEMPLATES[lang]
    share = _is_share(result)
    figure = Figure(figsize=(10, 3.8), layout="constrained")
    axes = figure.subplots(1, 2, sharey=True)
    years = result.weeks / WEEKS_PER_YEAR
    counter_short = str(words["counter"])
    panels = (
        (result.default, t["panel_default"]),
        (result.counter, t["panel_counter"].format(counter_short=counter_short)),
    )
    for ax, (comparison, title) in zip(axes, panels, strict=True):
        for arm in ("alternative", "myth"):
            mean, low, high = _band(getattr(comparison, arm).curves)
            factor = 100 if share else 1
            label = textwrap.shorten(_short(str(words[f"{arm}_arm"])), 45, placeholder=" …")
            ax.plot(years, mean * factor, color=COLOURS[arm], lw=2, label=label)
            ax.fill_between(years, low * factor, high * factor, color=COLOURS[arm], alpha=0.25,
                            lw=0)
        ax.set_title("\n".join(textwrap.wrap(title, 66)[:3]), fontsize=9)
        ax.set_xlabel(t["years"])
        ax.grid(alpha=0.3)
        ax.set_xlim(0, years[-1])
    axes[0].set_ylabel("\n".join(textwrap.wrap(_axis_label(result, lang), 40)))
    axes[0].legend(fontsize=8, loc="best", frameon=False)
    figure.suptitle(f"{t['myth'].format(n=result.number)}: {words['claim']} — "
                    f"{t['figure_caption']}", fontsize=10)
    return figure


# --- the answer ------------------------------------------------------------------------------


def answer_from_result(result: MythResult, lang: str = "nl") -> MythAnswer:
    """Put a myth's computed result into words, numbers and a figure.

    Args:
        result: From :func:`simulatie.workshop.myths.run_myth`.
        lang: ``"nl"`` or ``"en"``.

    Returns:
        The answer; nothing in it is written in except the fixed wording around the numbers.
    """
    if lang not in LANGS:
        raise ValueError(f"language must be 'nl' or 'en', not {lang!r}")
    n, myth = result.number, result.myth
    words, t = MYTH_TEXTS[n][lang], TEMPLATES[lang]
    share = _is_share(result)
    holds_if = myth.measure.holds_if
    default = _side(result.default, n, lang, share, holds_if)
    counter = _side(result.counter, n, lang, share, holds_if)
    residents = result.default.myth.parameters["residents"]
    setup = t["setup"].format(
        measure=str(words["measure"]).capitalize(),
        years=f"{myth.weeks / WEEKS_PER_YEAR:.3g}".replace(".", "," if lang == "nl" else "."),
        reps=myth.replications, residents=residents,
    )
    relevant = (t["relevant"].format(value=fmt(myth.measure.relevant, share, lang, False))
                if myth.measure.relevant else "")
    notes = []
    if myth.scenario != "default":
        notes.append(t["scenario"].format(scenario=myth.scenario))
    if myth.overrides:
        notes.append(t["overrides"].format(
            values=", ".join(f"{k}={v}" for k, v in myth.overrides.items())))
    commit = source_commit()
    footer = t["footer"].format(
        n=n, seed=myth.seed, runs=4 * myth.replications,
        when=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        commit=f" · commit {commit[:10]}" if commit else "",
    )
    return MythAnswer(
        number=n, lang=lang, claim=str(words["claim"]), measure=str(words["measure"]),
        setup=setup, default=default, counter_assumption=str(words["counter"]),
        counter_intro=t["counter_intro"].format(counter=words["counter"]), counter=counter,
        counter_conclusion=t["counter_holds" if counter.holds else "counter_fails"],
        robustness=_robustness(result, lang),
        questions=list(words["questions"]), disclaimer=t["disclaimer"],
        rule=t["clear_rule"].format(relevant=relevant), notes=notes, footer=footer,
        figure=plot_myth(result, lang), result=result,
    )


def _robustness(result: MythResult, lang: str) -> list[str]:
    """The ensemble's answer to the same question; robust or fragile only at the same settings.

    With another scenario or ``--set`` the question differs from the one asked across the
    ensemble, so nothing is said; at another size, replication count or seed (the dashboard's
    quick answer) the ensemble's shares are given without comparing verdicts of unequal power.
    """
    myth = result.myth
    own = load_myth(myth.number)
    if myth.scenario != own.scenario or myth.overrides:
        return []
    same = (myth.weeks, myth.replications, myth.seed, dict(myth.fixed)) == (
        own.weeks, own.replications, own.seed, dict(own.fixed))
    return robustness_text(myth.number, result.default.verdict, lang, compare=same)


def myth_answer(
    n: int,
    lang: str = "nl",
    quick: bool = False,
    *,
    scale: Scale | None = None,
    overrides: Mapping[str, Any] | None = None,
    scenario: str | None = None,
    workers: int | None = None,
    seed: int | None = None,
    shipped: bool = False,
) -> MythAnswer:
    """Run myth ``n`` and return the model's answer (the dashboard's entry point).

    Args:
        n: The myth, 1 to 7.
        lang: ``"nl"`` or ``"en"``.
        quick: Use :data:`simulatie.workshop.myths.QUICK` (100 residents, three years, five
            replications): a few seconds instead of up to a minute.
        scale: Other sizes (overrides ``quick``).
        overrides: Parameter values for every run (``--set``), applied last.
        scenario: Another base scenario (e.g. ``"kerkweg"``).
        workers: Processes (default one per core; 1 runs in this process).
        seed: Another master seed than the myth file's.
        shipped: Use the answer shipped with the package when it was computed for exactly
            these runs (:func:`simulatie.workshop.answers.shipped_result`): the same answer as
            ``simulatie myth n``, without waiting for it.

    Returns:
        The answer with its figure.

    Raises:
        simulatie.workshop.myths.MythError: If the myth or an override is not valid.
    """
    myth: Myth = load_myth(n, scale=scale or (QUICK if quick else None), overrides=overrides,
                           scenario=scenario, seed=seed)
    result = shipped_result(myth) if shipped else None
    return answer_from_result(result or run_myth(myth, workers=workers), lang)


# --- writing ---------------------------------------------------------------------------------


def _png(figure: Figure, dpi: int = 150) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


_CSS = """
body { font-family: system-ui, 'Segoe UI', sans-serif; max-width: 54rem; margin: 1.5rem auto;
       padding: 0 1rem; color: #222; line-height: 1.45; }
h1 { font-size: 1.5rem; margin-bottom: .3rem; } h2 { font-size: 1.1rem; margin: 1rem 0 .3rem; }
.tool { border-left: 4px solid #d95f02; background: #fdf3ec; padding: .4rem .8rem; }
.conclusion { font-weight: 600; } .numbers { font-variant-numeric: tabular-nums; }
.small { font-size: .85rem; color: #555; } img { width: 100%; }
section.myth { page-break-after: always; break-after: page; }
@media print { body { max-width: none; margin: 0; font-size: 10pt; } }
"""


def _section(answer: MythAnswer, image: bytes, heading: str = "h1") -> str:
    t, e = TEMPLATES[answer.lang], html.escape
    data = base64.b64encode(image).decode()
    questions = "".join(f"<li>{e(q)}</li>" for q in answer.questions)
    notes = "".join(f"<p class='small'>{e(note)}</p>" for note in answer.notes)
    robustness = (
        f"<h2>{e(t['robustness_heading'])}</h2>\n<p class=\"robustness\">"
        + " ".join(e(line) for line in answer.robustness) + "</p>"
        if answer.robustness else ""
    )
    return f"""<section class="myth" id="myth-{answer.number}">
<{heading}>{e(answer.title())}</{heading}>
<p class="tool">{e(answer.disclaimer)}</p>{notes}
<h2>{e(t['shows_heading'])}</h2>
<p class="small">{e(answer.setup)}</p>
<p class="numbers">{e(answer.default.numbers)} {e(answer.default.difference_text)}</p>
<p class="conclusion" data-verdict="{answer.default.verdict.value}">
{e(answer.default.conclusion)}</p>
<img alt="{e(answer.measure)}" src="data:image/png;base64,{data}">
<h2>{e(t['counter_heading'])}</h2>
<p>{e(answer.counter_intro)}</p>
<p class="numbers">{e(answer.counter.numbers)} {e(answer.counter.difference_text)}</p>
<p class="conclusion" data-verdict="{answer.counter.verdict.value}">
{e(answer.counter.conclusion)} {e(answer.counter_conclusion)}</p>
{robustness}
<h2>{e(t['questions_heading'])}</h2>
<ol>{questions}</ol>
<p class="small">{e(answer.rule)}</p>
<p class="small">{e(answer.footer)}</p>
</section>"""


def _html(title: str, lang: str, sections: Sequence[str]) -> str:
    body = "\n".join(sections)
    return (f"<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title><style>{_CSS}</style></head>\n"
            f"<body>\n{body}\n</body></html>\n")


def _page(answer: MythAnswer, image: bytes) -> Figure:
    """One A4 page with the handout, drawn with matplotlib."""
    t = TEMPLATES[answer.lang]
    page = Figure(figsize=(8.27, 11.69))
    left, width_chars = 0.07, 100
    y = 0.955

    def write(text: str, size: float = 9.0, weight: str = "normal", colour: str = "#222",
              chars: int = width_chars, gap: float = 0.004) -> None:
        nonlocal y
        chars = int(chars * 9.0 / size)
        for line in textwrap.wrap(text, chars) or [""]:
            page.text(left, y, line, fontsize=size, weight=weight, color=colour, va="top")
            y -= size * 1.42 / 72 / 11.69
        y -= gap

    write(answer.title(), 14, "bold", gap=0.006)
    write(answer.disclaimer, 8.5, colour="#a04000", gap=0.008)
    for note in answer.notes:
        write(note, 8, colour="#555")
    write(t["shows_heading"], 11, "bold")
    write(answer.setup, 8, colour="#555")
    write(f"{answer.default.numbers} {answer.default.difference_text}", 9)
    write(answer.default.conclusion, 9.5, "bold", gap=0.006)
    picture = plt.imread(io.BytesIO(image), format="png")
    height = 0.86 * picture.shape[0] / picture.shape[1] * 8.27 / 11.69
    axes = page.add_axes((left, y - height, 0.86, height))
    axes.imshow(picture)
    axes.axis("off")
    y -= height + 0.012
    write(t["counter_heading"], 11, "bold")
    write(answer.counter_intro, 9)
    write(f"{answer.counter.numbers} {answer.counter.difference_text}", 9)
    write(f"{answer.counter.conclusion} {answer.counter_conclusion}", 9.5, "bold", gap=0.008)
    if answer.robustness:
        write(t["robustness_heading"], 11, "bold")
        write(" ".join(answer.robustness), 8.5, gap=0.008)
    write(t["questions_heading"], 11, "bold")
    for i, question in enumerate(answer.questions, 1):
        write(f"{i}. {question}", 9)
    y = min(y, 0.07)
    write(answer.rule, 7, colour="#555")
    write(answer.footer, 7, colour="#555")
    return page


def write_handout(answer: MythAnswer, out_dir: Path | str) -> dict[str, Path]:
    """Write ``figure.png``, ``handout.html``, ``handout.pdf`` and ``answer.json``.

    Args:
        answer: From :func:`myth_answer`.
        out_dir: The folder (created if needed), e.g. ``results/myths/5``.

    Returns:
        The written paths by kind (``png``, ``html``, ``pdf``, ``json``).
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    image = _png(answer.figure)
    paths = {
        "png": out / "figure.png", "html": out / "handout.html", "pdf": out / "handout.pdf",
        "json": out / "answer.json",
    }
    paths["png"].write_bytes(image)
    paths["html"].write_text(_html(answer.title(), answer.lang, [_section(answer, image)]),
                             encoding="utf-8")
    with PdfPages(paths["pdf"], metadata={"Title": answer.title()}) as pdf:
        pdf.savefig(_page(answer, image))
    paths["json"].write_text(json.dumps(answer.to_json(), indent=2, ensure_ascii=False,
                                        default=float), encoding="utf-8")
    (out / "myth.toml").write_text(answer.result.myth.text, encoding="utf-8")
    return paths


def write_pack(answers: Sequence[MythAnswer], out_dir: Path | str) -> dict[str, Path]:
    """Write several answers into one ``pack.html`` and one multi-page ``pack.pdf``.

    Args:
        answers: The answers, in the order of the session.
        out_dir: The folder, e.g. ``results/myths/pack``.

    Returns:
        The written paths (``html``, ``pdf``).
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    lang = answers[0].lang if answers else "nl"
    title = TEMPLATES[lang]["pack_title"]
    images = [_png(a.figure) for a in answers]
    sections = [f"<h1>{html.escape(title)}</h1>"] + [
        _section(a, image, "h1") for a, image in zip(answers, images, strict=True)
    ]
    paths = {"html": out / "pack.html", "pdf": out / "pack.pdf"}
    paths["html"].write_text(_html(title, lang, sections), encoding="utf-8")
    with PdfPages(paths["pdf"], metadata={"Title": title}) as pdf:
        for answer, image in zip(answers, images, strict=True):
            pdf.savefig(_page(answer, image))
    return paths

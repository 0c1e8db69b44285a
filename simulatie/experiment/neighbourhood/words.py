"""The region and its model neighbourhood in words: numbers in Dutch or English, rows and notes.

Dutch numbers take a decimal comma and a thousands point (``24,6%``, ``2.675``), English ones
the other way round. :func:`comparison_rows` lays the model's make-up beside the CBS figures,
:func:`notes` says where each input came from and what did not fit.
"""

from __future__ import annotations

from simulatie.experiment.wording import decimal

from .fit import TOLERANCE, Fit
from .structure import Structure
from .targets import SHARE_75_OF_65, SHARE_80_OF_65, Targets

__all__ = ["HEADERS", "comparison_rows", "count", "notes", "percent", "points"]

HEADERS = {
    "nl": ("Kenmerk", "CBS", "Model", "Week 0", "Verschil", "Bron"),
    "en": ("Characteristic", "CBS", "Model", "Week 0", "Difference", "Source"),
}
"""The comparison table's column headers: the input, the model's steady state, the built
neighbourhoods at week 0, the steady state's difference from the input, the input's source."""

_OK = "✓"
_OFF = "✗"


def percent(share: float | None, lang: str = "nl", digits: int = 1) -> str:
    """A share as a percentage: ``0.246`` → ``"24,6%"`` (nl) or ``"24.6%"`` (en); None → ``"—"``."""
    if share is None:
        return "—"
    return decimal(f"{100 * share:.{digits}f}%", lang)


def points(difference: float, lang: str = "nl") -> str:
    """A difference of shares in percentage points, with its sign: ``"−1,0 pt"``."""
    return decimal(f"{100 * difference:+.1f}".replace("-", "−"), lang) + " pt"


def count(value: float, lang: str = "nl") -> str:
    """A count with thousands separated: ``2675`` → ``"2.675"`` (nl) or ``"2,675"`` (en)."""
    text = f"{round(value):,}"
    return text.replace(",", ".") if lang == "nl" else text


_SECTIONS = {
    "age": ("[b]Leeftijd[/b], % van de volwassenen (20+)", "[b]Age[/b], % of adults (20+)"),
    "households": ("[b]Huishoudens[/b], % van de huishoudens",
                   "[b]Households[/b], % of households"),
    "groups": ("[b]Groepen[/b], % van de woningen", "[b]Groups[/b], % of homes"),
}
_ROWS = {
    "age_65": ("65 jaar of ouder", "Aged 65 or older"),
    "age_75": ("75 jaar of ouder", "Aged 75 or older"),
    "age_80": ("80 jaar of ouder", "Aged 80 or older"),
    "alone": ("Woont alleen", "Lives alone"),
    "family": ("Met kinderen (share_family)", "With children (share_family)"),
    "older": ("Kwam als 65+ (share_older)", "Moved in at 65+ (share_older)"),
    "migrant": ("Nieuwkomers (share_migrant)", "Newcomers (share_migrant)"),
    "lvb": ("LVB (share_lvb)", "Mild ID (share_lvb)"),
    "psych": ("Psychisch (share_psych)", "Psychiatric (share_psych)"),
    "adult": ("Overige volwassenen", "Other adults"),
}


def _source(name: str, targets: Targets, lang: str) -> str:
    nl = lang == "nl"
    if name in {"age_65", "alone", "family"}:
        return f"CBS {targets.figures.table}"
    if name in {"age_75", "age_80"}:
        if targets.old_from_user:
            if name == "age_80":
                return "uw 75+ × landelijk" if nl else "your 75+ × national"
            return "uw opgave" if nl else "your figure"
        return "aanname (landelijk)" if nl else "assumption (national)"
    if name == "migrant" and targets.origin_abroad is not None:
        return "herkomst: bovengrens" if nl else "origin: upper bound"
    return {"older": ("gezocht", "searched"), "adult": ("de rest", "the rest")}.get(
        name, ("standaard", "default"))[0 if nl else 1]


def _mark(name: str, wanted: float, model: Structure, built: Structure | None, lang: str) -> str:
    """The model's difference from the input (and the built one's, when it is further off)."""
    shares = [getattr(s, name) for s in (model, built) if s is not None]
    ok = all(abs(share - wanted) <= TOLERANCE for share in shares)
    text = points(shares[0] - wanted, lang)
    if len(shares) > 1 and abs(shares[1] - wanted) > TOLERANCE >= abs(shares[0] - wanted):
        text = f"{text.removesuffix(' pt')} / {points(shares[1] - wanted, lang)}"
    return f"{text} {_OK if ok else _OFF}"


def comparison_rows(targets: Targets, fit: Fit, lang: str = "nl") -> list[tuple[str, ...]]:
    """The table: each characteristic's input, the model's steady state and built neighbourhoods.

    Args:
        targets: The region's targets.
        fit: The search's result.
        lang: ``"nl"`` or ``"en"``.

    Returns:
        Rows of text, as many cells as :data:`HEADERS` has; a section's heading is a row with
        only its first cell.
    """
    label = 0 if lang == "nl" else 1
    blank = ("",) * (len(HEADERS[lang]) - 1)
    model, built = fit.expected, fit.built
    rows: list[tuple[str, ...]] = []
    for name in ("age_65", "age_75", "age_80", "alone"):
        if name in {"age_65", "alone"}:
            rows.append((_SECTIONS["age" if name == "age_65" else "households"][label], *blank))
        wanted = getattr(targets, name)
        rows.append((_ROWS[name][label], percent(wanted, lang), percent(getattr(model, name), lang),
                     percent(getattr(built, name), lang) if built else "—",
                     _mark(name, wanted, model, built, lang), _source(name, targets, lang)))
    rows.append((_SECTIONS["groups"][label], *blank))
    inputs = {"family": targets.family, "migrant": targets.origin_abroad}
    for group in ("family", "older", "migrant", "lvb", "psych", "adult"):
        rows.append((_ROWS[group][label], percent(inputs.get(group), lang),
                     percent(model.groups[group], lang),
                     percent(built.groups[group], lang) if built else "—", "",
                     _source(group, targets, lang)))
    return rows


def notes(targets: Targets, fit: Fit, lang: str = "nl") -> list[str]:
    """What the user should know about the inputs and the fit, one sentence each."""
    nl = lang == "nl"
    figures = targets.figures
    lines = [note.text(lang) for note in targets.notes]
    lines.append(
        "Model: de evenwichtstoestand waaruit elke modelbuurt getrokken wordt (voor elke seed "
        "dezelfde); Week 0: gebouwde modelbuurten na hun inloopperiode, zoals een run begint; "
        "Verschil: model min CBS, ✓ als beide binnen 2 procentpunt liggen."
        if nl else
        "Model: the steady state every model neighbourhood is drawn from (the same for every "
        "seed); Week 0: model neighbourhoods built through their spin-up, as a run starts; "
        "Difference: model minus CBS, ✓ when both are within 2 percentage points.")
    inhabitants = figures.require("inhabitants")
    lines.append(
        f"Leeftijden tellen onder de volwassenen (20+), want het model heeft geen kinderen: van de "
        f"{count(inhabitants, lang)} inwoners zijn er naar schatting {count(targets.adults, lang)} "
        "20 jaar of ouder (zonder 0–15 jaar en de helft van 15–25 jaar)."
        if nl else
        f"Ages are counted among adults (20+), as the model has no children: of the "
        f"{count(inhabitants, lang)} inhabitants an estimated {count(targets.adults, lang)} are "
        "20 or older (without ages 0–15 and half of 15–25).")
    if not targets.old_from_user:
        lines.append(
            f"KWB geeft geen 75+ of 80+: geschat met de landelijke verhouding (CBS, 1 januari "
            f"2020: {percent(SHARE_75_OF_65, lang)} van de 65-plussers is 75+, "
            f"{percent(SHARE_80_OF_65, lang)} is 80+); weet u het aandeel 75+ uit de cijfers van "
            "uw gemeente, geef het dan mee met --perc-75plus."
            if nl else
            f"KWB gives no 75+ or 80+: estimated with the national ratio (CBS, 1 January 2020: "
            f"{percent(SHARE_75_OF_65, lang)} of people aged 65+ are 75+, "
            f"{percent(SHARE_80_OF_65, lang)} are 80+); if you know the 75+ share from your "
            "gemeente's figures, pass it with --perc-75plus.")
    if targets.origin_abroad is not None:
        lines.append(
            f"Nieuwkomers: {percent(targets.origin_abroad, lang)} van de inwoners heeft een "
            "buitenlandse herkomst (ook de tweede generatie); de groep van het model zijn recente "
            "nieuwkomers en migranten, dus hooguit zoveel."
            if nl else
            f"Newcomers: {percent(targets.origin_abroad, lang)} of inhabitants have a foreign "
            "origin (the second generation too); the model's group are recent newcomers and "
            "migrants, so at most that many.")
    if fit.built is not None:
        seeds = fit.built.seeds
        span = f"{seeds[0]}–{seeds[-1]}" if len(seeds) > 1 else f"{seeds[0]}"
        lines.append(
            f"Gebouwd: {len(seeds)} modelbuurt(en) (seeds {span}, samen "
            f"{count(fit.built.homes, lang)} woningen) na hun inloopperiode, zoals een run op "
            "week 0 begint; één buurt wijkt door toeval wat meer af."
            if nl else
            f"Built: {len(seeds)} model neighbourhood(s) (seeds {span}, "
            f"{count(fit.built.homes, lang)} homes in all) after their spin-up, as a run starts "
            "at week 0; a single neighbourhood differs more by chance.")
    lines.extend(_misses(targets, fit, lang))
    return lines


def _misses(targets: Targets, fit: Fit, lang: str) -> list[str]:
    nl = lang == "nl"
    within = fit.within(targets)
    lines = []
    if not fit.reachable.get("age_65", True):
        lines.append(
            f"Let op: {percent(targets.age_65, lang)} 65-plussers is buiten bereik van het model "
            f"(het komt niet verder dan {percent(fit.expected.age_65, lang)}): bewoners worden er "
            "oud, ook als er geen ouderen komen wonen, en de groepen samen mogen niet meer dan "
            "100% zijn."
            if nl else
            f"Note: {percent(targets.age_65, lang)} aged 65+ is out of the model's reach (it gets "
            f"to {percent(fit.expected.age_65, lang)}): residents grow old in place even when no "
            "older people move in, and the groups together cannot exceed 100%.")
    if not fit.reachable.get("alone", True):
        lines.append(
            f"Let op: {percent(targets.alone, lang)} alleenwonenden is buiten bereik van het "
            f"model (het komt tot {percent(fit.expected.alone, lang)})."
            if nl else
            f"Note: {percent(targets.alone, lang)} living alone is out of the model's reach (it "
            f"gets to {percent(fit.expected.alone, lang)}).")
    if not within["age_75"]:
        lines.append(
            "Let op: het aandeel 75+ wijkt meer dan 2 procentpunt af. Eén parameter "
            "(share_older) zet de leeftijdsopbouw; de 65+ is binnen 1 punt gehouden en de 75+ "
            "volgt uit de demografie van het model, waarin ouderen tussen hun 65e en 85e komen "
            "wonen. Uitkomsten voor de oudste bewoners zijn in deze buurt daarom minder "
            "betrouwbaar."
            if nl else
            "Note: the 75+ share is more than 2 percentage points off. One parameter "
            "(share_older) sets the age structure; 65+ is kept within 1 point and 75+ follows "
            "from the model's demography, in which older people move in between 65 and 85. "
            "Outcomes for the oldest residents are therefore less reliable for this buurt.")
    return lines

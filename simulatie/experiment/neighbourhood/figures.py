"""One region's row of CBS *Kerncijfers wijken en buurten*: the figures this tool reads, by name.

The yearly KWB tables name their columns differently from year to year: in the open data
(OData) every column name carries a numeric suffix that moves when CBS adds or removes a column
(``AantalInwoners_5``, ``HuishoudensTotaal_28`` in 2018 and ``HuishoudensTotaal_29`` in 2024),
and a StatLine export writes the column's title path instead
(``Bevolking/Particuliere huishoudens/Huishoudens totaal (aantal)``). Each figure is therefore
found by its *stem* (the OData name without its suffix) or by the end of its title; when a stem
occurs more than once (the 2024 table has ``BuitenEuropa`` three times: by origin, and among
people born in and outside the Netherlands) the first column counts, which is the origin.

A figure CBS does not give (empty: cannot occur; ``.``: unknown, too unreliable or secret, as for
small buurten) is kept as missing and never read as zero: :meth:`Figures.require` says which
figure is missing, in which table and region, and what to do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

from .errors import CbsError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

__all__ = [
    "IDENTITY_STEMS",
    "IDENTITY_TITLES",
    "QUANTITIES",
    "Figures",
    "Quantity",
    "figures_from_row",
    "label_key",
    "parse_value",
    "quantity_for_key",
    "quantity_for_label",
    "stem",
]


@dataclass(frozen=True)
class Quantity:
    """A figure of the KWB table that this tool reads.

    Attributes:
        name: The name used here, e.g. ``"age_65"``.
        stem: The OData column name without its numeric suffix, e.g. ``"k_65JaarOfOuder"``.
        title: The end of its StatLine title path, lower case, without the unit.
        nl: What it is, in Dutch (as StatLine names it).
        en: What it is, in English.
        required: Whether the scenario cannot be made without it.
    """

    name: str
    stem: str
    title: str
    nl: str
    en: str
    required: bool = True


QUANTITIES: tuple[Quantity, ...] = (
    Quantity("inhabitants", "AantalInwoners", "aantal inwoners", "Aantal inwoners",
             "Inhabitants"),
    Quantity("age_0_15", "k_0Tot15Jaar", "leeftijdsgroepen/0 tot 15 jaar", "0 tot 15 jaar",
             "Aged 0 to 15"),
    Quantity("age_15_25", "k_15Tot25Jaar", "leeftijdsgroepen/15 tot 25 jaar", "15 tot 25 jaar",
             "Aged 15 to 25"),
    Quantity("age_25_45", "k_25Tot45Jaar", "leeftijdsgroepen/25 tot 45 jaar", "25 tot 45 jaar",
             "Aged 25 to 45", required=False),
    Quantity("age_45_65", "k_45Tot65Jaar", "leeftijdsgroepen/45 tot 65 jaar", "45 tot 65 jaar",
             "Aged 45 to 65", required=False),
    Quantity("age_65", "k_65JaarOfOuder", "leeftijdsgroepen/65 jaar of ouder",
             "65 jaar of ouder", "Aged 65 or older"),
    Quantity("households", "HuishoudensTotaal", "huishoudens totaal", "Huishoudens totaal",
             "Households, total"),
    Quantity("one_person", "Eenpersoonshuishoudens", "eenpersoonshuishoudens",
             "Eenpersoonshuishoudens", "One-person households"),
    Quantity("without_children", "HuishoudensZonderKinderen", "huishoudens zonder kinderen",
             "Huishoudens zonder kinderen", "Households without children", required=False),
    Quantity("with_children", "HuishoudensMetKinderen", "huishoudens met kinderen",
             "Huishoudens met kinderen", "Households with children"),
    Quantity("household_size", "GemiddeldeHuishoudensgrootte", "gemiddelde huishoudensgrootte",
             "Gemiddelde huishoudensgrootte", "Mean household size", required=False),
    # Tables up to 2021 (at least): persons with a migration background, both generations.
    Quantity("western", "WestersTotaal", "westers totaal", "Migratieachtergrond: westers totaal",
             "Migration background: western, total", required=False),
    Quantity("non_western", "NietWestersTotaal", "niet-westers totaal",
             "Migratieachtergrond: niet-westers totaal",
             "Migration background: non-western, total", required=False),
    # Tables from 2023 (at least) on: persons by country of origin (herkomstland).
    Quantity("origin_europe", "EuropaExclusiefNederland",
             "herkomstland/europa (exclusief nederland)",
             "Herkomstland: Europa (exclusief Nederland)",
             "Origin: Europe (excluding the Netherlands)", required=False),
    Quantity("origin_outside_europe", "BuitenEuropa", "herkomstland/buiten europa",
             "Herkomstland: buiten Europa", "Origin: outside Europe", required=False),
)
"""Every figure read, in the order the tables list them."""

_BY_NAME = {q.name: q for q in QUANTITIES}
_BY_STEM = {q.stem.lower(): q for q in QUANTITIES}
_SUFFIX = re.compile(r"_\d+$")
_UNIT = re.compile(r"\s*\([^()]*\)\s*$")
_THOUSANDS = re.compile(r"-?\d{1,3}(\.\d{3})+")

IDENTITY_STEMS = {"codering": "code", "gemeentenaam": "municipality", "soortregio": "kind",
                  "wijkenenbuurten": "name"}
"""The OData columns that say which region a row is (by lower-case stem)."""
IDENTITY_TITLES = {"regioaanduiding/codering": "code",
                   "regioaanduiding/gemeentenaam": "municipality",
                   "regioaanduiding/soort regio": "kind", "wijken en buurten": "name"}
"""The StatLine export's titles of the same columns."""


def stem(key: str) -> str:
    """An OData column name without its suffix: ``"AantalInwoners_5"`` → ``"AantalInwoners"``."""
    return _SUFFIX.sub("", key.strip())


def label_key(title: str) -> str:
    """A StatLine column title as compared here: lower case, single spaces, no unit at the end.

    ``"Bevolking/Bevolking naar herkomst/Herkomstland/Buiten Europa  (aantal)"`` becomes
    ``"bevolking/bevolking naar herkomst/herkomstland/buiten europa"``.
    """
    text = " ".join(title.replace("\u00a0", " ").split()).lower()
    text = _UNIT.sub("", text)
    return "/".join(part.strip() for part in text.split("/"))


def quantity_for_key(key: str) -> Quantity | None:
    """The quantity an OData column name (with or without suffix) holds, or None."""
    return _BY_STEM.get(stem(key).lower())


def quantity_for_label(title: str) -> Quantity | None:
    """The quantity a StatLine column title holds, or None."""
    text = label_key(title)
    for quantity in QUANTITIES:
        if text == quantity.title or text.endswith("/" + quantity.title):
            return quantity
    return None


@dataclass(frozen=True)
class Figures:
    """One region's figures from one KWB table.

    Attributes:
        code: The region code, e.g. ``"BU04840501"``.
        name: The region's name as CBS writes it.
        municipality: The gemeente's name, when the table gives it.
        year: The KWB year (the table's reference year).
        source: Where the figures came from, e.g. ``"CBS open data, table 84286NED"``.
        values: Figures by quantity name; ``None`` for a figure CBS does not give.
        raw: For a missing figure, what the table said (``"."``, empty), by quantity name.
    """

    code: str
    name: str
    municipality: str
    year: int | None
    source: str
    values: Mapping[str, float | None] = field(default_factory=dict)
    raw: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", MappingProxyType(dict(self.values)))
        object.__setattr__(self, "raw", MappingProxyType(dict(self.raw)))

    @property
    def label(self) -> str:
        """The region as a user recognises it: ``"Emmalaan, Alphen aan den Rijn (BU04840501)"``."""
        where = f", {self.municipality}" if self.municipality and self.municipality != self.name \
            else ""
        return f"{self.name}{where} ({self.code})" if self.name else self.code

    @property
    def table(self) -> str:
        """The table and year, for messages: ``"KWB 2018"``."""
        return f"KWB {self.year}" if self.year else "KWB"

    def get(self, name: str) -> float | None:
        """A figure, or None when CBS does not give it (or the table does not have it)."""
        return self.values.get(name)

    def require(self, name: str) -> float:
        """A figure the scenario needs.

        Raises:
            CbsError: If CBS gives no figure (empty or ``.``) or the table has no such column,
                naming the figure, the region and what to do.
        """
        value = self.values.get(name)
        if value is not None:
            return value
        quantity = _BY_NAME[name]
        if name not in self.values:
            raise CbsError(
                f"{self.source} has no column for '{quantity.en}' ({quantity.stem}); export "
                "the table Kerncijfers wijken en buurten with this figure selected",
                f"{self.source} heeft geen kolom '{quantity.nl}' ({quantity.stem}); exporteer "
                "de tabel Kerncijfers wijken en buurten met dit onderwerp erbij",
            )
        shown = self.raw.get(name, "")
        said = f"'{shown}'" if shown else "empty"
        said_nl = f"'{shown}'" if shown else "leeg"
        raise CbsError(
            f"CBS gives no figure for '{quantity.en}' in {self.label} ({self.table}): the cell is "
            f"{said} (CBS leaves out figures that are unknown, too unreliable or secret, as for "
            "small buurten); nothing was guessed: use the wijk or the gemeente instead, or "
            "another year",
            f"Het CBS geeft geen cijfer voor '{quantity.nl}' in {self.label} ({self.table}): de "
            f"cel is {said_nl} (het CBS laat cijfers weg die onbekend, te onbetrouwbaar of geheim "
            "zijn, zoals bij kleine buurten); er is niets geschat: neem de wijk of de gemeente, "
            "of een ander jaar",
        )


def parse_value(value: object) -> tuple[float | None, str]:
    """Read one cell as CBS writes it.

    Numbers stay numbers; text is read with a decimal comma (``"2,4"``) and thousands
    separated by points (``"2.675"``) or spaces. An empty cell, ``"."`` and any other CBS symbol
    mean *no figure*: they give ``None`` (never zero) and the text as it was.

    Args:
        value: A number, ``None`` or the cell's text.

    Returns:
        The number (or None) and the cell's text, stripped.

    Raises:
        CbsError: If the text is neither a number nor a CBS symbol.
    """
    if value is None:
        return None, ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (None, "NaN") if value != value else (float(value), str(value))
    text = str(value).replace("\u00a0", " ").strip()
    if text in {"", ".", "x", "-", "?", "*"}:
        return None, text
    compact = text.replace(" ", "")
    if _THOUSANDS.fullmatch(compact):
        compact = compact.replace(".", "")
    elif "," in compact:
        compact = compact.replace(".", "").replace(",", ".")
    try:
        return float(compact), text
    except ValueError:
        raise CbsError(f"cannot read '{text}' as a number", f"kan '{text}' niet als getal lezen") \
            from None


def figures_from_row(
    cells: Iterable[tuple[str, object]],
    resolve: Callable[[str], Quantity | None],
    identify: Callable[[str], str | None],
    *,
    code: str,
    year: int | None,
    source: str,
) -> Figures:
    """Collect one region's figures from a table row, whatever its column names.

    Args:
        cells: Column name and cell, in the table's column order.
        resolve: The quantity a column holds (by stem or by title), or None.
        identify: Which identity field a column holds (``"code"``, ``"name"``,
            ``"municipality"``, ``"kind"``), or None.
        code: The region code the row is for.
        year: The table's year.
        source: Where the row came from, for messages.

    Returns:
        The figures; a quantity whose column occurs twice takes the first.

    Raises:
        CbsError: If a figure's cell is neither a number nor a CBS symbol.
    """
    values: dict[str, float | None] = {}
    raw: dict[str, str] = {}
    identity: dict[str, str] = {}
    for column, cell in cells:
        field_name = identify(column)
        if field_name is not None:
            identity.setdefault(field_name, " ".join(str(cell or "").split()))
            continue
        quantity = resolve(column)
        if quantity is None or quantity.name in values:
            continue
        try:
            number, text = parse_value(cell)
        except CbsError as error:
            raise CbsError(f"{source}, {code}, column '{column}': {error.en}",
                           f"{source}, {code}, kolom '{column}': {error.nl}") from None
        values[quantity.name] = number
        if number is None:
            raw[quantity.name] = text
    name = identity.get("name", "")
    if name.upper() == code:  # an open data CSV names the region by its code only
        name = ""
    return Figures(code=code, name=name,
                   municipality=identity.get("municipality", ""), year=year, source=source,
                   values=values, raw=raw)

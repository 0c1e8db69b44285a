"""Read the CSV a user downloads from StatLine: one region's row of the KWB table.

StatLine's download (*CSV met statistische symbolen*) is a semicolon-separated UTF-8 file whose
header names each column by its title path, e.g. ``Regioaanduiding/Codering (code)``,
``Bevolking/Leeftijdsgroepen/65 jaar of ouder (aantal)``; numbers use a decimal comma, and a
figure CBS does not give is ``.`` or empty. The CSV of CBS's open data portal names the same
columns by their OData keys (``Codering_3``, ``k_65JaarOfOuder_12``). Both are read: title lines
before the header are skipped, columns are matched by title or by stem
(:mod:`.figures`), and the row is found by its region code.
"""

from __future__ import annotations

import csv
import io
import re
from typing import TYPE_CHECKING

from .errors import CbsError
from .figures import (
    IDENTITY_STEMS,
    IDENTITY_TITLES,
    Figures,
    Quantity,
    figures_from_row,
    label_key,
    quantity_for_key,
    quantity_for_label,
    stem,
)

if TYPE_CHECKING:
    from pathlib import Path

    from .regions import Region

__all__ = ["read_export"]

_YEAR = re.compile(r"wijken[ _]en[ _]buurten[ _,;-]*(20\d\d)", re.IGNORECASE)
_UNIT = re.compile(r"\(([^()]*)\)\s*$")
_SHOWN = 5


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:  # an export saved again by a spreadsheet on Windows
        return data.decode("cp1252")


def _identify(column: str) -> str | None:
    title = label_key(column)
    for known, field_name in IDENTITY_TITLES.items():
        if title == known or title.endswith("/" + known):
            return field_name
    return IDENTITY_STEMS.get(stem(column).lower().replace(" ", ""))


def _resolve(column: str) -> Quantity | None:
    quantity = quantity_for_label(column)
    if quantity is None:
        return quantity_for_key(column)
    unit = _UNIT.search(column.strip())
    if unit and unit.group(1).strip().lower() not in {"aantal", "getal"}:
        raise CbsError(
            f"the column '{column.strip()}' is in '{unit.group(1)}', not a count: this is an older "
            "KWB table (before 2017); export a table from 2018 on",
            f"de kolom '{column.strip()}' staat in '{unit.group(1)}', niet in aantallen: dit is "
            "een oudere KWB-tabel (van vóór 2017); exporteer een tabel vanaf 2018",
        )
    return quantity


def _header_index(rows: list[list[str]]) -> int | None:
    for index, row in enumerate(rows):
        fields = [_identify(cell) for cell in row]
        if "code" in fields:
            return index
    return None


def _delimiter(text: str) -> str:
    """StatLine's semicolon, unless the first lines (title lines included) have none."""
    head = "\n".join(text.splitlines()[:5])
    if ";" in head:
        return ";"
    return "\t" if "\t" in head else ","


def _year(text: str, path: Path) -> int | None:
    for candidate in (path.name, text[:2000]):
        match = _YEAR.search(candidate)
        if match:
            return int(match.group(1))
    return None


def read_export(path: Path, region: Region, year: int | None = None) -> Figures:
    """Read one region's figures from a StatLine (or open data portal) CSV export.

    Args:
        path: The downloaded file.
        region: The region whose row to read.
        year: The table's year, if the file does not say (its name or title line usually does).

    Returns:
        The region's figures, with missing ones kept as missing.

    Raises:
        CbsError: If the file cannot be read, has no region code column, does not hold the
            region, or a cell is not a number.
    """
    try:
        text = _decode(path.read_bytes())
    except OSError as error:
        raise CbsError(f"cannot read {path}: {error.strerror or error}",
                       f"kan {path} niet lezen: {error.strerror or error}") from None
    rows = [row for row in csv.reader(io.StringIO(text), delimiter=_delimiter(text)) if row]
    header_at = _header_index(rows)
    if header_at is None:
        raise CbsError(
            f"{path.name}: no column with the region code; in StatLine, select the topic "
            "'Regioaanduiding > Codering' before downloading (CSV)",
            f"{path.name}: geen kolom met de regiocode; kies in StatLine bij de onderwerpen ook "
            "'Regioaanduiding > Codering' voordat u downloadt (CSV)",
        )
    header = [cell.strip() for cell in rows[header_at]]
    code_column = next(i for i, cell in enumerate(header) if _identify(cell) == "code")
    body = [row for row in rows[header_at + 1:] if len(row) > code_column]
    match = next((row for row in body if row[code_column].strip().upper() == region.code), None)
    if match is None:
        codes = [row[code_column].strip() for row in body if row[code_column].strip()]
        shown = ", ".join(codes[:_SHOWN]) + (", ..." if len(codes) > _SHOWN else "")
        raise CbsError(
            f"{path.name} has no row for {region.code} ({len(codes)} regions, e.g. {shown}); "
            "select this region in StatLine before downloading",
            f"{path.name} heeft geen regel voor {region.code} ({len(codes)} regio's, bijv. "
            f"{shown}); selecteer deze regio in StatLine voordat u downloadt",
        )
    year = year if year is not None else _year(text, path)
    source = f"StatLine export {path.name}"
    cells = list(zip(header, match, strict=False))
    return figures_from_row(cells, _resolve, _identify, code=region.code, year=year, source=source)

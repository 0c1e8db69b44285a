"""Fetch one region's row of *Kerncijfers wijken en buurten* from CBS open data (OData v3).

Through the maintained client ``cbsodata`` (the optional extra ``simulatie[cbs]``), filtered on
the region, so one small request per table. Each year has its own table; :data:`TABLES` lists
those whose identifiers were checked against CBS's own pages or the open data the client reads.
Without the client, or without a connection, the command says so in one line and points to the
offline route: a CSV downloaded from StatLine (:mod:`.statline`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import CbsError
from .figures import IDENTITY_STEMS, Figures, figures_from_row, quantity_for_key, stem

if TYPE_CHECKING:
    from .regions import Region

__all__ = ["DEFAULT_YEAR", "TABLES", "fetch_figures", "get_data"]

TABLES: dict[int, str] = {
    2018: "84286NED",
    2019: "84583NED",
    2020: "84799NED",
    2021: "85039NED",
    2022: "85318NED",
    2023: "85618NED",
    2024: "85984NED",
    2025: "86165NED",
}
"""The KWB table of each year on CBS open data."""

DEFAULT_YEAR = 2024
"""The year read when none is given: the newest table whose population figures are complete."""


def get_data(table: str, filters: str) -> list[dict[str, Any]]:
    """Ask CBS open data for the rows of ``table`` that pass ``filters`` (typed values).

    The one place that goes over the network; the tests replace it with recorded responses.

    Raises:
        CbsError: If ``cbsodata`` is not installed, or the request fails.
    """
    try:
        import cbsodata
    except ImportError:
        raise CbsError(
            "reading CBS open data needs the package cbsodata: pip install 'simulatie[cbs]' "
            "(or pip install cbsodata); or download the table from StatLine as CSV and pass "
            "it with --csv",
            "voor CBS open data is het pakket cbsodata nodig: pip install 'simulatie[cbs]' "
            "(of pip install cbsodata); of download de tabel in StatLine als CSV en geef die "
            "mee met --csv",
        ) from None
    try:
        return list(cbsodata.get_data(table, filters=filters, typed=True))
    except Exception as error:  # the client raises requests' errors and its own
        raise CbsError(
            f"CBS open data did not answer for table {table} ({type(error).__name__}: {error}); "
            "try again later, or download the table from StatLine as CSV and pass it with --csv",
            f"CBS open data gaf geen antwoord voor tabel {table} ({type(error).__name__}: "
            f"{error}); probeer het later opnieuw, of download de tabel in StatLine als CSV en "
            "geef die mee met --csv",
        ) from None


def _identify(column: str) -> str | None:
    return IDENTITY_STEMS.get(stem(column).lower())


def fetch_figures(region: Region, year: int = DEFAULT_YEAR) -> Figures:
    """One region's figures of one year, from CBS open data.

    Args:
        region: The region.
        year: The KWB year (see :data:`TABLES`).

    Returns:
        The region's figures, with missing ones kept as missing.

    Raises:
        CbsError: For a year without a known table, a failed request, or a region the table
            does not hold.
    """
    if year not in TABLES:
        years = ", ".join(str(y) for y in TABLES)
        raise CbsError(f"no KWB table known for {year}; choose one of {years}",
                       f"geen KWB-tabel bekend voor {year}; kies uit {years}")
    table = TABLES[year]
    rows = get_data(table, f"startswith(WijkenEnBuurten,'{region.code}')")
    codes = {id(row): str(_code(row)).strip().upper() for row in rows}
    match = next((row for row in rows if codes[id(row)] == region.code), None)
    if match is None:
        raise CbsError(
            f"table {table} (KWB {year}) has no region {region.code}; check the code (buurt "
            "codes change when a gemeente redraws its buurten) or choose another year",
            f"tabel {table} (KWB {year}) heeft geen regio {region.code}; controleer de code "
            "(buurtcodes veranderen als een gemeente haar buurten opnieuw indeelt) of kies een "
            "ander jaar",
        )
    source = f"CBS open data, table {table}"
    return figures_from_row(match.items(), quantity_for_key, _identify, code=region.code,
                            year=year, source=source)


def _code(row: dict[str, Any]) -> object:
    for column, value in row.items():
        if _identify(column) == "code":
            return value
    return row.get("WijkenEnBuurten", "")

"""The page for the council: its words, its one A4 sheet, and the files beside a run or comparison.

The runs are tiny (60 residents, half a year or so, two replications): the numbers mean little;
the tests check what the page says, that it says it without developer references, that it is one
page with nothing outside the margins, and that ``--pdf`` writes it inside the folder's one write.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import UTC, datetime
from itertools import combinations

import pytest
from typer.testing import CliRunner

from simulatie.cli.main import app
from simulatie.core.parameters import parameter_specs
from simulatie.experiment import comparison as comparison_module
from simulatie.experiment import results
from simulatie.experiment.council_comparison import comparison_page
from simulatie.experiment.council_figure import comparison_figure, figure_png, run_figure
from simulatie.experiment.council_files import COUNCIL_FILES, write_council
from simulatie.experiment.council_html import council_html
from simulatie.experiment.council_pdf import A4, MARGIN, council_sheet
from simulatie.experiment.council_run import run_page
from simulatie.experiment.council_settings import policy_value, setting_label, setting_value
from simulatie.experiment.run import run
from simulatie.experiment.scenarios import load_scenario

runner = CliRunner()
MADE = datetime(2026, 3, 2, tzinfo=UTC)
CODE_NAMES = sorted((name for name in parameter_specs() if "_" in name), key=len, reverse=True)
DUTCH_WORDS = ("zonder", "procentpunt", "bewoners", "herhalingen", "berekening", "duidelijk",
               "verschil", "buurt", "jaar", "weken", "uren", "wat is", "hoe zeker", " de ",
               " het ", " een ", " en ", " van ", " niet ")


@pytest.fixture(scope="module")
def pilot_run():
    """A short run with a pilot that ends half-way, and its record as ``write_run`` keeps it."""
    scenario = load_scenario("default", {"residents": "60", "funding": "pilot",
                                         "pilot_weeks": "26"})
    result = run(scenario.parameters, seed=0, steps=60)
    record = scenario.metadata()
    record.pop("parameters")
    metadata = {**result.metadata, **record, "summary": dict(result.summary)}
    return result.timeseries, metadata


@pytest.fixture(scope="module")
def kerkweg():
    """Kerkweg against Kerkweg without professionals, small and short."""
    a = load_scenario("kerkweg", {"residents": 60})
    b = load_scenario("kerkweg:no_support", {"residents": 60})
    return comparison_module.compare(a, b, replications=2, weeks=26, workers=1)


def _code_and_paths(text: str) -> list[str]:
    """Parameter names in code form, ``name=value`` syntax, options and file paths in ``text``."""
    found = [name for name in CODE_NAMES if re.search(rf"\b{name}\b", text)]
    found += re.findall(r"\b\w+=\S+", text)
    found += re.findall(r"--\w[\w-]*", text)
    found += re.findall(r"\b[\w.-]+/[\w./-]+\b", text)  # a/b paths such as docs/odd.md
    found += re.findall(r"\b\w+\.(?:py|md|toml|json|csv|parquet)\b", text)
    return found


def _page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


# --- a single run ---------------------------------------------------------------------------


def test_the_run_page_says_what_was_organised_in_the_parameters_own_words(pilot_run):
    timeseries, metadata = pilot_run
    text = run_page(timeseries, metadata, "nl").text()
    assert "Wat is er veranderd?" in text
    assert f"{setting_label('professionals')}: 1 persoon (zonder project: 0 personen)" in text
    assert f"{setting_label('funding')}: een pilot van 26 weken" in text
    assert "60 woningen" in text and "Neutrale buurt (standaardwaarden)" in text


def test_the_run_page_has_the_result_with_units_the_baseline_and_the_side_effects(pilot_run):
    timeseries, metadata = pilot_run
    page = run_page(timeseries, metadata, "nl")
    text = page.text()
    assert "procentpunt" in page.answer or "ongeveer evenveel" in page.answer
    assert "dezelfde buurt zonder project" in page.answer
    assert re.search(r"\d+% tegen \d+%", page.answer)
    assert "zonder project is dat" in text  # the baseline's own number
    side = next(s for s in page.before if s.heading == "Bijwerkingen")
    assert any(b.startswith("Onvervulde zorgvraag:") and "uur per week" in b
               for b in side.bullets)
    assert any(b.startswith("Bewoners zonder hechte band in de buurt:") and "%" in b
               for b in side.bullets)
    assert "De proef stopte in week 26" in text
    assert "Streepjeslijn: einde van de proef (week 26)" in page.caption


def test_the_run_page_says_plainly_it_is_one_draw_and_points_to_a_comparison(pilot_run):
    timeseries, metadata = pilot_run
    page = run_page(timeseries, metadata, "nl")
    firm = page.after[0]
    assert firm.heading == "Hoe zeker is dit?"
    assert "één trekking van het toeval" in firm.paragraphs[0]
    assert "simulatie vergelijk" in firm.paragraphs[1] and "herhalingen" in firm.paragraphs[1]
    assert "één trekking van het toeval" in page.answer


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_run_page_has_no_code_names_or_file_paths(pilot_run, lang):
    timeseries, metadata = pilot_run
    assert _code_and_paths(run_page(timeseries, metadata, lang).text()) == []


def test_the_english_run_page_has_no_dutch_fixed_words(pilot_run):
    timeseries, metadata = pilot_run
    text = run_page(timeseries, metadata, "en").text().lower()
    assert [word for word in DUTCH_WORDS if word in text] == []
    assert "percentage points" in text and "hours per week" in text
    assert "one draw of chance" in text and "simulatie compare" in text


def test_a_run_without_a_baseline_says_so_and_shows_no_baseline(pilot_run):
    timeseries, metadata = pilot_run
    alone = timeseries[[c for c in timeseries.columns if not c.startswith("baseline_")]]
    page = run_page(alone, {**metadata, "summary": {}}, "nl")
    assert "zonder project" not in page.answer
    assert "procentpunt" not in page.answer


# --- a comparison ---------------------------------------------------------------------------


def test_the_comparison_page_names_what_differs_and_the_replications(kerkweg):
    page = comparison_page(kerkweg, "nl", MADE)
    text = page.text()
    assert page.title.startswith("Kerkweg")
    assert (f"{setting_label('professionals')}: A 2 personen, B 0 personen"
            in page.before[0].bullets)
    assert "Ze verschillen alleen in:" in page.before[0].paragraphs
    assert "2 herhalingen per beleid" in text and "2 maart 2026" in text
    assert "95%-interval" in page.answer
    assert ("duidelijk verschil" in page.answer) or ("geen duidelijk verschil" in page.answer)


def test_the_comparison_page_has_the_baseline_units_and_side_effects(kerkweg):
    page = comparison_page(kerkweg, "nl", MADE)
    result, side = page.before[1], page.before[2]
    assert "procentpunt" in result.bullets[0] and "verschil B − A" in result.bullets[0]
    assert "dezelfde buurt zonder project (niets georganiseerd)" in result.after[0]
    assert any(b.startswith("Onvervulde zorgvraag:") and "uur per week" in b
               for b in side.bullets)
    assert any(b.startswith("Bewoners zonder hechte band") and "procentpunt" in b
               for b in side.bullets)
    assert all(b.endswith(("duidelijk verschil.", "geen duidelijk verschil."))
               for b in side.bullets)


def _with_headline(comparison, difference, low, high):
    summary = comparison.summary.copy()
    headline = summary["measure"] == comparison_module.HEADLINE
    summary.loc[headline, ["difference", "difference_low", "difference_high", "clear"]] = [
        difference, low, high, low > 0 or high < 0]
    return replace(comparison, summary=summary)


def test_the_verdict_and_the_advice_follow_the_interval(kerkweg):
    unclear = comparison_page(_with_headline(kerkweg, 1.0, -1.0, 3.0), "nl", MADE)
    assert "geen duidelijk verschil" in unclear.answer and "omvat nul" in unclear.answer
    assert "Nog niet stevig genoeg voor de raad" in unclear.text()
    assert "ongeveer 32 herhalingen per beleid" in unclear.text()
    firm = comparison_page(_with_headline(kerkweg, -5.0, -6.0, -4.0), "nl", MADE)
    assert "Dat is een duidelijk verschil" in firm.answer and "onder nul" in firm.answer
    assert "5,0 procentpunt minder" in firm.answer
    assert "meer herhalingen zijn voor dit oordeel niet nodig" in firm.text()
    wide = comparison_page(_with_headline(kerkweg, 2.0, 0.5, 3.5), "en", MADE)
    assert "That is a clear difference" in wide.answer
    assert "how large it is remains uncertain" in wide.text()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_comparison_page_has_no_code_names_or_file_paths(kerkweg, lang):
    text = comparison_page(kerkweg, lang, MADE).text()
    text = text.replace("kerkweg:no_support", "")  # the footer names the arms as the user did
    assert _code_and_paths(text) == []


def test_the_english_comparison_page_has_no_dutch_fixed_words(kerkweg):
    text = comparison_page(kerkweg, "en", MADE).text().lower()
    assert [word for word in DUTCH_WORDS if word in text] == []
    assert "replications per policy" in text and "95% interval" in text


# --- settings in words ----------------------------------------------------------------------


def test_settings_are_named_without_notes_for_modellers():
    for name in parameter_specs():
        for lang in ("nl", "en"):
            label = setting_label(name, lang)
            assert not re.search(r"docs/|seed \d|mythe? \d|myth \d", label), (name, label)
            assert label.count("(") == label.count(")"), (name, label)
    assert setting_value("purposeful_share", 0.5) == "50%"
    assert setting_value("invitation_effort", 0.8) == "0,8 op een schaal van 0 tot 1"
    assert setting_value("professional_hours", 16.0, "en") == "16 hours per week"
    assert setting_value("guidance_style", "delegating") == "delegerend"
    assert policy_value("funding", {"funding": "pilot", "pilot_weeks": 104}) == \
        "een pilot van 104 weken (2 jaar)"


# --- the sheet and the files ----------------------------------------------------------------


def _boxes(sheet):
    """Every text's and the figure's box on the sheet, in inches."""
    sheet.set_dpi(300)
    renderer = sheet.canvas.get_renderer()
    texts = [t.get_window_extent(renderer).transformed(sheet.dpi_scale_trans.inverted())
             for t in sheet.texts if t.get_text().strip()]
    images = [ax.get_window_extent(renderer).transformed(sheet.dpi_scale_trans.inverted())
              for ax in sheet.axes]
    return texts, images


@pytest.mark.parametrize("which", ["run", "comparison"])
def test_nothing_on_the_sheet_overlaps_or_leaves_the_margins(pilot_run, kerkweg, which):
    if which == "run":
        timeseries, metadata = pilot_run
        page = run_page(timeseries, metadata, "nl")
        png = figure_png(run_figure(timeseries, metadata, "nl"), dpi=60)
    else:
        page = comparison_page(kerkweg, "nl", MADE)
        png = figure_png(comparison_figure(kerkweg, "nl"), dpi=60)
    texts, images = _boxes(council_sheet(page, png))
    assert len(images) == 1
    for box in [*texts, *images]:
        assert box.x0 >= MARGIN[0] - 0.25 and box.x1 <= A4[0] - MARGIN[0] + 0.02, box
        assert box.y0 >= MARGIN[2] - 0.05 and box.y1 <= A4[1] - MARGIN[1] + 0.05, box
    for first, second in combinations([*texts, *images], 2):
        overlap_x = min(first.x1, second.x1) - max(first.x0, second.x0)
        overlap_y = min(first.y1, second.y1) - max(first.y0, second.y0)
        assert overlap_x <= 0.01 or overlap_y <= 0.01, (first, second)


def test_a_long_page_still_fits_one_sheet(kerkweg):
    page = comparison_page(kerkweg, "nl", MADE)
    long = replace(page, before=tuple(replace(s, paragraphs=s.paragraphs * 3)
                                      for s in page.before))
    sheet = council_sheet(long, figure_png(comparison_figure(kerkweg, "nl"), dpi=60))
    texts, _ = _boxes(sheet)
    assert min(box.y0 for box in texts) >= MARGIN[2] - 0.05


def test_the_pdf_is_one_page_and_the_html_holds_the_same_words(pilot_run, tmp_path):
    timeseries, metadata = pilot_run
    page = run_page(timeseries, metadata, "nl")
    png = figure_png(run_figure(timeseries, metadata, "nl"), dpi=60)
    pdf, html = write_council(tmp_path, page, png)
    assert (pdf.name, html.name) == ("raad.pdf", "raad.html")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and _page_count(data) == 1
    text = html.read_text(encoding="utf-8")
    assert "data:image/png;base64," in text and 'lang="nl"' in text
    assert "één trekking van het toeval" in text
    assert council_html(page, png) == text


def test_run_pdf_writes_the_page_into_the_run_folder(tmp_path):
    result = runner.invoke(app, ["run", "--steps", "8", "--set", "residents=60", "--pdf",
                                 "--out", str(tmp_path / "run")])
    assert result.exit_code == 0, result.output
    folder = tmp_path / "run"
    assert (folder / "raad.pdf").exists() and (folder / "raad.html").exists()
    assert _page_count((folder / "raad.pdf").read_bytes()) == 1
    record = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    assert record["files"][-2:] == ["raad.pdf", "raad.html"]
    assert "Pagina voor de raad: raad.pdf en raad.html." in result.stdout
    assert "één trekking" in result.stdout.strip().splitlines()[-1]


def test_run_without_pdf_writes_no_page(tmp_path):
    result = runner.invoke(app, ["run", "--steps", "2", "--set", "residents=60", "--out",
                                 str(tmp_path / "run")])
    assert result.exit_code == 0, result.output
    assert not any(p.suffix in (".pdf", ".html") for p in (tmp_path / "run").iterdir())


def test_compare_pdf_in_english_writes_the_council_files(tmp_path):
    result = runner.invoke(app, ["compare", "default", "default", "--set", "residents=60",
                                 "--set-b", "funding=pilot", "--set-b", "pilot_weeks=6",
                                 "--weeks", "13", "--replications", "2", "--workers", "1",
                                 "--lang", "en", "--pdf", "--out", str(tmp_path / "cmp")])
    assert result.exit_code == 0, result.output
    folder = tmp_path / "cmp"
    names = COUNCIL_FILES["en"]
    assert (folder / names["pdf"]).exists() and (folder / names["html"]).exists()
    assert _page_count((folder / names["pdf"]).read_bytes()) == 1
    html = (folder / names["html"]).read_text(encoding="utf-8")
    assert "a pilot of 6 weeks" in html and "2 replications per policy" in html
    assert "Page for the council: council.pdf and council.html." in result.stdout


def test_a_failing_page_leaves_no_run_folder(tmp_path, fake_result, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the page failed")

    monkeypatch.setattr(results, "write_run_page", broken)
    with pytest.raises(RuntimeError):
        results.write_run(fake_result, tmp_path / "run", figure=False, council=True)
    assert list(tmp_path.iterdir()) == []

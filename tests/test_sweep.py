"""The sweep runner and report: identical results serial / local processes / a Dask cluster,
resume, failures, path safety, bounded memory, and the report's tables and figures."""

from __future__ import annotations

import gc
import json
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import typer
from typer.testing import CliRunner

from simulatie.cli.sweep import register
from simulatie.core.parameters import make_parameters
from simulatie.experiment import executors, sweep, worker
from simulatie.experiment.experiments import load_experiment
from simulatie.experiment.intervals import interval
from simulatie.experiment.report import write_report
from simulatie.experiment.sweep import (
    MANIFEST_FILE,
    RunOutcome,
    RunTask,
    SweepError,
    clear_neighbourhood_cache,
    execute_run,
    read_run_file,
    run_sweep,
)
from simulatie.experiment.sweep_results import load_results

TINY = """
name = "tiny"
weeks = 20
replications = 2
seed = 7
timeseries = ["caring_ties", "lonely_share"]
[fixed]
residents = 40
[vary]
takeover = [0.0, 1.0]
initiators = [0, 4]
"""
N_TINY = 8


def write(folder: Path, text: str, name: str = "tiny.toml") -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def cli() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


def outputs(folder: Path) -> dict[str, tuple[pd.DataFrame, dict]]:
    result = {}
    for path in sorted((folder / "runs").glob("*.parquet")):
        table, info = read_run_file(path)
        result[path.stem] = (table, info["summary"], info["seed"])
    return result


def assert_same(a: dict, b: dict) -> None:
    assert sorted(a) == sorted(b)
    for run_id, (table, summary, seed) in a.items():
        other_table, other_summary, other_seed = b[run_id]
        pd.testing.assert_frame_equal(table, other_table)
        assert json.dumps(summary, sort_keys=True) == json.dumps(other_summary, sort_keys=True)
        assert seed == other_seed


@pytest.fixture(scope="module")
def serial(tmp_path_factory) -> Path:
    """The tiny experiment, run serially once for the module."""
    folder = tmp_path_factory.mktemp("serial")
    experiment = load_experiment(write(folder, TINY))
    report = run_sweep(experiment, folder / "out", workers=1)
    assert (report.done, report.skipped, report.failed) == (N_TINY, 0, [])
    return folder / "out"


# --- Layout --------------------------------------------------------------------------------------


def test_layout_manifest_and_run_files(serial):
    manifest = pd.read_parquet(serial / MANIFEST_FILE)
    assert len(manifest) == N_TINY
    assert {"run_id", "point", "replication", "seed", "takeover", "initiators"} <= set(manifest)
    record = json.loads((serial / "experiment.json").read_text())
    assert record["seed"] == 7 and record["runs"] == N_TINY and record["fingerprint"]
    assert "residents" in record["base_parameters"]
    assert (serial / "experiment.toml").read_text().strip().startswith('name = "tiny"')
    runs = outputs(serial)
    assert sorted(runs) == sorted(manifest["run_id"])
    table, summary, seed = runs["p0000-r000"]
    assert list(table.columns) == ["week", "caring_ties", "lonely_share"]  # parameters not on rows
    assert len(table) == 21
    assert {"emergence_week", "caring_peak", "half_life_weeks", "final_lonely_share"} <= set(
        summary
    )
    assert seed == manifest.loc[manifest["run_id"] == "p0000-r000", "seed"].item()
    assert not list((serial / "runs").glob(".*"))


def test_same_seed_same_run_as_run():
    from simulatie.experiment.run import run

    experiment = load_experiment(write(Path(os.environ.get("TMPDIR", "/tmp")), TINY, "x.toml"))
    spec = experiment.runs()[5]
    outcome = execute_run(RunTask(spec.run_id, spec.seed, 20, ("caring_ties",), spec.parameters))
    direct = run(spec.parameters, seed=spec.seed, steps=20)
    assert outcome.timeseries["caring_ties"].tolist() == direct.timeseries["caring_ties"].tolist()


# --- Serial vs local processes vs a Dask cluster -------------------------------------------------


def test_local_cluster_gives_identical_results(serial, tmp_path):
    experiment = load_experiment(write(tmp_path, TINY))
    report = run_sweep(experiment, tmp_path / "out", workers=2)
    assert (report.done, report.failed) == (N_TINY, [])
    assert_same(outputs(serial), outputs(tmp_path / "out"))


def _start(args: list[str], log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        args, stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True
    )


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def test_dask_cluster_of_subprocesses_gives_identical_results(serial, tmp_path):
    dask = Path(sys.executable).with_name("dask")
    scheduler_file = tmp_path / "scheduler.json"
    scheduler = _start(
        [str(dask), "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
         "--scheduler-file", str(scheduler_file)],
        tmp_path / "scheduler.log",
    )
    worker = None
    try:
        deadline = time.monotonic() + 30
        while not scheduler_file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        address = json.loads(scheduler_file.read_text())["address"]
        assert address.startswith("tcp://127.0.0.1:")
        worker = _start(
            [str(dask), "worker", address, "--nworkers", "1", "--nthreads", "1",
             "--host", "127.0.0.1", "--no-dashboard"],
            tmp_path / "worker.log",
        )
        from distributed import Client

        with Client(address, timeout=20) as client:
            client.wait_for_workers(1, timeout=30)
        result = CliRunner().invoke(
            cli(),
            ["sweep", str(write(tmp_path, TINY)), "--scheduler", address, "--out",
             str(tmp_path / "out"), "--quiet"],
        )
        assert result.exit_code == 0, result.output
        assert f"klaar {N_TINY}, overgeslagen 0, mislukt 0" in result.stdout
        assert_same(outputs(serial), outputs(tmp_path / "out"))
    finally:
        for process in (worker, scheduler):
            if process is not None:
                _stop(process)


def test_unreachable_scheduler_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(executors, "CONNECT_TIMEOUT", 1)
    result = CliRunner().invoke(
        cli(),
        ["sweep", str(write(tmp_path, TINY)), "--scheduler", "tcp://127.0.0.1:9",
         "--out", str(tmp_path / "out"), "--quiet"],
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("fout: kan de Dask-scheduler op 'tcp://127.0.0.1:9' niet "
                                    "bereiken")


# --- Resume --------------------------------------------------------------------------------------


def test_resume_after_lost_outputs(serial, tmp_path):
    experiment = load_experiment(write(tmp_path, TINY))
    out = tmp_path / "out"
    run_sweep(experiment, out, workers=1)
    for run_id in ("p0000-r001", "p0002-r000", "p0003-r001"):
        (out / "runs" / f"{run_id}.parquet").unlink()
    (out / "runs" / ".p0001-r000.parquet.deadbeef.tmp").write_bytes(b"half a file")
    report = run_sweep(experiment, out, workers=1)
    assert (report.skipped, report.done, report.failed) == (N_TINY - 3, 3, [])
    assert len(list((out / "runs").iterdir())) == N_TINY
    assert_same(outputs(serial), outputs(out))


@pytest.mark.slow
def test_resume_after_kill(serial, tmp_path):
    bigger = TINY.replace("replications = 2", "replications = 5")  # 20 runs
    path = write(tmp_path, bigger)
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "simulatie.cli.sweep", "sweep", str(path), "--workers", "1",
         "--out", str(out), "--quiet"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            if len(list((out / "runs").glob("*.parquet"))) >= 3 if out.exists() else False:
                break
            time.sleep(0.02)
        assert process.poll() is None, "the sweep finished before it could be killed"
        process.send_signal(signal.SIGKILL)
        process.wait()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    before = len(list((out / "runs").glob("*.parquet")))
    assert 3 <= before < 20
    report = run_sweep(load_experiment(path), out, workers=1)
    assert report.skipped == before and report.done == 20 - before and not report.failed
    files = sorted(p.name for p in (out / "runs").iterdir())
    assert len(files) == 20 and all(name.endswith(".parquet") for name in files)
    assert len(load_results(out).runs) == 20
    # runs of replications 0 and 1 equal those of the serial two-replication sweep (same seeds)
    small = {k: v for k, v in outputs(out).items() if k.endswith(("-r000", "-r001"))}
    assert_same(outputs(serial), small)


def test_other_experiment_in_same_folder_is_refused(serial, tmp_path):
    changed = load_experiment(write(tmp_path, TINY.replace("weeks = 20", "weeks = 21")))
    with pytest.raises(SweepError, match="different experiment"):
        run_sweep(changed, serial, workers=1)


def test_non_empty_foreign_folder_is_refused(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "thesis.docx").write_text("precious")
    with pytest.raises(SweepError, match="not empty"):
        run_sweep(load_experiment(write(tmp_path, TINY)), tmp_path / "out", workers=1)


# --- Failures ------------------------------------------------------------------------------------


def test_failing_run_is_recorded_and_the_others_go_on(tmp_path, monkeypatch):
    real = worker._simulate

    def flaky(task):
        if task.run_id == "p0001-r000":
            raise RuntimeError("the model fell over")
        return real(task)

    monkeypatch.setattr(worker, "_simulate", flaky)
    path = write(tmp_path, TINY)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli(), ["sweep", str(path), "--workers", "1", "--out", str(out), "--quiet"]
    )
    assert result.exit_code == 1
    assert f"klaar {N_TINY - 1}, overgeslagen 0, mislukt 1 van {N_TINY}" in result.stdout
    assert "mislukte runs: p0001-r000" in result.stderr
    failure = json.loads((out / "runs" / "p0001-r000.failed.json").read_text())
    assert failure["error"] == "RuntimeError: the model fell over"
    assert "Traceback" in failure["traceback"] and "flaky" in failure["traceback"]
    assert failure["varied"] == {"takeover": 0.0, "initiators": 4}
    assert len(list((out / "runs").glob("*.parquet"))) == N_TINY - 1

    _, notes = write_report(out)  # the report covers what finished
    assert any("1 failed" in note for note in notes)

    monkeypatch.setattr(worker, "_simulate", real)
    report = run_sweep(load_experiment(path), out, workers=1)
    assert (report.skipped, report.done, report.failed) == (N_TINY - 1, 1, [])
    assert not (out / "runs" / "p0001-r000.failed.json").exists()


# --- Paths ---------------------------------------------------------------------------------------


def test_malicious_name_stays_inside_the_results_folder(tmp_path, monkeypatch):
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    path = write(work, TINY.replace('name = "tiny"', 'name = "../../etc"').replace(
        "replications = 2", "replications = 1"))
    result = CliRunner().invoke(cli(), ["sweep", str(path), "--workers", "1", "--quiet"])
    assert result.exit_code == 0, result.output
    written = work / "results" / "sweeps" / "etc"
    assert (written / MANIFEST_FILE).is_file()
    everything = {p for p in tmp_path.rglob("*") if p.is_file()}
    assert all(p.is_relative_to(work) for p in everything)
    assert not (tmp_path / "etc").exists() and not (work / "etc").exists()


def test_writes_outside_the_folder_are_refused(tmp_path):
    with pytest.raises(SweepError, match="outside the output folder"):
        sweep._inside(tmp_path / "out", tmp_path / "out" / ".." / "elsewhere.parquet")


# --- Memory --------------------------------------------------------------------------------------


def _live_models() -> int:
    from simulatie.core.run.model import CaringCommunity

    gc.collect()
    return sum(isinstance(o, CaringCommunity) for o in gc.get_objects())


def test_neighbourhood_cache_is_cleared():
    from simulatie.core.parameters import make_parameters
    from simulatie.core.run.model import CaringCommunity

    clear_neighbourhood_cache()
    before = _live_models()
    model = CaringCommunity(params=make_parameters({"residents": 40}), rng=1)
    for cell in list(model.grid.all_cells)[:5]:
        assert cell.neighborhood is not None  # fills Mesa's global cache
    del model, cell
    assert _live_models() == before + 1  # the cache keeps the model alive
    clear_neighbourhood_cache()
    assert _live_models() == before


def test_memory_stays_flat_run_after_run():
    experiment = load_experiment(write(Path(os.environ.get("TMPDIR", "/tmp")), TINY, "m.toml"))
    specs = experiment.runs()
    tasks = [RunTask(s.run_id, s.seed, 20, ("caring_ties",), s.parameters) for s in specs[:4]]
    tasks *= 3
    before = _live_models()
    tracemalloc.start()
    try:
        sizes = []
        for number, task in enumerate(tasks):
            assert execute_run(task).ok
            if number % 4 == 3:
                assert _live_models() == before  # no model outlives its run
            sizes.append(tracemalloc.get_traced_memory()[0])
    finally:
        tracemalloc.stop()
    growth = sizes[-1] - sizes[3]
    assert growth < 1_000_000, f"memory grew by {growth} bytes over {len(tasks) - 4} runs"


# --- Report --------------------------------------------------------------------------------------


def test_interval():
    stats = interval([1.0, 2.0, 3.0, float("nan")])
    assert stats["n"] == 3 and stats["n_undefined"] == 1 and stats["mean"] == 2.0
    assert stats["ci_low"] == pytest.approx(2 - 4.302653 / np.sqrt(3), rel=1e-5)
    assert np.isnan(interval([5.0])["ci_low"])


def test_report_writes_summary_and_figures(serial):
    result = CliRunner().invoke(cli(), ["report", str(serial)])
    assert result.exit_code == 0, result.output
    report = serial / "report"
    summary = pd.read_csv(report / "summary.csv")
    assert {"point", "takeover", "initiators", "measure", "n", "mean", "ci_low", "ci_high"} <= set(
        summary
    )
    assert set(summary["point"]) == {0, 1, 2, 3}
    assert {"emergence_week", "caring_peak", "half_life_weeks", "final_lonely_share"} <= set(
        summary["measure"]
    )
    peak = summary[(summary["point"] == 0) & (summary["measure"] == "caring_peak")].iloc[0]
    runs = pd.read_csv(report / "runs.csv")
    assert peak["mean"] == pytest.approx(runs.loc[runs["point"] == 0, "caring_peak"].mean())
    assert peak["n"] == 2
    for name in ("timeseries_caring_ties.png", "timeseries_lonely_share.png",
                 "measures_vs_takeover.png", "measures_vs_initiators.png"):
        assert (report / name).read_bytes()[:4] == b"\x89PNG"


def test_report_in_words_is_dutch_by_default(serial):
    result = CliRunner().invoke(cli(), ["report", str(serial)])
    assert result.exit_code == 0, result.output
    assert "bestanden geschreven" in result.stdout and "report.md" in result.stdout
    report = serial / "report"
    text = (report / "report.md").read_text(encoding="utf-8")
    for heading in ("# Wat de simulaties laten zien", "## Wat er is gedaan", "## In het kort",
                    "## Per instelling", "## Hoe zeker is dit?"):
        assert heading in text
    # settings by their short labels; the name to type where the report introduces them
    assert "**Overnemen door professionals van 0% naar 100%**" in text
    assert "**Kartrekkers van 0 naar 4**" in text
    assert "**Kartrekkers** (`initiators`) — " in text and "`takeover`" in text
    assert "weinig runs (2 herhalingen)" in text  # two replications are few
    assert "procentpunt" in text and "(measures_vs_takeover.png)" in text
    page = (report / "report.html").read_text(encoding="utf-8")
    assert '<html lang="nl">' in page and "<table>" in page
    # Dutch Excel: ';' between columns, a decimal comma, Dutch headers, shares in percent
    for name in ("effecten.csv", "samenvatting.csv", "tijdreeks.csv"):
        assert (report / name).read_text(encoding="utf-8-sig").splitlines()[0].count(";") > 3
    series = pd.read_csv(report / "tijdreeks.csv", sep=";", decimal=",", encoding="utf-8-sig")
    assert list(series.columns[:5]) == ["combinatie", "takeover", "initiators", "week", "jaar"]
    assert len(series) == 4 * 21 and "Bewoners zonder hechte band in de buurt (%)" in series
    assert series["Bewoners zonder hechte band in de buurt (%)"].between(0, 100).all()
    summary = pd.read_csv(report / "samenvatting.csv", sep=";", decimal=",",
                          encoding="utf-8-sig")
    assert {"uitkomst", "gemiddelde", "95% ondergrens", "interval afgekapt"} <= set(summary)


def test_report_in_english(serial):
    result = CliRunner().invoke(cli(), ["report", str(serial), "--lang", "en"])
    assert result.exit_code == 0, result.output
    report = serial / "report"
    text = (report / "report.md").read_text(encoding="utf-8")
    assert "# What the simulations show" in text and "few runs (2 replications)" in text
    assert "percentage points" in text
    effects_csv = pd.read_csv(report / "effects.csv")
    assert {"setting", "outcome", "difference", "how sure"} <= set(effects_csv)
    assert (report / "timeseries.csv").read_text(encoding="utf-8-sig").startswith(
        "design point,takeover,initiators,week,year,")


def test_report_intervals_keep_to_bounds(serial):
    from simulatie.experiment.report import summarise

    summary = summarise(load_results(serial))
    shares = summary[summary["measure"].isin(["final_lonely_share"])]
    assert (shares["ci_low"] >= 0).all() and (shares["ci_high"] <= 1).all()
    counts = summary[summary["measure"] == "final_caring_ties"]
    assert (counts["ci_low"].dropna() >= 0).all()


def test_report_figures_have_whole_number_ticks_for_counts(serial):
    from simulatie.experiment.report import plot_measures, plot_timeseries

    results = load_results(serial)
    figure = plot_measures(results, "initiators")  # initiators: a whole number of people
    for ax in figure.axes:
        if ax.get_visible():
            assert all(float(t).is_integer() for t in ax.get_xticks()), ax.get_title()
    weekly = plot_timeseries(results, "caring_ties")  # a count of ties
    assert all(float(t).is_integer() for t in weekly.axes[0].get_yticks())


@pytest.mark.parametrize(("method", "samples", "columns"), [
    ("morris", 3, {"mu_star", "mu_star_conf", "sigma"}),
    ("sobol", 4, {"S1", "S1_conf", "ST", "ST_conf"}),
])
def test_sensitivity_report(tmp_path, method, samples, columns):
    text = f"""
    weeks = 12
    seed = 5
    timeseries = ["caring_ties"]
    [design]
    method = "{method}"
    samples = {samples}
    [fixed]
    residents = 40
    [vary]
    takeover = {{}}
    initiators = {{ lower = 0, upper = 10 }}
    """
    experiment = load_experiment(write(tmp_path, text))
    run_sweep(experiment, tmp_path / "out", workers=1)
    _, notes = write_report(tmp_path / "out")
    assert not notes
    table = pd.read_csv(tmp_path / "out" / "report" / "sensitivity.csv")
    assert columns <= set(table) and set(table["parameter"]) == {"takeover", "initiators"}
    assert (tmp_path / "out" / "report" / "sensitivity.png").is_file()


def test_report_on_a_folder_that_is_not_a_sweep(tmp_path):
    result = CliRunner().invoke(cli(), ["report", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.startswith("fout: ") and "is geen resultatenmap" in result.stderr
    english = CliRunner().invoke(cli(), ["report", str(tmp_path), "-l", "en"])
    assert english.stderr.startswith("error: ") and "not a sweep's results folder" in english.stderr


def _dies_once(task: RunTask) -> RunOutcome:
    """A worker that dies the first time it sees a run (as if killed), and succeeds after."""
    marker = Path(tempfile.gettempdir()) / f"simulatie-dies-once-{task.run_id}-{task.seed}"
    if not marker.exists():
        marker.touch()
        os._exit(1)
    return RunOutcome(run_id=task.run_id, summary={"attempt": 2.0})


def _always_dies(task: RunTask) -> RunOutcome:
    os._exit(1)


def _tasks(count: int, seed: int) -> list[RunTask]:
    params = make_parameters({"residents": 20})
    return [RunTask(f"r{i}", seed + i, 4, (), params) for i in range(count)]


def test_local_pool_retries_runs_whose_worker_died():
    """Every run kills its worker once: all finish, though each death also breaks the others'."""
    seed = int(time.time() * 1000) % 1_000_000_000  # fresh markers for every test run
    outcomes = list(executors.run_locally(2, _tasks(5, seed), _dies_once))
    assert sorted(o.run_id for o in outcomes) == ["r0", "r1", "r2", "r3", "r4"]
    assert all(o.ok and o.summary == {"attempt": 2.0} for o in outcomes), outcomes


def test_local_pool_records_a_run_that_kills_every_worker_as_failed():
    outcomes = list(executors.run_locally(2, _tasks(2, 0), _always_dies))
    assert sorted(o.run_id for o in outcomes) == ["r0", "r1"]
    assert all(not o.ok and "BrokenProcessPool" in o.error for o in outcomes)

"""Stopping long commands: Ctrl+C, SIGTERM and SIGHUP end them within seconds, leaving nothing.

Each test starts a real command as a subprocess in its own session (as a terminal would run it),
sends a real signal part-way through (Ctrl+C goes to the whole process group, as a terminal sends
it; SIGTERM and SIGHUP to the command only), and checks the exit code, the one-line message, that
no process the command started is left, and that a resumed sweep ends with exactly the planned
runs, identical to a sweep that was never interrupted.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import psutil
import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

EXPERIMENT = """
title = "stop check"
scenario = "default"
weeks = 150
replications = 4
seed = 4242
timeseries = ["caring_ties", "lonely_share", "care_hours_unmet"]
[fixed]
residents = 150
spin_up_weeks = 52
[design]
method = "factorial"
[vary]
takeover = [0.0, 0.5, 1.0]
"""
PLANNED = 12  # 3 design points x 4 replications
STOP_WITHIN = 5.0  # seconds: "about 2 s" plus the start-up of a loaded CI machine


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "simulatie", *args]


def _start(args: list[str], cwd: Path, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen(args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True,
                            env={**os.environ, "MPLBACKEND": "Agg", **(env or {})})


def _descendants(process: subprocess.Popen) -> list[psutil.Process]:
    try:
        return psutil.Process(process.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def _signal(process: subprocess.Popen, sig: int) -> None:
    if sig == signal.SIGINT:  # Ctrl+C reaches the whole foreground process group
        os.killpg(process.pid, sig)
    else:
        process.send_signal(sig)


def _stop_and_check(process: subprocess.Popen, sig: int, seen: list[psutil.Process],
                    message: str) -> str:
    """Send ``sig``; the command must end in time, with 128 + sig, the message, no leftovers."""
    seen = seen + _descendants(process)
    sent = time.monotonic()
    _signal(process, sig)
    try:
        _, err = process.communicate(timeout=STOP_WITHIN + 10)
    except subprocess.TimeoutExpired:
        process.kill()
        pytest.fail(f"the command did not stop after signal {sig}")
    took = time.monotonic() - sent
    assert took < STOP_WITHIN, f"took {took:.1f} s to stop"
    assert process.returncode == 128 + sig, (process.returncode, err)
    assert message in err, err
    _, alive = psutil.wait_procs(seen, timeout=3)
    assert not alive, f"left behind: {[p.pid for p in alive]}"
    return err


def _wait_for(condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail("timed out waiting for the command to get going")
        time.sleep(0.05)


@pytest.fixture(scope="module")
def experiment(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("stop")
    path = folder / "stop.toml"
    path.write_text(EXPERIMENT, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def reference(experiment: Path) -> dict[str, pd.DataFrame]:
    """The sweep run once without interruption (serially): every run's file."""
    out = experiment.parent / "reference"
    subprocess.run(_command("sweep", str(experiment), "--out", str(out), "--workers", "1",
                            "--quiet"), check=True, cwd=experiment.parent, capture_output=True)
    return {p.stem: pd.read_parquet(p) for p in (out / "runs").glob("*.parquet")}


def _runs(out: Path) -> dict[str, pd.DataFrame]:
    return {p.stem: pd.read_parquet(p) for p in (out / "runs").glob("*.parquet")}


@pytest.mark.parametrize("sig", [
    signal.SIGINT,
    pytest.param(signal.SIGTERM, marks=pytest.mark.slow),  # same path as Ctrl+C: slow suite
    pytest.param(signal.SIGHUP, marks=pytest.mark.slow),
], ids=["ctrl-c", "sigterm", "sighup"])
def test_a_sweep_stops_keeps_finished_runs_and_resumes_exactly(
    experiment: Path, reference: dict[str, pd.DataFrame], tmp_path: Path, sig: int
) -> None:
    out = tmp_path / "sweep"
    args = _command("sweep", str(experiment), "--out", str(out), "--workers", "2", "--quiet")
    process = _start(args, tmp_path)
    seen: list[psutil.Process] = []

    def first_run_written() -> bool:
        seen.extend(_descendants(process))
        return any((out / "runs").glob("*.parquet")) if (out / "runs").is_dir() else False

    _wait_for(first_run_written)
    err = _stop_and_check(process, sig, seen, "dezelfde opdracht gaat verder waar hij was")
    done = int(err.split("onderbroken: ")[1].split(" van de ")[0])
    assert done == len(_runs(out)) < PLANNED
    assert not list((out / "runs").glob("*.failed.json"))  # nobody counted a worker as dead
    subprocess.run(args, check=True, cwd=tmp_path, capture_output=True)
    resumed = _runs(out)
    assert set(resumed) == set(reference)
    for run_id, table in reference.items():
        pd.testing.assert_frame_equal(resumed[run_id], table)


def test_killing_a_sweep_outright_leaves_no_worker_behind(experiment: Path, tmp_path: Path) -> None:
    """Even ``kill -9`` (no chance to clean up): the workers notice and end themselves."""
    out = tmp_path / "killed"
    process = _start(_command("sweep", str(experiment), "--out", str(out), "--workers", "2",
                              "--quiet"), tmp_path)
    seen: list[psutil.Process] = []

    def workers_busy() -> bool:
        seen.extend(_descendants(process))
        return len({p.pid for p in seen}) >= 3  # the forkserver and two workers

    _wait_for(workers_busy)
    seen += _descendants(process)
    process.kill()
    process.wait()
    _, alive = psutil.wait_procs(seen, timeout=STOP_WITHIN)
    assert not alive, f"left behind: {[p.cmdline()[-1][:60] for p in alive]}"


@pytest.mark.slow
def test_a_sweep_runs_the_same_on_spawned_workers(
    experiment: Path, reference: dict[str, pd.DataFrame], tmp_path: Path
) -> None:
    """Where there is no forkserver (Windows) workers are spawned; the results are the same."""
    out = tmp_path / "spawned"
    subprocess.run(_command("sweep", str(experiment), "--out", str(out), "--workers", "2",
                            "--quiet"), check=True, cwd=tmp_path, capture_output=True,
                   env={**os.environ, "SIMULATIE_START_METHOD": "spawn"})
    runs = _runs(out)
    assert set(runs) == set(reference)
    for run_id, table in reference.items():
        pd.testing.assert_frame_equal(runs[run_id], table)


MYTH = ["--quick", "--residents", "60", "--weeks", "60", "--replications", "2",
        "--set", "spin_up_weeks=26", "--workers", "2", "--lang", "en"]


def test_a_myth_runs_on_spawned_workers(tmp_path: Path) -> None:
    done = subprocess.run(_command("myth", "6", *MYTH, "--out", str(tmp_path / "m")),
                          cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "SIMULATIE_START_METHOD": "spawn",
                               "MPLBACKEND": "Agg"})
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "m" / "handout.html").is_file()


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_the_myths_pack_stops_and_leaves_nothing(tmp_path: Path, sig: int) -> None:
    process = _start(_command("myths", *MYTH, "--out", str(tmp_path / "pack")), tmp_path)
    seen: list[psutil.Process] = []

    def workers_busy() -> bool:
        found = _descendants(process)
        seen.extend(found)
        return len(found) >= 2

    _wait_for(workers_busy)
    time.sleep(0.5)
    _stop_and_check(process, sig, seen, "myths done")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serving(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.2)
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT],
                         ids=["sigterm", "sighup", "ctrl-c"])
def test_the_dashboard_server_does_not_outlive_the_command(tmp_path: Path, sig: int) -> None:
    pytest.importorskip("solara")
    port = _free_port()
    process = _start(_command("dashboard", "--port", str(port)), tmp_path)
    seen: list[psutil.Process] = []

    def up() -> bool:
        seen.extend(_descendants(process))
        return _serving(port)

    _wait_for(up, timeout=90)
    _stop_and_check(process, sig, seen, "het dashboard wordt niet meer aangeboden")
    assert not _serving(port)

"""The dashboard's and workshop's server starts without Solara's cookie warning, and no other
warning is hidden: the filter names the one message, its category and its module."""

from __future__ import annotations

import subprocess
import sys

from simulatie.cli.dashboard import COOKIE_WARNING_FILTER, server_environment

SOLARA_WARNS = (
    "import warnings\n"
    "warnings.warn_explicit('Cookies with samesite=none require https, but according to the "
    "asgi framework, the scheme is http', UserWarning, 'starlette.py', 578, "
    "module='solara.server.starlette')\n"
    "warnings.warn_explicit('something else', UserWarning, 'starlette.py', 600, "
    "module='solara.server.starlette')\n"
    "warnings.warn_explicit('Cookies with samesite=none require https', UserWarning, 'app.py', "
    "1, module='someone.else')\n"
)


def test_the_filter_is_added_to_the_warnings_already_asked_for():
    assert server_environment({})["PYTHONWARNINGS"] == COOKIE_WARNING_FILTER
    mine = server_environment({"PYTHONWARNINGS": "error::DeprecationWarning", "KEEP": "1"})
    assert mine["PYTHONWARNINGS"] == f"error::DeprecationWarning,{COOKIE_WARNING_FILTER}"
    assert mine["KEEP"] == "1"
    twice = server_environment({"PYTHONWARNINGS": COOKIE_WARNING_FILTER})
    assert twice["PYTHONWARNINGS"] == COOKIE_WARNING_FILTER


def test_only_solaras_cookie_warning_is_silenced():
    done = subprocess.run([sys.executable, "-c", SOLARA_WARNS], env=server_environment(),
                          capture_output=True, text=True, check=True)
    assert "Cookies with samesite=none" in done.stderr  # the same words from another module
    assert "app.py" in done.stderr and "something else" in done.stderr
    assert "starlette.py:578" not in done.stderr

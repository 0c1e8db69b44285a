"""What the Solara server does for the dashboard and the workshop before anyone opens a page.

Two things make the first page of a freshly started server slow to appear, and neither needs a
browser: the page Solara shows while the browser loads (its "Loading app", in English), and the
first model (the neighbourhood's spin-up, the compiled kernels loaded or compiled, the pictures'
fonts and legends). When Solara imports an app to serve it (at the server's start), the app calls
:func:`prepare`, which

* puts this package's ``templates/`` folder before Solara's own, so the loader the browser
  shows is the Dutch one in ``templates/loader-solara.html`` (the workshop's app finds it there by
  itself: Solara looks in the folder above an app's own);
* starts the app's warm-up in a background thread: the first visitor then finds the spin-up
  computed and the kernels compiled.

Imported in any other way (a test, a headless render, the benchmarks) nothing happens. This module
does not import Solara at import time.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path

__all__ = ["TEMPLATES", "prepare", "served_by_solara", "use_dutch_loader"]

TEMPLATES = Path(__file__).resolve().parent / "templates"
"""The templates that replace Solara's: the loader shown while a page loads."""

_log = logging.getLogger(__name__)


def served_by_solara(module: str) -> bool:
    """Whether the Solara server is importing ``module`` as the app it serves.

    Args:
        module: The app module's name (``__name__``).
    """
    server_apps = sys.modules.get("solara.server.app")
    apps = getattr(server_apps, "apps", None) or {}
    return any(getattr(app, "name", None) == module for app in apps.values())


def use_dutch_loader() -> bool:
    """Look for Solara's page templates in :data:`TEMPLATES` first.

    Returns:
        Whether the folder is now searched first (False when Solara's server is not there).
    """
    try:
        from solara.server import server
    except ImportError:  # pragma: no cover - solara without its server
        return False
    environment = server.get_jinja_env(app_name="__default__")
    searchpath = getattr(environment.loader, "searchpath", None)
    if searchpath is None:  # pragma: no cover - another kind of loader
        return False
    if str(TEMPLATES) not in searchpath:
        searchpath.insert(0, str(TEMPLATES))
    return True


def _warm(work: Callable[[], object], name: str) -> None:
    try:
        work()
    except Exception:  # a warm-up that fails costs the first visitor time, nothing more
        _log.exception("warming up %s failed", name)


def prepare(module: str, warm_up: Callable[[], object]) -> threading.Thread | None:
    """When Solara serves ``module``: the Dutch loader, and ``warm_up`` in a background thread.

    Args:
        module: The app module's name (``__name__``).
        warm_up: What the first visitor would otherwise wait for.

    Returns:
        The warm-up's thread, or ``None`` when ``module`` is not being served.
    """
    if not served_by_solara(module):
        return None
    use_dutch_loader()
    thread = threading.Thread(target=_warm, args=(warm_up, module), daemon=True,
                              name=f"warm-up {module}")
    thread.start()
    return thread

"""The command line (``simulatie``): it only parses, loads, calls and writes.

:mod:`.main` holds the Typer app and the run commands; each other module adds one group of
commands (``sweep``, ``myths``, ``calibrate``, ``discover``, …) with a ``register`` function.
"""

__all__: list[str] = []

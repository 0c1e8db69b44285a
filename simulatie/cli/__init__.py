"""The command line (``simulatie``): it only parses, loads, calls and writes.

:mod:`.main` holds the Typer app and the run commands; each other module adds one group of
commands (``sweep``, ``myths``, ``calibrate``, ``discover``, …) with a ``register`` function.
Every command speaks Dutch unless ``--lang en``: :mod:`.language` decides the language of help,
output and messages, and :mod:`.messages` says the errors of the layers below in Dutch.
"""

__all__: list[str] = []

"""The command line's language: Dutch unless asked for English, in help, messages and output.

Its users are Dutch community workers and policy advisers, so every command speaks Dutch by
default. Three things decide the language:

* ``--lang nl|en`` (``-l``), the same option on every command, chooses the language of what the
  command prints and writes and of its error messages (:data:`LangOption`, :func:`current_lang`);
* ``SIMULATIE_LANG=en`` in the environment makes English the default of ``--lang`` and the
  language of ``--help``. Typer renders help before any option is read, so the help's language
  is fixed once, when the command line is built (:data:`DEFAULT_LANG`, :func:`tr`);
* a usage error (an unknown option, a missing argument) is reported in the language of a
  ``--lang`` on the same command line, read before Click parses it (:func:`lang_in_args`).

Help texts are written in both languages where they are declared (:func:`tr`). What Typer adds
around them (``Usage:``, the panel titles, ``[default: …]``, the ``--help`` option's own line and
type markers such as ``<int>``) is put into Dutch by :class:`LocalCommand` and
:class:`LocalGroup`, which every command of :class:`App` uses. Error messages are translated by
:mod:`simulatie.cli.messages`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

try:  # recent typer ships its own copy of click
    from typer._click.globals import get_current_context
except ImportError:  # pragma: no cover - older typer runs on click itself
    from click import get_current_context

__all__ = [
    "DEFAULT_LANG",
    "ENV_VAR",
    "App",
    "Lang",
    "LangOption",
    "LocalCommand",
    "LocalGroup",
    "current_lang",
    "lang_in_args",
    "lang_option",
    "remember_lang",
    "tr",
]

ENV_VAR = "SIMULATIE_LANG"
"""Environment variable that makes English (``en``) the default language and that of help."""


class Lang(StrEnum):
    """Language of labels, descriptions, messages, figures and handouts."""

    NL = "nl"
    EN = "en"


def _from_environment() -> Lang:
    """``SIMULATIE_LANG`` as a language: English when it says ``en``, else Dutch."""
    return Lang.EN if os.environ.get(ENV_VAR, "").strip().lower() == "en" else Lang.NL


DEFAULT_LANG = _from_environment()
"""The default of every ``--lang`` and the language of ``--help``: read once, at start-up."""

_META_KEY = "simulatie.lang"


def tr(nl: str, en: str) -> str:
    """Return the Dutch or the English text, by :data:`DEFAULT_LANG` (for help texts)."""
    return en if DEFAULT_LANG is Lang.EN else nl


def remember_lang(ctx: typer.Context, value: Lang | None) -> Lang | None:
    """Keep a chosen ``--lang`` for the whole command (the callback of :data:`LangOption`).

    The innermost command's ``--lang`` wins: it is read after its group's.
    """
    if value is not None:
        ctx.meta[_META_KEY] = Lang(value)
    return value


def current_lang() -> Lang:
    """The language of the running command: its ``--lang``, else :data:`DEFAULT_LANG`."""
    ctx = get_current_context(silent=True)
    chosen = ctx.meta.get(_META_KEY) if ctx is not None else None
    return chosen if chosen is not None else DEFAULT_LANG


def lang_in_args(args: Sequence[str]) -> Lang | None:
    """A ``--lang`` (``-l``) on a command line that has not been parsed yet; the last one wins."""
    found = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        value = None
        if arg in ("--lang", "-l") and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith("--lang="):
            value = arg.removeprefix("--lang=")
        elif arg.startswith("-l") and len(arg) > 2:
            value = arg[2:]
        if value is not None and value.strip().lower() in ("nl", "en"):
            found = Lang(value.strip().lower())
    return found


def lang_option(nl: str | None = None, en: str | None = None) -> Any:
    """The ``--lang``/``-l`` option every command declares, with its own help if given.

    Args:
        nl: Dutch help text (default: the language of output and messages).
        en: English help text.

    Returns:
        An ``Annotated`` type for a command's ``lang`` parameter (default :data:`DEFAULT_LANG`).
    """
    return Annotated[Lang, typer.Option(
        "--lang", "-l", callback=remember_lang,
        help=tr(nl or "Taal van de uitvoer en de meldingen: nl (standaard) of en.",
                en or "Language of the output and the messages: nl (default) or en."))]


LangOption = lang_option()
"""``--lang nl|en``: the language of what a command prints and writes, and of its messages."""


# --- Help around the help texts -----------------------------------------------------------------

_DUTCH_CHROME = {  # typer.rich_utils' texts around the help texts
    "ARGUMENTS_PANEL_TITLE": "Argumenten",
    "OPTIONS_PANEL_TITLE": "Opties",
    "COMMANDS_PANEL_TITLE": "Opdrachten",
    "DEFAULT_STRING": "[standaard: {}]",
    "REQUIRED_LONG_STRING": "[verplicht]",
    "ENVVAR_STRING": "[omgevingsvariabele: {}]",
    "DEPRECATED_STRING": "(verouderd) ",
}
_USAGE = {Lang.NL: "Gebruik: ", Lang.EN: "Usage: "}
_HELP_OPTION = {Lang.NL: "Toon deze hulp en stop.", Lang.EN: "Show this message and exit."}
_TYPE_WORDS = {"int": "getal", "float": "getal", "str": "tekst", "path": "pad",
               "int range": "getal", "float range": "getal"}
_TYPE = re.compile(r"(?<=[<\[|,])(int range|float range|int|float|str|path)(?=[>\]|,])")


def _dutch_type(shown: str | None) -> str | None:
    """A type marker in Dutch: ``<int>`` → ``<getal>``; a switch's ``<bool>`` is left out."""
    if shown is None or shown == "<bool>":
        return None if shown is None else ""
    return _TYPE.sub(lambda m: _TYPE_WORDS[m.group(1)], shown).replace("<list[", "<lijst[")


@contextmanager
def _dutch_help(ctx: typer.Context, command: Any) -> Iterator[None]:
    """Within the block, Typer's help around the help texts is Dutch; restored afterwards.

    Typer reads the panel titles and the default's wording from ``typer.rich_utils`` when it
    renders, and each parameter's type marker from its ``display_type_rich``; both are set for
    the rendering only, so nothing changes for any other command or program.
    """
    from typer import rich_utils

    saved = {name: getattr(rich_utils, name) for name in _DUTCH_CHROME
             if hasattr(rich_utils, name)}
    shadowed = []
    try:
        for name in saved:
            setattr(rich_utils, name, _DUTCH_CHROME[name])
        for param in command.get_params(ctx):
            show = getattr(param, "display_type_rich", None)
            if callable(show) and "display_type_rich" not in vars(param):
                param.display_type_rich = lambda show=show, **kw: _dutch_type(show(**kw))
                shadowed.append(param)
        yield
    finally:
        for name, value in saved.items():
            setattr(rich_utils, name, value)
        for param in shadowed:
            del param.display_type_rich


class _LocalHelp:
    """Help in :data:`DEFAULT_LANG`: the usage line, the ``--help`` option and Typer's panels."""

    def get_help_option(self, ctx: typer.Context) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = _HELP_OPTION[DEFAULT_LANG]
        return option

    def format_usage(self, ctx: typer.Context, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=_USAGE[DEFAULT_LANG])

    def format_help(self, ctx: typer.Context, formatter: Any) -> None:
        if DEFAULT_LANG is Lang.EN:
            return super().format_help(ctx, formatter)
        with _dutch_help(ctx, self):
            return super().format_help(ctx, formatter)


class LocalCommand(_LocalHelp, TyperCommand):
    """A command whose help is in :data:`DEFAULT_LANG`."""


class LocalGroup(_LocalHelp, TyperGroup):
    """A group of commands whose help is in :data:`DEFAULT_LANG`."""


class App(typer.Typer):
    """A Typer application whose commands and groups show their help in :data:`DEFAULT_LANG`.

    Its commands are :class:`LocalCommand` unless a command names its own class; the usage line
    says ``[OPTIES]`` and ``OPDRACHT [ARGUMENTEN]...`` in Dutch.
    """

    def __init__(self, **settings: Any) -> None:
        settings.setdefault("cls", LocalGroup)
        settings.setdefault("options_metavar", tr("[OPTIES]", "[OPTIONS]"))
        settings.setdefault("subcommand_metavar",
                            tr("OPDRACHT [ARGUMENTEN]...", "COMMAND [ARGS]..."))
        super().__init__(**settings)

    def command(self, name: str | None = None, *, cls: type[TyperCommand] | None = None,
                **settings: Any) -> Any:
        """Register a command as :class:`LocalCommand` (see :meth:`typer.Typer.command`)."""
        return super().command(name, cls=cls or LocalCommand, **settings)

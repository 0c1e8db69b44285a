# ruff: noqa: N802  (Solara components are named like classes)
"""The language toggle at the top of both screens: Dutch (the default) or English."""

from __future__ import annotations

from collections.abc import Callable

import solara

from .texts import LANGUAGES

__all__ = ["LanguageToggle"]


@solara.component
def LanguageToggle(lang: str, on_lang: Callable[[str], None]):
    """Buttons ``NL`` and ``EN``; the page's texts switch at once."""
    solara.ToggleButtonsSingle(
        value=lang, on_value=on_lang, classes=["play-lang"],
        children=[solara.Button(code.upper(), value=code, classes=[f"play-lang-{code}"])
                  for code in LANGUAGES],
    )

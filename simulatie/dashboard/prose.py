# ruff: noqa: N802  (Solara components are named like classes)
"""Markdown text in the dashboard, rendered on the server (works offline)."""

from __future__ import annotations

import markdown
import solara

__all__ = ["Prose"]


@solara.component
def Prose(text: str, classes: list[str] | None = None):
    """Markdown as HTML, without :func:`solara.Markdown`'s KaTeX (not in the offline bundle)."""
    html = markdown.markdown(text)
    return solara.HTML(tag="div", unsafe_innerHTML=html, classes=["sim-prose", *(classes or [])])

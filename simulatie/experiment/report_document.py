"""A small document of headings, paragraphs, lists, tables and figures, as Markdown and HTML.

The sweep's report in words (:mod:`simulatie.experiment.report_words`) is built once as a list of
blocks and written twice: ``report.md`` for reading anywhere, and ``report.html`` for a browser
(self-contained apart from its figures, which sit in the same folder). Text may hold three
inline marks, as in Markdown: ``**bold**``, ``*italic*`` and ```code```.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Block", "Bullets", "Figure", "Heading", "Paragraph", "Table", "to_html",
           "to_markdown"]


@dataclass(frozen=True)
class Heading:
    """A heading; level 1 is the title."""

    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of running text."""

    text: str


@dataclass(frozen=True)
class Bullets:
    """A list of points."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A table with a header row; cells are text."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Figure:
    """A figure: an image file beside the document, and what it shows."""

    path: str
    caption: str


Block = Heading | Paragraph | Bullets | Table | Figure

_CSS = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.5; color: #222; }
table { border-collapse: collapse; margin: 1rem 0; font-size: 0.92rem; }
th, td { border: 1px solid #ccc; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
figure { margin: 1rem 0; } img { max-width: 100%; }
figcaption { font-size: 0.9rem; color: #555; }
code { background: #f4f4f4; padding: 0 0.2rem; }
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(blocks: Sequence[Block]) -> str:
    """The document as Markdown (GitHub's flavour: pipe tables).

    Args:
        blocks: The document.

    Returns:
        The text, ending with a newline.
    """
    parts = []
    for block in blocks:
        match block:
            case Heading(text, level):
                parts.append(f"{'#' * level} {text}")
            case Paragraph(text):
                parts.append(text)
            case Bullets(items):
                parts.append("\n".join(f"- {item}" for item in items))
            case Table(header, rows):
                lines = ["| " + " | ".join(_cell(c) for c in header) + " |",
                         "|" + "|".join("---" for _ in header) + "|"]
                lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
                parts.append("\n".join(lines))
            case Figure(path, caption):
                parts.append(f"![{caption}]({path})\n\n*{caption}*")
    return "\n\n".join(parts) + "\n"


_MARKS = (
    (re.compile(r"\*\*(.+?)\*\*"), r"<strong>\1</strong>"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"<em>\1</em>"),
    (re.compile(r"`(.+?)`"), r"<code>\1</code>"),
)


def inline_html(text: str) -> str:
    """Escape text for HTML and turn its inline marks into elements."""
    escaped = html.escape(text, quote=False)
    for pattern, replacement in _MARKS:
        escaped = pattern.sub(replacement, escaped)
    return escaped


def to_html(blocks: Sequence[Block], title: str, lang: str) -> str:
    """The document as one HTML page.

    Args:
        blocks: The document.
        title: The page's title (the browser's tab).
        lang: The language of the text, ``"nl"`` or ``"en"``.

    Returns:
        The page.
    """
    body = []
    for block in blocks:
        match block:
            case Heading(text, level):
                body.append(f"<h{level}>{inline_html(text)}</h{level}>")
            case Paragraph(text):
                body.append(f"<p>{inline_html(text)}</p>")
            case Bullets(items):
                body.append("<ul>\n" + "\n".join(f"<li>{inline_html(i)}</li>" for i in items)
                            + "\n</ul>")
            case Table(header, rows):
                head = "".join(f"<th>{inline_html(c)}</th>" for c in header)
                lines = ["".join(f"<td>{inline_html(c)}</td>" for c in row) for row in rows]
                body.append(f"<table>\n<tr>{head}</tr>\n"
                            + "\n".join(f"<tr>{line}</tr>" for line in lines) + "\n</table>")
            case Figure(path, caption):
                body.append(f'<figure><img src="{html.escape(path)}" alt="{html.escape(caption)}">'
                            f"<figcaption>{inline_html(caption)}</figcaption></figure>")
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{html.escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")

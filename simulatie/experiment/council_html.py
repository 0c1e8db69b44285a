"""The council page as one self-contained HTML file: the same words as the PDF, in the same order.

The figure is embedded as a PNG data URL, so the file can be mailed or put on an intranet as it
is; every text is escaped. Printed, it fits one A4 sheet like the PDF.
"""

from __future__ import annotations

import base64
import html

from simulatie.experiment.council_page import CouncilPage, Section

__all__ = ["council_html"]

_CSS = """
body { font-family: system-ui, 'Segoe UI', sans-serif; max-width: 46rem; margin: 1.5rem auto;
       padding: 0 1rem; color: #1f1f1f; line-height: 1.45; }
.kicker { text-transform: uppercase; font-weight: 700; color: #1d4e5f; font-size: .8rem;
          margin: 0; letter-spacing: .03em; }
h1 { font-size: 1.6rem; margin: .2rem 0; } h2 { font-size: 1.1rem; color: #1d4e5f;
     margin: 1rem 0 .3rem; }
.subtitle { color: #5a5a5a; margin-top: 0; }
.answer { background: #e8f1f3; padding: .5rem .8rem; font-weight: 700; }
.note, .caption, footer { font-size: .85rem; color: #5a5a5a; }
.caption { font-style: italic; } img { width: 100%; }
footer { border-top: 1px solid #bbb; margin-top: 1.2rem; padding-top: .3rem; }
@media print { body { max-width: none; margin: 0; font-size: 9.5pt; }
               @page { size: A4; margin: 1.5cm; } }
"""


def _section(section: Section) -> str:
    e = html.escape
    parts = [f"<h2>{e(section.heading)}</h2>"]
    parts += [f"<p>{e(text)}</p>" for text in section.paragraphs]
    if section.bullets:
        parts.append("<ul>" + "".join(f"<li>{e(text)}</li>" for text in section.bullets)
                     + "</ul>")
    parts += [f"<p class=\"note\">{e(text)}</p>" for text in section.after]
    return "<section>" + "\n".join(parts) + "</section>"


def council_html(page: CouncilPage, png: bytes) -> str:
    """The page as a complete HTML document.

    Args:
        page: The page's words.
        png: Its figure as PNG bytes (embedded).

    Returns:
        The document's text.
    """
    e = html.escape
    data = base64.b64encode(png).decode()
    before = "\n".join(_section(s) for s in page.before)
    after = "\n".join(_section(s) for s in page.after)
    footer = "".join(f"<p>{e(text)}</p>" for text in page.footer)
    return (
        f"<!DOCTYPE html>\n<html lang=\"{page.lang}\"><head><meta charset=\"utf-8\">"
        f"<title>{e(page.title)}</title><style>{_CSS}</style></head>\n<body>\n"
        f"<p class=\"kicker\">{e(page.kicker)}</p>\n<h1>{e(page.title)}</h1>\n"
        f"<p class=\"subtitle\">{e(page.subtitle)}</p>\n<p class=\"answer\">{e(page.answer)}</p>\n"
        f"{before}\n<figure><img alt=\"{e(page.caption)}\" src=\"data:image/png;base64,{data}\">"
        f"<figcaption class=\"caption\">{e(page.caption)}</figcaption></figure>\n{after}\n"
        f"<footer>{footer}</footer>\n</body></html>\n"
    )

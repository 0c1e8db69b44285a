"""The handout as HTML: one section per myth, one self-contained page for one or more myths.

A section holds everything a reader needs on paper or screen: the claim, the banner of a quick
try or custom run, the "thinking tool" disclaimer, the two arms, the numbers and conclusion under
the default assumptions with what else the runs measured right below them, the figure (embedded
as a PNG data URL, so the file stands alone), the counter-assumption, the robustness, the
discussion questions and what "clearly" means. The technical notes for the facilitator (files,
commands, parameters, provenance) close the section in an ``<aside class="technical">`` of their
own, the one place on the page that names them. Every text is escaped; nothing is written in that
is not in the answer. The page prints one myth per sheet.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Sequence

from simulatie.workshop.handout_answer import MythAnswer
from simulatie.workshop.texts import TEMPLATES

__all__ = ["html_page", "html_section"]

_CSS = """
body { font-family: system-ui, 'Segoe UI', sans-serif; max-width: 54rem; margin: 1.5rem auto;
       padding: 0 1rem; color: #222; line-height: 1.45; }
h1 { font-size: 1.5rem; margin-bottom: .3rem; } h2 { font-size: 1.1rem; margin: 1rem 0 .3rem; }
.banner { border: 3px solid #b00020; background: #fdecea; padding: .5rem .9rem; margin: .5rem 0; }
.banner strong { display: block; font-size: 1.15rem; color: #b00020; text-transform: uppercase; }
.tool { border-left: 4px solid #d95f02; background: #fdf3ec; padding: .4rem .8rem; }
.conclusion { font-weight: 600; } .numbers { font-variant-numeric: tabular-nums; }
.small { font-size: .85rem; color: #555; } img { width: 100%; }
aside.technical { border-top: 1px solid #aaa; margin-top: 1.2rem; font-size: .8rem; color: #555; }
aside.technical h2 { font-size: .9rem; }
section.myth { page-break-after: always; break-after: page; }
@media print { body { max-width: none; margin: 0; font-size: 10pt; } }
"""


def _items(lines: Sequence[str], css: str) -> str:
    """An HTML list of escaped lines."""
    e = html.escape
    return f'<ul class="{css}">' + "".join(f"<li>{e(line)}</li>" for line in lines) + "</ul>"


def html_section(answer: MythAnswer, image: bytes, heading: str = "h1") -> str:
    """One myth's handout as an HTML ``<section>``.

    Args:
        answer: The answer to show.
        image: Its figure as PNG bytes (:func:`simulatie.workshop.handout_figure.figure_png`).
        heading: The tag of the title (``"h1"``).

    Returns:
        The section's HTML.
    """
    t, e = TEMPLATES[answer.lang], html.escape
    data = base64.b64encode(image).decode()
    questions = "".join(f"<li>{e(q)}</li>" for q in answer.questions)
    banner = (f'<div class="banner" role="note"><strong>{e(answer.banner_title)}</strong>'
              f"{e(answer.banner)}</div>\n" if answer.banner_title else "")
    effects = (f"<h2>{e(t['side_effects_heading'])}</h2>\n"
               + _items(answer.side_effects, "side-effects") if answer.side_effects else "")
    robustness = (
        f"<h2>{e(t['robustness_heading'])}</h2>\n<p class=\"robustness\">"
        + " ".join(e(line) for line in answer.robustness) + "</p>"
        if answer.robustness else ""
    )
    notes = "".join(f"<p>{e(note)}</p>" for note in answer.notes)
    return f"""<section class="myth" id="myth-{answer.number}" data-variant="{answer.variant}">
<{heading}>{e(answer.title())}</{heading}>
{banner}<p class="tool">{e(answer.disclaimer)}</p>
<h2>{e(t['shows_heading'])}</h2>
<p class="small">{e(answer.setup)}</p>
<p>{e(t['arms_intro'])}</p>
{_items(answer.arms, "arms")}
<p class="numbers">{e(answer.default.numbers)} {e(answer.default.difference_text)}</p>
<p class="conclusion" data-verdict="{answer.default.verdict.value}">
{e(answer.default.conclusion)}</p>
{effects}
<img alt="{e(answer.measure)}" src="data:image/png;base64,{data}">
<h2>{e(answer.counter_heading)}</h2>
<p>{e(answer.counter_intro)}</p>
<p class="numbers">{e(answer.counter.numbers)} {e(answer.counter.difference_text)}</p>
<p class="conclusion" data-verdict="{answer.counter.verdict.value}">
{e(answer.counter.conclusion)} {e(answer.counter_conclusion)}</p>
{robustness}
<h2>{e(t['questions_heading'])}</h2>
<ol>{questions}</ol>
<p class="small">{e(answer.rule)}</p>
<aside class="technical">
<h2>{e(t['technical_heading'])}</h2>
{notes}
<p>{e(answer.footer)}</p>
</aside>
</section>"""


def html_page(title: str, lang: str, sections: Sequence[str]) -> str:
    """A complete HTML document around the given sections, with the handout's style.

    Args:
        title: The document title.
        lang: ``"nl"`` or ``"en"`` (the ``lang`` attribute).
        sections: HTML fragments, e.g. from :func:`html_section`, in order.

    Returns:
        The document's text.
    """
    body = "\n".join(sections)
    return (f"<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title><style>{_CSS}</style></head>\n"
            f"<body>\n{body}\n</body></html>\n")

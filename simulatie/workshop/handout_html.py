"""The handout as HTML: one section per myth, one self-contained page for one or more myths.

A section holds everything a reader needs on paper or screen: the claim, the "thinking tool"
disclaimer, the numbers and conclusion under the default assumptions, the figure (embedded as a
PNG data URL, so the file stands alone), the counter-assumption, the robustness, the discussion
questions, what "clearly" means and the provenance. Every text is escaped; nothing is written in
that is not in the answer. The page prints one myth per sheet.
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
.tool { border-left: 4px solid #d95f02; background: #fdf3ec; padding: .4rem .8rem; }
.conclusion { font-weight: 600; } .numbers { font-variant-numeric: tabular-nums; }
.small { font-size: .85rem; color: #555; } img { width: 100%; }
section.myth { page-break-after: always; break-after: page; }
@media print { body { max-width: none; margin: 0; font-size: 10pt; } }
"""


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
    notes = "".join(f"<p class='small'>{e(note)}</p>" for note in answer.notes)
    effects = (
        f"<h2>{e(t['side_effects_heading'])}</h2>\n<ul class=\"side-effects\">"
        + "".join(f"<li>{e(line)}</li>" for line in answer.side_effects) + "</ul>"
        if answer.side_effects else ""
    )
    robustness = (
        f"<h2>{e(t['robustness_heading'])}</h2>\n<p class=\"robustness\">"
        + " ".join(e(line) for line in answer.robustness) + "</p>"
        if answer.robustness else ""
    )
    return f"""<section class="myth" id="myth-{answer.number}">
<{heading}>{e(answer.title())}</{heading}>
<p class="tool">{e(answer.disclaimer)}</p>{notes}
<h2>{e(t['shows_heading'])}</h2>
<p class="small">{e(answer.setup)}</p>
<p class="numbers">{e(answer.default.numbers)} {e(answer.default.difference_text)}</p>
<p class="conclusion" data-verdict="{answer.default.verdict.value}">
{e(answer.default.conclusion)}</p>
<img alt="{e(answer.measure)}" src="data:image/png;base64,{data}">
{effects}
<h2>{e(t['counter_heading'])}</h2>
<p>{e(answer.counter_intro)}</p>
<p class="numbers">{e(answer.counter.numbers)} {e(answer.counter.difference_text)}</p>
<p class="conclusion" data-verdict="{answer.counter.verdict.value}">
{e(answer.counter.conclusion)} {e(answer.counter_conclusion)}</p>
{robustness}
<h2>{e(t['questions_heading'])}</h2>
<ol>{questions}</ol>
<p class="small">{e(answer.rule)}</p>
<p class="small">{e(answer.footer)}</p>
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

"""Every relative link in the documentation leads somewhere: to a file, and to a heading.

A link that breaks when a module moves or a heading is reworded is found here, not by a reader.
Links in the Markdown pages (``docs/*.md``, the READMEs) are checked: the file a relative link
names must exist, and a ``#fragment`` must be the anchor of one of that page's headings (as
GitHub makes them). Links inside code blocks and links to web addresses are left alone.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted([*ROOT.glob("docs/*.md"), ROOT / "README.md", ROOT / "results" / "README.md"])
LINK = re.compile(r"!?\[[^\]]*\]\(<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\)")
FENCE = re.compile(r"^```.*?^```", re.M | re.S)
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.M)


def _prose(page: Path) -> str:
    """The page without its code blocks and inline code."""
    text = FENCE.sub("", page.read_text(encoding="utf-8"))
    return re.sub(r"`[^`\n]*`(?!\])", "", text)


def _anchor(heading: str) -> str:
    """A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to '-'."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link in a heading: its text
    text = re.sub(r"[^\w\- ]", "", text.replace("`", "").strip().lower())
    return text.replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    text = FENCE.sub("", page.read_text(encoding="utf-8"))
    found, seen = set(), {}
    for heading in HEADING.findall(text):
        anchor = _anchor(heading)
        count = seen.get(anchor, 0)
        found.add(anchor if count == 0 else f"{anchor}-{count}")
        seen[anchor] = count + 1
    return found


def _links(page: Path) -> list[str]:
    return [target for target in LINK.findall(_prose(page))
            if not re.match(r"[a-z][a-z0-9+.-]*:", target)]  # http:, https:, mailto:, ...


def test_the_pages_have_links_to_check():
    assert sum(len(_links(page)) for page in PAGES if page.is_file()) > 20


@pytest.mark.parametrize("page", [p for p in PAGES if p.is_file()],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_resolves(page: Path):
    broken = []
    for target in _links(page):
        path, _, fragment = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        if not linked.exists():
            broken.append(f"{target} (no such file)")
        elif fragment and linked.suffix == ".md" and fragment not in _anchors(linked):
            broken.append(f"{target} (no heading with anchor #{fragment})")
    assert not broken, f"{page.relative_to(ROOT)} has broken links: {broken}"


def test_a_broken_link_is_found(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("# Title\n\nSee [a](missing.md), [b](#title) and [c](#nowhere).\n",
                    encoding="utf-8")
    assert _links(page) == ["missing.md", "#title", "#nowhere"]
    assert not (tmp_path / "missing.md").exists()
    assert "title" in _anchors(page) and "nowhere" not in _anchors(page)


def test_anchors_follow_github():
    assert _anchor("8 Parameter table") == "8-parameter-table"
    assert _anchor("Speel de buurt (participatieve modus)") == "speel-de-buurt-participatieve-modus"
    assert _anchor("`simulatie report`: in words") == "simulatie-report-in-words"

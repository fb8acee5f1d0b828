"""The frame every page of the site shares: head, navigation, footer, escaping.

Every page is a complete HTML5 document that links only files of the site itself by a
relative address (``root`` is the way back to the site's top folder), so it opens from
``file://`` with no server and asks the network for nothing.
"""

from __future__ import annotations

from html import escape
from typing import Iterable

__all__ = ["esc", "page", "link", "verdict_badge", "table"]


def esc(text: object) -> str:
    """Text made safe for HTML content and attribute values."""
    return escape(str(text), quote=True)


def link(href: str, text: str, **attrs: str) -> str:
    """An anchor; ``text`` is escaped, ``href`` too."""
    extra = "".join(f' {name.replace("_", "-")}="{esc(value)}"' for name, value in attrs.items())
    return f'<a href="{esc(href)}"{extra}>{esc(text)}</a>'


#: (expected, verdict) -> (css class, words): what the badge says, in a student's terms
_BADGES = {
    ("holds", "proved"): ("holds", "holds: proved"),
    ("fails", "refuted"): ("fails", "false belief: refuted"),
    ("holds", "refuted"): ("alarm", "expected to hold, but refuted"),
    ("fails", "proved"): ("alarm", "expected to fail, but proved"),
    ("holds", "unknown"): ("unknown", "unknown: not proved in this run"),
    ("fails", "unknown"): ("unknown", "unknown: no counterexample in this run"),
}


def verdict_badge(expected: str, verdict: str | None) -> str:
    """A short coloured label: the expectation and what the prove run concluded."""
    if verdict is None:
        return f'<span class="badge missing">{esc(expected)}: not in this prove run</span>'
    css, words = _BADGES.get((expected, verdict), ("unknown", f"expected {expected}; verdict {verdict}"))
    return f'<span class="badge {css}">{esc(words)}</span>'


def table(header: Iterable[str], rows: Iterable[Iterable[str]], caption: str = "", css: str = "") -> str:
    """A table whose cells are already HTML; the header cells are column headers."""
    cls = f' class="{esc(css)}"' if css else ""
    head = "".join(f'<th scope="col">{cell}</th>' for cell in header)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>\n" for row in rows)
    cap = f"<caption>{caption}</caption>" if caption else ""
    return f'<div class="table-wrap"><table{cls}>{cap}<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody></table></div>\n'


def page(title: str, body: str, *, root: str, version: str, results_note: str, scripts: Iterable[str] = (),
         current: str = "") -> str:
    """A whole document: ``body`` inside the shared header, navigation and footer."""
    nav_items = [("index.html", "Claims", "claims"), ("playground.html", "Playground", "playground"),
                 ("index.html#cite", "How to cite", "cite")]
    nav = "".join(
        f'<li>{link(root + href, text, **({"aria_current": "page"} if key == current else {}))}</li>'
        for href, text, key in nav_items)
    script_tags = "".join(f'<script src="{esc(root + src)}"></script>' for src in scripts)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} · metricproofs</title>
<link rel="stylesheet" href="{esc(root)}assets/site.css">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
<p class="brand">{link(root + "index.html", "metricproofs")} <span>machine-checked facts about classification metrics</span></p>
<nav aria-label="Site"><ul>{nav}</ul></nav>
</header>
<main id="main" tabindex="-1">
{body}
</main>
<footer class="site">
<p>Written by <code>metricproofs site</code> (metricproofs {esc(version)}) from the catalogue and {esc(results_note)}
(saved beside this page as {link(root + "prove.json", "prove.json")}).
Every page works offline; nothing is loaded from the internet.</p>
</footer>
{script_tags}
</body>
</html>
"""

"""BibTeX entries read well enough to print them as a reading list.

Summary
    The catalogue cites BibTeX keys of paper/references.bib. The site shows each as a
    reference a student can look up (authors, year, title, where it appeared, DOI or
    address). This is a reader for that one file's plain style (``@type{key, field = {..}}``
    with braced or quoted values), not a general BibTeX parser; a key it cannot find is
    shown as the key itself.

Main definitions
    :func:`parse_bib` (text -> key -> fields), :func:`reference_text` (fields -> parts).
"""

from __future__ import annotations

import re

__all__ = ["parse_bib", "reference_parts", "latex_to_text"]

_ACCENTS = {'"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303", "v": "\u030c",
            "c": "\u0327", "=": "\u0304", ".": "\u0307", "u": "\u0306", "H": "\u030b"}
_LETTERS = {"o": "\u00f8", "O": "\u00d8", "ss": "\u00df", "ae": "\u00e6", "AE": "\u00c6", "l": "\u0142",
            "L": "\u0141", "aa": "\u00e5", "AA": "\u00c5", "i": "\u0131"}


def latex_to_text(text: str) -> str:
    """BibTeX field text as plain Unicode: accents composed, escapes and braces removed."""
    import unicodedata

    def accent(match: re.Match[str]) -> str:
        letter = match.group(2)
        letter = {"\\i": "i", "\\j": "j"}.get(letter, letter)
        return unicodedata.normalize("NFC", letter + _ACCENTS[match.group(1)])

    out = re.sub(r"\\([\"'`^~=.])\s*\{?(\\?[A-Za-z])\}?", accent, text)
    out = re.sub(r"\\([vcuH])\s*\{(\\?[A-Za-z])\}", accent, out)
    out = re.sub(r"\\(ss|ae|AE|aa|AA|o|O|l|L|i)\b\s*", lambda m: _LETTERS[m.group(1)], out)
    out = out.replace("``", "\u201c").replace("''", "\u201d").replace("--", "\u2013")
    out = re.sub(r"\\([&_#%$])", r"\1", out)
    out = out.replace("~", "\u00a0").replace("{", "").replace("}", "")
    return " ".join(out.split())


def _value_end(text: str, start: int) -> int:
    """Index just past the braced or quoted value that starts at ``start``."""
    opener = text[start]
    if opener == "{":
        depth = 0
        for i in range(start, len(text)):
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            if depth == 0:
                return i + 1
        raise ValueError("unbalanced braces in a BibTeX value")
    if opener == '"':
        end = text.index('"', start + 1)
        return end + 1
    match = re.compile(r"[^,}\s]+").match(text, start)
    return match.end() if match else start


def parse_bib(text: str) -> dict[str, dict[str, str]]:
    """``key -> {"type": ..., field: plain text}`` for every entry of a .bib text."""
    entries: dict[str, dict[str, str]] = {}
    for head in re.finditer(r"@(\w+)\s*\{\s*([^,\s]+)\s*,", text):
        kind, key = head.group(1).lower(), head.group(2)
        if kind in ("comment", "string", "preamble"):
            continue
        fields = {"type": kind}
        pos = head.end()
        field = re.compile(r"\s*(\w[\w-]*)\s*=\s*")
        while True:
            match = field.match(text, pos)
            if not match:
                break
            start = match.end()
            end = _value_end(text, start)
            raw = text[start:end]
            if raw[:1] in "{\"":
                raw = raw[1:-1]
            fields[match.group(1).lower()] = latex_to_text(raw)
            pos = end
            comma = re.compile(r"\s*,").match(text, pos)
            if not comma:
                break
            pos = comma.end()
        entries[key] = fields
    return entries


def _authors(field: str) -> str:
    names = []
    for name in re.split(r"\s+and\s+", field):
        if "," in name:
            last, first = (part.strip() for part in name.split(",", 1))
            names.append(f"{first} {last}".strip())
        else:
            names.append(name.strip())
    if len(names) > 4:
        return f"{names[0]} et al."
    if len(names) > 1:
        return ", ".join(names[:-1]) + " and " + names[-1]
    return names[0] if names else ""


def reference_parts(fields: dict[str, str]) -> dict[str, str]:
    """The pieces of a readable reference: authors, year, title, venue, link (any may be "")."""
    venue_bits = []
    if fields.get("journal"):
        volume = fields.get("volume", "")
        number = f"({fields['number']})" if fields.get("number") else ""
        pages = f", {fields['pages']}" if fields.get("pages") else ""
        venue_bits.append(f"{fields['journal']} {volume}{number}{pages}".strip())
    elif fields.get("booktitle"):
        pages = f", pp. {fields['pages']}" if fields.get("pages") else ""
        venue_bits.append(f"In {fields['booktitle']}{pages}")
    for name in ("publisher", "organization", "howpublished", "note"):
        if fields.get(name):
            venue_bits.append(fields[name])
    link = ""
    if fields.get("doi"):
        link = "https://doi.org/" + fields["doi"]
    elif fields.get("url"):
        link = fields["url"]
    elif fields.get("eprint") and fields.get("archiveprefix", "").lower() == "arxiv":
        link = "https://arxiv.org/abs/" + fields["eprint"]
    return {
        "authors": _authors(fields.get("author", "")),
        "year": fields.get("year", ""),
        "title": fields.get("title", ""),
        "venue": ". ".join(bit.rstrip(".") for bit in venue_bits),
        "link": link,
    }

"""The text as the screen reads it, and the way back to what the officer typed.

`normalise(text)` makes one comparable form of a free-text value, keeping for each of its
characters the index of the original character it came from, so a match in the normalised
form is reported as the original span (`Normalised.original_span`). In order:

- invisible format characters (category Cf: zero-width space, joiners, word joiner, BOM,
  soft hyphen, bidirectional marks) are dropped;
- Unicode NFKC (fullwidth letters, ligatures, non-breaking and other spaces);
- letters of other scripts that look like Latin ones (Cyrillic "о", Greek "Α") become the
  Latin letter, through the Unicode confusables data of `confusable-homoglyphs`;
- accents are removed (Spanish "situación" and "situacion", "indocumentádo" and
  "indocumentado" read alike); case is kept, the rules choose where it matters;
- typographic apostrophes and dashes become ' and -; any run of spaces and line breaks
  becomes one character, a line break if the run holds one (so no pattern ever walks a
  long run of blank lines from each of its characters);
- a run of three or more single letters split by spaces, dots or hyphens is joined
  ("u n d o c u m e n t e d", "I.C.E.", "D-A-C-A").

Word parts split inside a word ("un-documented", "un documented") are left to the rules,
which spell their key words with `loose()`: a word split where no real phrase is ("un
documented") can be matched without joining words everywhere ("a lien" is not "alien").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_PUNCTUATION = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u02bc\u02b9\u2032\u00b4\u0060", "'"),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63", "-"),
}
# Single letters split by one and the same separator: "u n d o", "I.C.E.", "D-A-C-A" (not
# "a U.S.", where the article and the abbreviation use different ones).
_LETTER = r"[^\W\d_]"
_SPACED_LETTERS = re.compile(
    rf"(?<!{_LETTER}){_LETTER}([ .-]){_LETTER}(?!{_LETTER})(?:\1{_LETTER}(?!{_LETTER}))+"
)
_SEPARATOR = r"(?:\s?[-.]\s?|\s)?"


@dataclass(frozen=True)
class Normalised:
    original: str
    text: str
    origins: tuple[int, ...]  # origins[i]: index in `original` of text[i]

    def original_span(self, start: int, end: int) -> str:
        """The original text behind text[start:end]."""
        if start >= end:
            return ""
        return self.original[self.origins[start] : self.origins[end - 1] + 1]


def normalise(text: str) -> Normalised:
    """`text` in the form the screening rules match against (see the module docstring)."""
    chars: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        for folded in _fold(char):
            if folded in " \n" and chars and chars[-1] in " \n":
                if folded == "\n":
                    chars[-1] = "\n"
                continue
            chars.append(folded)
            origins.append(index)
    joined = _join_spaced_letters("".join(chars), origins)
    return Normalised(text, joined[0], tuple(joined[1]))


def loose(word: str) -> str:
    """A regex for `word` that also matches it split by a space, hyphen or dot anywhere
    ("un-documented", "indocu mentado")."""
    return _SEPARATOR.join(re.escape(letter) for letter in word)


def fold_accents(text: str) -> str:
    """`text` without combining marks (used on the rules' own patterns too)."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=4096)
def _fold(char: str) -> str:
    """What one original character becomes: nothing, or one or more characters."""
    if char == "\n":
        return char
    if char.isascii():
        return " " if char.isspace() else char
    if unicodedata.category(char) == "Cf":
        return ""
    out = []
    for c in unicodedata.normalize("NFKC", char):
        c = _PUNCTUATION.get(c, c)
        if c == "\n":
            out.append(c)
        elif c.isspace():
            out.append(" ")
        else:
            out.append(fold_accents(_latin_lookalike(c)))
    return "".join(out)


def _latin_lookalike(char: str) -> str:
    """The Latin letter(s) a letter of another script is confusable with, else itself."""
    if char.isascii() or not char.isalpha():
        return char
    from confusable_homoglyphs import confusables  # 1 MB of data: loaded on first use

    found = confusables.is_confusable(char, preferred_aliases=["latin"], greedy=True)
    for homoglyph in found[0]["homoglyphs"] if found else ():
        if homoglyph["c"].isascii() and homoglyph["c"].isalpha():
            return homoglyph["c"]
    return char


def _join_spaced_letters(text: str, origins: list[int]) -> tuple[str, list[int]]:
    keep = [True] * len(text)
    for run in _SPACED_LETTERS.finditer(text):
        letters = run.group(0)[::2]
        if letters[1:].islower() or letters.isupper():  # "u n d o", "U n d o", "I.C.E"
            for i in range(run.start() + 1, run.end(), 2):
                keep[i] = False
    if all(keep):
        return text, origins
    return (
        "".join(c for c, k in zip(text, keep, strict=True) if k),
        [o for o, k in zip(origins, keep, strict=True) if k],
    )

"""The screen reads text through `normalise`: invisible characters, lookalike letters of
other scripts, accents and spacing do not hide a word, and a refusal quotes the original
text the officer typed."""

from __future__ import annotations

import pytest

from liaison.screening import screen
from liaison.screening.normalise import normalise

DISGUISED = [
    ("Victim is und\u200bocumented", "und\u200bocumented"),  # zero-width space
    ("Victim is und\u200c\u200docu\u2060mented", "und\u200c\u200docu\u2060mented"),  # joiners
    ("Victim is \ufeffundocumented", "undocumented"),  # BOM before the word
    ("Victim is undocu\u00admented", "undocu\u00admented"),  # soft hyphen
    ("Victim is und\u043ecumented", "und\u043ecumented"),  # Cyrillic о
    ("Victim is UND\u041eCUMENTED", "UND\u041eCUMENTED"),  # Cyrillic О in capitals
    ("Victim is \uff55\uff4e\uff44\uff4f\uff43\uff55\uff4d\uff45\uff4e\uff54\uff45\uff44", None),
    ("Victim is un-documented", "un-documented"),
    ("Victim is un\u2013documented", "un\u2013documented"),  # en dash
    ("Victim is un documented", "un documented"),
    ("Victim is un.documented", "un.documented"),
    ("Victim is  un  -  documented", "un  -  documented"),
    ("Victim u n d o c u m e n t e d", "u n d o c u m e n t e d"),
    ("Vive sin\u00a0papeles", "sin\u00a0papeles"),  # non-breaking space
    ("Vive sin     papeles", "sin     papeles"),
    ("Es indocumentádo", "indocumentádo"),  # a stray accent
    ("La víctima es in-documentada", "in-documentada"),
    ("Preguntamos su situacion migratoria", "situacion migratoria"),
    ("Preguntamos su situación migratoria", "situación migratoria"),
]


@pytest.mark.parametrize(("text", "span"), DISGUISED)
def test_disguised_words_are_refused_and_the_refusal_quotes_what_was_typed(text, span):
    refusal = screen(text)
    assert refusal is not None, text
    assert refusal.matched in text
    if span is not None:
        assert span in refusal.matched


def test_normalised_text_maps_each_character_back_to_the_original():
    original = "Ca\u200bller\u2019s  imm\u0456gration\u00a0status: ﬁne"
    normalised = normalise(original)
    assert normalised.text == "Caller's immigration status: fine"
    assert len(normalised.origins) == len(normalised.text)
    start = normalised.text.index("immigration")
    assert normalised.original_span(start, start + len("immigration")) == "imm\u0456gration"
    assert normalised.original_span(0, len(normalised.text)) == original
    assert normalised.original_span(3, 3) == ""


def test_accents_are_folded_and_case_is_kept():
    assert normalise("Situación Migratoria, señora").text == "Situacion Migratoria, senora"


def test_lines_stay_lines_and_spaces_collapse():
    assert normalise("one\u2003\u2003two\r\nthree\tfour").text == "one two\nthree four"


def test_single_letters_are_joined_only_in_runs_of_three_or_more():
    assert normalise("I.C.E. hold").text == "ICE. hold"
    assert normalise("a b c d").text == "abcd"
    assert normalise("Plan B a day").text == "Plan B a day"
    assert normalise("U.S. citizen").text == "U.S. citizen"
    assert normalise("I am a U.S. citizen").text == "I am a U.S. citizen"  # mixed separators
    assert normalise("a U S b").text == "a U S b"  # mixed case
    assert normalise("U n d o c").text == "Undoc"


def test_other_scripts_are_left_alone_where_they_look_like_nothing_latin():
    assert normalise("Ελλάδα 北京").text != ""
    assert screen("Ελλάδα 北京") is None


def test_a_run_of_spaces_and_line_breaks_reads_as_one_break_and_quotes_the_original():
    """Blank lines between words are one break to the rules (a long run of them used to
    make one pattern retry the run from each of its characters: a textarea of 20,000
    line breaks took half a minute to screen)."""
    typed = "Witness  \n\n  is\n\n\n   undocumented"
    normalised = normalise(typed)
    assert normalised.text == "Witness\nis\nundocumented"
    assert normalised.original_span(0, len(normalised.text)) == typed
    assert normalise("a   b").text == "a b"
    assert normalise("\n" * 20_000).text == "\n"
    refusal = screen(typed)
    assert refusal is not None
    assert refusal.matched == "undocumented"

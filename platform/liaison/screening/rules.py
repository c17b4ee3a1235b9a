"""Screening of outreach free text: refuse, with the reason, text that looks like it
describes an individual's immigration status (English and Spanish).

Where the line is drawn
-----------------------
The outreach record is about *activities* and *populations*, never a person. So:

- **Refused**: anything that says or hints what a particular person's status is, was or
  might be, or that they applied for something: status labels ("undocumented", "sin
  papeles", "illegal alien"), identifiers (A-number, alien number, número de extranjero,
  passport or visa numbers), status documents (green card, tarjeta verde), overstays and
  expired visas, a person tied to deportation or removal, country-of-birth or nationality
  phrases, someone's U-visa/T-visa request or certification (their existence is
  protected: they are not tracked here), and a named person next to status words.
- **Accepted**: general information about programmes given to a group — "Presented U-visa
  information to the shelter's advocates", "Taller sobre la visa T para el personal" —
  and general talk of the subject ("officers do not ask about immigration status",
  "fear of deportation in the community").

Status labels are refused even when used of a group ("undocumented residents"): a label
in an outreach note is the first step to recording who carries it, and the note can say
"immigrant communities" or "regardless of immigration status" instead. The rules err on
the side of refusing; the reason tells the officer what to rephrase.

Text is matched in a normalised form (`normalise.py`: invisible characters, lookalike
letters of other scripts, accents, spacing), and the refusal quotes what the officer typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalise import fold_accents, loose, normalise

_PERSON = (
    r"(?:he|she|him|his|her|hers|they|them|their|victim|witness|client|survivor|woman|man|"
    r"boy|girl|child|mother|father|husband|wife|son|daughter|brother|sister|boyfriend|"
    r"girlfriend|person|someone|resident|caller|applicant|family member|"
    r"él|ella|ellos|ellas|víctima|testigo|cliente|mujer|hombre|niñ[oa]|madre|padre|"
    r"esposo|esposa|marido|hij[oa]|herman[oa]|señora|señor|persona|pareja)"
)
_NEAR = r"[^.;!?\n]{0,40}?"  # within the same clause
_NAME = r"\b[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+"  # two capitalised words


@dataclass(frozen=True)
class Rule:
    name: str
    reason: str
    pattern: re.Pattern


@dataclass(frozen=True)
class Refusal:
    rule: str
    reason: str
    matched: str

    @property
    def message(self) -> str:
        return (
            f"Not saved: this looks like it describes a person's immigration status "
            f"({self.reason}; found “{self.matched}”). Outreach records describe activities "
            f"and populations, never an individual."
        )


def _rule(name: str, reason: str, *alternatives: str, flags=re.IGNORECASE) -> Rule:
    source = "|".join(f"(?:{a})" for a in alternatives)
    return Rule(name, reason, re.compile(fold_accents(source), flags))


RULES: tuple[Rule, ...] = (
    _rule(
        "status-label",
        "a status label is a statement about who has that status",
        rf"\b{loose('undocumented')}\b",
        r"\billegal(?:ly)?\s+(?:aliens?|immigrants?|migrants?|entry|entered|present)\b",
        r"\billegals\b",
        r"\b(?:no|without|has\s+no|have\s+no|doesn'?t\s+have|don'?t\s+have)\s+(?:legal\s+)?papers\b",
        r"\bout\s+of\s+status\b",
        r"\bsin\s+papeles\b",
        r"\bno\s+tienen?\s+papeles\b",
        rf"\b{loose('indocumentad')}[oa]s?\b",
        r"\b(?:inmigrantes?|migrantes?)\s+ilegal(?:es)?\b",
        r"\bilegales\b",
        r"\baliens?\b",
    ),
    _rule(
        "identifier",
        "an A-number, alien number, passport, visa or case number identifies one person",
        r"(?-i:\bA-[Nn]umber\b)",
        r"(?-i:\bA#\s?\d)",
        r"\bA-?\d{8,9}\b",
        r"\balien\s+(?:registration\s+)?(?:number|no\.?|#)",
        r"\bn[úu]mero\s+(?:de\s+)?extranjer[oa]\b",
        r"\bn[úu]mero\s+A\b",
        r"\b(?:passport|visa|receipt|uscis|i-94)\s+(?:number|no\.?|#)",
        r"\bn[úu]mero\s+de\s+(?:pasaporte|visa)\b",
    ),
    _rule(
        "status-document",
        "naming a status document (green card, work permit) says what someone holds",
        r"\bgreen[-\s]?cards?\b",
        r"\btarjetas?\s+verdes?\b",
        r"\bwork\s+permits?\b",
        r"\bpermiso\s+de\s+trabajo\b",
        r"\bpermanent\s+resident\s+card\b",
    ),
    _rule(
        "overstay",
        "an overstay or expired visa is a statement of someone's status",
        r"\boverstay(?:ed|ing|s)?\b",
        r"\bexpired\s+visas?\b",
        r"\bvisas?\s+(?:has\s+|had\s+)?expired\b",
        r"\bvisas?\s+vencidas?\b",
        r"\bse\s+le\s+venci[óo]\s+la\s+visa\b",
    ),
    _rule(
        "visa-status",
        "someone's visa or immigration status, or visa type, is what may not be recorded",
        r"\bvisa\s+(?:status|type)\b",
        r"\btype\s+of\s+visa\b",
        r"\btipo\s+de\s+visa\b",
        r"\b(?:his|her|their|its|victim'?s|witness'?s|client'?s)\s+(?:immigration\s+|legal\s+|visa\s+)status\b",
        r"\b(?:su|sus)\s+(?:estatus|estado|situaci[óo]n|status)\s+(?:migratori[oa]|legal)\b",
        rf"\b{_PERSON}\s+(?:is|was|are|were|isn'?t|wasn'?t)\s+(?:not\s+)?(?:an?\s+)?"
        r"(?:illegal|legal|documented|citizens?|non-?citizens?|(?:legal|permanent)\s+residents?|refugees?|asylum\s+seekers?)\b",
        rf"\b{_PERSON}\s+(?:es|era|no\s+es)\s+(?:ciudadan[oa]|residente\s+legal|ilegal|refugiad[oa])\b",
    ),
    _rule(
        "visa-request",
        "a person's U-visa or T-visa request or certification is not tracked here (its "
        "existence is protected)",
        r"\b[UT][-\s]?visa\s+(?:certification\s+)?(?:requests?|applications?|petitions?|cases?)\b",
        r"\bcertification\s+requests?\b",
        r"\b(?:requested|asked\s+for|applied\s+for|applying\s+for|filed\s+for|signed|certified)"
        r"\s+(?:an?\s+|the\s+|a\s+)?(?:[UT][-\s]?visa|certification|i-918|i-914)\b",
        rf"\b(?:his|her|their|{_PERSON}'s)\s+[UT][-\s]?visa\b",
        r"\b(?:pidi[óo]|solicit[óo]|tramit[óo]|firm[óo])\s+(?:una?\s+|la\s+)?(?:visa|certificaci[óo]n)\b",
        r"\bsolicitud\s+de\s+(?:la\s+)?(?:visa|certificaci[óo]n)\b",
        r"\bsu\s+visa\b",
    ),
    _rule(
        "deportation",
        "tying a person to deportation or removal describes their status",
        rf"\b{_PERSON}\b{_NEAR}\bdeport(?:ed|ation|ing)?\b",
        rf"\bdeport(?:ed|ation|ing)?\b{_NEAR}\b{_PERSON}\b",
        r"\b(?:was|were|got|been|being|facing|faces|fears?)\s+(?:deported|deportation)\b",
        r"\bremoval\s+proceedings\b",
        r"\b(?:detained|picked\s+up|arrested)\s+by\s+(?:ice|immigration)\b",
        r"\bdeportad[oa]s?\b",
        r"\b(?:proceso|orden)\s+de\s+deportaci[óo]n\b",
        rf"\b{_PERSON}\b{_NEAR}\bdeportaci[óo]n\b",
    ),
    _rule(
        "origin",
        "country of birth or nationality is not recorded",
        r"\bcountry\s+of\s+(?:birth|origin|citizenship)\b",
        r"\bplace\s+of\s+birth\b",
        r"\bbirthplace\b",
        r"\bborn\s+(?:in|abroad|outside)\b",
        r"\bnationality\b",
        r"\bcitizen\s+of\b",
        r"\b(?:is|was|are|were|as)\s+an?\s+[a-z]+\s+national\b",
        r"\bforeign\s+nationals?\b",
        r"\bnationals?\s+of\b",
        r"\bnacid[oa]s?\s+en\b",
        r"\bpa[íi]s\s+de\s+(?:nacimiento|origen)\b",
        r"\blugar\s+de\s+nacimiento\b",
        r"\bnacionalidad\b",
        r"\bciudadan[oa]s?\s+de\b",
    ),
    _rule(
        "named-person",
        "a person's name next to status words identifies whose status it is",
        r"\b(?:Mr|Mrs|Ms|Miss|Sr|Sra|Srta|Don|Doña)\.?\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+"
        r"[^.;!?\n]{0,40}?\b(?:papers|papeles|status|estatus|citizen|ciudadan[oa]|legal|"
        r"illegal|ilegal|asylum|asilo|refugee|refugiad[oa]|visa|resident|residente)\b",
        _NAME + r"(?:'s)?\s+(?:has|had|tiene|no\s+tiene)\b[^.;!?\n]{0,30}?"
        r"\b(?:papers|papeles|status|estatus|visa)\b",
        _NAME + r"\s+(?:is|was|isn't|wasn't|es|era|está|no\s+es)\s+(?:not\s+)?(?:an?\s+|una?\s+)?"
        r"(?:citizen|ciudadan[oa]|legal\s+resident|legally|illegal|ilegal|asylum|asilad[oa]|"
        r"refugee|refugiad[oa]|residente\s+legal|permanent\s+resident)",
        flags=0,
    ),
)


def screen(text: str | None) -> Refusal | None:
    """The first rule `text` breaks, or None when it may be saved. The text is matched in
    its normalised form; the refusal quotes the original words."""
    if not text:
        return None
    normalised = normalise(text)
    for rule in RULES:
        found = rule.pattern.search(normalised.text)
        if found:
            matched = normalised.original_span(found.start(), found.end())
            return Refusal(rule.name, rule.reason, matched.strip())
    return None

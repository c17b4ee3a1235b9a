"""Screening of staff free text: refuse, with the reason, text that looks like it describes
an individual's immigration status (English and Spanish).

Where the line is drawn
-----------------------
Staff records (outreach, concern notes, community records, events, academy notes, policy
text) are about *activities*, *populations* and *rules*, never a person's status. So:

- **Refused**: anything that says or hints what a particular person's status is, was or
  might be, or that they applied for something —
  status labels ("undocumented", "sin papeles", "sin documentos", "illegal alien", "no
  legal status", "out of status", papers a person has or lacks); identifiers (A-number,
  alien number, passport or visa numbers); status documents (green card, tarjeta verde,
  mica, work permit, permanent residence); a person's visa, its class or its expiry
  ("here on an H-1B", "B-2 visa that lapsed", "visa vencida", overstays); a person's
  programme or protection (DACA or dreamer, TPS, asylum or asilo, refugee or refugiado,
  humanitarian parole); how a person entered or is present (entered without inspection,
  EWI, crossed the border illegally, unlawfully present); a person tied to deportation,
  removal, an ICE detainer or hold, or fear of ICE; a person's citizenship, nationality
  or country of birth ("is a Mexican citizen", "no es ciudadana", "born in Honduras"); a
  person's recorded immigration status ("Caller's immigration status: …", "estatus
  migratorio: …", "la situación migratoria de la víctima"); someone's U-visa/T-visa
  request or certification (their existence is protected: they are not tracked here);
  and a named person next to status words.
- **Accepted**: general information about programmes given to a group — "Presented U-visa
  information to the shelter's advocates", "Taller sobre la visa T para el personal",
  "DACA information night" — general talk of the subject ("officers do not ask about
  immigration status", "fear of deportation in the community", "regardless of their
  immigration status", the policy's "may not inquire into the immigration status of a
  victim or witness"), and the everyday words that share the vocabulary ("Citizens Police
  Academy", "a citizen's concerns", "Citizen of the Year", "ice cream", "snow removal",
  "criminal parole", "asilo de ancianos", "refugio", "case status", "local papers").

A person is a singular person (victim, caller, her, la víctima, a name); plurals and
"they" read as a group, so "residents fear deportation" is general talk. Status labels are
still refused when used of a group ("undocumented residents", "DACA recipients"): a label
in a record is the first step to recording who carries it, and the note can say
"immigrant communities" or "regardless of immigration status" instead. A match is excused
when its clause says the status is not asked about or does not matter (`GENERAL_TALK`).

Text is matched in a normalised form (`normalise.py`: invisible characters, lookalike
letters, accents, spacing), and the refusal quotes what the officer typed. The rules err on
the side of refusing; the reason tells the officer what to rephrase. The corpus in
tests/screening/corpus/ is the record of where the line falls.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalise import fold_accents, loose, normalise
from .words import (
    COUNTRY,
    COUNTRY_OR_US,
    GENERAL_TALK,
    NAME,
    NATIONALITY,
    NATIONALITY_ES,
    NEAR,
    ONE,
    PERSON,
    VISA_CLASS,
    VISA_KIND,
    VISA_KIND_ES,
)

_GENERAL_TALK = re.compile(fold_accents(GENERAL_TALK), re.IGNORECASE)
_CLAUSE_ENDS = ".;!?\n,:"
# Whose: "her", "the caller's" — not the general "anyone's", "a person's".
_POSSESSIVE = (
    r"(?:his|her|their|my|your|(?<!\ba )(?<!\ban )(?!(?:any|some|every|no)(?:one|body)'s)\w+'s)"
)
_ONES = rf"(?:his|her|their|{ONE}'s)"  # a person's
_NOT_HAVE = (
    r"(?:has\s+no|have\s+no|had\s+no|does\s*n[o']t\s+have|do\s*n[o']t\s+have|"
    r"did\s*n[o']t\s+have|never\s+had|lost\s+(?:his|her|their))"
)
# Status words that, a few words after "Mr./Sra. Name", say whose status it is.
_STATUS_WORDS = (
    r"(?-i:papers|papeles|(?:[Ii]mmigration|[Ll]egal|[Vv]isa)\s+status|estatus|citizen\w*|"
    r"ciudadan\w*|[Ii]llegal\w*|ilegal\w*|undocumented|indocumentad\w*|[Aa]sylum|"
    r"asilo(?!\s+de\s+ancianos)|[Rr]efugee(?!\s+(?:[Ss]ervices|agency|office|program))|"
    r"refugiad\w*|[Vv]isa\b|green\s+card|permanent\s+resident|residente\s+(?:permanente|"
    r"legal)|deport\w*)\b"
)
_ENTERED_ES = r"(?:entró|entraron|cruzó|cruzaron|pasó|pasaron|ingresó|ingresaron)"
_INTO_US_ES = (
    r"(?:al\s+país|a\s+(?:los\s+)?estados\s+unidos|a\s+EE\.?\s?UU\.?|la\s+frontera|el\s+río)"
)
# "citizen" as in the Citizens Police Academy, a citizen's concern, Citizen of the Year.
_CITIZEN_NOT_STATUS = (
    r"(?!'s)(?!\s+(?:police|academ\w*|advisory|patrol|review|survey|committee|board|council|"
    r"group|input|concerns?|complaints?|volunteers?|of\s+the\s+(?:year|month|week)))"
)
_LAPSED = r"(?:expired|lapsed|ran\s+out|run\s+out|ended|expires|lapses|runs\s+out)"


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
            f"({self.reason}; found “{self.matched}”). Records here never hold anyone's "
            f"immigration status: rephrase without it."
        )


def _rule(name: str, reason: str, *alternatives: str, flags=re.IGNORECASE) -> Rule:
    source = "|".join(f"(?:{a})" for a in alternatives)
    return Rule(name, reason, re.compile(fold_accents(source), flags))


RULES: tuple[Rule, ...] = (
    _rule(
        "status-label",
        "a status label is a statement about who has that status",
        rf"\b{loose('undocumented')}\b",
        r"\billegal(?:ly)?\s+(?:aliens?|immigrants?|migrants?|present)\b",
        r"\billegal\s+entry\b(?!\s+(?:in(?:to)?|to)\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+)?"
        r"(?:home|house|residence|building|garage|shed|car|vehicle|apartment|store|business|"
        r"school|yard|property)\b)",
        r"\billegals\b",
        r"\b(?:here|living|lives|live|stay(?:s|ed|ing)?|remain(?:s|ed|ing)?|present|"
        r"in\s+the\s+(?:country|U\.?S\.?A?|United\s+States))\s+illegally\b",
        r"\billegally\s+(?:here|present|in\s+the\s+(?:country|U\.?S\.?A?|United\s+States))\b",
        r"\b(?:no|without|lacks?|lacking|has\s+no|have\s+no|had\s+no|does\s*n[o']t\s+have|"
        r"do\s*n[o']t\s+have|did\s*n[o']t\s+have|never\s+had|lost)\s+"
        r"(?:(?:any|his|her|their|legal|lawful|valid|proper|immigration)\s+)*papers\b",
        r"\bpapers\s+(?:are|were|is|was)\s*(?:not|n't)?\s+in\s+order\b",
        rf"\b(?:no|without|lacks?|lacking|{_NOT_HAVE})\s+(?:any\s+)?immigration\s+status\b",
        rf"\b(?:no|without|lacks?|lacking|{_NOT_HAVE})\s+(?:any\s+)?(?:legal|lawful|valid)\s+"
        r"status\s+(?:in|here)\b",
        rf"\b{ONE}\s+(?:\w+\s+){{0,2}}?(?:lacks?|lacked|lacking|without|{_NOT_HAVE})\s+"
        r"(?:any\s+)?(?:legal|lawful|valid)\s+status\b",
        r"\b(?:out\s+of|not\s+in)\s+status\b",
        r"\bsin\s+papeles\b",
        r"\bno\s+(?:tiene|tienen|tenía|tenían|tenga|tengan)\s+(?:sus\s+|los\s+)?papeles\b",
        r"\b(?:tiene|tienen|tenía|tenga|arregl\w*|sac[oóa]\w*|consigu\w*)\s+(?:sus\s+|los\s+)?"
        r"papeles\b(?!\s+(?:del?|para)\s)",
        r"\bpapeles\s+(?:en\s+regla|migratorios|de\s+inmigración)\b",
        r"\bsin\s+(?:documentos|documentación)\b(?!\s+(?:del?|para)\s)",
        r"\bsin\s+(?:documentos|documentación)\s+(?:de\s+)?(?:inmigración|migratori\w+|legal\w*)",
        r"\bsin\s+(?:estatus|status)(?:\s+(?:legal|migratorio))?\b",
        r"\bno\s+(?:tiene|tienen|tenía|tenga)\s+(?:estatus|status)\b",
        rf"\b{loose('indocumentad')}[oa]s?\b",
        r"\b(?:inmigrantes?|migrantes?)\s+ilegal(?:es)?\b",
        r"\b(?:extranjeros?|personas|trabajadores|los|unos|muchos|vecinos)\s+ilegales\b",
        rf"(?:^|[.;!?\n]\s*|\b{ONE}\s+)(?:es|son|era|eran|está|están|estaba|estaban)\s+"
        r"ilegal(?:es)?\b(?!\s+(?:que|\w+(?:ar|er|ir)(?:se|lo|la|le)?)\b)",
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
        rf"\b(?:{_ONES}|has\s+an?|had\s+an?|have\s+an?|no|without|expired|valid|immigration)\s+"
        r"work\s+permit\b",
        r"\bemployment\s+authori[sz]ation\b",
        r"\bpermiso\s+de\s+trabajo\b",
        r"\bpermanent\s+resident\s+card\b",
        r"\b(?:tiene|tenía|con|sin|su|sacar|sacó|tramit\w+|arregl\w+|obtuvo|recibió)\s+"
        r"(?:la\s+|su\s+)?mica\b(?!\s+del?\s+(?:celular|teléfono))",
        r"\b(?:sacó|obtuvo|tramit\w+|arregl\w+|solicitó|pidió|le\s+dieron|le\s+negaron)\s+"
        r"(?:la\s+|su\s+)?residencia\b",
        r"\b(?:tiene|tenía|con|sin)\s+(?:la\s+)?residencia(?:\s+(?:permanente|legal))?\b"
        r"(?!\s+(?:en|de)\b)",
    ),
    _rule(
        "overstay",
        "an overstay or expired visa is a statement of someone's status",
        r"\boverstay(?:ed|ing|s)?\b",
        r"\b(?:expired|lapsed|invalid)\s+visas?\b",
        rf"\bvisas?\s+(?:that\s+|which\s+)?(?:has\s+|had\s+|have\s+)?{_LAPSED}",
        r"\bvisas?\s+(?:has\s+|had\s+)?expired\b",
        r"\bvisas?\s+(?:de\s+\w+\s+)?(?:[\w-]+\s+)?(?:vencidas?|expiradas?|caducadas?)\b",
        r"\bse\s+(?:le\s+)?(?:venció|expiró|caducó|acabó)\s+(?:la|su)\s+visa\b",
        r"\bvisa\s+(?:de\s+\w+\s+)?(?:[\w-]+\s+)?se\s+(?:le\s+)?(?:venció|expiró|caducó|acabó)",
        r"\bse\s+quedó\s+(?:más\s+tiempo|después)\b[^.;!?\n]{0,40}?\bvisa\b",
    ),
    _rule(
        "visa-status",
        "someone's visa or immigration status, or visa type, is what may not be recorded",
        r"\bvisa\s+(?:status|type)\b",
        r"\btype\s+of\s+visa\b",
        r"\btipo\s+de\s+visa\b",
        rf"\b{_POSSESSIVE}\s+(?:current\s+)?(?:immigration|legal|visa|citizenship|residency|"
        r"lawful|migratory)\s+status\b",
        r"(?<!\bon )(?<!\bre )(?<!about )(?<!regarding )(?<!concerning )"
        r"\b(?:immigration|visa|citizenship|residency|migratory)\s+status\s*(?::|=|\s-\s?)",
        rf"\bimmigration\s+status\s+of\s+(?:the|this|that|his|her|my|our|said)\s+(?:\w+\s+)?{ONE}\b",
        r"\b(?:su|sus)\s+(?:estatus|estado|situaci[óo]n|status|condición|calidad)\s+"
        r"(?:migratori[oa]|legal|de\s+inmigración)",
        r"(?<!sobre )(?<!\bde )\b(?:estatus|estado|situación|condición|calidad)\s+"
        r"(?:migratori[oa]|de\s+inmigración)\s*(?::|=|\s-\s?)",
        r"\b(?:estatus|situación|estado|condición)\s+migratori[oa]\s+(?:es\s+|era\s+)?"
        r"(?:irregular|pendiente|ilegal|indocumentad)",
        rf"\b(?:estatus|situación|estado|condición)\s+migratori[oa]\s+de\s+"
        rf"(?:la|el|su|mi|esta|este|dicha|dicho)\s+(?:\w+\s+)?{ONE}\b",
        rf"\b{PERSON}\s+(?:is|was|are|were|isn'?t|wasn'?t)\s+(?:not\s+)?(?:an?\s+)?"
        r"(?:(?:illegal|legal|documented)(?=\s*(?:$|[.,;!?)\n]|(?:and|but|or|in|here|now|per|"
        r"since|yet)\b))|(?:citizens?|non-?citizens?)\b" + _CITIZEN_NOT_STATUS + r"|"
        r"(?:(?:legal|permanent)\s+residents?|refugees?|asylum\s+seekers?)\b)",
        rf"\b{PERSON}\s+(?:es|era|no\s+es)\s+(?:ciudadan[oa]|residente\s+legal|ilegal|refugiad[oa])\b",
    ),
    _rule(
        "visa-request",
        "a person's U-visa or T-visa request or certification is not tracked here (its "
        "existence is protected)",
        r"\b[UT][-\s]?visa\s+(?:certification\s+)?(?:requests?|applications?|petitions?|cases?)\b",
        r"\bcertification\s+requests?\b",
        r"\b(?:requested|asked\s+for|applied\s+for|applying\s+for|filed\s+for|signed|certified)"
        r"\s+(?:an?\s+|the\s+|a\s+)?(?:[UT][-\s]?visa|certification|i-918|i-914)\b",
        rf"\b(?:his|her|their|{PERSON}'s)\s+[UT][-\s]?visa\b",
        r"\b(?:has|had|got|received|holds?|obtained|was\s+granted|approved\s+for)\s+"
        r"(?:an?\s+|the\s+)?[UT][-\s]?visa\b",
        r"\b[UT][-\s]?visa\s+(?:holder|recipient|status|was\s+approved|was\s+granted)",
        r"\b(?:pidi[óo]|solicit[óo]|tramit[óo]|firm[óo])\s+(?:una?\s+|la\s+)?(?:visa|"
        r"certificaci[óo]n)\b",
        r"\b(?:solicita|tramita|tramitando|solicitando|pidiendo|recibió|obtuvo|tiene|tenía|"
        r"le\s+(?:dieron|aprobaron|negaron))\s+(?:una?\s+|la\s+)?visa\b",
        r"\bsolicitud\s+de\s+(?:la\s+)?(?:visa|certificaci[óo]n)\b",
        r"\bsu\s+visa\b",
    ),
    _rule(
        "deportation",
        "tying a person to deportation or removal describes their status",
        rf"\b{ONE}\b{NEAR}\bdeport(?:ed|ation|ing)?\b",
        rf"\bdeport(?:ed|ation|ing)?\b{NEAR}\b{ONE}\b",
        r"\b(?:was|were|got|been|being|facing|faces|fears?)\s+(?:deported|deportation)\b",
        r"\b(?:removal|deportation)\s+(?:proceedings|order|hearing|case)\b",
        r"\b(?:order\s+of\s+removal|ordered\s+(?:removed|deported))\b",
        rf"\b(?:{_ONES}|has\s+an?|have\s+an?)\s+(?:upcoming\s+|pending\s+)?"
        r"immigration\s+(?:court|hearing|case)\b",
        r"\b(?:detained|picked\s+up|arrested|taken|held)\s+by\s+(?:ICE|immigration|la\s+migra)\b",
        rf"\b{loose('deportad')}[oa]s?\b",
        r"\b(?:proceso|orden|audiencia|caso|juicio)\s+de\s+deportaci[óo]n\b",
        rf"\b{ONE}\b{NEAR}\bdeportaci[óo]n\b",
        r"\b(?:lo|la|los|las|le|les)\s+(?:deportaron|deportó|deportarán|deporten|deporte|"
        r"van\s+a\s+deportar|quieren\s+deportar)\b",
    ),
    _rule(
        "origin",
        "country of birth or nationality is not recorded",
        r"\bcountry\s+of\s+(?:birth|origin|citizenship)\b",
        r"\bplace\s+of\s+birth\b",
        r"\bbirthplace\b",
        r"\bborn\s+(?:abroad|outside)\b",
        r"\bborn\s+in\s+(?!\d|(?:January|February|March|April|May|June|July|August|September|"
        r"October|November|December)\b)",
        r"\bnationality\b",
        rf"\bcitizens?\s+of\s+{COUNTRY_OR_US}",
        r"\b(?:is|was|are|were|as)\s+an?\s+[a-z]+\s+national\b",
        r"\bforeign\s+nationals?\b",
        r"\bnationals?\s+of\b",
        r"\bnacid[oa]s?\s+en\s+(?!\d|(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
        r"septiembre|octubre|noviembre|diciembre)\b)",
        r"\bpa[íi]s\s+de\s+(?:nacimiento|origen)\b",
        r"\blugar\s+de\s+nacimiento\b",
        r"\bnacionalidad\b",
        rf"\bciudadan[oa]s?\s+de\s+{COUNTRY_OR_US}",
        rf"\b(?:is|was|are|were|es|era|son|eran)\s+(?:originally\s+|originari[oa]s?\s+)?"
        rf"(?:from|de)\s+{COUNTRY}\b",
    ),
    _rule(
        "named-person",
        "a person's name next to status words identifies whose status it is",
        r"\b(?:Mr|Mrs|Ms|Miss|Sr|Sra|Srta|Don|Doña)\.?\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+"
        rf"[^.;!?\n]{{0,40}}?\b(?:{_STATUS_WORDS})",
        NAME + r"(?:'s)?\s+(?:has|had|tiene|no\s+tiene)\b[^.;!?\n]{0,30}?"
        r"\b(?:papers|papeles|(?:immigration|legal|visa)\s+status|estatus\s+(?:migratorio|"
        r"legal)|visa)\b",
        NAME + r"\s+(?:is|was|isn't|wasn't|es|era|está|no\s+es)\s+(?:not\s+)?(?:an?\s+|una?\s+)?"
        r"(?:citizen|ciudadan[oa]|legal\s+resident|legally\s+(?:here|present|in)|illegal|"
        r"ilegal|asylum|asilad[oa]|refugee|refugiad[oa]|residente\s+legal|permanent\s+resident)",
        flags=0,
    ),
    _rule(
        "protection",
        "a person's DACA, TPS, asylum, refugee or parole case is their immigration status",
        r"\bDACA\s+(?:recipient|beneficiary|holder|grantee|status|case)s?\b",
        rf"\b(?:has|had|have|got|received|holds?|lost|applied\s+for|applying\s+for|"
        rf"renew(?:ed|ing|s)?|{_ONES}|(?:is|was|are|were|be|been|currently|still|here)\s+on)\s+"
        r"(?:(?:his|her|their)\s+)?(?:DACA|TPS)\b",
        r"\b(?:is|was|are|were|as|an?)\s+(?:\w+\s+)?dreamers?\b",
        r"\bTPS\s+(?:recipient|beneficiary|holder|grantee|status|case)s?\b",
        r"\b(?:has|had|is\s+on|was\s+on|granted)\s+temporary\s+protected\s+status\b",
        r"\b(?:tiene|tenía|tuvo|con|recibió|solicitó|pidió|renovó|perdió|su)\s+(?:el\s+)?"
        r"(?:DACA|TPS)\b",
        r"\b(?:beneficiari[oa]|recipiente|titular)s?\s+(?:de|del)\s+(?:DACA|TPS)\b",
        r"\b(?:tiene|con|su)\s+(?:el\s+)?estatus\s+de\s+protección\s+temporal\b",
        r"\b(?:es|era|son|eran|como|joven|jóvenes|estudiantes?)\s+(?:una?\s+)?soñador(?:a|es|as)?\b",
        r"\b(?:applied|applying|applies|filed|filing|seeking|seeks|sought|requested|requesting|"
        r"granted|received|got|won|denied|claimed|claiming)\s+(?:for\s+)?(?:political\s+)?"
        r"asylum\b",
        r"\b(?:will|wants?\s+to|plans?\s+to|going\s+to|needs?\s+to|trying\s+to|hopes?\s+to)\s+"
        r"(?:apply|file)\s+for\s+asylum\b",
        r"\basylum\s+(?:seekers?|applicants?|grantees?)\b",
        r"\basylees?\b",
        rf"\b(?:{_ONES}|has\s+an?|had\s+an?|pending)\s+(?:\w+\s+)?asylum\s+(?:case|claim|"
        r"application|petition|hearing|interview|status)\b",
        r"\b(?:has|had|have|with|on|got|received)\s+asylum\b",
        r"\b(?:pidió|pidieron|solicitó|solicitaron|solicitando|pidiendo|tramita|tramitó|"
        r"tramitando|busca|buscando|recibió|obtuvo|tiene|tenía|le\s+(?:dieron|otorgaron|"
        r"concedieron|negaron))\s+(?:el\s+)?asilo(?:\s+político)?\b(?!\s+de\s+ancianos)",
        r"\bsolicitantes?\s+de\s+asilo\b",
        r"\basilad[oa]s?\b",
        r"\b(?:su|sus|un)\s+(?:solicitud|caso|audiencia|petición|entrevista)\s+de\s+asilo\b",
        r"\b(?:is|was|came|arrived|entered|admitted|resettled)\b[^.;!?\n]{0,25}?\b(?:as\s+)?"
        r"an?\s+refugee\b(?!\s+(?:agency|organi[sz]ation|services?|program\w*|office|cent(?:er|re)"
        r"|resettlement))",
        rf"\b(?:has|had|granted|given|{_ONES})\s+refugee\s+status\b",
        r"\b(?:es|era|son|eran|llegó|llegaron|vino|vinieron|entró|como)\s+(?:una?\s+|como\s+)?"
        r"refugiad[oa]s?\b",
        r"\b(?:is|was|are|were|here|entered|came|arrived|living|currently|still)\s+(?:\w+\s+){0,3}?"
        r"(?:on|under|with|via|through)\s+humanitarian\s+parole\b",
        r"\b(?:got|granted|received|has|had)\s+(?:a\s+)?humanitarian\s+parole\b",
        r"\bhumanitarian\s+parole\s+(?:holder|recipient|beneficiary|status|expire[sd]?|ends)\b",
        r"\bparoled\s+in(?:to)?\b",
        r"\bparole\s+in\s+place\b",
        r"\b(?:tiene|tenía|con|entró\s+con|llegó\s+con|recibió|le\s+dieron|su)\s+"
        r"(?:el\s+|un\s+)?(?:permiso\s+de\s+)?parole\b",
    ),
    _rule(
        "visa-class",
        "a person's visa, its class or its holder says what their status is",
        rf"\b(?:here|is|was|are|were|came|come|entered|arrived|stay\w*|living|lives|remain\w*|"
        rf"be|been|still|currently)\s+(?:here\s+|in\s+the\s+(?:US|U\.?S\.?|country|United\s+"
        rf"States)\s+)?on\s+(?:an?\s+|the\s+|(?:his|her|their)\s+)?{VISA_KIND}",
        rf"\b(?:has|had|have|holds?|held|got|received|obtained|with)\s+(?:an?\s+|the\s+|"
        rf"(?:his|her|their)\s+)?(?:valid\s+|expired\s+)?{VISA_KIND}",
        rf"\b{_POSSESSIVE}\s+{VISA_KIND}",
        rf"{VISA_CLASS}\s+(?:visa\s+)?(?:holder|status|worker|recipient)s?\b",
        rf"\b(?:con|tiene|tenía|su|sus)\s+(?:una?\s+|la\s+)?{VISA_KIND_ES}",
    ),
    _rule(
        "entry",
        "how or when a person entered or stayed in the country is their status",
        r"\bentered\s+(?:without\s+(?:inspection|papers|documents|a\s+visa)|(?:the\s+)?"
        r"(?:country|US|U\.?S\.?A?|United\s+States)\s+(?:without\s+(?:inspection|papers|"
        r"documents|a\s+visa|permission)|illegally|unlawfully))",
        r"\b(?:illegally|unlawfully)\s+entered\s+(?:the\s+)?(?:country|US|U\.?S\.?A?|"
        r"United\s+States)\b",
        r"\bwithout\s+inspection\b",
        r"(?-i:\bEWI\b)",
        r"\b(?:crossed|crosses|crossing|snuck|sneaked|came)\s+(?:over\s+|across\s+)?"
        r"(?:the\s+)?(?:border|river)\s+(?:\w+\s+){0,3}?(?:illegally|unlawfully|without\s+"
        r"(?:papers|documents|inspection|permission))",
        r"\billegal(?:ly)?\s+(?:crossed\s+the\s+border|border\s+crossing)\b",
        r"\b(?:paid|hired|used)\s+a\s+coyote\b",
        r"\bunlawful(?:ly)?\s+(?:present|presence|residing|living)\b",
        r"\b(?:illegal|unlawful)\s+presence\b",
        r"\bsin\s+inspección\b",
        rf"\b{_ENTERED_ES}\s+(?:{_INTO_US_ES}\s+)?(?:sin\s+(?:papeles|documentos|visa)|"
        r"de\s+mojad[oa])",
        rf"\b{_ENTERED_ES}\s+{_INTO_US_ES}\s+(?:ilegalmente|de\s+(?:forma|manera)\s+ilegal|"
        r"sin\s+permiso)",
        rf"\b{_ENTERED_ES}\s+(?:ilegalmente|de\s+(?:forma|manera)\s+ilegal|sin\s+permiso)\s+"
        rf"{_INTO_US_ES}",
        r"\b(?:en\s+el\s+país|en\s+(?:los\s+)?estados\s+unidos|aquí)\s+(?:ilegalmente|de\s+"
        r"(?:forma|manera)\s+ilegal|sin\s+(?:papeles|documentos|estatus|permiso))",
        r"\bpresencia\s+ilegal\b",
        r"\b(?:pagó|pagaron|contrató|contrataron)\s+(?:a\s+)?un\s+coyote\b",
    ),
    _rule(
        "enforcement",
        "tying a person to ICE (a detainer, a hold, custody, fear of it) describes their status",
        r"(?-i:\bICE\b)\s+(?:detainer|hold)\b(?!s)",
        r"(?-i:\bICE\b)\s+(?:has|had|placed|put|lodged|issued)\s+(?:an?\s+)?(?:detainer|hold)\b",
        r"\b(?:detainer|hold)\s+(?:from|by)\s+(?-i:ICE\b)",
        r"\bin\s+(?-i:ICE)\s+custody\b",
        r"(?-i:\bICE\b)\s+(?:detained|arrested|picked\s+up|took|is\s+looking\s+for)\s+"
        r"(?:him|her|the|my|his|their)\b",
        r"\b(?:fears|feared|is\s+(?:afraid|scared|terrified)\s+of|was\s+(?:afraid|scared|"
        r"terrified)\s+of)\s+(?:the\s+)?(?-i:ICE\b)",
        r"\b(?:hold|retención|detainer|orden\s+de\s+detención)\s+(?:de|del)\s+(?:ICE|"
        r"inmigración|la\s+migra)\b",
        r"\b(?:ICE|inmigración)\s+(?:le\s+)?(?:puso|tiene|emitió)\s+(?:una?\s+)?"
        r"(?:hold|retención|detainer)\b",
        r"\b(?:le\s+)?(?:tiene|tenía)\s+miedo\s+(?:a|de)\s+(?:la\s+)?(?:migra|ICE)\b",
        r"\b(?:le\s+)?teme\s+a\s+(?:la\s+)?(?:migra|ICE)\b",
        r"\bdetenid[oa]\s+por\s+(?:ICE|la\s+migra|inmigración)\b",
    ),
    _rule(
        "citizenship",
        "a person's citizenship or nationality is not recorded",
        rf"\b(?:(?:is|was|isn'?t|wasn'?t|became|become|becomes|not)\s+(?:not\s+)?(?:an?\s+|"
        rf"the\s+)?|as\s+an?\s+)(?:{NATIONALITY}\s+)?citizen\b" + _CITIZEN_NOT_STATUS,
        rf"\b{NATIONALITY}\s+citizens?\b",
        r"\bnon-?citizens?\b",
        r"\b(?:is|was|became|got|been)\s+(?:\w+\s+)?naturali[sz]ed\b",
        r"\b(?:his|her)\s+(?:naturali[sz]ation|citizenship)\b",
        r"\bpermanent\s+residen(?:t|ts|cy)\b",
        r"\b(?:lawful|legal)\s+permanent\s+residence\b",
        r"\b(?:is|was|an|as\s+an)\s+(?-i:LPR)\b(?!\s+(?:camera|reader|system|hit|alert|data)s?)",
        r"\b(?:es|era|son|eran|no\s+es|no\s+era|se\s+hizo|sea)\s+(?:una?\s+)?ciudadan[oa]s?\b"
        r"(?!\s+(?:ejemplar|modelo|distinguid[oa]|del\s+año|del\s+mes|preocupad[oa]))",
        rf"\bciudadan[oa]s?\s+{NATIONALITY_ES}\b",
        rf"\b(?:es|era|no\s+es)\s+(?:una?\s+)?{NATIONALITY_ES}\b",
        r"\b(?:su|sus)\s+(?:ciudadanía|naturalización)\b",
        r"\bresidentes?\s+(?:permanentes?|legal(?:es)?)\b",
        r"\b(?:es|era)\s+(?:una?\s+)?inmigrante\b",
        rf"\b{ONE}\s+(?:is|was)\s+an?\s+immigrant\b",
    ),
)


def screen(text: str | None) -> Refusal | None:
    """The first rule `text` breaks, or None when it may be saved. The text is matched in
    its normalised form; the refusal quotes the original words."""
    if not text:
        return None
    normalised = normalise(text)
    for rule in RULES:
        for found in rule.pattern.finditer(normalised.text):
            if not _general_talk(normalised.text, found.start()):
                matched = normalised.original_span(found.start(), found.end())
                return Refusal(rule.name, rule.reason, matched.strip())
    return None


def _general_talk(text: str, start: int) -> bool:
    """Whether the clause before a match says the status is not asked or does not matter."""
    window = max(0, start - 120)  # the excusing words are close before the match
    clause_start = max(text.rfind(c, window, start) for c in _CLAUSE_ENDS) + 1
    return bool(_GENERAL_TALK.search(text, max(window, clause_start), start))

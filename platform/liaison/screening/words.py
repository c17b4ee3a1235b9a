"""Word lists the screening rules are built from, as regex fragments over normalised text
(accents removed, see `normalise.py`; the rules fold their own patterns the same way, so
Spanish is written here with its accents)."""

from __future__ import annotations

# One particular person (not a group: "residents", "families" and "they" are left out, so
# "residents' fear of deportation" is general talk).
ONE = (
    r"(?:he|she|him|his|her|hers|victim|witness|client|survivor|woman|man|boy|girl|child|"
    r"mother|father|mom|dad|parent|husband|wife|son|daughter|brother|sister|boyfriend|"
    r"girlfriend|partner|fianc[ée]e?|uncle|aunt|cousin|nephew|niece|grandmother|grandfather|"
    r"person|someone|resident|caller|applicant|complainant|reporting party|neighbou?r|"
    r"tenant|suspect|student|worker|employee|family member|individual|"
    r"ella|víctima|testigo|cliente|clienta|mujer|hombre|niñ[oa]|madre|padre|mamá|papá|"
    r"esposo|esposa|marido|hij[oa]|herman[oa]|señora|señor|persona|pareja|novi[oa]|"
    r"vecin[oa]|tí[oa]|prim[oa]|sobrin[oa]|abuel[oa]|inquilin[oa]|denunciante|"
    r"sospechos[oa]|estudiante|trabajador(?:a)?)"
)
# The person named in the older rules (kept for them: includes "they", "their").
PERSON = (
    r"(?:he|she|him|his|her|hers|they|them|their|victim|witness|client|survivor|woman|man|"
    r"boy|girl|child|mother|father|husband|wife|son|daughter|brother|sister|boyfriend|"
    r"girlfriend|person|someone|resident|caller|applicant|family member|"
    r"ella|víctima|testigo|cliente|mujer|hombre|niñ[oa]|madre|padre|"
    r"esposo|esposa|marido|hij[oa]|herman[oa]|señora|señor|persona|pareja)"
)
NEAR = r"[^.;!?\n]{0,40}?"  # within the same clause
NAME = r"\b[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+"  # two capitalised words

# Visa classes written the way officers write them: H-1B, H1B, B-2, F-1, J-1, H-2A, B1/B2
# (no I-: that is an interstate, "on I-95"; digits 1-4 only: K-9 is the dog, M-16 a rifle).
VISA_CLASS = r"(?-i:\b[A-HJ-Z]-?[1-4][A-Z]?(?:/[A-HJ-Z]-?[1-4])?\b)"
VISA_KIND = (
    rf"(?:{VISA_CLASS}(?:\s+[a-z]+)?\s+visa|{VISA_CLASS}|"
    r"(?:tourist|student|work|visitor|exchange|fianc[ée]e?|spousal|business|temporary|"
    r"seasonal|religious|investor)\s+visa)"
)
VISA_KIND_ES = (
    rf"visa\s+(?:de\s+(?:turista|estudiante|trabajo|visitante|prometid[oa]|negocios)|"
    rf"{VISA_CLASS}|[UT]\b)"
)

COUNTRY = (
    r"(?:Mexico|México|Guatemala|Honduras|El Salvador|Nicaragua|Venezuela|Colombia|Cuba|"
    r"Haiti|Haití|(?:the\s+|la\s+)?Dominican Republic|República Dominicana|Ecuador|Peru|"
    r"Perú|Brazil|Brasil|Bolivia|Chile|Argentina|Panama|Panamá|Costa Rica|China|India|"
    r"(?:the\s+)?Philippines|Filipinas|Vietnam|Ukraine|Ucrania|Russia|Rusia|Afghanistan|"
    r"Afganistán|Syria|Siria|Somalia|Nigeria|Ethiopia|Etiopía|Eritrea|Sudan|Sudán|Congo|"
    r"Iraq|Irak|Iran|Irán|Pakistan|Pakistán|Bangladesh|Nepal|Burma|Myanmar|Jamaica|Canada|"
    r"Canadá|Spain|España|Poland|Polonia|Korea|Corea|another country|a foreign country|"
    r"otro país)"
)
# Being *from* the United States says nothing here ("a grant from the U.S. Department of
# Justice"); being its citizen does.
COUNTRY_OR_US = (
    rf"(?:{COUNTRY}|(?:the\s+)?(?:US|U\.S\.?|USA|United States)|Estados Unidos|"
    r"EE\.?\s?UU\.?)"
)
NATIONALITY = (
    r"(?:American|U\.?S\.?|Mexican|Guatemalan|Honduran|Salvadorr?[ae]n|Nicaraguan|"
    r"Venezuelan|Colombian|Cuban|Haitian|Dominican|Ecuadorian|Peruvian|Brazilian|Bolivian|"
    r"Chilean|Argentin(?:e|ian)|Panamanian|Costa Rican|Chinese|Indian|Filipino|Vietnamese|"
    r"Ukrainian|Russian|Afghan|Syrian|Somali|Nigerian|Ethiopian|Eritrean|Sudanese|"
    r"Congolese|Iraqi|Iranian|Pakistani|Bangladeshi|Nepali|Burmese|Jamaican|Canadian|"
    r"British|Irish|Polish|Korean|Japanese|Spanish|foreign|dual|naturali[sz]ed)"
)
NATIONALITY_ES = (
    r"(?:mexican[oa]|guatemaltec[oa]|hondureñ[oa]|salvadoreñ[oa]|nicaragüense|"
    r"venezolan[oa]|colombian[oa]|cuban[oa]|haitian[oa]|dominican[oa]|ecuatorian[oa]|"
    r"peruan[oa]|brasileñ[oa]|bolivian[oa]|chilen[oa]|argentin[oa]|panameñ[oa]|"
    r"costarricense|filipin[oa]|vietnamita|ucranian[oa]|afgan[oa]|siri[oa]|somalí|"
    r"nigerian[oa]|etíope|canadiense|estadounidense|american[oa]|norteamerican[oa]|"
    r"extranjer[oa]|naturalizad[oa])"
)

# General talk, not a record: what precedes a match in its clause when the text says that
# status is not asked about ("officers do not ask about…", "la política prohíbe preguntar
# por…") or does not matter ("regardless of their…", "sin importar su…").
GENERAL_TALK = (
    r"(?:\b(?:regardless|irrespective|independent(?:ly)?)\s+of|\bwhatever|\bno\s+matter|"
    r"\bindependientemente\s+de|\bsin\s+importar(?:\s+cu[aá]l\s+sea)?|\bsea\s+cu[aá]l\s+sea|"
    r"\bcualquiera\s+que\s+sea|\bno\s+importa)(?:\s+\S+){0,1}\s*$|"
    r"(?:\b(?:do|does|did|shall|should|may|must|will|can|could|would|are|is)\s*(?:not|n't)|"
    r"\bcannot|\bnever|\bno\s+one\s+(?:will|shall|may)|\bprohibit\w*|\bforbid\w*|"
    r"\b(?:no|nunca|jamás)\s+(?:se\s+(?:les?\s+)?)?(?:(?:debe|deben|puede|pueden|van\s+a)\s+)?"
    r"|\bprohíb\w*|\bprohib\w*)"
    r"\s*(?:\w+\s+){0,2}?(?:ask|asks|asked|asking|inquire|inquiring|enquire|question|"
    r"check|checks|checking|request|demand|pregunt\w*|indag\w*|averigu\w*|pide|piden|pedir|"
    r"pidan|pedimos|exig\w*)\b[^.;!?\n,:]{0,40}$"
)

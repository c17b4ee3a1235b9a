"""The starter waiver text offered to an agency that has none yet: a release, assumption of
risk, medical consent and photo consent, in English and Spanish. The agency edits it into
its own; nothing here is legal advice, and the console says so."""

from __future__ import annotations

TITLE_EN = "Release, Assumption of Risk and Consent"
TITLE_ES = "Exoneración, asunción de riesgos y consentimiento"

BODY_EN = """\
I want to take part (or I am a parent or legal guardian of a participant who wants to take \
part) in this program of {agency}. I understand that the activities may involve physical \
activity, travel and other risks of injury, illness or loss of property, and I take part \
voluntarily, accepting those risks.

To the fullest extent the law allows, I release {agency}, its officers, employees and \
volunteers, and the city or town it serves, from claims for injury, illness, death or loss \
arising from taking part, except those caused by gross negligence or wilful misconduct.

I will follow the instructions of the staff running the activity. I understand that a \
participant who does not follow them may be asked to leave.

In a medical emergency, if I (or the parent or guardian) cannot be reached, I authorise \
the staff to obtain emergency medical care for the participant. I am responsible for its cost.

{agency} may take photographs or video during the activity and use them to report on its \
community programs, without payment. The agency does not publish participants' names with \
images of minors."""

BODY_ES = """\
Quiero participar (o soy padre, madre o tutor legal de un participante que quiere \
participar) en este programa de {agency}. Entiendo que las actividades pueden incluir \
actividad física, desplazamientos y otros riesgos de lesión, enfermedad o pérdida de \
bienes, y participo voluntariamente, aceptando esos riesgos.

En la máxima medida permitida por la ley, libero a {agency}, a sus agentes, empleados y \
voluntarios, y a la ciudad o municipio al que sirve, de reclamaciones por lesiones, \
enfermedad, muerte o pérdidas derivadas de la participación, salvo las causadas por \
negligencia grave o conducta dolosa.

Seguiré las instrucciones del personal que dirige la actividad. Entiendo que se puede \
pedir que se retire a un participante que no las siga.

En una emergencia médica, si no se me puede localizar (ni al padre, madre o tutor), \
autorizo al personal a obtener atención médica de emergencia para el participante. \
Soy responsable de su costo.

{agency} puede tomar fotografías o videos durante la actividad y usarlos para informar \
sobre sus programas comunitarios, sin pago alguno. La agencia no publica los nombres de \
los participantes junto con imágenes de menores."""

CONSENTS_EN = """\
I have read this waiver and I understand and accept the risks of taking part.
I release the agency from claims as described above.
I consent to emergency medical care for the participant.
I consent to photographs and video as described above."""

CONSENTS_ES = """\
He leído esta exoneración y entiendo y acepto los riesgos de participar.
Libero a la agencia de reclamaciones según lo descrito arriba.
Doy mi consentimiento para la atención médica de emergencia del participante.
Doy mi consentimiento para fotografías y videos según lo descrito arriba."""


def starter_text(agency_name: str) -> dict[str, str]:
    """The starter text with the agency's name filled in, as version fields."""
    return {
        "title_en": TITLE_EN,
        "title_es": TITLE_ES,
        "body_en": BODY_EN.format(agency=agency_name),
        "body_es": BODY_ES.format(agency=agency_name),
        "consents_en": CONSENTS_EN,
        "consents_es": CONSENTS_ES,
    }

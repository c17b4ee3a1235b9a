"""Ready-made survey questions, in English and Spanish, for the topics policies name.

A policy's survey duty lists its topics in its own words (Cambridge: "officer's behavior
toward citizens"; Alsip: "Attitude and behavior of department members"); `topic_for`
matches such a phrase to a bank topic by keywords, trying the topics in the order below
(more specific first: "competence and performance of personnel" is about personnel, not
the department's performance). A phrase nothing matches falls back to the general bank.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class BankQuestion:
    key: str
    kind: str  # a models.QUESTION_KINDS value
    en: str
    es: str
    options: tuple[tuple[str, str], ...] = ()  # (English, Spanish) for choice questions


@dataclass(frozen=True)
class BankTopic:
    key: str
    label: str
    keywords: tuple[str, ...]
    questions: tuple[BankQuestion, ...] = field(default_factory=tuple)


def _likert(key: str, en: str, es: str) -> BankQuestion:
    return BankQuestion(key, "likert", en, es)


TOPICS: tuple[BankTopic, ...] = (
    BankTopic(
        "policies",
        "Departmental policies",
        ("policies", "policy", "criticism"),
        (
            _likert(
                "policies-fair",
                "The department's policies are fair to everyone in the community.",
                "Las políticas del departamento son justas con todas las personas de la comunidad.",
            ),
            BankQuestion(
                "policies-comments",
                "text",
                "What would you change in the department's current policies, and why?",
                "¿Qué cambiaría de las políticas actuales del departamento y por qué?",
            ),
        ),
    ),
    BankTopic(
        "channels",
        "How people hear from and reach the department",
        ("water bill", "website", "social media", "forum", "electronic"),
        (
            BankQuestion(
                "channels-source",
                "single",
                "How did you receive this survey?",
                "¿Cómo recibió esta encuesta?",
                (
                    ("Insert in the water bill", "Folleto en la factura del agua"),
                    ("The department's website", "El sitio web del departamento"),
                    ("At a community forum or meeting", "En un foro o reunión comunitaria"),
                    ("Social media", "Redes sociales"),
                    ("Other", "Otro"),
                ),
            ),
            BankQuestion(
                "channels-preferred",
                "multiple",
                "How would you like to give the department your feedback?",
                "¿Cómo le gustaría darle su opinión al departamento?",
                (
                    ("Online surveys", "Encuestas en línea"),
                    ("Paper surveys", "Encuestas en papel"),
                    ("Community meetings", "Reuniones comunitarias"),
                    ("Social media", "Redes sociales"),
                    ("Talking with an officer", "Hablando con un agente"),
                ),
            ),
        ),
    ),
    BankTopic(
        "personnel",
        "Competence of personnel",
        ("competence", "competent", "personnel", "training"),
        (
            _likert(
                "personnel-competent",
                "Officers are competent and know how to do their job.",
                "Los agentes son competentes y saben hacer su trabajo.",
            ),
            _likert(
                "personnel-knowledge",
                "Officers give accurate information and helpful advice.",
                "Los agentes dan información correcta y consejos útiles.",
            ),
        ),
    ),
    BankTopic(
        "behaviour",
        "Officers' behaviour toward people",
        ("behavior", "behaviour", "attitude", "courtesy", "respect", "conduct"),
        (
            _likert(
                "behaviour-respect",
                "Officers treat people with courtesy and respect.",
                "Los agentes tratan a las personas con cortesía y respeto.",
            ),
            _likert(
                "behaviour-fair",
                "Officers treat people fairly, whatever their background.",
                "Los agentes tratan a las personas con justicia, sin importar su origen.",
            ),
            _likert(
                "behaviour-listen",
                "Officers listen to people and explain their decisions.",
                "Los agentes escuchan a las personas y explican sus decisiones.",
            ),
        ),
    ),
    BankTopic(
        "trust",
        "Trust in the department",
        ("trust", "confidence", "legitimacy"),
        (
            _likert(
                "trust-overall",
                "I trust the police department.",
                "Confío en el departamento de policía.",
            ),
            _likert(
                "trust-report",
                "I would feel comfortable reporting a crime or a concern to the police.",
                "Me sentiría cómodo/a denunciando un delito o una inquietud a la policía.",
            ),
        ),
    ),
    BankTopic(
        "safety",
        "Fear of crime and safety",
        ("fear", "crime", "safety", "safe", "security", "concern"),
        (
            _likert(
                "safety-day",
                "I feel safe in my neighbourhood during the day.",
                "Me siento seguro/a en mi vecindario durante el día.",
            ),
            _likert(
                "safety-night",
                "I feel safe walking in my neighbourhood at night.",
                "Me siento seguro/a caminando por mi vecindario de noche.",
            ),
            BankQuestion(
                "safety-concerns",
                "multiple",
                "Which of these concern you most where you live?",
                "¿Cuáles de estos temas le preocupan más donde vive?",
                (
                    ("Traffic and speeding", "Tráfico y exceso de velocidad"),
                    ("Break-ins and theft", "Robos en viviendas y hurtos"),
                    ("Drugs", "Drogas"),
                    ("Violence", "Violencia"),
                    ("Scams and fraud", "Estafas y fraudes"),
                ),
            ),
        ),
    ),
    BankTopic(
        "recommendations",
        "Recommendations for improvement",
        ("recommend", "suggest", "improve", "improvement"),
        (
            BankQuestion(
                "recommendations-one",
                "text",
                "What one thing could the department do better?",
                "¿Qué es lo que el departamento podría hacer mejor?",
            ),
            BankQuestion(
                "recommendations-other",
                "text",
                "Any other comments or suggestions?",
                "¿Algún otro comentario o sugerencia?",
            ),
        ),
    ),
    BankTopic(
        "performance",
        "Performance of the department",
        ("performance", "overall", "service", "satisfaction"),
        (
            _likert(
                "performance-overall",
                "Overall, the police department does a good job.",
                "En general, el departamento de policía hace un buen trabajo.",
            ),
            _likert(
                "performance-response",
                "The police respond promptly when called.",
                "La policía responde con rapidez cuando se le llama.",
            ),
            _likert(
                "performance-problems",
                "The department works with residents to solve local problems.",
                "El departamento trabaja con los residentes para resolver problemas locales.",
            ),
        ),
    ),
)

GENERAL = BankTopic(
    "general",
    "General",
    (),
    (
        _likert(
            "general-satisfied",
            "Overall, I am satisfied with the police department.",
            "En general, estoy satisfecho/a con el departamento de policía.",
        ),
        _likert(
            "general-safe",
            "I feel safe in my neighbourhood.",
            "Me siento seguro/a en mi vecindario.",
        ),
        _likert(
            "general-trust",
            "I trust the police department.",
            "Confío en el departamento de policía.",
        ),
        BankQuestion(
            "general-comments",
            "text",
            "What could the department do better?",
            "¿Qué podría hacer mejor el departamento?",
        ),
    ),
)

BY_KEY = {topic.key: topic for topic in (*TOPICS, GENERAL)}


def topic_for(phrase: str) -> BankTopic | None:
    """The bank topic a policy's topic phrase is about, or None."""
    lowered = phrase.lower()
    for topic in TOPICS:
        if any(keyword in lowered for keyword in topic.keywords):
            return topic
    return None


def topics_for(phrases: list[str]) -> list[tuple[str, BankTopic]]:
    """(the policy's phrase, its bank topic) for each phrase, each bank topic once; the
    general bank too when no phrase is about an opinion (nothing matched, or only the
    Texas sample's distribution channels)."""
    found, seen = [], set()
    for phrase in phrases:
        topic = topic_for(phrase)
        if topic is not None and topic.key not in seen:
            seen.add(topic.key)
            found.append((phrase, topic))
    if all(topic.key == "channels" for _, topic in found):
        found.append(("General questions", GENERAL))
    return found


def question(key: str) -> tuple[BankTopic, BankQuestion] | None:
    for topic in BY_KEY.values():
        for candidate in topic.questions:
            if candidate.key == key:
                return topic, candidate
    return None

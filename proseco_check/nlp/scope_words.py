"""Negation scope words, per language: what carries a denial past the bare window, what
stops it, and what affirms a label. Read by nlp/negation.py and nlp/labels.py; the cues
themselves are in nlp/legal.py."""

from __future__ import annotations

from functools import lru_cache

import regex

from proseco_check.nlp.legal import INNER_FULL_STOP

# Negation scope without a parser (spaCy runs blank): words that carry a negation further
# than NEGATION_WINDOW tokens, words that stop it, per language. Lower case, accented.
# - nouns of obligation (and of condition, clause, points): a negated one negates its whole
#   complement ("n'emporte aucune obligation, pour le titulaire, de reprendre le
#   personnel", "kein Verpflichtung zur
#   Übernahme des Personals", "no obligation on the contractor to take on the staff"), and
#   nouns of a transfer or a reservation, whose complement names the law or the people
#   ("ni transfert au sens de l'article L. 1224-1", "no transfer of the staff under TUPE");
# - verbs (and participles) of provision, requirement and expectation: a negated one
#   negates its complement clause or infinitive ("does not expect that TUPE will apply",
#   "non è tenuto ad assorbire", "ist nicht verpflichtet, das Personal zu übernehmen");
# - inverters: a negated reduction, exception or comparison affirms what follows
#   ("nessuna riduzione della quota", "no exception to the TUPE Regulations", "not less
#   than 30 %", "without prejudice to", "senza limiti"): a cue before one of them does not
#   reach further;
# - boundaries: coordination and subordination open a clause the cue does not reach
#   ("non prevede penali e include la clausola", "n'est pas prévu car la clause ...").
NEGATION_GOVERNOR_NOUNS: dict[str, frozenset[str]] = {
    "it": frozenset({"obbligo", "obblighi", "obbligazione", "vincolo", "vincoli", "impegno",
                     "onere", "necessità", "previsione", "condizione", "condizioni",
                     "clausola", "clausole", "punteggio", "punteggi", "criterio", "criteri",
                     "trasferimento", "subentro", "passaggio", "assorbimento",
                     "riassorbimento", "riserva"}),
    "en": frozenset({"obligation", "obligations", "requirement", "requirements", "duty",
                     "duties", "commitment", "need", "expectation", "intention", "option",
                     "possibility", "power", "condition", "conditions", "clause", "clauses",
                     "provision", "points", "marks", "criterion", "criteria", "transfer",
                     "transfers", "takeover", "reservation"}),
    "fr": frozenset({"obligation", "obligations", "exigence", "exigences", "engagement",
                     "contrainte", "nécessité", "condition", "conditions", "clause",
                     "clauses", "stipulation", "disposition", "points", "critère",
                     "critères", "transfert", "réservation"}),
    "es": frozenset({"obligación", "obligaciones", "exigencia", "exigencias", "deber",
                     "compromiso", "necesidad", "previsión", "condición", "condiciones",
                     "cláusula", "cláusulas", "puntos", "puntuación", "criterio",
                     "criterios", "subrogación", "transferencia", "traspaso", "reserva"}),
    "nl": frozenset({"verplichting", "verplichtingen", "plicht", "eis", "eisen", "vereiste",
                     "verbintenis", "noodzaak", "sprake", "ruimte", "voorwaarde",
                     "voorwaarden", "bepaling", "clausule", "punten", "criterium",
                     "criteria", "gunningscriterium", "gunningscriteria", "overgang", "overname",
                     "voorbehoud"}),
    "de": frozenset({"verpflichtung", "verpflichtungen", "pflicht", "anforderung", "vorgabe",
                     "anforderungen", "erfordernis", "notwendigkeit", "vorgaben", "auflagen",
                     "bedingung", "bedingungen", "klausel", "regelung", "punkte", "kriterium",
                     "kriterien", "zuschlagskriterium", "zuschlagskriterien", "übergang",
                     "betriebsübergang", "übernahme", "vorbehalt"}),
}
NEGATION_GOVERNOR_VERBS: dict[str, frozenset[str]] = {
    "it": frozenset({"prevede", "prevedono", "previsto", "prevista", "previsti", "previste",
                     "comporta", "comportano", "impone", "impongono", "richiede", "richiedono",
                     "richiesto", "richiesta", "contempla", "contemplato", "contemplata",
                     "tenuto", "tenuta", "tenuti", "tenute", "obbligato", "obbligata",
                     "obbligati", "intende", "ritiene", "implica", "sussiste"}),
    "en": frozenset({"expect", "expects", "expected", "anticipate", "anticipates",
                     "anticipated", "envisage", "envisages", "envisaged", "foresee", "foresees",
                     "intend", "intends", "require", "requires", "required", "obliged",
                     "bound", "impose", "imposes", "provide", "provides", "consider",
                     "considers", "believe", "believes", "entail", "entails", "involve",
                     "involves", "plan", "plans"}),
    "fr": frozenset({"prévoit", "prévoient", "prévu", "prévue", "prévus", "prévues", "impose",
                     "imposent", "exige", "exigent", "emporte", "comporte", "comportent",
                     "entraîne", "implique", "envisage", "requiert", "tenu", "tenue", "tenus",
                     "obligé", "obligée", "astreint", "attend", "estime", "considère"}),
    "es": frozenset({"prevé", "prevén", "previsto", "prevista", "exige", "exigen", "impone",
                     "imponen", "contempla", "contemplan", "implica", "conlleva", "comporta",
                     "obligado", "obligada", "obligados", "requiere", "espera", "considera",
                     "estima"}),
    "nl": frozenset({"verwacht", "verwachten", "voorziet", "voorzien", "vereist", "verplicht",
                     "gehouden", "legt", "beoogt", "verlangt", "eist", "houdt"}),
    "de": frozenset({"erwartet", "erwarten", "vorgesehen", "sieht", "verlangt", "fordert",
                     "verpflichtet", "verpflichten", "beabsichtigt", "vorgeschrieben",
                     "geht", "rechnet"}),
}
# What opens a verb's complement clause or infinitive: "expect that", "tenuto ad
# assorbire", "verpflichtet, das Personal ... zu übernehmen" (the comma).
NEGATION_COMPLEMENT_OPENERS: dict[str, frozenset[str]] = {
    "it": frozenset({"che", "di", "a", "ad"}),
    "en": frozenset({"that", "to"}),
    "fr": frozenset({"que", "qu'", "qu’", "de", "d'", "d’", "à"}),
    "es": frozenset({"que", "de", "a"}),
    "nl": frozenset({"dat", "om", "tot", ","}),
    "de": frozenset({"dass", "davon", "damit", "zu", "zur", "zum", ","}),
}
NEGATION_INVERTERS: dict[str, frozenset[str]] = {
    "it": frozenset({"riduzione", "riduzioni", "ridurre", "ridotta", "ridotto", "deroga",
                     "deroghe", "derogare", "eccezione", "eccezioni", "esonero", "esenzione",
                     "pregiudizio", "inferiore", "inferiori", "meno", "diminuzione", "limite",
                     "limiti", "limitazione", "limitazioni", "restrizione", "restrizioni"}),
    "en": frozenset({"reduction", "reductions", "reduce", "reduced", "derogation",
                     "derogate", "exception", "exceptions", "exemption", "waiver", "waive",
                     "prejudice", "less", "fewer", "lower", "below", "limit", "limits",
                     "limitation", "limitations", "restriction", "restrictions"}),
    "fr": frozenset({"réduction", "réductions", "réduire", "réduite", "dérogation",
                     "dérogations", "déroger", "exception", "exceptions", "exonération",
                     "dispense", "préjudice", "moins", "inférieur", "inférieure",
                     "diminution", "limite", "limites", "limitation", "restriction"}),
    "es": frozenset({"reducción", "reducciones", "reducir", "reducida", "excepción",
                     "excepciones", "exención", "dispensa", "perjuicio", "menos", "inferior",
                     "disminución", "límite", "límites", "limitación", "restricción"}),
    "nl": frozenset({"vermindering", "verlaging", "verlagen", "verminderen", "afwijking",
                     "afwijken", "uitzondering", "uitzonderingen", "vrijstelling",
                     "ontheffing", "afbreuk", "minder", "lager", "beperking", "beperkingen",
                     "limiet"}),
    "de": frozenset({"reduzierung", "verringerung", "kürzung", "abweichung", "abweichen",
                     "ausnahme", "ausnahmen", "befreiung", "weniger", "unterschreiten",
                     "unter", "begrenzung", "beschränkung", "einschränkung", "obergrenze"}),
}
NEGATION_BOUNDARIES: dict[str, frozenset[str]] = {
    "it": frozenset({"e", "ed", "ma", "mentre", "però", "tuttavia", "poiché", "perché",
                     "qualora", "quando", "affinché", "sebbene", "benché", "salvo"}),
    "en": frozenset({"and", "but", "while", "whereas", "because", "since", "unless",
                     "although", "when", "save", "except"}),
    "fr": frozenset({"et", "mais", "tandis", "car", "puisque", "lorsque", "quand", "sauf",
                     "cependant", "toutefois"}),
    "es": frozenset({"y", "e", "pero", "mientras", "sino", "porque", "cuando", "aunque",
                     "salvo", "excepto"}),
    "nl": frozenset({"en", "maar", "terwijl", "omdat", "wanneer", "tenzij", "hoewel",
                     "behalve", "echter"}),
    "de": frozenset({"und", "aber", "sondern", "während", "weil", "wenn", "falls", "sofern",
                     "obwohl", "außer", "jedoch"}),
}
# First words of a phrase set off by commas inside a clause (", pour le titulaire,",
# ", in ogni caso,"): a cue reaches across it.
NEGATION_INSERT_OPENERS: dict[str, frozenset[str]] = {
    "it": frozenset({"per", "in", "a", "ad", "da", "con", "su", "tra", "fra", "ove", "anche",
                     "comunque", "pertanto", "quindi", "inoltre", "dunque", "nel", "nella"}),
    "en": frozenset({"for", "in", "at", "by", "under", "as", "where", "therefore", "also",
                     "however", "on", "to"}),
    "fr": frozenset({"pour", "par", "en", "à", "au", "dans", "sous", "selon", "le", "donc",
                     "notamment", "dès"}),
    "es": frozenset({"para", "por", "en", "a", "al", "con", "según", "de", "sobre"}),
    "nl": frozenset({"voor", "door", "in", "op", "bij", "volgens", "dus", "derhalve",
                     "tevens", "vanwege"}),
    "de": frozenset({"für", "in", "im", "bei", "nach", "gemäß", "laut", "also", "daher",
                     "zudem", "insoweit"}),
}
# Disjunctions that go on with a list: a match between a comma and one of them is an item
# of the list a denial before the comma governs ("legt geen verplichting op inzake
# opleiding, tewerkstelling van kansengroepen of arbeidsnormen").
LIST_DISJUNCTIONS: dict[str, frozenset[str]] = {
    "it": frozenset({"o", "od", "né"}),
    "en": frozenset({"or", "nor"}),
    "fr": frozenset({"ou", "ni"}),
    "es": frozenset({"o", "u", "ni"}),
    "nl": frozenset({"of", "noch"}),
    "de": frozenset({"oder", "noch"}),
}
# Verbs that state a duty or its application: a label's value that carries one without
# any cue affirms the label ("Clausola sociale: l'aggiudicatario è tenuto ..."), and a
# phrase that holds one is a sentence, not a label.
AFFIRMATIONS: dict[str, frozenset[str]] = {
    "it": frozenset({"deve", "devono", "dovrà", "dovranno", "tenuto", "tenuta", "tenuti",
                     "obbligato", "obbligata", "applica", "applicano", "impegna", "impegnano",
                     "garantisce", "garantiscono", "assorbe", "assorbono"}),
    "en": frozenset({"shall", "must", "will", "required", "applies", "apply", "obliged"}),
    "fr": frozenset({"doit", "doivent", "devra", "devront", "tenu", "tenue", "applique",
                     "appliquent", "engage", "reprend", "reprendra"}),
    "es": frozenset({"debe", "deben", "deberá", "deberán", "obligado", "obligada", "aplica",
                     "aplicará", "subrogará"}),
    "nl": frozenset({"moet", "moeten", "dient", "dienen", "verplicht", "neemt", "zal",
                     "zullen"}),
    "de": frozenset({"muss", "müssen", "verpflichtet", "gilt", "übernimmt", "hat", "haben",
                     "wird", "werden"}),
}
# Auxiliaries among them state something, not a duty: they affirm a label only when their
# clause speaks of the label's subject ("Übernahme von Personal: Die Wäsche wird bisher im
# Haus gewaschen; ... Eine Übernahme ist nicht vorgesehen" denies the take-over).
AUXILIARY_AFFIRMATIONS: frozenset[str] = frozenset({"wird", "werden", "hat", "haben", "will",
                                                    "zal", "zullen"})
# Phrases in which a word of duty means "given" ("compte tenu du délai", "tenuto conto
# della durata"): they affirm nothing.
GIVEN_PHRASES: frozenset[tuple[str, str]] = frozenset({("compte", "tenu"), ("tenuto", "conto"),
                                                       ("tenuta", "presente"),
                                                       ("tenuto", "presente")})
# Possessive relatives: a clause they open belongs to the noun before the comma, so a
# denial of that noun reaches it ("keinen bisherigen Auftragnehmer, dessen Personal").
RELATIVE_POSSESSIVES: frozenset[str] = frozenset({"dessen", "deren", "whose", "dont", "cuyo",
                                                  "cuya", "cuyos", "cuyas", "wiens",
                                                  "waarvan"})
# Words that open a relative or conditional clause: a cue after one in a label's value
# speaks of that clause, not of the label ("Abnormaal lage inschrijving: een inschrijving
# die niet voldoet aan de verplichtingen wordt afgewezen").
SUBORDINATE_OPENERS: dict[str, frozenset[str]] = {
    "it": frozenset({"che", "cui", "se", "qualora", "ove", "quale", "quali"}),
    "en": frozenset({"which", "who", "whom", "whose", "that", "if", "unless", "where"}),
    "fr": frozenset({"qui", "que", "qu'", "qu’", "dont", "si", "lorsque", "lequel",
                     "laquelle"}),
    "es": frozenset({"que", "cual", "cuales", "quien", "si", "cuando"}),
    "nl": frozenset({"die", "welke", "waarvan", "indien", "als", "wanneer", "tenzij"}),
    "de": frozenset({"welche", "welcher", "welches", "wenn", "falls", "sofern", "soweit"}),
}


# A concessive clause, to its end: what it says does not hold against the main clause.
_CONCESSIVE = regex.compile(
    r"\b(?:meme si|even if|even where|even though|anche se|anche qualora|aunque|aun cuando"
    r"|incluso si|auch wenn|selbst wenn|zelfs als|zelfs indien|ook als|ook indien)\b"
    rf"(?:[^;,.]|{INNER_FULL_STOP})*", regex.IGNORECASE)


@lru_cache(maxsize=256)
def without_concessive(text: str) -> str:
    """The text with its concessive clauses blanked, offsets kept (once per sentence)."""
    blanked: str = _CONCESSIVE.sub(lambda m: " " * len(m.group()), text)
    return blanked

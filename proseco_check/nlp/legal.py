"""Language data for legal text: abbreviations that must not end a sentence, negation
cues and their false friends, and template markers. Kept as data, one entry a language."""

from __future__ import annotations

import re

# Abbreviations (lower case, with their final dot) after which a sentence never ends.
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "it": ("d.lgs.", "d.lgs", "d.l.", "d.p.r.", "d.m.", "d.p.c.m.", "l.", "art.", "artt.",
           "co.", "c.", "lett.", "n.", "nn.", "s.m.i.", "ss.mm.ii.", "pag.", "pagg.", "cfr.",
           "ecc.", "dott.", "dott.ssa", "sig.", "avv.", "ing.", "arch.", "geom.", "rag.",
           "p.iva", "tel.", "all.", "reg.", "dir.", "e.g.", "i.e.", "s.p.a.", "s.r.l.",
           "cap.", "sez.", "par.", "punt.", "rif.", "vol.", "prot.", "ca.", "es.", "p.es.",
           "ss.", "segg.", "u.s.", "g.u.", "g.u.u.e.", "c.c.", "c.p.", "d.g.r.", "d.d.",
           "spa.", "mod.", "min.", "max."),
    "en": ("art.", "arts.", "no.", "nos.", "s.", "ss.", "para.", "paras.", "e.g.", "i.e.",
           "cf.", "p.", "pp.", "reg.", "regs.", "dir.", "ltd.", "inc.", "mr.", "ms.", "dr.",
           "sch.", "incl.", "excl.", "approx."),
    "fr": ("art.", "arts.", "n°.", "al.", "p.", "pp.", "cf.", "etc.", "m.", "mme.", "dr.",
           "c.", "c.c.p.", "l.", "r.", "d.", "coll.", "ex.", "e.g.", "i.e.", "a.r.",
           "min.", "max.", "env.", "réf.", "chap."),
    "es": ("art.", "arts.", "núm.", "apdo.", "apdos.", "d.a.", "d.f.", "r.d.", "r.d.l.",
           "p.", "pp.", "cf.", "etc.", "sr.", "sra.", "ej.", "e.g.", "i.e.", "disp.",
           "adic.", "aprox.", "pág.", "págs.", "cláus.", "excmo.", "ilmo."),
    "nl": ("art.", "artt.", "nr.", "nrs.", "lid.", "bijv.", "o.a.", "z.g.a.", "e.d.", "blz.",
           "p.", "e.g.", "i.e.", "m.b.t.", "t.a.v.", "i.v.m.", "o.b.v.", "incl.",
           "excl.", "ca.", "max.", "min.", "k.b.", "b.s.", "vs.", "resp.", "zgn.", "dhr.",
           "mevr."),
    "de": ("art.", "abs.", "nr.", "s.", "z.b.", "bzw.", "ggf.", "vgl.", "u.a.", "d.h.",
           "usw.", "e.g.", "i.e.", "lit.", "ziff.", "inkl.", "zzgl.",
           "gem.", "i.v.m.", "i.s.d.", "max.", "min.", "ca.", "bspw.", "sog.",
           "hrsg."),
}

# Words that negate what follows (or, after a colon, what precedes: "riservata: NO").
NEGATION_CUES: dict[str, tuple[str, ...]] = {
    "it": ("non", "no", "nessun", "nessuna", "nessuno", "né", "esclusa", "escluso", "senza",
           "alcun", "alcuna", "alcuno"),
    "en": ("not", "n't", "no", "none", "n/a", "never", "without", "nil"),
    "fr": ("ne", "n'", "n’", "non", "sans", "aucun", "aucune", "pas", "néant", "jamais",
           "nul", "nulle"),
    "es": ("no", "ningún", "ninguna", "ninguno", "sin", "nunca", "tampoco", "ni"),
    "nl": ("géén", "niet", "geen", "nee", "neen", "zonder", "nvt", "n.v.t.", "nooit"),
    "de": ("nicht", "kein", "keine", "keinen", "keiner", "keinem", "keines", "keinerlei",
           "ohne", "nein", "entfällt", "niemals", "weder"),
}

# Negative words that agree with a negation already open in the clause instead of
# cancelling it ("n'emporte aucune obligation", "non comporta né ... né", "no existe
# ninguna"): one negation, where "non può non applicare" is two, an affirmation.
NEGATION_CONCORD: dict[str, frozenset[str]] = {
    "it": frozenset({"nessun", "nessuna", "nessuno", "né", "alcun", "alcuna", "alcuno", "mai",
                     "neanche", "nemmeno", "neppure"}),
    "en": frozenset({"nor", "neither"}),
    "fr": frozenset({"pas", "aucun", "aucune", "jamais", "rien", "personne", "nul", "nulle",
                     "guère", "ni", "point"}),
    "es": frozenset({"ningún", "ninguna", "ninguno", "nunca", "tampoco", "ni", "nada", "nadie",
                     "jamás"}),
    "nl": frozenset({"noch"}),
    "de": frozenset({"noch", "weder"}),
}

# A predicate that denies what the sentence's subject names, after it in the same clause:
# "Social Return is bij deze opdracht niet van toepassing", "la clausola sociale non si
# applica", "the reservation does not apply". Any language: the phrases are distinctive.
# Used with .match(text, end): anchored where the clause's match ends.
NOT_APPLICABLE_AFTER = re.compile(
    r"(?:[^.;:(]|\([^)]{0,60}\)){0,80}?\b(non (si applica|e applicabile|trova applicazione)"
    r"|non applicabil[ei]|(do|does|shall|will|would) not apply|(is|are) not applicable"
    r"|ne s.appliqu\w* pas|n.est pas applicable|(est|sont) sans objet"
    r"|n.(a|ont) (pas de|aucune) portee|ne trouve pas a s.appliquer|n.a pas vocation a s.appliquer"
    r"|no (es|son|resulta|resultan) de aplicaci[oó]n|no (se aplica|procede)"
    r"|(is|zijn) [^.;:]{0,30}niet van toepassing|findet keine anwendung|(ist|sind) nicht anzuwenden"
    r"|(ist|sind) nicht (anwendbar|einschlagig))\b",
    re.IGNORECASE)

# "non inferiore al 30 %" asserts a minimum; "non soggetti a ribasso" is the required
# wording of art. 41: a cue followed by one of these is not a negation.
NEGATION_EXCEPTIONS: dict[str, tuple[str, ...]] = {
    "it": ("inferiore", "inferiori", "meno", "oltre", "superiore", "superiori", "soggetti",
           "soggetto", "soggetta", "soggette", "solo", "soltanto", "appena", "ché",
           "oltrepassare", "eccedere", "soluzione", "indugio", "ritardo", "medico", "medici",
           "sanitario", "sanitari", "docente", "docenti", "profit", "pericolosi", "pericolosa"),
    "en": ("less", "later", "more", "only", "exceeding", "subject", "limited", "prejudice",
           "lower", "fewer"),
    "fr": ("inférieur", "inférieure", "inférieurs", "inférieures", "moins", "plus",
           "seulement", "supérieur", "supérieure", "soumis", "soumise", "préjudice",
           "uniquement", "importe"),
    "es": ("inferior", "inferiores", "menos", "solo", "sólo", "superior", "sujeto",
           "sujetos", "perjuicio", "únicamente"),
    "nl": ("minder", "lager", "alleen", "meer", "hoger", "uitsluitend", "later", "afbreuk"),
    "de": ("weniger", "unter", "nur", "mehr", "über", "unterschreiten", "später",
           "ausschließlich"),
}
# VAT beside a cue states an amount's basis ("ohne MwSt.", "IVA esclusa"): no denial.
VAT_WORDS = frozenset({"iva", "tva", "vat", "btw", "mwst", "mwst.", "ust", "ust.", "umsatzsteuer"})
# Names of groups that hold a negation word: no denial ("young people not in education,
# employment or training", "jeunes ni en emploi, ni en études", the NEET of the law).
NEGATION_IN_NAMES: dict[str, tuple[str, ...]] = {
    "en": ("in education", "in employment"),
    "fr": ("en emploi", "en études", "en formation"),
    "es": ("estudian", "trabajan"),
    "it": ("studiano", "lavorano"),
}

# Negation scope without a parser (spaCy runs blank): words that carry a negation further
# than NEGATION_WINDOW tokens, words that stop it, per language. Lower case, accented.
# - nouns of obligation: a negated one negates its whole complement ("n'emporte aucune
#   obligation, pour le titulaire, de reprendre le personnel", "kein Verpflichtung zur
#   Übernahme des Personals", "no obligation on the contractor to take on the staff");
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
                     "onere", "necessità", "previsione"}),
    "en": frozenset({"obligation", "obligations", "requirement", "requirements", "duty",
                     "duties", "commitment", "need", "expectation", "intention", "option",
                     "possibility", "power"}),
    "fr": frozenset({"obligation", "obligations", "exigence", "exigences", "engagement",
                     "contrainte", "nécessité"}),
    "es": frozenset({"obligación", "obligaciones", "exigencia", "exigencias", "deber",
                     "compromiso", "necesidad", "previsión"}),
    "nl": frozenset({"verplichting", "verplichtingen", "plicht", "eis", "eisen", "vereiste",
                     "verbintenis", "noodzaak", "sprake", "ruimte"}),
    "de": frozenset({"verpflichtung", "verpflichtungen", "pflicht", "anforderung", "vorgabe",
                     "anforderungen", "erfordernis", "notwendigkeit", "vorgaben", "auflagen"}),
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
# Words before a run-in heading ("5.3 Reprise du personnel.", "Art. 7 – Clausola
# sociale:"), besides numbers and punctuation.
LABEL_PREFIXES = frozenset({"art", "art.", "artt.", "article", "articolo", "artículo", "artikel",
                            "clause", "clausola", "cláusula", "section", "sezione", "sección",
                            "punto", "point", "lid", "ziffer", "ziff.", "§", "paragraph",
                            "paragrafo", "apartado", "chapitre", "capo", "titolo"})

# A predicate after the clause's subject that says it is not required, provided for or
# expected ("L'assorbimento del personale non è previsto", "Eine Verpflichtung zur
# Übernahme des Personals besteht nicht", "TUPE is not expected to apply", "la reprise du
# personnel n'est pas exigée"). Folded text, anchored where the match ends; the gap
# crosses no coordination, no relative pronoun ("services which are not required to be
# advertised" are services) and no comma except a pair around an inserted phrase.
_GAP = (r"(?:(?!\s(?:e|ed|and|et|y|en|und|ma|but|mais|pero|maar|aber|mentre|while|whereas"
        r"|which|who|whom|whose|che|cui|qui|dont|lequel|laquelle|cual|cuales|welke|waarvan"
        r"|welche|welcher|welches)\s)"
        r"(?:[^.;:,•▪|]|(?<=\d)[.:](?=\d)|,[^.;:,•▪|]{1,60},|\bzu \w+,)){0,70}?")
NOT_REQUIRED_AFTER = re.compile(
    _GAP + r"\b(?:"
    r"non (?:e|sono|risulta|risultano|viene|vengono|sara|saranno)(?: \w+)? "
    r"(?:previst|richiest|contemplat|impost|dovut|obbligatori|inclus)\w*"
    r"|non (?:sussist|ricorr)\w*"
    r"|(?:is|are|was|were|will|shall|would|does|do)(?:n.t| not)(?: be)?(?: \w+)? "
    r"(?:required|expected|anticipated|envisaged|provided|included|imposed|foreseen|planned"
    r"|intended|necessary|obligatory|mandatory)\b"
    # "services ... are not required to be advertised": a duty of the subject, not its denial
    r"(?! to (?!apply|arise|transfer|be (?:relevant|applicable|required)))"
    r"|(?:does|do|will)(?:n.t| not) (?:arise|exist|form part)"
    r"|n.(?:est|sont|sera|seront)(?: \w+)? pas(?: \w+)? "
    r"(?:prevu|exige|requis|impose|demande|obligatoire|envisage|retenu|inclus|necessaire|invoque)\w*"
    r"|no (?:es|son|sera|seran|resulta|resultan)(?: \w+)? "
    r"(?:obligatori|exigib|exigid|requerid|necesari|procedente|preceptiv)\w*"
    r"|no se (?:exige|requiere|preve|contempla|impone|establece)\w*"
    r"|no (?:existe|existen|ha lugar|esta previst|estan previst)\w*"
    r"|(?:is|zijn|wordt|worden)(?: \w+){0,3}? niet(?: \w+){0,3}? "
    r"(?:vereist|verplicht|voorzien|gevraagd|geeist|opgelegd|verlangd|nodig|beoogd|aan de orde"
    r"|opgenomen|toegepast|gesteld|gehanteerd)\b"
    r"(?! (?:om|te)\b)"
    r"|(?:bestaat|bestaan) (?:\w+ ){0,3}?niet\b"
    r"|(?:geldt|gelden) (?:\w+ ){0,3}?niet\b|(?:geldt|gelden|is|zijn) (?:\w+ ){0,3}?evenmin\b"
    r"|(?:is|zijn) (?:\w+ ){0,4}?geen (?:sprake|ruimte|plaats)\b"
    r"|(?:besteht|bestehen|erfolgt|erfolgen) (?:\w+ ){0,3}?(?:nicht|keine?)\b"
    r"|(?:kommt|kommen) (?:\w+ ){0,4}?nicht in betracht"
    r"|(?:enthalt|enthalten|trifft|treffen|macht|machen) (?:\w+ ){0,3}?(?:nicht|keine)\b"
    r"|(?:liegt|liegen) (?:\w+ ){0,3}?nicht vor\b"
    r"|(?:ist|sind|wird|werden)(?: \w+){0,3}? (?:nicht|weder)(?: \w+)? "
    r"(?:vorgesehen|erforderlich|gefordert|verlangt|geschuldet|verpflichtend|vorgeschrieben"
    r"|beabsichtigt|zu erwarten|bestandteil|gegenstand|gestellt|auferlegt|festgelegt|vereinbart)\b"
    r"|entfallt|entfallen"
    # not scored: "El distintivo ... no es objeto de valoración", "wird nicht bewertet"
    r"|no (?:es|son|sera|seran) objeto de (?:valoracion|puntuacion|evaluacion)"
    r"|non (?:e|sono|sara|saranno|viene|vengono) (?:oggetto di (?:valutazione|punteggio)"
    r"|valutat\w*|premiat\w*)"
    r"|ne (?:fait|font|fera|feront) pas l.objet d.(?:une |aucune )?(?:notation|evaluation)"
    r"|n.(?:est|sont|sera|seront) pas (?:note|evalue|valorise|pris en compte)\w*"
    r"|(?:is|are|will|shall)(?: not|n.t)(?: be)? (?:scored|evaluated|marked|assessed|weighted)\b"
    r"|(?:wordt|worden) niet (?:beoordeeld|gewaardeerd|gescoord|meegewogen)"
    r"|(?:wird|werden) nicht (?:bewertet|gewertet|berucksichtigt)"
    # no bearing on the award: "haben keinen Einfluss auf die Wertung"
    r"|(?:hat|haben)(?: \w+)? keinen einfluss auf die (?:wertung|bewertung|zuschlagsentscheidung)"
    r"|non (?:incide|incidono|influisce|influiscono) (?:sul|sulla|nella) (?:punteggio|valutazione"
    r"|aggiudicazione)"
    r"|n.(?:a|ont) aucune (?:incidence|influence) sur (?:la notation|l.evaluation|le classement"
    r"|l.attribution)"
    r"|(?:has|have) no (?:bearing|influence|effect) on the (?:score|scoring|evaluation|award)"
    r"|no (?:influye|influyen|incide|inciden) en la (?:valoracion|puntuacion|adjudicacion)"
    r"|(?:heeft|hebben) geen invloed op de (?:beoordeling|gunning|score)"
    # "Die Reinigungskräfte ... haben keinen Anspruch auf Übernahme"
    r"|(?:hat|haben)(?: \w+){0,3}? keinen? (?:anspruch|rechtsanspruch)\b"
    # "the Supplier Code of Conduct ... creates no additional contractual duty"
    r"|(?:creates?|imposes?|gives? rise to) no (?:\w+ ){0,2}(?:duty|duties|obligations?)\b"
    r"|non (?:crea|comporta|genera|impone) (?:alcun\w* )?(?:\w+ )?obblig\w*"
    r"|n.(?:cree|impose|entraine) aucune (?:\w+ )?obligation"
    r"|no (?:genera|crea|impone) (?:ninguna )?(?:\w+ )?obligaci\w*"
    r"|schept geen (?:\w+ )?verplichting\w*"
    r"|non (?:inserisc|includ|applic|richied|impon)\w*"
    r"|(?:has|have)(?: \w+){0,2}? no (?:right|entitlement|claim)\b"
    r"|n.(?:a|ont)(?: \w+){0,2}? (?:aucun|pas de) droit\b"
    r"|non (?:ha|hanno)(?: \w+){0,2}? (?:alcun )?diritto\b"
    r"|no (?:tiene|tienen)(?: \w+){0,2}? (?:ningun )?derecho\b"
    r"|(?:heeft|hebben)(?: \w+){0,2}? geen (?:recht|aanspraak)\b"
    # "Een voorbehouden opdracht is dit niet.", "Ein vorbehaltener Auftrag ist dies nicht."
    r"|(?:is|zijn) (?:dit|dat|het|deze \w+) niet(?= *(?:[.;]|$))"
    r"|(?:ist|sind) (?:dies|das|er|es|dieser \w+) nicht(?= *(?:[.;]|$))"
    # "Von der Möglichkeit, ... zu beschränken, macht die Vergabestelle keinen Gebrauch."
    r"|(?:macht|machen|wird|werden)(?: \w+){0,5}? (?:keinen|nicht) gebrauch\b)",
    re.IGNORECASE)

# A sentence saying that what the sentences before it describe is not part of this contract
# ("Grabmale sind nicht Gegenstand dieser Rahmenvereinbarung"): they state no clause of it.
OUTSIDE_CONTRACT = re.compile(
    r"\b(?:(?:ist|sind) (?:\w+ ){0,2}nicht gegenstand (?:dieser|des|der) (?:rahmenvereinbarung"
    r"|vergabe|ausschreibung|auftrag|vertrag|leistung)"
    r"|non (?:e|sono|costituisc\w*) (?:\w+ ){0,2}oggetto del (?:presente )?(?:appalto|contratto"
    r"|affidamento|accordo quadro)"
    r"|(?:ne (?:fait|font) pas partie|(?:est|sont) hors du champ|ne releve\w* pas) (?:du|de l.)"
    r" ?(?:present )?(?:marche|accord-cadre|contrat)"
    r"|(?:is|are) not (?:part of|within the scope of|covered by) this (?:contract|framework"
    r"|agreement|procurement)|outside the scope of this (?:contract|framework|agreement"
    r"|procurement)"
    r"|no (?:es|son|forma|forman) (?:parte del|objeto del) (?:presente )?(?:contrato|acuerdo marco)"
    r"|(?:is|zijn|valt|vallen) (?:geen onderdeel van|buiten) (?:deze|de) (?:opdracht"
    r"|overeenkomst|raamovereenkomst))",
    re.IGNORECASE)

# The same sentence confines what it says to other contracts ("... se aplica solo a los
# contratos de vestuario y no a este contrato").
NOT_THIS_CONTRACT = re.compile(
    r"\b(?:y no a este contrato|no (?:se aplica|es aplicable) a este contrato"
    r"|(?:and )?not (?:to|for) this contract\b|does not apply to this contract"
    r"|e non al presente (?:appalto|contratto)|non si applica al presente (?:appalto|contratto)"
    r"|et non au present marche|ne s.applique pas au present marche"
    r"|en niet op deze opdracht|niet van toepassing op deze opdracht"
    r"|und nicht (?:fur|auf) diesen auftrag|gilt nicht fur diesen auftrag)",
    re.IGNORECASE)

# A block or sentence that starts like this is optional template text, not an operative
# clause (ANAC models: "[Eventuale]", "(se previsto)", "ove previsto").
TEMPLATE_OPENERS: dict[str, tuple[str, ...]] = {
    "it": ("(se previsto)", "(se prevista)", "(eventuale)", "eventuale:", "(ove previsto)",
           "ove previsto", "(facoltativo)", "(opzionale)", "[eventuale", "(in caso di"),
    "en": ("(if applicable)", "(optional)", "[optional", "[if applicable", "(where applicable)",
           "[insert", "(delete as appropriate)", "[delete as appropriate"),
    "fr": ("(le cas échéant)", "(si applicable)", "(facultatif)", "[le cas échéant",
           "(optionnel)", "[à compléter", "(à compléter", "(si besoin)", "[si besoin"),
    "es": ("(en su caso)", "(si procede)", "[en su caso", "(opcional)", "[indicar",
           "(a completar", "[a completar", "(cuando proceda)"),
    "nl": ("(indien van toepassing)", "(optioneel)", "[indien van toepassing", "[invullen",
           "(in te vullen", "[in te vullen", "(facultatief)", "(indien gewenst)"),
    "de": ("(falls zutreffend)", "(optional)", "[falls zutreffend", "[bitte angeben",
           "(falls erforderlich)", "[falls erforderlich", "(sofern zutreffend)"),
}

"""Language data for legal text: abbreviations that must not end a sentence, negation
cues and their false friends, and template markers. Kept as data, one entry a language."""

from __future__ import annotations

import re

from proseco_check.typed_marks import enclosing_bracket

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
           "nul", "nulle", "ni"),
    "es": ("no", "ningún", "ninguna", "ninguno", "sin", "nunca", "tampoco", "ni"),
    "nl": ("géén", "niet", "geen", "nee", "neen", "zonder", "nvt", "n.v.t.", "nooit"),
    "de": ("nicht", "kein", "keine", "keinen", "keiner", "keinem", "keines", "keinerlei",
           "ohne", "nein", "entfällt", "niemals", "weder", "n i c h t", "k e i n e"),
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

# A full stop inside a clause: an abbreviation's ("art. 57 c. 1", "D.Lgs. 36/2023", "n. 143"),
# before a figure, a section sign ("bzw. § 1") or run into the next letters. Clause-reach
# expressions cross it.
INNER_FULL_STOP = r"\.(?= ?[\d§]|[^\W\d_])"

# A law cited by its number or date, right before a bracket: the bracket holds its title
# or subject ("la loi du 8 avril 2018 (marchés réservés, transposant ...)", "the Public
# Contracts Regulations 2015 (reserved contracts)", "Allegato II.3 (occupazione giovanile
# e femminile)"), which names a topic and decides nothing. An article of the document
# itself is no law: "le stagiaire visé à l'article IV.3 (tuteur, perspectives d'embauche)"
# describes in its bracket. Searched with endpos at the bracket (folded text).
CITED_BEFORE_BRACKET = re.compile(
    r"\b(?:loi|legge|ley|wet|gesetz\w*|act|decreto|decret|decree|regulations|reglement\w*"
    r"|verordnung|besluit|lcsp|gwb|bvergg|d\.?\s?lgs|l|allegat[oi]|annex\w*|anexo|bijlage|anlage)"
    r"\.?\s[^()]{0,40}?(?:\d[\w/.-]*|\b[ivx]+(?:\.\d+)*)\s*$",
    re.IGNORECASE)


def law_title_end(text: str, start: int, end: int) -> int | None:
    """Where the bracket holding text[start:end] closes, when that bracket is the title of
    the law or annex cited right before it; None otherwise."""
    bracket = enclosing_bracket(text, start, end)
    if bracket is None:
        return None
    opened, closed = bracket
    cited = CITED_BEFORE_BRACKET.search(text, max(0, opened - 80), opened)
    return closed + 1 if cited else None


# A predicate that denies what the sentence's subject names, after it in the same clause:
# "Social Return is bij deze opdracht niet van toepassing", "la clausola sociale non si
# applica", "the reservation does not apply". Any language: the phrases are distinctive.
# Used with .match(text, end): anchored where the clause's match ends; an abbreviation's
# full stop ("art. 57 c. 1", "D.Lgs. 36/2023") does not end the clause.
NOT_APPLICABLE_AFTER = re.compile(
    rf"(?:[^.;:(]|\([^)]{{0,60}}\)|{INNER_FULL_STOP}){{0,80}}?"
    r"\b(non (si applica(?:no)?|e applicabile|sono applicabili|trova(?:no)? applicazione)"
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
# A cue right after "or" offers an alternative, it denies nothing ("whether or not the
# TUPE Regulations apply", "qu'il y ait ou non transfert", "ob ... oder nicht").
ALTERNATIVE_OR = frozenset({"or", "ou", "o", "oder", "of"})
# Names of groups that hold a negation word: no denial ("young people not in education,
# employment or training", "jeunes ni en emploi, ni en études", the NEET of the law).
NEGATION_IN_NAMES: dict[str, tuple[str, ...]] = {
    "en": ("in education", "in employment"),
    "fr": ("en emploi", "en études", "en formation"),
    "es": ("estudian", "trabajan"),
    "it": ("studiano", "lavorano"),
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
        rf"(?:[^.;:,•▪|]|\([^()]{{0,80}}\)|(?<=\d)[.:](?=\d)|{INNER_FULL_STOP}"
        r"|,[^.;:,•▪|]{1,60},|\bzu \w+,)){0,70}?")
NOT_REQUIRED_AFTER = re.compile(
    _GAP + r"\b(?:"
    r"non (?:e|sono|risulta|risultano|viene|vengono|sara|saranno)(?: \w+)? "
    r"(?:previst|richiest|contemplat|impost|dovut|obbligatori|inclus)\w*"
    r"|non (?:sussist|ricorr)\w*|non trova\w* (?:\w+ ){0,3}?applicazione"
    r"|(?:is|are|was|were|will|shall|would|does|do)(?:n.t| not)(?: be)?(?: \w+)? "
    r"(?:required|expected|anticipated|envisaged|provided|included|imposed|foreseen|planned"
    r"|intended|necessary|obligatory|mandatory|applied|engaged|triggered)\b"
    # "services ... are not required to be advertised": a duty of the subject, not its denial
    r"(?! to (?!apply|arise|transfer|be (?:relevant|applicable|required)))"
    r"|(?:does|do|will)(?:n.t| not) (?:arise|exist|form part)"
    r"|n.(?:est|sont|sera|seront)(?: \w+)? pas(?: \w+)? "
    r"(?:prevu|exige|requis|impose|demande|obligatoire|envisage|retenu|inclus|necessaire|invoque)\w*"
    r"|no (?:es|son|sera|seran|resulta|resultan)(?: \w+)? "
    r"(?:obligatori|exigib|exigid|requerid|necesari|procedente|preceptiv)\w*"
    r"|no se (?:exige|requiere|preve|contempla|impone|establece|incorpora|incluye|adjunta|acompana"
    r"|aplica)\w*"
    r"|no (?:existe|existen|ha lugar|esta previst|estan previst)\w*"
    r"|(?:is|zijn|wordt|worden)(?: \w+){0,3}? niet(?: \w+){0,3}? "
    r"(?:vereist|verplicht|voorzien|gevraagd|geeist|opgelegd|verlangd|nodig|beoogd|aan de orde"
    r"|opgenomen|toegepast|gesteld|gehanteerd)\b"
    r"(?! (?:om|te)\b)"
    r"|(?:bestaat|bestaan) (?:\w+ ){0,3}?niet\b"
    r"|(?:doet|doen|deed) zich (?:\w+ ){0,3}?niet voor\b"
    r"|(?:geldt|gelden) (?:\w+ ){0,3}?niet\b|(?:geldt|gelden|is|zijn) (?:\w+ ){0,3}?evenmin\b"
    r"|(?:is|zijn) (?:\w+ ){0,4}?geen (?:sprake|ruimte|plaats)\b"
    r"|(?:besteht|bestehen|erfolgt|erfolgen) (?:\w+ ){0,3}?(?:nicht|keine?)\b"
    r"|(?:kommt|kommen) (?:\w+ ){0,4}?nicht in (?:betracht|frage)"
    r"|(?:ergibt|ergeben) sich (?:\w+ ){0,4}?nicht\b"
    r"|(?:enthalt|enthalten|trifft|treffen|macht|machen) (?:\w+ ){0,3}?(?:nicht|keine)\b"
    r"|(?:liegt|liegen) (?:\w+ ){0,3}?nicht vor\b"
    r"|(?:ist|sind|war|waren|wird|werden|wurde|wurden)(?: \w+){0,3}? (?:nicht|weder)(?: \w+)? "
    r"(?:vorgesehen|erforderlich|gefordert|verlangt|geschuldet|verpflichtend|vorgeschrieben"
    r"|beabsichtigt|zu erwarten|bestandteil|gegenstand|gestellt|auferlegt|festgelegt|vereinbart"
    r"|verbunden|geplant"
    r"|erfolgt|vorgenommen|beruhrt|betroffen|einschlagig)\b"
    # "ein Betriebsübergang ... ist ausgeschlossen" (but "nicht ausgeschlossen" affirms)
    r"|(?:ist|sind|wird|werden|bleibt|bleiben) (?:(?!nicht\b)\w+ ){0,2}?ausgeschlossen\b"
    # "gli obblighi assunzionali ... sono esclusi per l'importo" (but "esclusi dal ribasso"
    # says what a sum leaves out, and the sum is there)
    r"|(?:e|sono|sara|saranno|viene|vengono) esclus[oaie]\b(?! (?:da|dal|dalla|dai|dalle|dagli|dall))"
    r"|(?:is|are) (?:hereby )?excluded\b(?! from)"
    r"|(?:est|sont) exclu(?:e|s|es)?\b(?! (?:de|du|des|d)\b)"
    r"|(?:queda|quedan) excluid[oa]s?\b(?! (?:de|del)\b)"
    r"|entfallt|entfallen"
    # "(reine Lieferung, § 613a BGB nicht berührt)": the law named as untouched
    r"|nicht (?:beruhrt|betroffen|einschlagig|anwendbar)\b"
    # no criterion: "Social return is geen gunningscriterium", "is not an award criterion"
    r"|(?:is|zijn|vormt|vormen) geen (?:\w+ )?(?:gunningscriteri\w*|criteri\w*|wegingsfactor)"
    r"|(?:is|are) not (?:an? )?(?:award |evaluation )?criteri(?:on|a)\b"
    r"|(?:ist|sind) kein\w* (?:zuschlags|wertungs)?kriteri\w*"
    r"|non (?:e|sono|costituisce|costituiscono) (?:un )?criteri\w* (?:di (?:valutazione|aggiudicazione))?"
    r"|n.(?:est|sont|constitue|constituent) pas (?:un )?criteres?\b"
    r"|no (?:es|son|constituye|constituyen) (?:un )?criterios?\b"
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

# A sentence that leaves a clause's content to another document of the procedure ("las
# condiciones ... son las que establezca el PCAP", "une clause d'insertion dont le contenu
# est défini à l'article 11 du CCAP"): the clause is not stated here. Folded text.
_OTHER_DOCUMENT = (r"(?:pcap|pliego de clausulas administrativas(?: particulares)?|ccap"
                   r"|cahier des clauses administratives particulieres|reglement de (?:la )?"
                   r"consultation|disciplinare(?: di gara)?|capitolato(?: speciale)?(?: d.appalto)?"
                   r"|bando(?: di gara)?|(?:aanbestedings)?leidraad|(?:algemene )?inkoopvoorwaarden"
                   r"|bestek)\b")
REFERRED_ELSEWHERE = re.compile(
    r"\b(?:son|seran) (?:las|los) que (?:se )?(?:establezca|establece|establezcan|establecen"
    r"|fije|fija|determine|determina|recoja|recoge|recojan|recogen)n? (?:en )?el " + _OTHER_DOCUMENT
    + r"|\bal que (?:este|el presente) pliego se remite"
    r"|\bdont le contenu est (?:defini|fixe|precise|detaille)e? (?:a|dans|par) (?:l.article \S+ du"
    r" |le |la |l.)" + _OTHER_DOCUMENT
    + r"|\b(?:sont|seront) (?:celles|ceux) (?:fixe|defini|prevu|precise)e?s (?:par|dans|a)"
    r" (?:l.article \S+ du |le |la |l.)" + _OTHER_DOCUMENT
    + r"|\b(?:sono|saranno) quell[ei] (?:stabilit|previst|indicat|definit|disciplinat)[ei]"
    r" (?:nel|dal|nello|dallo|all.art\S* \S+ del) " + _OTHER_DOCUMENT
    # "sont fixés exclusivement à l'article 9 du CCAP", "sono disciplinati all'art. 7 del
    # disciplinare", "se regulan en la cláusula 20 del PCAP": a plain pointer to the article
    + r"|\b(?:sont|seront) (?:fixe|defini|prevu|precise|detaille|regle)e?s (?:exclusivement |uniquement"
    r" |seulement )?(?:a|dans|par) l.article \S+ du " + _OTHER_DOCUMENT
    + r"|\b(?:sono|saranno) (?:stabilit|fissat|definit|disciplinat|regolat)[ie] (?:esclusivamente |"
    r"unicamente |soltanto )?(?:all.art\S* \S+ del|nell.art\S* \S+ del) " + _OTHER_DOCUMENT
    + r"|\bse (?:fijan|establecen|regulan|determinan) (?:exclusivamente |unicamente |solo )?en la"
    r" clausula \S+ del " + _OTHER_DOCUMENT
    # "geldt uitsluitend wat is bepaald in artikel 14 van de Algemene Inkoopvoorwaarden"
    + r"|\b(?:geldt|gelden) (?:uitsluitend |alleen |enkel )?(?:wat|hetgeen) (?:is )?bepaald (?:is )?in"
    r" (?:artikel \S+ van )?(?:de |het )?" + _OTHER_DOCUMENT
    # a list of the procedure's documents: "le CCAP, dont l'article 8 fixe les obligations"
    + r"|\b" + _OTHER_DOCUMENT + r",? dont l.article \S+",
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

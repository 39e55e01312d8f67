"""Is a decision the buyer could take stated as not taken, whatever the verb?

A reservation is a decision: buyers who do not take it write so in endless ways ("La
reserva ... no se ha aplicado", "Ein Vorbehalt nach § 118 GWB wurde nicht erklärt",
"The option to reserve ... has not been exercised", "decided against reserving it").
Lists of such verbs always miss the next one, so this reads the shape instead:
- a negated finite predicate after the decision's words, in the same clause: the words
  are its subject ("la riserva di cui all'art. 61 non trova spazio"), or its label
  ("Réservation : le pouvoir adjudicateur ne fait pas usage de l'article 15");
- a verb of refusal right before them ("rinuncia a riservare", "verzichtet auf einen
  Vorbehalt", "ziet af van het voorbehouden"), or of consideration earlier in the clause
  ("has considered regulation 21 ... (reserved contracts)": considered, not decided), or
  as their predicate ("Ein Vorbehalt ... wurde geprüft, aber nicht vorgesehen"), or a
  noun of consideration whose complement they are ("die Prüfung eines Vorbehalts");
- the decision as an infinitive under a negated verb ("has not used the power ... to
  reserve"), or in German and Dutch as the participle closing a negated clause ("ist
  keinem Bieterkreis nach § 23 BVergG vorbehalten").
The clause ends at a full stop (not an abbreviation's: "l'article L. 2113-12"), semicolon,
colon, comma (a pair around an insert is crossed), a bracket's content is skipped, and
neither coordination nor a relative pronoun is crossed: "riservato alle cooperative
sociali che non ..." names who, and "reserved to supported businesses and will not be
divided into lots" is a second predicate. Negations that state a threshold ("not less
than", "non inferiore") deny nothing. Folded (accent-free) text; a clause opts in with
`declinable` (clauses/schema.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from proseco_check.nlp.legal import INNER_FULL_STOP

# What a gap between the decision's words and its predicate may not cross, per language:
# coordination and relative pronouns or conjunctions that open a clause of their own.
# ("and" before an article or a preposition joins two objects, "aux entreprises adaptées
# et aux ESAT", as "e stato" is the folded "è stato", a verb: neither opens a clause)
_OBJECT_NEXT = {
    "it": "a|al|ai|alle|il|la|le|i|gli|di|del|della|dei|delle|un|una",
    "en": "to|the|a|an|of|for|in",
    "fr": "a|au|aux|le|la|les|de|des|du|un|une",
    "es": "a|al|el|la|los|las|de|del|en|un|una",
    "nl": "aan|de|het|een|voor|van",
    "de": "an|der|die|das|den|dem|des|ein|eine|einen|fur|zu|zur|zum",
}
_STOPS = {
    "it": rf"e(?! (?:stat[oaie]|{_OBJECT_NEXT['it']})\b)|ed|ma|mentre|che|cui|il cui|la cui|quale"
          r"|quali|ove|dove|purche|se",
    "en": rf"and(?! (?:{_OBJECT_NEXT['en']})\b)|but|or|while|whereas|which|who|whom|whose|that"
          r"|where|if|unless|provided",
    "fr": rf"et(?! (?:{_OBJECT_NEXT['fr']})\b)|mais|ou|tandis|qui|que|qu|dont|lequel|laquelle"
          r"|lesquels|lesquelles|si|lorsque",
    "es": rf"(?:y|e)(?! (?:{_OBJECT_NEXT['es']})\b)|pero|o|mientras|que|cual|cuales|cuyo|cuya"
          r"|cuyos|cuyas|donde|si|cuando",
    "nl": rf"en(?! (?:{_OBJECT_NEXT['nl']})\b)|maar|of|terwijl|die|dat|wiens|wier|waarvan|waarin"
          r"|waarbij|indien|als|tenzij",
    "de": "aber|sondern|wahrend|dass|deren|dessen|welche|welcher|welches|wenn|falls|sofern",
}
# German capitalises nouns: "und" or "oder" before a noun joins two names ("Werkstätten
# ... oder Inklusionsbetrieben"), before a lower-case word a second predicate.
_NOUN_JOINS = {"de": r"(?!\s(?:und|oder|sowie)\s(?-i:[a-zäöü]))"}
# A threshold's negation ("not less than 30 %", "non inferiore al 30 %") denies nothing.
_THRESHOLD = (r"less|fewer|lower|more|only|exceeding|inferior\w*|superior\w*|oltre|meno|solo"
              r"|soltanto|soggett\w*|appena|moins|plus de|seulement|menos|mas|sujet\w*"
              r"|minder|lager|alleen|meer|hoger|uitsluitend|weniger|unter|nur|mehr|uber")
# The negated predicate, by language, at the gap's end. Auxiliaries or a finite verb with
# the negation; gerunds ("no pudiendo", "non essendo") add a circumstance, not a denial.
_PREDICATES = {
    "it": r"non (?!(?:\w+ ){{0,2}}(?:{t})\b)(?!\w+ndo\b)\w+",
    "en": r"(?:is|are|was|were|has|have|had|will|shall|would|does|do|did|can|could|may|must)"
          r"(?: not|n.t)\b(?! (?:be )?(?:{t})\b)|\bcannot\b|\b(?:is|are|was|were|has|have) never\b",
    "fr": r"n.(?:\w+ ){{1,2}}?(?:pas|aucun\w*|jamais|point|nullement)\b(?! (?:{t})\b)"
          r"|ne (?:\w+ ){{1,2}}?(?:pas|aucun\w*|jamais|point|nullement)\b(?! (?:{t})\b)",
    "es": r"no (?!(?:\w+ ){{0,2}}(?:{t})\b)(?!(?:obstante|\w+ndo)\b)\w+",
    "nl": r"(?:is|zijn|was|waren|wordt|worden|werd|werden|heeft|hebben|had|zal|zullen|kan|kunnen)"
          r"(?: \w+){{0,4}}? (?:niet|geen)\b(?! (?:{t})\b)",
    "de": r"(?:ist|sind|war|waren|wird|werden|wurde|wurden|hat|haben|hatte|erfolgt|findet|gilt|bleibt"
          r"|macht|kommt|kann|konnen)(?: [^\s.;:,]+){{0,6}}? (?:nicht|kein\w*)\b(?! (?:{t})\b)",
}
# Verbs of refusal, then at most four words before the decision's words.
_REFUSALS = {
    "it": r"\b(?:rinunci\w*|si astien\w*|si e astenut\w*) (?:a|ad|al|alla|dal|dalla|da)\b",
    "en": r"\b(?:(?:decided|decides|decide|chose|chosen|elected|opted) against|declin\w* to"
          r"|refrain\w* from|forgo\w*|waiv\w*|dispens\w* with)\b",
    "fr": r"\b(?:renonc\w*|s.abst\w*|abstention) (?:a|au|aux|de|d)\b",
    "es": r"\b(?:renunci\w*|se abstien\w*|se ha abstenido|desist\w*|descart\w*)(?: (?:a|al|de|del))?\b",
    "nl": r"\b(?:ziet|zien|zag|zagen|heeft|hebben|had|wordt|werd) (?:\w+ ){{0,4}}?af van\b"
          r"|\bafgezien van\b|\bafziet van\b|\bafstand (?:\w+ )?van\b",
    "de": r"\bverzicht\w* (?:\w+ ){{0,3}}?auf\b|\b(?:sieht|sehen|sah|sahen) (?:[^\s.;:,]+ ){{0,4}}?von\b"
          r"|\babstand (?:\w+ )?von\b",
}
_REACH_BEFORE = 4
# The decision as an infinitive ("to reserve", "riservare", "vorzubehalten"), where the
# match starts: the complement of the clause's verb, so a negation of that verb, however far before in the
# clause, denies it ("The Council has not used the power in section 32 ... to reserve").
_INFINITIVES = {
    "it": r"riservar(?:e|l[oaie])",
    "en": r"(?<=\bto )reserve|reserving",
    "fr": r"reserver",
    "es": r"reservar(?:l[oa]s?|se)?",
    # German and Dutch close the clause with the participle: "die Vergabe ist keinem
    # Bieterkreis nach § 23 BVergG 2018 vorbehalten"
    "nl": r"voor te behouden|te reserveren|(?:voorbehouden|gereserveerd)(?=\s*(?:[.;:,)]|$))",
    "de": r"vorzubehalten|zu reservieren|(?:vorbehalten|reserviert)(?=\s*(?:[.;:,)]|$))",
}
# Verbs of consideration: what was considered, examined or studied was not decided ("The
# Council has considered regulation 21 ... (reserved contracts ...)", "Se estudió si este
# suministro podía reservarse"), unless a coordination or "that" opens the decision.
_CONSIDERED = {
    "it": r"valutat[oaie]|esaminat[oaie]|vagliat[oaie]|studiat[oaie]|ponderat[oaie]"
          r"|verificat[oaie] se",
    "en": r"considered|examined|reviewed|assessed|studied|explored|weighed|looked (?:at|into)",
    "fr": r"examine(?:e|s|es)?|etudie(?:e|s|es)?|envisage(?:e|s|es)?|analyse(?:e|s|es)?",
    "es": r"estudio|estudiad[oa]s?|examino|examinad[oa]s?|analizo|analizad[oa]s?|valoro"
          r"|valorad[oa]s?|considero|considerad[oa]s?|evaluo|evaluad[oa]s?|pondero"
          r"|ponderad[oa]s?|sopeso|sopesad[oa]s?",
    "nl": r"onderzocht|overwogen|bekeken|nagegaan|bestudeerd|afgewogen|uitgezocht|(?:laten )?uitzoeken",
    "de": r"gepruft|erwogen|untersucht|abgewogen",
}
# The same verbs as the predicate after the words ("Ein Vorbehalt nach § 118 GWB wurde
# geprüft, aber nicht vorgesehen", "La riserva è stata valutata;"): considered, not
# taken, unless "and" opens an affirmed decision ("wurde geprüft und wird angewandt").
# A verb of rejection there declines as well ("... dokumentiert und verworfen").
_REJECTED = {
    "it": r"scartat[oaie]|respint[oaie]|esclus[oaie]",
    "en": r"rejected|discarded|dismissed|ruled out",
    "fr": r"rejete(?:e|s|es)?|ecarte(?:e|s|es)?|ecartee?s?",
    "es": r"descartad[oa]s?|rechazad[oa]s?|desestimad[oa]s?",
    "nl": r"verworpen|afgewezen",
    "de": r"verworfen|abgelehnt|ausgeschlossen",
}
# A noun of consideration whose complement the words are ("die Prüfung eines Vorbehalts",
# "the consideration of a reservation", "la valutazione della riserva").
_CONSIDERING = {
    "it": r"(?:valutazione|esame|verifica) (?:della|del|dell|di una|di un|di)",
    "en": r"(?:consideration|assessment|review|examination) of(?: an?| the)?",
    "fr": r"(?:examen|etude|analyse) (?:de la|du|d.une|d.un|de)",
    "es": r"(?:estudio|analisis|valoracion|examen) (?:de la|del|de una|de un|de)",
    "nl": r"(?:onderzoek|overweging|toetsing) (?:van een|van de|van het|naar een|van)",
    "de": r"(?:prufung|erwagung|untersuchung) (?:eines|einer|des|der|von)",
}
# ("and" joining two objects, "a centros ... y a empresas de inserción", opens no decision)
_DECIDING = {
    "it": rf"(?:e|ed)(?! (?:{_OBJECT_NEXT['it']})\b)|ma|quindi|che|pertanto",
    "en": rf"and(?! (?:{_OBJECT_NEXT['en']})\b)|but|then|so|that|therefore",
    "fr": rf"et(?! (?:{_OBJECT_NEXT['fr']})\b)|mais|puis|donc|que|qu",
    "es": rf"(?:y|e)(?! (?:{_OBJECT_NEXT['es']})\b)|pero|luego|que|por lo que",
    "nl": rf"en(?! (?:{_OBJECT_NEXT['nl']})\b)|maar|dus|dat",
    "de": rf"und(?! (?:{_OBJECT_NEXT['de']})\b)|aber|daher|dass",
}
# Verbs by which the law permits the decision ("Section 32 ... allows a contracting
# authority to reserve", "permits reserving"): an infinitive under them is what may be
# done, not what this contract does.
_PERMITS = {
    "it": r"consente|permette|autorizza",
    "en": r"allows|permits|enables|empowers|authori[sz]es",
    "fr": r"permet|autorise|habilite",
    "es": r"permite|faculta|habilita|autoriza",
    "nl": r"staat toe|maakt het mogelijk|biedt de mogelijkheid",
    "de": r"erlaubt|ermoglicht|gestattet",
}
# A possibility to take the decision, opening the sentence as its subject, with the
# decision as its infinitive and a verb of consideration as its predicate after a long
# complement ("La possibilité offerte par la loi ... de réserver le marché à des ateliers
# protégés ou à des opérateurs dont l'objet est ... a été examinée"): examined, not taken.
# ("Il Comune si avvale della facoltà di riservare": the possibility is an object there.)
_POSSIBILITY = {
    "it": r"(?:la\s|l.|una\s|tale\s)(?:\w+\s)?(?:possibilita|facolta|opzione|opportunita)",
    "en": r"(?:the|an?|this)\s(?:\w+\s)?(?:option|possibility|power|opportunity|discretion)",
    "fr": r"(?:la\s|l.|une\s|cette\s)(?:\w+\s)?(?:possibilite|faculte|option|opportunite)",
    "es": r"(?:la|una|esta)\s(?:\w+\s)?(?:posibilidad|facultad|opcion)",
    "nl": r"(?:de|een|deze)\s(?:\w+\s)?(?:mogelijkheid|optie|bevoegdheid)",
    "de": r"(?:die|eine|diese)\s(?:\w+\s)?(?:moglichkeit|option|befugnis)",
}
# An indirect question after the verb of consideration ("hat geprüft, ob der Auftrag ...
# vorbehalten werden soll"): its comma does not end the clause.
_WHETHER = r",\s(?=(?:ob|whether|if|si|se|of|wie|how|come|comment|como)\b)"
# A comma inside a list of names, which a verb of consideration reaches across ("hat
# geprüft, ob ... Werkstätten für behinderte Menschen, Inklusionsbetrieben oder ...
# vorbehalten werden kann"): German capitalises the next name, and "oder" or "und" closes
# the list ("Der Bedarf wurde geprüft, Los 2 ist ... vorbehalten" opens a clause).
_LIST_COMMA = {"de": r"|,\s(?-i:[A-ZÄÖÜ])(?=[^.;:,]{0,80}\s(?:oder|und|sowie)\s)"}
# Between the negation and the infinitive, a purpose or a cause opens another clause ("no
# se divide en lotes para reservarlo": the reservation is the aim, not what is denied).
_PURPOSE = {
    "it": "per|perche|poiche|affinche|al fine di|allo scopo di",
    "en": "because|since|as|so|in order|so as",
    "fr": "pour|car|afin|puisque|parce",
    "es": "para|porque|pues|a fin de|con el fin de|con objeto de",
    "nl": "om|omdat|want|zodat",
    "de": "um|weil|da|damit",
}
_CUES = {
    "it": r"non",
    "en": r"not|n.t|never",
    "fr": r"n(?:e|.\w+) (?:\w+ )?(?:pas|jamais|aucun\w*|point|nullement)",
    "es": r"no",
    "nl": r"niet|geen",
    "de": r"nicht|kein\w*",
}


# After a verb of consideration, no "and" opening a decision taken ("wurde geprüft und
# wird angewandt"); "and" before a negation or a rejection still declines.
_NOT_DECIDED_AFTER = r"(?!\s*,?\s(?:{deciding})\s(?!(?:\w+\s){{0,3}}?(?:{cues}|{rejected})\b))"


def _gap(lang: str, stops: str = "") -> str:
    """Text within one clause: no stop word, no boundary, brackets and a comma pair crossed."""
    return (rf"(?:(?!\s(?:{_STOPS[lang]}{stops})\s){_NOUN_JOINS.get(lang, '')}"
            rf"(?:[^.;:,()\[\]•▪|]|\([^()]{{0,80}}\)|(?<=\d)[.:,](?=\d)|{INNER_FULL_STOP}"
            r"|,[^.;:,()]{1,60},)){0,90}?")


@dataclass(frozen=True)
class _Shapes:
    """One language's shapes of a decision not taken, compiled once."""

    after: regex.Pattern[str]  # a negated predicate after the words (match at their end)
    label: regex.Pattern[str]  # a run-in label whose value denies (match at their end)
    refusal: regex.Pattern[str]  # a verb of refusal just before (search up to their start)
    considered: regex.Pattern[str]  # a verb of consideration earlier in the clause
    infinitive: regex.Pattern[str]  # the words as an infinitive (match at their start)
    negated: regex.Pattern[str]  # a negation earlier in the clause, before an infinitive
    considered_after: regex.Pattern[str]  # a verb of consideration as their predicate
    considering: regex.Pattern[str]  # a noun of consideration whose complement they are
    permitted: regex.Pattern[str]  # a verb by which the law permits, before an infinitive
    possibility: regex.Pattern[str]  # a possibility as the subject, before an infinitive
    possibility_considered: regex.Pattern[str]  # its predicate a verb of consideration


@lru_cache(maxsize=8)
def _shapes(lang: str) -> _Shapes | None:
    if lang not in _PREDICATES:
        return None
    cue = rf"\b(?:{_CUES[lang]})\b(?! (?:{_THRESHOLD})\b)"
    purpose = _gap(lang, "|" + _PURPOSE[lang])

    def compiled(source: str) -> regex.Pattern[str]:
        return regex.compile(source, regex.IGNORECASE)

    return _Shapes(
        after=compiled(rf"{_gap(lang)}\s(?:{_PREDICATES[lang].format(t=_THRESHOLD)})"),
        label=compiled(rf"[^:.;|]{{0,40}}:\s*{_gap(lang)}{cue}"),
        refusal=compiled(rf"(?:{_REFUSALS[lang].format()})(?:\s+[^\s.;:]+){{0,{_REACH_BEFORE}}}\s*$"),
        considered=compiled(rf"\b(?:{_CONSIDERED[lang]})\b"
                            rf"(?:(?!\s(?:{_DECIDING[lang]})\s)(?:[^.;:,]|{_WHETHER}|{INNER_FULL_STOP}"
                            rf"{_LIST_COMMA.get(lang, '')}))"
                            r"{0,240}$"),
        permitted=compiled(rf"\b(?:{_PERMITS[lang]})\b(?:[^.;:,]|{INNER_FULL_STOP}){{0,120}}$"),
        infinitive=compiled(rf"(?:{_INFINITIVES[lang]})\b"),
        negated=compiled(rf"{cue}{purpose}\s$"),
        # (also as a run-in label's value: "Voorbehouden opdracht: de gemeente heeft
        # artikel 2.82 overwogen en past het niet toe")
        considered_after=compiled(
            rf"(?:[^:.;|]{{0,40}}:\s*)?{_gap(lang)}\s(?:{_CONSIDERED[lang]})\b"
            + _NOT_DECIDED_AFTER.format(deciding=_DECIDING[lang], cues=_CUES[lang],
                                        rejected=_REJECTED[lang])),
        considering=compiled(rf"\b(?:{_CONSIDERING[lang]})\s*$"),
        possibility=compiled(rf"(?:^|[;:]\s)\W*(?:{_POSSIBILITY[lang]})\b"
                             rf"(?:[^.;:]|{INNER_FULL_STOP}){{0,200}}$"),
        possibility_considered=compiled(
            rf"(?:[^.;:]|{INNER_FULL_STOP}){{0,300}}?\s(?:{_CONSIDERED[lang]}|{_REJECTED[lang]})\b"
            + _NOT_DECIDED_AFTER.format(deciding=_DECIDING[lang], cues=_CUES[lang],
                                        rejected=_REJECTED[lang])))


def declined(folded: str, lang: str, start: int, end: int) -> bool:
    """Whether the words at folded[start:end] are the subject of a negated predicate in
    their clause (or the label of a denying value), the object of a verb of refusal or of
    consideration before them, or an infinitive (a clause-final participle) under a
    negated verb of their clause."""
    shapes = _shapes(lang)
    if shapes is None:
        return False
    ahead = min(len(folded), end + 400)
    return bool(shapes.after.match(folded, end, ahead) or shapes.label.match(folded, end, ahead)
                or shapes.refusal.search(folded, max(0, start - 120), start)
                or shapes.considered.search(folded, max(0, start - 280), start)
                or shapes.considered_after.match(folded, end, ahead)
                or shapes.considering.search(folded, max(0, start - 60), start)
                or (shapes.infinitive.match(folded, start) is not None
                    and (shapes.negated.search(folded, max(0, start - 200), start) is not None
                         or shapes.permitted.search(folded, max(0, start - 160), start)
                         is not None
                         or (shapes.possibility.search(folded, max(0, start - 240), start)
                             is not None
                             and shapes.possibility_considered.match(folded, end, ahead)
                             is not None))))

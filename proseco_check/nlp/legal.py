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
    "it": ("non", "no", "nessun", "nessuna", "nessuno", "né", "esclusa", "escluso"),
    "en": ("not", "no", "none", "n/a", "never", "without", "nil"),
    "fr": ("ne", "n'", "non", "sans", "aucun", "aucune", "pas", "néant"),
    "es": ("no", "ningún", "ninguna", "ninguno", "sin", "nunca", "tampoco"),
    "nl": ("niet", "geen", "nee", "neen", "zonder", "nvt", "n.v.t."),
    "de": ("nicht", "kein", "keine", "keinen", "keiner", "ohne", "nein", "entfällt"),
}

# A predicate that denies what the sentence's subject names, after it in the same clause:
# "Social Return is bij deze opdracht niet van toepassing", "la clausola sociale non si
# applica", "the reservation does not apply". Any language: the phrases are distinctive.
# Used with .match(text, end): anchored where the clause's match ends.
NOT_APPLICABLE_AFTER = re.compile(
    r"[^.;:]{0,50}?\b(non (si applica|e applicabile|trova applicazione)|non applicabil[ei]"
    r"|(does|shall|will) not apply|(is|are) not applicable"
    r"|ne s.appliqu\w* pas|n.est pas applicable|(est|sont) sans objet"
    r"|no (es|son|resulta|resultan) de aplicaci[oó]n|no (se aplica|procede)"
    r"|(is|zijn) [^.;:]{0,30}niet van toepassing|findet keine anwendung|(ist|sind) nicht anwendbar)\b",
    re.IGNORECASE)

# "non inferiore al 30 %" asserts a minimum; "non soggetti a ribasso" is the required
# wording of art. 41: a cue followed by one of these is not a negation.
NEGATION_EXCEPTIONS: dict[str, tuple[str, ...]] = {
    "it": ("inferiore", "inferiori", "meno", "oltre", "superiore", "superiori", "soggetti",
           "soggetto", "soggetta", "soggette", "solo", "soltanto", "appena", "ché",
           "oltrepassare", "eccedere"),
    "en": ("less", "later", "more", "only", "exceeding", "subject", "limited", "prejudice",
           "lower", "fewer"),
    "fr": ("inférieur", "inférieure", "inférieurs", "inférieures", "moins", "plus",
           "seulement", "supérieur", "supérieure", "soumis", "soumise", "préjudice",
           "uniquement"),
    "es": ("inferior", "inferiores", "menos", "solo", "sólo", "superior", "sujeto",
           "sujetos", "perjuicio", "únicamente"),
    "nl": ("minder", "lager", "alleen", "meer", "hoger", "uitsluitend", "later"),
    "de": ("weniger", "unter", "nur", "mehr", "über", "unterschreiten", "später",
           "ausschließlich"),
}

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

"""Language data for legal text: abbreviations that must not end a sentence, negation
cues and their false friends, and template markers. Kept as data, one entry a language."""

from __future__ import annotations

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
           "cf.", "p.", "pp.", "reg.", "dir.", "ltd.", "inc.", "mr.", "ms.", "dr.", "sch."),
    "fr": ("art.", "arts.", "n°.", "al.", "p.", "pp.", "cf.", "etc.", "m.", "mme.", "dr.",
           "c.", "c.c.p.", "l.", "r.", "ccp.", "coll.", "ex.", "e.g.", "i.e."),
    "es": ("art.", "arts.", "núm.", "apdo.", "d.a.", "r.d.", "p.", "pp.", "cf.", "etc.",
           "sr.", "sra.", "ley.", "ej.", "e.g.", "i.e."),
    "nl": ("art.", "artt.", "nr.", "lid.", "bijv.", "o.a.", "z.g.a.", "e.d.", "blz.", "p.",
           "aw.", "e.g.", "i.e."),
    "de": ("art.", "abs.", "nr.", "s.", "z.b.", "bzw.", "ggf.", "vgl.", "u.a.", "d.h.",
           "usw.", "e.g.", "i.e.", "gwb.", "vgv."),
}

# Words that negate what follows (or, after a colon, what precedes: "riservata: NO").
NEGATION_CUES: dict[str, tuple[str, ...]] = {
    "it": ("non", "no", "nessun", "nessuna", "nessuno", "né", "esclusa", "escluso"),
    "en": ("not", "no", "none", "n/a", "never", "without"),
    "fr": ("ne", "n'", "non", "sans", "aucun", "aucune", "pas", "néant"),
    "es": ("no", "ningún", "ninguna", "ninguno", "sin"),
    "nl": ("niet", "geen", "nee", "zonder"),
    "de": ("nicht", "kein", "keine", "keinen", "ohne", "nein"),
}

# "non inferiore al 30 %" asserts a minimum; "non soggetti a ribasso" is the required
# wording of art. 41: a cue followed by one of these is not a negation.
NEGATION_EXCEPTIONS: dict[str, tuple[str, ...]] = {
    "it": ("inferiore", "inferiori", "meno", "oltre", "superiore", "superiori", "soggetti",
           "soggetto", "soggetta", "soggette", "solo", "soltanto", "appena", "ché",
           "oltrepassare", "eccedere"),
    "en": ("less", "later", "more", "only", "exceeding", "subject", "limited"),
    "fr": ("inférieur", "inférieure", "moins", "plus", "seulement", "supérieur",
           "supérieure", "soumis", "soumise"),
    "es": ("inferior", "menos", "solo", "superior", "sujeto", "sujetos"),
    "nl": ("minder", "lager", "alleen", "meer", "hoger"),
    "de": ("weniger", "unter", "nur", "mehr", "über"),
}

# A block or sentence that starts like this is optional template text, not an operative
# clause (ANAC models: "[Eventuale]", "(se previsto)", "ove previsto").
TEMPLATE_OPENERS: dict[str, tuple[str, ...]] = {
    "it": ("(se previsto)", "(se prevista)", "(eventuale)", "eventuale:", "(ove previsto)",
           "ove previsto", "(facoltativo)", "(opzionale)", "[eventuale", "(in caso di"),
    "en": ("(if applicable)", "(optional)", "[optional", "[if applicable", "(where applicable)"),
    "fr": ("(le cas échéant)", "(si applicable)", "(facultatif)", "[le cas échéant",
           "(optionnel)"),
    "es": ("(en su caso)", "(si procede)", "[en su caso", "(opcional)"),
    "nl": ("(indien van toepassing)", "(optioneel)", "[indien van toepassing"),
    "de": ("(falls zutreffend)", "(optional)", "[falls zutreffend"),
}

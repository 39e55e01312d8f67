"""What kind of document this is (`document_kind`) and whether it is a procurement
document at all (`is_tender`, derived: any kind but non-procurement).

The title zone (the first sentences of the first page) says what a document is; the
way it names itself ("il presente disciplinare", "le présent règlement") confirms it.
A mention of another document ("come previsto dal disciplinare", "art. 3 du CCTP") is
neither. Grants, job competitions, mobility calls and land-rights notices are
non-procurement; so is a text with no procurement vocabulary at all.
"""

from __future__ import annotations

import re

from proseco_check.clauses.patterns import match_any
from proseco_check.facts.common import first_match, lexicon, lexicon_pattern, make_fact
from proseco_check.model.facts import Fact
from proseco_check.nlp.view import NlpView, Sentence
from proseco_check.typed_marks import capital_share

TITLE_SENTENCES = 40
HEADING_WORDS = 14
SELF_CAP = 3
# A document says what it is not ("not a procurement") where it presents itself.
DECLARATION_SENTENCES = 60
_QUALIFIED = re.compile(r"\s*(reserved|riservat|reserv|vorbehalt|voorbehoud)")
# How many kinds of procurement words a document without a recognised title needs.
VOCABULARY_KINDS = 3
# A title word right after one of these refers to another document.
REFERENCE = re.compile(
    r"(\b(du|au|aux|des|de la|del|dello|della|nel|nella|dal|dalla|al|alla|ai|con|ex|cf|voir|vedi|"
    r"ref|art\w*|selon|previst\w*|indicat\w*|come da|secondo|in|im|der|des|dem|den|zu|zur|zum|bij|gem[aä]ss?|"
    r"of the|in the|to the|under the|per|van het|van de|het|de|en el|del|al)\.?\s*[\"'«(]?\s*)$",
    re.IGNORECASE)


# A draft's title names itself after "draft of" ("BORRADOR DE DOCUMENTO DE FORMALIZACIÓN",
# "BOZZA DI CONTRATTO", "PROJET DE CONTRAT"): no reference to another document.
# A draft word in capitals is a title wherever the title block's lines were run together
# ("AYUNTAMIENTO DE ... (ficticio) BORRADOR DE DOCUMENTO DE FORMALIZACIÓN").
_DRAFT_OF = re.compile(r"(?:(?:^|[-–:|]\s*)(?i:borrador|bozza|projet|draft|entwurf|ontwerp|concept"
                       r"|modelo|schema)|\b(?:BORRADOR|BOZZA|PROJET|DRAFT|ENTWURF|ONTWERP|CONCEPT"
                       r"|MODELO|SCHEMA))\s+(?i:de|di|del|of|du|des|van|eines?)\s*$")


def title_zone(view: NlpView) -> list[Sentence]:
    """The first sentences of the first page (the cover and title of the document)."""
    sentences = view.sentences[:TITLE_SENTENCES]
    pages = [s.location.page for s in sentences if s.location.page is not None]
    if not pages:
        return sentences
    last = min(pages) + (1 if sum(p == min(pages) for p in pages) < 4 else 0)
    return [s for s in sentences if s.location.page is None or s.location.page <= last]


def _capitals(text: str) -> bool:
    return capital_share(text) > 0.6


def is_heading(sentence: Sentence, start: int, end: int | None = None) -> bool:
    """A title line: a heading block, text in capitals, or a short line that starts with
    the title words and is not a sentence of prose ("L'avis est publié ... ." is not).
    Title words in capitals that open the sentence are a heading too, when the splitter
    ran the title line into the subtitle below it ("SCHEMA DI CONVENZIONE tra il ...")."""
    short = len(sentence.text.split()) <= HEADING_WORDS and start <= 3
    opening = end is not None and start <= 3 and _capitals(sentence.text[start:end])
    text = sentence.text.rstrip()
    listing = text.endswith(".") and "," in text  # "DC1, DC2 ou DUME." lists, titles nothing
    return (sentence.block.kind == "heading" or ((_capitals(text) or opening) and not listing)
            or (short and not text.endswith(".")))


# An annex's label before the title it carries ("SCHEDULE 2 - SPECIFICATION", "ALLEGATO B:
# CAPITOLATO TECNICO"): the title words still open the line.
_ANNEX_LABEL = re.compile(r"^\W*(?:schedule|annex|annexe|appendix|attachment|allegato|anexo"
                          r"|bijlage|anlage)\s+[\w.]{1,5}\s*[-–—:.]\s*", re.IGNORECASE)


def _title_score(sentence: Sentence, sources: list[str]) -> tuple[float, int]:
    """The title score of the sentence for these title words, and where they start."""
    label = _ANNEX_LABEL.match(sentence.folded)
    offset = label.end() if label else 0
    found = first_match(sources, sentence.folded[offset:])
    span = (found[0] + offset, found[1] + offset) if found else None
    if span is None:
        return 0.0, 0
    before = sentence.folded[max(0, span[0] - 30):span[0]]
    if REFERENCE.search(before) and not _DRAFT_OF.search(before):
        return 0.0, 0
    return ((4.0 if is_heading(sentence, span[0], span[1]) else 2.0)
            + (1.0 if sentence.index < 12 else 0.0)), span[0]


def _scores(view: NlpView, zone: list[Sentence]) -> tuple[
        dict[str, float], dict[str, list[Sentence]], dict[str, float], dict[str, int]]:
    """Per kind: title score plus self-references, the evidence, the title score, and
    where in its sentence the title words start."""
    scores: dict[str, float] = {}
    titles: dict[str, float] = {}
    starts: dict[str, int] = {}
    evidence: dict[str, list[Sentence]] = {}
    for kind, entry in lexicon()["document_kind"].items():
        best = 0.0
        for sentence in zone:
            score, start = _title_score(sentence, entry["title"])
            if score > best:
                best, evidence[kind], starts[kind] = score, [sentence], start
        selves = [m.sentence for m in match_any(view, [lexicon_pattern(tuple(entry["self"]),
                                                                       negatable=False)])]
        if selves:
            evidence.setdefault(kind, []).extend(selves[:2])
        total = best + min(SELF_CAP, len(selves))
        titles[kind] = best
        if total:
            scores[kind] = total
    return scores, evidence, titles, starts


def vocabulary(view: NlpView) -> tuple[int, list[Sentence]]:
    """How many kinds of procurement words the text uses, and one sentence for each."""
    hits: list[Sentence] = []
    for source in lexicon()["tender_vocabulary"].get(view.language, []):
        found = match_any(view, [lexicon_pattern((source,), negatable=False)])
        if found:
            hits.append(found[0].sentence)
    return len(hits), hits


def document_kind(view: NlpView) -> Fact:
    zone = title_zone(view)
    scores, evidence, titles, starts = _scores(view, zone)
    against = 0.0
    against_where: list[Sentence] = []
    for sentence in zone:
        score, _ = _title_score(sentence, lexicon()["non_procurement"]["title"])
        if score > against:
            against, against_where = score, [sentence]
    # Equal scores: the title read first names the document ("PLIEGO DE BASES ... /
    # Licitación Pública N° ..." is a pliego that names its procedure; "PROJET DE MARCHÉ
    # VALANT ACTE D'ENGAGEMENT" is a contract).
    best = max(scores, key=lambda k: (scores[k], -evidence[k][0].index if titles[k] else
                                      -len(view.sentences),
                                      -starts[k] if titles[k] else 0)) if scores else None
    # A procurement title and a grant or job title in the same line, or the title's next
    # line ("Bando per la concessione di contributi", "AVVISO DI ASTA PUBBLICA / PER LA
    # CONCESSIONE IN AFFITTO DI TERRENI"): the qualifier says what is announced, whatever
    # the document then calls itself ("il presente bando").
    gap = (against_where[0].index - evidence[best][0].index
           if best is not None and against_where and titles[best] > 0 else None)
    if against and (best is None or against > scores[best]
                    or (gap == 0 and against >= titles[best])
                    or (gap == 1 and not _procured_object(against_where[0]))):
        return make_fact("non-procurement", against_where)
    declared = _declared_not_procurement(view)
    if declared:
        return make_fact("non-procurement", declared)
    if best is not None:
        return make_fact(best, evidence.get(best))
    kinds, _ = vocabulary(view)
    if kinds < VOCABULARY_KINDS:
        return Fact(value="non-procurement", source="derived")
    return Fact()


def _procured_object(sentence: Sentence) -> bool:
    """The line names a contract's object before its grant or job words."""
    against = first_match(lexicon()["non_procurement"]["title"], sentence.folded)
    bought = first_match(lexicon()["non_procurement"]["procured_object"], sentence.folded)
    return bought is not None and against is not None and bought[0] < against[0]


def _declared_not_procurement(view: NlpView) -> list[Sentence]:
    """An opening sentence that says the document is no procurement, not negated: "This
    is a grant programme, not a procurement"."""
    sources = lexicon()["non_procurement"]["declared"]
    for sentence in view.sentences[:DECLARATION_SENTENCES]:
        span = first_match(sources, sentence.folded)
        # "This is not a procurement reserved to ..." denies the reservation only.
        if span is not None and not _QUALIFIED.match(sentence.folded, span[1]):
            return [sentence]
    return []


def is_tender(kind: Fact, view: NlpView) -> Fact:
    """Derived from the kind; a document of unknown kind is a tender when it speaks the
    language of procurement."""
    if kind.value is not None:
        return Fact(value=kind.value != "non-procurement", source="derived",
                    evidence=kind.evidence)
    kinds, hits = vocabulary(view)
    return make_fact(kinds >= VOCABULARY_KINDS, hits)

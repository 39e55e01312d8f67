"""Run-in labels whose value denies them: "Staff transfer: none", "| Contrato reservado |
NO |", "5.3 Reprise du personnel. Le marché n'emporte aucune obligation ...", "k)
Übernahme von Personal: Die Wäsche wird bisher im Haus gewaschen; ... Eine Übernahme ist
nicht vorgesehen." A label is a few words naming a subject; its value runs to the end of
its block; the first part of the value that says something decides: a figure or a duty
affirms, a denial of the label's subject denies, a neutral statement passes on. Cue and
scope rules come from nlp/negation.py, word lists from nlp/legal.py."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from proseco_check.nlp.fold import fold
from proseco_check.nlp.legal import (
    LABEL_PREFIXES,
    NOT_APPLICABLE_AFTER,
    NOT_REQUIRED_AFTER,
)
from proseco_check.nlp.negation import Lexicon, lexicon, negates_governor, negations
from proseco_check.nlp.scope_words import (
    AUXILIARY_AFFIRMATIONS,
    GIVEN_PHRASES,
)
from proseco_check.typed_marks import BOX, SQUARE_GLYPHS

# Longest run-in label (words), and its value (tokens, to the end of its block).
LABEL_MAX = 6
VALUE_MAX = 120
# A table row's cell bar ends its label as a colon does ("| Contrato reservado | NO |").
_LABEL_ENDS = frozenset({":", "–", "—", "|"})
# A cell that opens with a check-box, ticked or not: one option of a form's answer.
_CHECK_BOX = re.compile(rf"(?:{BOX.pattern}|[{SQUARE_GLYPHS}])\s*\w")
# An item letter of a summary table ("G.", "H)") set between its items.
_ITEM_MARK = re.compile(r"[A-Z][.)]")
# A denial in a label's value that names no word of the label still speaks of it when it
# denies that rules apply ("Staff transfer: ... does not expect TUPE to apply").
_APPLICATION = re.compile(r"\b(appl|aplic|toepass|anwend)", re.IGNORECASE)


def label_denied(doc: Doc, lo: int, hi: int, start: int, end: int, lang: str) -> bool:
    """The match sits in a run-in label (sentence doc[lo:hi]) whose value denies and
    affirms nothing: "Staff transfer: none", "Transfer of undertakings: the Authority
    does not expect ... to apply", "5.3 Reprise du personnel. Le marché n'emporte aucune
    obligation ...". A value part without any cue that states a duty affirms it."""
    found = _label_value(doc, lo, hi, start, end)
    if found is None:
        return False
    label, value = found
    lex = lexicon(lang)
    starts: frozenset[int] = doc.user_data["negation_starts"]
    topic = _stems(doc, *label)
    # The first clause of the value that says something decides: a figure or a duty
    # before any cue affirms ("Vertragslaufzeit: 24 Monate ab 1. August 2026. Eine
    # Verlängerung ist nicht vorgesehen"), a denial denies; a neutral clause ("the
    # service is delivered by the Council's own team as a pilot;") passes on.
    # An option a form leaves unticked ("| [ ] ja | [X] nein |") is template: it says nothing.
    template: list[tuple[int, int]] = doc.user_data["template"]
    for a, b in _parts(doc, *value, lex):
        cues = [i for i in range(a, b) if i in starts]
        before = cues[0] if cues else b
        if any((_figure(doc, k) or (_affirms(doc[k].lower_, lex, topic, doc, a, b)
                                    and not _given(doc, k)))
               and not any(t0 <= doc[k].idx < t1 for t0, t1 in template)
               for k in range(a, before)):
            return False
        if cues and _denies(doc, a, b, cues, lex, topic):
            return True
    return False


def _affirms(low: str, lex: Lexicon, topic: set[str], doc: Doc, a: int, b: int) -> bool:
    """A word of duty affirms the label; an auxiliary only in a clause about its subject."""
    if low not in lex.affirmations:
        return False
    return low not in AUXILIARY_AFFIRMATIONS or bool(topic & _stems(doc, a, b))


def _figure(doc: Doc, k: int) -> bool:
    """A figure that answers a label ("24 Monate", "30 %"), not a year in a law's name
    ("the ... Regulations 2003 are not expected to apply")."""
    text = doc[k].text
    return doc[k].like_num and not (len(text) == 4 and text.isdigit()
                                     and 1900 <= int(text) <= 2100)


def _given(doc: Doc, k: int) -> bool:
    """doc[k] is part of a phrase meaning "given": "compte tenu", "tenuto conto"."""
    low = doc[k].lower_
    before = doc[k - 1].lower_ if k > 0 else ""
    after = doc[k + 1].lower_ if k + 1 < len(doc) else ""
    return (before, low) in GIVEN_PHRASES or (low, after) in GIVEN_PHRASES


def _stems(doc: Doc, first: int, last: int) -> set[str]:
    """Word beginnings, to tell whether a denial speaks of the label's subject
    ("Reprise du personnel" ... "de reprendre le personnel")."""
    return {fold(t.lower_)[:5] for t in doc[first:last] if t.is_alpha and len(t) >= 4}


Range = tuple[int, int]


def _label_value(doc: Doc, lo: int, hi: int, start: int, end: int) -> tuple[Range, Range] | None:
    """The label's tokens and its value's, or None when the match is no label."""
    body = lo
    while body < start and _prefix(doc[body].lower_, doc[body].like_num, doc[body].is_punct):
        body += 1
    # In a table row the label is the match's own cell: "| G | Contrato reservado | No |".
    # (only the tokens a label can span are looked at: a sentence may be a megabyte)
    bar = next((i for i in range(start - 1, max(body, start - LABEL_MAX - 4) - 1, -1)
                if doc[i].text == "|"), None)
    if bar is not None:
        body = bar + 1
    else:
        # a summary's items run together ("... 24 meses G. Prórroga un año H. Reserva D.A.
        # 4.ª LCSP | NO |"): the label starts after the last item letter before the match
        item = next((i for i in range(start - 1, max(body, start - LABEL_MAX) - 1, -1)
                     if _ITEM_MARK.fullmatch(doc[i].text)), None)
        if item is not None:
            body = item + 1
    for k in _label_tail(doc, body, end, hi):
        if doc[k].text in _LABEL_ENDS:
            if not _plain_label(doc, body, k) or k + 1 >= hi:
                return None
            if doc[k].text == "|" and _cells_after(doc, k + 1, hi) > 1:
                # "| Informe trimestral | No presentado en plazo | 300 € |": the next cell
                # is another column (the breach), not the label's answer.
                return None
            return (body, k), (k + 1, _continued(doc, hi))
    # A numbered run-in heading that is a sentence of its own: "5.3 Reprise du personnel."
    if body == lo or hi >= len(doc) or doc[hi - 1].text not in (".", ":"):
        return None
    if not _plain_label(doc, body, hi - 1) or any(t.like_num or t.text in _LABEL_ENDS
                                                  for t in doc[body:hi - 1]):
        return None
    return (body, hi - 1), (hi, _continued(doc, _sentence_end(doc, hi)))


def _cells_after(doc: Doc, first: int, hi: int) -> int:
    """How many filled cells the row has from doc[first] on; the cells of a form's
    check-box options ("| [ ] ja | [X] nein |") are one answer."""
    cells = [c.strip() for c in doc[first:hi].text.split("|")]
    filled = [c for c in cells if c]
    options = [c for c in filled if _CHECK_BOX.match(c)]
    return len(filled) - len(options) + (1 if options else 0)


def _label_tail(doc: Doc, body: int, end: int, hi: int) -> list[int]:
    """The tokens after the match where the label may still end: LABEL_MAX + 4 tokens
    from its start, not counting a bracketed citation ("Contrato reservado (DA 4.a) |")."""
    tail: list[int] = []
    counted, depth = end - body, 0
    for k in range(end, hi):
        text = doc[k].text
        depth += _brackets(text)
        if depth <= 0 and not text.startswith(")"):
            counted += 1
        if counted > LABEL_MAX + 4:
            break
        tail.append(k)
    return tail


def _brackets(text: str) -> int:
    """Brackets a token opens, less those it closes: the tokenizer keeps "):" whole."""
    return text.count("(") - text.count(")") if len(text) <= 2 else 0


def _plain_label(doc: Doc, first: int, last: int) -> bool:
    """A few words naming a subject, with no cue and no word that states or governs a
    duty ("Il personale deve essere assorbito:" is a sentence, not a label). A bracketed
    citation does not count as words ("Contrato reservado (D.A. 4.ª y D.A. 48.ª LCSP)")."""
    lex = lexicon(doc.lang_)
    starts: frozenset[int] = doc.user_data["negation_starts"]
    words = [t for t in doc[first:last] if not t.is_punct]
    depth, counted = 0, 0
    for t in doc[first:last]:
        depth += _brackets(t.text)
        counted += depth <= 0 and not t.is_punct
    if depth:  # a bracket left open: no citation, all words count
        counted = len(words)
    return counted <= LABEL_MAX and not any(
        t.i in starts or t.lower_ in lex.affirmations or t.lower_ in lex.verbs for t in words)


_NUMBERING = re.compile(r"[a-z]{0,2}\d{1,3}(\.\d{1,3})*[.)]?")


def _prefix(low: str, number: bool, punct: bool) -> bool:
    """Numbering before a label: "5.3", "Art. 7 –", "a)", "§ 4", "D2", "K4"."""
    return number or punct or low in LABEL_PREFIXES or bool(_NUMBERING.fullmatch(low))


def _sentence_end(doc: Doc, start: int) -> int:
    for i in range(start + 1, min(len(doc), start + VALUE_MAX)):
        if doc[i].is_sent_start:
            return i
    return min(len(doc), start + VALUE_MAX)


def _continued(doc: Doc, end: int) -> int:
    """On to the end of the label's block (its list item or paragraph): "k) Übernahme von
    Personal: Die Wäsche wird bisher im Haus gewaschen; ... Eine Übernahme durch den
    Auftragnehmer ist nicht vorgesehen." The first part that says something decides."""
    return min(len(doc), end + VALUE_MAX)


def _parts(doc: Doc, first: int, last: int, lex: Lexicon) -> list[tuple[int, int]]:
    """The value's clauses: split at sentence starts and clause boundaries, and at a full
    stop before a capital inside a table cell, which the splitter keeps in the row ("|
    Reserved contract | No. The call is not limited to ... |": the answer is "No")."""
    parts, a = [], first
    for i in range(first, last):
        stop = doc[i].text.endswith(".") and i + 1 < last and doc[i + 1].is_title
        if stop and doc[i].text != ".":  # "No." kept whole by the tokenizer: it ends here
            parts.append((a, i + 1))
            a = i + 1
            continue
        # a dash between spaces parts an answer from its reason ("No - section 32 ... has not
        # been applied"), as a full stop does
        cut = doc[i].lower_ in lex.boundaries or stop or doc[i].text in ("-", "–", "—")
        if cut or (i > first and doc[i].is_sent_start):
            if i > a:
                parts.append((a, i))
            a = i + 1 if cut else i
    if last > a:
        parts.append((a, last))
    return parts


def _unbracketed_words(doc: Doc, a: int, b: int) -> list[int]:
    """The value's words outside brackets: a bracket cites or qualifies the answer, and
    a square one holds a check-box's mark ("[X] nein")."""
    words: list[int] = []
    depth = 0
    for k in range(a, b):
        text = doc[k].text
        depth += _brackets(text) + (text == "[") - (text == "]")
        if depth <= 0 and not doc[k].is_punct:
            words.append(k)
    return words


def _denies(doc: Doc, a: int, b: int, cues: list[int], lex: Lexicon, topic: set[str]) -> bool:
    """An odd negation that opens the value ("none", "non prevista"), or that speaks of
    the label's subject (a word of it, or rules that apply) and governs a word of
    obligation or provision ("does not expect the TUPE Regulations to apply") or says
    "not applicable" / "not required": "4.2 Lowest price. The Authority does not intend
    to assess quality" denies something else."""
    words = _unbracketed_words(doc, a, b)
    outside = [c for c in cues if c in words]
    if words and words[0] in outside and len(words) <= 4:
        # "none", "non prevista", "not applicable", "NO (disposición adicional cuarta)";
        # a bracket explains the answer ("No (... no aplicada)"): its cues do not count
        return negations(doc, outside, lex) % 2 == 1
    if negations(doc, cues, lex) % 2 == 0:
        return False
    if _denies_existence(doc, words[:3], outside) and topic & _stems(doc, a, b):
        return True  # "non vi è personale ... da riassorbire", "there is no staff to ..."
    # Not a cue inside a relative or conditional clause ("a tender that does not meet
    # its obligations is rejected").
    # ("that" after a verb of view opens its complement, which the denial is about: "the
    # Partnership considers that TUPE does not apply")
    # ("that" after a copula opens it too: "the Council's view is that TUPE does not apply")
    main = next((k for k in range(a, b) if doc[k].lower_ in lex.subordinate
                 and not (k > a and _opens_complement(doc, k, lex))), b)
    if not topic & _stems(doc, a, b) and not _APPLICATION.search(doc[a:b].text):
        return False
    governors = [g for g in range(a, b) if doc[g].lower_ in lex.nouns or doc[g].lower_ in lex.verbs]
    if any(negates_governor(doc, c, governors, lex) for c in cues if c < main):
        return True
    text = fold(doc[a:main].text)
    return bool(NOT_APPLICABLE_AFTER.search(text) or NOT_REQUIRED_AFTER.search(text))


# Words that say something exists: "non vi è", "non c'è", "there is no", "il n'y a pas",
# "no hay", "er is geen", "es gibt kein".
_EXISTENTIAL = frozenset({"vi", "c'", "c’", "esiste", "esistono", "sussiste", "sussistono",
                          "there", "y", "hay", "existe", "existen", "er", "gibt"})


# Copulas whose "that" clause is their content ("the position is that ...", "l'avviso è
# che ...", "die Auffassung ist, dass ...").
_COPULAS = frozenset({"is", "was", "are", "were", "è", "e'", "est", "es", "era", "ist", "war",
                      "blijft"})


def _opens_complement(doc: Doc, k: int, lex: Lexicon) -> bool:
    """The subordinate word at doc[k] opens the complement of a verb of view or of a
    copula (a comma between them allowed)."""
    before = k - 1 if doc[k - 1].text != "," or k < 2 else k - 2
    return doc[before].lower_ in lex.verbs or doc[before].lower_ in _COPULAS


def _denies_existence(doc: Doc, opening: list[int], outside: list[int]) -> bool:
    """The value opens by denying that something exists: a cue and a word of existence
    among its first three words."""
    return (any(doc[k].lower_ in _EXISTENTIAL for k in opening)
            and any(k in outside for k in opening))

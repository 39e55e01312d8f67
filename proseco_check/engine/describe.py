"""Rules described for people: the engine side of what renderers print about a rule.

`describe_rule` turns a pack rule into a `RuleInfo` (model/rule_info.py): its titles,
messages, model clauses, references, and its good and bad examples with the words its
patterns match, as whole-word spans. Matching runs on accent-folded text, which keeps
its length, so the spans point into the original text. Renderers import the model only:
they never load a pack or run a pattern (`describe_report` fills `Report.rules`)."""

from __future__ import annotations

import regex

from proseco_check.clauses import model_cache
from proseco_check.clauses.patterns import REGEX_TIMEOUT_S, compile_pattern
from proseco_check.clauses.prefilter import required_literals
from proseco_check.clauses.vocabulary import clause as clause_by_id
from proseco_check.engine.loader import builtin_packs, resolve_packs
from proseco_check.engine.schema import Example, Pack, Rule, Texts
from proseco_check.errors import ProsecoError
from proseco_check.model.report import Report
from proseco_check.model.rule_info import ExampleInfo, ReferenceInfo, RuleInfo, Span
from proseco_check.nlp.entities import lowered
from proseco_check.nlp.fold import fold
from proseco_check.nlp.regexes import compile_multiline


def pattern_sources(rule: Rule, lang: str) -> list[str]:
    """The expressions of the rule's clause and of its lawful alternative, in `lang`."""
    patterns = [p for clause_id in (rule.clause, rule.alternative) if clause_id
                for p in clause_by_id(clause_id).patterns.get(lang, [])]  # type: ignore[call-overload]
    sources: list[str] = []
    for pattern in patterns:
        sources.extend(pattern.any)
        for group in pattern.all:
            sources.extend(group)
    return list(dict.fromkeys(sources))


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_%"


def whole_words(text: str, span: Span) -> Span:
    """Widen a span to the words it touches: '3«0 per cento»' -> '«30 per cento»',
    '«derog»a' -> '«deroga»'."""
    start, end = span
    while start > 0 and _word_char(text[start - 1]) and _word_char(text[start]):
        start -= 1
    while end < len(text) and _word_char(text[end]) and end > start and \
            _word_char(text[end - 1]):
        end += 1
    # Numbers with separators stay whole: '1.500,00'.
    while start > 1 and text[start - 1] in ".," and text[start - 2].isdigit() \
            and text[start].isdigit():
        start -= 2
        while start > 0 and text[start - 1].isdigit():
            start -= 1
    return start, end


def _cannot_match(source: str, low: str) -> bool:
    """The expression lacks a literal every match of it holds (clauses/prefilter.py): no
    need to compile it to know it finds nothing here."""
    needs = required_literals(source)
    return needs is not None and not all(any(lit in low for lit in need) for need in needs)


def matched_spans(rule: Rule, text: str, lang: str) -> list[Span]:
    """Non-overlapping (start, end) spans of whole words, in order."""
    folded = fold(text)
    # On one line MULTILINE changes nothing, and the matcher has compiled those already.
    compile_one = compile_pattern if "\n" in folded else compile_multiline
    low = lowered(folded)
    spans: list[Span] = []
    for source in pattern_sources(rule, lang):
        if low is not None and _cannot_match(source, low):
            continue
        try:
            for match in compile_one(source).finditer(folded, timeout=REGEX_TIMEOUT_S):
                if match.end() > match.start():
                    spans.append(whole_words(text, match.span()))
        except (TimeoutError, regex.error):
            continue
    merged: list[Span] = []
    for start, end in sorted(spans):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _texts(texts: Texts | None) -> dict[str, str]:
    if texts is None:
        return {}
    return {lang: value for lang, value in texts.model_dump().items() if value}


def _example(rule: Rule, example: Example) -> ExampleInfo:
    return ExampleInfo(lang=example.lang, text=example.text, note=example.note,
                       spans=matched_spans(rule, example.text, example.lang))


def describe_rule(rule: Rule) -> RuleInfo:
    """The rule's description; the same rule (same JSON, same code) was described before
    when the per-user cache of validated models has it (clauses/model_cache.py): matching
    its examples compiles dozens of expressions in every language it has examples in."""
    # The highlights come from the clauses' patterns: they are part of the key.
    clauses = "|".join(clause_by_id(c).model_dump_json() for c in rule.clause_ids())
    key = model_cache.key_for_model(rule, "rule-info:" + clauses)
    cached = model_cache.load_model(key, RuleInfo)
    if cached is not None:
        return cached
    info = _describe(rule)
    model_cache.store(key, info)
    return info


def _describe(rule: Rule) -> RuleInfo:
    messages = {status: _texts(getattr(rule.message, status))
                for status in ("missing", "wrong", "present")}
    return RuleInfo(
        id=rule.id, name=rule.name, title=_texts(rule.title), category=rule.category,
        severity=rule.severity, evidence=rule.evidence, evidence_source=rule.evidence_source,
        type=rule.type,
        fix_by_jurisdiction={j: _texts(texts) for j, texts in rule.fix_by_jurisdiction.items()},
        references=[ReferenceInfo(law=r.law, article=r.article, comma=r.comma,
                                  letter=r.letter, version=r.version.isoformat(), url=r.url)
                    for r in rule.references],
        messages={k: v for k, v in messages.items() if v}, fix=_texts(rule.fix),
        good=[_example(rule, e) for e in rule.examples.good],
        bad=[_example(rule, e) for e in rule.examples.bad],
        section=rule.usual_section())


def _packs(names: list[str] | None) -> list[Pack]:
    try:
        packs = list(resolve_packs(names or None))
    except ProsecoError:
        packs = []
    if names:  # rules of the built-in packs stay reachable next to custom ones
        packs += [p for p in builtin_packs() if p not in packs]
    return packs


def find_rule(key: str, packs: list[str] | None = None) -> Rule | None:
    """The rule with this id or name (default: the built-in packs)."""
    for pack in _packs(packs):
        for rule in pack.rules:
            if key in (rule.id, rule.name):
                return rule
    return None


def describe_report(report: Report, packs: list[str] | None = None) -> Report:
    """Fill `report.rules` with the description of every rule a finding names."""
    wanted = {f.rule for doc in report.documents + report.judged() for f in doc.findings}
    for pack in _packs(packs):
        for rule in pack.rules:
            if rule.id in wanted and rule.id not in report.rules:
                report.rules[rule.id] = describe_rule(rule)
    return report

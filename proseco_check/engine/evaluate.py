"""Evaluate rules on one document: applicability, needs, the rule type's check, and a
Finding with its message, evidence, legal references and model clause."""

from __future__ import annotations

from typing import Any

from proseco_check.clauses.judge import ClauseJudge
from proseco_check.clauses.patterns import PatternTimeout
from proseco_check.engine.checks import CHECKS, Outcome
from proseco_check.engine.placeholders import fill
from proseco_check.engine.schema import Pack, Rule, Texts
from proseco_check.model.evidence import Evidence, quote_fingerprint
from proseco_check.model.facts import TenderFacts
from proseco_check.model.i18n import t
from proseco_check.model.report import Finding, ReferenceOut
from proseco_check.nlp.pipeline import has_annotation

MAX_EVIDENCE = 3


def fill_placeholders(template: str, facts: TenderFacts) -> str:
    """Model clauses carry {placeholders}: fill the ones the facts know, keep the rest
    visible so the buyer sees what to complete."""
    values: dict[str, str] = {}
    for name, value in facts.values().items():
        if value is None:
            continue
        if isinstance(value, float):
            values[name] = f"{value:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".") \
                if name.endswith("_eur") else f"{value:g}"
        elif isinstance(value, list):
            values[name] = ", ".join(value)
        else:
            values[name] = str(value)
    return fill(template, values)


def _subject_found(clause: str, judge: ClauseJudge) -> bool:
    try:
        return judge.verdict(clause).present
    except PatternTimeout:
        return False


def choose_fix(rule: Rule, facts: TenderFacts) -> Texts | None:
    """The model clause lawful in the document's jurisdiction first; the language picks
    the text within it. A Belgian tender in French gets Belgian law, not French law."""
    jurisdiction = facts.value("jurisdiction")
    if isinstance(jurisdiction, str) and jurisdiction in rule.fix_by_jurisdiction:
        return rule.fix_by_jurisdiction[jurisdiction]
    return rule.fix


def evaluate_rule(rule: Rule, judge: ClauseJudge, facts: TenderFacts, ui_lang: str) -> Finding:
    view = judge.view
    applies = rule.applies_when.evaluate(facts.values())
    detail: dict[str, Any] = {}
    if applies is False:
        outcome = Outcome("not_applicable")
    elif applies is None:
        unknown = [f for f in rule.applies_when.facts_used() if facts.value(f) is None]
        outcome = Outcome("not_applicable", detail={"unknown_facts": unknown})
    elif rule.applies_if_found and not _subject_found(rule.applies_if_found, judge):
        outcome = Outcome("not_applicable", detail={"subject_not_found": True})
    elif missing := [n for n in rule.needs if not has_annotation(view.nlp, n)]:
        outcome = Outcome("skipped", detail={"needs": missing})
    else:
        try:
            outcome = Outcome("skipped", detail={"no_patterns_for": view.language}) \
                if judge.verdict(rule.clause).unjudged else CHECKS[rule.type](rule, judge, facts)
        except PatternTimeout as exc:
            outcome = Outcome("skipped", detail={"pattern_timeout": str(exc)[:80]})
    detail.update(outcome.detail)
    if outcome.status == "missing" and view.document.pages_without_text:
        detail["pages_without_text"] = view.document.pages_without_text
    evidence = [Evidence.of(m.sentence, focus=m.start) for m in outcome.matches[:MAX_EVIDENCE]]
    evidence += outcome.extra_evidence[: MAX_EVIDENCE - len(evidence)]
    messages = rule.message
    text = {"missing": messages.missing, "wrong": messages.wrong}.get(outcome.status) \
        or messages.present
    fix = None
    if outcome.status in ("missing", "wrong"):
        texts = choose_fix(rule, facts)
        if texts:
            fix = fill_placeholders(texts.get(view.language if view.language in (
                "it", "en", "fr", "es", "nl", "de") else ui_lang), facts)
    message = _status_message(outcome, text.get(ui_lang), ui_lang)
    if "pages_without_text" in detail:
        # Not "missing" as if the text were all there: say where it cannot be seen.
        pages = ", ".join(str(p) for p in detail["pages_without_text"][:20])
        message += " " + t("missing.unreadable_pages", ui_lang, pages=pages)
    return Finding(
        rule=rule.id, name=rule.name, title=rule.title.get(ui_lang), category=rule.category,
        section=rule.usual_section(),
        status=outcome.status, severity=rule.severity,
        message=message,
        references=[ReferenceOut(law=r.law, article=r.article, comma=r.comma,
                                 letter=r.letter, version=r.version.isoformat(), url=r.url)
                    for r in rule.references],
        evidence_level=rule.evidence, evidence_source=rule.evidence_source,
        location=evidence[0] if evidence else None, evidence=evidence, fix=fix,
        fingerprint=quote_fingerprint(rule.id, evidence, outcome.status), detail=detail,
    )


def _why_skipped(detail: dict[str, Any], ui_lang: str) -> str:
    """Why a rule was skipped, in words (catalogue keys reason.*)."""
    parts = []
    for key, value in detail.items():
        if key == "needs":
            parts.append(t("reason.needs", ui_lang, what=", ".join(value)))
        elif key == "no_patterns_for":
            parts.append(t("reason.no_patterns_for", ui_lang, lang=value))
        elif key == "pattern_timeout":
            parts.append(t("reason.pattern_timeout", ui_lang, pattern=value))
        else:
            parts.append(f"{key}: {value}")
    return "; ".join(parts)


def _status_message(outcome: Outcome, text: str, ui_lang: str) -> str:
    if outcome.status == "not_applicable":
        unknown = outcome.detail.get("unknown_facts") or outcome.detail.get("unknown_fact")
        if unknown:
            names = unknown if isinstance(unknown, list) else [unknown]
            return t("reason.unknown_facts", ui_lang, facts=", ".join(names))
        return t("reason.not_applicable", ui_lang)
    if outcome.status == "skipped":
        return t("reason.skipped", ui_lang, why=_why_skipped(outcome.detail, ui_lang))
    return text


def evaluate(packs: list[Pack], judge: ClauseJudge, facts: TenderFacts, ui_lang: str
             ) -> list[Finding]:
    """Every rule of the packs, on the document's clause verdicts (shared with facts and
    profile); selection by config happens later, in pipeline.run.apply_policy."""
    findings = [evaluate_rule(rule, judge, facts, ui_lang) for pack in packs
                for rule in pack.rules]
    return sort_findings(findings)


_STATUS_ORDER = {"wrong": 0, "missing": 1, "elsewhere": 2, "present": 3, "not_applicable": 4,
                 "skipped": 5}
_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Problems first, by severity; then what is present; stable by rule id."""
    return sorted(findings, key=lambda f: (_STATUS_ORDER[f.status], _SEVERITY_ORDER[f.severity],
                                           f.rule))

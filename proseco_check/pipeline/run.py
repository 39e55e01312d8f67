"""The one way data flows: read -> NLP view -> facts -> rules -> policy -> score -> Report.

The policy step (config selection and severities, suppressions, baseline) happens in one
place, `apply_policy`, before scoring, in the main process: workers only analyse.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from proseco_check.clauses.judge import ClauseJudge
from proseco_check.engine.evaluate import evaluate, sort_findings
from proseco_check.engine.loader import packs_for, resolve_packs
from proseco_check.engine.schema import Pack
from proseco_check.errors import InputError
from proseco_check.facts.registry import extract_facts
from proseco_check.model.document import Document
from proseco_check.model.facts import TenderFacts
from proseco_check.model.i18n import resolve_ui_lang, t
from proseco_check.model.report import DocumentResult, Finding, unevaluated
from proseco_check.nlp import build_view
from proseco_check.pipeline.placement import place_findings
from proseco_check.pipeline.policy.baseline import Baseline
from proseco_check.pipeline.policy.config import LoadedConfig, check_selectors, repository_root
from proseco_check.pipeline.policy.select import RuleKey
from proseco_check.pipeline.policy.suppressions import (
    SuppressionFile,
    check_rules,
    waive_from_comments,
)
from proseco_check.pipeline.score import score
from proseco_check.profile.build import build_profile
from proseco_check.readers import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_PAGES,
    SUPPORTED_SUFFIXES,
    read_document,
)
from proseco_check.readers.budget import DEFAULT_MAX_CHARS


@dataclass
class Policy:
    """What the project decided about findings: the config, suppressions, a baseline."""

    config: LoadedConfig | None = None
    suppressions: SuppressionFile | None = None
    baseline: Baseline | None = None
    # Read `proseco: ignore` Word comments; they count only if the config enables them.
    waivers: bool = True
    today: dt.date = field(default_factory=dt.date.today)
    known_rules: set[str] = field(default_factory=set)
    # --ui-lang: the language of the notices (a document's: as its findings speak).
    ui_lang: str | None = None

    def prepare(self, packs: list[Pack]) -> None:
        """Fail fast (exit 2) on selectors or suppressions naming no loaded rule."""
        rules = [r for p in packs for r in p.rules]
        self.known_rules = {r.id for r in rules} | {r.name for r in rules}
        if self.config is not None:
            check_selectors(self.config, rules)
        if self.suppressions is not None:
            check_rules(self.suppressions, self.known_rules)

    def notices(self, lang: str = "en") -> list[str]:
        out: list[str] = []
        if self.suppressions is not None:
            out.extend(self.suppressions.notices(self.today, lang))
        if self.baseline is not None:
            out.extend(self.baseline.notices(lang))
        return out


@dataclass
class Options:
    packs: list[str] | None = None
    facts: dict[str, str] = field(default_factory=dict)
    lang: str | None = None
    ui_lang: str | None = None
    password: str | None = None
    allow_trained: bool = True
    max_bytes: int = DEFAULT_MAX_BYTES
    max_pages: int = DEFAULT_MAX_PAGES
    max_chars: int = DEFAULT_MAX_CHARS
    ocr: bool = False
    jobs: int = 1
    progress: bool = False
    policy: Policy | None = None
    # rule id -> measured recall, from "eval --write-recall" (check --recall).
    recall: dict[str, dict[str, Any]] | None = None
    # When set, each document read in this process is kept here by path, so that
    # --annotate writes the very document that was checked instead of reading it again.
    documents: dict[str, Document] | None = None
    # Seconds one document may take (check --timeout); past it the document becomes an
    # error and the others go on. 0: no budget.
    timeout: float = 300.0
    # check --procedure: judge the documents of each folder (and the files named) as one
    # tender too (pipeline/procedure.py).
    procedure: bool = False


# Files a folder of tenders usually also holds; named explicitly they are still checked.
_NOT_TENDERS = frozenset({"README", "CHANGELOG", "LICENSE"})


def expand_paths(paths: list[Path], notices: list[str] | None = None, lang: str = "en"
                 ) -> list[Path]:
    """Files as given; folders searched recursively for supported documents, sorted
    (hidden folders and README/CHANGELOG/LICENSE files skipped). A symbolic link whose
    target lies outside the checked folder is skipped with a notice (in `notices`, in
    `lang`); a file named on the command line that links outside the repository is
    refused."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            root = path.resolve()
            found = sorted(p for p in path.rglob("*")
                           if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                           and p.stem.upper() not in _NOT_TENDERS
                           and not any(part.startswith(".")
                                       for part in p.relative_to(path).parts))
            inside = [p for p in found if p.resolve().is_relative_to(root)]
            if notices is not None:
                notices += [t("notice.link_skipped", lang, path=p, folder=path)
                            for p in found if p not in inside]
            if not inside:
                raise InputError(path, "input.folder_empty")
            files.extend(inside)
        else:
            if path.is_symlink() and not any(
                    path.resolve().is_relative_to(root)
                    for root in (repository_root(), path.absolute().parent.resolve())):
                raise InputError(path, "input.link_outside")
            files.append(path)
    return files


MAX_PAGE_NOTICES = 50


def add_measured_recall(findings: list[Finding], recall: dict[str, dict[str, Any]],
                         ui_lang: str) -> None:
    """Next to a missing verdict, how often the rule found the clause on labelled
    documents that had it: a buyer can tell 'certainly missing' from 'not found'."""
    for finding in findings:
        measured = recall.get(finding.rule)
        if finding.status != "missing" or not measured or measured.get("recall") is None:
            continue
        finding.detail["measured_recall"] = measured
        total = int(measured.get("found", 0)) + int(measured.get("missed", 0))
        finding.message += " " + t("recall.measured", ui_lang, found=measured.get("found"),
                                   total=total, recall=f"{float(measured['recall']):.2f}")


def analyse_document(path: Path, options: Options, packs: list[Pack] | None = None
                     ) -> DocumentResult:
    """Read, analyse and evaluate one document: every finding, before any policy. The
    seconds each stage took are kept on the result (`timings`, shown by --verbose)."""
    clock = _Stopwatch()
    document = read_document(path, password=options.password, max_bytes=options.max_bytes,
                             max_pages=options.max_pages, ocr=options.ocr,
                             max_chars=options.max_chars)
    if options.documents is not None:
        options.documents[str(path)] = document
    clock.lap("read")
    all_packs = packs if packs is not None else resolve_packs(options.packs)
    # The lookup lemmatizer only runs when a selected rule declares it needs lemmas.
    needs = frozenset(n for p in all_packs for r in p.rules for n in r.needs)
    view = build_view(document, lang=options.lang, allow_trained=options.allow_trained,
                      needs=needs)
    clock.lap("nlp")
    # One verdict per clause per document: facts, rules and profile read the same ones.
    judge = ClauseJudge(view)
    facts = extract_facts(view, options.facts, judge)
    clock.lap("facts")
    ui_lang = resolve_ui_lang(options.ui_lang, view.language)
    jurisdiction = facts.value("jurisdiction")
    selected = all_packs if options.packs else packs_for(
        all_packs, jurisdiction if isinstance(jurisdiction, str) else None)
    findings = sort_findings(place_findings(evaluate(selected, judge, facts, ui_lang),
                                            facts.facts, view.language, ui_lang))
    if options.recall:
        add_measured_recall(findings, options.recall, ui_lang)
    clock.lap("rules")
    # One notice per unreadable page (at most MAX_PAGE_NOTICES), in the interface language.
    notices = [t("notice.page_without_text", ui_lang, page=page)
               for page in document.pages_without_text[:MAX_PAGE_NOTICES]]
    if facts.value("is_tender") is False:
        notices.append(t("notice.not_a_tender", ui_lang))
    notices += [t("notice.unevaluated", ui_lang, rule=f.rule, why=f.message)
                for f in findings if unevaluated(f)]
    profile = build_profile(judge, facts)
    notices += [t("notice.clause_timeout", ui_lang, clause=c) for c in judge.timed_out()]
    clock.lap("profile")
    result = DocumentResult(
        path=str(path), language=view.language, nlp_mode=view.nlp_mode,
        packs=[p.pack.id for p in selected], facts=facts.facts,
        profile=profile, findings=findings, notices=notices,
        score=score(findings, facts),
    )
    if result.score.not_assessable:
        result.notices.append(t(f"notice.not_assessable.{result.score.not_assessable}", ui_lang,
                                  n=result.score.assessed))
    result.set_timings(clock.laps)
    return result


class _Stopwatch:
    """Seconds between laps, by stage name."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.laps[stage] = round(now - self._last, 4)
        self._last = now


def apply_policy(doc: DocumentResult, policy: Policy) -> DocumentResult:
    """Severity overrides, then rule selection, then in-document waivers, suppressions
    and the baseline; then the score, from the findings that still count."""
    config = policy.config
    if config is not None:
        severities = config.severities_for(doc.path)
        for finding in doc.findings:
            new = severities.get(finding.rule) or severities.get(finding.name)
            if new:
                finding.severity = new
        doc.findings = [f for f in doc.findings if config.selects(
            RuleKey(f.rule, f.name, f.category, f.severity), doc.path)]
    if policy.waivers and Path(doc.path).suffix.lower() == ".docx":
        known = policy.known_rules or ({f.rule for f in doc.findings}
                                       | {f.name for f in doc.findings})
        waive_from_comments(doc, config, known, resolve_ui_lang(policy.ui_lang, doc.language))
    if policy.suppressions is not None:
        policy.suppressions.apply(doc, policy.today)
    if policy.baseline is not None:
        policy.baseline.apply(doc)
    doc.findings = sort_findings(doc.findings)
    doc.suppressed = sum(1 for f in doc.findings if f.suppressed)
    doc.baselined = sum(1 for f in doc.findings if f.baselined)
    doc.score = score([f for f in doc.findings if not (f.suppressed or f.baselined)],
                      TenderFacts(facts=doc.facts))
    return doc


def document_options(path: Path, options: Options) -> Options:
    """The options for one document: config facts (global, then the overrides matching
    its path) under the command line's --fact values; no policy (workers only analyse)."""
    policy = options.policy
    facts = dict(options.facts)
    if policy is not None and policy.config is not None:
        facts = {**policy.config.facts_for(path), **options.facts}
    return dataclasses.replace(options, facts=facts, policy=None, progress=False)


def check_document(path: Path, options: Options, packs: list[Pack] | None = None
                   ) -> DocumentResult:
    policy = options.policy or Policy()
    return apply_policy(analyse_document(path, document_options(path, options), packs), policy)

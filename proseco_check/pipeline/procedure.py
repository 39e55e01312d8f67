"""`check --procedure`: the documents of one tender judged as one.

Each file is first analysed alone (pipeline/run.py). Then, per procedure:
- facts merge with provenance (`Fact.file`): a value found in the text beats a derived
  or assumed one, and between documents that state a fact the most authoritative kind
  wins (the notice or bando is the published act; then the rules of the procedure, the
  specifications, the contract, a form). A conflict is said in a notice naming both
  files and the value kept;
- the documents' blocks are joined into one text, each block keeping its file
  (`Location.file`, so every quote names its file), and the rules run once over it: a
  clause present in any document is present;
- profile, findings and score are computed once. No "elsewhere" here: the procedure is
  where every clause is expected.

A folder argument is one procedure; the files named on the command line form one more.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from proseco_check.clauses.judge import ClauseJudge
from proseco_check.engine.evaluate import evaluate
from proseco_check.engine.loader import packs_for
from proseco_check.engine.schema import Pack
from proseco_check.facts.registry import derive_facts
from proseco_check.model.document import Document
from proseco_check.model.facts import Fact, TenderFacts
from proseco_check.model.i18n import resolve_ui_lang, t
from proseco_check.model.report import DocumentResult, ProcedureResult
from proseco_check.nlp import build_view
from proseco_check.pipeline.run import Options, Policy, add_measured_recall, apply_policy
from proseco_check.pipeline.score import score
from proseco_check.profile.build import build_profile
from proseco_check.readers import read_document

# Most authoritative first: the published call, the rules of the procedure, the
# specifications, the contract, then forms and documents of unknown kind.
AUTHORITY: tuple[str, ...] = ("notice", "bando", "disciplinare", "rc", "pcap", "capitolato",
                              "ccap", "cctp", "ppt", "contract", "form")
FOUND = ("text", "user")


def procedure_groups(paths: list[Path], files: list[Path]) -> list[tuple[str, list[Path]]]:
    """(procedure path, its files): each folder argument is one procedure; the files named
    on the command line form one more, labelled by their common folder."""
    groups: list[tuple[str, list[Path]]] = []
    loose: list[Path] = []
    taken: set[Path] = set()  # a file named and inside a named folder counts once
    for path in paths:
        if path.is_dir():
            inside = [f for f in files if f.is_relative_to(path) and f not in taken]
            if inside:
                groups.append((str(path), inside))
                taken.update(inside)
    for path in paths:
        if not path.is_dir() and path in files and path not in taken:
            loose.append(path)
            taken.add(path)
    if loose:
        parents = {str(p.parent) for p in loose}
        label = parents.pop() if len(parents) == 1 else " + ".join(str(p) for p in loose)
        groups.append((label, loose))
    return groups


def rank(doc: DocumentResult) -> int:
    fact = doc.facts.get("document_kind")
    kind = fact.value if fact is not None else None
    return AUTHORITY.index(kind) if kind in AUTHORITY else len(AUTHORITY)


def _stamped(fact: Fact, path: str) -> Fact:
    """The fact with its file: on the fact and on each of its quotes."""
    evidence = [e.model_copy(update={"file": path}) for e in fact.evidence]
    return fact.model_copy(update={"file": path, "evidence": evidence})


def merge_facts(docs: list[DocumentResult], ui_lang: str) -> tuple[dict[str, Fact], list[str]]:
    """One value per fact, from the documents ordered most authoritative first; the
    notices say where two documents stated different values."""
    names = list(dict.fromkeys(n for d in docs for n in d.facts))
    merged: dict[str, Fact] = {}
    notices: list[str] = []
    for name in names:
        candidates = [(d, d.facts[name]) for d in docs if name in d.facts]
        # Stated: a user's value, or a value the text shows (with its quotes). "No
        # installation words found" in the bando is not a statement against the
        # capitolato that describes the installation.
        found = [(d, f) for d, f in candidates if f.value is not None and f.source in FOUND
                 and (f.evidence or f.source == "user")]
        known = found or [(d, f) for d, f in candidates if f.value is not None]
        doc, fact = (known or candidates)[0]
        merged[name] = _stamped(fact, doc.path)
        other = next(((d, f) for d, f in found[1:] if f.value != fact.value
                      and f.source != "user"), None)
        if other is not None and name != "document_kind":
            notices.append(t("procedure.conflict", ui_lang, fact=name, value=fact.value,
                             file=doc.path, other_value=other[1].value, other=other[0].path))
    # The procedure has no kind of its own; it is a tender when one of its documents is.
    merged["document_kind"] = Fact(value=None, source="derived")
    merged["is_tender"] = Fact(value=any(d.facts.get("is_tender", Fact()).value is True
                                         for d in docs), source="derived")
    # Thresholds and the art. 77 list again, from the merged facts (a value in the
    # capitolato, a launch date in the bando); a user's value still wins.
    derive_facts(merged)
    merged.update(_user_facts(docs))
    return merged, notices


def _user_facts(docs: list[DocumentResult]) -> dict[str, Fact]:
    """The facts the user gave (--fact), as every document carries them."""
    return {n: f for d in docs for n, f in d.facts.items() if f.source == "user"}


def joined_document(path: str, documents: list[Document]) -> Document:
    """The documents' blocks one after the other, each block keeping its file."""
    blocks = [b.model_copy(update={"location": b.location.model_copy(update={"file": d.path})})
              for d in documents for b in d.blocks]
    return Document(path=path, format=documents[0].format, blocks=blocks,
                    pages_without_text=sorted({p for d in documents
                                               for p in d.pages_without_text}))


def judge_procedure(path: str, docs: list[DocumentResult], packs: list[Pack],
                    options: Options) -> ProcedureResult:
    """The procedure's facts, findings, profile and score (before any policy)."""
    ordered = sorted(docs, key=rank)
    lang = ordered[0].language
    ui_lang = resolve_ui_lang(options.ui_lang, lang)
    facts, notices = merge_facts(ordered, ui_lang)
    cache = options.documents or {}
    documents = [cache.get(d.path) or read_document(
        Path(d.path), password=options.password, max_bytes=options.max_bytes,
        max_pages=options.max_pages, ocr=options.ocr, max_chars=options.max_chars)
        for d in ordered]
    needs = frozenset(n for p in packs for r in p.rules for n in r.needs)
    view = build_view(joined_document(path, documents), lang=options.lang or lang,
                      allow_trained=options.allow_trained, needs=needs)
    tender = TenderFacts(facts=facts)
    jurisdiction = tender.value("jurisdiction")
    selected = packs if options.packs else packs_for(
        packs, jurisdiction if isinstance(jurisdiction, str) else None)
    judge = ClauseJudge(view)
    findings = evaluate(selected, judge, tender, ui_lang)
    if options.recall:
        add_measured_recall(findings, options.recall, ui_lang)
    notices.insert(0, t("procedure.documents", ui_lang, n=len(ordered), files=", ".join(
        f"{d.path} ({d.facts.get('document_kind', Fact()).value or '?'})"
        for d in ordered)))
    result = ProcedureResult(
        path=path, documents=[d.path for d in ordered], language=view.language,
        nlp_mode=view.nlp_mode, packs=[p.pack.id for p in selected], facts=facts,
        profile=build_profile(judge, tender), findings=findings,
        notices=notices, score=score(findings, tender))
    if result.score.not_assessable:
        result.notices.append(t(f"notice.not_assessable.{result.score.not_assessable}",
                                ui_lang, n=result.score.assessed))
    return result


def judge_procedures(paths: list[Path], files: list[Path], documents: list[DocumentResult],
                     options: Options, packs: list[Pack], policy: Policy
                     ) -> list[ProcedureResult]:
    """Every procedure of the run, each with the project's policy applied; a file that
    could not be read is left out of its procedure (it is reported as an error)."""
    by_path = {d.path: d for d in documents}
    out: list[ProcedureResult] = []
    for label, group in procedure_groups(paths, files):
        docs = [by_path[str(f)] for f in group if str(f) in by_path]
        if docs:
            procedure = judge_procedure(label, docs, packs, replace(options, policy=None))
            apply_policy(procedure, policy)
            out.append(procedure)
    return out

"""The one way data flows: read -> NLP view -> facts -> rules -> score -> Report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .engine.evaluate import evaluate
from .engine.loader import packs_for, resolve_packs
from .engine.schema import Pack
from .errors import InputError
from .facts import extract_facts
from .nlp import build_view
from .profile import build_profile
from .readers import DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES, SUPPORTED_SUFFIXES, read_document
from .result import DocumentError, DocumentResult, Report
from .scoring import score


@dataclass
class Options:
    packs: list[str] | None = None
    facts: dict[str, str] = field(default_factory=dict)
    lang: str | None = None
    ui_lang: str | None = None
    password: str | None = None
    allow_trained: bool = True
    only_rules: set[str] | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    max_pages: int = DEFAULT_MAX_PAGES


# Files a folder of tenders usually also holds; named explicitly they are still checked.
_NOT_TENDERS = ("README", "CHANGELOG", "LICENSE")


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files as given; folders searched recursively for supported documents, sorted
    (hidden folders and README/CHANGELOG/LICENSE files skipped)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*")
                           if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                           and not p.stem.upper().startswith(_NOT_TENDERS)
                           and not any(part.startswith(".") for part in p.parts))
            if not found:
                raise InputError(path, "the folder contains no PDF, DOCX, TXT or Markdown file")
            files.extend(found)
        else:
            files.append(path)
    return files


def check_document(path: Path, options: Options, packs: list[Pack] | None = None
                   ) -> DocumentResult:
    document = read_document(path, password=options.password, max_bytes=options.max_bytes,
                             max_pages=options.max_pages)
    view = build_view(document, lang=options.lang, allow_trained=options.allow_trained)
    facts = extract_facts(view, options.facts)
    ui_lang = options.ui_lang or (view.language if view.language in ("it", "en") else "en")
    all_packs = packs if packs is not None else resolve_packs(options.packs)
    selected = all_packs if options.packs else packs_for(all_packs, facts.value("jurisdiction"))
    findings = evaluate(selected, view, facts, ui_lang, options.only_rules)
    notices = []
    if document.pages_without_text:
        pages = ", ".join(str(p) for p in document.pages_without_text[:20])
        notices.append(f"pages without a text layer (scanned?): {pages}; clauses on them "
                       "cannot be seen, run OCR first")
    if facts.value("is_tender") is False:
        notices.append("this does not look like a procurement document")
    return DocumentResult(
        path=str(path), language=view.language, nlp_mode=view.nlp_mode,
        packs=[p.pack.id for p in selected], facts=facts.facts,
        profile=build_profile(view, facts), findings=findings, notices=notices,
        score=score(findings),
    )


def check_paths(paths: list[Path], options: Options) -> Report:
    packs = resolve_packs(options.packs)
    documents: list[DocumentResult] = []
    errors: list[DocumentError] = []
    for path in expand_paths(paths):
        try:
            documents.append(check_document(path, options, packs))
        except InputError as exc:
            errors.append(DocumentError(path=str(path), error=exc.one_line()))
    return Report(tool={"name": "proseco-check", "version": __version__},
                  documents=documents, errors=errors)

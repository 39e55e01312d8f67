"""Start-up paid once for a batch: before the worker processes fork, the parent builds
the spaCy pipelines of the languages the files are written in (guessed from their first
pages), compiles the packs' patterns for those languages and freezes what it loaded out
of the garbage collector's way; the biggest files go first, so a long one does not start
last and keep one worker busy alone at the end.

A wrong guess costs only time: a worker that meets another language builds its pipeline
itself, and every document is still analysed in full by the worker.
"""

from __future__ import annotations

import contextlib
import gc
import re
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from proseco_check.engine.schema import Pack
    from proseco_check.pipeline.run import Options

SAMPLE_CHARS = 20_000
_PDF_PAGES = 3
_XML_TAG = re.compile(r"<[^>]{0,2000}>")
# The collector's first threshold: a check allocates millions of small objects that
# live as long as the document (tokens' spans, sentences, matches); collecting them
# every 700 allocations costs a tenth of the run and frees nothing.
GC_THRESHOLD = (50_000, 20, 20)
_gc_tuned = False


def tune_gc() -> None:
    """Once per process: move what is loaded so far (modules, packs, pipelines) out of
    the collector's reach and collect young objects less often."""
    global _gc_tuned
    if _gc_tuned:
        return
    _gc_tuned = True
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)


def tune_gc_again() -> None:
    """After warm_up: freeze the pipelines and patterns just built too, so that forked
    workers neither scan nor copy them."""
    if _gc_tuned:
        gc.collect()
        gc.freeze()


def largest_first(files: Sequence[Path]) -> list[int]:
    """Indices of `files`, biggest first (unreadable ones last, in input order)."""
    def size(i: int) -> int:
        try:
            return files[i].stat().st_size
        except OSError:
            return -1

    return sorted(range(len(files)), key=lambda i: -size(i))


def sample_text(path: Path) -> str:
    """A few thousand characters from the start of a document, cheaply; '' when it cannot
    be had (the worker will then find out for itself)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(SAMPLE_CHARS)
        if head.startswith(b"%PDF"):
            return _pdf_sample(path)
        if head.startswith(b"PK\x03\x04"):
            return _docx_sample(path)
        return head.decode("utf-8", "replace")
    except Exception:  # a guess only: any failure means "no guess"
        return ""


def _pdf_sample(path: Path) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        parts = []
        for i in range(min(_PDF_PAGES, len(document))):
            page = document[i]
            textpage = page.get_textpage()
            parts.append(textpage.get_text_range()[:SAMPLE_CHARS])
            textpage.close()
            page.close()
        return "\n".join(parts)
    finally:
        document.close()


def _docx_sample(path: Path) -> str:
    with zipfile.ZipFile(path) as archive, archive.open("word/document.xml") as part:
        xml = part.read(SAMPLE_CHARS * 8).decode("utf-8", "replace")
    return _XML_TAG.sub(" ", xml)


def languages(files: Iterable[Path], options: Sequence[Options]) -> set[str]:
    """The languages the documents are likely written in (a --lang given wins)."""
    from proseco_check.nlp.langdetect import SUPPORTED, detect_language

    found: set[str] = set()
    for path, opts in zip(files, options, strict=True):
        if opts.lang in SUPPORTED:
            found.add(str(opts.lang))
            continue
        text = sample_text(path)
        if text.strip():
            found.add(detect_language(text)[0])
    return found


def warm_up(files: Sequence[Path], options: Sequence[Options], packs: list[Pack] | None) -> None:
    """Build in this process what every worker would otherwise build again."""
    from proseco_check.clauses.vocabulary import clause as clause_by_id
    from proseco_check.engine.loader import resolve_packs
    from proseco_check.nlp.pipeline import build_pipeline
    from proseco_check.nlp.regexes import compile_all

    if not options:
        return
    first = options[0]
    all_packs = packs if packs is not None else resolve_packs(first.packs)
    lemmas = any("LEMMA" in r.needs for p in all_packs for r in p.rules)
    for lang in sorted(languages(files, options)):
        with contextlib.suppress(Exception):  # the worker will report any real problem
            build_pipeline(lang, first.allow_trained, lemmas=lemmas)
        clause_ids = {c for pack in all_packs for rule in pack.rules for c in rule.clause_ids()}
        for clause_id in sorted(clause_ids):
            for pattern in clause_by_id(clause_id).patterns.get(lang, []):  # type: ignore[call-overload]
                with contextlib.suppress(Exception):
                    compile_all(tuple(pattern.any))
                    for group in pattern.all:
                        compile_all(tuple(group))
                    compile_all(tuple(pattern.none))

"""Start-up paid once for a batch, and files routed so that each pipeline is built once:
the files' languages are guessed from their first pages; a language holding more than a
worker's share of the work has its spaCy pipeline built (and its packs' patterns
compiled) in the parent before the workers fork; the other languages are built by the
worker that takes their first file, which then keeps taking that language's files
(Schedule), biggest first, so a long file does not start last. What is loaded is frozen
out of the garbage collector's way.

A wrong guess costs only time: a worker that meets another language builds its pipeline
itself, and every document is still analysed in full by the worker.
"""

from __future__ import annotations

import contextlib
import gc
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
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
    the collector's reach and collect young objects less often. No collection first: it
    would scan a million objects (75 ms) to free the few hundred cycles the imports left,
    which stay frozen instead (before a fork, tune_gc_again does collect)."""
    global _gc_tuned
    if _gc_tuned:
        return
    _gc_tuned = True
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)


@contextlib.contextmanager
def without_collection(active: bool = True) -> Iterator[None]:
    """No automatic collection while one document is checked (`active`): what it
    allocates lives until it is done, so a collection then only scans it. Afterwards what
    is still alive is frozen, as tune_gc froze what the imports loaded: the patterns,
    lexicons and pipeline built on first use, and the result. The next collection would
    otherwise scan them all (about 90,000 objects, 25 ms on 200 pages) to free the
    document's few cyclic leftovers (about 1,600 objects), which stay: the process checks
    no other document and ends after its report. Once per process (a process that runs
    the command again, such as a test session, collects as before)."""
    if not active:
        yield
        return
    with _paused("document"):
        yield


_frozen: set[str] = set()


def _freeze_once(moment: str) -> None:
    if moment not in _frozen:
        _frozen.add(moment)
        gc.freeze()


@contextlib.contextmanager
def loading() -> Iterator[None]:
    """No collection while the modules and data of a check load: spaCy, pydantic and the
    packs allocate hundreds of thousands of objects that live as long as the process, and
    the collections their loading triggers (three of 50,000 young objects, about 40 ms)
    free nothing. What they loaded is frozen afterwards, as tune_gc does, once per
    process."""
    with _paused("loading"):
        yield


@contextlib.contextmanager
def _paused(moment: str) -> Iterator[None]:
    """Collection off for the block, then what is alive frozen (once per moment and
    process); nothing changes when collection was off already."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        _freeze_once(moment)
        gc.enable()


def tune_gc_again() -> None:
    """After warm_up: freeze the pipelines and patterns just built too, so that forked
    workers neither scan nor copy them."""
    if _gc_tuned:
        gc.collect()
        gc.freeze()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return -1


def largest_first(files: Sequence[Path]) -> list[int]:
    """Indices of `files`, biggest first (unreadable ones last, in input order)."""
    return sorted(range(len(files)), key=lambda i: -_size(files[i]))


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


def language_of(path: Path, options: Options) -> str:
    """The language the document is likely written in (a --lang given wins); '' when no
    text could be sampled."""
    from proseco_check.nlp.langdetect import SUPPORTED, detect_language

    if options.lang in SUPPORTED:
        return str(options.lang)
    text = sample_text(path)
    return detect_language(text)[0] if text.strip() else ""


def languages(files: Iterable[Path], options: Sequence[Options]) -> set[str]:
    """The languages the documents are likely written in (a --lang given wins)."""
    return {lang for path, opts in zip(files, options, strict=True)
            if (lang := language_of(path, opts))}


class Schedule:
    """Which file a worker takes next: the biggest one in a language whose pipeline it
    has (or the parent built: `shared`); else the biggest file of the language with the
    most work left that no other worker has started, so each pipeline is built once (a
    French blank pipeline alone takes seconds); else none: the worker is done. A language
    with more than a worker's share of the work is shared, so no worker is left alone
    with more than about its share."""

    def __init__(self, files: Sequence[Path], langs: Sequence[str], jobs: int) -> None:
        order = largest_first(files)
        self.size = {i: _size(files[i]) for i in order}
        self.pending: dict[str, list[int]] = {}
        for i in order:
            self.pending.setdefault(langs[i], []).append(i)
        total = sum(max(v, 0) for v in self.size.values())
        load = self.load
        # A language over a worker's share keeps several workers busy: build it once, here.
        self.shared = {lang for lang in self.pending
                       if lang and jobs > 1 and load(lang) * jobs > total}
        self.started: set[str] = {""} | self.shared

    def load(self, lang: str) -> int:
        return sum(max(self.size[i], 0) for i in self.pending[lang])

    def next_for(self, built: set[str]) -> int | None:
        left = [lang for lang, files in self.pending.items() if files]
        if not left:
            return None
        ready = [lang for lang in left if lang in built or lang in self.shared or not lang]
        if ready:
            lang = max(ready, key=lambda k: self.size[self.pending[k][0]])
        else:
            fresh = [lang for lang in left if lang not in self.started]
            if not fresh:  # building another worker's pipeline again costs more than waiting
                return None
            lang = max(fresh, key=self.load)
            self.started.add(lang)
            built.add(lang)
        return self.pending[lang].pop(0)


def warm_up(files: Sequence[Path], options: Sequence[Options], packs: list[Pack] | None,
            only: set[str] | None = None) -> None:
    """Build in this process what every worker would otherwise build again: for the
    languages `only` names, else for every language the files are guessed to be in."""
    from proseco_check.clauses.vocabulary import clause as clause_by_id
    from proseco_check.engine.loader import resolve_packs
    from proseco_check.nlp.pipeline import build_pipeline
    from proseco_check.nlp.regexes import compile_all

    if not options:
        return
    first = options[0]
    all_packs = packs if packs is not None else resolve_packs(first.packs)
    lemmas = any("LEMMA" in r.needs for p in all_packs for r in p.rules)
    for lang in sorted(languages(files, options) if only is None else only):
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

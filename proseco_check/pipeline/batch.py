"""Checking many documents: in this process or in N worker processes, results in input
order, a progress bar on stderr when it is a terminal. A document that fails, even by
crashing its worker process or by running past its time budget (--timeout), becomes that
document's error; the others are kept. Workers fork after the packs and the pipelines
most files need are loaded (prefork.py), so start-up is paid once, and each is fed the
files of the languages it has built (workers.py)."""

from __future__ import annotations

import multiprocessing
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

from proseco_check.clauses import literals_cache
from proseco_check.errors import InputError
from proseco_check.model.i18n import resolve_ui_lang, t
from proseco_check.model.report import DocumentError, DocumentResult
from proseco_check.pipeline import prefork

# The module, not the function: looked up at call time, so a worker sees it as forked.
from proseco_check.pipeline import run as runner
from proseco_check.pipeline.workers import run_forked

if TYPE_CHECKING:
    from proseco_check.engine.schema import Pack

Outcome = DocumentResult | DocumentError


class DocumentTimeout(BaseException):
    """The document's time budget ran out. A BaseException, like KeyboardInterrupt, so
    that no `except Exception` on the way swallows it."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise DocumentTimeout in this thread after `seconds` (None or 0: no budget). Uses
    SIGALRM, so it works in the main thread of a POSIX process (the CLI and each worker);
    elsewhere the document runs without a budget."""
    usable = (seconds and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def expire(_signum: int, _frame: Any) -> None:
        raise DocumentTimeout()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, float(seconds or 0))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check_one(path: Path, options: runner.Options, packs: list[Pack] | None = None) -> Outcome:
    """One document's raw result, or its one-line error. Never raises."""
    budget = options.timeout
    lang = resolve_ui_lang(options.ui_lang)  # said again in the report's language later
    try:
        with time_budget(budget):
            return runner.analyse_document(path, options, packs)
    except DocumentTimeout:
        return DocumentError.of(path, "input.timeout", lang,
                                seconds=int(budget) if budget == int(budget) else budget)
    except InputError as exc:
        return DocumentError.of(path, exc.key, lang, **exc.values)
    except Exception as exc:  # a bug must not take the other documents down
        detail = " ".join(str(exc).split())[:200]
        return DocumentError.of(path, "input.internal", lang,
                                error=f"{type(exc).__name__}: {detail}")


def _work(path: str, options: runner.Options) -> Outcome:
    return check_one(Path(path), options)


def _context() -> Any:
    # fork: workers start without re-importing spaCy. The pool launches every worker at
    # the first submit, before the progress bar starts its thread.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork") if "fork" in methods else None


def _isolated(path: Path, options: runner.Options) -> Outcome:
    """Run one document alone in a fresh worker: tells a crashing file from its
    neighbours in a pool that broke."""
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=_context()) as pool:
            return pool.submit(_work, str(path), options).result()
    except BrokenProcessPool:
        return DocumentError.of(path, "input.crashed", resolve_ui_lang(options.ui_lang))


def _progress(total: int, enabled: bool, ui_lang: str | None = None
              ) -> tuple[AbstractContextManager[Any], Callable[[str], None]]:
    if not enabled or total < 1:
        return nullcontext(), lambda _name: None
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    lang = resolve_ui_lang(ui_lang)
    progress = Progress(TextColumn(f"[bold]{t('progress.checking', lang)}"), BarColumn(),
                        MofNCompleteColumn(), TimeElapsedColumn(),
                        TextColumn(t("progress.left", lang)), TimeRemainingColumn(),
                        TextColumn("{task.description}"),
                        console=Console(file=sys.stderr), transient=True)
    task = progress.add_task("", total=total)

    def advance(name: str) -> None:
        progress.update(task, advance=1, description=name)

    return progress, advance


def _forked(files: Sequence[Path], options: Sequence[runner.Options], jobs: int,
            packs: list[Pack] | None, progress: bool, context: Any) -> list[Outcome]:
    """Forked workers fed by the parent: each language's pipeline built once (by the
    parent when it is more than a worker's share of the work, else by the one worker
    that takes that language's files)."""
    langs = [prefork.language_of(path, opts) for path, opts in zip(files, options, strict=True)]
    schedule = prefork.Schedule(files, langs, jobs)
    prefork.warm_up(files, options, packs, only=schedule.shared)
    prefork.tune_gc_again()

    def failed(i: int, exc: BaseException) -> Outcome:  # pickling trouble and the like
        return DocumentError.of(files[i], "input.internal", resolve_ui_lang(options[i].ui_lang),
                                error=type(exc).__name__)

    def crashed(i: int) -> Outcome:
        return DocumentError.of(files[i], "input.crashed", resolve_ui_lang(options[i].ui_lang))

    bar, advance = _progress(len(files), progress, options[0].ui_lang if options else None)
    return run_forked(context, files, schedule, jobs, lambda i: check_one(files[i], options[i]),
                      failed, crashed, (bar, advance))


def run_batch(files: Sequence[Path], options: Sequence[runner.Options], jobs: int = 1,
              packs: list[Pack] | None = None, progress: bool = False) -> list[Outcome]:
    """Outcomes in the order of `files`; options[i] belongs to files[i]."""
    prefork.tune_gc()
    literals_cache.recall()
    try:
        return _run_batch(files, options, jobs, packs, progress)
    finally:
        literals_cache.remember()


def _run_batch(files: Sequence[Path], options: Sequence[runner.Options], jobs: int,
               packs: list[Pack] | None, progress: bool) -> list[Outcome]:
    if jobs <= 1 or len(files) <= 1:
        bar, advance = _progress(len(files), progress, options[0].ui_lang if options else None)
        results: list[Outcome] = []
        # One document: the process ends after it, no collection pauses it.
        with bar, prefork.without_collection(len(files) == 1):
            for path, opts in zip(files, options, strict=True):
                results.append(check_one(path, opts, packs))
                advance(path.name)
        return results
    context = _context()
    if context is not None:
        return _forked(files, options, jobs, packs, progress, context)
    # Workers fork from here: build once what each of them would build again.
    prefork.warm_up(files, options, packs)
    prefork.tune_gc_again()
    outcomes: list[Outcome | None] = [None] * len(files)
    broken: list[int] = []
    with ProcessPoolExecutor(max_workers=min(jobs, len(files)), mp_context=_context()) as pool:
        futures: dict[Future[Outcome], int] = {
            pool.submit(_work, str(files[i]), options[i]): i
            for i in prefork.largest_first(files)}
        bar, advance = _progress(len(files), progress, options[0].ui_lang if options else None)
        with bar:
            for future in as_completed(futures):
                i = futures[future]
                try:
                    outcomes[i] = future.result()
                except BrokenProcessPool:
                    broken.append(i)
                except Exception as exc:  # pickling trouble and the like
                    outcomes[i] = DocumentError.of(files[i], "input.internal",
                                                   resolve_ui_lang(options[i].ui_lang),
                                                   error=type(exc).__name__)
                advance(files[i].name)
    for i in sorted(broken):
        outcomes[i] = _isolated(files[i], options[i])
    return [o for o in outcomes if o is not None]

"""Forked worker processes fed one file at a time by the parent, so that the parent
decides which worker checks which file (prefork.Schedule: each language's pipeline built
by one worker). Files and options are inherited through fork: only an index goes to a
worker and only its outcome comes back. A worker that dies costs the file it was
checking (that file's error) and is replaced; the others go on."""

from __future__ import annotations

import signal
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, suppress
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, TypeVar

from proseco_check.pipeline.prefork import Schedule

T = TypeVar("T")


def _serve(conn: Connection, work: Callable[[int], Any],
           failed: Callable[[int, BaseException], Any]) -> None:
    """A worker's loop: an index in, its outcome out, until None or the parent is gone.
    Ctrl-C is the parent's to handle: it stops the workers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        try:
            i = conn.recv()
        except (EOFError, OSError):
            return
        if i is None:
            return
        outcome = work(i)
        try:
            conn.send(outcome)
        except Exception as exc:  # an outcome that does not pickle
            conn.send(failed(i, exc))


class _Worker:
    def __init__(self, context: Any, work: Callable[[int], Any],
                 failed: Callable[[int, BaseException], Any]) -> None:
        ours, theirs = context.Pipe()
        self.process = context.Process(target=_serve, args=(theirs, work, failed), daemon=True)
        self.process.start()
        theirs.close()
        self.conn: Connection = ours
        self.built: set[str] = set()
        self.task: int | None = None

    def give(self, schedule: Schedule) -> None:
        self.task = schedule.next_for(self.built)
        if self.task is not None:
            self.conn.send(self.task)

    def stop(self, now: bool = False) -> None:
        """Let the worker finish and exit; `now`: end it at once (the parent was
        interrupted)."""
        with suppress(OSError):
            self.conn.send(None)
        self.process.join(0 if now else 5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def run_forked(context: Any, files: Sequence[Path], schedule: Schedule, jobs: int,
               work: Callable[[int], T], failed: Callable[[int, BaseException], T],
               crashed: Callable[[int], T],
               progress: tuple[AbstractContextManager[Any], Callable[[str], None]]) -> list[T]:
    """Outcomes in the order of `files`: work(i) run in `jobs` forked workers; failed(i,
    exc) when an outcome cannot come back; crashed(i) when the worker died on file i.
    The progress bar starts its thread after the workers have forked."""
    outcomes: dict[int, T] = {}
    workers = [_Worker(context, work, failed) for _ in range(min(jobs, len(files)))]
    bar, advance = progress
    try:
        with bar:
            for worker in workers:
                worker.give(schedule)
            while any(w.task is not None for w in workers):
                busy = [w for w in workers if w.task is not None]
                ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy]))
                for k, worker in enumerate(workers):
                    i = worker.task
                    if i is None or not ({worker.conn, worker.process.sentinel} & ready):
                        continue
                    outcome, alive = _receive(worker, i, failed, crashed)
                    outcomes[i] = outcome
                    if not alive:
                        worker = workers[k] = _Worker(context, work, failed)
                    advance(files[i].name)
                    worker.give(schedule)
    except BaseException:
        for worker in workers:
            worker.stop(now=True)
        raise
    for worker in workers:
        worker.stop()
    return [outcomes[i] for i in range(len(files))]


def _receive(worker: _Worker, i: int, failed: Callable[[int, BaseException], T],
             crashed: Callable[[int], T]) -> tuple[T, bool]:
    """The outcome of file i from a worker that is ready, and whether the worker lives."""
    try:
        if not worker.conn.poll():
            raise EOFError
        outcome: T = worker.conn.recv()
        return outcome, True
    except (EOFError, OSError):
        worker.task = None
        worker.stop()
        return crashed(i), False
    except Exception as exc:  # an outcome that does not unpickle
        return failed(i, exc), True

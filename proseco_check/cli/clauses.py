"""`clauses list|test|bank`: the clause vocabulary that facts, profile and rules share."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from proseco_check.cli.common import fail, tally_examples
from proseco_check.errors import ProsecoError


def clauses_list() -> None:
    """List the clauses: id, the languages it has patterns for, title."""
    from proseco_check.clauses.vocabulary import vocabulary

    try:
        clauses = vocabulary()
    except ProsecoError as exc:
        fail(exc)
        return
    for clause in clauses.values():
        typer.echo(f"{clause.id:<34} {','.join(clause.patterns):<18} {clause.title.en}")


def clauses_test() -> None:
    """Run every clause's good and bad examples; exit 1 on any failure."""
    from proseco_check.clauses.selftest import test_clause
    from proseco_check.clauses.vocabulary import vocabulary

    try:
        clauses = vocabulary()
    except ProsecoError as exc:
        fail(exc)
        return
    tally_examples("clauses test", (
        (result.ok, f"FAIL {result.clause} {result.kind} example {result.index}: "
                    f"{result.detail}: {result.text[:120]!r}")
        for clause in clauses.values() for result in test_clause(clause)))


def clauses_bank(
    folder: Annotated[Path, typer.Argument(help="The clause bank: <lang>/<clause>.yaml files.")],
    misses: Annotated[bool, typer.Option("--misses", help="List every miss and matched trap.")
                      ] = False,
) -> None:
    """Recall and precision of each clause on a clause bank, development and held-out
    halves apart."""
    from proseco_check.clauses.bank import format_bank, score_bank

    try:
        scores = score_bank(folder)
    except ProsecoError as exc:
        fail(exc)
        return
    typer.echo(format_bank(scores), nl=False)
    if misses:
        for score in scores:
            for line in score.misses:
                typer.echo(f"{score.clause} {score.lang} {score.half}: {line}")

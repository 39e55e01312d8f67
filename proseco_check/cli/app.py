"""The command line: one Typer app; each command lives in its own module and is
registered here, so this file is the table of contents of the CLI."""

from __future__ import annotations

from typing import Annotated

import typer

from proseco_check import __version__
from proseco_check.cli import check, clauses, diff, project, rules, suggest, trainer

app = typer.Typer(add_completion=True, no_args_is_help=True,
                  help="Check public-tender documents for social-procurement clauses.")
rules_app = typer.Typer(no_args_is_help=True, help="List, show, validate and test rule packs.")
app.add_typer(rules_app, name="rules")
config_app = typer.Typer(no_args_is_help=True, help="Show the effective configuration.")
app.add_typer(config_app, name="config")
clauses_app = typer.Typer(no_args_is_help=True, help="List and test the clause vocabulary.")
app.add_typer(clauses_app, name="clauses")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"proseco-check {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_callback(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    pass


app.command()(check.check)
app.command()(suggest.suggest)
app.command()(trainer.demo)
app.command()(trainer.explain)
app.command("diff")(diff.diff_command)
app.command("eval")(project.eval_command)
config_app.command("show")(project.config_show)
rules_app.command("list")(rules.rules_list)
rules_app.command("show")(rules.rules_show)
rules_app.command("validate")(rules.rules_validate)
rules_app.command("test")(rules.rules_test)
clauses_app.command("list")(clauses.clauses_list)
clauses_app.command("test")(clauses.clauses_test)
clauses_app.command("bank")(clauses.clauses_bank)


def main() -> None:
    app()


if __name__ == "__main__":
    main()

""""Did you mean" (issue 15, item 7): option values, pack ids, rule ids and config keys
name the nearest known value; `explain WORDS` finds rules by keyword, without accents,
in Italian and English."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from proseco_check.cli.app import app
from proseco_check.spelling import closest, did_you_mean, fold


def invoke(*args: str | Path, lang: str = "C.UTF-8") -> Any:
    env: dict[str, str | None] = {"NO_COLOR": "1", "FORCE_COLOR": None, "LC_ALL": None,
                                  "LC_MESSAGES": None, "LANG": lang, "GITHUB_ACTIONS": None}
    return CliRunner().invoke(app, [str(a) for a in args], env=env)


def usage_error(result: Any) -> str:
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_closest_names() -> None:
    assert closest("htm", ["table", "html", "json"]) == ["html"]
    assert closest("IT-11-CNL", ["IT-11-CCNL", "IT-11-SUBC", "IT-110-ANOMALIA"]) == ["IT-11-CCNL"]
    assert closest("itt", ["it", "eu", "fr"]) == ["it"]
    assert closest("fail_on", ["fail-on", "facts"]) == ["fail-on"]  # _ read as -
    assert closest("SARIF", ["sarif", "json"]) == ["sarif"]  # case
    assert closest("sa", ["sarif", "json"]) == ["sarif"]  # a prefix
    assert closest("xyz", ["sarif", "json"]) == []
    assert closest("html", ["html"]) == []  # never the word itself
    assert fold("Parità_Genere") == "parita-genere"
    assert did_you_mean("jsn", ["json"]) == "; did you mean 'json'?"
    assert did_you_mean("xyz", ["json"]) == ""
    assert did_you_mean("jsonn", ["json", "jsonl"], "it") == "; forse intendevi 'json' o 'jsonl'?"


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "htm"], "--format takes table, concise, html, json, jsonl, sarif, junit, "
     "github, gitlab or markdown, not 'htm'; did you mean 'html'?"),
    (["--fail-on", "warnings"], "--fail-on takes error, warning, info or never, not "
     "'warnings'; did you mean 'warning'?"),
    (["--lang", "itt"], "--lang takes it, en, fr, es, nl or de, not 'itt'; did you mean 'it'?"),
    (["--ui-lang", "EN"], "--ui-lang takes it or en, not 'EN'; did you mean 'en'?"),
    (["--color", "alwys"], "--color takes auto, always or never, not 'alwys'; did you mean "
     "'always'?"),
    (["--pack", "itt"], "--pack: no built-in pack 'itt' and no such file (built-in: be, de, "
     "es, eu, fr, good-practice, it, nl, uk); did you mean 'it'?"),
    (["--pack", "good-practise"], "--pack: no built-in pack 'good-practise' and no such file "
     "(built-in: be, de, es, eu, fr, good-practice, it, nl, uk); did you mean "
     "'good-practice'?"),
])
def test_option_values_suggest_the_nearest(small_tender: Path, args: list[str],
                                           message: str) -> None:
    assert usage_error(invoke("check", small_tender, *args)) == f"proseco-check: {message}"


def test_messages_in_italian(small_tender: Path) -> None:
    line = usage_error(invoke("check", small_tender, "--format", "htm", "--ui-lang", "it"))
    assert line.endswith("non 'htm'; forse intendevi 'html'?")
    line = usage_error(invoke("check", small_tender, "--pack", "itt", lang="it_IT.UTF-8"))
    assert line.endswith("; forse intendevi 'it'?")


def test_diff_format_suggests(small_tender: Path) -> None:
    line = usage_error(invoke("diff", small_tender, small_tender, "--format", "jsn"))
    assert line == "proseco-check: --format takes table or json, not 'jsn'; did you mean 'json'?"


def test_explain_unknown_rule_suggests_the_nearest_id() -> None:
    line = usage_error(invoke("explain", "IT-11-CNL"))
    assert line == ("proseco-check: no rule 'IT-11-CNL' (see 'proseco-check rules list'); "
                    "did you mean 'IT-11-CCNL'?")
    by_name = usage_error(invoke("explain", "ccnl-nmed"))
    assert by_name.endswith("did you mean 'ccnl-named'?")
    assert usage_error(invoke("rules", "show", "IT-11-CNL")) == line
    nothing = usage_error(invoke("explain", "zzzqqq"))
    assert nothing == "proseco-check: no rule 'zzzqqq' (see 'proseco-check rules list')"


def test_explain_takes_an_id_in_any_case() -> None:
    result = invoke("explain", "it-11-ccnl", "--ui-lang", "en")
    assert result.exit_code == 0
    assert result.stdout.startswith("IT-11-CCNL ")


def _listed(result: Any) -> list[str]:
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] in ("Dettagli di una regola: proseco-check explain ID",
                         "Details of one rule: proseco-check explain ID")
    return [line.split()[0] for line in lines[1:-1]]


def test_explain_finds_rules_by_keyword() -> None:
    result = invoke("explain", "parità", "--ui-lang", "it")
    ids = _listed(result)
    header = result.stdout.splitlines()[0]
    assert header == f"Regole che corrispondono a 'parità' ({len(ids)}):"
    assert "IT-108-PARITA" in ids[:3]  # the title holds the word: among the first
    line = next(x for x in result.stdout.splitlines() if x.strip().startswith("IT-108-PARITA"))
    assert "certificazione della parità di genere" in line  # id and title
    assert _listed(invoke("explain", "parita", "--ui-lang", "it")) == ids  # no accents needed
    assert _listed(invoke("explain", "PARITÀ", "--ui-lang", "it")) == ids


def test_explain_keyword_search_in_english_and_several_words() -> None:
    result = invoke("explain", "gender equality", "--ui-lang", "en")
    ids = _listed(result)
    assert "IT-108-PARITA" in ids
    line = next(x for x in result.stdout.splitlines() if x.strip().startswith("IT-108-PARITA"))
    assert "gender-equality certification" in line  # the English title
    # every word must match: a second word narrows the list
    narrow = _listed(invoke("explain", "parità certificazione", "--ui-lang", "it"))
    assert set(narrow) <= set(_listed(invoke("explain", "parità", "--ui-lang", "it")))
    assert "IT-108-PARITA" in narrow
    # several words need no quotes
    unquoted = _listed(invoke("explain", "parità", "di", "genere", "--ui-lang", "it"))
    assert unquoted == _listed(invoke("explain", "parità di genere", "--ui-lang", "it"))
    assert unquoted[0] == "IT-108-PARITA"


def test_explain_keyword_search_reads_messages() -> None:
    """A word found only in a rule's messages (not its title) still finds it, after the
    rules whose title holds it."""
    from proseco_check.cli.search import search_rules
    from proseco_check.engine.loader import builtin_packs

    rules = [r for p in builtin_packs() for r in p.rules]
    ccnl = next(r for r in rules if r.id == "IT-11-CCNL")
    word = next(w for w in (ccnl.message.missing.it if ccnl.message.missing else "").split()
                if len(w) > 6 and fold(w) not in fold(ccnl.title.it + ccnl.title.en))
    assert ccnl in search_rules(word, rules)


# ------------------------------------------------------------------ config keys and rule ids


@pytest.mark.parametrize(("text", "ending"), [
    ("fail_on: warning\n", "unknown key 'fail_on'; did you mean 'fail-on'? (known keys: "
     "packs, select, extend-select, ignore, severity, output-format, fail-on, facts, "
     "overrides, waivers)"),
    ("selct: [info]\n", "unknown key 'selct'; did you mean 'select'? (known keys: packs, "
     "select, extend-select, ignore, severity, output-format, fail-on, facts, overrides, waivers)"),
    ("overrides:\n  - files: '*.md'\n    ignores: [info]\n",
     "unknown key 'overrides[0].ignores'; did you mean 'ignore'? (known keys: files, facts, "
     "ignore, severity)"),
    ("ignore: [IT-11-CNL]\n", "key 'ignore': 'IT-11-CNL' is not a rule id, name, category or "
     "severity of the loaded packs (see 'proseco-check rules list'); did you mean "
     "'IT-11-CCNL'?"),
    ("severity:\n  IT-108-PARTIA: info\n", "key 'severity': 'IT-108-PARTIA' is not a rule id "
     "or name of the loaded packs (see 'proseco-check rules list'); did you mean "
     "'IT-108-PARITA'?"),
    ("select: [social-clause]\n", "key 'select': 'social-clause' is not a rule id, name, "
     "category or severity of the loaded packs (see 'proseco-check rules list'); did you "
     "mean 'social-clauses'?"),
    ("packs: [itt]\n", "key 'packs': itt: no built-in pack 'itt' and no such file "
     "(built-in: be, de, es, eu, fr, good-practice, it, nl, uk); did you mean 'it'?"),
])
def test_config_mistakes_suggest_the_nearest(tmp_path: Path, small_tender: Path, text: str,
                                             ending: str) -> None:
    config = tmp_path / "proseco.yaml"
    config.write_text(text, encoding="utf-8")
    expected = f"proseco-check: {config}: {ending}"
    assert usage_error(invoke("check", small_tender, "--config", config)) == expected
    assert usage_error(invoke("config", "show", "--config", config)) == expected


@pytest.mark.parametrize("command", [
    ["rules", "list"], ["diff", "a.docx", "b.docx"], ["suggest", "a.docx"],
])
def test_every_command_with_pack_suggests(command: list[str]) -> None:
    line = usage_error(invoke(*command, "--pack", "itt"))
    assert line == ("proseco-check: --pack: no built-in pack 'itt' and no such file "
                    "(built-in: be, de, es, eu, fr, good-practice, it, nl, uk); did you mean "
                    "'it'?")


def test_rules_list_filters_suggest() -> None:
    assert usage_error(invoke("rules", "list", "--category", "social-clause")) == (
        "proseco-check: --category takes social-clauses, reserved-contracts, eu-law or "
        "national-law, not 'social-clause'; did you mean 'social-clauses'?")
    assert usage_error(invoke("rules", "list", "--severity", "warn")) == (
        "proseco-check: --severity takes error, warning or info, not 'warn'; did you mean "
        "'warning'?")

"""The message catalogue (proseco_check/i18n.py): every key in Italian and English with
the same placeholders, every key the code asks for defined, no user-facing label written
into a renderer, and the interface language chosen as documented."""

from __future__ import annotations

import ast
import html
import re
import string
import typing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from proseco_check.cli.app import app
from proseco_check.errors import InputError
from proseco_check.model import i18n
from proseco_check.model.evidence import Evidence
from proseco_check.model.facts import Fact
from proseco_check.model.i18n import MESSAGES, UI_LANGS, locale_lang, resolve_ui_lang, t
from proseco_check.model.report import (
    CategoryScore,
    DocumentResult,
    Finding,
    Profile,
    ReferenceOut,
    Report,
    Score,
    Suppression,
)
from proseco_check.model.vocab import Category, EvidenceLevel, Severity, Status
from proseco_check.pipeline.score import score
from proseco_check.render import RENDERERS
from proseco_check.render.table import STAGES

PACKAGE = Path(__file__).resolve().parent.parent / "proseco_check"
# Renderers for people: every word they show comes from the catalogue. The CI formats
# (SARIF, JUnit, GitHub workflow commands, JSON) keep their English protocol text.
HUMAN_MODULES = ("render/table.py", "render/markdown.py", "render/html.py",
                 "render/trainer.py", "render/common.py", "render/suggest.py", "pipeline/annotate.py")


# ------------------------------------------------------------------ a small synthetic report


def synthetic_document(path: str = "bando.docx", language: str = "it") -> DocumentResult:
    """A document with a wrong, a missing, a suppressed, a present and a not applicable
    finding: every kind a renderer formats, built without running the pipeline."""
    ref = ReferenceOut(law="D.Lgs. 36/2023", article="57", comma="1", version="2024-12-31",
                       url="https://www.normattiva.it/uri-res/N2Ls?urn:nir:stato:decreto.legislativo:2023-03-31;36~art57")
    quote = Evidence(text="almeno il 15 per cento delle assunzioni", page=2, paragraph=14,
                     section="DISCIPLINARE > 6. PARI OPPORTUNITÀ")

    def finding(rule: str, status: str, category: str, **extra: object) -> Finding:
        return Finding(rule=rule, name=rule.lower(), title=f"Titolo {rule}", category=category,
                       status=status, severity="error", message=f"Messaggio {rule}",
                       references=[ref], fingerprint=rule.lower().replace("-", "")[:16],
                       **extra)

    findings = [
        finding("IT-ALLII3-YOUTH30", "wrong", "social-clauses", location=quote,
                evidence=[quote], fix="Quota del 30 per cento per {estimated_value_eur} euro."),
        finding("IT-57-CLAUSOLA", "missing", "social-clauses",
                fix="Clausola sociale: CCNL {ccnl_name}."),
        finding("IT-61-REF", "missing", "reserved-contracts", fix="Appalto riservato.",
                suppressed=True, suppression=Suppression(reason="bozza", author="Avv. Rossi",
                                                         expires="2999-12-31")),
        finding("IT-108-OEPV", "present", "national-law", location=quote, evidence=[quote]),
        finding("IT-BANDO-RISERVATA", "not_applicable", "reserved-contracts"),
    ]
    doc = DocumentResult(
        path=path, language=language, nlp_mode="blank", packs=["eu", "it"],
        facts={"contract_type": Fact(value="services", source="text", evidence=[quote]),
               "estimated_value_eur": Fact(value=180000.0, source="text", evidence=[quote]),
               "pnrr": Fact(value=False, source="none")},
        profile=Profile(reserved="none", elements=[], eforms={"BT-71": ["none"]}),
        findings=findings, score=Score(overall=None, categories=[]), suppressed=1)
    doc.score = score([f for f in findings if not f.suppressed])
    doc.set_timings({"read": 0.1, "nlp": 1.2, "facts": 0.2, "rules": 0.3, "profile": 0.1})
    return doc


def synthetic_report(language: str = "it") -> Report:
    return Report(tool={"name": "proseco-check", "version": "0.1.0"},
                  documents=[synthetic_document(language=language)])


# ------------------------------------------------------------------ the catalogue itself


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_has_both_languages_with_the_same_placeholders() -> None:
    problems = []
    for key, entry in MESSAGES.items():
        missing = [lang for lang in UI_LANGS if not entry.get(lang, "").strip()]
        if missing:
            problems.append(f"{key}: no {', '.join(missing)}")
            continue
        if set(entry) - set(UI_LANGS):
            problems.append(f"{key}: unknown languages {sorted(set(entry) - set(UI_LANGS))}")
        if _fields(entry["it"]) != _fields(entry["en"]):
            problems.append(f"{key}: placeholders differ {_fields(entry['it'])} "
                            f"vs {_fields(entry['en'])}")
    assert problems == []


def test_the_verdict_vocabulary_is_translated() -> None:
    """Statuses, severities, categories, evidence levels, fact sources and stages: the
    words every report shows."""
    expected = ([f"status.{s}" for s in typing.get_args(Status)]
                + [f"severity.{s}" for s in typing.get_args(Severity)]
                + [f"category.{c}" for c in typing.get_args(Category)]
                + [f"evidence.{e}" for e in typing.get_args(EvidenceLevel)]
                + [f"source.{s}" for s in typing.get_args(Fact.model_fields["source"]
                                                          .annotation)]
                + [f"stage.{s}" for s in STAGES])
    assert [k for k in expected if k not in MESSAGES] == []


def _calls(tree: ast.AST) -> list[ast.Call]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name) and node.func.id in ("t", "t_or")
            and node.args]


def test_every_key_the_code_asks_for_exists() -> None:
    """Literal keys must be in the catalogue; for an f-string key (f"status.{s}") some key
    must start with its literal prefix."""
    missing = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for call in _calls(ast.parse(path.read_text(encoding="utf-8"))):
            first = call.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                if first.value not in MESSAGES:
                    missing.append(f"{path.name}:{call.lineno} {first.value}")
            elif isinstance(first, ast.JoinedStr) and first.values and \
                    isinstance(first.values[0], ast.Constant):
                prefix = str(first.values[0].value)
                if not any(k.startswith(prefix) for k in MESSAGES):
                    missing.append(f"{path.name}:{call.lineno} {prefix}…")
    assert missing == []


# Errors built from the catalogue: the class (or classmethod) and the position of the key.
_KEYED = {"InputError": 1, "BoundedReadError": 1, "_PageTooLarge": 0, "of": 1}


def test_every_error_key_exists() -> None:
    """`InputError(path, "input.empty")` and the like name catalogue keys: each must be
    there, and every reader's error must be keyed (no English sentence in its place)."""
    missing, found = [], 0
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else \
                getattr(node.func, "id", "")
            position = _KEYED.get(name)
            if position is None or len(node.args) <= position:
                continue
            key = node.args[position]
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                found += 1
                if key.value not in MESSAGES:
                    missing.append(f"{path.name}:{node.lineno} {key.value}")
            elif name == "InputError" and not (isinstance(key, ast.Attribute)
                                               and key.attr == "key"):
                missing.append(f"{path.name}:{node.lineno} not a catalogue key")
    assert found > 40 and missing == []


def test_an_input_error_in_both_languages() -> None:
    error = InputError("bando.pdf", "input.pdf_pages", pages=2500, limit=2000)
    assert str(error) == error.one_line() == ("bando.pdf: the PDF has 2,500 pages, over the "
                                              "limit of 2,000 (raise it with --max-pages)")
    assert error.one_line("it") == ("bando.pdf: il PDF ha 2.500 pagine, oltre il limite di "
                                    "2.000 (aumentarlo con --max-pages)")
    assert InputError("a.docx", "input.max_bytes", size=120.25, limit=100.0).one_line("it") \
        == "a.docx: il file è di 120,2 MB, oltre il limite di 100,0 MB (aumentarlo con --max-bytes)"


def test_no_key_is_left_unused() -> None:
    """Every key is asked for by the code (the catalogue files themselves do not count);
    a `key.one` singular counts as used with its key."""
    catalogue = {"messages.py", "messages_cli.py", "messages_input.py"}
    source = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py")
                       if p.name not in catalogue)
    prefixes = set(re.findall(r"""t(?:_or)?\(f["']([a-z_.-]+\.)\{""", source))
    prefixes |= {"status.", "severity.", "category.", "fact.", "value.", "source.", "stage.",
                 "evidence.", "html.good", "html.bad", "explain.good", "explain.bad", "badge.",
                 "section.", "element.", "nlp.", "ph.", "count."}
    keys = [k.removesuffix(".one") for k in MESSAGES]
    unused = [k for k in keys if f'"{k}"' not in source and f"'{k}'" not in source
              and not any(k.startswith(p) for p in prefixes)]
    assert unused == []


# ------------------------------------------------------------------ no labels in renderers

# Words that are code, not labels: rich styles, HTML/SVG vocabulary, file formats.
_CODE_WORDS = {"bold", "dim", "italic", "underline", "reverse", "red", "green", "yellow",
               "cyan", "black", "orange", "on", "white", "blue", "magenta",
               "proseco", "check", "noopener", "noreferrer", "initial", "scale", "width",
               "device", "utf", "eforms", "nlp"}
_TWO_WORDS = re.compile(r"[^\W\d_]{3,}[ \t]+[^\W\d_]{3,}")


def _literals(tree: ast.AST) -> list[tuple[int, str]]:
    """String constants, f-string pieces included, docstrings excluded."""
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body and \
                isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant):
            docstrings.add(id(node.body[0].value))
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings]


def _looks_like_a_label(text: str) -> bool:
    plain = re.sub(r"<[^>]*>|<[^>]*$|^[^<>]*>|\{[^}]*\}|\[[^\]]*\]|&\w+;", " ", text)
    plain = re.sub(r"[\w-]+=\"[^\"]*\"", " ", plain)  # attributes
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", plain)]
    if not words or all(w in _CODE_WORDS or len(w) < 3 for w in words):
        return False
    if _TWO_WORDS.search(plain) and not all(w in _CODE_WORDS for w in words if len(w) >= 3):
        return True
    capitalised = {v[lang] for v in MESSAGES.values() for lang in UI_LANGS
                   if v[lang][:1].isupper() and len(v[lang]) >= 4}
    return plain.strip() in capitalised


@pytest.mark.parametrize("module", HUMAN_MODULES)
def test_renderers_have_no_hard_coded_labels(module: str) -> None:
    """Heuristic: a string literal with two words in a row, or equal to a capitalised
    catalogue message, is a label that belongs in i18n.py. Error messages raised for
    developers and the inlined CSS/script (html_assets.py) are not labels."""
    tree = ast.parse((PACKAGE / module).read_text(encoding="utf-8"))
    flagged = [f"{module}:{line} {text!r}" for line, text in _literals(tree)
               if _looks_like_a_label(text)]
    assert flagged == []


def test_the_heuristic_catches_a_label() -> None:
    assert _looks_like_a_label("Tender facts")
    assert _looks_like_a_label("Summary")
    assert _looks_like_a_label("<h3>Model clauses</h3>")
    assert not _looks_like_a_label("bold underline")
    assert not _looks_like_a_label('<span class="badge st-{status}">')


# ------------------------------------------------------------------ rendering in both languages


def visible_text(page: str) -> str:
    """What a reader sees of an HTML page: no style, script, tags or attributes."""
    page = re.sub(r"<(style|script)>.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_each_human_format_speaks_the_interface_language(fmt: str) -> None:
    report = synthetic_report()
    italian = RENDERERS[fmt](report, ui_lang="it", verbose=True)
    english = RENDERERS[fmt](report, ui_lang="en", verbose=True)
    if fmt == "html":
        italian, english = visible_text(italian), visible_text(english)
    for key in ("label.fix", "col.missing", "category.social-clauses", "badge.wrong"):
        it_word, en_word = t(key, "it"), t(key, "en")
        assert it_word.lower() in italian.lower(), (key, it_word)
        assert en_word.lower() in english.lower(), (key, en_word)
        assert en_word not in italian, (key, en_word)
    assert "soppresso da Avv. Rossi, fino al 31 dicembre 2999" in italian or fmt == "table"


def test_verbose_table_lists_rules_and_timings() -> None:
    text = RENDERERS["table"](synthetic_report(), ui_lang="it", verbose=True, width=200)
    assert "Regole: 4 valutate, 1 non applicabili, 0 saltate" in text
    assert "Tempi: lettura 0.10 s · analisi linguistica 1.20 s" in text
    assert "Regole:" not in RENDERERS["table"](synthetic_report(), ui_lang="it")


def test_not_applicable_and_skipped_reasons_come_from_the_catalogue() -> None:
    from proseco_check.engine.checks import Outcome
    from proseco_check.engine.evaluate import _status_message

    unknown = Outcome("not_applicable", detail={"unknown_facts": ["estimated_value_eur"]})
    assert _status_message(unknown, "", "it") == t("reason.unknown_facts", "it",
                                                   facts="estimated_value_eur")
    assert _status_message(Outcome("not_applicable"), "", "en") == \
        "does not apply to this document"
    skipped = _status_message(Outcome("skipped", detail={"needs": ["POS"]}), "", "it")
    assert skipped.startswith("regola saltata: servono le annotazioni POS")


def test_fact_values_for_people() -> None:
    assert i18n.fact_value(180000.0, "it") == "180.000"
    assert i18n.fact_value(180000.5, "en") == "180,000.50"
    assert i18n.fact_value(True, "it") == "sì"
    assert i18n.fact_value("services", "it") == "servizi"
    assert i18n.fact_value("something-new", "it") == "something-new"
    assert i18n.category_label("a-new-category", "it") == "a-new-category"
    assert t("no.such.key", "it") == "no.such.key"


# ------------------------------------------------------------------ which language


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANG": "it_IT.UTF-8"}, "it"),
    ({"LANG": "en_GB.UTF-8"}, "en"),
    ({"LANG": "de_DE.UTF-8"}, None),
    ({"LANG": "C.UTF-8"}, None),
    ({}, None),
    ({"LC_ALL": "en_US.UTF-8", "LANG": "it_IT.UTF-8"}, "en"),
    ({"LC_MESSAGES": "it_IT", "LANG": "en_US.UTF-8"}, "it"),
])
def test_locale_lang(environ: dict[str, str], expected: str | None) -> None:
    assert locale_lang(environ) == expected


def test_resolve_ui_lang_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "it_IT.UTF-8")
    assert resolve_ui_lang("en", "it") == "en"  # --ui-lang wins
    assert resolve_ui_lang(None, "it") == "it"
    assert resolve_ui_lang(None, "fr") == "en"  # a document decides, not the locale
    assert resolve_ui_lang(None, None) == "it"  # no document: the locale
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert resolve_ui_lang(None, None) == "en"
    assert resolve_ui_lang(None, None, fallback="it") == "it"


def _invoke(*args: str, **env: str) -> object:
    environment = {"NO_COLOR": "1", "LC_ALL": None, "LC_MESSAGES": None, "LANG": "C.UTF-8"}
    environment.update(env)
    return CliRunner().invoke(app, list(args), env=environment)


def test_cli_messages_follow_ui_lang_then_locale(tmp_path: Path) -> None:
    doc = tmp_path / "bando.md"
    doc.write_text("Disciplinare di gara\n", encoding="utf-8")
    english = _invoke("check", str(doc), "--jobs", "0")
    assert english.exit_code == 2 and english.stderr.strip() == \
        "proseco-check: --jobs takes a positive number"
    italian = _invoke("check", str(doc), "--jobs", "0", "--ui-lang", "it")
    assert italian.stderr.strip() == "proseco-check: --jobs accetta un numero positivo"
    by_locale = _invoke("check", str(doc), "--quiet", "--verbose", LANG="it_IT.UTF-8")
    assert by_locale.exit_code == 2
    assert by_locale.stderr.strip() == "proseco-check: --quiet e --verbose non si usano insieme"
    unknown = _invoke("explain", "XX-0-NOPE", LANG="it_IT.UTF-8")
    assert unknown.exit_code == 2 and "nessuna regola 'XX-0-NOPE'" in unknown.stderr


def test_explain_language_from_the_locale() -> None:
    from proseco_check.engine.loader import builtin_packs

    rule = {r.id: r for p in builtin_packs() for r in p.rules}["IT-57-CLAUSOLA"]
    assert rule.title.en in _invoke("explain", "IT-57-CLAUSOLA", LANG="en_US.UTF-8").stdout
    assert rule.title.it in _invoke("explain", "IT-57-CLAUSOLA", LANG="C.UTF-8").stdout
    assert _invoke("explain", "IT-57-CLAUSOLA", "--ui-lang", "fr").exit_code == 2


def test_category_scores_keep_their_ids_in_json() -> None:
    """Translation is for people: JSON keeps the ids and gets no new key."""
    data = RENDERERS["json"](synthetic_report())
    assert '"category": "social-clauses"' in data and "Clausole sociali" not in data
    assert '"timings"' not in data
    assert '"timings"' in RENDERERS["json"](synthetic_report(), verbose=True)
    assert isinstance(CategoryScore(category="x").category, str)

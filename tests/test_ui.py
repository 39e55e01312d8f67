"""A scorecard an Italian buyer reads in one minute (issue 15): action first, fits the
terminal, Italian complete and correct, Word comments where the buyer acts, no false
page numbers."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

import docx
import pytest
from conftest import SMALL_TENDER_IT
from conftest import invoke_cli as invoke
from docx_helpers import comment_anchors

from proseco_check.engine.describe import describe_rule
from proseco_check.engine.loader import builtin_packs
from proseco_check.facts.extract import coerce_fact
from proseco_check.model.i18n import (
    MESSAGES,
    as_document_kind,
    canonical_value,
    format_date,
    legal_name,
    placeholders_explained,
    t,
)
from proseco_check.model.rule_info import SectionKind
from proseco_check.model.sections import rule_section
from proseco_check.model.vocab import STATUSES
from proseco_check.pipeline.annotate import annotate
from proseco_check.pipeline.run import Options, check_document
from proseco_check.readers import read_document
from proseco_check.sanitize import xml_text as xml_safe

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CARENTE = "it_disciplinare_carente.docx"
CONFORME = "it_disciplinare_conforme.docx"
# Common English words that must not show in the Italian interface. Identifiers (rule
# ids, pack ids, file names) are skipped: they hold dashes, dots, slashes or digits.
ENGLISH = {"the", "and", "of", "missing", "wrong", "present", "error", "warning", "info:",
           "checking", "directive", "recital", "category", "old", "new", "fixed",
           "introduced", "unchanged", "good", "bad", "score", "page", "line", "found",
           "skipped", "hiring", "employment", "none", "quotas", "labour", "agreement",
           "rules", "facts", "language", "packs", "clause", "why", "where", "model", "law",
           "text", "fix", "summary", "overall", "evidence", "blank", "notice", "annex",
           "not", "with", "for", "to", "is", "are", "what", "next", "steps", "such",
           "cannot", "empty", "damaged", "supported", "document", "folder", "refused",
           "comment", "comments", "suppression", "expired", "matched", "baselined", "remove",
           "honoured", "waiver", "author", "ignored", "save"}


def english_words(text: str) -> list[str]:
    words = []
    for raw in re.sub(r"\x1b\[[0-9;]*m", "", text).split():
        token = raw.strip("«»()[],;:.!?\"'“”‘’…·|│┃")
        if not token or re.search(r"[-_/.:@\d=]", token):
            continue
        if token.lower() in ENGLISH:
            words.append(token)
    return words






# ------------------------------------------------------------------ action first


def test_the_report_opens_with_what_to_fix_and_closes_with_the_next_step(cached: Any) -> None:
    out = invoke("check", SAMPLES / CARENTE, "--fail-on", "never", COLUMNS="100").stdout
    lines = out.splitlines()
    todo = next(i for i, line in enumerate(lines) if line.startswith("DA SISTEMARE ("))
    assert todo <= 4  # after the title and the headline only
    assert out.index("DA SISTEMARE") < out.index("Categoria") < out.index("Prossimi passi")
    assert "proseco-check suggest" in out and "--annotate" in out and "--output-html" in out
    # plain-word badges, severity apart and quiet
    assert " DA CORREGGERE " in out and " MANCA " in out
    assert "ERRATO errore" not in out and "MANCANTE" not in out
    # ordered by legal weight: every error before every warning before every info
    order = re.findall(r"gravità (errore|avviso|info)", out)
    ranks = [("errore", "avviso", "info").index(s) for s in order]
    assert ranks == sorted(ranks) and len(ranks) == sum(f.counts() for f in
                                                        cached.documents[0].findings)
    # passes counted, not listed
    joined = " ".join(out.split())
    assert re.search(r"\d+ regole soddisfatte", joined) and "elenco con --show-passes" in joined
    assert " OK " not in out


def test_show_passes_lists_them(cached: Any) -> None:
    out = invoke("check", SAMPLES / CARENTE, "--fail-on", "never", "--show-passes").stdout
    met = [f for f in cached.documents[0].findings if f.status == "present"]
    assert met and all(re.search(rf" OK +{re.escape(f.rule)} ", out) for f in met)
    assert " NON APPLICABILE " in out


def test_where_says_section_and_paragraph_and_missing_says_where_it_goes(cached: Any) -> None:
    out = invoke("check", SAMPLES / CARENTE, "--fail-on", "never", COLUMNS="200").stdout
    assert "Posizione: sezione «DISCIPLINARE DI GARA › 3. SOGGETTI AMMESSI A PARTECIPARE», " \
           "par. 29" in out
    assert "Posizione: assente: da inserire in criteri di aggiudicazione" in out
    assert "p. 1" not in out  # the sample has no saved pagination


# ------------------------------------------------------------------ fits the terminal


@pytest.mark.parametrize("columns", [80, 100, 200])
def test_no_line_wider_than_the_terminal(cached: Any, columns: int) -> None:
    for args in ((), ("--verbose",), ("--show-passes",)):
        out = invoke("check", SAMPLES / CARENTE, "--fail-on", "never", *args,
                     COLUMNS=str(columns)).stdout
        widest = max(len(line) for line in out.splitlines())
        assert widest <= columns, (args, widest)
    explain = invoke("explain", "IT-102-IMPEGNI", COLUMNS=str(columns)).stdout
    assert max(len(line) for line in explain.splitlines()) <= columns


def test_long_clauses_end_with_an_ellipsis_and_the_command_for_the_full_text(
        cached: Any) -> None:
    out = invoke("check", SAMPLES / CARENTE, "--fail-on", "never", COLUMNS="100").stdout
    assert "testo completo: proseco-check explain IT-102-IMPEGNI" in out
    before = out[:out.index("testo completo: proseco-check explain IT-102-IMPEGNI")]
    assert before.rstrip().endswith("…")
    # never a cut without an ellipsis: every quote closes or ends with one
    for quote in re.findall(r"Testo: «(.*?)»", out.replace("\n    ", " "), re.S):
        assert quote.endswith((".", ";", ":", "…", ")")) or quote[-1].isalnum(), quote


# ------------------------------------------------------------------ Italian, complete


def test_italian_check_has_no_english_word(cached: Any) -> None:
    for args in ((), ("--verbose",)):
        out = invoke("check", SAMPLES / CARENTE, "--fail-on", "never", *args).stdout
        assert english_words(out) == [], args


def test_italian_explain_has_no_english_word() -> None:
    rules = [r for p in builtin_packs() if p.pack.id in ("it", "eu", "good-practice")
             for r in p.rules]
    flagged = {}
    for rule in rules:
        out = invoke("explain", rule.id, "--ui-lang", "it").stdout
        words = english_words(re.sub(r"https?://\S+", "", out))
        if words:
            flagged[rule.id] = words
    assert flagged == {}


def test_italian_diff_has_no_english_word() -> None:
    out = invoke("diff", SAMPLES / CARENTE, SAMPLES / CONFORME, "--ui-lang", "it").stdout
    assert "Corretti (" in out and "prima" in out and "dopo" in out
    assert english_words(out) == []


# One of each kind of unreadable input: (file name, content; None: no file at all).
UNREADABLE = {
    "corrupt PDF": ("bando.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage"),
    "empty file": ("bando.txt", b""),
    "old Word file": ("bando.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512),
    "RTF": ("bando.rtf", b"{\\rtf1\\ansi bando}"),
    "wrong extension": ("bando.docx", b"testo semplice, non un documento Word"),
    "missing file": ("assente.pdf", None),
}


@pytest.mark.parametrize("case", list(UNREADABLE))
def test_reader_errors_speak_the_interface_language(tmp_path: Path, case: str) -> None:
    name, content = UNREADABLE[case]
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    lines = {}
    for lang in ("it", "en"):
        result = invoke("check", path, "--ui-lang", lang, "--no-config")
        assert result.exit_code == 3 and result.stdout == "", (case, lang, result.output)
        line = result.stderr.strip()
        assert "\n" not in line and line.startswith(f"proseco-check: {path}: "), line
        lines[lang] = line.removeprefix(f"proseco-check: {path}: ")
    assert english_words(lines["it"]) == [], (case, lines["it"])
    assert english_words(lines["en"]) != [], (case, lines["en"])  # the test can fail


def test_a_folder_without_documents_is_refused_in_italian(tmp_path: Path) -> None:
    result = invoke("check", tmp_path, "--ui-lang", "it", "--no-config")
    assert result.exit_code == 3
    assert result.stderr.strip() == (f"proseco-check: {tmp_path}: la cartella non contiene "
                                     "file PDF, DOCX, TXT o Markdown")


def _commented_tender(path: Path, comments: list[tuple[str, str]]) -> Path:
    document = docx.Document()
    for line in SMALL_TENDER_IT.splitlines():
        if line.strip():
            document.add_paragraph(line.lstrip("# "))
    anchor = document.paragraphs[0]
    for author, text in comments:
        document.add_comment(anchor.runs, text=text, author=author, initials="X")
    document.save(str(path))
    return path


def test_waiver_suppression_and_baseline_notices_in_italian(tmp_path: Path) -> None:
    """Every kind of notice of the project's policy, in an Italian report: waivers not
    allowed, without a reason, naming no rule, matching nothing; suppressions expired and
    unused; baselined findings gone."""
    doc = _commented_tender(tmp_path / "bando.docx", [
        ("Ing. Verdi", "proseco: ignore IT-57-CLAUSOLA — non è un autore ammesso"),
        ("Avv. Rossi", "proseco: ignore IT-57-CLAUSOLA"),
        ("Avv. Rossi", "proseco: ignore NESSUNA-1 — regola inesistente"),
        ("Avv. Rossi", "proseco: ignore IT-11-CCNL — il CCNL è presente")])
    config = tmp_path / "proseco.yaml"
    config.write_text("waivers: {enabled: true, authors: [Avv. Rossi]}\n", encoding="utf-8")
    suppressions = tmp_path / "soppressioni.yaml"
    suppressions.write_text(
        "suppressions:\n"
        "  - {rule: IT-57-CLAUSOLA, files: '*.docx', reason: r, author: A, expires: 2020-01-31}\n"
        "  - {rule: IT-11-CCNL, files: '*.docx', reason: r, author: B}\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"findings": [{"path": "bando.docx", "rule": "IT-11-CCNL", '
                        '"fingerprint": "0000000000000000"}]}', encoding="utf-8")
    args = ("check", doc, "--config", config, "--suppressions", suppressions, "--baseline",
            baseline, "--fail-on", "never")
    italian = invoke(*args, "--ui-lang", "it", COLUMNS="200")
    english = invoke(*args, "--ui-lang", "en", COLUMNS="200")
    assert italian.exit_code == english.exit_code == 0, italian.output
    notices = {lang: [line for line in result.stdout.splitlines() if line.startswith("! ")]
               for lang, result in (("it", italian), ("en", english))}
    assert len(notices["it"]) == len(notices["en"]) == 7, notices
    joined = "\n".join(notices["it"])
    for words in ("di Ing. Verdi: l'autore non è tra i waivers.authors",
                  "richiede una motivazione", "nessuna regola con questo id",
                  "(di Avv. Rossi) non corrisponde ad alcun rilievo", "scaduta il 31 gennaio 2020",
                  "soppressione n. 2 (regola IT-11-CCNL, di B) non corrisponde",
                  "1 rilievo in baseline non si trova più"):
        assert words in joined, (words, joined)
    assert english_words(joined) == [], joined
    assert english_words("\n".join(notices["en"])) != []
    off = invoke("check", doc, "--no-config", "--ui-lang", "it", "--fail-on", "never",
                 COLUMNS="200").stdout
    assert "! 4 commenti Word 'proseco: ignore' non applicati: le deroghe nel documento sono " \
           "disattivate" in off


def test_the_word_list_catches_english() -> None:
    assert english_words("MISSING error: the clause is not found (IT-11-CCNL)") == [
        "MISSING", "error", "the", "clause", "is", "not", "found"]
    assert english_words("pacchetti eu, good-practice, it · IT-57-CLAUSOLA") == []


def test_every_vocabulary_word_has_a_key() -> None:
    kinds = SectionKind.__args__  # type: ignore[attr-defined]
    wanted = [f"badge.{s}" for s in STATUSES] + [f"section.{k}" for k in kinds] + [
        f"nlp.{m}" for m in ("blank", "trained")]
    assert [k for k in wanted if k not in MESSAGES] == []


def test_every_italian_count_has_its_singular() -> None:
    """'{n} commenti' reads '1 commenti' for one: a message counting things with {n}
    before a word needs its `.one` form ("1 commento")."""
    lacking = [key for key, entry in MESSAGES.items() if not key.endswith(".one")
               and re.search(r"\{n\} (?!in |da |su )\w", entry["it"])
               and f"{key}.one" not in MESSAGES]
    assert lacking == []
    assert t("cli.annotated", "it", path="a.docx", n=1).endswith("(1 commento)")
    assert t("cli.annotated", "it", path="a.docx", n=2).endswith("(2 commenti)")


def test_plural_agreement_dates_and_legal_names() -> None:
    assert t("count.missing", "it", n=1) == "1 mancante"
    assert t("count.missing", "it", n=2) == "2 mancanti"
    assert t("count.passed", "it", n=1) == "1 regola soddisfatta"
    assert t("count.suppressed", "it", n=1) == "1 soppresso"
    assert format_date("2014-02-26", "it") == "26 febbraio 2014"
    assert format_date("2014-02-26", "en") == "26 February 2014"
    assert legal_name("Directive 2014/24/EU", "it") == "Direttiva 2014/24/UE"
    assert legal_name("recital 97", "it") == "considerando 97"
    assert legal_name("Directive 2014/24/EU", "en") == "Directive 2014/24/EU"


def test_the_document_kind_names_the_document() -> None:
    message = "Il bando non indica il CCNL; nel bando manca il riferimento."
    assert as_document_kind(message, "disciplinare", "it") == \
        "Il disciplinare non indica il CCNL; nel disciplinare manca il riferimento."
    assert as_document_kind(message, "capitolato", "it").startswith("Il capitolato ")
    assert as_document_kind(message, "bando", "it") == message
    assert as_document_kind(message, None, "it").startswith("Il documento non indica")


def test_placeholders_are_explained() -> None:
    text = placeholders_explained("penale del {penalty_per_mille} per mille", "it")
    assert text == "penale del [penale giornaliera per mille: da completare] per mille"
    assert "{" not in placeholders_explained("{some_new_field}", "it")


def test_fact_values_as_the_scorecard_shows_them() -> None:
    assert coerce_fact("contract_type", "servizi") == "services"
    assert coerce_fact("contract_type", "Forniture") == "supplies"
    assert coerce_fact("award_method", "minor prezzo") == "lowest_price"
    assert coerce_fact("award_method", "OEPV") == "best_price_quality"
    assert canonical_value("lavori", ("works", "services")) == "works"
    result = invoke("check", SAMPLES / CARENTE, "--fact", "contract_type=servizi",
                    "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.stderr


# ------------------------------------------------------------------ Word comments


def test_missing_clauses_are_commented_on_their_section(tmp_path: Path) -> None:
    source = SAMPLES / CARENTE
    result = check_document(source, Options())
    rules = {r.id: describe_rule(r) for p in builtin_packs() for r in p.rules}
    out = tmp_path / "annotato.docx"
    annotate(source, result, out, lang="it", rules=rules)
    anchors = comment_anchors(out)

    def anchor(rule: str) -> str:
        return next(v for k, v in anchors.items() if f"] {rule} " in k)

    assert anchor("IT-57-CLAUSOLA").startswith("5. CLAUSOLA SOCIALE")
    assert anchor("IT-108-PARITA").startswith("8. CRITERIO DI AGGIUDICAZIONE")
    assert anchor("IT-11-CCNL").startswith("4. PERSONALE IMPIEGATO")
    assert anchor("IT-61-REF").startswith("3. SOGGETTI AMMESSI")
    on_title = [k for k, v in anchors.items() if v == "DISCIPLINARE DI GARA"]
    assert len(on_title) <= 3  # the scorecard, and only rules with no section of their own
    clausola = next(k for k in anchors if "] IT-57-CLAUSOLA " in k)
    assert "Da inserire nella sezione «clausole sociali»" in clausola


def test_check_annotate_puts_the_comments_on_their_sections(tmp_path: Path,
                                                           cached: Any) -> None:
    """The command line, not only `annotate()`: `check --annotate` once gave the
    renderer no rule descriptions, and every missing clause landed on the title."""
    out = tmp_path / "commenti.docx"
    result = invoke("check", SAMPLES / CARENTE, "--fail-on", "never", "--annotate", out)
    assert result.exit_code == 0, result.output
    anchors = comment_anchors(out)
    assert len(anchors) == sum(f.counts() for f in cached.documents[0].findings) + 1
    on_title = [k for k, v in anchors.items() if v == "DISCIPLINARE DI GARA"]
    assert len(on_title) <= 3, on_title
    assert next(v for k, v in anchors.items() if "] IT-57-CLAUSOLA " in k).startswith(
        "5. CLAUSOLA SOCIALE")


def test_section_kinds_of_some_rules() -> None:
    assert rule_section("gender-certification-award-points", "social-clauses") == "award"
    assert rule_section("clausola-sociale", "social-clauses") == "social"
    assert rule_section("ccnl-named", "social-clauses") == "execution"
    assert rule_section("reserved-art-61-cited", "reserved-contracts") == "reservation"


def test_xml_invalid_characters_are_removed(tmp_path: Path) -> None:
    assert xml_safe("a\ufffeb\x00c\x0bd\tе\U0001F600") == "abc d\tе\U0001F600"
    source = tmp_path / "bando.txt"
    source.write_text("DISCIPLINARE DI GARA\n\nIl servizio \ufffe di pulizia\x0b degli "
                      "uffici comunali, importo 180.000 euro.\n", encoding="utf-8")
    result = check_document(source, Options(lang="it"))
    out = tmp_path / "annotato.docx"
    assert annotate(source, result, out, lang="it") >= 1
    assert docx.Document(str(out)).paragraphs


def test_annotated_copy_has_the_usual_permissions(tmp_path: Path) -> None:
    source = SAMPLES / CARENTE
    result = check_document(source, Options())
    old = os.umask(0o022)
    try:
        out = tmp_path / "annotato.docx"
        annotate(source, result, out, lang="it")
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_docx_without_saved_pagination_has_no_page() -> None:
    document = read_document(SAMPLES / CARENTE)
    assert all(b.location.page is None for b in document.body())
    assert any(b.location.section for b in document.body())


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="real corpus not present beside the repository")
def test_every_corpus_document_gets_an_annotated_copy(tmp_path: Path) -> None:
    """PDF text holds U+FFFE and other characters Word cannot store: the copy is written
    for every document all the same (the text, the comments and the scorecard)."""
    from proseco_check.model.report import DocumentResult, Profile, Score

    files = sorted(p for p in CORPUS.iterdir() if p.suffix in (".pdf", ".docx"))
    assert files
    for path in files:
        result = DocumentResult(path=str(path), language="it", nlp_mode="blank", packs=[],
                                facts={}, profile=Profile(reserved="none", elements=[],
                                                          eforms={}),
                                findings=[], score=Score(overall=None, categories=[]))
        out = tmp_path / f"{path.stem}.docx"
        assert annotate(path, result, out, lang="it") == 1, path.name
        assert docx.Document(str(out)).paragraphs, path.name

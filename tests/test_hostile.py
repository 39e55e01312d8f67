"""Hostile inputs (issue 17): documents, file names, packs and configs written by an
attacker who wants a CI job to pass, to inject commands or markup into its logs and
reports, or to exhaust it. Every file is built here in tmp_path; each case asserts its
exact one-line message and exit code, within 60 s (never a hang, never a traceback).

Each test's docstring names the attack it covers (the list is in the closing note of
issue 17)."""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from clause_helpers import write_clause
from typer.testing import CliRunner

from proseco_check.cli.app import app
from proseco_check.engine.placeholders import fill
from proseco_check.model.report import DocumentError, Report
from proseco_check.pipeline.check import check_paths
from proseco_check.pipeline.policy.config import glob_match
from proseco_check.pipeline.run import Options
from proseco_check.render import RENDERERS
from proseco_check.sanitize import sanitize_report

ROOT = Path(__file__).resolve().parents[1]
FLAWED = ROOT / "samples" / "it_disciplinare_carente.docx"
TENDER = """\
# Disciplinare di gara

Procedura aperta per l'affidamento in appalto di servizi di pulizia degli edifici comunali.

La stazione appaltante indice una gara con procedura aperta sulla piattaforma telematica.
Gli operatori economici presentano l'offerta entro il termine indicato nel bando.

Il contratto collettivo applicabile al personale impiegato nell'appalto è il CCNL Multiservizi.
"""
FORMATS = ("table", "html", "json", "jsonl", "sarif", "junit", "github", "markdown")
ESCAPES = ("\x1b", "\x9b", "\x07", "\x00", "\x08")
COMMANDS = ("::error", "::warning", "::notice", "::add-mask::", "::stop-commands::",
            "::set-output", "::debug::")


# ------------------------------------------------------------------ helpers


@pytest.fixture(autouse=True)
def _outside_any_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test runs from an empty working folder of its own (the repository root)."""
    home = tmp_path / "ci"
    home.mkdir()
    monkeypatch.chdir(home)
    return home


def cli(*args: str | Path) -> Any:
    env: dict[str, str | None] = {"NO_COLOR": "1", "GITHUB_ACTIONS": None,
                                  "GITHUB_STEP_SUMMARY": None}
    result = CliRunner().invoke(app, [str(a) for a in args], env=env)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def cli_subprocess(*args: str | Path, cwd: Path | None = None, timeout: float = 60
                   ) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-m", "proseco_check", *map(str, args)],
                          capture_output=True, text=True, timeout=timeout, cwd=cwd,
                          env=env, check=False)


def one_line(result: Any, code: int) -> str:
    """The single stderr line of a refused input, after checking the exit code."""
    assert result.exit_code == code, (result.exit_code, result.stdout[-500:], result.stderr)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert "Traceback" not in result.stdout + result.stderr
    return lines[0]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def mini_pack(path: Path, pattern: str = "clausola sociale", fix: str | None = None,
              url: str = "https://example.org/law", rules: int = 1) -> Path:
    """A valid one-rule pack in Italian, for the attacks that need a rule of their own;
    its clause is written beside it (clauses/), where a user pack's clauses live."""
    path.parent.mkdir(parents=True, exist_ok=True)
    rule = {
        "id": "XT-1-TEST", "name": "test-rule",
        "title": {"it": "Regola di prova", "en": "Test rule"},
        "category": "social-clauses", "severity": "error", "evidence": "verified",
        "evidence_source": "a test rule",
        "type": "required",
        "references": [{"law": "D.Lgs. 36/2023", "article": "11", "version": "2023-03-31",
                        "url": url}],
        "clause": write_clause(path.parent, {"it": [{"any": [pattern]}]}),
        "message": {"missing": {"it": "Manca.", "en": "Missing."},
                    "present": {"it": "C'è.", "en": "Present."}},
        "examples": {"good": [{"lang": "it", "text": "Il bando prevede una clausola sociale."}] * 2,
                     "bad": [{"lang": "it", "text": "Nessuna disposizione in materia sociale."}] * 2},
    }
    if fix is not None:
        rule["fix"] = {"it": fix, "en": fix}
    pack = {"pack": {"id": "mini", "name": "Mini", "version": "0.1.0", "jurisdiction": "all",
                     "law_version": "test", "law_date": "2023-03-31",
                     "description": "test pack"},
            "rules": [rule] * rules}
    return write(path, yaml.safe_dump(pack, allow_unicode=True, sort_keys=False))


def pdf_bytes(content: bytes, page_label: bytes | None = None) -> bytes:
    """A one-page PDF with a Helvetica content stream (compressed), optionally a label."""
    stream = zlib.compress(content, 9)
    labels = (b" /PageLabels << /Nums [0 << /S /D /P (" + page_label + b") >>] >>"
              if page_label is not None else b"")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R" + labels + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Filter /FlateDecode /Length " + str(len(stream)).encode() + b" >>\nstream\n"
        + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n"
            "%%EOF\n").encode()
    return bytes(out)


def text_pdf(lines: list[str], page_label: bytes | None = None) -> bytes:
    body = b"BT /F1 11 Tf 14 TL 50 780 Td\n" + b"".join(
        b"(" + line.encode("latin-1").replace(b"(", b"\\(").replace(b")", b"\\)")
        + b") Tj T*\n" for line in lines) + b"ET"
    return pdf_bytes(body, page_label)


TENDER_LINES = [line for line in TENDER.replace("# ", "").splitlines() if line.strip()]


def failing_rules(report: dict[str, Any]) -> list[str]:
    return [f["rule"] for d in report["documents"] for f in d["findings"]
            if f["status"] in ("missing", "wrong")]


def with_comments(source: Path | None, target: Path, comments: list[tuple[str, str]]) -> Path:
    document = docx.Document(str(source)) if source else docx.Document()
    if source is None:
        for line in TENDER_LINES:
            document.add_paragraph(line)
    anchor = next(p for p in document.paragraphs if p.runs)
    for author, text in comments:
        document.add_comment(anchor.runs, text=text, author=author, initials="X")
    document.save(str(target))
    return target


@pytest.fixture(scope="module")
def flawed_rules() -> list[str]:
    report = check_paths([FLAWED], Options())
    return [f.rule for f in report.documents[0].findings if f.counts()]


# ------------------------------------------------------------------ policy bypass


def test_document_cannot_waive_its_own_findings(tmp_path: Path, flawed_rules: list[str],
                                                _outside_any_repository: Path) -> None:
    """Word comments 'proseco: ignore RULE — ok' in a submitted DOCX: off by default, and
    with waivers enabled only the authors the config names count."""
    assert len(flawed_rules) >= 5
    forged = with_comments(FLAWED, tmp_path / "offerta.docx",
                           [("Avv. Rossi", f"proseco: ignore {rule} — ok") for rule in flawed_rules])
    result = cli("check", forged, "--format", "json", "--ui-lang", "en")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)["documents"][0]
    assert doc["suppressed"] == 0
    assert (f"{len(flawed_rules)} 'proseco: ignore' Word comments not honoured: in-document "
            "waivers are off (the repository config can enable them with waivers.enabled and "
            "waivers.authors)") in doc["notices"]
    config = write(_outside_any_repository / "proseco.yaml",
                   "waivers:\n  enabled: true\n  authors: [Ufficio Gare]\n")
    result = cli("check", forged, "--format", "json", "--ui-lang", "en")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)["documents"][0]
    assert doc["suppressed"] == 0
    assert (f"Word comment 0 '{flawed_rules[0]}' by Avv. Rossi: not an author named in "
            f"waivers.authors of {config}; ignored") in doc["notices"]


def test_waivers_enabled_without_authors_is_a_config_error(_outside_any_repository: Path,
                                                           tmp_path: Path) -> None:
    """A config that enables waivers must name whose comments count."""
    config = write(_outside_any_repository / "proseco.yaml", "waivers: {enabled: true}\n")
    doc = write(tmp_path / "bando.md", TENDER)
    assert one_line(cli("check", doc), 2) == (
        f"proseco-check: {config}: key 'waivers': name the authors whose Word comments may "
        "waive findings (waivers.authors: [\"Avv. Rossi\"])")


@pytest.mark.parametrize("planted", [
    ("proseco.yaml", "fail-on: never\nignore: [error, warning, info]\n"),
    ("pyproject.toml", "[tool.proseco-check]\nfail-on = 'never'\n"),
])
def test_config_inside_the_checked_folder_is_ignored(tmp_path: Path, planted: tuple[str, str],
                                                     _outside_any_repository: Path) -> None:
    """A proseco.yaml or pyproject.toml planted beside the documents does not beat the
    repository's config; the report names the config used."""
    root_config = write(_outside_any_repository / "proseco.yaml", "fail-on: warning\n")
    submitted = tmp_path / "ci" / "submissions"
    write(submitted / planted[0], planted[1])
    copy_of = submitted / "offerta.docx"
    copy_of.write_bytes(FLAWED.read_bytes())
    result = cli("check", submitted, "--format", "json")
    assert result.exit_code == 1, result.stderr
    assert json.loads(result.stdout)["config"] == str(root_config)
    table = cli("check", submitted, "-v", "--ui-lang", "en")
    assert f"config: {root_config}" in table.stdout


def test_config_found_at_the_git_top_level(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                           ) -> None:
    """From a subfolder of a repository, the config at its top level is used."""
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    config = write(repo / "proseco.yaml", "fail-on: never\n")
    doc = write(repo / "tenders" / "bando.md", TENDER)
    monkeypatch.chdir(repo / "tenders")
    result = cli("check", doc, "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["config"] == str(config)


@pytest.mark.parametrize("kind", ["pdf+docx", "zip-with-pdf-header"])
def test_polyglot_files_are_refused(tmp_path: Path, kind: str) -> None:
    """A compliant PDF with a flawed DOCX appended (named .docx), and a ZIP with a PDF
    header, are two formats at once: refused."""
    pdf = text_pdf(TENDER_LINES)
    data = pdf + FLAWED.read_bytes() if kind == "pdf+docx" else b"%PDF-1.4\n" + FLAWED.read_bytes()
    target = tmp_path / "offerta.docx"
    target.write_bytes(data)
    assert zipfile.is_zipfile(target)
    assert one_line(cli("check", target), 3) == (
        f"proseco-check: {target}: the file is both a PDF and a ZIP/DOCX archive (a polyglot "
        "file): refused; save it again as one PDF or one DOCX")


def test_builtin_pack_id_beats_a_folder_of_that_name(tmp_path: Path,
                                                     _outside_any_repository: Path) -> None:
    """A folder named it/ beside the config cannot replace the built-in Italian pack."""
    mini_pack(_outside_any_repository / "it" / "it.yaml")
    write(_outside_any_repository / "proseco.yaml", "packs: [it]\n")
    copy_of = tmp_path / "offerta.docx"
    copy_of.write_bytes(FLAWED.read_bytes())
    for args in ((), ("--pack", "it")):
        result = cli("check", copy_of, "--format", "json", *args)
        assert result.exit_code == 1
        report = json.loads(result.stdout)
        assert report["documents"][0]["packs"] == ["it"]
        assert len(failing_rules(report)) >= 10
        assert "XT-1-TEST" not in {f["rule"] for f in report["documents"][0]["findings"]}


def test_a_run_with_no_rules_is_an_error(tmp_path: Path) -> None:
    """An empty --pack folder, or packs with no rule, run nothing: exit 2, not 0."""
    doc = write(tmp_path / "bando.md", TENDER)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert one_line(cli("check", doc, "--pack", empty), 2) == (
        f"proseco-check: {empty}: the folder holds no pack (*.yaml) file")
    norules = write(tmp_path / "none.yaml", yaml.safe_dump({
        "pack": {"id": "none", "name": "None", "version": "0.1.0", "jurisdiction": "all",
                 "law_version": "x", "law_date": "2023-03-31", "description": "x"},
        "rules": []}))
    line = one_line(cli("check", doc, "--pack", norules), 2)
    assert line.startswith(f"proseco-check: {norules}: no rules to run: the packs given hold "
                           "no rule (built-in packs: be, de, es, eu, ")


CATASTROPHIC = "(a|aa)+$"


def test_a_rule_that_times_out_fails_the_run_in_every_format(tmp_path: Path) -> None:
    """A regex that times out: status skipped with its reason, a notice in every format,
    and exit 1 at --fail-on error (0 only at never)."""
    pack = mini_pack(tmp_path / "slow.yaml", pattern=CATASTROPHIC)
    doc = write(tmp_path / "bando.md", TENDER + "\n" + "a" * 40 + "b\n")
    started = time.monotonic()
    result = cli("check", doc, "--pack", pack, "--format", "json")
    assert time.monotonic() - started < 60
    assert result.exit_code == 1, result.stderr
    finding = json.loads(result.stdout)["documents"][0]["findings"][0]
    assert finding["status"] == "skipped" and "pattern_timeout" in finding["detail"]
    notice = ("regola XT-1-TEST: non valutata (regola saltata: un'espressione regolare ha "
              "superato il tempo limite ((a|aa)+$)); la verifica non è completa e fallisce "
              "con --fail-on error")
    for fmt in FORMATS:
        out = cli("check", doc, "--pack", pack, "--format", fmt)
        assert out.exit_code == 1, (fmt, out.stderr)
        shown = out.stdout + out.stderr
        assert "XT-1-TEST" in shown, fmt
        assert ("tempo limite" in shown if fmt in ("jsonl", "junit")
                else "non valutata" in shown), fmt
    assert notice in cli("check", doc, "--pack", pack, "--format", "json").stdout
    junit = ET.fromstring(cli("check", doc, "--pack", pack, "--format", "junit").stdout)
    assert junit.get("errors") == "1" and junit.find(".//error").get("type") == "unevaluated"
    sarif = json.loads(cli("check", doc, "--pack", pack, "--format", "sarif").stdout)
    invocation = sarif["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert any(n["level"] == "error" and n.get("descriptor") == {"id": "XT-1-TEST"}
               for n in invocation["toolExecutionNotifications"])
    assert cli("check", doc, "--pack", pack, "--fail-on", "never").exit_code == 0
    assert cli("check", doc, "--pack", pack, "--fail-on", "warning").exit_code == 1


# ------------------------------------------------------------------ injection


def outside_code_spans(markdown: str) -> str:
    """The Markdown with its code spans removed (their content is shown, never parsed)."""
    return re.sub(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)", "", markdown)


HOSTILE_NAME = "offerta\x1b]0;pwned\x07\n::error::forged`<img src=x onerror=alert(1)>`|.md"


def _no_injection(text: str, fmt: str) -> None:
    for char in ESCAPES:
        assert char not in text, (fmt, repr(char))
    for line in text.splitlines():
        stripped = line.strip()
        if fmt == "github" and re.match(r"::(error|warning|notice) (file|title)=", line):
            continue
        assert not stripped.startswith("::"), (fmt, line)


@pytest.mark.parametrize("fmt", FORMATS)
def test_file_names_and_text_cannot_inject_commands_or_escapes(tmp_path: Path, fmt: str
                                                               ) -> None:
    """Newlines, `::error`/`::add-mask::` lines and ESC/OSC sequences in a file name and in
    the text never reach stdout or stderr in any format (table and -q included)."""
    text = TENDER.replace("Procedura aperta", "Procedura \x1b[2J\x1b]8;;http://x\x07aperta"
                          "\x9b31m\n::add-mask::secret\n::stop-commands::tok")
    doc = tmp_path / HOSTILE_NAME
    doc.write_text(text, encoding="utf-8")
    result = cli("check", tmp_path, "--format", fmt)
    assert result.exit_code == 1, result.stderr
    _no_injection(result.stdout + result.stderr, fmt)
    if fmt == "table":
        _no_injection(cli("check", tmp_path, "-q").stdout, "table")
    if fmt == "junit":
        ET.fromstring(result.stdout)
    if fmt == "markdown":
        assert "<img" not in outside_code_spans(result.stdout)
        assert "/offerta]0;pwned : :error: :forged`<img src=x onerror=alert(1)>`\\|.md``" \
            in result.stdout
    if fmt == "github":
        assert "%0A" not in result.stdout  # the name lost its newline before escaping


def test_unreadable_file_with_hostile_name_is_one_clean_line(tmp_path: Path) -> None:
    """The error line for an unreadable file names it without its control characters."""
    bad = tmp_path / "x\x1b[31m\n::error::y.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    result = cli("check", bad)
    line = one_line(result, 3)
    assert "\x1b" not in line and line.startswith("proseco-check: ")
    assert ": :error: :y.pdf" in line


def test_pdf_text_and_page_labels_are_cleaned(tmp_path: Path) -> None:
    """ESC in PDF text and a page label with a newline and `::error` are removed at
    reading time."""
    from proseco_check.readers import read_document

    pdf = tmp_path / "bando.pdf"
    lines = [TENDER_LINES[0] + " \x1b[2J", *TENDER_LINES[1:]]
    pdf.write_bytes(text_pdf(lines, page_label=b"\n::error::label\x1b]0;t\x07"))
    document = read_document(pdf)
    text = document.text() + " ".join(b.location.page_label or "" for b in document.blocks)
    assert "\x1b" not in text and "\n" not in text.replace(document.text(), "")
    labels = {b.location.page_label for b in document.blocks}
    assert labels == {": :error::label]0;t1"} or all(
        label is None or not label.startswith("::") for label in labels)
    for fmt in ("table", "github", "markdown"):
        _no_injection(cli("check", pdf, "--format", fmt).stdout, fmt)


def test_comment_author_with_newlines_cannot_inject(tmp_path: Path,
                                                    _outside_any_repository: Path) -> None:
    """A Word comment author holding a newline and `::error` reaches a notice as one
    line, in the table, -q and github outputs."""
    write(_outside_any_repository / "proseco.yaml",
          "waivers: {enabled: true, authors: [Ufficio Gare]}\n")
    doc = with_comments(None, tmp_path / "bando.docx", [
        ("Mallory\n::error::forged\t]0;x", "proseco: ignore IT-11-CCNL — fine")])
    for fmt in ("table", "github", "markdown", "json"):
        result = cli("check", doc, "--format", fmt)
        _no_injection(result.stdout + result.stderr, fmt)
    notices = json.loads(cli("check", doc, "--format", "json", "--ui-lang", "en").stdout
                         )["documents"][0]["notices"]
    assert any("by Mallory : :error: :forged ]0;x: not an author" in n for n in notices), notices


@pytest.fixture(scope="module")
def hostile_report() -> Report:
    """A real report, then every string an attacker can reach replaced by a hostile one."""
    folder = Path(os.environ.get("TMPDIR", "/tmp")) / f"hostile-{os.getpid()}"
    folder.mkdir(exist_ok=True)
    doc = write(folder / "bando.md", TENDER)
    report = check_paths([doc], Options())
    evil = ("x\x1b]8;;http://evil\x07\r\n::add-mask::tok <img src=x onerror=alert(1)> "
            "<details><summary>open [link](javascript:alert(1)) `code` | pipe \ufffe\ud800")
    result = report.documents[0]
    result.path = "dir/" + HOSTILE_NAME
    result.notices.append(evil)
    for finding in result.findings:
        finding.message = evil
        finding.title = evil
        finding.fix = evil
        for ref in finding.references:
            ref.url = "javascript:alert(1)"
        if finding.location is not None:
            finding.location.text = evil
            finding.location.page_label = "\n::stop-commands::x"
    report.errors.append(DocumentError(path="bad\n::error::x.pdf", error=evil))
    report.notices.append(evil)
    return report


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_renderer_is_safe_on_a_hostile_report(hostile_report: Report, fmt: str) -> None:
    """Raw HTML, unclosed <details>, javascript: links, backticks, pipes, ESC, CR/LF and
    non-XML characters in every field, rendered in every format."""
    shown = sanitize_report(copy.deepcopy(hostile_report))
    out = RENDERERS[fmt](shown, ui_lang="en", verbose=True, color=False, packs=None)
    _no_injection(out, fmt)
    if fmt == "markdown":
        assert "<img" not in outside_code_spans(out) and "](javascript:" not in out
        assert out.count("<details>") == out.count("</details>")
        assert "&lt;details&gt;" in out and "\\[link\\]\\(javascript:alert\\(1\\)\\)" in out
    if fmt == "html":
        assert "<img" not in out and 'href="javascript' not in out
    if fmt == "junit":
        ET.fromstring(out)
    if fmt == "sarif":
        data = json.loads(out)
        rules = data["runs"][0]["tool"]["driver"]["rules"]
        assert rules and all("helpUri" not in r for r in rules)
        assert "](javascript:" not in json.dumps([r["help"]["markdown"] for r in rules])
        assert all("url" not in ref for r in rules for ref in r["properties"]["references"])


def test_sarif_help_uri_only_http(tmp_path: Path) -> None:
    """A pack whose reference URL is javascript: gives no helpUri in SARIF."""
    doc = write(tmp_path / "bando.md", TENDER)
    for url, expected in (("javascript:alert(1)", None), ("https://e.org/x", "https://e.org/x")):
        pack = mini_pack(tmp_path / "p.yaml", url=url)
        data = json.loads(cli("check", doc, "--pack", pack, "--format", "sarif").stdout)
        rule = data["runs"][0]["tool"]["driver"]["rules"][0]
        assert rule.get("helpUri") == expected


def test_symlinks_leaving_the_checked_folder_are_skipped(tmp_path: Path) -> None:
    """offer.txt -> /etc/passwd inside a checked folder is skipped with a notice, named on
    the command line it is refused, and --annotate never writes its target."""
    folder = tmp_path / "submissions"
    write(folder / "bando.md", TENDER)
    (folder / "offer.txt").symlink_to("/etc/passwd")
    (folder / "inside.md").symlink_to(folder / "bando.md")
    result = cli("check", folder, "--format", "json")
    report = json.loads(result.stdout)
    assert [Path(d["path"]).name for d in report["documents"]] == ["bando.md", "inside.md"]
    assert (f"{folder / 'offer.txt'}: a symbolic link to a file outside the checked folder "
            f"{folder}; skipped") in report["notices"]
    assert "root:" not in result.stdout
    assert one_line(cli("check", folder / "offer.txt"), 3) == (
        f"proseco-check: {folder / 'offer.txt'}: is a symbolic link to a file outside the "
        "repository and its own folder: refused")
    out = tmp_path / "annotated.docx"
    assert cli("check", folder / "offer.txt", "--annotate", out).exit_code == 3
    assert not out.exists()


# ------------------------------------------------------------------ blow-up and hang


def _zip(path: Path, parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def _docx_parts() -> dict[str, bytes]:
    with zipfile.ZipFile(FLAWED) as source:
        return {name: source.read(name) for name in source.namelist()}


def test_docx_small_part_bomb_is_refused(tmp_path: Path) -> None:
    """A part under 10 MiB that unpacks a thousand times its size."""
    parts = _docx_parts()
    parts["word/media/bomb.bin"] = b"\0" * (9 * 2**20)
    bomb = _zip(tmp_path / "bomb.docx", parts)
    assert one_line(cli("check", bomb), 3) == (
        f"proseco-check: {bomb}: part word/media/bomb.bin unpacks to 9.0 MB: too large to be "
        "a tender (possible ZIP bomb)")


def test_docx_total_unpacked_size_is_capped(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Many parts each under the caps, too large together (cap lowered for the test)."""
    from proseco_check.readers import docx as docx_reader

    monkeypatch.setattr(docx_reader, "MAX_TOTAL_BYTES", 3 * 2**20)
    parts = _docx_parts()
    for n in range(4):
        parts[f"word/media/image{n}.bin"] = os.urandom(2**20)
    big = _zip(tmp_path / "big.docx", parts)
    total = sum(len(data) for data in parts.values()) / 2**20
    assert one_line(cli("check", big), 3) == (
        f"proseco-check: {big}: the DOCX unpacks to {total:.1f} MB in all, over the limit of "
        "3 MB: too large to be a tender (possible ZIP bomb)")


def test_docx_part_count_is_capped(tmp_path: Path) -> None:
    """Ten thousand and more parts."""
    parts = _docx_parts()
    parts.update({f"customXml/item{n}.xml": b"<a/>" for n in range(10_001)})
    many = _zip(tmp_path / "many.docx", parts, zipfile.ZIP_STORED)
    line = one_line(cli("check", many), 3)
    assert line == (f"proseco-check: {many}: the DOCX holds {len(parts):,} parts, over the "
                    "limit of 10,000: too large to be a tender (possible ZIP bomb)")


def test_docx_with_199_mib_document_xml_ends_quickly(tmp_path: Path) -> None:
    """A 199 MiB word/document.xml: refused from the archive's directory, in seconds."""
    parts = _docx_parts()
    body = b"<w:p><w:r><w:t>clausola</w:t></w:r></w:p>"
    target = tmp_path / "huge.docx"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            if name != "word/document.xml":
                archive.writestr(name, data)
        with archive.open("word/document.xml", "w", force_zip64=True) as handle:
            chunk = body * (2**20 // len(body))
            written = 0
            while written < 199 * 2**20:
                handle.write(chunk)
                written += len(chunk)
    started = time.monotonic()
    line = one_line(cli("check", target), 3)
    assert time.monotonic() - started < 60
    assert re.fullmatch(rf"proseco-check: {re.escape(str(target))}: part word/document\.xml "
                        r"unpacks to \d+\.\d MB: too large to be a tender \(possible ZIP "
                        r"bomb\)", line), line


def test_pdf_with_a_10_mb_text_page_is_refused_in_time(tmp_path: Path) -> None:
    """A small PDF with one page of ten million characters: refused before its text is
    extracted (extraction alone would take 1.5 GB)."""
    row = b"(" + b"clausola " * 1000 + b") Tj T*\n"
    pdf = tmp_path / "page.pdf"
    pdf.write_bytes(pdf_bytes(b"BT /F1 1 Tf 1 TL 10 800 Td\n" + row * 1100 + b"ET"))
    assert pdf.stat().st_size < 400_000
    started = time.monotonic()
    result = cli_subprocess("check", pdf)
    assert time.monotonic() - started < 60
    assert result.returncode == 3
    assert re.fullmatch(
        rf"proseco-check: {re.escape(str(pdf))}: page 1 is too large to extract: its content "
        r"alone takes \d+ MB of memory \(a page of a tender takes under 64 MB\)",
        result.stderr.strip()), result.stderr


def test_pdf_page_over_a_million_characters_is_refused(tmp_path: Path) -> None:
    """A page of 1.2 million characters (small enough to load): the per-page text cap."""
    row = b"(" + b"clausola " * 1000 + b") Tj T*\n"
    pdf = tmp_path / "page.pdf"
    pdf.write_bytes(pdf_bytes(b"BT /F1 1 Tf 1 TL 10 800 Td\n" + row * 130 + b"ET"))
    assert re.fullmatch(
        rf"proseco-check: {re.escape(str(pdf))}: page 1 holds 1,1\d\d,\d\d\d characters of "
        r"text, over the limit for one page: split the document, or raise the limit with "
        r"--max-chars", one_line(cli("check", pdf), 3))


def test_pdf_with_200000_tiny_text_objects_is_read_in_bounded_time(tmp_path: Path) -> None:
    """200,000 one-character text objects on one page."""
    body = b"".join(b"BT /F1 1 Tf %d %.3f Td (a) Tj ET\n" % (n % 500, 1 + n * 0.004)
                    for n in range(200_000))
    pdf = tmp_path / "tiny.pdf"
    pdf.write_bytes(pdf_bytes(body))
    started = time.monotonic()
    result = cli_subprocess("check", pdf)
    assert time.monotonic() - started < 60
    assert result.stderr.strip() == (
        f"proseco-check: {pdf}: page 1 holds 200,000 text objects, over the limit of 100,000 "
        "for one page")
    assert result.returncode == 3


def test_99_mb_text_file_is_refused_in_time(tmp_path: Path) -> None:
    """A 99 MB TXT file (under --max-bytes) is over the text budget."""
    big = tmp_path / "big.txt"
    line = (TENDER_LINES[1] + "\n").encode()
    with big.open("wb") as handle:
        for _ in range(99 * 2**20 // (len(line) * 1000)):
            handle.write(line * 1000)
    started = time.monotonic()
    result = cli_subprocess("check", big)
    assert time.monotonic() - started < 60
    assert result.returncode == 3
    assert result.stderr.strip() == (
        f"proseco-check: {big}: the document holds more than 5,000,000 characters of text, "
        "over the limit for one document: split it, or raise the limit with --max-chars")
    small = write(tmp_path / "ok.md", TENDER)
    assert one_line(cli("check", small, "--max-chars", "100"), 3).endswith(
        "the document holds more than 100 characters of text, over the limit for one "
        "document: split it, or raise the limit with --max-chars")


BILLION_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join(['*' + chr(97 + n)] * 10)}]\n"
    for n in range(8))


@pytest.mark.parametrize("where", ["pack", "config", "suppressions"])
def test_yaml_alias_bombs_are_refused(tmp_path: Path, where: str,
                                      _outside_any_repository: Path) -> None:
    """Aliases that expand a 1 KB YAML file to a billion nodes."""
    doc = write(tmp_path / "bando.md", TENDER)
    bomb = write(tmp_path / f"{where}.yaml", BILLION_LAUGHS)
    option = {"pack": "--pack", "config": "--config", "suppressions": "--suppressions"}[where]
    started = time.monotonic()
    line = one_line(cli("check", doc, option, bomb), 2)
    assert time.monotonic() - started < 30
    assert line == (f"proseco-check: {bomb}: YAML error: the file expands to more than "
                    "2,000,000 nodes through its aliases: refused") or line == (
        f"proseco-check: {bomb}: the file expands to more than 2,000,000 nodes through its "
        "aliases: refused")


def test_recursive_and_deep_yaml_is_refused(tmp_path: Path) -> None:
    """A self-referencing alias and nesting deeper than 100 levels."""
    doc = write(tmp_path / "bando.md", TENDER)
    loop = write(tmp_path / "loop.yaml", "a: &a [*a]\n")
    assert one_line(cli("check", doc, "--config", loop), 2) == (
        f"proseco-check: {loop}: an alias refers to the node that contains it: refused")
    deep = write(tmp_path / "deep.yaml", "a: " + "[" * 150 + "]" * 150 + "\n")
    assert one_line(cli("check", doc, "--config", deep), 2) == (
        f"proseco-check: {deep}: the file nests deeper than 100 levels: refused")


def test_a_key_named_twice_is_refused(tmp_path: Path) -> None:
    """YAML keeps the last of two equal keys silently: a truth file's second entry would
    overwrite the first, a config's second setting the first, unseen."""
    doc = write(tmp_path / "bando.md", TENDER)
    config = write(tmp_path / "config.yaml", "fail_on: error\nfail_on: warning\n")
    assert one_line(cli("check", doc, "--config", config), 2) == (
        f"proseco-check: {config}: duplicate key 'fail_on' at line 2")
    truth = write(tmp_path / "truth.yaml", "docs:\n  bando.md:\n    tender: true\n"
                  "    reserved: false\n    tender: false\n")
    assert one_line(cli("eval", str(tmp_path), "--truth", truth), 2) == (
        f"proseco-check: {truth}: duplicate key 'tender' at line 5")
    facts = write(tmp_path / "facts.yaml", "docs:\n  bando.md:\n    award_method: price\n"
                  "  bando.md:\n    award_method: quality\n")
    good = write(tmp_path / "good.yaml", "docs:\n  bando.md:\n    tender: true\n")
    line = one_line(cli("eval", str(tmp_path), "--truth", good, "--facts-truth", facts), 2)
    assert line.startswith(f"proseco-check: {facts}: cannot read the facts truth file")
    assert "duplicate key 'bando.md' at line 4" in line


@pytest.mark.parametrize("option", ["--config", "--suppressions"])
def test_config_and_suppressions_have_a_size_cap(tmp_path: Path, option: str) -> None:
    """A 2 MB config or suppressions file."""
    doc = write(tmp_path / "bando.md", TENDER)
    big = write(tmp_path / "big.yaml", "# padding\n" * 200_000)
    assert one_line(cli("check", doc, option, big), 2) == (
        f"proseco-check: {big}: the "
        f"{'config' if option == '--config' else 'suppressions file'} is 1.9 MB, over the "
        "limit of 1.0 MB")


SPECIAL_OPTIONS = ["--pack", "--config", "--suppressions", "--baseline", "--recall"]


@pytest.mark.parametrize("option", [*SPECIAL_OPTIONS, "document"])
def test_device_files_are_refused(tmp_path: Path, option: str) -> None:
    """/dev/zero as pack, config, suppressions, baseline, recall file or document."""
    doc = write(tmp_path / "bando.md", TENDER)
    args = ["check", "/dev/zero"] if option == "document" else ["check", doc, option,
                                                                 "/dev/zero"]
    result = cli_subprocess(*args, timeout=60)
    assert result.returncode == (3 if option == "document" else 2), result.stderr
    assert result.stderr.strip() == (
        "proseco-check: /dev/zero: is a device, not a regular file: refused")


@pytest.mark.parametrize("option", [*SPECIAL_OPTIONS, "document"])
def test_fifos_are_refused_without_hanging(tmp_path: Path, option: str) -> None:
    """A named pipe nobody writes to, as each input."""
    doc = write(tmp_path / "bando.md", TENDER)
    fifo = tmp_path / ("pipe.md" if option == "document" else "pipe.yaml")
    os.mkfifo(fifo)
    args = ["check", fifo] if option == "document" else ["check", doc, option, fifo]
    result = cli_subprocess(*args, timeout=60)
    assert result.returncode == (3 if option == "document" else 2), result.stderr
    assert result.stderr.strip() == (
        f"proseco-check: {fifo}: is a FIFO (named pipe), not a regular file: refused")


@pytest.mark.parametrize(("fix", "found"), [
    ("Importo {jurisdiction:>1999999999}", "{jurisdiction:>1999999999}"),
    ("{x.__class__.__mro__}", "{x.__class__.__mro__}"),
    ("Il CCNL {0} si applica", "{0} si applica"),
    ("Il CCNL } si applica", "} si applica"),
    ("{a:>99}", "{a:>99}"),
    ("{{ccnl_name}}", "{}"),
])
def test_model_clauses_allow_only_name_placeholders(tmp_path: Path, fix: str, found: str
                                                    ) -> None:
    """str.format specs, attribute lookups, positional fields and lone braces in a model
    clause: `rules validate` and `check --pack` refuse the pack."""
    pack = mini_pack(tmp_path / "p.yaml", fix=fix)
    expected = (f"proseco-check: {pack} [rule XT-1-TEST]: field 'fix.it': only {{name}} "
                f"placeholders (letters, digits, _) may use braces; found '{found[:24]}'")
    assert one_line(cli("rules", "validate", pack), 2) == expected
    doc = write(tmp_path / "bando.md", TENDER)
    assert one_line(cli("check", doc, "--pack", pack), 2) == expected


def test_model_clause_placeholders_are_filled_by_name_only(tmp_path: Path) -> None:
    """{name} is filled from the facts; a value holding braces is inserted as is."""
    assert fill("CCNL {ccnl_name}, {unknown}", {"ccnl_name": "{x.__class__}"}) == \
        "CCNL {x.__class__}, {unknown}"
    pack = mini_pack(tmp_path / "p.yaml", pattern="non presente nel testo",
                     fix="Giurisdizione {jurisdiction} ({missing_fact}).")
    doc = write(tmp_path / "bando.md", TENDER)
    data = json.loads(cli("check", doc, "--pack", pack, "--format", "json").stdout)
    finding = data["documents"][0]["findings"][0]
    assert finding["fix"] == "Giurisdizione it ({missing_fact})."


def test_suppression_globs_do_not_backtrack(tmp_path: Path) -> None:
    """`**/**/**/*a*a*a*…` against a path thousands of characters long."""
    started = time.monotonic()
    assert not glob_match("**/**/**/**/*a*a*a*a*a*a*a*a*b", "a/" * 2000 + "a" * 3000)
    assert glob_match("**/*a*b", "x/" * 2000 + "aab")
    assert time.monotonic() - started < 2


# ------------------------------------------------------------------ nothing lost


def test_junit_and_annotate_survive_control_characters(tmp_path: Path) -> None:
    """Control characters in the text and the file name: JUnit parses, --annotate and
    suggest --output write their DOCX."""
    doc = tmp_path / "bando\x01\x1f.md"
    doc.write_text(TENDER.replace("servizi", "servizi\x0b\x01\x1f\ufffe"), encoding="utf-8")
    junit = cli("check", doc, "--format", "junit")
    assert junit.exit_code == 1
    ET.fromstring(junit.stdout)
    out = tmp_path / "annotated.docx"
    result = cli("check", doc, "--annotate", out, "-q")
    assert result.exit_code == 1 and out.is_file(), result.stderr
    docx.Document(str(out))
    clauses = tmp_path / "clauses.docx"
    assert cli("suggest", doc, "--output", clauses).exit_code == 0
    docx.Document(str(clauses))


def test_annotate_reuses_the_document_already_read(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """--annotate writes the document the check read (same --max-pages/--max-bytes/--ocr),
    without reading the file a second time."""
    from proseco_check.pipeline import annotate as annotate_module

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("the input was read a second time")

    monkeypatch.setattr(annotate_module, "read_document", refuse)
    pdf = tmp_path / "bando.pdf"
    pdf.write_bytes(text_pdf(TENDER_LINES))
    out = tmp_path / "annotated.docx"
    result = cli("check", pdf, "--annotate", out, "--max-pages", "1", "--max-bytes", "1")
    assert result.exit_code == 1, result.stderr
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "CCNL Multiservizi" in text


@pytest.mark.parametrize("target", ["long", "folder-is-a-file", "read-only"])
def test_an_output_that_cannot_be_written_loses_nothing(tmp_path: Path, target: str) -> None:
    """A name too long, a folder that is a file, a read-only file system: one line naming
    the file and the reason, the report still on stdout, exit 2."""
    doc = write(tmp_path / "bando.md", TENDER)
    paths = {"long": tmp_path / ("x" * 300 + ".json"),
             "folder-is-a-file": doc / "report.json",
             "read-only": Path("/proc/report.json")}
    out = paths[target]
    result = cli("check", doc, "--format", "markdown", "--output-json", out)
    assert result.exit_code == 2
    assert "## " in result.stdout and "IT-" in result.stdout  # the report is not lost
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"proseco-check: {out}: cannot write the "
                                                   "file (")
    annotate = cli("check", doc, "-q", "--annotate", paths["long"].with_suffix(".docx"))
    assert annotate.exit_code == 2 and "bando.md" in annotate.stdout
    assert "cannot write the file (File name too long)" in annotate.stderr


def test_impossible_dates_name_the_file_and_key(tmp_path: Path) -> None:
    """2026-02-30 in a suppressions file and in a pack's reference version."""
    doc = write(tmp_path / "bando.md", TENDER)
    sup = write(tmp_path / "sup.yaml", "suppressions:\n  - rule: IT-11-CCNL\n    files: '*.md'"
                "\n    reason: r\n    author: a\n    expires: 2026-02-30\n")
    line = one_line(cli("check", doc, "--suppressions", sup), 2)
    assert line.startswith(f"proseco-check: {sup}: entry 1 (rule IT-11-CCNL): key 'expires': ")
    pack = mini_pack(tmp_path / "p.yaml")
    text = pack.read_text(encoding="utf-8")
    assert "  version: '2023-03-31'" in text
    pack.write_text(text.replace("  version: '2023-03-31'", "  version: 2023-02-30"),
                    encoding="utf-8")
    line = one_line(cli("rules", "validate", pack), 2)
    assert line.startswith(f"proseco-check: {pack} [rule XT-1-TEST]: field "
                           "'references.0.version': ")


@pytest.mark.parametrize("option", ["--config", "--suppressions", "--pack", "--baseline",
                                    "--recall"])
def test_odd_length_utf16_names_the_file(tmp_path: Path, option: str) -> None:
    """A file that starts with a UTF-16 mark and has an odd number of bytes."""
    doc = write(tmp_path / "bando.md", TENDER)
    odd = tmp_path / "odd.yaml"
    odd.write_bytes("a: 1\n".encode("utf-16") + b"\x00")
    what = {"--config": "the config", "--suppressions": "the suppressions file",
            "--pack": "the pack", "--baseline": "the baseline", "--recall": "the recall file"}
    assert one_line(cli("check", doc, option, odd), 2) == (
        f"proseco-check: {odd}: {what[option]} starts with a UTF-16 mark but has an odd number "
        "of bytes (damaged UTF-16)")


def test_odd_length_utf16_document_is_read(tmp_path: Path) -> None:
    """An odd-length UTF-16 text document is read (the damaged last byte dropped)."""
    doc = tmp_path / "bando.txt"
    doc.write_bytes(TENDER.encode("utf-16") + b"\x00")
    result = cli("check", doc, "--format", "json")
    assert result.exit_code == 1 and json.loads(result.stdout)["documents"]


def test_deeply_nested_baseline_names_the_file(tmp_path: Path) -> None:
    """A baseline nested 100,000 levels deep."""
    doc = write(tmp_path / "bando.md", TENDER)
    deep = write(tmp_path / "baseline.json", "[" * 100_000 + "]" * 100_000)
    assert one_line(cli("check", doc, "--baseline", deep), 2) == (
        f"proseco-check: {deep}: the baseline nests its JSON too deeply to be read")
    recall = write(tmp_path / "recall.json", '{"rules": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert one_line(cli("check", doc, "--recall", recall), 2) == (
        f"proseco-check: {recall}: the recall file nests its JSON too deeply to be read")


# ------------------------------------------------------------------ the flawed sample


def _attacks(tmp_path: Path, flawed_rules: list[str], home: Path) -> Iterator[Path]:
    """The flawed sample as submitted with every policy trick at once."""
    folder = tmp_path / "ci" / "submissions"
    folder.mkdir(parents=True)
    write(folder / "proseco.yaml", "fail-on: never\nwaivers: {enabled: true, authors: [M]}\n")
    write(folder / "pyproject.toml", "[tool.proseco-check]\nfail-on = 'never'\n")
    write(folder / "proseco-suppressions.yaml", yaml.safe_dump({"suppressions": [
        {"rule": r, "files": "**", "reason": "ok", "author": "M"} for r in flawed_rules]}))
    mini_pack(home / "it" / "it.yaml")
    with_comments(FLAWED, folder / "offerta.docx",
                  [("M", f"proseco: ignore {rule} — ok") for rule in flawed_rules])
    yield folder


def test_flawed_sample_still_exits_1(tmp_path: Path, flawed_rules: list[str],
                                     _outside_any_repository: Path) -> None:
    """Whatever the submitted document or a planted config says, the flawed sample fails."""
    for folder in _attacks(tmp_path, flawed_rules, _outside_any_repository):
        for args in ((folder,), (folder / "offerta.docx",), (folder, "--pack", "it")):
            result = cli("check", *args, "--format", "json")
            assert result.exit_code == 1, (args, result.stderr)
            doc = json.loads(result.stdout)["documents"][0]
            assert doc["suppressed"] == 0 and len(failing_rules({"documents": [doc]})) >= 5

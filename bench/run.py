"""Speed and memory benchmark: proseco-check against the bare libraries, same run.

Builds its own large inputs (50, 100 and 200-page PDF and DOCX tenders from the
samples' Markdown sources), then prints medians over several runs, ratios to the bare
baselines, peak RSS of each process and per-stage times. Run with `make bench`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "scripts" / "sample_sources").glob("it_*.md"))
PY = sys.executable


def source_paragraphs() -> list[str]:
    paragraphs: list[str] = []
    for src in SOURCES:
        for para in src.read_text(encoding="utf-8").split("\n\n"):
            text = " ".join(line.strip("#|- ") for line in para.splitlines()).strip()
            if text and not text.startswith("<!--"):
                paragraphs.append(text)
    return paragraphs


def build_pdf(path: Path, pages: int) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_font("Helvetica", size=10)
    paragraphs = source_paragraphs()
    pdf.add_page()
    i = 0
    while True:
        text = paragraphs[i % len(paragraphs)].encode("cp1252", "replace").decode("cp1252")
        pdf.multi_cell(0, 5, text)
        pdf.ln(2)
        i += 1
        if pdf.page >= pages and pdf.get_y() > 250:
            break
    pdf.output(str(path))


def build_docx(path: Path, pages: int) -> None:
    import docx

    document = docx.Document()
    paragraphs = source_paragraphs()
    # About 10 paragraphs of this prose fill an A4 page.
    for i in range(pages * 10):
        if i % 40 == 0:
            document.add_heading(f"Articolo {i // 40 + 1}", level=1)
        document.add_paragraph(paragraphs[i % len(paragraphs)])
    document.save(str(path))


def run(cmd: list[str]) -> tuple[float, int]:
    """Wall time and peak RSS (MB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    return elapsed, usage.ru_maxrss // 1024


def median_run(cmd: list[str], repeat: int) -> tuple[float, int]:
    times, peaks = [], []
    for _ in range(repeat):
        t, rss = run(cmd)
        times.append(t)
        peaks.append(rss)
    return statistics.median(times), max(peaks)


BARE_PDFIUM = """
import sys, pypdfium2 as p
d = p.PdfDocument(sys.argv[1]); out = []
for i in range(len(d)):
    pg = d[i]; tp = pg.get_textpage(); out.append(tp.get_text_range()); tp.close(); pg.close()
open(sys.argv[2], 'w').write('\\n'.join(out))
"""
BARE_PLUMBER = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as d:
    for pg in d.pages:
        pg.extract_text(); pg.close()
"""
BARE_SPACY = """
import sys, spacy
nlp = spacy.blank('it'); nlp.add_pipe('sentencizer'); nlp.max_length = 10**8
text = open(sys.argv[1]).read()
for doc in nlp.pipe(text.split('\\n\\n')): pass
"""
BARE_DOCX = """
import sys, docx
d = docx.Document(sys.argv[1])
text = '\\n'.join(p.text for p in d.paragraphs)
"""


def stage_times(path: Path) -> dict[str, float]:
    """In-process per-stage times of one check (warm: pipeline already built)."""
    from proseco_check.engine.evaluate import evaluate
    from proseco_check.engine.loader import packs_for, resolve_packs
    from proseco_check.facts.extract import extract_facts
    from proseco_check.nlp import build_view
    from proseco_check.nlp.pipeline import build_pipeline
    from proseco_check.profile.build import build_profile
    from proseco_check.readers import read_document

    build_pipeline("it")
    times: dict[str, float] = {}
    t = time.perf_counter()
    document = read_document(path)
    times["read"] = time.perf_counter() - t
    t = time.perf_counter()
    view = build_view(document)
    times["nlp"] = time.perf_counter() - t
    t = time.perf_counter()
    facts = extract_facts(view)
    times["facts"] = time.perf_counter() - t
    t = time.perf_counter()
    packs = packs_for(resolve_packs(None), facts.value("jurisdiction"))
    evaluate(packs, view, facts, "it")
    times["rules"] = time.perf_counter() - t
    t = time.perf_counter()
    build_profile(view, facts)
    times["profile"] = time.perf_counter() - t
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pages", type=int, nargs="+", default=[50, 100, 200])
    args = parser.parse_args()
    tool = [PY, "-m", "proseco_check"]
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        startup, _ = median_run([PY, "-c", "pass"], args.repeat)
        help_time, _ = median_run([*tool, "--help"], args.repeat)
        print(f"python start-up           {startup:6.2f} s")
        print(f"proseco-check --help      {help_time:6.2f} s   target < 0.5 s: "
              f"{'met' if help_time < 0.5 else f'missed by {help_time - 0.5:.2f} s'}")
        print()
        header = (f"{'input':<14}{'pdfium':>8}{'plumber':>9}{'spaCy':>7}{'docx':>7}"
                  f"{'tool':>7}{'budget':>8}{'ratio':>7}{'RSS MB':>8}")
        print(header)
        results = {}
        for pages in args.pages:
            pdf = tmp / f"tender_{pages}.pdf"
            docx_path = tmp / f"tender_{pages}.docx"
            text = tmp / f"tender_{pages}.txt"
            build_pdf(pdf, pages)
            build_docx(docx_path, pages)
            pdfium_t, _ = median_run([PY, "-c", BARE_PDFIUM, str(pdf), str(text)], args.repeat)
            plumber_t, _ = median_run([PY, "-c", BARE_PLUMBER, str(pdf)], 1)
            spacy_t, _ = median_run([PY, "-c", BARE_SPACY, str(text)], args.repeat)
            docx_t, _ = median_run([PY, "-c", BARE_DOCX, str(docx_path)], args.repeat)
            check = [*tool, "check", "--format", "json", "--fail-on", "never"]
            tool_pdf, rss_pdf = median_run([*check, str(pdf)], args.repeat)
            tool_docx, rss_docx = median_run([*check, str(docx_path)], args.repeat)
            # Bare baselines each pay their own interpreter start-up already.
            budget_pdf = pdfium_t + spacy_t - startup
            budget_docx = docx_t + spacy_t - startup
            print(f"{f'PDF {pages} p.':<14}{pdfium_t:8.2f}{plumber_t:9.2f}{spacy_t:7.2f}{'':>7}"
                  f"{tool_pdf:7.2f}{budget_pdf:8.2f}{tool_pdf / budget_pdf:7.2f}{rss_pdf:8d}")
            print(f"{f'DOCX {pages} p.':<14}{'':>8}{'':>9}{spacy_t:7.2f}{docx_t:7.2f}"
                  f"{tool_docx:7.2f}{budget_docx:8.2f}{tool_docx / budget_docx:7.2f}{rss_docx:8d}")
            results[pages] = (pdf, tool_pdf, budget_pdf, rss_pdf)
        print()
        print("ratio = tool time / (bare extraction + bare spaCy blank pass + start-up); "
              "targets: ratio <= 1.5, 200-page PDF < 4 s, RSS < 400 MB")
        largest = max(results)
        pdf, tool_pdf, budget_pdf, rss = results[largest]
        ratio = tool_pdf / budget_pdf
        print(f"{largest}-page PDF: {tool_pdf:.2f} s (target 4 s: "
              f"{'met' if tool_pdf < 4 else f'missed by {tool_pdf - 4:.2f} s'}), ratio {ratio:.2f} "
              f"(target 1.5: {'met' if ratio <= 1.5 else f'missed by {ratio - 1.5:.2f}'}), "
              f"RSS {rss} MB (target 400: {'met' if rss < 400 else 'missed'})")
        if len(results) > 1:
            small = min(results)
            scale = results[largest][1] / results[small][1]
            print(f"growth {small}->{largest} pages: time x{scale:.2f} for pages "
                  f"x{largest / small:.0f} (linear would be <= x{largest / small:.0f})")
        print()
        batch = tmp / "batch"
        batch.mkdir()
        for i in range(4):
            build_pdf(batch / f"tender_{i}.pdf", 50)
        folder = [*tool, "check", "--format", "json", "--fail-on", "never", str(batch)]
        one, _ = median_run([*folder, "--jobs", "1"], 1)
        two, _ = median_run([*folder, "--jobs", "2"], 1)
        speedup = one / two
        print(f"folder of 4 x 50-page PDFs: --jobs 1 {one:.2f} s, --jobs 2 {two:.2f} s, "
              f"throughput x{speedup:.2f} (target x1.7: "
              f"{'met' if speedup >= 1.7 else f'missed by {1.7 - speedup:.2f}'})")
        print()
        print("per-stage times, in process, warm pipeline:")
        for pages in sorted(results):
            stages = stage_times(results[pages][0])
            print(f"  PDF {pages:>3} p.: " + "  ".join(f"{k} {v:.2f}s" for k, v in stages.items()))


if __name__ == "__main__":
    main()

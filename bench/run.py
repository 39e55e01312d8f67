"""Speed benchmark: proseco-check against the bare libraries, measured in the same run.

Every figure is a ratio to a baseline measured in this run, on this machine:
- the floor of a PDF: interpreter start-up + pypdfium2 text extraction + a spacy.blank
  pass (sentencizer) over the extracted text; of a DOCX: the same with python-docx;
- `--help` for the commands that need no NLP (`rules list`, `explain`);
- `--jobs 1` for `--jobs 2`;
- the same text in ordinary form for each pathological input.
The ordinary documents are built twice: from the samples' prose (every paragraph a social
clause, a few dozen paragraphs repeated: the worst case for clause matching) and, when the
shared corpus is beside the project, from real Italian disciplinari (what issue 16
measured); each is compared with its own floor.
Times are CPU seconds (user + system) of each process, the median of --repeat runs, so a
busy machine disturbs them less than wall time; the batch figures are wall time (that is
what parallelism buys) and are meaningful only when two cores are free, which the report
states from the load average.

    make bench          # full: 50/200-page PDF, 200-page DOCX, 20 x 200-page batch (~8 min)
    make bench-quick    # smaller inputs, one run each (~1.5 min)
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import inputs

from proseco_check.readers.budget import MAX_PAGE_CHARS

ROOT = inputs.ROOT
PY = sys.executable
TOOL = [PY, "-m", "proseco_check"]
CHECK = [*TOOL, "check", "--format", "json", "--fail-on", "never", "--no-config"]

BARE_PDFIUM = """
import sys, pypdfium2 as p
d = p.PdfDocument(sys.argv[1]); out = []
for i in range(len(d)):
    pg = d[i]; tp = pg.get_textpage(); out.append(tp.get_text_range()); tp.close(); pg.close()
open(sys.argv[2], 'w').write('\\n'.join(out))
"""
BARE_DOCX = """
import sys, docx
d = docx.Document(sys.argv[1])
open(sys.argv[2], 'w').write('\\n\\n'.join(p.text for p in d.paragraphs))
"""
BARE_SPACY = """
import sys, spacy
nlp = spacy.blank('it'); nlp.add_pipe('sentencizer'); nlp.max_length = 10**8
text = open(sys.argv[1]).read()
for doc in nlp.pipe(text.split('\\n\\n')): pass
"""


class Clock:
    def __init__(self, repeat: int) -> None:
        self.repeat = repeat

    @staticmethod
    def once(cmd: list[str]) -> tuple[float, float, int]:
        """(CPU seconds, wall seconds, peak RSS MB) of one child process."""
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                env={**os.environ, "PYTHONHASHSEED": "0"})
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            raise SystemExit(f"bench: command failed: {' '.join(cmd[-3:])}")
        return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss // 1024

    def cpu(self, cmd: list[str], repeat: int | None = None) -> float:
        return statistics.median(self.once(cmd)[0] for _ in range(repeat or self.repeat))

    def wall(self, cmd: list[str]) -> float:
        return self.once(cmd)[1]


class Report:
    def __init__(self) -> None:
        self.rows: list[tuple[str, float, float | None, str]] = []

    def add(self, name: str, ratio: float, target: float | None = None, note: str = "",
            higher_is_better: bool = False) -> None:
        if target is None:
            verdict = ""
        elif (ratio >= target) if higher_is_better else (ratio <= target):
            verdict = "met"
        else:
            verdict = "MISSED"
        sign = ">=" if higher_is_better else "<="
        shown = f"{sign} {target:.2f}x" if target is not None else ""
        self.rows.append((name, ratio, target, f"{shown:<9} {verdict:<7} {note}".rstrip()))
        print(f"  {name:<46}{ratio:6.2f}x   {self.rows[-1][3]}", flush=True)


def compile_bytecode() -> None:
    """Byte-compile the package into its own __pycache__, as pip does when it installs it:
    the floor's libraries are installed that way, and under PYTHONDONTWRITEBYTECODE (set
    in some CI and sandbox environments) every run would otherwise compile the tool's
    hundred-odd modules from source again (about 0.08 s), which no installed copy does."""
    import compileall

    ok = compileall.compile_dir(ROOT / "proseco_check", quiet=1)
    print(f"bytecode: {'compiled' if ok else 'NOT all compiled'} in the package's __pycache__ "
          f"(PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r})")


def machine() -> tuple[float, int]:
    load = os.getloadavg()[0]
    cores = os.cpu_count() or 1
    print(f"machine: {cores} cores, load average {load:.2f} (1 min) -> about "
          f"{max(0.0, cores - load):.1f} cores free")
    return load, cores


def floor(clock: Clock, document: Path, tmp: Path, kind: str) -> float:
    """CPU seconds of start-up + extraction + spacy.blank pass for one document."""
    text = tmp / f"{document.stem}.{kind}.txt"
    extract = BARE_PDFIUM if kind == "pdf" else BARE_DOCX
    extraction = clock.cpu([PY, "-c", extract, str(document), str(text)])
    spacy_pass = clock.cpu([PY, "-c", BARE_SPACY, str(text)])
    startup = clock.cpu([PY, "-c", "pass"])
    return extraction + spacy_pass - startup


def documents(clock: Clock, report: Report, tmp: Path, pages: list[int], docx_pages: int,
              targets: dict[str, float]) -> dict[str, tuple[Path, float]]:
    print("\nsingle documents: CPU of `check --format json`, ratio to the floor of the same file")
    floors: dict[str, tuple[Path, float]] = {}

    def measure(name: str, document: Path, kind: str, target: float | None) -> None:
        base = floor(clock, document, tmp, kind)
        floors[document.name] = (document, base)
        report.add(f"{name} (floor {base:.2f} s CPU)",
                   clock.cpu([*CHECK, str(document)]) / base, target)

    for n in pages:
        pdf = tmp / f"tender_{n}.pdf"
        inputs.build_pdf(pdf, n)
        measure(f"PDF {n} pages, samples' prose", pdf, "pdf", targets.get(f"pdf{n}"))
    docx = tmp / f"tender_{docx_pages}.docx"
    inputs.build_docx(docx, docx_pages)
    measure(f"DOCX {docx_pages} pages, samples' prose", docx, "docx",
            targets.get(f"docx{docx_pages}"))
    if not inputs.real_disciplinari():
        print(f"  (no real disciplinari: {inputs.REAL_CORPUS} is absent)")
        return floors
    for n in pages:
        pdf = tmp / f"real_{n}.pdf"
        if inputs.build_real_pdf(pdf, n):
            measure(f"PDF {n} pages, real disciplinari", pdf, "pdf", targets.get(f"pdf{n}"))
    real_pdf = tmp / f"real_{max(pages)}.pdf"
    if real_pdf.exists():
        docx = tmp / f"real_{docx_pages}.docx"
        inputs.build_real_docx(docx, real_pdf, docx_pages)
        measure("DOCX of the real disciplinari's text", docx, "docx",
                targets.get(f"docx{docx_pages}"))
    return floors


def commands(clock: Clock, report: Report) -> None:
    print("\ncommands that need no NLP: CPU, ratio to `--help`")
    help_cpu = clock.cpu([*TOOL, "--help"])
    report.add("rules list", clock.cpu([*TOOL, "rules", "list"]) / help_cpu, 2.5)
    report.add("explain IT-11-CCNL", clock.cpu([*TOOL, "explain", "IT-11-CCNL"]) / help_cpu, 2.5)


def pathological(clock: Clock, report: Report, tmp: Path, chars: int) -> None:
    print(f"\npathological inputs (~{chars // 1000} KB of text): CPU, ratio to the same text "
          "in ordinary form")
    sentences = inputs.prose(chars)

    def text_pair(name: str, odd: str, ordinary: str) -> None:
        a, b = tmp / f"{name}.txt", tmp / f"{name}_ordinary.txt"
        a.write_text(odd, encoding="utf-8")
        b.write_text(ordinary, encoding="utf-8")
        report.add(name, clock.cpu([*CHECK, str(a)], 1) / clock.cpu([*CHECK, str(b)], 1), 2.0)

    ordinary = inputs.paragraphs_of(sentences)
    text_pair("one very long paragraph", inputs.one_paragraph(sentences), ordinary)
    text_pair("one very long sentence", inputs.one_sentence(sentences), ordinary)
    text_pair("a paragraph of dot leaders", *inputs.dot_leaders(ordinary, chars // 5))
    cites = inputs.citations(chars)
    text_pair("citation-dense paragraph", inputs.citations_dense(cites),
              inputs.citations_ordinary(cites))

    # One page may hold at most MAX_PAGE_CHARS characters (a page over it is refused, exit
    # 3): the PDF pair stays just under it, so the huge page is still checked.
    lines = inputs._lines(min(chars, MAX_PAGE_CHARS * 9 // 10))
    normal = tmp / "pages_ordinary.pdf"
    inputs.ordinary_pdf(normal, lines)
    normal_cpu = clock.cpu([*CHECK, str(normal)], 1)
    normal_pdfium = clock.cpu([PY, "-c", BARE_PDFIUM, str(normal), str(tmp / "n.txt")], 1)
    for name, build in (("one page with all the text", inputs.huge_page_pdf),
                        ("every word its own text object", inputs.tiny_objects_pdf)):
        odd = tmp / f"{name.replace(' ', '_')}.pdf"
        build(odd, lines)
        pdfium = clock.cpu([PY, "-c", BARE_PDFIUM, str(odd), str(tmp / "o.txt")], 1)
        report.add(name, clock.cpu([*CHECK, str(odd)], 1) / normal_cpu, 2.0,
                   note=f"(pypdfium2 alone: {pdfium / normal_pdfium:.2f}x)")


def batches(clock: Clock, report: Report, tmp: Path, source: Path, copies: int,
            cores_free: float) -> None:
    note = "" if cores_free >= 1.8 else "(fewer than 2 cores free: not meaningful)"
    print(f"\nbatches: wall time, --jobs 2 against --jobs 1 {note}")
    folder = tmp / "batch"
    folder.mkdir()
    for i in range(copies):
        shutil.copy(source, folder / f"tender_{i:02d}.pdf")
    one_cpu, one, _ = clock.once([*CHECK, "--jobs", "1", str(folder)])
    two_cpu, two, _ = clock.once([*CHECK, "--jobs", "2", str(folder)])
    report.add(f"{copies} x {source.stem}: throughput --jobs 2", one / two, 1.8,
               higher_is_better=True)
    report.add(f"{copies} x {source.stem}: CPU of --jobs 2 (start-up paid once)",
               two_cpu / one_cpu, 1.1)
    mixed = tmp / "mixed"
    shutil.copytree(ROOT / "samples", mixed, ignore=shutil.ignore_patterns("README*"))
    one_cpu, one, _ = clock.once([*CHECK, "--jobs", "1", str(mixed)])
    two_cpu, two, _ = clock.once([*CHECK, "--jobs", "2", str(mixed)])
    report.add("mixed folder (samples, 5 languages): --jobs 2 time", two / one, 1.0)
    report.add("mixed folder: CPU of --jobs 2", two_cpu / one_cpu, 1.1)


def stages(path: Path, base: float) -> None:
    """Per-stage CPU in this process (pipeline already built), as shares of the floor."""
    from proseco_check.pipeline.run import Options, analyse_document

    analyse_document(path, Options())  # warm: pipeline, packs, patterns
    start = time.process_time()
    result = analyse_document(path, Options())
    total = time.process_time() - start
    shares = "  ".join(f"{k} {v / base:.2f}" for k, v in result.timings.items())
    print(f"\nstages of {path.name}, warm, as shares of its floor: {shares}  "
          f"(all {total / base:.2f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller inputs, one run each")
    parser.add_argument("--repeat", type=int, default=None)
    parser.add_argument("--skip", nargs="*", default=[],
                        choices=["documents", "commands", "pathological", "batches"])
    parser.add_argument("--from-source", action="store_true",
                        help="remove the package's bytecode instead of compiling it (measure "
                        "source compilation too, when PYTHONDONTWRITEBYTECODE is set)")
    args = parser.parse_args()
    if args.from_source:
        for cache in (ROOT / "proseco_check").rglob("__pycache__"):
            shutil.rmtree(cache, ignore_errors=True)
    else:
        compile_bytecode()
    quick = args.quick
    clock = Clock(args.repeat or (1 if quick else 3))
    _load, cores = machine()
    started = time.perf_counter()
    report = Report()
    pages = [50] if quick else [50, 200]
    targets = {"pdf50": 1.4, "pdf200": 1.3, "docx200": 1.3}
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        steps: list[tuple[str, Callable[[], object]]] = [
            ("documents", lambda: documents(clock, report, tmp, pages, 50 if quick else 200,
                                            targets)),
            ("commands", lambda: commands(clock, report)),
            ("pathological", lambda: pathological(clock, report, tmp,
                                                  150_000 if quick else 1_000_000)),
        ]
        floors: dict[str, tuple[Path, float]] = {}
        for name, step in steps:
            if name not in args.skip:
                result = step()
                if isinstance(result, dict):
                    floors = result
        if "batches" not in args.skip:
            pdf = tmp / f"batch_{50 if quick else 200}.pdf"
            inputs.build_pdf(pdf, 50 if quick else 200)
            free = max(0.0, cores - os.getloadavg()[0])
            batches(clock, report, tmp, pdf, 4 if quick else 20, free)
        for name in ("tender_200.pdf", "real_200.pdf") if not quick else ("tender_50.pdf",):
            if name in floors:
                stages(*floors[name])
    missed = [r[0] for r in report.rows if "MISSED" in r[3]]
    print(f"\n{len(report.rows) - len(missed)} of {len(report.rows)} figures within target; "
          f"missed: {', '.join(missed) or 'none'}  ({time.perf_counter() - started:.0f} s; "
          f"load now {os.getloadavg()[0]:.2f})")


if __name__ == "__main__":
    main()

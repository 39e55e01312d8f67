"""Optional OCR of scanned PDFs through an installed `ocrmypdf` (which drives tesseract).
Nothing is downloaded: when the tool is missing the user gets one line saying how to
install it. The input is never changed: OCR writes a temporary copy."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from proseco_check.errors import InputError

OCR_TIMEOUT_S = 600
# ocrmypdf language codes for the document languages we support (tesseract packs).
OCR_LANGS = "ita+eng+fra+spa+nld+deu"


def ocr_copy(path: Path, workdir: Path, password: str | None = None) -> Path:
    """A text-layer copy of `path` in `workdir`; pages that have text are kept as they are."""
    tool = shutil.which("ocrmypdf")
    if tool is None:
        raise InputError(path, "input.ocr_missing")
    if password:
        raise InputError(path, "input.ocr_encrypted")
    out = workdir / "ocr.pdf"
    langs = _available_langs()
    command = [tool, "--skip-text", "--quiet", *(["-l", langs] if langs else []), str(path),
               str(out)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=OCR_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        raise InputError(path, "input.ocr_timeout", seconds=OCR_TIMEOUT_S) from None
    if done.returncode != 0 or not out.exists():
        last = (done.stderr.strip().splitlines() or ["unknown error"])[-1]
        raise InputError(path, "input.ocr_failed", why=last[:160])
    return out


def _available_langs() -> str:
    """The subset of OCR_LANGS that the installed tesseract has."""
    tesseract = shutil.which("tesseract")
    if tesseract is None:
        return ""
    listed = subprocess.run([tesseract, "--list-langs"], capture_output=True, text=True,
                            timeout=30).stdout.split()
    return "+".join(code for code in OCR_LANGS.split("+") if code in listed)


def temporary_dir() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="proseco-ocr-")

"""Read any supported file into a Document. The format is detected from the content,
not the name: a PDF renamed .docx is still read as a PDF."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from proseco_check.bounded import BoundedReadError, not_regular, read_bounded
from proseco_check.errors import InputError
from proseco_check.model.document import Document
from proseco_check.readers.budget import DEFAULT_MAX_CHARS, check_text_budget
from proseco_check.readers.text import read_text

SUPPORTED_SUFFIXES = (".pdf", ".docx", ".txt", ".md", ".markdown")
DEFAULT_MAX_BYTES = 100 * 1024 * 1024
DEFAULT_MAX_PAGES = 2000


def sniff(path: Path, head: bytes) -> str:
    """'pdf', 'docx', 'text' or 'markdown'; raises InputError for known unsupported kinds
    and for files that are two formats at once."""
    is_pdf = head.startswith(b"%PDF") or b"%PDF-" in head[:1024]
    if is_pdf and (head.startswith(b"PK\x03\x04") or zipfile.is_zipfile(path)):
        raise InputError(path, "input.polyglot")
    if is_pdf:
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise InputError(path, "input.ole")
    if head.startswith(b"{\\rtf"):
        raise InputError(path, "input.rtf")
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = archive.namelist()
                if "word/document.xml" in names:
                    return "docx"
                if "mimetype" in names:
                    kind = archive.read("mimetype")[:100].decode("ascii", "replace")
                    if "opendocument.text" in kind:
                        raise InputError(path, "input.odt")
        except zipfile.BadZipFile:
            raise InputError(path, "input.damaged_zip") from None
        raise InputError(path, "input.zip_not_word")
    if path.suffix.lower() in (".pdf", ".docx"):
        raise InputError(path, "input.wrong_extension", kind=path.suffix.lower()[1:].upper())
    return "markdown" if path.suffix.lower() in (".md", ".markdown") else "text"


def _read_pdf(path: Path, password: str | None, max_pages: int | None, max_chars: int,
              ocr: bool) -> Document:
    """Imported when a PDF is read (pypdfium2: ~10 ms that a DOCX or text run saves)."""
    from proseco_check.readers.pdf import read_pdf

    if not ocr:
        return read_pdf(path, password=password, max_pages=max_pages, max_chars=max_chars)
    from proseco_check.readers.ocr import ocr_copy, temporary_dir  # only when asked

    with temporary_dir() as workdir:
        scanned = ocr_copy(path, Path(workdir), password)
        document = read_pdf(scanned, max_pages=max_pages, max_chars=max_chars)
        document.path = str(path)
    return document


def read_document(path: Path, password: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                  max_pages: int | None = DEFAULT_MAX_PAGES, ocr: bool = False,
                  max_chars: int = DEFAULT_MAX_CHARS) -> Document:
    problem = not_regular(path)
    if problem:
        raise InputError(path, problem.key, **problem.values)
    if not os.access(path, os.R_OK):
        raise InputError(path, "input.permission")
    size = path.stat().st_size
    if size == 0:
        raise InputError(path, "input.empty")
    if size > max_bytes:
        raise InputError(path, "input.max_bytes", size=size / 2**20, limit=max_bytes / 2**20)
    try:
        with path.open("rb") as handle:
            head = handle.read(2048)
        kind = sniff(path, head)
        if kind == "pdf":
            document = _read_pdf(path, password, max_pages, max_chars, ocr)
        elif kind == "docx":
            from proseco_check.readers.docx import read_docx  # python-docx: 0.2 s to import

            document = read_docx(path, max_chars=max_chars)
        else:
            document = read_text(path, read_bounded(path, max_bytes),
                                 markdown=kind == "markdown", max_chars=max_chars)
    except BoundedReadError as exc:
        raise InputError(path, exc.key, **exc.values) from None
    except OSError as exc:
        raise InputError(path, "input.cannot_read", why=exc.strerror or str(exc)) from None
    check_text_budget(path, sum(len(b.text) for b in document.blocks), max_chars)
    if not document.body():
        if document.pages_without_text:
            raise InputError(path, "input.no_text_layer")
        raise InputError(path, "input.no_text")
    return document


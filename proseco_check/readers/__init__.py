"""Read any supported file into a Document. The format is detected from the content,
not the name: a PDF renamed .docx is still read as a PDF."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from proseco_check.errors import InputError
from proseco_check.model.document import Document
from proseco_check.readers.pdf import read_pdf
from proseco_check.readers.text import read_text

SUPPORTED_SUFFIXES = (".pdf", ".docx", ".txt", ".md", ".markdown")
DEFAULT_MAX_BYTES = 100 * 1024 * 1024
DEFAULT_MAX_PAGES = 2000


def sniff(path: Path, head: bytes) -> str:
    """'pdf', 'docx', 'text' or 'markdown'; raises InputError for known unsupported kinds."""
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise InputError(path, "this is an old Word .doc (or other OLE) file: save it as .docx "
                         "or PDF and check that file")
    if head.startswith(b"{\\rtf"):
        raise InputError(path, "RTF is not supported: save it as .docx or PDF")
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = archive.namelist()
                if "word/document.xml" in names:
                    return "docx"
                if "mimetype" in names:
                    kind = archive.read("mimetype")[:100].decode("ascii", "replace")
                    if "opendocument.text" in kind:
                        raise InputError(path, "OpenDocument .odt is not supported: save it "
                                         "as .docx or PDF")
        except zipfile.BadZipFile:
            raise InputError(path, "the file is a damaged ZIP/DOCX archive") from None
        raise InputError(path, "this ZIP archive is not a Word document")
    if path.suffix.lower() in (".pdf", ".docx"):
        raise InputError(path, f"the file does not contain a {path.suffix.lower()[1:].upper()} "
                         "document (wrong extension or damaged file)")
    return "markdown" if path.suffix.lower() in (".md", ".markdown") else "text"


def read_document(path: Path, password: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                  max_pages: int | None = DEFAULT_MAX_PAGES, ocr: bool = False) -> Document:
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a folder, not a document")
    if not os.access(path, os.R_OK):
        raise InputError(path, "permission denied: the file cannot be read")
    size = path.stat().st_size
    if size == 0:
        raise InputError(path, "the file is empty")
    if size > max_bytes:
        raise InputError(path, f"the file is {size / 2**20:.1f} MB, over the limit of "
                         f"{max_bytes / 2**20:.1f} MB (raise it with --max-bytes)")
    try:
        with path.open("rb") as handle:
            head = handle.read(2048)
        kind = sniff(path, head)
        if kind == "pdf" and ocr:
            from proseco_check.readers.ocr import ocr_copy, temporary_dir  # only when asked

            with temporary_dir() as workdir:
                scanned = ocr_copy(path, Path(workdir), password)
                document = read_pdf(scanned, max_pages=max_pages)
                document.path = str(path)
        elif kind == "pdf":
            document = read_pdf(path, password=password, max_pages=max_pages)
        elif kind == "docx":
            from proseco_check.readers.docx import read_docx  # python-docx: 0.2 s to import

            document = read_docx(path)
        else:
            document = read_text(path, path.read_bytes(), markdown=kind == "markdown")
    except OSError as exc:
        raise InputError(path, f"cannot read the file ({exc.strerror or exc})") from None
    if not document.body():
        if document.pages_without_text:
            raise InputError(path, "the PDF has no text layer (scanned images only): check it "
                             "again with --ocr (needs ocrmypdf) or run OCR on it first")
        raise InputError(path, "no text found in the document")
    return document

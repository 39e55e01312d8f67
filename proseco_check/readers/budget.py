"""The text budget of one document: what the analysis handles within a minute and well
under 2 GB of memory. Readers check it as early as they can (a PDF page by page, before
extracting more text), so an oversized document is refused, not read to the end."""

from __future__ import annotations

from pathlib import Path

from proseco_check.bounded import DEFAULT_MAX_CHARS
from proseco_check.errors import InputError

# A longer text is refused, not truncated: a truncated tender would report clauses as
# missing that are only further on.
__all__ = ["DEFAULT_MAX_CHARS", "MAX_PAGE_CHARS", "check_text_budget"]
# One PDF page holding more text than this is not a page of a tender.
MAX_PAGE_CHARS = 1_000_000


def check_text_budget(path: str | Path, chars: int, max_chars: int) -> None:
    """Refuse a document whose text is over the budget (the batch goes on without it)."""
    if chars > max_chars:
        raise InputError(path, "input.too_much_text", limit=max_chars)

"""Reading input files with a bound: regular files only, never more bytes than a cap.

A pack, config, baseline, recall file or document named by a third party may be a
device (/dev/zero never ends), a FIFO (open() blocks forever) or a socket; every input
goes through `read_bounded`, which refuses them before opening and stops reading at the
cap even when the file grows while it is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

# The text budget of one document, in characters: about 2,000 dense pages, what the
# analysis handles within a minute and well under 2 GB (readers/budget.py enforces it).
DEFAULT_MAX_CHARS = 5_000_000


class BoundedReadError(ValueError):
    """An input file cannot be read within its bounds; the message says why, without
    the path (callers add it with their own error type). `key` and `values` say the same
    with the catalogue (model/messages_input.py), for a document's reader to say it in
    the interface language."""

    def __init__(self, message: str, key: str, /, **values: object) -> None:
        super().__init__(message)
        self.key = key
        self.values = values


def size_text(size: int) -> str:
    return f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{size} bytes"


def not_regular(path: Path) -> BoundedReadError | None:
    """Why the path cannot be read as a file, or None for a readable regular file."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return BoundedReadError("no such file", "input.no_such_file")
    except OSError as exc:
        why = exc.strerror or str(exc)
        return BoundedReadError(f"cannot read the file ({why})", "input.cannot_read", why=why)
    if stat.S_ISDIR(info.st_mode):
        return BoundedReadError("is a folder, not a file", "input.is_folder")
    if not stat.S_ISREG(info.st_mode):
        kind, key = (("a FIFO (named pipe)", "input.fifo") if stat.S_ISFIFO(info.st_mode)
                     else ("a socket", "input.socket") if stat.S_ISSOCK(info.st_mode)
                     else ("a device", "input.device"))
        return BoundedReadError(f"is {kind}, not a regular file: refused", key)
    return None


def read_bounded(path: Path, limit: int, what: str = "the file") -> bytes:
    """The bytes of a regular file of at most `limit` bytes."""
    problem = not_regular(path)
    if problem:
        raise problem
    try:
        size = path.stat().st_size
        if size > limit:
            raise BoundedReadError(f"{what} is {size_text(size)}, over the limit of "
                                   f"{size_text(limit)}", "input.over_limit",
                                   size=size_text(size), limit=size_text(limit))
        # O_NONBLOCK: if the path was swapped for a FIFO after the check, open() returns.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise BoundedReadError("is not a regular file: refused", "input.not_regular")
            data = handle.read(limit + 1)
    except OSError as exc:
        why = exc.strerror or str(exc)
        raise BoundedReadError(f"cannot read {what} ({why})", "input.cannot_read",
                               why=why) from None
    if len(data) > limit:
        raise BoundedReadError(f"{what} is over the limit of {size_text(limit)}",
                               "input.over_limit", size=f"> {size_text(limit)}",
                               limit=size_text(limit))
    return data

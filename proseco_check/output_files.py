"""Writing outputs to files (reports, baselines, annotated Word copies) atomically: a
temporary file in the same folder, then os.replace, so a reader never sees half a file
and an interrupted run leaves the previous one intact."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Any

from proseco_check.errors import UsageError


def usual_mode(path: Path) -> int:
    """The mode the file has, or the one a plain open() would give it (mkstemp's is 0600)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_error(path: Path, exc: OSError) -> UsageError:
    """The one line for an output that cannot be written: the file and the reason."""
    return UsageError(f"{path}: cannot write the file ({exc.strerror or exc})")


def write_atomic(path: Path, text: str) -> None:
    """Write text to path atomically; any failure (missing or read-only folder, a name too
    long, a full disk) is one UsageError line naming the file and the reason."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"{path}: cannot write the file (the folder {folder} does not exist)")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise write_error(path, exc) from None
    try:
        os.chmod(temp, usual_mode(path))
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise write_error(path, exc) from None


def save_atomically(document: Any, output: Path) -> None:
    """Save a python-docx document through a temporary file and a rename; a failure is one UsageError line
    naming the file and the reason."""
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".proseco-", suffix=".docx",
                                             dir=output.parent)
    except OSError as exc:
        raise write_error(output, exc) from None
    os.close(handle)
    try:
        os.chmod(temporary, usual_mode(output))  # mkstemp's 0600 is not what users expect
        document.save(temporary)
        os.replace(temporary, output)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise write_error(output, exc) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

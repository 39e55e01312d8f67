"""Console entry point: runs the typer app and turns any unexpected exception into one
line and exit code 2, so a user never sees a traceback. Usage errors and exit codes are
handled by typer/click as usual (standalone mode)."""

from __future__ import annotations

import gc
import sys

from proseco_check.errors import EXIT_USAGE


def main() -> None:
    # Before the imports (spaCy, pydantic, the packs): they allocate hundreds of thousands
    # of objects that live as long as the process, and the default threshold (700) makes
    # the collector scan them over and over while they load (pipeline/prefork.py).
    from proseco_check.pipeline.prefork import GC_THRESHOLD

    gc.set_threshold(*GC_THRESHOLD)
    from proseco_check.cli.app import app

    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.stderr.write("proseco-check: interrupted\n")
        sys.exit(130)
    except Exception as exc:
        sys.stderr.write(f"proseco-check: internal error: {type(exc).__name__}: {exc} "
                         "(please report it with the input that caused it)\n")
        sys.exit(EXIT_USAGE)

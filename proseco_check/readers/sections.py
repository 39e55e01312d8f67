"""Heading path ("Disciplinare > 9. Requisiti > 9.2 Clausola sociale") while reading."""

from __future__ import annotations

MAX_TITLE = 80


class SectionTracker:
    def __init__(self) -> None:
        self._stack: list[tuple[int, str]] = []

    def enter(self, title: str, level: int) -> None:
        while self._stack and self._stack[-1][0] >= level:
            self._stack.pop()
        short = title if len(title) <= MAX_TITLE else title[: MAX_TITLE - 1] + "…"
        self._stack.append((level, short))

    def path(self) -> str | None:
        return " > ".join(title for _, title in self._stack) or None

"""The NLP view of a document: sentences with their block, location and markers.

The names below are imported on first use: `proseco_check.nlp.fold` and the value
parsers must not pull spaCy in (commands such as `rules list` need no NLP)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from proseco_check.nlp.view import NlpView, Sentence, build_view

__all__ = ["NlpView", "Sentence", "build_view"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from proseco_check.nlp import view

        return getattr(view, name)
    raise AttributeError(f"module 'proseco_check.nlp' has no attribute {name!r}")

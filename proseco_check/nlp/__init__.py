"""The NLP view of a document: sentences with their block, location and markers."""

from proseco_check.nlp.view import NlpView, Sentence, build_view

__all__ = ["NlpView", "Sentence", "build_view"]

"""Run every clause's good and bad examples: a good example must be judged present, a
bad one absent (like Semgrep's --test). Examples become small real documents: a heading
when the example names its section, then paragraphs under it, so section and context
conditions are exercised the way a tender exercises them."""

from __future__ import annotations

from dataclasses import dataclass

from proseco_check.clauses.judge import judge
from proseco_check.clauses.schema import Clause, ClauseExample
from proseco_check.model.document import Block, Document, Location
from proseco_check.nlp import NlpView, build_view


def example_document(text: str, section: str | None = None) -> Document:
    """Paragraphs separated by blank lines; under a heading `section` when given."""
    blocks: list[Block] = []
    if section:
        blocks.append(Block(kind="heading", text=section, level=1,
                            location=Location(paragraph=1, section=section)))
    for para in (p.strip() for p in text.split("\n\n")):
        if para:
            blocks.append(Block(kind="paragraph", text=para,
                                location=Location(paragraph=len(blocks) + 1, section=section)))
    return Document(path="<example>", format="text", blocks=blocks)


def example_view(text: str, lang: str, section: str | None = None) -> NlpView:
    return build_view(example_document(text, section), lang=lang, allow_trained=False)


@dataclass
class ClauseExampleResult:
    clause: str
    kind: str  # good | bad
    index: int
    ok: bool
    detail: str
    text: str


def run_clause_example(clause: Clause, example: ClauseExample, kind: str, index: int
                       ) -> ClauseExampleResult:
    verdict = judge(example_view(example.text, example.lang, example.section), clause)
    ok = verdict.present if kind == "good" else not verdict.present
    detail = "present" if verdict.present else "absent"
    if ok and kind == "good" and example.values:
        wrong = {k: v for k, v in example.values.items() if verdict.values.get(k) != v}
        if wrong:
            ok = False
            detail = f"values {verdict.values} (expected {example.values})"
    return ClauseExampleResult(clause.id, kind, index, ok, detail, example.text)


def test_clause(clause: Clause) -> list[ClauseExampleResult]:
    return [run_clause_example(clause, example, kind, i)
            for kind, examples in (("good", clause.examples.good), ("bad", clause.examples.bad))
            for i, example in enumerate(examples, start=1)]

"""Run every rule's good and bad examples (like Semgrep's --test, sqlfluff's YAML
cases): a good example must pass the rule, a bad one must fail it."""

from __future__ import annotations

from dataclasses import dataclass

from proseco_check.clauses.judge import ClauseJudge
from proseco_check.clauses.selftest import example_view
from proseco_check.engine.evaluate import evaluate_rule
from proseco_check.engine.schema import Example, Pack, Rule
from proseco_check.facts.registry import extract_facts


@dataclass
class ExampleResult:
    rule: str
    kind: str  # good | bad
    index: int
    ok: bool
    status: str
    text: str


def run_example(rule: Rule, example: Example, kind: str, index: int) -> ExampleResult:
    # Under a heading when the example names its section, so that section and context
    # conditions of the rule's clause are exercised as a tender exercises them.
    view = example_view(example.text, example.lang, example.section)
    judge = ClauseJudge(view)
    facts = extract_facts(view, {k: str(v).lower() if isinstance(v, bool) else str(v)
                                 for k, v in example.facts.items()}, judge)
    finding = evaluate_rule(rule, judge, facts, "en")
    ok = finding.status == "present" if kind == "good" else finding.status in ("missing", "wrong")
    return ExampleResult(rule.id, kind, index, ok, finding.status, example.text)


def test_pack(pack: Pack) -> list[ExampleResult]:
    results: list[ExampleResult] = []
    for rule in pack.rules:
        for kind, examples in (("good", rule.examples.good), ("bad", rule.examples.bad)):
            for i, example in enumerate(examples, start=1):
                results.append(run_example(rule, example, kind, i))
    return results

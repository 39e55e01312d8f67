"""Quotes (Evidence.of): a long sentence is cut between words, never inside a word or a
number, with "…" where text was left out; fingerprints do not change because of it, so
baselines and suppressions written before still match."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from conftest import invoke_cli as invoke
from hypothesis import given, settings
from hypothesis import strategies as st

from proseco_check.model.document import Location
from proseco_check.model.evidence import MAX_QUOTE, Evidence, quote_fingerprint

DATA = Path(__file__).resolve().parent / "data"


class Sentence:
    def __init__(self, text: str) -> None:
        self.text = text
        self.location = Location(paragraph=7)


def _words(quote: str) -> list[str]:
    return [w for w in quote.split() if w != "…"]


WORD = st.one_of(st.from_regex(r"[a-zà-ù']{1,14}", fullmatch=True),
                 st.from_regex(r"\d{1,3}(\.\d{3}){0,2}(,\d\d)?", fullmatch=True),
                 st.just("1 250 000"))


@settings(max_examples=150, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=140), st.integers(min_value=0, max_value=2000))
def test_a_quote_is_cut_between_words_with_an_ellipsis(words: list[str], focus: int) -> None:
    text = " ".join(words)
    quote = Evidence.of(Sentence(text), focus=min(focus, len(text))).text
    if len(text) <= MAX_QUOTE:
        assert quote == text
        return
    assert len(quote) <= MAX_QUOTE + 2
    body = quote.removeprefix("… ").removesuffix(" …")
    assert body and "…" not in body
    # whole words and whole numbers only, in order: the body is a run of the sentence's
    # words that starts and ends at a word boundary
    assert re.search(rf"(?:^| ){re.escape(body)}(?: |$)", text), (body, text)
    assert "1 250" not in body or "1 250 000" in body  # "1 250 000" is one number
    assert quote.startswith("… ") == (not text.startswith(body))
    assert quote.endswith(" …") == (not text.endswith(body))


def test_the_words_that_decided_stay_in_view() -> None:
    text = " ".join(f"parola{i}" for i in range(120)) + " almeno al 15 per cento " + \
        " ".join(f"termine{i}" for i in range(120))
    quote = Evidence.of(Sentence(text), focus=text.index("almeno")).text
    assert "almeno al 15 per cento" in quote
    assert quote.startswith("… parola") and quote.endswith(" …")


def test_a_single_word_longer_than_the_window_is_still_cut_with_an_ellipsis() -> None:
    text = "https://example.org/" + "a" * 600 + " fine"
    quote = Evidence.of(Sentence(text), focus=0).text
    assert quote.endswith("…") and len(quote) <= MAX_QUOTE + 2


def fingerprint(rule_id: str, evidence: list[Evidence], status: str) -> str:
    """The fingerprint as baselines were first written: rule, status and the first
    quote's words as shown then."""
    quoted = " ".join(" ".join(e.text.lower().split()) for e in evidence[:1])
    return hashlib.sha256(f"{rule_id}|{status}|{quoted}".encode()).hexdigest()[:16]


def test_an_uncut_quote_has_the_first_fingerprint() -> None:
    evidence = [Evidence.of(Sentence("Il CCNL applicato è  il Multiservizi."))]
    assert evidence[0].basis == evidence[0].text
    assert quote_fingerprint("IT-11-CCNL", evidence, "present") == \
        fingerprint("IT-11-CCNL", evidence, "present")
    assert quote_fingerprint("IT-11-CCNL", evidence, "wrong") != \
        quote_fingerprint("IT-11-CCNL", evidence, "present")


def test_a_cut_quote_keeps_the_fingerprint_of_the_character_cut() -> None:
    text = " ".join(f"parola{i}" for i in range(120))
    evidence = Evidence.of(Sentence(text), focus=400)
    assert evidence.text != evidence.basis
    # as before: cut inside a word at both ends ("…3 parola34 … parola68 p…")
    inner = evidence.basis.strip("…").split()
    assert inner[0] not in text.split() and inner[-1] not in text.split()
    old = Evidence(text=evidence.basis, paragraph=7)
    assert quote_fingerprint("R", [evidence], "wrong") == fingerprint("R", [old], "wrong")


def test_a_baseline_written_before_word_cuts_still_matches() -> None:
    """The baseline was written by the code that cut quotes mid-word (see
    tests/data/README.md): every finding it recorded is still recognised."""
    baseline = DATA / "baseline_before_word_cuts.json"
    recorded = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    assert any(e["rule"] == "IT-ALLII3-QUOTA30-ORD" for e in recorded)
    # IT-57-CAM came after the baseline was written: its finding is new, not baselined.
    result = invoke("check", DATA / "long_quote_tender.md", "--no-config", "--format", "json",
                    "--baseline", baseline, "--ui-lang", "en", "--ignore", "IT-57-CAM")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["notices"] == []  # no baselined finding "no longer found"
    findings = report["documents"][0]["findings"]
    counting = [f for f in findings if f["status"] in ("missing", "wrong")]
    assert counting and all(f["baselined"] for f in counting)
    quota = next(f for f in findings if f["rule"] == "IT-ALLII3-QUOTA30-ORD")
    quote = quota["evidence"][0]["text"]
    assert quote.startswith("… l'operatore economico") and quote.endswith(" per la …")
    assert quota["fingerprint"] == "84c9036d637d2172"

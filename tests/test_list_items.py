"""A list run into one sentence: `none` reads the lead-in and the anchor's own item only."""

from __future__ import annotations

from proseco_check.clauses.patterns import _own_item

LIST = ("the following are contract requirements: (a) the Contractor shall recruit two "
        "long-term unemployed people; (b) the Contractor shall offer placements to pupils.")


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def test_a_sibling_item_is_left_out() -> None:
    own = _own_item(LIST, _span(LIST, "long-term unemployed"))
    assert own.startswith("the following are contract requirements")
    assert "long-term unemployed" in own
    assert "pupils" not in own


def test_the_last_item_keeps_the_lead_in_and_itself() -> None:
    own = _own_item(LIST, _span(LIST, "pupils"))
    assert "pupils" in own and "long-term unemployed" not in own
    assert own.startswith("the following are contract requirements")


def test_an_anchor_in_the_lead_in_reads_the_whole_sentence() -> None:
    assert _own_item(LIST, _span(LIST, "contract requirements")) is LIST


def test_a_sentence_with_one_item_or_none_is_read_whole() -> None:
    one = "the Contractor shall: (a) recruit two long-term unemployed people, not pupils."
    assert _own_item(one, _span(one, "long-term")) is one
    plain = "the Contractor may recruit long-term unemployed people (see 4.2)."
    assert _own_item(plain, _span(plain, "long-term")) is plain

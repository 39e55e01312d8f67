"""Rule engine: pack schema and loader errors, conditions, the four rule types on tiny
in-memory documents, the example self-test and the `rules` / `explain` commands."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from clause_helpers import with_clauses, write_clause_file

from proseco_check.clauses.judge import ClauseJudge
from proseco_check.clauses.vocabulary import vocabulary
from proseco_check.engine.conditions import Condition
from proseco_check.engine.evaluate import evaluate_rule, fill_placeholders, sort_findings
from proseco_check.engine.loader import builtin_packs, load_pack, packs_for, resolve_packs
from proseco_check.engine.schema import Example, Rule, parse_rule
from proseco_check.engine.selftest import run_example
from proseco_check.engine.selftest import test_pack as run_pack_examples
from proseco_check.errors import EXIT_USAGE, PackError
from proseco_check.facts.registry import extract_facts
from proseco_check.model.document import Block, Document, Location
from proseco_check.model.facts import TenderFacts
from proseco_check.model.report import Finding
from proseco_check.nlp import build_view
from proseco_check.pipeline.policy.exit_code import fails
from proseco_check.pipeline.score import score

# ------------------------------------------------------------------ a minimal valid pack

RULE: dict[str, Any] = {
    "id": "TEST-1-CLAUSE",
    "name": "test-clause",
    "title": {"it": "Clausola di prova", "en": "Test clause"},
    "category": "social-clauses",
    "severity": "error",
    "evidence": "verified",
    "evidence_source": "D.Lgs. 36/2023 art. 57 c.1 (test)",
    "type": "required",
    "references": [{"law": "D.Lgs. 36/2023", "article": "57", "comma": "1",
                    "version": "2024-12-31"}],
    "patterns": {"it": [{"any": ["clausola di prova"]}]},
    "message": {
        "missing": {"it": "Manca la clausola di prova.", "en": "The test clause is missing."},
        "wrong": {"it": "La clausola di prova è errata.", "en": "The test clause is wrong."},
        "present": {"it": "Clausola presente.", "en": "The test clause is present."},
    },
    "fix": {"it": "Inserire la clausola di prova per {contract_type} ({missing_fact}).",
            "en": "Add the test clause for {contract_type} ({missing_fact})."},
    "examples": {
        "good": [
            {"lang": "it", "text": "Il contratto contiene la clausola di prova per il personale."},
            {"lang": "it", "text": "Si applica la clausola di prova prevista dal capitolato."},
        ],
        "bad": [
            {"lang": "it", "text": "Il contratto non contiene disposizioni particolari sul personale."},
            {"lang": "it", "text": "[Eventuale: clausola di prova ove prevista dalla stazione "
                                   "appaltante.]"},
        ],
    },
}
PACK: dict[str, Any] = {
    "pack": {"id": "test", "name": "Test pack", "version": "0.0.1", "jurisdiction": "it",
             "law_version": "test", "law_date": "2024-01-01"},
    "rules": [with_clauses(RULE)],
}


def rule_dict(**changes: Any) -> dict[str, Any]:
    """RULE with changes; its inline wording becomes registered clauses."""
    data = copy.deepcopy(RULE)
    data.update(copy.deepcopy(changes))
    return with_clauses(data)


def make_rule(**changes: Any) -> Rule:
    return parse_rule(rule_dict(**changes))


def write_pack(path: Path, pack: dict[str, Any]) -> Path:
    """The pack file, and beside it (clauses/) the test clauses its rules name, so that
    a CLI run in another process finds them."""
    path.write_text(yaml.safe_dump(pack, allow_unicode=True, sort_keys=False), encoding="utf-8")
    known = vocabulary()
    for rule in pack.get("rules", []):
        for key in ("clause", "alternative", "applies_if_found"):
            clause_id = rule.get(key)
            if isinstance(clause_id, str) and clause_id.startswith("test-") and clause_id in known:
                write_clause_file(path.parent, known[clause_id])
    return path


def pack_with(tmp_path: Path, **rule_changes: Any) -> Path:
    pack = copy.deepcopy(PACK)
    pack["rules"] = [rule_dict(**rule_changes)]
    return write_pack(tmp_path / "pack.yaml", pack)


def document(*paragraphs: str | tuple[str, str]) -> Document:
    blocks = []
    for i, p in enumerate(paragraphs, start=1):
        kind, text = p if isinstance(p, tuple) else ("paragraph", p)
        blocks.append(Block(kind=kind, text=text, location=Location(paragraph=i),  # type: ignore[arg-type]
                            level=1 if kind == "heading" else None))
    return Document(path="<test>", format="text", blocks=blocks)


def evaluate(rule: Rule, *paragraphs: str | tuple[str, str], facts: dict[str, str] | None = None,
             lang: str = "it") -> Finding:
    view = build_view(document(*paragraphs), lang=lang, allow_trained=False)
    return evaluate_rule(rule, ClauseJudge(view), extract_facts(view, facts or {}), "en")


# ------------------------------------------------------------------ loader and schema


def test_minimal_pack_loads(tmp_path: Path) -> None:
    pack = load_pack(write_pack(tmp_path / "ok.yaml", PACK))
    assert pack.pack.id == "test"
    assert [r.id for r in pack.rules] == ["TEST-1-CLAUSE"]


def _pack_error(path: Path) -> PackError:
    with pytest.raises(PackError) as info:
        load_pack(path)
    assert info.value.exit_code == EXIT_USAGE
    message = info.value.one_line()
    assert message.startswith(str(path))
    return info.value


def _without_good_examples() -> dict[str, Any]:
    return {"examples": {"bad": copy.deepcopy(RULE["examples"]["bad"])}}


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"severity": "fatal"}, "severity", "'error', 'warning' or 'info'"),
        ({"evidence": "memory"}, "evidence", "memory"),
        (_without_good_examples(), "examples.good", "required"),
        ({"examples": {"good": RULE["examples"]["good"][:1], "bad": RULE["examples"]["bad"]}},
         "examples.good", "at least 2"),
        ({"clause": "clausola-inventata"}, "clause", "no clause 'clausola-inventata'"),
        ({"clause": "Clausola Inventata"}, "clause", "lower-case words joined by dashes"),
        ({"applies_when": {"fatto_inventato": "x"}}, "applies_when", "unknown fact 'fatto_inventato'"),
        ({"applies_when": {"estimated_value_eur": {"about": 5}}}, "applies_when",
         "unknown operator"),
        ({"colour": "blue"}, "colour", "Extra inputs"),
        ({"id": "test 1"}, "id", "IT-11-CCNL"),
    ],
)
def test_pack_schema_error_names_file_rule_and_field(tmp_path: Path, changes: dict[str, Any],
                                                     field: str, words: str) -> None:
    path = pack_with(tmp_path, **changes)
    error = _pack_error(path)
    message = error.one_line()
    rule_id = changes.get("id", "TEST-1-CLAUSE")
    assert error.rule == rule_id
    assert f"[rule {rule_id}]" in message
    assert f"field '{field}'" in message
    assert words in message


def test_error_rule_resting_on_memory_is_rejected(tmp_path: Path) -> None:
    error = _pack_error(pack_with(tmp_path, evidence="memory"))
    assert "memory" in error.one_line() and error.rule == "TEST-1-CLAUSE"
    # The same rule as a warning is fine.
    assert load_pack(pack_with(tmp_path, evidence="memory", severity="warning"))


def test_duplicate_rule_ids_are_rejected(tmp_path: Path) -> None:
    pack = copy.deepcopy(PACK)
    pack["rules"] = [rule_dict(), rule_dict(name="other-name")]
    error = _pack_error(write_pack(tmp_path / "dup.yaml", pack))
    assert "duplicate" in error.one_line() and "TEST-1-CLAUSE" in error.one_line()


def test_yaml_python_object_tag_is_rejected_not_executed(tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    text = yaml.safe_dump(PACK, sort_keys=False).replace(
        "law_version: test",
        f'law_version: !!python/object/apply:os.system ["touch {marker}"]')
    assert "!!python/object/apply:os.system" in text
    path = tmp_path / "evil.yaml"
    path.write_text(text, encoding="utf-8")
    error = _pack_error(path)
    assert "YAML error" in error.one_line()
    assert not marker.exists()

    path.write_text('!!python/object/apply:os.system ["echo hi"]\n', encoding="utf-8")
    assert "YAML error" in _pack_error(path).one_line()


def test_yaml_syntax_error_gives_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("pack:\n  id: x\nrules: [unclosed\n", encoding="utf-8")
    assert "line" in _pack_error(path).one_line()


@pytest.mark.parametrize("text", ["- a\n- b\n", "just text\n", ""])
def test_pack_must_be_a_mapping(tmp_path: Path, text: str) -> None:
    path = tmp_path / "list.yaml"
    path.write_text(text, encoding="utf-8")
    assert "mapping" in _pack_error(path).one_line()


def test_resolve_packs(tmp_path: Path) -> None:
    assert {"eu", "it"} <= {p.pack.id for p in resolve_packs(None)}
    assert [p.pack.id for p in resolve_packs(["it"])] == ["it"]
    assert [p.pack.id for p in resolve_packs([str(write_pack(tmp_path / "t.yaml", PACK))])] == [
        "test"]
    with pytest.raises(PackError, match="no built-in pack"):
        resolve_packs([str(tmp_path / "missing.yaml")])


def test_resolve_packs_rejects_a_rule_id_defined_twice(tmp_path: Path) -> None:
    first = write_pack(tmp_path / "a.yaml", PACK)
    second_pack = copy.deepcopy(PACK)
    second_pack["pack"]["id"] = "test2"
    second = write_pack(tmp_path / "b.yaml", second_pack)
    with pytest.raises(PackError, match="more than one pack"):
        resolve_packs([str(first), str(second)])


def test_packs_for_jurisdiction() -> None:
    packs = list(builtin_packs())
    italian = [p.pack.id for p in packs_for(packs, "it")]
    assert "eu" in italian and "it" in italian
    french = [p.pack.id for p in packs_for(packs, "fr")]
    assert "eu" in french and "it" not in french
    assert not {"eu", "it"} & {p.pack.id for p in packs_for(packs, "uk")}  # not an EU member
    assert not {"eu", "it"} & {p.pack.id for p in packs_for(packs, None)}


# ------------------------------------------------------------------ conditions

FACTS = {"jurisdiction": "it", "contract_type": "works", "estimated_value_eur": 100000.0,
         "pnrr": True, "reserved": "none", "cpv_codes": ["45000000", "77310000"],
         "award_method": None}


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ({}, True),
        ({"jurisdiction": "it"}, True),
        ({"jurisdiction": "fr"}, False),
        ({"contract_type": ["works", "services"]}, True),
        ({"contract_type": ["supplies"]}, False),
        ({"estimated_value_eur": {"lt": 216000}}, True),
        ({"estimated_value_eur": {"gte": 216000}}, False),
        ({"estimated_value_eur": {"gt": 50000, "lte": 100000}}, True),
        ({"reserved": {"ne": "none"}}, False),
        ({"reserved": {"not_in": ["res-ws", "res-pub-ser"]}}, True),
        ({"estimated_value_eur": {"gt": "abc"}}, False),  # number vs text cannot hold
        ({"cpv_codes": ["77310000"]}, True),  # a list fact: any element counts
        ({"cpv_codes": {"in": ["1"]}}, False),
        ({"cpv_codes": {"not_in": ["1"]}}, True),
        # unknown facts
        ({"award_method": "lowest_price"}, None),
        ({"jurisdiction": "it", "award_method": "lowest_price"}, None),
        ({"jurisdiction": "fr", "award_method": "lowest_price"}, False),  # False beats unknown
        ({"duration_months": {"gt": 12}}, None),  # absent from the facts dict
        # any
        ({"any": [{"pnrr": True}, {"reserved": "res-ws"}]}, True),
        ({"any": [{"pnrr": False}, {"reserved": "res-ws"}]}, False),
        ({"any": [{"pnrr": False}, {"award_method": "lowest_price"}]}, None),
        ({"any": [{"award_method": "lowest_price"}, {"pnrr": True}]}, True),
        # all
        ({"all": [{"jurisdiction": "it"}, {"pnrr": True}]}, True),
        ({"all": [{"jurisdiction": "it"}, {"award_method": "x"}]}, None),
        ({"all": [{"jurisdiction": "fr"}, {"award_method": "x"}]}, False),
    ],
)
def test_condition_truth_table(condition: dict[str, Any], expected: bool | None) -> None:
    assert Condition(condition).evaluate(FACTS) is expected


def test_condition_facts_used_and_validation() -> None:
    cond = Condition({"jurisdiction": "it", "any": [{"pnrr": True}, {"reserved": "res-ws"}]})
    assert cond.facts_used() == ["jurisdiction", "pnrr", "reserved"]
    with pytest.raises(ValueError, match="unknown fact 'bogus'"):
        Condition({"bogus": 1})
    with pytest.raises(ValueError, match="takes a list of conditions"):
        Condition({"any": {"pnrr": True}})
    with pytest.raises(ValueError, match="unknown fact"):
        Condition({"any": [{"bogus": True}]})


# ------------------------------------------------------------------ required

SERVICES = {"contract_type": "services"}


def test_required_present_with_evidence_and_references() -> None:
    finding = evaluate(make_rule(), "Premessa del bando.",
                       "Il contratto contiene la clausola di prova per il personale.")
    assert finding.status == "present"
    assert finding.message == "The test clause is present."
    assert finding.fix is None  # no model clause when nothing is to fix
    assert finding.location is not None and finding.location.paragraph == 2
    assert "clausola di prova" in finding.evidence[0].text
    assert [(r.law, r.article, r.comma, r.version) for r in finding.references] == [
        ("D.Lgs. 36/2023", "57", "1", "2024-12-31")]


def test_required_missing_fills_known_placeholders_only() -> None:
    finding = evaluate(make_rule(), "Il contratto non contiene disposizioni sul personale.",
                       facts=SERVICES)
    assert finding.status == "missing"
    assert finding.message == "The test clause is missing."
    assert finding.evidence == [] and finding.location is None
    assert finding.detail == {"explicitly_absent": False}
    # The document is Italian: the Italian model clause, facts filled, unknowns kept.
    assert finding.fix == "Inserire la clausola di prova per services ({missing_fact})."


def test_required_negated_clause_is_missing_with_the_no_as_evidence() -> None:
    finding = evaluate(make_rule(), "Il contratto non prevede la clausola di prova.")
    assert finding.status == "missing"
    assert finding.detail["explicitly_absent"] is True
    assert finding.evidence[0].text == "Il contratto non prevede la clausola di prova."


def test_required_template_text_does_not_count() -> None:
    finding = evaluate(make_rule(), "[Eventuale: clausola di prova ove prevista.]",
                       "(se previsto) Si applica la clausola di prova.")
    assert finding.status == "missing"


def test_required_upper_case_heading_is_not_the_clause() -> None:
    rule = make_rule()
    assert evaluate(rule, ("heading", "CLAUSOLA DI PROVA"), "Testo senza la clausola.").status \
        == "missing"
    assert evaluate(rule, ("heading", "CLAUSOLA DI PROVA"),
                    "Si applica la clausola di prova.").status == "present"


def test_required_none_excludes_and_all_groups_must_match() -> None:
    rule = make_rule(patterns={"it": [{"any": ["clausola di prova"], "all": [["personale"]],
                                       "none": ["simbol"]}]})
    assert evaluate(rule, "La clausola di prova tutela il personale.").status == "present"
    assert evaluate(rule, "La clausola di prova tutela i fornitori.").status == "missing"
    assert evaluate(rule, "I simboli indicano la clausola di prova per il personale.").status \
        == "missing"


def test_required_window_looks_at_following_sentences() -> None:
    text = "Si applica la clausola di prova. Essa tutela il personale impiegato."
    narrow = make_rule(patterns={"it": [{"any": ["clausola di prova"], "all": [["personale"]]}]})
    wide = make_rule(patterns={"it": [{"any": ["clausola di prova"], "all": [["personale"]],
                                       "window": 1}]})
    assert evaluate(narrow, text).status == "missing"
    assert evaluate(wide, text).status == "present"


def test_required_alternative_passes_the_rule() -> None:
    rule = make_rule(alternatives={"it": [{"any": ["deroga motivata"]}]})
    finding = evaluate(rule, "La stazione appaltante dispone una deroga motivata alla clausola.")
    assert finding.status == "present"
    assert finding.detail.get("alternative") is True
    assert evaluate(make_rule(), "La stazione appaltante dispone una deroga motivata.").status \
        == "missing"


# ------------------------------------------------------------------ forbidden

FORBIDDEN = {"type": "forbidden", "id": "TEST-2-FORBIDDEN", "name": "test-forbidden",
             "patterns": {"it": [{"any": ["criterio del minor prezzo"]}]}}


def test_forbidden_wording_found_is_wrong() -> None:
    finding = evaluate(make_rule(**FORBIDDEN),
                       "L'appalto è aggiudicato con il criterio del minor prezzo.")
    assert finding.status == "wrong"
    assert finding.message == "The test clause is wrong."
    assert "minor prezzo" in finding.evidence[0].text
    assert finding.fix is not None


@pytest.mark.parametrize("text", [
    "L'appalto è aggiudicato con l'offerta economicamente più vantaggiosa.",
    "Non è ammesso il criterio del minor prezzo.",
])
def test_forbidden_wording_absent_or_negated_is_present(text: str) -> None:
    assert evaluate(make_rule(**FORBIDDEN), text).status == "present"


# ------------------------------------------------------------------ numeric

NUMERIC = {"type": "numeric", "id": "TEST-3-NUMERIC", "name": "test-numeric",
           "check": {"value": "percent", "min": 30},
           "patterns": {"it": [{"any": ["lavorator[ei] svantaggiat"]}]}}


@pytest.mark.parametrize(
    ("text", "status", "values"),
    [
        ("Almeno il 30 per cento dei lavoratori svantaggiati è assunto.", "present", [30.0]),
        ("Almeno il 45% dei lavoratori svantaggiati è assunto.", "present", [45.0]),
        ("Almeno il 20 per cento dei lavoratori svantaggiati è assunto.", "wrong", [20.0]),
        ("I lavoratori svantaggiati sono assunti secondo la legge.", "missing", None),
        ("Il servizio è svolto da personale qualificato.", "missing", None),
    ],
)
def test_numeric_min_percent(text: str, status: str, values: list[float] | None) -> None:
    finding = evaluate(make_rule(**NUMERIC), text)
    assert finding.status == status
    assert finding.detail.get("values") == values
    if status == "missing" and "svantaggiati" in text:
        assert finding.detail.get("value_not_stated") is True


def test_numeric_alternative_excuses_a_low_value() -> None:
    rule = make_rule(**NUMERIC, alternatives={"it": [{"any": ["deroga motivata"]}]})
    finding = evaluate(rule, "Almeno il 20 per cento dei lavoratori svantaggiati è assunto.",
                       "La stazione appaltante dispone una deroga motivata alla quota.")
    assert finding.status == "present"
    assert finding.detail["alternative"] is True


@pytest.mark.parametrize(("value", "status"), [("100000", "present"), ("300000", "wrong")])
def test_numeric_bound_on_a_fact(value: str, status: str) -> None:
    rule = make_rule(**{**NUMERIC, "check": {"value": "money", "max": 216000,
                                             "fact": "estimated_value_eur"}})
    finding = evaluate(rule, "Testo qualsiasi del bando di gara.",
                       facts={"estimated_value_eur": value})
    assert finding.status == status
    assert finding.detail["value"] == float(value)


def test_numeric_on_unknown_fact_is_not_applicable() -> None:
    rule = make_rule(**{**NUMERIC, "check": {"value": "money", "max": 216000,
                                             "fact": "estimated_value_eur"}})
    finding = evaluate(rule, "Testo qualsiasi del bando di gara.")
    assert finding.status == "not_applicable"
    assert "estimated_value_eur" in finding.message and "--fact" in finding.message


def test_numeric_rule_needs_check(tmp_path: Path) -> None:
    """Each rule type is its own model: a numeric rule without `check` names the field,
    and a field of another type (`check` on a required rule) is refused."""
    error = _pack_error(pack_with(tmp_path, type="numeric")).one_line()
    assert "field 'check': Field required" in error and "[rule TEST-1-CLAUSE]" in error
    error = _pack_error(pack_with(tmp_path, check=NUMERIC["check"])).one_line()
    assert "field 'check': Extra inputs are not permitted" in error
    with pytest.raises(ValueError, match="min or max"):
        make_rule(**{**NUMERIC, "check": {"value": "percent"}})


# ------------------------------------------------------------------ consistency

CONSISTENCY = {"type": "consistency", "id": "TEST-4-CONSISTENT", "name": "test-consistent",
               "expect": {"reserved_declared": {"ne": "none"}},
               "patterns": {"it": [{"any": ["appalto (e )?riservato"]}]}}
RESERVED_TEXT = "Il presente appalto è riservato alle cooperative sociali."


@pytest.mark.parametrize(("declared", "status"), [("none", "wrong"), ("reserved", "present")])
def test_consistency_compares_text_with_facts(declared: str, status: str) -> None:
    finding = evaluate(make_rule(**CONSISTENCY), RESERVED_TEXT,
                       facts={"reserved_declared": declared})
    assert finding.status == status
    assert finding.evidence[0].text == RESERVED_TEXT


def test_consistency_reads_the_declared_field_from_the_text() -> None:
    rule = make_rule(**CONSISTENCY)
    assert evaluate(rule, "Partecipazione riservata: NO.", RESERVED_TEXT).status == "wrong"
    assert evaluate(rule, "Partecipazione riservata: SI.", RESERVED_TEXT).status == "present"


def test_consistency_without_the_clause_or_the_fact_is_not_applicable() -> None:
    rule = make_rule(**CONSISTENCY)
    nothing = evaluate(rule, "Il servizio è aperto a tutti.", facts={"reserved_declared": "none"})
    assert nothing.status == "not_applicable"
    assert nothing.detail == {"nothing_to_compare": True}
    unknown = evaluate(rule, RESERVED_TEXT)
    assert unknown.status == "not_applicable"
    assert unknown.detail["unknown_fact"] == ["reserved_declared"]


def test_consistency_rule_needs_expect(tmp_path: Path) -> None:
    without = {k: v for k, v in CONSISTENCY.items() if k != "expect"}
    error = _pack_error(pack_with(tmp_path, **without)).one_line()
    assert "field 'expect': Field required" in error


# ------------------------------------------------------------------ applicability


def test_applies_when_false_or_unknown_is_not_applicable() -> None:
    rule = make_rule(applies_when={"contract_type": "works", "award_method": "lowest_price"})
    text = "Si applica la clausola di prova."
    no = evaluate(rule, text, facts={"contract_type": "services"})
    assert (no.status, no.message) == ("not_applicable", "does not apply to this document")
    unknown = evaluate(rule, text, facts={"contract_type": "works"})
    assert unknown.status == "not_applicable"
    assert unknown.detail["unknown_facts"] == ["award_method"]
    yes = evaluate(rule, text, facts={"contract_type": "works", "award_method": "lowest_price"})
    assert yes.status == "present"


def test_rule_without_patterns_for_the_language_is_skipped() -> None:
    finding = evaluate(make_rule(), "The contract includes the test clause.", lang="en")
    assert finding.status == "skipped"
    assert finding.detail == {"no_patterns_for": "en"}


def test_rule_needing_a_parser_is_skipped_on_the_blank_pipeline() -> None:
    finding = evaluate(make_rule(needs=["DEP"]), "Si applica la clausola di prova.")
    assert finding.status == "skipped"
    assert finding.detail == {"needs": ["DEP"]}


def test_fingerprint_is_stable_and_depends_on_status() -> None:
    rule = make_rule()
    a = evaluate(rule, "Si applica la clausola di prova.")
    b = evaluate(rule, "Si applica la clausola di prova.")
    c = evaluate(rule, "Nessuna disposizione.")
    assert a.fingerprint == b.fingerprint
    assert a.fingerprint != c.fingerprint


def test_sort_findings_problems_first() -> None:
    rule = make_rule()
    present = evaluate(rule, "Si applica la clausola di prova.")
    missing = evaluate(rule, "Nessuna disposizione.")
    wrong = evaluate(make_rule(**FORBIDDEN), "Aggiudicazione con il criterio del minor prezzo.")
    assert [f.status for f in sort_findings([present, missing, wrong])] == [
        "wrong", "missing", "present"]


def test_fill_placeholders() -> None:
    facts = TenderFacts(facts={})
    assert fill_placeholders("Nessun segnaposto.", facts) == "Nessun segnaposto."
    view = build_view(document("Testo."), lang="it", allow_trained=False)
    known = extract_facts(view, {"estimated_value_eur": "180000", "cpv_codes": "1,2",
                                 "duration_months": "24"})
    assert fill_placeholders("€ {estimated_value_eur}, CPV {cpv_codes}, {duration_months} mesi, "
                             "{unknown}", known) == "€ 180.000,00, CPV 1, 2, 24 mesi, {unknown}"


# ------------------------------------------------------------------ scoring


def test_score_and_fail_on_thresholds() -> None:
    rule = make_rule()
    missing_error = evaluate(rule, "Nessuna disposizione.")
    present_error = evaluate(rule, "Si applica la clausola di prova.")
    missing_warning = evaluate(make_rule(severity="warning"), "Nessuna disposizione.")
    s = score([missing_error, present_error, missing_warning])
    social = next(c for c in s.categories if c.category == "social-clauses")
    assert (social.present, social.missing) == (1, 2)
    assert social.score == round(100 * 3 / 8, 1)  # weights: error 3, warning 2
    assert fails([missing_warning], "warning") and not fails([missing_warning], "error")
    assert fails([missing_error], "error") and not fails([missing_error], "never")
    assert not fails([present_error], "info")
    assert score([]).overall is None


# ------------------------------------------------------------------ example self-test


def test_run_example_good_and_bad() -> None:
    rule = make_rule()
    good = Example(lang="it", text="Il contratto contiene la clausola di prova per il personale.")
    bad = Example(lang="it", text="Il contratto non contiene disposizioni sul personale.")
    assert run_example(rule, good, "good", 1).ok
    assert run_example(rule, bad, "bad", 1).ok
    wrong_way = run_example(rule, good, "bad", 1)
    assert not wrong_way.ok and wrong_way.status == "present"
    assert not run_example(rule, bad, "good", 2).ok


def test_run_example_uses_example_facts() -> None:
    rule = make_rule(applies_when={"contract_type": "works"})
    text = "Il contratto contiene la clausola di prova per il personale."
    assert run_example(rule, Example(lang="it", text=text, facts={"contract_type": "works"}),
                       "good", 1).status == "present"
    assert run_example(rule, Example(lang="it", text=text, facts={"contract_type": "services"}),
                       "good", 1).status == "not_applicable"


def test_shipped_packs_pass_their_own_examples() -> None:
    failures = [r for p in builtin_packs() for r in run_pack_examples(p) if not r.ok]
    assert failures == []


# ------------------------------------------------------------------ rules / explain commands


def test_cli_rules_test_shipped_packs_exit_0(run_cli) -> None:
    result = run_cli("rules", "test")
    assert result.exit_code == 0, result.stdout
    assert "0 failed" in result.stdout
    assert "FAIL" not in result.stdout


def test_cli_rules_test_failing_example_exit_1(run_cli, tmp_path: Path) -> None:
    examples = copy.deepcopy(RULE["examples"])
    examples["good"][0]["text"] = "Questo esempio positivo non contiene la clausola richiesta."
    path = pack_with(tmp_path, examples=examples)
    result = run_cli("rules", "test", path)
    assert result.exit_code == 1
    assert "FAIL TEST-1-CLAUSE good example 1: got missing" in result.stdout
    assert "3 passed, 1 failed" in result.stdout


def test_cli_rules_validate_broken_pack_exit_2(run_cli, tmp_path: Path) -> None:
    path = pack_with(tmp_path, severity="fatal")
    result = run_cli("rules", "validate", path)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0]
    assert "[rule TEST-1-CLAUSE]" in lines[0]
    assert "field 'severity'" in lines[0]
    assert "Traceback" not in result.stderr + result.stdout


def test_cli_rules_validate_good_packs(run_cli, repo_root: Path, tmp_path: Path) -> None:
    result = run_cli("rules", "validate", repo_root / "rules",
                     write_pack(tmp_path / "ok.yaml", PACK))
    assert result.exit_code == 0, result.stderr
    assert "it.yaml: ok" in result.stdout and "eu.yaml: ok" in result.stdout
    assert "ok.yaml: ok (1 rules, pack test 0.0.1)" in result.stdout


def test_cli_rules_list_by_severity(run_cli) -> None:
    result = run_cli("rules", "list", "--severity", "error")
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    rules = {r.id: r for p in builtin_packs() for r in p.rules}
    expected = {rid for rid, r in rules.items() if r.severity == "error"}
    assert {line.split()[0] for line in lines} == expected
    assert all(line.split()[1] == "error" for line in lines)
    assert "IT-PNRR-47" not in result.stdout  # a warning (legal-audit §1 row 8)


def test_cli_rules_list_by_category(run_cli) -> None:
    result = run_cli("rules", "list", "--category", "reserved-contracts")
    ids = {line.split()[0] for line in result.stdout.strip().splitlines()}
    assert "IT-61-REF" in ids and "IT-11-CCNL" not in ids


def test_cli_explain_shows_good_and_bad_examples(run_cli, monkeypatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")  # no language in the locale: Italian by default
    rule = {r.id: r for p in builtin_packs() for r in p.rules}["IT-11-CCNL"]
    result = run_cli("explain", "IT-11-CCNL")
    assert result.exit_code == 0
    # Off a terminal the words the patterns match are marked with «»; drop the marks.
    out = result.stdout.replace("«", "").replace("»", "")
    assert out.startswith("IT-11-CCNL — ")
    good_at = out.index("Formulazioni corrette")
    bad_at = out.index("Formulazioni da evitare")
    flat = " ".join(out.split())
    # the interface language's wording only; the other languages are named
    for example in rule.examples.good:
        assert (" ".join(example.text.split()) in flat) == (example.lang == "it")
    for example in rule.examples.bad:
        if example.lang == "it":
            assert flat.index(example.text) > flat.index("Formulazioni da evitare")
    assert good_at < bad_at
    assert rule.title.it in out  # default interface language is Italian


def test_cli_explain_by_name_and_in_english(run_cli) -> None:
    result = run_cli("explain", "ccnl-named", "--ui-lang", "en")
    assert result.exit_code == 0
    assert "The call names the collective agreement" in result.stdout


def test_cli_explain_unknown_rule_exit_2(run_cli) -> None:
    result = run_cli("explain", "XX-0-NOPE")
    assert result.exit_code == 2
    assert "no rule 'XX-0-NOPE'" in result.stderr


def test_cli_rules_show_prints_yaml(run_cli) -> None:
    result = run_cli("rules", "show", "IT-57-CLAUSOLA")
    assert result.exit_code == 0
    data = yaml.safe_load(result.stdout)
    assert data["id"] == "IT-57-CLAUSOLA" and data["type"] == "required"


# ------------------------------------------------------------------ model clause by jurisdiction


@pytest.mark.parametrize(("jurisdiction", "wanted", "unwanted"), [
    ("be", "17 juin 2016", "50 %"),
    ("fr", "50 %", "17 juin 2016"),
    ("lu", "30 %", "50 %"),  # no clause of its own: the neutral Art. 20 wording
])
def test_model_clause_is_chosen_by_jurisdiction_before_language(
        jurisdiction: str, wanted: str, unwanted: str) -> None:
    """legal-audit §1 row 16: a French-language Belgian tender must not be told to
    apply the French code and a 50 % share."""
    rule = next(r for p in builtin_packs() for r in p.rules if r.id == "EU-20-30PCT")
    text = "Le marché est réservé aux entreprises dont au moins 20 % des salariés sont handicapés."
    doc = Document(path="<t>", format="text",
                   blocks=[Block(kind="paragraph", text=text, location=Location(paragraph=1))])
    view = build_view(doc, lang="fr", allow_trained=False)
    facts = extract_facts(view, {"reserved": "res-ws"})
    facts.facts["jurisdiction"].value = jurisdiction  # "lu" is not a known fact value
    finding = evaluate_rule(rule, ClauseJudge(view), facts, "fr")
    assert finding.status == "wrong" and finding.fix
    assert wanted in finding.fix and unwanted not in finding.fix
    assert finding.evidence_level == "verified" and "Directive 2014/24/EU" in (
        finding.evidence_source or "")


def test_every_rule_states_its_evidence_source() -> None:
    for pack in builtin_packs():
        for rule in pack.rules:
            assert len(rule.evidence_source) > 10, rule.id
            assert not (rule.severity == "error" and rule.evidence == "memory"), rule.id


def test_a_rule_names_its_usual_section_or_gets_it_from_its_name() -> None:
    """`section:` wins over the guess from the name, then the category ('test-clause',
    a social clause, is filed under social); findings carry it, for the Word comment and
    the 'elsewhere' placement."""
    assert evaluate(make_rule(), "Testo qualsiasi.").section == "social"
    assert make_rule(name="award-criteria-test").usual_section() == "award"
    finding = evaluate(make_rule(section="execution"), "Testo qualsiasi.")
    assert finding.section == "execution"


def test_every_stated_value_of_a_named_quota_is_checked() -> None:
    """A recital of the legal 30 % does not hide a 10 % commitment further on: the
    numeric check reads every value the clause names, not the first one only."""
    rule = next(r for p in builtin_packs() for r in p.rules if r.id == "IT-ALLII3-YOUTH30")
    finding = evaluate(
        rule, "L'articolo 47, comma 4, del DL 77/2021 prevede una quota pari almeno al 30 per "
              "cento delle assunzioni da destinare all'occupazione giovanile.",
        "Per il presente appalto l'operatore economico riserva all'occupazione giovanile una "
        "quota pari al 10 per cento delle assunzioni necessarie per l'esecuzione del contratto.",
        facts={"pnrr": "true", "contract_type": "works"})
    assert finding.status == "wrong" and finding.detail["values"] == [30.0, 10.0]


def test_two_packs_cannot_define_one_clause_id_differently(tmp_path: Path) -> None:
    """A user pack's clauses/ folder may not redefine what another pack's reads."""
    for name, words in (("a", "alfa"), ("b", "gamma")):
        folder = tmp_path / name / "clauses"
        folder.mkdir(parents=True)
        (folder / "shared-words.yaml").write_text(yaml.safe_dump({
            "id": "shared-words", "title": {"it": "Prova", "en": "Test"},
            "patterns": {"it": [{"any": [words]}]},
            "examples": {"good": [{"lang": "it", "text": f"Il testo dice {words}."}],
                         "bad": [{"lang": "it", "text": "Il testo non dice nulla."}]}}),
            encoding="utf-8")
    pack = copy.deepcopy(PACK)
    pack["rules"] = [rule_dict(clause="shared-words")]
    load_pack(write_pack(tmp_path / "a" / "pack.yaml", pack))
    with pytest.raises(PackError, match="defines 'shared-words' differently"):
        load_pack(write_pack(tmp_path / "b" / "pack.yaml", pack))

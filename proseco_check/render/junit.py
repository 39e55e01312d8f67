"""JUnit XML for CI test reports: one test suite per document, one test case per rule.

present -> passed; missing/wrong -> <failure>; not_applicable/skipped -> <skipped>. A
suppressed or baselined result is reported as skipped with its reason: it does not count
for the exit code, so it must not fail the test report either. An unreadable document is
a suite with one <error>. No timestamps: the same input gives the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from proseco_check.model.report import DocumentResult, Finding, Report, unevaluated
from proseco_check.render.common import SKIP_STATUSES, reference_label, suppression_note
from proseco_check.sanitize import xml_text


def _case(doc: DocumentResult, finding: Finding) -> ET.Element:
    case = ET.Element("testcase", {"classname": doc.path,
                                   "name": f"{finding.rule} ({finding.name})", "time": "0"})
    if unevaluated(finding):
        # The rule could not run (a regex timeout): the test errored, it was not skipped.
        ET.SubElement(case, "error", {"message": finding.message, "type": "unevaluated"})
    elif finding.status in SKIP_STATUSES:
        ET.SubElement(case, "skipped", {"message": f"{finding.status}: {finding.message}"})
    elif finding.status in ("missing", "wrong"):
        note = suppression_note(finding)
        if note:
            ET.SubElement(case, "skipped", {"message": f"{finding.status}, {note}"})
            return case
        failure = ET.SubElement(case, "failure", {"message": finding.message,
                                                  "type": f"{finding.status}/{finding.severity}"})
        lines = [f"{finding.status.upper()} {finding.severity} {finding.rule} "
                 f"({finding.name}): {finding.title}", finding.message]
        lines += [f"law: {reference_label(r)}" for r in finding.references]
        if finding.location is not None:
            lines.append(f"at {finding.location.where()}: «{finding.location.text}»")
        if finding.fix:
            lines.append(f"model clause: {finding.fix}")
        lines.append(f"fingerprint: {finding.fingerprint}")
        failure.text = "\n".join(lines)
    return case


def _suite(doc: DocumentResult) -> ET.Element:
    cases = [_case(doc, f) for f in doc.findings]
    failures = sum(1 for c in cases if c.find("failure") is not None)
    skipped = sum(1 for c in cases if c.find("skipped") is not None)
    errors = sum(1 for c in cases if c.find("error") is not None)
    suite = ET.Element("testsuite", {"name": doc.path, "tests": str(len(cases)),
                                     "failures": str(failures), "errors": str(errors),
                                     "skipped": str(skipped), "time": "0"})
    props = ET.SubElement(suite, "properties")
    for name, value in (("language", doc.language), ("nlp_mode", doc.nlp_mode),
                        ("packs", ",".join(doc.packs)),
                        ("score", "" if doc.score.overall is None else f"{doc.score.overall:g}"),
                        ("suppressed", str(doc.suppressed)), ("baselined", str(doc.baselined))):
        ET.SubElement(props, "property", {"name": name, "value": value})
    suite.extend(cases)
    return suite


def _xml_safe(root: ET.Element) -> None:
    """Only characters XML 1.0 can hold: a control character in a document or a file
    name must not make the whole test report unparsable."""
    for element in root.iter():
        if element.text:
            element.text = xml_text(element.text)
        for key, value in element.attrib.items():
            element.set(key, xml_text(value))


def render_junit(report: Report, **_: object) -> str:
    root = ET.Element("testsuites", {"name": "proseco-check"})
    suites = [_suite(doc) for doc in report.judged()]
    for err in report.errors:
        suite = ET.Element("testsuite", {"name": err.path, "tests": "1", "failures": "0",
                                         "errors": "1", "skipped": "0", "time": "0"})
        case = ET.SubElement(suite, "testcase", {"classname": err.path, "name": "read document",
                                                 "time": "0"})
        ET.SubElement(case, "error", {"message": err.error, "type": "unreadable"})
        suites.append(suite)
    for key in ("tests", "failures", "errors", "skipped"):
        root.set(key, str(sum(int(s.get(key, "0")) for s in suites)))
    root.set("time", "0")
    root.extend(suites)
    if report.config:
        for suite in suites:
            props = suite.find("properties")
            if props is not None:
                ET.SubElement(props, "property", {"name": "config", "value": report.config})
    _xml_safe(root)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"

"""SARIF 2.1.0 for code-scanning dashboards (GitHub, GitLab, Azure DevOps).

One run. `tool.driver.rules` has one entry per rule evaluated, with its title, help text
carrying the legal references, and properties (category, severity). Each missing or wrong
finding is a result: level from the severity, the document as artifactLocation, a region
when the clause was quoted (startLine = line on the page for a PDF, line in the file for
text/Markdown, paragraph index for a DOCX; snippet = the evidence), properties with page,
page label, section path and bbox, our fingerprint as partialFingerprints, and
`suppressions` (external or inSource, with the justification) when suppressed.
Unreadable documents and run notices are tool execution notifications.
"""

from __future__ import annotations

import json
from typing import Any

from proseco_check.model.report import DocumentResult, Finding, Report, unevaluated
from proseco_check.render.common import (
    document_uri,
    elsewhere,
    location_properties,
    reference_label,
    results,
    start_line,
)
from proseco_check.sanitize import markdown_text, safe_url

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "prosecoFingerprint/v1"


def _help(finding: Finding) -> dict[str, str]:
    refs = [reference_label(r) for r in finding.references]
    text = finding.title + ("\n\nLegal references:\n" + "\n".join(f"- {r}" for r in refs)
                            if refs else "")
    links = []
    for ref, label in zip(finding.references, refs, strict=True):
        url = safe_url(ref.url)
        links.append(f"- [{markdown_text(label)}](<{url}>)" if url
                     else f"- {markdown_text(label)}")
    markdown = f"**{markdown_text(finding.title)}**" + ("\n\nLegal references:\n\n" + "\n".join(links)
                                         if links else "")
    return {"text": text, "markdown": markdown}


def _rule(finding: Finding) -> dict[str, Any]:
    rule: dict[str, Any] = {
        "id": finding.rule,
        "name": finding.name,
        "shortDescription": {"text": finding.title},
        "fullDescription": {"text": finding.title},
        "help": _help(finding),
        "defaultConfiguration": {"level": LEVELS[finding.severity]},
        "properties": {
            "category": finding.category,
            "severity": finding.severity,
            "evidence": finding.evidence_level,
            "evidenceSource": finding.evidence_source,
            "tags": [finding.category, "tender", "compliance"],
            "references": [r.model_copy(update={"url": safe_url(r.url)}).model_dump(
                mode="json", exclude_none=True) for r in finding.references],
        },
    }
    url = next((u for r in finding.references if (u := safe_url(r.url))), None)
    if url:
        rule["helpUri"] = url
    return rule


def _result(doc: DocumentResult, finding: Finding, index: int, with_baseline: bool
            ) -> dict[str, Any]:
    # In a procedure the quote's own file is the artifact; a missing clause has none and
    # points at the procedure's first (most authoritative) document.
    documents = getattr(doc, "documents", None) or [doc.path]
    target = finding.location.file if finding.location and finding.location.file else None
    physical: dict[str, Any] = {"artifactLocation": {"uri": document_uri(
        target or documents[0])}}
    line = start_line(finding.location)
    if line is not None and finding.location is not None:
        physical["region"] = {"startLine": line, "snippet": {"text": finding.location.text}}
    properties: dict[str, Any] = {"status": finding.status, "category": finding.category,
                                  "severity": finding.severity}
    properties.update(location_properties(finding.location))
    if finding.fix:
        properties["fix"] = finding.fix
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": index,
        # A clause expected in another document of the tender is information, not a
        # failure: SARIF wants level "none" for any kind but "fail".
        "kind": "informational" if finding.status == "elsewhere" else "fail",
        "level": "none" if finding.status == "elsewhere" else LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": properties,
    }
    if with_baseline:
        result["baselineState"] = "unchanged" if finding.baselined else "new"
    if finding.suppressed and finding.suppression:
        s = finding.suppression
        entry: dict[str, Any] = {"kind": s.kind, "status": "accepted",
                                 "justification": s.reason,
                                 "properties": {"author": s.author}}
        if s.expires:
            entry["properties"]["expires"] = s.expires
        result["suppressions"] = [entry]
    return result


def sarif_log(report: Report) -> dict[str, Any]:
    rules: dict[str, dict[str, Any]] = {}
    for doc in report.judged():
        for finding in doc.findings:
            rules.setdefault(finding.rule, _rule(finding))
    ordered = sorted(rules)
    index = {rule_id: n for n, rule_id in enumerate(ordered)}
    with_baseline = report.baseline is not None
    sarif_results = [_result(doc, f, index[f.rule], with_baseline)
                     for doc in report.judged() for f in results(doc) + elsewhere(doc)]
    notifications: list[dict[str, Any]] = [
        {"level": "error", "message": {"text": err.error},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": document_uri(err.path)}}}]}
        for err in report.errors]
    notifications += [{"level": "note", "message": {"text": n}} for n in report.notices]
    for doc in report.judged():
        notifications += [{"level": "note", "message": {"text": f"{doc.path}: {n}"},
                           "locations": [{"physicalLocation": {"artifactLocation": {
                               "uri": document_uri(doc.path)}}}]} for n in doc.notices]
    blind = [(doc, f) for doc in report.judged() for f in doc.findings if unevaluated(f)]
    notifications += [{"level": "error", "descriptor": {"id": f.rule},
                       "message": {"text": f"{doc.path}: rule {f.rule} could not be "
                                           f"evaluated: {f.message}"},
                       "locations": [{"physicalLocation": {"artifactLocation": {
                           "uri": document_uri(doc.path)}}}]} for doc, f in blind]
    invocation: dict[str, Any] = {"executionSuccessful": not report.errors and not blind}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    driver = {"name": report.tool.get("name", "proseco-check"),
              "version": report.tool.get("version", ""),
              "semanticVersion": report.tool.get("version", ""),
              "rules": [rules[r] for r in ordered]}
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
        "properties": {"schema_version": report.schema_version,
                       "documents": [{"path": d.path, "score": d.score.overall,
                                      "suppressed": d.suppressed, "baselined": d.baselined}
                                     for d in report.judged()]},
    }
    if report.baseline:
        run["properties"]["baseline"] = report.baseline
    run["properties"]["config"] = report.config
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render_sarif(report: Report, **_: object) -> str:
    return json.dumps(sarif_log(report), ensure_ascii=False, indent=2) + "\n"

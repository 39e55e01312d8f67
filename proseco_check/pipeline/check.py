"""The entry point of the pipeline: paths in, one Report out. Folders are expanded, each
document is analysed (in parallel with --jobs), then the project's policy is applied in
this process (workers only analyse)."""

from __future__ import annotations

from pathlib import Path

from proseco_check import __version__
from proseco_check.engine.loader import resolve_packs
from proseco_check.model.i18n import resolve_ui_lang
from proseco_check.model.report import DocumentError, DocumentResult, Report
from proseco_check.pipeline.batch import run_batch
from proseco_check.pipeline.run import Options, Policy, apply_policy, document_options, expand_paths


def check_paths(paths: list[Path], options: Options) -> Report:
    packs = resolve_packs(options.packs)
    policy = options.policy or Policy()
    policy.ui_lang = options.ui_lang
    policy.prepare(packs)
    notices: list[str] = []
    files = expand_paths(paths, notices, resolve_ui_lang(options.ui_lang))
    outcomes = run_batch(files, [document_options(f, options) for f in files],
                         jobs=options.jobs, packs=packs, progress=options.progress)
    documents: list[DocumentResult] = []
    errors: list[DocumentError] = []
    for outcome in outcomes:
        if isinstance(outcome, DocumentError):
            errors.append(outcome)
        else:
            documents.append(apply_policy(outcome, policy))
    # The report speaks the language the CLI shows it in: --ui-lang, else the first
    # document's. Errors were said before that was known: say them again.
    lang = resolve_ui_lang(options.ui_lang, documents[0].language if documents else None)
    for error in errors:
        error.localize(lang)
    report = Report(tool={"name": "proseco-check", "version": __version__},
                    documents=documents, errors=errors, notices=notices + policy.notices(lang),
                    baseline=str(policy.baseline.source) if policy.baseline else None,
                    config=policy.config.label() if policy.config and policy.config.source
                    else None)
    if options.procedure:
        from proseco_check.pipeline.procedure import judge_procedures

        report.procedures = judge_procedures(paths, files, documents, options, packs, policy)
    return report

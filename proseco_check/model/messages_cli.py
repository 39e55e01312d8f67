"""The message catalogue, part two: the command line, trainer mode, diff, progress and
one-line errors. Merged with messages.py into i18n.MESSAGES."""

from __future__ import annotations

CLI_MESSAGES: dict[str, dict[str, str]] = {
    # ---------------------------------------------------------------- check --procedure
    "procedure.documents": {
        "it": "procedura di {n} documenti, giudicati insieme: {files}",
        "en": "procedure of {n} documents, judged as one: {files}"},
    "procedure.documents.one": {
        "it": "procedura di {n} documento: {files}",
        "en": "procedure of {n} document: {files}"},
    "procedure.conflict": {
        "it": "{fact}: {file} indica {value}, {other} indica {other_value}; vale {value} "
              "({file} è il documento più autorevole)",
        "en": "{fact}: {file} says {value}, {other} says {other_value}; {value} is kept "
              "({file} is the most authoritative document)"},
    "cli.procedure_annotate": {
        "it": "--annotate con --procedure scrive una copia commentata per documento: "
              "indicare una cartella, non {path}",
        "en": "--annotate with --procedure writes one annotated copy per document: give a "
              "folder, not {path}"},
    # ---------------------------------------------------------------- command line
    "cli.bad_format": {"it": "--format accetta {choices}, non '{value}'",
                       "en": "--format takes {choices}, not '{value}'"},
    "cli.bad_fail_on": {"it": "--fail-on accetta error, warning, info o never, non '{value}'",
                        "en": "--fail-on takes error, warning, info or never, not '{value}'"},
    "cli.bad_lang": {"it": "--lang accetta it, en, fr, es, nl o de, non '{value}'",
                     "en": "--lang takes it, en, fr, es, nl or de, not '{value}'"},
    "cli.bad_ui_lang": {"it": "--ui-lang accetta it o en, non '{value}'",
                        "en": "--ui-lang takes it or en, not '{value}'"},
    "cli.bad_jobs": {"it": "--jobs accetta un numero positivo",
                     "en": "--jobs takes a positive number"},
    "cli.bad_limits": {"it": "--max-bytes e --max-pages accettano un numero positivo",
                       "en": "--max-bytes and --max-pages take a positive number"},
    "cli.quiet_verbose": {"it": "--quiet e --verbose non si usano insieme",
                          "en": "--quiet and --verbose cannot be used together"},
    "cli.one_document": {"it": "{option} lavora su un solo documento, non su {n}",
                         "en": "{option} works on one document, not {n}"},
    "cli.bad_fill": {"it": "--fill accetta nome=testo, non '{value}'",
                     "en": "--fill takes name=text, not '{value}'"},
    "cli.not_folder": {"it": "{path}: {command} lavora su un documento, non su una cartella",
                       "en": "{path}: {command} works on one document, not a folder"},
    "cli.docx_only": {"it": "{option} {path}: il file da scrivere è un .docx",
                      "en": "{option} {path}: the file to write is a .docx"},
    "cli.is_input": {"it": "{option} {path}: è un documento in ingresso; non lo sovrascrivo",
                     "en": "{option} {path}: that is an input document; refusing to "
                           "overwrite it"},
    "cli.is_folder": {"it": "{option} {path}: è una cartella, indicare un nome di file",
                      "en": "{option} {path}: is a folder, give a file name"},
    "cli.same_file": {"it": "{option} {path}: lo stesso file di {other}",
                      "en": "{option} {path}: the same file as {other}"},
    "cli.annotated": {"it": "copia annotata scritta in {path} ({n} commenti)",
                      "en": "wrote the annotated copy {path} ({n} comments)"},
    "cli.annotated.one": {"it": "copia annotata scritta in {path} ({n} commento)",
                          "en": "wrote the annotated copy {path} ({n} comment)"},
    "cli.clauses_written": {"it": "{n} clausole scritte in {path}",
                            "en": "wrote {n} clauses to {path}"},
    "cli.clauses_written.one": {"it": "{n} clausola scritta in {path}",
                                "en": "wrote {n} clause to {path}"},
    "cli.baseline_written": {"it": "{n} rilievi scritti nella baseline {path}",
                             "en": "wrote {n} findings to the baseline {path}"},
    "cli.baseline_written.one": {"it": "{n} rilievo scritto nella baseline {path}",
                                 "en": "wrote {n} finding to the baseline {path}"},
    "cli.no_rule": {"it": "nessuna regola '{rule}' (vedi 'proseco-check rules list')",
                    "en": "no rule '{rule}' (see 'proseco-check rules list')"},
    "cli.no_samples": {
        "it": "{path}: i campioni della demo non ci sono (servono {names}); "
              "eseguire da un checkout o indicare --samples DIR",
        "en": "{path}: the demo samples are not there (it needs {names}); run from a "
              "checkout or give --samples DIR"},
    "cli.notice": {"it": "nota: {text}", "en": "notice: {text}"},
    "cli.step_summary": {"it": "impossibile scrivere il riepilogo del job {path}: {problem}",
                         "en": "cannot write the job summary {path}: {problem}"},
    # ---------------------------------------------------------------- trainer, diff, progress
    "explain.section": {"it": "sezione abituale della clausola: {section}",
                        "en": "where the clause usually goes: {section}"},
    "explain.ellipsis": {"it": "esempi in altre lingue: {langs}",
                         "en": "examples in other languages: {langs}"},
    "demo.side_by_side": {"it": "Prima e dopo: il testo carente accanto a quello conforme",
                          "en": "Before and after: the flawed wording beside the fixed one"},
    "demo.absent": {"it": "(nessuna clausola: manca del tutto)",
                    "en": "(no clause at all: it is missing)"},
    "demo.why": {"it": "Perché non va: {why}", "en": "Why it fails: {why}"},
    "demo.more": {"it": "… e altri {n}: proseco-check diff {old} {new}",
                  "en": "… and {n} more: proseco-check diff {old} {new}"},
    "diff.old": {"it": "prima", "en": "before"},
    "diff.new": {"it": "dopo", "en": "after"},
    "diff.fixed": {"it": "Corretti ({n})", "en": "Fixed ({n})"},
    "diff.introduced": {"it": "Nuovi ({n})", "en": "Introduced ({n})"},
    "diff.unchanged": {"it": "Invariati ({n})", "en": "Unchanged ({n})"},
    "diff.moved": {"it": "[testo citato cambiato]", "en": "[quoted text changed]"},
    "diff.folders": {"it": "{path}: diff confronta due documenti, non cartelle",
                     "en": "{path}: diff compares two documents, not folders"},
    "progress.checking": {"it": "verifica", "en": "checking"},
    "progress.left": {"it": "mancano", "en": "left"},
    "cli.bad_fact": {"it": "--fact accetta nome=valore, non '{value}'",
                     "en": "--fact takes name=value, not '{value}'"},
}

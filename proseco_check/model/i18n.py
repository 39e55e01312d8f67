"""The message catalogue: every user-facing string of the interface, in Italian and English.

`t(key, lang, **values)` returns the message in that language with its {placeholders}
filled. Keys are dotted: `status.missing`, `table.facts`, `html.copy`. The Italian uses the
words Italian buyers use (bando, disciplinare, capitolato, CCNL, clausola sociale,
contratto riservato, stazione appaltante). tests/test_i18n.py fails when a key lacks one of
the two languages, when the two disagree on their placeholders, or when the code asks
for a key that is not here.

Which language the interface speaks (`resolve_ui_lang`): `--ui-lang` when given; else the
document's language when there is a document (Italian gives Italian, any other language
English, so a report depends on its inputs and flags only); else the system locale
(LC_ALL, LC_MESSAGES, LANG); else the caller's fallback.

The CI formats (SARIF, JUnit, GitHub workflow commands, JSON) keep their English protocol
text; the messages of the findings they carry are already in the interface language.
"""

from __future__ import annotations

import os
from typing import Any

from proseco_check.model.vocab import UI_LANGS

# key -> {"it": ..., "en": ...}. Keep both languages side by side.
MESSAGES: dict[str, dict[str, str]] = {
    # ---------------------------------------------------------------- verdicts
    "status.present": {"it": "presente", "en": "present"},
    "missing.unreadable_pages": {
        "it": "(attenzione: le pagine {pages} non hanno testo leggibile; la clausola potrebbe "
              "trovarsi lì: eseguire l'OCR e ripetere la verifica)",
        "en": "(caution: pages {pages} have no readable text; the clause may be there: run "
              "OCR and check again)"},
    "notice.page_without_text": {
        "it": "pagina {page}: nessun testo leggibile (scansione o pagina danneggiata); le "
              "clausole su questa pagina non possono essere verificate",
        "en": "page {page}: no readable text (scanned or damaged page); clauses on this page "
              "cannot be checked"},
    "notice.not_a_tender": {
        "it": "questo documento non sembra un atto di gara",
        "en": "this does not look like a procurement document"},
    "recall.measured": {
        "it": "(questa regola ha trovato la clausola in {found} documenti su {total} che la "
              "contenevano: recall misurata {recall})",
        "en": "(this rule found the clause in {found} of {total} labelled documents that had "
              "it: measured recall {recall})"},
    "status.missing": {"it": "mancante", "en": "missing"},
    "status.wrong": {"it": "errato", "en": "wrong"},
    "status.not_applicable": {"it": "non applicabile", "en": "not applicable"},
    "status.skipped": {"it": "saltato", "en": "skipped"},
    "severity.error": {"it": "errore", "en": "error"},
    "severity.warning": {"it": "avviso", "en": "warning"},
    "severity.info": {"it": "info", "en": "info"},
    "category.social-clauses": {"it": "Clausole sociali", "en": "Social clauses"},
    "category.reserved-contracts": {"it": "Contratti riservati", "en": "Reserved contracts"},
    "category.eu-law": {"it": "Diritto UE", "en": "EU law"},
    "category.national-law": {"it": "Normativa nazionale", "en": "National law"},
    "category.overall": {"it": "Complessivo", "en": "Overall"},
    "evidence.verified": {"it": "verificata", "en": "verified"},
    "evidence.partly": {"it": "in parte verificata", "en": "partly verified"},
    "evidence.memory": {"it": "a memoria, da verificare", "en": "from memory, to verify"},
    # ---------------------------------------------------------------- why a rule did not run
    "reason.unknown_facts": {
        "it": "non valutabile: fatti sconosciuti ({facts}); indicarli con --fact",
        "en": "cannot tell: unknown facts ({facts}); give them with --fact"},
    "reason.not_applicable": {"it": "non applicabile a questo documento",
                              "en": "does not apply to this document"},
    "reason.skipped": {"it": "regola saltata: {why}", "en": "rule skipped: {why}"},
    "reason.needs": {
        "it": "servono le annotazioni {what} di una pipeline spaCy addestrata",
        "en": "needs the {what} annotations of a trained spaCy pipeline"},
    "reason.no_patterns_for": {"it": "nessun pattern per la lingua '{lang}'",
                               "en": "no patterns for the language '{lang}'"},
    "reason.pattern_timeout": {
        "it": "un'espressione regolare ha superato il tempo limite ({pattern})",
        "en": "a regular expression timed out ({pattern})"},
    # ---------------------------------------------------------------- shared labels
    "label.facts": {"it": "Fatti della gara", "en": "Tender facts"},
    "label.profile": {"it": "Profilo sociale", "en": "Social profile"},
    "label.findings": {"it": "Rilievi", "en": "Findings"},
    "label.fix": {"it": "Clausola modello", "en": "Model clause"},
    "label.law": {"it": "Norma", "en": "Law"},
    "label.where": {"it": "Posizione", "en": "Location"},
    "label.evidence": {"it": "Evidenza", "en": "Evidence"},
    "label.overall": {"it": "Punteggio complessivo", "en": "Overall score"},
    "label.summary": {"it": "Riepilogo", "en": "Summary"},
    "label.reserved": {"it": "Riserva", "en": "Reservation"},
    "label.meta": {"it": "lingua {lang} · nlp {nlp} · pacchetti {packs}",
                   "en": "language {lang} · nlp {nlp} · packs {packs}"},
    "label.text_of": {"it": "testo del {version}", "en": "text of {version}"},
    "label.not_found": {"it": "non trovato nel documento", "en": "not found in the document"},
    "label.none": {"it": "nessuno", "en": "none"},
    "label.yes": {"it": "sì", "en": "yes"},
    "label.no": {"it": "no", "en": "no"},
    "label.unreadable": {"it": "illeggibile", "en": "unreadable"},
    "label.to_complete": {"it": "Da completare", "en": "To complete"},
    "word.or": {"it": "o", "en": "or"},
    "col.document": {"it": "Documento", "en": "Document"},
    "col.category": {"it": "Categoria", "en": "Category"},
    "col.present": {"it": "Presenti", "en": "Present"},
    "col.missing": {"it": "Mancanti", "en": "Missing"},
    "col.wrong": {"it": "Errati", "en": "Wrong"},
    "col.na": {"it": "n/a", "en": "n/a"},
    "col.score": {"it": "Punteggio", "en": "Score"},
    "col.suppressed": {"it": "Soppressi", "en": "Suppressed"},
    "col.baselined": {"it": "In baseline", "en": "Baselined"},
    "col.fact": {"it": "Fatto", "en": "Fact"},
    "col.value": {"it": "Valore", "en": "Value"},
    "col.source": {"it": "Fonte", "en": "Source"},
    "count.suppressed": {"it": "{n} soppressi", "en": "{n} suppressed"},
    "count.baselined": {"it": "{n} in baseline", "en": "{n} baselined"},
    # where a quote stands (Evidence.where, in the interface language)
    "loc.page": {"it": "p. {page}", "en": "p. {page}"},
    "loc.table": {"it": "tabella {table} r{row} c{col}", "en": "table {table} r{row} c{col}"},
    "loc.paragraph": {"it": "par. {n}", "en": "par. {n}"},
    "loc.line": {"it": "riga {n}", "en": "line {n}"},
    # why a finding no longer counts
    "note.external": {"it": "soppresso da {author}{until}: {reason}",
                      "en": "suppressed by {author}{until}: {reason}"},
    "note.in_source": {"it": "commento Word di {author}{until}: {reason}",
                       "en": "Word comment by {author}{until}: {reason}"},
    "note.until": {"it": ", fino al {date}", "en": ", until {date}"},
    "note.baselined": {"it": "in baseline", "en": "baselined"},
    # ---------------------------------------------------------------- facts
    "fact.document_kind": {"it": "Tipo di documento", "en": "Document kind"},
    "fact.is_tender": {"it": "Documento di gara", "en": "Procurement document"},
    "fact.eforms_notice": {"it": "Avviso eForms (GUUE/TED)", "en": "eForms notice (OJ S/TED)"},
    "fact.jurisdiction": {"it": "Ordinamento", "en": "Jurisdiction"},
    "fact.contract_type": {"it": "Tipo di appalto", "en": "Contract type"},
    "fact.estimated_value_eur": {"it": "Importo stimato (€)", "en": "Estimated value (€)"},
    "fact.buyer_level": {"it": "Stazione appaltante", "en": "Contracting authority"},
    "fact.eu_threshold_eur": {"it": "Soglia UE (€)", "en": "EU threshold (€)"},
    "fact.above_eu_threshold": {"it": "Sopra soglia UE", "en": "Above the EU threshold"},
    "fact.labour_cost_eur": {"it": "Costi della manodopera (€)", "en": "Labour costs (€)"},
    "fact.award_method": {"it": "Criterio di aggiudicazione", "en": "Award criterion"},
    "fact.reserved": {"it": "Contratto riservato", "en": "Reserved contract"},
    "fact.reserved_declared": {"it": "Partecipazione riservata dichiarata",
                               "en": "Reserved participation declared"},
    "fact.pnrr": {"it": "Finanziato con PNRR/PNC", "en": "Funded by the PNRR/PNC"},
    "fact.social_clause": {"it": "Clausola sociale di esecuzione",
                           "en": "Social performance clause"},
    "fact.cpv_codes": {"it": "Codici CPV", "en": "CPV codes"},
    "fact.cpv_main": {"it": "CPV principale", "en": "Main CPV"},
    "fact.cpv_art77": {"it": "CPV dei servizi sociali (art. 77)",
                       "en": "Social-services CPV (art. 77)"},
    "fact.duration_months": {"it": "Durata (mesi)", "en": "Duration (months)"},
    "fact.procedure_launch_date": {"it": "Avvio della procedura", "en": "Procedure launched"},
    "fact.intellectual_service": {"it": "Servizio di natura intellettuale",
                                  "en": "Intellectual service"},
    "fact.supplies_without_installation": {"it": "Forniture senza posa in opera",
                                           "en": "Supplies without installation"},
    "fact.labour_intensive": {"it": "Ad alta intensità di manodopera",
                              "en": "Labour-intensive"},
    "value.works": {"it": "lavori", "en": "works"},
    "value.services": {"it": "servizi", "en": "services"},
    "value.supplies": {"it": "forniture", "en": "supplies"},
    "value.concession": {"it": "concessione", "en": "concession"},
    "value.central": {"it": "centrale", "en": "central"},
    "value.sub-central": {"it": "sub-centrale", "en": "sub-central"},
    "value.lowest_price": {"it": "minor prezzo", "en": "lowest price"},
    "value.best_price_quality": {"it": "OEPV, miglior rapporto qualità/prezzo",
                                 "en": "best price-quality ratio"},
    "value.none": {"it": "nessuno", "en": "none"},
    "value.reserved": {"it": "riservata", "en": "reserved"},
    "value.res-ws": {"it": "riservato a operatori di inserimento (art. 61)",
                     "en": "reserved to sheltered workshops (art. 20)"},
    "value.res-pub-ser": {"it": "riservato a servizi sociali (art. 77 Dir. 2014/24/UE)",
                          "en": "reserved for social services (art. 77 Dir. 2014/24/EU)"},
    "value.it-l381-convention": {"it": "convenzione con cooperative sociali (L. 381/1991)",
                                 "en": "convention with social cooperatives (L. 381/1991)"},
    "source.text": {"it": "dal testo", "en": "from the text"},
    "source.user": {"it": "indicato con --fact", "en": "given with --fact"},
    "source.derived": {"it": "derivato", "en": "derived"},
    "source.default": {"it": "ipotesi predefinita", "en": "default assumption"},
    "source.none": {"it": "non trovato", "en": "not found"},
    # ---------------------------------------------------------------- terminal table
    "table.meta": {"it": "{facts} · lingua {lang} · nlp {nlp} · pacchetti {packs}",
                   "en": "{facts} · language {lang} · nlp {nlp} · packs {packs}"},
    # ---------------------------------------------------------------- verbose and quiet
    "verbose.rules": {"it": "Regole: {ran} valutate, {na} non applicabili, {skipped} saltate",
                      "en": "Rules: {ran} evaluated, {na} not applicable, {skipped} skipped"},
    "verbose.timings": {"it": "Tempi", "en": "Timings"},
    "stage.read": {"it": "lettura", "en": "read"},
    "stage.nlp": {"it": "analisi linguistica", "en": "nlp"},
    "stage.facts": {"it": "fatti", "en": "facts"},
    "stage.rules": {"it": "regole", "en": "rules"},
    "stage.profile": {"it": "profilo", "en": "profile"},
    "quiet.line": {"it": "{path}: punteggio {score} · {wrong} errati · {missing} mancanti",
                   "en": "{path}: score {score} · {wrong} wrong · {missing} missing"},
    # ---------------------------------------------------------------- Markdown
    "md.title": {"it": "proseco-check scorecard · esito della verifica",
                 "en": "proseco-check scorecard"},
    "md.results": {"it": "Rilievi ({n})", "en": "Results ({n})"},
    "md.more": {"it": "… e altri {n} (vedi il report JSON o SARIF)",
                "en": "… and {n} more (see the JSON or SARIF report)"},
    "md.clean": {"it": "Nessun rilievo conta contro questo documento. ✅",
                 "en": "No result counts against this document. ✅"},
    "md.accepted": {"it": "Accettati: {suppressed} soppressi, {baselined} in baseline",
                    "en": "Accepted: {suppressed} suppressed, {baselined} baselined"},
    "md.line": {"it": "riga {n}", "en": "line {n}"},
    # ---------------------------------------------------------------- Word comments
    "annotate.score": {"it": "Punteggio proseco-check", "en": "proseco-check score"},
    "annotate.row": {
        "it": "{category}: {present} presenti, {missing} mancanti, {wrong} errati, "
              "punteggio {score}",
        "en": "{category}: {present} present, {missing} missing, {wrong} wrong, score {score}"},
    "annotate.overwrite": {
        "it": "{path}: la copia annotata non può sovrascrivere il documento in ingresso",
        "en": "{path}: the annotated copy cannot overwrite the input document"},
    "annotate.docx": {"it": "{path}: la copia annotata è un file .docx",
                      "en": "{path}: the annotated copy is a .docx file"},
    "annotate.empty": {"it": "{path}: nessun paragrafo a cui ancorare i commenti",
                       "en": "{path}: nothing to anchor comments on"},
    # ---------------------------------------------------------------- HTML report
    "html.title": {"it": "Rapporto di conformità del bando", "en": "Tender compliance report"},
    "html.scorecard": {"it": "Punteggio per categoria", "en": "Scorecard by category"},
    "html.chart": {"it": "Punteggio per categoria, da 0 a 100",
                   "en": "Score per category, from 0 to 100"},
    "html.documents": {"it": "Documenti controllati", "en": "Documents checked"},
    "html.results": {"it": "Rilievi da correggere ({n})", "en": "Results to fix ({n})"},
    "html.accepted": {"it": "Rilievi accettati ({n})", "en": "Accepted results ({n})"},
    "html.passed": {"it": "Altre regole ({n})", "en": "Other rules ({n})"},
    "html.copy": {"it": "Copia", "en": "Copy"},
    "html.copied": {"it": "Copiata", "en": "Copied"},
    "html.examples": {"it": "Esempi", "en": "Examples"},
    "html.good": {"it": "Formulazione corretta", "en": "Good wording"},
    "html.bad": {"it": "Formulazione da evitare", "en": "Wording to avoid"},
    "html.no_examples": {"it": "nessun esempio disponibile per questa regola",
                         "en": "no examples for this rule"},
    "html.footer": {
        "it": "Generato da {tool} {version}. File autonomo: nessuna risorsa esterna, "
              "nessun dato inviato in rete.",
        "en": "Generated by {tool} {version}. Self-contained file: no external resources, "
              "no data sent over the network."},
    "html.errors": {"it": "Documenti illeggibili", "en": "Unreadable documents"},
    "html.notices": {"it": "Avvisi", "en": "Notices"},
    # ---------------------------------------------------------------- model clauses (suggest)
    "suggest.title": {"it": "Clausole mancanti: {name}", "en": "Missing clauses: {name}"},
    "suggest.intro": {
        "it": "Clausole modello per i rilievi mancanti o errati, nella lingua del documento, "
              "con i dati della gara già inseriti. I segnaposto tra graffe sono da completare.",
        "en": "Model clauses for the missing or wrong results, in the document's language, "
              "with the tender's facts filled in. Placeholders in braces are to complete."},
    "suggest.group_to_add": {"it": "{category}: da aggiungere",
                             "en": "{category}: to add"},
    "suggest.group_section": {"it": "{category}: sezione «{section}»",
                              "en": "{category}: section «{section}»"},
    "suggest.none": {"it": "{name}: nessuna clausola da aggiungere.",
                     "en": "{name}: no clause to add."},
    "suggest.replaces": {"it": "sostituisce il testo: «{quote}»",
                         "en": "replaces the text: «{quote}»"},
    "suggest.count": {"it": "{n} clausole in {groups} gruppi",
                      "en": "{n} clauses in {groups} groups"},
    # ---------------------------------------------------------------- trainer mode
    "explain.meta": {"it": "gravità {severity}, fonte {evidence}, categoria {category}",
                     "en": "severity {severity}, evidence {evidence}, category {category}"},
    "explain.good": {"it": "GOOD: formulazioni corrette", "en": "GOOD: compliant wording"},
    "explain.bad": {"it": "BAD: formulazioni da evitare", "en": "BAD: wording to avoid"},
    "explain.matched": {"it": "parole riconosciute tra «»", "en": "matched words in «»"},
    "demo.title": {"it": "Demo: lo stesso disciplinare, scritto male e scritto bene",
                   "en": "Demo: the same disciplinare, drafted badly and drafted well"},
    "demo.flawed": {"it": "carente", "en": "flawed"},
    "demo.compliant": {"it": "conforme", "en": "compliant"},
    "demo.change": {"it": "variazione", "en": "change"},
    "demo.fixed": {"it": "Corretti nella versione conforme ({n})",
                   "en": "Fixed in the compliant version ({n})"},
    "demo.still": {"it": "Ancora da sistemare in entrambe ({n})",
                   "en": "Still to fix in both ({n})"},
    "demo.introduced": {"it": "Nuovi nella versione conforme ({n})",
                        "en": "New in the compliant version ({n})"},
    "demo.try": {
        "it": "Prova: proseco-check explain {rule}  ·  proseco-check suggest {path}",
        "en": "Try: proseco-check explain {rule}  ·  proseco-check suggest {path}"},
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
    "cli.clauses_written": {"it": "{n} clausole scritte in {path}",
                            "en": "wrote {n} clauses to {path}"},
    "cli.baseline_written": {"it": "{n} rilievi scritti nella baseline {path}",
                             "en": "wrote {n} finding(s) to the baseline {path}"},
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
}


def t(key: str, lang: str, /, **values: Any) -> str:
    """The message `key` in `lang` (English when `lang` is not an interface language),
    placeholders filled from `values`. An unknown key comes back as itself: a missing
    message must not break a report (tests catch it before a release)."""
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text


def t_or(key: str, lang: str, default: str, /, **values: Any) -> str:
    """Like `t`, but `default` for a key the catalogue does not have (a category, a fact
    or a value added by a rule pack before it was translated)."""
    return t(key, lang, **values) if key in MESSAGES else default


def status_word(status: str, lang: str) -> str:
    return t_or(f"status.{status}", lang, status)


def severity_word(severity: str, lang: str) -> str:
    return t_or(f"severity.{severity}", lang, severity)


def category_label(category: str, lang: str) -> str:
    return t_or(f"category.{category}", lang, category)


def fact_label(name: str, lang: str) -> str:
    return t_or(f"fact.{name}", lang, name)


def fact_value(value: object, lang: str) -> str:
    """A fact's value for people: booleans and known codes translated, lists joined,
    money with Italian or English separators."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return t("label.yes" if value else "label.no", lang)
    if isinstance(value, list):
        return ", ".join(fact_value(v, lang) for v in value)
    if isinstance(value, float):
        text = f"{value:,.2f}" if value != int(value) else f"{value:,.0f}"
        return text.replace(",", "_").replace(".", ",").replace("_", ".") if lang == "it" \
            else text
    return t_or(f"value.{value}", lang, str(value))


def locale_lang(environ: dict[str, str] | None = None) -> str | None:
    """it or en from LC_ALL, LC_MESSAGES or LANG (the first one set), else None."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            code = value.split(".")[0].split("_")[0].lower()
            return code if code in UI_LANGS else None
    return None


def resolve_ui_lang(explicit: str | None = None, document: str | None = None,
                    fallback: str = "en") -> str:
    """--ui-lang; else the document's language (it -> it, any other -> en); else the
    system locale; else `fallback`."""
    if explicit in UI_LANGS:
        return explicit  # type: ignore[return-value]
    if document:
        return "it" if document == "it" else "en"
    return locale_lang() or fallback

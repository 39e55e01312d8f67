"""The message catalogue, part four: why an input could not be read (the one-line
"file: problem" errors of the readers and of the batch) and the notices of the project's
policy (Word-comment waivers, suppressions, the baseline, skipped links). Merged with the
other parts into i18n.MESSAGES. The readers raise `InputError(path, key, **values)`; the
line is said in the interface language when it is printed."""

from __future__ import annotations

_TOO_LARGE = {"it": ": troppo grande per essere un atto di gara (possibile ZIP bomb)",
              "en": ": too large to be a tender (possible ZIP bomb)"}

INPUT_MESSAGES: dict[str, dict[str, str]] = {
    # ---------------------------------------------------------------- the file itself
    "input.no_such_file": {"it": "file inesistente", "en": "no such file"},
    "input.cannot_read": {"it": "impossibile leggere il file ({why})",
                          "en": "cannot read the file ({why})"},
    "input.is_folder": {"it": "è una cartella, non un documento",
                        "en": "is a folder, not a document"},
    "input.fifo": {"it": "è una FIFO (pipe con nome), non un file regolare: rifiutato",
                   "en": "is a FIFO (named pipe), not a regular file: refused"},
    "input.socket": {"it": "è un socket, non un file regolare: rifiutato",
                     "en": "is a socket, not a regular file: refused"},
    "input.device": {"it": "è un dispositivo, non un file regolare: rifiutato",
                     "en": "is a device, not a regular file: refused"},
    "input.not_regular": {"it": "non è un file regolare: rifiutato",
                          "en": "is not a regular file: refused"},
    "input.over_limit": {"it": "il file è di {size}, oltre il limite di {limit}",
                         "en": "the file is {size}, over the limit of {limit}"},
    "input.permission": {"it": "permesso negato: il file non può essere letto",
                         "en": "permission denied: the file cannot be read"},
    "input.empty": {"it": "il file è vuoto", "en": "the file is empty"},
    "input.max_bytes": {
        "it": "il file è di {size} MB, oltre il limite di {limit} MB (aumentarlo con "
              "--max-bytes)",
        "en": "the file is {size} MB, over the limit of {limit} MB (raise it with "
              "--max-bytes)"},
    "input.too_much_text": {
        "it": "il documento contiene più di {limit} caratteri di testo, oltre il limite per "
              "un documento: dividerlo o aumentare il limite con --max-chars",
        "en": "the document holds more than {limit} characters of text, over the limit for "
              "one document: split it, or raise the limit with --max-chars"},
    "input.no_text": {"it": "nessun testo trovato nel documento",
                      "en": "no text found in the document"},
    "input.binary": {"it": "sembra un file binario, non un testo",
                     "en": "this looks like a binary file, not text"},
    # ---------------------------------------------------------------- its format
    "input.polyglot": {
        "it": "il file è insieme un PDF e un archivio ZIP/DOCX (file poliglotta): rifiutato; "
              "salvarlo di nuovo come un solo PDF o un solo DOCX",
        "en": "the file is both a PDF and a ZIP/DOCX archive (a polyglot file): refused; "
              "save it again as one PDF or one DOCX"},
    "input.ole": {
        "it": "è un vecchio file Word .doc (o un altro file OLE): salvarlo come .docx o PDF "
              "e verificare quel file",
        "en": "this is an old Word .doc (or other OLE) file: save it as .docx or PDF and "
              "check that file"},
    "input.rtf": {"it": "il formato RTF non è supportato: salvarlo come .docx o PDF",
                  "en": "RTF is not supported: save it as .docx or PDF"},
    "input.odt": {"it": "il formato OpenDocument .odt non è supportato: salvarlo come .docx "
                        "o PDF",
                  "en": "OpenDocument .odt is not supported: save it as .docx or PDF"},
    "input.damaged_zip": {"it": "il file è un archivio ZIP/DOCX danneggiato",
                          "en": "the file is a damaged ZIP/DOCX archive"},
    "input.zip_not_word": {"it": "questo archivio ZIP non è un documento Word",
                           "en": "this ZIP archive is not a Word document"},
    "input.wrong_extension": {
        "it": "il file non contiene un documento {kind} (estensione errata o file danneggiato)",
        "en": "the file does not contain a {kind} document (wrong extension or damaged "
              "file)"},
    # ---------------------------------------------------------------- PDF
    "input.pdf_password_wrong": {"it": "la password del PDF è errata",
                                 "en": "the PDF password is wrong"},
    "input.pdf_encrypted": {"it": "il PDF è cifrato: indicarne la password con --password",
                            "en": "the PDF is encrypted; give its password with --password"},
    "input.pdf_damaged": {
        "it": "il PDF è danneggiato o non è un PDF (pdfium non riesce ad aprirlo): "
              "esportarlo di nuovo dal documento originale",
        "en": "the PDF is damaged or not a PDF (pdfium could not open it); re-export it "
              "from the original document"},
    "input.pdf_pages": {
        "it": "il PDF ha {pages} pagine, oltre il limite di {limit} (aumentarlo con "
              "--max-pages)",
        "en": "the PDF has {pages} pages, over the limit of {limit} (raise it with "
              "--max-pages)"},
    "input.page_chars": {
        "it": "la pagina {page} contiene {count} caratteri di testo, oltre il limite per "
              "una pagina: dividere il documento o aumentare il limite con --max-chars",
        "en": "page {page} holds {count} characters of text, over the limit for one page: "
              "split the document, or raise the limit with --max-chars"},
    "input.page_chars_left": {
        "it": "la pagina {page} contiene {count} caratteri di testo, oltre quanto resta del "
              "limite per un documento: dividerlo o aumentare il limite con --max-chars",
        "en": "page {page} holds {count} characters of text, over what is left of the limit "
              "for one document: split the document, or raise the limit with --max-chars"},
    "input.page_objects": {
        "it": "la pagina {page} contiene {count} oggetti di testo, oltre il limite di "
              "{limit} per pagina",
        "en": "page {page} holds {count} text objects, over the limit of {limit} for one "
              "page"},
    "input.page_memory": {
        "it": "la pagina {page} è troppo grande da estrarre: il solo contenuto occupa {size} "
              "MB di memoria (una pagina di un atto di gara ne occupa meno di {limit})",
        "en": "page {page} is too large to extract: its content alone takes {size} MB of "
              "memory (a page of a tender takes under {limit} MB)"},
    "input.no_text_layer": {
        "it": "il PDF non ha uno strato di testo (solo immagini scansionate): ripetere la "
              "verifica con --ocr (serve ocrmypdf) o eseguire prima l'OCR",
        "en": "the PDF has no text layer (scanned images only): check it again with --ocr "
              "(needs ocrmypdf) or run OCR on it first"},
    "input.ocr_missing": {
        "it": "--ocr richiede ocrmypdf e tesseract installati (Debian: apt-get install "
              "ocrmypdf tesseract-ocr-ita)",
        "en": "--ocr needs ocrmypdf and tesseract installed (Debian: apt-get install "
              "ocrmypdf tesseract-ocr-ita)"},
    "input.ocr_encrypted": {"it": "--ocr non legge un PDF cifrato: decifrarlo prima",
                            "en": "--ocr cannot read an encrypted PDF: decrypt it first"},
    "input.ocr_timeout": {"it": "l'OCR ha superato {seconds} s ed è stato interrotto",
                          "en": "OCR took longer than {seconds} s and was stopped"},
    "input.ocr_failed": {"it": "OCR non riuscito: {why}", "en": "OCR failed: {why}"},
    # ---------------------------------------------------------------- DOCX
    "input.docx_no_body": {
        "it": "questo file ZIP non è un documento Word (manca word/document.xml)",
        "en": "this ZIP file is not a Word document (no word/document.xml)"},
    "input.docx_damaged": {"it": "il file DOCX è danneggiato (non è un archivio ZIP valido)",
                           "en": "the DOCX file is damaged (not a valid ZIP archive)"},
    "input.docx_unparsable": {"it": "il file DOCX non può essere analizzato ({error})",
                              "en": "the DOCX file could not be parsed ({error})"},
    "input.docx_parts": {
        "it": "il DOCX contiene {count} parti, oltre il limite di {limit}" + _TOO_LARGE["it"],
        "en": "the DOCX holds {count} parts, over the limit of {limit}" + _TOO_LARGE["en"]},
    "input.docx_part": {"it": "la parte {part} si espande a {size} MB" + _TOO_LARGE["it"],
                        "en": "part {part} unpacks to {size} MB" + _TOO_LARGE["en"]},
    "input.docx_total": {
        "it": "il DOCX si espande a {size} MB in tutto, oltre il limite di {limit} MB"
              + _TOO_LARGE["it"],
        "en": "the DOCX unpacks to {size} MB in all, over the limit of {limit} MB"
              + _TOO_LARGE["en"]},
    # ---------------------------------------------------------------- folders and the batch
    "input.folder_empty": {
        "it": "la cartella non contiene file PDF, DOCX, TXT o Markdown",
        "en": "the folder contains no PDF, DOCX, TXT or Markdown file"},
    "input.link_outside": {
        "it": "è un collegamento simbolico a un file fuori dal repository e dalla sua "
              "cartella: rifiutato",
        "en": "is a symbolic link to a file outside the repository and its own folder: "
              "refused"},
    "input.timeout": {
        "it": "non verificato: ha superato il tempo massimo di {seconds} s per documento "
              "(aumentarlo con --timeout); gli altri file sono stati verificati",
        "en": "not checked: it took longer than the time budget of {seconds} s per "
              "document (raise it with --timeout); the other files were checked"},
    "input.crashed": {
        "it": "il processo che verificava questo file si è interrotto (un arresto anomalo o "
              "memoria esaurita); gli altri file sono stati verificati",
        "en": "the checker's worker process died while checking this file (a crash or out "
              "of memory); the other files were checked"},
    "input.internal": {"it": "errore interno durante la verifica del file ({error})",
                       "en": "internal error while checking the file ({error})"},
    # ---------------------------------------------------------------- policy notices
    "notice.link_skipped": {
        "it": "{path}: collegamento simbolico a un file fuori dalla cartella verificata "
              "{folder}; saltato",
        "en": "{path}: a symbolic link to a file outside the checked folder {folder}; "
              "skipped"},
    "notice.waivers_off": {
        "it": "{n} commenti Word 'proseco: ignore' non applicati: le deroghe nel documento "
              "sono disattivate (la configurazione del repository le attiva con "
              "waivers.enabled e waivers.authors)",
        "en": "{n} 'proseco: ignore' Word comments not honoured: in-document waivers are off "
              "(the repository config can enable them with waivers.enabled and "
              "waivers.authors)"},
    "notice.waivers_off.one": {
        "it": "{n} commento Word 'proseco: ignore' non applicato: le deroghe nel documento "
              "sono disattivate (la configurazione del repository le attiva con "
              "waivers.enabled e waivers.authors)",
        "en": "{n} 'proseco: ignore' Word comment not honoured: in-document waivers are off "
              "(the repository config can enable them with waivers.enabled and "
              "waivers.authors)"},
    "notice.waiver": {"it": "commento Word {comment} '{rule}'",
                      "en": "Word comment {comment} '{rule}'"},
    "notice.waiver_author": {
        "it": "{where} di {author}: l'autore non è tra i waivers.authors di {config}; "
              "ignorato",
        "en": "{where} by {author}: not an author named in waivers.authors of {config}; "
              "ignored"},
    "notice.the_config": {"it": "la configurazione", "en": "the config"},
    "notice.waiver_no_rule": {"it": "{where}: nessuna regola con questo id; deroga ignorata",
                              "en": "{where}: no such rule; the waiver is ignored"},
    "notice.waiver_no_reason": {
        "it": "{where}: una deroga richiede una motivazione dopo l'id della regola "
              "('proseco: ignore REGOLA — motivazione'); ignorata",
        "en": "{where}: a waiver needs a reason after the rule id ('proseco: ignore RULE — "
              "reason'); it is ignored"},
    "notice.waiver_unused": {
        "it": "{where} (di {author}) non corrisponde ad alcun rilievo mancante o errato: "
              "rimuoverlo",
        "en": "{where} (by {author}) matched no missing or wrong finding: remove it"},
    "notice.suppression": {"it": "{source}: soppressione n. {number} (regola {rule}, di "
                                 "{author})",
                           "en": "{source}: suppression #{number} (rule {rule}, by "
                                 "{author})"},
    "notice.suppression_expired": {"it": "{label} scaduta il {date}: rinnovarla o rimuoverla",
                                   "en": "{label} expired on {date}: renew or remove it"},
    "notice.suppression_expired_hit": {
        "it": "{label} scaduta il {date} (i suoi rilievi contano di nuovo): rinnovarla o "
              "rimuoverla",
        "en": "{label} expired on {date} (its findings count again): renew or remove it"},
    "notice.suppression_unused": {
        "it": "{label} non corrisponde ad alcun rilievo mancante o errato: rimuoverla",
        "en": "{label} matched no missing or wrong finding: remove it"},
    "notice.baseline_gone": {
        "it": "{source}: {n} rilievi in baseline non si trovano più (corretti o cambiati): "
              "riscrivere la baseline per registrare lo stato attuale",
        "en": "{source}: {n} baselined findings are no longer found (fixed or changed): "
              "write the baseline again to lock it in"},
    "notice.baseline_gone.one": {
        "it": "{source}: {n} rilievo in baseline non si trova più (corretto o cambiato): "
              "riscrivere la baseline per registrare lo stato attuale",
        "en": "{source}: {n} baselined finding is no longer found (fixed or changed): "
              "write the baseline again to lock it in"},
}

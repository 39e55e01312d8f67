"""Plain text and Markdown: paragraphs are separated by blank lines.

Plain text has no markup, so its layout is read: a short numbered or capitalised line
that opens a paragraph titles a section ("Art. 9 – Criterio di aggiudicazione"), and a
table laid out in columns ("Offerta economica      30") becomes one block a row, its
cells apart by pipes, with the header row as each row's context (Block.header)."""

from __future__ import annotations

import re
from pathlib import Path

from proseco_check.errors import InputError
from proseco_check.model.document import Block, Document, Location
from proseco_check.readers.budget import check_text_budget
from proseco_check.readers.furniture import FOOTER_LINE, PAGE_MARK
from proseco_check.readers.normalize import join_lines, normalize_text
from proseco_check.readers.plain_fields import CHECKBOX, SECTION_NUMBER, fields, short_answer
from proseco_check.readers.plain_tables import (
    aligned_leaders,
    indent,
    is_row,
    row_text,
    table_rows,
    table_segments,
)
from proseco_check.readers.sections import CONTENTS_TITLES, SectionTracker
from proseco_check.typed_marks import CITATION_ASIDE, title_share

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
# The title of a table of contents, in any case: its entries are no clauses.
_CONTENTS_TITLE = re.compile(rf"^({CONTENTS_TITLES})\s*:?$", re.IGNORECASE)


def _heading_level(line: str, next_line: str | None) -> int | None:
    """The level of a plain-text line that titles a section, else None: a short line in
    capitals, or a short numbered title ("5.2 Kwaliteitscriteria", "Art. 9 – Criterio di
    aggiudicazione") standing alone or followed by a new sentence at the same indent, not
    by its own wrapped words. "5.1 Preis: Gewichtung 70" is an item, not a title.
    Numbering depth gives the level."""
    text = line.strip()
    if _CONTENTS_TITLE.match(text):  # "Inhaltsübersicht" over its entries
        return 1
    # a bracketed citation closing the title is no part of its length or case
    # ("I.4 Clause sociale d'exécution (article 87 de l'arrêté royal du 14 janvier 2013)")
    cited = _CLOSING_CITATION.search(text)
    core = (text[:cited.start()].rstrip()
            if cited and CITATION_ASIDE.fullmatch(cited.group().strip()) else text)
    if len(core) > 90:
        return None
    letters = [c for c in text if c.isalpha()]
    if (number := _first_item_number(text, next_line)) is not None:
        return 2 if "." in number else 1
    if _ORDINAL_TITLE.match(text):  # "CUARTO. Reserva y subrogación." ends with its full stop
        return 1
    if len(letters) < 3 or is_row(line) or text.endswith((".", ";", ",")) or _runs_on(text):
        return None  # (a title cut after "DEL" goes on in the next line)
    if next_line is not None and CHECKBOX.match(next_line.lstrip()) and short_answer(next_line):
        return None  # a question its line of boxes answers ("MARCHÉ RÉSERVÉ" over "[ ] oui")
    numbered = SECTION_NUMBER.match(text)
    # (the capitals are the title's own: "Article 3 - MARCHÉ RÉSERVÉ : EXAMEN" is one, and
    # so is "A - PARTIE RÉSERVÉE À L'ACHETEUR (cases cochées par le Syndicat)", its note
    # in brackets aside; a bracket with a figure is the line's own, "CERTIFICAZIONE DELLA
    # PARITÀ DI GENERE (4 punti - on/off)" a criterion's row)
    own = _WORDS_NOTE.sub("", text[numbered.end(1):] if numbered else text)
    upper = title_share(own) > 0.85
    if not upper:
        if not numbered or len(core) > 70 or ":" in text[numbered.end(1):].rstrip(":"):
            return None
        # a title over a table of pipes or box bars ("6  Zuschlagskriterien" over "│ Preis │") is a title
        if next_line is not None and not next_line.lstrip().startswith("|"):
            follows = next_line.lstrip()
            # "a) Pendant l'exécution", or the options of a form ("[ ] Der Auftrag ist ...")
            # under a topic; a line that scores them, or asks them (a colon), is no title
            listed = (_LETTERED_ITEM.match(follows) is not None or (
                CHECKBOX.match(follows) is not None and not _SCORE.search(text)
                and not text.endswith(":")))
            if (indent(next_line) > indent(line) and not listed
                    and not _body_below(text[numbered.end(1):], follows)) or not (
                    listed or follows[:1].isupper() or follows[:1].isdigit()
                    or follows[:1] in "-•*("):
                return None  # the title's words wrap on: an item's sentence
    nested = numbered is not None and re.match(r"(\d{1,2}|[IVX]{1,5}|[A-Z])\.\d", text)
    return 2 if nested else 1


# A bracket that closes a title line (a citation when CITATION_ASIDE says so).
_CLOSING_CITATION = re.compile(r"\s*\([^()]{3,}\)$")
# A note in words closing a line, without a figure ("(cases cochées par l'acheteur)").
_WORDS_NOTE = re.compile(r"\s*\([^()\d]{3,}\)$")
_SCORE = re.compile(r"\d+\s*(?:punti|points?|punkte|puntos|punten|marks|pts|%)", re.I)  # "4 punti"
# A lettered or numbered item opening with a capital, the first of a section's list.
_LETTERED_ITEM = re.compile(r"^(?:[a-z]|\d{1,2})[)°]\s+[A-ZÀ-ÖØ-Þ]")


# A Spanish clause numbered by an ordinal word, with a short title ("CUARTO. Reserva y
# subrogación."); a sentence after it ("PRIMERA. El contratista ...") opens with an article.
_ORDINAL_TITLE = re.compile(
    r"^(?:PRIMER|SEGUND|TERCER|CUART|QUINT|SEXT|S[EÉ]PTIM|OCTAV|NOVEN|D[EÉ]CIM|UND[EÉ]CIM"
    r"|DUOD[EÉ]CIM)[OA]\s*[.:–—-]\s+(?!(?:El|La|Los|Las|Lo|Que|Se|Un|Una|En|Con|Por|Si|No)\b)"
    r"[A-ZÁÉÍÓÚÑ][^\s.;:]*(?:\s+[^\s.;:]+){0,7}\.?$")


# A section number before its title ("A5. Staff"; "A7   Supply chain" looks like a row).
_NUMBER = r"(?:[A-Z]\.?)?\d{1,2}(?:\.\d{1,2}){0,3}"
_GAPPED_NUMBER = re.compile(rf"^({_NUMBER})\.?\s+(?=\S)")
# The top border of a drawn table ("+----+--", "┌────┬──"): the numbered line over it titles it.
_FRAME_TOP = re.compile(r"^\s*[+┌╔]?[-─━═+┬╦]{5,}[+┐╗]?\s*$")


def _first_item_number(text: str, next_line: str | None) -> str | None:
    """The number of a short title over the first item of its own section ("A7   Supply
    chain and conduct" over "A7.1 The Supplier shall ...", "Abschnitt 5: Zuschlagskriterien"
    over " 5.1  Der Zuschlag ..."): the next line's number extends this one, or the next
    line is the top border of a drawn table, so this line titles it, however wide its gap
    or deep the item's indent. None for any other line."""
    if next_line is None or len(text) > 70:
        return None
    numbered = _GAPPED_NUMBER.match(text) or SECTION_NUMBER.match(text)
    number = re.search(_NUMBER, numbered.group(1)) if numbered else None
    if numbered is None or number is None:
        return None
    title = text[numbered.end(1):].lstrip(" .:\t–—-")
    if (is_row(title) or title.endswith((".", ";", ",")) or not title[:1].isupper()
            or sum(c.isalpha() for c in title) < 3):
        return None
    found = number.group().rstrip(".")
    return found if (re.match(re.escape(found) + r"\.\d", next_line.lstrip())
                     or _FRAME_TOP.match(next_line)) else None


def _body_below(title: str, follows: str) -> bool:
    """An indented body under a short numbered title ("A.8 Personalübernahme" over "Die
    Leistung wurde bisher ..."): a few words not ending on a short connective ("des"), or
    closed by a bracketed citation ("... (art. 202 LCSP)"), over a sentence's opening."""
    words = title.split()
    first = follows.split()[0] if follows.split() else ""
    short = 0 < len(words) <= 4 and not (len(words[-1]) <= 3 and words[-1].islower())
    closed = len(words) <= 12 and title.rstrip().endswith(")") and "(" in title
    opens = first[:1].isupper() and first[1:].islower()
    # a capitalised article opens a sentence, not a title's wrapped words ("Der Bieter ...")
    article = (first in _SENTENCE_OPENERS and len(words) <= 8
               and words[-1].lower() not in _RUNS_ON and not any(m in title for m in ",;:"))
    return ((short or closed) and opens) or article


# Capitalised articles and pronouns that open a sentence in the pack languages.
_SENTENCE_OPENERS = frozenset(["Der", "Die", "Das", "Ein", "Eine", "Il", "Lo", "La", "Le", "Les",
                               "Gli", "El", "Los", "Las", "The", "This", "These", "De", "Het",
                               "Een", "Dit", "Deze"])


# Box-drawing column bars ("│ G. Contrato reservado │ NO │") are the table's pipes.
_BOX_BARS = str.maketrans({"│": "|", "┃": "|", "║": "|", "┆": "|", "┊": "|"})
# (corners drawn with "." and "'" too: ".-----.-----." over a table, "'-----'-----'" under)
_BORDER = re.compile(r"^[\s|+.'┼┬┴├┤┌┐└┘╔╗╚╝╠╣╦╩╬]*[-=─━═┄┈]{3,}[\s|+.'\-=─━═┄┈┼┬┴├┤┌┐└┘╔╗╚╝╠╣╦╩╬]*$")
def _paragraph(lines: list[tuple[int, str]], sections: SectionTracker) -> list[Block]:
    blocks: list[Block] = []
    for item in fields(lines):
        joined = join_lines([line for _, line in item])
        if joined:
            blocks.append(Block(kind="paragraph", text=joined,
                                location=Location(line=item[0][0], section=sections.path())))
    return blocks


def _plain_blocks(lines: list[tuple[int, str]], sections: SectionTracker,
                  below: str | None = None) -> list[Block]:
    """One paragraph of a plain-text file: its title line, if it opens with one, then its
    prose and the rows of the tables laid out in columns, each row a block. `below`: the
    drawing line that ended the paragraph, when it is the line after its title."""
    if lines:
        sections.close_by_sibling(lines[0][1].strip())
    blocks, lines = _opening_title(aligned_leaders(lines), sections, below)
    if blocks and lines:  # (the first item under the title may start a list)
        sections.close_by_sibling(lines[0][1].strip())
    for n, (prose, table) in enumerate(table_segments(lines)):
        if n:  # the prose after a grid may open a section of its own
            heading, prose = _opening_title(prose, sections)
            blocks.extend(heading)
        blocks.extend(_paragraph(prose, sections) if prose else [])
        rows = table_rows(table) if table else []
        # (a first row without figures in its last cell is the header, "Criterio | Punti")
        header = None if not rows or any(c.isdigit() for c in rows[0][1][-1]) else row_text(
            rows[0][1])
        blocks.extend(Block(kind="paragraph", text=row_text(cells), header=header if i else None,
                            location=Location(line=number, section=sections.path()))
                      for i, (number, cells) in enumerate(rows))
    return blocks


def _opening_title(lines: list[tuple[int, str]], sections: SectionTracker,
                   below: str | None = None) -> tuple[list[Block], list[tuple[int, str]]]:
    """The heading block of the title line the lines open with, if they do, and the rest.
    A title whose bracket closes on the next line ("III. CLAUSE SOCIALE (condition
    d'exécution - article 87 de l'A.R. du 18 avril" over "2017 et article 44 du RGE)")
    is read as one line."""
    if not lines:
        return [], lines
    first, taken = lines[0][1], 1
    if len(lines) > 1 and _bracket_closes_on(first.strip(), lines[1][1].strip()):
        first, taken = f"{first.rstrip()} {lines[1][1].strip()}", 2
    level = _heading_level(first, lines[taken][1] if len(lines) > taken else below)
    if level is None:
        return [], lines
    first = first.strip()
    title = normalize_text(first)
    sections.enter(title, level, contents=_CONTENTS_TITLE.match(first) is not None)
    return [Block(kind="heading", text=title, level=level,
                  location=Location(line=lines[0][0], section=sections.path()))], lines[taken:]


def _bracket_closes_on(line: str, following: str) -> bool:
    """The line leaves a bracket open that the short following line closes, and ends; or
    the following line is the title's citation alone ("(artikel 87 K.B. 14 januari 2013)")."""
    if "(" not in line and CITATION_ASIDE.fullmatch(following) and len(following) <= 90:
        return True
    return (line.count("(") == line.count(")") + 1 and following.endswith(")")
            and following.count(")") == following.count("(") + 1 and len(following) <= 60)


# A rule of "=" or a double bar, one unbroken run, framing a title block.
_TITLE_RULE = re.compile(r"^\s*(?:={20,}|═{20,})\s*$")


# A line of underscores alone rules off a title block ("________"): drawing, which would
# make the title line above it a form's blank.
_UNDERLINE = re.compile(r"^\s*_{10,}\s*$")

# Words no sentence ends with (articles, prepositions): a paragraph whose last line ends
# with one runs on past the blank line, into the name it introduces, set apart below it
# ("... mindestens nach dem" over an indented '"Entgelttarifvertrag für ..."').
_RUNS_ON = frozenset((
    "der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer",
    "eines", "nach", "von", "vom", "zu", "zum", "zur", "mit", "bei", "für", "gemäß",
    "laut", "il", "lo", "la", "gli", "le", "del", "dello", "della", "dei", "degli",
    "delle", "di", "al", "allo", "alla", "ai", "agli", "alle", "da", "dal", "dalla", "dai",
    "nel", "nella", "con", "sul", "sulla", "per", "tra", "fra", "les", "du", "au", "aux",
    "à", "un", "une", "selon", "par", "pour", "sur", "dans", "el", "los", "las", "según",
    "para", "en", "het", "een", "van", "voor", "met", "volgens", "door", "the", "an", "of",
    "to", "by", "with", "under",
))


def _runs_on(line: str) -> bool:
    """A prose line cut before the words it introduces."""
    words = line.split()
    return (len(words) >= 4 and "|" not in line and "  " not in line.strip()
            and words[-1].lower() in _RUNS_ON)


def _line(raw: str, markdown: bool) -> str | None:
    """A line of the file, box-drawing bars read as pipes, without a page number at its far
    right; None for a border line of plain text ("┌────┬────┐", "----------"), which is
    drawing."""
    if markdown:
        return raw.rstrip()
    line = raw.rstrip().translate(_BOX_BARS)
    if "  " in line and (line[-1:].isdigit() or line[-1:] in "-–—"):
        if FOOTER_LINE.match(line):
            return ""  # a page ends here: the paragraph too
        line = PAGE_MARK.sub("", line)
    return None if _BORDER.match(line) or _UNDERLINE.match(line) else line


def _cell_blocks(cells: list[str], row: Location, header: str | None) -> list[Block]:
    """The filled cells of one Markdown table row, each a block at its column."""
    return [Block(kind="table_cell", text=normalize_text(cell), header=header,
                  location=row.model_copy(update={"col": col}))
            for col, cell in enumerate(cells, start=1) if cell]


def decode(path: Path, data: bytes) -> str:
    """UTF-8 (with or without BOM), then UTF-16 with BOM, then Windows-1252 (never fails:
    a damaged UTF-16 file, e.g. one with an odd number of bytes, keeps what decodes)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _checked_text(path: Path, data: bytes, max_chars: int | None) -> str:
    """The decoded text, refused when it is binary or over the text budget."""
    text = decode(path, data)
    if "\x00" in text:
        raise InputError(path, "input.binary")
    if max_chars is not None:
        check_text_budget(path, len(text), max_chars)
    return text


def _markdown_heading(heading: re.Match[str], number: int, sections: SectionTracker) -> Block:
    title = normalize_text(heading.group(2))
    level = len(heading.group(1))
    sections.enter(title, level)
    return Block(kind="heading", text=title, level=level,
                 location=Location(line=number, section=sections.path()))


def read_text(path: Path, data: bytes, markdown: bool, max_chars: int | None = None
              ) -> Document:
    text = _checked_text(path, data, max_chars)
    blocks: list[Block] = []
    sections = SectionTracker()
    pending: list[str] = []
    start_line = 0
    table_no = 0
    row_no = 0
    header: str | None = None

    def flush(below: str | None = None) -> None:
        nonlocal pending
        numbered = list(enumerate(pending, start=start_line))
        if markdown:
            blocks.extend(_paragraph(numbered, sections))
        else:
            blocks.extend(_plain_blocks(numbered, sections, below))
        pending = []

    for number, raw in enumerate(text.splitlines(), start=1):
        line = _line(raw, markdown)
        if line is None:  # (a numbered title over a drawn table's top border titles it)
            over_table = len(pending) == 1 and _first_item_number(pending[0].strip(), raw)
            if over_table or _paragraph_break(raw, line, pending, markdown):
                flush(raw if over_table else None)
            continue
        heading = _MD_HEADING.match(line) if markdown else None
        if heading:
            flush()
            blocks.append(_markdown_heading(heading, number, sections))
            row_no = 0
            continue
        if markdown and line.lstrip().startswith("|"):
            flush()
            if _MD_TABLE_RULE.match(line.strip()):
                continue
            if row_no == 0:
                table_no += 1
            row_no += 1
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if row_no == 1:  # the header row: the context of the cells below it, as in DOCX
                header = normalize_text(" | ".join(c for c in cells if c)) or None
            blocks.extend(_cell_blocks(cells, Location(line=number, table=table_no, row=row_no,
                                                       section=sections.path()),
                                       header if row_no > 1 else None))
            continue
        row_no = 0
        if _paragraph_break(raw, line, pending, markdown, opening=not blocks):
            flush()
        if not line.strip():
            continue
        if markdown and re.match(r"^\s*([-*+]|\d+\.)\s+", line):
            flush()
            line = re.sub(r"^\s*[-*+]\s+", "- ", line)
        if not pending:
            start_line = number
        pending.append(line)
    flush()
    return _document(path, markdown, blocks)


def _paragraph_break(raw: str, line: str | None, pending: list[str], markdown: bool,
                     opening: bool = False) -> bool:
    """Whether this line ends the paragraph above it: a blank line, unless the paragraph
    runs on past it ("... nach dem" over the name it introduces); a rule of "=" framing a
    title block, unless the lines above are a table's header; "ÍNDICE" right under a
    title block, which opens the contents; in the `opening` paragraph of the document,
    its title under the buyer's line (_letterhead_ends)."""
    if line is None:
        return _TITLE_RULE.match(raw) is not None and not any(is_row(p) for p in pending)
    if not line.strip():
        return markdown or not (pending and _runs_on(pending[-1]))
    if markdown:
        return False
    return (_CONTENTS_TITLE.match(line.strip()) is not None
            or (opening and _letterhead_ends(pending, line)))


def _letterhead_ends(pending: list[str], line: str) -> bool:
    """The document opens with its buyer's line and its title in capitals on the next
    ("COMUNE DI ... - Settore Turismo" over "DISCIPLINARE DI GARA"): the title starts a
    block of its own, as the title of the document. Lines in capitals together stay one
    title ("REGIONE ..." over "AZIENDA SANITARIA ...")."""
    if not pending or not line.strip() or _heading_level(line, None) is None:
        return False
    text, above = line.strip(), pending[-1].strip()
    # (a line of boxes answers the question above it: "... art. 61 del Codice:" over
    # "☐ SÌ  ☒ NO")
    return (title_share(text) > 0.85 and SECTION_NUMBER.match(text) is None
            and CHECKBOX.match(text) is None and not above.endswith(":")
            and title_share(above) <= 0.85)


def _document(path: Path, markdown: bool, blocks: list[Block]) -> Document:
    for n, block in enumerate(blocks, start=1):
        block.location.paragraph = n
    return Document(path=str(path), format="markdown" if markdown else "text", blocks=blocks)

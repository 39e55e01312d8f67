"""Tables laid out in plain text: rows of columns apart by wide gaps or dot leaders, drawn
with pipes or box bars, and the lines that continue a row. Used by the text reader."""

from __future__ import annotations

import re
from itertools import zip_longest

from proseco_check.readers.normalize import normalize_text
from proseco_check.typed_marks import BOX

# A row of a table laid out with spaces or tabs in plain text: cells apart by a wide gap
# ("Offerta economica      20"), or a row drawn with pipes.
# Columns: three spaces or a tab; or a dot leader before a row's closing figure ("B.6
# Certificazione della parità di genere ........ 4", "Prezzo …… 30 punti", "... punti 25").
# Dots before words are a blank to fill in ("Nome .......... Cognome ........"), not a column.
_LEADER = (r"\s?(?:\.{4,}|…{2,})\s*(?:(?=(?:punti|points|pts|punten|punkte|puntos|marks)?"
           r"\s*\(?\d[\d.,]*\)?\s*[a-z%.]{0,7}\s*$)"
           # or before a value that opens with a figure or a capital and has no blank
           # after it ("E. Duración ...... DOS (2) AÑOS", "D. Valor ...... 214.500,00 €")
           r"|(?=[\dA-ZÀ-Ý€£])(?!.*(?:\.{3,}|…|_{3,})))")
# A leader cut short by a long label, then the column's spaces, before a figure ("Costi della
# manodopera (art. 41, c. 14) ..  € 58.000,00" among "Importo ..........  € 93.600,00").
_SHORT_BEFORE_FIGURE = r"\s\.{2,3}\s{2,}(?=[\d€£$])"
_COLUMN_GAP = re.compile(rf"\S(?: {{3,}}|\t+|{_LEADER}|{_SHORT_BEFORE_FIGURE})\S")
_CELL_GAP = re.compile(rf" {{3,}}|\t+|{_LEADER}|{_SHORT_BEFORE_FIGURE}")


def indent(line: str) -> int:
    return len(line) - len(line.lstrip())


# A cell that is one option of a form's question ("[ ] oui", "[X] non", "☐ Sì, per ..."):
# a line of such cells, however far apart, is the answer to the line above, not a row.
_OPTION_CELL = re.compile(rf"^(?:{BOX.pattern})\s*(?:[^\W\d_]+\.?\s*){{0,3}}$")


def is_row(line: str) -> bool:
    body = line.strip()
    if body.startswith("|"):
        return True
    return (_COLUMN_GAP.search(body) is not None
            and not all(_OPTION_CELL.match(cell) for cell in _CELL_GAP.split(body)))


# A framed box of one column whose lines are "label ...... value" ("│ Raming ..... € 286.000
# excl. btw │", "│ Looptijd ...... 36 maanden │"): the leader parts label from value, as a
# column would, whatever the value opens with; dots followed by another blank are a form.
_FRAMED_LEADER = re.compile(r"^([^\W\d_][^|.…]{0,60}?)\s?(?:\.{3,}|…{2,})\s+(?=[^\s.…])"
                            r"(?!.*(?:\.{3,}|…|_{3,}))(.+)$")


def cells_of(line: str) -> list[str]:
    body = line.strip()
    if body.startswith("|"):
        cells = [c.strip() for c in body.strip("|").split("|")]
        framed = _FRAMED_LEADER.match(cells[0]) if len(cells) == 1 else None
        return [framed.group(1).strip(), framed.group(2).strip()] if framed else cells
    return _CELL_GAP.split(body)


def _start(line: str, cells: list[str]) -> int:
    """Where a line's text starts: a lone cell of a framed line starts after its bar."""
    if len(cells) == 1 and cells[0] and line.lstrip().startswith("|"):
        return line.find(cells[0])
    return indent(line)


def row_text(cells: list[str]) -> str:
    """A row as a drawn table shows it ("| Offerta economica | 30 |"): the award-grid
    patterns read rows so, whatever the layout of the file."""
    return "| " + " | ".join(normalize_text(c) for c in cells) + " |"


RULE_LINE = re.compile(r"^[\s\-=+|:_.'─━═┄┈┼┬┴├┤┌┐└┘│║╔╗╚╝╠╣╦╩╬]+$")


def table_rows(lines: list[tuple[int, str]]) -> list[tuple[int, list[str]]]:
    """The rows (first line number, cells) of a table laid out in columns: a row ends
    with a filled last cell; lines before that, or more indented after it, are its
    cells' text wrapped ("Progetto di inserimento lavorativo: percorsi di / formazione
    ...  25"). Joined whole, one row's words would be read with another row's number."""
    base = min(indent(line) for _, line in lines)
    rows: list[tuple[int, list[str]]] = []
    last_column = 0  # where the last row's last cell starts
    held: tuple[int, list[str]] | None = None
    for number, line in lines:
        if RULE_LINE.match(line):  # "-----  -----", "+---+---+": drawing, not a row
            continue
        cells = cells_of(line)
        framed = _FRAMED_LEADER.match(cells[0]) if len(cells) == 1 else None
        if framed is not None:
            # a row of a label-leader-value table whose value is a word ("Extension
            # ........ none" among "Term ........ 36 months"): a row of its own
            cells = [framed.group(1).strip(), framed.group(2).strip()]
        if held is not None:  # the held line's words go on in this one's cells
            number, cells = held[0], [f"{a} {b}".strip() for a, b in
                                      zip_longest(held[1], cells, fillvalue="")]
            held = None
        elif _open_label(cells):
            held = (number, cells)
            continue
        last = rows[-1][1] if rows else None
        complete = last is not None and len(last) > 1 and bool(last[-1])
        # A sub-row ("   - percorsi formativi e tutoraggio     (15)") is a row of its own;
        # a phrase wrapped after its row's number ("|   | adscrita con contrato
        # indefinido |   |") is not.
        under_last = complete and 0 < last_column <= _start(line, cells)
        if last is not None and under_last and len(cells) > 1:
            # the last cell wrapped, the row's weight after it ("Z3  Schulungskonzept (Umgang
            # mit" / "     Fahrgästen mit Behinderung)      20 %")
            last[-1] = f"{last[-1]} {cells[0]}".strip()
            last.extend(cells[1:])
            last_column = line.rfind(cells[-1])
        elif last is not None and complete and _label_goes_on(last, cells):
            last[0] = f"{last[0]} {cells[0]}".strip()
        elif last is None or (complete and not _wrapped_after(cells) and not under_last
                              and (indent(line) <= base
                                   or (len(cells) > 1 and bool(cells[-1])))):
            rows.append((number, cells))
            last_column = line.rfind(cells[-1]) if len(cells) > 1 else 0
        elif under_last:
            last[-1] = f"{last[-1]} {cells[0]}".strip()  # the last cell wrapped under itself
        elif len(cells) == 1:  # a first cell wrapped onto its own line
            last[0] = f"{last[0]} {cells[0]}".strip()
        else:
            for i, cell in enumerate(cells):
                if i < len(last):
                    last[i] = f"{last[i]} {cell}".strip()
                else:
                    last.append(cell)
    if held is not None:
        rows.append(held)
    return rows


def _label_goes_on(last: list[str], cells: list[str]) -> bool:
    """A line that carries on the label of the row above, whose value is already given
    ("Fair Work First | 0 %" over "(information only - see 6.2) |"): no row of its own,
    which would take the next row's words."""
    return (len(cells) == len(last) and not any(cells[1:]) and not _ENUMERATOR.match(cells[0])
            and (cells[0].startswith("(") or _GOES_ON.match(cells[0]) is not None))


def _open_label(cells: list[str]) -> bool:
    """A row's label cut inside its brackets, its value cell still empty ("| di cui costi
    della manodopera (art. 41, |   |" over "| comma 14) | 190.000,00 |"): the row goes on
    in the next line, which holds its value; it is no wrapped end of the row above."""
    return (len(cells) > 1 and not any(cells[1:])
            and cells[0].count("(") > cells[0].count(")"))


# A cell's text that goes on from the line above: it starts in lower case, and is not an
# enumerator ("b) ...", "c. ...", "ii) ...").
_GOES_ON = re.compile(r"^(?![a-z]{1,3}[.)])[a-zà-ÿ]")
# What opens a sub-row of its own: "2.1 ...", "b) ...", "(iii) ...", "- ...", "• ...".
_ENUMERATOR = re.compile(r"^(\d{1,2}(\.\d{1,2})+\.?|\(?[a-z\d]{1,3}[.)]|[-–•*·])(\s|$)",
                         re.IGNORECASE)


# A cell that only offers a box to tick ("[ ] NO", "☐ Sì"): the bidder's answer, which
# leaves the row's text to go on from the line above.
_CHECK_BOX_CELL = re.compile(r"^(\[\s*\]|☐)\s*[^\W\d_]{0,3}$")


def _wrapped_after(cells: list[str]) -> bool:
    """A line of a drawn table that only goes on with the text of the row above: several
    cells, the last empty or a box to tick (the row's number or weight stood on its first
    line), and its
    first filled cell continuing a phrase in lower case, or standing under an empty first
    cell ("|   | Empresa» (Real Decreto 1615/2009) |   |") without an enumerator."""
    filled = [c for c in cells if c]
    if len(cells) < 2 or (cells[-1] and not _CHECK_BOX_CELL.match(cells[-1])) or not filled:
        return False
    if _GOES_ON.match(filled[0]):
        return True
    return not cells[0] and _ENUMERATOR.match(filled[0]) is None


def table_segments(lines: list[tuple[int, str]]
                   ) -> list[tuple[list[tuple[int, str]], list[tuple[int, str]]]]:
    """A plain-text paragraph as (prose, table) pairs in order, the last table empty. A
    table is a run of two or more lines laid out in columns, from its first such line to
    its last, with the more indented lines that follow it (a last cell wrapped). Prose set
    less indented than the rows ends a run (a note on the grid; another table may follow).
    Linear in the paragraph, however many tables it holds."""
    marks = [i for i, (_, line) in enumerate(lines) if is_row(line)]
    runs: list[list[int]] = [[marks[0]]] if marks else []
    for mark in marks[1:]:
        rows_indent = indent(lines[runs[-1][0]][1])
        if any(not is_row(line) and not RULE_LINE.match(line) and indent(line) < rows_indent
               for _, line in lines[runs[-1][-1] + 1:mark]):
            runs.append([mark])
        else:
            runs[-1].append(mark)
    segments: list[tuple[list[tuple[int, str]], list[tuple[int, str]]]] = []
    start = 0
    for run in runs:
        if len(run) < 2 or run[0] < start:  # (a lone row is prose; one swallowed is done)
            continue
        first, end = run[0], run[-1] + 1
        base = min(indent(line) for _, line in lines[first:end])
        while end < len(lines) and indent(lines[end][1]) > base:
            end += 1
        segments.append((lines[start:first], lines[first:end]))
        start = end
    segments.append((lines[start:], []))
    return segments


_LONG_LEADER = re.compile(r"\.{4,} (?=\S)")
_SHORT_LEADER = re.compile(r"(?<=\S) (\.{1,3}|) (?=\S)")
# A contents title long enough to leave one space before its page number, in the column
# of the others' numbers ("4. Condizioni di esecuzione: ..., pari opportunita' 2"), between
# contents lines (a leader and a bare page number).
_LAST_NUMBER = re.compile(r"(?<=\S) (\d{1,4})$")
_CONTENTS_LINE = re.compile(r"\.{4,} \d{1,4}$")


def aligned_leaders(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Dot leaders shortened to reach the same column as the lines around them ("G.
    Contrato reservado .. No" under "F. Lotes ........ No"), or left out ("I. Contrato
    reservado (D.A. 4.ª)  No.", a page number one space after a long contents title),
    are leaders too."""
    columns = {m.end() for _, line in lines for m in _LONG_LEADER.finditer(line)}
    if not columns:
        return lines
    contents = [bool(_CONTENTS_LINE.search(line)) for _, line in lines]
    out = []
    for k, (number, line) in enumerate(lines):
        m = None if line.lstrip().startswith("|") else _SHORT_LEADER.search(line)
        between = (k > 0 and contents[k - 1]) or (k + 1 < len(lines) and contents[k + 1])
        last = _LAST_NUMBER.search(line) if between and m is None else None
        # (two spaces keep their width; a value one column off is typed by hand)
        if m is not None and columns & {m.end(1), m.end(1) + 1, m.end(1) + 2}:
            line = (f"{line[:m.start(1)]}....{line[m.end(1):]}" if m.group(1)
                    else f"{line[:m.start()]}……{line[m.end():]}")
        elif last is not None and last.start(1) in columns and not _LONG_LEADER.search(line):
            line = f"{line[:last.start()]}……{line[last.start(1):]}"
        out.append((number, line))
    return out

"""Text for people: what Warta prints never lets the input speak to the terminal.

Titles, file names and reasons come from the input. ``visible`` shows control characters
(terminal escape codes, bells, carriage returns) as ``\\x1b``-style escapes instead of sending
them; ``safe`` also escapes rich console markup (``[bold]``, ``[/]``) so that it is printed as
written and never read as a style. ``cell`` makes a value fit one line of a tab-separated table.
"""

from __future__ import annotations

import re

from rich.markup import escape

# C0 and C1 controls, DEL, and the bidirectional overrides that reorder what a terminal shows.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _show(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, newlines: bool = True) -> str:
    """``text`` with control characters written as escapes (newlines and tabs too if not ``newlines``)."""
    text = _CONTROL.sub(_show, text)
    if not newlines:
        text = text.replace("\t", "\\t").replace("\n", "\\n")
    return text


def safe(text: object, *, newlines: bool = True) -> str:
    """``text`` ready for ``Console.print``: controls made visible, console markup escaped."""
    return escape(visible(str(text), newlines=newlines))


def cell(value: object) -> str:
    """One field of a tab-separated line: no tabs, no newlines, no control characters."""
    return "" if value is None else visible(str(value), newlines=False)


def emit_table(out, columns: list[tuple[str, dict]], rows: list[list[object]], *, title: str | None = None,
               section: bool = False) -> None:
    """Rows as a rich table on a terminal, as tab-separated lines (header first; the title on
    stderr) when piped.

    ``out`` is a ``rich.console.Console``; ``columns`` are (name, ``Table.add_column`` options).
    ``section``: the table is one of several printed together, and its title heads it on stdout.
    Every value is made safe: markup is printed as written, control characters as escapes.
    """
    if not out.is_terminal:
        if title and section:  # one of several tables printed together: its name heads it
            out.file.write(visible(title) + "\n")
        elif title:  # the caption goes to stderr: stdout stays a plain table for other programs
            import sys

            sys.stderr.write(visible(title) + "\n")
        out.file.write("\t".join(name for name, _ in columns) + "\n")
        for row in rows:
            out.file.write("\t".join(cell(value) for value in row) + "\n")
        return
    from rich.table import Table

    table = Table(title=safe(title) if title else None, title_justify="left")
    for name, options in columns:
        table.add_column(name, **options)
    for row in rows:
        table.add_row(*("" if value is None else safe(value, newlines=False) for value in row))
    out.print(table)

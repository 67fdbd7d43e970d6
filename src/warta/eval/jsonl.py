"""Reading a gold JSONL file: one object a line, a bad file or line named in one InputError."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from warta.errors import InputError


def gold_lines(path: str | Path) -> Iterator[tuple[int, str, object]]:
    """``(line number, "path:line", object)`` for each non-blank line of a gold JSONL file.

    An unreadable file or a line that is not JSON stops with an ``InputError`` naming the file
    (and line); what the line must hold (an object with which keys) is the caller's to check.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(path), f"cannot read the gold file ({error})") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(where, f"not JSON ({error.msg})") from None
        yield n, where, row

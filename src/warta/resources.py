"""Reading the YAML data files that hold Warta's rules, with one error shape for every stage."""

from __future__ import annotations

from typing import Any

import yaml

from warta.errors import ResourceError

# libyaml's parser when PyYAML was built with it: the same data (the constructor is the same
# Python code; every shipped file compared equal), parsed about 7x faster. The gazetteer and the
# event lexicon alone took about 1 s of CPU at every start with the pure-Python parser.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(text: str, where: str) -> Any:
    """Parse YAML text; a syntax or value error becomes a ResourceError naming the file and line."""
    try:
        return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f" line {mark.line + 1}:" if mark else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ResourceError(f"{where}:{line} not valid YAML ({problem})") from None
    except ValueError as error:  # PyYAML builds dates itself: 2019-13-01 fails inside the parser
        raise ResourceError(f"{where}: bad date ({error}); use YYYY-MM-DD, YYYY-MM or YYYY") from None

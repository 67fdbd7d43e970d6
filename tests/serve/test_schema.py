"""The API checked against its own OpenAPI schema (schemathesis): generated requests never get a server error.

Kept small for CI: a dozen generated requests per operation, on the hand-made store.
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402  (hypothesis comes with schemathesis)
from schemathesis.checks import not_a_server_error  # noqa: E402

from warta.serve import ServeConfig, create_app  # noqa: E402

EXAMPLES = 12


def operations_of(app) -> dict:
    """The operations of the application's OpenAPI schema, by ``METHOD /path``."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    return {f"{op.method.upper()} {op.path}": op for op in (r.ok() for r in schema.get_all_operations())}


@pytest.fixture(scope="module")
def operations(db):
    # a token is configured (and never sent), so ingest answers 401 instead of running the pipeline
    return operations_of(create_app(ServeConfig(db=db, token="not-sent")))


def test_schema_covers_every_endpoint(operations):
    assert {"GET /api/articles", "GET /api/events", "GET /api/search", "POST /api/ingest",
            "GET /api/export/{kind}"} <= set(operations)


def check_no_server_error(operations: dict) -> None:
    """``EXAMPLES`` generated requests per operation; fails naming the first operation that answers a 5xx."""
    for name, operation in sorted(operations.items()):

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case):
            case.call_and_validate(checks=[not_a_server_error])

        try:
            check()
        except Exception as error:
            raise AssertionError(f"{name}: {error}") from error


def test_api_never_answers_5xx(operations):
    check_no_server_error(operations)

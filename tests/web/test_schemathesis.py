"""The served OpenAPI document and the server agree: schemathesis, every check on.

The schema is loaded from the app's own `/api/openapi.json`. Each operation gets a
bounded number of generated requests, valid ones (which must be answered 2xx) and
invalid ones (which must be refused with a 4xx), and every response is checked by all
of schemathesis' checks (its default configuration enables them all). Hypothesis drives
the strategies directly: schemathesis' lazy pytest fixture does not run under pytest 9.
Bounded so that the module runs in well under a minute.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from astana_qa.web import create_app
from astana_qa.web.openapi import openapi_document

MAX_EXAMPLES = 60
PATHS = openapi_document("test")["paths"]
# Invalid requests can be made only where there is input that a schema constrains: the
# other operations take no parameters, or (/api/sources/{file}) any string at all.
CASES = [
    (path, method.upper(), mode)
    for path, methods in PATHS.items()
    for method in methods
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
    if mode is GenerationMode.POSITIVE or path == "/api/ask"
]


@pytest.fixture(scope="module")
def api_schema(seed_engine):
    return schemathesis.openapi.from_wsgi("/api/openapi.json", create_app(seed_engine))


@pytest.mark.parametrize(("path", "method", "mode"), CASES)
def test_the_api_conforms_to_its_openapi_document(api_schema, path, method, mode):
    operation = api_schema[path][method]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        case.call_and_validate()

    check()

"""The app over the seeds, shared by the web tests (the engine comes from tests/conftest)."""

import pytest

from astana_qa.web import create_app


@pytest.fixture(scope="module")
def app(seed_engine):
    return create_app(seed_engine)


@pytest.fixture
def client(app):
    return app.test_client()

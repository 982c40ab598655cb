"""Interfaces over HTTP: the app factory, the pages, the JSON API and its OpenAPI
document. No retrieval logic lives here; everything goes through `QAEngine`."""

from .app import create_app

__all__ = ["create_app"]

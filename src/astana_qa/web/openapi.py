"""The OpenAPI 3.1 document of the JSON API (served at /api/openapi.json).

Tests check every API response against these schemas, so the document stays true.
"""

from __future__ import annotations

from typing import Any

from ..search.answer_types import ANSWER_TYPES
from ..settings import DEFAULT_K, MAX_K, MAX_QUESTION_CHARS, QUESTION_PATTERN

_NULLABLE_STRING = {"type": ["string", "null"]}
# What the engine accepts as a question (search/query.py validate_question): text of at
# most MAX_QUESTION_CHARS characters as sent, holding a character of QUESTION_PATTERN.
QUESTION_SCHEMA = {
    "type": "string",
    "minLength": 1,
    "maxLength": MAX_QUESTION_CHARS,
    "pattern": QUESTION_PATTERN,
    "description": "at least one letter, digit or other character that is not ASCII "
    "punctuation or white space; lone UTF-16 surrogates are refused",
}

SCHEMAS: dict[str, Any] = {
    "Citation": {
        "type": "object",
        "required": ["rank", "source", "title", "date", "start", "end", "text", "score", "dates"],
        "additionalProperties": False,
        "properties": {
            "rank": {"type": "integer", "minimum": 1},
            "source": {"type": "string", "description": "file name of the article"},
            "title": _NULLABLE_STRING,
            "date": {**_NULLABLE_STRING, "description": "ISO date, when the article states one"},
            "start": {"type": "integer", "minimum": 0},
            "end": {"type": "integer", "minimum": 0},
            "text": {"type": "string", "description": "exactly file_text[start:end]"},
            "score": {"type": "number"},
            "dates": {
                "type": "array",
                "items": {"type": "string"},
                "description": "the dates the sentence states, ISO 8601 (a day, month, year "
                "or interval; --MM-DD when no year is known), read against the article's date",
            },
            "highlights": {
                "type": "array",
                "description": "only with highlight=true: [start, end) offsets into `text` "
                "of words that match the question",
                "items": {
                    "type": "array",
                    "items": {"type": "integer"},
                    "minItems": 2,
                    "maxItems": 2,
                },
            },
        },
    },
    "Span": {
        "type": "object",
        "required": ["source", "start", "end"],
        "additionalProperties": False,
        "properties": {
            "source": {"type": "string"},
            "start": {"type": "integer", "minimum": 0},
            "end": {"type": "integer", "minimum": 0},
        },
    },
    "Variant": {
        "type": "object",
        "required": ["text", "span", "supported_by"],
        "additionalProperties": False,
        "properties": {
            "text": {"type": "string"},
            "span": {"$ref": "#/components/schemas/Span"},
            "supported_by": {"type": "array", "items": {"type": "integer", "minimum": 1}},
        },
    },
    "Answer": {
        "type": "object",
        "required": [
            "question",
            "answered",
            "answer",
            "confidence",
            "citations",
            "took_ms",
            "as_of",
            "answer_type",
            "answer_span",
            "supported_by",
            "variants",
            "reason",
        ],
        "additionalProperties": False,
        "properties": {
            "question": {"type": "string"},
            "answered": {"type": "boolean", "description": "false: the articles do not answer"},
            "answer": {
                **_NULLABLE_STRING,
                "description": "the short answer (the name, date, number... asked for; for "
                "'What is X?' or 'Who is X?', the phrase or office that defines X), or the "
                "sentence for questions that want a description; null when not answered",
            },
            "confidence": {"type": "number", "minimum": 0, "maximum": 1},
            "citations": {
                "type": "array",
                "description": "the k best passages in the answer's order, then any further "
                "passage that states the answer or a variant",
                "items": {"$ref": "#/components/schemas/Citation"},
            },
            "answer_type": {
                "type": "string",
                "enum": sorted(ANSWER_TYPES),
                "description": "the kind of answer the question asks for",
            },
            "answer_span": {
                "oneOf": [{"$ref": "#/components/schemas/Span"}, {"type": "null"}],
                "description": "where the answer is written: file_text[start:end] == answer",
            },
            "supported_by": {
                "type": "array",
                "items": {"type": "integer", "minimum": 1},
                "description": "ranks of the citations that state the answer",
            },
            "variants": {
                "type": "array",
                "description": "other answers the sources give (empty when they agree)",
                "items": {"$ref": "#/components/schemas/Variant"},
            },
            "reason": {
                **_NULLABLE_STRING,
                "description": "why the articles do not answer (null when answered)",
            },
            "took_ms": {"type": "number", "minimum": 0},
            "as_of": {
                **_NULLABLE_STRING,
                "description": "for questions about the latest or next instance: the date "
                "(ISO 8601) the answer rests on, the latest its first citation states with "
                "a year, else that citation's article's date",
            },
        },
    },
    "AskRequest": {
        "type": "object",
        "required": ["question"],
        "properties": {
            "question": QUESTION_SCHEMA,
            "k": {"type": "integer", "minimum": 1, "maximum": MAX_K, "default": DEFAULT_K},
            "highlight": {"type": "boolean", "default": False},
        },
    },
    "Source": {
        "type": "object",
        "required": ["file", "title", "date", "sentences"],
        "additionalProperties": False,
        "properties": {
            "file": {"type": "string"},
            "title": _NULLABLE_STRING,
            "date": _NULLABLE_STRING,
            "sentences": {"type": "integer", "minimum": 0},
        },
    },
    "Health": {
        "type": "object",
        "required": ["status", "documents", "sentences", "index_built_at", "version"],
        "additionalProperties": False,
        "properties": {
            "status": {"type": "string", "enum": ["ok"]},
            "documents": {"type": "integer"},
            "sentences": {"type": "integer"},
            "index_built_at": {"type": "string"},
            "version": {"type": "string"},
        },
    },
    "Error": {
        "type": "object",
        "required": ["error"],
        "additionalProperties": False,
        "properties": {
            "error": {
                "type": "object",
                "required": ["code", "message"],
                "additionalProperties": False,
                "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
            }
        },
    },
}


_SOURCE: dict[str, Any] = SCHEMAS["Source"]
SCHEMAS["SourceText"] = {
    **_SOURCE,
    "required": [*_SOURCE["required"], "text"],
    "properties": {**_SOURCE["properties"], "text": {"type": "string"}},
}


def _json(schema: str, description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }


def _errors(*codes: int) -> dict:
    text = {
        400: "invalid input",
        404: "unknown source",
        405: "method not allowed",
        413: "body over 64 KiB",
        415: "body is not JSON",
        429: "too many long questions in hand (`astana-qa serve`'s long-question lane): "
        "ask again after the Retry-After header's seconds",
    }
    return {str(c): _json("Error", text[c]) for c in codes}


def openapi_document(version: str) -> dict:
    """The whole OpenAPI document."""
    question_params = [
        {
            "name": "q",
            "in": "query",
            "required": True,
            "description": "the question",
            "schema": QUESTION_SCHEMA,
        },
        {
            "name": "k",
            "in": "query",
            "required": False,
            "description": "how many of the best passages to cite; every further passage that "
            "states the answer or a variant is cited too (`supported_by`)",
            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_K, "default": DEFAULT_K},
        },
        {
            "name": "highlight",
            "in": "query",
            "required": False,
            "description": "add `highlights` to each citation",
            "schema": {"type": "boolean", "default": False},
        },
    ]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "astana-qa",
            "version": version,
            "description": "Answers questions about a folder of articles, citing exact "
            "sentences (text == file_text[start:end]). Every error is "
            '{"error": {"code", "message"}}.',
        },
        "paths": {
            "/api/ask": {
                "get": {
                    "summary": "Answer a question",
                    "parameters": question_params,
                    "responses": {"200": _json("Answer", "the answer"), **_errors(400, 405, 429)},
                },
                "post": {
                    "summary": "Answer a question sent as JSON",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/AskRequest"}
                            }
                        },
                    },
                    "responses": {
                        "200": _json("Answer", "the answer"),
                        **_errors(400, 405, 413, 415, 429),
                    },
                },
            },
            "/api/sources": {
                "get": {
                    "summary": "The indexed articles",
                    "responses": {
                        "200": {
                            "description": "every indexed article",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "array",
                                        "items": {"$ref": "#/components/schemas/Source"},
                                    }
                                }
                            },
                        },
                        **_errors(405),
                    },
                }
            },
            "/api/sources/{file}": {
                "get": {
                    "summary": "One indexed article with its text",
                    "parameters": [
                        {
                            "name": "file",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    ],
                    "responses": {"200": _json("SourceText", "the article"), **_errors(404, 405)},
                }
            },
            "/api/health": {
                "get": {
                    "summary": "Service status",
                    "responses": {"200": _json("Health", "the service is up"), **_errors(405)},
                }
            },
            "/api/openapi.json": {
                "get": {
                    "summary": "This document",
                    "responses": {
                        "200": {"description": "the OpenAPI document"},
                        **_errors(405),
                    },
                }
            },
        },
        "components": {"schemas": SCHEMAS},
    }

"""Shared fixtures: tiny corpora in temporary folders, and the project's seeds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from astana_qa import QAEngine

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture
def make_corpus(tmp_path: Path) -> Callable[[dict[str, str | bytes]], Path]:
    """Write `{file name: text or bytes}` into a fresh corpus folder and return it."""

    def make(files: dict[str, str | bytes]) -> Path:
        folder = tmp_path / f"corpus{len(list(tmp_path.glob('corpus*')))}"
        folder.mkdir()
        for name, content in files.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            (folder / name).write_bytes(data)
        return folder

    return make


@pytest.fixture(scope="session")
def seed_index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The temporary folder of the seeds' index (built by `seed_engine`)."""
    return tmp_path_factory.mktemp("seed-index") / "index"


@pytest.fixture(scope="session")
def seed_engine(seed_index_dir: Path) -> QAEngine:
    """One engine over the seeds, with its index in a temporary folder."""
    return QAEngine.open(SEEDS, seed_index_dir)


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {p.name: p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))}

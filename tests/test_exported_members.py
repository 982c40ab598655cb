"""The public API is what `astana_qa.__all__` names, and each name is importable."""

import astana_qa


def test_exported_members():
    assert set(astana_qa.__all__) == {
        "AliasFileError",
        "Answer",
        "Citation",
        "CorpusChanged",
        "CorpusError",
        "InvalidQuestion",
        "QAEngine",
        "QAError",
        "Settings",
        "SourceInfo",
        "__version__",
    }
    for name in astana_qa.__all__:
        assert getattr(astana_qa, name) is not None


def test_one_version_string():
    from importlib.metadata import version

    assert astana_qa.__version__ == version("astana-qa")

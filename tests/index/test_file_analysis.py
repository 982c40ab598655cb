import io

import numpy as np
import pytest

from astana_qa.index.file_analysis import FileAnalysis, analyse_file
from astana_qa.settings import AnalysisSettings
from astana_qa.text.analysis import Analyzer

TEXT = (
    "Harbour opens in Varna\n\n"
    "The minister opened the new harbour in Varna on Sunday, 12 March 2023. "
    "Mayor Petrov thanked the builders of the harbour.\n\n"
    "Please enter your comment!\n"
)


@pytest.fixture
def analysis() -> FileAnalysis:
    return analyse_file(TEXT, Analyzer(AnalysisSettings()))


def test_keeps_prose_sentences_with_offsets_terms_and_names(analysis):
    sentences = [TEXT[s:e] for s, e in zip(analysis.start, analysis.end, strict=True)]
    assert sentences == [
        "Harbour opens in Varna",
        "The minister opened the new harbour in Varna on Sunday, 12 March 2023.",
        "Mayor Petrov thanked the builders of the harbour.",
    ]
    assert analysis.paragraph.tolist() == [0, 1, 1]
    assert analysis.has_time.tolist() == [False, True, False]
    assert analysis.has_number.tolist() == [False, True, False]
    second = analysis.term_ids[analysis.term_ptr[1] : analysis.term_ptr[2]]
    assert [analysis.vocab[t] for t in second][:3] == ["minist", "open", "new"]
    third = analysis.name_ids[analysis.name_ptr[2] : analysis.name_ptr[3]]
    assert [analysis.name_vocab[n] for n in third] == ["petrov"]


def test_round_trips_through_bytes_without_pickle(analysis):
    again = FileAnalysis.from_bytes(analysis.to_bytes())
    assert again.vocab == analysis.vocab and again.name_vocab == analysis.name_vocab
    for name in ("start", "end", "paragraph", "term_ptr", "term_ids", "name_ptr", "name_ids"):
        np.testing.assert_array_equal(getattr(again, name), getattr(analysis, name))
        assert getattr(again, name).dtype == getattr(analysis, name).dtype


def test_stored_numbers_take_the_narrowest_type(analysis):
    with np.load(io.BytesIO(analysis.to_bytes()), allow_pickle=False) as stored:
        for name in ("start", "end", "term_ptr", "term_ids"):
            largest = int(getattr(analysis, name).max())
            assert stored[name].dtype == np.min_scalar_type(largest) and stored[name].itemsize < 4


def test_damaged_bytes_are_rejected(analysis):
    data = analysis.to_bytes()
    with pytest.raises(ValueError):
        FileAnalysis.from_bytes(data[: len(data) // 2])

"""astana-qa: answers questions about a folder of articles, citing exact sentences."""

__version__ = "0.1.0"

from .engine import Answer, Citation, QAEngine
from .errors import AliasFileError, CorpusError, InvalidQuestion, QAError
from .settings import Settings

__all__ = [
    "AliasFileError",
    "Answer",
    "Citation",
    "CorpusError",
    "InvalidQuestion",
    "QAEngine",
    "QAError",
    "Settings",
    "__version__",
]

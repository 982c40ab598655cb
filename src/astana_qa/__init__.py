"""astana-qa: answers questions about a folder of articles, citing exact sentences.

Layers, each importing only those before it: `text` (articles, sentences, terms) →
`index` (segments on disk) → `search` (question reading, ranking, `QAEngine`) → `web`
and `cli` (interfaces); `bench` holds the measuring commands.

Exceptions (all `ValueError`s whose messages can be shown to a user):

    QAError
    ├── InvalidQuestion   the question or k cannot be asked
    ├── CorpusError       the corpus folder is missing, empty or unreadable
    │   └── CorpusChanged an article changed on disk after the index was opened
    └── AliasFileError    the alias file is not valid
"""

from ._version import __version__
from .errors import AliasFileError, CorpusChanged, CorpusError, InvalidQuestion, QAError
from .records import Answer, Citation, SourceInfo
from .search.engine import QAEngine
from .settings import Settings

__all__ = [
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
]

"""Errors a user can cause and fix; their messages are written to be shown as they are."""


class QAError(ValueError):
    """Base of every user-facing error of astana-qa."""


class InvalidQuestion(QAError):
    """The question is empty, only punctuation, too long, or `k` is out of range.

    `field` names the offending input ("question" or "k") for API error codes.
    """

    def __init__(self, message: str, field: str = "question"):
        super().__init__(message)
        self.field = field


class CorpusError(QAError):
    """The corpus folder is missing, empty, or holds no readable article."""


class AliasFileError(QAError):
    """The alias file exists but is not valid."""


class CorpusChanged(CorpusError):
    """An article's file changed or went away after its index was opened: its sentences
    can no longer be quoted from it as indexed (open the index again to re-read it)."""

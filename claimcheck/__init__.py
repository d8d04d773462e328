"""claimcheck: every checkable claim in a news article, pinned to its exact characters."""

from claimcheck.checker import Checker, acheck, check, check_many
from claimcheck.config import Settings, __version__, resolve_settings
from claimcheck.errors import (
    ArticleTimeoutError,
    ClaimcheckError,
    ConfigurationError,
    InputError,
    InvalidOutputError,
    LLMError,
    RateLimitError,
    RefusedError,
    ServiceUnavailableError,
    WorkerError,
)
from claimcheck.models import (
    ArticleError,
    Claim,
    Evidence,
    EvidencePart,
    Figure,
    Passage,
    Report,
    SourceText,
    SourcingGap,
    Usage,
)
from claimcheck.read.webpages import extract_text, read_page
from claimcheck.run.batch import Item
from claimcheck.verify.sources import Source

__all__ = [
    "ArticleError",
    "ArticleTimeoutError",
    "Checker",
    "Claim",
    "ClaimcheckError",
    "ConfigurationError",
    "Evidence",
    "EvidencePart",
    "Figure",
    "InputError",
    "InvalidOutputError",
    "Item",
    "LLMError",
    "Passage",
    "RateLimitError",
    "RefusedError",
    "Report",
    "ServiceUnavailableError",
    "Settings",
    "Source",
    "SourceText",
    "SourcingGap",
    "Usage",
    "WorkerError",
    "__version__",
    "acheck",
    "check",
    "check_many",
    "extract_text",
    "read_page",
    "resolve_settings",
]

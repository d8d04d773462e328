"""claimcheck: every checkable claim in a news article, pinned to its exact characters."""

from claimcheck.checker import Checker, acheck, check, check_many
from claimcheck.config import Settings, __version__, resolve_settings
from claimcheck.errors import (
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
from claimcheck.models import ArticleError, Claim, Figure, Report, SourcingGap, Usage
from claimcheck.read.webpages import extract_text, read_page
from claimcheck.run.batch import Item

__all__ = [
    "ArticleError",
    "Checker",
    "Claim",
    "ClaimcheckError",
    "ConfigurationError",
    "Figure",
    "InputError",
    "InvalidOutputError",
    "Item",
    "LLMError",
    "RateLimitError",
    "RefusedError",
    "Report",
    "ServiceUnavailableError",
    "Settings",
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

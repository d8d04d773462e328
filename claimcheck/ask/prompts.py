"""Prompt templates: text files named ``NAME-VERSION.txt`` in the top-level ``prompts/`` folder.

An installed wheel carries them as ``claimcheck/prompts/``; a source checkout (or an editable
install) reads them from the repository. Changing a prompt means adding a new version file and
bumping ``PROMPT_VERSION``, so reports and cache keys say which words the model was given.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from claimcheck.errors import ConfigurationError

PROMPT_VERSION = "v1"


@dataclass(frozen=True)
class Prompt:
    name: str
    version: str
    text: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def load(name: str, version: str = PROMPT_VERSION) -> Prompt:
    """The prompt ``name`` at ``version``; ConfigurationError if the package lacks it."""
    return _load(name, version, tuple(_folders()))


@cache
def _load(name: str, version: str, folders: tuple[Path, ...]) -> Prompt:
    filename = f"{name}-{version}.txt"
    for folder in folders:
        path = folder / filename
        if path.is_file():
            return Prompt(name, version, path.read_text(encoding="utf-8").strip())
    raise ConfigurationError(
        f"prompt file {filename} is missing from this installation; reinstall claimcheck"
    )


def _folders() -> list[Path]:
    # CLAIMCHECK_PROMPTS_DIR lets a prompt author try new wording without reinstalling;
    # the text is hashed into cache keys, so edited prompts never reuse old answers.
    override = (
        [Path(os.environ["CLAIMCHECK_PROMPTS_DIR"])]
        if os.environ.get("CLAIMCHECK_PROMPTS_DIR")
        else []
    )
    installed = Path(str(resources.files("claimcheck"))) / "prompts"
    source_tree = Path(__file__).resolve().parents[2] / "prompts"
    return [*override, installed, source_tree]


def fenced(text: str, *tags: str) -> str:
    """``text`` as it may stand inside the prompt's ``<tag>`` fences: no tag of theirs opens or
    closes in it, whatever its case and spacing ("</ARTICLE>", "< /article >"); its angle
    brackets become ‹ and ›."""
    tag = re.compile(rf"<\s*/?\s*(?:{'|'.join(map(re.escape, tags))})\s*>", re.IGNORECASE)
    return tag.sub(lambda m: m.group(0).replace("<", "‹").replace(">", "›"), text)

"""errors.redact: keys and URL credentials out of every message that is stored or shown."""

from __future__ import annotations

import pytest

from claimcheck.errors import redact


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Incorrect API key provided: sk-proj-abc123XYZ_def.", "Incorrect API key provided: ***."),
        ("Invalid API Key gsk_0123456789abcdef", "Invalid API Key ***"),
        ("Authorization: Bearer abc.def-ghi", "Authorization: Bearer ***"),
        ("https://me:hunter2@llm.example/v1", "https://me:***@llm.example/v1"),
        ("https://llm.example/v1?api-key=abc&x=1", "https://llm.example/v1?api-key=***&x=1"),
        ("http://h/v1?token=abc#top", "http://h/v1?token=***#top"),
        ("the server answered HTTP 500 (“boom”)", "the server answered HTTP 500 (“boom”)"),
        ("ask sk-learning users", "ask sk-learning users"),
    ],
)
def test_keys_and_url_credentials_are_hidden_and_nothing_else(text: str, shown: str) -> None:
    assert redact(text) == shown


def test_the_key_in_use_is_hidden_whatever_its_shape() -> None:
    said = "key was local-secret-1 (local-secret-1)"
    assert redact(said, "local-secret-1") == "key was *** (***)"
    assert redact("a b c", None, "") == "a b c"  # no key: nothing to hide

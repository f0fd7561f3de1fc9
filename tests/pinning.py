"""One way to pin a refusal word for word (shared by the modules' refusal tests)."""

from __future__ import annotations

from typing import Any

import pytest

from custrules import CustrulesError


def refusal(call: Any, code: str, en: str, zh: str) -> CustrulesError:
    """Call ``call``, which must refuse with ``code`` and exactly these messages in
    English and Chinese; return the error (for its value)."""
    with pytest.raises(CustrulesError) as caught:
        call()
    error = caught.value
    assert (error.code, str(error), error.message_in("zh")) == (code, en, zh)
    return error


def refusal_row(what: str, call: Any, value: str, code: str, en: str, zh: str) -> None:
    """A row of a refusal table: :func:`refusal`, and the error's value as ``value``
    shows it (its ``repr``, or ``<large Kind>`` for a large one)."""
    error = refusal(call, code, en, zh)
    shown = repr(error.value)
    if value.startswith("<large "):
        shown = f"<large {type(error.value).__name__}>"  # a large value: its kind
    assert shown == value, what

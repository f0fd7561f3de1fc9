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

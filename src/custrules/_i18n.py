"""Two languages for every human-readable text: English and Chinese (private).

Texts are written in English in the code, marked for extraction (``N_`` or the
template argument of a rule note), and translated in the gettext catalogue
``custrules/locale/zh_CN/LC_MESSAGES/custrules.po``; Babel extracts and
compiles it (see ``docs/development.md``), and a test keeps it current.
Rendering looks the English text up in the catalogue of the language asked
for; English is the default in the library.  In Chinese a filled-in value in
Latin letters (a field name such as ``n``, a name such as ``Zhang``) is set off
from the Chinese beside it by a space, as Chinese typesetting does.
"""

from __future__ import annotations

import functools
import gettext
import string
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any

from custrules.errors import UnknownLabelError

__all__ = [
    "LANGS",
    "N_",
    "Both",
    "Listed",
    "Names",
    "WITH_LABEL",
    "Quote",
    "Sub",
    "Term",
    "fill",
    "lang_code",
    "lang_from_env",
    "Said",
    "render",
    "render_all",
    "said",
    "tr",
    "translated",
]

#: the languages every text exists in
LANGS = ("en", "zh")

_ALIASES = {
    "en": "en",
    "english": "en",
    "c": "en",
    "posix": "en",
    "zh": "zh",
    "chinese": "zh",
    "中文": "zh",
    "英文": "en",
}


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark ``message`` for extraction; it is translated where it is rendered."""
    return message


def lang_code(value: Any) -> str:
    """``"en"`` or ``"zh"`` from a language name or locale (``zh_CN.UTF-8``,
    ``zh-Hans``, ``en_US``, ...); anything else is refused."""
    if isinstance(value, str):
        key = value.strip().lower()
        if key in _ALIASES:
            return _ALIASES[key]
        base = key.split(".")[0].split("@")[0].replace("-", "_").split("_")[0]
        if base in ("zh", "en"):
            return base
    raise UnknownLabelError(
        f"unknown language {value!r:.40}: use 'zh' (中文) or 'en' (English)", value=value
    )


def lang_from_env(environ: Mapping[str, str]) -> str:
    """The language gettext would pick from the environment: the first set of
    ``LANGUAGE`` (a colon-separated list), ``LC_ALL``, ``LC_MESSAGES`` and
    ``LANG``; Chinese if that names it (or names it before English), else English."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if not value:
            continue
        for item in value.split(":"):
            try:
                return lang_code(item)
            except UnknownLabelError:
                continue
        return "en"
    return "en"


@functools.cache
def _catalogue(lang: str) -> gettext.NullTranslations:
    if lang == "en":
        return gettext.NullTranslations()
    folder = resources.files("custrules") / "locale"
    with resources.as_file(folder) as path:
        return gettext.translation("custrules", localedir=str(path), languages=["zh_CN"])


def tr(message: str, lang: str = "en") -> str:
    """``message`` (an English text marked for extraction) in ``lang``."""
    if lang == "en":
        return message
    return _catalogue(lang_code(lang)).gettext(message)


# -- arguments of a text, rendered in its language ----------------------------------------


class Term(str):
    """A word of an explanation, translated when rendered (mark it with ``N_``)."""

    __slots__ = ()


class Both(tuple[str, ...]):
    """Names joined as ``甲 and 乙`` (``甲和乙``), or ``甲, 乙 and 丙`` (``甲、乙和丙``)."""

    __slots__ = ()


class Listed(tuple[str, ...]):
    """Names listed as ``甲, 乙`` (``甲、乙``)."""

    __slots__ = ()


class Names(str):
    """Items of a message listed as ``a, b`` (``a、b`` in Chinese).  It is the English
    text itself, so an error's ``params`` stay plain text for a host; each item is text
    or a text to render (a :class:`Sub`)."""

    items: tuple[Any, ...]

    def __new__(cls, items: Iterable[Any]) -> Names:
        listed = tuple(items)
        self = super().__new__(cls, ", ".join(map(str, listed)))
        self.items = listed
        return self

    def __getnewargs__(self) -> tuple[tuple[Any, ...]]:  # type: ignore[override]
        return (self.items,)


#: an item of :class:`Names` shown with its label: ``online_auction (网拍客户)``
WITH_LABEL = N_("{} ({})")


class Quote(str):
    """Free text a user wrote (a ruling's text): ``: text``, or nothing when empty."""

    __slots__ = ()


class Sub(tuple[Any, ...]):
    """A text inside a text: (template, args), rendered in the same language (in
    English where it is simply formatted, as in an error's English message)."""

    __slots__ = ()

    def __str__(self) -> str:
        return render(self[0], self[1])

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def _arg(a: Any, lang: str) -> Any:
    kind = type(a)
    if kind is Term:
        return tr(a, lang)
    if kind is Both:
        last = tr(N_(" and "), lang)
        if len(a) < 3:
            return last.join(a)
        return tr(N_(", "), lang).join(a[:-1]) + last + a[-1]
    if kind is Listed:
        return tr(N_(", "), lang).join(a)
    if kind is Names:
        return _names(a, lang)
    if kind is Quote:
        return translated(N_(": {}"), lang, a) if a else ""
    if kind is Sub:
        return render(a[0], a[1], lang)
    label = getattr(a, "label", None)
    if callable(label):  # a party, a kind: it names itself in each language
        return label(lang)
    message_in = getattr(a, "message_in", None)
    if callable(message_in):  # an error inside a message
        return message_in(lang)
    return a


def _names(names: Names, lang: str) -> str:
    """The items listed in ``lang``: in Chinese with 、, or with ； where an item holds a
    、 or a ， itself (English keeps the plain text's commas)."""
    items = [str(_arg(x, lang)) for x in names.items]
    if lang == "en":
        return ", ".join(items)
    if any("、" in x or "，" in x for x in items):
        return tr(N_("; "), lang).join(items)
    return tr(N_(", "), lang).join(items)


#: a text not yet rendered: (English template, its arguments)
Said = tuple[str, tuple[Any, ...]]


def said(template: str, *args: Any) -> Said:
    """A text to render later in the reader's language (extracted by Babel)."""
    return (template, args)


def render_all(texts: tuple[Said, ...], lang: str = "en") -> tuple[str, ...]:
    """Each text rendered in ``lang``."""
    lang = lang_code(lang)
    return tuple(render(t, a, lang) for t, a in texts)


def render(template: str, args: tuple[Any, ...], lang: str = "en") -> str:
    """A text in ``lang``: the template translated, then its arguments."""
    return translated(template, lang, *(_arg(a, lang) for a in args))


def translated(message: str, lang: str, /, *args: Any, **kwargs: Any) -> str:
    """``message`` in ``lang`` with its fields filled in (see :func:`fill`)."""
    return fill(tr(message, lang), lang, *args, **kwargs)


_FIELDS = string.Formatter()


def _cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _apart(left: str, right: str) -> bool:
    """Whether Chinese typesetting puts a space between ``left`` and ``right``: a
    Latin letter against a Chinese character (numbers are left as the text has them:
    2026年3月 stays one word)."""
    a, b = left[-1], right[0]
    return (_latin(a) and _cjk(b)) or (_cjk(a) and _latin(b))


def fill(text: str, lang: str, /, *args: Any, **kwargs: Any) -> str:
    """``text`` (already in ``lang``) with its fields filled in, as ``str.format``; in
    Chinese a filled-in value in Latin letters is set off from the Chinese beside
    it by a space (``n 必须是整数``, ``由 Zhang 持有``; ``由甲持有`` is unchanged)."""
    if lang == "en":
        return text.format(*args, **kwargs)
    pieces: list[tuple[str, bool]] = []  # (text, whether it was filled in)
    auto = 0
    for literal, field, spec, conversion in _FIELDS.parse(text):
        if literal:
            pieces.append((literal, False))
        if field is None:
            continue
        if not field:
            field, auto = str(auto), auto + 1
        one = "{" + field + (f"!{conversion}" if conversion else "") + f":{spec}}}"
        value = one.format(*args, **kwargs)
        if value:
            pieces.append((value, True))
    out: list[str] = []
    for i, (piece, filled) in enumerate(pieces):
        if i and (filled or pieces[i - 1][1]) and _apart(pieces[i - 1][0], piece):
            out.append(" ")
        out.append(piece)
    return "".join(out)


# -- errors in either language ---------------------------------------------------------

#: the message of an error that gives no template of its own, by its code
_BY_CODE = {
    "error": N_("the input cannot be used: {value}"),
    "invalid_input": N_("the input cannot be used: {value}"),
    "invalid_type": N_("the input has the wrong type: {value}"),
    "naive_datetime": N_("an instant without a time zone: {value} (add one, e.g. +08:00)"),
    "notice": N_("the holiday notice fails a check: {value}"),
    "unknown_label": N_("an unknown label: {value}"),
    "extension": N_("the extension cannot be accepted: {value}"),
    "transition": N_("a step out of order: {value}"),
    "horizon": N_(
        "{day} is past the calendar's official schedule (it runs to {official_through}): "
        "add the State Council notice for {missing_year}, or allow an estimate"
    ),
}


def _shown(value: Any) -> Any:
    if value is None:
        return "-"
    if isinstance(value, str):
        return value[:80]
    text = repr(value) if not hasattr(value, "isoformat") else value.isoformat()
    return text[:80]


#: the one parameter whose plain text is a word of the library's: what a value is
_LIBRARY_WORD = "what"


def error_message(error: Any, lang: str = "en") -> str:
    """An error's message in ``lang``: its template translated, else (in Chinese)
    the message for its code with its value."""
    lang = lang_code(lang)
    if lang == "en" and error.template is None:
        return str(error)
    params = {"value": error.value, **error.params}
    if error.template is not None:
        shown = {
            # ``what`` names the checked value in the library's words; every other
            # text is shown as given (a user's "deal" stays "deal") unless marked
            # as a word of the library's (Term, Sub, ...)
            k: _arg(Term(v) if k == _LIBRARY_WORD and type(v) is str else v, lang)
            for k, v in params.items()
        }
        text = translated(error.template, lang, **shown)
    else:
        template = _BY_CODE.get(error.code) or _BY_CODE.get(type(error).default_code, "")
        text = translated(
            template or _BY_CODE["error"], lang, **{k: _shown(v) for k, v in params.items()}
        )
    line = params.get("line")
    if isinstance(line, int) and line:
        text = translated(N_("line {}: "), lang, line) + text
    return text

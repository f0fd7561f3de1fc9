"""The gettext catalogue: extract the English texts, merge, compile (with Babel).

    python -m tests.catalogue          # update custrules.po from the code, compile .mo
    python -m tests.catalogue --check  # exit 1 if the catalogue is not current

Texts are marked with ``N_("...")`` or ``said("...", *args)``, or passed as the
template of a real-estate rule note (``note``, ``needs``, ``_raw``: the second
argument; ``set_split``: the third; ``take``: the third; ``given``: the fourth), or named as what a
checked value is (the ``what`` argument of the ``_check`` functions).
``tests/test_i18n.py`` runs the check.
"""

from __future__ import annotations

import io
import sys
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "custrules"
PO = PACKAGE / "locale" / "zh_CN" / "LC_MESSAGES" / "custrules.po"
MO = PO.with_suffix(".mo")
HEADER = "# Chinese (Simplified) texts of custrules; update with: python -m tests.catalogue"
#: fixed, so that the file changes only when a text does
STAMP = datetime(2026, 1, 1, tzinfo=timezone.utc)
KEYWORDS = {
    "N_": None,
    "said": None,
    "note": (2,),
    "needs": (2,),
    "_raw": (2,),
    "take": (3,),
    "given": (4,),
    "set_split": (3,),
    # what a checked value is ("the date", "received_at"), named in error messages
    "in_range": (2,),
    "plain_date": (2,),
    "aware": (2,),
    "integer": (2,),
    "exact_number": (2,),
    "decimal_text": (2,),
    "decimal_in_limits": (2,),
    "volume": (2,),
    "text": (2,),
    "member": (3,),
    "boolean": (2,),
    "items": (2,),
    "items_of": (3,),
    "iterable": (2,),
    "mapping": (2,),
    "record": (3,),
    "year": (2,),
    "parse_date": (2,),
    "parse_instant": (2,),
}


def extracted() -> dict[str, list[tuple[str, int]]]:
    """Every marked text and where it is (file, line)."""
    found: dict[str, list[tuple[str, int]]] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        if isinstance(message, tuple):  # pragma: no cover - no plural keywords
            message = message[0]
        found.setdefault(message, []).append((filename, lineno))
    return found


def current() -> Catalog:
    with PO.open("rb") as f:
        return read_po(f, locale="zh_CN")


def merged() -> Catalog:
    """The catalogue with the code's texts: new ones untranslated, gone ones dropped."""
    old = current() if PO.exists() else Catalog(locale="zh_CN")
    new = Catalog(
        locale="zh_CN",
        project="custrules",
        domain="custrules",
        header_comment=HEADER,
        creation_date=STAMP,
        revision_date=STAMP,
        language_team="custrules",
        last_translator="custrules",
        fuzzy=False,
    )
    for message, places in sorted(extracted().items()):
        before = old.get(message)
        new.add(message, before.string if before is not None else "", locations=places)
    return new


def compiled(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def po_text(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    # file names without line numbers: moving code does not make the catalogue stale
    write_po(out, catalog, omit_header=False, sort_output=True, width=100, include_lineno=False)
    return out.getvalue()


def main(argv: list[str]) -> int:
    catalog = merged()
    if "--check" in argv:
        stale = po_text(catalog) != PO.read_bytes() or compiled(current()) != MO.read_bytes()
        print("catalogue is not current: run python -m tests.catalogue" if stale else "ok")
        return 1 if stale else 0
    PO.write_bytes(po_text(catalog))
    MO.write_bytes(compiled(current()))
    missing = [m.id for m in current() if m.id and not m.string]
    print(f"{len(catalog) - 1} texts, {len(missing)} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""docs/rules.md stays true: every rule ID the code cites is catalogued, and every
catalogued ID is cited in the code and in the tests, or marked as left to the host
(or as a section whose items carry the rules), with the reason."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ID = re.compile(r"RE1[124]-[0-9]+(?:\.[0-9]+)?(?:\([0-9a-z]+\))?|(?:CAL|CMP|TIER|VIS|RET)-[0-9]+")


def cited(folder: str) -> set[str]:
    found: set[str] = set()
    for path in (ROOT / folder).rglob("*.py"):
        found |= set(ID.findall(path.read_text(encoding="utf-8")))
    return found


def catalogue() -> dict[str, str]:
    rows = {}
    for line in (ROOT / "docs" / "rules.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| ") and ID.fullmatch(cells[0]):
            rows[cells[0]] = cells[-1]
    return rows


def test_every_id_the_code_cites_is_catalogued() -> None:
    missing = cited("src") - set(catalogue())
    assert not missing, sorted(missing)


def test_every_catalogued_id_is_in_the_code_and_the_tests_or_says_why_not() -> None:
    src, tests = cited("src"), cited("tests")
    for rule, decision in catalogue().items():
        if decision.startswith(("LEFT TO THE HOST", "SECTION")):
            assert ":" in decision, f"{rule}: say why"
            continue
        assert rule in src, f"{rule} is catalogued but no code cites it"
        assert rule in tests, f"{rule} is catalogued but no test cites it"


def test_shipped_text_points_at_nothing_a_user_lacks() -> None:
    # a path outside the project, a seed file, or a seed's numbering of its pieces
    leak = re.compile(
        r"\.\./shared|seeds/|[0-9]{3}_[0-9a-f]{16}\.txt|\bpieces? [0-9]+\b|\b000 piece"
    )
    shipped = [
        *(ROOT / "src").rglob("*.py"),
        *(ROOT / "src").rglob("*.po"),
        *(ROOT / "docs").glob("*.md"),
        ROOT / "README.md",
        ROOT / "README.zh-CN.md",
    ]
    for path in shipped:
        assert not leak.search(path.read_text(encoding="utf-8")), path

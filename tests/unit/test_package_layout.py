"""companion/ is folders by feature: the README table names every package; each says what it is."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _packages() -> set[str]:
    return {p.parent.name for p in (ROOT / "companion").glob("*/__init__.py")}


def test_the_readme_table_of_packages_matches_the_tree() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("| package | what |", 1)[1].split("\n\n", 1)[0]
    named = set(re.findall(r"`(\w+)/`", table))
    assert named == _packages()


def test_every_package_says_in_its_first_line_what_it_is() -> None:
    for name in sorted(_packages()):
        first = (ROOT / "companion" / name / "__init__.py").read_text(encoding="utf-8")
        first_line = first.splitlines()[0] if first else ""
        assert re.fullmatch(r'"""\S.{10,95}', first_line), name

"""Move companion modules into feature packages and rewrite every import of the old paths.

Usage (from the repository root):
    python scripts/move_modules.py MAPPING --move   # git mv each module, then rewrite
    python scripts/move_modules.py MAPPING          # only rewrite imports (e.g. another branch)

MAPPING has one `old.module new.module` pair a line. The rewrite covers dotted names
(`companion.safety` -> `companion.safety.crisis`, also inside strings such as mock targets),
file paths (`companion/safety.py` -> `companion/safety/crisis.py`) and the one form a regular
expression cannot follow, `from companion import library_schema`, which becomes
`from companion.library import schema as library_schema`. Only files git tracks are rewritten.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

TEXT_SUFFIXES = {".py", ".md", ".toml", ".cfg", ".ini", ".spec", ".sh", ".txt", ".po", ".yml"}
TEXT_NAMES = {"start", "test", "lock", "test-random-order"}


def read_mapping(path: Path) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            old, new = line.split()
            pairs[old] = new
    return pairs


def file_of(module: str) -> str:
    return module.replace(".", "/") + ".py"


def move(pairs: dict[str, str]) -> None:
    """git mv each module; new packages get an __init__.py (its docstring is written by hand)."""
    for old, new in pairs.items():
        target = Path(file_of(new))
        package = target.parent
        if not (package / "__init__.py").exists():
            package.mkdir(parents=True, exist_ok=True)
            (package / "__init__.py").write_text('"""TODO."""\n', encoding="utf-8")
            subprocess.run(["git", "add", str(package / "__init__.py")], check=True)
        subprocess.run(["git", "mv", file_of(old), str(target)], check=True)


def rewriter(pairs: dict[str, str]):
    olds = sorted(pairs, key=len, reverse=True)
    dotted = re.compile(r"(?<![\w.])(" + "|".join(re.escape(o) for o in olds) + r")(?!\w)")
    paths = {file_of(o): file_of(n) for o, n in pairs.items()}
    slashed = re.compile(r"(?<![\w/])(" + "|".join(re.escape(p) for p in paths) + r")")
    # `from companion.storage import backup, bulk` names a moved module as a bare name
    from_import = re.compile(r"^(\s*)from ([\w.]+) import (\w+)$", re.MULTILINE)

    def fix_from(match: re.Match[str]) -> str:
        indent, parent, name = match.groups()
        new = pairs.get(f"{parent}.{name}")
        if new is None:
            return match.group(0)
        new_parent, new_name = new.rsplit(".", 1)
        alias = "" if new_name == name else f" as {name}"
        return f"{indent}from {new_parent} import {new_name}{alias}"

    news = set(pairs.values())
    child = re.compile(r"\.(\w+)| import (\w+)")

    def fix_dotted(match: re.Match[str]) -> str:
        # Already new (`companion.library.packs` after `companion.library` became a package):
        # leave it, so running this twice, or on a merged tree, changes nothing more.
        after = child.match(match.string, match.end())
        if after is not None and f"{match.group(1)}.{after.group(1) or after.group(2)}" in news:
            return match.group(0)
        return pairs[match.group(1)]

    def rewrite(text: str) -> str:
        text = slashed.sub(lambda m: paths[m.group(1)], text)
        text = dotted.sub(fix_dotted, text)
        return from_import.sub(fix_from, text)

    return rewrite


def tracked_text_files() -> list[Path]:
    names = subprocess.run(["git", "ls-files"], capture_output=True, text=True, check=True)
    found = []
    for name in names.stdout.splitlines():
        path = Path(name)
        if (path.suffix in TEXT_SUFFIXES or path.name in TEXT_NAMES) and path.is_file():
            found.append(path)
    return found


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print(__doc__)
        return 2
    pairs = read_mapping(Path(argv[0]))
    if "--move" in argv[1:]:
        move(pairs)
    rewrite = rewriter(pairs)
    changed = 0
    for path in tracked_text_files():
        if path.name == Path(__file__).name:
            continue
        text = path.read_text(encoding="utf-8")
        new = rewrite(text)
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed += 1
    print(f"rewrote {changed} files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

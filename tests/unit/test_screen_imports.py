"""No screen feature imports another's modules: features open each other's screens by route name
(ui/router.py), and what several share lives in ui/shared/, which imports no feature."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCREENS = ROOT / "ui" / "screens"


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """Every module `path` imports, at the top or inside a function, with its line."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "ui.screens":  # `from ui.screens import checkin` names a feature
                found.extend((node.lineno, f"ui.screens.{a.name}") for a in node.names)
            else:
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, a.name) for a in node.names)
    return found


def feature_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[:2] == ["ui", "screens"] else None


def crossings(root: Path) -> list[str]:
    """`file:line imports module` for each import from one feature package into another."""
    found: list[str] = []
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root).parts
        if len(relative) < 2:  # ui/screens/__init__.py belongs to no feature
            continue
        for line, module in imported_modules(path):
            other = feature_of(module)
            if other is not None and other != relative[0]:
                found.append(f"{path.relative_to(root.parents[1])}:{line} imports {module}")
    return found


def test_every_screen_module_is_in_a_feature_package() -> None:
    loose = [p.name for p in SCREENS.glob("*.py") if p.name != "__init__.py"]
    assert loose == []


def test_no_feature_imports_another_features_screens() -> None:
    assert crossings(SCREENS) == []


def test_shared_helpers_import_no_feature() -> None:
    shared = ROOT / "ui" / "shared"
    found = [
        f"{path.name}:{line} imports {module}"
        for path in sorted(shared.rglob("*.py"))
        for line, module in imported_modules(path)
        if feature_of(module) is not None
    ]
    assert found == []


def test_the_walk_finds_an_import_inside_a_function(tmp_path: Path) -> None:
    """The check can fail: a lazy import of another feature's screen, hidden in a method."""
    (tmp_path / "ui" / "screens" / "home").mkdir(parents=True)
    (tmp_path / "ui" / "screens" / "home" / "screen.py").write_text(
        "def _open(ctx):\n"
        "    from ui.screens.checkin.history import HistoryScreen\n"
        "    return HistoryScreen(ctx)\n",
        encoding="utf-8",
    )
    (tmp_path / "ui" / "screens" / "home" / "ok.py").write_text(
        "from ui.screens.home.screen import _open\nfrom ui.shared.library import load_report\n"
        "from ui.screens import learn\n",
        encoding="utf-8",
    )
    assert crossings(tmp_path / "ui" / "screens") == [
        "ui/screens/home/ok.py:3 imports ui.screens.learn",
        "ui/screens/home/screen.py:2 imports ui.screens.checkin.history",
    ]

"""The lock files install every package pyproject.toml names, at a version it allows, by hash.

A package added to pyproject.toml but not to the lock would be missing on a fresh machine (the
install uses --require-hashes and --no-deps): this fails first, and says to run scripts/lock.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)(?:\s*;\s*([^\\]+?))?\s*\\?$")


def pins(lock: Path) -> dict[str, tuple[Version, str | None, int]]:
    """Name -> (version, marker, number of hashes) for each package the lock file pins."""
    found: dict[str, tuple[Version, str | None, int]] = {}
    current: str | None = None
    for line in lock.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            current = canonicalize_name(match[1])
            found[current] = (Version(match[2]), match[3], 0)
        elif line.strip().startswith("--hash=sha256:") and current is not None:
            version, marker, hashes = found[current]
            found[current] = (version, marker, hashes + 1)
        elif line and not line.startswith(" "):
            current = None
    return found


def declared(extra: str | None) -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = list(project["dependencies"])
    if extra is not None:
        names += project["optional-dependencies"][extra]
    return [Requirement(n) for n in names]


@pytest.mark.parametrize(("lock_name", "extra"), [("app.txt", None), ("test.txt", "test")])
def test_the_lock_pins_every_declared_package_at_an_allowed_version(
    lock_name: str, extra: str | None
) -> None:
    locked = pins(ROOT / "requirements" / lock_name)
    for requirement in declared(extra):
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        name = canonicalize_name(requirement.name)
        assert name in locked, (
            f"{requirement.name} is in pyproject.toml, not in {lock_name}: run `bash scripts/lock`"
        )
        version = locked[name][0]
        assert requirement.specifier.contains(version, prereleases=True), (
            f"{lock_name} pins {name}=={version}, outside pyproject.toml's "
            f"{requirement.specifier}: run `bash scripts/lock`"
        )


@pytest.mark.parametrize("lock_name", ["app.txt", "test.txt"])
def test_every_locked_package_has_a_hash(lock_name: str) -> None:
    locked = pins(ROOT / "requirements" / lock_name)
    assert len(locked) > 20
    unhashed = [name for name, (_v, _m, hashes) in locked.items() if hashes == 0]
    assert not unhashed


def test_the_app_runs_on_the_same_versions_in_the_tests() -> None:
    app = pins(ROOT / "requirements" / "app.txt")
    test = pins(ROOT / "requirements" / "test.txt")
    differ = [n for n, (v, _m, _h) in app.items() if n in test and test[n][0] != v]
    assert not differ


def test_the_lock_reader_finds_pins_with_markers(tmp_path: Path) -> None:
    lock = tmp_path / "lock.txt"
    lock.write_text(
        "# header\n"
        "babel==2.19.0 \\\n    --hash=sha256:aa \\\n    --hash=sha256:bb\n    # via x\n"
        "comtypes==1.4.17 ; sys_platform == 'win32' \\\n    --hash=sha256:cc\n",
        encoding="utf-8",
    )
    assert pins(lock) == {
        "babel": (Version("2.19.0"), None, 2),
        "comtypes": (Version("1.4.17"), "sys_platform == 'win32'", 1),
    }

"""The installers, for real: build the PyInstaller bundle and the .deb, run what was built.

One build (about 35 s) serves every test here: the built program must say its version, run its
check, and open Home offscreen and in a real X window; the .deb must install with dpkg into a
throw-away root, put its files where the .desktop file says, and remove without leaving any.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from companion import __version__

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = ROOT / "installers" / "build.py"
ON_DEBIAN = sys.platform.startswith("linux") and shutil.which("dpkg-deb") is not None

if importlib.util.find_spec("PyInstaller") is None:
    pytest.skip(
        "PyInstaller is not installed (it is in the `build` extra: pip install -e '.[build]')",
        allow_module_level=True,
    )


def desktop_entry(path: Path) -> dict[str, str]:
    """The [Desktop Entry] keys of a .desktop file."""
    entry: dict[str, str] = {}
    in_entry = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            in_entry = line.strip() == "[Desktop Entry]"
        elif in_entry and "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            entry[key.strip()] = value.strip()
    return entry


def debian_package_exists(name: str) -> bool:
    status = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True
    ).stdout
    if status.endswith("installed") and "not-installed" not in status:
        return True
    if shutil.which("apt-cache") is None:
        return False
    policy = subprocess.run(["apt-cache", "policy", name], capture_output=True, text=True).stdout
    return "Candidate:" in policy and "Candidate: (none)" not in policy


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def inside(root: Path, absolute: str) -> Path:
    """`absolute` (a path on the installed system) as a path under the throw-away root,
    following links the way the installed system would."""
    path = root / absolute.lstrip("/")
    for _ in range(10):
        if not path.is_symlink():
            return path
        target = os.readlink(path)
        path = root / target.lstrip("/") if target.startswith("/") else path.parent / target
    raise AssertionError(f"{absolute} is a link loop")


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    out = tmp_path_factory.mktemp("installer-build")
    formats = "deb" if ON_DEBIAN else ""
    result = subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), "--out", str(out), "--formats", formats],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    made = {}
    for line in result.stdout.splitlines():
        kind, _, path = line.partition(": ")
        if kind in ("bundle", "deb", "tar"):
            made[kind] = Path(path)
    yield made
    shutil.rmtree(out, ignore_errors=True)


def run_built(
    program: Path, *args: str, data: Path, **extra: str
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COMPANION_DATA_DIR": str(data), **extra}
    return subprocess.run(
        [str(program), *args], capture_output=True, text=True, env=env, timeout=60
    )


def test_the_built_program_says_its_version(build: dict[str, Path], tmp_path: Path) -> None:
    result = run_built(build["bundle"] / "companion", "--version", data=tmp_path)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Companion {__version__}"


def test_the_built_program_runs_its_check(build: dict[str, Path], tmp_path: Path) -> None:
    result = run_built(build["bundle"] / "companion", "--check", data=tmp_path)

    # Speech may fail here for want of a sound card; the report itself must be complete.
    assert result.returncode in (0, 1), result.stderr
    for part in ("data folder", "crisis lines", "speech", "encryption"):
        assert f"] {part}:" in result.stdout, result.stdout
    assert "[OK  ] data folder" in result.stdout
    # content/ was bundled and found (a warning lists entries not yet confirmed at their source)
    assert "[FAIL] crisis lines" not in result.stdout
    assert "[OK  ] crisis lines" in result.stdout or "[WARN] crisis lines" in result.stdout
    assert "[OK  ] encryption" in result.stdout  # SQLCipher and the migrations work frozen


def test_the_built_program_opens_home_offscreen(build: dict[str, Path], tmp_path: Path) -> None:
    result = run_built(
        build["bundle"] / "companion",
        data=tmp_path,
        QT_QPA_PLATFORM="offscreen",
        COMPANION_EXIT_AFTER_SHOWN="1",
    )

    assert result.returncode == 0, result.stderr[-3000:]
    assert "shown" in result.stdout.splitlines()


def test_the_bundle_reads_compiled_french(build: dict[str, Path]) -> None:
    locale = next(build["bundle"].rglob("companion/locale"))
    catalogs = sorted(locale.glob("fr/LC_MESSAGES/*.po"))

    assert catalogs, "no French catalogs in the bundle"
    for po in catalogs:
        mo = po.with_suffix(".mo")
        assert mo.exists(), f"{mo.name} was not compiled into the bundle"
        # companion.i18n falls back to parsing the .po (slowly) when the .mo looks older.
        assert mo.stat().st_mtime >= po.stat().st_mtime


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run (package xvfb)")
def test_the_built_program_opens_a_real_x_window(build: dict[str, Path], tmp_path: Path) -> None:
    """The bundled xcb plugin and the libraries it needs load (the usual way a bundle breaks)."""
    env = {
        **os.environ,
        "COMPANION_DATA_DIR": str(tmp_path),
        "QT_QPA_PLATFORM": "xcb",
        "COMPANION_EXIT_AFTER_SHOWN": "1",
    }
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", str(build["bundle"] / "companion")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr[-3000:]
    assert "shown" in result.stdout.splitlines()


@pytest.mark.skipif(not ON_DEBIAN, reason="the .deb is built and installed with dpkg")
def test_the_deb_installs_where_its_menu_entry_says_and_removes_cleanly(
    build: dict[str, Path], tmp_path: Path
) -> None:
    root, admin = tmp_path / "root", tmp_path / "dpkg"
    (admin / "updates").mkdir(parents=True)
    (admin / "info").mkdir()
    (admin / "status").touch()
    root.mkdir()
    dpkg = [
        "dpkg",
        f"--instdir={root}",
        f"--admindir={admin}",
        "--force-not-root",
        "--force-script-chrootless",  # run postinst/postrm without chroot (no shell in root)
    ]
    # The throw-away database knows no packages, so dependencies are checked separately below.
    installed = subprocess.run(
        [*dpkg, "--force-depends", "-i", str(build["deb"])], capture_output=True, text=True
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr

    desktop = root / "usr/share/applications/companion.desktop"
    entry = desktop_entry(desktop)
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Companion"
    assert entry.get("NoDisplay", "false") == "false"
    program = inside(root, entry["Exec"].split()[0])
    assert program == root / "opt/companion/companion"
    assert os.access(program, os.X_OK)
    shown = run_built(
        program,
        data=tmp_path / "data",
        QT_QPA_PLATFORM="offscreen",
        COMPANION_EXIT_AFTER_SHOWN="1",
    )
    assert "shown" in shown.stdout.splitlines(), shown.stderr[-3000:]

    icons = sorted((root / "usr/share/icons/hicolor").glob(f"*/apps/{entry['Icon']}.png"))
    assert {icon.parts[-3] for icon in icons} >= {"16x16", "32x32", "48x48", "256x256"}
    for icon in icons:
        side = int(icon.parts[-3].split("x")[0])
        assert png_size(icon) == (side, side), icon

    # Every package the .deb depends on is a real package (installed here, or known to apt).
    fields = subprocess.run(
        ["dpkg-deb", "--field", str(build["deb"]), "Depends"], capture_output=True, text=True
    ).stdout
    groups = [group.strip() for group in fields.split(",")]
    assert "espeak-ng" in groups
    for group in groups:
        names = [name.strip().split(" ")[0] for name in group.split("|")]
        assert any(debian_package_exists(name) for name in names), f"no package {names}"

    purged = subprocess.run([*dpkg, "--purge", "companion"], capture_output=True, text=True)
    assert purged.returncode == 0, purged.stdout + purged.stderr
    left = [p for p in root.rglob("*") if not p.is_dir()]
    assert left == [], f"left behind after removal: {left[:5]}"


@pytest.mark.skipif(
    "apply_system_preset" not in (ROOT / "companion" / "__main__.py").read_text(encoding="utf-8"),
    reason="the launcher does not read the IT preset yet (one line, see installers/README.md)",
)
def test_the_built_program_takes_the_it_preset_on_first_start(
    build: dict[str, Path], tmp_path: Path
) -> None:
    preset = tmp_path / "centre.json"
    preset.write_text(json.dumps({"language": "fr", "text_scale": 150}), encoding="utf-8")
    data = tmp_path / "data"

    result = run_built(
        build["bundle"] / "companion",
        data=data,
        QT_QPA_PLATFORM="offscreen",
        COMPANION_EXIT_AFTER_SHOWN="1",
        COMPANION_PRESET=str(preset),
    )

    assert result.returncode == 0, result.stderr[-3000:]
    settings = json.loads((data / "settings.json").read_text(encoding="utf-8"))
    assert settings["language"] == "fr"
    assert settings["text_scale"] == 150


@pytest.mark.skipif(not ON_DEBIAN, reason="the .deb is built and installed with dpkg")
def test_the_deb_ships_an_example_preset_that_the_app_accepts(
    build: dict[str, Path], tmp_path: Path
) -> None:
    from companion.preset.reading import load_system_preset

    subprocess.run(["dpkg-deb", "-x", str(build["deb"]), str(tmp_path)], check=True)
    example = tmp_path / "usr/share/doc/companion/preset.example.json"

    table = json.loads(example.read_text(encoding="utf-8"))
    assert load_system_preset([example]) == table  # every value in it is valid

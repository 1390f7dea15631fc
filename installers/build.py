"""One command builds it all: `.venv/bin/python installers/build.py [--out DIR] [--formats ...]`.

Steps: compile the translations, render the icons from installers/icons/companion.svg, run
PyInstaller on installers/companion.spec (one folder in OUT/dist/companion), then on Linux pack
it as a .deb and a .tar.gz in OUT. Prints one line per step with its time, and the paths made.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE), str(HERE / "linux")]

from render_icons import render_all  # noqa: E402

from companion import __version__  # noqa: E402

# What each platform packs after the bundle. Windows and macOS ones are written but untested.
PLATFORM_FORMATS: dict[str, tuple[str, ...]] = {
    "linux": ("deb", "tar"),
    "win32": ("setup",),
    "darwin": ("dmg",),
}
FORMATS = PLATFORM_FORMATS.get(sys.platform, ())


def bundle_dir(out: Path) -> Path:
    return out / "dist" / "companion"


def program(out: Path) -> Path:
    """The built program inside the bundle folder."""
    name = "companion.exe" if sys.platform == "win32" else "companion"
    return bundle_dir(out) / name


def compile_translations(out: Path) -> list[Path]:
    """Compile every .po into OUT/locale (the same tree), leaving the source folder untouched.

    Compiling in place would rewrite companion/locale/*.mo under anyone running the app or the
    tests from the same checkout; the spec takes the .mo files from OUT/locale instead.
    """
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    source = ROOT / "companion" / "locale"
    written = []
    for po in sorted(source.glob("*/LC_MESSAGES/*.po")):
        target = out / "locale" / po.relative_to(source).with_suffix(".mo")
        target.parent.mkdir(parents=True, exist_ok=True)
        with po.open("rb") as handle:
            catalog = read_po(handle)
        with target.open("wb") as handle:
            write_mo(handle, catalog)
        written.append(target)
    return written


def run_pyinstaller(out: Path, clean: bool) -> None:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(HERE / "companion.spec"),
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(out / "dist"),
        "--workpath",
        str(out / "work"),
    ]
    if clean:
        command.append("--clean")
    env = {**os.environ, "COMPANION_BUILD_DIR": str(out)}
    subprocess.run(command, cwd=ROOT, check=True, env=env)


def freshen_catalogs(bundle: Path) -> None:
    """Give each bundled .mo a time no older than its .po, so the app reads the compiled one."""
    now = time.time()
    for mo in bundle.rglob("*.mo"):
        os.utime(mo, (now, now))


def windows_setup(out: Path) -> Path:
    """Compile installers/windows/companion.iss with Inno Setup's iscc (ISCC or PATH)."""
    iscc = os.environ.get("ISCC") or shutil.which("iscc")
    if iscc is None:
        raise SystemExit("Inno Setup's iscc.exe was not found: install Inno Setup 6 or set ISCC")
    subprocess.run(
        [
            iscc,
            f"/DAppVersion={__version__}",
            f"/DRepoDir={ROOT}",
            f"/O{out}",
            str(HERE / "windows" / "companion.iss"),
        ],
        check=True,
    )
    return out / f"Companion-Setup-{__version__}.exe"


def macos_dmg(out: Path) -> Path:
    subprocess.run(["bash", str(HERE / "macos" / "make_dmg.sh"), str(out)], check=True)
    return out / f"Companion-{__version__}.dmg"


def folder_mb(folder: Path) -> float:
    """Size on disk of the files in `folder` (links counted once)."""
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 1e6


def build(out: Path, formats: tuple[str, ...], clean: bool = False) -> dict[str, Path]:
    """Build everything asked for into `out`; returns what was made by kind."""
    made: dict[str, Path] = {}
    out.mkdir(parents=True, exist_ok=True)

    def step(name: str, started: float) -> None:
        print(f"{name}: {time.perf_counter() - started:.1f} s", flush=True)

    started = time.perf_counter()
    compile_translations(out)
    render_all(out / "icons")
    step("translations and icons", started)

    started = time.perf_counter()
    run_pyinstaller(out, clean)
    freshen_catalogs(bundle_dir(out))
    made["bundle"] = bundle_dir(out)
    step(f"PyInstaller bundle ({folder_mb(bundle_dir(out)):.0f} MB)", started)

    if sys.platform.startswith("linux"):
        import package

        if "tar" in formats:
            started = time.perf_counter()
            made["tar"] = package.build_tarball(
                bundle_dir(out), out, __version__, platform.machine()
            )
            step(".tar.gz", started)
        if "deb" in formats:
            started = time.perf_counter()
            made["deb"] = package.build_deb(bundle_dir(out), out / "icons", out, __version__)
            step(".deb", started)
    if sys.platform == "win32" and "setup" in formats:
        started = time.perf_counter()
        made["setup"] = windows_setup(out)
        step("Windows setup", started)
    if sys.platform == "darwin" and "dmg" in formats:
        started = time.perf_counter()
        made["dmg"] = macos_dmg(out)
        step(".dmg", started)
    for kind, path in made.items():
        print(f"{kind}: {path}")
    return made


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "out", help="build folder (git-ignored)")
    parser.add_argument(
        "--formats",
        default=",".join(FORMATS),
        help=f"packages to make after the bundle (here: {','.join(FORMATS)}; '' for none)",
    )
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    args = parser.parse_args()
    formats = tuple(f for f in args.formats.split(",") if f)
    unknown = set(formats) - set(FORMATS)
    if unknown:
        parser.error(f"unknown format(s): {', '.join(sorted(unknown))}")
    build(args.out.resolve(), formats, args.clean)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

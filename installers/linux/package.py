"""Turn the PyInstaller folder into a .deb (dpkg-deb, no root needed) and a plain .tar.gz.

The .deb puts the folder in /opt/companion, links /usr/bin/companion to it, adds the menu entry
and the hicolor icons, and declares what the bundle does not carry: espeak-ng for speech, a sound
player, fonts, and the system libraries (libc, GL, libxcb, wayland) its binaries link to.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGE = "companion"
INSTALL_DIR = Path("opt") / PACKAGE
ICON_SIZES: tuple[int, ...] = (16, 22, 24, 32, 48, 64, 128, 256, 512)
MAINTAINER = "Companion maintainers <maintainers@companion.invalid>"
# What the bundle cannot carry: speech (espeak-ng, loaded by pyttsx3 through ctypes, so no linker
# sees it), a program that plays sound, and fonts. The shared libraries the bundled binaries link
# to from the system (libc, GL/EGL, libxcb, wayland) are found by `system_packages` at build time.
BASE_DEPENDS: tuple[str, ...] = (
    "espeak-ng",
    "libespeak-ng1",
    "alsa-utils | pulseaudio-utils | pipewire-bin | sox",  # voice/player.py plays with any
    "fonts-dejavu-core",
)
DESCRIPTION = """\
calm, large, talking e-mental-health companion
 Companion helps older adults and people new to computers check in on their
 mood, join video sessions with their clinician, and learn ways to feel
 better, with big buttons, plain words, read-aloud and switch access."""


def architecture() -> str:
    """This machine's Debian architecture name (the bundle is built for it)."""
    return subprocess.run(
        ["dpkg", "--print-architecture"], check=True, capture_output=True, text=True
    ).stdout.strip()


def linked_libraries(bundle: Path) -> tuple[set[Path], set[str]]:
    """System libraries the bundle's program and libraries link to, and any that are missing.

    Uses `ldd` (from libc-bin, on every Debian system) with the bundle's own folders searched
    first, as the bundled program does at run time.
    """
    internal = bundle / "_internal"
    binaries = [bundle / PACKAGE, *internal.rglob("*.so*")]
    binaries = [p for p in binaries if p.is_file() and not p.is_symlink()]
    search = sorted({str(p.parent) for p in binaries})
    env = {**os.environ, "LD_LIBRARY_PATH": ":".join(search)}
    system: set[Path] = set()
    missing: set[str] = set()
    inside = bundle.resolve()
    for binary in binaries:
        result = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, env=env)
        for line in result.stdout.splitlines():
            if "=>" not in line:
                continue
            name, target = (part.strip() for part in line.split("=>", 1))
            target = target.split(" (")[0].strip()
            if target == "not found":
                missing.add(name)
            elif target and not Path(target).resolve().is_relative_to(inside):
                system.add(Path(target))
    return system, missing


def system_packages(libraries: set[Path]) -> set[str]:
    """The Debian packages that own `libraries` (looked up with `dpkg -S`, usr-merge aware)."""
    queries: set[str] = set()
    for library in libraries:
        for path in (library, library.resolve()):
            queries.add(str(path))
            if not str(path).startswith("/usr/"):
                queries.add("/usr" + str(path))
    if not queries:
        return set()
    result = subprocess.run(["dpkg", "-S", *sorted(queries)], capture_output=True, text=True)
    packages = set()
    for line in result.stdout.splitlines():
        owner = line.split(": ", 1)[0]
        packages.update(p.strip().split(":")[0] for p in owner.split(","))
    return packages


def depends(bundle: Path) -> list[str]:
    """The Depends list: what the bundle cannot carry, then what its binaries link to."""
    libraries, missing = linked_libraries(bundle)
    if missing:
        raise SystemExit(f"The bundle needs libraries this machine lacks: {sorted(missing)}")
    return [*BASE_DEPENDS, *sorted(system_packages(libraries) - set(BASE_DEPENDS))]


def folder_size_kib(folder: Path) -> int:
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) // 1024 + 1


def control_text(version: str, arch: str, installed_kib: int, needs: list[str]) -> str:
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(needs)}\n"
        "Section: misc\n"
        "Priority: optional\n"
        f"Description: {DESCRIPTION}\n"
    )


def stage_deb_tree(bundle: Path, icons: Path, root: Path, version: str, arch: str) -> Path:
    """Lay out the package's files under `root` exactly as they will be on disk."""
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(bundle, root / INSTALL_DIR, symlinks=True)
    (root / "usr/bin").mkdir(parents=True)
    (root / "usr/bin" / PACKAGE).symlink_to(Path("/") / INSTALL_DIR / PACKAGE)
    applications = root / "usr/share/applications"
    applications.mkdir(parents=True)
    shutil.copyfile(HERE / "companion.desktop", applications / "companion.desktop")
    for size in ICON_SIZES:
        target = root / f"usr/share/icons/hicolor/{size}x{size}/apps/{PACKAGE}.png"
        target.parent.mkdir(parents=True)
        shutil.copyfile(icons / "png" / f"{size}.png", target)
    scalable = root / f"usr/share/icons/hicolor/scalable/apps/{PACKAGE}.svg"
    scalable.parent.mkdir(parents=True)
    shutil.copyfile(HERE.parent / "icons" / "companion.svg", scalable)
    docs = root / "usr/share/doc" / PACKAGE
    docs.mkdir(parents=True)
    shutil.copyfile(HERE / "preset.example.json", docs / "preset.example.json")
    shutil.copyfile(HERE / "copyright", docs / "copyright")
    debian = root / "DEBIAN"
    debian.mkdir()
    installed_kib = folder_size_kib(root) - folder_size_kib(debian)
    control = control_text(version, arch, installed_kib, depends(bundle))
    (debian / "control").write_text(control, encoding="utf-8")
    for script in ("postinst", "postrm"):
        shutil.copyfile(HERE / script, debian / script)
        (debian / script).chmod(0o755)
    for path in root.rglob("*"):  # dpkg-deb refuses group/world-writable control files
        if not path.is_symlink():
            path.chmod(path.stat().st_mode & ~0o022)
    return root


def build_deb(bundle: Path, icons: Path, out_dir: Path, version: str) -> Path:
    """Build out_dir/companion_<version>_<arch>.deb with files owned by root (no fakeroot)."""
    arch = architecture()
    root = stage_deb_tree(bundle, icons, out_dir / "deb-root", version, arch)
    deb = out_dir / f"{PACKAGE}_{version}_{arch}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zgzip", "-z6", "--build", str(root), str(deb)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    shutil.rmtree(root)
    return deb


def build_tarball(bundle: Path, out_dir: Path, version: str, machine: str) -> Path:
    """out_dir/companion-<version>-linux-<machine>.tar.gz: the folder, to unpack and run."""
    name = f"{PACKAGE}-{version}"
    target = out_dir / f"{name}-linux-{machine}.tar.gz"

    def as_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    with tarfile.open(target, "w:gz", compresslevel=6) as archive:
        archive.add(bundle, arcname=name, filter=as_root)
        archive.add(HERE / "companion.desktop", arcname=f"{name}/share/companion.desktop")
        archive.add(HERE.parent / "icons" / "companion.svg", arcname=f"{name}/share/companion.svg")
        archive.add(HERE / "preset.example.json", arcname=f"{name}/preset.example.json")
    return target

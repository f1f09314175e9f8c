"""Build the one-folder bundle that needs no Python, and pack it (``make bundle``).

    .venv/bin/python packaging/bundle.py            # build if the source changed, then pack
    .venv/bin/python packaging/bundle.py --force    # build even if nothing changed

1. PyInstaller builds ``dist/wellbeing-app/`` from ``packaging/wellbeing.spec``: one executable,
   ``wellbeing-app``, that is the tray app with no arguments and the command line with them.
2. The folder is packed as ``dist/wellbeing-<version>-linux-<arch>.tar.gz``: the folder, the
   ``.desktop`` file, the icon and ``install.sh`` (which installs it under ``~/.local``). No
   AppImage: no tool that makes one comes from PyPI or Debian's packages without downloading
   the AppImage runtime from elsewhere at build time.

A build is skipped when one exists for the same source: a fingerprint of the app's files, the
packaging files and the versions of the installed Python packages is kept in
``build/bundle.fingerprint``. Prints the build time and the sizes (MB = 1,000,000 bytes).
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import importlib.metadata
import os
import platform
import re
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
FINGERPRINT = ROOT / "build" / "bundle.fingerprint"
LOCK = ROOT / "build" / "bundle.lock"
NAME = "wellbeing-app"  # the executable, the folder, the command, the icon
FOLDER = DIST / NAME
EXECUTABLE = FOLDER / NAME
DESKTOP = PACKAGING / "io.github.wellbeing_app.WellbeingApp.desktop"
ICON = ROOT / "resources" / "icons" / f"{NAME}.svg"
INSTALL = PACKAGING / "install.sh"

# What goes into the bundle, for the fingerprint: the app, what it reads, how it is built.
_SOURCES = ("wellbeing_app", "resources", "packaging", "pyproject.toml")
_SKIP_PARTS = {"__pycache__", "screenshots"}


def version() -> str:
    text = (ROOT / "wellbeing_app" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if found is None:
        raise SystemExit("bundle: no __version__ in wellbeing_app/__init__.py")
    return found.group(1)


def release_name() -> str:
    return f"wellbeing-{version()}-linux-{platform.machine()}"


def tarball() -> Path:
    return DIST / f"{release_name()}.tar.gz"


def fingerprint() -> str:
    """A digest of every source file of the bundle and of the Python packages it is built from."""
    digest = hashlib.sha256()
    files: list[Path] = []
    for name in _SOURCES:
        path = ROOT / name
        files.extend(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for path in sorted(files):
        rel = path.relative_to(ROOT)
        if _SKIP_PARTS & set(rel.parts) or path.suffix == ".pyc":
            continue
        digest.update(f"{rel}\0{path.stat().st_mode & 0o111}\0".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    packages = sorted(
        f"{dist.metadata['Name']}=={dist.version}" for dist in importlib.metadata.distributions()
    )
    digest.update("\n".join([sys.version, platform.machine(), *packages]).encode())
    return digest.hexdigest()


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def folder_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build() -> float:
    """Run PyInstaller; returns the seconds it took."""
    started = time.monotonic()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--workpath",
            str(WORK),
            "--distpath",
            str(DIST),
            str(PACKAGING / "wellbeing.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    if not os.access(EXECUTABLE, os.X_OK):
        raise SystemExit(f"bundle: PyInstaller made no executable {EXECUTABLE}")
    return time.monotonic() - started


def pack() -> float:
    """Write the tarball (folder, .desktop file, icon, install.sh); returns the seconds it took."""
    started = time.monotonic()
    top = release_name()
    partial = tarball().with_suffix(".partial")
    with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
        tar.add(FOLDER, arcname=f"{top}/{NAME}")
        tar.add(DESKTOP, arcname=f"{top}/{DESKTOP.name}")
        tar.add(ICON, arcname=f"{top}/{ICON.name}")
        tar.add(INSTALL, arcname=f"{top}/install.sh")
    partial.replace(tarball())
    return time.monotonic() - started


@contextmanager
def build_lock() -> Iterator[None]:
    """One build (or one look at dist/) at a time, across processes: two `make test` runs in
    one checkout would otherwise write the same folder at once."""
    LOCK.parent.mkdir(parents=True, exist_ok=True)
    with open(LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def ensure_built(force: bool = False) -> None:
    """Build and pack unless both exist for the same source; print what was done and the sizes.
    Call it holding build_lock()."""
    wanted = fingerprint()
    have = FINGERPRINT.read_text(encoding="utf-8").strip() if FINGERPRINT.exists() else ""
    if not force and have == wanted and EXECUTABLE.exists() and tarball().exists():
        print(f"bundle: {FOLDER.relative_to(ROOT)} is up to date with the source, not rebuilt")
    else:
        FINGERPRINT.unlink(missing_ok=True)
        seconds = build()
        print(
            f"bundle: built {FOLDER.relative_to(ROOT)} in {seconds:.1f} s"
            f" (PyInstaller {importlib.metadata.version('pyinstaller')},"
            f" {os.cpu_count()} cores)"
        )
        seconds = pack()
        print(f"bundle: packed {tarball().relative_to(ROOT)} in {seconds:.1f} s")
        FINGERPRINT.write_text(wanted + "\n", encoding="utf-8")
    print(
        f"bundle: size: folder {megabytes(folder_size(FOLDER))},"
        f" packed {megabytes(tarball().stat().st_size)} ({tarball().relative_to(ROOT)})",
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--force", action="store_true", help="build even if nothing changed")
    args = parser.parse_args(argv)
    with build_lock():
        ensure_built(force=args.force)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The house rules of DESIGN.md: core/ never imports Qt (nor the floors above it), its rooms stack
in one order without back-references, services never import ui, and the CLI path loads neither
Qt nor matplotlib."""

from __future__ import annotations

import ast
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import wellbeing_app
import wellbeing_app.core

PACKAGE_ROOT = Path(wellbeing_app.__file__).parent.parent
CORE = Path(wellbeing_app.core.__file__).parent
FORBIDDEN_IN_CORE = (
    "PySide6",
    "shiboken6",
    "PyQt5",
    "PyQt6",
    "wellbeing_app.ui",
    "wellbeing_app.services",
    "wellbeing_app.app",
)


def imported_names(source: str, package: str) -> set[str]:
    """Every module ``source`` imports, at any depth (inside functions too); ``package`` is the
    dotted package the file lives in, for relative imports."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1])
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", None))
            in {"import_module", "__import__"}
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            names.add(str(node.args[0].value))
    return names


def forbidden(names: set[str]) -> list[str]:
    return sorted(
        name
        for name in names
        if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN_IN_CORE)
    )


def test_core_sources_never_import_qt_or_the_floors_above() -> None:
    files = sorted(CORE.rglob("*.py"))
    assert len(files) > 10  # the scan really reads the core
    offenders = {}
    for path in files:
        package = ".".join(path.relative_to(PACKAGE_ROOT).parent.parts)
        bad = forbidden(imported_names(path.read_text(encoding="utf-8"), package))
        if bad:
            offenders[str(path.relative_to(PACKAGE_ROOT))] = bad
    assert offenders == {}


# core's rooms from the bottom up: a module may import its own room and the rooms below it.
CORE_LAYERS = (
    ("language",),
    ("errors", "vocabulary"),
    ("store",),
    ("time",),
    ("schedule",),
    ("records",),
    ("capture",),
    ("workload",),
    ("reflection",),
    ("reports",),
    ("reminders",),
    ("demo",),
    ("imports",),
    ("journal",),
)
SERVICES = PACKAGE_ROOT / "wellbeing_app" / "services"


def layer_of(module: str) -> int | None:
    """The rank of a ``wellbeing_app.core`` module in CORE_LAYERS (None: not a core room)."""
    parts = module.split(".")
    if parts[:2] != ["wellbeing_app", "core"] or len(parts) < 3:
        return None
    for rank, rooms in enumerate(CORE_LAYERS):
        if parts[2] in rooms:
            return rank
    return None


def upward_imports(path: Path) -> list[str]:
    """The core modules ``path`` imports from a room above its own."""
    package = ".".join(path.relative_to(PACKAGE_ROOT).parent.parts)
    own = layer_of(f"{package}.{path.stem}" if path.stem != "__init__" else package)
    assert own is not None, f"{path} sits in no layer of CORE_LAYERS"
    names = imported_names(path.read_text(encoding="utf-8"), package)
    return sorted(n for n in names if (rank := layer_of(n)) is not None and rank > own)


def test_every_core_room_is_in_the_layer_order() -> None:
    rooms = {p.name for p in CORE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    rooms |= {p.stem for p in CORE.glob("*.py") if p.stem != "__init__"}
    named = {room for layer in CORE_LAYERS for room in layer}
    assert rooms == named


def test_core_rooms_import_only_downwards() -> None:
    offenders = {
        str(path.relative_to(PACKAGE_ROOT)): bad
        for path in sorted(CORE.rglob("*.py"))
        if path.parent != CORE or path.stem != "__init__"
        if (bad := upward_imports(path))
    }
    assert offenders == {}


def test_the_layer_check_catches_an_import_back_up(tmp_path: Path) -> None:
    store = CORE / "store"
    names = imported_names("from wellbeing_app.core.records.shifts import ShiftRow\n", "x")
    assert [n for n in names if (layer_of(n) or 0) > layer_of("wellbeing_app.core.store.models")]
    assert layer_of("wellbeing_app.core.journal") == len(CORE_LAYERS) - 1
    assert layer_of(f"wellbeing_app.core.{store.name}.models") == 2


def test_services_never_import_the_ui() -> None:
    offenders = {}
    for path in sorted(SERVICES.rglob("*.py")):
        package = ".".join(path.relative_to(PACKAGE_ROOT).parent.parts)
        names = imported_names(path.read_text(encoding="utf-8"), package)
        bad = sorted(
            n for n in names if n == "wellbeing_app.ui" or n.startswith("wellbeing_app.ui.")
        )
        if bad:
            offenders[path.name] = bad
    assert offenders == {}


def test_the_scan_catches_every_way_of_importing() -> None:
    source = (
        "import os\n"
        "def later():\n"
        "    from PySide6.QtCore import QTimer\n"
        "    import shiboken6\n"
        "    importlib.import_module('PySide6.QtGui')\n"
        "from ..ui import tray\n"
        "from .. import services\n"
        "from . import models\n"
    )
    names = imported_names(source, "wellbeing_app.core")
    assert forbidden(names) == [
        "PySide6.QtCore",
        "PySide6.QtCore.QTimer",
        "PySide6.QtGui",
        "shiboken6",
        "wellbeing_app.services",
        "wellbeing_app.ui",
        "wellbeing_app.ui.tray",
    ]
    assert "wellbeing_app.core.models" in names


_PROBE = """
import importlib, json, pkgutil, sys
import wellbeing_app.cli, wellbeing_app.core
names = sorted(
    m.name for m in pkgutil.walk_packages(wellbeing_app.core.__path__, "wellbeing_app.core.")
    if ".migrations" not in m.name
)
cli = sorted(m.name for m in pkgutil.iter_modules(wellbeing_app.cli.__path__, "wellbeing_app.cli."))
for name in names + cli:
    importlib.import_module(name)
# What a CLI call really does, end to end: parse, open (and create) the database, list.
from wellbeing_app.cli import main
assert main(["list", "shifts", "--json", "--data-dir", sys.argv[1]]) == 0
heavy = ["PySide6", "shiboken6", "matplotlib", "apscheduler", "plyer"]
print(json.dumps({"imported": names + cli, "loaded": [m for m in heavy if m in sys.modules]}))
"""


CLI = PACKAGE_ROOT / "wellbeing_app" / "cli"


def test_core_and_cli_run_without_loading_qt_or_matplotlib(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    every_core_module = {
        m.name
        for m in pkgutil.walk_packages([str(CORE)], "wellbeing_app.core.")
        if ".migrations" not in m.name
    }
    every_cli_module = {m.name for m in pkgutil.iter_modules([str(CLI)], "wellbeing_app.cli.")}
    assert every_core_module <= set(report["imported"])
    assert {"wellbeing_app.cli.quick", "wellbeing_app.cli.summary"} <= every_cli_module
    assert every_cli_module <= set(report["imported"])
    assert report["loaded"] == []


PLATFORMS = PACKAGE_ROOT / "wellbeing_app" / "platforms"
# The basement under core: the standard library, platformdirs, its own modules and the app's
# name and id from wellbeing_app/__init__.py; never core, services, ui, cli or Qt.
PLATFORMS_MAY_IMPORT = {"wellbeing_app", "wellbeing_app.APP_ID", "platformdirs"}


def test_platforms_stand_on_the_standard_library_alone() -> None:
    files = sorted(PLATFORMS.glob("*.py"))
    assert len(files) >= 5  # the scan really reads the package
    offenders = {}
    for path in files:
        names = imported_names(path.read_text(encoding="utf-8"), "wellbeing_app.platforms")
        bad = sorted(
            name
            for name in names
            if name.split(".")[0] not in sys.stdlib_module_names
            and name not in PLATFORMS_MAY_IMPORT
            and not name.startswith(("wellbeing_app.platforms.", "platformdirs."))
        )
        if bad:
            offenders[path.name] = bad
    assert offenders == {}

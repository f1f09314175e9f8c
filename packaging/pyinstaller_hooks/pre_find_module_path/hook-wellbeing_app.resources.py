"""wellbeing_app.resources is the folder resources/ at the top of the checkout (pyproject.toml
maps it with package-dir): tell PyInstaller to look for it there."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def pre_find_module_path(api):  # type: ignore[no-untyped-def]
    api.search_dirs = [str(ROOT)]

"""Check the bundle that needs no Python (run by ``make test``, so CI runs it)::

    .venv/bin/python tests/bundle/check_bundle.py

1. Builds the bundle with ``packaging/bundle.py`` (skipped when one exists for the same source)
   and passes on what it reports: the build time and the sizes, folder and packed.
2. Unpacks the tarball in a temporary folder and installs it with its ``install.sh`` into a
   temporary HOME: the command link, the menu entry (``desktop-file-validate``) and the icon.
3. Runs the installed ``wellbeing-app`` with ``env -i`` and only HOME and the XDG folders (and,
   for the tray, DISPLAY and a session bus): no PATH, no PYTHONPATH, no venv, on a fresh data
   folder in the default place: ``--version``, ``log ping --source slack``, ``list pings
   --json`` and ``summary --format pdf -o FILE``; the PDF must start as one, ``pdftotext`` must
   find the summary's headings in it and ``pdfimages`` its charts (drawn by matplotlib).
4. Starts Xvfb, a private D-Bus session bus and ``trayer`` (an XEmbed tray host), then the
   installed program with no arguments, and waits until its tray icon is embedded in the tray
   and drawn (watched through the X server, see ``tests/benchmarks/x11_tray.py``). While it
   runs, no file of the venv, of the Python installation or of the source checkout may be
   mapped into the process, and ``libpython`` must come from the installed bundle.

Exit status 0 when everything holds, 1 when something does not (said on stderr), 2 when a tool
is missing. Needs the Debian packages xvfb, trayer, dbus, poppler-utils and desktop-file-utils
(``packaging/system-deps.sh`` installs them).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))

import bundle  # noqa: E402  (packaging/bundle.py)
from x11_tray import TrayWatcher, XConnection  # noqa: E402

TOOLS = {
    "Xvfb": "xvfb",
    "trayer": "trayer",
    "dbus-daemon": "dbus",
    "pdftotext": "poppler-utils",
    "pdfimages": "poppler-utils",
    "desktop-file-validate": "desktop-file-utils",
}
PDF_WORDS = ("Workload summary", "Key findings", "Hours worked", "After-hours pings")
ICON_TIMEOUT = 60.0


class CheckFailed(Exception):
    pass


def say(text: str) -> None:
    print(f"check_bundle: {text}", flush=True)


def wait_for(what: str, ready: Callable[[], bool], timeout: float) -> float:
    """Poll ``ready`` until it holds; the seconds it took, or CheckFailed after ``timeout``."""
    started = time.monotonic()
    while not ready():
        if time.monotonic() - started > timeout:
            raise CheckFailed(f"{what} within {timeout:g} s")
        time.sleep(0.05)
    return time.monotonic() - started


class Sandbox:
    """A temporary HOME with its XDG folders, and commands run in it with ``env -i``."""

    def __init__(self, base: Path) -> None:
        self.home = base / "home"
        self.runtime = base / "runtime"
        for folder in (self.home, self.runtime):
            folder.mkdir(mode=0o700)
        self.extra: dict[str, str] = {}

    def env(self) -> dict[str, str]:
        return {
            "HOME": str(self.home),
            "XDG_CONFIG_HOME": str(self.home / ".config"),
            "XDG_DATA_HOME": str(self.home / ".local" / "share"),
            "XDG_CACHE_HOME": str(self.home / ".cache"),
            "XDG_STATE_HOME": str(self.home / ".local" / "state"),
            "XDG_RUNTIME_DIR": str(self.runtime),
            **self.extra,
        }

    def argv(self, command: Sequence[str]) -> list[str]:
        return ["env", "-i", *(f"{k}={v}" for k, v in self.env().items()), *command]

    def run(self, command: Sequence[str], timeout: float = 120.0) -> str:
        argv = self.argv(command)
        done = subprocess.run(
            argv,
            cwd=self.home,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if done.returncode != 0:
            raise CheckFailed(
                f"exit status {done.returncode}: {' '.join(command)}\n"
                f"  stdout: {done.stdout.strip()}\n  stderr: {done.stderr.strip()}"
            )
        return done.stdout


def source_modules() -> set[str]:
    package = ROOT / "wellbeing_app"
    found = set()
    for path in package.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        found.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return found


def check_contents() -> str:
    """What is imported only when needed (a command's module, a chart's backend) and what is
    read as a file (resources, migrations, Qt's plugins) is in the bundle."""
    from PyInstaller.archive.readers import CArchiveReader

    modules = set(CArchiveReader(str(bundle.EXECUTABLE)).open_embedded_archive("PYZ.pyz").toc)
    wanted = source_modules() | {
        "wellbeing_app.resources",
        "matplotlib.backends.backend_agg",
        "matplotlib.backends.backend_qtagg",
        "alembic.ddl.sqlite",
    }
    missing = sorted(wanted - modules)
    if missing:
        raise CheckFailed(f"modules missing from the bundle: {missing}")
    internal = bundle.FOLDER / "_internal"
    files = [
        *(
            internal / "wellbeing_app" / "resources" / p.relative_to(ROOT / "resources")
            for p in (ROOT / "resources").glob("**/*")
            if p.suffix in {".svg", ".txt", ".mo"} and "screenshots" not in p.parts
        ),
        *(
            internal / p.relative_to(ROOT)
            for p in (ROOT / "wellbeing_app" / "core" / "store" / "migrations").glob("**/*")
            if p.suffix in {".py", ".mako"}
        ),
        *(
            internal / "PySide6" / "Qt" / "plugins" / plugin
            for plugin in (
                "platforms/libqxcb.so",
                "platforms/libqoffscreen.so",
                "imageformats/libqsvg.so",
                "iconengines/libqsvgicon.so",
            )
        ),
    ]
    absent = [str(f.relative_to(bundle.FOLDER)) for f in files if not f.is_file()]
    if absent:
        raise CheckFailed(f"files missing from the bundle: {absent}")
    return f"{len(wanted)} modules and {len(files)} files"


def unpack_and_install(sandbox: Sandbox, base: Path) -> Path:
    """Unpack the tarball, run its install.sh; returns the installed command."""
    unpacked = base / "unpacked"
    with tarfile.open(bundle.tarball()) as tar:
        tar.extractall(unpacked, filter="tar")
    top = unpacked / bundle.release_name()
    for name in ("install.sh", bundle.DESKTOP.name, bundle.ICON.name, f"{bundle.NAME}/"):
        if not (top / name).exists():
            raise CheckFailed(f"the tarball holds no {bundle.release_name()}/{name}")
    sandbox.run(["/bin/sh", str(top / "install.sh")])
    shutil.rmtree(unpacked)  # the installed copy must stand on its own
    command = sandbox.home / ".local" / "bin" / bundle.NAME
    program = sandbox.home / ".local" / "lib" / bundle.NAME / bundle.NAME
    share = sandbox.home / ".local" / "share"
    entry = share / "applications" / bundle.DESKTOP.name
    icon = share / "icons" / "hicolor" / "scalable" / "apps" / bundle.ICON.name
    if not command.is_symlink() or command.resolve() != program.resolve():
        raise CheckFailed(f"install.sh made no link {command} -> {program}")
    if not icon.is_file():
        raise CheckFailed(f"install.sh installed no icon {icon}")
    validated = subprocess.run(
        ["desktop-file-validate", str(entry)], capture_output=True, text=True
    )
    if validated.returncode != 0 or validated.stdout.strip():
        raise CheckFailed(f"the installed menu entry {entry}: {validated.stdout.strip()}")
    if f'Exec="{program}"' not in entry.read_text(encoding="utf-8"):
        raise CheckFailed(f"the installed menu entry does not start {program}")
    return command


POLISH_DATE = re.compile(r"\b\d{1,2} (sty|lut|mar|kwi|maj|cze|lip|sie|wrz|paź|lis|gru) \d{4}\b")


def check_polish(sandbox: Sandbox, command: Path, since: str) -> None:
    """Under a Polish locale the bundle answers in Polish (its catalogue) and writes dates as
    Polish does (Babel's locale data, kept in the bundle for the languages it speaks)."""
    sandbox.extra["LANG"] = "pl_PL.UTF-8"
    try:
        status = sandbox.run([str(command), "shift", "status"]).strip()
        summary = sandbox.run([str(command), "summary", "--format", "md", "--from", since])
    finally:
        del sandbox.extra["LANG"]
    if status != "Żadna zmiana nie trwa.":
        raise CheckFailed(f"shift status under LANG=pl_PL.UTF-8 says {status!r}")
    if "Podsumowanie" not in summary or not POLISH_DATE.search(summary):
        raise CheckFailed(
            f"the summary in Polish lacks its heading or a Polish date: {summary[:300]!r}"
        )


def check_command_line(sandbox: Sandbox, command: Path, base: Path) -> str:
    version = sandbox.run([str(command), "--version"]).strip()
    if version != f"{bundle.NAME} {bundle.version()}":
        raise CheckFailed(f"--version says {version!r}")
    sandbox.run([str(command), "log", "ping", "--source", "slack"])
    pings = json.loads(sandbox.run([str(command), "list", "pings", "--json"]))
    if [row.get("source") for row in pings] != ["slack"]:
        raise CheckFailed(f"list pings --json after one ping from Slack: {pings}")
    database = sandbox.home / ".local" / "share" / bundle.NAME / "wellbeing.sqlite3"
    if not database.is_file():
        raise CheckFailed(f"no database in the default place {database}")
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    versions = ROOT / "wellbeing_app" / "core" / "store" / "migrations" / "versions"
    head = max(p.name.split("_", 1)[0] for p in versions.glob("[0-9][0-9][0-9][0-9]_*.py"))
    if revision != head:
        raise CheckFailed(f"the new database is at revision {revision}, not {head}")
    since = (date.today() - timedelta(days=6)).isoformat()
    check_polish(sandbox, command, since)
    pdf = base / "summary.pdf"
    sandbox.run([str(command), "summary", "--format", "pdf", "--from", since, "-o", str(pdf)])
    if not pdf.read_bytes().startswith(b"%PDF-"):
        raise CheckFailed(f"{pdf} is not a PDF")
    extracted = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = " ".join(unicodedata.normalize("NFKC", extracted).split())  # the "fi" ligature
    missing = [word for word in PDF_WORDS if word not in text]
    if missing:
        raise CheckFailed(f"pdftotext finds no {missing} in the summary: {text[:300]!r}")
    listing = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    charts = len(listing) - 2  # two header lines
    if charts < 4:
        raise CheckFailed(f"the summary PDF holds {charts} images, not the 4 charts")
    return f"{len(text.split())} words and {charts} charts"


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(5)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(5)


@contextmanager
def desktop(sandbox: Sandbox, base: Path) -> Iterator[XConnection]:
    """Xvfb (on a display it picks), a private session bus and trayer, all stopped after."""
    started: list[subprocess.Popen[bytes]] = []

    def start(argv: list[str], log: str, pass_fds: Sequence[int] = ()) -> subprocess.Popen[bytes]:
        with open(base / log, "wb") as out:
            process = subprocess.Popen(
                argv,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                pass_fds=pass_fds,
            )
        started.append(process)
        return process

    conn: XConnection | None = None
    try:
        read_end, write_end = os.pipe()
        start(
            [
                "Xvfb",
                "-displayfd",
                str(write_end),
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
                "-noreset",
            ],
            "xvfb.log",
            pass_fds=(write_end,),
        )
        os.close(write_end)
        with os.fdopen(read_end) as display_fd:
            number = display_fd.readline().strip()
        if not number.isdigit():
            raise CheckFailed(f"Xvfb did not start: {(base / 'xvfb.log').read_text()[-500:]}")
        sandbox.extra["DISPLAY"] = f":{number}"
        conn = XConnection(int(number))
        bus = base / "bus"
        start(["dbus-daemon", "--session", "--nofork", f"--address=unix:path={bus}"], "dbus.log")
        wait_for("the session bus did not come up", bus.exists, 10.0)
        sandbox.extra["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={bus}"
        start(
            sandbox.argv(
                [
                    "trayer",
                    "--edge",
                    "top",
                    "--align",
                    "right",
                    "--widthtype",
                    "pixel",
                    "--width",
                    "240",
                ]
            ),
            "trayer.log",
        )
        wait_for("trayer showed no tray", TrayWatcher(conn, "mapped").tray_ready, 10.0)
        yield conn
    finally:
        if conn is not None:
            conn.close()
        for process in reversed(started):
            stop(process)


def mapped_files(pid: int) -> set[str]:
    with open(f"/proc/{pid}/maps", encoding="utf-8") as maps:
        return {line.split(maxsplit=5)[5].strip() for line in maps if len(line.split()) > 5}


def check_tray(sandbox: Sandbox, command: Path, base: Path) -> str:
    with desktop(sandbox, base) as conn:
        watcher = TrayWatcher(conn, "painted")
        watcher.tray_ready()
        if watcher.icons():
            raise CheckFailed("the tray is not empty before the app starts")
        log_path = base / "app.log"
        with open(log_path, "wb") as log:
            app = subprocess.Popen(
                sandbox.argv([str(command)]),
                cwd=sandbox.home,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:

            def shown() -> bool:
                if app.poll() is not None:
                    raise CheckFailed(
                        f"the tray app exited with status {app.returncode}:\n"
                        f"{log_path.read_text(errors='replace')[-2000:]}"
                    )
                return bool(watcher.icon_visible())

            try:
                seconds = wait_for("no tray icon appeared", shown, ICON_TIMEOUT)
            except CheckFailed as exc:
                raise CheckFailed(
                    f"{exc}\n{log_path.read_text(errors='replace')[-2000:]}"
                ) from None
            # env -i runs the program directly: its pid is the app's
            files = mapped_files(app.pid)
        finally:
            stop(app)
    installed = (sandbox.home / ".local" / "lib" / bundle.NAME).resolve()
    forbidden = {Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve(), ROOT}
    leaks = sorted(f for f in files if any(Path(f).is_relative_to(p) for p in forbidden))
    if leaks:
        raise CheckFailed(f"the bundled app loaded files from outside the bundle: {leaks[:5]}")
    libpython = [f for f in files if "libpython" in f]
    if not libpython or not all(Path(f).is_relative_to(installed) for f in libpython):
        raise CheckFailed(f"libpython is not the bundle's own: {libpython}")
    return f"{seconds:.1f} s"


def main() -> int:
    missing = [f"{tool} ({package})" for tool, package in TOOLS.items() if not shutil.which(tool)]
    if missing:
        print(
            f"check_bundle: missing: {', '.join(missing)}; run packaging/system-deps.sh",
            file=sys.stderr,
        )
        return 2
    started = time.monotonic()
    base = Path(tempfile.mkdtemp(prefix="wellbeing-check-bundle-"))
    try:
        sandbox = Sandbox(base)
        with bundle.build_lock():  # dist/ stays as it is while it is looked at and unpacked
            bundle.ensure_built()
            say(f"the bundle holds {check_contents()} imported or read only when needed")
            command = unpack_and_install(sandbox, base)
        say(f"install.sh installed {bundle.tarball().name} into a fresh HOME")
        found = check_command_line(sandbox, command, base)
        say(
            f"env -i: log ping, list pings, summary --format pdf ({found}) on a fresh data"
            " folder, its database made by the bundled migrations; shift status and a summary"
            " in Polish under LANG=pl_PL.UTF-8"
        )
        shown = check_tray(sandbox, command, base)
        say(
            f"env -i under Xvfb + trayer: tray icon drawn after {shown}; nothing loaded from the"
            " venv, the Python install or the checkout"
        )
    except (CheckFailed, subprocess.SubprocessError) as exc:
        print(f"check_bundle: FAILED: {exc}", file=sys.stderr)
        print(f"check_bundle: logs kept in {base}", file=sys.stderr)
        return 1
    shutil.rmtree(base, ignore_errors=True)
    say(f"bundle OK ({time.monotonic() - started:.0f} s in all)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

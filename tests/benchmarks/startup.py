"""Benchmark how long the app takes to show its tray icon compared with a bare PySide6 tray app.

Run it from the repository root (it is a standalone script, not a pytest test)::

    python tests/benchmarks/startup.py                 # 9 alternating runs each, limit 1.5
    python tests/benchmarks/startup.py --runs 15 --limit 1.5 --display :97
    python tests/benchmarks/startup.py --command "{python} other_app.py"   # compare something else

What it does
------------
1. Starts its own ``Xvfb`` on a free display (``--display``, default: the first free one from
   :97) and ``trayer --edge top --align right --widthtype pixel --width 240`` (an XEmbed system
   tray host), and waits, polling with a bound, until the X server answers and trayer owns the
   ``_NET_SYSTEM_TRAY_S0`` selection and has mapped its panel.
2. Writes a bare PySide6 tray app (QApplication, setQuitOnLastWindowClosed(False),
   QSystemTrayIcon with ``resources/icons/tray-idle.svg`` or a QStyle standard icon, show(),
   exec()) to a temporary file: that is the baseline, run with the same Python interpreter.
3. The candidate is ``{python} -m wellbeing_app --data-dir {data_dir}`` (``--command``), with a
   fresh empty data directory per run.
4. After one uncounted warm-up run of each (so both find warm disk caches), it alternates baseline
   and candidate runs. Each run measures the wall time (``time.perf_counter``) from just before
   ``subprocess.Popen`` until the process's tray icon is visible in the tray, then stops the
   process group (SIGTERM, then SIGKILL) and waits until the icon has left the tray.
5. Prints the medians (and min/max) in ms, the ratio candidate/baseline and PASS/FAIL against
   ``--limit``. Exit status: 0 pass, 1 fail (including a candidate that never shows an icon),
   2 setup error (missing tool, X server or tray that does not come up, broken baseline).

How the icon is detected: see ``x11_tray.py`` next to this script.

The launched processes get ``DISPLAY`` set to the Xvfb display, ``QT_QPA_PLATFORM``,
``WAYLAND_DISPLAY`` and ``WELLBEING_APP_DATA_DIR`` removed, and ``DBUS_SESSION_BUS_ADDRESS``
pointed at a socket that does not exist: Qt 6 would otherwise prefer a StatusNotifierItem over
D-Bus when a desktop's watcher is reachable, and the icon would never reach trayer.

Needs the Debian packages ``xvfb`` and ``trayer`` (and the xcb libraries Qt needs, see
``shared/notes/platform.md``).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from x11_tray import TrayWatcher, XConnection, XError, free_display, parse_display

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_ICON = REPO_ROOT / "resources" / "icons" / "tray-idle.svg"
DEFAULT_COMMAND = "{python} -m wellbeing_app --data-dir {data_dir}"
TRAYER_ARGS = ["--edge", "top", "--align", "right", "--widthtype", "pixel", "--width", "240"]
NO_DBUS = "unix:path=/nonexistent/wellbeing-startup-benchmark/no-session-bus"

EXIT_PASS, EXIT_FAIL, EXIT_SETUP = 0, 1, 2

BARE_APP = '''\
"""A bare PySide6 tray app: the start-up baseline (written by tests/benchmarks/startup.py)."""

import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon

app = QApplication(sys.argv)
app.setQuitOnLastWindowClosed(False)
icon_path = Path(sys.argv[1]) if len(sys.argv) > 1 else None
if icon_path is not None and icon_path.is_file():
    icon = QIcon(str(icon_path))
else:
    icon = app.style().standardIcon(QStyle.StandardPixmap.SP_ComputerIcon)
tray = QSystemTrayIcon(icon)
tray.show()
sys.exit(app.exec())
'''


class SetupError(Exception):
    """The benchmark cannot run: a tool is missing or the X server / tray did not come up."""


def stop(proc: subprocess.Popen[bytes], grace: float = 3.0) -> None:
    """SIGTERM the process group, then SIGKILL it if it is still there after ``grace`` s."""
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=grace)
    # The leader may be gone while children of a wrapper command linger: always sweep the group.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=grace)


def wait_for(
    what: str, check: Callable[[], bool], timeout: float, alive: list[subprocess.Popen[bytes]]
) -> None:
    """Poll ``check`` every 20 ms until it is true; fail if a process in ``alive`` dies."""
    deadline = time.monotonic() + timeout
    while True:
        for proc in alive:
            if proc.poll() is not None:
                raise SetupError(f"{what}: {proc.args[0]} exited with status {proc.returncode}")
        try:
            if check():
                return
        except (OSError, XError):
            pass
        if time.monotonic() > deadline:
            raise SetupError(f"{what}: not ready after {timeout:.0f} s")
        time.sleep(0.02)


class RunError(Exception):
    """One measured process did not show its tray icon (crashed, or timed out)."""


@dataclass
class Target:
    """Something to measure: a name and how to build its command line for one run."""

    name: str
    template: list[str]

    def argv(self, data_dir: Path) -> list[str]:
        return [
            arg.replace("{python}", sys.executable).replace("{data_dir}", str(data_dir))
            for arg in self.template
        ]


def child_env(display: str) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "WELLBEING_APP_DATA_DIR"):
        env.pop(name, None)
    env["DISPLAY"] = display
    env["DBUS_SESSION_BUS_ADDRESS"] = NO_DBUS
    return env


def log_tail(path: Path, lines: int = 15) -> str:
    try:
        text = path.read_text(errors="replace").rstrip()
    except OSError:
        return ""
    if not text:
        return "(no output)"
    return "\n".join("    " + line for line in text.splitlines()[-lines:])


def measure(
    target: Target,
    watcher: TrayWatcher,
    env: dict[str, str],
    workdir: Path,
    timeout: float,
    poll: float,
) -> float:
    """Seconds from launching ``target`` until its tray icon is visible."""
    if not watcher.wait_empty(10.0):
        raise SetupError("the tray still holds an icon from an earlier process")
    data_dir = Path(tempfile.mkdtemp(prefix=f"{target.name}-data-", dir=workdir))
    log_path = workdir / f"{target.name}.log"
    argv = target.argv(data_dir)
    try:
        with open(log_path, "wb") as log:
            start = time.perf_counter()
            proc = subprocess.Popen(
                argv,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            while True:
                if watcher.icon_visible():
                    elapsed = time.perf_counter() - start
                    break
                if proc.poll() is not None:
                    raise RunError(
                        f"{target.name} exited with status {proc.returncode} before its tray"
                        f" icon appeared.\n  command: {shlex.join(argv)}\n"
                        f"  output:\n{log_tail(log_path)}"
                    )
                if time.perf_counter() - start > timeout:
                    note = ""
                    if watcher.icons():
                        note = " (an icon window was embedded but never drawn; see --until)"
                    raise RunError(
                        f"{target.name} showed no tray icon within {timeout:g} s{note}.\n"
                        f"  command: {shlex.join(argv)}\n  output:\n{log_tail(log_path)}"
                    )
                time.sleep(poll)
        finally:
            stop(proc)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    if not watcher.wait_empty(10.0):
        raise SetupError(f"the tray icon of {target.name} did not go away after it was stopped")
    return elapsed


def summary(name: str, times: list[float]) -> str:
    ms = [t * 1000 for t in times]
    return (
        f"{name:<10} median {statistics.median(ms):8.1f} ms"
        f"   (min {min(ms):.1f}, max {max(ms):.1f}, n={len(ms)})"
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n", 1)[0] if __doc__ else None,
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--runs", type=int, default=9, help="measured runs of each process")
    parser.add_argument("--limit", type=float, default=1.5, help="maximum candidate/baseline")
    parser.add_argument(
        "--command",
        default=DEFAULT_COMMAND,
        help="candidate command line (shell-quoted); {python} is this interpreter, {data_dir} a"
        " fresh empty directory for each run",
    )
    parser.add_argument(
        "--display",
        type=parse_display,
        default=None,
        help="X display for the private Xvfb (e.g. :97); default: first free from :97",
    )
    parser.add_argument(
        "--icon", type=Path, default=DEFAULT_ICON, help="icon file for the baseline tray app"
    )
    parser.add_argument(
        "--until",
        choices=("painted", "mapped"),
        default="painted",
        help="'mapped': the icon window is embedded and viewable; 'painted': and drawn",
    )
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds allowed per run")
    parser.add_argument("--poll-ms", type=float, default=5.0, help="polling interval in ms")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if not shlex.split(args.command):
        parser.error("--command is empty")
    return args


def _raise_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _raise_interrupt)
    started: list[subprocess.Popen[bytes]] = []
    conn: XConnection | None = None
    workdir = Path(tempfile.mkdtemp(prefix="wellbeing-startup-bench-"))
    try:
        for tool, package in (("Xvfb", "xvfb"), ("trayer", "trayer")):
            if shutil.which(tool) is None:
                raise SetupError(f"{tool} not found: install the Debian package {package}")
        number = args.display if args.display is not None else free_display()
        if number is None:
            raise SetupError("no free X display number between :97 and :196")
        display = f":{number}"
        if Path(f"/tmp/.X11-unix/X{number}").exists():
            raise SetupError(f"display {display} is already in use; pick another with --display")

        with open(workdir / "xvfb.log", "wb") as xvfb_log:
            started.append(
                subprocess.Popen(
                    [
                        "Xvfb",
                        display,
                        "-screen",
                        "0",
                        "1280x800x24",
                        "-nolisten",
                        "tcp",
                        "-noreset",
                    ],
                    stdin=subprocess.DEVNULL,
                    stdout=xvfb_log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )

        def x_up() -> bool:
            nonlocal conn
            conn = XConnection(number)
            return True

        try:
            wait_for(f"Xvfb {display}", x_up, 10.0, started)
        except SetupError as err:
            raise SetupError(f"{err}\n{log_tail(workdir / 'xvfb.log')}") from None
        assert conn is not None
        watcher = TrayWatcher(conn, args.until)

        env = child_env(display)
        with open(workdir / "trayer.log", "wb") as trayer_log:
            started.append(
                subprocess.Popen(
                    ["trayer", *TRAYER_ARGS],
                    env=env,
                    stdin=subprocess.DEVNULL,
                    stdout=trayer_log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
        try:
            wait_for("trayer", watcher.tray_ready, 10.0, started)
        except SetupError as err:
            raise SetupError(f"{err}\n{log_tail(workdir / 'trayer.log')}") from None

        bare_app = workdir / "bare_tray_app.py"
        bare_app.write_text(BARE_APP)
        icon = args.icon if args.icon.is_file() else Path("-")
        baseline = Target("baseline", [sys.executable, str(bare_app), str(icon)])
        candidate = Target("candidate", shlex.split(args.command))
        poll = args.poll_ms / 1000

        print(f"display {display} (Xvfb + trayer), python {sys.executable}")
        icon_note = str(args.icon) if args.icon.is_file() else "QStyle SP_ComputerIcon (no SVG)"
        print(f"baseline:  bare PySide6 tray app, icon {icon_note}")
        print(f"candidate: {shlex.join(candidate.argv(Path('{data_dir}')))}")
        print(
            f"{args.runs} alternating runs each after 1 warm-up each; icon counted when"
            f" {args.until}; poll {args.poll_ms:g} ms, timeout {args.timeout:g} s"
        )

        def run(target: Target) -> float:
            try:
                return measure(target, watcher, env, workdir, args.timeout, poll)
            except RunError as err:
                if target is baseline:
                    raise SetupError(f"the baseline does not work: {err}") from None
                raise

        try:
            for target in (baseline, candidate):
                print(f"warm-up {target.name:<10} {run(target) * 1000:8.1f} ms")
            times: dict[str, list[float]] = {"baseline": [], "candidate": []}
            for i in range(1, args.runs + 1):
                row = []
                for target in (baseline, candidate):
                    elapsed = run(target)
                    times[target.name].append(elapsed)
                    row.append(f"{target.name} {elapsed * 1000:8.1f} ms")
                print(f"run {i:>3}   " + "   ".join(row), flush=True)
        except RunError as err:
            sys.stdout.flush()
            print(f"FAIL: {err}", file=sys.stderr)
            return EXIT_FAIL

        print(summary("baseline", times["baseline"]))
        print(summary("candidate", times["candidate"]))
        ratio = statistics.median(times["candidate"]) / statistics.median(times["baseline"])
        verdict = "PASS" if ratio <= args.limit else "FAIL"
        print(f"ratio candidate/baseline {ratio:.2f} (limit {args.limit:g}): {verdict}")
        return EXIT_PASS if verdict == "PASS" else EXIT_FAIL
    except SetupError as err:
        sys.stdout.flush()
        print(f"setup error: {err}", file=sys.stderr)
        return EXIT_SETUP
    except KeyboardInterrupt:
        sys.stdout.flush()
        print("interrupted", file=sys.stderr)
        return 130
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # let the teardown finish
        if conn is not None:
            conn.close()
        for proc in reversed(started):
            stop(proc)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

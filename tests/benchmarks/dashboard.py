"""Benchmark the workload dashboard on demo history: queries, opening and switching period.

Run it from the repository root (a standalone script, not a pytest test)::

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/dashboard.py            # 15 runs each
    QT_QPA_PLATFORM=offscreen python tests/benchmarks/dashboard.py --runs 15

It fills two demo databases (1 and 10 years up to 15 November 2026, Europe/Berlin, seed 7) in a
temporary folder, then measures, with ``time.perf_counter`` and one uncounted warm-up each:

1. **queries**: ``workload()`` for the one-year preset (52 weeks to today) with 1 and with 10
   years of history; the ratio 10y/1y must stay at or under 1.5 (the aggregation must not slow
   down as history grows);
2. **open**: on the 10-year database, from a dashboard window that exists and is shown to its
   cards filled and the chart on screen drawn, for the year preset (this period and the one
   before it are queried; ``show_workload`` then builds the chart and ``canvas.draw()`` renders
   it); limit 250 ms;
3. **switch**: changing the period on the open window (year -> quarter -> 4 weeks -> year,
   each step measured the same way); limit 250 ms.

matplotlib is imported once before measuring (the first chart of a session also pays for
importing it, reported separately as "import"). Prints medians with min and max, PASS or FAIL
per limit; exit status 0 when all pass, 1 otherwise.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

NOW = datetime(2026, 11, 15, 12, 0, tzinfo=UTC)
ZONE = "Europe/Berlin"
OPEN_LIMIT_MS = 250.0
SWITCH_LIMIT_MS = 250.0
RATIO_LIMIT = 1.5


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

    from wellbeing_app.core.demo.fill import fill_demo
    from wellbeing_app.core.journal import Journal
    from wellbeing_app.core.store.database import open_database
    from wellbeing_app.core.time.clock import FixedClock

    clock = FixedClock(NOW, ZONE)
    with tempfile.TemporaryDirectory() as folder:
        journals = {}
        for years in (1, 10):
            db = open_database(Path(folder) / f"{years}y.sqlite3")
            summary = fill_demo(db, years=years, now=NOW, zone=ZONE)
            print(summary.line())
            journals[years] = Journal(db, clock)
        results = [
            *_queries(journals, args.runs),
            *_window(journals[10], args.runs),
        ]
        for journal in journals.values():
            journal.db.close()
    return 0 if all(results) else 1


def _queries(journals: dict[int, object], runs: int) -> list[bool]:
    """Both histories in alternation, so that a slow spell of a shared machine hits both."""
    from wellbeing_app.core.time import periods
    from wellbeing_app.core.workload.aggregate import workload

    def run(journal: Any) -> float:
        period = periods.preset("year", journal.today())
        started = time.perf_counter()
        with journal.db.read() as session:
            workload(session, period, ZONE, NOW)
        return (time.perf_counter() - started) * 1000

    times: dict[int, list[float]] = {years: [] for years in journals}
    for journal in journals.values():
        run(journal)  # warm-up
    for _ in range(runs):
        for years, journal in journals.items():
            times[years].append(run(journal))
    for years, values in times.items():
        print(
            f"queries, 1-year period, {years:>2} years of history: median "
            f"{statistics.median(values):.0f} ms (min {min(values):.0f}, max {max(values):.0f})"
        )
    ratio = statistics.median(times[10]) / statistics.median(times[1])
    ok = ratio <= RATIO_LIMIT
    print(f"ratio 10y/1y: {ratio:.2f} (limit {RATIO_LIMIT}) {'PASS' if ok else 'FAIL'}")
    return [ok]


def _window(journal: object, runs: int) -> list[bool]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    started = time.perf_counter()
    import matplotlib.backends.backend_qtagg
    import matplotlib.figure  # noqa: F401

    print(f"import matplotlib (once per session): {(time.perf_counter() - started) * 1000:.0f} ms")
    from wellbeing_app.core.time import periods
    from wellbeing_app.ui.dashboard_window import DashboardWindow

    today = journal.today()  # type: ignore[attr-defined]
    window = DashboardWindow(today)
    window.show()
    app.processEvents()

    streak = journal.streaks().disconnect  # type: ignore[attr-defined]  # the app keeps it
    parts: dict[str, list[float]] = {"queries": [], "cards and figure": [], "draw": []}

    def show(period_name: str) -> None:
        period = periods.preset(period_name, today)
        started = time.perf_counter()
        current, previous = journal.workload(period)  # type: ignore[attr-defined]
        queried = time.perf_counter()
        window.show_workload(current, previous, streak)
        built = time.perf_counter()
        draws: list[object] = []
        window.current_chart().canvas.mpl_connect("draw_event", draws.append)
        window.draw_now()
        app.processEvents()
        drawn = time.perf_counter()
        if len(draws) != 1:  # the chart must be drawn once, at its size on screen
            raise SystemExit(f"expected one draw of the chart, saw {len(draws)}")
        parts["queries"].append((queried - started) * 1000)
        parts["cards and figure"].append((built - queried) * 1000)
        parts["draw"].append((drawn - built) * 1000)

    def breakdown() -> None:
        print(
            "  of which, medians: "
            + ", ".join(f"{k} {statistics.median(v):.0f} ms" for k, v in parts.items())
        )
        for values in parts.values():
            values.clear()

    opened = _report("open the dashboard on one year (10y history)", lambda: show("year"), runs)
    breakdown()
    steps = iter(["quarter", "4 weeks", "year"] * (runs + 1))
    switched = _report("switch period (10y history)", lambda: show(next(steps)), runs)
    breakdown()
    window.close()
    open_ok, switch_ok = opened <= OPEN_LIMIT_MS, switched <= SWITCH_LIMIT_MS
    print(f"open: {'PASS' if open_ok else 'FAIL'} (limit {OPEN_LIMIT_MS:.0f} ms)")
    print(f"switch: {'PASS' if switch_ok else 'FAIL'} (limit {SWITCH_LIMIT_MS:.0f} ms)")
    return [open_ok, switch_ok]


def _report(what: str, run: Callable[[], None], runs: int) -> float:
    run()  # warm-up: caches, compiled statements
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    median = statistics.median(times)
    print(f"{what}: median {median:.0f} ms (min {min(times):.0f}, max {max(times):.0f})")
    return median


if __name__ == "__main__":
    sys.exit(main())

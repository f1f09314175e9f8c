"""One app per data folder: the second launch hands over to the first and leaves."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from wellbeing_app.services.single_instance import SingleInstance


def test_second_instance_hands_over_to_the_first(qtbot: QtBot, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path)
    assert first.acquire()
    first.listen()
    second = SingleInstance(tmp_path)
    assert not second.acquire()
    with qtbot.waitSignal(first.activated, timeout=5000):
        assert second.hand_over()
    first.release()


def test_another_data_folder_is_another_instance(qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a, b = SingleInstance(tmp_path / "a"), SingleInstance(tmp_path / "b")
    assert a.server_name != b.server_name
    assert a.acquire() and b.acquire()
    a.release()
    b.release()


def test_released_lock_can_be_taken_again(qtbot: QtBot, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path)
    assert first.acquire()
    first.release()
    again = SingleInstance(tmp_path)
    assert again.acquire()
    again.release()


def test_hand_over_fails_cleanly_when_nobody_listens(qtbot: QtBot, tmp_path: Path) -> None:
    assert not SingleInstance(tmp_path).hand_over()


def test_one_folder_under_two_names_is_one_instance(qtbot: QtBot, tmp_path: Path) -> None:
    from wellbeing_app.core.store.paths import resolve_paths

    (tmp_path / "data").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "data")
    first = SingleInstance(resolve_paths(tmp_path / "data").data_dir)
    assert first.acquire()
    first.listen()
    second = SingleInstance(resolve_paths(tmp_path / "link" / ".." / "link").data_dir)
    assert not second.acquire()
    with qtbot.waitSignal(first.activated, timeout=5000):
        assert second.hand_over()
    first.release()

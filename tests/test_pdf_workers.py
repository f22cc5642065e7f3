"""The parallel render's workers (spacehacks/pdf/workers.py): forked by the thread that asks, and
only when no thread Python did not start is running (a worker forked while one of Pango's threads
held Fontconfig's lock waited for it forever, and the render hung, issue 15); a worker that dies
or stalls is a plain error rather than a wait forever."""
from __future__ import annotations

import _thread
import os
import threading
import time

import pytest

from spacehacks.pdf import workers
from spacehacks.pdf.workers import WorkerError, Workers
from spacehacks.problems import BuildError


def _square(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def _fail() -> None:
    raise ValueError("a slice could not be laid out")


def _killed() -> None:
    os.kill(os.getpid(), 9)


def _stall() -> None:
    time.sleep(60)


def test_every_task_gets_its_own_process_and_its_own_answer():
    threads = threading.active_count()
    with Workers(2) as pool:
        tasks = [pool.submit(f"square {n}", _square, n) for n in range(7)]
        # Two run, the rest wait; the pool has no thread of its own.
        assert len(pool.running) == 2 and len(pool.waiting) == 5
        assert threading.active_count() == threads
        answers = [pool.get(task) for task in tasks]
    assert [square for square, _ in answers] == [n * n for n in range(7)]
    pids = {pid for _, pid in answers}
    assert len(pids) == 7 and os.getpid() not in pids
    assert pool.running == [] and not pool.waiting


def test_a_task_error_is_raised_where_its_answer_is_asked_for():
    with Workers(2) as pool:
        good, bad = pool.submit("good", _square, 3), pool.submit("bad", _fail)
        with pytest.raises(ValueError, match="could not be laid out"):
            pool.get(bad)
        assert pool.get(good)[0] == 9


def test_a_killed_worker_is_an_error_that_names_its_task():
    with Workers(1) as pool:
        task = pool.submit("slice 4 (letter)", _killed)
        with pytest.raises(WorkerError) as caught:
            pool.get(task)
    message = str(caught.value)
    assert "slice 4 (letter)" in message and "exit code -9" in message and "out of memory" in message
    assert isinstance(caught.value, BuildError)   # the command line prints it as a message


def test_a_stalled_worker_is_stopped():
    with Workers(1, timeout=0.5) as pool:
        task = pool.submit("slice 2 (a4)", _stall)
        started = time.monotonic()
        with pytest.raises(WorkerError, match="slice 2 \\(a4\\).*took more than"):
            pool.get(task)
        assert time.monotonic() - started < 30
        assert pool.running == []


def test_what_still_runs_after_an_error_is_stopped():
    with pytest.raises(ValueError), Workers(2) as pool:
        pool.submit("stalls", _stall)
        process = pool.running[0].process
        pool.get(pool.submit("fails", _fail))
    assert not process.is_alive()


def test_no_worker_is_forked_while_a_thread_python_did_not_start_runs(monkeypatch):
    """As Pango's are: a thread threading does not know of, ending a moment later."""
    monkeypatch.setattr(workers, "_LASTING", set())
    ended: list[float] = []

    def helper() -> None:
        time.sleep(0.3)
        ended.append(time.monotonic())

    _thread.start_new_thread(helper, ())
    with Workers(1) as pool:
        forked = pool.get(pool.submit("when", time.monotonic))
    assert ended and forked >= ended[0]


def test_a_lasting_native_thread_is_waited_for_once(monkeypatch):
    monkeypatch.setattr(workers, "_LASTING", set())
    monkeypatch.setattr(workers, "NATIVE_THREAD_SECONDS", 1.0)
    _thread.start_new_thread(time.sleep, (6,))
    with Workers(1) as pool:
        started = time.monotonic()
        pool.get(pool.submit("first", _square, 1))
        first = time.monotonic() - started
        started = time.monotonic()
        pool.get(pool.submit("second", _square, 2))
        second = time.monotonic() - started
    assert first >= 1.0 and second < 1.0 and len(workers._LASTING) == 1

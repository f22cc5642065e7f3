"""The processes of a parallel render: one per task, forked when no native thread is running.

Pango starts short-lived threads of its own while it lays out text (to initialise Fontconfig, and
to match and sort fonts), and one can outlive the layout that started it: after one warm-up layout
in 60 with the book's fonts, such a thread was still running. It holds Fontconfig's lock while it
works, and a worker forked then starts with that lock held by a thread it does not have: it waits
for it forever the moment it makes its own font configuration. py-spy showed such workers in
pthread_mutex_lock under FcDirCacheLoad in the 1,000-hack benchmark, the fresh-Debian test run
and a `make test`. So a worker is forked only once every thread Python did not start has ended
(`_native_threads_done`), and by the thread that submits the tasks (a pool forks from a helper
thread, at moments nobody chooses). A worker that dies without answering (killed, out of
memory) or takes far too long is an error that says so, where a pool would wait forever.
"""
from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing import get_context
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

from ..problems import BuildError

T = TypeVar("T")

# Pango's threads end within milliseconds; one that outlives this is no such helper, and is not
# waited for again (a task that would hang still meets its own timeout).
NATIVE_THREAD_SECONDS = 5.0
_LASTING: set[int] = set()
# Far longer than any slice takes (seconds, on a loaded 2-core machine), short of a hang
# nobody notices.
TASK_SECONDS = 30 * 60


class WorkerError(BuildError):
    """A worker that stopped or stalled before it answered: not the content's doing."""

    def __init__(self, what: str):
        super().__init__(f"laying out the PDF edition, {what}. Nothing in the content caused this: "
                         "run the build again, with fewer programs running if memory is short.")


@dataclass
class Task(Generic[T]):
    what: str
    fn: Callable[..., T]
    args: tuple[Any, ...]
    done: bool = False
    result: Any = None
    error: BaseException | None = None


@dataclass
class _Running:
    task: Task[Any]
    process: Any          # multiprocessing's fork Process
    conn: Connection
    deadline: float


def _child(conn: Connection, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
    try:
        answer: tuple[bool, Any] = (True, fn(*args))
    except BaseException as error:   # sent to the parent, raised there
        answer = (False, error)
    try:
        conn.send(answer)
    except Exception as error:       # an answer that cannot be pickled
        conn.send((False, RuntimeError(f"{type(error).__name__}: {error}")))
    conn.close()


@dataclass
class Workers:
    """At most `count` forked workers at a time, one task each, in the order submitted."""
    count: int
    timeout: float = TASK_SECONDS
    waiting: deque[Task[Any]] = field(default_factory=deque)
    running: list[_Running] = field(default_factory=list)

    def submit(self, what: str, fn: Callable[..., T], *args: Any) -> Task[T]:
        task: Task[T] = Task(what, fn, args)
        self.waiting.append(task)
        self._start()
        return task

    def get(self, task: Task[T]) -> T:
        """The task's result, once it is done (others go on meanwhile); its error, raised here."""
        while not task.done:
            self._start()
            self._collect()
        if task.error is not None:
            raise task.error
        return task.result

    def close(self) -> None:
        """Stop what still runs (after an error elsewhere) and leave no process behind."""
        self.waiting.clear()
        for run in self.running:
            run.process.kill()
            run.process.join()
            run.conn.close()
        self.running.clear()

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _start(self) -> None:
        context = get_context("fork")
        while self.waiting and len(self.running) < self.count:
            _native_threads_done()
            task = self.waiting.popleft()
            parent, child = context.Pipe(duplex=False)
            process = context.Process(target=_child, args=(child, task.fn, task.args), daemon=True)
            process.start()
            child.close()   # the worker's end: once the worker is gone, reading ours says so
            self.running.append(_Running(task, process, parent, time.monotonic() + self.timeout))

    def _collect(self) -> None:
        """Wait until a worker answers, stops or runs out of time, and settle its task."""
        soonest = min(run.deadline for run in self.running)
        ready = wait([run.conn for run in self.running], timeout=max(0.0, soonest - time.monotonic()))
        now = time.monotonic()
        for run in list(self.running):
            task = run.task
            if run.conn in ready:
                try:
                    ok, value = run.conn.recv()
                except EOFError:
                    run.process.join()
                    ok, value = False, WorkerError(
                        f"{task.what}: its worker stopped before it finished (exit code {run.process.exitcode}"
                        f"{', perhaps out of memory' if run.process.exitcode == -9 else ''})")
                task.result, task.error = (value, None) if ok else (None, value)
            elif now >= run.deadline:
                run.process.kill()
                task.error = WorkerError(f"{task.what}: its worker took more than {self.timeout:.0f} s and was stopped")
            else:
                continue
            task.done = True
            run.process.join()
            run.conn.close()
            self.running.remove(run)


def _native_threads_done() -> None:
    """Return once no thread that Python did not start is running (but for lasting ones)."""
    deadline = time.monotonic() + NATIVE_THREAD_SECONDS
    while (running := _native_threads() - _LASTING) and time.monotonic() < deadline:
        time.sleep(0.002)
    _LASTING.update(running)


def _native_threads() -> set[int]:
    try:
        tasks = {int(task) for task in os.listdir("/proc/self/task")}
    except OSError:      # no /proc: nothing to go by
        return set()
    return tasks - {t.native_id for t in threading.enumerate() if t.native_id is not None}

"""The processes of a parallel render: one per task, each forked by the thread that asks.

multiprocessing.Pool forks the workers it replaces (a fresh one per task) from a thread of its
own. Were the main thread inside Fontconfig at that moment (freeing a layout's fonts when the
garbage collector found them), the new worker started with Fontconfig's lock held by a thread it
does not have, and waited for it forever: a 1,000-hack render hung so, twice. Here the thread
that submits the tasks forks each worker, at a moment of its choosing, with no other thread about.
A worker that dies without answering (killed, out of memory) or takes far too long is an error
that says so, where a pool would have waited for its answer forever.
"""
from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing import get_context
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

from ..problems import BuildError

T = TypeVar("T")

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

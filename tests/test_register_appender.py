"""Group commit: callers wait for their own job, and jobs waiting together are written together."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import pytest

from ispcheck.register import RegisterError
from ispcheck.register.appender import GroupCommit


def wait_for_queue(appender: GroupCommit[str, str], size: int) -> None:
    """Wait until ``size`` jobs are queued behind the one being written (the test fails after 10 s)."""
    deadline = time.monotonic() + 10
    while appender._queue.qsize() < size:
        assert time.monotonic() < deadline, f"only {appender._queue.qsize()} of {size} jobs queued"
        time.sleep(0.001)


class Writer:
    """A write function that records each batch, and can be held until a test lets it go."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []
        self.entered = threading.Event()
        self.release = threading.Event()
        self.release.set()

    def __call__(self, jobs: Sequence[str]) -> list[str | BaseException]:
        self.entered.set()
        assert self.release.wait(10)
        self.batches.append(list(jobs))
        return [ValueError(f"cannot write {job}") if job.startswith("bad") else job.upper() for job in jobs]


def test_a_caller_gets_back_its_own_result_once_its_job_is_written() -> None:
    writer = Writer()
    appender: GroupCommit[str, str] = GroupCommit(writer, name="test-writer")
    assert appender.submit("one") == "ONE"
    assert appender.submit("two") == "TWO"
    assert writer.batches == [["one"], ["two"]]  # nobody else waiting: one job a transaction
    appender.close()


def test_jobs_that_wait_while_a_batch_is_written_are_written_together_in_the_next() -> None:
    writer = Writer()
    appender: GroupCommit[str, str] = GroupCommit(writer, name="test-writer")
    writer.release.clear()
    with ThreadPoolExecutor(9) as pool:
        first = pool.submit(appender.submit, "first")
        assert writer.entered.wait(10)  # the writer is busy with "first"...
        rest = [pool.submit(appender.submit, f"job {n}") for n in range(8)]
        wait_for_queue(appender, 8)
        writer.release.set()
        assert first.result(10) == "FIRST"
        assert sorted(f.result(10) for f in rest) == sorted(f"JOB {n}" for n in range(8))
    assert [len(batch) for batch in writer.batches] == [1, 8]
    appender.close()


def test_a_job_that_fails_fails_alone_and_the_others_in_its_batch_are_written() -> None:
    writer = Writer()
    appender: GroupCommit[str, str] = GroupCommit(writer, name="test-writer")
    writer.release.clear()
    with ThreadPoolExecutor(3) as pool:
        first = pool.submit(appender.submit, "first")
        assert writer.entered.wait(10)
        bad, good = pool.submit(appender.submit, "bad job"), pool.submit(appender.submit, "good job")
        wait_for_queue(appender, 2)
        writer.release.set()
        with pytest.raises(ValueError, match="cannot write bad job"):
            bad.result(10)
        assert (first.result(10), good.result(10)) == ("FIRST", "GOOD JOB")
    appender.close()


def test_a_write_that_raises_fails_every_job_in_its_batch_and_the_next_batch_is_still_written() -> None:
    calls: list[Sequence[str]] = []

    def write(jobs: Sequence[str]) -> list[str | BaseException]:
        calls.append(jobs)
        if len(calls) == 1:
            raise RuntimeError("the database went away")
        return list(jobs)

    appender: GroupCommit[str, str] = GroupCommit(write, name="test-writer")
    with pytest.raises(RuntimeError, match="went away"):
        appender.submit("lost")
    assert appender.submit("kept") == "kept"
    appender.close()


def test_a_write_giving_the_wrong_number_of_results_fails_its_callers_instead_of_leaving_them_waiting() -> (
    None
):
    appender: GroupCommit[str, str] = GroupCommit(lambda jobs: [], name="test-writer")
    with pytest.raises(RuntimeError, match="1 jobs were written but 0 results came back"):
        appender.submit("one")
    appender.close()


def test_close_writes_what_is_queued_then_refuses_more() -> None:
    writer = Writer()
    appender: GroupCommit[str, str] = GroupCommit(writer, name="test-writer")
    writer.release.clear()
    with ThreadPoolExecutor(5) as pool:
        queued = [pool.submit(appender.submit, "job 0")]
        assert writer.entered.wait(10)  # the writer is busy with the first job
        queued += [pool.submit(appender.submit, f"job {n}") for n in range(1, 4)]
        wait_for_queue(appender, 3)
        closing = pool.submit(appender.close)
        deadline = time.monotonic() + 10
        while not appender._closed:  # close has begun, with three jobs still queued...
            assert time.monotonic() < deadline
            time.sleep(0.001)
        writer.release.set()  # ...and they are written before it returns
        closing.result(10)
        assert sorted(f.result(10) for f in queued) == [f"JOB {n}" for n in range(4)]
    with pytest.raises(RegisterError, match="nothing was recorded: the register has been closed"):
        appender.submit("late")
    appender.close()  # closing twice is harmless

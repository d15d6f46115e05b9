# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 dpdk-ena authors
"""What the scripted runs outside testpmd share: "ok"/"FAIL" lines with a
count, the closing "N passed, N failed" that test.sh reads, and a bounded
wait on a condition (a poll with a deadline, never a sleep standing in for
an event)."""

import sys
import time

_count = {"passed": 0, "failed": 0}


def say(text):
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def check(ok, what):
    """Counts and prints one check; returns ok."""
    _count["passed" if ok else "failed"] += 1
    say(("ok   " if ok else "FAIL ") + what)
    return ok


def failed():
    return _count["failed"]


def summary():
    """Prints the closing line; the exit status a script should give."""
    say("%d passed, %d failed" % (_count["passed"], _count["failed"]))
    return 0 if _count["failed"] == 0 else 1


def wait_until(pred, deadline, interval=0.1):
    """pred()'s first true value within deadline seconds, else its last."""
    end = time.monotonic() + deadline
    while True:
        v = pred()
        if v or time.monotonic() >= end:
            return v
        time.sleep(interval)

# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 dpdk-ena authors
"""An interactive dpdk-testpmd driven through pipes, prompt by prompt.

    s = TestpmdSession(eal_args, app_args, "run.log")
    s.cmd("start")
    ok, out = s.wait_for("show port stats 0",
                         lambda o: port_stats(o)[0]["rx_packets"] >= 100,
                         deadline=10)
    stop = s.cmd("stop")
    rc = s.close()

Every wait is bounded. A command returns what testpmd printed up to its next
"testpmd> " prompt; a state is awaited by re-running a command until a
predicate over its output holds or a deadline passes. Between two polls the
session keeps reading testpmd's output, so asynchronous messages (link
events, verbose packet dumps) land in the transcript and never block the pipe.

testpmd prints through stdio, which is fully buffered on a pipe, while the
cmdline library writes its prompt with write(2): without help the prompt
overtakes the command's output. The session runs testpmd under stdbuf -o0
so that output and prompt reach the pipe in the order they were produced.
"""

import os
import re
import select
import shutil
import signal
import subprocess
import time

# cmdline writes its prompt a character at a time, so whole log lines
# from other threads can land between any two of its characters: the
# prompt is "testpmd>" with such lines allowed inside; its trailing space
# is dropped when it follows.
PROMPT = re.compile(r"((?:[^\n]*\n)*?)".join(re.escape(c)
                                              for c in "testpmd>"))


class TestpmdError(Exception):
    """testpmd died, did not answer in time, or refused to start."""


class TestpmdSession:
    def __init__(self, eal_args, app_args, log_path, testpmd=None,
                 start_timeout=60, argv=None):
        """Start testpmd -i and wait for its first prompt.

        argv, when given, is the whole command line (already interactive
        and unbuffered) and eal_args, app_args and testpmd are ignored.
        """
        if argv is None:
            binary = testpmd or shutil.which("dpdk-testpmd")
            if binary is None:
                raise TestpmdError("no dpdk-testpmd in PATH")
            stdbuf = shutil.which("stdbuf")
            if stdbuf is None:
                raise TestpmdError("no stdbuf (coreutils) in PATH")
            argv = ([stdbuf, "-o0", "-e0", binary] + list(eal_args)
                    + ["--", "-i"] + list(app_args))
        self.argv = list(argv)
        self.log = open(log_path, "w")
        self.log.write("# " + " ".join(self.argv) + "\n")
        self.buf = ""
        self.rc = None
        self.proc = subprocess.Popen(self.argv, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, bufsize=0,
                                     start_new_session=True)
        self.fd = self.proc.stdout.fileno()
        try:
            self.startup = self._until_prompt(start_timeout, "startup")
        except TestpmdError:
            self._kill("no prompt at startup")
            raise

    # -- output plumbing ---------------------------------------------------

    def _read(self, timeout):
        """Read what testpmd printed within timeout; False at its EOF."""
        ready, _, _ = select.select([self.fd], [], [], max(timeout, 0))
        if not ready:
            return True
        chunk = os.read(self.fd, 65536)
        if not chunk:
            return False
        text = chunk.decode("utf-8", "replace")
        self.log.write(text)
        self.log.flush()
        self.buf += text
        return True

    def _until_prompt(self, timeout, what):
        deadline = time.monotonic() + timeout
        while True:
            m = PROMPT.search(self.buf)
            if m:
                break
            left = deadline - time.monotonic()
            if left <= 0:
                raise TestpmdError("%s: no prompt within %g s" %
                                   (what, timeout))
            if not self._read(left):
                raise TestpmdError("%s: testpmd exited (status %s)" %
                                   (what, self.proc.wait()))
        # Log lines caught inside the prompt belong to the output.
        inside = "".join(g for g in m.groups() if g)
        text = self.buf[:m.start()] + inside
        self.buf = self.buf[m.end():]
        if self.buf.startswith(" "):
            self.buf = self.buf[1:]
        return text

    def _drain(self, seconds):
        """Keep the transcript flowing for a bounded poll interval."""
        end = time.monotonic() + seconds
        while True:
            left = end - time.monotonic()
            if left <= 0 or not self._read(left):
                return

    # -- public API --------------------------------------------------------

    def cmd(self, text, timeout=30):
        """Run one command; its output up to the next prompt."""
        if self.proc.poll() is not None:
            raise TestpmdError("'%s': testpmd already exited (status %s)" %
                               (text, self.proc.returncode))
        self.log.write(text + "\n")
        try:
            self.proc.stdin.write((text + "\n").encode())
            self.proc.stdin.flush()
        except BrokenPipeError:
            raise TestpmdError("'%s': testpmd closed its input" % text)
        return self._until_prompt(timeout, "'%s'" % text)

    def wait_for(self, command, predicate, deadline, interval=0.1):
        """Re-run command until predicate(output) is true.

        Returns (True, output) as soon as it holds, (False, last output)
        once deadline seconds have passed without it holding.
        """
        end = time.monotonic() + deadline
        while True:
            out = self.cmd(command, timeout=max(end - time.monotonic(), 5))
            if predicate(out):
                return True, out
            if time.monotonic() >= end:
                return False, out
            self._drain(min(interval, end - time.monotonic()))

    def close(self, timeout=30):
        """stop, port stop all, port close all, quit; kill on a hang.

        Returns testpmd's exit status, or None when it had to be killed.
        Safe to call more than once.
        """
        if self.rc is not None or self.log.closed:
            return self.rc
        end = time.monotonic() + timeout
        try:
            for line in ("stop", "port stop all", "port close all"):
                left = end - time.monotonic()
                if left <= 0:
                    break
                self.cmd(line, timeout=left)
            self.log.write("quit\n")
            self.proc.stdin.write(b"quit\n")
            self.proc.stdin.close()
        except (TestpmdError, BrokenPipeError, ValueError) as e:
            self.log.write("\n# close: %s\n" % e)
        # Collect the goodbye output until EOF, then reap.
        while self.proc.poll() is None or self._pending():
            left = end - time.monotonic()
            if left <= 0 or not self._read(left):
                break
        try:
            self.rc = self.proc.wait(timeout=max(end - time.monotonic(),
                                                 0.5))
            self.log.close()
        except subprocess.TimeoutExpired:
            self._kill("did not exit within %g s" % timeout)
        return self.rc

    def _kill(self, why):
        """Kill testpmd's session (it runs in its own) unless it already
        exited, reap it, close the log."""
        if self.proc.poll() is None:
            self.log.write("\n# testpmd %s: killed\n" % why)
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
            self.rc = None
        else:
            self.rc = self.proc.returncode
        self.log.close()

    def _pending(self):
        ready, _, _ = select.select([self.fd], [], [], 0)
        return bool(ready)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def port_stats(text):
    """Counters of 'show port stats' output: {port: {name: value}}.

    Names are lower-cased with '-' as '_': rx_packets, rx_missed,
    rx_bytes, rx_errors, rx_nombuf, tx_packets, tx_errors, tx_bytes.
    """
    stats = {}
    for block in re.split(r"#+ NIC statistics for port\s+", text)[1:]:
        m = re.match(r"(\d+)", block)
        if not m:
            continue
        # The block runs from the header line to the closing #### line.
        block = block.partition("\n")[2].split("####", 1)[0]
        stats[int(m.group(1))] = {
            k.lower().replace("-", "_"): int(v)
            for k, v in re.findall(r"([RT]X-[a-z]+):\s+(\d+)", block)}
    return stats


def xstats(text):
    """'show port xstats N' output as {name: value}."""
    return {m.group(1): int(m.group(2))
            for m in re.finditer(r"^\s*([\w\-.\[\]]+):\s+(\d+)\s*$", text,
                                 re.M)}

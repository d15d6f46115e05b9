#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 dpdk-ena authors
"""Soak of this tree's PMD under testpmd with idle queues: no false reset.

testpmd --burst=200 with 4 queues on the emulated ENA over a loopback
wire, started with 'start tx_first': the first burst goes out on every Tx
queue, but it is one flow, so RSS brings everything back on one Rx queue
and three Tx queues never send again; their 200 packets are completed by
the device and wait to be reaped for ever. The watchdog must not take them
for missing Tx completions. The same follows for every forwarding mode
(io for --seconds, the others for --mode-seconds each, in turn in one
testpmd). Checked: no reset event, no 'device needs a reset' and no
'not completed in time' log line, tx_qN_missed_tx and wd_expired 0, and
forwarding still going at the end of each mode. A stopped host (the
whole process stopped for 5 s, as a paused VM) is no device failure
either: no reset once it resumes. Then a real stall
(emulator knob tx_comp_stop=1) must still be detected: MISS_TX_CMPL reset
within the deadline.

Polls are one 'show port stats' a second; the durations are the soak
itself, never a wait for something to happen. Prints the numbers of each
phase and ends with "N passed, N failed".

usage: soak-testpmd.py -b PLUGIN_DIR [--seconds N] [--mode-seconds N]
                       [--full]   (--full: 600 s for io and for each mode)
                       [--modes M1,M2,...]  (a part of the modes; with
                       --seconds 0, no io phase)
KEEP=1 keeps the transcript (it is also kept when a check fails).
"""

import argparse
import os
import re
import signal
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import testpmd_runner  # noqa: E402
from testpmd_session import (TestpmdError, TestpmdSession,  # noqa: E402
                             port_stats, xstats)

# testpmd 22.11's forwarding modes that run on a plain port (ieee1588 and
# shared-rxq need set-ups of their own).
MODES = ["mac", "macswap", "5tswap", "csum", "flowgen", "txonly", "rxonly",
         "icmpecho", "noisy"]
QUEUES = 4
BURST = 200
STALL_DEADLINE = 30
# A host stall (SIGSTOP of the whole process, as a paused VM or a stolen
# vCPU): longer than the 3 s keep-alive timeout the device hints.
PAUSE_SECONDS = 5
AFTER_PAUSE_SECONDS = 5
CMD_TIMEOUT = 60
BAD = re.compile(r"Port \d+: reset event|device needs a reset|"
                 r"not completed in time")


class Runner(testpmd_runner.Runner):
    def __init__(self, plugins):
        super().__init__("soak-testpmd", plugins, "ours")

    def session(self, name, emu_extra=""):
        eal = (self.eal(name) + self.load
               + ["--vdev", "ena_emu0,pmd=%s,wire=loopback,queues=%d%s" %
                  (self.pmd, QUEUES, emu_extra)])
        app = ["--rxq=%d" % QUEUES, "--txq=%d" % QUEUES,
               "--burst=%d" % BURST, "--nb-cores=1",
               "--total-num-mbufs=65536"]
        self.log = self.path(name + ".log")
        return TestpmdSession(eal, app, self.log)

    def transcript(self, name=None):
        """The current session's transcript."""
        with open(self.log, errors="replace") as f:
            return f.read()

    def phase(self, s, mode, seconds):
        """One forwarding mode for seconds; returns the packets received."""
        s.cmd("set fwd %s" % mode)
        before = len(BAD.findall(self.transcript()))
        rx0 = port_stats(s.cmd("show port stats 0")).get(0, {}).get(
            "rx_packets", 0)
        tx0 = port_stats(s.cmd("show port stats 0")).get(0, {}).get(
            "tx_packets", 0)
        s.cmd("start tx_first")
        t0 = time.monotonic()
        end = t0 + seconds
        # One poll a second for the whole duration, unless a reset or a
        # missed-Tx warning shows up. A loaded machine may take testpmd
        # seconds to answer: each command gets CMD_TIMEOUT whatever is
        # left of the soak.
        bad = False
        while not bad and time.monotonic() < end:
            s.cmd("show port stats 0", timeout=CMD_TIMEOUT)
            bad = len(BAD.findall(self.transcript())) > before
            if not bad:
                # The poll interval; testpmd's output keeps being read.
                s._drain(max(0.0, min(1.0, end - time.monotonic())))
        # Forwarding still going: the counters move between two polls.
        # rxonly sends nothing after tx_first and icmpecho answers nothing
        # of a UDP flow: their port counters go quiet by design.
        quiet = mode in ("rxonly", "icmpecho")
        last = port_stats(s.cmd("show port stats 0",
                                timeout=CMD_TIMEOUT)).get(0, {})
        out = ""
        if not quiet:
            _, out = s.wait_for(
                "show port stats 0",
                lambda o: port_stats(o).get(0, {}) != last,
                CMD_TIMEOUT / 2, interval=0.2)
        moving = port_stats(out).get(0, {}) != last
        s.cmd("stop", timeout=CMD_TIMEOUT)
        took = time.monotonic() - t0
        end = port_stats(s.cmd("show port stats 0")).get(0, {})
        rx = end.get("rx_packets", 0) - rx0
        tx = end.get("tx_packets", 0) - tx0
        xs = xstats(s.cmd("show port xstats 0"))
        missed = sum(v for k, v in xs.items()
                     if re.match(r"tx_q\d+_missed_tx$", k))
        resets = len(re.findall(r"Port \d+: reset event",
                                self.transcript()))
        warns = len(re.findall(r"not completed in time", self.transcript()))
        # Not a failure: a status read the device answered late (a busy
        # machine starves the emulator's thread); counted for the record.
        late = len(re.findall(r"device status not read", self.transcript()))
        print("%-9s %6.1f s  rx %11d  tx %11d  %7.3f Mpps  resets %d  "
              "missed-Tx warnings %d  tx_qN_missed_tx %d  wd_expired %d  "
              "late status reads %d" %
              (mode, took, rx, tx, rx / took / 1e6 if took else 0, resets,
               warns, missed, xs.get("wd_expired", -1), late))
        self.check("%s: no reset, no missed-Tx warning for %d s" %
                   (mode, seconds), not bad,
                   "seen: %s" % ", ".join(sorted(set(
                       BAD.findall(self.transcript())))))
        self.check("%s: tx_qN_missed_tx 0" % mode, missed == 0,
                   str(missed))
        self.check("%s: wd_expired 0" % mode, xs.get("wd_expired") == 0,
                   str(xs.get("wd_expired")))
        if not quiet:
            self.check("%s: still forwarding at the end" % mode, moving,
                       "%s then %s" % (last, port_stats(out).get(0)))
        return rx

    def soak(self, seconds, mode_seconds, modes=MODES):
        s = None
        try:
            s = self.session("soak")
            info = s.cmd("show port info 0")
            self.check("soak: our PMD drives the port",
                       "net_ena" in info and self.pmd in
                       self.transcript())
            if seconds > 0:
                self.phase(s, "io", seconds)
            for mode in modes:
                self.phase(s, mode, mode_seconds)
        except TestpmdError as e:
            self.check("soak: testpmd answered", False, str(e))
        rc = s.close() if s is not None else None
        self.check("soak: clean exit", rc == 0, "status %s" % rc)

    def pause(self):
        """The host stops, not the device: no reset after it resumes.

        SIGSTOP stops testpmd with its emulated device thread for
        PAUSE_SECONDS (the stop itself, not a wait for anything), then
        SIGCONT. The watchdog's first tick after it comes seconds late
        and must not take the keep-alives or Tx completions the stopped
        device could not send for a failure of the device.
        """
        s = None
        moving = False
        try:
            s = self.session("pause")
            s.cmd("set fwd io")
            s.cmd("start tx_first")
            s._drain(2.0)
            os.kill(s.proc.pid, signal.SIGSTOP)
            time.sleep(PAUSE_SECONDS)
            os.kill(s.proc.pid, signal.SIGCONT)
            end = time.monotonic() + AFTER_PAUSE_SECONDS
            while time.monotonic() < end:
                s.cmd("show port stats 0", timeout=CMD_TIMEOUT)
                s._drain(max(0.0, min(1.0, end - time.monotonic())))
            last = port_stats(s.cmd("show port stats 0",
                                    timeout=CMD_TIMEOUT)).get(0, {})
            moving, _ = s.wait_for(
                "show port stats 0",
                lambda o: port_stats(o).get(0, {}) != last,
                CMD_TIMEOUT / 2, interval=0.2)
            s.cmd("stop", timeout=CMD_TIMEOUT)
            xs = xstats(s.cmd("show port xstats 0"))
        except TestpmdError as e:
            self.check("pause: testpmd answered", False, str(e))
            xs = {}
        if s is not None:
            s.close()
        log = self.transcript()
        late = re.search(r"watchdog ran (\d+) ms late", log)
        print("pause     SIGSTOP %d s: watchdog %s, resets %d, "
              "wd_expired %s" %
              (PAUSE_SECONDS, "ran %s ms late" % late.group(1) if late
               else "never late", len(re.findall(r"Port \d+: reset event",
                                                 log)),
               xs.get("wd_expired")))
        self.check("pause: the late watchdog tick was seen as a host "
                   "stall", late is not None)
        self.check("pause: no reset after the host resumed",
                   not BAD.search(log), "seen: %s" % ", ".join(
                       sorted(set(BAD.findall(log)))))
        self.check("pause: wd_expired 0", xs.get("wd_expired") == 0,
                   str(xs.get("wd_expired")))
        self.check("pause: still forwarding after it", moving)

    def stall(self):
        """tx_comp_stop=1: completions never come; a reset must follow."""
        s = None
        found = False
        t0 = time.monotonic()
        try:
            s = self.session("stall", ",tx_comp_stop=1")
            s.cmd("start tx_first")
            found, _ = s.wait_for(
                "show port stats 0",
                lambda o: re.search(r"device needs a reset, reason "
                                    r"MISS_TX_CMPL", self.transcript())
                is not None, STALL_DEADLINE, interval=0.5)
            s.cmd("stop")
        except TestpmdError as e:
            self.check("stall: testpmd answered", False, str(e))
        took = time.monotonic() - t0
        if s is not None:
            s.close()
        print("stall     tx_comp_stop=1: MISS_TX_CMPL reset %s after "
              "%.1f s" % ("raised" if found else "NOT raised", took))
        self.check("stall: a real Tx stall still resets (MISS_TX_CMPL)",
                   found)
        self.check("stall: testpmd saw the reset event",
                   "Port 0: reset event" in self.transcript())


def main():
    ap = argparse.ArgumentParser(
        usage="%(prog)s -b PLUGIN_DIR [--seconds N] [--mode-seconds N] "
              "[--full] [--modes M1,M2,...]")
    ap.add_argument("-b", dest="plugins", required=True)
    ap.add_argument("--seconds", type=int, default=60,
                    help="io forwarding (the issue's workload), default 60")
    ap.add_argument("--mode-seconds", type=int, default=20,
                    help="each other forwarding mode, default 20")
    ap.add_argument("--full", action="store_true",
                    help="600 s for io and for each mode")
    ap.add_argument("--modes", default=",".join(MODES),
                    help="the other modes to run, in order (comma "
                         "separated; --seconds 0 skips io)")
    args = ap.parse_args()
    modes = [m for m in args.modes.split(",") if m]
    bad = [m for m in modes if m not in MODES]
    if bad:
        ap.error("unknown mode(s) %s (known: %s)" %
                 (",".join(bad), ",".join(MODES)))
    if args.full:
        args.seconds = args.mode_seconds = 600
    testpmd_runner.require_testpmd()
    r = Runner(args.plugins)
    print("soak: %d queues, --burst=%d, one flow (3 Tx queues idle after "
          "tx_first); io %d s, other modes %d s each" %
          (QUEUES, BURST, args.seconds, args.mode_seconds))
    r.soak(args.seconds, args.mode_seconds, modes)
    r.pause()
    r.stall()
    return r.finish()


if __name__ == "__main__":
    sys.exit(main())

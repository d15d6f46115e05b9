#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 dpdk-ena authors
"""Differential testpmd sessions: Debian's upstream net_ena against ours.

The same scripted dpdk-testpmd sessions (queue counts, MTU at run time, RSS
types, key and RETA, queue start/stop, promiscuous and all-multicast, stats
clear, xstats, descriptor status, port reset, link down/up, bad input) run
once with Debian's net_ena and once with this tree's, each on the emulated
ENA over a loopback wire. Every step is judged by what testpmd printed (a
refusal message) or, for the forwarding steps, by the port counters
reaching a target within a deadline.

A step that succeeds on upstream and fails on ours is a regression and
fails the run. Steps that succeed on ours and fail on upstream are printed
("ours only: ...") and must be exactly the list kept in the user guide
between the "testpmd-diff" markers, so that the guide stays true. Steps
whose verdict a crash of the upstream PMD left unknown are printed and not
counted. Ends with "N passed, N failed".

usage: testpmd-diff.py [-b BUILDDIR] [--guide doc/guides/nics/ena.rst]
                       [--only SESSION]...
KEEP=1 keeps the transcripts (they are also kept when a check fails).
"""

import argparse
import os
import re
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import testpmd_runner  # noqa: E402
from testpmd_session import (TestpmdError, TestpmdSession,  # noqa: E402
                             port_stats)

DEADLINE = 20
TARGET = 500
RSS_KEY = "".join("%02x" % ((i * 37 + 11) & 0xff) for i in range(40))

# What testpmd (or ethdev, which it lets print) says when a command fails.
REFUSED = re.compile(
    r"(?i)(\bfail|\berror\b|error:|invalid|not supported|unsupported|"
    r"cannot|can't|bad arguments|bad redirection|unknown|not permitted|"
    r"not implemented|no such|out of range|exceeds|must be|greater than|"
    r"should be|is not|isn't)")
# Lines that belong to no command: events, link polling, PMD notices.
ASYNC = re.compile(r"^(Port \d+: .*event|Checking link statuses|"
                   r"Port \d+: link state change|Done$)")

FWD = "<forward>"

# Sessions: name, emulator devargs, testpmd arguments, steps. A step is a
# testpmd command (or a (command, how it is shown) pair), or FWD: forward
# on the loopback wire until port 0 has received TARGET more packets.
SESSIONS = [
    ("queues", "queues=4", ["--rxq=1", "--txq=1"], [
        "port stop all",
        "port config all rxq 4",
        "port config all txq 4",
        "port start all",
        FWD,
        "show rxq info 0 3",
        "show txq info 0 3",
        "port stop all",
        "port config all rxq 2",
        "port config all txq 2",
        "port start all",
        FWD,
        "show port info 0",
    ]),
    ("mtu", "queues=2", ["--rxq=2", "--txq=2"], [
        "port config mtu 0 1400",
        FWD,
        "port config mtu 0 9000",
        FWD,
        "port config mtu 0 1500",
        "port stop 0",
        "port config mtu 0 9000",
        "port start 0",
        FWD,
        "port stop 0",
        "port config mtu 0 9216",
        "port start 0",
        "show port info 0",
        FWD,
    ]),
    # testpmd's default hash types are IP ones, which upstream does not
    # advertise: it then runs without RSS. --rss-udp gives both RSS.
    ("rss-defaults", "queues=4", ["--rxq=4", "--txq=4"], [
        "port config all rss all",
        "show port 0 rss-hash",
    ]),
    ("rss", "queues=4", ["--rxq=4", "--txq=4", "--rss-udp"], [
        "port config all rss ip",
        "port config all rss udp",
        "port config all rss tcp",
        "port config all rss all",
        "port config all rss default",
        "show port 0 rss-hash",
        "show port 0 rss-hash key",
        ("port config 0 rss-hash-key ipv4 " + RSS_KEY,
         "port config 0 rss-hash-key ipv4 <40-byte key>"),
        "port config 0 rss reta (0,1),(1,2),(2,3),(3,0)",
        "show port 0 rss reta 128 (0xffffffffffffffff,0xffffffffffffffff)",
        "show port 0 rss reta 64 (0xffffffffffffffff)",
        FWD,
    ]),
    ("queue-stop", "queues=2", ["--rxq=2", "--txq=2"], [
        "port 0 rxq 1 stop",
        "port 0 rxq 1 start",
        "port 0 txq 1 stop",
        "port 0 txq 1 start",
        FWD,
    ]),
    ("modes-stats", "queues=2", ["--rxq=2", "--txq=2"], [
        "set promisc 0 off",
        "set promisc 0 on",
        "set allmulti 0 on",
        "set allmulti 0 off",
        FWD,
        "clear port stats 0",
        "show port stats 0",
        "clear port xstats 0",
        "show port xstats 0",
        "show port 0 rxq 0 desc 0 status",
        "show port 0 txq 0 desc 0 status",
        "show port 0 rxq 0 desc used count",
        FWD,
    ]),
    ("reset", "queues=2", ["--rxq=2", "--txq=2"], [
        "port stop 0",
        "port reset 0",
        "port start 0",
        FWD,
    ]),
    ("link", "queues=2", ["--rxq=2", "--txq=2"], [
        "set link-down port 0",
        "set link-up port 0",
        FWD,
    ]),
    ("bad-input", "queues=2", ["--rxq=2", "--txq=2", "--rss-udp"], [
        "port config mtu 0 9217",
        "port config mtu 0 60",
        "port config 0 rss reta (0,7)",
        "port config 0 rss-hash-key ipv4 00",
        "port config all rss sctp",
        "port 0 rxq 5 stop",
        "show port 0 rxq 0 desc 9999 status",
        "port stop all",
        "port config all rxq 9",
        "port start all",
        FWD,
    ]),
]


def verdict(out):
    """True when the output of a command shows no refusal."""
    lines = [ln for ln in out.splitlines() if not ASYNC.search(ln.strip())]
    return not any(REFUSED.search(ln) for ln in lines)


class Runner(testpmd_runner.Runner):
    def __init__(self, plugins):
        super().__init__("testpmd-diff", plugins, "ours")

    def fwd(self, s):
        base = port_stats(s.cmd("show port stats 0")).get(0, {}).get(
            "rx_packets", 0)
        s.cmd("start tx_first")
        ok, _ = s.wait_for(
            "show port stats 0",
            lambda o: port_stats(o).get(0, {}).get("rx_packets", 0)
            >= base + TARGET, DEADLINE)
        s.cmd("stop")
        return ok

    def session(self, pmd, name, emu_args, app, steps):
        """{step label: True/False}; steps after a crash are missing."""
        if pmd != "ours":
            # The upstream 22.11 PMD crashes when a keep-alive event
            # arrives while it closes or resets a port (its interrupt
            # callback outlives the unregistration it ignores -EAGAIN
            # from), and under testpmd it never checks keep-alives (no
            # rte_timer_manage()): its device sends none, so that its
            # verdicts reach the end of each session.
            emu_args += ",ka_stop=1"
        eal = (self.eal("%s_%s" % (pmd, name)) + self.load_for(pmd)
               + ["--vdev", "ena_emu0,pmd=%s,wire=loopback,%s" %
                  (self.selector(pmd), emu_args)])
        app = (app + ["--nb-cores=1", "--forward-mode=io",
                      "--total-num-mbufs=32768"])
        log = self.path("%s-%s.log" % (name, pmd))
        res = {}
        nfwd = 0
        s = None
        try:
            s = TestpmdSession(eal, app, log)
            for step in steps:
                if step == FWD:
                    nfwd += 1
                    label = "%s: forwarding #%d" % (name, nfwd)
                    res[label] = self.fwd(s)
                else:
                    cmd, shown = (step if isinstance(step, tuple)
                                  else (step, step))
                    # A command given again in a session is its own step.
                    label = "%s: %s" % (name, shown)
                    n = 2
                    while label in res:
                        label = "%s: %s (#%d)" % (name, shown, n)
                        n += 1
                    res[label] = verdict(s.cmd(cmd))
        except TestpmdError as e:
            print("%s (%s): testpmd stopped answering: %s" % (name, pmd, e))
        rc = s.close() if s is not None else None
        if pmd == "ours":
            self.check("%s (ours): testpmd exits cleanly" % name, rc == 0,
                       "status %s" % rc)
        return res


def guide_list(path):
    """Steps listed between the testpmd-diff markers of the guide."""
    text = open(path).read()
    m = re.search(r"\.\. testpmd-diff begin\n(.*?)\.\. testpmd-diff end",
                  text, re.S)
    if not m:
        return None
    return [x.strip() for x in re.findall(r"^\* ``(.+?)``", m.group(1),
                                          re.M)]


def main():
    ap = argparse.ArgumentParser(usage="%(prog)s [-b BUILDDIR] [--guide RST]")
    ap.add_argument("-b", dest="build", default="build")
    ap.add_argument("--guide", default="doc/guides/nics/ena.rst")
    ap.add_argument("--only", action="append",
                    help="run this session only (repeatable); no guide check")
    args = ap.parse_args()
    testpmd_runner.require_testpmd()
    r = Runner(args.build)
    ours_only = []
    unknown = []
    for name, emu_args, app, steps in SESSIONS:
        if args.only and name not in args.only:
            continue
        up = r.session("upstream", name, emu_args, app, steps)
        ours = r.session("ours", name, emu_args, app, steps)
        labels = list(dict.fromkeys(list(up) + list(ours)))
        for label in labels:
            u, o = up.get(label), ours.get(label)
            if u is None:
                print("unknown (upstream crashed before): %s" % label)
                unknown.append(label)
                continue
            r.check("regression: %s (upstream ok, ours refused)" % label,
                    not (u and not o))
            if o and not u:
                ours_only.append(label)
        print("%s: %d steps" % (name, len(steps)))

    for label in ours_only:
        print("ours only: %s" % label)
    listed = guide_list(args.guide)
    if args.only:
        pass
    elif listed is None:
        r.check("%s has the testpmd-diff list" % args.guide, False)
    else:
        for label in ours_only:
            r.check("'%s' listed in %s" % (label, args.guide),
                    label in listed)
        for label in listed:
            r.check("'%s' of %s is still a difference" % (label,
                                                          args.guide),
                    label in ours_only or label in unknown)
    return r.finish()


if __name__ == "__main__":
    sys.exit(main())

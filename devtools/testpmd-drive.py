#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 dpdk-ena authors
"""Drive an interactive dpdk-testpmd through a pipe for devtools/run.sh.

Starts testpmd (the command line after "--"), waits for its prompt, starts
forwarding, prints one stats line per interval, then the per-port throughput
and the PMD's extended statistics, and stops it cleanly. Every wait is bounded:
a testpmd that does not answer within the deadline is reported and killed.

Exit status: 0 when packets were forwarded (or --expect-traffic=no), 1 on a
testpmd failure or no traffic, 2 on bad usage.
"""

import argparse
import os
import re
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from testpmd_session import (TestpmdError, TestpmdSession,  # noqa: E402
                             port_stats, xstats)

# ethdev's generic xstats, shared by every PMD; the rest are the PMD's own.
GENERIC_XSTAT = re.compile(
    r"^(rx|tx)_(good_packets|good_bytes|missed_errors|errors|"
    r"mbuf_allocation_errors|q\d+_(packets|bytes|errors))$")


def bar2_mapping(addr, pat_list):
    """How the kernel mapped the LLQ BAR, from the PAT memtype list."""
    try:
        start = int(addr, 16)
        with open(pat_list) as f:
            lines = f.read().splitlines()
    except (OSError, ValueError) as e:
        return ("mapping unknown (%s; mount debugfs: mount -t debugfs none "
                "/sys/kernel/debug)" % e)
    for line in lines:
        m = re.search(r"\[mem 0x([0-9a-f]+)-0x([0-9a-f]+)\]\s+(\S+)", line)
        if m and int(m.group(1), 16) <= start < int(m.group(2), 16):
            kind = m.group(3)
            if kind == "write-combining":
                return "write-combining: LLQ pushes are full-speed"
            return ("%s: NOT write-combining; every LLQ push is split into "
                    "8-byte uncached writes and Tx is slow (see the guide, "
                    "Prerequisites)" % kind)
    return "mapping not found in %s" % pat_list


def rate(count, seconds):
    return count / seconds if seconds > 0 else 0.0


def human(value, unit):
    for scale, prefix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if value >= scale:
            return "%.2f %s%s" % (value / scale, prefix, unit)
    return "%.0f %s" % (value, unit)


def stats_line(elapsed, now, before, dt):
    parts = ["%6.1fs" % elapsed]
    for port in sorted(now):
        cur, old = now[port], before.get(port, {})
        rx = cur["rx_packets"] - old.get("rx_packets", 0)
        tx = cur["tx_packets"] - old.get("tx_packets", 0)
        txb = cur["tx_bytes"] - old.get("tx_bytes", 0)
        drops = (cur["rx_missed"] + cur["rx_errors"] + cur["tx_errors"]
                 + cur["rx_nombuf"])
        parts.append("port %d: rx %s tx %s (%s) drops %d" % (
            port, human(rate(rx, dt), "pps"), human(rate(tx, dt), "pps"),
            human(rate(txb * 8, dt), "bit/s"), drops))
    return "  ".join(parts)


def summary(ports, first, last, seconds, xstats_by_port):
    print("")
    print("==== Summary: %.1f s of forwarding ====" % seconds)
    print("%-5s %13s %13s %8s %8s %9s %9s %7s" % (
        "port", "rx packets", "tx packets", "rx Mpps", "tx Mpps",
        "rx Gbit/s", "tx Gbit/s", "errors"))
    total = 0
    for port in ports:
        cur, old = last.get(port, {}), first.get(port, {})
        d = {k: cur.get(k, 0) - old.get(k, 0) for k in cur}
        total += d.get("rx_packets", 0) + d.get("tx_packets", 0)
        errors = (d.get("rx_missed", 0) + d.get("rx_errors", 0)
                  + d.get("tx_errors", 0) + d.get("rx_nombuf", 0))
        print("%-5d %13d %13d %8.3f %8.3f %9.3f %9.3f %7d" % (
            port, d.get("rx_packets", 0), d.get("tx_packets", 0),
            rate(d.get("rx_packets", 0), seconds) / 1e6,
            rate(d.get("tx_packets", 0), seconds) / 1e6,
            rate(d.get("rx_bytes", 0) * 8, seconds) / 1e9,
            rate(d.get("tx_bytes", 0) * 8, seconds) / 1e9, errors))
    for port, xstats in sorted(xstats_by_port.items()):
        own = [(n, v) for n, v in xstats if not GENERIC_XSTAT.match(n)]
        nonzero = [(n, v) for n, v in own if v]
        print("")
        print("PMD extended statistics, port %d (%d counters, %d non-zero; "
              "ethdev generic counters omitted):" % (port, len(own),
                                                      len(nonzero)))
        if not own:
            print("  (the PMD reports no counters of its own)")
        width = max([len(n) for n, _ in nonzero] + [10])
        for name, value in nonzero:
            print("  %-*s %16d" % (width, name, value))
        # Per-queue counters that are zero on every queue fold into qN.
        nonzero_names = {n for n, _ in nonzero}
        zero = []
        for n, v in own:
            if v:
                continue
            folded = re.sub(r"_q\d+_", "_qN_", n)
            if folded != n and any(re.sub(r"_q\d+_", "_qN_", m) == folded
                                   for m in nonzero_names):
                folded = n
            if folded not in zero:
                zero.append(folded)
        if zero:
            print("  zero: " + ", ".join(zero))
    return total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--interval", type=float, default=1)
    ap.add_argument("--start", default="start tx_first",
                    help="command that starts forwarding")
    ap.add_argument("--setup", action="append", default=[],
                    help="testpmd command to give before the start "
                    "(repeatable)")
    ap.add_argument("--log", required=True, help="full testpmd transcript")
    ap.add_argument("--init-timeout", type=float, default=120)
    ap.add_argument("--expect-traffic", choices=("yes", "no"), default="yes")
    ap.add_argument("--bar2", help="physical address of BAR 2: report "
                    "how it is mapped (PAT memtype list, needs debugfs)")
    ap.add_argument("--pat-list",
                    default="/sys/kernel/debug/x86/pat_memtype_list")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    cmd = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
    if not cmd or args.seconds <= 0 or args.interval <= 0:
        ap.error("need a testpmd command line after --, positive durations")

    tp = None
    status = 1
    try:
        tp = TestpmdSession(None, None, args.log, argv=cmd,
                            start_timeout=args.init_timeout)
        # The PMD's probe summary (LLQ mode, queues, rings, MTU).
        probe = [line.split("(): ", 1)[-1]
                 for line in tp.startup.splitlines()
                 if re.match(r"^ena(_base)?: ", line)]
        if probe:
            print("PMD probe:   " + "\n             ".join(probe))
        if args.bar2:
            print("BAR 2:       " + bar2_mapping(args.bar2, args.pat_list))
        for c in args.setup:
            tp.cmd(c)
        first = port_stats(tp.cmd("show port stats all"))
        ports = sorted(first)
        if not ports:
            raise TestpmdError("testpmd has no port")
        tp.cmd(args.start)
        t0 = prev_t = time.monotonic()
        prev = first
        print("forwarding for %g s; stats every %g s (packets per second "
              "since the previous line)" % (args.seconds, args.interval))
        end = t0 + args.seconds
        while True:
            now_t = time.monotonic()
            wake = min(prev_t + args.interval, end)
            if wake > now_t:
                time.sleep(wake - now_t)  # pacing of the report, not a sync
            cur = port_stats(tp.cmd("show port stats all"))
            t = time.monotonic()
            print(stats_line(t - t0, cur, prev, t - prev_t), flush=True)
            prev, prev_t = cur, t
            if t >= end:
                break
        elapsed = prev_t - t0
        last = prev
        xs = {p: list(xstats(tp.cmd("show port xstats %d" % p)).items())
              for p in ports}
        tp.cmd("stop")
        total = summary(ports, first, last, elapsed, xs)
        if total == 0 and args.expect_traffic == "yes":
            print("\nrun: FAILED: no packet was forwarded; see %s"
                  % args.log)
        else:
            status = 0
    except TestpmdError as e:
        print("run: testpmd failed: %s" % e)
        try:
            with open(args.log, errors="replace") as f:
                tail = f.read().splitlines()[-25:]
        except OSError:
            tail = []
        for line in tail:
            print("    " + line)
        print("run: full transcript in %s" % args.log)
    if tp is None:
        return status
    rc = tp.close()
    if rc is None:
        print("run: testpmd did not exit after quit; killed it")
        status = 1
    elif rc != 0 and status == 0:
        print("run: testpmd exited with status %d; see %s" % (rc, args.log))
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 dpdk-ena authors
"""Acceptance run of this tree's ENA PMD in Debian's dpdk-testpmd.

The PMD drives the emulated ENA on a loopback wire: io/mac/csum forwarding
with 1 and 4 queues, LLQ on and off; MTU 1500 and 9000 with big frames;
port info, xstats names, RSS hash types, MTU range refusal; port
stop/start, reset, close. Every wait is on a prompt or on counters with a
deadline. Ends with "N passed, N failed".

usage: pmd-testpmd.py -b DIR   (DIR from devtools/plugin-dir.sh BUILD)
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
                             port_stats, xstats)

DEADLINE = 20
TARGET = 2000


class Runner(testpmd_runner.Runner):
    def __init__(self, plugins):
        super().__init__("pmd-testpmd", plugins, "ours")

    def session(self, name, llq, app):
        eal = (self.eal(name) + self.load
               + ["--vdev", "ena_emu0,pmd=%s,wire=loopback,queues=4,llq=%d"
                  % (self.pmd, llq)])
        return TestpmdSession(eal, ["--total-num-mbufs=32768"] + app,
                              self.path(name + ".log"))

    def forward(self, s, what, start="start tx_first"):
        """Start, wait for TARGET received, stop; check the stop output."""
        s.cmd("clear port stats all")
        s.cmd(start)
        ok, out = s.wait_for(
            "show port stats 0",
            lambda o: port_stats(o).get(0, {}).get("rx_packets", 0)
            >= TARGET, DEADLINE)
        stop = s.cmd("stop")
        self.check("%s: Rx reaches %d" % (what, TARGET), ok,
                   str(port_stats(out).get(0)))
        m = re.search(r"Accumulated forward statistics[^\n]*\n\s*"
                      r"RX-packets:\s+(\d+)\s+RX-dropped:\s+(\d+)\s+"
                      r"RX-total:\s+\d+\s*\n\s*TX-packets:\s+(\d+)\s+"
                      r"TX-dropped:\s+(\d+)", stop)
        if not m:
            self.check("%s: stop statistics" % what, False, stop[-400:])
            return stop
        rx, rxd, tx, txd = map(int, m.groups())
        # Loopback: all sent comes back except what is in flight at stop.
        self.check("%s: RX~TX, no drops (rx %d tx %d drop %d/%d)" %
                   (what, rx, tx, rxd, txd),
                   rx >= TARGET and rxd == 0 and txd == 0
                   and abs(tx - rx) <= 4096)
        st = port_stats(s.cmd("show port stats 0")).get(0, {})
        self.check("%s: no port errors" % what,
                   st.get("rx_errors", 1) == 0 and st.get("tx_errors", 1)
                   == 0 and st.get("rx_missed", 1) == 0, str(st))
        return stop


def main():
    ap = argparse.ArgumentParser(usage="%(prog)s -b PLUGIN_DIR")
    ap.add_argument("-b", dest="plugins", required=True)
    args = ap.parse_args()
    testpmd_runner.require_testpmd()
    r = Runner(args.plugins)

    for llq in (1, 0):
        for q in (1, 4):
            name = "fwd_q%d_llq%d" % (q, llq)
            try:
                s = r.session(name, llq, ["--rxq=%d" % q, "--txq=%d" % q])
                for mode in ("io", "mac", "csum"):
                    s.cmd("set fwd %s" % mode)
                    r.forward(s, "%s %s" % (name, mode))
                if llq and q == 4:
                    misc(r, s)
                else:
                    r.check("%s: exit 0" % name, s.close() == 0)
            except TestpmdError as e:
                r.check("%s: testpmd" % name, False, str(e))

    try:
        jumbo(r)
    except TestpmdError as e:
        r.check("jumbo: testpmd", False, str(e))

    return r.finish()


def misc(r, s):
    info = s.cmd("show port info 0")
    r.check("info: driver net_ena", re.search(r"Driver name:\s+net_ena\b",
                                              info) is not None)
    r.check("info: MAC", re.search(r"MAC address:\s+([0-9A-F]{2}:){5}"
                                   r"[0-9A-F]{2}", info) is not None)
    m = re.search(r"Max possible RX queues:\s+(\d+)", info)
    r.check("info: max Rx queues 4", m is not None and int(m.group(1)) == 4)
    # testpmd 22.11 shows the MTU range as the longest Rx frame: the
    # device's 9216 B MTU plus the 14 B Ethernet header.
    m = re.search(r"Maximum configurable length of RX packet:\s+(\d+)", info)
    max_len = int(m.group(1)) if m else 0
    mtu_max = max_len - 14
    r.check("info: max Rx frame = MTU 9216 + 14 (%d)" % max_len,
            max_len == 9230)
    xs = xstats(s.cmd("show port xstats 0"))
    for n in ("wd_expired", "rx_q0_cnt", "tx_q0_llq_pushes"):
        r.check("xstats: %s listed" % n, n in xs)
    for t in ("ip", "udp", "tcp", "all"):
        out = s.cmd("port config all rss %s" % t)
        r.check("rss %s accepted" % t, "rror" not in out and
                "not supported" not in out, out)
        h = s.cmd("show port 0 rss-hash")
        want = {"ip": "ipv4", "udp": "udp", "tcp": "tcp", "all": "ipv4"}[t]
        r.check("rss-hash reflects %s" % t, want in h, h)
    s.cmd("port stop 0")
    out = s.cmd("port config mtu 0 %d" % (mtu_max + 1))
    r.check("mtu %d (max + 1) refused" % (mtu_max + 1),
            re.search(r"> device max MTU", out) is not None, out)
    out = s.cmd("port config mtu 0 %d" % mtu_max)
    r.check("mtu %d (max) accepted" % mtu_max,
            "rror" not in out and "max MTU" not in out, out)
    s.cmd("port config mtu 0 1500")
    s.cmd("port start 0")
    s.cmd("set fwd io")
    r.forward(s, "after stop/start")
    s.cmd("port stop 0")
    out = s.cmd("port reset 0")
    r.check("port reset accepted", "Done" in out and "Failed" not in out,
            out)
    s.cmd("port start 0")
    r.forward(s, "after reset")
    s.cmd("port stop 0")
    s.cmd("port close 0")
    r.check("port close, quit: exit 0", s.close() == 0)


def jumbo(r):
    s = r.session("jumbo", 1, ["--max-pkt-len=9014", "--enable-scatter",
                               "--forward-mode=io"])
    info = s.cmd("show port info 0")
    r.check("jumbo: MTU 9000 from max-pkt-len",
            re.search(r"MTU:\s+9000", info) is not None)
    s.cmd("port stop all")
    s.cmd("port config mtu 0 1500")
    s.cmd("port start all")
    s.cmd("set txpkts 1400")
    stop = r.forward(s, "mtu 1500")
    s.cmd("port stop all")
    out = s.cmd("port config mtu 0 9000")
    r.check("jumbo: mtu 9000 accepted", "rror" not in out, out)
    s.cmd("port start all")
    s.cmd("set txpkts 2048,2048,2048,1800")
    stop = r.forward(s, "mtu 9000")
    st = port_stats(s.cmd("show port stats 0")).get(0, {})
    r.check("jumbo: big frames received (bytes/pkt %s)" %
            (st.get("rx_bytes", 0) // max(st.get("rx_packets", 1), 1)),
            st.get("rx_bytes", 0) >= 7000 * max(st.get("rx_packets", 1), 1))
    del stop
    r.check("jumbo: exit 0", s.close() == 0)


if __name__ == "__main__":
    sys.exit(main())

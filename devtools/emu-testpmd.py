#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 dpdk-ena authors
"""Control-path scenarios of the emulated ENA device under Debian's testpmd.

A PMD (upstream by default, this tree's with -p ours) drives the emulator
on a loopback wire through: probe and port info (MAC, queues, MTU range,
offload caps, MTU refusal), io forwarding with LLQ off and on and 1 and 4
queues, port stop/start then close and detach, and the fault knobs seen
from the driver (Tx completions stopped, bad Tx/Rx req_id, link flaps,
fatal error). Every wait is on testpmd's prompt or on a counter or log line
with a deadline. Ends with "N passed, N failed".

usage: emu-testpmd.py [-b BUILDDIR] [-p ours|PMD-path-substring]
KEEP=1 keeps the transcripts (they are also kept when a check fails).
"""

import os
import re
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import testpmd_runner  # noqa: E402
from testpmd_session import (TestpmdError, TestpmdSession,  # noqa: E402
                             port_stats, xstats)

DEADLINE = 20
TARGET = 1000
ADDR = "0000:00:06.0"


class Runner(testpmd_runner.Runner):
    def __init__(self, plugins, pmd):
        super().__init__("emu-testpmd", plugins, pmd)

    def log(self, name):
        return self.transcript(name)

    def session(self, name, queues, devargs, app_extra=()):
        eal = (self.eal(name) + self.load
               + ["--vdev", "ena_emu0,pmd=%s,queues=%d,%s" %
                  (self.pmd, max(queues, 1), devargs),
                  "--log-level=pmd.net.ena_emu:info"])
        # queues 0: testpmd's defaults, which it also accepts with no port.
        app = (["--rxq=%d" % queues, "--txq=%d" % queues] if queues else [])
        app += ["--nb-cores=1", "--forward-mode=io",
                "--total-num-mbufs=%d" % (8192 + queues * 4096)]
        app += list(app_extra)
        return TestpmdSession(eal, app, self.path(name + ".log"))

    def exit_ok(self, name, rc):
        """testpmd's exit status after every port was closed.

        The upstream PMD's close ignores -EAGAIN from
        rte_intr_callback_unregister, so an admin-completion callback still
        running can touch the freed port: a non-zero status from it is
        reported as that known driver race, not counted against the device.
        """
        if rc == 0:
            self.check("%s: clean exit" % name, True)
        elif not self.ours and rc is not None and rc < 0:
            print("%s: NOTE: upstream PMD exited on signal %d "
                  "(its close/interrupt race); transcript kept" %
                  (name, -rc))
            self.keep = True
        else:
            self.check("%s: clean exit" % name, False, "status %s" % rc)

    def run(self, name, queues, devargs, body, app_extra=()):
        """body(session) in a fresh testpmd, then a clean close."""
        t0 = time.monotonic()
        s = None
        try:
            s = self.session(name, queues, devargs, app_extra)
            body(s)
        except TestpmdError as e:
            self.check("%s: testpmd answered" % name, False, str(e))
        rc = s.close() if s is not None else None
        self.exit_ok(name, rc)
        print("%s: %.1f s" % (name, time.monotonic() - t0))
        return self.log(name)

    def wait_rx(self, s, what, target=TARGET):
        """Until port 0 has received target more packets than now (the
        upstream PMD cannot clear its counters)."""
        base = port_stats(s.cmd("show port stats 0")).get(0, {}).get(
            "rx_packets", 0)
        ok, out = s.wait_for(
            "show port stats 0",
            lambda o: port_stats(o).get(0, {}).get("rx_packets", 0)
            >= base + target, DEADLINE)
        self.check("%s: Rx reaches %d within %d s" % (what, target, DEADLINE),
                   ok, str(port_stats(out).get(0)))

    def wait_log(self, s, name, pattern, count=1):
        """Until the transcript holds count lines matching pattern."""
        ok, _ = s.wait_for(
            "show port stats 0",
            lambda o: len(re.findall(pattern, self.log(name), re.M))
            >= count, DEADLINE)
        return ok


def fwd_stats(stop):
    """(RX-packets, TX-packets) of a "stop" command's accumulated block."""
    m = re.search(r"Accumulated forward statistics[^\n]*\n\s*"
                  r"RX-packets:\s+(\d+).*?\n\s*TX-packets:\s+(\d+)", stop)
    return (int(m.group(1)), int(m.group(2))) if m else (None, None)


def scenario_info(r):
    def body(s):
        s.cmd("show port info 0")
        s.cmd("show port 0 rx_offload capabilities")
        s.cmd("show port 0 tx_offload capabilities")
        s.cmd("port stop 0")
        s.cmd("port config mtu 0 4000")
        s.cmd("port config mtu 0 4001")
        s.cmd("port start 0")
        s.cmd("show port info 0")

    log = r.run("info", 4, "llq=1,mac=02:11:22:33:44:55,mtu_max=4000", body)

    def has(what, pattern):
        r.check("info: " + what, re.search(pattern, log, re.M) is not None)

    has("driver picked by pmd=%s" % r.pmd,
        r"ena_emu0: using PCI driver net_ena from .*" + re.escape(r.pmd))
    has("MAC", r"MAC address: 02:11:22:33:44:55")
    has("Rx queues", r"Max possible RX queues: 4")
    has("Tx queues", r"Max possible TX queues: 4")
    # mtu_max plus an L2 overhead of 14 to 22 bytes, as the PMD counts it.
    has("max Rx length = mtu_max + L2",
        r"Maximum configurable length of RX packet: 40(1[4-9]|2[0-2])$")
    has("link up", r"Link status: up")
    has("Rx IPv4 csum", r"Per (Port|Queue) *:.*IPV4_CKSUM")
    has("Rx L4 csum", r"Per (Port|Queue) *:.*UDP_CKSUM")
    has("Tx TCP csum offered", r"TCP_CKSUM")
    has("MTU 4001 refused", r"MTU \(4001\) > device max|Set MTU failed")
    has("MTU 4000 set", r"MTU: 4000")
    r.check("info: no PMD errors",
            re.search(r"Failed to|Admin command failed", log) is None)


def scenario_forward(r, llq, queues):
    name = "fwd_l%d_q%d" % (llq, queues)
    got = {}

    def body(s):
        s.cmd("start tx_first")
        r.wait_rx(s, name)
        got["rx"], got["tx"] = fwd_stats(s.cmd("stop"))

    log = r.run(name, queues, "llq=%d,wire=loopback" % llq, body)
    rx, tx = got.get("rx"), got.get("tx")
    print("%s: rx %s tx %s" % (name, rx, tx))
    negotiated = "ena_emu0: LLQ: entry" in log
    if llq:
        r.check("%s: driver negotiated LLQ" % name, negotiated)
    else:
        r.check("%s: no LLQ without the feature" % name, not negotiated)
    r.check("%s: forwarded >= %d (rx %s)" % (name, TARGET, rx),
            rx is not None and rx >= TARGET)
    r.check("%s: forwarded >= %d (tx %s)" % (name, TARGET, tx),
            tx is not None and tx >= TARGET)


def scenario_cycle(r):
    got = []
    crashed = []

    def body(s):
        for _ in range(2):
            s.cmd("start tx_first")
            r.wait_rx(s, "cycle")
            got.append(fwd_stats(s.cmd("stop"))[0])
            s.cmd("port stop 0")
            if len(got) == 1:
                s.cmd("port start 0")
        s.cmd("port close 0")
        try:
            s.cmd("device detach %s" % ADDR)
        except TestpmdError as e:
            # The upstream PMD's close/interrupt race (see exit_ok) can
            # kill testpmd here: noted for it, a failure for ours.
            if r.ours or "status -" not in str(e):
                raise
            crashed.append(str(e))

    # The upstream 22.11 PMD can crash when a keep-alive interrupt comes
    # during its close (see exit_ok); under testpmd it never checks them
    # (its watchdog needs rte_timer_manage()), so it is sent none.
    log = r.run("cycle", 2, "llq=1,wire=loopback" +
                ("" if r.ours else ",ka_stop=1"), body)
    if crashed:
        print("cycle: NOTE: upstream PMD died at device detach (%s), its "
              "close/interrupt race" % crashed[0])
    got += [None, None]
    print("cycle: rx %s then %s" % (got[0], got[1]))
    r.check("cycle: forwarding before restart",
            got[0] is not None and got[0] >= TARGET)
    r.check("cycle: forwarding after port stop/start",
            got[1] is not None and got[1] >= TARGET)
    r.check("cycle: port closed", "Port 0 is closed" in log)
    if not crashed:
        r.check("cycle: device detached",
                "Device %s is detached" % ADDR in log)


def scenario_tx_comp_stop(r):
    """With completions stopped the Tx ring fills and Tx stalls there."""
    seen = []

    def stalled(out):
        seen.append(port_stats(out).get(0, {}).get("tx_packets", 0))
        # Ten polls in a row with the same non-zero count: a stall, which
        # a device that completes would never show at line rate.
        last = seen[-10:]
        return len(last) == 10 and last[0] > 0 and len(set(last)) == 1

    def body(s):
        s.cmd("start tx_first")
        ok, _ = s.wait_for("show port stats 0", stalled, DEADLINE)
        r.check("tx_comp_stop: Tx count stops growing", ok, str(seen[-10:]))
        s.cmd("stop")

    r.run("f_txstop", 1, "tx_comp_stop=1,wire=loopback", body)
    tx = seen[-1] if seen else None
    print("tx_comp_stop: %s packets sent before the ring filled" % tx)
    r.check("tx_comp_stop: Tx stalls within the ring (tx %s)" % tx,
            tx is not None and 0 < tx <= 2048)


def scenario_bad_req_id(r, way):
    name = "f_%sbad" % way
    key = "%s_q0_bad_req_id" % way
    found = {}

    # The upstream PMD's base layer refuses an out-of-range Tx req_id with
    # a log line before its counter would see it.
    def seen(out):
        return (xstats(out).get(key, 0) > 0 or
                "Invalid req id" in r.log(name))

    def body(s):
        s.cmd("start tx_first")
        ok, out = s.wait_for("show port xstats 0", seen, DEADLINE)
        found["ok"] = ok
        s.cmd("stop")

    r.run(name, 1, "%s_bad_req_id=1,wire=loopback" % way, body)
    r.check("%s_bad_req_id: PMD counted a bad %s req_id (%s)" %
            (way, way.capitalize(), key), found.get("ok", False))


def scenario_link_flap(r):
    event = r"Port 0: link state change event"
    found = {}

    def body(s):
        found["ok"] = r.wait_log(s, "f_flap", event, 4)

    log = r.run("f_flap", 1, "link_flap_ms=400", body)
    n = len(re.findall(event, log))
    print("link_flap_ms=400: %d link events in testpmd" % n)
    r.check("link_flap_ms: link events reach the app (%d)" % n,
            found.get("ok", False))


def scenario_fatal(r):
    found = {}

    def body(s):
        s.cmd("start tx_first")
        found["dev"] = r.wait_log(s, "f_fatal",
                                  r"ena_emu0: device error: fatal")
        found["pmd"] = r.wait_log(
            s, "f_fatal", r"Unknown event was received|reported a fatal error")
        s.cmd("stop")

    r.run("f_fatal", 1, "fatal=1000,wire=loopback", body)
    r.check("fatal: device raised it", found.get("dev", False))
    r.check("fatal: PMD received the AENQ event", found.get("pmd", False))


# The remaining fault knobs, one testpmd each: what the device does (its
# own log line where it has one) and what the driver then logs, for our PMD
# and for the upstream one. Each entry: knob devargs, commands before
# "start tx_first" (None: no traffic), and per PMD the log lines to wait for
# in order; "RX" stands for Rx reaching TARGET packets, "PORT" for the port
# having come up, "NOPORT" for the probe having failed.
PORT = r"^Port 0: ([0-9A-F]{2}:){5}[0-9A-F]{2}"
NOPORT = r"PCI driver net_ena probe failed"
KNOBS = [
    ("version=0x008", None, {
        "ours": [r"device version is too low: 0\.8", NOPORT],
        # Upstream checks only the controller version.
        "upstream": [PORT]}),
    ("ctrl_version=0xff000000", None, {
        "ours": [r"device version is too low: controller 0\.0\.0", NOPORT],
        "upstream": [r"ENA ctrl version is lower than the minimal", NOPORT]}),
    ("dma_width=70", None, {
        "ours": [r"Invalid dma width value 70", NOPORT],
        # Upstream logs it and goes on with the 70-bit width.
        "upstream": [r"DMA width illegal value: 70", PORT]}),
    ("mmio_late_ms=1000", None, {
        "ours": [r"mmio read less timed out", r"Can not reset device",
                 NOPORT],
        "upstream": [r"Reading reg failed for timeout", NOPORT]}),
    ("reset_stuck=1", None, {
        "dev": r"reset held in progress by fault",
        "ours": [r"reset \(reason 0\) did not finish within", NOPORT],
        "upstream": [r"Reset indication didn't turn off", NOPORT]}),
    ("admin_drop=1", None, {
        "dev": r"admin command 0 \(opcode 9\) dropped by fault",
        "ours": [r"timed out after \d+ us; admin queue is now dead",
                 NOPORT],
        "upstream": [r"Wait for completion \(polling\) timeout",
                     r"Cannot get attribute for ENA device", NOPORT]}),
    ("admin_delay_ms=100", [], {
        "ours": [PORT, "RX"],
        "upstream": [PORT, "RX"]}),
    ("admin_err=1,admin_err_opcode=9", [], {
        "dev": r"admin command 0 \(opcode 9\) fails with status 6 by "
               r"fault",
        "ours": [r"device refused the host info", PORT, "RX"],
        "upstream": [r"Cannot set host attributes", PORT, "RX"]}),
    ("admin_err=1000,admin_err_opcode=1", [], {
        "dev": r"\(opcode 1\) fails with status 6 by fault",
        "ours": [r"cannot create txq 0 on the device",
                 r"Fail to start port 0"],
        "upstream": [r"Failed to create IO SQ", r"Fail to start port 0"]}),
    ("rx_split=4", ["set txpkts 1500"], {
        "ours": ["RX"], "upstream": ["RX"]}),
    ("rx_split=20", ["set txpkts 1500"], {
        "ours": [r"Too many RX cdescs",
                 r"device needs a reset, reason TOO_MANY_RX_DESCS"],
        # Upstream asks for its reset (TOO_MANY_RX_DESCS) only at close.
        "upstream": [r"Too many RX cdescs \(20\) > MAX\(16\)"]}),
    ("rx_stale_req_id=1", [], {
        "ours": [r"device needs a reset, reason INV_RX_REQ_ID"],
        # Upstream takes the NULL mbuf of the stale id and crashes: not run.
        "upstream": None}),
    ("rx_long=1", [], {
        "ours": [r"device needs a reset, reason RX_DESC_MALFORMED"],
        # Upstream hands the packet on with its data past the buffer.
        "upstream": ["RX"]}),
    ("llq_burst=256", [], {
        "ours": ["RX"], "upstream": ["RX"]}),
    ("tx_reorder=1", [], {
        "ours": ["RX"], "upstream": ["RX"]}),
    ("ka_stop=1", [], {
        # Ours runs its watchdog from an EAL alarm; upstream needs the
        # application to call rte_timer_manage(), which testpmd does not.
        "ours": [r"device needs a reset, reason KEEP_ALIVE_TO"],
        "upstream": ["RX"]}),
]


def scenario_knob(r, devargs, pre, expect):
    name = "k_" + re.sub(r"[^a-z0-9]+", "_", devargs)
    kind = "ours" if r.ours else "upstream"
    want = expect[kind]
    if want is None:
        print("%s: not run on the %s PMD (see the table's comment)" %
              (devargs, kind))
        return
    got = []

    def body(s):
        if pre is not None and PORT in want:
            r.wait_log(s, name, PORT)
        if pre is not None:
            for c in pre:
                s.cmd(c)
            s.cmd("start tx_first")
        for w in want:
            if w == "RX":
                ok, _ = s.wait_for(
                    "show port stats 0",
                    lambda o: port_stats(o).get(0, {}).get("rx_packets", 0)
                    >= TARGET, DEADLINE)
            else:
                ok = r.wait_log(s, name, w)
            got.append(ok)
            if not ok:
                break
        if pre is not None:
            s.cmd("stop")

    log = r.run(name, 0 if pre is None else 1, "wire=loopback," + devargs,
                body, ["--enable-scatter"])
    for i, w in enumerate(want):
        what = ("Rx reaches %d" % TARGET if w == "RX" else
                "port came up" if w == PORT else
                "probe failed" if w == NOPORT else "logs '%s'" % w)
        r.check("%s: %s PMD %s" % (devargs, kind, what),
                i < len(got) and got[i])
    if "dev" in expect:
        r.check("%s: device logs '%s'" % (devargs, expect["dev"]),
                re.search(expect["dev"], log, re.M) is not None)
    # What the driver said, for the record.
    said = [ln.strip() for ln in log.splitlines()
            if re.search(r"ena_base:|^ena: |\[ENA_COM|^ena_\w+\(\)|"
                         r"^eth_ena|Fail to start", ln)
            and "queue_release" not in ln]
    for ln in list(dict.fromkeys(said))[:4]:
        print("  %s (%s): %s" % (devargs, kind, ln[:160]))


def main():
    args = testpmd_runner.build_pmd_args()
    r = Runner(args.build, args.pmd)

    scenario_info(r)
    for llq in (0, 1):
        for q in (1, 4):
            scenario_forward(r, llq, q)
    scenario_cycle(r)
    scenario_tx_comp_stop(r)
    scenario_bad_req_id(r, "tx")
    scenario_bad_req_id(r, "rx")
    scenario_link_flap(r)
    scenario_fatal(r)
    for devargs, pre, expect in KNOBS:
        scenario_knob(r, devargs, pre, expect)

    return r.finish()


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 dpdk-ena authors
"""The emulator's TAP wire with the kernel as the peer.

    emu-tap-test.py -b PLUGINS [--server BUILD/emu/ena-vfio-user]

An emulated ENA with wire=tap:<ifname> (vdev front end) is driven by our PMD
in testpmd, forwarding in icmpecho mode (it answers ARP and ICMP echo
requests); the TAP interface is moved into a network namespace made for
the test, given an address, and ping from there must be answered through
the device: kernel -> TAP -> device Rx -> PMD -> testpmd -> PMD Tx ->
device -> TAP -> kernel. Also checked: bad tap: values are refused with a
message, the interface disappears with the device, and ena-vfio-user opens
the same wire. Ends with "N passed, N failed".
"""

import argparse
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from testpmd_session import TestpmdSession, TestpmdError, xstats  # noqa: E402
from script_checks import check, summary, wait_until  # noqa: E402


def sh(cmd, timeout=60):
    p = subprocess.run(cmd, shell=True, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=timeout)
    return p.returncode, p.stdout.decode(errors="replace")


def link_exists(name, ns=None):
    pre = "ip netns exec %s " % ns if ns else ""
    return sh("%sip link show %s" % (pre, name))[0] == 0



def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-b", dest="plugins", required=True)
    ap.add_argument("--server", default=None)
    a = ap.parse_args()
    pmd = os.path.join(a.plugins, "drivers", "librte_net_ena.so")
    emu = os.path.join(a.plugins, "emu", "librte_ena_emu.so")
    pid = os.getpid()
    tap = "enatap%d" % (pid % 100000)
    ns = "enatapns%d" % pid
    logdir = os.environ.get("ENA_TAP_LOGDIR", "/tmp")
    log = os.path.join(logdir, "emu-tap-testpmd-%d.log" % pid)

    if not os.path.exists("/dev/net/tun"):
        check(False, "/dev/net/tun exists (modprobe tun)")
        return summary()

    # Refused specs, with the bad value named.
    for bad, why in (("tap:", "empty name"),
                     ("tap:" + "x" * 20, "name too long"),
                     ("tap:a/b", "slash")):
        rc, out = sh("timeout 60 dpdk-testpmd -l 0 --no-huge -m 256 --no-pci "
                     "--file-prefix tapbad%d -d %s -d %s --vdev "
                     "'ena_emu9,wire=%s' -- --total-num-mbufs=2048 "
                     "--no-mlockall 2>&1 </dev/null | head -50" %
                     (pid, pmd, emu, bad))
        check("wire=tap:" in out and "want an interface name" in out,
              "wire=%s (%s) refused with a message naming it" %
              (bad[:12], why))

    eal = ["-l", "0-1", "--no-huge", "-m", "1024", "--no-pci",
           "--file-prefix", "tap%d" % pid, "-d", pmd, "-d", emu,
           "--vdev", "ena_emu0,wire=tap:%s,queues=1,pmd=%s" % (tap, pmd),
           "--log-level=pmd.net.ena_emu:info"]
    try:
        s = TestpmdSession(eal, ["--rxq=1", "--txq=1",
                                 "--total-num-mbufs=8192"], log)
    except TestpmdError as e:
        check(False, "testpmd starts on wire=tap:%s: %s" % (tap, e))
        print(open(log).read()[-2000:])
        return summary()
    check(link_exists(tap), "the device created TAP interface %s" % tap)
    sh("ip netns add %s" % ns)
    try:
        rc, out = sh("ip link set %s netns %s" % (tap, ns))
        check(rc == 0, "TAP interface moved into namespace %s" % ns)
        sh("ip netns exec %s ip addr add 10.77.0.1/24 dev %s" % (ns, tap))
        sh("ip netns exec %s ip link set %s up" % (ns, tap))
        s.cmd("set fwd icmpecho")
        s.cmd("start")
        rc, out = sh("ip netns exec %s ping -c 5 -i 0.2 -W 5 10.77.0.2" % ns)
        m = re.search(r"(\d+) received", out)
        check(m is not None and int(m.group(1)) >= 4,
              "ping from the namespace answered through the emulated ENA "
              "(%s)" % (m.group(0) if m else out.strip()[-100:]))
        rc, out = sh("ip netns exec %s ping -c 3 -i 0.2 -W 5 -s 1400 "
                     "10.77.0.2" % ns)
        m = re.search(r"(\d+) received", out)
        check(m is not None and int(m.group(1)) >= 2,
              "1428 B pings answered too (%s)" %
              (m.group(0) if m else "none"))
        s.cmd("stop")
        xs = xstats(s.cmd("show port xstats 0"))
        check(xs.get("rx_q0_cnt", 0) >= 6 and xs.get("tx_q0_cnt", 0) >= 6,
              "PMD counted the frames (rx %s, tx %s)" %
              (xs.get("rx_q0_cnt"), xs.get("tx_q0_cnt")))
        rc = s.close()
        check(rc == 0, "testpmd closes (status %s)" % rc)
        check(wait_until(lambda: not link_exists(tap, ns), 10),
              "the TAP interface is gone with the device")
    finally:
        s.close()
        sh("ip netns del %s" % ns)

    if a.server and os.access(a.server, os.X_OK):
        sock = "/tmp/enatap-%d.sock" % pid
        p = subprocess.Popen([a.server, "--socket", sock, "--name", "t0",
                              "wire=tap:%s" % tap],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        ok = wait_until(lambda: link_exists(tap) or p.poll() is not None, 10)
        check(bool(ok) and p.poll() is None,
              "ena-vfio-user opens wire=tap:%s" % tap)
        p.terminate()
        out = p.communicate(timeout=20)[0].decode(errors="replace")
        check(p.returncode == 0 and "t0: clients 0" in out,
              "ena-vfio-user stops cleanly and prints its counters")
        check(wait_until(lambda: not link_exists(tap), 10),
              "its TAP interface is gone when it stops")

    return summary()


if __name__ == "__main__":
    sys.exit(main())

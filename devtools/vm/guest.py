#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 dpdk-ena authors
"""Scenarios that run inside the guest (devtools/vm.py boots it).

The guest is the host's Debian root, read-only, with this repository at the
same path: the host's DPDK, testpmd, python3 and this build run here, on a
guest kernel (Debian bookworm's) that sees the emulated ENA functions as
PCI devices 0000:00:06.0 (ec21, LLQ) and 0000:00:07.0 (ec20 or a second
ec21), behind an Intel IOMMU, served by ena-vfio-user on the host.

Each check prints "ok <what>" or "FAIL <what>"; the scenario ends with
"N passed, N failed". "@@HOST <command>" asks the host's server to do
something (a fault knob, a link change); its effect is awaited here.
"""

import glob
import os
import re
import subprocess
import sys
import time

REPO = os.path.realpath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(REPO, "devtools"))
from testpmd_session import TestpmdSession, TestpmdError, port_stats, xstats  # noqa: E402

LOGDIR = "/tmp/vm-logs"
ENA0 = "0000:00:06.0"
ENA1 = "0000:00:07.0"

passed = 0
failed = 0


def say(text):
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
        say("ok   " + what)
    else:
        failed += 1
        say("FAIL " + what)
    return ok


def host(command):
    """Ask the host's ena-vfio-user (control socket) to run command."""
    say("@@HOST " + command)


def sh(cmd, timeout=120, show=True):
    """Run a shell command; (status, output). Output is echoed."""
    try:
        p = subprocess.run(cmd, shell=True, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=timeout)
        out = p.stdout.decode(errors="replace")
        rc = p.returncode
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode(errors="replace")
        rc = None
    if show:
        say("$ " + cmd)
        for line in out.splitlines():
            say("  " + line)
    return rc, out


def modprobe(name):
    rc, _ = sh("modprobe %s" % name)
    return rc == 0


def wait_until(pred, deadline, interval=0.1):
    end = time.monotonic() + deadline
    while True:
        v = pred()
        if v:
            return v
        if time.monotonic() >= end:
            return v
        time.sleep(interval)


def dmesg():
    return subprocess.run(["dmesg"], stdout=subprocess.PIPE).stdout.decode(
        errors="replace")


def driver_of(bdf):
    link = "/sys/bus/pci/devices/%s/driver" % bdf
    return os.path.basename(os.readlink(link)) if os.path.islink(link) else ""


def devbind(bdf, drv):
    rc, out = sh("dpdk-devbind.py -b %s %s" % (drv, bdf))
    return rc == 0 and wait_until(lambda: driver_of(bdf) == drv, 20)


def hugepages(n=384):
    path = "/sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages"
    with open(path, "w") as f:
        f.write(str(n))
    with open(path) as f:
        got = int(f.read())
    return check(got >= n // 2, "%d of %d 2 MiB hugepages reserved" %
                 (got, n))


# ---- devbind -------------------------------------------------------------


def scenario_devbind(args):
    modprobe("ena")
    check(modprobe("vfio-pci"), "vfio-pci module loaded from the guest "
          "kernel's own modules")
    rc, out = sh("dpdk-devbind.py --status-dev net")
    line = [l for l in out.splitlines() if l.startswith(ENA0)]
    check(rc == 0 and line and re.search(r"Elastic Network Adapter|ec21",
                                         line[0]) is not None,
          "dpdk-devbind --status lists %s as an ENA: %s" %
          (ENA0, line[0] if line else "not listed"))
    check(driver_of(ENA0) == "ena", "%s starts bound to the kernel's ena "
          "driver (%s)" % (ENA0, driver_of(ENA0) or "none"))
    groups_before = set(glob.glob("/dev/vfio/[0-9]*"))
    check(devbind(ENA0, "vfio-pci"), "dpdk-devbind -b vfio-pci %s binds it"
          % ENA0)
    grp = os.path.basename(os.readlink(
        "/sys/bus/pci/devices/%s/iommu_group" % ENA0))
    check(os.path.exists("/dev/vfio/%s" % grp),
          "/dev/vfio/%s appears for its IOMMU group (before: %s)" %
          (grp, sorted(groups_before) or "none"))
    rc, out = sh("dpdk-devbind.py --status-dev net")
    check(re.search(r"%s .*drv=vfio-pci" % re.escape(ENA0), out) is not None,
          "--status shows drv=vfio-pci")
    check(devbind(ENA0, "ena"), "bound back to ena")
    ok = wait_until(lambda: glob.glob("/sys/bus/pci/devices/%s/net/*" %
                                      ENA0), 30)
    check(bool(ok), "ena creates its interface again (%s)" %
          (os.path.basename(ok[0]) if ok else "none"))


# ---- testpmd, ours and upstream --------------------------------------------


def testpmd_eal(pmd, bdf, prefix):
    eal = ["-l", "0-1", "-n", "1", "--file-prefix", prefix, "-a", bdf,
           "--log-level=lib.eal:info", "--log-level=pmd.net.ena*:info",
           "--log-level=pmd.net.ena.init:info"]
    if pmd:
        eal += ["-d", pmd]
    return eal


def forward(s, what, mode, seconds=3):
    s.cmd("set fwd %s" % mode)
    s.cmd("clear port stats all")
    s.cmd("start tx_first")
    ok, out = s.wait_for("show port stats 0",
                         lambda o: port_stats(o).get(0, {}).get(
                             "rx_packets", 0) >= 2000, deadline=60)
    s.cmd("stop")
    st = port_stats(s.cmd("show port stats 0")).get(0, {})
    check(ok, "%s: %s forwarding, rx %s tx %s packets" %
          (what, mode, st.get("rx_packets"), st.get("tx_packets")))
    return ok


def testpmd_run(pmd, bdf, devid, ours, tag):
    name = "ours" if ours else "upstream"
    what = "%s %s (%s)" % (name, bdf, devid)
    log = os.path.join(LOGDIR, "testpmd-%s-%s.log" % (name, devid))
    try:
        s = TestpmdSession(testpmd_eal(pmd, bdf, "vm" + tag),
                           ["--rxq=2", "--txq=2", "--nb-cores=1",
                            "--total-num-mbufs=16384"], log,
                           start_timeout=180)
    except TestpmdError as e:
        check(False, "%s: testpmd starts: %s" % (what, e))
        say(open(log).read()[-3000:])
        return
    st = s.startup
    check(re.search(r"Probe PCI driver: net_ena \(1d0f:%s\) device: %s" %
                    (devid, re.escape(bdf)), st) is not None,
          "%s: EAL probes net_ena (1d0f:%s) on %s through the PCI bus" %
          (what, devid, bdf))
    check("IOMMU type 1" in st, "%s: EAL uses VFIO with IOMMU type 1" % what)
    check("ena_emu" not in st, "%s: no emulator vdev in this process" % what)
    info = s.cmd("show port info 0")
    check("net_ena" in info, "%s: port 0 is net_ena" % what)
    forward(s, what, "io")
    forward(s, what, "csum")
    s.cmd("port stop 0")
    s.cmd("port start 0")
    forward(s, what + " after stop/start", "io")
    if ours:
        xs = xstats(s.cmd("show port xstats 0"))
        say("  xstats: " + " ".join("%s=%d" % kv for kv in sorted(
            xs.items()) if kv[1]))
    rc = s.close()
    check(rc == 0, "%s: port close and quit, exit status %s" % (what, rc))
    say("---- %s transcript tail ----" % what)
    for line in open(log).read().splitlines()[-40:]:
        say("  | " + line)


def scenario_testpmd(args, ours):
    os.makedirs(LOGDIR, exist_ok=True)
    check(modprobe("vfio-pci"), "vfio-pci module loaded")
    hugepages()
    for bdf in (ENA0, ENA1):
        check(devbind(bdf, "vfio-pci"), "%s bound to vfio-pci" % bdf)
    pmd = None
    if ours:
        pmd = os.path.join(args, "drivers", "librte_net_ena.so")
        check(os.path.exists(pmd), "our PMD at %s" % pmd)
    testpmd_run(pmd, ENA0, "ec21", ours, "a")
    testpmd_run(pmd, ENA1, "ec20", ours, "b")


# ---- main -----------------------------------------------------------------


def main():
    scenario = sys.argv[1]
    args = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] != "-" else ""
    rc, _ = sh("lspci -nn -d 1d0f:", show=True)
    if scenario == "devbind":
        scenario_devbind(args)
    elif scenario == "testpmd-ours":
        scenario_testpmd(args, True)
    elif scenario == "testpmd-upstream":
        scenario_testpmd(args, False)
    else:
        check(False, "unknown scenario %s" % scenario)
    say("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

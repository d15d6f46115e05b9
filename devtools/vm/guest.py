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
from script_checks import check, say, summary, wait_until  # noqa: E402

LOGDIR = "/tmp/vm-logs"
ENA0 = "0000:00:06.0"
ENA1 = "0000:00:07.0"


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


def forward(s, what, mode):
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


def memzones(s):
    return re.findall(r"name:<(ena_dma_[^>]*)>", s.cmd("dump_memzone"))


def control_path_by_interrupt(s, what, port_name):
    """Admin completions and AENQ events come with the MSI-X vector: the
    interrupt count grows, the polled ones do not."""
    a = xstats(s.cmd("show port xstats 0"))
    # Admin commands from the application's thread (queue destroy and
    # create) and keep-alive events from the device.
    s.cmd("port stop 0")
    s.cmd("port start 0")
    ok, out = s.wait_for("show port xstats 0",
                         lambda o: xstats(o).get("admin_irqs", 0) >=
                         a.get("admin_irqs", 0) + 3, deadline=30,
                         interval=0.5)
    b = xstats(out)
    check(ok, "%s: admin/AENQ MSI-X interrupts grow: admin_irqs %s -> %s" %
          (what, a.get("admin_irqs"), b.get("admin_irqs")))
    check(b.get("admin_irq_completions", 0) > a.get("admin_irq_completions",
                                                     0),
          "%s: admin completions delivered by the interrupt: %s -> %s" %
          (what, a.get("admin_irq_completions"),
           b.get("admin_irq_completions")))
    check(b.get("admin_polled_completions", -1) ==
          a.get("admin_polled_completions", -2),
          "%s: no admin completion found by polling meanwhile (%s -> %s)" %
          (what, a.get("admin_polled_completions"),
           b.get("admin_polled_completions")))
    check(b.get("aenq_polls", -1) == 0 and a.get("aenq_polls", -1) == 0,
          "%s: AENQ never polled (aenq_polls %s)" %
          (what, b.get("aenq_polls")))


def link_events(s, what, port_name):
    host("link %s down" % port_name)
    ok, _ = s.wait_for("show port info 0",
                       lambda o: re.search(r"Link status: down", o),
                       deadline=20, interval=0.3)
    check(ok, "%s: link down from the device (AENQ) shows in port info" %
          what)
    host("link %s up" % port_name)
    ok, _ = s.wait_for("show port info 0",
                       lambda o: re.search(r"Link status: up", o),
                       deadline=20, interval=0.3)
    check(ok, "%s: link up again" % what)
    check("link state change event" in open(s.log.name).read(),
          "%s: testpmd saw the link state change event (LSC interrupt)" %
          what)


def reset_after_fault(s, what, port_name):
    """Keep-alives stop: the watchdog asks for a reset by itself; port
    reset recovers traffic."""
    host("knob %s ka_stop 1" % port_name)
    s.cmd("start")
    ok, _ = s.wait_for("show port info 0",
                       lambda o: "device needs a reset" in
                       open(s.log.name).read(), deadline=60, interval=0.5)
    check(ok, "%s: keep-alive loss detected by the PMD's own watchdog, "
          "reset requested" % what)
    host("knob %s ka_stop 0" % port_name)
    s.cmd("stop")
    s.cmd("port stop 0")
    out = s.cmd("port reset 0", timeout=60)
    check(re.search(r"Done\s*$", out) is not None and "Failed" not in out,
          "%s: port reset: %s" % (what, " | ".join(out.strip().splitlines())))
    s.cmd("port start 0", timeout=60)
    forward(s, what + " after the reset", "io")


def testpmd_run(pmd, bdf, devid, ours, tag, port_name):
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
    if ours:
        check(re.search(r"LLQ BAR2 .* (is write-combined|mapped by vfio-pci "
                        r"is)", st) is not None or devid == "ec20",
              "%s: the write-combining check reports what it found: %s" %
              (what, (re.findall(r"LLQ BAR2[^\n]*", st) or ["(no LLQ)"])[0]))
        check("admin completions and AENQ events by interrupt" in st,
              "%s: control path on the MSI-X admin vector" % what)
    info = s.cmd("show port info 0")
    check("net_ena" in info, "%s: port 0 is net_ena" % what)
    forward(s, what, "io")
    forward(s, what, "csum")
    s.cmd("port stop 0")
    s.cmd("port start 0")
    forward(s, what + " after stop/start", "io")
    if ours:
        control_path_by_interrupt(s, what, port_name)
        link_events(s, what, port_name)
        reset_after_fault(s, what, port_name)
        xs = xstats(s.cmd("show port xstats 0"))
        say("  xstats: " + " ".join("%s=%d" % kv for kv in sorted(
            xs.items()) if kv[1]))
        s.cmd("port stop 0")
        s.cmd("port close 0")
        out = s.cmd("device detach %s" % bdf, timeout=60)
        check(re.search(r"Device .* is detached", out) is not None,
              "%s: device detach after port close: %s" %
              (what, " | ".join(out.strip().splitlines()[-3:])))
        left = memzones(s)
        check(not left, "%s: no PMD memory left after close and detach "
              "(%d ena_dma memzones)" % (what, len(left)))
        out = s.cmd("port attach %s" % bdf, timeout=120)
        check("is attached" in out or "Port 0 is attached" in out,
              "%s: port attach again: %s" % (what, out.strip()[-200:]))
        s.cmd("port start 0", timeout=60)
        forward(s, what + " after re-attach", "io")
    rc = s.close()
    check(rc == 0, "%s: port close and quit, exit status %s" % (what, rc))
    say("---- %s transcript ----" % what)
    for line in open(log).read().splitlines()[-400:]:
        say("  | " + line)


def rx_interrupts(plugins, app, bdf):
    """Our PMD's Rx queue interrupts: a thread sleeps in epoll and wakes
    on traffic (app/test-ena/test_rxintr.c)."""
    if not app or not os.path.exists(app):
        check(False, "dpdk-test-ena for the rxintr suite (%s)" % app)
        return
    rc, out = sh("%s -l 0-1 -n 1 --file-prefix vmrxi -a %s -d %s "
                 "--log-level=pmd.net.ena*:info -- rxintr" %
                 (app, bdf, os.path.join(plugins, "drivers",
                                         "librte_net_ena.so")),
                 timeout=300)
    m = re.search(r"== rxintr: (\d+) passed, (\d+) failed", out)
    check(rc == 0 and m is not None and m.group(2) == "0" and
          int(m.group(1)) > 0,
          "Rx queue interrupts on %s: %s" %
          (bdf, m.group(0) if m else "no result"))
    check("Rx queues 0..1 on MSI-X vectors 1..2" in out,
          "Rx queues got their own MSI-X vectors")


def scenario_testpmd(args, ours):
    os.makedirs(LOGDIR, exist_ok=True)
    check(modprobe("vfio-pci"), "vfio-pci module loaded")
    hugepages()
    for bdf in (ENA0, ENA1):
        check(devbind(bdf, "vfio-pci"), "%s bound to vfio-pci" % bdf)
    pmd = None
    plugins, _, app = args.partition(",")
    if ours:
        pmd = os.path.join(plugins, "drivers", "librte_net_ena.so")
        check(os.path.exists(pmd), "our PMD at %s" % pmd)
    testpmd_run(pmd, ENA0, "ec21", ours, "a", "ena0")
    testpmd_run(pmd, ENA1, "ec20", ours, "b", "ena1")
    if ours:
        rx_interrupts(plugins, app, ENA0)


# ---- Linux's ena driver -----------------------------------------------------


def netdev_of(bdf):
    found = glob.glob("/sys/bus/pci/devices/%s/net/*" % bdf)
    return os.path.basename(found[0]) if found else None


def ping(src_ns, dst_ip, size):
    pre = "ip netns exec %s " % src_ns if src_ns else ""
    rc, out = sh("%sping -c 3 -i 0.2 -W 5 -M do -s %d %s" %
                 (pre, size, dst_ip), timeout=60)
    m = re.search(r"(\d+) received", out)
    return rc == 0 and m is not None and int(m.group(1)) >= 2


def scenario_linux_ena(args):
    check(modprobe("ena"), "Linux's ena module loaded (guest kernel %s)" %
          os.uname().release)
    ok = wait_until(lambda: netdev_of(ENA0) and netdev_of(ENA1), 60)
    check(bool(ok), "ena probed both functions and made interfaces")
    d = dmesg()
    check(re.search(r"ena 0000:00:06\.0: Elastic Network Adapter \(ENA\)", d)
          is not None or re.search(r"ena 0000:00:06\.0: .*ENA", d)
          is not None, "ena probe message for 0000:00:06.0: %s" %
          (re.findall(r"ena 0000:00:06\.0: [^\n]*", d)[:1] or ["none"])[0])
    e0, e1 = netdev_of(ENA0), netdev_of(ENA1)
    if not (e0 and e1):
        return
    with open("/sys/class/net/%s/address" % e0) as f:
        mac = f.read().strip()
    check(mac == "02:e7:00:00:00:06", "%s has the MAC given to the "
          "function (%s)" % (e0, mac))
    rc, out = sh("ethtool -i %s" % e0)
    check(rc == 0 and "driver: ena" in out, "ethtool -i: driver ena")
    rc, out = sh("ethtool -S %s" % e0)
    check(rc == 0 and re.search(r"tx_timeout|queue_0_tx_cnt|rx_drops", out),
          "ethtool -S answers")
    rc, out = sh("ethtool -g %s" % e0)
    check(rc == 0 and "RX:" in out, "ethtool -g answers")
    rc, out = sh("ethtool -L %s combined 4" % e0)
    check(rc == 0, "ethtool -L combined 4 accepted")
    rc, out = sh("ethtool -l %s" % e0)
    cur = out.split("Current hardware settings:")[-1]
    check(rc == 0 and re.search(r"Combined:\s+4", cur) is not None,
          "ethtool -l shows 4 combined channels")
    sh("ip netns add ns1")
    sh("ip link set %s netns ns1" % e1)
    sh("ip addr add 10.10.0.1/24 dev %s" % e0)
    sh("ip link set %s up" % e0)
    sh("ip netns exec ns1 ip addr add 10.10.0.2/24 dev %s" % e1)
    sh("ip netns exec ns1 ip link set %s up" % e1)
    sh("ip link set lo up")
    sh("ip netns exec ns1 ip link set lo up")
    up = wait_until(lambda: sh("ip link show %s" % e0, show=False)[1].find(
        "LOWER_UP") >= 0, 30)
    check(bool(up), "%s has carrier" % e0)
    check(ping(None, "10.10.0.2", 1472), "ping 1500 B frames, host to ns1")
    check(ping("ns1", "10.10.0.1", 1472), "ping 1500 B frames, ns1 to host")
    rc1, _ = sh("ip link set %s mtu 9000" % e0)
    rc2, _ = sh("ip netns exec ns1 ip link set %s mtu 9000" % e1)
    check(rc1 == 0 and rc2 == 0, "MTU 9000 on both interfaces")
    check(ping(None, "10.10.0.2", 8000), "ping 8000 B both ways: host to ns1")
    check(ping("ns1", "10.10.0.1", 8000), "ping 8000 B: ns1 to host")
    # Keep-alives stop: the kernel driver's watchdog resets the device.
    before = dmesg()
    host("knob ena0 ka_stop 1")
    ok = wait_until(lambda: re.search(r"ena 0000:00:06\.0[: ].*[Kk]eep "
                                      r"alive watchdog timeout",
                                      dmesg()[len(before):]), 60, 0.2)
    check(bool(ok), "ena's keep-alive watchdog fires: %s" %
          (ok.group(0) if ok else "nothing in dmesg"))
    host("knob ena0 ka_stop 0")
    ok = wait_until(lambda: re.search(r"ena 0000:00:06\.0[: ].*[Rr]eset "
                                      r"(completed|finished)[^\n]*", dmesg()
                                      [len(before):]), 90, 0.5)
    check(bool(ok), "ena resets the device and recovers: %s" %
          (ok.group(0) if ok else "no reset message"))
    wait_until(lambda: sh("ip link show %s" % e0, show=False)[1].find(
        "LOWER_UP") >= 0, 30)
    check(ping(None, "10.10.0.2", 1472), "ping after the reset")


# ---- the main job ------------------------------------------------------------


def scenario_run(args):
    """devtools/run.sh on the guest's ENA, its output echoed (RUN| lines)."""
    opts = dict(kv.split("=", 1) for kv in args.split(",") if "=" in kv)
    modprobe("vfio-pci")
    if not devbind(ENA0, "vfio-pci"):
        check(False, "%s bound to vfio-pci" % ENA0)
        return
    hugepages(600)
    cmd = ["bash", os.path.join(REPO, "devtools", "run.sh"), "--tx-first",
           "--build-dir", opts.get("build", "build")]
    for k in ("seconds", "interval", "queues", "fwd"):
        if k in opts:
            cmd += ["--" + k, opts[k]]
    cmd.append(ENA0)
    say("$ " + " ".join(cmd))
    p = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT)
    out = []
    for raw in p.stdout:
        line = raw.decode(errors="replace").rstrip("\n")
        out.append(line)
        say("RUN| " + line)
    rc = p.wait()
    text = "\n".join(out)
    check(rc == 0 and "run: OK" in text, "devtools/run.sh %s in the guest "
          "(exit status %s)" % (ENA0, rc))
    check("real ENA %s" % ENA0 in text, "it ran on the PCI function, "
          "not on an emulator vdev")


# ---- main -----------------------------------------------------------------


def main():
    scenario = sys.argv[1]
    args = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] != "-" else ""
    sh("lspci -nn -d 1d0f:")
    if scenario == "devbind":
        scenario_devbind(args)
    elif scenario == "testpmd-ours":
        scenario_testpmd(args, True)
    elif scenario == "testpmd-upstream":
        scenario_testpmd(args, False)
    elif scenario == "linux-ena":
        scenario_linux_ena(args)
    elif scenario == "run":
        scenario_run(args)
    elif scenario == "probe":
        pass
    else:
        check(False, "unknown scenario %s" % scenario)
    return summary()


if __name__ == "__main__":
    sys.exit(main())

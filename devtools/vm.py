#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 dpdk-ena authors
"""Run one guest scenario against emulated ENA functions behind vfio-user.

    vm.py --build BUILD --plugins DIR --cache DIR --log FILE SCENARIO

On the host: build/emu/ena-vfio-user serves the scenario's functions, each
on its own socket, with a control socket for fault knobs and counters;
QEMU (from the cached trixie-backports chroot, TCG) boots the cached
bookworm kernel with the functions as vfio-user-pci devices at 00:06.0,
00:07.0, ... behind an emulated Intel IOMMU, guest RAM shared with the
server through a memfd. In the guest, devtools/vm/guest.py runs the
scenario on the host's own Debian root and this build.

The guest asks the host for what only the host can do by printing lines
"@@HOST <control command>" (set a knob, read counters); the answer is
logged. At the end the server's counters give the host-side checks: the
functions were reached through a vfio-user client, no DMA went outside
what the client mapped, interrupts were signalled. The console, dmesg and
the server's log all land in FILE; the last line printed is the
scenario's "N passed, N failed".
"""

import argparse
import os
import re
import select
import signal
import socket
import subprocess
import sys
import time

# Functions per scenario: (name, slot, device options).
# vCPUs per scenario (ethtool -L combined 4 needs 4 CPUs in the guest).
SMP = {"linux-ena": 4}

SCENARIOS = {
    "devbind": [("ena0", 6, "queues=4,llq=1,wire=loopback")],
    "testpmd-ours": [("ena0", 6, "queues=4,llq=1,wire=loopback"),
                     ("ena1", 7, "queues=4,llq=0,wire=loopback")],
    "testpmd-upstream": [("ena0", 6, "queues=4,llq=1,wire=loopback"),
                         ("ena1", 7, "queues=4,llq=0,wire=loopback")],
    "linux-ena": [("ena0", 6, "queues=4,llq=1,wire=peer:ena1,"
                              "mac=02:e7:00:00:00:06"),
                  ("ena1", 7, "queues=4,llq=1,wire=peer:ena0,"
                              "mac=02:e7:00:00:00:07")],
    "run": [("ena0", 6, "queues=2,llq=1,wire=loopback")],
    "probe": [],
}

GUEST_MEM = "2G"
BOOT_TIMEOUT = 120
KVM_PROBE_TIMEOUT = 25


class Result:
    def __init__(self, log):
        self.log = log
        self.passed = 0
        self.failed = 0

    def check(self, ok, what):
        if ok:
            self.passed += 1
            self.log.write("ok   [host] %s\n" % what)
        else:
            self.failed += 1
            self.log.write("FAIL [host] %s\n" % what)
            print("FAIL [host] %s" % what)


def server_stats(text):
    """'name: key value key value' lines as {name: {key: int}}."""
    out = {}
    for line in text.splitlines():
        m = re.match(r"^(\w+): ((?:\w+ \d+ ?)+)$", line.strip())
        if not m:
            continue
        d = out.setdefault(m.group(1), {})
        toks = m.group(2).split()
        for k, v in zip(toks[0::2], toks[1::2]):
            d[k] = int(v)
    return out


def control(path, command, timeout=10):
    """One control command; its answer up to the 'ok'/'error' line."""
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(timeout)
    s.connect(path)
    s.sendall((command + "\n").encode())
    buf = b""
    while not re.search(rb"(^|\n)(ok|error[^\n]*)\n$", buf):
        chunk = s.recv(65536)
        if not chunk:
            break
        buf += chunk
    s.close()
    return buf.decode(errors="replace")


def wait_path(path, proc, deadline):
    end = time.monotonic() + deadline
    while not os.path.exists(path):
        if proc.poll() is not None or time.monotonic() > end:
            return False
        time.sleep(0.02)
    return True


def qemu_argv(a, repo, scenario, devices, accel, smp, args="-"):
    cmdline = ("console=ttyS0 intel_iommu=on panic=-1 loglevel=4 "
               "ena_vm.repo=%s ena_vm.scenario=%s ena_vm.cache=%s "
               "ena_vm.args=%s" % (repo, scenario, a.cache, args or "-"))
    if accel == "kvm":
        acc = ["-accel", "kvm", "-cpu", "host"]
    else:
        acc = ["-accel", "tcg,thread=multi", "-cpu", "max"]
    return (["qemu-system-x86_64", "-nodefaults", "-display", "none",
             "-serial", "stdio", "-monitor", "none", "-no-reboot",
             "-machine", "q35,kernel-irqchip=split"] + acc +
            ["-smp", str(smp), "-m", GUEST_MEM,
             "-object", "memory-backend-memfd,id=mem,size=%s,share=on" %
             GUEST_MEM, "-machine", "memory-backend=mem",
             "-device", "intel-iommu,intremap=on,caching-mode=on",
             "-kernel", "/host" + os.path.join(a.cache, "kernel", "root",
                                               "boot", "vmlinuz-" +
                                               kernel_release(a.cache)),
             "-initrd", "/host" + os.path.join(a.cache, "initrd.gz"),
             "-append", cmdline,
             "-virtfs", "local,path=/host,mount_tag=hostroot,"
             "security_model=none,readonly=on,multidevs=remap"] + devices)


def chrooted(qroot, argv):
    """argv run in the QEMU chroot, with the host's root at /host."""
    script = ('set -e; R=%s; mount --rbind / "$R/host"; '
              'mount --rbind /dev "$R/dev"; mount -t proc proc "$R/proc"; '
              'exec chroot "$R" "$@"' % qroot)
    return ["unshare", "-m", "--propagation", "private", "sh", "-c",
            script, "vm"] + argv


def choose_accel(a, repo, log):
    """KVM when a quick probe boot under it reaches the guest's first
    program (this machine's nested KVM cannot run a stock kernel), else
    TCG. The answer is kept in the cache, per host kernel."""
    forced = os.environ.get("VM_ACCEL")
    if forced in ("kvm", "tcg"):
        return forced
    memo = os.path.join(a.cache, "accel-%s" % os.uname().release)
    if os.path.exists(memo):
        return open(memo).read().strip()
    accel = "tcg"
    if os.access("/dev/kvm", os.R_OK | os.W_OK):
        argv = chrooted(os.path.join(a.cache, "qemu"),
                        qemu_argv(a, repo, "probe", [], "kvm", 1))
        t0 = time.monotonic()
        try:
            p = subprocess.run(argv, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL,
                               timeout=KVM_PROBE_TIMEOUT,
                               start_new_session=True)
            out = p.stdout.decode(errors="replace")
        except subprocess.TimeoutExpired as e:
            out = (e.stdout or b"").decode(errors="replace")
        if "@@END 0" in out:
            accel = "kvm"
        log.write("# KVM probe boot: %s after %.1f s (%s)\n" %
                  ("works" if accel == "kvm" else "fails",
                   time.monotonic() - t0,
                   " | ".join(out.strip().splitlines()[-3:])[-300:]))
    with open(memo, "w") as f:
        f.write(accel + "\n")
    return accel


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--plugins", required=True)
    ap.add_argument("--cache", required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--timeout", type=int, default=900)
    ap.add_argument("--args", default="")
    ap.add_argument("--echo", action="store_true",
                    help="print the guest's 'RUN| ' lines as they come")
    ap.add_argument("scenario", choices=sorted(SCENARIOS))
    a = ap.parse_args()

    repo = os.path.realpath(os.path.join(os.path.dirname(__file__), ".."))
    build = os.path.realpath(a.build)
    server = os.path.join(build, "emu", "ena-vfio-user")
    qroot = os.path.join(a.cache, "qemu")
    funcs = SCENARIOS[a.scenario]
    log = open(a.log, "w", buffering=1)
    res = Result(log)
    if not os.access(server, os.X_OK):
        print("vm.py: %s is not built (devtools/libvfio-user.sh fetch, "
              "then rebuild)" % server)
        print("0 passed, 1 failed")
        return 1

    run = os.path.join(a.cache, "run-%d" % os.getpid())
    os.makedirs(run, mode=0o700)
    ctl = os.path.join(run, "ctl.sock")
    argv = [server, "--log-level", "info", "--control", ctl]
    for name, slot, opts in funcs:
        argv += ["--socket", os.path.join(run, name + ".sock"),
                 "--name", name, opts]
    log.write("# server: %s\n" % " ".join(argv))
    srv_log = open(os.path.join(run, "server.log"), "w")
    srv = subprocess.Popen(argv, stdout=srv_log, stderr=subprocess.STDOUT)
    if not wait_path(ctl, srv, 10):
        srv.kill()
        srv.wait()
        srv_log.close()
        log.write(open(os.path.join(run, "server.log")).read())
        print("vm.py: the server did not start; see %s" % a.log)
        print("0 passed, 1 failed")
        return 1

    # QEMU runs in the chroot; the host's root is bound into it at /host.
    devices = []
    for name, slot, _ in funcs:
        devices += ["-device",
                    '{"driver":"vfio-user-pci","socket":{"type":"unix",'
                    '"path":"/host%s"},"addr":"%02x.0","id":"%s"}' %
                    (os.path.join(run, name + ".sock"), slot, name)]
    accel = choose_accel(a, repo, log)
    qemu = qemu_argv(a, repo, a.scenario, devices, accel,
                     SMP.get(a.scenario, 2), a.args)
    full = chrooted(qroot, qemu)
    log.write("# qemu (%s): %s\n" % (accel, " ".join(qemu)))
    t0 = time.monotonic()
    q = subprocess.Popen(full, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                         start_new_session=True)
    status = None
    started = False
    guest_pass = guest_fail = None
    buf = b""
    end = t0 + a.timeout
    while True:
        left = end - time.monotonic()
        if left <= 0:
            log.write("# timeout after %d s: killing QEMU\n" % a.timeout)
            break
        if not started and time.monotonic() - t0 > BOOT_TIMEOUT:
            log.write("# no @@START within %d s\n" % BOOT_TIMEOUT)
            break
        r, _, _ = select.select([q.stdout], [], [], min(left, 1.0))
        if not r:
            if q.poll() is not None:
                break
            continue
        chunk = os.read(q.stdout.fileno(), 65536)
        if not chunk:
            break
        buf += chunk
        while b"\n" in buf:
            raw, buf = buf.split(b"\n", 1)
            line = raw.decode(errors="replace").rstrip("\r")
            log.write(line + "\n")
            if a.echo and line.startswith("RUN| "):
                print(line[5:], flush=True)
            if line.startswith("@@START"):
                started = True
                log.write("# booted in %.1f s\n" % (time.monotonic() - t0))
            m = re.match(r"^@@HOST (.*)$", line)
            if m:
                try:
                    ans = control(ctl, m.group(1))
                except OSError as e:
                    ans = "error: %s\n" % e
                log.write("".join("@@HOST> " + x + "\n"
                                  for x in ans.splitlines()))
            m = re.match(r"^(\d+) passed, (\d+) failed", line)
            if m:
                guest_pass, guest_fail = int(m.group(1)), int(m.group(2))
            m = re.match(r"^@@END (\d+)", line)
            if m:
                status = int(m.group(1))
    elapsed = time.monotonic() - t0
    try:
        q.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(q.pid, signal.SIGKILL)
        q.wait()
    log.write("# guest ran %.1f s, QEMU exit status %s\n" %
              (elapsed, q.returncode))

    stats_text = ""
    if srv.poll() is None:
        try:
            stats_text = control(ctl, "stats")
        except OSError as e:
            log.write("# stats: %s\n" % e)
        srv.send_signal(signal.SIGTERM)
    try:
        srv.wait(timeout=20)
    except subprocess.TimeoutExpired:
        srv.kill()
        srv.wait()
    srv_log.close()
    srv_text = open(os.path.join(run, "server.log")).read()
    log.write("# ---- ena-vfio-user log ----\n" + srv_text)
    for f in os.listdir(run):
        os.unlink(os.path.join(run, f))
    os.rmdir(run)

    res.check(status is not None, "the guest ran the scenario to its end "
              "(@@END seen, status %s)" % status)
    res.check(srv.returncode == 0, "ena-vfio-user exited cleanly (status "
              "%s, no crash)" % srv.returncode)
    st = server_stats(stats_text or srv_text)
    for name, _, _ in funcs:
        s = st.get(name, {})
        res.check(s.get("clients", 0) >= 1,
                  "%s: reached by a vfio-user client (clients %s)" %
                  (name, s.get("clients")))
        res.check(s.get("bar0_reads", 0) + s.get("bar0_writes", 0) > 0,
                  "%s: BAR 0 registers accessed through vfio-user "
                  "(%s reads, %s writes)" % (name, s.get("bar0_reads"),
                                             s.get("bar0_writes")))
        res.check(s.get("dma_maps", 0) > 0,
                  "%s: guest memory mapped by the client (%s mappings, "
                  "%s at most at once)" % (name, s.get("dma_maps"),
                                           s.get("dma_regions_max")))
        res.check("dma_errors" in s and s["dma_errors"] == 0,
                  "%s: no DMA outside the mapped regions (dma_errors %s)" %
                  (name, s.get("dma_errors")))
        res.check(s.get("bad_accesses", -1) == 0,
                  "%s: no malformed BAR access (%s)" %
                  (name, s.get("bad_accesses")))
    for line in srv_text.splitlines():
        if re.search(r"\b(error|segfault|assert)", line, re.I) and \
                "DMA region not usable" in line:
            res.check(False, "server: %s" % line)
    if guest_pass is None:
        res.check(False, "the guest printed its counts")
        guest_pass = guest_fail = 0
    total_p = res.passed + guest_pass
    total_f = res.failed + guest_fail
    log.write("%d passed, %d failed\n" % (total_p, total_f))
    log.close()
    # The guest's own failures, for the summary of the test command.
    for line in open(a.log):
        if line.startswith("FAIL ") and "[host]" not in line:
            print(line.rstrip())
    print("%d passed, %d failed" % (total_p, total_f))
    return 0 if total_f == 0 else 1


def kernel_release(cache):
    boot = os.path.join(cache, "kernel", "root", "boot")
    for f in os.listdir(boot):
        if f.startswith("vmlinuz-"):
            return f[len("vmlinuz-"):]
    raise SystemExit("vm.py: no kernel in %s (devtools/vm-image.sh)" % boot)


if __name__ == "__main__":
    sys.exit(main())

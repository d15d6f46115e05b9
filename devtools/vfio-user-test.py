#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 dpdk-ena authors
"""ena-vfio-user against clients that come and go, and ones that misbehave.

    vfio-user-test.py --server BUILD/emu/ena-vfio-user --qemu-root DIR

No guest is booted: QEMU (from the cached chroot, devtools/vm-image.sh)
starts with its CPUs stopped, which is enough for its vfio-user-pci device
to connect, negotiate, read the configuration space and map guest memory,
then quits. Checked: a function serves one client after another (the
server returns to its power-on state in between), garbage on the socket
or a client that hangs up mid-message does not bring it down, bad options
are refused, the control socket answers, and SIGTERM ends it cleanly with
its counters. Ends with "N passed, N failed".
"""

import argparse
import os
import re
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from script_checks import check, summary, wait_until  # noqa: E402


def control(path, command):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(10)
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


def stats(ctl, name):
    out = {}
    for line in control(ctl, "stats %s" % name).splitlines():
        m = re.match(r"^%s: (.*)$" % name, line)
        if m:
            t = m.group(1).split()
            out.update({k: int(v) for k, v in zip(t[0::2], t[1::2])})
    return out


def qemu_visit(root, sock, timeout=60):
    """QEMU connects with its CPUs stopped, then quits: one client."""
    script = ('set -e; R=%s; mount --rbind / "$R/host"; '
              'mount --rbind /dev "$R/dev"; mount -t proc proc "$R/proc"; '
              'exec chroot "$R" "$@"' % root)
    dev = ('{"driver":"vfio-user-pci","socket":{"type":"unix",'
           '"path":"/host%s"},"addr":"06.0"}' % sock)
    argv = ["unshare", "-m", "--propagation", "private", "sh", "-c", script,
            "q", "qemu-system-x86_64", "-S", "-nodefaults", "-display",
            "none", "-machine", "q35", "-accel", "tcg", "-m", "256",
            "-object", "memory-backend-memfd,id=mem,size=256M,share=on",
            "-machine", "memory-backend=mem", "-monitor", "stdio",
            "-device", dev]
    p = subprocess.run(argv, input=b"info pci\nquit\n",
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       timeout=timeout)
    return p.returncode, p.stdout.decode(errors="replace")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--server", required=True)
    ap.add_argument("--qemu-root", required=True)
    a = ap.parse_args()
    srv = os.path.realpath(a.server)

    # Options refused before anything is served.
    for args, what in ((["queues=4"], "an option before any --socket"),
                       (["--socket", "/tmp/x.sock", "queues=0x4"],
                        "a hexadecimal queue count"),
                       (["--socket", "/tmp/x.sock", "addr=0000:00:06.0"],
                        "a vdev-only option"),
                       (["--socket", "/tmp/x.sock", "llq=1", "llq=0"],
                        "a key given twice"),
                       (["--socket", "/tmp/x.sock", "wire="],
                        "an empty wire"),
                       (["--socket", "/tmp/x.sock", "mac=01:00:5e:00:00:01"],
                        "a multicast MAC"),
                       (["--log-level", "loud", "--socket", "/tmp/x.sock"],
                        "a bad log level")):
        p = subprocess.run([srv] + args, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=20)
        out = p.stdout.decode(errors="replace")
        check(p.returncode != 0 and len(out.strip()) > 0,
              "refused: %s (status %d: %s)" %
              (what, p.returncode, out.strip().splitlines()[-1:]))

    work = tempfile.mkdtemp(prefix="evu-", dir="/var/tmp")
    sock = os.path.join(work, "ena0.sock")
    ctl = os.path.join(work, "ctl.sock")
    log = open(os.path.join(work, "server.log"), "w")
    p = subprocess.Popen([srv, "--control", ctl, "--socket", sock,
                          "--name", "ena0", "queues=2,llq=1"],
                         stdout=log, stderr=subprocess.STDOUT)
    try:
        check(wait_until(lambda: os.path.exists(ctl), 10),
              "server listening")
        for i in (1, 2):
            rc, out = qemu_visit(a.qemu_root, sock)
            check(rc == 0 and re.search(r"Ethernet controller: PCI device "
                                        r"1d0f:ec21", out) is not None,
                  "client %d: QEMU's vfio-user-pci sees 1d0f:ec21 "
                  "(status %d)" % (i, rc))
            st = wait_until(lambda: stats(ctl, "ena0")
                            if stats(ctl, "ena0").get("disconnects") == i
                            else None, 15)
            check(st is not None and st.get("clients") == i,
                  "after client %d: clients %s, disconnects %s" %
                  (i, st and st.get("clients"), st and st.get("disconnects")))
            check(st is not None and st.get("dma_maps", 0) > 0 and
                  st.get("dma_regions") == 0,
                  "client %d mapped guest memory (%s maps) and the server "
                  "dropped it when the client left (%s left)" %
                  (i, st and st.get("dma_maps"), st and st.get("dma_regions")))

        # Garbage, then a header that promises more than it sends.
        for payload, what in ((os.urandom(512), "random bytes"),
                              (struct.pack("<HHIHHI", 1, 1, 4096, 0, 0, 0),
                               "a truncated VERSION message")):
            c = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            c.connect(sock)
            c.sendall(payload)
            time.sleep(0)
            c.close()
            n = 1 if what.startswith("random") else 2
            ok = wait_until(lambda: stats(ctl, "ena0").get("bad_clients")
                            == n, 10)
            check(bool(ok) and p.poll() is None,
                  "a client sending %s is refused (bad_clients %d), the "
                  "server lives" % (what, n))
        # A client that connects and says nothing must not hold the server.
        mute = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        mute.connect(sock)
        t0 = time.monotonic()
        ok = wait_until(lambda: stats(ctl, "ena0").get("bad_clients") == 3,
                        30)
        check(bool(ok), "a silent client is refused after %.1f s "
              "(bad_clients 3)" % (time.monotonic() - t0))
        mute.close()
        rc, out = qemu_visit(a.qemu_root, sock)
        check(rc == 0 and "1d0f:ec21" in out,
              "a well-behaved client after those works (status %d)" % rc)

        ans = control(ctl, "knob ena0 ka_stop 1")
        check(ans.strip().endswith("ok"), "control: set a knob")
        ans = control(ctl, "knob ena0 no_such_knob 1")
        check("error" in ans, "control: an unknown knob is an error")
        ans = control(ctl, "link nobody up")
        check("error: no function nobody" in ans,
              "control: an unknown function is named")
        ans = control(ctl, "frobnicate")
        check("error: want" in ans, "control: unknown command explained")
    finally:
        if p.poll() is None:
            p.send_signal(signal.SIGTERM)
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
        log.close()
    text = open(os.path.join(work, "server.log")).read()
    check(p.returncode == 0, "SIGTERM: clean exit (status %s)" % p.returncode)
    check("ena0: clients " in text and "dma_errors 0" in text,
          "its counters printed at exit, no DMA error")
    check(not os.path.exists(sock) and not os.path.exists(ctl),
          "sockets removed at exit")
    for f in os.listdir(work):
        os.unlink(os.path.join(work, f))
    os.rmdir(work)
    return summary()


if __name__ == "__main__":
    sys.exit(main())

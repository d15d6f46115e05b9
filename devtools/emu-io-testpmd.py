#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 dpdk-ena authors
"""IO-path scenarios of the emulated ENA device under Debian's dpdk-testpmd.

A PMD (upstream by default, this tree's with -p ours) drives the emulator
through: checksum offload through a pcap wire (output checked byte-wise),
RSS hash and spreading (hash recomputed with the key testpmd reports), gen:
traffic over 4 queues, MTU 9000 with scattered Rx, large LLQ entries, two
ports on a peer wire. Each scenario waits for testpmd's prompt after every
command and for packet counters to reach their target (with a deadline), never
for a fixed time. Ends with "N passed, N failed".

usage: emu-io-testpmd.py [-b BUILDDIR] [-p ours|PMD-path-substring]
KEEP=1 keeps the transcripts (they are also kept when a check fails).
"""

import os
import re
import signal
import struct
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import testpmd_runner  # noqa: E402
from testpmd_session import (TestpmdError, TestpmdSession,  # noqa: E402
                             port_stats)

# Deadline for a traffic target; runs normally reach it in well under 2 s.
TRAFFIC_DEADLINE = 20
# pcap wire replay delay after the Rx queues appear: leaves room for the
# prompt-paced commands issued right after "port start".
REPLAY_MS = 1000


class Runner(testpmd_runner.Runner):
    def __init__(self, plugins, pmd):
        super().__init__("emu-io-testpmd", plugins, pmd)

    def run(self, name, eal, app, body):
        """Run body(session) in a fresh testpmd; (exit status, body result).

        The exit status is None when testpmd failed or had to be killed;
        the body's result is None when a command did not complete.
        """
        eal_args = self.eal(name, pci=True) + self.load + eal
        app_args = ["--total-num-mbufs=32768"] + app
        t0 = time.monotonic()
        s = None
        result = None
        try:
            s = TestpmdSession(eal_args, app_args, self.path(name + ".log"))
            result = body(s)
        except TestpmdError as e:
            print("%s: testpmd: %s (transcript %s)" %
                  (name, e, self.path(name + ".log")))
        rc = s.close() if s is not None else None
        if rc != 0:
            # Counted only where the scenario asks for it (csum); the
            # upstream PMD's interrupt callback can race its own close.
            print("%s: NOTE: testpmd exit status %s (transcript %s)" %
                  (name, rc, self.path(name + ".log")))
            self.keep = True
        print("%s: %.1f s" % (name, time.monotonic() - t0))
        return rc, result

    def vdev(self, idx, queues, llq, extra=""):
        return ["--vdev", "ena_emu%d,pmd=%s,queues=%d,llq=%d%s" %
                (idx, self.pmd, queues, llq, extra)]

    def wait_rx(self, s, ports, target, what):
        """Until every port in ports has received target packets."""
        ok, out = s.wait_for(
            "show port stats all",
            lambda o: all(port_stats(o).get(p, {}).get("rx_packets", 0)
                          >= target for p in ports),
            TRAFFIC_DEADLINE)
        if not ok:
            print("%s: Rx did not reach %d packets within %d s: %s" %
                  (what, target, TRAFFIC_DEADLINE,
                   {p: port_stats(out).get(p, {}).get("rx_packets")
                    for p in ports}))
        return ok


def s16(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return s


def write_input_pcap(path):
    """100 IPv4 frames, UDP (even i) and TCP (odd i), valid checksums."""
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        for i in range(100):
            pl = bytes((j * 7 + i) & 0xff for j in range(50 + i))
            src, dst = bytes([10, 0, 0, i]), bytes([10, 0, 1, 1])
            if i % 2:
                l4 = struct.pack("!HHIIBBHHH", 1000 + i, 80, i, 0, 0x50,
                                 0x10, 1024, 0, 0) + pl
                proto, off = 6, 16
            else:
                l4 = struct.pack("!HHHH", 1000 + i, 2000, 8 + len(pl),
                                 0) + pl
                proto, off = 17, 6
            ck = (~s16(src + dst + struct.pack("!BBH", 0, proto, len(l4))
                       + l4)) & 0xffff or 0xffff
            l4 = l4[:off] + struct.pack("!H", ck) + l4[off + 2:]
            ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(l4), i, 0,
                             64, proto, 0, src, dst)
            ip = ip[:10] + struct.pack("!H", (~s16(ip)) & 0xffff) + ip[12:]
            fr = b"\x02" * 6 + b"\x04" * 6 + b"\x08\x00" + ip + l4
            f.write(struct.pack("<IIII", i, 0, len(fr), len(fr)) + fr)


def pcap_csum_ok(path):
    try:
        d = open(path, "rb").read()[24:]
    except OSError as e:
        print("csum: %s" % e)
        return False
    n = good = 0
    while d:
        cl = struct.unpack("<IIII", d[:16])[2]
        f, d = d[16:16 + cl], d[16 + cl:]
        ip, l4 = f[14:34], f[34:]
        ph = ip[12:20] + struct.pack("!BBH", 0, ip[9], len(l4))
        n += 1
        good += s16(ip) == 0xffff and s16(ph + l4) == 0xffff
    print("csum: %d frames out, %d with valid IP and L4 checksums" %
          (n, good))
    return n == 100 and good == n


def rss_ok(log):
    m = re.search(r"RSS key:\s*\n([0-9A-Fa-f]+)", log)
    if not m:
        print("rss: no RSS key in the transcript")
        return False
    key = bytes.fromhex(m.group(1))

    def toeplitz(data):
        k, kl, h = int.from_bytes(key, "big"), len(key) * 8, 0
        for i, b in enumerate(data):
            for j in range(8):
                if b & (0x80 >> j):
                    h ^= (k >> (kl - 32 - (i * 8 + j))) & 0xffffffff
        return h

    ok = n = 0
    queues = set()
    for m in re.finditer(r"length=(\d+) .*?RSS hash=0x([0-9a-f]+) - "
                         r"RSS queue=0x([0-9a-f]+)", log):
        # UDP frames (even i) are 92 + i bytes, TCP ones (odd i) 104 + i.
        length = int(m.group(1))
        i = length - 92 if length % 2 == 0 else length - 104
        dport = 2000 if i % 2 == 0 else 80
        data = (bytes([10, 0, 0, i, 10, 0, 1, 1])
                + (1000 + i).to_bytes(2, "big") + dport.to_bytes(2, "big"))
        n += 1
        ok += toeplitz(data) == int(m.group(2), 16)
        queues.add(m.group(3))
    print("rss: %d frames, %d hashes equal Toeplitz, %d queues used" %
          (n, ok, len(queues)))
    return n == 100 and ok == n and len(queues) == 4


def fwd_rx(stop_out, header):
    """RX-packets of the forward-stats block that follows header."""
    m = re.search(re.escape(header) + r"[^\n]*\n\s*RX-packets:\s+(\d+)",
                  stop_out)
    return int(m.group(1)) if m else None


def main():
    args = testpmd_runner.build_pmd_args()
    r = Runner(args.build, args.pmd)
    in_pcap, out_pcap = r.path("in.pcap"), r.path("out.pcap")
    write_input_pcap(in_pcap)

    # 1. csum forwarding with IP/UDP/TCP checksum offload: the device fills
    # the checksums testpmd leaves to hardware; every frame written to the
    # output capture must carry valid ones. Ports start only once the
    # offloads are set, so the replay cannot meet a half-configured port.
    def csum(s):
        for c in ("csum set ip hw 0", "csum set udp hw 0",
                  "csum set tcp hw 0", "port start 0", "set fwd csum",
                  "start"):
            s.cmd(c)
        ok, _ = s.wait_for(
            "show port stats 0",
            lambda o: port_stats(o).get(0, {}).get("tx_packets", 0) >= 100,
            TRAFFIC_DEADLINE)
        if not ok:
            print("csum: 100 frames not forwarded within %d s" %
                  TRAFFIC_DEADLINE)
        return s.cmd("stop")

    rc, out = r.run("csum", ["--no-pci"] + r.vdev(
        0, 1, 1, ",wire=pcap:%s;%s;%d" % (in_pcap, out_pcap, REPLAY_MS)),
        ["--disable-device-start"], csum)
    out = out or ""
    # The upstream PMD can crash at quit, after every port is closed (its
    # close does not wait for its interrupt callback): that one is noted
    # above, not counted; ours must exit cleanly.
    r.check("csum: testpmd exit",
            rc == 0 or (not r.ours and rc == -signal.SIGSEGV))
    r.check("csum: 100 received",
            fwd_rx(out, "Forward statistics for port 0") == 100)
    r.check("csum: no bad checksum on Rx",
            re.search(r"Bad-ipcsum: 0 +Bad-l4csum: 0 ", out) is not None)
    r.check("csum: offloaded checksums valid in the Tx capture",
            pcap_csum_ok(out_pcap))

    # 2. RSS: hash of every frame equals Toeplitz over the 4-tuple with the
    # key testpmd reads back; spread over 4 queues. The hash types are set
    # before the replay begins (REPLAY_MS after "port start").
    def rss(s):
        for c in ("port start all", "port config all rss all",
                  "show port 0 rss-hash key", "set verbose 1", "start"):
            s.cmd(c)
        r.wait_rx(s, [0], 100, "rss")
        return s.cmd("stop")

    r.run("rss", ["--no-pci"] + r.vdev(
        0, 4, 1, ",wire=pcap:%s;;%d" % (in_pcap, REPLAY_MS)),
        ["--disable-device-start", "--forward-mode=rxonly", "--rxq=4",
         "--txq=4", "--rss-udp"], rss)
    try:
        log = open(r.path("rss.log")).read()
    except OSError:
        log = ""
    r.check("rss: device hash = Toeplitz(key), 4 queues", rss_ok(log))

    # 3. gen: traffic spread by RSS over 4 queues, no drops. Runs until
    # every queue is past the share the check asks for (or the deadline).
    # testpmd's own per-stream counters: the numbers the check reads, and
    # the same whatever the PMD names its per-queue xstats.
    def per_queue_done(o):
        per_q = [fwd_rx(o, "RX Port= 0/Queue= %d " % q) for q in range(4)]
        return None not in per_q and min(per_q) >= 12000

    def gen(s):
        s.cmd("start")
        if not s.wait_for("show fwd stats all", per_queue_done,
                          TRAFFIC_DEADLINE)[0]:
            print("gen: 12000 packets on every queue not reached in %d s" %
                  TRAFFIC_DEADLINE)
        return s.cmd("stop")

    _, out = r.run("gen", ["--no-pci"] + r.vdev(0, 4, 1, ",wire=gen:64"),
                   ["--forward-mode=rxonly", "--rxq=4", "--txq=4",
                    "--rss-udp"], gen)
    out = out or ""
    per_q = [fwd_rx(out, "RX Port= 0/Queue= %d " % q) for q in range(4)]
    if None in per_q:
        gen_good = False
        print("gen: per-queue forward statistics missing: %s" % per_q)
    else:
        print("gen: per-queue packets min %d max %d" %
              (min(per_q), max(per_q)))
        # Shares follow how fast testpmd drains each queue; RSS only has to
        # feed all four.
        gen_good = min(per_q) > 10000 and min(per_q) * 3 > max(per_q)
    r.check("gen: every one of 4 queues gets a fair share", gen_good)

    # 4. MTU 9000, 8992-byte frames in 5 Tx segments, scattered Rx.
    def jumbo(s):
        for c in ("port stop 0", "port config mtu 0 9000", "port start 0",
                  "start tx_first"):
            s.cmd(c)
        r.wait_rx(s, [0], 2000, "jumbo")
        return s.cmd("stop")

    _, out = r.run("jumbo", ["--no-pci"] + r.vdev(0, 1, 1),
                   ["--forward-mode=io", "--max-pkt-len=9018",
                    "--enable-scatter",
                    "--txpkts=2048,2048,2048,2048,800"], jumbo)
    out = out or ""
    jumbo_rx = fwd_rx(out, "Accumulated forward statistics") or 0
    print("jumbo: %d frames of 8992 bytes forwarded" % jumbo_rx)
    r.check("jumbo: forwarded", jumbo_rx > 1000)
    r.check("jumbo: no Rx drop", re.search(r"RX-dropped: 0 ", out)
            is not None)

    # 5. Large (256-byte) LLQ entries asked by the PMD's devarg.
    def forward(ports, what):
        def body(s):
            s.cmd("start tx_first")
            r.wait_rx(s, ports, 2000, what)
            return s.cmd("stop")
        return body

    _, out = r.run("large", ["-a", "0000:00:06.0,large_llq_hdr=1",
                             "--log-level=pmd.net.ena_emu:info"]
                   + r.vdev(0, 2, 1),
                   ["--forward-mode=io", "--rxq=2", "--txq=2", "--txd=512"],
                   forward([0], "large"))
    out = out or ""
    large_rx = fwd_rx(out, "Accumulated forward statistics") or 0
    try:
        log = open(r.path("large.log")).read()
    except OSError:
        log = ""
    r.check("large LLQ: device runs 256-byte entries",
            "LLQ: entry 256 B" in log)
    r.check("large LLQ: forwarded (%d)" % large_rx, large_rx > 1000)

    # 6. Two ports on a peer wire.
    _, out = r.run("peer", ["--no-pci"]
                   + r.vdev(0, 1, 1, ",wire=peer:ena_emu1,addr=0000:00:06.0")
                   + r.vdev(1, 1, 0, ",wire=peer:ena_emu0,addr=0000:00:07.0"),
                   ["--forward-mode=io"], forward([0, 1], "peer"))
    out = out or ""
    p0 = fwd_rx(out, "Forward statistics for port 0") or 0
    p1 = fwd_rx(out, "Forward statistics for port 1") or 0
    print("peer: port 0 received %d, port 1 received %d" % (p0, p1))
    r.check("peer: both ports receive", p0 > 1000 and p1 > 1000)

    return r.finish()


if __name__ == "__main__":
    sys.exit(main())

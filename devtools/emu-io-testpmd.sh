#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 dpdk-ena authors
#
# IO-path scenarios of the emulated ENA device driven by Debian's
# dpdk-testpmd and a PMD (upstream by default): checksum offload through a
# pcap wire (output checked byte-wise), RSS hash and spreading (hash
# recomputed with the key testpmd reports), gen: traffic over 4 queues,
# MTU 9000 with scattered Rx, large LLQ entries, two ports on a peer
# wire. Ends with "N passed, N failed".

set -u

BUILD=build
PMD=pmds-23.0
while [ $# -gt 0 ]; do
	case "$1" in
	-b) BUILD=$2; shift 2 ;;
	-p) PMD=$2; shift 2 ;;
	*) echo "usage: $0 [-b BUILDDIR] [-p ours|PMD-path-substring]" >&2
	   exit 2 ;;
	esac
done

TESTPMD=$(command -v dpdk-testpmd) || { echo "no dpdk-testpmd" >&2; exit 1; }
EMU=$(realpath -e "$BUILD/emu/librte_ena_emu.so" 2>/dev/null) ||
	{ echo "no $BUILD/emu/librte_ena_emu.so" >&2; exit 1; }
# -p ours: this tree's PMD, loaded with -d and picked by its directory.
LOAD=
if [ "$PMD" = ours ]; then
	OURS=$(realpath -e "$BUILD/drivers/librte_net_ena.so" 2>/dev/null) ||
		{ echo "no $BUILD/drivers/librte_net_ena.so" >&2; exit 1; }
	LOAD="-d $OURS"
	PMD=$(dirname "$OURS")
fi
OUT=$(mktemp -d /tmp/emu-io-testpmd.XXXXXX)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$OUT"' EXIT
PASS=0
FAIL=0

check() {
	local what=$1; shift
	if "$@"; then
		PASS=$((PASS + 1))
	else
		FAIL=$((FAIL + 1))
		echo "FAIL: $what"
	fi
}

# tp NAME "EAL args" "testpmd args" FEED: FEED prints interactive commands.
tp() {
	local name=$1 eal=$2 app=$3 feed=$4
	# shellcheck disable=SC2086
	"$feed" | timeout 90 "$TESTPMD" -l 0-1 --no-huge -m 1024 \
		--file-prefix="emuio$$" -d "$EMU" $LOAD $eal -- -i \
		--total-num-mbufs=32768 $app >"$OUT/$name.log" 2>&1
	echo $? >"$OUT/$name.rc"
}

closing() {
	printf 'port stop all\n'
	sleep 1
	printf 'port close all\n'
	sleep 0.5
	printf 'quit\n'
}

# Capture of 100 IPv4 frames, UDP and TCP alternating, valid checksums.
python3 - "$OUT/in.pcap" <<'EOF'
import struct, sys
def s16(b):
    if len(b) % 2: b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    while s >> 16: s = (s & 0xffff) + (s >> 16)
    return s
f = open(sys.argv[1], 'wb')
f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
for i in range(100):
    pl = bytes((j * 7 + i) & 0xff for j in range(50 + i))
    src, dst = bytes([10, 0, 0, i]), bytes([10, 0, 1, 1])
    if i % 2:
        l4 = struct.pack('!HHIIBBHHH', 1000 + i, 80, i, 0, 0x50, 0x10,
                         1024, 0, 0) + pl
        proto, off = 6, 16
    else:
        l4 = struct.pack('!HHHH', 1000 + i, 2000, 8 + len(pl), 0) + pl
        proto, off = 17, 6
    ck = (~s16(src + dst + struct.pack('!BBH', 0, proto, len(l4)) + l4)) \
        & 0xffff or 0xffff
    l4 = l4[:off] + struct.pack('!H', ck) + l4[off + 2:]
    ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(l4), i, 0, 64,
                     proto, 0, src, dst)
    ip = ip[:10] + struct.pack('!H', (~s16(ip)) & 0xffff) + ip[12:]
    fr = b'\x02' * 6 + b'\x04' * 6 + b'\x08\x00' + ip + l4
    f.write(struct.pack('<IIII', i, 0, len(fr), len(fr)) + fr)
EOF

# 1. csum forwarding with IP/UDP/TCP checksum offload: the device fills
# the checksums testpmd leaves to hardware; every frame written to the
# output capture must carry valid ones.
feed_csum() {
	sleep 1
	printf 'port stop 0\ncsum set ip hw 0\ncsum set udp hw 0\n'
	printf 'csum set tcp hw 0\nport start 0\nset fwd csum\nstart\n'
	sleep 6
	printf 'stop\n'
	closing
}
tp csum "--no-pci --vdev ena_emu0,pmd=$PMD,queues=1,llq=1,wire=pcap:$OUT/in.pcap;$OUT/out.pcap;3000" \
	"" feed_csum
check "csum: testpmd exit" [ "$(cat "$OUT/csum.rc")" = 0 ]
check "csum: 100 received" grep -q "RX-packets: 100 " "$OUT/csum.log"
check "csum: no bad checksum on Rx" \
	grep -q "Bad-ipcsum: 0  *Bad-l4csum: 0" "$OUT/csum.log"
csum_ok() {
	python3 - "$OUT/out.pcap" <<'EOF'
import struct, sys
def s16(b):
    if len(b) % 2: b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    while s >> 16: s = (s & 0xffff) + (s >> 16)
    return s
d = open(sys.argv[1], 'rb').read()[24:]
n = good = 0
while d:
    cl = struct.unpack('<IIII', d[:16])[2]
    f, d = d[16:16 + cl], d[16 + cl:]
    ip, l4 = f[14:34], f[34:]
    ph = ip[12:20] + struct.pack('!BBH', 0, ip[9], len(l4))
    n += 1
    good += s16(ip) == 0xffff and s16(ph + l4) == 0xffff
print("csum: %d frames out, %d with valid IP and L4 checksums" % (n, good))
sys.exit(0 if n == 100 and good == n else 1)
EOF
}
check "csum: offloaded checksums valid in the Tx capture" csum_ok

# 2. RSS: hash of every frame equals Toeplitz over the 4-tuple with the
# key testpmd reads back; spread over 4 queues.
feed_rss() {
	sleep 1
	printf 'port config all rss all\nshow port 0 rss-hash key\n'
	printf 'set verbose 1\nstart\n'
	sleep 6
	printf 'stop\n'
	closing
}
tp rss "--no-pci --vdev ena_emu0,pmd=$PMD,queues=4,llq=1,wire=pcap:$OUT/in.pcap;;3000" \
	"--forward-mode=rxonly --rxq=4 --txq=4 --rss-udp" feed_rss
rss_ok() {
	python3 - "$OUT/rss.log" <<'EOF'
import re, sys
log = open(sys.argv[1]).read()
key = bytes.fromhex(re.search(r'RSS key:\s*\n([0-9A-Fa-f]+)', log).group(1))
def toeplitz(data):
    k, kl, h = int.from_bytes(key, 'big'), len(key) * 8, 0
    for i, b in enumerate(data):
        for j in range(8):
            if b & (0x80 >> j):
                h ^= (k >> (kl - 32 - (i * 8 + j))) & 0xffffffff
    return h
ok = n = 0
queues = set()
for m in re.finditer(r'length=(\d+) .*?RSS hash=0x([0-9a-f]+) - RSS queue=0x([0-9a-f]+)', log):
    # UDP frames (even i) are 92 + i bytes, TCP ones (odd i) 104 + i.
    length = int(m.group(1))
    i = length - 92 if length % 2 == 0 else length - 104
    dport = 2000 if i % 2 == 0 else 80
    data = bytes([10, 0, 0, i, 10, 0, 1, 1]) + (1000 + i).to_bytes(2, 'big') \
        + dport.to_bytes(2, 'big')
    n += 1
    ok += toeplitz(data) == int(m.group(2), 16)
    queues.add(m.group(3))
print("rss: %d frames, %d hashes equal Toeplitz, %d queues used" % (n, ok, len(queues)))
sys.exit(0 if n == 100 and ok == n and len(queues) == 4 else 1)
EOF
}
check "rss: device hash = Toeplitz(key), 4 queues" rss_ok

# 3. gen: traffic spread by RSS over 4 queues, no drops.
feed_gen() {
	sleep 1
	printf 'start\n'
	sleep 5
	printf 'stop\n'
	closing
}
tp gen "--no-pci --vdev ena_emu0,pmd=$PMD,queues=4,llq=1,wire=gen:64" \
	"--forward-mode=rxonly --rxq=4 --txq=4 --rss-udp" feed_gen
gen_ok() {
	local q n min=-1 max=0
	for q in 0 1 2 3; do
		n=$(grep -A1 "RX Port= 0/Queue= $q " "$OUT/gen.log" |
			awk '/RX-packets:/ { print $2; exit }')
		[ -n "$n" ] || return 1
		[ "$min" -lt 0 ] || [ "$n" -lt "$min" ] && min=$n
		[ "$n" -gt "$max" ] && max=$n
	done
	echo "gen: per-queue packets min $min max $max"
	# Shares follow how fast testpmd drains each queue; RSS only has to
	# feed all four.
	[ "$min" -gt 10000 ] && [ $((min * 3)) -gt "$max" ]
}
check "gen: every one of 4 queues gets a fair share" gen_ok

# 4. MTU 9000, 8992-byte frames in 5 Tx segments, scattered Rx.
feed_jumbo() {
	sleep 1
	printf 'port stop 0\nport config mtu 0 9000\nport start 0\n'
	printf 'start tx_first\n'
	sleep 4
	printf 'stop\n'
	closing
}
tp jumbo "--no-pci --vdev ena_emu0,pmd=$PMD,queues=1,llq=1" \
	"--forward-mode=io --max-pkt-len=9018 --enable-scatter --txpkts=2048,2048,2048,2048,800" \
	feed_jumbo
jumbo_rx=$(awk '/Accumulated forward statistics/ { f = 1 }
	f && /RX-packets:/ { print $2; exit }' "$OUT/jumbo.log")
echo "jumbo: ${jumbo_rx:-0} frames of 8992 bytes forwarded"
check "jumbo: forwarded" [ "${jumbo_rx:-0}" -gt 1000 ]
check "jumbo: no Rx drop" grep -q "RX-dropped: 0 " "$OUT/jumbo.log"

# 5. Large (256-byte) LLQ entries asked by the PMD's devarg.
feed_large() {
	sleep 1
	printf 'start tx_first\n'
	sleep 4
	printf 'stop\n'
	closing
}
tp large "-a 0000:00:06.0,large_llq_hdr=1 --log-level=pmd.net.ena_emu:info --vdev ena_emu0,pmd=$PMD,queues=2,llq=1" \
	"--forward-mode=io --rxq=2 --txq=2 --txd=512" feed_large
large_rx=$(awk '/Accumulated forward statistics/ { f = 1 }
	f && /RX-packets:/ { print $2; exit }' "$OUT/large.log")
check "large LLQ: device runs 256-byte entries" \
	grep -q "LLQ: entry 256 B" "$OUT/large.log"
check "large LLQ: forwarded (${large_rx:-0})" [ "${large_rx:-0}" -gt 1000 ]

# 6. Two ports on a peer wire.
tp peer "--no-pci --vdev ena_emu0,pmd=$PMD,queues=1,llq=1,wire=peer:ena_emu1,addr=0000:00:06.0 --vdev ena_emu1,pmd=$PMD,queues=1,llq=0,wire=peer:ena_emu0,addr=0000:00:07.0" \
	"--forward-mode=io" feed_large
peer_ok() {
	local p0 p1
	p0=$(grep -A1 "Forward statistics for port 0" "$OUT/peer.log" |
		awk '/RX-packets:/ { print $2; exit }')
	p1=$(grep -A1 "Forward statistics for port 1" "$OUT/peer.log" |
		awk '/RX-packets:/ { print $2; exit }')
	echo "peer: port 0 received ${p0:-0}, port 1 received ${p1:-0}"
	[ "${p0:-0}" -gt 1000 ] && [ "${p1:-0}" -gt 1000 ]
}
check "peer: both ports receive" peer_ok

echo "$PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]

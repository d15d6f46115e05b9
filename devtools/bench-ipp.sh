#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# Instructions per packet of the bench suite's bursts, ours and upstream's,
# counted by callgrind. Unlike cycles on a shared machine, the counts repeat
# from run to run, so they show what a change to the data path did.
#
# The bench (app/test-ena/bench.c) switches collection on only inside
# rte_eth_rx_burst / rte_eth_tx_burst and closes each row with a labelled
# dump; this script sums each dump and divides by the packets it names.
# The cycle figures the bench prints under valgrind mean nothing.
# Needs valgrind (and its headers when the build was set up).
#
# usage: devtools/bench-ipp.sh BUILD [ROUNDS]    ROUNDS default 400
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: devtools/bench-ipp.sh BUILD [ROUNDS]}
rounds=${2:-400}
command -v valgrind >/dev/null || {
	echo "bench-ipp: valgrind is not installed"
	exit 2
}
plugins=$(devtools/plugin-dir.sh "$build")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
timeout 1500 valgrind --tool=callgrind --collect-atstart=no --fair-sched=yes \
	--callgrind-out-file="$out/cg" \
	"$build/app/dpdk-test-ena" --no-huge -m 1024 -l 0-1 \
	--file-prefix="ipp$$" --log-level=lib.eal:warning \
	-d "$plugins/drivers/librte_net_ena.so" -- \
	bench bench_rounds="$rounds" >"$out/log" 2>&1 || {
	tail -20 "$out/log"
	exit 1
}
python3 - "$out" <<'EOF'
import glob, re, sys

ipp = {}
for f in glob.glob(sys.argv[1] + "/cg*"):
    label = total = None
    for line in open(f, errors="replace"):
        m = re.match(r"desc: Trigger: Client Request: (ena-bench .*)", line)
        if m:
            label = m.group(1).strip()
        m = re.match(r"(?:totals|summary): (\d+)", line)
        if m:
            total = int(m.group(1))
    if label is None or total is None:
        continue
    kv = dict(w.split("=") for w in label.split()[2:])
    who = label.split()[1]
    pkts = int(kv["pkts"])
    if pkts == 0:
        continue
    ipp[(kv["row"].replace("_", " "), who, kv["len"])] = total / pkts
if not ipp:
    sys.exit("bench-ipp: no labelled dumps (built without valgrind headers?)")
print("driver instructions per packet (inside rx/tx_burst only, callgrind)")
print("%-16s %10s %10s %10s %10s" % ("", "ours 64B", "ref 64B",
                                       "ours 1500B", "ref 1500B"))
for row in ("Rx", "Rx SIMD 128", "Rx scalar", "Tx regular", "Tx LLQ",
            "Tx LLQ SIMD 128", "Tx fast free"):
    cells = [ipp.get((row, w, l)) for l in ("64", "1500")
             for w in ("ours", "upstream")]
    print("%-16s" % row + "".join(
        " %10s" % ("-" if c is None else "%.1f" % c) for c in cells))
EOF

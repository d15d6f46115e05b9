#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 dpdk-ena authors
#
# Test of devtools/run.sh, the README's main job: a short emulated run must
# print its configuration, periodic stats, a throughput summary and the
# PMD's xstats; the real-device path must refuse bad input with a message
# saying what to do. Ends with "N passed, N failed".
#
# usage: devtools/run-test.sh [BUILD_DIR]   (default: build)
set -uo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
logdir="$build/run-test"
mkdir -p "$logdir"
# shellcheck source=devtools/lib.sh
. devtools/lib.sh

# 1. Emulated run, 3 seconds.
log="$logdir/emulated.log"
timeout --kill-after=10 300 bash devtools/run.sh --build-dir "$build" \
	--seconds 3 > "$log" 2>&1
rc=$?
check "run.sh (emulated) exits 0 (status $rc, log $log)" test $rc -eq 0
check "configuration header" has "$log" '^==== dpdk-ena run ===='
check "header names the emulated device" has "$log" '^device: +emulated ENA'
check "PMD probe summary shown" has "$log" '^PMD probe: .*(LLQ|regular)'
check "at least 3 periodic stats lines" \
	test "$(grep -Ec '^ +[0-9.]+s +port 0: rx ' "$log")" -ge 3
check "summary per port" has "$log" '^==== Summary: '
check "port 0 forwarded packets" \
	bash -c "awk '/^==== Summary/ { s = 1 } s && \$1 == \"0\" && \$2 > 0 { ok = 1 } END { exit !ok }' '$log'"
check "PMD xstats section" has "$log" '^PMD extended statistics, port 0 \([1-9][0-9]* counters'
# RSS spreads the traffic: both queues set up receive and send, none idle
# with packets waiting for a completion.
for q in 0 1; do
	check "queue $q receives" has "$log" "^  rx_q${q}_cnt +[1-9]"
	check "queue $q sends" has "$log" "^  tx_q${q}_cnt +[1-9]"
done
check "no missed Tx completion" bash -c "! grep -Eq '^  tx_q[0-9]+_missed_tx +[1-9]' '$log'"
check "final OK" has "$log" '^run: OK$'
python3 devtools/readme-sample.py run README.md "$log" > "$logdir/readme.log"
check "README's run.sh sample matches this run ($logdir/readme.log)" test $? -eq 0
grep '^FAIL' "$logdir/readme.log"

# 2. Bad input on the real-device path: clear message, non-zero status.
expect_refusal() {
	local what=$1 pattern=$2 log="$logdir/$3.log"
	shift 3
	bash devtools/run.sh --build-dir "$build" "$@" > "$log" 2>&1
	local rc=$?
	check "$what: non-zero status" test $rc -ne 0
	check "$what: says '$pattern'" has "$log" "$pattern"
}
expect_refusal "malformed PCI address" "is not a PCI address .*lspci" \
	bad-addr 00:zz
expect_refusal "absent PCI device" "no PCI device 0000:7f:1f.7" \
	absent 0000:7f:1f.7
expect_refusal "unknown option" "unknown option '--bogus'" bad-opt --bogus
expect_refusal "bad --seconds" "--seconds 'ten' is not a positive" \
	bad-seconds --seconds ten
other=""
for d in /sys/bus/pci/devices/*; do
	[ "$(cat "$d/vendor" 2> /dev/null)" = 0x1d0f ] && continue
	other=$(basename "$d")
	break
done
if [ -n "$other" ]; then
	expect_refusal "non-ENA device $other" "is 0x[0-9a-f]{4}:0x[0-9a-f]{4}, not an ENA" \
		not-ena "$other"
fi

# 3. The real-device checks replayed on a fake sysfs: an ENA VF at
# 0000:00:06.0 first bound to the kernel driver, then to vfio-pci without
# and with hugepages, without and with a write-combinable BAR 2.
fake="$logdir/sysfs"
rm -rf "$fake"
pdev="$fake/bus/pci/devices/0000:00:06.0"
hp="$fake/kernel/mm/hugepages/hugepages-2048kB"
mkdir -p "$pdev/net/eth1" "$fake/bus/pci/drivers/ena" \
	"$fake/bus/pci/drivers/vfio-pci" "$fake/kernel/iommu_groups" "$hp"
echo 0x1d0f > "$pdev/vendor"
echo 0xec21 > "$pdev/device"
{
	echo "0x00000000febf4000 0x00000000febf7fff 0x0000000000140204"
	echo "0x0000000000000000 0x0000000000000000 0x0000000000000000"
	echo "0x00000000fe800000 0x00000000fe8fffff 0x000000000014220c"
} > "$pdev/resource"
echo 0 > "$hp/nr_hugepages"
echo 0 > "$hp/free_hugepages"
echo "nodev /dev/hugepages hugetlbfs rw,relatime,pagesize=2M 0 0" > "$logdir/mounts"
export ENA_RUN_SYSFS="$fake" ENA_RUN_MOUNTS="$logdir/mounts"

ln -sfn ../../../bus/pci/drivers/ena "$pdev/driver"
expect_refusal "device bound to the kernel" \
	"dpdk-devbind.py -b vfio-pci 0000:00:06.0" kernel-bound 0000:00:06.0
check "kernel-bound: names the kernel interface" \
	has "$logdir/kernel-bound.log" "kernel interface eth1"
check "kernel-bound without IOMMU: explains no-IOMMU mode" \
	has "$logdir/kernel-bound.log" "enable_unsafe_noiommu_mode"

ln -sfn ../../../bus/pci/drivers/vfio-pci "$pdev/driver"
expect_refusal "no hugepages" \
	"echo 1024 > /sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages" \
	no-hugepages 0000:00:06.0

echo 1024 > "$hp/nr_hugepages"
echo 1024 > "$hp/free_hugepages"
log="$logdir/dry-run.log"
bash devtools/run.sh --build-dir "$build" --dry-run \
	--devargs enable_llq=0 00:06.0 > "$log" 2>&1
rc=$?
check "ready device: dry run exits 0 (status $rc, log $log)" test $rc -eq 0
check "ready device: BAR 2 not prefetchable is reported" \
	has "$log" "BAR 2 of 0000:00:06.0 is not prefetchable"
check "ready device: testpmd gets -a with the devargs, hugepages on" \
	bash -c "grep '^command:' '$log' | grep -- '-a 0000:00:06.0,enable_llq=0' | grep -vq -- '--no-huge'"

touch "$pdev/resource2_wc"
log="$logdir/dry-run-wc.log"
bash devtools/run.sh --build-dir "$build" --dry-run 0000:00:06.0 > "$log" 2>&1
check "WC-capable BAR 2: says what LLQ does without write combining" \
	has "$log" "(stock vfio-pci maps BAR 2 uncached|vfio-pci looks WC-capable)"
unset ENA_RUN_SYSFS ENA_RUN_MOUNTS

summary

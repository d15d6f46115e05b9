#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# Multi-process test: a primary dpdk-test-ena (suite mp_primary) owns an
# emulated ENA device with our PMD and a started loopback port; a secondary
# (--proc-type=secondary, suite mp_secondary) sends frames with
# rte_eth_tx_burst, receives them back, checks payloads, stats and xstats;
# then the primary checks its counters, that the device still works and
# that no mbuf was lost. Once with LLQ and once without.
#
# Processes share memory, so this needs hugepages: the script reserves
# them (root), mounts hugetlbfs if needed and gives both back at the end.
# Without them it skips with the reason. Ends with "N passed, N failed".
#
# usage: devtools/mp-test.sh [-b BUILD] [-n PKTS]
# MP_KEEP_LOGS=DIR keeps both processes' logs in DIR.
# MP_EAL_EXTRA="..." adds EAL arguments to both (e.g. log levels).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2

build=build
pkts=2000
while [ $# -gt 0 ]; do
	case $1 in
	-b) build=$2; shift 2 ;;
	-n) pkts=$2; shift 2 ;;
	*) echo "usage: $0 [-b BUILD] [-n PKTS]" >&2; exit 2 ;;
	esac
done

bin=$build/app/dpdk-test-ena
hp_sys=/sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages
# A hugetlbfs mount of our own: another run that mounts and unmounts
# /dev/hugepages meanwhile cannot pull the pages from under this one.
hp_dir=
hp_want=256
prefix=ena-mp-$$
work=$(mktemp -d)
hp_old=
hp_mounted=0
hp_why=
primary_pid=
# shellcheck source=devtools/lib.sh
. devtools/lib.sh

cleanup() {
	[ -n "$primary_pid" ] && kill "$primary_pid" 2>/dev/null &&
		wait "$primary_pid" 2>/dev/null
	[ -n "${MP_KEEP_LOGS:-}" ] && cp -r "$work" "$MP_KEEP_LOGS"
	rm -rf "$work"
	# Files of our prefix hold pages until removed.
	[ -n "$hp_dir" ] && rm -f "$hp_dir/${prefix}"map_* 2>/dev/null
	rm -rf "/var/run/dpdk/$prefix"
	[ $hp_mounted -eq 1 ] && umount "$hp_dir"
	[ -n "$hp_dir" ] && rmdir "$hp_dir" 2>/dev/null
	[ -n "$hp_old" ] && echo "$hp_old" > "$hp_sys" 2>/dev/null
}
trap cleanup EXIT
# A timeout's SIGTERM must still give the pages back.
trap 'exit 1' INT TERM

finish() {
	summary
	exit
}

skip_all() {
	echo "SKIP [mp]: $*"
	skipped=$((skipped + 1))
	finish
}

# Sets hp_why and fails when shared memory cannot be had. Runs in this
# shell (not a subshell) so that cleanup knows what to give back.
hugepages_setup() {
	local free
	if [ ! -w "$hp_sys" ]; then
		hp_why="$hp_sys not writable (need root)"
		return 1
	fi
	hp_old=$(cat "$hp_sys")
	if [ "$hp_old" -lt $hp_want ] &&
			! echo $hp_want > "$hp_sys" 2>/dev/null; then
		hp_why="cannot write $hp_want to $hp_sys"
		return 1
	fi
	free=$(awk '/^HugePages_Free:/ {print $2}' /proc/meminfo)
	if [ "${free:-0}" -lt 128 ]; then
		hp_why="only ${free:-0} free 2 MiB hugepages (asked for $hp_want)"
		return 1
	fi
	if ! hp_dir=$(mktemp -d /tmp/ena-mp-huge.XXXXXX); then
		hp_why="cannot create a mount point in /tmp"
		return 1
	fi
	if ! mount -t hugetlbfs -o pagesize=2M nodev "$hp_dir"; then
		hp_why="cannot mount hugetlbfs on $hp_dir"
		return 1
	fi
	hp_mounted=1
	return 0
}

# A fixed base address keeps the secondary's mappings where the primary put
# them: left to chance, they can collide with the secondary's own libraries
# (or with ASan's shadow memory, which covers up to 0x10007fff7fff).
eal_common() {
	echo "--file-prefix=$prefix --huge-dir=$hp_dir --iova-mode=va" \
		"--log-level=lib.eal:warning" \
		"--base-virtaddr=0x200000000000" \
		"-d $plugins/drivers/librte_net_ena.so ${MP_EAL_EXTRA:-}"
}

# One primary/secondary round; $1 = llq devarg of the emulated device.
mp_round() {
	local llq=$1 tag="llq$1" ready="$work/ready" go="$work/go" line
	local plog="$work/primary-$tag.log" slog="$work/secondary-$tag.log"
	local waited=0 rc

	rm -f "$ready" "$go"
	mkfifo "$ready" "$go" || { failed=$((failed + 1)); return; }
	# Read-write opens never block and keep both FIFOs alive for the
	# primary; if this script dies the primary sees end of file.
	exec 3<>"$ready" 4<>"$go"
	timeout --kill-after=5 300 "$bin" $(eal_common) -l 0 \
		-- ready="$ready" go="$go" llq="$llq" pkts="$pkts" mp_primary \
		> "$plog" 2>&1 &
	primary_pid=$!
	line=
	while [ $waited -lt 60 ] && kill -0 $primary_pid 2>/dev/null; do
		read -r -t 1 -u 3 line && break
		waited=$((waited + 1))
	done
	if [ "${line%% *}" = ready ]; then
		timeout --kill-after=5 120 "$bin" $(eal_common) -l 1 \
			--proc-type=secondary -- pkts="$pkts" llq="$llq" \
			mp_secondary \
			> "$slog" 2>&1
		rc=$?
		account "secondary-$tag" "$slog"
		[ $rc -ne 0 ] && [ $rc -ne 1 ] &&
			{ echo "FAIL [secondary-$tag]: exit status $rc";
			  failed=$((failed + 1)); }
	else
		echo "FAIL [primary-$tag]: never became ready"
		failed=$((failed + 1))
	fi
	echo stop >&4
	wait $primary_pid
	primary_pid=
	exec 3>&- 4>&-
	account "primary-$tag" "$plog"
}

[ -x "$bin" ] || { echo "FAIL [mp]: $bin not built"; failed=1; finish; }
plugins=$(devtools/plugin-dir.sh "$build") ||
	{ echo "FAIL [mp]: no plugin dir"; failed=1; finish; }
hugepages_setup || skip_all "no hugepages for shared memory: $hp_why"

mp_round 1
mp_round 0
finish

#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# Fuzz what the device writes and the driver reads (app/fuzz, libFuzzer
# under ASan+UBSan): installs clang and libFuzzer when missing, builds the
# targets in build-fuzz/, runs each for N seconds starting from its
# committed corpus (app/fuzz/corpus/TARGET), then replays that corpus.
# Prints one line per target and ends with "N passed, N failed". A target
# fails on a crash, sanitizer report, hang (-timeout), leak or broken
# invariant; the line names the artifact that reproduces it
# (build-fuzz/artifacts/TARGET/; run build-fuzz/fuzz_TARGET FILE).
#
# usage: devtools/fuzz.sh [--seconds N] [TARGET...]
#        targets: admin aenq pmd_aenq rx tx (default: all), N default 40
set -uo pipefail
cd "$(dirname "$0")/.."
top=$(pwd)

seconds=40
targets=()
while [ $# -gt 0 ]; do
	case "$1" in
	--seconds)
		seconds=${2:?--seconds needs a value}
		shift 2
		;;
	--seconds=*)
		seconds=${1#--seconds=}
		shift
		;;
	-h | --help)
		sed -n '3,14p' "$0" | sed 's/^# \{0,1\}//'
		exit 0
		;;
	*)
		targets+=("$1")
		shift
		;;
	esac
done
[ ${#targets[@]} -gt 0 ] || targets=(admin aenq pmd_aenq rx tx)
for t in "${targets[@]}"; do
	case "$t" in
	admin | aenq | pmd_aenq | rx | tx) ;;
	*)
		echo "fuzz.sh: unknown target '$t' (admin aenq pmd_aenq rx tx)" >&2
		exit 2
		;;
	esac
done

bdir=build-fuzz
logdir=$top/$bdir/logs
mkdir -p "$bdir" "$logdir"

# clang with libFuzzer's runtime (Debian: clang, libclang-rt-14-dev).
fuzzer_works() {
	printf 'int LLVMFuzzerTestOneInput(const char *d, long n)\n{\n\treturn 0;\n}\n' \
		> "$bdir/probe.c"
	clang -fsanitize=fuzzer,address,undefined "$bdir/probe.c" \
		-o "$bdir/probe" > /dev/null 2>&1
}
if ! command -v clang > /dev/null || ! fuzzer_works; then
	if [ "$(id -u)" != 0 ]; then
		echo "fuzz.sh: clang with libFuzzer missing; run as root or: sudo apt-get install clang libclang-rt-14-dev" >&2
		exit 1
	fi
	echo "fuzz.sh: installing clang and libFuzzer" >&2
	apt-get update -q >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		--no-install-recommends clang libclang-rt-14-dev >&2
	fuzzer_works || { echo "FAIL [fuzz]: clang cannot build a libFuzzer target"; echo "0 passed, 1 failed"; exit 1; }
fi
# DPDK, its driver SDK headers and the emulator's libraries.
devtools/setup.sh > "$logdir/setup.log" 2>&1 ||
	{ echo "FAIL [fuzz]: devtools/setup.sh"; tail -n 20 "$logdir/setup.log"; echo "0 passed, 1 failed"; exit 1; }

# Reconfigured each time: the targets compile every file of the PMD, base
# layer and emulator directories, whatever they are now.
reconf=
[ -f "$bdir/build.ninja" ] && reconf=--reconfigure
CC=clang meson setup $reconf "$bdir" app/fuzz > "$logdir/meson.log" 2>&1 ||
	{ echo "FAIL [fuzz]: meson setup"; tail -n 30 "$logdir/meson.log"; echo "0 passed, 1 failed"; exit 1; }
if ! ninja -C "$bdir" > "$logdir/ninja.log" 2>&1; then
	echo "FAIL [fuzz]: build"
	tail -n 40 "$logdir/ninja.log"
	echo "0 passed, 1 failed"
	exit 1
fi

export ASAN_OPTIONS=abort_on_error=1:detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

pass=0
fail=0
for t in "${targets[@]}"; do
	bin=$bdir/fuzz_$t
	corpus=app/fuzz/corpus/$t
	work=$bdir/corpus-$t
	art=$bdir/artifacts/$t
	log=$logdir/fuzz_$t.log
	mkdir -p "$corpus" "$work"
	rm -rf "$art"
	mkdir -p "$art"
	# New inputs land in the work directory; the committed corpus is read.
	timeout --kill-after=10 $((seconds + 300)) "$bin" \
		-max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
		-print_final_stats=1 -artifact_prefix="$art/" \
		"$work" "$corpus" > "$log" 2>&1
	rc=$?
	execs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "$log" | tail -n 1)
	rate=$(sed -nE 's/^stat::average_exec_per_sec: *([0-9]+)/\1/p' "$log" | tail -n 1)
	cov=$(grep -aoE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -n 1)
	# The committed corpus alone, every input once.
	"$bin" -runs=0 -timeout=10 -artifact_prefix="$art/replay-" "$corpus" \
		> "$logdir/replay_$t.log" 2>&1
	rrc=$?
	ncorp=$(find "$corpus" -type f | wc -l)
	bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}')
	nnew=$(find "$work" -type f | wc -l)
	found=$(find "$art" -type f | head -n 1)
	if [ $rc -eq 0 ] && [ $rrc -eq 0 ] && [ -z "$found" ]; then
		pass=$((pass + 1))
		echo "fuzz_$t: OK ${seconds} s, ${execs:-0} execs (${rate:-0}/s), ${cov:-cov: ?}, corpus $ncorp files ($bytes B) + $nnew in $work, replay OK"
	else
		fail=$((fail + 1))
		why=$(grep -a -m1 -E 'FUZZ INVARIANT BROKEN|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|SUMMARY' "$log" "$logdir/replay_$t.log" | head -n 1)
		echo "FAIL [fuzz_$t]: exit $rc, replay exit $rrc${found:+, reproducer $found}; log $log"
		[ -n "$why" ] && echo "    ${why#*:}"
	fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]

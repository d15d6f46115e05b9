#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# The whole test suite, as the README's second command and CI run it:
# install what is missing, build twice (release-like and ASan+UBSan) with
# warnings as errors, run every test in both, then build and test against
# the newer DPDK LTS releases in their Debian chroots (devtools/chroot.sh),
# and end with "N passed, N failed". Exit status is non-zero on any failure.
#
# usage: devtools/test.sh [--quick]   --quick: skip the sanitizer build and
#                                     the fuzz targets and the newer
#                                     releases
set -uo pipefail
cd "$(dirname "$0")/.."
top=$(pwd)

quick=0
[ "${1:-}" = "--quick" ] && quick=1

devtools/setup.sh || exit 1

# shellcheck source=devtools/lib.sh
. devtools/lib.sh
logdir="$top/build-logs"
rm -rf "$logdir"
mkdir -p "$logdir"

# The newer releases' chroots are made (or found in the cache) in the
# background while the host's runs go on; newer_release waits for its own.
# (Interrupted, a making goes on to its end: the next run finds it done.)
declare -A chroot_job
if [ $quick -eq 0 ]; then
	for rel in $(devtools/chroot.sh releases); do
		devtools/chroot.sh make "$rel" > "$logdir/chroot-$rel.log" 2>&1 &
		chroot_job[$rel]=$!
	done
fi

# run_quiet NAME TIMEOUT COMMAND...: one test program, its output kept in
# build-logs/NAME.log, its status in run_rc; nothing counted yet.
run_quiet() {
	local limit=$2 log="$logdir/$1.log"
	shift 2
	timeout --kill-after=10 "$limit" "$@" > "$log" 2>&1
	run_rc=$?
	[ $run_rc -eq 124 ] && echo "timed out after $limit s" >> "$log"
	return 0
}

# run NAME TIMEOUT COMMAND...: run_quiet, then its counts.
run() {
	run_quiet "$@"
	account "$1" "$logdir/$1.log" $run_rc
}

build() {
	local dir=$1
	shift
	if [ ! -f "$dir/build.ninja" ]; then
		meson setup "$dir" -Dwerror=true "$@" > "$logdir/setup-$dir.log" 2>&1 ||
			{ cat "$logdir/setup-$dir.log"; return 1; }
	fi
	ninja -C "$dir" > "$logdir/ninja-$dir.log" 2>&1 ||
		{ tail -n 60 "$logdir/ninja-$dir.log"; return 1; }
}

# Every suite of dpdk-test-ena, our PMD loaded as a plugin.
suites() {
	local dir=$1 tag=$2 plugins
	plugins=$(devtools/plugin-dir.sh "$dir") || return 1
	run "$tag-suites" 900 "$dir/app/dpdk-test-ena" $(test_eal "$tag") \
		-d "$plugins/drivers/librte_net_ena.so" --
}

# The pmd suite on the DPDK installation's own (upstream) net_ena: the
# differences it prints ("difference (upstream): ...") are the ones our PMD
# fixes. With a release, in that release's chroot.
upstream_pmd_suite() {
	local dir=$1 name=pmd-suite-upstream${release:+-$release} plugins
	local log rc try
	log="$logdir/$name.log"
	plugins=$("${in_release[@]}" devtools/plugin-dir.sh "$dir") || return 1
	# The upstream PMD can crash in its own close: its interrupt callback
	# may still run while close frees what it uses (it ignores the -EAGAIN
	# of the unregistration; see the guide), more often on a loaded
	# machine. A crash by a signal is noted and the suite run again, up to
	# three runs in all; the third crash counts.
	for try in 1 2 3; do
		timeout --kill-after=10 600 "${in_release[@]}" \
			"$dir/app/dpdk-test-ena" $(test_eal "upstream$release") \
			-d "$plugins/drivers/librte_net_ena.so" -- pmd pmd=upstream \
			> "$log" 2>&1
		rc=$?
		if [ $rc -le 128 ] || [ $rc -eq 137 ] || [ $try -eq 3 ]; then
			break
		fi
		echo "  [$name] note: the upstream PMD died by signal $((rc - 128)) (its close race); running the suite again"
		mv "$log" "$logdir/$name.crash$try.log"
	done
	account $name "$log" $rc
	grep -E '^(difference|note)' "$log" | sed "s/^/  [$name] /"
}

# The DPDK release the runs are for, empty for the host's; in_release is
# the command prefix that runs a program in that release's chroot.
release=
in_release=()

# testpmd scenarios and scripts that drive the release build's plugins.
scripted() {
	local plugins
	plugins=$(devtools/plugin-dir.sh build) || return 1
	run emu-io-testpmd-upstream 600 devtools/emu-io-testpmd.sh -b "$plugins"
	run emu-io-testpmd-ours 600 devtools/emu-io-testpmd.sh -b "$plugins" -p ours
	run emu-testpmd-upstream 600 devtools/emu-testpmd.py -b "$plugins"
	run emu-testpmd-ours 600 devtools/emu-testpmd.py -b "$plugins" -p ours
	run pmd-testpmd 600 devtools/pmd-testpmd.py -b "$plugins"
	# The same testpmd sessions on upstream and ours: no regression.
	run testpmd-diff 900 devtools/testpmd-diff.py -b "$plugins"
	grep -E '^ours only' "$logdir/testpmd-diff.log" |
		sed 's/^/  [testpmd-diff] /'
	# io forwarding, ours and upstream's on one emulated device each: the
	# device thread on cpu 0, forwarding on cpu 1; short slices, figures
	# printed (the guide's performance section runs it longer).
	# (Upstream's close race, see upstream_pmd_suite: a death by a signal
	# gets one more run.)
	local try
	for try in 1 2; do
		run_quiet bench-io 300 build/app/dpdk-test-ena --no-huge -m 1024 \
			-l 1 --file-prefix=ena-test-bio-$$ \
			--log-level=lib.eal:warning \
			-d "$plugins/drivers/librte_net_ena.so" -- bench_io \
			bench_io_ms=250
		[ "$run_rc" -le 128 ] || [ "$run_rc" -eq 137 ] && break
		echo "  [bench-io] note: died by signal $((run_rc - 128)); running it again"
	done
	account bench-io "$logdir/bench-io.log" "$run_rc"
	grep -E '^(host|LLQ) ' "$logdir/bench-io.log" | sed 's/^/  [bench-io] /'
	# Idle queues under testpmd: no false missing-Tx reset (bounded soak;
	# devtools/soak-testpmd.py --full runs 10 minutes per mode).
	run soak 900 devtools/soak-testpmd.py -b "$plugins"
	ENA_TAP_LOGDIR=$logdir run emu-tap 300 devtools/emu-tap-test.py \
		-b "$plugins" --server build/emu/ena-vfio-user
	run multi-process 180 devtools/mp-test.sh -b build
	run install-and-link 600 examples/test-ena-fwd.sh build
	run main-job 600 devtools/run-test.sh build
	run user-guide 600 devtools/doc-check.sh build
}

# The real PCI path: a QEMU guest whose ENA functions are served by
# build/emu/ena-vfio-user, driven through vfio-pci (devtools/vm.sh).
# Each keeps its console, dmesg and server log in build-logs/vm-NAME.log;
# what the run printed goes to vm-NAME.out.
vm_scenarios() {
	local s out rc cache
	run vfio-user-dma 60 build/emu/evu-dma-test
	if ! cache=$(devtools/vm-image.sh fetch 2> "$logdir/vm-image.log"); then
		echo "FAIL [vm-image]: no guest image; log: $logdir/vm-image.log"
		tail -n 20 "$logdir/vm-image.log" | sed 's/^/    /'
		failed=$((failed + 1))
		return
	fi
	run vfio-user-server 300 devtools/vfio-user-test.py \
		--server build/emu/ena-vfio-user --qemu-root "$cache/qemu"
	for s in devbind testpmd-ours testpmd-upstream linux-ena; do
		out="$logdir/vm-$s.out"
		timeout --kill-after=10 900 devtools/vm.sh -b build "$s" > "$out" 2>&1
		rc=$?
		[ $rc -eq 124 ] && echo "timed out after 900 s" >> "$out"
		account "vm-$s" "$out" $rc
	done
}

if build build; then
	suites build release
	upstream_pmd_suite build
	scripted
	vm_scenarios
else
	echo "FAIL [build]: release build failed"
	failed=$((failed + 1))
fi

# sdk.sh with neither a Debian source package nor a folder, in a fresh
# cache: it must fetch DPDK's release tarball or, with no network, stop
# with a message that names both ways out.
sdk_fallback() {
	local log="$logdir/sdk-fallback-$release.log" rc
	"${in_release[@]}" env -u DPDK_ENA_SDK_SRC sh -c '
		d=/tmp/ena-sdk-fallback-$$
		DPDK_ENA_CACHE=$d sh devtools/sdk.sh fetch; rc=$?
		rm -rf "$d"; exit $rc' > "$log" 2>&1
	rc=$?
	if [ $rc -eq 0 ] && grep -q 'downloading https://fast.dpdk.org' "$log"; then
		echo "PASS: SDK headers from the release tarball" >> "$log"
		echo "1 passed, 0 failed" >> "$log"
	elif [ $rc -ne 0 ] && grep -q 'DPDK_ENA_SDK_SRC' "$log" &&
		grep -q 'tarball https://fast.dpdk.org/.*not reachable' "$log"; then
		echo "PASS: no folder, no network: the message names both" >> "$log"
		echo "1 passed, 0 failed" >> "$log"
	else
		echo "FAIL: sdk.sh without folder or network (rc $rc)" >> "$log"
		echo "0 passed, 1 failed" >> "$log"
	fi
	account "sdk-fallback-$release" "$log" 0
}

# A newer DPDK LTS release in its chroot: the SDK headers (from the shared
# folder CI provides beside the clone, else DPDK's release tarball), the
# build with warnings as errors, the abi, emu and pmd suites on our PMD,
# the pmd suite on that release's own net_ena and the testpmd scenario.
newer_release() {
	local rel=$1 dir=build-$1 shared="$top/../shared/dpdk-sdk" plugins
	if ! wait "${chroot_job[$rel]}"; then
		echo "FAIL [chroot-$rel]: no DPDK $rel chroot; log: $logdir/chroot-$rel.log"
		tail -n 5 "$logdir/chroot-$rel.log" | sed 's/^/    /'
		failed=$((failed + 1))
		return
	fi
	release=$rel
	in_release=(devtools/chroot.sh run "$rel" --)
	unset DPDK_ENA_SDK_SRC
	if [ -d "$shared/$rel" ]; then
		shared=$(cd "$shared" && pwd -P)
		in_release=(devtools/chroot.sh run "$rel" --bind "$shared" --)
		export DPDK_ENA_SDK_SRC="$shared/$rel"
	fi
	if ! "${in_release[@]}" devtools/sdk.sh fetch > "$logdir/sdk-$rel.log" 2>&1; then
		echo "FAIL [sdk-$rel]: no DPDK $rel SDK headers:"
		sed 's/^/    /' "$logdir/sdk-$rel.log"
		failed=$((failed + 1))
		return
	fi
	if ! "${in_release[@]}" sh -c "{ [ -f $dir/build.ninja ] ||
		meson setup $dir -Dwerror=true; } && ninja -C $dir" \
		> "$logdir/ninja-$dir.log" 2>&1; then
		echo "FAIL [$dir]: build against DPDK $rel failed"
		tail -n 60 "$logdir/ninja-$dir.log"
		failed=$((failed + 1))
		return
	fi
	sdk_fallback
	plugins=$("${in_release[@]}" devtools/plugin-dir.sh "$dir") || return
	run "release-$rel-suites" 900 "${in_release[@]}" "$dir/app/dpdk-test-ena" \
		$(test_eal "$rel") -d "$plugins/drivers/librte_net_ena.so" -- abi emu pmd
	upstream_pmd_suite "$dir"
	run "pmd-testpmd-$rel" 600 "${in_release[@]}" python3 \
		devtools/pmd-testpmd.py -b "$plugins"
	release=
	in_release=()
	unset DPDK_ENA_SDK_SRC
}

if [ $quick -eq 0 ]; then
	# DPDK's own libraries are not instrumented, so only our code is checked
	# for memory errors; LeakSanitizer sees every malloc of the process and
	# fails the run on any leak left at exit (attach/detach cycles included).
	export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
	export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
	if build build-asan -Db_sanitize=address,undefined -Db_lundef=false; then
		suites build-asan asan
		run multi-process-asan 180 devtools/mp-test.sh -b build-asan
	else
		echo "FAIL [build-asan]: sanitizer build failed"
		failed=$((failed + 1))
	fi
	unset ASAN_OPTIONS UBSAN_OPTIONS

	# Fuzzed device input (app/fuzz): each target for a bounded time,
	# then its committed corpus replayed (devtools/fuzz.sh).
	run fuzz 1200 devtools/fuzz.sh

	for rel in $(devtools/chroot.sh releases); do
		newer_release "$rel"
	done
fi

# Style and layering rules over the whole tree.
if devtools/checkpatch.sh --all > "$logdir/checkpatch.log" 2>&1; then
	ok
	echo "checkpatch: OK"
else
	failed=$((failed + 1))
	echo "FAIL [checkpatch]:"
	sed 's/^/    /' "$logdir/checkpatch.log" | head -n 40
fi

# The README's test.sh sample lists exactly the runs made here (full mode).
if [ $quick -eq 0 ]; then
	accounted+=(checkpatch)
	if python3 devtools/readme-sample.py runs README.md "${accounted[@]}" \
		> "$logdir/readme-sample.log" 2>&1; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL [readme-sample]:"
		grep '^FAIL' "$logdir/readme-sample.log" | sed 's/^/    /'
	fi
fi

summary

#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 dpdk-ena authors
#
# Install, link and coexistence test, as a user would do it:
#  1. meson install BUILD into a staging directory; check the layout and the
#     pkg-config files;
#  2. build examples/ena_fwd out of tree through pkg-config, linking the PMD
#     as a shared library and as a whole archive;
#  3. run both binaries on an emulated ENA and check that they forward and
#     that OUR net_ena took the device although Debian's is loaded too;
#  4. with dpdk-testpmd: without -d the emulated device goes to Debian's
#     net_ena, with -d ours it goes to ours.
# Ends with "N passed, N failed".
#
# usage: examples/test-ena-fwd.sh [BUILD_DIR]   (default: build, built already)
set -uo pipefail
cd "$(dirname "$0")/.."
top=$(pwd)
build=$(cd "${1:-build}" 2> /dev/null && pwd) ||
	{ echo "FAIL: build directory ${1:-build} missing"; echo "0 passed, 1 failed"; exit 1; }
# EAL loads -d plugins only from paths no one else may write: under /tmp the
# staged install goes to a private cache directory instead.
work=$(devtools/plugin-dir.sh --work ena-fwd-test "$build") ||
	{ echo "FAIL: no directory to stage the install in"; echo "0 passed, 1 failed"; exit 1; }
stage="$work/stage"
# shellcheck source=devtools/lib.sh
. devtools/lib.sh

# 1. Staged install.
check "meson install into $stage (log $work/install.log)" \
	env DESTDIR="$stage" meson install -C "$build" --no-rebuild --quiet \
	> "$work/install.log" 2>&1
libdir=$(meson introspect --buildoptions "$build" 2> /dev/null |
	python3 -c 'import json,sys; o={x["name"]: x["value"] for x in json.load(sys.stdin)}; print(o["prefix"].rstrip("/") + "/" + o["libdir"])')
root="$stage$libdir"
for f in dpdk-ena/librte_net_ena.so dpdk-ena/librte_net_ena.a \
	dpdk-ena/librte_ena_emu.so pkgconfig/libdpdk-ena.pc \
	pkgconfig/libdpdk-ena-static.pc; do
	check "installed file $root/$f" test -e "$root/$f"
done
pmd_dir="$(dirname "$(pkg-config --path libdpdk-ena 2> /dev/null || echo /)")"
export PKG_CONFIG_PATH="$root/pkgconfig"
pkg-config --libs libdpdk-ena > "$work/pc-shared.txt" 2>&1
pkg-config --libs libdpdk-ena-static > "$work/pc-static.txt" 2>&1
check "libdpdk-ena.pc links librte_net_ena.so kept by --no-as-needed" \
	has "$work/pc-shared.txt" -- '--no-as-needed .*-l:librte_net_ena\.so'
check "libdpdk-ena-static.pc links the archive whole" \
	has "$work/pc-static.txt" -- '--whole-archive .*-l:librte_net_ena\.a .*--no-whole-archive'
check "pkg-config paths resolve inside the staging directory" \
	has "$work/pc-shared.txt" "-L$root/pkgconfig/../dpdk-ena"

# 2. Out-of-tree build of the example, both link modes.
fwd="$work/fwd"
check "meson setup examples/ena_fwd against the staged .pc files" \
	meson setup "$fwd" examples/ena_fwd -Dwerror=true > "$work/fwd-setup.log" 2>&1
check "ninja builds ena_fwd-shared and ena_fwd-static" \
	ninja -C "$fwd" > "$work/fwd-build.log" 2>&1
check "ena_fwd-shared needs librte_net_ena.so" \
	bash -c "readelf -d '$fwd/ena_fwd-shared' | grep -q 'NEEDED.*librte_net_ena\.so'"
check "ena_fwd-static does not need librte_net_ena.so" \
	bash -c "! readelf -d '$fwd/ena_fwd-static' | grep -q 'NEEDED.*librte_net_ena'"

mk="$work/make"
cp -r examples/ena_fwd "$mk"
rm -rf "$mk/build"
check "make builds both binaries through pkg-config (log $work/make.log)" \
	bash -c "make -C '$mk' > '$work/make.log' 2>&1 && test -x '$mk/build/ena_fwd-shared' && test -x '$mk/build/ena_fwd-static'"

# 3. Both binaries on the emulator; no pmd= so the emulator, like the PCI
# bus, offers the device to the first registered net_ena.
emu="$root/dpdk-ena/librte_ena_emu.so"
eal() {
	echo "-l 0 --no-huge -m 512 --no-pci --file-prefix=ena-fwd-test-$1-$$"
	echo "--log-level=lib.eal:error -d $emu"
	echo "--vdev ena_emu0,wire=loopback,queues=2"
}
run_fwd() {
	local mode=$1 log="$work/run-$1.log" rc
	timeout --kill-after=5 60 "$fwd/ena_fwd-$mode" $(eal "$mode") -- \
		--seconds 2 --queues 2 --tx-first 64 --min-packets 1000 \
		> "$log" 2>&1
	rc=$?
	check "ena_fwd-$mode forwards on the emulated ENA (exit $rc, log $log)" \
		test $rc -eq 0
	check "ena_fwd-$mode reports received packets" \
		has "$log" '^ena_fwd: [0-9]+ packets received'
	echo "  $(grep -E '^ena_fwd: [0-9]+ packets received' "$log")" 
	echo "  $(grep -E '^ena_fwd: port 0: device' "$log")"
}
# driver_file LOG: the file ena_fwd says port 0's driver comes from.
driver_file() {
	local f
	f=$(sed -n 's/^ena_fwd: port 0: device .*, driver net_ena from //p' "$1")
	[ -n "$f" ] && realpath "$f"
}
run_fwd shared
check "shared: our net_ena (from the staged librte_net_ena.so) took the device" \
	test "$(driver_file "$work/run-shared.log")" = "$(realpath "$root/dpdk-ena/librte_net_ena.so")"
run_fwd static
check "static: our net_ena (inside ena_fwd-static) took the device" \
	has "$work/run-static.log" "driver net_ena from $fwd/ena_fwd-static\$"

# 4. Debian's net_ena and ours in one process: the -d plugin registers
# first and wins; without it Debian's (from the plugin directory) is used.
testpmd_probe() {
	local tag=$1 log="$work/testpmd-$1.log"
	shift
	timeout --kill-after=5 60 dpdk-testpmd -l 0-1 --no-huge -m 512 --no-pci \
		--file-prefix="ena-fwd-test-$tag-$$" --log-level=lib.eal:error \
		--log-level=pmd.net.ena_emu:info "$@" -d "$emu" \
		--vdev ena_emu0,wire=loopback,queues=1 -- \
		--total-num-mbufs=4096 < /dev/null > "$log" 2>&1
	echo "$log"
}
plugin_dir=$(strings /usr/lib/x86_64-linux-gnu/librte_eal.so.* 2> /dev/null |
	sed -n 's/^DPDK_PLUGIN_PATH=//p' | head -n 1)
log=$(testpmd_probe debian)
check "testpmd without -d: Debian's net_ena from $plugin_dir took the device ($log)" \
	has "$log" "using PCI driver net_ena from ${plugin_dir:-/nonexistent}/"
log=$(testpmd_probe ours -d "$root/dpdk-ena/librte_net_ena.so")
check "testpmd -d ours: our net_ena took the device although Debian's is loaded ($log)" \
	has "$log" "using PCI driver net_ena from $root/dpdk-ena/librte_net_ena\.so"
check "testpmd -d ours: port 0 came up" has "$log" '^Port 0: [0-9A-F:]{17}'

summary

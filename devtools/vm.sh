#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# The real PCI path: boot a guest whose emulated ENA functions are PCI
# devices served by build/emu/ena-vfio-user over vfio-user, and run
# scenarios in it. Each scenario ends with "N passed, N failed"; its
# console, dmesg and the server's log are kept in build-logs/vm-<name>.log.
#
# usage: devtools/vm.sh [-b BUILD] [--run OPTS] SCENARIO...
#   devbind           dpdk-devbind.py status, bind to vfio-pci and back
#   testpmd-ours      our PMD in testpmd through vfio-pci (LLQ on and off)
#   testpmd-upstream  the same with Debian's net_ena
#   linux-ena         Linux's ena driver: ethtool, MTU, ping, reset
#   all               the four above
#   run               devtools/run.sh on the guest's 0000:00:06.0 (the main
#                     job; options with --run seconds=N,queues=N,fwd=MODE)
# Runs under QEMU's TCG (this machine's KVM cannot run a stock kernel):
# about 10 s to boot and 20-90 s per scenario.
set -uo pipefail
cd "$(dirname "$0")/.."

build=build
run_args=seconds=10
while [ $# -gt 0 ]; do
	case "$1" in
	-b) build=$2; shift 2 ;;
	--run) run_args=$2; shift 2 ;;
	*) break ;;
	esac
done
[ $# -gt 0 ] || { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
scenarios=("$@")
[ "${scenarios[0]}" = all ] && scenarios=(devbind testpmd-ours testpmd-upstream linux-ena)

die() {
	echo "vm.sh: $*" >&2
	exit 1
}

[ "$(id -u)" = 0 ] || die "must run as root"
devtools/libvfio-user.sh fetch >/dev/null || die "libvfio-user is not available"
cache=$(devtools/vm-image.sh fetch) || die "no guest image"
if [ ! -f "$build/build.ninja" ]; then
	meson setup "$build" -Dwerror=true >/dev/null || die "meson setup failed"
fi
ninja -C "$build" >/dev/null || die "build failed (ninja -C $build)"
[ -x "$build/emu/ena-vfio-user" ] ||
	die "$build/emu/ena-vfio-user was not built (meson setup --reconfigure $build)"
plugins=$(devtools/plugin-dir.sh "$build") || die "no plugin directory"
mkdir -p build-logs

status=0
for s in "${scenarios[@]}"; do
	args=-
	echo=
	[ "$s" = testpmd-ours ] && args=$plugins,$(cd "$build" && pwd -P)/app/dpdk-test-ena
	[ "$s" = run ] && args="build=$build,$run_args" && echo=--echo
	python3 devtools/vm.py --build "$build" --plugins "$plugins" \
		--cache "$cache" --log "build-logs/vm-$s.log" --args "$args" $echo "$s" ||
		status=1
done
exit $status

#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 dpdk-ena authors
#
# One meson test (declared in app/meson.build and meson.build; see
# "meson test -C BUILD --list"): a dpdk-test-ena suite with this build's
# PMD loaded as a plugin, or a test script. The run is judged as test.sh
# judges it (devtools/lib.sh account): its closing "N passed, N failed"
# line and its exit status. A run that only skipped exits 77, which meson
# shows as SKIP.
#
# usage: devtools/meson-test.sh BUILD suite TEST_ENA SUITE [KEY=VALUE...]
#        devtools/meson-test.sh BUILD run NAME COMMAND [ARG...]
#   In a script's arguments @PLUGINS@ stands for the directory EAL loads
#   this build's plugins from (devtools/plugin-dir.sh).
set -uo pipefail
# meson gives the test program relative to the build directory it runs in.
here=$(pwd)
cd "$(dirname "$0")/.." || exit 2
# shellcheck source=devtools/lib.sh
. devtools/lib.sh

usage() {
	sed -n 's/^# usage: //p; s/^#        //p' "$0" >&2
	exit 2
}

[ $# -ge 3 ] || usage
build=$1
mode=$2
shift 2
plugins=$(devtools/plugin-dir.sh "$build") || exit 1
log=$(mktemp)
trap 'rm -f "$log"' EXIT

case $mode in
suite)
	[ $# -ge 2 ] || usage
	bin=$1
	[ "${bin#/}" = "$bin" ] && bin=$here/$bin
	name=$2
	shift
	# shellcheck disable=SC2046
	"$bin" $(test_eal "meson-$name") \
		-d "$plugins/drivers/librte_net_ena.so" -- "$@" 2>&1 |
		tee "$log"
	rc=${PIPESTATUS[0]}
	;;
run)
	[ $# -ge 2 ] || usage
	name=$1
	shift
	args=()
	for a in "$@"; do
		args+=("${a//@PLUGINS@/$plugins}")
	done
	"${args[@]}" 2>&1 | tee "$log"
	rc=${PIPESTATUS[0]}
	;;
*)
	usage
	;;
esac

echo "----"
account "$name" "$log" "$rc"
summary || exit 1
[ $passed -eq 0 ] && [ $skipped -gt 0 ] && exit 77
exit 0

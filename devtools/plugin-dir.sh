#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Print a directory holding drivers/librte_net_ena.so and emu/librte_ena_emu.so
# of build directory BUILD that EAL will agree to load with -d.
#
# EAL refuses a plugin when any directory on its path is world-writable (a
# clone under /tmp, say). The build directory itself is printed when its path
# is fine; otherwise the two plugins are copied to a private cache directory
# that keeps the same drivers/ and emu/ layout, and that one is printed.
#
# With --work NAME, prints instead a directory for a script's own files
# (an install staged there, say) from which EAL will load plugins: BUILD/NAME
# when that path is fine, else NAME under the same private cache; it is
# created empty.
#
# usage: devtools/plugin-dir.sh BUILD
#        devtools/plugin-dir.sh --work NAME BUILD
set -eu
work=
if [ "${1:-}" = --work ]; then
	work=${2:?usage: plugin-dir.sh --work NAME BUILD}
	shift 2
fi
build=$(cd "${1:?usage: plugin-dir.sh BUILD}" && pwd -P)

path_is_safe() {
	d=$1
	while :; do
		[ -n "$(find "$d" -maxdepth 0 -perm -0002 2>/dev/null)" ] && return 1
		[ "$d" = / ] && return 0
		d=$(dirname "$d")
	done
}

cache=$(dirname "$("$(dirname "$0")/sdk.sh" dir)")
key=$(echo "$build" | cksum | cut -d' ' -f1)

if [ -n "$work" ]; then
	dir=$build/$work
	path_is_safe "$build" || dir=$cache/work/$key/$work
	rm -rf "$dir"
	mkdir -p "$dir"
	chmod 755 "$dir"
	path_is_safe "$dir" || { echo "plugin-dir.sh: no safe directory for $work ($dir)" >&2; exit 1; }
	echo "$dir"
	exit 0
fi

if path_is_safe "$build/drivers" && path_is_safe "$build/emu"; then
	echo "$build"
	exit 0
fi

root=$cache/plugins/$key
mkdir -p "$root/drivers" "$root/emu"
chmod 755 "$root" "$root/drivers" "$root/emu"
path_is_safe "$root" || { echo "plugin-dir.sh: no safe directory for plugins ($root)" >&2; exit 1; }
cp -f "$build/drivers/librte_net_ena.so" "$root/drivers/"
[ -f "$build/emu/librte_ena_emu.so" ] && cp -f "$build/emu/librte_ena_emu.so" "$root/emu/"
echo "$root"

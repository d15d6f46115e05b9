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
# usage: devtools/plugin-dir.sh BUILD
set -eu
build=$(cd "${1:?usage: plugin-dir.sh BUILD}" && pwd -P)

path_is_safe() {
	d=$1
	while :; do
		[ -n "$(find "$d" -maxdepth 0 -perm -0002 2>/dev/null)" ] && return 1
		[ "$d" = / ] && return 0
		d=$(dirname "$d")
	done
}

if path_is_safe "$build/drivers" && path_is_safe "$build/emu"; then
	echo "$build"
	exit 0
fi

root=$("$(dirname "$0")/sdk.sh" dir)
root=$(dirname "$root")/plugins/$(echo "$build" | cksum | cut -d' ' -f1)
mkdir -p "$root/drivers" "$root/emu"
chmod 755 "$root" "$root/drivers" "$root/emu"
path_is_safe "$root" || { echo "plugin-dir.sh: no safe directory for plugins ($root)" >&2; exit 1; }
cp -f "$build/drivers/librte_net_ena.so" "$root/drivers/"
[ -f "$build/emu/librte_ena_emu.so" ] && cp -f "$build/emu/librte_ena_emu.so" "$root/emu/"
echo "$root"

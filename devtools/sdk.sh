#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Obtain the DPDK driver SDK headers (ethdev_driver.h, bus_pci_driver.h, ...)
# and the reference ENA interface headers from Debian's dpdk source package of
# exactly the installed libdpdk-dev version. They are build inputs kept in a
# cache outside the repository; nothing fetched here is ever committed.
#
# usage: devtools/sdk.sh fetch   fetch (if needed) and print the cache dir
#        devtools/sdk.sh dir     print the cache dir without fetching
set -eu

cache_root() {
	if [ -n "${DPDK_ENA_CACHE:-}" ]; then
		echo "$DPDK_ENA_CACHE"
	elif [ -w /var/cache ] || [ "$(id -u)" = 0 ]; then
		echo /var/cache/dpdk-ena
	else
		echo "${XDG_CACHE_HOME:-$HOME/.cache}/dpdk-ena"
	fi
}

installed_version() {
	dpkg-query -W -f='${Version}' libdpdk-dev 2>/dev/null || true
}

die() {
	echo "sdk.sh: $*" >&2
	exit 1
}

version=$(installed_version)
[ -n "$version" ] || die "libdpdk-dev is not installed (apt-get install libdpdk-dev)"
dir="$(cache_root)/sdk-$version"

case "${1:-fetch}" in
dir)
	echo "$dir"
	exit 0
	;;
fetch) ;;
*)
	die "unknown command '$1' (expected fetch or dir)"
	;;
esac

if [ -f "$dir/.complete" ]; then
	echo "$dir"
	exit 0
fi

have_deb_src() {
	grep -rqsE '^(deb-src|Types:.*deb-src)' /etc/apt/sources.list \
		/etc/apt/sources.list.d/ 2>/dev/null
}

if ! have_deb_src; then
	[ "$(id -u)" = 0 ] || die "no deb-src entry in apt sources; as root, add one and run 'apt-get update'"
	echo "sdk.sh: adding a deb-src entry for Debian bookworm" >&2
	cat > /etc/apt/sources.list.d/dpdk-ena-src.sources <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
	apt-get update -q >&2 || die "apt-get update failed"
fi

work="$dir.tmp.$$"
rm -rf "$work"
mkdir -p "$work/dl"
trap 'rm -rf "$work"' EXIT
(cd "$work/dl" && apt-get source --download-only "dpdk=$version" >&2 2>&1) ||
	die "cannot download source package dpdk=$version; is a deb-src entry for its suite configured and 'apt-get update' done?"

dsc=$(ls "$work"/dl/dpdk_*.dsc 2>/dev/null | head -n 1)
[ -n "$dsc" ] || die "source package download produced no .dsc"
src_version=$(sed -n 's/^Version: //p' "$dsc" | head -n 1)
[ "$src_version" = "$version" ] ||
	die "version mismatch: installed libdpdk-dev $version, source package $src_version; refusing to build against headers of another version"

tarball=$(ls "$work"/dl/dpdk_*.orig.tar.* | head -n 1)
mkdir -p "$work/src"
tar -xf "$tarball" -C "$work/src" --strip-components=1 \
	--wildcards '*/lib/eal/include/*' '*/lib/ethdev/*' \
	'*/drivers/bus/pci/*' '*/drivers/bus/vdev/*' '*/drivers/net/ena/*' ||
	die "cannot extract $tarball"

# SDK headers: every header of those directories that libdpdk-dev does not
# install, so that a PMD sees exactly what an in-tree driver would.
mkdir -p "$work/out/include" "$work/out/ref/ena_defs"
for h in "$work"/src/lib/eal/include/*.h "$work"/src/lib/ethdev/*.h \
	"$work"/src/drivers/bus/pci/*.h "$work"/src/drivers/bus/vdev/*.h; do
	name=$(basename "$h")
	[ -e "/usr/include/dpdk/$name" ] && continue
	case "$name" in
	private.h) cp "$h" "$work/out/include/bus_pci_private.h" ;;
	*) cp "$h" "$work/out/include/$name" ;;
	esac
done
for need in ethdev_driver.h ethdev_pci.h ethdev_vdev.h bus_pci_driver.h \
	bus_vdev_driver.h bus_driver.h dev_driver.h rte_eal_paging.h; do
	[ -f "$work/out/include/$need" ] || die "source package lacks $need"
done

# Reference ENA interface headers, used only by the abi conformance suite.
cp "$work"/src/drivers/net/ena/base/ena_defs/*.h "$work/out/ref/ena_defs/"

echo "$version" > "$work/out/VERSION"
rm -rf "$dir"
mkdir -p "$(dirname "$dir")"
mv "$work/out" "$dir"
touch "$dir/.complete"
echo "$dir"

#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Obtain the DPDK driver SDK headers (ethdev_driver.h, bus_pci_driver.h, ...)
# and the reference ENA interface headers for exactly the DPDK this tree
# builds against (the libdpdk pkg-config finds). They are build inputs kept
# in a cache outside the repository; nothing fetched here is ever committed.
#
# Where they come from, first found wins:
#  1. Debian's dpdk source package of the installed libdpdk-dev version
#     (on Debian bookworm a deb-src entry is added when there is none);
#  2. a folder: --from DIR or DPDK_ENA_SDK_SRC=DIR, holding a DPDK source
#     tree of the same release, or the parts of one listed below (CI passes
#     ../shared/dpdk-sdk/<release>);
#  3. DPDK's release tarball from fast.dpdk.org, when the network allows.
# Otherwise it stops with a message naming the folder and the tarball.
# A folder or tarball must be of the same LTS branch (year.month) as the
# installed DPDK; another minor version of it is accepted and said so.
#
# usage: devtools/sdk.sh fetch [--from DIR]  fetch if needed, print the dir
#        devtools/sdk.sh dir                 print the dir without fetching
#        devtools/sdk.sh root                print the cache root
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

die() {
	echo "sdk.sh: $*" >&2
	exit 1
}

cmd=${1:-fetch}
[ $# -gt 0 ] && shift
from=${DPDK_ENA_SDK_SRC:-}
while [ $# -gt 0 ]; do
	case "$1" in
	--from)
		from=${2:?--from needs a directory}
		shift 2
		;;
	*) die "unknown argument '$1'" ;;
	esac
done

if [ "$cmd" = root ]; then
	cache_root
	exit 0
fi

# The DPDK being built against, and whether it is Debian's libdpdk-dev.
pc=$(pkg-config --path libdpdk 2>/dev/null) ||
	die "pkg-config finds no libdpdk: apt-get install libdpdk-dev, or set PKG_CONFIG_PATH to a DPDK install's pkgconfig directory"
upstream=$(pkg-config --modversion libdpdk)
includedir=$(pkg-config --variable=includedir libdpdk)
version=
if dpkg -S "$pc" 2>/dev/null | grep -q '^libdpdk-dev'; then
	version=$(dpkg-query -W -f='${Version}' libdpdk-dev 2>/dev/null || true)
fi
if [ -n "$version" ]; then
	dir="$(cache_root)/sdk-$version"
else
	# A DPDK of one's own: keyed on its version and where it is installed.
	dir="$(cache_root)/sdk-$upstream-$(echo "$pc" | cksum | cut -d' ' -f1)"
fi
series=$(echo "$upstream" | cut -d. -f1-2)

case "$cmd" in
dir)
	echo "$dir"
	exit 0
	;;
fetch) ;;
*)
	die "unknown command '$cmd' (expected fetch, dir or root)"
	;;
esac

if [ -f "$dir/.complete" ]; then
	echo "$dir"
	exit 0
fi

work="$dir.tmp.$$"
rm -rf "$work"
mkdir -p "$work/dl" "$work/src"
trap 'rm -rf "$work"' EXIT
tried=""

codename() {
	sed -n 's/^VERSION_CODENAME=//p' /etc/os-release 2>/dev/null
}

have_deb_src() {
	grep -rqsE '^(deb-src|Types:.*deb-src)' /etc/apt/sources.list \
		/etc/apt/sources.list.d/ 2>/dev/null
}

# 1. Debian's source package; extracts into $work/src on success.
from_debian() {
	if [ -z "$version" ]; then
		tried="$tried
  - Debian source package: $pc is not Debian's libdpdk-dev"
		return 1
	fi
	if ! have_deb_src && [ "$(codename)" = bookworm ]; then
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
	if ! apt-cache showsrc "dpdk=$version" 2>/dev/null | grep -q '^Package:'; then
		tried="$tried
  - Debian source package dpdk=$version: not known to apt (no deb-src entry serving it)"
		return 1
	fi
	if ! (cd "$work/dl" && apt-get source --download-only "dpdk=$version" >&2 2>&1); then
		tried="$tried
  - Debian source package dpdk=$version: download failed"
		return 1
	fi
	dsc=$(ls "$work"/dl/dpdk_*.dsc 2>/dev/null | head -n 1)
	[ -n "$dsc" ] || die "source package download produced no .dsc"
	src_version=$(sed -n 's/^Version: //p' "$dsc" | head -n 1)
	[ "$src_version" = "$version" ] ||
		die "version mismatch: installed libdpdk-dev $version, source package $src_version; refusing to build against headers of another version"
	tarball=$(ls "$work"/dl/dpdk_*.orig.tar.* | head -n 1)
	extract "$tarball"
	origin="Debian source package dpdk $version"
}

# Unpacks the directories needed from a DPDK release tarball.
extract() {
	tar -xf "$1" -C "$work/src" --strip-components=1 \
		--wildcards '*/VERSION' '*/lib/eal/include/*' '*/lib/ethdev/*' \
		'*/drivers/bus/pci/*' '*/drivers/bus/vdev/*' \
		'*/drivers/net/ena/*' || die "cannot extract $1"
}

# The source's own version must be of the installed DPDK's LTS branch.
check_series() {
	what=$1
	got=$(cat "$work/src/VERSION" 2>/dev/null || true)
	[ -n "$got" ] || die "$what has no VERSION file: cannot tell which DPDK it is"
	[ "$(echo "$got" | cut -d. -f1-2)" = "$series" ] ||
		die "$what is DPDK $got, the installed DPDK is $upstream: give a $series folder"
	[ "$got" = "$upstream" ] ||
		echo "sdk.sh: using DPDK $got headers for the installed $upstream (same $series branch)" >&2
	origin="$what (DPDK $got)"
}

# 2. A folder holding (the needed parts of) a DPDK source tree.
from_folder() {
	[ -n "$from" ] || return 1
	[ -f "$from/lib/ethdev/ethdev_driver.h" ] ||
		die "folder $from has no lib/ethdev/ethdev_driver.h: not a DPDK source tree"
	for d in VERSION lib/eal/include lib/ethdev drivers/bus/pci \
		drivers/bus/vdev drivers/net/ena/base/ena_defs; do
		[ -e "$from/$d" ] || die "folder $from lacks $d"
		mkdir -p "$work/src/$(dirname "$d")"
		cp -R "$from/$d" "$work/src/$d"
	done
	check_series "folder $from"
}

# 3. DPDK's release tarball.
from_tarball() {
	url="https://fast.dpdk.org/rel/dpdk-$upstream.tar.xz"
	out="$work/dl/dpdk-$upstream.tar.xz"
	echo "sdk.sh: downloading $url" >&2
	if command -v curl >/dev/null; then
		curl -fsSL --connect-timeout 15 -o "$out" "$url" 2>/dev/null || rm -f "$out"
	elif command -v wget >/dev/null; then
		wget -q -T 15 -O "$out" "$url" 2>/dev/null || rm -f "$out"
	elif command -v python3 >/dev/null; then
		python3 -c 'import sys, urllib.request as u
open(sys.argv[2], "wb").write(u.urlopen(sys.argv[1], timeout=15).read())' \
			"$url" "$out" 2>/dev/null || rm -f "$out"
	fi
	if [ ! -s "$out" ]; then
		tried="$tried
  - no folder given: pass --from DIR or set DPDK_ENA_SDK_SRC=DIR to a DPDK $series source tree (e.g. ../shared/dpdk-sdk/$series)
  - DPDK release tarball $url: not reachable"
		return 1
	fi
	extract "$out"
	check_series "release tarball $url"
}

origin=
if ! from_debian && ! from_folder && ! from_tarball; then
	die "no DPDK $upstream driver SDK headers found:$tried
Give a folder, or a network that reaches fast.dpdk.org."
fi

# SDK headers: every header of those directories that the installed DPDK
# does not have, so that a PMD sees exactly what an in-tree driver would.
mkdir -p "$work/out/include" "$work/out/ref/ena_defs"
for h in "$work"/src/lib/eal/include/*.h "$work"/src/lib/ethdev/*.h \
	"$work"/src/drivers/bus/pci/*.h "$work"/src/drivers/bus/vdev/*.h; do
	name=$(basename "$h")
	[ -e "$includedir/$name" ] && continue
	case "$name" in
	private.h) cp "$h" "$work/out/include/bus_pci_private.h" ;;
	*) cp "$h" "$work/out/include/$name" ;;
	esac
done
for need in ethdev_driver.h ethdev_pci.h ethdev_vdev.h bus_pci_driver.h \
	bus_vdev_driver.h bus_driver.h dev_driver.h rte_eal_paging.h; do
	[ -f "$work/out/include/$need" ] || die "$origin lacks $need"
done

# Reference ENA interface headers, used only by the abi conformance suite.
cp "$work"/src/drivers/net/ena/base/ena_defs/*.h "$work/out/ref/ena_defs/"

echo "${version:-$upstream}" > "$work/out/VERSION"
echo "$origin" > "$work/out/SOURCE"
rm -rf "$dir"
mkdir -p "$(dirname "$dir")"
mv "$work/out" "$dir"
touch "$dir/.complete"
echo "$dir"

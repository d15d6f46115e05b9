#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Install what building and testing dpdk-ena needs on Debian bookworm, then
# fetch the DPDK driver SDK headers and build libvfio-user (both into the
# cache). Quiet and quick when all is in place.
set -eu
cd "$(dirname "$0")/.."

# The second line is the real PCI path (devtools/vm.sh): libvfio-user's
# build, the guest image, and the tools the guest uses from the host's root.
packages="dpdk dpdk-dev libdpdk-dev meson ninja-build pkg-config gcc libc6-dev
libpcap-dev dpkg-dev clang-format cppcheck python3-sphinx libbsd-dev
libjson-c-dev perl mmdebstrap busybox-static kmod cpio pciutils ethtool
iproute2 iputils-ping"

missing=""
for p in $packages; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	if [ "$(id -u)" != 0 ]; then
		echo "setup: missing packages:$missing; run as root or: sudo apt-get install$missing" >&2
		exit 1
	fi
	echo "setup: installing$missing" >&2
	apt-get update -q >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing >&2
fi
devtools/sdk.sh fetch >/dev/null
devtools/libvfio-user.sh fetch >/dev/null

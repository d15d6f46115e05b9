#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# What devtools/vm.sh boots, made once and cached outside the repository:
#  - qemu/   a Debian trixie chroot with QEMU from trixie-backports (the
#            vfio-user-pci client exists from QEMU 10.1; bookworm has 7.2).
#            Made with mmdebstrap; nothing of trixie is installed on the host.
#  - kernel/ Debian bookworm's linux-image-amd64 kernel and modules, unpacked
#            (the guest runs the same kernel series as EC2's Debian AMIs).
#  - initrd  a busybox initramfs: loads 9p/virtio/vfio, mounts the host's
#            root read-only over virtio-9p and runs a scenario from it.
#
# usage: devtools/vm-image.sh [fetch]   make what is missing, print the dir
#        devtools/vm-image.sh dir       print the dir only
# Environment: VM_QEMU_SERIES (default 11.1) is the QEMU upstream series the
# chroot must get; another one on the mirror is refused.
set -eu
cd "$(dirname "$0")/.."

qemu_series=${VM_QEMU_SERIES:-11.1}

die() {
	echo "vm-image.sh: $*" >&2
	exit 1
}

cache=$(dirname "$(devtools/sdk.sh dir)")/vm
case "${1:-fetch}" in
dir)
	echo "$cache"
	exit 0
	;;
fetch) ;;
*) die "unknown command '$1' (expected fetch or dir)" ;;
esac
[ "$(id -u)" = 0 ] || die "must run as root (mmdebstrap, mounts, TAP devices)"
mkdir -p "$cache"

# The Debian mirror the host's apt sources name.
mirror() {
	m=$(sed -n 's/^URIs: *\(http[^ ]*\/debian\)\/*$/\1/p' \
		/etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1)
	[ -n "$m" ] || m=$(sed -n 's/^deb \(\[[^]]*\] \)\{0,1\}\(http[^ ]*\/debian\)\/* bookworm .*/\2/p' \
		/etc/apt/sources.list 2>/dev/null | head -n 1)
	[ -n "$m" ] || die "no Debian mirror found in the host's apt sources"
	echo "$m"
}

# ---- QEMU chroot --------------------------------------------------------------
qemu_root=$cache/qemu
if [ ! -f "$qemu_root/.complete" ]; then
	command -v mmdebstrap >/dev/null || die "mmdebstrap is not installed (devtools/setup.sh installs it)"
	m=$(mirror)
	echo "vm-image.sh: making the QEMU chroot from $m (trixie + trixie-backports)" >&2
	rm -rf "$qemu_root.tmp"
	mmdebstrap --variant=apt --aptopt='APT::Install-Recommends "false"' \
		--include=qemu-system-x86/trixie-backports,qemu-system-common/trixie-backports,qemu-system-data/trixie-backports,seabios/trixie-backports \
		trixie "$qemu_root.tmp" "deb $m trixie main" \
		"deb $m trixie-backports main" >"$cache/mmdebstrap.log" 2>&1 ||
		{ tail -n 20 "$cache/mmdebstrap.log" >&2; die "mmdebstrap failed (log: $cache/mmdebstrap.log)"; }
	v=$(chroot "$qemu_root.tmp" dpkg-query -W -f='${Version}' qemu-system-x86)
	case "$v" in
	*:"$qemu_series".*) ;;
	*)
		rm -rf "$qemu_root.tmp"
		die "the mirror serves qemu-system-x86 $v, not the $qemu_series series this is made for; set VM_QEMU_SERIES to accept another (10.1 or later has vfio-user-pci)"
		;;
	esac
	chroot "$qemu_root.tmp" qemu-system-x86_64 -device help 2>/dev/null |
		grep -q '"vfio-user-pci"' ||
		die "QEMU $v in the chroot has no vfio-user-pci device"
	echo "$v" >"$qemu_root.tmp/QEMU_VERSION"
	mkdir -p "$qemu_root.tmp/host"
	rm -rf "$qemu_root"
	mv "$qemu_root.tmp" "$qemu_root"
	touch "$qemu_root/.complete"
fi

# ---- guest kernel -------------------------------------------------------------
kpkg=$(apt-cache depends linux-image-amd64 2>/dev/null |
	sed -n 's/^ *Depends: \(linux-image-[0-9][^ ]*-amd64\)$/\1/p' | head -n 1)
[ -n "$kpkg" ] || die "cannot tell which kernel linux-image-amd64 is (apt-get update?)"
kver=${kpkg#linux-image-}
kdir=$cache/kernel-$kver
if [ ! -f "$kdir/.complete" ]; then
	echo "vm-image.sh: unpacking $kpkg" >&2
	rm -rf "$kdir.tmp"
	mkdir -p "$kdir.tmp/dl"
	(cd "$kdir.tmp/dl" && apt-get download "$kpkg" >/dev/null 2>&1) ||
		die "cannot download $kpkg"
	dpkg-deb -x "$kdir.tmp"/dl/*.deb "$kdir.tmp/root"
	/usr/sbin/depmod -b "$kdir.tmp/root" "$kver" ||
		die "depmod failed for $kver"
	rm -rf "$kdir.tmp/dl" "$kdir"
	mv "$kdir.tmp" "$kdir"
	touch "$kdir/.complete"
fi
ln -sfn "kernel-$kver" "$cache/kernel"

# ---- initramfs ----------------------------------------------------------------
bb=/bin/busybox
[ -x "$bb" ] && "$bb" --list 2>/dev/null | grep -qx insmod ||
	die "busybox-static is not installed (devtools/setup.sh installs it)"
initrd=$cache/initrd-$kver.gz
sum=$(cat devtools/vm/init "$bb" | cksum | cut -d' ' -f1)
if [ ! -f "$initrd" ] || [ "$(cat "$initrd.sum" 2>/dev/null)" != "$sum" ]; then
	work=$cache/initrd.tmp
	rm -rf "$work"
	mkdir -p "$work/bin" "$work/mods" "$work/proc" "$work/sys" "$work/dev" \
		"$work/newroot"
	cp "$bb" "$work/bin/busybox"
	cp devtools/vm/init "$work/init"
	chmod 755 "$work/init"
	i=0
	for m in 9p 9pnet_virtio virtio_pci overlay; do
		/usr/sbin/modprobe -d "$kdir/root" -S "$kver" --show-depends "$m"
	done | awk '$1 == "insmod" && !seen[$2]++ { print $2 }' |
		while read -r ko; do
			i=$((i + 1))
			cp "$ko" "$work/mods/$(printf %02d "$i")-$(basename "$ko")"
		done
	[ -n "$(ls "$work/mods")" ] || die "no modules found for the initramfs"
	(cd "$work" && find . | cpio -o -H newc 2>/dev/null | gzip -1) >"$initrd.tmp"
	mv "$initrd.tmp" "$initrd"
	echo "$sum" >"$initrd.sum"
	rm -rf "$work"
fi
ln -sfn "initrd-$kver.gz" "$cache/initrd.gz"
echo "$cache"

#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Obtain and build libvfio-user (BSD-3-Clause), the vfio-user protocol
# library behind build/emu/ena-vfio-user. Debian does not package it, but
# Debian's own qemu source package for bookworm carries it as a subproject;
# it is built as a static library into a cache outside the repository and
# never committed.
#
# Four behaviours of that release are adjusted before building:
#  - it keeps at most 16 DMA regions, while a guest IOMMU maps memory page
#    by page: the limit becomes 16384;
#  - it removes a region only when an unmap names it exactly, while vfio's
#    type1 semantics (which QEMU's IOMMU notifier follows) unmap every
#    region inside the range, and unmapping nothing is not an error;
#  - eventfds given for the ERR and REQ interrupts are stored in the slots
#    of MSI-X vectors 0 and 1, so that the device's first admin interrupt
#    signals QEMU's error notifier (QEMU then stops the guest): they go to
#    their own slots;
#  - disabling a range of vectors that does not start at 0 closes the
#    wrong ones;
#  - it reads a new client's first messages blocking, so a client that
#    connects and says nothing would stop the server: the connection gets
#    a 5 s receive timeout.
# The version of these adjustments is part of the cache directory's name.
#
# usage: devtools/libvfio-user.sh fetch   fetch and build if needed, print dir
#        devtools/libvfio-user.sh dir     print the cache dir only
set -eu

qemu_src=qemu/bookworm
want_orig=7.2+dfsg

die() {
	echo "libvfio-user.sh: $*" >&2
	exit 1
}

cache=$(dirname "$("$(dirname "$0")/sdk.sh" dir)")
recipe=3
dir=$cache/libvfio-user-qemu-$want_orig-r$recipe

case "${1:-fetch}" in
dir)
	echo "$dir"
	exit 0
	;;
fetch) ;;
*) die "unknown command '$1' (expected fetch or dir)" ;;
esac

if [ -f "$dir/.complete" ]; then
	echo "$dir"
	exit 0
fi

for tool in meson ninja perl cc; do
	command -v "$tool" >/dev/null || die "$tool is not installed (devtools/setup.sh installs it)"
done
pkg-config --exists json-c || die "libjson-c-dev is not installed (devtools/setup.sh installs it)"

work="$dir.tmp.$$"
rm -rf "$work"
mkdir -p "$work/dl"
trap 'rm -rf "$work"' EXIT
(cd "$work/dl" && apt-get source --download-only "$qemu_src" >&2 2>&1) ||
	die "cannot download source package $qemu_src; is a deb-src entry for bookworm configured (devtools/sdk.sh adds one) and 'apt-get update' done?"
tarball=$(ls "$work"/dl/qemu_*.orig.tar.* 2>/dev/null | head -n 1)
[ -n "$tarball" ] || die "source package $qemu_src has no upstream tarball"
case "$(basename "$tarball")" in
"qemu_$want_orig.orig.tar."*) ;;
*) die "the mirror serves $(basename "$tarball"), not qemu $want_orig; the adjustments below are made for that release only" ;;
esac

mkdir -p "$work/src"
tar -xf "$tarball" -C "$work/src" --strip-components=3 \
	--wildcards '*/subprojects/libvfio-user/*' ||
	die "cannot extract libvfio-user from $tarball"
src=$work/src
[ -f "$src/lib/dma.c" ] && [ -f "$src/include/libvfio-user.h" ] ||
	die "$tarball has no subprojects/libvfio-user"

# Region limit.
perl -0pi -e 's/(#define MAX_DMA_REGIONS )16\b/${1}16384/' "$src/lib/private.h"
grep -q '#define MAX_DMA_REGIONS 16384' "$src/lib/private.h" ||
	die "could not raise MAX_DMA_REGIONS in lib/private.h"

# Unmap: every region inside [addr, addr + size), none is fine.
perl -0pi -e '
	s/if \(region->info\.iova\.iov_base != dma_addr \|\|\s*region->info\.iova\.iov_len != size\) \{/if ((char *)region->info.iova.iov_base < (char *)dma_addr ||\n            (char *)iov_end(&region->info.iova) > (char *)dma_addr + size) {/;
	s/(array_remove\(&dma->regions, sizeof \(\*region\), idx, &dma->nregions\);\s*)return 0;\s*\}\s*return ERROR_INT\(ENOENT\);/${1}idx--;\n    }\n    return 0;/;
' "$src/lib/dma.c"
grep -q 'iov_end(&region->info.iova) > (char \*)dma_addr + size' "$src/lib/dma.c" &&
	grep -q 'idx--;' "$src/lib/dma.c" ||
	die "could not adjust DMA unmap in lib/dma.c"

# Interrupt slots by index, as irqs_disable() already chooses them.
perl -0pi -e '
	s/(irqs_set_data_eventfd\(vfu_ctx_t \*vfu_ctx, struct vfio_irq_set \*irq_set,\s*int \*data\)\s*\{\n)/${1}    int *slots = irq_set->index == VFIO_PCI_ERR_IRQ_INDEX ? &vfu_ctx->irqs->err_efd :\n                 irq_set->index == VFIO_PCI_REQ_IRQ_INDEX ? &vfu_ctx->irqs->req_efd :\n                 vfu_ctx->irqs->efds;\n/;
	s/(int \*slots = .*?\n    return 0;)/my $b = $1; $b =~ s{vfu_ctx->irqs->efds\[i\]}{slots[i]}g; $b/se;
	s/for \(i = start; i < count; i\+\+\) \{/for (i = start; i < start + count; i++) {/;
' "$src/lib/irq.c"
grep -q 'int \*slots = irq_set->index == VFIO_PCI_ERR_IRQ_INDEX' "$src/lib/irq.c" &&
	grep -q 'slots\[i\] = consume_fd' "$src/lib/irq.c" &&
	grep -q 'for (i = start; i < start + count; i++) {' "$src/lib/irq.c" ||
	die "could not adjust interrupt slots in lib/irq.c"

# A receive timeout on each accepted connection.
perl -0pi -e '
	s/(ts->conn_fd = accept\(ts->listen_fd, NULL, NULL\);\n)/${1}    if (ts->conn_fd != -1) {\n        struct timeval rcv_timeout = { 5, 0 };\n        (void)setsockopt(ts->conn_fd, SOL_SOCKET, SO_RCVTIMEO,\n                         &rcv_timeout, sizeof(rcv_timeout));\n    }\n/;
	s/(#include <sys\/socket.h>\n)/${1}#include <sys\/time.h>\n/;
' "$src/lib/tran_sock.c"
grep -q 'SO_RCVTIMEO' "$src/lib/tran_sock.c" && grep -q '<sys/time.h>' "$src/lib/tran_sock.c" ||
	die "could not add the receive timeout in lib/tran_sock.c"

meson setup "$work/build" "$src" --prefix=/ --libdir=lib \
	-Dbuildtype=release -Ddefault_library=static -Ddebug-logs=disabled \
	>"$work/setup.log" 2>&1 || { cat "$work/setup.log" >&2; die "meson setup failed"; }
ninja -C "$work/build" lib/libvfio-user.a >"$work/build.log" 2>&1 ||
	{ tail -n 30 "$work/build.log" >&2; die "build failed"; }

mkdir -p "$work/out/include/pci_caps" "$work/out/lib"
cp "$src"/include/*.h "$work/out/include/"
cp "$src"/include/pci_caps/*.h "$work/out/include/pci_caps/"
cp "$work/build/lib/libvfio-user.a" "$work/out/lib/"
cp "$src/LICENSE" "$work/out/"
echo "libvfio-user from $(basename "$tarball"), adjusted (see devtools/libvfio-user.sh)" >"$work/out/VERSION"
rm -rf "$dir"
mv "$work/out" "$dir"
touch "$dir/.complete"
echo "$dir"

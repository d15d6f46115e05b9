/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */

/*
 * Guest memory as the device sees it. libvfio-user maps each region the
 * client hands over somewhere in this process; IOVA-contiguous regions
 * then sit at unrelated addresses, although a guest driver may well post
 * a buffer or a ring that spans two of them (a DPDK mbuf across a hugepage
 * boundary, a kernel buffer across two IOMMU pages). So every region is
 * mapped a second time, by mremap() of the same shared pages, into a
 * mirror: a reserved window of address space where IOVA x lives at
 * window + (x - window IOVA). A lookup then checks that the regions cover
 * the whole range and hands out one pointer.
 *
 * A region the client takes back is replaced in the mirror by private
 * zero pages, so that a pointer the device still holds can never reach
 * guest memory again nor fault; the core is told, and treats a live ring
 * there as a DMA error.
 */

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "evu.h"

#define EVU_WINDOW_LEN (UINT64_C(1) << EVU_WINDOW_SHIFT)
#define EVU_PAGE_MASK  UINT64_C(4095)

static struct evu_window *
evu_window_get(struct evu_dma *d, uint64_t iova, bool create)
{
	uint64_t base = iova & ~(EVU_WINDOW_LEN - 1);
	unsigned int i;
	void *va;

	for (i = 0; i < d->nwin; i++)
		if (d->win[i].iova == base)
			return &d->win[i];
	if (!create || d->nwin == EVU_WINDOWS_MAX)
		return NULL;
	va = mmap(NULL, EVU_WINDOW_LEN, PROT_NONE,
		MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (va == MAP_FAILED)
		return NULL;
	d->win[d->nwin].iova = base;
	d->win[d->nwin].va = va;
	return &d->win[d->nwin++];
}

/* Index of the first region that ends after iova. */
static unsigned int
evu_region_search(const struct evu_dma *d, uint64_t iova)
{
	unsigned int lo = 0, hi = d->nreg, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (d->reg[mid].iova + d->reg[mid].len <= iova)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int
evu_dma_map(struct evu_dma *d, uint64_t iova, uint64_t len, void *vaddr,
	bool writable, char *err, size_t errlen)
{
	struct evu_window *w;
	struct evu_region *r;
	unsigned int i;
	void *at;

	if (len == 0 || ((iova | len | (uintptr_t)vaddr) & EVU_PAGE_MASK) ||
		iova + len < iova ||
		(iova >> EVU_WINDOW_SHIFT) !=
			((iova + len - 1) >> EVU_WINDOW_SHIFT)) {
		snprintf(err, errlen,
			"mapping 0x%" PRIx64 " (+0x%" PRIx64
			") at %p is not page "
			"aligned or crosses a %u-bit IOVA window",
			iova, len, vaddr, EVU_WINDOW_SHIFT);
		return -EINVAL;
	}
	i = evu_region_search(d, iova);
	if (i < d->nreg && d->reg[i].iova < iova + len) {
		snprintf(err, errlen,
			"mapping 0x%" PRIx64 " (+0x%" PRIx64
			") overlaps 0x%" PRIx64 " (+0x%" PRIx64 ")",
			iova, len, d->reg[i].iova, d->reg[i].len);
		return -EEXIST;
	}
	w = evu_window_get(d, iova, true);
	if (w == NULL) {
		snprintf(err, errlen, "no IOVA window for 0x%" PRIx64 ": %s",
			iova, strerror(errno != 0 ? errno : ENOSPC));
		return -ENOSPC;
	}
	if (d->nreg == d->cap) {
		r = realloc(d->reg, (d->cap * 2 + 64) * sizeof(*r));
		if (r == NULL) {
			snprintf(err, errlen, "no memory for the region table");
			return -ENOMEM;
		}
		d->reg = r;
		d->cap = d->cap * 2 + 64;
	}
	at = mremap(vaddr, 0, len, MREMAP_MAYMOVE | MREMAP_FIXED,
		w->va + (iova - w->iova));
	if (at == MAP_FAILED) {
		snprintf(err, errlen, "mirroring 0x%" PRIx64 ": %s", iova,
			strerror(errno));
		return -errno;
	}
	memmove(&d->reg[i + 1], &d->reg[i], (d->nreg - i) * sizeof(*d->reg));
	d->reg[i].iova = iova;
	d->reg[i].len = len;
	d->reg[i].writable = writable;
	d->nreg++;
	d->maps++;
	if (d->nreg > d->max_regions)
		d->max_regions = d->nreg;
	return 0;
}

int
evu_dma_unmap(struct evu_dma *d, uint64_t iova, uint64_t len)
{
	struct evu_window *w;
	unsigned int i;

	i = evu_region_search(d, iova);
	if (i == d->nreg || d->reg[i].iova != iova || d->reg[i].len != len)
		return -ENOENT;
	w = evu_window_get(d, iova, false);
	if (w != NULL)
		(void)mmap(w->va + (iova - w->iova), len,
			PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED,
			-1, 0);
	memmove(&d->reg[i], &d->reg[i + 1],
		(d->nreg - i - 1) * sizeof(*d->reg));
	d->nreg--;
	d->hint = 0;
	d->unmaps++;
	return 0;
}

void
evu_dma_clear(struct evu_dma *d)
{
	while (d->nreg > 0)
		evu_dma_unmap(d, d->reg[0].iova, d->reg[0].len);
}

void
evu_dma_fini(struct evu_dma *d)
{
	unsigned int i;

	for (i = 0; i < d->nwin; i++)
		munmap(d->win[i].va, EVU_WINDOW_LEN);
	d->nwin = 0;
	free(d->reg);
	d->reg = NULL;
	d->nreg = 0;
	d->cap = 0;
}

void *
evu_dma_lookup(struct evu_dma *d, uint64_t iova, size_t len, bool write)
{
	const struct evu_region *r;
	uint64_t end = iova + len, at;
	struct evu_window *w;
	unsigned int i;

	if (len == 0 || end < iova ||
		(iova >> EVU_WINDOW_SHIFT) != ((end - 1) >> EVU_WINDOW_SHIFT))
		goto fault;
	i = d->hint;
	if (i >= d->nreg || d->reg[i].iova > iova ||
		d->reg[i].iova + d->reg[i].len <= iova)
		i = evu_region_search(d, iova);
	/* Regions must cover [iova, end) without a hole. */
	for (at = iova; at < end; i++) {
		if (i >= d->nreg)
			goto fault;
		r = &d->reg[i];
		if (r->iova > at || (write && !r->writable))
			goto fault;
		if (at == iova)
			d->hint = i;
		at = r->iova + r->len;
	}
	w = evu_window_get(d, iova, false);
	if (w == NULL)
		goto fault;
	return w->va + (iova - w->iova);
fault:
	d->faults++;
	return NULL;
}

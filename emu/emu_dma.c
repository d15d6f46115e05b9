/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */

/*
 * Host memory access and device errors. The device reaches host memory
 * only through ena_emu_dma_ptr(), which plays the IOMMU: with IOVA as VA an
 * address is acceptable when every page of the range belongs to an
 * allocated DPDK memseg. Anything else is a device error, never a crash.
 */

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <rte_eal.h>
#include <rte_fbarray.h>
#include <rte_log.h>
#include <rte_memory.h>

#include "emu_core.h"

static bool
emu_range_in_memsegs(const void *va, size_t len)
{
	const struct rte_memseg_list *msl;
	uintptr_t start = (uintptr_t)va, last = start + len - 1;
	uintptr_t base, page;
	unsigned int idx, idx_last;

	if (len == 0 || last < start)
		return false;
	msl = rte_mem_virt2memseg_list(va);
	if (msl == NULL || msl->page_sz == 0)
		return false;
	base = (uintptr_t)msl->base_va;
	if (last >= base + msl->len)
		return false;
	page = msl->page_sz;
	idx_last = (unsigned int)((last - base) / page);
	for (idx = (unsigned int)((start - base) / page); idx <= idx_last;
			idx++)
		if (rte_fbarray_is_used(
				(struct rte_fbarray *)(uintptr_t)&msl->memseg_arr, idx) != 1)
			return false;
	return true;
}

void *
ena_emu_dma_ptr(struct ena_emu_dev *dev, uint64_t iova, size_t len)
{
	void *va;

	if (iova == 0 || !ena_dma_addr_fits(iova) ||
			!ena_dma_addr_fits(iova + len - 1))
		goto bad;
	if (rte_eal_iova_mode() == RTE_IOVA_VA) {
		va = (void *)(uintptr_t)iova;
	} else {
		va = rte_mem_iova2virt(iova);
		if (va == NULL)
			goto bad;
	}
	if (!emu_range_in_memsegs(va, len))
		goto bad;
	return va;
bad:
	dev->cnt.dma_errors++;
	ena_emu_dev_error(dev, "DMA to 0x%" PRIx64 " (+%zu) outside host memory",
		iova, len);
	return NULL;
}

void
ena_emu_dev_error(struct ena_emu_dev *dev, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	ena_emu_log(dev, RTE_LOG_ERR, "device error: %s", msg);
	if (!dev->fatal) {
		dev->fatal = true;
		dev->cnt.fatal_errors++;
		dev->core->fatal_reported = false;
		ena_emu_regs_refresh(dev);
	}
}

void
ena_emu_irq_raise(struct ena_emu_dev *dev)
{
	struct ena_emu_core *c = dev->core;
	uint64_t one = 1;
	ssize_t n;

	if (c->irq_masked) {
		c->irq_pending = true;
		return;
	}
	n = write(dev->irq_fd, &one, sizeof(one));
	if (n != (ssize_t)sizeof(one) && errno != EAGAIN)
		ena_emu_log(dev, RTE_LOG_WARNING, "irq eventfd write: %s",
			strerror(errno));
	dev->cnt.irqs++;
}

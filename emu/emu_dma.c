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
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <rte_eal.h>
#include <rte_fbarray.h>
#include <rte_log.h>
#include <rte_memory.h>

#include "emu_core.h"

static bool
emu_range_in_memsegs(const void *va, size_t len)
{
	/* Most accesses hit the list of the previous one (one list here). */
	static __thread const struct rte_memseg_list *last_msl;
	const struct rte_memseg_list *msl;
	struct rte_fbarray *arr;
	uintptr_t start = (uintptr_t)va, last = start + len - 1;
	uintptr_t base, page;
	unsigned int idx, idx_last;

	if (len == 0 || last < start)
		return false;
	msl = last_msl;
	if (msl == NULL || start < (uintptr_t)msl->base_va ||
		start >= (uintptr_t)msl->base_va + msl->len)
		msl = rte_mem_virt2memseg_list(va);
	last_msl = msl;
	if (msl == NULL || msl->page_sz == 0)
		return false;
	base = (uintptr_t)msl->base_va;
	if (last >= base + msl->len)
		return false;
	page = msl->page_sz;
	idx_last = (unsigned int)((last - base) / page);
	arr = (struct rte_fbarray *)(uintptr_t)&msl->memseg_arr;
	for (idx = (unsigned int)((start - base) / page); idx <= idx_last;
		idx++)
		if (rte_fbarray_is_used(arr, idx) != 1)
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
	ena_emu_dev_error(dev,
		"DMA to 0x%" PRIx64 " (+%zu) outside host memory", iova, len);
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
	int token = 1, queued = 0;
	ssize_t n;

	if (c->irq_masked || (dev->irq_sock >= 0 && !dev->irq_host_enabled)) {
		c->irq_pending = true;
		return;
	}
	dev->cnt.irqs++;
	if (dev->irq_sock >= 0) {
		/* One undelivered token is enough: the handler scans all. */
		if (ioctl(dev->irq_host_fd, FIONREAD, &queued) == 0 &&
			queued > 0)
			return;
		if (send(dev->irq_sock, &token, sizeof(token), MSG_DONTWAIT) <
				0 &&
			errno != EAGAIN)
			ena_emu_log(dev, RTE_LOG_WARNING, "irq token: %s",
				strerror(errno));
		return;
	}
	n = write(dev->irq_fd, &one, sizeof(one));
	if (n != (ssize_t)sizeof(one) && errno != EAGAIN)
		ena_emu_log(dev, RTE_LOG_WARNING, "irq eventfd write: %s",
			strerror(errno));
}

/*
 * Host side enable/disable of the vector (rte_intr_enable/disable on a
 * UIO-type handle write 1/0). Once disabled, tokens still queued for the
 * host are withdrawn: a driver tearing down must not be called again.
 */
unsigned int
ena_emu_irq_ctl_poll(struct ena_emu_dev *dev)
{
	unsigned int work = 0;
	char junk[16];
	int v;

	if (dev->irq_sock < 0)
		return 0;
	if (!dev->core->step_idle &&
		++dev->core->irq_ctl_tick % ENA_EMU_IRQ_CTL_EVERY != 0)
		return 0;
	while (recv(dev->irq_sock, &v, sizeof(v), MSG_DONTWAIT) ==
		(ssize_t)sizeof(v)) {
		work++;
		/* An ack re-enables an enabled vector: log changes only. */
		if (dev->irq_host_enabled != (v != 0))
			ena_emu_log(dev, RTE_LOG_INFO, "host %s the vector",
				v != 0 ? "enabled" : "disabled");
		dev->irq_host_enabled = v != 0;
		if (!dev->irq_host_enabled)
			while (recv(dev->irq_host_fd, junk, sizeof(junk),
				       MSG_DONTWAIT) > 0)
				;
	}
	if (work != 0 && dev->irq_host_enabled && dev->core->irq_pending &&
		!dev->core->irq_masked) {
		dev->core->irq_pending = false;
		ena_emu_irq_raise(dev);
	}
	return work;
}

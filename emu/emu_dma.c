/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */

/*
 * The host ops of the DPDK front end. DMA plays the IOMMU of a process
 * running IOVA as VA: an address is acceptable when every page of the
 * range belongs to an allocated DPDK memseg. Accepted pages are cached
 * until DPDK frees memory, so the common case is two table lookups.
 */

#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_fbarray.h>
#include <rte_log.h>
#include <rte_memory.h>

#include "emu_vdev.h"

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

/* Moves whenever DPDK gives memory back: cached page checks expire. */
static uint32_t emu_dma_gen;
static pthread_mutex_t emu_dma_lock = PTHREAD_MUTEX_INITIALIZER;

static void
emu_mem_event(enum rte_mem_event type, const void *addr, size_t len, void *arg)
{
	RTE_SET_USED(addr);
	RTE_SET_USED(len);
	RTE_SET_USED(arg);
	if (type == RTE_MEM_EVENT_FREE)
		__atomic_fetch_add(&emu_dma_gen, 1, __ATOMIC_RELEASE);
}

/*
 * The page cache is only safe if we hear about freed memory, or if memory
 * is never freed (legacy/no-huge mode refuses callbacks).
 */
static bool
emu_dma_cache_usable(void)
{
	static bool done, usable;

	pthread_mutex_lock(&emu_dma_lock);
	if (!done) {
		done = true;
		if (rte_mem_event_callback_register(
			    "ena_emu", emu_mem_event, NULL) == 0)
			usable = true;
		else
			usable = rte_errno == ENOTSUP;
	}
	pthread_mutex_unlock(&emu_dma_lock);
	return usable;
}

int
emu_vdev_dma_init(struct emu_vdev *v)
{
	v->iova_is_va = rte_eal_iova_mode() == RTE_IOVA_VA &&
		emu_dma_cache_usable();
	if (!v->iova_is_va)
		return 0;
	v->pcache = calloc(EMU_VDEV_PCACHE, sizeof(*v->pcache));
	return v->pcache != NULL ? 0 : -ENOMEM;
}

void
emu_vdev_dma_fini(struct emu_vdev *v)
{
	free(v->pcache);
	v->pcache = NULL;
}

static void *
emu_vdev_dma_slow(struct emu_vdev *v, uint64_t iova, size_t len)
{
	uint64_t first = iova >> EMU_VDEV_PAGE_SHIFT;
	uint64_t last = (iova + len - 1) >> EMU_VDEV_PAGE_SHIFT;
	uint32_t gen = __atomic_load_n(&emu_dma_gen, __ATOMIC_ACQUIRE);
	void *va;

	if (rte_eal_iova_mode() == RTE_IOVA_VA)
		va = (void *)(uintptr_t)iova;
	else
		va = rte_mem_iova2virt(iova);
	if (va == NULL || !emu_range_in_memsegs(va, len))
		return NULL;
	if (!v->iova_is_va || last - first > 1)
		return va;
	if (v->pcache_gen != gen) {
		memset(v->pcache, 0, EMU_VDEV_PCACHE * sizeof(*v->pcache));
		v->pcache_gen = gen;
	}
	v->pcache[first & (EMU_VDEV_PCACHE - 1)] = first + 1;
	v->pcache[last & (EMU_VDEV_PCACHE - 1)] = last + 1;
	return va;
}

/* DPDK memory is read-write to the device: write needs no extra check. */
static void *
emu_vdev_dma(void *ctx, uint64_t iova, size_t len, bool write)
{
	struct emu_vdev *v = ctx;
	uint64_t first = iova >> EMU_VDEV_PAGE_SHIFT;
	uint64_t last = (iova + len - 1) >> EMU_VDEV_PAGE_SHIFT;

	RTE_SET_USED(write);
	if (v->iova_is_va && last - first <= 1 &&
		v->pcache_gen ==
			__atomic_load_n(&emu_dma_gen, __ATOMIC_ACQUIRE) &&
		v->pcache[first & (EMU_VDEV_PCACHE - 1)] == first + 1 &&
		v->pcache[last & (EMU_VDEV_PCACHE - 1)] == last + 1)
		return (void *)(uintptr_t)iova;
	return emu_vdev_dma_slow(v, iova, len);
}

/*
 * Only the admin/AENQ vector reaches the driver here: the PMD's handle has
 * one line. IO vectors are counted by the core and go nowhere.
 */
static void
emu_vdev_irq(void *ctx, uint32_t vector)
{
	struct emu_vdev *v = ctx;
	uint64_t one = 1;
	int token = 1, queued = 0;
	ssize_t n;

	if (vector != 0)
		return;
	if (v->irq_sock >= 0) {
		pthread_mutex_lock(&v->irq_lock);
		/*
		 * A driver that has just disabled its vector (closing) must
		 * not get this one: read what the host said before sending.
		 */
		emu_vdev_irq_ctl_poll(v, true);
		if (v->irq_gone || !v->irq_host_enabled) {
			v->irq_pending = !v->irq_gone;
			pthread_mutex_unlock(&v->irq_lock);
			return;
		}
		/* One undelivered token is enough: the handler scans all. */
		if ((ioctl(v->irq_host_fd, FIONREAD, &queued) != 0 ||
			    queued == 0) &&
			send(v->irq_sock, &token, sizeof(token), MSG_DONTWAIT) <
				0 &&
			errno != EAGAIN)
			emu_vdev_log(v, RTE_LOG_WARNING, "irq token: %s",
				strerror(errno));
		pthread_mutex_unlock(&v->irq_lock);
		return;
	}
	if (v->irq_fd < 0)
		return;
	n = write(v->irq_fd, &one, sizeof(one));
	if (n != (ssize_t)sizeof(one) && errno != EAGAIN)
		emu_vdev_log(v, RTE_LOG_WARNING, "irq eventfd write: %s",
			strerror(errno));
}

void
emu_vdev_irq_line_quiesce(struct emu_vdev *v)
{
	char junk[16];

	if (v->irq_sock < 0)
		return;
	pthread_mutex_lock(&v->irq_lock);
	v->irq_gone = true;
	v->irq_pending = false;
	while (recv(v->irq_host_fd, junk, sizeof(junk), MSG_DONTWAIT) > 0)
		;
	pthread_mutex_unlock(&v->irq_lock);
}

/*
 * Host side enable/disable of the vector (rte_intr_enable/disable on a
 * UIO-type handle write 1/0). Once disabled, tokens still queued for the
 * host are withdrawn: a driver tearing down must not be called again.
 */
unsigned int
emu_vdev_irq_ctl_poll(struct emu_vdev *v, bool now)
{
	unsigned int work = 0;
	char junk[16];
	int on;

	if (v->irq_sock < 0)
		return 0;
	if (!now && !v->step_idle &&
		++v->irq_ctl_tick % EMU_VDEV_IRQ_CTL_EVERY != 0)
		return 0;
	while (recv(v->irq_sock, &on, sizeof(on), MSG_DONTWAIT) ==
		(ssize_t)sizeof(on)) {
		work++;
		/* An ack re-enables an enabled vector: log changes only. */
		if (v->irq_host_enabled != (on != 0))
			emu_vdev_log(v, RTE_LOG_INFO, "host %s the vector",
				on != 0 ? "enabled" : "disabled");
		v->irq_host_enabled = on != 0;
		if (!v->irq_host_enabled)
			while (recv(v->irq_host_fd, junk, sizeof(junk),
				       MSG_DONTWAIT) > 0)
				;
	}
	if (!now && work != 0 && v->irq_host_enabled && v->irq_pending) {
		v->irq_pending = false;
		emu_vdev_irq(v, 0);
	}
	return work;
}

static void
emu_vdev_log_line(void *ctx, unsigned int level, const char *line)
{
	RTE_SET_USED(ctx);
	rte_log(level, ena_emu_logtype, "%s\n", line);
}

static bool
emu_vdev_log_on(void *ctx, unsigned int level)
{
	RTE_SET_USED(ctx);
	return rte_log_can_log(ena_emu_logtype, level);
}

const struct ena_emu_host_ops emu_vdev_host_ops = {
	.dma = emu_vdev_dma,
	.irq = emu_vdev_irq,
	.now_ns = NULL,
	.log = emu_vdev_log_line,
	.log_on = emu_vdev_log_on,
};

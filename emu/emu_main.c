/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */

/*
 * Device lifetime, the shared emulator thread and the public C API.
 *
 * One thread serves every device that asked for it. It walks the device
 * list under emu_list_lock, so unlinking a device under the same lock is
 * enough to know the thread no longer touches it.
 */

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_pause.h>

#include "emu_compat.h"
#include "emu_core.h"
#include "rte_ena_emu_io.h"

RTE_LOG_REGISTER(ena_emu_logtype, pmd.net.ena_emu, NOTICE);

static TAILQ_HEAD(, ena_emu_dev) emu_devs = TAILQ_HEAD_INITIALIZER(emu_devs);
static pthread_mutex_t emu_list_lock = PTHREAD_MUTEX_INITIALIZER;

/* Thread control; only touched under emu_list_lock. */
static emu_thread_t emu_thread;
static bool emu_thread_running;
static unsigned int emu_thread_users;
static volatile bool emu_thread_stop;

uint64_t
ena_emu_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

void
ena_emu_log(const struct ena_emu_dev *dev, uint32_t level, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	rte_log(level, ena_emu_logtype, "ena_emu %s: %s\n",
		dev != NULL ? dev->cfg.name : "-", msg);
}

struct ena_emu_dev *
ena_emu_dev_alloc(const struct ena_emu_config *cfg)
{
	struct ena_emu_dev *dev;
	size_t llq_len;

	dev = calloc(1, sizeof(*dev));
	if (dev == NULL)
		return NULL;
	dev->cfg = *cfg;
	dev->irq_fd = -1;
	dev->irq_sock = -1;
	dev->irq_host_fd = -1;
	dev->core = calloc(1, sizeof(*dev->core));
	if (dev->core == NULL)
		goto fail;

	llq_len = 0;
	if (cfg->llq) {
		llq_len = (size_t)cfg->queues * cfg->ring_size *
			ENA_EMU_LLQ_MAX_ENTRY;
		llq_len = RTE_ALIGN_CEIL(llq_len, (size_t)4096);
	}
	if (ena_emu_bars_alloc(dev, ENA_EMU_BAR0_SIZE, llq_len) != 0)
		goto fail;

	dev->irq_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (dev->irq_fd < 0)
		goto fail;

	memcpy(dev->faults, cfg->faults, sizeof(dev->faults));
	dev->link_up = cfg->link_up;
	ena_emu_regs_init(dev);
	ena_emu_dev_reset(dev);
	/* Power-on is not a driver reset: do not count it. */
	dev->cnt.resets = 0;

	if (ena_emu_core_io_init(dev) != 0) {
		ena_emu_log(dev, RTE_LOG_ERR, "IO path init failed (wire=%s)",
			dev->cfg.wire);
		goto fail;
	}
	if (cfg->tx_reorder && ena_emu_io_tx_reorder_set(dev, 1) != 0) {
		ena_emu_log(dev, RTE_LOG_ERR, "tx_reorder: no IO path");
		goto fail;
	}
	return dev;

fail:
	ena_emu_dev_free(dev);
	return NULL;
}

void
ena_emu_dev_free(struct ena_emu_dev *dev)
{
	if (dev == NULL)
		return;
	if (dev->io != NULL)
		ena_emu_core_io_fini(dev);
	if (dev->irq_fd >= 0)
		close(dev->irq_fd);
	ena_emu_bars_free(dev);
	free(dev->core);
	free(dev);
}

/* All device work once; the single-worker rule holds for the caller. */
static unsigned int
emu_step(struct ena_emu_dev *dev)
{
	unsigned int work;

	work = ena_emu_regs_poll(dev);
	work += ena_emu_admin_poll(dev);
	work += ena_emu_aenq_poll(dev);
	if (!dev->core->reset_in_progress && !dev->fatal)
		work += ena_emu_core_io_poll(dev);
	dev->core->step_idle = work == 0;
	return work;
}

static void
emu_backoff(unsigned int idle)
{
	struct timespec ts = { 0, 0 };

	if (idle < 256) {
		rte_pause();
	} else if (idle < 2048) {
		sched_yield();
	} else {
		/* Long idle: give the shared cores back to the app. */
		ts.tv_nsec = idle < 8192 ? 20000 : 200000;
		nanosleep(&ts, NULL);
	}
}

static emu_thread_ret_t
emu_thread_main(void *arg)
{
	struct ena_emu_dev *dev;
	unsigned int idle = 0, work;

	RTE_SET_USED(arg);
	while (!emu_thread_stop) {
		work = 0;
		pthread_mutex_lock(&emu_list_lock);
		TAILQ_FOREACH (dev, &emu_devs, next)
			if (dev->cfg.thread)
				work += emu_step(dev);
		pthread_mutex_unlock(&emu_list_lock);
		if (work != 0)
			idle = 0;
		else if (idle < UINT32_MAX)
			idle++;
		emu_backoff(idle);
	}
	return 0;
}

/* Caller holds emu_list_lock. */
static int
emu_thread_get(void)
{
	int rc;

	if (emu_thread_users++ > 0)
		return 0;
	emu_thread_stop = false;
	rc = emu_thread_create(&emu_thread, "ena-emu", emu_thread_main, NULL);
	if (rc != 0) {
		emu_thread_users--;
		return rc;
	}
	emu_thread_running = true;
	return 0;
}

/* Caller holds emu_list_lock; returns the thread to join, if any. */
static bool
emu_thread_put(void)
{
	if (--emu_thread_users > 0)
		return false;
	emu_thread_stop = true;
	return emu_thread_running;
}

int
ena_emu_thread_attach(struct ena_emu_dev *dev)
{
	int rc = 0;

	pthread_mutex_lock(&emu_list_lock);
	if (dev->cfg.thread)
		rc = emu_thread_get();
	if (rc == 0)
		TAILQ_INSERT_TAIL(&emu_devs, dev, next);
	pthread_mutex_unlock(&emu_list_lock);
	if (rc != 0)
		ena_emu_log(dev, RTE_LOG_ERR,
			"cannot start the emulator thread: %s", strerror(-rc));
	return rc;
}

void
ena_emu_thread_detach(struct ena_emu_dev *dev)
{
	bool join = false;

	pthread_mutex_lock(&emu_list_lock);
	TAILQ_REMOVE(&emu_devs, dev, next);
	if (dev->cfg.thread)
		join = emu_thread_put();
	pthread_mutex_unlock(&emu_list_lock);
	if (join) {
		emu_thread_join(emu_thread);
		pthread_mutex_lock(&emu_list_lock);
		if (emu_thread_users == 0)
			emu_thread_running = false;
		pthread_mutex_unlock(&emu_list_lock);
	}
}

struct ena_emu_dev *
ena_emu_dev_create(const char *name, const char *devargs)
{
	struct ena_emu_config cfg;
	struct ena_emu_dev *dev;

	if (name == NULL || name[0] == '\0') {
		ena_emu_log(NULL, RTE_LOG_ERR, "device name missing");
		return NULL;
	}
	if (ena_emu_devargs_parse(name, devargs, &cfg, false) != 0)
		return NULL;
	dev = ena_emu_dev_alloc(&cfg);
	if (dev == NULL)
		return NULL;
	if (ena_emu_thread_attach(dev) != 0) {
		ena_emu_dev_free(dev);
		return NULL;
	}
	return dev;
}

void
ena_emu_dev_destroy(struct ena_emu_dev *dev)
{
	if (dev == NULL)
		return;
	ena_emu_thread_detach(dev);
	ena_emu_dev_free(dev);
}

struct ena_emu_dev *
ena_emu_dev_find(const char *name)
{
	struct ena_emu_dev *dev, *found = NULL;

	if (name == NULL)
		return NULL;
	pthread_mutex_lock(&emu_list_lock);
	TAILQ_FOREACH (dev, &emu_devs, next)
		if (strcmp(dev->cfg.name, name) == 0) {
			found = dev;
			break;
		}
	pthread_mutex_unlock(&emu_list_lock);
	return found;
}

void *
ena_emu_bar(struct ena_emu_dev *dev, int bar, size_t *len)
{
	void *base = NULL;
	size_t l = 0;

	if (dev != NULL && bar == ENA_EMU_BAR_REGS) {
		base = dev->bar0;
		l = dev->bar0_len;
	} else if (dev != NULL && bar == ENA_EMU_BAR_LLQ) {
		base = dev->bar2;
		l = dev->bar2_len;
	}
	if (len != NULL)
		*len = l;
	return base;
}

int
ena_emu_irq_fd(struct ena_emu_dev *dev)
{
	return dev != NULL ? dev->irq_fd : -EINVAL;
}

unsigned int
ena_emu_poll(struct ena_emu_dev *dev)
{
	if (dev == NULL || dev->cfg.thread)
		return 0;
	return emu_step(dev);
}

int
ena_emu_link_set(struct ena_emu_dev *dev, bool up)
{
	if (dev == NULL)
		return -EINVAL;
	__atomic_store_n(&dev->link_req, up ? 2u : 1u, __ATOMIC_RELEASE);
	return 0;
}

static const char *const emu_fault_names[ENA_EMU_FAULT_MAX] = {
	[ENA_EMU_FAULT_KEEP_ALIVE_STOP] = "ka_stop",
	[ENA_EMU_FAULT_TX_COMP_STOP] = "tx_comp_stop",
	[ENA_EMU_FAULT_ADMIN_DELAY_MS] = "admin_delay_ms",
	[ENA_EMU_FAULT_ADMIN_DROP] = "admin_drop",
	[ENA_EMU_FAULT_MMIO_LATE_MS] = "mmio_late_ms",
	[ENA_EMU_FAULT_TX_BAD_REQ_ID] = "tx_bad_req_id",
	[ENA_EMU_FAULT_RX_BAD_REQ_ID] = "rx_bad_req_id",
	[ENA_EMU_FAULT_FATAL] = "fatal",
	[ENA_EMU_FAULT_LINK_FLAP_MS] = "link_flap_ms",
	[ENA_EMU_FAULT_RESET_STUCK] = "reset_stuck",
	[ENA_EMU_FAULT_VERSION] = "version",
	[ENA_EMU_FAULT_CTRL_VERSION] = "ctrl_version",
	[ENA_EMU_FAULT_DMA_WIDTH] = "dma_width",
	[ENA_EMU_FAULT_ADMIN_ERR] = "admin_err",
	[ENA_EMU_FAULT_ADMIN_ERR_STATUS] = "admin_err_status",
	[ENA_EMU_FAULT_ADMIN_ERR_OPCODE] = "admin_err_opcode",
	[ENA_EMU_FAULT_RX_SPLIT] = "rx_split",
	[ENA_EMU_FAULT_LLQ_BURST] = "llq_burst",
	[ENA_EMU_FAULT_RX_STALE_REQ_ID] = "rx_stale_req_id",
};

const char *
ena_emu_fault_name(enum ena_emu_fault fault)
{
	if ((unsigned int)fault >= ENA_EMU_FAULT_MAX)
		return NULL;
	return emu_fault_names[fault];
}

int
ena_emu_fault_set(
	struct ena_emu_dev *dev, enum ena_emu_fault fault, uint64_t value)
{
	if (dev == NULL || (unsigned int)fault >= ENA_EMU_FAULT_MAX)
		return -EINVAL;
	__atomic_store_n(&dev->faults[fault], value, __ATOMIC_RELEASE);
	return 0;
}

uint64_t
ena_emu_fault_get(struct ena_emu_dev *dev, enum ena_emu_fault fault)
{
	if (dev == NULL || (unsigned int)fault >= ENA_EMU_FAULT_MAX)
		return 0;
	return ena_emu_fault_peek(dev, fault);
}

bool
ena_emu_fault_take(struct ena_emu_dev *dev, enum ena_emu_fault fault)
{
	uint64_t v = ena_emu_fault_peek(dev, fault);

	while (v != 0) {
		if (__atomic_compare_exchange_n(&dev->faults[fault], &v, v - 1,
			    false, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
			return true;
	}
	return false;
}

void
ena_emu_counters_total(
	const struct ena_emu_dev *dev, struct ena_emu_counters *out)
{
	*out = dev->cnt;
	ena_emu_core_io_counters(dev, out);
}

int
ena_emu_counters_get(struct ena_emu_dev *dev, struct ena_emu_counters *out)
{
	if (dev == NULL || out == NULL)
		return -EINVAL;
	ena_emu_counters_total(dev, out);
	return 0;
}

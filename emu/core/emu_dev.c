/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */

/*
 * One device of the core: creation on a front end's BAR memory, the step
 * that does its work, trapped register access, reset, DMA through the
 * host's IOMMU, interrupts, and the thread-safe part of the public API
 * (fault knobs, link, counters).
 */

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "emu_core.h"
#include "ena_emu_io.h"

static const struct ena_emu_host_ops *emu_default_ops;
static void *emu_default_ctx;

void
ena_emu_host_default_set(const struct ena_emu_host_ops *ops, void *ctx)
{
	emu_default_ops = ops;
	emu_default_ctx = ctx;
}

static const struct ena_emu_host_ops *
emu_ops(const struct ena_emu_dev *dev, void **ctx)
{
	if (dev != NULL && dev->host != NULL) {
		*ctx = dev->host_ctx;
		return dev->host;
	}
	*ctx = emu_default_ctx;
	return emu_default_ops;
}

bool
ena_emu_log_on(const struct ena_emu_dev *dev, uint32_t level)
{
	const struct ena_emu_host_ops *ops;
	void *ctx;

	ops = emu_ops(dev, &ctx);
	if (ops == NULL || ops->log == NULL)
		return false;
	return ops->log_on == NULL || ops->log_on(ctx, level);
}

void
ena_emu_log(const struct ena_emu_dev *dev, uint32_t level, const char *fmt, ...)
{
	const struct ena_emu_host_ops *ops;
	char msg[512], line[600];
	va_list ap;
	void *ctx;

	ops = emu_ops(dev, &ctx);
	if (ops == NULL || ops->log == NULL ||
		(ops->log_on != NULL && !ops->log_on(ctx, level)))
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	snprintf(line, sizeof(line), "ena_emu %s: %s",
		dev != NULL ? dev->cfg.name : "-", msg);
	ops->log(ctx, level, line);
}

uint64_t
ena_emu_dev_now_ns(const struct ena_emu_dev *dev)
{
	struct timespec ts;

	if (dev->host != NULL && dev->host->now_ns != NULL)
		return dev->host->now_ns(dev->host_ctx);
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* ---- DMA, errors, interrupts --------------------------------------------- */

static void *
emu_dma(struct ena_emu_dev *dev, uint64_t iova, size_t len, bool write)
{
	void *va = NULL;

	if (iova != 0 && len != 0 && ena_dma_addr_fits(iova) &&
		iova + len - 1 >= iova && ena_dma_addr_fits(iova + len - 1) &&
		dev->host != NULL && dev->host->dma != NULL)
		va = dev->host->dma(dev->host_ctx, iova, len, write);
	if (va != NULL)
		return va;
	dev->cnt.dma_errors++;
	ena_emu_dev_error(dev,
		"DMA %s 0x%" PRIx64
		" (+%zu) outside the memory the driver mapped",
		write ? "write to" : "read from", iova, len);
	return NULL;
}

void *
ena_emu_dma_ptr(struct ena_emu_dev *dev, uint64_t iova, size_t len)
{
	return emu_dma(dev, iova, len, false);
}

void *
ena_emu_dma_wptr(struct ena_emu_dev *dev, uint64_t iova, size_t len)
{
	return emu_dma(dev, iova, len, true);
}

void
ena_emu_dev_error(struct ena_emu_dev *dev, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	ena_emu_log(dev, EMU_LOG_ERR, "device error: %s", msg);
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

	if (c->irq_masked) {
		c->irq_pending = true;
		return;
	}
	dev->cnt.irqs++;
	if (dev->host != NULL && dev->host->irq != NULL)
		dev->host->irq(dev->host_ctx, 0);
}

void
ena_emu_irq_io(struct ena_emu_dev *dev, uint32_t vector)
{
	dev->cnt.io_irqs++;
	if (dev->host != NULL && dev->host->irq != NULL)
		dev->host->irq(dev->host_ctx, vector);
}

/* ---- life ------------------------------------------------------------------ */

void
ena_emu_bar_sizes(
	const struct ena_emu_config *cfg, size_t *bar0_len, size_t *bar2_len)
{
	size_t llq = 0;

	if (cfg->llq) {
		llq = (size_t)cfg->queues * cfg->ring_size *
			ENA_EMU_LLQ_MAX_ENTRY;
		llq = (llq + 4095) & ~(size_t)4095;
	}
	*bar0_len = ENA_EMU_BAR0_SIZE;
	*bar2_len = llq;
}

uint32_t
ena_emu_msix_count(const struct ena_emu_config *cfg)
{
	return 1u + cfg->queues;
}

const char *
ena_emu_dev_name(const struct ena_emu_dev *dev)
{
	return dev->cfg.name;
}

const struct ena_emu_config *
ena_emu_dev_config(const struct ena_emu_dev *dev)
{
	return &dev->cfg;
}

struct ena_emu_dev *
ena_emu_dev_new(const struct ena_emu_config *cfg,
	const struct ena_emu_host_ops *ops, void *host_ctx, uint8_t *bar0,
	size_t bar0_len, uint8_t *bar2, size_t bar2_len)
{
	struct ena_emu_dev *dev;
	size_t want0, want2;

	ena_emu_bar_sizes(cfg, &want0, &want2);
	if (bar0 == NULL || bar0_len < want0 || (want2 != 0 && bar2 == NULL) ||
		bar2_len < want2) {
		ena_emu_log(NULL, EMU_LOG_ERR,
			"%s: BAR memory too small (%zu/%zu, %zu/%zu wanted)",
			cfg->name, bar0_len, want0, bar2_len, want2);
		return NULL;
	}
	dev = calloc(1, sizeof(*dev));
	if (dev == NULL)
		return NULL;
	dev->cfg = *cfg;
	dev->host = ops;
	dev->host_ctx = host_ctx;
	dev->bar0 = bar0;
	dev->bar0_len = bar0_len;
	dev->bar2 = bar2;
	dev->bar2_len = bar2_len;
	dev->core = calloc(1, sizeof(*dev->core));
	if (dev->core == NULL)
		goto fail;
	memcpy(dev->faults, cfg->faults, sizeof(dev->faults));
	dev->link_up = cfg->link_up;
	ena_emu_regs_init(dev);
	ena_emu_dev_reset(dev);
	/* Power-on is not a driver reset: do not count it. */
	dev->cnt.resets = 0;
	if (ena_emu_io_init(dev) != 0) {
		ena_emu_log(dev, EMU_LOG_ERR, "IO path init failed (wire=%s)",
			dev->cfg.wire);
		goto fail;
	}
	ena_emu_io_tx_reorder_set(dev, cfg->tx_reorder);
	return dev;

fail:
	ena_emu_dev_delete(dev);
	return NULL;
}

void
ena_emu_dev_delete(struct ena_emu_dev *dev)
{
	if (dev == NULL)
		return;
	if (dev->io != NULL)
		ena_emu_io_fini(dev);
	free(dev->core);
	free(dev);
}

unsigned int
ena_emu_dev_step(struct ena_emu_dev *dev)
{
	unsigned int work;

	work = ena_emu_regs_poll(dev);
	work += ena_emu_admin_poll(dev);
	work += ena_emu_aenq_poll(dev);
	if (!dev->core->reset_in_progress && !dev->fatal)
		work += ena_emu_io_poll(dev);
	return work;
}

uint32_t
ena_emu_dev_reg_read(struct ena_emu_dev *dev, uint32_t off)
{
	if ((off & 3) != 0 || off + sizeof(uint32_t) > dev->bar0_len)
		return UINT32_MAX;
	if (off < ENA_REG_SPACE_END)
		return ena_emu_reg_value(dev, off);
	return ena_emu_reg_get(dev, off);
}

void
ena_emu_dev_reg_write(struct ena_emu_dev *dev, uint32_t off, uint32_t val)
{
	if ((off & 3) != 0 || off + sizeof(uint32_t) > dev->bar0_len) {
		ena_emu_log(dev, EMU_LOG_WARNING,
			"register write 0x%08x to bad offset 0x%x ignored", val,
			off);
		return;
	}
	ena_emu_reg_put(dev, off, val);
	ena_emu_dev_step(dev);
}

void
ena_emu_dev_power_on(struct ena_emu_dev *dev)
{
	uint64_t resets = dev->cnt.resets;

	ena_emu_regs_init(dev);
	ena_emu_dev_reset(dev);
	dev->core->reset_in_progress = false;
	dev->core->dev_ctl_seen = 0;
	dev->core->mmio_req_seen = 0;
	dev->core->mmio_held = false;
	dev->core->irq_masked = false;
	dev->core->irq_pending = false;
	dev->cnt.resets = resets;
	ena_emu_regs_refresh(dev);
}

void
ena_emu_dev_dma_revoked(struct ena_emu_dev *dev, uint64_t iova, size_t len)
{
	/* Admin rings are translated on each access: only IO rings cache. */
	ena_emu_io_dma_revoked(dev, iova, len);
}

int
ena_emu_dev_wire_fd(const struct ena_emu_dev *dev)
{
	return ena_emu_io_wire_fd(dev);
}

/* ---- public API: knobs, link, counters ----------------------------------- */

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
	[ENA_EMU_FAULT_REQUEST_RESET] = "request_reset",
	[ENA_EMU_FAULT_RX_LONG] = "rx_long",
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

int
ena_emu_counters_get(struct ena_emu_dev *dev, struct ena_emu_counters *out)
{
	if (dev == NULL || out == NULL)
		return -EINVAL;
	*out = dev->cnt;
	if (dev->io != NULL)
		ena_emu_io_counters_fill(dev, out);
	return 0;
}

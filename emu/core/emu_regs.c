/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */

/*
 * BAR0 register file. The device cannot trap MMIO, so it keeps the
 * registers it owns current in memory and polls the ones the driver writes
 * (reset control, interrupt mask, read-less read requests) for changes.
 */

#include <string.h>

#include "emu_core.h"

static uint32_t
emu_dev_sts(const struct ena_emu_dev *dev)
{
	uint32_t v = 0;

	if (dev->ready)
		v |= ENA_REG_DEV_STS_READY_MASK;
	if (dev->core->reset_in_progress)
		v |= ENA_REG_DEV_STS_RESET_IN_PROGRESS_MASK;
	if (dev->fatal)
		v |= ENA_REG_DEV_STS_FATAL_ERROR_MASK;
	return v;
}

/* Registers written only by the device, as they read right now. */
void
ena_emu_regs_refresh(struct ena_emu_dev *dev)
{
	ena_emu_reg_put(dev, ENA_REG_DEV_STS, emu_dev_sts(dev));
	ena_emu_reg_put(dev, ENA_REG_ACQ_TAIL, dev->core->acq_tail);
	ena_emu_reg_put(dev, ENA_REG_AENQ_TAIL, dev->core->aenq_tail);
}

/*
 * Identity registers: built-in values unless a fault knob overrides them.
 * Rewritten every step so a knob set at run time shows on the next read.
 */
static void
emu_ident_refresh(struct ena_emu_dev *dev)
{
	uint64_t ov;
	uint32_t v;

	ov = ena_emu_fault_peek(dev, ENA_EMU_FAULT_VERSION);
	if (ov != 0) {
		v = (uint32_t)ov;
	} else {
		v = 0;
		ENA_FIELD_SET(v, ENA_REG_VERSION_MAJOR, ENA_EMU_SPEC_MAJOR);
		ENA_FIELD_SET(v, ENA_REG_VERSION_MINOR, ENA_EMU_SPEC_MINOR);
	}
	ena_emu_reg_put(dev, ENA_REG_VERSION, v);

	ov = ena_emu_fault_peek(dev, ENA_EMU_FAULT_CTRL_VERSION);
	if (ov != 0) {
		v = (uint32_t)ov;
	} else {
		v = 0;
		ENA_FIELD_SET(v, ENA_REG_CONTROLLER_VERSION_MAJOR,
			ENA_EMU_CTRL_MAJOR);
		ENA_FIELD_SET(v, ENA_REG_CONTROLLER_VERSION_MINOR,
			ENA_EMU_CTRL_MINOR);
		ENA_FIELD_SET(v, ENA_REG_CONTROLLER_VERSION_SUBMINOR,
			ENA_EMU_CTRL_SUBMINOR);
		ENA_FIELD_SET(
			v, ENA_REG_CONTROLLER_VERSION_IMPL_ID, ENA_EMU_IMPL_ID);
	}
	ena_emu_reg_put(dev, ENA_REG_CONTROLLER_VERSION, v);

	ov = ena_emu_fault_peek(dev, ENA_EMU_FAULT_DMA_WIDTH);
	v = 0;
	ENA_FIELD_SET(v, ENA_REG_CAPS_RESET_TIMEOUT, ENA_EMU_RESET_TIMEOUT);
	ENA_FIELD_SET(v, ENA_REG_CAPS_DMA_ADDR_WIDTH,
		ov != 0 ? (uint32_t)ov : ENA_EMU_DMA_WIDTH);
	ena_emu_reg_put(dev, ENA_REG_CAPS, v);
}

void
ena_emu_regs_init(struct ena_emu_dev *dev)
{
	memset(dev->bar0, 0, dev->bar0_len);
	emu_ident_refresh(dev);
	dev->ready = true;
	ena_emu_regs_refresh(dev);
}

/*
 * Device reset: everything the driver configured is forgotten, counters
 * and fault knobs stay. The read-less response address survives because
 * the driver re-programs it right after asking for the reset, possibly
 * before this runs.
 */
void
ena_emu_dev_reset(struct ena_emu_dev *dev)
{
	static const uint32_t driver_regs[] = {
		ENA_REG_AQ_BASE_LO,
		ENA_REG_AQ_BASE_HI,
		ENA_REG_AQ_CAPS,
		ENA_REG_ACQ_BASE_LO,
		ENA_REG_ACQ_BASE_HI,
		ENA_REG_ACQ_CAPS,
		ENA_REG_AQ_DB,
		ENA_REG_AENQ_CAPS,
		ENA_REG_AENQ_BASE_LO,
		ENA_REG_AENQ_BASE_HI,
		ENA_REG_AENQ_HEAD_DB,
		ENA_REG_RSS_IND_ENTRY_UPDATE,
	};
	unsigned int i;

	if (dev->io != NULL)
		ena_emu_io_reset(dev);
	for (i = 0; i < EMU_DIM(driver_regs); i++)
		ena_emu_reg_put(dev, driver_regs[i], 0);
	memset(dev->bar0 + ENA_EMU_BAR0_DB_BASE, 0,
		dev->bar0_len - ENA_EMU_BAR0_DB_BASE);

	ena_emu_admin_reset(dev);
	ena_emu_aenq_reset(dev);
	ena_emu_feat_defaults(dev);
	dev->fatal = false;
	dev->suspended = false;
	dev->cnt.resets++;
	ena_emu_regs_refresh(dev);
}

static unsigned int
emu_dev_ctl_poll(struct ena_emu_dev *dev)
{
	struct ena_emu_core *c = dev->core;
	uint32_t v = ena_emu_reg_get(dev, ENA_REG_DEV_CTL);
	uint32_t why;
	bool was, now;

	if (v == c->dev_ctl_seen) {
		/* A reset held by reset_stuck ends once the knob is off. */
		if (c->reset_in_progress &&
			!(v & ENA_REG_DEV_CTL_DEV_RESET_MASK) &&
			ena_emu_fault_peek(dev, ENA_EMU_FAULT_RESET_STUCK) ==
				0) {
			c->reset_in_progress = false;
			ena_emu_regs_refresh(dev);
			return 1;
		}
		return 0;
	}
	was = c->dev_ctl_seen & ENA_REG_DEV_CTL_DEV_RESET_MASK;
	now = v & ENA_REG_DEV_CTL_DEV_RESET_MASK;
	c->dev_ctl_seen = v;
	if (now && !was) {
		why = ena_reg_dev_ctl_reset_reason(v,
			(dev->cfg.capabilities &
				ENA_BIT(ENA_DEV_CAP_EXT_RESET_REASONS)) != 0);
		ena_emu_log(
			dev, EMU_LOG_INFO, "reset requested, reason %u", why);
		if (why < 64)
			dev->cnt.reset_reasons |= UINT64_C(1) << why;
		ena_emu_dev_reset(dev);
		c->reset_in_progress = true;
	} else if (!now && was) {
		if (ena_emu_fault_peek(dev, ENA_EMU_FAULT_RESET_STUCK) == 0)
			c->reset_in_progress = false;
		else
			ena_emu_log(dev, EMU_LOG_NOTICE,
				"reset held in progress by fault");
	}
	ena_emu_regs_refresh(dev);
	return 1;
}

uint32_t
ena_emu_reg_value(struct ena_emu_dev *dev, uint32_t off)
{
	switch (off) {
	case ENA_REG_DEV_STS:
		/* A reset written just before this read must show. */
		emu_dev_ctl_poll(dev);
		return emu_dev_sts(dev);
	case ENA_REG_ACQ_TAIL:
		return dev->core->acq_tail;
	case ENA_REG_AENQ_TAIL:
		return dev->core->aenq_tail;
	default:
		break;
	}
	if (off + sizeof(uint32_t) > ENA_REG_SPACE_END || (off & 3) != 0)
		return UINT32_MAX;
	return ena_emu_reg_get(dev, off);
}

static void
emu_mmio_answer(struct ena_emu_dev *dev, uint32_t req)
{
	struct ena_reg_read_resp *resp;
	uint64_t iova;
	uint16_t off, id;

	iova = (uint64_t)ena_emu_reg_get(dev, ENA_REG_MMIO_RESP_HI) << 32 |
		ena_emu_reg_get(dev, ENA_REG_MMIO_RESP_LO);
	off = (uint16_t)ENA_FIELD_GET(req, ENA_REG_MMIO_REG_READ_REG_OFF);
	id = (uint16_t)ENA_FIELD_GET(req, ENA_REG_MMIO_REG_READ_REQ_ID);
	if (iova == 0) {
		ena_emu_log(dev, EMU_LOG_WARNING,
			"read-less request for 0x%x without response address",
			off);
		return;
	}
	resp = ena_emu_dma_wptr(dev, iova, sizeof(*resp));
	if (resp == NULL)
		return;
	resp->reg_off = off;
	resp->reg_val = ena_emu_reg_value(dev, off);
	/* The driver polls req_id: it must land last. */
	__atomic_store_n(&resp->req_id, id, __ATOMIC_RELEASE);
	dev->cnt.mmio_reads++;
}

static unsigned int
emu_mmio_poll(struct ena_emu_dev *dev)
{
	struct ena_emu_core *c = dev->core;
	uint32_t req = ena_emu_reg_get(dev, ENA_REG_MMIO_REG_READ);
	uint64_t late;

	if (req != c->mmio_req_seen) {
		c->mmio_req_seen = req;
		late = ena_emu_fault_peek(dev, ENA_EMU_FAULT_MMIO_LATE_MS);
		if (late != 0) {
			c->mmio_held = true;
			c->mmio_held_req = req;
			c->mmio_due_ns = ena_emu_dev_now_ns(dev) +
				late * 1000000ull;
			return 1;
		}
		c->mmio_held = false;
		emu_mmio_answer(dev, req);
		return 1;
	}
	if (c->mmio_held && ena_emu_dev_now_ns(dev) >= c->mmio_due_ns) {
		c->mmio_held = false;
		emu_mmio_answer(dev, c->mmio_held_req);
		return 1;
	}
	return 0;
}

static unsigned int
emu_intr_mask_poll(struct ena_emu_dev *dev)
{
	struct ena_emu_core *c = dev->core;
	bool masked = ena_emu_reg_get(dev, ENA_REG_INTR_MASK) &
		ENA_REG_INTR_MASK_ADMIN_MASK;

	if (masked == c->irq_masked)
		return 0;
	c->irq_masked = masked;
	if (!masked && c->irq_pending) {
		c->irq_pending = false;
		ena_emu_irq_raise(dev);
	}
	return 1;
}

unsigned int
ena_emu_regs_poll(struct ena_emu_dev *dev)
{
	unsigned int work;

	emu_ident_refresh(dev);
	work = emu_dev_ctl_poll(dev);
	work += emu_intr_mask_poll(dev);
	work += emu_mmio_poll(dev);
	return work;
}

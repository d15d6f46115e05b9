/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */

/*
 * Admin queue: commands are consumed in order from the AQ up to the
 * doorbell, executed, and answered in the ACQ with the phase bit the
 * driver expects. The admin fault knobs act here: a delayed completion
 * holds back every later command (the queue stays in order), a dropped
 * command is consumed and never answered.
 */

#include <string.h>

#include "emu_core.h"

/* Commands handled per poll, so one busy driver cannot starve the rest. */
#define EMU_ADMIN_BUDGET 16

void
ena_emu_admin_reset(struct ena_emu_dev *dev)
{
	struct ena_emu_core *c = dev->core;

	c->aq_live = false;
	c->aq_dead = false;
	c->aq_base = 0;
	c->acq_base = 0;
	c->aq_depth = 0;
	c->acq_depth = 0;
	c->aq_head = 0;
	c->aq_phase = 1;
	c->acq_tail = 0;
	c->acq_phase = 1;
	c->comp_held = false;
}

static bool
emu_queue_caps_ok(struct ena_emu_dev *dev, const char *what, uint32_t caps,
	uint16_t *depth)
{
	/* AQ, ACQ and AENQ caps share one layout. */
	uint32_t d = ENA_FIELD_GET(caps, ENA_REG_AQ_CAPS_DEPTH);
	uint32_t esz = ENA_FIELD_GET(caps, ENA_REG_AQ_CAPS_ENTRY_SIZE);

	if (d == 0 || d > ENA_EMU_ADMIN_DEPTH_MAX || (d & (d - 1)) != 0) {
		ena_emu_dev_error(dev,
			"%s depth %u is not a power of two <= %u", what, d,
			ENA_EMU_ADMIN_DEPTH_MAX);
		return false;
	}
	if (esz != ENA_AQ_ENTRY_SIZE) {
		ena_emu_dev_error(dev, "%s entry size %u, device uses %u", what,
			esz, ENA_AQ_ENTRY_SIZE);
		return false;
	}
	*depth = (uint16_t)d;
	return true;
}

static uint64_t
emu_reg_addr(struct ena_emu_dev *dev, uint32_t lo, uint32_t hi)
{
	return (uint64_t)ena_emu_reg_get(dev, hi) << 32 |
		ena_emu_reg_get(dev, lo);
}

/* Latches the admin queue geometry on the first doorbell after reset. */
static bool
emu_aq_latch(struct ena_emu_dev *dev)
{
	struct ena_emu_core *c = dev->core;

	c->aq_base = emu_reg_addr(dev, ENA_REG_AQ_BASE_LO, ENA_REG_AQ_BASE_HI);
	c->acq_base = emu_reg_addr(
		dev, ENA_REG_ACQ_BASE_LO, ENA_REG_ACQ_BASE_HI);
	if (!emu_queue_caps_ok(dev, "AQ", ena_emu_reg_get(dev, ENA_REG_AQ_CAPS),
		    &c->aq_depth) ||
		!emu_queue_caps_ok(dev, "ACQ",
			ena_emu_reg_get(dev, ENA_REG_ACQ_CAPS), &c->acq_depth))
		goto dead;
	if (ena_emu_dma_ptr(dev, c->aq_base,
		    (size_t)c->aq_depth * ENA_AQ_ENTRY_SIZE) == NULL ||
		ena_emu_dma_wptr(dev, c->acq_base,
			(size_t)c->acq_depth * ENA_ACQ_ENTRY_SIZE) == NULL)
		goto dead;
	c->aq_live = true;
	return true;
dead:
	/* Stays dead until the next reset; the error is already raised. */
	c->aq_dead = true;
	return false;
}

static void
emu_acq_post(struct ena_emu_dev *dev, struct ena_aq_comp *comp)
{
	struct ena_emu_core *c = dev->core;
	struct ena_aq_comp *slot, tmp;
	uint16_t idx = c->acq_tail & (c->acq_depth - 1);
	uint8_t flags;

	slot = ena_emu_dma_wptr(dev,
		c->acq_base + (uint64_t)idx * ENA_ACQ_ENTRY_SIZE,
		sizeof(*slot));
	if (slot == NULL)
		return;
	flags = comp->common.flags & ~ENA_AQ_COMP_PHASE_MASK;
	flags |= c->acq_phase & ENA_AQ_COMP_PHASE_MASK;
	/*
	 * The body goes in with the stale phase (what the slot holds now);
	 * the current phase is stored last, so the driver never sees a
	 * half-written entry as valid.
	 */
	tmp = *comp;
	tmp.common.flags = flags ^ ENA_AQ_COMP_PHASE_MASK;
	memcpy(slot, &tmp, sizeof(tmp));
	__atomic_store_n(&slot->common.flags, flags, __ATOMIC_RELEASE);

	c->acq_tail++;
	if ((c->acq_tail & (c->acq_depth - 1)) == 0)
		c->acq_phase ^= 1;
	ena_emu_reg_put(dev, ENA_REG_ACQ_TAIL, c->acq_tail);
	if (comp->common.status != ENA_AQ_STATUS_SUCCESS)
		dev->cnt.admin_errors++;
	ena_emu_irq_raise(dev);
}

static uint8_t
emu_admin_exec(struct ena_emu_dev *dev, const struct ena_aq_cmd *cmd,
	struct ena_aq_comp *comp)
{
	switch (cmd->common.opcode) {
	case ENA_AQ_OP_CREATE_SQ:
	case ENA_AQ_OP_DESTROY_SQ:
	case ENA_AQ_OP_CREATE_CQ:
	case ENA_AQ_OP_DESTROY_CQ:
		return ena_emu_io_admin(dev, cmd, comp);
	case ENA_AQ_OP_GET_FEATURE:
		return ena_emu_feat_get(dev, cmd, comp);
	case ENA_AQ_OP_SET_FEATURE:
		return ena_emu_feat_set(dev, cmd, comp);
	case ENA_AQ_OP_GET_STATS:
		return ena_emu_stats_get(dev, cmd, comp);
	default:
		ena_emu_log(dev, EMU_LOG_WARNING, "unknown admin opcode %u",
			cmd->common.opcode);
		return ENA_AQ_STATUS_BAD_OPCODE;
	}
}

/* admin_err knob: does it fail this command (consuming one unit)? */
static bool
emu_admin_err_take(struct ena_emu_dev *dev, const struct ena_aq_cmd *cmd)
{
	uint64_t op;

	if (ena_emu_fault_peek(dev, ENA_EMU_FAULT_ADMIN_ERR) == 0)
		return false;
	op = ena_emu_fault_peek(dev, ENA_EMU_FAULT_ADMIN_ERR_OPCODE);
	if (op != 0 && op != cmd->common.opcode)
		return false;
	return ena_emu_fault_take(dev, ENA_EMU_FAULT_ADMIN_ERR);
}

/* Returns false when processing must stop for this poll. */
static bool
emu_admin_one(struct ena_emu_dev *dev)
{
	struct ena_emu_core *c = dev->core;
	struct ena_aq_cmd cmd;
	struct ena_aq_comp comp;
	const struct ena_aq_cmd *slot;
	uint16_t idx = c->aq_head & (c->aq_depth - 1);
	uint64_t delay;
	uint8_t status, expect_phase;

	slot = ena_emu_dma_ptr(dev,
		c->aq_base + (uint64_t)idx * ENA_AQ_ENTRY_SIZE, sizeof(*slot));
	if (slot == NULL)
		return false;
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	memcpy(&cmd, slot, sizeof(cmd));

	expect_phase = c->aq_phase;
	c->aq_head++;
	if ((c->aq_head & (c->aq_depth - 1)) == 0)
		c->aq_phase ^= 1;
	dev->cnt.admin_cmds++;

	if (ena_emu_fault_take(dev, ENA_EMU_FAULT_ADMIN_DROP)) {
		dev->cnt.admin_dropped++;
		ena_emu_log(dev, EMU_LOG_NOTICE,
			"admin command %u (opcode %u) dropped by fault",
			ena_aq_cmd_id(&cmd), cmd.common.opcode);
		return true;
	}

	memset(&comp, 0, sizeof(comp));
	if (emu_admin_err_take(dev, &cmd)) {
		status = (uint8_t)ena_emu_fault_peek(
			dev, ENA_EMU_FAULT_ADMIN_ERR_STATUS);
		if (status == ENA_AQ_STATUS_SUCCESS)
			status = ENA_AQ_STATUS_UNKNOWN_ERROR;
		ena_emu_log(dev, EMU_LOG_NOTICE,
			"admin command %u (opcode %u) fails with status %u "
			"by fault",
			ena_aq_cmd_id(&cmd), cmd.common.opcode, status);
	} else if (ena_aq_cmd_phase(&cmd) != expect_phase) {
		ena_emu_log(dev, EMU_LOG_WARNING,
			"admin command %u carries a stale phase bit",
			ena_aq_cmd_id(&cmd));
		status = ENA_AQ_STATUS_MALFORMED_REQUEST;
	} else {
		status = emu_admin_exec(dev, &cmd, &comp);
	}
	comp.common.cmd_id = ena_aq_cmd_id(&cmd);
	comp.common.status = status;
	comp.common.sq_head = c->aq_head;

	delay = ena_emu_fault_peek(dev, ENA_EMU_FAULT_ADMIN_DELAY_MS);
	if (delay != 0) {
		c->held = comp;
		c->comp_held = true;
		c->comp_due_ns = ena_emu_dev_now_ns(dev) + delay * 1000000ull;
		return false;
	}
	emu_acq_post(dev, &comp);
	return true;
}

unsigned int
ena_emu_admin_poll(struct ena_emu_dev *dev)
{
	struct ena_emu_core *c = dev->core;
	unsigned int work = 0;
	uint16_t db, pending;

	if (c->comp_held) {
		if (ena_emu_dev_now_ns(dev) < c->comp_due_ns)
			return 0;
		c->comp_held = false;
		emu_acq_post(dev, &c->held);
		work++;
	}
	if (c->aq_dead || c->reset_in_progress)
		return work;
	db = (uint16_t)ena_emu_reg_get(dev, ENA_REG_AQ_DB);
	if (!c->aq_live) {
		if (db == 0 || !emu_aq_latch(dev))
			return work;
	}
	while (db != c->aq_head && work < EMU_ADMIN_BUDGET) {
		pending = (uint16_t)(db - c->aq_head);
		if (pending > c->aq_depth) {
			ena_emu_dev_error(dev,
				"AQ doorbell %u is %u entries past head %u "
				"(depth %u)",
				db, pending, c->aq_head, c->aq_depth);
			c->aq_dead = true;
			break;
		}
		work++;
		if (!emu_admin_one(dev))
			break;
	}
	return work;
}

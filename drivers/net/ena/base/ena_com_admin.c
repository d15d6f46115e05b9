/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/*
 * Admin queue: submission ring (AQ), completion ring (ACQ), command ids,
 * completion matching by phase, polling or interrupt-driven waiting, and
 * the dead state after a timeout.
 */
#include "ena_com_internal.h"

enum {
	ENA_HW_SLOT_FREE = 0,
	ENA_HW_SLOT_PENDING,
	ENA_HW_SLOT_DONE,
	ENA_HW_SLOT_ABORTED, /* waiter gone or told to give up */
};

/* Command ids are 12 bits; the low bits select the slot. */
#define ENA_HW_CMD_ID_MASK (ENA_AQ_DESC_CMD_ID_MASK >> ENA_AQ_DESC_CMD_ID_SHIFT)

int
ena_hw_status_errno(uint8_t status)
{
	switch (status) {
	case ENA_AQ_STATUS_SUCCESS:
		return 0;
	case ENA_AQ_STATUS_RESOURCE_ALLOC_FAILURE:
		return -ENOMEM;
	case ENA_AQ_STATUS_UNSUPPORTED_OPCODE:
		return -EOPNOTSUPP;
	case ENA_AQ_STATUS_BAD_OPCODE:
	case ENA_AQ_STATUS_MALFORMED_REQUEST:
	case ENA_AQ_STATUS_ILLEGAL_PARAMETER:
		return -EINVAL;
	case ENA_AQ_STATUS_RESOURCE_BUSY:
		return -EBUSY;
	case ENA_AQ_STATUS_UNKNOWN_ERROR:
	default:
		return -EIO;
	}
}

static void
ena_hw_admin_free_mem(struct ena_hw *hw)
{
	ena_plat_dma_free(&hw->admin.sq_mem);
	ena_plat_dma_free(&hw->admin.cq_mem);
	ena_plat_dma_free(&hw->aenq.mem);
	ena_plat_free(hw->admin.slots);
	hw->admin.slots = NULL;
}

int
ena_hw_admin_init(
	struct ena_hw *hw, const struct ena_hw_aenq_handlers *handlers)
{
	struct ena_hw_admin *aq = &hw->admin;
	uint32_t sts, caps;
	int rc;

	sts = ena_hw_reg_read(hw, ENA_REG_DEV_STS);
	if (sts == ENA_HW_REG_READ_FAILED ||
		(sts & ENA_REG_DEV_STS_READY_MASK) == 0) {
		ena_hw_err(hw,
			"Can not initialize ena admin queue with device: status 0x%x not ready",
			sts);
		return -ENODEV;
	}
	if (aq->slots != NULL)
		ena_hw_admin_fini(hw);

	aq->depth = ENA_HW_ADMIN_DEPTH;
	hw->aenq.depth = ENA_HW_AENQ_DEPTH;
	rc = ena_plat_dma_alloc(
		&aq->sq_mem, (size_t)aq->depth * ENA_AQ_ENTRY_SIZE, hw->socket);
	if (rc == 0)
		rc = ena_plat_dma_alloc(&aq->cq_mem,
			(size_t)aq->depth * ENA_ACQ_ENTRY_SIZE, hw->socket);
	if (rc == 0)
		rc = ena_plat_dma_alloc(&hw->aenq.mem,
			(size_t)hw->aenq.depth * ENA_AENQ_ENTRY_SIZE,
			hw->socket);
	if (rc == 0) {
		aq->slots = ena_plat_zalloc(
			sizeof(*aq->slots) * aq->depth, hw->socket);
		if (aq->slots == NULL)
			rc = -ENOMEM;
	}
	if (rc != 0) {
		ena_hw_err(hw,
			"Can not initialize ena admin queue with device: no memory for %u entries",
			aq->depth);
		ena_hw_admin_free_mem(hw);
		return rc;
	}

	aq->sq_tail = 0;
	aq->sq_head = 0;
	aq->sq_phase = 1;
	aq->cq_head = 0;
	aq->cq_phase = 1;
	aq->outstanding = 0;
	aq->next_cmd_id = 0;
	aq->sq_db = (volatile uint32_t *)ena_hw_reg_addr(hw, ENA_REG_AQ_DB);

	ena_hw_reg_write(hw, ENA_REG_AQ_BASE_LO, (uint32_t)aq->sq_mem.iova);
	ena_hw_reg_write(
		hw, ENA_REG_AQ_BASE_HI, (uint32_t)(aq->sq_mem.iova >> 32));
	ena_hw_reg_write(hw, ENA_REG_ACQ_BASE_LO, (uint32_t)aq->cq_mem.iova);
	ena_hw_reg_write(
		hw, ENA_REG_ACQ_BASE_HI, (uint32_t)(aq->cq_mem.iova >> 32));
	caps = 0;
	ENA_FIELD_SET(caps, ENA_REG_AQ_CAPS_DEPTH, aq->depth);
	ENA_FIELD_SET(caps, ENA_REG_AQ_CAPS_ENTRY_SIZE, ENA_AQ_ENTRY_SIZE);
	ena_hw_reg_write(hw, ENA_REG_AQ_CAPS, caps);
	caps = 0;
	ENA_FIELD_SET(caps, ENA_REG_ACQ_CAPS_DEPTH, aq->depth);
	ENA_FIELD_SET(caps, ENA_REG_ACQ_CAPS_ENTRY_SIZE, ENA_ACQ_ENTRY_SIZE);
	ena_hw_reg_write(hw, ENA_REG_ACQ_CAPS, caps);

	ena_hw_aenq_init_state(hw, handlers);
	ena_hw_reg_write(hw, ENA_REG_AENQ_BASE_LO, (uint32_t)hw->aenq.mem.iova);
	ena_hw_reg_write(
		hw, ENA_REG_AENQ_BASE_HI, (uint32_t)(hw->aenq.mem.iova >> 32));
	caps = 0;
	ENA_FIELD_SET(caps, ENA_REG_AENQ_CAPS_DEPTH, hw->aenq.depth);
	ENA_FIELD_SET(caps, ENA_REG_AENQ_CAPS_ENTRY_SIZE, ENA_AENQ_ENTRY_SIZE);
	ena_hw_reg_write(hw, ENA_REG_AENQ_CAPS, caps);

	aq->polling = true;
	aq->running = true;
	return 0;
}

void
ena_hw_admin_fini(struct ena_hw *hw)
{
	if (hw->admin.slots != NULL)
		ena_hw_admin_abort(hw);
	hw->admin.running = false;
	ena_hw_admin_free_mem(hw);
}

void
ena_hw_admin_set_polling(struct ena_hw *hw, bool polling)
{
	hw->admin.polling = polling;
}

bool
ena_hw_admin_polling(const struct ena_hw *hw)
{
	return hw->admin.polling;
}

void
ena_hw_admin_set_auto_polling(struct ena_hw *hw, bool on)
{
	hw->admin.auto_polling = on;
}

void
ena_hw_admin_set_running(struct ena_hw *hw, bool running)
{
	hw->admin.running = running && hw->admin.slots != NULL;
}

bool
ena_hw_admin_running(const struct ena_hw *hw)
{
	return hw->admin.running;
}

/* Consume new ACQ entries; admin lock held. Returns how many. */
static unsigned int
ena_hw_admin_reap(struct ena_hw *hw)
{
	unsigned int n = 0;
	struct ena_hw_admin *aq = &hw->admin;
	struct ena_aq_comp *ring = aq->cq_mem.va;
	uint16_t mask = aq->depth - 1;
	struct ena_hw_admin_slot *slot;
	struct ena_aq_comp *e;
	uint16_t id;

	for (;;) {
		e = &ring[aq->cq_head & mask];
		if ((ENA_READ_ONCE8(e->common.flags) &
			    ENA_AQ_COMP_PHASE_MASK) != aq->cq_phase)
			break;
		/* The rest of the entry only after its phase. */
		ena_plat_rmb();
		id = ena_aq_comp_id(e);
		slot = &aq->slots[id & mask];
		if (slot->state == ENA_HW_SLOT_PENDING && slot->cmd_id == id) {
			if (slot->comp != NULL)
				memcpy(slot->comp, e, slot->comp_len);
			slot->status = e->common.status;
			ena_plat_wmb();
			slot->state = ENA_HW_SLOT_DONE;
		} else if (slot->state == ENA_HW_SLOT_ABORTED &&
			slot->cmd_id == id) {
			slot->state = ENA_HW_SLOT_FREE;
		} else {
			ena_hw_warn(hw,
				"admin completion for unknown command id %u (slot state %d)",
				id, slot->state);
		}
		aq->sq_head = e->common.sq_head;
		if (aq->outstanding > 0)
			aq->outstanding--;
		aq->stats.completed++;
		aq->cq_head++;
		if ((aq->cq_head & mask) == 0)
			aq->cq_phase ^= 1;
		n++;
	}
	return n;
}

void
ena_hw_admin_intr(struct ena_hw *hw)
{
	if (hw->admin.slots == NULL)
		return;
	ena_plat_lock(&hw->admin.lock);
	hw->admin.stats.intr_completions += ena_hw_admin_reap(hw);
	ena_plat_unlock(&hw->admin.lock);
}

/* Completions found by looking at the ACQ rather than by an interrupt. */
static void
ena_hw_admin_poll(struct ena_hw *hw)
{
	ena_plat_lock(&hw->admin.lock);
	hw->admin.stats.polled_completions += ena_hw_admin_reap(hw);
	ena_plat_unlock(&hw->admin.lock);
}

void
ena_hw_admin_abort(struct ena_hw *hw)
{
	struct ena_hw_admin *aq = &hw->admin;
	uint16_t i;

	if (aq->slots == NULL)
		return;
	ena_plat_lock(&aq->lock);
	for (i = 0; i < aq->depth; i++) {
		if (aq->slots[i].state == ENA_HW_SLOT_PENDING) {
			aq->slots[i].state = ENA_HW_SLOT_ABORTED;
			aq->stats.aborted++;
		}
	}
	ena_plat_unlock(&aq->lock);
}

/* Place cmd on the AQ; returns the slot or an errno via *rc. */
static struct ena_hw_admin_slot *
ena_hw_admin_submit(struct ena_hw *hw, struct ena_aq_cmd *cmd,
	struct ena_aq_comp *comp, size_t comp_len, int *rc)
{
	struct ena_hw_admin *aq = &hw->admin;
	uint16_t mask = aq->depth - 1;
	struct ena_hw_admin_slot *slot;
	struct ena_aq_cmd *ring = aq->sq_mem.va;
	uint16_t id;

	ena_plat_lock(&aq->lock);
	if (!aq->running) {
		ena_plat_unlock(&aq->lock);
		*rc = -ENODEV;
		return NULL;
	}
	/* Make room from completions that nobody reaped yet. */
	if (aq->outstanding >= aq->depth)
		aq->stats.polled_completions += ena_hw_admin_reap(hw);
	id = aq->next_cmd_id & ENA_HW_CMD_ID_MASK;
	slot = &aq->slots[id & mask];
	if (aq->outstanding >= aq->depth || slot->state != ENA_HW_SLOT_FREE) {
		aq->stats.no_space++;
		ena_plat_unlock(&aq->lock);
		ena_hw_err(hw, "admin queue full: %u commands outstanding",
			aq->outstanding);
		*rc = -ENOSPC;
		return NULL;
	}
	aq->next_cmd_id++;

	ENA_FIELD_SET(cmd->common.cmd_id, ENA_AQ_DESC_CMD_ID, id);
	ENA_FIELD_SET(cmd->common.flags, ENA_AQ_DESC_PHASE, aq->sq_phase);
	slot->comp = comp;
	slot->comp_len = comp_len > sizeof(*comp) ? sizeof(*comp) : comp_len;
	slot->cmd_id = id;
	slot->status = 0;
	slot->state = ENA_HW_SLOT_PENDING;

	memcpy(&ring[aq->sq_tail & mask], cmd, sizeof(*cmd));
	aq->sq_tail++;
	if ((aq->sq_tail & mask) == 0)
		aq->sq_phase ^= 1;
	aq->outstanding++;
	aq->stats.submitted++;
	/* Doorbell store is ordered after the entry by reg_write32. */
	ena_plat_reg_write32(aq->sq_tail, aq->sq_db);
	ena_plat_unlock(&aq->lock);
	*rc = 0;
	return slot;
}

static int
ena_hw_admin_wait(
	struct ena_hw *hw, struct ena_hw_admin_slot *slot, uint8_t opcode)
{
	struct ena_hw_admin *aq = &hw->admin;
	ena_plat_time_t deadline = ena_plat_deadline(aq->timeout_us);
	bool polled_late = false;
	uint8_t status;
	int state, rc;

	for (;;) {
		if (aq->polling)
			ena_hw_admin_poll(hw);
		state = slot->state;
		if (state != ENA_HW_SLOT_PENDING)
			break;
		if (ena_plat_expired(deadline)) {
			/* Interrupt lost? Look at the ring once ourselves. */
			if (!aq->polling && aq->auto_polling && !polled_late) {
				polled_late = true;
				ena_hw_admin_poll(hw);
				if (slot->state != ENA_HW_SLOT_PENDING) {
					ena_hw_warn(hw,
						"admin completion of opcode %u found by polling; interrupt missed",
						opcode);
					continue;
				}
			}
			ena_plat_lock(&aq->lock);
			if (slot->state == ENA_HW_SLOT_PENDING) {
				slot->state = ENA_HW_SLOT_ABORTED;
				aq->stats.timeouts++;
				aq->running = false;
				ena_plat_unlock(&aq->lock);
				ena_hw_err(hw,
					"admin command id %u opcode %u timed out after %" PRIu64
					" us; admin queue is now dead",
					slot->cmd_id, opcode, aq->timeout_us);
				return -ETIME;
			}
			ena_plat_unlock(&aq->lock);
			continue;
		}
		/*
		 * Interrupt mode in the thread that services the admin
		 * vector: nobody else will, so wait for the vector here.
		 */
		if (!aq->polling && hw->intr_service != NULL &&
			ena_plat_in_intr_thread())
			hw->intr_service(
				hw->intr_service_arg, ENA_HW_ADMIN_POLL_US);
		else
			ena_plat_wait_step(
				aq->polling ? 0 : ENA_HW_ADMIN_POLL_US);
	}
	ena_plat_rmb();
	ena_plat_lock(&aq->lock);
	if (slot->state == ENA_HW_SLOT_ABORTED) {
		/* Let a late completion, if any, release the slot. */
		ena_plat_unlock(&aq->lock);
		return -ENODEV;
	}
	status = slot->status;
	rc = ena_hw_status_errno(status);
	if (rc != 0)
		aq->stats.failed++;
	slot->comp = NULL;
	slot->state = ENA_HW_SLOT_FREE;
	ena_plat_unlock(&aq->lock);
	if (rc != 0)
		ena_hw_dbg(hw,
			"admin opcode %u failed: device status %u, rc %d",
			opcode, status, rc);
	return rc;
}

int
ena_hw_admin_exec(struct ena_hw *hw, struct ena_aq_cmd *cmd,
	struct ena_aq_comp *comp, size_t comp_len)
{
	struct ena_hw_admin_slot *slot;
	int rc;

	if (ena_unlikely(hw->admin.slots == NULL)) {
		ena_hw_err(hw, "admin command opcode %u without an admin queue",
			cmd->common.opcode);
		return -ENODEV;
	}
	slot = ena_hw_admin_submit(hw, cmd, comp, comp_len, &rc);
	if (slot == NULL)
		return rc;
	return ena_hw_admin_wait(hw, slot, cmd->common.opcode);
}

/* ---- feature commands ----------------------------------------------------- */

bool
ena_hw_feature_supported(const struct ena_hw *hw, unsigned int id)
{
	/* Before the attributes are known, let the device decide. */
	if (id == ENA_FEAT_DEVICE_ATTRIBUTES || hw->supported_features == 0)
		return true;
	return id < 32 && (hw->supported_features & ENA_FEAT_BIT(id)) != 0;
}

static void
ena_hw_set_ctrl_buf(struct ena_aq_common_desc *common,
	struct ena_aq_ctrl_buf *ctrl_buf, const struct ena_dma_mem *ctrl,
	size_t ctrl_len)
{
	if (ctrl == NULL)
		return;
	common->flags |= ENA_AQ_DESC_CTRL_INDIRECT_MASK;
	ctrl_buf->len = (uint32_t)ctrl_len;
	ena_dma_addr_set(&ctrl_buf->addr, ctrl->iova);
}

int
ena_hw_get_feature(struct ena_hw *hw, uint8_t id, uint8_t version,
	struct ena_aq_get_feat_resp *resp, const struct ena_dma_mem *ctrl,
	size_t ctrl_len)
{
	struct ena_aq_cmd cmd;
	int rc;

	if (!ena_hw_feature_supported(hw, id)) {
		ena_hw_dbg(hw, "feature %u not supported by the device", id);
		return -EOPNOTSUPP;
	}
	memset(&cmd, 0, sizeof(cmd));
	cmd.common.opcode = ENA_AQ_OP_GET_FEATURE;
	cmd.get_feat.feat.feature_id = id;
	cmd.get_feat.feat.version = version;
	ena_hw_set_ctrl_buf(&cmd.common, &cmd.get_feat.ctrl, ctrl, ctrl_len);
	rc = ena_hw_admin_exec(
		hw, &cmd, (struct ena_aq_comp *)resp, sizeof(*resp));
	if (rc != 0)
		ena_hw_dbg(hw, "get feature %u failed, rc %d", id, rc);
	return rc;
}

int
ena_hw_set_feature(struct ena_hw *hw, struct ena_aq_cmd *cmd, uint8_t id,
	const struct ena_dma_mem *ctrl, size_t ctrl_len)
{
	struct ena_aq_comp comp;
	int rc;

	if (!ena_hw_feature_supported(hw, id)) {
		ena_hw_dbg(hw, "feature %u not supported by the device", id);
		return -EOPNOTSUPP;
	}
	cmd->common.opcode = ENA_AQ_OP_SET_FEATURE;
	cmd->set_feat.feat.feature_id = id;
	ena_hw_set_ctrl_buf(&cmd->common, &cmd->set_feat.ctrl, ctrl, ctrl_len);
	rc = ena_hw_admin_exec(hw, cmd, &comp, sizeof(comp));
	if (rc != 0)
		ena_hw_dbg(hw, "set feature %u failed, rc %d", id, rc);
	return rc;
}

/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/*
 * IO queue pairs: a completion queue first, then its submission queue
 * (descriptors in host memory, or in the device's LLQ window). Register
 * addresses for doorbell, CQ head, unmask and NUMA come from the device.
 */
#include "ena_com_internal.h"

static void
ena_hw_io_free(struct ena_hw_io_sq *sq, struct ena_hw_io_cq *cq)
{
	ena_plat_dma_free(&sq->ring_mem);
	ena_plat_free(sq->bounce);
	sq->bounce = NULL;
	ena_plat_free(sq->rx_posted_len);
	sq->rx_posted_len = NULL;
	sq->ring = NULL;
	sq->llq_ring = NULL;
	ena_plat_dma_free(&cq->ring_mem);
	cq->ring = NULL;
}

static int
ena_hw_io_destroy_sq(struct ena_hw *hw, struct ena_hw_io_sq *sq)
{
	struct ena_aq_cmd cmd;
	struct ena_aq_comp comp;

	memset(&cmd, 0, sizeof(cmd));
	cmd.common.opcode = ENA_AQ_OP_DESTROY_SQ;
	cmd.destroy_sq.sq.sq_idx = sq->idx;
	ENA_FIELD_SET(cmd.destroy_sq.sq.ident, ENA_AQ_SQ_REF_DIR,
		sq->dir == ENA_HW_DIR_TX ? ENA_SQ_DIR_TX : ENA_SQ_DIR_RX);
	return ena_hw_admin_exec(hw, &cmd, &comp, sizeof(comp));
}

static int
ena_hw_io_destroy_cq(struct ena_hw *hw, struct ena_hw_io_cq *cq)
{
	struct ena_aq_cmd cmd;
	struct ena_aq_comp comp;

	memset(&cmd, 0, sizeof(cmd));
	cmd.common.opcode = ENA_AQ_OP_DESTROY_CQ;
	cmd.destroy_cq.cq_idx = cq->idx;
	return ena_hw_admin_exec(hw, &cmd, &comp, sizeof(comp));
}

void
ena_hw_io_destroy(
	struct ena_hw *hw, struct ena_hw_io_sq *sq, struct ena_hw_io_cq *cq)
{
	int rc;

	if (sq != NULL && sq->created) {
		rc = ena_hw_io_destroy_sq(hw, sq);
		if (rc != 0)
			ena_hw_warn(hw,
				"destroy of SQ %u (queue %u) failed, rc %d",
				sq->idx, sq->qid, rc);
		sq->created = false;
	}
	if (cq != NULL && cq->created) {
		rc = ena_hw_io_destroy_cq(hw, cq);
		if (rc != 0)
			ena_hw_warn(hw,
				"destroy of CQ %u (queue %u) failed, rc %d",
				cq->idx, cq->qid, rc);
		cq->created = false;
	}
	if (sq != NULL && cq != NULL)
		ena_hw_io_free(sq, cq);
}

static int
ena_hw_io_check(struct ena_hw *hw, const struct ena_hw_io_params *p)
{
	if (p->dir != ENA_HW_DIR_TX && p->dir != ENA_HW_DIR_RX) {
		ena_hw_err(
			hw, "queue %u: invalid direction %d", p->qid, p->dir);
		return -EINVAL;
	}
	if (!ena_hw_is_pow2(p->depth) || p->depth < 2) {
		ena_hw_err(hw, "queue %u: depth %u is not a power of two",
			p->qid, p->depth);
		return -EINVAL;
	}
	if (p->placement != ENA_HW_PLACEMENT_HOST &&
		p->placement != ENA_HW_PLACEMENT_DEV) {
		ena_hw_err(hw, "queue %u: invalid placement %d", p->qid,
			p->placement);
		return -EINVAL;
	}
	if (p->placement == ENA_HW_PLACEMENT_DEV &&
		(p->dir != ENA_HW_DIR_TX ||
			hw->tx_placement != ENA_HW_PLACEMENT_DEV ||
			hw->mem_bar == NULL)) {
		ena_hw_err(hw,
			"queue %u: device placement needs a Tx queue and negotiated LLQ",
			p->qid);
		return -EINVAL;
	}
	if (p->placement == ENA_HW_PLACEMENT_DEV && hw->llq_max_depth != 0 &&
		p->depth > hw->llq_max_depth) {
		ena_hw_err(hw, "queue %u: LLQ depth %u above device max %u",
			p->qid, p->depth, hw->llq_max_depth);
		return -EINVAL;
	}
	if (hw->admin.slots == NULL) {
		ena_hw_err(hw, "queue %u: no admin queue", p->qid);
		return -ENODEV;
	}
	return 0;
}

/*
 * A queue register at off (0: none) is aligned, inside BAR 0 when its size
 * is known, and none of the registers ena_regs.h names.
 */
static bool
ena_hw_io_reg_ok(const struct ena_hw *hw, uint32_t off)
{
	if (off == 0)
		return true;
	/*
	 * Off the device's own registers: a CQ head written over the admin
	 * completion queue's base would send the device's next admin
	 * completions to wherever the head's value points.
	 */
	if ((off & 3) != 0 || off < ENA_REG_SPACE_END || off == ENA_REG_PHC_DB)
		return false;
	return hw->regs_len == 0 || (size_t)off + 4 <= hw->regs_len;
}

static int
ena_hw_io_create_cq(struct ena_hw *hw, const struct ena_hw_io_params *p,
	struct ena_hw_io_cq *cq)
{
	struct ena_aq_cmd cmd;
	struct ena_aq_comp comp;
	const struct ena_aq_create_cq_resp *r = &comp.create_cq;
	int rc;

	cq->entry_size = p->dir == ENA_HW_DIR_TX ? sizeof(struct ena_tx_cdesc)
						 : sizeof(struct ena_rx_cdesc);
	rc = ena_plat_dma_alloc(
		&cq->ring_mem, (size_t)p->depth * cq->entry_size, p->socket);
	if (rc != 0) {
		ena_hw_err(hw, "queue %u: no memory for a %u entry CQ", p->qid,
			p->depth);
		return rc;
	}
	cq->ring = cq->ring_mem.va;

	memset(&cmd, 0, sizeof(cmd));
	cmd.common.opcode = ENA_AQ_OP_CREATE_CQ;
	if (p->msix_vector >= 0) {
		ENA_FIELD_SET(
			cmd.create_cq.caps1, ENA_AQ_CREATE_CQ_INTR_MODE, 1);
		cmd.create_cq.msix_vector = (uint32_t)p->msix_vector;
	}
	ENA_FIELD_SET(cmd.create_cq.caps2, ENA_AQ_CREATE_CQ_ENTRY_WORDS,
		cq->entry_size / 4);
	cmd.create_cq.depth = p->depth;
	ena_dma_addr_set(&cmd.create_cq.ring, cq->ring_mem.iova);
	rc = ena_hw_admin_exec(hw, &cmd, &comp, sizeof(comp));
	if (rc != 0) {
		ena_hw_err(hw, "Failed to create io %s queue #%u rc: %d (CQ)",
			p->dir == ENA_HW_DIR_TX ? "TX" : "RX", p->qid, rc);
		return rc;
	}
	cq->idx = r->cq_idx;
	cq->created = true;
	if (r->actual_depth != 0 && r->actual_depth != p->depth) {
		ena_hw_err(hw, "queue %u: device made the CQ %u deep, asked %u",
			p->qid, r->actual_depth, p->depth);
		return -EINVAL;
	}
	if (((r->unmask_offset | r->head_db_offset | r->numa_node_offset) &
		    3) ||
		!ena_hw_io_reg_ok(hw, r->unmask_offset) ||
		!ena_hw_io_reg_ok(hw, r->head_db_offset) ||
		!ena_hw_io_reg_ok(hw, r->numa_node_offset)) {
		ena_hw_err(hw,
			"queue %u: CQ register offsets 0x%x/0x%x/0x%x misaligned, on the device's own registers or beyond BAR 0 (%zu bytes)",
			p->qid, r->unmask_offset, r->head_db_offset,
			r->numa_node_offset, hw->regs_len);
		return -EINVAL;
	}
	cq->unmask_reg = r->unmask_offset
		? (volatile uint32_t *)ena_hw_reg_addr(hw, r->unmask_offset)
		: NULL;
	cq->head_db = r->head_db_offset
		? (volatile uint32_t *)ena_hw_reg_addr(hw, r->head_db_offset)
		: NULL;
	cq->numa_reg = r->numa_node_offset
		? (volatile uint32_t *)ena_hw_reg_addr(hw, r->numa_node_offset)
		: NULL;
	return 0;
}

static int
ena_hw_io_create_sq(struct ena_hw *hw, const struct ena_hw_io_params *p,
	struct ena_hw_io_sq *sq, const struct ena_hw_io_cq *cq)
{
	struct ena_aq_cmd cmd;
	struct ena_aq_comp comp;
	const struct ena_aq_create_sq_resp *r = &comp.create_sq;
	int rc;

	if (p->placement == ENA_HW_PLACEMENT_HOST) {
		rc = ena_plat_dma_alloc(&sq->ring_mem,
			(size_t)p->depth * sizeof(struct ena_tx_desc),
			p->socket);
		if (rc != 0) {
			ena_hw_err(hw, "queue %u: no memory for a %u entry SQ",
				p->qid, p->depth);
			return rc;
		}
		sq->ring = sq->ring_mem.va;
	} else {
		sq->bounce = ena_plat_zalloc(hw->llq.entry_size, p->socket);
		if (sq->bounce == NULL)
			return -ENOMEM;
	}
	if (p->dir == ENA_HW_DIR_RX) {
		sq->rx_posted_len = ena_plat_zalloc(
			sizeof(uint16_t) * p->depth, p->socket);
		if (sq->rx_posted_len == NULL)
			return -ENOMEM;
	}

	memset(&cmd, 0, sizeof(cmd));
	cmd.common.opcode = ENA_AQ_OP_CREATE_SQ;
	ENA_FIELD_SET(cmd.create_sq.sq_ident, ENA_AQ_CREATE_SQ_DIR,
		p->dir == ENA_HW_DIR_TX ? ENA_SQ_DIR_TX : ENA_SQ_DIR_RX);
	ENA_FIELD_SET(cmd.create_sq.caps2, ENA_AQ_CREATE_SQ_PLACEMENT,
		p->placement == ENA_HW_PLACEMENT_DEV ? ENA_PLACEMENT_DEV
						     : ENA_PLACEMENT_HOST);
	ENA_FIELD_SET(cmd.create_sq.caps2, ENA_AQ_CREATE_SQ_COMPLETION,
		ENA_COMPLETION_DESC);
	ENA_FIELD_SET(cmd.create_sq.caps3, ENA_AQ_CREATE_SQ_PHYS_CONTIG, 1);
	cmd.create_sq.cq_idx = cq->idx;
	cmd.create_sq.depth = p->depth;
	if (p->placement == ENA_HW_PLACEMENT_HOST)
		ena_dma_addr_set(&cmd.create_sq.ring, sq->ring_mem.iova);
	rc = ena_hw_admin_exec(hw, &cmd, &comp, sizeof(comp));
	if (rc != 0) {
		ena_hw_err(hw, "Failed to create io %s queue #%u rc: %d (SQ)",
			p->dir == ENA_HW_DIR_TX ? "TX" : "RX", p->qid, rc);
		return rc;
	}
	sq->idx = r->sq_idx;
	sq->created = true;
	if (r->db_offset == 0 || (r->db_offset & 3) != 0 ||
		!ena_hw_io_reg_ok(hw, r->db_offset)) {
		ena_hw_err(hw,
			"queue %u: invalid SQ doorbell offset 0x%x: misaligned, on the device's own registers or beyond BAR 0 (%zu bytes)",
			p->qid, r->db_offset, hw->regs_len);
		return -EINVAL;
	}
	sq->db = (volatile uint32_t *)ena_hw_reg_addr(hw, r->db_offset);
	if (p->placement == ENA_HW_PLACEMENT_DEV) {
		if ((r->llq_desc_offset & 7) != 0 ||
			(hw->mem_bar_len != 0 &&
				(uint64_t)r->llq_desc_offset +
						(uint64_t)p->depth *
							hw->llq.entry_size >
					hw->mem_bar_len)) {
			ena_hw_err(hw,
				"queue %u: LLQ offset 0x%x misaligned or %u entries beyond BAR 2 (%zu bytes)",
				p->qid, r->llq_desc_offset, p->depth,
				hw->mem_bar_len);
			return -EINVAL;
		}
		sq->llq_ring = (volatile uint8_t *)hw->mem_bar +
			r->llq_desc_offset;
	}
	return 0;
}

int
ena_hw_io_create(struct ena_hw *hw, const struct ena_hw_io_params *p,
	struct ena_hw_io_sq *sq, struct ena_hw_io_cq *cq)
{
	int rc;

	memset(sq, 0, sizeof(*sq));
	memset(cq, 0, sizeof(*cq));
	rc = ena_hw_io_check(hw, p);
	if (rc != 0)
		return rc;

	cq->hw = hw;
	cq->qid = p->qid;
	cq->dir = (uint8_t)p->dir;
	cq->depth = p->depth;
	cq->mask = p->depth - 1;
	cq->phase = 1;
	cq->msix_vector = p->msix_vector;
	cq->max_rx_descs = hw->max_rx_descs_per_pkt;

	sq->hw = hw;
	sq->qid = p->qid;
	sq->dir = (uint8_t)p->dir;
	sq->depth = p->depth;
	sq->mask = p->depth - 1;
	sq->phase = 1;
	sq->placement = (uint8_t)p->placement;
	sq->dma_width = (uint8_t)(hw->dma_width ? hw->dma_width
						: ENA_DMA_ADDR_MAX_BITS);
	sq->max_descs_per_pkt = hw->max_tx_descs_per_pkt;
	sq->max_header = (uint16_t)(hw->max_tx_header_size > 0xFFFF
			? 0xFFFF
			: hw->max_tx_header_size);
	if (p->placement == ENA_HW_PLACEMENT_DEV) {
		sq->llq = hw->llq;
		sq->burst_left = sq->llq.max_entries_in_burst;
		sq->no_meta_caching = sq->llq.disable_meta_caching;
	}

	rc = ena_hw_io_create_cq(hw, p, cq);
	if (rc == 0)
		rc = ena_hw_io_create_sq(hw, p, sq, cq);
	if (rc != 0) {
		ena_hw_io_destroy(hw, sq, cq);
		return rc;
	}
	return 0;
}

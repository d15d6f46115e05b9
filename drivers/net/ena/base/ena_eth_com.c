/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/*
 * Data path, out of line: reporting what the inline per-packet functions
 * of ena_eth_com.h find wrong, interrupt re-arming, and the views of a
 * queue other threads may take without consuming.
 */
#include "ena_com_internal.h"

/*
 * The checks of ena_hw_tx_ctx_ok(), each failure reported.
 */
int
ena_hw_tx_refuse(const struct ena_hw_io_sq *sq, const struct ena_hw_tx_ctx *ctx,
	uint16_t ndescs)
{
	struct ena_hw *hw = sq->hw;
	uint16_t i;

	if (sq->dir != ENA_HW_DIR_TX) {
		ena_hw_err(hw, "tx prepare on Rx queue %u", sq->qid);
		return -EINVAL;
	}
	if (ctx->nbufs == 0 && ctx->push_len == 0) {
		ena_hw_err(hw, "tx queue %u: empty packet (req id %u)", sq->qid,
			ctx->req_id);
		return -EINVAL;
	}
	if (sq->max_descs_per_pkt != 0 && ndescs > sq->max_descs_per_pkt) {
		ena_hw_err(hw,
			"too many fragments: %u descriptors, max %u (queue %u)",
			ndescs, sq->max_descs_per_pkt, sq->qid);
		return -EINVAL;
	}
	if (sq->max_header != 0 && ctx->push_len > sq->max_header) {
		ena_hw_err(hw, "tx queue %u: header %u bytes above max %u",
			sq->qid, ctx->push_len, sq->max_header);
		return -EINVAL;
	}
	if (sq->placement == ENA_HW_PLACEMENT_DEV) {
		if (ctx->push_hdr == NULL) {
			ena_hw_err(hw,
				"tx queue %u: LLQ packet without push header (len %u)",
				sq->qid, ctx->push_len);
			return -EINVAL;
		}
		if ((uint32_t)sq->llq.descs_before_header * ENA_HW_DESC_SIZE +
				ctx->push_len >
			sq->llq.entry_size) {
			ena_hw_err(hw,
				"tx queue %u: header %u bytes does not fit a %u byte LLQ entry",
				sq->qid, ctx->push_len, sq->llq.entry_size);
			return -EINVAL;
		}
	}
	for (i = 0; i < ctx->nbufs; i++) {
		if ((ctx->bufs[i].iova >> sq->dma_width) != 0) {
			ena_hw_err(hw,
				"tx queue %u: buffer address 0x%" PRIx64
				" beyond %u DMA bits",
				sq->qid, ctx->bufs[i].iova, sq->dma_width);
			return -EINVAL;
		}
	}
	return -EINVAL;
}

int
ena_hw_tx_busy(const struct ena_hw_io_sq *sq)
{
	ena_hw_dbg(sq->hw, "tx queue %u: LLQ burst budget %u entries spent",
		sq->qid, sq->burst_left);
	return -EBUSY;
}

int
ena_hw_tx_comp_bad(const struct ena_hw_io_cq *cq, uint16_t req_id)
{
	ena_hw_err(cq->hw,
		"tx queue %u: completion with invalid req_id %u (depth %u)",
		cq->qid, req_id, cq->depth);
	return -ERANGE;
}
void
ena_hw_cq_unmask(struct ena_hw_io_cq *cq, uint32_t rx_delay, uint32_t tx_delay)
{
	if (cq->unmask_reg == NULL)
		return;
	ena_plat_reg_write32(
		ena_intr_reg_value(rx_delay, tx_delay, 1), cq->unmask_reg);
}

void
ena_hw_cq_unmask_moderated(struct ena_hw_io_cq *cq)
{
	const struct ena_hw *hw = cq->hw;
	uint32_t res = hw->intr_delay_resolution ? hw->intr_delay_resolution
						 : 1;

	ena_hw_cq_unmask(cq, hw->intr_rx_usecs / res, hw->intr_tx_usecs / res);
}

void
ena_hw_cq_set_numa(struct ena_hw_io_cq *cq, uint8_t node)
{
	uint32_t v = ENA_NUMA_CFG_ENABLED_MASK;

	if (cq->numa_reg == NULL)
		return;
	ENA_FIELD_SET(v, ENA_NUMA_CFG_NODE, node);
	ena_plat_reg_write32(v, cq->numa_reg);
}

/* ---- Rx ------------------------------------------------------------------ */

int
ena_hw_rx_post_bad(const struct ena_hw_io_sq *sq, uint16_t req_id)
{
	ena_hw_err(sq->hw, "rx queue %u: req_id %u beyond depth %u", sq->qid,
		req_id, sq->depth);
	return -ERANGE;
}

int
ena_hw_rx_too_many(const struct ena_hw_io_cq *cq, uint16_t limit)
{
	ena_hw_err(cq->hw,
		"rx queue %u: Too many RX cdescs: more than %u for one packet",
		cq->qid, limit);
	return -E2BIG;
}

int
ena_hw_rx_bad_id(const struct ena_hw_io_cq *cq, const struct ena_hw_io_sq *sq,
	uint16_t req_id)
{
	ena_hw_err(cq->hw,
		"rx queue %u: completion with invalid req_id %u (depth %u)",
		cq->qid, req_id, sq->depth);
	return -ERANGE;
}

int
ena_hw_rx_overlong(const struct ena_hw_io_cq *cq, uint16_t len, uint16_t offset,
	uint16_t posted, uint16_t req_id)
{
	ena_hw_err(cq->hw,
		"rx queue %u: fragment of %u bytes at offset %u in a %u byte buffer (req_id %u)",
		cq->qid, len, offset, posted, req_id);
	return -EMSGSIZE;
}

bool
ena_hw_cq_empty(const struct ena_hw_io_cq *cq)
{
	const uint8_t *e = (const uint8_t *)cq->ring +
		(size_t)(cq->head & cq->mask) * cq->entry_size;
	uint8_t phase;

	if (cq->dir == ENA_HW_DIR_TX)
		phase = ENA_READ_ONCE8(
				((const struct ena_tx_cdesc *)e)->flags) &
			ENA_TX_CDESC_PHASE_MASK;
	else
		phase = (uint8_t)ENA_FIELD_GET(
			ENA_READ_ONCE32(
				((const struct ena_rx_cdesc *)e)->status),
			ENA_RX_CDESC_PHASE);
	return phase != cq->phase;
}

/* ---- looking without consuming ------------------------------------------ */

/*
 * Phase the device writes into entry i (a free-running index): 1 on the
 * first lap, flipped on each lap after it. The depth is a power of two,
 * so bit log2(depth) of i is the lap's parity.
 */
static inline uint8_t
ena_hw_cq_phase_of(const struct ena_hw_io_cq *cq, uint16_t i)
{
	return (i & cq->depth) != 0 ? 0 : 1;
}

uint16_t
ena_hw_tx_comp_peek(const struct ena_hw_io_cq *cq, uint16_t max,
	void (*fn)(void *arg, uint16_t req_id), void *arg)
{
	uint16_t head = ENA_READ_ONCE16(cq->head), n, i, id;
	const struct ena_tx_cdesc *c;

	for (n = 0; n < max && n < cq->depth; n++) {
		i = (uint16_t)(head + n);
		c = (const struct ena_tx_cdesc *)cq->ring + (i & cq->mask);
		if ((ENA_READ_ONCE8(c->flags) & ENA_TX_CDESC_PHASE_MASK) !=
			ena_hw_cq_phase_of(cq, i))
			break;
		ena_plat_dma_rmb();
		id = ENA_READ_ONCE16(c->req_id);
		if (id < cq->depth && fn != NULL)
			fn(arg, id);
	}
	return n;
}

uint16_t
ena_hw_rx_comp_count(const struct ena_hw_io_cq *cq, uint16_t max)
{
	uint16_t head = ENA_READ_ONCE16(cq->head), n, i;
	const struct ena_rx_cdesc *c;
	uint32_t status;

	for (n = 0; n < max && n < cq->depth; n++) {
		i = (uint16_t)(head + n);
		c = (const struct ena_rx_cdesc *)((const uint8_t *)cq->ring +
			(size_t)(i & cq->mask) * cq->entry_size);
		status = ENA_READ_ONCE32(c->status);
		if (ENA_FIELD_GET(status, ENA_RX_CDESC_PHASE) !=
			ena_hw_cq_phase_of(cq, i))
			break;
	}
	return n;
}

void
ena_hw_rx_comp_next(const struct ena_hw_io_cq *cq,
	const volatile uint32_t **status, uint32_t *mask, uint32_t *value)
{
	/* A packet in progress waits for the completion after its last. */
	uint16_t i = (uint16_t)(cq->head + cq->rx_pending);
	const struct ena_rx_cdesc *c =
		(const struct ena_rx_cdesc *)((const uint8_t *)cq->ring +
			(size_t)(i & cq->mask) * cq->entry_size);

	*status = &c->status;
	*mask = ENA_RX_CDESC_PHASE_MASK;
	*value = (uint32_t)ena_hw_cq_phase_of(cq, i)
		<< ENA_RX_CDESC_PHASE_SHIFT;
}

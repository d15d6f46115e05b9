/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/*
 * Data path: Tx descriptor building (host ring or LLQ entries through a
 * bounce buffer), Tx completions, Rx buffer posting and Rx packet
 * collection, with validation of what the device returns.
 */
#include "ena_com_internal.h"

#define ENA_HW_DESC_SIZE ((uint16_t)sizeof(struct ena_tx_desc))

/* ---- Tx ------------------------------------------------------------------ */

/*
 * Writer over the slots of one packet. Host placement writes straight
 * into the ring; LLQ fills the bounce entry and copies it whole to device
 * memory when it is full or the packet ends.
 */
struct ena_hw_tx_writer {
	struct ena_hw_io_sq *sq;
	uint16_t slot; /* LLQ: next descriptor slot in the entry */
	uint16_t cap;  /* LLQ: descriptor slots in this entry */
	uint8_t phase; /* phase of the slot last handed out */
};

static inline void
ena_hw_sq_advance(struct ena_hw_io_sq *sq)
{
	sq->tail++;
	if (ena_unlikely((sq->tail & sq->mask) == 0))
		sq->phase ^= 1;
}

static inline void
ena_hw_llq_flush(struct ena_hw_io_sq *sq)
{
	uint16_t esz = sq->llq.entry_size;

	ena_plat_wc_copy(sq->llq_ring + (size_t)(sq->tail & sq->mask) * esz,
		sq->bounce, esz);
	ena_hw_sq_advance(sq);
	sq->llq_entries++;
	if (sq->burst_left > 0)
		sq->burst_left--;
	memset(sq->bounce, 0, esz);
}

/* Slot for the next descriptor; the caller fills all 16 bytes. */
static inline void *
ena_hw_tx_slot(struct ena_hw_tx_writer *w)
{
	struct ena_hw_io_sq *sq = w->sq;
	void *d;

	if (sq->placement != ENA_HW_PLACEMENT_DEV) {
		d = (struct ena_tx_desc *)sq->ring + (sq->tail & sq->mask);
		w->phase = sq->phase;
		ena_hw_sq_advance(sq);
		return d;
	}
	if (w->slot == w->cap) {
		ena_hw_llq_flush(sq);
		w->slot = 0;
		w->cap = sq->llq.descs_per_entry;
	}
	/* The entry goes to the current tail: its phase. */
	w->phase = sq->phase;
	return sq->bounce + (size_t)w->slot++ * ENA_HW_DESC_SIZE;
}

static inline bool
ena_hw_tx_need_meta(struct ena_hw_io_sq *sq, const struct ena_hw_tx_ctx *ctx)
{
	if (sq->no_meta_caching)
		return true;
	if (!ctx->meta_valid)
		return false;
	return !sq->meta_cached || sq->meta_cache.mss != ctx->meta.mss ||
		sq->meta_cache.l3_hdr_len != ctx->meta.l3_hdr_len ||
		sq->meta_cache.l3_hdr_off != ctx->meta.l3_hdr_off ||
		sq->meta_cache.l4_hdr_words != ctx->meta.l4_hdr_words;
}

static inline void
ena_hw_tx_write_meta(
	struct ena_hw_tx_writer *w, const struct ena_hw_tx_meta *meta)
{
	struct ena_tx_meta_desc *m = ena_hw_tx_slot(w);
	struct ena_tx_meta_desc v;

	v.len_ctrl = ENA_TX_META_META_DESC_MASK | ENA_TX_META_EXT_VALID_MASK |
		ENA_TX_META_ETH_META_TYPE_MASK | ENA_TX_META_META_STORE_MASK |
		ENA_TX_META_FIRST_MASK |
		((uint32_t)w->phase << ENA_TX_META_PHASE_SHIFT);
	v.word1 = 0;
	v.word2 = 0;
	v.rsvd = 0;
	ena_tx_meta_mss_set(&v, meta->mss);
	ENA_FIELD_SET(v.word2, ENA_TX_META_L3_HDR_LEN, meta->l3_hdr_len);
	ENA_FIELD_SET(v.word2, ENA_TX_META_L3_HDR_OFF, meta->l3_hdr_off);
	ENA_FIELD_SET(v.word2, ENA_TX_META_L4_HDR_WORDS, meta->l4_hdr_words);
	*m = v;
}

static int
ena_hw_tx_check(struct ena_hw_io_sq *sq, const struct ena_hw_tx_ctx *ctx,
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
		if (ena_unlikely((ctx->bufs[i].iova >> sq->dma_width) != 0)) {
			ena_hw_err(hw,
				"tx queue %u: buffer address 0x%" PRIx64
				" beyond %u DMA bits",
				sq->qid, ctx->bufs[i].iova, sq->dma_width);
			return -EINVAL;
		}
	}
	return 0;
}

int
ena_hw_tx_prepare(struct ena_hw_io_sq *sq, const struct ena_hw_tx_ctx *ctx,
	uint16_t *used)
{
	struct ena_hw_tx_writer w = { .sq = sq };
	const struct ena_hw_buf *b;
	struct ena_tx_desc *d;
	struct ena_tx_desc v;
	uint16_t start = sq->tail, ndata, ndescs, i;
	bool meta;
	int rc;

	meta = ena_hw_tx_need_meta(sq, ctx);
	ndata = ctx->nbufs != 0 ? ctx->nbufs : 1;
	ndescs = (uint16_t)(ndata + (meta ? 1 : 0));
	rc = ena_hw_tx_check(sq, ctx, ndescs);
	if (ena_unlikely(rc != 0))
		return rc;
	if (ena_unlikely(!ena_hw_sq_has_room(sq, ndescs)))
		return -ENOSPC;
	if (sq->placement == ENA_HW_PLACEMENT_DEV) {
		if (sq->llq.max_entries_in_burst != 0 &&
			ena_hw_sq_slots_for(sq, ndescs) > sq->burst_left) {
			ena_hw_dbg(sq->hw,
				"tx queue %u: LLQ burst budget %u entries spent",
				sq->qid, sq->burst_left);
			return -EBUSY;
		}
		w.cap = sq->llq.descs_before_header;
		memcpy(sq->bounce + (size_t)w.cap * ENA_HW_DESC_SIZE,
			ctx->push_hdr, ctx->push_len);
	}

	if (meta) {
		ena_hw_tx_write_meta(&w, &ctx->meta);
		if (ctx->meta_valid) {
			sq->meta_cache = ctx->meta;
			sq->meta_cached = true;
		}
	}

	b = ctx->bufs;
	for (i = 0; i < ndata; i++) {
		d = ena_hw_tx_slot(&w);
		v.len_ctrl = (uint32_t)w.phase << ENA_TX_DESC_PHASE_SHIFT;
		v.meta_ctrl = 0;
		v.addr_lo = 0;
		v.addr_hi_hdr = 0;
		if (i == 0) {
			if (!meta)
				v.len_ctrl |= ENA_TX_DESC_FIRST_MASK;
			v.len_ctrl |= ENA_TX_DESC_COMP_REQ_MASK;
			ena_tx_desc_req_id_set(&v, ctx->req_id);
			ENA_FIELD_SET(v.addr_hi_hdr, ENA_TX_DESC_HDR_LEN,
				ctx->push_len);
			ENA_FIELD_SET(v.meta_ctrl, ENA_TX_DESC_L3_PROTO,
				ctx->l3_proto);
			ENA_FIELD_SET(v.meta_ctrl, ENA_TX_DESC_L4_PROTO,
				ctx->l4_proto);
			if (ctx->flags & ENA_HW_TX_L3_CSUM)
				v.meta_ctrl |= ENA_TX_DESC_L3_CSUM_EN_MASK;
			if (ctx->flags & ENA_HW_TX_L4_CSUM)
				v.meta_ctrl |= ENA_TX_DESC_L4_CSUM_EN_MASK;
			if (ctx->flags & ENA_HW_TX_L4_CSUM_PARTIAL)
				v.meta_ctrl |= ENA_TX_DESC_L4_CSUM_PARTIAL_MASK;
			if (ctx->flags & ENA_HW_TX_TSO)
				v.meta_ctrl |= ENA_TX_DESC_TSO_EN_MASK;
			if (ctx->flags & ENA_HW_TX_DF)
				v.meta_ctrl |= ENA_TX_DESC_DF_MASK;
		}
		if (i == ndata - 1)
			v.len_ctrl |= ENA_TX_DESC_LAST_MASK;
		if (ctx->nbufs != 0) {
			v.len_ctrl |= b[i].len & ENA_TX_DESC_LENGTH_MASK;
			ena_tx_desc_addr_set(&v, b[i].iova);
		}
		*d = v;
	}

	if (sq->placement == ENA_HW_PLACEMENT_DEV) {
		/* Descriptors in the bounce entry before it goes out. */
		ena_plat_wmb();
		ena_hw_llq_flush(sq);
	}
	*used = (uint16_t)(sq->tail - start);
	return 0;
}

int
ena_hw_tx_comp_get(struct ena_hw_io_cq *cq, uint16_t *req_id)
{
	const struct ena_tx_cdesc *c = (const struct ena_tx_cdesc *)cq->ring +
		(cq->head & cq->mask);
	uint16_t id;

	if ((ENA_READ_ONCE8(c->flags) & ENA_TX_CDESC_PHASE_MASK) != cq->phase)
		return -EAGAIN;
	/* The req_id only after the phase said the entry is ours. */
	ena_plat_dma_rmb();
	id = ENA_READ_ONCE16(c->req_id);
	if (ena_unlikely(id >= cq->depth)) {
		ena_hw_err(cq->hw,
			"tx queue %u: completion with invalid req_id %u (depth %u)",
			cq->qid, id, cq->depth);
		*req_id = id; /* for the caller's report */
		return -ERANGE;
	}
	*req_id = id;
	cq->head++;
	if (ena_unlikely((cq->head & cq->mask) == 0))
		cq->phase ^= 1;
	return 0;
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
ena_hw_rx_post(
	struct ena_hw_io_sq *sq, const struct ena_hw_buf *buf, uint16_t req_id)
{
	struct ena_rx_desc *d;
	struct ena_rx_desc v;

	if (ena_unlikely(req_id >= sq->depth)) {
		ena_hw_err(sq->hw, "rx queue %u: req_id %u beyond depth %u",
			sq->qid, req_id, sq->depth);
		return -ERANGE;
	}
	if (ena_unlikely(ena_hw_sq_free(sq) == 0))
		return -ENOSPC;
	d = (struct ena_rx_desc *)sq->ring + (sq->tail & sq->mask);
	memset(&v, 0, sizeof(v));
	v.length = buf->len;
	v.ctrl = ENA_RX_DESC_FIRST_MASK | ENA_RX_DESC_LAST_MASK |
		ENA_RX_DESC_COMP_REQ_MASK |
		(sq->phase & ENA_RX_DESC_PHASE_MASK);
	v.req_id = req_id;
	ena_rx_desc_addr_set(&v, buf->iova);
	*d = v;
	sq->rx_posted_len[req_id] = buf->len;
	ena_hw_sq_advance(sq);
	return 0;
}

static inline const struct ena_rx_cdesc *
ena_hw_rx_cdesc(const struct ena_hw_io_cq *cq, uint16_t i)
{
	return (const struct ena_rx_cdesc *)((const uint8_t *)cq->ring +
		(size_t)((cq->head + i) & cq->mask) * cq->entry_size);
}

int
ena_hw_rx_pkt(struct ena_hw_io_cq *cq, struct ena_hw_io_sq *sq,
	struct ena_hw_rx_ctx *ctx)
{
	const struct ena_rx_cdesc *c = NULL;
	uint16_t limit, n, i, base = cq->head & cq->mask, id, posted;
	uint32_t status = 0, len;
	uint8_t want;

	ctx->nfrags = 0;
	limit = ctx->max_frags;
	if (cq->max_rx_descs != 0 && cq->max_rx_descs < limit)
		limit = cq->max_rx_descs;

	/* Find the last completion of the packet, resuming a partial scan. */
	for (n = cq->rx_pending;; n++) {
		c = ena_hw_rx_cdesc(cq, n);
		want = cq->phase ^ (uint8_t)(base + n >= cq->depth);
		status = ENA_READ_ONCE32(c->status);
		if (((status & ENA_RX_CDESC_PHASE_MASK) >>
			    ENA_RX_CDESC_PHASE_SHIFT) != want) {
			cq->rx_pending = n;
			return 0;
		}
		if (ena_unlikely(n >= limit || n >= cq->depth)) {
			ena_hw_err(cq->hw,
				"rx queue %u: Too many RX cdescs: more than %u for one packet",
				cq->qid, limit);
			return -E2BIG;
		}
		if (status & ENA_RX_CDESC_LAST_MASK)
			break;
	}
	n++;
	ena_plat_dma_rmb();
	status = ENA_READ_ONCE32(c->status);

	for (i = 0; i < n; i++) {
		c = ena_hw_rx_cdesc(cq, i);
		id = c->req_id;
		if (ena_unlikely(id >= sq->depth)) {
			ena_hw_err(cq->hw,
				"rx queue %u: completion with invalid req_id %u (depth %u)",
				cq->qid, id, sq->depth);
			return -ERANGE;
		}
		posted = sq->rx_posted_len[id];
		/* The first fragment starts offset bytes into its buffer. */
		len = (uint32_t)c->length + (i == 0 ? c->offset : 0);
		if (ena_unlikely(posted != 0 && len > posted)) {
			ena_hw_err(cq->hw,
				"rx queue %u: fragment of %u bytes at offset %u in a %u byte buffer (req_id %u)",
				cq->qid, c->length, i == 0 ? c->offset : 0,
				posted, id);
			return -EMSGSIZE;
		}
		ctx->frags[i].req_id = id;
		ctx->frags[i].len = c->length;
	}
	ctx->offset = ena_hw_rx_cdesc(cq, 0)->offset;
	ctx->l3_proto = (uint8_t)ENA_FIELD_GET(status, ENA_RX_CDESC_L3_PROTO);
	ctx->l4_proto = (uint8_t)ENA_FIELD_GET(status, ENA_RX_CDESC_L4_PROTO);
	ctx->l3_csum_err = (status & ENA_RX_CDESC_L3_CSUM_ERR_MASK) != 0;
	ctx->l4_csum_err = (status & ENA_RX_CDESC_L4_CSUM_ERR_MASK) != 0;
	ctx->l4_csum_checked = (status & ENA_RX_CDESC_L4_CSUM_CHECKED_MASK) !=
		0;
	ctx->ipv4_frag = (status & ENA_RX_CDESC_IPV4_FRAG_MASK) != 0;
	ctx->hash = c->hash;
	ctx->nfrags = n;

	if (base + n >= cq->depth)
		cq->phase ^= 1;
	cq->head = (uint16_t)(cq->head + n);
	cq->rx_pending = 0;
	sq->next_to_comp = (uint16_t)(sq->next_to_comp + n);
	return 0;
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

/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef ENA_ETH_COM_H_
#define ENA_ETH_COM_H_

/*
 * ENA base layer, data path: IO submission/completion queue state and the
 * per-packet operations a PMD's Tx/Rx burst functions call, inline so a
 * burst makes no call per packet (the error reports are out of line).
 *
 * Queue indices are free-running uint16_t counters masked by depth - 1
 * (depth is a power of two). One thread per queue; no locking here.
 *
 * Tx, per burst:
 *   for each packet:
 *     if (!ena_hw_sq_has_room(sq, nbufs + 1)) stop;
 *     if (ena_hw_sq_doorbell_needed(sq, &ctx)) ena_hw_sq_doorbell(sq);
 *     ena_hw_tx_prepare(sq, &ctx, &used);   remember used for req_id
 *   ena_hw_sq_doorbell(sq);                 once for the whole burst
 * Tx completion:
 *   while (ena_hw_tx_comp_get(cq, &req_id) == 0) {
 *     free packet req_id; ena_hw_tx_comp_ack(sq, used_of(req_id));
 *   }
 *   ena_hw_cq_head_update(cq);
 * Rx:
 *   ena_hw_rx_post(sq, &buf, req_id) per buffer, ena_hw_sq_doorbell(sq);
 *   ena_hw_rx_pkt(cq, sq, &rctx) per packet until rctx.nfrags == 0.
 *
 * Errors the device can cause (each maps to a reset reason through
 * ena_hw_reset_reason_for()):
 *   -ERANGE  completion carries a req_id outside [0, depth)
 *   -E2BIG   Rx packet spans more descriptors than allowed
 *   -EMSGSIZE Rx fragment longer than the buffer posted for it
 * Caller errors: -ENOSPC (ring full), -EINVAL (bad context, names the value
 * in the log), -EBUSY (LLQ burst budget spent: ring the doorbell first).
 */

#include "ena_com.h"

/* ------------------------------------------------------------------------ */
/* Queue state                                                              */
/* ------------------------------------------------------------------------ */

/* Offload context carried by a Tx meta descriptor. */
struct ena_hw_tx_meta {
	uint16_t mss;
	uint8_t l3_hdr_len;   /* bytes */
	uint8_t l3_hdr_off;   /* bytes from packet start */
	uint8_t l4_hdr_words; /* 4-byte words */
};

/*
 * Both queue structures put what the bursts touch first, the first cache
 * line holding what every packet needs (checked below), then what some
 * packets or every burst need, then setup-time state.
 */
struct ena_hw_io_sq {
	/* every packet */
	void *ring;		    /* host placement: descriptor ring */
	volatile uint8_t *llq_ring; /* device placement: LLQ entries */
	volatile uint32_t *db;	    /* tail doorbell */
	/* Rx: buffer length posted per req_id, to bound completions */
	uint16_t *rx_posted_len;
	uint8_t *bounce; /* LLQ: one entry, built then sent */
	uint16_t depth;
	uint16_t mask;
	uint16_t tail;	       /* descriptors (host) / entries (LLQ) */
	uint16_t next_to_comp; /* acked by the caller */
	uint16_t db_tail;      /* tail at the last doorbell */
	uint16_t burst_left;   /* LLQ: entries until a doorbell is needed */
	uint16_t max_descs_per_pkt;
	uint16_t max_header;
	uint8_t phase;
	uint8_t placement; /* enum ena_hw_placement */
	uint8_t dir;	   /* enum ena_hw_dir */
	uint8_t dma_width;
	bool meta_cached;
	bool no_meta_caching;

	/* LLQ geometry, Tx meta descriptor cache, counters */
	struct ena_hw_llq_info llq;
	struct ena_hw_tx_meta meta_cache;
	uint64_t doorbells;
	uint64_t llq_entries;

	/* setup */
	struct ena_dma_mem ring_mem;
	struct ena_hw *hw;
	uint16_t idx; /* device SQ index */
	uint16_t qid; /* caller's queue id */
	bool created;
};

struct ena_hw_io_cq {
	/* every packet */
	void *ring;
	volatile uint32_t *head_db; /* may be NULL */
	uint16_t depth;
	uint16_t mask;
	uint16_t head;	  /* free-running */
	uint16_t db_head; /* head last reported to the device */
	uint8_t phase;
	uint8_t dir;
	uint16_t entry_size; /* bytes */
	/* Rx packet in progress (completions seen, last not yet) */
	uint16_t rx_pending;
	uint16_t max_rx_descs;

	/* interrupts */
	volatile uint32_t *unmask_reg; /* may be NULL */
	volatile uint32_t *numa_reg;   /* may be NULL */

	/* setup */
	struct ena_dma_mem ring_mem;
	struct ena_hw *hw;
	uint16_t idx; /* device CQ index */
	uint16_t qid;
	int16_t msix_vector;
	bool created;
};

static_assert(
	offsetof(struct ena_hw_io_sq, no_meta_caching) < ENA_PLAT_CACHE_LINE,
	"SQ: per-packet fields beyond the first cache line");
static_assert(
	offsetof(struct ena_hw_io_cq, max_rx_descs) + 2 <= ENA_PLAT_CACHE_LINE,
	"CQ: per-packet fields beyond the first cache line");

/* ------------------------------------------------------------------------ */
/* Tx                                                                       */
/* ------------------------------------------------------------------------ */

struct ena_hw_buf {
	uint64_t iova;
	uint16_t len;
};

/* ena_hw_tx_ctx.flags */
#define ENA_HW_TX_L3_CSUM	  (1U << 0)
#define ENA_HW_TX_L4_CSUM	  (1U << 1)
#define ENA_HW_TX_L4_CSUM_PARTIAL (1U << 2)
#define ENA_HW_TX_TSO		  (1U << 3)
#define ENA_HW_TX_DF		  (1U << 4)

struct ena_hw_tx_ctx {
	const struct ena_hw_buf *bufs; /* data not covered by push_hdr */
	uint16_t nbufs;
	/*
	 * LLQ: the first push_len bytes of the packet, copied into the
	 * device entry (required, <= max header). Host placement: NULL/0.
	 */
	const void *push_hdr;
	uint16_t push_len;
	uint16_t req_id;
	uint8_t l3_proto; /* ENA_L3_PROTO_* */
	uint8_t l4_proto; /* ENA_L4_PROTO_* */
	uint8_t flags;	  /* ENA_HW_TX_* */
	bool meta_valid;  /* meta below describes this packet */
	struct ena_hw_tx_meta meta;
};

/* Slots the caller may still fill. */
static inline uint16_t
ena_hw_sq_free(const struct ena_hw_io_sq *sq)
{
	return (uint16_t)(sq->depth - 1 -
		(uint16_t)(sq->tail - sq->next_to_comp));
}

/* Slots a packet of ndescs descriptors (incl. a meta) needs at most. */
static inline uint16_t
ena_hw_sq_slots_for(const struct ena_hw_io_sq *sq, uint16_t ndescs)
{
	uint16_t before, per;

	if (ena_likely(sq->placement != ENA_HW_PLACEMENT_DEV))
		return ndescs;
	before = sq->llq.descs_before_header;
	per = sq->llq.descs_per_entry;
	if (ndescs <= before)
		return 1;
	return (uint16_t)(1 + (ndescs - before + per - 1) / per);
}

static inline bool
ena_hw_sq_has_room(const struct ena_hw_io_sq *sq, uint16_t ndescs)
{
	return ena_hw_sq_free(sq) >= ena_hw_sq_slots_for(sq, ndescs);
}

/*
 * LLQ burst limit: true when the next packet would exceed the entries the
 * device accepts between doorbells, so the caller rings first.
 */
static inline bool
ena_hw_sq_doorbell_needed(
	const struct ena_hw_io_sq *sq, const struct ena_hw_tx_ctx *ctx)
{
	if (ena_likely(sq->placement != ENA_HW_PLACEMENT_DEV ||
		    sq->llq.max_entries_in_burst == 0))
		return false;
	return ena_hw_sq_slots_for(sq, (uint16_t)(ctx->nbufs + 1)) >
		sq->burst_left;
}

/* Publish the tail to the device (after draining WC buffers for LLQ). */
static inline void
ena_hw_sq_doorbell(struct ena_hw_io_sq *sq)
{
	if (sq->db_tail == sq->tail)
		return;
	if (sq->placement == ENA_HW_PLACEMENT_DEV)
		ena_plat_wc_flush();
	ena_plat_reg_write32(sq->tail, sq->db);
	sq->db_tail = sq->tail;
	sq->burst_left = sq->llq.max_entries_in_burst;
	sq->doorbells++;
}

/*
 * Out of line: what the inline data path calls only when something is
 * wrong, to log it and hand back the errno (see the top of this file).
 */
int ena_hw_tx_refuse(const struct ena_hw_io_sq *sq,
	const struct ena_hw_tx_ctx *ctx, uint16_t ndescs) ena_cold;
int ena_hw_tx_busy(const struct ena_hw_io_sq *sq) ena_cold;
int ena_hw_tx_comp_bad(const struct ena_hw_io_cq *cq, uint16_t req_id) ena_cold;

#define ENA_HW_DESC_SIZE ((uint16_t)sizeof(struct ena_tx_desc))
/*
 * LLQ entries go to device memory in blocks of this many bytes (entries
 * are 128, 192 or 256 bytes: whole blocks).
 */
#define ENA_HW_LLQ_BLOCK 32

/*
 * Writer over the slots of one packet. Host placement writes straight
 * into the ring. LLQ builds each entry in the bounce buffer and sends the
 * part it used to device memory in whole 32-byte blocks, in address
 * order, the rest of the entry as zero blocks: the write-combining buffers
 * fill line by line and go out whole, and the bounce needs no clearing.
 */
struct ena_hw_tx_writer {
	struct ena_hw_io_sq *sq;
	uint16_t slot;	  /* LLQ: next descriptor slot in the entry */
	uint16_t cap;	  /* LLQ: descriptor slots in this entry */
	uint16_t hdr_end; /* LLQ: end of the header in the first entry */
	bool hdr;	  /* LLQ: the entry being built is the first */
	bool wide;	  /* LLQ: 32-byte stores (code built for AVX2) */
	uint8_t phase;	  /* phase of the slot last handed out */
};

static inline void
ena_hw_sq_advance(struct ena_hw_io_sq *sq)
{
	sq->tail++;
	if (ena_unlikely((sq->tail & sq->mask) == 0))
		sq->phase ^= 1;
}

/* LLQ: an entry went out, however it was written. */
static ena_always_inline void
ena_hw_llq_entry_sent(struct ena_hw_io_sq *sq)
{
	ena_hw_sq_advance(sq);
	sq->llq_entries++;
	if (sq->burst_left > 0)
		sq->burst_left--;
}

/*
 * Sends the first used bytes of the bounce entry (rounded up to a block,
 * the caller zeroed the rounding) and zeroes the rest of the entry.
 */
static ena_always_inline void
ena_hw_llq_flush(struct ena_hw_io_sq *sq, uint16_t used, bool wide)
{
	uint16_t esz = sq->llq.entry_size;
	uint16_t len = (uint16_t)((used + ENA_HW_LLQ_BLOCK - 1) &
		~(ENA_HW_LLQ_BLOCK - 1));
	volatile uint8_t *dst = sq->llq_ring +
		(size_t)(sq->tail & sq->mask) * esz;

	ena_plat_wc_copy(dst, sq->bounce, len, wide);
	if (len < esz)
		ena_plat_wc_zero(dst + len, (size_t)(esz - len), wide);
	ena_hw_llq_entry_sent(sq);
}

/*
 * The pushed header into the first entry at off, without a libc call and
 * without reading past len: 16-byte moves, the last one overlapping the
 * one before it. The block the header ends in is zeroed first, as
 * ena_hw_llq_flush() sends whole blocks.
 */
static inline void
ena_hw_llq_put_header(
	uint8_t *bounce, uint16_t off, const uint8_t *src, uint16_t len)
{
	uint8_t *dst = bounce + off;
	uint16_t end = (uint16_t)(off + len), i;

	if (end & (ENA_HW_LLQ_BLOCK - 1))
		memset(bounce + (end & ~(ENA_HW_LLQ_BLOCK - 1)), 0,
			ENA_HW_LLQ_BLOCK);
	if (ena_unlikely(len < 16)) {
		for (i = 0; i < len; i++)
			dst[i] = src[i];
		return;
	}
	for (i = 0; i + 32 <= len; i += 32) {
		memcpy(dst + i, src + i, 16);
		memcpy(dst + i + 16, src + i + 16, 16);
	}
	if (i + 16 <= len) {
		memcpy(dst + i, src + i, 16);
		i += 16;
	}
	if (i < len)
		memcpy(dst + len - 16, src + len - 16, 16);
}

/* LLQ: the entry being built is done; out it goes. */
static ena_always_inline void
ena_hw_llq_close(struct ena_hw_tx_writer *w)
{
	struct ena_hw_io_sq *sq = w->sq;
	uint16_t used = (uint16_t)(w->slot * ENA_HW_DESC_SIZE), i;

	if (w->hdr) {
		/* Descriptor slots before the header the packet left free. */
		for (i = w->slot; i < w->cap; i++)
			memset(sq->bounce + (size_t)i * ENA_HW_DESC_SIZE, 0,
				ENA_HW_DESC_SIZE);
		used = w->hdr_end;
	} else if (used & (ENA_HW_LLQ_BLOCK - 1)) {
		/* Descriptors end mid-block: the rest of the block is zero. */
		memset(sq->bounce + used, 0, ENA_HW_DESC_SIZE);
	}
	ena_hw_llq_flush(sq, used, w->wide);
	w->hdr = false;
}

/* Slot for the next descriptor; the caller fills all 16 bytes. */
static ena_always_inline void *
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
		ena_hw_llq_close(w);
		w->slot = 0;
		w->cap = sq->llq.descs_per_entry;
	}
	/* The entry goes to the current tail: its phase. */
	w->phase = sq->phase;
	return sq->bounce + (size_t)w->slot++ * ENA_HW_DESC_SIZE;
}

static inline bool
ena_hw_tx_need_meta(
	const struct ena_hw_io_sq *sq, const struct ena_hw_tx_ctx *ctx)
{
	if (sq->no_meta_caching)
		return true;
	if (ena_likely(!ctx->meta_valid))
		return false;
	return !sq->meta_cached || sq->meta_cache.mss != ctx->meta.mss ||
		sq->meta_cache.l3_hdr_len != ctx->meta.l3_hdr_len ||
		sq->meta_cache.l3_hdr_off != ctx->meta.l3_hdr_off ||
		sq->meta_cache.l4_hdr_words != ctx->meta.l4_hdr_words;
}

/* A packet's meta descriptor before any offload field is set. */
static ena_always_inline void
ena_hw_tx_meta_init(struct ena_tx_meta_desc *v, uint8_t phase)
{
	v->len_ctrl = ENA_TX_META_META_DESC_MASK | ENA_TX_META_EXT_VALID_MASK |
		ENA_TX_META_ETH_META_TYPE_MASK | ENA_TX_META_META_STORE_MASK |
		ENA_TX_META_FIRST_MASK |
		((uint32_t)phase << ENA_TX_META_PHASE_SHIFT);
	v->word1 = 0;
	v->word2 = 0;
	v->rsvd = 0;
}

static ena_always_inline void
ena_hw_tx_write_meta(
	struct ena_hw_tx_writer *w, const struct ena_hw_tx_meta *meta)
{
	struct ena_tx_meta_desc *m = ena_hw_tx_slot(w);
	struct ena_tx_meta_desc v;

	ena_hw_tx_meta_init(&v, w->phase);
	ena_tx_meta_mss_set(&v, meta->mss);
	ENA_FIELD_SET(v.word2, ENA_TX_META_L3_HDR_LEN, meta->l3_hdr_len);
	ENA_FIELD_SET(v.word2, ENA_TX_META_L3_HDR_OFF, meta->l3_hdr_off);
	ENA_FIELD_SET(v.word2, ENA_TX_META_L4_HDR_WORDS, meta->l4_hdr_words);
	*m = v;
}

/*
 * The checks of ena_hw_tx_refuse() without the reporting, branch-light:
 * true when the packet may be written.
 */
static inline bool
ena_hw_tx_ctx_ok(const struct ena_hw_io_sq *sq, const struct ena_hw_tx_ctx *ctx,
	uint16_t ndescs)
{
	uint64_t high = 0;
	uint16_t i;

	if (ena_unlikely(sq->dir != ENA_HW_DIR_TX ||
		    (ctx->nbufs == 0 && ctx->push_len == 0) ||
		    (sq->max_descs_per_pkt != 0 &&
			    ndescs > sq->max_descs_per_pkt) ||
		    (sq->max_header != 0 && ctx->push_len > sq->max_header)))
		return false;
	if (sq->placement == ENA_HW_PLACEMENT_DEV &&
		ena_unlikely(ctx->push_hdr == NULL ||
			(uint32_t)sq->llq.descs_before_header *
						ENA_HW_DESC_SIZE +
					ctx->push_len >
				sq->llq.entry_size))
		return false;
	for (i = 0; i < ctx->nbufs; i++)
		high |= ctx->bufs[i].iova;
	return (high >> sq->dma_width) == 0;
}

/*
 * Write the descriptors of one packet (meta descriptor only when the
 * offload context changed or caching is off). *used receives the ring
 * slots consumed (descriptors, or LLQ entries), to pass to
 * ena_hw_tx_comp_ack() when the packet completes. wide: LLQ entries go
 * out in 32-byte stores, for a caller built for AVX2 (a constant, so the
 * other branch compiles away).
 */
static ena_always_inline int
ena_hw_tx_prepare_w(struct ena_hw_io_sq *sq, const struct ena_hw_tx_ctx *ctx,
	uint16_t *used, bool wide)
{
	struct ena_hw_tx_writer w = { .sq = sq, .wide = wide };
	const struct ena_hw_buf *b;
	struct ena_tx_desc *d;
	struct ena_tx_desc v;
	uint16_t start = sq->tail, ndata, ndescs, i;
	uint32_t first_len_ctrl, first_meta_ctrl;
	bool meta;

	*used = 0; /* defined on every error return too */
	meta = ena_hw_tx_need_meta(sq, ctx);
	ndata = ctx->nbufs != 0 ? ctx->nbufs : 1;
	ndescs = (uint16_t)(ndata + (meta ? 1 : 0));
	if (ena_unlikely(!ena_hw_tx_ctx_ok(sq, ctx, ndescs)))
		return ena_hw_tx_refuse(sq, ctx, ndescs);
	if (ena_unlikely(!ena_hw_sq_has_room(sq, ndescs)))
		return -ENOSPC;
	if (sq->placement == ENA_HW_PLACEMENT_DEV) {
		if (sq->llq.max_entries_in_burst != 0 &&
			ena_unlikely(ena_hw_sq_slots_for(sq, ndescs) >
				sq->burst_left))
			return ena_hw_tx_busy(sq);
		w.cap = sq->llq.descs_before_header;
		w.hdr = true;
		w.hdr_end = (uint16_t)(w.cap * ENA_HW_DESC_SIZE +
			ctx->push_len);
		ena_hw_llq_put_header(sq->bounce,
			(uint16_t)(w.cap * ENA_HW_DESC_SIZE),
			(const uint8_t *)ctx->push_hdr, ctx->push_len);
	}

	if (ena_unlikely(meta)) {
		ena_hw_tx_write_meta(&w, &ctx->meta);
		if (ctx->meta_valid) {
			sq->meta_cache = ctx->meta;
			sq->meta_cached = true;
		}
	}

	/* What only the first descriptor carries, built once. */
	first_len_ctrl = ENA_TX_DESC_COMP_REQ_MASK |
		(meta ? 0 : ENA_TX_DESC_FIRST_MASK);
	first_meta_ctrl = 0;
	ENA_FIELD_SET(first_meta_ctrl, ENA_TX_DESC_L3_PROTO, ctx->l3_proto);
	ENA_FIELD_SET(first_meta_ctrl, ENA_TX_DESC_L4_PROTO, ctx->l4_proto);
	if (ena_unlikely(ctx->flags != 0)) {
		if (ctx->flags & ENA_HW_TX_L3_CSUM)
			first_meta_ctrl |= ENA_TX_DESC_L3_CSUM_EN_MASK;
		if (ctx->flags & ENA_HW_TX_L4_CSUM)
			first_meta_ctrl |= ENA_TX_DESC_L4_CSUM_EN_MASK;
		if (ctx->flags & ENA_HW_TX_L4_CSUM_PARTIAL)
			first_meta_ctrl |= ENA_TX_DESC_L4_CSUM_PARTIAL_MASK;
		if (ctx->flags & ENA_HW_TX_TSO)
			first_meta_ctrl |= ENA_TX_DESC_TSO_EN_MASK;
		if (ctx->flags & ENA_HW_TX_DF)
			first_meta_ctrl |= ENA_TX_DESC_DF_MASK;
	}

	b = ctx->bufs;
	for (i = 0; i < ndata; i++) {
		d = ena_hw_tx_slot(&w);
		v.len_ctrl = (uint32_t)w.phase << ENA_TX_DESC_PHASE_SHIFT;
		v.meta_ctrl = 0;
		v.addr_lo = 0;
		v.addr_hi_hdr = 0;
		if (i == 0) {
			v.len_ctrl |= first_len_ctrl;
			v.meta_ctrl = first_meta_ctrl;
			ena_tx_desc_req_id_set(&v, ctx->req_id);
			ENA_FIELD_SET(v.addr_hi_hdr, ENA_TX_DESC_HDR_LEN,
				ctx->push_len);
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
		ena_hw_llq_close(&w);
	}
	*used = (uint16_t)(sq->tail - start);
	return 0;
}

/* ena_hw_tx_prepare_w() with the stores of the x86-64 baseline. */
static ena_always_inline int
ena_hw_tx_prepare(struct ena_hw_io_sq *sq, const struct ena_hw_tx_ctx *ctx,
	uint16_t *used)
{
	return ena_hw_tx_prepare_w(sq, ctx, used, false);
}

/* A descriptor's second 64-bit word: address bits 47:0, then 16 zero bits
 * (Tx: those hold the pushed header's length, zero on this path). */
#define ENA_HW_DESC_ADDR_MASK (((uint64_t)1 << ENA_DMA_ADDR_MAX_BITS) - 1)

/*
 * Descriptors of packets of one buffer without offload request written
 * through a cursor the caller keeps in its locals, so that a run of such
 * packets keeps the ring state in registers: ena_hw_tx_put_begin() on a
 * queue for which ena_hw_sq_tx_one_ready() holds, ena_hw_tx_put() per
 * packet while the caller's count of free slots lasts, ena_hw_tx_put_end()
 * before anything else uses the queue.
 */
struct ena_hw_tx_cursor {
	uint8_t *slot; /* the tail's descriptor */
	uint8_t *ring;
	uint8_t *end; /* past the last descriptor */
	uint64_t w0;  /* flags of the first word, with the tail's phase */
	uint16_t tail;
	uint8_t dma_width;
};

/* Where ena_tx_desc's words sit in its two little-endian 64-bit words. */
static_assert(offsetof(struct ena_tx_desc, len_ctrl) == 0 &&
		offsetof(struct ena_tx_desc, meta_ctrl) == 4 &&
		offsetof(struct ena_tx_desc, addr_lo) == 8 &&
		offsetof(struct ena_tx_desc, addr_hi_hdr) == 12 &&
		ENA_TX_DESC_ADDR_HI_SHIFT == 0 &&
		ENA_TX_DESC_ADDR_HI_MASK == 0xffff,
	"Tx descriptor layout moved");

static ena_always_inline void
ena_hw_tx_put_begin(const struct ena_hw_io_sq *sq, struct ena_hw_tx_cursor *c)
{
	c->ring = (uint8_t *)sq->ring;
	c->slot = c->ring + (size_t)(sq->tail & sq->mask) * ENA_HW_DESC_SIZE;
	c->end = c->ring + (size_t)sq->depth * ENA_HW_DESC_SIZE;
	c->w0 = ENA_TX_DESC_FIRST_MASK | ENA_TX_DESC_LAST_MASK |
		ENA_TX_DESC_COMP_REQ_MASK |
		((uint32_t)(sq->phase & 1) << ENA_TX_DESC_PHASE_SHIFT);
	c->tail = sq->tail;
	c->dma_width = sq->dma_width;
}

/*
 * The one descriptor of a packet of one buffer, no offload request, as two
 * 64-bit words built in registers: length, flags and the req_id's high
 * bits, then its low bits in the second 32-bit word; the address in the
 * second 64-bit word, no header length.
 */
static ena_always_inline void
ena_hw_tx_cursor_write(struct ena_hw_tx_cursor *c, uint64_t iova, uint16_t len,
	uint16_t req_id)
{
	const uint64_t w0 = ena_plat_cpu_to_le64(c->w0 | len |
		((uint64_t)(req_id >> ENA_TX_REQ_ID_LO_BITS)
			<< ENA_TX_DESC_REQ_ID_HI_SHIFT) |
		((uint64_t)req_id << (32 + ENA_TX_DESC_REQ_ID_LO_SHIFT) &
			(uint64_t)ENA_TX_DESC_REQ_ID_LO_MASK << 32));
	const uint64_t w1 = ena_plat_cpu_to_le64(iova & ENA_HW_DESC_ADDR_MASK);

	ena_plat_store_words(c->slot, w0, w1);
	c->tail++;
	c->slot += ENA_HW_DESC_SIZE;
	if (ena_unlikely(c->slot == c->end)) {
		c->slot = c->ring;
		c->w0 ^= ENA_TX_DESC_PHASE_MASK;
	}
}

/*
 * false, and nothing written, when the device cannot reach iova (the
 * general path refuses such a packet with its error); len is not 0.
 */
static ena_always_inline bool
ena_hw_tx_put(struct ena_hw_tx_cursor *c, uint64_t iova, uint16_t len,
	uint16_t req_id)
{
	if (ena_unlikely((iova >> c->dma_width) != 0))
		return false;
	ena_hw_tx_cursor_write(c, iova, len, req_id);
	return true;
}

static ena_always_inline void
ena_hw_tx_put_end(struct ena_hw_io_sq *sq, const struct ena_hw_tx_cursor *c)
{
	sq->tail = c->tail;
	sq->phase = (uint8_t)((c->w0 & ENA_TX_DESC_PHASE_MASK) >>
		ENA_TX_DESC_PHASE_SHIFT);
}

/* One descriptor written through a cursor of one step. */
static ena_always_inline void
ena_hw_tx_write_one(
	struct ena_hw_io_sq *sq, uint64_t iova, uint16_t len, uint16_t req_id)
{
	struct ena_hw_tx_cursor c;

	ena_hw_tx_put_begin(sq, &c);
	ena_hw_tx_cursor_write(&c, iova, len, req_id);
	ena_hw_tx_put_end(sq, &c);
}

/*
 * The common packet: one buffer, no offload request, host placement. The
 * same descriptor ena_hw_tx_prepare() writes for such a context, without
 * building the context; anything else (LLQ, meta descriptors on every
 * packet, a buffer the checks refuse, a full ring) takes that path.
 */
static ena_always_inline int
ena_hw_tx_prepare_one(struct ena_hw_io_sq *sq, uint64_t iova, uint16_t len,
	uint16_t req_id, uint16_t *used)
{
	if (ena_unlikely(sq->placement == ENA_HW_PLACEMENT_DEV ||
		    sq->no_meta_caching || sq->dir != ENA_HW_DIR_TX ||
		    len == 0 || (iova >> sq->dma_width) != 0 ||
		    ena_hw_sq_free(sq) == 0)) {
		const struct ena_hw_buf b = { .iova = iova, .len = len };
		const struct ena_hw_tx_ctx ctx = {
			.bufs = &b,
			.nbufs = 1,
			.req_id = req_id,
		};

		return ena_hw_tx_prepare(sq, &ctx, used);
	}
	ena_hw_tx_write_one(sq, iova, len, req_id);
	*used = 1;
	return 0;
}

/*
 * Whether ena_hw_tx_put_one() may be used on this queue: host placement,
 * descriptors cached by the device, a Tx queue. Constant while the queue
 * runs: a burst asks once.
 */
static inline bool
ena_hw_sq_tx_one_ready(const struct ena_hw_io_sq *sq)
{
	return sq->placement != ENA_HW_PLACEMENT_DEV && !sq->no_meta_caching &&
		sq->dir == ENA_HW_DIR_TX;
}

/*
 * ena_hw_tx_prepare_one() for a caller that has seen, once per burst,
 * ena_hw_sq_tx_one_ready(), and that checked room for the descriptor and
 * a non-zero len itself: only the address is checked here (one the
 * device cannot reach takes ena_hw_tx_prepare_one(), which refuses it).
 * Returns the descriptors written (1), or a negative errno.
 */
static ena_always_inline int
ena_hw_tx_put_one(
	struct ena_hw_io_sq *sq, uint64_t iova, uint16_t len, uint16_t req_id)
{
	uint16_t used;
	int rc;

	if (ena_unlikely((iova >> sq->dma_width) != 0)) {
		rc = ena_hw_tx_prepare_one(sq, iova, len, req_id, &used);
		return rc != 0 ? rc : used;
	}
	ena_hw_tx_write_one(sq, iova, len, req_id);
	return 1;
}

/* LLQ: no entry left before the next doorbell. */
static inline bool
ena_hw_sq_llq_budget_spent(const struct ena_hw_io_sq *sq)
{
	return sq->llq.max_entries_in_burst != 0 && sq->burst_left == 0;
}

/* The context of a header pushed ahead of one buffer (none when empty). */
static inline void
ena_hw_tx_ctx_pushed(struct ena_hw_tx_ctx *ctx, const struct ena_hw_buf *b,
	const void *hdr, uint16_t hdr_len, uint16_t req_id)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->bufs = b->len != 0 ? b : NULL;
	ctx->nbufs = b->len != 0 ? 1 : 0;
	ctx->push_hdr = hdr;
	ctx->push_len = hdr_len;
	ctx->req_id = req_id;
}

/*
 * Whether ena_hw_tx_put_one_llq() may be used on this queue for headers of
 * up to max_hdr bytes: a Tx queue in device memory whose entries hold the
 * descriptors and such a header. Constant while the queue runs: a burst
 * asks once.
 */
static inline bool
ena_hw_sq_llq_one_ready(const struct ena_hw_io_sq *sq, uint16_t max_hdr)
{
	uint16_t before = sq->llq.descs_before_header;

	return sq->placement == ENA_HW_PLACEMENT_DEV &&
		sq->dir == ENA_HW_DIR_TX &&
		before >= (sq->no_meta_caching ? 2 : 1) &&
		(sq->max_header == 0 || max_hdr <= sq->max_header) &&
		(uint32_t)before * ENA_HW_DESC_SIZE + max_hdr <=
		sq->llq.entry_size;
}

/*
 * The last len (< 32) bytes of a header into a block, zero after them,
 * reading no byte past len: overlapping moves, no libc call.
 */
static ena_always_inline void
ena_hw_llq_tail_block(uint8_t *blk, const uint8_t *src, uint16_t len)
{
	uint16_t i;

	memset(blk, 0, ENA_HW_LLQ_BLOCK);
	if (len >= 16) {
		memcpy(blk, src, 16);
		memcpy(blk + len - 16, src + len - 16, 16);
	} else if (len >= 8) {
		memcpy(blk, src, 8);
		memcpy(blk + len - 8, src + len - 8, 8);
	} else {
		for (i = 0; i < len; i++)
			blk[i] = src[i];
	}
}

/*
 * The entry of a one-buffer LLQ packet when two descriptor slots precede
 * the header (the layout devices offer by default), written straight into
 * device memory in address order: the two slots from registers in one
 * block, the header's whole blocks from the packet, its last part and the
 * rest of the entry zero padded. The same bytes as the bounce buffer path
 * sends, one copy fewer.
 */
static ena_always_inline void
ena_hw_llq_put_direct(struct ena_hw_io_sq *sq, const struct ena_tx_desc *slots,
	const uint8_t *hdr, uint16_t hdr_len, bool wide)
{
	const uint16_t esz = sq->llq.entry_size;
	const uint16_t full = (uint16_t)(hdr_len & ~(ENA_HW_LLQ_BLOCK - 1));
	volatile uint8_t *entry = sq->llq_ring +
		(size_t)(sq->tail & sq->mask) * esz;
	struct ena_tx_desc tail[2]; /* one block, aligned as descriptors */
	uint16_t pos, used;

	ena_plat_wc_copy(entry, slots, ENA_HW_LLQ_BLOCK, wide);
	for (pos = 0; pos < full; pos += ENA_HW_LLQ_BLOCK)
		ena_plat_wc_copy(entry + ENA_HW_LLQ_BLOCK + pos, hdr + pos,
			ENA_HW_LLQ_BLOCK, wide);
	used = (uint16_t)(ENA_HW_LLQ_BLOCK + full);
	if (hdr_len != full) {
		ena_hw_llq_tail_block((uint8_t *)tail, hdr + full,
			(uint16_t)(hdr_len - full));
		ena_plat_wc_copy(entry + used, tail, ENA_HW_LLQ_BLOCK, wide);
		used = (uint16_t)(used + ENA_HW_LLQ_BLOCK);
	}
	if (used < esz)
		ena_plat_wc_zero(entry + used, (size_t)(esz - used), wide);
	ena_hw_llq_entry_sent(sq);
}

/*
 * ena_hw_tx_prepare_one_llq() for a caller that has seen, once per burst,
 * ena_hw_sq_llq_one_ready() for a max_hdr >= hdr_len, and that checked
 * room, the burst budget, hdr != NULL and hdr_len + len != 0 itself: only
 * the address is checked here (one the device cannot reach is refused as
 * the general path refuses it). Returns the descriptors used (1), or a
 * negative errno.
 */
static ena_always_inline int
ena_hw_tx_put_one_llq(struct ena_hw_io_sq *sq, const void *hdr,
	uint16_t hdr_len, uint64_t iova, uint16_t len, uint16_t req_id,
	bool wide)
{
	uint16_t before = sq->llq.descs_before_header, i;
	uint16_t off = (uint16_t)(before * ENA_HW_DESC_SIZE);
	/* A device without meta caching wants a meta descriptor first. */
	uint16_t ndescs = sq->no_meta_caching ? 2 : 1;
	struct ena_tx_meta_desc m;
	struct ena_tx_desc v;

	if (ena_unlikely((iova >> sq->dma_width) != 0)) {
		const struct ena_hw_buf b = { .iova = iova, .len = len };
		struct ena_hw_tx_ctx ctx;

		/* What the general path says of such a context. */
		ena_hw_tx_ctx_pushed(&ctx, &b, hdr, hdr_len, req_id);
		return ena_hw_tx_refuse(sq, &ctx, ndescs);
	}
	/* What ena_hw_tx_write_meta() writes for no offload. */
	ena_hw_tx_meta_init(&m, sq->phase);
	v.len_ctrl = ((uint32_t)sq->phase << ENA_TX_DESC_PHASE_SHIFT) |
		(ndescs == 1 ? ENA_TX_DESC_FIRST_MASK : 0) |
		ENA_TX_DESC_LAST_MASK | ENA_TX_DESC_COMP_REQ_MASK |
		(len & ENA_TX_DESC_LENGTH_MASK);
	v.meta_ctrl = 0;
	v.addr_lo = 0;
	v.addr_hi_hdr = 0;
	ena_tx_desc_req_id_set(&v, req_id);
	if (len != 0)
		ena_tx_desc_addr_set(&v, iova);
	ENA_FIELD_SET(v.addr_hi_hdr, ENA_TX_DESC_HDR_LEN, hdr_len);
	if (ena_likely(before == 2)) {
		struct ena_tx_desc slots[2];

		if (ndescs == 2) {
			memcpy(&slots[0], &m, sizeof(m));
			slots[1] = v;
		} else {
			slots[0] = v;
			memset(&slots[1], 0, sizeof(slots[1]));
		}
		ena_hw_llq_put_direct(
			sq, slots, (const uint8_t *)hdr, hdr_len, wide);
		return 1;
	}
	ena_hw_llq_put_header(sq->bounce, off, (const uint8_t *)hdr, hdr_len);
	if (ndescs == 2)
		memcpy(sq->bounce, &m, sizeof(m));
	memcpy(sq->bounce + (size_t)(ndescs - 1) * ENA_HW_DESC_SIZE, &v,
		sizeof(v));
	/* Descriptor slots before the header the packet leaves free. */
	for (i = ndescs; i < before; i++)
		memset(sq->bounce + (size_t)i * ENA_HW_DESC_SIZE, 0,
			ENA_HW_DESC_SIZE);
	ena_hw_llq_flush(sq, (uint16_t)(off + hdr_len), wide);
	return 1;
}

/*
 * The common LLQ packet: no offload request, its first hdr_len bytes
 * pushed, the rest (len bytes at iova, none when len is 0) in one buffer,
 * its descriptors (a meta one first when the device does not cache them)
 * all before the header.
 * The entry ena_hw_tx_prepare_w() builds for such a context, built
 * directly; anything else takes that path (which also returns -EBUSY when
 * the LLQ burst budget is spent).
 */
static ena_always_inline int
ena_hw_tx_prepare_one_llq(struct ena_hw_io_sq *sq, const void *hdr,
	uint16_t hdr_len, uint64_t iova, uint16_t len, uint16_t req_id,
	uint16_t *used, bool wide)
{
	uint16_t before = sq->llq.descs_before_header;
	uint16_t off = (uint16_t)(before * ENA_HW_DESC_SIZE);
	uint16_t ndescs = sq->no_meta_caching ? 2 : 1;
	int rc;

	if (ena_unlikely(sq->placement != ENA_HW_PLACEMENT_DEV ||
		    sq->dir != ENA_HW_DIR_TX || hdr == NULL ||
		    before < ndescs || (hdr_len == 0 && len == 0) ||
		    (sq->max_header != 0 && hdr_len > sq->max_header) ||
		    (uint32_t)off + hdr_len > sq->llq.entry_size ||
		    (iova >> sq->dma_width) != 0 || ena_hw_sq_free(sq) == 0 ||
		    ena_hw_sq_llq_budget_spent(sq))) {
		const struct ena_hw_buf b = { .iova = iova, .len = len };
		struct ena_hw_tx_ctx ctx;

		ena_hw_tx_ctx_pushed(&ctx, &b, hdr, hdr_len, req_id);
		return ena_hw_tx_prepare_w(sq, &ctx, used, wide);
	}
	rc = ena_hw_tx_put_one_llq(sq, hdr, hdr_len, iova, len, req_id, wide);
	if (rc < 0)
		return rc;
	*used = (uint16_t)rc;
	return 0;
}

/*
 * Tx completions read through a cursor the caller keeps in its locals
 * (begin, next until -EAGAIN, end), so that the completion loop keeps the
 * ring state in registers. ena_hw_tx_comp_next() returns 0 and *req_id,
 * -EAGAIN when none is ready, -ERANGE when the device returned a req_id >=
 * depth (in *req_id; the entry is not consumed).
 */
struct ena_hw_tx_comp_cursor {
	const struct ena_tx_cdesc *entry; /* at the head */
	const struct ena_tx_cdesc *ring;
	const struct ena_tx_cdesc *end; /* past the last entry */
	const struct ena_hw_io_cq *cq;	/* to report a bad req_id */
	uint16_t head;
	uint16_t depth;
	uint8_t phase;
};

static ena_always_inline void
ena_hw_tx_comp_begin(
	const struct ena_hw_io_cq *cq, struct ena_hw_tx_comp_cursor *c)
{
	c->ring = (const struct ena_tx_cdesc *)cq->ring;
	c->entry = c->ring + (cq->head & cq->mask);
	c->end = c->ring + cq->depth;
	c->cq = cq;
	c->head = cq->head;
	c->depth = cq->depth;
	c->phase = cq->phase;
}

static ena_always_inline int
ena_hw_tx_comp_next(struct ena_hw_tx_comp_cursor *c, uint16_t *req_id)
{
	const struct ena_tx_cdesc *e = c->entry;
	uint16_t id;

	if ((ENA_READ_ONCE8(e->flags) & ENA_TX_CDESC_PHASE_MASK) != c->phase)
		return -EAGAIN;
	/* The req_id only after the phase said the entry is ours. */
	ena_plat_dma_rmb();
	id = ENA_READ_ONCE16(e->req_id);
	*req_id = id; /* also for the caller's report */
	if (ena_unlikely(id >= c->depth))
		return ena_hw_tx_comp_bad(c->cq, id);
	c->head++;
	c->entry = e + 1;
	if (ena_unlikely(c->entry == c->end)) {
		c->entry = c->ring;
		c->phase ^= 1;
	}
	return 0;
}

static ena_always_inline void
ena_hw_tx_comp_end(
	struct ena_hw_io_cq *cq, const struct ena_hw_tx_comp_cursor *c)
{
	cq->head = c->head;
	cq->phase = c->phase;
}

/* One Tx completion, as ena_hw_tx_comp_next() (cursor of one step). */
static inline int
ena_hw_tx_comp_get(struct ena_hw_io_cq *cq, uint16_t *req_id)
{
	struct ena_hw_tx_comp_cursor c;
	int rc;

	ena_hw_tx_comp_begin(cq, &c);
	rc = ena_hw_tx_comp_next(&c, req_id);
	ena_hw_tx_comp_end(cq, &c);
	return rc;
}

/* Return slots of a completed packet (value from ena_hw_tx_prepare). */
static inline void
ena_hw_tx_comp_ack(struct ena_hw_io_sq *sq, uint16_t used)
{
	sq->next_to_comp = (uint16_t)(sq->next_to_comp + used);
}

/* Report consumed completions to the device, when it asked for that. */
static inline void
ena_hw_cq_head_update(struct ena_hw_io_cq *cq)
{
	if (cq->head_db == NULL || cq->db_head == cq->head)
		return;
	ena_plat_reg_write32(cq->head & cq->mask, cq->head_db);
	cq->db_head = cq->head;
}

/* Re-arm the queue interrupt with moderation delays (device units). */
void
ena_hw_cq_unmask(struct ena_hw_io_cq *cq, uint32_t rx_delay, uint32_t tx_delay);

/*
 * Re-arm with the moderation intervals set by ena_hw_intr_moder_set_tx/rx
 * (microseconds, converted with the device's delay resolution).
 */
void ena_hw_cq_unmask_moderated(struct ena_hw_io_cq *cq);

/* Tell the device which NUMA node consumes this CQ (if it asked). */
void ena_hw_cq_set_numa(struct ena_hw_io_cq *cq, uint8_t node);

/* ------------------------------------------------------------------------ */
/* Rx                                                                       */
/* ------------------------------------------------------------------------ */

int ena_hw_rx_post_bad(const struct ena_hw_io_sq *sq, uint16_t req_id) ena_cold;
int ena_hw_rx_too_many(const struct ena_hw_io_cq *cq, uint16_t limit) ena_cold;
int ena_hw_rx_bad_id(const struct ena_hw_io_cq *cq,
	const struct ena_hw_io_sq *sq, uint16_t req_id) ena_cold;
int ena_hw_rx_overlong(const struct ena_hw_io_cq *cq, uint16_t len,
	uint16_t offset, uint16_t posted, uint16_t req_id) ena_cold;

/*
 * Where ena_rx_desc's fields sit in its two little-endian 64-bit words (the
 * second is the address, ENA_HW_DESC_ADDR_MASK).
 */
#define ENA_HW_RX_DESC_CTRL_BIT	  24
#define ENA_HW_RX_DESC_REQ_ID_BIT 32
static_assert(offsetof(struct ena_rx_desc, length) == 0 &&
		offsetof(struct ena_rx_desc, ctrl) * 8 ==
			ENA_HW_RX_DESC_CTRL_BIT &&
		offsetof(struct ena_rx_desc, req_id) * 8 ==
			ENA_HW_RX_DESC_REQ_ID_BIT &&
		offsetof(struct ena_rx_desc, addr_lo) == 8 &&
		offsetof(struct ena_rx_desc, addr_hi) == 12,
	"Rx descriptor layout moved");

/*
 * Refill fast path for a caller that posts only req_ids it handed out
 * itself (each < depth): room = ena_hw_rx_put_begin() once, at most room
 * ena_hw_rx_put(), then ena_hw_rx_put_end() before the doorbell. The
 * cursor is the caller's local, so the ring stores cannot make the
 * compiler reload the queue's fields.
 */
struct ena_hw_rx_cursor {
	uint8_t *slot; /* the tail's descriptor */
	uint8_t *ring;
	uint8_t *end; /* past the last descriptor */
	uint16_t *posted_len;
	uint64_t w0; /* the first word's ctrl byte, with the tail's phase */
	uint16_t tail;
};

static ena_always_inline uint16_t
ena_hw_rx_put_begin(const struct ena_hw_io_sq *sq, struct ena_hw_rx_cursor *c)
{
	c->ring = (uint8_t *)sq->ring;
	c->slot = c->ring + (size_t)(sq->tail & sq->mask) * ENA_HW_DESC_SIZE;
	c->end = c->ring + (size_t)sq->depth * ENA_HW_DESC_SIZE;
	c->posted_len = sq->rx_posted_len;
	c->tail = sq->tail;
	c->w0 = (uint64_t)(ENA_RX_DESC_FIRST_MASK | ENA_RX_DESC_LAST_MASK |
			ENA_RX_DESC_COMP_REQ_MASK |
			(sq->phase & ENA_RX_DESC_PHASE_MASK))
		<< ENA_HW_RX_DESC_CTRL_BIT;
	return ena_hw_sq_free(sq);
}

static ena_always_inline void
ena_hw_rx_put(struct ena_hw_rx_cursor *c, uint64_t iova, uint16_t len,
	uint16_t req_id)
{
	/*
	 * The descriptor as its two words, built in registers: assembled
	 * field by field in memory and copied whole, each 16-byte load waits
	 * for the small stores it spans (a store-forwarding stall per
	 * buffer).
	 */
	const uint64_t w0 = ena_plat_cpu_to_le64(
		c->w0 | len | (uint64_t)req_id << ENA_HW_RX_DESC_REQ_ID_BIT);
	const uint64_t w1 = ena_plat_cpu_to_le64(iova & ENA_HW_DESC_ADDR_MASK);

	ena_plat_store_words(c->slot, w0, w1);
	c->posted_len[req_id] = len;
	c->tail++;
	c->slot += ENA_HW_DESC_SIZE;
	if (ena_unlikely(c->slot == c->end)) {
		c->slot = c->ring;
		c->w0 ^= (uint64_t)ENA_RX_DESC_PHASE_MASK
			<< ENA_HW_RX_DESC_CTRL_BIT;
	}
}

static ena_always_inline void
ena_hw_rx_put_end(struct ena_hw_io_sq *sq, const struct ena_hw_rx_cursor *c)
{
	sq->tail = c->tail;
	sq->phase = (uint8_t)((c->w0 >> ENA_HW_RX_DESC_CTRL_BIT) &
		ENA_RX_DESC_PHASE_MASK);
}

/*
 * Post one receive buffer: ena_hw_rx_put() through a cursor of one step,
 * after the checks the cursor's caller makes once. -ENOSPC ring full,
 * -ERANGE req_id >= depth.
 */
static inline int
ena_hw_rx_post(
	struct ena_hw_io_sq *sq, const struct ena_hw_buf *buf, uint16_t req_id)
{
	struct ena_hw_rx_cursor c;

	if (ena_unlikely(req_id >= sq->depth))
		return ena_hw_rx_post_bad(sq, req_id);
	if (ena_unlikely(ena_hw_rx_put_begin(sq, &c) == 0))
		return -ENOSPC;
	ena_hw_rx_put(&c, buf->iova, buf->len, req_id);
	ena_hw_rx_put_end(sq, &c);
	return 0;
}

struct ena_hw_rx_frag {
	uint16_t req_id;
	uint16_t len;
};

/*
 * ena_hw_rx_ctx.cls: what the device says of a packet in 8 bits, so that a
 * caller maps it to its own flags with one table lookup.
 */
#define ENA_HW_RX_CLS_L3_CSUM_ERR (1U << 0) /* bad or unchecked IPv4 sum */
#define ENA_HW_RX_CLS_L4_CSUM_ERR (1U << 1) /* with L4_CHECKED, not FRAG */
#define ENA_HW_RX_CLS_IPV4_FRAG	  (1U << 2)
#define ENA_HW_RX_CLS_L4_CHECKED  (1U << 3)
#define ENA_HW_RX_CLS_IPV4	  (1U << 4)
#define ENA_HW_RX_CLS_IPV6	  (1U << 5)
#define ENA_HW_RX_CLS_TCP	  (1U << 6)
#define ENA_HW_RX_CLS_UDP	  (1U << 7)

struct ena_hw_rx_ctx {
	struct ena_hw_rx_frag *frags; /* in: caller array */
	uint16_t max_frags;	      /* in: its size */
	uint16_t nfrags;	      /* out: 0 = no complete packet */
	uint8_t offset;		      /* out: data offset in first buffer */
	uint8_t cls;		      /* out: ENA_HW_RX_CLS_* */
	uint32_t hash;
};

/* The four flag bits are contiguous in the completion status: one shift. */
static_assert(
	ENA_RX_CDESC_L3_CSUM_ERR_SHIFT + 1 == ENA_RX_CDESC_L4_CSUM_ERR_SHIFT &&
		ENA_RX_CDESC_L4_CSUM_ERR_SHIFT + 1 ==
			ENA_RX_CDESC_IPV4_FRAG_SHIFT &&
		ENA_RX_CDESC_IPV4_FRAG_SHIFT + 1 ==
			ENA_RX_CDESC_L4_CSUM_CHECKED_SHIFT,
	"Rx completion flag bits moved");

static inline const struct ena_rx_cdesc *
ena_hw_rx_cdesc(const struct ena_hw_io_cq *cq, uint16_t i)
{
	return (const struct ena_rx_cdesc *)((const uint8_t *)cq->ring +
		(size_t)((cq->head + i) & cq->mask) * cq->entry_size);
}

/* A packet's class (ENA_HW_RX_CLS_*), from its last completion's status. */
static inline uint8_t
ena_hw_rx_cls(uint32_t status)
{
	uint32_t l3 = ENA_FIELD_GET(status, ENA_RX_CDESC_L3_PROTO);
	uint32_t l4 = ENA_FIELD_GET(status, ENA_RX_CDESC_L4_PROTO);

	return (uint8_t)(((status >> ENA_RX_CDESC_L3_CSUM_ERR_SHIFT) & 0xf) |
		(l3 == ENA_L3_PROTO_IPV4 ? ENA_HW_RX_CLS_IPV4 : 0) |
		(l3 == ENA_L3_PROTO_IPV6 ? ENA_HW_RX_CLS_IPV6 : 0) |
		(l4 == ENA_L4_PROTO_TCP ? ENA_HW_RX_CLS_TCP : 0) |
		(l4 == ENA_L4_PROTO_UDP ? ENA_HW_RX_CLS_UDP : 0));
}

/* ena_hw_rx_cls() of four statuses at once, one class per lane. */
static ena_always_inline ena_plat_u32x4
ena_hw_rx_cls4(ena_plat_u32x4 status)
{
	const ena_plat_u32x4 l3 = status & ENA_RX_CDESC_L3_PROTO_MASK;
	const ena_plat_u32x4 l4 = status & ENA_RX_CDESC_L4_PROTO_MASK;
	ena_plat_u32x4 cls = (status >> ENA_RX_CDESC_L3_CSUM_ERR_SHIFT) & 0xfu;

	/* A lane compares to all ones or zero. */
	cls |= (ena_plat_u32x4)(l3 ==
		       (uint32_t)ENA_L3_PROTO_IPV4
			       << ENA_RX_CDESC_L3_PROTO_SHIFT) &
		ENA_HW_RX_CLS_IPV4;
	cls |= (ena_plat_u32x4)(l3 ==
		       (uint32_t)ENA_L3_PROTO_IPV6
			       << ENA_RX_CDESC_L3_PROTO_SHIFT) &
		ENA_HW_RX_CLS_IPV6;
	cls |= (ena_plat_u32x4)(l4 ==
		       (uint32_t)ENA_L4_PROTO_TCP
			       << ENA_RX_CDESC_L4_PROTO_SHIFT) &
		ENA_HW_RX_CLS_TCP;
	cls |= (ena_plat_u32x4)(l4 ==
		       (uint32_t)ENA_L4_PROTO_UDP
			       << ENA_RX_CDESC_L4_PROTO_SHIFT) &
		ENA_HW_RX_CLS_UDP;
	return cls;
}

static inline void
ena_hw_rx_ctx_status(struct ena_hw_rx_ctx *ctx, uint32_t status)
{
	ctx->cls = ena_hw_rx_cls(status);
}

/* A packet of more than one completion, or one found in pieces. */
static inline int
ena_hw_rx_pkt_chain(struct ena_hw_io_cq *cq, struct ena_hw_io_sq *sq,
	struct ena_hw_rx_ctx *ctx)
{
	const struct ena_rx_cdesc *c = NULL;
	uint16_t limit, n, i, base = cq->head & cq->mask, id, posted;
	uint32_t status = 0, len;
	uint8_t want;

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
		if (ena_unlikely(n >= limit || n >= cq->depth))
			return ena_hw_rx_too_many(cq, limit);
		if (status & ENA_RX_CDESC_LAST_MASK)
			break;
	}
	n++;
	ena_plat_dma_rmb();
	status = ENA_READ_ONCE32(c->status);

	for (i = 0; i < n; i++) {
		c = ena_hw_rx_cdesc(cq, i);
		id = c->req_id;
		if (ena_unlikely(id >= sq->depth))
			return ena_hw_rx_bad_id(cq, sq, id);
		posted = sq->rx_posted_len[id];
		/* The first fragment starts offset bytes into its buffer. */
		len = (uint32_t)c->length + (i == 0 ? c->offset : 0);
		if (ena_unlikely(posted != 0 && len > posted))
			return ena_hw_rx_overlong(cq, c->length,
				i == 0 ? c->offset : 0, posted, id);
		ctx->frags[i].req_id = id;
		ctx->frags[i].len = c->length;
	}
	ctx->offset = ena_hw_rx_cdesc(cq, 0)->offset;
	ena_hw_rx_ctx_status(ctx, status);
	ctx->hash = c->hash;
	ctx->nfrags = n;

	if (base + n >= cq->depth)
		cq->phase ^= 1;
	cq->head = (uint16_t)(cq->head + n);
	cq->rx_pending = 0;
	sq->next_to_comp = (uint16_t)(sq->next_to_comp + n);
	return 0;
}

/*
 * Collect the next complete packet (first..last completion with the
 * expected phase). Fills frags[0..nfrags) and the flags of the last
 * completion, advances the SQ's completed count by nfrags (the caller
 * reposts that many buffers). Errors: -E2BIG, -ERANGE, -EMSGSIZE (see top).
 */
static ena_always_inline int
ena_hw_rx_pkt(struct ena_hw_io_cq *cq, struct ena_hw_io_sq *sq,
	struct ena_hw_rx_ctx *ctx)
{
	const struct ena_rx_cdesc *c;
	uint16_t id, posted, len;
	uint32_t status;
	uint8_t off;

	ctx->nfrags = 0;
	if (ena_unlikely(cq->rx_pending != 0 || ctx->max_frags == 0))
		return ena_hw_rx_pkt_chain(cq, sq, ctx);
	c = ena_hw_rx_cdesc(cq, 0);
	status = ENA_READ_ONCE32(c->status);
	if (((status & ENA_RX_CDESC_PHASE_MASK) >> ENA_RX_CDESC_PHASE_SHIFT) !=
		cq->phase)
		return 0;
	if (ena_unlikely(!(status & ENA_RX_CDESC_LAST_MASK)))
		return ena_hw_rx_pkt_chain(cq, sq, ctx);
	/* A packet in one buffer: the common case, without the scan. */
	ena_plat_dma_rmb();
	id = c->req_id;
	len = c->length;
	off = c->offset;
	if (ena_unlikely(id >= sq->depth))
		return ena_hw_rx_bad_id(cq, sq, id);
	posted = sq->rx_posted_len[id];
	if (ena_unlikely(posted != 0 && (uint32_t)len + off > posted))
		return ena_hw_rx_overlong(cq, len, off, posted, id);
	ctx->frags[0].req_id = id;
	ctx->frags[0].len = len;
	ctx->offset = off;
	ena_hw_rx_ctx_status(ctx, status);
	ctx->hash = c->hash;
	ctx->nfrags = 1;
	cq->head++;
	if (ena_unlikely((cq->head & cq->mask) == 0))
		cq->phase ^= 1;
	sq->next_to_comp++;
	return 0;
}

/* True when no completion is waiting. */
bool ena_hw_cq_empty(const struct ena_hw_io_cq *cq);

/* ------------------------------------------------------------------------ */
/* Looking without consuming                                                */
/* ------------------------------------------------------------------------ */

/*
 * Completions the device has written that the queue's owner has not
 * consumed yet. These read the CQ and its head only (the head once, the
 * expected phase derived from it), so another thread may call them while
 * the owner runs its bursts, e.g. a watchdog; the answer is then a
 * snapshot that may already be out of date, never a wrong req_id. Both
 * stop at max entries.
 */

/* Tx: calls fn(arg, req_id) for each, oldest first; returns how many. */
uint16_t ena_hw_tx_comp_peek(const struct ena_hw_io_cq *cq, uint16_t max,
	void (*fn)(void *arg, uint16_t req_id), void *arg);

/* Rx: completion descriptors written (one per filled buffer). */
uint16_t ena_hw_rx_comp_count(const struct ena_hw_io_cq *cq, uint16_t max);

/*
 * Rx: the status word the device writes with its next completion, and the
 * value its phase bits (mask) take then; for a CPU monitoring that word
 * (power management). For the queue's owner.
 */
void ena_hw_rx_comp_next(const struct ena_hw_io_cq *cq,
	const volatile uint32_t **status, uint32_t *mask, uint32_t *value);

#endif /* ENA_ETH_COM_H_ */

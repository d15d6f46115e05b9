/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef ENA_ETH_COM_H_
#define ENA_ETH_COM_H_

/*
 * ENA base layer, data path: IO submission/completion queue state and the
 * per-packet operations a PMD's Tx/Rx burst functions call.
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

struct ena_hw_io_sq {
	/* hot, Tx/Rx submission */
	void *ring;		    /* host placement: descriptor ring */
	volatile uint8_t *llq_ring; /* device placement: LLQ entries */
	volatile uint32_t *db;	    /* tail doorbell */
	uint16_t depth;
	uint16_t mask;
	uint16_t tail;	       /* descriptors (host) / entries (LLQ) */
	uint16_t next_to_comp; /* acked by the caller */
	uint16_t db_tail;      /* tail at the last doorbell */
	uint8_t phase;
	uint8_t placement; /* enum ena_hw_placement */
	uint8_t dir;	   /* enum ena_hw_dir */
	uint8_t dma_width;
	uint16_t max_descs_per_pkt;
	uint16_t max_header;

	/* LLQ */
	struct ena_hw_llq_info llq;
	uint8_t *bounce;     /* one entry, built then copied whole */
	uint16_t burst_left; /* entries until a doorbell is needed */

	/* Tx meta descriptor cache */
	struct ena_hw_tx_meta meta_cache;
	bool meta_cached;
	bool no_meta_caching;

	/* Rx: buffer length posted per req_id, to bound completions */
	uint16_t *rx_posted_len;

	/* cold */
	struct ena_dma_mem ring_mem;
	struct ena_hw *hw;
	uint16_t idx; /* device SQ index */
	uint16_t qid; /* caller's queue id */
	bool created;
	uint64_t doorbells;
	uint64_t llq_entries;
};

struct ena_hw_io_cq {
	/* hot */
	void *ring;
	uint16_t depth;
	uint16_t mask;
	uint16_t head;	  /* free-running */
	uint16_t db_head; /* head last reported to the device */
	uint8_t phase;
	uint8_t dir;
	uint16_t entry_size;	       /* bytes */
	volatile uint32_t *head_db;    /* may be NULL */
	volatile uint32_t *unmask_reg; /* may be NULL */
	volatile uint32_t *numa_reg;   /* may be NULL */
	/* Rx packet in progress (completions seen, last not yet) */
	uint16_t rx_pending;
	uint16_t max_rx_descs;

	/* cold */
	struct ena_dma_mem ring_mem;
	struct ena_hw *hw;
	uint16_t idx; /* device CQ index */
	uint16_t qid;
	int16_t msix_vector;
	bool created;
};

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

/*
 * Write the descriptors of one packet (meta descriptor only when the
 * offload context changed or caching is off). *used receives the ring
 * slots consumed (descriptors, or LLQ entries), to pass to
 * ena_hw_tx_comp_ack() when the packet completes.
 */
int ena_hw_tx_prepare(struct ena_hw_io_sq *sq, const struct ena_hw_tx_ctx *ctx,
	uint16_t *used);

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
 * Next Tx completion: 0 and *req_id, -EAGAIN when none, -ERANGE when the
 * device returned a req_id >= depth (in *req_id; the entry is not consumed).
 */
int ena_hw_tx_comp_get(struct ena_hw_io_cq *cq, uint16_t *req_id);

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

/* Post one receive buffer. -ENOSPC ring full, -ERANGE req_id >= depth. */
int ena_hw_rx_post(
	struct ena_hw_io_sq *sq, const struct ena_hw_buf *buf, uint16_t req_id);

struct ena_hw_rx_frag {
	uint16_t req_id;
	uint16_t len;
};

struct ena_hw_rx_ctx {
	struct ena_hw_rx_frag *frags; /* in: caller array */
	uint16_t max_frags;	      /* in: its size */
	uint16_t nfrags;	      /* out: 0 = no complete packet */
	uint8_t offset;		      /* out: data offset in first buffer */
	uint8_t l3_proto;	      /* ENA_L3_PROTO_* */
	uint8_t l4_proto;	      /* ENA_L4_PROTO_* */
	bool l3_csum_err;
	bool l4_csum_err;
	bool l4_csum_checked;
	bool ipv4_frag;
	uint32_t hash;
};

/*
 * Collect the next complete packet (first..last completion with the
 * expected phase). Fills frags[0..nfrags) and the flags of the last
 * completion, advances the SQ's completed count by nfrags (the caller
 * reposts that many buffers). Errors: -E2BIG, -ERANGE, -EMSGSIZE (see top).
 */
int ena_hw_rx_pkt(struct ena_hw_io_cq *cq, struct ena_hw_io_sq *sq,
	struct ena_hw_rx_ctx *ctx);

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

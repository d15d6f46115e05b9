/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_prefetch.h>

#include "ena_ethdev.h"
#include "ena_logs.h"

/* The vector Rx path needs SSE4.1, part of the x86 build baseline. */
#if defined(RTE_ARCH_X86) && defined(__SSE4_1__)
#define ENA_RX_VEC 1
#include <smmintrin.h>
#include <rte_cpuflags.h>
#include <rte_vect.h>
#endif

/* The 8 bytes data_off/refcnt/nb_segs/port, written as one store. */
static inline uint64_t *
ena_mbuf_rearm_word(struct rte_mbuf *m)
{
	return (uint64_t *)(void *)((char *)m +
		offsetof(struct rte_mbuf, rearm_data));
}

/* ---- setup / release ------------------------------------------------------ */

void
ena_rx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	ena_queue_release(dev, &ena_adapter_of(dev)->rx_ring[qid]);
}

int
ena_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb,
	unsigned int socket, const struct rte_eth_rxconf *conf,
	struct rte_mempool *mp)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	struct ena_ring *r = &ad->rx_ring[qid];
	uint64_t offloads = conf->offloads |
		dev->data->dev_conf.rxmode.offloads;
	uint32_t room;
	int rc;

	rc = ena_queue_setup_check(ad, "rxq", ad->rx_ring, qid, nb,
		ad->max_rx_ring, offloads, ad->rx_offload_capa);
	if (rc != 0)
		return rc;
	if (mp == NULL) {
		PMD_DRV_LOG(ERR, "%s: rxq %u: no mempool", ad->name, qid);
		return -EINVAL;
	}
	room = ena_rx_room(mp);
	/* What dev_infos_get advertises (ethdev checks it first). */
	if (room < ENA_MIN_RX_BUF) {
		PMD_DRV_LOG(ERR,
			"%s: rxq %u: mempool %s buffers of %u B are "
			"too small (min_rx_bufsize %u)",
			ad->name, qid, mp->name, room, ENA_MIN_RX_BUF);
		return -EINVAL;
	}
	rc = ena_rx_frame_fits(dev, qid, dev->data->mtu, room);
	if (rc != 0)
		return rc;
	if (r->configured)
		ena_rx_queue_release(dev, qid);

	memset(r, 0, sizeof(*r));
	rc = ena_queue_mem_alloc(
		dev, r, true, qid, nb, socket, sizeof(*r->rx_mbufs), offloads);
	if (rc != 0)
		return rc;
	r->mb_pool = mp;
	/*
	 * Accept chains up to the device limit even without scattered Rx:
	 * a frame the device split anyway is delivered, not turned into a
	 * reset.
	 */
	r->sgl_size = ad->max_rx_sgl;
	r->deferred_start = conf->rx_deferred_start != 0;
	r->rx_refill_thresh = RTE_MIN((uint16_t)(nb >> ENA_RX_REFILL_DIV_LOG),
		(uint16_t)ENA_RX_REFILL_MAX);
	if (conf->rx_free_thresh != 0 && conf->rx_free_thresh < nb)
		r->rx_refill_thresh = RTE_MIN(
			r->rx_refill_thresh, conf->rx_free_thresh);
	if (r->rx_refill_thresh == 0)
		r->rx_refill_thresh = 1;
	{
		struct rte_mbuf tmpl;

		memset(&tmpl, 0, sizeof(tmpl));
		tmpl.data_off = RTE_PKTMBUF_HEADROOM;
		tmpl.nb_segs = 1;
		tmpl.port = r->port_id;
		rte_mbuf_refcnt_set(&tmpl, 1);
		r->rx_mbuf_init = *ena_mbuf_rearm_word(&tmpl);
	}
	r->configured = true;
	if (offloads & RTE_ETH_RX_OFFLOAD_SCATTER)
		dev->data->scattered_rx = 1;
	dev->data->rx_queues[qid] = r;
	return 0;
}

uint32_t
ena_rx_room(struct rte_mempool *mp)
{
	uint32_t room = rte_pktmbuf_data_room_size(mp);

	return room > RTE_PKTMBUF_HEADROOM ? room - RTE_PKTMBUF_HEADROOM : 0;
}

/*
 * A frame of the MTU in Rx buffers of room bytes: in one, or chained over
 * as many as the device fills for one packet. The device chains buffers
 * whatever the offloads say, so when one buffer is too small the driver
 * turns scattered Rx on (as upstream and other PMDs do) rather than
 * refusing the MTU or the queue; whether the port is stopped or running.
 */
int
ena_rx_frame_fits(
	struct rte_eth_dev *dev, uint16_t qid, uint16_t mtu, uint32_t room)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	uint32_t frame = (uint32_t)mtu + RTE_ETHER_HDR_LEN, bufs;

	if (frame <= room)
		return 0;
	bufs = room != 0 ? (frame + room - 1) / room : UINT32_MAX;
	if (bufs > ad->max_rx_sgl) {
		PMD_DRV_LOG(ERR,
			"%s: rxq %u: a %u B frame (MTU %u) needs %u buffers "
			"of %u B, the device chains at most %u",
			ad->name, qid, frame, mtu, bufs, room, ad->max_rx_sgl);
		return -EINVAL;
	}
	if (!dev->data->scattered_rx) {
		dev->data->scattered_rx = 1;
		PMD_DRV_LOG(INFO,
			"%s: rxq %u: a %u B frame (MTU %u) takes %u buffers "
			"of %u B: scattered Rx enabled",
			ad->name, qid, frame, mtu, bufs, room);
	}
	return 0;
}

/*
 * The vector paths take packets of one buffer: chosen without scattered
 * Rx, with 16-byte completions, the widest the CPU has and the
 * application's SIMD width allows.
 */
static enum ena_rx_path
ena_rx_path_pick(const struct ena_adapter *ad, const struct ena_ring *r)
{
#ifdef ENA_RX_VEC
	uint16_t simd = rte_vect_get_max_simd_bitwidth();

	if (ad->edev_data->scattered_rx ||
		(r->cq.entry_size != 0 &&
			r->cq.entry_size != sizeof(struct ena_rx_cdesc)))
		return ENA_RX_PATH_SCALAR;
	if (simd >= RTE_VECT_SIMD_256 &&
		rte_cpu_get_flag_enabled(RTE_CPUFLAG_AVX2) > 0)
		return ENA_RX_PATH_AVX2;
	if (simd >= RTE_VECT_SIMD_128 &&
		rte_cpu_get_flag_enabled(RTE_CPUFLAG_SSE4_1) > 0)
		return ENA_RX_PATH_SSE;
#else
	RTE_SET_USED(ad);
	RTE_SET_USED(r);
#endif
	return ENA_RX_PATH_SCALAR;
}

int
ena_rx_burst_mode_get(
	struct rte_eth_dev *dev, uint16_t qid, struct rte_eth_burst_mode *mode)
{
	static const char *const names[] = {
		[ENA_RX_PATH_SCALAR] = "Scalar",
		[ENA_RX_PATH_SSE] = "Vector SSE4.1",
		[ENA_RX_PATH_AVX2] = "Vector AVX2",
	};
	const struct ena_adapter *ad = ena_adapter_of(dev);
	const struct ena_ring *r = &ad->rx_ring[qid];
	/* A started queue made its choice; otherwise say what it would be. */
	enum ena_rx_path path = r->started ? r->rx_path
					   : ena_rx_path_pick(ad, r);

	mode->flags = 0;
	snprintf(mode->info, sizeof(mode->info), "%s%s", names[path],
		dev->data->scattered_rx ? ", scattered" : "");
	return 0;
}

/* ---- refill ----------------------------------------------------------------- */

/*
 * Posts up to n fresh buffers with a single doorbell; returns posted count.
 * The ids come from free_ids, which holds only ids below the ring size (the
 * completion paths check each before taking it back).
 */
static uint16_t
ena_rx_refill(struct ena_ring *r, uint16_t n)
{
	struct rte_mbuf *mbufs[ENA_RX_REFILL_MAX];
	struct rte_mbuf **slots = r->rx_mbufs;
	const uint16_t *ids = r->free_ids;
	const uint16_t mask = r->size_mask;
	uint16_t posted = 0, ntu = r->next_to_use, i, chunk, room;
	struct ena_hw_rx_cursor cur;

	room = ena_hw_rx_put_begin(&r->sq, &cur);
	if (unlikely(n > room)) {
		r->rx_stats.refill_partial++;
		n = room;
	}
	while (n > 0) {
		chunk = RTE_MIN(n, (uint16_t)ENA_RX_REFILL_MAX);
		if (unlikely(rte_mempool_get_bulk(
				     r->mb_pool, (void **)mbufs, chunk) != 0)) {
			r->rx_stats.mbuf_alloc_fail++;
			r->rx_stats.refill_partial++;
			break;
		}
		/* No prefetch: the pool's cache hands out the mbufs freed
		 * last, still in the CPU's cache. */
		for (i = 0; i < chunk; i++) {
			struct rte_mbuf *m = mbufs[i];
			uint16_t id = ids[ntu++ & mask];

			ena_hw_rx_put(&cur, m->buf_iova + RTE_PKTMBUF_HEADROOM,
				(uint16_t)(m->buf_len - RTE_PKTMBUF_HEADROOM),
				id);
			slots[id] = m;
		}
		posted += chunk;
		n -= chunk;
	}
	if (posted > 0) {
		ena_hw_rx_put_end(&r->sq, &cur);
		r->next_to_use = ntu;
		ena_hw_sq_doorbell(&r->sq);
		r->rx_stats.doorbells++;
	}
	return posted;
}

static inline uint16_t
ena_rx_free_slots(const struct ena_ring *r)
{
	/* The SQ holds at most depth - 1 buffers. */
	return (uint16_t)(r->ring_size - 1 -
		(uint16_t)(r->next_to_use - r->next_to_clean));
}

/* ---- start / stop ----------------------------------------------------------- */

int
ena_rx_queue_start_hw(struct ena_adapter *ad, struct ena_ring *r)
{
	uint16_t want, got;
	int rc;

	if (!r->configured)
		return -EINVAL;
	if (r->started)
		return 0;
	rc = ena_queue_io_create(ad, r,
		ad->rxq_intr ? (int16_t)(RTE_INTR_VEC_RXTX_OFFSET + r->id) : -1,
		ENA_HW_PLACEMENT_HOST);
	if (rc != 0)
		return rc;
	r->rx_hash_flag = (r->offloads & RTE_ETH_RX_OFFLOAD_RSS_HASH)
		? RTE_MBUF_F_RX_RSS_HASH
		: 0;
	want = ena_rx_free_slots(r);
	got = ena_rx_refill(r, want);
	if (got != want)
		PMD_DRV_LOG(WARNING,
			"%s: rxq %u filled with %u of %u buffers "
			"(mempool %s short)",
			ad->name, r->id, got, want, r->mb_pool->name);
	r->reset_pending = ad->trigger_reset;
	r->rx_path = (uint8_t)ena_rx_path_pick(ad, r);
	r->started = true;
	r->run = !ad->link_forced_down;
	return 0;
}

void
ena_rx_queue_stop_hw(struct ena_adapter *ad, struct ena_ring *r)
{
	uint16_t i;

	if (!ena_queue_io_destroy(ad, r))
		return;
	for (i = 0; i < r->ring_size; i++) {
		if (r->rx_mbufs[i] != NULL) {
			rte_mbuf_raw_free(r->rx_mbufs[i]);
			r->rx_mbufs[i] = NULL;
		}
	}
}

/* ---- burst ------------------------------------------------------------------- */

/* Packet type of a packet class (ENA_HW_RX_CLS_*). */
static uint32_t
ena_rx_cls_ptype(unsigned int cls)
{
	uint32_t pt = RTE_PTYPE_L2_ETHER;

	if (cls & ENA_HW_RX_CLS_IPV4)
		pt |= RTE_PTYPE_L3_IPV4;
	else if (cls & ENA_HW_RX_CLS_IPV6)
		pt |= RTE_PTYPE_L3_IPV6;
	else
		return pt;
	if (cls & ENA_HW_RX_CLS_IPV4_FRAG)
		pt |= RTE_PTYPE_L4_FRAG;
	else if (cls & ENA_HW_RX_CLS_TCP)
		pt |= RTE_PTYPE_L4_TCP;
	else if (cls & ENA_HW_RX_CLS_UDP)
		pt |= RTE_PTYPE_L4_UDP;
	return pt;
}

/* Checksum flags of a packet class. */
static uint64_t
ena_rx_cls_csum(unsigned int cls)
{
	uint64_t f = 0;

	if (cls & ENA_HW_RX_CLS_IPV4)
		f |= (cls & ENA_HW_RX_CLS_L3_CSUM_ERR)
			? RTE_MBUF_F_RX_IP_CKSUM_BAD
			: RTE_MBUF_F_RX_IP_CKSUM_GOOD;
	if ((cls & ENA_HW_RX_CLS_IPV4_FRAG) ||
		!(cls & ENA_HW_RX_CLS_L4_CHECKED) ||
		!(cls & (ENA_HW_RX_CLS_TCP | ENA_HW_RX_CLS_UDP)))
		f |= RTE_MBUF_F_RX_L4_CKSUM_UNKNOWN;
	else if (cls & ENA_HW_RX_CLS_L4_CSUM_ERR)
		f |= RTE_MBUF_F_RX_L4_CKSUM_BAD;
	else
		f |= RTE_MBUF_F_RX_L4_CKSUM_GOOD;
	return f;
}

/*
 * The checksum counters a packet of a class adds to: L4 good, L4 bad and
 * L3 bad, each a field of ENA_RX_CSUM_BITS in one word, so that a burst
 * adds one word per packet and splits the sum once (a burst is below
 * 2^16 packets: no field overflows into the next).
 */
#define ENA_RX_CSUM_BITS    21
#define ENA_RX_CSUM_L4_GOOD 0
#define ENA_RX_CSUM_L4_BAD  ENA_RX_CSUM_BITS
#define ENA_RX_CSUM_L3_BAD  (2 * ENA_RX_CSUM_BITS)
/* A burst's count (uint16_t) fits a field; three fields fit the word. */
static_assert(ENA_RX_CSUM_BITS >= 16 && 3 * ENA_RX_CSUM_BITS <= 64,
	"checksum counter fields");
#define ENA_RX_CSUM_FIELD(w, f) \
	((uint32_t)((w) >> (f)) & ((UINT32_C(1) << ENA_RX_CSUM_BITS) - 1))

static uint64_t
ena_rx_cls_csum_cnt(uint64_t ol)
{
	return (uint64_t)((ol & RTE_MBUF_F_RX_L4_CKSUM_MASK) ==
		       RTE_MBUF_F_RX_L4_CKSUM_GOOD)
		<< ENA_RX_CSUM_L4_GOOD |
		(uint64_t)((ol & RTE_MBUF_F_RX_L4_CKSUM_MASK) ==
			RTE_MBUF_F_RX_L4_CKSUM_BAD)
		<< ENA_RX_CSUM_L4_BAD |
		(uint64_t)((ol & RTE_MBUF_F_RX_IP_CKSUM_MASK) ==
			RTE_MBUF_F_RX_IP_CKSUM_BAD)
		<< ENA_RX_CSUM_L3_BAD;
}

/* What the burst sets per packet class: one lookup instead of branches. */
static struct ena_rx_cls_entry {
	uint64_t ol;
	uint64_t csum_cnt; /* see ENA_RX_CSUM_BITS */
	uint32_t ptype;
} ena_rx_cls_tab[256];

RTE_INIT(ena_rx_cls_tab_init)
{
	unsigned int c;

	for (c = 0; c < RTE_DIM(ena_rx_cls_tab); c++) {
		ena_rx_cls_tab[c].ptype = ena_rx_cls_ptype(c);
		ena_rx_cls_tab[c].ol = ena_rx_cls_csum(c);
		ena_rx_cls_tab[c].csum_cnt = ena_rx_cls_csum_cnt(
			ena_rx_cls_tab[c].ol);
	}
}

static void
ena_rx_fail(struct ena_ring *r, int rc, uint16_t req_id)
{
	struct ena_adapter *ad = r->adapter;

	if (rc == -E2BIG)
		r->rx_stats.bad_desc_num++;
	else if (rc == -ERANGE)
		r->rx_stats.bad_req_id++;
	r->rx_stats.errors++;
	/* The queue is unusable until the device is reset. */
	r->run = false;
	if (!ad->trigger_reset)
		PMD_RX_LOG(ERR,
			"%s: rxq %u: bad completion (rc %d, req_id %u); "
			"device reset needed",
			ad->name, r->id, rc, req_id);
	ena_trigger_reset(ad, ena_hw_reset_reason_for(rc, ENA_HW_DIR_RX));
}

/*
 * A burst's progress, handed from the vector groups to the scalar loop
 * and committed to the queue once at the end.
 */
struct ena_rx_progress {
	uint16_t nb;  /* packets delivered */
	uint16_t ntc; /* next free_ids slot */
	uint64_t bytes;
	uint64_t csum_cnt; /* see ENA_RX_CSUM_BITS */
};

#ifdef ENA_RX_VEC
/*
 * The vector paths: groups of four (SSE4.1) or eight (AVX2) completions
 * while the whole group is ready, each a whole packet in one buffer, and
 * does not wrap the ring. A group is loaded whole and transposed: its
 * req_ids are range-checked and its lengths checked against what was
 * posted, all lanes at once, and its classes come from ena_hw_rx_cls4().
 * Each mbuf gets its rearm word and flags, then its length, type and hash
 * fields (shuffled straight from the completion) in 16-byte stores, or
 * one 32-byte store on AVX2; next is left alone, NULL as in any mbuf in
 * its pool (the ring holds only mbufs taken raw from the pool). The first
 * group that does not qualify, or in which anything looks wrong, is left
 * to the narrower loop and in the end to the scalar one, which also
 * reports errors.
 *
 * Lengths are summed in 32-bit lanes: a lane adds at most a quarter of a
 * burst's packets (below 2^14) of below 2^16 bytes each.
 */

/* The 16 bytes from rearm_data: an AVX2 store writes them with the 16
 * after them, rx_descriptor_fields1. */
static_assert(offsetof(struct rte_mbuf, ol_flags) ==
			offsetof(struct rte_mbuf, rearm_data) + 8 &&
		offsetof(struct rte_mbuf, rx_descriptor_fields1) ==
			offsetof(struct rte_mbuf, rearm_data) + 16,
	"rearm_data, ol_flags and rx_descriptor_fields1 are contiguous");

/* Whether the cnt completions from c are all ready, each one buffer. */
static __rte_always_inline bool
ena_rx_vec_ready(
	const struct ena_rx_cdesc *c, unsigned int cnt, uint32_t want_phase)
{
	uint32_t all = UINT32_MAX, any = 0, s;
	unsigned int k;

#pragma GCC unroll 8
	for (k = 0; k < cnt; k++) {
		s = ENA_READ_ONCE32(c[k].status);
		all &= s;
		any |= s;
	}
	return (all & ENA_RX_CDESC_LAST_MASK) &&
		(all & ENA_RX_CDESC_PHASE_MASK) == want_phase &&
		(any & ENA_RX_CDESC_PHASE_MASK) == want_phase;
}

/*
 * Takes the mbufs of cnt req_ids, each slot emptied at once so that a
 * repeated req_id shows as NULL; if any is NULL, puts them all back.
 */
static __rte_always_inline bool
ena_rx_vec_take(struct rte_mbuf **slots, const uint32_t *id,
	struct rte_mbuf **m, unsigned int cnt)
{
	uintptr_t none = 0;
	unsigned int k;

#pragma GCC unroll 8
	for (k = 0; k < cnt; k++) {
		m[k] = slots[id[k]];
		slots[id[k]] = NULL;
		none |= (uintptr_t)(m[k] == NULL);
	}
	if (likely(none == 0))
		return true;
	for (k = cnt; k-- > 0;)
		if (m[k] != NULL)
			slots[id[k]] = m[k];
	return false;
}

/*
 * A vector loop's view of the queue, copied into locals once per burst:
 * the mbuf stores would otherwise make the compiler reload it per packet.
 */
struct ena_rx_vec_walk {
	const struct ena_rx_cdesc *ring;
	struct rte_mbuf **slots;
	uint16_t *free_ids;
	const uint16_t *posted_len;
	uint64_t hash_flag;
	uint64_t mbuf_init;
	uint64_t csum_cnt;
	/* A req_id is below the (power of two) depth when none of these
	 * bits is set. */
	uint32_t id_over;
	uint16_t depth, cmask, mask;
	uint16_t nb, ntc, head;
	uint8_t phase;
};

/* False when the queue is in the middle of a chained packet. */
static __rte_always_inline bool
ena_rx_vec_begin(const struct ena_ring *r, const struct ena_rx_progress *p,
	struct ena_rx_vec_walk *w)
{
	const struct ena_hw_io_cq *cq = &r->cq;

	if (cq->rx_pending != 0)
		return false;
	w->ring = (const struct ena_rx_cdesc *)cq->ring;
	w->slots = r->rx_mbufs;
	w->free_ids = r->free_ids;
	w->posted_len = r->sq.rx_posted_len;
	w->hash_flag = r->rx_hash_flag;
	w->mbuf_init = r->rx_mbuf_init;
	w->csum_cnt = 0;
	w->id_over = ~(uint32_t)r->sq.mask;
	w->depth = cq->depth;
	w->cmask = cq->mask;
	w->mask = r->size_mask;
	w->nb = p->nb;
	w->ntc = p->ntc;
	w->head = cq->head;
	w->phase = cq->phase;
	return true;
}

/*
 * The next group of cnt completions, ready to load, or NULL when it would
 * wrap the ring or is not all ready.
 */
static __rte_always_inline const struct ena_rx_cdesc *
ena_rx_vec_group(const struct ena_rx_vec_walk *w, unsigned int cnt)
{
	const uint16_t idx = w->head & w->cmask;
	const struct ena_rx_cdesc *c = w->ring + idx;

	if (idx + cnt > w->depth ||
		!ena_rx_vec_ready(
			c, cnt, (uint32_t)w->phase << ENA_RX_CDESC_PHASE_SHIFT))
		return NULL;
	ena_plat_dma_rmb();
	return c;
}

/* rearm_data with the packet's data offset, and ol_flags, of a class. */
static __rte_always_inline __m128i
ena_rx_vec_rearm(const struct ena_rx_vec_walk *w, uint32_t off,
	const struct ena_rx_cls_entry *e)
{
	return _mm_set_epi64x((long long)(e->ol | w->hash_flag),
		(long long)(w->mbuf_init + off));
}

/* rx_descriptor_fields1: type, pkt_len and data_len from the completion's
 * length, VLAN 0, hash. */
static __rte_always_inline __m128i
ena_rx_vec_fields(__m128i cdesc, uint32_t ptype)
{
	const __m128i shuf = _mm_set_epi8(
		11, 10, 9, 8, -1, -1, 5, 4, -1, -1, 5, 4, -1, -1, -1, -1);

	return _mm_insert_epi32(_mm_shuffle_epi8(cdesc, shuf), (int)ptype, 0);
}

/*
 * A group of cnt delivered: their req_ids (packed to 16 bits in ids16)
 * back into free_ids, the cursors past the group.
 */
static __rte_always_inline void
ena_rx_vec_next(struct ena_rx_vec_walk *w, __m128i ids16, const uint32_t *id,
	unsigned int cnt)
{
	uint16_t *dst = &w->free_ids[w->ntc & w->mask];
	unsigned int k;

	if (likely((w->ntc & w->mask) + cnt <= (uint32_t)w->mask + 1u)) {
		if (cnt == 8)
			_mm_storeu_si128((__m128i *)(void *)dst, ids16);
		else
			_mm_storel_epi64((__m128i *)(void *)dst, ids16);
	} else {
		for (k = 0; k < cnt; k++)
			w->free_ids[(w->ntc + k) & w->mask] = (uint16_t)id[k];
	}
	w->ntc = (uint16_t)(w->ntc + cnt);
	w->nb = (uint16_t)(w->nb + cnt);
	w->head = (uint16_t)(w->head + cnt);
	if ((w->head & w->cmask) == 0)
		w->phase ^= 1;
}

/* The loop's end: the queue and the burst's progress take its state, the
 * bytes from four 32-bit lane sums. */
static __rte_always_inline void
ena_rx_vec_end(struct ena_ring *r, struct ena_rx_progress *p,
	const struct ena_rx_vec_walk *w, __m128i len_sum32)
{
	const __m128i sum64 = _mm_add_epi64(_mm_cvtepu32_epi64(len_sum32),
		_mm_cvtepu32_epi64(_mm_srli_si128(len_sum32, 8)));

	r->cq.head = w->head;
	r->cq.phase = w->phase;
	r->sq.next_to_comp = (uint16_t)(r->sq.next_to_comp + (w->nb - p->nb));
	p->bytes += (uint64_t)_mm_cvtsi128_si64(sum64) +
		(uint64_t)_mm_extract_epi64(sum64, 1);
	p->csum_cnt += w->csum_cnt;
	p->nb = w->nb;
	p->ntc = w->ntc;
}

/*
 * SSE4.1: groups of four. One function over 50 lines: the four lanes'
 * loads, checks and stores share the vectors, which a split would spill.
 */
static __rte_always_inline void
ena_rx_vec4(struct ena_ring *r, struct rte_mbuf **pkts, uint16_t n,
	struct ena_rx_progress *p)
{
	const __m128i lo16 = _mm_set1_epi32(0xffff);
	const __m128i lo8 = _mm_set1_epi32(0xff);
	struct ena_rx_vec_walk w;
	__m128i len_sum = _mm_setzero_si128(), id_over;
	const struct ena_rx_cdesc *c;
	unsigned int k;

	if (!ena_rx_vec_begin(r, p, &w))
		return;
	id_over = _mm_set1_epi32((int)w.id_over);
	while (w.nb + 4 <= n && (c = ena_rx_vec_group(&w, 4)) != NULL) {
		__m128i d[4], lo01, lo23, hi01, hi23, st, ids, lens, offs;
		__m128i posted, bad;
		struct rte_mbuf *m[4];
		uint32_t id[4], off[4];
		ena_plat_u32x4 cls;

#pragma GCC unroll 4
		for (k = 0; k < 4; k++)
			d[k] = _mm_loadu_si128((const __m128i *)&c[k]);
		/* Lanes: status, length | req_id << 16, hash, offset in
		 * bits 23:16 of the last word. */
		lo01 = _mm_unpacklo_epi32(d[0], d[1]);
		lo23 = _mm_unpacklo_epi32(d[2], d[3]);
		hi01 = _mm_unpackhi_epi32(d[0], d[1]);
		hi23 = _mm_unpackhi_epi32(d[2], d[3]);
		st = _mm_unpacklo_epi64(lo01, lo23);
		ids = _mm_unpackhi_epi64(lo01, lo23);
		lens = _mm_and_si128(ids, lo16);
		ids = _mm_srli_epi32(ids, 16);
		if (unlikely(!_mm_testz_si128(ids, id_over)))
			break;
		_mm_storeu_si128((__m128i *)(void *)id, ids);
		/* Data end against the length posted (0: unknown). */
		posted = _mm_set_epi32(w.posted_len[id[3]], w.posted_len[id[2]],
			w.posted_len[id[1]], w.posted_len[id[0]]);
		offs = _mm_and_si128(
			_mm_srli_epi32(_mm_unpackhi_epi64(hi01, hi23), 16),
			lo8);
		bad = _mm_andnot_si128(
			_mm_cmpeq_epi32(posted, _mm_setzero_si128()),
			_mm_cmpgt_epi32(_mm_add_epi32(lens, offs), posted));
		if (unlikely(!_mm_testz_si128(bad, bad)))
			break;
		_mm_storeu_si128((__m128i *)(void *)off, offs);
		if (unlikely(!ena_rx_vec_take(w.slots, id, m, 4)))
			break;
		memcpy(&cls, &st, sizeof(cls));
		cls = ena_hw_rx_cls4(cls);
#pragma GCC unroll 4
		for (k = 0; k < 4; k++) {
			const struct ena_rx_cls_entry *e =
				&ena_rx_cls_tab[cls[k]];
			__m128i *dst = (__m128i *)(void *)ena_mbuf_rearm_word(
				m[k]);

			_mm_storeu_si128(dst, ena_rx_vec_rearm(&w, off[k], e));
			_mm_storeu_si128(
				dst + 1, ena_rx_vec_fields(d[k], e->ptype));
			w.csum_cnt += e->csum_cnt;
			rte_prefetch0(rte_pktmbuf_mtod(m[k], void *));
			pkts[w.nb + k] = m[k];
		}
		ena_rx_vec_next(&w, _mm_packus_epi32(ids, ids), id, 4);
		len_sum = _mm_add_epi32(len_sum, lens);
	}
	ena_rx_vec_end(r, p, &w, len_sum);
}

/*
 * AVX2: groups of eight, as ena_rx_vec4() does four. Completion k and
 * k + 4 share a 256-bit register, so each 128-bit half transposes as the
 * SSE path does and the lanes come out in completion order.
 */
static __rte_always_inline __attribute__((target("avx2"))) void
ena_rx_vec8(struct ena_ring *r, struct rte_mbuf **pkts, uint16_t n,
	struct ena_rx_progress *p)
{
	const __m256i lo16 = _mm256_set1_epi32(0xffff);
	const __m256i lo8 = _mm256_set1_epi32(0xff);
	struct ena_rx_vec_walk w;
	__m256i len_sum = _mm256_setzero_si256(), id_over;
	const struct ena_rx_cdesc *c;
	unsigned int k;

	if (!ena_rx_vec_begin(r, p, &w))
		return;
	id_over = _mm256_set1_epi32((int)w.id_over);
	while (w.nb + 8 <= n && (c = ena_rx_vec_group(&w, 8)) != NULL) {
		__m128i d[8];
		__m256i x[4], lo01, lo23, hi01, hi23, st, ids, lens, offs;
		__m256i posted, bad;
		struct rte_mbuf *m[8];
		uint32_t id[8], off[8];
		ena_plat_u32x4 cls[2];

#pragma GCC unroll 8
		for (k = 0; k < 8; k++)
			d[k] = _mm_loadu_si128((const __m128i *)&c[k]);
#pragma GCC unroll 4
		for (k = 0; k < 4; k++)
			x[k] = _mm256_inserti128_si256(
				_mm256_castsi128_si256(d[k]), d[k + 4], 1);
		lo01 = _mm256_unpacklo_epi32(x[0], x[1]);
		lo23 = _mm256_unpacklo_epi32(x[2], x[3]);
		hi01 = _mm256_unpackhi_epi32(x[0], x[1]);
		hi23 = _mm256_unpackhi_epi32(x[2], x[3]);
		st = _mm256_unpacklo_epi64(lo01, lo23);
		ids = _mm256_unpackhi_epi64(lo01, lo23);
		lens = _mm256_and_si256(ids, lo16);
		ids = _mm256_srli_epi32(ids, 16);
		if (unlikely(!_mm256_testz_si256(ids, id_over)))
			break;
		_mm256_storeu_si256((__m256i *)(void *)id, ids);
		posted = _mm256_set_epi32(w.posted_len[id[7]],
			w.posted_len[id[6]], w.posted_len[id[5]],
			w.posted_len[id[4]], w.posted_len[id[3]],
			w.posted_len[id[2]], w.posted_len[id[1]],
			w.posted_len[id[0]]);
		offs = _mm256_and_si256(
			_mm256_srli_epi32(
				_mm256_unpackhi_epi64(hi01, hi23), 16),
			lo8);
		bad = _mm256_andnot_si256(
			_mm256_cmpeq_epi32(posted, _mm256_setzero_si256()),
			_mm256_cmpgt_epi32(
				_mm256_add_epi32(lens, offs), posted));
		if (unlikely(!_mm256_testz_si256(bad, bad)))
			break;
		_mm256_storeu_si256((__m256i *)(void *)off, offs);
		if (unlikely(!ena_rx_vec_take(w.slots, id, m, 8)))
			break;
		cls[0] = ena_hw_rx_cls4(
			(ena_plat_u32x4)_mm256_castsi256_si128(st));
		cls[1] = ena_hw_rx_cls4(
			(ena_plat_u32x4)_mm256_extracti128_si256(st, 1));
#pragma GCC unroll 8
		for (k = 0; k < 8; k++) {
			const struct ena_rx_cls_entry *e =
				&ena_rx_cls_tab[cls[k >> 2][k & 3]];

			_mm256_storeu_si256(
				(__m256i *)(void *)ena_mbuf_rearm_word(m[k]),
				_mm256_inserti128_si256(
					_mm256_castsi128_si256(ena_rx_vec_rearm(
						&w, off[k], e)),
					ena_rx_vec_fields(d[k], e->ptype), 1));
			w.csum_cnt += e->csum_cnt;
			rte_prefetch0(rte_pktmbuf_mtod(m[k], void *));
			pkts[w.nb + k] = m[k];
		}
		ena_rx_vec_next(&w,
			_mm_packus_epi32(_mm256_castsi256_si128(ids),
				_mm256_extracti128_si256(ids, 1)),
			id, 8);
		len_sum = _mm256_add_epi32(len_sum, lens);
	}
	ena_rx_vec_end(r, p, &w,
		_mm_add_epi32(_mm256_castsi256_si128(len_sum),
			_mm256_extracti128_si256(len_sum, 1)));
}
#endif

/*
 * The Rx burst from where the vector groups (if any) left it; vec is a
 * constant in each of its instances.
 */
static __rte_always_inline uint16_t
ena_rx_burst(struct ena_ring *r, struct rte_mbuf **pkts, uint16_t n,
	struct ena_rx_progress *p, bool vec)
{
	struct ena_hw_rx_ctx c;
	uint16_t nb, ntc, f, mask = r->size_mask;
	uint64_t bytes, csum_cnt;
	int rc;

#ifdef ENA_RX_VEC
	if (vec)
		ena_rx_vec4(r, pkts, n, p);
#else
	RTE_SET_USED(vec);
#endif
	nb = p->nb;
	ntc = p->ntc;
	bytes = p->bytes;
	csum_cnt = p->csum_cnt;
	c.frags = r->rx_frags;
	c.max_frags = r->sgl_size;
	while (nb < n) {
		struct rte_mbuf *head, *last, *m;
		uint16_t id;

		rc = ena_hw_rx_pkt(&r->cq, &r->sq, &c);
		if (unlikely(rc != 0)) {
			ena_rx_fail(r, rc, c.nfrags ? c.frags[0].req_id : 0);
			break;
		}
		if (c.nfrags == 0)
			break;
		id = c.frags[0].req_id;
		head = r->rx_mbufs[id];
		if (unlikely(head == NULL)) {
			/* In range but already handed out: device garbage. */
			ena_rx_fail(r, -ERANGE, id);
			break;
		}
		r->rx_mbufs[id] = NULL;
		r->free_ids[ntc++ & mask] = id;
		*ena_mbuf_rearm_word(head) = r->rx_mbuf_init;
		head->data_off = (uint16_t)(RTE_PKTMBUF_HEADROOM + c.offset);
		head->data_len = c.frags[0].len;
		head->pkt_len = c.frags[0].len;
		head->next = NULL;
		last = head;
		for (f = 1; f < c.nfrags; f++) {
			id = c.frags[f].req_id;
			m = r->rx_mbufs[id];
			if (unlikely(m == NULL)) {
				last->next = NULL;
				rte_pktmbuf_free(head);
				ena_rx_fail(r, -ERANGE, id);
				goto out;
			}
			r->rx_mbufs[id] = NULL;
			r->free_ids[ntc++ & mask] = id;
			*ena_mbuf_rearm_word(m) = r->rx_mbuf_init;
			m->data_len = c.frags[f].len;
			m->next = NULL;
			head->pkt_len += m->data_len;
			head->nb_segs++;
			last->next = m;
			last = m;
		}
		head->packet_type = ena_rx_cls_tab[c.cls].ptype;
		csum_cnt += ena_rx_cls_tab[c.cls].csum_cnt;
		head->ol_flags = ena_rx_cls_tab[c.cls].ol | r->rx_hash_flag;
		head->hash.rss = c.hash;
		bytes += head->pkt_len;
		rte_prefetch0(rte_pktmbuf_mtod(head, void *));
		pkts[nb++] = head;
	}
out:
	r->next_to_clean = ntc;
	if (nb != 0) {
		ena_stats_begin(r);
		r->rx_stats.cnt += nb;
		r->rx_stats.bytes += bytes;
		r->rx_stats.l4_csum_good += ENA_RX_CSUM_FIELD(
			csum_cnt, ENA_RX_CSUM_L4_GOOD);
		r->rx_stats.l3_csum_bad += ENA_RX_CSUM_FIELD(
			csum_cnt, ENA_RX_CSUM_L3_BAD);
		r->rx_stats.l4_csum_bad += ENA_RX_CSUM_FIELD(
			csum_cnt, ENA_RX_CSUM_L4_BAD);
		ena_stats_end(r);
	}
	if (ena_rx_free_slots(r) >= r->rx_refill_thresh &&
		likely(!r->reset_pending))
		ena_rx_refill(r, ena_rx_free_slots(r));
	return nb;
}

#ifdef ENA_RX_VEC
static __rte_noinline uint16_t
ena_recv_pkts_sse(struct ena_ring *r, struct rte_mbuf **pkts, uint16_t n)
{
	struct ena_rx_progress p = { 0, r->next_to_clean, 0, 0 };

	return ena_rx_burst(r, pkts, n, &p, true);
}

static __rte_noinline __attribute__((target("avx2"))) uint16_t
ena_recv_pkts_avx2(struct ena_ring *r, struct rte_mbuf **pkts, uint16_t n)
{
	struct ena_rx_progress p = { 0, r->next_to_clean, 0, 0 };

	ena_rx_vec8(r, pkts, n, &p);
	return ena_rx_burst(r, pkts, n, &p, true);
}
#endif

uint16_t
ena_recv_pkts(void *q, struct rte_mbuf **pkts, uint16_t n)
{
	struct ena_ring *r = q;
	struct ena_rx_progress p;

	if (unlikely(!r->run))
		return 0;
#ifdef ENA_RX_VEC
	if (r->rx_path == ENA_RX_PATH_AVX2)
		return ena_recv_pkts_avx2(r, pkts, n);
	if (r->rx_path == ENA_RX_PATH_SSE)
		return ena_recv_pkts_sse(r, pkts, n);
#endif
	p = (struct ena_rx_progress){ 0, r->next_to_clean, 0, 0 };
	return ena_rx_burst(r, pkts, n, &p, false);
}

/* Descriptors the device has filled and the driver not yet taken. */
uint32_t
ena_rx_queue_count(void *q)
{
	struct ena_ring *r = q;

	if (!r->started)
		return 0;
	return ena_hw_rx_comp_count(&r->cq, r->ring_size);
}

/*
 * Offsets count from the next descriptor the driver takes: the filled
 * ones first, then those posted to the device, then the ones the driver
 * holds (including the slot a ring always keeps empty).
 */
int
ena_rx_descriptor_status(void *q, uint16_t offset)
{
	struct ena_ring *r = q;

	if (offset >= r->ring_size)
		return -EINVAL;
	if (!r->started)
		return RTE_ETH_RX_DESC_UNAVAIL;
	if (offset < ena_hw_rx_comp_count(&r->cq, offset + 1))
		return RTE_ETH_RX_DESC_DONE;
	if (offset < (uint16_t)(r->sq.tail - r->sq.next_to_comp))
		return RTE_ETH_RX_DESC_AVAIL;
	return RTE_ETH_RX_DESC_UNAVAIL;
}

/* For rte_power_monitor(): -1 (do not sleep) once the phase has turned. */
static int
ena_rx_monitor_cb(const uint64_t value,
	const uint64_t opaque[RTE_POWER_MONITOR_OPAQUE_SZ])
{
	return (value & opaque[0]) == opaque[1] ? -1 : 0;
}

int
ena_rx_get_monitor_addr(void *q, struct rte_power_monitor_cond *pmc)
{
	struct ena_ring *r = q;
	const volatile uint32_t *status;
	uint32_t mask, value;

	if (!r->started)
		return -EINVAL;
	ena_hw_rx_comp_next(&r->cq, &status, &mask, &value);
	pmc->addr = (volatile void *)(uintptr_t)status;
	pmc->size = sizeof(*status);
	pmc->fn = ena_rx_monitor_cb;
	pmc->opaque[0] = mask;
	pmc->opaque[1] = value;
	return 0;
}

const uint32_t *
ena_supported_ptypes(struct rte_eth_dev *dev, size_t *n)
{
	static const uint32_t ptypes[] = {
		RTE_PTYPE_L2_ETHER,
		RTE_PTYPE_L3_IPV4,
		RTE_PTYPE_L3_IPV6,
		RTE_PTYPE_L4_TCP,
		RTE_PTYPE_L4_UDP,
		RTE_PTYPE_L4_FRAG,
		RTE_PTYPE_UNKNOWN,
	};

	if (dev->rx_pkt_burst == ena_recv_pkts) {
		*n = RTE_DIM(ptypes) - 1;
		return ptypes;
	}
	*n = 0;
	return NULL;
}

/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_errno.h>
#include <rte_ip.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_memcpy.h>
#include <rte_mempool.h>
#include <rte_net.h>
#include <rte_prefetch.h>
#include <rte_vect.h>
#ifdef RTE_ARCH_X86
#include <rte_cpuflags.h>
#endif

#include "ena_ethdev.h"
#include "ena_logs.h"

#define ENA_TX_CLEAN_MAX 256

/* mbuf Tx flags that request an offload of this device. */
#define ENA_TX_OL_REQUESTS \
	(RTE_MBUF_F_TX_IP_CKSUM | RTE_MBUF_F_TX_L4_MASK | RTE_MBUF_F_TX_TCP_SEG)
/* Every Tx flag this driver understands (the L3 type ones describe). */
#define ENA_TX_OL_KNOWN \
	(ENA_TX_OL_REQUESTS | RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IPV6)

/*
 * Shortest frame the device sends: one with a whole Ethernet header (the
 * device pads it to the wire minimum itself, so a 42 B ARP reply goes out).
 */
#define ENA_TX_MIN_FRAME RTE_ETHER_HDR_LEN
/* What a frame may carry beyond the MTU: Ethernet header and two tags. */
#define ENA_TX_L2_OVERHEAD (RTE_ETHER_HDR_LEN + 2 * RTE_VLAN_HLEN)

/* ---- setup / release ------------------------------------------------------ */

void
ena_tx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	ena_queue_release(dev, &ena_adapter_of(dev)->tx_ring[qid]);
}

int
ena_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb,
	unsigned int socket, const struct rte_eth_txconf *conf)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	struct ena_ring *r = &ad->tx_ring[qid];
	uint64_t offloads = conf->offloads |
		dev->data->dev_conf.txmode.offloads;
	int rc;

	rc = ena_queue_setup_check(ad, "txq", ad->tx_ring, qid, nb,
		ad->max_tx_ring, offloads, ad->tx_offload_capa);
	if (rc != 0)
		return rc;
	if (r->configured)
		ena_tx_queue_release(dev, qid);

	memset(r, 0, sizeof(*r));
	rc = ena_queue_mem_alloc(
		dev, r, false, qid, nb, socket, sizeof(*r->tx_bufs), offloads);
	if (rc != 0)
		return rc;
	r->sgl_size = ad->max_tx_sgl;
	/* The device counts the meta descriptor in its per-packet limit. */
	r->tx_seg_max = (uint16_t)RTE_MAX(r->sgl_size - 1, 1);
	r->tx_max_frame = (uint32_t)dev->data->mtu + ENA_TX_L2_OVERHEAD;
	r->deferred_start = conf->tx_deferred_start != 0;
	r->fast_free = (offloads & RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE) != 0;
	r->tx_free_thresh = conf->tx_free_thresh != 0 &&
			conf->tx_free_thresh < nb
		? conf->tx_free_thresh
		: (uint16_t)(nb - RTE_MIN(nb * 3 / 4, ENA_TX_INFLIGHT_MAX));
	r->tx_ol_mask = 0;
	if (offloads & RTE_ETH_TX_OFFLOAD_IPV4_CKSUM)
		r->tx_ol_mask |= RTE_MBUF_F_TX_IP_CKSUM;
	if (offloads &
		(RTE_ETH_TX_OFFLOAD_UDP_CKSUM | RTE_ETH_TX_OFFLOAD_TCP_CKSUM))
		r->tx_ol_mask |= RTE_MBUF_F_TX_L4_MASK;
	if (offloads & RTE_ETH_TX_OFFLOAD_TCP_TSO)
		r->tx_ol_mask |= RTE_MBUF_F_TX_TCP_SEG;
	r->configured = true;
	dev->data->tx_queues[qid] = r;
	return 0;
}

/* ---- start / stop ----------------------------------------------------------- */

/* 32-byte LLQ stores: the CPU has them and the application allows them. */
static bool
ena_tx_wide_stores(void)
{
#ifdef RTE_ARCH_X86
	return rte_cpu_get_flag_enabled(RTE_CPUFLAG_AVX2) > 0 &&
		rte_vect_get_max_simd_bitwidth() >= RTE_VECT_SIMD_256;
#else
	return false;
#endif
}

int
ena_tx_queue_start_hw(struct ena_adapter *ad, struct ena_ring *r)
{
	uint16_t i;
	int rc;

	if (!r->configured)
		return -EINVAL;
	if (r->started)
		return 0;
	rc = ena_queue_io_create(ad, r, -1,
		ad->llq_active ? ENA_HW_PLACEMENT_DEV : ENA_HW_PLACEMENT_HOST);
	if (rc != 0)
		return rc;
	r->tx_max_hdr = ad->llq_active ? ad->llq_hdr_max : 0;
	r->tx_llq_wide = ad->llq_active && ena_tx_wide_stores();
	r->tx_l4_full = ad->tx_l4_v4_full;
	for (i = 0; i < r->ring_size; i++) {
		r->tx_bufs[i].mbuf = NULL;
		r->tx_bufs[i].ts = 0;
	}
	r->missing_thresh = ad->hw.missing_tx_threshold != 0
		? ad->hw.missing_tx_threshold
		: ENA_MISSING_TX_BUDGET;
	r->reset_pending = ad->trigger_reset;
	r->started = true;
	r->run = !ad->link_forced_down;
	return 0;
}

void
ena_tx_queue_stop_hw(struct ena_adapter *ad, struct ena_ring *r)
{
	uint16_t i;

	if (!ena_queue_io_destroy(ad, r))
		return;
	for (i = 0; i < r->ring_size; i++) {
		if (r->tx_bufs[i].mbuf != NULL) {
			rte_pktmbuf_free(r->tx_bufs[i].mbuf);
			r->tx_bufs[i].mbuf = NULL;
		}
		r->tx_bufs[i].ts = 0;
	}
}

/* ---- completion ------------------------------------------------------------- */

/*
 * A completion naming a packet not in flight. The base layer has already
 * logged an id beyond the ring (base_logged); one within it is reported
 * here, once.
 */
static void
ena_tx_bad_req_id(struct ena_ring *r, uint16_t id, bool base_logged)
{
	r->tx_stats.bad_req_id++;
	r->tx_stats.errors++;
	/* The queue is unusable until the device is reset. */
	r->run = false;
	if (!base_logged && !r->adapter->trigger_reset)
		PMD_TX_LOG(ERR,
			"%s: txq %u: completion with bad req_id %u; "
			"device reset needed",
			r->adapter->name, r->id, id);
	ena_trigger_reset(r->adapter, ENA_RESET_REASON_INV_TX_REQ_ID);
}

/*
 * Reclaims up to budget completed packets; returns how many. Inlined once
 * per fast_free value. Completed mbufs go back to their pool in one bulk
 * put when rte_pktmbuf_free() would put them there unchanged; any other
 * takes rte_pktmbuf_free() as it is reaped. With fast free (one pool,
 * refcnt 1, direct: the application's promise) that is each packet the
 * burst sent as one segment, and its mbuf is not read. Otherwise it is a
 * packet of one segment from the first one's pool, direct and held by
 * nobody else. One segment means no next: the burst refused every chain
 * that disagreed with its nb_segs.
 */
static __rte_always_inline uint16_t
ena_tx_clean_mode(struct ena_ring *r, uint16_t budget, const bool fast_free)
{
	struct rte_mbuf *done[ENA_TX_CLEAN_MAX];
	struct ena_tx_buf *bufs = r->tx_bufs;
	uint16_t *free_ids = r->free_ids;
	const uint16_t mask = r->size_mask;
	uint16_t n = 0, reaped = 0, ntc = r->next_to_clean, id = 0, acked = 0;
	struct rte_mempool *mp = NULL;
	struct ena_hw_tx_comp_cursor cur;
	int rc, bad = 0;

	/* After a bad completion the queue waits for the reset. */
	if (unlikely(!r->run))
		return 0;
	if (budget > ENA_TX_CLEAN_MAX)
		budget = ENA_TX_CLEAN_MAX;
	ena_hw_tx_comp_begin(&r->cq, &cur);
	while (reaped < budget) {
		struct ena_tx_buf *b;
		struct rte_mbuf *m;

		rc = ena_hw_tx_comp_next(&cur, &id);
		if (rc != 0) {
			/* -ERANGE: base logged the id beyond the ring. */
			if (unlikely(rc != -EAGAIN))
				bad = 1;
			break;
		}
		b = &bufs[id];
		m = b->mbuf;
		if (unlikely(m == NULL)) {
			bad = 2;
			break;
		}
		acked = (uint16_t)(acked + b->descs);
		b->mbuf = NULL;
		b->ts = 0;
		free_ids[ntc++ & mask] = id;
		reaped++;
		if (!fast_free && unlikely(mp == NULL))
			mp = m->pool;
		if (likely(b->nb_segs == 1 &&
			    (fast_free ||
				    (m->pool == mp && RTE_MBUF_DIRECT(m) &&
					    rte_mbuf_refcnt_read(m) == 1))))
			done[n++] = m;
		else
			rte_pktmbuf_free(m);
	}
	ena_hw_tx_comp_end(&r->cq, &cur);
	if (unlikely(bad != 0))
		ena_tx_bad_req_id(r, id, bad == 1);
	if (reaped == 0)
		return 0;
	ena_hw_tx_comp_ack(&r->sq, acked);
	r->next_to_clean = ntc;
	ena_hw_cq_head_update(&r->cq);
	if (n > 0)
		rte_mempool_put_bulk(
			fast_free ? done[0]->pool : mp, (void **)done, n);
	return reaped;
}

static uint16_t
ena_tx_clean(struct ena_ring *r, uint16_t budget)
{
	if (r->fast_free)
		return ena_tx_clean_mode(r, budget, true);
	return ena_tx_clean_mode(r, budget, false);
}

int
ena_tx_done_cleanup(void *q, uint32_t free_cnt)
{
	struct ena_ring *r = q;
	uint32_t total = 0;
	uint16_t n;

	if (!r->started)
		return 0;
	if (free_cnt == 0)
		free_cnt = r->ring_size;
	do {
		n = ena_tx_clean(r,
			(uint16_t)RTE_MIN(
				free_cnt - total, (uint32_t)ENA_TX_CLEAN_MAX));
		total += n;
	} while (n > 0 && total < free_cnt);
	return (int)total;
}

/* ---- transmit ----------------------------------------------------------------- */

/* Fills the offload part of the context from mbuf flags. */
static inline void
ena_tx_offload_ctx(const struct ena_ring *r, const struct rte_mbuf *m,
	struct ena_hw_tx_ctx *c)
{
	uint64_t fl = m->ol_flags & r->tx_ol_mask;
	uint64_t l4 = fl & RTE_MBUF_F_TX_L4_MASK;

	c->flags = 0;
	c->meta_valid = false;
	c->l3_proto = ENA_L3_PROTO_UNKNOWN;
	c->l4_proto = ENA_L4_PROTO_UNKNOWN;
	if (likely(fl == 0))
		return;
	if (m->ol_flags & RTE_MBUF_F_TX_IPV4) {
		c->l3_proto = ENA_L3_PROTO_IPV4;
		if (fl & RTE_MBUF_F_TX_IP_CKSUM)
			c->flags |= ENA_HW_TX_L3_CSUM;
		c->flags |= ENA_HW_TX_DF;
	} else if (m->ol_flags & RTE_MBUF_F_TX_IPV6) {
		c->l3_proto = ENA_L3_PROTO_IPV6;
	}
	if (fl & RTE_MBUF_F_TX_TCP_SEG) {
		c->l4_proto = ENA_L4_PROTO_TCP;
		c->flags |= ENA_HW_TX_TSO | ENA_HW_TX_L4_CSUM;
	} else if (l4 == RTE_MBUF_F_TX_TCP_CKSUM) {
		c->l4_proto = ENA_L4_PROTO_TCP;
		c->flags |= ENA_HW_TX_L4_CSUM;
	} else if (l4 == RTE_MBUF_F_TX_UDP_CKSUM) {
		c->l4_proto = ENA_L4_PROTO_UDP;
		c->flags |= ENA_HW_TX_L4_CSUM;
	}
	if ((c->flags & ENA_HW_TX_L4_CSUM) && !r->tx_l4_full)
		c->flags |= ENA_HW_TX_L4_CSUM_PARTIAL;
	c->meta_valid = true;
	c->meta.mss = (uint16_t)m->tso_segsz;
	c->meta.l3_hdr_len = (uint8_t)m->l3_len;
	c->meta.l3_hdr_off = (uint8_t)m->l2_len;
	c->meta.l4_hdr_words = (uint8_t)(m->l4_len / 4);
}

/*
 * Maps the mbuf chain to device buffers. In LLQ mode the first tx_max_hdr
 * bytes (or the whole packet if shorter) go into the device entry and are
 * left out of the buffer list.
 *
 * The chain is checked against its head while it is walked: it must hold
 * exactly nb_segs segments whose data_len add up to a non-zero pkt_len.
 * The walk never takes more than nb_segs segments, and the caller only
 * passes packets of at most tx_seg_max of them, so tx_segs cannot be
 * overrun whatever the next pointers say; the header copy reads only once
 * the chain is known to hold pkt_len bytes. False: drop the packet.
 */
static inline bool
ena_tx_map(struct ena_ring *r, struct rte_mbuf *m, struct ena_hw_tx_ctx *c)
{
	struct ena_hw_buf *b = r->tx_segs;
	const struct rte_mbuf *s = m;
	uint32_t left = m->pkt_len;
	uint16_t nb = 0, segs = m->nb_segs, skip = 0, len;

	if (unlikely(left == 0))
		return false;
	if (r->tx_max_hdr != 0)
		skip = (uint16_t)RTE_MIN(left, (uint32_t)r->tx_max_hdr);
	c->push_len = skip;
	do {
		len = s->data_len;
		if (unlikely(segs == 0 || len > left))
			return false;
		segs--;
		left -= len;
		if (len > skip) {
			b[nb].iova = rte_mbuf_data_iova(s) + skip;
			b[nb].len = (uint16_t)(len - skip);
			nb++;
			skip = 0;
		} else {
			skip = (uint16_t)(skip - len);
		}
		s = s->next;
	} while (s != NULL);
	if (unlikely(segs != 0 || left != 0))
		return false;
	c->push_hdr = NULL;
	if (c->push_len != 0) {
		if (likely(m->data_len >= c->push_len))
			c->push_hdr = rte_pktmbuf_mtod(m, void *);
		else
			c->push_hdr = rte_pktmbuf_read(
				m, 0, c->push_len, r->llq_hdr_buf);
	}
	c->bufs = b;
	c->nbufs = nb;
	return true;
}

/* Data room of an mbuf of pool mp, headroom excluded. */
static inline uint32_t
ena_tx_room(struct rte_mempool *mp)
{
	uint32_t room = rte_pktmbuf_data_room_size(mp);

	return room > RTE_PKTMBUF_HEADROOM ? room - RTE_PKTMBUF_HEADROOM : 0;
}

/*
 * A chain of more segments than the device takes, copied into as few
 * mbufs of its own pool as its length needs (one when it fits one). The
 * copy follows the chain only as far as the head says and checks that it
 * adds up, like ena_tx_map. Returns the copy, the original freed; NULL
 * when the packet was dropped (no mbuf to be had, or the chain disagrees
 * with its head), the original freed too.
 */
static struct rte_mbuf *
ena_tx_linearize(const struct ena_ring *r, struct rte_mbuf *m)
{
	struct rte_mbuf *out[ENA_MAX_SEGS];
	struct rte_mempool *mp = m->pool;
	const struct rte_mbuf *s = m;
	uint32_t room = ena_tx_room(mp), left = m->pkt_len, off = 0, k, n;
	uint16_t segs = m->nb_segs;
	uint8_t *dst;

	/* Refused by tx_prepare; only a TSO packet can be this long. */
	if (left == 0 || room == 0 || left > room * (uint32_t)r->tx_seg_max)
		goto drop;
	for (n = 1; n * room < left; n++)
		;
	if (rte_pktmbuf_alloc_bulk(mp, out, n) != 0)
		goto drop;
	for (k = 0; k < n; k++) {
		out[k]->data_len = (uint16_t)RTE_MIN(room, left - k * room);
		out[k]->next = k + 1 < n ? out[k + 1] : NULL;
	}
	k = 0;
	dst = rte_pktmbuf_mtod(out[0], uint8_t *);
	for (; s != NULL && segs > 0; s = s->next, segs--) {
		const uint8_t *src = rte_pktmbuf_mtod(s, const uint8_t *);
		uint32_t len = s->data_len, chunk;

		if (len > left)
			break;
		left -= len;
		while (len > 0) {
			chunk = RTE_MIN(len, out[k]->data_len - off);
			rte_memcpy(dst + off, src, chunk);
			src += chunk;
			len -= chunk;
			off += chunk;
			if (off == out[k]->data_len && k + 1 < n) {
				k++;
				off = 0;
				dst = rte_pktmbuf_mtod(out[k], uint8_t *);
			}
		}
	}
	if (s != NULL || segs != 0 || left != 0) {
		rte_pktmbuf_free_bulk(out, n);
		goto drop;
	}
	out[0]->nb_segs = (uint16_t)n;
	out[0]->pkt_len = m->pkt_len;
	out[0]->ol_flags = m->ol_flags;
	out[0]->tx_offload = m->tx_offload;
	out[0]->packet_type = m->packet_type;
	out[0]->vlan_tci = m->vlan_tci;
	out[0]->vlan_tci_outer = m->vlan_tci_outer;
	out[0]->port = m->port;
	rte_pktmbuf_free(m);
	return out[0];
drop:
	rte_pktmbuf_free(m);
	return NULL;
}

/* The packet m, sent at now in descs descriptors, holds its slot. */
static __rte_always_inline void
ena_tx_slot_take(
	struct ena_tx_buf *b, struct rte_mbuf *m, uint64_t now, uint16_t descs)
{
	b->mbuf = m;
	b->ts = now;
	b->descs = descs;
	b->nb_segs = m->nb_segs;
	b->warned = false;
}

/* A packet of one buffer, its lengths agreeing, without offload request. */
static __rte_always_inline bool
ena_tx_one_ok(const struct rte_mbuf *m, uint64_t ol_mask)
{
	return m->nb_segs == 1 && m->next == NULL &&
		(m->ol_flags & ol_mask) == 0 && m->pkt_len == m->data_len &&
		m->pkt_len != 0;
}

/*
 * Host placement: the run of packets of one buffer from pkts[0], at most
 * max of them, through the base layer's cursor. It stops at the first
 * packet that is not one buffer without offload request, or whose address
 * the device cannot reach: the general path takes that one. Returns the
 * packets queued; advances *ntu and *bytes. Out of line, so that the run
 * has the registers to itself.
 */
static __rte_noinline uint16_t
ena_tx_host_run(struct ena_ring *r, struct rte_mbuf **pkts, uint16_t max,
	uint64_t now, uint16_t *ntup, uint64_t *bytes)
{
	struct ena_tx_buf *bufs = r->tx_bufs;
	const uint16_t *free_ids = r->free_ids;
	const uint16_t mask = r->size_mask;
	const uint64_t ol_mask = r->tx_ol_mask;
	struct ena_hw_tx_cursor cur;
	uint16_t ntu = *ntup, i;
	uint64_t sum = 0;

	ena_hw_tx_put_begin(&r->sq, &cur);
	for (i = 0; i < max; i++) {
		struct rte_mbuf *m = pkts[i];
		uint16_t id;

		if (unlikely(!ena_tx_one_ok(m, ol_mask)))
			break;
		id = free_ids[ntu & mask];
		if (unlikely(!ena_hw_tx_put(
			    &cur, rte_mbuf_data_iova(m), m->data_len, id)))
			break;
		ena_tx_slot_take(&bufs[id], m, now, 1);
		ntu++;
		sum += m->pkt_len;
	}
	ena_hw_tx_put_end(&r->sq, &cur);
	*ntup = ntu;
	*bytes += sum;
	return i;
}

/*
 * The Tx burst; wide is a constant in each of its two instances, so the
 * LLQ entry stores compile for the instance's instruction set.
 */
static __rte_always_inline uint16_t
ena_xmit_burst(
	struct ena_ring *r, struct rte_mbuf **pkts, uint16_t n, bool wide)
{
	struct ena_hw_tx_ctx c;
	uint64_t bytes = 0, now;
	uint16_t sent = 0, queued = 0, dropped = 0, lin = 0, used = 0, id, need;
	uint16_t room, one_slots, ntu = r->next_to_use;
	/* Locals: the stores below would otherwise reload them per packet. */
	struct ena_tx_buf *bufs = r->tx_bufs;
	const uint16_t *free_ids = r->free_ids;
	const uint16_t mask = r->size_mask;
	const uint64_t ol_mask = r->tx_ol_mask;
	bool llq = r->tx_max_hdr != 0, busy, one, llq_one;
	int rc;

	if (unlikely(!r->run))
		return 0;
	room = ena_hw_sq_free(&r->sq);
	if (room < r->tx_free_thresh) {
		ena_tx_clean(r, r->ring_size);
		room = ena_hw_sq_free(&r->sq);
	}
	one = !llq && ena_hw_sq_tx_one_ready(&r->sq);
	llq_one = llq && ena_hw_sq_llq_one_ready(&r->sq, r->tx_max_hdr);
	one_slots = ena_hw_sq_slots_for(&r->sq, 2);
	now = rte_get_timer_cycles();
	for (; sent < n; sent++) {
		struct rte_mbuf *m;

		/* The wide instance serves LLQ queues only. */
		if (!wide && one && room >= one_slots) {
			/*
			 * Host placement: the run of packets of one buffer
			 * from here while the room lasts. The packet it stops
			 * at takes the loop below, which cleans when the ring
			 * is full and refuses an address the device cannot
			 * reach.
			 */
			const uint16_t start = sent;

			sent = (uint16_t)(sent +
				ena_tx_host_run(r, pkts + sent,
					(uint16_t)RTE_MIN(
						n - sent, room - one_slots + 1),
					now, &ntu, &bytes));
			room = (uint16_t)(room - (sent - start));
			queued = (uint16_t)(queued + (sent - start));
			if (sent == n)
				break;
		}
		m = pkts[sent];
		if (sent + 1 < n)
			rte_prefetch0(pkts[sent + 1]);
		if (likely((one || llq_one) && ena_tx_one_ok(m, ol_mask))) {
			/*
			 * One buffer, no offload: one descriptor (with LLQ,
			 * one entry with the header pushed), no context to
			 * build. The room kept is that of any packet of one
			 * segment (its linearised copy's bound).
			 */
			if (unlikely(room < one_slots)) {
				ena_tx_clean(r, r->ring_size);
				room = ena_hw_sq_free(&r->sq);
				if (room < one_slots)
					break;
			}
			id = free_ids[ntu & mask];
			if (one) {
				rc = ena_hw_tx_put_one(&r->sq,
					rte_mbuf_data_iova(m), m->data_len, id);
			} else {
				uint16_t push = (uint16_t)RTE_MIN(
					m->data_len, r->tx_max_hdr);

				if (unlikely(ena_hw_sq_llq_budget_spent(
					    &r->sq))) {
					ena_hw_sq_doorbell(&r->sq);
					r->tx_stats.doorbells++;
				}
				rc = ena_hw_tx_put_one_llq(&r->sq,
					rte_pktmbuf_mtod(m, void *), push,
					rte_mbuf_data_iova(m) + push,
					(uint16_t)(m->data_len - push), id,
					wide);
			}
			if (likely(rc > 0)) {
				used = (uint16_t)rc;
				room = (uint16_t)(room - used);
				rc = 0;
			}
			goto done;
		}
		/* Room for the packet, or for its linearised copy. */
		need = (uint16_t)RTE_MIN(m->nb_segs, r->tx_seg_max) + 1;
		if (unlikely(!ena_hw_sq_has_room(&r->sq, need))) {
			if (ena_tx_clean(r, r->ring_size) == 0 ||
				!ena_hw_sq_has_room(&r->sq, need))
				break;
		}
		if (unlikely(m->nb_segs > r->tx_seg_max)) {
			m = ena_tx_linearize(r, m);
			if (m == NULL) {
				dropped++;
				continue;
			}
			lin++;
		}
		if (unlikely(!ena_tx_map(r, m, &c))) {
			/* The chain disagrees with its head: drop it. */
			rte_pktmbuf_free(m);
			dropped++;
			continue;
		}
		ena_tx_offload_ctx(r, m, &c);
		id = free_ids[ntu & mask];
		c.req_id = id;
		if (unlikely(ena_hw_sq_doorbell_needed(&r->sq, &c))) {
			ena_hw_sq_doorbell(&r->sq);
			r->tx_stats.doorbells++;
		}
		busy = false;
retry:
		rc = ena_hw_tx_prepare_w(&r->sq, &c, &used, wide);
		if (unlikely(rc == -EBUSY) && !busy) {
			/* One call site keeps the inlined prepare single. */
			ena_hw_sq_doorbell(&r->sq);
			r->tx_stats.doorbells++;
			busy = true;
			goto retry;
		}
		/* What the fast path counts on: this packet's descriptors. */
		room = ena_hw_sq_free(&r->sq);
done:
		if (unlikely(rc != 0)) {
			/* The application keeps what was not sent, but a copy
			 * is ours: it goes with the original. */
			if (rc == -ENOSPC && m == pkts[sent])
				break;
			if (rc != -ENOSPC)
				r->tx_stats.prepare_ctx_err++;
			rte_pktmbuf_free(m);
			dropped++;
			continue;
		}
		ena_tx_slot_take(&bufs[id], m, now, used);
		ntu++;
		bytes += m->pkt_len;
		queued++;
	}
	r->next_to_use = ntu;
	if (r->sq.db_tail != r->sq.tail) {
		ena_hw_sq_doorbell(&r->sq);
		r->tx_stats.doorbells++;
	}
	ena_stats_begin(r);
	r->tx_stats.tx_poll++;
	r->tx_stats.cnt += queued;
	r->tx_stats.bytes += bytes;
	r->tx_stats.errors += dropped;
	r->tx_stats.linearize += lin;
	r->tx_stats.llq_pushes += llq ? queued : 0;
	r->tx_stats.available_desc = ena_hw_sq_free(&r->sq);
	ena_stats_end(r);
	return sent;
}

#ifdef RTE_ARCH_X86
/* LLQ entries in 32-byte stores; used only where the CPU has AVX2. */
static __rte_noinline __attribute__((target("avx2"))) uint16_t
ena_xmit_pkts_avx2(struct ena_ring *r, struct rte_mbuf **pkts, uint16_t n)
{
	return ena_xmit_burst(r, pkts, n, true);
}
#endif

uint16_t
ena_xmit_pkts(void *q, struct rte_mbuf **pkts, uint16_t n)
{
	struct ena_ring *r = q;

#ifdef RTE_ARCH_X86
	if (r->tx_llq_wide)
		return ena_xmit_pkts_avx2(r, pkts, n);
#endif
	return ena_xmit_burst(r, pkts, n, false);
}

/* ---- prepare ------------------------------------------------------------------ */

/* tx_prepare's verdict on one packet: logged at debug level, then errno. */
static int
ena_prep_refuse(const struct ena_ring *r, const struct rte_mbuf *m, int err,
	const char *why, uint64_t value)
{
	PMD_TX_LOG(DEBUG,
		"%s: txq %u: packet refused: %s (%" PRIu64 "; pkt_len %u, "
		"nb_segs %u, ol_flags 0x%" PRIx64 ")",
		r->adapter->name, r->id, why, value, m->pkt_len, m->nb_segs,
		m->ol_flags);
	return err;
}

/* The offload requests of a packet; 0 or a positive errno. */
static int
ena_prep_offloads(const struct ena_ring *r, struct rte_mbuf *m)
{
	const struct ena_adapter *ad = r->adapter;
	uint64_t fl = m->ol_flags, req = fl & ENA_TX_OL_REQUESTS;
	int rc;

	if (fl & RTE_MBUF_F_TX_OFFLOAD_MASK & ~ENA_TX_OL_KNOWN)
		return ena_prep_refuse(r, m, ENOTSUP,
			"offload this device does not have",
			fl & RTE_MBUF_F_TX_OFFLOAD_MASK & ~ENA_TX_OL_KNOWN);
	if (likely(req == 0))
		return 0;
	if (req & ~r->tx_ol_mask)
		return ena_prep_refuse(r, m, EINVAL,
			"offload not enabled on the queue",
			req & ~r->tx_ol_mask);
	if ((fl & RTE_MBUF_F_TX_L4_MASK) == RTE_MBUF_F_TX_SCTP_CKSUM)
		return ena_prep_refuse(r, m, ENOTSUP, "SCTP checksum",
			fl & RTE_MBUF_F_TX_L4_MASK);
	if (!(fl & (RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IPV6)))
		return ena_prep_refuse(r, m, EINVAL,
			"offload without RTE_MBUF_F_TX_IPV4/6", req);
	if ((fl & RTE_MBUF_F_TX_IP_CKSUM) && !(fl & RTE_MBUF_F_TX_IPV4))
		return ena_prep_refuse(r, m, EINVAL, "IP checksum of IPv6", fl);
	if (m->l2_len == 0 || m->l3_len == 0)
		return ena_prep_refuse(r, m, EINVAL, "l2_len or l3_len of 0",
			(uint64_t)m->l2_len << 16 | m->l3_len);
	if ((fl & (RTE_MBUF_F_TX_L4_MASK | RTE_MBUF_F_TX_TCP_SEG)) &&
		(fl & RTE_MBUF_F_TX_IPV6) && !ad->tx_l4_v6)
		return ena_prep_refuse(r, m, ENOTSUP, "IPv6 L4 checksum", fl);
	if (fl & RTE_MBUF_F_TX_TCP_SEG) {
		if ((fl & RTE_MBUF_F_TX_IPV6) && !ad->tx_tso_v6)
			return ena_prep_refuse(r, m, ENOTSUP, "IPv6 TSO", fl);
		if (m->tso_segsz == 0 || m->l4_len == 0)
			return ena_prep_refuse(r, m, EINVAL,
				"TSO without tso_segsz or l4_len",
				m->tso_segsz);
		if (r->tx_max_hdr != 0 &&
			m->l2_len + m->l3_len + m->l4_len > r->tx_max_hdr)
			return ena_prep_refuse(r, m, EINVAL,
				"TSO headers longer than the LLQ header",
				m->l2_len + m->l3_len + m->l4_len);
	}
#ifdef RTE_LIBRTE_ETHDEV_DEBUG
	rc = rte_validate_tx_offload(m);
	if (rc != 0)
		return -rc;
#endif
	/* Partial L4 checksum: the device wants the pseudo header. */
	if ((fl & (RTE_MBUF_F_TX_L4_MASK | RTE_MBUF_F_TX_TCP_SEG)) &&
		!r->tx_l4_full) {
		rc = rte_net_intel_cksum_flags_prepare(
			m, fl & ~RTE_MBUF_F_TX_IP_CKSUM);
		if (rc != 0)
			return ena_prep_refuse(r, m, -rc,
				"pseudo-header checksum", (uint64_t)-rc);
	}
	return 0;
}

/*
 * Everything the burst would drop or the device would refuse: a chain that
 * disagrees with its head or has an empty segment, a runt, a frame longer
 * than the MTU allows (TSO aside), a chain too long to linearise, offload
 * requests the queue cannot honour. 0 or a positive errno.
 */
static int
ena_prep_one(const struct ena_ring *r, struct rte_mbuf *m)
{
	const struct rte_mbuf *s = m;
	uint32_t sum = 0;
	uint16_t segs = 0;

	for (; s != NULL; s = s->next) {
		if (++segs > m->nb_segs)
			return ena_prep_refuse(r, m, EINVAL,
				"chain longer than nb_segs", segs);
		if (s->data_len == 0)
			return ena_prep_refuse(r, m, EINVAL,
				"empty segment at position", segs - 1);
		sum += s->data_len;
	}
	if (segs != m->nb_segs)
		return ena_prep_refuse(
			r, m, EINVAL, "chain shorter than nb_segs", segs);
	if (sum != m->pkt_len)
		return ena_prep_refuse(
			r, m, EINVAL, "segments do not add up to pkt_len", sum);
	if (m->pkt_len < ENA_TX_MIN_FRAME)
		return ena_prep_refuse(r, m, EINVAL, "runt frame", m->pkt_len);
	if (m->pkt_len > r->tx_max_frame &&
		!(m->ol_flags & RTE_MBUF_F_TX_TCP_SEG))
		return ena_prep_refuse(
			r, m, EINVAL, "frame above MTU + L2", r->tx_max_frame);
	if (m->nb_segs > r->tx_seg_max &&
		m->pkt_len > ena_tx_room(m->pool) * (uint32_t)r->tx_seg_max)
		return ena_prep_refuse(r, m, EINVAL,
			"too many segments to linearise", m->nb_segs);
	return ena_prep_offloads(r, m);
}

uint16_t
ena_prep_pkts(void *q, struct rte_mbuf **pkts, uint16_t n)
{
	struct ena_ring *r = q;
	uint16_t i;
	int rc;

	for (i = 0; i < n; i++) {
		rc = ena_prep_one(r, pkts[i]);
		if (unlikely(rc != 0)) {
			rte_errno = rc;
			return i;
		}
	}
	return i;
}

/* Frame limit of every Tx ring for a new MTU. */
void
ena_tx_mtu_update(struct ena_adapter *ad, uint16_t mtu)
{
	unsigned int q;

	for (q = 0; q < RTE_DIM(ad->tx_ring); q++)
		ad->tx_ring[q].tx_max_frame = (uint32_t)mtu +
			ENA_TX_L2_OVERHEAD;
}

struct ena_tx_done_slots {
	const struct ena_ring *r;
	uint32_t slots;
};

static void
ena_tx_add_done_slots(void *arg, uint16_t req_id)
{
	struct ena_tx_done_slots *d = arg;

	d->slots += d->r->tx_bufs[req_id].descs;
}

/*
 * Offsets count ring slots (descriptors, or LLQ entries) from where the
 * next packet goes: first the free slots (done with), then the one slot a
 * ring keeps empty, then the slots of packets in flight, oldest first,
 * done once the device completed them (in the order it completed them)
 * even if not reaped yet.
 */
int
ena_tx_descriptor_status(void *q, uint16_t offset)
{
	struct ena_ring *r = q;
	struct ena_tx_done_slots d = { .r = r, .slots = 0 };
	uint16_t used, free, k;

	if (offset >= r->ring_size)
		return -EINVAL;
	if (!r->started)
		return RTE_ETH_TX_DESC_UNAVAIL;
	used = (uint16_t)(r->sq.tail - r->sq.next_to_comp);
	free = (uint16_t)(r->ring_size - 1 - used);
	if (offset < free)
		return RTE_ETH_TX_DESC_DONE;
	if (offset == free)
		return RTE_ETH_TX_DESC_UNAVAIL;
	k = (uint16_t)(offset - free - 1);
	/* Every completed packet holds one slot at least. */
	ena_hw_tx_comp_peek(
		&r->cq, (uint16_t)(k + 1), ena_tx_add_done_slots, &d);
	return k < d.slots ? RTE_ETH_TX_DESC_DONE : RTE_ETH_TX_DESC_FULL;
}

int
ena_tx_burst_mode_get(
	struct rte_eth_dev *dev, uint16_t qid, struct rte_eth_burst_mode *mode)
{
	const struct ena_adapter *ad = ena_adapter_of(dev);
	const struct ena_ring *r = &ad->tx_ring[qid];
	/* A started queue made its choice; otherwise say what it would be. */
	bool wide = r->started ? r->tx_llq_wide : ena_tx_wide_stores();

	mode->flags = 0;
	if (ad->llq_active)
		snprintf(mode->info, sizeof(mode->info),
			"Scalar, LLQ %u B entries (header up to %u B), "
			"%u B stores",
			ad->hw.llq.entry_size, ad->llq_hdr_max,
			wide ? 32u : 16u);
	else
		snprintf(mode->info, sizeof(mode->info),
			"Scalar, descriptors in host memory");
	return 0;
}

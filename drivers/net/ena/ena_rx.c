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

int
ena_rx_burst_mode_get(
	struct rte_eth_dev *dev, uint16_t qid, struct rte_eth_burst_mode *mode)
{
	RTE_SET_USED(qid);
	mode->flags = 0;
	snprintf(mode->info, sizeof(mode->info), "Scalar%s",
		dev->data->scattered_rx ? ", scattered" : "");
	return 0;
}

/* ---- refill ----------------------------------------------------------------- */

/* Posts up to n fresh buffers with a single doorbell; returns posted count. */
static uint16_t
ena_rx_refill(struct ena_ring *r, uint16_t n)
{
	struct rte_mbuf *mbufs[ENA_RX_REFILL_MAX];
	uint16_t posted = 0, ntu = r->next_to_use, i, chunk;
	struct ena_hw_buf buf;

	while (n > 0) {
		chunk = RTE_MIN(n, (uint16_t)ENA_RX_REFILL_MAX);
		if (unlikely(rte_mempool_get_bulk(
				     r->mb_pool, (void **)mbufs, chunk) != 0)) {
			r->rx_stats.mbuf_alloc_fail++;
			r->rx_stats.refill_partial++;
			break;
		}
		for (i = 0; i < chunk; i++) {
			struct rte_mbuf *m = mbufs[i];
			uint16_t id = r->free_ids[ntu & r->size_mask];

			if (i + 4 < chunk)
				rte_prefetch0(mbufs[i + 4]);
			buf.iova = m->buf_iova + RTE_PKTMBUF_HEADROOM;
			buf.len = (uint16_t)(m->buf_len - RTE_PKTMBUF_HEADROOM);
			if (unlikely(ena_hw_rx_post(&r->sq, &buf, id) != 0)) {
				rte_mempool_put_bulk(r->mb_pool,
					(void **)&mbufs[i], chunk - i);
				r->rx_stats.refill_partial++;
				n = chunk = i;
				break;
			}
			r->rx_mbufs[id] = m;
			ntu++;
		}
		posted += chunk;
		n -= chunk;
	}
	if (posted > 0) {
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

/* What the burst sets per packet class: one lookup instead of branches. */
static struct ena_rx_cls_entry {
	uint64_t ol;
	uint32_t ptype;
} ena_rx_cls_tab[256];

RTE_INIT(ena_rx_cls_tab_init)
{
	unsigned int c;

	for (c = 0; c < RTE_DIM(ena_rx_cls_tab); c++) {
		ena_rx_cls_tab[c].ptype = ena_rx_cls_ptype(c);
		ena_rx_cls_tab[c].ol = ena_rx_cls_csum(c);
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

uint16_t
ena_recv_pkts(void *q, struct rte_mbuf **pkts, uint16_t n)
{
	struct ena_ring *r = q;
	struct ena_hw_rx_ctx c;
	uint16_t nb = 0, ntc = r->next_to_clean, f, mask = r->size_mask;
	uint64_t bytes = 0, ol;
	uint32_t good = 0, bad3 = 0, bad4 = 0;
	int rc;

	if (unlikely(!r->run))
		return 0;
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
		ol = ena_rx_cls_tab[c.cls].ol;
		good += (ol & RTE_MBUF_F_RX_L4_CKSUM_MASK) ==
			RTE_MBUF_F_RX_L4_CKSUM_GOOD;
		bad4 += (ol & RTE_MBUF_F_RX_L4_CKSUM_MASK) ==
			RTE_MBUF_F_RX_L4_CKSUM_BAD;
		bad3 += (ol & RTE_MBUF_F_RX_IP_CKSUM_MASK) ==
			RTE_MBUF_F_RX_IP_CKSUM_BAD;
		head->ol_flags = ol | r->rx_hash_flag;
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
		r->rx_stats.l4_csum_good += good;
		r->rx_stats.l3_csum_bad += bad3;
		r->rx_stats.l4_csum_bad += bad4;
		ena_stats_end(r);
	}
	if (ena_rx_free_slots(r) >= r->rx_refill_thresh &&
		likely(!r->reset_pending))
		ena_rx_refill(r, ena_rx_free_slots(r));
	return nb;
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

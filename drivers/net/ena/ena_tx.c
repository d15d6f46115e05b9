/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_errno.h>
#include <rte_ip.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_net.h>
#include <rte_prefetch.h>

#include "ena_ethdev.h"
#include "ena_logs.h"

#define ENA_TX_CLEAN_MAX 256

/* mbuf Tx flags this driver acts upon. */
#define ENA_TX_OL_FLAGS                                      \
	(RTE_MBUF_F_TX_IP_CKSUM | RTE_MBUF_F_TX_L4_MASK |    \
		RTE_MBUF_F_TX_TCP_SEG | RTE_MBUF_F_TX_IPV4 | \
		RTE_MBUF_F_TX_IPV6)

/* ---- setup / release ------------------------------------------------------ */

static void
ena_txq_free_mem(struct ena_ring *r)
{
	rte_free(r->tx_bufs);
	rte_free(r->free_ids);
	r->tx_bufs = NULL;
	r->free_ids = NULL;
	r->configured = false;
}

void
ena_tx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	struct ena_ring *r = &ad->tx_ring[qid];

	if (!r->configured)
		return;
	ena_tx_queue_stop_hw(ad, r);
	ena_txq_free_mem(r);
	dev->data->tx_queues[qid] = NULL;
}

int
ena_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb,
	unsigned int socket, const struct rte_eth_txconf *conf)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	struct ena_ring *r = &ad->tx_ring[qid];
	uint64_t offloads = conf->offloads |
		dev->data->dev_conf.txmode.offloads;
	uint16_t i;
	int rc;

	rc = ena_queue_setup_check(ad, "txq", ad->tx_ring, qid, nb,
		ad->max_tx_ring, offloads, ad->tx_offload_capa);
	if (rc != 0)
		return rc;
	if (r->configured)
		ena_tx_queue_release(dev, qid);

	memset(r, 0, offsetof(struct ena_ring, tx_segs));
	r->tx_bufs = rte_zmalloc_socket("ena_tx_bufs", sizeof(*r->tx_bufs) * nb,
		RTE_CACHE_LINE_SIZE, socket);
	r->free_ids = rte_zmalloc_socket("ena_tx_ids",
		sizeof(*r->free_ids) * nb, RTE_CACHE_LINE_SIZE, socket);
	if (r->tx_bufs == NULL || r->free_ids == NULL) {
		ena_txq_free_mem(r);
		PMD_DRV_LOG(ERR, "%s: txq %u: no memory for %u entries",
			ad->name, qid, nb);
		return -ENOMEM;
	}
	for (i = 0; i < nb; i++)
		r->free_ids[i] = i;
	r->adapter = ad;
	r->id = qid;
	r->is_rx = false;
	r->port_id = dev->data->port_id;
	r->ring_size = nb;
	r->size_mask = nb - 1;
	r->socket_id = socket;
	r->offloads = offloads;
	r->sgl_size = ad->max_tx_sgl;
	r->deferred_start = conf->tx_deferred_start != 0;
	r->fast_free = (offloads & RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE) != 0;
	r->tx_free_thresh = conf->tx_free_thresh != 0 &&
			conf->tx_free_thresh < nb
		? conf->tx_free_thresh
		: (uint16_t)(nb / 4);
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

int
ena_tx_queue_start_hw(struct ena_adapter *ad, struct ena_ring *r)
{
	struct ena_hw_io_params p;
	uint16_t i;
	int rc;

	if (!r->configured)
		return -EINVAL;
	if (r->started)
		return 0;
	memset(&p, 0, sizeof(p));
	p.qid = r->id;
	p.dir = ENA_HW_DIR_TX;
	p.depth = r->ring_size;
	p.msix_vector = -1;
	p.socket = (int)r->socket_id;
	p.placement = ad->llq_active ? ENA_HW_PLACEMENT_DEV
				     : ENA_HW_PLACEMENT_HOST;
	rte_spinlock_lock(&ad->admin_lock);
	rc = ena_hw_io_create(&ad->hw, &p, &r->sq, &r->cq);
	rte_spinlock_unlock(&ad->admin_lock);
	if (rc != 0) {
		PMD_DRV_LOG(ERR, "%s: cannot create txq %u on the device: %d",
			ad->name, r->id, rc);
		return rc;
	}
	r->tx_max_hdr = ad->llq_active ? ad->llq_hdr_max : 0;
	r->tx_l4_full = ad->tx_l4_v4_full;
	r->next_to_use = 0;
	r->next_to_clean = 0;
	for (i = 0; i < r->ring_size; i++) {
		r->free_ids[i] = i;
		r->tx_bufs[i].mbuf = NULL;
		r->tx_bufs[i].ts = 0;
	}
	r->missing_thresh = ad->hw.missing_tx_threshold != 0
		? ad->hw.missing_tx_threshold
		: ENA_MISSING_TX_BUDGET;
	r->started = true;
	r->run = true;
	return 0;
}

void
ena_tx_queue_stop_hw(struct ena_adapter *ad, struct ena_ring *r)
{
	uint16_t i;

	if (!r->started)
		return;
	r->started = false;
	r->run = false;
	rte_spinlock_lock(&ad->admin_lock);
	ena_hw_io_destroy(&ad->hw, &r->sq, &r->cq);
	rte_spinlock_unlock(&ad->admin_lock);
	for (i = 0; i < r->ring_size; i++) {
		if (r->tx_bufs[i].mbuf != NULL) {
			rte_pktmbuf_free(r->tx_bufs[i].mbuf);
			r->tx_bufs[i].mbuf = NULL;
		}
		r->tx_bufs[i].ts = 0;
	}
	r->next_to_use = 0;
	r->next_to_clean = 0;
}

/* ---- completion ------------------------------------------------------------- */

static void
ena_tx_bad_req_id(struct ena_ring *r, uint16_t id)
{
	r->tx_stats.bad_req_id++;
	r->tx_stats.errors++;
	/* The queue is unusable until the device is reset. */
	r->run = false;
	if (!r->adapter->trigger_reset)
		PMD_TX_LOG(ERR,
			"%s: txq %u: completion with bad req_id %u; "
			"device reset needed",
			r->adapter->name, r->id, id);
	ena_trigger_reset(r->adapter, ENA_RESET_REASON_INV_TX_REQ_ID);
}

static inline void
ena_tx_free_mbufs(struct ena_ring *r, struct rte_mbuf **m, uint16_t n)
{
	if (n == 0)
		return;
	if (r->fast_free) {
		/* Same pool, refcnt 1, direct: hand back without inspection. */
		struct rte_mbuf *segs[ENA_TX_CLEAN_MAX];
		uint16_t i, k = 0;

		for (i = 0; i < n; i++) {
			struct rte_mbuf *s = m[i];

			if (likely(s->nb_segs == 1)) {
				segs[k++] = s;
			} else {
				rte_pktmbuf_free(s);
			}
		}
		if (k > 0)
			rte_mempool_put_bulk(segs[0]->pool, (void **)segs, k);
		return;
	}
	rte_pktmbuf_free_bulk(m, n);
}

/* Reclaims up to budget completed packets; returns how many. */
static uint16_t
ena_tx_clean(struct ena_ring *r, uint16_t budget)
{
	struct rte_mbuf *done[ENA_TX_CLEAN_MAX];
	uint16_t n = 0, ntc = r->next_to_clean, id;
	int rc;

	/* After a bad completion the queue waits for the reset. */
	if (unlikely(!r->run))
		return 0;
	if (budget > ENA_TX_CLEAN_MAX)
		budget = ENA_TX_CLEAN_MAX;
	while (n < budget) {
		struct ena_tx_buf *b;

		rc = ena_hw_tx_comp_get(&r->cq, &id);
		if (rc != 0) {
			if (unlikely(rc != -EAGAIN))
				ena_tx_bad_req_id(r, id);
			break;
		}
		b = &r->tx_bufs[id];
		if (unlikely(b->mbuf == NULL)) {
			ena_tx_bad_req_id(r, id);
			break;
		}
		done[n++] = b->mbuf;
		ena_hw_tx_comp_ack(&r->sq, b->descs);
		b->mbuf = NULL;
		b->ts = 0;
		r->free_ids[ntc++ & r->size_mask] = id;
	}
	if (n == 0)
		return 0;
	r->next_to_clean = ntc;
	ena_hw_cq_head_update(&r->cq);
	ena_tx_free_mbufs(r, done, n);
	return n;
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
 */
static inline void
ena_tx_map(struct ena_ring *r, struct rte_mbuf *m, struct ena_hw_tx_ctx *c)
{
	struct ena_hw_buf *b = r->tx_segs;
	uint16_t nb = 0, skip = 0;

	c->push_hdr = NULL;
	c->push_len = 0;
	if (r->tx_max_hdr != 0) {
		uint16_t push = (uint16_t)RTE_MIN(
			m->pkt_len, (uint32_t)r->tx_max_hdr);

		if (likely(m->data_len >= push)) {
			c->push_hdr = rte_pktmbuf_mtod(m, void *);
		} else {
			c->push_hdr = rte_pktmbuf_read(
				m, 0, push, r->llq_hdr_buf);
		}
		c->push_len = push;
		skip = push;
	}
	do {
		if (m->data_len > skip) {
			b[nb].iova = rte_mbuf_data_iova(m) + skip;
			b[nb].len = (uint16_t)(m->data_len - skip);
			nb++;
			skip = 0;
		} else {
			skip = (uint16_t)(skip - m->data_len);
		}
		m = m->next;
	} while (m != NULL);
	c->bufs = b;
	c->nbufs = nb;
}

uint16_t
ena_xmit_pkts(void *q, struct rte_mbuf **pkts, uint16_t n)
{
	struct ena_ring *r = q;
	struct ena_hw_tx_ctx c;
	uint64_t bytes = 0, now;
	uint16_t sent = 0, queued = 0, used, id;
	bool llq = r->tx_max_hdr != 0;
	int rc;

	if (unlikely(!r->run))
		return 0;
	if (ena_hw_sq_free(&r->sq) < r->tx_free_thresh)
		ena_tx_clean(r, r->ring_size);
	r->tx_stats.tx_poll++;
	now = rte_get_timer_cycles();
	for (; sent < n; sent++) {
		struct rte_mbuf *m = pkts[sent];
		struct ena_tx_buf *b;

		if (sent + 1 < n)
			rte_prefetch0(pkts[sent + 1]);
		if (unlikely(m->nb_segs > r->sgl_size)) {
			/* tx_prepare would have refused it: drop, count. */
			r->tx_stats.errors++;
			r->adapter->dev_stats.tx_drops++;
			rte_pktmbuf_free(m);
			continue;
		}
		if (unlikely(!ena_hw_sq_has_room(&r->sq, m->nb_segs + 1))) {
			if (ena_tx_clean(r, r->ring_size) == 0 ||
				!ena_hw_sq_has_room(&r->sq, m->nb_segs + 1))
				break;
		}
		ena_tx_offload_ctx(r, m, &c);
		ena_tx_map(r, m, &c);
		id = r->free_ids[r->next_to_use & r->size_mask];
		c.req_id = id;
		if (unlikely(ena_hw_sq_doorbell_needed(&r->sq, &c))) {
			ena_hw_sq_doorbell(&r->sq);
			r->tx_stats.doorbells++;
		}
		rc = ena_hw_tx_prepare(&r->sq, &c, &used);
		if (unlikely(rc == -EBUSY)) {
			ena_hw_sq_doorbell(&r->sq);
			r->tx_stats.doorbells++;
			rc = ena_hw_tx_prepare(&r->sq, &c, &used);
		}
		if (unlikely(rc != 0)) {
			if (rc == -ENOSPC)
				break;
			r->tx_stats.prepare_ctx_err++;
			r->tx_stats.errors++;
			r->adapter->dev_stats.tx_drops++;
			rte_pktmbuf_free(m);
			continue;
		}
		b = &r->tx_bufs[id];
		b->mbuf = m;
		b->ts = now;
		b->descs = used;
		b->warned = false;
		r->next_to_use++;
		bytes += m->pkt_len;
		queued++;
	}
	if (r->sq.db_tail != r->sq.tail) {
		ena_hw_sq_doorbell(&r->sq);
		r->tx_stats.doorbells++;
	}
	r->tx_stats.cnt += queued;
	r->tx_stats.bytes += bytes;
	r->tx_stats.llq_pushes += llq ? queued : 0;
	r->tx_stats.available_desc = ena_hw_sq_free(&r->sq);
	return sent;
}

/* ---- prepare ------------------------------------------------------------------ */

uint16_t
ena_prep_pkts(void *q, struct rte_mbuf **pkts, uint16_t n)
{
	struct ena_ring *r = q;
	struct ena_adapter *ad = r->adapter;
	uint16_t i;
	int rc;

	for (i = 0; i < n; i++) {
		struct rte_mbuf *m = pkts[i];
		uint64_t fl = m->ol_flags;

		if (m->nb_segs > r->sgl_size) {
			rte_errno = EINVAL;
			return i;
		}
		if (fl & ENA_TX_OL_FLAGS &
			~(r->tx_ol_mask | RTE_MBUF_F_TX_IPV4 |
				RTE_MBUF_F_TX_IPV6)) {
			rte_errno = ENOTSUP;
			return i;
		}
		if ((fl & (RTE_MBUF_F_TX_L4_MASK | RTE_MBUF_F_TX_TCP_SEG)) &&
			(fl & RTE_MBUF_F_TX_IPV6) && !ad->tx_l4_v6) {
			rte_errno = ENOTSUP;
			return i;
		}
		if ((fl & RTE_MBUF_F_TX_TCP_SEG) && (fl & RTE_MBUF_F_TX_IPV6) &&
			!ad->tx_tso_v6) {
			rte_errno = ENOTSUP;
			return i;
		}
		if ((fl & RTE_MBUF_F_TX_L4_MASK) == RTE_MBUF_F_TX_SCTP_CKSUM) {
			rte_errno = ENOTSUP;
			return i;
		}
		if ((fl & RTE_MBUF_F_TX_IP_CKSUM) &&
			!(fl & RTE_MBUF_F_TX_IPV4)) {
			rte_errno = EINVAL;
			return i;
		}
		if (r->tx_max_hdr != 0 && (fl & RTE_MBUF_F_TX_TCP_SEG) &&
			m->l2_len + m->l3_len + m->l4_len > r->tx_max_hdr) {
			rte_errno = EINVAL;
			return i;
		}
#ifdef RTE_LIBRTE_ETHDEV_DEBUG
		rc = rte_validate_tx_offload(m);
		if (rc != 0) {
			rte_errno = -rc;
			return i;
		}
#endif
		/* Partial L4 checksum: the device wants the pseudo header. */
		if ((fl & (RTE_MBUF_F_TX_L4_MASK | RTE_MBUF_F_TX_TCP_SEG)) &&
			!r->tx_l4_full) {
			rc = rte_net_intel_cksum_flags_prepare(
				m, fl & ~RTE_MBUF_F_TX_IP_CKSUM);
			if (rc != 0) {
				rte_errno = -rc;
				return i;
			}
		}
	}
	return i;
}

/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_pause.h>

#include "ena_ethdev.h"
#include "ena_logs.h"

/*
 * Extended statistics. Device-side counters (ENI, SRD, basic drops) are
 * copies refreshed by the watchdog alarm, so reading them never touches the
 * admin queue and works from a secondary process too.
 *
 * Queue counters belong to the lcore that runs the queue's bursts, which
 * commits them inside a stats_seq window (ena_stats_begin/end). Readers
 * here take a consistent copy of a queue's counters by retrying until
 * stats_seq is even and unchanged across the copy. A reset never writes
 * the owner's counters (a store racing the owner's add would be lost, or
 * undo the reset): it records such a copy as the base, and every value
 * reported is the counter less its base. No lock on the datapath, and the
 * datapath never reads the control thread's lines.
 */

struct ena_xstat_desc {
	const char *name;
	size_t off;
	/* Reported as is and never cleared: a gauge or a device total. */
	bool total;
};

/*
 * Each counter carries its one-line meaning, the first words of its entry
 * in the guide (devtools/xstat-meanings.py, run by doc-check, holds the two
 * together); the compiler drops it.
 */
/* clang-format off */
#define ENA_XS(type, field, meaning) \
	{ #field, offsetof(struct type, field), false }
#define ENA_XS_TOTAL(type, field, meaning) \
	{ #field, offsetof(struct type, field), true }
/* Device counters keep the base layer's layout; some names carry a prefix. */
#define ENA_XS_AS(label, type, field, meaning) \
	{ label, offsetof(struct type, field), true }

static const struct ena_xstat_desc ena_xs_global[] = {
	ENA_XS(ena_xs_dev, wd_expired,
		"Times the watchdog found the device's keep-alive missing"),
	ENA_XS(ena_xs_dev, dev_start,
		"Number of rte_eth_dev_start() / rte_eth_dev_stop() calls."),
	ENA_XS(ena_xs_dev, dev_stop,
		"Number of rte_eth_dev_start() / rte_eth_dev_stop() calls."),
	ENA_XS_TOTAL(ena_xs_dev, tx_drops,
		"Packets the device dropped on transmit, as last reported"),
	ENA_XS_TOTAL(ena_xs_dev, rx_overruns,
		"Packets the device dropped on receive because the Rx ring had "
		"no room, as last reported"),
	ENA_XS(ena_xs_dev, admin_irqs,
		"Interrupts of the admin/AENQ vector the driver handled."),
	ENA_XS(ena_xs_dev, aenq_polls,
		"Times the AENQ was looked at by the driver's poll timer "
		"instead"),
};

/* Who found each admin completion: the interrupt or a polling waiter. */
static const struct ena_xstat_desc ena_xs_admin[] = {
	ENA_XS_AS("admin_irq_completions", ena_hw_admin_stats,
		intr_completions,
		"Admin command completions delivered by the admin interrupt."),
	ENA_XS_AS("admin_polled_completions", ena_hw_admin_stats,
		polled_completions,
		"Admin command completions found by reading the completion "
		"queue"),
};

static const struct ena_xstat_desc ena_xs_eni[] = {
	ENA_XS_TOTAL(ena_hw_eni_stats, bw_in_allowance_exceeded,
		"Packets queued or dropped because the inbound/outbound "
		"bandwidth of the instance exceeded its allowance."),
	ENA_XS_TOTAL(ena_hw_eni_stats, bw_out_allowance_exceeded,
		"Packets queued or dropped because the inbound/outbound "
		"bandwidth of the instance exceeded its allowance."),
	ENA_XS_TOTAL(ena_hw_eni_stats, pps_allowance_exceeded,
		"Packets dropped because the packets-per-second allowance of "
		"the instance was exceeded."),
	ENA_XS_TOTAL(ena_hw_eni_stats, conntrack_allowance_exceeded,
		"Packets dropped because connection tracking reached its "
		"limit."),
	ENA_XS_TOTAL(ena_hw_eni_stats, linklocal_allowance_exceeded,
		"Packets to link-local services (DNS, metadata, NTP) dropped "
		"because of their rate limit."),
};

static const struct ena_xstat_desc ena_xs_srd[] = {
	ENA_XS_AS("ena_srd_mode", ena_hw_srd_stats, srd_mode,
		"Whether ENA Express is enabled for Tx and/or UDP (bit "
		"field)."),
	ENA_XS_AS("ena_srd_tx_pkts", ena_hw_srd_stats, tx_pkts,
		"Packets sent / received over SRD."),
	ENA_XS_AS("ena_srd_eligible_tx_pkts", ena_hw_srd_stats,
		eligible_tx_pkts, "Packets that were eligible for SRD."),
	ENA_XS_AS("ena_srd_rx_pkts", ena_hw_srd_stats, rx_pkts,
		"Packets sent / received over SRD."),
	ENA_XS_AS("ena_srd_resource_utilization", ena_hw_srd_stats,
		resource_utilization,
		"SRD resource use, in percent of what the instance may use."),
};

static const struct ena_xstat_desc ena_xs_rxq[] = {
	ENA_XS(ena_xs_rxq, cnt, "Packets and bytes received."),
	ENA_XS(ena_xs_rxq, bytes, "Packets and bytes received."),
	ENA_XS(ena_xs_rxq, errors,
		"Bad completions from the device (an invalid buffer id, "
		"descriptor count or fragment length; each stops the queue "
		"until a reset)."),
	ENA_XS(ena_xs_rxq, refill_partial,
		"Times the ring could not be refilled completely"),
	ENA_XS(ena_xs_rxq, l3_csum_bad, "Checksum verdicts of the device."),
	ENA_XS(ena_xs_rxq, l4_csum_bad, "Checksum verdicts of the device."),
	ENA_XS(ena_xs_rxq, l4_csum_good, "Checksum verdicts of the device."),
	ENA_XS(ena_xs_rxq, mbuf_alloc_fail,
		"Times a bulk allocation of mbufs for the ring failed"),
	ENA_XS(ena_xs_rxq, bad_desc_num,
		"Completions announcing an impossible number of descriptors"),
	ENA_XS(ena_xs_rxq, bad_req_id,
		"Completions naming a buffer the driver did not post"),
	ENA_XS(ena_xs_rxq, doorbells, "Rx doorbells written."),
};

static const struct ena_xstat_desc ena_xs_txq[] = {
	ENA_XS(ena_xs_txq, cnt, "Packets and bytes sent."),
	ENA_XS(ena_xs_txq, bytes, "Packets and bytes sent."),
	ENA_XS(ena_xs_txq, errors,
		"Packets the driver dropped (a malformed mbuf chain, too many "
		"segments that could not be linearised, descriptors that could "
		"not be prepared) and completions naming a packet not in "
		"flight."),
	ENA_XS(ena_xs_txq, prepare_ctx_err,
		"Packets whose descriptors could not be prepared."),
	ENA_XS(ena_xs_txq, tx_poll,
		"Transmit bursts that found the queue running"),
	ENA_XS(ena_xs_txq, doorbells, "Tx doorbells written."),
	ENA_XS(ena_xs_txq, bad_req_id,
		"Completions naming a packet not in flight"),
	ENA_XS_TOTAL(ena_xs_txq, available_desc,
		"Free descriptors in the ring after the last transmit burst."),
	ENA_XS_TOTAL(ena_xs_txq, missed_tx,
		"Packets whose completion did not arrive within miss_txc_to."),
	ENA_XS(ena_xs_txq, llq_pushes,
		"Packets whose descriptors and header were written into device "
		"memory (LLQ)"),
	ENA_XS(ena_xs_txq, linearize,
		"Packets copied into one buffer because they had more segments "
		"than the device accepts."),
};
/* clang-format on */

#define ENA_NB_GLOBAL RTE_DIM(ena_xs_global)
#define ENA_NB_ADMIN  RTE_DIM(ena_xs_admin)
#define ENA_NB_ENI    RTE_DIM(ena_xs_eni)
#define ENA_NB_SRD    RTE_DIM(ena_xs_srd)
#define ENA_NB_RXQ    RTE_DIM(ena_xs_rxq)
#define ENA_NB_TXQ    RTE_DIM(ena_xs_txq)

/* Counter structs are copied word by word. */
static_assert(sizeof(struct ena_xs_rxq) % sizeof(uint64_t) == 0, "rxq");
static_assert(sizeof(struct ena_xs_txq) % sizeof(uint64_t) == 0, "txq");
#define ENA_XS_WORDS(t) (sizeof(t) / sizeof(uint64_t))

/* Copies a busy queue gives up on: its owner died inside a window. */
#define ENA_STATS_READ_TRIES 100000

/*
 * A consistent copy of one queue's counters: no burst committed while it
 * was taken. Each word is read once and atomically, so even the copy taken
 * after ENA_STATS_READ_TRIES (a secondary killed inside its window) holds
 * real values.
 */
static void
ena_ring_counters_read(
	const struct ena_ring *r, const void *counters, uint64_t *dst, size_t n)
{
	const uint64_t *src = counters;
	unsigned int tries;
	uint32_t s1, s2;
	size_t i;

	for (tries = 0;; tries++) {
		s1 = __atomic_load_n(&r->stats_seq, __ATOMIC_ACQUIRE);
		for (i = 0; i < n; i++)
			dst[i] = __atomic_load_n(&src[i], __ATOMIC_RELAXED);
		rte_smp_rmb();
		s2 = __atomic_load_n(&r->stats_seq, __ATOMIC_RELAXED);
		if ((s1 == s2 && (s1 & 1) == 0) ||
			tries == ENA_STATS_READ_TRIES)
			return;
		rte_pause();
	}
}

static void
ena_rxq_counters(const struct ena_ring *r, struct ena_xs_rxq *out)
{
	ena_ring_counters_read(r, &r->rx_stats, (uint64_t *)out,
		ENA_XS_WORDS(struct ena_xs_rxq));
}

static void
ena_txq_counters(const struct ena_ring *r, struct ena_xs_txq *out)
{
	ena_ring_counters_read(r, &r->tx_stats, (uint64_t *)out,
		ENA_XS_WORDS(struct ena_xs_txq));
}

/* Value of counter d of cur: less its base unless it is a total. */
static inline uint64_t
ena_xs_value(const struct ena_xstat_desc *d, const void *cur, const void *base)
{
	uint64_t v = *(const uint64_t *)((const char *)cur + d->off);

	if (!d->total && base != NULL)
		v -= *(const uint64_t *)((const char *)base + d->off);
	return v;
}

static unsigned int
ena_xstats_count(const struct rte_eth_dev *dev)
{
	return ENA_NB_GLOBAL + ENA_NB_ADMIN + ENA_NB_ENI + ENA_NB_SRD +
		dev->data->nb_rx_queues * ENA_NB_RXQ +
		dev->data->nb_tx_queues * ENA_NB_TXQ;
}

/* Appends the values of table t (n entries) to v[*i]. */
static void
ena_xs_section(const struct ena_xstat_desc *t, unsigned int n, const void *cur,
	const void *base, uint64_t *v, unsigned int *i)
{
	unsigned int k;

	for (k = 0; k < n; k++)
		v[(*i)++] = ena_xs_value(&t[k], cur, base);
}

/* Every xstat value, in id order; v holds ena_xstats_count() entries. */
static void
ena_xstats_values(struct rte_eth_dev *dev, uint64_t *v)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	struct ena_xs_rxq rx;
	struct ena_xs_txq tx;
	unsigned int i = 0, q;

	ena_xs_section(ena_xs_global, ENA_NB_GLOBAL, &ad->dev_stats,
		&ad->dev_base, v, &i);
	ena_xs_section(
		ena_xs_admin, ENA_NB_ADMIN, &ad->hw.admin.stats, NULL, v, &i);
	ena_xs_section(ena_xs_eni, ENA_NB_ENI, &ad->eni_stats, NULL, v, &i);
	ena_xs_section(ena_xs_srd, ENA_NB_SRD, &ad->srd_stats, NULL, v, &i);
	for (q = 0; q < dev->data->nb_rx_queues; q++) {
		ena_rxq_counters(&ad->rx_ring[q], &rx);
		ena_xs_section(ena_xs_rxq, ENA_NB_RXQ, &rx,
			&ad->rx_ring[q].rx_base, v, &i);
	}
	for (q = 0; q < dev->data->nb_tx_queues; q++) {
		ena_txq_counters(&ad->tx_ring[q], &tx);
		ena_xs_section(ena_xs_txq, ENA_NB_TXQ, &tx,
			&ad->tx_ring[q].tx_base, v, &i);
	}
}

/* Name of xstat id; -EINVAL beyond the count. */
static int
ena_xstat_name(struct rte_eth_dev *dev, uint64_t id, char *name, size_t len)
{
	const struct ena_xstat_desc *d;

	if (id < ENA_NB_GLOBAL) {
		d = &ena_xs_global[id];
		goto plain;
	}
	id -= ENA_NB_GLOBAL;
	if (id < ENA_NB_ADMIN) {
		d = &ena_xs_admin[id];
		goto plain;
	}
	id -= ENA_NB_ADMIN;
	if (id < ENA_NB_ENI) {
		d = &ena_xs_eni[id];
		goto plain;
	}
	id -= ENA_NB_ENI;
	if (id < ENA_NB_SRD) {
		d = &ena_xs_srd[id];
		goto plain;
	}
	id -= ENA_NB_SRD;
	if (id < (uint64_t)dev->data->nb_rx_queues * ENA_NB_RXQ) {
		snprintf(name, len, "rx_q%u_%s",
			(unsigned int)(id / ENA_NB_RXQ),
			ena_xs_rxq[id % ENA_NB_RXQ].name);
		return 0;
	}
	id -= (uint64_t)dev->data->nb_rx_queues * ENA_NB_RXQ;
	if (id < (uint64_t)dev->data->nb_tx_queues * ENA_NB_TXQ) {
		snprintf(name, len, "tx_q%u_%s",
			(unsigned int)(id / ENA_NB_TXQ),
			ena_xs_txq[id % ENA_NB_TXQ].name);
		return 0;
	}
	return -EINVAL;
plain:
	snprintf(name, len, "%s", d->name);
	return 0;
}

int
ena_xstats_get_names(struct rte_eth_dev *dev, struct rte_eth_xstat_name *names,
	unsigned int n)
{
	unsigned int total = ena_xstats_count(dev);
	unsigned int i;

	if (names == NULL || n < total)
		return total;
	for (i = 0; i < total; i++)
		ena_xstat_name(dev, i, names[i].name, sizeof(names[i].name));
	return total;
}

int
ena_xstats_get(
	struct rte_eth_dev *dev, struct rte_eth_xstat *xs, unsigned int n)
{
	unsigned int total = ena_xstats_count(dev);
	uint64_t *v;
	unsigned int i;

	if (xs == NULL || n < total)
		return total;
	v = calloc(total, sizeof(*v));
	if (v == NULL)
		return -ENOMEM;
	ena_xstats_values(dev, v);
	for (i = 0; i < total; i++) {
		xs[i].id = i;
		xs[i].value = v[i];
	}
	free(v);
	return total;
}

int
ena_xstats_get_by_id(struct rte_eth_dev *dev, const uint64_t *ids,
	uint64_t *values, unsigned int n)
{
	unsigned int total = ena_xstats_count(dev);
	uint64_t *v;
	unsigned int i;

	if (ids == NULL)
		return ena_xstats_get(dev, NULL, 0);
	for (i = 0; i < n; i++) {
		if (ids[i] >= total) {
			PMD_DRV_LOG(ERR,
				"xstat id %" PRIu64 " out of range (%u)",
				ids[i], total);
			return -EINVAL;
		}
	}
	v = calloc(total, sizeof(*v));
	if (v == NULL)
		return -ENOMEM;
	ena_xstats_values(dev, v);
	for (i = 0; i < n; i++)
		values[i] = v[ids[i]];
	free(v);
	return n;
}

int
ena_xstats_get_names_by_id(struct rte_eth_dev *dev, const uint64_t *ids,
	struct rte_eth_xstat_name *names, unsigned int n)
{
	unsigned int i;

	if (ids == NULL)
		return ena_xstats_get_names(dev, names, n);
	for (i = 0; i < n; i++) {
		if (ena_xstat_name(dev, ids[i], names[i].name,
			    sizeof(names[i].name)) != 0) {
			PMD_DRV_LOG(ERR,
				"xstat id %" PRIu64 " out of range (%u)",
				ids[i], ena_xstats_count(dev));
			return -EINVAL;
		}
	}
	return n;
}

int
ena_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *st,
	ena_queue_stats_t *qs)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	struct ena_xs_rxq s;
	struct ena_xs_txq t;
	unsigned int i;

	memset(st, 0, sizeof(*st));
	if (qs != NULL && (void *)qs != (void *)st)
		memset(qs, 0, sizeof(*qs));
	for (i = 0; i < dev->data->nb_rx_queues; i++) {
		const struct ena_xs_rxq *b = &ad->rx_ring[i].rx_base;

		ena_rxq_counters(&ad->rx_ring[i], &s);
		st->ipackets += s.cnt - b->cnt;
		st->ibytes += s.bytes - b->bytes;
		st->ierrors += s.errors - b->errors;
		st->rx_nombuf += s.mbuf_alloc_fail - b->mbuf_alloc_fail;
		if (qs != NULL && i < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			qs->q_ipackets[i] = s.cnt - b->cnt;
			qs->q_ibytes[i] = s.bytes - b->bytes;
			qs->q_errors[i] = s.errors - b->errors;
		}
	}
	for (i = 0; i < dev->data->nb_tx_queues; i++) {
		const struct ena_xs_txq *b = &ad->tx_ring[i].tx_base;

		ena_txq_counters(&ad->tx_ring[i], &t);
		st->opackets += t.cnt - b->cnt;
		st->obytes += t.bytes - b->bytes;
		st->oerrors += t.errors - b->errors;
		if (qs != NULL && i < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			qs->q_opackets[i] = t.cnt - b->cnt;
			qs->q_obytes[i] = t.bytes - b->bytes;
		}
	}
	/* Packets the device dropped for lack of Rx buffers. */
	st->imissed = ad->basic_rx_drops;
	return 0;
}

/*
 * Takes the bases. Tx queues are copied before Rx queues: a packet the
 * application forwards is counted on Rx before it is on Tx, so a packet
 * received after the Rx copy is sent after the Tx copy too, and a
 * forwarding loop never shows more packets in than out after a reset.
 */
int
ena_stats_reset(struct rte_eth_dev *dev)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	unsigned int i;

	for (i = 0; i < RTE_DIM(ad->tx_ring); i++)
		ena_txq_counters(&ad->tx_ring[i], &ad->tx_ring[i].tx_base);
	for (i = 0; i < RTE_DIM(ad->rx_ring); i++)
		ena_rxq_counters(&ad->rx_ring[i], &ad->rx_ring[i].rx_base);
	ad->dev_base = ad->dev_stats;
	return 0;
}

int
ena_xstats_reset(struct rte_eth_dev *dev)
{
	return ena_stats_reset(dev);
}

void
ena_stats_log(struct ena_adapter *ad)
{
	struct rte_eth_dev_data *d = ad->edev_data;
	unsigned int i;

	PMD_DRV_LOG(NOTICE,
		"%s: wd_expired=%" PRIu64 " dev_start=%" PRIu64
		" dev_stop=%" PRIu64 " tx_drops=%" PRIu64,
		ad->name, ad->dev_stats.wd_expired, ad->dev_stats.dev_start,
		ad->dev_stats.dev_stop, ad->dev_stats.tx_drops);
	for (i = 0; i < d->nb_rx_queues; i++) {
		const struct ena_xs_rxq *s = &ad->rx_ring[i].rx_stats;

		PMD_DRV_LOG(NOTICE,
			"%s: rxq%u pkts=%" PRIu64 " bytes=%" PRIu64
			" errors=%" PRIu64 " bad_req_id=%" PRIu64
			" bad_desc_num=%" PRIu64 " nombuf=%" PRIu64,
			ad->name, i, s->cnt, s->bytes, s->errors, s->bad_req_id,
			s->bad_desc_num, s->mbuf_alloc_fail);
	}
	for (i = 0; i < d->nb_tx_queues; i++) {
		const struct ena_xs_txq *s = &ad->tx_ring[i].tx_stats;

		PMD_DRV_LOG(NOTICE,
			"%s: txq%u pkts=%" PRIu64 " bytes=%" PRIu64
			" errors=%" PRIu64 " bad_req_id=%" PRIu64
			" missed_tx=%" PRIu64,
			ad->name, i, s->cnt, s->bytes, s->errors, s->bad_req_id,
			s->missed_tx);
	}
}

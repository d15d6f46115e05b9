/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "ena_ethdev.h"
#include "ena_logs.h"

/*
 * Extended statistics. Device-side counters (ENI, SRD, basic drops) are
 * copies refreshed by the watchdog alarm, so reading them never touches the
 * admin queue and works from a secondary process too.
 */

struct ena_xstat_desc {
	const char *name;
	size_t off;
};

/* clang-format off */
#define ENA_XS(type, field) { #field, offsetof(struct type, field) }
/* Device counters keep the base layer's layout; some names carry a prefix. */
#define ENA_XS_AS(label, type, field) { label, offsetof(struct type, field) }
/* clang-format on */

static const struct ena_xstat_desc ena_xs_global[] = {
	ENA_XS(ena_xs_dev, wd_expired),
	ENA_XS(ena_xs_dev, dev_start),
	ENA_XS(ena_xs_dev, dev_stop),
	ENA_XS(ena_xs_dev, tx_drops),
	ENA_XS(ena_xs_dev, admin_irqs),
	ENA_XS(ena_xs_dev, aenq_polls),
};

/* Who found each admin completion: the interrupt or a polling waiter. */
static const struct ena_xstat_desc ena_xs_admin[] = {
	ENA_XS_AS(
		"admin_irq_completions", ena_hw_admin_stats, intr_completions),
	ENA_XS_AS("admin_polled_completions", ena_hw_admin_stats,
		polled_completions),
};

static const struct ena_xstat_desc ena_xs_eni[] = {
	ENA_XS(ena_hw_eni_stats, bw_in_allowance_exceeded),
	ENA_XS(ena_hw_eni_stats, bw_out_allowance_exceeded),
	ENA_XS(ena_hw_eni_stats, pps_allowance_exceeded),
	ENA_XS(ena_hw_eni_stats, conntrack_allowance_exceeded),
	ENA_XS(ena_hw_eni_stats, linklocal_allowance_exceeded),
};

static const struct ena_xstat_desc ena_xs_srd[] = {
	ENA_XS_AS("ena_srd_mode", ena_hw_srd_stats, srd_mode),
	ENA_XS_AS("ena_srd_tx_pkts", ena_hw_srd_stats, tx_pkts),
	ENA_XS_AS(
		"ena_srd_eligible_tx_pkts", ena_hw_srd_stats, eligible_tx_pkts),
	ENA_XS_AS("ena_srd_rx_pkts", ena_hw_srd_stats, rx_pkts),
	ENA_XS_AS("ena_srd_resource_utilization", ena_hw_srd_stats,
		resource_utilization),
};

static const struct ena_xstat_desc ena_xs_rxq[] = {
	ENA_XS(ena_xs_rxq, cnt),
	ENA_XS(ena_xs_rxq, bytes),
	ENA_XS(ena_xs_rxq, errors),
	ENA_XS(ena_xs_rxq, refill_partial),
	ENA_XS(ena_xs_rxq, l3_csum_bad),
	ENA_XS(ena_xs_rxq, l4_csum_bad),
	ENA_XS(ena_xs_rxq, l4_csum_good),
	ENA_XS(ena_xs_rxq, mbuf_alloc_fail),
	ENA_XS(ena_xs_rxq, bad_desc_num),
	ENA_XS(ena_xs_rxq, bad_req_id),
	ENA_XS(ena_xs_rxq, doorbells),
};

static const struct ena_xstat_desc ena_xs_txq[] = {
	ENA_XS(ena_xs_txq, cnt),
	ENA_XS(ena_xs_txq, bytes),
	ENA_XS(ena_xs_txq, errors),
	ENA_XS(ena_xs_txq, prepare_ctx_err),
	ENA_XS(ena_xs_txq, tx_poll),
	ENA_XS(ena_xs_txq, doorbells),
	ENA_XS(ena_xs_txq, bad_req_id),
	ENA_XS(ena_xs_txq, available_desc),
	ENA_XS(ena_xs_txq, missed_tx),
	ENA_XS(ena_xs_txq, llq_pushes),
	ENA_XS(ena_xs_txq, linearize),
};

#define ENA_NB_GLOBAL RTE_DIM(ena_xs_global)
#define ENA_NB_ADMIN  RTE_DIM(ena_xs_admin)
#define ENA_NB_ENI    RTE_DIM(ena_xs_eni)
#define ENA_NB_SRD    RTE_DIM(ena_xs_srd)
#define ENA_NB_RXQ    RTE_DIM(ena_xs_rxq)
#define ENA_NB_TXQ    RTE_DIM(ena_xs_txq)

static unsigned int
ena_xstats_count(const struct rte_eth_dev *dev)
{
	return ENA_NB_GLOBAL + ENA_NB_ADMIN + ENA_NB_ENI + ENA_NB_SRD +
		dev->data->nb_rx_queues * ENA_NB_RXQ +
		dev->data->nb_tx_queues * ENA_NB_TXQ;
}

/* Resolves xstat id to its name and the address of its value. */
static int
ena_xstat_lookup(struct rte_eth_dev *dev, uint64_t id, char *name,
	size_t name_len, const uint64_t **val)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	const struct ena_xstat_desc *d;
	const char *base;
	unsigned int q;

	if (id < ENA_NB_GLOBAL) {
		d = &ena_xs_global[id];
		base = (const char *)&ad->dev_stats;
		goto plain;
	}
	id -= ENA_NB_GLOBAL;
	if (id < ENA_NB_ADMIN) {
		d = &ena_xs_admin[id];
		base = (const char *)&ad->hw.admin.stats;
		goto plain;
	}
	id -= ENA_NB_ADMIN;
	if (id < ENA_NB_ENI) {
		d = &ena_xs_eni[id];
		base = (const char *)&ad->eni_stats;
		goto plain;
	}
	id -= ENA_NB_ENI;
	if (id < ENA_NB_SRD) {
		d = &ena_xs_srd[id];
		base = (const char *)&ad->srd_stats;
		goto plain;
	}
	id -= ENA_NB_SRD;
	if (id < (uint64_t)dev->data->nb_rx_queues * ENA_NB_RXQ) {
		q = id / ENA_NB_RXQ;
		d = &ena_xs_rxq[id % ENA_NB_RXQ];
		base = (const char *)&ad->rx_ring[q].rx_stats;
		if (name != NULL)
			snprintf(name, name_len, "rx_q%u_%s", q, d->name);
		*val = (const uint64_t *)(base + d->off);
		return 0;
	}
	id -= (uint64_t)dev->data->nb_rx_queues * ENA_NB_RXQ;
	if (id < (uint64_t)dev->data->nb_tx_queues * ENA_NB_TXQ) {
		q = id / ENA_NB_TXQ;
		d = &ena_xs_txq[id % ENA_NB_TXQ];
		base = (const char *)&ad->tx_ring[q].tx_stats;
		if (name != NULL)
			snprintf(name, name_len, "tx_q%u_%s", q, d->name);
		*val = (const uint64_t *)(base + d->off);
		return 0;
	}
	return -EINVAL;
plain:
	if (name != NULL)
		snprintf(name, name_len, "%s", d->name);
	*val = (const uint64_t *)(base + d->off);
	return 0;
}

int
ena_xstats_get_names(struct rte_eth_dev *dev, struct rte_eth_xstat_name *names,
	unsigned int n)
{
	unsigned int total = ena_xstats_count(dev);
	const uint64_t *v;
	unsigned int i;

	if (names == NULL || n < total)
		return total;
	for (i = 0; i < total; i++)
		ena_xstat_lookup(
			dev, i, names[i].name, sizeof(names[i].name), &v);
	return total;
}

int
ena_xstats_get(
	struct rte_eth_dev *dev, struct rte_eth_xstat *xs, unsigned int n)
{
	unsigned int total = ena_xstats_count(dev);
	const uint64_t *v;
	unsigned int i;

	if (xs == NULL || n < total)
		return total;
	for (i = 0; i < total; i++) {
		ena_xstat_lookup(dev, i, NULL, 0, &v);
		xs[i].id = i;
		xs[i].value = *v;
	}
	return total;
}

int
ena_xstats_get_by_id(struct rte_eth_dev *dev, const uint64_t *ids,
	uint64_t *values, unsigned int n)
{
	const uint64_t *v;
	unsigned int i;

	if (ids == NULL)
		return ena_xstats_get(dev, NULL, 0);
	for (i = 0; i < n; i++) {
		if (ena_xstat_lookup(dev, ids[i], NULL, 0, &v) != 0) {
			PMD_DRV_LOG(ERR,
				"xstat id %" PRIu64 " out of range (%u)",
				ids[i], ena_xstats_count(dev));
			return -EINVAL;
		}
		values[i] = *v;
	}
	return n;
}

int
ena_xstats_get_names_by_id(struct rte_eth_dev *dev, const uint64_t *ids,
	struct rte_eth_xstat_name *names, unsigned int n)
{
	const uint64_t *v;
	unsigned int i;

	if (ids == NULL)
		return ena_xstats_get_names(dev, names, n);
	for (i = 0; i < n; i++) {
		if (ena_xstat_lookup(dev, ids[i], names[i].name,
			    sizeof(names[i].name), &v) != 0) {
			PMD_DRV_LOG(ERR,
				"xstat id %" PRIu64 " out of range (%u)",
				ids[i], ena_xstats_count(dev));
			return -EINVAL;
		}
	}
	return n;
}

static void
ena_queue_stats_clear(struct ena_adapter *ad)
{
	unsigned int i;

	for (i = 0; i < RTE_DIM(ad->rx_ring); i++)
		memset(&ad->rx_ring[i].rx_stats, 0,
			sizeof(ad->rx_ring[i].rx_stats));
	for (i = 0; i < RTE_DIM(ad->tx_ring); i++)
		memset(&ad->tx_ring[i].tx_stats, 0,
			sizeof(ad->tx_ring[i].tx_stats));
}

int
ena_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *st,
	ena_queue_stats_t *qs)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	unsigned int i;

	memset(st, 0, sizeof(*st));
	if (qs != NULL && (void *)qs != (void *)st)
		memset(qs, 0, sizeof(*qs));
	for (i = 0; i < dev->data->nb_rx_queues; i++) {
		const struct ena_xs_rxq *s = &ad->rx_ring[i].rx_stats;

		st->ipackets += s->cnt;
		st->ibytes += s->bytes;
		st->ierrors += s->errors;
		st->rx_nombuf += s->mbuf_alloc_fail;
		if (qs != NULL && i < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			qs->q_ipackets[i] = s->cnt;
			qs->q_ibytes[i] = s->bytes;
			qs->q_errors[i] = s->errors;
		}
	}
	for (i = 0; i < dev->data->nb_tx_queues; i++) {
		const struct ena_xs_txq *s = &ad->tx_ring[i].tx_stats;

		st->opackets += s->cnt;
		st->obytes += s->bytes;
		st->oerrors += s->errors;
		if (qs != NULL && i < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			qs->q_opackets[i] = s->cnt;
			qs->q_obytes[i] = s->bytes;
		}
	}
	/* Packets the device dropped for lack of Rx buffers. */
	st->imissed = ad->basic_rx_drops;
	return 0;
}

int
ena_stats_reset(struct rte_eth_dev *dev)
{
	struct ena_adapter *ad = ena_adapter_of(dev);

	ena_queue_stats_clear(ad);
	memset(&ad->dev_stats, 0, sizeof(ad->dev_stats));
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

/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_malloc.h>

#include "ena_ethdev.h"
#include "ena_logs.h"

/*
 * What an Rx and a Tx queue have in common outside the bursts: the set-up
 * checks, the ring memory (one slot per req_id and the free req_id list),
 * and the IO queue pair on the device. ena_rx.c and ena_tx.c keep only
 * what differs between the two directions.
 */

static const char *
ena_queue_kind(const struct ena_ring *r)
{
	return r->is_rx ? "rxq" : "txq";
}

int
ena_queue_setup_check(const struct ena_adapter *ad, const char *kind,
	const struct ena_ring *rings, uint16_t qid, uint16_t nb,
	uint32_t max_ring, uint64_t offloads, uint64_t capa)
{
	if (qid >= ad->max_io_queues) {
		PMD_DRV_LOG(ERR, "%s: %s %u beyond the device's %u queues",
			ad->name, kind, qid, ad->max_io_queues);
		return -EINVAL;
	}
	if (rings[qid].started) {
		PMD_DRV_LOG(ERR, "%s: %s %u is started; stop it first",
			ad->name, kind, qid);
		return -EBUSY;
	}
	if (!rte_is_power_of_2(nb) || nb > max_ring || nb < ENA_MIN_RING) {
		PMD_DRV_LOG(ERR,
			"%s: %s %u: ring size %u invalid (power of two "
			"in [%u, %u])",
			ad->name, kind, qid, nb, ENA_MIN_RING, max_ring);
		return -EINVAL;
	}
	if (offloads & ~capa) {
		PMD_DRV_LOG(ERR,
			"%s: %s %u: offloads 0x%" PRIx64 " not supported",
			ad->name, kind, qid, offloads & ~capa);
		return -ENOTSUP;
	}
	return 0;
}

static void
ena_queue_mem_free(struct ena_ring *r)
{
	/* rx_mbufs and tx_bufs share their storage. */
	rte_free(r->is_rx ? (void *)r->rx_mbufs : (void *)r->tx_bufs);
	rte_free(r->free_ids);
	r->rx_mbufs = NULL;
	r->free_ids = NULL;
	r->configured = false;
}

int
ena_queue_mem_alloc(struct rte_eth_dev *dev, struct ena_ring *r, bool is_rx,
	uint16_t qid, uint16_t nb, unsigned int socket, size_t slot_size,
	uint64_t offloads)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	void *slots;
	uint16_t i;

	r->is_rx = is_rx;
	slots = rte_zmalloc_socket(is_rx ? "ena_rx_mbufs" : "ena_tx_bufs",
		slot_size * nb, RTE_CACHE_LINE_SIZE, socket);
	if (is_rx)
		r->rx_mbufs = slots;
	else
		r->tx_bufs = slots;
	r->free_ids = rte_zmalloc_socket(is_rx ? "ena_rx_ids" : "ena_tx_ids",
		sizeof(*r->free_ids) * nb, RTE_CACHE_LINE_SIZE, socket);
	if (slots == NULL || r->free_ids == NULL) {
		ena_queue_mem_free(r);
		PMD_DRV_LOG(ERR, "%s: %s %u: no memory for %u entries",
			ad->name, ena_queue_kind(r), qid, nb);
		return -ENOMEM;
	}
	for (i = 0; i < nb; i++)
		r->free_ids[i] = i;
	r->adapter = ad;
	r->id = qid;
	r->port_id = dev->data->port_id;
	r->ring_size = nb;
	r->size_mask = nb - 1;
	r->socket_id = socket;
	r->offloads = offloads;
	return 0;
}

void
ena_queue_release(struct rte_eth_dev *dev, struct ena_ring *r)
{
	struct ena_adapter *ad = ena_adapter_of(dev);

	if (!r->configured)
		return;
	if (r->is_rx) {
		ena_rx_queue_stop_hw(ad, r);
		dev->data->rx_queues[r->id] = NULL;
	} else {
		ena_tx_queue_stop_hw(ad, r);
		dev->data->tx_queues[r->id] = NULL;
	}
	ena_queue_mem_free(r);
}

int
ena_queue_io_create(struct ena_adapter *ad, struct ena_ring *r,
	int16_t msix_vector, enum ena_hw_placement placement)
{
	struct ena_hw_io_params p;
	uint16_t i;
	int rc;

	memset(&p, 0, sizeof(p));
	p.qid = r->id;
	p.dir = r->is_rx ? ENA_HW_DIR_RX : ENA_HW_DIR_TX;
	p.depth = r->ring_size;
	p.msix_vector = msix_vector;
	p.socket = (int)r->socket_id;
	p.placement = placement;
	rte_spinlock_lock(&ad->admin_lock);
	rc = ena_hw_io_create(&ad->hw, &p, &r->sq, &r->cq);
	rte_spinlock_unlock(&ad->admin_lock);
	if (rc != 0) {
		PMD_DRV_LOG(ERR, "%s: cannot create %s %u on the device: %d",
			ad->name, ena_queue_kind(r), r->id, rc);
		return rc;
	}
	r->next_to_use = 0;
	r->next_to_clean = 0;
	for (i = 0; i < r->ring_size; i++)
		r->free_ids[i] = i;
	return 0;
}

bool
ena_queue_io_destroy(struct ena_adapter *ad, struct ena_ring *r)
{
	if (!r->started)
		return false;
	r->started = false;
	r->run = false;
	/* The watchdog's Tx scan reads the CQ under the same lock. */
	rte_spinlock_lock(&ad->admin_lock);
	ena_hw_io_destroy(&ad->hw, &r->sq, &r->cq);
	rte_spinlock_unlock(&ad->admin_lock);
	r->next_to_use = 0;
	r->next_to_clean = 0;
	return true;
}

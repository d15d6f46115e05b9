/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */

/*
 * Interrupts. Vector 0 carries admin completions and AENQ events: once it
 * has a handler, admin commands wait for it instead of polling the ACQ.
 * Vectors 1..n are the Rx queues' (RTE_INTR_VEC_RXTX_OFFSET + queue) when
 * the application asks for Rx interrupts and the bus gives one vector per
 * queue (VFIO MSI-X): the device then signals a queue's vector once after
 * the driver unmasks it (rte_eth_dev_rx_intr_enable) and completions
 * arrive, and masks it again by itself.
 */

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <rte_cycles.h>
#include <rte_interrupts.h>

#include <bus_pci_driver.h>
#include <ethdev_driver.h>
#include <ethdev_pci.h>

#include "ena_ethdev.h"
#include "ena_logs.h"

/* Between tries to unregister the handler while it runs. */
#define ENA_INTR_UNREGISTER_RETRY_US 100

/* Work of the admin/AENQ vector: admin completions, then events. */
static void
ena_admin_vector_work(struct rte_eth_dev *dev)
{
	struct ena_adapter *ad = ena_adapter_of(dev);

	ad->dev_stats.admin_irqs++;
	ena_hw_admin_intr(&ad->hw);
	ena_hw_aenq_process(&ad->hw, dev);
}

/* Bytes one signal of the vector takes on its fd, as EAL reads it. */
static size_t
ena_intr_token_len(const struct rte_intr_handle *h)
{
	switch (rte_intr_type_get(h)) {
	case RTE_INTR_HANDLE_UIO:
	case RTE_INTR_HANDLE_UIO_INTX:
		return sizeof(int);
	default:
		return sizeof(uint64_t);
	}
}

static void
ena_intr_handler(void *arg)
{
	struct rte_eth_dev *dev = arg;
	struct ena_adapter *ad = ena_adapter_of(dev);
	struct rte_pci_device *pci = RTE_ETH_DEV_TO_PCI(dev);
	uint64_t cnt;
	int fd;

	/* EAL drains the fd itself except for externally managed handles. */
	if (rte_intr_type_get(pci->intr_handle) == RTE_INTR_HANDLE_EXT) {
		fd = rte_intr_fd_get(pci->intr_handle);
		if (fd >= 0 && read(fd, &cnt, sizeof(cnt)) < 0)
			PMD_DRV_LOG(DEBUG, "%s: interrupt fd read: %s",
				ad->name, strerror(errno));
	}
	ena_admin_vector_work(dev);
	rte_intr_ack(pci->intr_handle);
}

/*
 * An admin command issued from the interrupt thread itself (the watchdog
 * and the stats refresh run on EAL alarms there) would wait forever for a
 * handler that cannot run: it waits for the vector here instead, and does
 * the handler's work when it fires.
 */
static void
ena_intr_service(void *arg, uint32_t timeout_us)
{
	struct rte_eth_dev *dev = arg;
	struct rte_pci_device *pci = RTE_ETH_DEV_TO_PCI(dev);
	struct timespec ts = { 0, (long)timeout_us * 1000 };
	uint64_t token;
	struct pollfd p;

	p.fd = rte_intr_fd_get(pci->intr_handle);
	p.events = POLLIN;
	p.revents = 0;
	if (p.fd < 0 || ppoll(&p, 1, &ts, NULL) != 1 || !(p.revents & POLLIN))
		return;
	if (read(p.fd, &token, ena_intr_token_len(pci->intr_handle)) <= 0)
		return;
	ena_admin_vector_work(dev);
	rte_intr_ack(pci->intr_handle);
}

int
ena_intr_setup(struct rte_eth_dev *dev)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	struct rte_pci_device *pci = RTE_ETH_DEV_TO_PCI(dev);
	int rc;

	if (ad->devargs.ctrl_poll_ms != 0 || pci->intr_handle == NULL ||
		rte_intr_fd_get(pci->intr_handle) < 0) {
		if (ad->devargs.ctrl_poll_ms == 0)
			ad->devargs.ctrl_poll_ms = ENA_CTRL_POLL_FALLBACK_MS;
		PMD_INIT_LOG(INFO, "%s: AENQ polled every %u ms", ad->name,
			ad->devargs.ctrl_poll_ms);
		ena_ctrl_poll_start(dev);
		return 0;
	}
	rc = rte_intr_callback_register(
		pci->intr_handle, ena_intr_handler, dev);
	if (rc != 0) {
		PMD_INIT_LOG(WARNING,
			"%s: cannot register the admin interrupt "
			"(%d); polling the AENQ every %u ms",
			ad->name, rc, ENA_CTRL_POLL_FALLBACK_MS);
		ad->devargs.ctrl_poll_ms = ENA_CTRL_POLL_FALLBACK_MS;
		ena_ctrl_poll_start(dev);
		return 0;
	}
	ad->intr_registered = true;
	rc = rte_intr_enable(pci->intr_handle);
	if (rc != 0) {
		PMD_INIT_LOG(WARNING,
			"%s: rte_intr_enable: %d; admin completions polled",
			ad->name, rc);
		return 0;
	}
	/* Completions now come with the vector; a lost one is polled. */
	ad->hw.intr_service = ena_intr_service;
	ad->hw.intr_service_arg = dev;
	ena_hw_admin_set_auto_polling(&ad->hw, true);
	ena_hw_admin_set_polling(&ad->hw, false);
	PMD_INIT_LOG(INFO, "%s: admin completions and AENQ events by interrupt",
		ad->name);
	return 0;
}

void
ena_intr_teardown(struct rte_eth_dev *dev)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	struct rte_pci_device *pci = RTE_ETH_DEV_TO_PCI(dev);

	ena_ctrl_poll_stop(dev);
	ena_hw_admin_set_polling(&ad->hw, true);
	ad->hw.intr_service = NULL;
	if (ad->intr_registered) {
		rte_intr_disable(pci->intr_handle);
		/*
		 * rte_intr_callback_unregister_sync() spins while the
		 * interrupt thread runs the handler; sleeping between tries
		 * lets that thread finish when it shares this core (busy
		 * pollers often leave it none, and under valgrind, which
		 * runs one thread at a time, the spin never ended).
		 */
		while (rte_intr_callback_unregister(pci->intr_handle,
			       ena_intr_handler, dev) == -EAGAIN)
			rte_delay_us_sleep(ENA_INTR_UNREGISTER_RETRY_US);
		ad->intr_registered = false;
	}
}

/* ---- Rx queue vectors ------------------------------------------------------- */

bool
ena_rxq_intr_possible(struct rte_eth_dev *dev, uint16_t nb_rxq)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	struct rte_pci_device *pci = RTE_ETH_DEV_TO_PCI(dev);

	if (pci->intr_handle == NULL ||
		!rte_intr_cap_multiple(pci->intr_handle)) {
		PMD_DRV_LOG(ERR,
			"%s: Rx queue interrupts need one vector per queue: "
			"bind the device to vfio-pci (its interrupt handle "
			"here is of type %d)",
			ad->name,
			pci->intr_handle != NULL
				? (int)rte_intr_type_get(pci->intr_handle)
				: -1);
		return false;
	}
	if (nb_rxq > RTE_MAX_RXTX_INTR_VEC_ID - RTE_INTR_VEC_RXTX_OFFSET ||
		nb_rxq > ad->max_io_queues) {
		PMD_DRV_LOG(ERR,
			"%s: %u Rx queues with interrupts: at most %u vectors",
			ad->name, nb_rxq,
			RTE_MIN(RTE_MAX_RXTX_INTR_VEC_ID -
					RTE_INTR_VEC_RXTX_OFFSET,
				(int)ad->max_io_queues));
		return false;
	}
	return true;
}

int
ena_rxq_intr_setup(struct rte_eth_dev *dev)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	struct rte_pci_device *pci = RTE_ETH_DEV_TO_PCI(dev);
	struct rte_intr_handle *h = pci->intr_handle;
	uint16_t nb = dev->data->nb_rx_queues, q;
	int rc;

	ad->rxq_intr = false;
	if (dev->data->dev_conf.intr_conf.rxq == 0)
		return 0;
	/* EAL programs the vectors when the handle is enabled again. */
	rte_intr_disable(h);
	rc = rte_intr_efd_enable(h, nb);
	if (rc == 0)
		rc = rte_intr_vec_list_alloc(h, "ena_rxq_intr", nb);
	for (q = 0; rc == 0 && q < nb; q++)
		rc = rte_intr_vec_list_index_set(
			h, q, RTE_INTR_VEC_RXTX_OFFSET + q);
	if (rc != 0) {
		PMD_DRV_LOG(ERR, "%s: cannot set up %u Rx queue vectors: %d",
			ad->name, nb, rc);
		rte_intr_vec_list_free(h);
		rte_intr_efd_disable(h);
		rte_intr_enable(h);
		return rc < 0 ? rc : -rc;
	}
	rc = rte_intr_enable(h);
	if (rc != 0) {
		PMD_DRV_LOG(ERR, "%s: enabling %u Rx queue vectors: %d",
			ad->name, nb, rc);
		rte_intr_vec_list_free(h);
		rte_intr_efd_disable(h);
		return rc;
	}
	ad->rxq_intr = true;
	PMD_DRV_LOG(INFO, "%s: Rx queues 0..%u on MSI-X vectors %u..%u",
		ad->name, nb - 1, RTE_INTR_VEC_RXTX_OFFSET,
		RTE_INTR_VEC_RXTX_OFFSET + nb - 1);
	return 0;
}

void
ena_rxq_intr_teardown(struct rte_eth_dev *dev)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	struct rte_pci_device *pci = RTE_ETH_DEV_TO_PCI(dev);
	struct rte_intr_handle *h = pci->intr_handle;

	if (!ad->rxq_intr)
		return;
	ad->rxq_intr = false;
	rte_intr_disable(h);
	rte_intr_vec_list_free(h);
	rte_intr_efd_disable(h);
	/* The admin vector stays. */
	if (ad->intr_registered)
		rte_intr_enable(h);
}

int
ena_rx_queue_intr_enable(struct rte_eth_dev *dev, uint16_t qid)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	struct ena_ring *r = &ad->rx_ring[qid];

	if (!ad->rxq_intr || !r->started || r->cq.msix_vector < 0) {
		PMD_DRV_LOG(ERR,
			"%s: rxq %u has no interrupt (configure with "
			"intr_conf.rxq = 1 and start the port)",
			ad->name, qid);
		return -ENOTSUP;
	}
	ena_hw_cq_unmask(&r->cq, 0, 0);
	return 0;
}

/* The device masks a vector each time it fires: nothing to do. */
int
ena_rx_queue_intr_disable(struct rte_eth_dev *dev, uint16_t qid)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	struct ena_ring *r = &ad->rx_ring[qid];

	if (!ad->rxq_intr || !r->started || r->cq.msix_vector < 0)
		return -ENOTSUP;
	return 0;
}

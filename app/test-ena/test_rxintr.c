/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */

/*
 * Suite rxintr (explicit: it needs an ENA on a bus that gives one MSI-X
 * vector per queue, i.e. a PCI function bound to vfio-pci, with a loopback
 * wire; devtools/vm.sh runs it in its guest):
 *   dpdk-test-ena -a 0000:00:06.0 -d librte_net_ena.so -- rxintr [port=N]
 *
 * An application that sleeps until traffic arrives: each Rx queue's vector
 * is added to the thread's epoll set, the queue's interrupt is armed, and
 * the thread sleeps in rte_epoll_wait(). Nothing may wake it while the
 * wire is quiet; packets steered (RETA) to one queue must wake it with that
 * queue's event and be there to receive.
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <rte_cycles.h>
#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_interrupts.h>
#include <rte_ip.h>
#include <rte_mbuf.h>
#include <rte_udp.h>

#include "test.h"

#define RXI_QUEUES    2
#define RXI_RING      512
#define RXI_BURST     32
#define RXI_QUIET_MS  300
#define RXI_WAKE_MS   10000
#define RXI_RETA_SIZE 128

static struct rte_mempool *rxi_pool;

static int
rxi_port_start(uint16_t port)
{
	struct rte_eth_dev_info info;
	struct rte_eth_conf conf;
	uint16_t q;
	int rc;

	rc = rte_eth_dev_info_get(port, &info);
	if (rc != 0)
		return rc;
	memset(&conf, 0, sizeof(conf));
	conf.rxmode.mq_mode = RTE_ETH_MQ_RX_RSS;
	conf.rx_adv_conf.rss_conf.rss_hf = (RTE_ETH_RSS_IP | RTE_ETH_RSS_UDP) &
		info.flow_type_rss_offloads;
	conf.intr_conf.rxq = 1;
	rc = rte_eth_dev_configure(port, RXI_QUEUES, 1, &conf);
	if (rc != 0)
		return rc;
	for (q = 0; q < RXI_QUEUES; q++) {
		rc = rte_eth_rx_queue_setup(port, q, RXI_RING,
			rte_eth_dev_socket_id(port), NULL, rxi_pool);
		if (rc != 0)
			return rc;
	}
	rc = rte_eth_tx_queue_setup(
		port, 0, RXI_RING, rte_eth_dev_socket_id(port), NULL);
	if (rc != 0)
		return rc;
	return rte_eth_dev_start(port);
}

/* Every RETA entry to queue q. */
static int
rxi_steer(uint16_t port, uint16_t q)
{
	struct rte_eth_rss_reta_entry64 reta[RXI_RETA_SIZE / 64];
	struct rte_eth_dev_info info;
	unsigned int i;
	int rc;

	rc = rte_eth_dev_info_get(port, &info);
	if (rc != 0)
		return rc;
	memset(reta, 0, sizeof(reta));
	for (i = 0; i < info.reta_size && i < RXI_RETA_SIZE; i++) {
		reta[i / 64].mask |= UINT64_C(1) << (i % 64);
		reta[i / 64].reta[i % 64] = q;
	}
	return rte_eth_dev_rss_reta_update(port, reta, info.reta_size);
}

static unsigned int
rxi_send(uint16_t port, unsigned int n, uint16_t tag)
{
	struct rte_mbuf *m[RXI_BURST];
	struct rte_ether_hdr *eth;
	struct rte_ipv4_hdr *ip;
	struct rte_udp_hdr *udp;
	unsigned int i, sent;

	if (rte_pktmbuf_alloc_bulk(rxi_pool, m, n) != 0)
		return 0;
	for (i = 0; i < n; i++) {
		eth = rte_pktmbuf_mtod(m[i], struct rte_ether_hdr *);
		memset(eth, 0, 64);
		eth->dst_addr.addr_bytes[0] = 0x02;
		eth->src_addr.addr_bytes[0] = 0x02;
		eth->ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4);
		ip = (struct rte_ipv4_hdr *)(eth + 1);
		ip->version_ihl = RTE_IPV4_VHL_DEF;
		ip->total_length = rte_cpu_to_be_16(64 - sizeof(*eth));
		ip->time_to_live = 64;
		ip->next_proto_id = IPPROTO_UDP;
		ip->src_addr = rte_cpu_to_be_32(RTE_IPV4(10, 0, 0, 1));
		ip->dst_addr = rte_cpu_to_be_32(RTE_IPV4(10, 0, tag, i));
		ip->hdr_checksum = rte_ipv4_cksum(ip);
		udp = (struct rte_udp_hdr *)(ip + 1);
		udp->src_port = rte_cpu_to_be_16(1000 + i);
		udp->dst_port = rte_cpu_to_be_16(2000);
		udp->dgram_len = rte_cpu_to_be_16(
			64 - sizeof(*eth) - sizeof(*ip));
		m[i]->data_len = 64;
		m[i]->pkt_len = 64;
	}
	sent = rte_eth_tx_burst(port, 0, m, (uint16_t)n);
	if (sent < n)
		rte_pktmbuf_free_bulk(m + sent, n - sent);
	return sent;
}

/* Receives on q until n packets or the deadline; returns how many. */
static unsigned int
rxi_drain(uint16_t port, uint16_t q, unsigned int n, uint64_t ms)
{
	uint64_t end = rte_get_timer_cycles() + ms * rte_get_timer_hz() / 1000;
	struct rte_mbuf *m[RXI_BURST];
	unsigned int got = 0;
	uint16_t k;

	while (got < n && rte_get_timer_cycles() < end) {
		k = rte_eth_rx_burst(port, q, m, RXI_BURST);
		got += k;
		rte_pktmbuf_free_bulk(m, k);
		/* The Tx side frees its completed mbufs on its next burst. */
		rte_eth_tx_done_cleanup(port, 0, 0);
	}
	return got;
}

static void
rxi_wake_on(uint16_t port, uint16_t q)
{
	struct rte_epoll_event ev[RXI_QUEUES];
	unsigned int sent, got, i, mine = 0;
	int n, rc;

	rc = rxi_steer(port, q);
	ENA_CHECK_RC("steer all traffic to the queue (RETA)", 0, rc);
	for (i = 0; i < RXI_QUEUES; i++)
		ENA_CHECK_RC("rx_intr_enable", 0,
			rte_eth_dev_rx_intr_enable(port, (uint16_t)i));
	sent = rxi_send(port, RXI_BURST, (uint16_t)q);
	ENA_CHECK_EQ("packets sent", RXI_BURST, sent);
	n = rte_epoll_wait(RTE_EPOLL_PER_THREAD, ev, RXI_QUEUES, RXI_WAKE_MS);
	ENA_CHECK(n >= 1,
		"rxq %u: sleeping thread woken by traffic "
		"(rte_epoll_wait returned %d)",
		q, n);
	/*
	 * Another queue may wake the thread too: completions that arrived
	 * while its vector was masked (and were received since) leave it
	 * pending, as on hardware; an application just finds nothing there.
	 */
	for (i = 0; i < (unsigned int)(n > 0 ? n : 0); i++) {
		if ((uintptr_t)ev[i].epdata.data == q)
			mine++;
		else
			printf("rxintr: rxq %u also signalled (pending from "
			       "earlier traffic)\n",
				(unsigned int)(uintptr_t)ev[i].epdata.data);
	}
	ENA_CHECK_EQ("events naming the queue the traffic went to", 1, mine);
	for (i = 0; i < RXI_QUEUES; i++)
		rte_eth_dev_rx_intr_disable(port, (uint16_t)i);
	got = rxi_drain(port, q, sent, RXI_WAKE_MS);
	ENA_CHECK_EQ("packets received on the woken queue", sent, got);
}

static void
rxi_run(void)
{
	uint16_t port = (uint16_t)ena_test_opt_u64("port", 0);
	struct rte_epoll_event ev[RXI_QUEUES];
	unsigned int q;
	int rc, n;

	if (!rte_eth_dev_is_valid_port(port)) {
		ENA_CHECK(
			false, "no port %u (run with -a <PCI address>)", port);
		return;
	}
	rxi_pool = rte_pktmbuf_pool_create("rxi_pool", 4096, 128, 0,
		RTE_MBUF_DEFAULT_BUF_SIZE, rte_eth_dev_socket_id(port));
	ENA_CHECK(rxi_pool != NULL, "mbuf pool");
	if (rxi_pool == NULL)
		return;
	rc = rxi_port_start(port);
	ENA_CHECK_RC("port with intr_conf.rxq = 1 starts", 0, rc);
	if (rc != 0)
		goto out;
	for (q = 0; q < RXI_QUEUES; q++)
		ENA_CHECK_RC("rxq vector added to this thread's epoll set", 0,
			rte_eth_dev_rx_intr_ctl_q(port, (uint16_t)q,
				RTE_EPOLL_PER_THREAD, RTE_INTR_EVENT_ADD,
				(void *)(uintptr_t)q));

	/* A quiet wire must not wake the thread. */
	for (q = 0; q < RXI_QUEUES; q++)
		rte_eth_dev_rx_intr_enable(port, (uint16_t)q);
	n = rte_epoll_wait(RTE_EPOLL_PER_THREAD, ev, RXI_QUEUES, RXI_QUIET_MS);
	ENA_CHECK_EQ("events while nothing is sent", 0, n);
	for (q = 0; q < RXI_QUEUES; q++)
		rte_eth_dev_rx_intr_disable(port, (uint16_t)q);

	rxi_wake_on(port, 1);
	rxi_wake_on(port, 0);
	rxi_wake_on(port, 1);

	for (q = 0; q < RXI_QUEUES; q++)
		rte_eth_dev_rx_intr_ctl_q(port, (uint16_t)q,
			RTE_EPOLL_PER_THREAD, RTE_INTR_EVENT_DEL, NULL);
	ENA_CHECK_RC("port stops", 0, rte_eth_dev_stop(port));
out:
	ENA_CHECK_RC("port closes", 0, rte_eth_dev_close(port));
	ENA_CHECK_EQ("mbufs all back in the pool", 4096,
		rte_mempool_avail_count(rxi_pool));
	rte_mempool_free(rxi_pool);
	rxi_pool = NULL;
}

ENA_EXPLICIT_SUITE(rxintr,
	"Rx queue interrupts: sleep in rte_epoll_wait, wake on traffic",
	rxi_run)

/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */

/*
 * Multi-process: a primary (suite mp_primary) owns an emulated device
 * with our PMD, starts a loopback port and hands it over; a secondary
 * (suite mp_secondary, --proc-type=secondary) runs Tx/Rx bursts on it and
 * reads the statistics. devtools/mp-test.sh drives both over two FIFOs:
 * the primary writes "ready" to ready=<fifo>, then blocks on go=<fifo>
 * until the script says "stop". Both suites run only when named and skip
 * without shared memory or their peer.
 */

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_cycles.h>
#include <rte_dev.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "test.h"

#define MP_POOL_NAME "ena_mp_pool"
#define MP_POOL_SIZE 4095u
#define MP_VDEV	     "ena_emu_mp"
#define MP_PCI	     "0000:ee:00.0"
#define MP_RING	     512
#define MP_BURST     32
#define MP_ETHERTYPE 0x88b5 /* local experimental */
#define MP_MAGIC     0x6d70u

static uint32_t
mp_pkt_len(uint32_t seq)
{
	return 60 + (seq * 37u) % 1400u;
}

static uint8_t
mp_payload_byte(uint32_t seq, uint32_t off)
{
	return (uint8_t)(seq * 31u + off * 7u + 3u);
}

static struct rte_mbuf *
mp_pkt_build(
	struct rte_mempool *mp, const struct rte_ether_addr *dst, uint32_t seq)
{
	uint32_t len = mp_pkt_len(seq), i;
	struct rte_ether_hdr *eth;
	struct rte_mbuf *m;
	uint8_t *p;

	m = rte_pktmbuf_alloc(mp);
	if (m == NULL)
		return NULL;
	p = (uint8_t *)rte_pktmbuf_append(m, (uint16_t)len);
	if (p == NULL) {
		rte_pktmbuf_free(m);
		return NULL;
	}
	eth = (struct rte_ether_hdr *)p;
	rte_ether_addr_copy(dst, &eth->dst_addr);
	memset(&eth->src_addr, 0, sizeof(eth->src_addr));
	eth->src_addr.addr_bytes[0] = 0x02;
	eth->ether_type = rte_cpu_to_be_16(MP_ETHERTYPE);
	p += sizeof(*eth);
	p[0] = MP_MAGIC >> 8;
	p[1] = MP_MAGIC & 0xff;
	memcpy(p + 2, &seq, sizeof(seq));
	for (i = sizeof(*eth) + 6; i < len; i++)
		((uint8_t *)eth)[i] = mp_payload_byte(seq, i);
	return m;
}

/* Returns the sequence number of a frame built above, -1 if it is not. */
static int64_t
mp_pkt_check(const struct rte_mbuf *m)
{
	const struct rte_ether_hdr *eth;
	const uint8_t *p;
	uint32_t seq, i;

	if (m->nb_segs != 1 || m->pkt_len < 60)
		return -1;
	eth = rte_pktmbuf_mtod(m, const struct rte_ether_hdr *);
	if (eth->ether_type != rte_cpu_to_be_16(MP_ETHERTYPE))
		return -1;
	p = (const uint8_t *)(eth + 1);
	if (p[0] != (MP_MAGIC >> 8) || p[1] != (MP_MAGIC & 0xff))
		return -1;
	memcpy(&seq, p + 2, sizeof(seq));
	if (m->pkt_len != mp_pkt_len(seq))
		return -1;
	for (i = sizeof(*eth) + 6; i < m->pkt_len; i++)
		if (((const uint8_t *)eth)[i] != mp_payload_byte(seq, i))
			return -1;
	return seq;
}

struct mp_traffic {
	uint32_t sent, received, bad, out_of_order;
	uint64_t bytes;
};

/*
 * Sends n frames numbered from first and receives them back in order on
 * queue 0, within a bounded time.
 */
static void
mp_traffic_run(uint16_t port, struct rte_mempool *mp, uint32_t first,
	uint32_t n, struct mp_traffic *t)
{
	uint64_t deadline = rte_get_timer_cycles() + 20 * rte_get_timer_hz();
	struct rte_mbuf *tx[MP_BURST], *rx[MP_BURST];
	struct rte_ether_addr mac;
	uint32_t next_seq = first;
	uint16_t k, nb, sent;
	int64_t seq;

	memset(t, 0, sizeof(*t));
	rte_eth_macaddr_get(port, &mac);
	while (t->received < n && rte_get_timer_cycles() < deadline) {
		nb = 0;
		while (t->sent + nb < n && nb < MP_BURST &&
			t->sent + nb - t->received < MP_RING / 2) {
			tx[nb] = mp_pkt_build(mp, &mac, first + t->sent + nb);
			if (tx[nb] == NULL)
				break;
			nb++;
		}
		sent = nb > 0 ? rte_eth_tx_burst(port, 0, tx, nb) : 0;
		for (k = sent; k < nb; k++)
			rte_pktmbuf_free(tx[k]);
		for (k = 0; k < sent; k++)
			t->bytes += mp_pkt_len(first + t->sent + k);
		t->sent += sent;
		nb = rte_eth_rx_burst(port, 0, rx, MP_BURST);
		for (k = 0; k < nb; k++) {
			seq = mp_pkt_check(rx[k]);
			if (seq < 0)
				t->bad++;
			else if ((uint32_t)seq != next_seq)
				t->out_of_order++;
			if (seq >= 0)
				next_seq = (uint32_t)seq + 1;
			t->received++;
			rte_pktmbuf_free(rx[k]);
		}
	}
}

/* ---- primary ------------------------------------------------------------ */

static int
mp_port_setup(uint16_t port, struct rte_mempool *mp)
{
	struct rte_eth_conf conf;
	int rc;

	memset(&conf, 0, sizeof(conf));
	rc = rte_eth_dev_configure(port, 1, 1, &conf);
	if (rc == 0)
		rc = rte_eth_rx_queue_setup(
			port, 0, MP_RING, SOCKET_ID_ANY, NULL, mp);
	if (rc == 0)
		rc = rte_eth_tx_queue_setup(
			port, 0, MP_RING, SOCKET_ID_ANY, NULL);
	if (rc == 0)
		rc = rte_eth_dev_start(port);
	return rc;
}

static int
mp_find_port(const char *pci, uint16_t *port)
{
	uint16_t p;

	RTE_ETH_FOREACH_DEV (p) {
		struct rte_eth_dev_info info;

		if (rte_eth_dev_info_get(p, &info) == 0 &&
			info.device != NULL &&
			strcmp(rte_dev_name(info.device), pci) == 0) {
			*port = p;
			return 0;
		}
	}
	return -ENODEV;
}

/* Blocks until the script writes a line to the go FIFO (or goes away). */
static int
mp_wait_go(const char *path, unsigned int timeout_s)
{
	struct pollfd pfd;
	char line[64];
	ssize_t n;
	int fd, rc;

	fd = open(path, O_RDONLY | O_NONBLOCK);
	if (fd < 0) {
		printf("cannot open go FIFO %s: %s\n", path, strerror(errno));
		return -errno;
	}
	pfd.fd = fd;
	pfd.events = POLLIN;
	rc = poll(&pfd, 1, (int)timeout_s * 1000);
	if (rc == 0) {
		printf("no word on %s within %u s\n", path, timeout_s);
		close(fd);
		return -ETIMEDOUT;
	}
	n = read(fd, line, sizeof(line) - 1);
	close(fd);
	if (n <= 0) {
		printf("go FIFO %s closed without a word\n", path);
		return -EPIPE;
	}
	return 0;
}

static int
mp_say_ready(const char *path, uint16_t port)
{
	char line[32];
	int fd, n;
	ssize_t w;

	fd = open(path, O_WRONLY | O_NONBLOCK);
	if (fd < 0) {
		printf("cannot open ready FIFO %s: %s\n", path,
			strerror(errno));
		return -errno;
	}
	n = snprintf(line, sizeof(line), "ready %u\n", port);
	w = write(fd, line, (size_t)n);
	close(fd);
	return w == n ? 0 : -EIO;
}

static void
test_mp_primary(void)
{
	const char *ready = ena_test_opt("ready", NULL);
	const char *go = ena_test_opt("go", NULL);
	const char *pmd = ena_test_opt("pmd", "drivers/librte_net_ena");
	uint32_t llq = (uint32_t)ena_test_opt_u64("llq", 1);
	uint32_t n = (uint32_t)ena_test_opt_u64("pkts", 2000);
	unsigned int timeout_s = (unsigned int)ena_test_opt_u64(
		"timeout_s", 120);
	struct rte_eth_stats st;
	struct mp_traffic t;
	struct rte_mempool *mp;
	char args[192];
	uint16_t port;
	int rc;

	if (!rte_eal_has_hugepages()) {
		ena_test_skip("needs shared memory (hugepages), not --no-huge; "
			      "run by devtools/mp-test.sh");
		return;
	}
	if (ready == NULL || go == NULL) {
		ena_test_skip("needs ready=<fifo> go=<fifo> and a secondary; "
			      "run by devtools/mp-test.sh");
		return;
	}
	mp = rte_pktmbuf_pool_create(MP_POOL_NAME, MP_POOL_SIZE, 0, 0,
		RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	ENA_CHECK(mp != NULL, "mbuf pool: %s", rte_strerror(rte_errno));
	if (mp == NULL)
		return;
	snprintf(args, sizeof(args), "pmd=%s,wire=loopback,addr=%s,llq=%u", pmd,
		MP_PCI, llq != 0);
	rc = rte_eal_hotplug_add("vdev", MP_VDEV, args);
	ENA_CHECK_RC("vdev " MP_VDEV " add", 0, rc);
	if (rc != 0)
		goto free_pool;
	rc = mp_find_port(MP_PCI, &port);
	ENA_CHECK_RC("port of " MP_PCI, 0, rc);
	if (rc != 0)
		goto remove;
	rc = mp_port_setup(port, mp);
	ENA_CHECK_RC("port configure/start", 0, rc);
	if (rc != 0)
		goto close;

	ENA_CHECK_RC(
		"tell the script we are ready", 0, mp_say_ready(ready, port));
	ENA_CHECK_RC("wait for the secondary to finish", 0,
		mp_wait_go(go, timeout_s));

	/* The secondary's traffic shows in the shared counters. */
	rc = rte_eth_stats_get(port, &st);
	ENA_CHECK_RC("stats after the secondary", 0, rc);
	ENA_CHECK_EQ("opackets sent by the secondary", n, st.opackets);
	ENA_CHECK_EQ("ipackets received by the secondary", n, st.ipackets);
	ENA_CHECK_EQ("ierrors", 0, st.ierrors);

	/* The secondary's exit left the device working here. */
	mp_traffic_run(port, mp, n, 256, &t);
	ENA_CHECK_EQ("primary frames back after the secondary left", 256,
		t.received);
	ENA_CHECK_EQ("primary bad frames", 0, t.bad + t.out_of_order);

	rc = rte_eth_dev_stop(port);
	ENA_CHECK_RC("port stop", 0, rc);
close:
	ENA_CHECK_RC("port close", 0, rte_eth_dev_close(port));
remove:
	ENA_CHECK_RC("vdev remove", 0, rte_eal_hotplug_remove("vdev", MP_VDEV));
	ENA_CHECK_EQ("mbufs back in the pool (none lost by either process)",
		MP_POOL_SIZE, rte_mempool_avail_count(mp));
free_pool:
	rte_mempool_free(mp);
}

ENA_EXPLICIT_SUITE(mp_primary,
	"multi-process: primary owning the device (mp-test.sh)",
	test_mp_primary)

/* ---- secondary ---------------------------------------------------------- */

static int
mp_xstat(uint16_t port, const char *name, uint64_t *val)
{
	uint64_t id;
	int rc;

	rc = rte_eth_xstats_get_id_by_name(port, name, &id);
	if (rc != 0)
		return rc;
	return rte_eth_xstats_get_by_id(port, &id, val, 1) == 1 ? 0 : -EIO;
}

static void
test_mp_secondary(void)
{
	uint32_t n = (uint32_t)ena_test_opt_u64("pkts", 2000);
	uint32_t llq = (uint32_t)ena_test_opt_u64("llq", 1);
	struct rte_eth_stats before, after;
	struct rte_eth_xstat *xs;
	uint64_t rx_cnt = 0, tx_cnt = 0, pushes = 0;
	struct rte_mempool *mp;
	struct mp_traffic t;
	uint16_t port;
	int rc, nx, i;

	if (rte_eal_process_type() != RTE_PROC_SECONDARY) {
		ena_test_skip("runs as --proc-type=secondary next to "
			      "mp_primary; run by devtools/mp-test.sh");
		return;
	}
	rc = mp_find_port(MP_PCI, &port);
	ENA_CHECK_RC("port " MP_PCI " attached in the secondary", 0, rc);
	mp = rte_mempool_lookup(MP_POOL_NAME);
	ENA_CHECK(mp != NULL, "primary's pool %s not found", MP_POOL_NAME);
	if (rc != 0 || mp == NULL)
		return;

	/* Port changes belong to the primary. */
	ENA_CHECK_RC("MTU change from the secondary", -ENOTSUP,
		rte_eth_dev_set_mtu(port, 1400));
	ENA_CHECK_RC("queue stop from the secondary", -ENOTSUP,
		rte_eth_dev_rx_queue_stop(port, 0));

	ENA_CHECK_RC("stats before", 0, rte_eth_stats_get(port, &before));
	mp_traffic_run(port, mp, 0, n, &t);
	ENA_CHECK_EQ("frames sent", n, t.sent);
	ENA_CHECK_EQ("frames received back", n, t.received);
	ENA_CHECK_EQ("frames with a bad payload", 0, t.bad);
	ENA_CHECK_EQ("frames out of order", 0, t.out_of_order);

	ENA_CHECK_RC("stats after", 0, rte_eth_stats_get(port, &after));
	ENA_CHECK_EQ("opackets", n, after.opackets - before.opackets);
	ENA_CHECK_EQ("ipackets", n, after.ipackets - before.ipackets);
	ENA_CHECK_EQ("obytes", t.bytes, after.obytes - before.obytes);
	ENA_CHECK_EQ("ibytes", t.bytes, after.ibytes - before.ibytes);
	ENA_CHECK_EQ("ierrors", 0, after.ierrors - before.ierrors);
	ENA_CHECK_EQ("oerrors", 0, after.oerrors - before.oerrors);

	nx = rte_eth_xstats_get(port, NULL, 0);
	ENA_CHECK(nx > 0, "xstats count: %d", nx);
	if (nx <= 0)
		return;
	xs = calloc((size_t)nx, sizeof(*xs));
	if (xs == NULL)
		return;
	i = rte_eth_xstats_get(port, xs, (unsigned int)nx);
	ENA_CHECK_EQ("xstats read", nx, i);
	free(xs);
	ENA_CHECK_RC(
		"xstat rx_q0_cnt", 0, mp_xstat(port, "rx_q0_cnt", &rx_cnt));
	ENA_CHECK_RC(
		"xstat tx_q0_cnt", 0, mp_xstat(port, "tx_q0_cnt", &tx_cnt));
	ENA_CHECK_EQ("rx_q0_cnt equals ipackets", after.ipackets, rx_cnt);
	ENA_CHECK_EQ("tx_q0_cnt equals opackets", after.opackets, tx_cnt);
	/* The secondary's frames went through the device's LLQ memory. */
	ENA_CHECK_RC("xstat tx_q0_llq_pushes", 0,
		mp_xstat(port, "tx_q0_llq_pushes", &pushes));
	if (llq)
		ENA_CHECK(pushes >= n,
			"llq=1: %" PRIu64 " LLQ pushes for %u "
			"frames",
			pushes, n);
	else
		ENA_CHECK_EQ("llq=0: LLQ pushes", 0, pushes);
}

ENA_EXPLICIT_SUITE(mp_secondary,
	"multi-process: secondary running bursts (mp-test.sh)",
	test_mp_secondary)

/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */

/*
 * ena_fwd: the smallest useful application of the ENA PMD. It starts every
 * port, optionally injects a first burst of UDP frames, then forwards what it
 * receives (port N to port N^1, a lone port to itself) for a fixed time and
 * prints what it counted. It also tells which shared object provides the
 * driver of each port, which is how one sees whether our net_ena or another
 * one (e.g. Debian's) took a device.
 */

#include <dlfcn.h>
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_dev.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_mbuf.h>
#include <rte_udp.h>

#define FWD_BURST      32
#define FWD_RING       512
#define FWD_MAX_QUEUES 16

struct fwd_opts {
	unsigned int seconds;
	unsigned int queues;
	unsigned int tx_first; /* frames injected per Tx queue at start */
	uint64_t min_packets;  /* exit status 1 below this many Rx */
	bool xstats;	       /* print every extended statistic at the end */
};

struct fwd_counts {
	uint64_t rx;
	uint64_t tx;
	uint64_t dropped;
};

static volatile bool fwd_quit;

static void
fwd_on_signal(int sig)
{
	RTE_SET_USED(sig);
	fwd_quit = true;
}

static void
fwd_usage(const char *prog)
{
	printf("usage: %s [EAL args] -- [--seconds N] [--queues N] "
	       "[--tx-first N] [--min-packets N] [--xstats]\n"
	       "  --seconds N      forward for N seconds (default 5)\n"
	       "  --queues N       Rx/Tx queues per port (default 1)\n"
	       "  --tx-first N     inject N frames per Tx queue first "
	       "(default 0)\n"
	       "  --min-packets N  fail unless N packets were received\n"
	       "  --xstats         print the extended statistics at the end\n",
		prog);
}

static int
fwd_parse_uint(const char *name, const char *text, uint64_t max, uint64_t *out)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(text, &end, 0);
	if (errno != 0 || end == text || *end != '\0' || text[0] == '-' ||
		v > max) {
		fprintf(stderr,
			"ena_fwd: bad value '%s' for %s (0..%" PRIu64 ")\n",
			text, name, max);
		return -EINVAL;
	}
	*out = v;
	return 0;
}

static int
fwd_parse_args(int argc, char **argv, struct fwd_opts *o)
{
	static const struct option longopts[] = {
		{ "seconds", required_argument, NULL, 's' },
		{ "queues", required_argument, NULL, 'q' },
		{ "tx-first", required_argument, NULL, 't' },
		{ "min-packets", required_argument, NULL, 'm' },
		{ "xstats", no_argument, NULL, 'x' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	uint64_t v;
	int c;

	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 's':
			if (fwd_parse_uint("--seconds", optarg, 3600, &v))
				return -EINVAL;
			o->seconds = v;
			break;
		case 'q':
			if (fwd_parse_uint(
				    "--queues", optarg, FWD_MAX_QUEUES, &v) ||
				v == 0)
				return -EINVAL;
			o->queues = v;
			break;
		case 't':
			if (fwd_parse_uint("--tx-first", optarg, FWD_RING, &v))
				return -EINVAL;
			o->tx_first = v;
			break;
		case 'm':
			if (fwd_parse_uint(
				    "--min-packets", optarg, UINT64_MAX, &v))
				return -EINVAL;
			o->min_packets = v;
			break;
		case 'x':
			o->xstats = true;
			break;
		case 'h':
			fwd_usage(argv[0]);
			exit(0);
		default:
			fwd_usage(argv[0]);
			return -EINVAL;
		}
	}
	if (optind != argc) {
		fprintf(stderr, "ena_fwd: unexpected argument '%s'\n",
			argv[optind]);
		return -EINVAL;
	}
	return 0;
}

/* Which object file holds the driver: our plugin, Debian's, or the binary. */
static void
fwd_show_driver(uint16_t port)
{
	struct rte_eth_dev_info info;
	const struct rte_driver *drv;
	Dl_info where;
	const char *file = "?";

	if (rte_eth_dev_info_get(port, &info) != 0)
		return;
	drv = info.device ? rte_dev_driver(info.device) : NULL;
	if (drv != NULL && dladdr(drv, &where) != 0 && where.dli_fname)
		file = where.dli_fname;
	printf("ena_fwd: port %u: device %s, driver %s from %s\n", port,
		info.device ? rte_dev_name(info.device) : "?", info.driver_name,
		file);
}

static int
fwd_port_init(uint16_t port, unsigned int queues, struct rte_mempool *mp)
{
	struct rte_eth_conf conf = { 0 };
	struct rte_eth_dev_info info;
	uint16_t nrx = FWD_RING, ntx = FWD_RING;
	unsigned int q;
	int rc;

	rc = rte_eth_dev_info_get(port, &info);
	if (rc != 0)
		return rc;
	if (queues > info.max_rx_queues || queues > info.max_tx_queues) {
		fprintf(stderr,
			"ena_fwd: port %u supports %u Rx / %u Tx "
			"queues, %u requested\n",
			port, info.max_rx_queues, info.max_tx_queues, queues);
		return -EINVAL;
	}
	if (queues > 1) {
		conf.rxmode.mq_mode = RTE_ETH_MQ_RX_RSS;
		conf.rx_adv_conf.rss_conf.rss_hf = RTE_ETH_RSS_IP &
			info.flow_type_rss_offloads;
	}
	rc = rte_eth_dev_configure(port, queues, queues, &conf);
	if (rc != 0)
		return rc;
	rc = rte_eth_dev_adjust_nb_rx_tx_desc(port, &nrx, &ntx);
	if (rc != 0)
		return rc;
	for (q = 0; q < queues; q++) {
		rc = rte_eth_rx_queue_setup(
			port, q, nrx, rte_eth_dev_socket_id(port), NULL, mp);
		if (rc != 0)
			return rc;
		rc = rte_eth_tx_queue_setup(
			port, q, ntx, rte_eth_dev_socket_id(port), NULL);
		if (rc != 0)
			return rc;
	}
	rc = rte_eth_dev_start(port);
	if (rc != 0)
		return rc;
	/* Loopback and test wires carry frames for other MACs too. */
	rc = rte_eth_promiscuous_enable(port);
	if (rc != 0 && rc != -ENOTSUP)
		return rc;
	return 0;
}

static void
fwd_show_xstats(uint16_t port)
{
	struct rte_eth_xstat_name *names = NULL;
	struct rte_eth_xstat *vals = NULL;
	int n, got, i;

	n = rte_eth_xstats_get_names(port, NULL, 0);
	if (n <= 0)
		return;
	names = calloc(n, sizeof(*names));
	vals = calloc(n, sizeof(*vals));
	if (names == NULL || vals == NULL)
		goto out;
	if (rte_eth_xstats_get_names(port, names, n) != n)
		goto out;
	got = rte_eth_xstats_get(port, vals, n);
	for (i = 0; i < got && i < n; i++)
		printf("ena_fwd: port %u xstat %s %" PRIu64 "\n", port,
			names[vals[i].id].name, vals[i].value);
out:
	free(names);
	free(vals);
}

/* A 64-byte UDP/IPv4 frame; q varies the source port so RSS spreads them. */
static struct rte_mbuf *
fwd_make_frame(
	struct rte_mempool *mp, uint16_t port, unsigned int q, unsigned int i)
{
	const uint16_t len = RTE_ETHER_MIN_LEN - RTE_ETHER_CRC_LEN;
	struct rte_ether_hdr *eth;
	struct rte_ipv4_hdr *ip;
	struct rte_udp_hdr *udp;
	struct rte_mbuf *m;

	m = rte_pktmbuf_alloc(mp);
	if (m == NULL)
		return NULL;
	eth = (struct rte_ether_hdr *)rte_pktmbuf_append(m, len);
	if (eth == NULL) {
		rte_pktmbuf_free(m);
		return NULL;
	}
	memset(eth, 0, len);
	rte_eth_macaddr_get(port, &eth->src_addr);
	memset(&eth->dst_addr, 0xff, sizeof(eth->dst_addr));
	eth->ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4);
	ip = (struct rte_ipv4_hdr *)(eth + 1);
	ip->version_ihl = RTE_IPV4_VHL_DEF;
	ip->time_to_live = 64;
	ip->next_proto_id = IPPROTO_UDP;
	ip->total_length = rte_cpu_to_be_16(len - sizeof(*eth));
	ip->src_addr = rte_cpu_to_be_32(RTE_IPV4(10, 0, 0, 1));
	ip->dst_addr = rte_cpu_to_be_32(RTE_IPV4(10, 0, 1, 1 + i % 200));
	ip->hdr_checksum = rte_ipv4_cksum(ip);
	udp = (struct rte_udp_hdr *)(ip + 1);
	udp->src_port = rte_cpu_to_be_16(1024 + q * 256 + i % 256);
	udp->dst_port = rte_cpu_to_be_16(9);
	udp->dgram_len = rte_cpu_to_be_16(len - sizeof(*eth) - sizeof(*ip));
	return m;
}

static void
fwd_inject(uint16_t port, unsigned int queues, unsigned int count,
	struct rte_mempool *mp, struct fwd_counts *c)
{
	struct rte_mbuf *burst[FWD_BURST];
	unsigned int q, done, n, i;
	uint16_t sent;

	for (q = 0; q < queues; q++) {
		for (done = 0; done < count; done += n) {
			n = RTE_MIN(count - done, (unsigned int)FWD_BURST);
			for (i = 0; i < n; i++) {
				burst[i] = fwd_make_frame(
					mp, port, q, done + i);
				if (burst[i] == NULL)
					break;
			}
			n = i;
			if (n == 0)
				return;
			sent = rte_eth_tx_burst(port, q, burst, n);
			c->tx += sent;
			if (sent < n) {
				c->dropped += n - sent;
				rte_pktmbuf_free_bulk(&burst[sent], n - sent);
			}
		}
	}
}

static void
fwd_loop(uint16_t nb_ports, const uint16_t *ports, unsigned int queues,
	uint64_t deadline, struct fwd_counts *c)
{
	struct rte_mbuf *burst[FWD_BURST];
	uint16_t i, rx, tx, in, out;
	unsigned int q;

	while (!fwd_quit && rte_get_timer_cycles() < deadline) {
		for (i = 0; i < nb_ports; i++) {
			in = ports[i];
			out = ports[nb_ports == 1 ? i : i ^ 1];
			for (q = 0; q < queues; q++) {
				rx = rte_eth_rx_burst(in, q, burst, FWD_BURST);
				if (rx == 0)
					continue;
				c[i].rx += rx;
				tx = rte_eth_tx_burst(out, q, burst, rx);
				c[nb_ports == 1 ? i : i ^ 1].tx += tx;
				if (tx < rx) {
					c[i].dropped += rx - tx;
					rte_pktmbuf_free_bulk(
						&burst[tx], rx - tx);
				}
			}
		}
	}
}

/* Prints each port's counts (and xstats), closes it; packets received. */
static uint64_t
fwd_report_close(uint16_t nb, const uint16_t *ports, const struct fwd_counts *c,
	double secs, bool xstats)
{
	uint64_t total = 0;
	uint16_t i;

	for (i = 0; i < nb; i++) {
		printf("ena_fwd: port %u: rx %" PRIu64 " tx %" PRIu64
		       " dropped %" PRIu64 " (%.3f Mpps rx)\n",
			ports[i], c[i].rx, c[i].tx, c[i].dropped,
			secs > 0 ? c[i].rx / secs / 1e6 : 0.0);
		total += c[i].rx;
		if (xstats)
			fwd_show_xstats(ports[i]);
		rte_eth_dev_stop(ports[i]);
		rte_eth_dev_close(ports[i]);
	}
	printf("ena_fwd: %" PRIu64 " packets received in %.1f s\n", total,
		secs);
	return total;
}

int
main(int argc, char **argv)
{
	struct fwd_opts o = { .seconds = 5, .queues = 1 };
	struct fwd_counts c[RTE_MAX_ETHPORTS];
	uint16_t ports[RTE_MAX_ETHPORTS];
	struct rte_mempool *mp;
	uint64_t total, start, hz;
	uint16_t nb = 0, p, i;
	double secs;
	int rc, skip;

	skip = rte_eal_init(argc, argv);
	if (skip < 0) {
		fprintf(stderr, "ena_fwd: EAL init failed: %s\n",
			rte_strerror(rte_errno));
		return 1;
	}
	argv[skip] = argv[0];
	optind = 1;
	if (fwd_parse_args(argc - skip, argv + skip, &o) != 0) {
		rte_eal_cleanup();
		return 2;
	}
	signal(SIGINT, fwd_on_signal);
	signal(SIGTERM, fwd_on_signal);

	RTE_ETH_FOREACH_DEV (p)
		ports[nb++] = p;
	if (nb == 0) {
		fprintf(stderr,
			"ena_fwd: no Ethernet port; is the PMD "
			"loaded (-d librte_net_ena.so or linked in) and the "
			"device allowed (-a ADDR or --vdev ena_emu0)?\n");
		rte_eal_cleanup();
		return 1;
	}
	mp = rte_pktmbuf_pool_create("ena_fwd_mbufs",
		nb * o.queues * (2 * FWD_RING + FWD_BURST) + 1024, 256, 0,
		RTE_MBUF_DEFAULT_BUF_SIZE, rte_socket_id());
	if (mp == NULL) {
		fprintf(stderr, "ena_fwd: mbuf pool: %s\n",
			rte_strerror(rte_errno));
		rte_eal_cleanup();
		return 1;
	}
	memset(c, 0, sizeof(c));
	for (i = 0; i < nb; i++) {
		fwd_show_driver(ports[i]);
		rc = fwd_port_init(ports[i], o.queues, mp);
		if (rc != 0) {
			fprintf(stderr, "ena_fwd: port %u init failed: %s\n",
				ports[i], rte_strerror(-rc));
			rte_eal_cleanup();
			return 1;
		}
	}
	for (i = 0; i < nb; i++)
		fwd_inject(ports[i], o.queues, o.tx_first, mp, &c[i]);

	hz = rte_get_timer_hz();
	start = rte_get_timer_cycles();
	fwd_loop(nb, ports, o.queues, start + o.seconds * hz, c);
	secs = (double)(rte_get_timer_cycles() - start) / hz;

	total = fwd_report_close(nb, ports, c, secs, o.xstats);
	rte_mempool_free(mp);
	rte_eal_cleanup();
	if (total < o.min_packets) {
		fprintf(stderr,
			"ena_fwd: received %" PRIu64 " packets, "
			"expected at least %" PRIu64 "\n",
			total, o.min_packets);
		return 1;
	}
	return 0;
}

/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/*
 * Bench "bench_io": io forwarding on the emulated device, our PMD and
 * Debian's upstream one in the same run.
 *
 * The device runs on its own thread (an EAL control thread: with -l 1 it
 * gets core 0), the forwarding loop on the main lcore: whatever a burst
 * receives is sent back on the loopback wire, so a fixed number of
 * packets circulates. Printed per row: packets forwarded per second,
 * and the driver's cycles per forwarded packet, counted inside the
 * bursts that moved packets ("busy") and with the empty polls too
 * ("all": what the forwarding core spent waiting for the device).
 */
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>

#include <rte_cycles.h>
#include <rte_dev.h>
#include <rte_ethdev.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "ena_emu.h"
#include "test.h"

#define BIO_BURST   32u
#define BIO_RING    1024
#define BIO_SEED    512
#define BIO_NB_MBUF 8192
#define BIO_SLICES  3

struct bio_result {
	uint64_t fwd, rx_cyc, tx_cyc, idle_cyc, tsc, bursts;
};

static struct rte_mempool *bio_mp;
static unsigned int bio_seq;

static int
bio_port_open(const char *pmd, bool llq, char *vdev, size_t len, uint16_t *port)
{
	struct rte_eth_conf conf;
	char args[256];
	int rc;

	snprintf(vdev, len, "ena_emu%u", 60 + bio_seq);
	snprintf(args, sizeof(args),
		"pmd=%s,thread=1,wire=loopback,queues=1,llq=%d,"
		"addr=0000:e%x:00.0",
		pmd, llq ? 1 : 0, bio_seq & 0xf);
	bio_seq++;
	rc = ena_test_vdev_add(vdev, args, port);
	if (rc != 0)
		return rc;
	memset(&conf, 0, sizeof(conf));
	rc = rte_eth_dev_configure(*port, 1, 1, &conf);
	if (rc == 0)
		rc = rte_eth_rx_queue_setup(
			*port, 0, BIO_RING, SOCKET_ID_ANY, NULL, bio_mp);
	if (rc == 0)
		rc = rte_eth_tx_queue_setup(
			*port, 0, BIO_RING, SOCKET_ID_ANY, NULL);
	if (rc == 0)
		rc = rte_eth_dev_start(*port);
	if (rc != 0)
		rte_eal_hotplug_remove("vdev", vdev);
	return rc;
}

/* Ours is closed; the upstream PMD frees its memory only in remove. */
static void
bio_port_close(const char *vdev, uint16_t port, bool ours)
{
	rte_eth_dev_stop(port);
	if (ours)
		rte_eth_dev_close(port);
	rte_eal_hotplug_remove("vdev", vdev);
}

static void
bio_frame(struct rte_mbuf *m, uint16_t len)
{
	uint8_t *p = (uint8_t *)rte_pktmbuf_append(m, len);

	if (p == NULL)
		return;
	memset(p, 0, len);
	memset(p, 0x02, 6);
	memset(p + 6, 0x04, 6);
	p[12] = 0x08;
	p[14] = 0x45;
	p[14 + 2] = (uint8_t)((len - 14) >> 8);
	p[14 + 3] = (uint8_t)(len - 14);
	p[14 + 8] = 64;
	p[14 + 9] = 17;
}

/* BIO_SEED frames onto the wire; returns how many the PMD took. */
static unsigned int
bio_seed(uint16_t port, uint16_t len)
{
	struct rte_mbuf *tx[BIO_BURST];
	unsigned int sent = 0, tries = 0;
	uint16_t n, i;

	while (sent < BIO_SEED && tries++ < 1000) {
		if (rte_pktmbuf_alloc_bulk(bio_mp, tx, BIO_BURST) != 0)
			break;
		for (i = 0; i < BIO_BURST; i++)
			bio_frame(tx[i], len);
		n = rte_eth_tx_burst(port, 0, tx, BIO_BURST);
		for (i = n; i < BIO_BURST; i++)
			rte_pktmbuf_free(tx[i]);
		sent += n;
	}
	return sent;
}

/* Forwards for the given TSC ticks, counting the bursts' cycles. */
static void
bio_forward(uint16_t port, uint64_t ticks, struct bio_result *r)
{
	struct rte_mbuf *pkts[BIO_BURST];
	uint64_t start = rte_rdtsc(), now = start, t1, t2;
	uint16_t n, m, i;

	memset(r, 0, sizeof(*r));
	while (now - start < ticks) {
		now = rte_rdtsc();
		n = rte_eth_rx_burst(port, 0, pkts, BIO_BURST);
		t1 = rte_rdtsc();
		if (n == 0) {
			r->idle_cyc += t1 - now;
			now = t1;
			continue;
		}
		r->rx_cyc += t1 - now;
		r->bursts++;
		m = rte_eth_tx_burst(port, 0, pkts, n);
		t2 = rte_rdtsc();
		r->tx_cyc += t2 - t1;
		r->fwd += m;
		for (i = m; i < n; i++)
			rte_pktmbuf_free(pkts[i]);
		now = t2;
	}
	r->tsc = now - start;
}

struct bio_row {
	double mpps, busy, all, per_burst;
	bool ok;
};

static void
bio_measure(const char *pmd, bool ours, bool llq, uint16_t len,
	uint64_t slice_ms, struct bio_row *row)
{
	struct bio_result r;
	char vdev[32];
	uint16_t port;
	uint64_t hz = rte_get_tsc_hz();
	unsigned int k, seeded;
	int rc;

	memset(row, 0, sizeof(*row));
	rc = bio_port_open(pmd, llq, vdev, sizeof(vdev), &port);
	if (rc != 0) {
		printf("bench_io: %s (%s) llq=%d: port set-up failed: %s\n",
			ours ? "ours" : "upstream", pmd, llq, strerror(-rc));
		return;
	}
	seeded = bio_seed(port, len);
	/* Warm-up: caches, rings and the device thread settle. */
	bio_forward(port, hz * slice_ms / 2000, &r);
	for (k = 0; k < BIO_SLICES; k++) {
		double s, mpps;

		bio_forward(port, hz * slice_ms / 1000, &r);
		if (r.fwd == 0)
			continue;
		s = (double)r.tsc / (double)hz;
		mpps = (double)r.fwd / s / 1e6;
		if (mpps > row->mpps) {
			row->mpps = mpps;
			row->busy = (double)(r.rx_cyc + r.tx_cyc) /
				(double)r.fwd;
			row->all = (double)(r.rx_cyc + r.tx_cyc + r.idle_cyc) /
				(double)r.fwd;
			row->per_burst = (double)r.fwd / (double)r.bursts;
		}
	}
	row->ok = row->mpps > 0;
	printf("bench_io: %-8s llq=%d %4u B: %u packets circulating, best "
	       "of %u slices of %" PRIu64 " ms: %.3f Mpps, %.1f packets per "
	       "non-empty Rx burst\n",
		ours ? "ours" : "upstream", llq, len, seeded, BIO_SLICES,
		slice_ms, row->mpps, row->per_burst);
	bio_port_close(vdev, port, ours);
}

static void
bench_io_suite(void)
{
	static const uint16_t sizes[2] = { 64, 1500 };
	/* [llq][size][pmd] */
	struct bio_row rows[2][2][2];
	uint64_t slice_ms = ena_test_opt_u64("bench_io_ms", 1000);
	const char *pmds[2];
	unsigned int l, s, p;

	pmds[0] = ena_test_opt("pmd", "drivers/librte_net_ena");
	pmds[1] = ena_test_opt("pmd_ref", RTE_EAL_PMD_PATH);
	printf("bench_io: forwarding on lcore %u (cpu %u); the device thread "
	       "is an EAL control thread (on the cpus no lcore uses: run "
	       "with -l 1 to give it cpu 0)\n",
		rte_lcore_id(), rte_lcore_to_cpu_id((int)rte_lcore_id()));
	bio_mp = rte_pktmbuf_pool_create("bio_mp", BIO_NB_MBUF, 256, 0,
		RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	if (bio_mp == NULL) {
		ENA_CHECK(false, "bench_io mempool");
		return;
	}
	for (l = 0; l < 2; l++)
		for (s = 0; s < 2; s++)
			for (p = 0; p < 2; p++)
				bio_measure(pmds[p], p == 0, l == 1, sizes[s],
					slice_ms, &rows[l][s][p]);
	printf("\nio forwarding, one queue, bursts of %u: Mpps and driver "
	       "cycles per forwarded packet\n",
		BIO_BURST);
	printf("%-12s %9s %9s %11s %11s %11s %11s\n", "", "Mpps ours",
		"Mpps ref", "busy ours", "busy ref", "all ours", "all ref");
	for (l = 0; l < 2; l++)
		for (s = 0; s < 2; s++) {
			struct bio_row *o = &rows[l][s][0], *u = &rows[l][s][1];

			printf("%-4s %5u B  %9.3f %9.3f %11.1f %11.1f %11.1f "
			       "%11.1f\n",
				l ? "LLQ" : "host", sizes[s], o->mpps, u->mpps,
				o->busy, u->busy, o->all, u->all);
			ENA_CHECK(o->ok,
				"bench_io: ours forwarded (llq=%u, %u B)", l,
				sizes[s]);
		}
	rte_mempool_free(bio_mp);
	bio_mp = NULL;
}

ENA_BENCH_SUITE(bench_io,
	"io forwarding Mpps and cycles/packet: our PMD vs upstream, emulated",
	bench_io_suite)

/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/*
 * Bench "bench": driver cycles per packet inside rx_burst / tx_burst, for
 * our PMD and Debian's upstream one on the same emulated device.
 *
 * The device runs with thread=0: during measurement this thread single-steps
 * it between bursts (outside the timed region), so only driver work is
 * counted. While the application thread is blocked in a control call
 * (probe, configure, start, stop, close) a helper thread steps the device
 * instead; the two never step at the same time.
 *
 * Run under callgrind (devtools/bench-ipp.sh) the bench also counts
 * instructions per packet: cycles on a shared machine move from run to
 * run, instruction counts do not, so they show what a change did.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_dev.h>
#include <rte_cycles.h>
#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_pause.h>
#include <rte_udp.h>
#include <rte_vect.h>

#include "ena_emu.h"
#include "test.h"

/* Built without valgrind's headers the counting pass never runs. */
#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define BENCH_CG 1
#endif
#endif
#ifndef BENCH_CG
#define RUNNING_ON_VALGRIND 0
#define CALLGRIND_TOGGLE_COLLECT \
	do {                     \
	} while (0)
#define CALLGRIND_ZERO_STATS \
	do {                 \
	} while (0)
#define CALLGRIND_DUMP_STATS_AT(name) RTE_SET_USED(name)
#endif

/* bench_run's collect argument: bursts whose instructions callgrind counts */
#define BENCH_CG_TX 1u
#define BENCH_CG_RX 2u

#define BENCH_BURST   32
#define BENCH_RING    1024
#define BENCH_NB_MBUF 8192

struct bench_stepper {
	struct ena_emu_dev *emu;
	volatile bool run;  /* helper may step */
	volatile bool busy; /* helper is inside ena_emu_poll */
	volatile bool quit;
	/* Device being probed: the helper finds it by name. */
	const char *volatile want;
	pthread_t tid;
};

static struct bench_stepper bench_st;
static struct rte_mempool *bench_mp;
static unsigned int bench_seq;

static void *
bench_stepper_main(void *arg)
{
	struct bench_stepper *s = arg;

	while (!s->quit) {
		if (s->run && s->emu == NULL && s->want != NULL)
			s->emu = ena_emu_dev_find(s->want);
		if (s->run && s->emu != NULL) {
			s->busy = true;
			if (s->run)
				ena_emu_poll(s->emu);
			s->busy = false;
		}
		rte_pause();
	}
	return NULL;
}

static void
bench_helper_on(void)
{
	bench_st.run = true;
}

/* Returns once the helper is guaranteed not to step the device. */
static void
bench_helper_off(void)
{
	bench_st.run = false;
	rte_smp_mb();
	while (bench_st.busy)
		rte_pause();
}

struct bench_port {
	char vdev[32];
	uint16_t port;
	bool ours;
	struct ena_emu_dev *emu;
};

static void
bench_pump(struct ena_emu_dev *emu)
{
	unsigned int guard = 0;

	while (ena_emu_poll(emu) != 0 && ++guard < 64)
		;
}

/* simd: the SIMD width the ports' bursts are chosen under; 0 leaves it. */
static int
bench_port_open(struct bench_port *bp, const char *pmd, bool llq,
	bool fast_free, uint16_t simd)
{
	uint16_t old_simd = rte_vect_get_max_simd_bitwidth();
	struct rte_eth_conf conf;
	char args[256];
	int rc;

	snprintf(bp->vdev, sizeof(bp->vdev), "ena_emu%u", 40 + bench_seq);
	snprintf(args, sizeof(args),
		"pmd=%s,thread=0,wire=loopback,queues=1,llq=%d,"
		"addr=0000:d%x:00.0",
		pmd, llq ? 1 : 0, bench_seq & 0xf);
	bench_seq++;
	/*
	 * The device appears inside rte_vdev_init, which also probes the
	 * PMD: the helper looks it up by name and steps it meanwhile.
	 */
	bench_st.emu = NULL;
	bench_st.want = bp->vdev;
	bench_helper_on();
	rc = ena_test_vdev_add(bp->vdev, args, &bp->port);
	bench_helper_off();
	bench_st.want = NULL;
	if (rc != 0)
		return rc;
	bp->emu = ena_emu_dev_find(bp->vdev);
	if (bp->emu == NULL)
		return -ENODEV;
	bench_st.emu = bp->emu;
	bench_helper_on();
	memset(&conf, 0, sizeof(conf));
	if (fast_free)
		conf.txmode.offloads = RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE;
	rc = simd != 0 ? rte_vect_set_max_simd_bitwidth(simd) : 0;
	if (rc == 0)
		rc = rte_eth_dev_configure(bp->port, 1, 1, &conf);
	if (rc == 0)
		rc = rte_eth_rx_queue_setup(
			bp->port, 0, BENCH_RING, SOCKET_ID_ANY, NULL, bench_mp);
	if (rc == 0)
		rc = rte_eth_tx_queue_setup(
			bp->port, 0, BENCH_RING, SOCKET_ID_ANY, NULL);
	if (rc == 0)
		rc = rte_eth_dev_start(bp->port);
	rte_vect_set_max_simd_bitwidth(old_simd);
	bench_helper_off();
	return rc;
}

static void
bench_port_close(struct bench_port *bp)
{
	bench_helper_on();
	rte_eth_dev_stop(bp->port);
	/*
	 * Ours is closed while the device is served. The upstream PMD frees
	 * its memory only in PCI remove (it leaks when closed first) and
	 * needs no device for that. The helper must stop before remove frees
	 * the emulated device.
	 */
	if (bp->ours)
		rte_eth_dev_close(bp->port);
	bench_helper_off();
	bench_st.emu = NULL;
	rte_eal_hotplug_remove("vdev", bp->vdev);
}

static void
bench_frame(struct rte_mbuf *m, uint16_t len)
{
	uint8_t *p = (uint8_t *)rte_pktmbuf_append(m, len);
	struct rte_ipv4_hdr *ip;
	struct rte_udp_hdr *uh;

	if (p == NULL)
		return;
	ip = (struct rte_ipv4_hdr *)(p + 14);
	uh = (struct rte_udp_hdr *)(ip + 1);
	memset(p, 0, 42);
	memset(p, 0x02, 6);
	memset(p + 6, 0x04, 6);
	p[12] = 0x08;
	ip->version_ihl = 0x45;
	ip->total_length = rte_cpu_to_be_16(len - 14);
	ip->time_to_live = 64;
	ip->next_proto_id = IPPROTO_UDP;
	ip->src_addr = rte_cpu_to_be_32(0x0a000001);
	ip->dst_addr = rte_cpu_to_be_32(0x0a000002);
	uh->src_port = rte_cpu_to_be_16(1000);
	uh->dst_port = rte_cpu_to_be_16(2000);
	uh->dgram_len = rte_cpu_to_be_16(len - 34);
}

struct bench_result {
	uint64_t tx_cyc, tx_pkts, rx_cyc, rx_pkts;
};

/*
 * Rounds of tx burst, device step, rx burst; each burst timed. Under
 * callgrind, collection is on only inside the bursts named by collect.
 */
static void
bench_run(struct bench_port *bp, uint16_t len, uint32_t rounds,
	unsigned int collect, struct bench_result *res)
{
	struct rte_mbuf *tx[BENCH_BURST], *rx[BENCH_BURST];
	uint64_t t0, t1;
	uint32_t r;
	uint16_t n, i;

	memset(res, 0, sizeof(*res));
	for (r = 0; r < rounds; r++) {
		if (rte_pktmbuf_alloc_bulk(bench_mp, tx, BENCH_BURST) != 0)
			break;
		for (i = 0; i < BENCH_BURST; i++)
			bench_frame(tx[i], len);
		if (collect & BENCH_CG_TX)
			CALLGRIND_TOGGLE_COLLECT;
		t0 = rte_rdtsc_precise();
		n = rte_eth_tx_burst(bp->port, 0, tx, BENCH_BURST);
		t1 = rte_rdtsc_precise();
		if (collect & BENCH_CG_TX)
			CALLGRIND_TOGGLE_COLLECT;
		res->tx_cyc += t1 - t0;
		res->tx_pkts += n;
		for (i = n; i < BENCH_BURST; i++)
			rte_pktmbuf_free(tx[i]);
		bench_pump(bp->emu);
		if (collect & BENCH_CG_RX)
			CALLGRIND_TOGGLE_COLLECT;
		t0 = rte_rdtsc_precise();
		n = rte_eth_rx_burst(bp->port, 0, rx, BENCH_BURST);
		t1 = rte_rdtsc_precise();
		if (collect & BENCH_CG_RX)
			CALLGRIND_TOGGLE_COLLECT;
		res->rx_cyc += t1 - t0;
		res->rx_pkts += n;
		for (i = 0; i < n; i++)
			rte_pktmbuf_free(rx[i]);
		/* Let the device see completions and refills. */
		bench_pump(bp->emu);
	}
}

enum {
	BENCH_NO_ROW = -1,
	BENCH_ROW_RX,
	BENCH_ROW_RX_128,
	BENCH_ROW_RX_SCALAR,
	BENCH_ROW_TX,
	BENCH_ROW_TX_LLQ,
	BENCH_ROW_TX_LLQ_128,
	BENCH_ROW_TX_FF,
	BENCH_ROWS
};

static const char *const bench_rows[BENCH_ROWS] = {
	[BENCH_ROW_RX] = "Rx",
	[BENCH_ROW_RX_128] = "Rx SIMD 128",
	[BENCH_ROW_RX_SCALAR] = "Rx scalar",
	[BENCH_ROW_TX] = "Tx regular",
	[BENCH_ROW_TX_LLQ] = "Tx LLQ",
	[BENCH_ROW_TX_LLQ_128] = "Tx LLQ SIMD 128",
	[BENCH_ROW_TX_FF] = "Tx fast free",
};

/*
 * What a bench port measures: the Rx and Tx rows it fills (BENCH_ROW_*,
 * or BENCH_NO_ROW), how it is set up, and whether upstream's PMD runs it
 * too (upstream has no path to choose by SIMD width).
 */
struct bench_mode {
	int rx_row;
	int tx_row;
	bool llq;
	bool fast_free;
	uint16_t simd; /* 0: as the EAL set it */
	bool ours_only;
};

/* Row names in callgrind dump labels: no spaces. */
static void
bench_row_label(char *buf, size_t len, const char *row)
{
	size_t i;

	snprintf(buf, len, "%s", row);
	for (i = 0; buf[i] != '\0'; i++)
		if (buf[i] == ' ')
			buf[i] = '_';
}

/*
 * Under callgrind: one pass per row of the mode, each closed by a dump
 * whose label names the row and the packet count the instructions are for
 * (parsed by devtools/bench-ipp.sh).
 */
static void
bench_count(struct bench_port *bp, const char *name, const struct bench_mode *m,
	uint16_t len, uint32_t rounds)
{
	struct bench_result res;
	char label[128], row[32];
	unsigned int d;

	if (!RUNNING_ON_VALGRIND)
		return;
	for (d = 0; d < 2; d++) {
		const bool rx = d == 0;
		const int r = rx ? m->rx_row : m->tx_row;

		if (r == BENCH_NO_ROW)
			continue;
		bench_row_label(row, sizeof(row), bench_rows[r]);
		CALLGRIND_ZERO_STATS;
		bench_run(
			bp, len, rounds, rx ? BENCH_CG_RX : BENCH_CG_TX, &res);
		snprintf(label, sizeof(label),
			"ena-bench %s row=%s len=%u pkts=%" PRIu64, name, row,
			len, rx ? res.rx_pkts : res.tx_pkts);
		CALLGRIND_DUMP_STATS_AT(label);
	}
}

static double
bench_cpp(uint64_t cyc, uint64_t pkts)
{
	return pkts != 0 ? (double)cyc / (double)pkts : 0.0;
}

static void
bench_suite(void)
{
	static const char *const names[2] = { "ours", "upstream" };
	static const uint16_t sizes[2] = { 64, 1500 };
	static const struct bench_mode modes[] = {
		{ BENCH_ROW_RX, BENCH_ROW_TX, false, false, 0, false },
		{ BENCH_NO_ROW, BENCH_ROW_TX_LLQ, true, false, 0, false },
		{ BENCH_NO_ROW, BENCH_ROW_TX_FF, false, true, 0, false },
		/* Our narrower paths, on the same device. */
		{ BENCH_ROW_RX_128, BENCH_NO_ROW, false, false,
			RTE_VECT_SIMD_128, true },
		{ BENCH_ROW_RX_SCALAR, BENCH_NO_ROW, false, false,
			RTE_VECT_SIMD_DISABLED, true },
		{ BENCH_NO_ROW, BENCH_ROW_TX_LLQ_128, true, false,
			RTE_VECT_SIMD_128, true },
	};
	const char *pmds[2];
	/* pmd, row, size; negative: not measured */
	double cpp[2][BENCH_ROWS][2];
	uint32_t rounds = (uint32_t)ena_test_opt_u64("bench_rounds", 4000);
	unsigned int p, s, mode, k;

	pmds[0] = ena_test_opt("pmd", "drivers/librte_net_ena");
	/* the DPDK installation's own net_ena, whatever its release */
	pmds[1] = ena_test_opt("pmd_ref", RTE_EAL_PMD_PATH);
	for (p = 0; p < 2; p++)
		for (k = 0; k < BENCH_ROWS; k++)
			cpp[p][k][0] = cpp[p][k][1] = -1.0;
	bench_mp = rte_pktmbuf_pool_create("bench_mp", BENCH_NB_MBUF, 256, 0,
		RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	if (bench_mp == NULL) {
		ENA_CHECK(false, "bench mempool");
		return;
	}
	memset(&bench_st, 0, sizeof(bench_st));
	if (pthread_create(
		    &bench_st.tid, NULL, bench_stepper_main, &bench_st) != 0) {
		ENA_CHECK(false, "stepper thread");
		return;
	}
	for (p = 0; p < 2; p++) {
		for (mode = 0; mode < RTE_DIM(modes); mode++) {
			const struct bench_mode *m = &modes[mode];
			struct bench_port bp = { .ours = p == 0 };
			struct rte_eth_burst_mode rxm, txm;
			struct bench_result res;

			if (m->ours_only && p != 0)
				continue;
			if (bench_port_open(&bp, pmds[p], m->llq, m->fast_free,
				    m->simd) != 0) {
				printf("bench: %s PMD (%s) llq=%u ff=%u simd=%u: "
				       "port setup failed\n",
					names[p], pmds[p], m->llq, m->fast_free,
					m->simd);
				continue;
			}
			if (rte_eth_rx_burst_mode_get(bp.port, 0, &rxm) != 0)
				snprintf(rxm.info, sizeof(rxm.info),
					"not reported");
			if (rte_eth_tx_burst_mode_get(bp.port, 0, &txm) != 0)
				snprintf(txm.info, sizeof(txm.info),
					"not reported");
			printf("bench: %-8s %s: Rx \"%s\", Tx \"%s\"\n",
				names[p],
				bench_rows[m->rx_row != BENCH_NO_ROW
						? m->rx_row
						: m->tx_row],
				rxm.info, txm.info);
			for (s = 0; s < 2; s++) {
				double rx_min = 1e12, tx_min = 1e12;
				uint64_t txp = 0, rxp = 0;

				/*
				 * The cores are shared: keep the best of 8
				 * slices, the one least disturbed by others.
				 */
				bench_run(&bp, sizes[s], rounds / 8, 0, &res);
				for (k = 0; k < 8; k++) {
					bench_run(&bp, sizes[s], rounds / 8, 0,
						&res);
					rx_min = RTE_MIN(rx_min,
						bench_cpp(res.rx_cyc,
							res.rx_pkts));
					tx_min = RTE_MIN(tx_min,
						bench_cpp(res.tx_cyc,
							res.tx_pkts));
					txp += res.tx_pkts;
					rxp += res.rx_pkts;
				}
				if (m->rx_row != BENCH_NO_ROW)
					cpp[p][m->rx_row][s] = rx_min;
				if (m->tx_row != BENCH_NO_ROW)
					cpp[p][m->tx_row][s] = tx_min;
				printf("bench: %-8s llq=%u ff=%u simd=%u %4u B: "
				       "tx %" PRIu64 " pkts, rx %" PRIu64
				       " pkts\n",
					names[p], m->llq, m->fast_free, m->simd,
					sizes[s], txp, rxp);
				bench_count(
					&bp, names[p], m, sizes[s], rounds / 8);
			}
			bench_port_close(&bp);
		}
	}
	bench_st.quit = true;
	pthread_join(bench_st.tid, NULL);

	printf("\ndriver cycles per packet (inside rx/tx_burst only)\n");
	printf("%-16s %10s %10s %10s %10s\n", "", "ours 64B", "ref 64B",
		"ours 1500B", "ref 1500B");
	for (k = 0; k < BENCH_ROWS; k++) {
		char cell[4][16];
		unsigned int c;

		for (c = 0; c < 4; c++) {
			double v = cpp[c & 1][k][c >> 1];

			if (v < 0)
				snprintf(cell[c], sizeof(cell[c]), "-");
			else
				snprintf(cell[c], sizeof(cell[c]), "%.1f", v);
		}
		printf("%-16s %10s %10s %10s %10s\n", bench_rows[k], cell[0],
			cell[1], cell[2], cell[3]);
	}
	rte_mempool_free(bench_mp);
	bench_mp = NULL;
}

ENA_BENCH_SUITE(bench, "driver cycles/packet: our PMD vs upstream, emulated",
	bench_suite)

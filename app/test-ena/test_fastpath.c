/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/*
 * Suite "fastpath": the mechanics the bursts' speed rests on, checked for
 * behaviour rather than timed: mbufs handed back in bulk with
 * RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE (none lost, chains too), one Tx
 * doorbell per burst (and per LLQ burst budget when the device sets one),
 * LLQ entries written with the widest stores the CPU and the application
 * allow, and the narrower ones when the application says so; the Rx
 * paths (scalar, SSE4.1, AVX2) alike on the same traffic and on faults; on
 * our PMD and the emulated device.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_cpuflags.h>
#include <rte_cycles.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_vect.h>

#include "ena_emu.h"
#include "test.h"
#include "test_pmd.h"

/*
 * One queue pair, checksum offloads and chains, fast free on request,
 * scattered Rx unless no_scatter.
 */
static int
fp_configure2(struct pmd_env *env, bool fast_free, bool no_scatter)
{
	struct rte_eth_dev_info info;
	struct rte_eth_conf conf;
	int rc;

	rc = rte_eth_dev_info_get(env->port, &info);
	if (rc != 0)
		return rc;
	memset(&conf, 0, sizeof(conf));
	env->rx_offloads = info.rx_offload_capa &
		(RTE_ETH_RX_OFFLOAD_CHECKSUM | RTE_ETH_RX_OFFLOAD_SCATTER);
	if (no_scatter)
		env->rx_offloads &= ~RTE_ETH_RX_OFFLOAD_SCATTER;
	env->tx_offloads = info.tx_offload_capa &
		(RTE_ETH_TX_OFFLOAD_MULTI_SEGS | RTE_ETH_TX_OFFLOAD_IPV4_CKSUM |
			RTE_ETH_TX_OFFLOAD_UDP_CKSUM |
			RTE_ETH_TX_OFFLOAD_TCP_CKSUM);
	if (fast_free) {
		if (!(info.tx_offload_capa & RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE))
			return -ENOTSUP;
		env->tx_offloads |= RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE;
	}
	conf.rxmode.offloads = env->rx_offloads;
	conf.txmode.offloads = env->tx_offloads;
	conf.rxmode.mtu = 1500;
	rc = rte_eth_dev_configure(env->port, 1, 1, &conf);
	if (rc == 0)
		rc = rte_eth_rx_queue_setup(
			env->port, 0, PMD_RING, SOCKET_ID_ANY, NULL, pmd_mp);
	if (rc == 0)
		rc = rte_eth_tx_queue_setup(
			env->port, 0, PMD_RING, SOCKET_ID_ANY, NULL);
	if (rc == 0)
		rc = rte_eth_dev_start(env->port);
	env->nb_q = 1;
	env->ring = PMD_RING;
	return rc;
}

static int
fp_configure(struct pmd_env *env, bool fast_free)
{
	return fp_configure2(env, fast_free, false);
}

/*
 * Fast free puts completed mbufs straight back into their pool: whatever
 * the shape of the traffic, every mbuf must come back, and the payload
 * and checksums must survive.
 */
static void
fp_test_fast_free(const char *emu_args, uint32_t max_len, uint32_t seg)
{
	struct pmd_env env;
	char what[96];
	int rc;

	snprintf(what, sizeof(what), "fast free %s len<=%u seg=%u", emu_args,
		max_len, seg);
	if (pmd_env_create(&env, emu_args) != 0) {
		ENA_CHECK(false, "%s: create emulated device", what);
		return;
	}
	rc = fp_configure(&env, true);
	ENA_CHECK_RC(what, 0, rc);
	if (rc == 0) {
		pmd_traffic_check(what, &env, 4000, max_len, seg);
		/* Everything sent has completed: reap it all now. */
		rte_eth_tx_done_cleanup(env.port, 0, 0);
		ENA_CHECK(rte_mempool_avail_count(pmd_mp) + 2u * PMD_RING >=
				PMD_NB_MBUF,
			"%s: mbufs in the pool while running: %u of %u", what,
			rte_mempool_avail_count(pmd_mp), PMD_NB_MBUF);
		rc = rte_eth_dev_stop(env.port);
		ENA_CHECK_RC("stop", 0, rc);
		pmd_check_mempool_full(what);
	}
	pmd_env_destroy(&env);
	pmd_check_mempool_full("after close");
}

/*
 * Without fast free, completed mbufs of the common kind (one segment,
 * direct, refcnt 1, the burst's first pool) go back in one bulk put and
 * any other through rte_pktmbuf_free(): a second pool, an mbuf the
 * application still holds (refcnt 2) and an indirect clone must each end
 * as rte_pktmbuf_free() would leave them.
 */
static void
fp_test_tx_free_kinds(const char *emu_args)
{
	enum { KINDS = 4, PER_BURST = 32, BURSTS = 16 };
	struct rte_mbuf *held[PER_BURST * BURSTS];
	struct rte_mbuf *tx[PER_BURST], *rx[PER_BURST];
	struct rte_mempool *mp2;
	struct pmd_env env;
	unsigned int nheld = 0, sent = 0, got = 0, bad_ref = 0, i, b;
	uint64_t end;
	char what[96];
	int rc;

	snprintf(what, sizeof(what), "Tx free of mixed mbufs %s", emu_args);
	mp2 = rte_pktmbuf_pool_create(
		"fp_mp2", 1024, 0, 0, PMD_MBUF_DATA, SOCKET_ID_ANY);
	if (mp2 == NULL) {
		ENA_CHECK(false, "%s: second mempool", what);
		return;
	}
	if (pmd_env_create(&env, emu_args) != 0) {
		ENA_CHECK(false, "%s: create emulated device", what);
		rte_mempool_free(mp2);
		return;
	}
	rc = fp_configure(&env, false);
	ENA_CHECK_RC(what, 0, rc);
	for (b = 0; rc == 0 && b < BURSTS; b++) {
		uint16_t n = 0, k;

		for (i = 0; i < PER_BURST; i++) {
			uint32_t seq = b * PER_BURST + i;
			struct rte_mbuf *m = pmd_pkt_mbuf(seq, 128, 2048);

			if (m == NULL)
				break;
			switch (seq % KINDS) {
			case 1: { /* the same packet from the second pool */
				struct rte_mbuf *c = rte_pktmbuf_copy(
					m, mp2, 0, UINT32_MAX);

				rte_pktmbuf_free(m);
				m = c;
				break;
			}
			case 2: /* the application keeps a reference */
				rte_mbuf_refcnt_update(m, 1);
				held[nheld++] = m;
				break;
			case 3: { /* an indirect clone; the original is held */
				struct rte_mbuf *c = rte_pktmbuf_clone(m, mp2);

				held[nheld++] = m;
				m = c;
				break;
			}
			default:
				break;
			}
			if (m == NULL)
				break;
			tx[n++] = m;
		}
		k = 0;
		end = rte_get_timer_cycles() + 5 * rte_get_timer_hz();
		while (k < n && rte_get_timer_cycles() < end)
			k += rte_eth_tx_burst(env.port, 0, tx + k, n - k);
		for (i = k; i < n; i++)
			rte_pktmbuf_free(tx[i]);
		sent += k;
	}
	end = rte_get_timer_cycles() + 10 * rte_get_timer_hz();
	while (got < sent && rte_get_timer_cycles() < end) {
		uint16_t n = rte_eth_rx_burst(env.port, 0, rx, PER_BURST);

		for (i = 0; i < n; i++)
			rte_pktmbuf_free(rx[i]);
		got += n;
	}
	ENA_CHECK_EQ(what, sent, got);
	/* Everything sent has completed: reap it all now. */
	rte_eth_tx_done_cleanup(env.port, 0, 0);
	for (i = 0; i < nheld; i++) {
		bad_ref += rte_mbuf_refcnt_read(held[i]) != 1;
		rte_pktmbuf_free(held[i]);
	}
	ENA_CHECK(bad_ref == 0,
		"%s: held mbufs with refcnt != 1 after their Tx: %u of %u",
		what, bad_ref, nheld);
	ENA_CHECK(rte_mempool_avail_count(mp2) == 1024,
		"%s: second pool has %u of 1024 mbufs back", what,
		rte_mempool_avail_count(mp2));
	if (rc == 0) {
		rc = rte_eth_dev_stop(env.port);
		ENA_CHECK_RC("stop", 0, rc);
	}
	pmd_env_destroy(&env);
	pmd_check_mempool_full(what);
	rte_mempool_free(mp2);
}

/*
 * Without a tx_free_thresh from the application, a Tx ring of 1024 keeps
 * at most 128 completed packets before reclaiming (its threshold, 896
 * free slots, is what rte_eth_tx_queue_info_get reports), so completed
 * mbufs go back to their pool while still in the CPU's cache. Bursts of
 * 32, each received back before the next: the Tx pool never has more
 * than 128 + 32 mbufs out; a threshold at a quarter of the ring (the old
 * default) would have let about 800 out. Fast free or not, host or LLQ.
 */
static void
fp_test_tx_reclaim(const char *emu_args, bool fast_free)
{
	enum { RING = 1024, BURST = 32, BURSTS = 64, LEN = 128 };
	struct rte_mbuf *tx[BURST], *rx[BURST];
	struct rte_eth_txq_info qi;
	struct rte_eth_conf conf;
	struct rte_mempool *mp;
	struct pmd_env env;
	unsigned int b, i, out, max_out = 0, sent = 0, got = 0;
	uint32_t seq = 0;
	uint64_t end;
	char what[96];
	int rc;

	snprintf(what, sizeof(what), "Tx reclaim by default %s%s", emu_args,
		fast_free ? " fast free" : "");
	mp = rte_pktmbuf_pool_create(
		"fp_txmp", 2048, 0, 0, PMD_MBUF_DATA, SOCKET_ID_ANY);
	if (mp == NULL) {
		ENA_CHECK(false, "%s: Tx mempool", what);
		return;
	}
	if (pmd_env_create(&env, emu_args) != 0) {
		ENA_CHECK(false, "%s: create emulated device", what);
		rte_mempool_free(mp);
		return;
	}
	memset(&conf, 0, sizeof(conf));
	conf.rxmode.mtu = 1500;
	if (fast_free)
		conf.txmode.offloads = RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE;
	rc = rte_eth_dev_configure(env.port, 1, 1, &conf);
	if (rc == 0)
		rc = rte_eth_rx_queue_setup(
			env.port, 0, PMD_RING, SOCKET_ID_ANY, NULL, pmd_mp);
	if (rc == 0)
		rc = rte_eth_tx_queue_setup(
			env.port, 0, RING, SOCKET_ID_ANY, NULL);
	if (rc == 0)
		rc = rte_eth_dev_start(env.port);
	ENA_CHECK_RC(what, 0, rc);
	if (rc == 0) {
		rc = rte_eth_tx_queue_info_get(env.port, 0, &qi);
		ENA_CHECK_RC("tx queue info", 0, rc);
		ENA_CHECK_EQ("default tx_free_thresh of a ring of 1024",
			RING - 128, rc == 0 ? qi.conf.tx_free_thresh : 0);
	}
	for (b = 0; rc == 0 && b < BURSTS; b++) {
		uint16_t n = 0, k = 0;

		for (i = 0; i < BURST; i++) {
			struct rte_mbuf *m = rte_pktmbuf_alloc(mp);
			uint8_t *p = m == NULL
				? NULL
				: (uint8_t *)rte_pktmbuf_append(m, LEN);

			if (p == NULL) {
				rte_pktmbuf_free(m);
				break;
			}
			pmd_pkt_build(p, seq++, LEN);
			tx[n++] = m;
		}
		end = rte_get_timer_cycles() + 5 * rte_get_timer_hz();
		while (k < n && rte_get_timer_cycles() < end)
			k = (uint16_t)(k +
				rte_eth_tx_burst(env.port, 0, tx + k, n - k));
		for (i = k; i < n; i++)
			rte_pktmbuf_free(tx[i]);
		sent += k;
		out = 2048 - rte_mempool_avail_count(mp);
		max_out = RTE_MAX(max_out, out);
		/* Back on the wire's other end: the device is done with it. */
		end = rte_get_timer_cycles() + 5 * rte_get_timer_hz();
		while (got < sent && rte_get_timer_cycles() < end) {
			uint16_t r = rte_eth_rx_burst(env.port, 0, rx, BURST);

			for (i = 0; i < r; i++)
				rte_pktmbuf_free(rx[i]);
			got += r;
		}
	}
	ENA_CHECK_EQ(what, sent, got);
	ENA_CHECK_EQ("packets sent", BURST * BURSTS, sent);
	ENA_CHECK(max_out <= 128 + BURST,
		"%s: at most %u Tx mbufs out of their pool, seen %u", what,
		128 + BURST, max_out);
	if (rc == 0) {
		rc = rte_eth_dev_stop(env.port);
		ENA_CHECK_RC("stop", 0, rc);
	}
	pmd_env_destroy(&env);
	ENA_CHECK_EQ(
		"Tx pool full after close", 2048, rte_mempool_avail_count(mp));
	rte_mempool_free(mp);
	pmd_check_mempool_full(what);
}

/*
 * The per-queue checksum counters and the mbuf flags agree with what was
 * sent, on each Rx path (chosen under SIMD width simd): of every five packets
 * two are intact, one has a bad IPv4 header checksum and two a bad L4
 * checksum (sent without offloads, so the device passes them as they
 * are); each counter gets a different count. A burst sums the counters in one
 * word: this also checks that no field spills into another.
 */
/* 0 intact, 1 bad IPv4 header checksum, 2 bad L4 checksum: 2:1:2 */
static unsigned int
fp_csum_kind(unsigned int seq)
{
	static const unsigned int kind[5] = { 0, 1, 2, 2, 0 };

	return kind[seq % 5];
}

static bool fp_port_simd(struct pmd_env *env, uint16_t simd, const char *want);
static const char *fp_rx_path_want(uint16_t simd);

static void
fp_test_rx_csum_counters(uint16_t simd)
{
	enum { COUNT = 400 };
	struct rte_mbuf *tx[32], *rx[32];
	struct pmd_env env;
	uint64_t good0, bad3_0, bad4_0, end;
	unsigned int want_good = 0, want_bad3 = 0, want_bad4 = 0;
	unsigned int got = 0, flag_good = 0, flag_bad3 = 0, flag_bad4 = 0;
	unsigned int seq = 0, sent = 0, i;
	char what[64];
	int rc = 0;

	snprintf(what, sizeof(what), "Rx checksum counters, %s",
		fp_rx_path_want(simd));
	if (!fp_port_simd(&env, simd, fp_rx_path_want(simd)))
		return;
	good0 = pmd_xstat(env.port, "rx_q0_l4_csum_good");
	bad3_0 = pmd_xstat(env.port, "rx_q0_l3_csum_bad");
	bad4_0 = pmd_xstat(env.port, "rx_q0_l4_csum_bad");
	end = rte_get_timer_cycles() + 10 * rte_get_timer_hz();
	while (rc == 0 && (sent < COUNT || got < sent) &&
		rte_get_timer_cycles() < end) {
		uint16_t n = 0, k;

		while (sent + n < COUNT && n < RTE_DIM(tx)) {
			struct rte_mbuf *m = rte_pktmbuf_alloc(pmd_mp);
			uint8_t *p;
			bool tcp;

			if (m == NULL)
				break;
			p = (uint8_t *)rte_pktmbuf_append(m, 200);
			pmd_pkt_build(p, seq, 200);
			tcp = p[14 + 9] == IPPROTO_TCP;
			switch (fp_csum_kind(seq)) {
			case 1:
				p[14 + 10] ^= 0x5a; /* IPv4 header checksum */
				want_bad3++;
				break;
			case 2: /* TCP or UDP checksum, never to 0 */
				p[14 + 20 + (tcp ? 16 : 6)] ^= 0x5a;
				want_bad4++;
				break;
			default:
				want_good++;
				break;
			}
			seq++;
			tx[n++] = m;
		}
		k = rte_eth_tx_burst(env.port, 0, tx, n);
		for (i = k; i < n; i++) {
			/* Not sent: not expected either. */
			switch (fp_csum_kind(seq - n + i)) {
			case 1:
				want_bad3--;
				break;
			case 2:
				want_bad4--;
				break;
			default:
				want_good--;
				break;
			}
			rte_pktmbuf_free(tx[i]);
		}
		seq = seq - n + k;
		sent += k;
		n = rte_eth_rx_burst(env.port, 0, rx, RTE_DIM(rx));
		for (i = 0; i < n; i++) {
			uint64_t ol = rx[i]->ol_flags;

			flag_good += (ol & RTE_MBUF_F_RX_L4_CKSUM_MASK) ==
				RTE_MBUF_F_RX_L4_CKSUM_GOOD;
			flag_bad4 += (ol & RTE_MBUF_F_RX_L4_CKSUM_MASK) ==
				RTE_MBUF_F_RX_L4_CKSUM_BAD;
			flag_bad3 += (ol & RTE_MBUF_F_RX_IP_CKSUM_MASK) ==
				RTE_MBUF_F_RX_IP_CKSUM_BAD;
			rte_pktmbuf_free(rx[i]);
		}
		got += n;
	}
	ENA_CHECK(sent == COUNT && got == sent, "%s: sent %u, received %u",
		what, sent, got);
	/* Behind a bad IPv4 header the L4 checksum may be checked or not. */
	ENA_CHECK(flag_bad3 == want_bad3 && flag_bad4 == want_bad4 &&
			flag_good >= want_good &&
			flag_good <= want_good + want_bad3,
		"%s: flags L3 bad %u (want %u), L4 bad %u (%u), L4 good %u "
		"(%u)",
		what, flag_bad3, want_bad3, flag_bad4, want_bad4, flag_good,
		want_good);
	ENA_CHECK(pmd_xstat(env.port, "rx_q0_l3_csum_bad") - bad3_0 ==
				flag_bad3 &&
			pmd_xstat(env.port, "rx_q0_l4_csum_bad") - bad4_0 ==
				flag_bad4 &&
			pmd_xstat(env.port, "rx_q0_l4_csum_good") - good0 ==
				flag_good,
		"%s: counters L3 bad %" PRIu64 ", L4 bad %" PRIu64
		", L4 good %" PRIu64 " against the flags",
		what, pmd_xstat(env.port, "rx_q0_l3_csum_bad") - bad3_0,
		pmd_xstat(env.port, "rx_q0_l4_csum_bad") - bad4_0,
		pmd_xstat(env.port, "rx_q0_l4_csum_good") - good0);
	if (rc == 0)
		rte_eth_dev_stop(env.port);
	pmd_env_destroy(&env);
	pmd_check_mempool_full(what);
}

/* Entry size from our Tx burst mode text ("... LLQ <n> B entries ..."). */
static unsigned int
fp_llq_entry(uint16_t port)
{
	struct rte_eth_burst_mode mode;
	const char *p;

	if (rte_eth_tx_burst_mode_get(port, 0, &mode) != 0)
		return 0;
	p = strstr(mode.info, "LLQ ");
	return p != NULL ? (unsigned int)strtoul(p + 4, NULL, 10) : 0;
}

/*
 * One Tx burst of small packets rings the doorbell once; with an LLQ
 * burst budget of budget bytes, once per budget's worth of entries.
 */
static void
fp_test_doorbells(const char *emu_args, unsigned int budget)
{
	struct rte_mbuf *tx[PMD_BURST];
	uint64_t db0, db1, want;
	unsigned int entry = 0, per;
	struct pmd_env env;
	uint16_t i, sent;
	int rc;

	if (pmd_env_create(&env, emu_args) != 0) {
		ENA_CHECK(false, "doorbells %s: create emulated device",
			emu_args);
		return;
	}
	rc = fp_configure(&env, false);
	ENA_CHECK_RC("doorbells: configure", 0, rc);
	if (rc != 0)
		goto out;
	if (budget != 0) {
		entry = fp_llq_entry(env.port);
		ENA_CHECK(entry != 0,
			"doorbells %s: LLQ entry size in the "
			"burst mode",
			emu_args);
		if (entry == 0)
			goto out;
	}
	for (i = 0; i < PMD_BURST; i++) {
		tx[i] = pmd_pkt_mbuf(i, 64, 64);
		if (tx[i] == NULL)
			break;
	}
	ENA_CHECK_EQ("doorbells: packets built", PMD_BURST, i);
	db0 = pmd_xstat(env.port, "tx_q0_doorbells");
	sent = rte_eth_tx_burst(env.port, 0, tx, i);
	db1 = pmd_xstat(env.port, "tx_q0_doorbells");
	for (; sent < i; sent++)
		rte_pktmbuf_free(tx[sent]);
	/* One entry a packet: 64 B fit the header part of any entry. */
	per = budget != 0 ? budget / entry : PMD_BURST;
	want = (PMD_BURST + per - 1) / per;
	ENA_CHECK(db0 != UINT64_MAX && db1 - db0 == want,
		"doorbells %s: %" PRIu64 " for one burst of %u, want %" PRIu64,
		emu_args, db1 - db0, PMD_BURST, want);
out:
	pmd_env_destroy(&env);
}

/*
 * With LLQ the Tx burst writes entries in 32-byte stores where the CPU has
 * AVX2 and the SIMD width the application allows is 256 bits or more,
 * else in 16-byte ones. Either way the traffic must arrive intact.
 */
static void
fp_test_llq_stores(uint16_t simd)
{
	struct rte_eth_burst_mode mode;
	uint16_t old = rte_vect_get_max_simd_bitwidth();
	bool want_wide;
	struct pmd_env env;
	char what[64];
	int rc;

	if (rte_vect_set_max_simd_bitwidth(simd) != 0) {
		printf("fastpath: SIMD width fixed by EAL, %u not tried\n",
			simd);
		return;
	}
	want_wide = simd >= RTE_VECT_SIMD_256 &&
		rte_cpu_get_flag_enabled(RTE_CPUFLAG_AVX2) > 0;
	snprintf(what, sizeof(what), "LLQ stores, SIMD %u bits", simd);
	if (pmd_env_create(&env, "queues=1,llq=1") != 0) {
		ENA_CHECK(false, "%s: create emulated device", what);
		goto out;
	}
	rc = fp_configure(&env, false);
	ENA_CHECK_RC(what, 0, rc);
	if (rc == 0) {
		rc = rte_eth_tx_burst_mode_get(env.port, 0, &mode);
		ENA_CHECK_RC("tx burst mode", 0, rc);
		ENA_CHECK(rc == 0 &&
				strstr(mode.info,
					want_wide ? "32 B stores"
						  : "16 B stores") != NULL,
			"%s: burst mode \"%s\", want %u B stores", what,
			mode.info, want_wide ? 32 : 16);
		pmd_traffic_check(what, &env, 4000, 1514, 1514);
	}
	pmd_env_destroy(&env);
out:
	rte_vect_set_max_simd_bitwidth(old);
}

/* The Rx path our PMD picks on this CPU under SIMD width simd. */
static const char *
fp_rx_path_want(uint16_t simd)
{
	if (simd >= RTE_VECT_SIMD_256 &&
		rte_cpu_get_flag_enabled(RTE_CPUFLAG_AVX2) > 0)
		return "Vector AVX2";
	if (simd >= RTE_VECT_SIMD_128 &&
		rte_cpu_get_flag_enabled(RTE_CPUFLAG_SSE4_1) > 0)
		return "Vector SSE4.1";
	return "Scalar";
}

/* A started port whose Rx path was chosen under SIMD width simd. */
static bool
fp_port_simd(struct pmd_env *env, uint16_t simd, const char *want)
{
	struct rte_eth_burst_mode mode;
	uint16_t old = rte_vect_get_max_simd_bitwidth();
	int rc;

	if (rte_vect_set_max_simd_bitwidth(simd) != 0) {
		ena_test_skip("SIMD width fixed by EAL, %u not tried", simd);
		return false;
	}
	rte_vect_set_max_simd_bitwidth(old);
	if (pmd_env_create(env, "queues=1,llq=0") != 0) {
		ENA_CHECK(false, "Rx paths: create emulated device");
		return false;
	}
	rc = rte_vect_set_max_simd_bitwidth(simd);
	if (rc == 0)
		rc = fp_configure2(env, false, true);
	rte_vect_set_max_simd_bitwidth(old);
	ENA_CHECK_RC("Rx paths: configure", 0, rc);
	if (rc == 0) {
		rc = rte_eth_rx_burst_mode_get(env->port, 0, &mode);
		ENA_CHECK(rc == 0 && strstr(mode.info, want) != NULL,
			"Rx burst mode \"%s\" at SIMD %u, want \"%s\"",
			mode.info, simd, want);
	}
	if (rc != 0)
		pmd_env_destroy(env);
	return rc == 0;
}

/*
 * The Rx paths on the same traffic: three ports, scalar, SSE4.1 and AVX2
 * (each the narrower one where the CPU lacks it), get the same packets in
 * the same order, and every packet must come out of the vector ports as
 * it does out of the scalar one (length, segments, data offset, flags,
 * type, hash, reference count and bytes; the port each its own). Bursts
 * of 1 to 32 packets, so the groups of eight, of four and the scalar tail
 * all run.
 */
static void
fp_test_rx_paths(void)
{
	static const uint16_t simd[3] = { RTE_VECT_SIMD_DISABLED,
		RTE_VECT_SIMD_128, RTE_VECT_SIMD_256 };
	struct rte_mbuf *tx[3][PMD_BURST], *rx[3][PMD_BURST];
	uint32_t seq = 0, diff[3] = { 0 }, got[3] = { 0 }, total = 0;
	uint16_t nb, i, k, p, sent[3], rcvd[3], ports = 0;
	struct pmd_env env[3];
	uint64_t deadline;
	bool more;

	for (p = 0; p < 3; p++) {
		if (!fp_port_simd(&env[p], simd[p], fp_rx_path_want(simd[p])))
			break;
		ports++;
	}
	if (ports < 3)
		goto out;
	for (k = 0; k < 200; k++) {
		nb = (uint16_t)(1 + (k * 7) % PMD_BURST);
		/* The same packets to every port. */
		for (i = 0; i < nb; i++) {
			uint16_t len = (uint16_t)(60 + (seq + i) * 37 % 1455);

			for (p = 0; p < 3; p++) {
				tx[p][i] = pmd_pkt_mbuf(seq + i, len, 2048);
				if (tx[p][i] == NULL)
					break;
			}
			if (p < 3) {
				while (p-- > 0)
					rte_pktmbuf_free(tx[p][i]);
				break;
			}
		}
		nb = i;
		for (p = 0; p < 3; p++) {
			sent[p] = rte_eth_tx_burst(env[p].port, 0, tx[p], nb);
			for (i = sent[p]; i < nb; i++)
				rte_pktmbuf_free(tx[p][i]);
			rcvd[p] = 0;
		}
		ENA_CHECK(sent[0] == nb && sent[1] == nb && sent[2] == nb,
			"Rx paths: sent %u, %u and %u of %u", sent[0], sent[1],
			sent[2], nb);
		seq += nb;
		total += RTE_MIN(sent[0], RTE_MIN(sent[1], sent[2]));
		/* Every port delivers the burst; compare in order. */
		deadline = rte_get_timer_cycles() + 5 * rte_get_timer_hz();
		do {
			more = false;
			for (p = 0; p < 3; p++) {
				if (rcvd[p] >= sent[p])
					continue;
				rcvd[p] += rte_eth_rx_burst(env[p].port, 0,
					rx[p] + rcvd[p],
					(uint16_t)(sent[p] - rcvd[p]));
				more |= rcvd[p] < sent[p];
			}
		} while (more && rte_get_timer_cycles() < deadline);
		for (p = 1; p < 3; p++) {
			for (i = 0; i < RTE_MIN(rcvd[0], rcvd[p]); i++) {
				const struct rte_mbuf *x = rx[0][i];
				const struct rte_mbuf *y = rx[p][i];

				if (x->pkt_len != y->pkt_len ||
					x->data_len != y->data_len ||
					x->nb_segs != y->nb_segs ||
					x->data_off != y->data_off ||
					x->ol_flags != y->ol_flags ||
					x->packet_type != y->packet_type ||
					x->hash.rss != y->hash.rss ||
					x->next != y->next ||
					x->refcnt != y->refcnt ||
					x->port != env[0].port ||
					y->port != env[p].port ||
					memcmp(rte_pktmbuf_mtod(
						       x, const void *),
						rte_pktmbuf_mtod(
							y, const void *),
						x->data_len) != 0)
					diff[p]++;
			}
		}
		for (p = 0; p < 3; p++) {
			got[p] += rcvd[p];
			for (i = 0; i < rcvd[p]; i++)
				rte_pktmbuf_free(rx[p][i]);
		}
	}
	ENA_CHECK(got[0] == total && got[1] == total && got[2] == total,
		"Rx paths: scalar got %u, SSE4.1 %u, AVX2 %u of %u", got[0],
		got[1], got[2], total);
	ENA_CHECK_EQ("Rx paths: SSE4.1 packets that differ", 0, diff[1]);
	ENA_CHECK_EQ("Rx paths: AVX2 packets that differ", 0, diff[2]);
out:
	for (p = 0; p < ports; p++)
		pmd_env_destroy(&env[p]);
	pmd_check_mempool_full("after the Rx path comparison");
}

/* The group size of the vector Rx path a burst mode text names. */
static unsigned int
fp_rx_group(const char *path)
{
	if (strstr(path, "AVX2") != NULL)
		return 8;
	return strstr(path, "SSE") != NULL ? 4 : 0;
}

/*
 * A vector path across the ring's end: packets arrive a group at a time
 * (four for SSE4.1, eight for AVX2), each group received by one burst of
 * PMD_BURST as soon as the device has delivered it, for two and a half
 * laps. When a group ends the ring, the completions after it are the
 * previous lap's: a burst must stop there (the expected phase flips with
 * the ring), never hand them out again.
 */
static void
fp_test_rx_vec_wrap(uint16_t simd)
{
	const char *path = fp_rx_path_want(simd);
	const unsigned int group = fp_rx_group(path);
	struct rte_mbuf *tx[8], *rx[PMD_BURST];
	struct ena_emu_counters c;
	uint32_t sent = 0, got = 0, seq = 0, steps, k, over = 0;
	uint64_t deadline, rx0;
	struct pmd_env env;
	uint16_t i, n, s;

	if (group == 0) {
		ena_test_skip(
			"vector Rx wrap at SIMD %u: no vector path", simd);
		return;
	}
	if (!fp_port_simd(&env, simd, path))
		return;
	ena_emu_counters_get(env.emu, &c);
	rx0 = c.rx_pkts;
	steps = (PMD_RING * 5 / 2) / group;
	for (k = 0; k < steps && over == 0; k++) {
		for (i = 0; i < group; i++) {
			tx[i] = pmd_pkt_mbuf(seq++, 64, 2048);
			if (tx[i] == NULL)
				break;
		}
		s = rte_eth_tx_burst(env.port, 0, tx, i);
		for (n = s; n < i; n++)
			rte_pktmbuf_free(tx[n]);
		sent += s;
		/* The whole group delivered by the device before one burst. */
		deadline = rte_get_timer_cycles() + 5 * rte_get_timer_hz();
		do {
			ena_emu_counters_get(env.emu, &c);
		} while (c.rx_pkts - rx0 < sent &&
			rte_get_timer_cycles() < deadline);
		while (got < sent && rte_get_timer_cycles() < deadline) {
			n = rte_eth_rx_burst(env.port, 0, rx, PMD_BURST);
			got += n;
			for (i = 0; i < n; i++)
				rte_pktmbuf_free(rx[i]);
		}
		if (got > sent)
			over = got - sent;
	}
	ENA_CHECK(over == 0,
		"%s Rx across the ring's end: %u packets received that "
		"were never sent (after %u of %u)",
		path, over, sent, PMD_RING * 5 / 2);
	ENA_CHECK(sent == got, "%s Rx across the ring's end: sent %u, got %u",
		path, sent, got);
	pmd_env_destroy(&env);
	pmd_check_mempool_full("after the vector Rx wrap");
}

/* Sends n (at most 8) packets of 64 B; waits until the device has
 * delivered them. */
static uint32_t
fp_send_delivered(struct pmd_env *env, uint32_t *seq, uint16_t n)
{
	struct ena_emu_counters c;
	struct rte_mbuf *tx[8];
	uint64_t rx0, deadline;
	uint16_t i, s;

	ena_emu_counters_get(env->emu, &c);
	rx0 = c.rx_pkts;
	for (i = 0; i < RTE_MIN(n, (uint16_t)RTE_DIM(tx)); i++) {
		tx[i] = pmd_pkt_mbuf((*seq)++, 64, 2048);
		if (tx[i] == NULL)
			break;
	}
	s = rte_eth_tx_burst(env->port, 0, tx, i);
	for (n = s; n < i; n++)
		rte_pktmbuf_free(tx[n]);
	deadline = rte_get_timer_cycles() + 5 * rte_get_timer_hz();
	do {
		ena_emu_counters_get(env->emu, &c);
	} while (c.rx_pkts - rx0 < s && rte_get_timer_cycles() < deadline);
	return s;
}

/*
 * A bad completion inside a group of a vector path (chosen under SIMD
 * width simd): good packets, then one whose req_id is out of range
 * (rx_bad_req_id), names a buffer the driver does not hold
 * (rx_stale_req_id) or whose length runs past its buffer (rx_long), then
 * good ones to fill the group, all ready before one burst. The burst
 * delivers the good packets before the bad one and nothing else, counts
 * one error (a bad req_id for the first two) and asks for a reset; every
 * mbuf comes back. before = 5 puts the bad completion in the upper half
 * of an AVX2 group.
 */
static void
fp_test_rx_vec_fault(enum ena_emu_fault fault, uint16_t simd, uint16_t before)
{
	const char *path = fp_rx_path_want(simd);
	const unsigned int group = fp_rx_group(path);
	struct rte_mbuf *rx[PMD_BURST];
	uint32_t seq = 0, sent = 0, got = 0;
	struct pmd_env env;
	unsigned int ev0;
	char what[96];
	uint16_t i, n;

	snprintf(what, sizeof(what), "%s Rx, %s at %u of %u", path,
		ena_emu_fault_name(fault), (unsigned int)before + 1, group);
	if (group == 0 || before >= group) {
		ena_test_skip("%s: no such group", what);
		return;
	}
	if (!fp_port_simd(&env, simd, path))
		return;
	/* A first group moves the ring off its start. */
	sent = fp_send_delivered(&env, &seq, (uint16_t)group);
	while (got < sent) {
		n = rte_eth_rx_burst(env.port, 0, rx, PMD_BURST);
		if (n == 0)
			break;
		got += n;
		for (i = 0; i < n; i++)
			rte_pktmbuf_free(rx[i]);
	}
	ENA_CHECK(got == group, "%s: first group: %u of %u", what, got, group);
	rte_eth_dev_callback_register(
		env.port, RTE_ETH_EVENT_INTR_RESET, pmd_event_cb, NULL);
	ev0 = pmd_reset_events;
	fp_send_delivered(&env, &seq, before);
	ena_emu_fault_set(env.emu, fault, 1);
	fp_send_delivered(&env, &seq, (uint16_t)(group - before));
	ena_emu_fault_set(env.emu, fault, 0);
	n = rte_eth_rx_burst(env.port, 0, rx, PMD_BURST);
	for (i = 0; i < n; i++)
		rte_pktmbuf_free(rx[i]);
	ENA_CHECK(n == before, "%s: %u delivered, want %u", what, n, before);
	n = rte_eth_rx_burst(env.port, 0, rx, PMD_BURST);
	for (i = 0; i < n; i++)
		rte_pktmbuf_free(rx[i]);
	ENA_CHECK(n == 0, "%s: %u delivered after it", what, n);
	ENA_CHECK(pmd_xstat(env.port, "rx_q0_errors") == 1 &&
			pmd_xstat(env.port, "rx_q0_bad_req_id") ==
				(fault != ENA_EMU_FAULT_RX_LONG),
		"%s: %" PRIu64 " errors, %" PRIu64 " bad req_ids counted, want "
		"1 and %u",
		what, pmd_xstat(env.port, "rx_q0_errors"),
		pmd_xstat(env.port, "rx_q0_bad_req_id"),
		fault != ENA_EMU_FAULT_RX_LONG);
	ENA_CHECK(pmd_wait_reset_event(&env, ev0, false),
		"%s: RTE_ETH_EVENT_INTR_RESET raised", what);
	rte_eth_dev_callback_unregister(
		env.port, RTE_ETH_EVENT_INTR_RESET, pmd_event_cb, NULL);
	rte_eth_dev_stop(env.port);
	pmd_env_destroy(&env);
	pmd_check_mempool_full(what);
}

static void
fp_suite(void)
{
	static const enum ena_emu_fault faults[] = {
		ENA_EMU_FAULT_RX_BAD_REQ_ID,
		ENA_EMU_FAULT_RX_STALE_REQ_ID,
		ENA_EMU_FAULT_RX_LONG,
	};
	struct pmd_env env;
	unsigned int i;

	pmd_sel = ena_test_opt("pmd", "drivers/librte_net_ena");
	pmd_mp = rte_pktmbuf_pool_create(
		"fp_mp", PMD_NB_MBUF, 0, 0, PMD_MBUF_DATA, SOCKET_ID_ANY);
	if (pmd_mp == NULL) {
		ENA_CHECK(false, "mempool");
		return;
	}
	if (pmd_env_create(&env, "") != 0) {
		ena_test_skip(
			"no ENA port on the emulator with pmd=%s", pmd_sel);
		rte_mempool_free(pmd_mp);
		return;
	}
	pmd_env_destroy(&env);
	if (!pmd_ours()) {
		ena_test_skip("fastpath checks our PMD's counters");
		rte_mempool_free(pmd_mp);
		return;
	}
	fp_test_fast_free("queues=1,llq=0", 1514, 1514);
	fp_test_fast_free("queues=1,llq=1", 1514, 1514);
	/* Chains: fast free must not assume one segment. */
	fp_test_fast_free("queues=1,llq=0", 1514, 256);
	fp_test_fast_free("queues=1,llq=1", 1514, 256);
	fp_test_tx_free_kinds("queues=1,llq=0");
	fp_test_tx_free_kinds("queues=1,llq=1");
	fp_test_tx_reclaim("queues=1,llq=0", false);
	fp_test_tx_reclaim("queues=1,llq=0", true);
	fp_test_tx_reclaim("queues=1,llq=1", false);
	fp_test_doorbells("queues=1,llq=0", 0);
	fp_test_doorbells("queues=1,llq=1", 0);
	fp_test_doorbells("queues=1,llq=1,llq_burst=1024", 1024);
	fp_test_llq_stores(RTE_VECT_SIMD_128);
	fp_test_llq_stores(RTE_VECT_SIMD_256);
	fp_test_rx_paths();
	fp_test_rx_csum_counters(RTE_VECT_SIMD_DISABLED);
	fp_test_rx_csum_counters(RTE_VECT_SIMD_128);
	fp_test_rx_csum_counters(RTE_VECT_SIMD_256);
	fp_test_rx_vec_wrap(RTE_VECT_SIMD_128);
	fp_test_rx_vec_wrap(RTE_VECT_SIMD_256);
	for (i = 0; i < RTE_DIM(faults); i++) {
		fp_test_rx_vec_fault(faults[i], RTE_VECT_SIMD_128, 2);
		fp_test_rx_vec_fault(faults[i], RTE_VECT_SIMD_256, 2);
		fp_test_rx_vec_fault(faults[i], RTE_VECT_SIMD_256, 5);
	}
	rte_mempool_free(pmd_mp);
	pmd_mp = NULL;
}

ENA_TEST_SUITE(fastpath,
	"PMD fast path: Tx fast free, doorbells per burst, LLQ stores",
	fp_suite)

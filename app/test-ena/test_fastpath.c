/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/*
 * Suite "fastpath": the mechanics the bursts' speed rests on, checked for
 * behaviour rather than timed: mbufs handed back in bulk with
 * RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE (none lost, chains too), one Tx
 * doorbell per burst (and per LLQ burst budget when the device sets one),
 * LLQ entries written with the widest stores the CPU and the application
 * allow, and the narrower ones when the application says so; on our PMD
 * and the emulated device.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_cpuflags.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_vect.h>

#include "ena_emu.h"
#include "test.h"
#include "test_pmd.h"

/* One queue pair, checksum offloads and chains, fast free on request. */
static int
fp_configure(struct pmd_env *env, bool fast_free)
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

static void
fp_suite(void)
{
	struct pmd_env env;

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
	fp_test_doorbells("queues=1,llq=0", 0);
	fp_test_doorbells("queues=1,llq=1", 0);
	fp_test_doorbells("queues=1,llq=1,llq_burst=1024", 1024);
	fp_test_llq_stores(RTE_VECT_SIMD_128);
	fp_test_llq_stores(RTE_VECT_SIMD_256);
	rte_mempool_free(pmd_mp);
	pmd_mp = NULL;
}

ENA_TEST_SUITE(fastpath,
	"PMD fast path: Tx fast free, doorbells per burst, LLQ stores",
	fp_suite)

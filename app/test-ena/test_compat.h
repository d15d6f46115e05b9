/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef ENA_TEST_COMPAT_H
#define ENA_TEST_COMPAT_H

/*
 * The one place in the tests that knows which DPDK release they are built
 * against (22.11, 24.11 or 25.11): our names for what an application sees
 * differently across them.
 *
 * Per-queue counters: up to 24.11 rte_eth_stats_get fills q_ipackets[] and
 * friends; 25.11 dropped those arrays from struct rte_eth_stats, and an
 * application reads a queue's counters from the extended statistics (both
 * ENA PMDs name them rx_q<N>_cnt).
 */

#include <stdint.h>
#include <stdio.h>

#include <rte_common.h>
#include <rte_ethdev.h>
#include <rte_version.h>

/* Packets received on Rx queue q; st is what rte_eth_stats_get gave. */
#if RTE_VERSION >= RTE_VERSION_NUM(25, 11, 0, 0)
static inline uint64_t
ena_test_rxq_packets(uint16_t port, const struct rte_eth_stats *st, uint16_t q)
{
	char name[RTE_ETH_XSTATS_NAME_SIZE];
	uint64_t id, v = UINT64_MAX;

	RTE_SET_USED(st);
	snprintf(name, sizeof(name), "rx_q%u_cnt", q);
	if (rte_eth_xstats_get_id_by_name(port, name, &id) != 0 ||
		rte_eth_xstats_get_by_id(port, &id, &v, 1) != 1)
		return UINT64_MAX;
	return v;
}
#else
static inline uint64_t
ena_test_rxq_packets(uint16_t port, const struct rte_eth_stats *st, uint16_t q)
{
	RTE_SET_USED(port);
	return st->q_ipackets[q];
}
#endif

#endif /* ENA_TEST_COMPAT_H */

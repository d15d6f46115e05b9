/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef ENA_COMPAT_H
#define ENA_COMPAT_H

/*
 * The one place that knows which DPDK release the PMD is built against.
 * The PMD is written against its own version-neutral entry points (the
 * newest form of each ethdev op); the ena_compat_* functions below give
 * them the signature the ethdev layer of this release expects, and go into
 * the ops table and the rte_eth_dev fast-path slots. Everything else in the
 * PMD is free of RTE_VERSION tests.
 *
 * Supported: the DPDK LTS releases 22.11, 24.11 and 25.11. What changed,
 * release by release (a test is placed at the LTS that first has it):
 *   24.11  dev_supported_ptypes_get reports the count through a size_t *
 *          (the list no longer needs its RTE_PTYPE_UNKNOWN end mark);
 *   25.11  stats_get gets the per-queue counters in a struct of their own
 *          (struct eth_queue_stats, NULL when nobody asked for them), as
 *          the q_* arrays left struct rte_eth_stats; rx_queue_count
 *          returns int.
 *
 * ena_ethdev.h includes this header; the neutral entry points are declared
 * here, next to their wrappers.
 */

#include <stddef.h>
#include <stdint.h>

#include <rte_version.h>
#include <ethdev_driver.h>

#define ENA_DPDK_AT_LEAST(year, month) \
	(RTE_VERSION >= RTE_VERSION_NUM(year, month, 0, 0))

/* Whatever holds the q_ipackets .. q_errors arrays in this release. */
#if ENA_DPDK_AT_LEAST(25, 11)
typedef struct eth_queue_stats ena_queue_stats_t;
#else
typedef struct rte_eth_stats ena_queue_stats_t;
#endif

/*
 * Version-neutral entry points (ena_rx.c, ena_xstats.c). n receives the
 * number of packet types listed before the RTE_PTYPE_UNKNOWN end mark; qs
 * may be NULL, or st itself before 25.11.
 */
const uint32_t *ena_supported_ptypes(struct rte_eth_dev *dev, size_t *n);
int ena_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *st,
	ena_queue_stats_t *qs);
uint32_t ena_rx_queue_count(void *q);

/* The wrappers: what goes into the ops table and dev->rx_queue_count. */
#if ENA_DPDK_AT_LEAST(24, 11)
static inline const uint32_t *
ena_compat_supported_ptypes(struct rte_eth_dev *dev, size_t *n)
{
	return ena_supported_ptypes(dev, n);
}
#else
static inline const uint32_t *
ena_compat_supported_ptypes(struct rte_eth_dev *dev)
{
	size_t n;

	return ena_supported_ptypes(dev, &n);
}
#endif

#if ENA_DPDK_AT_LEAST(25, 11)
static inline int
ena_compat_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *st,
	struct eth_queue_stats *qs)
{
	return ena_stats_get(dev, st, qs);
}

static inline int
ena_compat_rx_queue_count(void *q)
{
	return (int)ena_rx_queue_count(q);
}
#else
/* The per-queue arrays are members of struct rte_eth_stats itself. */
static inline int
ena_compat_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *st)
{
	return ena_stats_get(dev, st, st);
}

static inline uint32_t
ena_compat_rx_queue_count(void *q)
{
	return ena_rx_queue_count(q);
}
#endif

#endif /* ENA_COMPAT_H */

/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef ENA_TEST_PMD_H
#define ENA_TEST_PMD_H

/*
 * Helpers of the "pmd" suite (test_pmd.c) shared with the suites that drive
 * the PMD through rte_ethdev on an emulated device: a port on a fresh
 * emulated ENA, its configuration, deterministic test packets, traffic
 * checked end to end on a loopback wire and log capture.
 *
 * A suite sets pmd_sel (the PMD to test, "pmd=" option) and pmd_mp (a pool
 * of PMD_NB_MBUF mbufs without cache, so that leaks show as a count) before
 * using them.
 */

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "test.h"

#define PMD_NB_MBUF    8192
#define PMD_MBUF_DATA  (RTE_MBUF_DEFAULT_DATAROOM + RTE_PKTMBUF_HEADROOM)
#define PMD_RING       512
#define PMD_BURST      32
#define PMD_MAX_Q      4
#define PMD_DEADLINE_S 10

struct ena_emu_dev;

struct pmd_env {
	char vdev[32];
	char pci[32];
	uint16_t port;
	struct ena_emu_dev *emu;
	uint16_t nb_q;
	uint16_t ring;
	uint64_t rx_offloads;
	uint64_t tx_offloads;
	uint32_t seq;
};

extern struct rte_mempool *pmd_mp;
extern const char *pmd_sel;
extern volatile unsigned int pmd_reset_events;
extern volatile unsigned int pmd_lsc_events;

/* True when the PMD under test is this tree's (not Debian's upstream). */
bool pmd_ours(void);

/*
 * A behaviour only our PMD promises: checked on ours, reported as a
 * difference on the upstream one.
 */
#define PMD_CHECK_OURS(cond, ...)                          \
	do {                                               \
		if (pmd_ours()) {                          \
			ENA_CHECK(cond, __VA_ARGS__);      \
		} else if (!(cond)) {                      \
			printf("difference (upstream): "); \
			printf(__VA_ARGS__);               \
			printf("\n");                      \
		}                                          \
	} while (0)

/* Counts RTE_ETH_EVENT_INTR_RESET / _LSC into the counters above. */
int
pmd_event_cb(uint16_t port, enum rte_eth_event_type ev, void *arg, void *ret);

/* Captures the DPDK log until stop; stop says whether needle was logged. */
void pmd_log_capture_start(void);
bool pmd_log_capture_stop(const char *needle);
/* Whether the log captured so far contains needle; capture goes on. */
bool pmd_log_captured(const char *needle);
/* How often needle (case as given) appears in the log captured so far. */
unsigned int pmd_log_count(const char *needle);

/*
 * An emulated device (emu_args: emulator devargs) handled by the selected
 * PMD, which gets pmd_args as its own devargs. 0 or a negative errno.
 */
int pmd_env_create2(
	struct pmd_env *env, const char *emu_args, const char *pmd_args);
int pmd_env_create(struct pmd_env *env, const char *emu_args);
void pmd_env_destroy(struct pmd_env *env);

/* nb_q queue pairs of ring descriptors from pmd_mp, checksum offloads. */
int pmd_configure(struct pmd_env *env, uint16_t nb_q, uint16_t ring,
	uint16_t mtu, bool rss);

/* Packet seq of len bytes (IPv4 UDP or TCP, valid checksums). */
void pmd_pkt_build(uint8_t *buf, uint32_t seq, uint32_t len);
/* The same as an mbuf chain of segments of at most seg bytes. */
struct rte_mbuf *pmd_pkt_mbuf(uint32_t seq, uint32_t len, uint32_t seg);

/*
 * Sends count packets (lengths up to max_len, segments of seg bytes) and
 * checks that each comes back intact on the loopback wire.
 */
void pmd_traffic_check(const char *what, struct pmd_env *env, uint32_t count,
	uint32_t max_len, uint32_t seg);
void pmd_check_mempool_full(const char *what);
void pmd_dump_xstats(uint16_t port);
/* Value of the named xstat, UINT64_MAX when the port has none. */
uint64_t pmd_xstat(uint16_t port, const char *name);
/* Waits up to 15 s for a reset event beyond ev0, sending when traffic. */
bool pmd_wait_reset_event(struct pmd_env *env, unsigned int ev0, bool traffic);

#endif /* ENA_TEST_PMD_H */

/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_bus_vdev.h>
#include <rte_dev.h>
#include <rte_devargs.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_log.h>
#include <rte_mbuf.h>

#include "fuzz_pmd.h"
#include "ena_emu.h"

#define FPMD_VDEV "ena_emu9"
#define FPMD_PCI  "0000:f0:00.0"

struct fpmd fpmd;

static struct ena_emu_dev *fpmd_emu;
static bool fpmd_emu_busy;

void
fuzz_fail(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "FUZZ INVARIANT BROKEN: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	abort();
}

/*
 * Wait hook of the PMD's base layer: the device does its work while the
 * driver waits for it. One caller at a time steps the emulator.
 */
static void
fpmd_hook(void *arg)
{
	(void)arg;
	if (fpmd_emu == NULL)
		fpmd_emu = ena_emu_dev_find(FPMD_VDEV);
	if (fpmd_emu == NULL)
		return;
	if (__atomic_test_and_set(&fpmd_emu_busy, __ATOMIC_ACQUIRE))
		return;
	ena_emu_poll(fpmd_emu);
	__atomic_clear(&fpmd_emu_busy, __ATOMIC_RELEASE);
}

/* Nothing of the PMD runs unless the harness calls it. */
static void
fpmd_quiet(void)
{
	ena_watchdog_stop(fpmd.dev);
	ena_ctrl_poll_stop(fpmd.dev);
}

static void
fpmd_die(const char *what, int rc)
{
	fprintf(stderr, "fuzz set-up: %s failed: %d (%s)\n", what, rc,
		rte_strerror(rc < 0 ? -rc : rc));
	exit(1);
}

void
fpmd_setup(const char *target, const char *emu_args)
{
	char prefix[64], args[256];
	char *argv[20];
	int argc = 0, rc;
	uint16_t p, before[RTE_MAX_ETHPORTS];
	struct rte_eth_dev_info info;
	struct rte_eth_conf conf;
	struct rte_eth_rxconf rxc;
	struct rte_eth_txconf txc;

	snprintf(prefix, sizeof(prefix), "--file-prefix=ena-fuzz-%s-%d", target,
		(int)getpid());
	argv[argc++] = (char *)(uintptr_t)target;
	argv[argc++] = (char *)(uintptr_t) "--no-huge";
	argv[argc++] = (char *)(uintptr_t) "-m";
	argv[argc++] = (char *)(uintptr_t) "256";
	argv[argc++] = (char *)(uintptr_t) "-l";
	argv[argc++] = (char *)(uintptr_t) "0";
	argv[argc++] = (char *)(uintptr_t) "--no-telemetry";
	argv[argc++] = prefix;
	/* Only the emulated device: no real PCI device is probed. */
	argv[argc++] = (char *)(uintptr_t) "-a";
	argv[argc++] = (char *)(uintptr_t)FPMD_PCI
		",control_path_poll_interval=1000";
	if (getenv("FUZZ_VERBOSE") == NULL)
		argv[argc++] = (char *)(uintptr_t) "--log-level=*:crit";
	argv[argc] = NULL;
	rc = rte_eal_init(argc, argv);
	if (rc < 0)
		fpmd_die("rte_eal_init", rte_errno);
	ena_plat_wait_hook_set(fpmd_hook, NULL);

	fpmd.rx_mp = rte_pktmbuf_pool_create("fz_rx", FPMD_NB_MBUF, 0, 0,
		RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	fpmd.tx_mp = rte_pktmbuf_pool_create("fz_tx", FPMD_NB_MBUF, 0, 0,
		RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	if (fpmd.rx_mp == NULL || fpmd.tx_mp == NULL)
		fpmd_die("mempool create", rte_errno);

	memset(before, 0, sizeof(before));
	RTE_ETH_FOREACH_DEV (p)
		before[p] = 1;
	/* The PMD linked into this program: its path is the program's. */
	snprintf(args, sizeof(args),
		"pmd=%s,thread=0,wire=sink,queues=1,llq=0,addr=" FPMD_PCI
		"%s%s",
		target, emu_args[0] != '\0' ? "," : "", emu_args);
	rc = rte_eal_hotplug_add("vdev", FPMD_VDEV, args);
	if (rc != 0)
		fpmd_die("vdev " FPMD_VDEV, rc);
	fpmd.port = RTE_MAX_ETHPORTS;
	RTE_ETH_FOREACH_DEV (p)
		if (!before[p])
			fpmd.port = p;
	if (fpmd.port == RTE_MAX_ETHPORTS)
		fpmd_die("port of " FPMD_VDEV, -ENODEV);
	fpmd.dev = &rte_eth_devices[fpmd.port];
	fpmd.ad = fpmd.dev->data->dev_private;
	fpmd_quiet();

	rc = rte_eth_dev_info_get(fpmd.port, &info);
	if (rc != 0)
		fpmd_die("dev info", rc);
	fpmd.rx_sgl = info.rx_desc_lim.nb_seg_max;
	fpmd.tx_sgl = info.tx_desc_lim.nb_seg_max;
	memset(&conf, 0, sizeof(conf));
	/*
	 * No scattered Rx, so that the SIMD width alone picks the Rx path
	 * (the Rx target runs every input on each): the PMD takes chained
	 * packets whatever the offload says.
	 */
	conf.rxmode.offloads = info.rx_offload_capa &
		RTE_ETH_RX_OFFLOAD_CHECKSUM;
	conf.txmode.offloads = info.tx_offload_capa &
		RTE_ETH_TX_OFFLOAD_MULTI_SEGS;
	rc = rte_eth_dev_configure(fpmd.port, 1, 1, &conf);
	if (rc != 0)
		fpmd_die("configure", rc);
	rxc = info.default_rxconf;
	rxc.offloads = conf.rxmode.offloads;
	rc = rte_eth_rx_queue_setup(
		fpmd.port, 0, FPMD_RING, SOCKET_ID_ANY, &rxc, fpmd.rx_mp);
	if (rc != 0)
		fpmd_die("rx queue setup", rc);
	/* Reaping only when the ring is full: the Tx target's cleanup calls. */
	txc = info.default_txconf;
	txc.offloads = conf.txmode.offloads;
	txc.tx_free_thresh = 1;
	rc = rte_eth_tx_queue_setup(
		fpmd.port, 0, FPMD_RING, SOCKET_ID_ANY, &txc);
	if (rc != 0)
		fpmd_die("tx queue setup", rc);
}

bool
fpmd_reset_requested(uint32_t *reason)
{
	bool r = __atomic_load_n(&fpmd.ad->trigger_reset, __ATOMIC_ACQUIRE);

	if (reason != NULL)
		*reason = fpmd.ad->reset_reason;
	return r;
}

void
fpmd_recover(void)
{
	int rc;

	if (!fpmd_reset_requested(NULL))
		return;
	rc = rte_eth_dev_reset(fpmd.port);
	FUZZ_ASSERT(rc == 0, "port reset failed: %d", rc);
	fpmd_quiet();
	FUZZ_ASSERT(!fpmd_reset_requested(NULL),
		"reset request still set after the reset");
}

void
fpmd_start(void)
{
	int rc;

	fpmd_recover();
	rc = rte_eth_dev_start(fpmd.port);
	FUZZ_ASSERT(rc == 0, "port start failed: %d", rc);
}

void
fpmd_stop(void)
{
	unsigned int rx, tx;
	int rc;

	rc = rte_eth_dev_stop(fpmd.port);
	FUZZ_ASSERT(rc == 0, "port stop failed: %d", rc);
	rx = rte_mempool_avail_count(fpmd.rx_mp);
	tx = rte_mempool_avail_count(fpmd.tx_mp);
	FUZZ_ASSERT(rx == FPMD_NB_MBUF,
		"Rx pool has %u of %u mbufs after stop (%s)", rx, FPMD_NB_MBUF,
		rx > FPMD_NB_MBUF ? "one freed twice" : "leaked");
	FUZZ_ASSERT(tx == FPMD_NB_MBUF,
		"Tx pool has %u of %u mbufs after stop (%s)", tx, FPMD_NB_MBUF,
		tx > FPMD_NB_MBUF ? "one freed twice" : "leaked");
}

uint64_t
fpmd_xstat(const char *name)
{
	uint64_t id, v = 0;
	int rc;

	rc = rte_eth_xstats_get_id_by_name(fpmd.port, name, &id);
	FUZZ_ASSERT(rc == 0, "no xstat %s", name);
	rc = rte_eth_xstats_get_by_id(fpmd.port, &id, &v, 1);
	FUZZ_ASSERT(rc == 1, "xstat %s: %d", name, rc);
	return v;
}

/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef FUZZ_PMD_H_
#define FUZZ_PMD_H_

/*
 * Common part of the PMD fuzz targets: EAL, one port of our PMD (compiled
 * into the target) on an emulated device (vdev ena_emu, thread=0,
 * wire=sink), one Rx and one Tx queue of FPMD_RING entries, a pool for
 * each. The emulator runs only inside the base layer's wait hook, i.e.
 * while a control call (start, stop, reset) waits for the device; during
 * the datapath the harness is the device and writes completions itself.
 * The PMD's watchdog and control-path poll alarms are stopped, so nothing
 * runs behind the harness's back.
 */

#include <stdbool.h>
#include <stdint.h>

#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "ena_ethdev.h"
#include "fuzz_input.h"

#define FPMD_RING    128
#define FPMD_NB_MBUF 1024

struct fpmd {
	uint16_t port;
	struct rte_eth_dev *dev;
	struct ena_adapter *ad;
	struct rte_mempool *rx_mp;
	struct rte_mempool *tx_mp;
	uint16_t rx_sgl; /* most descriptors of one Rx packet */
	uint16_t tx_sgl;
};

extern struct fpmd fpmd;

/*
 * EAL, pools, device and port; exits on failure. target names the program
 * (the emulator picks the PMD linked into it); emu_args are more emulator
 * devargs ("" for none).
 */
void fpmd_setup(const char *target, const char *emu_args);
/* Reset the port when the PMD requested it; aborts on failure. */
void fpmd_recover(void);
/* Start the port (after a reset if one is pending); aborts on failure. */
void fpmd_start(void);
/* Stop and check that both pools got every mbuf back. */
void fpmd_stop(void);
/* Reset request state of the PMD. */
bool fpmd_reset_requested(uint32_t *reason);
/* Value of a named xstat of the port. */
uint64_t fpmd_xstat(const char *name);

void fuzz_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)))
__attribute__((noreturn));

#define FUZZ_ASSERT(cond, ...)                  \
	do {                                    \
		if (!(cond))                    \
			fuzz_fail(__VA_ARGS__); \
	} while (0)

#endif /* FUZZ_PMD_H_ */

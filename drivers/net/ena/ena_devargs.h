/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef ENA_DEVARGS_H
#define ENA_DEVARGS_H

#include <stdbool.h>
#include <stdint.h>

struct rte_devargs;

#define ENA_DEVARG_ENABLE_LLQ	      "enable_llq"
#define ENA_DEVARG_LARGE_LLQ_HDR      "large_llq_hdr"
#define ENA_DEVARG_MISS_TXC_TO	      "miss_txc_to"
#define ENA_DEVARG_CTRL_POLL_INTERVAL "control_path_poll_interval"
#define ENA_DEVARG_WD_PERIOD	      "watchdog_period"

#define ENA_MISS_TXC_TO_MAX_S	      60
#define ENA_MISS_TXC_TO_DEFAULT_S     5
#define ENA_CTRL_POLL_INTERVAL_MAX_MS 1000
#define ENA_WD_PERIOD_MIN_MS	      10
#define ENA_WD_PERIOD_MAX_MS	      10000
#define ENA_WD_PERIOD_DEFAULT_MS      1000

#define ENA_DEVARGS_HELP                                                    \
	ENA_DEVARG_ENABLE_LLQ                                               \
	"=<0|1> " ENA_DEVARG_LARGE_LLQ_HDR "=<0|1> " ENA_DEVARG_MISS_TXC_TO \
	"=<0-60 s, 0 disables> " ENA_DEVARG_CTRL_POLL_INTERVAL              \
	"=<0-1000 ms, 0 uses the interrupt> " ENA_DEVARG_WD_PERIOD          \
	"=<10-10000 ms>"

struct ena_devargs {
	bool enable_llq;
	bool large_llq_hdr;
	/* Missing Tx completion timeout; 0 disables that check. */
	uint32_t miss_txc_to_s;
	/* Admin/AENQ polled from an alarm instead of the interrupt when != 0. */
	uint32_t ctrl_poll_ms;
	uint32_t wd_period_ms;
};

void ena_devargs_defaults(struct ena_devargs *da);
/* Returns 0 or -EINVAL after logging which key/value was rejected. */
int
ena_devargs_parse(const struct rte_devargs *devargs, struct ena_devargs *da);

#endif /* ENA_DEVARGS_H */

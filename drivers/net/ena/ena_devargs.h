/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef ENA_DEVARGS_H
#define ENA_DEVARGS_H

#include <stdbool.h>
#include <stdint.h>

#include <rte_common.h>

struct rte_devargs;

#define ENA_DEVARG_LLQ_POLICY	      "llq_policy"
#define ENA_DEVARG_MISS_TXC_TO	      "miss_txc_to"
#define ENA_DEVARG_CTRL_POLL_INTERVAL "control_path_poll_interval"
#define ENA_DEVARG_FRAG_BYPASS	      "enable_frag_bypass"
#define ENA_DEVARG_WD_PERIOD	      "watchdog_period"
/* Deprecated: mapped onto llq_policy. */
#define ENA_DEVARG_ENABLE_LLQ	 "enable_llq"
#define ENA_DEVARG_LARGE_LLQ_HDR "large_llq_hdr"

/* llq_policy values, as the newest upstream PMD defines them. */
enum ena_llq_policy {
	ENA_LLQ_POLICY_OFF = 0,	   /* Tx descriptors in host memory */
	ENA_LLQ_POLICY_DEVICE = 1, /* the entry size the device advises */
	ENA_LLQ_POLICY_NORMAL = 2, /* 128 B entries */
	ENA_LLQ_POLICY_LARGE = 3,  /* 256 B entries */
};

/*
 * Ranges: literal numbers, so that the help string below (and from it the
 * user guide, checked by devtools/doc-check.sh) states what the parser
 * enforces.
 */
#define ENA_LLQ_POLICY_MAX	      3
#define ENA_MISS_TXC_TO_MAX_S	      60
#define ENA_MISS_TXC_TO_DEFAULT_S     5
#define ENA_CTRL_POLL_INTERVAL_MAX_MS 1000
#define ENA_WD_PERIOD_MIN_MS	      10
#define ENA_WD_PERIOD_MAX_MS	      10000
#define ENA_WD_PERIOD_DEFAULT_MS      1000

/* The AENQ poll period when the admin interrupt is not available. */
#define ENA_CTRL_POLL_FALLBACK_MS 100

/* clang-format off */
#define ENA_DEVARGS_HELP \
	ENA_DEVARG_LLQ_POLICY "=<0-" RTE_STR(ENA_LLQ_POLICY_MAX) "> " \
	ENA_DEVARG_MISS_TXC_TO "=<0-" RTE_STR(ENA_MISS_TXC_TO_MAX_S) \
		" s, 0 disables> " \
	ENA_DEVARG_CTRL_POLL_INTERVAL "=<0-" \
		RTE_STR(ENA_CTRL_POLL_INTERVAL_MAX_MS) \
		" ms, 0 uses the interrupt> " \
	ENA_DEVARG_FRAG_BYPASS "=<0-1> " \
	ENA_DEVARG_WD_PERIOD "=<" RTE_STR(ENA_WD_PERIOD_MIN_MS) "-" \
		RTE_STR(ENA_WD_PERIOD_MAX_MS) " ms> " \
	ENA_DEVARG_ENABLE_LLQ "=<0-1, deprecated> " \
	ENA_DEVARG_LARGE_LLQ_HDR "=<0-1, deprecated>"
/* clang-format on */

struct ena_devargs {
	uint32_t llq_policy; /* enum ena_llq_policy */
	bool frag_bypass;
	/* Missing Tx completion timeout; 0 disables that check. */
	uint32_t miss_txc_to_s;
	/* miss_txc_to was given (whatever its value): the device's hint
	 * does not replace it. */
	bool miss_txc_to_given;
	/* Admin/AENQ polled from an alarm instead of the interrupt when != 0. */
	uint32_t ctrl_poll_ms;
	uint32_t wd_period_ms;
};

void ena_devargs_defaults(struct ena_devargs *da);
/*
 * Returns 0 or -EINVAL after logging which key/value was rejected: an
 * unknown key, a key given twice, a value that is not a decimal number
 * within the key's range, llq_policy together with a deprecated LLQ key.
 */
int
ena_devargs_parse(const struct rte_devargs *devargs, struct ena_devargs *da);

#endif /* ENA_DEVARGS_H */

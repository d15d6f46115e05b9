/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef ENA_LOGS_H
#define ENA_LOGS_H

#include <rte_log.h>

/*
 * One log type per concern so that e.g. the datapath can be made verbose
 * without flooding the control path: --log-level=pmd.net.ena.rx:debug
 */
extern int ena_logtype_init;
extern int ena_logtype_driver;
extern int ena_logtype_rx;
extern int ena_logtype_tx;

#define ENA_LOG_TYPE(type, level, fmt, ...)                                \
	rte_log(RTE_LOG_##level, (type), "ena: %s(): " fmt "\n", __func__, \
		##__VA_ARGS__)

#define PMD_INIT_LOG(level, fmt, ...) \
	ENA_LOG_TYPE(ena_logtype_init, level, fmt, ##__VA_ARGS__)
#define PMD_DRV_LOG(level, fmt, ...) \
	ENA_LOG_TYPE(ena_logtype_driver, level, fmt, ##__VA_ARGS__)
#define PMD_RX_LOG(level, fmt, ...) \
	ENA_LOG_TYPE(ena_logtype_rx, level, fmt, ##__VA_ARGS__)
#define PMD_TX_LOG(level, fmt, ...) \
	ENA_LOG_TYPE(ena_logtype_tx, level, fmt, ##__VA_ARGS__)

#endif /* ENA_LOGS_H */

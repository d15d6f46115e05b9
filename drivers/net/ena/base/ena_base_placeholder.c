/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/* Replaced by ena_com.c and ena_eth_com.c. */
int ena_base_placeholder;

/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef ENA_DEFS_H_
#define ENA_DEFS_H_

/* The whole ENA device interface in one include. */

#include "ena_common.h"
#include "ena_regs.h"
#include "ena_admin.h"
#include "ena_eth_io.h"

#endif /* ENA_DEFS_H_ */

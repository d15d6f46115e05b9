/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#include "ena_plat.h"

/* Storage for the platform's globals (log type, wait hook, DMA names). */
ENA_PLAT_DEFINE_GLOBALS()

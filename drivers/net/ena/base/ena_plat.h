/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef ENA_PLAT_H_
#define ENA_PLAT_H_

/*
 * The base layer is portable C: every OS service it needs (memory, DMA
 * memory, MMIO, barriers, locks, clock, logging) comes from one platform
 * header chosen here. A port to another environment provides the same
 * names (see ena_plat_dpdk.h for the list and their contracts).
 */

#if defined(ENA_PLAT_CUSTOM_HEADER)
#include ENA_PLAT_CUSTOM_HEADER
#else
#include "ena_plat_dpdk.h"
#endif

/* Hints a port may leave out. */
#ifndef ena_cold
#define ena_cold
#endif
#ifndef ena_always_inline
#define ena_always_inline inline
#endif

#endif /* ENA_PLAT_H_ */

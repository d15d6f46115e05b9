/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef ENA_EMU_COMPAT_OS_SHIM_H
#define ENA_EMU_COMPAT_OS_SHIM_H

/*
 * bus_pci_private.h includes this DPDK-internal header, which is not
 * installed; on Linux everything it provides comes with rte_os.h.
 */
#include <rte_os.h>

#endif

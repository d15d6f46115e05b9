/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/* Replaced by the emulator sources. */
int ena_emu_placeholder;

/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#include "test.h"

static void
test_abi(void)
{
	ena_test_skip("not yet written");
}

ENA_TEST_SUITE(abi, "device interface definitions against the reference", test_abi)

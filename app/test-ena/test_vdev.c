/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#include <errno.h>
#include <string.h>

#include <rte_dev.h>
#include <rte_ethdev.h>

#include "test.h"

int
ena_test_vdev_add(const char *vdev, const char *args, uint16_t *port)
{
	bool before[RTE_MAX_ETHPORTS];
	uint16_t p;
	int rc;

	memset(before, 0, sizeof(before));
	RTE_ETH_FOREACH_DEV (p)
		before[p] = true;
	rc = rte_eal_hotplug_add("vdev", vdev, args);
	if (rc != 0)
		return rc;
	RTE_ETH_FOREACH_DEV (p) {
		if (!before[p]) {
			*port = p;
			return 0;
		}
	}
	rte_eal_hotplug_remove("vdev", vdev);
	return -ENODEV;
}

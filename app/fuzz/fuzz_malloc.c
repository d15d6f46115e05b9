/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/*
 * The PMD's own host arrays (per-queue mbuf and req_id tables, base layer
 * allocations) on the libc heap in the PMD fuzz targets: the PMD is built
 * there with rte_zmalloc_socket/rte_free renamed to these, so that
 * AddressSanitizer bounds every access to them. DMA memory still comes
 * from memzones (the device must reach it).
 */
#include <stdlib.h>
#include <string.h>

void *fuzz_zmalloc_socket(
	const char *type, size_t size, unsigned int align, int socket);
void fuzz_free(void *p);

void *
fuzz_zmalloc_socket(
	const char *type, size_t size, unsigned int align, int socket)
{
	void *p = NULL;

	(void)type;
	(void)socket;
	if (align < 64)
		align = 64;
	if (posix_memalign(&p, align, size != 0 ? size : 1) != 0)
		return NULL;
	memset(p, 0, size);
	return p;
}

void
fuzz_free(void *p)
{
	free(p);
}

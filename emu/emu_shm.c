/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */

/*
 * Device memory (BAR0, BAR2) placement. With shared memory (hugepages) the
 * BARs of a device live in one memzone named after the device, behind a
 * small header that tells a secondary process where the primary put the
 * function (PCI address, device id) and how big the BARs are. DPDK maps
 * shared memory at the same addresses in every process, so the driver
 * state the primary built (doorbell and LLQ pointers) stays valid in a
 * secondary. Without shared memory (--no-huge) private pages do.
 */

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_memzone.h>

#include "emu_vdev.h"

#define EMU_SHM_MAGIC	0x454e4153484d3031ull /* "ENASHM01" */
#define EMU_SHM_HDR_LEN 4096u
#define EMU_SHM_ALIGN	4096u

struct emu_shm_hdr {
	uint64_t magic;
	struct rte_pci_addr addr;
	uint16_t has_llq; /* non-zero when BAR2 (LLQ) exists */
	uint64_t bar0_len;
	uint64_t bar2_len;
	/*
	 * PCI driver selection for the secondary (the vdev bus gives a
	 * secondary the device name only, not its devargs): the primary's
	 * pmd= and, once probed, the path of the driver it chose.
	 */
	char pmd[256];
};

static int
emu_shm_name(const char *dev_name, char *buf, size_t len)
{
	int n = snprintf(buf, len, "%s_bars", dev_name);

	if (n < 0 || (size_t)n >= len) {
		emu_vdev_log(NULL, RTE_LOG_ERR,
			"%s: device name too long for a shared memzone "
			"(at most %zu characters)",
			dev_name, len - 6);
		return -ENAMETOOLONG;
	}
	return 0;
}

static void *
emu_private_map(size_t len)
{
	void *p;

	p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		-1, 0);
	return p == MAP_FAILED ? NULL : p;
}

int
emu_vdev_bars_alloc(struct emu_vdev *dev, size_t bar0_len, size_t bar2_len)
{
	char name[RTE_MEMZONE_NAMESIZE];
	const struct rte_memzone *mz;
	struct emu_shm_hdr *hdr;
	uint8_t *base;

	if (rte_eal_has_hugepages() &&
		emu_shm_name(dev->name, name, sizeof(name)) == 0) {
		mz = rte_memzone_reserve_aligned(name,
			EMU_SHM_HDR_LEN + bar0_len + bar2_len, SOCKET_ID_ANY, 0,
			EMU_SHM_ALIGN);
		if (mz != NULL) {
			base = mz->addr;
			memset(base, 0, mz->len);
			hdr = (struct emu_shm_hdr *)base;
			hdr->addr = dev->addr;
			hdr->has_llq = bar2_len != 0;
			hdr->bar0_len = bar0_len;
			hdr->bar2_len = bar2_len;
			snprintf(hdr->pmd, sizeof(hdr->pmd), "%s", dev->pmd);
			dev->bars_mz = mz;
			dev->bar0 = base + EMU_SHM_HDR_LEN;
			dev->bar0_len = bar0_len;
			if (bar2_len != 0) {
				dev->bar2 = dev->bar0 + bar0_len;
				dev->bar2_len = bar2_len;
			}
			/* Published last: a secondary trusts a valid magic. */
			__atomic_store_n(
				&hdr->magic, EMU_SHM_MAGIC, __ATOMIC_RELEASE);
			return 0;
		}
		emu_vdev_log(dev, RTE_LOG_WARNING,
			"memzone %s: %s; BARs are private to this process",
			name, rte_strerror(rte_errno));
	}
	dev->bar0 = emu_private_map(bar0_len);
	if (dev->bar0 == NULL)
		return -ENOMEM;
	dev->bar0_len = bar0_len;
	if (bar2_len != 0) {
		dev->bar2 = emu_private_map(bar2_len);
		if (dev->bar2 == NULL)
			return -ENOMEM;
		dev->bar2_len = bar2_len;
	}
	return 0;
}

void
emu_vdev_bars_free(struct emu_vdev *dev)
{
	struct emu_shm_hdr *hdr;

	if (dev->bars_mz != NULL) {
		/* Only the owner gets here; a late secondary must not attach. */
		hdr = dev->bars_mz->addr;
		__atomic_store_n(&hdr->magic, 0, __ATOMIC_RELEASE);
		rte_memzone_free(dev->bars_mz);
		dev->bars_mz = NULL;
	} else {
		if (dev->bar2 != NULL)
			munmap(dev->bar2, dev->bar2_len);
		if (dev->bar0 != NULL)
			munmap(dev->bar0, dev->bar0_len);
	}
	dev->bar0 = NULL;
	dev->bar2 = NULL;
}

int
emu_vdev_bars_lookup(struct emu_vdev *dev)
{
	char name[RTE_MEMZONE_NAMESIZE];
	const struct rte_memzone *mz;
	const struct emu_shm_hdr *hdr;
	int rc;

	rc = emu_shm_name(dev->name, name, sizeof(name));
	if (rc != 0)
		return rc;
	mz = rte_memzone_lookup(name);
	hdr = mz != NULL ? mz->addr : NULL;
	if (hdr == NULL ||
		__atomic_load_n(&hdr->magic, __ATOMIC_ACQUIRE) !=
			EMU_SHM_MAGIC ||
		EMU_SHM_HDR_LEN + hdr->bar0_len + hdr->bar2_len > mz->len) {
		emu_vdev_log(dev, RTE_LOG_ERR,
			"no device in shared memzone %s: the primary must "
			"run with hugepages (not --no-huge) for a "
			"secondary to attach",
			name);
		return -ENODEV;
	}
	dev->addr = hdr->addr;
	snprintf(dev->pmd, sizeof(dev->pmd), "%s", hdr->pmd);
	dev->llq = hdr->has_llq != 0;
	dev->bar0 = (uint8_t *)mz->addr + EMU_SHM_HDR_LEN;
	dev->bar0_len = hdr->bar0_len;
	dev->bar2 = hdr->bar2_len != 0 ? dev->bar0 + hdr->bar0_len : NULL;
	dev->bar2_len = hdr->bar2_len;
	return 0;
}

void
emu_vdev_bars_driver_set(struct emu_vdev *dev, const char *path)
{
	struct emu_shm_hdr *hdr;

	if (dev->bars_mz == NULL || dev->secondary)
		return;
	hdr = dev->bars_mz->addr;
	snprintf(hdr->pmd, sizeof(hdr->pmd), "%s", path);
}

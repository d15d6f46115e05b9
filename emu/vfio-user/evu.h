/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef ENA_EVU_H
#define ENA_EVU_H

/*
 * ena-vfio-user: the device core as a PCI function of a virtual machine.
 * Each function listens on its own vfio-user socket; a client (QEMU's
 * vfio-user-pci device) maps guest memory to it, and the guest's drivers
 * then reach the device exactly as they reach hardware: config space, BAR 0
 * registers (every access trapped and handed to the core), BAR 2 LLQ
 * memory (mapped into the guest, so its stores land in the memory the core
 * reads), MSI-X, and DMA into guest memory through the regions the client
 * mapped, checked like an IOMMU.
 *
 * One thread runs everything: libvfio-user's message handling, the device
 * steps and the wires, so the core's single-worker rule holds.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "emu_host.h"

struct ena_emu_config;
struct vfu_ctx;

/* ---- guest memory (evu_dma.c) ------------------------------------------- */

/*
 * A client mapping, as libvfio-user reports it, kept sorted by iova. The
 * server sees each one through a mirror: every mapping of a window of IOVA
 * space is placed at the same offset of one reserved range of the server's
 * address space, so a buffer that spans several mappings (a guest IOMMU
 * maps page by page) is one contiguous range here too.
 */
struct evu_region {
	uint64_t iova;
	uint64_t len;
	bool writable;
};

struct evu_window {
	uint64_t iova; /* first IOVA of the window (aligned to its size) */
	uint8_t *va;   /* where that IOVA is in this process */
};

#define EVU_WINDOW_SHIFT 40 /* 1 TiB of IOVA space per window */
#define EVU_WINDOWS_MAX	 32

struct evu_dma {
	struct evu_region *reg;
	unsigned int nreg;
	unsigned int cap;
	unsigned int hint; /* region of the last successful lookup */
	struct evu_window win[EVU_WINDOWS_MAX];
	unsigned int nwin;
	/* Counters. */
	uint64_t maps;
	uint64_t unmaps;
	uint64_t faults;
	unsigned int max_regions;
};

int evu_dma_map(struct evu_dma *d, uint64_t iova, uint64_t len, void *vaddr,
	bool writable, char *err, size_t errlen);
/* Removes the mapping of [iova, iova + len); 0 or -ENOENT. */
int evu_dma_unmap(struct evu_dma *d, uint64_t iova, uint64_t len);
void evu_dma_clear(struct evu_dma *d);
void evu_dma_fini(struct evu_dma *d);
/* Address of [iova, iova + len) when all of it is mapped (and writable). */
void *evu_dma_lookup(struct evu_dma *d, uint64_t iova, size_t len, bool write);

/* ---- one PCI function (evu_func.c) --------------------------------------- */

/* BAR holding the MSI-X table (at 0) and pending bits. */
#define EVU_MSIX_BAR	 4
#define EVU_MSIX_PBA_OFF 0x1000u
#define EVU_MSIX_BAR_LEN 0x2000u

struct evu_func {
	char name[64];
	char sock[108];
	struct ena_emu_config *cfg;
	struct vfu_ctx *ctx;
	struct ena_emu_dev *dev;
	bool attached;
	uint32_t nvec;

	uint8_t *bar0;
	size_t bar0_len;
	uint8_t *bar2;
	size_t bar2_len;
	int bar2_fd;

	struct evu_dma dma;

	/* Counters printed by the stats command and at exit. */
	uint64_t clients;
	uint64_t disconnects;
	uint64_t bad_clients; /* refused during protocol negotiation */
	uint64_t flrs;
	uint64_t *irqs;	     /* per vector, signalled */
	uint64_t irqs_no_fd; /* vector not set up by the client */
	uint64_t bar0_reads;
	uint64_t bar0_writes;
	uint64_t bad_accesses;
};

/* Creates the function and its listening socket. NULL after logging. */
struct evu_func *evu_func_new(
	const char *name, const char *sock, const struct ena_emu_config *cfg);
void evu_func_free(struct evu_func *f);
/* File descriptor to wait on (listening or connected socket). */
int evu_func_poll_fd(struct evu_func *f);
/* Accepts a client or serves its messages, then steps the device. */
unsigned int evu_func_run(struct evu_func *f);
/* One line per counter group, each starting with the function's name. */
void evu_func_stats(struct evu_func *f, char *buf, size_t len);

/* ---- logging (evu_main.c) -------------------------------------------------- */

extern unsigned int evu_log_level;
void evu_log(unsigned int level, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
extern const struct ena_emu_host_ops evu_host_ops;

#endif /* ENA_EVU_H */

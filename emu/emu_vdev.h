/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef ENA_EMU_VDEV_H
#define ENA_EMU_VDEV_H

/*
 * The DPDK front end of the device core (librte_ena_emu.so): the "ena_emu"
 * vdev that shows a core device to EAL's PCI bus in this very process, and
 * bare devices for unit tests (ena_emu_dev_create()). It gives the core its
 * host: DMA checked against DPDK's memory (IOVA as VA), the admin vector on
 * an eventfd or on the interrupt line of the PCI driver, DPDK logging, and
 * the shared emulator thread that steps every device.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <pthread.h>
#include <sys/queue.h>

#include <rte_pci.h>

#include "emu_host.h"

struct ena_emu_config;
struct rte_pci_device;
struct rte_intr_handle;
struct rte_memzone;

/* Validated-page cache in front of the memseg walk (entries, pow2). */
#define EMU_VDEV_PCACHE	    16384u
#define EMU_VDEV_PAGE_SHIFT 12

struct emu_vdev {
	TAILQ_ENTRY(emu_vdev) next;
	struct ena_emu_dev *dev; /* the core device; NULL in a view */
	char name[64];

	/* Options of this front end (devargs addr=, pmd=, thread=). */
	struct rte_pci_addr addr;
	bool addr_given;
	char pmd[256]; /* "" = first matching PCI driver */
	bool thread;   /* run in the shared emulator thread */
	bool llq;

	/* BAR memory; a memzone when processes share memory (emu_shm.c). */
	uint8_t *bar0;
	size_t bar0_len;
	uint8_t *bar2;
	size_t bar2_len;
	const struct rte_memzone *bars_mz;
	/* A secondary process' view of a primary's device: BARs only. */
	bool secondary;

	/* Admin/AENQ vector without a PCI driver: an eventfd. */
	int irq_fd;
	/*
	 * Interrupt line to a PCI driver: a socket pair whose host end is the
	 * PMD's UIO-type handle. The host writes 1/0 to it on
	 * rte_intr_enable/disable; the device writes a token per MSI-X.
	 */
	int irq_sock;	 /* device end, -1 when not attached */
	int irq_host_fd; /* host end (in the PMD's handle) */
	bool irq_host_enabled;
	bool irq_pending; /* signalled while the host had it disabled */
	/*
	 * The driver is gone: no more tokens. Set, and tokens already queued
	 * withdrawn, under irq_lock, which the signalling thread holds while
	 * it sends one: a driver that left a callback behind (its
	 * unregistration raced with the callback) is then never called again.
	 */
	bool irq_gone;
	pthread_mutex_t irq_lock;
	/*
	 * recv() on the line is a syscall, so a busy step checks it only
	 * every EMU_VDEV_IRQ_CTL_EVERY steps; an idle one always does.
	 */
	bool step_idle;
	uint32_t irq_ctl_tick;

	/* PCI bus attach. */
	struct rte_pci_device *pci_dev;
	struct rte_intr_handle *drain_intr; /* our view of the PMD's handle */
	bool on_pci_bus;

	/*
	 * Tags (4 KiB page number + 1) of pages the memseg walk accepted,
	 * valid while pcache_gen equals the global generation, which moves
	 * when DPDK frees memory.
	 */
	uint64_t *pcache;
	uint32_t pcache_gen;
	bool iova_is_va;
};

#define EMU_VDEV_IRQ_CTL_EVERY 64u

extern int ena_emu_logtype;

/* emu_dma.c: the host ops of this front end. */
extern const struct ena_emu_host_ops emu_vdev_host_ops;
int emu_vdev_dma_init(struct emu_vdev *v);
void emu_vdev_dma_fini(struct emu_vdev *v);
/*
 * Host enable/disable of the vector on the PCI driver's line; now: read
 * it at once (else only every EMU_VDEV_IRQ_CTL_EVERY busy steps).
 */
unsigned int emu_vdev_irq_ctl_poll(struct emu_vdev *v, bool now);

/* The driver on the line has gone: withdraw and stop signalling. */
void emu_vdev_irq_line_quiesce(struct emu_vdev *v);

/* emu_main.c */
/*
 * Parses devargs (core keys and this front end's), allocates the BARs and
 * creates the core device. vdev: thread defaults on; addr (may be NULL)
 * replaces the address the options give. NULL after logging.
 */
struct emu_vdev *emu_vdev_new(const char *name, const char *args, bool vdev,
	const struct rte_pci_addr *addr);
/* Parses a secondary's devargs (options only, no device). */
int emu_vdev_parse(
	struct emu_vdev *v, const char *name, const char *args, bool vdev);
void emu_vdev_free(struct emu_vdev *v);
struct emu_vdev *emu_vdev_find(const char *name);
int emu_vdev_thread_attach(struct emu_vdev *v);
void emu_vdev_thread_detach(struct emu_vdev *v);

/* emu_shm.c: BAR memory, in a memzone named after the device when
 * processes share memory, else private pages.
 */
int emu_vdev_bars_alloc(struct emu_vdev *v, size_t bar0_len, size_t bar2_len);
void emu_vdev_bars_free(struct emu_vdev *v);
/* Secondary: points v's BARs, PCI address and LLQ flag at the device a
 * primary created under v->name.
 */
int emu_vdev_bars_lookup(struct emu_vdev *v);
/* Primary: the PCI driver (shared object path) secondaries must pick. */
void emu_vdev_bars_driver_set(struct emu_vdev *v, const char *path);

void emu_vdev_log(const struct emu_vdev *v, uint32_t level, const char *fmt,
	...) __attribute__((format(printf, 3, 4)));

#endif /* ENA_EMU_VDEV_H */

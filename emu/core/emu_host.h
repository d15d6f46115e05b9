/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef ENA_EMU_HOST_H
#define ENA_EMU_HOST_H

/*
 * The device core and the hosts it runs in.
 *
 * The core (emu/core) is the ENA device itself: register file, admin queue,
 * AENQ, IO queues, LLQ, RSS, checksums, wires and fault knobs. It knows the
 * device interface and nothing of the process around it: everything it needs
 * from outside goes through struct ena_emu_host_ops. A front end (the DPDK
 * vdev in emu/, the vfio-user server in emu/vfio-user) owns the BAR memory,
 * implements the ops and calls ena_emu_dev_step() whenever the device may
 * have work: after a driver access, on a timer, when a wire has input.
 *
 * Threading: one thread at a time runs the core for a device (step, register
 * access, reset). The fault knobs, link requests and counters of the public
 * API (ena_emu.h) may be used from any thread.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ena_emu.h"

/* Log levels (the numbers of syslog and of DPDK's RTE_LOG_*). */
#define EMU_LOG_ERR	4u
#define EMU_LOG_WARNING 5u
#define EMU_LOG_NOTICE	6u
#define EMU_LOG_INFO	7u
#define EMU_LOG_DEBUG	8u

struct ena_emu_host_ops {
	/*
	 * Host address of device access to [iova, iova + len), the IOMMU of
	 * the device: NULL unless the whole range is memory the driver side
	 * made reachable (write: the device is about to write it). The core
	 * treats NULL as a DMA fault.
	 */
	void *(*dma)(void *ctx, uint64_t iova, size_t len, bool write);
	/* Signals MSI-X vector (0: admin/AENQ, 1 + n: IO vector n). */
	void (*irq)(void *ctx, uint32_t vector);
	/* Monotonic nanoseconds; NULL: CLOCK_MONOTONIC. */
	uint64_t (*now_ns)(void *ctx);
	/* One formatted line without newline; level EMU_LOG_*. */
	void (*log)(void *ctx, unsigned int level, const char *line);
	/* Whether a line of that level would be written (may be NULL). */
	bool (*log_on)(void *ctx, unsigned int level);
};

/*
 * Host for messages that belong to no device yet (devargs errors) and for
 * devices created without ops. Set once by the front end at load time.
 */
void ena_emu_host_default_set(const struct ena_emu_host_ops *ops, void *ctx);

/* ---- configuration --------------------------------------------------- */

struct ena_emu_config;

/*
 * Front-end keys: called for every key the core does not know. Returns 0
 * when the key was taken, -ENOENT when unknown to the front end too, or
 * another negative errno after logging why the value is bad.
 */
typedef int (*ena_emu_extra_key_t)(
	void *arg, const char *name, const char *key, const char *value);

/*
 * Parses "key=value,key=value" (a value may be wrapped in [] to hold
 * commas) into cfg, after filling it with the defaults. Every key at most
 * once; numbers in decimal. Logs and returns -EINVAL naming the bad key or
 * value.
 */
int ena_emu_config_parse(const char *name, const char *args,
	struct ena_emu_config *cfg, ena_emu_extra_key_t extra, void *extra_arg);

/* BAR sizes the device needs for cfg (BAR 2 is 0 without LLQ). */
void ena_emu_bar_sizes(
	const struct ena_emu_config *cfg, size_t *bar0_len, size_t *bar2_len);

/* MSI-X vectors the device has: admin/AENQ plus one per IO queue pair. */
uint32_t ena_emu_msix_count(const struct ena_emu_config *cfg);

/* ---- device life ----------------------------------------------------- */

/*
 * Creates the device on BAR memory the caller owns (zeroed here) with
 * the given host. Returns NULL after logging why (wire cannot be opened,
 * no memory).
 */
struct ena_emu_dev *ena_emu_dev_new(const struct ena_emu_config *cfg,
	const struct ena_emu_host_ops *ops, void *host_ctx, uint8_t *bar0,
	size_t bar0_len, uint8_t *bar2, size_t bar2_len);
void ena_emu_dev_delete(struct ena_emu_dev *dev);

/* The name the device was created with. */
const char *ena_emu_dev_name(const struct ena_emu_dev *dev);
const struct ena_emu_config *ena_emu_dev_config(const struct ena_emu_dev *dev);

/*
 * All pending device work once: registers, admin queue, AENQ timers, IO
 * queues, wire input. Returns units of work done (0: idle).
 */
unsigned int ena_emu_dev_step(struct ena_emu_dev *dev);

/*
 * Trapped register access (hosts that see each MMIO access). A write is
 * stored and acted upon at once; a read returns what the driver would see
 * now. Offsets beyond the BAR or unaligned: reads give all ones, writes are
 * ignored (and logged).
 */
uint32_t ena_emu_dev_reg_read(struct ena_emu_dev *dev, uint32_t off);
void ena_emu_dev_reg_write(struct ena_emu_dev *dev, uint32_t off, uint32_t val);

/*
 * Back to the power-on state (PCI function level reset, or the driver
 * side went away): queues, admin state and configuration are gone,
 * counters and knobs stay.
 */
void ena_emu_dev_power_on(struct ena_emu_dev *dev);

/*
 * The host withdrew [iova, iova + len) from the device. A queue whose ring
 * lies there loses it: the device reports a DMA fault instead of touching
 * memory that is no longer the driver's.
 */
void
ena_emu_dev_dma_revoked(struct ena_emu_dev *dev, uint64_t iova, size_t len);

/* File descriptor that becomes readable when the wire has input, or -1. */
int ena_emu_dev_wire_fd(const struct ena_emu_dev *dev);

#endif /* ENA_EMU_HOST_H */

/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef ENA_EMU_IO_H
#define ENA_EMU_IO_H

/*
 * IO half of the emulated device: IO SQ/CQ lifetime (admin CREATE/DESTROY),
 * the Tx and Rx data paths, RSS steering and the wire behind the port.
 *
 * Everything here runs in the device's worker (emulator thread or the
 * caller of ena_emu_poll()); nothing is thread safe on its own.
 *
 * BAR0 layout owned by this module (from ENA_EMU_BAR0_DB_BASE up):
 *   Tx SQ doorbells   ENA_EMU_IO_TX_DB_BASE + 4 * sq_idx
 *   Rx SQ doorbells   ENA_EMU_IO_RX_DB_BASE + 4 * sq_idx
 *   CQ registers      ENA_EMU_IO_CQ_REG_BASE + 16 * cq_idx:
 *                     +0 head doorbell, +4 interrupt unmask, +8 NUMA cfg
 * LLQ (BAR2): Tx SQ i owns ring_size * ENA_EMU_LLQ_MAX_ENTRY bytes at
 * i * that size.
 */

#include <stddef.h>
#include <stdint.h>

#include "ena_emu_io.h"

struct ena_emu_dev;
struct ena_aq_cmd;
struct ena_aq_comp;

#define ENA_EMU_IO_TX_DB_BASE	 0x1000u
#define ENA_EMU_IO_RX_DB_BASE	 0x1800u
#define ENA_EMU_IO_CQ_REG_BASE	 0x2000u
#define ENA_EMU_IO_CQ_REG_STRIDE 16u
/* Queue index limit implied by the doorbell windows above. */
#define ENA_EMU_IO_MAX_QUEUES 512u

/* Allocates dev->io and sets up the wire named by dev->cfg.wire. */
int ena_emu_io_init(struct ena_emu_dev *dev);
void ena_emu_io_fini(struct ena_emu_dev *dev);
/* Device reset: every IO queue disappears, counters stay. */
void ena_emu_io_reset(struct ena_emu_dev *dev);

/*
 * Executes CREATE_SQ, DESTROY_SQ, CREATE_CQ or DESTROY_CQ. Fills the
 * command-specific part of comp (not the common header) and returns the
 * ena_aq_status to complete with.
 */
uint8_t ena_emu_io_admin(struct ena_emu_dev *dev, const struct ena_aq_cmd *cmd,
	struct ena_aq_comp *comp);

/*
 * One pass over IO work: SQ doorbells, Tx processing, wire input. Returns
 * the number of packets handled (0 when idle).
 */
unsigned int ena_emu_io_poll(struct ena_emu_dev *dev);

/*
 * Delivers one Ethernet frame (no FCS) to the device's Rx side as if it
 * came from the wire: RSS steering, MTU check, buffers, completion.
 * Returns 0 or a negative errno naming the drop reason (-ENOENT queue not
 * created, -EMSGSIZE too big, -ENOBUFS no Rx buffer, -EIO bad descriptor).
 */
int
ena_emu_io_rx_frame(struct ena_emu_dev *dev, const void *frame, uint32_t len);

/* Queues whose rings overlap a range the host withdrew lose them. */
void ena_emu_io_dma_revoked(struct ena_emu_dev *dev, uint64_t iova, size_t len);
/* Readable when the wire has input (TAP), or -1. */
int ena_emu_io_wire_fd(const struct ena_emu_dev *dev);

/*
 * Copies the IO totals (kept in dev->cnt as they happen) into out; the
 * by-reason drop counters are in ena_emu_io_counters_get().
 */
void ena_emu_io_counters_fill(
	const struct ena_emu_dev *dev, struct ena_emu_counters *out);

/*
 * RSS hash functions, exposed for tests. The Toeplitz key is in the usual
 * (rte_softrss) byte order; the device holds it byte-reversed.
 */
uint32_t ena_emu_rss_toeplitz(const uint8_t *key, unsigned int key_len,
	const uint8_t *data, unsigned int len);
uint32_t
ena_emu_rss_crc32(uint32_t init, const uint8_t *data, unsigned int len);
/* Hash of a frame with the device's current RSS configuration. */
uint32_t ena_emu_rss_frame_hash(
	const struct ena_emu_dev *dev, const uint8_t *frame, uint32_t len);

#endif /* ENA_EMU_IO_H */

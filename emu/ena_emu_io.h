/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef ENA_EMU_API_IO_H
#define ENA_EMU_API_IO_H

/*
 * Public extras of the emulated device's IO path: drop counters by reason
 * and IO-only behaviour knobs. Complements ena_emu.h.
 */

#include <stdint.h>

#include "ena_emu.h"

#ifdef __cplusplus
extern "C" {
#endif

struct ena_emu_io_counters {
	uint64_t tx_pkts;
	uint64_t tx_bytes;
	uint64_t rx_pkts;
	uint64_t rx_bytes;
	uint64_t sq_doorbells; /* doorbell value changes seen */
	uint64_t tx_completions;
	uint64_t rx_completions; /* Rx completion descriptors written */
	uint64_t tx_l3_csum;	 /* IPv4 header checksums inserted */
	uint64_t tx_l4_csum;	 /* TCP/UDP checksums inserted */
	/* Rx drops by reason */
	uint64_t rx_drop_no_queue; /* RSS target Rx queue not created */
	uint64_t rx_drop_too_big;  /* frame longer than MTU + L2 header */
	uint64_t rx_drop_no_buf;   /* not enough posted Rx buffers */
	uint64_t rx_drop_bad_desc; /* bad Rx descriptor or buffer address */
	uint64_t rx_drop_runt;	   /* shorter than an Ethernet header */
	/* Tx drops by reason */
	uint64_t tx_drop_bad_desc; /* malformed descriptor chain */
	uint64_t tx_drop_dma;	   /* buffer outside DPDK memory */
	uint64_t tx_drop_too_big;  /* frame longer than the device allows */
	uint64_t tx_drop_no_peer;  /* peer wire without a live peer */
	uint64_t tx_drop_tso;	   /* TSO requested (not offered) */
	/* Wire */
	uint64_t wire_tx; /* frames handed to the wire */
	uint64_t wire_rx; /* frames the wire offered to Rx */
	uint64_t pcap_written;
	uint64_t pcap_read;
	uint64_t gen_pkts;
	uint64_t tap_written; /* frames written to the TAP interface */
	uint64_t tap_read;    /* frames read from the TAP interface */
	uint64_t tap_errors;  /* TAP writes that failed (frame lost) */
};

/* Returns 0, or -EINVAL when dev has no IO state. */
int ena_emu_io_counters_get(
	struct ena_emu_dev *dev, struct ena_emu_io_counters *out);

/*
 * Tx completions of each polled batch are written in reverse order when
 * on is non-zero (drivers must not assume in-order completion).
 */
int ena_emu_io_tx_reorder_set(struct ena_emu_dev *dev, int on);

#ifdef __cplusplus
}
#endif

#endif /* ENA_EMU_API_IO_H */

/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef ENA_EMU_API_H
#define ENA_EMU_API_H

/*
 * Public API of the software ENA device (librte_ena_emu.so).
 *
 * Devices come from two places:
 *  - the vdev driver "ena_emu" (--vdev ena_emu0,key=value,...), which also
 *    presents the device on the PCI bus and hands it to an ENA PMD;
 *  - ena_emu_dev_create(), a bare device for unit tests of the base layer
 *    and of the device itself (no PCI device, no emulator thread).
 *
 * Devargs (both paths): addr=DDDD:BB:DD.F, pmd=<substring of PMD .so path>,
 * queues=N, llq=0|1, ring_size=N, mtu_max=N, wire=<backend spec>,
 * link=up|down, thread=0|1, mac=xx:xx:xx:xx:xx:xx, tx_reorder=0|1 (Tx
 * completions of a burst posted out of order, see ena_emu_io.h) and the
 * fault knobs listed with enum ena_emu_fault.
 *
 * Without addr=, a vdev takes the first free 0000:00:NN.0 from slot 06 up
 * (06 for the first instance, 07 for the second, ...).
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct ena_emu_dev;

/* BAR numbers as the ENA PMDs use them. */
#define ENA_EMU_BAR_REGS 0
#define ENA_EMU_BAR_LLQ	 2

/* PCI identity. */
#define ENA_EMU_VENDOR_ID     0x1d0f
#define ENA_EMU_DEVICE_ID     0xec20 /* without LLQ */
#define ENA_EMU_DEVICE_ID_LLQ 0xec21

/*
 * Creates a device that is not on any bus. devargs uses the vdev syntax
 * ("queues=4,llq=0"); thread defaults to 0 here, so the caller drives the
 * device with ena_emu_poll(). Returns NULL (and logs why) on bad devargs.
 */
struct ena_emu_dev *ena_emu_dev_create(const char *name, const char *devargs);
void ena_emu_dev_destroy(struct ena_emu_dev *dev);

/* Device created by the vdev driver (name as given to --vdev), or NULL. */
struct ena_emu_dev *ena_emu_dev_find(const char *name);

/* Base address of BAR0 (registers) / BAR2 (LLQ memory); NULL if absent. */
void *ena_emu_bar(struct ena_emu_dev *dev, int bar, size_t *len);

/* eventfd the device signals for the admin/AENQ MSI-X vector. */
int ena_emu_irq_fd(struct ena_emu_dev *dev);

/*
 * Does all pending device work once from the calling thread (register
 * polling, admin queue, AENQ timers, IO queues). Returns units of work done
 * (0 when idle). Must not be used on a device that has an emulator thread.
 */
unsigned int ena_emu_poll(struct ena_emu_dev *dev);

/* Link state as seen by the driver (posts a link change AENQ on change). */
int ena_emu_link_set(struct ena_emu_dev *dev, bool up);

/*
 * Posts a NOTIFICATION AENQ event: suspend (true) or resume (false).
 * Delivered as soon as the driver's AENQ has room.
 */
int ena_emu_notify(struct ena_emu_dev *dev, bool suspend);

/*
 * Fault injection. The devarg name of each knob is given in brackets;
 * value 0 turns a knob off.
 */
enum ena_emu_fault {
	/* [ka_stop] non-zero: no more keep-alive AENQ events. */
	ENA_EMU_FAULT_KEEP_ALIVE_STOP,
	/* [tx_comp_stop] non-zero: Tx packets are sent, never completed. */
	ENA_EMU_FAULT_TX_COMP_STOP,
	/* [admin_delay_ms] each admin completion is posted N ms late. */
	ENA_EMU_FAULT_ADMIN_DELAY_MS,
	/* [admin_drop] the next N admin commands never complete. */
	ENA_EMU_FAULT_ADMIN_DROP,
	/* [mmio_late_ms] MMIO read-less responses are written N ms late. */
	ENA_EMU_FAULT_MMIO_LATE_MS,
	/* [tx_bad_req_id] the next N Tx completions carry an invalid req_id. */
	ENA_EMU_FAULT_TX_BAD_REQ_ID,
	/* [rx_bad_req_id] the next N Rx completions carry an invalid req_id. */
	ENA_EMU_FAULT_RX_BAD_REQ_ID,
	/*
	 * [fatal] N > 0: N - 1 ms after the driver's AENQ is live, raise a
	 * fatal device error (DEV_STS + AENQ event); one-shot, the driver's
	 * reset recovers the device.
	 */
	ENA_EMU_FAULT_FATAL,
	/* [link_flap_ms] toggle the link every N ms. */
	ENA_EMU_FAULT_LINK_FLAP_MS,
	/*
	 * [reset_stuck] non-zero: a reset the driver asks for starts but
	 * never finishes (DEV_STS keeps RESET_IN_PROGRESS); clearing the
	 * knob lets a pending reset finish.
	 */
	ENA_EMU_FAULT_RESET_STUCK,
	/*
	 * [version] non-zero: raw value of the VERSION register (major in
	 * bits 15:8, minor in 7:0), e.g. 0x008 for a too old spec 0.8.
	 */
	ENA_EMU_FAULT_VERSION,
	/*
	 * [ctrl_version] non-zero: raw CONTROLLER_VERSION register (impl id
	 * 31:24, major 23:16, minor 15:8, subminor 7:0).
	 */
	ENA_EMU_FAULT_CTRL_VERSION,
	/* [dma_width] non-zero: CAPS reports this DMA address width (bits). */
	ENA_EMU_FAULT_DMA_WIDTH,
	/*
	 * [admin_err] the next N admin commands (of admin_err_opcode, or of
	 * any opcode) are not executed and complete with admin_err_status.
	 * A huge N (e.g. UINT32_MAX) fails every such command.
	 */
	ENA_EMU_FAULT_ADMIN_ERR,
	/* [admin_err_status] status for admin_err (0: UNKNOWN_ERROR). */
	ENA_EMU_FAULT_ADMIN_ERR_STATUS,
	/* [admin_err_opcode] opcode admin_err applies to (0: any). */
	ENA_EMU_FAULT_ADMIN_ERR_OPCODE,
	/*
	 * [rx_split] N >= 2: every Rx packet is spread over N descriptors
	 * (N of ceil(len / N) bytes, fewer for packets shorter than N bytes;
	 * N at most 64), beyond the 16 per packet the device advertises
	 * when N > 16.
	 */
	ENA_EMU_FAULT_RX_SPLIT,
	/*
	 * [llq_burst] the LLQ feature offers a max Tx burst of N bytes
	 * (0: unlimited) with the LIMIT_TX_BURST accel flag. Read by
	 * GET_FEATURE(LLQ) and SET_FEATURE(LLQ). Offered only: a polling
	 * device cannot see every doorbell, so it does not police it.
	 */
	ENA_EMU_FAULT_LLQ_BURST,
	/*
	 * [rx_stale_req_id] the next N Rx completions carry a req_id that is
	 * in range but not posted: a buffer the driver already holds (one it
	 * handed to the application, or has yet to post again).
	 */
	ENA_EMU_FAULT_RX_STALE_REQ_ID,
	/*
	 * [request_reset] N > 0: the device asks the driver for a reset with
	 * a DEVICE_RESET event (once per unit; a driver that did not enable
	 * that group gets nothing).
	 */
	ENA_EMU_FAULT_REQUEST_RESET,
	/*
	 * [rx_long] the next N Rx packets' first completion reports one byte
	 * more than the buffer posted for it (buffers of 65535 B or
	 * more are left alone: no such length fits the field).
	 */
	ENA_EMU_FAULT_RX_LONG,
	ENA_EMU_FAULT_MAX
};

/* Returns 0, or -EINVAL for an unknown knob. */
int ena_emu_fault_set(
	struct ena_emu_dev *dev, enum ena_emu_fault fault, uint64_t value);
uint64_t ena_emu_fault_get(struct ena_emu_dev *dev, enum ena_emu_fault fault);
/* Devarg name of a knob, or NULL. */
const char *ena_emu_fault_name(enum ena_emu_fault fault);

/* Device-side counters (monotonic since create; reset does not clear). */
struct ena_emu_counters {
	uint64_t admin_cmds;	/* admin commands consumed */
	uint64_t admin_errors;	/* completed with a non-success status */
	uint64_t admin_dropped; /* swallowed by the admin_drop knob */
	uint64_t aenq_events;	/* AENQ entries posted */
	uint64_t keep_alives;	/* keep-alive AENQ entries posted */
	uint64_t irqs;		/* admin/AENQ vector signals */
	uint64_t mmio_reads;	/* read-less register reads served */
	uint64_t resets;	/* DEV_CTL resets performed */
	uint64_t dma_errors;	/* rejected host memory accesses */
	uint64_t fatal_errors;	/* fatal error states entered */
	uint64_t link_changes;	/* link state changes */
	/* IO path (maintained by emu_io*.c) */
	uint64_t tx_pkts;
	uint64_t tx_bytes;
	uint64_t tx_drops; /* dropped on transmit (no peer/buffer) */
	uint64_t rx_pkts;
	uint64_t rx_bytes;
	uint64_t rx_drops;	 /* dropped for lack of Rx descriptors */
	uint64_t tx_bad_req_ids; /* faulty Tx completions injected */
	uint64_t rx_bad_req_ids; /* faulty Rx completions injected */
	uint64_t sq_doorbells;
	uint64_t io_errors; /* malformed IO descriptors seen */
	uint64_t io_irqs;   /* IO (queue) vector signals */
	/*
	 * Bit per reason of the resets the driver asked for, as the device
	 * read them (the extension bits only with EXT_RESET_REASONS offered).
	 */
	uint64_t reset_reasons;
};

int ena_emu_counters_get(struct ena_emu_dev *dev, struct ena_emu_counters *out);

#ifdef __cplusplus
}
#endif

#endif /* ENA_EMU_API_H */

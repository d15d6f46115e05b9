/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef ENA_EMU_DEV_H
#define ENA_EMU_DEV_H

/*
 * Internal state of one emulated ENA device, shared by the core (registers,
 * admin queue, AENQ, attach) and the IO path (emu_io*.c, emu_wire*.c).
 *
 * Threading: all device work runs in one thread at a time (see
 * emu_host.h). Other threads only touch the faults[] array and link_req
 * through the atomic helpers below.
 */

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "emu_host.h"

#define ENA_EMU_NAME_LEN 64
#define ENA_EMU_WIRE_LEN 256
/* Upper bound of the rx_split fault (beyond what is advertised). */
#define ENA_EMU_RX_SPLIT_MAX 64u

/* BAR0: registers live below ENA_EMU_BAR0_DB_BASE; the IO path hands out
 * doorbell / CQ head / unmask register offsets from ENA_EMU_BAR0_DB_BASE up
 * (ENA_EMU_BAR0_SIZE - ENA_EMU_BAR0_DB_BASE bytes are its own).
 */
#define ENA_EMU_BAR0_SIZE    (64u * 1024)
#define ENA_EMU_BAR0_DB_BASE 0x1000u

/* Largest LLQ entry the device offers; BAR2 holds queues * ring_size of
 * them (one LLQ per Tx queue), from offset 0 up.
 */
#define ENA_EMU_LLQ_MAX_ENTRY 256u

#define ENA_EMU_RSS_KEY_LEN	40
#define ENA_EMU_RSS_PROTO_NUM	16
#define ENA_EMU_RSS_IND_LOG_MAX 8
#define ENA_EMU_RSS_IND_MAX	(1u << ENA_EMU_RSS_IND_LOG_MAX)

/* Device options (devargs of the vdev, arguments of the vfio-user server). */
struct ena_emu_config {
	char name[ENA_EMU_NAME_LEN];
	uint16_t queues;    /* IO queue pairs advertised */
	bool llq;	    /* LLQ (device placement) offered */
	uint32_t ring_size; /* max SQ/CQ depth advertised */
	uint32_t mtu_max;
	char wire[ENA_EMU_WIRE_LEN];
	bool link_up; /* initial link state */
	uint8_t mac[6];
	bool tx_reorder; /* Tx completions out of order */
	/*
	 * ENA_BIT(enum ena_dev_cap) in the device attributes: what a device
	 * of the newer interface offers (0: a device of the 2.0 era).
	 */
	uint32_t capabilities;
	uint16_t llq_entry_recommended;	    /* bytes: 128 or 256 */
	uint64_t faults[ENA_EMU_FAULT_MAX]; /* initial knob values */
};

/* LLQ placement negotiated by the driver with SET_FEATURE(LLQ). */
struct ena_emu_llq {
	bool enabled;		   /* driver accepted device placement */
	uint16_t entry_size;	   /* bytes per LLQ entry (64..256) */
	uint16_t header_location;  /* ENA header location value as sent */
	bool header_inline;	   /* packet header inside the entry */
	uint16_t desc_stride_ctrl; /* stride value as sent */
	bool single_desc_per_entry;
	uint16_t descs_before_header; /* Tx descs ahead of the header */
	bool meta_caching_disabled;   /* accel flag echoed to the driver */
	uint16_t max_tx_burst_size;   /* bytes, 0 = unlimited */
};

struct ena_emu_rss {
	uint8_t func;	   /* hash function id (toeplitz/crc32) */
	uint32_t init_val; /* CRC32 initial value */
	uint8_t key[ENA_EMU_RSS_KEY_LEN];
	/* Hash input fields per L3/L4 protocol, as ENA field bitmaps. */
	uint16_t fields[ENA_EMU_RSS_PROTO_NUM];
	uint8_t ind_log_size; /* 0 = table not configured */
	/* Entries are IO CQ indices. */
	uint16_t ind[ENA_EMU_RSS_IND_MAX];
};

/* Pending admin completion (delay fault) or MMIO read-less response. */
struct ena_emu_deferred {
	uint64_t due_ns;
	bool armed;
};

struct ena_emu_io; /* opaque, owned by emu_io*.c */

struct ena_emu_dev {
	struct ena_emu_config cfg;

	/* The front end: DMA, interrupts, clock, log. */
	const struct ena_emu_host_ops *host;
	void *host_ctx;

	/* Device memory presented to the driver (owned by the front end). */
	uint8_t *bar0;
	size_t bar0_len;
	uint8_t *bar2;
	size_t bar2_len;

	/* Device state (guarded by "single worker at a time"). */
	bool ready; /* DEV_STS ready */
	bool fatal; /* fatal error raised; waits for reset */
	bool link_up;
	uint32_t mtu; /* set by SET_FEATURE(MTU) */
	struct ena_emu_llq llq;
	struct ena_emu_rss rss;
	uint32_t aenq_groups_enabled; /* bitmap from SET_FEATURE(AENQ) */
	uint32_t intr_moder_interval; /* Tx moderation as configured */
	bool suspended;		      /* notifications suspend issued */
	/* Stateless offloads advertised (ENA_OFFLOAD_* masks). */
	uint32_t offload_tx;
	uint32_t offload_rx;

	/* Fault knobs: written by any thread, use ena_emu_fault_*(). */
	uint64_t faults[ENA_EMU_FAULT_MAX];
	/* Link change requested from another thread: 0 none, 1 down, 2 up */
	uint32_t link_req;

	/* Statistics; only the worker writes them. */
	struct ena_emu_counters cnt;

	struct ena_emu_dev *peer;  /* other end of a pair wire, if any */
	struct ena_emu_io *io;	   /* IO path state (emu_io*.c) */
	struct ena_emu_core *core; /* admin/AENQ/register state (core) */
};

/*
 * Register access of BAR0 from the device side. The driver writes registers
 * with plain/relaxed stores, so the device uses atomic 32-bit accesses.
 */
static inline uint32_t
ena_emu_reg_get(const struct ena_emu_dev *dev, uint32_t off)
{
	return __atomic_load_n(
		(const uint32_t *)(dev->bar0 + off), __ATOMIC_ACQUIRE);
}

static inline void
ena_emu_reg_put(struct ena_emu_dev *dev, uint32_t off, uint32_t val)
{
	__atomic_store_n((uint32_t *)(dev->bar0 + off), val, __ATOMIC_RELEASE);
}

/*
 * Host memory access through the host's IOMMU: the host address of
 * [iova, iova+len), or NULL after logging a device error and raising the
 * fatal error AENQ when the driver side did not map all of it.
 */
void *ena_emu_dma_ptr(struct ena_emu_dev *dev, uint64_t iova, size_t len);
/* Same for a range the device writes. */
void *ena_emu_dma_wptr(struct ena_emu_dev *dev, uint64_t iova, size_t len);

/* Logs "ena_emu <name>: device error: ..." and enters the fatal state. */
void ena_emu_dev_error(struct ena_emu_dev *dev, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Posts one AENQ entry (group, syndrome, up to 48 bytes of payload placed
 * after the 16-byte common header) if the group is enabled; signals the
 * vector. Returns 0, -EAGAIN when the AENQ is full/unconfigured, or
 * -ENOTSUP when the driver did not enable the group.
 */
int ena_emu_aenq_post(struct ena_emu_dev *dev, uint16_t group,
	uint16_t syndrome, const void *payload, size_t len);

/* Signals the admin/AENQ MSI-X vector (unless the driver masked it). */
void ena_emu_irq_raise(struct ena_emu_dev *dev);
/* Signals IO MSI-X vector (1 + queue pair), as a CQ asks. */
void ena_emu_irq_io(struct ena_emu_dev *dev, uint32_t vector);

/* Log helper with the device name prefixed (dev may be NULL). */
void ena_emu_log(const struct ena_emu_dev *dev, uint32_t level, const char *fmt,
	...) __attribute__((format(printf, 3, 4)));
/* Whether a line of that level would be written. */
bool ena_emu_log_on(const struct ena_emu_dev *dev, uint32_t level);

/*
 * Plain decimal number (no sign, space, leading zero or base prefix) of at
 * most max: 0, -EINVAL (not such a number) or -ERANGE.
 */
int ena_emu_parse_dec(const char *s, uint64_t max, uint64_t *out);

/* Current time for device timers. */
uint64_t ena_emu_dev_now_ns(const struct ena_emu_dev *dev);

/*
 * Consumes one unit of a counting fault knob (admin_drop, tx_bad_req_id,
 * rx_bad_req_id): returns true if the fault applies to this event.
 */
bool ena_emu_fault_take(struct ena_emu_dev *dev, enum ena_emu_fault fault);

static inline uint64_t
ena_emu_fault_peek(const struct ena_emu_dev *dev, enum ena_emu_fault fault)
{
	return __atomic_load_n(&dev->faults[fault], __ATOMIC_RELAXED);
}

/*
 * A device of the newer interface (any capability offered) also answers
 * what came with it: LLQ entry size advice, rx_overruns, DEVICE_RESET.
 */
static inline bool
emu_newer_interface(const struct ena_emu_dev *dev)
{
	return dev->cfg.capabilities != 0;
}

#define EMU_DIM(a)    (sizeof(a) / sizeof((a)[0]))
#define EMU_MIN(a, b) ((a) < (b) ? (a) : (b))

static inline bool
emu_is_pow2(uint64_t v)
{
	return v != 0 && (v & (v - 1)) == 0;
}

static inline uint32_t
emu_log2(uint32_t v)
{
	return v == 0 ? 0 : 31u - (uint32_t)__builtin_clz(v);
}

#endif /* ENA_EMU_DEV_H */

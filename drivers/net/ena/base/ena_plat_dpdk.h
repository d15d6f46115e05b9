/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef ENA_PLAT_DPDK_H_
#define ENA_PLAT_DPDK_H_

/*
 * DPDK implementation of the base-layer platform services. This is the
 * only file of base/ that may name DPDK; everything else uses the
 * ena_plat_* names defined here.
 *
 * Contracts a port must keep:
 *  - ena_plat_dma_alloc() returns zeroed memory the device can reach at
 *    mem->iova and the CPU at mem->va, coherent without explicit syncs.
 *  - ena_plat_reg_write32() orders all earlier memory writes before the
 *    register store (doorbell semantics); the _relaxed variant does not.
 *  - ena_plat_wait_step() is called once per iteration of every busy-wait
 *    loop; it runs the test hook when one is installed.
 */

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <rte_atomic.h>
#include <rte_byteorder.h>
#include <rte_branch_prediction.h>
#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_errno.h>
#include <rte_interrupts.h>
#include <rte_io.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_memzone.h>
#include <rte_pause.h>
#include <rte_spinlock.h>

#define ena_likely(x)	likely(x)
#define ena_unlikely(x) unlikely(x)
/* Error reporting the data path reaches only when something went wrong. */
#define ena_cold __rte_cold
/* Per-packet helpers the compiler would otherwise keep out of line. */
#define ena_always_inline   __rte_always_inline
#define ENA_PLAT_CACHE_LINE RTE_CACHE_LINE_SIZE
#define ENA_PLAT_MAX_SOCKET (-1)

/* ---- logging ---------------------------------------------------------- */

enum ena_plat_log_level {
	ENA_PLAT_LOG_ERR = RTE_LOG_ERR,
	ENA_PLAT_LOG_WARN = RTE_LOG_WARNING,
	ENA_PLAT_LOG_INFO = RTE_LOG_INFO,
	ENA_PLAT_LOG_DEBUG = RTE_LOG_DEBUG,
};

/* Log type "pmd.net.ena.base", registered by ENA_PLAT_DEFINE_GLOBALS. */
extern int ena_plat_logtype;

#define ena_plat_log(level, fmt, ...)                          \
	rte_log((uint32_t)(level), (uint32_t)ena_plat_logtype, \
		"ena_base: " fmt "\n", ##__VA_ARGS__)

static inline bool
ena_plat_log_enabled(enum ena_plat_log_level level)
{
	return rte_log_can_log((uint32_t)ena_plat_logtype, (uint32_t)level);
}

/* ---- test seam: busy-wait hook ---------------------------------------- */

/*
 * A unit test can install a hook that runs on every iteration of every
 * busy-wait loop of the base layer (register polls, admin completion
 * waits, read-less MMIO). With a device emulator in single-step mode the
 * hook advances the device, so waits complete deterministically from the
 * caller's thread.
 */
typedef void (*ena_plat_wait_hook_t)(void *arg);

extern ena_plat_wait_hook_t ena_plat_wait_hook;
extern void *ena_plat_wait_hook_arg;

static inline void
ena_plat_wait_hook_set(ena_plat_wait_hook_t fn, void *arg)
{
	ena_plat_wait_hook_arg = arg;
	ena_plat_wait_hook = fn;
}

/* ---- clock and delays -------------------------------------------------- */

typedef uint64_t ena_plat_time_t;

static inline uint64_t
ena_plat_now_us(void)
{
	return rte_get_timer_cycles() * 1000000ULL / rte_get_timer_hz();
}

/* Absolute deadline timeout_us from now, in clock units. */
static inline ena_plat_time_t
ena_plat_deadline(uint64_t timeout_us)
{
	return rte_get_timer_cycles() +
		timeout_us * rte_get_timer_hz() / 1000000ULL;
}

static inline bool
ena_plat_expired(ena_plat_time_t deadline)
{
	return rte_get_timer_cycles() >= deadline;
}

static inline void
ena_plat_delay_us(unsigned int us)
{
	rte_delay_us_block(us);
}

/*
 * One iteration of a busy-wait. Without a hook the caller yields the CPU
 * for about sleep_us (0: just a pause), which matters when the device is an
 * emulator thread sharing the cores.
 */
static inline void
ena_plat_wait_step(unsigned int sleep_us)
{
	ena_plat_wait_hook_t fn = ena_plat_wait_hook;

	if (fn != NULL)
		fn(ena_plat_wait_hook_arg);
	else if (sleep_us != 0)
		rte_delay_us_sleep(sleep_us);
	else
		rte_pause();
}

/* True in the thread that runs interrupt handlers (and EAL alarms). */
static inline bool
ena_plat_in_intr_thread(void)
{
	return rte_thread_is_intr() != 0;
}

/* ---- memory ------------------------------------------------------------ */

static inline void *
ena_plat_zalloc(size_t size, int socket)
{
	return rte_zmalloc_socket(
		"ena_base", size, RTE_CACHE_LINE_SIZE, socket);
}

static inline void
ena_plat_free(void *p)
{
	rte_free(p);
}

/* A zeroed, device-visible, physically contiguous area. */
struct ena_dma_mem {
	void *va;
	uint64_t iova;
	size_t size;
	const void *handle;
};

extern uint32_t ena_plat_dma_seq;

static inline int
ena_plat_dma_alloc(struct ena_dma_mem *mem, size_t size, int socket)
{
	const struct rte_memzone *mz;
	char name[RTE_MEMZONE_NAMESIZE];
	uint32_t seq;

	/*
	 * Memzone names are global to the process (and its secondaries) while
	 * the counter is per copy of this layer: a PMD plugin and a test
	 * program may each carry one. The counter's address tells the copies
	 * apart; a name still taken is skipped.
	 */
	do {
		seq = __atomic_fetch_add(
			&ena_plat_dma_seq, 1, __ATOMIC_RELAXED);
		snprintf(name, sizeof(name), "ena_dma_%" PRIxPTR "_%u",
			(uintptr_t)&ena_plat_dma_seq & 0xffffffffffu, seq);
		mz = rte_memzone_reserve_aligned(
			name, size, socket, RTE_MEMZONE_IOVA_CONTIG, 4096);
	} while (mz == NULL && rte_errno == EEXIST);
	if (mz == NULL) {
		memset(mem, 0, sizeof(*mem));
		return -ENOMEM;
	}
	memset(mz->addr, 0, size);
	mem->va = mz->addr;
	mem->iova = mz->iova;
	mem->size = size;
	mem->handle = mz;
	return 0;
}

/* Safe on a zeroed or already freed descriptor. */
static inline void
ena_plat_dma_free(struct ena_dma_mem *mem)
{
	if (mem->handle != NULL)
		rte_memzone_free((const struct rte_memzone *)mem->handle);
	memset(mem, 0, sizeof(*mem));
}

/* ---- barriers ---------------------------------------------------------- */

/* Memory writes visible to the device before later memory/MMIO writes. */
#define ena_plat_wmb() rte_wmb()
/* CPU reads of DMA memory ordered (e.g. descriptor after its phase bit). */
#define ena_plat_rmb()	   rte_rmb()
#define ena_plat_dma_rmb() rte_io_rmb()
#define ena_plat_dma_wmb() rte_io_wmb()
/* Drain write-combining buffers (LLQ entries) before the doorbell. */
#define ena_plat_wc_flush() rte_wmb()
#define ena_plat_barrier()  rte_compiler_barrier()

#define ENA_READ_ONCE32(x) (*(const volatile uint32_t *)&(x))
#define ENA_READ_ONCE16(x) (*(const volatile uint16_t *)&(x))
#define ENA_READ_ONCE8(x)  (*(const volatile uint8_t *)&(x))

/* ---- locks -------------------------------------------------------------- */

typedef rte_spinlock_t ena_plat_lock_t;

static inline void
ena_plat_lock_init(ena_plat_lock_t *l)
{
	rte_spinlock_init(l);
}

static inline void
ena_plat_lock(ena_plat_lock_t *l)
{
	rte_spinlock_lock(l);
}

static inline void
ena_plat_unlock(ena_plat_lock_t *l)
{
	rte_spinlock_unlock(l);
}

/* ---- byte order (the device is little endian) --------------------------- */

#define ena_plat_cpu_to_le16(x) rte_cpu_to_le_16(x)
#define ena_plat_cpu_to_le32(x) rte_cpu_to_le_32(x)
#define ena_plat_cpu_to_le64(x) rte_cpu_to_le_64(x)
#define ena_plat_le16_to_cpu(x) rte_le_to_cpu_16(x)
#define ena_plat_le32_to_cpu(x) rte_le_to_cpu_32(x)

/* ---- MMIO --------------------------------------------------------------- */

static inline uint32_t
ena_plat_reg_read32(const volatile void *addr)
{
	return rte_le_to_cpu_32(rte_read32(addr));
}

static inline void
ena_plat_reg_write32(uint32_t val, volatile void *addr)
{
	rte_write32(rte_cpu_to_le_32(val), addr);
}

static inline void
ena_plat_reg_write32_relaxed(uint32_t val, volatile void *addr)
{
	rte_write32_relaxed(rte_cpu_to_le_32(val), addr);
}

/*
 * Vector values the compiler moves with one store: 16 bytes in SSE (the
 * x86-64 baseline), 32 in AVX for code built for AVX2 (the PMD's LLQ Tx
 * burst has such a variant). The *_u types load from any address.
 */
typedef uint8_t ena_plat_v16 __attribute__((vector_size(16)));
typedef uint8_t ena_plat_v16u __attribute__((vector_size(16), aligned(1)));
typedef uint8_t ena_plat_v32 __attribute__((vector_size(32)));
typedef uint8_t ena_plat_v32u __attribute__((vector_size(32), aligned(1)));
typedef uint64_t ena_plat_u64x2u
	__attribute__((vector_size(16), aligned(1), may_alias));

/* Two 64-bit words to dst (any alignment) in one 16-byte store. */
static ena_always_inline void
ena_plat_store_words(void *dst, uint64_t lo, uint64_t hi)
{
	*(ena_plat_u64x2u *)dst = (ena_plat_u64x2u){ lo, hi };
}

/* Four 32-bit lanes, for the base layer's four-at-a-time Rx helpers. */
typedef uint32_t ena_plat_u32x4 __attribute__((vector_size(16)));

/*
 * Copy LLQ entry bytes into write-combined device memory in address order,
 * 32 bytes per store when wide (code built for AVX2 only), else 16. len
 * is a multiple of 32 and dst 32-byte aligned. The caller flushes with
 * ena_plat_wc_flush().
 */
static ena_always_inline void
ena_plat_wc_copy(volatile void *dst, const void *src, size_t len, bool wide)
{
	const uint8_t *s = (const uint8_t *)src;
	size_t i;

	if (wide) {
		volatile ena_plat_v32 *d = (volatile ena_plat_v32 *)dst;

		for (i = 0; i < len / 32; i++)
			d[i] = *(const ena_plat_v32u *)(s + 32 * i);
	} else {
		volatile ena_plat_v16 *d = (volatile ena_plat_v16 *)dst;

		for (i = 0; i < len / 16; i++)
			d[i] = *(const ena_plat_v16u *)(s + 16 * i);
	}
}

/* Zeroes write-combined device memory as ena_plat_wc_copy() writes it. */
static ena_always_inline void
ena_plat_wc_zero(volatile void *dst, size_t len, bool wide)
{
	size_t i;

	if (wide) {
		volatile ena_plat_v32 *d = (volatile ena_plat_v32 *)dst;
		const ena_plat_v32 z = { 0 };

		for (i = 0; i < len / 32; i++)
			d[i] = z;
	} else {
		volatile ena_plat_v16 *d = (volatile ena_plat_v16 *)dst;
		const ena_plat_v16 z = { 0 };

		for (i = 0; i < len / 16; i++)
			d[i] = z;
	}
}

/*
 * Storage for the globals above; expanded exactly once, in ena_plat.c.
 */
#define ENA_PLAT_DEFINE_GLOBALS()                \
	ena_plat_wait_hook_t ena_plat_wait_hook; \
	void *ena_plat_wait_hook_arg;            \
	uint32_t ena_plat_dma_seq;               \
	RTE_LOG_REGISTER(ena_plat_logtype, pmd.net.ena.base, NOTICE)

#endif /* ENA_PLAT_DPDK_H_ */

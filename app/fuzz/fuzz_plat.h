/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef FUZZ_PLAT_H_
#define FUZZ_PLAT_H_

/*
 * Base-layer platform for the base fuzz targets (ENA_PLAT_CUSTOM_HEADER):
 * plain libc, so that AddressSanitizer sees every allocation of the base
 * layer, and a virtual clock, so that every device timeout (register
 * polls, admin completions, read-less MMIO) expires after a bounded number
 * of wait steps instead of seconds of real time.
 *
 * "DMA" memory is calloc'd; its IOVA is its virtual address, which the
 * fake device of the harness uses to reach it. Allocations are counted so
 * that the harness can check that a teardown freed everything.
 */

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ena_likely(x)	    __builtin_expect(!!(x), 1)
#define ena_unlikely(x)	    __builtin_expect(!!(x), 0)
#define ENA_PLAT_CACHE_LINE 64
#define ENA_PLAT_MAX_SOCKET (-1)

/* ---- logging: counted, printed only when FUZZ_VERBOSE is set ---------- */

enum ena_plat_log_level {
	ENA_PLAT_LOG_ERR = 4,
	ENA_PLAT_LOG_WARN = 5,
	ENA_PLAT_LOG_INFO = 7,
	ENA_PLAT_LOG_DEBUG = 8,
};

void fuzz_plat_log(int level, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#define ena_plat_log(level, fmt, ...) \
	fuzz_plat_log((int)(level), "ena_base: " fmt "\n", ##__VA_ARGS__)

static inline bool
ena_plat_log_enabled(enum ena_plat_log_level level)
{
	return level <= ENA_PLAT_LOG_DEBUG;
}

/* ---- wait hook and virtual clock ---------------------------------------- */

typedef void (*ena_plat_wait_hook_t)(void *arg);

extern ena_plat_wait_hook_t ena_plat_wait_hook;
extern void *ena_plat_wait_hook_arg;

static inline void
ena_plat_wait_hook_set(ena_plat_wait_hook_t fn, void *arg)
{
	ena_plat_wait_hook_arg = arg;
	ena_plat_wait_hook = fn;
}

/* Microseconds of virtual time; only wait steps make it advance. */
extern uint64_t fuzz_plat_clock_us;
/* Wait steps taken, for the harness's own bound on a single input. */
extern uint64_t fuzz_plat_wait_steps;

/* Virtual time one wait step takes at least. */
#define FUZZ_PLAT_STEP_US 1000

typedef uint64_t ena_plat_time_t;

static inline uint64_t
ena_plat_now_us(void)
{
	return fuzz_plat_clock_us;
}

static inline ena_plat_time_t
ena_plat_deadline(uint64_t timeout_us)
{
	return fuzz_plat_clock_us + timeout_us;
}

static inline bool
ena_plat_expired(ena_plat_time_t deadline)
{
	return fuzz_plat_clock_us >= deadline;
}

static inline void
ena_plat_delay_us(unsigned int us)
{
	fuzz_plat_clock_us += us;
}

static inline void
ena_plat_wait_step(unsigned int sleep_us)
{
	ena_plat_wait_hook_t fn = ena_plat_wait_hook;

	fuzz_plat_wait_steps++;
	if (fn != NULL)
		fn(ena_plat_wait_hook_arg);
	fuzz_plat_clock_us += sleep_us > FUZZ_PLAT_STEP_US ? sleep_us
							   : FUZZ_PLAT_STEP_US;
}

static inline bool
ena_plat_in_intr_thread(void)
{
	return false;
}

/* ---- memory ------------------------------------------------------------ */

extern int64_t fuzz_plat_allocs;     /* ena_plat_zalloc not yet freed */
extern int64_t fuzz_plat_dma_allocs; /* DMA areas not yet freed */

/*
 * Live DMA areas: what an IOMMU would let the device reach. The fake
 * device writes host memory only inside one of them.
 */
void fuzz_plat_dma_track(void *va, size_t size, bool live);
bool fuzz_plat_dma_live(const void *va, size_t len);

static inline void *
ena_plat_zalloc(size_t size, int socket)
{
	void *p = calloc(1, size);

	(void)socket;
	if (p != NULL)
		fuzz_plat_allocs++;
	return p;
}

static inline void
ena_plat_free(void *p)
{
	if (p != NULL)
		fuzz_plat_allocs--;
	free(p);
}

struct ena_dma_mem {
	void *va;
	uint64_t iova;
	size_t size;
	const void *handle;
};

static inline int
ena_plat_dma_alloc(struct ena_dma_mem *mem, size_t size, int socket)
{
	(void)socket;
	memset(mem, 0, sizeof(*mem));
	mem->va = calloc(1, size);
	if (mem->va == NULL)
		return -ENOMEM;
	mem->iova = (uint64_t)(uintptr_t)mem->va;
	mem->size = size;
	mem->handle = mem->va;
	fuzz_plat_dma_allocs++;
	fuzz_plat_dma_track(mem->va, size, true);
	return 0;
}

static inline void
ena_plat_dma_free(struct ena_dma_mem *mem)
{
	if (mem->handle != NULL) {
		fuzz_plat_dma_track(mem->va, mem->size, false);
		free(mem->va);
		fuzz_plat_dma_allocs--;
	}
	memset(mem, 0, sizeof(*mem));
}

/* ---- barriers (one thread: the compiler's are enough) ------------------- */

#define ena_plat_barrier()  __atomic_signal_fence(__ATOMIC_SEQ_CST)
#define ena_plat_wmb()	    __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define ena_plat_rmb()	    __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define ena_plat_dma_rmb()  ena_plat_rmb()
#define ena_plat_dma_wmb()  ena_plat_wmb()
#define ena_plat_wc_flush() ena_plat_wmb()

#define ENA_READ_ONCE32(x) (*(const volatile uint32_t *)&(x))
#define ENA_READ_ONCE16(x) (*(const volatile uint16_t *)&(x))
#define ENA_READ_ONCE8(x)  (*(const volatile uint8_t *)&(x))

/* ---- locks: a held lock taken again is a deadlock, so it aborts ---------- */

typedef struct {
	int held;
} ena_plat_lock_t;

static inline void
ena_plat_lock_init(ena_plat_lock_t *l)
{
	l->held = 0;
}

static inline void
ena_plat_lock(ena_plat_lock_t *l)
{
	if (l->held != 0) {
		fprintf(stderr, "fuzz_plat: lock %p taken twice\n", (void *)l);
		abort();
	}
	l->held = 1;
}

static inline void
ena_plat_unlock(ena_plat_lock_t *l)
{
	l->held = 0;
}

/* ---- byte order: the harness runs on little-endian hosts only ------------- */

#define ena_plat_cpu_to_le16(x) ((uint16_t)(x))
#define ena_plat_cpu_to_le32(x) ((uint32_t)(x))
#define ena_plat_cpu_to_le64(x) ((uint64_t)(x))
#define ena_plat_le16_to_cpu(x) ((uint16_t)(x))
#define ena_plat_le32_to_cpu(x) ((uint32_t)(x))

/* ---- MMIO: plain memory that the harness plays the device behind -------- */

static inline uint32_t
ena_plat_reg_read32(const volatile void *addr)
{
	return *(const volatile uint32_t *)addr;
}

static inline void
ena_plat_reg_write32(uint32_t val, volatile void *addr)
{
	ena_plat_wmb();
	*(volatile uint32_t *)addr = val;
}

static inline void
ena_plat_reg_write32_relaxed(uint32_t val, volatile void *addr)
{
	*(volatile uint32_t *)addr = val;
}

typedef uint32_t ena_plat_u32x4 __attribute__((vector_size(16)));

static inline void
ena_plat_store_words(void *dst, uint64_t lo, uint64_t hi)
{
	memcpy(dst, &lo, sizeof(lo));
	memcpy((uint8_t *)dst + sizeof(lo), &hi, sizeof(hi));
}

static inline void
ena_plat_wc_copy(volatile void *dst, const void *src, size_t len, bool wide)
{
	volatile uint64_t *d = (volatile uint64_t *)dst;
	const uint8_t *s = (const uint8_t *)src;
	uint64_t v;
	size_t i;

	(void)wide;
	/* src may be a packet's header, at any address. */
	for (i = 0; i < len / 8; i++) {
		memcpy(&v, s + 8 * i, 8);
		d[i] = v;
	}
}

static inline void
ena_plat_wc_zero(volatile void *dst, size_t len, bool wide)
{
	volatile uint64_t *d = (volatile uint64_t *)dst;
	size_t i;

	(void)wide;
	for (i = 0; i < len / 8; i++)
		d[i] = 0;
}

void fuzz_plat_globals(void);

#define ENA_PLAT_DEFINE_GLOBALS()                \
	ena_plat_wait_hook_t ena_plat_wait_hook; \
	void *ena_plat_wait_hook_arg;            \
	uint64_t fuzz_plat_clock_us;             \
	uint64_t fuzz_plat_wait_steps;           \
	int64_t fuzz_plat_allocs;                \
	int64_t fuzz_plat_dma_allocs;            \
	void fuzz_plat_globals(void)             \
	{                                        \
	}

#endif /* FUZZ_PLAT_H_ */

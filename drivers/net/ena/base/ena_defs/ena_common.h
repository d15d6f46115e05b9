/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef ENA_DEFS_COMMON_H_
#define ENA_DEFS_COMMON_H_

/*
 * Pieces shared by every ENA device-interface header: the 48-bit DMA
 * address as the device lays it out, the interface spec version a driver
 * announces, and the bit-field helpers all the other headers rely on.
 *
 * Layout rule for the whole ena_defs directory: multi-bit fields live in
 * plain integer words; each field NAME has NAME_MASK (already shifted into
 * place) and NAME_SHIFT. Read with ENA_FIELD_GET(word, NAME), write with
 * ENA_FIELD_SET(word, NAME, value). No C bit-fields, so the layout does not
 * depend on the compiler.
 */

#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Version of the device interface spec this driver is written against. */
#define ENA_SPEC_VERSION_MAJOR 2
#define ENA_SPEC_VERSION_MINOR 0
/* Packed form reported in ena_host_info.spec_version (major in 15:8). */
#define ENA_SPEC_VERSION_PACKED \
	((ENA_SPEC_VERSION_MAJOR << 8) | ENA_SPEC_VERSION_MINOR)

/* Device DMA reaches at most this many address bits. */
#define ENA_DMA_ADDR_MAX_BITS 48

#define ENA_BIT(n) ((uint32_t)1 << (n))
/* Bits hi..lo inclusive set, as a 32-bit value. */
#define ENA_GENMASK(hi, lo)                             \
	((uint32_t)((((uint64_t)1 << ((hi) + 1)) - 1) & \
		~(((uint64_t)1 << (lo)) - 1)))

static inline uint32_t
ena_field_get(uint32_t word, uint32_t mask, unsigned int shift)
{
	return (word & mask) >> shift;
}

/* Returns word with the field replaced (not OR-ed in) by val. */
static inline uint32_t
ena_field_put(uint32_t word, uint32_t mask, unsigned int shift, uint32_t val)
{
	return (word & ~mask) | ((val << shift) & mask);
}

#define ENA_FIELD_GET(word, NAME) \
	ena_field_get((word), NAME##_MASK, NAME##_SHIFT)
#define ENA_FIELD_SET(word, NAME, val) \
	((word) = ena_field_put((word), NAME##_MASK, NAME##_SHIFT, (val)))

/*
 * A bus address in descriptors and admin commands: 32 low bits, 16 high
 * bits, 16 bits that must be zero.
 */
struct ena_dma_addr {
	uint32_t lo;
	uint16_t hi;
	uint16_t rsvd;
};
static_assert(sizeof(struct ena_dma_addr) == 8, "ena_dma_addr size");

static inline void
ena_dma_addr_set(struct ena_dma_addr *a, uint64_t addr)
{
	a->lo = (uint32_t)addr;
	a->hi = (uint16_t)(addr >> 32);
	a->rsvd = 0;
}

static inline uint64_t
ena_dma_addr_get(const struct ena_dma_addr *a)
{
	return ((uint64_t)a->hi << 32) | a->lo;
}

/* True when addr fits the device's 48-bit DMA reach. */
static inline int
ena_dma_addr_fits(uint64_t addr)
{
	return (addr >> ENA_DMA_ADDR_MAX_BITS) == 0;
}

#endif /* ENA_DEFS_COMMON_H_ */

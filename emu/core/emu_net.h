/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef ENA_EMU_NET_H
#define ENA_EMU_NET_H

/*
 * The little of Ethernet, IP, UDP and TCP the device needs to parse frames,
 * compute checksums and build generated traffic. Frames are byte arrays in
 * network order; nothing here depends on the host's headers.
 */

#include <stdint.h>
#include <string.h>

#define EMU_ETH_ADDR_LEN  6u
#define EMU_ETH_HDR_LEN	  14u
#define EMU_ETH_TYPE_IPV4 0x0800u
#define EMU_ETH_TYPE_IPV6 0x86ddu
#define EMU_ETH_TYPE_VLAN 0x8100u
#define EMU_ETH_TYPE_QINQ 0x88a8u

#define EMU_IPV4_HDR_LEN 20u
#define EMU_IPV6_HDR_LEN 40u
#define EMU_UDP_HDR_LEN	 8u
#define EMU_TCP_HDR_LEN	 20u

/* IP protocol numbers. */
#define EMU_IPPROTO_HOPOPT   0u
#define EMU_IPPROTO_TCP	     6u
#define EMU_IPPROTO_UDP	     17u
#define EMU_IPPROTO_ROUTING  43u
#define EMU_IPPROTO_FRAGMENT 44u
#define EMU_IPPROTO_DSTOPTS  60u

/* Checksum field offsets in the L4 header. */
#define EMU_TCP_CSUM_OFF 16u
#define EMU_UDP_CSUM_OFF 6u

static inline uint16_t
emu_rd16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static inline void
emu_wr16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static inline void
emu_wr32(uint8_t *p, uint32_t v)
{
	emu_wr16(p, (uint16_t)(v >> 16));
	emu_wr16(p + 2, (uint16_t)v);
}

/*
 * Ones' complement sum of big-endian 16-bit words (an odd last byte is
 * the high half of a word), added to sum, not folded.
 */
static inline uint32_t
emu_csum_add(uint32_t sum, const uint8_t *p, uint32_t len)
{
	uint64_t s = sum;

	while (len >= 2) {
		s += emu_rd16(p);
		p += 2;
		len -= 2;
	}
	if (len != 0)
		s += (uint32_t)p[0] << 8;
	while (s >> 32 != 0)
		s = (s & 0xffffffffu) + (s >> 32);
	return (uint32_t)s;
}

/* Folds a sum to 16 bits (not complemented). */
static inline uint16_t
emu_csum_fold(uint32_t sum)
{
	sum = (sum & 0xffffu) + (sum >> 16);
	sum = (sum & 0xffffu) + (sum >> 16);
	return (uint16_t)sum;
}

#endif /* ENA_EMU_NET_H */

/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/*
 * Frame parsing and the checksum engine: what the device computes on Tx
 * when a descriptor asks for it, and verifies on Rx.
 */

#include <string.h>

#include "ena_defs.h"
#include "emu_io_priv.h"
#include "emu_net.h"

#define rd16 emu_rd16

static void
parse_ipv4(const uint8_t *f, uint32_t len, struct ena_emu_pkt *p)
{
	const uint8_t *ip = f + p->l3_off;
	uint32_t ihl, tot;

	if (len < p->l3_off + EMU_IPV4_HDR_LEN || (ip[0] >> 4) != 4)
		return;
	ihl = (ip[0] & 0xfu) * 4u;
	tot = rd16(ip + 2);
	if (ihl < 20 || tot < ihl || p->l3_off + ihl > len)
		return;
	p->l3 = ENA_L3_PROTO_IPV4;
	p->l4_off = (uint16_t)(p->l3_off + ihl);
	/* A frame may carry padding after the IP datagram, never less. */
	if (p->l3_off + tot > len)
		tot = len - p->l3_off;
	p->l4_len = (uint16_t)(tot - ihl);
	p->frag = (rd16(ip + 6) & 0x3fffu) != 0;
	if (p->frag)
		return;
	if (ip[9] == EMU_IPPROTO_TCP && p->l4_len >= EMU_TCP_HDR_LEN)
		p->l4 = ENA_L4_PROTO_TCP;
	else if (ip[9] == EMU_IPPROTO_UDP && p->l4_len >= EMU_UDP_HDR_LEN)
		p->l4 = ENA_L4_PROTO_UDP;
}

static void
parse_ipv6(const uint8_t *f, uint32_t len, struct ena_emu_pkt *p)
{
	const uint8_t *ip = f + p->l3_off;
	uint32_t off, plen, ext;
	uint8_t nh;

	if (len < p->l3_off + EMU_IPV6_HDR_LEN || (ip[0] >> 4) != 6)
		return;
	p->l3 = ENA_L3_PROTO_IPV6;
	plen = rd16(ip + 4);
	off = p->l3_off + EMU_IPV6_HDR_LEN;
	if (off + plen > len)
		plen = len - off;
	nh = ip[6];
	/* Walk the common extension headers; anything else ends parsing. */
	for (;;) {
		if (nh == EMU_IPPROTO_HOPOPT || nh == EMU_IPPROTO_ROUTING ||
			nh == EMU_IPPROTO_DSTOPTS) {
			if (off + 8 > len)
				return;
			ext = (f[off + 1] + 1u) * 8u;
		} else if (nh == EMU_IPPROTO_FRAGMENT) {
			p->frag = true;
			return;
		} else {
			break;
		}
		if (ext > plen)
			return;
		p->ip6_ext = true;
		nh = f[off];
		off += ext;
		plen -= ext;
	}
	p->l4_off = (uint16_t)off;
	p->l4_len = (uint16_t)plen;
	if (nh == EMU_IPPROTO_TCP && plen >= EMU_TCP_HDR_LEN)
		p->l4 = ENA_L4_PROTO_TCP;
	else if (nh == EMU_IPPROTO_UDP && plen >= EMU_UDP_HDR_LEN)
		p->l4 = ENA_L4_PROTO_UDP;
}

void
ena_emu_pkt_parse(const uint8_t *f, uint32_t len, struct ena_emu_pkt *p)
{
	uint16_t type;
	uint32_t off = 12;

	memset(p, 0, sizeof(*p));
	if (len < EMU_ETH_HDR_LEN)
		return;
	type = rd16(f + off);
	while ((type == EMU_ETH_TYPE_VLAN || type == EMU_ETH_TYPE_QINQ) &&
		p->vlans < 2 && off + 4 + 2 <= len) {
		off += 4;
		p->vlans++;
		type = rd16(f + off);
	}
	p->l3_off = (uint16_t)(off + 2);
	if (type == EMU_ETH_TYPE_IPV4)
		parse_ipv4(f, len, p);
	else if (type == EMU_ETH_TYPE_IPV6)
		parse_ipv6(f, len, p);
}

/* Ones' complement sum of the TCP/UDP pseudo header (not folded). */
static uint32_t
pseudo_sum(const uint8_t *f, const struct ena_emu_pkt *p, uint8_t proto)
{
	const uint8_t *ip = f + p->l3_off;
	uint32_t sum;

	if (p->l3 == ENA_L3_PROTO_IPV4)
		sum = emu_csum_add(0, ip + 12, 8);
	else
		sum = emu_csum_add(0, ip + 8, 32);
	return sum + proto + p->l4_len;
}

static uint8_t *
l4_csum_field(uint8_t *f, const struct ena_emu_pkt *p)
{
	return f + p->l4_off +
		(p->l4 == ENA_L4_PROTO_TCP ? EMU_TCP_CSUM_OFF
					   : EMU_UDP_CSUM_OFF);
}

void
ena_emu_csum_tx(uint8_t *f, uint32_t len, const struct ena_emu_pkt *p, bool l3,
	bool l4, bool partial, struct ena_emu_io_counters *c)
{
	uint8_t proto, *ip, *fld;
	uint16_t ck;
	uint32_t sum;

	(void)len;
	if (l3 && p->l3 == ENA_L3_PROTO_IPV4) {
		ip = f + p->l3_off;
		emu_wr16(ip + 10, 0);
		ck = emu_csum_fold(emu_csum_add(0, ip, p->l4_off - p->l3_off));
		/* As DPDK's rte_ipv4_cksum(): an all-ones sum stays. */
		emu_wr16(ip + 10, ck == 0xffff ? ck : (uint16_t)~ck);
		c->tx_l3_csum++;
	}
	if (!l4 || (p->l4 != ENA_L4_PROTO_TCP && p->l4 != ENA_L4_PROTO_UDP))
		return;
	proto = p->l4 == ENA_L4_PROTO_TCP ? EMU_IPPROTO_TCP : EMU_IPPROTO_UDP;
	fld = l4_csum_field(f, p);
	/*
	 * Partial: the driver left the pseudo-header sum in the field, so the
	 * sum over the L4 bytes as they are is the whole checksum. Full: the
	 * device ignores whatever the field holds.
	 */
	if (partial) {
		sum = 0;
	} else {
		emu_wr16(fld, 0);
		sum = pseudo_sum(f, p, proto);
	}
	ck = (uint16_t)~emu_csum_fold(
		emu_csum_add(sum, f + p->l4_off, p->l4_len));
	if (ck == 0 && proto == EMU_IPPROTO_UDP)
		ck = 0xffff;
	emu_wr16(fld, ck);
	c->tx_l4_csum++;
}

uint32_t
ena_emu_csum_rx(const uint8_t *f, uint32_t len, const struct ena_emu_pkt *p)
{
	uint32_t st = 0, sum;
	uint8_t proto;

	(void)len;
	if (p->l3 == ENA_L3_PROTO_IPV4 &&
		emu_csum_fold(emu_csum_add(
			0, f + p->l3_off, p->l4_off - p->l3_off)) != 0xffff)
		st |= ENA_RX_CDESC_L3_CSUM_ERR_MASK;
	if (p->frag || (p->l4 != ENA_L4_PROTO_TCP && p->l4 != ENA_L4_PROTO_UDP))
		return st;
	proto = p->l4 == ENA_L4_PROTO_TCP ? EMU_IPPROTO_TCP : EMU_IPPROTO_UDP;
	st |= ENA_RX_CDESC_L4_CSUM_CHECKED_MASK;
	/* IPv4 UDP may go without a checksum. */
	if (proto == EMU_IPPROTO_UDP && p->l3 == ENA_L3_PROTO_IPV4 &&
		rd16(f + p->l4_off + EMU_UDP_CSUM_OFF) == 0)
		return st;
	sum = emu_csum_add(pseudo_sum(f, p, proto), f + p->l4_off, p->l4_len);
	if (emu_csum_fold(sum) != 0xffff)
		st |= ENA_RX_CDESC_L4_CSUM_ERR_MASK;
	return st;
}

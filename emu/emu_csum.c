/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/*
 * Frame parsing and the checksum engine: what the device computes on Tx
 * when a descriptor asks for it, and verifies on Rx.
 */

#include <string.h>

#include <rte_byteorder.h>
#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_tcp.h>
#include <rte_udp.h>

#include "ena_defs.h"
#include "emu_io_priv.h"

#define IPPROTO_HOPOPT_	  0
#define IPPROTO_ROUTING_  43
#define IPPROTO_FRAGMENT_ 44
#define IPPROTO_DSTOPTS_  60

static uint16_t
rd16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static void
parse_ipv4(const uint8_t *f, uint32_t len, struct ena_emu_pkt *p)
{
	const uint8_t *ip = f + p->l3_off;
	uint32_t ihl, tot;

	if (len < p->l3_off + sizeof(struct rte_ipv4_hdr) || (ip[0] >> 4) != 4)
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
	if (ip[9] == IPPROTO_TCP && p->l4_len >= sizeof(struct rte_tcp_hdr))
		p->l4 = ENA_L4_PROTO_TCP;
	else if (ip[9] == IPPROTO_UDP &&
		p->l4_len >= sizeof(struct rte_udp_hdr))
		p->l4 = ENA_L4_PROTO_UDP;
}

static void
parse_ipv6(const uint8_t *f, uint32_t len, struct ena_emu_pkt *p)
{
	const uint8_t *ip = f + p->l3_off;
	uint32_t off, plen, ext;
	uint8_t nh;

	if (len < p->l3_off + sizeof(struct rte_ipv6_hdr) || (ip[0] >> 4) != 6)
		return;
	p->l3 = ENA_L3_PROTO_IPV6;
	plen = rd16(ip + 4);
	off = p->l3_off + sizeof(struct rte_ipv6_hdr);
	if (off + plen > len)
		plen = len - off;
	nh = ip[6];
	/* Walk the common extension headers; anything else ends parsing. */
	for (;;) {
		if (nh == IPPROTO_HOPOPT_ || nh == IPPROTO_ROUTING_ ||
			nh == IPPROTO_DSTOPTS_) {
			if (off + 8 > len)
				return;
			ext = (f[off + 1] + 1u) * 8u;
		} else if (nh == IPPROTO_FRAGMENT_) {
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
	if (nh == IPPROTO_TCP && plen >= sizeof(struct rte_tcp_hdr))
		p->l4 = ENA_L4_PROTO_TCP;
	else if (nh == IPPROTO_UDP && plen >= sizeof(struct rte_udp_hdr))
		p->l4 = ENA_L4_PROTO_UDP;
}

void
ena_emu_pkt_parse(const uint8_t *f, uint32_t len, struct ena_emu_pkt *p)
{
	uint16_t type;
	uint32_t off = 12;

	memset(p, 0, sizeof(*p));
	if (len < RTE_ETHER_HDR_LEN)
		return;
	type = rd16(f + off);
	while ((type == RTE_ETHER_TYPE_VLAN || type == RTE_ETHER_TYPE_QINQ) &&
		p->vlans < 2 && off + 4 + 2 <= len) {
		off += 4;
		p->vlans++;
		type = rd16(f + off);
	}
	p->l3_off = (uint16_t)(off + 2);
	if (type == RTE_ETHER_TYPE_IPV4)
		parse_ipv4(f, len, p);
	else if (type == RTE_ETHER_TYPE_IPV6)
		parse_ipv6(f, len, p);
}

/* One's complement sum of the TCP/UDP pseudo header (not folded). */
static uint32_t
pseudo_sum(const uint8_t *f, const struct ena_emu_pkt *p, uint8_t proto)
{
	const uint8_t *ip = f + p->l3_off;
	uint32_t sum;

	if (p->l3 == ENA_L3_PROTO_IPV4)
		sum = __rte_raw_cksum(ip + 12, 8, 0);
	else
		sum = __rte_raw_cksum(ip + 8, 32, 0);
	sum += rte_cpu_to_be_16((uint16_t)proto);
	sum += rte_cpu_to_be_16(p->l4_len);
	return sum;
}

static uint8_t *
l4_csum_field(uint8_t *f, const struct ena_emu_pkt *p)
{
	return f + p->l4_off +
		(p->l4 == ENA_L4_PROTO_TCP
				? offsetof(struct rte_tcp_hdr, cksum)
				: offsetof(struct rte_udp_hdr, dgram_cksum));
}

void
ena_emu_csum_tx(uint8_t *f, uint32_t len, const struct ena_emu_pkt *p, bool l3,
	bool l4, bool partial, struct ena_emu_io_counters *c)
{
	uint8_t proto;
	uint16_t ck;
	uint32_t sum;
	uint8_t *fld;

	RTE_SET_USED(len);
	if (l3 && p->l3 == ENA_L3_PROTO_IPV4) {
		struct rte_ipv4_hdr *ip = (void *)(f + p->l3_off);

		ip->hdr_checksum = 0;
		ck = rte_raw_cksum(ip, p->l4_off - p->l3_off);
		ip->hdr_checksum = (ck == 0xffff) ? ck : (uint16_t)~ck;
		c->tx_l3_csum++;
	}
	if (!l4 || (p->l4 != ENA_L4_PROTO_TCP && p->l4 != ENA_L4_PROTO_UDP))
		return;
	proto = p->l4 == ENA_L4_PROTO_TCP ? IPPROTO_TCP : IPPROTO_UDP;
	fld = l4_csum_field(f, p);
	/*
	 * Partial: the driver left the pseudo-header sum in the field, so the
	 * sum over the L4 bytes as they are is the whole checksum. Full: the
	 * device ignores whatever the field holds.
	 */
	if (partial) {
		sum = 0;
	} else {
		memset(fld, 0, 2);
		sum = pseudo_sum(f, p, proto);
	}
	sum = __rte_raw_cksum(f + p->l4_off, p->l4_len, sum);
	ck = (uint16_t)~__rte_raw_cksum_reduce(sum);
	if (ck == 0 && proto == IPPROTO_UDP)
		ck = 0xffff;
	memcpy(fld, &ck, 2);
	c->tx_l4_csum++;
}

uint32_t
ena_emu_csum_rx(const uint8_t *f, uint32_t len, const struct ena_emu_pkt *p)
{
	uint32_t st = 0, sum;
	uint16_t ck;
	uint8_t proto;

	RTE_SET_USED(len);
	if (p->l3 == ENA_L3_PROTO_IPV4) {
		ck = rte_raw_cksum(f + p->l3_off, p->l4_off - p->l3_off);
		if (ck != 0xffff)
			st |= ENA_RX_CDESC_L3_CSUM_ERR_MASK;
	}
	if (p->frag || (p->l4 != ENA_L4_PROTO_TCP && p->l4 != ENA_L4_PROTO_UDP))
		return st;
	proto = p->l4 == ENA_L4_PROTO_TCP ? IPPROTO_TCP : IPPROTO_UDP;
	st |= ENA_RX_CDESC_L4_CSUM_CHECKED_MASK;
	/* IPv4 UDP may go without a checksum. */
	if (proto == IPPROTO_UDP && p->l3 == ENA_L3_PROTO_IPV4 &&
		rd16(f + p->l4_off + 6) == 0)
		return st;
	sum = __rte_raw_cksum(
		f + p->l4_off, p->l4_len, pseudo_sum(f, p, proto));
	if (__rte_raw_cksum_reduce(sum) != 0xffff)
		st |= ENA_RX_CDESC_L4_CSUM_ERR_MASK;
	return st;
}

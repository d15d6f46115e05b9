/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/*
 * What is behind the port ("wire=" devarg):
 *   loopback          Tx frames come back on Rx (default)
 *   sink              Tx frames vanish, nothing is received
 *   peer:<name>       Tx goes to the Rx of emulated device <name>
 *   pcap:<in>,<out>[,<ms>]  Rx replays <in> once, starting <ms>
 *                     (default 500) after the first Rx queue appears; Tx
 *                     is written to <out>. Either file may be empty; ';'
 *                     also separates (kvargs splits values at commas).
 *   gen:<size>[:<flows>]  Rx receives UDP/IPv4 frames of <size> bytes
 *                     over <flows> 5-tuples (default 256) as fast as Rx
 *                     buffers are posted; Tx is a sink
 * The value may be wrapped in [] so that kvargs keeps its commas.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_log.h>
#include <rte_udp.h>

#include "ena_defs.h"
#include "emu_io_priv.h"

#define GEN_FLOWS_DFLT	   256u
#define PCAP_DELAY_MS_DFLT 500u
#define GEN_FLOWS_MAX	   65536u

struct ena_emu_wire_gen {
	uint32_t size;
	uint32_t flows;
	uint32_t next;
	uint8_t *frames; /* flows * size bytes */
};

static void
gen_build(struct ena_emu_wire_gen *g, const uint8_t *dst_mac)
{
	uint32_t i, l3len = g->size - RTE_ETHER_HDR_LEN;
	struct rte_ether_hdr *eth;
	struct rte_ipv4_hdr *ip;
	struct rte_udp_hdr *udp;
	uint8_t *f;

	for (i = 0; i < g->flows; i++) {
		f = g->frames + (size_t)i * g->size;
		memset(f, 0, g->size);
		eth = (struct rte_ether_hdr *)f;
		memcpy(&eth->dst_addr, dst_mac, RTE_ETHER_ADDR_LEN);
		eth->src_addr.addr_bytes[0] = 0x02;
		eth->src_addr.addr_bytes[5] = 0xee;
		eth->ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4);
		ip = (struct rte_ipv4_hdr *)(eth + 1);
		ip->version_ihl = RTE_IPV4_VHL_DEF;
		ip->total_length = rte_cpu_to_be_16((uint16_t)l3len);
		ip->time_to_live = 64;
		ip->next_proto_id = IPPROTO_UDP;
		ip->src_addr = rte_cpu_to_be_32(
			RTE_IPV4(10, 0, (i >> 8) & 0xff, i & 0xff));
		ip->dst_addr = rte_cpu_to_be_32(
			RTE_IPV4(10, 1, (i * 7 >> 8) & 0xff, (i * 7) & 0xff));
		ip->hdr_checksum = rte_ipv4_cksum(ip);
		udp = (struct rte_udp_hdr *)(ip + 1);
		udp->src_port = rte_cpu_to_be_16((uint16_t)(1024 + i * 13));
		udp->dst_port = rte_cpu_to_be_16((uint16_t)(4000 + (i & 0xff)));
		udp->dgram_len = rte_cpu_to_be_16(
			(uint16_t)(l3len - sizeof(*ip)));
		udp->dgram_cksum = rte_ipv4_udptcp_cksum(ip, udp);
	}
}

static int
gen_init(struct ena_emu_dev *dev, const char *arg)
{
	struct ena_emu_wire_gen *g;
	unsigned long size, flows = GEN_FLOWS_DFLT;
	uint32_t min = RTE_ETHER_HDR_LEN + sizeof(struct rte_ipv4_hdr) +
		sizeof(struct rte_udp_hdr);
	char *end;

	size = strtoul(arg, &end, 0);
	if (*end == ':')
		flows = strtoul(end + 1, &end, 0);
	if (*end != '\0' || size < min ||
		size > dev->cfg.mtu_max + RTE_ETHER_HDR_LEN || flows == 0 ||
		flows > GEN_FLOWS_MAX) {
		ena_emu_log(dev, RTE_LOG_ERR,
			"wire=gen:%s: want gen:<size %u..%u>[:<flows 1..%u>]",
			arg, min, dev->cfg.mtu_max + RTE_ETHER_HDR_LEN,
			GEN_FLOWS_MAX);
		return -EINVAL;
	}
	g = calloc(1, sizeof(*g));
	if (g == NULL)
		return -ENOMEM;
	g->size = (uint32_t)size;
	g->flows = (uint32_t)flows;
	g->frames = malloc((size_t)g->size * g->flows);
	if (g->frames == NULL) {
		free(g);
		return -ENOMEM;
	}
	gen_build(g, dev->cfg.mac);
	dev->io->wire.gen = g;
	return 0;
}

static unsigned int
gen_poll(struct ena_emu_dev *dev)
{
	struct ena_emu_wire_gen *g = dev->io->wire.gen;
	unsigned int n = 0, tries;

	if (dev->io->rx_created == 0)
		return 0;
	/*
	 * Paced by the driver: a flow whose queue has no buffer is skipped
	 * without a drop, as a sender waiting for credit would.
	 */
	for (tries = 0; tries < ENA_EMU_IO_BURST; tries++) {
		if (ena_emu_rx_deliver(dev,
			    g->frames + (size_t)g->next * g->size, g->size,
			    false) == 0) {
			n++;
			dev->io->c.gen_pkts++;
		}
		if (++g->next == g->flows)
			g->next = 0;
	}
	return n;
}

int
ena_emu_wire_init(struct ena_emu_dev *dev, const char *spec)
{
	struct ena_emu_wire *w = &dev->io->wire;
	char buf[ENA_EMU_WIRE_LEN], *s = buf, *sep, *in, *out, *delay, *end;
	unsigned long ms;
	size_t n;

	snprintf(buf, sizeof(buf), "%s", spec != NULL ? spec : "");
	n = strlen(s);
	if (n >= 2 && s[0] == '[' && s[n - 1] == ']') {
		s[n - 1] = '\0';
		s++;
	}
	memset(w, 0, sizeof(*w));
	if (*s == '\0' || strcmp(s, "loopback") == 0) {
		w->kind = ENA_EMU_WIRE_LOOPBACK;
	} else if (strcmp(s, "sink") == 0) {
		w->kind = ENA_EMU_WIRE_SINK;
	} else if (strncmp(s, "peer:", 5) == 0 && s[5] != '\0') {
		w->kind = ENA_EMU_WIRE_PEER;
		if (strlen(s + 5) >= sizeof(w->peer_name)) {
			ena_emu_log(
				dev, RTE_LOG_ERR, "wire=%s: name too long", s);
			return -EINVAL;
		}
		snprintf(w->peer_name, sizeof(w->peer_name), "%s", s + 5);
	} else if (strncmp(s, "pcap:", 5) == 0) {
		w->kind = ENA_EMU_WIRE_PCAP;
		in = s + 5;
		out = "";
		delay = "";
		sep = strpbrk(in, ",;");
		if (sep != NULL) {
			*sep = '\0';
			out = sep + 1;
			sep = strpbrk(out, ",;");
			if (sep != NULL) {
				*sep = '\0';
				delay = sep + 1;
			}
		}
		ms = *delay != '\0' ? strtoul(delay, &end, 0)
				    : PCAP_DELAY_MS_DFLT;
		if (*delay != '\0' && (*end != '\0' || ms > 60000)) {
			ena_emu_log(dev, RTE_LOG_ERR,
				"wire=pcap: replay delay '%s' not 0..60000 ms",
				delay);
			return -EINVAL;
		}
		return ena_emu_wire_pcap_open(dev, in, out, (uint32_t)ms);
	} else if (strncmp(s, "gen:", 4) == 0) {
		w->kind = ENA_EMU_WIRE_GEN;
		return gen_init(dev, s + 4);
	} else {
		ena_emu_log(dev, RTE_LOG_ERR,
			"wire=%s: unknown; use loopback, sink, peer:<name>, pcap:<in>,<out> or gen:<size>",
			s);
		return -EINVAL;
	}
	return 0;
}

void
ena_emu_wire_fini(struct ena_emu_dev *dev)
{
	struct ena_emu_wire *w = &dev->io->wire;

	if (w->kind == ENA_EMU_WIRE_PCAP)
		ena_emu_wire_pcap_close(dev);
	if (w->gen != NULL) {
		free(w->gen->frames);
		free(w->gen);
		w->gen = NULL;
	}
}

static struct ena_emu_dev *
peer_get(struct ena_emu_dev *dev)
{
	struct ena_emu_dev *p = dev->peer;

	if (p == NULL) {
		p = ena_emu_io_lookup(dev->io->wire.peer_name);
		if (p == NULL || p == dev)
			return NULL;
		dev->peer = p;
	}
	return p->io != NULL ? p : NULL;
}

void
ena_emu_wire_tx(struct ena_emu_dev *dev, const uint8_t *f, uint32_t len)
{
	struct ena_emu_io *io = dev->io;
	struct ena_emu_dev *p;

	io->c.wire_tx++;
	switch (io->wire.kind) {
	case ENA_EMU_WIRE_LOOPBACK:
		ena_emu_rx_deliver(dev, f, len, true);
		break;
	case ENA_EMU_WIRE_PEER:
		p = peer_get(dev);
		if (p == NULL || !p->ready || p->fatal) {
			io->c.tx_drop_no_peer++;
			dev->cnt.tx_drops++;
			if (rte_log_can_log(ena_emu_logtype, RTE_LOG_DEBUG))
				ena_emu_log(dev, RTE_LOG_DEBUG,
					"Tx drop: peer %s %s",
					io->wire.peer_name,
					p == NULL ? "not found" : "not ready");
			break;
		}
		ena_emu_rx_deliver(p, f, len, true);
		break;
	case ENA_EMU_WIRE_PCAP:
		ena_emu_wire_pcap_tx(dev, f, len);
		break;
	case ENA_EMU_WIRE_SINK:
	case ENA_EMU_WIRE_GEN:
		break;
	}
}

unsigned int
ena_emu_wire_poll(struct ena_emu_dev *dev)
{
	switch (dev->io->wire.kind) {
	case ENA_EMU_WIRE_GEN:
		return gen_poll(dev);
	case ENA_EMU_WIRE_PCAP:
		return ena_emu_wire_pcap_poll(dev);
	default:
		return 0;
	}
}

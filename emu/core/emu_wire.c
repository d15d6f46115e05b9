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
 *   tap:<ifname>      frames go to and come from a Linux TAP interface
 *                     (created if missing; needs CAP_NET_ADMIN)
 * The value may be wrapped in [] so that kvargs keeps its commas.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ena_defs.h"
#include "emu_io_priv.h"
#include "emu_net.h"

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
	uint32_t i, l3len = g->size - EMU_ETH_HDR_LEN;
	uint8_t *f, *ip, *udp;
	uint32_t sum;
	uint16_t ck;

	for (i = 0; i < g->flows; i++) {
		f = g->frames + (size_t)i * g->size;
		memset(f, 0, g->size);
		memcpy(f, dst_mac, EMU_ETH_ADDR_LEN);
		f[6] = 0x02; /* locally administered source */
		f[11] = 0xee;
		emu_wr16(f + 12, EMU_ETH_TYPE_IPV4);
		ip = f + EMU_ETH_HDR_LEN;
		ip[0] = 0x45; /* IPv4, 20-byte header */
		emu_wr16(ip + 2, (uint16_t)l3len);
		ip[8] = 64; /* TTL */
		ip[9] = EMU_IPPROTO_UDP;
		emu_wr32(ip + 12, 10u << 24 | (i & 0xffffu));
		emu_wr32(ip + 16, 10u << 24 | 1u << 16 | ((i * 7) & 0xffffu));
		emu_wr16(ip + 10,
			(uint16_t)~emu_csum_fold(
				emu_csum_add(0, ip, EMU_IPV4_HDR_LEN)));
		udp = ip + EMU_IPV4_HDR_LEN;
		emu_wr16(udp, (uint16_t)(1024 + i * 13));
		emu_wr16(udp + 2, (uint16_t)(4000 + (i & 0xff)));
		emu_wr16(udp + 4, (uint16_t)(l3len - EMU_IPV4_HDR_LEN));
		sum = emu_csum_add(0, ip + 12, 8) + EMU_IPPROTO_UDP +
			(l3len - EMU_IPV4_HDR_LEN);
		ck = (uint16_t)~emu_csum_fold(
			emu_csum_add(sum, udp, l3len - EMU_IPV4_HDR_LEN));
		/* 0 would mean "no checksum" in UDP over IPv4. */
		emu_wr16(udp + EMU_UDP_CSUM_OFF, ck != 0 ? ck : 0xffff);
	}
}

static int
gen_init(struct ena_emu_dev *dev, const char *arg)
{
	struct ena_emu_wire_gen *g;
	uint64_t size = 0, flows = GEN_FLOWS_DFLT;
	char buf[ENA_EMU_WIRE_LEN], *colon;
	uint32_t min = EMU_ETH_HDR_LEN + EMU_IPV4_HDR_LEN + EMU_UDP_HDR_LEN;
	int rc;

	snprintf(buf, sizeof(buf), "%s", arg);
	colon = strchr(buf, ':');
	if (colon != NULL)
		*colon = '\0';
	rc = ena_emu_parse_dec(buf, dev->cfg.mtu_max + EMU_ETH_HDR_LEN, &size);
	if (rc == 0 && colon != NULL)
		rc = ena_emu_parse_dec(colon + 1, GEN_FLOWS_MAX, &flows);
	if (rc != 0 || size < min || flows == 0) {
		ena_emu_log(dev, EMU_LOG_ERR,
			"wire=gen:%s: want gen:<size %u..%u>[:<flows 1..%u>]",
			arg, min, dev->cfg.mtu_max + EMU_ETH_HDR_LEN,
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
	char buf[ENA_EMU_WIRE_LEN], *s = buf, *sep, *in, *out, *delay;
	uint64_t ms = PCAP_DELAY_MS_DFLT;
	size_t n;

	snprintf(buf, sizeof(buf), "%s", spec != NULL ? spec : "");
	n = strlen(s);
	if (n >= 2 && s[0] == '[' && s[n - 1] == ']') {
		s[n - 1] = '\0';
		s++;
	}
	memset(w, 0, sizeof(*w));
	if (strcmp(s, "loopback") == 0) {
		w->kind = ENA_EMU_WIRE_LOOPBACK;
	} else if (strcmp(s, "sink") == 0) {
		w->kind = ENA_EMU_WIRE_SINK;
	} else if (strncmp(s, "peer:", 5) == 0 && s[5] != '\0') {
		w->kind = ENA_EMU_WIRE_PEER;
		if (strlen(s + 5) >= sizeof(w->peer_name)) {
			ena_emu_log(
				dev, EMU_LOG_ERR, "wire=%s: name too long", s);
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
		if (*delay != '\0' &&
			ena_emu_parse_dec(delay, 60000, &ms) != 0) {
			ena_emu_log(dev, EMU_LOG_ERR,
				"wire=pcap: replay delay '%s' not 0..60000 ms",
				delay);
			return -EINVAL;
		}
		return ena_emu_wire_pcap_open(dev, in, out, (uint32_t)ms);
	} else if (strncmp(s, "gen:", 4) == 0) {
		w->kind = ENA_EMU_WIRE_GEN;
		return gen_init(dev, s + 4);
	} else if (strncmp(s, "tap:", 4) == 0) {
		w->kind = ENA_EMU_WIRE_TAP;
		return ena_emu_wire_tap_open(dev, s + 4);
	} else {
		ena_emu_log(dev, EMU_LOG_ERR,
			"wire=%s: unknown; use loopback, sink, peer:<name>, pcap:<in>,<out>, gen:<size> or tap:<ifname>",
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
	if (w->kind == ENA_EMU_WIRE_TAP)
		ena_emu_wire_tap_close(dev);
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
			if (ena_emu_log_on(dev, EMU_LOG_DEBUG))
				ena_emu_log(dev, EMU_LOG_DEBUG,
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
	case ENA_EMU_WIRE_TAP:
		ena_emu_wire_tap_tx(dev, f, len);
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
	case ENA_EMU_WIRE_TAP:
		return ena_emu_wire_tap_poll(dev);
	default:
		return 0;
	}
}

int
ena_emu_io_wire_fd(const struct ena_emu_dev *dev)
{
	if (dev->io == NULL || dev->io->wire.kind != ENA_EMU_WIRE_TAP)
		return -1;
	return ena_emu_wire_tap_fd(dev);
}

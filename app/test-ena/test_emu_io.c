/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/*
 * emu_io: single-step tests of the emulated device's IO path. The test
 * plays the driver: it creates IO queues through the device's admin
 * handler, writes descriptors and doorbells itself and steps the device
 * with ena_emu_io_poll().
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_byteorder.h>
#include <rte_cycles.h>
#include <rte_ether.h>
#include <rte_hash_crc.h>
#include <rte_ip.h>
#include <rte_malloc.h>
#include <rte_tcp.h>
#include <rte_thash.h>
#include <rte_udp.h>

#include "ena_defs.h"
#include "emu_dev.h"
#include "emu_io.h"
#include "ena_emu.h"
#include "ena_emu_io.h"
#include "test.h"

#define DEPTH  64
#define BUF_SZ 2048

/* Driver-side view of one IO queue pair half (SQ + its CQ). */
struct tq {
	bool tx;
	bool llq;
	uint16_t sq_idx;
	uint16_t cq_idx;
	uint32_t db_off;
	uint16_t depth;
	uint8_t *ring; /* host SQ ring */
	uint8_t *cq_ring;
	uint8_t cq_entry;
	uint8_t *llq_mem; /* BAR2 window */
	uint16_t tail;
	uint16_t cq_head;
	uint8_t *bufs; /* Rx buffers, DEPTH * BUF_SZ */
};

struct tdev {
	struct ena_emu_dev *dev;
	struct tq tx[4];
	struct tq rx[4];
};

static uint8_t
admin(struct ena_emu_dev *dev, struct ena_aq_cmd *cmd, struct ena_aq_comp *comp)
{
	memset(comp, 0, sizeof(*comp));
	return ena_emu_io_admin(dev, cmd, comp);
}

static uint8_t
cq_create(struct ena_emu_dev *dev, unsigned int words, uint16_t depth,
	uint8_t **ring, struct ena_aq_comp *comp)
{
	struct ena_aq_cmd cmd;

	memset(&cmd, 0, sizeof(cmd));
	cmd.common.opcode = ENA_AQ_OP_CREATE_CQ;
	ENA_FIELD_SET(cmd.create_cq.caps2, ENA_AQ_CREATE_CQ_ENTRY_WORDS, words);
	cmd.create_cq.depth = depth;
	cmd.create_cq.msix_vector = 1;
	*ring = rte_zmalloc(
		NULL, (size_t)words * 4 * (depth ? depth : 1), 4096);
	ena_dma_addr_set(&cmd.create_cq.ring, (uint64_t)(uintptr_t)*ring);
	return admin(dev, &cmd, comp);
}

static uint8_t
sq_create(struct ena_emu_dev *dev, unsigned int dir, unsigned int placement,
	uint16_t cq_idx, uint16_t depth, uint8_t **ring,
	struct ena_aq_comp *comp)
{
	struct ena_aq_cmd cmd;

	memset(&cmd, 0, sizeof(cmd));
	cmd.common.opcode = ENA_AQ_OP_CREATE_SQ;
	ENA_FIELD_SET(cmd.create_sq.sq_ident, ENA_AQ_CREATE_SQ_DIR, dir);
	ENA_FIELD_SET(
		cmd.create_sq.caps2, ENA_AQ_CREATE_SQ_PLACEMENT, placement);
	cmd.create_sq.cq_idx = cq_idx;
	cmd.create_sq.depth = depth;
	*ring = NULL;
	if (placement == ENA_PLACEMENT_HOST) {
		*ring = rte_zmalloc(
			NULL, (size_t)16 * (depth ? depth : 1), 4096);
		ena_dma_addr_set(
			&cmd.create_sq.ring, (uint64_t)(uintptr_t)*ring);
	}
	return admin(dev, &cmd, comp);
}

static uint8_t
sq_destroy(struct ena_emu_dev *dev, unsigned int dir, uint16_t idx)
{
	struct ena_aq_cmd cmd;
	struct ena_aq_comp comp;

	memset(&cmd, 0, sizeof(cmd));
	cmd.common.opcode = ENA_AQ_OP_DESTROY_SQ;
	cmd.destroy_sq.sq.sq_idx = idx;
	ENA_FIELD_SET(cmd.destroy_sq.sq.ident, ENA_AQ_SQ_REF_DIR, dir);
	return admin(dev, &cmd, &comp);
}

static uint8_t
cq_destroy(struct ena_emu_dev *dev, uint16_t idx)
{
	struct ena_aq_cmd cmd;
	struct ena_aq_comp comp;

	memset(&cmd, 0, sizeof(cmd));
	cmd.common.opcode = ENA_AQ_OP_DESTROY_CQ;
	cmd.destroy_cq.cq_idx = idx;
	return admin(dev, &cmd, &comp);
}

static void
db_write(struct ena_emu_dev *dev, uint32_t off, uint32_t val)
{
	__atomic_store_n((uint32_t *)(dev->bar0 + off), val, __ATOMIC_RELEASE);
}

static void
rx_post(struct tdev *t, struct tq *q, unsigned int n, uint16_t len)
{
	struct ena_rx_desc *d;
	unsigned int i;
	uint16_t pos;

	for (i = 0; i < n; i++) {
		pos = q->tail & (q->depth - 1);
		d = (struct ena_rx_desc *)q->ring + pos;
		memset(d, 0, sizeof(*d));
		d->length = len;
		d->req_id = pos;
		d->ctrl = ENA_RX_DESC_FIRST_MASK | ENA_RX_DESC_LAST_MASK |
			ENA_RX_DESC_COMP_REQ_MASK |
			(((q->tail / q->depth) & 1) ^ 1);
		ena_rx_desc_addr_set(d,
			(uint64_t)(uintptr_t)(q->bufs + (size_t)pos * BUF_SZ));
		q->tail++;
	}
	db_write(t->dev, q->db_off, q->tail);
}

static bool
tq_open(struct tdev *t, struct tq *q, bool tx, bool llq, uint16_t depth)
{
	struct ena_aq_comp comp;
	uint8_t st;

	memset(q, 0, sizeof(*q));
	q->tx = tx;
	q->llq = llq;
	q->depth = depth;
	q->cq_entry = tx ? 8 : 16;
	st = cq_create(t->dev, q->cq_entry / 4, depth, &q->cq_ring, &comp);
	if (st != ENA_AQ_STATUS_SUCCESS)
		return false;
	q->cq_idx = comp.create_cq.cq_idx;
	st = sq_create(t->dev, tx ? ENA_SQ_DIR_TX : ENA_SQ_DIR_RX,
		llq ? ENA_PLACEMENT_DEV : ENA_PLACEMENT_HOST, q->cq_idx, depth,
		&q->ring, &comp);
	if (st != ENA_AQ_STATUS_SUCCESS)
		return false;
	q->sq_idx = comp.create_sq.sq_idx;
	q->db_off = comp.create_sq.db_offset;
	if (llq)
		q->llq_mem = t->dev->bar2 + comp.create_sq.llq_desc_offset;
	if (!tx) {
		q->bufs = rte_zmalloc(NULL, (size_t)depth * BUF_SZ, 64);
		rx_post(t, q, depth - 1, BUF_SZ);
	}
	return true;
}

static void
tq_free(struct tq *q)
{
	rte_free(q->ring);
	rte_free(q->cq_ring);
	rte_free(q->bufs);
	memset(q, 0, sizeof(*q));
}

static struct ena_emu_dev *
dev_new(const char *name, const char *args)
{
	struct ena_emu_dev *dev = ena_emu_dev_create(name, args);

	if (dev == NULL || dev->io == NULL)
		return NULL;
	/* What the driver's reset and SET_FEATURE(MTU) would leave. */
	dev->ready = true;
	dev->mtu = 1500;
	return dev;
}

static bool
tdev_open(struct tdev *t, const char *name, const char *args, unsigned int nq,
	bool llq)
{
	unsigned int i;

	memset(t, 0, sizeof(*t));
	t->dev = dev_new(name, args);
	if (t->dev == NULL)
		return false;
	for (i = 0; i < nq; i++)
		if (!tq_open(t, &t->rx[i], false, false, DEPTH))
			return false;
	for (i = 0; i < nq; i++)
		if (!tq_open(t, &t->tx[i], true, llq, DEPTH))
			return false;
	return true;
}

static void
tdev_close(struct tdev *t)
{
	unsigned int i;

	if (t->dev != NULL)
		ena_emu_dev_destroy(t->dev);
	for (i = 0; i < 4; i++) {
		tq_free(&t->rx[i]);
		tq_free(&t->tx[i]);
	}
	t->dev = NULL;
}

/* Builds Ethernet/IPv4|IPv6/UDP|TCP with a payload pattern. */
static uint32_t
frame_build(uint8_t *f, uint32_t len, bool v6, bool tcp, uint32_t saddr,
	uint32_t daddr, uint16_t sport, uint16_t dport)
{
	struct rte_ether_hdr *eth = (struct rte_ether_hdr *)f;
	uint32_t l3 = v6 ? sizeof(struct rte_ipv6_hdr)
			 : sizeof(struct rte_ipv4_hdr);
	uint32_t l4 = tcp ? sizeof(struct rte_tcp_hdr)
			  : sizeof(struct rte_udp_hdr);
	uint8_t *l4p = f + sizeof(*eth) + l3;
	uint32_t i, plen = len - sizeof(*eth) - l3;

	memset(f, 0, len);
	memset(&eth->dst_addr, 0x02, 6);
	memset(&eth->src_addr, 0x04, 6);
	eth->ether_type = rte_cpu_to_be_16(
		v6 ? RTE_ETHER_TYPE_IPV6 : RTE_ETHER_TYPE_IPV4);
	if (v6) {
		struct rte_ipv6_hdr *ip = (void *)(eth + 1);
		uint8_t *src6, *dst6;

		ip->vtc_flow = rte_cpu_to_be_32(6u << 28);
		ip->payload_len = rte_cpu_to_be_16((uint16_t)plen);
		ip->proto = tcp ? IPPROTO_TCP : IPPROTO_UDP;
		ip->hop_limits = 64;
		/* 16 bytes each, an array or a struct by DPDK release */
		src6 = (uint8_t *)&ip->src_addr;
		dst6 = (uint8_t *)&ip->dst_addr;
		memcpy(src6 + 12, &saddr, 4);
		memcpy(dst6 + 12, &daddr, 4);
		src6[0] = 0x20;
		dst6[0] = 0x20;
	} else {
		struct rte_ipv4_hdr *ip = (void *)(eth + 1);

		ip->version_ihl = RTE_IPV4_VHL_DEF;
		ip->total_length = rte_cpu_to_be_16(
			(uint16_t)(len - sizeof(*eth)));
		ip->time_to_live = 64;
		ip->next_proto_id = tcp ? IPPROTO_TCP : IPPROTO_UDP;
		ip->src_addr = rte_cpu_to_be_32(saddr);
		ip->dst_addr = rte_cpu_to_be_32(daddr);
	}
	if (tcp) {
		struct rte_tcp_hdr *th = (void *)l4p;

		th->src_port = rte_cpu_to_be_16(sport);
		th->dst_port = rte_cpu_to_be_16(dport);
		th->data_off = 5 << 4;
	} else {
		struct rte_udp_hdr *uh = (void *)l4p;

		uh->src_port = rte_cpu_to_be_16(sport);
		uh->dst_port = rte_cpu_to_be_16(dport);
		uh->dgram_len = rte_cpu_to_be_16((uint16_t)plen);
	}
	for (i = sizeof(*eth) + l3 + l4; i < len; i++)
		f[i] = (uint8_t)(i * 7 + 3);
	return len;
}

/* Valid checksums everywhere, as a sender without offloads would do. */
static void
frame_csum(uint8_t *f, bool v6, bool tcp)
{
	uint8_t *l3 = f + sizeof(struct rte_ether_hdr);
	uint8_t *l4 = l3 +
		(v6 ? sizeof(struct rte_ipv6_hdr)
		    : sizeof(struct rte_ipv4_hdr));
	uint16_t *fld = (uint16_t *)(l4 + (tcp ? 16 : 6));

	*fld = 0;
	if (v6) {
		*fld = rte_ipv6_udptcp_cksum((void *)l3, l4);
	} else {
		struct rte_ipv4_hdr *ip = (void *)l3;

		ip->hdr_checksum = 0;
		ip->hdr_checksum = rte_ipv4_cksum(ip);
		*fld = rte_ipv4_udptcp_cksum(ip, l4);
	}
}

struct txbuf {
	const void *addr;
	uint16_t len;
};

struct txreq {
	uint16_t req_id;
	bool meta;	    /* emit a meta descriptor first */
	uint32_t meta_ctrl; /* offload bits for the first buffer desc */
	uint8_t l3_off, l3_len;
	const uint8_t *hdr; /* LLQ pushed header */
	uint16_t hdr_len;
};

static uint32_t
desc_phase(const struct tq *q, uint16_t pos)
{
	return ((pos / q->depth) & 1) ^ 1;
}

static void
meta_fill(struct ena_tx_desc *d, const struct tq *q, uint16_t pos,
	const struct txreq *r)
{
	struct ena_tx_meta_desc m;

	memset(&m, 0, sizeof(m));
	m.len_ctrl = ENA_TX_META_META_DESC_MASK | ENA_TX_META_EXT_VALID_MASK |
		ENA_TX_META_ETH_META_TYPE_MASK | ENA_TX_META_FIRST_MASK |
		ENA_TX_META_META_STORE_MASK |
		(desc_phase(q, pos) << ENA_TX_META_PHASE_SHIFT);
	ENA_FIELD_SET(m.word2, ENA_TX_META_L3_HDR_LEN, r->l3_len);
	ENA_FIELD_SET(m.word2, ENA_TX_META_L3_HDR_OFF, r->l3_off);
	memcpy(d, &m, sizeof(m));
}

static void
buf_fill(struct ena_tx_desc *d, const struct tq *q, uint16_t pos,
	const struct txreq *r, const struct txbuf *b, bool first, bool last)
{
	memset(d, 0, sizeof(*d));
	d->len_ctrl = (desc_phase(q, pos) << ENA_TX_DESC_PHASE_SHIFT) |
		(b != NULL ? b->len : 0);
	if (first) {
		if (!r->meta)
			d->len_ctrl |= ENA_TX_DESC_FIRST_MASK;
		d->len_ctrl |= ENA_TX_DESC_COMP_REQ_MASK;
		d->meta_ctrl = r->meta_ctrl;
		ena_tx_desc_req_id_set(d, r->req_id);
		ENA_FIELD_SET(d->addr_hi_hdr, ENA_TX_DESC_HDR_LEN, r->hdr_len);
	}
	if (last)
		d->len_ctrl |= ENA_TX_DESC_LAST_MASK;
	if (b != NULL)
		ena_tx_desc_addr_set(d, (uint64_t)(uintptr_t)b->addr);
}

/* Regular (host memory) Tx of one packet; rings the doorbell. */
static void
tx_host(struct tdev *t, struct tq *q, const struct txreq *r,
	const struct txbuf *b, unsigned int nb)
{
	struct ena_tx_desc *ring = (struct ena_tx_desc *)q->ring;
	unsigned int i;

	if (r->meta) {
		meta_fill(&ring[q->tail & (q->depth - 1)], q, q->tail, r);
		q->tail++;
	}
	for (i = 0; i < nb; i++) {
		buf_fill(&ring[q->tail & (q->depth - 1)], q, q->tail, r, &b[i],
			i == 0, i == nb - 1);
		q->tail++;
	}
	db_write(t->dev, q->db_off, q->tail);
}

/*
 * LLQ Tx of one packet: descriptors before the header in the first line,
 * the header after them, remaining descriptors in following lines.
 */
static void
tx_llq(struct tdev *t, struct tq *q, const struct txreq *r,
	const struct txbuf *b, unsigned int nb)
{
	const struct ena_emu_llq *l = &t->dev->llq;
	uint8_t line[256];
	unsigned int slot = 0, slots = l->descs_before_header, i, nd;
	struct ena_tx_desc d;
	uint16_t pos = q->tail;

	memset(line, 0, sizeof(line));
	memcpy(line + l->descs_before_header * 16, r->hdr, r->hdr_len);
	nd = (r->meta ? 1 : 0) + (nb ? nb : 1);
	for (i = 0; i < nd; i++) {
		if (slot == slots) {
			memcpy(q->llq_mem +
					(size_t)(q->tail & (q->depth - 1)) *
						l->entry_size,
				line, l->entry_size);
			q->tail++;
			pos = q->tail;
			memset(line, 0, sizeof(line));
			slot = 0;
			slots = l->single_desc_per_entry ? 1
							 : l->entry_size / 16;
		}
		if (r->meta && i == 0) {
			meta_fill(&d, q, pos, r);
		} else {
			unsigned int k = i - (r->meta ? 1 : 0);

			buf_fill(&d, q, pos, r, nb ? &b[k] : NULL, k == 0,
				i == nd - 1);
		}
		memcpy(line + slot * 16, &d, 16);
		slot++;
	}
	memcpy(q->llq_mem + (size_t)(q->tail & (q->depth - 1)) * l->entry_size,
		line, l->entry_size);
	q->tail++;
	db_write(t->dev, q->db_off, q->tail);
}

static unsigned int
step(struct ena_emu_dev *dev)
{
	unsigned int w, total = 0, i;

	for (i = 0; i < 16; i++) {
		w = ena_emu_io_poll(dev);
		total += w;
		if (w == 0)
			break;
	}
	return total;
}

/* Next Tx completion's req_id, or -1 when none is there. */
static int
tx_comp(struct tq *q)
{
	struct ena_tx_cdesc *c = (struct ena_tx_cdesc *)q->cq_ring +
		(q->cq_head & (q->depth - 1));
	uint8_t want = ((q->cq_head / q->depth) & 1) ^ 1;

	if ((c->flags & ENA_TX_CDESC_PHASE_MASK) != want)
		return -1;
	q->cq_head++;
	return c->req_id;
}

/* Next Rx completion descriptor or NULL. */
static struct ena_rx_cdesc *
rx_comp(struct tq *q)
{
	struct ena_rx_cdesc *c = (struct ena_rx_cdesc *)(q->cq_ring +
		(size_t)(q->cq_head & (q->depth - 1)) * q->cq_entry);
	uint32_t want = ((q->cq_head / q->depth) & 1) ^ 1;

	if (ENA_FIELD_GET(c->status, ENA_RX_CDESC_PHASE) != want)
		return NULL;
	q->cq_head++;
	return c;
}

/* Reads one whole Rx packet into out; returns its length or 0. */
static uint32_t
rx_pkt(struct tq *q, uint8_t *out, uint32_t *status, uint32_t *hash,
	unsigned int *ndesc)
{
	struct ena_rx_cdesc *c;
	uint32_t len = 0;
	unsigned int n = 0;

	for (;;) {
		c = rx_comp(q);
		if (c == NULL)
			return 0;
		if (n == 0 && !(c->status & ENA_RX_CDESC_FIRST_MASK))
			return 0;
		memcpy(out + len, q->bufs + (size_t)c->req_id * BUF_SZ,
			c->length);
		len += c->length;
		n++;
		if (c->status & ENA_RX_CDESC_LAST_MASK)
			break;
	}
	if (status != NULL)
		*status = c->status;
	if (hash != NULL)
		*hash = c->hash;
	if (ndesc != NULL)
		*ndesc = n;
	return len;
}

static void
test_admin(void)
{
	struct ena_emu_dev *dev;
	struct ena_aq_comp comp, comp2;
	uint8_t *r1, *r2, *r3, *r4;
	uint16_t cq_tx, cq_rx, sq_tx;
	struct ena_aq_cmd cmd;
	unsigned int i;
	uint8_t st;

	dev = dev_new("emuio_admin", "queues=2,llq=1,ring_size=256");
	ENA_CHECK(dev != NULL, "device with IO state created");
	if (dev == NULL)
		return;
	ENA_CHECK_EQ("CQ entry 3 words", ENA_AQ_STATUS_ILLEGAL_PARAMETER,
		cq_create(dev, 3, 64, &r1, &comp));
	rte_free(r1);
	ENA_CHECK_EQ("CQ depth 48", ENA_AQ_STATUS_ILLEGAL_PARAMETER,
		cq_create(dev, 2, 48, &r1, &comp));
	rte_free(r1);
	ENA_CHECK_EQ("CQ depth 512 > ring_size",
		ENA_AQ_STATUS_ILLEGAL_PARAMETER,
		cq_create(dev, 2, 512, &r1, &comp));
	rte_free(r1);
	ENA_CHECK_EQ("CQ depth 0", ENA_AQ_STATUS_ILLEGAL_PARAMETER,
		cq_create(dev, 2, 0, &r1, &comp));
	rte_free(r1);

	st = cq_create(dev, 2, 256, &r1, &comp);
	ENA_CHECK_EQ("Tx CQ created", ENA_AQ_STATUS_SUCCESS, st);
	cq_tx = comp.create_cq.cq_idx;
	ENA_CHECK(comp.create_cq.actual_depth == 256, "actual depth %u",
		comp.create_cq.actual_depth);
	ENA_CHECK(comp.create_cq.head_db_offset >= ENA_EMU_BAR0_DB_BASE &&
			comp.create_cq.unmask_offset >= ENA_EMU_BAR0_DB_BASE &&
			comp.create_cq.numa_node_offset >=
				ENA_EMU_BAR0_DB_BASE &&
			comp.create_cq.unmask_offset < ENA_EMU_BAR0_SIZE,
		"CQ register offsets in the IO window (%#x %#x %#x)",
		comp.create_cq.head_db_offset, comp.create_cq.unmask_offset,
		comp.create_cq.numa_node_offset);
	st = cq_create(dev, 4, 64, &r2, &comp2);
	ENA_CHECK_EQ("Rx CQ created", ENA_AQ_STATUS_SUCCESS, st);
	cq_rx = comp2.create_cq.cq_idx;
	ENA_CHECK(cq_rx != cq_tx, "distinct CQ ids %u %u", cq_rx, cq_tx);
	ENA_CHECK(comp2.create_cq.unmask_offset != comp.create_cq.unmask_offset,
		"distinct unmask registers");

	ENA_CHECK_EQ("SQ on unknown CQ", ENA_AQ_STATUS_ILLEGAL_PARAMETER,
		sq_create(dev, ENA_SQ_DIR_TX, ENA_PLACEMENT_HOST, 77, 64, &r3,
			&comp));
	rte_free(r3);
	ENA_CHECK_EQ("SQ direction 3", ENA_AQ_STATUS_ILLEGAL_PARAMETER,
		sq_create(dev, 3, ENA_PLACEMENT_HOST, cq_tx, 64, &r3, &comp));
	rte_free(r3);
	ENA_CHECK_EQ("SQ placement 2", ENA_AQ_STATUS_ILLEGAL_PARAMETER,
		sq_create(dev, ENA_SQ_DIR_TX, 2, cq_tx, 64, &r3, &comp));
	rte_free(r3);
	ENA_CHECK_EQ("SQ depth 100", ENA_AQ_STATUS_ILLEGAL_PARAMETER,
		sq_create(dev, ENA_SQ_DIR_TX, ENA_PLACEMENT_HOST, cq_tx, 100,
			&r3, &comp));
	rte_free(r3);
	ENA_CHECK_EQ("Rx SQ in device memory", ENA_AQ_STATUS_ILLEGAL_PARAMETER,
		sq_create(dev, ENA_SQ_DIR_RX, ENA_PLACEMENT_DEV, cq_rx, 64, &r3,
			&comp));
	ENA_CHECK_EQ("LLQ SQ before LLQ negotiation",
		ENA_AQ_STATUS_ILLEGAL_PARAMETER,
		sq_create(dev, ENA_SQ_DIR_TX, ENA_PLACEMENT_DEV, cq_tx, 64, &r3,
			&comp));
	ENA_CHECK_EQ("Rx SQ on a Tx-sized CQ", ENA_AQ_STATUS_ILLEGAL_PARAMETER,
		sq_create(dev, ENA_SQ_DIR_RX, ENA_PLACEMENT_HOST, cq_tx, 64,
			&r3, &comp));
	rte_free(r3);

	st = sq_create(
		dev, ENA_SQ_DIR_TX, ENA_PLACEMENT_HOST, cq_tx, 64, &r3, &comp);
	ENA_CHECK_EQ("Tx SQ created", ENA_AQ_STATUS_SUCCESS, st);
	sq_tx = comp.create_sq.sq_idx;
	ENA_CHECK(comp.create_sq.db_offset >= ENA_EMU_BAR0_DB_BASE &&
			comp.create_sq.db_offset < ENA_EMU_BAR0_SIZE,
		"doorbell offset %#x in BAR0 IO window",
		comp.create_sq.db_offset);
	ENA_CHECK_EQ("second SQ on the same CQ", ENA_AQ_STATUS_RESOURCE_BUSY,
		sq_create(dev, ENA_SQ_DIR_TX, ENA_PLACEMENT_HOST, cq_tx, 64,
			&r4, &comp2));
	rte_free(r4);
	ENA_CHECK_EQ("destroy CQ with bound SQ", ENA_AQ_STATUS_RESOURCE_BUSY,
		cq_destroy(dev, cq_tx));
	ENA_CHECK_EQ("destroy unknown Tx SQ", ENA_AQ_STATUS_ILLEGAL_PARAMETER,
		sq_destroy(dev, ENA_SQ_DIR_TX, 1));
	ENA_CHECK_EQ("destroy Tx SQ as Rx", ENA_AQ_STATUS_ILLEGAL_PARAMETER,
		sq_destroy(dev, ENA_SQ_DIR_RX, sq_tx));
	ENA_CHECK_EQ("destroy SQ index 999", ENA_AQ_STATUS_ILLEGAL_PARAMETER,
		sq_destroy(dev, ENA_SQ_DIR_TX, 999));
	ENA_CHECK_EQ("destroy Tx SQ", ENA_AQ_STATUS_SUCCESS,
		sq_destroy(dev, ENA_SQ_DIR_TX, sq_tx));
	ENA_CHECK_EQ("destroy Tx SQ twice", ENA_AQ_STATUS_ILLEGAL_PARAMETER,
		sq_destroy(dev, ENA_SQ_DIR_TX, sq_tx));
	ENA_CHECK_EQ(
		"destroy Tx CQ", ENA_AQ_STATUS_SUCCESS, cq_destroy(dev, cq_tx));
	ENA_CHECK_EQ("destroy Tx CQ twice", ENA_AQ_STATUS_ILLEGAL_PARAMETER,
		cq_destroy(dev, cq_tx));
	ENA_CHECK_EQ(
		"destroy Rx CQ", ENA_AQ_STATUS_SUCCESS, cq_destroy(dev, cq_rx));
	rte_free(r1);
	rte_free(r2);
	rte_free(r3);

	/* queues=2: the third Tx CQ has no room. */
	uint8_t *rings[3];

	for (i = 0; i < 3; i++) {
		st = cq_create(dev, 2, 64, &rings[i], &comp);
		ENA_CHECK_EQ(i < 2 ? "Tx CQ within limit" : "Tx CQ over limit",
			i < 2 ? ENA_AQ_STATUS_SUCCESS
			      : ENA_AQ_STATUS_RESOURCE_ALLOC_FAILURE,
			st);
	}
	ena_emu_io_reset(dev);
	ENA_CHECK_EQ("CQ gone after reset", ENA_AQ_STATUS_ILLEGAL_PARAMETER,
		cq_destroy(dev, 2));
	for (i = 0; i < 3; i++)
		rte_free(rings[i]);
	/* A ring outside DPDK memory is a device error, not a crash. */
	memset(&cmd, 0, sizeof(cmd));
	cmd.common.opcode = ENA_AQ_OP_CREATE_CQ;
	ENA_FIELD_SET(cmd.create_cq.caps2, ENA_AQ_CREATE_CQ_ENTRY_WORDS, 2);
	cmd.create_cq.depth = 64;
	ena_dma_addr_set(&cmd.create_cq.ring, 0x1000);
	ENA_CHECK_EQ("CQ ring outside host memory",
		ENA_AQ_STATUS_ILLEGAL_PARAMETER, admin(dev, &cmd, &comp));
	cmd.common.opcode = ENA_AQ_OP_GET_STATS;
	ENA_CHECK_EQ("unrelated opcode", ENA_AQ_STATUS_UNSUPPORTED_OPCODE,
		admin(dev, &cmd, &comp));
	ena_emu_dev_destroy(dev);
}

static bool
same(const uint8_t *a, const uint8_t *b, uint32_t len)
{
	return memcmp(a, b, len) == 0;
}

static void
test_loopback_host(void)
{
	struct tdev t;
	struct ena_emu_io_counters c;
	uint8_t *pkt, out[BUF_SZ * 4];
	struct txbuf b[3];
	struct txreq r;
	uint32_t st, len, hash;
	unsigned int nd;

	if (!tdev_open(&t, "emuio_lb", "queues=1,ring_size=256,wire=loopback",
		    1, false)) {
		ENA_CHECK(false, "loopback device and queues set up");
		tdev_close(&t);
		return;
	}
	pkt = rte_malloc(NULL, 4096, 64);
	len = frame_build(
		pkt, 200, false, false, 0x0a000001, 0x0a000002, 1000, 2000);
	frame_csum(pkt, false, false);
	memset(&r, 0, sizeof(r));
	r.req_id = 5;
	b[0].addr = pkt;
	b[0].len = (uint16_t)len;
	tx_host(&t, &t.tx[0], &r, b, 1);
	ENA_CHECK(step(t.dev) >= 1, "device did work");
	ENA_CHECK_EQ("Tx completion req_id", 5, tx_comp(&t.tx[0]));
	ENA_CHECK_EQ("no second Tx completion", -1, tx_comp(&t.tx[0]));
	ENA_CHECK_EQ("Rx length", len, rx_pkt(&t.rx[0], out, &st, &hash, &nd));
	ENA_CHECK(same(out, pkt, len), "Rx bytes equal Tx bytes");
	ENA_CHECK_EQ("one Rx descriptor", 1, nd);
	ENA_CHECK_EQ("Rx L3 proto", ENA_L3_PROTO_IPV4,
		ENA_FIELD_GET(st, ENA_RX_CDESC_L3_PROTO));
	ENA_CHECK_EQ("Rx L4 proto", ENA_L4_PROTO_UDP,
		ENA_FIELD_GET(st, ENA_RX_CDESC_L4_PROTO));
	ENA_CHECK(st & ENA_RX_CDESC_L4_CSUM_CHECKED_MASK, "L4 csum checked");
	ENA_CHECK(!(st &
			  (ENA_RX_CDESC_L4_CSUM_ERR_MASK |
				  ENA_RX_CDESC_L3_CSUM_ERR_MASK)),
		"no csum error (status %#x)", st);

	/* Three buffers and a meta descriptor; received over 512 B buffers. */
	len = frame_build(pkt, 1400, false, true, 0x0a000003, 0x0a000004, 1, 2);
	frame_csum(pkt, false, true);
	pkt[30] ^= 0xff; /* corrupt destination IP: both checksums break */
	memset(&r, 0, sizeof(r));
	r.req_id = 9;
	r.meta = true;
	r.l3_off = 14;
	r.l3_len = 20;
	b[0].addr = pkt;
	b[0].len = 100;
	b[1].addr = pkt + 100;
	b[1].len = 1000;
	b[2].addr = pkt + 1100;
	b[2].len = (uint16_t)(len - 1100);
	tx_host(&t, &t.tx[0], &r, b, 3);
	step(t.dev);
	ENA_CHECK_EQ("multi-desc Tx completion", 9, tx_comp(&t.tx[0]));
	/* Posted buffers are 2 KiB: one holds it. */
	ENA_CHECK_EQ("multi-buffer Rx length", len,
		rx_pkt(&t.rx[0], out, &st, NULL, &nd));
	ENA_CHECK(same(out, pkt, len), "multi-desc bytes equal");
	ENA_CHECK_EQ("TCP L4 proto", ENA_L4_PROTO_TCP,
		ENA_FIELD_GET(st, ENA_RX_CDESC_L4_PROTO));
	ENA_CHECK(st & ENA_RX_CDESC_L3_CSUM_ERR_MASK, "bad IPv4 csum flagged");
	ENA_CHECK(st & ENA_RX_CDESC_L4_CSUM_ERR_MASK, "bad TCP csum flagged");
	ena_emu_io_counters_get(t.dev, &c);
	ENA_CHECK_EQ("Tx packets", 2, c.tx_pkts);
	ENA_CHECK_EQ("Rx packets", 2, c.rx_pkts);
	ENA_CHECK_EQ("Rx bytes", 200 + 1400, c.rx_bytes);
	rte_free(pkt);
	tdev_close(&t);
}

static void
test_rx_multibuf(void)
{
	struct tdev t;
	uint8_t *pkt, out[BUF_SZ * 4];
	struct txbuf b;
	struct txreq r;
	uint32_t st, len;
	unsigned int nd, i;

	if (!tdev_open(&t, "emuio_mb", "queues=1,ring_size=256,mtu_max=9216", 1,
		    false)) {
		ENA_CHECK(false, "device set up");
		tdev_close(&t);
		return;
	}
	t.dev->mtu = 9000;
	/* Drain the 2 KiB buffers the open posted with 63 small frames. */
	pkt = rte_malloc(NULL, 9100, 64);
	for (i = 0; i < DEPTH - 1; i++) {
		len = frame_build(pkt, 64, false, false, 1, 2, 3, 4);
		memset(&r, 0, sizeof(r));
		r.req_id = (uint16_t)i;
		b.addr = pkt;
		b.len = (uint16_t)len;
		tx_host(&t, &t.tx[0], &r, &b, 1);
		step(t.dev);
		tx_comp(&t.tx[0]);
		rx_pkt(&t.rx[0], out, NULL, NULL, NULL);
	}
	/* Now 1000 B buffers; a 3000 B frame needs three. */
	rx_post(&t, &t.rx[0], 8, 1000);
	len = frame_build(pkt, 3000, true, false, 5, 6, 7, 8);
	frame_csum(pkt, true, false);
	memset(&r, 0, sizeof(r));
	r.req_id = 1;
	b.addr = pkt;
	b.len = (uint16_t)len;
	tx_host(&t, &t.tx[0], &r, &b, 1);
	step(t.dev);
	ENA_CHECK_EQ("jumbo Tx completion", 1, tx_comp(&t.tx[0]));
	ENA_CHECK_EQ(
		"jumbo Rx length", 3000, rx_pkt(&t.rx[0], out, &st, NULL, &nd));
	ENA_CHECK_EQ("three Rx descriptors", 3, nd);
	ENA_CHECK(same(out, pkt, 3000), "jumbo bytes equal");
	ENA_CHECK_EQ("IPv6", ENA_L3_PROTO_IPV6,
		ENA_FIELD_GET(st, ENA_RX_CDESC_L3_PROTO));
	ENA_CHECK(!(st & ENA_RX_CDESC_L4_CSUM_ERR_MASK), "UDPv6 csum good");
	rte_free(pkt);
	tdev_close(&t);
}

/* Sends f with offload bits; returns the frame that came back. */
static uint32_t
csum_roundtrip(struct tdev *t, uint8_t *f, uint32_t len, uint32_t meta_ctrl,
	uint8_t *out, uint32_t *st)
{
	struct txbuf b = { .addr = f, .len = (uint16_t)len };
	struct txreq r;

	memset(&r, 0, sizeof(r));
	r.req_id = 3;
	r.meta = true;
	r.meta_ctrl = meta_ctrl;
	r.l3_off = 14;
	tx_host(t, &t->tx[0], &r, &b, 1);
	step(t->dev);
	tx_comp(&t->tx[0]);
	rx_post(t, &t->rx[0], 1, BUF_SZ);
	return rx_pkt(&t->rx[0], out, st, NULL, NULL);
}

static void
test_csum(void)
{
	struct tdev t;
	uint8_t *f, ref[1600], out[BUF_SZ];
	struct rte_ipv4_hdr *ip;
	uint32_t len, st, mc;
	uint16_t *fld;

	if (!tdev_open(&t, "emuio_csum", "queues=1,ring_size=256", 1, false)) {
		ENA_CHECK(false, "device set up");
		tdev_close(&t);
		return;
	}
	f = rte_malloc(NULL, 2048, 64);
	ip = (struct rte_ipv4_hdr *)(f + 14);

	/* IPv4 + TCP, full: fields hold garbage. */
	len = frame_build(f, 300, false, true, 0xc0a80001, 0xc0a80002, 80, 81);
	memcpy(ref, f, len);
	frame_csum(ref, false, true);
	ip->hdr_checksum = 0x1234;
	fld = (uint16_t *)(f + 14 + 20 + 16);
	*fld = 0xbeef;
	mc = ENA_L3_PROTO_IPV4 |
		(ENA_L4_PROTO_TCP << ENA_TX_DESC_L4_PROTO_SHIFT) |
		ENA_TX_DESC_L3_CSUM_EN_MASK | ENA_TX_DESC_L4_CSUM_EN_MASK;
	ENA_CHECK_EQ("TCPv4 roundtrip", len,
		csum_roundtrip(&t, f, len, mc, out, &st));
	ENA_CHECK(same(out, ref, len),
		"IPv4+TCP checksums inserted (ip %#x tcp %#x, want %#x %#x)",
		((struct rte_ipv4_hdr *)(out + 14))->hdr_checksum,
		*(uint16_t *)(out + 50),
		((struct rte_ipv4_hdr *)(ref + 14))->hdr_checksum,
		*(uint16_t *)(ref + 50));
	ENA_CHECK(!(st &
			  (ENA_RX_CDESC_L3_CSUM_ERR_MASK |
				  ENA_RX_CDESC_L4_CSUM_ERR_MASK)),
		"Rx sees good checksums");

	/* L4 only: IPv4 header checksum stays as it was. */
	memcpy(f, ref, len);
	ip->hdr_checksum = 0x1111;
	*fld = 0;
	mc = ENA_L3_PROTO_IPV4 |
		(ENA_L4_PROTO_TCP << ENA_TX_DESC_L4_PROTO_SHIFT) |
		ENA_TX_DESC_L4_CSUM_EN_MASK;
	csum_roundtrip(&t, f, len, mc, out, &st);
	ENA_CHECK_EQ("IP csum untouched without L3 request", 0x1111,
		((struct rte_ipv4_hdr *)(out + 14))->hdr_checksum);
	ENA_CHECK_EQ("TCP csum inserted", *(uint16_t *)(ref + 50),
		*(uint16_t *)(out + 50));
	ENA_CHECK(
		st & ENA_RX_CDESC_L3_CSUM_ERR_MASK, "Rx flags the bad IP csum");

	/* Partial: the driver seeds the pseudo-header sum. */
	memcpy(f, ref, len);
	*fld = rte_ipv4_phdr_cksum(ip, 0);
	mc |= ENA_TX_DESC_L4_CSUM_PARTIAL_MASK;
	csum_roundtrip(&t, f, len, mc, out, &st);
	ENA_CHECK_EQ("partial TCP csum", *(uint16_t *)(ref + 50),
		*(uint16_t *)(out + 50));

	/* IPv6 + UDP, full. */
	len = frame_build(f, 500, true, false, 7, 8, 53, 5353);
	memcpy(ref, f, len);
	frame_csum(ref, true, false);
	fld = (uint16_t *)(f + 14 + 40 + 6);
	*fld = 0x4242;
	mc = ENA_L3_PROTO_IPV6 |
		(ENA_L4_PROTO_UDP << ENA_TX_DESC_L4_PROTO_SHIFT) |
		ENA_TX_DESC_L4_CSUM_EN_MASK;
	csum_roundtrip(&t, f, len, mc, out, &st);
	ENA_CHECK_EQ("UDPv6 csum inserted", *(uint16_t *)(ref + 60),
		*(uint16_t *)(out + 60));
	ENA_CHECK(st & ENA_RX_CDESC_L4_CSUM_CHECKED_MASK &&
			!(st & ENA_RX_CDESC_L4_CSUM_ERR_MASK),
		"UDPv6 verified good");

	/* No request: bytes go out as they are. */
	memcpy(f, ref, len);
	*fld = 0x4242;
	csum_roundtrip(&t, f, len, 0, out, &st);
	ENA_CHECK_EQ(
		"no offload, field untouched", 0x4242, *(uint16_t *)(out + 60));
	ENA_CHECK(st & ENA_RX_CDESC_L4_CSUM_ERR_MASK, "Rx flags it bad");
	rte_free(f);
	tdev_close(&t);
}

static void
test_llq_one(unsigned int entry, unsigned int dbh, bool single)
{
	char args[128], name[32];
	struct tdev t;
	uint8_t *pkt, out[BUF_SZ];
	struct txbuf b[6];
	struct txreq r;
	uint32_t len, st;
	unsigned int i, k, hdr;
	struct ena_emu_dev *dev;

	snprintf(name, sizeof(name), "emuio_llq%u_%u%s", entry, dbh,
		single ? "s" : "");
	snprintf(args, sizeof(args), "queues=1,llq=1,ring_size=256");
	memset(&t, 0, sizeof(t));
	dev = dev_new(name, args);
	if (dev == NULL || dev->bar2 == NULL) {
		ENA_CHECK(false, "LLQ device with BAR2");
		if (dev != NULL)
			ena_emu_dev_destroy(dev);
		return;
	}
	t.dev = dev;
	/* What SET_FEATURE(LLQ) leaves behind. */
	dev->llq.enabled = true;
	dev->llq.entry_size = (uint16_t)entry;
	dev->llq.header_inline = true;
	dev->llq.header_location = ENA_LLQ_HEADER_INLINE;
	dev->llq.descs_before_header = (uint16_t)dbh;
	dev->llq.single_desc_per_entry = single;
	dev->llq.desc_stride_ctrl = single ? ENA_LLQ_STRIDE_SINGLE_DESC
					   : ENA_LLQ_STRIDE_MULTI_DESC;
	if (!tq_open(&t, &t.rx[0], false, false, DEPTH) ||
		!tq_open(&t, &t.tx[0], true, true, DEPTH)) {
		ENA_CHECK(false, "LLQ queues created (entry %u)", entry);
		tdev_close(&t);
		return;
	}
	pkt = rte_malloc(NULL, 4096, 64);
	hdr = entry - dbh * 16;
	if (hdr > 96)
		hdr = 96;
	/* 150 packets wrap the 64-line ring twice: phases flip. */
	for (i = 0; i < 150; i++) {
		unsigned int nb = 1 + i % 5;

		len = frame_build(pkt, 200 + i * 7, i & 1, !(i & 2), i, i + 1,
			(uint16_t)i, 9);
		frame_csum(pkt, i & 1, !(i & 2));
		memset(&r, 0, sizeof(r));
		r.req_id = (uint16_t)(i % DEPTH);
		r.meta = (i % 3) == 0;
		r.l3_off = 14;
		r.hdr = pkt;
		r.hdr_len = (uint16_t)hdr;
		for (k = 0; k < nb; k++) {
			uint32_t start = hdr + (len - hdr) * k / nb;
			uint32_t end = hdr + (len - hdr) * (k + 1) / nb;

			b[k].addr = pkt + start;
			b[k].len = (uint16_t)(end - start);
		}
		tx_llq(&t, &t.tx[0], &r, b, nb);
		step(dev);
		if (tx_comp(&t.tx[0]) != (int)(i % DEPTH) ||
			rx_pkt(&t.rx[0], out, &st, NULL, NULL) != len ||
			!same(out, pkt, len)) {
			ENA_CHECK(false,
				"LLQ entry %u dbh %u%s: packet %u (%u bufs) not looped back intact",
				entry, dbh, single ? " single" : "", i, nb);
			break;
		}
		rx_post(&t, &t.rx[0], 1, BUF_SZ);
	}
	ENA_CHECK_EQ("LLQ packets looped", 150, i);
	/* Header-only packet: everything pushed, one empty descriptor. */
	len = frame_build(pkt, 64, false, false, 1, 2, 3, 4);
	memset(&r, 0, sizeof(r));
	r.req_id = 7;
	r.hdr = pkt;
	r.hdr_len = (uint16_t)len;
	tx_llq(&t, &t.tx[0], &r, NULL, 0);
	step(dev);
	ENA_CHECK_EQ("header-only completion", 7, tx_comp(&t.tx[0]));
	ENA_CHECK_EQ("header-only length", len,
		rx_pkt(&t.rx[0], out, &st, NULL, NULL));
	ENA_CHECK(same(out, pkt, len), "header-only bytes");
	rte_free(pkt);
	tdev_close(&t);
}

static void
test_llq(void)
{
	test_llq_one(128, 2, false);
	test_llq_one(256, 2, false);
	test_llq_one(128, 1, true);
	test_llq_one(128, 4, false);
}

static void
rss_set(struct ena_emu_dev *dev, const uint8_t *key, unsigned int nq,
	const struct tq *rx)
{
	unsigned int i;

	for (i = 0; i < ENA_EMU_RSS_KEY_LEN; i++)
		dev->rss.key[i] = key[ENA_EMU_RSS_KEY_LEN - 1 - i];
	dev->rss.ind_log_size = 7;
	for (i = 0; i < 128; i++)
		dev->rss.ind[i] = rx[(i * 5 + 1) % nq].cq_idx;
}

static void
test_rss(void)
{
	/* clang-format off */
	static const uint8_t key[ENA_EMU_RSS_KEY_LEN] = {
		0x2c, 0xc6, 0x81, 0xd1, 0x5b, 0xdb, 0xf4, 0xf7,
		0xfc, 0xa2, 0x83, 0x19, 0xdb, 0x1a, 0x3e, 0x94,
		0x6b, 0x9e, 0x38, 0xd9, 0x2c, 0x9c, 0x03, 0xd1,
		0xad, 0x99, 0x44, 0xa7, 0xd9, 0x56, 0x3d, 0x59,
		0x06, 0x3c, 0x25, 0xf3, 0xfc, 0x1f, 0xdc, 0x2a,
	};
	/* clang-format on */
	uint8_t *pkt, out[BUF_SZ], in[12];
	unsigned int i, q, hits[4] = { 0 }, right = 0, hash_ok = 0;
	uint32_t tuple[3], len, hash, want;
	struct txbuf b;
	struct txreq r;
	struct tdev t;

	/* Known-answer: the Microsoft RSS verification suite's first row. */
	{
		/* clang-format off */
		static const uint8_t ms_key[40] = {
			0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2,
			0x41, 0x67, 0x25, 0x3d, 0x43, 0xa3, 0x8f, 0xb0,
			0xd0, 0xca, 0x2b, 0xcb, 0xae, 0x7b, 0x30, 0xb4,
			0x77, 0xcb, 0x2d, 0xa3, 0x80, 0x30, 0xf2, 0x0c,
			0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa,
		};
		/* clang-format on */
		/* 66.9.149.187:2794 -> 161.142.100.80:1766 */
		const uint8_t v[12] = { 66, 9, 149, 187, 161, 142, 100, 80,
			0x0a, 0xea, 0x06, 0xe6 };

		ENA_CHECK_EQ("Toeplitz known answer (4-tuple)", 0x51ccc178,
			ena_emu_rss_toeplitz(ms_key, 40, v, 12));
		ENA_CHECK_EQ("Toeplitz known answer (2-tuple)", 0x323e8fc2,
			ena_emu_rss_toeplitz(ms_key, 40, v, 8));
	}
	if (!tdev_open(&t, "emuio_rss", "queues=4,ring_size=256", 4, false)) {
		ENA_CHECK(false, "4-queue device set up");
		tdev_close(&t);
		return;
	}
	/* The device's reset defaults: Toeplitz, 4-tuple for TCP/UDPv4. */
	ENA_CHECK_EQ("default hash function", ENA_RSS_FUNC_TOEPLITZ,
		t.dev->rss.func);
	rss_set(t.dev, key, 4, t.rx);
	pkt = rte_malloc(NULL, 2048, 64);
	for (i = 0; i < 200; i++) {
		uint32_t sa = 0x0a000000 + i * 2654435761u % 65521;
		uint32_t da = 0xc0a80000 + i * 40503u % 4099;
		uint16_t sp = (uint16_t)(1024 + i * 31),
			 dp = (uint16_t)(80 + i);

		len = frame_build(pkt, 128, false, i & 1, sa, da, sp, dp);
		frame_csum(pkt, false, i & 1);
		memset(&r, 0, sizeof(r));
		r.req_id = (uint16_t)(i % DEPTH);
		b.addr = pkt;
		b.len = (uint16_t)len;
		tx_host(&t, &t.tx[0], &r, &b, 1);
		step(t.dev);
		tx_comp(&t.tx[0]);
		tuple[0] = sa;
		tuple[1] = da;
		tuple[2] = (uint32_t)sp << 16 | dp;
		want = rte_softrss(tuple, 3, key);
		q = t.dev->rss.ind[want & 127] == t.rx[0].cq_idx       ? 0
			: t.dev->rss.ind[want & 127] == t.rx[1].cq_idx ? 1
			: t.dev->rss.ind[want & 127] == t.rx[2].cq_idx ? 2
								       : 3;
		if (rx_pkt(&t.rx[q], out, NULL, &hash, NULL) == len) {
			right++;
			hits[q]++;
			if (hash == want)
				hash_ok++;
		}
		rx_post(&t, &t.rx[q], 1, BUF_SZ);
	}
	ENA_CHECK_EQ("packets on the queue the table names", 200, right);
	ENA_CHECK_EQ("Rx hash equals rte_softrss()", 200, hash_ok);
	ENA_CHECK(hits[0] > 20 && hits[1] > 20 && hits[2] > 20 && hits[3] > 20,
		"spread over 4 queues: %u %u %u %u", hits[0], hits[1], hits[2],
		hits[3]);

	/* L3-only fields for UDPv4: hash of the addresses alone. */
	t.dev->rss.fields[ENA_RSS_PROTO_UDP4] = ENA_RSS_FIELD_L3_SA |
		ENA_RSS_FIELD_L3_DA;
	len = frame_build(
		pkt, 100, false, false, 0x01020304, 0x05060708, 11, 12);
	tuple[0] = 0x01020304;
	tuple[1] = 0x05060708;
	ENA_CHECK_EQ("UDPv4 2-tuple hash", rte_softrss(tuple, 2, key),
		ena_emu_rss_frame_hash(t.dev, pkt, len));
	/* CRC32 function with its initial value. */
	t.dev->rss.func = ENA_RSS_FUNC_CRC32;
	t.dev->rss.init_val = 0x12345678;
	memcpy(in, pkt + 26, 8);
	ENA_CHECK_EQ("CRC32 hash", rte_hash_crc(in, 8, 0x12345678),
		ena_emu_rss_frame_hash(t.dev, pkt, len));
	rte_free(pkt);
	tdev_close(&t);
}

static void
test_drops(void)
{
	struct ena_emu_io_counters c;
	struct ena_emu_counters pc;
	uint8_t *pkt, out[BUF_SZ];
	struct txbuf b;
	struct txreq r;
	struct tdev t;
	uint32_t len;
	unsigned int i;
	int id;

	if (!tdev_open(&t, "emuio_drop", "queues=2,ring_size=256", 1, false)) {
		ENA_CHECK(false, "device set up");
		tdev_close(&t);
		return;
	}
	pkt = rte_malloc(NULL, 4096, 64);
	/* Fill all 63 buffers, then 5 more have nowhere to go. */
	for (i = 0; i < 68; i++) {
		len = frame_build(pkt, 100, false, false, 1, 2, 3, 4);
		memset(&r, 0, sizeof(r));
		r.req_id = (uint16_t)(i % DEPTH);
		b.addr = pkt;
		b.len = (uint16_t)len;
		tx_host(&t, &t.tx[0], &r, &b, 1);
		step(t.dev);
		tx_comp(&t.tx[0]);
	}
	ena_emu_io_counters_get(t.dev, &c);
	ENA_CHECK_EQ("Rx delivered until buffers ran out", 63, c.rx_pkts);
	ENA_CHECK_EQ("no-buffer drops", 5, c.rx_drop_no_buf);
	for (i = 0; i < 63; i++)
		rx_pkt(&t.rx[0], out, NULL, NULL, NULL);
	rx_post(&t, &t.rx[0], 8, BUF_SZ);
	/* 1600 bytes with MTU 1500. */
	len = frame_build(pkt, 1600, false, false, 1, 2, 3, 4);
	b.len = (uint16_t)len;
	tx_host(&t, &t.tx[0], &r, &b, 1);
	step(t.dev);
	tx_comp(&t.tx[0]);
	ena_emu_io_counters_get(t.dev, &c);
	ENA_CHECK_EQ("too-big drop", 1, c.rx_drop_too_big);
	/* Table pointing at an Rx queue that does not exist. */
	t.dev->rss.ind_log_size = 1;
	t.dev->rss.ind[0] = 1;
	t.dev->rss.ind[1] = 1;
	len = frame_build(pkt, 100, false, false, 1, 2, 3, 4);
	b.len = (uint16_t)len;
	tx_host(&t, &t.tx[0], &r, &b, 1);
	step(t.dev);
	tx_comp(&t.tx[0]);
	ena_emu_io_counters_get(t.dev, &c);
	ENA_CHECK_EQ("no-queue drop", 1, c.rx_drop_no_queue);
	ENA_CHECK_EQ("frame runt rejected", -EINVAL,
		ena_emu_io_rx_frame(t.dev, pkt, 10));
	ena_emu_counters_get(t.dev, &pc);
	ENA_CHECK_EQ("core counters: rx drops", 5 + 1 + 1 + 1, pc.rx_drops);
	ENA_CHECK_EQ("core counters: tx packets", 70, pc.tx_pkts);
	t.dev->rss.ind_log_size = 0;

	/* Faults: bad req_id, completions stopped, reordering. */
	ena_emu_fault_set(t.dev, ENA_EMU_FAULT_TX_BAD_REQ_ID, 1);
	r.req_id = 4;
	tx_host(&t, &t.tx[0], &r, &b, 1);
	step(t.dev);
	ENA_CHECK_EQ("bad req_id injected", DEPTH, tx_comp(&t.tx[0]));
	rx_pkt(&t.rx[0], out, NULL, NULL, NULL);
	ena_emu_fault_set(t.dev, ENA_EMU_FAULT_TX_COMP_STOP, 1);
	tx_host(&t, &t.tx[0], &r, &b, 1);
	step(t.dev);
	ENA_CHECK_EQ("no completion while stopped", -1, tx_comp(&t.tx[0]));
	ENA_CHECK(rx_pkt(&t.rx[0], out, NULL, NULL, NULL) == len,
		"packet still sent while completions stopped");
	ena_emu_fault_set(t.dev, ENA_EMU_FAULT_TX_COMP_STOP, 0);
	ena_emu_io_tx_reorder_set(t.dev, 1);
	for (i = 0; i < 3; i++) {
		r.req_id = (uint16_t)(20 + i);
		tx_host(&t, &t.tx[0], &r, &b, 1);
	}
	step(t.dev);
	id = tx_comp(&t.tx[0]);
	ENA_CHECK_EQ("reordered: last first", 22, id);
	ENA_CHECK_EQ("reordered: then middle", 21, tx_comp(&t.tx[0]));
	ENA_CHECK_EQ("reordered: first last", 20, tx_comp(&t.tx[0]));
	ena_emu_io_tx_reorder_set(t.dev, 0);
	ena_emu_fault_set(t.dev, ENA_EMU_FAULT_RX_BAD_REQ_ID, 1);
	rx_post(&t, &t.rx[0], 4, BUF_SZ);
	ENA_CHECK_EQ("frame injected", 0, ena_emu_io_rx_frame(t.dev, pkt, len));
	{
		struct ena_rx_cdesc *cd;

		for (i = 0; i < 3; i++)
			rx_pkt(&t.rx[0], out, NULL, NULL, NULL);
		cd = rx_comp(&t.rx[0]);
		ENA_CHECK(cd != NULL && cd->req_id == DEPTH,
			"Rx bad req_id injected (%d)", cd ? cd->req_id : -1);
	}
	rte_free(pkt);
	tdev_close(&t);
}

static void
test_wires(void)
{
	struct tdev a, b2;
	struct ena_emu_io_counters c;
	uint8_t *pkt, out[BUF_SZ];
	char path_out[64], args[160];
	struct txbuf b;
	struct txreq r;
	uint32_t len;
	unsigned int i, got;

	/* Pair: a's Tx lands on b's Rx and the other way round. */
	if (!tdev_open(&a, "emuio_pa",
		    "queues=1,ring_size=256,wire=peer:emuio_pb", 1, false) ||
		!tdev_open(&b2, "emuio_pb",
			"queues=1,ring_size=256,wire=peer:emuio_pa", 1,
			false)) {
		ENA_CHECK(false, "peer devices set up");
		tdev_close(&a);
		tdev_close(&b2);
		return;
	}
	pkt = rte_malloc(NULL, 2048, 64);
	len = frame_build(pkt, 300, false, false, 1, 2, 3, 4);
	memset(&r, 0, sizeof(r));
	b.addr = pkt;
	b.len = (uint16_t)len;
	tx_host(&a, &a.tx[0], &r, &b, 1);
	step(a.dev);
	ENA_CHECK_EQ("peer Tx completion", 0, tx_comp(&a.tx[0]));
	ENA_CHECK_EQ("nothing looped back on a", 0,
		rx_pkt(&a.rx[0], out, NULL, NULL, NULL));
	ENA_CHECK_EQ("peer b received", len,
		rx_pkt(&b2.rx[0], out, NULL, NULL, NULL));
	tx_host(&b2, &b2.tx[0], &r, &b, 1);
	step(b2.dev);
	ENA_CHECK_EQ("peer a received", len,
		rx_pkt(&a.rx[0], out, NULL, NULL, NULL));
	tdev_close(&b2);
	tx_host(&a, &a.tx[0], &r, &b, 1);
	step(a.dev);
	ena_emu_io_counters_get(a.dev, &c);
	ENA_CHECK_EQ("Tx to a vanished peer is a counted drop", 1,
		c.tx_drop_no_peer);
	tdev_close(&a);

	/* gen: frames arrive as fast as buffers are posted. */
	if (tdev_open(&a, "emuio_gen", "queues=2,ring_size=256,wire=gen:128:64",
		    2, false)) {
		step(a.dev);
		got = 0;
		for (i = 0; i < 2; i++)
			while (rx_pkt(&a.rx[i], out, NULL, NULL, NULL) == 128)
				got++;
		ENA_CHECK_EQ(
			"gen filled every posted buffer", 2 * (DEPTH - 1), got);
		ena_emu_io_counters_get(a.dev, &c);
		ENA_CHECK_EQ("gen counted no drops", 0, c.rx_drop_no_buf);
	} else {
		ENA_CHECK(false, "gen device set up");
	}
	tdev_close(&a);

	/* pcap: record Tx, then replay that file into another device. */
	snprintf(path_out, sizeof(path_out), "/tmp/emuio_%d.pcap", getpid());
	snprintf(args, sizeof(args), "queues=1,ring_size=256,wire=pcap:;%s",
		path_out);
	if (tdev_open(&a, "emuio_pcw", args, 1, false)) {
		for (i = 0; i < 10; i++) {
			/* Distinct buffers: all ten are queued before a poll. */
			len = frame_build(pkt + i * 128, 100 + i, false, false,
				i, 2, 3, 4);
			r.req_id = (uint16_t)i;
			b.addr = pkt + i * 128;
			b.len = (uint16_t)len;
			tx_host(&a, &a.tx[0], &r, &b, 1);
		}
		step(a.dev);
		ena_emu_io_counters_get(a.dev, &c);
		ENA_CHECK_EQ("pcap frames written", 10, c.pcap_written);
	} else {
		ENA_CHECK(false, "pcap writer set up");
	}
	tdev_close(&a);
	snprintf(args, sizeof(args), "queues=1,ring_size=256,wire=pcap:%s;;0",
		path_out);
	if (tdev_open(&a, "emuio_pcr", args, 1, false)) {
		step(a.dev);
		for (i = 0, got = 0; i < 10; i++) {
			len = rx_pkt(&a.rx[0], out, NULL, NULL, NULL);
			frame_build(pkt, 100 + i, false, false, i, 2, 3, 4);
			if (len == 100 + i && same(out, pkt, len))
				got++;
		}
		ENA_CHECK_EQ("pcap replayed frames intact", 10, got);
	} else {
		ENA_CHECK(false, "pcap reader set up");
	}
	tdev_close(&a);
	unlink(path_out);
	ENA_CHECK(ena_emu_dev_create("emuio_bad", "wire=bogus") == NULL,
		"unknown wire rejected");
	ENA_CHECK(ena_emu_dev_create("emuio_bad2", "wire=gen:5") == NULL,
		"gen size below headers rejected");
	rte_free(pkt);
}

/* Each malformed submission is a device error, never a crash. */
static void
test_bad_tx(void)
{
	struct ena_emu_io_counters c;
	struct ena_tx_desc *ring;
	uint8_t *pkt;
	struct txbuf b;
	struct txreq r;
	struct tdev t;
	unsigned int k;

	pkt = rte_malloc(NULL, 256, 64);
	frame_build(pkt, 100, false, false, 1, 2, 3, 4);
	for (k = 0; k < 4; k++) {
		if (!tdev_open(&t, "emuio_bad", "queues=1,ring_size=256", 1,
			    false)) {
			ENA_CHECK(false, "device set up");
			tdev_close(&t);
			break;
		}
		memset(&r, 0, sizeof(r));
		b.addr = pkt;
		b.len = 100;
		ring = (struct ena_tx_desc *)t.tx[0].ring;
		switch (k) {
		case 0: /* buffer outside DPDK memory */
			b.addr = (void *)(uintptr_t)0x1000;
			tx_host(&t, &t.tx[0], &r, &b, 1);
			break;
		case 1: /* stale phase bit */
			tx_host(&t, &t.tx[0], &r, &b, 1);
			ring[0].len_ctrl ^= ENA_TX_DESC_PHASE_MASK;
			break;
		case 2: /* doorbell further than the ring depth */
			db_write(t.dev, t.tx[0].db_off, DEPTH + 5);
			break;
		case 3: /* chain without a LAST descriptor, doorbell past it */
			tx_host(&t, &t.tx[0], &r, &b, 1);
			for (unsigned int i = 0; i < 40; i++) {
				buf_fill(&ring[i], &t.tx[0], (uint16_t)i, &r,
					&b, i == 0, false);
				ring[i].len_ctrl &= ~ENA_TX_DESC_LAST_MASK;
			}
			t.tx[0].tail = 40;
			db_write(t.dev, t.tx[0].db_off, 40);
			break;
		}
		step(t.dev);
		ena_emu_io_counters_get(t.dev, &c);
		ENA_CHECK(t.dev->fatal, "case %u: device error raised", k);
		ENA_CHECK_EQ("nothing sent", 0, c.tx_pkts);
		ENA_CHECK_EQ("no completion", -1, tx_comp(&t.tx[0]));
		if (k == 0)
			ENA_CHECK_EQ("DMA drop counted", 1, c.tx_drop_dma);
		/* Reset brings the device back; queues are gone. */
		ena_emu_io_reset(t.dev);
		t.dev->fatal = false;
		ENA_CHECK_EQ("Tx SQ gone after reset",
			ENA_AQ_STATUS_ILLEGAL_PARAMETER,
			sq_destroy(t.dev, ENA_SQ_DIR_TX, t.tx[0].sq_idx));
		tdev_close(&t);
	}
	rte_free(pkt);
}

static void
test_emu_io(void)
{
	test_admin();
	test_loopback_host();
	test_rx_multibuf();
	test_csum();
	test_llq();
	test_rss();
	test_drops();
	test_wires();
	test_bad_tx();
}

ENA_TEST_SUITE(emu_io,
	"emulated device IO path: queues, Tx/Rx, LLQ, csum, RSS, wires",
	test_emu_io);

/*
 * Device-side cost of the IO path: loopback of 64-byte frames through
 * one Tx and one Rx queue, driver work done by this thread too.
 * Options: bench_pkts=N (default 2000000), bench_len=N (default 64),
 * bench_llq=0|1.
 */
static void
bench_emu_io(void)
{
	uint64_t npkts = ena_test_opt_u64("bench_pkts", 2000000);
	uint32_t flen = (uint32_t)ena_test_opt_u64("bench_len", 64);
	bool llq = ena_test_opt_u64("bench_llq", 0) != 0;
	uint8_t *pkt, *out;
	struct txbuf b;
	struct txreq r;
	struct tdev t;
	uint64_t sent = 0, got = 0, t0, t1;
	unsigned int i, burst = 32;
	uint32_t hdr;

	memset(&t, 0, sizeof(t));
	t.dev = dev_new("emuio_bench", "queues=1,llq=1,ring_size=1024");
	if (t.dev == NULL || flen < 60 || flen > BUF_SZ) {
		ena_test_skip("bench device or bench_len=%u", flen);
		tdev_close(&t);
		return;
	}
	t.dev->llq.enabled = true;
	t.dev->llq.entry_size = 128;
	t.dev->llq.header_inline = true;
	t.dev->llq.descs_before_header = 2;
	if (!tq_open(&t, &t.rx[0], false, false, 1024) ||
		!tq_open(&t, &t.tx[0], true, llq, 1024)) {
		ena_test_skip("bench queues");
		tdev_close(&t);
		return;
	}
	pkt = rte_malloc(NULL, BUF_SZ, 64);
	out = malloc(BUF_SZ);
	frame_build(pkt, flen, false, false, 1, 2, 3, 4);
	frame_csum(pkt, false, false);
	hdr = RTE_MIN(flen, 96u);
	t0 = rte_get_timer_cycles();
	while (got < npkts) {
		for (i = 0; i < burst; i++) {
			memset(&r, 0, sizeof(r));
			r.req_id = (uint16_t)(sent++ & 1023);
			if (llq) {
				r.hdr = pkt;
				r.hdr_len = (uint16_t)hdr;
				b.addr = pkt + hdr;
				b.len = (uint16_t)(flen - hdr);
				tx_llq(&t, &t.tx[0], &r, &b, flen > hdr);
			} else {
				b.addr = pkt;
				b.len = (uint16_t)flen;
				tx_host(&t, &t.tx[0], &r, &b, 1);
			}
		}
		ena_emu_io_poll(t.dev);
		for (i = 0; i < burst; i++) {
			tx_comp(&t.tx[0]);
			if (rx_pkt(&t.rx[0], out, NULL, NULL, NULL) == flen)
				got++;
		}
		rx_post(&t, &t.rx[0], burst, BUF_SZ);
		if (sent - got > 4 * burst) {
			ENA_CHECK(false,
				"bench lost packets (%" PRIu64 " sent, %" PRIu64
				" received)",
				sent, got);
			break;
		}
	}
	t1 = rte_get_timer_cycles();
	printf("emu_io bench (%s, %u B): %" PRIu64
	       " pkts in %.3f s = %.2f Mpps, %.0f ns/pkt (device + test driver)\n",
		llq ? "LLQ" : "host", flen, got,
		(double)(t1 - t0) / rte_get_timer_hz(),
		got / ((double)(t1 - t0) / rte_get_timer_hz()) / 1e6,
		(double)(t1 - t0) * 1e9 / rte_get_timer_hz() / (got ? got : 1));
	ENA_CHECK(got >= npkts, "bench received all packets");
	free(out);
	rte_free(pkt);
	tdev_close(&t);
}

ENA_BENCH_SUITE(
	emu_io_bench, "emulated device IO path cost, loopback", bench_emu_io);

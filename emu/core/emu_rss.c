/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/*
 * Receive side scaling: hash input selection per flow type, Toeplitz and
 * CRC32 hashing, indirection to an Rx queue.
 */

#include <string.h>

#include "ena_defs.h"
#include "emu_io_priv.h"

/* Longest hash input: IPv6 addresses, ports (or two MACs). */
#define RSS_INPUT_MAX 36

uint32_t
ena_emu_rss_toeplitz(const uint8_t *key, unsigned int key_len,
	const uint8_t *data, unsigned int len)
{
	uint64_t win = 0;
	uint32_t h = 0;
	unsigned int i, b;

	/* win holds the 64 key bits starting at the current input bit. */
	for (i = 0; i < 8; i++)
		win = win << 8 | (i < key_len ? key[i] : 0);
	for (i = 0; i < len; i++) {
		for (b = 0; b < 8; b++) {
			if (data[i] & (0x80u >> b))
				h ^= (uint32_t)(win >> 32);
			win <<= 1;
		}
		win |= i + 8 < key_len ? key[i + 8] : 0;
	}
	return h;
}

/*
 * CRC32C (Castagnoli, reflected polynomial 0x82f63b78) without final
 * inversion, the register value the SSE4.2 crc32 instruction keeps: what
 * the device's CRC32 hash is defined as, and what DPDK's rte_hash_crc()
 * computes.
 */
uint32_t
ena_emu_rss_crc32(uint32_t init, const uint8_t *data, unsigned int len)
{
	static uint32_t tbl[256];
	static bool tbl_ready;
	uint32_t crc = init, c;
	unsigned int i, b;

	if (!__atomic_load_n(&tbl_ready, __ATOMIC_ACQUIRE)) {
		for (i = 0; i < 256; i++) {
			c = i;
			for (b = 0; b < 8; b++)
				c = (c >> 1) ^ (c & 1u ? 0x82f63b78u : 0);
			tbl[i] = c;
		}
		__atomic_store_n(&tbl_ready, true, __ATOMIC_RELEASE);
	}
	for (i = 0; i < len; i++)
		crc = (crc >> 8) ^ tbl[(crc ^ data[i]) & 0xffu];
	return crc;
}

/*
 * Per-key tables: tbl[i][v] is the Toeplitz contribution of byte value v at
 * input position i, so a hash is one lookup per input byte.
 */
static void
rss_tables_build(struct ena_emu_io *io, const uint8_t *dev_key)
{
	uint8_t key[ENA_EMU_RSS_KEY_LEN], one[RSS_INPUT_MAX];
	unsigned int i, v, b;
	uint32_t bit[8];

	for (i = 0; i < ENA_EMU_RSS_KEY_LEN; i++)
		key[i] = dev_key[ENA_EMU_RSS_KEY_LEN - 1 - i];
	memset(one, 0, sizeof(one));
	for (i = 0; i < RSS_INPUT_MAX; i++) {
		for (b = 0; b < 8; b++) {
			one[i] = (uint8_t)(0x80u >> b);
			bit[b] = ena_emu_rss_toeplitz(
				key, sizeof(key), one, i + 1);
		}
		one[i] = 0;
		for (v = 0; v < 256; v++) {
			uint32_t h = 0;

			for (b = 0; b < 8; b++)
				if (v & (0x80u >> b))
					h ^= bit[b];
			io->rss_tbl[i][v] = h;
		}
	}
	memcpy(io->rss_key_cached, dev_key, ENA_EMU_RSS_KEY_LEN);
	io->rss_tbl_valid = true;
}

static unsigned int
rss_flow_type(const struct ena_emu_pkt *p)
{
	if (p->l3 == ENA_L3_PROTO_IPV4) {
		if (p->frag)
			return ENA_RSS_PROTO_IP4_FRAG;
		if (p->l4 == ENA_L4_PROTO_TCP)
			return ENA_RSS_PROTO_TCP4;
		if (p->l4 == ENA_L4_PROTO_UDP)
			return ENA_RSS_PROTO_UDP4;
		return ENA_RSS_PROTO_IP4;
	}
	if (p->l3 == ENA_L3_PROTO_IPV6) {
		if (p->l4 == ENA_L4_PROTO_TCP)
			return p->ip6_ext ? ENA_RSS_PROTO_TCP6_EX
					  : ENA_RSS_PROTO_TCP6;
		if (p->l4 == ENA_L4_PROTO_UDP)
			return ENA_RSS_PROTO_UDP6;
		return p->ip6_ext ? ENA_RSS_PROTO_IP6_EX : ENA_RSS_PROTO_IP6;
	}
	return ENA_RSS_PROTO_NOT_IP;
}

/* Builds the hash input in Toeplitz order: sources before destinations. */
static unsigned int
rss_input(const uint8_t *f, const struct ena_emu_pkt *p, uint16_t fields,
	uint8_t *in)
{
	unsigned int n = 0, alen;
	const uint8_t *ip = f + p->l3_off;
	const uint8_t *sa, *da;

	if (p->l3 == ENA_L3_PROTO_UNKNOWN) {
		if (fields & ENA_RSS_FIELD_L2_SA) {
			memcpy(in + n, f + 6, 6);
			n += 6;
		}
		if (fields & ENA_RSS_FIELD_L2_DA) {
			memcpy(in + n, f, 6);
			n += 6;
		}
		return n;
	}
	if (p->l3 == ENA_L3_PROTO_IPV4) {
		sa = ip + 12;
		da = ip + 16;
		alen = 4;
	} else {
		sa = ip + 8;
		da = ip + 24;
		alen = 16;
	}
	if (fields & ENA_RSS_FIELD_L3_SA) {
		memcpy(in + n, sa, alen);
		n += alen;
	}
	if (fields & ENA_RSS_FIELD_L3_DA) {
		memcpy(in + n, da, alen);
		n += alen;
	}
	if (p->l4 == ENA_L4_PROTO_TCP || p->l4 == ENA_L4_PROTO_UDP) {
		if (fields & ENA_RSS_FIELD_L4_SP) {
			memcpy(in + n, f + p->l4_off, 2);
			n += 2;
		}
		if (fields & ENA_RSS_FIELD_L4_DP) {
			memcpy(in + n, f + p->l4_off + 2, 2);
			n += 2;
		}
	}
	return n;
}

uint32_t
ena_emu_rss_hash(
	struct ena_emu_io *io, const uint8_t *f, const struct ena_emu_pkt *p)
{
	const struct ena_emu_rss *rss = &io->dev->rss;
	uint8_t in[RSS_INPUT_MAX];
	unsigned int n, i;
	uint32_t h = 0;

	n = rss_input(f, p, rss->fields[rss_flow_type(p)], in);
	if (rss->func == ENA_RSS_FUNC_CRC32)
		return ena_emu_rss_crc32(rss->init_val, in, n);
	if (!io->rss_tbl_valid ||
		memcmp(io->rss_key_cached, rss->key, ENA_EMU_RSS_KEY_LEN) != 0)
		rss_tables_build(io, rss->key);
	for (i = 0; i < n; i++)
		h ^= io->rss_tbl[i][in[i]];
	return h;
}

uint32_t
ena_emu_rss_frame_hash(
	const struct ena_emu_dev *dev, const uint8_t *frame, uint32_t len)
{
	struct ena_emu_pkt p;

	ena_emu_pkt_parse(frame, len, &p);
	return ena_emu_rss_hash(dev->io, frame, &p);
}

struct ena_emu_sq *
ena_emu_rss_pick(struct ena_emu_io *io, uint32_t hash)
{
	const struct ena_emu_rss *rss = &io->dev->rss;
	struct ena_emu_cq *cq;
	unsigned int i, n, k;
	uint16_t cq_idx;

	if (rss->ind_log_size == 0) {
		/* Unconfigured table: spread over the Rx queues that exist. */
		if (io->rx_created == 0)
			return NULL;
		k = hash % io->rx_created;
		for (i = 0, n = 0; i < io->max_queues; i++) {
			if (!io->rx_sq[i].used)
				continue;
			if (n++ == k)
				return &io->rx_sq[i];
		}
		return NULL;
	}
	cq_idx = rss->ind[hash & ((1u << rss->ind_log_size) - 1)];
	if (cq_idx >= 2u * io->max_queues)
		return NULL;
	cq = &io->cq[cq_idx];
	if (!cq->used || cq->sq_idx < 0 || cq->sq_dir != ENA_SQ_DIR_RX)
		return NULL;
	return &io->rx_sq[cq->sq_idx];
}

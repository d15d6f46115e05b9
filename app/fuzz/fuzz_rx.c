/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/*
 * Fuzz target "rx": Rx completions, written by the harness into the Rx
 * CQ of a started port and received with rte_eth_rx_burst() (our PMD on
 * an emulated device, see fuzz_pmd.h).
 *
 * The harness plays the device: it reads the buffers the PMD posts (Rx SQ
 * descriptors up to the doorbell) and writes rounds of completions at its
 * CQ tail: healthy packets of one or more buffers, healthy ones with a
 * fuzzed field, or raw entries (phase right or fuzzed). Before each burst
 * it works out from the CQ memory and the posted buffers what a correct
 * driver must do, and checks the PMD did exactly that:
 *  - the packets delivered, each made of the posted buffers the
 *    completions name, with their lengths and offset, inside the buffer,
 *    mbufs well formed (rte_mbuf_check), none delivered twice;
 *  - a bad completion (req_id out of range or not posted, too many
 *    descriptors, a fragment longer than its buffer) delivers nothing
 *    from there on, counts one rx_q0_errors plus rx_q0_bad_req_id or
 *    rx_q0_bad_desc_num, and requests a reset with the matching reason;
 *  - a good input counts no error and requests no reset;
 *  - after the port stops every mbuf is back in its pool.
 * Every input runs on each Rx path the CPU has (scalar, SSE4.1, AVX2), the
 * port restarted under the SIMD width that picks it: each must do the same.
 */
#include <stdlib.h>
#include <string.h>

#include <rte_vect.h>
#ifdef RTE_ARCH_X86
#include <rte_cpuflags.h>
#endif

#include "fuzz_pmd.h"

#define RX_MAX_FRAGS 64
#define RX_HOLD_MAX  256

enum rx_err {
	RX_OK = 0,
	RX_BAD_REQ_ID,
	RX_BAD_DESC_NUM,
	RX_BAD_LEN, /* a fragment longer than its buffer */
};

struct rx_pred {
	uint16_t n;
	uint8_t off;
	uint16_t id[RX_MAX_FRAGS];
	uint16_t len[RX_MAX_FRAGS];
};

struct rx_model {
	struct ena_ring *r;
	uint8_t *cq;
	uint16_t esz;
	const struct ena_rx_desc *sq;
	volatile uint32_t *db;
	uint16_t depth, mask, limit;
	uint16_t sq_seen;
	uint16_t tail, head;
	uint8_t dev_phase, drv_phase;
	bool posted[FPMD_RING];
	bool claimed[FPMD_RING];
	uint32_t plen[FPMD_RING];
	uint32_t last_len[FPMD_RING];
	uint64_t paddr[FPMD_RING];
	uint16_t fifo[FPMD_RING];
	unsigned int fh, ft;
};

static struct rx_model M;
static struct rte_mbuf *held[RX_HOLD_MAX];
static unsigned int nheld;

static struct ena_rx_cdesc *
rx_cd(uint16_t i)
{
	return (struct ena_rx_cdesc *)(M.cq + (size_t)(i & M.mask) * M.esz);
}

/* New buffers the PMD posted: SQ descriptors up to its doorbell. */
static void
rx_read_sq(void)
{
	uint16_t t = (uint16_t)*M.db;

	while (M.sq_seen != t) {
		const struct ena_rx_desc *d = &M.sq[M.sq_seen & M.mask];
		uint16_t id = d->req_id;

		FUZZ_ASSERT(id < M.depth, "PMD posted req_id %u (depth %u)", id,
			M.depth);
		FUZZ_ASSERT(!M.posted[id],
			"PMD posted req_id %u while it was still posted", id);
		M.posted[id] = true;
		M.claimed[id] = false;
		M.plen[id] = d->length != 0 ? d->length : 65536;
		M.last_len[id] = d->length;
		M.paddr[id] = ena_rx_desc_addr_get(d);
		M.fifo[M.ft++ % FPMD_RING] = id;
		M.sq_seen++;
	}
}

/* Next posted buffer in SQ order no completion was written for. */
static int
rx_next_buf(void)
{
	while (M.fh != M.ft) {
		uint16_t id = M.fifo[M.fh++ % FPMD_RING];

		if (M.posted[id] && !M.claimed[id]) {
			M.claimed[id] = true;
			return id;
		}
	}
	return -1;
}

static void
rx_put(struct ena_rx_cdesc *v)
{
	struct ena_rx_cdesc *c = rx_cd(M.tail);
	uint32_t status = v->status;

	/* A device writes only to entries the driver is done with. */
	if ((uint16_t)(M.tail - M.head) >= M.depth)
		return;

	v->status = 0;
	memcpy(c, v, sizeof(*c));
	__atomic_store_n(&c->status, status, __ATOMIC_RELEASE);
	M.tail++;
	if ((M.tail & M.mask) == 0)
		M.dev_phase ^= 1;
}

static uint32_t
rx_phase_bits(uint32_t status, uint8_t phase)
{
	return (status & ~ENA_RX_CDESC_PHASE_MASK) |
		((uint32_t)phase << ENA_RX_CDESC_PHASE_SHIFT);
}

/* One packet from the fuzzer: healthy, patched or raw completions. */
static void
rx_write_packet(struct fz_in *in)
{
	struct ena_rx_cdesc v[RX_MAX_FRAGS];
	uint8_t mode = fz_u8(in);
	unsigned int n, i;
	uint32_t flags;
	int id;

	if ((mode & 3) >= 2) {
		memset(&v[0], 0, sizeof(v[0]));
		fz_bytes(in, &v[0], sizeof(v[0]));
		if ((mode & 3) == 2)
			v[0].status = rx_phase_bits(v[0].status, M.dev_phase);
		rx_put(&v[0]);
		return;
	}
	n = 1 + ((mode >> 2) & 3);
	if (mode & 0x40)
		n += fz_u8(in) % 24;
	flags = fz_u32(in) &
		(ENA_RX_CDESC_L3_PROTO_MASK | ENA_RX_CDESC_L4_PROTO_MASK |
			ENA_RX_CDESC_L3_CSUM_ERR_MASK |
			ENA_RX_CDESC_L4_CSUM_ERR_MASK |
			ENA_RX_CDESC_IPV4_FRAG_MASK |
			ENA_RX_CDESC_L4_CSUM_CHECKED_MASK);
	for (i = 0; i < n; i++) {
		id = rx_next_buf();
		if (id < 0)
			break;
		memset(&v[i], 0, sizeof(v[i]));
		v[i].req_id = (uint16_t)id;
		v[i].offset = i == 0 ? fz_u8(in) % 32 : 0;
		v[i].length = (uint16_t)(1 + fz_u16(in) % M.plen[id]);
		if (v[i].offset + v[i].length > M.plen[id])
			v[i].length = (uint16_t)(M.plen[id] - v[i].offset);
		v[i].hash = fz_u32(in);
		v[i].status = flags;
		if (i == 0)
			v[i].status |= ENA_RX_CDESC_FIRST_MASK;
	}
	n = i;
	if (n == 0)
		return;
	v[n - 1].status |= ENA_RX_CDESC_LAST_MASK;
	if (mode & 0x80) {
		/* One fuzzed field somewhere in the packet. */
		i = fz_u8(in) % n;
		fz_bytes(in, (uint8_t *)&v[i] + fz_u8(in) % 16, 1);
	}
	for (i = 0; i < n; i++) {
		v[i].status = rx_phase_bits(v[i].status, M.dev_phase);
		rx_put(&v[i]);
	}
}

/*
 * What a correct driver does with the CQ as it is: up to max packets,
 * then the first bad completion, if any, before an incomplete packet.
 */
static enum rx_err
rx_predict(struct rx_pred *pred, unsigned int max, unsigned int *npred)
{
	bool avail[FPMD_RING];
	uint16_t h = M.head, n, i, base, id;
	uint8_t ph = M.drv_phase, want;
	const struct ena_rx_cdesc *c;
	unsigned int p;

	memcpy(avail, M.posted, sizeof(avail));
	*npred = 0;
	for (p = 0; p < max; p++) {
		base = h & M.mask;
		for (n = 0;; n++) {
			c = rx_cd((uint16_t)(h + n));
			want = ph ^ (uint8_t)(base + n >= M.depth);
			if (((c->status & ENA_RX_CDESC_PHASE_MASK) >>
				    ENA_RX_CDESC_PHASE_SHIFT) != want)
				return RX_OK;
			if (n >= M.limit || n >= M.depth)
				return RX_BAD_DESC_NUM;
			if (c->status & ENA_RX_CDESC_LAST_MASK)
				break;
		}
		n++;
		for (i = 0; i < n; i++) {
			c = rx_cd((uint16_t)(h + i));
			id = c->req_id;
			if (id >= M.depth)
				return RX_BAD_REQ_ID;
			/*
			 * The length last posted with the id bounds the
			 * fragment, the first one's offset included; a 0
			 * (64 KiB) descriptor bounds nothing.
			 */
			if (M.last_len[id] != 0 &&
				(uint32_t)c->length + (i == 0 ? c->offset : 0) >
					M.last_len[id])
				return RX_BAD_LEN;
		}
		for (i = 0; i < n; i++) {
			c = rx_cd((uint16_t)(h + i));
			id = c->req_id;
			if (!avail[id])
				return RX_BAD_REQ_ID;
			avail[id] = false;
			pred[p].id[i] = id;
			pred[p].len[i] = c->length;
		}
		pred[p].n = n;
		pred[p].off = rx_cd(h)->offset;
		(*npred)++;
		if (base + n >= M.depth)
			ph ^= 1;
		h = (uint16_t)(h + n);
	}
	return RX_OK;
}

static void
rx_check_pkt(struct rte_mbuf *m, const struct rx_pred *p)
{
	const char *why = NULL;
	struct rte_mbuf *s = m;
	uint32_t sum = 0;
	unsigned int i, k;

	FUZZ_ASSERT(rte_mbuf_check(m, 1, &why) == 0, "bad mbuf: %s", why);
	FUZZ_ASSERT(m->nb_segs == p->n, "%u segments, expected %u", m->nb_segs,
		p->n);
	for (i = 0; i < p->n; i++, s = s->next) {
		FUZZ_ASSERT(
			s != NULL, "chain ends at segment %u of %u", i, p->n);
		FUZZ_ASSERT(s->pool == fpmd.rx_mp, "segment from another pool");
		FUZZ_ASSERT(
			s->buf_iova + RTE_PKTMBUF_HEADROOM == M.paddr[p->id[i]],
			"segment %u is not the buffer of req_id %u", i,
			p->id[i]);
		FUZZ_ASSERT(s->data_len == p->len[i],
			"segment %u: %u bytes, completion said %u", i,
			s->data_len, p->len[i]);
		FUZZ_ASSERT((uint32_t)s->data_off + s->data_len <= s->buf_len,
			"segment %u: data %u+%u beyond its %u B buffer", i,
			s->data_off, s->data_len, s->buf_len);
		if (i == 0)
			FUZZ_ASSERT(
				s->data_off == RTE_PKTMBUF_HEADROOM + p->off,
				"data offset %u, completion said %u",
				s->data_off, p->off);
		for (k = 0; k < nheld; k++)
			FUZZ_ASSERT(held[k] != s, "mbuf %p delivered twice",
				(void *)s);
		sum += s->data_len;
	}
	FUZZ_ASSERT(s == NULL, "chain longer than nb_segs");
	FUZZ_ASSERT(m->pkt_len == sum, "pkt_len %u, segments sum %u",
		m->pkt_len, sum);
}

static void
rx_release(struct rte_mbuf *m, bool hold)
{
	struct rte_mbuf *s;

	if (hold && nheld + m->nb_segs <= RX_HOLD_MAX) {
		for (s = m; s != NULL; s = s->next)
			held[nheld++] = s;
		return;
	}
	rte_pktmbuf_free(m);
}

static void
rx_free_held(void)
{
	unsigned int i;

	/* Segments were recorded one by one: free them as such. */
	for (i = 0; i < nheld; i++) {
		held[i]->next = NULL;
		held[i]->nb_segs = 1;
		rte_pktmbuf_free_seg(held[i]);
	}
	nheld = 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fpmd_setup("fuzz_rx", "");
	return 0;
}

static void
rx_input(const uint8_t *data, size_t size, uint16_t simd, const char *path)
{
	static struct rx_pred pred[32];
	struct rte_eth_burst_mode mode;
	struct rte_mbuf *pkts[32];
	struct fz_in in;
	uint64_t err0, bad_id0, bad_num0;
	unsigned int rounds = 0, npred, i, k, nb, want_n;
	enum rx_err err = RX_OK;
	uint32_t reason;
	uint8_t hdr;

	fz_init(&in, data, size);
	FUZZ_ASSERT(rte_vect_set_max_simd_bitwidth(simd) == 0,
		"SIMD width %u refused", simd);
	fpmd_start();
	FUZZ_ASSERT(rte_eth_rx_burst_mode_get(fpmd.port, 0, &mode) == 0 &&
			strstr(mode.info, path) != NULL,
		"Rx path \"%s\" at SIMD %u, want \"%s\"", mode.info, simd,
		path);
	memset(&M, 0, sizeof(M));
	M.r = fpmd.dev->data->rx_queues[0];
	M.cq = M.r->cq.ring;
	M.esz = M.r->cq.entry_size;
	M.sq = M.r->sq.ring;
	M.db = M.r->sq.db;
	M.depth = M.r->cq.depth;
	M.mask = (uint16_t)(M.depth - 1);
	M.limit = fpmd.rx_sgl;
	if (fpmd.ad->hw.max_rx_descs_per_pkt != 0 &&
		fpmd.ad->hw.max_rx_descs_per_pkt < M.limit)
		M.limit = fpmd.ad->hw.max_rx_descs_per_pkt;
	M.dev_phase = 1;
	M.drv_phase = 1;
	FUZZ_ASSERT(
		M.depth == FPMD_RING && M.esz >= sizeof(struct ena_rx_cdesc),
		"Rx CQ of %u entries of %u B", M.depth, M.esz);
	rx_read_sq();
	err0 = fpmd_xstat("rx_q0_errors");
	bad_id0 = fpmd_xstat("rx_q0_bad_req_id");
	bad_num0 = fpmd_xstat("rx_q0_bad_desc_num");

	while (fz_left(&in) > 0 && rounds++ < 32 && err == RX_OK) {
		hdr = fz_u8(&in);
		for (k = 0; k < (hdr & 15u); k++)
			rx_write_packet(&in);
		want_n = 1 + (fz_u8(&in) % 32);
		err = rx_predict(pred, want_n, &npred);
		nb = rte_eth_rx_burst(fpmd.port, 0, pkts, (uint16_t)want_n);
		FUZZ_ASSERT(nb == npred,
			"rx burst gave %u packets, expected %u", nb, npred);
		for (i = 0; i < nb; i++) {
			rx_check_pkt(pkts[i], &pred[i]);
			for (k = 0; k < pred[i].n; k++) {
				M.posted[pred[i].id[k]] = false;
				M.claimed[pred[i].id[k]] = false;
			}
			if ((M.head & M.mask) + pred[i].n >= M.depth)
				M.drv_phase ^= 1;
			M.head = (uint16_t)(M.head + pred[i].n);
			rx_release(pkts[i], (hdr & 0x80) != 0);
		}
		if (err == RX_OK) {
			FUZZ_ASSERT(!fpmd_reset_requested(NULL),
				"reset requested on good completions");
			rx_read_sq();
		}
	}

	if (err != RX_OK) {
		FUZZ_ASSERT(fpmd_reset_requested(&reason),
			"bad completion but no reset requested");
		FUZZ_ASSERT(reason ==
				(err == RX_BAD_DESC_NUM
						? ENA_RESET_REASON_TOO_MANY_RX_DESCS
						: err == RX_BAD_LEN
						? ENA_RESET_REASON_RX_DESC_MALFORMED
						: ENA_RESET_REASON_INV_RX_REQ_ID),
			"reset reason %u for error kind %d", reason, err);
		FUZZ_ASSERT(fpmd_xstat("rx_q0_errors") == err0 + 1,
			"rx_q0_errors %" PRIu64 " -> %" PRIu64, err0,
			fpmd_xstat("rx_q0_errors"));
		FUZZ_ASSERT(fpmd_xstat("rx_q0_bad_req_id") ==
				bad_id0 + (err == RX_BAD_REQ_ID),
			"rx_q0_bad_req_id not counted once");
		FUZZ_ASSERT(fpmd_xstat("rx_q0_bad_desc_num") ==
				bad_num0 + (err == RX_BAD_DESC_NUM),
			"rx_q0_bad_desc_num not counted once");
		nb = rte_eth_rx_burst(fpmd.port, 0, pkts, 32);
		FUZZ_ASSERT(nb == 0, "%u packets after a bad completion", nb);
	} else {
		FUZZ_ASSERT(fpmd_xstat("rx_q0_errors") == err0,
			"Rx errors counted on good completions");
	}
	rx_free_held();
	fpmd_stop();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	rx_input(data, size, RTE_VECT_SIMD_DISABLED, "Scalar");
#ifdef RTE_ARCH_X86
	if (rte_cpu_get_flag_enabled(RTE_CPUFLAG_SSE4_1) > 0)
		rx_input(data, size, RTE_VECT_SIMD_128, "Vector SSE4.1");
	if (rte_cpu_get_flag_enabled(RTE_CPUFLAG_AVX2) > 0)
		rx_input(data, size, RTE_VECT_SIMD_256, "Vector AVX2");
#endif
	return 0;
}

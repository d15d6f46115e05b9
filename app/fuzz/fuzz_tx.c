/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/*
 * Fuzz target "tx": Tx completions, written by the harness into the Tx CQ
 * of a started port and reaped with rte_eth_tx_done_cleanup() (our PMD on
 * an emulated device, see fuzz_pmd.h).
 *
 * Each round the harness sends a few packets with rte_eth_tx_burst(),
 * reads from the Tx SQ which req_id each one got (and checks the
 * descriptor points at the mbuf's data), then writes completions at its
 * CQ tail: for a packet in flight, for a req_id of the fuzzer's choice,
 * for one already completed, or raw entries. It works out from the CQ
 * what a correct driver reaps within the cleanup budget and checks:
 *  - the count returned, and that exactly those packets' mbufs went back
 *    to the pool (no leak, no double free, nothing still in flight lost);
 *  - a bad completion (req_id out of range or not in flight) counts one
 *    tx_q0_errors and one tx_q0_bad_req_id, requests a reset for an
 *    invalid Tx req_id, and nothing is reaped or counted after it, however
 *    often the application asks;
 *  - a good input counts no error and requests no reset;
 *  - after the port stops every mbuf is back in its pool.
 * The ring is kept from filling (tx_free_thresh 1, at most TX_INFLIGHT
 * packets in flight) so that the burst itself never reaps.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz_pmd.h"

#define TX_INFLIGHT 96

struct tx_model {
	struct ena_ring *r;
	struct ena_tx_cdesc *cq;
	const struct ena_tx_desc *sq;
	volatile uint32_t *db;
	uint16_t depth, mask;
	uint16_t sq_seen;
	uint16_t tail, head;
	uint8_t dev_phase, drv_phase;
	struct rte_mbuf *inflight[FPMD_RING];
	unsigned int ninflight;
	uint16_t done_id; /* a req_id completed before, for duplicates */
	bool have_done;
	struct rte_mbuf *sent[32];
	unsigned int nsent, sent_next;
};

static struct tx_model M;

/* req_ids of the packets just sent, in order, from the SQ. */
static void
tx_read_sq(void)
{
	uint16_t t = (uint16_t)*M.db, id;

	while (M.sq_seen != t) {
		const struct ena_tx_desc *d = &M.sq[M.sq_seen & M.mask];
		struct rte_mbuf *m;

		M.sq_seen++;
		if ((d->len_ctrl & ENA_TX_DESC_META_DESC_MASK) != 0 ||
			(d->len_ctrl & ENA_TX_DESC_COMP_REQ_MASK) == 0)
			continue;
		id = ena_tx_desc_req_id_get(d);
		FUZZ_ASSERT(M.sent_next < M.nsent,
			"descriptor for a packet that was not sent");
		m = M.sent[M.sent_next++];
		FUZZ_ASSERT(id < M.depth, "PMD gave req_id %u (depth %u)", id,
			M.depth);
		FUZZ_ASSERT(M.inflight[id] == NULL,
			"PMD reused req_id %u of a packet in flight", id);
		FUZZ_ASSERT(ena_tx_desc_addr_get(d) == rte_mbuf_data_iova(m) &&
				(d->len_ctrl & ENA_TX_DESC_LENGTH_MASK) ==
					m->data_len,
			"Tx descriptor of req_id %u does not describe its mbuf",
			id);
		M.inflight[id] = m;
		M.ninflight++;
	}
	FUZZ_ASSERT(M.sent_next == M.nsent, "%u packets sent, %u described",
		M.nsent, M.sent_next);
}

static void
tx_send(struct fz_in *in, unsigned int k)
{
	struct rte_mbuf *pkts[32];
	unsigned int i, sent;
	uint16_t len;
	char *p;

	if (k > 32)
		k = 32;
	if (M.ninflight + k > TX_INFLIGHT)
		k = TX_INFLIGHT - M.ninflight;
	for (i = 0; i < k; i++) {
		pkts[i] = rte_pktmbuf_alloc(fpmd.tx_mp);
		FUZZ_ASSERT(pkts[i] != NULL, "Tx pool empty");
		len = (uint16_t)(60 + fz_u8(in) * 4);
		p = rte_pktmbuf_append(pkts[i], len);
		FUZZ_ASSERT(p != NULL, "append %u", len);
		memset(p, 0xa5, len);
	}
	sent = rte_eth_tx_burst(fpmd.port, 0, pkts, (uint16_t)k);
	FUZZ_ASSERT(sent == k, "tx burst took %u of %u packets", sent, k);
	memcpy(M.sent, pkts, sizeof(pkts[0]) * sent);
	M.nsent = sent;
	M.sent_next = 0;
	tx_read_sq();
}

static void
tx_put(uint16_t req_id, int raw_phase)
{
	struct ena_tx_cdesc *c = &M.cq[M.tail & M.mask];
	uint8_t flags;

	/* A device writes only to entries the driver is done with. */
	if ((uint16_t)(M.tail - M.head) >= M.depth)
		return;
	flags = raw_phase >= 0 ? (uint8_t)raw_phase : M.dev_phase;
	c->req_id = req_id;
	c->status = 0;
	c->sub_qid = 0;
	c->sq_head = 0;
	__atomic_store_n(&c->flags, flags, __ATOMIC_RELEASE);
	M.tail++;
	if ((M.tail & M.mask) == 0)
		M.dev_phase ^= 1;
}

/* A completion for the i-th packet in flight (in req_id order). */
static uint16_t
tx_pick_inflight(unsigned int i)
{
	uint16_t id;

	for (id = 0; id < M.depth; id++)
		if (M.inflight[id] != NULL && i-- == 0)
			return id;
	return 0;
}

static void
tx_write(struct fz_in *in, unsigned int n)
{
	unsigned int k;
	uint8_t mode;

	for (k = 0; k < n; k++) {
		mode = fz_u8(in);
		switch (mode & 3) {
		case 0:
			if (M.ninflight == 0)
				continue;
			tx_put(tx_pick_inflight(fz_u8(in) % M.ninflight), -1);
			break;
		case 1:
			tx_put(fz_u16(in), -1);
			break;
		case 2:
			if (!M.have_done)
				continue;
			tx_put(M.done_id, -1);
			break;
		default:
			tx_put(fz_u16(in), (mode >> 2) & 1);
			break;
		}
	}
}

/* Completions a correct driver reaps with this budget; -1 on a bad one. */
static int
tx_predict(unsigned int budget, unsigned int *good)
{
	bool gone[FPMD_RING];
	uint16_t h = M.head, id;
	uint8_t ph = M.drv_phase;
	const struct ena_tx_cdesc *c;

	memset(gone, 0, sizeof(gone));
	*good = 0;
	while (*good < budget) {
		c = &M.cq[h & M.mask];
		if ((c->flags & ENA_TX_CDESC_PHASE_MASK) != ph)
			return 0;
		id = c->req_id;
		if (id >= M.depth || M.inflight[id] == NULL || gone[id])
			return -1;
		gone[id] = true;
		(*good)++;
		h++;
		if ((h & M.mask) == 0)
			ph ^= 1;
	}
	return 0;
}

static void
tx_apply(unsigned int good)
{
	uint16_t id;

	while (good-- > 0) {
		id = M.cq[M.head & M.mask].req_id;
		M.inflight[id] = NULL;
		M.ninflight--;
		M.done_id = id;
		M.have_done = true;
		M.head++;
		if ((M.head & M.mask) == 0)
			M.drv_phase ^= 1;
	}
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fpmd_setup("fuzz_tx", "");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz_in in;
	uint64_t err0, bad0;
	unsigned int rounds = 0, budget, good, avail;
	int bad = 0, rc;
	uint32_t reason;
	uint8_t hdr;

	fz_init(&in, data, size);
	fpmd_start();
	memset(&M, 0, sizeof(M));
	M.r = fpmd.dev->data->tx_queues[0];
	M.cq = M.r->cq.ring;
	M.sq = M.r->sq.ring;
	M.db = M.r->sq.db;
	M.depth = M.r->cq.depth;
	M.mask = (uint16_t)(M.depth - 1);
	M.dev_phase = 1;
	M.drv_phase = 1;
	FUZZ_ASSERT(M.depth == FPMD_RING && M.sq != NULL &&
			M.r->cq.entry_size == sizeof(struct ena_tx_cdesc),
		"Tx queue of %u entries, host ring %p", M.depth, (void *)M.sq);
	err0 = fpmd_xstat("tx_q0_errors");
	bad0 = fpmd_xstat("tx_q0_bad_req_id");

	while (fz_left(&in) > 0 && rounds++ < 32 && bad == 0) {
		hdr = fz_u8(&in);
		tx_send(&in, hdr & 31u);
		tx_write(&in, fz_u8(&in) % 40);
		budget = fz_u8(&in) % 48;
		bad = tx_predict(budget == 0 ? M.depth : budget, &good);
		rc = rte_eth_tx_done_cleanup(fpmd.port, 0, budget);
		FUZZ_ASSERT(rc == (int)good,
			"tx done cleanup reaped %d, expected %u", rc, good);
		tx_apply(good);
		avail = rte_mempool_avail_count(fpmd.tx_mp);
		FUZZ_ASSERT(avail == FPMD_NB_MBUF - M.ninflight,
			"Tx pool has %u mbufs with %u in flight (of %u)", avail,
			M.ninflight, FPMD_NB_MBUF);
		if (bad == 0)
			FUZZ_ASSERT(!fpmd_reset_requested(NULL) &&
					fpmd_xstat("tx_q0_errors") == err0,
				"error or reset on good completions");
	}

	if (bad != 0) {
		FUZZ_ASSERT(fpmd_reset_requested(&reason) &&
				reason == ENA_RESET_REASON_INV_TX_REQ_ID,
			"bad Tx completion: reset %d, reason %u",
			fpmd_reset_requested(NULL), reason);
		/* Asked again, the dead queue reaps and counts nothing. */
		rc = rte_eth_tx_done_cleanup(fpmd.port, 0, 0);
		FUZZ_ASSERT(rc == 0, "%d reaped after a bad completion", rc);
		FUZZ_ASSERT(fpmd_xstat("tx_q0_errors") == err0 + 1 &&
				fpmd_xstat("tx_q0_bad_req_id") == bad0 + 1,
			"bad Tx completion counted %" PRIu64 " errors, %" PRIu64
			" bad req_ids",
			fpmd_xstat("tx_q0_errors") - err0,
			fpmd_xstat("tx_q0_bad_req_id") - bad0);
		FUZZ_ASSERT(rte_eth_tx_burst(fpmd.port, 0, NULL, 0) == 0,
			"burst on a dead queue");
	}
	fpmd_stop();
	return 0;
}

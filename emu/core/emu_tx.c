/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/*
 * Tx path: walks a Tx SQ up to its doorbell, in host memory (regular) or
 * in the BAR2 LLQ window (entries holding descriptors and the pushed
 * header), assembles each frame, applies checksum offloads, hands it to
 * the wire and writes the completion.
 */

#include <errno.h>
#include <string.h>

#include "ena_defs.h"
#include "emu_io_priv.h"
#include "emu_net.h"

/* Walks descriptors of one packet; in LLQ mode entries are "lines". */
struct tx_cursor {
	struct ena_emu_sq *sq;
	uint16_t avail; /* entries the doorbell made visible */
	uint16_t used;	/* entries touched by this packet so far */
	uint8_t *line;	/* LLQ: current line */
	uint8_t *first_line;
	unsigned int slot;
	unsigned int slots;
};

static uint32_t
entry_phase(const struct ena_emu_sq *sq, uint16_t pos)
{
	return ((uint32_t)(pos >> sq->depth_log2) & 1u) ^ 1u;
}

/* Returns the next descriptor and its position, NULL past the doorbell. */
static const struct ena_tx_desc *
cursor_next(struct tx_cursor *c, uint16_t *pos)
{
	struct ena_emu_sq *sq = c->sq;

	if (!sq->llq) {
		if (c->used == c->avail)
			return NULL;
		*pos = (uint16_t)(sq->head + c->used++);
		return (const struct ena_tx_desc *)sq->ring + (*pos & sq->mask);
	}
	while (c->line == NULL || c->slot == c->slots) {
		if (c->used == c->avail)
			return NULL;
		*pos = (uint16_t)(sq->head + c->used);
		c->line = sq->llq_base +
			(size_t)(*pos & sq->mask) * sq->llq_entry;
		c->slot = 0;
		c->slots = c->used == 0 ? sq->llq_dbh : sq->llq_line_descs;
		if (c->used == 0)
			c->first_line = c->line;
		c->used++;
	}
	*pos = (uint16_t)(sq->head + c->used - 1);
	return (const struct ena_tx_desc *)c->line + c->slot++;
}

struct tx_pkt {
	uint32_t len;
	uint16_t req_id;
	bool comp;
	bool too_big;
	uint32_t meta_ctrl;
};

/*
 * Assembles one packet. Returns the entries it used, 0 when the doorbell
 * does not cover a whole packet yet, -EIO on a malformed chain (device
 * error raised).
 */
static int
tx_fetch(struct ena_emu_dev *dev, struct ena_emu_sq *sq, uint16_t avail,
	struct tx_pkt *pk)
{
	struct ena_emu_io *io = dev->io;
	struct tx_cursor c = { .sq = sq, .avail = avail };
	const struct ena_tx_desc *dp;
	struct ena_tx_desc d;
	unsigned int ndesc = 0, hlen;
	bool seen_buf = false;
	uint16_t pos = 0;
	uint32_t blen;
	void *src;

	memset(pk, 0, sizeof(*pk));
	for (;;) {
		dp = cursor_next(&c, &pos);
		if (dp == NULL)
			return 0;
		memcpy(&d, dp, sizeof(d));
		if (ENA_FIELD_GET(d.len_ctrl, ENA_TX_DESC_PHASE) !=
			entry_phase(sq, pos)) {
			ena_emu_dev_error(dev,
				"Tx SQ %u entry %u: phase %u, expected %u",
				sq->idx, pos & sq->mask,
				ENA_FIELD_GET(d.len_ctrl, ENA_TX_DESC_PHASE),
				entry_phase(sq, pos));
			return -EIO;
		}
		if (++ndesc > ENA_EMU_IO_TX_MAX_DESCS) {
			ena_emu_dev_error(dev,
				"Tx SQ %u: packet without LAST after %u descriptors",
				sq->idx, ENA_EMU_IO_TX_MAX_DESCS);
			return -EIO;
		}
		if (d.len_ctrl & ENA_TX_DESC_META_DESC_MASK) {
			if (seen_buf) {
				ena_emu_dev_error(dev,
					"Tx SQ %u: meta descriptor after a buffer",
					sq->idx);
				return -EIO;
			}
			if (d.len_ctrl & ENA_TX_META_EXT_VALID_MASK) {
				/* w2 of a meta descriptor */
				sq->meta_w2 = d.addr_lo;
				sq->meta_valid = true;
			}
			continue;
		}
		if (!seen_buf) {
			seen_buf = true;
			pk->req_id = ena_tx_desc_req_id_get(&d);
			pk->comp = (d.len_ctrl & ENA_TX_DESC_COMP_REQ_MASK) !=
				0;
			pk->meta_ctrl = d.meta_ctrl;
			hlen = ENA_FIELD_GET(
				d.addr_hi_hdr, ENA_TX_DESC_HDR_LEN);
			if (hlen != 0 && !sq->llq) {
				ena_emu_dev_error(dev,
					"Tx SQ %u: header length %u on a host-memory queue",
					sq->idx, hlen);
				return -EIO;
			}
			if (hlen != 0) {
				if (sq->llq_dbh * sizeof(d) + hlen >
					sq->llq_entry) {
					ena_emu_dev_error(dev,
						"Tx SQ %u: pushed header of %u bytes exceeds the %u-byte LLQ entry",
						sq->idx, hlen, sq->llq_entry);
					return -EIO;
				}
				memcpy(io->frame,
					c.first_line + sq->llq_dbh * sizeof(d),
					hlen);
				pk->len = hlen;
			}
		}
		blen = ENA_FIELD_GET(d.len_ctrl, ENA_TX_DESC_LENGTH);
		if (blen != 0 && pk->len + blen > ENA_EMU_IO_FRAME_MAX) {
			pk->too_big = true;
		} else if (blen != 0) {
			src = ena_emu_io_dma(
				dev, ena_tx_desc_addr_get(&d), blen);
			if (src == NULL) {
				io->c.tx_drop_dma++;
				return -EIO;
			}
			memcpy(io->frame + pk->len, src, blen);
			pk->len += blen;
		}
		if (d.len_ctrl & ENA_TX_DESC_LAST_MASK)
			break;
	}
	return c.used;
}

static uint32_t
tx_frame_limit(const struct ena_emu_dev *dev)
{
	/* Largest MTU the device accepts plus Ethernet header and 2 tags. */
	return dev->cfg.mtu_max + EMU_ETH_HDR_LEN + 8u;
}

static void
tx_send(struct ena_emu_dev *dev, struct tx_pkt *pk)
{
	struct ena_emu_io *io = dev->io;
	struct ena_emu_pkt p;
	bool l3, l4;

	if (pk->meta_ctrl & ENA_TX_DESC_TSO_EN_MASK) {
		io->c.tx_drop_tso++;
		dev->cnt.tx_drops++;
		return;
	}
	if (pk->too_big || pk->len > tx_frame_limit(dev)) {
		io->c.tx_drop_too_big++;
		dev->cnt.tx_drops++;
		return;
	}
	if (pk->len < EMU_ETH_HDR_LEN) {
		io->c.tx_drop_bad_desc++;
		dev->cnt.tx_drops++;
		return;
	}
	l3 = (pk->meta_ctrl & ENA_TX_DESC_L3_CSUM_EN_MASK) != 0;
	l4 = (pk->meta_ctrl & ENA_TX_DESC_L4_CSUM_EN_MASK) != 0;
	if (l3 || l4) {
		ena_emu_pkt_parse(io->frame, pk->len, &p);
		ena_emu_csum_tx(io->frame, pk->len, &p, l3, l4,
			(pk->meta_ctrl & ENA_TX_DESC_L4_CSUM_PARTIAL_MASK) != 0,
			&io->c);
	}
	io->c.tx_pkts++;
	io->c.tx_bytes += pk->len;
	dev->cnt.tx_pkts++;
	dev->cnt.tx_bytes += pk->len;
	ena_emu_wire_tx(dev, io->frame, pk->len);
}

static void
tx_complete(struct ena_emu_dev *dev, struct ena_emu_sq *sq, uint16_t req_id)
{
	struct ena_emu_cq *cq = &dev->io->cq[sq->cq_idx];
	struct ena_tx_cdesc *cd = (struct ena_tx_cdesc *)ena_emu_cq_slot(cq);

	if (ena_emu_fault_peek(dev, ENA_EMU_FAULT_TX_BAD_REQ_ID) &&
		ena_emu_fault_take(dev, ENA_EMU_FAULT_TX_BAD_REQ_ID)) {
		req_id = sq->depth;
		dev->cnt.tx_bad_req_ids++;
	}
	cd->req_id = req_id;
	cd->status = 0;
	cd->sub_qid = 0;
	cd->sq_head = sq->head;
	__atomic_store_n(&cd->flags, (uint8_t)cq->phase, __ATOMIC_RELEASE);
	ena_emu_cq_advance(cq);
	ena_emu_cq_written(dev, cq, 1);
	dev->io->c.tx_completions++;
}

unsigned int
ena_emu_tx_poll(struct ena_emu_dev *dev, struct ena_emu_sq *sq)
{
	struct ena_emu_io *io = dev->io;
	uint16_t comp[ENA_EMU_IO_BURST];
	unsigned int n = 0, ncomp = 0, i;
	struct tx_pkt pk;
	uint16_t db, avail;
	bool stop;
	int used;

	if (!ena_emu_io_rings_ok(dev, sq))
		return 0;
	db = (uint16_t)ena_emu_reg_get(dev, sq->db_off);
	avail = (uint16_t)(db - sq->head);
	if (avail > sq->depth) {
		ena_emu_dev_error(dev,
			"Tx SQ %u doorbell %u is %u entries past head %u (depth %u)",
			sq->idx, db, avail, sq->head, sq->depth);
		dev->cnt.io_errors++;
		return 0;
	}
	stop = ena_emu_fault_peek(dev, ENA_EMU_FAULT_TX_COMP_STOP) != 0;
	while (avail != 0 && n < ENA_EMU_IO_BURST) {
		used = tx_fetch(dev, sq, avail, &pk);
		if (used <= 0) {
			if (used < 0) {
				io->c.tx_drop_bad_desc++;
				dev->cnt.tx_drops++;
				dev->cnt.io_errors++;
			}
			break;
		}
		sq->head = (uint16_t)(sq->head + used);
		avail = (uint16_t)(avail - used);
		tx_send(dev, &pk);
		sq->pkts++;
		sq->bytes += pk.len;
		n++;
		if (pk.comp && !stop)
			comp[ncomp++] = pk.req_id;
	}
	if (io->tx_reorder) {
		for (i = ncomp; i > 0; i--)
			tx_complete(dev, sq, comp[i - 1]);
	} else {
		for (i = 0; i < ncomp; i++)
			tx_complete(dev, sq, comp[i]);
	}
	return n;
}

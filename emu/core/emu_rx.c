/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/* Rx path: a frame from the wire into posted buffers and completions. */

#include <errno.h>
#include <string.h>

#include "ena_defs.h"
#include "emu_io_priv.h"
#include "emu_net.h"

static uint32_t
rx_status_proto(const struct ena_emu_pkt *p)
{
	uint32_t st = 0;

	ENA_FIELD_SET(st, ENA_RX_CDESC_L3_PROTO, p->l3);
	ENA_FIELD_SET(st, ENA_RX_CDESC_L4_PROTO, p->l4);
	ENA_FIELD_SET(st, ENA_RX_CDESC_SRC_VLAN_CNT, p->vlans);
	if (p->frag && p->l3 == ENA_L3_PROTO_IPV4)
		st |= ENA_RX_CDESC_IPV4_FRAG_MASK;
	return st;
}

static uint32_t
rx_mtu_limit(const struct ena_emu_dev *dev, const struct ena_emu_pkt *p)
{
	uint32_t mtu = dev->mtu != 0 ? dev->mtu : dev->cfg.mtu_max;

	return mtu + EMU_ETH_HDR_LEN + 4u * p->vlans;
}

/* Counts an Rx drop; says why at debug level (drops are the rare path). */
/* Deepest Rx ring the stale req_id fault handles (the ring_size limit). */
#define EMU_RX_MAX_DEPTH 16384u

/*
 * An Rx req_id in [0, depth) that no posted descriptor carries, for the
 * rx_stale_req_id fault: the driver holds that buffer, so completing it is
 * a stale completion. False when every id is posted.
 */
static bool
rx_unposted_req_id(const struct ena_emu_sq *sq, const struct ena_rx_desc *descs,
	uint16_t avail, uint16_t *req_id)
{
	uint64_t posted[EMU_RX_MAX_DEPTH / 64];
	uint16_t i, id;

	if (sq->depth > EMU_RX_MAX_DEPTH)
		return false;
	memset(posted, 0, sizeof(posted));
	for (i = 0; i < avail; i++) {
		id = descs[(uint16_t)(sq->head + i) & sq->mask].req_id;
		if (id < sq->depth)
			posted[id / 64] |= UINT64_C(1) << (id % 64);
	}
	for (id = 0; id < sq->depth; id++)
		if (!(posted[id / 64] & (UINT64_C(1) << (id % 64)))) {
			*req_id = id;
			return true;
		}
	return false;
}

static int
rx_drop(struct ena_emu_dev *dev, uint64_t *reason, const char *why,
	uint32_t len, int rc)
{
	(*reason)++;
	dev->cnt.rx_drops++;
	if (ena_emu_log_on(dev, EMU_LOG_DEBUG))
		ena_emu_log(dev, EMU_LOG_DEBUG, "Rx drop (%s): %u-byte frame",
			why, len);
	return rc;
}

/*
 * One frame into the driver's buffers: queue choice, buffer reservation,
 * copy, completions and the interrupt stay in one function because the
 * reservation made first is what every later step spends or gives back.
 */
int
ena_emu_rx_deliver(struct ena_emu_dev *dev, const uint8_t *f, uint32_t len,
	bool count_no_buf)
{
	struct ena_emu_io *io = dev->io;
	struct ena_rx_desc *descs, *d;
	struct ena_rx_cdesc *cd;
	struct ena_emu_pkt p;
	struct ena_emu_sq *sq;
	struct ena_emu_cq *cq;
	unsigned int n, i, max_bufs = ENA_EMU_IO_RX_MAX_BUFS;
	uint32_t blen[ENA_EMU_IO_RX_SPLIT_MAX];
	uint8_t *bva[ENA_EMU_IO_RX_SPLIT_MAX];
	uint32_t got, st, hash, chunk, off, piece = UINT32_MAX;
	uint64_t split;
	uint16_t avail, req_id, pos;

	io->c.wire_rx++;
	if (len < EMU_ETH_HDR_LEN)
		return rx_drop(dev, &io->c.rx_drop_runt, "runt", len, -EINVAL);
	ena_emu_pkt_parse(f, len, &p);
	hash = ena_emu_rss_hash(io, f, &p);
	sq = ena_emu_rss_pick(io, hash);
	if (sq == NULL)
		return rx_drop(dev, &io->c.rx_drop_no_queue,
			"RSS target queue not created", len, -ENOENT);
	if (len > rx_mtu_limit(dev, &p))
		return rx_drop(dev, &io->c.rx_drop_too_big, "above MTU", len,
			-EMSGSIZE);
	if (!ena_emu_io_rings_ok(dev, sq))
		return rx_drop(dev, &io->c.rx_drop_bad_desc,
			"ring memory unmapped", len, -EIO);
	cq = &io->cq[sq->cq_idx];
	avail = (uint16_t)((uint16_t)ena_emu_reg_get(dev, sq->db_off) -
		sq->head);
	if (avail > sq->depth) {
		ena_emu_dev_error(dev,
			"Rx SQ %u doorbell %u ahead of head %u by more than depth %u",
			sq->idx, (uint16_t)(sq->head + avail), sq->head,
			sq->depth);
		dev->cnt.io_errors++;
		return rx_drop(dev, &io->c.rx_drop_bad_desc, "bad doorbell",
			len, -EIO);
	}
	descs = (struct ena_rx_desc *)sq->ring;
	split = ena_emu_fault_peek(dev, ENA_EMU_FAULT_RX_SPLIT);
	if (split >= 2) {
		max_bufs = (unsigned int)EMU_MIN(
			split, (uint64_t)ENA_EMU_IO_RX_SPLIT_MAX);
		piece = (len + max_bufs - 1) / max_bufs;
	}
	/* Reserve enough buffers before touching any of them. */
	for (n = 0, got = 0; got < len; n++) {
		if (n == avail || n == max_bufs) {
			if (!count_no_buf)
				return -ENOBUFS;
			return rx_drop(dev, &io->c.rx_drop_no_buf,
				n == avail ? "no Rx buffer"
					   : "needs too many buffers",
				len, -ENOBUFS);
		}
		d = &descs[(uint16_t)(sq->head + n) & sq->mask];
		blen[n] = d->length != 0 ? d->length : 65536u;
		chunk = EMU_MIN(EMU_MIN(blen[n], piece), len - got);
		bva[n] = ena_emu_io_dma_w(dev, ena_rx_desc_addr_get(d), chunk);
		if (bva[n] == NULL)
			return rx_drop(dev, &io->c.rx_drop_bad_desc,
				"bad buffer address", len, -EIO);
		blen[n] = chunk;
		got += chunk;
	}
	st = rx_status_proto(&p) | ena_emu_csum_rx(f, len, &p);
	for (i = 0, off = 0; i < n; i++) {
		pos = (uint16_t)(sq->head + i);
		d = &descs[pos & sq->mask];
		req_id = d->req_id;
		if (ena_emu_fault_peek(dev, ENA_EMU_FAULT_RX_BAD_REQ_ID) &&
			ena_emu_fault_take(dev, ENA_EMU_FAULT_RX_BAD_REQ_ID)) {
			req_id = sq->depth;
			dev->cnt.rx_bad_req_ids++;
		} else if (i == 0 &&
			ena_emu_fault_peek(
				dev, ENA_EMU_FAULT_RX_STALE_REQ_ID) &&
			rx_unposted_req_id(sq, descs, avail, &req_id) &&
			ena_emu_fault_take(
				dev, ENA_EMU_FAULT_RX_STALE_REQ_ID)) {
			dev->cnt.rx_bad_req_ids++;
		} else {
			req_id = d->req_id;
		}
		memcpy(bva[i], f + off, blen[i]);
		off += blen[i];
		cd = (struct ena_rx_cdesc *)ena_emu_cq_slot(cq);
		cd->length = (uint16_t)blen[i];
		if (i == 0 && d->length != 0 && d->length != UINT16_MAX &&
			ena_emu_fault_peek(dev, ENA_EMU_FAULT_RX_LONG) &&
			ena_emu_fault_take(dev, ENA_EMU_FAULT_RX_LONG))
			cd->length = (uint16_t)(d->length + 1);
		cd->req_id = req_id;
		cd->hash = hash;
		cd->sub_qid = 0;
		cd->offset = 0;
		cd->rsvd = 0;
		/* The status word carries the phase: it goes last. */
		__atomic_store_n(&cd->status,
			st | ENA_RX_CDESC_BUFFER_MASK |
				(i == 0 ? ENA_RX_CDESC_FIRST_MASK : 0) |
				(i == n - 1 ? ENA_RX_CDESC_LAST_MASK : 0) |
				((uint32_t)cq->phase
					<< ENA_RX_CDESC_PHASE_SHIFT),
			__ATOMIC_RELEASE);
		ena_emu_cq_advance(cq);
	}
	sq->head = (uint16_t)(sq->head + n);
	ena_emu_cq_written(dev, cq, n);
	sq->pkts++;
	sq->bytes += len;
	io->c.rx_completions += n;
	io->c.rx_pkts++;
	io->c.rx_bytes += len;
	dev->cnt.rx_pkts++;
	dev->cnt.rx_bytes += len;
	return 0;
}

int
ena_emu_io_rx_frame(struct ena_emu_dev *dev, const void *frame, uint32_t len)
{
	if (dev == NULL || dev->io == NULL || frame == NULL)
		return -EINVAL;
	return ena_emu_rx_deliver(dev, frame, len, true);
}

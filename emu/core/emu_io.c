/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/* IO queue lifetime: admin CREATE/DESTROY SQ/CQ, reset, poll loop. */

#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "ena_defs.h"
#include "emu_io_priv.h"

/* Devices that have IO state, for peer:<name> lookups. */
static pthread_mutex_t io_reg_lock = PTHREAD_MUTEX_INITIALIZER;
static struct ena_emu_dev *io_reg[64];

static void
io_reg_add(struct ena_emu_dev *dev)
{
	unsigned int i;

	pthread_mutex_lock(&io_reg_lock);
	for (i = 0; i < EMU_DIM(io_reg); i++) {
		if (io_reg[i] == NULL) {
			io_reg[i] = dev;
			break;
		}
	}
	pthread_mutex_unlock(&io_reg_lock);
}

static void
io_reg_del(struct ena_emu_dev *dev)
{
	unsigned int i;

	pthread_mutex_lock(&io_reg_lock);
	for (i = 0; i < EMU_DIM(io_reg); i++) {
		if (io_reg[i] == dev)
			io_reg[i] = NULL;
		else if (io_reg[i] != NULL && io_reg[i]->peer == dev)
			io_reg[i]->peer = NULL;
	}
	pthread_mutex_unlock(&io_reg_lock);
}

struct ena_emu_dev *
ena_emu_io_lookup(const char *name)
{
	struct ena_emu_dev *found = NULL;
	unsigned int i;

	pthread_mutex_lock(&io_reg_lock);
	for (i = 0; i < EMU_DIM(io_reg); i++) {
		if (io_reg[i] != NULL &&
			strcmp(io_reg[i]->cfg.name, name) == 0) {
			found = io_reg[i];
			break;
		}
	}
	pthread_mutex_unlock(&io_reg_lock);
	return found;
}

int
ena_emu_io_init(struct ena_emu_dev *dev)
{
	struct ena_emu_io *io;
	uint16_t q = dev->cfg.queues;
	int rc;

	if (q == 0 || q > ENA_EMU_IO_MAX_QUEUES) {
		ena_emu_log(dev, EMU_LOG_ERR, "queues=%u out of range 1..%u", q,
			ENA_EMU_IO_MAX_QUEUES);
		return -EINVAL;
	}
	if (ENA_EMU_IO_CQ_REG_BASE + 2u * q * ENA_EMU_IO_CQ_REG_STRIDE >
		dev->bar0_len) {
		ena_emu_log(dev, EMU_LOG_ERR,
			"queues=%u do not fit the BAR0 register window", q);
		return -EINVAL;
	}
	io = calloc(1, sizeof(*io));
	if (io == NULL)
		return -ENOMEM;
	io->dev = dev;
	io->max_queues = q;
	io->max_depth = dev->cfg.ring_size;
	io->tx_sq = calloc(q, sizeof(*io->tx_sq));
	io->rx_sq = calloc(q, sizeof(*io->rx_sq));
	io->cq = calloc(2u * q, sizeof(*io->cq));
	io->frame = malloc(ENA_EMU_IO_FRAME_MAX);
	io->rss_tbl = malloc(sizeof(uint32_t[256]) * ENA_EMU_RSS_KEY_LEN);
	io->nb_vec = ena_emu_msix_count(&dev->cfg);
	io->vec = calloc(io->nb_vec, sizeof(*io->vec));
	if (io->tx_sq == NULL || io->rx_sq == NULL || io->cq == NULL ||
		io->frame == NULL || io->rss_tbl == NULL || io->vec == NULL) {
		rc = -ENOMEM;
		goto fail;
	}
	dev->io = io;
	rc = ena_emu_wire_init(dev, dev->cfg.wire);
	if (rc != 0) {
		dev->io = NULL;
		goto fail;
	}
	ena_emu_io_reset(dev);
	io_reg_add(dev);
	return 0;
fail:
	free(io->tx_sq);
	free(io->rx_sq);
	free(io->cq);
	free(io->frame);
	free(io->rss_tbl);
	free(io->vec);
	free(io);
	return rc;
}

void
ena_emu_io_fini(struct ena_emu_dev *dev)
{
	struct ena_emu_io *io = dev->io;

	if (io == NULL)
		return;
	io_reg_del(dev);
	ena_emu_wire_fini(dev);
	dev->io = NULL;
	dev->peer = NULL;
	free(io->tx_sq);
	free(io->rx_sq);
	free(io->cq);
	free(io->frame);
	free(io->rss_tbl);
	free(io->vec);
	free(io);
}

static void
sq_clear(struct ena_emu_dev *dev, struct ena_emu_sq *sq)
{
	if (sq->used)
		ena_emu_reg_put(dev, sq->db_off, 0);
	memset(sq, 0, sizeof(*sq));
}

void
ena_emu_io_reset(struct ena_emu_dev *dev)
{
	struct ena_emu_io *io = dev->io;
	unsigned int i;

	if (io == NULL)
		return;
	for (i = 0; i < io->max_queues; i++) {
		sq_clear(dev, &io->tx_sq[i]);
		sq_clear(dev, &io->rx_sq[i]);
	}
	memset(io->cq, 0, 2u * io->max_queues * sizeof(*io->cq));
	for (i = 0; i < 2u * io->max_queues; i++)
		io->cq[i].sq_idx = -1;
	memset(io->vec, 0, io->nb_vec * sizeof(*io->vec));
	io->rx_created = 0;
}

static uint32_t
cq_reg(uint16_t cq_idx, unsigned int which)
{
	return ENA_EMU_IO_CQ_REG_BASE + cq_idx * ENA_EMU_IO_CQ_REG_STRIDE +
		4u * which;
}

static void
vec_fire(struct ena_emu_dev *dev, uint32_t v)
{
	struct ena_emu_vec *vec = &dev->io->vec[v];

	vec->unmasked = false;
	vec->pending = 0;
	ena_emu_irq_io(dev, v);
}

void
ena_emu_cq_written(struct ena_emu_dev *dev, struct ena_emu_cq *cq, uint32_t n)
{
	struct ena_emu_vec *vec;

	if (cq->msix == 0 || cq->msix >= dev->io->nb_vec || n == 0)
		return;
	vec = &dev->io->vec[cq->msix];
	vec->pending += n;
	if (vec->unmasked)
		vec_fire(dev, cq->msix);
}

/*
 * Unmask writes: the register is cleared as it is read, so that each write
 * counts even when the driver writes the same value every time.
 */
static unsigned int
io_unmask_poll(struct ena_emu_dev *dev)
{
	struct ena_emu_io *io = dev->io;
	unsigned int i, work = 0;
	struct ena_emu_cq *cq;
	uint32_t v;

	for (i = 0; i < 2u * io->max_queues; i++) {
		cq = &io->cq[i];
		if (!cq->used || cq->msix == 0 || cq->msix >= io->nb_vec)
			continue;
		v = __atomic_exchange_n(
			(uint32_t *)(dev->bar0 + cq_reg((uint16_t)i, 1)), 0,
			__ATOMIC_ACQ_REL);
		if (!(v & ENA_INTR_REG_UNMASK_MASK))
			continue;
		work++;
		io->vec[cq->msix].unmasked = true;
		if (io->vec[cq->msix].pending != 0)
			vec_fire(dev, cq->msix);
	}
	return work;
}

/*
 * Rings of live queues in a range the host took away lose their memory:
 * the queue stays, and its next use is a DMA fault, as behind an IOMMU.
 */
void
ena_emu_io_dma_revoked(struct ena_emu_dev *dev, uint64_t iova, size_t len)
{
	struct ena_emu_io *io = dev->io;
	uint64_t end = iova + len;
	struct ena_emu_sq *sq;
	struct ena_emu_cq *cq;
	unsigned int i;

	if (io == NULL)
		return;
	for (i = 0; i < 2u * io->max_queues; i++) {
		cq = &io->cq[i];
		if (cq->used && cq->ring != NULL && cq->ring_iova < end &&
			iova < cq->ring_iova + cq->ring_len)
			cq->ring = NULL;
	}
	for (i = 0; i < 2u * io->max_queues; i++) {
		sq = i < io->max_queues ? &io->tx_sq[i]
					: &io->rx_sq[i - io->max_queues];
		if (sq->used && sq->ring != NULL && sq->ring_iova < end &&
			iova < sq->ring_iova + sq->ring_len)
			sq->ring = NULL;
	}
}

bool
ena_emu_io_rings_ok(struct ena_emu_dev *dev, const struct ena_emu_sq *sq)
{
	const struct ena_emu_cq *cq = &dev->io->cq[sq->cq_idx];

	if (cq->ring != NULL && (sq->llq || sq->ring != NULL))
		return true;
	dev->cnt.dma_errors++;
	ena_emu_dev_error(dev,
		"%s SQ %u: ring memory unmapped by the driver side while the queue lives",
		sq->dir == ENA_SQ_DIR_TX ? "Tx" : "Rx", sq->idx);
	return false;
}

static bool
depth_ok(const struct ena_emu_io *io, uint32_t depth)
{
	return depth != 0 && emu_is_pow2(depth) && depth <= io->max_depth;
}

static uint8_t
create_cq(struct ena_emu_dev *dev, const struct ena_aq_create_cq_cmd *c,
	struct ena_aq_create_cq_resp *r)
{
	struct ena_emu_io *io = dev->io;
	unsigned int words, size, first, i;
	struct ena_emu_cq *cq;
	uint64_t ring;
	void *va;

	words = ENA_FIELD_GET(c->caps2, ENA_AQ_CREATE_CQ_ENTRY_WORDS);
	if (words != 2 && words != 4 && words != 8) {
		ena_emu_log(dev, EMU_LOG_ERR,
			"create CQ: entry size %u words not 2, 4 or 8", words);
		return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
	}
	if (!depth_ok(io, c->depth)) {
		ena_emu_log(dev, EMU_LOG_ERR,
			"create CQ: depth %u not a power of two <= %u",
			c->depth, io->max_depth);
		return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
	}
	/*
	 * MSI-X vector 0 is the admin/AENQ one; IO vectors follow. All ones
	 * means none (polling drivers).
	 */
	if (c->msix_vector > io->max_queues * 2u &&
		c->msix_vector != UINT32_MAX) {
		ena_emu_log(dev, EMU_LOG_ERR,
			"create CQ: MSI-X vector %u beyond %u", c->msix_vector,
			io->max_queues * 2u);
		return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
	}
	ring = ena_dma_addr_get(&c->ring);
	if (ring == 0) {
		ena_emu_log(dev, EMU_LOG_ERR, "create CQ: ring address 0");
		return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
	}
	size = words * 4u * c->depth;
	/*
	 * Tx completions are 8 bytes, Rx ones 16 or 32: the size tells where
	 * the CQ will be used, and Rx CQs take the low indices so that the
	 * index of an Rx CQ equals the index of the Rx SQ bound to it.
	 */
	first = words == 2 ? io->max_queues : 0;
	for (i = first; i < first + io->max_queues; i++)
		if (!io->cq[i].used)
			break;
	if (i == first + io->max_queues) {
		ena_emu_log(dev, EMU_LOG_ERR, "create CQ: all %u %s CQs in use",
			io->max_queues, words == 2 ? "Tx" : "Rx");
		return ENA_AQ_STATUS_RESOURCE_ALLOC_FAILURE;
	}
	va = ena_emu_dma_wptr(dev, ring, size);
	if (va == NULL)
		return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
	cq = &io->cq[i];
	memset(cq, 0, sizeof(*cq));
	cq->used = true;
	cq->sq_idx = -1;
	cq->entry_size = (uint8_t)(words * 4);
	cq->depth = c->depth;
	cq->mask = (uint16_t)(c->depth - 1);
	cq->phase = 1;
	cq->msix = c->msix_vector;
	cq->ring = va;
	cq->ring_iova = ring;
	cq->ring_len = size;
	ena_emu_reg_put(dev, cq_reg((uint16_t)i, 0), 0);
	ena_emu_reg_put(dev, cq_reg((uint16_t)i, 1), 0);
	ena_emu_reg_put(dev, cq_reg((uint16_t)i, 2), 0);
	r->cq_idx = (uint16_t)i;
	r->actual_depth = c->depth;
	r->head_db_offset = cq_reg((uint16_t)i, 0);
	r->unmask_offset = cq_reg((uint16_t)i, 1);
	r->numa_node_offset = cq_reg((uint16_t)i, 2);
	return ENA_AQ_STATUS_SUCCESS;
}

static uint8_t
destroy_cq(struct ena_emu_dev *dev, const struct ena_aq_destroy_cq_cmd *c)
{
	struct ena_emu_io *io = dev->io;
	struct ena_emu_cq *cq;

	if (c->cq_idx >= 2u * io->max_queues || !io->cq[c->cq_idx].used) {
		ena_emu_log(
			dev, EMU_LOG_ERR, "destroy CQ: no CQ %u", c->cq_idx);
		return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
	}
	cq = &io->cq[c->cq_idx];
	if (cq->sq_idx >= 0) {
		ena_emu_log(dev, EMU_LOG_ERR,
			"destroy CQ: CQ %u still bound to %s SQ %d", c->cq_idx,
			cq->sq_dir == ENA_SQ_DIR_TX ? "Tx" : "Rx", cq->sq_idx);
		return ENA_AQ_STATUS_RESOURCE_BUSY;
	}
	memset(cq, 0, sizeof(*cq));
	cq->sq_idx = -1;
	return ENA_AQ_STATUS_SUCCESS;
}

/* Binds the LLQ layout negotiated so far; false if it cannot be used. */
static bool
sq_llq_setup(struct ena_emu_dev *dev, struct ena_emu_sq *sq)
{
	struct ena_emu_io *io = dev->io;
	size_t win = (size_t)io->max_depth * ENA_EMU_LLQ_MAX_ENTRY;
	const struct ena_emu_llq *l = &dev->llq;

	if (!dev->cfg.llq || dev->bar2 == NULL) {
		ena_emu_log(dev, EMU_LOG_ERR,
			"create SQ: device placement but LLQ not offered");
		return false;
	}
	if (!l->enabled || !l->header_inline || l->entry_size < 64 ||
		l->entry_size > ENA_EMU_LLQ_MAX_ENTRY ||
		ena_llq_header_offset(l->descs_before_header) >=
			l->entry_size) {
		ena_emu_log(dev, EMU_LOG_ERR,
			"create SQ: LLQ not configured usably (enabled %d inline %d entry %u descs before header %u)",
			l->enabled, l->header_inline, l->entry_size,
			l->descs_before_header);
		return false;
	}
	if ((size_t)(sq->idx + 1) * win > dev->bar2_len) {
		ena_emu_log(dev, EMU_LOG_ERR,
			"create SQ: BAR2 too small for LLQ %u", sq->idx);
		return false;
	}
	sq->llq = true;
	sq->llq_base = dev->bar2 + (size_t)sq->idx * win;
	sq->llq_entry = l->entry_size;
	sq->llq_dbh = l->descs_before_header;
	sq->llq_line_descs = (uint16_t)ena_llq_descs_per_entry(
		l->single_desc_per_entry ? ENA_LLQ_STRIDE_SINGLE_DESC
					 : ENA_LLQ_STRIDE_MULTI_DESC,
		l->entry_size);
	return true;
}

/*
 * Long because it is the device's whole check list for a CREATE_SQ, in the
 * order a device answers it (direction, placement, depth, CQ, LLQ, memory);
 * each refusal logs and returns a status, so splitting it would only move
 * the list elsewhere.
 */
static uint8_t
create_sq(struct ena_emu_dev *dev, const struct ena_aq_create_sq_cmd *c,
	struct ena_aq_create_sq_resp *r)
{
	struct ena_emu_io *io = dev->io;
	unsigned int dir, placement, i, need;
	struct ena_emu_sq *arr, *sq;
	struct ena_emu_cq *cq;
	uint64_t ring;

	dir = ENA_FIELD_GET(c->sq_ident, ENA_AQ_CREATE_SQ_DIR);
	placement = ENA_FIELD_GET(c->caps2, ENA_AQ_CREATE_SQ_PLACEMENT);
	if (dir != ENA_SQ_DIR_TX && dir != ENA_SQ_DIR_RX) {
		ena_emu_log(dev, EMU_LOG_ERR, "create SQ: direction %u", dir);
		return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
	}
	if (placement != ENA_PLACEMENT_HOST && placement != ENA_PLACEMENT_DEV) {
		ena_emu_log(
			dev, EMU_LOG_ERR, "create SQ: placement %u", placement);
		return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
	}
	if (placement == ENA_PLACEMENT_DEV && dir == ENA_SQ_DIR_RX) {
		ena_emu_log(dev, EMU_LOG_ERR,
			"create SQ: Rx SQ cannot use device placement");
		return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
	}
	if (ENA_FIELD_GET(c->caps2, ENA_AQ_CREATE_SQ_COMPLETION) !=
		ENA_COMPLETION_DESC) {
		ena_emu_log(dev, EMU_LOG_ERR,
			"create SQ: completion policy %u not supported",
			ENA_FIELD_GET(c->caps2, ENA_AQ_CREATE_SQ_COMPLETION));
		return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
	}
	if (!depth_ok(io, c->depth)) {
		ena_emu_log(dev, EMU_LOG_ERR,
			"create SQ: depth %u not a power of two <= %u",
			c->depth, io->max_depth);
		return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
	}
	if (c->cq_idx >= 2u * io->max_queues || !io->cq[c->cq_idx].used) {
		ena_emu_log(dev, EMU_LOG_ERR, "create SQ: no CQ %u", c->cq_idx);
		return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
	}
	cq = &io->cq[c->cq_idx];
	if (cq->sq_idx >= 0) {
		ena_emu_log(dev, EMU_LOG_ERR,
			"create SQ: CQ %u already bound to an SQ", c->cq_idx);
		return ENA_AQ_STATUS_RESOURCE_BUSY;
	}
	need = dir == ENA_SQ_DIR_TX ? sizeof(struct ena_tx_cdesc)
				    : sizeof(struct ena_rx_cdesc);
	if (cq->entry_size < need) {
		ena_emu_log(dev, EMU_LOG_ERR,
			"create SQ: CQ %u entries of %u bytes too small for %s",
			c->cq_idx, cq->entry_size,
			dir == ENA_SQ_DIR_TX ? "Tx" : "Rx");
		return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
	}
	arr = dir == ENA_SQ_DIR_TX ? io->tx_sq : io->rx_sq;
	/* Rx SQ i sits on CQ i (see create_cq); Tx takes the lowest free. */
	i = io->max_queues;
	if (dir == ENA_SQ_DIR_RX && c->cq_idx < io->max_queues &&
		!arr[c->cq_idx].used)
		i = c->cq_idx;
	if (i == io->max_queues)
		for (i = 0; i < io->max_queues; i++)
			if (!arr[i].used)
				break;
	if (i == io->max_queues) {
		ena_emu_log(dev, EMU_LOG_ERR, "create SQ: all %u %s SQs in use",
			io->max_queues, dir == ENA_SQ_DIR_TX ? "Tx" : "Rx");
		return ENA_AQ_STATUS_RESOURCE_ALLOC_FAILURE;
	}
	sq = &arr[i];
	memset(sq, 0, sizeof(*sq));
	sq->idx = (uint16_t)i;
	sq->dir = (uint8_t)dir;
	sq->cq_idx = c->cq_idx;
	sq->depth = c->depth;
	sq->mask = (uint16_t)(c->depth - 1);
	sq->depth_log2 = (uint8_t)emu_log2(c->depth);
	sq->db_off = (dir == ENA_SQ_DIR_TX ? ENA_EMU_IO_TX_DB_BASE
					   : ENA_EMU_IO_RX_DB_BASE) +
		4u * i;
	if (placement == ENA_PLACEMENT_DEV) {
		if (!sq_llq_setup(dev, sq))
			return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
		memset(sq->llq_base, 0, (size_t)sq->depth * sq->llq_entry);
	} else {
		ring = ena_dma_addr_get(&c->ring);
		if (ring == 0) {
			ena_emu_log(dev, EMU_LOG_ERR,
				"create SQ: host placement without ring");
			return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
		}
		sq->ring = ena_emu_dma_ptr(dev, ring,
			(size_t)c->depth * sizeof(struct ena_tx_desc));
		if (sq->ring == NULL)
			return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
		sq->ring_iova = ring;
		sq->ring_len = (uint32_t)c->depth * sizeof(struct ena_tx_desc);
	}
	ena_emu_reg_put(dev, sq->db_off, 0);
	sq->used = true;
	cq->sq_idx = (int16_t)i;
	cq->sq_dir = (uint8_t)dir;
	if (dir == ENA_SQ_DIR_RX)
		io->rx_created++;
	ena_emu_log(dev, EMU_LOG_DEBUG, "%s SQ %u created: depth %u, CQ %u%s",
		dir == ENA_SQ_DIR_TX ? "Tx" : "Rx", i, sq->depth, sq->cq_idx,
		sq->llq ? ", LLQ" : "");
	r->sq_idx = (uint16_t)i;
	r->db_offset = sq->db_off;
	if (sq->llq) {
		r->llq_desc_offset = (uint32_t)(sq->llq_base - dev->bar2);
		r->llq_header_offset = r->llq_desc_offset;
	}
	return ENA_AQ_STATUS_SUCCESS;
}

static uint8_t
destroy_sq(struct ena_emu_dev *dev, const struct ena_aq_destroy_sq_cmd *c)
{
	struct ena_emu_io *io = dev->io;
	unsigned int dir = ENA_FIELD_GET(c->sq.ident, ENA_AQ_SQ_REF_DIR);
	struct ena_emu_sq *sq;

	if (dir != ENA_SQ_DIR_TX && dir != ENA_SQ_DIR_RX) {
		ena_emu_log(dev, EMU_LOG_ERR, "destroy SQ: direction %u", dir);
		return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
	}
	if (c->sq.sq_idx >= io->max_queues) {
		ena_emu_log(dev, EMU_LOG_ERR, "destroy SQ: index %u >= %u",
			c->sq.sq_idx, io->max_queues);
		return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
	}
	sq = dir == ENA_SQ_DIR_TX ? &io->tx_sq[c->sq.sq_idx]
				  : &io->rx_sq[c->sq.sq_idx];
	if (!sq->used) {
		ena_emu_log(dev, EMU_LOG_ERR, "destroy SQ: no %s SQ %u",
			dir == ENA_SQ_DIR_TX ? "Tx" : "Rx", c->sq.sq_idx);
		return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
	}
	ena_emu_log(dev, EMU_LOG_DEBUG,
		"%s SQ %u destroyed after %" PRIu64 " packets",
		dir == ENA_SQ_DIR_TX ? "Tx" : "Rx", sq->idx, sq->pkts);
	io->cq[sq->cq_idx].sq_idx = -1;
	if (dir == ENA_SQ_DIR_RX)
		io->rx_created--;
	sq_clear(dev, sq);
	return ENA_AQ_STATUS_SUCCESS;
}

uint8_t
ena_emu_io_admin(struct ena_emu_dev *dev, const struct ena_aq_cmd *cmd,
	struct ena_aq_comp *comp)
{
	if (dev->io == NULL)
		return ENA_AQ_STATUS_UNKNOWN_ERROR;
	switch (cmd->common.opcode) {
	case ENA_AQ_OP_CREATE_SQ:
		return create_sq(dev, &cmd->create_sq, &comp->create_sq);
	case ENA_AQ_OP_DESTROY_SQ:
		return destroy_sq(dev, &cmd->destroy_sq);
	case ENA_AQ_OP_CREATE_CQ:
		return create_cq(dev, &cmd->create_cq, &comp->create_cq);
	case ENA_AQ_OP_DESTROY_CQ:
		return destroy_cq(dev, &cmd->destroy_cq);
	default:
		return ENA_AQ_STATUS_UNSUPPORTED_OPCODE;
	}
}

unsigned int
ena_emu_io_poll(struct ena_emu_dev *dev)
{
	struct ena_emu_io *io = dev->io;
	unsigned int i, work = 0;
	struct ena_emu_sq *sq;
	uint16_t db;

	if (io == NULL || !dev->ready || dev->fatal)
		return 0;
	for (i = 0; i < io->max_queues; i++) {
		sq = &io->tx_sq[i];
		if (!sq->used)
			continue;
		db = (uint16_t)ena_emu_reg_get(dev, sq->db_off);
		if (db != sq->db_seen) {
			sq->db_seen = db;
			io->c.sq_doorbells++;
			dev->cnt.sq_doorbells++;
		}
		if (sq->head != db)
			work += ena_emu_tx_poll(dev, sq);
	}
	work += ena_emu_wire_poll(dev);
	work += io_unmask_poll(dev);
	return work;
}

int
ena_emu_io_counters_get(
	struct ena_emu_dev *dev, struct ena_emu_io_counters *out)
{
	if (dev == NULL || dev->io == NULL || out == NULL)
		return -EINVAL;
	*out = dev->io->c;
	return 0;
}

void
ena_emu_io_counters_fill(
	const struct ena_emu_dev *dev, struct ena_emu_counters *out)
{
	const struct ena_emu_counters *c = &dev->cnt;

	out->tx_pkts = c->tx_pkts;
	out->tx_bytes = c->tx_bytes;
	out->tx_drops = c->tx_drops;
	out->rx_pkts = c->rx_pkts;
	out->rx_bytes = c->rx_bytes;
	out->rx_drops = c->rx_drops;
	out->tx_bad_req_ids = c->tx_bad_req_ids;
	out->rx_bad_req_ids = c->rx_bad_req_ids;
	out->sq_doorbells = c->sq_doorbells;
	out->io_errors = c->io_errors;
}

int
ena_emu_io_tx_reorder_set(struct ena_emu_dev *dev, int on)
{
	if (dev == NULL || dev->io == NULL)
		return -EINVAL;
	dev->io->tx_reorder = on != 0;
	return 0;
}

/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_fakedev.h"

/* ---- platform services of fuzz_plat.h ------------------------------------ */

void
fuzz_plat_log(int level, const char *fmt, ...)
{
	static int verbose = -1;
	va_list ap;

	if (verbose < 0)
		verbose = getenv("FUZZ_VERBOSE") != NULL;
	if (!verbose)
		return;
	fprintf(stderr, "[%d] ", level);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
}

void
fuzz_fail(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "FUZZ INVARIANT BROKEN: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	abort();
}

/* ---- the IOMMU's view: DMA areas the driver has live --------------------- */

#define FUZZ_DMA_MAX 256

static struct {
	uintptr_t va;
	size_t size;
} fuzz_dma[FUZZ_DMA_MAX];
static unsigned int fuzz_ndma;

void
fuzz_plat_dma_track(void *va, size_t size, bool live)
{
	unsigned int i;

	if (live) {
		if (fuzz_ndma == FUZZ_DMA_MAX)
			fuzz_fail("more than %u DMA areas", FUZZ_DMA_MAX);
		fuzz_dma[fuzz_ndma].va = (uintptr_t)va;
		fuzz_dma[fuzz_ndma].size = size;
		fuzz_ndma++;
		return;
	}
	for (i = 0; i < fuzz_ndma; i++) {
		if (fuzz_dma[i].va == (uintptr_t)va) {
			fuzz_dma[i] = fuzz_dma[--fuzz_ndma];
			return;
		}
	}
	fuzz_fail("DMA area %p freed but not allocated", va);
}

bool
fuzz_plat_dma_live(const void *va, size_t len)
{
	uintptr_t p = (uintptr_t)va;
	unsigned int i;

	for (i = 0; i < fuzz_ndma; i++)
		if (p >= fuzz_dma[i].va &&
			p + len <= fuzz_dma[i].va + fuzz_dma[i].size)
			return true;
	return false;
}

/* ---- registers ------------------------------------------------------------- */

uint32_t
fakedev_reg(const struct fakedev *f, uint32_t off)
{
	return __atomic_load_n(&f->regs[off / 4], __ATOMIC_ACQUIRE);
}

void
fakedev_reg_set(struct fakedev *f, uint32_t off, uint32_t v)
{
	__atomic_store_n(&f->regs[off / 4], v, __ATOMIC_RELEASE);
}

static void *
fakedev_reg_addr(const struct fakedev *f, uint32_t lo, uint32_t hi)
{
	uint64_t a = (uint64_t)fakedev_reg(f, hi) << 32 | fakedev_reg(f, lo);

	return (void *)(uintptr_t)a;
}

bool
fakedev_in_bar0(const struct fakedev *f, const volatile void *ptr, size_t len)
{
	uintptr_t p = (uintptr_t)ptr, b = (uintptr_t)f->regs;

	/* The device's own register file is never a queue register. */
	return p >= b + ENA_REG_SPACE_END && p != b + ENA_REG_PHC_DB &&
		p + len <= b + FAKE_BAR0_LEN;
}

bool
fakedev_in_bar2(const struct fakedev *f, const volatile void *ptr, size_t len)
{
	uintptr_t p = (uintptr_t)ptr, b = (uintptr_t)f->llq;

	return f->llq != NULL && p >= b && p + len <= b + FAKE_BAR2_LEN;
}

int
fakedev_init(struct fakedev *f, struct ena_hw *hw, struct fz_in *in,
	bool with_llq_bar)
{
	uint32_t caps = 0, v;
	uint8_t cfg;

	memset(f, 0, sizeof(*f));
	f->regs = calloc(1, FAKE_BAR0_LEN);
	if (f->regs == NULL)
		return -1;
	if (with_llq_bar) {
		f->llq = calloc(1, FAKE_BAR2_LEN);
		if (f->llq == NULL) {
			free(f->regs);
			return -1;
		}
	}
	f->hw = hw;
	f->in = in;
	f->acq_phase = 1;

	/*
	 * Identity registers: sane unless the config byte asks for fuzzed
	 * raw values.
	 */
	cfg = fz_u8(in);
	ENA_FIELD_SET(caps, ENA_REG_CAPS_RESET_TIMEOUT, 2);
	ENA_FIELD_SET(caps, ENA_REG_CAPS_DMA_ADDR_WIDTH, 48);
	ENA_FIELD_SET(caps, ENA_REG_CAPS_ADMIN_CMD_TO, 5);
	if (cfg & 0x01)
		caps = fz_u32(in);
	fakedev_reg_set(f, ENA_REG_CAPS, caps);
	v = (2 << 8) | 0;
	if (cfg & 0x02)
		v = fz_u32(in);
	fakedev_reg_set(f, ENA_REG_VERSION, v);
	v = 0x00010203;
	if (cfg & 0x04)
		v = fz_u32(in);
	fakedev_reg_set(f, ENA_REG_CONTROLLER_VERSION, v);
	v = ENA_REG_DEV_STS_READY_MASK;
	if (cfg & 0x08)
		v = fz_u32(in);
	fakedev_reg_set(f, ENA_REG_DEV_STS, v);
	f->intr_mode = (cfg & 0x10) != 0;
	return 0;
}

void
fakedev_fini(struct fakedev *f)
{
	free(f->regs);
	free(f->llq);
	f->regs = NULL;
	f->llq = NULL;
}

/* ---- read-less MMIO --------------------------------------------------------- */

static void
fakedev_readless(struct fakedev *f)
{
	uint32_t req = fakedev_reg(f, ENA_REG_MMIO_REG_READ);
	struct ena_reg_read_resp *dst;
	uint16_t off, id;
	uint8_t act;

	if (req != f->rl_last_req) {
		f->rl_last_req = req;
		off = (uint16_t)ENA_FIELD_GET(
			req, ENA_REG_MMIO_REG_READ_REG_OFF);
		id = (uint16_t)ENA_FIELD_GET(req, ENA_REG_MMIO_REG_READ_REQ_ID);
		f->rl_resp.req_id = id;
		f->rl_resp.reg_off = off;
		f->rl_resp.reg_val = fakedev_reg(f, off);
		f->rl_busy = true;
		f->rl_wait = 0;
		act = fz_u8(f->in);
		switch (act & 7) {
		case 1: /* another value */
			f->rl_resp.reg_val = fz_u32(f->in);
			break;
		case 2: /* another register */
			f->rl_resp.reg_off = fz_u16(f->in);
			break;
		case 3: /* a stale answer */
			f->rl_resp.req_id = (uint16_t)(id - 1 - (act >> 3));
			break;
		case 4: /* no answer */
			f->rl_busy = false;
			break;
		default:
			break;
		}
		f->rl_wait = act >> 5; /* late by up to 7 steps */
	}
	if (!f->rl_busy)
		return;
	if (f->rl_wait > 0) {
		f->rl_wait--;
		return;
	}
	dst = fakedev_reg_addr(f, ENA_REG_MMIO_RESP_LO, ENA_REG_MMIO_RESP_HI);
	f->rl_busy = false;
	if (!fuzz_plat_dma_live(dst, sizeof(*dst)))
		return;
	dst->reg_off = f->rl_resp.reg_off;
	dst->reg_val = f->rl_resp.reg_val;
	__atomic_store_n(&dst->req_id, f->rl_resp.req_id, __ATOMIC_RELEASE);
}

/* ---- reset ------------------------------------------------------------------- */

static void
fakedev_reset(struct fakedev *f)
{
	uint32_t ctl = fakedev_reg(f, ENA_REG_DEV_CTL);
	uint32_t sts = fakedev_reg(f, ENA_REG_DEV_STS);

	if ((ctl & ENA_REG_DEV_CTL_DEV_RESET_MASK) != 0) {
		if ((sts & ENA_REG_DEV_STS_RESET_IN_PROGRESS_MASK) == 0) {
			/* A reset forgets every queue and answer. */
			f->reset_fault = fz_u8(f->in) % 8;
			f->reset_seen = true;
			f->npend = 0;
			f->aq_head = 0;
			f->acq_tail = 0;
			f->acq_phase = 1;
			f->next_sq = 0;
			f->next_cq = 0;
			if (f->reset_fault == 1)
				return;
		}
		sts |= ENA_REG_DEV_STS_RESET_IN_PROGRESS_MASK;
	} else if (f->reset_fault != 2) {
		sts &= ~ENA_REG_DEV_STS_RESET_IN_PROGRESS_MASK;
	}
	fakedev_reg_set(f, ENA_REG_DEV_STS, sts);
}

/* ---- admin commands ----------------------------------------------------------- */

static void
fakedev_feature(struct fakedev *f, const struct ena_aq_cmd *c,
	struct ena_aq_comp *e, void *ctrl, uint32_t ctrl_len)
{
	struct ena_aq_get_feat_resp *r = &e->get_feat;
	uint32_t i;

	(void)f;
	switch (c->get_feat.feat.feature_id) {
	case ENA_FEAT_DEVICE_ATTRIBUTES:
		r->dev_attr.impl_id = 1;
		r->dev_attr.device_version = 2;
		r->dev_attr.supported_features =
			ENA_FEAT_BIT(ENA_FEAT_DEVICE_ATTRIBUTES) |
			ENA_FEAT_BIT(ENA_FEAT_HW_HINTS) |
			ENA_FEAT_BIT(ENA_FEAT_LLQ) |
			ENA_FEAT_BIT(ENA_FEAT_MAX_QUEUES_EXT) |
			ENA_FEAT_BIT(ENA_FEAT_RSS_HASH_FUNCTION) |
			ENA_FEAT_BIT(ENA_FEAT_STATELESS_OFFLOAD) |
			ENA_FEAT_BIT(ENA_FEAT_RSS_IND_TABLE) |
			ENA_FEAT_BIT(ENA_FEAT_MTU) |
			ENA_FEAT_BIT(ENA_FEAT_RSS_HASH_INPUT) |
			ENA_FEAT_BIT(ENA_FEAT_INTR_MODERATION) |
			ENA_FEAT_BIT(ENA_FEAT_AENQ_CONFIG) |
			ENA_FEAT_BIT(ENA_FEAT_LINK_CONFIG) |
			ENA_FEAT_BIT(ENA_FEAT_HOST_ATTR);
		r->dev_attr.capabilities = ENA_BIT(ENA_DEV_CAP_ENI_STATS) |
			ENA_BIT(ENA_DEV_CAP_SRD_INFO);
		r->dev_attr.phys_addr_width = 48;
		r->dev_attr.virt_addr_width = 48;
		r->dev_attr.mac_addr[0] = 0x02;
		r->dev_attr.mac_addr[5] = 0x01;
		r->dev_attr.max_mtu = 9216;
		break;
	case ENA_FEAT_MAX_QUEUES_EXT:
		r->max_queues_ext.version = ENA_FEAT_MAX_QUEUES_EXT_VERSION;
		r->max_queues_ext.limits.max_tx_sq_num = 8;
		r->max_queues_ext.limits.max_tx_cq_num = 8;
		r->max_queues_ext.limits.max_rx_sq_num = 8;
		r->max_queues_ext.limits.max_rx_cq_num = 8;
		r->max_queues_ext.limits.max_tx_sq_depth = 1024;
		r->max_queues_ext.limits.max_tx_cq_depth = 1024;
		r->max_queues_ext.limits.max_rx_sq_depth = 1024;
		r->max_queues_ext.limits.max_rx_cq_depth = 1024;
		r->max_queues_ext.limits.max_tx_header_size = 224;
		r->max_queues_ext.limits.max_tx_descs_per_pkt = 17;
		r->max_queues_ext.limits.max_rx_descs_per_pkt = 16;
		break;
	case ENA_FEAT_MAX_QUEUES_NUM:
		r->max_queues.max_sq_num = 8;
		r->max_queues.max_cq_num = 8;
		r->max_queues.max_sq_depth = 1024;
		r->max_queues.max_cq_depth = 1024;
		r->max_queues.max_header_size = 224;
		r->max_queues.max_tx_descs_per_pkt = 17;
		r->max_queues.max_rx_descs_per_pkt = 16;
		break;
	case ENA_FEAT_LLQ:
		r->llq.max_llq_num = 8;
		r->llq.max_llq_depth = 128;
		r->llq.header_location_supported = ENA_LLQ_HEADER_INLINE;
		r->llq.entry_size_supported = ENA_LLQ_ENTRY_128B |
			ENA_LLQ_ENTRY_256B;
		r->llq.descs_before_header_supported = 1 | 2 | 4 | 8;
		r->llq.stride_ctrl_supported = ENA_LLQ_STRIDE_SINGLE_DESC |
			ENA_LLQ_STRIDE_MULTI_DESC;
		break;
	case ENA_FEAT_HW_HINTS:
		r->hw_hints.mmio_read_timeout_ms = 100;
		r->hw_hints.driver_watchdog_timeout_ms = 6000;
		r->hw_hints.missing_tx_cmpl_timeout_ms = 5000;
		r->hw_hints.missed_tx_cmpl_count_to_reset = 128;
		r->hw_hints.admin_cmpl_timeout_ms = 1000;
		r->hw_hints.max_tx_sgl_size = 17;
		r->hw_hints.max_rx_sgl_size = 16;
		break;
	case ENA_FEAT_STATELESS_OFFLOAD:
		r->offload.tx = 0xff;
		r->offload.rx_supported = 0xf;
		r->offload.rx_enabled = 0xf;
		break;
	case ENA_FEAT_RSS_IND_TABLE:
		r->rss_ind.min_size_log2 = 0;
		r->rss_ind.max_size_log2 = 16;
		break;
	case ENA_FEAT_RSS_HASH_FUNCTION:
		r->rss_func.supported = ENA_BIT(ENA_RSS_FUNC_TOEPLITZ) |
			ENA_BIT(ENA_RSS_FUNC_CRC32);
		r->rss_func.selected = ENA_BIT(ENA_RSS_FUNC_TOEPLITZ);
		if (ctrl != NULL && ctrl_len >= sizeof(struct ena_feat_rss_key))
			((struct ena_feat_rss_key *)ctrl)->key_parts =
				ENA_RSS_KEY_WORDS;
		break;
	case ENA_FEAT_RSS_HASH_INPUT:
		if (ctrl != NULL &&
			ctrl_len >= sizeof(struct ena_feat_rss_hash_ctrl)) {
			struct ena_feat_rss_hash_ctrl *h = ctrl;

			for (i = 0; i < ENA_RSS_PROTO_COUNT; i++)
				h->supported[i].fields = 0x3f;
		}
		break;
	case ENA_FEAT_INTR_MODERATION:
		r->intr_moder.delay_resolution_us = 2;
		break;
	case ENA_FEAT_AENQ_CONFIG:
		r->aenq.supported_groups = 0x1f;
		r->aenq.enabled_groups = 0x1f;
		break;
	case ENA_FEAT_LINK_CONFIG:
		r->link.speed_mbps = 100000;
		r->link.supported = ENA_LINK_SPEED_100G;
		r->link.flags = ENA_FEAT_LINK_DUPLEX_MASK;
		break;
	default:
		e->common.status = ENA_AQ_STATUS_UNSUPPORTED_OPCODE;
		break;
	}
}

/* The answer of a healthy device. */
static void
fakedev_model(struct fakedev *f, const struct ena_aq_cmd *c,
	struct ena_aq_comp *e, void *ctrl, uint32_t ctrl_len)
{
	switch (c->common.opcode) {
	case ENA_AQ_OP_CREATE_CQ:
		e->create_cq.cq_idx = f->next_cq;
		e->create_cq.actual_depth = c->create_cq.depth;
		e->create_cq.numa_node_offset = FAKE_DB_BASE + 16u * f->next_cq;
		e->create_cq.head_db_offset = e->create_cq.numa_node_offset + 4;
		e->create_cq.unmask_offset = e->create_cq.numa_node_offset + 8;
		f->next_cq = (uint16_t)((f->next_cq + 1) % 64);
		break;
	case ENA_AQ_OP_CREATE_SQ:
		e->create_sq.sq_idx = f->next_sq;
		e->create_sq.db_offset = FAKE_DB_BASE + 0x400u +
			4u * f->next_sq;
		e->create_sq.llq_desc_offset = 0;
		f->next_sq = (uint16_t)((f->next_sq + 1) % 64);
		break;
	case ENA_AQ_OP_GET_FEATURE:
		fakedev_feature(f, c, e, ctrl, ctrl_len);
		break;
	case ENA_AQ_OP_DESTROY_SQ:
	case ENA_AQ_OP_DESTROY_CQ:
	case ENA_AQ_OP_SET_FEATURE:
	case ENA_AQ_OP_GET_STATS:
		break;
	default:
		e->common.status = ENA_AQ_STATUS_BAD_OPCODE;
		break;
	}
}

static void
fakedev_patch(struct fz_in *in, void *buf, size_t len)
{
	size_t off, n;
	uint8_t tmp[32];

	if (len == 0)
		return;
	off = fz_u16(in) % len;
	n = fz_u8(in) % sizeof(tmp) + 1;
	if (n > len - off)
		n = len - off;
	fz_bytes(in, tmp, n);
	memcpy((uint8_t *)buf + off, tmp, n);
}

/* Consume one command from the AQ and decide its fate. */
static void
fakedev_command(struct fakedev *f, const struct ena_aq_cmd *c)
{
	struct fake_pend *p;
	void *ctrl = NULL;
	uint32_t ctrl_len = 0;
	uint8_t act;

	f->cmds++;
	if ((c->common.flags & ENA_AQ_DESC_CTRL_INDIRECT_MASK) != 0) {
		ctrl = (void *)(uintptr_t)ena_dma_addr_get(
			&c->generic.ctrl.addr);
		ctrl_len = c->generic.ctrl.len;
		if (!fuzz_plat_dma_live(ctrl, ctrl_len)) {
			ctrl = NULL;
			ctrl_len = 0;
		}
	}
	act = fz_u8(f->in);
	if (f->npend == FAKE_PEND || (act & 7) == 4) {
		f->not_posted++;
		return;
	}
	p = &f->pend[f->npend++];
	memset(p, 0, sizeof(*p));
	p->e.common.cmd_id = c->common.cmd_id & ENA_AQ_DESC_CMD_ID_MASK;
	fakedev_model(f, c, &p->e, ctrl, ctrl_len);
	switch (act & 7) {
	case 1: /* a status of the fuzzer's choice */
		p->e.common.status = fz_u8(f->in);
		break;
	case 2: /* a patched answer */
		fakedev_patch(f->in, &p->e, sizeof(p->e));
		break;
	case 3: /* raw bytes, phase included when bit 3 says so */
		fz_bytes(f->in, &p->e, sizeof(p->e));
		p->raw_phase = (act & 0x08) != 0;
		break;
	case 5: /* patched control data (GET answers through a buffer) */
		if (ctrl != NULL && c->common.opcode != ENA_AQ_OP_SET_FEATURE)
			fakedev_patch(f->in, ctrl, ctrl_len);
		break;
	default:
		break;
	}
	p->wait = act >> 4;
	if (p->e.common.status != 0)
		f->bad_status++;
	if ((act & 7) == 2 || (act & 7) == 3 || p->wait != 0)
		f->odd_posted++;
}

static void
fakedev_post(struct fakedev *f, const struct fake_pend *p)
{
	struct ena_aq_comp *acq = fakedev_reg_addr(
		f, ENA_REG_ACQ_BASE_LO, ENA_REG_ACQ_BASE_HI);
	uint16_t depth = (uint16_t)ENA_FIELD_GET(
		fakedev_reg(f, ENA_REG_ACQ_CAPS), ENA_REG_ACQ_CAPS_DEPTH);
	struct ena_aq_comp *e;
	uint8_t flags;

	if (acq == NULL || depth == 0 || (depth & (depth - 1)) != 0)
		return;
	e = &acq[f->acq_tail & (depth - 1)];
	if (!fuzz_plat_dma_live(e, sizeof(*e)))
		return;
	flags = p->raw_phase
		? p->e.common.flags
		: (uint8_t)((p->e.common.flags & ~1u) | f->acq_phase);
	memcpy((uint8_t *)e + 4, (const uint8_t *)&p->e + 4, sizeof(*e) - 4);
	e->common.cmd_id = p->e.common.cmd_id;
	e->common.status = p->e.common.status;
	__atomic_store_n(&e->common.flags, flags, __ATOMIC_RELEASE);
	f->acq_tail++;
	if ((f->acq_tail & (depth - 1)) == 0)
		f->acq_phase ^= 1;
}

static void
fakedev_admin(struct fakedev *f)
{
	const struct ena_aq_cmd *aq = fakedev_reg_addr(
		f, ENA_REG_AQ_BASE_LO, ENA_REG_AQ_BASE_HI);
	uint16_t depth = (uint16_t)ENA_FIELD_GET(
		fakedev_reg(f, ENA_REG_AQ_CAPS), ENA_REG_AQ_CAPS_DEPTH);
	uint16_t tail = (uint16_t)fakedev_reg(f, ENA_REG_AQ_DB);
	unsigned int i, posted = 0;

	if (aq != NULL && depth != 0 && (depth & (depth - 1)) == 0 &&
		fuzz_plat_dma_live(aq, (size_t)depth * sizeof(*aq))) {
		while (f->aq_head != tail) {
			fakedev_command(f, &aq[f->aq_head & (depth - 1)]);
			f->aq_head++;
		}
	}
	/* Due answers go out in order of arrival; late ones wait. */
	for (i = 0; i < f->npend;) {
		if (f->pend[i].wait > 0) {
			f->pend[i].wait--;
			i++;
			continue;
		}
		fakedev_post(f, &f->pend[i]);
		posted++;
		memmove(&f->pend[i], &f->pend[i + 1],
			(f->npend - i - 1) * sizeof(f->pend[0]));
		f->npend--;
	}
	if (posted > 0 && f->intr_mode)
		ena_hw_admin_intr(f->hw);
}

void
fakedev_step(void *arg)
{
	struct fakedev *f = arg;

	f->steps++;
	fakedev_readless(f);
	fakedev_reset(f);
	fakedev_admin(f);
}

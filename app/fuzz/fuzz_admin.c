/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/*
 * Fuzz target "admin": everything the device answers on the control path
 * of the base layer, i.e. read-less register responses, reset progress,
 * admin completions (status, command id, phase, payload), GET_FEATURE
 * answers and the control buffers the device fills, through
 * ena_hw_bringup() and then every feature, RSS, statistics and IO queue
 * call the PMD makes, down to ena_hw_teardown().
 *
 * Checked after each input, beyond "no crash, no sanitizer report":
 *  - every call returns 0 or a negative errno;
 *  - a failed bring-up leaves nothing allocated; a teardown frees all;
 *  - an admin timeout leaves the admin queue dead, and every later command
 *    then fails at once with -ENODEV;
 *  - admin counters add up (no more completions than submissions, no
 *    more failures than non-zero statuses the device sent);
 *  - what the base layer accepted is within its documented ranges (DMA
 *    width, LLQ layout, every register it will write inside BAR 0, every
 *    LLQ entry inside BAR 2).
 */
#include <stdlib.h>
#include <string.h>

#include "ena_com.h"
#include "ena_eth_com.h"
#include "fuzz_fakedev.h"

#define FZ_MIN(a, b) ((a) < (b) ? (a) : (b))

static bool
fz_errno_ok(int rc)
{
	return rc == 0 || (rc < 0 && rc > -4096);
}

struct admin_run {
	struct ena_hw hw;
	struct fakedev dev;
	struct fz_in in;
	bool dead; /* an admin command timed out */
};

/* Common checks after every base call made with the admin queue up. */
static void
admin_after(struct admin_run *r, const char *what, int rc)
{
	struct ena_hw_admin_stats *s = &r->hw.admin.stats;

	FUZZ_ASSERT(fz_errno_ok(rc), "%s returned %d", what, rc);
	if (rc == -ETIME) {
		FUZZ_ASSERT(!ena_hw_admin_running(&r->hw),
			"%s timed out but the admin queue still runs", what);
		FUZZ_ASSERT(
			s->timeouts > 0, "%s timed out, none counted", what);
		r->dead = true;
	}
	if (r->dead)
		FUZZ_ASSERT(rc != 0 || r->hw.admin.slots == NULL ||
				!ena_hw_admin_running(&r->hw),
			"%s succeeded on a dead admin queue", what);
	/* A command answered ahead of time may not be read yet. */
	FUZZ_ASSERT(r->dev.cmds <= s->submitted,
		"%s: %" PRIu64 " commands submitted, the device saw %" PRIu64,
		what, s->submitted, r->dev.cmds);
	/* One completion at most per command the device read. */
	FUZZ_ASSERT(s->completed <= r->dev.cmds,
		"%s: %" PRIu64 " completions for %" PRIu64 " commands", what,
		s->completed, s->submitted);
	FUZZ_ASSERT(s->failed <= r->dev.bad_status,
		"%s: %" PRIu64 " failures counted, device sent %" PRIu64
		" error statuses",
		what, s->failed, r->dev.bad_status);
	FUZZ_ASSERT(s->unexpected <= s->completed &&
			s->unexpected <= r->dev.odd_posted,
		"%s: %" PRIu64 " unexpected completions, device sent %" PRIu64
		" odd ones",
		what, s->unexpected, r->dev.odd_posted);
	FUZZ_ASSERT(r->hw.admin.outstanding <= r->hw.admin.depth,
		"%s: %u commands outstanding in a ring of %u", what,
		r->hw.admin.outstanding, r->hw.admin.depth);
}

static void
admin_check_io(struct admin_run *r, const struct ena_hw_io_sq *sq,
	const struct ena_hw_io_cq *cq)
{
	if (sq->db != NULL)
		FUZZ_ASSERT(fakedev_in_bar0(&r->dev, sq->db, 4),
			"SQ doorbell %p not a queue register of BAR 0",
			(void *)sq->db);
	if (cq->head_db != NULL)
		FUZZ_ASSERT(fakedev_in_bar0(&r->dev, cq->head_db, 4),
			"CQ head doorbell %p not a queue register of BAR 0",
			(void *)cq->head_db);
	if (cq->unmask_reg != NULL)
		FUZZ_ASSERT(fakedev_in_bar0(&r->dev, cq->unmask_reg, 4),
			"CQ unmask register %p not a queue register of BAR 0",
			(void *)cq->unmask_reg);
	if (cq->numa_reg != NULL)
		FUZZ_ASSERT(fakedev_in_bar0(&r->dev, cq->numa_reg, 4),
			"CQ NUMA register %p not a queue register of BAR 0",
			(void *)cq->numa_reg);
	if (sq->llq_ring != NULL)
		FUZZ_ASSERT(fakedev_in_bar2(&r->dev, sq->llq_ring,
				    (size_t)sq->depth * sq->llq.entry_size),
			"LLQ ring %p (%u x %u B) outside BAR 2",
			(void *)sq->llq_ring, sq->depth, sq->llq.entry_size);
}

/* One IO queue pair: create, a little datapath, destroy. */
static void
admin_io(struct admin_run *r, enum ena_hw_dir dir, bool dev_placement)
{
	struct ena_hw_io_params p;
	struct ena_hw_io_sq sq;
	struct ena_hw_io_cq cq;
	struct ena_hw_buf buf;
	struct ena_hw_tx_ctx ctx;
	uint8_t hdr[64];
	uint16_t used;
	int rc;

	memset(&p, 0, sizeof(p));
	p.qid = 0;
	p.dir = dir;
	p.depth = 128;
	p.msix_vector = (int16_t)(fz_u8(&r->in) % 2 ? 1 : -1);
	p.socket = -1;
	p.placement = dev_placement ? ENA_HW_PLACEMENT_DEV
				    : ENA_HW_PLACEMENT_HOST;
	rc = ena_hw_io_create(&r->hw, &p, &sq, &cq);
	admin_after(r, "io create", rc);
	if (rc != 0)
		return;
	admin_check_io(r, &sq, &cq);
	buf.iova = 0x100000;
	buf.len = 1500;
	if (dir == ENA_HW_DIR_RX) {
		rc = ena_hw_rx_post(&sq, &buf, 3);
		FUZZ_ASSERT(rc == 0, "rx post on an empty ring: %d", rc);
	} else {
		memset(&ctx, 0, sizeof(ctx));
		memset(hdr, 0x5a, sizeof(hdr));
		ctx.bufs = &buf;
		ctx.nbufs = 1;
		ctx.req_id = 5;
		if (dev_placement) {
			ctx.push_hdr = hdr;
			ctx.push_len = (uint16_t)FZ_MIN(sizeof(hdr),
				sq.max_header ? sq.max_header : sizeof(hdr));
		}
		rc = ena_hw_tx_prepare(&sq, &ctx, &used);
		FUZZ_ASSERT(fz_errno_ok(rc), "tx prepare: %d", rc);
	}
	ena_hw_sq_doorbell(&sq);
	cq.head++;
	ena_hw_cq_head_update(&cq);
	ena_hw_cq_unmask(&cq, 1, 1);
	ena_hw_cq_set_numa(&cq, 0);
	ena_hw_io_destroy(&r->hw, &sq, &cq);
	admin_after(r, "io destroy", 0);
}

static void
admin_features(struct admin_run *r, const struct ena_hw_dev_features *feat)
{
	struct ena_hw_llq_request req;
	struct ena_hw_link link;
	struct ena_hw_basic_stats bs;
	struct ena_hw_eni_stats es;
	struct ena_hw_srd_stats ss;
	uint8_t key[ENA_HW_RSS_KEY_LEN], ext[512];
	uint16_t tbl[1 << 8], fields;
	uint32_t func, i;
	size_t len;
	uint16_t log;
	int rc;

	memset(&req, 0, sizeof(req));
	req.entry_size = (uint16_t)(fz_u8(&r->in) % 2 ? 256 : 128);
	req.descs_before_header = (uint16_t)(1u << (fz_u8(&r->in) % 4));
	req.multiple_descs_per_entry = true;
	req.inline_header = true;
	rc = ena_hw_llq_configure(&r->hw, &feat->llq, &req);
	admin_after(r, "llq configure", rc);
	if (rc == 0 && r->hw.tx_placement == ENA_HW_PLACEMENT_DEV) {
		const struct ena_hw_llq_info *l = &r->hw.llq;

		FUZZ_ASSERT(l->entry_size == 128 || l->entry_size == 192 ||
				l->entry_size == 256,
			"LLQ entry size %u", l->entry_size);
		FUZZ_ASSERT(l->descs_before_header >= 1 &&
				(uint32_t)l->descs_before_header * 16 <
					l->entry_size,
			"LLQ %u descriptors before the header in %u B",
			l->descs_before_header, l->entry_size);
		FUZZ_ASSERT(l->descs_per_entry >= 1 &&
				(uint32_t)l->descs_per_entry * 16 <=
					l->entry_size,
			"LLQ %u descriptors per %u B entry", l->descs_per_entry,
			l->entry_size);
	}

	admin_after(r, "set mtu", ena_hw_set_mtu(&r->hw, 1500));
	admin_after(r, "get link", ena_hw_get_link(&r->hw, &link));
	admin_after(r, "intr moderation", ena_hw_intr_moder_init(&r->hw));
	if (r->hw.intr_moder_supported)
		FUZZ_ASSERT(r->hw.intr_delay_resolution != 0,
			"interrupt delay resolution 0 accepted");
	rc = ena_hw_intr_moder_set_rx(&r->hw, fz_u16(&r->in));
	FUZZ_ASSERT(fz_errno_ok(rc), "moder rx %d", rc);

	log = (uint16_t)(fz_u8(&r->in) % 9);
	rc = ena_hw_rss_init(&r->hw, log);
	admin_after(r, "rss init", rc);
	if (rc == 0) {
		memset(key, 0x6d, sizeof(key));
		admin_after(r, "rss set function",
			ena_hw_rss_set_function(&r->hw, fz_u8(&r->in) % 3, key,
				sizeof(key), 0));
		rc = ena_hw_rss_get_function(&r->hw, &func, key);
		admin_after(r, "rss get function", rc);
		if (rc == 0)
			FUZZ_ASSERT(func < 32, "rss function %u", func);
		admin_after(r, "rss default fields",
			ena_hw_rss_set_default_fields(&r->hw));
		admin_after(r, "rss set fields",
			ena_hw_rss_set_fields(
				&r->hw, fz_u8(&r->in) % 17, fz_u16(&r->in)));
		admin_after(r, "rss get fields",
			ena_hw_rss_get_fields(&r->hw, 0, &fields));
		for (i = 0; i < (1u << log); i++)
			ena_hw_rss_ind_set_entry(&r->hw, i, (uint16_t)(i % 3));
		admin_after(r, "rss commit", ena_hw_rss_ind_commit(&r->hw));
		admin_after(
			r, "rss get table", ena_hw_rss_ind_get(&r->hw, tbl));
	}

	admin_after(r, "basic stats", ena_hw_get_basic_stats(&r->hw, &bs));
	admin_after(r, "eni stats", ena_hw_get_eni_stats(&r->hw, &es));
	admin_after(r, "srd stats", ena_hw_get_srd_stats(&r->hw, &ss));
	len = 1 + fz_u8(&r->in) % sizeof(ext);
	rc = ena_hw_get_extended_stats(&r->hw, ext, &len);
	admin_after(r, "extended stats", rc);
	if (rc == 0)
		FUZZ_ASSERT(len >= 1 && len <= sizeof(ext),
			"extended stats length %zu", len);
	admin_after(r, "aenq configure",
		ena_hw_aenq_configure(&r->hw, fz_u32(&r->in)));

	admin_io(r, ENA_HW_DIR_RX, false);
	admin_io(r, ENA_HW_DIR_TX, r->hw.tx_placement == ENA_HW_PLACEMENT_DEV);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct admin_run r;
	struct ena_hw_bringup_cfg cfg;
	struct ena_hw_dev_features feat;
	uint8_t opts;
	int rc;

	memset(&r, 0, sizeof(r));
	fz_init(&r.in, data, size);
	fuzz_plat_clock_us = 1000000;
	fuzz_plat_wait_steps = 0;
	opts = fz_u8(&r.in);
	if (fakedev_init(&r.dev, &r.hw, &r.in, (opts & 1) == 0) != 0)
		return 0;
	if (ena_hw_init(&r.hw, "fuzz", r.dev.regs, r.dev.llq, -1) != 0)
		abort();
	ena_hw_set_bar_lens(&r.hw, FAKE_BAR0_LEN, FAKE_BAR2_LEN);
	ena_plat_wait_hook_set(fakedev_step, &r.dev);

	memset(&cfg, 0, sizeof(cfg));
	cfg.readless = (opts & 2) == 0;
	cfg.admin_polling = !r.dev.intr_mode;
	cfg.aenq_groups = (opts & 4) == 0 ? 0x1f : 0;
	cfg.os_type = ENA_OS_DPDK;
	cfg.os_dist = "fuzz";
	cfg.kernel_ver = "0";
	cfg.num_cpus = 2;
	cfg.reset_reason = ENA_RESET_REASON_NORMAL;
	rc = ena_hw_bringup(&r.hw, &cfg, &feat);
	FUZZ_ASSERT(fz_errno_ok(rc), "bring-up returned %d", rc);
	if (rc != 0) {
		FUZZ_ASSERT(fuzz_plat_dma_allocs == 0 && fuzz_plat_allocs == 0,
			"failed bring-up (%d) left %" PRId64
			" DMA areas and %" PRId64 " allocations",
			rc, fuzz_plat_dma_allocs, fuzz_plat_allocs);
		FUZZ_ASSERT(r.hw.admin.slots == NULL,
			"failed bring-up kept its admin queue");
	} else {
		FUZZ_ASSERT(r.hw.dma_width >= 32 &&
				r.hw.dma_width <= ENA_DMA_ADDR_MAX_BITS,
			"DMA width %u accepted", r.hw.dma_width);
		FUZZ_ASSERT(
			r.hw.admin.timeout_us != 0, "admin timeout 0 accepted");
		if (!r.dev.intr_mode)
			ena_hw_admin_set_polling(&r.hw, true);
		admin_features(&r, &feat);
		ena_hw_teardown(&r.hw, ENA_RESET_REASON_NORMAL);
		FUZZ_ASSERT(fuzz_plat_dma_allocs == 0 && fuzz_plat_allocs == 0,
			"teardown left %" PRId64 " DMA areas and %" PRId64
			" allocations",
			fuzz_plat_dma_allocs, fuzz_plat_allocs);
	}
	ena_plat_wait_hook_set(NULL, NULL);
	fakedev_fini(&r.dev);
	return 0;
}

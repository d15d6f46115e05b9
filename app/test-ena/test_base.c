/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/*
 * Suite "base": the base layer (ena_com / ena_eth_com) driven directly.
 *
 * Part 1 needs no emulator: a scripted fake device (plain memory as BAR 0,
 * the test playing the device inside the base layer's wait hook) for the
 * bring-up error paths and admin status mapping, hand-made queues for the
 * Tx/Rx descriptor format and the validation of device completions, and
 * LLQ negotiation against a table of device offers.
 *
 * Part 2 runs against the emulator (ena_emu_dev_create, single-step mode:
 * the wait hook calls ena_emu_poll) and is skipped while the emulator
 * library lacks its API.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <rte_malloc.h>
#include <rte_pause.h>

#include "ena_com.h"
#include "ena_eth_com.h"
#include "ena_emu.h"
#include "test.h"

#define ENA_ARRAY_SIZE_T(a) (sizeof(a) / sizeof((a)[0]))

static void test_base_emu(void);

/* ------------------------------------------------------------------------ */
/* Scripted fake device                                                     */
/* ------------------------------------------------------------------------ */

#define FAKE_BAR_BYTES 0x2000

struct fake_dev {
	uint32_t *regs; /* BAR 0 image */
	struct ena_hw *hw;
	bool answer_readless;
	bool run_reset;
	bool answer_admin;
	uint8_t admin_status; /* status for every admin completion */
	uint32_t sq_db_off;   /* offsets CREATE_SQ / CREATE_CQ answer */
	uint32_t cq_head_off;
	uint32_t last_read_req;
	uint16_t aq_head;
	uint16_t acq_tail;
	uint8_t acq_phase;
	unsigned int steps;
};

static inline uint32_t
fake_reg(struct fake_dev *f, uint32_t off)
{
	return __atomic_load_n(&f->regs[off / 4], __ATOMIC_ACQUIRE);
}

static inline void
fake_reg_set(struct fake_dev *f, uint32_t off, uint32_t v)
{
	__atomic_store_n(&f->regs[off / 4], v, __ATOMIC_RELEASE);
}

static void
fake_step(void *arg)
{
	struct fake_dev *f = arg;
	struct ena_hw *hw = f->hw;
	uint32_t req, ctl, sts, tail;

	f->steps++;
	req = fake_reg(f, ENA_REG_MMIO_REG_READ);
	if (f->answer_readless && req != f->last_read_req &&
		hw->readless.mem.va != NULL) {
		struct ena_reg_read_resp *r = hw->readless.mem.va;
		uint16_t off = (uint16_t)ENA_FIELD_GET(
			req, ENA_REG_MMIO_REG_READ_REG_OFF);

		f->last_read_req = req;
		r->reg_off = off;
		r->reg_val = fake_reg(f, off);
		__atomic_store_n(&r->req_id,
			(uint16_t)ENA_FIELD_GET(
				req, ENA_REG_MMIO_REG_READ_REQ_ID),
			__ATOMIC_RELEASE);
	}
	if (f->run_reset) {
		ctl = fake_reg(f, ENA_REG_DEV_CTL);
		sts = fake_reg(f, ENA_REG_DEV_STS);
		if ((ctl & ENA_REG_DEV_CTL_DEV_RESET_MASK) != 0)
			sts |= ENA_REG_DEV_STS_RESET_IN_PROGRESS_MASK;
		else
			sts &= ~ENA_REG_DEV_STS_RESET_IN_PROGRESS_MASK;
		fake_reg_set(f, ENA_REG_DEV_STS, sts);
	}
	if (f->answer_admin && hw->admin.sq_mem.va != NULL) {
		struct ena_aq_cmd *aq = hw->admin.sq_mem.va;
		struct ena_aq_comp *acq = hw->admin.cq_mem.va;
		uint16_t mask = hw->admin.depth - 1;

		tail = fake_reg(f, ENA_REG_AQ_DB);
		while (f->aq_head != (uint16_t)tail) {
			struct ena_aq_cmd *c = &aq[f->aq_head & mask];
			struct ena_aq_comp *e = &acq[f->acq_tail & mask];

			memset(e, 0, sizeof(*e));
			e->common.cmd_id = c->common.cmd_id;
			e->common.status = f->admin_status;
			if (c->common.opcode == ENA_AQ_OP_CREATE_SQ)
				e->create_sq.db_offset = f->sq_db_off;
			if (c->common.opcode == ENA_AQ_OP_CREATE_CQ)
				e->create_cq.head_db_offset = f->cq_head_off;
			f->aq_head++;
			e->common.sq_head = f->aq_head;
			__atomic_store_n(&e->common.flags, f->acq_phase,
				__ATOMIC_RELEASE);
			f->acq_tail++;
			if ((f->acq_tail & mask) == 0)
				f->acq_phase ^= 1;
		}
	}
}

/* As fake_step, then the admin interrupt handler (MSI-X in real life). */
static void
fake_step_intr(void *arg)
{
	struct fake_dev *f = arg;

	fake_step(arg);
	ena_hw_admin_intr(f->hw);
}

/* A fake device that is ready, with sane CAPS and versions. */
static int
fake_init(struct fake_dev *f, struct ena_hw *hw)
{
	uint32_t caps = 0;

	memset(f, 0, sizeof(*f));
	f->regs = rte_zmalloc("fake_bar", FAKE_BAR_BYTES, 4096);
	if (f->regs == NULL)
		return -ENOMEM;
	f->hw = hw;
	f->acq_phase = 1;
	f->answer_readless = true;
	f->run_reset = true;
	f->answer_admin = true;
	ENA_FIELD_SET(caps, ENA_REG_CAPS_RESET_TIMEOUT, 2); /* 200 ms */
	ENA_FIELD_SET(caps, ENA_REG_CAPS_DMA_ADDR_WIDTH, 48);
	ENA_FIELD_SET(caps, ENA_REG_CAPS_ADMIN_CMD_TO, 1); /* 100 ms */
	fake_reg_set(f, ENA_REG_CAPS, caps);
	fake_reg_set(f, ENA_REG_VERSION, (2 << 8) | 0);
	fake_reg_set(f, ENA_REG_CONTROLLER_VERSION, 0x00010203);
	fake_reg_set(f, ENA_REG_DEV_STS, ENA_REG_DEV_STS_READY_MASK);
	if (ena_hw_init(hw, "fake", f->regs, NULL, -1) != 0)
		return -EINVAL;
	ena_plat_wait_hook_set(fake_step, f);
	return 0;
}

static void
fake_fini(struct fake_dev *f)
{
	ena_plat_wait_hook_set(NULL, NULL);
	ena_hw_admin_fini(f->hw);
	ena_hw_readless_fini(f->hw);
	rte_free(f->regs);
	f->regs = NULL;
}

static void
test_fake_bringup_errors(void)
{
	struct ena_hw hw;
	struct fake_dev f;
	uint32_t caps, v;
	int rc;

	/* Read-less register read: answered, then nobody answers. */
	ENA_CHECK_RC("fake init", 0, fake_init(&f, &hw));
	ENA_CHECK_RC("readless init", 0, ena_hw_readless_init(&hw));
	ENA_CHECK_EQ("MMIO_RESP_LO programmed", (uint32_t)hw.readless.mem.iova,
		fake_reg(&f, ENA_REG_MMIO_RESP_LO));
	v = ena_hw_reg_read(&hw, ENA_REG_CONTROLLER_VERSION);
	ENA_CHECK_EQ("readless read value", 0x00010203, v);
	f.answer_readless = false;
	hw.readless.timeout_us = 20 * 1000;
	v = ena_hw_reg_read(&hw, ENA_REG_VERSION);
	ENA_CHECK_EQ("readless timeout gives the failure value",
		ENA_HW_REG_READ_FAILED, v);
	ENA_CHECK_RC("version check with a mute device", -EIO,
		ena_hw_check_version(&hw));
	ENA_CHECK_RC("reset with a mute device", -EIO,
		ena_hw_reset(&hw, ENA_RESET_REASON_NORMAL));
	f.answer_readless = true;

	/* Reset: completes; then a device that never starts resetting. */
	ENA_CHECK_RC(
		"reset", 0, ena_hw_reset(&hw, ENA_RESET_REASON_USER_TRIGGER));
	ENA_CHECK_EQ("reset timeout from caps (us)", 200 * 1000,
		hw.reset_timeout_us);
	ENA_CHECK_EQ("admin timeout from caps (us)", 100 * 1000,
		hw.admin.timeout_us);
	f.run_reset = false;
	fake_reg_set(&f, ENA_REG_DEV_CTL, 0);
	rc = ena_hw_reset(&hw, ENA_RESET_REASON_KEEP_ALIVE_TO);
	ENA_CHECK_RC("reset timeout", -ETIME, rc);
	v = fake_reg(&f, ENA_REG_DEV_CTL);
	ENA_CHECK_EQ("reset reason written to DEV_CTL",
		ENA_RESET_REASON_KEEP_ALIVE_TO,
		ena_reg_dev_ctl_reset_reason(v, false));
	ENA_CHECK(v & ENA_REG_DEV_CTL_DEV_RESET_MASK,
		"DEV_CTL reset bit not set: 0x%x", v);
	f.run_reset = true;
	fake_reg_set(&f, ENA_REG_DEV_CTL, 0);
	fake_step(&f);
	caps = fake_reg(&f, ENA_REG_CAPS);
	fake_reg_set(&f, ENA_REG_CAPS, caps & ~ENA_REG_CAPS_RESET_TIMEOUT_MASK);
	ENA_CHECK_RC("reset timeout 0 refused", -EINVAL,
		ena_hw_reset(&hw, ENA_RESET_REASON_NORMAL));
	fake_reg_set(&f, ENA_REG_CAPS, caps);
	fake_reg_set(&f, ENA_REG_DEV_STS, 0);
	ENA_CHECK_RC("reset of a not-ready device", -ENODEV,
		ena_hw_reset(&hw, ENA_RESET_REASON_NORMAL));
	fake_reg_set(&f, ENA_REG_DEV_STS, ENA_REG_DEV_STS_READY_MASK);

	/* Versions. */
	ENA_CHECK_RC("version 2.0 accepted", 0, ena_hw_check_version(&hw));
	fake_reg_set(&f, ENA_REG_VERSION, (0 << 8) | 8);
	ENA_CHECK_RC(
		"version 0.8 too low", -EOPNOTSUPP, ena_hw_check_version(&hw));
	fake_reg_set(&f, ENA_REG_VERSION, (2 << 8) | 0);
	fake_reg_set(&f, ENA_REG_CONTROLLER_VERSION, 0x05000000);
	ENA_CHECK_RC("controller 0.0.0 too low", -EOPNOTSUPP,
		ena_hw_check_version(&hw));
	fake_reg_set(&f, ENA_REG_CONTROLLER_VERSION, 0x00010203);

	/* DMA width. */
	ENA_CHECK_RC("dma width 48", 48, ena_hw_dma_width(&hw));
	ENA_CHECK_EQ("dma width stored", 48, hw.dma_width);
	ENA_FIELD_SET(caps, ENA_REG_CAPS_DMA_ADDR_WIDTH, 20);
	fake_reg_set(&f, ENA_REG_CAPS, caps);
	ENA_CHECK_RC("dma width 20 refused", -EINVAL, ena_hw_dma_width(&hw));
	ENA_FIELD_SET(caps, ENA_REG_CAPS_DMA_ADDR_WIDTH, 64);
	fake_reg_set(&f, ENA_REG_CAPS, caps);
	ENA_CHECK_RC("dma width 64 refused", -EINVAL, ena_hw_dma_width(&hw));
	fake_fini(&f);
}

static void
test_fake_admin(void)
{
	static const struct {
		uint8_t status;
		int rc;
	} map[] = {
		{ ENA_AQ_STATUS_SUCCESS, 0 },
		{ ENA_AQ_STATUS_RESOURCE_ALLOC_FAILURE, -ENOMEM },
		{ ENA_AQ_STATUS_BAD_OPCODE, -EINVAL },
		{ ENA_AQ_STATUS_UNSUPPORTED_OPCODE, -EOPNOTSUPP },
		{ ENA_AQ_STATUS_MALFORMED_REQUEST, -EINVAL },
		{ ENA_AQ_STATUS_ILLEGAL_PARAMETER, -EINVAL },
		{ ENA_AQ_STATUS_UNKNOWN_ERROR, -EIO },
		{ ENA_AQ_STATUS_RESOURCE_BUSY, -EBUSY },
	};
	struct ena_aq_cmd cmd;
	struct ena_aq_comp comp;
	struct ena_hw hw;
	struct fake_dev f;
	uint64_t t0, dt;
	unsigned int i, round;
	uint32_t caps;
	int rc;

	ENA_CHECK_RC("fake init", 0, fake_init(&f, &hw));
	ENA_CHECK_RC("admin init", 0, ena_hw_admin_init(&hw, NULL));
	caps = fake_reg(&f, ENA_REG_AQ_CAPS);
	ENA_CHECK_EQ("AQ depth programmed", ENA_HW_ADMIN_DEPTH,
		ENA_FIELD_GET(caps, ENA_REG_AQ_CAPS_DEPTH));
	ENA_CHECK_EQ("AQ entry size programmed", ENA_AQ_ENTRY_SIZE,
		ENA_FIELD_GET(caps, ENA_REG_AQ_CAPS_ENTRY_SIZE));
	ENA_CHECK_EQ("ACQ base programmed", (uint32_t)hw.admin.cq_mem.iova,
		fake_reg(&f, ENA_REG_ACQ_BASE_LO));
	ENA_CHECK_EQ("AENQ depth programmed", ENA_HW_AENQ_DEPTH,
		ENA_FIELD_GET(fake_reg(&f, ENA_REG_AENQ_CAPS),
			ENA_REG_AENQ_CAPS_DEPTH));

	/* Every status maps; five rounds cross the ring wrap (phase). */
	for (round = 0; round < 5; round++) {
		for (i = 0; i < ENA_ARRAY_SIZE_T(map); i++) {
			f.admin_status = map[i].status;
			memset(&cmd, 0, sizeof(cmd));
			cmd.common.opcode = ENA_AQ_OP_GET_STATS;
			rc = ena_hw_admin_exec(&hw, &cmd, &comp, sizeof(comp));
			if (round == 0 || rc != map[i].rc)
				ENA_CHECK_RC(
					"admin status mapping", map[i].rc, rc);
		}
	}
	ENA_CHECK_EQ("admin commands submitted", 5 * ENA_ARRAY_SIZE_T(map),
		hw.admin.stats.submitted);
	ENA_CHECK_EQ("admin commands completed", 5 * ENA_ARRAY_SIZE_T(map),
		hw.admin.stats.completed);
	ENA_CHECK(hw.admin.sq_tail > hw.admin.depth,
		"ring did not wrap: tail %u", hw.admin.sq_tail);

	/* Interrupt mode: completions reach the waiter via the handler. */
	ena_hw_admin_set_polling(&hw, false);
	hw.admin.timeout_us = 50 * 1000;
	f.admin_status = ENA_AQ_STATUS_SUCCESS;
	ena_plat_wait_hook_set(fake_step_intr, &f);
	memset(&cmd, 0, sizeof(cmd));
	cmd.common.opcode = ENA_AQ_OP_GET_STATS;
	rc = ena_hw_admin_exec(&hw, &cmd, &comp, sizeof(comp));
	ENA_CHECK_RC("interrupt mode completion", 0, rc);
	/* Interrupt lost: only auto polling finds the completion. */
	ena_plat_wait_hook_set(fake_step, &f);
	ena_hw_admin_set_auto_polling(&hw, true);
	memset(&cmd, 0, sizeof(cmd));
	cmd.common.opcode = ENA_AQ_OP_GET_STATS;
	rc = ena_hw_admin_exec(&hw, &cmd, &comp, sizeof(comp));
	ENA_CHECK_RC("interrupt mode, lost interrupt, auto polling", 0, rc);
	ena_hw_admin_set_polling(&hw, true);

	/* Timeout: the device stops answering; the queue dies. */
	f.answer_admin = false;
	hw.admin.timeout_us = 30 * 1000;
	memset(&cmd, 0, sizeof(cmd));
	cmd.common.opcode = ENA_AQ_OP_GET_STATS;
	rc = ena_hw_admin_exec(&hw, &cmd, &comp, sizeof(comp));
	ENA_CHECK_RC("admin completion timeout", -ETIME, rc);
	ENA_CHECK(!ena_hw_admin_running(&hw), "admin queue still running");
	ENA_CHECK_EQ("timeouts counted", 1, hw.admin.stats.timeouts);
	t0 = ena_plat_now_us();
	memset(&cmd, 0, sizeof(cmd));
	cmd.common.opcode = ENA_AQ_OP_GET_STATS;
	rc = ena_hw_admin_exec(&hw, &cmd, &comp, sizeof(comp));
	dt = ena_plat_now_us() - t0;
	ENA_CHECK_RC("dead admin queue fails fast", -ENODEV, rc);
	ENA_CHECK(dt < 5000, "dead admin queue took %" PRIu64 " us", dt);
	ENA_CHECK_EQ("reset reason for -ETIME", ENA_RESET_REASON_ADMIN_TO,
		ena_hw_reset_reason_for(-ETIME, ENA_HW_DIR_TX));
	fake_fini(&f);
}

struct abort_arg {
	struct ena_hw *hw;
	int rc;
};

static void *
abort_waiter(void *p)
{
	struct abort_arg *a = p;
	struct ena_aq_cmd cmd;
	struct ena_aq_comp comp;

	memset(&cmd, 0, sizeof(cmd));
	cmd.common.opcode = ENA_AQ_OP_GET_STATS;
	a->rc = ena_hw_admin_exec(a->hw, &cmd, &comp, sizeof(comp));
	return NULL;
}

/* A waiter blocked on a mute device is released by an abort (reset). */
/*
 * The queue registers a device names are refused on any register of
 * ena_regs.h (fuzz target admin: a CQ head offset of ACQ_BASE_LO made the
 * head update overwrite the admin completion queue's address), misaligned
 * or beyond BAR 0; a refused create leaves the admin queue as it was.
 */
static void
test_fake_io_regs(void)
{
	static const uint32_t bad[] = {
		ENA_REG_ACQ_BASE_LO,
		ENA_REG_AQ_DB,
		ENA_REG_DEV_CTL,
		ENA_REG_SPACE_END - 4,
		ENA_REG_PHC_DB,
		0x1002,
		FAKE_BAR_BYTES,
	};
	struct ena_hw_io_params p;
	struct ena_hw_io_sq sq;
	struct ena_hw_io_cq cq;
	struct ena_hw hw;
	struct fake_dev f;
	uint32_t acq_lo;
	unsigned int i, side;
	int rc;

	ENA_CHECK_RC("fake init", 0, fake_init(&f, &hw));
	ENA_CHECK_RC("admin init", 0, ena_hw_admin_init(&hw, NULL));
	ena_hw_set_bar_lens(&hw, FAKE_BAR_BYTES, 0);
	acq_lo = fake_reg(&f, ENA_REG_ACQ_BASE_LO);
	memset(&p, 0, sizeof(p));
	p.dir = ENA_HW_DIR_TX;
	p.depth = 64;
	p.msix_vector = -1;
	p.socket = -1;
	p.placement = ENA_HW_PLACEMENT_HOST;
	for (i = 0; i < ENA_ARRAY_SIZE_T(bad); i++) {
		for (side = 0; side < 2; side++) {
			f.sq_db_off = side == 0 ? 0x1000 : bad[i];
			f.cq_head_off = side == 0 ? bad[i] : 0x1004;
			rc = ena_hw_io_create(&hw, &p, &sq, &cq);
			if (rc != -EINVAL)
				ENA_CHECK_RC(side == 0
						? "CQ head offset refused"
						: "SQ doorbell offset refused",
					-EINVAL, rc);
			if (sq.created || cq.created || sq.ring != NULL ||
				cq.ring != NULL)
				ENA_CHECK(false,
					"refused offset 0x%x left a queue",
					bad[i]);
		}
	}
	ENA_CHECK_EQ("ACQ base untouched", acq_lo,
		fake_reg(&f, ENA_REG_ACQ_BASE_LO));
	f.sq_db_off = 0x1000;
	f.cq_head_off = 0x1004;
	ENA_CHECK_RC("queue registers past the register file", 0,
		ena_hw_io_create(&hw, &p, &sq, &cq));
	ENA_CHECK(sq.db == (volatile uint32_t *)((uint8_t *)f.regs + 0x1000) &&
			cq.head_db ==
				(volatile uint32_t *)((uint8_t *)f.regs +
					0x1004),
		"doorbells at the offsets the device named");
	cq.head = 7;
	ena_hw_cq_head_update(&cq);
	ENA_CHECK_EQ("CQ head written where named", 7u, fake_reg(&f, 0x1004));
	ena_hw_io_destroy(&hw, &sq, &cq);
	ENA_CHECK_EQ("ACQ base still the admin queue's", acq_lo,
		fake_reg(&f, ENA_REG_ACQ_BASE_LO));
	fake_fini(&f);
}

static void
test_fake_admin_abort(void)
{
	struct abort_arg a;
	struct ena_aq_cmd cmd;
	struct ena_aq_comp comp;
	struct ena_hw hw;
	struct fake_dev f;
	pthread_t th;
	uint64_t dl;

	ENA_CHECK_RC("fake init", 0, fake_init(&f, &hw));
	ENA_CHECK_RC("admin init", 0, ena_hw_admin_init(&hw, NULL));
	f.answer_admin = false;
	hw.admin.timeout_us = 5 * 1000 * 1000;
	a.hw = &hw;
	a.rc = 1;
	ENA_CHECK_EQ("waiter thread", 0,
		pthread_create(&th, NULL, abort_waiter, &a));
	dl = ena_plat_now_us() + 2000000;
	while (__atomic_load_n(&hw.admin.outstanding, __ATOMIC_ACQUIRE) == 0 &&
		ena_plat_now_us() < dl)
		rte_pause();
	ena_hw_admin_abort(&hw);
	pthread_join(th, NULL);
	ENA_CHECK_RC("aborted command", -ENODEV, a.rc);
	ENA_CHECK_EQ("aborts counted", 1, hw.admin.stats.aborted);
	/* The device answers late; the slot is reclaimed, work goes on. */
	f.answer_admin = true;
	memset(&cmd, 0, sizeof(cmd));
	cmd.common.opcode = ENA_AQ_OP_GET_STATS;
	ENA_CHECK_RC("command after abort", 0,
		ena_hw_admin_exec(&hw, &cmd, &comp, sizeof(comp)));
	ENA_CHECK_EQ("late completion consumed", 2, hw.admin.stats.completed);
	ENA_CHECK_EQ("late completion expected", 0, hw.admin.stats.unexpected);
	/* A completion of no command sent is counted, then ignored. */
	{
		struct ena_aq_comp *acq = hw.admin.cq_mem.va;
		uint16_t mask = hw.admin.depth - 1;
		struct ena_aq_comp *e = &acq[f.acq_tail & mask];

		memset(e, 0, sizeof(*e));
		e->common.cmd_id = 0x7ff;
		e->common.flags = f.acq_phase;
		f.acq_tail++;
		if ((f.acq_tail & mask) == 0)
			f.acq_phase ^= 1;
		ena_hw_admin_intr(&hw);
		ENA_CHECK_EQ("completion of no command counted", 1,
			hw.admin.stats.unexpected);
		ENA_CHECK_RC("command after a stray completion", 0,
			ena_hw_admin_exec(&hw, &cmd, &comp, sizeof(comp)));
	}
	fake_fini(&f);
}

/* AENQ dispatch on hand-written events. */
static unsigned int aenq_calls[4];
static struct ena_hw_hints aenq_seen_hints;

static void
aenq_on_link(void *arg, const struct ena_aenq_entry *e)
{
	RTE_SET_USED(arg);
	RTE_SET_USED(e);
	aenq_calls[0]++;
}

static void
aenq_on_hints(void *arg, const struct ena_aenq_entry *e)
{
	RTE_SET_USED(arg);
	aenq_calls[1]++;
	ena_hw_aenq_hints(e, &aenq_seen_hints);
}

static void
aenq_on_notification(void *arg, const struct ena_aenq_entry *e)
{
	RTE_SET_USED(arg);
	RTE_SET_USED(e);
	aenq_calls[2]++;
}

static void
aenq_on_unknown(void *arg, const struct ena_aenq_entry *e)
{
	RTE_SET_USED(arg);
	RTE_SET_USED(e);
	aenq_calls[3]++;
}

static void
aenq_put(struct ena_hw *hw, uint16_t idx, uint16_t group, uint16_t syndrome,
	uint8_t phase)
{
	struct ena_aenq_entry *e = (struct ena_aenq_entry *)hw->aenq.mem.va +
		(idx & (hw->aenq.depth - 1));

	memset(e, 0, sizeof(*e));
	e->common.group = group;
	e->common.syndrome = syndrome;
	if (group == ENA_AENQ_GROUP_NOTIFICATION &&
		syndrome == ENA_AENQ_NOTIFY_UPDATE_HINTS) {
		struct ena_feat_hw_hints h;

		memset(&h, 0, sizeof(h));
		h.driver_watchdog_timeout_ms = 4321;
		h.admin_cmpl_timeout_ms = 777;
		memcpy(e->inline_w4, &h, sizeof(h));
	}
	__atomic_store_n(&e->common.flags, phase, __ATOMIC_RELEASE);
}

static void
test_fake_aenq(void)
{
	struct ena_hw_aenq_handlers h;
	struct ena_hw hw;
	struct fake_dev f;
	uint64_t ka0;
	unsigned int n, i;

	memset(&h, 0, sizeof(h));
	h.by_group[ENA_AENQ_GROUP_LINK_CHANGE] = aenq_on_link;
	h.notification[ENA_AENQ_NOTIFY_UPDATE_HINTS] = aenq_on_hints;
	h.by_group[ENA_AENQ_GROUP_NOTIFICATION] = aenq_on_notification;
	h.unknown = aenq_on_unknown;
	memset(aenq_calls, 0, sizeof(aenq_calls));
	ENA_CHECK_RC("fake init", 0, fake_init(&f, &hw));
	ENA_CHECK_RC("admin init", 0, ena_hw_admin_init(&hw, &h));
	ena_hw_aenq_enable(&hw);
	ENA_CHECK_EQ("AENQ head doorbell gives all entries", ENA_HW_AENQ_DEPTH,
		fake_reg(&f, ENA_REG_AENQ_HEAD_DB));
	ENA_CHECK_EQ("nothing pending", 0, ena_hw_aenq_process(&hw, NULL));

	aenq_put(&hw, 0, ENA_AENQ_GROUP_LINK_CHANGE, 0, 1);
	aenq_put(&hw, 1, ENA_AENQ_GROUP_NOTIFICATION,
		ENA_AENQ_NOTIFY_UPDATE_HINTS, 1);
	aenq_put(&hw, 2, ENA_AENQ_GROUP_NOTIFICATION, ENA_AENQ_NOTIFY_SUSPEND,
		1);
	aenq_put(&hw, 3, 17, 0, 1); /* unknown group */
	ka0 = hw.last_keep_alive_us;
	aenq_put(&hw, 4, ENA_AENQ_GROUP_KEEP_ALIVE, 0, 1); /* no handler */
	n = ena_hw_aenq_process(&hw, NULL);
	ENA_CHECK_EQ("events processed", 5, n);
	ENA_CHECK_EQ("link handler", 1, aenq_calls[0]);
	ENA_CHECK_EQ("hints handler (by syndrome)", 1, aenq_calls[1]);
	ENA_CHECK_EQ("notification group handler", 1, aenq_calls[2]);
	ENA_CHECK_EQ(
		"unknown handler (group 17, keep-alive)", 2, aenq_calls[3]);
	ENA_CHECK(hw.last_keep_alive_us >= ka0, "keep-alive stamp went back");
	ENA_CHECK_EQ("hints payload: watchdog", 4321,
		aenq_seen_hints.driver_watchdog_timeout_ms);
	ena_hw_apply_hints(&hw, &aenq_seen_hints);
	ENA_CHECK_EQ(
		"hints applied: admin timeout", 777000, hw.admin.timeout_us);
	ENA_CHECK_EQ(
		"hints applied: keep-alive", 4321, hw.keep_alive_timeout_ms);
	ENA_CHECK_EQ("AENQ head doorbell after 5", 5 + ENA_HW_AENQ_DEPTH,
		fake_reg(&f, ENA_REG_AENQ_HEAD_DB));
	/* Fill past the wrap: the old phase must not be taken again. */
	for (i = 5; i < ENA_HW_AENQ_DEPTH; i++)
		aenq_put(&hw, (uint16_t)i, ENA_AENQ_GROUP_LINK_CHANGE, 0, 1);
	aenq_put(&hw, ENA_HW_AENQ_DEPTH, ENA_AENQ_GROUP_LINK_CHANGE, 0, 0);
	n = ena_hw_aenq_process(&hw, NULL);
	ENA_CHECK_EQ("events up to and across the wrap",
		ENA_HW_AENQ_DEPTH - 5 + 1, n);
	ENA_CHECK_EQ("no stale events", 0, ena_hw_aenq_process(&hw, NULL));
	fake_fini(&f);
}

/* ------------------------------------------------------------------------ */
/* LLQ negotiation                                                          */
/* ------------------------------------------------------------------------ */

static void
test_llq_select(void)
{
	struct ena_hw hw;
	struct ena_hw_llq_offer o;
	struct ena_hw_llq_request req = {
		.entry_size = 128,
		.descs_before_header = 2,
		.multiple_descs_per_entry = false,
		.inline_header = true,
	};
	struct ena_hw_llq_info info;
	uint32_t dummy[64];

	ena_hw_init(&hw, "llq", dummy, NULL, -1);
	memset(&o, 0, sizeof(o));
	ENA_CHECK_RC("no offer", -EOPNOTSUPP,
		ena_hw_llq_select(&hw, &o, &req, &info));

	/* Device offers everything: the request wins. */
	o.present = true;
	o.header_location_supported = ENA_LLQ_HEADER_INLINE |
		ENA_LLQ_HEADER_RING;
	o.entry_size_supported = ENA_LLQ_ENTRY_128B | ENA_LLQ_ENTRY_192B |
		ENA_LLQ_ENTRY_256B;
	o.descs_before_header_supported = 1 | 2 | 4 | 8;
	o.stride_supported = ENA_LLQ_STRIDE_SINGLE_DESC |
		ENA_LLQ_STRIDE_MULTI_DESC;
	ENA_CHECK_RC("full offer", 0, ena_hw_llq_select(&hw, &o, &req, &info));
	ENA_CHECK_EQ("entry size", 128, info.entry_size);
	ENA_CHECK_EQ("entry code", ENA_LLQ_ENTRY_128B, info.entry_size_ctrl);
	ENA_CHECK_EQ("descs before header", 2, info.descs_before_header);
	ENA_CHECK_EQ(
		"stride single", ENA_LLQ_STRIDE_SINGLE_DESC, info.stride_ctrl);
	ENA_CHECK_EQ("descs per entry (single)", 1, info.descs_per_entry);
	ENA_CHECK_EQ("no burst limit", 0, info.max_entries_in_burst);

	req.entry_size = 256;
	req.descs_before_header = 4;
	req.multiple_descs_per_entry = true;
	ENA_CHECK_RC("256/4/multi", 0, ena_hw_llq_select(&hw, &o, &req, &info));
	ENA_CHECK_EQ("entry size 256", 256, info.entry_size);
	ENA_CHECK_EQ("descs before header 4", 4, info.descs_before_header);
	ENA_CHECK_EQ("descs per entry (multi)", 16, info.descs_per_entry);

	/* Device supports only 256 B, 1 desc before header, multi stride. */
	o.entry_size_supported = ENA_LLQ_ENTRY_256B;
	o.descs_before_header_supported = 1;
	o.stride_supported = ENA_LLQ_STRIDE_MULTI_DESC;
	req.entry_size = 128;
	req.descs_before_header = 2;
	req.multiple_descs_per_entry = false;
	ENA_CHECK_RC("fallbacks", 0, ena_hw_llq_select(&hw, &o, &req, &info));
	ENA_CHECK_EQ("fallback entry 256", 256, info.entry_size);
	ENA_CHECK_EQ("fallback before header 1", 1, info.descs_before_header);
	ENA_CHECK_EQ("fallback stride multi", ENA_LLQ_STRIDE_MULTI_DESC,
		info.stride_ctrl);

	/* Burst limit and meta caching accel flags. */
	o.accel_supported = ENA_BIT(ENA_LLQ_ACCEL_LIMIT_TX_BURST) |
		ENA_BIT(ENA_LLQ_ACCEL_NO_META_CACHING);
	o.max_tx_burst_bytes = 2048;
	ENA_CHECK_RC("burst", 0, ena_hw_llq_select(&hw, &o, &req, &info));
	ENA_CHECK_EQ("burst entries", 2048 / 256, info.max_entries_in_burst);
	ENA_CHECK(info.disable_meta_caching, "meta caching not disabled");
	o.max_tx_burst_bytes = 100;
	ENA_CHECK_RC("burst below one entry", -EOPNOTSUPP,
		ena_hw_llq_select(&hw, &o, &req, &info));
	o.accel_supported = 0;

	/* Unusable offers. */
	o.header_location_supported = ENA_LLQ_HEADER_RING;
	ENA_CHECK_RC("ring header only", -EOPNOTSUPP,
		ena_hw_llq_select(&hw, &o, &req, &info));
	o.header_location_supported = ENA_LLQ_HEADER_INLINE;
	o.entry_size_supported = 0;
	ENA_CHECK_RC("no entry size", -EOPNOTSUPP,
		ena_hw_llq_select(&hw, &o, &req, &info));
	o.entry_size_supported = ENA_LLQ_ENTRY_128B;
	o.descs_before_header_supported = 8;
	ENA_CHECK_RC("8 descs fill a 128 B entry", -EOPNOTSUPP,
		ena_hw_llq_select(&hw, &o, &req, &info));
	o.descs_before_header_supported = 8 | 2;
	req.descs_before_header = 8;
	ENA_CHECK_RC("8 requested, does not fit: fallback", 0,
		ena_hw_llq_select(&hw, &o, &req, &info));
	ENA_CHECK_EQ(
		"fallback to 2 before header", 2, info.descs_before_header);
	req.descs_before_header = 2;
	o.descs_before_header_supported = 2;
	o.stride_supported = 0;
	ENA_CHECK_RC("no stride", -EOPNOTSUPP,
		ena_hw_llq_select(&hw, &o, &req, &info));

	/* Configure falls back to host placement without a memory BAR. */
	o.stride_supported = ENA_LLQ_STRIDE_SINGLE_DESC;
	ENA_CHECK_RC("configure without BAR 2", 0,
		ena_hw_llq_configure(&hw, &o, &req));
	ENA_CHECK_EQ("host placement", ENA_HW_PLACEMENT_HOST, hw.tx_placement);
}

/* ------------------------------------------------------------------------ */
/* Hand-made queues: descriptor formats and completion validation           */
/* ------------------------------------------------------------------------ */

struct hand_q {
	struct ena_hw hw;
	struct ena_hw_io_sq sq;
	struct ena_hw_io_cq cq;
	uint32_t regs[64];
	uint8_t *llq_bar;
};

static int
hand_q_init(struct hand_q *q, enum ena_hw_dir dir, uint16_t depth,
	const struct ena_hw_llq_info *llq)
{
	size_t cdesc = dir == ENA_HW_DIR_TX ? sizeof(struct ena_tx_cdesc)
					    : sizeof(struct ena_rx_cdesc);

	memset(q, 0, sizeof(*q));
	ena_hw_init(&q->hw, "hand", q->regs, NULL, -1);
	q->sq.hw = &q->hw;
	q->sq.dir = (uint8_t)dir;
	q->sq.depth = depth;
	q->sq.mask = depth - 1;
	q->sq.phase = 1;
	q->sq.dma_width = 48;
	q->sq.max_descs_per_pkt = 16;
	q->sq.max_header = 128;
	q->sq.db = &q->regs[8];
	q->sq.placement = ENA_HW_PLACEMENT_HOST;
	q->cq.hw = &q->hw;
	q->cq.dir = (uint8_t)dir;
	q->cq.depth = depth;
	q->cq.mask = depth - 1;
	q->cq.phase = 1;
	q->cq.entry_size = (uint16_t)cdesc;
	q->cq.max_rx_descs = 8;
	q->cq.head_db = &q->regs[9];
	q->cq.ring = rte_zmalloc("hand_cq", depth * cdesc, 64);
	if (dir == ENA_HW_DIR_RX)
		q->sq.rx_posted_len = rte_zmalloc("hand_len", 2 * depth, 0);
	if (llq != NULL) {
		q->sq.placement = ENA_HW_PLACEMENT_DEV;
		q->sq.llq = *llq;
		q->sq.burst_left = llq->max_entries_in_burst;
		q->sq.no_meta_caching = llq->disable_meta_caching;
		q->llq_bar = rte_zmalloc(
			"hand_llq", (size_t)depth * llq->entry_size, 64);
		q->sq.llq_ring = q->llq_bar;
		q->sq.bounce = rte_zmalloc("hand_bounce", llq->entry_size, 64);
	} else {
		q->sq.ring = rte_zmalloc("hand_sq", depth * 16, 64);
	}
	return q->cq.ring != NULL ? 0 : -ENOMEM;
}

static void
hand_q_fini(struct hand_q *q)
{
	rte_free(q->cq.ring);
	rte_free(q->sq.ring);
	rte_free(q->sq.rx_posted_len);
	rte_free(q->llq_bar);
	rte_free(q->sq.bounce);
}

static void
test_tx_host(void)
{
	struct hand_q q;
	struct ena_hw_buf bufs[3] = {
		{ 0x1000, 100 },
		{ 0x2000, 200 },
		{ 0xABCD00001000ULL, 300 },
	};
	struct ena_hw_tx_ctx ctx;
	struct ena_tx_desc *d;
	struct ena_tx_meta_desc *m;
	uint16_t used, req_id = 0xffff;
	struct ena_tx_cdesc *cd;
	unsigned int i;
	int rc;

	ENA_CHECK_RC("hand queue", 0, hand_q_init(&q, ENA_HW_DIR_TX, 8, NULL));
	d = q.sq.ring;

	/* One segment, no offloads: one descriptor, first and last. */
	memset(&ctx, 0, sizeof(ctx));
	ctx.bufs = bufs;
	ctx.nbufs = 1;
	ctx.req_id = 0x2A5; /* exercises both req_id halves */
	rc = ena_hw_tx_prepare(&q.sq, &ctx, &used);
	ENA_CHECK_RC("tx prepare 1 seg", 0, rc);
	ENA_CHECK_EQ("1 seg uses 1 slot", 1, used);
	ENA_CHECK(d[0].len_ctrl & ENA_TX_DESC_FIRST_MASK, "first not set");
	ENA_CHECK(d[0].len_ctrl & ENA_TX_DESC_LAST_MASK, "last not set");
	ENA_CHECK(d[0].len_ctrl & ENA_TX_DESC_PHASE_MASK, "phase not 1");
	ENA_CHECK(d[0].len_ctrl & ENA_TX_DESC_COMP_REQ_MASK, "no comp req");
	ENA_CHECK_EQ("length", 100,
		ENA_FIELD_GET(d[0].len_ctrl, ENA_TX_DESC_LENGTH));
	ENA_CHECK_EQ("req_id", 0x2A5, ena_tx_desc_req_id_get(&d[0]));
	ENA_CHECK_EQ("address", 0x1000, ena_tx_desc_addr_get(&d[0]));
	ENA_CHECK_EQ("doorbell not yet rung", 0, q.regs[8]);
	ena_hw_sq_doorbell(&q.sq);
	ENA_CHECK_EQ("doorbell carries the tail", 1, q.regs[8]);

	/* Three segments with an offload context: meta + 3 descriptors. */
	ctx.nbufs = 3;
	ctx.req_id = 3;
	ctx.meta_valid = true;
	ctx.meta.mss = 1448;
	ctx.meta.l3_hdr_len = 20;
	ctx.meta.l3_hdr_off = 14;
	ctx.meta.l4_hdr_words = 5;
	ctx.l3_proto = ENA_L3_PROTO_IPV4;
	ctx.l4_proto = ENA_L4_PROTO_TCP;
	ctx.flags = ENA_HW_TX_L3_CSUM | ENA_HW_TX_L4_CSUM | ENA_HW_TX_TSO;
	rc = ena_hw_tx_prepare(&q.sq, &ctx, &used);
	ENA_CHECK_RC("tx prepare 3 seg + meta", 0, rc);
	ENA_CHECK_EQ("3 seg + meta uses 4 slots", 4, used);
	m = (struct ena_tx_meta_desc *)&d[1];
	ENA_CHECK(m->len_ctrl & ENA_TX_META_META_DESC_MASK, "meta flag");
	ENA_CHECK(m->len_ctrl & ENA_TX_META_FIRST_MASK, "meta is first");
	ENA_CHECK_EQ("mss", 1448, ena_tx_meta_mss_get(m));
	ENA_CHECK_EQ("l3 hdr off", 14,
		ENA_FIELD_GET(m->word2, ENA_TX_META_L3_HDR_OFF));
	ENA_CHECK(!(d[2].len_ctrl & ENA_TX_DESC_FIRST_MASK),
		"data desc marked first despite meta");
	ENA_CHECK(d[2].meta_ctrl & ENA_TX_DESC_TSO_EN_MASK, "tso bit");
	ENA_CHECK_EQ("l4 proto", ENA_L4_PROTO_TCP,
		ENA_FIELD_GET(d[2].meta_ctrl, ENA_TX_DESC_L4_PROTO));
	ENA_CHECK(!(d[3].len_ctrl & ENA_TX_DESC_LAST_MASK), "middle is last");
	ENA_CHECK(d[4].len_ctrl & ENA_TX_DESC_LAST_MASK, "last not last");
	ENA_CHECK_EQ("48-bit address", 0xABCD00001000ULL,
		ena_tx_desc_addr_get(&d[4]));

	/* Same context again: cached, no meta descriptor. */
	ctx.nbufs = 1;
	ctx.req_id = 4;
	ENA_CHECK_EQ("free slots before", 8 - 1 - 5, ena_hw_sq_free(&q.sq));
	rc = ena_hw_tx_prepare(&q.sq, &ctx, &used);
	ENA_CHECK_RC("tx prepare cached meta", 0, rc);
	ENA_CHECK_EQ("cached meta: 1 slot", 1, used);
	ENA_CHECK(d[5].len_ctrl & ENA_TX_DESC_FIRST_MASK, "first without meta");
	/* Ring full: 6 used of 7 usable, a 2-slot packet does not fit. */
	ctx.meta.mss = 1000;
	rc = ena_hw_tx_prepare(&q.sq, &ctx, &used);
	ENA_CHECK_RC("ring full", -ENOSPC, rc);

	/* Completions: phase, req_id, bad req_id. */
	cd = q.cq.ring;
	ENA_CHECK_RC(
		"no completion", -EAGAIN, ena_hw_tx_comp_get(&q.cq, &req_id));
	ENA_CHECK(ena_hw_cq_empty(&q.cq), "cq not empty");
	for (i = 0; i < 8; i++) {
		cd[i].req_id = (uint16_t)i;
		cd[i].flags = 1;
	}
	cd[2].req_id = 8; /* one past the depth */
	ENA_CHECK_RC("comp 0", 0, ena_hw_tx_comp_get(&q.cq, &req_id));
	ENA_CHECK_EQ("comp 0 req_id", 0, req_id);
	ENA_CHECK_RC("comp 1", 0, ena_hw_tx_comp_get(&q.cq, &req_id));
	ENA_CHECK_RC(
		"bad tx req_id", -ERANGE, ena_hw_tx_comp_get(&q.cq, &req_id));
	ENA_CHECK_EQ("bad req_id not consumed", 2, q.cq.head);
	ENA_CHECK_EQ("reset reason for bad tx req_id",
		ENA_RESET_REASON_INV_TX_REQ_ID,
		ena_hw_reset_reason_for(-ERANGE, ENA_HW_DIR_TX));
	cd[2].req_id = 2;
	for (i = 2; i < 8; i++)
		ena_hw_tx_comp_get(&q.cq, &req_id);
	ENA_CHECK_EQ("cq wrapped flips phase", 0, q.cq.phase);
	ENA_CHECK_RC("old phase ignored after wrap", -EAGAIN,
		ena_hw_tx_comp_get(&q.cq, &req_id));
	ena_hw_cq_head_update(&q.cq);
	q.cq.unmask_reg = &q.regs[10];
	q.hw.intr_delay_resolution = 2;
	q.hw.intr_rx_usecs = 40;
	q.hw.intr_tx_usecs = 64;
	ena_hw_cq_unmask_moderated(&q.cq);
	ENA_CHECK_EQ("unmask: rx delay in device units", 20,
		ENA_FIELD_GET(q.regs[10], ENA_INTR_REG_RX_DELAY));
	ENA_CHECK_EQ("unmask: tx delay in device units", 32,
		ENA_FIELD_GET(q.regs[10], ENA_INTR_REG_TX_DELAY));
	ENA_CHECK(q.regs[10] & ENA_INTR_REG_UNMASK_MASK, "unmask bit");
	q.cq.numa_reg = &q.regs[11];
	ena_hw_cq_set_numa(&q.cq, 1);
	ENA_CHECK_EQ(
		"numa register", ENA_NUMA_CFG_ENABLED_MASK | 1, q.regs[11]);
	ENA_CHECK_EQ("cq head doorbell", 0, q.regs[9] & 7);
	ena_hw_tx_comp_ack(&q.sq, 6);
	ENA_CHECK_EQ("all slots free after ack", 7, ena_hw_sq_free(&q.sq));

	/* Bad input. */
	ctx.nbufs = 17;
	ENA_CHECK_RC("too many segments", -EINVAL,
		ena_hw_tx_prepare(&q.sq, &ctx, &used));
	ctx.nbufs = 0;
	ctx.push_len = 0;
	ENA_CHECK_RC(
		"empty packet", -EINVAL, ena_hw_tx_prepare(&q.sq, &ctx, &used));
	bufs[0].iova = 1ULL << 50;
	ctx.nbufs = 1;
	ENA_CHECK_RC("address beyond DMA width", -EINVAL,
		ena_hw_tx_prepare(&q.sq, &ctx, &used));
	hand_q_fini(&q);
}

static void
test_tx_llq(void)
{
	struct ena_hw_llq_info llq = {
		.header_location = ENA_LLQ_HEADER_INLINE,
		.entry_size_ctrl = ENA_LLQ_ENTRY_128B,
		.entry_size = 128,
		.descs_before_header = 2,
		.stride_ctrl = ENA_LLQ_STRIDE_MULTI_DESC,
		.descs_per_entry = 8,
		.max_entries_in_burst = 4,
	};
	struct ena_hw_buf bufs[12];
	uint8_t hdr[96];
	struct ena_hw_tx_ctx ctx;
	struct ena_tx_desc *e;
	struct hand_q q;
	uint16_t used;
	unsigned int i;
	int rc;

	ENA_CHECK_RC(
		"hand llq queue", 0, hand_q_init(&q, ENA_HW_DIR_TX, 16, &llq));
	for (i = 0; i < sizeof(hdr); i++)
		hdr[i] = (uint8_t)(i + 1);
	for (i = 0; i < 12; i++) {
		bufs[i].iova = 0x10000 + i * 0x1000;
		bufs[i].len = (uint16_t)(64 + i);
	}
	memset(&ctx, 0, sizeof(ctx));
	ctx.bufs = bufs;
	ctx.nbufs = 1;
	ctx.push_hdr = hdr;
	ctx.push_len = 42;
	ctx.req_id = 7;

	/* One segment: one entry, descriptor then header at 2 * 16. */
	rc = ena_hw_tx_prepare(&q.sq, &ctx, &used);
	ENA_CHECK_RC("llq 1 seg", 0, rc);
	ENA_CHECK_EQ("llq 1 seg: 1 entry", 1, used);
	e = (struct ena_tx_desc *)q.llq_bar;
	ENA_CHECK(e[0].len_ctrl & ENA_TX_DESC_FIRST_MASK, "llq first");
	ENA_CHECK(e[0].len_ctrl & ENA_TX_DESC_LAST_MASK, "llq last");
	ENA_CHECK_EQ("llq header length", 42,
		ENA_FIELD_GET(e[0].addr_hi_hdr, ENA_TX_DESC_HDR_LEN));
	ENA_CHECK(memcmp(q.llq_bar + 32, hdr, 42) == 0,
		"header bytes not at offset 32 of the entry");
	ENA_CHECK_EQ("byte after header zero", 0, q.llq_bar[32 + 42]);
	ENA_CHECK_EQ("burst budget after 1 entry", 3, q.sq.burst_left);

	/* 10 segments: 2 in entry 0, 8 in entry 1 -> 2 entries. */
	ctx.nbufs = 10;
	ctx.req_id = 8;
	ENA_CHECK(!ena_hw_sq_doorbell_needed(&q.sq, &ctx),
		"doorbell needed too early");
	rc = ena_hw_tx_prepare(&q.sq, &ctx, &used);
	ENA_CHECK_RC("llq 10 seg", 0, rc);
	ENA_CHECK_EQ("llq 10 seg: 2 entries", 2, used);
	e = (struct ena_tx_desc *)(q.llq_bar + 128);
	ENA_CHECK_EQ("entry 1 desc 0 addr", bufs[0].iova,
		ena_tx_desc_addr_get(&e[0]));
	ENA_CHECK_EQ("entry 1 desc 1 addr", bufs[1].iova,
		ena_tx_desc_addr_get(&e[1]));
	ENA_CHECK(memcmp(q.llq_bar + 128 + 32, hdr, 42) == 0,
		"second packet header misplaced");
	e = (struct ena_tx_desc *)(q.llq_bar + 256);
	ENA_CHECK_EQ("entry 2 desc 0 addr", bufs[2].iova,
		ena_tx_desc_addr_get(&e[0]));
	ENA_CHECK(e[7].len_ctrl & ENA_TX_DESC_LAST_MASK,
		"last desc of entry 2 not last");
	ENA_CHECK_EQ("burst budget after 3 entries", 1, q.sq.burst_left);

	/* Another 10-seg packet exceeds the burst: doorbell first. */
	ENA_CHECK(ena_hw_sq_doorbell_needed(&q.sq, &ctx),
		"doorbell not requested at burst limit");
	ENA_CHECK_RC("burst limit enforced", -EBUSY,
		ena_hw_tx_prepare(&q.sq, &ctx, &used));
	ena_hw_sq_doorbell(&q.sq);
	ENA_CHECK_EQ("llq doorbell tail", 3, q.regs[8]);
	ENA_CHECK_EQ("burst budget refilled", 4, q.sq.burst_left);
	ENA_CHECK_RC(
		"after doorbell", 0, ena_hw_tx_prepare(&q.sq, &ctx, &used));

	/* Header too big for the entry; header missing. */
	ctx.nbufs = 1;
	ctx.push_len = 128 - 32 + 1;
	ENA_CHECK_RC("header overflows entry", -EINVAL,
		ena_hw_tx_prepare(&q.sq, &ctx, &used));
	ctx.push_len = 10;
	ctx.push_hdr = NULL;
	ENA_CHECK_RC("llq without push header", -EINVAL,
		ena_hw_tx_prepare(&q.sq, &ctx, &used));
	hand_q_fini(&q);
}

/*
 * The one-buffer shortcuts must write what the general prepare writes for
 * the same packet, byte for byte, and fail the same way: two hand-made
 * queues side by side, one fed by each, over packets that take the short
 * path and packets that fall back (zero length, address beyond the DMA
 * width, header missing or too long, LLQ burst budget spent).
 */
static void
test_tx_one(void)
{
	static const struct {
		uint64_t iova;
		uint16_t len, req_id;
	} host[] = {
		{ 0x1000, 60, 0 },
		{ 0xABCD00001000ULL, 1500, 0x2A5 },
		{ 0x3000, 0, 1 },	/* zero length: general path */
		{ 1ULL << 50, 100, 2 }, /* beyond 48 DMA bits */
		{ 0x4000, 0xffff, 0x3ff },
	};
	static const struct {
		uint16_t hdr_len, len;
		bool hdr;
	} llqp[] = {
		{ 64, 0, true },
		{ 96, 1404, true },
		{ 14, 0, true },
		{ 15, 0, true },
		{ 16, 20, true },
		{ 0, 100, true },
		{ 42, 0, false }, /* no header: refused */
		{ 97, 0, true },  /* above the entry: refused */
		{ 33, 7, true },
		{ 64, 0, true },
		{ 64, 0, true },
	};
	struct ena_hw_llq_info llq = {
		.header_location = ENA_LLQ_HEADER_INLINE,
		.entry_size_ctrl = ENA_LLQ_ENTRY_128B,
		.entry_size = 128,
		.descs_before_header = 2,
		.stride_ctrl = ENA_LLQ_STRIDE_MULTI_DESC,
		.descs_per_entry = 8,
		.max_entries_in_burst = 6,
	};
	struct hand_q a, b;
	uint16_t ua, ub;
	uint8_t hdr[128];
	unsigned int i, wide, variant;
	int ra, rb;

	for (i = 0; i < sizeof(hdr); i++)
		hdr[i] = (uint8_t)(0x30 + i);
	/* prepare_one, then the burst's put_one (which leaves room and a
	 * non-zero length to its caller). */
	for (variant = 0; variant < 2; variant++) {
		ENA_CHECK_RC("hand queue a", 0,
			hand_q_init(&a, ENA_HW_DIR_TX, 8, NULL));
		ENA_CHECK_RC("hand queue b", 0,
			hand_q_init(&b, ENA_HW_DIR_TX, 8, NULL));
		a.sq.dma_width = b.sq.dma_width = 48;
		ENA_CHECK(ena_hw_sq_tx_one_ready(&a.sq),
			"host Tx queue one-ready");
		for (i = 0; i < RTE_DIM(host); i++) {
			struct ena_hw_buf buf = { host[i].iova, host[i].len };
			struct ena_hw_tx_ctx ctx = {
				.bufs = &buf,
				.nbufs = 1,
				.req_id = host[i].req_id,
			};

			if (variant == 1 && host[i].len == 0)
				continue;
			ua = ub = 0xeeee;
			if (variant == 0) {
				ra = ena_hw_tx_prepare_one(&a.sq, host[i].iova,
					host[i].len, host[i].req_id, &ua);
			} else {
				ra = ena_hw_tx_put_one(&a.sq, host[i].iova,
					host[i].len, host[i].req_id);
				ua = ra > 0 ? (uint16_t)ra : 0;
				ra = ra > 0 ? 0 : ra;
			}
			rb = ena_hw_tx_prepare(&b.sq, &ctx, &ub);
			ENA_CHECK(
				ra == rb && ua == ub && a.sq.tail == b.sq.tail,
				"host packet %u (%s): %d/%u, general %d/%u", i,
				variant ? "put_one" : "prepare_one", ra, ua, rb,
				ub);
		}
		ENA_CHECK(memcmp(a.sq.ring, b.sq.ring, 8 * 16) == 0,
			"host rings differ between %s and the general path",
			variant ? "put_one" : "prepare_one");
		hand_q_fini(&a);
		hand_q_fini(&b);
	}

	/* Store widths, then without meta caching (a meta descriptor each). */
	for (wide = 0; wide < 3; wide++) {
		llq.disable_meta_caching = wide == 2;
		ENA_CHECK_RC("llq queue a", 0,
			hand_q_init(&a, ENA_HW_DIR_TX, 16, &llq));
		ENA_CHECK_RC("llq queue b", 0,
			hand_q_init(&b, ENA_HW_DIR_TX, 16, &llq));
		a.sq.max_header = b.sq.max_header = 96;
		/* Entries hold an earlier packet's bytes: each path must
		 * overwrite the whole entry. */
		memset(a.llq_bar, 0xa5, 16 * 128);
		memset(b.llq_bar, 0xa5, 16 * 128);
		ENA_CHECK(ena_hw_sq_llq_one_ready(&a.sq, 96) &&
				!ena_hw_sq_llq_one_ready(&a.sq, 97),
			"LLQ one-ready for headers up to 96 B only (wide %u)",
			wide);
		for (i = 0; i < RTE_DIM(llqp); i++) {
			struct ena_hw_buf buf = { 0x9000 + i * 0x100,
				llqp[i].len };
			struct ena_hw_tx_ctx ctx = {
				.bufs = llqp[i].len != 0 ? &buf : NULL,
				.nbufs = llqp[i].len != 0 ? 1 : 0,
				.push_hdr = llqp[i].hdr ? hdr : NULL,
				.push_len = llqp[i].hdr_len,
				.req_id = (uint16_t)(i + 1),
			};

			ua = ub = 0xeeee;
			ra = ena_hw_tx_prepare_one_llq(&a.sq,
				llqp[i].hdr ? hdr : NULL, llqp[i].hdr_len,
				buf.iova, llqp[i].len, (uint16_t)(i + 1), &ua,
				wide == 1);
			rb = ena_hw_tx_prepare_w(&b.sq, &ctx, &ub, wide == 1);
			ENA_CHECK(ra == rb && ua == ub &&
					a.sq.tail == b.sq.tail &&
					a.sq.burst_left == b.sq.burst_left,
				"llq wide=%u packet %u: one %d/%u, general "
				"%d/%u",
				wide, i, ra, ua, rb, ub);
		}
		ENA_CHECK(ena_hw_sq_llq_budget_spent(&a.sq),
			"llq wide=%u: budget of 6 entries not spent", wide);
		ENA_CHECK(memcmp(a.llq_bar, b.llq_bar, 16 * 128) == 0,
			"llq wide=%u: entries differ between the paths", wide);
		hand_q_fini(&a);
		hand_q_fini(&b);
	}
}

/*
 * The one-buffer LLQ path reads no byte past the header: each header of 1
 * to 96 bytes ends exactly where an inaccessible page begins (a read past
 * it faults), in both store widths and with and without a meta
 * descriptor; each entry holds the header and zeros after it.
 */
static void
test_tx_llq_header_end(void)
{
	struct ena_hw_llq_info llq = {
		.header_location = ENA_LLQ_HEADER_INLINE,
		.entry_size_ctrl = ENA_LLQ_ENTRY_128B,
		.entry_size = 128,
		.descs_before_header = 2,
		.stride_ctrl = ENA_LLQ_STRIDE_MULTI_DESC,
		.descs_per_entry = 8,
	};
	long page = sysconf(_SC_PAGESIZE);
	unsigned int variant, len, i, bad = 0, sent = 0;
	struct hand_q q;
	uint8_t *map;

	map = mmap(NULL, (size_t)page * 2, PROT_READ | PROT_WRITE,
		MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED) {
		ENA_CHECK(false, "mmap of two pages");
		return;
	}
	for (i = 0; i < (unsigned int)page; i++)
		map[i] = (uint8_t)(i * 7 + 1);
	ENA_CHECK_RC(
		"guard page", 0, mprotect(map + page, (size_t)page, PROT_NONE));
	for (variant = 0; variant < 4; variant++) {
		llq.disable_meta_caching = variant >= 2;
		if (hand_q_init(&q, ENA_HW_DIR_TX, 16, &llq) != 0) {
			bad++;
			continue;
		}
		q.sq.max_header = 96;
		for (len = 1; len <= 96; len++) {
			const uint8_t *hdr = map + page - len;
			const uint8_t *e = q.llq_bar +
				(size_t)(q.sq.tail & q.sq.mask) * 128;
			uint16_t used = 0;
			int rc;

			rc = ena_hw_tx_prepare_one_llq(&q.sq, hdr,
				(uint16_t)len, 0, 0, (uint16_t)(len & 15),
				&used, (variant & 1) != 0);
			if (rc != 0 || used != 1 || memcmp(e + 32, hdr, len)) {
				bad++;
				continue;
			}
			for (i = 32 + len; i < 128; i++)
				if (e[i] != 0)
					break;
			bad += i != 128;
			sent++;
			q.sq.next_to_comp = q.sq.tail;
		}
		hand_q_fini(&q);
	}
	ENA_CHECK_EQ("LLQ headers ending at a guard page", 0, bad);
	ENA_CHECK_EQ("LLQ headers sent", 4 * 96, sent);
	munmap(map, (size_t)page * 2);
}

/*
 * LLQ entries go out in whole blocks from a bounce buffer that is never
 * cleared: a short header after a long one, or one descriptor where two
 * fit before the header, must leave nothing of the earlier packet in the
 * entry. In both store widths; each entry byte is checked.
 */
static void
test_tx_llq_reuse(void)
{
	struct ena_hw_llq_info llq = {
		.header_location = ENA_LLQ_HEADER_INLINE,
		.entry_size_ctrl = ENA_LLQ_ENTRY_128B,
		.entry_size = 128,
		.descs_before_header = 2,
		.stride_ctrl = ENA_LLQ_STRIDE_MULTI_DESC,
		.descs_per_entry = 8,
	};
	static const uint16_t lens[] = { 96, 15, 17, 42, 64, 0 };
	struct ena_hw_buf bufs[2] = {
		{ .iova = 0x20000, .len = 100 },
		{ .iova = 0x30000, .len = 200 },
	};
	struct ena_hw_tx_ctx ctx;
	uint8_t hdr[96];
	struct hand_q q;
	unsigned int wide, k, i, bad;
	uint16_t used, slot = 0, nb;
	const uint8_t *e;

	for (i = 0; i < sizeof(hdr); i++)
		hdr[i] = (uint8_t)(0xa0 + i);
	for (wide = 0; wide < 2; wide++) {
		ENA_CHECK_RC("hand llq queue", 0,
			hand_q_init(&q, ENA_HW_DIR_TX, 16, &llq));
		slot = 0;
		for (k = 0; k < RTE_DIM(lens); k++) {
			memset(&ctx, 0, sizeof(ctx));
			/* Two buffers for the long header, one after. */
			nb = lens[k] == 0 ? 1 : (k == 0 ? 2 : 1);
			ctx.bufs = bufs;
			ctx.nbufs = nb;
			ctx.push_hdr = hdr;
			ctx.push_len = lens[k];
			ctx.req_id = (uint16_t)k;
			ENA_CHECK_RC("llq reuse prepare", 0,
				ena_hw_tx_prepare_w(
					&q.sq, &ctx, &used, wide != 0));
			e = q.llq_bar + (size_t)slot * 128;
			slot = (uint16_t)(slot + used);
			ENA_CHECK(memcmp(e + 32, hdr, lens[k]) == 0,
				"wide=%u header %u bytes", wide, lens[k]);
			/* Descriptor slot 1 unused from k = 1 on. */
			for (bad = 0, i = k == 0 ? 32 : 16; i < 32; i++)
				bad += e[i] != 0;
			for (i = 32 + lens[k]; i < 128; i++)
				bad += e[i] != 0;
			ENA_CHECK(bad == 0,
				"wide=%u header %u: %u stale bytes in the "
				"entry",
				wide, lens[k], bad);
		}
		hand_q_fini(&q);
	}
}

static void
rx_cdesc_set(struct hand_q *q, uint16_t i, uint16_t req_id, uint16_t len,
	bool first, bool last, uint8_t phase)
{
	struct ena_rx_cdesc *c = (struct ena_rx_cdesc *)q->cq.ring + i;
	uint32_t st = 0;

	c->req_id = req_id;
	c->length = len;
	c->hash = 0x1234u + i;
	ENA_FIELD_SET(st, ENA_RX_CDESC_L3_PROTO, ENA_L3_PROTO_IPV4);
	ENA_FIELD_SET(st, ENA_RX_CDESC_L4_PROTO, ENA_L4_PROTO_UDP);
	ENA_FIELD_SET(st, ENA_RX_CDESC_FIRST, first);
	ENA_FIELD_SET(st, ENA_RX_CDESC_LAST, last);
	ENA_FIELD_SET(st, ENA_RX_CDESC_PHASE, phase);
	c->status = st;
}

/*
 * The Tx cursor (ena_hw_tx_put) writes what the general path writes for
 * packets of one buffer, in runs of four over three wraps of the ring (both
 * phases), and refuses, writing nothing, an address beyond the DMA width
 * exactly where the general path refuses it.
 */
static void
test_tx_put(void)
{
	struct ena_hw_tx_cursor cur;
	struct hand_q a, b;
	unsigned int i, bad = 0, refused = 0;
	uint16_t used;

	ENA_CHECK_RC(
		"hand tx queue", 0, hand_q_init(&a, ENA_HW_DIR_TX, 8, NULL));
	ENA_CHECK_RC(
		"hand tx queue", 0, hand_q_init(&b, ENA_HW_DIR_TX, 8, NULL));
	a.sq.dma_width = b.sq.dma_width = 40;
	ena_hw_tx_put_begin(&a.sq, &cur);
	for (i = 0; i < 26; i++) {
		struct ena_hw_buf buf = {
			.iova = i == 13 ? 1ULL << 41
					: 0xAB00001000ULL + i * 0x800,
			.len = (uint16_t)(60 + i * 57),
		};
		struct ena_hw_tx_ctx ctx = {
			.bufs = &buf,
			.nbufs = 1,
			.req_id = (uint16_t)((i * 3) & 7),
		};
		int rb;
		bool ok;

		if (i % 4 == 0)
			ena_hw_tx_put_begin(&a.sq, &cur);
		ok = ena_hw_tx_put(&cur, buf.iova, buf.len, ctx.req_id);
		rb = ena_hw_tx_prepare(&b.sq, &ctx, &used);
		if (ok != (rb == 0) || (ok && used != 1))
			bad++;
		refused += !ok;
		if (i % 4 == 3 || i == 25) {
			ena_hw_tx_put_end(&a.sq, &cur);
			if (memcmp(a.sq.ring, b.sq.ring, 8 * 16) != 0 ||
				a.sq.tail != b.sq.tail ||
				a.sq.phase != b.sq.phase)
				bad++;
			/* The device completes them all. */
			a.sq.next_to_comp = a.sq.tail;
			b.sq.next_to_comp = b.sq.tail;
		}
	}
	ENA_CHECK_EQ("tx put = general path, 26 packets", 0, bad);
	ENA_CHECK_EQ("tx put refused the address beyond 40 bits", 1, refused);
	ENA_CHECK_EQ("tx put wrapped the ring", 25, a.sq.tail);
	ENA_CHECK_EQ("tx put phase after 3 wraps", 0, a.sq.phase);
	hand_q_fini(&a);
	hand_q_fini(&b);
}

/*
 * The Rx cursor writes, slot by slot, the descriptor the device interface
 * defines: length, FIRST | LAST | COMP_REQ with the slot's phase, req_id,
 * address bits 47:0, every reserved byte zero (the rings start full of
 * 0xff). It records the posted length and flips the phase at each wrap.
 * ena_hw_rx_post(), its one-step form, writes the same on another queue.
 */
static void
test_rx_put(void)
{
	struct hand_q a, b;
	struct ena_hw_rx_cursor cur;
	struct ena_hw_buf buf;
	unsigned int round, i, bad = 0, n = 0;
	uint16_t room, id, slot;
	uint8_t phase = 1;

	ENA_CHECK_RC(
		"hand rx queue", 0, hand_q_init(&a, ENA_HW_DIR_RX, 8, NULL));
	ENA_CHECK_RC(
		"hand rx queue", 0, hand_q_init(&b, ENA_HW_DIR_RX, 8, NULL));
	memset(a.sq.ring, 0xff, 8 * sizeof(struct ena_rx_desc));
	memset(b.sq.ring, 0xff, 8 * sizeof(struct ena_rx_desc));
	for (round = 0; round < 6; round++) {
		room = ena_hw_rx_put_begin(&b.sq, &cur);
		if (room != ena_hw_sq_free(&a.sq))
			bad++;
		for (i = 0; i < 5 && i < room; i++, n++) {
			struct ena_rx_desc want;

			id = (uint16_t)((round * 3 + i * 5) & 7);
			/* bits 63:48 are not the device's: dropped */
			buf.iova = 0xF00DABCD00000000ULL + round * 0x10000 +
				i * 64;
			buf.len = (uint16_t)(1000 + round * 7 + i);
			slot = (uint16_t)(n & 7);
			memset(&want, 0, sizeof(want));
			want.length = buf.len;
			want.ctrl = (uint8_t)(ENA_RX_DESC_FIRST_MASK |
				ENA_RX_DESC_LAST_MASK |
				ENA_RX_DESC_COMP_REQ_MASK |
				(phase & ENA_RX_DESC_PHASE_MASK));
			want.req_id = id;
			want.addr_lo = (uint32_t)buf.iova;
			want.addr_hi = 0xABCD;
			if (ena_hw_rx_post(&a.sq, &buf, id) != 0)
				bad++;
			ena_hw_rx_put(&cur, buf.iova, buf.len, id);
			if (memcmp((struct ena_rx_desc *)b.sq.ring + slot,
				    &want, sizeof(want)) != 0 ||
				memcmp((struct ena_rx_desc *)a.sq.ring + slot,
					&want, sizeof(want)) != 0 ||
				b.sq.rx_posted_len[id] != buf.len ||
				a.sq.rx_posted_len[id] != buf.len)
				bad++;
			if (slot == 7)
				phase ^= 1;
		}
		ena_hw_rx_put_end(&b.sq, &cur);
		if (a.sq.tail != b.sq.tail || a.sq.phase != b.sq.phase ||
			b.sq.phase != phase)
			bad++;
		/* The device takes them all. */
		a.sq.next_to_comp = a.sq.tail;
		b.sq.next_to_comp = b.sq.tail;
	}
	ENA_CHECK_EQ(
		"rx put and rx post: each descriptor as specified", 0, bad);
	ENA_CHECK_EQ("rx put wrapped the ring", 30, b.sq.tail);
	ENA_CHECK_EQ("rx put phase after 3 wraps", 0, b.sq.phase);
	hand_q_fini(&a);
	hand_q_fini(&b);
}

/*
 * ena_hw_rx_cls4() gives, lane by lane, what ena_hw_rx_cls() gives: every
 * L3 and L4 protocol number, every combination of the four flag bits, the
 * other status bits set or clear.
 */
static void
test_rx_cls4(void)
{
	unsigned int l3, l4, flags, other, k, bad = 0, n = 0;
	uint32_t st[4];

	for (other = 0; other < 2; other++)
		for (l3 = 0; l3 < 32; l3++)
			for (l4 = 0; l4 < 32; l4++)
				for (flags = 0; flags < 16; flags += 4) {
					ena_plat_u32x4 v, cls;

					for (k = 0; k < 4; k++) {
						st[k] = (l3 << ENA_RX_CDESC_L3_PROTO_SHIFT) |
							(l4 << ENA_RX_CDESC_L4_PROTO_SHIFT) |
							((flags + k)
								<< ENA_RX_CDESC_L3_CSUM_ERR_SHIFT);
						if (other)
							st[k] |=
								ENA_RX_CDESC_PHASE_MASK |
								ENA_RX_CDESC_LAST_MASK |
								ENA_RX_CDESC_FIRST_MASK |
								ENA_RX_CDESC_SRC_VLAN_CNT_MASK;
					}
					memcpy(&v, st, sizeof(v));
					cls = ena_hw_rx_cls4(v);
					for (k = 0; k < 4; k++, n++)
						bad += cls[k] !=
							ena_hw_rx_cls(st[k]);
				}
	ENA_CHECK_EQ("rx cls4 = rx cls, every lane", 0, bad);
	ENA_CHECK_EQ("rx cls4 lanes checked", 2 * 32 * 32 * 16, n);
}

/* The class byte of a packet for each protocol and flag of its status. */
static void
test_rx_cls(void)
{
	static const struct {
		uint8_t l3, l4;
		uint32_t flags; /* ENA_RX_CDESC_* status bits */
		uint8_t cls;
	} v[] = {
		{ ENA_L3_PROTO_IPV4, ENA_L4_PROTO_TCP,
			ENA_RX_CDESC_L4_CSUM_CHECKED_MASK,
			ENA_HW_RX_CLS_IPV4 | ENA_HW_RX_CLS_TCP |
				ENA_HW_RX_CLS_L4_CHECKED },
		{ ENA_L3_PROTO_IPV6, ENA_L4_PROTO_UDP,
			ENA_RX_CDESC_L4_CSUM_CHECKED_MASK |
				ENA_RX_CDESC_L4_CSUM_ERR_MASK,
			ENA_HW_RX_CLS_IPV6 | ENA_HW_RX_CLS_UDP |
				ENA_HW_RX_CLS_L4_CHECKED |
				ENA_HW_RX_CLS_L4_CSUM_ERR },
		{ ENA_L3_PROTO_IPV4, ENA_L4_PROTO_UDP,
			ENA_RX_CDESC_L3_CSUM_ERR_MASK |
				ENA_RX_CDESC_IPV4_FRAG_MASK,
			ENA_HW_RX_CLS_IPV4 | ENA_HW_RX_CLS_UDP |
				ENA_HW_RX_CLS_L3_CSUM_ERR |
				ENA_HW_RX_CLS_IPV4_FRAG },
		{ ENA_L3_PROTO_FCOE, ENA_L4_PROTO_UNKNOWN, 0, 0 },
		{ ENA_L3_PROTO_UNKNOWN, ENA_L4_PROTO_ROUTEABLE_ROCE,
			ENA_RX_CDESC_L4_CSUM_CHECKED_MASK,
			ENA_HW_RX_CLS_L4_CHECKED },
	};
	struct ena_hw_rx_frag frags[2];
	struct ena_hw_rx_ctx ctx = { .frags = frags, .max_frags = 2 };
	struct ena_hw_buf buf = { .len = 2048 };
	struct ena_rx_cdesc *c;
	struct hand_q q;
	unsigned int i;
	uint32_t st;

	ENA_CHECK_RC(
		"hand rx queue", 0, hand_q_init(&q, ENA_HW_DIR_RX, 8, NULL));
	for (i = 0; i < RTE_DIM(v); i++) {
		buf.iova = 0x80000 + i * 2048;
		ENA_CHECK_RC(
			"rx post", 0, ena_hw_rx_post(&q.sq, &buf, (uint16_t)i));
		c = (struct ena_rx_cdesc *)q.cq.ring + i;
		st = v[i].flags | ENA_RX_CDESC_FIRST_MASK |
			ENA_RX_CDESC_LAST_MASK;
		ENA_FIELD_SET(st, ENA_RX_CDESC_L3_PROTO, v[i].l3);
		ENA_FIELD_SET(st, ENA_RX_CDESC_L4_PROTO, v[i].l4);
		ENA_FIELD_SET(st, ENA_RX_CDESC_PHASE, 1);
		c->req_id = (uint16_t)i;
		c->length = 60;
		c->status = st;
		ENA_CHECK_RC("rx class packet", 0,
			ena_hw_rx_pkt(&q.cq, &q.sq, &ctx));
		ENA_CHECK(ctx.nfrags == 1 && ctx.cls == v[i].cls,
			"rx class %u: 0x%x, want 0x%x", i, ctx.cls, v[i].cls);
	}
	hand_q_fini(&q);
}

static void
test_rx_hand(void)
{
	struct ena_hw_rx_frag frags[8];
	struct ena_hw_rx_ctx ctx = { .frags = frags, .max_frags = 4 };
	struct ena_hw_buf buf;
	struct ena_rx_desc *d;
	struct hand_q q;
	unsigned int i;
	int rc;

	ENA_CHECK_RC(
		"hand rx queue", 0, hand_q_init(&q, ENA_HW_DIR_RX, 8, NULL));
	d = q.sq.ring;
	for (i = 0; i < 7; i++) {
		buf.iova = 0x40000 + i * 2048;
		buf.len = 2048;
		ENA_CHECK_RC(
			"rx post", 0, ena_hw_rx_post(&q.sq, &buf, (uint16_t)i));
	}
	ENA_CHECK_RC("rx ring full", -ENOSPC, ena_hw_rx_post(&q.sq, &buf, 7));
	ENA_CHECK_RC(
		"rx bad req_id post", -ERANGE, ena_hw_rx_post(&q.sq, &buf, 8));
	ENA_CHECK_EQ("rx desc req_id", 3, d[3].req_id);
	ENA_CHECK_EQ("rx desc length", 2048, d[3].length);
	ENA_CHECK_EQ("rx desc addr", 0x40000 + 3 * 2048,
		ena_rx_desc_addr_get(&d[3]));
	ENA_CHECK((d[3].ctrl &
			  (ENA_RX_DESC_FIRST_MASK | ENA_RX_DESC_LAST_MASK |
				  ENA_RX_DESC_PHASE_MASK)) ==
			(ENA_RX_DESC_FIRST_MASK | ENA_RX_DESC_LAST_MASK | 1),
		"rx desc ctrl 0x%x", d[3].ctrl);

	/* Nothing yet. */
	ENA_CHECK_RC("rx empty", 0, ena_hw_rx_pkt(&q.cq, &q.sq, &ctx));
	ENA_CHECK_EQ("rx empty nfrags", 0, ctx.nfrags);

	/* A single-buffer packet. */
	rx_cdesc_set(&q, 0, 0, 60, true, true, 1);
	ENA_CHECK_RC("rx 1 frag", 0, ena_hw_rx_pkt(&q.cq, &q.sq, &ctx));
	ENA_CHECK_EQ("rx 1 frag nfrags", 1, ctx.nfrags);
	ENA_CHECK_EQ("rx 1 frag len", 60, frags[0].len);
	ENA_CHECK_EQ("rx class IPv4 UDP",
		ENA_HW_RX_CLS_IPV4 | ENA_HW_RX_CLS_UDP, ctx.cls);
	ENA_CHECK_EQ("rx hash", 0x1234, ctx.hash);

	/* Three buffers arriving in two steps. */
	rx_cdesc_set(&q, 1, 1, 2048, true, false, 1);
	rx_cdesc_set(&q, 2, 2, 2048, false, false, 1);
	ENA_CHECK_RC("rx partial", 0, ena_hw_rx_pkt(&q.cq, &q.sq, &ctx));
	ENA_CHECK_EQ("rx partial gives nothing", 0, ctx.nfrags);
	rx_cdesc_set(&q, 3, 3, 100, false, true, 1);
	ENA_CHECK_RC("rx 3 frags", 0, ena_hw_rx_pkt(&q.cq, &q.sq, &ctx));
	ENA_CHECK_EQ("rx 3 frags nfrags", 3, ctx.nfrags);
	ENA_CHECK_EQ("rx frag 2 req_id", 3, frags[2].req_id);
	ENA_CHECK_EQ("rx frag 2 len", 100, frags[2].len);
	ENA_CHECK_EQ("rx sq completed count", 4, q.sq.next_to_comp);

	/* Device faults. */
	rx_cdesc_set(&q, 4, 9, 60, true, true, 1);
	ENA_CHECK_RC(
		"rx bad req_id", -ERANGE, ena_hw_rx_pkt(&q.cq, &q.sq, &ctx));
	ENA_CHECK_EQ("reset reason rx req_id", ENA_RESET_REASON_INV_RX_REQ_ID,
		ena_hw_reset_reason_for(-ERANGE, ENA_HW_DIR_RX));
	rx_cdesc_set(&q, 4, 4, 4000, true, true, 1);
	ENA_CHECK_RC("rx fragment longer than buffer", -EMSGSIZE,
		ena_hw_rx_pkt(&q.cq, &q.sq, &ctx));
	/* The first fragment's offset counts too (fuzz target rx). */
	rx_cdesc_set(&q, 4, 4, 2048, true, true, 1);
	((struct ena_rx_cdesc *)q.cq.ring)[4].offset = 31;
	ENA_CHECK_RC("rx offset + length beyond the buffer", -EMSGSIZE,
		ena_hw_rx_pkt(&q.cq, &q.sq, &ctx));
	rx_cdesc_set(&q, 4, 4, 2048 - 31, true, true, 1);
	((struct ena_rx_cdesc *)q.cq.ring)[4].offset = 31;
	ENA_CHECK_RC("rx offset + length filling the buffer", 0,
		ena_hw_rx_pkt(&q.cq, &q.sq, &ctx));
	ENA_CHECK(ctx.nfrags == 1 && ctx.offset == 31,
		"rx offset packet: %u frags, offset %u", ctx.nfrags,
		ctx.offset);
	q.cq.head--;
	q.cq.rx_pending = 0;
	q.sq.next_to_comp--;
	((struct ena_rx_cdesc *)q.cq.ring)[4].offset = 0;
	for (i = 4; i < 8; i++)
		rx_cdesc_set(
			&q, (uint16_t)i, (uint16_t)i, 100, i == 4, false, 1);
	rx_cdesc_set(&q, 0, 0, 100, false, true, 0); /* wrapped: phase 0 */
	ENA_CHECK_RC("rx too many descriptors", -E2BIG,
		ena_hw_rx_pkt(&q.cq, &q.sq, &ctx));
	ENA_CHECK_EQ("reset reason too many descs",
		ENA_RESET_REASON_TOO_MANY_RX_DESCS,
		ena_hw_reset_reason_for(-E2BIG, ENA_HW_DIR_RX));
	ctx.max_frags = 5;
	q.cq.max_rx_descs = 5;
	rc = ena_hw_rx_pkt(&q.cq, &q.sq, &ctx);
	ENA_CHECK_RC("rx 5 frags across the wrap", 0, rc);
	ENA_CHECK_EQ("rx 5 frags", 5, ctx.nfrags);
	ENA_CHECK_EQ("rx cq phase flipped", 0, q.cq.phase);
	hand_q_fini(&q);
}

/* ------------------------------------------------------------------------ */
/* Against the emulator (single-step)                                       */
/* ------------------------------------------------------------------------ */

struct emu_env {
	struct ena_emu_dev *dev;
	struct ena_hw hw;
	struct ena_hw_dev_features feat;
	bool intr;     /* deliver admin/AENQ interrupts in the hook */
	bool threaded; /* the emulator thread runs the device */
	unsigned int link_events;
	bool link_up;
	unsigned int keep_alives;
	unsigned int unknown;
};

static void
emu_step(void *arg)
{
	struct emu_env *e = arg;

	if (!e->threaded)
		ena_emu_poll(e->dev);
	if (e->intr)
		ena_hw_admin_intr(&e->hw);
}

static void
emu_on_link(void *arg, const struct ena_aenq_entry *entry)
{
	struct emu_env *e = arg;
	const struct ena_aenq_link_change_desc *l =
		(const struct ena_aenq_link_change_desc *)entry;

	e->link_events++;
	e->link_up = ENA_FIELD_GET(l->flags, ENA_AENQ_LINK_UP) != 0;
}

static void
emu_on_keep_alive(void *arg, const struct ena_aenq_entry *entry)
{
	struct emu_env *e = arg;

	RTE_SET_USED(entry);
	e->keep_alives++;
}

static void
emu_on_unknown(void *arg, const struct ena_aenq_entry *entry)
{
	struct emu_env *e = arg;

	RTE_SET_USED(entry);
	e->unknown++;
}

/* Device and base layer instance, not brought up yet. */
static int
emu_create(struct emu_env *e, const char *name, const char *devargs)
{
	void *regs, *llq;
	size_t len;
	int rc;

	memset(e, 0, sizeof(*e));
	e->threaded = strstr(devargs, "thread=1") != NULL;
	e->dev = ena_emu_dev_create(name, devargs);
	if (e->dev == NULL)
		return -ENODEV;
	regs = ena_emu_bar(e->dev, ENA_EMU_BAR_REGS, &len);
	llq = ena_emu_bar(e->dev, ENA_EMU_BAR_LLQ, &len);
	rc = ena_hw_init(&e->hw, name, regs, llq, -1);
	if (rc != 0)
		return rc;
	ena_plat_wait_hook_set(emu_step, e);
	return 0;
}

static int
emu_bringup(struct emu_env *e)
{
	struct ena_hw_aenq_handlers h;
	struct ena_hw_bringup_cfg cfg;

	memset(&h, 0, sizeof(h));
	h.by_group[ENA_AENQ_GROUP_LINK_CHANGE] = emu_on_link;
	h.by_group[ENA_AENQ_GROUP_KEEP_ALIVE] = emu_on_keep_alive;
	h.unknown = emu_on_unknown;
	memset(&cfg, 0, sizeof(cfg));
	cfg.readless = true;
	cfg.admin_polling = true;
	cfg.aenq_groups = ENA_BIT(ENA_AENQ_GROUP_LINK_CHANGE) |
		ENA_BIT(ENA_AENQ_GROUP_KEEP_ALIVE) |
		ENA_BIT(ENA_AENQ_GROUP_NOTIFICATION) |
		ENA_BIT(ENA_AENQ_GROUP_FATAL_ERROR) |
		ENA_BIT(ENA_AENQ_GROUP_WARNING);
	cfg.handlers = &h;
	cfg.os_type = ENA_OS_DPDK;
	cfg.os_dist = "test-ena";
	cfg.kernel_ver = "none";
	cfg.drv_major = 1;
	cfg.num_cpus = 2;
	cfg.reset_reason = ENA_RESET_REASON_NORMAL;
	return ena_hw_bringup(&e->hw, &cfg, &e->feat);
}

static int
emu_up(struct emu_env *e, const char *name, const char *devargs)
{
	int rc = emu_create(e, name, devargs);

	return rc != 0 ? rc : emu_bringup(e);
}

static void
emu_down(struct emu_env *e)
{
	ena_hw_teardown(&e->hw, ENA_RESET_REASON_SHUTDOWN);
	ena_plat_wait_hook_set(NULL, NULL);
	if (e->dev != NULL)
		ena_emu_dev_destroy(e->dev);
	e->dev = NULL;
}

/* Poll the device until cond or a 2 s deadline. */
/* Advance the device once: poll it, or let its own thread run. */
static void
emu_advance(struct emu_env *e)
{
	if (e->threaded)
		rte_delay_us_sleep(10);
	else
		ena_emu_poll(e->dev);
}

/* Advance the device until cond or a 2 s deadline. */
#define EMU_POLL_UNTIL(e, cond)                             \
	do {                                                \
		uint64_t dl_ = ena_plat_now_us() + 2000000; \
		while (!(cond) && ena_plat_now_us() < dl_)  \
			emu_advance(e);                     \
	} while (0)

static void
emu_bringup_and_features(void)
{
	struct emu_env e;
	struct ena_emu_counters cnt;
	struct ena_hw_link link;
	struct ena_hw_offloads off;
	struct ena_hw_hints hints;
	struct ena_hw_basic_stats bs;
	struct ena_hw_eni_stats es;
	struct ena_hw_srd_stats ss;
	uint32_t sup, en, func;
	uint8_t key[ENA_HW_RSS_KEY_LEN], key2[ENA_HW_RSS_KEY_LEN];
	uint16_t fields;
	unsigned int i;
	int rc;

	rc = emu_up(&e, "base_emu0", "queues=4,llq=0");
	ENA_CHECK_RC("bring-up", 0, rc);
	if (rc != 0) {
		emu_down(&e);
		return;
	}
	ENA_CHECK(e.feat.max_mtu >= 1500, "max mtu %u", e.feat.max_mtu);
	ENA_CHECK(e.feat.queues.max_tx_sq_num >= 4, "tx queues %u",
		e.feat.queues.max_tx_sq_num);
	ENA_CHECK(e.feat.queues.max_rx_descs_per_pkt > 0,
		"max rx descs per packet %u",
		e.feat.queues.max_rx_descs_per_pkt);
	ENA_CHECK_EQ("dma width", 48, e.hw.dma_width);
	ENA_CHECK(ena_hw_admin_running(&e.hw), "admin not running");
	ENA_CHECK_RC("counters", 0, ena_emu_counters_get(e.dev, &cnt));
	ENA_CHECK(cnt.resets >= 1, "device saw %" PRIu64 " resets", cnt.resets);
	ENA_CHECK(cnt.mmio_reads > 0, "no read-less reads served");

	rc = ena_hw_aenq_get_groups(&e.hw, &sup, &en);
	ENA_CHECK_RC("aenq groups", 0, rc);
	ENA_CHECK(en & ENA_BIT(ENA_AENQ_GROUP_KEEP_ALIVE),
		"keep-alive not enabled: 0x%x", en);
	ENA_CHECK_EQ(
		"enabled groups as configured", e.hw.aenq_enabled_groups, en);

	rc = ena_hw_get_link(&e.hw, &link);
	ENA_CHECK(rc == 0 ||
			(rc == -EOPNOTSUPP &&
				!ena_hw_feature_supported(
					&e.hw, ENA_FEAT_LINK_CONFIG)),
		"link config rc %d", rc);
	rc = ena_hw_get_offloads(&e.hw, &off);
	ENA_CHECK_RC("offloads", 0, rc);
	ENA_CHECK_EQ(
		"offloads as at bring-up", e.feat.offloads.tx_raw, off.tx_raw);
	rc = ena_hw_get_hints(&e.hw, &hints);
	ENA_CHECK(rc == 0 || rc == -EOPNOTSUPP, "hints rc %d", rc);
	if (rc == 0 && hints.admin_completion_timeout_ms != 0)
		ENA_CHECK_EQ("admin timeout from hints",
			hints.admin_completion_timeout_ms * 1000ULL,
			e.hw.admin.timeout_us);

	ENA_CHECK_RC("mtu 1500", 0, ena_hw_set_mtu(&e.hw, 1500));
	ENA_CHECK_RC("mtu above max refused by the device", -EINVAL,
		ena_hw_set_mtu(&e.hw, e.feat.max_mtu + 1));
	ENA_CHECK(ena_hw_admin_running(&e.hw),
		"admin error status killed the queue");

	rc = ena_hw_intr_moder_init(&e.hw);
	ENA_CHECK_RC("interrupt moderation init", 0, rc);
	if (e.hw.intr_moder_supported)
		ENA_CHECK_RC("tx moderation", 0,
			ena_hw_intr_moder_set_tx(&e.hw, 64));
	else
		ENA_CHECK_RC("tx moderation unsupported", -EOPNOTSUPP,
			ena_hw_intr_moder_set_tx(&e.hw, 64));

	ENA_CHECK_RC("basic stats", 0, ena_hw_get_basic_stats(&e.hw, &bs));
	rc = ena_hw_get_eni_stats(&e.hw, &es);
	ENA_CHECK(rc == 0 ||
			(rc == -EOPNOTSUPP &&
				!(e.hw.capabilities &
					ENA_BIT(ENA_DEV_CAP_ENI_STATS))),
		"eni stats rc %d", rc);
	rc = ena_hw_get_srd_stats(&e.hw, &ss);
	ENA_CHECK(rc == 0 ||
			(rc == -EOPNOTSUPP &&
				!(e.hw.capabilities &
					ENA_BIT(ENA_DEV_CAP_SRD_INFO))),
		"srd stats rc %d", rc);

	/* RSS: function + key, fields, table. */
	rc = ena_hw_rss_init(&e.hw, 7);
	ENA_CHECK_RC("rss init (128 entries)", 0, rc);
	if (rc == 0) {
		for (i = 0; i < sizeof(key); i++)
			key[i] = (uint8_t)(0x5a ^ (i * 7));
		ENA_CHECK_RC("rss toeplitz + key", 0,
			ena_hw_rss_set_function(&e.hw, ENA_RSS_FUNC_TOEPLITZ,
				key, sizeof(key), 0));
		memset(key2, 0, sizeof(key2));
		ENA_CHECK_RC("rss get function", 0,
			ena_hw_rss_get_function(&e.hw, &func, key2));
		ENA_CHECK_EQ(
			"rss function read back", ENA_RSS_FUNC_TOEPLITZ, func);
		ENA_CHECK(memcmp(key, key2, sizeof(key)) == 0,
			"rss key read back differs");
		ENA_CHECK_RC("rss bad key length", -EINVAL,
			ena_hw_rss_set_function(
				&e.hw, ENA_RSS_FUNC_TOEPLITZ, key, 10, 0));
		ENA_CHECK_RC("rss default fields", 0,
			ena_hw_rss_set_default_fields(&e.hw));
		ENA_CHECK_RC("rss tcp4 fields", 0,
			ena_hw_rss_set_fields(&e.hw, ENA_RSS_PROTO_TCP4,
				ENA_RSS_FIELD_L3_SA | ENA_RSS_FIELD_L3_DA));
		ENA_CHECK_RC("rss get tcp4 fields", 0,
			ena_hw_rss_get_fields(
				&e.hw, ENA_RSS_PROTO_TCP4, &fields));
		ENA_CHECK_EQ("rss tcp4 fields read back",
			ENA_RSS_FIELD_L3_SA | ENA_RSS_FIELD_L3_DA, fields);
		ENA_CHECK_RC("rss bad flow type", -EINVAL,
			ena_hw_rss_set_fields(&e.hw, 99, 0));
	}
	ENA_CHECK_RC(
		"rss log size 30 refused", -EINVAL, ena_hw_rss_init(&e.hw, 30));
	emu_down(&e);
	ENA_CHECK(e.hw.admin.slots == NULL, "admin queue not freed");
}

static void
emu_io_max_queues(void)
{
	struct ena_hw_io_sq *sq;
	struct ena_hw_io_cq *cq;
	struct ena_hw_io_params p;
	struct emu_env e;
	uint32_t n, i, ok = 0;
	uint16_t *tbl;
	int rc;

	rc = emu_up(&e, "base_emu1", "queues=8,llq=0");
	ENA_CHECK_RC("bring-up", 0, rc);
	if (rc != 0) {
		emu_down(&e);
		return;
	}
	n = RTE_MIN(e.feat.queues.max_tx_sq_num, e.feat.queues.max_rx_sq_num);
	n = RTE_MIN(n, (uint32_t)ENA_HW_MAX_IO_QUEUES);
	sq = calloc(2 * n, sizeof(*sq));
	cq = calloc(2 * n, sizeof(*cq));
	for (i = 0; i < 2 * n; i++) {
		memset(&p, 0, sizeof(p));
		p.qid = (uint16_t)i;
		p.dir = i < n ? ENA_HW_DIR_TX : ENA_HW_DIR_RX;
		p.depth = 256;
		p.msix_vector = -1;
		p.socket = -1;
		p.placement = ENA_HW_PLACEMENT_HOST;
		rc = ena_hw_io_create(&e.hw, &p, &sq[i], &cq[i]);
		if (rc == 0 && sq[i].db != NULL && cq[i].ring != NULL)
			ok++;
		else
			ENA_CHECK_RC("io queue create", 0, rc);
	}
	ENA_CHECK_EQ("queues created (max)", 2 * n, ok);

	/* One more Tx queue than the device allows is refused. */
	memset(&p, 0, sizeof(p));
	p.dir = ENA_HW_DIR_TX;
	p.depth = 256;
	p.msix_vector = -1;
	p.placement = ENA_HW_PLACEMENT_HOST;
	{
		struct ena_hw_io_sq xsq;
		struct ena_hw_io_cq xcq;

		rc = ena_hw_io_create(&e.hw, &p, &xsq, &xcq);
		ENA_CHECK(rc != 0, "queue beyond the device maximum accepted");
		ENA_CHECK(!xsq.created && !xcq.created && xcq.ring == NULL,
			"failed create left state behind");
		ena_hw_io_destroy(&e.hw, &xsq, &xcq);
		p.depth = 100;
		ENA_CHECK_RC("non power of two depth", -EINVAL,
			ena_hw_io_create(&e.hw, &p, &xsq, &xcq));
		p.depth = 256;
		p.placement = ENA_HW_PLACEMENT_DEV;
		ENA_CHECK_RC("device placement without LLQ", -EINVAL,
			ena_hw_io_create(&e.hw, &p, &xsq, &xcq));
	}
	/*
	 * Register offsets the device hands out must lie in BAR 0 (fuzz
	 * target admin): with a BAR said to end below the emulator's
	 * doorbells, the destroy of a queue frees its slot, the create that
	 * follows is refused and leaves nothing behind.
	 */
	{
		struct ena_hw_io_sq xsq;
		struct ena_hw_io_cq xcq;
		size_t bar0;

		ena_emu_bar(e.dev, ENA_EMU_BAR_REGS, &bar0);
		ena_hw_io_destroy(&e.hw, &sq[0], &cq[0]);
		memset(&p, 0, sizeof(p));
		p.dir = ENA_HW_DIR_TX;
		p.depth = 256;
		p.msix_vector = -1;
		p.placement = ENA_HW_PLACEMENT_HOST;
		ena_hw_set_bar_lens(&e.hw, ENA_REG_SPACE_END, 0);
		ENA_CHECK_RC("queue registers beyond BAR 0 refused", -EINVAL,
			ena_hw_io_create(&e.hw, &p, &xsq, &xcq));
		ENA_CHECK(!xsq.created && !xcq.created && xcq.ring == NULL &&
				xsq.ring == NULL,
			"refused create left state behind");
		ena_hw_set_bar_lens(&e.hw, bar0, 0);
		ENA_CHECK_RC("queue registers inside BAR 0", 0,
			ena_hw_io_create(&e.hw, &p, &sq[0], &cq[0]));
		ENA_CHECK(sq[0].db != NULL &&
				(uintptr_t)sq[0].db + 4 <=
					(uintptr_t)e.hw.regs + bar0,
			"doorbell inside BAR 0");
	}

	/* Indirection table pointing at the Rx CQs. */
	if (ena_hw_rss_init(&e.hw, 6) == 0) {
		tbl = calloc(64, sizeof(*tbl));
		for (i = 0; i < 64; i++)
			ena_hw_rss_ind_set_entry(&e.hw, i, cq[n + i % n].idx);
		ENA_CHECK_RC(
			"rss table commit", 0, ena_hw_rss_ind_commit(&e.hw));
		ENA_CHECK_RC(
			"rss table read", 0, ena_hw_rss_ind_get(&e.hw, tbl));
		for (i = 0; i < 64; i++)
			if (tbl[i] != cq[n + i % n].idx)
				break;
		ENA_CHECK_EQ("rss table read back", 64, i);
		ENA_CHECK_RC("rss entry out of range", -EINVAL,
			ena_hw_rss_ind_set_entry(&e.hw, 64, 0));
		free(tbl);
	}

	for (i = 0; i < 2 * n; i++)
		ena_hw_io_destroy(&e.hw, &sq[i], &cq[i]);
	ENA_CHECK_EQ(
		"admin failures after destroy", 0, e.hw.admin.stats.timeouts);
	ENA_CHECK(ena_hw_admin_running(&e.hw), "admin died in destroy");
	free(sq);
	free(cq);
	emu_down(&e);
}

/* Tx queue 0 and Rx queue 0 on a loopback wire. */
struct emu_io {
	struct ena_hw_io_sq txq, rxq;
	struct ena_hw_io_cq txc, rxc;
	uint8_t *mem; /* Rx buffers, then Tx buffers */
	uint64_t iova;
	uint16_t rx_buf_len;
};

#define EMU_IO_DEPTH 64
#define EMU_RX_BUF   2048

static int
emu_io_open(struct emu_env *e, struct emu_io *io, bool llq, uint16_t buf_len)
{
	struct ena_hw_io_params p;
	struct ena_hw_buf b;
	unsigned int i;
	int rc;

	memset(io, 0, sizeof(*io));
	io->rx_buf_len = buf_len;
	io->mem = rte_zmalloc("base_io", 2 * EMU_IO_DEPTH * EMU_RX_BUF, 4096);
	if (io->mem == NULL)
		return -ENOMEM;
	io->iova = rte_malloc_virt2iova(io->mem);
	memset(&p, 0, sizeof(p));
	p.depth = EMU_IO_DEPTH;
	p.msix_vector = -1;
	p.socket = -1;
	p.dir = ENA_HW_DIR_RX;
	p.placement = ENA_HW_PLACEMENT_HOST;
	rc = ena_hw_io_create(&e->hw, &p, &io->rxq, &io->rxc);
	if (rc != 0)
		return rc;
	p.qid = 1;
	p.dir = ENA_HW_DIR_TX;
	p.placement = llq ? ENA_HW_PLACEMENT_DEV : ENA_HW_PLACEMENT_HOST;
	rc = ena_hw_io_create(&e->hw, &p, &io->txq, &io->txc);
	if (rc != 0)
		return rc;
	for (i = 0; i < EMU_IO_DEPTH - 1; i++) {
		b.iova = io->iova + (uint64_t)i * EMU_RX_BUF;
		b.len = buf_len;
		rc = ena_hw_rx_post(&io->rxq, &b, (uint16_t)i);
		if (rc != 0)
			return rc;
	}
	ena_hw_sq_doorbell(&io->rxq);
	return 0;
}

static void
emu_io_close(struct emu_env *e, struct emu_io *io)
{
	ena_hw_io_destroy(&e->hw, &io->txq, &io->txc);
	ena_hw_io_destroy(&e->hw, &io->rxq, &io->rxc);
	rte_free(io->mem);
}

/* A frame of len bytes: broadcast Ethernet, then a counting pattern. */
static void
emu_frame(uint8_t *f, uint16_t len, uint8_t seed)
{
	uint16_t i;

	memset(f, 0xff, 6);
	memset(f + 6, 0x02, 6);
	f[12] = 0x88;
	f[13] = 0xb5; /* local experimental ethertype */
	for (i = 14; i < len; i++)
		f[i] = (uint8_t)(seed + i);
}

/*
 * Send one frame split in nseg segments (LLQ: the first push bytes go in
 * the entry), wait for its Tx completion and its Rx copy, compare.
 * Returns the Rx result (0, or an error from ena_hw_rx_pkt).
 */
static int
emu_round_trip(struct emu_env *e, struct emu_io *io, uint16_t len,
	uint16_t nseg, uint16_t req_id, int *tx_rc)
{
	struct ena_hw_rx_frag frags[8];
	struct ena_hw_rx_ctx rctx = { .frags = frags, .max_frags = 8 };
	struct ena_hw_buf bufs[8];
	struct ena_hw_tx_ctx ctx;
	uint8_t *tx = io->mem + EMU_IO_DEPTH * EMU_RX_BUF;
	uint64_t tx_iova = io->iova + EMU_IO_DEPTH * EMU_RX_BUF;
	uint16_t used = 0, done_id = 0xffff, push = 0, off, seg, i, got;
	uint8_t *rx;
	int rc, crc = -EAGAIN;

	emu_frame(tx, len, (uint8_t)req_id);
	memset(&ctx, 0, sizeof(ctx));
	if (io->txq.placement == ENA_HW_PLACEMENT_DEV) {
		push = RTE_MIN(len, (uint16_t)64);
		ctx.push_hdr = tx;
		ctx.push_len = push;
	}
	off = push;
	seg = (uint16_t)((len - push + nseg - 1) / nseg);
	for (i = 0; i < nseg && off < len; i++) {
		bufs[i].iova = tx_iova + off;
		bufs[i].len = RTE_MIN(seg, (uint16_t)(len - off));
		off = (uint16_t)(off + bufs[i].len);
	}
	ctx.bufs = bufs;
	ctx.nbufs = i;
	ctx.req_id = req_id;
	rc = ena_hw_tx_prepare(&io->txq, &ctx, &used);
	*tx_rc = rc;
	if (rc != 0)
		return rc;
	ena_hw_sq_doorbell(&io->txq);
	EMU_POLL_UNTIL(
		e, (crc = ena_hw_tx_comp_get(&io->txc, &done_id)) != -EAGAIN);
	*tx_rc = crc;
	if (crc == 0) {
		if (done_id != req_id)
			*tx_rc = -EBADMSG;
		ena_hw_tx_comp_ack(&io->txq, used);
		ena_hw_cq_head_update(&io->txc);
	}
	rc = 0;
	EMU_POLL_UNTIL(e,
		(rc = ena_hw_rx_pkt(&io->rxc, &io->rxq, &rctx)) != 0 ||
			rctx.nfrags != 0);
	if (rc != 0)
		return rc;
	if (rctx.nfrags == 0)
		return -ETIME;
	got = 0;
	for (i = 0; i < rctx.nfrags; i++) {
		rx = io->mem + (size_t)frags[i].req_id * EMU_RX_BUF +
			(i == 0 ? rctx.offset : 0);
		if (got + frags[i].len > len ||
			memcmp(rx, tx + got, frags[i].len) != 0)
			return -EBADMSG;
		got = (uint16_t)(got + frags[i].len);
	}
	/* Give the buffers back. */
	for (i = 0; i < rctx.nfrags; i++) {
		struct ena_hw_buf b = {
			.iova = io->iova +
				(uint64_t)frags[i].req_id * EMU_RX_BUF,
			.len = io->rx_buf_len,
		};
		ena_hw_rx_post(&io->rxq, &b, frags[i].req_id);
	}
	ena_hw_sq_doorbell(&io->rxq);
	return got == len ? (int)rctx.nfrags : -EBADMSG;
}

static void
emu_traffic(bool llq)
{
	struct ena_hw_llq_request req = {
		.entry_size = 128,
		.descs_before_header = 2,
		.multiple_descs_per_entry = false,
		.inline_header = true,
	};
	struct emu_env e;
	struct emu_io io;
	unsigned int i, good = 0;
	int rc, trc;

	rc = emu_up(&e, llq ? "base_emu_llq" : "base_emu_reg",
		llq ? "queues=2,llq=1" : "queues=2,llq=0");
	ENA_CHECK_RC("bring-up", 0, rc);
	if (rc != 0) {
		emu_down(&e);
		return;
	}
	if (llq) {
		ENA_CHECK(e.feat.llq.present, "device offers no LLQ");
		ENA_CHECK_RC("llq configure", 0,
			ena_hw_llq_configure(&e.hw, &e.feat.llq, &req));
		ENA_CHECK_EQ("llq placement", ENA_HW_PLACEMENT_DEV,
			e.hw.tx_placement);
	}
	rc = emu_io_open(&e, &io, llq, EMU_RX_BUF);
	ENA_CHECK_RC("io open", 0, rc);
	if (rc == 0) {
		rc = emu_round_trip(&e, &io, 60, 1, 1, &trc);
		ENA_CHECK_RC("tx completion 1 seg", 0, trc);
		ENA_CHECK_EQ("round trip 1 seg", 1, rc);
		rc = emu_round_trip(&e, &io, 1400, 3, 2, &trc);
		ENA_CHECK_RC("tx completion 3 seg", 0, trc);
		ENA_CHECK_EQ("round trip 3 seg", 1, rc);
		/* Enough packets to wrap every ring twice. */
		for (i = 0; i < 3 * EMU_IO_DEPTH; i++) {
			rc = emu_round_trip(&e, &io,
				(uint16_t)(64 + i * 7 % 1300),
				(uint16_t)(1 + i % 4),
				(uint16_t)(i % EMU_IO_DEPTH), &trc);
			if (rc == 1 && trc == 0)
				good++;
		}
		ENA_CHECK_EQ("round trips across ring wraps", 3 * EMU_IO_DEPTH,
			good);
		{
			struct ena_hw_basic_stats bs;
			char text[512];
			size_t len = sizeof(text) - 1;

			ENA_CHECK_RC("basic stats after traffic", 0,
				ena_hw_get_basic_stats(&e.hw, &bs));
			ENA_CHECK_EQ("device counted every Tx packet",
				3 * EMU_IO_DEPTH + 2, bs.tx_pkts);
			ENA_CHECK_EQ("device counted every Rx packet",
				3 * EMU_IO_DEPTH + 2, bs.rx_pkts);
			memset(text, 0, sizeof(text));
			ENA_CHECK_RC("extended stats", 0,
				ena_hw_get_extended_stats(&e.hw, text, &len));
			ENA_CHECK(len > 0 && len < sizeof(text) - 1 &&
					strstr(text, "tx_pkts") != NULL,
				"extended stats: %zu bytes", len);
		}

		/* Device faults on the data path. */
		ena_emu_fault_set(e.dev, ENA_EMU_FAULT_TX_BAD_REQ_ID, 1);
		rc = emu_round_trip(&e, &io, 100, 1, 5, &trc);
		ENA_CHECK_RC("tx completion with bad req_id", -ERANGE, trc);
	}
	emu_io_close(&e, &io);
	emu_down(&e);
}

static void
emu_rx_faults(void)
{
	struct emu_env e;
	struct emu_io io;
	int rc, trc;

	rc = emu_up(&e, "base_emu_rxf", "queues=2,llq=0");
	ENA_CHECK_RC("bring-up", 0, rc);
	if (rc != 0) {
		emu_down(&e);
		return;
	}
	/* Small buffers: a 1000 byte frame spans 4 of them. */
	rc = emu_io_open(&e, &io, false, 256);
	ENA_CHECK_RC("io open", 0, rc);
	if (rc == 0) {
		rc = emu_round_trip(&e, &io, 1000, 2, 1, &trc);
		ENA_CHECK_EQ("1000 bytes in 256 byte buffers", 4, rc);
		io.rxc.max_rx_descs = 3;
		rc = emu_round_trip(&e, &io, 1000, 2, 2, &trc);
		ENA_CHECK_RC("too many descriptors per rx packet", -E2BIG, rc);
	}
	emu_io_close(&e, &io);
	emu_down(&e);

	rc = emu_up(&e, "base_emu_rxf2", "queues=2,llq=0");
	ENA_CHECK_RC("bring-up", 0, rc);
	if (rc == 0 && emu_io_open(&e, &io, false, EMU_RX_BUF) == 0) {
		ena_emu_fault_set(e.dev, ENA_EMU_FAULT_RX_BAD_REQ_ID, 1);
		rc = emu_round_trip(&e, &io, 100, 1, 1, &trc);
		ENA_CHECK_RC("rx completion with bad req_id", -ERANGE, rc);
		emu_io_close(&e, &io);
	}
	emu_down(&e);
}

static void
emu_aenq_and_admin_faults(void)
{
	struct emu_env e;
	struct ena_hw_link link;
	uint64_t ka0, t0;
	unsigned int ev0;
	int rc;

	rc = emu_up(&e, "base_emu_aenq", "queues=2,llq=0");
	ENA_CHECK_RC("bring-up", 0, rc);
	if (rc != 0) {
		emu_down(&e);
		return;
	}
	/* Keep-alive events reach the handler and feed the watchdog. */
	ka0 = e.hw.last_keep_alive_us;
	EMU_POLL_UNTIL(&e, (ena_hw_aenq_process(&e.hw, &e), e.keep_alives > 0));
	ENA_CHECK(e.keep_alives > 0, "no keep-alive within 2 s");
	ENA_CHECK(e.hw.last_keep_alive_us > ka0, "watchdog stamp not moved");
	ENA_CHECK(!ena_hw_keep_alive_expired(&e.hw, ena_plat_now_us()),
		"watchdog expired right after a keep-alive");
	ENA_CHECK(ena_hw_keep_alive_expired(&e.hw,
			  ena_plat_now_us() +
				  e.hw.keep_alive_timeout_ms * 1000 + 1000) ||
			e.hw.keep_alive_timeout_ms == 0,
		"watchdog does not expire");

	/* Link down then up (after the initial link report, if any). */
	ena_emu_poll(e.dev);
	ena_hw_aenq_process(&e.hw, &e);
	ev0 = e.link_events;
	ena_emu_link_set(e.dev, false);
	EMU_POLL_UNTIL(
		&e, (ena_hw_aenq_process(&e.hw, &e), e.link_events > ev0));
	ENA_CHECK(e.link_events > ev0, "no link change event");
	ENA_CHECK(!e.link_up, "link reported up after going down");
	ena_emu_link_set(e.dev, true);
	EMU_POLL_UNTIL(&e, (ena_hw_aenq_process(&e.hw, &e), e.link_up));
	ENA_CHECK(e.link_up, "link not reported up again");

	/* Interrupt-driven admin completion. */
	ena_hw_admin_set_polling(&e.hw, false);
	e.intr = true;
	ENA_CHECK_RC(
		"admin in interrupt mode", 0, ena_hw_get_link(&e.hw, &link));
	e.intr = false;
	ena_hw_admin_set_polling(&e.hw, true);

	/* Late read-less answers time out. */
	e.hw.readless.timeout_us = 20 * 1000;
	ena_emu_fault_set(e.dev, ENA_EMU_FAULT_MMIO_LATE_MS, 200);
	ENA_CHECK_EQ("read-less timeout", ENA_HW_REG_READ_FAILED,
		ena_hw_reg_read(&e.hw, ENA_REG_DEV_STS));
	ena_emu_fault_set(e.dev, ENA_EMU_FAULT_MMIO_LATE_MS, 0);
	e.hw.readless.timeout_us = ENA_HW_MMIO_READ_TIMEOUT_US;

	/* A dropped admin command: timeout, then fast failure. */
	e.hw.admin.timeout_us = 50 * 1000;
	ena_emu_fault_set(e.dev, ENA_EMU_FAULT_ADMIN_DROP, 1);
	ENA_CHECK_RC("admin completion timeout", -ETIME,
		ena_hw_get_link(&e.hw, &link));
	t0 = ena_plat_now_us();
	ENA_CHECK_RC("dead admin queue fails fast", -ENODEV,
		ena_hw_get_link(&e.hw, &link));
	ENA_CHECK(ena_plat_now_us() - t0 < 5000, "dead queue was slow");
	emu_down(&e);
}

/* Each LLQ layout the emulated device accepts carries traffic. */
static void
emu_llq_variants(void)
{
	static const struct ena_hw_llq_request reqs[] = {
		{ 128, 2, false, true }, { 128, 1, true, true },
		{ 256, 2, true, true }, { 256, 4, false, true },
		{ 192, 8, true, true }, /* unsupported: falls back */
	};
	struct emu_env e;
	struct emu_io io;
	unsigned int r, i, good;
	int rc, trc;

	for (r = 0; r < ENA_ARRAY_SIZE_T(reqs); r++) {
		rc = emu_up(&e, "base_emu_llqv", "queues=2,llq=1");
		ENA_CHECK_RC("bring-up", 0, rc);
		if (rc != 0) {
			emu_down(&e);
			return;
		}
		ENA_CHECK_RC("llq configure", 0,
			ena_hw_llq_configure(&e.hw, &e.feat.llq, &reqs[r]));
		ENA_CHECK_EQ("llq placement", ENA_HW_PLACEMENT_DEV,
			e.hw.tx_placement);
		if (reqs[r].entry_size != 192)
			ENA_CHECK_EQ("llq entry size as requested",
				reqs[r].entry_size, e.hw.llq.entry_size);
		ENA_CHECK(e.hw.llq.disable_meta_caching,
			"device asks for a meta descriptor per packet");
		rc = emu_io_open(&e, &io, true, EMU_RX_BUF);
		ENA_CHECK_RC("io open", 0, rc);
		good = 0;
		for (i = 0; rc == 0 && i < 2 * EMU_IO_DEPTH; i++) {
			rc = emu_round_trip(&e, &io,
				(uint16_t)(60 + i * 13 % 1400),
				(uint16_t)(1 + i % 6),
				(uint16_t)(i % EMU_IO_DEPTH), &trc);
			if (rc == 1 && trc == 0)
				good++;
			rc = 0;
		}
		ENA_CHECK_EQ("llq round trips for this layout",
			2 * EMU_IO_DEPTH, good);
		emu_io_close(&e, &io);
		emu_down(&e);
	}
}

/* Real time: the emulator thread runs the device, no wait hook. */
static void
emu_threaded(void)
{
	struct ena_hw_link link;
	struct emu_env e;
	struct emu_io io;
	int rc, trc;

	rc = emu_up(&e, "base_emu_thr", "queues=2,llq=0,thread=1");
	ena_plat_wait_hook_set(NULL, NULL);
	ENA_CHECK_RC("bring-up, emulator thread", 0, rc);
	if (rc == 0) {
		/* Bring-up ran with the hook; the rest runs without. */
		ENA_CHECK_RC(
			"admin without hook", 0, ena_hw_get_link(&e.hw, &link));
		ena_hw_admin_set_polling(&e.hw, false);
		ena_hw_admin_set_auto_polling(&e.hw, true);
		e.hw.admin.timeout_us = 200 * 1000;
		ENA_CHECK_RC("admin, interrupt mode, auto polling", 0,
			ena_hw_get_link(&e.hw, &link));
		ena_hw_admin_set_polling(&e.hw, true);
		rc = emu_io_open(&e, &io, false, EMU_RX_BUF);
		ENA_CHECK_RC("io open", 0, rc);
		if (rc == 0) {
			rc = emu_round_trip(&e, &io, 200, 2, 3, &trc);
			ENA_CHECK_RC("tx completion, threaded", 0, trc);
			ENA_CHECK_EQ("round trip, threaded", 1, rc);
		}
		emu_io_close(&e, &io);
	}
	ena_hw_teardown(&e.hw, ENA_RESET_REASON_SHUTDOWN);
	if (e.dev != NULL)
		ena_emu_dev_destroy(e.dev);
}

/* ------------------------------------------------------------------------ */
/* Error paths through the emulator's fault knobs                           */
/* ------------------------------------------------------------------------ */

/* Log capture: what the base layer says while one call fails. */
struct log_cap {
	FILE *f;
	char *buf;
	size_t len;
};

static void
log_cap_start(struct log_cap *c)
{
	memset(c, 0, sizeof(*c));
	c->f = open_memstream(&c->buf, &c->len);
	if (c->f != NULL)
		rte_openlog_stream(c->f);
}

/* Stops capturing; true if the log holds needle (or capture failed). */
static bool
log_cap_stop(struct log_cap *c, const char *needle)
{
	bool found;

	if (c->f == NULL)
		return true;
	rte_openlog_stream(NULL);
	fclose(c->f);
	found = c->buf != NULL && strstr(c->buf, needle) != NULL;
	if (!found)
		printf("    log was: %s\n", c->buf != NULL ? c->buf : "");
	free(c->buf);
	c->buf = NULL;
	c->f = NULL;
	return found;
}

/*
 * Bring-up against a device with the given faults must fail with rc and
 * log msg; a non-zero readless_timeout_us shortens the driver's wait.
 */
static void
emu_bringup_fails(const char *what, const char *devargs, int want_rc,
	const char *msg, uint64_t readless_timeout_us)
{
	struct log_cap cap;
	struct emu_env e;
	int rc;

	rc = emu_create(&e, "base_emu_err", devargs);
	ENA_CHECK_RC("device for a bring-up error", 0, rc);
	if (rc == 0) {
		if (readless_timeout_us != 0)
			e.hw.readless.timeout_us = readless_timeout_us;
		log_cap_start(&cap);
		rc = emu_bringup(&e);
		ENA_CHECK(log_cap_stop(&cap, msg), "%s: no '%s' in the log",
			what, msg);
		ENA_CHECK_RC(what, want_rc, rc);
	}
	/* Teardown must not hang on the faulty device. */
	if (e.dev != NULL) {
		ena_emu_fault_set(e.dev, ENA_EMU_FAULT_RESET_STUCK, 0);
		ena_emu_fault_set(e.dev, ENA_EMU_FAULT_MMIO_LATE_MS, 0);
	}
	emu_down(&e);
}

static void
emu_bringup_errors(void)
{
	uint64_t t0;

	/* Read-less answers 300 ms late, the driver waits 20 ms. */
	emu_bringup_fails("bring-up, read-less timeout",
		"queues=2,llq=0,mmio_late_ms=300", -EIO,
		"mmio read less timed out", 20 * 1000);
	emu_bringup_fails("bring-up, read-less timeout stops the reset",
		"queues=2,llq=0,mmio_late_ms=300", -EIO, "Can not reset device",
		20 * 1000);
	/* Reset starts and never ends: CAPS says 1 s. */
	t0 = ena_plat_now_us();
	emu_bringup_fails("bring-up, reset never completes",
		"queues=2,llq=0,reset_stuck=1", -ETIME, "Can not reset device",
		0);
	ENA_CHECK(ena_plat_now_us() - t0 >= 900 * 1000,
		"stuck reset gave up after %" PRIu64 " us, before the CAPS "
		"timeout",
		ena_plat_now_us() - t0);
	emu_bringup_fails("bring-up, spec version 0.8",
		"queues=2,llq=0,version=0x008", -EOPNOTSUPP,
		"device version is too low", 0);
	emu_bringup_fails("bring-up, controller version 0.0.0",
		"queues=2,llq=0,ctrl_version=0x45000000", -EOPNOTSUPP,
		"device version is too low: controller", 0);
	emu_bringup_fails("bring-up, dma width 20",
		"queues=2,llq=0,dma_width=20", -EINVAL,
		"Invalid dma width value 20", 0);
	emu_bringup_fails("bring-up, dma width 70",
		"queues=2,llq=0,dma_width=70", -EINVAL,
		"Invalid dma width value 70", 0);
	/* Host info refused (first admin command): a warning, no failure. */
	emu_bringup_fails("bring-up, host info refused",
		"queues=2,llq=0,admin_err=1,admin_err_opcode=9", 0,
		"device refused the host info", 0);
	/* Host info never answered: the admin queue is dead, bring-up fails. */
	emu_bringup_fails("bring-up, host info unanswered",
		"queues=2,llq=0,admin_drop=1", -ETIME, "timed out", 0);
}

/* Device status of a failing admin command, as the caller sees it. */
static void
emu_admin_status_errors(void)
{
	static const struct {
		uint8_t status;
		int rc;
	} map[] = {
		{ ENA_AQ_STATUS_RESOURCE_ALLOC_FAILURE, -ENOMEM },
		{ ENA_AQ_STATUS_BAD_OPCODE, -EINVAL },
		{ ENA_AQ_STATUS_UNSUPPORTED_OPCODE, -EOPNOTSUPP },
		{ ENA_AQ_STATUS_MALFORMED_REQUEST, -EINVAL },
		{ ENA_AQ_STATUS_ILLEGAL_PARAMETER, -EINVAL },
		{ ENA_AQ_STATUS_UNKNOWN_ERROR, -EIO },
		{ ENA_AQ_STATUS_RESOURCE_BUSY, -EBUSY },
		{ 0x3f, -EIO }, /* a status the driver does not know */
	};
	struct ena_emu_counters c0, c1;
	struct ena_hw_link link;
	struct emu_env e;
	unsigned int i;
	uint64_t t0;
	int rc;

	rc = emu_up(&e, "base_emu_aqerr", "queues=2,llq=0");
	ENA_CHECK_RC("bring-up", 0, rc);
	if (rc != 0) {
		emu_down(&e);
		return;
	}
	ena_emu_counters_get(e.dev, &c0);
	ena_emu_fault_set(
		e.dev, ENA_EMU_FAULT_ADMIN_ERR_OPCODE, ENA_AQ_OP_GET_FEATURE);
	for (i = 0; i < ENA_ARRAY_SIZE_T(map); i++) {
		ena_emu_fault_set(
			e.dev, ENA_EMU_FAULT_ADMIN_ERR_STATUS, map[i].status);
		ena_emu_fault_set(e.dev, ENA_EMU_FAULT_ADMIN_ERR, 1);
		rc = ena_hw_get_link(&e.hw, &link);
		ENA_CHECK(rc == map[i].rc, "admin status %u: rc %d, want %d",
			map[i].status, rc, map[i].rc);
		/* An error status is an answer: the queue stays usable. */
		ENA_CHECK_RC("admin after an error status", 0,
			ena_hw_get_link(&e.hw, &link));
	}
	ena_emu_counters_get(e.dev, &c1);
	ENA_CHECK_EQ("device counted the failed commands",
		ENA_ARRAY_SIZE_T(map), c1.admin_errors - c0.admin_errors);
	ENA_CHECK(ena_hw_admin_running(&e.hw), "admin stopped by statuses");

	/* Another opcode's fault leaves GET_FEATURE alone. */
	ena_emu_fault_set(
		e.dev, ENA_EMU_FAULT_ADMIN_ERR_OPCODE, ENA_AQ_OP_DESTROY_CQ);
	ena_emu_fault_set(e.dev, ENA_EMU_FAULT_ADMIN_ERR, 1);
	ENA_CHECK_RC(
		"other opcode unaffected", 0, ena_hw_get_link(&e.hw, &link));
	ENA_CHECK_EQ("knob not consumed by other opcodes", 1,
		ena_emu_fault_get(e.dev, ENA_EMU_FAULT_ADMIN_ERR));

	/* Every command fails, quickly and with the status mapped. */
	ena_emu_fault_set(e.dev, ENA_EMU_FAULT_ADMIN_ERR_OPCODE, 0);
	ena_emu_fault_set(e.dev, ENA_EMU_FAULT_ADMIN_ERR_STATUS,
		ENA_AQ_STATUS_RESOURCE_BUSY);
	ena_emu_fault_set(e.dev, ENA_EMU_FAULT_ADMIN_ERR, UINT32_MAX);
	t0 = ena_plat_now_us();
	for (i = 0; i < 20; i++)
		if (ena_hw_get_link(&e.hw, &link) != -EBUSY)
			break;
	ENA_CHECK_EQ("every command failed busy", 20, i);
	ENA_CHECK(ena_plat_now_us() - t0 < 1000 * 1000,
		"20 failing commands took %" PRIu64 " us",
		ena_plat_now_us() - t0);
	ena_emu_fault_set(e.dev, ENA_EMU_FAULT_ADMIN_ERR, 0);
	ENA_CHECK_RC("admin after the knob is off", 0,
		ena_hw_get_link(&e.hw, &link));

	/* Completion timeout, then the dead queue fails fast, with logs. */
	{
		struct log_cap cap;

		e.hw.admin.timeout_us = 50 * 1000;
		ena_emu_fault_set(e.dev, ENA_EMU_FAULT_ADMIN_DROP, 1);
		log_cap_start(&cap);
		rc = ena_hw_get_link(&e.hw, &link);
		ENA_CHECK(log_cap_stop(&cap, "timed out"),
			"admin timeout not logged");
		ENA_CHECK_RC("admin completion timeout", -ETIME, rc);
		ENA_CHECK_EQ("reset reason for it", ENA_RESET_REASON_ADMIN_TO,
			ena_hw_reset_reason_for(rc, ENA_HW_DIR_TX));
		t0 = ena_plat_now_us();
		ENA_CHECK_RC("then fast failure", -ENODEV,
			ena_hw_get_link(&e.hw, &link));
		ENA_CHECK(ena_plat_now_us() - t0 < 5000,
			"dead admin queue took %" PRIu64 " us",
			ena_plat_now_us() - t0);
	}
	emu_down(&e);
}

/* Device spreads one packet over too many descriptors (rx_split). */
static void
emu_rx_split(void)
{
	struct log_cap cap;
	struct emu_env e;
	struct emu_io io;
	int rc, trc;

	rc = emu_up(&e, "base_emu_split", "queues=2,llq=0");
	ENA_CHECK_RC("bring-up", 0, rc);
	if (rc == 0 && emu_io_open(&e, &io, false, EMU_RX_BUF) == 0) {
		ena_emu_fault_set(e.dev, ENA_EMU_FAULT_RX_SPLIT, 5);
		rc = emu_round_trip(&e, &io, 1000, 1, 1, &trc);
		ENA_CHECK_EQ("rx_split=5: 1000 bytes in 5 descriptors", 5, rc);
		/* Beyond the 16 the device advertises and our 8 frags. */
		ena_emu_fault_set(e.dev, ENA_EMU_FAULT_RX_SPLIT, 20);
		log_cap_start(&cap);
		rc = emu_round_trip(&e, &io, 1000, 1, 2, &trc);
		ENA_CHECK(log_cap_stop(&cap, "Too many RX cdescs"),
			"too many rx descs not logged");
		ENA_CHECK_RC("too many descriptors per rx packet", -E2BIG, rc);
		ENA_CHECK_EQ("reset reason for it",
			ENA_RESET_REASON_TOO_MANY_RX_DESCS,
			ena_hw_reset_reason_for(rc, ENA_HW_DIR_RX));
		emu_io_close(&e, &io);
	}
	emu_down(&e);
}

/* Bad req_id in completions, with the log and the reset reason. */
static void
emu_bad_req_ids(void)
{
	struct log_cap cap;
	struct emu_env e;
	struct emu_io io;
	int rc, trc;

	rc = emu_up(&e, "base_emu_reqid", "queues=2,llq=0");
	ENA_CHECK_RC("bring-up", 0, rc);
	if (rc == 0 && emu_io_open(&e, &io, false, EMU_RX_BUF) == 0) {
		ena_emu_fault_set(e.dev, ENA_EMU_FAULT_RX_BAD_REQ_ID, 1);
		log_cap_start(&cap);
		rc = emu_round_trip(&e, &io, 300, 1, 1, &trc);
		ENA_CHECK(log_cap_stop(&cap, "invalid req_id"),
			"bad rx req_id not logged");
		ENA_CHECK_RC("rx completion with bad req_id", -ERANGE, rc);
		ENA_CHECK_EQ("rx reset reason", ENA_RESET_REASON_INV_RX_REQ_ID,
			ena_hw_reset_reason_for(rc, ENA_HW_DIR_RX));
		emu_io_close(&e, &io);
	}
	emu_down(&e);

	rc = emu_up(&e, "base_emu_reqid2", "queues=2,llq=0");
	ENA_CHECK_RC("bring-up", 0, rc);
	if (rc == 0 && emu_io_open(&e, &io, false, EMU_RX_BUF) == 0) {
		ena_emu_fault_set(e.dev, ENA_EMU_FAULT_TX_BAD_REQ_ID, 1);
		rc = emu_round_trip(&e, &io, 300, 1, 1, &trc);
		ENA_CHECK_RC("tx completion with bad req_id", -ERANGE, trc);
		ENA_CHECK_EQ("tx reset reason", ENA_RESET_REASON_INV_TX_REQ_ID,
			ena_hw_reset_reason_for(trc, ENA_HW_DIR_TX));
		emu_io_close(&e, &io);
	}
	emu_down(&e);
}

/* A device LLQ Tx burst limit reaches the base layer and holds traffic. */
static void
emu_llq_burst(void)
{
	struct ena_hw_llq_request req = {
		.entry_size = 128,
		.descs_before_header = 2,
		.multiple_descs_per_entry = false,
		.inline_header = true,
	};
	struct emu_env e;
	struct emu_io io;
	unsigned int i, good = 0;
	int rc, trc;

	/* 8 entries of 128 B: room for the largest packet sent here. */
	rc = emu_up(&e, "base_emu_burst", "queues=2,llq=1,llq_burst=1024");
	ENA_CHECK_RC("bring-up", 0, rc);
	if (rc != 0) {
		emu_down(&e);
		return;
	}
	ENA_CHECK_EQ("device offers the burst limit", 1024,
		e.feat.llq.max_tx_burst_bytes);
	ENA_CHECK_RC("llq configure", 0,
		ena_hw_llq_configure(&e.hw, &e.feat.llq, &req));
	ENA_CHECK_EQ(
		"entries per burst", 1024 / 128, e.hw.llq.max_entries_in_burst);
	rc = emu_io_open(&e, &io, true, EMU_RX_BUF);
	ENA_CHECK_RC("io open", 0, rc);
	for (i = 0; rc == 0 && i < 2 * EMU_IO_DEPTH; i++) {
		if (emu_round_trip(&e, &io, (uint16_t)(60 + i * 11 % 1400),
			    (uint16_t)(1 + i % 5), (uint16_t)(i % EMU_IO_DEPTH),
			    &trc) == 1 &&
			trc == 0)
			good++;
	}
	ENA_CHECK_EQ(
		"round trips under the burst limit", 2 * EMU_IO_DEPTH, good);
	if (rc == 0) {
		/* Without a doorbell the budget runs out, a doorbell renews it. */
		uint8_t *tx = io.mem + EMU_IO_DEPTH * EMU_RX_BUF;
		struct ena_hw_buf b = {
			.iova = io.iova + EMU_IO_DEPTH * EMU_RX_BUF + 64,
			.len = 36,
		};
		struct ena_hw_tx_ctx ctx;
		uint16_t used;

		emu_frame(tx, 100, 7);
		for (i = 0; i < 16; i++) {
			memset(&ctx, 0, sizeof(ctx));
			ctx.push_hdr = tx;
			ctx.push_len = 64;
			ctx.bufs = &b;
			ctx.nbufs = 1;
			ctx.req_id = (uint16_t)i;
			rc = ena_hw_tx_prepare(&io.txq, &ctx, &used);
			if (rc != 0)
				break;
		}
		ENA_CHECK_RC("burst budget spent", -EBUSY, rc);
		ENA_CHECK(i >= 1 && i <= 8,
			"%u packets went in an 8 entry burst", i);
		ena_hw_sq_doorbell(&io.txq);
		ENA_CHECK_RC("budget renewed by the doorbell", 0,
			ena_hw_tx_prepare(&io.txq, &ctx, &used));
		ena_hw_sq_doorbell(&io.txq);
	}
	emu_io_close(&e, &io);
	emu_down(&e);
}

static void
test_base_emu(void)
{
	emu_bringup_and_features();
	emu_io_max_queues();
	emu_traffic(false);
	emu_traffic(true);
	emu_llq_variants();
	emu_rx_faults();
	emu_aenq_and_admin_faults();
	emu_bringup_errors();
	emu_admin_status_errors();
	emu_rx_split();
	emu_bad_req_ids();
	emu_llq_burst();
	emu_threaded();
}

static void
test_base(void)
{
	test_fake_bringup_errors();
	test_fake_admin();
	test_fake_admin_abort();
	test_fake_io_regs();
	test_fake_aenq();
	test_llq_select();
	test_tx_host();
	test_tx_llq();
	test_tx_llq_reuse();
	test_tx_llq_header_end();
	test_tx_one();
	test_tx_put();
	test_rx_hand();
	test_rx_put();
	test_rx_cls4();
	test_rx_cls();
	test_base_emu();
}

ENA_TEST_SUITE(base,
	"base layer against a fake device, hand-made queues and the emulator",
	test_base)

/* ------------------------------------------------------------------------ */
/* Benchmark: per-packet cost of the data path on hand-made queues          */
/* ------------------------------------------------------------------------ */

static double
bench_ns_per(uint64_t t0, uint64_t n)
{
	return (double)(ena_plat_now_us() - t0) * 1000.0 / (double)n;
}

static void
bench_tx(const char *what, const struct ena_hw_llq_info *llq, uint16_t nseg,
	uint64_t n)
{
	struct ena_hw_buf bufs[4] = {
		{ 0x100000, 64 },
		{ 0x200000, 1000 },
		{ 0x300000, 400 },
		{ 0x400000, 32 },
	};
	static uint8_t hdr[64];
	struct ena_hw_tx_ctx ctx;
	struct hand_q q;
	uint16_t used;
	uint64_t i, t0, fails = 0;

	if (hand_q_init(&q, ENA_HW_DIR_TX, 1024, llq) != 0)
		return;
	memset(&ctx, 0, sizeof(ctx));
	ctx.bufs = bufs;
	ctx.nbufs = nseg;
	ctx.meta_valid = true;
	ctx.meta.mss = 1448;
	if (llq != NULL) {
		ctx.push_hdr = hdr;
		ctx.push_len = sizeof(hdr);
	}
	t0 = ena_plat_now_us();
	for (i = 0; i < n; i++) {
		ctx.req_id = (uint16_t)(i & 1023);
		if (ena_hw_tx_prepare(&q.sq, &ctx, &used) != 0)
			fails++;
		if ((i & 31) == 31)
			ena_hw_sq_doorbell(&q.sq);
		ena_hw_tx_comp_ack(&q.sq, used);
	}
	printf("base_bench: tx %-22s %u seg: %6.1f ns/pkt (%" PRIu64
	       " failures)\n",
		what, nseg, bench_ns_per(t0, n), fails);
	hand_q_fini(&q);
}

static void
bench_rx(uint64_t n)
{
	struct ena_hw_rx_frag frags[4];
	struct ena_hw_rx_ctx ctx = { .frags = frags, .max_frags = 4 };
	struct ena_hw_buf b = { 0x500000, 2048 };
	struct hand_q q;
	uint64_t i, t0, pkts = 0;
	uint16_t depth = 1024, k;

	if (hand_q_init(&q, ENA_HW_DIR_RX, depth, NULL) != 0)
		return;
	q.cq.max_rx_descs = 4;
	for (k = 0; k < depth - 1; k++)
		ena_hw_rx_post(&q.sq, &b, k);
	t0 = ena_plat_now_us();
	for (i = 0; i < n; i++) {
		/* Device side: one completion per packet, phase by lap. */
		k = (uint16_t)(q.cq.head & (depth - 1));
		rx_cdesc_set(&q, k, k, 60, true, true, q.cq.phase);
		if (ena_hw_rx_pkt(&q.cq, &q.sq, &ctx) == 0 && ctx.nfrags == 1)
			pkts++;
		ena_hw_rx_post(&q.sq, &b, frags[0].req_id);
	}
	printf("base_bench: rx 1 frag (incl. repost): %6.1f ns/pkt (%" PRIu64
	       " of %" PRIu64 " received)\n",
		bench_ns_per(t0, n), pkts, n);
	hand_q_fini(&q);
}

static void
test_base_bench(void)
{
	struct ena_hw_llq_info llq = {
		.header_location = ENA_LLQ_HEADER_INLINE,
		.entry_size_ctrl = ENA_LLQ_ENTRY_128B,
		.entry_size = 128,
		.descs_before_header = 2,
		.stride_ctrl = ENA_LLQ_STRIDE_MULTI_DESC,
		.descs_per_entry = 8,
	};
	uint64_t n = ena_test_opt_u64("pkts", 2000000);

	bench_tx("host ring", NULL, 1, n);
	bench_tx("host ring", NULL, 4, n);
	bench_tx("llq 128B (plain mem)", &llq, 1, n);
	bench_tx("llq 128B (plain mem)", &llq, 4, n);
	llq.disable_meta_caching = true;
	bench_tx("llq, meta per packet", &llq, 1, n);
	bench_rx(n);
	ENA_CHECK(n > 0, "no packets");
}

ENA_BENCH_SUITE(base_bench, "base layer data path cost per packet (pkts=N)",
	test_base_bench)

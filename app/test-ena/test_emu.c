/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */

/*
 * Suite "emu": the emulated device's control path, driven the way a
 * driver would, by writing BAR0 and the admin queue memory directly and
 * stepping the device with ena_emu_poll() (no emulator thread). Also the
 * vdev attach/detach path, with and without a PCI driver bound.
 */

#include <dirent.h>
#include <errno.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <rte_bus_vdev.h>
#include <rte_cycles.h>
#include <rte_dev.h>
#include <rte_ethdev.h>
#include <rte_malloc.h>
#include <bus_pci_driver.h>

#include "test.h"

#include "ena_defs.h"
#include "ena_emu.h"

#define TD_AQ_DEPTH   8
#define TD_AENQ_DEPTH 8
/* Steps the device gets to answer something immediate. */
#define TD_STEPS 64

/* A minimal "driver" for one device. */
struct td {
	struct ena_emu_dev *dev;
	uint8_t *bar0;
	struct ena_aq_cmd *aq;
	struct ena_aq_comp *acq;
	struct ena_aenq_entry *aenq;
	struct ena_reg_read_resp *rr;
	uint16_t aq_tail;
	uint8_t aq_phase;
	uint16_t acq_head;
	uint8_t acq_phase;
	uint32_t aenq_head;
	uint8_t aenq_phase;
	uint16_t seq;
	uint16_t cmd_id;
};

static uint64_t
td_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static void
td_w32(struct td *t, uint32_t off, uint32_t v)
{
	__atomic_store_n((uint32_t *)(t->bar0 + off), v, __ATOMIC_RELEASE);
}

static uint32_t
td_r32_plain(struct td *t, uint32_t off)
{
	return __atomic_load_n((uint32_t *)(t->bar0 + off), __ATOMIC_ACQUIRE);
}

/* Read-less register read; UINT32_MAX when no answer within wait_ms. */
static uint32_t
td_read(struct td *t, uint32_t off, uint64_t wait_ms)
{
	uint64_t end = td_ms() + wait_ms;

	t->seq++;
	t->rr->req_id = (uint16_t)(t->seq + 0x1234);
	td_w32(t, ENA_REG_MMIO_REG_READ,
		ena_reg_read_req((uint16_t)off, t->seq));
	do {
		ena_emu_poll(t->dev);
		if (__atomic_load_n(&t->rr->req_id, __ATOMIC_ACQUIRE) == t->seq)
			return t->rr->reg_off == off ? t->rr->reg_val
						     : UINT32_MAX - 1;
	} while (td_ms() < end);
	return UINT32_MAX;
}

static void
td_steps(struct td *t, unsigned int n)
{
	while (n-- > 0)
		ena_emu_poll(t->dev);
}

static int
td_reset(struct td *t)
{
	uint32_t sts;

	td_w32(t, ENA_REG_DEV_CTL,
		ena_reg_dev_ctl_reset(ENA_RESET_REASON_NORMAL));
	sts = td_read(t, ENA_REG_DEV_STS, 100);
	if (!(sts & ENA_REG_DEV_STS_RESET_IN_PROGRESS_MASK))
		return -1;
	td_w32(t, ENA_REG_DEV_CTL, 0);
	sts = td_read(t, ENA_REG_DEV_STS, 100);
	if (sts & ENA_REG_DEV_STS_RESET_IN_PROGRESS_MASK)
		return -2;
	return 0;
}

static uint32_t
td_caps(uint32_t depth, uint32_t esz)
{
	uint32_t v = 0;

	ENA_FIELD_SET(v, ENA_REG_AQ_CAPS_DEPTH, depth);
	ENA_FIELD_SET(v, ENA_REG_AQ_CAPS_ENTRY_SIZE, esz);
	return v;
}

static void
td_w64(struct td *t, uint32_t lo, uint32_t hi, const void *p)
{
	uint64_t a = (uint64_t)(uintptr_t)p;

	td_w32(t, lo, (uint32_t)a);
	td_w32(t, hi, (uint32_t)(a >> 32));
}

/* Admin queues and AENQ as a driver sets them up after a reset. */
static void
td_admin_init(struct td *t)
{
	memset(t->aq, 0, TD_AQ_DEPTH * sizeof(*t->aq));
	memset(t->acq, 0, TD_AQ_DEPTH * sizeof(*t->acq));
	memset(t->aenq, 0, TD_AENQ_DEPTH * sizeof(*t->aenq));
	t->aq_tail = 0;
	t->aq_phase = 1;
	t->acq_head = 0;
	t->acq_phase = 1;
	t->aenq_head = 0;
	t->aenq_phase = 1;
	td_w64(t, ENA_REG_AQ_BASE_LO, ENA_REG_AQ_BASE_HI, t->aq);
	td_w64(t, ENA_REG_ACQ_BASE_LO, ENA_REG_ACQ_BASE_HI, t->acq);
	td_w32(t, ENA_REG_AQ_CAPS, td_caps(TD_AQ_DEPTH, 64));
	td_w32(t, ENA_REG_ACQ_CAPS, td_caps(TD_AQ_DEPTH, 64));
	td_w64(t, ENA_REG_AENQ_BASE_LO, ENA_REG_AENQ_BASE_HI, t->aenq);
	td_w32(t, ENA_REG_AENQ_CAPS, td_caps(TD_AENQ_DEPTH, 64));
}

static void
td_aenq_enable(struct td *t)
{
	t->aenq_head = TD_AENQ_DEPTH;
	td_w32(t, ENA_REG_AENQ_HEAD_DB, t->aenq_head);
}

static int
td_open(struct td *t, const char *name, const char *args)
{
	memset(t, 0, sizeof(*t));
	t->dev = ena_emu_dev_create(name, args);
	if (t->dev == NULL)
		return -1;
	t->bar0 = ena_emu_bar(t->dev, ENA_EMU_BAR_REGS, NULL);
	t->aq = rte_zmalloc("td_aq", TD_AQ_DEPTH * 64, 4096);
	t->acq = rte_zmalloc("td_acq", TD_AQ_DEPTH * 64, 4096);
	t->aenq = rte_zmalloc("td_aenq", TD_AENQ_DEPTH * 64, 4096);
	t->rr = rte_zmalloc("td_rr", sizeof(*t->rr), 64);
	if (t->aq == NULL || t->acq == NULL || t->aenq == NULL || t->rr == NULL)
		return -1;
	td_w64(t, ENA_REG_MMIO_RESP_LO, ENA_REG_MMIO_RESP_HI, t->rr);
	if (td_reset(t) != 0)
		return -1;
	td_admin_init(t);
	return 0;
}

static void
td_close(struct td *t)
{
	ena_emu_dev_destroy(t->dev);
	rte_free(t->aq);
	rte_free(t->acq);
	rte_free(t->aenq);
	rte_free(t->rr);
	t->dev = NULL;
}

static void
td_submit(struct td *t, struct ena_aq_cmd *c)
{
	c->common.cmd_id = t->cmd_id++ & ENA_AQ_DESC_CMD_ID_MASK;
	c->common.flags = (uint8_t)((c->common.flags &
					    ~ENA_AQ_DESC_PHASE_MASK) |
		t->aq_phase);
	memcpy(&t->aq[t->aq_tail & (TD_AQ_DEPTH - 1)], c, sizeof(*c));
	t->aq_tail++;
	if ((t->aq_tail & (TD_AQ_DEPTH - 1)) == 0)
		t->aq_phase ^= 1;
	td_w32(t, ENA_REG_AQ_DB, t->aq_tail);
}

/* 0 with the completion copied out, -ETIMEDOUT when none came. */
static int
td_wait_comp(struct td *t, struct ena_aq_comp *out, uint64_t wait_ms)
{
	uint64_t end = td_ms() + wait_ms;
	struct ena_aq_comp *e;

	do {
		ena_emu_poll(t->dev);
		e = &t->acq[t->acq_head & (TD_AQ_DEPTH - 1)];
		if ((__atomic_load_n(&e->common.flags, __ATOMIC_ACQUIRE) &
			    ENA_AQ_COMP_PHASE_MASK) == t->acq_phase) {
			memcpy(out, e, sizeof(*out));
			t->acq_head++;
			if ((t->acq_head & (TD_AQ_DEPTH - 1)) == 0)
				t->acq_phase ^= 1;
			return 0;
		}
	} while (td_ms() < end);
	return -ETIMEDOUT;
}

/* Status of the command, or -1 when it was never answered. */
static int
td_exec(struct td *t, struct ena_aq_cmd *c, struct ena_aq_comp *out)
{
	struct ena_aq_comp tmp;

	if (out == NULL)
		out = &tmp;
	td_submit(t, c);
	if (td_wait_comp(t, out, 50) != 0)
		return -1;
	return out->common.status;
}

static int
td_get_feat(struct td *t, uint8_t id, struct ena_aq_comp *out)
{
	struct ena_aq_cmd c;

	memset(&c, 0, sizeof(c));
	c.common.opcode = ENA_AQ_OP_GET_FEATURE;
	c.get_feat.feat.feature_id = id;
	c.get_feat.feat.version = 1;
	return td_exec(t, &c, out);
}

static void
td_ctrl(struct ena_aq_cmd *c, void *buf, uint32_t len)
{
	c->common.flags |= ENA_AQ_DESC_CTRL_DATA_MASK;
	c->generic.ctrl.len = len;
	ena_dma_addr_set(&c->generic.ctrl.addr, (uint64_t)(uintptr_t)buf);
}

/* Next AENQ event within wait_ms, advancing the head doorbell. */
static int
td_aenq_next(struct td *t, struct ena_aenq_entry *out, uint64_t wait_ms)
{
	uint64_t end = td_ms() + wait_ms;
	struct ena_aenq_entry *e;

	do {
		ena_emu_poll(t->dev);
		e = &t->aenq[t->aenq_head & (TD_AENQ_DEPTH - 1)];
		if ((__atomic_load_n(&e->common.flags, __ATOMIC_ACQUIRE) &
			    ENA_AENQ_PHASE_MASK) == t->aenq_phase) {
			memcpy(out, e, sizeof(*out));
			t->aenq_head++;
			if ((t->aenq_head & (TD_AENQ_DEPTH - 1)) == 0)
				t->aenq_phase ^= 1;
			td_w32(t, ENA_REG_AENQ_HEAD_DB, t->aenq_head);
			return 0;
		}
	} while (td_ms() < end);
	return -ETIMEDOUT;
}

/* Waits for an event of one group, skipping others (keep-alives...). */
static int
td_aenq_wait_group(struct td *t, uint16_t group, struct ena_aenq_entry *out,
	uint64_t wait_ms)
{
	uint64_t end = td_ms() + wait_ms;

	while (td_ms() < end)
		if (td_aenq_next(t, out, end - td_ms()) == 0 &&
			out->common.group == group)
			return 0;
	return -ETIMEDOUT;
}

static uint64_t
td_irq_count(struct td *t)
{
	uint64_t n = 0;

	if (read(ena_emu_irq_fd(t->dev), &n, sizeof(n)) != (ssize_t)sizeof(n))
		return 0;
	return n;
}

static unsigned int
td_open_fds(void)
{
	struct dirent *de;
	unsigned int n = 0;
	DIR *d = opendir("/proc/self/fd");

	if (d == NULL)
		return 0;
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] != '.')
			n++;
	closedir(d);
	return n;
}

/* ---------------------------------------------------------------- */

static void
emu_test_devargs(void)
{
	static const char *const bad[] = {
		"bogus=1",
		"queues=0",
		"queues=abc",
		"llq=2",
		"ring_size=1000",
		"ring_size=32",
		"mtu_max=20",
		"link=sideways",
		"thread=yes",
		"mac=01:00:00:00:00:01",
		"addr=zz",
		"admin_delay_ms=-1",
		"fatal=1x",
		"dma_width=256",
		"admin_err_status=300",
		"admin_err_opcode=-1",
		"rx_split=65",
		"llq_burst=70000",
		"tx_reorder=yes",
		"version=0x1g",
		/* Keys once, numbers in plain decimal, values present. */
		"queues=2,queues=3",
		"llq=0,ka_stop=1,llq=0",
		"queues=010",
		"queues=0x4",
		"queues=+4",
		"queues= 4",
		"queues=4 ",
		"queues=",
		"queues",
		",queues=4",
		"ring_size=0x400",
		"admin_drop=00",
		"wire=",
		"wire=[]",
		"wire=[pcap:a,b",
		"mac=00:00:00:00:00:00",
		"mac=ff:ff:ff:ff:ff:ff",
		"mac=02:00:00:00:00",
		"mac=02-00-00-00-00-01",
		"mac=02:00:00:00:00:0g",
		"wire=gen:0x40",
		"wire=gen:64:010",
		"wire=tap:",
		"wire=tap:name/with/slash",
		"wire=tap:an_interface_name_too_long",
		"wire=nothing",
	};
	struct ena_emu_dev *d;
	unsigned int i;

	for (i = 0; i < RTE_DIM(bad); i++) {
		d = ena_emu_dev_create("emu_bad", bad[i]);
		ENA_CHECK(d == NULL, "devargs '%s' accepted", bad[i]);
		ena_emu_dev_destroy(d);
	}
	d = ena_emu_dev_create("emu_ok",
		"queues=2,llq=0,ring_size=256,"
		"mtu_max=4000,link=down,mac=02:11:22:33:44:55,admin_drop=3");
	ENA_CHECK(d != NULL, "valid devargs rejected");
	if (d == NULL)
		return;
	ENA_CHECK_EQ("admin_drop knob from devargs", 3,
		ena_emu_fault_get(d, ENA_EMU_FAULT_ADMIN_DROP));
	ENA_CHECK(ena_emu_bar(d, ENA_EMU_BAR_LLQ, NULL) == NULL,
		"llq=0 device has a BAR2");
	ENA_CHECK(ena_emu_irq_fd(d) >= 0, "no irq eventfd");
	ENA_CHECK_RC("fault_set out of range", -EINVAL,
		ena_emu_fault_set(d, ENA_EMU_FAULT_MAX, 1));
	ena_emu_dev_destroy(d);

	/* Register-valued knobs also take hexadecimal; 0 is a number. */
	d = ena_emu_dev_create("emu_ok2",
		"version=0x205,ctrl_version=256,admin_drop=0,wire=[loopback]");
	ENA_CHECK(d != NULL, "hex version / decimal ctrl_version rejected");
	if (d != NULL) {
		ENA_CHECK_EQ("version knob", 0x205,
			ena_emu_fault_get(d, ENA_EMU_FAULT_VERSION));
		ENA_CHECK_EQ("ctrl_version knob", 256,
			ena_emu_fault_get(d, ENA_EMU_FAULT_CTRL_VERSION));
	}
	ena_emu_dev_destroy(d);
}

static void
emu_test_registers(void)
{
	struct ena_emu_counters cnt;
	struct td t;
	uint32_t v;

	ENA_CHECK(td_open(&t, "emu_regs", "") == 0, "device setup failed");
	if (t.dev == NULL)
		return;
	v = td_read(&t, ENA_REG_VERSION, 100);
	ENA_CHECK_EQ(
		"VERSION major", 2, ENA_FIELD_GET(v, ENA_REG_VERSION_MAJOR));
	ENA_CHECK_EQ(
		"VERSION plain read", v, td_r32_plain(&t, ENA_REG_VERSION));
	v = td_read(&t, ENA_REG_CONTROLLER_VERSION, 100);
	ENA_CHECK(v != UINT32_MAX && (v & 0xffffff) >= 1,
		"controller version 0x%x too low", v);
	v = td_read(&t, ENA_REG_CAPS, 100);
	ENA_CHECK_EQ("CAPS DMA width", 48,
		ENA_FIELD_GET(v, ENA_REG_CAPS_DMA_ADDR_WIDTH));
	ENA_CHECK(ENA_FIELD_GET(v, ENA_REG_CAPS_RESET_TIMEOUT) != 0,
		"CAPS reset timeout is 0");
	v = td_read(&t, ENA_REG_DEV_STS, 100);
	ENA_CHECK(v & ENA_REG_DEV_STS_READY_MASK, "DEV_STS 0x%x not ready", v);
	ENA_CHECK(!(v & ENA_REG_DEV_STS_FATAL_ERROR_MASK), "DEV_STS 0x%x fatal",
		v);
	ENA_CHECK_EQ("read of an undefined offset", UINT32_MAX,
		td_read(&t, 0x400, 100));
	ENA_CHECK_RC("second reset", 0, td_reset(&t));
	ena_emu_counters_get(t.dev, &cnt);
	ENA_CHECK_EQ("resets counted", 2, cnt.resets);
	ENA_CHECK(cnt.mmio_reads >= 8, "only %" PRIu64 " read-less reads",
		cnt.mmio_reads);
	td_close(&t);
}

static void
emu_test_features(void)
{
	struct ena_aq_comp r;
	struct ena_aq_cmd c;
	struct td t;
	int st;

	ENA_CHECK(td_open(&t, "emu_feat",
			  "queues=3,ring_size=512,"
			  "mtu_max=4000,mac=02:11:22:33:44:55") == 0,
		"setup failed");
	if (t.dev == NULL)
		return;
	st = td_get_feat(&t, ENA_FEAT_DEVICE_ATTRIBUTES, &r);
	ENA_CHECK_EQ("dev attr status", 0, st);
	ENA_CHECK_EQ("max_mtu", 4000, r.get_feat.dev_attr.max_mtu);
	ENA_CHECK_EQ("mac[5]", 0x55, r.get_feat.dev_attr.mac_addr[5]);
	ENA_CHECK_EQ("phys width", 48, r.get_feat.dev_attr.phys_addr_width);
	ENA_CHECK(r.get_feat.dev_attr.supported_features &
			ENA_FEAT_BIT(ENA_FEAT_LLQ),
		"LLQ not advertised with llq=1");
	ENA_CHECK_EQ(
		"completion echoes cmd_id", t.cmd_id - 1, ena_aq_comp_id(&r));

	st = td_get_feat(&t, ENA_FEAT_MAX_QUEUES_EXT, &r);
	ENA_CHECK_EQ("queues ext status", 0, st);
	ENA_CHECK_EQ(
		"queues ext version", 1, r.get_feat.max_queues_ext.version);
	ENA_CHECK_EQ(
		"max rx sq", 3, r.get_feat.max_queues_ext.limits.max_rx_sq_num);
	ENA_CHECK_EQ("max tx depth", 512,
		r.get_feat.max_queues_ext.limits.max_tx_sq_depth);
	ENA_CHECK(r.get_feat.max_queues_ext.limits.max_tx_header_size >= 96,
		"max tx header %u",
		r.get_feat.max_queues_ext.limits.max_tx_header_size);

	st = td_get_feat(&t, ENA_FEAT_LLQ, &r);
	ENA_CHECK_EQ("llq get", 0, st);
	ENA_CHECK(r.get_feat.llq.entry_size_supported & ENA_LLQ_ENTRY_128B,
		"128 B LLQ entries not offered");
	ENA_CHECK_EQ("llq depth", 512, r.get_feat.llq.max_llq_depth);

	memset(&c, 0, sizeof(c));
	c.common.opcode = ENA_AQ_OP_SET_FEATURE;
	c.set_feat.feat.feature_id = ENA_FEAT_LLQ;
	c.set_feat.llq.header_location_enabled = ENA_LLQ_HEADER_INLINE;
	c.set_feat.llq.entry_size_enabled = ENA_LLQ_ENTRY_128B;
	c.set_feat.llq.descs_before_header_enabled = 2;
	c.set_feat.llq.stride_ctrl_enabled = ENA_LLQ_STRIDE_MULTI_DESC;
	ENA_CHECK_EQ("llq set", 0, td_exec(&t, &c, NULL));
	st = td_get_feat(&t, ENA_FEAT_LLQ, &r);
	ENA_CHECK_EQ("llq entry size echoed", ENA_LLQ_ENTRY_128B,
		r.get_feat.llq.entry_size_enabled);
	c.set_feat.llq.entry_size_enabled = ENA_LLQ_ENTRY_192B;
	ENA_CHECK_EQ("llq set unsupported size",
		ENA_AQ_STATUS_ILLEGAL_PARAMETER, td_exec(&t, &c, NULL));
	c.set_feat.llq.entry_size_enabled = ENA_LLQ_ENTRY_128B;
	c.set_feat.llq.descs_before_header_enabled = 8;
	ENA_CHECK_EQ("llq set header-less entry",
		ENA_AQ_STATUS_ILLEGAL_PARAMETER, td_exec(&t, &c, NULL));

	memset(&c, 0, sizeof(c));
	c.common.opcode = ENA_AQ_OP_SET_FEATURE;
	c.set_feat.feat.feature_id = ENA_FEAT_MTU;
	c.set_feat.mtu.mtu = 4000;
	ENA_CHECK_EQ("mtu at max", 0, td_exec(&t, &c, NULL));
	c.set_feat.mtu.mtu = 4001;
	ENA_CHECK_EQ("mtu above max", ENA_AQ_STATUS_ILLEGAL_PARAMETER,
		td_exec(&t, &c, NULL));
	c.set_feat.mtu.mtu = 10;
	ENA_CHECK_EQ("mtu too small", ENA_AQ_STATUS_ILLEGAL_PARAMETER,
		td_exec(&t, &c, NULL));

	ENA_CHECK_EQ("unknown feature", ENA_AQ_STATUS_UNSUPPORTED_OPCODE,
		td_get_feat(&t, 30, NULL));
	memset(&c, 0, sizeof(c));
	c.common.opcode = 77;
	ENA_CHECK_EQ("unknown opcode", ENA_AQ_STATUS_BAD_OPCODE,
		td_exec(&t, &c, NULL));
	memset(&c, 0, sizeof(c));
	c.common.opcode = ENA_AQ_OP_SET_FEATURE;
	c.set_feat.feat.feature_id = ENA_FEAT_DEVICE_ATTRIBUTES;
	ENA_CHECK_EQ("set of a read-only feature",
		ENA_AQ_STATUS_UNSUPPORTED_OPCODE, td_exec(&t, &c, NULL));

	memset(&c, 0, sizeof(c));
	c.common.opcode = ENA_AQ_OP_SET_FEATURE;
	c.set_feat.feat.feature_id = ENA_FEAT_AENQ_CONFIG;
	c.set_feat.aenq.enabled_groups = ENA_BIT(20);
	ENA_CHECK_EQ("unsupported AENQ group", ENA_AQ_STATUS_ILLEGAL_PARAMETER,
		td_exec(&t, &c, NULL));

	memset(&c, 0, sizeof(c));
	c.common.opcode = ENA_AQ_OP_GET_STATS;
	c.get_stats.type = ENA_STATS_TYPE_BASIC;
	c.get_stats.device_id = ENA_STATS_DEVICE_SELF;
	ENA_CHECK_EQ("basic stats", 0, td_exec(&t, &c, &r));
	ENA_CHECK_EQ(
		"tx pkts with no traffic", 0, r.get_stats.basic.tx_pkts_lo);
	c.get_stats.type = ENA_STATS_TYPE_ENI;
	ENA_CHECK_EQ("eni stats", 0, td_exec(&t, &c, NULL));
	c.get_stats.type = 9;
	ENA_CHECK_EQ("unknown stats type", ENA_AQ_STATUS_UNSUPPORTED_OPCODE,
		td_exec(&t, &c, NULL));
	td_close(&t);
}

/* LLQ answer to a driver that asks for feature version ver. */
static void
td_llq(struct td *t, uint8_t ver, struct ena_aq_comp *r)
{
	struct ena_aq_cmd c;

	memset(&c, 0, sizeof(c));
	c.common.opcode = ENA_AQ_OP_GET_FEATURE;
	c.get_feat.feat.feature_id = ENA_FEAT_LLQ;
	c.get_feat.feat.version = ver;
	ENA_CHECK_EQ("LLQ get", 0, td_exec(t, &c, r));
}

/* Status of GET_STATS of type with an optional control buffer. */
static int
td_stats(struct td *t, uint8_t type, uint64_t metrics, void *buf, uint32_t len,
	struct ena_aq_comp *r)
{
	struct ena_aq_cmd c;

	memset(&c, 0, sizeof(c));
	c.common.opcode = ENA_AQ_OP_GET_STATS;
	c.get_stats.type = type;
	c.get_stats.device_id = ENA_STATS_DEVICE_SELF;
	c.get_stats.requested_metrics_lo = (uint32_t)metrics;
	c.get_stats.requested_metrics_hi = (uint32_t)(metrics >> 32);
	if (buf != NULL)
		td_ctrl(&c, buf, len);
	return td_exec(t, &c, r);
}

/*
 * The newer interface (capabilities, LLQ entry size hint, SRD and customer
 * metrics statistics, DEVICE_RESET requests), and a device of the 2.0 era
 * (capabilities=0) that answers none of it.
 */
static void
emu_test_newer_interface(void)
{
	struct ena_aenq_entry e;
	struct ena_aq_comp r;
	uint64_t *vals;
	struct td t;

	ENA_CHECK(ena_emu_dev_create("emu_caps_bad", "capabilities=16") == NULL,
		"capabilities=16 (unknown bit) accepted");
	ENA_CHECK(ena_emu_dev_create("emu_caps_bad", "llq_entry=192") == NULL,
		"llq_entry=192 accepted");

	ENA_CHECK(
		td_open(&t, "emu_newer", "llq_entry=256") == 0, "setup failed");
	if (t.dev == NULL)
		return;
	ENA_CHECK_EQ(
		"dev attr", 0, td_get_feat(&t, ENA_FEAT_DEVICE_ATTRIBUTES, &r));
	ENA_CHECK_EQ("default capabilities",
		ENA_BIT(ENA_DEV_CAP_ENI_STATS) | ENA_BIT(ENA_DEV_CAP_SRD_INFO) |
			ENA_BIT(ENA_DEV_CAP_CUSTOMER_METRICS) |
			ENA_BIT(ENA_DEV_CAP_EXT_RESET_REASONS),
		r.get_feat.dev_attr.capabilities);
	td_llq(&t, ENA_FEAT_LLQ_VERSION_ENTRY_SIZE_HINT, &r);
	ENA_CHECK_EQ("LLQ version answered",
		ENA_FEAT_LLQ_VERSION_ENTRY_SIZE_HINT,
		r.get_feat.llq.feature_version);
	ENA_CHECK_EQ("LLQ entry recommended", ENA_LLQ_ENTRY_256B,
		r.get_feat.llq.entry_size_recommended);
	td_llq(&t, ENA_FEAT_LLQ_VERSION_LEGACY, &r);
	ENA_CHECK_EQ("LLQ version to an old driver", 0,
		r.get_feat.llq.feature_version);
	ENA_CHECK_EQ("no recommendation to an old driver", 0,
		r.get_feat.llq.entry_size_recommended);

	ENA_CHECK_EQ("SRD stats", 0,
		td_stats(&t, ENA_STATS_TYPE_SRD, 0, NULL, 0, &r));
	vals = rte_zmalloc("td_metrics", 64 * sizeof(*vals), 64);
	ENA_CHECK(vals != NULL, "metrics buffer");
	if (vals != NULL) {
		memset(vals, 0xff, 64 * sizeof(*vals));
		ENA_CHECK_EQ("customer metrics", 0,
			td_stats(&t, ENA_STATS_TYPE_CUSTOMER_METRICS,
				ENA_BIT(ENA_METRIC_PPS_EXCEEDED) |
					ENA_BIT(ENA_METRIC_CONNTRACK_AVAILABLE) |
					UINT64_C(1) << 40,
				vals, 64 * sizeof(*vals), &r));
		ENA_CHECK_EQ("metrics reported (unknown bit 40 left out)",
			ENA_BIT(ENA_METRIC_PPS_EXCEEDED) |
				ENA_BIT(ENA_METRIC_CONNTRACK_AVAILABLE),
			r.get_stats.metrics.reported);
		ENA_CHECK_EQ("pps exceeded", 0, vals[0]);
		ENA_CHECK(vals[1] != 0 && vals[1] != UINT64_MAX,
			"conntrack available %" PRIu64, vals[1]);
		ENA_CHECK_EQ(
			"nothing past the two values", UINT64_MAX, vals[2]);
		ENA_CHECK_EQ("metrics without a buffer",
			ENA_AQ_STATUS_MALFORMED_REQUEST,
			td_stats(&t, ENA_STATS_TYPE_CUSTOMER_METRICS,
				ENA_BIT(ENA_METRIC_PPS_EXCEEDED), NULL, 0, &r));
		rte_free(vals);
	}

	td_aenq_enable(&t);
	ena_emu_fault_set(t.dev, ENA_EMU_FAULT_REQUEST_RESET, 1);
	ENA_CHECK_RC("DEVICE_RESET event", 0,
		td_aenq_wait_group(&t, ENA_AENQ_GROUP_DEVICE_RESET, &e, 500));
	ENA_CHECK_EQ("request_reset knob used up", 0,
		ena_emu_fault_get(t.dev, ENA_EMU_FAULT_REQUEST_RESET));
	td_close(&t);

	ENA_CHECK(
		td_open(&t, "emu_old", "capabilities=0") == 0, "setup failed");
	if (t.dev == NULL)
		return;
	ENA_CHECK_EQ(
		"dev attr", 0, td_get_feat(&t, ENA_FEAT_DEVICE_ATTRIBUTES, &r));
	ENA_CHECK_EQ(
		"2.0-era capabilities", 0, r.get_feat.dev_attr.capabilities);
	td_llq(&t, ENA_FEAT_LLQ_VERSION_ENTRY_SIZE_HINT, &r);
	ENA_CHECK_EQ("2.0-era LLQ version", 0, r.get_feat.llq.feature_version);
	ENA_CHECK_EQ("2.0-era SRD stats", ENA_AQ_STATUS_UNSUPPORTED_OPCODE,
		td_stats(&t, ENA_STATS_TYPE_SRD, 0, NULL, 0, &r));
	ENA_CHECK_EQ("2.0-era metrics", ENA_AQ_STATUS_UNSUPPORTED_OPCODE,
		td_stats(&t, ENA_STATS_TYPE_CUSTOMER_METRICS, 1, NULL, 0, &r));
	td_close(&t);
}

static void
emu_test_rss(void)
{
	struct ena_feat_rss_key *key;
	struct ena_feat_rss_hash_ctrl *hc;
	struct ena_rss_ind_entry *ind;
	struct ena_aq_comp r;
	struct ena_aq_cmd c;
	struct td t;
	unsigned int i;

	ENA_CHECK(td_open(&t, "emu_rss", "queues=4") == 0, "setup failed");
	key = rte_zmalloc("k", sizeof(*key), 64);
	hc = rte_zmalloc("hc", sizeof(*hc), 64);
	ind = rte_zmalloc("ind", 128 * sizeof(*ind), 64);
	if (t.dev == NULL || key == NULL || hc == NULL || ind == NULL)
		goto out;

	memset(&c, 0, sizeof(c));
	c.common.opcode = ENA_AQ_OP_SET_FEATURE;
	c.set_feat.feat.feature_id = ENA_FEAT_RSS_HASH_FUNCTION;
	c.set_feat.rss_func.selected = ENA_BIT(ENA_RSS_FUNC_TOEPLITZ);
	key->key_parts = ENA_RSS_KEY_WORDS;
	for (i = 0; i < ENA_RSS_KEY_WORDS; i++)
		key->key[i] = 0x01010101u * (i + 1);
	td_ctrl(&c, key, sizeof(*key));
	ENA_CHECK_EQ("set hash key", 0, td_exec(&t, &c, NULL));
	memset(key, 0, sizeof(*key));
	memset(&c, 0, sizeof(c));
	c.common.opcode = ENA_AQ_OP_GET_FEATURE;
	c.get_feat.feat.feature_id = ENA_FEAT_RSS_HASH_FUNCTION;
	td_ctrl(&c, key, sizeof(*key));
	ENA_CHECK_EQ("get hash key", 0, td_exec(&t, &c, &r));
	ENA_CHECK_EQ("key word 9 read back", 0x0a0a0a0a, key->key[9]);
	ENA_CHECK_EQ("selected function", ENA_BIT(ENA_RSS_FUNC_TOEPLITZ),
		r.get_feat.rss_func.selected);

	memset(&c, 0, sizeof(c));
	c.common.opcode = ENA_AQ_OP_SET_FEATURE;
	c.set_feat.feat.feature_id = ENA_FEAT_RSS_HASH_FUNCTION;
	c.set_feat.rss_func.selected = ENA_BIT(5);
	ENA_CHECK_EQ("unknown hash function", ENA_AQ_STATUS_ILLEGAL_PARAMETER,
		td_exec(&t, &c, NULL));

	memset(&c, 0, sizeof(c));
	c.common.opcode = ENA_AQ_OP_GET_FEATURE;
	c.get_feat.feat.feature_id = ENA_FEAT_RSS_HASH_INPUT;
	td_ctrl(&c, hc, sizeof(*hc));
	ENA_CHECK_EQ("get hash input", 0, td_exec(&t, &c, NULL));
	ENA_CHECK(
		hc->supported[ENA_RSS_PROTO_TCP4].fields & ENA_RSS_FIELD_L4_SP,
		"TCP4 source port not hashable");
	hc->selected[ENA_RSS_PROTO_UDP4].fields = ENA_RSS_FIELD_L3_SA;
	c.common.opcode = ENA_AQ_OP_SET_FEATURE;
	ENA_CHECK_EQ("set hash input", 0, td_exec(&t, &c, NULL));
	memset(hc, 0, sizeof(*hc));
	c.common.opcode = ENA_AQ_OP_GET_FEATURE;
	td_exec(&t, &c, NULL);
	ENA_CHECK_EQ("UDP4 fields read back", ENA_RSS_FIELD_L3_SA,
		hc->selected[ENA_RSS_PROTO_UDP4].fields);

	ENA_CHECK_EQ("ind table get", 0,
		td_get_feat(&t, ENA_FEAT_RSS_IND_TABLE, &r));
	ENA_CHECK(r.get_feat.rss_ind.min_size_log2 <= 7 &&
			r.get_feat.rss_ind.max_size_log2 >= 7,
		"table of 128 not allowed (%u..%u)",
		r.get_feat.rss_ind.min_size_log2,
		r.get_feat.rss_ind.max_size_log2);
	memset(&c, 0, sizeof(c));
	c.common.opcode = ENA_AQ_OP_SET_FEATURE;
	c.set_feat.feat.feature_id = ENA_FEAT_RSS_IND_TABLE;
	c.set_feat.rss_ind.size_log2 = 7;
	c.set_feat.rss_ind.inline_index = ENA_RSS_IND_INLINE_NONE;
	ENA_CHECK_EQ("ind table without buffer",
		ENA_AQ_STATUS_MALFORMED_REQUEST, td_exec(&t, &c, NULL));
	for (i = 0; i < 128; i++)
		ind[i].cq_idx = (uint16_t)(1 + 2 * (i % 4));
	td_ctrl(&c, ind, 128 * sizeof(*ind));
	ENA_CHECK_EQ("ind table set", 0, td_exec(&t, &c, NULL));
	ind[5].cq_idx = 99;
	ENA_CHECK_EQ("ind table with bad CQ", ENA_AQ_STATUS_ILLEGAL_PARAMETER,
		td_exec(&t, &c, NULL));
	td_ctrl(&c, ind, 64 * sizeof(*ind));
	ENA_CHECK_EQ("ind table buffer too short",
		ENA_AQ_STATUS_MALFORMED_REQUEST, td_exec(&t, &c, NULL));
	memset(ind, 0xff, 128 * sizeof(*ind));
	memset(&c, 0, sizeof(c));
	c.common.opcode = ENA_AQ_OP_GET_FEATURE;
	c.get_feat.feat.feature_id = ENA_FEAT_RSS_IND_TABLE;
	td_ctrl(&c, ind, 128 * sizeof(*ind));
	ENA_CHECK_EQ("ind table read", 0, td_exec(&t, &c, NULL));
	ENA_CHECK_EQ("ind[6] read back", 5, ind[6].cq_idx);
out:
	rte_free(key);
	rte_free(hc);
	rte_free(ind);
	td_close(&t);
}

static void
emu_test_aenq(void)
{
	struct ena_aenq_keep_alive_desc *ka;
	struct ena_aenq_link_change_desc *lc;
	struct ena_aenq_entry e;
	struct ena_emu_counters cnt, c0;
	struct td t;
	unsigned int i;
	uint64_t t0;

	ENA_CHECK(td_open(&t, "emu_aenq", "link=up") == 0, "setup failed");
	if (t.dev == NULL)
		return;
	td_irq_count(&t);
	td_steps(&t, TD_STEPS);
	ENA_CHECK_EQ(
		"events before the head doorbell", 0, t.aenq[0].common.flags);
	td_aenq_enable(&t);
	ENA_CHECK_RC("link event after enable", 0, td_aenq_next(&t, &e, 100));
	ENA_CHECK_EQ(
		"link event group", ENA_AENQ_GROUP_LINK_CHANGE, e.common.group);
	lc = (struct ena_aenq_link_change_desc *)&e;
	ENA_CHECK_EQ("link up", ENA_AENQ_LINK_UP_MASK,
		lc->flags & ENA_AENQ_LINK_UP_MASK);
	ENA_CHECK(td_irq_count(&t) > 0, "no interrupt for the AENQ event");

	t0 = td_ms();
	ENA_CHECK_RC("keep-alive", 0,
		td_aenq_wait_group(&t, ENA_AENQ_GROUP_KEEP_ALIVE, &e, 2500));
	ENA_CHECK(td_ms() - t0 <= 1500, "keep-alive took %" PRIu64 " ms",
		td_ms() - t0);
	ka = (struct ena_aenq_keep_alive_desc *)&e;
	ENA_CHECK_EQ("keep-alive rx drops", 0, ka->rx_drops_lo);

	ENA_CHECK_RC("link_set", 0, ena_emu_link_set(t.dev, false));
	ENA_CHECK_RC("link down event", 0,
		td_aenq_wait_group(&t, ENA_AENQ_GROUP_LINK_CHANGE, &e, 200));
	ENA_CHECK_EQ("link down flag", 0,
		((struct ena_aenq_link_change_desc *)&e)->flags);

	ena_emu_notify(t.dev, true);
	ENA_CHECK_RC("suspend event", 0,
		td_aenq_wait_group(&t, ENA_AENQ_GROUP_NOTIFICATION, &e, 200));
	ENA_CHECK_EQ(
		"suspend syndrome", ENA_AENQ_NOTIFY_SUSPEND, e.common.syndrome);
	ena_emu_notify(t.dev, false);
	ENA_CHECK_RC("resume event", 0,
		td_aenq_wait_group(&t, ENA_AENQ_GROUP_NOTIFICATION, &e, 200));
	ENA_CHECK_EQ(
		"resume syndrome", ENA_AENQ_NOTIFY_RESUME, e.common.syndrome);

	/* Full AENQ: the device must not overwrite unread entries. */
	while (td_aenq_next(&t, &e, 5) == 0)
		;
	ena_emu_counters_get(t.dev, &c0);
	for (i = 0; i < 2 * TD_AENQ_DEPTH; i++) {
		ena_emu_link_set(t.dev, i % 2 == 0);
		td_steps(&t, 4);
	}
	ena_emu_counters_get(t.dev, &cnt);
	ENA_CHECK_EQ("events posted into a full AENQ", TD_AENQ_DEPTH,
		cnt.aenq_events - c0.aenq_events);
	for (i = 0; i < TD_AENQ_DEPTH; i++)
		if (td_aenq_next(&t, &e, 5) != 0)
			break;
	ENA_CHECK_EQ("queued events readable", TD_AENQ_DEPTH, i);

	/* Masked vector: nothing signalled until unmasked. */
	td_irq_count(&t);
	td_w32(&t, ENA_REG_INTR_MASK, ENA_REG_INTR_MASK_ADMIN_MASK);
	td_steps(&t, TD_STEPS);
	td_get_feat(&t, ENA_FEAT_DEVICE_ATTRIBUTES, NULL);
	ENA_CHECK_EQ("irq while masked", 0, td_irq_count(&t));
	td_w32(&t, ENA_REG_INTR_MASK, 0);
	td_steps(&t, TD_STEPS);
	ENA_CHECK(td_irq_count(&t) > 0, "pending irq not delivered on unmask");
	td_close(&t);
}

static void
emu_test_fault_admin(void)
{
	struct ena_emu_counters cnt;
	struct ena_aq_comp r;
	struct ena_aq_cmd c;
	struct td t;
	uint64_t t0;
	uint32_t v;

	ENA_CHECK(td_open(&t, "emu_fadm", "") == 0, "setup failed");
	if (t.dev == NULL)
		return;

	/* admin_drop: consumed, never answered; the next one is. */
	ena_emu_fault_set(t.dev, ENA_EMU_FAULT_ADMIN_DROP, 1);
	memset(&c, 0, sizeof(c));
	c.common.opcode = ENA_AQ_OP_GET_FEATURE;
	c.get_feat.feat.feature_id = ENA_FEAT_DEVICE_ATTRIBUTES;
	td_submit(&t, &c);
	ENA_CHECK_RC("dropped command unanswered", -ETIMEDOUT,
		td_wait_comp(&t, &r, 100));
	ENA_CHECK_EQ("next command answered", 0,
		td_get_feat(&t, ENA_FEAT_DEVICE_ATTRIBUTES, &r));
	ena_emu_counters_get(t.dev, &cnt);
	ENA_CHECK_EQ("admin_dropped", 1, cnt.admin_dropped);
	ENA_CHECK_EQ("knob consumed", 0,
		ena_emu_fault_get(t.dev, ENA_EMU_FAULT_ADMIN_DROP));

	/* admin_delay_ms: the answer comes, but late. */
	ena_emu_fault_set(t.dev, ENA_EMU_FAULT_ADMIN_DELAY_MS, 150);
	t0 = td_ms();
	td_submit(&t, &c);
	ENA_CHECK_RC(
		"delayed completion arrives", 0, td_wait_comp(&t, &r, 1000));
	ENA_CHECK(td_ms() - t0 >= 150,
		"delayed completion after %" PRIu64 " ms", td_ms() - t0);
	ena_emu_fault_set(t.dev, ENA_EMU_FAULT_ADMIN_DELAY_MS, 0);

	/* mmio_late_ms: read-less answers late; a short wait misses it. */
	ena_emu_fault_set(t.dev, ENA_EMU_FAULT_MMIO_LATE_MS, 100);
	ENA_CHECK_EQ("late read misses a 20 ms wait", UINT32_MAX,
		td_read(&t, ENA_REG_VERSION, 20));
	t0 = td_ms();
	v = td_read(&t, ENA_REG_VERSION, 1000);
	ENA_CHECK(v != UINT32_MAX && td_ms() - t0 >= 100,
		"late read: 0x%x after %" PRIu64 " ms", v, td_ms() - t0);
	ena_emu_fault_set(t.dev, ENA_EMU_FAULT_MMIO_LATE_MS, 0);
	ENA_CHECK(td_read(&t, ENA_REG_VERSION, 20) != UINT32_MAX,
		"read still late after clearing the knob");

	/* A command with a stale phase bit is malformed. */
	memset(&c, 0, sizeof(c));
	c.common.opcode = ENA_AQ_OP_GET_FEATURE;
	c.get_feat.feat.feature_id = ENA_FEAT_DEVICE_ATTRIBUTES;
	c.common.cmd_id = t.cmd_id++;
	c.common.flags = (uint8_t)(t.aq_phase ^ 1);
	memcpy(&t.aq[t.aq_tail & (TD_AQ_DEPTH - 1)], &c, sizeof(c));
	t.aq_tail++;
	if ((t.aq_tail & (TD_AQ_DEPTH - 1)) == 0)
		t.aq_phase ^= 1;
	td_w32(&t, ENA_REG_AQ_DB, t.aq_tail);
	ENA_CHECK_RC(
		"stale-phase command answered", 0, td_wait_comp(&t, &r, 50));
	ENA_CHECK_EQ("stale-phase status", ENA_AQ_STATUS_MALFORMED_REQUEST,
		r.common.status);
	td_close(&t);
}

static void
emu_test_fault_aenq(void)
{
	struct ena_emu_counters c0, c1;
	struct ena_aenq_entry e;
	struct td t;
	unsigned int ups = 0, downs = 0;
	uint64_t end;
	uint32_t v;

	ENA_CHECK(td_open(&t, "emu_faenq", "ka_stop=1") == 0, "setup failed");
	if (t.dev == NULL)
		return;
	td_aenq_enable(&t);
	ena_emu_counters_get(t.dev, &c0);
	ENA_CHECK_RC("no keep-alive with ka_stop", -ETIMEDOUT,
		td_aenq_wait_group(&t, ENA_AENQ_GROUP_KEEP_ALIVE, &e, 1300));
	ena_emu_counters_get(t.dev, &c1);
	ENA_CHECK_EQ(
		"keep_alives with ka_stop", c0.keep_alives, c1.keep_alives);
	ena_emu_fault_set(t.dev, ENA_EMU_FAULT_KEEP_ALIVE_STOP, 0);
	ENA_CHECK_RC("keep-alive resumes", 0,
		td_aenq_wait_group(&t, ENA_AENQ_GROUP_KEEP_ALIVE, &e, 1500));

	/* link_flap_ms: the link toggles, each change reported. */
	ena_emu_fault_set(t.dev, ENA_EMU_FAULT_LINK_FLAP_MS, 50);
	end = td_ms() + 400;
	while (td_ms() < end)
		if (td_aenq_next(&t, &e, end - td_ms()) == 0 &&
			e.common.group == ENA_AENQ_GROUP_LINK_CHANGE) {
			if (((struct ena_aenq_link_change_desc *)&e)->flags &
				ENA_AENQ_LINK_UP_MASK)
				ups++;
			else
				downs++;
		}
	ena_emu_fault_set(t.dev, ENA_EMU_FAULT_LINK_FLAP_MS, 0);
	ENA_CHECK(ups >= 2 && downs >= 2, "link flaps seen: %u up, %u down",
		ups, downs);

	/* fatal: DEV_STS shows it, AENQ reports it, reset clears it. */
	ena_emu_fault_set(t.dev, ENA_EMU_FAULT_FATAL, 1);
	ENA_CHECK_RC("fatal event", 0,
		td_aenq_wait_group(&t, ENA_AENQ_GROUP_FATAL_ERROR, &e, 200));
	v = td_read(&t, ENA_REG_DEV_STS, 100);
	ENA_CHECK(v & ENA_REG_DEV_STS_FATAL_ERROR_MASK,
		"DEV_STS 0x%x without fatal bit", v);
	ENA_CHECK_RC("reset after fatal", 0, td_reset(&t));
	v = td_read(&t, ENA_REG_DEV_STS, 100);
	ENA_CHECK(!(v & ENA_REG_DEV_STS_FATAL_ERROR_MASK),
		"DEV_STS 0x%x still fatal after reset", v);
	td_close(&t);
}

static void
emu_test_dma_guard(void)
{
	struct ena_emu_counters cnt;
	struct ena_aenq_entry e;
	struct ena_aq_comp r;
	struct ena_aq_cmd c;
	struct td t;
	void *heap;
	uint32_t v;

	ENA_CHECK(td_open(&t, "emu_dma", "") == 0, "setup failed");
	heap = malloc(4096);
	if (t.dev == NULL || heap == NULL)
		goto out;
	td_aenq_enable(&t);
	td_aenq_next(&t, &e, 50);
	/* A control buffer outside DPDK memory: refused, device error. */
	memset(&c, 0, sizeof(c));
	c.common.opcode = ENA_AQ_OP_GET_FEATURE;
	c.get_feat.feat.feature_id = ENA_FEAT_RSS_HASH_FUNCTION;
	td_ctrl(&c, heap, 48);
	ENA_CHECK_EQ("ctrl buffer in libc heap",
		ENA_AQ_STATUS_MALFORMED_REQUEST, td_exec(&t, &c, &r));
	ena_emu_counters_get(t.dev, &cnt);
	ENA_CHECK_EQ("dma_errors", 1, cnt.dma_errors);
	ENA_CHECK_RC("fatal event for the bad DMA", 0,
		td_aenq_wait_group(&t, ENA_AENQ_GROUP_FATAL_ERROR, &e, 200));
	td_ctrl(&c, (void *)(uintptr_t)0x10, 48);
	ENA_CHECK_EQ("ctrl buffer at 0x10", ENA_AQ_STATUS_MALFORMED_REQUEST,
		td_exec(&t, &c, NULL));

	/* Admin queue itself outside DPDK memory: device error, no crash. */
	ENA_CHECK_RC("reset", 0, td_reset(&t));
	td_admin_init(&t);
	td_w64(&t, ENA_REG_AQ_BASE_LO, ENA_REG_AQ_BASE_HI, heap);
	memset(&c, 0, sizeof(c));
	c.common.opcode = ENA_AQ_OP_GET_FEATURE;
	c.get_feat.feat.feature_id = ENA_FEAT_DEVICE_ATTRIBUTES;
	td_submit(&t, &c);
	ENA_CHECK_RC("AQ in libc heap not served", -ETIMEDOUT,
		td_wait_comp(&t, &r, 50));
	v = td_read(&t, ENA_REG_DEV_STS, 100);
	ENA_CHECK(v & ENA_REG_DEV_STS_FATAL_ERROR_MASK,
		"DEV_STS 0x%x: bad AQ address not fatal", v);
	ENA_CHECK_RC("reset recovers", 0, td_reset(&t));
	td_admin_init(&t);
	ENA_CHECK_EQ("admin works again", 0,
		td_get_feat(&t, ENA_FEAT_DEVICE_ATTRIBUTES, NULL));
out:
	free(heap);
	td_close(&t);
}

/* Bare attach/detach cycles; returns how many completed. */
static unsigned int
emu_bare_cycles(unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		if (rte_vdev_init("ena_emu_t0",
			    "pmd=none,addr=0000:00:1e.0,"
			    "queues=2") != 0)
			break;
		if (ena_emu_dev_find("ena_emu_t0") == NULL)
			break;
		if (rte_vdev_uninit("ena_emu_t0") != 0 ||
			ena_emu_dev_find("ena_emu_t0") != NULL)
			break;
	}
	return i;
}

static void
emu_test_attach(void)
{
	unsigned int fds0, i,
		cycles = (unsigned int)ena_test_opt_u64("emu_cycles", 10);
	size_t heap1;
	uint16_t port;
	int rc;

	/*
	 * libc and EAL grow a few caches on first use (thread start-up,
	 * logging): the second batch of cycles must not grow anything.
	 */
	fds0 = td_open_fds();
	ENA_CHECK_EQ("bare attach/detach cycles", 5 + cycles,
		emu_bare_cycles(5) + emu_bare_cycles(cycles));
	heap1 = mallinfo2().uordblks;
	ENA_CHECK_EQ("more bare cycles", cycles, emu_bare_cycles(cycles));
	ENA_CHECK_EQ("fds after bare cycles", fds0, td_open_fds());
	ENA_CHECK_EQ("libc heap growth over a batch of cycles", heap1,
		mallinfo2().uordblks);

	rc = rte_vdev_init("ena_emu_t1", "nonsense=1");
	ENA_CHECK(rc != 0, "vdev with an unknown devarg probed");

	for (i = 0; i < 3; i++) {
		rc = rte_vdev_init("ena_emu_t2",
			"addr=0000:00:1f.0,queues=2,"
			"pmd=net_ena");
		if (rc != 0)
			break;
		if (rte_eth_dev_get_port_by_name("0000:00:1f.0", &port) != 0)
			break;
		rc = rte_vdev_uninit("ena_emu_t2");
		if (rc != 0)
			break;
		if (rte_eth_dev_get_port_by_name("0000:00:1f.0", &port) == 0)
			break;
	}
	if (i == 0 && rc != 0) {
		ena_test_skip(
			"no ENA PMD probed the emulated device (rc %d)", rc);
		return;
	}
	ENA_CHECK_EQ("attach/detach cycles with the PMD", 3, i);
	ENA_CHECK_EQ("fds after PMD cycles", fds0, td_open_fds());
}

/* Identity overrides and a reset that never finishes. */
static void
emu_test_fault_regs(void)
{
	struct td t;
	uint32_t v;

	ENA_CHECK(
		td_open(&t, "emu_fregs",
			"version=0x008,ctrl_version=0x45000000,dma_width=20") ==
			0,
		"setup failed");
	if (t.dev == NULL)
		return;
	ENA_CHECK_EQ(
		"VERSION override", 0x008, td_read(&t, ENA_REG_VERSION, 100));
	ENA_CHECK_EQ("VERSION override, plain read", 0x008,
		td_r32_plain(&t, ENA_REG_VERSION));
	ENA_CHECK_EQ("CONTROLLER_VERSION override", 0x45000000,
		td_read(&t, ENA_REG_CONTROLLER_VERSION, 100));
	v = td_read(&t, ENA_REG_CAPS, 100);
	ENA_CHECK_EQ("CAPS DMA width override", 20,
		ENA_FIELD_GET(v, ENA_REG_CAPS_DMA_ADDR_WIDTH));
	ENA_CHECK(ENA_FIELD_GET(v, ENA_REG_CAPS_RESET_TIMEOUT) != 0,
		"reset timeout lost with the width override");
	/* Knobs off at run time: the built-in identity comes back. */
	ena_emu_fault_set(t.dev, ENA_EMU_FAULT_VERSION, 0);
	ena_emu_fault_set(t.dev, ENA_EMU_FAULT_CTRL_VERSION, 0);
	ena_emu_fault_set(t.dev, ENA_EMU_FAULT_DMA_WIDTH, 0);
	v = td_read(&t, ENA_REG_VERSION, 100);
	ENA_CHECK_EQ("VERSION major restored", 2,
		ENA_FIELD_GET(v, ENA_REG_VERSION_MAJOR));
	v = td_read(&t, ENA_REG_CONTROLLER_VERSION, 100);
	ENA_CHECK(v != 0x45000000 && (v & 0xffffff) >= 1,
		"CONTROLLER_VERSION 0x%x not restored", v);
	ENA_CHECK_EQ("DMA width restored", 48,
		ENA_FIELD_GET(td_read(&t, ENA_REG_CAPS, 100),
			ENA_REG_CAPS_DMA_ADDR_WIDTH));
	/* Run-time override shows on the next read. */
	ena_emu_fault_set(t.dev, ENA_EMU_FAULT_DMA_WIDTH, 70);
	ENA_CHECK_EQ("DMA width set at run time", 70,
		ENA_FIELD_GET(td_read(&t, ENA_REG_CAPS, 100),
			ENA_REG_CAPS_DMA_ADDR_WIDTH));
	ena_emu_fault_set(t.dev, ENA_EMU_FAULT_DMA_WIDTH, 0);

	/* reset_stuck: the reset starts, never ends, until the knob goes. */
	ena_emu_fault_set(t.dev, ENA_EMU_FAULT_RESET_STUCK, 1);
	ENA_CHECK_RC("reset never finishes", -2, td_reset(&t));
	td_steps(&t, TD_STEPS);
	v = td_read(&t, ENA_REG_DEV_STS, 100);
	ENA_CHECK(v & ENA_REG_DEV_STS_RESET_IN_PROGRESS_MASK,
		"DEV_STS 0x%x: stuck reset not in progress", v);
	ena_emu_fault_set(t.dev, ENA_EMU_FAULT_RESET_STUCK, 0);
	v = td_read(&t, ENA_REG_DEV_STS, 100);
	ENA_CHECK(!(v & ENA_REG_DEV_STS_RESET_IN_PROGRESS_MASK) &&
			(v & ENA_REG_DEV_STS_READY_MASK),
		"DEV_STS 0x%x: reset still held after clearing the knob", v);
	td_admin_init(&t);
	ENA_CHECK_EQ("admin after the released reset", 0,
		td_get_feat(&t, ENA_FEAT_DEVICE_ATTRIBUTES, NULL));
	td_close(&t);
}

/* admin_err: N commands of an opcode (or any) get status S. */
static void
emu_test_fault_admin_err(void)
{
	struct ena_emu_counters c0, c1;
	struct ena_aq_comp r;
	struct ena_aq_cmd c;
	struct td t;
	unsigned int i;

	ENA_CHECK(td_open(&t, "emu_faerr",
			  "admin_err=2,admin_err_status=7,"
			  "admin_err_opcode=8") == 0,
		"setup failed");
	if (t.dev == NULL)
		return;
	ENA_CHECK_EQ("opcode knob from devargs", ENA_AQ_OP_GET_FEATURE,
		ena_emu_fault_get(t.dev, ENA_EMU_FAULT_ADMIN_ERR_OPCODE));
	ena_emu_counters_get(t.dev, &c0);
	/* Another opcode: executed as usual, knob untouched. */
	memset(&c, 0, sizeof(c));
	c.common.opcode = 0x7f;
	ENA_CHECK_EQ("unknown opcode still bad opcode",
		ENA_AQ_STATUS_BAD_OPCODE, td_exec(&t, &c, &r));
	ENA_CHECK_EQ("knob not consumed", 2,
		ena_emu_fault_get(t.dev, ENA_EMU_FAULT_ADMIN_ERR));
	for (i = 0; i < 2; i++)
		ENA_CHECK_EQ("GET_FEATURE fails busy",
			ENA_AQ_STATUS_RESOURCE_BUSY,
			td_get_feat(&t, ENA_FEAT_DEVICE_ATTRIBUTES, &r));
	ENA_CHECK_EQ("failed completion carries no payload", 0,
		r.get_feat.dev_attr.max_mtu);
	ENA_CHECK_EQ("third one succeeds", 0,
		td_get_feat(&t, ENA_FEAT_DEVICE_ATTRIBUTES, &r));
	ENA_CHECK(r.get_feat.dev_attr.max_mtu != 0, "no payload on success");
	ena_emu_counters_get(t.dev, &c1);
	ENA_CHECK_EQ(
		"admin_errors counted", 3, c1.admin_errors - c0.admin_errors);
	/* Any opcode, default status. */
	ena_emu_fault_set(t.dev, ENA_EMU_FAULT_ADMIN_ERR_OPCODE, 0);
	ena_emu_fault_set(t.dev, ENA_EMU_FAULT_ADMIN_ERR_STATUS, 0);
	ena_emu_fault_set(t.dev, ENA_EMU_FAULT_ADMIN_ERR, 1);
	ENA_CHECK_EQ("default status", ENA_AQ_STATUS_UNKNOWN_ERROR,
		td_get_feat(&t, ENA_FEAT_LLQ, &r));
	ENA_CHECK_EQ("knob spent", 0, td_get_feat(&t, ENA_FEAT_LLQ, &r));
	td_close(&t);
}

/* llq_burst: offered in GET_FEATURE(LLQ) with its accel flag. */
static void
emu_test_llq_burst(void)
{
	struct ena_aq_comp r;
	struct td t;

	ENA_CHECK(td_open(&t, "emu_burst", "llq_burst=2048") == 0,
		"setup failed");
	if (t.dev == NULL)
		return;
	ENA_CHECK_EQ("llq get", 0, td_get_feat(&t, ENA_FEAT_LLQ, &r));
	ENA_CHECK_EQ("max tx burst offered", 2048,
		r.get_feat.llq.accel.get.max_tx_burst_size);
	ENA_CHECK(r.get_feat.llq.accel.get.supported_flags &
			ENA_BIT(ENA_LLQ_ACCEL_LIMIT_TX_BURST),
		"LIMIT_TX_BURST flag not offered: 0x%x",
		r.get_feat.llq.accel.get.supported_flags);
	ena_emu_fault_set(t.dev, ENA_EMU_FAULT_LLQ_BURST, 0);
	ENA_CHECK_EQ("llq get", 0, td_get_feat(&t, ENA_FEAT_LLQ, &r));
	ENA_CHECK_EQ("no burst limit without the knob", 0,
		r.get_feat.llq.accel.get.max_tx_burst_size);
	ENA_CHECK(!(r.get_feat.llq.accel.get.supported_flags &
			  ENA_BIT(ENA_LLQ_ACCEL_LIMIT_TX_BURST)),
		"LIMIT_TX_BURST offered without a limit");
	td_close(&t);
}

/* Devices on the PCI bus; with name != NULL, 1 if that one is there. */
static unsigned int
emu_pci_scan(const char *name)
{
	struct rte_dev_iterator it;
	struct rte_device *d;
	unsigned int n = 0;

	RTE_DEV_FOREACH(d, "bus=pci", &it)
	{
		if (name == NULL || strcmp(rte_dev_name(d), name) == 0)
			n++;
	}
	return n;
}

/* Two vdevs without addr= get two addresses; tx_reorder is a devarg. */
static void
emu_test_default_addr(void)
{
	struct ena_emu_dev *d;
	unsigned int n0;
	int rc0, rc1;

	d = ena_emu_dev_create("emu_reord", "tx_reorder=1,llq=0");
	ENA_CHECK(d != NULL, "tx_reorder=1 refused");
	ena_emu_dev_destroy(d);
	d = ena_emu_dev_create("emu_reord", "tx_reorder=2");
	ENA_CHECK(d == NULL, "tx_reorder=2 accepted");
	ena_emu_dev_destroy(d);

	n0 = emu_pci_scan(NULL);
	rc0 = rte_vdev_init("ena_emu_da0", "pmd=none,queues=1");
	rc1 = rte_vdev_init("ena_emu_da1", "pmd=none,queues=1");
	ENA_CHECK_RC("first vdev without addr=", 0, rc0);
	ENA_CHECK_RC("second vdev without addr=", 0, rc1);
	ENA_CHECK_EQ("two PCI devices presented", n0 + 2, emu_pci_scan(NULL));
	if (n0 == 0) {
		/* Nothing else on the bus: the first two default slots. */
		ENA_CHECK(emu_pci_scan("0000:00:06.0") == 1, "no 0000:00:06.0");
		ENA_CHECK(emu_pci_scan("0000:00:07.0") == 1, "no 0000:00:07.0");
	}
	if (rc1 == 0)
		rte_vdev_uninit("ena_emu_da1");
	if (rc0 == 0)
		rte_vdev_uninit("ena_emu_da0");
	ENA_CHECK_EQ("both gone", n0, emu_pci_scan(NULL));
}

/*
 * PCI drivers of this program, to see which one the emulator hands its
 * device to: only an ID table entry whose every field, class code
 * included, equals the device's or is that field's wildcard may take it.
 */
static unsigned int emu_fake_probes;

static int
emu_fake_probe(struct rte_pci_driver *dr, struct rte_pci_device *pdev)
{
	RTE_SET_USED(dr);
	RTE_SET_USED(pdev);
	emu_fake_probes++;
	return 0;
}

static int
emu_fake_remove(struct rte_pci_device *pdev)
{
	RTE_SET_USED(pdev);
	return 0;
}

/* clang-format off */
#define EMU_FAKE_ID(class, vendor, subsys_vendor) { \
	.class_id = (class), .vendor_id = (vendor), \
	.device_id = RTE_PCI_ANY_ID, \
	.subsystem_vendor_id = (subsys_vendor), \
	.subsystem_device_id = RTE_PCI_ANY_ID }
/* clang-format on */

/* Any vendor, another Ethernet class code (as net_idpf claims in 25.11). */
static const struct rte_pci_id emu_fake_class_ids[] = {
	EMU_FAKE_ID(0x020001, RTE_PCI_ANY_ID, RTE_PCI_ANY_ID),
	{ .vendor_id = 0 },
};
/* The ENA's vendor, another subsystem vendor. */
static const struct rte_pci_id emu_fake_subsys_ids[] = {
	EMU_FAKE_ID(RTE_CLASS_ANY_ID, ENA_PCI_VENDOR_AMAZON, 0x1234),
	{ .vendor_id = 0 },
};
/* The ENA's vendor within the Ethernet class: a match. */
static const struct rte_pci_id emu_fake_match_ids[] = {
	EMU_FAKE_ID(0x020000, ENA_PCI_VENDOR_AMAZON, RTE_PCI_ANY_ID),
	{ .vendor_id = 0 },
};

static struct rte_pci_driver emu_fake_drv[] = {
	{ .driver.name = "emu_fake_class",
		.id_table = emu_fake_class_ids,
		.probe = emu_fake_probe,
		.remove = emu_fake_remove },
	{ .driver.name = "emu_fake_subsys",
		.id_table = emu_fake_subsys_ids,
		.probe = emu_fake_probe,
		.remove = emu_fake_remove },
	{ .driver.name = "emu_fake_match",
		.id_table = emu_fake_match_ids,
		.probe = emu_fake_probe,
		.remove = emu_fake_remove },
};

/* pmd= keeps the choice among this program's drivers (its argv[0]). */
static void
emu_test_pci_match(void)
{
	const char *args = "addr=0000:00:1e.0,queues=1,pmd=dpdk-test-ena";
	int rc;

	emu_fake_probes = 0;
	rte_pci_register(&emu_fake_drv[0]);
	rte_pci_register(&emu_fake_drv[1]);
	rc = rte_vdev_init("ena_emu_m0", args);
	ENA_CHECK(rc != 0,
		"device handed to a driver of another class code "
		"or subsystem vendor");
	ENA_CHECK_EQ("probes of non-matching drivers", 0, emu_fake_probes);
	if (rc == 0)
		rte_vdev_uninit("ena_emu_m0");
	rte_pci_register(&emu_fake_drv[2]);
	rc = rte_vdev_init("ena_emu_m1", args);
	ENA_CHECK_RC("device handed to the matching driver", 0, rc);
	ENA_CHECK_EQ("probes", 1, emu_fake_probes);
	if (rc == 0)
		ENA_CHECK_RC("detach", 0, rte_vdev_uninit("ena_emu_m1"));
	rte_pci_unregister(&emu_fake_drv[2]);
	rte_pci_unregister(&emu_fake_drv[1]);
	rte_pci_unregister(&emu_fake_drv[0]);
}

static void
emu_test(void)
{
	emu_test_devargs();
	emu_test_registers();
	emu_test_features();
	emu_test_newer_interface();
	emu_test_rss();
	emu_test_aenq();
	emu_test_fault_admin();
	emu_test_fault_aenq();
	emu_test_dma_guard();
	emu_test_fault_regs();
	emu_test_fault_admin_err();
	emu_test_llq_burst();
	emu_test_default_addr();
	emu_test_pci_match();
	emu_test_attach();
}

ENA_TEST_SUITE(emu, "emulated device: registers, admin, AENQ, faults, attach",
	emu_test);

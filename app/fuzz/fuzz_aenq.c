/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/*
 * Fuzz target "aenq": asynchronous event entries the device writes into
 * the AENQ ring, consumed by ena_hw_aenq_process() with handlers that do
 * what the PMD's do (link state, keep-alive drop counters, fatal error as
 * a reset request, suspend/resume, hints from the entry and from a
 * GET_FEATURE(HW_HINTS) the fake device answers with fuzzed bytes).
 *
 * The fuzzer writes rounds of entries at the device's tail (well-formed,
 * raw with the right phase, or raw with any phase) and the harness checks
 * each ena_hw_aenq_process() call against its own reading of the ring:
 * the number of entries consumed, the head doorbell, the handler run for
 * every entry (unknown ones counted), keep-alive bookkeeping, timeouts
 * applied from hints, and the keep-alive watchdog's verdict.
 */
#include <stdlib.h>
#include <string.h>

#include "ena_com.h"
#include "fuzz_fakedev.h"

#define AENQ_LOG_MAX 512

enum aenq_kind {
	K_LINK = 1,
	K_FATAL,
	K_KEEP_ALIVE,
	K_SUSPEND,
	K_RESUME,
	K_HINTS,
	K_UNKNOWN,
};

struct aenq_run {
	struct ena_hw hw;
	struct fakedev dev;
	struct fz_in in;
	uint8_t log[AENQ_LOG_MAX];
	unsigned int nlog;
	unsigned int resets; /* reset requests (fatal events) */
	bool link_up;
	int get_hints_rc;
};

static struct aenq_run R;

static void
aenq_note(void *arg, enum aenq_kind k)
{
	FUZZ_ASSERT(arg == &R, "handler called with arg %p", arg);
	if (R.nlog < AENQ_LOG_MAX)
		R.log[R.nlog] = (uint8_t)k;
	R.nlog++;
}

static void
h_link(void *arg, const struct ena_aenq_entry *e)
{
	const struct ena_aenq_link_change_desc *d = (const void *)e;

	aenq_note(arg, K_LINK);
	R.link_up = ENA_FIELD_GET(d->flags, ENA_AENQ_LINK_UP) != 0;
}

static void
h_fatal(void *arg, const struct ena_aenq_entry *e)
{
	(void)e;
	aenq_note(arg, K_FATAL);
	R.resets++;
}

static void
h_keep_alive(void *arg, const struct ena_aenq_entry *e)
{
	const struct ena_aenq_keep_alive_desc *d = (const void *)e;

	aenq_note(arg, K_KEEP_ALIVE);
	FUZZ_ASSERT(R.hw.keep_alive_rx_drops ==
			ena_stats_u64(d->rx_drops_lo, d->rx_drops_hi),
		"keep-alive rx drops not taken from the entry");
	FUZZ_ASSERT(R.hw.last_keep_alive_us == fuzz_plat_clock_us,
		"keep-alive time not refreshed before its handler");
}

static void
h_suspend(void *arg, const struct ena_aenq_entry *e)
{
	(void)e;
	aenq_note(arg, K_SUSPEND);
}

static void
h_resume(void *arg, const struct ena_aenq_entry *e)
{
	(void)e;
	aenq_note(arg, K_RESUME);
}

static void
check_hints_applied(const struct ena_hw_hints *h)
{
	if (h->mmio_read_timeout_ms != 0)
		FUZZ_ASSERT(R.hw.readless.timeout_us ==
				(uint64_t)h->mmio_read_timeout_ms * 1000,
			"mmio hint not applied");
	if (h->admin_completion_timeout_ms != 0)
		FUZZ_ASSERT(R.hw.admin.timeout_us ==
				(uint64_t)h->admin_completion_timeout_ms * 1000,
			"admin hint not applied");
	if (h->driver_watchdog_timeout_ms == ENA_HW_HINT_NO_TIMEOUT)
		FUZZ_ASSERT(R.hw.keep_alive_timeout_ms == 0,
			"keep-alive 'no timeout' hint not applied");
	else if (h->driver_watchdog_timeout_ms != 0)
		FUZZ_ASSERT(R.hw.keep_alive_timeout_ms ==
				h->driver_watchdog_timeout_ms,
			"keep-alive hint not applied");
}

static void
h_hints(void *arg, const struct ena_aenq_entry *e)
{
	struct ena_hw_hints h;

	aenq_note(arg, K_HINTS);
	/* The payload of the event, then the device's current hints. */
	ena_hw_aenq_hints(e, &h);
	ena_hw_apply_hints(&R.hw, &h);
	check_hints_applied(&h);
	R.get_hints_rc = ena_hw_get_hints(&R.hw, &h);
	FUZZ_ASSERT(R.get_hints_rc == 0 || R.get_hints_rc < 0,
		"get hints returned %d", R.get_hints_rc);
	if (R.get_hints_rc == 0) {
		ena_hw_apply_hints(&R.hw, &h);
		check_hints_applied(&h);
	}
}

static void
h_unknown(void *arg, const struct ena_aenq_entry *e)
{
	(void)e;
	aenq_note(arg, K_UNKNOWN);
}

static const struct ena_hw_aenq_handlers handlers = {
	.by_group = {
		[ENA_AENQ_GROUP_LINK_CHANGE] = h_link,
		[ENA_AENQ_GROUP_FATAL_ERROR] = h_fatal,
		[ENA_AENQ_GROUP_KEEP_ALIVE] = h_keep_alive,
	},
	.notification = {
		[ENA_AENQ_NOTIFY_SUSPEND] = h_suspend,
		[ENA_AENQ_NOTIFY_RESUME] = h_resume,
		[ENA_AENQ_NOTIFY_UPDATE_HINTS] = h_hints,
	},
	.unknown = h_unknown,
};

/* The handler the driver must pick for (group, syndrome). */
static enum aenq_kind
expected_kind(uint16_t group, uint16_t syndrome)
{
	if (group == ENA_AENQ_GROUP_NOTIFICATION) {
		if (syndrome == ENA_AENQ_NOTIFY_SUSPEND)
			return K_SUSPEND;
		if (syndrome == ENA_AENQ_NOTIFY_RESUME)
			return K_RESUME;
		if (syndrome == ENA_AENQ_NOTIFY_UPDATE_HINTS)
			return K_HINTS;
	}
	switch (group) {
	case ENA_AENQ_GROUP_LINK_CHANGE:
		return K_LINK;
	case ENA_AENQ_GROUP_FATAL_ERROR:
		return K_FATAL;
	case ENA_AENQ_GROUP_KEEP_ALIVE:
		return K_KEEP_ALIVE;
	default:
		return K_UNKNOWN;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz_in none;
	struct ena_aenq_entry *ring;
	uint16_t depth, mask, tail = 0, head = 0, h;
	uint8_t dev_phase = 1, drv_phase = 1, ph, expect[AENQ_LOG_MAX];
	unsigned int rounds = 0, k, n, want, i;
	uint64_t unknown_before, events_before;
	int rc;

	memset(&R, 0, sizeof(R));
	fz_init(&none, NULL, 0);
	fuzz_plat_clock_us = 1000000;
	/* A healthy device for the set-up: no input consumed. */
	if (fakedev_init(&R.dev, &R.hw, &none, false) != 0)
		return 0;
	if (ena_hw_init(&R.hw, "fuzz", R.dev.regs, NULL, -1) != 0)
		abort();
	ena_plat_wait_hook_set(fakedev_step, &R.dev);
	rc = ena_hw_admin_init(&R.hw, &handlers);
	FUZZ_ASSERT(rc == 0, "admin init %d", rc);
	ena_hw_aenq_enable(&R.hw);
	FUZZ_ASSERT(
		fakedev_reg(&R.dev, ENA_REG_AENQ_HEAD_DB) == R.hw.aenq.depth,
		"AENQ enable gave head doorbell %u",
		fakedev_reg(&R.dev, ENA_REG_AENQ_HEAD_DB));
	ring = (struct ena_aenq_entry *)(uintptr_t)((uint64_t)fakedev_reg(
							    &R.dev,
							    ENA_REG_AENQ_BASE_HI)
			<< 32 |
		fakedev_reg(&R.dev, ENA_REG_AENQ_BASE_LO));
	depth = (uint16_t)ENA_FIELD_GET(fakedev_reg(&R.dev, ENA_REG_AENQ_CAPS),
		ENA_REG_AENQ_CAPS_DEPTH);
	FUZZ_ASSERT(ring != NULL && depth != 0 && (depth & (depth - 1)) == 0,
		"AENQ ring %p depth %u", (void *)ring, depth);
	mask = (uint16_t)(depth - 1);

	fz_init(&R.in, data, size);
	R.dev.in = &R.in;
	while (fz_left(&R.in) > 0 && rounds++ < 64) {
		uint8_t hdr = fz_u8(&R.in);

		/* Entries this round; more than the ring overwrites. */
		n = hdr % (depth + 8u);
		for (k = 0; k < n; k++) {
			struct ena_aenq_entry e;
			uint8_t mode = fz_u8(&R.in);

			memset(&e, 0, sizeof(e));
			if ((mode & 3) == 0) {
				e.common.group = (uint16_t)(fz_u8(&R.in) % 6);
				e.common.syndrome = (uint16_t)(fz_u8(&R.in) %
					4);
				fz_bytes(&R.in, e.inline_w4,
					sizeof(e.inline_w4));
			} else {
				fz_bytes(&R.in, &e, sizeof(e));
			}
			if ((mode & 3) != 2)
				e.common.flags = (uint8_t)((e.common.flags &
								   ~1u) |
					dev_phase);
			memcpy(&ring[tail & mask], &e, sizeof(e));
			tail++;
			if ((tail & mask) == 0)
				dev_phase ^= 1;
		}
		/* Time passes: the keep-alive watchdog's verdict. */
		fuzz_plat_clock_us += (uint64_t)(hdr >> 4) * 1000000;

		/* What the driver must consume, read from the ring. */
		want = 0;
		ph = drv_phase;
		for (h = head;; h++) {
			const struct ena_aenq_entry *e = &ring[h & mask];

			if ((e->common.flags & 1) != ph || want > 4u * depth)
				break;
			if (want < AENQ_LOG_MAX)
				expect[want] = (uint8_t)expected_kind(
					e->common.group, e->common.syndrome);
			want++;
			if (((h + 1) & mask) == 0)
				ph ^= 1;
		}
		unknown_before = R.hw.aenq.unknown_events;
		events_before = R.hw.aenq.events;
		R.nlog = 0;
		n = ena_hw_aenq_process(&R.hw, &R);
		FUZZ_ASSERT(n == want, "AENQ consumed %u entries, ring had %u",
			n, want);
		FUZZ_ASSERT(
			R.nlog == n, "%u handlers for %u entries", R.nlog, n);
		for (i = 0; i < n && i < AENQ_LOG_MAX; i++) {
			FUZZ_ASSERT(R.log[i] == expect[i],
				"entry %u: handler %u, expected %u", i,
				R.log[i], expect[i]);
			if (expect[i] == K_UNKNOWN)
				unknown_before++;
		}
		FUZZ_ASSERT(R.hw.aenq.unknown_events == unknown_before,
			"unknown events not counted");
		FUZZ_ASSERT(R.hw.aenq.events == events_before + n,
			"events not counted");
		for (i = 0; i < n; i++) {
			head++;
			if ((head & mask) == 0)
				drv_phase ^= 1;
		}
		FUZZ_ASSERT(R.hw.aenq.head == head, "AENQ head %u, expected %u",
			R.hw.aenq.head, head);
		if (n > 0)
			FUZZ_ASSERT(fakedev_reg(&R.dev, ENA_REG_AENQ_HEAD_DB) ==
					(uint16_t)(head + depth),
				"AENQ head doorbell %u, expected %u",
				fakedev_reg(&R.dev, ENA_REG_AENQ_HEAD_DB),
				(uint16_t)(head + depth));
		FUZZ_ASSERT(
			ena_hw_keep_alive_expired(&R.hw, fuzz_plat_clock_us) ==
				(R.hw.keep_alive_timeout_ms != 0 &&
					fuzz_plat_clock_us -
							R.hw.last_keep_alive_us >
						R.hw.keep_alive_timeout_ms *
							1000),
			"keep-alive watchdog verdict");
		/* The device may only reuse slots handed back. */
		if ((uint16_t)(tail - head) > depth)
			tail = head, dev_phase = drv_phase;
	}
	ena_hw_admin_fini(&R.hw);
	FUZZ_ASSERT(fuzz_plat_dma_allocs == 0 && fuzz_plat_allocs == 0,
		"admin fini left %" PRId64 " DMA areas, %" PRId64
		" allocations",
		fuzz_plat_dma_allocs, fuzz_plat_allocs);
	ena_plat_wait_hook_set(NULL, NULL);
	fakedev_fini(&R.dev);
	return 0;
}

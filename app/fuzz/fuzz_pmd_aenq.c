/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/*
 * Fuzz target "pmd_aenq": AENQ entries written into the AENQ ring of a
 * port of our PMD (on the emulator, see fuzz_pmd.h; its own keep-alive
 * events stopped with ka_stop=1) and handed to the PMD's own handlers
 * through ena_hw_aenq_process(), as its admin interrupt or control-path
 * alarm does: link changes, keep-alive drop counters, fatal errors,
 * suspend/resume, hints (a GET_FEATURE the emulator answers) and events
 * nobody handles.
 *
 * Checked for every call: the number of entries consumed and the head
 * doorbell, unknown events counted, the link status ethdev reports after
 * link events, keep-alive drop counters taken from the last keep-alive,
 * a fatal error turned into a reset request (GENERIC), no reset request
 * otherwise, and an admin queue that still answers.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz_pmd.h"

static bool
pa_known(uint16_t group, uint16_t syndrome)
{
	if (group == ENA_AENQ_GROUP_NOTIFICATION &&
		(syndrome == ENA_AENQ_NOTIFY_SUSPEND ||
			syndrome == ENA_AENQ_NOTIFY_RESUME ||
			syndrome == ENA_AENQ_NOTIFY_UPDATE_HINTS))
		return true;
	return group == ENA_AENQ_GROUP_LINK_CHANGE ||
		group == ENA_AENQ_GROUP_FATAL_ERROR ||
		group == ENA_AENQ_GROUP_KEEP_ALIVE ||
		group == ENA_AENQ_GROUP_DEVICE_RESET;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fpmd_setup("fuzz_pmd_aenq", "ka_stop=1");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ena_hw *hw;
	struct ena_aenq_entry *ring;
	struct rte_eth_link link;
	struct fz_in in;
	uint16_t mask, depth, tail, h, head0;
	uint8_t dev_phase, ph;
	unsigned int rounds = 0, n, k, want, unknown, ka, fatal, lnk, why;
	uint64_t unknown0, events0, rx_drops = 0, tx_drops = 0;
	bool link_up = false, reset0;
	uint32_t reason;
	int rc;

	fz_init(&in, data, size);
	fpmd_recover();
	hw = &fpmd.ad->hw;
	ring = hw->aenq.mem.va;
	depth = hw->aenq.depth;
	FUZZ_ASSERT(ring != NULL && depth != 0 && (depth & (depth - 1)) == 0,
		"AENQ ring %p of %u entries", (void *)ring, depth);
	mask = (uint16_t)(depth - 1);
	/* The device writes on from where the driver will read. */
	tail = hw->aenq.head;
	dev_phase = hw->aenq.phase;

	while (fz_left(&in) > 0 && rounds++ < 16) {
		n = fz_u8(&in) % (depth + 4u);
		for (k = 0; k < n; k++) {
			struct ena_aenq_entry e;
			uint8_t mode = fz_u8(&in);

			memset(&e, 0, sizeof(e));
			if ((mode & 3) == 0) {
				e.common.group = (uint16_t)(fz_u8(&in) %
					ENA_AENQ_GROUP_COUNT);
				e.common.syndrome = (uint16_t)(fz_u8(&in) % 4);
				fz_bytes(&in, e.inline_w4, sizeof(e.inline_w4));
			} else {
				fz_bytes(&in, &e, sizeof(e));
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

		/* What the PMD must consume, read from the ring. */
		want = unknown = ka = fatal = lnk = why = 0;
		ph = hw->aenq.phase;
		head0 = hw->aenq.head;
		for (h = head0; want <= depth; h++) {
			const struct ena_aenq_entry *e = &ring[h & mask];
			const struct ena_aenq_keep_alive_desc *d =
				(const void *)e;

			if ((e->common.flags & 1) != ph)
				break;
			want++;
			if (!pa_known(e->common.group, e->common.syndrome))
				unknown++;
			if (e->common.group == ENA_AENQ_GROUP_KEEP_ALIVE) {
				ka++;
				rx_drops = ena_stats_u64(
					d->rx_drops_lo, d->rx_drops_hi);
				tx_drops = ena_stats_u64(
					d->tx_drops_lo, d->tx_drops_hi);
			}
			/* The first reset-worthy event names the reason. */
			if (e->common.group == ENA_AENQ_GROUP_FATAL_ERROR &&
				fatal++ == 0 && why == 0)
				why = ENA_RESET_REASON_GENERIC;
			if (e->common.group == ENA_AENQ_GROUP_DEVICE_RESET &&
				why == 0)
				why = ENA_RESET_REASON_DEVICE_REQUEST;
			if (e->common.group == ENA_AENQ_GROUP_LINK_CHANGE) {
				lnk++;
				link_up =
					ENA_FIELD_GET(
						((const struct ena_aenq_link_change_desc
								 *)e)
							->flags,
						ENA_AENQ_LINK_UP) != 0;
			}
			if (((h + 1) & mask) == 0)
				ph ^= 1;
		}
		unknown0 = hw->aenq.unknown_events;
		events0 = hw->aenq.events;
		reset0 = fpmd_reset_requested(NULL);
		n = ena_hw_aenq_process(hw, fpmd.dev);

		FUZZ_ASSERT(n == want, "AENQ consumed %u entries, ring had %u",
			n, want);
		FUZZ_ASSERT(hw->aenq.events == events0 + n &&
				hw->aenq.unknown_events == unknown0 + unknown,
			"AENQ counted %" PRIu64 " events, %" PRIu64
			" unknown; expected %u, %u",
			hw->aenq.events - events0,
			hw->aenq.unknown_events - unknown0, n, unknown);
		FUZZ_ASSERT(hw->aenq.head == (uint16_t)(head0 + n),
			"AENQ head %u, expected %u", hw->aenq.head,
			(uint16_t)(head0 + n));
		if (ka > 0)
			FUZZ_ASSERT(hw->keep_alive_rx_drops == rx_drops &&
					hw->keep_alive_tx_drops == tx_drops,
				"keep-alive drop counters not the last event's");
		if (lnk > 0) {
			rc = rte_eth_link_get_nowait(fpmd.port, &link);
			FUZZ_ASSERT(rc == 0 && link.link_status == link_up,
				"link %u after a link %s event",
				link.link_status, link_up ? "up" : "down");
		}
		if (why != 0 && !reset0)
			FUZZ_ASSERT(
				fpmd_reset_requested(&reason) && reason == why,
				"fatal error or reset request event without "
				"a reset request of reason %u",
				why);
		if (why == 0 && !reset0)
			FUZZ_ASSERT(!fpmd_reset_requested(NULL),
				"reset requested without a fatal or reset "
				"request event");
		FUZZ_ASSERT(ena_hw_admin_running(hw),
			"admin queue dead after AENQ events");
		/* Entries the device wrote past a full ring are lost. */
		if ((uint16_t)(tail - hw->aenq.head) > depth) {
			tail = hw->aenq.head;
			dev_phase = hw->aenq.phase;
		}
	}
	return 0;
}

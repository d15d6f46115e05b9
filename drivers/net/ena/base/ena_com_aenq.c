/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/*
 * Asynchronous event notification queue: the device writes events
 * (link change, keep-alive, notifications, fatal errors) into a host ring;
 * the driver consumes them by phase and returns slots via the head
 * doorbell, whose value is the consumed count plus the ring depth.
 */
#include "ena_com_internal.h"

void
ena_hw_aenq_init_state(
	struct ena_hw *hw, const struct ena_hw_aenq_handlers *handlers)
{
	struct ena_hw_aenq *q = &hw->aenq;

	q->head = 0;
	q->phase = 1;
	if (handlers != NULL)
		q->handlers = *handlers;
	else
		memset(&q->handlers, 0, sizeof(q->handlers));
	/* The watchdog counts from bring-up, not from the epoch. */
	hw->last_keep_alive_us = ena_plat_now_us();
}

void
ena_hw_aenq_enable(struct ena_hw *hw)
{
	if (hw->aenq.mem.va == NULL)
		return;
	ena_hw_reg_write(hw, ENA_REG_AENQ_HEAD_DB,
		(uint32_t)(uint16_t)(hw->aenq.head + hw->aenq.depth));
}

int
ena_hw_aenq_get_groups(
	struct ena_hw *hw, uint32_t *supported, uint32_t *enabled)
{
	struct ena_aq_get_feat_resp resp;
	int rc;

	rc = ena_hw_get_feature(hw, ENA_FEAT_AENQ_CONFIG, 0, &resp, NULL, 0);
	if (rc != 0)
		return rc;
	if (supported != NULL)
		*supported = resp.aenq.supported_groups;
	if (enabled != NULL)
		*enabled = resp.aenq.enabled_groups;
	return 0;
}

int
ena_hw_aenq_configure(struct ena_hw *hw, uint32_t groups)
{
	struct ena_aq_cmd cmd;
	uint32_t supported;
	int rc;

	rc = ena_hw_aenq_get_groups(hw, &supported, NULL);
	if (rc != 0) {
		ena_hw_err(hw,
			"Cannot configure aenq groups rc: %d (reading supported groups)",
			rc);
		return rc;
	}
	if ((groups & ~supported) != 0)
		ena_hw_warn(hw,
			"aenq groups 0x%x not supported (supported 0x%x), skipped",
			groups & ~supported, supported);
	memset(&cmd, 0, sizeof(cmd));
	cmd.set_feat.aenq.enabled_groups = groups & supported;
	rc = ena_hw_set_feature(hw, &cmd, ENA_FEAT_AENQ_CONFIG, NULL, 0);
	if (rc != 0) {
		ena_hw_err(hw,
			"Cannot configure aenq groups rc: %d (groups 0x%x)", rc,
			groups & supported);
		return rc;
	}
	hw->aenq_enabled_groups = groups & supported;
	return 0;
}

static ena_hw_aenq_handler_t
ena_hw_aenq_lookup(
	const struct ena_hw_aenq_handlers *h, uint16_t group, uint16_t syndrome)
{
	ena_hw_aenq_handler_t fn = NULL;

	if (group == ENA_AENQ_GROUP_NOTIFICATION &&
		syndrome < ENA_HW_AENQ_SYNDROMES)
		fn = h->notification[syndrome];
	if (fn == NULL && group < ENA_HW_AENQ_GROUPS)
		fn = h->by_group[group];
	return fn;
}

unsigned int
ena_hw_aenq_process(struct ena_hw *hw, void *arg)
{
	struct ena_hw_aenq *q = &hw->aenq;
	struct ena_aenq_entry *ring = q->mem.va;
	uint16_t mask = q->depth - 1;
	const struct ena_aenq_keep_alive_desc *ka;
	ena_hw_aenq_handler_t fn;
	struct ena_aenq_entry *e;
	unsigned int n = 0;
	uint16_t group, syndrome;

	if (ring == NULL)
		return 0;
	for (;;) {
		e = &ring[q->head & mask];
		if ((ENA_READ_ONCE8(e->common.flags) & ENA_AENQ_PHASE_MASK) !=
			q->phase)
			break;
		ena_plat_rmb();
		group = e->common.group;
		syndrome = e->common.syndrome;
		if (group == ENA_AENQ_GROUP_KEEP_ALIVE) {
			ka = (const struct ena_aenq_keep_alive_desc *)e;
			hw->keep_alive_rx_drops = ena_stats_u64(
				ka->rx_drops_lo, ka->rx_drops_hi);
			hw->keep_alive_tx_drops = ena_stats_u64(
				ka->tx_drops_lo, ka->tx_drops_hi);
			hw->keep_alive_rx_overruns = ena_stats_u64(
				ka->rx_overruns_lo, ka->rx_overruns_hi);
			hw->last_keep_alive_us = ena_plat_now_us();
		}
		fn = ena_hw_aenq_lookup(&q->handlers, group, syndrome);
		if (fn == NULL) {
			fn = q->handlers.unknown;
			q->unknown_events++;
			ena_hw_dbg(hw,
				"aenq event group %u syndrome %u has no handler",
				group, syndrome);
		}
		if (fn != NULL)
			fn(arg, e);
		q->events++;
		n++;
		q->head++;
		if ((q->head & mask) == 0)
			q->phase ^= 1;
	}
	if (n != 0)
		ena_plat_reg_write32_relaxed(
			(uint32_t)(uint16_t)(q->head + q->depth),
			ena_hw_reg_addr(hw, ENA_REG_AENQ_HEAD_DB));
	return n;
}

bool
ena_hw_keep_alive_expired(const struct ena_hw *hw, uint64_t now_us)
{
	if (hw->keep_alive_timeout_ms == 0)
		return false;
	return now_us > hw->last_keep_alive_us &&
		now_us - hw->last_keep_alive_us >
		hw->keep_alive_timeout_ms * 1000;
}

/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#include <errno.h>
#include <string.h>

#include <rte_alarm.h>
#include <rte_common.h>
#include <rte_cycles.h>

#include "ena_ethdev.h"
#include "ena_logs.h"

/*
 * Health checks run from an EAL alarm (interrupt thread), so they need
 * nothing from the application: keep-alive age, admin queue state, device
 * fatal status and Tx completions that never came. A failure records the
 * reset reason and raises RTE_ETH_EVENT_INTR_RESET once; the application
 * answers with rte_eth_dev_reset(). The same alarm refreshes the cached
 * device counters so that stats reads never touch the admin queue.
 */

/* A tick later than this past its period (or one period, when longer)
 * means the host stopped. */
#define ENA_WD_LATE_MIN_US UINT64_C(500000)

/* Marks req_id in the bitmap arg: its completion is in the CQ. */
static void
ena_wd_mark_done(void *arg, uint16_t req_id)
{
	uint64_t *done = arg;

	done[req_id / 64] |= RTE_BIT64(req_id % 64);
}

/*
 * Counts Tx packets older than the timeout on one queue; logs the new ones
 * once. A packet is missing when the device has not completed it: one
 * whose completion waits in the CQ for the owner to reap it (an idle
 * queue reaps nothing until its next burst) is done, however old. The
 * CQ is looked at first and the clock read after it, and a timestamp
 * newer than that clock (a packet sent during the scan) is fresh.
 */
static uint32_t
ena_wd_txq_missing(struct ena_adapter *ad, struct ena_ring *r, uint64_t to)
{
	uint64_t done[ENA_MAX_RING_SIZE / 64];
	uint64_t now, oldest;
	uint32_t missing = 0, fresh = 0;
	uint16_t i, first = 0;

	memset(done, 0, (r->ring_size + 63) / 64 * sizeof(done[0]));
	ena_hw_tx_comp_peek(&r->cq, r->ring_size, ena_wd_mark_done, done);
	now = rte_get_timer_cycles();
	oldest = now;
	for (i = 0; i < r->ring_size; i++) {
		struct ena_tx_buf *b = &r->tx_bufs[i];
		uint64_t ts = __atomic_load_n(&b->ts, __ATOMIC_RELAXED);

		if (ts == 0 || ts >= now || now - ts < to || b->mbuf == NULL)
			continue;
		if (done[i / 64] & RTE_BIT64(i % 64))
			continue;
		if (!b->warned) {
			b->warned = true;
			if (fresh++ == 0)
				first = i;
		}
		if (ts < oldest)
			oldest = ts;
		missing++;
	}
	if (fresh > 0)
		PMD_DRV_LOG(WARNING,
			"%s: txq %u: %u more packets not completed "
			"in time (first req_id %u, oldest %" PRIu64 " ms)",
			ad->name, r->id, fresh, first,
			(now - oldest) * 1000 / rte_get_timer_hz());
	r->tx_stats.missed_tx = missing;
	return missing;
}

/*
 * The watchdog runs in EAL's interrupt thread, which also delivers the
 * admin interrupt: a control thread holding admin_lock may be waiting for
 * exactly that interrupt. So the watchdog never waits for the lock; when
 * it is taken, the work is left to the next period.
 */
static bool
ena_wd_admin_trylock(struct ena_adapter *ad)
{
	return rte_spinlock_trylock(&ad->admin_lock) != 0;
}

static bool
ena_wd_tx_check(struct ena_adapter *ad)
{
	struct rte_eth_dev_data *d = ad->edev_data;
	uint64_t to;
	uint16_t q;

	to = ad->miss_txc_to;
	if (to == 0)
		return false;
	for (q = 0; q < d->nb_tx_queues; q++) {
		struct ena_ring *r = &ad->tx_ring[q];
		uint32_t missing, thresh;

		/*
		 * Queue stop destroys the CQ under this lock: the scan reads
		 * it, so it holds the lock too. Never waits for it: see
		 * ena_wd_admin_trylock().
		 */
		if (!ena_wd_admin_trylock(ad))
			continue;
		missing = r->started ? ena_wd_txq_missing(ad, r, to) : 0;
		rte_spinlock_unlock(&ad->admin_lock);
		thresh = RTE_MIN(r->missing_thresh, (uint32_t)r->ring_size / 2);
		if (missing > 0 && missing >= thresh) {
			PMD_DRV_LOG(ERR,
				"%s: txq %u: %u Tx completions missing "
				"(limit %u)",
				ad->name, q, missing, thresh);
			ena_trigger_reset(ad, ENA_RESET_REASON_MISS_TX_CMPL);
			return true;
		}
	}
	return false;
}

/* A failed statistics command is logged once a minute at most. */
#define ENA_STATS_FAIL_LOG_S 60

/*
 * Outcome of one statistics command. A device that does not offer the
 * type (-EOPNOTSUPP) is not asked again until the next bring-up; any other
 * failure is the device's or the admin queue's of the moment: logged
 * (rate-limited) and the command is sent again at the next period.
 */
static void
ena_stats_cmd_done(struct ena_adapter *ad, const char *type, int rc, bool *ok)
{
	uint64_t now;

	if (rc == -EOPNOTSUPP) {
		*ok = false;
		PMD_DRV_LOG(INFO, "%s: device offers no %s statistics",
			ad->name, type);
		return;
	}
	if (rc == 0)
		return;
	ad->stats_fail_streak++;
	now = rte_get_timer_cycles();
	if (ad->stats_fail_streak == 1 ||
		now - ad->stats_fail_logged >
			ENA_STATS_FAIL_LOG_S * rte_get_timer_hz()) {
		ad->stats_fail_logged = now;
		PMD_DRV_LOG(WARNING,
			"%s: statistics refresh failed: %s statistics rc %d "
			"(%s), %u failures in a row; retrying every %u ms",
			ad->name, type, rc, strerror(-rc),
			ad->stats_fail_streak, ad->devargs.wd_period_ms);
	}
}

static void
ena_dev_counters_refresh(struct ena_adapter *ad)
{
	struct ena_hw_eni_stats eni;
	struct ena_hw_srd_stats srd;
	struct ena_hw_basic_stats basic;
	uint32_t streak = ad->stats_fail_streak;
	int rc;

	if (!ena_hw_admin_running(&ad->hw) || !ena_wd_admin_trylock(ad))
		return;
	if (ad->stats_eni_ok) {
		rc = ena_hw_get_eni_stats(&ad->hw, &eni);
		if (rc == 0)
			ad->eni_stats = eni;
		ena_stats_cmd_done(ad, "ENI", rc, &ad->stats_eni_ok);
	}
	if (ad->stats_srd_ok) {
		rc = ena_hw_get_srd_stats(&ad->hw, &srd);
		if (rc == 0)
			ad->srd_stats = srd;
		ena_stats_cmd_done(ad, "SRD", rc, &ad->stats_srd_ok);
	}
	if (ad->stats_basic_ok) {
		rc = ena_hw_get_basic_stats(&ad->hw, &basic);
		if (rc == 0) {
			ad->basic_rx_drops = basic.rx_drops;
			ad->basic_tx_drops = basic.tx_drops;
			ad->dev_stats.tx_drops = basic.tx_drops;
			ad->dev_stats.rx_overruns = basic.rx_overruns;
		}
		ena_stats_cmd_done(ad, "basic", rc, &ad->stats_basic_ok);
	}
	rte_spinlock_unlock(&ad->admin_lock);
	if (ad->stats_fail_streak == streak && streak != 0) {
		PMD_DRV_LOG(NOTICE,
			"%s: statistics refresh works again after %u failures",
			ad->name, streak);
		ad->stats_fail_streak = 0;
	}
}

/* Status reads in a row the device may leave unanswered. */
#define ENA_WD_STS_MISSES 3

/*
 * The device status register, read once a period. A fatal error it
 * reports is a failure at once. A read the device did not answer in time
 * (the base layer logs it) is one only when the next reads go unanswered
 * too: a device busy for a moment, or a software device whose thread was
 * not scheduled, answers the next one, and a dead device also stops its
 * keep-alive.
 */
static bool
ena_wd_dev_failed(struct ena_adapter *ad)
{
	uint32_t sts = ena_hw_reg_read(&ad->hw, ENA_REG_DEV_STS);

	if (sts == ENA_HW_REG_READ_FAILED) {
		if (++ad->wd_sts_misses < ENA_WD_STS_MISSES) {
			PMD_DRV_LOG(WARNING,
				"%s: device status not read (%u in a row); "
				"reading it again next period",
				ad->name, ad->wd_sts_misses);
			return false;
		}
		PMD_DRV_LOG(ERR,
			"%s: device status unreadable %u periods in a row",
			ad->name, ad->wd_sts_misses);
		return true;
	}
	ad->wd_sts_misses = 0;
	if (sts & ENA_REG_DEV_STS_FATAL_ERROR_MASK) {
		PMD_DRV_LOG(ERR, "%s: device status reports a fatal error",
			ad->name);
		return true;
	}
	return false;
}

static void
ena_wd_announce(struct rte_eth_dev *dev, struct ena_adapter *ad)
{
	rte_smp_rmb();
	ad->reset_announced = true;
	PMD_DRV_LOG(ERR,
		"%s: device needs a reset, reason %s (%s); raising "
		"RTE_ETH_EVENT_INTR_RESET",
		ad->name,
		ena_hw_reset_reason_name(
			(enum ena_reset_reason)ad->reset_reason),
		ena_hw_reset_reason_str(ad->reset_reason));
	rte_eth_dev_callback_process(dev, RTE_ETH_EVENT_INTR_RESET, NULL);
}

/*
 * Whether the keep-alive is lost. This alarm and the admin/AENQ vector's
 * handler share EAL's interrupt thread, which may serve this alarm first
 * when both are due: a keep-alive waiting in the AENQ is not lost, so the
 * AENQ is read before the verdict (same thread: no race with the handler).
 */
static bool
ena_wd_keep_alive_lost(struct rte_eth_dev *dev, struct ena_adapter *ad)
{
	if (!ena_hw_keep_alive_expired(&ad->hw, ena_plat_now_us()))
		return false;
	ena_hw_aenq_process(&ad->hw, dev);
	return ena_hw_keep_alive_expired(&ad->hw, ena_plat_now_us());
}

/*
 * Whether this tick comes so late that the host stopped in between (a
 * paused or migrating VM, a stolen vCPU, a debugger, SIGSTOP) and the
 * device's time since the last tick is not what the clock says: a device
 * that stops with its host (an emulated one, or one the hypervisor
 * pauses too) could send no keep-alive and complete no Tx then. Such a
 * tick judges neither; the next one, a period later, does. Never two in
 * a row: on a host so slow that every tick is late, a dead device must
 * still be found.
 */
static bool
ena_wd_host_stalled(struct ena_adapter *ad)
{
	uint64_t now = ena_plat_now_us();
	uint64_t period = (uint64_t)ad->devargs.wd_period_ms * 1000;
	uint64_t gap = now - ad->wd_tick_us;

	ad->wd_tick_us = now;
	if (ad->wd_deferred ||
		gap <= period + RTE_MAX(period, ENA_WD_LATE_MIN_US)) {
		ad->wd_deferred = false;
		return false;
	}
	ad->wd_deferred = true;
	PMD_DRV_LOG(WARNING,
		"%s: watchdog ran %" PRIu64 " ms late (the host was stopped): "
		"device checks wait one period",
		ad->name, (gap - period) / 1000);
	return true;
}

static void
ena_wd_cb(void *arg)
{
	struct rte_eth_dev *dev = arg;
	struct ena_adapter *ad = ena_adapter_of(dev);

	if (!ad->wd_armed)
		return;
	if (ena_wd_host_stalled(ad)) {
		ena_hw_aenq_process(&ad->hw, dev);
	} else if (!ad->trigger_reset) {
		if (ena_wd_keep_alive_lost(dev, ad)) {
			ad->dev_stats.wd_expired++;
			PMD_DRV_LOG(ERR,
				"%s: no keep-alive from the device for "
				"%" PRIu64 " ms",
				ad->name, ad->hw.keep_alive_timeout_ms);
			ena_trigger_reset(ad, ENA_RESET_REASON_KEEP_ALIVE_TO);
		} else if (!ena_hw_admin_running(&ad->hw)) {
			PMD_DRV_LOG(ERR, "%s: admin queue is not answering",
				ad->name);
			ena_trigger_reset(ad, ENA_RESET_REASON_ADMIN_TO);
		} else if (ena_wd_dev_failed(ad)) {
			ena_trigger_reset(ad, ENA_RESET_REASON_GENERIC);
		} else if (ad->state == ENA_STATE_RUNNING) {
			ena_wd_tx_check(ad);
		}
		if (!ad->trigger_reset)
			ena_dev_counters_refresh(ad);
	}
	if (ad->trigger_reset && !ad->reset_announced)
		ena_wd_announce(dev, ad);
	if (rte_eal_alarm_set((uint64_t)ad->devargs.wd_period_ms * 1000,
		    ena_wd_cb, dev) != 0)
		ad->wd_armed = false;
}

void
ena_watchdog_start(struct rte_eth_dev *dev)
{
	struct ena_adapter *ad = ena_adapter_of(dev);

	if (ad->wd_armed)
		return;
	ad->wd_armed = true;
	ad->wd_tick_us = ena_plat_now_us();
	ad->wd_deferred = false;
	if (rte_eal_alarm_set((uint64_t)ad->devargs.wd_period_ms * 1000,
		    ena_wd_cb, dev) != 0) {
		ad->wd_armed = false;
		PMD_INIT_LOG(
			ERR, "%s: cannot arm the watchdog alarm", ad->name);
	}
}

void
ena_watchdog_stop(struct rte_eth_dev *dev)
{
	struct ena_adapter *ad = ena_adapter_of(dev);

	ad->wd_armed = false;
	rte_eal_alarm_cancel(ena_wd_cb, dev);
}

static void
ena_ctrl_poll_cb(void *arg)
{
	struct rte_eth_dev *dev = arg;
	struct ena_adapter *ad = ena_adapter_of(dev);

	if (!ad->poll_armed)
		return;
	ad->dev_stats.aenq_polls++;
	ena_hw_aenq_process(&ad->hw, dev);
	if (rte_eal_alarm_set((uint64_t)ad->devargs.ctrl_poll_ms * 1000,
		    ena_ctrl_poll_cb, dev) != 0)
		ad->poll_armed = false;
}

void
ena_ctrl_poll_start(struct rte_eth_dev *dev)
{
	struct ena_adapter *ad = ena_adapter_of(dev);

	if (ad->poll_armed || ad->devargs.ctrl_poll_ms == 0)
		return;
	ad->poll_armed = true;
	if (rte_eal_alarm_set((uint64_t)ad->devargs.ctrl_poll_ms * 1000,
		    ena_ctrl_poll_cb, dev) != 0) {
		ad->poll_armed = false;
		PMD_INIT_LOG(
			ERR, "%s: cannot arm the control path alarm", ad->name);
	}
}

void
ena_ctrl_poll_stop(struct rte_eth_dev *dev)
{
	struct ena_adapter *ad = ena_adapter_of(dev);

	ad->poll_armed = false;
	rte_eal_alarm_cancel(ena_ctrl_poll_cb, dev);
}

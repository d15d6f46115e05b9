/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */

/*
 * Asynchronous event notification queue. The driver announces free slots
 * by moving the head doorbell (initially to the queue depth); the device
 * never overwrites an unread entry. Link and fatal state are reported
 * level-style (retried until an entry could be posted), keep-alives are
 * periodic and simply skipped when there is no room.
 */

#include <errno.h>
#include <string.h>

#include "emu_core.h"

uint32_t
ena_emu_aenq_groups_supported(const struct ena_emu_dev *dev)
{
	uint32_t g = ENA_BIT(ENA_AENQ_GROUP_LINK_CHANGE) |
		ENA_BIT(ENA_AENQ_GROUP_FATAL_ERROR) |
		ENA_BIT(ENA_AENQ_GROUP_WARNING) |
		ENA_BIT(ENA_AENQ_GROUP_NOTIFICATION) |
		ENA_BIT(ENA_AENQ_GROUP_KEEP_ALIVE);

	/* A device of the 2.0 era never asks for a reset. */
	if (emu_newer_interface(dev))
		g |= ENA_BIT(ENA_AENQ_GROUP_DEVICE_RESET);
	return g;
}

/* request_reset: one DEVICE_RESET event per unit of the knob. */
static unsigned int
emu_request_reset_poll(struct ena_emu_dev *dev)
{
	int rc;

	if (ena_emu_fault_peek(dev, ENA_EMU_FAULT_REQUEST_RESET) == 0 ||
		!dev->core->aenq_live)
		return 0;
	rc = ena_emu_aenq_post(dev, ENA_AENQ_GROUP_DEVICE_RESET, 0, NULL, 0);
	if (rc == -EAGAIN)
		return 0;
	ena_emu_fault_take(dev, ENA_EMU_FAULT_REQUEST_RESET);
	ena_emu_log(dev, EMU_LOG_INFO, "asked the driver for a reset%s",
		rc == -ENOTSUP ? " (group not enabled: nothing sent)" : "");
	return 1;
}

void
ena_emu_aenq_reset(struct ena_emu_dev *dev)
{
	struct ena_emu_core *c = dev->core;

	c->aenq_live = false;
	c->aenq_base = 0;
	c->aenq_depth = 0;
	c->aenq_tail = 0;
	c->aenq_head_db = 0;
	c->link_reported = -1;
	c->fatal_reported = false;
	c->fatal_due_ns = 0;
	c->next_keep_alive_ns = ena_emu_dev_now_ns(dev) + ENA_EMU_KEEP_ALIVE_NS;
}

static bool
emu_aenq_latch(struct ena_emu_dev *dev)
{
	struct ena_emu_core *c = dev->core;
	uint32_t caps = ena_emu_reg_get(dev, ENA_REG_AENQ_CAPS);
	uint32_t d = ENA_FIELD_GET(caps, ENA_REG_AENQ_CAPS_DEPTH);
	uint32_t esz = ENA_FIELD_GET(caps, ENA_REG_AENQ_CAPS_ENTRY_SIZE);

	c->aenq_base = (uint64_t)ena_emu_reg_get(dev, ENA_REG_AENQ_BASE_HI)
			<< 32 |
		ena_emu_reg_get(dev, ENA_REG_AENQ_BASE_LO);
	if (d == 0 || d > ENA_EMU_ADMIN_DEPTH_MAX || (d & (d - 1)) != 0 ||
		esz != ENA_AENQ_ENTRY_SIZE) {
		ena_emu_dev_error(dev, "AENQ caps 0x%x: depth %u, entry %u B",
			caps, d, esz);
		return false;
	}
	if (ena_emu_dma_wptr(
		    dev, c->aenq_base, (size_t)d * ENA_AENQ_ENTRY_SIZE) == NULL)
		return false;
	c->aenq_depth = (uint16_t)d;
	c->aenq_tail = 0;
	c->aenq_live = true;
	return true;
}

int
ena_emu_aenq_post(struct ena_emu_dev *dev, uint16_t group, uint16_t syndrome,
	const void *payload, size_t len)
{
	struct ena_emu_core *c = dev->core;
	struct ena_aenq_entry e, *slot;
	uint64_t ts;
	uint8_t phase;

	if (group >= 32 || !(dev->aenq_groups_enabled & ENA_BIT(group)))
		return -ENOTSUP;
	if (!c->aenq_live || (int32_t)(c->aenq_head_db - c->aenq_tail) <= 0)
		return -EAGAIN;
	if (len > sizeof(e) - sizeof(e.common))
		return -EINVAL;
	slot = ena_emu_dma_wptr(dev,
		c->aenq_base +
			(uint64_t)(c->aenq_tail & (c->aenq_depth - 1u)) *
				ENA_AENQ_ENTRY_SIZE,
		sizeof(*slot));
	if (slot == NULL)
		return -EFAULT;
	/* Phase starts at 1 and flips each time the ring wraps. */
	phase = ((c->aenq_tail / c->aenq_depth) & 1u) ? 0 : 1;

	memset(&e, 0, sizeof(e));
	e.common.group = group;
	e.common.syndrome = syndrome;
	ts = ena_emu_dev_now_ns(dev) / 1000000000ull;
	e.common.timestamp_lo = (uint32_t)ts;
	e.common.timestamp_hi = (uint32_t)(ts >> 32);
	if (len != 0)
		memcpy((uint8_t *)&e + sizeof(e.common), payload, len);
	e.common.flags = phase ^ 1;
	memcpy(slot, &e, sizeof(e));
	__atomic_store_n(&slot->common.flags, phase, __ATOMIC_RELEASE);

	c->aenq_tail++;
	ena_emu_reg_put(dev, ENA_REG_AENQ_TAIL, c->aenq_tail);
	dev->cnt.aenq_events++;
	ena_emu_irq_raise(dev);
	return 0;
}

static unsigned int
emu_link_poll(struct ena_emu_dev *dev, uint64_t now)
{
	struct ena_emu_core *c = dev->core;
	struct ena_aenq_link_change_desc d;
	uint64_t flap = ena_emu_fault_peek(dev, ENA_EMU_FAULT_LINK_FLAP_MS);
	uint32_t req = __atomic_exchange_n(&dev->link_req, 0, __ATOMIC_ACQ_REL);
	bool want = dev->link_up;
	unsigned int work = 0;
	int rc;

	if (req != 0)
		want = req == 2;
	if (flap == 0) {
		c->next_flap_ns = 0;
	} else if (c->next_flap_ns == 0) {
		c->next_flap_ns = now + flap * 1000000ull;
	} else if (now >= c->next_flap_ns) {
		want = !want;
		c->next_flap_ns = now + flap * 1000000ull;
	}
	if (want != dev->link_up) {
		dev->link_up = want;
		dev->cnt.link_changes++;
		ena_emu_log(dev, EMU_LOG_INFO, "link %s", want ? "up" : "down");
		work++;
	}
	if (c->link_reported == (int)dev->link_up)
		return work;
	/* Only the latest state matters; struct is the payload's view. */
	memset(&d, 0, sizeof(d));
	d.flags = dev->link_up ? ENA_AENQ_LINK_UP_MASK : 0;
	rc = ena_emu_aenq_post(dev, ENA_AENQ_GROUP_LINK_CHANGE, 0,
		(uint8_t *)&d + sizeof(d.common), sizeof(d) - sizeof(d.common));
	if (rc == 0 || rc == -ENOTSUP)
		c->link_reported = dev->link_up;
	return work + (rc == 0);
}

static unsigned int
emu_fatal_poll(struct ena_emu_dev *dev)
{
	struct ena_emu_core *c = dev->core;
	uint64_t after = ena_emu_fault_peek(dev, ENA_EMU_FAULT_FATAL);
	uint64_t now;
	int rc;

	/*
	 * Armed once a driver listens (AENQ live), fires "after" ms later,
	 * then disarms: after the driver's reset the device works again.
	 */
	if (after != 0 && c->aenq_live) {
		now = ena_emu_dev_now_ns(dev);
		if (c->fatal_due_ns == 0)
			c->fatal_due_ns = now + (after - 1) * 1000000ull;
		if (now >= c->fatal_due_ns) {
			c->fatal_due_ns = 0;
			ena_emu_fault_set(dev, ENA_EMU_FAULT_FATAL, 0);
			ena_emu_dev_error(dev, "fatal error injected");
		}
	}
	if (!dev->fatal || c->fatal_reported)
		return 0;
	rc = ena_emu_aenq_post(dev, ENA_AENQ_GROUP_FATAL_ERROR, 0, NULL, 0);
	if (rc == 0 || rc == -ENOTSUP)
		c->fatal_reported = true;
	return rc == 0;
}

static unsigned int
emu_notify_poll(struct ena_emu_dev *dev)
{
	struct ena_emu_core *c = dev->core;
	unsigned int work = 0;

	if (__atomic_load_n(&c->suspend_req, __ATOMIC_ACQUIRE) &&
		ena_emu_aenq_post(dev, ENA_AENQ_GROUP_NOTIFICATION,
			ENA_AENQ_NOTIFY_SUSPEND, NULL, 0) != -EAGAIN) {
		__atomic_store_n(&c->suspend_req, false, __ATOMIC_RELEASE);
		dev->suspended = true;
		work++;
	}
	if (__atomic_load_n(&c->resume_req, __ATOMIC_ACQUIRE) &&
		ena_emu_aenq_post(dev, ENA_AENQ_GROUP_NOTIFICATION,
			ENA_AENQ_NOTIFY_RESUME, NULL, 0) != -EAGAIN) {
		__atomic_store_n(&c->resume_req, false, __ATOMIC_RELEASE);
		dev->suspended = false;
		work++;
	}
	return work;
}

static unsigned int
emu_keep_alive_poll(struct ena_emu_dev *dev, uint64_t now)
{
	struct ena_emu_core *c = dev->core;
	struct ena_aenq_keep_alive_desc d;
	struct ena_emu_counters t;

	if (now < c->next_keep_alive_ns)
		return 0;
	c->next_keep_alive_ns = now + ENA_EMU_KEEP_ALIVE_NS;
	if (ena_emu_fault_peek(dev, ENA_EMU_FAULT_KEEP_ALIVE_STOP) != 0)
		return 0;
	ena_emu_counters_get(dev, &t);
	memset(&d, 0, sizeof(d));
	d.rx_drops_lo = (uint32_t)t.rx_drops;
	d.rx_drops_hi = (uint32_t)(t.rx_drops >> 32);
	d.tx_drops_lo = (uint32_t)t.tx_drops;
	d.tx_drops_hi = (uint32_t)(t.tx_drops >> 32);
	if (emu_newer_interface(dev)) {
		d.rx_overruns_lo = (uint32_t)t.rx_drops;
		d.rx_overruns_hi = (uint32_t)(t.rx_drops >> 32);
	}
	if (ena_emu_aenq_post(dev, ENA_AENQ_GROUP_KEEP_ALIVE, 0,
		    (uint8_t *)&d + sizeof(d.common),
		    sizeof(d) - sizeof(d.common)) != 0)
		return 0;
	dev->cnt.keep_alives++;
	return 1;
}

unsigned int
ena_emu_aenq_poll(struct ena_emu_dev *dev)
{
	struct ena_emu_core *c = dev->core;
	uint64_t now = ena_emu_dev_now_ns(dev);
	unsigned int work = 0;
	uint32_t db;

	if (c->reset_in_progress)
		return 0;
	db = ena_emu_reg_get(dev, ENA_REG_AENQ_HEAD_DB);
	if (!c->aenq_live && db != 0 && !emu_aenq_latch(dev))
		return 0;
	if (c->aenq_live && db != c->aenq_head_db) {
		if ((int32_t)(db - c->aenq_tail) > (int32_t)c->aenq_depth) {
			ena_emu_log(dev, EMU_LOG_WARNING,
				"AENQ head doorbell %u beyond tail %u + depth",
				db, c->aenq_tail);
		} else {
			c->aenq_head_db = db;
			work++;
		}
	}
	work += emu_fatal_poll(dev);
	work += emu_link_poll(dev, now);
	work += emu_notify_poll(dev);
	work += emu_keep_alive_poll(dev, now);
	work += emu_request_reset_poll(dev);
	return work;
}

int
ena_emu_notify(struct ena_emu_dev *dev, bool suspend)
{
	if (dev == NULL)
		return -EINVAL;
	if (suspend)
		__atomic_store_n(
			&dev->core->suspend_req, true, __ATOMIC_RELEASE);
	else
		__atomic_store_n(
			&dev->core->resume_req, true, __ATOMIC_RELEASE);
	return 0;
}

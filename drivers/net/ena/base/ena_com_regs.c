/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/*
 * Register access (direct or read-less), reset, version and DMA width:
 * everything that happens before the admin queue exists.
 */
#include "ena_com_internal.h"

int
ena_hw_init(struct ena_hw *hw, const char *name, void *regs, void *mem_bar,
	int socket)
{
	if (hw == NULL || regs == NULL) {
		ena_plat_log(ENA_PLAT_LOG_ERR, "ena_hw_init: missing %s",
			hw == NULL ? "device handle" : "register BAR");
		return -EINVAL;
	}
	memset(hw, 0, sizeof(*hw));
	snprintf(hw->name, sizeof(hw->name), "%s", name ? name : "ena");
	hw->regs = regs;
	hw->mem_bar = mem_bar;
	hw->socket = socket;
	hw->tx_placement = ENA_HW_PLACEMENT_HOST;
	hw->admin.timeout_us = ENA_HW_ADMIN_TIMEOUT_US;
	hw->readless.timeout_us = ENA_HW_MMIO_READ_TIMEOUT_US;
	hw->keep_alive_timeout_ms = ENA_HW_KEEP_ALIVE_TIMEOUT_MS;
	hw->missing_tx_timeout_ms = ENA_HW_MISSING_TX_TIMEOUT_MS;
	hw->missing_tx_threshold = ENA_HW_MISSING_TX_THRESHOLD;
	hw->intr_delay_resolution = 1;
	ena_plat_lock_init(&hw->readless.lock);
	ena_plat_lock_init(&hw->admin.lock);
	return 0;
}

void
ena_hw_set_bar_lens(struct ena_hw *hw, size_t regs_len, size_t mem_bar_len)
{
	hw->regs_len = regs_len;
	hw->mem_bar_len = hw->mem_bar != NULL ? mem_bar_len : 0;
}

/* ---- read-less MMIO ------------------------------------------------------ */

int
ena_hw_readless_init(struct ena_hw *hw)
{
	struct ena_hw_readless *rl = &hw->readless;
	int rc;

	if (rl->mem.va == NULL) {
		rc = ena_plat_dma_alloc(
			&rl->mem, sizeof(struct ena_reg_read_resp), hw->socket);
		if (rc != 0) {
			ena_hw_err(hw,
				"failed to init mmio read less: no DMA memory for %zu bytes",
				sizeof(struct ena_reg_read_resp));
			return rc;
		}
	}
	rl->enabled = true;
	ena_hw_readless_program(hw);
	return 0;
}

void
ena_hw_readless_set(struct ena_hw *hw, bool enabled)
{
	hw->readless.enabled = enabled && hw->readless.mem.va != NULL;
}

void
ena_hw_readless_program(struct ena_hw *hw)
{
	uint64_t iova = hw->readless.mem.iova;

	if (hw->readless.mem.va == NULL)
		return;
	ena_plat_reg_write32(
		(uint32_t)iova, ena_hw_reg_addr(hw, ENA_REG_MMIO_RESP_LO));
	ena_plat_reg_write32((uint32_t)(iova >> 32),
		ena_hw_reg_addr(hw, ENA_REG_MMIO_RESP_HI));
}

void
ena_hw_readless_fini(struct ena_hw *hw)
{
	if (hw->readless.mem.va != NULL) {
		ena_plat_reg_write32(
			0, ena_hw_reg_addr(hw, ENA_REG_MMIO_RESP_LO));
		ena_plat_reg_write32(
			0, ena_hw_reg_addr(hw, ENA_REG_MMIO_RESP_HI));
	}
	ena_plat_dma_free(&hw->readless.mem);
	hw->readless.enabled = false;
}

static uint32_t
ena_hw_readless_read(struct ena_hw *hw, uint16_t off)
{
	struct ena_hw_readless *rl = &hw->readless;
	volatile struct ena_reg_read_resp *resp = rl->mem.va;
	ena_plat_time_t deadline;
	uint16_t id, seen_id, seen_off;
	uint32_t val;

	ena_plat_lock(&rl->lock);
	id = ++rl->seq;
	/* Poison the answer so that a stale one never matches. */
	resp->req_id = (uint16_t)~id;
	ena_plat_wmb();
	ena_plat_reg_write32(ena_reg_read_req(off, id),
		ena_hw_reg_addr(hw, ENA_REG_MMIO_REG_READ));
	deadline = ena_plat_deadline(rl->timeout_us);
	for (;;) {
		seen_id = resp->req_id;
		if (seen_id == id)
			break;
		if (ena_plat_expired(deadline)) {
			ena_plat_unlock(&rl->lock);
			ena_hw_err(hw,
				"mmio read less timed out: register 0x%x, req id %u, no answer in %" PRIu64
				" us",
				off, id, rl->timeout_us);
			return ENA_HW_REG_READ_FAILED;
		}
		ena_plat_wait_step(0);
	}
	ena_plat_rmb();
	seen_off = resp->reg_off;
	val = resp->reg_val;
	ena_plat_unlock(&rl->lock);
	if (seen_off != off) {
		ena_hw_err(hw,
			"mmio read less answered register 0x%x instead of 0x%x",
			seen_off, off);
		return ENA_HW_REG_READ_FAILED;
	}
	return val;
}

uint32_t
ena_hw_reg_read(struct ena_hw *hw, uint16_t off)
{
	if (hw->readless.enabled)
		return ena_hw_readless_read(hw, off);
	return ena_plat_reg_read32(ena_hw_reg_addr(hw, off));
}

void
ena_hw_reg_write(struct ena_hw *hw, uint16_t off, uint32_t val)
{
	ena_plat_reg_write32(val, ena_hw_reg_addr(hw, off));
}

/* ---- reset ---------------------------------------------------------------- */

/* Wait until (DEV_STS & mask) == want. */
static int
ena_hw_wait_sts(
	struct ena_hw *hw, uint32_t mask, uint32_t want, uint64_t timeout_us)
{
	ena_plat_time_t deadline = ena_plat_deadline(timeout_us);
	uint32_t sts;

	for (;;) {
		sts = ena_hw_reg_read(hw, ENA_REG_DEV_STS);
		if (sts == ENA_HW_REG_READ_FAILED)
			return -EIO;
		if ((sts & mask) == want)
			return 0;
		if (ena_plat_expired(deadline))
			return -ETIME;
		ena_plat_wait_step(ENA_HW_REG_POLL_US);
	}
}

int
ena_hw_reset(struct ena_hw *hw, enum ena_reset_reason reason)
{
	uint32_t sts, caps, to_units, admin_units;
	int rc;

	sts = ena_hw_reg_read(hw, ENA_REG_DEV_STS);
	caps = ena_hw_reg_read(hw, ENA_REG_CAPS);
	if (sts == ENA_HW_REG_READ_FAILED || caps == ENA_HW_REG_READ_FAILED) {
		ena_hw_err(hw,
			"Can not reset device: status/caps read failed (sts 0x%x caps 0x%x)",
			sts, caps);
		return -EIO;
	}
	if ((sts & ENA_REG_DEV_STS_READY_MASK) == 0) {
		ena_hw_err(hw, "Can not reset device: not ready, status 0x%x",
			sts);
		return -ENODEV;
	}
	to_units = ENA_FIELD_GET(caps, ENA_REG_CAPS_RESET_TIMEOUT);
	if (to_units == 0) {
		ena_hw_err(hw,
			"Can not reset device: invalid reset timeout %u in caps 0x%x",
			to_units, caps);
		return -EINVAL;
	}
	hw->caps = caps;
	hw->reset_timeout_us = (uint64_t)to_units *
		ENA_REG_CAPS_TIMEOUT_UNIT_MS * 1000;

	/*
	 * A reason beyond the 4-bit field needs the extension bits, which
	 * only a device offering EXT_RESET_REASONS reads: any other is told
	 * GENERIC rather than a truncated, wrong reason.
	 */
	if ((uint32_t)reason >> ENA_REG_DEV_CTL_RESET_REASON_BITS != 0 &&
		(hw->capabilities & ENA_BIT(ENA_DEV_CAP_EXT_RESET_REASONS)) ==
			0) {
		ena_hw_info(hw,
			"reset reason %u needs extended reasons the device does not offer: sending %u (generic)",
			reason, ENA_RESET_REASON_GENERIC);
		reason = ENA_RESET_REASON_GENERIC;
	}
	ena_hw_reg_write(hw, ENA_REG_DEV_CTL, ena_reg_dev_ctl_reset(reason));
	/* The device drops the read-less address on reset; give it again. */
	ena_hw_readless_program(hw);

	rc = ena_hw_wait_sts(hw, ENA_REG_DEV_STS_RESET_IN_PROGRESS_MASK,
		ENA_REG_DEV_STS_RESET_IN_PROGRESS_MASK, hw->reset_timeout_us);
	if (rc != 0) {
		ena_hw_err(hw,
			"Can not reset device: reset (reason %u) did not start within %" PRIu64
			" ms, rc %d",
			reason, hw->reset_timeout_us / 1000, rc);
		return rc;
	}
	ena_hw_reg_write(hw, ENA_REG_DEV_CTL, 0);
	rc = ena_hw_wait_sts(hw, ENA_REG_DEV_STS_RESET_IN_PROGRESS_MASK, 0,
		hw->reset_timeout_us);
	if (rc != 0) {
		ena_hw_err(hw,
			"Can not reset device: reset (reason %u) did not finish within %" PRIu64
			" ms, rc %d",
			reason, hw->reset_timeout_us / 1000, rc);
		return rc;
	}
	admin_units = ENA_FIELD_GET(caps, ENA_REG_CAPS_ADMIN_CMD_TO);
	if (admin_units != 0)
		hw->admin.timeout_us = (uint64_t)admin_units *
			ENA_REG_CAPS_TIMEOUT_UNIT_MS * 1000;
	else
		hw->admin.timeout_us = ENA_HW_ADMIN_TIMEOUT_US;
	ena_hw_dbg(hw, "reset done, reason %u", reason);
	return 0;
}

int
ena_hw_check_version(struct ena_hw *hw)
{
	uint32_t ver, ctrl, major, minor, ctrl_masked;

	ver = ena_hw_reg_read(hw, ENA_REG_VERSION);
	ctrl = ena_hw_reg_read(hw, ENA_REG_CONTROLLER_VERSION);
	if (ver == ENA_HW_REG_READ_FAILED || ctrl == ENA_HW_REG_READ_FAILED) {
		ena_hw_err(hw,
			"failed to read device version (version 0x%x controller 0x%x)",
			ver, ctrl);
		return -EIO;
	}
	hw->version = ver;
	hw->ctrl_version = ctrl;
	major = ENA_FIELD_GET(ver, ENA_REG_VERSION_MAJOR);
	minor = ENA_FIELD_GET(ver, ENA_REG_VERSION_MINOR);
	if (((major << 8) | minor) <
		((ENA_HW_MIN_SPEC_MAJOR << 8) | ENA_HW_MIN_SPEC_MINOR)) {
		ena_hw_err(hw, "device version is too low: %u.%u, need %u.%u",
			major, minor, ENA_HW_MIN_SPEC_MAJOR,
			ENA_HW_MIN_SPEC_MINOR);
		return -EOPNOTSUPP;
	}
	ctrl_masked = ctrl & ~ENA_REG_CONTROLLER_VERSION_IMPL_ID_MASK;
	if (ctrl_masked < ENA_HW_MIN_CTRL_VERSION) {
		ena_hw_err(hw,
			"device version is too low: controller %u.%u.%u, need 0x%06x",
			ENA_FIELD_GET(ctrl, ENA_REG_CONTROLLER_VERSION_MAJOR),
			ENA_FIELD_GET(ctrl, ENA_REG_CONTROLLER_VERSION_MINOR),
			ENA_FIELD_GET(
				ctrl, ENA_REG_CONTROLLER_VERSION_SUBMINOR),
			ENA_HW_MIN_CTRL_VERSION);
		return -EOPNOTSUPP;
	}
	ena_hw_info(hw, "device version %u.%u, controller %u.%u.%u impl %u",
		major, minor,
		ENA_FIELD_GET(ctrl, ENA_REG_CONTROLLER_VERSION_MAJOR),
		ENA_FIELD_GET(ctrl, ENA_REG_CONTROLLER_VERSION_MINOR),
		ENA_FIELD_GET(ctrl, ENA_REG_CONTROLLER_VERSION_SUBMINOR),
		ENA_FIELD_GET(ctrl, ENA_REG_CONTROLLER_VERSION_IMPL_ID));
	return 0;
}

int
ena_hw_dma_width(struct ena_hw *hw)
{
	uint32_t caps, width;

	caps = ena_hw_reg_read(hw, ENA_REG_CAPS);
	if (caps == ENA_HW_REG_READ_FAILED) {
		ena_hw_err(hw, "failed to read caps for the dma width");
		return -EIO;
	}
	width = ENA_FIELD_GET(caps, ENA_REG_CAPS_DMA_ADDR_WIDTH);
	if (width < 32 || width > ENA_DMA_ADDR_MAX_BITS) {
		ena_hw_err(hw, "Invalid dma width value %u", width);
		return -EINVAL;
	}
	hw->caps = caps;
	hw->dma_width = width;
	return (int)width;
}

bool
ena_hw_fatal_error(struct ena_hw *hw)
{
	uint32_t sts = ena_hw_reg_read(hw, ENA_REG_DEV_STS);

	return sts == ENA_HW_REG_READ_FAILED ||
		(sts & ENA_REG_DEV_STS_FATAL_ERROR_MASK) != 0;
}

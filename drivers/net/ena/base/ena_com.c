/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/*
 * Whole-device bring-up and teardown in the order the device needs, and
 * small helpers shared with the PMD.
 */
#include "ena_com_internal.h"

int
ena_hw_bringup(struct ena_hw *hw, const struct ena_hw_bringup_cfg *cfg,
	struct ena_hw_dev_features *feat)
{
	int rc;

	if (cfg->readless) {
		rc = ena_hw_readless_init(hw);
		if (rc != 0)
			return rc;
	}
	ena_hw_readless_set(hw, cfg->readless);

	rc = ena_hw_reset(hw, cfg->reset_reason);
	if (rc != 0)
		goto fail_readless;
	rc = ena_hw_check_version(hw);
	if (rc != 0)
		goto fail_readless;
	rc = ena_hw_dma_width(hw);
	if (rc < 0)
		goto fail_readless;

	rc = ena_hw_admin_init(hw, cfg->handlers);
	if (rc != 0)
		goto fail_readless;
	ena_hw_admin_set_polling(hw, cfg->admin_polling);

	/*
	 * The host info only informs the device: a device that refuses it
	 * still works. A command that got no answer is another matter: the
	 * admin queue is dead.
	 */
	rc = ena_hw_set_host_attr(hw, cfg);
	if (rc == -ETIME)
		goto fail_admin;
	if (rc != 0 && rc != -EOPNOTSUPP)
		ena_hw_warn(hw,
			"device refused the host info (rc %d); going on", rc);

	rc = ena_hw_get_dev_features(hw, feat);
	if (rc != 0)
		goto fail_admin;

	if (cfg->aenq_groups != 0) {
		rc = ena_hw_aenq_configure(
			hw, cfg->aenq_groups & feat->aenq_supported_groups);
		if (rc != 0)
			goto fail_admin;
	}
	ena_hw_aenq_enable(hw);
	return 0;

fail_admin:
	/* Stop the device before freeing what it may still write to. */
	if (rc != -ETIME)
		ena_hw_reset(hw, ENA_RESET_REASON_INIT_ERR);
	ena_hw_admin_fini(hw);
	ena_plat_dma_free(&hw->host_info_mem);
fail_readless:
	ena_hw_readless_fini(hw);
	return rc < 0 ? rc : -EIO;
}

void
ena_hw_teardown(struct ena_hw *hw, enum ena_reset_reason reason)
{
	if (hw->regs == NULL)
		return;
	hw->admin.running = false;
	if (hw->admin.slots != NULL || hw->readless.mem.va != NULL)
		ena_hw_reset(hw, reason);
	ena_hw_rss_fini(hw);
	ena_hw_admin_fini(hw);
	ena_plat_dma_free(&hw->host_info_mem);
	ena_hw_readless_fini(hw);
}

enum ena_reset_reason
ena_hw_reset_reason_for(int err, enum ena_hw_dir dir)
{
	switch (err) {
	case -ERANGE:
		return dir == ENA_HW_DIR_TX ? ENA_RESET_REASON_INV_TX_REQ_ID
					    : ENA_RESET_REASON_INV_RX_REQ_ID;
	case -E2BIG:
		return ENA_RESET_REASON_TOO_MANY_RX_DESCS;
	case -EMSGSIZE:
		return dir == ENA_HW_DIR_TX
			? ENA_RESET_REASON_TX_DESC_MALFORMED
			: ENA_RESET_REASON_RX_DESC_MALFORMED;
	case -ETIME:
		return ENA_RESET_REASON_ADMIN_TO;
	default:
		return ENA_RESET_REASON_DRIVER_INVALID_STATE;
	}
}

/* Each reason's name as the interface spells it, and what it means. */
static const struct {
	const char *name;
	const char *meaning;
} ena_hw_reset_reasons[ENA_RESET_REASON_COUNT] = {
	[ENA_RESET_REASON_NORMAL] = { "NORMAL", "normal" },
	[ENA_RESET_REASON_KEEP_ALIVE_TO] = { "KEEP_ALIVE_TO",
		"keep-alive timeout" },
	[ENA_RESET_REASON_ADMIN_TO] = { "ADMIN_TO", "admin timeout" },
	[ENA_RESET_REASON_MISS_TX_CMPL] = { "MISS_TX_CMPL",
		"missing tx completion" },
	[ENA_RESET_REASON_INV_RX_REQ_ID] = { "INV_RX_REQ_ID",
		"invalid rx req_id" },
	[ENA_RESET_REASON_INV_TX_REQ_ID] = { "INV_TX_REQ_ID",
		"invalid tx req_id" },
	[ENA_RESET_REASON_TOO_MANY_RX_DESCS] = { "TOO_MANY_RX_DESCS",
		"too many rx descs" },
	[ENA_RESET_REASON_INIT_ERR] = { "INIT_ERR", "init error" },
	[ENA_RESET_REASON_DRIVER_INVALID_STATE] = { "DRIVER_INVALID_STATE",
		"driver invalid state" },
	[ENA_RESET_REASON_OS_TRIGGER] = { "OS_TRIGGER", "os trigger" },
	[ENA_RESET_REASON_OS_NETDEV_WD] = { "OS_NETDEV_WD", "os watchdog" },
	[ENA_RESET_REASON_SHUTDOWN] = { "SHUTDOWN", "shutdown" },
	[ENA_RESET_REASON_USER_TRIGGER] = { "USER_TRIGGER", "user trigger" },
	[ENA_RESET_REASON_GENERIC] = { "GENERIC", "generic" },
	[ENA_RESET_REASON_MISS_INTERRUPT] = { "MISS_INTERRUPT",
		"missing interrupt" },
	[ENA_RESET_REASON_POLL_STARVATION] = { "POLL_STARVATION",
		"poll starvation" },
	[ENA_RESET_REASON_RX_DESC_MALFORMED] = { "RX_DESC_MALFORMED",
		"malformed rx descriptor" },
	[ENA_RESET_REASON_TX_DESC_MALFORMED] = { "TX_DESC_MALFORMED",
		"malformed tx descriptor" },
	[ENA_RESET_REASON_MISS_ADMIN_INTERRUPT] = { "MISS_ADMIN_INTERRUPT",
		"missing admin interrupt" },
	[ENA_RESET_REASON_DEVICE_REQUEST] = { "DEVICE_REQUEST",
		"device request" },
	[ENA_RESET_REASON_MISS_FIRST_INTERRUPT] = { "MISS_FIRST_INTERRUPT",
		"missing first interrupt" },
};

const char *
ena_hw_reset_reason_name(enum ena_reset_reason r)
{
	if ((unsigned int)r >= ENA_RESET_REASON_COUNT ||
		ena_hw_reset_reasons[r].name == NULL)
		return "UNKNOWN";
	return ena_hw_reset_reasons[r].name;
}

const char *
ena_hw_reset_reason_str(enum ena_reset_reason r)
{
	if ((unsigned int)r >= ENA_RESET_REASON_COUNT ||
		ena_hw_reset_reasons[r].meaning == NULL)
		return "unknown";
	return ena_hw_reset_reasons[r].meaning;
}

/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef ENA_COM_INTERNAL_H_
#define ENA_COM_INTERNAL_H_

/* Shared by the ena_com_*.c files only; not part of the API. */

#include "ena_com.h"
#include "ena_eth_com.h"

#define ena_hw_err(hw, fmt, ...) \
	ena_plat_log(ENA_PLAT_LOG_ERR, "%s: " fmt, (hw)->name, ##__VA_ARGS__)
#define ena_hw_warn(hw, fmt, ...) \
	ena_plat_log(ENA_PLAT_LOG_WARN, "%s: " fmt, (hw)->name, ##__VA_ARGS__)
#define ena_hw_info(hw, fmt, ...) \
	ena_plat_log(ENA_PLAT_LOG_INFO, "%s: " fmt, (hw)->name, ##__VA_ARGS__)
#define ena_hw_dbg(hw, fmt, ...) \
	ena_plat_log(ENA_PLAT_LOG_DEBUG, "%s: " fmt, (hw)->name, ##__VA_ARGS__)

/* Register polls sleep this long between reads when no wait hook runs. */
#define ENA_HW_REG_POLL_US 10
/* Admin completion polls. */
#define ENA_HW_ADMIN_POLL_US 5

#define ENA_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static inline volatile void *
ena_hw_reg_addr(const struct ena_hw *hw, uint32_t off)
{
	return (volatile uint8_t *)hw->regs + off;
}

static inline bool
ena_hw_is_pow2(uint32_t v)
{
	return v != 0 && (v & (v - 1)) == 0;
}

/* Admin helpers shared by the feature code. */
int ena_hw_get_feature(struct ena_hw *hw, uint8_t id, uint8_t version,
	struct ena_aq_get_feat_resp *resp, const struct ena_dma_mem *ctrl,
	size_t ctrl_len);
int ena_hw_set_feature(struct ena_hw *hw, struct ena_aq_cmd *cmd, uint8_t id,
	const struct ena_dma_mem *ctrl, size_t ctrl_len);

void ena_hw_aenq_init_state(
	struct ena_hw *hw, const struct ena_hw_aenq_handlers *handlers);

#endif /* ENA_COM_INTERNAL_H_ */

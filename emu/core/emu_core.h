/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef ENA_EMU_CORE_H
#define ENA_EMU_CORE_H

/*
 * Control-path internals shared by the core files only (registers, admin
 * queue, features, AENQ). The IO path sees emu_dev.h.
 */

#include <stdbool.h>
#include <stdint.h>

#include "ena_defs.h"
#include "emu_dev.h"
#include "emu_io.h"

/* Identity the device reports. */
#define ENA_EMU_SPEC_MAJOR    2
#define ENA_EMU_SPEC_MINOR    0
#define ENA_EMU_CTRL_MAJOR    0
#define ENA_EMU_CTRL_MINOR    1
#define ENA_EMU_CTRL_SUBMINOR 1
#define ENA_EMU_IMPL_ID	      0x45 /* 'E' */
#define ENA_EMU_RESET_TIMEOUT 10   /* x100 ms, CAPS.RESET_TIMEOUT */
#define ENA_EMU_DMA_WIDTH     48
#define ENA_EMU_MTU_MIN	      68u
#define ENA_EMU_MTU_DEFAULT   1500u
#define ENA_EMU_KEEP_ALIVE_NS 1000000000ull
#define ENA_EMU_MAX_TX_DESCS  17 /* per packet, meta included */
#define ENA_EMU_MAX_RX_DESCS  16
/* Drivers keep the max header in 8 bits (upstream: a uint8_t per ring). */
#define ENA_EMU_MAX_TX_HDR 128
#define ENA_EMU_LINK_MBPS  100000

/* Queue geometry limits the device accepts for admin queues. */
#define ENA_EMU_ADMIN_DEPTH_MAX 4096

struct ena_emu_core {
	/* Admin queue, latched from the registers on first doorbell. */
	bool aq_live;
	uint64_t aq_base;
	uint64_t acq_base;
	uint16_t aq_depth;
	uint16_t acq_depth;
	uint16_t aq_head;  /* free running, commands consumed */
	uint8_t aq_phase;  /* phase expected in the next command */
	uint16_t acq_tail; /* free running, completions written */
	uint8_t acq_phase;
	bool aq_dead; /* bad AQ setup; ignores doorbells */

	/* Command held back by the admin delay fault. */
	bool comp_held;
	uint64_t comp_due_ns;
	struct ena_aq_comp held;

	/* AENQ */
	bool aenq_live;
	uint64_t aenq_base;
	uint16_t aenq_depth;
	uint32_t aenq_tail;    /* free running, entries written */
	uint32_t aenq_head_db; /* last head doorbell value seen */

	/* MMIO read-less */
	uint32_t mmio_req_seen;
	bool mmio_held;
	uint32_t mmio_held_req;
	uint64_t mmio_due_ns;

	uint32_t dev_ctl_seen;
	bool reset_in_progress;
	bool reset_stuck_logged; /* reset_stuck fault reported once */

	/* Admin/AENQ vector masked by the driver (INTR_MASK register). */
	bool irq_masked;
	bool irq_pending; /* raised while masked */

	/* Level-triggered AENQ reporting: -1 unknown, else last value sent. */
	int link_reported;
	bool fatal_reported;
	bool suspend_req;
	bool resume_req;
	uint64_t next_keep_alive_ns;
	uint64_t fatal_due_ns; /* armed fatal fault, 0 = not armed */
	uint64_t next_flap_ns;

	/* What the driver told us about itself (SET HOST_ATTR). */
	uint64_t host_info_iova;
	uint64_t debug_area_iova;
	uint32_t debug_area_size;
	uint32_t driver_version;
	uint16_t driver_spec_version;
	uint32_t os_type;
};

/* emu_regs.c */
void ena_emu_regs_init(struct ena_emu_dev *dev);
void ena_emu_regs_refresh(struct ena_emu_dev *dev);
unsigned int ena_emu_regs_poll(struct ena_emu_dev *dev);
uint32_t ena_emu_reg_value(struct ena_emu_dev *dev, uint32_t off);
void ena_emu_dev_reset(struct ena_emu_dev *dev);

/* emu_admin.c */
unsigned int ena_emu_admin_poll(struct ena_emu_dev *dev);
void ena_emu_admin_reset(struct ena_emu_dev *dev);

/* emu_feat.c */
uint8_t ena_emu_feat_get(struct ena_emu_dev *dev, const struct ena_aq_cmd *cmd,
	struct ena_aq_comp *comp);
uint8_t ena_emu_feat_set(struct ena_emu_dev *dev, const struct ena_aq_cmd *cmd,
	struct ena_aq_comp *comp);
uint8_t ena_emu_stats_get(struct ena_emu_dev *dev, const struct ena_aq_cmd *cmd,
	struct ena_aq_comp *comp);
void ena_emu_feat_defaults(struct ena_emu_dev *dev);
uint32_t ena_emu_feat_supported(const struct ena_emu_dev *dev);

/* emu_aenq.c */
unsigned int ena_emu_aenq_poll(struct ena_emu_dev *dev);
void ena_emu_aenq_reset(struct ena_emu_dev *dev);
uint32_t ena_emu_aenq_groups_supported(const struct ena_emu_dev *dev);

#endif /* ENA_EMU_CORE_H */

/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef ENA_DEFS_REGS_H_
#define ENA_DEFS_REGS_H_

/*
 * PCI identity and the BAR 0 register file of the ENA device: everything a
 * driver touches before the admin queue is up (reset, queue base addresses,
 * doorbells) and the read-less MMIO protocol used instead of slow register
 * reads. All registers are 32 bits wide.
 */

#include "ena_common.h"

/* PCI identity. */
#define ENA_PCI_VENDOR_AMAZON 0x1d0f
#define ENA_PCI_DEV_PF	      0x0ec2
#define ENA_PCI_DEV_LLQ_PF    0x1ec2
#define ENA_PCI_DEV_VF	      0xec20
#define ENA_PCI_DEV_LLQ_VF    0xec21

/* BAR 0 holds the registers below, BAR 2 the LLQ (device memory) window. */
#define ENA_BAR_REGS 0
#define ENA_BAR_LLQ  2

/* Register offsets inside BAR 0. */
#define ENA_REG_VERSION		     0x00
#define ENA_REG_CONTROLLER_VERSION   0x04
#define ENA_REG_CAPS		     0x08
#define ENA_REG_CAPS_EXT	     0x0c
#define ENA_REG_AQ_BASE_LO	     0x10
#define ENA_REG_AQ_BASE_HI	     0x14
#define ENA_REG_AQ_CAPS		     0x18
#define ENA_REG_ACQ_BASE_LO	     0x20
#define ENA_REG_ACQ_BASE_HI	     0x24
#define ENA_REG_ACQ_CAPS	     0x28
#define ENA_REG_AQ_DB		     0x2c
#define ENA_REG_ACQ_TAIL	     0x30
#define ENA_REG_AENQ_CAPS	     0x34
#define ENA_REG_AENQ_BASE_LO	     0x38
#define ENA_REG_AENQ_BASE_HI	     0x3c
#define ENA_REG_AENQ_HEAD_DB	     0x40
#define ENA_REG_AENQ_TAIL	     0x44
#define ENA_REG_INTR_MASK	     0x4c
#define ENA_REG_DEV_CTL		     0x54
#define ENA_REG_DEV_STS		     0x58
#define ENA_REG_MMIO_REG_READ	     0x5c
#define ENA_REG_MMIO_RESP_LO	     0x60
#define ENA_REG_MMIO_RESP_HI	     0x64
#define ENA_REG_RSS_IND_ENTRY_UPDATE 0x68
/* First byte past the register file above. */
#define ENA_REG_SPACE_END 0x6c
/*
 * PTP hardware clock doorbell (devices offering ENA_FEAT_PHC_CONFIG): a
 * request id written here asks for a struct ena_phc_resp.
 */
#define ENA_REG_PHC_DB 0x100

/* VERSION: interface spec version implemented by the device. */
#define ENA_REG_VERSION_MINOR_SHIFT 0
#define ENA_REG_VERSION_MINOR_MASK  ENA_GENMASK(7, 0)
#define ENA_REG_VERSION_MAJOR_SHIFT 8
#define ENA_REG_VERSION_MAJOR_MASK  ENA_GENMASK(15, 8)

/* CONTROLLER_VERSION: implementation revision. */
#define ENA_REG_CONTROLLER_VERSION_SUBMINOR_SHIFT 0
#define ENA_REG_CONTROLLER_VERSION_SUBMINOR_MASK  ENA_GENMASK(7, 0)
#define ENA_REG_CONTROLLER_VERSION_MINOR_SHIFT	  8
#define ENA_REG_CONTROLLER_VERSION_MINOR_MASK	  ENA_GENMASK(15, 8)
#define ENA_REG_CONTROLLER_VERSION_MAJOR_SHIFT	  16
#define ENA_REG_CONTROLLER_VERSION_MAJOR_MASK	  ENA_GENMASK(23, 16)
#define ENA_REG_CONTROLLER_VERSION_IMPL_ID_SHIFT  24
#define ENA_REG_CONTROLLER_VERSION_IMPL_ID_MASK	  ENA_GENMASK(31, 24)

/*
 * CAPS. RESET_TIMEOUT and ADMIN_CMD_TO count in units of
 * ENA_REG_CAPS_TIMEOUT_UNIT_MS; an admin timeout of 0 means "driver
 * default", a reset timeout of 0 is invalid.
 */
#define ENA_REG_CAPS_CONTIG_QUEUE_REQUIRED_SHIFT 0
#define ENA_REG_CAPS_CONTIG_QUEUE_REQUIRED_MASK	 ENA_BIT(0)
#define ENA_REG_CAPS_RESET_TIMEOUT_SHIFT	 1
#define ENA_REG_CAPS_RESET_TIMEOUT_MASK		 ENA_GENMASK(5, 1)
#define ENA_REG_CAPS_DMA_ADDR_WIDTH_SHIFT	 8
#define ENA_REG_CAPS_DMA_ADDR_WIDTH_MASK	 ENA_GENMASK(15, 8)
#define ENA_REG_CAPS_ADMIN_CMD_TO_SHIFT		 16
#define ENA_REG_CAPS_ADMIN_CMD_TO_MASK		 ENA_GENMASK(19, 16)
#define ENA_REG_CAPS_TIMEOUT_UNIT_MS		 100

/*
 * AQ_CAPS / ACQ_CAPS / AENQ_CAPS share one layout: ring depth in entries
 * and entry size in bytes.
 */
#define ENA_REG_AQ_CAPS_DEPTH_SHIFT	   0
#define ENA_REG_AQ_CAPS_DEPTH_MASK	   ENA_GENMASK(15, 0)
#define ENA_REG_AQ_CAPS_ENTRY_SIZE_SHIFT   16
#define ENA_REG_AQ_CAPS_ENTRY_SIZE_MASK	   ENA_GENMASK(31, 16)
#define ENA_REG_ACQ_CAPS_DEPTH_SHIFT	   0
#define ENA_REG_ACQ_CAPS_DEPTH_MASK	   ENA_GENMASK(15, 0)
#define ENA_REG_ACQ_CAPS_ENTRY_SIZE_SHIFT  16
#define ENA_REG_ACQ_CAPS_ENTRY_SIZE_MASK   ENA_GENMASK(31, 16)
#define ENA_REG_AENQ_CAPS_DEPTH_SHIFT	   0
#define ENA_REG_AENQ_CAPS_DEPTH_MASK	   ENA_GENMASK(15, 0)
#define ENA_REG_AENQ_CAPS_ENTRY_SIZE_SHIFT 16
#define ENA_REG_AENQ_CAPS_ENTRY_SIZE_MASK  ENA_GENMASK(31, 16)

/* INTR_MASK: writing the admin bit masks the admin/AENQ MSI-X vector. */
#define ENA_REG_INTR_MASK_ADMIN_SHIFT 0
#define ENA_REG_INTR_MASK_ADMIN_MASK  ENA_BIT(0)

/* DEV_CTL: driver commands; the reset reason travels with DEV_RESET. */
#define ENA_REG_DEV_CTL_DEV_RESET_SHIFT	 0
#define ENA_REG_DEV_CTL_DEV_RESET_MASK	 ENA_BIT(0)
#define ENA_REG_DEV_CTL_AQ_RESTART_SHIFT 1
#define ENA_REG_DEV_CTL_AQ_RESTART_MASK	 ENA_BIT(1)
#define ENA_REG_DEV_CTL_QUIESCENT_SHIFT	 2
#define ENA_REG_DEV_CTL_QUIESCENT_MASK	 ENA_BIT(2)
#define ENA_REG_DEV_CTL_IO_RESUME_SHIFT	 3
#define ENA_REG_DEV_CTL_IO_RESUME_MASK	 ENA_BIT(3)
/*
 * The reset reason: its low 4 bits in RESET_REASON, the bits above in
 * RESET_REASON_EXT, which only a device with ENA_DEV_CAP_EXT_RESET_REASONS
 * reads.
 */
#define ENA_REG_DEV_CTL_RESET_REASON_EXT_SHIFT 24
#define ENA_REG_DEV_CTL_RESET_REASON_EXT_MASK  ENA_GENMASK(27, 24)
#define ENA_REG_DEV_CTL_RESET_REASON_SHIFT     28
#define ENA_REG_DEV_CTL_RESET_REASON_MASK      ENA_GENMASK(31, 28)
#define ENA_REG_DEV_CTL_RESET_REASON_BITS      4

/* DEV_STS: device state as seen by the driver. */
#define ENA_REG_DEV_STS_READY_SHIFT		     0
#define ENA_REG_DEV_STS_READY_MASK		     ENA_BIT(0)
#define ENA_REG_DEV_STS_AQ_RESTART_IN_PROGRESS_SHIFT 1
#define ENA_REG_DEV_STS_AQ_RESTART_IN_PROGRESS_MASK  ENA_BIT(1)
#define ENA_REG_DEV_STS_AQ_RESTART_FINISHED_SHIFT    2
#define ENA_REG_DEV_STS_AQ_RESTART_FINISHED_MASK     ENA_BIT(2)
#define ENA_REG_DEV_STS_RESET_IN_PROGRESS_SHIFT	     3
#define ENA_REG_DEV_STS_RESET_IN_PROGRESS_MASK	     ENA_BIT(3)
#define ENA_REG_DEV_STS_RESET_FINISHED_SHIFT	     4
#define ENA_REG_DEV_STS_RESET_FINISHED_MASK	     ENA_BIT(4)
#define ENA_REG_DEV_STS_FATAL_ERROR_SHIFT	     5
#define ENA_REG_DEV_STS_FATAL_ERROR_MASK	     ENA_BIT(5)
#define ENA_REG_DEV_STS_QUIESCENT_IN_PROGRESS_SHIFT  6
#define ENA_REG_DEV_STS_QUIESCENT_IN_PROGRESS_MASK   ENA_BIT(6)
#define ENA_REG_DEV_STS_QUIESCENT_ACHIEVED_SHIFT     7
#define ENA_REG_DEV_STS_QUIESCENT_ACHIEVED_MASK	     ENA_BIT(7)

/*
 * MMIO_REG_READ: the driver writes {register offset, request id}; the
 * device answers by DMA-writing struct ena_reg_read_resp to the address
 * programmed in MMIO_RESP_LO/HI.
 */
#define ENA_REG_MMIO_REG_READ_REQ_ID_SHIFT  0
#define ENA_REG_MMIO_REG_READ_REQ_ID_MASK   ENA_GENMASK(15, 0)
#define ENA_REG_MMIO_REG_READ_REG_OFF_SHIFT 16
#define ENA_REG_MMIO_REG_READ_REG_OFF_MASK  ENA_GENMASK(31, 16)

/* RSS_IND_ENTRY_UPDATE: point one indirection-table slot at a CQ. */
#define ENA_REG_RSS_IND_ENTRY_UPDATE_INDEX_SHIFT  0
#define ENA_REG_RSS_IND_ENTRY_UPDATE_INDEX_MASK	  ENA_GENMASK(15, 0)
#define ENA_REG_RSS_IND_ENTRY_UPDATE_CQ_IDX_SHIFT 16
#define ENA_REG_RSS_IND_ENTRY_UPDATE_CQ_IDX_MASK  ENA_GENMASK(31, 16)

/* PHC_DB: the request id echoed in ena_phc_resp.req_id. */
#define ENA_REG_PHC_DB_REQ_ID_SHIFT 0
#define ENA_REG_PHC_DB_REQ_ID_MASK  ENA_GENMASK(15, 0)

/*
 * Why the driver resets the device (DEV_CTL.RESET_REASON and, from 16 on,
 * RESET_REASON_EXT). Reasons from ENA_RESET_REASON_LEGACY_COUNT on were
 * added to the interface later: only a device with
 * ENA_DEV_CAP_EXT_RESET_REASONS knows them.
 */
enum ena_reset_reason {
	ENA_RESET_REASON_NORMAL = 0,
	ENA_RESET_REASON_KEEP_ALIVE_TO = 1,
	ENA_RESET_REASON_ADMIN_TO = 2,
	ENA_RESET_REASON_MISS_TX_CMPL = 3,
	ENA_RESET_REASON_INV_RX_REQ_ID = 4,
	ENA_RESET_REASON_INV_TX_REQ_ID = 5,
	ENA_RESET_REASON_TOO_MANY_RX_DESCS = 6,
	ENA_RESET_REASON_INIT_ERR = 7,
	ENA_RESET_REASON_DRIVER_INVALID_STATE = 8,
	ENA_RESET_REASON_OS_TRIGGER = 9,
	ENA_RESET_REASON_OS_NETDEV_WD = 10,
	ENA_RESET_REASON_SHUTDOWN = 11,
	ENA_RESET_REASON_USER_TRIGGER = 12,
	ENA_RESET_REASON_GENERIC = 13,
	ENA_RESET_REASON_MISS_INTERRUPT = 14,
	ENA_RESET_REASON_POLL_STARVATION = 15, /* suspected */
	ENA_RESET_REASON_RX_DESC_MALFORMED = 16,
	ENA_RESET_REASON_TX_DESC_MALFORMED = 17,
	ENA_RESET_REASON_MISS_ADMIN_INTERRUPT = 18,
	ENA_RESET_REASON_DEVICE_REQUEST = 19, /* ENA_AENQ_GROUP_DEVICE_RESET */
	ENA_RESET_REASON_MISS_FIRST_INTERRUPT = 20,
	ENA_RESET_REASON_COUNT
};
/* Reasons every device knows (spec 2.0). */
#define ENA_RESET_REASON_LEGACY_COUNT 15

/* Written by the device in answer to an MMIO_REG_READ request. */
struct ena_reg_read_resp {
	uint16_t req_id;
	uint16_t reg_off;
	uint32_t reg_val;
};
static_assert(sizeof(struct ena_reg_read_resp) == 8, "ena_reg_read_resp");

/* Value for MMIO_REG_READ asking for register off under request id. */
static inline uint32_t
ena_reg_read_req(uint16_t off, uint16_t req_id)
{
	uint32_t v = 0;

	ENA_FIELD_SET(v, ENA_REG_MMIO_REG_READ_REG_OFF, off);
	ENA_FIELD_SET(v, ENA_REG_MMIO_REG_READ_REQ_ID, req_id);
	return v;
}

/*
 * Value for DEV_CTL that starts a reset for the given reason. Reasons from
 * 16 on set RESET_REASON_EXT: only for a device that reads it.
 */
static inline uint32_t
ena_reg_dev_ctl_reset(enum ena_reset_reason why)
{
	uint32_t v = ENA_REG_DEV_CTL_DEV_RESET_MASK;

	ENA_FIELD_SET(v, ENA_REG_DEV_CTL_RESET_REASON, (uint32_t)why);
	ENA_FIELD_SET(v, ENA_REG_DEV_CTL_RESET_REASON_EXT,
		(uint32_t)why >> ENA_REG_DEV_CTL_RESET_REASON_BITS);
	return v;
}

/*
 * The reset reason a DEV_CTL word carries, as a device reads it: the
 * extended bits only when it offers extended reset reasons.
 */
static inline uint32_t
ena_reg_dev_ctl_reset_reason(uint32_t dev_ctl, bool ext)
{
	uint32_t why = ENA_FIELD_GET(dev_ctl, ENA_REG_DEV_CTL_RESET_REASON);

	if (ext)
		why |= ENA_FIELD_GET(dev_ctl, ENA_REG_DEV_CTL_RESET_REASON_EXT)
			<< ENA_REG_DEV_CTL_RESET_REASON_BITS;
	return why;
}

#endif /* ENA_DEFS_REGS_H_ */

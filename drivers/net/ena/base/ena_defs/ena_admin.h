/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef ENA_DEFS_ADMIN_H_
#define ENA_DEFS_ADMIN_H_

/*
 * Admin queue (AQ), admin completion queue (ACQ) and asynchronous event
 * notification queue (AENQ) formats: commands, their responses, every
 * Get/Set Feature payload and the statistics blocks.
 *
 * Every AQ, ACQ and AENQ slot is 64 bytes. Commands start with
 * struct ena_aq_common_desc, completions with struct ena_aq_comp_common,
 * events with struct ena_aenq_common.
 */

#include "ena_common.h"

#define ENA_AQ_ENTRY_SIZE   64
#define ENA_ACQ_ENTRY_SIZE  64
#define ENA_AENQ_ENTRY_SIZE 64

enum ena_aq_opcode {
	ENA_AQ_OP_CREATE_SQ = 1,
	ENA_AQ_OP_DESTROY_SQ = 2,
	ENA_AQ_OP_CREATE_CQ = 3,
	ENA_AQ_OP_DESTROY_CQ = 4,
	ENA_AQ_OP_GET_FEATURE = 8,
	ENA_AQ_OP_SET_FEATURE = 9,
	ENA_AQ_OP_GET_STATS = 11,
};

/* ena_aq_comp_common.status; details may follow in ext_status. */
enum ena_aq_status {
	ENA_AQ_STATUS_SUCCESS = 0,
	ENA_AQ_STATUS_RESOURCE_ALLOC_FAILURE = 1,
	ENA_AQ_STATUS_BAD_OPCODE = 2,
	ENA_AQ_STATUS_UNSUPPORTED_OPCODE = 3,
	ENA_AQ_STATUS_MALFORMED_REQUEST = 4,
	ENA_AQ_STATUS_ILLEGAL_PARAMETER = 5,
	ENA_AQ_STATUS_UNKNOWN_ERROR = 6,
	ENA_AQ_STATUS_RESOURCE_BUSY = 7,
};

/*
 * Get/Set Feature sub-commands. The device advertises which it supports
 * as ENA_FEAT_BIT(id) in ena_feat_dev_attr.supported_features.
 */
enum ena_feature_id {
	ENA_FEAT_DEVICE_ATTRIBUTES = 1,
	ENA_FEAT_MAX_QUEUES_NUM = 2,
	ENA_FEAT_HW_HINTS = 3,
	ENA_FEAT_LLQ = 4,
	ENA_FEAT_EXTRA_PROP_STRINGS = 5,
	ENA_FEAT_EXTRA_PROP_FLAGS = 6,
	ENA_FEAT_MAX_QUEUES_EXT = 7,
	ENA_FEAT_FRAG_BYPASS = 8, /* struct ena_feat_frag_bypass */
	ENA_FEAT_RSS_HASH_FUNCTION = 10,
	ENA_FEAT_STATELESS_OFFLOAD = 11,
	ENA_FEAT_RSS_IND_TABLE = 12,
	ENA_FEAT_MTU = 14,
	ENA_FEAT_RSS_HASH_INPUT = 18,
	ENA_FEAT_INTR_MODERATION = 20,
	ENA_FEAT_AENQ_CONFIG = 26,
	ENA_FEAT_LINK_CONFIG = 27,
	ENA_FEAT_HOST_ATTR = 28,
	ENA_FEAT_PHC_CONFIG = 29,   /* struct ena_feat_phc */
	ENA_FEAT_HW_TIMESTAMP = 31, /* struct ena_feat_hw_ts */
	/* Feature ids are below this (bitmap width). */
	ENA_FEAT_ID_LIMIT = 32,
};

#define ENA_FEAT_BIT(id) ENA_BIT(id)

/*
 * Feature versions (ena_feat_common.version). Highest max-queues-ext
 * descriptor version this header describes:
 */
#define ENA_FEAT_MAX_QUEUES_EXT_VERSION 1
/* LLQ: version 1 adds ena_feat_llq.entry_size_recommended. */
#define ENA_FEAT_LLQ_VERSION_LEGACY	     0
#define ENA_FEAT_LLQ_VERSION_ENTRY_SIZE_HINT 1
#define ENA_FEAT_RSS_VERSION		     1
#define ENA_FEAT_PHC_VERSION		     0
#define ENA_FEAT_FRAG_BYPASS_VERSION	     0
#define ENA_FEAT_HW_TIMESTAMP_VERSION	     1

/*
 * Device capabilities: ENA_BIT(enum ena_dev_cap) in
 * ena_feat_dev_attr.capabilities (a reserved, zero word before them).
 */
enum ena_dev_cap {
	ENA_DEV_CAP_ENI_STATS = 0,	   /* ENA_STATS_TYPE_ENI */
	ENA_DEV_CAP_SRD_INFO = 1,	   /* ENA_STATS_TYPE_SRD */
	ENA_DEV_CAP_CUSTOMER_METRICS = 2,  /* ENA_STATS_TYPE_CUSTOMER_METRICS */
	ENA_DEV_CAP_EXT_RESET_REASONS = 3, /* DEV_CTL.RESET_REASON_EXT */
	ENA_DEV_CAP_CDESC_MBZ = 4,	   /* completion MBZ bits are zero */
};

/* Where an SQ's descriptors and headers live. */
enum ena_placement_policy {
	ENA_PLACEMENT_HOST = 1,
	/* Low-latency queue: written through BAR 2. */
	ENA_PLACEMENT_DEV = 3,
};

/* When the device reports progress on an SQ. */
enum ena_completion_policy {
	ENA_COMPLETION_DESC = 0,
	ENA_COMPLETION_DESC_ON_DEMAND = 1,
	ENA_COMPLETION_HEAD_ON_DEMAND = 2,
	ENA_COMPLETION_HEAD = 3,
};

enum ena_sq_direction {
	ENA_SQ_DIR_TX = 1,
	ENA_SQ_DIR_RX = 2,
};

/* ena_feat_link.supported bits. */
enum ena_link_speed_bit {
	ENA_LINK_SPEED_1G = 0x1,
	ENA_LINK_SPEED_2_5G = 0x2,
	ENA_LINK_SPEED_5G = 0x4,
	ENA_LINK_SPEED_10G = 0x8,
	ENA_LINK_SPEED_25G = 0x10,
	ENA_LINK_SPEED_40G = 0x20,
	ENA_LINK_SPEED_50G = 0x40,
	ENA_LINK_SPEED_100G = 0x80,
	ENA_LINK_SPEED_200G = 0x100,
	ENA_LINK_SPEED_400G = 0x200,
};

/*
 * BASIC, ENI and SRD answer inline in the completion; EXTENDED fills a
 * string buffer given through the control buffer; CUSTOMER_METRICS fills
 * one uint64_t per requested metric into the control buffer and says in
 * the completion which it reported.
 */
enum ena_stats_type {
	ENA_STATS_TYPE_BASIC = 0,
	ENA_STATS_TYPE_EXTENDED = 1,
	ENA_STATS_TYPE_ENI = 2,
	ENA_STATS_TYPE_SRD = 3,
	ENA_STATS_TYPE_CUSTOMER_METRICS = 4,
};

/* Bit numbers of ena_aq_get_stats_cmd.requested_metrics_lo/hi. */
enum ena_customer_metric {
	ENA_METRIC_BW_IN_EXCEEDED = 0,
	ENA_METRIC_BW_OUT_EXCEEDED = 1,
	ENA_METRIC_PPS_EXCEEDED = 2,
	ENA_METRIC_CONNTRACK_EXCEEDED = 3,
	ENA_METRIC_LINKLOCAL_EXCEEDED = 4,
	ENA_METRIC_CONNTRACK_AVAILABLE = 5,
};
/* Every metric above, and the ones any device offering the type has. */
#define ENA_METRICS_ALL_MASK 0x3f
#define ENA_METRICS_MIN_MASK 0x1f

enum ena_stats_scope {
	ENA_STATS_SCOPE_QUEUE = 0,
	ENA_STATS_SCOPE_ETH_TRAFFIC = 1,
};

/* ena_aq_get_stats_cmd.device_id meaning "this function". */
#define ENA_STATS_DEVICE_SELF 0xffff

/* ---- Admin queue entry ---- */

struct ena_aq_common_desc {
	uint16_t cmd_id; /* ENA_AQ_DESC_CMD_ID */
	uint8_t opcode;	 /* enum ena_aq_opcode */
	uint8_t flags;	 /* ENA_AQ_DESC_PHASE, _CTRL_DATA, ... */
};
static_assert(sizeof(struct ena_aq_common_desc) == 4, "aq common desc");

#define ENA_AQ_DESC_CMD_ID_SHIFT 0
#define ENA_AQ_DESC_CMD_ID_MASK	 ENA_GENMASK(11, 0)
#define ENA_AQ_DESC_PHASE_SHIFT	 0
#define ENA_AQ_DESC_PHASE_MASK	 ENA_BIT(0)
/* ctrl buffer address below is valid */
#define ENA_AQ_DESC_CTRL_DATA_SHIFT 1
#define ENA_AQ_DESC_CTRL_DATA_MASK  ENA_BIT(1)
/* ctrl buffer points at a list of page addresses instead */
#define ENA_AQ_DESC_CTRL_INDIRECT_SHIFT 2
#define ENA_AQ_DESC_CTRL_INDIRECT_MASK	ENA_BIT(2)

/* Out-of-line data of a command (RSS table, hash key, extended stats). */
struct ena_aq_ctrl_buf {
	uint32_t len;
	struct ena_dma_addr addr;
};
static_assert(sizeof(struct ena_aq_ctrl_buf) == 12, "aq ctrl buf");

/* Names an SQ in commands that take one. */
struct ena_aq_sq_ref {
	uint16_t sq_idx;
	uint8_t ident; /* ENA_AQ_SQ_REF_DIR */
	uint8_t rsvd;
};
static_assert(sizeof(struct ena_aq_sq_ref) == 4, "aq sq ref");

#define ENA_AQ_SQ_REF_DIR_SHIFT 5
#define ENA_AQ_SQ_REF_DIR_MASK	ENA_GENMASK(7, 5)

/* Shape shared by all commands: header, ctrl buffer or inline, inline. */
struct ena_aq_generic_cmd {
	struct ena_aq_common_desc common;
	union {
		uint32_t inline_w1[3];
		struct ena_aq_ctrl_buf ctrl;
	};
	uint32_t inline_w4[12];
};
static_assert(sizeof(struct ena_aq_generic_cmd) == 64, "aq generic cmd");

struct ena_aq_create_sq_cmd {
	struct ena_aq_common_desc common;
	uint8_t sq_ident; /* ENA_AQ_CREATE_SQ_DIR */
	uint8_t rsvd1;
	uint8_t caps2;	 /* placement and completion policy */
	uint8_t caps3;	 /* ENA_AQ_CREATE_SQ_PHYS_CONTIG */
	uint16_t cq_idx; /* CQ must exist already */
	uint16_t depth;
	struct ena_dma_addr ring;    /* host placement only, page aligned */
	struct ena_dma_addr head_wb; /* HEAD* completion policies */
	uint32_t rsvd_w7;
	uint32_t rsvd_w8;
};
static_assert(sizeof(struct ena_aq_create_sq_cmd) == 36, "create sq cmd");

#define ENA_AQ_CREATE_SQ_DIR_SHIFT	   5
#define ENA_AQ_CREATE_SQ_DIR_MASK	   ENA_GENMASK(7, 5)
#define ENA_AQ_CREATE_SQ_PLACEMENT_SHIFT   0
#define ENA_AQ_CREATE_SQ_PLACEMENT_MASK	   ENA_GENMASK(3, 0)
#define ENA_AQ_CREATE_SQ_COMPLETION_SHIFT  4
#define ENA_AQ_CREATE_SQ_COMPLETION_MASK   ENA_GENMASK(6, 4)
#define ENA_AQ_CREATE_SQ_PHYS_CONTIG_SHIFT 0
#define ENA_AQ_CREATE_SQ_PHYS_CONTIG_MASK  ENA_BIT(0)

struct ena_aq_destroy_sq_cmd {
	struct ena_aq_common_desc common;
	struct ena_aq_sq_ref sq;
};
static_assert(sizeof(struct ena_aq_destroy_sq_cmd) == 8, "destroy sq cmd");

struct ena_aq_create_cq_cmd {
	struct ena_aq_common_desc common;
	uint8_t caps1;	/* ENA_AQ_CREATE_CQ_INTR_MODE */
	uint8_t caps2;	/* ENA_AQ_CREATE_CQ_ENTRY_WORDS */
	uint16_t depth; /* power of two */
	uint32_t msix_vector;
	struct ena_dma_addr ring; /* physically contiguous */
};
static_assert(sizeof(struct ena_aq_create_cq_cmd) == 20, "create cq cmd");

/* Interrupt-driven when set, polled otherwise. */
#define ENA_AQ_CREATE_CQ_INTR_MODE_SHIFT 5
#define ENA_AQ_CREATE_CQ_INTR_MODE_MASK	 ENA_BIT(5)
/* CQ entry size in 32-bit words. */
#define ENA_AQ_CREATE_CQ_ENTRY_WORDS_SHIFT 0
#define ENA_AQ_CREATE_CQ_ENTRY_WORDS_MASK  ENA_GENMASK(4, 0)

struct ena_aq_destroy_cq_cmd {
	struct ena_aq_common_desc common;
	uint16_t cq_idx;
	uint16_t rsvd;
};
static_assert(sizeof(struct ena_aq_destroy_cq_cmd) == 8, "destroy cq cmd");

struct ena_aq_get_stats_cmd {
	struct ena_aq_common_desc common;
	union {
		uint32_t inline_w1[3];
		struct ena_aq_ctrl_buf ctrl; /* EXTENDED result buffer */
	};
	uint8_t type;  /* enum ena_stats_type */
	uint8_t scope; /* enum ena_stats_scope */
	uint16_t rsvd;
	uint16_t queue_idx; /* for ENA_STATS_SCOPE_QUEUE */
	uint16_t device_id; /* ENA_STATS_DEVICE_SELF */
	/* CUSTOMER_METRICS: ENA_BIT(enum ena_customer_metric), 64 bits */
	uint32_t requested_metrics_lo;
	uint32_t requested_metrics_hi;
};
static_assert(sizeof(struct ena_aq_get_stats_cmd) == 32, "get stats cmd");

/* Get/Set Feature header that follows the ctrl buffer. */
struct ena_feat_common {
	uint8_t flags;	    /* ENA_FEAT_COMMON_SELECT */
	uint8_t feature_id; /* enum ena_feature_id */
	/* driver: highest version it knows; device: version it answers */
	uint8_t version;
	uint8_t rsvd;
};
static_assert(sizeof(struct ena_feat_common) == 4, "feat common");

#define ENA_FEAT_COMMON_SELECT_SHIFT 0
#define ENA_FEAT_COMMON_SELECT_MASK  ENA_GENMASK(1, 0)
#define ENA_FEAT_SELECT_CURRENT	     1
#define ENA_FEAT_SELECT_DEFAULT	     3

/* ---- Feature payloads ---- */

struct ena_feat_dev_attr {
	uint32_t impl_id;
	uint32_t device_version;
	uint32_t supported_features; /* ENA_FEAT_BIT(enum ena_feature_id) */
	uint32_t capabilities;	     /* ENA_BIT(enum ena_dev_cap) */
	uint32_t phys_addr_width;
	uint32_t virt_addr_width;
	uint8_t mac_addr[6]; /* network byte order */
	uint8_t rsvd7[2];
	uint32_t max_mtu;
};
static_assert(sizeof(struct ena_feat_dev_attr) == 36, "feat dev attr");

/* Accelerated LLQ: extra rules the driver must honour to use it. */
struct ena_feat_llq_accel {
	union {
		uint32_t raw[2];
		struct {
			/* ENA_BIT(enum ena_llq_accel_flag) */
			uint16_t supported_flags;
			/* bytes the driver may push between two doorbells */
			uint16_t max_tx_burst_size;
		} get;
		struct {
			uint16_t enabled_flags;
			uint16_t rsvd;
		} set;
	};
};
static_assert(sizeof(struct ena_feat_llq_accel) == 8, "feat llq accel");

/*
 * LLQ capabilities (get) and the chosen mode (set). *_supported are
 * bitmaps of the enums in ena_eth_io.h, *_enabled a single value.
 */
struct ena_feat_llq {
	uint32_t max_llq_num;
	uint32_t max_llq_depth;
	uint16_t header_location_supported;
	uint16_t header_location_enabled;
	uint16_t entry_size_supported;
	uint16_t entry_size_enabled;
	uint16_t descs_before_header_supported;
	uint16_t descs_before_header_enabled;
	uint16_t stride_ctrl_supported;
	uint16_t stride_ctrl_enabled;
	/* ENA_FEAT_LLQ_VERSION_*: what the device answers (get and set) */
	uint8_t feature_version;
	/* get, from version 1: the enum ena_llq_entry_size to use */
	uint8_t entry_size_recommended;
	/* deepest queue with wide (256 B) entries, 0: not given */
	uint16_t max_wide_llq_depth;
	struct ena_feat_llq_accel accel;
};
static_assert(sizeof(struct ena_feat_llq) == 36, "feat llq");

/* Older queue-limits answer (ENA_FEAT_MAX_QUEUES_NUM). */
struct ena_feat_max_queues {
	uint32_t max_sq_num;
	uint32_t max_sq_depth;
	uint32_t max_cq_num;
	uint32_t max_cq_depth;
	uint32_t max_legacy_llq_num;
	uint32_t max_legacy_llq_depth;
	uint32_t max_header_size;
	uint16_t max_tx_descs_per_pkt; /* meta descriptor included */
	uint16_t max_rx_descs_per_pkt;
};
static_assert(sizeof(struct ena_feat_max_queues) == 32, "feat max queues");

struct ena_feat_queue_limits {
	uint32_t max_tx_sq_num;
	uint32_t max_tx_cq_num;
	uint32_t max_rx_sq_num;
	uint32_t max_rx_cq_num;
	uint32_t max_tx_sq_depth;
	uint32_t max_tx_cq_depth;
	uint32_t max_rx_sq_depth;
	uint32_t max_rx_cq_depth;
	uint32_t max_tx_header_size;
	uint16_t max_tx_descs_per_pkt; /* meta descriptor included */
	uint16_t max_rx_descs_per_pkt;
};
static_assert(sizeof(struct ena_feat_queue_limits) == 40, "queue limits");

/* Per-direction queue limits (ENA_FEAT_MAX_QUEUES_EXT). */
struct ena_feat_max_queues_ext {
	uint8_t version;
	uint8_t rsvd1[3];
	union {
		struct ena_feat_queue_limits limits;
		uint32_t raw[10];
	};
};
static_assert(sizeof(struct ena_feat_max_queues_ext) == 44, "max queues ext");

/* MTU without the L2 header. */
struct ena_feat_mtu {
	uint32_t mtu;
};

/* Extra properties: up to this many strings of this many bytes. */
#define ENA_EXTRA_PROP_STRING_LEN 32
#define ENA_EXTRA_PROP_COUNT	  32

struct ena_feat_extra_strings {
	uint32_t count;
};

struct ena_feat_extra_flags {
	uint32_t flags;
};

/* Where the driver published its host info page and debug area. */
struct ena_feat_host_attr {
	struct ena_dma_addr os_info; /* 4 KiB, physically contiguous */
	struct ena_dma_addr debug_area;
	uint32_t debug_area_size;
};
static_assert(sizeof(struct ena_feat_host_attr) == 20, "feat host attr");

struct ena_feat_intr_moder {
	uint16_t delay_resolution_us;
	uint16_t rsvd;
};
static_assert(sizeof(struct ena_feat_intr_moder) == 4, "feat intr moder");

struct ena_feat_link {
	uint32_t speed_mbps;
	uint32_t supported; /* enum ena_link_speed_bit */
	uint32_t flags;	    /* ENA_FEAT_LINK_AUTONEG, _DUPLEX */
};
static_assert(sizeof(struct ena_feat_link) == 12, "feat link");

#define ENA_FEAT_LINK_AUTONEG_SHIFT 0
#define ENA_FEAT_LINK_AUTONEG_MASK  ENA_BIT(0)
#define ENA_FEAT_LINK_DUPLEX_SHIFT  1
#define ENA_FEAT_LINK_DUPLEX_MASK   ENA_BIT(1)

/* Bitmaps of ENA_BIT(enum ena_aenq_group). */
struct ena_feat_aenq {
	uint32_t supported_groups;
	uint32_t enabled_groups;
};
static_assert(sizeof(struct ena_feat_aenq) == 8, "feat aenq");

/* Stateless offload capabilities. */
struct ena_feat_offload {
	uint32_t tx;	       /* ENA_OFFLOAD_TX_* */
	uint32_t rx_supported; /* ENA_OFFLOAD_RX_* */
	uint32_t rx_enabled;
};
static_assert(sizeof(struct ena_feat_offload) == 12, "feat offload");

/* "_PART": the driver seeds the L4 checksum with the pseudo header sum. */
#define ENA_OFFLOAD_TX_L3_CSUM_IPV4_SHIFT      0
#define ENA_OFFLOAD_TX_L3_CSUM_IPV4_MASK       ENA_BIT(0)
#define ENA_OFFLOAD_TX_L4_IPV4_CSUM_PART_SHIFT 1
#define ENA_OFFLOAD_TX_L4_IPV4_CSUM_PART_MASK  ENA_BIT(1)
#define ENA_OFFLOAD_TX_L4_IPV4_CSUM_FULL_SHIFT 2
#define ENA_OFFLOAD_TX_L4_IPV4_CSUM_FULL_MASK  ENA_BIT(2)
#define ENA_OFFLOAD_TX_L4_IPV6_CSUM_PART_SHIFT 3
#define ENA_OFFLOAD_TX_L4_IPV6_CSUM_PART_MASK  ENA_BIT(3)
#define ENA_OFFLOAD_TX_L4_IPV6_CSUM_FULL_SHIFT 4
#define ENA_OFFLOAD_TX_L4_IPV6_CSUM_FULL_MASK  ENA_BIT(4)
#define ENA_OFFLOAD_TX_TSO_IPV4_SHIFT	       5
#define ENA_OFFLOAD_TX_TSO_IPV4_MASK	       ENA_BIT(5)
#define ENA_OFFLOAD_TX_TSO_IPV6_SHIFT	       6
#define ENA_OFFLOAD_TX_TSO_IPV6_MASK	       ENA_BIT(6)
#define ENA_OFFLOAD_TX_TSO_ECN_SHIFT	       7
#define ENA_OFFLOAD_TX_TSO_ECN_MASK	       ENA_BIT(7)
#define ENA_OFFLOAD_RX_L3_CSUM_IPV4_SHIFT      0
#define ENA_OFFLOAD_RX_L3_CSUM_IPV4_MASK       ENA_BIT(0)
#define ENA_OFFLOAD_RX_L4_IPV4_CSUM_SHIFT      1
#define ENA_OFFLOAD_RX_L4_IPV4_CSUM_MASK       ENA_BIT(1)
#define ENA_OFFLOAD_RX_L4_IPV6_CSUM_SHIFT      2
#define ENA_OFFLOAD_RX_L4_IPV6_CSUM_MASK       ENA_BIT(2)
#define ENA_OFFLOAD_RX_HASH_SHIFT	       3
#define ENA_OFFLOAD_RX_HASH_MASK	       ENA_BIT(3)

/* Fragment bypass (set only): egress IPv4 fragments skip the PPS limit. */
struct ena_feat_frag_bypass {
	uint8_t enable;
	uint8_t rsvd[3];
};
static_assert(sizeof(struct ena_feat_frag_bypass) == 4, "frag bypass");

/* Hardware timestamps: get says what the device can, set what to do. */
enum ena_hw_ts_mode {
	ENA_HW_TS_NONE = 0,
	ENA_HW_TS_ALL = 1, /* every packet of the direction */
};

struct ena_feat_hw_ts {
	uint8_t version; /* get: highest ENA_FEAT_HW_TIMESTAMP_VERSION */
	uint8_t tx;	 /* enum ena_hw_ts_mode */
	uint8_t rx;
};
static_assert(sizeof(struct ena_feat_hw_ts) == 3, "feat hw ts");

/*
 * PTP hardware clock. Get tells where the doorbell is and the timing
 * rules; set gives the DMA area the device answers in (struct
 * ena_phc_resp). A request that takes longer than expire_timeout_usec
 * fails, and further requests are then refused for block_timeout_usec.
 */
struct ena_feat_phc {
	uint8_t version; /* get: highest ENA_FEAT_PHC_VERSION */
	uint8_t rsvd1[3];
	uint32_t doorbell_offset; /* in BAR 0, get */
	uint32_t expire_timeout_usec;
	uint32_t block_timeout_usec;
	struct ena_dma_addr output; /* set */
	uint32_t output_length;	    /* set */
};
static_assert(sizeof(struct ena_feat_phc) == 28, "feat phc");

/* ena_phc_resp.error_flags */
#define ENA_PHC_ERROR_TIMESTAMP_SHIFT	0
#define ENA_PHC_ERROR_TIMESTAMP_MASK	ENA_BIT(0)
#define ENA_PHC_ERROR_ERROR_BOUND_SHIFT 1
#define ENA_PHC_ERROR_ERROR_BOUND_MASK	ENA_BIT(1)

/* Written by the device for each PHC doorbell. */
struct ena_phc_resp {
	uint16_t req_id; /* as written to ENA_REG_PHC_DB */
	uint8_t rsvd1[6];
	uint64_t timestamp_ns;
	uint8_t rsvd2[8];
	uint32_t error_bound_ns;
	uint32_t error_flags; /* ENA_PHC_ERROR_* */
	uint8_t rsvd3[32];
};
static_assert(sizeof(struct ena_phc_resp) == 64, "phc resp");

/* ---- RSS ---- */

enum ena_rss_func {
	ENA_RSS_FUNC_TOEPLITZ = 1,
	ENA_RSS_FUNC_CRC32 = 2,
};

/* Hash key: 10 words = 40 bytes. */
#define ENA_RSS_KEY_WORDS 10

/* Key as sent through the ctrl buffer of a RSS_HASH_FUNCTION set. */
struct ena_feat_rss_key {
	uint32_t key_parts; /* ENA_RSS_KEY_WORDS */
	uint32_t rsvd;
	uint32_t key[ENA_RSS_KEY_WORDS];
};
static_assert(sizeof(struct ena_feat_rss_key) == 48, "feat rss key");

struct ena_feat_rss_func {
	uint32_t supported; /* ENA_RSS_FUNC_SUPPORTED */
	uint32_t selected;  /* ENA_RSS_FUNC_SELECTED */
	uint32_t init_val;  /* CRC32 seed */
};
static_assert(sizeof(struct ena_feat_rss_func) == 12, "feat rss func");

#define ENA_RSS_FUNC_SUPPORTED_SHIFT 0
#define ENA_RSS_FUNC_SUPPORTED_MASK  ENA_GENMASK(7, 0)
#define ENA_RSS_FUNC_SELECTED_SHIFT  0
#define ENA_RSS_FUNC_SELECTED_MASK   ENA_GENMASK(7, 0)

/* Traffic classes the hash input is chosen for. */
enum ena_rss_proto {
	ENA_RSS_PROTO_TCP4 = 0,
	ENA_RSS_PROTO_UDP4 = 1,
	ENA_RSS_PROTO_TCP6 = 2,
	ENA_RSS_PROTO_UDP6 = 3,
	ENA_RSS_PROTO_IP4 = 4,
	ENA_RSS_PROTO_IP6 = 5,
	ENA_RSS_PROTO_IP4_FRAG = 6,
	ENA_RSS_PROTO_NOT_IP = 7,
	ENA_RSS_PROTO_TCP6_EX = 8, /* with extension headers */
	ENA_RSS_PROTO_IP6_EX = 9,
	ENA_RSS_PROTO_COUNT = 16,
};

/* Header fields that may feed the hash. */
enum ena_rss_field {
	ENA_RSS_FIELD_L2_DA = 1 << 0,
	ENA_RSS_FIELD_L2_SA = 1 << 1,
	ENA_RSS_FIELD_L3_DA = 1 << 2,
	ENA_RSS_FIELD_L3_SA = 1 << 3,
	ENA_RSS_FIELD_L4_DP = 1 << 4,
	ENA_RSS_FIELD_L4_SP = 1 << 5,
};

struct ena_rss_proto_fields {
	uint16_t fields; /* enum ena_rss_field bits */
	uint16_t rsvd;
};

/* Per-protocol hash inputs, moved through the ctrl buffer. */
struct ena_feat_rss_hash_ctrl {
	struct ena_rss_proto_fields supported[ENA_RSS_PROTO_COUNT];
	struct ena_rss_proto_fields selected[ENA_RSS_PROTO_COUNT];
	struct ena_rss_proto_fields rsvd2[ENA_RSS_PROTO_COUNT];
	struct ena_rss_proto_fields rsvd3[ENA_RSS_PROTO_COUNT];
};
static_assert(sizeof(struct ena_feat_rss_hash_ctrl) == 256, "rss hash ctrl");

/* Address/port sorting so both directions of a flow hash alike. */
struct ena_feat_rss_hash_input {
	uint16_t supported_sort; /* ENA_RSS_INPUT_L3_SORT, _L4_SORT */
	uint16_t enabled_sort;
};
static_assert(sizeof(struct ena_feat_rss_hash_input) == 4, "rss hash input");

#define ENA_RSS_INPUT_L3_SORT_SHIFT 1
#define ENA_RSS_INPUT_L3_SORT_MASK  ENA_BIT(1)
#define ENA_RSS_INPUT_L4_SORT_SHIFT 2
#define ENA_RSS_INPUT_L4_SORT_MASK  ENA_BIT(2)

struct ena_rss_ind_entry {
	uint16_t cq_idx;
	uint16_t rsvd;
};

/*
 * Indirection table; sizes are log2. The full table goes through the ctrl
 * buffer as ena_rss_ind_entry[]; inline_* update a single slot.
 */
struct ena_feat_rss_ind_table {
	uint16_t min_size_log2;
	uint16_t max_size_log2;
	uint16_t size_log2;
	uint8_t flags; /* ENA_RSS_IND_ONE_ENTRY_UPDATE */
	uint8_t rsvd;
	uint32_t inline_index; /* ENA_RSS_IND_INLINE_NONE if unused */
	struct ena_rss_ind_entry inline_entry;
};
static_assert(sizeof(struct ena_feat_rss_ind_table) == 16, "rss ind table");

#define ENA_RSS_IND_ONE_ENTRY_UPDATE_SHIFT 0
#define ENA_RSS_IND_ONE_ENTRY_UPDATE_MASK  ENA_BIT(0)
#define ENA_RSS_IND_INLINE_NONE		   0xffffffffu

/* ---- Host info page (pointed to by ena_feat_host_attr.os_info) ---- */

/*
 * Values of ena_host_info.os_type. The reference definitions named them
 * up to DPDK 22.11 and left the values to the drivers afterwards.
 */
enum ena_os_type {
	ENA_OS_LINUX = 1,
	ENA_OS_WINDOWS = 2,
	ENA_OS_DPDK = 3,
	ENA_OS_FREEBSD = 4,
	ENA_OS_IPXE = 5,
	ENA_OS_ESXI = 6,
};

struct ena_host_info {
	uint32_t os_type; /* enum ena_os_type */
	uint8_t os_dist_str[128];
	uint32_t os_dist;
	uint8_t kernel_ver_str[32];
	uint32_t kernel_ver;
	uint32_t driver_version; /* ENA_HOST_DRV_VER_* */
	uint32_t supported_net_features[2];
	uint16_t spec_version; /* ENA_SPEC_VERSION_PACKED */
	uint16_t bdf;	       /* ENA_HOST_BDF_* */
	uint16_t num_cpus;
	uint16_t rsvd;
	uint32_t driver_features; /* ENA_HOST_FEAT_* */
};
static_assert(sizeof(struct ena_host_info) == 196, "host info");

#define ENA_HOST_DRV_VER_MAJOR_SHIFT	   0
#define ENA_HOST_DRV_VER_MAJOR_MASK	   ENA_GENMASK(7, 0)
#define ENA_HOST_DRV_VER_MINOR_SHIFT	   8
#define ENA_HOST_DRV_VER_MINOR_MASK	   ENA_GENMASK(15, 8)
#define ENA_HOST_DRV_VER_SUBMINOR_SHIFT	   16
#define ENA_HOST_DRV_VER_SUBMINOR_MASK	   ENA_GENMASK(23, 16)
#define ENA_HOST_DRV_VER_MODULE_TYPE_SHIFT 24
#define ENA_HOST_DRV_VER_MODULE_TYPE_MASK  ENA_GENMASK(31, 24)
#define ENA_HOST_BDF_FUNCTION_SHIFT	   0
#define ENA_HOST_BDF_FUNCTION_MASK	   ENA_GENMASK(2, 0)
#define ENA_HOST_BDF_DEVICE_SHIFT	   3
#define ENA_HOST_BDF_DEVICE_MASK	   ENA_GENMASK(7, 3)
#define ENA_HOST_BDF_BUS_SHIFT		   8
#define ENA_HOST_BDF_BUS_MASK		   ENA_GENMASK(15, 8)
/* Driver capabilities the device may rely on. */
#define ENA_HOST_FEAT_RX_OFFSET_SHIFT	      1
#define ENA_HOST_FEAT_RX_OFFSET_MASK	      ENA_BIT(1)
#define ENA_HOST_FEAT_INTR_MODERATION_SHIFT   2
#define ENA_HOST_FEAT_INTR_MODERATION_MASK    ENA_BIT(2)
#define ENA_HOST_FEAT_RX_BUF_MIRRORING_SHIFT  3
#define ENA_HOST_FEAT_RX_BUF_MIRRORING_MASK   ENA_BIT(3)
#define ENA_HOST_FEAT_RSS_CONF_FUNC_KEY_SHIFT 4
#define ENA_HOST_FEAT_RSS_CONF_FUNC_KEY_MASK  ENA_BIT(4)
#define ENA_HOST_FEAT_RX_PAGE_REUSE_SHIFT     6
#define ENA_HOST_FEAT_RX_PAGE_REUSE_MASK      ENA_BIT(6)
#define ENA_HOST_FEAT_TX_IPV6_CSUM_SHIFT      7
#define ENA_HOST_FEAT_TX_IPV6_CSUM_MASK	      ENA_BIT(7)
#define ENA_HOST_FEAT_PHC_SHIFT		      8
#define ENA_HOST_FEAT_PHC_MASK		      ENA_BIT(8)

/*
 * Device hints for driver timers and limits; 0 means "use your own
 * default", ENA_HW_HINT_NO_TIMEOUT disables the timer.
 */
struct ena_feat_hw_hints {
	uint16_t mmio_read_timeout_ms;
	uint16_t driver_watchdog_timeout_ms;
	uint16_t missing_tx_cmpl_timeout_ms; /* per packet */
	uint16_t missed_tx_cmpl_count_to_reset;
	uint16_t admin_cmpl_timeout_ms;
	uint16_t netdev_wd_timeout_ms;
	uint16_t max_tx_sgl_size;
	uint16_t max_rx_sgl_size;
	uint16_t rsvd[8];
};
static_assert(sizeof(struct ena_feat_hw_hints) == 32, "feat hw hints");

#define ENA_HW_HINT_NO_TIMEOUT 0xffff

/* ---- Get/Set Feature commands ---- */

struct ena_aq_get_feat_cmd {
	struct ena_aq_common_desc common;
	struct ena_aq_ctrl_buf ctrl;
	struct ena_feat_common feat;
	uint32_t raw[11];
};
static_assert(sizeof(struct ena_aq_get_feat_cmd) == 64, "get feat cmd");

struct ena_aq_set_feat_cmd {
	struct ena_aq_common_desc common;
	struct ena_aq_ctrl_buf ctrl;
	struct ena_feat_common feat;
	union {
		uint32_t raw[11];
		struct ena_feat_mtu mtu;
		struct ena_feat_host_attr host_attr;
		struct ena_feat_aenq aenq;
		struct ena_feat_rss_func rss_func;
		struct ena_feat_rss_hash_input rss_input;
		struct ena_feat_rss_ind_table rss_ind;
		struct ena_feat_llq llq;
		struct ena_feat_phc phc;
		struct ena_feat_frag_bypass frag_bypass;
		struct ena_feat_hw_ts hw_ts;
	};
};
static_assert(sizeof(struct ena_aq_set_feat_cmd) == 64, "set feat cmd");

/* ---- Completions ---- */

struct ena_aq_comp_common {
	uint16_t cmd_id; /* ENA_AQ_COMP_CMD_ID, echoes the command */
	uint8_t status;	 /* enum ena_aq_status */
	uint8_t flags;	 /* ENA_AQ_COMP_PHASE */
	uint16_t ext_status;
	uint16_t sq_head; /* AQ slots up to here may be reused */
};
static_assert(sizeof(struct ena_aq_comp_common) == 8, "aq comp common");

#define ENA_AQ_COMP_CMD_ID_SHIFT 0
#define ENA_AQ_COMP_CMD_ID_MASK	 ENA_GENMASK(11, 0)
#define ENA_AQ_COMP_PHASE_SHIFT	 0
#define ENA_AQ_COMP_PHASE_MASK	 ENA_BIT(0)

struct ena_aq_create_sq_resp {
	struct ena_aq_comp_common common;
	uint16_t sq_idx;
	uint16_t rsvd;
	uint32_t db_offset;	    /* in BAR 0 */
	uint32_t llq_desc_offset;   /* in BAR 2 */
	uint32_t llq_header_offset; /* in BAR 2 */
};
static_assert(sizeof(struct ena_aq_create_sq_resp) == 24, "create sq resp");

struct ena_aq_create_cq_resp {
	struct ena_aq_comp_common common;
	uint16_t cq_idx;
	uint16_t actual_depth;
	uint32_t numa_node_offset; /* register offsets in BAR 0 */
	uint32_t head_db_offset;
	uint32_t unmask_offset;
};
static_assert(sizeof(struct ena_aq_create_cq_resp) == 24, "create cq resp");

struct ena_aq_destroy_resp {
	struct ena_aq_comp_common common;
};

struct ena_aq_get_feat_resp {
	struct ena_aq_comp_common common;
	union {
		uint32_t raw[14];
		struct ena_feat_dev_attr dev_attr;
		struct ena_feat_llq llq;
		struct ena_feat_max_queues max_queues;
		struct ena_feat_max_queues_ext max_queues_ext;
		struct ena_feat_aenq aenq;
		struct ena_feat_link link;
		struct ena_feat_offload offload;
		struct ena_feat_rss_func rss_func;
		struct ena_feat_rss_hash_input rss_input;
		struct ena_feat_rss_ind_table rss_ind;
		struct ena_feat_intr_moder intr_moder;
		struct ena_feat_hw_hints hw_hints;
		struct ena_feat_phc phc;
		struct ena_feat_hw_ts hw_ts;
		struct ena_feat_extra_strings extra_strings;
		struct ena_feat_extra_flags extra_flags;
	};
};
static_assert(sizeof(struct ena_aq_get_feat_resp) == 64, "get feat resp");

struct ena_aq_set_feat_resp {
	struct ena_aq_comp_common common;
	uint32_t raw[14];
};
static_assert(sizeof(struct ena_aq_set_feat_resp) == 64, "set feat resp");

/* ---- Statistics ---- */

/* Counters split in 32-bit halves, low first. */
struct ena_stats_basic {
	uint32_t tx_bytes_lo;
	uint32_t tx_bytes_hi;
	uint32_t tx_pkts_lo;
	uint32_t tx_pkts_hi;
	uint32_t rx_bytes_lo;
	uint32_t rx_bytes_hi;
	uint32_t rx_pkts_lo;
	uint32_t rx_pkts_hi;
	uint32_t rx_drops_lo;
	uint32_t rx_drops_hi;
	uint32_t tx_drops_lo;
	uint32_t tx_drops_hi;
	/* Rx packets dropped for lack of ring space; zero on older devices */
	uint32_t rx_overruns_lo;
	uint32_t rx_overruns_hi;
};
static_assert(sizeof(struct ena_stats_basic) == 56, "stats basic");

/* Packets shaped because an interface allowance was exceeded. */
struct ena_stats_eni {
	uint64_t bw_in_exceeded;
	uint64_t bw_out_exceeded;
	uint64_t pps_exceeded;
	uint64_t conntrack_exceeded; /* new connections refused */
	uint64_t linklocal_exceeded;
};
static_assert(sizeof(struct ena_stats_eni) == 40, "stats eni");

/* ena_stats_srd.flags: ENA Express (SRD) mode. */
#define ENA_SRD_ENABLED_SHIFT	       0
#define ENA_SRD_ENABLED_MASK	       ENA_BIT(0)
#define ENA_SRD_UDP_ENABLED_SHIFT      1
#define ENA_SRD_UDP_ENABLED_MASK       ENA_BIT(1)
#define ENA_SRD_UDP_ORDER_BYPASS_SHIFT 2
#define ENA_SRD_UDP_ORDER_BYPASS_MASK  ENA_BIT(2)

struct ena_stats_srd {
	uint64_t flags;
	uint64_t tx_pkts;
	uint64_t eligible_tx_pkts; /* sent, or could have been, over SRD */
	uint64_t rx_pkts;
	uint64_t resource_utilization; /* percent */
};
static_assert(sizeof(struct ena_stats_srd) == 40, "stats srd");

/* The metrics reported: ENA_BIT(enum ena_customer_metric), in order. */
struct ena_stats_customer_metrics {
	uint64_t reported;
};

struct ena_aq_get_stats_resp {
	struct ena_aq_comp_common common;
	union {
		uint64_t raw[7];
		struct ena_stats_basic basic;
		struct ena_stats_eni eni;
		struct ena_stats_srd srd;
		struct ena_stats_customer_metrics metrics;
	};
};
static_assert(sizeof(struct ena_aq_get_stats_resp) == 64, "get stats resp");

static inline uint64_t
ena_stats_u64(uint32_t lo, uint32_t hi)
{
	return ((uint64_t)hi << 32) | lo;
}

/* ---- Whole AQ / ACQ entries ---- */

struct ena_aq_cmd {
	union {
		struct ena_aq_common_desc common;
		struct ena_aq_generic_cmd generic;
		struct ena_aq_create_sq_cmd create_sq;
		struct ena_aq_destroy_sq_cmd destroy_sq;
		struct ena_aq_create_cq_cmd create_cq;
		struct ena_aq_destroy_cq_cmd destroy_cq;
		struct ena_aq_get_feat_cmd get_feat;
		struct ena_aq_set_feat_cmd set_feat;
		struct ena_aq_get_stats_cmd get_stats;
		uint32_t raw[16];
	};
};
static_assert(sizeof(struct ena_aq_cmd) == ENA_AQ_ENTRY_SIZE, "aq cmd");

struct ena_aq_comp {
	union {
		struct ena_aq_comp_common common;
		struct ena_aq_create_sq_resp create_sq;
		struct ena_aq_create_cq_resp create_cq;
		struct ena_aq_destroy_resp destroy;
		struct ena_aq_get_feat_resp get_feat;
		struct ena_aq_set_feat_resp set_feat;
		struct ena_aq_get_stats_resp get_stats;
		uint32_t raw[16];
	};
};
static_assert(sizeof(struct ena_aq_comp) == ENA_ACQ_ENTRY_SIZE, "aq comp");

static inline uint16_t
ena_aq_cmd_id(const struct ena_aq_cmd *c)
{
	return (uint16_t)ENA_FIELD_GET(c->common.cmd_id, ENA_AQ_DESC_CMD_ID);
}

static inline uint8_t
ena_aq_cmd_phase(const struct ena_aq_cmd *c)
{
	return (uint8_t)ENA_FIELD_GET(c->common.flags, ENA_AQ_DESC_PHASE);
}

static inline uint16_t
ena_aq_comp_id(const struct ena_aq_comp *c)
{
	return (uint16_t)ENA_FIELD_GET(c->common.cmd_id, ENA_AQ_COMP_CMD_ID);
}

static inline uint8_t
ena_aq_comp_phase(const struct ena_aq_comp *c)
{
	return (uint8_t)ENA_FIELD_GET(c->common.flags, ENA_AQ_COMP_PHASE);
}

/* ---- AENQ ---- */

/* Groups from REFRESH_CAPS on came after spec 2.0. */
enum ena_aenq_group {
	ENA_AENQ_GROUP_LINK_CHANGE = 0,
	ENA_AENQ_GROUP_FATAL_ERROR = 1,
	ENA_AENQ_GROUP_WARNING = 2,
	ENA_AENQ_GROUP_NOTIFICATION = 3,
	ENA_AENQ_GROUP_KEEP_ALIVE = 4,
	/* capabilities changed: read the device attributes again */
	ENA_AENQ_GROUP_REFRESH_CAPS = 5,
	/* struct ena_aenq_conf_notifications_desc */
	ENA_AENQ_GROUP_CONF_NOTIFICATIONS = 6,
	/* the device asks for a reset (ENA_RESET_REASON_DEVICE_REQUEST) */
	ENA_AENQ_GROUP_DEVICE_RESET = 7,
	ENA_AENQ_GROUP_COUNT = 8,
};
/* The groups every device knows (spec 2.0). */
#define ENA_AENQ_GROUP_LEGACY_COUNT 5

/*
 * Syndromes of ENA_AENQ_GROUP_NOTIFICATION. SUSPEND and RESUME left the
 * reference definitions after DPDK 22.11; a device of that era may still
 * send them.
 */
enum ena_aenq_notify_syndrome {
	ENA_AENQ_NOTIFY_SUSPEND = 0,
	ENA_AENQ_NOTIFY_RESUME = 1,
	/* payload is struct ena_feat_hw_hints */
	ENA_AENQ_NOTIFY_UPDATE_HINTS = 2,
};

struct ena_aenq_common {
	uint16_t group; /* enum ena_aenq_group */
	uint16_t syndrome;
	uint8_t flags; /* ENA_AENQ_PHASE */
	uint8_t rsvd1[3];
	uint32_t timestamp_lo;
	uint32_t timestamp_hi;
};
static_assert(sizeof(struct ena_aenq_common) == 16, "aenq common");

#define ENA_AENQ_PHASE_SHIFT 0
#define ENA_AENQ_PHASE_MASK  ENA_BIT(0)

struct ena_aenq_entry {
	struct ena_aenq_common common;
	uint32_t inline_w4[12];
};
static_assert(sizeof(struct ena_aenq_entry) == ENA_AENQ_ENTRY_SIZE, "aenq");

struct ena_aenq_link_change_desc {
	struct ena_aenq_common common;
	uint32_t flags; /* ENA_AENQ_LINK_UP */
};
static_assert(sizeof(struct ena_aenq_link_change_desc) == 20, "aenq link");

#define ENA_AENQ_LINK_UP_SHIFT 0
#define ENA_AENQ_LINK_UP_MASK  ENA_BIT(0)

/*
 * Periodic heartbeat; carries device-side drop counters (rx_overruns:
 * zero from older devices).
 */
struct ena_aenq_keep_alive_desc {
	struct ena_aenq_common common;
	uint32_t rx_drops_lo;
	uint32_t rx_drops_hi;
	uint32_t tx_drops_lo;
	uint32_t tx_drops_hi;
	uint32_t rx_overruns_lo;
	uint32_t rx_overruns_hi;
};
static_assert(sizeof(struct ena_aenq_keep_alive_desc) == 40, "aenq ka");

/* Configuration notifications: a bitmap of what changed. */
struct ena_aenq_conf_notifications_desc {
	struct ena_aenq_common common;
	uint64_t notifications;
	uint64_t rsvd;
};
static_assert(sizeof(struct ena_aenq_conf_notifications_desc) == 32,
	"aenq conf notifications");

static inline uint8_t
ena_aenq_phase(const struct ena_aenq_entry *e)
{
	return (uint8_t)ENA_FIELD_GET(e->common.flags, ENA_AENQ_PHASE);
}

#endif /* ENA_DEFS_ADMIN_H_ */

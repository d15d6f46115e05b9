/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef ENA_DEFS_ETH_IO_H_
#define ENA_DEFS_ETH_IO_H_

/*
 * Data-path formats: Tx/Rx submission descriptors, their completions, the
 * per-CQ interrupt and NUMA registers, and the low-latency queue (LLQ)
 * entry layout options negotiated through ENA_FEAT_LLQ.
 *
 * A packet's 16-bit request id is split across descriptor words; use the
 * helpers at the end instead of the raw fields.
 */

#include "ena_common.h"

/* Protocol indexes used in Tx descriptors and Rx completions. */
enum ena_l3_proto {
	ENA_L3_PROTO_UNKNOWN = 0,
	ENA_L3_PROTO_IPV4 = 8,
	ENA_L3_PROTO_IPV6 = 11,
	ENA_L3_PROTO_FCOE = 21,
	ENA_L3_PROTO_ROCE = 22,
};

enum ena_l4_proto {
	ENA_L4_PROTO_UNKNOWN = 0,
	ENA_L4_PROTO_TCP = 12,
	ENA_L4_PROTO_UDP = 13,
	ENA_L4_PROTO_ROUTEABLE_ROCE = 23,
};

/* ---- Tx buffer descriptor ---- */

struct ena_tx_desc {
	uint32_t len_ctrl;    /* w0: length, flags, req id high bits */
	uint32_t meta_ctrl;   /* w1: offload requests, req id low bits */
	uint32_t addr_lo;     /* w2 */
	uint32_t addr_hi_hdr; /* w3: address bits 47:32, header length */
};
static_assert(sizeof(struct ena_tx_desc) == 16, "tx desc");

/* w0. LENGTH excludes the pushed header and the Ethernet FCS. */
#define ENA_TX_DESC_LENGTH_SHIFT    0
#define ENA_TX_DESC_LENGTH_MASK	    ENA_GENMASK(15, 0)
#define ENA_TX_DESC_REQ_ID_HI_SHIFT 16
#define ENA_TX_DESC_REQ_ID_HI_MASK  ENA_GENMASK(21, 16)
#define ENA_TX_DESC_META_DESC_SHIFT 23
#define ENA_TX_DESC_META_DESC_MASK  ENA_BIT(23)
#define ENA_TX_DESC_PHASE_SHIFT	    24
#define ENA_TX_DESC_PHASE_MASK	    ENA_BIT(24)
#define ENA_TX_DESC_FIRST_SHIFT	    26
#define ENA_TX_DESC_FIRST_MASK	    ENA_BIT(26)
#define ENA_TX_DESC_LAST_SHIFT	    27
#define ENA_TX_DESC_LAST_MASK	    ENA_BIT(27)
/* ask for a Tx completion (meaningful on the first descriptor) */
#define ENA_TX_DESC_COMP_REQ_SHIFT 28
#define ENA_TX_DESC_COMP_REQ_MASK  ENA_BIT(28)
/* w1 */
#define ENA_TX_DESC_L3_PROTO_SHIFT 0
#define ENA_TX_DESC_L3_PROTO_MASK  ENA_GENMASK(3, 0)
/* mirrors the IPv4 DF bit */
#define ENA_TX_DESC_DF_SHIFT	     4
#define ENA_TX_DESC_DF_MASK	     ENA_BIT(4)
#define ENA_TX_DESC_TSO_EN_SHIFT     7
#define ENA_TX_DESC_TSO_EN_MASK	     ENA_BIT(7)
#define ENA_TX_DESC_L4_PROTO_SHIFT   8
#define ENA_TX_DESC_L4_PROTO_MASK    ENA_GENMASK(12, 8)
#define ENA_TX_DESC_L3_CSUM_EN_SHIFT 13
#define ENA_TX_DESC_L3_CSUM_EN_MASK  ENA_BIT(13)
#define ENA_TX_DESC_L4_CSUM_EN_SHIFT 14
#define ENA_TX_DESC_L4_CSUM_EN_MASK  ENA_BIT(14)
#define ENA_TX_DESC_FCS_DIS_SHIFT    15
#define ENA_TX_DESC_FCS_DIS_MASK     ENA_BIT(15)
/* L4 checksum field already holds the pseudo-header sum */
#define ENA_TX_DESC_L4_CSUM_PARTIAL_SHIFT 17
#define ENA_TX_DESC_L4_CSUM_PARTIAL_MASK  ENA_BIT(17)
#define ENA_TX_DESC_REQ_ID_LO_SHIFT	  22
#define ENA_TX_DESC_REQ_ID_LO_MASK	  ENA_GENMASK(31, 22)
/* w3. HDR_LEN: bytes pushed to the LLQ header (never > max header). */
#define ENA_TX_DESC_ADDR_HI_SHIFT 0
#define ENA_TX_DESC_ADDR_HI_MASK  ENA_GENMASK(15, 0)
#define ENA_TX_DESC_HDR_LEN_SHIFT 24
#define ENA_TX_DESC_HDR_LEN_MASK  ENA_GENMASK(31, 24)

/* Request id bits that fit in the low part (w1 of a Tx descriptor). */
#define ENA_TX_REQ_ID_LO_BITS 10

/* ---- Tx meta descriptor (offload context, precedes buffers) ---- */

struct ena_tx_meta_desc {
	uint32_t len_ctrl; /* w0 */
	uint32_t word1;	   /* w1: req id high bits */
	uint32_t word2;	   /* w2: header geometry, MSS low bits */
	uint32_t rsvd;
};
static_assert(sizeof(struct ena_tx_meta_desc) == 16, "tx meta desc");

/* w0 */
#define ENA_TX_META_REQ_ID_LO_SHIFT 0
#define ENA_TX_META_REQ_ID_LO_MASK  ENA_GENMASK(9, 0)
/* w2 fields and MSS_HI are valid */
#define ENA_TX_META_EXT_VALID_SHIFT	14
#define ENA_TX_META_EXT_VALID_MASK	ENA_BIT(14)
#define ENA_TX_META_MSS_HI_SHIFT	16
#define ENA_TX_META_MSS_HI_MASK		ENA_GENMASK(19, 16)
#define ENA_TX_META_ETH_META_TYPE_SHIFT 20
#define ENA_TX_META_ETH_META_TYPE_MASK	ENA_BIT(20)
/* device keeps this context for following packets */
#define ENA_TX_META_META_STORE_SHIFT 21
#define ENA_TX_META_META_STORE_MASK  ENA_BIT(21)
/* must be one: tells a meta descriptor from a buffer descriptor */
#define ENA_TX_META_META_DESC_SHIFT 23
#define ENA_TX_META_META_DESC_MASK  ENA_BIT(23)
#define ENA_TX_META_PHASE_SHIFT	    24
#define ENA_TX_META_PHASE_MASK	    ENA_BIT(24)
#define ENA_TX_META_FIRST_SHIFT	    26
#define ENA_TX_META_FIRST_MASK	    ENA_BIT(26)
#define ENA_TX_META_LAST_SHIFT	    27
#define ENA_TX_META_LAST_MASK	    ENA_BIT(27)
#define ENA_TX_META_COMP_REQ_SHIFT  28
#define ENA_TX_META_COMP_REQ_MASK   ENA_BIT(28)
/* w1 */
#define ENA_TX_META_REQ_ID_HI_SHIFT 0
#define ENA_TX_META_REQ_ID_HI_MASK  ENA_GENMASK(5, 0)
/* w2. L4 header is assumed to follow the L3 header directly. */
#define ENA_TX_META_L3_HDR_LEN_SHIFT   0
#define ENA_TX_META_L3_HDR_LEN_MASK    ENA_GENMASK(7, 0)
#define ENA_TX_META_L3_HDR_OFF_SHIFT   8
#define ENA_TX_META_L3_HDR_OFF_MASK    ENA_GENMASK(15, 8)
#define ENA_TX_META_L4_HDR_WORDS_SHIFT 16
#define ENA_TX_META_L4_HDR_WORDS_MASK  ENA_GENMASK(21, 16)
#define ENA_TX_META_MSS_LO_SHIFT       22
#define ENA_TX_META_MSS_LO_MASK	       ENA_GENMASK(31, 22)

/* MSS bits carried in w2; the rest go to MSS_HI in w0. */
#define ENA_TX_META_MSS_LO_BITS 10

/* ---- Tx completion ---- */

struct ena_tx_cdesc {
	uint16_t req_id;
	uint8_t status;
	uint8_t flags; /* ENA_TX_CDESC_PHASE, _MBZ6 */
	uint16_t sub_qid;
	uint16_t sq_head;
};
static_assert(sizeof(struct ena_tx_cdesc) == 8, "tx cdesc");

#define ENA_TX_CDESC_PHASE_SHIFT 0
#define ENA_TX_CDESC_PHASE_MASK	 ENA_BIT(0)
/* zero from a device with ENA_DEV_CAP_CDESC_MBZ: else a corrupt entry */
#define ENA_TX_CDESC_MBZ6_SHIFT 6
#define ENA_TX_CDESC_MBZ6_MASK	ENA_GENMASK(7, 6)

/* Tx completion with the transmit time (ENA_FEAT_HW_TIMESTAMP). */
struct ena_tx_cdesc_ext {
	struct ena_tx_cdesc base;
	uint32_t timestamp_lo;
	uint32_t timestamp_hi;
};
static_assert(sizeof(struct ena_tx_cdesc_ext) == 16, "tx cdesc ext");

/* ---- Rx buffer descriptor ---- */

struct ena_rx_desc {
	uint16_t length; /* buffer size; 0 stands for 64 KiB */
	uint8_t rsvd2;
	uint8_t ctrl; /* ENA_RX_DESC_* */
	uint16_t req_id;
	uint16_t rsvd6;
	uint32_t addr_lo;
	uint16_t addr_hi;
	uint16_t rsvd_w3;
};
static_assert(sizeof(struct ena_rx_desc) == 16, "rx desc");

#define ENA_RX_DESC_PHASE_SHIFT	   0
#define ENA_RX_DESC_PHASE_MASK	   ENA_BIT(0)
#define ENA_RX_DESC_FIRST_SHIFT	   2
#define ENA_RX_DESC_FIRST_MASK	   ENA_BIT(2)
#define ENA_RX_DESC_LAST_SHIFT	   3
#define ENA_RX_DESC_LAST_MASK	   ENA_BIT(3)
#define ENA_RX_DESC_COMP_REQ_SHIFT 4
#define ENA_RX_DESC_COMP_REQ_MASK  ENA_BIT(4)

/* ---- Rx completion (16-byte base, 32-byte extended) ---- */

/* Parsing results are only meaningful on the LAST completion of a packet. */
struct ena_rx_cdesc {
	uint32_t status; /* ENA_RX_CDESC_* */
	uint16_t length;
	uint16_t req_id;
	uint32_t hash;
	uint16_t sub_qid;
	uint8_t offset; /* data start inside the buffer */
	uint8_t rsvd;
};
static_assert(sizeof(struct ena_rx_cdesc) == 16, "rx cdesc");

struct ena_rx_cdesc_ext {
	struct ena_rx_cdesc base;
	uint32_t addr_lo;
	uint16_t addr_hi;
	uint16_t rsvd16;
	/* receive time, with ENA_FEAT_HW_TIMESTAMP Rx enabled */
	uint32_t timestamp_lo;
	uint32_t timestamp_hi;
};
static_assert(sizeof(struct ena_rx_cdesc_ext) == 32, "rx cdesc ext");

#define ENA_RX_CDESC_L3_PROTO_SHIFT	0
#define ENA_RX_CDESC_L3_PROTO_MASK	ENA_GENMASK(4, 0)
#define ENA_RX_CDESC_SRC_VLAN_CNT_SHIFT 5
#define ENA_RX_CDESC_SRC_VLAN_CNT_MASK	ENA_GENMASK(6, 5)
/* MBZ7 and MBZ17: as ENA_TX_CDESC_MBZ6 */
#define ENA_RX_CDESC_MBZ7_SHIFT	    7
#define ENA_RX_CDESC_MBZ7_MASK	    ENA_BIT(7)
#define ENA_RX_CDESC_L4_PROTO_SHIFT 8
#define ENA_RX_CDESC_L4_PROTO_MASK  ENA_GENMASK(12, 8)
/* set on a bad or unchecked IPv4 header checksum */
#define ENA_RX_CDESC_L3_CSUM_ERR_SHIFT 13
#define ENA_RX_CDESC_L3_CSUM_ERR_MASK  ENA_BIT(13)
/* meaningful only with L4_CSUM_CHECKED and not IPV4_FRAG */
#define ENA_RX_CDESC_L4_CSUM_ERR_SHIFT	   14
#define ENA_RX_CDESC_L4_CSUM_ERR_MASK	   ENA_BIT(14)
#define ENA_RX_CDESC_IPV4_FRAG_SHIFT	   15
#define ENA_RX_CDESC_IPV4_FRAG_MASK	   ENA_BIT(15)
#define ENA_RX_CDESC_L4_CSUM_CHECKED_SHIFT 16
#define ENA_RX_CDESC_L4_CSUM_CHECKED_MASK  ENA_BIT(16)
#define ENA_RX_CDESC_MBZ17_SHIFT	   17
#define ENA_RX_CDESC_MBZ17_MASK		   ENA_BIT(17)
#define ENA_RX_CDESC_PHASE_SHIFT	   24
#define ENA_RX_CDESC_PHASE_MASK		   ENA_BIT(24)
#define ENA_RX_CDESC_L3_CSUM2_SHIFT	   25
#define ENA_RX_CDESC_L3_CSUM2_MASK	   ENA_BIT(25)
#define ENA_RX_CDESC_FIRST_SHIFT	   26
#define ENA_RX_CDESC_FIRST_MASK		   ENA_BIT(26)
#define ENA_RX_CDESC_LAST_SHIFT		   27
#define ENA_RX_CDESC_LAST_MASK		   ENA_BIT(27)
/* 1: a buffer descriptor was consumed, 0: metadata only */
#define ENA_RX_CDESC_BUFFER_SHIFT 30
#define ENA_RX_CDESC_BUFFER_MASK  ENA_BIT(30)

/* ---- Per-CQ registers (offsets come from the create-CQ response) ---- */

/* Unmask write: new moderation delays plus the unmask bit. */
#define ENA_INTR_REG_RX_DELAY_SHIFT 0
#define ENA_INTR_REG_RX_DELAY_MASK  ENA_GENMASK(14, 0)
#define ENA_INTR_REG_TX_DELAY_SHIFT 15
#define ENA_INTR_REG_TX_DELAY_MASK  ENA_GENMASK(29, 15)
#define ENA_INTR_REG_UNMASK_SHIFT   30
#define ENA_INTR_REG_UNMASK_MASK    ENA_BIT(30)
/* keep the moderation delays, ignore the two fields above them */
#define ENA_INTR_REG_NO_MODER_UPDATE_SHIFT 31
#define ENA_INTR_REG_NO_MODER_UPDATE_MASK  ENA_BIT(31)

#define ENA_NUMA_CFG_NODE_SHIFT	   0
#define ENA_NUMA_CFG_NODE_MASK	   ENA_GENMASK(7, 0)
#define ENA_NUMA_CFG_ENABLED_SHIFT 31
#define ENA_NUMA_CFG_ENABLED_MASK  ENA_BIT(31)

/* ---- LLQ layout (values for ena_feat_llq) ---- */

/* Where packet headers go. */
enum ena_llq_header_location {
	ENA_LLQ_HEADER_INLINE = 1, /* inside the descriptor list entry */
	ENA_LLQ_HEADER_RING = 2,   /* separate ring; 16 B list entries */
};

/* Descriptor list entry size (the *_supported field is a bitmap). */
enum ena_llq_entry_size {
	ENA_LLQ_ENTRY_128B = 1,
	ENA_LLQ_ENTRY_192B = 2,
	ENA_LLQ_ENTRY_256B = 4,
};

/* Descriptors placed before the header in a packet's first entry. */
enum ena_llq_descs_before_header {
	ENA_LLQ_DESCS_BEFORE_HEADER_0 = 0,
	ENA_LLQ_DESCS_BEFORE_HEADER_1 = 1,
	ENA_LLQ_DESCS_BEFORE_HEADER_2 = 2,
	ENA_LLQ_DESCS_BEFORE_HEADER_4 = 4,
	ENA_LLQ_DESCS_BEFORE_HEADER_8 = 8,
};

/*
 * Inline-header mode only: how descriptors that do not fit in the first
 * entry are laid out in the following entries.
 */
enum ena_llq_stride_ctrl {
	ENA_LLQ_STRIDE_SINGLE_DESC = 1,
	ENA_LLQ_STRIDE_MULTI_DESC = 2,
};

/* Bit numbers in ena_feat_llq_accel {supported,enabled}_flags. */
enum ena_llq_accel_flag {
	ENA_LLQ_ACCEL_NO_META_CACHING = 0, /* meta desc on every packet */
	ENA_LLQ_ACCEL_LIMIT_TX_BURST = 1,  /* honour max_tx_burst_size */
};

/* Bytes of one descriptor list entry, 0 for an unknown code. */
static inline unsigned int
ena_llq_entry_bytes(enum ena_llq_entry_size code)
{
	switch (code) {
	case ENA_LLQ_ENTRY_128B:
		return 128;
	case ENA_LLQ_ENTRY_192B:
		return 192;
	case ENA_LLQ_ENTRY_256B:
		return 256;
	}
	return 0;
}

/*
 * A packet's first LLQ entry holds descs_before_header descriptors of
 * ENA_LLQ_DESC_BYTES each, then the pushed header; the remaining
 * descriptors fill the next entries, one or many per entry by stride ctrl.
 * Entry n of a queue sits at llq_desc_offset + n * entry bytes in BAR 2.
 */
#define ENA_LLQ_DESC_BYTES 16
static_assert(sizeof(struct ena_tx_desc) == ENA_LLQ_DESC_BYTES, "llq desc");

static inline unsigned int
ena_llq_header_offset(unsigned int descs_before_header)
{
	return descs_before_header * ENA_LLQ_DESC_BYTES;
}

static inline unsigned int
ena_llq_descs_per_entry(
	enum ena_llq_stride_ctrl stride, unsigned int entry_bytes)
{
	return stride == ENA_LLQ_STRIDE_MULTI_DESC
		? entry_bytes / ENA_LLQ_DESC_BYTES
		: 1;
}

/* Entries the driver may write between doorbells under LIMIT_TX_BURST. */
static inline unsigned int
ena_llq_burst_entries(unsigned int max_tx_burst_bytes, unsigned int entry_bytes)
{
	return entry_bytes != 0 ? max_tx_burst_bytes / entry_bytes : 0;
}

/* Value for a CQ's unmask register: moderation delays and unmask bit. */
static inline uint32_t
ena_intr_reg_value(uint32_t rx_delay, uint32_t tx_delay, int unmask)
{
	uint32_t v = 0;

	ENA_FIELD_SET(v, ENA_INTR_REG_RX_DELAY, rx_delay);
	ENA_FIELD_SET(v, ENA_INTR_REG_TX_DELAY, tx_delay);
	ENA_FIELD_SET(v, ENA_INTR_REG_UNMASK, unmask ? 1u : 0u);
	return v;
}

/* ---- Request id and address helpers ---- */

static inline void
ena_tx_desc_req_id_set(struct ena_tx_desc *d, uint16_t req_id)
{
	ENA_FIELD_SET(d->meta_ctrl, ENA_TX_DESC_REQ_ID_LO, req_id);
	ENA_FIELD_SET(d->len_ctrl, ENA_TX_DESC_REQ_ID_HI,
		(uint32_t)req_id >> ENA_TX_REQ_ID_LO_BITS);
}

static inline uint16_t
ena_tx_desc_req_id_get(const struct ena_tx_desc *d)
{
	return (uint16_t)(ENA_FIELD_GET(d->meta_ctrl, ENA_TX_DESC_REQ_ID_LO) |
		(ENA_FIELD_GET(d->len_ctrl, ENA_TX_DESC_REQ_ID_HI)
			<< ENA_TX_REQ_ID_LO_BITS));
}

static inline void
ena_tx_desc_addr_set(struct ena_tx_desc *d, uint64_t addr)
{
	d->addr_lo = (uint32_t)addr;
	ENA_FIELD_SET(
		d->addr_hi_hdr, ENA_TX_DESC_ADDR_HI, (uint32_t)(addr >> 32));
}

static inline uint64_t
ena_tx_desc_addr_get(const struct ena_tx_desc *d)
{
	return ((uint64_t)ENA_FIELD_GET(d->addr_hi_hdr, ENA_TX_DESC_ADDR_HI)
		       << 32) |
		d->addr_lo;
}

static inline void
ena_tx_meta_req_id_set(struct ena_tx_meta_desc *m, uint16_t req_id)
{
	ENA_FIELD_SET(m->len_ctrl, ENA_TX_META_REQ_ID_LO, req_id);
	ENA_FIELD_SET(m->word1, ENA_TX_META_REQ_ID_HI,
		(uint32_t)req_id >> ENA_TX_REQ_ID_LO_BITS);
}

static inline uint16_t
ena_tx_meta_req_id_get(const struct ena_tx_meta_desc *m)
{
	return (uint16_t)(ENA_FIELD_GET(m->len_ctrl, ENA_TX_META_REQ_ID_LO) |
		(ENA_FIELD_GET(m->word1, ENA_TX_META_REQ_ID_HI)
			<< ENA_TX_REQ_ID_LO_BITS));
}

static inline void
ena_tx_meta_mss_set(struct ena_tx_meta_desc *m, uint16_t mss)
{
	ENA_FIELD_SET(m->word2, ENA_TX_META_MSS_LO, mss);
	ENA_FIELD_SET(m->len_ctrl, ENA_TX_META_MSS_HI,
		(uint32_t)mss >> ENA_TX_META_MSS_LO_BITS);
}

static inline uint16_t
ena_tx_meta_mss_get(const struct ena_tx_meta_desc *m)
{
	return (uint16_t)(ENA_FIELD_GET(m->word2, ENA_TX_META_MSS_LO) |
		(ENA_FIELD_GET(m->len_ctrl, ENA_TX_META_MSS_HI)
			<< ENA_TX_META_MSS_LO_BITS));
}

static inline void
ena_rx_desc_addr_set(struct ena_rx_desc *d, uint64_t addr)
{
	d->addr_lo = (uint32_t)addr;
	d->addr_hi = (uint16_t)(addr >> 32);
}

static inline uint64_t
ena_rx_desc_addr_get(const struct ena_rx_desc *d)
{
	return ((uint64_t)d->addr_hi << 32) | d->addr_lo;
}

#endif /* ENA_DEFS_ETH_IO_H_ */

/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */

/*
 * Suite "abi": our device-interface headers (ena_defs/) must describe the
 * same device as the vendor's reference headers. Both are compiled into
 * this one file (the naming contract keeps them from colliding) and every
 * offset, size, enum value and bit field of ours is compared with its
 * reference counterpart. The checks are tables of {what, ours, reference}
 * so that adding a fact is one line.
 *
 * The reference is the one of the DPDK release built against
 * (ENA_REF_RELEASE, year * 100 + month, from the SDK cache). Ours follow
 * the newest reference, so the tables are grouped by release: facts every
 * reference has, facts the 22.11 reference had and later ones dropped or
 * grew (there, ours must extend the reference at its end), and facts the
 * references have from 24.11 and from 25.11 on.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "test.h"

#include "ena_defs.h"

#ifdef ENA_HAVE_REFERENCE

/* The reference headers expect the Linux-style helpers from the platform. */
#ifndef BIT
#define BIT(n) (1U << (n))
#endif
#ifndef GENMASK
#define GENMASK(h, l) ((~0U >> (31 - (h))) & (~0U << (l)))
#endif
#include <ena_defs/ena_includes.h>

struct abi_fact {
	const char *what;
	uint64_t ours;
	uint64_t ref;
};

/* Brace-initialiser macros are laid out by hand. */
/* clang-format off */
/* A constant of ours against the reference constant. */
#define ABI_VAL(o, r) { #o " vs " #r, (uint64_t)(o), (uint64_t)(r) }

/* Register offset. */
#define ABI_REG(n) \
	{ "ENA_REG_" #n " offset", ENA_REG_##n, ENA_REGS_##n##_OFF }

/* Bit field: mask and shift. ABI_BITS0 when the reference has no shift. */
#define ABI_BITS(o, r) \
	{ #o "_MASK vs " #r "_MASK", o##_MASK, r##_MASK }, \
	{ #o "_SHIFT vs " #r "_SHIFT", o##_SHIFT, r##_SHIFT }
#define ABI_BITS0(o, r) \
	{ #o "_MASK vs " #r "_MASK", o##_MASK, r##_MASK }, \
	{ #o "_SHIFT vs bit 0", o##_SHIFT, 0 }

/* Whole structure size. */
#define ABI_SIZE(o, r) \
	{ "sizeof(struct " #o ") vs " #r, sizeof(struct o), sizeof(struct r) }

/* Where a member of ours sits, against a reference member of other type. */
#define ABI_OFF(o, of, r, rf) \
	{ "offsetof(" #o "." #of ") vs " #r "." #rf, \
	  offsetof(struct o, of), offsetof(struct r, rf) }

/* A structure of ours that extends the reference's: starts at its end. */
#define ABI_TAIL(o, of, r) \
	{ "offsetof(" #o "." #of ") vs sizeof(struct " #r ")", \
	  offsetof(struct o, of), sizeof(struct r) }

/* Structure member: where it sits and how large it is. */
#define ABI_MEMB(o, of, r, rf) \
	{ "offsetof(" #o "." #of ") vs " #r "." #rf, \
	  offsetof(struct o, of), offsetof(struct r, rf) }, \
	{ "sizeof(" #o "." #of ") vs " #r "." #rf, \
	  sizeof(((struct o *)0)->of), sizeof(((struct r *)0)->rf) }
/* clang-format on */

static const struct abi_fact abi_regs[] = {
	ABI_REG(VERSION),
	ABI_REG(CONTROLLER_VERSION),
	ABI_REG(CAPS),
	ABI_REG(CAPS_EXT),
	ABI_REG(AQ_BASE_LO),
	ABI_REG(AQ_BASE_HI),
	ABI_REG(AQ_CAPS),
	ABI_REG(ACQ_BASE_LO),
	ABI_REG(ACQ_BASE_HI),
	ABI_REG(ACQ_CAPS),
	ABI_REG(AQ_DB),
	ABI_REG(ACQ_TAIL),
	ABI_REG(AENQ_CAPS),
	ABI_REG(AENQ_BASE_LO),
	ABI_REG(AENQ_BASE_HI),
	ABI_REG(AENQ_HEAD_DB),
	ABI_REG(AENQ_TAIL),
	ABI_REG(INTR_MASK),
	ABI_REG(DEV_CTL),
	ABI_REG(DEV_STS),
	ABI_REG(MMIO_REG_READ),
	ABI_REG(MMIO_RESP_LO),
	ABI_REG(MMIO_RESP_HI),
	ABI_REG(RSS_IND_ENTRY_UPDATE),
};

static const struct abi_fact abi_reg_fields[] = {
	ABI_BITS0(ENA_REG_VERSION_MINOR, ENA_REGS_VERSION_MINOR_VERSION),
	ABI_BITS(ENA_REG_VERSION_MAJOR, ENA_REGS_VERSION_MAJOR_VERSION),
	ABI_BITS0(ENA_REG_CONTROLLER_VERSION_SUBMINOR,
		ENA_REGS_CONTROLLER_VERSION_SUBMINOR_VERSION),
	ABI_BITS(ENA_REG_CONTROLLER_VERSION_MINOR,
		ENA_REGS_CONTROLLER_VERSION_MINOR_VERSION),
	ABI_BITS(ENA_REG_CONTROLLER_VERSION_MAJOR,
		ENA_REGS_CONTROLLER_VERSION_MAJOR_VERSION),
	ABI_BITS(ENA_REG_CONTROLLER_VERSION_IMPL_ID,
		ENA_REGS_CONTROLLER_VERSION_IMPL_ID),
	ABI_BITS0(ENA_REG_CAPS_CONTIG_QUEUE_REQUIRED,
		ENA_REGS_CAPS_CONTIGUOUS_QUEUE_REQUIRED),
	ABI_BITS(ENA_REG_CAPS_RESET_TIMEOUT, ENA_REGS_CAPS_RESET_TIMEOUT),
	ABI_BITS(ENA_REG_CAPS_DMA_ADDR_WIDTH, ENA_REGS_CAPS_DMA_ADDR_WIDTH),
	ABI_BITS(ENA_REG_CAPS_ADMIN_CMD_TO, ENA_REGS_CAPS_ADMIN_CMD_TO),
	ABI_BITS0(ENA_REG_AQ_CAPS_DEPTH, ENA_REGS_AQ_CAPS_AQ_DEPTH),
	ABI_BITS(ENA_REG_AQ_CAPS_ENTRY_SIZE, ENA_REGS_AQ_CAPS_AQ_ENTRY_SIZE),
	ABI_BITS0(ENA_REG_ACQ_CAPS_DEPTH, ENA_REGS_ACQ_CAPS_ACQ_DEPTH),
	ABI_BITS(ENA_REG_ACQ_CAPS_ENTRY_SIZE, ENA_REGS_ACQ_CAPS_ACQ_ENTRY_SIZE),
	ABI_BITS0(ENA_REG_AENQ_CAPS_DEPTH, ENA_REGS_AENQ_CAPS_AENQ_DEPTH),
	ABI_BITS(ENA_REG_AENQ_CAPS_ENTRY_SIZE,
		ENA_REGS_AENQ_CAPS_AENQ_ENTRY_SIZE),
	ABI_BITS0(ENA_REG_DEV_CTL_DEV_RESET, ENA_REGS_DEV_CTL_DEV_RESET),
	ABI_BITS(ENA_REG_DEV_CTL_AQ_RESTART, ENA_REGS_DEV_CTL_AQ_RESTART),
	ABI_BITS(ENA_REG_DEV_CTL_QUIESCENT, ENA_REGS_DEV_CTL_QUIESCENT),
	ABI_BITS(ENA_REG_DEV_CTL_IO_RESUME, ENA_REGS_DEV_CTL_IO_RESUME),
	ABI_BITS(ENA_REG_DEV_CTL_RESET_REASON, ENA_REGS_DEV_CTL_RESET_REASON),
	ABI_BITS0(ENA_REG_DEV_STS_READY, ENA_REGS_DEV_STS_READY),
	ABI_BITS(ENA_REG_DEV_STS_AQ_RESTART_IN_PROGRESS,
		ENA_REGS_DEV_STS_AQ_RESTART_IN_PROGRESS),
	ABI_BITS(ENA_REG_DEV_STS_AQ_RESTART_FINISHED,
		ENA_REGS_DEV_STS_AQ_RESTART_FINISHED),
	ABI_BITS(ENA_REG_DEV_STS_RESET_IN_PROGRESS,
		ENA_REGS_DEV_STS_RESET_IN_PROGRESS),
	ABI_BITS(ENA_REG_DEV_STS_RESET_FINISHED,
		ENA_REGS_DEV_STS_RESET_FINISHED),
	ABI_BITS(ENA_REG_DEV_STS_FATAL_ERROR, ENA_REGS_DEV_STS_FATAL_ERROR),
	ABI_BITS(ENA_REG_DEV_STS_QUIESCENT_IN_PROGRESS,
		ENA_REGS_DEV_STS_QUIESCENT_STATE_IN_PROGRESS),
	ABI_BITS(ENA_REG_DEV_STS_QUIESCENT_ACHIEVED,
		ENA_REGS_DEV_STS_QUIESCENT_STATE_ACHIEVED),
	ABI_BITS0(ENA_REG_MMIO_REG_READ_REQ_ID, ENA_REGS_MMIO_REG_READ_REQ_ID),
	ABI_BITS(ENA_REG_MMIO_REG_READ_REG_OFF, ENA_REGS_MMIO_REG_READ_REG_OFF),
	ABI_BITS0(ENA_REG_RSS_IND_ENTRY_UPDATE_INDEX,
		ENA_REGS_RSS_IND_ENTRY_UPDATE_INDEX),
	ABI_BITS(ENA_REG_RSS_IND_ENTRY_UPDATE_CQ_IDX,
		ENA_REGS_RSS_IND_ENTRY_UPDATE_CQ_IDX),
};

static const struct abi_fact abi_enums[] = {
	/* reset reasons */
	ABI_VAL(ENA_RESET_REASON_NORMAL, ENA_REGS_RESET_NORMAL),
	ABI_VAL(ENA_RESET_REASON_KEEP_ALIVE_TO, ENA_REGS_RESET_KEEP_ALIVE_TO),
	ABI_VAL(ENA_RESET_REASON_ADMIN_TO, ENA_REGS_RESET_ADMIN_TO),
	ABI_VAL(ENA_RESET_REASON_MISS_TX_CMPL, ENA_REGS_RESET_MISS_TX_CMPL),
	ABI_VAL(ENA_RESET_REASON_INV_RX_REQ_ID, ENA_REGS_RESET_INV_RX_REQ_ID),
	ABI_VAL(ENA_RESET_REASON_INV_TX_REQ_ID, ENA_REGS_RESET_INV_TX_REQ_ID),
	ABI_VAL(ENA_RESET_REASON_TOO_MANY_RX_DESCS,
		ENA_REGS_RESET_TOO_MANY_RX_DESCS),
	ABI_VAL(ENA_RESET_REASON_INIT_ERR, ENA_REGS_RESET_INIT_ERR),
	ABI_VAL(ENA_RESET_REASON_DRIVER_INVALID_STATE,
		ENA_REGS_RESET_DRIVER_INVALID_STATE),
	ABI_VAL(ENA_RESET_REASON_OS_TRIGGER, ENA_REGS_RESET_OS_TRIGGER),
	ABI_VAL(ENA_RESET_REASON_OS_NETDEV_WD, ENA_REGS_RESET_OS_NETDEV_WD),
	ABI_VAL(ENA_RESET_REASON_SHUTDOWN, ENA_REGS_RESET_SHUTDOWN),
	ABI_VAL(ENA_RESET_REASON_USER_TRIGGER, ENA_REGS_RESET_USER_TRIGGER),
	ABI_VAL(ENA_RESET_REASON_GENERIC, ENA_REGS_RESET_GENERIC),
	ABI_VAL(ENA_RESET_REASON_MISS_INTERRUPT, ENA_REGS_RESET_MISS_INTERRUPT),
	/* spec version */
	ABI_VAL(ENA_SPEC_VERSION_MAJOR, ENA_COMMON_SPEC_VERSION_MAJOR),
	ABI_VAL(ENA_SPEC_VERSION_MINOR, ENA_COMMON_SPEC_VERSION_MINOR),
	/* admin opcodes */
	ABI_VAL(ENA_AQ_OP_CREATE_SQ, ENA_ADMIN_CREATE_SQ),
	ABI_VAL(ENA_AQ_OP_DESTROY_SQ, ENA_ADMIN_DESTROY_SQ),
	ABI_VAL(ENA_AQ_OP_CREATE_CQ, ENA_ADMIN_CREATE_CQ),
	ABI_VAL(ENA_AQ_OP_DESTROY_CQ, ENA_ADMIN_DESTROY_CQ),
	ABI_VAL(ENA_AQ_OP_GET_FEATURE, ENA_ADMIN_GET_FEATURE),
	ABI_VAL(ENA_AQ_OP_SET_FEATURE, ENA_ADMIN_SET_FEATURE),
	ABI_VAL(ENA_AQ_OP_GET_STATS, ENA_ADMIN_GET_STATS),
	/* completion status */
	ABI_VAL(ENA_AQ_STATUS_SUCCESS, ENA_ADMIN_SUCCESS),
	ABI_VAL(ENA_AQ_STATUS_RESOURCE_ALLOC_FAILURE,
		ENA_ADMIN_RESOURCE_ALLOCATION_FAILURE),
	ABI_VAL(ENA_AQ_STATUS_BAD_OPCODE, ENA_ADMIN_BAD_OPCODE),
	ABI_VAL(ENA_AQ_STATUS_UNSUPPORTED_OPCODE, ENA_ADMIN_UNSUPPORTED_OPCODE),
	ABI_VAL(ENA_AQ_STATUS_MALFORMED_REQUEST, ENA_ADMIN_MALFORMED_REQUEST),
	ABI_VAL(ENA_AQ_STATUS_ILLEGAL_PARAMETER, ENA_ADMIN_ILLEGAL_PARAMETER),
	ABI_VAL(ENA_AQ_STATUS_UNKNOWN_ERROR, ENA_ADMIN_UNKNOWN_ERROR),
	ABI_VAL(ENA_AQ_STATUS_RESOURCE_BUSY, ENA_ADMIN_RESOURCE_BUSY),
	/* feature ids */
	ABI_VAL(ENA_FEAT_DEVICE_ATTRIBUTES, ENA_ADMIN_DEVICE_ATTRIBUTES),
	ABI_VAL(ENA_FEAT_MAX_QUEUES_NUM, ENA_ADMIN_MAX_QUEUES_NUM),
	ABI_VAL(ENA_FEAT_HW_HINTS, ENA_ADMIN_HW_HINTS),
	ABI_VAL(ENA_FEAT_LLQ, ENA_ADMIN_LLQ),
	ABI_VAL(ENA_FEAT_EXTRA_PROP_STRINGS,
		ENA_ADMIN_EXTRA_PROPERTIES_STRINGS),
	ABI_VAL(ENA_FEAT_EXTRA_PROP_FLAGS, ENA_ADMIN_EXTRA_PROPERTIES_FLAGS),
	ABI_VAL(ENA_FEAT_MAX_QUEUES_EXT, ENA_ADMIN_MAX_QUEUES_EXT),
	ABI_VAL(ENA_FEAT_RSS_HASH_FUNCTION, ENA_ADMIN_RSS_HASH_FUNCTION),
	ABI_VAL(ENA_FEAT_STATELESS_OFFLOAD, ENA_ADMIN_STATELESS_OFFLOAD_CONFIG),
	ABI_VAL(ENA_FEAT_RSS_IND_TABLE, ENA_ADMIN_RSS_INDIRECTION_TABLE_CONFIG),
	ABI_VAL(ENA_FEAT_MTU, ENA_ADMIN_MTU),
	ABI_VAL(ENA_FEAT_RSS_HASH_INPUT, ENA_ADMIN_RSS_HASH_INPUT),
	ABI_VAL(ENA_FEAT_INTR_MODERATION, ENA_ADMIN_INTERRUPT_MODERATION),
	ABI_VAL(ENA_FEAT_AENQ_CONFIG, ENA_ADMIN_AENQ_CONFIG),
	ABI_VAL(ENA_FEAT_LINK_CONFIG, ENA_ADMIN_LINK_CONFIG),
	ABI_VAL(ENA_FEAT_HOST_ATTR, ENA_ADMIN_HOST_ATTR_CONFIG),
	ABI_VAL(ENA_FEAT_ID_LIMIT, ENA_ADMIN_FEATURES_OPCODE_NUM),
	/* queue creation */
	ABI_VAL(ENA_PLACEMENT_HOST, ENA_ADMIN_PLACEMENT_POLICY_HOST),
	ABI_VAL(ENA_PLACEMENT_DEV, ENA_ADMIN_PLACEMENT_POLICY_DEV),
	ABI_VAL(ENA_COMPLETION_DESC, ENA_ADMIN_COMPLETION_POLICY_DESC),
	ABI_VAL(ENA_COMPLETION_DESC_ON_DEMAND,
		ENA_ADMIN_COMPLETION_POLICY_DESC_ON_DEMAND),
	ABI_VAL(ENA_COMPLETION_HEAD_ON_DEMAND,
		ENA_ADMIN_COMPLETION_POLICY_HEAD_ON_DEMAND),
	ABI_VAL(ENA_COMPLETION_HEAD, ENA_ADMIN_COMPLETION_POLICY_HEAD),
	ABI_VAL(ENA_SQ_DIR_TX, ENA_ADMIN_SQ_DIRECTION_TX),
	ABI_VAL(ENA_SQ_DIR_RX, ENA_ADMIN_SQ_DIRECTION_RX),
	/* link speeds */
	ABI_VAL(ENA_LINK_SPEED_1G, ENA_ADMIN_LINK_SPEED_1G),
	ABI_VAL(ENA_LINK_SPEED_2_5G, ENA_ADMIN_LINK_SPEED_2_HALF_G),
	ABI_VAL(ENA_LINK_SPEED_5G, ENA_ADMIN_LINK_SPEED_5G),
	ABI_VAL(ENA_LINK_SPEED_10G, ENA_ADMIN_LINK_SPEED_10G),
	ABI_VAL(ENA_LINK_SPEED_25G, ENA_ADMIN_LINK_SPEED_25G),
	ABI_VAL(ENA_LINK_SPEED_40G, ENA_ADMIN_LINK_SPEED_40G),
	ABI_VAL(ENA_LINK_SPEED_50G, ENA_ADMIN_LINK_SPEED_50G),
	ABI_VAL(ENA_LINK_SPEED_100G, ENA_ADMIN_LINK_SPEED_100G),
	ABI_VAL(ENA_LINK_SPEED_200G, ENA_ADMIN_LINK_SPEED_200G),
	ABI_VAL(ENA_LINK_SPEED_400G, ENA_ADMIN_LINK_SPEED_400G),
	/* statistics */
	ABI_VAL(ENA_STATS_TYPE_BASIC, ENA_ADMIN_GET_STATS_TYPE_BASIC),
	ABI_VAL(ENA_STATS_TYPE_EXTENDED, ENA_ADMIN_GET_STATS_TYPE_EXTENDED),
	ABI_VAL(ENA_STATS_TYPE_ENI, ENA_ADMIN_GET_STATS_TYPE_ENI),
	ABI_VAL(ENA_STATS_SCOPE_QUEUE, ENA_ADMIN_SPECIFIC_QUEUE),
	ABI_VAL(ENA_STATS_SCOPE_ETH_TRAFFIC, ENA_ADMIN_ETH_TRAFFIC),
	/* LLQ */
	ABI_VAL(ENA_LLQ_HEADER_INLINE, ENA_ADMIN_INLINE_HEADER),
	ABI_VAL(ENA_LLQ_HEADER_RING, ENA_ADMIN_HEADER_RING),
	ABI_VAL(ENA_LLQ_ENTRY_128B, ENA_ADMIN_LIST_ENTRY_SIZE_128B),
	ABI_VAL(ENA_LLQ_ENTRY_192B, ENA_ADMIN_LIST_ENTRY_SIZE_192B),
	ABI_VAL(ENA_LLQ_ENTRY_256B, ENA_ADMIN_LIST_ENTRY_SIZE_256B),
	ABI_VAL(ENA_LLQ_DESCS_BEFORE_HEADER_0,
		ENA_ADMIN_LLQ_NUM_DESCS_BEFORE_HEADER_0),
	ABI_VAL(ENA_LLQ_DESCS_BEFORE_HEADER_1,
		ENA_ADMIN_LLQ_NUM_DESCS_BEFORE_HEADER_1),
	ABI_VAL(ENA_LLQ_DESCS_BEFORE_HEADER_2,
		ENA_ADMIN_LLQ_NUM_DESCS_BEFORE_HEADER_2),
	ABI_VAL(ENA_LLQ_DESCS_BEFORE_HEADER_4,
		ENA_ADMIN_LLQ_NUM_DESCS_BEFORE_HEADER_4),
	ABI_VAL(ENA_LLQ_DESCS_BEFORE_HEADER_8,
		ENA_ADMIN_LLQ_NUM_DESCS_BEFORE_HEADER_8),
	ABI_VAL(ENA_LLQ_STRIDE_SINGLE_DESC, ENA_ADMIN_SINGLE_DESC_PER_ENTRY),
	ABI_VAL(ENA_LLQ_STRIDE_MULTI_DESC, ENA_ADMIN_MULTIPLE_DESCS_PER_ENTRY),
	ABI_VAL(ENA_LLQ_ACCEL_NO_META_CACHING, ENA_ADMIN_DISABLE_META_CACHING),
	ABI_VAL(ENA_LLQ_ACCEL_LIMIT_TX_BURST, ENA_ADMIN_LIMIT_TX_BURST),
	/* RSS */
	ABI_VAL(ENA_RSS_KEY_WORDS, ENA_ADMIN_RSS_KEY_PARTS),
	ABI_VAL(ENA_RSS_FUNC_TOEPLITZ, ENA_ADMIN_TOEPLITZ),
	ABI_VAL(ENA_RSS_FUNC_CRC32, ENA_ADMIN_CRC32),
	ABI_VAL(ENA_RSS_PROTO_TCP4, ENA_ADMIN_RSS_TCP4),
	ABI_VAL(ENA_RSS_PROTO_UDP4, ENA_ADMIN_RSS_UDP4),
	ABI_VAL(ENA_RSS_PROTO_TCP6, ENA_ADMIN_RSS_TCP6),
	ABI_VAL(ENA_RSS_PROTO_UDP6, ENA_ADMIN_RSS_UDP6),
	ABI_VAL(ENA_RSS_PROTO_IP4, ENA_ADMIN_RSS_IP4),
	ABI_VAL(ENA_RSS_PROTO_IP6, ENA_ADMIN_RSS_IP6),
	ABI_VAL(ENA_RSS_PROTO_IP4_FRAG, ENA_ADMIN_RSS_IP4_FRAG),
	ABI_VAL(ENA_RSS_PROTO_NOT_IP, ENA_ADMIN_RSS_NOT_IP),
	ABI_VAL(ENA_RSS_PROTO_TCP6_EX, ENA_ADMIN_RSS_TCP6_EX),
	ABI_VAL(ENA_RSS_PROTO_IP6_EX, ENA_ADMIN_RSS_IP6_EX),
	ABI_VAL(ENA_RSS_PROTO_COUNT, ENA_ADMIN_RSS_PROTO_NUM),
	ABI_VAL(ENA_RSS_FIELD_L2_DA, ENA_ADMIN_RSS_L2_DA),
	ABI_VAL(ENA_RSS_FIELD_L2_SA, ENA_ADMIN_RSS_L2_SA),
	ABI_VAL(ENA_RSS_FIELD_L3_DA, ENA_ADMIN_RSS_L3_DA),
	ABI_VAL(ENA_RSS_FIELD_L3_SA, ENA_ADMIN_RSS_L3_SA),
	ABI_VAL(ENA_RSS_FIELD_L4_DP, ENA_ADMIN_RSS_L4_DP),
	ABI_VAL(ENA_RSS_FIELD_L4_SP, ENA_ADMIN_RSS_L4_SP),
	/* AENQ */
	ABI_VAL(ENA_AENQ_GROUP_LINK_CHANGE, ENA_ADMIN_LINK_CHANGE),
	ABI_VAL(ENA_AENQ_GROUP_FATAL_ERROR, ENA_ADMIN_FATAL_ERROR),
	ABI_VAL(ENA_AENQ_GROUP_WARNING, ENA_ADMIN_WARNING),
	ABI_VAL(ENA_AENQ_GROUP_NOTIFICATION, ENA_ADMIN_NOTIFICATION),
	ABI_VAL(ENA_AENQ_GROUP_KEEP_ALIVE, ENA_ADMIN_KEEP_ALIVE),
	ABI_VAL(ENA_AENQ_NOTIFY_UPDATE_HINTS, ENA_ADMIN_UPDATE_HINTS),
	/* data path protocol indexes */
	ABI_VAL(ENA_L3_PROTO_UNKNOWN, ENA_ETH_IO_L3_PROTO_UNKNOWN),
	ABI_VAL(ENA_L3_PROTO_IPV4, ENA_ETH_IO_L3_PROTO_IPV4),
	ABI_VAL(ENA_L3_PROTO_IPV6, ENA_ETH_IO_L3_PROTO_IPV6),
	ABI_VAL(ENA_L3_PROTO_FCOE, ENA_ETH_IO_L3_PROTO_FCOE),
	ABI_VAL(ENA_L3_PROTO_ROCE, ENA_ETH_IO_L3_PROTO_ROCE),
	ABI_VAL(ENA_L4_PROTO_UNKNOWN, ENA_ETH_IO_L4_PROTO_UNKNOWN),
	ABI_VAL(ENA_L4_PROTO_TCP, ENA_ETH_IO_L4_PROTO_TCP),
	ABI_VAL(ENA_L4_PROTO_UDP, ENA_ETH_IO_L4_PROTO_UDP),
	ABI_VAL(ENA_L4_PROTO_ROUTEABLE_ROCE,
		ENA_ETH_IO_L4_PROTO_ROUTEABLE_ROCE),
};

static const struct abi_fact abi_admin_fields[] = {
	ABI_BITS0(ENA_AQ_DESC_CMD_ID, ENA_ADMIN_AQ_COMMON_DESC_COMMAND_ID),
	ABI_BITS0(ENA_AQ_DESC_PHASE, ENA_ADMIN_AQ_COMMON_DESC_PHASE),
	ABI_BITS(ENA_AQ_DESC_CTRL_DATA, ENA_ADMIN_AQ_COMMON_DESC_CTRL_DATA),
	ABI_BITS(ENA_AQ_DESC_CTRL_INDIRECT,
		ENA_ADMIN_AQ_COMMON_DESC_CTRL_DATA_INDIRECT),
	ABI_BITS(ENA_AQ_SQ_REF_DIR, ENA_ADMIN_SQ_SQ_DIRECTION),
	ABI_BITS0(ENA_AQ_COMP_CMD_ID, ENA_ADMIN_ACQ_COMMON_DESC_COMMAND_ID),
	ABI_BITS0(ENA_AQ_COMP_PHASE, ENA_ADMIN_ACQ_COMMON_DESC_PHASE),
	ABI_BITS(ENA_AQ_CREATE_SQ_DIR, ENA_ADMIN_AQ_CREATE_SQ_CMD_SQ_DIRECTION),
	ABI_BITS0(ENA_AQ_CREATE_SQ_PLACEMENT,
		ENA_ADMIN_AQ_CREATE_SQ_CMD_PLACEMENT_POLICY),
	ABI_BITS(ENA_AQ_CREATE_SQ_COMPLETION,
		ENA_ADMIN_AQ_CREATE_SQ_CMD_COMPLETION_POLICY),
	ABI_BITS0(ENA_AQ_CREATE_SQ_PHYS_CONTIG,
		ENA_ADMIN_AQ_CREATE_SQ_CMD_IS_PHYSICALLY_CONTIGUOUS),
	ABI_BITS(ENA_AQ_CREATE_CQ_INTR_MODE,
		ENA_ADMIN_AQ_CREATE_CQ_CMD_INTERRUPT_MODE_ENABLED),
	ABI_BITS0(ENA_AQ_CREATE_CQ_ENTRY_WORDS,
		ENA_ADMIN_AQ_CREATE_CQ_CMD_CQ_ENTRY_SIZE_WORDS),
	ABI_BITS0(ENA_FEAT_COMMON_SELECT,
		ENA_ADMIN_GET_SET_FEATURE_COMMON_DESC_SELECT),
	ABI_BITS0(
		ENA_FEAT_LINK_AUTONEG, ENA_ADMIN_GET_FEATURE_LINK_DESC_AUTONEG),
	ABI_BITS(ENA_FEAT_LINK_DUPLEX, ENA_ADMIN_GET_FEATURE_LINK_DESC_DUPLEX),
	ABI_BITS0(ENA_OFFLOAD_TX_L3_CSUM_IPV4,
		ENA_ADMIN_FEATURE_OFFLOAD_DESC_TX_L3_CSUM_IPV4),
	ABI_BITS(ENA_OFFLOAD_TX_L4_IPV4_CSUM_PART,
		ENA_ADMIN_FEATURE_OFFLOAD_DESC_TX_L4_IPV4_CSUM_PART),
	ABI_BITS(ENA_OFFLOAD_TX_L4_IPV4_CSUM_FULL,
		ENA_ADMIN_FEATURE_OFFLOAD_DESC_TX_L4_IPV4_CSUM_FULL),
	ABI_BITS(ENA_OFFLOAD_TX_L4_IPV6_CSUM_PART,
		ENA_ADMIN_FEATURE_OFFLOAD_DESC_TX_L4_IPV6_CSUM_PART),
	ABI_BITS(ENA_OFFLOAD_TX_L4_IPV6_CSUM_FULL,
		ENA_ADMIN_FEATURE_OFFLOAD_DESC_TX_L4_IPV6_CSUM_FULL),
	ABI_BITS(ENA_OFFLOAD_TX_TSO_IPV4,
		ENA_ADMIN_FEATURE_OFFLOAD_DESC_TSO_IPV4),
	ABI_BITS(ENA_OFFLOAD_TX_TSO_IPV6,
		ENA_ADMIN_FEATURE_OFFLOAD_DESC_TSO_IPV6),
	ABI_BITS(
		ENA_OFFLOAD_TX_TSO_ECN, ENA_ADMIN_FEATURE_OFFLOAD_DESC_TSO_ECN),
	ABI_BITS0(ENA_OFFLOAD_RX_L3_CSUM_IPV4,
		ENA_ADMIN_FEATURE_OFFLOAD_DESC_RX_L3_CSUM_IPV4),
	ABI_BITS(ENA_OFFLOAD_RX_L4_IPV4_CSUM,
		ENA_ADMIN_FEATURE_OFFLOAD_DESC_RX_L4_IPV4_CSUM),
	ABI_BITS(ENA_OFFLOAD_RX_L4_IPV6_CSUM,
		ENA_ADMIN_FEATURE_OFFLOAD_DESC_RX_L4_IPV6_CSUM),
	ABI_BITS(ENA_OFFLOAD_RX_HASH, ENA_ADMIN_FEATURE_OFFLOAD_DESC_RX_HASH),
	ABI_BITS0(ENA_RSS_FUNC_SUPPORTED,
		ENA_ADMIN_FEATURE_RSS_FLOW_HASH_FUNCTION_FUNCS),
	ABI_BITS0(ENA_RSS_FUNC_SELECTED,
		ENA_ADMIN_FEATURE_RSS_FLOW_HASH_FUNCTION_SELECTED_FUNC),
	ABI_BITS(ENA_RSS_INPUT_L3_SORT,
		ENA_ADMIN_FEATURE_RSS_FLOW_HASH_INPUT_L3_SORT),
	ABI_BITS(ENA_RSS_INPUT_L4_SORT,
		ENA_ADMIN_FEATURE_RSS_FLOW_HASH_INPUT_L4_SORT),
	ABI_BITS(ENA_RSS_INPUT_L3_SORT,
		ENA_ADMIN_FEATURE_RSS_FLOW_HASH_INPUT_ENABLE_L3_SORT),
	ABI_BITS(ENA_RSS_INPUT_L4_SORT,
		ENA_ADMIN_FEATURE_RSS_FLOW_HASH_INPUT_ENABLE_L4_SORT),
	ABI_BITS0(ENA_HOST_DRV_VER_MAJOR, ENA_ADMIN_HOST_INFO_MAJOR),
	ABI_BITS(ENA_HOST_DRV_VER_MINOR, ENA_ADMIN_HOST_INFO_MINOR),
	ABI_BITS(ENA_HOST_DRV_VER_SUBMINOR, ENA_ADMIN_HOST_INFO_SUB_MINOR),
	ABI_BITS(ENA_HOST_DRV_VER_MODULE_TYPE, ENA_ADMIN_HOST_INFO_MODULE_TYPE),
	ABI_BITS0(ENA_HOST_BDF_FUNCTION, ENA_ADMIN_HOST_INFO_FUNCTION),
	ABI_BITS(ENA_HOST_BDF_DEVICE, ENA_ADMIN_HOST_INFO_DEVICE),
	ABI_BITS(ENA_HOST_BDF_BUS, ENA_ADMIN_HOST_INFO_BUS),
	ABI_BITS(ENA_HOST_FEAT_RX_OFFSET, ENA_ADMIN_HOST_INFO_RX_OFFSET),
	ABI_BITS(ENA_HOST_FEAT_INTR_MODERATION,
		ENA_ADMIN_HOST_INFO_INTERRUPT_MODERATION),
	ABI_BITS(ENA_HOST_FEAT_RX_BUF_MIRRORING,
		ENA_ADMIN_HOST_INFO_RX_BUF_MIRRORING),
	ABI_BITS(ENA_HOST_FEAT_RSS_CONF_FUNC_KEY,
		ENA_ADMIN_HOST_INFO_RSS_CONFIGURABLE_FUNCTION_KEY),
	ABI_BITS0(ENA_RSS_IND_ONE_ENTRY_UPDATE,
		ENA_ADMIN_FEATURE_RSS_IND_TABLE_ONE_ENTRY_UPDATE),
	ABI_BITS0(ENA_AENQ_PHASE, ENA_ADMIN_AENQ_COMMON_DESC_PHASE),
	ABI_BITS0(
		ENA_AENQ_LINK_UP, ENA_ADMIN_AENQ_LINK_CHANGE_DESC_LINK_STATUS),
};

static const struct abi_fact abi_io_fields[] = {
	ABI_BITS0(ENA_TX_DESC_LENGTH, ENA_ETH_IO_TX_DESC_LENGTH),
	ABI_BITS(ENA_TX_DESC_REQ_ID_HI, ENA_ETH_IO_TX_DESC_REQ_ID_HI),
	ABI_BITS(ENA_TX_DESC_META_DESC, ENA_ETH_IO_TX_DESC_META_DESC),
	ABI_BITS(ENA_TX_DESC_PHASE, ENA_ETH_IO_TX_DESC_PHASE),
	ABI_BITS(ENA_TX_DESC_FIRST, ENA_ETH_IO_TX_DESC_FIRST),
	ABI_BITS(ENA_TX_DESC_LAST, ENA_ETH_IO_TX_DESC_LAST),
	ABI_BITS(ENA_TX_DESC_COMP_REQ, ENA_ETH_IO_TX_DESC_COMP_REQ),
	ABI_BITS0(ENA_TX_DESC_L3_PROTO, ENA_ETH_IO_TX_DESC_L3_PROTO_IDX),
	ABI_BITS(ENA_TX_DESC_DF, ENA_ETH_IO_TX_DESC_DF),
	ABI_BITS(ENA_TX_DESC_TSO_EN, ENA_ETH_IO_TX_DESC_TSO_EN),
	ABI_BITS(ENA_TX_DESC_L4_PROTO, ENA_ETH_IO_TX_DESC_L4_PROTO_IDX),
	ABI_BITS(ENA_TX_DESC_L3_CSUM_EN, ENA_ETH_IO_TX_DESC_L3_CSUM_EN),
	ABI_BITS(ENA_TX_DESC_L4_CSUM_EN, ENA_ETH_IO_TX_DESC_L4_CSUM_EN),
	ABI_BITS(ENA_TX_DESC_FCS_DIS, ENA_ETH_IO_TX_DESC_ETHERNET_FCS_DIS),
	ABI_BITS(ENA_TX_DESC_L4_CSUM_PARTIAL,
		ENA_ETH_IO_TX_DESC_L4_CSUM_PARTIAL),
	ABI_BITS(ENA_TX_DESC_REQ_ID_LO, ENA_ETH_IO_TX_DESC_REQ_ID_LO),
	ABI_BITS0(ENA_TX_DESC_ADDR_HI, ENA_ETH_IO_TX_DESC_ADDR_HI),
	ABI_BITS(ENA_TX_DESC_HDR_LEN, ENA_ETH_IO_TX_DESC_HEADER_LENGTH),
	ABI_BITS0(ENA_TX_META_REQ_ID_LO, ENA_ETH_IO_TX_META_DESC_REQ_ID_LO),
	ABI_BITS(ENA_TX_META_EXT_VALID, ENA_ETH_IO_TX_META_DESC_EXT_VALID),
	ABI_BITS(ENA_TX_META_MSS_HI, ENA_ETH_IO_TX_META_DESC_MSS_HI),
	ABI_BITS(ENA_TX_META_ETH_META_TYPE,
		ENA_ETH_IO_TX_META_DESC_ETH_META_TYPE),
	ABI_BITS(ENA_TX_META_META_STORE, ENA_ETH_IO_TX_META_DESC_META_STORE),
	ABI_BITS(ENA_TX_META_META_DESC, ENA_ETH_IO_TX_META_DESC_META_DESC),
	ABI_BITS(ENA_TX_META_PHASE, ENA_ETH_IO_TX_META_DESC_PHASE),
	ABI_BITS(ENA_TX_META_FIRST, ENA_ETH_IO_TX_META_DESC_FIRST),
	ABI_BITS(ENA_TX_META_LAST, ENA_ETH_IO_TX_META_DESC_LAST),
	ABI_BITS(ENA_TX_META_COMP_REQ, ENA_ETH_IO_TX_META_DESC_COMP_REQ),
	ABI_BITS0(ENA_TX_META_REQ_ID_HI, ENA_ETH_IO_TX_META_DESC_REQ_ID_HI),
	ABI_BITS0(ENA_TX_META_L3_HDR_LEN, ENA_ETH_IO_TX_META_DESC_L3_HDR_LEN),
	ABI_BITS(ENA_TX_META_L3_HDR_OFF, ENA_ETH_IO_TX_META_DESC_L3_HDR_OFF),
	ABI_BITS(ENA_TX_META_L4_HDR_WORDS,
		ENA_ETH_IO_TX_META_DESC_L4_HDR_LEN_IN_WORDS),
	ABI_BITS(ENA_TX_META_MSS_LO, ENA_ETH_IO_TX_META_DESC_MSS_LO),
	ABI_BITS0(ENA_TX_CDESC_PHASE, ENA_ETH_IO_TX_CDESC_PHASE),
	ABI_BITS0(ENA_RX_DESC_PHASE, ENA_ETH_IO_RX_DESC_PHASE),
	ABI_BITS(ENA_RX_DESC_FIRST, ENA_ETH_IO_RX_DESC_FIRST),
	ABI_BITS(ENA_RX_DESC_LAST, ENA_ETH_IO_RX_DESC_LAST),
	ABI_BITS(ENA_RX_DESC_COMP_REQ, ENA_ETH_IO_RX_DESC_COMP_REQ),
	ABI_BITS0(ENA_RX_CDESC_L3_PROTO, ENA_ETH_IO_RX_CDESC_BASE_L3_PROTO_IDX),
	ABI_BITS(ENA_RX_CDESC_SRC_VLAN_CNT,
		ENA_ETH_IO_RX_CDESC_BASE_SRC_VLAN_CNT),
	ABI_BITS(ENA_RX_CDESC_L4_PROTO, ENA_ETH_IO_RX_CDESC_BASE_L4_PROTO_IDX),
	ABI_BITS(
		ENA_RX_CDESC_L3_CSUM_ERR, ENA_ETH_IO_RX_CDESC_BASE_L3_CSUM_ERR),
	ABI_BITS(
		ENA_RX_CDESC_L4_CSUM_ERR, ENA_ETH_IO_RX_CDESC_BASE_L4_CSUM_ERR),
	ABI_BITS(ENA_RX_CDESC_IPV4_FRAG, ENA_ETH_IO_RX_CDESC_BASE_IPV4_FRAG),
	ABI_BITS(ENA_RX_CDESC_L4_CSUM_CHECKED,
		ENA_ETH_IO_RX_CDESC_BASE_L4_CSUM_CHECKED),
	ABI_BITS(ENA_RX_CDESC_PHASE, ENA_ETH_IO_RX_CDESC_BASE_PHASE),
	ABI_BITS(ENA_RX_CDESC_L3_CSUM2, ENA_ETH_IO_RX_CDESC_BASE_L3_CSUM2),
	ABI_BITS(ENA_RX_CDESC_FIRST, ENA_ETH_IO_RX_CDESC_BASE_FIRST),
	ABI_BITS(ENA_RX_CDESC_LAST, ENA_ETH_IO_RX_CDESC_BASE_LAST),
	ABI_BITS(ENA_RX_CDESC_BUFFER, ENA_ETH_IO_RX_CDESC_BASE_BUFFER),
	ABI_BITS0(ENA_INTR_REG_RX_DELAY, ENA_ETH_IO_INTR_REG_RX_INTR_DELAY),
	ABI_BITS(ENA_INTR_REG_TX_DELAY, ENA_ETH_IO_INTR_REG_TX_INTR_DELAY),
	ABI_BITS(ENA_INTR_REG_UNMASK, ENA_ETH_IO_INTR_REG_INTR_UNMASK),
	ABI_BITS0(ENA_NUMA_CFG_NODE, ENA_ETH_IO_NUMA_NODE_CFG_REG_NUMA),
	ABI_BITS(ENA_NUMA_CFG_ENABLED, ENA_ETH_IO_NUMA_NODE_CFG_REG_ENABLED),
};

static const struct abi_fact abi_common_structs[] = {
	ABI_SIZE(ena_dma_addr, ena_common_mem_addr),
	ABI_MEMB(ena_dma_addr, lo, ena_common_mem_addr, mem_addr_low),
	ABI_MEMB(ena_dma_addr, hi, ena_common_mem_addr, mem_addr_high),
	ABI_MEMB(ena_dma_addr, rsvd, ena_common_mem_addr, reserved16),
	ABI_SIZE(ena_reg_read_resp, ena_admin_ena_mmio_req_read_less_resp),
	ABI_MEMB(ena_reg_read_resp, req_id,
		ena_admin_ena_mmio_req_read_less_resp, req_id),
	ABI_MEMB(ena_reg_read_resp, reg_off,
		ena_admin_ena_mmio_req_read_less_resp, reg_off),
	ABI_MEMB(ena_reg_read_resp, reg_val,
		ena_admin_ena_mmio_req_read_less_resp, reg_val),
};

static const struct abi_fact abi_aq_structs[] = {
	ABI_SIZE(ena_aq_common_desc, ena_admin_aq_common_desc),
	ABI_MEMB(ena_aq_common_desc, cmd_id, ena_admin_aq_common_desc,
		command_id),
	ABI_MEMB(ena_aq_common_desc, opcode, ena_admin_aq_common_desc, opcode),
	ABI_MEMB(ena_aq_common_desc, flags, ena_admin_aq_common_desc, flags),
	ABI_SIZE(ena_aq_ctrl_buf, ena_admin_ctrl_buff_info),
	ABI_MEMB(ena_aq_ctrl_buf, len, ena_admin_ctrl_buff_info, length),
	ABI_MEMB(ena_aq_ctrl_buf, addr, ena_admin_ctrl_buff_info, address),
	ABI_SIZE(ena_aq_sq_ref, ena_admin_sq),
	ABI_MEMB(ena_aq_sq_ref, sq_idx, ena_admin_sq, sq_idx),
	ABI_MEMB(ena_aq_sq_ref, ident, ena_admin_sq, sq_identity),
	ABI_SIZE(ena_aq_generic_cmd, ena_admin_aq_entry),
	ABI_SIZE(ena_aq_cmd, ena_admin_aq_entry),
	ABI_MEMB(ena_aq_generic_cmd, common, ena_admin_aq_entry,
		aq_common_descriptor),
	ABI_MEMB(ena_aq_generic_cmd, inline_w1, ena_admin_aq_entry,
		u.inline_data_w1),
	ABI_MEMB(
		ena_aq_generic_cmd, ctrl, ena_admin_aq_entry, u.control_buffer),
	ABI_MEMB(ena_aq_generic_cmd, inline_w4, ena_admin_aq_entry,
		inline_data_w4),
	ABI_SIZE(ena_aq_comp_common, ena_admin_acq_common_desc),
	ABI_MEMB(
		ena_aq_comp_common, cmd_id, ena_admin_acq_common_desc, command),
	ABI_MEMB(ena_aq_comp_common, status, ena_admin_acq_common_desc, status),
	ABI_MEMB(ena_aq_comp_common, flags, ena_admin_acq_common_desc, flags),
	ABI_MEMB(ena_aq_comp_common, ext_status, ena_admin_acq_common_desc,
		extended_status),
	ABI_MEMB(ena_aq_comp_common, sq_head, ena_admin_acq_common_desc,
		sq_head_indx),
	ABI_SIZE(ena_aq_comp, ena_admin_acq_entry),
	ABI_SIZE(ena_aq_create_sq_cmd, ena_admin_aq_create_sq_cmd),
	ABI_MEMB(ena_aq_create_sq_cmd, common, ena_admin_aq_create_sq_cmd,
		aq_common_descriptor),
	ABI_MEMB(ena_aq_create_sq_cmd, sq_ident, ena_admin_aq_create_sq_cmd,
		sq_identity),
	ABI_MEMB(ena_aq_create_sq_cmd, caps2, ena_admin_aq_create_sq_cmd,
		sq_caps_2),
	ABI_MEMB(ena_aq_create_sq_cmd, caps3, ena_admin_aq_create_sq_cmd,
		sq_caps_3),
	ABI_MEMB(ena_aq_create_sq_cmd, cq_idx, ena_admin_aq_create_sq_cmd,
		cq_idx),
	ABI_MEMB(ena_aq_create_sq_cmd, depth, ena_admin_aq_create_sq_cmd,
		sq_depth),
	ABI_MEMB(ena_aq_create_sq_cmd, ring, ena_admin_aq_create_sq_cmd, sq_ba),
	ABI_MEMB(ena_aq_create_sq_cmd, head_wb, ena_admin_aq_create_sq_cmd,
		sq_head_writeback),
	ABI_MEMB(ena_aq_create_sq_cmd, rsvd_w7, ena_admin_aq_create_sq_cmd,
		reserved0_w7),
	ABI_MEMB(ena_aq_create_sq_cmd, rsvd_w8, ena_admin_aq_create_sq_cmd,
		reserved0_w8),
	ABI_SIZE(ena_aq_create_sq_resp, ena_admin_acq_create_sq_resp_desc),
	ABI_MEMB(ena_aq_create_sq_resp, common,
		ena_admin_acq_create_sq_resp_desc, acq_common_desc),
	ABI_MEMB(ena_aq_create_sq_resp, sq_idx,
		ena_admin_acq_create_sq_resp_desc, sq_idx),
	ABI_MEMB(ena_aq_create_sq_resp, db_offset,
		ena_admin_acq_create_sq_resp_desc, sq_doorbell_offset),
	ABI_MEMB(ena_aq_create_sq_resp, llq_desc_offset,
		ena_admin_acq_create_sq_resp_desc, llq_descriptors_offset),
	ABI_MEMB(ena_aq_create_sq_resp, llq_header_offset,
		ena_admin_acq_create_sq_resp_desc, llq_headers_offset),
	ABI_SIZE(ena_aq_destroy_sq_cmd, ena_admin_aq_destroy_sq_cmd),
	ABI_MEMB(ena_aq_destroy_sq_cmd, sq, ena_admin_aq_destroy_sq_cmd, sq),
	ABI_SIZE(ena_aq_destroy_resp, ena_admin_acq_destroy_sq_resp_desc),
	ABI_SIZE(ena_aq_destroy_resp, ena_admin_acq_destroy_cq_resp_desc),
	ABI_SIZE(ena_aq_create_cq_cmd, ena_admin_aq_create_cq_cmd),
	ABI_MEMB(ena_aq_create_cq_cmd, caps1, ena_admin_aq_create_cq_cmd,
		cq_caps_1),
	ABI_MEMB(ena_aq_create_cq_cmd, caps2, ena_admin_aq_create_cq_cmd,
		cq_caps_2),
	ABI_MEMB(ena_aq_create_cq_cmd, depth, ena_admin_aq_create_cq_cmd,
		cq_depth),
	ABI_MEMB(ena_aq_create_cq_cmd, msix_vector, ena_admin_aq_create_cq_cmd,
		msix_vector),
	ABI_MEMB(ena_aq_create_cq_cmd, ring, ena_admin_aq_create_cq_cmd, cq_ba),
	ABI_SIZE(ena_aq_create_cq_resp, ena_admin_acq_create_cq_resp_desc),
	ABI_MEMB(ena_aq_create_cq_resp, cq_idx,
		ena_admin_acq_create_cq_resp_desc, cq_idx),
	ABI_MEMB(ena_aq_create_cq_resp, actual_depth,
		ena_admin_acq_create_cq_resp_desc, cq_actual_depth),
	ABI_MEMB(ena_aq_create_cq_resp, numa_node_offset,
		ena_admin_acq_create_cq_resp_desc, numa_node_register_offset),
	ABI_MEMB(ena_aq_create_cq_resp, head_db_offset,
		ena_admin_acq_create_cq_resp_desc, cq_head_db_register_offset),
	ABI_MEMB(ena_aq_create_cq_resp, unmask_offset,
		ena_admin_acq_create_cq_resp_desc,
		cq_interrupt_unmask_register_offset),
	ABI_SIZE(ena_aq_destroy_cq_cmd, ena_admin_aq_destroy_cq_cmd),
	ABI_MEMB(ena_aq_destroy_cq_cmd, cq_idx, ena_admin_aq_destroy_cq_cmd,
		cq_idx),
	ABI_MEMB(ena_aq_get_stats_cmd, inline_w1, ena_admin_aq_get_stats_cmd,
		u.inline_data_w1),
	ABI_MEMB(ena_aq_get_stats_cmd, ctrl, ena_admin_aq_get_stats_cmd,
		u.control_buffer),
	ABI_MEMB(ena_aq_get_stats_cmd, type, ena_admin_aq_get_stats_cmd, type),
	ABI_MEMB(
		ena_aq_get_stats_cmd, scope, ena_admin_aq_get_stats_cmd, scope),
	ABI_MEMB(ena_aq_get_stats_cmd, queue_idx, ena_admin_aq_get_stats_cmd,
		queue_idx),
	ABI_MEMB(ena_aq_get_stats_cmd, device_id, ena_admin_aq_get_stats_cmd,
		device_id),
	ABI_SIZE(ena_aq_get_stats_resp, ena_admin_acq_get_stats_resp),
	ABI_MEMB(ena_aq_get_stats_resp, raw, ena_admin_acq_get_stats_resp,
		u.raw),
	ABI_OFF(ena_aq_get_stats_resp, basic, ena_admin_acq_get_stats_resp,
		u.basic_stats),
	ABI_MEMB(ena_aq_get_stats_resp, eni, ena_admin_acq_get_stats_resp,
		u.eni_stats),
	ABI_SIZE(ena_aq_get_feat_cmd, ena_admin_get_feat_cmd),
	ABI_MEMB(ena_aq_get_feat_cmd, ctrl, ena_admin_get_feat_cmd,
		control_buffer),
	ABI_MEMB(
		ena_aq_get_feat_cmd, feat, ena_admin_get_feat_cmd, feat_common),
	ABI_MEMB(ena_aq_get_feat_cmd, raw, ena_admin_get_feat_cmd, raw),
	ABI_SIZE(ena_aq_set_feat_cmd, ena_admin_set_feat_cmd),
	ABI_MEMB(ena_aq_set_feat_cmd, ctrl, ena_admin_set_feat_cmd,
		control_buffer),
	ABI_MEMB(
		ena_aq_set_feat_cmd, feat, ena_admin_set_feat_cmd, feat_common),
	ABI_MEMB(ena_aq_set_feat_cmd, raw, ena_admin_set_feat_cmd, u.raw),
	ABI_MEMB(ena_aq_set_feat_cmd, mtu, ena_admin_set_feat_cmd, u.mtu),
	ABI_MEMB(ena_aq_set_feat_cmd, host_attr, ena_admin_set_feat_cmd,
		u.host_attr),
	ABI_MEMB(ena_aq_set_feat_cmd, aenq, ena_admin_set_feat_cmd, u.aenq),
	ABI_MEMB(ena_aq_set_feat_cmd, rss_func, ena_admin_set_feat_cmd,
		u.flow_hash_func),
	ABI_MEMB(ena_aq_set_feat_cmd, rss_input, ena_admin_set_feat_cmd,
		u.flow_hash_input),
	ABI_MEMB(ena_aq_set_feat_cmd, rss_ind, ena_admin_set_feat_cmd,
		u.ind_table),
	ABI_MEMB(ena_aq_set_feat_cmd, llq, ena_admin_set_feat_cmd, u.llq),
	ABI_SIZE(ena_aq_get_feat_resp, ena_admin_get_feat_resp),
	ABI_MEMB(ena_aq_get_feat_resp, raw, ena_admin_get_feat_resp, u.raw),
	ABI_MEMB(ena_aq_get_feat_resp, dev_attr, ena_admin_get_feat_resp,
		u.dev_attr),
	ABI_MEMB(ena_aq_get_feat_resp, llq, ena_admin_get_feat_resp, u.llq),
	ABI_MEMB(ena_aq_get_feat_resp, max_queues, ena_admin_get_feat_resp,
		u.max_queue),
	ABI_MEMB(ena_aq_get_feat_resp, max_queues_ext, ena_admin_get_feat_resp,
		u.max_queue_ext),
	ABI_MEMB(ena_aq_get_feat_resp, aenq, ena_admin_get_feat_resp, u.aenq),
	ABI_MEMB(ena_aq_get_feat_resp, link, ena_admin_get_feat_resp, u.link),
	ABI_MEMB(ena_aq_get_feat_resp, offload, ena_admin_get_feat_resp,
		u.offload),
	ABI_MEMB(ena_aq_get_feat_resp, rss_func, ena_admin_get_feat_resp,
		u.flow_hash_func),
	ABI_MEMB(ena_aq_get_feat_resp, rss_input, ena_admin_get_feat_resp,
		u.flow_hash_input),
	ABI_MEMB(ena_aq_get_feat_resp, rss_ind, ena_admin_get_feat_resp,
		u.ind_table),
	ABI_MEMB(ena_aq_get_feat_resp, intr_moder, ena_admin_get_feat_resp,
		u.intr_moderation),
	ABI_MEMB(ena_aq_get_feat_resp, hw_hints, ena_admin_get_feat_resp,
		u.hw_hints),
	ABI_MEMB(ena_aq_get_feat_resp, extra_strings, ena_admin_get_feat_resp,
		u.extra_properties_strings),
	ABI_MEMB(ena_aq_get_feat_resp, extra_flags, ena_admin_get_feat_resp,
		u.extra_properties_flags),
	ABI_SIZE(ena_aq_set_feat_resp, ena_admin_set_feat_resp),
	ABI_MEMB(ena_aq_set_feat_resp, raw, ena_admin_set_feat_resp, u.raw),
	ABI_SIZE(ena_feat_common, ena_admin_get_set_feature_common_desc),
	ABI_MEMB(ena_feat_common, flags, ena_admin_get_set_feature_common_desc,
		flags),
	ABI_MEMB(ena_feat_common, feature_id,
		ena_admin_get_set_feature_common_desc, feature_id),
	ABI_MEMB(ena_feat_common, version,
		ena_admin_get_set_feature_common_desc, feature_version),
};

static const struct abi_fact abi_stats_structs[] = {
	ABI_MEMB(ena_stats_basic, tx_bytes_lo, ena_admin_basic_stats,
		tx_bytes_low),
	ABI_MEMB(ena_stats_basic, tx_bytes_hi, ena_admin_basic_stats,
		tx_bytes_high),
	ABI_MEMB(ena_stats_basic, tx_pkts_lo, ena_admin_basic_stats,
		tx_pkts_low),
	ABI_MEMB(ena_stats_basic, tx_pkts_hi, ena_admin_basic_stats,
		tx_pkts_high),
	ABI_MEMB(ena_stats_basic, rx_bytes_lo, ena_admin_basic_stats,
		rx_bytes_low),
	ABI_MEMB(ena_stats_basic, rx_bytes_hi, ena_admin_basic_stats,
		rx_bytes_high),
	ABI_MEMB(ena_stats_basic, rx_pkts_lo, ena_admin_basic_stats,
		rx_pkts_low),
	ABI_MEMB(ena_stats_basic, rx_pkts_hi, ena_admin_basic_stats,
		rx_pkts_high),
	ABI_MEMB(ena_stats_basic, rx_drops_lo, ena_admin_basic_stats,
		rx_drops_low),
	ABI_MEMB(ena_stats_basic, rx_drops_hi, ena_admin_basic_stats,
		rx_drops_high),
	ABI_MEMB(ena_stats_basic, tx_drops_lo, ena_admin_basic_stats,
		tx_drops_low),
	ABI_MEMB(ena_stats_basic, tx_drops_hi, ena_admin_basic_stats,
		tx_drops_high),
	ABI_SIZE(ena_stats_eni, ena_admin_eni_stats),
	ABI_MEMB(ena_stats_eni, bw_in_exceeded, ena_admin_eni_stats,
		bw_in_allowance_exceeded),
	ABI_MEMB(ena_stats_eni, bw_out_exceeded, ena_admin_eni_stats,
		bw_out_allowance_exceeded),
	ABI_MEMB(ena_stats_eni, pps_exceeded, ena_admin_eni_stats,
		pps_allowance_exceeded),
	ABI_MEMB(ena_stats_eni, conntrack_exceeded, ena_admin_eni_stats,
		conntrack_allowance_exceeded),
	ABI_MEMB(ena_stats_eni, linklocal_exceeded, ena_admin_eni_stats,
		linklocal_allowance_exceeded),
};

static const struct abi_fact abi_feat_structs[] = {
	ABI_SIZE(ena_feat_dev_attr, ena_admin_device_attr_feature_desc),
	ABI_MEMB(ena_feat_dev_attr, impl_id, ena_admin_device_attr_feature_desc,
		impl_id),
	ABI_MEMB(ena_feat_dev_attr, device_version,
		ena_admin_device_attr_feature_desc, device_version),
	ABI_MEMB(ena_feat_dev_attr, supported_features,
		ena_admin_device_attr_feature_desc, supported_features),
	ABI_MEMB(ena_feat_dev_attr, phys_addr_width,
		ena_admin_device_attr_feature_desc, phys_addr_width),
	ABI_MEMB(ena_feat_dev_attr, virt_addr_width,
		ena_admin_device_attr_feature_desc, virt_addr_width),
	ABI_MEMB(ena_feat_dev_attr, mac_addr,
		ena_admin_device_attr_feature_desc, mac_addr),
	ABI_MEMB(ena_feat_dev_attr, max_mtu, ena_admin_device_attr_feature_desc,
		max_mtu),
	ABI_SIZE(ena_feat_llq_accel, ena_admin_accel_mode_req),
	ABI_MEMB(ena_feat_llq_accel, get.supported_flags,
		ena_admin_accel_mode_req, u.get.supported_flags),
	ABI_MEMB(ena_feat_llq_accel, get.max_tx_burst_size,
		ena_admin_accel_mode_req, u.get.max_tx_burst_size),
	ABI_MEMB(ena_feat_llq_accel, set.enabled_flags,
		ena_admin_accel_mode_req, u.set.enabled_flags),
	ABI_SIZE(ena_feat_llq, ena_admin_feature_llq_desc),
	ABI_MEMB(ena_feat_llq, max_llq_num, ena_admin_feature_llq_desc,
		max_llq_num),
	ABI_MEMB(ena_feat_llq, max_llq_depth, ena_admin_feature_llq_desc,
		max_llq_depth),
	ABI_MEMB(ena_feat_llq, header_location_supported,
		ena_admin_feature_llq_desc, header_location_ctrl_supported),
	ABI_MEMB(ena_feat_llq, header_location_enabled,
		ena_admin_feature_llq_desc, header_location_ctrl_enabled),
	ABI_MEMB(ena_feat_llq, entry_size_supported, ena_admin_feature_llq_desc,
		entry_size_ctrl_supported),
	ABI_MEMB(ena_feat_llq, entry_size_enabled, ena_admin_feature_llq_desc,
		entry_size_ctrl_enabled),
	ABI_MEMB(ena_feat_llq, descs_before_header_supported,
		ena_admin_feature_llq_desc, desc_num_before_header_supported),
	ABI_MEMB(ena_feat_llq, descs_before_header_enabled,
		ena_admin_feature_llq_desc, desc_num_before_header_enabled),
	ABI_MEMB(ena_feat_llq, stride_ctrl_supported,
		ena_admin_feature_llq_desc, descriptors_stride_ctrl_supported),
	ABI_MEMB(ena_feat_llq, stride_ctrl_enabled, ena_admin_feature_llq_desc,
		descriptors_stride_ctrl_enabled),
	ABI_MEMB(ena_feat_llq, accel, ena_admin_feature_llq_desc, accel_mode),
	ABI_SIZE(ena_feat_max_queues, ena_admin_queue_feature_desc),
	ABI_MEMB(ena_feat_max_queues, max_sq_num, ena_admin_queue_feature_desc,
		max_sq_num),
	ABI_MEMB(ena_feat_max_queues, max_sq_depth,
		ena_admin_queue_feature_desc, max_sq_depth),
	ABI_MEMB(ena_feat_max_queues, max_cq_num, ena_admin_queue_feature_desc,
		max_cq_num),
	ABI_MEMB(ena_feat_max_queues, max_cq_depth,
		ena_admin_queue_feature_desc, max_cq_depth),
	ABI_MEMB(ena_feat_max_queues, max_legacy_llq_num,
		ena_admin_queue_feature_desc, max_legacy_llq_num),
	ABI_MEMB(ena_feat_max_queues, max_legacy_llq_depth,
		ena_admin_queue_feature_desc, max_legacy_llq_depth),
	ABI_MEMB(ena_feat_max_queues, max_header_size,
		ena_admin_queue_feature_desc, max_header_size),
	ABI_MEMB(ena_feat_max_queues, max_tx_descs_per_pkt,
		ena_admin_queue_feature_desc, max_packet_tx_descs),
	ABI_MEMB(ena_feat_max_queues, max_rx_descs_per_pkt,
		ena_admin_queue_feature_desc, max_packet_rx_descs),
	ABI_SIZE(ena_feat_queue_limits, ena_admin_queue_ext_feature_fields),
	ABI_MEMB(ena_feat_queue_limits, max_tx_sq_num,
		ena_admin_queue_ext_feature_fields, max_tx_sq_num),
	ABI_MEMB(ena_feat_queue_limits, max_tx_cq_num,
		ena_admin_queue_ext_feature_fields, max_tx_cq_num),
	ABI_MEMB(ena_feat_queue_limits, max_rx_sq_num,
		ena_admin_queue_ext_feature_fields, max_rx_sq_num),
	ABI_MEMB(ena_feat_queue_limits, max_rx_cq_num,
		ena_admin_queue_ext_feature_fields, max_rx_cq_num),
	ABI_MEMB(ena_feat_queue_limits, max_tx_sq_depth,
		ena_admin_queue_ext_feature_fields, max_tx_sq_depth),
	ABI_MEMB(ena_feat_queue_limits, max_tx_cq_depth,
		ena_admin_queue_ext_feature_fields, max_tx_cq_depth),
	ABI_MEMB(ena_feat_queue_limits, max_rx_sq_depth,
		ena_admin_queue_ext_feature_fields, max_rx_sq_depth),
	ABI_MEMB(ena_feat_queue_limits, max_rx_cq_depth,
		ena_admin_queue_ext_feature_fields, max_rx_cq_depth),
	ABI_MEMB(ena_feat_queue_limits, max_tx_header_size,
		ena_admin_queue_ext_feature_fields, max_tx_header_size),
	ABI_MEMB(ena_feat_queue_limits, max_tx_descs_per_pkt,
		ena_admin_queue_ext_feature_fields, max_per_packet_tx_descs),
	ABI_MEMB(ena_feat_queue_limits, max_rx_descs_per_pkt,
		ena_admin_queue_ext_feature_fields, max_per_packet_rx_descs),
	ABI_SIZE(ena_feat_max_queues_ext, ena_admin_queue_ext_feature_desc),
	ABI_MEMB(ena_feat_max_queues_ext, version,
		ena_admin_queue_ext_feature_desc, version),
	ABI_MEMB(ena_feat_max_queues_ext, limits,
		ena_admin_queue_ext_feature_desc, max_queue_ext),
	ABI_MEMB(ena_feat_max_queues_ext, raw, ena_admin_queue_ext_feature_desc,
		raw),
	ABI_SIZE(ena_feat_mtu, ena_admin_set_feature_mtu_desc),
	ABI_SIZE(ena_feat_extra_strings,
		ena_admin_get_extra_properties_strings_desc),
	ABI_SIZE(ena_feat_extra_flags,
		ena_admin_get_extra_properties_flags_desc),
	ABI_SIZE(ena_feat_host_attr, ena_admin_set_feature_host_attr_desc),
	ABI_MEMB(ena_feat_host_attr, os_info,
		ena_admin_set_feature_host_attr_desc, os_info_ba),
	ABI_MEMB(ena_feat_host_attr, debug_area,
		ena_admin_set_feature_host_attr_desc, debug_ba),
	ABI_MEMB(ena_feat_host_attr, debug_area_size,
		ena_admin_set_feature_host_attr_desc, debug_area_size),
	ABI_SIZE(ena_feat_intr_moder, ena_admin_feature_intr_moder_desc),
	ABI_MEMB(ena_feat_intr_moder, delay_resolution_us,
		ena_admin_feature_intr_moder_desc, intr_delay_resolution),
	ABI_SIZE(ena_feat_link, ena_admin_get_feature_link_desc),
	ABI_MEMB(ena_feat_link, speed_mbps, ena_admin_get_feature_link_desc,
		speed),
	ABI_MEMB(ena_feat_link, supported, ena_admin_get_feature_link_desc,
		supported),
	ABI_MEMB(ena_feat_link, flags, ena_admin_get_feature_link_desc, flags),
	ABI_SIZE(ena_feat_aenq, ena_admin_feature_aenq_desc),
	ABI_MEMB(ena_feat_aenq, supported_groups, ena_admin_feature_aenq_desc,
		supported_groups),
	ABI_MEMB(ena_feat_aenq, enabled_groups, ena_admin_feature_aenq_desc,
		enabled_groups),
	ABI_SIZE(ena_feat_offload, ena_admin_feature_offload_desc),
	ABI_MEMB(ena_feat_offload, tx, ena_admin_feature_offload_desc, tx),
	ABI_MEMB(ena_feat_offload, rx_supported, ena_admin_feature_offload_desc,
		rx_supported),
	ABI_MEMB(ena_feat_offload, rx_enabled, ena_admin_feature_offload_desc,
		rx_enabled),
	ABI_SIZE(ena_feat_rss_key, ena_admin_feature_rss_flow_hash_control),
	ABI_MEMB(ena_feat_rss_key, key_parts,
		ena_admin_feature_rss_flow_hash_control, key_parts),
	ABI_MEMB(ena_feat_rss_key, key, ena_admin_feature_rss_flow_hash_control,
		key),
	ABI_SIZE(ena_feat_rss_func, ena_admin_feature_rss_flow_hash_function),
	ABI_MEMB(ena_feat_rss_func, supported,
		ena_admin_feature_rss_flow_hash_function, supported_func),
	ABI_MEMB(ena_feat_rss_func, selected,
		ena_admin_feature_rss_flow_hash_function, selected_func),
	ABI_MEMB(ena_feat_rss_func, init_val,
		ena_admin_feature_rss_flow_hash_function, init_val),
	ABI_SIZE(ena_rss_proto_fields, ena_admin_proto_input),
	ABI_MEMB(ena_rss_proto_fields, fields, ena_admin_proto_input, fields),
	ABI_SIZE(ena_feat_rss_hash_ctrl, ena_admin_feature_rss_hash_control),
	ABI_MEMB(ena_feat_rss_hash_ctrl, supported,
		ena_admin_feature_rss_hash_control, supported_fields),
	ABI_MEMB(ena_feat_rss_hash_ctrl, selected,
		ena_admin_feature_rss_hash_control, selected_fields),
	ABI_MEMB(ena_feat_rss_hash_ctrl, rsvd2,
		ena_admin_feature_rss_hash_control, reserved2),
	ABI_MEMB(ena_feat_rss_hash_ctrl, rsvd3,
		ena_admin_feature_rss_hash_control, reserved3),
	ABI_SIZE(
		ena_feat_rss_hash_input, ena_admin_feature_rss_flow_hash_input),
	ABI_MEMB(ena_feat_rss_hash_input, supported_sort,
		ena_admin_feature_rss_flow_hash_input, supported_input_sort),
	ABI_MEMB(ena_feat_rss_hash_input, enabled_sort,
		ena_admin_feature_rss_flow_hash_input, enabled_input_sort),
	ABI_SIZE(ena_rss_ind_entry, ena_admin_rss_ind_table_entry),
	ABI_MEMB(ena_rss_ind_entry, cq_idx, ena_admin_rss_ind_table_entry,
		cq_idx),
	ABI_SIZE(ena_feat_rss_ind_table, ena_admin_feature_rss_ind_table),
	ABI_MEMB(ena_feat_rss_ind_table, min_size_log2,
		ena_admin_feature_rss_ind_table, min_size),
	ABI_MEMB(ena_feat_rss_ind_table, max_size_log2,
		ena_admin_feature_rss_ind_table, max_size),
	ABI_MEMB(ena_feat_rss_ind_table, size_log2,
		ena_admin_feature_rss_ind_table, size),
	ABI_MEMB(ena_feat_rss_ind_table, flags, ena_admin_feature_rss_ind_table,
		flags),
	ABI_MEMB(ena_feat_rss_ind_table, inline_index,
		ena_admin_feature_rss_ind_table, inline_index),
	ABI_MEMB(ena_feat_rss_ind_table, inline_entry,
		ena_admin_feature_rss_ind_table, inline_entry),
	ABI_SIZE(ena_host_info, ena_admin_host_info),
	ABI_MEMB(ena_host_info, os_type, ena_admin_host_info, os_type),
	ABI_MEMB(ena_host_info, os_dist_str, ena_admin_host_info, os_dist_str),
	ABI_MEMB(ena_host_info, os_dist, ena_admin_host_info, os_dist),
	ABI_MEMB(ena_host_info, kernel_ver_str, ena_admin_host_info,
		kernel_ver_str),
	ABI_MEMB(ena_host_info, kernel_ver, ena_admin_host_info, kernel_ver),
	ABI_MEMB(ena_host_info, driver_version, ena_admin_host_info,
		driver_version),
	ABI_MEMB(ena_host_info, supported_net_features, ena_admin_host_info,
		supported_network_features),
	ABI_MEMB(ena_host_info, spec_version, ena_admin_host_info,
		ena_spec_version),
	ABI_MEMB(ena_host_info, bdf, ena_admin_host_info, bdf),
	ABI_MEMB(ena_host_info, num_cpus, ena_admin_host_info, num_cpus),
	ABI_MEMB(ena_host_info, driver_features, ena_admin_host_info,
		driver_supported_features),
	ABI_SIZE(ena_feat_hw_hints, ena_admin_ena_hw_hints),
	ABI_MEMB(ena_feat_hw_hints, mmio_read_timeout_ms,
		ena_admin_ena_hw_hints, mmio_read_timeout),
	ABI_MEMB(ena_feat_hw_hints, driver_watchdog_timeout_ms,
		ena_admin_ena_hw_hints, driver_watchdog_timeout),
	ABI_MEMB(ena_feat_hw_hints, missing_tx_cmpl_timeout_ms,
		ena_admin_ena_hw_hints, missing_tx_completion_timeout),
	ABI_MEMB(ena_feat_hw_hints, missed_tx_cmpl_count_to_reset,
		ena_admin_ena_hw_hints,
		missed_tx_completion_count_threshold_to_reset),
	ABI_MEMB(ena_feat_hw_hints, admin_cmpl_timeout_ms,
		ena_admin_ena_hw_hints, admin_completion_tx_timeout),
	ABI_MEMB(ena_feat_hw_hints, netdev_wd_timeout_ms,
		ena_admin_ena_hw_hints, netdev_wd_timeout),
	ABI_MEMB(ena_feat_hw_hints, max_tx_sgl_size, ena_admin_ena_hw_hints,
		max_tx_sgl_size),
	ABI_MEMB(ena_feat_hw_hints, max_rx_sgl_size, ena_admin_ena_hw_hints,
		max_rx_sgl_size),
	ABI_MEMB(ena_feat_hw_hints, rsvd, ena_admin_ena_hw_hints, reserved),
};

static const struct abi_fact abi_aenq_structs[] = {
	ABI_SIZE(ena_aenq_common, ena_admin_aenq_common_desc),
	ABI_MEMB(ena_aenq_common, group, ena_admin_aenq_common_desc, group),
	ABI_MEMB(ena_aenq_common, syndrome, ena_admin_aenq_common_desc,
		syndrome),
	ABI_MEMB(ena_aenq_common, flags, ena_admin_aenq_common_desc, flags),
	ABI_MEMB(ena_aenq_common, timestamp_lo, ena_admin_aenq_common_desc,
		timestamp_low),
	ABI_MEMB(ena_aenq_common, timestamp_hi, ena_admin_aenq_common_desc,
		timestamp_high),
	ABI_SIZE(ena_aenq_entry, ena_admin_aenq_entry),
	ABI_MEMB(
		ena_aenq_entry, common, ena_admin_aenq_entry, aenq_common_desc),
	ABI_MEMB(ena_aenq_entry, inline_w4, ena_admin_aenq_entry,
		inline_data_w4),
	ABI_SIZE(ena_aenq_link_change_desc, ena_admin_aenq_link_change_desc),
	ABI_MEMB(ena_aenq_link_change_desc, flags,
		ena_admin_aenq_link_change_desc, flags),
	ABI_MEMB(ena_aenq_keep_alive_desc, rx_drops_lo,
		ena_admin_aenq_keep_alive_desc, rx_drops_low),
	ABI_MEMB(ena_aenq_keep_alive_desc, rx_drops_hi,
		ena_admin_aenq_keep_alive_desc, rx_drops_high),
	ABI_MEMB(ena_aenq_keep_alive_desc, tx_drops_lo,
		ena_admin_aenq_keep_alive_desc, tx_drops_low),
	ABI_MEMB(ena_aenq_keep_alive_desc, tx_drops_hi,
		ena_admin_aenq_keep_alive_desc, tx_drops_high),
};

static const struct abi_fact abi_io_structs[] = {
	ABI_SIZE(ena_tx_desc, ena_eth_io_tx_desc),
	ABI_MEMB(ena_tx_desc, len_ctrl, ena_eth_io_tx_desc, len_ctrl),
	ABI_MEMB(ena_tx_desc, meta_ctrl, ena_eth_io_tx_desc, meta_ctrl),
	ABI_MEMB(ena_tx_desc, addr_lo, ena_eth_io_tx_desc, buff_addr_lo),
	ABI_MEMB(ena_tx_desc, addr_hi_hdr, ena_eth_io_tx_desc,
		buff_addr_hi_hdr_sz),
	ABI_SIZE(ena_tx_meta_desc, ena_eth_io_tx_meta_desc),
	ABI_MEMB(ena_tx_meta_desc, len_ctrl, ena_eth_io_tx_meta_desc, len_ctrl),
	ABI_MEMB(ena_tx_meta_desc, word1, ena_eth_io_tx_meta_desc, word1),
	ABI_MEMB(ena_tx_meta_desc, word2, ena_eth_io_tx_meta_desc, word2),
	ABI_SIZE(ena_tx_cdesc, ena_eth_io_tx_cdesc),
	ABI_MEMB(ena_tx_cdesc, req_id, ena_eth_io_tx_cdesc, req_id),
	ABI_MEMB(ena_tx_cdesc, status, ena_eth_io_tx_cdesc, status),
	ABI_MEMB(ena_tx_cdesc, flags, ena_eth_io_tx_cdesc, flags),
	ABI_MEMB(ena_tx_cdesc, sub_qid, ena_eth_io_tx_cdesc, sub_qid),
	ABI_MEMB(ena_tx_cdesc, sq_head, ena_eth_io_tx_cdesc, sq_head_idx),
	ABI_SIZE(ena_rx_desc, ena_eth_io_rx_desc),
	ABI_MEMB(ena_rx_desc, length, ena_eth_io_rx_desc, length),
	ABI_MEMB(ena_rx_desc, ctrl, ena_eth_io_rx_desc, ctrl),
	ABI_MEMB(ena_rx_desc, req_id, ena_eth_io_rx_desc, req_id),
	ABI_MEMB(ena_rx_desc, addr_lo, ena_eth_io_rx_desc, buff_addr_lo),
	ABI_MEMB(ena_rx_desc, addr_hi, ena_eth_io_rx_desc, buff_addr_hi),
	ABI_SIZE(ena_rx_cdesc, ena_eth_io_rx_cdesc_base),
	ABI_MEMB(ena_rx_cdesc, status, ena_eth_io_rx_cdesc_base, status),
	ABI_MEMB(ena_rx_cdesc, length, ena_eth_io_rx_cdesc_base, length),
	ABI_MEMB(ena_rx_cdesc, req_id, ena_eth_io_rx_cdesc_base, req_id),
	ABI_MEMB(ena_rx_cdesc, hash, ena_eth_io_rx_cdesc_base, hash),
	ABI_MEMB(ena_rx_cdesc, sub_qid, ena_eth_io_rx_cdesc_base, sub_qid),
	ABI_MEMB(ena_rx_cdesc, offset, ena_eth_io_rx_cdesc_base, offset),
	ABI_SIZE(ena_rx_cdesc_ext, ena_eth_io_rx_cdesc_ext),
	ABI_MEMB(ena_rx_cdesc_ext, base, ena_eth_io_rx_cdesc_ext, base),
	ABI_MEMB(ena_rx_cdesc_ext, addr_lo, ena_eth_io_rx_cdesc_ext,
		buff_addr_lo),
	ABI_MEMB(ena_rx_cdesc_ext, addr_hi, ena_eth_io_rx_cdesc_ext,
		buff_addr_hi),
};

/* The 22.11 reference: what later references dropped, and where ours grew. */
#if ENA_REF_RELEASE < 2411
static const struct abi_fact abi_ref_2211[] = {
	ABI_VAL(ENA_RESET_REASON_LEGACY_COUNT, ENA_REGS_RESET_LAST),
	ABI_VAL(ENA_AENQ_GROUP_LEGACY_COUNT, ENA_ADMIN_AENQ_GROUPS_NUM),
	ABI_VAL(ENA_OS_LINUX, ENA_ADMIN_OS_LINUX),
	ABI_VAL(ENA_OS_WINDOWS, ENA_ADMIN_OS_WIN),
	ABI_VAL(ENA_OS_DPDK, ENA_ADMIN_OS_DPDK),
	ABI_VAL(ENA_OS_FREEBSD, ENA_ADMIN_OS_FREEBSD),
	ABI_VAL(ENA_OS_IPXE, ENA_ADMIN_OS_IPXE),
	ABI_VAL(ENA_OS_ESXI, ENA_ADMIN_OS_ESXI),
	ABI_VAL(ENA_AENQ_NOTIFY_SUSPEND, ENA_ADMIN_SUSPEND),
	ABI_VAL(ENA_AENQ_NOTIFY_RESUME, ENA_ADMIN_RESUME),
	/* words reserved here, given a meaning later */
	ABI_MEMB(ena_feat_dev_attr, capabilities,
		ena_admin_device_attr_feature_desc, reserved3),
	ABI_OFF(ena_feat_llq, feature_version, ena_admin_feature_llq_desc,
		reserved1),
	ABI_VAL(offsetof(struct ena_feat_llq, accel),
		offsetof(struct ena_admin_feature_llq_desc, accel_mode)),
	ABI_MEMB(ena_rx_cdesc_ext, timestamp_lo, ena_eth_io_rx_cdesc_ext,
		reserved_w6),
	ABI_MEMB(ena_rx_cdesc_ext, timestamp_hi, ena_eth_io_rx_cdesc_ext,
		reserved_w7),
	/* grown at the end since */
	ABI_TAIL(ena_aq_get_stats_cmd, requested_metrics_lo,
		ena_admin_aq_get_stats_cmd),
	ABI_TAIL(ena_stats_basic, rx_overruns_lo, ena_admin_basic_stats),
	ABI_TAIL(ena_aenq_keep_alive_desc, rx_overruns_lo,
		ena_admin_aenq_keep_alive_desc),
};
#else
/* What the references have from 24.11 on. */
static const struct abi_fact abi_ref_2411[] = {
	/* registers */
	ABI_REG(PHC_DB),
	ABI_BITS(ENA_REG_DEV_CTL_RESET_REASON_EXT,
		ENA_REGS_DEV_CTL_RESET_REASON_EXT),
	ABI_BITS0(ENA_REG_PHC_DB_REQ_ID, ENA_REGS_PHC_DB_REQ_ID),
	ABI_VAL(ENA_RESET_REASON_POLL_STARVATION,
		ENA_REGS_RESET_SUSPECTED_POLL_STARVATION),
	ABI_VAL(ENA_RESET_REASON_RX_DESC_MALFORMED,
		ENA_REGS_RESET_RX_DESCRIPTOR_MALFORMED),
	ABI_VAL(ENA_RESET_REASON_TX_DESC_MALFORMED,
		ENA_REGS_RESET_TX_DESCRIPTOR_MALFORMED),
	ABI_VAL(ENA_RESET_REASON_MISS_ADMIN_INTERRUPT,
		ENA_REGS_RESET_MISSING_ADMIN_INTERRUPT),
	ABI_VAL(ENA_RESET_REASON_DEVICE_REQUEST, ENA_REGS_RESET_DEVICE_REQUEST),
	ABI_VAL(ENA_RESET_REASON_MISS_FIRST_INTERRUPT,
		ENA_REGS_RESET_MISS_FIRST_INTERRUPT),
	ABI_VAL(ENA_RESET_REASON_COUNT, ENA_REGS_RESET_LAST),
	/* features, capabilities, versions */
	ABI_VAL(ENA_FEAT_PHC_CONFIG, ENA_ADMIN_PHC_CONFIG),
	ABI_VAL(ENA_DEV_CAP_ENI_STATS, ENA_ADMIN_ENI_STATS),
	ABI_VAL(ENA_DEV_CAP_SRD_INFO, ENA_ADMIN_ENA_SRD_INFO),
	ABI_VAL(ENA_DEV_CAP_CUSTOMER_METRICS, ENA_ADMIN_CUSTOMER_METRICS),
	ABI_VAL(ENA_DEV_CAP_EXT_RESET_REASONS,
		ENA_ADMIN_EXTENDED_RESET_REASONS),
	ABI_VAL(ENA_DEV_CAP_CDESC_MBZ, ENA_ADMIN_CDESC_MBZ),
	ABI_VAL(ENA_FEAT_LLQ_VERSION_LEGACY,
		ENA_ADMIN_LLQ_FEATURE_VERSION_0_LEGACY),
	ABI_VAL(ENA_FEAT_LLQ_VERSION_ENTRY_SIZE_HINT,
		ENA_ADMIN_LLQ_FEATURE_VERSION_1),
	ABI_VAL(ENA_FEAT_PHC_VERSION, ENA_ADMIN_PHC_FEATURE_VERSION_0),
	ABI_VAL(ENA_EXTRA_PROP_STRING_LEN,
		ENA_ADMIN_EXTRA_PROPERTIES_STRING_LEN),
	ABI_VAL(ENA_EXTRA_PROP_COUNT, ENA_ADMIN_EXTRA_PROPERTIES_COUNT),
	ABI_BITS(
		ENA_HOST_FEAT_RX_PAGE_REUSE, ENA_ADMIN_HOST_INFO_RX_PAGE_REUSE),
	ABI_BITS(ENA_HOST_FEAT_TX_IPV6_CSUM,
		ENA_ADMIN_HOST_INFO_TX_IPV6_CSUM_OFFLOAD),
	ABI_BITS(ENA_HOST_FEAT_PHC, ENA_ADMIN_HOST_INFO_PHC),
	ABI_MEMB(ena_feat_dev_attr, capabilities,
		ena_admin_device_attr_feature_desc, capabilities),
	ABI_MEMB(ena_feat_llq, feature_version, ena_admin_feature_llq_desc,
		feature_version),
	ABI_MEMB(ena_feat_llq, entry_size_recommended,
		ena_admin_feature_llq_desc, entry_size_recommended),
	ABI_MEMB(ena_feat_llq, max_wide_llq_depth, ena_admin_feature_llq_desc,
		max_wide_llq_depth),
	/* PTP hardware clock */
	ABI_SIZE(ena_feat_phc, ena_admin_feature_phc_desc),
	ABI_MEMB(ena_feat_phc, version, ena_admin_feature_phc_desc, version),
	ABI_MEMB(ena_feat_phc, doorbell_offset, ena_admin_feature_phc_desc,
		doorbell_offset),
	ABI_MEMB(ena_feat_phc, expire_timeout_usec, ena_admin_feature_phc_desc,
		expire_timeout_usec),
	ABI_MEMB(ena_feat_phc, block_timeout_usec, ena_admin_feature_phc_desc,
		block_timeout_usec),
	ABI_MEMB(ena_feat_phc, output, ena_admin_feature_phc_desc,
		output_address),
	ABI_MEMB(ena_feat_phc, output_length, ena_admin_feature_phc_desc,
		output_length),
	ABI_MEMB(ena_aq_get_feat_resp, phc, ena_admin_get_feat_resp, u.phc),
	ABI_MEMB(ena_aq_set_feat_cmd, phc, ena_admin_set_feat_cmd, u.phc),
	ABI_SIZE(ena_phc_resp, ena_admin_phc_resp),
	ABI_MEMB(ena_phc_resp, req_id, ena_admin_phc_resp, req_id),
	ABI_MEMB(ena_phc_resp, timestamp_ns, ena_admin_phc_resp, timestamp),
	ABI_MEMB(ena_phc_resp, error_bound_ns, ena_admin_phc_resp, error_bound),
	ABI_MEMB(ena_phc_resp, error_flags, ena_admin_phc_resp, error_flags),
	ABI_VAL(ENA_PHC_ERROR_TIMESTAMP_MASK,
		ENA_ADMIN_PHC_ERROR_FLAG_TIMESTAMP),
	ABI_VAL(ENA_PHC_ERROR_ERROR_BOUND_MASK,
		ENA_ADMIN_PHC_ERROR_FLAG_ERROR_BOUND),
	/* statistics */
	ABI_VAL(ENA_STATS_TYPE_SRD, ENA_ADMIN_GET_STATS_TYPE_ENA_SRD),
	ABI_VAL(ENA_STATS_TYPE_CUSTOMER_METRICS,
		ENA_ADMIN_GET_STATS_TYPE_CUSTOMER_METRICS),
	ABI_VAL(ENA_METRIC_BW_IN_EXCEEDED, ENA_ADMIN_BW_IN_ALLOWANCE_EXCEEDED),
	ABI_VAL(ENA_METRIC_BW_OUT_EXCEEDED,
		ENA_ADMIN_BW_OUT_ALLOWANCE_EXCEEDED),
	ABI_VAL(ENA_METRIC_PPS_EXCEEDED, ENA_ADMIN_PPS_ALLOWANCE_EXCEEDED),
	ABI_VAL(ENA_METRIC_CONNTRACK_EXCEEDED,
		ENA_ADMIN_CONNTRACK_ALLOWANCE_EXCEEDED),
	ABI_VAL(ENA_METRIC_LINKLOCAL_EXCEEDED,
		ENA_ADMIN_LINKLOCAL_ALLOWANCE_EXCEEDED),
	ABI_VAL(ENA_METRIC_CONNTRACK_AVAILABLE,
		ENA_ADMIN_CONNTRACK_ALLOWANCE_AVAILABLE),
	ABI_VAL(ENA_METRICS_ALL_MASK, ENA_ADMIN_CUSTOMER_METRICS_SUPPORT_MASK),
	ABI_VAL(ENA_METRICS_MIN_MASK,
		ENA_ADMIN_CUSTOMER_METRICS_MIN_SUPPORT_MASK),
	ABI_VAL(ENA_SRD_ENABLED_MASK, ENA_ADMIN_ENA_SRD_ENABLED),
	ABI_VAL(ENA_SRD_UDP_ENABLED_MASK, ENA_ADMIN_ENA_SRD_UDP_ENABLED),
	ABI_VAL(ENA_SRD_UDP_ORDER_BYPASS_MASK,
		ENA_ADMIN_ENA_SRD_UDP_ORDERING_BYPASS_ENABLED),
	ABI_SIZE(ena_aq_get_stats_cmd, ena_admin_aq_get_stats_cmd),
	ABI_OFF(ena_aq_get_stats_cmd, requested_metrics_lo,
		ena_admin_aq_get_stats_cmd, requested_metrics),
	ABI_VAL(sizeof(((struct ena_aq_get_stats_cmd *)0)->requested_metrics_lo) +
			sizeof(((struct ena_aq_get_stats_cmd *)0)
					->requested_metrics_hi),
		sizeof(((struct ena_admin_aq_get_stats_cmd *)0)
				->requested_metrics)),
	ABI_SIZE(ena_stats_basic, ena_admin_basic_stats),
	ABI_MEMB(ena_aq_get_stats_resp, basic, ena_admin_acq_get_stats_resp,
		u.basic_stats),
	ABI_MEMB(ena_stats_basic, rx_overruns_lo, ena_admin_basic_stats,
		rx_overruns_low),
	ABI_MEMB(ena_stats_basic, rx_overruns_hi, ena_admin_basic_stats,
		rx_overruns_high),
	ABI_SIZE(ena_stats_srd, ena_admin_ena_srd_info),
	ABI_MEMB(ena_stats_srd, flags, ena_admin_ena_srd_info, flags),
	ABI_MEMB(ena_stats_srd, tx_pkts, ena_admin_ena_srd_info,
		ena_srd_stats.ena_srd_tx_pkts),
	ABI_MEMB(ena_stats_srd, eligible_tx_pkts, ena_admin_ena_srd_info,
		ena_srd_stats.ena_srd_eligible_tx_pkts),
	ABI_MEMB(ena_stats_srd, rx_pkts, ena_admin_ena_srd_info,
		ena_srd_stats.ena_srd_rx_pkts),
	ABI_MEMB(ena_stats_srd, resource_utilization, ena_admin_ena_srd_info,
		ena_srd_stats.ena_srd_resource_utilization),
	ABI_SIZE(ena_stats_customer_metrics, ena_admin_customer_metrics),
	ABI_MEMB(ena_aq_get_stats_resp, srd, ena_admin_acq_get_stats_resp,
		u.ena_srd_info),
	ABI_MEMB(ena_aq_get_stats_resp, metrics, ena_admin_acq_get_stats_resp,
		u.customer_metrics),
	/* AENQ */
	ABI_VAL(ENA_AENQ_GROUP_REFRESH_CAPS, ENA_ADMIN_REFRESH_CAPABILITIES),
	ABI_VAL(ENA_AENQ_GROUP_CONF_NOTIFICATIONS,
		ENA_ADMIN_CONF_NOTIFICATIONS),
	ABI_VAL(ENA_AENQ_GROUP_DEVICE_RESET, ENA_ADMIN_DEVICE_REQUEST_RESET),
	ABI_VAL(ENA_AENQ_GROUP_COUNT, ENA_ADMIN_AENQ_GROUPS_NUM),
	ABI_SIZE(ena_aenq_keep_alive_desc, ena_admin_aenq_keep_alive_desc),
	ABI_MEMB(ena_aenq_keep_alive_desc, rx_overruns_lo,
		ena_admin_aenq_keep_alive_desc, rx_overruns_low),
	ABI_MEMB(ena_aenq_keep_alive_desc, rx_overruns_hi,
		ena_admin_aenq_keep_alive_desc, rx_overruns_high),
	ABI_SIZE(ena_aenq_conf_notifications_desc,
		ena_admin_aenq_conf_notifications_desc),
	ABI_MEMB(ena_aenq_conf_notifications_desc, common,
		ena_admin_aenq_conf_notifications_desc, aenq_common_desc),
	ABI_MEMB(ena_aenq_conf_notifications_desc, notifications,
		ena_admin_aenq_conf_notifications_desc, notifications_bitmap),
	ABI_MEMB(ena_aenq_conf_notifications_desc, rsvd,
		ena_admin_aenq_conf_notifications_desc, reserved),
	/* completion bits that must be zero, interrupt register */
	ABI_BITS(ENA_TX_CDESC_MBZ6, ENA_ETH_IO_TX_CDESC_MBZ6),
	ABI_BITS(ENA_RX_CDESC_MBZ7, ENA_ETH_IO_RX_CDESC_BASE_MBZ7),
	ABI_BITS(ENA_RX_CDESC_MBZ17, ENA_ETH_IO_RX_CDESC_BASE_MBZ17),
	ABI_BITS(ENA_INTR_REG_NO_MODER_UPDATE,
		ENA_ETH_IO_INTR_REG_NO_MODERATION_UPDATE),
};
#endif

/* The reset word for a reason that needs the extended field. */
static void
abi_check_reset_reason_ext(void)
{
#if ENA_REF_RELEASE >= 2411
	const uint32_t why = ENA_REGS_RESET_DEVICE_REQUEST;

	ENA_CHECK_EQ("dev_ctl reset word with an extended reason",
		ENA_REGS_DEV_CTL_DEV_RESET_MASK |
			((why << ENA_REGS_DEV_CTL_RESET_REASON_SHIFT) &
				ENA_REGS_DEV_CTL_RESET_REASON_MASK) |
			(((why >> 4)
				 << ENA_REGS_DEV_CTL_RESET_REASON_EXT_SHIFT) &
				ENA_REGS_DEV_CTL_RESET_REASON_EXT_MASK),
		ena_reg_dev_ctl_reset(ENA_RESET_REASON_DEVICE_REQUEST));
#else
	/* no extended field in this reference: its bits stay clear */
	ENA_CHECK_EQ("dev_ctl reset word leaves bits 27:24 alone", 0,
		ena_reg_dev_ctl_reset(ENA_RESET_REASON_MISS_INTERRUPT) &
			ENA_GENMASK(27, 24));
#endif
}

/* What the references have from 25.11 on. */
#if ENA_REF_RELEASE >= 2511
static const struct abi_fact abi_ref_2511[] = {
	ABI_VAL(ENA_FEAT_FRAG_BYPASS, ENA_ADMIN_FRAG_BYPASS),
	ABI_VAL(ENA_FEAT_HW_TIMESTAMP, ENA_ADMIN_HW_TIMESTAMP),
	ABI_VAL(ENA_FEAT_RSS_VERSION, ENA_ADMIN_RSS_FEATURE_VERSION_1),
	ABI_VAL(ENA_FEAT_FRAG_BYPASS_VERSION,
		ENA_ADMIN_FRAG_BYPASS_FEATURE_VERSION_0),
	ABI_VAL(ENA_FEAT_HW_TIMESTAMP_VERSION,
		ENA_ADMIN_HW_TIMESTAMP_FEATURE_VERSION_1),
	ABI_VAL(ENA_HW_TS_NONE, ENA_ADMIN_HW_TIMESTAMP_TX_SUPPORT_NONE),
	ABI_VAL(ENA_HW_TS_ALL, ENA_ADMIN_HW_TIMESTAMP_TX_SUPPORT_ALL),
	ABI_VAL(ENA_HW_TS_NONE, ENA_ADMIN_HW_TIMESTAMP_RX_SUPPORT_NONE),
	ABI_VAL(ENA_HW_TS_ALL, ENA_ADMIN_HW_TIMESTAMP_RX_SUPPORT_ALL),
	ABI_SIZE(ena_feat_hw_ts, ena_admin_feature_hw_ts_desc),
	ABI_MEMB(
		ena_feat_hw_ts, version, ena_admin_feature_hw_ts_desc, version),
	ABI_MEMB(ena_feat_hw_ts, tx, ena_admin_feature_hw_ts_desc, tx),
	ABI_MEMB(ena_feat_hw_ts, rx, ena_admin_feature_hw_ts_desc, rx),
	ABI_SIZE(ena_feat_frag_bypass, ena_admin_feature_frag_bypass_desc),
	ABI_MEMB(ena_feat_frag_bypass, enable,
		ena_admin_feature_frag_bypass_desc, enable),
	ABI_MEMB(ena_aq_get_feat_resp, hw_ts, ena_admin_get_feat_resp, u.hw_ts),
	ABI_MEMB(ena_aq_set_feat_cmd, hw_ts, ena_admin_set_feat_cmd, u.hw_ts),
	ABI_MEMB(ena_aq_set_feat_cmd, frag_bypass, ena_admin_set_feat_cmd,
		u.frag_bypass),
	ABI_SIZE(ena_tx_cdesc_ext, ena_eth_io_tx_cdesc_ext),
	ABI_MEMB(ena_tx_cdesc_ext, base, ena_eth_io_tx_cdesc_ext, base),
	ABI_MEMB(ena_tx_cdesc_ext, timestamp_lo, ena_eth_io_tx_cdesc_ext,
		timestamp_low),
	ABI_MEMB(ena_tx_cdesc_ext, timestamp_hi, ena_eth_io_tx_cdesc_ext,
		timestamp_high),
	ABI_MEMB(ena_rx_cdesc_ext, timestamp_lo, ena_eth_io_rx_cdesc_ext,
		timestamp_low),
	ABI_MEMB(ena_rx_cdesc_ext, timestamp_hi, ena_eth_io_rx_cdesc_ext,
		timestamp_high),
};
#elif ENA_REF_RELEASE >= 2411
/* 24.11: Rx completion timestamps were still reserved words. */
static const struct abi_fact abi_ref_2411_only[] = {
	ABI_MEMB(ena_rx_cdesc_ext, timestamp_lo, ena_eth_io_rx_cdesc_ext,
		reserved_w6),
	ABI_MEMB(ena_rx_cdesc_ext, timestamp_hi, ena_eth_io_rx_cdesc_ext,
		reserved_w7),
};
#endif

/* clang-format off */
#define ABI_TABLE(t) { #t, t, sizeof(t) / sizeof((t)[0]) }
/* clang-format on */

static const struct {
	const char *name;
	const struct abi_fact *facts;
	size_t n;
} abi_tables[] = {
	ABI_TABLE(abi_regs),
	ABI_TABLE(abi_reg_fields),
	ABI_TABLE(abi_enums),
	ABI_TABLE(abi_admin_fields),
	ABI_TABLE(abi_io_fields),
	ABI_TABLE(abi_common_structs),
	ABI_TABLE(abi_aq_structs),
	ABI_TABLE(abi_stats_structs),
	ABI_TABLE(abi_feat_structs),
	ABI_TABLE(abi_aenq_structs),
	ABI_TABLE(abi_io_structs),
#if ENA_REF_RELEASE < 2411
	ABI_TABLE(abi_ref_2211),
#else
	ABI_TABLE(abi_ref_2411),
#endif
#if ENA_REF_RELEASE >= 2511
	ABI_TABLE(abi_ref_2511),
#elif ENA_REF_RELEASE >= 2411
	ABI_TABLE(abi_ref_2411_only),
#endif
};

/*
 * Our helpers must produce the bytes the reference accessors read back,
 * for values that straddle the split fields.
 */
static void
abi_check_split_fields(void)
{
	static const uint16_t ids[] = { 0, 1, 0x3ff, 0x400, 0xabcd, 0xffff };
	char what[96];
	size_t i;

	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		struct ena_tx_desc d;
		struct ena_tx_meta_desc m;
		struct ena_eth_io_tx_desc ref_d;
		struct ena_eth_io_tx_meta_desc ref_m;
		const struct ena_eth_io_tx_desc *rd = &ref_d;
		const struct ena_eth_io_tx_meta_desc *rm = &ref_m;
		uint16_t mss = ids[i] & 0x3fff;

		memset(&d, 0xff, sizeof(d));
		memset(&m, 0, sizeof(m));
		ena_tx_desc_req_id_set(&d, ids[i]);
		ena_tx_meta_req_id_set(&m, ids[i]);
		ena_tx_meta_mss_set(&m, mss);
		/* copies, so the two views never alias */
		memcpy(&ref_d, &d, sizeof(ref_d));
		memcpy(&ref_m, &m, sizeof(ref_m));

		snprintf(what, sizeof(what), "tx desc req_id 0x%x via ref",
			ids[i]);
		ENA_CHECK_EQ(what, ids[i],
			get_ena_eth_io_tx_desc_req_id_lo(rd) |
				(get_ena_eth_io_tx_desc_req_id_hi(rd) << 10));
		snprintf(what, sizeof(what), "tx desc req_id 0x%x round trip",
			ids[i]);
		ENA_CHECK_EQ(what, ids[i], ena_tx_desc_req_id_get(&d));
		snprintf(what, sizeof(what), "tx meta req_id 0x%x via ref",
			ids[i]);
		ENA_CHECK_EQ(what, ids[i],
			get_ena_eth_io_tx_meta_desc_req_id_lo(rm) |
				(get_ena_eth_io_tx_meta_desc_req_id_hi(rm)
					<< 10));
		snprintf(what, sizeof(what), "tx meta mss 0x%x via ref", mss);
		ENA_CHECK_EQ(what, mss,
			get_ena_eth_io_tx_meta_desc_mss_lo(rm) |
				(get_ena_eth_io_tx_meta_desc_mss_hi(rm) << 10));
		snprintf(
			what, sizeof(what), "tx meta mss 0x%x round trip", mss);
		ENA_CHECK_EQ(what, mss, ena_tx_meta_mss_get(&m));
	}
}

static void
abi_check_helpers(void)
{
	const uint64_t addr = 0x0000abcd12345678ull;
	struct ena_dma_addr a;
	struct ena_tx_desc d;
	struct ena_rx_desc r;
	struct ena_common_mem_addr ref_a;
	struct ena_eth_io_tx_desc ref_d;
	const struct ena_common_mem_addr *ra = &ref_a;
	const struct ena_eth_io_tx_desc *rd = &ref_d;
	uint32_t w;

	memset(&a, 0xff, sizeof(a));
	ena_dma_addr_set(&a, addr);
	memcpy(&ref_a, &a, sizeof(ref_a));
	ENA_CHECK_EQ(
		"dma addr low word via ref", 0x12345678u, ra->mem_addr_low);
	ENA_CHECK_EQ("dma addr high half via ref", 0xabcdu, ra->mem_addr_high);
	ENA_CHECK_EQ("dma addr reserved cleared", 0, ra->reserved16);
	ENA_CHECK_EQ("dma addr round trip", addr, ena_dma_addr_get(&a));
	ENA_CHECK_EQ("48-bit address fits", 1, ena_dma_addr_fits(addr));
	ENA_CHECK_EQ("49-bit address rejected", 0,
		ena_dma_addr_fits(1ull << ENA_DMA_ADDR_MAX_BITS));

	memset(&d, 0, sizeof(d));
	ENA_FIELD_SET(d.addr_hi_hdr, ENA_TX_DESC_HDR_LEN, 54);
	ena_tx_desc_addr_set(&d, addr);
	memcpy(&ref_d, &d, sizeof(ref_d));
	ENA_CHECK_EQ("tx desc addr_hi via ref", 0xabcdu,
		get_ena_eth_io_tx_desc_addr_hi(rd));
	ENA_CHECK_EQ("tx desc header length kept by addr set", 54,
		get_ena_eth_io_tx_desc_header_length(rd));
	ENA_CHECK_EQ("tx desc addr round trip", addr, ena_tx_desc_addr_get(&d));

	memset(&r, 0, sizeof(r));
	ena_rx_desc_addr_set(&r, addr);
	ENA_CHECK_EQ("rx desc addr round trip", addr, ena_rx_desc_addr_get(&r));

	/* Setting a field replaces its old value and leaves others alone. */
	w = 0xffffffffu;
	ENA_FIELD_SET(w, ENA_TX_DESC_LENGTH, 0x1234);
	ENA_CHECK_EQ("ENA_FIELD_SET replaces the field", 0xffff1234u, w);
	ENA_CHECK_EQ("ENA_FIELD_GET reads it back", 0x1234,
		ENA_FIELD_GET(w, ENA_TX_DESC_LENGTH));

	w = ena_reg_read_req(ENA_REG_DEV_STS, 0xbeef);
	ENA_CHECK_EQ("mmio read request word",
		((uint32_t)ENA_REGS_DEV_STS_OFF
			<< ENA_REGS_MMIO_REG_READ_REG_OFF_SHIFT) |
			0xbeef,
		w);
	w = ena_reg_dev_ctl_reset(ENA_RESET_REASON_MISS_INTERRUPT);
	ENA_CHECK_EQ("dev_ctl reset word",
		ENA_REGS_DEV_CTL_DEV_RESET_MASK |
			((uint32_t)ENA_REGS_RESET_MISS_INTERRUPT
				<< ENA_REGS_DEV_CTL_RESET_REASON_SHIFT),
		w);
	{
		uint32_t why, bad = 0;

		/* What a device reads back from each reason's word. */
		for (why = 0; why < 32; why++) {
			uint32_t v = ena_reg_dev_ctl_reset(
				(enum ena_reset_reason)why);

			bad += ena_reg_dev_ctl_reset_reason(v, true) != why;
			bad += ena_reg_dev_ctl_reset_reason(v, false) !=
				(why & 15u);
		}
		ENA_CHECK_EQ(
			"reset reasons 0-31 read back from DEV_CTL", 0, bad);
	}
	ENA_CHECK_EQ("spec version packed like the reference driver does",
		(ENA_COMMON_SPEC_VERSION_MAJOR
			<< ENA_REGS_VERSION_MAJOR_VERSION_SHIFT) |
			ENA_COMMON_SPEC_VERSION_MINOR,
		ENA_SPEC_VERSION_PACKED);
	ENA_CHECK_EQ("feature bit of LLQ", 1u << ENA_ADMIN_LLQ,
		ENA_FEAT_BIT(ENA_FEAT_LLQ));

	ENA_CHECK_EQ("LLQ 128B entry bytes", 128,
		ena_llq_entry_bytes(ENA_LLQ_ENTRY_128B));
	ENA_CHECK_EQ("LLQ 192B entry bytes", 192,
		ena_llq_entry_bytes(ENA_LLQ_ENTRY_192B));
	ENA_CHECK_EQ("LLQ 256B entry bytes", 256,
		ena_llq_entry_bytes(ENA_LLQ_ENTRY_256B));
	ENA_CHECK_EQ("LLQ unknown entry code", 0,
		ena_llq_entry_bytes((enum ena_llq_entry_size)3));
	ENA_CHECK_EQ("LLQ header offset after 2 descs",
		2 * sizeof(struct ena_eth_io_tx_desc),
		ena_llq_header_offset(2));
	ENA_CHECK_EQ("LLQ descs per 128B entry, multi stride",
		128 / sizeof(struct ena_eth_io_tx_desc),
		ena_llq_descs_per_entry(ENA_LLQ_STRIDE_MULTI_DESC, 128));
	ENA_CHECK_EQ("LLQ descs per entry, single stride", 1,
		ena_llq_descs_per_entry(ENA_LLQ_STRIDE_SINGLE_DESC, 256));
	ENA_CHECK_EQ("LLQ burst entries", 4, ena_llq_burst_entries(512, 128));
	ENA_CHECK_EQ("LLQ burst entries with no entry size", 0,
		ena_llq_burst_entries(512, 0));
	ENA_CHECK_EQ("unmask register word",
		(0x12u & ENA_ETH_IO_INTR_REG_RX_INTR_DELAY_MASK) |
			((0x345u << ENA_ETH_IO_INTR_REG_TX_INTR_DELAY_SHIFT) &
				ENA_ETH_IO_INTR_REG_TX_INTR_DELAY_MASK) |
			ENA_ETH_IO_INTR_REG_INTR_UNMASK_MASK,
		ena_intr_reg_value(0x12, 0x345, 1));
	ENA_CHECK_EQ("unmask register word without unmask", 0,
		ena_intr_reg_value(0, 0, 0));
}

/*
 * Facts the reference headers do not carry; values as used by the upstream
 * driver (ena_ethdev.c/h, ena_com.c/h) and the Linux ENA driver.
 */
static void
abi_check_driver_facts(void)
{
	ENA_CHECK_EQ("ENA_PCI_VENDOR_AMAZON", 0x1d0f, ENA_PCI_VENDOR_AMAZON);
	ENA_CHECK_EQ("ENA_PCI_DEV_PF", 0x0ec2, ENA_PCI_DEV_PF);
	ENA_CHECK_EQ("ENA_PCI_DEV_LLQ_PF", 0x1ec2, ENA_PCI_DEV_LLQ_PF);
	ENA_CHECK_EQ("ENA_PCI_DEV_VF", 0xec20, ENA_PCI_DEV_VF);
	ENA_CHECK_EQ("ENA_PCI_DEV_LLQ_VF", 0xec21, ENA_PCI_DEV_LLQ_VF);
	ENA_CHECK_EQ("ENA_BAR_REGS", 0, ENA_BAR_REGS);
	ENA_CHECK_EQ("ENA_BAR_LLQ", 2, ENA_BAR_LLQ);
	ENA_CHECK_EQ(
		"admin interrupt mask value", 1, ENA_REG_INTR_MASK_ADMIN_MASK);
	ENA_CHECK_EQ(
		"caps timeout unit (ms)", 100, ENA_REG_CAPS_TIMEOUT_UNIT_MS);
	ENA_CHECK_EQ(
		"max queues ext version", 1, ENA_FEAT_MAX_QUEUES_EXT_VERSION);
	ENA_CHECK_EQ("hw hint 'no timeout'", 0xffff, ENA_HW_HINT_NO_TIMEOUT);
	ENA_CHECK_EQ("DMA address bits", 48, ENA_DMA_ADDR_MAX_BITS);
	ENA_CHECK_EQ("AQ entry size", sizeof(struct ena_admin_aq_entry),
		ENA_AQ_ENTRY_SIZE);
	ENA_CHECK_EQ("ACQ entry size", sizeof(struct ena_admin_acq_entry),
		ENA_ACQ_ENTRY_SIZE);
	ENA_CHECK_EQ("AENQ entry size", sizeof(struct ena_admin_aenq_entry),
		ENA_AENQ_ENTRY_SIZE);
	/* later-spec SRD block must fit the reference's inline stats area */
	ENA_CHECK(sizeof(struct ena_stats_srd) <=
			sizeof(((struct ena_admin_acq_get_stats_resp *)0)->u),
		"ena_stats_srd (%zu B) does not fit the stats response",
		sizeof(struct ena_stats_srd));
	ENA_CHECK_EQ("SRD stats type follows ENI",
		ENA_ADMIN_GET_STATS_TYPE_ENI + 1, ENA_STATS_TYPE_SRD);
	ENA_CHECK_EQ("end of register space",
		ENA_REGS_RSS_IND_ENTRY_UPDATE_OFF + 4, ENA_REG_SPACE_END);
}

static void
test_abi(void)
{
	size_t t, i, total = 0;

	for (t = 0; t < sizeof(abi_tables) / sizeof(abi_tables[0]); t++) {
		for (i = 0; i < abi_tables[t].n; i++) {
			const struct abi_fact *f = &abi_tables[t].facts[i];

			ENA_CHECK_EQ(f->what, f->ref, f->ours);
		}
		total += abi_tables[t].n;
	}
	abi_check_split_fields();
	abi_check_helpers();
	abi_check_reset_reason_ext();
	abi_check_driver_facts();
	printf("abi: %zu table facts compared with the DPDK %d.%02d reference "
	       "headers\n",
		total, ENA_REF_RELEASE / 100, ENA_REF_RELEASE % 100);
}

#else /* !ENA_HAVE_REFERENCE */

static void
test_abi(void)
{
	ena_test_skip(
		"reference ENA headers not found under ena_ref_dir "
		"(devtools/sdk.sh could not fetch the DPDK source package); "
		"nothing to compare ena_defs against");
}

#endif /* ENA_HAVE_REFERENCE */

ENA_TEST_SUITE(
	abi, "device interface definitions against the reference", test_abi)

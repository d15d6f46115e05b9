/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */

/*
 * Get/Set Feature and Get Stats. The answers are what a driver needs to
 * bring the port up (attributes, queue limits, LLQ options, offloads, RSS)
 * and the values it configures are kept in the device for the IO path.
 */

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "emu_core.h"

#define EMU_RSS_FIELDS_ALL                                                 \
	(ENA_RSS_FIELD_L2_DA | ENA_RSS_FIELD_L2_SA | ENA_RSS_FIELD_L3_DA | \
		ENA_RSS_FIELD_L3_SA | ENA_RSS_FIELD_L4_DP |                \
		ENA_RSS_FIELD_L4_SP)
#define EMU_RSS_FUNCS \
	(ENA_BIT(ENA_RSS_FUNC_TOEPLITZ) | ENA_BIT(ENA_RSS_FUNC_CRC32))
#define EMU_RSS_SORTS	    (ENA_RSS_INPUT_L3_SORT_MASK | ENA_RSS_INPUT_L4_SORT_MASK)
#define EMU_RSS_IND_LOG_MIN 1
#define EMU_LLQ_ENTRY_SIZES (ENA_LLQ_ENTRY_128B | ENA_LLQ_ENTRY_256B)
#define EMU_LLQ_DESCS_BEFORE                                             \
	(ENA_LLQ_DESCS_BEFORE_HEADER_1 | ENA_LLQ_DESCS_BEFORE_HEADER_2 | \
		ENA_LLQ_DESCS_BEFORE_HEADER_4 | ENA_LLQ_DESCS_BEFORE_HEADER_8)
#define EMU_LLQ_STRIDES (ENA_LLQ_STRIDE_SINGLE_DESC | ENA_LLQ_STRIDE_MULTI_DESC)
#define EMU_LLQ_ACCEL	ENA_BIT(ENA_LLQ_ACCEL_NO_META_CACHING)

/* Tx burst limit offered by the llq_burst knob (bytes, 0 = none). */
static uint16_t
emu_llq_burst(const struct ena_emu_dev *dev)
{
	uint64_t v = ena_emu_fault_peek(dev, ENA_EMU_FAULT_LLQ_BURST);

	return (uint16_t)EMU_MIN(v, (uint64_t)UINT16_MAX);
}

static uint32_t
emu_llq_accel(const struct ena_emu_dev *dev)
{
	return EMU_LLQ_ACCEL |
		(emu_llq_burst(dev) != 0 ? ENA_BIT(ENA_LLQ_ACCEL_LIMIT_TX_BURST)
					 : 0);
}

/* A fixed, non-trivial default key so hashing works before any set. */
/* clang-format off */
static const uint8_t emu_default_rss_key[ENA_EMU_RSS_KEY_LEN] = {
	0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2,
	0x41, 0x67, 0x25, 0x3d, 0x43, 0xa3, 0x8f, 0xb0,
	0xd0, 0xca, 0x2b, 0xcb, 0xae, 0x7b, 0x30, 0xb4,
	0x77, 0xcb, 0x2d, 0xa3, 0x80, 0x30, 0xf2, 0x0c,
	0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa,
};
/* clang-format on */

uint32_t
ena_emu_feat_supported(const struct ena_emu_dev *dev)
{
	uint32_t f = ENA_FEAT_BIT(ENA_FEAT_DEVICE_ATTRIBUTES) |
		ENA_FEAT_BIT(ENA_FEAT_MAX_QUEUES_EXT) |
		ENA_FEAT_BIT(ENA_FEAT_HW_HINTS) |
		ENA_FEAT_BIT(ENA_FEAT_RSS_HASH_FUNCTION) |
		ENA_FEAT_BIT(ENA_FEAT_STATELESS_OFFLOAD) |
		ENA_FEAT_BIT(ENA_FEAT_RSS_IND_TABLE) |
		ENA_FEAT_BIT(ENA_FEAT_MTU) |
		ENA_FEAT_BIT(ENA_FEAT_RSS_HASH_INPUT) |
		ENA_FEAT_BIT(ENA_FEAT_INTR_MODERATION) |
		ENA_FEAT_BIT(ENA_FEAT_AENQ_CONFIG) |
		ENA_FEAT_BIT(ENA_FEAT_LINK_CONFIG) |
		ENA_FEAT_BIT(ENA_FEAT_HOST_ATTR);

	if (dev->cfg.llq)
		f |= ENA_FEAT_BIT(ENA_FEAT_LLQ);
	return f;
}

void
ena_emu_feat_defaults(struct ena_emu_dev *dev)
{
	unsigned int i;

	dev->mtu = EMU_MIN(ENA_EMU_MTU_DEFAULT, dev->cfg.mtu_max);
	memset(&dev->llq, 0, sizeof(dev->llq));
	memset(&dev->rss, 0, sizeof(dev->rss));
	dev->rss.func = ENA_RSS_FUNC_TOEPLITZ;
	memcpy(dev->rss.key, emu_default_rss_key, sizeof(dev->rss.key));
	for (i = 0; i < ENA_EMU_RSS_PROTO_NUM; i++)
		dev->rss.fields[i] = 0;
	dev->rss.fields[ENA_RSS_PROTO_TCP4] = ENA_RSS_FIELD_L3_DA |
		ENA_RSS_FIELD_L3_SA | ENA_RSS_FIELD_L4_DP | ENA_RSS_FIELD_L4_SP;
	dev->rss.fields[ENA_RSS_PROTO_UDP4] =
		dev->rss.fields[ENA_RSS_PROTO_TCP4];
	dev->rss.fields[ENA_RSS_PROTO_TCP6] =
		dev->rss.fields[ENA_RSS_PROTO_TCP4];
	dev->rss.fields[ENA_RSS_PROTO_UDP6] =
		dev->rss.fields[ENA_RSS_PROTO_TCP4];
	dev->rss.fields[ENA_RSS_PROTO_IP4] = ENA_RSS_FIELD_L3_DA |
		ENA_RSS_FIELD_L3_SA;
	dev->rss.fields[ENA_RSS_PROTO_IP6] = dev->rss.fields[ENA_RSS_PROTO_IP4];
	dev->rss.fields[ENA_RSS_PROTO_IP4_FRAG] =
		dev->rss.fields[ENA_RSS_PROTO_IP4];
	dev->rss.fields[ENA_RSS_PROTO_NOT_IP] = ENA_RSS_FIELD_L2_DA |
		ENA_RSS_FIELD_L2_SA;
	dev->aenq_groups_enabled = ena_emu_aenq_groups_supported(dev);
	dev->intr_moder_interval = 0;
	dev->offload_tx = ENA_OFFLOAD_TX_L3_CSUM_IPV4_MASK |
		ENA_OFFLOAD_TX_L4_IPV4_CSUM_PART_MASK |
		ENA_OFFLOAD_TX_L4_IPV4_CSUM_FULL_MASK |
		ENA_OFFLOAD_TX_L4_IPV6_CSUM_PART_MASK |
		ENA_OFFLOAD_TX_L4_IPV6_CSUM_FULL_MASK;
	dev->offload_rx = ENA_OFFLOAD_RX_L3_CSUM_IPV4_MASK |
		ENA_OFFLOAD_RX_L4_IPV4_CSUM_MASK |
		ENA_OFFLOAD_RX_L4_IPV6_CSUM_MASK | ENA_OFFLOAD_RX_HASH_MASK;
}

/*
 * Out-of-line buffer of a command. Drivers mark it with either descriptor
 * flag; both mean a single contiguous buffer here. need == 0 only asks
 * whether one was given.
 */
static uint8_t
emu_ctrl_buf(struct ena_emu_dev *dev, const struct ena_aq_cmd *cmd, size_t need,
	void **buf, size_t *len)
{
	const struct ena_aq_ctrl_buf *cb = &cmd->generic.ctrl;
	uint8_t fl = cmd->common.flags;

	*buf = NULL;
	if (len != NULL)
		*len = 0;
	if (!(fl &
		    (ENA_AQ_DESC_CTRL_DATA_MASK |
			    ENA_AQ_DESC_CTRL_INDIRECT_MASK)) ||
		cb->len == 0) {
		ena_emu_log(dev, EMU_LOG_WARNING,
			"admin opcode %u needs a control buffer",
			cmd->common.opcode);
		return ENA_AQ_STATUS_MALFORMED_REQUEST;
	}
	if (cb->len < need) {
		ena_emu_log(dev, EMU_LOG_WARNING,
			"control buffer of %u bytes, %zu needed", cb->len,
			need);
		return ENA_AQ_STATUS_MALFORMED_REQUEST;
	}
	*buf = ena_emu_dma_wptr(dev, ena_dma_addr_get(&cb->addr), cb->len);
	if (*buf == NULL)
		return ENA_AQ_STATUS_MALFORMED_REQUEST;
	if (len != NULL)
		*len = cb->len;
	return ENA_AQ_STATUS_SUCCESS;
}

static bool
emu_has_ctrl_buf(const struct ena_aq_cmd *cmd)
{
	return (cmd->common.flags &
		       (ENA_AQ_DESC_CTRL_DATA_MASK |
			       ENA_AQ_DESC_CTRL_INDIRECT_MASK)) &&
		cmd->generic.ctrl.len != 0;
}

static void
emu_get_dev_attr(struct ena_emu_dev *dev, struct ena_feat_dev_attr *a)
{
	a->impl_id = ENA_EMU_IMPL_ID;
	a->device_version = ENA_EMU_SPEC_MAJOR << 8 | ENA_EMU_SPEC_MINOR;
	a->supported_features = ena_emu_feat_supported(dev);
	a->phys_addr_width = ENA_EMU_DMA_WIDTH;
	a->virt_addr_width = ENA_EMU_DMA_WIDTH;
	memcpy(a->mac_addr, dev->cfg.mac, sizeof(a->mac_addr));
	a->max_mtu = dev->cfg.mtu_max;
	a->capabilities = dev->cfg.capabilities;
}

static void
emu_get_queues_ext(struct ena_emu_dev *dev, struct ena_feat_max_queues_ext *q)
{
	struct ena_feat_queue_limits *l = &q->limits;

	q->version = ENA_FEAT_MAX_QUEUES_EXT_VERSION;
	l->max_tx_sq_num = dev->cfg.queues;
	l->max_tx_cq_num = dev->cfg.queues;
	l->max_rx_sq_num = dev->cfg.queues;
	l->max_rx_cq_num = dev->cfg.queues;
	l->max_tx_sq_depth = dev->cfg.ring_size;
	l->max_tx_cq_depth = dev->cfg.ring_size;
	l->max_rx_sq_depth = dev->cfg.ring_size;
	l->max_rx_cq_depth = dev->cfg.ring_size;
	l->max_tx_header_size = ENA_EMU_MAX_TX_HDR;
	l->max_tx_descs_per_pkt = ENA_EMU_MAX_TX_DESCS;
	l->max_rx_descs_per_pkt = ENA_EMU_MAX_RX_DESCS;
}

static void
emu_get_queues(struct ena_emu_dev *dev, struct ena_feat_max_queues *q)
{
	q->max_sq_num = dev->cfg.queues;
	q->max_sq_depth = dev->cfg.ring_size;
	q->max_cq_num = dev->cfg.queues;
	q->max_cq_depth = dev->cfg.ring_size;
	q->max_legacy_llq_num = 0;
	q->max_legacy_llq_depth = 0;
	q->max_header_size = ENA_EMU_MAX_TX_HDR;
	q->max_tx_descs_per_pkt = ENA_EMU_MAX_TX_DESCS;
	q->max_rx_descs_per_pkt = ENA_EMU_MAX_RX_DESCS;
}

/*
 * The driver names the newest LLQ answer it understands; a device of the
 * newer interface (any capability) answers version 1 with the entry size
 * it recommends, an older one version 0.
 */
static void
emu_get_llq(struct ena_emu_dev *dev, struct ena_feat_llq *l, uint8_t version)
{
	const struct ena_emu_llq *cur = &dev->llq;

	if (version >= ENA_FEAT_LLQ_VERSION_ENTRY_SIZE_HINT &&
		emu_newer_interface(dev)) {
		l->feature_version = ENA_FEAT_LLQ_VERSION_ENTRY_SIZE_HINT;
		l->entry_size_recommended = dev->cfg.llq_entry_recommended ==
				256
			? ENA_LLQ_ENTRY_256B
			: ENA_LLQ_ENTRY_128B;
	}
	l->max_llq_num = dev->cfg.queues;
	l->max_llq_depth = dev->cfg.ring_size;
	l->header_location_supported = ENA_LLQ_HEADER_INLINE;
	l->entry_size_supported = EMU_LLQ_ENTRY_SIZES;
	l->descs_before_header_supported = EMU_LLQ_DESCS_BEFORE;
	l->stride_ctrl_supported = EMU_LLQ_STRIDES;
	if (cur->enabled) {
		l->header_location_enabled = cur->header_location;
		l->entry_size_enabled = cur->entry_size == 256
			? ENA_LLQ_ENTRY_256B
			: ENA_LLQ_ENTRY_128B;
		l->descs_before_header_enabled = cur->descs_before_header;
		l->stride_ctrl_enabled = cur->desc_stride_ctrl;
	}
	l->accel.get.supported_flags = emu_llq_accel(dev);
	l->accel.get.max_tx_burst_size = emu_llq_burst(dev);
}

static void
emu_get_hints(struct ena_feat_hw_hints *h)
{
	h->mmio_read_timeout_ms = 0;
	h->driver_watchdog_timeout_ms = 3000;
	h->missing_tx_cmpl_timeout_ms = 5000;
	h->missed_tx_cmpl_count_to_reset = 128;
	h->admin_cmpl_timeout_ms = 0;
	h->netdev_wd_timeout_ms = 0;
	h->max_tx_sgl_size = ENA_EMU_MAX_TX_DESCS;
	h->max_rx_sgl_size = ENA_EMU_MAX_RX_DESCS;
}

static uint8_t
emu_get_rss_func(struct ena_emu_dev *dev, const struct ena_aq_cmd *cmd,
	struct ena_feat_rss_func *f)
{
	struct ena_feat_rss_key *k;
	void *buf;
	uint8_t st;

	f->supported = EMU_RSS_FUNCS;
	f->selected = ENA_BIT(dev->rss.func);
	f->init_val = dev->rss.init_val;
	if (!emu_has_ctrl_buf(cmd))
		return ENA_AQ_STATUS_SUCCESS;
	st = emu_ctrl_buf(dev, cmd, sizeof(*k), &buf, NULL);
	if (st != ENA_AQ_STATUS_SUCCESS)
		return st;
	k = buf;
	k->key_parts = ENA_RSS_KEY_WORDS;
	k->rsvd = 0;
	memcpy(k->key, dev->rss.key, sizeof(k->key));
	return ENA_AQ_STATUS_SUCCESS;
}

static uint8_t
emu_get_rss_input(struct ena_emu_dev *dev, const struct ena_aq_cmd *cmd,
	struct ena_feat_rss_hash_input *in)
{
	struct ena_feat_rss_hash_ctrl *hc;
	unsigned int i;
	void *buf;
	uint8_t st;

	in->supported_sort = EMU_RSS_SORTS;
	in->enabled_sort = EMU_RSS_SORTS;
	if (!emu_has_ctrl_buf(cmd))
		return ENA_AQ_STATUS_SUCCESS;
	st = emu_ctrl_buf(dev, cmd, sizeof(*hc), &buf, NULL);
	if (st != ENA_AQ_STATUS_SUCCESS)
		return st;
	hc = buf;
	memset(hc, 0, sizeof(*hc));
	for (i = 0; i < ENA_RSS_PROTO_COUNT; i++) {
		hc->supported[i].fields = EMU_RSS_FIELDS_ALL;
		hc->selected[i].fields = dev->rss.fields[i];
	}
	return ENA_AQ_STATUS_SUCCESS;
}

static uint8_t
emu_get_rss_ind(struct ena_emu_dev *dev, const struct ena_aq_cmd *cmd,
	struct ena_feat_rss_ind_table *t)
{
	struct ena_rss_ind_entry *e;
	size_t len, n, i;
	void *buf;
	uint8_t st;

	t->min_size_log2 = EMU_RSS_IND_LOG_MIN;
	t->max_size_log2 = ENA_EMU_RSS_IND_LOG_MAX;
	t->size_log2 = dev->rss.ind_log_size;
	t->inline_index = ENA_RSS_IND_INLINE_NONE;
	if (!emu_has_ctrl_buf(cmd))
		return ENA_AQ_STATUS_SUCCESS;
	st = emu_ctrl_buf(dev, cmd, sizeof(*e), &buf, &len);
	if (st != ENA_AQ_STATUS_SUCCESS)
		return st;
	e = buf;
	n = EMU_MIN(len / sizeof(*e), (size_t)1 << dev->rss.ind_log_size);
	if (dev->rss.ind_log_size == 0)
		n = 0;
	for (i = 0; i < n; i++) {
		e[i].cq_idx = dev->rss.ind[i];
		e[i].rsvd = 0;
	}
	return ENA_AQ_STATUS_SUCCESS;
}

uint8_t
ena_emu_feat_get(struct ena_emu_dev *dev, const struct ena_aq_cmd *cmd,
	struct ena_aq_comp *comp)
{
	struct ena_aq_get_feat_resp *r = &comp->get_feat;
	uint8_t id = cmd->get_feat.feat.feature_id;

	if (id >= ENA_FEAT_ID_LIMIT ||
		(id != ENA_FEAT_MAX_QUEUES_NUM &&
			!(ena_emu_feat_supported(dev) & ENA_FEAT_BIT(id)))) {
		ena_emu_log(
			dev, EMU_LOG_INFO, "get feature %u: unsupported", id);
		return ENA_AQ_STATUS_UNSUPPORTED_OPCODE;
	}
	switch (id) {
	case ENA_FEAT_DEVICE_ATTRIBUTES:
		emu_get_dev_attr(dev, &r->dev_attr);
		break;
	case ENA_FEAT_MAX_QUEUES_EXT:
		emu_get_queues_ext(dev, &r->max_queues_ext);
		break;
	case ENA_FEAT_MAX_QUEUES_NUM:
		emu_get_queues(dev, &r->max_queues);
		break;
	case ENA_FEAT_HW_HINTS:
		emu_get_hints(&r->hw_hints);
		break;
	case ENA_FEAT_LLQ:
		emu_get_llq(dev, &r->llq, cmd->get_feat.feat.version);
		break;
	case ENA_FEAT_STATELESS_OFFLOAD:
		r->offload.tx = dev->offload_tx;
		r->offload.rx_supported = dev->offload_rx;
		r->offload.rx_enabled = dev->offload_rx;
		break;
	case ENA_FEAT_RSS_HASH_FUNCTION:
		return emu_get_rss_func(dev, cmd, &r->rss_func);
	case ENA_FEAT_RSS_HASH_INPUT:
		return emu_get_rss_input(dev, cmd, &r->rss_input);
	case ENA_FEAT_RSS_IND_TABLE:
		return emu_get_rss_ind(dev, cmd, &r->rss_ind);
	case ENA_FEAT_MTU:
		r->raw[0] = dev->mtu;
		break;
	case ENA_FEAT_INTR_MODERATION:
		r->intr_moder.delay_resolution_us = 1;
		break;
	case ENA_FEAT_AENQ_CONFIG:
		r->aenq.supported_groups = ena_emu_aenq_groups_supported(dev);
		r->aenq.enabled_groups = dev->aenq_groups_enabled;
		break;
	case ENA_FEAT_LINK_CONFIG:
		r->link.speed_mbps = ENA_EMU_LINK_MBPS;
		r->link.supported = ENA_LINK_SPEED_100G;
		r->link.flags = ENA_FEAT_LINK_AUTONEG_MASK |
			ENA_FEAT_LINK_DUPLEX_MASK;
		break;
	case ENA_FEAT_HOST_ATTR:
		/* Write-only: the driver tells, the device does not echo. */
		return ENA_AQ_STATUS_UNSUPPORTED_OPCODE;
	default:
		return ENA_AQ_STATUS_UNSUPPORTED_OPCODE;
	}
	return ENA_AQ_STATUS_SUCCESS;
}

static uint8_t
emu_set_llq(struct ena_emu_dev *dev, const struct ena_feat_llq *l)
{
	struct ena_emu_llq n;
	unsigned int bytes;

	memset(&n, 0, sizeof(n));
	if (l->header_location_enabled != ENA_LLQ_HEADER_INLINE) {
		ena_emu_log(dev, EMU_LOG_WARNING,
			"LLQ header location %u not supported",
			l->header_location_enabled);
		return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
	}
	bytes = ena_llq_entry_bytes(l->entry_size_enabled);
	if (bytes == 0 || !(l->entry_size_enabled & EMU_LLQ_ENTRY_SIZES)) {
		ena_emu_log(dev, EMU_LOG_WARNING,
			"LLQ entry size code %u not supported",
			l->entry_size_enabled);
		return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
	}
	if (l->stride_ctrl_enabled != ENA_LLQ_STRIDE_SINGLE_DESC &&
		l->stride_ctrl_enabled != ENA_LLQ_STRIDE_MULTI_DESC) {
		ena_emu_log(dev, EMU_LOG_WARNING, "LLQ stride %u not supported",
			l->stride_ctrl_enabled);
		return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
	}
	switch (l->descs_before_header_enabled) {
	case ENA_LLQ_DESCS_BEFORE_HEADER_1:
	case ENA_LLQ_DESCS_BEFORE_HEADER_2:
	case ENA_LLQ_DESCS_BEFORE_HEADER_4:
	case ENA_LLQ_DESCS_BEFORE_HEADER_8:
		break;
	default:
		ena_emu_log(dev, EMU_LOG_WARNING,
			"LLQ descs before header %u not supported",
			l->descs_before_header_enabled);
		return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
	}
	if (ena_llq_header_offset(l->descs_before_header_enabled) >= bytes) {
		ena_emu_log(dev, EMU_LOG_WARNING,
			"LLQ: %u descriptors leave no room for a header in %u B",
			l->descs_before_header_enabled, bytes);
		return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
	}
	/*
	 * Drivers echo every accel flag they know; the ones this device
	 * did not offer are simply not in effect.
	 */
	if (l->accel.set.enabled_flags & ~emu_llq_accel(dev))
		ena_emu_log(dev, EMU_LOG_DEBUG,
			"LLQ accel flags 0x%x: only 0x%x in effect",
			l->accel.set.enabled_flags, emu_llq_accel(dev));
	n.enabled = true;
	n.entry_size = (uint16_t)bytes;
	n.header_location = l->header_location_enabled;
	n.header_inline = true;
	n.desc_stride_ctrl = l->stride_ctrl_enabled;
	n.single_desc_per_entry = l->stride_ctrl_enabled ==
		ENA_LLQ_STRIDE_SINGLE_DESC;
	n.descs_before_header = l->descs_before_header_enabled;
	/*
	 * Offered as a requirement: with it the driver sends a meta
	 * descriptor with every packet, whatever it echoes back.
	 */
	n.meta_caching_disabled = true;
	n.max_tx_burst_size = emu_llq_burst(dev);
	dev->llq = n;
	ena_emu_log(dev, EMU_LOG_INFO,
		"LLQ: entry %u B, %u descs before header, stride %s", bytes,
		n.descs_before_header,
		n.single_desc_per_entry ? "single" : "multi");
	return ENA_AQ_STATUS_SUCCESS;
}

static uint8_t
emu_set_host_attr(struct ena_emu_dev *dev, const struct ena_feat_host_attr *h)
{
	struct ena_emu_core *c = dev->core;
	const struct ena_host_info *hi;
	uint64_t info = ena_dma_addr_get(&h->os_info);
	uint64_t dbg = ena_dma_addr_get(&h->debug_area);

	if (info != 0) {
		hi = ena_emu_dma_ptr(dev, info, sizeof(*hi));
		if (hi == NULL)
			return ENA_AQ_STATUS_MALFORMED_REQUEST;
		c->host_info_iova = info;
		c->driver_version = hi->driver_version;
		c->driver_spec_version = hi->spec_version;
		c->os_type = hi->os_type;
		ena_emu_log(dev, EMU_LOG_INFO,
			"host: os type %u, driver %u.%u.%u, spec 0x%x",
			hi->os_type,
			ENA_FIELD_GET(
				hi->driver_version, ENA_HOST_DRV_VER_MAJOR),
			ENA_FIELD_GET(
				hi->driver_version, ENA_HOST_DRV_VER_MINOR),
			ENA_FIELD_GET(
				hi->driver_version, ENA_HOST_DRV_VER_SUBMINOR),
			hi->spec_version);
	}
	if (dbg != 0 && h->debug_area_size != 0) {
		if (ena_emu_dma_ptr(dev, dbg, h->debug_area_size) == NULL)
			return ENA_AQ_STATUS_MALFORMED_REQUEST;
		c->debug_area_iova = dbg;
		c->debug_area_size = h->debug_area_size;
	}
	return ENA_AQ_STATUS_SUCCESS;
}

static uint8_t
emu_set_rss_func(struct ena_emu_dev *dev, const struct ena_aq_cmd *cmd)
{
	const struct ena_feat_rss_func *f = &cmd->set_feat.rss_func;
	uint32_t sel = ENA_FIELD_GET(f->selected, ENA_RSS_FUNC_SELECTED);
	const struct ena_feat_rss_key *k;
	void *buf;
	uint8_t st, func;

	if (sel == 0 || (sel & (sel - 1)) != 0 || !(sel & EMU_RSS_FUNCS)) {
		ena_emu_log(dev, EMU_LOG_WARNING,
			"RSS function mask 0x%x not supported", sel);
		return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
	}
	func = (uint8_t)__builtin_ctz(sel);
	if (emu_has_ctrl_buf(cmd)) {
		st = emu_ctrl_buf(dev, cmd, sizeof(*k), &buf, NULL);
		if (st != ENA_AQ_STATUS_SUCCESS)
			return st;
		k = buf;
		if (func == ENA_RSS_FUNC_TOEPLITZ &&
			k->key_parts != ENA_RSS_KEY_WORDS) {
			ena_emu_log(dev, EMU_LOG_WARNING,
				"RSS key of %u words, device uses %u",
				k->key_parts, ENA_RSS_KEY_WORDS);
			return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
		}
		if (k->key_parts == ENA_RSS_KEY_WORDS)
			memcpy(dev->rss.key, k->key, sizeof(dev->rss.key));
	}
	dev->rss.func = func;
	dev->rss.init_val = f->init_val;
	return ENA_AQ_STATUS_SUCCESS;
}

static uint8_t
emu_set_rss_input(struct ena_emu_dev *dev, const struct ena_aq_cmd *cmd)
{
	const struct ena_feat_rss_hash_input *in = &cmd->set_feat.rss_input;
	const struct ena_feat_rss_hash_ctrl *hc;
	unsigned int i;
	void *buf;
	uint8_t st;

	if (in->enabled_sort & ~EMU_RSS_SORTS) {
		ena_emu_log(dev, EMU_LOG_WARNING,
			"RSS input sort 0x%x not supported", in->enabled_sort);
		return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
	}
	st = emu_ctrl_buf(dev, cmd, sizeof(*hc), &buf, NULL);
	if (st != ENA_AQ_STATUS_SUCCESS)
		return st;
	hc = buf;
	for (i = 0; i < ENA_RSS_PROTO_COUNT; i++)
		if (hc->selected[i].fields & ~EMU_RSS_FIELDS_ALL) {
			ena_emu_log(dev, EMU_LOG_WARNING,
				"RSS fields 0x%x for protocol %u not supported",
				hc->selected[i].fields, i);
			return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
		}
	for (i = 0; i < ENA_RSS_PROTO_COUNT; i++)
		dev->rss.fields[i] = hc->selected[i].fields;
	return ENA_AQ_STATUS_SUCCESS;
}

static bool
emu_cq_idx_ok(struct ena_emu_dev *dev, uint32_t cq)
{
	/* Tx and Rx CQs share one index space of 2 * queues. */
	if (cq < 2u * dev->cfg.queues)
		return true;
	ena_emu_log(dev, EMU_LOG_WARNING,
		"RSS indirection entry names CQ %u, device has %u", cq,
		2u * dev->cfg.queues);
	return false;
}

static uint8_t
emu_set_rss_ind(struct ena_emu_dev *dev, const struct ena_aq_cmd *cmd)
{
	const struct ena_feat_rss_ind_table *t = &cmd->set_feat.rss_ind;
	const struct ena_rss_ind_entry *e;
	unsigned int n, i;
	void *buf;
	uint8_t st;

	if (t->flags & ENA_RSS_IND_ONE_ENTRY_UPDATE_MASK) {
		if (dev->rss.ind_log_size == 0 ||
			t->inline_index >= (1u << dev->rss.ind_log_size)) {
			ena_emu_log(dev, EMU_LOG_WARNING,
				"RSS inline update of slot %u outside the table",
				t->inline_index);
			return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
		}
		if (!emu_cq_idx_ok(dev, t->inline_entry.cq_idx))
			return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
		dev->rss.ind[t->inline_index] = t->inline_entry.cq_idx;
		return ENA_AQ_STATUS_SUCCESS;
	}
	if (t->size_log2 < EMU_RSS_IND_LOG_MIN ||
		t->size_log2 > ENA_EMU_RSS_IND_LOG_MAX) {
		ena_emu_log(dev, EMU_LOG_WARNING,
			"RSS table size 2^%u outside 2^%u..2^%u", t->size_log2,
			EMU_RSS_IND_LOG_MIN, ENA_EMU_RSS_IND_LOG_MAX);
		return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
	}
	n = 1u << t->size_log2;
	st = emu_ctrl_buf(dev, cmd, (size_t)n * sizeof(*e), &buf, NULL);
	if (st != ENA_AQ_STATUS_SUCCESS)
		return st;
	e = buf;
	for (i = 0; i < n; i++)
		if (!emu_cq_idx_ok(dev, e[i].cq_idx))
			return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
	for (i = 0; i < n; i++)
		dev->rss.ind[i] = e[i].cq_idx;
	dev->rss.ind_log_size = (uint8_t)t->size_log2;
	return ENA_AQ_STATUS_SUCCESS;
}

uint8_t
ena_emu_feat_set(struct ena_emu_dev *dev, const struct ena_aq_cmd *cmd,
	struct ena_aq_comp *comp)
{
	const struct ena_aq_set_feat_cmd *s = &cmd->set_feat;
	uint8_t id = s->feat.feature_id;
	uint32_t groups, mtu;

	(void)comp;
	if (id >= ENA_FEAT_ID_LIMIT ||
		!(ena_emu_feat_supported(dev) & ENA_FEAT_BIT(id))) {
		ena_emu_log(
			dev, EMU_LOG_INFO, "set feature %u: unsupported", id);
		return ENA_AQ_STATUS_UNSUPPORTED_OPCODE;
	}
	switch (id) {
	case ENA_FEAT_MTU:
		mtu = s->mtu.mtu;
		if (mtu < ENA_EMU_MTU_MIN || mtu > dev->cfg.mtu_max) {
			ena_emu_log(dev, EMU_LOG_WARNING,
				"MTU %u outside %u..%u", mtu, ENA_EMU_MTU_MIN,
				dev->cfg.mtu_max);
			return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
		}
		dev->mtu = mtu;
		return ENA_AQ_STATUS_SUCCESS;
	case ENA_FEAT_HOST_ATTR:
		return emu_set_host_attr(dev, &s->host_attr);
	case ENA_FEAT_AENQ_CONFIG:
		groups = s->aenq.enabled_groups;
		if (groups & ~ena_emu_aenq_groups_supported(dev)) {
			ena_emu_log(dev, EMU_LOG_WARNING,
				"AENQ groups 0x%x not supported (0x%x are)",
				groups, ena_emu_aenq_groups_supported(dev));
			return ENA_AQ_STATUS_ILLEGAL_PARAMETER;
		}
		dev->aenq_groups_enabled = groups;
		/* Re-announce the link to a driver that (re)subscribes. */
		dev->core->link_reported = -1;
		return ENA_AQ_STATUS_SUCCESS;
	case ENA_FEAT_LLQ:
		return emu_set_llq(dev, &s->llq);
	case ENA_FEAT_RSS_HASH_FUNCTION:
		return emu_set_rss_func(dev, cmd);
	case ENA_FEAT_RSS_HASH_INPUT:
		return emu_set_rss_input(dev, cmd);
	case ENA_FEAT_RSS_IND_TABLE:
		return emu_set_rss_ind(dev, cmd);
	default:
		/* Attributes, limits, hints, offloads, link: read only. */
		ena_emu_log(dev, EMU_LOG_INFO, "set feature %u: read only", id);
		return ENA_AQ_STATUS_UNSUPPORTED_OPCODE;
	}
}

static void
emu_split(uint64_t v, uint32_t *lo, uint32_t *hi)
{
	*lo = (uint32_t)v;
	*hi = (uint32_t)(v >> 32);
}

/*
 * One 64-bit value per requested metric the device has, in bit order,
 * into the control buffer; which ones, in the completion. The emulated
 * ENI shapes nothing: allowances are never exceeded and the connection
 * table always has room.
 */
static uint8_t
emu_customer_metrics(struct ena_emu_dev *dev, const struct ena_aq_cmd *cmd,
	struct ena_aq_comp *comp)
{
	const struct ena_aq_get_stats_cmd *g = &cmd->get_stats;
	uint64_t want = (uint64_t)g->requested_metrics_hi << 32 |
		g->requested_metrics_lo;
	uint64_t have = want & ENA_METRICS_ALL_MASK, *out;
	unsigned int n = (unsigned int)__builtin_popcountll(have), i, k = 0;
	void *buf;
	size_t len;
	uint8_t st;

	st = emu_ctrl_buf(dev, cmd, (size_t)n * sizeof(uint64_t), &buf, &len);
	if (st != ENA_AQ_STATUS_SUCCESS)
		return st;
	out = buf;
	for (i = 0; i < 64; i++) {
		if (!(have & (UINT64_C(1) << i)))
			continue;
		out[k++] = i == ENA_METRIC_CONNTRACK_AVAILABLE ? 65536 : 0;
	}
	comp->get_stats.metrics.reported = have;
	return ENA_AQ_STATUS_SUCCESS;
}

uint8_t
ena_emu_stats_get(struct ena_emu_dev *dev, const struct ena_aq_cmd *cmd,
	struct ena_aq_comp *comp)
{
	const struct ena_aq_get_stats_cmd *g = &cmd->get_stats;
	struct ena_stats_basic *b = &comp->get_stats.basic;
	struct ena_emu_counters t;
	void *buf;
	size_t len;
	uint8_t st;
	int n;

	ena_emu_counters_get(dev, &t);
	switch (g->type) {
	case ENA_STATS_TYPE_BASIC:
		emu_split(t.tx_bytes, &b->tx_bytes_lo, &b->tx_bytes_hi);
		emu_split(t.tx_pkts, &b->tx_pkts_lo, &b->tx_pkts_hi);
		emu_split(t.rx_bytes, &b->rx_bytes_lo, &b->rx_bytes_hi);
		emu_split(t.rx_pkts, &b->rx_pkts_lo, &b->rx_pkts_hi);
		emu_split(t.rx_drops, &b->rx_drops_lo, &b->rx_drops_hi);
		emu_split(t.tx_drops, &b->tx_drops_lo, &b->tx_drops_hi);
		if (emu_newer_interface(dev))
			emu_split(t.rx_drops, &b->rx_overruns_lo,
				&b->rx_overruns_hi);
		return ENA_AQ_STATUS_SUCCESS;
	case ENA_STATS_TYPE_ENI:
		/* The emulated ENI never shapes traffic. */
		memset(&comp->get_stats.eni, 0, sizeof(comp->get_stats.eni));
		return ENA_AQ_STATUS_SUCCESS;
	case ENA_STATS_TYPE_SRD:
		if (!(dev->cfg.capabilities & ENA_BIT(ENA_DEV_CAP_SRD_INFO)))
			break;
		/* ENA Express off: nothing goes over SRD. */
		memset(&comp->get_stats.srd, 0, sizeof(comp->get_stats.srd));
		return ENA_AQ_STATUS_SUCCESS;
	case ENA_STATS_TYPE_CUSTOMER_METRICS:
		if (!(dev->cfg.capabilities &
			    ENA_BIT(ENA_DEV_CAP_CUSTOMER_METRICS)))
			break;
		return emu_customer_metrics(dev, cmd, comp);
	case ENA_STATS_TYPE_EXTENDED:
		st = emu_ctrl_buf(dev, cmd, 1, &buf, &len);
		if (st != ENA_AQ_STATUS_SUCCESS)
			return st;
		/* Name/value text, one counter per line, NUL terminated. */
		n = snprintf(buf, len,
			"admin_cmds %" PRIu64 "\nadmin_errors %" PRIu64
			"\naenq_events %" PRIu64 "\nkeep_alives %" PRIu64
			"\nresets %" PRIu64 "\ndma_errors %" PRIu64
			"\ntx_pkts %" PRIu64 "\nrx_pkts %" PRIu64
			"\nrx_drops %" PRIu64 "\ntx_drops %" PRIu64 "\n",
			t.admin_cmds, t.admin_errors, t.aenq_events,
			t.keep_alives, t.resets, t.dma_errors, t.tx_pkts,
			t.rx_pkts, t.rx_drops, t.tx_drops);
		comp->get_stats.raw[0] = n < 0 ? 0 : (uint64_t)n;
		return ENA_AQ_STATUS_SUCCESS;
	default:
		break;
	}
	ena_emu_log(dev, EMU_LOG_WARNING, "stats type %u not offered", g->type);
	return ENA_AQ_STATUS_UNSUPPORTED_OPCODE;
}

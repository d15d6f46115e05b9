/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/*
 * Feature get/set helpers: device attributes, queue limits, host
 * attributes, LLQ negotiation, MTU, offloads, link, hints, interrupt
 * moderation and statistics. RSS lives in ena_com_rss.c.
 */
#include "ena_com_internal.h"

/* ---- device attributes and limits ---------------------------------------- */

int
ena_hw_get_queue_limits(
	struct ena_hw *hw, struct ena_hw_queue_limits *q, bool *ext)
{
	struct ena_aq_get_feat_resp resp;
	const struct ena_feat_queue_limits *l;
	int rc;

	memset(q, 0, sizeof(*q));
	if (ena_hw_feature_supported(hw, ENA_FEAT_MAX_QUEUES_EXT)) {
		rc = ena_hw_get_feature(hw, ENA_FEAT_MAX_QUEUES_EXT,
			ENA_FEAT_MAX_QUEUES_EXT_VERSION, &resp, NULL, 0);
		if (rc != 0)
			return rc;
		if (resp.max_queues_ext.version !=
			ENA_FEAT_MAX_QUEUES_EXT_VERSION) {
			ena_hw_err(hw, "max queues ext: unexpected version %u",
				resp.max_queues_ext.version);
			return -EINVAL;
		}
		l = &resp.max_queues_ext.limits;
		q->max_tx_sq_num = l->max_tx_sq_num;
		q->max_tx_cq_num = l->max_tx_cq_num;
		q->max_rx_sq_num = l->max_rx_sq_num;
		q->max_rx_cq_num = l->max_rx_cq_num;
		q->max_tx_sq_depth = l->max_tx_sq_depth;
		q->max_tx_cq_depth = l->max_tx_cq_depth;
		q->max_rx_sq_depth = l->max_rx_sq_depth;
		q->max_rx_cq_depth = l->max_rx_cq_depth;
		q->max_tx_header_size = l->max_tx_header_size;
		q->max_tx_descs_per_pkt = l->max_tx_descs_per_pkt;
		q->max_rx_descs_per_pkt = l->max_rx_descs_per_pkt;
		if (ext != NULL)
			*ext = true;
	} else {
		rc = ena_hw_get_feature(
			hw, ENA_FEAT_MAX_QUEUES_NUM, 0, &resp, NULL, 0);
		if (rc != 0)
			return rc;
		q->max_tx_sq_num = resp.max_queues.max_sq_num;
		q->max_rx_sq_num = resp.max_queues.max_sq_num;
		q->max_tx_cq_num = resp.max_queues.max_cq_num;
		q->max_rx_cq_num = resp.max_queues.max_cq_num;
		q->max_tx_sq_depth = resp.max_queues.max_sq_depth;
		q->max_rx_sq_depth = resp.max_queues.max_sq_depth;
		q->max_tx_cq_depth = resp.max_queues.max_cq_depth;
		q->max_rx_cq_depth = resp.max_queues.max_cq_depth;
		q->max_tx_header_size = resp.max_queues.max_header_size;
		q->max_tx_descs_per_pkt = resp.max_queues.max_tx_descs_per_pkt;
		q->max_rx_descs_per_pkt = resp.max_queues.max_rx_descs_per_pkt;
		if (ext != NULL)
			*ext = false;
	}
	hw->max_tx_descs_per_pkt = q->max_tx_descs_per_pkt;
	hw->max_rx_descs_per_pkt = q->max_rx_descs_per_pkt;
	hw->max_tx_header_size = q->max_tx_header_size;
	return 0;
}

static void
ena_hw_decode_offloads(
	const struct ena_feat_offload *o, struct ena_hw_offloads *off)
{
	off->tx_raw = o->tx;
	off->rx_supported_raw = o->rx_supported;
	off->rx_enabled_raw = o->rx_enabled;
	off->tx_l3_csum_ipv4 = o->tx & ENA_OFFLOAD_TX_L3_CSUM_IPV4_MASK;
	off->tx_l4_ipv4_csum_part = o->tx &
		ENA_OFFLOAD_TX_L4_IPV4_CSUM_PART_MASK;
	off->tx_l4_ipv4_csum_full = o->tx &
		ENA_OFFLOAD_TX_L4_IPV4_CSUM_FULL_MASK;
	off->tx_l4_ipv6_csum_part = o->tx &
		ENA_OFFLOAD_TX_L4_IPV6_CSUM_PART_MASK;
	off->tx_l4_ipv6_csum_full = o->tx &
		ENA_OFFLOAD_TX_L4_IPV6_CSUM_FULL_MASK;
	off->tso_ipv4 = o->tx & ENA_OFFLOAD_TX_TSO_IPV4_MASK;
	off->tso_ipv6 = o->tx & ENA_OFFLOAD_TX_TSO_IPV6_MASK;
	off->tso_ecn = o->tx & ENA_OFFLOAD_TX_TSO_ECN_MASK;
	off->rx_l3_csum_ipv4 = o->rx_supported &
		ENA_OFFLOAD_RX_L3_CSUM_IPV4_MASK;
	off->rx_l4_ipv4_csum = o->rx_supported &
		ENA_OFFLOAD_RX_L4_IPV4_CSUM_MASK;
	off->rx_l4_ipv6_csum = o->rx_supported &
		ENA_OFFLOAD_RX_L4_IPV6_CSUM_MASK;
	off->rx_hash = o->rx_supported & ENA_OFFLOAD_RX_HASH_MASK;
}

int
ena_hw_get_offloads(struct ena_hw *hw, struct ena_hw_offloads *off)
{
	struct ena_aq_get_feat_resp resp;
	int rc;

	memset(off, 0, sizeof(*off));
	rc = ena_hw_get_feature(
		hw, ENA_FEAT_STATELESS_OFFLOAD, 0, &resp, NULL, 0);
	if (rc != 0)
		return rc;
	ena_hw_decode_offloads(&resp.offload, off);
	return 0;
}

static void
ena_hw_llq_offer_from(const struct ena_feat_llq *l, struct ena_hw_llq_offer *o)
{
	o->present = true;
	o->max_llq_num = l->max_llq_num;
	o->max_llq_depth = l->max_llq_depth;
	o->header_location_supported = l->header_location_supported;
	o->entry_size_supported = l->entry_size_supported;
	o->descs_before_header_supported = l->descs_before_header_supported;
	o->stride_supported = l->stride_ctrl_supported;
	o->accel_supported = l->accel.get.supported_flags;
	o->max_tx_burst_bytes = l->accel.get.max_tx_burst_size;
	/* A recommendation outside the supported sizes is no advice. */
	o->entry_size_recommended = 0;
	if (l->feature_version >= ENA_FEAT_LLQ_VERSION_ENTRY_SIZE_HINT &&
		(l->entry_size_recommended & l->entry_size_supported))
		o->entry_size_recommended = (uint16_t)ena_llq_entry_bytes(
			(enum ena_llq_entry_size)l->entry_size_recommended);
}

static void
ena_hw_hints_from(const struct ena_feat_hw_hints *h, struct ena_hw_hints *o)
{
	o->mmio_read_timeout_ms = h->mmio_read_timeout_ms;
	o->driver_watchdog_timeout_ms = h->driver_watchdog_timeout_ms;
	o->missing_tx_completion_timeout_ms = h->missing_tx_cmpl_timeout_ms;
	o->missed_tx_completion_count_threshold =
		h->missed_tx_cmpl_count_to_reset;
	o->admin_completion_timeout_ms = h->admin_cmpl_timeout_ms;
	o->netdev_wd_timeout_ms = h->netdev_wd_timeout_ms;
	o->max_tx_sgl_size = h->max_tx_sgl_size;
	o->max_rx_sgl_size = h->max_rx_sgl_size;
}

void
ena_hw_aenq_hints(
	const struct ena_aenq_entry *entry, struct ena_hw_hints *hints)
{
	struct ena_feat_hw_hints h;

	/* The payload is not aligned for the struct: copy it out. */
	memcpy(&h, entry->inline_w4, sizeof(h));
	memset(hints, 0, sizeof(*hints));
	ena_hw_hints_from(&h, hints);
}

int
ena_hw_get_hints(struct ena_hw *hw, struct ena_hw_hints *hints)
{
	struct ena_aq_get_feat_resp resp;
	int rc;

	memset(hints, 0, sizeof(*hints));
	rc = ena_hw_get_feature(hw, ENA_FEAT_HW_HINTS, 0, &resp, NULL, 0);
	if (rc != 0)
		return rc;
	ena_hw_hints_from(&resp.hw_hints, hints);
	return 0;
}

void
ena_hw_apply_hints(struct ena_hw *hw, const struct ena_hw_hints *h)
{
	if (h->mmio_read_timeout_ms != 0)
		hw->readless.timeout_us = (uint64_t)h->mmio_read_timeout_ms *
			1000;
	if (h->admin_completion_timeout_ms != 0)
		hw->admin.timeout_us =
			(uint64_t)h->admin_completion_timeout_ms * 1000;
	if (h->driver_watchdog_timeout_ms != 0)
		hw->keep_alive_timeout_ms = h->driver_watchdog_timeout_ms ==
				ENA_HW_HINT_NO_TIMEOUT
			? 0
			: h->driver_watchdog_timeout_ms;
	if (h->missing_tx_completion_timeout_ms != 0)
		hw->missing_tx_timeout_ms =
			h->missing_tx_completion_timeout_ms ==
				ENA_HW_HINT_NO_TIMEOUT
			? 0
			: h->missing_tx_completion_timeout_ms;
	if (h->missed_tx_completion_count_threshold != 0)
		hw->missing_tx_threshold =
			h->missed_tx_completion_count_threshold;
}

int
ena_hw_get_dev_features(struct ena_hw *hw, struct ena_hw_dev_features *f)
{
	struct ena_aq_get_feat_resp resp;
	const struct ena_feat_dev_attr *a;
	int rc;

	memset(f, 0, sizeof(*f));
	rc = ena_hw_get_feature(
		hw, ENA_FEAT_DEVICE_ATTRIBUTES, 0, &resp, NULL, 0);
	if (rc != 0) {
		ena_hw_err(
			hw, "Cannot get attribute for ena device rc: %d", rc);
		return rc;
	}
	a = &resp.dev_attr;
	f->impl_id = a->impl_id;
	f->device_version = a->device_version;
	f->supported_features = a->supported_features;
	f->phys_addr_width = a->phys_addr_width;
	f->virt_addr_width = a->virt_addr_width;
	memcpy(f->mac_addr, a->mac_addr, sizeof(f->mac_addr));
	f->max_mtu = a->max_mtu;
	hw->supported_features = a->supported_features;
	f->capabilities = a->capabilities;
	hw->capabilities = a->capabilities;

	rc = ena_hw_get_queue_limits(hw, &f->queues, &f->queues_ext);
	if (rc != 0) {
		ena_hw_err(hw,
			"Cannot get attribute for ena device rc: %d (queue limits)",
			rc);
		return rc;
	}

	if (ena_hw_feature_supported(hw, ENA_FEAT_LLQ)) {
		/* Version 1: a newer device adds the entry size it advises. */
		rc = ena_hw_get_feature(hw, ENA_FEAT_LLQ,
			ENA_FEAT_LLQ_VERSION_ENTRY_SIZE_HINT, &resp, NULL, 0);
		if (rc != 0) {
			ena_hw_err(hw,
				"Cannot get attribute for ena device rc: %d (llq)",
				rc);
			return rc;
		}
		ena_hw_llq_offer_from(&resp.llq, &f->llq);
	}

	rc = ena_hw_get_offloads(hw, &f->offloads);
	if (rc != 0 && rc != -EOPNOTSUPP) {
		ena_hw_err(hw,
			"Cannot get attribute for ena device rc: %d (offloads)",
			rc);
		return rc;
	}

	rc = ena_hw_get_hints(hw, &f->hints);
	if (rc == 0) {
		f->hints_present = true;
		ena_hw_apply_hints(hw, &f->hints);
	} else if (rc != -EOPNOTSUPP) {
		ena_hw_err(hw,
			"Cannot get attribute for ena device rc: %d (hints)",
			rc);
		return rc;
	}

	rc = ena_hw_aenq_get_groups(hw, &f->aenq_supported_groups, NULL);
	if (rc != 0 && rc != -EOPNOTSUPP) {
		ena_hw_err(hw,
			"Cannot get attribute for ena device rc: %d (aenq)",
			rc);
		return rc;
	}
	return 0;
}

/* ---- host attributes ------------------------------------------------------ */

int
ena_hw_set_host_attr(struct ena_hw *hw, const struct ena_hw_bringup_cfg *cfg)
{
	struct ena_host_info *hi;
	struct ena_aq_cmd cmd;
	int rc;

	if (!ena_hw_feature_supported(hw, ENA_FEAT_HOST_ATTR))
		return -EOPNOTSUPP;
	if (hw->host_info_mem.va == NULL) {
		rc = ena_plat_dma_alloc(&hw->host_info_mem, 4096, hw->socket);
		if (rc != 0) {
			ena_hw_err(hw, "no DMA memory for host info (%d bytes)",
				4096);
			return rc;
		}
	}
	hi = hw->host_info_mem.va;
	memset(hi, 0, sizeof(*hi));
	hi->os_type = cfg->os_type;
	if (cfg->os_dist != NULL)
		snprintf((char *)hi->os_dist_str, sizeof(hi->os_dist_str), "%s",
			cfg->os_dist);
	if (cfg->kernel_ver != NULL)
		snprintf((char *)hi->kernel_ver_str, sizeof(hi->kernel_ver_str),
			"%s", cfg->kernel_ver);
	ENA_FIELD_SET(
		hi->driver_version, ENA_HOST_DRV_VER_MAJOR, cfg->drv_major);
	ENA_FIELD_SET(
		hi->driver_version, ENA_HOST_DRV_VER_MINOR, cfg->drv_minor);
	ENA_FIELD_SET(hi->driver_version, ENA_HOST_DRV_VER_SUBMINOR,
		cfg->drv_sub_minor);
	hi->spec_version = ENA_SPEC_VERSION_PACKED;
	hi->bdf = cfg->bdf;
	hi->num_cpus = cfg->num_cpus;
	hi->driver_features = cfg->driver_supported_features;
	ena_plat_wmb();

	memset(&cmd, 0, sizeof(cmd));
	ena_dma_addr_set(
		&cmd.set_feat.host_attr.os_info, hw->host_info_mem.iova);
	rc = ena_hw_set_feature(hw, &cmd, ENA_FEAT_HOST_ATTR, NULL, 0);
	if (rc != 0)
		ena_hw_err(hw, "Cannot set host attributes rc: %d", rc);
	return rc;
}

/* ---- LLQ ------------------------------------------------------------------ */

static uint16_t
ena_hw_llq_entry_code(uint16_t bytes)
{
	switch (bytes) {
	case 128:
		return ENA_LLQ_ENTRY_128B;
	case 192:
		return ENA_LLQ_ENTRY_192B;
	case 256:
		return ENA_LLQ_ENTRY_256B;
	default:
		return 0;
	}
}

static bool
ena_hw_llq_before_ok(const struct ena_hw_llq_offer *offer, uint16_t before,
	uint16_t entry_size)
{
	return before != 0 && ena_hw_is_pow2(before) &&
		(offer->descs_before_header_supported & before) != 0 &&
		ena_llq_header_offset(before) < entry_size;
}

/*
 * One function on purpose: descriptors before the header, stride and
 * burst limit each depend on the entry size chosen first, and the
 * fallbacks read best side by side.
 */
int
ena_hw_llq_select(struct ena_hw *hw, const struct ena_hw_llq_offer *offer,
	const struct ena_hw_llq_request *req, struct ena_hw_llq_info *out)
{
	static const uint16_t entry_pref[] = {
		ENA_LLQ_ENTRY_128B,
		ENA_LLQ_ENTRY_256B,
		ENA_LLQ_ENTRY_192B,
	};
	static const uint16_t before_pref[] = { 2, 1, 4, 8 };
	uint16_t code, before = 0, stride;
	unsigned int i;

	memset(out, 0, sizeof(*out));
	if (!offer->present) {
		ena_hw_dbg(hw, "llq: not offered");
		return -EOPNOTSUPP;
	}
	if ((offer->header_location_supported & ENA_LLQ_HEADER_INLINE) == 0) {
		ena_hw_err(hw,
			"llq: inline header not supported (header location mask 0x%x)",
			offer->header_location_supported);
		return -EOPNOTSUPP;
	}
	out->header_location = ENA_LLQ_HEADER_INLINE;

	code = ena_hw_llq_entry_code(req->entry_size);
	if (code == 0 || (offer->entry_size_supported & code) == 0) {
		if (code == 0 && req->entry_size != 0)
			ena_hw_warn(hw, "llq: invalid entry size %u requested",
				req->entry_size);
		code = 0;
		for (i = 0; i < ENA_ARRAY_SIZE(entry_pref); i++) {
			if (offer->entry_size_supported & entry_pref[i]) {
				code = entry_pref[i];
				break;
			}
		}
		if (code == 0) {
			ena_hw_err(hw, "llq: no usable entry size (mask 0x%x)",
				offer->entry_size_supported);
			return -EOPNOTSUPP;
		}
		ena_hw_info(hw, "llq: entry size %u unsupported, using %u",
			req->entry_size,
			ena_llq_entry_bytes((enum ena_llq_entry_size)code));
	}
	out->entry_size_ctrl = code;
	out->entry_size = (uint16_t)ena_llq_entry_bytes(
		(enum ena_llq_entry_size)code);

	/* Descriptors ahead of the header must leave room for it. */
	if (ena_hw_llq_before_ok(
		    offer, req->descs_before_header, out->entry_size)) {
		before = req->descs_before_header;
	} else {
		for (i = 0; i < ENA_ARRAY_SIZE(before_pref); i++) {
			if (ena_hw_llq_before_ok(
				    offer, before_pref[i], out->entry_size)) {
				before = before_pref[i];
				break;
			}
		}
		if (before == 0) {
			ena_hw_err(hw,
				"llq: no usable descs before header (mask 0x%x) for a %u byte entry",
				offer->descs_before_header_supported,
				out->entry_size);
			return -EOPNOTSUPP;
		}
		ena_hw_info(hw,
			"llq: %u descs before header unusable, using %u",
			req->descs_before_header, before);
	}
	out->descs_before_header = before;

	stride = req->multiple_descs_per_entry ? ENA_LLQ_STRIDE_MULTI_DESC
					       : ENA_LLQ_STRIDE_SINGLE_DESC;
	if ((offer->stride_supported & stride) == 0)
		stride = stride == ENA_LLQ_STRIDE_MULTI_DESC
			? ENA_LLQ_STRIDE_SINGLE_DESC
			: ENA_LLQ_STRIDE_MULTI_DESC;
	if ((offer->stride_supported & stride) == 0) {
		ena_hw_err(hw, "llq: no usable descriptor stride (mask 0x%x)",
			offer->stride_supported);
		return -EOPNOTSUPP;
	}
	out->stride_ctrl = stride;
	out->descs_per_entry = (uint16_t)ena_llq_descs_per_entry(
		stride, out->entry_size);

	if ((offer->accel_supported & ENA_BIT(ENA_LLQ_ACCEL_LIMIT_TX_BURST)) &&
		offer->max_tx_burst_bytes != 0) {
		out->max_entries_in_burst = (uint16_t)ena_llq_burst_entries(
			offer->max_tx_burst_bytes, out->entry_size);
		if (out->max_entries_in_burst == 0) {
			ena_hw_err(hw,
				"llq: tx burst limit %u bytes below one %u byte entry",
				offer->max_tx_burst_bytes, out->entry_size);
			return -EOPNOTSUPP;
		}
	}
	out->disable_meta_caching =
		(offer->accel_supported &
			ENA_BIT(ENA_LLQ_ACCEL_NO_META_CACHING)) != 0;
	return 0;
}

int
ena_hw_llq_configure(struct ena_hw *hw, const struct ena_hw_llq_offer *offer,
	const struct ena_hw_llq_request *req)
{
	struct ena_hw_llq_info info;
	struct ena_aq_cmd cmd;
	struct ena_feat_llq *l = &cmd.set_feat.llq;
	int rc;

	hw->tx_placement = ENA_HW_PLACEMENT_HOST;
	memset(&hw->llq, 0, sizeof(hw->llq));
	if (!offer->present || hw->mem_bar == NULL) {
		ena_hw_info(hw, "llq: %s, using host placement",
			offer->present ? "no memory BAR" : "not offered");
		return 0;
	}
	rc = ena_hw_llq_select(hw, offer, req, &info);
	if (rc != 0) {
		ena_hw_warn(hw,
			"llq: negotiation failed (%d), using host placement",
			rc);
		return 0;
	}
	memset(&cmd, 0, sizeof(cmd));
	l->header_location_enabled = info.header_location;
	l->entry_size_enabled = info.entry_size_ctrl;
	l->descs_before_header_enabled = info.descs_before_header;
	l->stride_ctrl_enabled = info.stride_ctrl;
	l->accel.set.enabled_flags = offer->accel_supported &
		(ENA_BIT(ENA_LLQ_ACCEL_LIMIT_TX_BURST) |
			ENA_BIT(ENA_LLQ_ACCEL_NO_META_CACHING));
	rc = ena_hw_set_feature(hw, &cmd, ENA_FEAT_LLQ, NULL, 0);
	if (rc == -ETIME || rc == -ENODEV)
		return rc;
	if (rc != 0) {
		ena_hw_warn(hw,
			"llq: device refused the layout (%d), using host placement",
			rc);
		return 0;
	}
	hw->llq = info;
	hw->llq_max_depth = offer->max_llq_depth;
	hw->tx_placement = ENA_HW_PLACEMENT_DEV;
	ena_hw_info(hw,
		"llq: entry %u B, %u descs before header, %u per entry, burst %u entries",
		info.entry_size, info.descs_before_header, info.descs_per_entry,
		info.max_entries_in_burst);
	return 0;
}

/* ---- MTU, link ------------------------------------------------------------ */

int
ena_hw_set_mtu(struct ena_hw *hw, uint32_t mtu)
{
	struct ena_aq_cmd cmd;
	int rc;

	memset(&cmd, 0, sizeof(cmd));
	cmd.set_feat.mtu.mtu = mtu;
	rc = ena_hw_set_feature(hw, &cmd, ENA_FEAT_MTU, NULL, 0);
	if (rc != 0)
		ena_hw_err(hw, "Invalid MTU setting. new_mtu: %u (rc %d)", mtu,
			rc);
	return rc;
}

int
ena_hw_set_frag_bypass(struct ena_hw *hw, bool enable)
{
	struct ena_aq_cmd cmd;

	if (!ena_hw_feature_supported(hw, ENA_FEAT_FRAG_BYPASS)) {
		ena_hw_dbg(hw, "fragment bypass not offered (features 0x%x)",
			hw->supported_features);
		return -EOPNOTSUPP;
	}
	memset(&cmd, 0, sizeof(cmd));
	cmd.set_feat.frag_bypass.enable = enable ? 1 : 0;
	return ena_hw_set_feature(hw, &cmd, ENA_FEAT_FRAG_BYPASS, NULL, 0);
}

int
ena_hw_get_link(struct ena_hw *hw, struct ena_hw_link *link)
{
	struct ena_aq_get_feat_resp resp;
	int rc;

	memset(link, 0, sizeof(*link));
	rc = ena_hw_get_feature(hw, ENA_FEAT_LINK_CONFIG, 0, &resp, NULL, 0);
	if (rc != 0)
		return rc;
	link->speed_mbps = resp.link.speed_mbps;
	link->supported_speeds = resp.link.supported;
	link->autoneg = ENA_FIELD_GET(resp.link.flags, ENA_FEAT_LINK_AUTONEG);
	link->full_duplex = ENA_FIELD_GET(
		resp.link.flags, ENA_FEAT_LINK_DUPLEX);
	return 0;
}

/* ---- interrupt moderation ------------------------------------------------- */

int
ena_hw_intr_moder_init(struct ena_hw *hw)
{
	struct ena_aq_get_feat_resp resp;
	int rc;

	hw->intr_moder_supported = false;
	hw->intr_delay_resolution = 1;
	rc = ena_hw_get_feature(
		hw, ENA_FEAT_INTR_MODERATION, 0, &resp, NULL, 0);
	if (rc == -EOPNOTSUPP)
		return 0;
	if (rc != 0)
		return rc;
	hw->intr_moder_supported = true;
	if (resp.intr_moder.delay_resolution_us != 0)
		hw->intr_delay_resolution = resp.intr_moder.delay_resolution_us;
	else
		ena_hw_warn(hw,
			"interrupt delay resolution 0 reported, using 1 us");
	return 0;
}

static int
ena_hw_intr_moder_check(struct ena_hw *hw, uint32_t usecs, const char *dir)
{
	if (!hw->intr_moder_supported) {
		ena_hw_dbg(hw, "interrupt moderation not supported (%s %u us)",
			dir, usecs);
		return -EOPNOTSUPP;
	}
	if (usecs / hw->intr_delay_resolution > ENA_INTR_REG_RX_DELAY_MASK) {
		ena_hw_err(hw, "%s interrupt delay %u us out of range", dir,
			usecs);
		return -EINVAL;
	}
	return 0;
}

int
ena_hw_intr_moder_set_tx(struct ena_hw *hw, uint32_t usecs)
{
	int rc = ena_hw_intr_moder_check(hw, usecs, "tx");

	if (rc == 0)
		hw->intr_tx_usecs = usecs;
	return rc;
}

int
ena_hw_intr_moder_set_rx(struct ena_hw *hw, uint32_t usecs)
{
	int rc = ena_hw_intr_moder_check(hw, usecs, "rx");

	if (rc == 0)
		hw->intr_rx_usecs = usecs;
	return rc;
}

/* ---- statistics ----------------------------------------------------------- */

static int
ena_hw_get_stats(struct ena_hw *hw, uint8_t type,
	struct ena_aq_get_stats_resp *resp, const struct ena_dma_mem *ctrl,
	size_t ctrl_len)
{
	struct ena_aq_cmd cmd;

	memset(&cmd, 0, sizeof(cmd));
	cmd.common.opcode = ENA_AQ_OP_GET_STATS;
	cmd.get_stats.type = type;
	cmd.get_stats.scope = ENA_STATS_SCOPE_ETH_TRAFFIC;
	cmd.get_stats.device_id = ENA_STATS_DEVICE_SELF;
	if (ctrl != NULL) {
		cmd.common.flags |= ENA_AQ_DESC_CTRL_INDIRECT_MASK;
		cmd.get_stats.ctrl.len = (uint32_t)ctrl_len;
		ena_dma_addr_set(&cmd.get_stats.ctrl.addr, ctrl->iova);
	}
	return ena_hw_admin_exec(
		hw, &cmd, (struct ena_aq_comp *)resp, sizeof(*resp));
}

int
ena_hw_get_basic_stats(struct ena_hw *hw, struct ena_hw_basic_stats *s)
{
	struct ena_aq_get_stats_resp resp;
	const struct ena_stats_basic *b = &resp.basic;
	int rc;

	memset(s, 0, sizeof(*s));
	rc = ena_hw_get_stats(hw, ENA_STATS_TYPE_BASIC, &resp, NULL, 0);
	if (rc != 0)
		return rc;
	s->tx_bytes = ena_stats_u64(b->tx_bytes_lo, b->tx_bytes_hi);
	s->tx_pkts = ena_stats_u64(b->tx_pkts_lo, b->tx_pkts_hi);
	s->rx_bytes = ena_stats_u64(b->rx_bytes_lo, b->rx_bytes_hi);
	s->rx_pkts = ena_stats_u64(b->rx_pkts_lo, b->rx_pkts_hi);
	s->rx_drops = ena_stats_u64(b->rx_drops_lo, b->rx_drops_hi);
	s->tx_drops = ena_stats_u64(b->tx_drops_lo, b->tx_drops_hi);
	s->rx_overruns = ena_stats_u64(b->rx_overruns_lo, b->rx_overruns_hi);
	return 0;
}

/*
 * GET_STATS of a type that needs the device's capability cap: -EOPNOTSUPP
 * without asking when the device does not offer it. A device whose word
 * is 0 predates the word: when any_if_none, it is asked anyway (it may
 * have the type; its unsupported-opcode answer ends that).
 */
static int
ena_hw_get_offered_stats(struct ena_hw *hw, enum ena_dev_cap cap,
	bool any_if_none, uint8_t type, const char *what,
	struct ena_aq_get_stats_resp *resp)
{
	if ((hw->capabilities & ENA_BIT(cap)) == 0 &&
		!(any_if_none && hw->capabilities == 0)) {
		ena_hw_dbg(hw, "%s statistics not offered (caps 0x%x)", what,
			hw->capabilities);
		return -EOPNOTSUPP;
	}
	return ena_hw_get_stats(hw, type, resp, NULL, 0);
}

int
ena_hw_get_eni_stats(struct ena_hw *hw, struct ena_hw_eni_stats *s)
{
	struct ena_aq_get_stats_resp resp;
	int rc;

	memset(s, 0, sizeof(*s));
	rc = ena_hw_get_offered_stats(hw, ENA_DEV_CAP_ENI_STATS, true,
		ENA_STATS_TYPE_ENI, "ENI", &resp);
	if (rc != 0)
		return rc;
	s->bw_in_allowance_exceeded = resp.eni.bw_in_exceeded;
	s->bw_out_allowance_exceeded = resp.eni.bw_out_exceeded;
	s->pps_allowance_exceeded = resp.eni.pps_exceeded;
	s->conntrack_allowance_exceeded = resp.eni.conntrack_exceeded;
	s->linklocal_allowance_exceeded = resp.eni.linklocal_exceeded;
	return 0;
}

int
ena_hw_get_srd_stats(struct ena_hw *hw, struct ena_hw_srd_stats *s)
{
	struct ena_aq_get_stats_resp resp;
	int rc;

	memset(s, 0, sizeof(*s));
	rc = ena_hw_get_offered_stats(hw, ENA_DEV_CAP_SRD_INFO, false,
		ENA_STATS_TYPE_SRD, "SRD", &resp);
	if (rc != 0)
		return rc;
	s->srd_mode = resp.srd.flags;
	s->tx_pkts = resp.srd.tx_pkts;
	s->eligible_tx_pkts = resp.srd.eligible_tx_pkts;
	s->rx_pkts = resp.srd.rx_pkts;
	s->resource_utilization = resp.srd.resource_utilization;
	return 0;
}

int
ena_hw_get_extended_stats(struct ena_hw *hw, void *buf, size_t *len)
{
	struct ena_aq_get_stats_resp resp;
	struct ena_dma_mem mem;
	int rc;

	if (buf == NULL || len == NULL || *len == 0) {
		ena_hw_err(hw, "extended stats: no buffer (len %zu)",
			len ? *len : 0);
		return -EINVAL;
	}
	rc = ena_plat_dma_alloc(&mem, *len, hw->socket);
	if (rc != 0)
		return rc;
	rc = ena_hw_get_stats(hw, ENA_STATS_TYPE_EXTENDED, &resp, &mem, *len);
	if (rc == 0) {
		ena_plat_rmb();
		memcpy(buf, mem.va, *len);
		/* The device reports how much it wrote in the first word. */
		if (resp.raw[0] != 0 && resp.raw[0] < *len)
			*len = (size_t)resp.raw[0];
	}
	ena_plat_dma_free(&mem);
	return rc;
}

/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/*
 * RSS: hash function and key, hash input fields per flow type and the
 * indirection table. Key, fields and table travel in DMA buffers the admin
 * command points at (indirect control data).
 */
#include "ena_com_internal.h"

int
ena_hw_rss_init(struct ena_hw *hw, uint16_t log_size)
{
	struct ena_hw_rss *rss = &hw->rss;
	struct ena_aq_get_feat_resp resp;
	size_t n;
	int rc;

	if (log_size > ENA_HW_RSS_MAX_LOG_SIZE) {
		ena_hw_err(hw, "Cannot init RSS: table log size %u above %u",
			log_size, ENA_HW_RSS_MAX_LOG_SIZE);
		return -EINVAL;
	}
	rc = ena_hw_get_feature(hw, ENA_FEAT_RSS_IND_TABLE, 0, &resp, NULL, 0);
	if (rc != 0) {
		ena_hw_err(hw, "Cannot init RSS: indirection table query rc %d",
			rc);
		return rc;
	}
	if (log_size < resp.rss_ind.min_size_log2 ||
		log_size > resp.rss_ind.max_size_log2) {
		ena_hw_err(hw,
			"Cannot init RSS: table log size %u outside device range %u..%u",
			log_size, resp.rss_ind.min_size_log2,
			resp.rss_ind.max_size_log2);
		return -EINVAL;
	}
	ena_hw_rss_fini(hw);
	n = (size_t)1 << log_size;
	rc = ena_plat_dma_alloc(
		&rss->key_mem, sizeof(struct ena_feat_rss_key), hw->socket);
	if (rc == 0)
		rc = ena_plat_dma_alloc(&rss->fields_mem,
			sizeof(struct ena_feat_rss_hash_ctrl), hw->socket);
	if (rc == 0)
		rc = ena_plat_dma_alloc(&rss->tbl_mem,
			n * sizeof(struct ena_rss_ind_entry), hw->socket);
	if (rc == 0) {
		rss->tbl = ena_plat_zalloc(n * sizeof(*rss->tbl), hw->socket);
		if (rss->tbl == NULL)
			rc = -ENOMEM;
	}
	if (rc != 0) {
		ena_hw_err(hw, "Cannot init RSS: no memory for %zu entries", n);
		ena_hw_rss_fini(hw);
		return rc;
	}
	rss->log_size = log_size;
	return 0;
}

void
ena_hw_rss_fini(struct ena_hw *hw)
{
	struct ena_hw_rss *rss = &hw->rss;

	ena_plat_dma_free(&rss->key_mem);
	ena_plat_dma_free(&rss->fields_mem);
	ena_plat_dma_free(&rss->tbl_mem);
	ena_plat_free(rss->tbl);
	rss->tbl = NULL;
	rss->log_size = 0;
}

static int
ena_hw_rss_ready(struct ena_hw *hw, const char *what)
{
	if (hw->rss.tbl == NULL) {
		ena_hw_err(hw, "RSS %s before ena_hw_rss_init()", what);
		return -EINVAL;
	}
	return 0;
}

int
ena_hw_rss_get_function(struct ena_hw *hw, uint32_t *func, uint8_t *key)
{
	struct ena_feat_rss_key *k = hw->rss.key_mem.va;
	struct ena_aq_get_feat_resp resp;
	uint32_t sel;
	int rc;

	rc = ena_hw_rss_ready(hw, "get function");
	if (rc != 0)
		return rc;
	rc = ena_hw_get_feature(hw, ENA_FEAT_RSS_HASH_FUNCTION, 0, &resp,
		&hw->rss.key_mem, sizeof(*k));
	if (rc != 0)
		return rc;
	ena_plat_rmb();
	/* The device reports the selected function as a one-bit mask. */
	sel = ENA_FIELD_GET(resp.rss_func.selected, ENA_RSS_FUNC_SELECTED);
	hw->rss.func = sel != 0 ? (uint32_t)__builtin_ctz(sel) : 0;
	if (func != NULL)
		*func = hw->rss.func;
	if (key != NULL)
		memcpy(key, k->key, ENA_HW_RSS_KEY_LEN);
	return 0;
}

int
ena_hw_rss_set_function(struct ena_hw *hw, uint32_t func, const uint8_t *key,
	size_t key_len, uint32_t init_val)
{
	struct ena_feat_rss_key *k = hw->rss.key_mem.va;
	struct ena_aq_get_feat_resp resp;
	struct ena_aq_cmd cmd;
	uint32_t supported;
	int rc;

	rc = ena_hw_rss_ready(hw, "set function");
	if (rc != 0)
		return rc;
	if (key != NULL && key_len != ENA_HW_RSS_KEY_LEN) {
		ena_hw_err(hw,
			"Cannot fill hash function: key length %zu, need %u",
			key_len, ENA_HW_RSS_KEY_LEN);
		return -EINVAL;
	}
	/* Learn what the device supports and its current key. */
	rc = ena_hw_get_feature(hw, ENA_FEAT_RSS_HASH_FUNCTION, 0, &resp,
		&hw->rss.key_mem, sizeof(*k));
	if (rc != 0) {
		ena_hw_err(hw, "Cannot fill hash function: query rc %d", rc);
		return rc;
	}
	supported = ENA_FIELD_GET(
		resp.rss_func.supported, ENA_RSS_FUNC_SUPPORTED);
	if (func >= 32 || (supported & ENA_BIT(func)) == 0) {
		ena_hw_err(hw,
			"Cannot fill hash function: function %u not supported (mask 0x%x)",
			func, supported);
		return -EOPNOTSUPP;
	}
	if (key != NULL)
		memcpy(k->key, key, ENA_HW_RSS_KEY_LEN);
	k->key_parts = ENA_RSS_KEY_WORDS;
	ena_plat_wmb();

	memset(&cmd, 0, sizeof(cmd));
	ENA_FIELD_SET(cmd.set_feat.rss_func.selected, ENA_RSS_FUNC_SELECTED,
		ENA_BIT(func));
	cmd.set_feat.rss_func.init_val = init_val;
	rc = ena_hw_set_feature(hw, &cmd, ENA_FEAT_RSS_HASH_FUNCTION,
		&hw->rss.key_mem, sizeof(*k));
	if (rc != 0) {
		ena_hw_err(hw, "Cannot fill hash function %u: rc %d", func, rc);
		return rc;
	}
	hw->rss.func = func;
	hw->rss.init_val = init_val;
	memcpy(hw->rss.key, k->key, ENA_HW_RSS_KEY_LEN);
	return 0;
}

/* Refresh the hash control buffer from the device. */
static int
ena_hw_rss_fields_query(struct ena_hw *hw)
{
	struct ena_aq_get_feat_resp resp;

	return ena_hw_get_feature(hw, ENA_FEAT_RSS_HASH_INPUT, 0, &resp,
		&hw->rss.fields_mem, sizeof(struct ena_feat_rss_hash_ctrl));
}

static int
ena_hw_rss_fields_commit(struct ena_hw *hw)
{
	struct ena_aq_cmd cmd;

	memset(&cmd, 0, sizeof(cmd));
	ena_plat_wmb();
	return ena_hw_set_feature(hw, &cmd, ENA_FEAT_RSS_HASH_INPUT,
		&hw->rss.fields_mem, sizeof(struct ena_feat_rss_hash_ctrl));
}

int
ena_hw_rss_get_fields(struct ena_hw *hw, unsigned int proto, uint16_t *fields)
{
	struct ena_feat_rss_hash_ctrl *c = hw->rss.fields_mem.va;
	int rc;

	rc = ena_hw_rss_ready(hw, "get hash fields");
	if (rc != 0)
		return rc;
	if (proto >= ENA_RSS_PROTO_COUNT) {
		ena_hw_err(hw, "RSS flow type %u out of range", proto);
		return -EINVAL;
	}
	rc = ena_hw_rss_fields_query(hw);
	if (rc != 0)
		return rc;
	ena_plat_rmb();
	hw->rss.fields[proto] = c->selected[proto].fields;
	*fields = c->selected[proto].fields;
	return 0;
}

int
ena_hw_rss_set_fields(struct ena_hw *hw, unsigned int proto, uint16_t fields)
{
	struct ena_feat_rss_hash_ctrl *c = hw->rss.fields_mem.va;
	int rc;

	rc = ena_hw_rss_ready(hw, "set hash fields");
	if (rc != 0)
		return rc;
	if (proto >= ENA_RSS_PROTO_COUNT) {
		ena_hw_err(hw,
			"Cannot fill hash control: flow type %u out of range",
			proto);
		return -EINVAL;
	}
	rc = ena_hw_rss_fields_query(hw);
	if (rc != 0) {
		ena_hw_err(hw, "Cannot fill hash control: query rc %d", rc);
		return rc;
	}
	ena_plat_rmb();
	if ((fields & ~c->supported[proto].fields) != 0) {
		ena_hw_err(hw,
			"Cannot fill hash control: fields 0x%x for flow type %u, supported 0x%x",
			fields, proto, c->supported[proto].fields);
		return -EINVAL;
	}
	c->selected[proto].fields = fields;
	rc = ena_hw_rss_fields_commit(hw);
	if (rc != 0) {
		ena_hw_err(hw, "Cannot fill hash control: set rc %d", rc);
		return rc;
	}
	hw->rss.fields[proto] = fields;
	return 0;
}

int
ena_hw_rss_set_default_fields(struct ena_hw *hw)
{
	struct ena_feat_rss_hash_ctrl *c = hw->rss.fields_mem.va;
	const uint16_t l3 = ENA_RSS_FIELD_L3_SA | ENA_RSS_FIELD_L3_DA;
	const uint16_t l4 = l3 | ENA_RSS_FIELD_L4_SP | ENA_RSS_FIELD_L4_DP;
	const uint16_t l2 = ENA_RSS_FIELD_L2_SA | ENA_RSS_FIELD_L2_DA;
	uint16_t want[ENA_RSS_PROTO_COUNT] = { 0 };
	unsigned int p;
	int rc;

	rc = ena_hw_rss_ready(hw, "set default hash fields");
	if (rc != 0)
		return rc;
	want[ENA_RSS_PROTO_TCP4] = l4;
	want[ENA_RSS_PROTO_UDP4] = l4;
	want[ENA_RSS_PROTO_TCP6] = l4;
	want[ENA_RSS_PROTO_UDP6] = l4;
	want[ENA_RSS_PROTO_IP4] = l3;
	want[ENA_RSS_PROTO_IP6] = l3;
	want[ENA_RSS_PROTO_IP4_FRAG] = l3;
	want[ENA_RSS_PROTO_TCP6_EX] = l3;
	want[ENA_RSS_PROTO_IP6_EX] = l3;
	want[ENA_RSS_PROTO_NOT_IP] = l2;
	rc = ena_hw_rss_fields_query(hw);
	if (rc != 0) {
		ena_hw_err(hw, "Cannot fill hash control: query rc %d", rc);
		return rc;
	}
	ena_plat_rmb();
	for (p = 0; p < ENA_RSS_PROTO_COUNT; p++) {
		c->selected[p].fields = want[p] & c->supported[p].fields;
		hw->rss.fields[p] = c->selected[p].fields;
	}
	rc = ena_hw_rss_fields_commit(hw);
	if (rc != 0)
		ena_hw_err(hw, "Cannot fill hash control: set rc %d", rc);
	return rc;
}

int
ena_hw_rss_ind_set_entry(struct ena_hw *hw, uint32_t idx, uint16_t cq_idx)
{
	int rc = ena_hw_rss_ready(hw, "set indirection entry");

	if (rc != 0)
		return rc;
	if (idx >= (1U << hw->rss.log_size)) {
		ena_hw_err(hw,
			"Cannot fill indirect table: index %u beyond %u entries",
			idx, 1U << hw->rss.log_size);
		return -EINVAL;
	}
	hw->rss.tbl[idx] = cq_idx;
	return 0;
}

int
ena_hw_rss_ind_commit(struct ena_hw *hw)
{
	struct ena_rss_ind_entry *e = hw->rss.tbl_mem.va;
	uint32_t i, n;
	struct ena_aq_cmd cmd;
	int rc;

	rc = ena_hw_rss_ready(hw, "commit indirection table");
	if (rc != 0)
		return rc;
	n = 1U << hw->rss.log_size;
	for (i = 0; i < n; i++) {
		e[i].cq_idx = hw->rss.tbl[i];
		e[i].rsvd = 0;
	}
	ena_plat_wmb();
	memset(&cmd, 0, sizeof(cmd));
	cmd.set_feat.rss_ind.size_log2 = hw->rss.log_size;
	cmd.set_feat.rss_ind.inline_index = ENA_RSS_IND_INLINE_NONE;
	rc = ena_hw_set_feature(hw, &cmd, ENA_FEAT_RSS_IND_TABLE,
		&hw->rss.tbl_mem, n * sizeof(*e));
	if (rc != 0)
		ena_hw_err(hw, "Cannot fill indirect table: %u entries, rc %d",
			n, rc);
	return rc;
}

int
ena_hw_rss_ind_get(struct ena_hw *hw, uint16_t *tbl)
{
	struct ena_rss_ind_entry *e = hw->rss.tbl_mem.va;
	struct ena_aq_get_feat_resp resp;
	uint32_t i, n;
	int rc;

	rc = ena_hw_rss_ready(hw, "read indirection table");
	if (rc != 0)
		return rc;
	n = 1U << hw->rss.log_size;
	rc = ena_hw_get_feature(hw, ENA_FEAT_RSS_IND_TABLE, 0, &resp,
		&hw->rss.tbl_mem, n * sizeof(*e));
	if (rc != 0)
		return rc;
	ena_plat_rmb();
	for (i = 0; i < n; i++)
		tbl[i] = e[i].cq_idx;
	return 0;
}

/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#include <errno.h>
#include <string.h>

#include <rte_common.h>

#include "ena_ethdev.h"
#include "ena_logs.h"

/*
 * RSS: Toeplitz hash, 40-byte key, 128-entry indirection table.
 *
 * Default key: the 40-byte example key of the Microsoft RSS specification,
 * so that the hash is deterministic across runs and ports and equals
 * rte_softrss() of the tuple with that key, unless the application sets its
 * own key through rss_hash_update or dev_configure.
 */
/* clang-format off */
static const uint8_t ena_rss_default_key[ENA_HASH_KEY_LEN] = {
	0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2,
	0x41, 0x67, 0x25, 0x3d, 0x43, 0xa3, 0x8f, 0xb0,
	0xd0, 0xca, 0x2b, 0xcb, 0xae, 0x7b, 0x30, 0xb4,
	0x77, 0xcb, 0x2d, 0xa3, 0x80, 0x30, 0xf2, 0x0c,
	0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa,
};
/* clang-format on */

#define ENA_RSS_L2 (ENA_RSS_FIELD_L2_DA | ENA_RSS_FIELD_L2_SA)
#define ENA_RSS_L3 (ENA_RSS_FIELD_L3_DA | ENA_RSS_FIELD_L3_SA)
#define ENA_RSS_L4 (ENA_RSS_FIELD_L4_DP | ENA_RSS_FIELD_L4_SP)

#define ENA_RSS_HF_MODIFIERS                                 \
	(RTE_ETH_RSS_L3_SRC_ONLY | RTE_ETH_RSS_L3_DST_ONLY | \
		RTE_ETH_RSS_L4_SRC_ONLY | RTE_ETH_RSS_L4_DST_ONLY)

#define ENA_RSS_HF_DEFAULT                                        \
	(RTE_ETH_RSS_IPV4 | RTE_ETH_RSS_NONFRAG_IPV4_TCP |        \
		RTE_ETH_RSS_NONFRAG_IPV4_UDP | RTE_ETH_RSS_IPV6 | \
		RTE_ETH_RSS_NONFRAG_IPV6_TCP | RTE_ETH_RSS_NONFRAG_IPV6_UDP)

/* Which ethdev hash types select each device flow type, and with what. */
static const struct {
	uint8_t proto;
	uint16_t fields;
	uint64_t hf;
} ena_rss_map[] = {
	{ ENA_RSS_PROTO_TCP4, ENA_RSS_L3 | ENA_RSS_L4,
		RTE_ETH_RSS_NONFRAG_IPV4_TCP },
	{ ENA_RSS_PROTO_UDP4, ENA_RSS_L3 | ENA_RSS_L4,
		RTE_ETH_RSS_NONFRAG_IPV4_UDP },
	{ ENA_RSS_PROTO_TCP6, ENA_RSS_L3 | ENA_RSS_L4,
		RTE_ETH_RSS_NONFRAG_IPV6_TCP },
	{ ENA_RSS_PROTO_UDP6, ENA_RSS_L3 | ENA_RSS_L4,
		RTE_ETH_RSS_NONFRAG_IPV6_UDP },
	{ ENA_RSS_PROTO_IP4, ENA_RSS_L3,
		RTE_ETH_RSS_IPV4 | RTE_ETH_RSS_NONFRAG_IPV4_OTHER },
	{ ENA_RSS_PROTO_IP6, ENA_RSS_L3,
		RTE_ETH_RSS_IPV6 | RTE_ETH_RSS_NONFRAG_IPV6_OTHER },
	{ ENA_RSS_PROTO_IP4_FRAG, ENA_RSS_L3, RTE_ETH_RSS_FRAG_IPV4 },
	{ ENA_RSS_PROTO_NOT_IP, ENA_RSS_L2, RTE_ETH_RSS_L2_PAYLOAD },
	{ ENA_RSS_PROTO_TCP6_EX, ENA_RSS_L3 | ENA_RSS_L4,
		RTE_ETH_RSS_IPV6_TCP_EX },
	{ ENA_RSS_PROTO_IP6_EX, ENA_RSS_L3, RTE_ETH_RSS_IPV6_EX },
};

uint64_t
ena_rss_hf_supported(void)
{
	uint64_t hf = ENA_RSS_HF_MODIFIERS;
	unsigned int i;

	for (i = 0; i < RTE_DIM(ena_rss_map); i++)
		hf |= ena_rss_map[i].hf;
	return hf;
}

static uint16_t
ena_rss_fields_for(uint64_t rss_hf, unsigned int i)
{
	uint16_t f;

	if (!(rss_hf & ena_rss_map[i].hf))
		return 0;
	f = ena_rss_map[i].fields;
	if (rss_hf & RTE_ETH_RSS_L3_SRC_ONLY)
		f &= ~ENA_RSS_FIELD_L3_DA;
	else if (rss_hf & RTE_ETH_RSS_L3_DST_ONLY)
		f &= ~ENA_RSS_FIELD_L3_SA;
	if (rss_hf & RTE_ETH_RSS_L4_SRC_ONLY)
		f &= ~ENA_RSS_FIELD_L4_DP;
	else if (rss_hf & RTE_ETH_RSS_L4_DST_ONLY)
		f &= ~ENA_RSS_FIELD_L4_SP;
	return f;
}

int
ena_rss_conf_check(
	const struct ena_adapter *ad, const struct rte_eth_rss_conf *c)
{
	uint64_t bad = c->rss_hf & ~ena_rss_hf_supported();

	if (c->rss_key != NULL && c->rss_key_len != ENA_HASH_KEY_LEN) {
		PMD_DRV_LOG(ERR, "%s: RSS key length %u invalid (must be %u)",
			ad->name, c->rss_key_len, ENA_HASH_KEY_LEN);
		return -EINVAL;
	}
	if (bad != 0) {
		PMD_DRV_LOG(ERR,
			"%s: RSS hash types 0x%" PRIx64 " not "
			"supported",
			ad->name, bad);
		return -EINVAL;
	}
	return 0;
}

void
ena_rss_defaults(struct ena_adapter *ad)
{
	memcpy(ad->rss_key, ena_rss_default_key, ENA_HASH_KEY_LEN);
	ad->rss_hf = ENA_RSS_HF_DEFAULT;
	ad->reta_user = false;
	ad->rss_hw_dirty = true;
}

static void
ena_reta_default(struct ena_adapter *ad)
{
	uint16_t nq = ad->edev_data->nb_rx_queues;
	uint32_t i, q = 0;

	for (i = 0; i < ENA_RETA_SIZE; i++) {
		ad->reta[i] = q;
		if (++q >= nq)
			q = 0;
	}
}

/* Device CQ index for an ethdev queue; a stopped queue maps to a live one. */
static int
ena_reta_cq(struct ena_adapter *ad, uint32_t q, uint16_t *cq)
{
	uint16_t i, nq = ad->edev_data->nb_rx_queues;

	if (q < nq && ad->rx_ring[q].started) {
		*cq = ad->rx_ring[q].cq.idx;
		return 0;
	}
	for (i = 0; i < nq; i++) {
		if (ad->rx_ring[i].started) {
			*cq = ad->rx_ring[i].cq.idx;
			return 0;
		}
	}
	return -ENOENT;
}

static int
ena_rss_apply_reta(struct ena_adapter *ad)
{
	uint16_t cq;
	uint32_t i;
	int rc;

	if (!ad->reta_user)
		ena_reta_default(ad);
	for (i = 0; i < ENA_RETA_SIZE; i++) {
		if (ena_reta_cq(ad, ad->reta[i], &cq) != 0)
			return 0; /* no Rx queue running yet */
		rc = ena_hw_rss_ind_set_entry(&ad->hw, i, cq);
		if (rc != 0)
			return rc;
	}
	return ena_hw_rss_ind_commit(&ad->hw);
}

static int
ena_rss_apply_hash(struct ena_adapter *ad)
{
	unsigned int i;
	int rc;

	uint8_t dev_key[ENA_HASH_KEY_LEN];

	/* The device holds the Toeplitz key with its bytes reversed. */
	for (i = 0; i < ENA_HASH_KEY_LEN; i++)
		dev_key[i] = ad->rss_key[ENA_HASH_KEY_LEN - 1 - i];
	rc = ena_hw_rss_set_function(
		&ad->hw, ENA_RSS_FUNC_TOEPLITZ, dev_key, ENA_HASH_KEY_LEN, 0);
	if (rc != 0)
		return rc;
	for (i = 0; i < RTE_DIM(ena_rss_map); i++) {
		rc = ena_hw_rss_set_fields(&ad->hw, ena_rss_map[i].proto,
			ena_rss_fields_for(ad->rss_hf, i));
		if (rc != 0)
			return rc;
	}
	ad->rss_hw_dirty = false;
	return 0;
}

/* Pushes key, hash inputs (when changed) and the table to the device. */
int
ena_rss_apply(struct ena_adapter *ad)
{
	int rc = 0;

	if (!ad->rss_supported)
		return 0;
	rte_spinlock_lock(&ad->admin_lock);
	if (ad->rss_hw_dirty)
		rc = ena_rss_apply_hash(ad);
	if (rc == 0)
		rc = ena_rss_apply_reta(ad);
	rte_spinlock_unlock(&ad->admin_lock);
	if (rc != 0)
		PMD_DRV_LOG(ERR, "%s: device refused the RSS setup: %d (%s)",
			ad->name, rc, strerror(-rc));
	return rc;
}

static bool
ena_port_running(const struct ena_adapter *ad)
{
	return ad->state == ENA_STATE_RUNNING;
}

/*
 * The application may give the table in part: the first size entries
 * (size up to the device's table, 64 per rte_eth_rss_reta_entry64), masks
 * choosing which of them change; the others keep their value.
 */
static int
ena_reta_begin(struct ena_adapter *ad,
	const struct rte_eth_rss_reta_entry64 *conf, uint16_t size)
{
	if (!ad->rss_supported) {
		PMD_DRV_LOG(ERR, "%s: device has no RSS", ad->name);
		return -ENOTSUP;
	}
	if (conf == NULL || size == 0 || size > ENA_RETA_SIZE) {
		PMD_DRV_LOG(ERR,
			"%s: RETA size %u invalid (device table: 1 to %u "
			"entries)",
			ad->name, size, ENA_RETA_SIZE);
		return -EINVAL;
	}
	/* Until the application writes one, the table spreads evenly. */
	if (!ad->reta_user)
		ena_reta_default(ad);
	return 0;
}

int
ena_rss_reta_update(struct rte_eth_dev *dev,
	struct rte_eth_rss_reta_entry64 *conf, uint16_t size)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	uint32_t next[ENA_RETA_SIZE];
	uint16_t i, nq = dev->data->nb_rx_queues;
	int rc;

	rc = ena_reta_begin(ad, conf, size);
	if (rc != 0)
		return rc;
	memcpy(next, ad->reta, sizeof(next));
	for (i = 0; i < size; i++) {
		const struct rte_eth_rss_reta_entry64 *g =
			&conf[i / RTE_ETH_RETA_GROUP_SIZE];
		uint16_t bit = i % RTE_ETH_RETA_GROUP_SIZE;

		if (!(g->mask & RTE_BIT64(bit)))
			continue;
		if (g->reta[bit] >= nq) {
			PMD_DRV_LOG(ERR,
				"%s: RETA entry %u names queue %u of %u",
				ad->name, i, g->reta[bit], nq);
			return -EINVAL;
		}
		next[i] = g->reta[bit];
	}
	memcpy(ad->reta, next, sizeof(next));
	ad->reta_user = true;
	if (!ena_port_running(ad))
		return 0;
	rte_spinlock_lock(&ad->admin_lock);
	rc = ena_rss_apply_reta(ad);
	rte_spinlock_unlock(&ad->admin_lock);
	if (rc != 0)
		PMD_DRV_LOG(
			ERR, "%s: device refused the RETA: %d", ad->name, rc);
	return rc;
}

int
ena_rss_reta_query(struct rte_eth_dev *dev,
	struct rte_eth_rss_reta_entry64 *conf, uint16_t size)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	uint16_t i;
	int rc;

	rc = ena_reta_begin(ad, conf, size);
	if (rc != 0)
		return rc;
	for (i = 0; i < size; i++) {
		struct rte_eth_rss_reta_entry64 *g =
			&conf[i / RTE_ETH_RETA_GROUP_SIZE];
		uint16_t bit = i % RTE_ETH_RETA_GROUP_SIZE;

		if (g->mask & RTE_BIT64(bit))
			g->reta[bit] = (uint16_t)ad->reta[i];
	}
	return 0;
}

int
ena_rss_hash_update(struct rte_eth_dev *dev, struct rte_eth_rss_conf *c)
{
	struct ena_adapter *ad = ena_adapter_of(dev);

	int rc;

	if (!ad->rss_supported)
		return -ENOTSUP;
	rc = ena_rss_conf_check(ad, c);
	if (rc != 0)
		return rc;
	if (c->rss_key != NULL)
		memcpy(ad->rss_key, c->rss_key, ENA_HASH_KEY_LEN);
	ad->rss_hf = c->rss_hf;
	ad->rss_hw_dirty = true;
	if (!ena_port_running(ad))
		return 0;
	return ena_rss_apply(ad);
}

int
ena_rss_hash_conf_get(struct rte_eth_dev *dev, struct rte_eth_rss_conf *c)
{
	struct ena_adapter *ad = ena_adapter_of(dev);

	if (!ad->rss_supported)
		return -ENOTSUP;
	if (c->rss_key != NULL) {
		if (c->rss_key_len < ENA_HASH_KEY_LEN) {
			PMD_DRV_LOG(ERR, "%s: RSS key buffer of %u B, need %u",
				ad->name, c->rss_key_len, ENA_HASH_KEY_LEN);
			return -EINVAL;
		}
		memcpy(c->rss_key, ad->rss_key, ENA_HASH_KEY_LEN);
	}
	c->rss_key_len = ENA_HASH_KEY_LEN;
	c->rss_hf = ad->rss_hf;
	return 0;
}

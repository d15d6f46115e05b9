/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <rte_alarm.h>
#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_devargs.h>
#include <rte_eal.h>
#include <rte_interrupts.h>
#include <rte_lcore.h>
#include <rte_malloc.h>
#include <rte_version.h>
#include <bus_pci_driver.h>
#include <ethdev_driver.h>
#include <ethdev_pci.h>

#include "ena_ethdev.h"
#include "ena_logs.h"

RTE_LOG_REGISTER(ena_logtype_init, pmd.net.ena.init, NOTICE);
RTE_LOG_REGISTER(ena_logtype_driver, pmd.net.ena.driver, NOTICE);
RTE_LOG_REGISTER(ena_logtype_rx, pmd.net.ena.rx, NOTICE);
RTE_LOG_REGISTER(ena_logtype_tx, pmd.net.ena.tx, NOTICE);

#define ENA_DRV_MAJOR 1
#define ENA_DRV_MINOR 0
#define ENA_DRV_SUB   0

/* Default LLQ layout: two descriptors before the pushed header. */
#define ENA_LLQ_DESCS_BEFORE_HDR 2
#define ENA_LLQ_ENTRY_NORMAL	 128

static const struct rte_pci_id ena_pci_ids[] = {
	{ RTE_PCI_DEVICE(0x1d0f, 0x0ec2) },
	{ RTE_PCI_DEVICE(0x1d0f, 0x1ec2) },
	{ RTE_PCI_DEVICE(0x1d0f, 0xec20) },
	{ RTE_PCI_DEVICE(0x1d0f, 0xec21) },
	{ .vendor_id = 0 },
};

/* ---- reset requests ----------------------------------------------------- */

/*
 * Safe from any thread, including the datapath of a secondary process: it
 * only records the reason. The watchdog alarm of the primary announces it.
 */
void
ena_trigger_reset(struct ena_adapter *ad, uint32_t reason)
{
	unsigned int q;

	if (ad->trigger_reset)
		return;
	ad->reset_reason = reason;
	rte_smp_wmb();
	ad->trigger_reset = true;
	/* The bursts look at their own ring, not at the adapter. */
	for (q = 0; q < ENA_MAX_QUEUES; q++) {
		ad->rx_ring[q].reset_pending = true;
		ad->tx_ring[q].reset_pending = true;
	}
}

static int ena_link_update(struct rte_eth_dev *dev, int wait);

/* ---- AENQ --------------------------------------------------------------- */

static void
ena_aenq_link(void *arg, const struct ena_aenq_entry *e)
{
	struct rte_eth_dev *dev = arg;
	struct ena_adapter *ad = ena_adapter_of(dev);
	const struct ena_aenq_link_change_desc *d = (const void *)e;
	bool up = ENA_FIELD_GET(d->flags, ENA_AENQ_LINK_UP) != 0;

	if (ad->link_up == up)
		return;
	ad->link_up = up;
	PMD_DRV_LOG(INFO, "%s: link %s", ad->name, up ? "up" : "down");
	/* With LSC on, ethdev reads the stored status without asking us. */
	ena_link_update(dev, 0);
	if (dev->data->dev_conf.intr_conf.lsc != 0)
		rte_eth_dev_callback_process(dev, RTE_ETH_EVENT_INTR_LSC, NULL);
}

static void
ena_aenq_keep_alive(void *arg, const struct ena_aenq_entry *e)
{
	struct rte_eth_dev *dev = arg;
	struct ena_adapter *ad = ena_adapter_of(dev);

	/* The base layer decoded the event's counters (ena_hw_aenq_process). */
	RTE_SET_USED(e);
	ad->basic_rx_drops = ad->hw.keep_alive_rx_drops;
	ad->basic_tx_drops = ad->hw.keep_alive_tx_drops;
	ad->dev_stats.tx_drops = ad->basic_tx_drops;
	ad->dev_stats.rx_overruns = ad->hw.keep_alive_rx_overruns;
}

/*
 * A fatal error, or (newer devices, DEVICE_RESET group) the device asking
 * for a reset: either way the device needs one.
 */
static void
ena_aenq_reset_needed(void *arg, const struct ena_aenq_entry *e)
{
	struct ena_adapter *ad = ena_adapter_of((struct rte_eth_dev *)arg);
	bool fatal = e->common.group == ENA_AENQ_GROUP_FATAL_ERROR;

	if (fatal)
		PMD_DRV_LOG(ERR,
			"%s: device reported a fatal error (syndrome %u)",
			ad->name, e->common.syndrome);
	else
		PMD_DRV_LOG(WARNING,
			"%s: device requested a reset (syndrome %u)", ad->name,
			e->common.syndrome);
	ena_trigger_reset(ad,
		fatal ? ENA_RESET_REASON_GENERIC
		      : ENA_RESET_REASON_DEVICE_REQUEST);
}

/* Traffic suspended or resumed by the device: noted, nothing to do. */
static void
ena_aenq_suspend_resume(void *arg, const struct ena_aenq_entry *e)
{
	struct ena_adapter *ad = ena_adapter_of((struct rte_eth_dev *)arg);

	PMD_DRV_LOG(NOTICE, "%s: device %s traffic", ad->name,
		e->common.syndrome == ENA_AENQ_NOTIFY_SUSPEND ? "suspended"
							      : "resumed");
}

static void
ena_aenq_hints(void *arg, const struct ena_aenq_entry *e)
{
	struct ena_adapter *ad = ena_adapter_of((struct rte_eth_dev *)arg);
	struct ena_hw_hints h;

	RTE_SET_USED(e);
	memset(&h, 0, sizeof(h));
	if (ena_hw_get_hints(&ad->hw, &h) == 0)
		ena_hw_apply_hints(&ad->hw, &h);
	PMD_DRV_LOG(INFO, "%s: device updated its hints", ad->name);
}

static void
ena_aenq_unknown(void *arg, const struct ena_aenq_entry *e)
{
	struct ena_adapter *ad = ena_adapter_of((struct rte_eth_dev *)arg);

	PMD_DRV_LOG(DEBUG, "%s: ignoring AENQ event group %u syndrome %u",
		ad->name, e->common.group, e->common.syndrome);
}

static const struct ena_hw_aenq_handlers ena_aenq_handlers = {
	.by_group = {
		[ENA_AENQ_GROUP_LINK_CHANGE] = ena_aenq_link,
		[ENA_AENQ_GROUP_FATAL_ERROR] = ena_aenq_reset_needed,
		[ENA_AENQ_GROUP_KEEP_ALIVE] = ena_aenq_keep_alive,
		[ENA_AENQ_GROUP_DEVICE_RESET] = ena_aenq_reset_needed,
	},
	.notification = {
		[ENA_AENQ_NOTIFY_SUSPEND] = ena_aenq_suspend_resume,
		[ENA_AENQ_NOTIFY_RESUME] = ena_aenq_suspend_resume,
		[ENA_AENQ_NOTIFY_UPDATE_HINTS] = ena_aenq_hints,
	},
	.unknown = ena_aenq_unknown,
};

#define ENA_AENQ_GROUPS_WANTED                         \
	(ENA_BIT(ENA_AENQ_GROUP_LINK_CHANGE) |         \
		ENA_BIT(ENA_AENQ_GROUP_FATAL_ERROR) |  \
		ENA_BIT(ENA_AENQ_GROUP_WARNING) |      \
		ENA_BIT(ENA_AENQ_GROUP_NOTIFICATION) | \
		ENA_BIT(ENA_AENQ_GROUP_KEEP_ALIVE) |   \
		ENA_BIT(ENA_AENQ_GROUP_DEVICE_RESET))

/* ---- device bring-up ---------------------------------------------------- */

/* Looks for "-a <addr>,key=val" style devargs the bus did not attach. */
static const struct rte_devargs *
ena_find_devargs(struct rte_pci_device *pci)
{
	struct rte_devargs *da;

	if (pci->device.devargs != NULL)
		return pci->device.devargs;
	RTE_EAL_DEVARGS_FOREACH("pci", da)
	{
		if (strcmp(da->name, pci->device.name) == 0)
			return da;
	}
	return NULL;
}

/*
 * Memory type the kernel gave the mapping of the physical range at phys:
 * its PAT bookkeeping (debugfs) names it. NULL when that list cannot be
 * read (debugfs not mounted, not x86, not root) or has no such range.
 */
static const char *
ena_pat_memtype(uint64_t phys, char *buf, size_t len)
{
	unsigned long long lo, hi;
	char type[32];
	FILE *f;

	f = fopen("/sys/kernel/debug/x86/pat_memtype_list", "r");
	if (f == NULL)
		return NULL;
	while (fgets(buf, (int)len, f) != NULL) {
		if (sscanf(buf, "PAT: [mem 0x%llx-0x%llx] %31s", &lo, &hi,
			    type) == 3 &&
			phys >= lo && phys < hi) {
			fclose(f);
			snprintf(buf, len, "%s", type);
			return buf;
		}
	}
	fclose(f);
	return NULL;
}

/*
 * Without write combining every LLQ store is a separate PCIe write. Says
 * once what the mapping of BAR 2 is, as far as this process can tell.
 */
static void
ena_check_wc(struct ena_adapter *ad, struct rte_pci_device *pci)
{
	const struct rte_mem_resource *bar = &pci->mem_resource[ENA_LLQ_BAR];
	char path[PATH_MAX], type[128];
	const char *t;

	if (ad->wc_warned || pci->kdrv == RTE_PCI_KDRV_NONE)
		return;
	ad->wc_warned = true;
	t = ena_pat_memtype(bar->phys_addr, type, sizeof(type));
	if (pci->kdrv == RTE_PCI_KDRV_VFIO) {
		if (t != NULL && strcmp(t, "write-combining") == 0)
			PMD_INIT_LOG(INFO,
				"%s: LLQ BAR%d (0x%" PRIx64
				") is write-combined (kernel PAT)",
				ad->name, ENA_LLQ_BAR, bar->phys_addr);
		else
			PMD_INIT_LOG(WARNING,
				"%s: LLQ BAR%d (0x%" PRIx64
				") mapped by vfio-pci is %s: each LLQ store "
				"is a separate bus write; Tx works, slower (a "
				"vfio-pci with write-combining support, or "
				"igb_uio wc_activate=1, maps it write-combined)",
				ad->name, ENA_LLQ_BAR, bar->phys_addr,
				t != NULL
					? t
					: "of unknown memory type (no "
					  "/sys/kernel/debug/x86/pat_memtype_list)");
		return;
	}
	snprintf(path, sizeof(path), "%s/" PCI_PRI_FMT "/resource2_wc",
		rte_pci_get_sysfs_path(), pci->addr.domain, pci->addr.bus,
		pci->addr.devid, pci->addr.function);
	if (access(path, F_OK) != 0)
		PMD_INIT_LOG(WARNING,
			"%s: LLQ BAR is not write-combined (%s "
			"missing): Tx will be slow; load igb_uio with "
			"wc_activate=1 or use vfio-pci",
			ad->name, path);
	else
		PMD_INIT_LOG(INFO, "%s: LLQ BAR%d mapped write-combined (%s)",
			ad->name, ENA_LLQ_BAR, t != NULL ? t : "resource2_wc");
}

static void
ena_llq_setup(struct ena_adapter *ad, struct rte_pci_device *pci,
	const struct ena_hw_dev_features *feat)
{
	struct ena_hw_llq_request req;
	int rc;

	ad->llq_active = false;
	ad->llq_hdr_max = 0;
	if (ad->devargs.llq_policy == ENA_LLQ_POLICY_OFF) {
		PMD_INIT_LOG(INFO, "%s: LLQ disabled by devarg %s=0", ad->name,
			ENA_DEVARG_LLQ_POLICY);
		return;
	}
	if (!feat->llq.present)
		return;
	if (ad->hw.mem_bar == NULL) {
		PMD_INIT_LOG(WARNING,
			"%s: device offers LLQ but BAR%d is not "
			"mapped; using regular Tx (bind the device to a "
			"driver that maps BAR%d, e.g. vfio-pci or igb_uio)",
			ad->name, ENA_LLQ_BAR, ENA_LLQ_BAR);
		return;
	}
	memset(&req, 0, sizeof(req));
	switch (ad->devargs.llq_policy) {
	case ENA_LLQ_POLICY_LARGE:
		req.entry_size = ENA_LLQ_ENTRY_LARGE;
		break;
	case ENA_LLQ_POLICY_DEVICE:
		/* Devices of the 22.11 interface advise nothing: 128 B. */
		req.entry_size = feat->llq.entry_size_recommended != 0
			? feat->llq.entry_size_recommended
			: ENA_LLQ_ENTRY_NORMAL;
		break;
	default:
		req.entry_size = ENA_LLQ_ENTRY_NORMAL;
		break;
	}
	req.descs_before_header = ENA_LLQ_DESCS_BEFORE_HDR;
	req.multiple_descs_per_entry = true;
	req.inline_header = true;
	rc = ena_hw_llq_configure(&ad->hw, &feat->llq, &req);
	if (rc != 0 || ad->hw.tx_placement != ENA_HW_PLACEMENT_DEV) {
		PMD_INIT_LOG(WARNING,
			"%s: LLQ negotiation failed (%d); using "
			"regular Tx",
			ad->name, rc);
		return;
	}
	ad->llq_active = true;
	ad->llq_hdr_max = (uint16_t)(ad->hw.llq.entry_size -
		ena_llq_header_offset(ad->hw.llq.descs_before_header));
	if (ad->hw.max_tx_header_size != 0 &&
		ad->llq_hdr_max > ad->hw.max_tx_header_size)
		ad->llq_hdr_max = (uint16_t)ad->hw.max_tx_header_size;
	if (ad->hw.llq.entry_size < req.entry_size)
		PMD_INIT_LOG(WARNING,
			"%s: device refused %u B LLQ entries; "
			"header limit is %u B",
			ad->name, req.entry_size, ad->llq_hdr_max);
	ena_check_wc(ad, pci);
	PMD_INIT_LOG(INFO, "%s: LLQ entry %u B, header up to %u B", ad->name,
		ad->hw.llq.entry_size, ad->llq_hdr_max);
}

/* enable_frag_bypass=1: a device without the feature still works. */
static void
ena_frag_bypass_setup(struct ena_adapter *ad)
{
	int rc = ena_hw_set_frag_bypass(&ad->hw, true);

	if (rc == -EOPNOTSUPP)
		PMD_INIT_LOG(WARNING,
			"%s: %s=1, but the device does not offer fragment "
			"bypass; IPv4 fragments stay under the PPS limit",
			ad->name, ENA_DEVARG_FRAG_BYPASS);
	else if (rc != 0)
		PMD_INIT_LOG(WARNING,
			"%s: device refused fragment bypass: %d (%s)", ad->name,
			rc, strerror(-rc));
	else
		PMD_INIT_LOG(INFO, "%s: fragment bypass enabled", ad->name);
}

static uint32_t
ena_pow2_floor(uint32_t v)
{
	if (v == 0)
		return 0;
	return rte_align32prevpow2(v);
}

static void
ena_limits_from_features(
	struct ena_adapter *ad, const struct ena_hw_dev_features *f)
{
	const struct ena_hw_queue_limits *q = &f->queues;
	const struct ena_hw_offloads *o = &f->offloads;
	uint32_t n;

	n = RTE_MIN(q->max_tx_sq_num, q->max_rx_sq_num);
	n = RTE_MIN(n, RTE_MIN(q->max_tx_cq_num, q->max_rx_cq_num));
	if (ad->llq_active && f->llq.max_llq_num != 0)
		n = RTE_MIN(n, f->llq.max_llq_num);
	ad->max_io_queues = RTE_MIN(RTE_MAX(n, 1u), (uint32_t)ENA_MAX_QUEUES);

	n = RTE_MIN(q->max_tx_sq_depth, q->max_tx_cq_depth);
	if (ad->llq_active && f->llq.max_llq_depth != 0)
		n = RTE_MIN(n, f->llq.max_llq_depth);
	ad->max_tx_ring = RTE_MIN(ena_pow2_floor(n), (uint32_t)UINT16_MAX + 1);
	n = RTE_MIN(q->max_rx_sq_depth, q->max_rx_cq_depth);
	ad->max_rx_ring = RTE_MIN(ena_pow2_floor(n), (uint32_t)UINT16_MAX + 1);
	if (ad->max_tx_ring > ENA_MAX_RING_SIZE)
		ad->max_tx_ring = ENA_MAX_RING_SIZE;
	if (ad->max_rx_ring > ENA_MAX_RING_SIZE)
		ad->max_rx_ring = ENA_MAX_RING_SIZE;

	ad->max_tx_sgl = RTE_MIN(
		RTE_MAX(ad->hw.max_tx_descs_per_pkt, 1), ENA_MAX_SEGS);
	ad->max_rx_sgl = RTE_MIN(
		RTE_MAX(ad->hw.max_rx_descs_per_pkt, 1), ENA_MAX_SEGS);
	ad->max_mtu = (uint16_t)RTE_MIN(f->max_mtu, (uint32_t)UINT16_MAX);

	ad->tx_offload_capa = RTE_ETH_TX_OFFLOAD_MULTI_SEGS;
	if (o->tx_l3_csum_ipv4)
		ad->tx_offload_capa |= RTE_ETH_TX_OFFLOAD_IPV4_CKSUM;
	if (o->tx_l4_ipv4_csum_part || o->tx_l4_ipv4_csum_full ||
		o->tx_l4_ipv6_csum_part || o->tx_l4_ipv6_csum_full)
		ad->tx_offload_capa |= RTE_ETH_TX_OFFLOAD_UDP_CKSUM |
			RTE_ETH_TX_OFFLOAD_TCP_CKSUM;
	if (o->tso_ipv4 || o->tso_ipv6)
		ad->tx_offload_capa |= RTE_ETH_TX_OFFLOAD_TCP_TSO;
	ad->tx_offload_capa |= RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE;
	ad->tx_l4_v4_full = o->tx_l4_ipv4_csum_full;
	ad->tx_l4_v6 = o->tx_l4_ipv6_csum_part || o->tx_l4_ipv6_csum_full;
	ad->tx_tso_v6 = o->tso_ipv6;

	ad->rx_offload_capa = RTE_ETH_RX_OFFLOAD_SCATTER;
	if (o->rx_l3_csum_ipv4)
		ad->rx_offload_capa |= RTE_ETH_RX_OFFLOAD_IPV4_CKSUM;
	if (o->rx_l4_ipv4_csum || o->rx_l4_ipv6_csum)
		ad->rx_offload_capa |= RTE_ETH_RX_OFFLOAD_UDP_CKSUM |
			RTE_ETH_RX_OFFLOAD_TCP_CKSUM;
	if (o->rx_hash || ad->rss_supported)
		ad->rx_offload_capa |= RTE_ETH_RX_OFFLOAD_RSS_HASH;
}

/*
 * The missing Tx completion timeout the watchdog applies: miss_txc_to when
 * it was given, even equal to the default; else what the device hints;
 * else the default. Logged, so that which one won can be seen.
 */
static void
ena_miss_txc_setup(struct ena_adapter *ad)
{
	uint64_t ms = (uint64_t)ad->devargs.miss_txc_to_s * 1000;
	const char *from = "default";

	if (ad->devargs.miss_txc_to_given) {
		from = "devarg " ENA_DEVARG_MISS_TXC_TO;
	} else if (ad->hw.missing_tx_timeout_ms != 0) {
		ms = ad->hw.missing_tx_timeout_ms;
		from = "device";
	}
	ad->miss_txc_to = ms * rte_get_timer_hz() / 1000;
	PMD_INIT_LOG(INFO,
		"%s: missing Tx completion timeout %" PRIu64 " ms (%s)%s",
		ad->name, ms, from, ms == 0 ? ": check disabled" : "");
}

/* How the admin queue runs and what the host tells the device of itself. */
static void
ena_bringup_cfg(const struct rte_pci_device *pci, enum ena_reset_reason why,
	struct ena_hw_bringup_cfg *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->readless = true;
	/* Until the admin vector has a handler (ena_intr_setup()). */
	cfg->admin_polling = true;
	cfg->aenq_groups = ENA_AENQ_GROUPS_WANTED;
	cfg->handlers = &ena_aenq_handlers;
	cfg->os_type = ENA_OS_DPDK;
	cfg->os_dist = "DPDK";
	cfg->kernel_ver = rte_version();
	cfg->drv_major = ENA_DRV_MAJOR;
	cfg->drv_minor = ENA_DRV_MINOR;
	cfg->drv_sub_minor = ENA_DRV_SUB;
	cfg->num_cpus = (uint16_t)rte_lcore_count();
	cfg->bdf = (uint16_t)(pci->addr.bus << 8 | pci->addr.devid << 3 |
		pci->addr.function);
	cfg->reset_reason = why;
}

/*
 * Brings the device from reset to ready: admin queue, features, LLQ, RSS.
 * Used by probe and by dev_reset.
 */
static int
ena_device_bringup(struct rte_eth_dev *dev, enum ena_reset_reason why)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	struct rte_pci_device *pci = RTE_ETH_DEV_TO_PCI(dev);
	struct ena_hw_bringup_cfg cfg;
	struct ena_hw_dev_features feat;
	void *regs = pci->mem_resource[ENA_REG_BAR].addr;
	void *llq = pci->mem_resource[ENA_LLQ_BAR].addr;
	int rc;

	if (regs == NULL) {
		PMD_INIT_LOG(ERR, "%s: register BAR%d is not mapped", ad->name,
			ENA_REG_BAR);
		return -ENXIO;
	}
	rc = ena_hw_init(&ad->hw, ad->name, regs, llq, dev->device->numa_node);
	if (rc != 0)
		return rc;
	ena_hw_set_bar_lens(&ad->hw, pci->mem_resource[ENA_REG_BAR].len,
		pci->mem_resource[ENA_LLQ_BAR].len);
	ena_bringup_cfg(pci, why, &cfg);
	memset(&feat, 0, sizeof(feat));
	rc = ena_hw_bringup(&ad->hw, &cfg, &feat);
	if (rc != 0) {
		PMD_INIT_LOG(ERR, "%s: device bring-up failed: %d (%s)",
			ad->name, rc, strerror(-rc));
		return rc;
	}
	ena_hw_admin_set_running(&ad->hw, true);
	ena_llq_setup(ad, pci, &feat);
	if (ad->devargs.frag_bypass)
		ena_frag_bypass_setup(ad);
	ad->rss_supported = ena_hw_feature_supported(
				    &ad->hw, ENA_FEAT_RSS_IND_TABLE) &&
		ena_hw_feature_supported(&ad->hw, ENA_FEAT_RSS_HASH_FUNCTION);
	ena_limits_from_features(ad, &feat);
	ena_miss_txc_setup(ad);
	memcpy(ad->mac.addr_bytes, feat.mac_addr, RTE_ETHER_ADDR_LEN);
	snprintf(ad->fw_version, sizeof(ad->fw_version), "%u.%u.%u impl %u",
		ENA_FIELD_GET(
			ad->hw.ctrl_version, ENA_REG_CONTROLLER_VERSION_MAJOR),
		ENA_FIELD_GET(
			ad->hw.ctrl_version, ENA_REG_CONTROLLER_VERSION_MINOR),
		ENA_FIELD_GET(ad->hw.ctrl_version,
			ENA_REG_CONTROLLER_VERSION_SUBMINOR),
		ENA_FIELD_GET(ad->hw.ctrl_version,
			ENA_REG_CONTROLLER_VERSION_IMPL_ID));
	if (ad->rss_supported) {
		rc = ena_hw_rss_init(&ad->hw, ENA_RETA_LOG);
		if (rc != 0) {
			PMD_INIT_LOG(WARNING,
				"%s: RSS init failed (%d): all "
				"traffic goes to queue 0",
				ad->name, rc);
			ad->rss_supported = false;
		}
	}
	ad->link_up = true;
	ad->rss_hw_dirty = true;
	ad->stats_eni_ok = true;
	ad->stats_srd_ok = true;
	ad->stats_basic_ok = true;
	ad->stats_fail_streak = 0;
	ad->wd_sts_misses = 0;
	ad->trigger_reset = false;
	ad->reset_announced = false;
	ad->reset_reason = ENA_RESET_REASON_NORMAL;
	ad->hw.last_keep_alive_us = ena_plat_now_us();
	return 0;
}

static void
ena_device_teardown(struct ena_adapter *ad, enum ena_reset_reason why)
{
	/* Frees the RSS tables too. */
	ena_hw_teardown(&ad->hw, why);
}

static void
ena_set_burst_functions(struct rte_eth_dev *dev)
{
	dev->rx_pkt_burst = ena_recv_pkts;
	dev->tx_pkt_burst = ena_xmit_pkts;
	dev->tx_pkt_prepare = ena_prep_pkts;
	dev->rx_queue_count = ena_compat_rx_queue_count;
	dev->rx_descriptor_status = ena_rx_descriptor_status;
	dev->tx_descriptor_status = ena_tx_descriptor_status;
}

static const struct eth_dev_ops ena_eth_ops_secondary;

/*
 * A secondary process shares the adapter the primary built, doorbell and
 * LLQ pointers included; it never talks to the device. Those pointers are
 * usable only where the device memory sits at the primary's address.
 */
static int
ena_secondary_init(struct ena_adapter *ad, struct rte_pci_device *pci)
{
	void *regs = pci->mem_resource[ENA_REG_BAR].addr;
	void *llq = pci->mem_resource[ENA_LLQ_BAR].addr;

	if (regs != ad->hw.regs ||
		(ad->hw.mem_bar != NULL && llq != ad->hw.mem_bar)) {
		PMD_INIT_LOG(ERR,
			"%s: BAR%d at %p here, %p in the primary: "
			"no datapath from this process",
			ad->name,
			regs != ad->hw.regs ? ENA_REG_BAR : ENA_LLQ_BAR,
			regs != ad->hw.regs ? regs : llq,
			regs != ad->hw.regs ? ad->hw.regs : ad->hw.mem_bar);
		return -ENXIO;
	}
	PMD_INIT_LOG(INFO, "%s: attached in a secondary process", ad->name);
	return 0;
}

static int
ena_eth_dev_init(struct rte_eth_dev *dev)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	struct rte_pci_device *pci = RTE_ETH_DEV_TO_PCI(dev);
	int rc;

	ena_set_burst_functions(dev);
	if (rte_eal_process_type() != RTE_PROC_PRIMARY) {
		dev->dev_ops = &ena_eth_ops_secondary;
		return ena_secondary_init(ad, pci);
	}
	dev->dev_ops = &ena_eth_ops;

	ad->edev_data = dev->data;
	snprintf(ad->name, sizeof(ad->name), "ena%u", dev->data->port_id);
	rte_spinlock_init(&ad->admin_lock);
	rc = ena_devargs_parse(ena_find_devargs(pci), &ad->devargs);
	if (rc != 0)
		return rc;
	rc = ena_device_bringup(dev, ENA_RESET_REASON_NORMAL);
	if (rc != 0)
		return rc;

	dev->data->mac_addrs = rte_zmalloc("ena_mac", RTE_ETHER_ADDR_LEN, 0);
	if (dev->data->mac_addrs == NULL) {
		rc = -ENOMEM;
		goto err;
	}
	rte_ether_addr_copy(&ad->mac, dev->data->mac_addrs);
	dev->data->mtu = RTE_MIN((uint16_t)RTE_ETHER_MTU, ad->max_mtu);
	ad->mtu = dev->data->mtu;
	ena_rss_defaults(ad);

	rc = ena_intr_setup(dev);
	if (rc != 0)
		goto err;
	ena_watchdog_start(dev);
	ad->state = ENA_STATE_INIT;
	PMD_INIT_LOG(INFO,
		"%s: " PCI_PRI_FMT " MAC " RTE_ETHER_ADDR_PRT_FMT
		", %u queues, rings Tx %u Rx %u, MTU <= %u, %s Tx",
		ad->name, pci->addr.domain, pci->addr.bus, pci->addr.devid,
		pci->addr.function, RTE_ETHER_ADDR_BYTES(&ad->mac),
		ad->max_io_queues, ad->max_tx_ring, ad->max_rx_ring,
		ad->max_mtu, ad->llq_active ? "LLQ" : "regular");
	return 0;
err:
	ena_device_teardown(ad, ENA_RESET_REASON_INIT_ERR);
	return rc;
}

static int
ena_eth_dev_uninit(struct rte_eth_dev *dev)
{
	if (rte_eal_process_type() != RTE_PROC_PRIMARY)
		return 0;
	if (ena_adapter_of(dev)->state != ENA_STATE_CLOSED)
		return ena_eth_ops.dev_close(dev);
	return 0;
}

/* ---- ethdev ops --------------------------------------------------------- */

static int
ena_dev_configure(struct rte_eth_dev *dev)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	struct rte_eth_conf *conf = &dev->data->dev_conf;
	struct rte_eth_rss_conf *rss = &conf->rx_adv_conf.rss_conf;
	int rc;

	if (conf->rxmode.mq_mode & RTE_ETH_MQ_RX_RSS_FLAG)
		conf->rxmode.offloads |= RTE_ETH_RX_OFFLOAD_RSS_HASH;
	if ((conf->rxmode.mq_mode & RTE_ETH_MQ_RX_RSS_FLAG) &&
		!ad->rss_supported && dev->data->nb_rx_queues > 1) {
		PMD_DRV_LOG(ERR,
			"%s: RSS requested for %u Rx queues but the "
			"device has no RSS",
			ad->name, dev->data->nb_rx_queues);
		return -ENOTSUP;
	}
	rc = ena_rss_conf_check(ad, rss);
	if (rc != 0)
		return rc;
	if (conf->intr_conf.rxq != 0 &&
		!ena_rxq_intr_possible(dev, dev->data->nb_rx_queues))
		return -ENOTSUP;
	if (conf->rxmode.mq_mode & RTE_ETH_MQ_RX_RSS_FLAG) {
		if (rss->rss_key != NULL)
			memcpy(ad->rss_key, rss->rss_key, ENA_HASH_KEY_LEN);
		ad->rss_hf = rss->rss_hf;
	}
	ad->reta_user = false;
	/* Queue set-up and MTU changes turn it on when frames need it. */
	dev->data->scattered_rx = (conf->rxmode.offloads &
					  RTE_ETH_RX_OFFLOAD_SCATTER) != 0;
	ad->state = ENA_STATE_CONFIG;
	return 0;
}

static int
ena_infos_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	struct ena_adapter *ad = ena_adapter_of(dev);

	info->speed_capa = RTE_ETH_LINK_SPEED_1G | RTE_ETH_LINK_SPEED_10G |
		RTE_ETH_LINK_SPEED_25G | RTE_ETH_LINK_SPEED_40G |
		RTE_ETH_LINK_SPEED_50G | RTE_ETH_LINK_SPEED_100G |
		RTE_ETH_LINK_SPEED_200G;
	info->max_rx_queues = ad->max_io_queues;
	info->max_tx_queues = ad->max_io_queues;
	info->max_mac_addrs = 1;
	info->min_mtu = ENA_MIN_MTU;
	info->max_mtu = ad->max_mtu;
	info->min_rx_bufsize = ENA_MIN_RX_BUF;
	info->max_rx_pktlen = ad->max_mtu + RTE_ETHER_HDR_LEN;
	info->rx_offload_capa = ad->rx_offload_capa;
	info->rx_queue_offload_capa = ad->rx_offload_capa;
	info->tx_offload_capa = ad->tx_offload_capa;
	info->tx_queue_offload_capa = ad->tx_offload_capa;
	info->flow_type_rss_offloads = ad->rss_supported
		? ena_rss_hf_supported()
		: 0;
	info->hash_key_size = ENA_HASH_KEY_LEN;
	info->reta_size = ENA_RETA_SIZE;

	info->rx_desc_lim.nb_max = ad->max_rx_ring;
	info->rx_desc_lim.nb_min = ENA_MIN_RING;
	info->rx_desc_lim.nb_align = 1;
	info->rx_desc_lim.nb_seg_max = ad->max_rx_sgl;
	info->rx_desc_lim.nb_mtu_seg_max = ad->max_rx_sgl;
	info->tx_desc_lim.nb_max = ad->max_tx_ring;
	info->tx_desc_lim.nb_min = ENA_MIN_RING;
	info->tx_desc_lim.nb_align = 1;
	info->tx_desc_lim.nb_seg_max = ad->max_tx_sgl;
	info->tx_desc_lim.nb_mtu_seg_max = ad->max_tx_sgl;

	info->default_rxportconf.ring_size = RTE_MIN(
		(uint32_t)ENA_DEFAULT_RING, ad->max_rx_ring);
	info->default_txportconf.ring_size = RTE_MIN(
		(uint32_t)ENA_DEFAULT_RING, ad->max_tx_ring);
	info->default_rxportconf.nb_queues = 1;
	info->default_txportconf.nb_queues = 1;
	info->default_rxportconf.burst_size = 32;
	info->default_txportconf.burst_size = 32;
	info->default_rxconf.rx_free_thresh = ENA_RX_REFILL_MAX;
	info->default_txconf.tx_free_thresh = 0;
	info->dev_capa = RTE_ETH_DEV_CAPA_RUNTIME_RX_QUEUE_SETUP |
		RTE_ETH_DEV_CAPA_RUNTIME_TX_QUEUE_SETUP;
	info->dev_capa &= ~RTE_ETH_DEV_CAPA_FLOW_RULE_KEEP;
	return 0;
}

static int
ena_link_update(struct rte_eth_dev *dev, int wait)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	struct rte_eth_link link;

	RTE_SET_USED(wait);
	bool up = ad->link_up && !ad->link_forced_down;

	memset(&link, 0, sizeof(link));
	link.link_status = up ? RTE_ETH_LINK_UP : RTE_ETH_LINK_DOWN;
	link.link_speed = up ? ad->link_speed : RTE_ETH_SPEED_NUM_NONE;
	link.link_duplex = RTE_ETH_LINK_FULL_DUPLEX;
	link.link_autoneg = RTE_ETH_LINK_FIXED;
	return rte_eth_linkstatus_set(dev, &link);
}

static void
ena_link_speed_read(struct ena_adapter *ad)
{
	struct ena_hw_link l;

	memset(&l, 0, sizeof(l));
	ad->link_speed = RTE_ETH_SPEED_NUM_UNKNOWN;
	if (!ena_hw_feature_supported(&ad->hw, ENA_FEAT_LINK_CONFIG))
		return;
	rte_spinlock_lock(&ad->admin_lock);
	if (ena_hw_get_link(&ad->hw, &l) == 0 && l.speed_mbps != 0)
		ad->link_speed = l.speed_mbps;
	rte_spinlock_unlock(&ad->admin_lock);
}

static int
ena_mtu_apply(struct ena_adapter *ad, uint16_t mtu)
{
	int rc;

	rte_spinlock_lock(&ad->admin_lock);
	rc = ena_hw_set_mtu(&ad->hw, mtu);
	rte_spinlock_unlock(&ad->admin_lock);
	if (rc != 0)
		PMD_DRV_LOG(ERR, "%s: device refused MTU %u: %d (%s)", ad->name,
			mtu, rc, strerror(-rc));
	return rc;
}

static int
ena_mtu_set(struct rte_eth_dev *dev, uint16_t mtu)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	uint16_t q;
	int rc;

	if (mtu < ENA_MIN_MTU || mtu > ad->max_mtu) {
		PMD_DRV_LOG(ERR, "%s: MTU %u out of range [%u, %u]", ad->name,
			mtu, ENA_MIN_MTU, ad->max_mtu);
		return -EINVAL;
	}
	/* Every Rx queue set up must take the frame (see ena_rx.c). */
	for (q = 0; q < dev->data->nb_rx_queues; q++) {
		struct ena_ring *r = &ad->rx_ring[q];

		if (!r->configured)
			continue;
		rc = ena_rx_frame_fits(dev, q, mtu, ena_rx_room(r->mb_pool));
		if (rc != 0)
			return rc;
	}
	rc = ena_mtu_apply(ad, mtu);
	if (rc == 0) {
		ad->mtu = mtu;
		ena_tx_mtu_update(ad, mtu);
	}
	return rc;
}

/* Starts the queues of one direction that are not deferred. */
static int
ena_queues_start_dir(struct rte_eth_dev *dev, bool rx)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	const uint16_t n = rx ? dev->data->nb_rx_queues
			      : dev->data->nb_tx_queues;
	uint8_t *state = rx ? dev->data->rx_queue_state
			    : dev->data->tx_queue_state;
	uint16_t q;
	int rc;

	for (q = 0; q < n; q++) {
		struct ena_ring *r = rx ? &ad->rx_ring[q] : &ad->tx_ring[q];

		if (!r->configured) {
			PMD_DRV_LOG(ERR, "%s: %s %u is not set up", ad->name,
				rx ? "rxq" : "txq", q);
			return -EINVAL;
		}
		if (r->deferred_start)
			continue;
		rc = rx ? ena_rx_queue_start_hw(ad, r)
			: ena_tx_queue_start_hw(ad, r);
		if (rc != 0)
			return rc;
		state[q] = RTE_ETH_QUEUE_STATE_STARTED;
	}
	return 0;
}

static int
ena_queues_start(struct rte_eth_dev *dev)
{
	int rc = ena_queues_start_dir(dev, false);

	return rc != 0 ? rc : ena_queues_start_dir(dev, true);
}

static void
ena_queues_stop(struct rte_eth_dev *dev)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	uint16_t q;

	for (q = 0; q < dev->data->nb_tx_queues; q++) {
		ena_tx_queue_stop_hw(ad, &ad->tx_ring[q]);
		dev->data->tx_queue_state[q] = RTE_ETH_QUEUE_STATE_STOPPED;
	}
	for (q = 0; q < dev->data->nb_rx_queues; q++) {
		ena_rx_queue_stop_hw(ad, &ad->rx_ring[q]);
		dev->data->rx_queue_state[q] = RTE_ETH_QUEUE_STATE_STOPPED;
	}
}

static int
ena_dev_start(struct rte_eth_dev *dev)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	int rc;

	if (ad->trigger_reset) {
		PMD_DRV_LOG(ERR,
			"%s: a reset (%s) is pending; call "
			"rte_eth_dev_reset() first",
			ad->name,
			ena_hw_reset_reason_name(
				(enum ena_reset_reason)ad->reset_reason));
		return -EIO;
	}
	if (dev->data->mtu != ad->mtu || ad->state != ENA_STATE_STOPPED) {
		rc = ena_mtu_apply(ad, dev->data->mtu);
		if (rc != 0)
			return rc;
		ad->mtu = dev->data->mtu;
	}
	ena_tx_mtu_update(ad, dev->data->mtu);
	ad->link_forced_down = false;
	rc = ena_rxq_intr_setup(dev);
	if (rc != 0)
		return rc;
	rc = ena_queues_start(dev);
	if (rc != 0)
		goto err;
	rc = ena_rss_apply(ad);
	if (rc != 0)
		goto err;
	ena_link_speed_read(ad);
	ena_link_update(dev, 0);
	ad->dev_stats.dev_start++;
	ad->state = ENA_STATE_RUNNING;
	return 0;
err:
	ena_queues_stop(dev);
	ena_rxq_intr_teardown(dev);
	return rc;
}

static int
ena_dev_stop(struct rte_eth_dev *dev)
{
	struct ena_adapter *ad = ena_adapter_of(dev);

	ena_queues_stop(dev);
	ena_rxq_intr_teardown(dev);
	dev->data->dev_started = 0;
	ad->dev_stats.dev_stop++;
	ad->state = ENA_STATE_STOPPED;
	return 0;
}

static int
ena_dev_close(struct rte_eth_dev *dev)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	uint16_t q;

	if (rte_eal_process_type() != RTE_PROC_PRIMARY)
		return 0;
	if (ad->state == ENA_STATE_CLOSED)
		return 0;
	if (ad->state == ENA_STATE_RUNNING)
		ena_dev_stop(dev);
	ena_watchdog_stop(dev);
	ena_intr_teardown(dev);
	for (q = 0; q < dev->data->nb_rx_queues; q++)
		ena_rx_queue_release(dev, q);
	for (q = 0; q < dev->data->nb_tx_queues; q++)
		ena_tx_queue_release(dev, q);
	ena_device_teardown(ad, ENA_RESET_REASON_NORMAL);
	ad->state = ENA_STATE_CLOSED;
	return 0;
}

/*
 * Re-initialises the device after a failure and keeps everything the
 * application configured (queues, MTU, RSS, offloads): rte_eth_dev_start()
 * is enough to resume traffic.
 */
static int
ena_port_reset(struct rte_eth_dev *dev)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	enum ena_reset_reason why = ad->trigger_reset
		? (enum ena_reset_reason)ad->reset_reason
		: ENA_RESET_REASON_USER_TRIGGER;
	enum ena_port_state prev = ad->state;
	int rc;

	if (rte_eal_process_type() != RTE_PROC_PRIMARY)
		return -EPERM;
	if (prev == ENA_STATE_CLOSED)
		return -ENODEV;
	PMD_DRV_LOG(NOTICE, "%s: resetting the device, reason %s (%s)",
		ad->name, ena_hw_reset_reason_name(why),
		ena_hw_reset_reason_str(why));
	ena_stats_log(ad);
	if (prev == ENA_STATE_RUNNING)
		ena_dev_stop(dev);
	ena_watchdog_stop(dev);
	ena_intr_teardown(dev);
	ena_device_teardown(ad, why);
	/*
	 * The teardown's reset gave the device the reason; the bring-up's
	 * own reset is a plain one (the reason read again could only be told
	 * as GENERIC before the device's capabilities are known again).
	 */
	rc = ena_device_bringup(dev, ENA_RESET_REASON_NORMAL);
	if (rc != 0) {
		PMD_DRV_LOG(ERR,
			"%s: device did not come back after reset: "
			"%d",
			ad->name, rc);
		return rc;
	}
	rc = ena_intr_setup(dev);
	if (rc != 0)
		return rc;
	ena_watchdog_start(dev);
	ad->state = prev == ENA_STATE_INIT ? ENA_STATE_INIT : ENA_STATE_STOPPED;
	/* Force MTU to be pushed to the fresh device at the next start. */
	ad->mtu = 0;
	return 0;
}

/* Lets the started queues' bursts run, or makes them return 0. */
static void
ena_queues_run(struct rte_eth_dev *dev, bool run)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	uint16_t q;

	for (q = 0; q < dev->data->nb_tx_queues; q++)
		ad->tx_ring[q].run = run && ad->tx_ring[q].started;
	for (q = 0; q < dev->data->nb_rx_queues; q++)
		ad->rx_ring[q].run = run && ad->rx_ring[q].started;
}

static void
ena_link_forced(struct rte_eth_dev *dev, bool down)
{
	struct ena_adapter *ad = ena_adapter_of(dev);

	ad->link_forced_down = down;
	ena_queues_run(dev, !down);
	PMD_DRV_LOG(NOTICE, "%s: link set %s by the application", ad->name,
		down ? "down" : "up");
	if (ena_link_update(dev, 0) == 0 &&
		dev->data->dev_conf.intr_conf.lsc != 0)
		rte_eth_dev_callback_process(dev, RTE_ETH_EVENT_INTR_LSC, NULL);
}

/*
 * An ENA has no link the driver could take down: link down/up is done in
 * software. Down makes the bursts of the started queues return 0 (nothing
 * received, nothing sent; what the device already holds stays in the
 * rings), reports the link down and raises LSC; up resumes the queues.
 * Bursts running on other lcores meanwhile end normally: nothing is freed.
 * The next dev_start brings the link up again.
 */
static int
ena_dev_set_link_down(struct rte_eth_dev *dev)
{
	ena_link_forced(dev, true);
	return 0;
}

static int
ena_dev_set_link_up(struct rte_eth_dev *dev)
{
	struct ena_adapter *ad = ena_adapter_of(dev);

	if (ad->trigger_reset) {
		PMD_DRV_LOG(ERR,
			"%s: link up refused: a reset (%s) is pending; call "
			"rte_eth_dev_reset() first",
			ad->name,
			ena_hw_reset_reason_name(
				(enum ena_reset_reason)ad->reset_reason));
		return -EIO;
	}
	ena_link_forced(dev, false);
	return 0;
}

/*
 * Promiscuous and all-multicast: the device delivers every frame addressed
 * to the interface and has no filter to open, so there is nothing to do
 * and nothing to restore after a reset.
 */
static int
ena_rx_mode_set(struct rte_eth_dev *dev)
{
	RTE_SET_USED(dev);
	return 0;
}

static int
ena_fw_version_get(struct rte_eth_dev *dev, char *buf, size_t len)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	int n = snprintf(buf, len, "%s", ad->fw_version);

	if (n < 0)
		return -EINVAL;
	return (size_t)n < len ? 0 : n + 1;
}

static int
ena_rxq_start_op(struct rte_eth_dev *dev, uint16_t qid)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	int rc = ena_rx_queue_start_hw(ad, &ad->rx_ring[qid]);

	if (rc == 0) {
		dev->data->rx_queue_state[qid] = RTE_ETH_QUEUE_STATE_STARTED;
		rc = ena_rss_apply(ad);
	}
	return rc;
}

static int
ena_rxq_stop_op(struct rte_eth_dev *dev, uint16_t qid)
{
	struct ena_adapter *ad = ena_adapter_of(dev);

	ena_rx_queue_stop_hw(ad, &ad->rx_ring[qid]);
	dev->data->rx_queue_state[qid] = RTE_ETH_QUEUE_STATE_STOPPED;
	return 0;
}

static int
ena_txq_start_op(struct rte_eth_dev *dev, uint16_t qid)
{
	struct ena_adapter *ad = ena_adapter_of(dev);
	int rc = ena_tx_queue_start_hw(ad, &ad->tx_ring[qid]);

	if (rc == 0)
		dev->data->tx_queue_state[qid] = RTE_ETH_QUEUE_STATE_STARTED;
	return rc;
}

static int
ena_txq_stop_op(struct rte_eth_dev *dev, uint16_t qid)
{
	struct ena_adapter *ad = ena_adapter_of(dev);

	ena_tx_queue_stop_hw(ad, &ad->tx_ring[qid]);
	dev->data->tx_queue_state[qid] = RTE_ETH_QUEUE_STATE_STOPPED;
	return 0;
}

static void
ena_rxq_info(
	struct rte_eth_dev *dev, uint16_t qid, struct rte_eth_rxq_info *qinfo)
{
	struct ena_ring *r = &ena_adapter_of(dev)->rx_ring[qid];

	qinfo->mp = r->mb_pool;
	qinfo->nb_desc = r->ring_size;
	qinfo->conf.rx_free_thresh = r->rx_refill_thresh;
	qinfo->conf.offloads = r->offloads;
	qinfo->conf.rx_deferred_start = r->deferred_start;
	qinfo->scattered_rx = dev->data->scattered_rx;
}

static void
ena_txq_info(
	struct rte_eth_dev *dev, uint16_t qid, struct rte_eth_txq_info *qinfo)
{
	struct ena_ring *r = &ena_adapter_of(dev)->tx_ring[qid];

	qinfo->nb_desc = r->ring_size;
	qinfo->conf.tx_free_thresh = r->tx_free_thresh;
	qinfo->conf.offloads = r->offloads;
	qinfo->conf.tx_deferred_start = r->deferred_start;
}

const struct eth_dev_ops ena_eth_ops = {
	.dev_configure = ena_dev_configure,
	.dev_infos_get = ena_infos_get,
	.dev_start = ena_dev_start,
	.dev_stop = ena_dev_stop,
	.dev_close = ena_dev_close,
	.dev_reset = ena_port_reset,
	.link_update = ena_link_update,
	.dev_set_link_up = ena_dev_set_link_up,
	.dev_set_link_down = ena_dev_set_link_down,
	.promiscuous_enable = ena_rx_mode_set,
	.promiscuous_disable = ena_rx_mode_set,
	.allmulticast_enable = ena_rx_mode_set,
	.allmulticast_disable = ena_rx_mode_set,
	.mtu_set = ena_mtu_set,
	.fw_version_get = ena_fw_version_get,
	.dev_supported_ptypes_get = ena_compat_supported_ptypes,
	.rx_queue_setup = ena_rx_queue_setup,
	.rx_queue_release = ena_rx_queue_release,
	.tx_queue_setup = ena_tx_queue_setup,
	.tx_queue_release = ena_tx_queue_release,
	.rx_queue_start = ena_rxq_start_op,
	.rx_queue_stop = ena_rxq_stop_op,
	.tx_queue_start = ena_txq_start_op,
	.tx_queue_stop = ena_txq_stop_op,
	.rxq_info_get = ena_rxq_info,
	.txq_info_get = ena_txq_info,
	.rx_burst_mode_get = ena_rx_burst_mode_get,
	.tx_burst_mode_get = ena_tx_burst_mode_get,
	.get_monitor_addr = ena_rx_get_monitor_addr,
	.rx_queue_intr_enable = ena_rx_queue_intr_enable,
	.rx_queue_intr_disable = ena_rx_queue_intr_disable,
	.tx_done_cleanup = ena_tx_done_cleanup,
	.stats_get = ena_compat_stats_get,
	.stats_reset = ena_stats_reset,
	.xstats_get = ena_xstats_get,
	.xstats_get_names = ena_xstats_get_names,
	.xstats_get_by_id = ena_xstats_get_by_id,
	.xstats_get_names_by_id = ena_xstats_get_names_by_id,
	.xstats_reset = ena_xstats_reset,
	.reta_update = ena_rss_reta_update,
	.reta_query = ena_rss_reta_query,
	.rss_hash_update = ena_rss_hash_update,
	.rss_hash_conf_get = ena_rss_hash_conf_get,
};

/*
 * What a secondary process may do: read state and counters the primary
 * keeps in shared memory, and clean its own Tx completions. Anything that
 * needs the admin queue or changes the port stays with the primary, so
 * ethdev answers -ENOTSUP here instead of racing the primary's commands.
 */
static const struct eth_dev_ops ena_eth_ops_secondary = {
	.dev_infos_get = ena_infos_get,
	.dev_close = ena_dev_close,
	.link_update = ena_link_update,
	.fw_version_get = ena_fw_version_get,
	.dev_supported_ptypes_get = ena_compat_supported_ptypes,
	.rxq_info_get = ena_rxq_info,
	.txq_info_get = ena_txq_info,
	.rx_burst_mode_get = ena_rx_burst_mode_get,
	.tx_burst_mode_get = ena_tx_burst_mode_get,
	.get_monitor_addr = ena_rx_get_monitor_addr,
	.tx_done_cleanup = ena_tx_done_cleanup,
	.stats_get = ena_compat_stats_get,
	.stats_reset = ena_stats_reset,
	.xstats_get = ena_xstats_get,
	.xstats_get_names = ena_xstats_get_names,
	.xstats_get_by_id = ena_xstats_get_by_id,
	.xstats_get_names_by_id = ena_xstats_get_names_by_id,
	.xstats_reset = ena_xstats_reset,
	.reta_query = ena_rss_reta_query,
	.rss_hash_conf_get = ena_rss_hash_conf_get,
};

/* ---- PCI glue ------------------------------------------------------------ */

static int
ena_pci_probe(struct rte_pci_driver *drv, struct rte_pci_device *pci)
{
	RTE_SET_USED(drv);
	return rte_eth_dev_pci_generic_probe(
		pci, sizeof(struct ena_adapter), ena_eth_dev_init);
}

static int
ena_pci_remove(struct rte_pci_device *pci)
{
	return rte_eth_dev_pci_generic_remove(pci, ena_eth_dev_uninit);
}

static struct rte_pci_driver ena_pci_driver = {
	.id_table = ena_pci_ids,
	.drv_flags = RTE_PCI_DRV_NEED_MAPPING | RTE_PCI_DRV_INTR_LSC |
		RTE_PCI_DRV_WC_ACTIVATE,
	.probe = ena_pci_probe,
	.remove = ena_pci_remove,
};

RTE_PMD_REGISTER_PCI(net_ena, ena_pci_driver);
RTE_PMD_REGISTER_PCI_TABLE(net_ena, ena_pci_ids);
RTE_PMD_REGISTER_KMOD_DEP(net_ena, "* igb_uio | uio_pci_generic | vfio-pci");
RTE_PMD_REGISTER_PARAM_STRING(net_ena, ENA_DEVARGS_HELP);

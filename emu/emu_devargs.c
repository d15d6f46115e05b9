/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */

/*
 * Devargs of an emulated device. Every key is checked against the list
 * below and every value fully parsed, so a typo fails the probe with a
 * message naming it instead of silently running with a default.
 */

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_ether.h>
#include <rte_kvargs.h>
#include <rte_log.h>
#include <rte_pci.h>

#include "emu_core.h"

#define EMU_DEFAULT_ADDR "0000:00:06.0"
#define EMU_QUEUES_MAX	 128
#define EMU_RING_MIN	 64
#define EMU_RING_MAX	 16384
#define EMU_MTU_LIMIT	 16384

static const char *const emu_plain_keys[] = {
	"addr",
	"pmd",
	"queues",
	"llq",
	"ring_size",
	"mtu_max",
	"wire",
	"link",
	"thread",
	"mac",
	"tx_reorder",
};

static bool
emu_key_known(const char *key)
{
	unsigned int i;

	for (i = 0; i < RTE_DIM(emu_plain_keys); i++)
		if (strcmp(key, emu_plain_keys[i]) == 0)
			return true;
	for (i = 0; i < ENA_EMU_FAULT_MAX; i++)
		if (strcmp(key, ena_emu_fault_name(i)) == 0)
			return true;
	return false;
}

static int
emu_parse_u64(const char *name, const char *key, const char *val, uint64_t min,
	uint64_t max, uint64_t *out)
{
	unsigned long long v;
	char *end;

	errno = 0;
	if (val == NULL || val[0] == '\0' || val[0] == '-')
		goto bad;
	v = strtoull(val, &end, 0);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		goto bad;
	*out = v;
	return 0;
bad:
	ena_emu_log(NULL, RTE_LOG_ERR,
		"%s: bad value '%s' for %s (want %" PRIu64 "..%" PRIu64 ")",
		name, val != NULL ? val : "", key, min, max);
	return -EINVAL;
}

static int
emu_parse_bool(const char *name, const char *key, const char *val,
	const char *on, const char *off, bool *out)
{
	if (val != NULL && strcmp(val, on) == 0) {
		*out = true;
		return 0;
	}
	if (val != NULL && strcmp(val, off) == 0) {
		*out = false;
		return 0;
	}
	ena_emu_log(NULL, RTE_LOG_ERR, "%s: bad value '%s' for %s (want %s|%s)",
		name, val != NULL ? val : "", key, on, off);
	return -EINVAL;
}

static int
emu_parse_str(const char *name, const char *key, const char *val, char *dst,
	size_t size)
{
	if (val == NULL || strlen(val) >= size) {
		ena_emu_log(NULL, RTE_LOG_ERR,
			"%s: value of %s missing or longer than %zu", name, key,
			size - 1);
		return -EINVAL;
	}
	strcpy(dst, val);
	return 0;
}

static void
emu_default_mac(const char *name, uint8_t mac[6])
{
	uint32_t h = 2166136261u;
	const char *p;

	/* Locally administered, stable per device name. */
	for (p = name; *p != '\0'; p++)
		h = (h ^ (uint8_t)*p) * 16777619u;
	mac[0] = 0x02;
	mac[1] = 0xe7;
	mac[2] = (uint8_t)(h >> 24);
	mac[3] = (uint8_t)(h >> 16);
	mac[4] = (uint8_t)(h >> 8);
	mac[5] = (uint8_t)h;
}

/* Largest devarg value of a knob (register fields are narrower). */
static uint64_t
emu_fault_max(enum ena_emu_fault f)
{
	switch (f) {
	case ENA_EMU_FAULT_DMA_WIDTH:
	case ENA_EMU_FAULT_ADMIN_ERR_STATUS:
	case ENA_EMU_FAULT_ADMIN_ERR_OPCODE:
		return UINT8_MAX;
	case ENA_EMU_FAULT_RX_SPLIT:
		return 64;
	case ENA_EMU_FAULT_LLQ_BURST:
		return UINT16_MAX;
	default:
		return UINT32_MAX;
	}
}

static int
emu_parse_pair(const char *name, const char *key, const char *val,
	struct ena_emu_config *cfg)
{
	struct rte_ether_addr ea;
	uint64_t v;
	unsigned int i;
	int rc;

	if (strcmp(key, "addr") == 0) {
		if (val == NULL || rte_pci_addr_parse(val, &cfg->addr) != 0) {
			ena_emu_log(NULL, RTE_LOG_ERR,
				"%s: bad PCI address '%s' for addr", name,
				val != NULL ? val : "");
			return -EINVAL;
		}
		cfg->addr_given = true;
		return 0;
	}
	if (strcmp(key, "tx_reorder") == 0)
		return emu_parse_bool(
			name, key, val, "1", "0", &cfg->tx_reorder);
	if (strcmp(key, "pmd") == 0)
		return emu_parse_str(
			name, key, val, cfg->pmd, sizeof(cfg->pmd));
	if (strcmp(key, "wire") == 0)
		return emu_parse_str(
			name, key, val, cfg->wire, sizeof(cfg->wire));
	if (strcmp(key, "queues") == 0) {
		rc = emu_parse_u64(name, key, val, 1, EMU_QUEUES_MAX, &v);
		cfg->queues = (uint16_t)v;
		return rc;
	}
	if (strcmp(key, "ring_size") == 0) {
		rc = emu_parse_u64(
			name, key, val, EMU_RING_MIN, EMU_RING_MAX, &v);
		if (rc == 0 && (v & (v - 1)) != 0) {
			ena_emu_log(NULL, RTE_LOG_ERR,
				"%s: ring_size %" PRIu64
				" is not a power of two",
				name, v);
			return -EINVAL;
		}
		cfg->ring_size = (uint32_t)v;
		return rc;
	}
	if (strcmp(key, "mtu_max") == 0) {
		rc = emu_parse_u64(
			name, key, val, ENA_EMU_MTU_MIN, EMU_MTU_LIMIT, &v);
		cfg->mtu_max = (uint32_t)v;
		return rc;
	}
	if (strcmp(key, "llq") == 0)
		return emu_parse_bool(name, key, val, "1", "0", &cfg->llq);
	if (strcmp(key, "thread") == 0)
		return emu_parse_bool(name, key, val, "1", "0", &cfg->thread);
	if (strcmp(key, "link") == 0)
		return emu_parse_bool(
			name, key, val, "up", "down", &cfg->link_up);
	if (strcmp(key, "mac") == 0) {
		if (val == NULL || rte_ether_unformat_addr(val, &ea) != 0 ||
			!rte_is_unicast_ether_addr(&ea)) {
			ena_emu_log(NULL, RTE_LOG_ERR,
				"%s: bad unicast MAC '%s' for mac", name,
				val != NULL ? val : "");
			return -EINVAL;
		}
		memcpy(cfg->mac, ea.addr_bytes, sizeof(cfg->mac));
		return 0;
	}
	for (i = 0; i < ENA_EMU_FAULT_MAX; i++)
		if (strcmp(key, ena_emu_fault_name(i)) == 0)
			return emu_parse_u64(name, key, val, 0,
				emu_fault_max(i), &cfg->faults[i]);
	return -EINVAL;
}

int
ena_emu_devargs_parse(const char *name, const char *args,
	struct ena_emu_config *cfg, bool vdev)
{
	struct rte_kvargs *kv;
	unsigned int i;
	int rc = 0;

	memset(cfg, 0, sizeof(*cfg));
	if (strlen(name) >= sizeof(cfg->name)) {
		ena_emu_log(
			NULL, RTE_LOG_ERR, "device name '%s' too long", name);
		return -EINVAL;
	}
	strcpy(cfg->name, name);
	rte_pci_addr_parse(EMU_DEFAULT_ADDR, &cfg->addr);
	cfg->queues = 8;
	cfg->llq = true;
	cfg->ring_size = 1024;
	cfg->mtu_max = 9216;
	strcpy(cfg->wire, "loopback");
	cfg->link_up = true;
	cfg->thread = vdev;
	emu_default_mac(name, cfg->mac);

	if (args == NULL || args[0] == '\0')
		return 0;
	kv = rte_kvargs_parse(args, NULL);
	if (kv == NULL) {
		ena_emu_log(NULL, RTE_LOG_ERR, "%s: cannot parse devargs '%s'",
			name, args);
		return -EINVAL;
	}
	for (i = 0; i < kv->count && rc == 0; i++) {
		if (!emu_key_known(kv->pairs[i].key)) {
			ena_emu_log(NULL, RTE_LOG_ERR,
				"%s: unknown devarg '%s'", name,
				kv->pairs[i].key);
			rc = -EINVAL;
			break;
		}
		rc = emu_parse_pair(
			name, kv->pairs[i].key, kv->pairs[i].value, cfg);
	}
	rte_kvargs_free(kv);
	return rc;
}

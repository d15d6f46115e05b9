/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_devargs.h>
#include <rte_kvargs.h>

#include "ena_devargs.h"
#include "ena_logs.h"

static const char *const ena_devargs_keys[] = {
	ENA_DEVARG_ENABLE_LLQ,
	ENA_DEVARG_LARGE_LLQ_HDR,
	ENA_DEVARG_MISS_TXC_TO,
	ENA_DEVARG_CTRL_POLL_INTERVAL,
	ENA_DEVARG_WD_PERIOD,
	NULL,
};

void
ena_devargs_defaults(struct ena_devargs *da)
{
	da->enable_llq = true;
	da->large_llq_hdr = false;
	da->miss_txc_to_s = ENA_MISS_TXC_TO_DEFAULT_S;
	da->ctrl_poll_ms = 0;
	da->wd_period_ms = ENA_WD_PERIOD_DEFAULT_MS;
}

/* Strict decimal parse: no sign, no trailing garbage, within [lo, hi]. */
static int
ena_devarg_u32(const char *key, const char *val, uint32_t lo, uint32_t hi,
	uint32_t *out)
{
	unsigned long v;
	char *end;

	if (val == NULL || *val < '0' || *val > '9')
		goto bad;
	errno = 0;
	v = strtoul(val, &end, 10);
	if (errno != 0 || *end != '\0' || v < lo || v > hi)
		goto bad;
	*out = (uint32_t)v;
	return 0;
bad:
	PMD_INIT_LOG(ERR,
		"invalid devarg %s=%s: expected an integer in [%u, %u]", key,
		val != NULL ? val : "(none)", lo, hi);
	return -EINVAL;
}

static int
ena_devarg_handle(const char *key, const char *val, void *opaque)
{
	struct ena_devargs *da = opaque;
	uint32_t v;
	int rc;

	if (strcmp(key, ENA_DEVARG_ENABLE_LLQ) == 0 ||
		strcmp(key, ENA_DEVARG_LARGE_LLQ_HDR) == 0) {
		rc = ena_devarg_u32(key, val, 0, 1, &v);
		if (rc != 0)
			return rc;
		if (key[0] == 'e')
			da->enable_llq = v != 0;
		else
			da->large_llq_hdr = v != 0;
	} else if (strcmp(key, ENA_DEVARG_MISS_TXC_TO) == 0) {
		rc = ena_devarg_u32(
			key, val, 0, ENA_MISS_TXC_TO_MAX_S, &da->miss_txc_to_s);
		if (rc != 0)
			return rc;
	} else if (strcmp(key, ENA_DEVARG_CTRL_POLL_INTERVAL) == 0) {
		rc = ena_devarg_u32(key, val, 0, ENA_CTRL_POLL_INTERVAL_MAX_MS,
			&da->ctrl_poll_ms);
		if (rc != 0)
			return rc;
	} else if (strcmp(key, ENA_DEVARG_WD_PERIOD) == 0) {
		rc = ena_devarg_u32(key, val, ENA_WD_PERIOD_MIN_MS,
			ENA_WD_PERIOD_MAX_MS, &da->wd_period_ms);
		if (rc != 0)
			return rc;
	}
	return 0;
}

int
ena_devargs_parse(const struct rte_devargs *devargs, struct ena_devargs *da)
{
	struct rte_kvargs *kv;
	int rc;

	ena_devargs_defaults(da);
	if (devargs == NULL || devargs->args == NULL ||
		devargs->args[0] == '\0')
		return 0;

	kv = rte_kvargs_parse(devargs->args, ena_devargs_keys);
	if (kv == NULL) {
		PMD_INIT_LOG(ERR,
			"cannot parse devargs \"%s\" (known keys: %s)",
			devargs->args, ENA_DEVARGS_HELP);
		return -EINVAL;
	}
	rc = rte_kvargs_process(kv, NULL, ena_devarg_handle, da);
	rte_kvargs_free(kv);
	if (rc != 0)
		return -EINVAL;
	return 0;
}

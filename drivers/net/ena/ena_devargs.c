/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_devargs.h>
#include <rte_kvargs.h>

#include "ena_devargs.h"
#include "ena_logs.h"

/* Raw values as given, before the deprecated keys are folded in. */
struct ena_devargs_raw {
	uint32_t llq_policy;
	uint32_t frag_bypass;
	uint32_t miss_txc_to_s;
	uint32_t ctrl_poll_ms;
	uint32_t wd_period_ms;
	uint32_t enable_llq;
	uint32_t large_llq_hdr;
};

struct ena_devarg_spec {
	const char *key;
	uint32_t lo;
	uint32_t hi;
	size_t off; /* in struct ena_devargs_raw */
};

/* clang-format off */
#define ENA_DEVARG_SPEC(key, lo, hi, field) \
	{ key, lo, hi, offsetof(struct ena_devargs_raw, field) }
/* clang-format on */

static const struct ena_devarg_spec ena_devarg_specs[] = {
	ENA_DEVARG_SPEC(
		ENA_DEVARG_LLQ_POLICY, 0, ENA_LLQ_POLICY_MAX, llq_policy),
	ENA_DEVARG_SPEC(ENA_DEVARG_FRAG_BYPASS, 0, 1, frag_bypass),
	ENA_DEVARG_SPEC(ENA_DEVARG_MISS_TXC_TO, 0, ENA_MISS_TXC_TO_MAX_S,
		miss_txc_to_s),
	ENA_DEVARG_SPEC(ENA_DEVARG_CTRL_POLL_INTERVAL, 0,
		ENA_CTRL_POLL_INTERVAL_MAX_MS, ctrl_poll_ms),
	ENA_DEVARG_SPEC(ENA_DEVARG_WD_PERIOD, ENA_WD_PERIOD_MIN_MS,
		ENA_WD_PERIOD_MAX_MS, wd_period_ms),
	ENA_DEVARG_SPEC(ENA_DEVARG_ENABLE_LLQ, 0, 1, enable_llq),
	ENA_DEVARG_SPEC(ENA_DEVARG_LARGE_LLQ_HDR, 0, 1, large_llq_hdr),
};

static const char *const ena_devargs_keys[] = {
	ENA_DEVARG_LLQ_POLICY,
	ENA_DEVARG_FRAG_BYPASS,
	ENA_DEVARG_MISS_TXC_TO,
	ENA_DEVARG_CTRL_POLL_INTERVAL,
	ENA_DEVARG_WD_PERIOD,
	ENA_DEVARG_ENABLE_LLQ,
	ENA_DEVARG_LARGE_LLQ_HDR,
	NULL,
};

void
ena_devargs_defaults(struct ena_devargs *da)
{
	da->llq_policy = ENA_LLQ_POLICY_DEVICE;
	da->frag_bypass = false;
	da->miss_txc_to_s = ENA_MISS_TXC_TO_DEFAULT_S;
	da->miss_txc_to_given = false;
	da->ctrl_poll_ms = 0;
	da->wd_period_ms = ENA_WD_PERIOD_DEFAULT_MS;
}

struct ena_devarg_ctx {
	const struct ena_devarg_spec *spec;
	struct ena_devargs_raw *raw;
};

/* Strict decimal parse: digits only, within the key's range. */
static int
ena_devarg_u32(const char *key, const char *val, void *opaque)
{
	const struct ena_devarg_ctx *ctx = opaque;
	const struct ena_devarg_spec *sp = ctx->spec;
	unsigned long v;
	char *end;

	if (val == NULL || *val < '0' || *val > '9')
		goto bad;
	errno = 0;
	v = strtoul(val, &end, 10);
	if (errno != 0 || *end != '\0' || v < sp->lo || v > sp->hi)
		goto bad;
	*(uint32_t *)((char *)ctx->raw + sp->off) = (uint32_t)v;
	return 0;
bad:
	PMD_INIT_LOG(ERR,
		"invalid devarg %s=%s: expected a decimal integer in [%u, %u]",
		key, val != NULL ? val : "(none)", sp->lo, sp->hi);
	return -EINVAL;
}

/*
 * enable_llq and large_llq_hdr, from before llq_policy, still work:
 * enable_llq=0 is llq_policy=0, large_llq_hdr=1 llq_policy=3 and
 * large_llq_hdr=0 llq_policy=2; enable_llq=1 alone changes nothing.
 */
static int
ena_devargs_legacy_llq(struct rte_kvargs *kv, const struct ena_devargs_raw *raw,
	struct ena_devargs *da)
{
	bool en = rte_kvargs_count(kv, ENA_DEVARG_ENABLE_LLQ) != 0;
	bool large = rte_kvargs_count(kv, ENA_DEVARG_LARGE_LLQ_HDR) != 0;

	if (!en && !large)
		return 0;
	if (rte_kvargs_count(kv, ENA_DEVARG_LLQ_POLICY) != 0) {
		PMD_INIT_LOG(ERR,
			"devarg %s with the deprecated %s: give %s only",
			ENA_DEVARG_LLQ_POLICY,
			en ? ENA_DEVARG_ENABLE_LLQ : ENA_DEVARG_LARGE_LLQ_HDR,
			ENA_DEVARG_LLQ_POLICY);
		return -EINVAL;
	}
	if (large)
		da->llq_policy = raw->large_llq_hdr ? ENA_LLQ_POLICY_LARGE
						    : ENA_LLQ_POLICY_NORMAL;
	if (en && raw->enable_llq == 0)
		da->llq_policy = ENA_LLQ_POLICY_OFF;
	PMD_INIT_LOG(WARNING,
		"devargs %s and %s are deprecated: use %s=%u instead",
		ENA_DEVARG_ENABLE_LLQ, ENA_DEVARG_LARGE_LLQ_HDR,
		ENA_DEVARG_LLQ_POLICY, da->llq_policy);
	return 0;
}

int
ena_devargs_parse(const struct rte_devargs *devargs, struct ena_devargs *da)
{
	struct ena_devargs_raw raw;
	struct ena_devarg_ctx ctx = { .raw = &raw };
	struct rte_kvargs *kv;
	unsigned int i, n;
	int rc = 0;

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
	raw.llq_policy = da->llq_policy;
	raw.frag_bypass = da->frag_bypass;
	raw.miss_txc_to_s = da->miss_txc_to_s;
	raw.ctrl_poll_ms = da->ctrl_poll_ms;
	raw.wd_period_ms = da->wd_period_ms;
	raw.enable_llq = 1;
	raw.large_llq_hdr = 0;
	for (i = 0; i < RTE_DIM(ena_devarg_specs) && rc == 0; i++) {
		ctx.spec = &ena_devarg_specs[i];
		n = rte_kvargs_count(kv, ctx.spec->key);
		if (n > 1) {
			PMD_INIT_LOG(ERR,
				"devarg %s given %u times; give it once",
				ctx.spec->key, n);
			rc = -EINVAL;
		} else if (n == 1) {
			rc = rte_kvargs_process(
				kv, ctx.spec->key, ena_devarg_u32, &ctx);
		}
	}
	if (rc == 0) {
		da->llq_policy = raw.llq_policy;
		da->frag_bypass = raw.frag_bypass != 0;
		da->miss_txc_to_s = raw.miss_txc_to_s;
		da->miss_txc_to_given = rte_kvargs_count(kv,
						ENA_DEVARG_MISS_TXC_TO) != 0;
		da->ctrl_poll_ms = raw.ctrl_poll_ms;
		da->wd_period_ms = raw.wd_period_ms;
		rc = ena_devargs_legacy_llq(kv, &raw, da);
	}
	rte_kvargs_free(kv);
	return rc != 0 ? -EINVAL : 0;
}

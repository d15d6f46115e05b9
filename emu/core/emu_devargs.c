/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */

/*
 * Device options, the same for every front end: "key=value,key=value".
 * Every key is checked against the list below (or the front end's own),
 * may appear once, and every value is parsed whole, so that a typo fails
 * the device's creation with a message naming it instead of silently
 * running with a default. Numbers are plain decimal: "010", "0x4", "+4"
 * and " 4" are refused (only the two register-valued knobs also take a
 * 0x-prefixed hexadecimal value, as registers are usually written).
 */

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emu_core.h"

#define EMU_QUEUES_MAX 128
#define EMU_RING_MIN   64
#define EMU_RING_MAX   16384
#define EMU_MTU_LIMIT  16384
#define EMU_KEYS_MAX   64 /* distinct keys one option string may hold */

static const char *const emu_plain_keys[] = {
	"queues",
	"llq",
	"ring_size",
	"mtu_max",
	"wire",
	"link",
	"mac",
	"tx_reorder",
};

int
ena_emu_parse_dec(const char *s, uint64_t max, uint64_t *out)
{
	uint64_t v = 0;
	const char *p;

	if (s == NULL || s[0] == '\0' || (s[0] == '0' && s[1] != '\0'))
		return -EINVAL;
	for (p = s; *p != '\0'; p++) {
		if (*p < '0' || *p > '9')
			return -EINVAL;
		if (v > (UINT64_MAX - (uint64_t)(*p - '0')) / 10)
			return -ERANGE;
		v = v * 10 + (uint64_t)(*p - '0');
	}
	if (v > max)
		return -ERANGE;
	*out = v;
	return 0;
}

static int
emu_parse_hex(const char *s, uint64_t max, uint64_t *out)
{
	uint64_t v = 0;
	const char *p;
	unsigned int d;

	if (s == NULL || s[0] != '0' || (s[1] != 'x' && s[1] != 'X') ||
		s[2] == '\0' || strlen(s + 2) > 16)
		return -EINVAL;
	for (p = s + 2; *p != '\0'; p++) {
		if (*p >= '0' && *p <= '9')
			d = (unsigned int)(*p - '0');
		else if (*p >= 'a' && *p <= 'f')
			d = (unsigned int)(*p - 'a' + 10);
		else if (*p >= 'A' && *p <= 'F')
			d = (unsigned int)(*p - 'A' + 10);
		else
			return -EINVAL;
		v = v << 4 | d;
	}
	if (v > max)
		return -ERANGE;
	*out = v;
	return 0;
}

static int
emu_parse_u64(const char *name, const char *key, const char *val, uint64_t min,
	uint64_t max, bool hex_ok, uint64_t *out)
{
	uint64_t v;
	int rc;

	rc = ena_emu_parse_dec(val, max, &v);
	if (rc == -EINVAL && hex_ok)
		rc = emu_parse_hex(val, max, &v);
	if (rc != 0 || v < min) {
		ena_emu_log(NULL, EMU_LOG_ERR,
			"%s: bad value '%s' for %s (want a decimal number %" PRIu64
			"..%" PRIu64 "%s)",
			name, val, key, min, max,
			hex_ok ? ", or 0x followed by hex digits" : "");
		return -EINVAL;
	}
	*out = v;
	return 0;
}

static int
emu_parse_bool(const char *name, const char *key, const char *val,
	const char *on, const char *off, bool *out)
{
	if (strcmp(val, on) == 0) {
		*out = true;
		return 0;
	}
	if (strcmp(val, off) == 0) {
		*out = false;
		return 0;
	}
	ena_emu_log(NULL, EMU_LOG_ERR, "%s: bad value '%s' for %s (want %s|%s)",
		name, val, key, on, off);
	return -EINVAL;
}

static int
emu_hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* xx:xx:xx:xx:xx:xx, unicast and not all zeroes. */
static int
emu_parse_mac(const char *name, const char *val, uint8_t mac[6])
{
	uint8_t m[6];
	unsigned int i;
	int hi, lo;

	if (strlen(val) != 17)
		goto bad;
	for (i = 0; i < 6; i++) {
		hi = emu_hex_digit(val[3 * i]);
		lo = emu_hex_digit(val[3 * i + 1]);
		if (hi < 0 || lo < 0 || (i < 5 && val[3 * i + 2] != ':'))
			goto bad;
		m[i] = (uint8_t)(hi << 4 | lo);
	}
	if (m[0] & 1) {
		ena_emu_log(NULL, EMU_LOG_ERR,
			"%s: mac %s is a multicast address (want unicast)",
			name, val);
		return -EINVAL;
	}
	if ((m[0] | m[1] | m[2] | m[3] | m[4] | m[5]) == 0) {
		ena_emu_log(NULL, EMU_LOG_ERR,
			"%s: mac %s is all zeroes (want a unicast address)",
			name, val);
		return -EINVAL;
	}
	memcpy(mac, m, sizeof(m));
	return 0;
bad:
	ena_emu_log(NULL, EMU_LOG_ERR,
		"%s: bad value '%s' for mac (want xx:xx:xx:xx:xx:xx)", name,
		val);
	return -EINVAL;
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

/* Largest value of a knob (register fields are narrower). */
static uint64_t
emu_fault_max(enum ena_emu_fault f)
{
	switch (f) {
	case ENA_EMU_FAULT_DMA_WIDTH:
	case ENA_EMU_FAULT_ADMIN_ERR_STATUS:
	case ENA_EMU_FAULT_ADMIN_ERR_OPCODE:
		return UINT8_MAX;
	case ENA_EMU_FAULT_RX_SPLIT:
		return ENA_EMU_RX_SPLIT_MAX;
	case ENA_EMU_FAULT_LLQ_BURST:
		return UINT16_MAX;
	default:
		return UINT32_MAX;
	}
}

static bool
emu_fault_is_register(enum ena_emu_fault f)
{
	return f == ENA_EMU_FAULT_VERSION || f == ENA_EMU_FAULT_CTRL_VERSION;
}

/* 0 when taken, -ENOENT when not a core key, else -EINVAL (logged). */
static int
emu_parse_pair(const char *name, const char *key, const char *val,
	struct ena_emu_config *cfg)
{
	uint64_t v;
	unsigned int i;
	int rc;

	if (strcmp(key, "tx_reorder") == 0)
		return emu_parse_bool(
			name, key, val, "1", "0", &cfg->tx_reorder);
	if (strcmp(key, "wire") == 0) {
		if (val[0] == '\0' || strlen(val) >= sizeof(cfg->wire)) {
			ena_emu_log(NULL, EMU_LOG_ERR,
				"%s: wire needs a value of 1..%zu characters "
				"(loopback, sink, peer:<name>, pcap:<in>,<out>, "
				"gen:<size>, tap:<ifname>)",
				name, sizeof(cfg->wire) - 1);
			return -EINVAL;
		}
		strcpy(cfg->wire, val);
		return 0;
	}
	if (strcmp(key, "queues") == 0) {
		rc = emu_parse_u64(
			name, key, val, 1, EMU_QUEUES_MAX, false, &v);
		cfg->queues = (uint16_t)v;
		return rc;
	}
	if (strcmp(key, "ring_size") == 0) {
		rc = emu_parse_u64(
			name, key, val, EMU_RING_MIN, EMU_RING_MAX, false, &v);
		if (rc == 0 && !emu_is_pow2(v)) {
			ena_emu_log(NULL, EMU_LOG_ERR,
				"%s: ring_size %" PRIu64
				" is not a power of two",
				name, v);
			return -EINVAL;
		}
		cfg->ring_size = (uint32_t)v;
		return rc;
	}
	if (strcmp(key, "mtu_max") == 0) {
		rc = emu_parse_u64(name, key, val, ENA_EMU_MTU_MIN,
			EMU_MTU_LIMIT, false, &v);
		cfg->mtu_max = (uint32_t)v;
		return rc;
	}
	if (strcmp(key, "llq") == 0)
		return emu_parse_bool(name, key, val, "1", "0", &cfg->llq);
	if (strcmp(key, "link") == 0)
		return emu_parse_bool(
			name, key, val, "up", "down", &cfg->link_up);
	if (strcmp(key, "mac") == 0)
		return emu_parse_mac(name, val, cfg->mac);
	for (i = 0; i < ENA_EMU_FAULT_MAX; i++)
		if (strcmp(key, ena_emu_fault_name(i)) == 0)
			return emu_parse_u64(name, key, val, 0,
				emu_fault_max(i), emu_fault_is_register(i),
				&cfg->faults[i]);
	return -ENOENT;
}

static void
emu_config_defaults(const char *name, struct ena_emu_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	strcpy(cfg->name, name);
	cfg->queues = 8;
	cfg->llq = true;
	cfg->ring_size = 1024;
	cfg->mtu_max = 9216;
	strcpy(cfg->wire, "loopback");
	cfg->link_up = true;
	emu_default_mac(name, cfg->mac);
}

static void
emu_log_known_keys(const char *name)
{
	char buf[768];
	size_t n = 0;
	unsigned int i;

	buf[0] = '\0';
	for (i = 0; i < EMU_DIM(emu_plain_keys) && n < sizeof(buf); i++)
		n += (size_t)snprintf(
			buf + n, sizeof(buf) - n, " %s", emu_plain_keys[i]);
	for (i = 0; i < ENA_EMU_FAULT_MAX && n < sizeof(buf); i++)
		n += (size_t)snprintf(
			buf + n, sizeof(buf) - n, " %s", ena_emu_fault_name(i));
	ena_emu_log(NULL, EMU_LOG_ERR, "%s: device keys:%s", name, buf);
}

/*
 * Splits the next "key=value" off *pos (NUL-terminating both in place);
 * brackets around a value protect its commas and are removed.
 */
static int
emu_next_pair(const char *name, char **pos, char **key, char **val)
{
	char *s = *pos, *eq, *end;
	int depth = 0;

	for (end = s; *end != '\0'; end++) {
		if (*end == '[')
			depth++;
		else if (*end == ']' && depth > 0)
			depth--;
		else if (*end == ',' && depth == 0)
			break;
	}
	if (depth != 0) {
		ena_emu_log(NULL, EMU_LOG_ERR, "%s: unbalanced '[' in '%s'",
			name, s);
		return -EINVAL;
	}
	*pos = *end == '\0' ? end : end + 1;
	*end = '\0';
	eq = strchr(s, '=');
	if (s[0] == '\0' || eq == s) {
		ena_emu_log(
			NULL, EMU_LOG_ERR, "%s: empty key in devargs", name);
		return -EINVAL;
	}
	if (eq == NULL) {
		ena_emu_log(NULL, EMU_LOG_ERR,
			"%s: devarg '%s' needs a value (key=value)", name, s);
		return -EINVAL;
	}
	*eq = '\0';
	*key = s;
	*val = eq + 1;
	end = *val + strlen(*val);
	if (end - *val >= 2 && (*val)[0] == '[' && end[-1] == ']') {
		end[-1] = '\0';
		(*val)++;
	}
	return 0;
}

int
ena_emu_config_parse(const char *name, const char *args,
	struct ena_emu_config *cfg, ena_emu_extra_key_t extra, void *extra_arg)
{
	const char *seen[EMU_KEYS_MAX];
	unsigned int nseen = 0, i;
	char *copy, *pos, *key, *val;
	int rc = 0;

	if (name == NULL || name[0] == '\0' ||
		strlen(name) >= sizeof(cfg->name)) {
		ena_emu_log(NULL, EMU_LOG_ERR,
			"device name '%s' empty or longer than %zu",
			name != NULL ? name : "", sizeof(cfg->name) - 1);
		return -EINVAL;
	}
	emu_config_defaults(name, cfg);
	if (args == NULL || args[0] == '\0')
		return 0;
	copy = strdup(args);
	if (copy == NULL)
		return -ENOMEM;
	pos = copy;
	while (*pos != '\0' && rc == 0) {
		rc = emu_next_pair(name, &pos, &key, &val);
		if (rc != 0)
			break;
		for (i = 0; i < nseen; i++)
			if (strcmp(seen[i], key) == 0)
				break;
		if (i < nseen) {
			ena_emu_log(NULL, EMU_LOG_ERR,
				"%s: devarg '%s' given more than once", name,
				key);
			rc = -EINVAL;
			break;
		}
		if (nseen == EMU_KEYS_MAX) {
			ena_emu_log(NULL, EMU_LOG_ERR,
				"%s: more than %u devargs", name, EMU_KEYS_MAX);
			rc = -EINVAL;
			break;
		}
		seen[nseen++] = key;
		rc = emu_parse_pair(name, key, val, cfg);
		if (rc == -ENOENT && extra != NULL)
			rc = extra(extra_arg, name, key, val);
		if (rc == -ENOENT) {
			ena_emu_log(NULL, EMU_LOG_ERR,
				"%s: unknown devarg '%s'", name, key);
			emu_log_known_keys(name);
			rc = -EINVAL;
		}
	}
	free(copy);
	return rc;
}

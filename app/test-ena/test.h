/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef ENA_TEST_H
#define ENA_TEST_H

#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>

/*
 * dpdk-test-ena: every check counts once as passed or failed; a failed check
 * prints one line with what was expected and what was seen.
 */

struct ena_test_suite {
	const char *name;
	const char *summary;
	void (*run)(void);
	/* A benchmark prints figures and runs only when named explicitly. */
	bool bench;
	struct ena_test_suite *next;
};

void ena_test_register(struct ena_test_suite *suite);

#define ENA_TEST_SUITE_REGISTER(id, text, fn, is_bench)                    \
	static struct ena_test_suite ena_test_suite_##id = {               \
		.name = #id, .summary = text, .run = fn, .bench = is_bench \
	};                                                                 \
	__attribute__((constructor)) static void ena_test_reg_##id(void)   \
	{                                                                  \
		ena_test_register(&ena_test_suite_##id);                   \
	}

#define ENA_TEST_SUITE(id, text, fn) \
	ENA_TEST_SUITE_REGISTER(id, text, fn, false)
#define ENA_BENCH_SUITE(id, text, fn) \
	ENA_TEST_SUITE_REGISTER(id, text, fn, true)
/* Runs only when named, like a benchmark: it needs a peer or a setup that
 * a script provides (e.g. the multi-process pair of devtools/mp-test.sh).
 */
#define ENA_EXPLICIT_SUITE(id, text, fn) \
	ENA_TEST_SUITE_REGISTER(id, text, fn, true)

void ena_test_pass(void);
void ena_test_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Marks the running suite (or the rest of it) skipped, with the reason. */
void ena_test_skip(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Options given after "--" as key=value; NULL/dflt when absent. */
const char *ena_test_opt(const char *key, const char *dflt);
uint64_t ena_test_opt_u64(const char *key, uint64_t dflt);

unsigned int ena_test_failures(void);

/*
 * Hot-plugs the vdev with args and sets *port to the ethdev port it brought
 * (the first that was not there before). 0, the hotplug's error, or -ENODEV
 * with the vdev removed again when no port appeared.
 */
int ena_test_vdev_add(const char *vdev, const char *args, uint16_t *port);

#define ENA_CHECK(cond, ...)                                            \
	do {                                                            \
		if (cond)                                               \
			ena_test_pass();                                \
		else                                                    \
			ena_test_fail(__FILE__, __LINE__, __VA_ARGS__); \
	} while (0)

#define ENA_CHECK_EQ(what, expected, seen)                               \
	do {                                                             \
		uint64_t ena_e_ = (uint64_t)(expected);                  \
		uint64_t ena_s_ = (uint64_t)(seen);                      \
		if (ena_e_ == ena_s_)                                    \
			ena_test_pass();                                 \
		else                                                     \
			ena_test_fail(__FILE__, __LINE__,                \
				"%s: expected %" PRIu64 " (0x%" PRIx64   \
				"), seen %" PRIu64 " (0x%" PRIx64 ")",   \
				(what), ena_e_, ena_e_, ena_s_, ena_s_); \
	} while (0)

/* rc is 0 on success or a negative errno. */
#define ENA_CHECK_RC(what, expected_rc, rc)                              \
	do {                                                             \
		int ena_erc_ = (expected_rc), ena_rc_ = (rc);            \
		if (ena_erc_ == ena_rc_)                                 \
			ena_test_pass();                                 \
		else                                                     \
			ena_test_fail(__FILE__, __LINE__,                \
				"%s: expected rc %d (%s), seen %d (%s)", \
				(what), ena_erc_, strerror(-ena_erc_),   \
				ena_rc_, strerror(-ena_rc_));            \
	} while (0)

#endif /* ENA_TEST_H */

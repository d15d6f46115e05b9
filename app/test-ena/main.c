/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_eal.h>

#include "test.h"

#define ENA_TEST_MAX_OPTS 32

static struct ena_test_suite *suites;
static const struct ena_test_suite *current;
static unsigned int n_passed, n_failed, n_skipped;
static bool current_skipped;
static const char *opts[ENA_TEST_MAX_OPTS];
static unsigned int n_opts;

void
ena_test_register(struct ena_test_suite *suite)
{
	struct ena_test_suite **pos = &suites;

	/* Keep the list sorted so that --list and "all" are stable. */
	while (*pos != NULL && strcmp((*pos)->name, suite->name) < 0)
		pos = &(*pos)->next;
	suite->next = *pos;
	*pos = suite;
}

void
ena_test_pass(void)
{
	n_passed++;
}

void
ena_test_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	n_failed++;
	printf("FAIL [%s] %s:%d: ", current ? current->name : "-", file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
}

void
ena_test_skip(const char *fmt, ...)
{
	va_list ap;

	if (!current_skipped)
		n_skipped++;
	current_skipped = true;
	printf("SKIP [%s]: ", current ? current->name : "-");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
}

unsigned int
ena_test_failures(void)
{
	return n_failed;
}

const char *
ena_test_opt(const char *key, const char *dflt)
{
	size_t len = strlen(key);
	unsigned int i;

	for (i = 0; i < n_opts; i++)
		if (strncmp(opts[i], key, len) == 0 && opts[i][len] == '=')
			return opts[i] + len + 1;
	return dflt;
}

uint64_t
ena_test_opt_u64(const char *key, uint64_t dflt)
{
	const char *v = ena_test_opt(key, NULL);

	return v != NULL ? strtoull(v, NULL, 0) : dflt;
}

static const struct ena_test_suite *
find_suite(const char *name)
{
	const struct ena_test_suite *s;

	for (s = suites; s != NULL; s = s->next)
		if (strcmp(s->name, name) == 0)
			return s;
	return NULL;
}

static void
run_suite(const struct ena_test_suite *s)
{
	unsigned int passed = n_passed, failed = n_failed;

	current = s;
	current_skipped = false;
	printf("== %s: %s\n", s->name, s->summary);
	fflush(stdout);
	s->run();
	printf("== %s: %u passed, %u failed%s\n", s->name, n_passed - passed,
		n_failed - failed, current_skipped ? " (skipped in part)" : "");
	fflush(stdout);
	current = NULL;
}

static void
usage(const char *prog)
{
	printf("usage: %s [EAL options] -- [--list] [key=value ...] [suite ...]\n",
		prog);
}

int
main(int argc, char **argv)
{
	const struct ena_test_suite *named[64];
	unsigned int n_named = 0, i;
	const struct ena_test_suite *s;
	int ret;

	ret = rte_eal_init(argc, argv);
	if (ret < 0) {
		fprintf(stderr, "dpdk-test-ena: EAL initialisation failed\n");
		return 2;
	}
	argc -= ret;
	argv += ret;

	for (i = 1; i < (unsigned int)argc; i++) {
		if (strcmp(argv[i], "--list") == 0) {
			for (s = suites; s != NULL; s = s->next)
				printf("%-10s %s%s\n", s->name, s->summary,
					s->bench ? " (only when named)" : "");
			rte_eal_cleanup();
			return 0;
		} else if (strcmp(argv[i], "--help") == 0) {
			usage(argv[0]);
			rte_eal_cleanup();
			return 0;
		} else if (strchr(argv[i], '=') != NULL) {
			if (n_opts == ENA_TEST_MAX_OPTS) {
				fprintf(stderr, "too many options\n");
				return 2;
			}
			opts[n_opts++] = argv[i];
		} else {
			s = find_suite(argv[i]);
			if (s == NULL || n_named == RTE_DIM(named)) {
				fprintf(stderr,
					"dpdk-test-ena: unknown suite '%s' (see --list)\n",
					argv[i]);
				rte_eal_cleanup();
				return 2;
			}
			named[n_named++] = s;
		}
	}

	if (n_named == 0) {
		for (s = suites; s != NULL; s = s->next)
			if (!s->bench)
				run_suite(s);
	} else {
		for (i = 0; i < n_named; i++)
			run_suite(named[i]);
	}

	if (n_skipped > 0)
		printf("%u passed, %u failed, %u skipped\n", n_passed, n_failed,
			n_skipped);
	else
		printf("%u passed, %u failed\n", n_passed, n_failed);
	rte_eal_cleanup();
	return n_failed > 0 ? 1 : 0;
}

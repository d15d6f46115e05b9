/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */

/*
 * build/emu/evu-dma-test: the IOVA mirror of ena-vfio-user (evu_dma.c) on
 * its own, with guest memory played by a memfd mapped piecewise at
 * scattered addresses, as libvfio-user maps a client's regions. Ends with
 * "N passed, N failed".
 */

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "evu.h"

#define PAGE 4096u

static unsigned int passed, failed;

static void
check(bool ok, const char *fmt, ...)
{
	va_list ap;

	printf("%s ", ok ? "ok  " : "FAIL");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (ok)
		passed++;
	else
		failed++;
}

/* Stubs of the server the mirror does not use. */
unsigned int evu_log_level = EMU_LOG_ERR;

void
evu_log(unsigned int level, const char *fmt, ...)
{
	(void)level;
	(void)fmt;
}

/* A piece of "guest memory" at its own address, like a client region. */
static void *
piece(int fd, off_t off, size_t len, int prot)
{
	void *p = mmap(NULL, len, prot, MAP_SHARED, fd, off);

	return p == MAP_FAILED ? NULL : p;
}

int
main(void)
{
	struct evu_dma d;
	uint8_t *a, *b, *c, *ro, *p, *q;
	uint64_t base = UINT64_C(0x100000000);
	char err[160];
	int fd, rc;

	memset(&d, 0, sizeof(d));
	fd = memfd_create("guest", 0);
	if (fd < 0 || ftruncate(fd, 16 * PAGE) != 0) {
		perror("memfd");
		return 1;
	}
	/* Guest pages 0-1, 5-6 and 9, mapped at unrelated addresses. */
	a = piece(fd, 0, 2 * PAGE, PROT_READ | PROT_WRITE);
	b = piece(fd, 5 * PAGE, 2 * PAGE, PROT_READ | PROT_WRITE);
	c = piece(fd, 9 * PAGE, PAGE, PROT_READ | PROT_WRITE);
	ro = piece(fd, 12 * PAGE, PAGE, PROT_READ);
	if (a == NULL || b == NULL || c == NULL || ro == NULL) {
		perror("mmap");
		return 1;
	}
	/* IOVA-contiguous a | b, then a hole, then c; ro read-only. */
	rc = evu_dma_map(&d, base, 2 * PAGE, a, true, err, sizeof(err));
	check(rc == 0, "map [0, 2) pages: %d %s", rc, rc ? err : "");
	rc = evu_dma_map(
		&d, base + 2 * PAGE, 2 * PAGE, b, true, err, sizeof(err));
	check(rc == 0, "map [2, 4) pages right after: %d %s", rc,
		rc ? err : "");
	rc = evu_dma_map(&d, base + 5 * PAGE, PAGE, c, true, err, sizeof(err));
	check(rc == 0, "map page 5 after a hole: %d", rc);
	rc = evu_dma_map(
		&d, base + 8 * PAGE, PAGE, ro, false, err, sizeof(err));
	check(rc == 0, "map page 8 read-only: %d", rc);

	/* A buffer across the a|b boundary is one range here. */
	p = evu_dma_lookup(&d, base + 2 * PAGE - 100, 200, true);
	check(p != NULL, "a buffer across two regions gets one pointer");
	if (p != NULL) {
		memset(p, 0x5a, 200);
		check(a[2 * PAGE - 1] == 0x5a && b[0] == 0x5a &&
				b[99] == 0x5a && b[100] == 0,
			"its bytes land in both pieces of guest memory");
	}
	q = evu_dma_lookup(&d, base, 4 * PAGE, false);
	check(q != NULL && q + 2 * PAGE - 100 == p,
		"the whole range maps at the same place");
	check(evu_dma_lookup(&d, base + 3 * PAGE, 2 * PAGE, false) == NULL,
		"a range running into the hole is refused");
	check(evu_dma_lookup(&d, base + 4 * PAGE, 1, false) == NULL,
		"an address in the hole is refused");
	check(evu_dma_lookup(&d, base - 1, 2, false) == NULL,
		"a range starting before the first region is refused");
	check(evu_dma_lookup(&d, base + 8 * PAGE, 64, false) != NULL,
		"a read-only region can be read");
	check(evu_dma_lookup(&d, base + 8 * PAGE, 64, true) == NULL,
		"a read-only region cannot be written");
	check(evu_dma_lookup(&d, base, 0, false) == NULL,
		"an empty range is refused");
	check(evu_dma_lookup(&d, UINT64_MAX - 10, 100, false) == NULL,
		"a range that wraps is refused");
	check(evu_dma_lookup(&d, (UINT64_C(1) << EVU_WINDOW_SHIFT) - 8, 16,
		      false) == NULL,
		"a range across an IOVA window is refused");

	rc = evu_dma_map(&d, base + PAGE, PAGE, c, true, err, sizeof(err));
	check(rc == -EEXIST, "an overlapping mapping is refused: %s", err);
	rc = evu_dma_map(&d, base + 100, PAGE, c, true, err, sizeof(err));
	check(rc == -EINVAL, "an unaligned mapping is refused: %s", err);

	/* Taken back: the device's old pointer reaches no guest memory. */
	rc = evu_dma_unmap(&d, base + 2 * PAGE, 2 * PAGE);
	check(rc == 0, "unmap [2, 4)");
	check(evu_dma_lookup(&d, base + 2 * PAGE, 8, false) == NULL,
		"an unmapped region is refused");
	memset(b, 0, 64);
	p[150] = 0x77; /* into what was b: must neither crash nor land */
	check(b[50] == 0, "a stale pointer writes no guest memory");
	check(evu_dma_unmap(&d, base + 2 * PAGE, 2 * PAGE) == -ENOENT,
		"unmapping it again: -ENOENT");
	check(d.faults == 8, "faults counted: %llu",
		(unsigned long long)d.faults);

	/* Far apart IOVAs live in windows of their own. */
	rc = evu_dma_map(
		&d, UINT64_C(0x7f0000000000), PAGE, c, true, err, sizeof(err));
	check(rc == 0 && d.nwin == 2, "a distant IOVA opens a second window");
	p = evu_dma_lookup(&d, UINT64_C(0x7f0000000000) + 8, 8, true);
	check(p != NULL &&
			(memcpy(p, "distant", 8),
				memcmp(c + 8, "distant", 8) == 0),
		"and reaches the same guest page");
	evu_dma_clear(&d);
	check(d.nreg == 0, "clear drops every region");
	evu_dma_fini(&d);
	printf("%u passed, %u failed\n", passed, failed);
	return failed == 0 ? 0 : 1;
}

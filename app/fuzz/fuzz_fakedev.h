/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef FUZZ_FAKEDEV_H_
#define FUZZ_FAKEDEV_H_

/*
 * A fake ENA device for the base fuzz targets. BAR 0 and BAR 2 are plain
 * heap memory of a device's size; the device runs inside the base layer's
 * wait hook (fakedev_step). It answers register reads through read-less
 * MMIO, runs resets, and answers every admin command, each answer chosen
 * by the fuzzer's bytes: a healthy answer (byte 0), one with a fuzzed
 * status, one patched with fuzzed bytes, raw fuzzed bytes, a late one or
 * none. It reaches host memory only through the addresses the driver
 * programmed (registers, command fields), as a device would.
 */

#include <stdbool.h>
#include <stdint.h>

#include "ena_com.h"
#include "fuzz_input.h"

#define FAKE_BAR0_LEN (64u * 1024)
#define FAKE_BAR2_LEN (64u * 1024)
/* Doorbell, CQ head, unmask and NUMA registers the device hands out. */
#define FAKE_DB_BASE 0x1000u
#define FAKE_PEND    64

struct fake_pend {
	struct ena_aq_comp e;
	unsigned int wait; /* steps before it is written */
	bool raw_phase;	   /* keep the phase bit of e as is */
};

struct fakedev {
	uint32_t *regs; /* BAR 0 */
	uint8_t *llq;	/* BAR 2, or NULL */
	struct ena_hw *hw;
	struct fz_in *in;
	bool intr_mode; /* run the admin interrupt handler after posting */
	bool reset_seen;

	/* read-less MMIO */
	uint32_t rl_last_req;
	bool rl_busy;
	unsigned int rl_wait;
	struct ena_reg_read_resp rl_resp;

	/* reset: 0 normal, 1 never starts, 2 never ends */
	uint8_t reset_fault;

	/* admin queue */
	uint16_t aq_head;
	uint16_t acq_tail;
	uint8_t acq_phase;
	uint16_t next_sq;
	uint16_t next_cq;
	struct fake_pend pend[FAKE_PEND];
	unsigned int npend;

	/* what the device did, for the harness's checks */
	uint64_t cmds;	     /* commands consumed from the AQ */
	uint64_t bad_status; /* completions posted with a non-zero status */
	uint64_t not_posted; /* commands never answered */
	/* answers that may match no command: raw, patched, or late */
	uint64_t odd_posted;
	uint64_t steps;
};

/* Sets up BARs and registers; config bytes come first from in. */
int fakedev_init(struct fakedev *f, struct ena_hw *hw, struct fz_in *in,
	bool with_llq_bar);
void fakedev_fini(struct fakedev *f);
/* The wait hook: one step of the device. */
void fakedev_step(void *arg);

uint32_t fakedev_reg(const struct fakedev *f, uint32_t off);
void fakedev_reg_set(struct fakedev *f, uint32_t off, uint32_t v);

/*
 * True when ptr..ptr+len lies inside BAR 0 past its register file (a queue
 * register), or inside BAR 2.
 */
bool
fakedev_in_bar0(const struct fakedev *f, const volatile void *ptr, size_t len);
bool
fakedev_in_bar2(const struct fakedev *f, const volatile void *ptr, size_t len);

/* Aborts with a message: a broken invariant is a finding. */
void fuzz_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)))
__attribute__((noreturn));

#define FUZZ_ASSERT(cond, ...)                  \
	do {                                    \
		if (!(cond))                    \
			fuzz_fail(__VA_ARGS__); \
	} while (0)

#endif /* FUZZ_FAKEDEV_H_ */

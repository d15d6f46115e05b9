/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef ENA_EMU_COMPAT_H
#define ENA_EMU_COMPAT_H

/*
 * The one place in the emulator that knows which DPDK release it is built
 * against (22.11, 24.11 or 25.11): the emulator's own names for what
 * changed between them.
 *
 * Control threads: 23.11 brought rte_thread_create_control (rte_thread_t,
 * a uint32_t-returning body, positive errno on failure); 24.11 dropped
 * rte_ctrl_thread_create (pthread_t, a void *-returning body, negative
 * errno).
 */

#include <pthread.h>
#include <stdint.h>

#include <rte_lcore.h>
#include <rte_thread.h>
#include <rte_version.h>

#if RTE_VERSION >= RTE_VERSION_NUM(23, 11, 0, 0)
typedef rte_thread_t emu_thread_t;
/* What a thread body returns; its "return 0" fits both forms. */
typedef uint32_t emu_thread_ret_t;

/* Starts a control thread; 0 or a negative errno. */
static inline int
emu_thread_create(emu_thread_t *t, const char *name,
	emu_thread_ret_t (*body)(void *), void *arg)
{
	return -rte_thread_create_control(t, name, body, arg);
}

static inline void
emu_thread_join(emu_thread_t t)
{
	rte_thread_join(t, NULL);
}
#else
typedef pthread_t emu_thread_t;
typedef void *emu_thread_ret_t;

static inline int
emu_thread_create(emu_thread_t *t, const char *name,
	emu_thread_ret_t (*body)(void *), void *arg)
{
	return rte_ctrl_thread_create(t, name, NULL, body, arg);
}

static inline void
emu_thread_join(emu_thread_t t)
{
	pthread_join(t, NULL);
}
#endif

#endif /* ENA_EMU_COMPAT_H */

/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/*
 * Suite "pmd_hard": what an application can throw at the PMD and what it
 * must get back, through rte_eth_* only, on the emulated device: malformed
 * mbuf chains on Tx, tx_prepare's verdicts, linearisation, the missing-Tx
 * watchdog with idle queues, counters cleared under traffic, a failed
 * statistics command, Rx/Tx descriptor status, devargs, MTU above the mbuf
 * size, RETA sizes, software link down/up, burst mode and power monitor.
 * Runs on this tree's PMD (the upstream one crashes on the first cases).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_alarm.h>
#include <rte_cpuflags.h>
#include <rte_cycles.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_pause.h>
#include <rte_power_pmd_mgmt.h>
#include <rte_vect.h>

#include "ena_defs.h"
#include "ena_emu.h"
#include "test.h"
#include "test_pmd.h"

/* A port started with nb_q queue pairs; false (and a failed check) if not. */
static bool
hard_port_mtu(struct pmd_env *env, const char *emu_args, const char *pmd_args,
	uint16_t nb_q, uint16_t ring, uint16_t mtu)
{
	int rc;

	if (pmd_env_create2(env, emu_args, pmd_args) != 0) {
		ENA_CHECK(false, "create emulated device (%s / %s)", emu_args,
			pmd_args);
		return false;
	}
	rc = pmd_configure(env, nb_q, ring, mtu, true);
	if (rc == 0)
		rc = rte_eth_dev_start(env->port);
	if (rc != 0) {
		ENA_CHECK(false, "configure and start (%s): %d", emu_args, rc);
		pmd_env_destroy(env);
		return false;
	}
	return true;
}

static bool
hard_port(struct pmd_env *env, const char *emu_args, const char *pmd_args,
	uint16_t nb_q, uint16_t ring)
{
	return hard_port_mtu(env, emu_args, pmd_args, nb_q, ring, 1500);
}

static uint64_t
hard_opackets(uint16_t port)
{
	struct rte_eth_stats st;

	memset(&st, 0, sizeof(st));
	rte_eth_stats_get(port, &st);
	return st.opackets;
}

/* n mbufs of seg_len bytes each, linked; head fields left as allocated. */
static struct rte_mbuf *
hard_chain(unsigned int n, uint16_t seg_len)
{
	struct rte_mbuf *head = NULL, *last = NULL, *m;
	unsigned int i;

	for (i = 0; i < n; i++) {
		m = rte_pktmbuf_alloc(pmd_mp);
		if (m == NULL) {
			rte_pktmbuf_free(head);
			return NULL;
		}
		if (seg_len > 0)
			memset(rte_pktmbuf_append(m, seg_len), 0x11 + i,
				seg_len);
		if (head == NULL)
			head = m;
		else
			last->next = m;
		last = m;
	}
	return head;
}

/* Frees what the receive side holds, for up to max_ms. */
static void
hard_drain(struct pmd_env *env, unsigned int max_ms)
{
	struct rte_mbuf *m[PMD_BURST];
	uint64_t end = rte_get_timer_cycles() +
		rte_get_timer_hz() * max_ms / 1000;
	uint16_t q, n, i;

	while (rte_get_timer_cycles() < end) {
		for (q = 0; q < env->nb_q; q++) {
			n = rte_eth_rx_burst(env->port, q, m, PMD_BURST);
			for (i = 0; i < n; i++)
				rte_pktmbuf_free(m[i]);
		}
	}
}

/*
 * Sends one malformed packet on queue 0 and checks that it is dropped and
 * counted, the mbufs come back and the other queue still forwards.
 */
static void
hard_tx_malformed_one(const char *emu_args, const char *pmd_args,
	const char *what, struct rte_mbuf *(*make)(void))
{
	struct pmd_env env;
	struct rte_mbuf *m;
	uint64_t err0, out0;
	char name[160];
	uint16_t n;

	snprintf(name, sizeof(name), "%s (%s %s)", what, emu_args, pmd_args);
	if (!hard_port(&env, emu_args, pmd_args, 2, 256))
		return;
	m = make();
	if (m == NULL) {
		ENA_CHECK(false, "%s: no mbufs", name);
		pmd_env_destroy(&env);
		return;
	}
	err0 = pmd_xstat(env.port, "tx_q0_errors");
	out0 = hard_opackets(env.port);
	n = rte_eth_tx_burst(env.port, 0, &m, 1);
	ENA_CHECK_EQ(name, 1, n);
	if (n == 0)
		rte_pktmbuf_free(m);
	ENA_CHECK(pmd_xstat(env.port, "tx_q0_errors") == err0 + 1,
		"%s: tx_q0_errors %" PRIu64 " -> %" PRIu64, name, err0,
		pmd_xstat(env.port, "tx_q0_errors"));
	ENA_CHECK(hard_opackets(env.port) == out0,
		"%s: opackets %" PRIu64 " -> %" PRIu64 " for a dropped packet",
		name, out0, hard_opackets(env.port));
	pmd_traffic_check(name, &env, 400, 1514, 512);
	rte_eth_dev_stop(env.port);
	pmd_check_mempool_full(name);
	pmd_env_destroy(&env);
}

/* 70 segments of 30 B behind a head that says 1 segment of 30 B. */
static struct rte_mbuf *
hard_make_long_chain(void)
{
	return hard_chain(70, 30);
}

/* The same with pkt_len the sum of the 70 segments. */
static struct rte_mbuf *
hard_make_long_chain_len(void)
{
	struct rte_mbuf *m = hard_chain(70, 30);

	if (m != NULL)
		m->pkt_len = 70 * 30;
	return m;
}

/* nb_segs 3 for a chain of 2. */
static struct rte_mbuf *
hard_make_short_nb_segs(void)
{
	struct rte_mbuf *m = hard_chain(2, 100);

	if (m != NULL) {
		m->nb_segs = 3;
		m->pkt_len = 200;
	}
	return m;
}

/* One segment of 60 B, pkt_len 200. */
static struct rte_mbuf *
hard_make_pkt_len_long(void)
{
	struct rte_mbuf *m = hard_chain(1, 60);

	if (m != NULL)
		m->pkt_len = 200;
	return m;
}

/* A 0-byte segment alone with pkt_len 64. */
static struct rte_mbuf *
hard_make_empty_first(void)
{
	struct rte_mbuf *m = hard_chain(1, 0);

	if (m != NULL)
		m->pkt_len = 64;
	return m;
}

/* Two segments of 30 B, pkt_len 200. */
static struct rte_mbuf *
hard_make_chain_short(void)
{
	struct rte_mbuf *m = hard_chain(2, 30);

	if (m != NULL) {
		m->nb_segs = 2;
		m->pkt_len = 200;
	}
	return m;
}

/* pkt_len 0. */
static struct rte_mbuf *
hard_make_zero(void)
{
	return hard_chain(1, 0);
}

/* Items 1 and 2: malformed chains on every Tx placement. */
static void
hard_test_tx_malformed(void)
{
	static const struct {
		const char *emu, *pmd;
	} modes[] = {
		{ "queues=2,llq=0", "" },
		{ "queues=2,llq=1", "" },
		{ "queues=2,llq=1", "large_llq_hdr=1" },
	};
	static const struct {
		const char *what;
		struct rte_mbuf *(*make)(void);
	} bad[] = {
		{ "70 segments, nb_segs 1", hard_make_long_chain },
		{ "70 segments, nb_segs 1, pkt_len 2100",
			hard_make_long_chain_len },
		{ "nb_segs 3 for 2 segments", hard_make_short_nb_segs },
		{ "pkt_len 200 in a 60 B segment", hard_make_pkt_len_long },
		{ "0 B first segment, pkt_len 64", hard_make_empty_first },
		{ "pkt_len 200 in 2 x 30 B", hard_make_chain_short },
		{ "pkt_len 0", hard_make_zero },
	};
	/* hard_bad=TEXT: only the kinds whose name contains TEXT. */
	const char *only = ena_test_opt("hard_bad", NULL);
	unsigned int i, k;

	for (i = 0; i < RTE_DIM(modes); i++)
		for (k = 0; k < RTE_DIM(bad); k++)
			if (only == NULL || strstr(bad[k].what, only) != NULL)
				hard_tx_malformed_one(modes[i].emu,
					modes[i].pmd, bad[k].what, bad[k].make);
}

/*
 * Malformed packets in the middle of a burst of good ones: the good ones
 * before and after each go out (the host run of one-buffer packets stops
 * at a bad one and resumes after it), the bad ones are dropped and
 * counted, every mbuf comes back.
 */
static void
hard_test_tx_malformed_mid_burst(void)
{
	static const char *const modes[] = { "queues=1,llq=0",
		"queues=1,llq=1" };
	struct rte_mbuf *pkts[12], *rx[PMD_BURST];
	struct rte_eth_stats st;
	struct pmd_env env;
	uint64_t err0, out0, end;
	unsigned int i, k, got;
	uint16_t n;

	for (i = 0; i < RTE_DIM(modes); i++) {
		if (!hard_port(&env, modes[i], "", 1, 256))
			continue;
		for (k = 0; k < RTE_DIM(pkts); k++)
			pkts[k] = k == 3 ? hard_make_pkt_len_long()
				: k == 7 ? hard_make_zero()
				: k == 9 ? hard_make_short_nb_segs()
					 : pmd_pkt_mbuf(k, 60 + 10 * k, 2048);
		for (k = 0; k < RTE_DIM(pkts); k++)
			if (pkts[k] == NULL)
				break;
		if (k != RTE_DIM(pkts)) {
			ENA_CHECK(false, "%s: no mbufs", modes[i]);
			for (k = 0; k < RTE_DIM(pkts); k++)
				rte_pktmbuf_free(pkts[k]);
			pmd_env_destroy(&env);
			continue;
		}
		rte_eth_stats_reset(env.port);
		err0 = pmd_xstat(env.port, "tx_q0_errors");
		out0 = hard_opackets(env.port);
		n = rte_eth_tx_burst(env.port, 0, pkts, RTE_DIM(pkts));
		ENA_CHECK_EQ(
			"mid-burst malformed: all taken", RTE_DIM(pkts), n);
		ENA_CHECK_EQ("mid-burst malformed: 3 dropped", err0 + 3,
			pmd_xstat(env.port, "tx_q0_errors"));
		ENA_CHECK_EQ("mid-burst malformed: 9 sent", out0 + 9,
			hard_opackets(env.port));
		got = 0;
		end = rte_get_timer_cycles() + rte_get_timer_hz() * 2;
		while (got < 9 && rte_get_timer_cycles() < end) {
			n = rte_eth_rx_burst(env.port, 0, rx, PMD_BURST);
			for (k = 0; k < n; k++) {
				got++;
				rte_pktmbuf_free(rx[k]);
			}
		}
		memset(&st, 0, sizeof(st));
		rte_eth_stats_get(env.port, &st);
		ENA_CHECK(got == 9 && st.ibytes == st.obytes,
			"%s: %u of 9 good packets back, %" PRIu64 " of %" PRIu64
			" bytes",
			modes[i], got, st.ibytes, st.obytes);
		rte_eth_dev_stop(env.port);
		pmd_check_mempool_full(modes[i]);
		pmd_env_destroy(&env);
	}
}

/* ---- item 3: tx_prepare ------------------------------------------------ */

static struct rte_mbuf *
hard_good_pkt(uint32_t len)
{
	return pmd_pkt_mbuf(7, len, 2048);
}

/* tx_prepare on one packet: rte_errno (0 when accepted). */
static int
hard_prep_one(uint16_t port, struct rte_mbuf *m)
{
	uint16_t n;

	rte_errno = 0;
	n = rte_eth_tx_prepare(port, 0, &m, 1);
	return n == 1 ? 0 : rte_errno;
}

static void
hard_prep_expect(uint16_t port, const char *what, struct rte_mbuf *m, int want)
{
	int got;

	if (m == NULL) {
		ENA_CHECK(false, "%s: no mbuf", what);
		return;
	}
	got = hard_prep_one(port, m);
	ENA_CHECK(got == want, "tx_prepare %s: rte_errno %d (%s), want %d",
		what, got, got ? strerror(got) : "accepted", want);
	rte_pktmbuf_free(m);
}

/* Sets the checksum request of a built UDP/IPv4 packet. */
static struct rte_mbuf *
hard_csum_pkt(uint64_t flags, uint8_t l2, uint8_t l3)
{
	struct rte_mbuf *m = hard_good_pkt(200);

	if (m != NULL) {
		m->ol_flags = flags;
		m->l2_len = l2;
		m->l3_len = l3;
		m->l4_len = 8;
	}
	return m;
}

static void
hard_test_tx_prepare(void)
{
	struct rte_mbuf *pk[4], *m;
	struct rte_eth_conf conf;
	struct pmd_env env;
	uint16_t n;
	int rc;

	if (!hard_port(&env, "queues=1,llq=1", "", 1, 256))
		return;
	hard_prep_expect(env.port, "good 1514 B", hard_good_pkt(1514), 0);
	hard_prep_expect(env.port, "good 60 B", hard_good_pkt(60), 0);
	hard_prep_expect(env.port, "VLAN-sized 1522 B", hard_good_pkt(1522), 0);
	hard_prep_expect(
		env.port, "1523 B above MTU 1500", hard_good_pkt(1523), EINVAL);
	m = hard_chain(1, 10);
	hard_prep_expect(env.port, "10 B runt", m, EINVAL);
	hard_prep_expect(env.port, "pkt_len 0", hard_make_zero(), EINVAL);
	hard_prep_expect(env.port, "pkt_len 200 in 60 B",
		hard_make_pkt_len_long(), EINVAL);
	hard_prep_expect(env.port, "0 B segment, pkt_len 64",
		hard_make_empty_first(), EINVAL);
	hard_prep_expect(env.port, "70 segments, nb_segs 1",
		hard_make_long_chain(), EINVAL);
	hard_prep_expect(
		env.port, "nb_segs 3 for 2", hard_make_short_nb_segs(), EINVAL);
	m = hard_chain(3, 100);
	if (m != NULL) {
		/* A consistent chain whose middle segment is empty. */
		m->nb_segs = 3;
		m->pkt_len = 200;
		m->next->data_len = 0;
		m->next->next->data_len = 100;
	}
	hard_prep_expect(env.port, "empty middle segment", m, EINVAL);
	hard_prep_expect(env.port, "UDP csum, l2_len 0",
		hard_csum_pkt(
			RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_UDP_CKSUM, 0, 20),
		EINVAL);
	hard_prep_expect(env.port, "UDP csum, l3_len 0",
		hard_csum_pkt(
			RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_UDP_CKSUM, 14, 0),
		EINVAL);
	hard_prep_expect(env.port, "IP csum, l3_len 0",
		hard_csum_pkt(
			RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IP_CKSUM, 14, 0),
		EINVAL);
	hard_prep_expect(env.port, "UDP csum without IPV4/IPV6 flag",
		hard_csum_pkt(RTE_MBUF_F_TX_UDP_CKSUM, 14, 20), EINVAL);
	hard_prep_expect(env.port, "UDP+IP csum, lengths set",
		hard_csum_pkt(RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IP_CKSUM |
				RTE_MBUF_F_TX_UDP_CKSUM,
			14, 20),
		0);
	/* The first bad packet of a burst stops it there. */
	pk[0] = hard_good_pkt(100);
	pk[1] = hard_good_pkt(200);
	pk[2] = hard_good_pkt(1600);
	pk[3] = hard_good_pkt(300);
	rte_errno = 0;
	n = rte_eth_tx_prepare(env.port, 0, pk, 4);
	ENA_CHECK(n == 2 && rte_errno == EINVAL,
		"tx_prepare of good, good, 1600 B, good: %u (errno %d)", n,
		rte_errno);
	rte_pktmbuf_free_bulk(pk, 4);
	rte_eth_dev_stop(env.port);

	/* Offloads the port was not configured with. */
	memset(&conf, 0, sizeof(conf));
	conf.txmode.offloads = RTE_ETH_TX_OFFLOAD_MULTI_SEGS;
	rc = rte_eth_dev_configure(env.port, 1, 1, &conf);
	if (rc == 0)
		rc = rte_eth_rx_queue_setup(
			env.port, 0, 256, SOCKET_ID_ANY, NULL, pmd_mp);
	if (rc == 0)
		rc = rte_eth_tx_queue_setup(
			env.port, 0, 256, SOCKET_ID_ANY, NULL);
	if (rc == 0)
		rc = rte_eth_dev_start(env.port);
	ENA_CHECK_RC("port without Tx checksum offloads", 0, rc);
	hard_prep_expect(env.port, "IP csum not enabled",
		hard_csum_pkt(
			RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IP_CKSUM, 14, 20),
		EINVAL);
	hard_prep_expect(env.port, "UDP csum not enabled",
		hard_csum_pkt(
			RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_UDP_CKSUM, 14, 20),
		EINVAL);
	hard_prep_expect(env.port, "no offload", hard_good_pkt(200), 0);
	rte_eth_dev_stop(env.port);
	pmd_check_mempool_full("tx_prepare");
	pmd_env_destroy(&env);
}

/* ---- item 4: linearisation ----------------------------------------------- */

/* Receives one packet back within the deadline; NULL if none came. */
static struct rte_mbuf *
hard_rx_one(struct pmd_env *env)
{
	uint64_t dl = rte_get_timer_cycles() + 5 * rte_get_timer_hz();
	struct rte_mbuf *m[PMD_BURST], *got = NULL;
	uint16_t q, n, i;

	while (got == NULL && rte_get_timer_cycles() < dl) {
		for (q = 0; q < env->nb_q; q++) {
			n = rte_eth_rx_burst(env->port, q, m, PMD_BURST);
			for (i = 0; i < n; i++) {
				if (got == NULL)
					got = m[i];
				else
					rte_pktmbuf_free(m[i]);
			}
		}
	}
	return got;
}

static void
hard_linearize_one(
	const char *emu_args, uint32_t len, uint32_t seg, uint16_t mtu)
{
	static uint8_t want[16384], got[16384];
	struct pmd_env env;
	struct rte_mbuf *m, *r;
	char what[128];
	uint64_t lin0, err0;
	unsigned int nseg;
	int rc;

	snprintf(what, sizeof(what), "linearise %u B in %u B segments (%s)",
		len, seg, emu_args);
	if (!hard_port_mtu(&env, emu_args, "", 1, 256, mtu))
		return;
	m = pmd_pkt_mbuf(11, len, seg);
	if (m == NULL) {
		ENA_CHECK(false, "%s: no mbufs", what);
		pmd_env_destroy(&env);
		return;
	}
	nseg = m->nb_segs;
	rc = hard_prep_one(env.port, m);
	ENA_CHECK(rc == 0, "%s: tx_prepare accepts %u segments (errno %d)",
		what, nseg, rc);
	lin0 = pmd_xstat(env.port, "tx_q0_linearize");
	err0 = pmd_xstat(env.port, "tx_q0_errors");
	ENA_CHECK_EQ(what, 1, rte_eth_tx_burst(env.port, 0, &m, 1));
	r = hard_rx_one(&env);
	ENA_CHECK(r != NULL, "%s: packet received", what);
	if (r != NULL) {
		pmd_pkt_build(want, 11, len);
		ENA_CHECK(r->pkt_len == len &&
				memcmp(rte_pktmbuf_read(r, 0, len, got), want,
					len) == 0,
			"%s: payload intact (%u B received)", what, r->pkt_len);
		rte_pktmbuf_free(r);
	}
	ENA_CHECK(pmd_xstat(env.port, "tx_q0_linearize") == lin0 + 1,
		"%s: tx_q0_linearize %" PRIu64 " -> %" PRIu64, what, lin0,
		pmd_xstat(env.port, "tx_q0_linearize"));
	ENA_CHECK_EQ("linearised packet not an error", err0,
		pmd_xstat(env.port, "tx_q0_errors"));
	rte_eth_dev_stop(env.port);
	pmd_check_mempool_full(what);
	pmd_env_destroy(&env);
}

/* No mbuf to copy into: dropped, counted, the chain freed. */
static void
hard_linearize_starved(void)
{
	struct rte_mbuf **hold;
	struct pmd_env env;
	struct rte_mbuf *m;
	unsigned int held = 0;
	uint64_t err0;

	if (!hard_port(&env, "queues=1,llq=1", "", 1, 256))
		return;
	hold = calloc(PMD_NB_MBUF, sizeof(*hold));
	m = pmd_pkt_mbuf(12, 1200, 30);
	if (hold == NULL || m == NULL) {
		ENA_CHECK(false, "linearise starved: no memory");
		free(hold);
		rte_pktmbuf_free(m);
		pmd_env_destroy(&env);
		return;
	}
	while (held < PMD_NB_MBUF &&
		(hold[held] = rte_pktmbuf_alloc(pmd_mp)) != NULL)
		held++;
	err0 = pmd_xstat(env.port, "tx_q0_errors");
	ENA_CHECK_EQ("40-segment packet with an empty pool consumed", 1,
		rte_eth_tx_burst(env.port, 0, &m, 1));
	ENA_CHECK_EQ("dropped for want of an mbuf: tx_q0_errors", err0 + 1,
		pmd_xstat(env.port, "tx_q0_errors"));
	rte_pktmbuf_free_bulk(hold, held);
	free(hold);
	hard_drain(&env, 200);
	rte_eth_dev_stop(env.port);
	pmd_check_mempool_full("linearise starved");
	pmd_env_destroy(&env);
}

static void
hard_test_linearize(void)
{
	hard_linearize_one("queues=1,llq=0", 1200, 30, 1500);
	hard_linearize_one("queues=1,llq=1", 1200, 30, 1500);
	/* More than one mbuf's room: copied into as few as it takes. */
	hard_linearize_one("queues=1,llq=1", 2100, 30, 9000);
	hard_linearize_one("queues=1,llq=0", 5000, 100, 9000);
	hard_linearize_one("queues=1,llq=0", 1400, 64, 1500);
	hard_linearize_starved();
}

/* ---- item 5: watchdog with idle queues ------------------------------------- */

static void
hard_test_watchdog_idle(void)
{
	struct rte_mbuf *m[200], *rx[PMD_BURST];
	uint64_t end, missed = 0;
	unsigned int ev0, lost = 0, i;
	struct pmd_env env;
	uint32_t seq = 0;
	uint16_t q, n;
	char name[32];
	bool warned;

	if (!hard_port(&env, "queues=4,llq=1", "miss_txc_to=1", 4, 512))
		return;
	rte_eth_dev_callback_register(
		env.port, RTE_ETH_EVENT_INTR_RESET, pmd_event_cb, NULL);
	ev0 = pmd_reset_events;
	pmd_log_capture_start();
	/* tx_first: a burst of 200 on every queue, then only queue 0 works. */
	for (q = 0; q < 4; q++) {
		for (i = 0; i < 200; i++)
			m[i] = pmd_pkt_mbuf(seq++, 128, 2048);
		n = rte_eth_tx_burst(env.port, q, m, 200);
		for (i = n; i < 200; i++)
			rte_pktmbuf_free(m[i]);
		lost += 200 - n;
	}
	ENA_CHECK_EQ("tx_first bursts accepted", 0, lost);
	/* Four watchdog periods past the 1 s timeout. */
	end = rte_get_timer_cycles() + 5 * rte_get_timer_hz();
	while (rte_get_timer_cycles() < end && pmd_reset_events == ev0) {
		for (i = 0; i < 16; i++)
			m[i] = pmd_pkt_mbuf(seq++, 128, 2048);
		n = rte_eth_tx_burst(env.port, 0, m, 16);
		for (i = n; i < 16; i++)
			rte_pktmbuf_free(m[i]);
		for (q = 0; q < 4; q++) {
			n = rte_eth_rx_burst(env.port, q, rx, PMD_BURST);
			for (i = 0; i < n; i++)
				rte_pktmbuf_free(rx[i]);
		}
		rte_delay_us_sleep(200);
	}
	warned = pmd_log_capture_stop("not completed in time");
	ENA_CHECK_EQ("resets of a healthy device with 3 idle Tx queues", 0,
		pmd_reset_events - ev0);
	ENA_CHECK(!warned, "no missed-Tx warning with idle Tx queues");
	for (q = 0; q < 4; q++) {
		snprintf(name, sizeof(name), "tx_q%u_missed_tx", q);
		missed += pmd_xstat(env.port, name);
	}
	ENA_CHECK_EQ(
		"tx_qN_missed_tx with completed, unreaped packets", 0, missed);
	rte_eth_dev_callback_unregister(
		env.port, RTE_ETH_EVENT_INTR_RESET, pmd_event_cb, NULL);
	rte_eth_dev_stop(env.port);
	pmd_check_mempool_full("watchdog idle queues");
	pmd_env_destroy(&env);
}

/*
 * One status read the device answers too late is no failure; reads that
 * stay unanswered are. The emulator answers read-less reads 300 ms late
 * (the PMD waits 200 ms) while mmio_late_ms is set.
 */
static void
hard_test_status_read(void)
{
	struct ena_emu_counters c0, c;
	unsigned int ev0;
	struct pmd_env env;
	uint64_t dl;
	bool warned;

	if (!hard_port(&env, "queues=1", "", 1, 256))
		return;
	if (env.emu == NULL) {
		ena_test_skip("status read: no emulator handle");
		pmd_env_destroy(&env);
		return;
	}
	rte_eth_dev_callback_register(
		env.port, RTE_ETH_EVENT_INTR_RESET, pmd_event_cb, NULL);
	ev0 = pmd_reset_events;
	pmd_log_capture_start();
	ena_emu_counters_get(env.emu, &c0);
	ena_emu_fault_set(env.emu, ENA_EMU_FAULT_MMIO_LATE_MS, 300);
	/* The late answer of one watchdog read, then answers in time. */
	dl = rte_get_timer_cycles() + 5 * rte_get_timer_hz();
	do {
		rte_delay_us_sleep(1000);
		ena_emu_counters_get(env.emu, &c);
	} while (c.mmio_reads == c0.mmio_reads && rte_get_timer_cycles() < dl);
	ena_emu_fault_set(env.emu, ENA_EMU_FAULT_MMIO_LATE_MS, 0);
	ENA_CHECK(c.mmio_reads > c0.mmio_reads, "a status read answered late");
	/* Three more watchdog periods. */
	dl = rte_get_timer_cycles() + 3 * rte_get_timer_hz();
	while (pmd_reset_events == ev0 && rte_get_timer_cycles() < dl)
		rte_delay_us_sleep(1000);
	warned = pmd_log_capture_stop("device status not read (1 in a row)");
	ENA_CHECK_EQ(
		"resets after one late status read", 0, pmd_reset_events - ev0);
	ENA_CHECK(warned, "late status read logged as a warning");
	pmd_traffic_check("after a late status read", &env, 200, 1514, 2048);

	/* Unanswered period after period: a reset. */
	pmd_log_capture_start();
	ena_emu_fault_set(env.emu, ENA_EMU_FAULT_MMIO_LATE_MS, 300);
	dl = rte_get_timer_cycles() + 10 * rte_get_timer_hz();
	while (pmd_reset_events == ev0 && rte_get_timer_cycles() < dl)
		rte_delay_us_sleep(1000);
	ena_emu_fault_set(env.emu, ENA_EMU_FAULT_MMIO_LATE_MS, 0);
	ENA_CHECK(pmd_log_capture_stop("device status unreadable"),
		"unanswered status reads logged");
	ENA_CHECK(
		pmd_reset_events > ev0, "reset after unanswered status reads");
	ENA_CHECK_RC("rte_eth_dev_reset", 0, rte_eth_dev_reset(env.port));
	ENA_CHECK_RC("start after reset", 0, rte_eth_dev_start(env.port));
	pmd_traffic_check("after the status reset", &env, 200, 1514, 2048);
	rte_eth_dev_callback_unregister(
		env.port, RTE_ETH_EVENT_INTR_RESET, pmd_event_cb, NULL);
	rte_eth_dev_stop(env.port);
	pmd_check_mempool_full("status read");
	pmd_env_destroy(&env);
}

/* ---- item 6: stats reset under traffic ------------------------------------- */

struct hard_fwd {
	uint16_t port;
	volatile bool stop;
	volatile bool pause;
	volatile bool paused;
	volatile uint64_t fwd;
	volatile uint64_t drops;
};

/* testpmd's io forwarding on one queue: what comes in goes out. */
static int
hard_fwd_main(void *arg)
{
	struct hard_fwd *f = arg;
	struct rte_mbuf *m[PMD_BURST];
	uint16_t n, sent;
	unsigned int tries;

	while (!f->stop) {
		if (f->pause) {
			f->paused = true;
			while (f->pause && !f->stop)
				rte_pause();
			f->paused = false;
			continue;
		}
		n = rte_eth_rx_burst(f->port, 0, m, PMD_BURST);
		sent = 0;
		for (tries = 0; sent < n && tries < 10000; tries++)
			sent += rte_eth_tx_burst(
				f->port, 0, m + sent, (uint16_t)(n - sent));
		if (sent < n) {
			rte_pktmbuf_free_bulk(m + sent, n - sent);
			f->drops += n - sent;
		}
		f->fwd += n;
	}
	return 0;
}

static bool
hard_wait_u64(volatile uint64_t *v, uint64_t target, unsigned int max_s)
{
	uint64_t dl = rte_get_timer_cycles() + max_s * rte_get_timer_hz();

	while (*v < target && rte_get_timer_cycles() < dl)
		rte_delay_us_sleep(100);
	return *v >= target;
}

static bool
hard_wait_flag(volatile bool *v, bool want)
{
	uint64_t dl = rte_get_timer_cycles() + 5 * rte_get_timer_hz();

	while (*v != want && rte_get_timer_cycles() < dl)
		rte_delay_us_sleep(100);
	return *v == want;
}

static void
hard_test_stats_reset(void)
{
	struct hard_fwd f = { 0 };
	struct rte_mbuf *m[256];
	struct rte_eth_stats st;
	struct pmd_env env;
	unsigned int i, bad = 0, stuck = 0, lcore;
	uint64_t worst = 0, d0;
	uint16_t n;

	lcore = rte_get_next_lcore(rte_lcore_id(), 1, 0);
	if (lcore >= RTE_MAX_LCORE) {
		ena_test_skip("stats reset under traffic needs a worker lcore");
		return;
	}
	if (!hard_port(&env, "queues=1,llq=1", "", 1, 1024))
		return;
	for (i = 0; i < 256; i++)
		m[i] = pmd_pkt_mbuf(i, 256, 2048);
	n = rte_eth_tx_burst(env.port, 0, m, 256);
	for (i = n; i < 256; i++)
		rte_pktmbuf_free(m[i]);
	f.port = env.port;
	rte_eal_remote_launch(hard_fwd_main, &f, lcore);
	for (i = 0; i < 20; i++) {
		if (!hard_wait_u64(&f.fwd, f.fwd + 2000, 10)) {
			stuck++;
			break;
		}
		d0 = f.drops;
		rte_eth_stats_reset(env.port);
		/* Let traffic run on the cleared counters, then quiesce. */
		if (!hard_wait_u64(&f.fwd, f.fwd + 5000, 10))
			stuck++;
		f.pause = true;
		if (!hard_wait_flag(&f.paused, true))
			stuck++;
		rte_eth_stats_get(env.port, &st);
		if (st.ipackets > st.opackets + (f.drops - d0)) {
			bad++;
			if (st.ipackets - st.opackets > worst)
				worst = st.ipackets - st.opackets;
		}
		f.pause = false;
		hard_wait_flag(&f.paused, false);
	}
	f.stop = true;
	rte_eal_wait_lcore(lcore);
	printf("stats reset under traffic: %u of 20 clears left ipackets > "
	       "opackets (worst by %" PRIu64 "), %" PRIu64
	       " forwarded, %" PRIu64 " dropped by the forwarder\n",
		bad, worst, f.fwd, f.drops);
	ENA_CHECK_EQ("forwarder kept forwarding", 0, stuck);
	ENA_CHECK_EQ(
		"clears under traffic leaving ipackets > opackets", 0, bad);
	hard_drain(&env, 200);
	rte_eth_dev_stop(env.port);
	pmd_check_mempool_full("stats reset under traffic");
	pmd_env_destroy(&env);
}

/* ---- item 7: a failed GET_STATS ------------------------------------------- */

static uint64_t
hard_emu_counter(struct pmd_env *env, size_t off)
{
	struct ena_emu_counters c;

	memset(&c, 0, sizeof(c));
	ena_emu_counters_get(env->emu, &c);
	return *(const uint64_t *)((const char *)&c + off);
}

#define HARD_EMU_CNT(env, field) \
	hard_emu_counter(env, offsetof(struct ena_emu_counters, field))

static bool
hard_wait_emu(struct pmd_env *env, size_t off, uint64_t target)
{
	uint64_t dl = rte_get_timer_cycles() + 6 * rte_get_timer_hz();

	while (hard_emu_counter(env, off) < target &&
		rte_get_timer_cycles() < dl)
		rte_delay_us_sleep(1000);
	return hard_emu_counter(env, off) >= target;
}

static void
hard_test_stats_cmd_fail(void)
{
	struct pmd_env env;
	uint64_t err0, cmds;
	bool logged;

	if (!hard_port(&env, "queues=1", "watchdog_period=100", 1, 256))
		return;
	if (env.emu == NULL) {
		ena_test_skip("GET_STATS failure: no emulator handle");
		pmd_env_destroy(&env);
		return;
	}
	err0 = HARD_EMU_CNT(&env, admin_errors);
	pmd_log_capture_start();
	ena_emu_fault_set(
		env.emu, ENA_EMU_FAULT_ADMIN_ERR_OPCODE, ENA_AQ_OP_GET_STATS);
	ena_emu_fault_set(env.emu, ENA_EMU_FAULT_ADMIN_ERR, UINT32_MAX);
	/* Several refresh periods of failed commands. */
	ENA_CHECK(hard_wait_emu(&env,
			  offsetof(struct ena_emu_counters, admin_errors),
			  err0 + 6),
		"GET_STATS failed by the device (%" PRIu64 " errors)",
		HARD_EMU_CNT(&env, admin_errors) - err0);
	ena_emu_fault_set(env.emu, ENA_EMU_FAULT_ADMIN_ERR, 0);
	ena_emu_fault_set(env.emu, ENA_EMU_FAULT_ADMIN_ERR_OPCODE, 0);
	logged = pmd_log_capture_stop("statistics refresh failed");
	ENA_CHECK(logged, "failed refresh logged");
	cmds = HARD_EMU_CNT(&env, admin_cmds);
	ENA_CHECK(hard_wait_emu(&env,
			  offsetof(struct ena_emu_counters, admin_cmds),
			  cmds + 4),
		"statistics refreshed again after the failures (%" PRIu64
		" admin commands since)",
		HARD_EMU_CNT(&env, admin_cmds) - cmds);
	rte_eth_dev_stop(env.port);
	pmd_env_destroy(&env);
}

/* ---- item 8: queue count and descriptor status ----------------------------- */

static bool
hard_wait_rx_count(struct pmd_env *env, int want)
{
	uint64_t dl = rte_get_timer_cycles() + 5 * rte_get_timer_hz();

	while (rte_eth_rx_queue_count(env->port, 0) != want &&
		rte_get_timer_cycles() < dl)
		rte_delay_us_sleep(200);
	return rte_eth_rx_queue_count(env->port, 0) == want;
}

static void
hard_test_desc_status(void)
{
	struct rte_mbuf *m[100], *rx[128];
	struct pmd_env env;
	unsigned int i, got = 0;
	uint16_t n;
	int rc;

	if (!hard_port(&env, "queues=1,llq=1", "", 1, 512))
		return;
	ENA_CHECK_EQ("rx_queue_count of an idle queue", 0,
		rte_eth_rx_queue_count(env.port, 0));
	for (i = 0; i < 100; i++)
		m[i] = pmd_pkt_mbuf(i, 128, 2048);
	n = rte_eth_tx_burst(env.port, 0, m, 100);
	for (i = n; i < 100; i++)
		rte_pktmbuf_free(m[i]);
	rc = hard_wait_rx_count(&env, n);
	ENA_CHECK(rc, "rx_queue_count %d, want %u filled descriptors",
		rte_eth_rx_queue_count(env.port, 0), n);
	ENA_CHECK_EQ("rx desc 0 status", RTE_ETH_RX_DESC_DONE,
		rte_eth_rx_descriptor_status(env.port, 0, 0));
	ENA_CHECK_EQ("rx desc 99 status", RTE_ETH_RX_DESC_DONE,
		rte_eth_rx_descriptor_status(env.port, 0, 99));
	ENA_CHECK_EQ("rx desc 100 status", RTE_ETH_RX_DESC_AVAIL,
		rte_eth_rx_descriptor_status(env.port, 0, 100));
	ENA_CHECK_EQ("rx desc 510 status", RTE_ETH_RX_DESC_AVAIL,
		rte_eth_rx_descriptor_status(env.port, 0, 510));
	ENA_CHECK_EQ("rx desc 511 status (the slot kept empty)",
		RTE_ETH_RX_DESC_UNAVAIL,
		rte_eth_rx_descriptor_status(env.port, 0, 511));
	ENA_CHECK_RC("rx desc 512 status (beyond the ring)", -EINVAL,
		rte_eth_rx_descriptor_status(env.port, 0, 512));
	while (got < n) {
		uint16_t k = rte_eth_rx_burst(env.port, 0, rx, 128);

		if (k == 0)
			break;
		rte_pktmbuf_free_bulk(rx, k);
		got += k;
	}
	ENA_CHECK_EQ("rx_queue_count after rx_burst", 0,
		rte_eth_rx_queue_count(env.port, 0));

	/* Tx: offset 0 is where the next packet goes. Reap what is done. */
	rte_eth_tx_done_cleanup(env.port, 0, 0);
	ENA_CHECK_EQ("tx desc 0 status, empty ring", RTE_ETH_TX_DESC_DONE,
		rte_eth_tx_descriptor_status(env.port, 0, 0));
	ENA_CHECK_RC("tx desc 512 status (beyond the ring)", -EINVAL,
		rte_eth_tx_descriptor_status(env.port, 0, 512));
	if (env.emu != NULL) {
		ena_emu_fault_set(env.emu, ENA_EMU_FAULT_TX_COMP_STOP, 1);
		for (i = 0; i < 10; i++)
			m[i] = pmd_pkt_mbuf(i, 128, 2048);
		n = rte_eth_tx_burst(env.port, 0, m, 10);
		for (i = n; i < 10; i++)
			rte_pktmbuf_free(m[i]);
		/* 10 LLQ entries in flight: 511 - 10 free slots, then the
		 * one kept empty, then the oldest packet. */
		ENA_CHECK_EQ("tx desc 0 status", RTE_ETH_TX_DESC_DONE,
			rte_eth_tx_descriptor_status(env.port, 0, 0));
		ENA_CHECK_EQ("tx desc 500 status (free)", RTE_ETH_TX_DESC_DONE,
			rte_eth_tx_descriptor_status(env.port, 0, 500));
		ENA_CHECK_EQ("tx desc 501 status (kept empty)",
			RTE_ETH_TX_DESC_UNAVAIL,
			rte_eth_tx_descriptor_status(env.port, 0, 501));
		ENA_CHECK_EQ("tx desc 502 status (oldest, not completed)",
			RTE_ETH_TX_DESC_FULL,
			rte_eth_tx_descriptor_status(env.port, 0, 502));
		ENA_CHECK_EQ("tx desc 511 status (newest, not completed)",
			RTE_ETH_TX_DESC_FULL,
			rte_eth_tx_descriptor_status(env.port, 0, 511));
		ena_emu_fault_set(env.emu, ENA_EMU_FAULT_TX_COMP_STOP, 0);
		rte_eth_dev_stop(env.port);
		rte_eth_dev_start(env.port);
		for (i = 0; i < 10; i++)
			m[i] = pmd_pkt_mbuf(i, 128, 2048);
		n = rte_eth_tx_burst(env.port, 0, m, 10);
		for (i = n; i < 10; i++)
			rte_pktmbuf_free(m[i]);
		{
			uint64_t dl = rte_get_timer_cycles() +
				5 * rte_get_timer_hz();

			while (rte_eth_tx_descriptor_status(env.port, 0, 511) !=
					RTE_ETH_TX_DESC_DONE &&
				rte_get_timer_cycles() < dl)
				rte_delay_us_sleep(200);
		}
		ENA_CHECK_EQ("tx desc 511 status once the device completed",
			RTE_ETH_TX_DESC_DONE,
			rte_eth_tx_descriptor_status(env.port, 0, 511));
		ENA_CHECK_EQ("tx desc 502 status once the device completed",
			RTE_ETH_TX_DESC_DONE,
			rte_eth_tx_descriptor_status(env.port, 0, 502));
	}
	hard_drain(&env, 200);
	rte_eth_dev_stop(env.port);
	pmd_check_mempool_full("descriptor status");
	pmd_env_destroy(&env);
}

/* ---- item 9 and the newest devargs ------------------------------------------ */

static bool
hard_probe(const char *pmd_args, const char *log_needle)
{
	struct pmd_env env;
	bool ok, seen = true;

	if (log_needle != NULL)
		pmd_log_capture_start();
	ok = pmd_env_create2(&env, "queues=1,llq=1", pmd_args) == 0;
	if (log_needle != NULL)
		seen = pmd_log_capture_stop(log_needle);
	if (ok)
		pmd_env_destroy(&env);
	ENA_CHECK(
		seen, "devargs \"%s\": log names \"%s\"", pmd_args, log_needle);
	return ok;
}

/*
 * The Tx path a policy gives on a device made with emu_args: its burst
 * mode and the LLQ pushes.
 */
static void
hard_llq_policy_on(const char *emu_args, const char *pmd_args,
	uint64_t want_pushes, const char *mode)
{
	struct rte_eth_burst_mode bm;
	struct pmd_env env;
	char what[160], args[96];

	snprintf(what, sizeof(what), "%s%s%s: LLQ pushes", pmd_args,
		emu_args[0] != '\0' ? " on " : "", emu_args);
	snprintf(args, sizeof(args), "queues=1,llq=1%s%s",
		emu_args[0] != '\0' ? "," : "", emu_args);
	if (pmd_env_create2(&env, args, pmd_args) != 0) {
		ENA_CHECK(false, "create with %s", pmd_args);
		return;
	}
	if (pmd_configure(&env, 1, 256, 1500, true) == 0 &&
		rte_eth_dev_start(env.port) == 0) {
		memset(&bm, 0, sizeof(bm));
		rte_eth_tx_burst_mode_get(env.port, 0, &bm);
		ENA_CHECK(strstr(bm.info, mode) != NULL,
			"%s: Tx burst mode \"%s\" says \"%s\"", what, bm.info,
			mode);
		pmd_traffic_check(pmd_args, &env, 300, 1514, 2048);
		ENA_CHECK_EQ(what, want_pushes,
			pmd_xstat(env.port, "tx_q0_llq_pushes"));
	} else {
		ENA_CHECK(false, "%s: configure and start", pmd_args);
	}
	pmd_env_destroy(&env);
}

static void
hard_llq_policy(const char *pmd_args, uint64_t want_pushes, const char *mode)
{
	hard_llq_policy_on("", pmd_args, want_pushes, mode);
}

static void
hard_test_devargs(void)
{
	static const struct {
		const char *args;
		bool ok;
	} ranges[] = {
		{ "llq_policy=0", true },
		{ "llq_policy=3", true },
		{ "llq_policy=4", false },
		{ "miss_txc_to=0", true },
		{ "miss_txc_to=60", true },
		{ "miss_txc_to=61", false },
		{ "control_path_poll_interval=0", true },
		{ "control_path_poll_interval=1000", true },
		{ "control_path_poll_interval=1001", false },
		{ "watchdog_period=10", true },
		{ "watchdog_period=9", false },
		{ "watchdog_period=10000", true },
		{ "watchdog_period=10001", false },
		{ "enable_frag_bypass=0", true },
		{ "enable_frag_bypass=1", true },
		{ "enable_frag_bypass=2", false },
		{ "enable_llq=1", true },
		{ "enable_llq=2", false },
		{ "large_llq_hdr=0", true },
		{ "large_llq_hdr=2", false },
		{ "llq_policy=-1", false },
		{ "llq_policy=0x1", false },
		{ "llq_policy=", false },
	};
	unsigned int i;
	bool ok;

	for (i = 0; i < RTE_DIM(ranges); i++) {
		ok = hard_probe(ranges[i].args, NULL);
		ENA_CHECK(ok == ranges[i].ok, "devargs \"%s\" %s",
			ranges[i].args, ranges[i].ok ? "accepted" : "refused");
	}
	ENA_CHECK(!hard_probe("miss_txc_to=3,miss_txc_to=4",
			  "miss_txc_to given 2 times"),
		"a devarg given twice is refused");
	ENA_CHECK(!hard_probe("llq_policy=2,enable_llq=0", "llq_policy"),
		"llq_policy with enable_llq is refused");
	ENA_CHECK(hard_probe("enable_llq=0", "deprecated"),
		"enable_llq=0 accepted with a deprecation notice");
	ENA_CHECK(hard_probe("large_llq_hdr=1", "deprecated"),
		"large_llq_hdr=1 accepted with a deprecation notice");
	ENA_CHECK(hard_probe("enable_frag_bypass=1", "fragment bypass"),
		"enable_frag_bypass=1 on a device without it");
	/*
	 * miss_txc_to given, even at its default, beats the device's hint;
	 * not given, the hint (the emulated device's is 5000 ms) applies.
	 */
	rte_log_set_level_pattern("pmd.net.ena.*", RTE_LOG_INFO);
	ENA_CHECK(hard_probe("miss_txc_to=5",
			  "timeout 5000 ms (devarg miss_txc_to)"),
		"miss_txc_to=5 (the default) counts as given");
	ENA_CHECK(hard_probe("miss_txc_to=0",
			  "timeout 0 ms (devarg miss_txc_to): check disabled"),
		"miss_txc_to=0 disables the check");
	ENA_CHECK(hard_probe("", "timeout 5000 ms (device)"),
		"without miss_txc_to the device's hint applies");
	rte_log_set_level_pattern("pmd.net.ena.*", RTE_LOG_NOTICE);
	hard_llq_policy("llq_policy=0", 0, "host memory");
	/* The emulated device advises 128 B entries by default. */
	hard_llq_policy("llq_policy=1", 300, "LLQ 128 B");
	/* The device's advice is followed by policy 1 (the default) only. */
	hard_llq_policy_on("llq_entry=256", "llq_policy=1", 300, "LLQ 256 B");
	hard_llq_policy_on("llq_entry=256", "", 300, "LLQ 256 B");
	hard_llq_policy_on("llq_entry=256", "llq_policy=2", 300, "LLQ 128 B");
	/* A device of the 2.0 era advises nothing: 128 B. */
	hard_llq_policy_on("llq_entry=256,capabilities=0", "llq_policy=1", 300,
		"LLQ 128 B");
	hard_llq_policy("llq_policy=2", 300, "LLQ 128 B");
	hard_llq_policy("llq_policy=3", 300, "LLQ 256 B");
	hard_llq_policy("", 300, "LLQ 128 B");
	hard_llq_policy("enable_llq=0", 0, "host memory");
	hard_llq_policy("enable_llq=1", 300, "LLQ 128 B");
	hard_llq_policy("large_llq_hdr=1", 300, "LLQ 256 B");
	hard_llq_policy("large_llq_hdr=0", 300, "LLQ 128 B");
	hard_llq_policy("enable_llq=0,large_llq_hdr=1", 0, "host memory");
}

/* ---- item 10: MTU above the Rx buffer ---------------------------------------- */

static int
hard_setup_noscatter(struct pmd_env *env, uint16_t mtu)
{
	struct rte_eth_conf conf;
	int rc;

	memset(&conf, 0, sizeof(conf));
	conf.rxmode.mtu = mtu;
	conf.txmode.offloads = RTE_ETH_TX_OFFLOAD_MULTI_SEGS;
	rc = rte_eth_dev_configure(env->port, 1, 1, &conf);
	if (rc != 0)
		return rc;
	env->nb_q = 1;
	env->ring = 512;
	env->rx_offloads = 0;
	env->tx_offloads = conf.txmode.offloads;
	rc = rte_eth_tx_queue_setup(env->port, 0, 512, SOCKET_ID_ANY, NULL);
	if (rc != 0)
		return rc;
	return rte_eth_rx_queue_setup(
		env->port, 0, 512, SOCKET_ID_ANY, NULL, pmd_mp);
}

static void
hard_check_burst_mode(uint16_t port, const char *want)
{
	struct rte_eth_burst_mode bm;
	int rc;

	memset(&bm, 0, sizeof(bm));
	rc = rte_eth_rx_burst_mode_get(port, 0, &bm);
	ENA_CHECK(rc == 0 && strstr(bm.info, want) != NULL,
		"rx burst mode \"%s\" (rc %d) mentions \"%s\"", bm.info, rc,
		want);
}

static void
hard_test_mtu_scatter(void)
{
	struct pmd_env env;
	uint16_t mtu = 0;
	int rc;

	/* Stopped: the MTU first, then the queues (testpmd's order). */
	if (pmd_env_create(&env, "queues=1,llq=1") != 0) {
		ENA_CHECK(false, "create emulated device");
		return;
	}
	rc = hard_setup_noscatter(&env, 1500);
	ENA_CHECK_RC("configure without scattered Rx", 0, rc);
	rte_log_set_level_pattern("pmd.net.ena.*", RTE_LOG_INFO);
	pmd_log_capture_start();
	rc = rte_eth_dev_set_mtu(env.port, 9000);
	ENA_CHECK_RC("MTU 9000 on a stopped port", 0, rc);
	rc = rte_eth_rx_queue_setup(
		env.port, 0, 512, SOCKET_ID_ANY, NULL, pmd_mp);
	ENA_CHECK_RC("Rx queue of 2 KB buffers at MTU 9000", 0, rc);
	ENA_CHECK(pmd_log_capture_stop("scattered Rx enabled"),
		"scattered Rx enabled and logged at INFO");
	rte_log_set_level_pattern("pmd.net.ena.*", RTE_LOG_NOTICE);
	rc = rte_eth_dev_start(env.port);
	ENA_CHECK_RC("start at MTU 9000 with 2 KB buffers", 0, rc);
	if (rc == 0) {
		hard_check_burst_mode(env.port, "scattered");
		pmd_traffic_check(
			"MTU 9000 with 2 KB mbufs", &env, 300, 9014, 2048);
		rte_eth_dev_stop(env.port);
	}
	pmd_check_mempool_full("MTU 9000 stopped");
	pmd_env_destroy(&env);

	/* Running: the same rule. */
	if (pmd_env_create(&env, "queues=1,llq=0") != 0) {
		ENA_CHECK(false, "create emulated device");
		return;
	}
	rc = hard_setup_noscatter(&env, 1500);
	if (rc == 0)
		rc = rte_eth_dev_start(env.port);
	ENA_CHECK_RC("start at MTU 1500 without scattered Rx", 0, rc);
	/* Without scattered Rx the vector path where the CPU has it. */
	hard_check_burst_mode(env.port,
		rte_cpu_get_flag_enabled(RTE_CPUFLAG_SSE4_1) > 0 &&
				rte_vect_get_max_simd_bitwidth() >=
					RTE_VECT_SIMD_128
			? "Vector"
			: "Scalar");
	rc = rte_eth_dev_set_mtu(env.port, 9000);
	ENA_CHECK_RC("MTU 9000 on a running port with 2 KB buffers", 0, rc);
	rte_eth_dev_get_mtu(env.port, &mtu);
	ENA_CHECK_EQ("MTU read back", 9000, mtu);
	if (rc == 0) {
		hard_check_burst_mode(env.port, "scattered");
		pmd_traffic_check(
			"MTU 9000 set while running", &env, 300, 9014, 2048);
	}
	rte_eth_dev_stop(env.port);
	pmd_check_mempool_full("MTU 9000 running");
	pmd_env_destroy(&env);
}

/* ---- item 11: RETA sizes ------------------------------------------------------ */

static void
hard_test_reta(void)
{
	struct rte_eth_rss_reta_entry64 r[3];
	struct pmd_env env;
	unsigned int i, ok;
	int rc;

	if (!hard_port(&env, "queues=2", "", 2, 256))
		return;
	memset(r, 0, sizeof(r));
	r[0].mask = UINT64_MAX;
	for (i = 0; i < 64; i++)
		r[0].reta[i] = 1;
	rc = rte_eth_dev_rss_reta_update(env.port, r, 64);
	ENA_CHECK_RC("RETA update of 64 entries", 0, rc);
	memset(r, 0, sizeof(r));
	r[0].mask = r[1].mask = UINT64_MAX;
	rc = rte_eth_dev_rss_reta_query(env.port, r, 128);
	ENA_CHECK_RC("RETA query of 128", 0, rc);
	for (i = 0, ok = 0; i < 64; i++)
		ok += r[0].reta[i] == 1;
	ENA_CHECK_EQ("entries 0-63 set by the 64-entry update", 64, ok);
	for (i = 0, ok = 0; i < 64; i++)
		ok += r[1].reta[i] == (64 + i) % 2;
	ENA_CHECK_EQ("entries 64-127 untouched", 64, ok);
	/* Masks choose: only entry 64 of a 128-entry update. */
	memset(r, 0, sizeof(r));
	r[1].mask = 1;
	r[1].reta[0] = 1;
	rc = rte_eth_dev_rss_reta_update(env.port, r, 128);
	ENA_CHECK_RC("RETA update of entry 64 only", 0, rc);
	memset(r, 0, sizeof(r));
	r[0].mask = 0xff;
	rc = rte_eth_dev_rss_reta_query(env.port, r, 64);
	ENA_CHECK_RC("RETA query of 64", 0, rc);
	ENA_CHECK(r[0].reta[0] == 1 && r[0].reta[7] == 1,
		"64-entry query: %u %u", r[0].reta[0], r[0].reta[7]);
	memset(r, 0, sizeof(r));
	r[1].mask = 0x3;
	rc = rte_eth_dev_rss_reta_query(env.port, r, 128);
	ENA_CHECK(rc == 0 && r[1].reta[0] == 1 && r[1].reta[1] == 1,
		"entry 64 changed, 65 kept: %u %u", r[1].reta[0], r[1].reta[1]);
	memset(r, 0, sizeof(r));
	r[2].mask = 1;
	rc = rte_eth_dev_rss_reta_update(env.port, r, 192);
	ENA_CHECK_RC("RETA update of 192 (device has 128)", -EINVAL, rc);
	pmd_traffic_check("after partial RETA updates", &env, 1000, 300, 2048);
	rte_eth_dev_stop(env.port);
	pmd_env_destroy(&env);
}

/* ---- new ops: link down/up, burst mode, monitor ------------------------------- */

static void
hard_test_link_updown(void)
{
	struct rte_mbuf *m[8], *rx[PMD_BURST];
	struct rte_eth_link link;
	struct pmd_env env;
	unsigned int lsc0, i;
	uint16_t n, k = 0;
	int rc;

	if (!hard_port(&env, "queues=2", "", 2, 256))
		return;
	rte_eth_dev_callback_register(
		env.port, RTE_ETH_EVENT_INTR_LSC, pmd_event_cb, NULL);
	lsc0 = pmd_lsc_events;
	rc = rte_eth_dev_set_link_down(env.port);
	ENA_CHECK_RC("set_link_down", 0, rc);
	memset(&link, 0, sizeof(link));
	rc = rte_eth_link_get_nowait(env.port, &link);
	ENA_CHECK_RC("link_get_nowait", 0, rc);
	ENA_CHECK_EQ("link down after set_link_down", RTE_ETH_LINK_DOWN,
		link.link_status);
	ENA_CHECK(pmd_lsc_events > lsc0, "LSC raised by set_link_down");
	for (i = 0; i < 8; i++)
		m[i] = pmd_pkt_mbuf(i, 128, 2048);
	n = rte_eth_tx_burst(env.port, 0, m, 8);
	ENA_CHECK_EQ("tx_burst while the link is down", 0, n);
	rte_pktmbuf_free_bulk(m + n, 8 - n);
	n = rte_eth_rx_burst(env.port, 0, rx, PMD_BURST);
	k = n;
	rte_pktmbuf_free_bulk(rx, n);
	ENA_CHECK_EQ("rx_burst while the link is down", 0, k);
	lsc0 = pmd_lsc_events;
	rc = rte_eth_dev_set_link_up(env.port);
	ENA_CHECK_RC("set_link_up", 0, rc);
	rc = rte_eth_link_get_nowait(env.port, &link);
	ENA_CHECK_RC("link_get_nowait", 0, rc);
	ENA_CHECK_EQ(
		"link up after set_link_up", RTE_ETH_LINK_UP, link.link_status);
	ENA_CHECK(pmd_lsc_events > lsc0, "LSC raised by set_link_up");
	pmd_traffic_check("after set_link_up", &env, 500, 1514, 2048);
	rte_eth_dev_callback_unregister(
		env.port, RTE_ETH_EVENT_INTR_LSC, pmd_event_cb, NULL);
	rte_eth_dev_stop(env.port);
	pmd_check_mempool_full("link down/up");
	pmd_env_destroy(&env);
}

static void
hard_test_burst_mode(void)
{
	struct rte_eth_burst_mode bm;
	struct pmd_env env;
	int rc;

	if (!hard_port(&env, "queues=1,llq=1", "", 1, 256))
		return;
	memset(&bm, 0, sizeof(bm));
	rc = rte_eth_tx_burst_mode_get(env.port, 0, &bm);
	ENA_CHECK(rc == 0 && strstr(bm.info, "LLQ") != NULL,
		"tx burst mode \"%s\" (rc %d) names LLQ", bm.info, rc);
	memset(&bm, 0, sizeof(bm));
	rc = rte_eth_rx_burst_mode_get(env.port, 0, &bm);
	ENA_CHECK(rc == 0 && bm.info[0] != '\0', "rx burst mode \"%s\" (rc %d)",
		bm.info, rc);
	rte_eth_dev_stop(env.port);
	pmd_env_destroy(&env);
}

/* The value rte_power_monitor() would read at pmc->addr. */
static uint64_t
hard_monitor_read(const struct rte_power_monitor_cond *pmc)
{
	switch (pmc->size) {
	case 1:
		return *(const volatile uint8_t *)pmc->addr;
	case 2:
		return *(const volatile uint16_t *)pmc->addr;
	case 4:
		return *(const volatile uint32_t *)pmc->addr;
	default:
		return *(const volatile uint64_t *)pmc->addr;
	}
}

static void
hard_test_monitor(void)
{
	struct rte_power_monitor_cond pmc;
	struct rte_cpu_intrinsics intr;
	struct rte_mbuf *m, *rx[4];
	struct pmd_env env;
	uint16_t n;
	int rc;

	if (!hard_port(&env, "queues=1,llq=1", "", 1, 256))
		return;
	memset(&pmc, 0, sizeof(pmc));
	rc = rte_eth_get_monitor_addr(env.port, 0, &pmc);
	ENA_CHECK_RC("get_monitor_addr", 0, rc);
	if (rc == 0) {
		ENA_CHECK(pmc.addr != NULL && pmc.fn != NULL &&
				(pmc.size == 1 || pmc.size == 2 ||
					pmc.size == 4 || pmc.size == 8),
			"monitor condition: addr %p size %u", pmc.addr,
			pmc.size);
		ENA_CHECK_EQ("idle queue: sleeping may proceed", 0,
			pmc.fn(hard_monitor_read(&pmc), pmc.opaque));
		m = pmd_pkt_mbuf(1, 128, 2048);
		n = rte_eth_tx_burst(env.port, 0, &m, 1);
		if (n == 0)
			rte_pktmbuf_free(m);
		ENA_CHECK(hard_wait_rx_count(&env, 1), "packet arrived");
		ENA_CHECK(pmc.fn(hard_monitor_read(&pmc), pmc.opaque) != 0,
			"packet waiting: sleeping aborted");
		n = rte_eth_rx_burst(env.port, 0, rx, 4);
		rte_pktmbuf_free_bulk(rx, n);
		memset(&pmc, 0, sizeof(pmc));
		rte_eth_get_monitor_addr(env.port, 0, &pmc);
		ENA_CHECK_EQ("queue drained: sleeping may proceed", 0,
			pmc.fn(hard_monitor_read(&pmc), pmc.opaque));
	}
	rte_eth_dev_stop(env.port);
	/* The power library checks the CPU first, then the PMD. */
	memset(&intr, 0, sizeof(intr));
	rte_cpu_get_intrinsics_support(&intr);
	rc = rte_power_ethdev_pmgmt_queue_enable(
		rte_lcore_id(), env.port, 0, RTE_POWER_MGMT_TYPE_MONITOR);
	if (intr.power_monitor) {
		ENA_CHECK_RC("power management MONITOR on an ENA queue", 0, rc);
		if (rc == 0)
			rte_power_ethdev_pmgmt_queue_disable(
				rte_lcore_id(), env.port, 0);
	} else {
		printf("note: this CPU has no monitor intrinsics (WAITPKG): "
		       "rte_power_ethdev_pmgmt_queue_enable(MONITOR) returns "
		       "%d before asking the PMD\n",
			rc);
		ENA_CHECK_RC("power management MONITOR without CPU support",
			-ENOTSUP, rc);
	}
	pmd_env_destroy(&env);
}

/* ---- a host too slow for the watchdog's period ---------------------------- */

static volatile bool hard_blocker_on;

/*
 * Holds EAL's interrupt thread, which also runs the watchdog's alarm, for
 * 900 ms out of every 910: the stand-in for a host that keeps stopping.
 */
static void
hard_blocker_cb(void *arg)
{
	RTE_SET_USED(arg);
	if (!hard_blocker_on)
		return;
	rte_delay_us_sleep(900 * 1000);
	if (hard_blocker_on)
		rte_eal_alarm_set(10 * 1000, hard_blocker_cb, NULL);
}

/*
 * A watchdog tick that comes a period late judges nothing, but never two
 * in a row: with every tick late, a device whose keep-alive stopped is
 * still reset (each second tick judges). Without that bound it never
 * was.
 */
static void
hard_test_watchdog_late_ticks(void)
{
	struct pmd_env env;
	unsigned int ev0;
	bool raised;
	int rc;

	if (pmd_env_create2(&env, "queues=1", "watchdog_period=200") != 0 ||
		env.emu == NULL) {
		ENA_CHECK(false, "late ticks: create emulated device");
		if (env.emu == NULL)
			pmd_env_destroy(&env);
		return;
	}
	rc = pmd_configure(&env, 1, 256, 1500, false);
	if (rc == 0)
		rc = rte_eth_dev_start(env.port);
	ENA_CHECK_RC("late ticks: start", 0, rc);
	rte_eth_dev_callback_register(
		env.port, RTE_ETH_EVENT_INTR_RESET, pmd_event_cb, NULL);
	ev0 = pmd_reset_events;
	pmd_log_capture_start();
	hard_blocker_on = true;
	rte_eal_alarm_set(10 * 1000, hard_blocker_cb, NULL);
	ena_emu_fault_set(env.emu, ENA_EMU_FAULT_KEEP_ALIVE_STOP, 1);
	raised = pmd_wait_reset_event(&env, ev0, false);
	hard_blocker_on = false;
	rte_eal_alarm_cancel(hard_blocker_cb, NULL);
	ENA_CHECK(raised,
		"late ticks: keep-alive loss found with every tick late");
	ENA_CHECK(pmd_log_captured("ms late (the host was stopped)"),
		"late ticks: the late ticks were logged as such");
	ENA_CHECK(pmd_log_capture_stop("KEEP_ALIVE_TO"),
		"late ticks: reset reason KEEP_ALIVE_TO");
	ena_emu_fault_set(env.emu, ENA_EMU_FAULT_KEEP_ALIVE_STOP, 0);
	rte_eth_dev_callback_unregister(
		env.port, RTE_ETH_EVENT_INTR_RESET, pmd_event_cb, NULL);
	rc = rte_eth_dev_reset(env.port);
	ENA_CHECK_RC("late ticks: rte_eth_dev_reset", 0, rc);
	rc = rte_eth_dev_start(env.port);
	ENA_CHECK_RC("late ticks: start after reset", 0, rc);
	pmd_traffic_check("late ticks: after reset", &env, 200, 1400, 2048);
	rte_eth_dev_stop(env.port);
	pmd_env_destroy(&env);
	pmd_check_mempool_full("late ticks");
}

static const struct {
	const char *name;
	void (*fn)(void);
} cases[] = {
	{ "tx_malformed", hard_test_tx_malformed },
	{ "tx_malformed_mid_burst", hard_test_tx_malformed_mid_burst },
	{ "tx_prepare", hard_test_tx_prepare },
	{ "linearize", hard_test_linearize },
	{ "watchdog_idle", hard_test_watchdog_idle },
	{ "watchdog_late_ticks", hard_test_watchdog_late_ticks },
	{ "status_read", hard_test_status_read },
	{ "stats_reset", hard_test_stats_reset },
	{ "stats_cmd_fail", hard_test_stats_cmd_fail },
	{ "desc_status", hard_test_desc_status },
	{ "devargs", hard_test_devargs },
	{ "mtu_scatter", hard_test_mtu_scatter },
	{ "reta", hard_test_reta },
	{ "link_updown", hard_test_link_updown },
	{ "burst_mode", hard_test_burst_mode },
	{ "monitor", hard_test_monitor },
};

/* Option hard_case=NAME runs one case only. */
static void
hard_suite(void)
{
	const char *only = ena_test_opt("hard_case", NULL);
	unsigned int i;

	pmd_sel = ena_test_opt("pmd", "drivers/librte_net_ena");
	if (!pmd_ours()) {
		ena_test_skip("pmd_hard runs on this tree's PMD only");
		return;
	}
	pmd_mp = rte_pktmbuf_pool_create(
		"hard_mp", PMD_NB_MBUF, 0, 0, PMD_MBUF_DATA, SOCKET_ID_ANY);
	if (pmd_mp == NULL) {
		ENA_CHECK(false, "mempool: %s", rte_strerror(rte_errno));
		return;
	}
	for (i = 0; i < RTE_DIM(cases); i++) {
		if (only != NULL && strcmp(only, cases[i].name) != 0)
			continue;
		printf("-- %s\n", cases[i].name);
		fflush(stdout);
		cases[i].fn();
	}
	rte_mempool_free(pmd_mp);
	pmd_mp = NULL;
}

ENA_TEST_SUITE(pmd_hard,
	"ENA PMD hardening: malformed Tx, counters, watchdog, new ops",
	hard_suite)

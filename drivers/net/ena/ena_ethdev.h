/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef ENA_ETHDEV_H
#define ENA_ETHDEV_H

#include <stdbool.h>
#include <stdint.h>

#include <rte_common.h>
#include <rte_ether.h>
#include <rte_mbuf.h>
#include <rte_spinlock.h>
#include <ethdev_driver.h>

#include "ena_com.h"
#include "ena_eth_com.h"
#include "ena_devargs.h"
#include "ena_compat.h"

#define ENA_REG_BAR 0
#define ENA_LLQ_BAR 2

#define ENA_MAX_QUEUES	  128
#define ENA_MAX_SEGS	  17
#define ENA_DEFAULT_RING  1024
#define ENA_MIN_RING	  128
#define ENA_MAX_RING_SIZE 32768 /* largest ring the driver sets up */
#define ENA_MIN_MTU	  128
#define ENA_MIN_RX_BUF	  1400
#define ENA_HASH_KEY_LEN  40
#define ENA_RETA_LOG	  7
#define ENA_RETA_SIZE	  (1u << ENA_RETA_LOG)

/*
 * Refill the Rx ring once 1/16 of it (at most 256 slots) is free: the
 * buffers then come from the top of the mempool cache, the ones the
 * application freed last, still in the CPU's cache.
 */
#define ENA_RX_REFILL_DIV_LOG 4
#define ENA_RX_REFILL_MAX     256

/*
 * Without a tx_free_thresh from the application, completed Tx packets are
 * reclaimed once more than this many (at most 3/4 of the ring) are in
 * flight: their mbufs are freed while still in the CPU's cache, and go
 * back to the pool for the Rx refill to take. Left until the ring is
 * nearly full, each free reads a line evicted long ago.
 */
#define ENA_TX_INFLIGHT_MAX 128

#define ENA_MISSING_TX_BUDGET 128

enum ena_port_state {
	ENA_STATE_FREE = 0,
	ENA_STATE_INIT,	  /* probed, not configured */
	ENA_STATE_CONFIG, /* dev_configure done */
	ENA_STATE_RUNNING,
	ENA_STATE_STOPPED,
	ENA_STATE_CLOSED,
};

struct ena_tx_buf {
	struct rte_mbuf *mbuf;
	/* TSC of submission; 0 while the slot is free. */
	uint64_t ts;
	uint16_t descs;
	uint16_t nb_segs;
	bool warned;
};

struct ena_xs_rxq {
	uint64_t cnt;
	uint64_t bytes;
	uint64_t errors;
	uint64_t refill_partial;
	uint64_t l3_csum_bad;
	uint64_t l4_csum_bad;
	uint64_t l4_csum_good;
	uint64_t mbuf_alloc_fail;
	uint64_t bad_desc_num;
	uint64_t bad_req_id;
	uint64_t doorbells;
};

struct ena_xs_txq {
	uint64_t cnt;
	uint64_t bytes;
	uint64_t errors;
	uint64_t prepare_ctx_err;
	uint64_t tx_poll;
	uint64_t doorbells;
	uint64_t bad_req_id;
	uint64_t available_desc;
	uint64_t missed_tx;
	uint64_t llq_pushes;
	uint64_t linearize;
};

/* The large LLQ entry the PMD may ask for: no pushed header is longer. */
#define ENA_LLQ_ENTRY_LARGE 256

/* The Rx burst's path, chosen when the queue starts. */
enum ena_rx_path {
	ENA_RX_PATH_SCALAR,
	ENA_RX_PATH_SSE,  /* four completions at a time (SSE4.1) */
	ENA_RX_PATH_AVX2, /* eight at a time, then four (AVX2) */
};

/*
 * A queue lives in dev_private (shared with secondaries) and only points to
 * shared memory; nothing here is a function pointer.
 *
 * Laid out for the bursts: the first cache line holds the ring's own state
 * every burst reads (the reset flag included, so a burst never reads a line
 * of the adapter the control thread writes), the device queue state
 * follows with its per-packet part first, then the counters and the
 * per-packet scratch arrays; setup-time state comes last. The assertions
 * after the structure keep it so.
 */
struct ena_ring {
	/* Every burst, written by the queue's owner only. */
	uint16_t next_to_use;
	uint16_t next_to_clean;
	uint16_t size_mask;
	uint16_t ring_size;
	union {
		struct rte_mbuf **rx_mbufs; /* indexed by req_id */
		struct ena_tx_buf *tx_bufs; /* indexed by req_id */
	};
	uint16_t *free_ids;
	struct rte_mempool *mb_pool;
	union {
		uint64_t rx_mbuf_init; /* rearm_data template */
		uint64_t tx_ol_mask;   /* ol_flags acted upon */
	};
	uint64_t rx_hash_flag; /* RTE_MBUF_F_RX_RSS_HASH or 0 */
	union {
		uint16_t rx_refill_thresh;
		uint16_t tx_free_thresh;
	};
	uint16_t sgl_size;
	/* Tx: segments a packet may have and still fit with a meta descriptor;
	 * longer chains are linearised. */
	uint16_t tx_seg_max;
	uint16_t tx_max_hdr; /* LLQ header bytes to push; 0 = regular */
	uint16_t port_id;
	bool run; /* datapath may touch the rings */
	/*
	 * A device reset is pending (ena_trigger_reset): no Rx refill. Set
	 * once by whoever triggers the reset, cleared when the queue starts.
	 */
	bool reset_pending;
	bool fast_free;
	bool tx_l4_full;  /* device computes the full L4 checksum */
	bool tx_llq_wide; /* LLQ entries in 32-byte stores (AVX2) */
	uint8_t rx_path;  /* Rx: enum ena_rx_path */

	struct ena_hw_io_sq sq __rte_cache_aligned;
	struct ena_hw_io_cq cq;
	/*
	 * Counters, written by the queue's owner only. stats_seq is odd
	 * while a burst commits its counters (ena_stats_begin/end), so a
	 * reader on another thread takes a consistent copy of the queue's
	 * counters without a lock (ena_xstats.c).
	 */
	uint32_t stats_seq;
	union {
		struct ena_xs_rxq rx_stats;
		struct ena_xs_txq tx_stats;
	};
	/* Per packet: one packet's buffers as the base layer sees them. */
	union {
		struct ena_hw_rx_frag rx_frags[ENA_MAX_SEGS];
		struct ena_hw_buf tx_segs[ENA_MAX_SEGS];
	};

	/* Control path. */
	struct ena_adapter *adapter;
	uint16_t id;
	bool is_rx;
	bool started;
	bool configured;
	bool deferred_start;
	unsigned int socket_id;
	uint64_t offloads;
	uint32_t missing_thresh;
	uint32_t tx_max_frame; /* MTU plus L2 overhead, for tx_prepare */
	/* Counter values at the last stats reset (reported: now - base). */
	union {
		struct ena_xs_rxq rx_base;
		struct ena_xs_txq tx_base;
	};
	/* A header spread over segments, gathered for the LLQ push. */
	uint8_t llq_hdr_buf[ENA_LLQ_ENTRY_LARGE] __rte_aligned(8);
} __rte_cache_aligned;

static_assert(offsetof(struct ena_ring, tx_llq_wide) < RTE_CACHE_LINE_SIZE,
	"ena_ring: per-burst fields beyond the first cache line");
static_assert(offsetof(struct ena_ring, sq) == RTE_CACHE_LINE_SIZE,
	"ena_ring: device queue state not on the second cache line");
static_assert(
	offsetof(struct ena_ring, rx_frags) - offsetof(struct ena_ring, sq) <=
		6 * RTE_CACHE_LINE_SIZE,
	"ena_ring: burst state spread over more than 7 cache lines");
static_assert(
	offsetof(struct ena_ring, adapter) > offsetof(struct ena_ring, tx_segs),
	"ena_ring: control fields among the burst ones");

struct ena_xs_dev {
	uint64_t wd_expired;
	uint64_t dev_start;
	uint64_t dev_stop;
	/*
	 * Device-side totals: written only by the control path (keep-alive
	 * handler and statistics refresh, both in EAL's interrupt thread).
	 */
	uint64_t tx_drops;
	/* Rx packets the device dropped for lack of room (newer devices). */
	uint64_t rx_overruns;
	uint64_t admin_irqs; /* admin/AENQ vector interrupts handled */
	uint64_t aenq_polls; /* AENQ looked at by the poll timer instead */
};

struct ena_adapter {
	struct ena_hw hw __rte_cache_aligned;

	struct ena_ring tx_ring[ENA_MAX_QUEUES];
	struct ena_ring rx_ring[ENA_MAX_QUEUES];

	struct rte_eth_dev_data *edev_data;
	char name[RTE_ETH_NAME_MAX_LEN];
	struct ena_devargs devargs;
	enum ena_port_state state;

	/* Device limits, read at probe. */
	uint32_t max_io_queues;
	uint32_t max_tx_ring;
	uint32_t max_rx_ring;
	uint16_t max_tx_sgl;
	uint16_t max_rx_sgl;
	uint16_t max_mtu;
	uint64_t rx_offload_capa;
	uint64_t tx_offload_capa;
	bool tx_l4_v4_full;
	bool tx_l4_v6;
	bool tx_tso_v6;
	uint32_t link_speed;
	bool llq_active;
	uint16_t llq_hdr_max;
	bool rss_supported;
	struct rte_ether_addr mac;
	char fw_version[32];

	/* Configuration restored across reset. */
	uint16_t mtu;
	uint64_t rss_hf;
	uint8_t rss_key[ENA_HASH_KEY_LEN];
	uint32_t reta[ENA_RETA_SIZE]; /* ethdev queue ids */
	bool reta_user;
	bool rss_hw_dirty; /* key/hash inputs not yet on the device */

	/* Health. */
	rte_spinlock_t admin_lock;
	bool link_up;	       /* as the device reports it */
	bool link_forced_down; /* rte_eth_dev_set_link_down() */
	bool trigger_reset;
	bool reset_announced;
	bool wd_armed;
	uint64_t wd_tick_us;   /* when the watchdog last ran (or was armed) */
	bool wd_deferred;      /* the last tick judged nothing (host stalled) */
	uint8_t wd_sts_misses; /* status reads unanswered in a row */
	bool poll_armed;
	bool intr_registered;
	bool rxq_intr; /* Rx queues have MSI-X vectors (ena_intr.c) */
	uint32_t reset_reason;
	/* Missing Tx completion timeout in TSC ticks, 0 = off (see
	 * ena_miss_txc_setup()). */
	uint64_t miss_txc_to;
	bool wc_warned;
	bool stats_eni_ok;
	bool stats_srd_ok;
	bool stats_basic_ok;

	/* Counters (device-side ones are cached copies). */
	struct ena_xs_dev dev_stats;
	struct ena_xs_dev dev_base; /* at the last stats reset */
	/* Device statistics commands failing in a row, last failure logged. */
	uint32_t stats_fail_streak;
	uint64_t stats_fail_logged; /* TSC */
	struct ena_hw_eni_stats eni_stats;
	struct ena_hw_srd_stats srd_stats;
	uint64_t basic_rx_drops;
	uint64_t basic_tx_drops;
};

/*
 * A burst commits its counters between these two: stats_seq odd while
 * they change. Plain stores on the owner's own line; the barriers order
 * them for a reader on another core.
 */
static inline void
ena_stats_begin(struct ena_ring *r)
{
	__atomic_store_n(&r->stats_seq, r->stats_seq + 1, __ATOMIC_RELAXED);
	rte_smp_wmb();
}

static inline void
ena_stats_end(struct ena_ring *r)
{
	rte_smp_wmb();
	__atomic_store_n(&r->stats_seq, r->stats_seq + 1, __ATOMIC_RELAXED);
}

static inline struct ena_adapter *
ena_adapter_of(struct rte_eth_dev *dev)
{
	return dev->data->dev_private;
}

extern const struct eth_dev_ops ena_eth_ops;

/* ena_ethdev.c */
void ena_trigger_reset(struct ena_adapter *ad, uint32_t reason);

/* ena_queue.c: what Rx and Tx queues share outside the bursts. */
/*
 * Checks of a queue setup (kind "rxq" or "txq"): queue id within the
 * device, queue not started, ring size, offloads within capa. Returns 0 or
 * the errno to give the application, after logging why.
 */
int ena_queue_setup_check(const struct ena_adapter *ad, const char *kind,
	const struct ena_ring *rings, uint16_t qid, uint16_t nb,
	uint32_t max_ring, uint64_t offloads, uint64_t capa);
/*
 * Ring memory of a queue being set up (slot_size bytes per req_id, the
 * free req_id list) and its identity. 0 or -ENOMEM (logged).
 */
int ena_queue_mem_alloc(struct rte_eth_dev *dev, struct ena_ring *r, bool is_rx,
	uint16_t qid, uint16_t nb, unsigned int socket, size_t slot_size,
	uint64_t offloads);
/* Stops a configured queue and frees its memory. */
void ena_queue_release(struct rte_eth_dev *dev, struct ena_ring *r);
/* The queue's SQ/CQ pair on the device, indexes and free list reset. */
int ena_queue_io_create(struct ena_adapter *ad, struct ena_ring *r,
	int16_t msix_vector, enum ena_hw_placement placement);
/* Destroys a started queue's pair; false when it was not started. */
bool ena_queue_io_destroy(struct ena_adapter *ad, struct ena_ring *r);

/* ena_rx.c */
int ena_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb,
	unsigned int socket, const struct rte_eth_rxconf *conf,
	struct rte_mempool *mp);
void ena_rx_queue_release(struct rte_eth_dev *dev, uint16_t qid);
int ena_rx_queue_start_hw(struct ena_adapter *ad, struct ena_ring *rxq);
void ena_rx_queue_stop_hw(struct ena_adapter *ad, struct ena_ring *rxq);
uint16_t ena_recv_pkts(void *q, struct rte_mbuf **pkts, uint16_t n);
/* ena_rx_queue_count, ena_supported_ptypes: see ena_compat.h */
int ena_rx_descriptor_status(void *q, uint16_t offset);
uint32_t ena_rx_room(struct rte_mempool *mp);
/* 0, or -EINVAL when frames of mtu cannot fit Rx buffers of room bytes. */
int ena_rx_frame_fits(
	struct rte_eth_dev *dev, uint16_t qid, uint16_t mtu, uint32_t room);
int ena_rx_get_monitor_addr(void *q, struct rte_power_monitor_cond *pmc);
int ena_rx_burst_mode_get(
	struct rte_eth_dev *dev, uint16_t qid, struct rte_eth_burst_mode *mode);

/* ena_intr.c */
int ena_intr_setup(struct rte_eth_dev *dev);
void ena_intr_teardown(struct rte_eth_dev *dev);
bool ena_rxq_intr_possible(struct rte_eth_dev *dev, uint16_t nb_rxq);
int ena_rxq_intr_setup(struct rte_eth_dev *dev);
void ena_rxq_intr_teardown(struct rte_eth_dev *dev);
int ena_rx_queue_intr_enable(struct rte_eth_dev *dev, uint16_t qid);
int ena_rx_queue_intr_disable(struct rte_eth_dev *dev, uint16_t qid);

/* ena_tx.c */
int ena_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb,
	unsigned int socket, const struct rte_eth_txconf *conf);
void ena_tx_queue_release(struct rte_eth_dev *dev, uint16_t qid);
int ena_tx_queue_start_hw(struct ena_adapter *ad, struct ena_ring *txq);
void ena_tx_queue_stop_hw(struct ena_adapter *ad, struct ena_ring *txq);
uint16_t ena_xmit_pkts(void *q, struct rte_mbuf **pkts, uint16_t n);
uint16_t ena_prep_pkts(void *q, struct rte_mbuf **pkts, uint16_t n);
int ena_tx_done_cleanup(void *q, uint32_t free_cnt);
void ena_tx_mtu_update(struct ena_adapter *ad, uint16_t mtu);
int ena_tx_descriptor_status(void *q, uint16_t offset);
int ena_tx_burst_mode_get(
	struct rte_eth_dev *dev, uint16_t qid, struct rte_eth_burst_mode *mode);

/* ena_rss.c */
void ena_rss_defaults(struct ena_adapter *ad);
/*
 * Key length and hash types of dev_configure's or rss_hash_update's RSS
 * configuration: 0, or -EINVAL after logging what is wrong.
 */
int ena_rss_conf_check(
	const struct ena_adapter *ad, const struct rte_eth_rss_conf *c);
int ena_rss_apply(struct ena_adapter *ad);
int ena_rss_reta_update(struct rte_eth_dev *dev,
	struct rte_eth_rss_reta_entry64 *conf, uint16_t size);
int ena_rss_reta_query(struct rte_eth_dev *dev,
	struct rte_eth_rss_reta_entry64 *conf, uint16_t size);
int ena_rss_hash_update(struct rte_eth_dev *dev, struct rte_eth_rss_conf *c);
int ena_rss_hash_conf_get(struct rte_eth_dev *dev, struct rte_eth_rss_conf *c);
uint64_t ena_rss_hf_supported(void);

/* ena_xstats.c */
/* ena_stats_get: see ena_compat.h */
int ena_stats_reset(struct rte_eth_dev *dev);
int ena_xstats_get(
	struct rte_eth_dev *dev, struct rte_eth_xstat *xs, unsigned int n);
int ena_xstats_get_names(struct rte_eth_dev *dev,
	struct rte_eth_xstat_name *names, unsigned int n);
int ena_xstats_get_by_id(struct rte_eth_dev *dev, const uint64_t *ids,
	uint64_t *values, unsigned int n);
int ena_xstats_get_names_by_id(struct rte_eth_dev *dev, const uint64_t *ids,
	struct rte_eth_xstat_name *names, unsigned int n);
int ena_xstats_reset(struct rte_eth_dev *dev);
void ena_stats_log(struct ena_adapter *ad);

/* ena_watchdog.c */
void ena_watchdog_start(struct rte_eth_dev *dev);
void ena_watchdog_stop(struct rte_eth_dev *dev);
void ena_ctrl_poll_start(struct rte_eth_dev *dev);
void ena_ctrl_poll_stop(struct rte_eth_dev *dev);

#endif /* ENA_ETHDEV_H */

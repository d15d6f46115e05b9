/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef ENA_COM_H_
#define ENA_COM_H_

/*
 * ENA base layer, control path: device bring-up and teardown, the admin
 * queue, feature get/set, IO queue creation and the asynchronous event
 * notification queue (AENQ). Portable C; OS services via ena_plat.h.
 *
 * Conventions:
 *  - Every int-returning call returns 0 or a negative errno.
 *  - struct ena_hw is owned by the caller (usually embedded in the
 *    adapter); fields are public for reading, change them only through
 *    the functions below.
 *  - Admin commands are serialised by an internal lock and may be issued
 *    from any thread. In polling mode the caller reads the ACQ itself
 *    (see ena_plat_wait_step()); in interrupt mode it sleeps while the
 *    admin vector's handler calls ena_hw_admin_intr(), or, in that
 *    handler's own thread, services the vector through intr_service.
 *
 * Bring-up order (ena_hw_bringup() does all of it):
 *   ena_hw_init()                  BARs and identity
 *   ena_hw_readless_init()         read-less MMIO response buffer
 *   ena_hw_reset()                 with the device's reset timeout
 *   ena_hw_check_version()         refuses a too-old device
 *   ena_hw_dma_width()             from CAPS
 *   ena_hw_admin_init()            AQ/ACQ/AENQ rings, phase 1
 *   ena_hw_set_host_attr()         driver/OS identity for the device
 *   ena_hw_get_dev_features()      attributes, queues, LLQ, offloads, hints
 *   ena_hw_aenq_configure()        enable wanted event groups
 *   ena_hw_aenq_enable()           hand AENQ entries to the device
 * Teardown: ena_hw_teardown() (or ena_hw_admin_fini() + ena_hw_reset()
 * + ena_hw_readless_fini()).
 */

#include "ena_plat.h"
#include "ena_defs.h"

/* ------------------------------------------------------------------------ */
/* Limits and defaults                                                      */
/* ------------------------------------------------------------------------ */

#define ENA_HW_MAX_IO_QUEUES 128
#define ENA_HW_ADMIN_DEPTH   32 /* AQ and ACQ entries */
#define ENA_HW_AENQ_DEPTH    32
/* Driver defaults, replaced by device values (CAPS, hints) when given. */
#define ENA_HW_ADMIN_TIMEOUT_US	     (3U * 1000 * 1000)
#define ENA_HW_MMIO_READ_TIMEOUT_US  (200U * 1000)
#define ENA_HW_KEEP_ALIVE_TIMEOUT_MS 6000U
#define ENA_HW_MISSING_TX_TIMEOUT_MS 5000U
#define ENA_HW_MISSING_TX_THRESHOLD  128U
/* Oldest device interface we drive (VERSION register, major.minor). */
#define ENA_HW_MIN_SPEC_MAJOR 0
#define ENA_HW_MIN_SPEC_MINOR 9
/* Oldest controller (CONTROLLER_VERSION major.minor.sub, impl id ignored). */
#define ENA_HW_MIN_CTRL_VERSION 0x000001U
#define ENA_HW_RSS_KEY_LEN	40
#define ENA_HW_RSS_MAX_LOG_SIZE 16
#define ENA_HW_RSS_PROTO_NUM	16
#define ENA_HW_AENQ_GROUPS	32
#define ENA_HW_AENQ_SYNDROMES	16
/* Returned by ena_hw_reg_read() when the device did not answer. */
#define ENA_HW_REG_READ_FAILED 0xFFFFFFFFU

/* ------------------------------------------------------------------------ */
/* Parsed device capabilities                                               */
/* ------------------------------------------------------------------------ */

/* What the device offers for low-latency (device placement) Tx queues. */
struct ena_hw_llq_offer {
	bool present; /* LLQ feature supported at all */
	uint32_t max_llq_num;
	uint32_t max_llq_depth;
	uint16_t header_location_supported;	/* ENA_LLQ_HEADER_* bits */
	uint16_t entry_size_supported;		/* ENA_LLQ_ENTRY_* bits */
	uint16_t descs_before_header_supported; /* counts 1,2,4,8 as bits */
	uint16_t stride_supported;		/* ENA_LLQ_STRIDE_* bits */
	uint16_t accel_supported;		/* accel mode flags */
	uint16_t max_tx_burst_bytes;		/* 0: no burst limit */
	uint16_t entry_size_recommended;	/* bytes; 0: no advice */
};

/* Driver wishes for LLQ; ena_hw_llq_select() reconciles with an offer. */
struct ena_hw_llq_request {
	uint16_t entry_size;	       /* bytes: 128, 192 or 256 */
	uint16_t descs_before_header;  /* 0, 1, 2, 4 or 8 */
	bool multiple_descs_per_entry; /* stride: pack descs in an entry */
	bool inline_header;	       /* header in the entry (else ring) */
};

/* Negotiated LLQ layout; what the Tx path follows. */
struct ena_hw_llq_info {
	uint16_t header_location; /* ENA_LLQ_HEADER_* value */
	uint16_t entry_size_ctrl; /* ENA_LLQ_ENTRY_* value */
	uint16_t entry_size;	  /* bytes */
	uint16_t descs_before_header;
	uint16_t stride_ctrl;	       /* ENA_LLQ_STRIDE_* value */
	uint16_t descs_per_entry;      /* after the first entry */
	uint16_t max_entries_in_burst; /* 0: unlimited */
	bool disable_meta_caching;
};

struct ena_hw_queue_limits {
	uint32_t max_tx_sq_num;
	uint32_t max_tx_cq_num;
	uint32_t max_rx_sq_num;
	uint32_t max_rx_cq_num;
	uint32_t max_tx_sq_depth;
	uint32_t max_tx_cq_depth;
	uint32_t max_rx_sq_depth;
	uint32_t max_rx_cq_depth;
	uint32_t max_tx_header_size;
	uint16_t max_tx_descs_per_pkt;
	uint16_t max_rx_descs_per_pkt;
};

/* Stateless offloads; raw device words plus the decoded bits. */
struct ena_hw_offloads {
	uint32_t tx_raw;
	uint32_t rx_supported_raw;
	uint32_t rx_enabled_raw;
	bool tx_l3_csum_ipv4;
	bool tx_l4_ipv4_csum_part;
	bool tx_l4_ipv4_csum_full;
	bool tx_l4_ipv6_csum_part;
	bool tx_l4_ipv6_csum_full;
	bool tso_ipv4;
	bool tso_ipv6;
	bool tso_ecn;
	bool rx_l3_csum_ipv4;
	bool rx_l4_ipv4_csum;
	bool rx_l4_ipv6_csum;
	bool rx_hash;
};

/* Device hints; times converted to the units named. 0 = not given. */
struct ena_hw_hints {
	uint16_t mmio_read_timeout_ms;
	uint16_t driver_watchdog_timeout_ms; /* keep-alive */
	uint16_t missing_tx_completion_timeout_ms;
	uint16_t missed_tx_completion_count_threshold;
	uint16_t admin_completion_timeout_ms;
	uint16_t netdev_wd_timeout_ms;
	uint16_t max_tx_sgl_size;
	uint16_t max_rx_sgl_size;
};

struct ena_hw_link {
	uint32_t speed_mbps;
	uint32_t supported_speeds; /* device bit mask */
	bool autoneg;
	bool full_duplex;
};

/* Everything ena_hw_get_dev_features() learns. */
struct ena_hw_dev_features {
	/* device attributes */
	uint32_t impl_id;
	uint32_t device_version;
	uint32_t supported_features; /* bit per ena_feature_id */
	uint32_t capabilities;	     /* bit per ena_dev_cap */
	uint32_t phys_addr_width;
	uint32_t virt_addr_width;
	uint8_t mac_addr[6];
	uint32_t max_mtu;
	/* queues (from MAX_QUEUES_EXT, or the legacy MAX_QUEUES_NUM) */
	struct ena_hw_queue_limits queues;
	bool queues_ext;
	struct ena_hw_llq_offer llq;
	struct ena_hw_offloads offloads;
	bool hints_present;
	struct ena_hw_hints hints;
	uint32_t aenq_supported_groups;
};

/* ------------------------------------------------------------------------ */
/* Statistics                                                               */
/* ------------------------------------------------------------------------ */

struct ena_hw_basic_stats {
	uint64_t tx_bytes;
	uint64_t tx_pkts;
	uint64_t rx_bytes;
	uint64_t rx_pkts;
	uint64_t rx_drops;
	uint64_t tx_drops;
	uint64_t rx_overruns; /* newer devices; 0 on older ones */
};

struct ena_hw_eni_stats {
	uint64_t bw_in_allowance_exceeded;
	uint64_t bw_out_allowance_exceeded;
	uint64_t pps_allowance_exceeded;
	uint64_t conntrack_allowance_exceeded;
	uint64_t linklocal_allowance_exceeded;
};

struct ena_hw_srd_stats {
	uint64_t srd_mode; /* ENA_SRD_* flags as reported */
	uint64_t tx_pkts;
	uint64_t tx_bytes; /* not reported by the device: 0 */
	uint64_t rx_pkts;
	uint64_t rx_bytes;	       /* not reported by the device: 0 */
	uint64_t resource_utilization; /* percent */
	uint64_t eligible_tx_pkts;
};

/* Admin queue counters, for xstats and tests. */
struct ena_hw_admin_stats {
	uint64_t submitted;
	uint64_t completed;
	uint64_t failed; /* completed with a non-success status */
	uint64_t timeouts;
	uint64_t no_space; /* submission refused: ring full */
	uint64_t aborted;
	uint64_t unexpected; /* completions of no command sent (device bug) */
	/* Completions consumed by the interrupt (ena_hw_admin_intr()) ... */
	uint64_t intr_completions;
	/* ... and by a waiter looking at the ACQ itself. */
	uint64_t polled_completions;
};

/* ------------------------------------------------------------------------ */
/* AENQ                                                                     */
/* ------------------------------------------------------------------------ */

/*
 * Handler for one asynchronous event. arg is what the caller passed to
 * ena_hw_aenq_process(); the entry is only valid during the call.
 */
typedef void (*ena_hw_aenq_handler_t)(
	void *arg, const struct ena_aenq_entry *entry);

/*
 * Handler table. Lookup order for an event (group g, syndrome s):
 * by_syndrome[g][s] for groups that split by syndrome (notification),
 * else by_group[g], else unknown. NULL entries are skipped.
 */
struct ena_hw_aenq_handlers {
	ena_hw_aenq_handler_t by_group[ENA_HW_AENQ_GROUPS];
	ena_hw_aenq_handler_t notification[ENA_HW_AENQ_SYNDROMES];
	ena_hw_aenq_handler_t unknown;
};

/* ------------------------------------------------------------------------ */
/* Device handle                                                            */
/* ------------------------------------------------------------------------ */

/* One outstanding admin command. */
struct ena_hw_admin_slot {
	struct ena_aq_comp *comp; /* caller's buffer for the entry */
	size_t comp_len;
	volatile int state; /* ENA_HW_SLOT_* (ena_com_admin.c) */
	uint16_t cmd_id;    /* id of the command in this slot */
	uint8_t status;	    /* device status of the completion */
};

struct ena_hw_admin {
	struct ena_dma_mem sq_mem;
	struct ena_dma_mem cq_mem;
	uint16_t depth;
	uint16_t sq_tail; /* free-running */
	uint16_t sq_head; /* device's consumed position */
	uint8_t sq_phase;
	uint16_t cq_head; /* free-running */
	uint8_t cq_phase;
	uint16_t outstanding;
	uint16_t next_cmd_id;
	volatile uint32_t *sq_db;
	struct ena_hw_admin_slot *slots;
	ena_plat_lock_t lock;
	bool polling;	       /* caller waits by reading the ACQ itself */
	bool auto_polling;     /* in interrupt mode, fall back to polling */
	volatile bool running; /* false: every admin call fails fast */
	uint64_t timeout_us;
	struct ena_hw_admin_stats stats;
};

struct ena_hw_aenq {
	struct ena_dma_mem mem;
	uint16_t depth;
	uint16_t head; /* free-running */
	uint8_t phase;
	struct ena_hw_aenq_handlers handlers;
	uint64_t events; /* entries processed */
	uint64_t unknown_events;
};

struct ena_hw_readless {
	struct ena_dma_mem mem; /* struct ena_reg_read_resp */
	uint16_t seq;
	bool enabled;
	uint64_t timeout_us;
	ena_plat_lock_t lock;
};

struct ena_hw_rss {
	struct ena_dma_mem key_mem;    /* hash function + key (indirect) */
	struct ena_dma_mem fields_mem; /* hash input per flow type */
	struct ena_dma_mem tbl_mem;    /* indirection table (indirect) */
	uint16_t log_size;	       /* table has 1 << log_size entries */
	uint16_t *tbl;		       /* host copy: CQ index per entry */
	uint32_t func;		       /* ENA_RSS_FUNC_* */
	uint32_t init_val;
	uint8_t key[ENA_HW_RSS_KEY_LEN];
	uint16_t fields[ENA_HW_RSS_PROTO_NUM];
};

/* Tx descriptor placement. */
enum ena_hw_placement {
	ENA_HW_PLACEMENT_HOST = 1, /* descriptors in host memory */
	ENA_HW_PLACEMENT_DEV = 3,  /* LLQ: descriptors in device memory */
};

struct ena_hw {
	char name[32]; /* for log lines */
	void *regs;    /* BAR 0 */
	void *mem_bar; /* BAR 2 (LLQ), may be NULL */
	/* BAR sizes in bytes (ena_hw_set_bar_lens); 0: unknown, unchecked */
	size_t regs_len;
	size_t mem_bar_len;
	int socket;
	void *owner; /* caller's back pointer */

	uint32_t version;      /* VERSION register */
	uint32_t ctrl_version; /* CONTROLLER_VERSION register */
	uint32_t caps;	       /* CAPS register */
	uint32_t dma_width;    /* bits */
	uint64_t reset_timeout_us;

	struct ena_hw_readless readless;
	struct ena_hw_admin admin;
	struct ena_hw_aenq aenq;
	struct ena_hw_rss rss;
	struct ena_dma_mem host_info_mem;

	uint32_t supported_features; /* from device attributes */
	uint32_t capabilities;	     /* ENA_BIT(enum ena_dev_cap) */
	uint32_t aenq_enabled_groups;
	enum ena_hw_placement tx_placement;
	struct ena_hw_llq_info llq;
	uint16_t max_tx_descs_per_pkt;
	uint16_t max_rx_descs_per_pkt;
	uint32_t max_tx_header_size;
	uint32_t llq_max_depth; /* deepest LLQ Tx queue (entries) */

	/* timeouts from device hints (driver defaults otherwise) */
	uint64_t keep_alive_timeout_ms; /* 0: watchdog disabled */
	uint64_t missing_tx_timeout_ms; /* 0: check disabled */
	uint32_t missing_tx_threshold;

	/* keep-alive: time of the last keep-alive event, for the watchdog */
	volatile uint64_t last_keep_alive_us;
	uint64_t keep_alive_rx_drops;
	uint64_t keep_alive_tx_drops;
	uint64_t keep_alive_rx_overruns;

	/*
	 * Interrupt mode, for a command issued by the very thread that
	 * services the admin vector (no one else would): waits up to
	 * timeout_us for the vector and services it (ena_hw_admin_intr()
	 * among others). NULL: such a waiter polls the ACQ.
	 */
	void (*intr_service)(void *arg, uint32_t timeout_us);
	void *intr_service_arg;

	/* interrupt moderation */
	bool intr_moder_supported;
	uint16_t intr_delay_resolution; /* usecs per device unit */
	uint32_t intr_tx_usecs;
	uint32_t intr_rx_usecs;
};

/* ------------------------------------------------------------------------ */
/* Lifecycle                                                                */
/* ------------------------------------------------------------------------ */

/*
 * Zero hw and attach the BARs. name tags log lines. mem_bar may be NULL
 * (no LLQ). Always succeeds for valid pointers; -EINVAL otherwise.
 */
int ena_hw_init(struct ena_hw *hw, const char *name, void *regs, void *mem_bar,
	int socket);

/*
 * Sizes of BAR 0 and BAR 2 (0: unknown). Every register offset and LLQ
 * window the device hands out (IO queue creation) must then lie inside
 * its BAR; a device that names one outside fails the queue's creation.
 * Call after ena_hw_init().
 */
void
ena_hw_set_bar_lens(struct ena_hw *hw, size_t regs_len, size_t mem_bar_len);

/* Options for ena_hw_bringup(). */
struct ena_hw_bringup_cfg {
	bool readless;	      /* use read-less MMIO (recommended) */
	bool admin_polling;   /* else interrupt-driven completion */
	uint32_t aenq_groups; /* wanted, masked with supported */
	const struct ena_hw_aenq_handlers *handlers;
	/* host attributes; strings may be NULL */
	uint32_t os_type; /* ENA_OS_* */
	const char *os_dist;
	const char *kernel_ver;
	uint8_t drv_major, drv_minor, drv_sub_minor;
	uint16_t num_cpus;
	uint16_t bdf; /* bus << 8 | dev << 3 | fn */
	uint32_t driver_supported_features;
	enum ena_reset_reason reset_reason; /* reason for the initial reset */
};

/*
 * Full bring-up in the device's required order (see top of file). On
 * failure everything allocated is released and the error returned; the
 * log line names the step and the offending value.
 */
int ena_hw_bringup(struct ena_hw *hw, const struct ena_hw_bringup_cfg *cfg,
	struct ena_hw_dev_features *feat);

/* Reverse of ena_hw_bringup(): reset (reason), free all. Idempotent. */
void ena_hw_teardown(struct ena_hw *hw, enum ena_reset_reason reason);

/* ---- register access ---------------------------------------------------- */

/* Allocate the read-less response buffer and program it into the device. */
int ena_hw_readless_init(struct ena_hw *hw);
/* Choose read-less (true) or direct register reads. */
void ena_hw_readless_set(struct ena_hw *hw, bool enabled);
/* Re-program the response address (the device forgets it on reset). */
void ena_hw_readless_program(struct ena_hw *hw);
void ena_hw_readless_fini(struct ena_hw *hw);

/*
 * Read a device register (read-less when enabled). Returns
 * ENA_HW_REG_READ_FAILED when the device does not answer in time.
 */
uint32_t ena_hw_reg_read(struct ena_hw *hw, uint16_t off);
void ena_hw_reg_write(struct ena_hw *hw, uint16_t off, uint32_t val);

/* ---- reset, version, DMA width ------------------------------------------ */

/*
 * Reset the device, telling it why. Waits for the device with its own
 * reset timeout (CAPS); -ETIME if it does not finish, -EINVAL if the
 * device reports a zero reset timeout, -EIO if a register read fails.
 */
int ena_hw_reset(struct ena_hw *hw, enum ena_reset_reason reason);

/* -EOPNOTSUPP ("device version is too low") for a too-old device. */
int ena_hw_check_version(struct ena_hw *hw);

/* DMA address width in bits (32..64 accepted), or -EINVAL / -EIO. */
int ena_hw_dma_width(struct ena_hw *hw);

/* True once DEV_STS reports a fatal error. */
bool ena_hw_fatal_error(struct ena_hw *hw);

/* ------------------------------------------------------------------------ */
/* Admin queue                                                              */
/* ------------------------------------------------------------------------ */

/*
 * Create AQ, ACQ and AENQ (ENA_HW_ADMIN_DEPTH / ENA_HW_AENQ_DEPTH entries,
 * phase 1) and program them. handlers may be NULL (all events unknown).
 * Needs DEV_STS.READY; the per-command timeout comes from CAPS.
 */
int ena_hw_admin_init(
	struct ena_hw *hw, const struct ena_hw_aenq_handlers *handlers);
/* Free the rings; pending commands are aborted. Idempotent. */
void ena_hw_admin_fini(struct ena_hw *hw);

void ena_hw_admin_set_polling(struct ena_hw *hw, bool polling);
bool ena_hw_admin_polling(const struct ena_hw *hw);
/* In interrupt mode, poll the ACQ when an interrupt seems lost. */
void ena_hw_admin_set_auto_polling(struct ena_hw *hw, bool on);
/*
 * The admin queue is "running" after init. A command timeout marks it
 * dead: every later command fails at once with -ENODEV until the caller
 * resets the device and calls ena_hw_admin_init() again.
 */
void ena_hw_admin_set_running(struct ena_hw *hw, bool running);
bool ena_hw_admin_running(const struct ena_hw *hw);

/* Interrupt handler part: consume ACQ completions, wake the waiters. */
void ena_hw_admin_intr(struct ena_hw *hw);
/* Fail all outstanding commands with -ENODEV (before a reset). */
void ena_hw_admin_abort(struct ena_hw *hw);

/*
 * Submit cmd (opcode and payload filled; command id and phase are set
 * here) and wait for its completion, copied to comp (comp_len bytes,
 * may be NULL). Returns 0, the mapped device status (ena_hw_status_errno),
 * -ETIME on timeout (the queue is then dead), -ENODEV when dead,
 * -ENOSPC when the ring is full.
 */
int ena_hw_admin_exec(struct ena_hw *hw, struct ena_aq_cmd *cmd,
	struct ena_aq_comp *comp, size_t comp_len);

/* errno for a device admin status (ENA_AQ_STATUS_*). */
int ena_hw_status_errno(uint8_t status);

/* ------------------------------------------------------------------------ */
/* AENQ                                                                     */
/* ------------------------------------------------------------------------ */

/* Give all AENQ entries to the device (head doorbell). After admin init. */
void ena_hw_aenq_enable(struct ena_hw *hw);
/* Enable event groups (masked with what the device supports). */
int ena_hw_aenq_configure(struct ena_hw *hw, uint32_t groups);
/* Read the supported/enabled group masks. */
int ena_hw_aenq_get_groups(
	struct ena_hw *hw, uint32_t *supported, uint32_t *enabled);
/*
 * Consume every new AENQ entry (phase), dispatch to handlers with arg,
 * update the head doorbell. Keep-alive events refresh
 * hw->last_keep_alive_us and the drop counters (keep_alive_rx_drops,
 * keep_alive_tx_drops) before their handler runs, so that a handler reads
 * them there instead of decoding the event again. Returns the number of
 * events.
 */
unsigned int ena_hw_aenq_process(struct ena_hw *hw, void *arg);
/* True when the keep-alive watchdog (hint) expired at now_us. */
bool ena_hw_keep_alive_expired(const struct ena_hw *hw, uint64_t now_us);

/* ------------------------------------------------------------------------ */
/* Features                                                                 */
/* ------------------------------------------------------------------------ */

/* True when the device lists feature id (ENA_FEAT_*) as supported. */
bool ena_hw_feature_supported(const struct ena_hw *hw, unsigned int id);

/*
 * Device attributes, queue limits, LLQ offer, offloads, hints, AENQ
 * groups. Also applies the hints (timeouts) to hw.
 */
int
ena_hw_get_dev_features(struct ena_hw *hw, struct ena_hw_dev_features *feat);

/* Send driver/OS identity (host attributes). Buffer kept until teardown. */
int
ena_hw_set_host_attr(struct ena_hw *hw, const struct ena_hw_bringup_cfg *cfg);

/* Queue limits only (MAX_QUEUES_EXT, legacy fallback). */
int ena_hw_get_queue_limits(
	struct ena_hw *hw, struct ena_hw_queue_limits *q, bool *ext);

/* ---- LLQ ---------------------------------------------------------------- */

/*
 * Pure negotiation: pick the LLQ layout from what the device supports and
 * what the driver asks (the request wins where supported, else the
 * device's best alternative). -EOPNOTSUPP when the offer is unusable.
 */
int ena_hw_llq_select(struct ena_hw *hw, const struct ena_hw_llq_offer *offer,
	const struct ena_hw_llq_request *req, struct ena_hw_llq_info *out);

/*
 * Negotiate and commit LLQ (SET_FEATURE LLQ); sets hw->tx_placement to
 * DEV. Falls back to host placement (returns 0, placement HOST) when the
 * device offers no LLQ, there is no memory BAR, or negotiation fails.
 */
int
ena_hw_llq_configure(struct ena_hw *hw, const struct ena_hw_llq_offer *offer,
	const struct ena_hw_llq_request *req);

/* ---- simple features ---------------------------------------------------- */

int ena_hw_set_mtu(struct ena_hw *hw, uint32_t mtu);
/* -EOPNOTSUPP when the device does not list ENA_FEAT_FRAG_BYPASS. */
int ena_hw_set_frag_bypass(struct ena_hw *hw, bool enable);
int ena_hw_get_offloads(struct ena_hw *hw, struct ena_hw_offloads *off);
int ena_hw_get_link(struct ena_hw *hw, struct ena_hw_link *link);
int ena_hw_get_hints(struct ena_hw *hw, struct ena_hw_hints *hints);
/* Apply hints to the timeouts in hw (also used on an UPDATE_HINTS event). */
void ena_hw_apply_hints(struct ena_hw *hw, const struct ena_hw_hints *hints);
/*
 * Hints carried by a NOTIFICATION/UPDATE_HINTS AENQ event (the payload
 * follows the common part of the entry). Pass the result to
 * ena_hw_apply_hints().
 */
void ena_hw_aenq_hints(
	const struct ena_aenq_entry *entry, struct ena_hw_hints *hints);

/* ---- RSS ---------------------------------------------------------------- */

/* Allocate RSS state with a 1 << log_size indirection table. */
int ena_hw_rss_init(struct ena_hw *hw, uint16_t log_size);
void ena_hw_rss_fini(struct ena_hw *hw);

/*
 * Hash function (ENA_RSS_FUNC_*) and key. key may be NULL to keep the
 * current key; key_len must be ENA_HW_RSS_KEY_LEN otherwise.
 */
int ena_hw_rss_set_function(struct ena_hw *hw, uint32_t func,
	const uint8_t *key, size_t key_len, uint32_t init_val);
/* Read back function and key (key may be NULL). */
int ena_hw_rss_get_function(struct ena_hw *hw, uint32_t *func, uint8_t *key);

/* Hash input fields (ENA_RSS_FIELD_* bits) for one flow type. */
int
ena_hw_rss_set_fields(struct ena_hw *hw, unsigned int proto, uint16_t fields);
/* Set the driver's defaults for every flow type. */
int ena_hw_rss_set_default_fields(struct ena_hw *hw);
int
ena_hw_rss_get_fields(struct ena_hw *hw, unsigned int proto, uint16_t *fields);

/* Indirection table: fill host entries, then commit in one command. */
int ena_hw_rss_ind_set_entry(struct ena_hw *hw, uint32_t idx, uint16_t cq_idx);
int ena_hw_rss_ind_commit(struct ena_hw *hw);
/* Read the device's table into tbl (1 << log_size CQ indices). */
int ena_hw_rss_ind_get(struct ena_hw *hw, uint16_t *tbl);

/* ---- interrupt moderation ------------------------------------------------ */

/* Learn support and resolution; harmless when unsupported. */
int ena_hw_intr_moder_init(struct ena_hw *hw);
int ena_hw_intr_moder_set_tx(struct ena_hw *hw, uint32_t usecs);
int ena_hw_intr_moder_set_rx(struct ena_hw *hw, uint32_t usecs);

/* ---- statistics ---------------------------------------------------------- */

int ena_hw_get_basic_stats(struct ena_hw *hw, struct ena_hw_basic_stats *s);
int ena_hw_get_eni_stats(struct ena_hw *hw, struct ena_hw_eni_stats *s);
int ena_hw_get_srd_stats(struct ena_hw *hw, struct ena_hw_srd_stats *s);
/*
 * Extended statistics into a caller buffer (device-defined strings and
 * values); *len in: buffer size, out: bytes the device wrote.
 */
int ena_hw_get_extended_stats(struct ena_hw *hw, void *buf, size_t *len);

/* ------------------------------------------------------------------------ */
/* IO queues                                                                */
/* ------------------------------------------------------------------------ */

struct ena_hw_io_sq;
struct ena_hw_io_cq;

enum ena_hw_dir {
	ENA_HW_DIR_TX = 1,
	ENA_HW_DIR_RX = 2,
};

struct ena_hw_io_params {
	uint16_t qid; /* caller's queue number (logs) */
	enum ena_hw_dir dir;
	uint16_t depth;	     /* power of two; SQ and CQ depth */
	int16_t msix_vector; /* < 0: no interrupt */
	int socket;
	/* Tx only: ENA_HW_PLACEMENT_DEV requires LLQ negotiated. */
	enum ena_hw_placement placement;
};

/*
 * Create a CQ then its SQ (host or device placement); the doorbell, CQ
 * head, unmask and NUMA addresses come from the device responses.
 * On failure nothing stays allocated or created and sq/cq are safe to
 * pass to ena_hw_io_destroy().
 */
int ena_hw_io_create(struct ena_hw *hw, const struct ena_hw_io_params *p,
	struct ena_hw_io_sq *sq, struct ena_hw_io_cq *cq);
/* Destroy SQ then CQ and free; safe on a never/partly created pair. */
void ena_hw_io_destroy(
	struct ena_hw *hw, struct ena_hw_io_sq *sq, struct ena_hw_io_cq *cq);

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

/* Reset reason matching an error from the Tx/Rx path (ena_eth_com.h). */
enum ena_reset_reason ena_hw_reset_reason_for(int err, enum ena_hw_dir dir);

/* What a reset reason means ("keep-alive timeout"), for logs. */
const char *ena_hw_reset_reason_str(enum ena_reset_reason r);
/* The reason as the interface names it ("KEEP_ALIVE_TO"), for logs. */
const char *ena_hw_reset_reason_name(enum ena_reset_reason r);

#endif /* ENA_COM_H_ */

/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
#ifndef ENA_EMU_IO_PRIV_H
#define ENA_EMU_IO_PRIV_H

/* State shared by the emu_io*.c / emu_tx / emu_rx / emu_wire files. */

#include <stdbool.h>
#include <stdint.h>

#include "emu_dev.h"
#include "emu_io.h"

/* Largest frame the device assembles or receives. */
#define ENA_EMU_IO_FRAME_MAX (64u * 1024 + 512)
/* Packets handled per queue per poll before moving on. */
#define ENA_EMU_IO_BURST 64u
/* Buffers one Rx packet may span (the device advertises this). */
#define ENA_EMU_IO_RX_MAX_BUFS 16u
/* Upper bound of the rx_split fault (beyond what is advertised). */
#define ENA_EMU_IO_RX_SPLIT_MAX ENA_EMU_RX_SPLIT_MAX
#define ENA_EMU_IO_TX_MAX_DESCS 32u

struct ena_emu_cq {
	bool used;
	int16_t sq_idx;	    /* bound SQ, -1 when none */
	uint8_t sq_dir;	    /* direction of the bound SQ */
	uint8_t entry_size; /* bytes */
	uint16_t depth;
	uint16_t mask;
	uint16_t tail; /* next entry the device writes */
	uint8_t phase;
	uint32_t msix; /* vector, UINT32_MAX: none */
	uint8_t *ring;
	uint64_t ring_iova;
	uint32_t ring_len;
};

/*
 * An IO MSI-X vector. It fires once when completions were written since it
 * last fired and the driver has unmasked it (through the unmask register of
 * any CQ that uses it), then stays masked until the next unmask.
 */
struct ena_emu_vec {
	bool unmasked;
	uint32_t pending; /* completions written since the last signal */
};

struct ena_emu_sq {
	bool used;
	uint8_t dir; /* ENA_SQ_DIR_* */
	bool llq;
	uint16_t idx;
	uint16_t cq_idx;
	uint16_t depth;
	uint16_t mask;
	uint8_t depth_log2;
	uint16_t head;	  /* next entry (desc or LLQ line) to consume */
	uint16_t db_seen; /* last doorbell value acted upon */
	uint32_t db_off;
	uint8_t *ring; /* host placement: descriptor ring */
	uint64_t ring_iova;
	uint32_t ring_len;
	uint8_t *llq_base; /* device placement: this SQ's BAR2 window */
	/* LLQ layout frozen at creation time. */
	uint16_t llq_entry;
	uint16_t llq_dbh;
	uint16_t llq_line_descs;
	/* Tx offload context kept by META_STORE. */
	uint32_t meta_w2;
	bool meta_valid;
	uint64_t pkts;
	uint64_t bytes;
};

enum ena_emu_wire_kind {
	ENA_EMU_WIRE_LOOPBACK,
	ENA_EMU_WIRE_SINK,
	ENA_EMU_WIRE_PEER,
	ENA_EMU_WIRE_PCAP,
	ENA_EMU_WIRE_GEN,
	ENA_EMU_WIRE_TAP,
};

struct ena_emu_wire_pcap;
struct ena_emu_wire_gen;
struct ena_emu_wire_tap;

struct ena_emu_wire {
	enum ena_emu_wire_kind kind;
	char peer_name[ENA_EMU_NAME_LEN];
	struct ena_emu_wire_pcap *pcap;
	struct ena_emu_wire_gen *gen;
	struct ena_emu_wire_tap *tap;
};

/* Parse result of one Ethernet frame. */
struct ena_emu_pkt {
	uint16_t l3_off;
	uint16_t l4_off;
	uint16_t l4_len; /* L4 header + payload per the IP header */
	uint8_t l3;	 /* ENA_L3_PROTO_* */
	uint8_t l4;	 /* ENA_L4_PROTO_* */
	uint8_t vlans;
	bool frag;
	bool ip6_ext;
};

struct ena_emu_io {
	struct ena_emu_dev *dev;
	uint16_t max_queues;
	uint32_t max_depth;
	struct ena_emu_sq *tx_sq;
	struct ena_emu_sq *rx_sq;
	struct ena_emu_cq *cq;	 /* 2 * max_queues: Rx half then Tx half */
	struct ena_emu_vec *vec; /* [0] unused (admin vector) */
	uint32_t nb_vec;
	uint16_t rx_created;
	struct ena_emu_wire wire;
	struct ena_emu_io_counters c;
	bool tx_reorder;
	/* Toeplitz lookup tables built for the key below. */
	uint8_t rss_key_cached[ENA_EMU_RSS_KEY_LEN];
	bool rss_tbl_valid;
	uint32_t (*rss_tbl)[256];
	uint8_t *frame; /* Tx assembly buffer */
};

/* emu_csum.c */
void ena_emu_pkt_parse(const uint8_t *f, uint32_t len, struct ena_emu_pkt *p);
/* Inserts the checksums a Tx descriptor asked for; counts them in c. */
void ena_emu_csum_tx(uint8_t *f, uint32_t len, const struct ena_emu_pkt *p,
	bool l3, bool l4, bool partial, struct ena_emu_io_counters *c);
/* Returns ENA_RX_CDESC_* checksum status bits for a received frame. */
uint32_t
ena_emu_csum_rx(const uint8_t *f, uint32_t len, const struct ena_emu_pkt *p);

/* emu_rss.c */
uint32_t ena_emu_rss_hash(
	struct ena_emu_io *io, const uint8_t *f, const struct ena_emu_pkt *p);
/* Rx SQ for a hash, or NULL when the target queue does not exist. */
struct ena_emu_sq *ena_emu_rss_pick(struct ena_emu_io *io, uint32_t hash);

/* emu_rx.c */
/* count_no_buf false: a missing buffer is not counted as a drop. */
int ena_emu_rx_deliver(struct ena_emu_dev *dev, const uint8_t *f, uint32_t len,
	bool count_no_buf);

/* emu_tx.c */
unsigned int ena_emu_tx_poll(struct ena_emu_dev *dev, struct ena_emu_sq *sq);

/* emu_wire*.c */
int ena_emu_wire_init(struct ena_emu_dev *dev, const char *spec);
void ena_emu_wire_fini(struct ena_emu_dev *dev);
void ena_emu_wire_tx(struct ena_emu_dev *dev, const uint8_t *f, uint32_t len);
unsigned int ena_emu_wire_poll(struct ena_emu_dev *dev);
int ena_emu_wire_pcap_open(struct ena_emu_dev *dev, const char *in,
	const char *out, uint32_t delay_ms);
void ena_emu_wire_pcap_close(struct ena_emu_dev *dev);
void
ena_emu_wire_pcap_tx(struct ena_emu_dev *dev, const uint8_t *f, uint32_t len);
unsigned int ena_emu_wire_pcap_poll(struct ena_emu_dev *dev);

int ena_emu_wire_tap_open(struct ena_emu_dev *dev, const char *ifname);
void ena_emu_wire_tap_close(struct ena_emu_dev *dev);
void
ena_emu_wire_tap_tx(struct ena_emu_dev *dev, const uint8_t *f, uint32_t len);
unsigned int ena_emu_wire_tap_poll(struct ena_emu_dev *dev);
int ena_emu_wire_tap_fd(const struct ena_emu_dev *dev);

/* Registry used to resolve peer:<name> among devices with IO state. */
struct ena_emu_dev *ena_emu_io_lookup(const char *name);

/* Host address of a DMA buffer the device reads. */
static inline void *
ena_emu_io_dma(struct ena_emu_dev *dev, uint64_t iova, uint32_t len)
{
	return ena_emu_dma_ptr(dev, iova, len);
}

/* Host address of a DMA buffer the device writes. */
static inline void *
ena_emu_io_dma_w(struct ena_emu_dev *dev, uint64_t iova, uint32_t len)
{
	return ena_emu_dma_wptr(dev, iova, len);
}

/* Writes a CQ entry's body then publishes it (phase word last). */
static inline uint8_t *
ena_emu_cq_slot(struct ena_emu_cq *cq)
{
	return cq->ring + (uint32_t)(cq->tail & cq->mask) * cq->entry_size;
}

static inline void
ena_emu_cq_advance(struct ena_emu_cq *cq)
{
	cq->tail++;
	if ((cq->tail & cq->mask) == 0)
		cq->phase ^= 1;
}

/*
 * False (after raising a DMA fault) when the host withdrew the memory of
 * the SQ's or its CQ's ring.
 */
bool ena_emu_io_rings_ok(struct ena_emu_dev *dev, const struct ena_emu_sq *sq);

/* After writing n completions to cq: its vector fires if unmasked. */
void
ena_emu_cq_written(struct ena_emu_dev *dev, struct ena_emu_cq *cq, uint32_t n);

#endif /* ENA_EMU_IO_PRIV_H */

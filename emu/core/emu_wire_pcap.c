/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/* pcap wire: replay a capture into Rx once, record Tx into a capture. */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#include <pcap/pcap.h>

#include "emu_io_priv.h"

struct ena_emu_wire_pcap {
	pcap_t *in;
	pcap_t *out_handle;
	pcap_dumper_t *out;
	/* Frame read but not delivered yet (no Rx buffer). */
	const uint8_t *pend;
	uint32_t pend_len;
	bool eof;
	/*
	 * Replay starts this long after an Rx queue appears, so that a
	 * driver's start-up (testpmd drains Rx queues before forwarding)
	 * does not swallow the capture.
	 */
	uint64_t delay_ns;
	uint64_t start_ns; /* 0: not armed yet */
	/* Written since the last flush: flushed every poll, as the process
	 * may end without closing the device.
	 */
	bool dirty;
};

int
ena_emu_wire_pcap_open(struct ena_emu_dev *dev, const char *in, const char *out,
	uint32_t delay_ms)
{
	char err[PCAP_ERRBUF_SIZE];
	struct ena_emu_wire_pcap *pc;

	pc = calloc(1, sizeof(*pc));
	if (pc == NULL)
		return -ENOMEM;
	pc->delay_ns = (uint64_t)delay_ms * 1000000u;
	dev->io->wire.pcap = pc;
	pc->eof = true;
	if (*in != '\0') {
		pc->in = pcap_open_offline(in, err);
		if (pc->in == NULL) {
			ena_emu_log(dev, EMU_LOG_ERR, "wire pcap input %s: %s",
				in, err);
			goto fail;
		}
		if (pcap_datalink(pc->in) != DLT_EN10MB) {
			ena_emu_log(dev, EMU_LOG_ERR,
				"wire pcap input %s: link type %d is not Ethernet",
				in, pcap_datalink(pc->in));
			goto fail;
		}
		pc->eof = false;
	}
	if (*out != '\0') {
		pc->out_handle = pcap_open_dead(DLT_EN10MB, 65535);
		if (pc->out_handle == NULL)
			goto fail;
		pc->out = pcap_dump_open(pc->out_handle, out);
		if (pc->out == NULL) {
			ena_emu_log(dev, EMU_LOG_ERR, "wire pcap output %s: %s",
				out, pcap_geterr(pc->out_handle));
			goto fail;
		}
	}
	return 0;
fail:
	ena_emu_wire_pcap_close(dev);
	return -EINVAL;
}

void
ena_emu_wire_pcap_close(struct ena_emu_dev *dev)
{
	struct ena_emu_wire_pcap *pc = dev->io->wire.pcap;

	if (pc == NULL)
		return;
	if (pc->in != NULL)
		pcap_close(pc->in);
	if (pc->out != NULL)
		pcap_dump_close(pc->out);
	if (pc->out_handle != NULL)
		pcap_close(pc->out_handle);
	free(pc);
	dev->io->wire.pcap = NULL;
}

void
ena_emu_wire_pcap_tx(struct ena_emu_dev *dev, const uint8_t *f, uint32_t len)
{
	struct ena_emu_wire_pcap *pc = dev->io->wire.pcap;
	struct pcap_pkthdr h;

	if (pc->out == NULL)
		return;
	gettimeofday(&h.ts, NULL);
	h.caplen = len;
	h.len = len;
	pcap_dump((u_char *)pc->out, &h, f);
	pc->dirty = true;
	dev->io->c.pcap_written++;
}

unsigned int
ena_emu_wire_pcap_poll(struct ena_emu_dev *dev)
{
	struct ena_emu_wire_pcap *pc = dev->io->wire.pcap;
	struct pcap_pkthdr *h;
	const u_char *data;
	unsigned int n = 0;
	int rc;

	if (pc->dirty) {
		pcap_dump_flush(pc->out);
		pc->dirty = false;
	}
	if (dev->io->rx_created == 0 || pc->eof)
		return 0;
	if (pc->start_ns == 0)
		pc->start_ns = ena_emu_dev_now_ns(dev) + pc->delay_ns;
	if (ena_emu_dev_now_ns(dev) < pc->start_ns)
		return 0;
	while (n < ENA_EMU_IO_BURST) {
		if (pc->pend == NULL) {
			if (pc->eof)
				break;
			rc = pcap_next_ex(pc->in, &h, &data);
			if (rc != 1) {
				/* End of file or a read error: replay is over. */
				pc->eof = true;
				break;
			}
			dev->io->c.pcap_read++;
			pc->pend = data;
			pc->pend_len = h->caplen;
		}
		if (ena_emu_rx_deliver(dev, pc->pend, pc->pend_len, false) ==
			-ENOBUFS)
			break;
		pc->pend = NULL;
		n++;
	}
	return n;
}

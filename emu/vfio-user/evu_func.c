/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */

/*
 * One ENA PCI function behind a vfio-user socket.
 *
 * What the guest sees:
 *   vendor 1d0f, device ec20 (ec21 with LLQ), class 020000, revision 0
 *   (read-less MMIO available), a PCI Express capability with FLR and an
 *   MSI-X capability: one vector for admin/AENQ plus one per IO queue pair.
 *   BAR 0  the register file, 32-bit, every access trapped to the core.
 *   BAR 2  LLQ memory (with LLQ), 64-bit prefetchable, mappable: the guest's
 *          stores land in a memfd the core reads.
 *   BAR 4  MSI-X table and pending bits (the client emulates them).
 */

#include <errno.h>
#include <inttypes.h>
#include <linux/pci_regs.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libvfio-user.h>
#include <pci_caps/msix.h>
#include <pci_caps/px.h>

#include "emu_dev.h"
#include "evu.h"

#define EVU_VENDOR_ID	  0x1d0f
#define EVU_DEVICE_ID	  0xec20
#define EVU_DEVICE_ID_LLQ 0xec21

static struct evu_func *
evu_func_of(vfu_ctx_t *ctx)
{
	return vfu_get_private(ctx);
}

/* ---- BARs ------------------------------------------------------------------ */

static ssize_t
evu_bar0_access(
	vfu_ctx_t *ctx, char *buf, size_t count, loff_t off, bool is_write)
{
	struct evu_func *f = evu_func_of(ctx);
	uint32_t word, base;
	size_t done;

	if (off < 0 || count == 0 || (size_t)off + count > f->bar0_len)
		goto bad;
	if (is_write) {
		/* Registers take whole 32-bit words (64-bit: two of them). */
		if ((off & 3) != 0 || (count & 3) != 0)
			goto bad;
		for (done = 0; done < count; done += 4) {
			memcpy(&word, buf + done, 4);
			ena_emu_dev_reg_write(
				f->dev, (uint32_t)off + (uint32_t)done, word);
		}
		f->bar0_writes++;
		return (ssize_t)count;
	}
	for (done = 0; done < count;) {
		base = ((uint32_t)off + (uint32_t)done) & ~3u;
		word = ena_emu_dev_reg_read(f->dev, base);
		while (done < count &&
			(((uint32_t)off + (uint32_t)done) & ~3u) == base) {
			buf[done] = (char)(word >>
				(8 * (((uint32_t)off + (uint32_t)done) & 3u)));
			done++;
		}
	}
	f->bar0_reads++;
	return (ssize_t)count;
bad:
	f->bad_accesses++;
	evu_log(EMU_LOG_WARNING,
		"%s: BAR 0 %s of %zu bytes at 0x%llx refused (32-bit registers)",
		f->name, is_write ? "write" : "read", count,
		(unsigned long long)off);
	errno = EINVAL;
	return -1;
}

/* Reached only when the client does not map BAR 2 (or before it does). */
static ssize_t
evu_bar2_access(
	vfu_ctx_t *ctx, char *buf, size_t count, loff_t off, bool is_write)
{
	struct evu_func *f = evu_func_of(ctx);

	if (off < 0 || (size_t)off + count > f->bar2_len) {
		f->bad_accesses++;
		errno = EINVAL;
		return -1;
	}
	if (is_write)
		memcpy(f->bar2 + off, buf, count);
	else
		memcpy(buf, f->bar2 + off, count);
	return (ssize_t)count;
}

/* The client emulates the MSI-X table and pending bits over this BAR. */
static ssize_t
evu_msix_access(
	vfu_ctx_t *ctx, char *buf, size_t count, loff_t off, bool is_write)
{
	(void)ctx;
	(void)off;
	if (!is_write)
		memset(buf, 0, count);
	return (ssize_t)count;
}

/* ---- callbacks --------------------------------------------------------------- */

static int
evu_reset(vfu_ctx_t *ctx, vfu_reset_type_t type)
{
	struct evu_func *f = evu_func_of(ctx);
	static const char *const why[] = {
		[VFU_RESET_DEVICE] = "device reset",
		[VFU_RESET_LOST_CONN] = "client gone",
		[VFU_RESET_PCI_FLR] = "function level reset",
	};

	evu_log(EMU_LOG_INFO, "%s: %s: back to power-on state", f->name,
		(unsigned int)type < 3 ? why[type] : "reset");
	if (type == VFU_RESET_PCI_FLR)
		f->flrs++;
	ena_emu_dev_power_on(f->dev);
	return 0;
}

static void
evu_dma_register(vfu_ctx_t *ctx, vfu_dma_info_t *info)
{
	struct evu_func *f = evu_func_of(ctx);
	uint64_t iova = (uint64_t)(uintptr_t)info->iova.iov_base;
	char err[160];

	/* Device memory of other functions (peer to peer): not for us. */
	if (info->vaddr == NULL) {
		evu_log(EMU_LOG_DEBUG,
			"%s: DMA region 0x%" PRIx64 " (+0x%zx) comes without "
			"memory to map: the device cannot reach it",
			f->name, iova, info->iova.iov_len);
		return;
	}
	if (evu_dma_map(&f->dma, iova, info->iova.iov_len, info->vaddr,
		    (info->prot & PROT_WRITE) != 0, err, sizeof(err)) != 0)
		evu_log(EMU_LOG_ERR, "%s: DMA region not usable: %s", f->name,
			err);
}

static void
evu_dma_unregister(vfu_ctx_t *ctx, vfu_dma_info_t *info)
{
	struct evu_func *f = evu_func_of(ctx);
	uint64_t iova = (uint64_t)(uintptr_t)info->iova.iov_base;

	if (evu_dma_unmap(&f->dma, iova, info->iova.iov_len) == 0)
		ena_emu_dev_dma_revoked(f->dev, iova, info->iova.iov_len);
}

static void
evu_vfu_log(vfu_ctx_t *ctx, int level, const char *msg)
{
	struct evu_func *f = evu_func_of(ctx);

	/* The core signals whatever it likes; the client decides. */
	if (strstr(msg, "no fd for interrupt") != NULL) {
		f->irqs_no_fd++;
		return;
	}
	evu_log(level <= 3 ? EMU_LOG_ERR : (unsigned int)level + 1,
		"%s: libvfio-user: %s", f->name, msg);
}

/* ---- host ops ------------------------------------------------------------------ */

static void *
evu_host_dma(void *ctx, uint64_t iova, size_t len, bool write)
{
	struct evu_func *f = ctx;

	return evu_dma_lookup(&f->dma, iova, len, write);
}

static void
evu_host_irq(void *ctx, uint32_t vector)
{
	struct evu_func *f = ctx;

	if (!f->attached || vector >= f->nvec)
		return;
	if (vfu_irq_trigger(f->ctx, vector) == 0)
		f->irqs[vector]++;
}

static void
evu_host_log(void *ctx, unsigned int level, const char *line)
{
	(void)ctx;
	evu_log(level, "%s", line);
}

static bool
evu_host_log_on(void *ctx, unsigned int level)
{
	(void)ctx;
	return level <= evu_log_level;
}

const struct ena_emu_host_ops evu_host_ops = {
	.dma = evu_host_dma,
	.irq = evu_host_irq,
	.now_ns = NULL,
	.log = evu_host_log,
	.log_on = evu_host_log_on,
};

/* ---- config space ------------------------------------------------------------- */

static int
evu_caps_add(struct evu_func *f)
{
	struct msixcap msix;
	struct pxcap px;

	memset(&px, 0, sizeof(px));
	px.hdr.id = PCI_CAP_ID_EXP;
	px.pxcaps.ver = 2;
	px.pxdcap.flrc = 1;
	if (vfu_pci_add_capability(f->ctx, 0, 0, &px) < 0)
		return -errno;
	memset(&msix, 0, sizeof(msix));
	msix.hdr.id = PCI_CAP_ID_MSIX;
	msix.mxc.ts = (uint16_t)(f->nvec - 1);
	msix.mtab.tbir = EVU_MSIX_BAR;
	msix.mtab.to = 0;
	msix.mpba.pbir = EVU_MSIX_BAR;
	msix.mpba.pbao = EVU_MSIX_PBA_OFF >> 3;
	if (vfu_pci_add_capability(f->ctx, 0, 0, &msix) < 0)
		return -errno;
	return 0;
}

static int
evu_regions_setup(struct evu_func *f)
{
	vfu_pci_config_space_t *cs;

	if (vfu_setup_region(f->ctx, VFU_PCI_DEV_BAR0_REGION_IDX, f->bar0_len,
		    evu_bar0_access, VFU_REGION_FLAG_RW | VFU_REGION_FLAG_MEM,
		    NULL, 0, -1, 0) < 0)
		return -errno;
	if (f->bar2_len != 0) {
		if (vfu_setup_region(f->ctx, VFU_PCI_DEV_BAR2_REGION_IDX,
			    f->bar2_len, evu_bar2_access,
			    VFU_REGION_FLAG_RW | VFU_REGION_FLAG_MEM, NULL, 0,
			    f->bar2_fd, 0) < 0)
			return -errno;
		cs = vfu_pci_get_config_space(f->ctx);
		cs->hdr.bars[2].raw = PCI_BASE_ADDRESS_MEM_TYPE_64 |
			PCI_BASE_ADDRESS_MEM_PREFETCH;
	}
	if (vfu_setup_region(f->ctx, VFU_PCI_DEV_BAR4_REGION_IDX,
		    EVU_MSIX_BAR_LEN, evu_msix_access,
		    VFU_REGION_FLAG_RW | VFU_REGION_FLAG_MEM, NULL, 0, -1,
		    0) < 0)
		return -errno;
	return 0;
}

static int
evu_bars_alloc(struct evu_func *f)
{
	ena_emu_bar_sizes(f->cfg, &f->bar0_len, &f->bar2_len);
	f->bar0 = mmap(NULL, f->bar0_len, PROT_READ | PROT_WRITE,
		MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (f->bar0 == MAP_FAILED) {
		f->bar0 = NULL;
		return -errno;
	}
	if (f->bar2_len == 0)
		return 0;
	f->bar2_fd = memfd_create("ena-llq", MFD_CLOEXEC);
	if (f->bar2_fd < 0)
		return -errno;
	if (ftruncate(f->bar2_fd, (off_t)f->bar2_len) != 0)
		return -errno;
	f->bar2 = mmap(NULL, f->bar2_len, PROT_READ | PROT_WRITE, MAP_SHARED,
		f->bar2_fd, 0);
	if (f->bar2 == MAP_FAILED) {
		f->bar2 = NULL;
		return -errno;
	}
	return 0;
}

/* A socket left by a server that is gone: binding needs the path free. */
static int
evu_sock_path_free(const char *path)
{
	struct stat st;

	if (lstat(path, &st) != 0)
		return errno == ENOENT ? 0 : -errno;
	if (!S_ISSOCK(st.st_mode)) {
		evu_log(EMU_LOG_ERR, "%s exists and is not a socket", path);
		return -EEXIST;
	}
	return unlink(path) == 0 ? 0 : -errno;
}

struct evu_func *
evu_func_new(
	const char *name, const char *sock, const struct ena_emu_config *cfg)
{
	struct evu_func *f;
	int rc;

	if (strlen(sock) >= sizeof(f->sock)) {
		evu_log(EMU_LOG_ERR, "%s: socket path longer than %zu: %s",
			name, sizeof(f->sock) - 1, sock);
		return NULL;
	}
	f = calloc(1, sizeof(*f));
	if (f == NULL)
		return NULL;
	f->bar2_fd = -1;
	snprintf(f->name, sizeof(f->name), "%s", name);
	strcpy(f->sock, sock);
	f->cfg = malloc(sizeof(*f->cfg));
	if (f->cfg == NULL)
		goto fail;
	*f->cfg = *cfg;
	f->nvec = ena_emu_msix_count(cfg);
	f->irqs = calloc(f->nvec, sizeof(*f->irqs));
	if (f->irqs == NULL)
		goto fail;
	rc = evu_bars_alloc(f);
	if (rc != 0) {
		evu_log(EMU_LOG_ERR, "%s: BAR memory: %s", name, strerror(-rc));
		goto fail;
	}
	f->dev = ena_emu_dev_new(cfg, &evu_host_ops, f, f->bar0, f->bar0_len,
		f->bar2, f->bar2_len);
	if (f->dev == NULL)
		goto fail;
	if (evu_sock_path_free(sock) != 0)
		goto fail;
	f->ctx = vfu_create_ctx(VFU_TRANS_SOCK, sock,
		LIBVFIO_USER_FLAG_ATTACH_NB, f, VFU_DEV_TYPE_PCI);
	if (f->ctx == NULL) {
		evu_log(EMU_LOG_ERR, "%s: cannot listen on %s: %s", name, sock,
			strerror(errno));
		goto fail;
	}
	vfu_setup_log(f->ctx, evu_vfu_log,
		evu_log_level >= EMU_LOG_DEBUG ? LOG_DEBUG : LOG_INFO);
	rc = vfu_pci_init(
		f->ctx, VFU_PCI_TYPE_EXPRESS, PCI_HEADER_TYPE_NORMAL, 0);
	if (rc == 0) {
		vfu_pci_set_id(f->ctx, EVU_VENDOR_ID,
			cfg->llq ? EVU_DEVICE_ID_LLQ : EVU_DEVICE_ID,
			EVU_VENDOR_ID,
			cfg->llq ? EVU_DEVICE_ID_LLQ : EVU_DEVICE_ID);
		vfu_pci_set_class(f->ctx, 0x02, 0x00, 0x00);
		rc = evu_regions_setup(f);
	}
	if (rc == 0)
		rc = evu_caps_add(f);
	if (rc == 0 &&
		(vfu_setup_device_nr_irqs(f->ctx, VFU_DEV_MSIX_IRQ, f->nvec) <
				0 ||
			vfu_setup_device_reset_cb(f->ctx, evu_reset) < 0 ||
			vfu_setup_device_dma(f->ctx, evu_dma_register,
				evu_dma_unregister) < 0 ||
			vfu_realize_ctx(f->ctx) < 0))
		rc = -errno;
	if (rc != 0) {
		evu_log(EMU_LOG_ERR, "%s: PCI function setup failed: %s", name,
			strerror(rc < 0 ? -rc : rc));
		goto fail;
	}
	evu_log(EMU_LOG_NOTICE,
		"%s: ENA %04x:%04x on %s: %u queue pairs, %u MSI-X vectors, "
		"BAR 0 %zu KiB, BAR 2 %zu KiB, wire %s",
		name, EVU_VENDOR_ID,
		cfg->llq ? EVU_DEVICE_ID_LLQ : EVU_DEVICE_ID, sock, cfg->queues,
		f->nvec, f->bar0_len >> 10, f->bar2_len >> 10, cfg->wire);
	return f;
fail:
	evu_func_free(f);
	return NULL;
}

void
evu_func_free(struct evu_func *f)
{
	if (f == NULL)
		return;
	if (f->ctx != NULL) {
		vfu_destroy_ctx(f->ctx);
		unlink(f->sock);
	}
	ena_emu_dev_delete(f->dev);
	evu_dma_fini(&f->dma);
	if (f->bar2 != NULL)
		munmap(f->bar2, f->bar2_len);
	if (f->bar2_fd >= 0)
		close(f->bar2_fd);
	if (f->bar0 != NULL)
		munmap(f->bar0, f->bar0_len);
	free(f->irqs);
	free(f->cfg);
	free(f);
}

int
evu_func_poll_fd(struct evu_func *f)
{
	return vfu_get_poll_fd(f->ctx);
}

/* A connection is waiting on the listening socket. */
static bool
evu_client_waiting(struct evu_func *f)
{
	struct pollfd p = { vfu_get_poll_fd(f->ctx), POLLIN, 0 };

	return p.fd >= 0 && poll(&p, 1, 0) == 1 && (p.revents & POLLIN);
}

static void
evu_client_gone(struct evu_func *f)
{
	f->attached = false;
	f->disconnects++;
	/* libvfio-user reset the device and dropped the mappings already. */
	evu_dma_clear(&f->dma);
	evu_log(EMU_LOG_NOTICE, "%s: client disconnected; waiting for the next",
		f->name);
}

unsigned int
evu_func_run(struct evu_func *f)
{
	unsigned int work = 0;
	int n;

	if (!f->attached) {
		if (!evu_client_waiting(f))
			return 0;
		if (vfu_attach_ctx(f->ctx) != 0) {
			/*
			 * A client that did not speak vfio-user, or said
			 * nothing for a while (libvfio-user's receive timeout
			 * then reads as EAGAIN): next.
			 */
			f->bad_clients++;
			evu_log(EMU_LOG_WARNING,
				"%s: client refused during negotiation: %s",
				f->name, strerror(errno));
			return 1;
		}
		f->attached = true;
		f->clients++;
		evu_log(EMU_LOG_NOTICE, "%s: client connected on %s", f->name,
			f->sock);
		work++;
	}
	for (;;) {
		n = vfu_run_ctx(f->ctx);
		if (n > 0) {
			work += (unsigned int)n;
			continue;
		}
		if (n < 0 && errno == ENOTCONN) {
			evu_client_gone(f);
			return work + 1;
		}
		if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
			evu_log(EMU_LOG_WARNING, "%s: request failed: %s",
				f->name, strerror(errno));
		break;
	}
	return work + ena_emu_dev_step(f->dev);
}

void
evu_func_stats(struct evu_func *f, char *buf, size_t len)
{
	struct ena_emu_counters c;
	uint64_t io_irqs = 0;
	uint32_t v;

	ena_emu_counters_get(f->dev, &c);
	for (v = 1; v < f->nvec; v++)
		io_irqs += f->irqs[v];
	snprintf(buf, len,
		"%s: clients %" PRIu64 " disconnects %" PRIu64
		" bad_clients %" PRIu64 " flr %" PRIu64 " resets %" PRIu64 "\n"
		"%s: admin_cmds %" PRIu64 " aenq_events %" PRIu64
		" keep_alives %" PRIu64 " mmio_reads %" PRIu64 "\n"
		"%s: msix_admin %" PRIu64 " msix_io %" PRIu64
		" msix_unset %" PRIu64 "\n"
		"%s: tx_pkts %" PRIu64 " rx_pkts %" PRIu64 " tx_drops %" PRIu64
		" rx_drops %" PRIu64 "\n"
		"%s: dma_maps %" PRIu64 " dma_unmaps %" PRIu64
		" dma_regions %u dma_regions_max %u dma_errors %" PRIu64
		" fatal_errors %" PRIu64 "\n"
		"%s: bar0_reads %" PRIu64 " bar0_writes %" PRIu64
		" bad_accesses %" PRIu64 "\n",
		f->name, f->clients, f->disconnects, f->bad_clients, f->flrs,
		c.resets, f->name, c.admin_cmds, c.aenq_events, c.keep_alives,
		c.mmio_reads, f->name, f->irqs[0], io_irqs, f->irqs_no_fd,
		f->name, c.tx_pkts, c.rx_pkts, c.tx_drops, c.rx_drops, f->name,
		f->dma.maps, f->dma.unmaps, f->dma.nreg, f->dma.max_regions,
		c.dma_errors, c.fatal_errors, f->name, f->bar0_reads,
		f->bar0_writes, f->bad_accesses);
}

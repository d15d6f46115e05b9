/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */

/*
 * vdev driver "ena_emu": creates an emulated device and shows it to the
 * PCI bus as an ENA function with its BARs already mapped, then hands it
 * to a registered PCI driver whose id table matches.
 *
 * The rte_pci_device is malloc'd like the PCI bus does it, because a
 * detach through the PCI bus (rte_dev_remove, testpmd "detach") frees it
 * with free(). kdrv is NONE so that the bus' unmap is a no-op.
 *
 * Interrupts: the PMD's handle is UIO-typed on one end of a socket pair
 * the device holds the other end of. EAL then reads one token per
 * interrupt by itself, and rte_intr_enable/disable (which write 1/0 to a
 * UIO fd) reach the device, which stops signalling a driver that has
 * disabled its vector. That matters: a PMD whose callback unregistration
 * races with a running callback (-EAGAIN) keeps a stale callback, which
 * must never be called again once the port is freed.
 */

#include <dlfcn.h>
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_devargs.h>
#include <rte_eal.h>
#include <rte_interrupts.h>
#include <rte_memory.h>
#include <rte_log.h>

#include <bus_pci_driver.h>
#include <bus_pci_private.h>
#include <bus_vdev_driver.h>

#include "emu_vdev.h"

#define EMU_PCI_CLASS_ETHERNET 0x020000

static struct rte_pci_bus *
emu_pci_bus(void)
{
	struct rte_bus *bus = rte_bus_find_by_name("pci");

	if (bus == NULL)
		return NULL;
	return container_of(bus, struct rte_pci_bus, bus);
}

static bool
emu_pci_dev_listed(struct rte_pci_bus *pb, const struct rte_pci_device *pdev)
{
	const struct rte_pci_device *p;

	TAILQ_FOREACH (p, &pb->device_list, next)
		if (p == pdev)
			return true;
	return false;
}

/* Never registered: probes whether EAL still has a source for an fd. */
static void
emu_irq_probe_cb(void *arg)
{
	RTE_SET_USED(arg);
}

static bool
emu_id_field_match(uint32_t table, uint32_t dev, uint32_t any)
{
	return table == dev || table == any;
}

/*
 * Whether the PCI bus would hand the device to dr: some entry of its ID
 * table (ended by a zero vendor) has every field equal to the device's or
 * that field's wildcard. The class matters: a driver may claim a whole
 * class code for any vendor (net_idpf does from DPDK 25.11), which must
 * not take our Ethernet-class device unless the class code is the same.
 */
static bool
emu_id_match(const struct rte_pci_driver *dr, const struct rte_pci_id *id)
{
	const struct rte_pci_id *t;

	for (t = dr->id_table; t != NULL && t->vendor_id != 0; t++) {
		if (emu_id_field_match(
			    t->vendor_id, id->vendor_id, RTE_PCI_ANY_ID) &&
			emu_id_field_match(
				t->device_id, id->device_id, RTE_PCI_ANY_ID) &&
			emu_id_field_match(t->subsystem_vendor_id,
				id->subsystem_vendor_id, RTE_PCI_ANY_ID) &&
			emu_id_field_match(t->subsystem_device_id,
				id->subsystem_device_id, RTE_PCI_ANY_ID) &&
			emu_id_field_match(
				t->class_id, id->class_id, RTE_CLASS_ANY_ID))
			return true;
	}
	return false;
}

static const char *
emu_driver_path(const struct rte_pci_driver *dr)
{
	Dl_info info;

	if (dr->probe != NULL &&
		dladdr((void *)(uintptr_t)dr->probe, &info) != 0 &&
		info.dli_fname != NULL)
		return info.dli_fname;
	return "?";
}

static struct rte_pci_driver *
emu_pick_driver(struct emu_vdev *dev, struct rte_pci_bus *pb,
	const struct rte_pci_id *id)
{
	struct rte_pci_driver *dr;
	const char *path;

	TAILQ_FOREACH (dr, &pb->driver_list, next) {
		if (!emu_id_match(dr, id))
			continue;
		path = emu_driver_path(dr);
		if (dev->pmd[0] != '\0' && strstr(path, dev->pmd) == NULL)
			continue;
		emu_vdev_log(dev, RTE_LOG_INFO, "using PCI driver %s from %s",
			dr->driver.name, path);
		return dr;
	}
	emu_vdev_log(dev, RTE_LOG_ERR,
		"no PCI driver for %04x:%04x%s%s; candidates:", id->vendor_id,
		id->device_id, dev->pmd[0] != '\0' ? " matching pmd=" : "",
		dev->pmd);
	TAILQ_FOREACH (dr, &pb->driver_list, next)
		if (emu_id_match(dr, id))
			emu_vdev_log(dev, RTE_LOG_ERR, "  %s (%s)",
				dr->driver.name, emu_driver_path(dr));
	return NULL;
}

/* Devargs given to the PCI address with -a, for the PMD's own keys. */
static struct rte_devargs *
emu_pci_devargs(const char *pci_name)
{
	struct rte_devargs *da;

	RTE_EAL_DEVARGS_FOREACH("pci", da)
	if (strcmp(da->name, pci_name) == 0)
		return da;
	return NULL;
}

static struct rte_pci_device *
emu_pci_dev_new(struct emu_vdev *dev)
{
	struct rte_pci_device *pdev;

	pdev = calloc(1, sizeof(*pdev));
	if (pdev == NULL)
		return NULL;
	pdev->addr = dev->addr;
	rte_pci_device_name(&pdev->addr, pdev->name, sizeof(pdev->name));
	pdev->device.name = pdev->name;
	pdev->device.numa_node = SOCKET_ID_ANY;
	pdev->device.devargs = emu_pci_devargs(pdev->name);
	pdev->id.class_id = EMU_PCI_CLASS_ETHERNET;
	pdev->id.vendor_id = ENA_EMU_VENDOR_ID;
	pdev->id.device_id = dev->llq ? ENA_EMU_DEVICE_ID_LLQ
				      : ENA_EMU_DEVICE_ID;
	pdev->id.subsystem_vendor_id = ENA_EMU_VENDOR_ID;
	pdev->id.subsystem_device_id = pdev->id.device_id;
	pdev->kdrv = RTE_PCI_KDRV_NONE;
	pdev->max_vfs = 0;
	pdev->mem_resource[ENA_EMU_BAR_REGS].addr = dev->bar0;
	pdev->mem_resource[ENA_EMU_BAR_REGS].len = dev->bar0_len;
	pdev->mem_resource[ENA_EMU_BAR_REGS].phys_addr = (uint64_t)(uintptr_t)
								 dev->bar0;
	if (dev->bar2 != NULL) {
		pdev->mem_resource[ENA_EMU_BAR_LLQ].addr = dev->bar2;
		pdev->mem_resource[ENA_EMU_BAR_LLQ].len = dev->bar2_len;
		pdev->mem_resource[ENA_EMU_BAR_LLQ].phys_addr =
			(uint64_t)(uintptr_t)dev->bar2;
	}
	/* The bus frees bus_info with free() on unplug. */
	if (asprintf(&pdev->bus_info,
		    "vendor_id=%" PRIx16 ", device_id=%" PRIx16,
		    pdev->id.vendor_id, pdev->id.device_id) < 0)
		pdev->bus_info = NULL;
	pdev->device.bus_info = pdev->bus_info;
	return pdev;
}

static void
emu_pci_dev_free(struct rte_pci_device *pdev)
{
	rte_intr_instance_free(pdev->intr_handle);
	rte_intr_instance_free(pdev->vfio_req_intr_handle);
	free(pdev->bus_info);
	free(pdev);
}

static struct rte_intr_handle *
emu_intr_new(int fd)
{
	struct rte_intr_handle *h;

	h = rte_intr_instance_alloc(RTE_INTR_INSTANCE_F_PRIVATE);
	if (h == NULL)
		return NULL;
	if (rte_intr_type_set(h, RTE_INTR_HANDLE_UIO) != 0 ||
		rte_intr_fd_set(h, fd) != 0 ||
		rte_intr_dev_fd_set(h, fd) != 0) {
		rte_intr_instance_free(h);
		return NULL;
	}
	return h;
}

static int
emu_irq_line_open(struct emu_vdev *dev)
{
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_NONBLOCK | SOCK_CLOEXEC,
		    0, sv) != 0)
		return -errno;
	dev->irq_sock = sv[0];
	dev->irq_host_fd = sv[1];
	dev->irq_host_enabled = false;
	return 0;
}

/*
 * Closes the interrupt line. If EAL still lists a source on the host fd
 * (a callback the PMD failed to unregister), closing it would leave EAL
 * with a dead fd in its epoll set: the number is kept on a dormant
 * eventfd instead, and that one fd is left behind on purpose.
 */
static void
emu_irq_line_close(struct emu_vdev *dev)
{
	int rc = -ENOENT, dormant;

	if (dev->drain_intr != NULL) {
		rc = rte_intr_callback_unregister(
			dev->drain_intr, emu_irq_probe_cb, NULL);
		rte_intr_instance_free(dev->drain_intr);
		dev->drain_intr = NULL;
	}
	if (dev->irq_host_fd >= 0) {
		if (rc == -ENOENT) {
			close(dev->irq_host_fd);
		} else {
			emu_vdev_log(dev, RTE_LOG_WARNING,
				"PMD left an interrupt callback on fd %d: "
				"keeping the fd number on a dormant eventfd",
				dev->irq_host_fd);
			dormant = eventfd(0, EFD_CLOEXEC);
			if (dormant >= 0) {
				dup2(dormant, dev->irq_host_fd);
				close(dormant);
			}
		}
	}
	if (dev->irq_sock >= 0)
		close(dev->irq_sock);
	dev->irq_sock = -1;
	dev->irq_host_fd = -1;
	dev->irq_host_enabled = false;
}

static bool
emu_pci_addr_busy(struct emu_vdev *dev, struct rte_pci_bus *pb,
	const struct rte_pci_device *pdev)
{
	const struct rte_pci_device *p;

	TAILQ_FOREACH (p, &pb->device_list, next)
		if (rte_pci_addr_cmp(&p->addr, &pdev->addr) == 0) {
			emu_vdev_log(dev, RTE_LOG_ERR,
				"PCI address %s is already in use (addr=)",
				pdev->name);
			return true;
		}
	return false;
}

/* Lists pdev on the PCI bus and probes the chosen driver on it. */
static int
emu_pci_plug(struct emu_vdev *dev, struct rte_pci_bus *pb,
	struct rte_pci_device *pdev)
{
	struct rte_pci_driver *dr;
	int rc;

	pdev->device.bus = &pb->bus;
	TAILQ_INSERT_TAIL(&pb->device_list, pdev, next);
	dev->pci_dev = pdev;
	dev->on_pci_bus = true;
	emu_vdev_log(dev, RTE_LOG_INFO, "presented as PCI %s (%04x:%04x)%s",
		pdev->name, pdev->id.vendor_id, pdev->id.device_id,
		dev->secondary ? " in a secondary process" : "");

	if (strcmp(dev->pmd, "none") == 0)
		return 0;
	dr = emu_pick_driver(dev, pb, &pdev->id);
	if (dr == NULL) {
		rc = -ENOENT;
		goto unlist;
	}
	pdev->driver = dr;
	rc = dr->probe(dr, pdev);
	if (rc != 0) {
		emu_vdev_log(dev, RTE_LOG_ERR, "PCI driver %s probe failed: %d",
			dr->driver.name, rc);
		pdev->driver = NULL;
		rc = rc < 0 ? rc : -ENODEV;
		goto unlist;
	}
	pdev->device.driver = &dr->driver;
	if (strcmp(emu_driver_path(dr), "?") != 0)
		emu_vdev_bars_driver_set(dev, emu_driver_path(dr));
	return 0;

unlist:
	TAILQ_REMOVE(&pb->device_list, pdev, next);
	dev->pci_dev = NULL;
	dev->on_pci_bus = false;
	return rc;
}

static int
emu_pci_attach(struct emu_vdev *dev)
{
	struct rte_pci_bus *pb = emu_pci_bus();
	struct rte_pci_device *pdev;
	int rc;

	if (pb == NULL) {
		emu_vdev_log(dev, RTE_LOG_ERR, "PCI bus not available");
		return -ENODEV;
	}
	pdev = emu_pci_dev_new(dev);
	if (pdev == NULL)
		return -ENOMEM;
	if (emu_pci_addr_busy(dev, pb, pdev)) {
		free(pdev->bus_info);
		free(pdev);
		return -EEXIST;
	}

	rc = emu_irq_line_open(dev);
	if (rc != 0)
		goto fail;
	pdev->intr_handle = emu_intr_new(dev->irq_host_fd);
	dev->drain_intr = emu_intr_new(dev->irq_host_fd);
	if (pdev->intr_handle == NULL || dev->drain_intr == NULL) {
		rc = -ENOMEM;
		goto fail;
	}
	rc = emu_pci_plug(dev, pb, pdev);
	if (rc == 0)
		return 0;
fail:
	/* The caller closes the interrupt line once the worker let go. */
	emu_pci_dev_free(pdev);
	return rc;
}

/* Removes the PCI function if the PCI bus still has it. */
static int
emu_pci_detach(struct emu_vdev *dev)
{
	struct rte_pci_bus *pb = emu_pci_bus();
	struct rte_pci_device *pdev = dev->pci_dev;
	int rc;

	if (pdev != NULL && pb != NULL && emu_pci_dev_listed(pb, pdev)) {
		if (pdev->driver != NULL) {
			/*
			 * Driver remove + bus unlink + free, as hot-unplug.
			 * A secondary unplugs only its own view: rte_dev_remove
			 * there would ask the primary to remove the device.
			 */
			if (dev->secondary)
				rc = pb->bus.unplug(&pdev->device);
			else
				rc = rte_dev_remove(&pdev->device);
			if (rc != 0) {
				emu_vdev_log(dev, RTE_LOG_ERR,
					"removing PCI %s failed: %d",
					pdev->name, rc);
				return rc;
			}
		} else {
			TAILQ_REMOVE(&pb->device_list, pdev, next);
			emu_pci_dev_free(pdev);
		}
	}
	dev->pci_dev = NULL;
	dev->on_pci_bus = false;
	return 0;
}

/* Slots tried for a vdev without addr=: 0000:00:06.0 up to 00:1f.0. */
#define EMU_PCI_SLOT_FIRST 6u
#define EMU_PCI_SLOT_LAST  31u

/*
 * Without addr= every instance gets its own address: the first slot on
 * bus 0 that no PCI device (emulated or not) holds yet.
 */
static int
emu_pci_default_addr(const char *name, struct emu_vdev *cfg)
{
	struct rte_pci_bus *pb = emu_pci_bus();
	struct rte_pci_device *p;
	struct rte_pci_addr a;
	unsigned int slot;
	bool busy;

	if (cfg->addr_given || pb == NULL)
		return 0;
	for (slot = EMU_PCI_SLOT_FIRST; slot <= EMU_PCI_SLOT_LAST; slot++) {
		memset(&a, 0, sizeof(a));
		a.devid = (uint8_t)slot;
		busy = false;
		TAILQ_FOREACH (p, &pb->device_list, next)
			if (rte_pci_addr_cmp(&p->addr, &a) == 0) {
				busy = true;
				break;
			}
		if (!busy) {
			cfg->addr = a;
			return 0;
		}
	}
	emu_vdev_log(NULL, RTE_LOG_ERR,
		"%s: no free PCI address 0000:00:%02x.0..0000:00:%02x.0, "
		"give one with addr=",
		name, EMU_PCI_SLOT_FIRST, EMU_PCI_SLOT_LAST);
	return -EEXIST;
}

/*
 * Secondary processes: a view of each device a primary created, on the
 * primary's BAR memory, handed to the same PCI driver so that the ethdev
 * secondary attach runs. The primary's emulator thread serves the device;
 * the view owns nothing of it but its own rte_pci_device.
 */
static TAILQ_HEAD(, emu_vdev) emu_views = TAILQ_HEAD_INITIALIZER(emu_views);
static pthread_mutex_t emu_views_lock = PTHREAD_MUTEX_INITIALIZER;

static struct emu_vdev *
emu_view_find(const char *name, bool unlink)
{
	struct emu_vdev *v;

	pthread_mutex_lock(&emu_views_lock);
	TAILQ_FOREACH (v, &emu_views, next)
		if (strcmp(v->name, name) == 0) {
			if (unlink)
				TAILQ_REMOVE(&emu_views, v, next);
			break;
		}
	pthread_mutex_unlock(&emu_views_lock);
	return v;
}

static int
emu_vdev_probe_secondary(struct rte_vdev_device *vdev, const char *name)
{
	struct rte_pci_bus *pb = emu_pci_bus();
	struct rte_pci_device *pdev;
	struct emu_vdev *v;
	int rc;

	if (emu_view_find(name, false) != NULL) {
		emu_vdev_log(NULL, RTE_LOG_ERR, "%s exists already", name);
		return -EEXIST;
	}
	v = calloc(1, sizeof(*v));
	if (v == NULL)
		return -ENOMEM;
	v->secondary = true;
	v->irq_fd = -1;
	v->irq_sock = -1;
	v->irq_host_fd = -1;
	pthread_mutex_init(&v->irq_lock, NULL);
	rc = emu_vdev_parse(v, name, rte_vdev_device_args(vdev), true);
	if (rc != 0)
		goto free_view;
	if (pb == NULL) {
		emu_vdev_log(v, RTE_LOG_ERR, "PCI bus not available");
		rc = -ENODEV;
		goto free_view;
	}
	rc = emu_vdev_bars_lookup(v);
	if (rc != 0)
		goto free_view;
	pdev = emu_pci_dev_new(v);
	if (pdev == NULL) {
		rc = -ENOMEM;
		goto free_view;
	}
	/* No vector here: the primary takes the device's interrupts. */
	pdev->intr_handle = rte_intr_instance_alloc(
		RTE_INTR_INSTANCE_F_PRIVATE);
	if (pdev->intr_handle == NULL) {
		rc = -ENOMEM;
		goto free_pdev;
	}
	if (emu_pci_addr_busy(v, pb, pdev)) {
		rc = -EEXIST;
		goto free_pdev;
	}
	rc = emu_pci_plug(v, pb, pdev);
	if (rc != 0)
		goto free_pdev;
	pthread_mutex_lock(&emu_views_lock);
	TAILQ_INSERT_TAIL(&emu_views, v, next);
	pthread_mutex_unlock(&emu_views_lock);
	return 0;

free_pdev:
	emu_pci_dev_free(pdev);
free_view:
	free(v);
	return rc;
}

/*
 * The vdev bus builds a secondary's copy of a primary's vdev with devargs
 * it never lists, and its cleanup and unplug free only the device: the
 * driver the devargs were made for releases them.
 */
static void
emu_vdev_devargs_release(struct rte_vdev_device *vdev)
{
	struct rte_devargs *own = vdev->device.devargs, *da;

	if (own == NULL)
		return;
	RTE_EAL_DEVARGS_FOREACH("vdev", da)
	if (da == own)
		return;
	vdev->device.devargs = NULL;
	vdev->device.name = "ena_emu (removed)";
	rte_devargs_reset(own);
	free(own);
}

static int
emu_vdev_remove_secondary(struct rte_vdev_device *vdev)
{
	struct emu_vdev *v = emu_view_find(rte_vdev_device_name(vdev), true);
	int rc;

	if (v == NULL)
		return -ENODEV;
	rc = emu_pci_detach(v);
	if (rc != 0) {
		pthread_mutex_lock(&emu_views_lock);
		TAILQ_INSERT_TAIL(&emu_views, v, next);
		pthread_mutex_unlock(&emu_views_lock);
		return rc;
	}
	free(v);
	emu_vdev_devargs_release(vdev);
	return 0;
}

static int
emu_vdev_probe(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	struct emu_vdev *dev, probe;
	int rc;

	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		return emu_vdev_probe_secondary(vdev, name);
	if (emu_vdev_find(name) != NULL) {
		emu_vdev_log(NULL, RTE_LOG_ERR, "%s exists already", name);
		return -EEXIST;
	}
	/* The PCI address decides the BAR memzone header: settle it first. */
	memset(&probe, 0, sizeof(probe));
	rc = emu_vdev_parse(&probe, name, rte_vdev_device_args(vdev), true);
	if (rc == 0)
		rc = emu_pci_default_addr(name, &probe);
	if (rc != 0)
		return rc;
	if (!probe.thread && strcmp(probe.pmd, "none") != 0)
		emu_vdev_log(NULL, RTE_LOG_WARNING,
			"%s: thread=0 with a PMD attached: nothing serves the "
			"device until someone calls ena_emu_poll()",
			name);
	dev = emu_vdev_new(name, rte_vdev_device_args(vdev), true, &probe.addr);
	if (dev == NULL)
		return -EINVAL;
	rc = emu_vdev_thread_attach(dev);
	if (rc != 0) {
		emu_vdev_free(dev);
		return rc;
	}
	rc = emu_pci_attach(dev);
	if (rc != 0) {
		emu_vdev_thread_detach(dev);
		emu_irq_line_close(dev);
		emu_vdev_free(dev);
		return rc;
	}
	return 0;
}

static int
emu_vdev_remove(struct rte_vdev_device *vdev)
{
	struct emu_vdev *dev;
	int rc;

	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		return emu_vdev_remove_secondary(vdev);
	dev = emu_vdev_find(rte_vdev_device_name(vdev));
	if (dev == NULL)
		return -ENODEV;
	rc = emu_pci_detach(dev);
	if (rc != 0)
		return rc;
	emu_vdev_irq_line_quiesce(dev);
	emu_vdev_thread_detach(dev);
	emu_irq_line_close(dev);
	emu_vdev_free(dev);
	return 0;
}

static struct rte_vdev_driver ena_emu_vdev_drv = {
	.probe = emu_vdev_probe,
	.remove = emu_vdev_remove,
};

RTE_PMD_REGISTER_VDEV(ena_emu, ena_emu_vdev_drv);
RTE_PMD_REGISTER_PARAM_STRING(ena_emu,
	"addr=<DDDD:BB:DD.F> pmd=<so-path-substring|none> queues=<1-128> "
	"llq=<0|1> ring_size=<pow2> mtu_max=<int> wire=<spec> "
	"link=<up|down> thread=<0|1> mac=<xx:xx:xx:xx:xx:xx> "
	"ka_stop=<0|1> tx_comp_stop=<0|1> admin_delay_ms=<ms> "
	"admin_drop=<n> mmio_late_ms=<ms> tx_bad_req_id=<n> "
	"rx_bad_req_id=<n> fatal=<0|1> link_flap_ms=<ms> tx_reorder=<0|1> "
	"reset_stuck=<0|1> version=<reg> ctrl_version=<reg> "
	"dma_width=<bits> admin_err=<n> admin_err_status=<status> "
	"admin_err_opcode=<opcode> rx_split=<n> llq_burst=<bytes> "
	"rx_stale_req_id=<n> request_reset=<n> rx_long=<n>");

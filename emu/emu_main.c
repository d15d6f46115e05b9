/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */

/*
 * Device lifetime in the DPDK front end, the shared emulator thread and
 * the public C API of librte_ena_emu.so.
 *
 * One thread serves every device that asked for it. It walks the device
 * list under emu_list_lock, so unlinking a device under the same lock is
 * enough to know the thread no longer touches it.
 */

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_pause.h>

#include "emu_dev.h"
#include "emu_vdev.h"

RTE_LOG_REGISTER(ena_emu_logtype, pmd.net.ena_emu, NOTICE);

#define EMU_DEFAULT_ADDR "0000:00:06.0"

static TAILQ_HEAD(, emu_vdev) emu_devs = TAILQ_HEAD_INITIALIZER(emu_devs);
static pthread_mutex_t emu_list_lock = PTHREAD_MUTEX_INITIALIZER;

/* Thread control; only touched under emu_list_lock. */
static pthread_t emu_thread;
static bool emu_thread_running;
static unsigned int emu_thread_users;
static volatile bool emu_thread_stop;

RTE_INIT(emu_vdev_host_init)
{
	ena_emu_host_default_set(&emu_vdev_host_ops, NULL);
}

void
emu_vdev_log(const struct emu_vdev *v, uint32_t level, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	rte_log(level, ena_emu_logtype, "ena_emu %s: %s\n",
		v != NULL ? v->name : "-", msg);
}

/* Front-end keys: addr=, pmd=, thread=. */
static int
emu_vdev_key(void *arg, const char *name, const char *key, const char *val)
{
	struct emu_vdev *v = arg;

	if (strcmp(key, "addr") == 0) {
		if (rte_pci_addr_parse(val, &v->addr) != 0) {
			emu_vdev_log(NULL, RTE_LOG_ERR,
				"%s: bad PCI address '%s' for addr", name, val);
			return -EINVAL;
		}
		v->addr_given = true;
		return 0;
	}
	if (strcmp(key, "pmd") == 0) {
		if (val[0] == '\0' || strlen(val) >= sizeof(v->pmd)) {
			emu_vdev_log(NULL, RTE_LOG_ERR,
				"%s: pmd needs a value of 1..%zu characters",
				name, sizeof(v->pmd) - 1);
			return -EINVAL;
		}
		strcpy(v->pmd, val);
		return 0;
	}
	if (strcmp(key, "thread") == 0) {
		if (strcmp(val, "1") != 0 && strcmp(val, "0") != 0) {
			emu_vdev_log(NULL, RTE_LOG_ERR,
				"%s: bad value '%s' for thread (want 1|0)",
				name, val);
			return -EINVAL;
		}
		v->thread = val[0] == '1';
		return 0;
	}
	return -ENOENT;
}

static int
emu_vdev_parse_cfg(struct emu_vdev *v, const char *name, const char *args,
	bool vdev, struct ena_emu_config *cfg)
{
	if (name == NULL || strlen(name) >= sizeof(v->name)) {
		emu_vdev_log(
			NULL, RTE_LOG_ERR, "device name missing or too long");
		return -EINVAL;
	}
	strcpy(v->name, name);
	rte_pci_addr_parse(EMU_DEFAULT_ADDR, &v->addr);
	v->addr_given = false;
	v->pmd[0] = '\0';
	v->thread = vdev;
	if (ena_emu_config_parse(name, args, cfg, emu_vdev_key, v) != 0)
		return -EINVAL;
	v->llq = cfg->llq;
	return 0;
}

int
emu_vdev_parse(
	struct emu_vdev *v, const char *name, const char *args, bool vdev)
{
	struct ena_emu_config cfg;

	return emu_vdev_parse_cfg(v, name, args, vdev, &cfg);
}

static struct emu_vdev *
emu_vdev_alloc(void)
{
	struct emu_vdev *v = calloc(1, sizeof(*v));

	if (v == NULL)
		return NULL;
	v->irq_fd = -1;
	v->irq_sock = -1;
	v->irq_host_fd = -1;
	pthread_mutex_init(&v->irq_lock, NULL);
	return v;
}

struct emu_vdev *
emu_vdev_new(const char *name, const char *args, bool vdev,
	const struct rte_pci_addr *addr)
{
	struct ena_emu_config cfg;
	size_t bar0_len, bar2_len;
	struct emu_vdev *v;

	v = emu_vdev_alloc();
	if (v == NULL)
		return NULL;
	if (emu_vdev_parse_cfg(v, name, args, vdev, &cfg) != 0)
		goto fail;
	if (addr != NULL)
		v->addr = *addr;
	ena_emu_bar_sizes(&cfg, &bar0_len, &bar2_len);
	if (emu_vdev_bars_alloc(v, bar0_len, bar2_len) != 0 ||
		emu_vdev_dma_init(v) != 0)
		goto fail;
	v->irq_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (v->irq_fd < 0)
		goto fail;
	v->dev = ena_emu_dev_new(&cfg, &emu_vdev_host_ops, v, v->bar0,
		v->bar0_len, v->bar2, v->bar2_len);
	if (v->dev == NULL)
		goto fail;
	return v;
fail:
	emu_vdev_free(v);
	return NULL;
}

void
emu_vdev_free(struct emu_vdev *v)
{
	if (v == NULL)
		return;
	ena_emu_dev_delete(v->dev);
	if (v->irq_fd >= 0)
		close(v->irq_fd);
	emu_vdev_dma_fini(v);
	emu_vdev_bars_free(v);
	pthread_mutex_destroy(&v->irq_lock);
	free(v);
}

/* All device work once; the single-worker rule holds for the caller. */
static unsigned int
emu_vdev_step(struct emu_vdev *v)
{
	unsigned int work;

	/* The host's enable/disable first: it decides who may be signalled. */
	work = emu_vdev_irq_ctl_poll(v, false);
	work += ena_emu_dev_step(v->dev);
	v->step_idle = work == 0;
	return work;
}

static void
emu_backoff(unsigned int idle)
{
	struct timespec ts = { 0, 0 };

	if (idle < 256) {
		rte_pause();
	} else if (idle < 2048) {
		sched_yield();
	} else {
		/* Long idle: give the shared cores back to the app. */
		ts.tv_nsec = idle < 8192 ? 20000 : 200000;
		nanosleep(&ts, NULL);
	}
}

static void *
emu_thread_main(void *arg)
{
	struct emu_vdev *v;
	unsigned int idle = 0, work;

	RTE_SET_USED(arg);
	while (!emu_thread_stop) {
		work = 0;
		pthread_mutex_lock(&emu_list_lock);
		TAILQ_FOREACH (v, &emu_devs, next)
			if (v->thread)
				work += emu_vdev_step(v);
		pthread_mutex_unlock(&emu_list_lock);
		if (work != 0)
			idle = 0;
		else if (idle < UINT32_MAX)
			idle++;
		emu_backoff(idle);
	}
	return NULL;
}

/* Caller holds emu_list_lock. */
static int
emu_thread_get(void)
{
	int rc;

	if (emu_thread_users++ > 0)
		return 0;
	emu_thread_stop = false;
	rc = rte_ctrl_thread_create(
		&emu_thread, "ena-emu", NULL, emu_thread_main, NULL);
	if (rc != 0) {
		emu_thread_users--;
		return -rc;
	}
	emu_thread_running = true;
	return 0;
}

/* Caller holds emu_list_lock; returns the thread to join, if any. */
static bool
emu_thread_put(void)
{
	if (--emu_thread_users > 0)
		return false;
	emu_thread_stop = true;
	return emu_thread_running;
}

int
emu_vdev_thread_attach(struct emu_vdev *v)
{
	int rc = 0;

	pthread_mutex_lock(&emu_list_lock);
	if (v->thread)
		rc = emu_thread_get();
	if (rc == 0)
		TAILQ_INSERT_TAIL(&emu_devs, v, next);
	pthread_mutex_unlock(&emu_list_lock);
	if (rc != 0)
		emu_vdev_log(v, RTE_LOG_ERR,
			"cannot start the emulator thread: %s", strerror(-rc));
	return rc;
}

void
emu_vdev_thread_detach(struct emu_vdev *v)
{
	bool join = false;

	pthread_mutex_lock(&emu_list_lock);
	TAILQ_REMOVE(&emu_devs, v, next);
	if (v->thread)
		join = emu_thread_put();
	pthread_mutex_unlock(&emu_list_lock);
	if (join) {
		pthread_join(emu_thread, NULL);
		pthread_mutex_lock(&emu_list_lock);
		if (emu_thread_users == 0)
			emu_thread_running = false;
		pthread_mutex_unlock(&emu_list_lock);
	}
}

struct emu_vdev *
emu_vdev_find(const char *name)
{
	struct emu_vdev *v, *found = NULL;

	if (name == NULL)
		return NULL;
	pthread_mutex_lock(&emu_list_lock);
	TAILQ_FOREACH (v, &emu_devs, next)
		if (strcmp(v->name, name) == 0) {
			found = v;
			break;
		}
	pthread_mutex_unlock(&emu_list_lock);
	return found;
}

/* ---- public API ------------------------------------------------------------ */

static struct emu_vdev *
emu_vdev_of(struct ena_emu_dev *dev)
{
	return dev != NULL ? dev->host_ctx : NULL;
}

struct ena_emu_dev *
ena_emu_dev_create(const char *name, const char *devargs)
{
	struct emu_vdev *v;

	if (name == NULL || name[0] == '\0') {
		emu_vdev_log(NULL, RTE_LOG_ERR, "device name missing");
		return NULL;
	}
	v = emu_vdev_new(name, devargs, false, NULL);
	if (v == NULL)
		return NULL;
	if (emu_vdev_thread_attach(v) != 0) {
		emu_vdev_free(v);
		return NULL;
	}
	return v->dev;
}

void
ena_emu_dev_destroy(struct ena_emu_dev *dev)
{
	struct emu_vdev *v = emu_vdev_of(dev);

	if (v == NULL)
		return;
	emu_vdev_thread_detach(v);
	emu_vdev_free(v);
}

struct ena_emu_dev *
ena_emu_dev_find(const char *name)
{
	struct emu_vdev *v = emu_vdev_find(name);

	return v != NULL ? v->dev : NULL;
}

void *
ena_emu_bar(struct ena_emu_dev *dev, int bar, size_t *len)
{
	struct emu_vdev *v = emu_vdev_of(dev);
	void *base = NULL;
	size_t l = 0;

	if (v != NULL && bar == ENA_EMU_BAR_REGS) {
		base = v->bar0;
		l = v->bar0_len;
	} else if (v != NULL && bar == ENA_EMU_BAR_LLQ) {
		base = v->bar2;
		l = v->bar2_len;
	}
	if (len != NULL)
		*len = l;
	return base;
}

int
ena_emu_irq_fd(struct ena_emu_dev *dev)
{
	struct emu_vdev *v = emu_vdev_of(dev);

	return v != NULL ? v->irq_fd : -EINVAL;
}

unsigned int
ena_emu_poll(struct ena_emu_dev *dev)
{
	struct emu_vdev *v = emu_vdev_of(dev);

	if (v == NULL || v->thread)
		return 0;
	return emu_vdev_step(v);
}

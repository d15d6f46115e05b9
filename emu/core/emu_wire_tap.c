/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */
/*
 * wire=tap:<ifname>: the port's peer is a Linux TAP interface, so that the
 * kernel's network stack (ping, tcpdump, a bridge to another VM's NIC) is
 * on the other end of the cable. Frames are plain Ethernet frames without
 * FCS (IFF_NO_PI). The interface is created when missing and disappears
 * with the device unless it was made persistent beforehand.
 */

#include <errno.h>
#include <fcntl.h>
#include <linux/if_tun.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "emu_io_priv.h"

struct ena_emu_wire_tap {
	int fd;
	char ifname[IFNAMSIZ];
};

int
ena_emu_wire_tap_open(struct ena_emu_dev *dev, const char *ifname)
{
	struct ena_emu_wire_tap *t;
	struct ifreq ifr;
	int fd;

	if (ifname[0] == '\0' || strlen(ifname) >= IFNAMSIZ ||
		strpbrk(ifname, "/ \t") != NULL) {
		ena_emu_log(dev, EMU_LOG_ERR,
			"wire=tap:%s: want an interface name of 1..%u characters",
			ifname, IFNAMSIZ - 1);
		return -EINVAL;
	}
	fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		ena_emu_log(dev, EMU_LOG_ERR, "wire=tap:%s: /dev/net/tun: %s",
			ifname, strerror(errno));
		return -errno;
	}
	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
	strcpy(ifr.ifr_name, ifname);
	if (ioctl(fd, TUNSETIFF, &ifr) != 0) {
		ena_emu_log(dev, EMU_LOG_ERR,
			"wire=tap:%s: cannot attach (%s; needs CAP_NET_ADMIN, "
			"and an existing %s must be a TAP interface)",
			ifname, strerror(errno), ifname);
		close(fd);
		return -EPERM;
	}
	t = calloc(1, sizeof(*t));
	if (t == NULL) {
		close(fd);
		return -ENOMEM;
	}
	t->fd = fd;
	strcpy(t->ifname, ifr.ifr_name);
	dev->io->wire.tap = t;
	ena_emu_log(dev, EMU_LOG_INFO, "wire: TAP interface %s", t->ifname);
	return 0;
}

void
ena_emu_wire_tap_close(struct ena_emu_dev *dev)
{
	struct ena_emu_wire_tap *t = dev->io->wire.tap;

	if (t == NULL)
		return;
	close(t->fd);
	free(t);
	dev->io->wire.tap = NULL;
}

int
ena_emu_wire_tap_fd(const struct ena_emu_dev *dev)
{
	return dev->io->wire.tap != NULL ? dev->io->wire.tap->fd : -1;
}

void
ena_emu_wire_tap_tx(struct ena_emu_dev *dev, const uint8_t *f, uint32_t len)
{
	struct ena_emu_io *io = dev->io;

	/* A full queue or a down interface loses the frame, as a cable would. */
	if (write(io->wire.tap->fd, f, len) == (ssize_t)len) {
		io->c.tap_written++;
		return;
	}
	io->c.tap_errors++;
	dev->cnt.tx_drops++;
}

unsigned int
ena_emu_wire_tap_poll(struct ena_emu_dev *dev)
{
	struct ena_emu_io *io = dev->io;
	unsigned int n;
	ssize_t len;

	if (io->rx_created == 0)
		return 0;
	for (n = 0; n < ENA_EMU_IO_BURST; n++) {
		len = read(io->wire.tap->fd, io->frame, ENA_EMU_IO_FRAME_MAX);
		if (len <= 0)
			break;
		io->c.tap_read++;
		ena_emu_rx_deliver(dev, io->frame, (uint32_t)len, true);
	}
	return n;
}

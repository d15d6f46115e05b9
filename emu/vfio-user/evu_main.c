/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */

/*
 * ena-vfio-user: serves emulated ENA functions to vfio-user clients.
 *
 *   ena-vfio-user [--log-level N] [--control PATH] [--pidfile PATH]
 *                 --socket PATH [--name NAME] [OPTIONS...]
 *                [--socket PATH [--name NAME] [OPTIONS...]] ...
 *
 * Each --socket starts a function; the OPTIONS after it are its device
 * options, the devargs of the ena_emu vdev (key=value, several per
 * argument with commas, or several arguments). Functions of one process
 * may share a peer wire (wire=peer:<name of the other>).
 *
 * The control socket takes one command per line and answers each with
 * lines ending in "ok" or "error: ...":
 *   knob <name> <knob> <value>     set a fault knob (as the devargs)
 *   link <name> up|down            change the link
 *   stats [<name>]                 counters of one or every function
 * SIGUSR1 prints the counters; SIGINT/SIGTERM print them and exit.
 */

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "emu_dev.h"
#include "evu.h"

#define EVU_FUNCS_MAX	16u
#define EVU_CTL_CLIENTS 4
#define EVU_OPTS_LEN	4096

unsigned int evu_log_level = EMU_LOG_INFO;

static const char *const evu_level_names[] = {
	[EMU_LOG_ERR] = "error",
	[EMU_LOG_WARNING] = "warning",
	[EMU_LOG_NOTICE] = "notice",
	[EMU_LOG_INFO] = "info",
	[EMU_LOG_DEBUG] = "debug",
};

void
evu_log(unsigned int level, const char *fmt, ...)
{
	struct timespec ts;
	va_list ap;

	if (level > evu_log_level)
		return;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	fprintf(stderr, "[%5ld.%03ld] %s: ", (long)ts.tv_sec,
		ts.tv_nsec / 1000000,
		level >= EMU_LOG_ERR && level <= EMU_LOG_DEBUG
			? evu_level_names[level]
			: "log");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static struct evu_func *evu_funcs[EVU_FUNCS_MAX];
static unsigned int evu_nfuncs;

static void
evu_usage(FILE *out)
{
	fprintf(out,
		"usage: ena-vfio-user [--log-level error|warning|notice|info|debug]\n"
		"                     [--control PATH] [--pidfile PATH]\n"
		"                     --socket PATH [--name NAME] [OPTIONS...]\n"
		"                    [--socket PATH [--name NAME] [OPTIONS...]] ...\n"
		"Serves one emulated ENA PCI function per --socket to a vfio-user\n"
		"client (QEMU >= 10.1: -device '{\"driver\":\"vfio-user-pci\",\n"
		"\"socket\":{\"type\":\"unix\",\"path\":\"PATH\"}}').\n"
		"OPTIONS: key=value[,key=value...], the ena_emu vdev devargs:\n"
		"  queues=1-128 llq=0|1 ring_size=64-16384 mtu_max=68-16384\n"
		"  wire=loopback|sink|peer:<name>|pcap:<in>,<out>|gen:<size>|tap:<ifname>\n"
		"  link=up|down mac=xx:xx:xx:xx:xx:xx tx_reorder=0|1 and the fault\n"
		"  knobs (ka_stop=1, tx_comp_stop=1, ...; see doc/guides/nics/ena.rst)\n"
		"Names default to ena0, ena1, ... in --socket order.\n");
}

/* vdev-only keys get a clear message instead of "unknown". */
static int
evu_extra_key(void *arg, const char *name, const char *key, const char *val)
{
	(void)arg;
	(void)val;
	if (strcmp(key, "addr") == 0 || strcmp(key, "pmd") == 0 ||
		strcmp(key, "thread") == 0) {
		evu_log(EMU_LOG_ERR,
			"%s: '%s' is an option of the ena_emu vdev only (the "
			"guest chooses the PCI address and the driver)",
			name, key);
		return -EINVAL;
	}
	return -ENOENT;
}

static int
evu_level_parse(const char *s)
{
	unsigned int i;
	char *end;
	long v;

	for (i = EMU_LOG_ERR; i <= EMU_LOG_DEBUG; i++)
		if (strcmp(s, evu_level_names[i]) == 0)
			return (int)i;
	v = strtol(s, &end, 10);
	if (*end == '\0' && v >= EMU_LOG_ERR && v <= EMU_LOG_DEBUG)
		return (int)v;
	return -1;
}

struct evu_pending {
	const char *sock;
	const char *name;
	char opts[EVU_OPTS_LEN];
};

static int
evu_func_add(struct evu_pending *p)
{
	struct ena_emu_config cfg;
	char name[64];
	struct evu_func *f;

	if (evu_nfuncs == EVU_FUNCS_MAX) {
		evu_log(EMU_LOG_ERR, "at most %u functions", EVU_FUNCS_MAX);
		return -1;
	}
	if (p->name != NULL)
		snprintf(name, sizeof(name), "%s", p->name);
	else
		snprintf(name, sizeof(name), "ena%u", evu_nfuncs);
	if (ena_emu_config_parse(name, p->opts, &cfg, evu_extra_key, NULL) != 0)
		return -1;
	f = evu_func_new(name, p->sock, &cfg);
	if (f == NULL)
		return -1;
	evu_funcs[evu_nfuncs++] = f;
	return 0;
}

static struct evu_func *
evu_func_find(const char *name)
{
	unsigned int i;

	for (i = 0; i < evu_nfuncs; i++)
		if (strcmp(evu_funcs[i]->name, name) == 0)
			return evu_funcs[i];
	return NULL;
}

static void
evu_stats_print(FILE *out, const char *only)
{
	char buf[2048];
	unsigned int i;

	for (i = 0; i < evu_nfuncs; i++) {
		if (only != NULL && strcmp(evu_funcs[i]->name, only) != 0)
			continue;
		evu_func_stats(evu_funcs[i], buf, sizeof(buf));
		fputs(buf, out);
	}
	fflush(out);
}

/* ---- control socket ---------------------------------------------------------- */

struct evu_ctl_client {
	int fd;
	char buf[512];
	size_t len;
};

static int
evu_ctl_listen(const char *path)
{
	struct sockaddr_un a;
	int fd;

	if (strlen(path) >= sizeof(a.sun_path)) {
		evu_log(EMU_LOG_ERR, "control socket path too long: %s", path);
		return -1;
	}
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0)
		return -1;
	memset(&a, 0, sizeof(a));
	a.sun_family = AF_UNIX;
	strcpy(a.sun_path, path);
	unlink(path);
	if (bind(fd, (struct sockaddr *)&a, sizeof(a)) != 0 ||
		listen(fd, EVU_CTL_CLIENTS) != 0) {
		evu_log(EMU_LOG_ERR, "control socket %s: %s", path,
			strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

static void
evu_ctl_reply(int fd, const char *fmt, ...)
{
	char line[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line) - 1, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n > sizeof(line) - 2)
		n = (int)sizeof(line) - 2;
	line[n++] = '\n';
	if (write(fd, line, (size_t)n) < 0)
		evu_log(EMU_LOG_DEBUG, "control reply: %s", strerror(errno));
}

static int
evu_knob_find(const char *name)
{
	unsigned int i;

	for (i = 0; i < ENA_EMU_FAULT_MAX; i++)
		if (strcmp(ena_emu_fault_name(i), name) == 0)
			return (int)i;
	return -1;
}

static void
evu_ctl_command(int fd, char *line)
{
	char *argv[5], *save = NULL, *tok;
	struct evu_func *f = NULL;
	char buf[2048];
	unsigned int argc = 0, i;
	uint64_t v;
	int knob;

	for (tok = strtok_r(line, " \t\r", &save); tok != NULL && argc < 5;
		tok = strtok_r(NULL, " \t\r", &save))
		argv[argc++] = tok;
	if (argc == 0)
		return;
	if (argc >= 2 && strcmp(argv[0], "stats") != 0) {
		f = evu_func_find(argv[1]);
		if (f == NULL) {
			evu_ctl_reply(fd, "error: no function %s", argv[1]);
			return;
		}
	}
	if (strcmp(argv[0], "stats") == 0 && argc <= 2) {
		for (i = 0; i < evu_nfuncs; i++) {
			if (argc == 2 &&
				strcmp(evu_funcs[i]->name, argv[1]) != 0)
				continue;
			evu_func_stats(evu_funcs[i], buf, sizeof(buf));
			if (write(fd, buf, strlen(buf)) < 0)
				return;
		}
		evu_ctl_reply(fd, "ok");
	} else if (strcmp(argv[0], "knob") == 0 && argc == 4) {
		knob = evu_knob_find(argv[2]);
		if (knob < 0 ||
			ena_emu_parse_dec(argv[3], UINT32_MAX, &v) != 0) {
			evu_ctl_reply(fd, "error: bad knob '%s' or value '%s'",
				argv[2], argv[3]);
			return;
		}
		ena_emu_fault_set(f->dev, (enum ena_emu_fault)knob, v);
		evu_log(EMU_LOG_NOTICE, "%s: knob %s = %" PRIu64, f->name,
			argv[2], v);
		evu_ctl_reply(fd, "ok");
	} else if (strcmp(argv[0], "link") == 0 && argc == 3 &&
		(strcmp(argv[2], "up") == 0 || strcmp(argv[2], "down") == 0)) {
		ena_emu_link_set(f->dev, strcmp(argv[2], "up") == 0);
		evu_log(EMU_LOG_NOTICE, "%s: link %s", f->name, argv[2]);
		evu_ctl_reply(fd, "ok");
	} else {
		evu_ctl_reply(fd,
			"error: want 'knob <name> <knob> <value>', 'link <name> "
			"up|down' or 'stats [<name>]'");
	}
}

/* Reads what a client sent; false when it is gone. */
static bool
evu_ctl_serve(struct evu_ctl_client *c)
{
	ssize_t n;
	char *nl;

	n = read(c->fd, c->buf + c->len, sizeof(c->buf) - 1 - c->len);
	if (n <= 0)
		return n < 0 && (errno == EAGAIN || errno == EINTR);
	c->len += (size_t)n;
	c->buf[c->len] = '\0';
	while ((nl = strchr(c->buf, '\n')) != NULL) {
		*nl = '\0';
		evu_ctl_command(c->fd, c->buf);
		c->len -= (size_t)(nl + 1 - c->buf);
		memmove(c->buf, nl + 1, c->len + 1);
	}
	if (c->len == sizeof(c->buf) - 1) {
		evu_ctl_reply(c->fd, "error: line too long");
		return false;
	}
	return true;
}

/* ---- main loop ---------------------------------------------------------------- */

static int
evu_sigfd(void)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGPIPE);
	if (sigprocmask(SIG_BLOCK, &set, NULL) != 0)
		return -1;
	return signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
}

/*
 * Waits for any socket, wire or signal; after a busy pass it only checks,
 * and the longer the device stays idle, the longer it sleeps, up to 10 ms
 * (timers such as keep-alive need no better).
 */
static int
evu_loop(int sfd, int ctl_fd)
{
	struct pollfd pfd[2 * EVU_FUNCS_MAX + 2 + EVU_CTL_CLIENTS];
	struct evu_ctl_client ctl[EVU_CTL_CLIENTS] = { { -1, { 0 }, 0 } };
	struct signalfd_siginfo si;
	unsigned int i, n, work, idle = 0, nctl = 0;
	int timeout, fd;

	for (;;) {
		n = 0;
		pfd[n].fd = sfd;
		pfd[n++].events = POLLIN;
		if (ctl_fd >= 0) {
			pfd[n].fd = ctl_fd;
			pfd[n++].events = POLLIN;
		}
		for (i = 0; i < nctl; i++) {
			pfd[n].fd = ctl[i].fd;
			pfd[n++].events = POLLIN;
		}
		for (i = 0; i < evu_nfuncs; i++) {
			pfd[n].fd = evu_func_poll_fd(evu_funcs[i]);
			pfd[n++].events = POLLIN;
			fd = ena_emu_dev_wire_fd(evu_funcs[i]->dev);
			if (fd >= 0) {
				pfd[n].fd = fd;
				pfd[n++].events = POLLIN;
			}
		}
		timeout = idle == 0 ? 0 : idle < 64 ? 1 : 10;
		if (poll(pfd, n, timeout) < 0 && errno != EINTR) {
			evu_log(EMU_LOG_ERR, "poll: %s", strerror(errno));
			return 1;
		}
		while (read(sfd, &si, sizeof(si)) == (ssize_t)sizeof(si)) {
			if (si.ssi_signo == SIGUSR1) {
				evu_stats_print(stdout, NULL);
			} else if (si.ssi_signo != SIGPIPE) {
				evu_log(EMU_LOG_NOTICE, "signal %u: stopping",
					si.ssi_signo);
				return 0;
			}
		}
		if (ctl_fd >= 0) {
			fd = accept4(ctl_fd, NULL, NULL,
				SOCK_CLOEXEC | SOCK_NONBLOCK);
			if (fd >= 0 && nctl < EVU_CTL_CLIENTS) {
				ctl[nctl].fd = fd;
				ctl[nctl++].len = 0;
			} else if (fd >= 0) {
				close(fd);
			}
		}
		for (i = 0; i < nctl;) {
			if (evu_ctl_serve(&ctl[i])) {
				i++;
				continue;
			}
			close(ctl[i].fd);
			ctl[i] = ctl[--nctl];
		}
		work = 0;
		for (i = 0; i < evu_nfuncs; i++)
			work += evu_func_run(evu_funcs[i]);
		idle = work != 0 ? 0 : idle + (idle < 1000);
	}
}

/*
 * Option parsing for any number of functions (each --socket starts one and
 * takes the device options after it), then set-up and the serve loop: a
 * program's main, read top to bottom.
 */
int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "socket", required_argument, NULL, 's' },
		{ "name", required_argument, NULL, 'n' },
		{ "log-level", required_argument, NULL, 'l' },
		{ "control", required_argument, NULL, 'c' },
		{ "pidfile", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct evu_pending pend[EVU_FUNCS_MAX];
	const char *control = NULL, *pidfile = NULL;
	unsigned int npend = 0, i;
	int opt, level, sfd, ctl_fd = -1, rc = 0;
	FILE *pf;

	ena_emu_host_default_set(&evu_host_ops, NULL);
	memset(pend, 0, sizeof(pend));
	/* "+": options stop at the first device option, handled below. */
	while (optind < argc) {
		opt = getopt_long(argc, argv, "+h", longopts, NULL);
		if (opt == -1) {
			/* A device option of the current function. */
			if (npend == 0) {
				fprintf(stderr,
					"ena-vfio-user: '%s' before any --socket\n",
					argv[optind]);
				evu_usage(stderr);
				return 2;
			}
			if (strlen(pend[npend - 1].opts) +
					strlen(argv[optind]) + 2 >
				EVU_OPTS_LEN) {
				fprintf(stderr,
					"ena-vfio-user: options too long\n");
				return 2;
			}
			if (pend[npend - 1].opts[0] != '\0')
				strcat(pend[npend - 1].opts, ",");
			strcat(pend[npend - 1].opts, argv[optind]);
			optind++;
			continue;
		}
		switch (opt) {
		case 's':
			if (npend == EVU_FUNCS_MAX) {
				fprintf(stderr,
					"ena-vfio-user: at most %u functions\n",
					EVU_FUNCS_MAX);
				return 2;
			}
			pend[npend++].sock = optarg;
			break;
		case 'n':
			if (npend == 0) {
				fprintf(stderr,
					"ena-vfio-user: --name before any --socket\n");
				return 2;
			}
			pend[npend - 1].name = optarg;
			break;
		case 'l':
			level = evu_level_parse(optarg);
			if (level < 0) {
				fprintf(stderr,
					"ena-vfio-user: bad --log-level '%s'\n",
					optarg);
				return 2;
			}
			evu_log_level = (unsigned int)level;
			break;
		case 'c':
			control = optarg;
			break;
		case 'p':
			pidfile = optarg;
			break;
		case 'h':
			evu_usage(stdout);
			return 0;
		default:
			evu_usage(stderr);
			return 2;
		}
	}
	if (npend == 0) {
		fprintf(stderr, "ena-vfio-user: no --socket given\n");
		evu_usage(stderr);
		return 2;
	}
	sfd = evu_sigfd();
	if (sfd < 0) {
		perror("ena-vfio-user: signalfd");
		return 1;
	}
	for (i = 0; i < npend; i++)
		if (evu_func_add(&pend[i]) != 0) {
			rc = 1;
			goto out;
		}
	if (control != NULL) {
		ctl_fd = evu_ctl_listen(control);
		if (ctl_fd < 0) {
			rc = 1;
			goto out;
		}
	}
	if (pidfile != NULL) {
		pf = fopen(pidfile, "w");
		if (pf == NULL) {
			evu_log(EMU_LOG_ERR, "pidfile %s: %s", pidfile,
				strerror(errno));
			rc = 1;
			goto out;
		}
		fprintf(pf, "%d\n", (int)getpid());
		fclose(pf);
	}
	evu_log(EMU_LOG_NOTICE, "serving %u function(s)", evu_nfuncs);
	rc = evu_loop(sfd, ctl_fd);
	evu_stats_print(stdout, NULL);
out:
	for (i = 0; i < evu_nfuncs; i++)
		evu_func_free(evu_funcs[i]);
	if (ctl_fd >= 0) {
		close(ctl_fd);
		unlink(control);
	}
	if (pidfile != NULL && rc == 0)
		unlink(pidfile);
	close(sfd);
	return rc;
}

#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# Debian chroots holding a newer DPDK LTS release than the host's, so that
# this tree is built and tested against it without touching the host:
#
#   24.11: Debian trixie (13)      25.11: Debian sid
#
# A chroot is made once with mmdebstrap from the Debian mirror the host's
# apt sources name, and kept in the cache (/var/cache/dpdk-ena/chroot/, or
# under $DPDK_ENA_CACHE); it is used offline after that. It holds Debian's
# libdpdk-dev, dpdk and dpdk-dev of that release (so also Debian's own
# net_ena, the upstream PMD of that release) and the build tools. A mirror
# serving another DPDK release than the one asked for is refused by name.
#
# "run" executes a command inside with the repository (and every --bind
# directory) at the same path as outside, and /proc, /sys, /dev and a
# private /run (EAL's runtime directories), in a mount and PID namespace of
# its own: nothing stays mounted or running when it ends, whatever way.
#
# usage: devtools/chroot.sh make RELEASE       make if needed, print its root
#        devtools/chroot.sh run RELEASE [--bind DIR]... [--] COMMAND...
#        devtools/chroot.sh remove RELEASE
#        devtools/chroot.sh releases           the RELEASEs known here
# Needs root, mmdebstrap (make) and unshare (util-linux).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd -P)

die() {
	echo "chroot.sh: $*" >&2
	exit 1
}

# The package set; change it and every chroot is made anew (see key()).
packages="libdpdk-dev dpdk dpdk-dev meson ninja-build gcc libc6-dev pkg-config
libpcap-dev libbsd-dev python3"

suite_of() {
	case "$1" in
	24.11) echo trixie ;;
	25.11) echo sid ;;
	*) die "unknown DPDK release '$1' (known: 24.11 25.11)" ;;
	esac
}

cache_root() {
	"$top/devtools/sdk.sh" root
}

# Recipe version: the directory name changes with the package set.
key() {
	echo "$packages" | cksum | cut -d' ' -f1
}

root_of() {
	echo "$(cache_root)/chroot/$(suite_of "$1")-dpdk$1-$(key)"
}

# The Debian archive the host's apt sources use ($DPDK_ENA_MIRROR wins).
mirror() {
	if [ -n "${DPDK_ENA_MIRROR:-}" ]; then
		echo "$DPDK_ENA_MIRROR"
		return
	fi
	apt-get indextargets --format '$(LABEL) $(TARGET_OF) $(REPO_URI)' \
		2>/dev/null | awk '$1 == "Debian" && $2 == "deb" { print $3; exit }'
}

make_root() {
	rel=$1
	suite=$(suite_of "$rel")
	root=$(root_of "$rel")
	if [ -f "$root/.complete" ]; then
		echo "$root"
		return
	fi
	[ "$(id -u)" = 0 ] || die "making the $suite chroot needs root"
	command -v mmdebstrap >/dev/null ||
		die "mmdebstrap is not installed (apt-get install mmdebstrap)"
	url=$(mirror)
	[ -n "$url" ] || die "no Debian mirror in the host's apt sources; set DPDK_ENA_MIRROR=URL"
	opts=""
	# sid's Release file is re-signed often; a mirror snapshot goes stale.
	[ "$suite" = sid ] && opts='--aptopt=Acquire::Check-Valid-Until "false"'
	work="$root.tmp.$$"
	rm -rf "$work"
	mkdir -p "$(dirname "$root")"
	echo "chroot.sh: making the $suite chroot (DPDK $rel) from $url" >&2
	start=$(date +%s)
	# shellcheck disable=SC2086
	if ! mmdebstrap --variant=apt --mode=root --quiet \
		--include="$(echo $packages | tr ' ' ',')" \
		${opts:+"$opts"} "$suite" "$work" "$url" >"$work.log" 2>&1; then
		tail -n 20 "$work.log" >&2
		rm -rf "$work" "$work.log"
		die "mmdebstrap $suite from $url failed"
	fi
	rm -f "$work.log"
	got=$(chroot "$work" dpkg-query -W -f='${Version}' libdpdk-dev)
	case "$got" in
	"$rel".*) ;;
	*)
		rm -rf "$work"
		die "the mirror $url serves libdpdk-dev $got in $suite, not DPDK $rel: this tree's $rel runs need a mirror (DPDK_ENA_MIRROR) or snapshot serving $rel"
		;;
	esac
	touch "$work/.complete"
	rm -rf "$root"
	mv "$work" "$root"
	echo "chroot.sh: $suite chroot made in $(($(date +%s) - start)) s, $(du -sh "$root" | cut -f1), libdpdk-dev $got: $root" >&2
	echo "$root"
}

# Inside the mount namespace: the mounts, then the command.
# usage: enter ROOT DIR... -- COMMAND...
enter() {
	root=$1
	shift
	mount -t proc proc "$root/proc"
	mount --rbind /sys "$root/sys"
	mount --rbind /dev "$root/dev"
	mount -t tmpfs tmpfs "$root/run"
	if [ -f /etc/resolv.conf ]; then
		mount --bind /etc/resolv.conf "$root/etc/resolv.conf"
	fi
	while [ "$1" != -- ]; do
		mkdir -p "$root$1"
		mount --rbind "$1" "$root$1"
		shift
	done
	shift
	# The shell stays as the namespace's init and runs the command as its
	# child, so that the command is an ordinary process.
	exec chroot "$root" /usr/bin/env -u LD_LIBRARY_PATH \
		PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		sh -c 'cd "$1" && shift && "$@"; exit $?' sh "$PWD" "$@"
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
releases)
	echo "24.11 25.11"
	;;
make)
	make_root "${1:?usage: chroot.sh make RELEASE}"
	;;
remove)
	rm -rf "$(root_of "${1:?usage: chroot.sh remove RELEASE}")"
	;;
run)
	rel=${1:?usage: chroot.sh run RELEASE [--bind DIR]... [--] COMMAND...}
	shift
	root=$(root_of "$rel")
	[ -f "$root/.complete" ] ||
		die "no $rel chroot yet: run devtools/chroot.sh make $rel"
	binds=("$top")
	while [ $# -gt 0 ]; do
		case "$1" in
		--bind)
			d=$(cd "${2:?--bind needs a directory}" && pwd -P) ||
				die "no directory $2"
			binds+=("$d")
			shift 2
			;;
		--)
			shift
			break
			;;
		*) break ;;
		esac
	done
	[ $# -gt 0 ] || die "run: no command"
	case "$PWD/" in
	"$top"/*) ;;
	*) cd "$top" ;;
	esac
	# A PID namespace of its own too: when unshare ends (a timeout, say),
	# everything started inside goes with it.
	exec unshare --mount --propagation private --pid --fork --kill-child \
		"$top/devtools/chroot.sh" _enter "$root" "${binds[@]}" -- "$@"
	;;
_enter)
	enter "$@"
	;;
*)
	die "usage: chroot.sh make|run|remove|releases RELEASE ..."
	;;
esac

#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 dpdk-ena authors
#
# IO-path scenarios of the emulated ENA device under Debian's dpdk-testpmd
# and a PMD (upstream by default, ours with -p ours): checksum offload
# through a pcap wire, RSS hash and spreading, gen: traffic over 4 queues,
# MTU 9000 with scattered Rx, large LLQ entries, two ports on a peer wire.
# The work is done by emu-io-testpmd.py (prompt- and counter-driven, no
# fixed waits); ends with "N passed, N failed".
#
# usage: devtools/emu-io-testpmd.sh [-b BUILDDIR] [-p ours|PMD-path-substring]
exec python3 "$(dirname "$0")/emu-io-testpmd.py" "$@"

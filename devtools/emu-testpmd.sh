#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 dpdk-ena authors
#
# Runs Debian's dpdk-testpmd on the emulated ENA device (ena_emu vdev,
# loopback wire, io forwarding) for a bounded time and prints the
# forwarding statistics. With --test, runs a set of scripted scenarios
# (probe, port info, forwarding with LLQ off/on and 1/4 queues, port
# stop/start, close and detach) and ends with "N passed, N failed".

set -u

usage() {
	cat <<EOF
usage: $0 [options] [--test]
  -b DIR     build directory holding emu/librte_ena_emu.so (default: build)
  -p PMD     upstream | ours | <substring of the PMD .so path>
             (default: upstream = Debian's librte_net_ena.so)
  -q N       queues (default 1)
  -l 0|1     LLQ offered by the device (default 1)
  -t SEC     forwarding time in seconds (default 5)
  -e ARGS    extra ena_emu devargs, e.g. "ring_size=512,mtu_max=4000"
  -v         show the whole testpmd output
  --test     run the scenario checks instead of one forwarding run
EOF
	exit 2
}

BUILD=build
PMD=upstream
QUEUES=1
LLQ=1
SECS=5
EXTRA=
VERBOSE=0
MODE=run

while [ $# -gt 0 ]; do
	case "$1" in
	-b) BUILD=$2; shift 2 ;;
	-p) PMD=$2; shift 2 ;;
	-q) QUEUES=$2; shift 2 ;;
	-l) LLQ=$2; shift 2 ;;
	-t) SECS=$2; shift 2 ;;
	-e) EXTRA=$2; shift 2 ;;
	-v) VERBOSE=1; shift ;;
	--test) MODE=test; shift ;;
	-h|--help) usage ;;
	*) echo "unknown option: $1" >&2; usage ;;
	esac
done

TESTPMD=$(command -v dpdk-testpmd) || { echo "dpdk-testpmd not found" >&2; exit 1; }
EMU=$(realpath -e "$BUILD/emu/librte_ena_emu.so" 2>/dev/null) ||
	{ echo "no $BUILD/emu/librte_ena_emu.so: build first" >&2; exit 1; }

# pmd= devarg of the emulator selects the driver by its .so path.
LOAD=()
case "$PMD" in
upstream) PMDSEL=pmds-23.0 ;;
ours)
	OURS=$(realpath -e "$BUILD/drivers/librte_net_ena.so" 2>/dev/null) ||
		{ echo "no $BUILD/drivers/librte_net_ena.so" >&2; exit 1; }
	LOAD=(-d "$OURS")
	PMDSEL=$(dirname "$OURS")
	;;
*) PMDSEL=$PMD ;;
esac

OUT=$(mktemp -d /tmp/emu-testpmd.XXXXXX)
trap 'rm -rf "$OUT"' EXIT

# run_testpmd NAME QUEUES DEVARGS FEEDER: FEEDER prints testpmd commands
# (with sleeps) on stdout; output goes to $OUT/NAME.log, rc to $OUT/NAME.rc
run_testpmd() {
	local name=$1 q=$2 devargs=$3 feeder=$4
	local mbufs=$(( 8192 + q * 4096 ))

	CUR_LOG=$OUT/$name.log
	: >"$CUR_LOG"
	"$feeder" | timeout $(( SECS * 3 + 60 )) stdbuf -oL "$TESTPMD" -l 0-1 --no-huge \
		-m 1024 --file-prefix="emutp$$" --no-pci -d "$EMU" "${LOAD[@]}" \
		--vdev "ena_emu0,pmd=$PMDSEL,queues=$q,$devargs" \
		--log-level=pmd.net.ena_emu:info -- -i --rxq="$q" --txq="$q" \
		--nb-cores=1 --total-num-mbufs="$mbufs" --forward-mode=io \
		>"$OUT/$name.log" 2>&1
	echo $? >"$OUT/$name.rc"
	[ "$VERBOSE" = 1 ] && cat "$OUT/$name.log"
	return 0
}

# Feeders first wait for the ports to be up, so that their sleeps time
# the commands rather than testpmd's start-up.
wait_for() {
	local i

	for i in $(seq 1 $(( ${2:-60} * 10 ))); do
		grep -qE -- "$1" "$CUR_LOG" 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}

wait_ready() {
	wait_for "Port 0: ([0-9A-F]{2}:){5}" 60
	sleep 0.5
}

# RX-packets of the Nth "Accumulated forward statistics" block (1-based).
fwd_rx() {
	awk -v want="$2" '/Accumulated forward statistics/ { n++ }
		n == want && /RX-packets:/ { print $2; exit }' "$1"
}

fwd_tx() {
	awk -v want="$2" '/Accumulated forward statistics/ { n++ }
		n == want && /TX-packets:/ { print $2; exit }' "$1"
}

# The upstream PMD ignores -EAGAIN from rte_intr_callback_unregister in
# its close; an interrupt callback still running from the last admin
# command of "port stop" can then run on the freed port. A pause between
# stop and close (and closing before quit) keeps the scenarios clear of
# that race, which is the driver's, not the device's.
feed_close() {
	printf 'port stop all\n'
	sleep 1
	printf 'port close all\n'
	sleep 0.5
	printf 'quit\n'
}

feed_fwd() {
	wait_ready
	printf 'start tx_first\n'
	sleep "$SECS"
	printf 'show port stats all\nstop\n'
	feed_close
}

if [ "$MODE" = run ]; then
	args="llq=$LLQ"
	[ -n "$EXTRA" ] && args="$args,$EXTRA"
	run_testpmd fwd "$QUEUES" "$args" feed_fwd
	log=$OUT/fwd.log
	grep -E "ena_emu0: using PCI driver|Fail|rror" "$log"
	sed -n '/Accumulated forward statistics/,/^  +++*$/p' "$log" |
		sed -n '1,4p'
	grep -E "Rx-pps|Tx-pps" "$log" | tail -2
	rx=$(fwd_rx "$log" 1)
	echo "emu-testpmd: pmd=$PMD queues=$QUEUES llq=$LLQ ${SECS}s:" \
		"forwarded ${rx:-0} packets, testpmd rc $(cat "$OUT/fwd.rc")"
	[ -n "$rx" ] && [ "$rx" -gt 0 ]
	exit $?
fi

# ---------------------------------------------------------------- tests
PASS=0
FAIL=0

check() {
	local what=$1; shift
	if "$@"; then
		PASS=$((PASS + 1))
	else
		FAIL=$((FAIL + 1))
		echo "FAIL: $what"
	fi
}

has() { grep -qE -- "$2" "$OUT/$1.log"; }
count_is() { [ "$(grep -cE -- "$2" "$OUT/$1.log")" = "$3" ]; }
ge() { [ -n "$1" ] && [ "$1" -ge "$2" ]; }
rc_ok() { [ "$(cat "$OUT/$1.rc")" = 0 ]; }

feed_info() {
	wait_ready
	printf 'show port info 0\n'
	printf 'show port 0 rx_offload capabilities\n'
	printf 'show port 0 tx_offload capabilities\n'
	printf 'port stop 0\nport config mtu 0 4000\nport config mtu 0 4001\n'
	printf 'port start 0\nshow port info 0\n'
	feed_close
}

run_testpmd info 4 "llq=1,mac=02:11:22:33:44:55,mtu_max=4000" feed_info
check "info: driver picked by pmd=$PMDSEL" \
	has info "ena_emu0: using PCI driver net_ena from .*$PMDSEL"
check "info: MAC" has info "MAC address: 02:11:22:33:44:55"
check "info: Rx queues" has info "Max possible RX queues: 4"
check "info: Tx queues" has info "Max possible TX queues: 4"
# mtu_max plus an L2 overhead of 14 to 22 bytes, as the PMD counts it.
check "info: max Rx length = mtu_max + L2" \
	has info "Maximum configurable length of RX packet: 40(1[4-9]|2[0-2])$"
check "info: link up" has info "Link status: up"
check "info: Rx IPv4 csum" has info "Per (Port|Queue) *:.*IPV4_CKSUM"
check "info: Rx L4 csum" has info "Per (Port|Queue) *:.*UDP_CKSUM"
check "info: Tx TCP csum offered" has info "TCP_CKSUM"
check "info: MTU 4001 refused" has info "MTU \\(4001\\) > device max|Set MTU failed"
check "info: MTU 4000 set" has info "MTU: 4000"
check "info: clean exit" rc_ok info
check "info: no PMD errors" \
	bash -c "! grep -qE 'Failed to|Admin command failed' '$OUT/info.log'"

for llq in 0 1; do
	for q in 1 4; do
		name=fwd_l${llq}_q$q
		run_testpmd "$name" "$q" "llq=$llq" feed_fwd
		rx=$(fwd_rx "$OUT/$name.log" 1)
		tx=$(fwd_tx "$OUT/$name.log" 1)
		echo "fwd llq=$llq queues=$q: rx ${rx:-none} tx ${tx:-none}"
		if [ "$llq" = 1 ]; then
			check "$name: driver negotiated LLQ" has "$name" \
				"ena_emu0: LLQ: entry"
		else
			check "$name: no LLQ without the feature" \
				bash -c "! grep -q 'ena_emu0: LLQ: entry' '$OUT/$name.log'"
		fi
		check "$name: forwarded >= 1000 (rx ${rx:-none})" ge "$rx" 1000
		check "$name: forwarded >= 1000 (tx ${tx:-none})" ge "$tx" 1000
		check "$name: clean exit" rc_ok "$name"
	done
done

feed_cycle() {
	wait_ready
	printf 'start tx_first\n'
	sleep 3
	printf 'stop\nport stop 0\n'
	sleep 1
	printf 'port start 0\nstart tx_first\n'
	sleep 3
	printf 'stop\nport stop 0\n'
	sleep 1
	printf 'port close 0\ndevice detach 0000:00:06.0\n'
	sleep 1
	printf 'quit\n'
}

run_testpmd cycle 2 "llq=1" feed_cycle
rx1=$(fwd_rx "$OUT/cycle.log" 1)
rx2=$(fwd_rx "$OUT/cycle.log" 2)
echo "stop/start: rx ${rx1:-none} then ${rx2:-none}"
check "cycle: forwarding before restart" ge "$rx1" 1000
check "cycle: forwarding after port stop/start" ge "$rx2" 1000
check "cycle: port closed" has cycle "Port 0 is closed"
check "cycle: device detached" has cycle "Device 0000:00:06.0 is detached"
check "cycle: clean exit" rc_ok cycle

# Fault knobs, seen from the upstream-compatible PMD's side.
feed_fault() {
	wait_ready
	printf 'start tx_first\n'
	sleep 3
	printf 'show port xstats 0\nstop\n'
	feed_close
}

run_testpmd f_txstop 1 "tx_comp_stop=1" feed_fault
tx=$(fwd_tx "$OUT/f_txstop.log" 1)
echo "tx_comp_stop: ${tx:-none} packets sent before the ring filled"
check "tx_comp_stop: Tx stalls at the ring size (tx ${tx:-none})" \
	bash -c "[ -n '$tx' ] && [ '$tx' -le 2048 ]"
check "tx_comp_stop: clean exit" rc_ok f_txstop

run_testpmd f_txbad 1 "tx_bad_req_id=1" feed_fault
check "tx_bad_req_id: PMD saw a bad Tx req_id" \
	has f_txbad "tx_q0_bad_req_id: [1-9]|Invalid req id"
run_testpmd f_rxbad 1 "rx_bad_req_id=1" feed_fault
check "rx_bad_req_id: PMD counted a bad Rx req_id" \
	has f_rxbad "rx_q0_bad_req_id: [1-9]"

run_testpmd f_flap 1 "link_flap_ms=400" feed_fault
n=$(grep -c "Port 0: link state change event" "$OUT/f_flap.log")
echo "link_flap_ms=400: $n link events in testpmd"
check "link_flap_ms: link events reach the app ($n)" ge "$n" 4

run_testpmd f_fatal 1 "fatal=1000" feed_fault
check "fatal: device raised it" has f_fatal "ena_emu0: device error: fatal"
check "fatal: PMD received the AENQ event" \
	has f_fatal "Unknown event was received|reported a fatal error"
check "fatal: clean exit" rc_ok f_fatal

if [ "$FAIL" -gt 0 ]; then
	echo "logs kept in $OUT.keep"
	cp -r "$OUT" "$OUT.keep"
fi
echo "$PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]

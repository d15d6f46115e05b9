# shellcheck shell=bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 dpdk-ena authors
#
# Counting helpers of the test scripts (bash; source it). Every test script
# ends with the line "N passed, N failed[, N skipped]", which test.sh, the
# meson tests and CI read: the counting and that line are written here once.
#
#   passed, failed, skipped   the counts (start at 0 when sourced)
#   ok / bad MESSAGE          count one check passed / failed ("FAIL: ...")
#   check WHAT COMMAND...     one check: COMMAND's exit status decides
#   has FILE ERE              FILE has a line matching the extended regex
#   add_counts LINE           add a summary line's counts; 1 if it is none
#   account NAME LOG [RC]     add LOG's last summary line, show its FAIL and
#                             SKIP lines; a log without one, or a non-zero
#                             RC with no failed check, counts as a failure
#   summary                   print the summary line; status 1 on failures
#   test_eal TAG              EAL options of a dpdk-test-ena run (no
#                             hugepages, two lcores, a prefix of its own)

passed=0
failed=0
skipped=0
# Names given to account, in order (test.sh checks them against README).
accounted=()

ok() {
	passed=$((passed + 1))
}

bad() {
	failed=$((failed + 1))
	echo "FAIL: $*"
}

check() {
	local what=$1
	shift
	if "$@"; then
		ok
	else
		bad "$what"
	fi
}

has() {
	grep -Eq -- "$2" "$1"
}

add_counts() {
	local line=$1 s
	echo "$line" | grep -qE '^[0-9]+ passed, [0-9]+ failed' || return 1
	s=$(echo "$line" | sed -nE 's/.* ([0-9]+) skipped.*/\1/p')
	passed=$((passed + $(echo "$line" | sed -E 's/^([0-9]+) passed.*/\1/')))
	failed=$((failed + $(echo "$line" |
		sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/')))
	skipped=$((skipped + ${s:-0}))
}

account() {
	local name=$1 log=$2 rc=${3:-0} line f0=$failed
	accounted+=("$name")
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	if ! add_counts "$line"; then
		echo "FAIL [$name]: no summary line (exit status $rc); log: $log"
		tail -n 20 "$log" | sed 's/^/    /'
		failed=$((failed + 1))
		return
	fi
	if [ $failed -eq $f0 ] && [ "$rc" -ne 0 ]; then
		echo "FAIL [$name]: exit status $rc with no failed check; log: $log"
		tail -n 20 "$log" | sed 's/^/    /'
		failed=$((failed + 1))
	fi
	grep -E '^(FAIL|SKIP)' "$log" | sed "s/^/  [$name] /"
	echo "$name: $line"
}

summary() {
	if [ $skipped -gt 0 ]; then
		echo "$passed passed, $failed failed, $skipped skipped"
	else
		echo "$passed passed, $failed failed"
	fi
	[ $failed -eq 0 ]
}

test_eal() {
	echo "--no-huge -m 1024 -l 0-1 --file-prefix=ena-test-$1-$$" \
		"--log-level=lib.eal:warning"
}

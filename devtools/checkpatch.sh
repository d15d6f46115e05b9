#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Style and static checks: clang-format (.clang-format at the top), cppcheck,
# and the layering rules. Exits non-zero on any finding.
#
# usage: devtools/checkpatch.sh          C files changed since origin/main
#                                        (all C files when there is no such ref)
#        devtools/checkpatch.sh --all    every tracked C file
#        devtools/checkpatch.sh FILE...  the named files
set -u
cd "$(dirname "$0")/.." || exit 2

if [ $# -gt 0 ] && [ "$1" != "--all" ]; then
	files="$*"
elif [ $# -eq 0 ] && git rev-parse -q --verify origin/main >/dev/null; then
	files=$(git diff --name-only --diff-filter=d origin/main -- '*.c' '*.h')
else
	files=$(git ls-files '*.c' '*.h')
fi

status=0
fail() {
	echo "checkpatch: $*"
	status=1
}

for tool in clang-format cppcheck; do
	command -v "$tool" >/dev/null || { echo "checkpatch: $tool is not installed"; exit 2; }
done

for f in $files; do
	[ -f "$f" ] || continue
	if ! clang-format --dry-run -Werror "$f" >/dev/null 2>&1; then
		fail "$f: not in DPDK style; run: clang-format -i $f"
		clang-format "$f" | diff -u "$f" - | head -20
	fi
done

if [ -n "$files" ]; then
	# shellcheck disable=SC2086
	if ! cppcheck -q --error-exitcode=1 --enable=warning,portability \
		--std=c11 --inline-suppr --suppress=missingIncludeSystem \
		--suppress=unknownMacro --suppress=syntaxError \
		-D__x86_64__ $files; then
		fail "cppcheck reported the findings above"
	fi
fi

# The base layer talks to DPDK only through its platform header.
leaks=$(git grep -lE '(^|[^A-Za-z0-9_])rte_' -- drivers/net/ena/base ':!drivers/net/ena/base/ena_plat_dpdk.h' 2>/dev/null)
[ -z "$leaks" ] || fail "DPDK names outside base/ena_plat_dpdk.h: $leaks"

# The device core reaches its host only through struct ena_emu_host_ops:
# no DPDK and no libvfio-user in its code (comments may name them).
leaks=$(git grep -nE '(^|[^A-Za-z0-9_])(rte_|RTE_|vfu_)' -- emu/core 2>/dev/null |
	grep -vE '^[^:]+:[0-9]+:[[:space:]]*(/?\*|//)' | cut -d: -f1 | sort -u)
[ -z "$leaks" ] || fail "DPDK or libvfio-user names in the device core: $leaks"

# rte_ is DPDK's prefix: our headers do not take it, except the compat shims
# that stand in for a DPDK header of that name.
own=$(git ls-files '*.h' | grep -E '(^|/)rte_[^/]*$' | grep -v '/compat/')
[ -z "$own" ] || fail "headers with DPDK's reserved rte_ prefix: $own"

# DPDK's driver SDK headers are fetched build inputs, never tracked.
sdk=$(git ls-files | grep -E '(^|/)(ethdev_driver|ethdev_pci|ethdev_vdev|bus_pci_driver|bus_vdev_driver|bus_driver|dev_driver|rte_eal_paging)\.h$')
[ -z "$sdk" ] || fail "DPDK SDK headers are tracked: $sdk"

# The PMD must not know the emulator.
emu=$(git grep -l -i 'ena_emu' -- drivers 2>/dev/null)
[ -z "$emu" ] || fail "the PMD or base layer refers to the emulator: $emu"

if [ $status -eq 0 ]; then
	echo "checkpatch: OK ($(echo "$files" | wc -w) files)"
fi
exit $status

#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 dpdk-ena authors
#
# The user guide documents what the code does: every devarg key (PMD and
# emulator), every xstat name and every error-level log message found in the
# sources must appear in doc/guides/nics/ena.rst, the PMD devarg ranges it
# gives must be the parser's, the feature file must exist, and the guide
# must build with Sphinx without a warning. Each item
# counts as one check; the run ends with "N passed, N failed".
#
# usage: devtools/doc-check.sh [BUILD_DIR]   (default: build)
#   With a built BUILD_DIR the xstat names are also read at run time from a
#   port of the emulated ENA (examples' ena_fwd --xstats).
set -uo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
doc=doc/guides/nics/ena.rst
extract="python3 devtools/doc-extract.py"
pmd_src=drivers/net/ena
emu_src=emu
# shellcheck source=devtools/lib.sh
. devtools/lib.sh

# check_items KIND LABEL DIR...: one check per extracted item.
check_items() {
	local kind=$1 label=$2 out total nmiss
	shift 2
	out=$($extract check "$doc" "$kind" "$@")
	total=$(echo "$out" | sed -n 's/^total\t//p')
	nmiss=$(echo "$out" | grep -vc '^total	')
	if [ "${total:-0}" -eq 0 ]; then
		bad "no $label found in $* (extractor out of date?)"
		return
	fi
	passed=$((passed + total - nmiss))
	failed=$((failed + nmiss))
	echo "$out" | grep -v '^total	' |
		awk -F '\t' -v l="$label" -v d="$doc" \
			'{ printf "FAIL: %s not documented in %s: \x27%s\x27 (%s)\n", l, d, $2, $1 }'
}

[ -f "$doc" ] || { echo "FAIL: $doc missing"; echo "0 passed, 1 failed"; exit 1; }

check_items devargs "PMD devarg" "$pmd_src"
check_items devargs "emulator devarg" "$emu_src"
check_items errors "error message" "$pmd_src" "$emu_src"
check_items xstats "xstat" "$pmd_src"

# Each xstat's meaning in the guide begins with the one next to its counter.
out=$(python3 devtools/xstat-meanings.py "$pmd_src/ena_xstats.c" "$doc")
line=$(echo "$out" | tail -n 1)
if add_counts "$line"; then
	echo "$out" | grep '^FAIL' || true
else
	bad "xstat-meanings.py gave no summary: $out"
fi

# Every PMD devarg range in the guide is the one the parser enforces.
out=$(python3 devtools/devarg-ranges.py "$pmd_src/ena_devargs.c" \
	"$pmd_src/ena_devargs.h" "$doc")
line=$(echo "$out" | tail -n 1)
if add_counts "$line"; then
	echo "$out" | grep '^FAIL' || true
else
	bad "devarg-ranges.py gave no summary: $out"
fi

# The names a port really reports, per-queue numbers folded into N.
fwd="$build/examples/ena_fwd-shared"
emu="$(devtools/plugin-dir.sh "$build" 2> /dev/null)/emu/librte_ena_emu.so"
if [ -x "$fwd" ] && [ -f "$emu" ]; then
	names=$(timeout 60 "$fwd" -l 0 --no-huge -m 512 --no-pci \
		--file-prefix=ena-doc-check-$$ --log-level=lib.eal:error \
		-d "$emu" --vdev ena_emu0,wire=sink,queues=2 \
		-- --queues 2 --seconds 0 --xstats 2> /dev/null |
		sed -n 's/^ena_fwd: port [0-9]* xstat \([^ ]*\) .*/\1/p' |
		sed -E 's/_q[0-9]+_/_qN_/' | sort -u)
	if [ -z "$names" ]; then
		bad "no xstat read from an emulated port ($fwd with $emu)"
	else
		out=$(echo "$names" | $extract check "$doc" xstats-runtime)
		nmiss=$(echo "$out" | grep -vc '^total	')
		passed=$((passed + $(echo "$names" | wc -l) - nmiss))
		failed=$((failed + nmiss))
		echo "$out" | grep -v '^total	' | cut -f 2 |
			sed "s|.*|FAIL: xstat reported by an emulated port not documented in $doc: '&'|"
	fi
else
	bad "$fwd or $emu not built: cannot read the xstat names of a port (build $build first)"
fi

if [ -f doc/guides/nics/features/ena.ini ]; then
	ok
else
	bad "doc/guides/nics/features/ena.ini (feature matrix) missing"
fi

out=$(mktemp -d)
if timeout 300 sphinx-build -W -q -b html -d "$out/doctrees" doc/guides "$out/html" > "$out/log" 2>&1; then
	ok
else
	bad "sphinx-build -W failed:"
	sed 's/^/    /' "$out/log" | head -n 30
fi
rm -rf "$out"

summary

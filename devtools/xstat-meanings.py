#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 dpdk-ena authors
"""Each xstat's meaning in the guide is the one kept next to the counter.

  xstat-meanings.py XSTATS_C GUIDE

XSTATS_C's tables give every counter a one-line meaning:
ENA_XS(type, field, "meaning"), ENA_XS_TOTAL(...) and
ENA_XS_AS("label", type, field, "meaning"); counters of the ena_xs_rxq and
ena_xs_txq tables are named rx_qN_<field> and tx_qN_<field>. In GUIDE each
xstat is a definition-list term (``name``, possibly with others on the same
line) whose indented text must begin with that meaning, whitespace and
``literal`` marks aside. Prints a FAIL line per mismatch and ends with
"N passed, N failed".
"""

import re
import sys

QUEUE_PREFIX = {"ena_xs_rxq": "rx_qN_", "ena_xs_txq": "tx_qN_"}


def fold(text):
    return re.sub(r"\s+", " ", text.replace("``", "")).strip()


def code_meanings(path):
    """{xstat name: meaning} from the tables of the xstats source."""
    text = open(path).read()
    out = {}
    for table in re.finditer(
            r"static const struct ena_xstat_desc (\w+)\[\] = \{(.*?)\n\};",
            text, re.S):
        prefix = QUEUE_PREFIX.get(table.group(1), "")
        for m in re.finditer(r"ENA_XS(_TOTAL|_AS)?\((.*?)\),?\s*\n(?=\s*(ENA_XS|$))",
                             table.group(2) + "\n", re.S):
            args = m.group(2)
            strs = re.findall(r'"((?:[^"\\]|\\.)*)"', args)
            if m.group(1) == "_AS":
                if len(strs) < 2:
                    out[strs[0] if strs else args] = None
                    continue
                name, meaning = strs[0], "".join(strs[1:])
            else:
                field = args.split(",")[1].strip()
                name = prefix + field
                meaning = "".join(strs) if strs else None
            out[name] = meaning
    return out


def guide_meanings(path):
    """{name: meaning text} of the guide's definition-list terms."""
    lines = open(path).read().splitlines()
    out = {}
    i = 0
    while i < len(lines):
        term = re.match(r"^( {3,})(``[^`]+``(?:,\s*``[^`]+``)*)\s*$", lines[i])
        if term:
            indent = len(term.group(1))
            body = []
            j = i + 1
            while j < len(lines) and (lines[j].startswith(" " * (indent + 1))
                                      and lines[j].strip()):
                body.append(lines[j])
                j += 1
            if body:
                for name in re.findall(r"``([^`]+)``", term.group(2)):
                    out.setdefault(name, fold(" ".join(body)))
            i = j
            continue
        i += 1
    return out


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    code = code_meanings(argv[1])
    guide = guide_meanings(argv[2])
    passed = failed = 0
    if not code:
        print("FAIL: no xstat tables found in %s" % argv[1])
        failed += 1
    for name, meaning in sorted(code.items()):
        if meaning is None:
            print("FAIL: xstat %s has no one-line meaning in %s" %
                  (name, argv[1]))
            failed += 1
        elif name not in guide:
            print("FAIL: xstat %s is not a term of %s" % (name, argv[2]))
            failed += 1
        elif not guide[name].startswith(fold(meaning)):
            print("FAIL: xstat %s: the guide says \"%s\", the code \"%s\"" %
                  (name, guide[name], fold(meaning)))
            failed += 1
        else:
            passed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

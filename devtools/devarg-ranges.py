#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 dpdk-ena authors
"""The PMD devarg ranges in the user guide are the ones the parser enforces.

Reads the parser's table (ENA_DEVARG_SPEC(key, lo, hi, field) entries of
drivers/net/ena/ena_devargs.c, names resolved through the #defines of
ena_devargs.h) and the guide's "PMD devargs" table, whose rows start with
``key=<lo-hi>``; prints one FAIL line per key whose range differs or is
missing on either side, then "N passed, N failed".

usage: devarg-ranges.py ena_devargs.c ena_devargs.h ena.rst
"""

import re
import sys


def defines(text):
    out = {}
    for m in re.finditer(r"^#define\s+(\w+)\s+(\"[^\"]*\"|\d+)\s*(/\*.*)?$",
                         text, re.M):
        out[m.group(1)] = m.group(2).strip('"')
    return out


def value(tok, defs):
    tok = tok.strip()
    for _ in range(8):
        if tok in defs:
            tok = defs[tok]
    return tok.strip('"')


def parser_ranges(c_text, defs):
    specs = {}
    body = re.sub(r"/\*.*?\*/", "", c_text, flags=re.S)
    for m in re.finditer(r"ENA_DEVARG_SPEC\(\s*([^,]+),\s*([^,]+),\s*"
                         r"([^,]+),\s*\w+\s*\)", body):
        if m.group(1).strip() == "key":
            continue  # the macro's own definition
        key = value(m.group(1), defs)
        specs[key] = (int(value(m.group(2), defs)),
                      int(value(m.group(3), defs)))
    return specs


def guide_ranges(rst):
    at = rst.find(".. table:: PMD devargs")
    if at < 0:
        return {}
    end = rst.find("\n\n", rst.find("=\n", rst.find("Meaning", at)) + 2)
    table = rst[at:end if end > 0 else len(rst)]
    return {m.group(1): (int(m.group(2)), int(m.group(3)))
            for m in re.finditer(r"^\s+``(\w+)=<(\d+)-(\d+)>``", table,
                                 re.M)}


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    c_text = open(sys.argv[1]).read()
    defs = defines(open(sys.argv[2]).read())
    code = parser_ranges(c_text, defs)
    guide = guide_ranges(open(sys.argv[3]).read())
    passed = failed = 0
    if not code:
        print("FAIL: no ENA_DEVARG_SPEC entry found in %s" % sys.argv[1])
        failed += 1
    for key in sorted(set(code) | set(guide)):
        if code.get(key) == guide.get(key):
            passed += 1
            continue
        failed += 1
        print("FAIL: devarg %s: parser range %s, guide range %s" %
              (key, "%d-%d" % code[key] if key in code else "none",
               "%d-%d" % guide[key] if key in guide else "none"))
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 dpdk-ena authors
"""Hold the README's "what you should see" samples to real output.

  readme-sample.py run README LOG
      every line of the run.sh sample, with numbers and spacing let vary
      and anything after its first label colon let vary, starts a line of
      LOG (the output of a real devtools/run.sh).
  readme-sample.py runs README NAME...
      the test.sh sample names exactly the runs NAME... that test.sh made.

Prints one FAIL line per mismatch and ends with "N passed, N failed".
"""

import re
import sys


def sample(readme, tag):
    """Lines of the fenced block that follows the comment naming tag."""
    text = open(readme).read()
    at = text.find("<!-- %s sample" % tag)
    if at < 0:
        sys.exit("%s: no '<!-- %s sample' comment" % (readme, tag))
    block = re.search(r"```\n(.*?)```", text[at:], re.S)
    if not block:
        sys.exit("%s: no fenced block after the %s sample" % (readme, tag))
    return [line for line in block.group(1).splitlines() if line.strip()]


def shape(line):
    """A regex for the start of lines of the same form as line."""
    m = re.match(r"^(.*?:)\s", line)
    if m:
        line = m.group(1)
    out = ""
    for tok in re.findall(r"\d+(?:\.\d+)?|\s+|[^\d\s]+", line):
        if tok[0].isdigit():
            out += r"[0-9]+(\.[0-9]+)?"
        elif tok.isspace():
            out += r"\s+"
        else:
            out += re.escape(tok)
    return "^" + out


def main():
    if len(sys.argv) < 4 or sys.argv[1] not in ("run", "runs"):
        sys.exit(__doc__)
    passed = failed = 0
    if sys.argv[1] == "run":
        log = open(sys.argv[3], errors="replace").read()
        for line in sample(sys.argv[2], "run.sh"):
            if re.search(shape(line), log, re.M):
                passed += 1
            else:
                failed += 1
                print("FAIL: README run.sh sample line not in %s: %r" %
                      (sys.argv[3], line))
    else:
        names = [line.split(":", 1)[0]
                 for line in sample(sys.argv[2], "test.sh")
                 if not re.match(r"^\d+ passed", line)]
        ran = sys.argv[3:]
        for n in names:
            if n in ran:
                passed += 1
            else:
                failed += 1
                print("FAIL: README test.sh sample names '%s', which "
                      "test.sh did not run" % n)
        for n in ran:
            if n not in names:
                failed += 1
                print("FAIL: test.sh ran '%s', missing from the README "
                      "test.sh sample" % n)
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

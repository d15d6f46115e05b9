#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 dpdk-ena authors
"""List what the user guide must document, straight from the C sources.

  doc-extract.py devargs  DIR...   devarg keys (kvargs key tables and
                                   RTE_PMD_REGISTER_PARAM_STRING strings)
  doc-extract.py errors   DIR...   error-level log format strings
  doc-extract.py xstats   DIR...   xstat names defined in *xstat* sources
  doc-extract.py check DOC KIND DIR...   "FILE<tab>ITEM" for each item of
                                   KIND missing from DOC, then
                                   "total<tab>N"; exit status 1 if any
                                   (KIND xstats-runtime: names on stdin)

An error-level log is a call whose leading arguments (before the format
string) name an error level (ERR, RTE_LOG_ERR, *_LOG_ERR, CRIT...), or a call
of a macro/function that forwards to one (e.g. "#define x_err(...)
log(LOG_ERR, ...)", or a printf-like function named *_error). The format
string is every adjacent literal; %-conversions and PRI* macros become
wildcards, other macros are expanded when they are #defined to literals.
"""

import os
import re
import sys

ERR_LEVEL = re.compile(r"^((RTE_LOG_)?(ERR|CRIT|ALERT|EMERG)|\w*_LOG_(ERR|CRIT))$")
WILD = "\x00"
CONV = re.compile(r"%[-+ #0']*(\d+|\*)?(\.(\d+|\*))?"
                  r"(hh|h|ll|l|z|j|t|L)?[diouxXcspfeEgGaA]")


def sources(dirs):
    for d in dirs:
        if os.path.isfile(d):
            yield d
            continue
        for root, _, files in os.walk(d):
            for f in sorted(files):
                if f.endswith((".c", ".h")):
                    yield os.path.join(root, f)


def strip_comments(text):
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(" " * 1 + "\n" * text.count("\n", i, j))
            i = j
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        else:
            out.append(c)
            i += 1
    return "".join(out)


TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|'
                   r'[A-Za-z_]\w*|\d[\w.]*|##|#|->|[^\s\w]', re.S)


def tokens(text):
    return TOKEN.findall(text)


def unescape(lit):
    body = lit[1:-1]
    return re.sub(r"\\(.)", lambda m: {"n": "", "t": " ", "\"": "\"",
                                       "\\": "\\"}.get(m.group(1),
                                                        m.group(1)), body)


class Tree:
    """All sources: #define tables and every call site with its args."""

    def __init__(self, dirs):
        self.files = {}
        self.str_defines = {}    # NAME -> token list of a literal define
        self.fn_macros = {}      # NAME -> (params, body tokens)
        for path in sources(dirs):
            with open(path, errors="replace") as f:
                text = strip_comments(f.read())
            text = re.sub(r"\\\n", " ", text)
            self.files[path] = text
            for m in re.finditer(r"^[ \t]*#[ \t]*define[ \t]+(\w+)(\(([^)]*)\))?"
                                 r"[ \t]*(.*)$", text, re.M):
                name, params, body = m.group(1), m.group(3), m.group(4)
                if m.group(2) and m.start(2) == m.end(1):
                    self.fn_macros[name] = (
                        [p.strip() for p in params.split(",")],
                        tokens(body))
                else:
                    toks = tokens(body)
                    if toks and all(t.startswith('"') or t in self.str_defines
                                    or t.startswith("PRI") for t in toks):
                        self.str_defines[name] = toks

    def literal(self, toks, depth=0):
        """Concatenated string of literal tokens, or None when not one."""
        parts = []
        for t in toks:
            if t.startswith('"'):
                parts.append(unescape(t))
            elif re.match(r"^PRI[diouxX]", t):
                parts.append(WILD)
            elif t in self.str_defines and depth < 8:
                s = self.literal(self.str_defines[t], depth + 1)
                if s is None:
                    return None
                parts.append(s)
            elif t in ("(", ")"):
                continue
            elif re.match(r"^[A-Z_][A-Z0-9_]*$", t) and parts:
                # A format macro such as PCI_PRI_FMT: stands for a value.
                parts.append(WILD)
            else:
                return None
        return "".join(parts) if parts else None

    def calls(self):
        """(file, callee, [arg token lists]) for every NAME( ... )."""
        for path, text in self.files.items():
            body = re.sub(r"^[ \t]*#.*$", "", text, flags=re.M)
            toks = tokens(body)
            for i in range(len(toks) - 1):
                if toks[i + 1] != "(" or not re.match(r"^[A-Za-z_]\w*$",
                                                       toks[i]):
                    continue
                args, cur, depth, j = [], [], 0, i + 2
                while j < len(toks):
                    t = toks[j]
                    if t in "([{":
                        depth += 1
                    elif t in ")]}":
                        if depth == 0:
                            break
                        depth -= 1
                    elif t == "," and depth == 0:
                        args.append(cur)
                        cur = []
                        j += 1
                        continue
                    cur.append(t)
                    j += 1
                args.append(cur)
                yield path, toks[i], args


def err_forwarders(tree):
    """Macros and printf-like functions that log at error level."""
    names = set()
    for name, (params, body) in tree.fn_macros.items():
        if any(ERR_LEVEL.match(t) for t in body) and (
                "fmt" in params or "..." in params):
            names.add(name)
    for text in tree.files.values():
        for m in re.finditer(r"(\w+)\s*\([^;{)]*(const\s+char\s*\*\s*fmt|"
                             r"\.\.\.)[^;{]*\)[^;{]*format\s*\(\s*printf",
                             text):
            if re.search(r"(_err|_error|fatal)\w*$", m.group(1)):
                names.add(m.group(1))
    return names


def errors(tree):
    fwd = err_forwarders(tree)
    found = {}
    for path, callee, args in tree.calls():
        if callee in tree.fn_macros and callee not in fwd:
            # A non-error macro may still take the level as an argument.
            pass
        fmt_idx = None
        for k, a in enumerate(args):
            if a and (a[0].startswith('"') or (a[0] in tree.str_defines)):
                fmt_idx = k
                break
        if fmt_idx is None:
            continue
        lead = [t for a in args[:fmt_idx] for t in a]
        is_err = callee in fwd or any(ERR_LEVEL.match(t) for t in lead)
        if not is_err or callee.startswith(("snprintf", "printf")):
            continue
        fmt = tree.literal(args[fmt_idx])
        if fmt is None:
            continue
        # "0x%" PRIx64 and "%-10" PRIu64: flags before a PRI* macro.
        fmt = re.sub(r"%[-+ #0']*\d*(\.\d+)?" + WILD, WILD, fmt)
        fmt = CONV.sub(WILD, fmt).replace("%%", "%")
        if fmt.strip(WILD + " :") == "":
            continue
        found.setdefault(fmt, path)
    return found


def devargs(tree):
    keys = {}
    arrays = {}
    for text in tree.files.values():
        for m in re.finditer(r"(\w+)\s*\[\s*\w*\s*\]\s*=\s*\{([^}]*)\}",
                             text):
            arrays[m.group(1)] = tokens(m.group(2))
    # Key tables by name (parsers that check keys themselves).
    for text in tree.files.values():
        for m in re.finditer(r"char\s*\*\s*const\s+(\w*(keys|fault_names))\s*\[",
                             text):
            for t in arrays.get(m.group(1), []):
                s = tree.literal([t])
                if s:
                    keys.setdefault(s, "key table " + m.group(1))
    for path, callee, args in tree.calls():
        if callee == "rte_kvargs_parse" and len(args) == 2 and \
                len(args[1]) == 1 and args[1][0] in arrays:
            for t in arrays[args[1][0]]:
                s = tree.literal([t])
                if s:
                    keys.setdefault(s, path)
        elif callee == "RTE_PMD_REGISTER_PARAM_STRING" and len(args) == 2:
            s = tree.literal(args[1])
            for k in re.findall(r"(?:^|\s)(\w+)=", s or ""):
                keys.setdefault(k, path)
    return keys


def xstats(tree):
    names = {}
    stringify = {}
    for name, (params, body) in tree.fn_macros.items():
        for k, t in enumerate(body[:-1]):
            if t == "#" and body[k + 1] in params:
                stringify[name] = params.index(body[k + 1])
    for path, callee, args in tree.calls():
        if "xstat" not in os.path.basename(path):
            continue
        if callee in stringify and len(args) > stringify[callee]:
            a = args[stringify[callee]]
            if len(a) == 1:
                names.setdefault(a[0], path)
    for path, text in tree.files.items():
        if "xstat" in os.path.basename(path):
            for m in re.finditer(r'\{\s*"([a-z][a-z0-9_]*)"\s*,', text):
                names.setdefault(m.group(1), path)
    return names


def printable(fmt):
    return fmt.replace(WILD, "<*>")


def doc_text(path):
    with open(path) as f:
        text = f.read()
    return re.sub(r"\s+", " ", text.replace("``", ""))


def missing(doc, kind, items):
    """The items of KIND absent from the (whitespace-folded) doc text."""
    out = []
    for item in items:
        if kind == "errors":
            frags = [re.sub(r"\s+", " ", f).strip() for f in item.split(WILD)]
            frags = [f for f in frags if f]
            pat = ".{0,60}?".join(re.escape(f) for f in frags)
        elif kind == "xstats":
            # Per-queue counters are documented as rx_qN_<name>.
            pat = r"(?<![A-Za-z0-9])" + re.escape(item) + r"(?![\w])"
        else:
            pat = r"(?<![\w])" + re.escape(item) + r"(?![\w])"
        if not re.search(pat, doc):
            out.append(item)
    return out


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    if argv[1] == "check":
        doc, kind, dirs = argv[2], argv[3], argv[4:]
        if kind == "xstats-runtime":
            found = {line.strip(): "port" for line in sys.stdin
                     if line.strip()}
        else:
            found = globals()[kind](Tree(dirs))
        miss = missing(doc_text(doc), kind, list(found))
        for m in miss:
            print("%s\t%s" % (found[m], printable(m)))
        print("total\t%d" % len(found))
        return 1 if miss else 0
    kind, dirs = argv[1], argv[2:]
    if kind not in ("devargs", "errors", "xstats"):
        print("doc-extract: unknown kind '%s' (devargs, errors, xstats, "
              "check)" % kind, file=sys.stderr)
        return 2
    for item, path in sorted(globals()[kind](Tree(dirs)).items(),
                             key=lambda kv: (kv[1], kv[0])):
        print("%s\t%s" % (path, printable(item)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

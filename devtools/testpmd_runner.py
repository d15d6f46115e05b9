# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 dpdk-ena authors
"""What the scripts that drive dpdk-testpmd on the emulated ENA share.

    r = Runner("emu-testpmd", plugins, pmd="ours")
    s = TestpmdSession(r.eal("fwd") + ["--vdev", r.vdev("queues=2")], app,
                       r.path("fwd.log"))
    r.check("forwarding", ok, detail)
    sys.exit(r.finish())

plugins is a build directory or the directory devtools/plugin-dir.sh
prints for one (same drivers/ and emu/ layout). A PMD is chosen by the
emulator's pmd= devarg, a substring of the path of the PMD's shared
object: "ours" is this tree's (loaded with -d), "upstream" the net_ena of
the DPDK installation, found in that DPDK's plugin directory; anything
else is passed as is. Counts end in the "N passed, N failed" line that
devtools/test.sh and the meson tests read; KEEP=1 keeps the transcripts,
which are also kept when a check fails.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time


def require_testpmd():
    if shutil.which("dpdk-testpmd") is None:
        sys.exit("no dpdk-testpmd")


def build_pmd_args():
    """-b BUILDDIR and -p PMD of a script that runs either PMD; exits
    when there is no dpdk-testpmd to run."""
    ap = argparse.ArgumentParser(
        usage="%(prog)s [-b BUILDDIR] [-p upstream|ours|PMD-path-substring]")
    ap.add_argument("-b", dest="build", default="build")
    ap.add_argument("-p", dest="pmd", default="upstream",
                    help="upstream | ours | substring of the PMD .so path")
    args = ap.parse_args()
    require_testpmd()
    return args


def upstream_pmd_dir():
    """The plugin directory of the DPDK that pkg-config names.

    EAL loads every driver of RTE_EAL_PMD_PATH, which is compiled into
    librte_eal (pmds-23.0 for DPDK 22.11, pmds-25.0 for 24.11, pmds-26.0
    for 25.11): read there; else derived from librte_eal's ABI version.
    """
    try:
        libdir = subprocess.run(
            ["pkg-config", "--variable=libdir", "libdpdk"],
            capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        sys.exit("pkg-config knows no libdpdk: cannot find the upstream "
                 "PMD directory")
    eal = os.path.realpath(os.path.join(libdir, "librte_eal.so"))
    try:
        with open(eal, "rb") as f:
            m = re.search(rb"(/[\x21-\x7e]*/pmds-[0-9.]+)\x00", f.read())
        if m:
            return m.group(1).decode()
    except OSError:
        pass
    m = re.search(r"\.so\.(\d+\.\d+)$", eal)
    if not m:
        sys.exit("cannot tell the plugin directory of %s" % eal)
    return os.path.join(libdir, "dpdk", "pmds-" + m.group(1))


class Runner:
    def __init__(self, tag, plugins, pmd="ours"):
        self.tag = tag
        self.emu = self._plugin(plugins, "emu", "librte_ena_emu.so")
        self.drv = os.path.realpath(os.path.join(plugins, "drivers",
                                                 "librte_net_ena.so"))
        self.ours = pmd == "ours"
        if self.ours:
            self._plugin(plugins, "drivers", "librte_net_ena.so")
        self.load = self.load_for(pmd)
        self.pmd = self.selector(pmd)
        self.out = tempfile.mkdtemp(prefix=tag + ".")
        self.passed = self.failed = 0
        self.keep = bool(os.environ.get("KEEP"))
        self.t0 = time.monotonic()

    @staticmethod
    def _plugin(plugins, sub, name):
        f = os.path.realpath(os.path.join(plugins, sub, name))
        if not os.path.isfile(f):
            sys.exit("no %s" % f)
        return f

    def load_for(self, pmd):
        """EAL -d options: the emulator, and this tree's PMD for ours."""
        load = ["-d", self.emu]
        if pmd == "ours":
            load += ["-d", self.drv]
        return load

    def selector(self, pmd):
        """The emulator's pmd= value choosing that PMD."""
        if pmd == "ours":
            return os.path.dirname(self.drv)
        if pmd == "upstream":
            return upstream_pmd_dir()
        return pmd

    def eal(self, name, pci=False):
        """EAL options of one testpmd: 2 lcores, no hugepages, a file
        prefix of its own; no PCI scan unless asked."""
        return (["-l", "0-1", "--no-huge", "-m", "1024",
                 "--file-prefix=%s%d_%s" %
                 (re.sub(r"\W", "", self.tag), os.getpid(), name)]
                + ([] if pci else ["--no-pci"]))

    def path(self, name):
        return os.path.join(self.out, name)

    def transcript(self, name):
        """What testpmd session name printed so far."""
        try:
            with open(self.path(name + ".log"), errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def check(self, what, ok, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL: %s%s" % (what, (" (%s)" % detail) if detail else ""))
        return ok

    def finish(self):
        """Print the totals; the exit status of the script."""
        print("total: %.1f s" % (time.monotonic() - self.t0))
        if self.keep or self.failed:
            print("transcripts kept in %s" % self.out)
        else:
            shutil.rmtree(self.out, ignore_errors=True)
        print("%d passed, %d failed" % (self.passed, self.failed))
        return 0 if self.failed == 0 else 1

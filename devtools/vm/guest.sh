#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# First program of the guest after the initramfs (devtools/vm/init): the
# host's Debian root (this repository included) under a RAM overlay. Runs one scenario of devtools/vm/guest.py, then prints the
# kernel log and powers off. The host's devtools/vm.py reads the markers:
#   @@START <scenario>   @@DMESG-BEGIN ... @@DMESG-END   @@END <status>
scenario=$1
cache=$2
args=$3
repo=$(cd "$(dirname "$0")/../.." && pwd)
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/tmp TMPDIR=/tmp LANG=C.UTF-8 PYTHONDONTWRITEBYTECODE=1
echo 1 >/proc/sys/kernel/sysrq
echo "@@START $scenario (kernel $(uname -r))"
python3 "$repo/devtools/vm/guest.py" "$scenario" "$args"
rc=$?
echo "@@DMESG-BEGIN"
dmesg --color=never
echo "@@DMESG-END"
echo "@@END $rc"
sync
echo o >/proc/sysrq-trigger
sleep 30

#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 dpdk-ena authors
#
# The README's main job: install what is missing, build, and run Debian's
# dpdk-testpmd with our ENA PMD, either on an emulated ENA (no argument) or on
# a real ENA given by its PCI address. Every failure says what to do next.
set -uo pipefail
cd "$(dirname "$0")/.."
top=$(pwd)

usage() {
	cat <<EOF
usage: devtools/run.sh [options] [PCI_ADDRESS]

Without PCI_ADDRESS: testpmd forwards on an emulated ENA (loopback wire).
With PCI_ADDRESS (e.g. 0000:00:06.0): testpmd on that ENA, which must be
bound to vfio-pci, with hugepages reserved.

options:
  --seconds N      forward for N seconds (default 10)
  --interval N     one stats line every N seconds (default 1)
  --queues N       Rx/Tx queues per port (default 2)
  --lcores LIST    EAL core list (default 0-1: main core + 1 forwarding core)
  --devargs ARGS   extra PMD devargs, e.g. enable_llq=0 or large_llq_hdr=1
  --emu-args ARGS  extra emulator devargs, e.g. ring_size=1024 (emulated only)
  --fwd MODE       testpmd forwarding mode (default io)
  --tx-first       real device: send a first burst (always done when emulated)
  --build-dir DIR  build directory (default build)
  --vm             run the same job through the real PCI path: a QEMU guest
                   whose ENA (served by build/emu/ena-vfio-user) is bound to
                   vfio-pci; slow (software-emulated CPU), see devtools/vm.sh
  --dry-run        do the checks, print the testpmd command, do not run it
  -h, --help       this text
EOF
}

die() {
	echo "run: $*" >&2
	exit 1
}

seconds=10
interval=1
queues=2
lcores=0-1
devargs=""
emu_args=""
fwd=io
tx_first=0
builddir=build
dry_run=0
vm=0
addr=""
while [ $# -gt 0 ]; do
	case "$1" in
	--seconds | --interval | --queues | --lcores | --devargs | --emu-args | \
		--fwd | --build-dir)
		[ $# -ge 2 ] || die "option $1 needs a value (see --help)"
		case "$1" in
		--seconds) seconds=$2 ;;
		--interval) interval=$2 ;;
		--queues) queues=$2 ;;
		--lcores) lcores=$2 ;;
		--devargs) devargs=$2 ;;
		--emu-args) emu_args=$2 ;;
		--fwd) fwd=$2 ;;
		--build-dir) builddir=$2 ;;
		esac
		shift 2
		;;
	--tx-first) tx_first=1; shift ;;
	--vm) vm=1; shift ;;
	--dry-run) dry_run=1; shift ;;
	-h | --help) usage; exit 0 ;;
	-*) die "unknown option '$1' (see --help)" ;;
	*)
		[ -z "$addr" ] || die "only one PCI address may be given (got '$addr' and '$1')"
		addr=$1
		shift
		;;
	esac
done

[[ "$seconds" =~ ^[0-9]+$ ]] && [ "$seconds" -gt 0 ] ||
	die "--seconds '$seconds' is not a positive whole number of seconds"
[[ "$interval" =~ ^[0-9]+([.][0-9]+)?$ ]] ||
	die "--interval '$interval' is not a positive number of seconds"
[[ "$queues" =~ ^[0-9]+$ ]] && [ "$queues" -ge 1 ] && [ "$queues" -le 32 ] ||
	die "--queues '$queues' is not a number of queues between 1 and 32"
[[ "$devargs" != *" "* ]] ||
	die "--devargs '$devargs' contains a space; separate devargs with commas"

if [ -n "$addr" ]; then
	# Accept the short form BB:DD.F as lspci prints it.
	[[ "$addr" =~ ^[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\.[0-7]$ ]] && addr="0000:$addr"
	[[ "$addr" =~ ^[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\.[0-7]$ ]] ||
		die "'$addr' is not a PCI address (expected DDDD:BB:DD.F such as 0000:00:06.0; list ENA devices with: lspci -D -d 1d0f:)"
	addr=${addr,,}
fi

# The same job on an ENA that is a PCI function of a guest: devtools/vm.sh
# boots it and runs this script there on 0000:00:06.0.
if [ $vm -eq 1 ]; then
	[ -z "$addr" ] || die "--vm takes no PCI address: the guest's ENA is 0000:00:06.0"
	echo "run: --vm: booting a QEMU guest (TCG: no usable KVM here), about a minute before forwarding starts; rates are those of an emulated CPU"
	exec devtools/vm.sh -b "$builddir" \
		--run "seconds=$seconds,interval=$interval,queues=$queues,fwd=$fwd" run
fi

# 1. Packages and DPDK driver SDK headers.
if ! devtools/setup.sh; then
	die "setup failed (above). Run this script as root on Debian bookworm with network access to the Debian mirrors, or install the packages it names."
fi
testpmd=/usr/bin/dpdk-testpmd
[ -x "$testpmd" ] ||
	die "$testpmd is missing; install Debian's dpdk package: apt-get install dpdk"

# Emulated ENA.
emulated_setup() {
	[ -f "$emu" ] || die "the build produced no $emu"
	grep -aqP '\x00ena_emu\x00' "$emu" ||
		die "$emu does not register the ena_emu vdev: the emulator sources (emu/) have not landed yet. Update the tree (git pull) and run again."
	vdev="ena_emu0,wire=loopback,queues=$queues,pmd=$pmd"
	[ -n "$emu_args" ] && vdev="$vdev,$emu_args"
	[ -n "$devargs" ] && echo "run: note: --devargs applies to a real device; the emulated one is configured with --emu-args"
	# --no-pci keeps EAL away from the host's own PCI NICs; the emulated
	# device is added by the vdev itself.
	eal+=(--no-huge -m 1024 --no-pci -d "$emu" --vdev "$vdev")
	start_cmd="start tx_first"
	mode_text="emulated ENA (ena_emu0), loopback wire, --no-huge"
}

# Real ENA: the checks a first run on EC2 needs, each with its remedy.
# ENA_RUN_SYSFS / ENA_RUN_MOUNTS let devtools/run-test.sh replay them on a
# fake sysfs tree.
sys=${ENA_RUN_SYSFS:-/sys}
mounts=${ENA_RUN_MOUNTS:-/proc/mounts}
sysfs_read() {
	cat "$1" 2>/dev/null || true
}

real_setup() {
	local dev=$sys/bus/pci/devices/$addr vendor device driver bar2 wc=unknown
	[ "$(id -u)" = 0 ] || die "a real device needs root (VFIO and hugepages); run: sudo bash devtools/run.sh $addr"
	[ -d "$dev" ] || die "no PCI device $addr on this machine. ENA devices here: $(lspci -D -d 1d0f: 2>/dev/null | cut -d' ' -f1 | tr '\n' ' ')(see also: dpdk-devbind.py --status-dev net)"
	vendor=$(sysfs_read "$dev/vendor")
	device=$(sysfs_read "$dev/device")
	case "$vendor:$device" in
	0x1d0f:0x0ec2 | 0x1d0f:0x1ec2 | 0x1d0f:0xec20 | 0x1d0f:0xec21) ;;
	*) die "$addr is $vendor:$device, not an ENA (1d0f:0ec2/1ec2/ec20/ec21); list ENA devices with: lspci -D -d 1d0f:" ;;
	esac
	driver=$(basename "$(readlink "$dev/driver" 2>/dev/null)" 2>/dev/null)
	if [ "$driver" != vfio-pci ]; then
		echo "run: $addr is bound to '${driver:-no driver}', DPDK needs vfio-pci." >&2
		if [ "$driver" = ena ]; then
			local ifs
			ifs=$(ls "$dev/net" 2>/dev/null | paste -sd ' ')
			echo "run: it is the kernel interface ${ifs:-?}; unbinding it cuts any SSH session through it (use a second ENI)." >&2
		fi
		if [ -z "$(ls $sys/kernel/iommu_groups 2>/dev/null)" ]; then
			echo "run: this machine has no IOMMU (usual on EC2 instances other than metal): vfio must run in no-IOMMU mode:" >&2
			echo "    modprobe vfio-pci" >&2
			echo "    echo 1 > /sys/module/vfio/parameters/enable_unsafe_noiommu_mode" >&2
		else
			echo "    modprobe vfio-pci" >&2
		fi
		echo "    dpdk-devbind.py -b vfio-pci $addr" >&2
		die "bind $addr to vfio-pci as shown above, then run again"
	fi

	local nr free mnt
	nr=$(sysfs_read $sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages)
	free=$(sysfs_read $sys/kernel/mm/hugepages/hugepages-2048kB/free_hugepages)
	local free1g
	free1g=$(sysfs_read $sys/kernel/mm/hugepages/hugepages-1048576kB/free_hugepages)
	if [ "${free:-0}" -lt 512 ] && [ "${free1g:-0}" -lt 1 ]; then
		echo "run: not enough free hugepages (2 MB pages: ${nr:-0} reserved, ${free:-0} free; testpmd needs about 1 GB)." >&2
		echo "    echo 1024 > /sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages" >&2
		echo "    (to keep them across reboots: add 'vm.nr_hugepages = 1024' to /etc/sysctl.d/80-hugepages.conf)" >&2
		die "reserve hugepages as shown above, then run again"
	fi
	mnt=$(awk '$3 == "hugetlbfs" { print $2; exit }' "$mounts")
	[ -n "$mnt" ] || die "no hugetlbfs is mounted; run: mkdir -p /dev/hugepages && mount -t hugetlbfs nodev /dev/hugepages"

	# LLQ pushes Tx descriptors and headers through BAR 2; only a
	# write-combining mapping makes those stores fast.
	bar2=$(sed -n 3p "$dev/resource" 2>/dev/null | awk '{ print $1 }')
	if [ -z "$bar2" ] || [ "$bar2" = 0x0000000000000000 ]; then
		echo "run: $addr has no BAR 2 (memory BAR for LLQ): the device offers no LLQ, Tx descriptors stay in host memory."
	elif [ ! -e "$dev/resource2_wc" ]; then
		echo "run: warning: BAR 2 of $addr is not prefetchable, so it cannot be mapped write-combined."
		wc=no
	else
		wc=maybe
	fi
	if [ "$wc" = maybe ]; then
		if modinfo vfio-pci 2>/dev/null | grep -qi 'wc\|write.combin'; then
			echo "run: vfio-pci looks WC-capable; the mapping of BAR 2 is verified after start (PAT memtype list)."
		else
			echo "run: warning: the stock vfio-pci maps BAR 2 uncached, which makes every LLQ push slow."
			echo "     Either install a vfio-pci with write combining (AWS amzn-drivers: userspace/dpdk/enav2-vfio-patch/get-vfio-with-wc.sh),"
			echo "     or run without LLQ where the instance type allows it: --devargs enable_llq=0 (descriptors in host memory)."
			echo "     Without WC, LLQ still works but Tx throughput drops severely."
		fi
	fi
	local a="$addr"
	[ -n "$devargs" ] && a="$addr,$devargs"
	dev_eal=(-a "$a")
	[ -n "$bar2" ] && [ "$bar2" != 0x0000000000000000 ] && drive_opts+=(--bar2 "$bar2")
	if [ $tx_first -eq 1 ]; then
		start_cmd="start tx_first"
	else
		start_cmd="start"
	fi
	mode_text="real ENA $addr ($vendor:$device, vfio-pci, hugepages)"
}

# 2. A real device is checked before the build: no waiting to learn that it
# is not bound or that hugepages are missing.
dev_eal=()
drive_opts=()
[ -n "$addr" ] && real_setup

# 3. Build.
mkdir -p "$builddir"
log="$builddir/run-logs"
mkdir -p "$log"
if [ ! -f "$builddir/build.ninja" ]; then
	echo "run: configuring $builddir (meson setup $builddir -Dwerror=true)"
	if ! meson setup "$builddir" -Dwerror=true > "$log/setup.log" 2>&1; then
		tail -n 30 "$log/setup.log"
		die "meson setup failed (log: $log/setup.log). If you changed the tree, fix the error above; to start over: rm -rf $builddir"
	fi
fi
echo "run: building (ninja -C $builddir)"
if ! ninja -C "$builddir" > "$log/ninja.log" 2>&1; then
	grep -E 'error|Error' "$log/ninja.log" | head -n 20
	die "the build failed (log: $log/ninja.log); fix the errors above, then run again"
fi

case "$builddir" in
/*) builddir_abs=$builddir ;;
*) builddir_abs=$top/$builddir ;;
esac
pmd="$builddir_abs/drivers/librte_net_ena.so"
emu="$builddir_abs/emu/librte_ena_emu.so"
# A plugin that registers nothing is a placeholder of a part not written yet.
[ -f "$pmd" ] || die "the build produced no $pmd"
grep -aqP '\x00net_ena\x00' "$pmd" ||
	die "$pmd does not register the net_ena driver: our PMD sources (drivers/net/ena/*.c) have not landed yet. Update the tree (git pull) and run again."

# EAL refuses to load a plugin when any directory above it is writable by
# everyone (a clone under /tmp, for instance): plugin-dir.sh then hands out a
# private copy of both plugins.
plugins=$(devtools/plugin-dir.sh "$builddir") ||
	die "no directory EAL accepts for the plugins; clone the repository outside /tmp (e.g. in your home directory)"
pmd="$plugins/drivers/librte_net_ena.so"
emu="$plugins/emu/librte_ena_emu.so"

file_prefix="ena-run-$$"
eal=(-l "$lcores" --file-prefix="$file_prefix" --log-level=lib.eal:notice
	--log-level=pmd.net.ena.init:info -d "$pmd")

if [ -z "$addr" ]; then
	emulated_setup
else
	eal+=("${dev_eal[@]}")
fi

# testpmd's stdout is a pipe; line buffering keeps its replies whole.
# --txonly-multi-flow varies the source address of the first burst, and
# RSS over every flow type the port offers (testpmd's default hashes IP
# only, not its UDP packets) spreads them, and so the looping traffic,
# over every queue: none sits idle.
cmd=(stdbuf -o0 -e0 "$testpmd" "${eal[@]}" -- -i --rxq="$queues" --txq="$queues"
	--nb-cores=1 --forward-mode="$fwd" --port-topology=loop
	--total-num-mbufs=32768 --txonly-multi-flow)
rss_text=""
if [ "$queues" -gt 1 ]; then
	drive_opts+=(--setup "port config all rss all")
	rss_text=", RSS on every flow type"
fi

cat <<EOF
==== dpdk-ena run ====
device:      $mode_text
PMD:         $pmd
             ($(git describe --always --dirty 2>/dev/null || echo "no git"), loaded with -d ahead of Debian's own net_ena)
testpmd:     $testpmd (DPDK $(dpkg-query -W -f='${Version}' dpdk 2>/dev/null))
forwarding:  $fwd, $queues Rx/Tx queue(s)$rss_text, lcores $lcores, '$start_cmd', $seconds s
command:     ${cmd[*]:3}
transcript:  $log/testpmd.log
EOF
if [ $dry_run -eq 1 ]; then
	echo "run: dry run: not starting testpmd"
	exit 0
fi

python3 devtools/testpmd-drive.py --seconds "$seconds" --interval "$interval" \
	--start "$start_cmd" --log "$log/testpmd.log" ${drive_opts[@]+"${drive_opts[@]}"} \
	--expect-traffic "$([ -z "$addr" ] || [ $tx_first -eq 1 ] && echo yes || echo no)" \
	-- "${cmd[@]}"
rc=$?
rm -rf "/var/run/dpdk/$file_prefix" 2>/dev/null
if [ $rc -ne 0 ]; then
	if grep -q 'No probed ethernet devices\|has no port' "$log/testpmd.log"; then
		echo "run: no port was created: look for 'ena' errors in $log/testpmd.log; doc/guides/nics/ena.rst (Troubleshooting) explains each message."
	fi
	exit $rc
fi
echo "run: OK"

#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Print the C files of directory $1 (relative to the caller's directory),
# one per line, for app/fuzz/meson.build.
set -eu
for f in "$1"/*.c; do
	[ -f "$f" ] && echo "$f"
done

# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 dpdk-ena authors
# Sphinx configuration of the dpdk-ena guides:
#   sphinx-build -W -b html doc/guides build/doc/html   (or ninja -C build doc)
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "_ext"))

project = "dpdk-ena"
author = "dpdk-ena authors"
copyright = "2026, dpdk-ena authors"
version = release = "0.1.0"
extensions = ["ena_features"]
exclude_patterns = ["_build"]
html_theme = "alabaster"
html_static_path = []
highlight_language = "none"

# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 dpdk-ena authors
"""The ``ena-features`` directive: a feature matrix table built from a DPDK
style features file (``[Section]`` then ``Feature name = Y|P``), so the guide
shows exactly what nics/features/ena.ini declares.

    .. ena-features:: features/ena.ini
"""
import configparser
import os

from docutils import nodes
from docutils.parsers.rst import Directive
from docutils.statemachine import StringList

MEANING = {"Y": "yes", "P": "partial", "N": "no"}


class EnaFeatures(Directive):
    required_arguments = 1
    has_content = False

    def run(self):
        env = self.state.document.settings.env
        rel, path = env.relfn2path(self.arguments[0])
        env.note_dependency(rel)
        if not os.path.isfile(path):
            # devtools/doc-check.sh reports a missing file as a failure;
            # the guide itself still builds.
            return [nodes.paragraph(text="(The feature file %s is not "
                                    "present in this tree.)"
                                    % self.arguments[0])]
        ini = configparser.ConfigParser(
            delimiters=("=",), comment_prefixes=(";", "#"),
            inline_comment_prefixes=(";",), interpolation=None)
        ini.optionxform = str
        try:
            ini.read(path)
        except configparser.Error as e:
            raise self.error("cannot parse %s: %s" % (path, e))
        # Emit reStructuredText and let the parser build the tables.
        lines = []
        for section in ini.sections():
            rows = [(k, MEANING.get(v.strip(), v.strip()))
                    for k, v in ini.items(section) if v.strip()]
            if not rows:
                continue
            lines += [".. list-table:: %s" % section,
                      "   :header-rows: 1", "",
                      "   * - Feature", "     - net_ena"]
            for name, value in rows:
                lines += ["   * - %s" % name.replace("*", "\\*"),
                          "     - %s" % value]
            lines.append("")
        if not lines:
            raise self.error("%s declares no feature" % path)
        node = nodes.container()
        self.state.nested_parse(StringList(lines, source=path), 0, node)
        return node.children


def setup(app):
    app.add_directive("ena-features", EnaFeatures)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

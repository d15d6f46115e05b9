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

MEANING = {"Y": "yes", "P": "partial"}


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
            para = nodes.paragraph(text="(The feature file %s is not "
                                   "present in this tree.)"
                                   % self.arguments[0])
            return [para]
        ini = configparser.ConfigParser(
            delimiters=("=",), comment_prefixes=(";", "#"),
            inline_comment_prefixes=(";",), interpolation=None)
        ini.optionxform = str
        try:
            ini.read(path)
        except configparser.Error as e:
            raise self.error("cannot parse %s: %s" % (path, e))
        out = []
        for section in ini.sections():
            rows = [(k, MEANING.get(v.strip(), v.strip()))
                    for k, v in ini.items(section) if v.strip()]
            if not rows:
                continue
            out.append(self.table(section, rows))
        if not out:
            raise self.error("%s declares no feature" % path)
        return out

    @staticmethod
    def table(title, rows):
        table = nodes.table()
        table += nodes.title(text=title)
        group = nodes.tgroup(cols=2)
        table += group
        group += nodes.colspec(colwidth=3)
        group += nodes.colspec(colwidth=1)
        head = nodes.thead()
        group += head
        body = nodes.tbody()
        group += body

        def row(cells, parent):
            r = nodes.row()
            for c in cells:
                entry = nodes.entry()
                entry += nodes.paragraph(text=c)
                r += entry
            parent += r
        row(("Feature", "net_ena"), head)
        for name, value in rows:
            row((name, value), body)
        return table


def setup(app):
    app.add_directive("ena-features", EnaFeatures)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

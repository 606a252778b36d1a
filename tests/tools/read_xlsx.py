#!/usr/bin/python3
"""Dumps a workbook as JSON for the C++ tests: per sheet, the frozen cell,
the autofilter range, column widths and every non-empty cell with its
openpyxl type, value (cached value for formulas, from a second read) and
number format. Run with /usr/bin/python3 (Debian's, which has openpyxl)."""
import datetime
import json
import sys
import zipfile
from xml.etree import ElementTree

import openpyxl


def cell_value(v):
    if isinstance(v, (datetime.datetime, datetime.date)):
        return v.isoformat()
    return v


def custom_properties(path):
    # openpyxl 3.0 does not read docProps/custom.xml: read it directly.
    ns = {"c": "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"}
    with zipfile.ZipFile(path) as z:
        if "docProps/custom.xml" not in z.namelist():
            return {}
        root = ElementTree.fromstring(z.read("docProps/custom.xml"))
    return {p.get("name"): "".join(p.itertext()) for p in root.findall("c:property", ns)}


def main(path):
    formulas = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    out = {"sheets": [], "properties": {
        "title": formulas.properties.title,
        "creator": formulas.properties.creator,
    }}
    out["custom"] = custom_properties(path)
    for ws in formulas.worksheets:
        wv = values[ws.title]
        sheet = {
            "name": ws.title,
            "freeze": ws.freeze_panes,
            "autofilter": ws.auto_filter.ref,
            "widths": {k: d.width for k, d in ws.column_dimensions.items() if d.width},
            "cells": {},
        }
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                cached = wv[c.coordinate].value
                sheet["cells"][c.coordinate] = {
                    "type": c.data_type,  # s string, n number, d date, f formula
                    "is_date": c.is_date,
                    "value": cell_value(c.value),
                    "cached": cell_value(cached),
                    "format": c.number_format,
                    "bold": bool(c.font and c.font.b),
                }
        out["sheets"].append(sheet)
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])

#!/usr/bin/python3
"""Lists what a report workbook holds besides cells, as JSON for the C++
tests: the zip's parts, each chart's type and the ranges (<c:f>) its series
read, and which sheet each drawing hangs from. Run with /usr/bin/python3."""
import json
import re
import sys
import zipfile


def main(path):
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        charts = []
        for name in sorted(n for n in names if re.match(r"xl/charts/chart\d+\.xml$", n)):
            xml = z.read(name).decode("utf-8")
            kinds = re.findall(r"<c:(\w+)Chart>", xml)
            charts.append({"part": name, "kinds": kinds, "ranges": re.findall(r"<c:f>([^<]*)</c:f>", xml)})
        sheets_with_drawings = []
        for name in sorted(n for n in names if re.match(r"xl/worksheets/sheet\d+\.xml$", n)):
            if b"<drawing " in z.read(name):
                sheets_with_drawings.append(name)
        workbook = z.read("xl/workbook.xml").decode("utf-8")
        sheet_names = re.findall(r'<sheet name="([^"]*)"', workbook)
    json.dump({"parts": names, "charts": charts, "sheets": sheet_names,
               "sheets_with_drawings": sheets_with_drawings}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])

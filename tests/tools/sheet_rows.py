#!/usr/bin/python3
"""Prints the values of one sheet of a workbook as JSON rows (lists, header
first), read in openpyxl's read-only mode: quick on sheets of many
thousand rows. Dates come as ISO text. Run with /usr/bin/python3."""
import datetime
import json
import sys

import openpyxl


def value(v):
    if isinstance(v, (datetime.datetime, datetime.date)):
        return v.isoformat()
    return v


def main(path, sheet):
    book = openpyxl.load_workbook(path, read_only=True)
    rows = [[value(v) for v in row] for row in book[sheet].iter_rows(values_only=True)]
    json.dump(rows, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

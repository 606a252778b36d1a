#!/usr/bin/python3
"""The benchmark's peer: the 200,000-row Bookings sheet of tests/bench/
bench_reports.cpp written with python3-xlsxwriter (Debian's, so run with
/usr/bin/python3). Same cells, same formats; prints seconds and peak memory.
Usage: report_bench_peer.py OUT.xlsx [--constant-memory]"""
import datetime
import resource
import sys
import time

import xlsxwriter

ROWS, SLOTS, SPONSORS = 200000, 6452, 2000
STATUSES = ["published", "approved", "confirmed"]


def main(out, constant_memory):
    t0 = time.monotonic()
    names = ["Sponsor %04d & Fils SARL" % s for s in range(SPONSORS)]
    wb = xlsxwriter.Workbook(out, {"constant_memory": constant_memory})
    ws = wb.add_worksheet("Bookings")
    bold = wb.add_format({"bold": True})
    date = wb.add_format({"num_format": "yyyy-mm-dd"})
    money = wb.add_format({"num_format": "[$€-1809]#,##0.00"})
    header = ["Issue date", "Publication", "Placement", "Sponsor", "Status", "Price", "Invoice", "Currency",
              "Effective CPM"]
    for c, h in enumerate(header):
        ws.write_string(0, c, h, bold)
    for k in range(ROWS):
        r = k + 1
        d = k // SLOTS
        price = 10000 + (k % 50) * 500
        audience = 50000 + d * 100
        ws.write_datetime(r, 0, datetime.datetime(2026, 3, d + 1), date)
        ws.write_string(r, 1, "La Lettre du Banc")
        ws.write_string(r, 2, "Classified line")
        ws.write_string(r, 3, names[(k * 7919) % SPONSORS])
        ws.write_string(r, 4, STATUSES[k % 3])
        ws.write_number(r, 5, price / 100.0, money)
        ws.write_string(r, 7, "EUR")
        ws.write_number(r, 8, ((price * 1000 + audience // 2) // audience) / 100.0, money)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, ROWS, 8)
    wb.close()
    print("python3-xlsxwriter %s: %d rows" % (xlsxwriter.__version__, ROWS))
    print("seconds=%.3f peak_kib=%d" % (time.monotonic() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


if __name__ == "__main__":
    main(sys.argv[1], "--constant-memory" in sys.argv[2:])

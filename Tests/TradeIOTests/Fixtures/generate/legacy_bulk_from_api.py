#!/usr/bin/env python3
"""Writes comtrade_legacy_bulk_selected.csv: the REAL rows of comtrade_legacy_selected.csv (legacy API,
22 columns) laid out as the 35-column legacy bulk file, with the bulk-only columns filled as a total row
(2nd partner 0 "World", customs C00 "TOTAL CPC", mode of transport 0 "TOTAL MOT") and the alternative
quantity, gross weight, CIF and FOB values empty. Every figure and code is copied unchanged, so
comtrade_legacy_selected.expected.csv is the reference for both files. UTF-8 BOM and CRLF as in the source.

Run from Tests/TradeIOTests/Fixtures:  python3 generate/legacy_bulk_from_api.py
"""
import csv

BULK = ["Classification", "Year", "Period", "Period Desc.", "Aggregate Level", "Is Leaf Code", "Trade Flow Code",
        "Trade Flow", "Reporter Code", "Reporter", "Reporter ISO", "Partner Code", "Partner", "Partner ISO",
        "2nd Partner Code", "2nd Partner", "2nd Partner ISO", "Customs Proc. Code", "Customs", "Mode of Transport Code",
        "Mode of Transport", "Commodity Code", "Commodity", "Qty Unit Code", "Qty Unit", "Qty", "Alt Qty Unit Code",
        "Alt Qty Unit", "Alt Qty", "Netweight (kg)", "Gross weight (kg)", "Trade Value (US$)", "CIF Trade Value (US$)",
        "FOB Trade Value (US$)", "Flag"]
TOTALS = {"2nd Partner Code": "0", "2nd Partner": "World", "2nd Partner ISO": "WLD", "Customs Proc. Code": "C00",
          "Customs": "TOTAL CPC", "Mode of Transport Code": "0", "Mode of Transport": "TOTAL MOT"}
with open("comtrade_legacy_selected.csv", encoding="utf-8-sig", newline="") as source:
    rows = list(csv.DictReader(source))
with open("comtrade_legacy_bulk_selected.csv", "w", encoding="utf-8-sig", newline="") as out:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(BULK)
    for row in rows:
        writer.writerow([row.get(name, TOTALS.get(name, "")) for name in BULK])

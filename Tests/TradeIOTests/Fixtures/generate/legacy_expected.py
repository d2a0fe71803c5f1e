#!/usr/bin/env python3
"""Writes what a correct reader must give for the REAL legacy Comtrade fixture rows,
using Python's csv module (independent of tradescope's reader).

Run from Tests/TradeIOTests/Fixtures:  python3 generate/legacy_expected.py
Reads comtrade_legacy_head30.csv and comtrade_legacy_selected.csv; writes <name>.expected.csv.
Rules written out: flow code 1 import, 2 export, 3 re-export, 4 re-import; an empty ISO code
leaves the numeric code as the area code; Qty Unit Code 1 = no quantity (quantity empty);
net weight as given; suspect net weight = net weight 0 with a positive value.
"""
import csv

FLOWS = {"1": "import", "2": "export", "3": "re-export", "4": "re-import"}
for name in ["comtrade_legacy_head30", "comtrade_legacy_selected"]:
    with open(name + ".csv", encoding="utf-8-sig", newline="") as source:
        rows = list(csv.DictReader(source))
    with open(name + ".expected.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["line", "period", "reporter", "reporter_code", "partner", "partner_code", "flow", "cmd",
                         "classification", "value", "qty", "net_weight", "legacy_flag", "suspect_net_weight", "description"])
        for index, row in enumerate(rows):
            quantity = "" if row["Qty Unit Code"] == "1" else row["Qty"]
            suspect = row["Netweight (kg)"] != "" and float(row["Netweight (kg)"]) == 0 and float(row["Trade Value (US$)"] or 0) > 0
            writer.writerow([index + 2, row["Period"], row["Reporter ISO"] or row["Reporter Code"], row["Reporter Code"],
                             row["Partner ISO"] or row["Partner Code"], row["Partner Code"], FLOWS[row["Trade Flow Code"]],
                             row["Commodity Code"], row["Classification"], row["Trade Value (US$)"], quantity,
                             row["Netweight (kg)"], row["Flag"], "true" if suspect else "false", row["Commodity"]])

#!/usr/bin/env python3
"""Writes comtrade_plus_synthetic.json: the rows of comtrade_plus_synthetic.csv (SYNTHETIC, not data) as a
Comtrade+ API JSON response, {"elapsedTime": ..., "count": n, "data": [{...}, ...], "error": ""}.

Types as the API gives them: text columns (codes with leading zeros, ISO codes, descriptions) as JSON strings
(escaped with ensure_ascii, so non-ASCII text arrives as \\u escapes), is* columns as true/false, empty fields as
null, every other field as a JSON number written with the CSV's own text when that text is a JSON number, else
as a string (so that the rows a reader must reject stay as they are). One object per line, as the API's output
pretty-printed by nothing in particular: the reader must not care.

Usage: python3 comtrade_plus_json.py   (from Tests/TradeIOTests/Fixtures/generate; Python 3.11, stdlib only)
"""
import csv
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "comtrade_plus_synthetic.csv")
TARGET = os.path.join(HERE, "..", "comtrade_plus_synthetic.json")
TEXT = {"typeCode", "freqCode", "period", "reporterISO", "reporterDesc", "flowCode", "flowDesc", "partnerISO", "partnerDesc",
        "partner2ISO", "partner2Desc", "classificationCode", "classificationSearchCode", "cmdCode", "cmdDesc", "customsCode",
        "customsDesc", "mosCode", "motDesc", "qtyUnitAbbr", "altQtyUnitAbbr"}
NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?\Z")


def value(column, text):
    if text == "":
        return "null"
    if column.startswith("is") and text in ("True", "False", "true", "false"):
        return text.lower()
    if column not in TEXT and NUMBER.match(text):
        return text
    return json.dumps(text, ensure_ascii=True)


def main():
    with open(SOURCE, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header, data = rows[0], rows[1:]
    objects = ["{" + ", ".join(f"{json.dumps(c)}: {value(c, t)}" for c, t in zip(header, row)) + "}" for row in data]
    with open(TARGET, "w", encoding="utf-8", newline="\n") as out:
        out.write('{"elapsedTime": "0.02 secs", "count": %d, "data": [\n' % len(objects))
        out.write(",\n".join(objects))
        out.write('\n], "error": ""}\n')


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes the SYNTHETIC Comtrade+ fixtures of TradeIOTests (no real figures).

Run from Tests/TradeIOTests/Fixtures:  python3 generate/comtrade_plus_synthetic.py
Outputs (relative paths only):
  comtrade_plus_synthetic.csv           47 Comtrade+ fields, UTF-8 BOM, CRLF
  comtrade_plus_bulk_synthetic.csv      the same rows plus datasetCode (48 fields), LF
  comtrade_plus_synthetic.expected.csv  what a correct reader must give for each data line,
                                        written by this script with Python's csv module
                                        (an implementation independent of tradescope's)
Seed 20261129; the output is byte-identical on every run.
"""
import csv, random

FIELDS = ("typeCode freqCode refPeriodId refYear refMonth period reporterCode reporterISO reporterDesc flowCode "
          "flowDesc partnerCode partnerISO partnerDesc partner2Code partner2ISO partner2Desc classificationCode "
          "classificationSearchCode isOriginalClassification cmdCode cmdDesc aggrLevel isLeaf customsCode customsDesc "
          "mosCode motCode motDesc qtyUnitCode qtyUnitAbbr qty isQtyEstimated altQtyUnitCode altQtyUnitAbbr altQty "
          "isAltQtyEstimated netWgt isNetWgtEstimated grossWgt isGrossWgtEstimated cifvalue fobvalue primaryValue "
          "legacyEstimationFlag isReported isAggregate").split()
assert len(FIELDS) == 47

AREAS = [(156, "CHN", "China"), (408, "PRK", "Dem. People's Rep. of Korea"), (410, "KOR", "Rep. of Korea"),
         (490, "S19", "Other Asia, nes"), (0, "W00", "World")]
FLOWS = [("M", "Import", "import"), ("X", "Export", "export"), ("RX", "Re-export", "re-export"), ("RM", "Re-import", "re-import")]
CODES = [("2701", 'Coal; briquettes, ovoids and similar solid fuels manufactured from coal', 4),
         ("270112", 'Coal; bituminous, whether or not pulverised, but not agglomerated', 6),
         ("27", 'Mineral fuels, mineral oils and products of their distillation; "bituminous" substances', 2),
         ("2601", "Iron ores and concentrates, including roasted iron pyrites", 4),
         ("TOTAL", "All Commodities", 0)]

rng = random.Random(20261129)


def base_row():
    reporter = rng.choice(AREAS[:4])
    partner = rng.choice([a for a in AREAS if a != reporter])
    flow = rng.choice(FLOWS)
    code, desc, level = rng.choice(CODES)
    year = rng.randint(2012, 2019)
    monthly = rng.random() < 0.5
    month = rng.randint(1, 12) if monthly else 52
    period = f"{year}{month:02d}" if monthly else str(year)
    value = round(rng.uniform(1e3, 5e8), 2)
    kind = rng.random()
    if kind < 0.2:   # no quantity
        unit, abbr, qty, netwgt = -1, "N/A", "", ""
    elif kind < 0.3:  # zero quantity against a positive value: suspect
        unit, abbr, qty, netwgt = 8, "kg", "0", "0"
    else:
        q = float(rng.randint(1, 10**9))
        unit, abbr, qty, netwgt = 8, "kg", repr(q), repr(q)
    row = dict.fromkeys(FIELDS, "")
    row.update(typeCode="C", freqCode="M" if monthly else "A", refPeriodId=f"{year}{(month if monthly else 1):02d}01",
               refYear=str(year), refMonth=str(month), period=period,
               reporterCode=str(reporter[0]), reporterISO=reporter[1], reporterDesc=reporter[2],
               flowCode=flow[0], flowDesc=flow[1], partnerCode=str(partner[0]), partnerISO=partner[1], partnerDesc=partner[2],
               partner2Code="0", partner2ISO="W00", partner2Desc="World", classificationCode=rng.choice(["H3", "H4", "H5"]),
               classificationSearchCode="HS", isOriginalClassification="True", cmdCode=code, cmdDesc=desc,
               aggrLevel=str(level), isLeaf="True" if level == 6 else "False", customsCode="C00", customsDesc="TOTAL CPC",
               mosCode="0", motCode="0", motDesc="TOTAL MOT", qtyUnitCode=str(unit), qtyUnitAbbr=abbr, qty=qty,
               isQtyEstimated=rng.choice(["True", "False"]), altQtyUnitCode="-1", altQtyUnitAbbr="N/A", altQty="",
               isAltQtyEstimated="False", netWgt=netwgt, isNetWgtEstimated=rng.choice(["True", "False"]), grossWgt="",
               isGrossWgtEstimated="False", cifvalue=repr(value) if flow[0] in ("M", "RM") else "",
               fobvalue=repr(value) if flow[0] in ("X", "RX") else "", primaryValue=repr(value),
               legacyEstimationFlag=rng.choice(["0", "0", "2", "4", "6"]), isReported="True", isAggregate="False")
    return row, flow[2]


rows = []   # (row dict, expectation dict)
for _ in range(24):
    row, flow = base_row()
    rows.append((row, dict(status="kept", period=row["period"] if row["freqCode"] == "A" else row["period"][:4] + "-" + row["period"][4:],
                           reporter=row["reporterISO"], reporter_code=row["reporterCode"], partner=row["partnerISO"],
                           partner_code=row["partnerCode"], flow=flow, cmd=row["cmdCode"], classification=row["classificationCode"],
                           value=row["primaryValue"], qty=row["qty"], qty_unit_code=row["qtyUnitCode"] if row["qty"] else "",
                           net_weight=row["netWgt"], qty_estimated=row["isQtyEstimated"].lower(),
                           net_weight_estimated=row["isNetWgtEstimated"].lower(), legacy_flag=row["legacyEstimationFlag"],
                           suspect="true" if row["qty"] == "0" else "false", description=row["cmdDesc"], reject_column="")))

# Rows a correct reader must reject, each with the column it must name.
for column, change in [("flowCode", dict(flowCode="DX")), ("motCode", dict(motCode="2100")),
                       ("refMonth", None), ("qty", dict(qtyUnitCode="-1", qtyUnitAbbr="N/A", qty="5.0")),
                       ("reporterISO", dict(reporterISO="CHINA")), ("primaryValue", dict(primaryValue="-12.5"))]:
    row, _ = base_row()
    if change is None:   # refMonth that disagrees with period
        row.update(freqCode="A", period=row["refYear"], refMonth="7")
    else:
        row.update(change)
    rows.append((row, dict(status="rejected", reject_column=column)))

rng.shuffle(rows)

def write(name, fields, extra, bom, terminator):
    with open(name, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator=terminator)
        writer.writerow(fields)
        for row, _ in rows:
            writer.writerow([row[f] for f in FIELDS] + extra)

write("comtrade_plus_synthetic.csv", FIELDS, [], True, "\r\n")
write("comtrade_plus_bulk_synthetic.csv", FIELDS + ["datasetCode"], ["1234567890"], False, "\n")

EXPECTED = ["line", "status", "reject_column", "period", "reporter", "reporter_code", "partner", "partner_code", "flow", "cmd",
            "classification", "value", "qty", "qty_unit_code", "net_weight", "qty_estimated", "net_weight_estimated",
            "legacy_flag", "suspect", "description"]
with open("comtrade_plus_synthetic.expected.csv", "w", encoding="utf-8", newline="") as out:
    writer = csv.DictWriter(out, EXPECTED, lineterminator="\n", restval="")
    writer.writeheader()
    for index, (_, expectation) in enumerate(rows):
        writer.writerow(dict(expectation, line=index + 2))   # no field holds a line break

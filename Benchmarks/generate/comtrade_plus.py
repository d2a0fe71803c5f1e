#!/usr/bin/env python3
"""Writes a SYNTHETIC Comtrade+ monthly CSV in the real 47-column layout (ECOSYSTEM.md §3).

Benchmark input only: the HS codes, country codes and unit codes are real, but every figure
(value, quantity, weight, flags) is drawn from a seeded random generator. Never use the output
as data.

Layout: `rows // months` series (reporter, partner, flow, HS6 code), each over `months`
consecutive months from 2015-01. Per series a log-normal base value and an HS-chapter unit
price; per month a seasonal factor and log-normal noise. About 3% of rows have a missing
quantity (empty `qty`, `qtyUnitCode` -1, `N/A`) and about 0.5% a zero quantity with a positive
value (a suspect quantity). Descriptions containing commas are quoted (RFC 4180), as are the
country names that contain commas.

Row order (`--order`): the same rows (the same random draws, in the same generation order) written
- `series` (default): series-major, each series' months one after another (the generation order);
- `period`: period-major, one period after another and within a period one reporter after another
  (reporters by numeric code, series in generation order within a reporter): the order of the
  Comtrade+ API (one reporter-period block after another) and of bulk files (one period each);
- `shuffled`: a seeded random permutation (`random.Random(seed + 1).shuffle`) of the series-major rows.

Usage: comtrade_plus.py --rows 2000000 --seed 20261129 [--order period] --out Benchmarks/data/comtrade_plus_2000000.csv
"""
import argparse
import csv
import io
import math
import os
import random
import sys

HEADER = (
    "typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,reporterDesc,"
    "flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,partner2Code,partner2ISO,partner2Desc,"
    "classificationCode,classificationSearchCode,isOriginalClassification,cmdCode,cmdDesc,aggrLevel,"
    "isLeaf,customsCode,customsDesc,mosCode,motCode,motDesc,qtyUnitCode,qtyUnitAbbr,qty,"
    "isQtyEstimated,altQtyUnitCode,altQtyUnitAbbr,altQty,isAltQtyEstimated,netWgt,isNetWgtEstimated,"
    "grossWgt,isGrossWgtEstimated,cifvalue,fobvalue,primaryValue,legacyEstimationFlag,isReported,"
    "isAggregate"
)
assert len(HEADER.split(",")) == 47

# (M49 code, ISO alpha-3, description as in Comtrade+ reference tables)
COUNTRIES = [
    (156, "CHN", "China"), (408, "PRK", "Dem. People's Rep. of Korea"), (410, "KOR", "Rep. of Korea"),
    (643, "RUS", "Russian Federation"), (392, "JPN", "Japan"), (842, "USA", "USA"),
    (276, "DEU", "Germany"), (251, "FRA", "France"), (699, "IND", "India"),
    (490, "S19", "Other Asia, nes"), (704, "VNM", "Viet Nam"), (764, "THA", "Thailand"),
    (36, "AUS", "Australia"), (76, "BRA", "Brazil"), (360, "IDN", "Indonesia"),
    (458, "MYS", "Malaysia"), (826, "GBR", "United Kingdom"), (381, "ITA", "Italy"),
    (124, "CAN", "Canada"), (484, "MEX", "Mexico"), (344, "HKG", "China, Hong Kong SAR"),
    (496, "MNG", "Mongolia"), (566, "NGA", "Nigeria"), (682, "SAU", "Saudi Arabia"),
]

# Comtrade+ quantity units used here: code -> abbreviation (ECOSYSTEM.md §3 table)
UNITS = {8: "kg", 5: "u", 6: "2u", 7: "l", 12: "m³", 9: "1000u"}

# (HS 2017 code, abbreviated heading text, Comtrade+ qtyUnitCode, base unit price USD per unit)
# The text is the start of the HS heading, shortened; the unit price scale is a rough order of
# magnitude chosen for the benchmark, not a statistic.
COMMODITIES = [
    ("270111", "Coal; anthracite, whether or not pulverised, but not agglomerated", 8, 0.09),
    ("270112", "Coal; bituminous, whether or not pulverised, but not agglomerated", 8, 0.08),
    ("270119", "Coal; other than anthracite and bituminous, whether or not pulverised", 8, 0.07),
    ("270400", "Coke and semi-coke of coal, of lignite or of peat, whether or not agglomerated; retort carbon", 8, 0.2),
    ("270900", "Petroleum oils and oils obtained from bituminous minerals, crude", 8, 0.45),
    ("271012", "Light oils and preparations, not containing biodiesel", 8, 0.7),
    ("260111", "Iron ores and concentrates; non-agglomerated", 8, 0.08),
    ("260700", "Lead ores and concentrates", 8, 1.6),
    ("260800", "Zinc ores and concentrates", 8, 1.2),
    ("030342", "Fish; frozen, yellowfin tunas, excluding fillets, livers, roes and milt", 8, 2.5),
    ("030617", "Crustaceans; frozen, shrimps and prawns, in shell or not, smoked, cooked or not", 8, 8.0),
    ("030749", "Molluscs; cuttle fish and squid, frozen, dried, salted or in brine", 8, 3.0),
    ("100630", "Cereals; rice, semi-milled or wholly milled, whether or not polished or glazed", 8, 0.5),
    ("110100", "Wheat or meslin flour", 8, 0.35),
    ("220300", "Beer made from malt", 7, 1.1),
    ("220421", "Wine; still, in containers holding 2 litres or less", 7, 6.0),
    ("440320", "Wood; coniferous, in the rough, whether or not stripped of bark or sapwood", 12, 120.0),
    ("440710", "Wood; coniferous, sawn or chipped lengthwise, sliced or peeled, thickness over 6mm", 12, 250.0),
    ("610910", "T-shirts, singlets and other vests; of cotton, knitted or crocheted", 5, 3.5),
    ("620343", "Trousers, bib and brace overalls, breeches and shorts; men's or boys', of synthetic fibres", 5, 9.0),
    ("620462", "Trousers, bib and brace overalls, breeches and shorts; women's or girls', of cotton", 5, 8.0),
    ("640399", "Footwear; with outer soles of rubber, plastics, leather, uppers of leather, n.e.c.", 6, 18.0),
    ("720712", "Iron or non-alloy steel; semi-finished products, rectangular, less than 0.25% carbon", 8, 0.5),
    ("720839", "Iron or non-alloy steel; flat-rolled, width 600mm or more, hot-rolled, in coils, under 3mm", 8, 0.6),
    ("741300", "Copper; stranded wire, cables, plaited bands and the like, not electrically insulated", 8, 7.5),
    ("760110", "Aluminium; unwrought, not alloyed", 8, 2.0),
    ("847130", "Machines; portable automatic data processing machines, weighing not more than 10kg", 5, 400.0),
    ("850440", "Electrical static converters", 5, 25.0),
    ("851712", "Telephones for cellular networks or for other wireless networks", 5, 180.0),
    ("870323", "Vehicles; spark-ignition engine, cylinder capacity over 1500cc but not over 3000cc", 5, 22000.0),
    ("870421", "Vehicles; compression-ignition engine, for transport of goods, g.v.w. not exceeding 5 tonnes", 5, 15000.0),
    ("890190", "Vessels; for the transport of goods and for the transport of both persons and goods, n.e.c.", 5, 900000.0),
    ("910219", "Wrist-watches; other than battery or accumulator powered, electrically operated", 5, 12.0),
    ("670411", "Wigs; complete, of synthetic textile materials", 5, 6.0),
    ("670419", "False beards, eyebrows and eyelashes, switches and the like; of synthetic textile materials", 8, 60.0),
    ("300490", "Medicaments; consisting of mixed or unmixed products, for therapeutic or prophylactic uses, n.e.c.", 8, 80.0),
    ("392690", "Plastics; other articles n.e.c. in chapter 39", 8, 5.0),
    ("940360", "Furniture; wooden, n.e.c. in heading 9403", 5, 90.0),
    ("950300", "Tricycles, scooters, pedal cars and similar wheeled toys; dolls; other toys; models; puzzles", 8, 7.0),
    ("681599", "Stone or other mineral substances; articles n.e.c. in heading 6815", 8, 1.3),
    ("251990", "Magnesium oxide; fused magnesia, dead-burned (sintered) magnesia, other", 8, 0.3),
    ("710812", "Metals; gold, non-monetary, unwrought (but not powder)", 8, 45000.0),
    ("090240", "Tea, black (fermented) and partly fermented, in immediate packings exceeding 3kg", 8, 3.2),
    ("200899", "Fruit, nuts and other edible parts of plants; prepared or preserved, n.e.c.", 8, 2.2),
    ("847989", "Machines and mechanical appliances; having individual functions, n.e.c. in chapter 84", 5, 3500.0),
    ("852872", "Reception apparatus for television; colour, n.e.c. in heading 8528", 5, 230.0),
    ("610462", "Trousers, bib and brace overalls, breeches and shorts; women's or girls', of cotton, knitted", 9, 4500.0),
]


def quote(text):
    """RFC 4180: quote a field containing a comma, a quote or a line break."""
    if any(c in text for c in ',"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--months", type=int, default=60)
    parser.add_argument("--seed", type=int, default=20261129)
    parser.add_argument("--order", choices=("series", "period", "shuffled"), default="series")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    months = args.months
    series_count = max(1, args.rows // months)
    flows = [("M", "Import"), ("X", "Export")]
    tmp = args.out + ".tmp"
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    written = 0
    # Other orders: every row is kept as (period index, reporter code, series index, line) and written reordered.
    kept = [] if args.order != "series" else None
    with open(tmp, "w", encoding="utf-8", newline="") as out:
        out.write(HEADER + "\n")
        buf = io.StringIO()
        for s in range(series_count):
            reporter = rng.choice(COUNTRIES)
            partner = rng.choice(COUNTRIES)
            while partner is reporter:
                partner = rng.choice(COUNTRIES)
            flow_code, flow_desc = rng.choice(flows)
            code, desc, unit, price0 = rng.choice(COMMODITIES)
            abbr = UNITS[unit]
            classification = rng.choice(("H4", "H5", "H5", "H5"))
            base_value = math.exp(rng.gauss(11.5, 2.0))
            price_series = price0 * math.exp(rng.gauss(0.0, 0.3))
            drift = rng.gauss(0.0, 0.01)
            season_amp = rng.uniform(0.0, 0.3)
            season_phase = rng.uniform(0.0, 2 * math.pi)
            kg_per_unit = 1.0 if unit == 8 else math.exp(rng.gauss(0.0, 1.0)) * (900.0 if unit == 12 else 1.0)
            prefix = ",".join((
                str(reporter[0]), reporter[1], quote(reporter[2]), flow_code, flow_desc,
                str(partner[0]), partner[1], quote(partner[2]), "0", "W00", "World",
                classification, "HS", "True", code, quote(desc), "6", "True",
                "C00", "TOTAL CPC", "0", "0", "TOTAL MOT",
            ))
            for m in range(months):
                year = 2015 + m // 12
                month = m % 12 + 1
                seasonal = 1.0 + season_amp * math.sin(2 * math.pi * month / 12 + season_phase)
                value = base_value * math.exp(drift * m + rng.gauss(0.0, 0.25)) * seasonal
                value = float(max(1, round(value)))
                price = price_series * math.exp(rng.gauss(0.0, 0.1))
                u = rng.random()
                estimated = "True" if rng.random() < 0.05 else "False"
                if u < 0.03:        # missing quantity
                    qty_fields = "-1,N/A,," + "False"
                    net = ""
                    net_est = "False"
                elif u < 0.035:     # zero quantity with a positive value: suspect
                    qty_fields = f"{unit},{abbr},0,{estimated}"
                    net = "0"
                    net_est = estimated
                else:
                    qty = value / price
                    qty_text = f"{qty:.0f}" if qty >= 100 else f"{qty:.3f}"
                    qty_fields = f"{unit},{abbr},{qty_text},{estimated}"
                    net = qty_text if unit == 8 else f"{qty * kg_per_unit:.0f}"
                    net_est = estimated
                vtext = f"{value:.0f}"
                if flow_code == "M":
                    cif, fob = vtext, ""
                else:
                    cif, fob = "", vtext
                legacy = "4" if estimated == "True" else "0"
                reported = "False" if rng.random() < 0.02 else "True"
                line = (
                    f"C,M,{year}{month:02d}01,{year},{month},{year}{month:02d},{prefix},"
                    f"{qty_fields},-1,N/A,,False,{net},{net_est},,False,{cif},{fob},{vtext},"
                    f"{legacy},{reported},False\n"
                )
                if kept is None:
                    buf.write(line)
                else:
                    kept.append((m, reporter[0], s, line))
                written += 1
            if s % 2000 == 1999:
                out.write(buf.getvalue())
                buf = io.StringIO()
        out.write(buf.getvalue())
        if kept is not None:
            if args.order == "period":
                kept.sort(key=lambda row: (row[0], row[1], row[2]))
            else:
                random.Random(args.seed + 1).shuffle(kept)
            for start in range(0, len(kept), 100_000):
                out.write("".join(row[3] for row in kept[start:start + 100_000]))
    os.replace(tmp, args.out)
    size = os.path.getsize(args.out)
    print(f"wrote {args.out}: {written} rows in {args.order} order, {size / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Peers for reading the Comtrade+ CSV and for the chapter-by-month unit-price roll-up.

Tasks: {pandas,polars,duckdb}-{read,rollup,validate}. One core: run.py sets POLARS_MAX_THREADS=1 and
DuckDB gets `SET threads = 1`; pandas' C parser is single-threaded.

Roll-up (the same definition as Benchmarks/Sources/TradeScopeBench/Tasks/UnitPriceRollupTask.swift):
for each (cmdCode[0:2], period, qtyUnitCode), Σ primaryValue / Σ qty over rows whose qty is
present and > 0; missing and zero quantities are counted and left out.
"""
import sys

from common import arguments, measure

# Column types given to polars and DuckDB: their sniffers look at the first rows only, and
# cmdCode has leading zeros. pandas infers from the whole column and needs none but cmdCode.
FLOATS = ["qty", "altQty", "netWgt", "grossWgt", "cifvalue", "fobvalue", "primaryValue"]
USED = ["period", "cmdCode", "qtyUnitCode", "qty", "primaryValue"]


def checksum_from_groups(groups, rows, missing, zero):
    """groups: iterable of (value_sum, qty_sum, rows_used) for groups with rows_used > 0."""
    value_sum = qty_sum = price_sum = 0.0
    used = count = 0
    for v, q, n in groups:
        value_sum += v
        qty_sum += q
        price_sum += v / q
        used += n
        count += 1
    return rows, {"groups": count, "rows_used": used, "missing_qty": missing, "zero_qty": zero,
                  "value_sum": value_sum, "qty_sum": qty_sum, "unit_price_sum": price_sum}


def ingest_checksum(rows, suspect):
    """The checksum of `ingest --dry-run` and `ingest` (IngestValidateTask.swift): rows read, rows
    kept, rows with a positive value whose quantity is zero under a real unit or whose net weight is
    zero (suspect quantities, issue 18). The
    generator writes only valid rows with distinct keys, so tradescope must keep every row: kept is
    the row count here, and a row tradescope rejected or lost shows as a MISMATCH."""
    return rows, {"rows": rows, "kept": rows, "suspect_qty": suspect}


def pandas_read(path):
    import pandas as pd
    df = pd.read_csv(path, dtype={"cmdCode": str})
    return len(df), {"rows": len(df), "fields": len(df) * len(df.columns) + len(df.columns)}


def pandas_rollup(path):
    import pandas as pd
    df = pd.read_csv(path, usecols=USED, dtype={"cmdCode": str})
    missing = int(df["qty"].isna().sum())
    zero = int((df["qty"] == 0).sum())
    used = df[df["qty"] > 0]
    g = used.groupby([used["cmdCode"].str[:2], used["period"], used["qtyUnitCode"]], sort=False).agg(
        v=("primaryValue", "sum"), q=("qty", "sum"), n=("qty", "size"))
    return checksum_from_groups(zip(g["v"], g["q"], g["n"]), len(df), missing, zero)


def pandas_validate(path):
    """Every column parsed (as `pandas-read`), then the counts of the ingest checksum."""
    import pandas as pd
    df = pd.read_csv(path, dtype={"cmdCode": str})
    suspect = int(((df["primaryValue"] > 0) & (((df["qty"] == 0) & (df["qtyUnitCode"] != -1)) | (df["netWgt"] == 0))).sum())
    return ingest_checksum(len(df), suspect)


def polars_schema():
    import polars as pl
    overrides = {name: pl.Float64 for name in FLOATS}
    overrides["cmdCode"] = pl.Utf8
    return overrides


def polars_read(path):
    import polars as pl
    df = pl.read_csv(path, schema_overrides=polars_schema())
    return df.height, {"rows": df.height, "fields": df.height * df.width + df.width}


def polars_rollup(path):
    import polars as pl
    lf = pl.scan_csv(path, schema_overrides=polars_schema())
    groups = (
        lf.select(USED)
        .group_by(pl.col("cmdCode").str.slice(0, 2).alias("ch"), "period", "qtyUnitCode")
        .agg(
            v=pl.col("primaryValue").filter(pl.col("qty") > 0).sum(),
            q=pl.col("qty").filter(pl.col("qty") > 0).sum(),
            n=(pl.col("qty") > 0).sum(),
            missing=pl.col("qty").is_null().sum(),
            zero=(pl.col("qty") == 0).sum(),
            rows=pl.len(),
        )
        .collect()
    )
    missing = int(groups["missing"].sum())
    zero = int(groups["zero"].sum())
    rows = int(groups["rows"].sum())
    used = groups.filter(pl.col("n") > 0)
    return checksum_from_groups(zip(used["v"], used["q"], used["n"]), rows, missing, zero)


def polars_validate(path):
    import polars as pl
    df = pl.read_csv(path, schema_overrides=polars_schema())
    suspect = df.filter((pl.col("primaryValue") > 0)
                        & (((pl.col("qty") == 0) & (pl.col("qtyUnitCode") != -1)).fill_null(False) | (pl.col("netWgt") == 0).fill_null(False))).height
    return ingest_checksum(df.height, suspect)


def duckdb_source(path):
    types = ", ".join(f"'{name}': 'DOUBLE'" for name in FLOATS) + ", 'cmdCode': 'VARCHAR'"
    return f"read_csv('{path}', header = true, types = {{{types}}})"


def duckdb_connect():
    import duckdb
    con = duckdb.connect()
    con.execute("SET threads = 1")
    return con


def duckdb_read(path):
    con = duckdb_connect()
    con.execute(f"CREATE TABLE t AS SELECT * FROM {duckdb_source(path)}")
    rows, columns = con.execute("SELECT count(*) FROM t").fetchone()[0], len(con.execute("SELECT * FROM t LIMIT 0").description)
    con.close()
    return rows, {"rows": rows, "fields": rows * columns + columns}


def duckdb_validate(path):
    con = duckdb_connect()
    con.execute(f"CREATE TABLE t AS SELECT * FROM {duckdb_source(path)}")
    rows, suspect = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE primaryValue > 0 AND (coalesce(qty = 0 AND qtyUnitCode <> -1, false) OR coalesce(netWgt = 0, false))) FROM t").fetchone()
    con.close()
    return ingest_checksum(rows, suspect)


def duckdb_rollup(path):
    con = duckdb_connect()
    result = con.execute(f"""
        SELECT sum(primaryValue) FILTER (WHERE qty > 0), sum(qty) FILTER (WHERE qty > 0),
               count(*) FILTER (WHERE qty > 0), count(*) FILTER (WHERE qty IS NULL),
               count(*) FILTER (WHERE qty = 0), count(*)
        FROM {duckdb_source(path)}
        GROUP BY substr(cmdCode, 1, 2), period, qtyUnitCode""").fetchall()
    con.close()
    missing = sum(r[3] for r in result)
    zero = sum(r[4] for r in result)
    rows = sum(r[5] for r in result)
    return checksum_from_groups(((r[0], r[1], r[2]) for r in result if r[2] > 0), rows, missing, zero)


TASKS = {
    "pandas-read": pandas_read, "polars-read": polars_read, "duckdb-read": duckdb_read,
    "pandas-rollup": pandas_rollup, "polars-rollup": polars_rollup, "duckdb-rollup": duckdb_rollup,
    "pandas-validate": pandas_validate, "polars-validate": polars_validate, "duckdb-validate": duckdb_validate,
}

if __name__ == "__main__":
    args = arguments(sys.argv[1:])
    tool = args.task.split("-")[0]
    measure(tool, args.task, args.size, lambda: TASKS[args.task](args.input), args.warmup, args.runs, args.input)

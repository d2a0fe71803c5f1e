# tradescope: two commands on a fresh machine.
#   make report   install missing system packages, build, run the main job on the bundled data
#   make test     the same, then every test, in debug and in release mode
#   make notebooks  build, then execute every Notebooks/*.ipynb headless in a pinned venv; fails on any error
#   make check-html  every HTML page type in headless Chromium at 1280 and 390 px (1-2 min); docs-charts: README charts
#   make spark-check  the Spark driver (Tools/spark) in local[2] against --by on a store: identical results
#   make export-check  load an export with pandas in the notebooks' venv (and run the pandas test there)
#   make bench    benchmarks beside pandas/polars/DuckDB/numpy/statsmodels (Benchmarks/README.md); bench-quick: small sizes
SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := libopenblas-dev liblapack-dev zlib1g-dev
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/debug/tradescope
export OPENBLAS_NUM_THREADS := 1

.PHONY: all deps build report test clean release check-html docs-charts bench bench-quick bench-build notebooks notebooks-update spark-check export-check \
	fuzz-build fuzz fuzz-smoke kill-test test-release sanitize sanitize-address sanitize-thread

all: report

# Installs the system packages the CLAPACK and CZlib modules link against, when missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

# The Swift runtime and Foundation linked statically: the process starts in about 8 ms instead of
# 12 (Benchmarks/README.md), and the binary runs where Swift is not installed (it still needs
# libsqlite3, libopenblas0 and zlib). Into .build/release/tradescope.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib --product tradescope

report: build
	$(BIN) report

# Every test in debug mode, then in release mode (test-release): optimised code takes other paths
# (inlining, floating-point contraction, timing of the threaded ingest), and the CLI users run is
# a release build. About 5 min more on 2 cores, most of it the optimised build.
test: report
	$(SWIFT) test 2>&1 | tee .build/test.log; test $${PIPESTATUS[0]} -eq 0
	$(MAKE) test-release

# Renders every HTML page type (the report and the page of trend, breaks, anomalies, decompose,
# forecast and index) in headless Chromium at 1280 and 390 px: fails on console errors, script
# errors or text overflowing its box; the report's pie drill-down must work; screenshots land in
# .build/check-html/<page>-<width>.png. 55 s to 2 min on 2 cores (30 Chromium runs), so it is
# not part of .ci/run.
# The README's example charts (docs/img/chart-*.svg), written by the CLI from the bundled data.
docs-charts: build
	Tools/docs-charts.sh $(BIN) docs/img

check-html: build
	@command -v chromium >/dev/null || { echo "installing: chromium"; $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }
	Tools/check-html.sh $(BIN) .build/check-html

# The test suite in release mode (optimised code takes other paths: inlining, no overflow-check
# elision differences in C, timing), into .build/test-release.log.
test-release: deps
	$(SWIFT) test -c release 2>&1 | tee .build/test-release.log; test $${PIPESTATUS[0]} -eq 0

# The test suite under AddressSanitizer, then the ingest pipeline's tests (TradeIO and the ingest
# commands; the reader keeps three Unmanaged references on its hot path) under ThreadSanitizer.
# Separate build paths, so the debug build is not rebuilt. Logs in .build/sanitize-*.log.
# Leaks inside the toolchain's Foundation and XCTest are suppressed by .ci/lsan.supp (each entry says
# why); TRADESCOPE_SANITIZER tells the tests that measure peak memory to stand aside, since the
# sanitizer's shadow memory and quarantine are what they would measure. About 14 min on 2 cores for
# the address pass (4 min build, 6.5 min tests), so CI (.ci/run) runs only the thread pass (about 3.5
# min: the ingest pipeline's threads) and leaves the address pass to this target; fuzz-smoke in CI runs
# the readers and writers under AddressSanitizer.
SANITIZE_TSAN_FILTER ?= TradeIOTests|IngestCommandTests|IngestOutputTests|StoreRobustnessTests
sanitize: sanitize-address sanitize-thread

sanitize-address: deps
	LSAN_OPTIONS=suppressions=$(CURDIR)/.ci/lsan.supp:print_suppressions=1 TRADESCOPE_SANITIZER=address \
	  $(SWIFT) test --build-path .build/asan --sanitize=address 2>&1 | tee .build/sanitize-address.log; test $${PIPESTATUS[0]} -eq 0

sanitize-thread: deps
	TRADESCOPE_SANITIZER=thread $(SWIFT) test --build-path .build/tsan --sanitize=thread --filter '$(SANITIZE_TSAN_FILTER)' 2>&1 | tee .build/sanitize-thread.log; test $${PIPESTATUS[0]} -eq 0

# Fuzzing (issue 11). libFuzzer cannot link through SwiftPM (TIPS.md), so the library
# modules are built with SwiftPM under the fuzzer and address sanitizers (compile only),
# and each entry in Fuzz/Sources is linked by its own swiftc line below.
#   make fuzz        each target for FUZZ_SECONDS (default 600)
#   make fuzz-smoke  each target for FUZZ_SMOKE_SECONDS (default 20; .ci/run uses 10)
# Seeds are in Fuzz/corpus/<target>; new inputs go to .build/fuzz/corpus/<target>, and a
# crash, leak or timeout leaves its input in .build/fuzz/artifacts/<target>/ and fails.
FUZZ_SECONDS ?= 600
FUZZ_SMOKE_SECONDS ?= 20
FUZZ_TARGETS := trade-csv codes scenario-file sanction-calendar writers
FUZZ_DIR := .build/fuzz
FUZZ_MODULES := $(FUZZ_DIR)/debug/Modules
FUZZ_SWIFTC = swiftc -sanitize=fuzzer,address -parse-as-library -I $(FUZZ_MODULES) \
  -Xcc -fmodule-map-file=.build/checkouts/Yams/Sources/CYaml/include/module.modulemap \
  -Xcc -fmodule-map-file=.build/checkouts/GRDB.swift/Sources/GRDBSQLite/module.modulemap \
  -Xcc -fmodule-map-file=Sources/CLAPACK/module.modulemap -Xcc -fmodule-map-file=Sources/CZlib/module.modulemap \
  -Xcc -fmodule-map-file=$(FUZZ_DIR)/debug/CTradeIO.build/module.modulemap -Xcc -I -Xcc Sources/CTradeIO/include \
  $$(find $(addprefix $(FUZZ_DIR)/debug/,TradeDomain.build TradeIO.build CTradeIO.build GRDB.build Yams.build CYaml.build NumericCore.build TrendAnalysis.build Scenarios.build Reports.build) -name '*.o') \
  -lsqlite3 -lopenblas -lz 2> >(grep -v 'Cannot export local symbol' >&2)

fuzz-build: deps
	$(SWIFT) build --build-path $(FUZZ_DIR) -Xswiftc -sanitize=fuzzer,address --target TradeIO
	$(SWIFT) build --build-path $(FUZZ_DIR) -Xswiftc -sanitize=fuzzer,address --target Scenarios
	$(SWIFT) build --build-path $(FUZZ_DIR) -Xswiftc -sanitize=fuzzer,address --target Reports
	@mkdir -p $(FUZZ_DIR)/bin
	$(FUZZ_SWIFTC) -module-name FuzzTradeCSV Fuzz/Sources/FuzzTradeCSV.swift -o $(FUZZ_DIR)/bin/fuzz-trade-csv
	$(FUZZ_SWIFTC) -module-name FuzzCodes Fuzz/Sources/FuzzCodes.swift -o $(FUZZ_DIR)/bin/fuzz-codes
	$(FUZZ_SWIFTC) -module-name FuzzScenarioFile Fuzz/Sources/FuzzScenarioFile.swift -o $(FUZZ_DIR)/bin/fuzz-scenario-file
	$(FUZZ_SWIFTC) -module-name FuzzSanctionCalendar Fuzz/Sources/FuzzSanctionCalendar.swift -o $(FUZZ_DIR)/bin/fuzz-sanction-calendar
	$(FUZZ_SWIFTC) -module-name FuzzWriters Fuzz/Sources/FuzzWriters.swift -o $(FUZZ_DIR)/bin/fuzz-writers

# The SIGKILL test of the store (StoreRobustnessTests) with 100 kills in a row
# (make test runs 3); KILL_ITERATIONS overrides.
KILL_ITERATIONS ?= 100
kill-test: build
	TRADESCOPE_KILL_ITERATIONS=$(KILL_ITERATIONS) $(SWIFT) test --filter 'StoreRobustnessTests/killLoop' 2>&1 | tee .build/kill-test.log; test $${PIPESTATUS[0]} -eq 0

fuzz: fuzz-build
	Fuzz/run.sh $(FUZZ_DIR) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

fuzz-smoke: fuzz-build
	Fuzz/run.sh $(FUZZ_DIR) $(FUZZ_SMOKE_SECONDS) $(FUZZ_TARGETS)

clean:
	rm -rf .build

# Benchmarks (never run by `make test`): a nested release package, C limit probes, a pinned venv.
BENCH_VENV := Benchmarks/.venv
$(BENCH_VENV)/.installed: Benchmarks/requirements.txt
	python3 -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install -q -r Benchmarks/requirements.txt
	touch $@

bench-build: deps $(BENCH_VENV)/.installed
	@Rscript -e 'suppressMessages(library(strucchange))' >/dev/null 2>&1 || { echo "installing: r-base-core r-cran-strucchange (the Bai-Perron peer)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq r-base-core r-cran-strucchange \
	  || echo "R not installed: the strucchange rows will be skipped with a note"; }
	cd Benchmarks && $(SWIFT) build -c release
	mkdir -p Benchmarks/.build/limits
	cc -O2 -o Benchmarks/.build/limits/linescan Benchmarks/limits/linescan.c
	cc -O2 -o Benchmarks/.build/limits/membw Benchmarks/limits/membw.c

bench: bench-build
	$(BENCH_VENV)/bin/python Benchmarks/run.py --mode full --readme Benchmarks/README.md

bench-quick: bench-build
	$(BENCH_VENV)/bin/python Benchmarks/run.py --mode quick --readme Benchmarks/README.md

# Notebooks (Notebooks/README.md): a pinned venv, the debug CLI, every notebook executed headless.
# `notebooks` writes the executed copies to .build/notebooks and fails on any cell error;
# `notebooks-update` writes the outputs back into Notebooks/*.ipynb (commit them).
NB_VENV := Notebooks/.venv
NB_ENV := TRADESCOPE_BIN=$(abspath $(BIN)) SOURCE_DATE_EPOCH=0 PYDEVD_DISABLE_FILE_VALIDATION=1
$(NB_VENV)/.installed: Notebooks/requirements.txt
	python3 -m venv $(NB_VENV)
	$(NB_VENV)/bin/pip install -q --disable-pip-version-check -r Notebooks/requirements.txt
	touch $@

notebooks: build $(NB_VENV)/.installed
	$(NB_ENV) $(NB_VENV)/bin/python Notebooks/run.py --out .build/notebooks

notebooks-update: build $(NB_VENV)/.installed
	$(NB_ENV) $(NB_VENV)/bin/python Notebooks/run.py --in-place

# The Spark driver (issue 19, Tools/spark/README.md): a pinned venv, Java 17 from Debian when no
# java is on the PATH, then Tools/spark/check.py in local[2] on the generator's 100k-row Comtrade+
# file (SYNTHETIC, under .build/spark), the real legacy files of Data/comtrade and their tidy export;
# every group's line must equal `tradescope ... --by --db` on a store ingested from the same files.
SPARK_VENV := Tools/spark/.venv
SPARK_ROWS ?= 100000
$(SPARK_VENV)/.installed: Tools/spark/requirements.txt
	python3 -m venv $(SPARK_VENV)
	$(SPARK_VENV)/bin/pip install -q --disable-pip-version-check -r Tools/spark/requirements.txt
	touch $@

spark-check: build $(SPARK_VENV)/.installed
	@command -v java >/dev/null || { echo "installing: openjdk-17-jre-headless"; $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq openjdk-17-jre-headless; }
	$(SPARK_VENV)/bin/python Tools/spark/check.py --tradescope $(BIN) --python $(SPARK_VENV)/bin/python --rows $(SPARK_ROWS)

# Loads an export of the bundled data with pandas in the notebooks' venv (issue 20 item 3): the
# README's one-liner, with period and hs_code as text and the numeric area codes as integers.
export-check: build $(NB_VENV)/.installed
	$(BIN) export --out .build/export-check.csv --force
	$(NB_VENV)/bin/python -c 'import pandas as pd; df = pd.read_csv(".build/export-check.csv", dtype={"period": str, "hs_code": str}, keep_default_na=False, na_values=[""]); assert pd.api.types.is_numeric_dtype(df["value"]) and pd.api.types.is_integer_dtype(df["partner_code"]), df.dtypes; assert df["reporter_iso"].dropna().str.fullmatch("[A-Z]{3}").all(); print("export-check:", len(df), "rows,", df["reporter_code"].nunique(), "reporters; loads in pandas", pd.__version__)'
	TRADESCOPE_PYTHON=$(NB_VENV)/bin/python $(SWIFT) test --filter ExportLayoutTests

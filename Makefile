# tradescope: two commands on a fresh machine.
#   make report   install missing system packages, build, run the main job on the bundled data
#   make test     the same, then every test
#   make bench    benchmarks beside pandas/polars/DuckDB/numpy/statsmodels (Benchmarks/README.md); bench-quick: small sizes
SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := libopenblas-dev liblapack-dev
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/debug/tradescope
export OPENBLAS_NUM_THREADS := 1

.PHONY: all deps build report test clean release check-html bench bench-quick bench-build

all: report

# Installs the system packages the CLAPACK module links against, when missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

report: build
	$(BIN) report

test: report
	$(SWIFT) test 2>&1 | tee .build/test.log; test $${PIPESTATUS[0]} -eq 0

# Renders the HTML report in headless Chromium: loads without console errors, a click on a
# pie slice shows its chapters, and a screenshot lands in .build/check-html/report.png.
check-html: build
	@command -v chromium >/dev/null || { echo "installing: chromium"; $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }
	Tools/check-html.sh $(BIN) .build/check-html

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

"""Plumbing shared by the notebooks: run the `tradescope` CLI and read what it prints.

No analysis lives here. Every number a notebook shows comes from a `tradescope` command
(`--format json` or `--format csv`, and the charts of `--format svg`); this module only runs the
commands, parses their output with the standard library or pandas, and sets matplotlib up for
stable SVG output.

The CLI is found through `TRADESCOPE_BIN` (set by `make notebooks`), else the debug build
of this clone (`.build/debug/tradescope`), else `tradescope` on the PATH.
"""

from __future__ import annotations

import io
import json
import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pandas as pd

NOTEBOOKS = Path(__file__).resolve().parent
REPO = NOTEBOOKS.parent


def tradescope_bin() -> str:
    """The path of the `tradescope` executable the notebooks run."""
    env = os.environ.get("TRADESCOPE_BIN")
    if env:
        return env
    local = REPO / ".build" / "debug" / "tradescope"
    if local.exists():
        return str(local)
    found = shutil.which("tradescope")
    if found:
        return found
    raise FileNotFoundError(
        "tradescope not found: set TRADESCOPE_BIN, run `swift build` in the clone, or put tradescope on the PATH"
    )


def _git(*args: str) -> str:
    try:
        out = subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True, check=True)
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


class Session:
    """The commands one notebook runs, declared up front so the first cell can list them.

    `commands` maps a short name to the argument list after `tradescope`. Arguments may hold
    `{placeholders}` filled from `placeholders` (notebook 05 uses one for its temporary
    directory); the listing shows the placeholders, not the values, so it reads the same on
    every machine. Commands run with the repository root as working directory and `NO_COLOR=1`.
    """

    def __init__(self, commands: dict[str, list[str]], placeholders: dict[str, str] | None = None):
        self.commands = commands
        self.placeholders = placeholders or {}
        self.binary = tradescope_bin()

    def describe(self) -> None:
        """Print the tradescope version, the git commit of this clone and every command used."""
        version = self._run(["--version"]).strip()
        commit = _git("rev-parse", "--short=12", "HEAD") or "unknown (not a git clone)"
        # Executing notebooks rewrites them; only changes to other files make the build differ from the commit.
        dirty = _git("status", "--porcelain", "--untracked-files=no", "--", ".", ":(exclude)Notebooks/*.ipynb")
        print(f"tradescope version: {version}")
        print(f"git commit:         {commit}{' (with uncommitted changes)' if dirty else ''}")
        print("commands (run from the repository root):")
        for name, args in self.commands.items():
            print(f"  [{name}] tradescope {shlex.join(args)}")

    def _args(self, name: str) -> list[str]:
        if name not in self.commands:
            raise KeyError(f"command '{name}' is not declared in the first cell")
        return [a.format(**self.placeholders) for a in self.commands[name]]

    def _run(self, args: list[str]) -> str:
        env = dict(os.environ, NO_COLOR="1")
        done = subprocess.run([self.binary, *args], cwd=REPO, capture_output=True, text=True, env=env)
        if done.returncode != 0:
            raise RuntimeError(
                f"tradescope {shlex.join(args)} exited with {done.returncode}:\n{done.stderr.strip()}"
            )
        return done.stdout

    def text(self, name: str) -> str:
        """Standard output of the declared command `name`."""
        return self._run(self._args(name))

    def json(self, name: str):
        """The JSON object printed by the declared command `name` (which must ask for --format json)."""
        return json.loads(self.text(name))

    def svg(self, name: str):
        """The chart printed by the declared command `name` (which must ask for --format svg), for display.

        The SVG is the CLI's own drawing (deterministic bytes, no external resources); the notebook
        draws nothing itself.
        """
        from IPython.display import SVG

        return SVG(data=self.text(name))

    def csv(self, name: str, **read_csv_args) -> pd.DataFrame:
        """The CSV printed by the declared command `name`, read by pandas."""
        return pd.read_csv(io.StringIO(self.text(name)), **read_csv_args)


def setup_matplotlib() -> None:
    """SVG figures without time stamps or random ids, so re-executed notebooks give the same bytes."""
    import matplotlib
    import matplotlib_inline.backend_inline as inline

    matplotlib.rcParams["svg.hashsalt"] = "tradescope"
    matplotlib.rcParams["svg.fonttype"] = "path"
    matplotlib.rcParams["figure.dpi"] = 96
    matplotlib.rcParams["axes.spines.top"] = False
    matplotlib.rcParams["axes.spines.right"] = False
    inline.set_matplotlib_formats("svg", metadata={"Date": None})


def formatted(frame: pd.DataFrame, formats: dict[str, str], missing: str = "–") -> pd.DataFrame:
    """A copy of `frame` with the named columns turned into strings by `formats` (missing shown as `missing`,
    lists joined with "; ").

    Presentation only: pandas' Styler would add random ids to the HTML and needs jinja2.
    """
    def one(value, pattern):
        if isinstance(value, (list, tuple)):
            return "; ".join(str(v) for v in value) or missing
        return missing if pd.isna(value) else pattern.format(value)

    out = frame.copy()
    for column, pattern in formats.items():
        out[column] = [one(v, pattern) for v in frame[column]]
    return out

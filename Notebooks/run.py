"""Execute every notebook in this directory headless; exit 1 on the first error.

    python Notebooks/run.py --out .build/notebooks   # CI: executed copies go there, sources untouched
    python Notebooks/run.py --in-place               # refresh the committed outputs

`make notebooks` and `make notebooks-update` call this with the pinned venv. Cells run with
the notebook's directory as working directory, and the kernel finds the CLI through
TRADESCOPE_BIN. Outputs are made as stable as possible: no execution time stamps in cell
metadata, no Python patch version in the notebook metadata, SVG figures without dates.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

HERE = Path(__file__).resolve().parent
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def normalise(nb: nbformat.NotebookNode) -> None:
    """Drops what changes from run to run without changing what the notebook says."""
    nb.metadata = nbformat.from_dict(
        {"kernelspec": KERNELSPEC, "language_info": {"name": "python", "file_extension": ".py", "mimetype": "text/x-python"}}
    )
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("collapsed", None)
        if cell.cell_type == "code":
            for output in cell.get("outputs", []):
                output.get("metadata", {}).pop("execution", None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", type=Path, help="directory for the executed copies")
    where.add_argument("--in-place", action="store_true", help="write the outputs back into the notebooks")
    parser.add_argument("--timeout", type=int, default=600, help="seconds per cell (default 600)")
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: every NN-*.ipynb here")
    args = parser.parse_args()

    paths = args.notebooks or sorted(HERE.glob("[0-9][0-9]-*.ipynb"))
    if not paths:
        print("no notebooks found", file=sys.stderr)
        return 1
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(
            nb,
            timeout=args.timeout,
            kernel_name="python3",
            record_timing=False,
            resources={"metadata": {"path": str(path.resolve().parent)}},
        )
        started = time.monotonic()
        try:
            client.execute()
        except CellExecutionError as error:
            print(f"FAILED {path.name}:\n{error}", file=sys.stderr)
            return 1
        normalise(nb)
        target = path if args.in_place else args.out / path.name
        nbformat.write(nb, target)
        print(f"ok  {path.name}  {time.monotonic() - started:.1f} s  -> {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

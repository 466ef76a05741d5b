"""Execute a notebook headless with a Jupyter kernel; write the executed .ipynb and an .html.

Used by `./tinyml run`. Exits 1 and names the failing cell when a cell raises an error.
"""
import argparse
import pathlib
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter


def main() -> int:
    parser = argparse.ArgumentParser(prog="tinyml run")
    parser.add_argument("notebook", type=pathlib.Path)
    parser.add_argument("--out", type=pathlib.Path, default=None,
                        help="folder for the executed notebook and its HTML (default: build/notebooks)")
    parser.add_argument("--kernel", default="tinyml")
    parser.add_argument("--timeout", type=int, default=600, help="seconds a cell may run")
    args = parser.parse_args()

    if not args.notebook.is_file():
        print(f"tinyml run: no notebook at {args.notebook}", file=sys.stderr)
        return 2
    out = args.out or pathlib.Path("build/notebooks")
    out.mkdir(parents=True, exist_ok=True)
    nb = nbformat.read(args.notebook, as_version=4)
    client = NotebookClient(nb, kernel_name=args.kernel, timeout=args.timeout,
                            resources={"metadata": {"path": str(args.notebook.parent.resolve())}})
    failure = None
    try:
        client.execute()
    except CellExecutionError as e:
        failure = e
    finally:
        executed = out / args.notebook.name
        nbformat.write(nb, executed)
        html, _ = HTMLExporter().from_notebook_node(nb)
        executed.with_suffix(".html").write_text(html, encoding="utf-8")

    if failure is not None:
        code_cells = [c for c in nb.cells if c.cell_type == "code"]
        for number, cell in enumerate(code_cells, start=1):
            errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
            if errors:
                first_line = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
                print(f"{args.notebook}: code cell {number} failed ({first_line!r}):\n"
                      f"{errors[0].get('ename')}: {errors[0].get('evalue')}", file=sys.stderr)
                break
        else:
            print(f"{args.notebook}: {failure}", file=sys.stderr)
        print(f"executed notebook: {executed}", file=sys.stderr)
        return 1
    print(f"{args.notebook}: all cells ran; wrote {executed} and {executed.with_suffix('.html')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

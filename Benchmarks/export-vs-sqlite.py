#!/usr/bin/env python3
"""Export speed and memory: `tevreden export` against `sqlite3 -csv` of the same rows.

Makes a database the realistic way: generates the Google Forms export of import-vs-sqlite.py (same generator, same
seed) and `tevreden import`s it, so every response carries answers in its two JSON objects. Then, in turns:

  * `tevreden export --questionnaire inwoners-melding --db DB` (release build) to /dev/null,
  * the same with --against OLD_BINARY, if given (an earlier build, on the same database),
  * `sqlite3 -csv DB "SELECT * FROM responseRow WHERE questionnaireID = 'inwoners-melding' ORDER BY id"` to /dev/null,

and prints each run's wall time, the ratio to sqlite3 in the same turn, and peak resident set sizes (wait4's
rusage). Issue 18's target is a ratio of at most 2 on 1,000,000 responses.

    python3 Benchmarks/export-vs-sqlite.py                      # 1,000,000 rows; builds the release binary first
    python3 Benchmarks/export-vs-sqlite.py --rows 100000 --no-build
    python3 Benchmarks/export-vs-sqlite.py --no-build --runs 3 --against /tmp/old/.build/release/tevreden
    python3 Benchmarks/export-vs-sqlite.py --no-build --db /tmp/export.sqlite   # reuse (or keep) the database
"""
import argparse
import importlib.util
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
QUERY = "SELECT * FROM responseRow WHERE questionnaireID = 'inwoners-melding' ORDER BY id"


def generator():
    """import-vs-sqlite.py's `generate`, so that both benchmarks use the same rows."""
    spec = importlib.util.spec_from_file_location("import_vs_sqlite", ROOT / "Benchmarks" / "import-vs-sqlite.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate


def measure(argv):
    """Wall time and peak RSS (MB) of one process, its output thrown away."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        process = subprocess.Popen(argv, stdout=sink, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"{argv[0]} failed (exit {code}):\n{stderr[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


def make_database(binary, database, rows):
    with tempfile.TemporaryDirectory(prefix="tevreden-export-bench-") as folder:
        export = pathlib.Path(folder) / "export.csv"
        started = time.perf_counter()
        generator()(export, rows)
        print(f"generated {rows:,} rows in {time.perf_counter() - started:.1f} s", flush=True)
        started = time.perf_counter()
        subprocess.run(
            [binary, "import", str(export), "--questionnaire", "inwoners-melding", "--db", str(database),
             "--questionnaires", str(ROOT / "Questionnaires")],
            check=True, stdout=subprocess.DEVNULL)
        print(f"imported into {database} in {time.perf_counter() - started:.1f} s", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "tevreden"))
    parser.add_argument("--against", help="another tevreden binary (an earlier build) timed in the same turns")
    parser.add_argument("--runs", type=int, default=3, help="turns; each times every command once")
    parser.add_argument("--db", help="the database to export; made (with --rows) if it does not exist, and kept")
    arguments = parser.parse_args()
    if not arguments.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "tevreden"], cwd=ROOT, check=True)
    with tempfile.TemporaryDirectory(prefix="tevreden-export-bench-") as folder:
        database = pathlib.Path(arguments.db) if arguments.db else pathlib.Path(folder) / "tevreden.sqlite"
        if not database.exists():
            make_database(arguments.binary, database, arguments.rows)
        commands = [("tevreden export", [arguments.binary])]
        if arguments.against:
            commands.append(("against export", [arguments.against]))
        commands = [(name, binary + ["export", "--questionnaire", "inwoners-melding", "--db", str(database)])
                    for name, binary in commands]
        commands.append(("sqlite3 -csv", ["sqlite3", "-csv", str(database), QUERY]))
        times = {name: [] for name, _ in commands}
        peaks = {name: 0.0 for name, _ in commands}
        for run in range(arguments.runs):
            for name, argv in commands:
                elapsed, peak = measure(argv)
                times[name].append(elapsed)
                peaks[name] = max(peaks[name], peak)
            reference = times["sqlite3 -csv"][-1]
            print(f"run {run + 1}: " + ", ".join(
                f"{name} {values[-1]:.2f} s ({values[-1] / reference:.2f}x)" for name, values in times.items()),
                flush=True)
    print(f"{'median of ' + str(arguments.runs):18}{'wall s':>9}{'peak RSS MB':>13}  ratio per turn (min-max)")
    for name, values in times.items():
        ratios = [value / reference for value, reference in zip(values, times["sqlite3 -csv"])]
        print(f"{name:18}{statistics.median(values):>9.2f}{peaks[name]:>13.1f}  "
              f"{statistics.median(ratios):.2f}x ({min(ratios):.2f}-{max(ratios):.2f})")
    print("ratio: against sqlite3 -csv in the same turn (target: at most 2x)")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Import speed and memory: `tevreden import` against `sqlite3 .import` on the same platform export.

Generates an export in Google Forms layout for inwoners-melding (a timestamp, the question texts as headers,
answers as labels, a grade with a decimal comma now and then, an open remark), then in the same run:

  * `tevreden import FILE --questionnaire inwoners-melding --db A` (release build), and
  * `sqlite3 B -cmd '.mode csv' '.import FILE t'` (one table, every column text),

each on a fresh database, and prints both wall times, the ratio, and both peak resident set sizes (from
wait4's rusage). With --runs N the commands take turns, each round starting with the next one, and the disk is
synced before each run, so that no command always follows the one whose pages are still being written back. The issue's target is a ratio of at most 2 and a peak RSS under 100 MB for 1,000,000 rows.

    python3 Benchmarks/import-vs-sqlite.py               # 1,000,000 rows; builds the release binary first
    python3 Benchmarks/import-vs-sqlite.py --rows 100000 --no-build
    python3 Benchmarks/import-vs-sqlite.py --no-build --runs 3 --against /tmp/old/.build/release/tevreden
    python3 Benchmarks/import-vs-sqlite.py --no-build --runs 3 --again   # each import, then the same file again
"""
import argparse
import os
import pathlib
import random
import statistics
import subprocess
import sys
import tempfile
import time

import csv

ROOT = pathlib.Path(__file__).resolve().parent.parent


def questions():
    """(id, text, answers) for inwoners-melding, read from the definition without a YAML library."""
    text = (ROOT / "Questionnaires" / "inwoners-melding.yaml").read_text(encoding="utf-8")
    items, current = [], None
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("- id:") and line.startswith("  - id:"):
            current = {"id": stripped[5:].strip()}
            items.append(current)
        elif current is not None and stripped.startswith("text:") and "text" not in current:
            current["text"] = stripped[5:].strip().strip('"')
        elif current is not None and stripped.startswith("type:"):
            current["type"] = stripped[5:].strip()
        elif current is not None and stripped.startswith("scale:"):
            current["scale"] = stripped[6:].strip()
    return [item for item in items if "text" in item and "type" in item]


SCALES = {
    "tevreden5": ["Heel ontevreden", "Ontevreden", "Niet tevreden en niet ontevreden", "Tevreden", "Zeer tevreden"],
    "eens5": ["Helemaal niet mee eens", "Niet mee eens", "Niet mee eens en niet mee oneens", "Mee eens",
              "Helemaal mee eens"],
    # Version 3 of the resident questionnaires asks "Hoe goed ...?" where version 2 asked agree-statements.
    "goed5": ["Heel slecht", "Slecht", "Niet goed en niet slecht", "Goed", "Heel goed"],
    "veiliger5": ["Veel minder veilig", "Minder veilig", "Even veilig", "Veiliger", "Veel veiliger"],
}


def generate(path, rows, seed=20261123):
    random.seed(seed)
    items = [q for q in questions() if q["id"] not in ("toestemming",)]
    header = ["Tijdstempel"] + [q["text"] for q in items]
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for number in range(rows):
            day = 1 + number % 28
            month = 1 + (number // 28) % 12
            answers = {"rol": "De melding ging over mij", "kinderen": random.choice(["Ja", "Nee"])}
            row = [f"{day}-{month}-2026 {number % 24}:{number % 60:02d}:{number * 7 % 60:02d}"]
            for q in items:
                if q["id"] in answers:
                    row.append(answers[q["id"]])
                elif q["id"] in ("kinderen_gesproken", "kinderen_hulp") and answers["kinderen"] == "Nee":
                    row.append("")
                elif q["id"] == "kinderen_hulp":
                    row.append(random.choice(["Ja", "Nee"]))
                elif q["id"] == "terugkoppeling":
                    row.append("")
                elif q.get("type") == "scale":
                    row.append(random.choice(SCALES[q["scale"]] + ["Weet ik niet"]))
                elif q.get("type") == "grade":
                    row.append(random.choice(["6", "7", "7,5", "8", "9"]))
                elif q.get("type") == "text":
                    row.append(random.choice(["", "", "Goed geholpen.", "Duurde lang, bel 06-12345678"]))
                else:
                    row.append("")
            writer.writerow(row)


def measure(argv, cwd):
    """Wall time, peak RSS (MB), exit code, standard error and CPU time (user + system) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024, code, stderr, usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "tevreden"))
    parser.add_argument("--against", help="another tevreden binary (an earlier build) measured in the same run, "
                        "alternately with --binary and sqlite3, on the same export")
    parser.add_argument("--runs", type=int, default=1, help="measurements of each, interleaved; medians printed")
    parser.add_argument("--again", action="store_true",
                        help="after each tevreden import, import the same file again into the database it filled "
                             "(the re-import, whose target is at most the first import's time)")
    arguments = parser.parse_args()
    if not arguments.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "tevreden"], cwd=ROOT, check=True)
    binaries = [("tevreden import", arguments.binary)]
    if arguments.against:
        binaries.append(("against import", arguments.against))
    times = {}
    for name, _ in binaries:
        times[name] = []
        if arguments.again:
            times[name + " again"] = []
    times["sqlite3 .import"] = []
    peaks = {name: 0.0 for name in times}
    cpu = {name: [] for name in times}
    with tempfile.TemporaryDirectory(prefix="tevreden-import-bench-") as folder:
        export = pathlib.Path(folder) / "export.csv"
        started = time.perf_counter()
        generate(export, arguments.rows)
        size = export.stat().st_size / 1e6
        print(f"export: {arguments.rows:,} rows, {size:.0f} MB (generated in {time.perf_counter() - started:.1f} s)")
        commands = [(name, binary) for name, binary in binaries] + [("sqlite3 .import", None)]
        for run in range(arguments.runs):
            # Each round starts with another command, and the disk is synced before each: the pages a run leaves
            # to be written back (and the file the next one deletes) otherwise slow whichever command comes next.
            for name, binary in commands[run % len(commands):] + commands[:run % len(commands)]:
                os.sync()
                if binary is None:
                    reference_db = pathlib.Path(folder) / "reference.sqlite"
                    reference_db.unlink(missing_ok=True)
                    os.sync()
                    result = measure(["sqlite3", str(reference_db), "-cmd", ".mode csv", f".import {export} t"], folder)
                else:
                    database = pathlib.Path(folder) / "tevreden.sqlite"
                    for suffix in ("", "-wal", "-shm"):
                        pathlib.Path(str(database) + suffix).unlink(missing_ok=True)
                    os.sync()
                    result = measure(
                        [binary, "import", str(export), "--questionnaire", "inwoners-melding", "--db", str(database),
                         "--questionnaires", str(ROOT / "Questionnaires")],
                        folder)
                    if result[2] not in (0, 2):
                        print(f"{name} failed (exit {result[2]}):\n{result[3][-2000:]}", file=sys.stderr)
                    if arguments.again:
                        # The same file into the database it just filled: every row is found already stored.
                        os.sync()
                        again = measure(
                            [binary, "import", str(export), "--questionnaire", "inwoners-melding", "--db",
                             str(database), "--questionnaires", str(ROOT / "Questionnaires")],
                            folder)
                        if again[2] not in (0, 2):
                            print(f"{name} again failed (exit {again[2]}):\n{again[3][-2000:]}", file=sys.stderr)
                        times[name + " again"].append(again[0])
                        cpu[name + " again"].append(again[4])
                        peaks[name + " again"] = max(peaks[name + " again"], again[1])
                times[name].append(result[0])
                cpu[name].append(result[4])
                peaks[name] = max(peaks[name], result[1])
            print(f"run {run + 1}: " + ", ".join(
                f"{name} {values[-1]:.2f} s (CPU {cpu[name][-1]:.2f} s)" for name, values in times.items()))
    reference = statistics.median(times["sqlite3 .import"])
    reference_cpu = statistics.median(cpu["sqlite3 .import"])
    print(f"{'median of ' + str(arguments.runs):24}{'wall s':>10}{'min-max':>14}{'ratio':>8}{'CPU s':>10}"
          f"{'CPU ratio':>11}{'peak RSS MB':>14}")
    for name, values in times.items():
        median = statistics.median(values)
        spread = f"{min(values):.2f}-{max(values):.2f}"
        median_cpu = statistics.median(cpu[name])
        print(f"{name:24}{median:>10.2f}{spread:>14}{median / reference:>7.2f}x{median_cpu:>10.2f}"
              f"{median_cpu / reference_cpu:>10.2f}x{peaks[name]:>14.1f}")
    print("ratio: against sqlite3 .import in the same run (target: at most 2x, peak RSS under 100 MB)")
    for name, _ in binaries:
        if arguments.again:
            first, again = statistics.median(times[name]), statistics.median(times[name + " again"])
            print(f"{name} again / first: {again / first:.2f}x (target: at most 1x)")


if __name__ == "__main__":
    main()

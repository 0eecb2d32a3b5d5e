#!/usr/bin/env python3
"""Scoring speed: `tevreden score` over 1,000,000 stored responses against a plain `sqlite3` GROUP BY.

Builds a database in the same run:

  * `tevreden import Responses/` on a fresh file, so the schema, migrations and questionnaire snapshots are
    exactly what tevreden makes;
  * then N responses inserted straight into the `response` table with Python's sqlite3 (one transaction), spread
    over 2025 and 2026, every group and municipality, about 90% completed with a grade (some with a decimal),
    the rest partial or refused. No answer rows: `score` reads only the response table (aspects are not asked).

Then it times, each as a fresh process and best of --repeat runs:

  * `tevreden score --period 2026 --format csv` (release build): grade histograms per group for 2026 and 2025,
    status counts, every statistic, CSV output;
  * `tevreden score --period 2026 --by gemeente --format csv`: the same per municipality, with suppression;
  * `sqlite3 DB "SELECT audience, respondentGroup, COUNT(grade), AVG(grade), ... GROUP BY audience,
    respondentGroup"` over the same rows and period: the least any scoring can do.

and prints the times and the ratios.

    python3 Benchmarks/score-vs-sqlite.py               # 1,000,000 responses; builds the release binary first
    python3 Benchmarks/score-vs-sqlite.py --rows 100000 --no-build
"""
import argparse
import datetime
import hashlib
import pathlib
import random
import sqlite3
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent

GEMEENTEN = [
    "Alkmaar", "Bergen", "Castricum", "Den Helder", "Dijk en Waard", "Drechterland", "Enkhuizen", "Heiloo",
    "Hollands Kroon", "Hoorn", "Koggenland", "Medemblik", "Opmeer", "Schagen", "Stede Broec", "Texel", "Uitgeest",
]


def fill(db, rows, seed=20261124):
    random.seed(seed)
    connection = sqlite3.connect(db)
    snapshots = connection.execute(
        "SELECT id, questionnaireID, version, audience, respondentGroup FROM questionnaireSnapshot").fetchall()
    start = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)
    span = int((datetime.datetime(2026, 12, 31, 22, tzinfo=datetime.timezone.utc) - start).total_seconds())
    amsterdam_offset = datetime.timedelta(hours=1)  # close enough for spreading days; collectedOn is a local day

    def generate():
        for number in range(rows):
            snapshot, questionnaire, version, audience, group = random.choice(snapshots)
            completed = start + datetime.timedelta(seconds=random.randrange(span))
            begun = completed - datetime.timedelta(minutes=12)
            roll = random.random()
            status = "completed" if roll < 0.9 else ("partial" if roll < 0.95 else "refused")
            grade = None
            if status == "completed":
                grade = float(min(10, max(1, round(random.gauss(7.1, 1.5)))))
                if random.random() < 0.05:
                    grade = min(10.0, grade + 0.5)
            key = f"bench-{number}"
            yield (
                key, key_hash(key), snapshot, questionnaire, version, audience, group, random.choice(GEMEENTEN),
                "online", None, begun.strftime("%Y-%m-%dT%H:%M:%SZ"),
                None if status == "partial" else completed.strftime("%Y-%m-%dT%H:%M:%SZ"),
                (completed + amsterdam_offset).strftime("%Y-%m-%d"), status, grade, None,
            )

    with connection:
        connection.executemany(
            """INSERT INTO response (responseKey, keyHash, snapshotId, questionnaireID, questionnaireVersion,
               audience, respondentGroup, gemeente, mode, interviewer, startedAt, completedAt, collectedOn, status,
               grade, importBatchId) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", generate())
    count = connection.execute("SELECT COUNT(*) FROM response").fetchone()[0]
    connection.close()
    return count


def key_hash(key):
    """tevreden's keyHash column: the first eight bytes of the SHA-256 of the id, big-endian, signed."""
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big", signed=True)


def timed(command, repeat):
    best = None
    output = ""
    for _ in range(repeat):
        began = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
        elapsed = time.perf_counter() - began
        if result.returncode != 0:
            sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr}")
        output = result.stdout
        best = elapsed if best is None else min(best, elapsed)
    return best, output


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "tevreden"))
    parser.add_argument("--keep", help="build the database at this path and keep it; reuse it when it exists")
    arguments = parser.parse_args()
    if not arguments.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "tevreden"], cwd=ROOT, check=True)
    binary = arguments.binary
    with tempfile.TemporaryDirectory(prefix="tevreden-score-bench-") as folder:
        db = arguments.keep or str(pathlib.Path(folder) / "bench.sqlite")
        if arguments.keep and pathlib.Path(db).exists():
            connection = sqlite3.connect(db)
            total = connection.execute("SELECT COUNT(*) FROM response").fetchone()[0]
            connection.close()
            print(f"database: {total:,} responses (kept from an earlier run)")
        else:
            subprocess.run([binary, "import", "Responses", "--db", db], cwd=ROOT, check=True, capture_output=True)
            began = time.perf_counter()
            total = fill(db, arguments.rows)
            print(f"database: {total:,} responses ({time.perf_counter() - began:.1f} s to fill)")
        reference_sql = (
            "SELECT audience, respondentGroup, COUNT(grade), AVG(grade), SUM(grade * grade) FROM response "
            "WHERE status = 'completed' AND grade IS NOT NULL AND collectedOn BETWEEN '2026-01-01' AND '2026-12-31' "
            "GROUP BY audience, respondentGroup")
        runs = [
            ("sqlite3 GROUP BY (reference)", ["sqlite3", db, reference_sql]),
            ("tevreden score --period 2026", [binary, "score", "--period", "2026", "--db", db, "--format", "csv"]),
            ("tevreden score --period 2026 --by gemeente",
             [binary, "score", "--period", "2026", "--by", "gemeente", "--db", db, "--format", "csv"]),
        ]
        # Warm the page cache once, then alternate so neither side profits from running last.
        timed(runs[0][1], 1)
        results = {}
        for name, command in runs:
            results[name] = timed(command, arguments.repeat)
        reference = results[runs[0][0]][0]
        for name, _ in runs:
            seconds = results[name][0]
            print(f"{name:45s} {seconds * 1000:8.1f} ms   ratio {seconds / reference:5.2f}")
        # The same n per group on both sides.
        expected = {}
        for line in results[runs[0][0]][1].splitlines():
            audience, group, n = line.split("|")[:3]
            expected[group] = int(n)
        lines = results[runs[1][0]][1].splitlines()
        header = lines[0].split(",")
        rows = [dict(zip(header, line.split(","))) for line in lines[1:]]
        got = {row["group"]: int(row["n"]) for row in rows if row["row_type"] == "group" and row["n"]}
        print("n per group agrees with sqlite3:", got == expected)


if __name__ == "__main__":
    main()

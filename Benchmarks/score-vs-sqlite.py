#!/usr/bin/env python3
"""Scoring speed: `tevreden score`, `indicators`, `report` and `export` over 1,000,000 stored responses, against
plain `sqlite3` queries and DuckDB scanning the same SQLite file.

Builds a database in the same run:

  * `tevreden import Responses/` on a fresh file, so the schema, migrations, questionnaire snapshots and the
    answers' JSON objects are exactly what tevreden makes;
  * then N responses inserted straight into the `response` table with Python's sqlite3 (one transaction), spread
    over 2025 and 2026, every group with example data and every municipality, about 90% completed with a grade
    (some with a decimal), the rest partial or refused. Each copies the `answers` and `missing` objects (aspects,
    roles and open remarks included) and the grade of an imported response of the same snapshot, so `report`
    reads real answers.

Then it times, each as a fresh process, --repeat times (best and median printed):

  * `tevreden score --period 2026 --format csv` (release build), the same `--by gemeente`, `tevreden indicators
    --period 2026`, `tevreden report --period 2026 --out FILE.html`, and `tevreden export --questionnaire
    inwoners-melding --period 2026` (to a file), with the peak RSS of each (GNU time's %M);
  * the references: `sqlite3` GROUP BY per group and per group and municipality over the same rows and period (the
    least any scoring can do), `sqlite3 -csv` of the exported rows, and the same two GROUP BYs in DuckDB reading
    the SQLite file (`sqlite_scan`), when the `duckdb` module and its sqlite extension can be loaded (`pip install
    duckdb duckdb-ext-sqlite`, versions that match); otherwise DuckDB is skipped with a note;
  * with --against OLD_BINARY, every tevreden command with that binary too (on the same database, in the same
    rounds), and whether `score` and `indicators` printed the same.

    python3 Benchmarks/score-vs-sqlite.py               # 1,000,000 responses; builds the release binary first
    python3 Benchmarks/score-vs-sqlite.py --rows 100000 --no-build
    python3 Benchmarks/score-vs-sqlite.py --no-build --against /tmp/base/.build/release/tevreden --keep /tmp/b.sqlite
"""
import argparse
import datetime
import glob
import hashlib
import importlib.util
import os
import pathlib
import random
import sqlite3
import statistics
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
    # Templates: the imported responses that count, per snapshot, with their answers as tevreden wrote them.
    templates = {}
    for row in connection.execute(
            """SELECT snapshotId, grade, answers, missing FROM response
               WHERE status = 'completed' AND grade IS NOT NULL ORDER BY id"""):
        templates.setdefault(row[0], []).append(row)
    snapshots = sorted(templates)
    start = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)
    span = int((datetime.datetime(2026, 12, 31, 22, tzinfo=datetime.timezone.utc) - start).total_seconds())
    amsterdam_offset = datetime.timedelta(hours=1)  # close enough for spreading days; collectedOn is a local day

    def generate():
        for number in range(rows):
            snapshot, grade, answers, missing = random.choice(
                templates[random.choice(snapshots)])
            completed = start + datetime.timedelta(seconds=random.randrange(span))
            begun = completed - datetime.timedelta(minutes=12)
            roll = random.random()
            status = "completed" if roll < 0.9 else ("partial" if roll < 0.95 else "refused")
            if status != "completed":
                grade = None
            elif random.random() < 0.05:
                grade = min(10.0, grade + 0.5)
            key = f"bench-{number}"
            yield (
                key, key_hash(key), snapshot, random.choice(GEMEENTEN),
                "online", None, begun.strftime("%Y-%m-%dT%H:%M:%SZ"),
                None if status == "partial" else completed.strftime("%Y-%m-%dT%H:%M:%SZ"),
                (completed + amsterdam_offset).strftime("%Y-%m-%d"), status, grade, None, answers, missing,
            )

    with connection:
        connection.executemany(
            """INSERT INTO response (responseKey, keyHash, snapshotId, gemeente, mode, interviewer, startedAt,
               completedAt, collectedOn, status, grade, importBatchId, answers, missing)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            generate())
    count = connection.execute("SELECT COUNT(*) FROM response").fetchone()[0]
    connection.close()
    return count


def key_hash(key):
    """tevreden's keyHash column: the first eight bytes of the SHA-256 of the id, big-endian, signed."""
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big", signed=True)


def run_once(command, output_path):
    """Wall time and peak RSS (MB) of one fresh process, its standard output written to `output_path`.

    The peak RSS comes from GNU time (wait4's rusage of its own small child): a child forked from this Python
    process would report Python's resident size as its high-water mark.
    """
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss, open(output_path, "wb") as output:
        began = time.perf_counter()
        result = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss.name] + command, stdout=output,
                                stderr=subprocess.PIPE, cwd=ROOT)
        elapsed = time.perf_counter() - began
        if result.returncode != 0:
            sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr.decode('utf-8', 'replace')}")
        return elapsed, int(rss.read().split()[-1]) / 1024


def duckdb_extension():
    """The path of DuckDB's sqlite extension that matches the installed duckdb, or (None, why not)."""
    if importlib.util.find_spec("duckdb") is None:
        return None, "the duckdb module is not installed (pip install duckdb duckdb-ext-sqlite)"
    import duckdb
    connection = duckdb.connect()
    try:
        connection.execute("LOAD sqlite")
        return "sqlite", None
    except Exception:
        pass
    spec = importlib.util.find_spec("duckdb_ext")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        for path in glob.glob(f"{folder}/extensions/v{duckdb.__version__}/*/sqlite_scanner.duckdb_extension"):
            try:
                connection.execute(f"LOAD '{path}'")
                return path, None
            except Exception:
                continue
    return None, f"DuckDB {duckdb.__version__} has no sqlite extension here (pip install duckdb-ext-sqlite of its version)"


def duckdb_command(extension, db, sql):
    """A fresh Python process that loads DuckDB and runs `sql` over the SQLite file, printing the rows."""
    script = (
        "import duckdb, sys\n"
        "c = duckdb.connect()\n"
        f"c.execute({f'LOAD {extension}' if extension == 'sqlite' else f'LOAD {extension!r}'!r})\n"
        f"c.execute(\"ATTACH {db!r} AS s (TYPE sqlite, READ_ONLY)\")\n"
        f"for row in c.execute({sql!r}).fetchall(): print(row)\n")
    return [sys.executable, "-c", script]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "tevreden"))
    parser.add_argument("--against", help="another tevreden binary (say, an older build) timed on the same database")
    parser.add_argument("--keep", help="build the database at this path and keep it; reuse it when it exists")
    arguments = parser.parse_args()
    if not arguments.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "tevreden"], cwd=ROOT, check=True)
    binaries = [("new", arguments.binary)] + ([("old", arguments.against)] if arguments.against else [])
    with tempfile.TemporaryDirectory(prefix="tevreden-score-bench-") as folder:
        db = arguments.keep or str(pathlib.Path(folder) / "bench.sqlite")
        if arguments.keep and pathlib.Path(db).exists():
            connection = sqlite3.connect(db)
            total = connection.execute("SELECT COUNT(*) FROM response").fetchone()[0]
            connection.close()
            print(f"database: {total:,} responses (kept from an earlier run)")
        else:
            subprocess.run(
                [arguments.binary, "import", "Responses", "--db", db], cwd=ROOT, check=True, capture_output=True)
            began = time.perf_counter()
            total = fill(db, arguments.rows)
            print(f"database: {total:,} responses with answers ({time.perf_counter() - began:.1f} s to fill, "
                  f"{os.path.getsize(db) / 1e6:,.0f} MB)")
        period = "collectedOn BETWEEN '2026-01-01' AND '2026-12-31'"
        scored = f"status = 'completed' AND grade IS NOT NULL AND {period}"
        # Audience and group are the definition's (schema v17 on): the plain GROUP BY joins its row, as the
        # documented views do.
        joined = "FROM response JOIN questionnaireSnapshot q ON q.id = snapshotId"
        per_group = (
            f"SELECT audience, respondentGroup, COUNT(grade), AVG(grade), SUM(grade * grade) {joined} "
            f"WHERE {scored} GROUP BY audience, respondentGroup")
        per_gemeente = (
            f"SELECT audience, respondentGroup, gemeente, COUNT(grade), AVG(grade), SUM(grade * grade) {joined} "
            f"WHERE {scored} GROUP BY audience, respondentGroup, gemeente")
        exported = (
            f"SELECT * FROM responseRow WHERE questionnaireID = 'inwoners-melding' AND {period} ORDER BY id")

        def in_duckdb(sql):
            return sql.replace("FROM response ", "FROM s.response ").replace(
                "JOIN questionnaireSnapshot", "JOIN s.questionnaireSnapshot")
        runs = [
            ("sqlite3 GROUP BY group", "ref", ["sqlite3", db, per_group]),
            ("sqlite3 GROUP BY group, gemeente", "ref", ["sqlite3", db, per_gemeente]),
            ("sqlite3 -csv export rows", "ref", ["sqlite3", "-csv", "-header", db, exported]),
        ]
        extension, why_not = duckdb_extension()
        if extension:
            runs += [
                ("duckdb GROUP BY group", "ref", duckdb_command(extension, db, in_duckdb(per_group))),
                ("duckdb GROUP BY group, gemeente", "ref", duckdb_command(extension, db, in_duckdb(per_gemeente))),
            ]
        else:
            print(f"note: DuckDB skipped: {why_not}")
        report_file = str(pathlib.Path(folder) / "report.html")
        for label, binary in binaries:
            runs += [
                (f"{label}: score --period 2026", label,
                 [binary, "score", "--period", "2026", "--db", db, "--format", "csv"]),
                (f"{label}: score --period 2026 --by gemeente", label,
                 [binary, "score", "--period", "2026", "--by", "gemeente", "--db", db, "--format", "csv"]),
                (f"{label}: indicators --period 2026", label, [binary, "indicators", "--period", "2026", "--db", db]),
                (f"{label}: report --period 2026", label,
                 [binary, "report", "--period", "2026", "--db", db, "--out", report_file]),
                (f"{label}: export inwoners-melding 2026", label,
                 [binary, "export", "--questionnaire", "inwoners-melding", "--period", "2026", "--db", db]),
            ]
        # Warm the page cache once, then take the commands in rounds so no one profits from running last.
        run_once(runs[0][2], os.devnull)
        times = {name: [] for name, _, _ in runs}
        peaks = {name: 0.0 for name, _, _ in runs}
        outputs = {}
        for _ in range(arguments.repeat):
            for number, (name, _, command) in enumerate(runs):
                path = str(pathlib.Path(folder) / f"out-{number}")
                elapsed, peak = run_once(command, path)
                times[name].append(elapsed)
                peaks[name] = max(peaks[name], peak)
                outputs[name] = path
        best = {name: min(values) for name, values in times.items()}
        median = {name: statistics.median(values) for name, values in times.items()}
        print(f"{'':48s} {'best':>9s} {'median':>9s}  peak RSS   (each: {arguments.repeat} fresh processes)")
        for name, _, _ in runs:
            print(f"{name:48s} {best[name] * 1000:7.0f} ms {median[name] * 1000:7.0f} ms  {peaks[name]:6.0f} MB")

        def ratio(name, reference):
            return f"{best[name] / best[reference]:5.2f}x (median {median[name] / median[reference]:5.2f}x)"

        for label, _ in binaries:
            print(f"-- {label}")
            print(f"score --period 2026 / sqlite3 GROUP BY group:              "
                  f"{ratio(f'{label}: score --period 2026', 'sqlite3 GROUP BY group')}")
            print(f"score --by gemeente / sqlite3 GROUP BY group, gemeente:    "
                  f"{ratio(f'{label}: score --period 2026 --by gemeente', 'sqlite3 GROUP BY group, gemeente')}")
            if extension:
                print(f"score --period 2026 / duckdb GROUP BY group:               "
                      f"{ratio(f'{label}: score --period 2026', 'duckdb GROUP BY group')}")
                print(f"score --by gemeente / duckdb GROUP BY group, gemeente:     "
                      f"{ratio(f'{label}: score --period 2026 --by gemeente', 'duckdb GROUP BY group, gemeente')}")
            print(f"indicators / sqlite3 GROUP BY group:                       "
                  f"{ratio(f'{label}: indicators --period 2026', 'sqlite3 GROUP BY group')}")
            print(f"report / score --period 2026:                              "
                  f"{ratio(f'{label}: report --period 2026', f'{label}: score --period 2026')}")
            print(f"export / sqlite3 -csv:                                     "
                  f"{ratio(f'{label}: export inwoners-melding 2026', 'sqlite3 -csv export rows')}")
        # The same n per group on both sides.
        expected = {}
        for line in pathlib.Path(outputs["sqlite3 GROUP BY group"]).read_text().splitlines():
            audience, group, n = line.split("|")[:3]
            expected[group] = int(n)
        lines = pathlib.Path(outputs["new: score --period 2026"]).read_text().splitlines()
        header = lines[0].split(",")
        rows = [dict(zip(header, line.split(","))) for line in lines[1:]]
        got = {row["group"]: int(row["n"]) for row in rows if row["row_type"] == "group" and row["n"]}
        print("n per group agrees with sqlite3:", got == expected)
        if arguments.against:
            for command in ["score --period 2026", "score --period 2026 --by gemeente", "indicators --period 2026"]:
                same = (pathlib.Path(outputs[f"new: {command}"]).read_bytes()
                        == pathlib.Path(outputs[f"old: {command}"]).read_bytes())
                print(f"{command}: new and old print the same: {same}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Soak test: nothing lost, nothing reopened, no file damaged, while interviews are disrupted.

Several interviewers type scripted interviews at once into the release binary over pipes, while an import and its
undo run over and over on the same database and backups are taken. Trials are disrupted at random:

  complete        the interview runs to the end (`ok` on the review screen);
  kill-9          SIGKILL after a random number of answers, at the prompt or while an answer is being stored;
  signal          SIGHUP, SIGTERM or SIGINT at such a moment (the runner pauses the interview);
  signal-after-ok SIGHUP, SIGTERM or SIGINT 0-4 ms after `ok` is sent (the completion window);
  kill-9-after-ok SIGKILL 0-4 ms after `ok`.

An answer counts as acknowledged when the runner showed the next screen without saying that it was NOT stored
(and `ok` when it printed "is afgerond"). After each trial the script reads the database: every acknowledged answer
must be there with the value typed (else it is lost), and a completed interview must stay completed (its state,
no pause after it, `--resume` refused and nothing changed: else it is reopened). An interrupted interview is then
resumed with the answers still missing and must complete with all of them. At the end the database, a copy of its
file alone and every backup are checked with SQLite's integrity_check (else they count as corrupt), and every
completed response in them must hold all its answers.

Usage: python3 Benchmarks/soak.py [--trials 200] [--workers 8] [--binary PATH | --no-build] [--seed N]
See Benchmarks/README.md.
"""

import argparse
import csv
import os
import random
import re
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QUESTIONNAIRES = os.path.join(PACKAGE, "Questionnaires")
TIMEOUT = 60.0

# The end-to-end tests' scripted interviews (Tests/EndToEndTests/InterviewHarness.swift): what is typed, one line
# per screen, ending with `ok`, and every answer that must be stored.
SCRIPTS = [
    ("inwoners-melding",
     ["ja", "1", "j", "4", "5", "w", "5", "4", "3", "4", "4", "4", "ja", "8", "Goed geholpen.", "ok"],
     {"toestemming": "ja", "rol": "betrokkene", "kinderen": "ja", "bereikbaarheid": "4", "bejegening": "5",
      "geduld": "weet_niet", "duidelijk_melding": "5", "duidelijk_rol_vt": "4", "duidelijk_vervolg": "3",
      "afspraken": "4", "deskundigheid": "4", "kinderen_gesproken": "4", "kinderen_hulp": "ja", "cijfer": "8",
      "opmerking": "Goed geholpen."}),
    ("inwoners-melding",
     ["ja", "4", "n", "3", "4", "5", "ja", "4", "4", "2", "5", "7", "", "ok"],
     {"toestemming": "ja", "rol": "melder", "kinderen": "nee", "bereikbaarheid": "3", "bejegening": "4",
      "geduld": "5", "terugkoppeling": "ja", "duidelijk_rol_vt": "4", "duidelijk_vervolg": "4", "afspraken": "2",
      "deskundigheid": "5", "cijfer": "7"}),
    ("ketenpartners-politie",
     ["ja", "1", "ja", "4", "4", "3", "5", "4", "4", "3", "nee", "4", "4", "7", "Prima samenwerking.", "ok"],
     {"toestemming": "ja", "functie": "wijkagent", "melding_gedaan": "ja", "beoordeling_meldingen": "4",
      "terugkoppeling": "4", "inzet_vervolgdiensten": "3", "bereikbaarheid": "5", "advies": "4",
      "deskundigheid": "4", "huisverbod": "3", "voorlichting_gehad": "nee", "primaire_veiligheid": "4",
      "gefaseerde_ketenzorg": "4", "cijfer": "7", "opmerking": "Prima samenwerking."}),
    ("inwoners-adviesaanvraag",
     ["ja", "2", "1,4", "ja", "4", "4", "5", "4", "3", "4", "v", "4", "4", "nee", "9", "", "ok"],
     {"toestemming": "ja", "rol": "ouder", "contact_via": "telefoon;gesprek", "kinderen": "ja",
      "bereikbaarheid": "4", "bejegening": "4", "geduld": "5", "duidelijk_rol_vt": "4", "duidelijk_advies": "3",
      "deskundigheid": "4", "afspraken": "nvt", "duidelijk_vervolg": "4", "kinderen_aandacht": "4",
      "kinderen_hulp": "nee", "cijfer": "9"}),
]

KINDS = [("complete", 2), ("kill-9", 3), ("signal", 3), ("signal-after-ok", 3), ("kill-9-after-ok", 1)]
SIGNALS = [signal.SIGHUP, signal.SIGTERM, signal.SIGINT]
STARTED = re.compile(rb"Interview (VT-[2-9A-HJ-NP-Z]{6}) gestart")


def safe_start(questionnaire):
    """The lines that answer the safe start ("Kunt u nu vrijuit praten?") that a resident interview by telephone
    asks first, new or resumed: ja. The committed resident questionnaires are the inwoners-* files."""
    return ["ja"] if questionnaire.startswith("inwoners-") else []


class Child:
    """A tevreden process with pipes; its standard error goes to a file so that it never blocks."""

    def __init__(self, argv, errors):
        self.errors = errors
        self.process = subprocess.Popen(
            argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors, bufsize=0, start_new_session=True)
        self.output = bytearray()
        self.mark = 0
        self.stuck = False

    def send(self, text):
        try:
            os.write(self.process.stdin.fileno(), text.encode())
        except BrokenPipeError:
            pass

    def read_until(self, marker):
        """Reads until `marker` appears after the previous one; returns the text up to it, or None at the end."""
        deadline = time.monotonic() + TIMEOUT
        fd = self.process.stdout.fileno()
        while True:
            found = self.output.find(marker, self.mark)
            if found >= 0:
                text = bytes(self.output[self.mark:found + len(marker)])
                self.mark = found + len(marker)
                return text
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("no %r within %.0f s: %r" % (marker, TIMEOUT, bytes(self.output[-300:])))
            ready, _, _ = select.select([fd], [], [], remaining)
            if ready:
                chunk = os.read(fd, 65536)
                if not chunk:
                    return None
                self.output += chunk

    def finish(self):
        """Waits for the exit, reading what is left; the exit status (negative: the signal that ended it)."""
        fd = self.process.stdout.fileno()
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.5)
            if ready:
                chunk = os.read(fd, 65536)
                if not chunk:
                    break
                self.output += chunk
            elif self.process.poll() is not None:
                break
        try:
            status = self.process.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            # Still running a minute after it was told to end: reported, then killed so that the soak goes on.
            self.stuck = True
            self.kill(signal.SIGKILL)
            status = self.process.wait(timeout=TIMEOUT)
        self.process.stdin.close()
        self.process.stdout.close()
        return status

    def kill(self, number):
        try:
            os.kill(self.process.pid, number)
        except ProcessLookupError:
            pass


class Tally:
    """The figures, shared by the threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.counts = {}
        self.problems = []

    def add(self, name, amount=1):
        with self.lock:
            self.counts[name] = self.counts.get(name, 0) + amount

    def problem(self, text):
        with self.lock:
            self.problems.append(text)
            self.counts["problems"] = self.counts.get("problems", 0) + 1

    def get(self, name):
        with self.lock:
            return self.counts.get(name, 0)


def read_interview(db, key):
    """The stored response and interview of an id: (status, answers dict, completedAt, grade, state, events)."""
    connection = sqlite3.connect("file:%s?mode=ro" % db, uri=True, timeout=60)
    try:
        row = connection.execute(
            "SELECT r.status, r.answers, r.missing, r.completedAt, r.grade, i.state, r.id "
            "FROM response r JOIN interview i ON i.responseId = r.id WHERE r.responseKey = ?", (key,)).fetchone()
        if row is None:
            return None
        status, answers, missing, completed_at, grade, state, row_id = row
        # Answers are keyed by item number; the view names the items, as the README shows.
        stored = {item: value if value is not None else code for item, value, code in connection.execute(
            "SELECT item, value, missingCode FROM responseAnswer WHERE responseId = ?", (row_id,))}
        events = [e for (e,) in connection.execute(
            "SELECT event FROM interviewEvent WHERE responseId = ? ORDER BY id", (row_id,))]
        return {"status": status, "answers": stored, "completedAt": completed_at, "grade": grade, "state": state,
                "events": events}
    finally:
        connection.close()


def surfaced_lock_errors(path):
    with open(path, "rb") as handle:
        text = handle.read().lower()
    return b"locked" in text or b"busy" in text


def run_trial(number, binary, db, folder, rng, tally, finished):
    questionnaire, lines, expected = rng.choice(SCRIPTS)
    kind = rng.choices([k for k, _ in KINDS], weights=[w for _, w in KINDS])[0]
    tally.add("trials")
    tally.add("trials: " + kind)
    errors_path = os.path.join(folder, "stderr-%d.txt" % number)
    with open(errors_path, "wb") as errors:
        child = Child([binary, "interview", questionnaire, "--interviewer", "S%d" % number, "--db", db,
                       "--questionnaires", QUESTIONNAIRES], errors)
        first = child.read_until(b"\n> ")
        for line in safe_start(questionnaire):
            # Nothing is stored before the safe start is answered: the interview (and its id) starts after it.
            child.send(line + "\n")
            first = first and child.read_until(b"\n> ")
        if first is None:
            child.finish()
            tally.problem("trial %d: no first question: %r" % (number, bytes(child.output[-300:])))
            return
        key = STARTED.search(bytes(child.output)).group(1).decode()
        acknowledged = 0  # answers (lines before `ok`) the runner showed as stored
        completion_acknowledged = False
        answers = len(lines) - 1
        stop_at = rng.randrange(0, answers) if kind in ("kill-9", "signal") else answers
        inflight = rng.random() < 0.5
        number_of_signal = signal.SIGKILL if kind.startswith("kill-9") else rng.choice(SIGNALS)
        for index in range(stop_at):
            child.send(lines[index] + "\n")
            if index == stop_at - 1 and inflight and kind in ("kill-9", "signal"):
                break  # disrupted while this answer is being stored
            screen = child.read_until(b"\n> ")
            if screen is None:
                break
            if b"NIET" in screen:
                tally.problem("trial %d: answer %d not stored: %r" % (number, index + 1, screen[-300:]))
                break
            acknowledged += 1
        if kind in ("kill-9", "signal"):
            if inflight and stop_at > 0:
                time.sleep(rng.uniform(0, 0.003))
            child.kill(number_of_signal)
            tally.add("signals sent" if number_of_signal != signal.SIGKILL else "kill -9 sent")
        elif kind in ("signal-after-ok", "kill-9-after-ok"):
            child.send("ok\n")
            time.sleep(rng.uniform(0, 0.004))
            child.kill(number_of_signal)
            tally.add("signals sent" if number_of_signal != signal.SIGKILL else "kill -9 sent")
        else:
            child.send("ok\n")
        status = child.finish()
        if child.stuck:
            tally.add("processes still running a minute after the signal")
            tally.problem("trial %d (%s, signal %d): the process did not end" % (number, kind, number_of_signal))
        completion_acknowledged = b"is afgerond" in child.output
        if kind == "complete" and not completion_acknowledged:
            tally.problem("trial %d: a complete run did not complete (exit %s): %r"
                          % (number, status, bytes(child.output[-300:])))
    if surfaced_lock_errors(errors_path):
        tally.add("lock errors surfaced")
    tally.add("answers acknowledged", acknowledged + (1 if completion_acknowledged else 0))
    check(number, kind, questionnaire, key, lines, expected, acknowledged, completion_acknowledged, binary, db,
          folder, tally, finished)


def check(number, kind, questionnaire, key, lines, expected, acknowledged, completion_acknowledged, binary, db,
          folder, tally, finished):
    stored = read_interview(db, key)
    if stored is not None and kind.endswith("after-ok"):
        # Whether the signal came after the completion was stored (the window that must not reopen it) or before.
        tally.add("after ok: completed before the signal" if stored["status"] == "completed"
                  else "after ok: signal before the completion")
    if stored is None:
        tally.add("answers lost", acknowledged + (1 if completion_acknowledged else 0))
        tally.problem("trial %d: %s is not in the database" % (number, key))
        return
    answers = stored["answers"]
    wrong = {item: value for item, value in answers.items() if expected.get(item) != value}
    if wrong:
        tally.problem("trial %d: %s holds answers never typed: %r" % (number, key, wrong))
    # A line left empty skips an optional question: it is acknowledged, and stores nothing.
    lost = max(0, sum(1 for line in lines[:acknowledged] if line) - len(answers))
    if completion_acknowledged and stored["status"] != "completed":
        lost += 1
    if lost:
        tally.add("answers lost", lost)
        tally.problem("trial %d: %s lost %d acknowledged answers" % (number, key, lost))
    if stored["status"] == "completed":
        check_not_reopened(number, key, stored, binary, db, folder, tally)
        finished.add(key, expected)
        return
    # Interrupted: resume with what is missing, from the first unanswered question on (a skipped optional question
    # is unanswered, and its empty line skips it again).
    given = 0
    while given < len(lines) - 1 and sum(1 for line in lines[:given] if line) < len(answers):
        given += 1
    resumed = resume(number, key, safe_start(questionnaire) + lines[given:], binary, db, folder, tally)
    after = read_interview(db, key)
    if after is None or after["status"] != "completed" or after["answers"] != expected:
        tally.problem("trial %d: %s was not completed by --resume: %s" % (number, key, resumed))
        return
    tally.add("resumed and completed")
    tally.add("answers acknowledged", len(lines) - given)
    finished.add(key, expected)


def resume(number, key, remaining, binary, db, folder, tally, take_over=False):
    argv = [binary, "interview", "--resume", key, "--db", db] + (["--take-over"] if take_over else [])
    # `remaining` begins with the safe start's answer where it is asked; a take-over is confirmed before it.
    stdin = ("j\n" if take_over else "") + "".join(line + "\n" for line in remaining)
    errors_path = os.path.join(folder, "stderr-%d-resume.txt" % number)
    with open(errors_path, "wb") as errors:
        run = subprocess.run(argv, input=stdin.encode(), stdout=subprocess.PIPE, stderr=errors, timeout=TIMEOUT)
    with open(errors_path, "rb") as handle:
        error_text = handle.read()
    if run.returncode != 0 and b"open in another terminal" in error_text and not take_over:
        # The killed process's number went to another program meanwhile.
        tally.add("process numbers reused (taken over)")
        return resume(number, key, remaining, binary, db, folder, tally, take_over=True)
    if surfaced_lock_errors(errors_path):
        tally.add("lock errors surfaced")
    return "exit %d: %r %r" % (run.returncode, run.stdout[-300:], error_text[-300:])


def check_not_reopened(number, key, stored, binary, db, folder, tally):
    """A completed interview stays completed: state, no pause after completion, and --resume refused."""
    tally.add("completed interviews checked")
    events = stored["events"]
    after_completion = events[events.index("completed") + 1:] if "completed" in events else events
    reopened = stored["state"] != "completed" or any(e in ("paused", "resumed") for e in after_completion)
    run = subprocess.run([binary, "interview", "--resume", key, "--db", db], input=b"", stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, timeout=TIMEOUT)
    if run.returncode == 0 or b"already completed" not in run.stderr:
        reopened = True
    again = read_interview(db, key)
    if again is None or any(again[f] != stored[f] for f in ("status", "answers", "completedAt", "grade")):
        reopened = True
    if reopened:
        tally.add("reopened interviews")
        tally.problem("trial %d: completed %s was reopened: state %s, events %s, resume exit %d"
                      % (number, key, stored["state"], events, run.returncode))


class Finished:
    """Completed interviews and their answers, for checking backups."""

    def __init__(self):
        self.lock = threading.Lock()
        self.expected = {}

    def add(self, key, expected):
        with self.lock:
            self.expected[key] = expected

    def snapshot(self):
        with self.lock:
            return dict(self.expected)


def import_file(path, rows):
    """An exchange file with `rows` distinct responses, made from the committed 2026 melding file."""
    source = os.path.join(PACKAGE, "Responses", "2026", "inwoners-melding.csv")
    with open(source, newline="", encoding="utf-8") as handle:
        table = list(csv.reader(handle))
    header, body = table[0], table[1:]
    column = header.index("response_id")
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        for index in range(rows):
            row = list(body[index % len(body)])
            row[column] = "soak-%d" % index
            writer.writerow(row)


def importer(binary, db, folder, rows, stop, tally):
    """Imports a file and undoes it again, over and over: long write transactions beside the interviews."""
    path = os.path.join(folder, "import.csv")
    import_file(path, rows)
    while not stop.is_set():
        run = subprocess.run([binary, "import", path, "--db", db, "--questionnaires", QUESTIONNAIRES],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
        if run.returncode != 0:
            tally.problem("import failed: %r" % run.stderr[-300:])
            return
        tally.add("imports")
        listing = subprocess.run([binary, "imports", "--db", db, "--format", "csv"], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, timeout=600)
        batches = [r["batch"] for r in csv.DictReader(listing.stdout.decode().splitlines())
                   if r["file"] == "import.csv" and not r["undone_at"]]
        for batch in batches:
            undo = subprocess.run([binary, "import", "--undo", batch, "--db", db], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, timeout=600)
            if undo.returncode != 0:
                tally.problem("undo failed: %r" % undo.stderr[-300:])
                return
            tally.add("undos")
        for text in (run.stderr, listing.stderr):
            if b"locked" in text.lower() or b"busy" in text.lower():
                tally.add("lock errors surfaced")


def backups(binary, db, folder, stop, tally, taken):
    number = 0
    while not stop.wait(1.5):
        number += 1
        path = os.path.join(folder, "backup-%d.sqlite" % number)
        run = subprocess.run([binary, "backup", path, "--db", db], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             timeout=600)
        if run.returncode != 0:
            tally.problem("backup failed: %r" % run.stderr[-300:])
            continue
        taken.append(path)


def check_file(path, finished, tally, label):
    """integrity_check, and every completed interview in the file has all its answers."""
    tally.add("files checked")
    try:
        connection = sqlite3.connect("file:%s?mode=ro" % path, uri=True, timeout=60)
        result = connection.execute("PRAGMA integrity_check").fetchall()
        rows = {}
        for key, item, value, code in connection.execute(
                "SELECT a.responseKey, a.item, a.value, a.missingCode FROM responseAnswer a "
                "JOIN response r ON r.id = a.responseId "
                "WHERE r.status = 'completed' AND r.responseKey LIKE 'VT-%'"):
            rows.setdefault(key, {})[item] = value if value is not None else code
        connection.close()
    except sqlite3.DatabaseError as error:
        tally.add("corrupt files")
        tally.problem("%s: %s" % (label, error))
        return
    if result != [("ok",)]:
        tally.add("corrupt files")
        tally.problem("%s: integrity_check: %r" % (label, result[:5]))
    for key, stored in rows.items():
        if key in finished and stored != finished[key]:
            tally.add("incomplete completed responses in files")
            tally.problem("%s: %s is completed without all its answers" % (label, key))


def build(binary):
    if binary:
        return binary
    print("building the release binary (swift build -c release) ...", file=sys.stderr)
    subprocess.run(["swift", "build", "-c", "release", "--product", "tevreden"], cwd=PACKAGE, check=True)
    return os.path.join(PACKAGE, ".build", "release", "tevreden")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trials", type=int, default=200, help="interviews in all (default 200)")
    parser.add_argument("--workers", type=int, default=8, help="interviewers at the same time (default 8)")
    parser.add_argument("--import-rows", type=int, default=20000, help="rows of the file imported over and over")
    parser.add_argument("--binary", help="the tevreden binary to test (default: build the release binary)")
    parser.add_argument("--no-build", action="store_true", help="use .build/release/tevreden as it is")
    parser.add_argument("--seed", type=int, help="for a reproducible choice of disruptions")
    parser.add_argument("--keep", help="a folder to keep the database, backups and standard errors in")
    parser.add_argument("--no-backups", action="store_true", help="take no backups (a tevreden without backup)")
    arguments = parser.parse_args()
    binary = arguments.binary or (os.path.join(PACKAGE, ".build", "release", "tevreden") if arguments.no_build
                                  else None)
    binary = os.path.abspath(build(binary))
    seed = arguments.seed if arguments.seed is not None else random.randrange(1 << 30)
    folder = arguments.keep or tempfile.mkdtemp(prefix="tevreden-soak-")
    os.makedirs(folder, exist_ok=True)
    db = os.path.join(folder, "soak.sqlite")
    tally = Tally()
    finished = Finished()
    stop = threading.Event()
    taken = []
    started = time.monotonic()

    setup = subprocess.run([binary, "import", os.path.join(PACKAGE, "Responses"), "--db", db, "--questionnaires",
                            QUESTIONNAIRES], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if setup.returncode != 0:
        sys.exit("setting up the database failed: %s" % setup.stderr.decode())
    helpers = [threading.Thread(target=importer, args=(binary, db, folder, arguments.import_rows, stop, tally))]
    if not arguments.no_backups:
        helpers.append(threading.Thread(target=backups, args=(binary, db, folder, stop, tally, taken)))
    for helper in helpers:
        helper.start()

    numbers = iter(range(1, arguments.trials + 1))
    numbers_lock = threading.Lock()

    def worker(index):
        rng = random.Random(seed * 1000 + index)
        while True:
            with numbers_lock:
                number = next(numbers, None)
            if number is None:
                return
            try:
                run_trial(number, binary, db, folder, rng, tally, finished)
            except Exception as error:  # a harness failure is reported, and the soak goes on
                tally.problem("trial %d: %s: %s" % (number, type(error).__name__, error))

    workers = [threading.Thread(target=worker, args=(index,)) for index in range(arguments.workers)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    stop.set()
    for helper in helpers:
        helper.join()

    # The last command to use the database leaves everything in its file: one more interview, alone, and then a
    # copy of the database file without its -wal must hold it.
    questionnaire, lines, last_expected = SCRIPTS[0]
    last = subprocess.run([binary, "interview", questionnaire, "--interviewer", "LAST1", "--db", db,
                           "--questionnaires", QUESTIONNAIRES],
                          input="".join(l + "\n" for l in safe_start(questionnaire) + lines).encode(),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT)
    last_key = STARTED.search(last.stdout).group(1).decode() if STARTED.search(last.stdout) else None
    if last_key:
        finished.add(last_key, last_expected)

    expected = finished.snapshot()
    check_file(db, expected, tally, "the database")
    alone = os.path.join(folder, "file-alone.sqlite")
    shutil.copyfile(db, alone)
    check_file(alone, expected, tally, "a copy of the database file alone")
    connection = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    in_database = connection.execute("SELECT COUNT(*) FROM response").fetchone()[0]
    connection.close()
    connection = sqlite3.connect("file:%s?mode=ro" % alone, uri=True)
    in_copy = connection.execute("SELECT COUNT(*) FROM response").fetchone()[0]
    connection.close()
    if in_copy != in_database:
        tally.problem("the file alone holds %d responses, the database %d" % (in_copy, in_database))
    connection = sqlite3.connect("file:%s?mode=ro" % alone, uri=True)
    found = connection.execute("SELECT status FROM response WHERE responseKey = ?", (last_key,)).fetchone()
    connection.close()
    if found != ("completed",):
        tally.add("file alone without the last interview")
        tally.problem("a copy of the database file alone lacks the last interview (%s): %r" % (last_key, found))
    for path in taken:
        check_file(path, expected, tally, os.path.basename(path))
    tally.add("backups", len(taken))

    elapsed = time.monotonic() - started
    print("tevreden soak: %s, seed %d, %d interviewers at once, import of %d rows and its undo over and over"
          % (binary, seed, arguments.workers, arguments.import_rows))
    order = ["trials"] + ["trials: " + k for k, _ in KINDS] + [
        "kill -9 sent", "signals sent", "after ok: completed before the signal", "after ok: signal before the completion",
        "answers acknowledged", "answers lost", "completed interviews checked",
        "reopened interviews", "resumed and completed", "process numbers reused (taken over)", "imports", "undos",
        "backups", "files checked", "corrupt files", "incomplete completed responses in files",
        "file alone without the last interview", "lock errors surfaced",
        "processes still running a minute after the signal", "problems"]
    for name in order:
        print("  %-52s %d" % (name, tally.get(name)))
    print("  %-52s %.0f s" % ("time", elapsed))
    for problem in tally.problems[:40]:
        print("problem: " + problem)
    if not arguments.keep:
        shutil.rmtree(folder, ignore_errors=True)
    sys.exit(1 if tally.problems else 0)


if __name__ == "__main__":
    main()

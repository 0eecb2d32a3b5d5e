#!/usr/bin/env python3
"""How long an interviewer waits after each answer in `tevreden interview`.

Runs complete scripted interviews through a pipe against the release binary. For every answer it measures the
time from writing the line to reading the next prompt ("> "): the engine's step, the SQLite transaction that
stores the answer (committed before the next prompt), and rendering the next screen. In the same run, and
interleaved with it, the same round trip is measured for two reference processes that do no work of their own,
so the ratio shows the tool's own cost on this machine rather than pipe and scheduler overhead:

  cat          echoes the line back (the bare cost of a pipe round trip between two processes);
  python echo  reads a line and answers with a screen of the same size as tevreden's plus "> ".

Usage: python3 Benchmarks/interview-latency.py [--runs 5] [--binary PATH | --no-build] [--folder DIR]
See Benchmarks/README.md.
"""

import argparse
import os
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# inwoners-melding with children: every question is asked (15 answers), then "ok" on the review screen.
SAFE_START = "ja"
SCRIPT = ["ja", "1", "j", "4", "5", "w", "5", "4", "3", "4", "4", "4", "ja", "8", "Goed geholpen.", "ok"]

PROMPT = b"> "
TIMEOUT = 10.0

PYTHON_ECHO = r"""
import sys
screen = "x" * (int(sys.argv[1]) - 3) + "\n"
sys.stdout.write("> ")
sys.stdout.flush()
for line in sys.stdin:
    sys.stdout.write(screen + "> ")
    sys.stdout.flush()
"""


class Child:
    """A child process with pipes, read with deadlines."""

    def __init__(self, argv, cwd=None, env=None):
        self.process = subprocess.Popen(
            argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd, env=env,
            bufsize=0)
        self.output = bytearray()

    def send(self, text):
        os.write(self.process.stdin.fileno(), text.encode())

    def read_until(self, done):
        """Reads until done(output) holds; returns False at end of output."""
        deadline = time.monotonic() + TIMEOUT
        fd = self.process.stdout.fileno()
        while not done(self.output):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("no expected output within %.0f s; got: %r" % (TIMEOUT, bytes(self.output[-400:])))
            ready, _, _ = select.select([fd], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(fd, 65536)
            if not chunk:
                return False
            self.output += chunk
        return True

    def wait_for_prompt(self):
        if not self.read_until(lambda out: out.endswith(PROMPT)):
            raise RuntimeError("output ended before a prompt: %r" % bytes(self.output[-400:]))

    def round_trip(self, line, done):
        """Milliseconds from writing `line` to done(new output)."""
        start = len(self.output)
        began = time.perf_counter()
        self.send(line)
        if not self.read_until(lambda out: done(out[start:])):
            raise RuntimeError("output ended early: %r" % bytes(self.output[-400:]))
        return (time.perf_counter() - began) * 1000

    def finish(self):
        self.process.stdin.close()
        rest = self.process.stdout.read()
        if rest:
            self.output += rest
        errors = self.process.stderr.read().decode(errors="replace")
        return self.process.wait(timeout=TIMEOUT), errors


def build_release():
    print("building: swift build -c release --product tevreden", file=sys.stderr, flush=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "tevreden"], cwd=PACKAGE, check=True)
    bin_path = subprocess.run(
        ["swift", "build", "-c", "release", "--show-bin-path"], cwd=PACKAGE, check=True, capture_output=True,
        text=True).stdout.strip()
    return os.path.join(bin_path, "tevreden")


def interview(binary, questionnaires, folder):
    """One full interview; returns (startup ms, per-answer ms, completion ms, mean screen size in bytes)."""
    env = dict(os.environ)
    env.pop("TEVREDEN_DB", None)
    db = os.path.join(folder, "bench.sqlite")
    began = time.perf_counter()
    child = Child(
        [binary, "interview", "inwoners-melding", "--interviewer", "BENCH1", "--db", db, "--questionnaires",
         questionnaires], cwd=folder, env=env)
    child.wait_for_prompt()
    # The first prompt is the safe start ("Kunt u nu vrijuit praten?"), asked before the interview is stored: its
    # ja, which stores the new interview and shows the first question, counts with the start, so that the start
    # still runs to the first question and the answers measured are the questionnaire's.
    startup = (time.perf_counter() - began) * 1000
    startup += child.round_trip(SAFE_START + "\n", lambda out: out.endswith(PROMPT))
    answers = []
    screens = []
    for line in SCRIPT[:-1]:
        start = len(child.output)
        answers.append(child.round_trip(line + "\n", lambda out: out.endswith(PROMPT)))
        screens.append(len(child.output) - start)
    completion = child.round_trip(SCRIPT[-1] + "\n", lambda out: b"is afgerond" in out)
    status, errors = child.finish()
    text = child.output.decode(errors="replace")
    if status != 0 or "is afgerond" not in text:
        raise RuntimeError("the interview did not complete (exit %d)\n%s\n%s" % (status, text[-2000:], errors))
    return startup, answers, completion, statistics.mean(screens)


def reference_cat(count):
    child = Child(["cat"])
    times = [child.round_trip("4\n> ", lambda out: out.endswith(PROMPT)) for _ in range(count)]
    child.finish()
    return times


def reference_python(count, screen_size):
    child = Child([sys.executable, "-u", "-c", PYTHON_ECHO, str(int(screen_size))])
    child.wait_for_prompt()
    times = [child.round_trip("4\n", lambda out: out.endswith(PROMPT)) for _ in range(count)]
    child.finish()
    return times


def percentile(values, fraction):
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * fraction // 1))
    return ordered[int(rank) - 1]


def row(name, values):
    return "%-34s %4d %9.2f %9.2f %9.2f" % (
        name, len(values), statistics.median(values), percentile(values, 0.9), max(values))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="full interviews to run (at least 3; default 5)")
    parser.add_argument("--binary", help="a tevreden binary to measure instead of building the release one")
    parser.add_argument("--no-build", action="store_true", help="use .build/release/tevreden without building")
    parser.add_argument(
        "--questionnaires", default=os.path.join(PACKAGE, "Questionnaires"), help="the definitions folder")
    parser.add_argument(
        "--folder", help="where the benchmark databases are created (default: the system's temporary folder); "
        "choose a folder on the disk interviewers use, since every answer is a committed transaction")
    args = parser.parse_args()
    if args.runs < 3:
        parser.error("--runs must be at least 3")
    if shutil.which("cat") is None:
        parser.error("cat is needed for the reference")

    if args.binary:
        binary = os.path.abspath(args.binary)
    elif args.no_build:
        binary = os.path.join(PACKAGE, ".build", "release", "tevreden")
    else:
        binary = build_release()
    if not os.access(binary, os.X_OK):
        parser.error("no executable at %s" % binary)

    startups, answers, completions, cats, pythons = [], [], [], [], []
    for run in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="tevreden-bench-", dir=args.folder) as folder:
            startup, times, completion, screen = interview(binary, args.questionnaires, folder)
        startups.append(startup)
        answers += times
        completions.append(completion)
        # Interleaved with the interviews, so both see the same machine state.
        cats += reference_cat(len(times))
        pythons += reference_python(len(times), screen)
        print("run %d: answer->prompt median %.2f ms, max %.2f ms" % (run + 1, statistics.median(times), max(times)),
              file=sys.stderr, flush=True)

    sys.stderr.flush()
    print("tevreden interview latency: %s" % binary)
    print("%d full interviews of inwoners-melding through a pipe, %d answers each; databases in %s; times in ms" % (
        args.runs, len(SCRIPT) - 1, args.folder or tempfile.gettempdir()))
    print()
    print("%-34s %4s %9s %9s %9s" % ("round trip (write line -> next '> ')", "n", "median", "p90", "max"))
    print(row("tevreden: answer -> next prompt", answers))
    print(row("reference: cat", cats))
    print(row("reference: python line echo", pythons))
    print()
    tool = statistics.median(answers)
    print("ratio of medians: tevreden / cat = %.1fx; tevreden / python line echo = %.1fx" % (
        tool / statistics.median(cats), tool / statistics.median(pythons)))
    print("ratio of p90:     tevreden / cat = %.1fx; tevreden / python line echo = %.1fx" % (
        percentile(answers, 0.9) / percentile(cats, 0.9), percentile(answers, 0.9) / percentile(pythons, 0.9)))
    print()
    print("for information (not in the ratios):")
    print(row("start -> first prompt", startups))
    print(row("ok on review -> 'afgerond'", completions))


if __name__ == "__main__":
    main()

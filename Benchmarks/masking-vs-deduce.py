#!/usr/bin/env python3
"""Recall and precision of tevreden's identifier masking per category, beside deduce's on the same corpus.

    python3 Benchmarks/masking-vs-deduce.py                 # builds the release binary, installs deduce in a venv
    python3 Benchmarks/masking-vs-deduce.py --no-build      # uses .build/release/tevreden as it is
    python3 Benchmarks/masking-vs-deduce.py --binary .build/debug/tevreden --corpus other.txt

The corpus (default Tests/TevredenCoreTests/Fixtures/privacy/privacy-corpus.txt) holds remarks with every
identifier marked as {kind|text}; lines without a mark hold nothing that may be masked. An identifier counts as
found when every letter and digit of it lies inside what the tool masked (a name half masked still names someone).
A masked span that overlaps no identifier is a false positive. deduce (Menger et al. 2017, the rule-based Dutch
de-identification from PyPI) is installed into a virtual environment in the system's temporary folder the first
time; its annotations are its spans.
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "Tests" / "TevredenCoreTests" / "Fixtures" / "privacy" / "privacy-corpus.txt"


def parse(line):
    """(plain text, [(start, end, kind)]) of a corpus line."""
    text, labels, index = "", [], 0
    while True:
        open_ = line.find("{", index)
        if open_ < 0:
            text += line[index:]
            return text, labels
        bar = line.index("|", open_)
        close = line.index("}", bar)
        text += line[index:open_]
        start = len(text)
        text += line[bar + 1:close]
        labels.append((start, len(text), line[open_ + 1:bar]))
        index = close + 1


def score(remarks, spans_per_remark):
    """found[kind], total[kind], false positives, spans."""
    found, total, false_positives, count = {}, {}, 0, 0
    for (text, labels), spans in zip(remarks, spans_per_remark):
        count += len(spans)
        for start, end, kind in labels:
            total[kind] = total.get(kind, 0) + 1
            covered = all(
                not text[i].isalnum() or any(s <= i < e for s, e in spans) for i in range(start, end))
            if covered:
                found[kind] = found.get(kind, 0) + 1
        for s, e in spans:
            if not any(s < end and start < e for start, end, _ in labels):
                false_positives += 1
    return found, total, false_positives, count


def tevreden_spans(binary, texts):
    started = time.perf_counter()
    result = subprocess.run(
        [str(binary), "privacy", "mask", "--spans"], input="\n".join(texts) + "\n", capture_output=True,
        text=True, check=True)
    elapsed = time.perf_counter() - started
    lines = result.stdout.splitlines()
    assert len(lines) == len(texts), (len(lines), len(texts))
    return [[(s["start"], s["end"]) for s in json.loads(line)["spans"]] for line in lines], elapsed


def deduce_python():
    """A Python with deduce importable: this one, or a virtual environment made for it."""
    try:
        import deduce  # noqa: F401
        return sys.executable
    except ImportError:
        pass
    venv = pathlib.Path(tempfile.gettempdir()) / "tevreden-deduce-venv"
    python = venv / "bin" / "python"
    if not python.exists():
        print(f"installing deduce into {venv} (once) …", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "deduce"], check=True)
    return str(python)


DEDUCE_SCRIPT = r"""
import json, sys, time, logging
logging.disable(logging.INFO)
import deduce
texts = json.load(sys.stdin)
model = deduce.Deduce()
started = time.perf_counter()
out = [[(int(a.start_char), int(a.end_char)) for a in model.deidentify(t).annotations] for t in texts]
print(json.dumps({"spans": out, "seconds": time.perf_counter() - started}))
"""


def deduce_spans(python, texts):
    result = subprocess.run(
        [python, "-c", DEDUCE_SCRIPT], input=json.dumps(texts), capture_output=True, text=True, check=True)
    data = json.loads(result.stdout.strip().splitlines()[-1])
    return [[tuple(s) for s in spans] for spans in data["spans"]], data["seconds"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", type=pathlib.Path, default=ROOT / ".build" / "release" / "tevreden")
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--corpus", type=pathlib.Path, default=CORPUS)
    args = parser.parse_args()
    if not args.no_build and args.binary == ROOT / ".build" / "release" / "tevreden":
        subprocess.run(["swift", "build", "-c", "release", "--product", "tevreden"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    lines = [line for line in args.corpus.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    remarks = [parse(line) for line in lines]
    texts = [text for text, _ in remarks]
    ours, our_seconds = tevreden_spans(args.binary, texts)
    theirs, their_seconds = deduce_spans(deduce_python(), texts)
    found_a, total, fp_a, spans_a = score(remarks, ours)
    found_b, _, fp_b, spans_b = score(remarks, theirs)
    print(f"corpus: {args.corpus.relative_to(ROOT) if args.corpus.is_relative_to(ROOT) else args.corpus}, "
          f"{len(remarks)} remarks, {sum(total.values())} identifiers, "
          f"{sum(1 for _, labels in remarks if not labels)} remarks without any")
    print()
    print(f"{'category':<12} {'n':>4}   {'tevreden recall':>15}   {'deduce recall':>13}")
    for kind in sorted(total):
        n = total[kind]
        print(f"{kind:<12} {n:>4}   {found_a.get(kind, 0):>5} ({found_a.get(kind, 0) / n:6.1%})   "
              f"{found_b.get(kind, 0):>4} ({found_b.get(kind, 0) / n:6.1%})")
    n = sum(total.values())
    a, b = sum(found_a.values()), sum(found_b.values())
    print(f"{'all':<12} {n:>4}   {a:>5} ({a / n:6.1%})   {b:>4} ({b / n:6.1%})")
    print(f"left in place: tevreden {n - a}, deduce {n - b}")
    print()

    def precision(spans, fp):
        return f"{(spans - fp) / spans:6.1%}" if spans else "   n/a"

    print(f"precision (masked spans that are identifiers): tevreden {precision(spans_a, fp_a)} "
          f"({fp_a} false of {spans_a}), deduce {precision(spans_b, fp_b)} ({fp_b} false of {spans_b})")
    print(f"time for the corpus: tevreden {our_seconds:.3f} s (whole process), deduce {their_seconds:.3f} s "
          f"(model loaded; ratio {our_seconds / their_seconds:.2f}x)")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Hostile and odd export files: how long `tevreden import` takes to refuse (or read) each, and how much memory.

Generates, in a temporary folder, XLSX workbooks and CSV files that are small on disk but would cost a naive reader
a lot: a sheet whose <dimension> claims 16,384 columns, cells of 10 MB and 300 MB, a valid shared-strings part of
about 20 MB, a zip bomb (a sheet that unpacks to 2 GB from 2 MB), headers of 100,000 columns, a CSV field of
300 MB, and a 300 MB line without an end. Each is imported with the release binary into a fresh database, and
the script prints the wall time, the peak resident set size of the process (from wait4's rusage), its exit code
and the first line of what it printed on standard error.

References, measured in the same run on the same files: the time `cat FILE > /dev/null` takes (reading the bytes
once), and the time Python takes to read the file as what it is (`csv.reader` over it, or every part of the
workbook unzipped with `zipfile`), with its peak RSS.

    python3 Benchmarks/hostile-files.py                  # builds the release binary first
    python3 Benchmarks/hostile-files.py --no-build --binary /tmp/tevreden-before --timeout 120
"""
import argparse
import os
import pathlib
import subprocess
import sys
import tempfile
import time
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"



def sample_export():
    """The header and first row of the import benchmark's Google Forms export for inwoners-melding, so that every
    hostile file is one tevreden would otherwise import."""
    import csv
    import importlib.util
    spec = importlib.util.spec_from_file_location("import_vs_sqlite", ROOT / "Benchmarks" / "import-vs-sqlite.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "sample.csv")
        module.generate(path, 1)
        with open(path, newline="", encoding="utf-8") as handle:
            header, row = list(csv.reader(handle))[:2]
    escape = lambda text: text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return header, row, [escape(text) for text in header], [escape(text) for text in row]


CSV_HEADER, CSV_ROW, HEADER, ROW = sample_export()


def inline(column, row, text):
    return '<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>' % (column, row, text)


def column_name(index):
    name = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        name = chr(65 + remainder) + name
    return name


def header_row(cells=HEADER):
    return '<row r="1">%s</row>' % "".join(inline(column_name(i), 1, text) for i, text in enumerate(cells))


def data_row(number):
    return '<row r="%d">%s</row>' % (number, "".join(inline(column_name(i), number, text)
                                                     for i, text in enumerate(ROW)))


def write_workbook(path, sheet_pieces, shared_strings=None):
    """A workbook whose first sheet's XML is the concatenation of `sheet_pieces` (an iterable of str), streamed."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml",
                         '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                         'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
        archive.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="%s"><Relationship Id="rId1" '
                         'Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>' % (PKG, RELS))
        relationships = '<Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>' % RELS
        if shared_strings is not None:
            relationships += ('<Relationship Id="rId2" Type="%s/sharedStrings" Target="sharedStrings.xml"/>'
                              % RELS)
        archive.writestr("xl/_rels/workbook.xml.rels",
                         '<?xml version="1.0"?><Relationships xmlns="%s">%s</Relationships>' % (PKG, relationships))
        archive.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="%s" xmlns:r="%s"><sheets>'
                         '<sheet name="Antwoorden" sheetId="1" r:id="rId1"/></sheets></workbook>' % (MAIN, RELS))
        if shared_strings is not None:
            with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
                for piece in shared_strings:
                    part.write(piece.encode("utf-8"))
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            for piece in sheet_pieces:
                part.write(piece.encode("utf-8"))


def sheet(body_pieces, dimension=None):
    yield '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s">' % MAIN
    if dimension:
        yield '<dimension ref="%s"/>' % dimension
    yield "<sheetData>"
    yield from body_pieces
    yield "</sheetData></worksheet>"


def repeated(text, total, piece=1 << 20):
    chunk = text * (piece // len(text))
    written = 0
    while written < total:
        part = chunk[: min(len(chunk), total - written)]
        written += len(part)
        yield part


def big_cell(size):
    yield header_row()
    yield '<row r="2"><c r="A2" t="inlineStr"><is><t>'
    yield from repeated("x", size)
    yield "</t></is></c></row>"


def dimension_rows(rows):
    yield header_row()
    for number in range(2, rows + 1):
        yield data_row(number)


def shared_strings_part(count):
    yield '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="%s" count="%d" uniqueCount="%d">' % (MAIN, count, count)
    for text in HEADER + ROW:
        yield "<si><t>%s</t></si>" % text
    for number in range(count - len(HEADER) - len(ROW)):
        yield "<si><t>Een open antwoord, nummer %09d, dat zo lang is als een echt antwoord vaak is.</t></si>" % number
    yield "</sst>"


def shared_rows():
    yield '<row r="1">%s</row>' % "".join('<c r="%s1" t="s"><v>%d</v></c>' % (column_name(i), i)
                                          for i in range(len(HEADER)))
    for number in range(2, 1002):
        yield '<row r="%d">%s</row>' % (number, "".join('<c r="%s%d" t="s"><v>%d</v></c>' % (
            column_name(i), number, len(HEADER) + i) for i in range(len(ROW))))


def bomb():
    yield header_row()
    yield from repeated(" ", 2 << 30)


def wide_header_xlsx(columns):
    # Cells without an r attribute: each takes the next column, past Excel's XFD.
    yield "<row>" + "".join("<c t=\"inlineStr\"><is><t>kolom %d</t></is></c>" % i for i in range(columns)) + "</row>"
    yield "<row>" + "".join("<c t=\"inlineStr\"><is><t>x</t></is></c>" for _ in range(columns)) + "</row>"


def write_text(path, pieces):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        for piece in pieces:
            handle.write(piece)


def csv_line(cells):
    return ",".join('"%s"' % cell.replace('"', '""') for cell in cells) + "\n"


def csv_big_field(size):
    yield csv_line(CSV_HEADER)
    yield csv_line(CSV_ROW)[:-1] + ',"'
    yield from repeated("x", size)
    yield '"\n'


def csv_wide_header(columns):
    yield csv_line(CSV_HEADER + ["kolom %d" % i for i in range(columns - len(CSV_HEADER))])
    yield csv_line(CSV_ROW + ["x"] * (columns - len(CSV_ROW)))


def csv_endless_line(size):
    yield csv_line(CSV_HEADER)
    yield from repeated("y", size)


CASES = [
    # name, kind, generator
    ("xlsx: <dimension> A1:XFD30000, 30,000 rows", "xlsx",
     lambda path: write_workbook(path, sheet(dimension_rows(30000), dimension="A1:XFD30000"))),
    ("xlsx: one 10 MB cell", "xlsx", lambda path: write_workbook(path, sheet(big_cell(10 << 20)))),
    ("xlsx: one 300 MB cell", "xlsx", lambda path: write_workbook(path, sheet(big_cell(300 << 20)))),
    ("xlsx: shared strings of 20 MB (valid)", "xlsx",
     lambda path: write_workbook(path, sheet(shared_rows()), shared_strings=shared_strings_part(230_000))),
    ("xlsx: zip bomb, sheet unpacks to 2 GB", "xlsx", lambda path: write_workbook(path, sheet(bomb()))),
    ("xlsx: 100,000-column header", "xlsx", lambda path: write_workbook(path, sheet(wide_header_xlsx(100_000)))),
    ("csv: one 300 MB field", "csv", lambda path: write_text(path, csv_big_field(300 << 20))),
    ("csv: 100,000-column header", "csv", lambda path: write_text(path, csv_wide_header(100_000))),
    ("csv: a 300 MB line without end", "csv", lambda path: write_text(path, csv_endless_line(300 << 20))),
]


def measure(command, timeout):
    """(seconds, peak RSS in MB, exit code or 'timeout', first stderr line) of one process."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                child.kill()
                pid, status, usage = os.wait4(child.pid, 0)
                status = None
                break
            time.sleep(0.01)
        elapsed = time.perf_counter() - start
        errors.seek(0)
        first = errors.read().decode("utf-8", "replace").strip().splitlines()
        code = "timeout" if status is None else (os.waitstatus_to_exitcode(status))
        return elapsed, usage.ru_maxrss / 1024, code, (first[0] if first else "")


PYTHON_READERS = {
    "csv": "import csv,sys\ncsv.field_size_limit(sys.maxsize)\n"
           "for row in csv.reader(open(sys.argv[1], newline='', encoding='utf-8')): pass",
    "xlsx": "import zipfile,sys\nz=zipfile.ZipFile(sys.argv[1])\n"
            "for n in z.namelist():\n f=z.open(n)\n while f.read(1<<20): pass",
}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "tevreden"))
    parser.add_argument("--timeout", type=float, default=180, help="seconds before a run is stopped")
    parser.add_argument("--only", help="run only cases whose name contains this text")
    parser.add_argument("--no-python", action="store_true", help="skip the Python reference")
    arguments = parser.parse_args()
    if not arguments.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--package-path", str(ROOT)], check=True)
    print("binary: %s" % arguments.binary)
    print("| file | on disk | tevreden import | peak RSS | exit | message | cat | Python read (RSS) |")
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for index, (name, kind, generate) in enumerate(CASES):
            if arguments.only and arguments.only not in name:
                continue
            path = os.path.join(folder, "hostile-%d.%s" % (index, kind))
            generate(path)
            size = os.path.getsize(path)
            database = os.path.join(folder, "db-%d.sqlite" % index)
            seconds, rss, code, message = measure(
                [arguments.binary, "import", path, "--questionnaire", "inwoners-melding", "--gemeente", "Alkmaar",
                 "--questionnaires", str(ROOT / "Questionnaires"), "--db", database], arguments.timeout)
            cat_seconds, _, _, _ = measure(["sh", "-c", 'cat "$0" > /dev/null', path], arguments.timeout)
            if arguments.no_python:
                python = "-"
            else:
                py_seconds, py_rss, py_code, _ = measure(
                    [sys.executable, "-c", PYTHON_READERS[kind], path], arguments.timeout)
                python = "%.2f s (%.0f MB)%s" % (py_seconds, py_rss, "" if py_code == 0 else " exit %s" % py_code)
            message = message.replace(folder + "/", "").replace("|", "\\|")
            if len(message) > 160:
                message = message[:157] + "..."
            print("| %s | %s | %.2f s | %.0f MB | %s | %s | %.3f s | %s |" % (
                name, human(size), seconds, rss, code, message, cat_seconds, python), flush=True)
            os.remove(path)
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(database + suffix):
                    os.remove(database + suffix)


def human(size):
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return "%.0f %s" % (size, unit) if unit == "B" else "%.1f %s" % (size, unit)
        size /= 1024


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes the VT-style platform exports used by the end-to-end import tests (run from this folder).

Each file answers a questionnaire in Questionnaires/ in one platform's layout, with the quirks that matter:
extra header rows, personal-data columns, labels instead of codes, decimal commas, Dutch and US dates, an
unfinished response, a bad row, and personal data in an open answer.
"""
import csv, io, zipfile, yaml, pathlib
from xml.sax.saxutils import escape

here = pathlib.Path(__file__).parent
root = here.parent.parent.parent
def questions(name):
    return {q["id"]: q["text"] for q in yaml.safe_load(open(root / "Questionnaires" / f"{name}.yaml"))["questions"]}

# Qualtrics: three header rows, labels ("choice text"), Finished, personal data, a bad grade.
m = questions("inwoners-melding")
items = ["toestemming", "rol", "kinderen", "bereikbaarheid", "bejegening", "geduld", "duidelijk_melding",
         "terugkoppeling", "duidelijk_rol_vt", "duidelijk_vervolg", "afspraken", "deskundigheid",
         "kinderen_gesproken", "kinderen_hulp", "cijfer", "opmerking"]
meta = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished",
        "RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName", "RecipientEmail",
        "ExternalReference", "LocationLatitude", "LocationLongitude", "DistributionChannel", "UserLanguage"]
tags = meta + [f"Q{i+1}" for i in range(len(items))] + ["Gemeente"]
texts = ["Start Date", "End Date", "Response Type", "IP Address", "Progress", "Duration (in seconds)", "Finished",
         "Recorded Date", "Response ID", "Recipient Last Name", "Recipient First Name", "Recipient Email",
         "External Data Reference", "Location Latitude", "Location Longitude", "Distribution Channel",
         "User Language"] + [m[i] for i in items] + ["Gemeente"]
ids = ['{"ImportId":"%s"}' % t for t in ["startDate", "endDate", "status", "ipAddress", "progress", "duration",
       "finished", "recordedDate", "_recordId", "recipientLastName", "recipientFirstName", "recipientEmail",
       "externalDataReference", "locationLatitude", "locationLongitude", "distributionChannel", "userLanguage"]]
ids += ['{"ImportId":"QID%d"}' % (i + 1) for i in range(len(items))] + ['{"ImportId":"QID99_TEXT"}']
def q_row(start, end, finished, rid, answers, gemeente="Hoorn"):
    personal = ["Jansen", "Piet", "piet.jansen@example.nl", "dossier-4711", "52.64", "5.06"]
    return [start, end, "0", "192.168.1.20", "100" if finished else "40", "600", "True" if finished else "False",
            end, rid] + personal + ["anonymous", "NL"] + answers + [gemeente]
full = ["Ja", "De melding ging over mij", "Ja", "Tevreden", "Heel tevreden", "Mee eens", "Helemaal mee eens", "",
        "Mee eens", "Niet mee eens", "Mee eens", "Mee eens", "Mee eens", "Nee", "8",
        "Fijn geholpen, bel gerust 06-12345678"]
rows = [tags, texts, ids,
        q_row("2026-03-02 10:00:00", "2026-03-02 10:12:00", True, "R_1aAbCdEfGhIjKlM", full),
        q_row("2026-03-05 09:00:00", "2026-03-05 09:20:00", True, "R_2bBcDeFgHiJkLmN",
              ["Ja", "Ik heb de melding gedaan", "Nee", "Weet ik niet", "Tevreden", "Mee eens", "", "Ja", "Mee eens",
               "Mee eens", "Mee eens", "Helemaal mee eens", "", "", "7", ""], gemeente="alkmaar"),
        q_row("2026-03-06 11:00:00", "2026-03-06 11:03:00", False, "R_3cCdEfGhIjKlMnO",
              ["Ja", "Iemand anders", "Nee", "Ontevreden", "", "", "", "", "", "", "", "", "", "", "", ""]),
        q_row("2026-03-07 15:00:00", "2026-03-07 15:10:00", True, "R_4dDeFgHiJkLmNoP",
              ["Ja", "De melding ging over mij", "Nee", "Tevreden", "Tevreden", "Mee eens", "Mee eens", "",
               "Mee eens", "Mee eens", "Mee eens", "Mee eens", "", "", "12", ""])]
buffer = io.StringIO()
csv.writer(buffer, lineterminator="\r\n").writerows(rows)
(here / "qualtrics-inwoners-melding.csv").write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))

# Google Forms saved by Dutch Excel: semicolons, Windows-1252, Dutch dates, decimal comma, "Zeer tevreden".
p = questions("ketenpartners-politie")
pol = list(p)
header = ["Tijdstempel", "E-mailadres"] + [p[i] for i in pol if i != "toestemming"]
def g_row(stamp, email, functie, gedaan, scales, grade, remark):
    return [stamp, email, functie, gedaan] + scales + [grade, remark]
grows = [header,
    g_row("13-3-2026 10:15:04", "agent@politie.example", "Wijkagent", "Ja",
          ["Zeer tevreden", "Mee eens", "Tevreden", "Tevreden", "Tevreden", "Mee eens", "Tevreden", "Nee", "",
           "Mee eens", "Weet ik niet"], "7,5", "Contact met coördinator was prima, mijn BSN 123456782 stond erin"),
    g_row("14-3-2026 16:40:00", "", "Coördinator huiselijk geweld / kindermishandeling", "Nee",
          ["", "", "", "Ontevreden", "Niet tevreden en niet ontevreden", "Niet mee eens", "Weet ik niet", "Ja",
           "Tevreden", "Niet mee eens", "Niet mee eens"], "6", ""),
    g_row("2-4-2026 08:05:30", "", "Zedenrechercheur", "Ja",
          ["Heel tevreden", "Helemaal mee eens", "Heel tevreden", "Tevreden", "Heel tevreden", "Mee eens",
           "Tevreden", "Nee", "", "Mee eens", "Mee eens"], "9", "Snel en goed"),
]
buffer = io.StringIO()
csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(grows)
(here / "googleforms-ketenpartners-politie-semicolon-windows1252.csv").write_bytes(buffer.getvalue().encode("cp1252"))

# Microsoft Forms workbook (XLSX): Id, Start time, Completion time, Email, Name, then the questions; times are
# Excel serial numbers with a date format, as Forms writes them.
a = questions("inwoners-adviesaanvraag")
adv = [i for i in a if i != "toestemming"]
xheader = ["Id", "Start time", "Completion time", "Email", "Name"] + [a[i] for i in adv]
def serial(day, hour, minute):
    import datetime
    delta = datetime.datetime(2026, 5, day, hour, minute) - datetime.datetime(1899, 12, 30)
    return delta.days + delta.seconds / 86400
values = {
    "rol": "Over mijn eigen situatie", "contact_via": "Telefoon;E-mail", "kinderen": "Nee",
    "bereikbaarheid": "Tevreden", "bejegening": "Heel tevreden", "geduld": "Mee eens", "duidelijk_rol_vt": "Mee eens",
    "duidelijk_advies": "Helemaal mee eens", "deskundigheid": "Mee eens", "afspraken": "Mee eens",
    "duidelijk_vervolg": "Mee eens", "kinderen_aandacht": "", "cijfer": 8, "opmerking": "Mail me: a.b@example.org",
}
xrows = [xheader]
for number, (day, grade) in enumerate([(4, 8), (11, 6), (19, 9)], start=1):
    row = [number, serial(day, 9, 30), serial(day, 9, 41), "anonymous", ""]
    row += [grade if i == "cijfer" else values.get(i, "") for i in adv]
    xrows.append(row)
def column(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name
cells = []
for r, row in enumerate(xrows, start=1):
    out = []
    for c, value in enumerate(row):
        ref = f"{column(c)}{r}"
        if value == "":
            continue
        if isinstance(value, (int, float)):
            style = ' s="1"' if r > 1 and c in (1, 2) else ""
            out.append(f'<c r="{ref}"{style}><v>{value}</v></c>')
        else:
            out.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>')
    cells.append(f'<row r="{r}">{"".join(out)}</row>')
sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
         + "".join(cells) + '</sheetData></worksheet>')
files = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Form1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    "xl/styles.xml": '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="m/d/yy h:mm"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>',
    "xl/worksheets/sheet1.xml": sheet,
}
with zipfile.ZipFile(here / "msforms-inwoners-adviesaanvraag.xlsx", "w", zipfile.ZIP_DEFLATED) as archive:
    for name, content in files.items():
        info = zipfile.ZipInfo(name, date_time=(2026, 5, 20, 12, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, content)

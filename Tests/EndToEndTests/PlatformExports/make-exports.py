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

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"

def write_xlsx(path, sheets, formats, shared_strings=False, table=None):
    """Writes a workbook. `sheets`: (name, rows, style) where style(row, column, value) gives the index of a number
    format in `formats` (+1; 0 is none) for numeric cells. Strings are inline, or shared as Excel writes them.
    `table`: an Excel table object over the whole first sheet (Microsoft Forms writes one)."""
    strings = []
    def string_cell(ref, value):
        if not shared_strings:
            return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(str(value))}</t></is></c>'
        if value not in strings:
            strings.append(value)
        return f'<c r="{ref}" t="s"><v>{strings.index(value)}</v></c>'
    files = {}
    sheet_list, relationships, overrides = "", "", ""
    for number, (name, rows, style) in enumerate(sheets, start=1):
        cells = []
        for r, row in enumerate(rows, start=1):
            out = []
            for c, value in enumerate(row):
                ref = f"{column(c)}{r}"
                if value == "":
                    continue
                if isinstance(value, bool):
                    out.append(f'<c r="{ref}" t="b"><v>{int(value)}</v></c>')
                elif isinstance(value, (int, float)):
                    index = style(r, c, value)
                    styled = ' s="%d"' % index if index else ""
                    out.append(f'<c r="{ref}"{styled}><v>{value}</v></c>')
                else:
                    out.append(string_cell(ref, value))
            cells.append(f'<row r="{r}">{"".join(out)}</row>')
        width = max(len(row) for row in rows)
        sheet_rels = ""
        if table and number == 1:
            sheet_rels = '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>'
        files[f"xl/worksheets/sheet{number}.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{MAIN}" xmlns:r="{RELS}">'
            f'<dimension ref="A1:{column(width - 1)}{len(rows)}"/><sheetData>{"".join(cells)}</sheetData>'
            f'{sheet_rels}</worksheet>')
        sheet_list += f'<sheet name="{escape(name)}" sheetId="{number}" r:id="rId{number}"/>'
        relationships += (f'<Relationship Id="rId{number}" Type="{RELS}/worksheet" '
                          f'Target="worksheets/sheet{number}.xml"/>')
        overrides += (f'<Override PartName="/xl/worksheets/sheet{number}.xml" ContentType="application/'
                      'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
    count = len(sheets)
    relationships += f'<Relationship Id="rId{count + 1}" Type="{RELS}/styles" Target="styles.xml"/>'
    if shared_strings:
        relationships += f'<Relationship Id="rId{count + 2}" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/>'
        items = "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings)
        files["xl/sharedStrings.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                                         f'<sst xmlns="{MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">'
                                         f'{items}</sst>')
        overrides += ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                      'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
    if table:
        rows = sheets[0][1]
        width = max(len(row) for row in rows)
        names = "".join(f'<tableColumn id="{i + 1}" name="{escape(str(h))}"/>' for i, h in enumerate(rows[0]))
        area = f"A1:{column(width - 1)}{len(rows)}"
        files["xl/tables/table1.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><table xmlns="{MAIN}" id="1" name="{table}" '
            f'displayName="{table}" ref="{area}" totalsRowShown="0"><autoFilter ref="{area}"/>'
            f'<tableColumns count="{width}">{names}</tableColumns></table>')
        files["xl/worksheets/_rels/sheet1.xml.rels"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PACKAGE_RELS}">'
            f'<Relationship Id="rId1" Type="{RELS}/table" Target="../tables/table1.xml"/></Relationships>')
        overrides += ('<Override PartName="/xl/tables/table1.xml" ContentType="application/'
                      'vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>')
    number_formats = "".join(f'<numFmt numFmtId="{164 + i}" formatCode="{escape(f)}"/>' for i, f in enumerate(formats))
    xfs = '<xf numFmtId="0"/>' + "".join(f'<xf numFmtId="{164 + i}" applyNumberFormat="1"/>' for i in range(len(formats)))
    files["xl/styles.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}">'
                              f'<numFmts count="{len(formats)}">{number_formats}</numFmts>'
                              f'<cellXfs count="{len(formats) + 1}">{xfs}</cellXfs></styleSheet>')
    files["xl/workbook.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{RELS}">'
                                f'<sheets>{sheet_list}</sheets></workbook>')
    files["xl/_rels/workbook.xml.rels"] = (f'<?xml version="1.0" encoding="UTF-8"?><Relationships '
                                           f'xmlns="{PACKAGE_RELS}">{relationships}</Relationships>')
    files["_rels/.rels"] = (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PACKAGE_RELS}">'
                            f'<Relationship Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/>'
                            '</Relationships>')
    files["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
        'PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
        'sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
        f'officedocument.spreadsheetml.styles+xml"/>{overrides}</Types>')
    with zipfile.ZipFile(here / path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                     "xl/styles.xml"] + sorted(n for n in files if n.startswith(("xl/worksheets", "xl/tables",
                                                                                 "xl/sharedStrings"))):
            info = zipfile.ZipInfo(name, date_time=(2026, 5, 20, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, files[name])

# Forms keeps its responses in an Excel table object on the sheet; the times (columns B and C) are serial numbers.
write_xlsx("msforms-inwoners-adviesaanvraag.xlsx",
           [("Form1", xrows, lambda r, c, v: 1 if r > 1 and c in (1, 2) else 0)], ["m/d/yy h:mm"], shared_strings=True,
           table="Table1")

# ---------------------------------------------------------------------------------------------------------------
# The same five respondents of inwoners-adviesaanvraag (the questionnaire with a multiple-choice item) in the
# layouts of SurveyMonkey, LimeSurvey (codes and full texts), Typeform, KoboToolbox and ODK Central. Respondent C
# stopped early; A's remark holds a phone number and an e-mail address, B's a BSN (11-proef).
definition = yaml.safe_load(open(root / "Questionnaires" / "inwoners-adviesaanvraag.yaml"))
adv_q = {q["id"]: q for q in definition["questions"]}
adv_scales = {s["id"]: {p["value"]: p["label"] for p in s["points"]} for s in definition["scales"]}
adv_missing = {m["code"]: m["label"] for m in definition["missing_codes"]}
order = [q["id"] for q in definition["questions"]]
choice_codes = [c["code"] for c in adv_q["contact_via"]["choices"]]
choice_labels = {c["code"]: c["label"] for c in adv_q["contact_via"]["choices"]}
eens = ["geduld", "duidelijk_rol_vt", "duidelijk_advies", "deskundigheid", "afspraken", "duidelijk_vervolg",
        "kinderen_aandacht"]

people = {
    "A": dict(toestemming=True, rol="betrokkene", contact_via=["telefoon", "mail"], kinderen=True, bereikbaarheid=4,
              bejegening=5, geduld=4, duidelijk_rol_vt=5, duidelijk_advies=4, deskundigheid=4, afspraken=2,
              duidelijk_vervolg=4, kinderen_aandacht=4, kinderen_hulp=True, cijfer=8,
              opmerking="Fijn advies. Bel me gerust op 06-12345678 of mail naar j.de.vries@example.nl"),
    "B": dict(toestemming=True, rol="ouder", contact_via=["chat"], kinderen=False, bereikbaarheid="weet_niet",
              bejegening=4, geduld=5, duidelijk_rol_vt=4, duidelijk_advies=5, deskundigheid=5, afspraken=4,
              duidelijk_vervolg=4, cijfer=9, opmerking="Mijn BSN 111222333 hoefde ik gelukkig niet te geven"),
    "C": dict(toestemming=True, rol="melder", contact_via=["gesprek", "telefoon"], kinderen=False, bereikbaarheid=2),
    "D": dict(toestemming=True, rol="anders", contact_via=["telefoon"], kinderen=True, bereikbaarheid=3,
              bejegening=3, geduld=3, duidelijk_rol_vt=2, duidelijk_advies=3, deskundigheid=2, afspraken=3,
              duidelijk_vervolg=2, kinderen_aandacht=1, kinderen_hulp=False, cijfer=5, opmerking=""),
    "E": dict(toestemming=True, rol="pleger", contact_via=["mail", "chat", "gesprek"], kinderen=False,
              bereikbaarheid=5, bejegening=4, geduld=4, duidelijk_rol_vt=4, duidelijk_advies=4, deskundigheid=4,
              afspraken=5, duidelijk_vervolg=4, cijfer=7, opmerking="Duidelijk verhaal"),
}

def label(item, value, yes="Ja", no="Nee"):
    """The answer as a respondent saw it: labels for choices, scales and missing codes."""
    if value is None or value == "":
        return ""
    q = adv_q[item]
    if isinstance(value, bool):
        return yes if value else no
    if isinstance(value, str) and value in adv_missing:
        return adv_missing[value]
    if q["type"] == "scale":
        return adv_scales[q["scale"]][value]
    if q["type"] == "single_choice":
        return {c["code"]: c["label"] for c in q["choices"]}[value]
    return str(value)

def csv_bytes(rows, delimiter=",", quoting=csv.QUOTE_MINIMAL, eol="\r\n", encoding="utf-8"):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator=eol).writerows(rows)
    return buffer.getvalue().encode(encoding)

# SurveyMonkey "All responses data", condensed, actual answer text: two header rows (the question above its first
# column, sub-headers below), US dates, personal-data metadata, matrices and one column per option. A sixth
# respondent ticked "Other (please specify)", which the questionnaire does not have: those words are left out.
sm_meta = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address", "First Name",
           "Last Name", "Custom Data 1"]
sm_tevreden = "Hoe tevreden bent u over Veilig Thuis?"
sm_eens = "In hoeverre bent u het eens met deze zinnen?"
top = sm_meta + [adv_q["toestemming"]["text"], adv_q["rol"]["text"], adv_q["contact_via"]["text"]]
sub = [""] * len(sm_meta) + ["Response", "Response"] + [choice_labels[c] for c in choice_codes] + \
    ["Other (please specify)"]
top += [""] * len(choice_codes) + [adv_q["kinderen"]["text"], sm_tevreden, ""]
sub += ["Response", "Bereikbaarheid", "Bejegening"]
top += [sm_eens] + [""] * (len(eens) - 1) + [adv_q["kinderen_hulp"]["text"], adv_q["cijfer"]["text"],
                                              adv_q["opmerking"]["text"]]
sub += [adv_q[i]["text"] for i in eens] + ["Response", "Response", "Open-Ended Response"]
def sm_row(rid, start, end, p, other=""):
    row = [rid, "431598207", start, end, "145.53.12.%s" % rid[-2:], "inwoner%s@example.nl" % rid[-3:], "Sanne",
           "de Boer", ""]
    row += [label("toestemming", p.get("toestemming")), label("rol", p.get("rol"))]
    row += [choice_labels[c] if c in p.get("contact_via", []) else "" for c in choice_codes] + [other]
    row += [label(i, p.get(i)) for i in ["kinderen", "bereikbaarheid", "bejegening"] + eens
            + ["kinderen_hulp", "cijfer", "opmerking"]]
    return row
sm_rows = [top, sub,
           sm_row("114938210451", "03/10/2026 09:58:12 AM", "03/10/2026 10:06:40 AM", people["A"]),
           sm_row("114938210452", "03/12/2026 01:15:00 PM", "03/12/2026 01:22:31 PM", people["B"]),
           sm_row("114938210453", "03/12/2026 08:02:00 PM", "03/12/2026 08:04:10 PM", people["C"]),
           sm_row("114938210454", "03/30/2026 11:40:00 AM", "03/30/2026 11:51:09 AM", people["D"]),
           sm_row("114938210455", "04/02/2026 04:05:00 PM", "04/02/2026 04:12:45 PM", people["E"]),
           sm_row("114938210456", "04/03/2026 09:00:00 AM", "04/03/2026 09:07:00 AM", people["D"],
                  other="Via de huisarts")]
(here / "surveymonkey-inwoners-adviesaanvraag.csv").write_bytes(csv_bytes(sm_rows))

# LimeSurvey, heading type "question code", answers as full text (as in the Drongo fixture: Dutch codes and
# labels): every field quoted, an extra empty line at the end. Multiple choice as sub-question columns
# contactvia[SQ001]…, ticked 'Y' (LimeSurvey's answer code; whether the full-text export writes 'Y' or a
# translated 'Ja' there was not verified). Question codes cannot hold '_': duidelijkrolvt is duidelijk_rol_vt.
# Unfinished responses have no submitdate.
def code(item):
    return item.replace("_", "")
lime_items = [i for i in order if i != "contact_via"]
lhead = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp", "ipaddr"]
lhead += ["toestemming", "rol"] + ["contactvia[SQ%03d]" % (n + 1) for n in range(len(choice_codes))]
lhead += [code(i) for i in lime_items[2:]] + ["bijlage", "bijlage_filecount", "interviewtime"]
# A file-upload question (not in the questionnaire) holds a JSON document, as the sample's intro cell does.
upload = '[{"title":"Brief","comment":"","size":"48.2","name":"brief.pdf","filename":"fu_k3m9x2","ext":"pdf"}]'
def lime_row(rid, submitted, start, stamp, p, lastpage="4"):
    row = [rid, submitted, lastpage, "nl", str(1000000 + int(rid) * 7919), start, stamp, "83.160.17.%s" % rid]
    row += [label("toestemming", p.get("toestemming")), label("rol", p.get("rol"))]
    row += ["Y" if c in p.get("contact_via", []) else "" for c in choice_codes]
    row += [label(i, p.get(i)) for i in lime_items[2:]]
    row += [upload, "1"] if p is people["A"] else ["", "0"]
    row += ["312.4"]
    return row
lrows = [lhead,
         lime_row("3", "2026-03-11 14:20:05", "2026-03-11 14:09:51", "2026-03-11 14:20:05", people["A"]),
         lime_row("4", "2026-03-11 19:02:44", "2026-03-11 18:55:02", "2026-03-11 19:02:44", people["B"]),
         lime_row("6", "", "2026-03-13 07:45:00", "2026-03-13 07:46:12", people["C"], lastpage="1"),
         lime_row("7", "2026-04-01 10:00:00", "2026-04-01 09:49:30", "2026-04-01 10:00:00", people["D"]),
         lime_row("9", "2026-04-08 21:10:10", "2026-04-08 21:01:00", "2026-04-08 21:10:10", people["E"])]
(here / "limesurvey-inwoners-adviesaanvraag-codes.csv").write_bytes(
    csv_bytes(lrows, quoting=csv.QUOTE_ALL, eol="\n") + b"\n")

# LimeSurvey, heading type "full question text", from another survey for the same questionnaire (its response
# ids also start at 1): UTF-8 with BOM like the R data file, the statements as one array question
# ("Question [Row]"), multiple choice as "Question [Option]" ticked 'Ja'.
fhead = ["Response ID", "Date submitted", "Last page", "Start language", "Seed", "Date started", "Date last action",
         "IP address", adv_q["toestemming"]["text"], adv_q["rol"]["text"]]
fhead += ["%s [%s]" % (adv_q["contact_via"]["text"], choice_labels[c]) for c in choice_codes]
fhead += [adv_q[i]["text"] for i in ["kinderen", "bereikbaarheid", "bejegening"]]
fhead += ["%s [%s]" % (sm_eens, adv_q[i]["text"]) for i in eens]
fhead += [adv_q[i]["text"] for i in ["kinderen_hulp", "cijfer", "opmerking"]]
def full_row(rid, submitted, start, p, lastpage="4"):
    row = [rid, submitted, lastpage, "nl-informal", str(2000000 + int(rid) * 104729), start, submitted or start,
           "62.45.208.%s" % rid, label("toestemming", p.get("toestemming")), label("rol", p.get("rol"))]
    row += ["Ja" if c in p.get("contact_via", []) else "" for c in choice_codes]
    row += [label(i, p.get(i)) for i in ["kinderen", "bereikbaarheid", "bejegening"] + eens
            + ["kinderen_hulp", "cijfer", "opmerking"]]
    return row
frows = [fhead,
         full_row("1", "2026-04-07 16:45:00", "2026-04-07 16:31:12", people["A"]),
         full_row("2", "", "2026-04-09 12:00:00", people["C"], lastpage="2"),
         full_row("3", "2026-04-10 08:15:30", "2026-04-10 08:03:03", people["E"])]
(here / "limesurvey-inwoners-adviesaanvraag-fulltext.csv").write_bytes(
    b"\xef\xbb\xbf" + csv_bytes(frows, quoting=csv.QUOTE_ALL, eol="\n") + b"\n")

# Typeform: '#' token, question titles, multiple choice as one column per choice (cell = the label), yes/no as
# 1/0, opinion scales as numbers, a hidden field 'email', Start/Submit Date (UTC), Network ID. Unfinished
# responses have no submit date.
tf_head = ["#", adv_q["toestemming"]["text"], adv_q["rol"]["text"]] + [choice_labels[c] for c in choice_codes]
tf_head += [adv_q[i]["text"] for i in ["kinderen", "bereikbaarheid", "bejegening"] + eens
            + ["kinderen_hulp", "cijfer", "opmerking"]]
tf_head += ["email", "Start Date (UTC)", "Submit Date (UTC)", "Network ID"]
# Typeform headers may hold a no-break space (U+00A0), as one in the 2016 sample does.
tf_head[tf_head.index(adv_q["kinderen"]["text"])] = adv_q["kinderen"]["text"].replace(" betrokken", "\u00a0betrokken")
def tf_row(token, start, submit, p):
    row = [token, label("toestemming", p.get("toestemming"), "1", "0"), label("rol", p.get("rol"))]
    row += [choice_labels[c] if c in p.get("contact_via", []) else "" for c in choice_codes]
    row += [label("kinderen", p.get("kinderen"), "1", "0")]
    row += [label(i, p.get(i)) for i in ["bereikbaarheid", "bejegening"]]
    row += ["" if p.get(i) is None else str(p[i]) for i in eens]
    row += [label("kinderen_hulp", p.get("kinderen_hulp"), "1", "0"), label("cijfer", p.get("cijfer")),
            p.get("opmerking", "")]
    row += ["inwoner@example.nl", start, submit, token[:10]]
    return row
tf_rows = [tf_head,
           tf_row("3f2a9c41d07b4e58a1c6e2b9d84f7a10", "2026-04-14 08:21:03", "2026-04-14 08:30:00", people["A"]),
           # An open answer over two lines (a quoted line break inside the record), as in the 2016 sample.
           tf_row("8b1e0d7c2a3f4e69b5d7c1a2e3f40b21", "2026-04-15 19:00:00", "2026-04-15 19:09:12",
                  dict(people["B"], opmerking=people["B"]["opmerking"] + ".\nDank u wel!")),
           tf_row("c0ffee12a3b44d5e8f9a0b1c2d3e4f56", "2026-04-16 06:50:00", "", people["C"]),
           tf_row("d4e5f6a7b8c94d0e1f2a3b4c5d6e7f80", "2026-04-20 12:00:00", "2026-04-20 12:06:59", people["E"])]
(here / "typeform-inwoners-adviesaanvraag.csv").write_bytes(csv_bytes(tf_rows, eol="\n"))

# KoboToolbox CSV ("XML values and headers", groups in headers, select_multiple as a single column of
# space-separated names and as separate 1/0 columns): semicolons, every field quoted, CRLF, as kpi writes it.
# start/end carry their offset; _submission_time is UTC without saying so. A geopoint 'locatie' with its
# _latitude/_longitude/_altitude/_precision columns, and a phone number question, must be dropped.
groups = {"toestemming": "groep_a", "rol": "groep_a", "contact_via": "groep_a", "kinderen": "groep_a",
          "cijfer": "groep_c", "opmerking": "groep_c"}
def path(item, sep="/"):
    return groups.get(item, "groep_b") + sep + item
def xml_value(item, value):
    """Kobo "XML values": choice names, which this questionnaire's XLSForm shares with the definition."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if item == "contact_via":
        return " ".join(value)
    return str(value)
kobo_head = ["start", "end", "today"]
for item in order:
    kobo_head.append(path(item))
    if item == "contact_via":
        kobo_head += [path(item) + "/" + c for c in choice_codes]
kobo_head += ["groep_c/terugbelnummer_telefoon", "groep_c/locatie", "_groep_c/locatie_latitude",
              "_groep_c/locatie_longitude", "_groep_c/locatie_altitude", "_groep_c/locatie_precision",
              "_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status", "_submitted_by",
              "__version__", "_tags", "_index"]
def kobo_row(index, uuid, start, end, submitted, p):
    row = [start, end, start[:10]]
    for item in order:
        row.append(xml_value(item, p.get(item)))
        if item == "contact_via":
            row += ["1" if c in p.get(item, []) else "0" for c in choice_codes]
    row += ["0612345678", "52.6324 4.7534 0 5", "52.6324", "4.7534", "0", "5", str(231187400 + index), uuid,
            submitted, "", "", "submitted_via_web", "", "vKsXpY3nQw7", "", str(index)]
    return row
kobo_rows = [kobo_head,
             kobo_row(1, "5d1c6a0e-7f2b-4c3d-9e8a-1b2c3d4e5f60", "2026-03-16T10:02:11.000+01:00",
                      "2026-03-16T10:11:58.000+01:00", "2026-03-16T09:12:31", people["A"]),
             kobo_row(2, "6e2d7b1f-8a3c-4d4e-8f9b-2c3d4e5f6071", "2026-03-18T14:30:00.000+01:00",
                      "2026-03-18T14:41:20.000+01:00", "2026-03-18T13:42:05", people["B"]),
             kobo_row(3, "7f3e8c2a-9b4d-4e5f-9a0c-3d4e5f607182", "2026-04-03T09:00:00.000+02:00",
                      "2026-04-03T09:12:00.000+02:00", "2026-04-03T07:12:40", people["D"]),
             kobo_row(4, "8a4f9d3b-0c5e-4f6a-8b1d-4e5f60718293", "2026-04-04T20:15:00.000+02:00",
                      "2026-04-04T20:22:30.000+02:00", "2026-04-04T18:23:01", people["E"])]
(here / "kobo-inwoners-adviesaanvraag-semicolon.csv").write_bytes(
    csv_bytes(kobo_rows, delimiter=";", quoting=csv.QUOTE_ALL))

# ODK Central CSV: SubmissionDate first (ISO, UTC), start/end with offset, group paths joined with '-',
# select_multiple as space-separated names plus split 1/0 columns, a geopoint in four columns, meta-instanceID,
# KEY and Central's submission metadata (SubmitterName is the app user: a person's name).
odk_head = ["SubmissionDate", "start", "end"]
for item in order:
    odk_head.append(path(item, "-"))
    if item == "contact_via":
        odk_head += [path(item, "-") + "/" + c for c in choice_codes]
odk_head += ["groep_c-locatie-Latitude", "groep_c-locatie-Longitude", "groep_c-locatie-Altitude",
             "groep_c-locatie-Accuracy", "meta-instanceID", "KEY", "SubmitterID", "SubmitterName",
             "AttachmentsPresent", "AttachmentsExpected", "Status", "ReviewState", "DeviceID", "Edits", "FormVersion"]
def odk_row(uuid, submitted, start, end, p):
    row = [submitted, start, end]
    for item in order:
        row.append(xml_value(item, p.get(item)))
        if item == "contact_via":
            row += ["1" if c in p.get(item, []) else "0" for c in choice_codes]
    row += ["52.6324", "4.7534", "0", "5", "uuid:" + uuid, "uuid:" + uuid, "17", "Interviewer Jansen", "0", "0",
            "", "received", "collect:Xy12Ab34Cd56Ef78", "0", "2026031001"]
    return row
odk_rows = [odk_head,
            odk_row("0b9d4c3e-1f2a-4b5c-8d6e-7f8091a2b3c4", "2026-04-20T07:45:10.512Z",
                    "2026-04-20T09:31:02.120+02:00", "2026-04-20T09:44:51.870+02:00", people["A"]),
            odk_row("1cae5d4f-2a3b-4c6d-9e7f-8091a2b3c4d5", "2026-04-21T15:02:00.004Z",
                    "2026-04-21T16:50:00.000+02:00", "2026-04-21T17:01:30.000+02:00", people["B"]),
            odk_row("2dbf6e5a-3b4c-4d7e-8f80-91a2b3c4d5e6", "2026-04-22T08:00:59.999Z",
                    "2026-04-22T09:48:00.000+02:00", "2026-04-22T09:59:00.000+02:00", people["D"])]
(here / "odk-central-inwoners-adviesaanvraag.csv").write_bytes(csv_bytes(odk_rows, eol="\n"))

# ---------------------------------------------------------------------------------------------------------------
# The same respondents again, in the other variants that the real exports in the shared fixtures beside the
# repository show (see their FORMATS.md): a clone without those proves the same layouts, encodings and date formats
# with these. This script reads nothing from them.
import datetime, json

def labels(p, items, yes="Ja", no="Nee", joiner=";"):
    """Respondent p's answers to `items` as labels; the options of contact_via joined by `joiner`."""
    return [joiner.join(choice_labels[c] for c in p.get(i, [])) if i == "contact_via" else label(i, p.get(i), yes, no)
            for i in items]

def excel_serial(year, month, day, hour, minute, second=0):
    delta = datetime.datetime(year, month, day, hour, minute, second) - datetime.datetime(1899, 12, 30)
    return round(delta.days + delta.seconds / 86400, 10)

# Qualtrics, legacy exporter (as qualtrics-legacy-2header-bom.csv): a BOM, two header rows (V1…V10 above the
# metadata names, question ids above question texts), LF, every line ending in a comma (an empty last column),
# choice text, multiple choice in one column of comma-joined choices. Finished 0 marks the unfinished response.
ql_location = ["LocationLatitude", "LocationLongitude", "LocationAccuracy"]
ql_top = ["V%d" % (n + 1) for n in range(10)] + ["Q%d" % (n + 1) for n in range(len(order))] + ql_location + [""]
ql_sub = ["ResponseID", "ResponseSet", "Name", "ExternalDataReference", "EmailAddress", "IPAddress", "Status",
          "StartDate", "EndDate", "Finished"] + [adv_q[i]["text"] for i in order] + ql_location + [""]
def ql_row(rid, start, end, finished, p):
    return [rid, "Default Response Set", "Visser, Anna", "dossier-5120", "anna.visser@example.nl", "77.248.3.19",
            "0", start, end, "1" if finished else "0"] + labels(p, order, joiner=",") + ["52.6301", "4.7485", "-1", ""]
ql_rows = [ql_top, ql_sub,
           ql_row("R_5eEfGhIjKlMnOpQ", "2026-03-02 10:00:00", "2026-03-02 10:09:30", True, people["A"]),
           ql_row("R_6fFgHiJkLmNoPqR", "2026-03-04 20:30:00", "2026-03-04 20:31:10", False, people["C"]),
           ql_row("R_7gGhIjKlMnOpQrS", "2026-03-06 08:15:00", "2026-03-06 08:27:45", True, people["D"])]
(here / "qualtrics-legacy-inwoners-adviesaanvraag.csv").write_bytes(
    b"\xef\xbb\xbf" + csv_bytes(ql_rows, eol="\n"))

# Qualtrics, 2016 "Insights" exporter (as qualtrics-2016-insights-3header-matrix-dictimportid.csv): no BOM, three
# header rows, the third of Python-style ImportIds in single quotes, with hyphens ({'ImportId':
# 'Location-LocationLatitude'}); CRLF.
qi_meta = ["ResponseID", "ResponseSet", "IPAddress", "StartDate", "EndDate", "RecipientLastName",
           "RecipientFirstName", "RecipientEmail", "ExternalDataReference", "Finished", "Status"]
qi_meta_ids = ["responseId", "responseSet", "ipAddress", "startDate", "endDate", "recipientLastName",
               "recipientFirstName", "recipientEmail", "externalDataReference", "finished", "status"]
qi_location_ids = ["Location-LocationLatitude", "Location-LocationLongitude", "Location-LocationAccuracy"]
qi_top = qi_meta + ["Q%d" % (n + 1) for n in range(len(order))] + ql_location
qi_text = qi_meta + [adv_q[i]["text"] for i in order] + ql_location
qi_ids = ["{'ImportId': '%s'}" % i for i in qi_meta_ids + ["QID%d" % (n + 1) for n in range(len(order))]
          + qi_location_ids]
def qi_row(rid, start, end, finished, p):
    return [rid, "Default Response Set", "94.210.44.7", start, end, "Bakker", "Joost", "joost.bakker@example.nl",
            "dossier-6230", "1" if finished else "0", "0"] + labels(p, order, joiner=",") + ["52.9563", "4.7601", "-1"]
qi_rows = [qi_top, qi_text, qi_ids,
           qi_row("R_8hHiJkLmNoPqRsT", "2026-03-03 14:00:00", "2026-03-03 14:12:00", True, people["A"]),
           qi_row("R_9iIjKlMnOpQrStU", "2026-03-05 11:20:00", "2026-03-05 11:29:41", True, people["B"]),
           qi_row("R_0jJkLmNoPqRsTuV", "2026-03-09 16:00:00", "2026-03-09 16:02:05", False, people["C"])]
(here / "qualtrics-insights-inwoners-adviesaanvraag.csv").write_bytes(csv_bytes(qi_rows))

# SurveyMonkey, opened and saved again in Excel on a Mac (as the two non-UTF-8 SurveyMonkey samples): Windows-1252
# (the é of "één" in a header), bare CR line endings and none after the last line, no respondent id (the
# export starts with StartDate,EndDate), dates as M/D/YY H:MM, one column per option and an unticked
# "Other (please specify)".
smx_top = ["StartDate", "EndDate", "IP Address"] + top[len(sm_meta):]
smx_sub = ["", "", ""] + sub[len(sm_meta):]
def smx_row(start, end, p):
    return [start, end, "86.81.5.200"] + sm_row("0", "", "", p)[len(sm_meta):]
smx_rows = [smx_top, smx_sub,
            smx_row("3/16/26 9:05", "3/16/26 9:14", people["A"]),
            smx_row("3/17/26 21:40", "3/17/26 21:52", people["B"]),
            smx_row("4/1/26 7:58", "4/1/26 8:06", people["E"])]
(here / "surveymonkey-mac-excel-inwoners-adviesaanvraag.csv").write_bytes(
    csv_bytes(smx_rows, eol="\r", encoding="cp1252")[:-1])

# Google Forms "Download responses (.csv)" (as googleforms-csv-crlf-semicolon-checkbox-ampm-tz.csv): UTF-8 without
# BOM, commas, CRLF and none after the last line, Timestamp as 2026/03/13 4:20:37 pm CET, no response id,
# checkboxes joined by ';' without spaces, and a question asking the respondent's name.
gf_items = [i for i in order if i != "toestemming"]
gf_head = ["Timestamp", "Wat is uw naam?"] + [adv_q[i]["text"] for i in gf_items]
gf_rows = [gf_head,
           ["2026/03/13 4:20:37 pm CET", "Fatima el Amrani"] + labels(people["A"], gf_items),
           ["2026/03/14 9:02:11 am CET", "Kees Smit"] + labels(people["B"], gf_items),
           ["2026/04/02 12:30:00 pm CEST", ""] + labels(people["D"], gf_items)]
(here / "googleforms-inwoners-adviesaanvraag.csv").write_bytes(csv_bytes(gf_rows)[:-2])

# Google Forms' responses sheet downloaded as XLSX (as googleforms-responses-sheet-xlsx-serialdates.xlsx): shared
# strings, the Dutch Tijdstempel as an Excel serial number with a date format, the respondent's e-mail address,
# checkboxes joined by ', ' and once with a trailing comma.
gs_head = ["Tijdstempel", "E-mailadres"] + [adv_q[i]["text"] for i in gf_items]
gs_rows = [gs_head,
           [excel_serial(2026, 3, 20, 11, 45, 10), "f.elamrani@example.nl"] + labels(people["A"], gf_items, joiner=", "),
           [excel_serial(2026, 4, 7, 18, 3, 0), "p.jong@example.nl"] + labels(people["E"], gf_items, joiner=", ")]
# E ticked only "Chat" here, written with a trailing comma as the sample's "Option 3,".
gs_rows[2][2 + gf_items.index("contact_via")] = "Chat,"
write_xlsx("googleforms-inwoners-adviesaanvraag-sheet.xlsx",
           [("Formulierreacties 1", gs_rows, lambda r, c, v: 1 if r > 1 and c == 0 else 0)], ["d-m-yyyy h:mm:ss"],
           shared_strings=True)

# A region's own sheet kept in Excel, for the privacy path (written beside this folder, in PrivacyFixtures/, since
# it is no platform's export): a generic ID column holding a BSN, the timestamp as an
# Excel serial number, the open remark holding every kind of identifier (the same text as the Swift tests'
# RemarkWithEveryIdentifier.text).
remark_with_every_identifier = (
    "Mijn buurman Piet de Vries (BSN 123456782) belde van 06-12345678, mail piet@example.nl, IBAN "
    "NL91ABNA0417164300, adres Dorpsstraat 12, postcode 1811 AB, kenteken AB-12-CD, geboren 12-03-1985, IP "
    "192.168.1.23, locatie 52.6324, 4.7534, dossier VT-2026-00123.")
pv_rows = [["ID", "Tijdstempel", "Bereikbaarheid", "Cijfer", "Opmerking"],
           ["123456782", excel_serial(2026, 3, 2, 10, 0, 0), "Tevreden", 8, remark_with_every_identifier],
           ["111222333", excel_serial(2026, 3, 3, 11, 0, 0), "Zeer tevreden", 9, "Prima"]]
(here.parent / "PrivacyFixtures").mkdir(exist_ok=True)
write_xlsx("../PrivacyFixtures/eigen-lijst-privacy.xlsx",
           [("Blad1", pv_rows, lambda r, c, v: 1 if r > 1 and c == 1 else 0)], ["d-m-yyyy h:mm:ss"],
           shared_strings=True)

# KoboToolbox XLS export (as the two Kobo workbooks): XML names with groups in the headers, select_multiple as one
# column of space-separated names, start and end as serial numbers styled yyyy-mm-dd (the time is kept but not
# shown), _submission_time in UTC, a grade given as a free decimal, and a second sheet for a repeat group linked
# by _parent_index, holding a number stored as text.
kx_head = ["start", "end"] + [path(i) for i in order] + ["groep_c/terugbelnummer_telefoon", "_id", "_uuid",
                                                         "_submission_time", "_validation_status", "_status",
                                                         "__version__", "_index"]
def kx_row(index, uuid, start, end, submitted, p):
    values = [p[i] if isinstance(p.get(i), (int, float)) and not isinstance(p.get(i), bool)
              else xml_value(i, p.get(i)) for i in order]
    return [excel_serial(*start), excel_serial(*end)] + values + ["0687654321", 231190100 + index, uuid,
                                                                 excel_serial(*submitted), "", "submitted_via_web",
                                                                 "vKsXpY3nQw7", index]
kx_rows = [kx_head,
           kx_row(1, "9b5a0e4c-1d6f-4a7b-8c9d-5f6071829304", (2026, 3, 23, 9, 31, 0), (2026, 3, 23, 9, 39, 50),
                  (2026, 3, 23, 8, 40, 5), people["A"]),
           kx_row(2, "ac6b1f5d-2e7a-4b8c-9d0e-60718293a415", (2026, 3, 24, 13, 0, 0), (2026, 3, 24, 13, 11, 0),
                  (2026, 3, 24, 12, 11, 30), people["D"]),
           kx_row(3, "bd7c2a6e-3f8b-4c9d-8e1f-718293a4b526", (2026, 4, 8, 19, 45, 0), (2026, 4, 8, 19, 52, 0),
                  (2026, 4, 8, 17, 52, 41), dict(people["E"], cijfer=7.5))]
kx_repeat = [["groep_b/kinderen_info/leeftijd", "groep_b/kinderen_info/school", "_index", "_parent_table_name",
              "_parent_index", "_submission__id", "_submission__uuid"],
             ["12", "ja", 1, "Adviesaanvraag", 1, 231190101, "9b5a0e4c-1d6f-4a7b-8c9d-5f6071829304"],
             ["7", "ja", 2, "Adviesaanvraag", 1, 231190101, "9b5a0e4c-1d6f-4a7b-8c9d-5f6071829304"],
             ["15", "nee", 3, "Adviesaanvraag", 2, 231190102, "ac6b1f5d-2e7a-4b8c-9d0e-60718293a415"]]
kx_dates = {0, 1, kx_head.index("_submission_time")}
write_xlsx("kobo-inwoners-adviesaanvraag.xlsx",
           [("Adviesaanvraag", kx_rows, lambda r, c, v: (1 if c < 2 else 2) if r > 1 and c in kx_dates else 0),
            ("kinderen_info", kx_repeat, lambda r, c, v: 0)],
           ["yyyy-mm-dd", "yyyy-mm-dd hh:mm:ss"], shared_strings=True)

# ODK Briefcase CSV (as the two Briefcase samples): SubmissionDate first and KEY last, dates in Java's MEDIUM
# US style and quoted ("Mar 24, 2026 10:15:42 AM"), text quoted and numbers not, group paths joined with '-',
# select_multiple as space-separated names plus 1/0 columns, a geopoint in four columns.
ob_head = ["SubmissionDate", "start", "end"]
for item in order:
    ob_head.append(path(item, "-"))
    if item == "contact_via":
        ob_head += [path(item, "-") + "/" + c for c in choice_codes]
ob_head += ["groep_c-locatie-Latitude", "groep_c-locatie-Longitude", "groep_c-locatie-Altitude",
            "groep_c-locatie-Accuracy", "meta-instanceID", "KEY"]
def ob_row(uuid, submitted, start, end, p):
    row = [submitted, start, end]
    for item in order:
        value = p.get(item)
        row.append(value if isinstance(value, int) and not isinstance(value, bool) else xml_value(item, value))
        if item == "contact_via":
            row += [1 if c in p.get(item, []) else 0 for c in choice_codes]
    return row + [52.6324, 4.7534, 0.0, 5.0, "uuid:" + uuid, "uuid:" + uuid]
ob_rows = [ob_head,
           ob_row("3ec07f6b-4c5d-4e8f-9a01-a2b3c4d5e6f7", "Mar 24, 2026 10:15:42 AM", "Mar 24, 2026 10:02:00 AM",
                  "Mar 24, 2026 10:14:58 AM", people["A"]),
           ob_row("4fd18a7c-5d6e-4f90-8b12-b3c4d5e6f708", "Mar 25, 2026 3:40:00 PM", "Mar 25, 2026 3:20:31 PM",
                  "Mar 25, 2026 3:39:02 PM", people["B"]),
           ob_row("50e29b8d-6e7f-4a01-9c23-c4d5e6f70819", "Apr 9, 2026 9:05:10 AM", "Apr 9, 2026 8:50:00 AM",
                  "Apr 9, 2026 9:04:44 AM", people["E"])]
buffer = io.StringIO()
csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n").writerows(ob_rows)
(here / "odk-briefcase-inwoners-adviesaanvraag.csv").write_bytes(buffer.getvalue().encode("utf-8"))

# JSON from the platforms' APIs (as the SurveyMonkey and Typeform API samples), which the importer refuses:
# SurveyMonkey v3 responses/bulk (choices by id, labels only in the survey details) and Typeform's Responses API.
sm_api = {"data": [{"id": "114938210499", "collector_id": "431598207", "response_status": "completed",
                    "date_created": "2026-03-18T09:00:00+00:00", "date_modified": "2026-03-18T09:07:12+00:00",
                    "total_time": 432, "ip_address": "145.53.12.99",
                    "pages": [{"id": "35001", "questions": [
                        {"id": "769890001", "answers": [{"choice_id": "5011"}]},
                        {"id": "769890002", "answers": [{"text": "Duidelijk verhaal"}]}]}]}],
          "per_page": 50, "page": 1, "total": 1,
          "links": {"self": "https://api.surveymonkey.com/v3/surveys/318750001/responses/bulk?page=1&per_page=50"}}
(here / "surveymonkey-api-v3-responses-bulk.json").write_text(json.dumps(sm_api, indent=4) + "\n")
tf_api = {"total_items": 1, "page_count": 1, "items": [
    {"landing_id": "3f2a9c41d07b4e58a1c6e2b9d84f7a10", "token": "3f2a9c41d07b4e58a1c6e2b9d84f7a10",
     "response_type": "completed", "landed_at": "2026-04-14T08:21:03Z", "submitted_at": "2026-04-14T08:30:00Z",
     "answers": [{"field": {"id": "Xq1", "ref": "cijfer", "type": "number"}, "type": "number", "number": 8},
                 {"field": {"id": "Xq2", "ref": "contact_via", "type": "multiple_choice"}, "type": "choices",
                  "choices": {"labels": ["Telefoon", "E-mail"]}}]}]}
(here / "typeform-api-responses.json").write_text(json.dumps(tf_api, separators=(",", ":")))

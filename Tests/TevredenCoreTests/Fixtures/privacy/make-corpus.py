#!/usr/bin/env python3
"""Writes privacy-corpus.txt: remarks as respondents of Veilig Thuis might write them, with every identifier marked
as {kind|text}. Lines without a mark hold nothing that may be masked (they measure precision).

Run from this folder: python3 make-corpus.py > privacy-corpus.txt. The values are made up; the BSNs pass the
11-proef, the IBANs their check, but belong to no one."""
import itertools
import random

random.seed(20261203)

ZW = "\u200b"  # zero-width space
NBH = "\u2011"  # non-breaking hyphen
NBSP = "\u00a0"

FORMS = {
    "bsn": [
        "123456782", "123.456.782", "123 456 782", "1234 56 782", "1234-56-782", "123-456-782", "111222333",
        "1" + ZW + "2" + ZW + "3456782", "12345672",  # 012345672 with its leading zero dropped
        "12.345.672", "100000009",
    ],
    "email": [
        "jan.jansen@example.nl", "jan @ example.nl", "jan(at)example(dot)nl", "jan [at] example [dot] nl",
        "jan at example.nl", "jan at gmail punt com", "jan\uff20example.nl", "josé.müller@voorbeeld.nl",
        "J.Jansen@Example.NL", "p.devries+vt@hotmail.com", "fatima_2009@live.nl", "k.bakker @ ziggo.nl",
    ],
    "telefoon": [
        "06-12345678", "06 1234 5678", "0612345678", "(020) 123 4567", "020 - 123 4567", "020/1234567",
        "06" + NBH + "12345678", "+31 6 12345678", "+31(0)6-12345678", "0031 6 12345678", "+32 2 123 45 67",
        "+49 30 12345678", "+44 20 7946 0958", "072-5123456", "0229 123456", "06 12 34 56 78", "+90 532 123 45 67",
        "+48 601 234 567", "072" + NBSP + "512 34 56",
    ],
    "iban": [
        "NL91ABNA0417164300", "NL91 ABNA 0417 1643 00", "nl91abna0417164300", "BE68539007547034",
        "DE89370400440532013000", "NL44RABO0123456789",
    ],
    "postcode": ["1811 AB", "1621KL", "1791 AZ"],
    "adres": [
        "Dorpsstraat 12", "Kerkweg 3a", "Lange Nieuwstraat 45", "Van Nesstraat 7-2", "Burgemeester de Vlugtlaan 120",
        "Westerweg 8", "1811 AB 12", "1621KL 4a", "Oudegracht 231", "Kanaalkade 5",
    ],
    "kenteken": ["12-ABC-3", "AB-12-CD", "1-KBB-23", "XX-99-99", "99-XX-99", "GH-456-J"],
    "datum": ["12-03-1985", "12/3/85", "12 maart 1985", "1985-03-12", "01-02-2001", "3 juni 2014", "7 okt. 2019"],
    "ip": ["192.168.1.23", "2001:db8::1", "fe80::1ff:fe23:4567:890a", "83.161.12.200"],
    "locatie": ["52.6324, 4.7534", "52.3676 4.9041 0.0 5.0", "52°38'N 4°45'E", "-33.8688, 151.2093"],
    "zaaknummer": ["VT-2026-00123", "VT2026/123", "VT-8H3KQ2", "VT 2025-4471"],
}

NAMES = {
    "relation": [
        ("mijn buurman", "Piet de Vries"), ("mijn ex", "Mohammed El Amrani"), ("haar vader", "Henk"),
        ("mijn dochter", "Sophie"), ("de hulpverlener", "Kees Bakker"), ("mijn zus", "Anouk van der Berg"),
        ("onze buurvrouw", "Ayşe Yılmaz"), ("mijn schoonmoeder", "Truus"), ("zijn vriendin", "Lisa Jansen"),
        ("de wijkagent", "Van Dam"), ("mijn zoon", "Daan"), ("mijn ex-man", "Ronald Smit"),
        ("de gezinsvoogd", "Marloes Visser"), ("mijn stiefvader", "Gerrit"), ("mijn collega", "Piotr Nowak"),
    ],
    "title": [
        ("mevrouw", "Jansen"), ("dhr.", "P. de Vries"), ("de heer", "Van den Berg"), ("mw.", "Yılmaz"),
        ("juf", "Anouk"), ("meneer", "Bakker"), ("mevr.", "El Idrissi"), ("dokter", "Hendriks"),
    ],
    "intro": [("ik heet", "Fatima"), ("genaamd", "Kees"), ("haar naam is", "Anna Kowalski"), ("Groeten,", "Marieke")],
    "bare": ["Jan de Boer", "Willem van Oranje-Smit", "Fatima", "Mohammed", "Sara de Jong", "Johan ter Horst"],
}

TEMPLATES = {
    "bsn": ["Mijn BSN is {}.", "bsn {} staat in mijn brief", "Ze vroegen mijn nummer {} aan de telefoon.",
            "Burgerservicenummer: {}"],
    "email": ["Mail mij op {} als er nieuws is.", "Je kunt me bereiken via {}", "mijn mail is {}, graag reactie"],
    "telefoon": ["Bel me op {} graag.", "Mijn nummer is {}.", "Ze belden van {} maar ik nam niet op",
                 "tel: {}"],
    "iban": ["Het geld moest naar {} worden overgemaakt.", "rekening {}"],
    "postcode": ["Wij wonen in postcode {} sinds kort.", "Postcode {}, Hoorn"],
    "adres": ["Ze kwamen langs op {} in Hoorn.", "Wij wonen op {} en de buren hoorden alles.", "adres: {}"],
    "kenteken": ["De auto met kenteken {} stond voor de deur.", "Hij reed weg in {} richting Alkmaar."],
    "datum": ["Mijn zoon is geboren op {}.", "Het gesprek was op {} en daarna niets meer.", "geb. {}"],
    "ip": ["Het formulier gaf een fout vanaf {}.", "IP {}"],
    "locatie": ["Mijn locatie was {} toen ik belde.", "Gedeelde locatie: {}"],
    "zaaknummer": ["Ons dossier heeft nummer {}.", "Zie {} voor de melding."],
}

CASE_CONTEXT = [("zaaknummer", "123456"), ("dossiernummer:", "2026-0042"), ("ons kenmerk", "AB-2026-17")]

NEGATIVES = [
    "Ik geef een 7,5.", "Cijfer 8, goed geholpen.", "In 2026 heb ik drie gesprekken gehad.",
    "De wachttijd was 10 weken, dat is te lang.", "Wij wonen in Hoorn en dat was makkelijk.",
    "Het kantoor in Den Helder was goed bereikbaar.", "Om 10:30 gebeld en om 11:15 teruggebeld.",
    "Vier kinderen van 3, 5, 8 en 12 jaar.", "Scores 7.5 8.0 6.5 9.0 voor de vier gesprekken.",
    "0.5 1.5 2.5 3.5 uur per week", "Ruim 2.500 euro schuld, daar kon VT niets aan doen.",
    "Veilig Thuis Noord-Holland Noord heeft ons goed geholpen.", "De Raad voor de Kinderbescherming kwam erbij.",
    "De politie en de GGD Hollands Noorden werkten samen.", "Mijn moeder vond het fijn dat er iemand kwam.",
    "Ik werd goed geholpen door de medewerker.", "mijn buurman belde de politie", "Mevrouw van Veilig Thuis was aardig.",
    "de heer van de GGD legde het uit", "mijn zoon van 12 vond het spannend", "Het duurde 3 maanden.",
    "1 op de 4 keer nam niemand op.", "Ze kwamen 2 keer langs in mei 2026.", "Schagen, Texel en Medemblik",
    "Ik bel 1 keer per week met het wijkteam.", "Er waren 14 dagen tussen de melding en het gesprek.",
    "Het was in het voorjaar van 2025.", "Bereikbaarheid: 4 van 5.", "Mijn partner en ik zijn tevreden.",
    "De hulp duurde van januari tot april.", "Na 6 weken kwam er eindelijk een gesprek.",
    "Ik geef ze een 9!", "Drie kwartier wachten aan de telefoon.", "Cijfers: 6, 7, 8.",
    "Ze belden op maandag 4 mei om 9 uur.", "Zaak ging naar de Raad; wij hoorden niets.",
    "Stede Broec en Enkhuizen hebben geen eigen kantoor.", "Het nummer van VT staat op de website.",
    "Wij kregen een folder van 12 pagina's.", "Niet van toepassing.", "Weet ik niet.", "Goed.",
    "Versie 2.1 van het formulier werkte niet.", "Van 1 tot 10: een 7.", "Groot compliment voor het team!",
    "Ze waren er binnen 24 uur.", "Mijn vader En ik waren blij.", "Alkmaar, 2026",
    "Hulp van de huisarts was beter.", "In 2025 en 2026 telkens teleurgesteld.", "Score 7.25 gemiddeld",
    "Gemiddeld 6,8 over 112 gesprekken.", "Tussen 8.30 en 17.00 bereikbaar.", "Wij waren met z'n 5en.",
    "Hoofdstuk 3.2.1 van de brochure was onduidelijk.", "Kamer 12 op de 2e verdieping.",
    "Het ging om 3 van de 4 kinderen.", "Ik heb 2 weken gewacht.", "De Westfriese Omringdijk is mooi.",
    "Wij kregen hulp van Jeugdzorg en Sociaal Wijkteam.", "Oké, prima.", "Bedankt voor alles!",
    "Mijn ex-partner werd ook gebeld.", "Medewerker was vriendelijk maar de wachttijd lang.",
    "Het duurde 1,5 jaar voordat er iets gebeurde.", "Telefoon werd niet opgenomen.",
    "Mail werd niet beantwoord.", "Ik had 06 uur slaap.", "Er waren 12345 meldingen in het land.",
]


def mark(kind, value):
    return "{" + kind + "|" + value + "}"


lines = []
for kind, values in FORMS.items():
    templates = TEMPLATES[kind]
    for index, value in enumerate(values):
        # Every form in two templates, so each is seen in more than one sentence.
        for template in (templates[index % len(templates)], templates[(index + 1) % len(templates)]):
            lines.append(template.format(mark(kind, value)))
for trigger, name in NAMES["relation"] + NAMES["title"] + NAMES["intro"]:
    lines.append(f"{trigger.capitalize() if trigger[0].islower() else trigger} {mark('naam', name)} was erbij.")
    lines.append(f"Toen kwam {trigger} {mark('naam', name)} binnen en werd het rustig.")
for name in NAMES["bare"]:
    lines.append(f"Gesprek met {mark('naam', name)} was prettig.")
for word, value in CASE_CONTEXT:
    lines.append(f"Mijn {word} {mark('zaaknummer', value)} werd niet gevonden.")
# Several identifiers in one remark.
combos = [
    ("telefoon", "email"), ("bsn", "adres"), ("iban", "telefoon"), ("datum", "bsn"), ("kenteken", "adres"),
    ("ip", "email"), ("zaaknummer", "telefoon"), ("locatie", "adres"), ("postcode", "telefoon"),
]
for a, b in combos:
    for _ in range(3):
        lines.append(
            f"Bel {mark(a, random.choice(FORMS[a]))} of anders {mark(b, random.choice(FORMS[b]))}, dank u."
            .replace("Bel {", "Gegevens: {"))
for (trigger, name), phone in zip(NAMES["relation"], itertools.cycle(FORMS["telefoon"])):
    lines.append(f"{trigger} {mark('naam', name)} belde vanaf {mark('telefoon', phone)} en dreigde.")
print("# Labelled remarks for the identifier masking; made by make-corpus.py (see there).")
for line in lines:
    print(line)
for line in NEGATIVES:
    print(line)

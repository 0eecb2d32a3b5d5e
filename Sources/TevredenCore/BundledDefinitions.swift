// Generated from Questionnaires/ by BundledDefinitionsTests (TEVREDEN_RECORD_BUNDLE=1); do not edit.

/// The questionnaire definitions, `indicators.yaml` and the folder's README as tevreden ships them: what
/// `tevreden init` writes into a new working folder and what `tevreden demo` runs on, so that neither needs
/// the source checkout.
public enum BundledDefinitions {
  public static let sources: [Catalog.Source] = [
    Catalog.Source(
      path: "Questionnaires/README.md",
      text: #"""
        # Questionnaire definitions

        One YAML file per respondent group, plus `indicators.yaml` (the indicators, their norms per year and the
        reporting thresholds). Content is Dutch; keys are English. `tevreden check Questionnaires` validates all of them
        and reports every problem as `file:line:column: message`.

        A response is stored together with the exact text of the definition it was collected with (and its SHA-256), so
        editing a file never changes old results. When you change questions, raise `version`.

        ## Earlier versions (`versions/`)

        When you raise `version`, first copy the file as it was into `versions/<id>.v<version>.yaml`
        (`versions/inwoners-melding.v2.yaml`), byte for byte, and never change it again. The folder keeps the versions that
        responses may still come in under: an online form that still runs the old questions, an export made before the
        change, an exchange file of another station. `tevreden import` reads a platform export against the version it was
        answered under (the newest one whose items its columns name and which reads the most of its answers), stores its
        responses with that version, and says so in its report (`version: 2, the version its answers were given under`);
        an exchange file names its version in every row. Interviews always ask the current file; reports and the codebook
        describe every version (a scale whose labels changed lists the old labels with the versions that used them).
        `tevreden check` checks these files too (the id and version in the name, a version lower than the current one, the
        same audience and group), but not for plain Dutch: they are history.

        Keep an item's `id` across versions only when it still measures the same thing, so that its answers may be
        compared and its aspect score combined (rescaled to 1–10 with each response's own scale); give the old question
        text as an alias, so that exports of the old version still find the item. Give a scale a new `id` when its points
        change meaning (`eens5` → `goed5`).

        ## A questionnaire file

        ```yaml
        id: inwoners-melding            # must equal the file name without .yaml
        version: 1                      # whole number ≥ 1; raise it whenever questions change
        audience: inwoners              # inwoners (PI 5) | ketenpartners (PI 6)
        group: melding                  # respondent group; lower-case letters, digits, '-' or '_'
        group_label: Melding            # how the group is named in reports
        title: "Hoe tevreden bent u over Veilig Thuis?"
        intro: |
          Text the interviewer reads out / the respondent sees first.

        missing_codes:                  # answers that are not a value and never count in a mean
          - { code: weet_niet, label: Weet ik niet }
          - { code: nvt, label: Niet van toepassing }
          - { code: weigert, label: Wil ik niet zeggen }

        scales:
          - id: tevreden5
            points:                     # at least two, values strictly increasing
              - { value: 1, label: Zeer ontevreden }
              - { value: 5, label: Zeer tevreden }
            missing: [weet_niet, nvt]   # missing codes offered with this scale

        questions:
          - id: toestemming             # lower-case letters, digits and '_'; unique in the file
            type: consent               # consent | scale | grade | yes_no | single_choice | multiple_choice | number | text
            text: "Mag ik u een paar vragen stellen?"
            aliases: ["Toestemming"]    # extra column headers / question texts an online platform may export it under
          - id: bereikbaarheid
            type: scale
            scale: tevreden5            # scale questions name a scale
            text: "..."
            aliases: ["Q3", "Bereikbaarheid"]
            instruction: "..."          # optional: for the interviewer only (marked "niet voorlezen"); never stored or exported
          - id: rol
            type: single_choice         # single_choice and multiple_choice have choices
            text: "..."
            choices:
              - { code: betrokkene, label: "Het ging over mij" }
          - id: kinderen_gesproken
            type: scale
            scale: tevreden5
            text: "..."
            show_if: { item: kinderen, equals: ja }   # routing: only asked when an earlier answer matches
          - id: aantal_contacten
            type: number
            min: 0
            max: 50
            text: "..."
          - id: cijfer
            type: grade                 # the overall grade, 1–10
            text: "..."
          - id: opmerking
            type: text
            required: false
            text: "..."

        score:
          grade: cijfer                 # the item whose answer is the response's overall grade (a grade question)
          aspects: [bereikbaarheid]     # optional aspect scores (scale questions), rescaled to 1–10 in reports
          topics: [kinderen_hulp]       # optional topics, reported per group as the share giving each answer
        ```

        ### The safe start is not a question here
        Every resident interview (`audience: inwoners`) by telephone or in person begins with *Kunt u nu vrijuit praten?*,
        asked by `tevreden interview` itself before the intro and the consent question. It is not an item: do not add it to
        a file. Its answer is never stored, it is in no codebook or export, and the numbering (*Vraag 1 van …*) starts at the
        consent question as before. A *nee* records the contact outcome `niet_nu_veilig` instead of a response.
        Chain-partner questionnaires do not get it.

        ### Plain Dutch (warnings)
        When a folder is otherwise clean, `tevreden check` warns per resident question (`audience: inwoners`; chain
        partners are not checked) at the line of its text, without changing the exit code:
        - **readability** below 60 on the Flesch-Douma scale, the Dutch form of Flesch's reading ease:
          `206.835 − 0.93 × (words / sentences) − 77 × (syllables / words)`, syllables counted as vowel groups (`ij` a vowel);
        - a **sentence of more than 15 words**;
        - **two questions in one**: *en* joining two clauses that each have a finite verb (a heuristic: frequent verb forms
          and the past-tense endings *-de*/*-te*);
        - an **agree-statement**: a scale whose points say *mee eens*, where a direct question is easier;
        - **jargon**: *adviesaanvraag, casus, interventie, ketenpartner, meldcode, monitoring, veiligheidsbeoordeling,
          vervolgdienst, werkvoorraad, triage, regievoering, procesregie*.

        Rewrite a flagged question as a new `version` (keeping the old file in `versions/`, see above): responses keep
        the version they were collected with.

        ### Translations
        A definition may carry translations, so that an interview can be held (`tevreden interview … --taal en`) and an
        online export read in another language. The texts above are the **source** (`source_language: nl`, the default);
        each translation is one block under `translations:`, keyed by its ISO 639-1 code, at the end of the file so that a
        translator works in one place and the source stays as it is. A block holds every text a respondent hears, keyed by
        the ids and codes of the source:

        ```yaml
        source_language: nl            # optional; the language of the texts above (default nl)
        translations:
          en:                          # ISO 639-1: two lower-case letters (en, ar, tr, pl, …)
            machine_translated: true   # made by a machine: `tevreden check` notes it until a translator removes this line
            title: "What did you think of Veilig Thuis?"
            intro: |                   # required when the source has an intro
              …
            missing_codes: { weet_niet: "I don't know", nvt: "Does not apply", weigert: "I'd rather not say" }
            yes_no: { ja: "Yes", nee: "No" }          # the options of consent and yes/no questions
            scales:
              tevreden5: { 1: "Very dissatisfied", 2: "Dissatisfied", 3: "Neither", 4: "Satisfied", 5: "Very satisfied" }
            questions:
              toestemming: "Would you like to take part?"   # a question without choices: its text
              rol:                                          # a choice question: its text and every choice
                text: "Who are you in this situation?"
                choices: { betrokkene: "The report was about me", ouder: "I am a parent or carer", … }
        ```

        Not translated: ids, codes, values, routing and the score rule (a response stores codes, so answers in every
        language count alike); `instruction` (for the interviewer, who works in Dutch); `group_label` (reports are Dutch);
        `aliases` (import headers). Adding or correcting a translation changes the file and so its snapshot, but not the
        questions: raise `version` only when the source's questions change. A source other than Dutch names its words for
        *ja* and *nee* at the top (`yes_no: { ja: Yes, nee: No }`).

        `tevreden check` reports, at the line concerned: a text a translation lacks (at the block that should hold it), a
        translation of something the source does not have (a question, choice, scale value or missing code), a language
        key that is not an ISO 639-1 code or is the source language, two answers of one question that read the same in a
        language (two choices, a choice and a missing code it offers, *ja* and *nee*), and a label that is one answer in
        one language and another answer in another (an import reads labels in every language). `machine_translated: true`
        is a note, not an error: the translation can be used, and should be reviewed by a translator.

        The four resident questionnaires for adults (`inwoners-melding`, `-adviesaanvraag`, `-monitoring`,
        `-vervolgdienst`) carry English, Arabic, Turkish and Polish, all machine-made and marked so: plain, short and
        polite (*u*-forms: *Pan/Pani*, *siz*), awaiting a translator's review. Chain partners' questionnaires and the youth
        questionnaire have none.

        ### Rules the checker enforces
        - Every key is known: a misspelt key (`requird:`) is an error, not ignored.
        - `id`, `version`, `audience`, `group`, `title` and `questions` are required; the id equals the file name.
        - Question ids are unique; question `type` is one of the listed types; `scale` names a defined scale with at
          least two points; choice lists are not empty and their codes are unique.
        - `show_if` names an item that exists and comes **earlier** in the file; routing may not form a cycle; its value
          must be a possible answer of that item (`ja`/`nee` for consent and yes/no, a choice code, a scale value).
          `show_if` takes `equals: x` or `in: [x, y]`; a list of conditions means all of them must hold.
        - The first question is the consent question, and there is exactly one.
        - `score.grade` names a `grade` question; every `score.aspects` entry names a `scale` question; every
          `score.topics` entry names a `yes_no`, `single_choice`, `multiple_choice` or `scale` question that is neither
          the grade nor an aspect, once.
        - Missing codes named by a scale or question are defined in `missing_codes`, and no choice code equals one.
        - Every question except `text` is required unless it says `required: false`.
        - `missing:` on a question overrides which missing codes it offers. Without it, a scale question offers its
          scale's codes, a consent question none, a text question none (an empty remark is simply no answer), and every
          other question all codes of the file.

        ## indicators.yaml

        ```yaml
        minimum_respondents: 10     # below this a group's figure is "te weinig respondenten" (n only, no mean)
        indicative_below: 30        # optional; from the minimum up to this, the status is "indicatief" (default: the minimum)
        disclosure_threshold: 10    # per-municipality cells with fewer respondents are suppressed (with complementary suppression)
        group_minimums: { jongeren: 15 }   # optional: groups that need more respondents before their figures are shown
        gemeenten: [Alkmaar, Bergen, Castricum]   # the region's municipalities; a response's gemeente must be one of them
        indicators:
          - id: pi5
            number: "5"
            label: Klanttevredenheid van direct betrokkenen
            audience: inwoners      # only PI 5 and PI 6 are measured by this tool
            unit: cijfer            # cijfer | percentage | aantal (a descriptive count: no direction, no norms, never judged)
            direction: at_least     # at_least | at_most | none
            norms: { 2025: 7.0, 2026: 7.0 }
            basis:                  # optional, survey indicators only: who counts and how groups combine
              roles: [betrokkene, ouder, pleger]   # answers to the role item (rol / functie) that count; default: everyone
              mean: respondents     # respondents (default): mean over respondents | groups: group means weighted by --weights
        ```

        `basis.roles` leaves every respondent whose role answer is another one, or who gave none, out of every figure of
        the indicator (groups, municipalities, trend, aspects, topics) and reports how many were left out. `basis.mean:
        groups` makes the indicator the mean of its group means weighted by each group's service volume from the
        registration system, given as `--weights FILE` (`melding,2400` per line) to `score`, `indicators` and `report`,
        which refuse without it; the trend and the grade distribution stay over respondents.

        """#),
    Catalog.Source(
      path: "Questionnaires/indicators.yaml",
      text: #"""
        # De prestatie-indicatoren van Veilig Thuis Noord-Holland Noord (Bijlage 5, zie shared/seeds/000).
        # Normen worden elk jaar door Veilig Thuis en de gemeenten geëvalueerd en bijgesteld: zet de norm per jaar.
        # Dit hulpmiddel meet PI 5 en PI 6 zelf; de andere indicatoren staan hier voor de bestuursrapportage.

        # De regio, voor de kop van de bestuursrapportage (tevreden report).
        region: Noord-Holland Noord

        # Onder dit aantal respondenten wordt geen gemiddelde gerapporteerd: status "te weinig respondenten".
        # (Bij 10 respondenten is het 95%-interval bij een gebruikelijke spreiding van 1,5 ongeveer ±1,1 cijferpunt.)
        minimum_respondents: 10
        # Van minimum_respondents tot dit aantal is een cijfer "indicatief": te zien, maar nog geen vast oordeel
        # (bij 30 respondenten is het interval ongeveer ±0,55: dan zegt een verschil met de norm van 7 iets).
        indicative_below: 30
        # Groepen die meer respondenten nodig hebben voordat hun cijfer, aspecten en onderwerpen worden getoond, omdat ze
        # in een kleine groep eerder herkenbaar zijn: jongeren.
        group_minimums: { jongeren: 15 }
        # Cijfers per gemeente met minder respondenten dan dit worden niet getoond (herleidbaarheid).
        disclosure_threshold: 10
        # De verdeling van de cijfers (hoeveel respondenten gaven een 1, een 2, …) van een gemeente of een groep binnen een
        # gemeente wordt pas vanaf dit aantal getoond: in een kleine cel verraadt een telling per cijfer te veel.
        distribution_threshold: 20

        # Bewaartermijnen (AVG). `tevreden purge` past ze toe; het rapport vermeldt ze.
        retention:
          # Open antwoorden van vragenlijsten die langer dan zoveel maanden geleden zijn afgerond, worden verwijderd.
          remarks_months: 12
          # De interviewlog (wanneer welke vraag is beantwoord, door welke interviewer) na zoveel maanden.
          audit_events_months: 24
          # Na zoveel jaar blijft van een vragenlijst alleen over wat de cijfers nodig hebben.
          responses_years: 5

        # De gemeenten van Noord-Holland Noord. Een antwoord hoort bij één van deze gemeenten (geen adressen of
        # plaatsnamen: de gemeente is het enige stukje locatie dat wordt bewaard).
        gemeenten:
          - Alkmaar
          - Bergen
          - Castricum
          - Den Helder
          - Dijk en Waard
          - Drechterland
          - Enkhuizen
          - Heiloo
          - Hollands Kroon
          - Hoorn
          - Koggenland
          - Medemblik
          - Opmeer
          - Schagen
          - Stede Broec
          - Texel
          - Uitgeest

        indicators:
          - id: pi1
            number: "1"
            label: "Meldingen met veiligheidsbeoordeling binnen 5 werkdagen"
            unit: percentage
            direction: at_least
            norms: { 2021: 60, 2022: 60, 2023: 60, 2024: 60, 2025: 60, 2026: 60 }
          - id: pi2a
            number: "2a"
            label: "Voorwaarden en Vervolg binnen 10 weken afgerond, na ontvangst van de melding"
            unit: percentage
            direction: at_least
            norms: { 2021: 50, 2022: 50, 2023: 50, 2024: 50, 2025: 50, 2026: 50 }
          - id: pi2b
            number: "2b"
            label: "Voorwaarden en Vervolg binnen 10 weken afgerond, na start van de vervolgdienst"
            unit: percentage
            direction: at_least
            norms: { 2021: 90, 2022: 90, 2023: 90, 2024: 90, 2025: 90, 2026: 90 }
          - id: pi3a
            number: "3a"
            label: "Onderzoeken binnen 10 weken afgerond, na ontvangst van de melding"
            unit: percentage
            direction: at_least
            norms: { 2021: 40, 2022: 40, 2023: 40, 2024: 40, 2025: 40, 2026: 40 }
          - id: pi3b
            number: "3b"
            label: "Onderzoeken binnen 10 weken afgerond, na start van de vervolgdienst"
            unit: percentage
            direction: at_least
            norms: { 2021: 90, 2022: 90, 2023: 90, 2024: 90, 2025: 90, 2026: 90 }
          - id: pi4
            number: "4"
            label: "Gegrond verklaarde klachten van het totaal aantal ingediende klachten"
            unit: percentage
            direction: at_most
            norms: { 2021: 30, 2022: 30, 2023: 30, 2024: 30, 2025: 30, 2026: 30 }
          - id: pi5
            number: "5"
            label: "Klanttevredenheid van direct betrokkenen"
            audience: inwoners
            # Wie telt mee en hoe tellen de groepen samen? Zonder 'basis' tellen alle respondenten, ook melders en wie
            # advies vroeg over een ander, en is PI 5 het gemiddelde over de respondenten. Voorbeeld voor alleen direct
            # betrokkenen, gewogen naar het aantal cliënten per groep uit de registratie (score/indicators/report --weights):
            # basis: { roles: [betrokkene, ouder, pleger], mean: groups }
            unit: cijfer
            direction: at_least
            norms: { 2021: 7.0, 2022: 7.0, 2023: 7.0, 2024: 7.0, 2025: 7.0, 2026: 7.0 }
          - id: pi6
            number: "6"
            label: "Klanttevredenheid ketenpartners"
            audience: ketenpartners
            unit: cijfer
            direction: at_least
            norms: { 2021: 7.0, 2022: 7.0, 2023: 7.0, 2024: 7.0, 2025: 7.0, 2026: 7.0 }
          # PI 7 heeft bewust geen norm. Het registratiebestand mag PI 7 ook per gemeente geven (kolom subgroup); zo'n cijfer
          # valt onder dezelfde afscherming als de enquêtecijfers per gemeente: onder disclosure_threshold gevallen (n) wordt
          # het niet getoond, en zo nodig nog een gemeente, zodat het niet uit het regiocijfer is terug te rekenen.
          - id: pi7a
            number: "7a"
            label: "Recidive na overdracht na veiligheidsbeoordeling"
            unit: percentage
            direction: none
          - id: pi7b
            number: "7b"
            label: "Recidive na overdracht na afronden van een vervolgdienst"
            unit: percentage
            direction: none

          # Beschrijvende indicatoren (Bijlage 5, onderdeel 1, zie shared/seeds/000): aantallen ter informatie uit de
          # registratie van Veilig Thuis. De instroom is niet stuurbaar en is daarom geen prestatie-indicator: eenheid
          # "aantal", zonder richting en zonder normen; het rapport geeft geen oordeel, alleen het aantal en de vergelijking.
          # In het registratiebestand (--merge) staat naast het aantal, waar van toepassing, het begrote aantal voor de
          # periode (kolom budgeted), de omvang van de wachtlijst (waiting_list) of van de werkvoorraad (workload) aan het
          # eind van de periode. Alleen voor de hele regio: een rij per gemeente wordt geweigerd.
          - id: instroom_adviezen
            number: "B1"
            label: "Instroom adviesaanvragen (tegenover begroot)"
            unit: aantal
          - id: instroom_meldingen
            number: "B2"
            label: "Instroom meldingen (tegenover begroot)"
            unit: aantal
          - id: instroom_vervolgdiensten
            number: "B3"
            label: "Instroom vervolgdiensten (tegenover begroot)"
            unit: aantal
          - id: veiligheidsbeoordelingen
            number: "B4"
            label: "Uitgevoerde veiligheidsbeoordelingen (en omvang wachtlijst)"
            unit: aantal
          - id: vervolgdiensten
            number: "B5"
            label: "Uitgevoerde vervolgdiensten (en omvang werkvoorraad)"
            unit: aantal

        """#),
    Catalog.Source(
      path: "Questionnaires/inwoners-adviesaanvraag.yaml",
      text: #"""
        # Tevredenheid van inwoners die Veilig Thuis om advies vroegen (adviesaanvraag).
        # Onderwerpen: Bijlage 1 van de prestatie-indicatoren VT NHN en de VNG-handreiking (zie shared/seeds).
        # Versie 3: directe vragen in eenvoudig Nederlands (geen stellingen meer). Versie 2 staat in versions/;
        # antwoorden op versie 2 houden die versie, de oude vraagteksten staan bij de aliassen.
        id: inwoners-adviesaanvraag
        version: 3
        audience: inwoners
        group: adviesaanvraag
        group_label: Adviesaanvraag
        title: "Wat vond u van Veilig Thuis? (advies)"
        intro: |
          U heeft Veilig Thuis om advies gevraagd. Dat kan over uzelf zijn, of over iemand anders.
          Wij willen graag weten wat u van Veilig Thuis vond. Zo kan Veilig Thuis beter worden.
          Het duurt ongeveer 5 minuten. Meedoen mag, het hoeft niet.
          Wij vragen niet naar uw naam, en uw naam wordt niet bij uw antwoorden bewaard.
          Wat u zegt heeft geen invloed op uw dossier of op de hulp die u krijgt.

        missing_codes:
          - { code: weet_niet, label: Weet ik niet }
          - { code: nvt, label: Niet van toepassing }
          - { code: weigert, label: Wil ik niet zeggen }

        scales:
          - id: tevreden5
            points:
              - { value: 1, label: Heel ontevreden }
              - { value: 2, label: Ontevreden }
              - { value: 3, label: Niet tevreden en niet ontevreden }
              - { value: 4, label: Tevreden }
              - { value: 5, label: Heel tevreden }
            missing: [weet_niet, nvt, weigert]
          - id: goed5
            points:
              - { value: 1, label: Heel slecht }
              - { value: 2, label: Slecht }
              - { value: 3, label: Niet goed en niet slecht }
              - { value: 4, label: Goed }
              - { value: 5, label: Heel goed }
            missing: [weet_niet, nvt, weigert]

        questions:
          - id: toestemming
            type: consent
            text: "Wilt u meedoen aan deze korte vragenlijst over Veilig Thuis?"
            aliases: ["Toestemming", "Ik wil meedoen aan dit onderzoek"]

          - id: rol
            type: single_choice
            text: "Waar ging uw vraag aan Veilig Thuis over?"
            instruction: "Lees de antwoorden voor. Twijfelt de persoon, kies dan Iemand anders."
            choices:
              - { code: betrokkene, label: "Over mijn eigen situatie" }
              - { code: ouder, label: "Over mijn kind, of een kind waar ik voor zorg" }
              - { code: pleger, label: "Het ging over iets wat ik (volgens anderen) gedaan heb" }
              - { code: melder, label: "Over iemand anders, bijvoorbeeld iemand uit mijn familie, een buur of een vriend" }
              - { code: anders, label: "Iets anders" }
            aliases: ["Rol", "Waar ging uw vraag over?"]

          - id: contact_via
            type: multiple_choice
            text: "Hoe had u contact met Veilig Thuis? U mag meer dan één antwoord kiezen."
            choices:
              - { code: telefoon, label: "Telefoon" }
              - { code: chat, label: "Chat" }
              - { code: mail, label: "E-mail" }
              - { code: gesprek, label: "Een gesprek met een medewerker" }
            aliases: ["Contact via", "Manier van contact"]

          - id: kinderen
            type: yes_no
            text: "Ging het ook om kinderen?"
            aliases: ["Kinderen betrokken", "Waren er kinderen bij betrokken?"]

          - id: bereikbaarheid
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over hoe makkelijk u Veilig Thuis kon bereiken?"
            aliases: ["Bereikbaarheid"]

          - id: bejegening
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over hoe de medewerker van Veilig Thuis met u omging?"
            aliases: ["Bejegening"]

          - id: geduld
            type: scale
            scale: goed5
            text: "Hoe goed luisterde de medewerker naar u?"
            aliases: ["Empathie en geduld", "De medewerker luisterde goed naar mij en nam genoeg tijd voor mij."]

          - id: duidelijk_rol_vt
            type: scale
            scale: goed5
            text: "Hoe goed wist u wat u van Veilig Thuis kon verwachten?"
            aliases: ["Rol en taken van Veilig Thuis", "Ik wist wat Veilig Thuis doet en wat ik van Veilig Thuis kon verwachten."]

          - id: duidelijk_advies
            type: scale
            scale: goed5
            text: "Hoe goed begreep u het advies van Veilig Thuis?"
            aliases: ["Duidelijkheid van het advies", "Duidelijk advies", "Het advies van Veilig Thuis was duidelijk."]

          - id: deskundigheid
            type: scale
            scale: goed5
            text: "Hoe goed hielp het advies van Veilig Thuis u?"
            aliases: ["Expertise helpend", "Advies helpend", "Het advies van Veilig Thuis heeft mij geholpen."]

          - id: afspraken
            type: scale
            scale: goed5
            text: "Hoe goed hield Veilig Thuis zich aan de afspraken? Bijvoorbeeld: u op tijd terugbellen."
            aliases: ["Afspraken nagekomen", "Veilig Thuis deed wat met mij was afgesproken. Bijvoorbeeld: mij op tijd terugbellen."]

          - id: duidelijk_vervolg
            type: scale
            scale: goed5
            text: "Hoe goed wist u na het contact wat u zelf kon doen?"
            aliases: ["Duidelijkheid over het vervolg", "Na het contact wist ik wat ik nu zelf kon doen."]

          - id: kinderen_aandacht
            type: scale
            scale: goed5
            text: "Hoe goed lette Veilig Thuis in het advies op de kinderen?"
            show_if: { item: kinderen, equals: ja }
            aliases: ["Aandacht voor kinderen", "Veilig Thuis had in het advies genoeg aandacht voor de kinderen."]

          - id: kinderen_hulp
            type: yes_no
            text: "Heeft Veilig Thuis verteld waar de kinderen hulp kunnen krijgen?"
            show_if: { item: kinderen, equals: ja }
            aliases: ["Hulp voor kinderen besproken"]

          - id: cijfer
            type: grade
            text: "Welk rapportcijfer geeft u Veilig Thuis? Een 1 is heel slecht, een 10 is heel goed."
            aliases: ["Rapportcijfer", "Cijfer"]

          - id: opmerking
            type: text
            required: false
            text: "Wilt u nog iets zeggen over Veilig Thuis? Noem geen namen."
            instruction: "Typ geen namen, adressen of telefoonnummers over; vat samen in eigen woorden."
            aliases: ["Opmerking", "Toelichting"]

        score:
          grade: cijfer
          aspects: [bereikbaarheid, bejegening, geduld, duidelijk_rol_vt, duidelijk_advies, deskundigheid, afspraken, duidelijk_vervolg]
          topics: [kinderen_aandacht, kinderen_hulp]

        # Vertalingen: elke tekst die de respondent hoort of leest, per taal (zie Questionnaires/README.md).
        # Machinaal gemaakt: laat een vertaler ze nalezen en haal daarna 'machine_translated' weg.
        translations:
          en:
            machine_translated: true
            title: "What did you think of Veilig Thuis? (advice)"
            intro: |
              You asked Veilig Thuis for advice. This may have been about yourself or about someone else.
              We would like to know what you thought of Veilig Thuis. This helps Veilig Thuis to improve.
              It takes about 5 minutes. You can choose whether to take part.
              We do not ask for your name, and your name is not kept with your answers.
              What you say has no effect on your file or on the help you receive.
            missing_codes:
              weet_niet: "I don't know"
              nvt: "Does not apply"
              weigert: "I'd rather not say"
            yes_no: { ja: "Yes", nee: "No" }
            scales:
              tevreden5:
                1: "Very dissatisfied"
                2: "Dissatisfied"
                3: "Neither satisfied nor dissatisfied"
                4: "Satisfied"
                5: "Very satisfied"
              goed5:
                1: "Very poorly"
                2: "Poorly"
                3: "Neither well nor poorly"
                4: "Well"
                5: "Very well"
            questions:
              toestemming: "Would you like to take part in this short questionnaire about Veilig Thuis?"
              rol:
                text: "What was your question to Veilig Thuis about?"
                choices:
                  betrokkene: "My own situation"
                  ouder: "My child, or a child I care for"
                  pleger: "Something I did (according to others)"
                  melder: "Someone else, for example a family member, a neighbour or a friend"
                  anders: "Something else"
              contact_via:
                text: "How were you in contact with Veilig Thuis? You may choose more than one answer."
                choices:
                  telefoon: "Phone"
                  chat: "Chat"
                  mail: "E-mail"
                  gesprek: "A conversation with a staff member"
              kinderen: "Were children involved too?"
              bereikbaarheid: "How satisfied are you with how easy it was to reach Veilig Thuis?"
              bejegening: "How satisfied are you with how the Veilig Thuis staff member treated you?"
              geduld: "How well did the staff member listen to you?"
              duidelijk_rol_vt: "How well did you know what to expect from Veilig Thuis?"
              duidelijk_advies: "How well did you understand the advice from Veilig Thuis?"
              deskundigheid: "How well did the advice from Veilig Thuis help you?"
              afspraken: "How well did Veilig Thuis keep to the agreements? For example: calling you back on time."
              duidelijk_vervolg: "After the contact, how well did you know what you could do yourself?"
              kinderen_aandacht: "How well did Veilig Thuis pay attention to the children in its advice?"
              kinderen_hulp: "Did Veilig Thuis tell you where the children can get help?"
              cijfer: "What mark would you give Veilig Thuis, from 1 to 10? 1 is very bad, 10 is very good."
              opmerking: "Is there anything else you would like to say about Veilig Thuis? Please do not mention any names."
          ar:
            machine_translated: true
            title: "ما رأيك في Veilig Thuis؟ (استشارة)"
            intro: |
              طلبت من Veilig Thuis نصيحة. ربما كان ذلك عن نفسك أو عن شخص آخر.
              نودّ أن نعرف رأيك في Veilig Thuis. هذا يساعد Veilig Thuis على التحسّن.
              يستغرق ذلك حوالي 5 دقائق. المشاركة اختيارية.
              لا نسألك عن اسمك، ولا يُحفظ اسمك مع إجاباتك.
              ما تقوله لا يؤثر على ملفك ولا على المساعدة التي تحصل عليها.
            missing_codes:
              weet_niet: "لا أعرف"
              nvt: "لا ينطبق"
              weigert: "أفضّل ألّا أقول"
            yes_no: { ja: "نعم", nee: "لا" }
            scales:
              tevreden5:
                1: "غير راضٍ أبدًا"
                2: "غير راضٍ"
                3: "لا راضٍ ولا غير راضٍ"
                4: "راضٍ"
                5: "راضٍ جدًا"
              goed5:
                1: "سيئ جدًا"
                2: "سيئ"
                3: "لا جيد ولا سيئ"
                4: "جيد"
                5: "جيد جدًا"
            questions:
              toestemming: "هل تودّ المشاركة في هذا الاستبيان القصير عن Veilig Thuis؟"
              rol:
                text: "عن أي شيء كان سؤالك لـ Veilig Thuis؟"
                choices:
                  betrokkene: "عن وضعي أنا"
                  ouder: "عن طفلي، أو عن طفل أرعاه"
                  pleger: "عن شيء فعلته (بحسب آخرين)"
                  melder: "عن شخص آخر، مثل أحد أفراد عائلتي أو جار أو صديق"
                  anders: "شيء آخر"
              contact_via:
                text: "كيف تواصلت مع Veilig Thuis؟ يمكنك اختيار أكثر من إجابة."
                choices:
                  telefoon: "الهاتف"
                  chat: "الدردشة"
                  mail: "البريد الإلكتروني"
                  gesprek: "محادثة مع أحد الموظفين"
              kinderen: "هل كان الأمر يتعلق بأطفال أيضًا؟"
              bereikbaarheid: "ما مدى رضاك عن سهولة الوصول إلى Veilig Thuis؟"
              bejegening: "ما مدى رضاك عن طريقة تعامل موظف Veilig Thuis معك؟"
              geduld: "ما مدى حسن استماع الموظف إليك؟"
              duidelijk_rol_vt: "ما مدى معرفتك بما يمكنك توقّعه من Veilig Thuis؟"
              duidelijk_advies: "ما مدى فهمك لنصيحة Veilig Thuis؟"
              deskundigheid: "إلى أي مدى ساعدتك نصيحة Veilig Thuis؟"
              afspraken: "ما مدى التزام Veilig Thuis بالاتفاقات؟ مثلًا: معاودة الاتصال بك في الوقت المحدد."
              duidelijk_vervolg: "بعد التواصل، ما مدى معرفتك بما يمكنك فعله بنفسك؟"
              kinderen_aandacht: "ما مدى اهتمام Veilig Thuis بالأطفال في نصيحتها؟"
              kinderen_hulp: "هل أخبرتك Veilig Thuis أين يمكن للأطفال الحصول على مساعدة؟"
              cijfer: "ما الدرجة التي تعطيها لـ Veilig Thuis من 1 إلى 10؟ 1 تعني سيئ جدًا، و10 تعني جيد جدًا."
              opmerking: "هل تودّ أن تقول شيئًا آخر عن Veilig Thuis؟ من فضلك لا تذكر أي أسماء."
          tr:
            machine_translated: true
            title: "Veilig Thuis hakkında ne düşünüyorsunuz? (danışma)"
            intro: |
              Veilig Thuis'tan tavsiye istediniz. Bu kendinizle veya başka biriyle ilgili olabilir.
              Veilig Thuis hakkında ne düşündüğünüzü öğrenmek istiyoruz. Böylece Veilig Thuis daha iyi olabilir.
              Yaklaşık 5 dakika sürer. Katılıp katılmamak size kalmış.
              Adınızı sormuyoruz ve adınız cevaplarınızla birlikte saklanmaz.
              Söyledikleriniz dosyanızı veya aldığınız yardımı etkilemez.
            missing_codes:
              weet_niet: "Bilmiyorum"
              nvt: "Geçerli değil"
              weigert: "Söylemek istemiyorum"
            yes_no: { ja: "Evet", nee: "Hayır" }
            scales:
              tevreden5:
                1: "Hiç memnun değilim"
                2: "Memnun değilim"
                3: "Ne memnunum ne memnun değilim"
                4: "Memnunum"
                5: "Çok memnunum"
              goed5:
                1: "Çok kötü"
                2: "Kötü"
                3: "Ne iyi ne kötü"
                4: "İyi"
                5: "Çok iyi"
            questions:
              toestemming: "Veilig Thuis hakkındaki bu kısa ankete katılmak ister misiniz?"
              rol:
                text: "Veilig Thuis'a sorduğunuz soru ne hakkındaydı?"
                choices:
                  betrokkene: "Kendi durumum hakkında"
                  ouder: "Çocuğum veya baktığım bir çocuk hakkında"
                  pleger: "(Başkalarına göre) yaptığım bir şey hakkında"
                  melder: "Başka biri hakkında, örneğin ailemden biri, bir komşu veya bir arkadaş"
                  anders: "Başka bir şey"
              contact_via:
                text: "Veilig Thuis ile nasıl iletişim kurdunuz? Birden fazla cevap seçebilirsiniz."
                choices:
                  telefoon: "Telefon"
                  chat: "Sohbet (chat)"
                  mail: "E-posta"
                  gesprek: "Bir çalışanla görüşme"
              kinderen: "Konu çocukları da ilgilendiriyor muydu?"
              bereikbaarheid: "Veilig Thuis'a ne kadar kolay ulaşabildiğinizden ne kadar memnunsunuz?"
              bejegening: "Veilig Thuis çalışanının size nasıl davrandığından ne kadar memnunsunuz?"
              geduld: "Çalışan sizi ne kadar iyi dinledi?"
              duidelijk_rol_vt: "Veilig Thuis'tan ne bekleyebileceğinizi ne kadar iyi biliyordunuz?"
              duidelijk_advies: "Veilig Thuis'un tavsiyesini ne kadar iyi anladınız?"
              deskundigheid: "Veilig Thuis'un tavsiyesi size ne kadar iyi yardımcı oldu?"
              afspraken: "Veilig Thuis anlaşmalara ne kadar iyi uydu? Örneğin: sizi zamanında geri aramak."
              duidelijk_vervolg: "Görüşmeden sonra kendiniz ne yapabileceğinizi ne kadar iyi biliyordunuz?"
              kinderen_aandacht: "Veilig Thuis tavsiyesinde çocuklara ne kadar iyi dikkat etti?"
              kinderen_hulp: "Veilig Thuis, çocukların nereden yardım alabileceğini size söyledi mi?"
              cijfer: "Veilig Thuis'a 1 ile 10 arasında kaç puan verirsiniz? 1 çok kötü, 10 çok iyi demektir."
              opmerking: "Veilig Thuis hakkında söylemek istediğiniz başka bir şey var mı? Lütfen isim vermeyin."
          pl:
            machine_translated: true
            title: "Co sądzi Pan/Pani o Veilig Thuis? (porada)"
            intro: |
              Zwrócił się Pan / zwróciła się Pani do Veilig Thuis o poradę. Mogła ona dotyczyć Pana/Pani albo kogoś innego.
              Chcielibyśmy wiedzieć, co sądzi Pan/Pani o Veilig Thuis. Dzięki temu Veilig Thuis może działać lepiej.
              To zajmie około 5 minut. Udział jest dobrowolny.
              Nie pytamy o imię i nazwisko i nie są one przechowywane razem z odpowiedziami.
              To, co Pan/Pani powie, nie ma wpływu na Pana/Pani akta ani na otrzymywaną pomoc.
            missing_codes:
              weet_niet: "Nie wiem"
              nvt: "Nie dotyczy"
              weigert: "Wolę nie mówić"
            yes_no: { ja: "Tak", nee: "Nie" }
            scales:
              tevreden5:
                1: "Bardzo niezadowolony/a"
                2: "Niezadowolony/a"
                3: "Ani zadowolony/a, ani niezadowolony/a"
                4: "Zadowolony/a"
                5: "Bardzo zadowolony/a"
              goed5:
                1: "Bardzo źle"
                2: "Źle"
                3: "Ani dobrze, ani źle"
                4: "Dobrze"
                5: "Bardzo dobrze"
            questions:
              toestemming: "Czy chce Pan/Pani wypełnić tę krótką ankietę o Veilig Thuis?"
              rol:
                text: "Czego dotyczyło Pana/Pani pytanie do Veilig Thuis?"
                choices:
                  betrokkene: "Mojej własnej sytuacji"
                  ouder: "Mojego dziecka albo dziecka, którym się opiekuję"
                  pleger: "Czegoś, co (według innych) zrobiłem/zrobiłam"
                  melder: "Kogoś innego, na przykład członka rodziny, sąsiada lub przyjaciela"
                  anders: "Czegoś innego"
              contact_via:
                text: "Jak kontaktował się Pan / kontaktowała się Pani z Veilig Thuis? Można wybrać więcej niż jedną odpowiedź."
                choices:
                  telefoon: "Telefon"
                  chat: "Czat"
                  mail: "E-mail"
                  gesprek: "Rozmowa z pracownikiem"
              kinderen: "Czy chodziło też o dzieci?"
              bereikbaarheid: "Na ile jest Pan/Pani zadowolony/a z tego, jak łatwo było skontaktować się z Veilig Thuis?"
              bejegening: "Na ile jest Pan/Pani zadowolony/a z tego, jak traktował Pana/Panią pracownik Veilig Thuis?"
              geduld: "Jak dobrze pracownik Pana/Panią wysłuchał?"
              duidelijk_rol_vt: "Jak dobrze wiedział Pan / wiedziała Pani, czego można się spodziewać po Veilig Thuis?"
              duidelijk_advies: "Jak dobrze zrozumiał Pan / zrozumiała Pani poradę Veilig Thuis?"
              deskundigheid: "Jak dobrze porada Veilig Thuis Panu/Pani pomogła?"
              afspraken: "Jak dobrze Veilig Thuis dotrzymywało ustaleń? Na przykład: czy oddzwoniło na czas."
              duidelijk_vervolg: "Jak dobrze po kontakcie wiedział Pan / wiedziała Pani, co można zrobić samemu?"
              kinderen_aandacht: "Jak dobrze Veilig Thuis uwzględniło w poradzie dzieci?"
              kinderen_hulp: "Czy Veilig Thuis powiedziało, gdzie dzieci mogą otrzymać pomoc?"
              cijfer: "Jaką ocenę od 1 do 10 daje Pan/Pani Veilig Thuis? 1 oznacza bardzo źle, 10 bardzo dobrze."
              opmerking: "Czy chce Pan/Pani powiedzieć coś jeszcze o Veilig Thuis? Prosimy nie podawać żadnych imion ani nazwisk."

        """#),
    Catalog.Source(
      path: "Questionnaires/inwoners-jongeren.yaml",
      text: #"""
        # Tevredenheid van jongeren (12 tot 18 jaar) die zelf direct betrokken waren bij een melding of een vervolgdienst.
        # Kort, in je-vorm en met directe vragen (geen stellingen), zodat een jongere hem zelf kan invullen of in een gesprek
        # kan beantwoorden. Telt mee in PI 5; jongeren zijn in een kleine groep eerder herkenbaar, daarom een hogere minimale
        # n (group_minimums in indicators.yaml).
        id: inwoners-jongeren
        version: 1
        audience: inwoners
        group: jongeren
        group_label: "Jongeren (12–17)"
        title: "Wat vond jij van Veilig Thuis?"
        intro: |
          Je had contact met Veilig Thuis. Wij willen weten wat jij daarvan vond.
          Het duurt ongeveer 5 minuten. Je mag stoppen wanneer je wilt.
          Je naam wordt niet bij je antwoorden bewaard.
          Wat je zegt, heeft geen invloed op de hulp die jij of je gezin krijgt.

        missing_codes:
          - { code: weet_niet, label: Weet ik niet }
          - { code: weigert, label: Wil ik niet zeggen }

        scales:
          - id: goed5
            points:
              - { value: 1, label: Heel slecht }
              - { value: 2, label: Slecht }
              - { value: 3, label: Niet goed en niet slecht }
              - { value: 4, label: Goed }
              - { value: 5, label: Heel goed }
            missing: [weet_niet, weigert]

        questions:
          - id: toestemming
            type: consent
            text: "Wil je een paar vragen over Veilig Thuis beantwoorden?"
            instruction: "Vraag dit alleen als de jongere vrij kan praten. Zegt de jongere nee, dan stopt het gesprek."
            aliases: ["Toestemming"]

          - id: rol
            type: single_choice
            text: "Over wie ging het contact met Veilig Thuis?"
            choices:
              - { code: betrokkene, label: "Over mij" }
              - { code: gezinslid, label: "Over iemand anders in mijn gezin" }
              - { code: anders, label: "Iets anders" }
            aliases: ["Rol"]

          - id: luisteren
            type: scale
            scale: goed5
            text: "Hoe goed luisterde de medewerker naar jou?"
            aliases: ["Luisteren"]

          - id: uitleg
            type: scale
            scale: goed5
            text: "Hoe goed legde de medewerker uit wat er ging gebeuren?"
            aliases: ["Uitleg"]

          - id: veilig_gevoel
            type: scale
            scale: goed5
            text: "Hoe veilig voelde je je bij de medewerker?"
            aliases: ["Veilig gevoel"]

          - id: veiliger
            type: yes_no
            text: "Is het thuis nu veiliger dan eerst?"
            show_if: { item: rol, in: [betrokkene, gezinslid] }
            aliases: ["Nu veiliger"]

          - id: hulp_weten
            type: yes_no
            text: "Weet je waar je hulp kunt vragen?"
            aliases: ["Weet waar hulp te vragen"]

          - id: cijfer
            type: grade
            text: "Welk rapportcijfer geef je Veilig Thuis? Een 1 is heel slecht, een 10 is heel goed."
            aliases: ["Rapportcijfer", "Cijfer"]

          - id: opmerking
            type: text
            required: false
            text: "Wil je nog iets zeggen over Veilig Thuis? Noem geen namen."
            instruction: "Typ geen namen, adressen of telefoonnummers over; vat samen in eigen woorden."
            aliases: ["Opmerking", "Toelichting"]

        score:
          grade: cijfer
          aspects: [luisteren, uitleg, veilig_gevoel]
          topics: [veiliger, hulp_weten]

        """#),
    Catalog.Source(
      path: "Questionnaires/inwoners-melding.yaml",
      text: #"""
        # Tevredenheid van inwoners over wie (of door wie) een melding bij Veilig Thuis is gedaan.
        # Onderwerpen: Bijlage 1 van de prestatie-indicatoren VT NHN en de VNG-handreiking (zie shared/seeds).
        # Versie 3: directe vragen in eenvoudig Nederlands (geen stellingen meer). Versie 2 staat in versions/;
        # antwoorden op versie 2 houden die versie, de oude vraagteksten staan bij de aliassen.
        id: inwoners-melding
        version: 3
        audience: inwoners
        group: melding
        group_label: Melding
        title: "Wat vond u van Veilig Thuis? (melding)"
        intro: |
          Er is bij Veilig Thuis een melding gedaan. Dat kan door u zijn, of over u of uw gezin.
          Wij willen graag weten wat u van Veilig Thuis vond. Zo kan Veilig Thuis beter worden.
          Het duurt ongeveer 10 minuten. Meedoen mag, het hoeft niet.
          Wij vragen niet naar uw naam, en uw naam wordt niet bij uw antwoorden bewaard.
          Wat u zegt heeft geen invloed op uw dossier of op de hulp die u krijgt.

        missing_codes:
          - { code: weet_niet, label: Weet ik niet }
          - { code: nvt, label: Niet van toepassing }
          - { code: weigert, label: Wil ik niet zeggen }

        scales:
          - id: tevreden5
            points:
              - { value: 1, label: Heel ontevreden }
              - { value: 2, label: Ontevreden }
              - { value: 3, label: Niet tevreden en niet ontevreden }
              - { value: 4, label: Tevreden }
              - { value: 5, label: Heel tevreden }
            missing: [weet_niet, nvt, weigert]
          - id: goed5
            points:
              - { value: 1, label: Heel slecht }
              - { value: 2, label: Slecht }
              - { value: 3, label: Niet goed en niet slecht }
              - { value: 4, label: Goed }
              - { value: 5, label: Heel goed }
            missing: [weet_niet, nvt, weigert]

        questions:
          - id: toestemming
            type: consent
            text: "Wilt u meedoen aan dit korte gesprek over Veilig Thuis?"
            aliases: ["Toestemming", "Ik wil meedoen aan dit onderzoek"]

          - id: rol
            type: single_choice
            text: "Wie bent u in deze situatie?"
            instruction: "Lees de antwoorden voor. Twijfelt de persoon, kies dan Iemand anders."
            choices:
              - { code: betrokkene, label: "De melding ging over mij" }
              - { code: ouder, label: "Ik ben ouder of verzorger van een kind waar de melding over ging" }
              - { code: pleger, label: "De melding ging over iets wat ik (volgens de melder) gedaan heb" }
              - { code: melder, label: "Ik heb de melding gedaan" }
              - { code: anders, label: "Iemand anders" }
            aliases: ["Rol", "Wat was uw rol?"]

          - id: kinderen
            type: yes_no
            text: "Ging het ook om kinderen?"
            aliases: ["Kinderen betrokken", "Waren er kinderen bij de situatie betrokken?"]

          - id: bereikbaarheid
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over hoe makkelijk u Veilig Thuis kon bereiken?"
            aliases: ["Bereikbaarheid"]

          - id: bejegening
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over hoe de medewerker van Veilig Thuis met u omging?"
            aliases: ["Bejegening"]

          - id: geduld
            type: scale
            scale: goed5
            text: "Hoe goed luisterde de medewerker naar u?"
            aliases: ["Empathie en geduld", "De medewerker luisterde goed naar mij en nam genoeg tijd voor mij."]

          - id: duidelijk_melding
            type: scale
            scale: goed5
            text: "Hoe goed legde Veilig Thuis uit wat de melding voor u betekende?"
            show_if: { item: rol, in: [betrokkene, ouder, pleger, anders] }
            aliases: ["Duidelijkheid over de melding", "Het was mij duidelijk dat er een melding over mij of mijn gezin was gedaan, en wat dat voor mij betekende."]

          - id: terugkoppeling
            type: yes_no
            text: "Heeft Veilig Thuis u verteld wat er met uw melding is gedaan?"
            show_if: { item: rol, equals: melder }
            aliases: ["Terugkoppeling aan melder"]

          - id: duidelijk_rol_vt
            type: scale
            scale: goed5
            text: "Hoe goed wist u wat u van Veilig Thuis kon verwachten?"
            aliases: ["Rol en taken van Veilig Thuis", "Ik wist wat Veilig Thuis doet en wat ik van Veilig Thuis kon verwachten."]

          - id: duidelijk_vervolg
            type: scale
            scale: goed5
            text: "Hoe goed wist u wat er na de melding zou gebeuren?"
            aliases: ["Duidelijkheid over het vervolg", "Het was mij duidelijk wat er na de melding ging gebeuren."]

          - id: afspraken
            type: scale
            scale: goed5
            text: "Hoe goed hield Veilig Thuis zich aan de afspraken met u?"
            aliases: ["Afspraken nagekomen", "Veilig Thuis deed wat met mij was afgesproken."]

          - id: deskundigheid
            type: scale
            scale: goed5
            text: "Hoe goed hielp de kennis van Veilig Thuis u of uw gezin?"
            aliases: ["Expertise helpend", "De kennis van Veilig Thuis heeft mij of mijn gezin geholpen."]

          - id: kinderen_gesproken
            type: scale
            scale: goed5
            text: "Hoe goed heeft Veilig Thuis met de kinderen gepraat?"
            show_if: { item: kinderen, equals: ja }
            aliases: ["Kinderen voldoende gesproken", "Veilig Thuis heeft genoeg met de kinderen gesproken."]

          - id: kinderen_hulp
            type: yes_no
            text: "Heeft Veilig Thuis hulp voor de kinderen aangeboden?"
            show_if: { item: kinderen, equals: ja }
            aliases: ["Hulp voor kinderen aangeboden"]

          - id: cijfer
            type: grade
            text: "Welk rapportcijfer geeft u Veilig Thuis? Een 1 is heel slecht, een 10 is heel goed."
            aliases: ["Rapportcijfer", "Cijfer"]

          - id: opmerking
            type: text
            required: false
            text: "Wilt u nog iets zeggen over Veilig Thuis? Noem geen namen."
            instruction: "Typ geen namen, adressen of telefoonnummers over; vat samen in eigen woorden."
            aliases: ["Opmerking", "Toelichting"]

        score:
          grade: cijfer
          aspects: [bereikbaarheid, bejegening, geduld, duidelijk_rol_vt, duidelijk_vervolg, afspraken, deskundigheid]
          topics: [duidelijk_melding, terugkoppeling, kinderen_gesproken, kinderen_hulp]

        # Vertalingen: elke tekst die de respondent hoort of leest, per taal (zie Questionnaires/README.md).
        # Machinaal gemaakt: laat een vertaler ze nalezen en haal daarna 'machine_translated' weg.
        translations:
          en:
            machine_translated: true
            title: "What did you think of Veilig Thuis? (report)"
            intro: |
              A report was made to Veilig Thuis. You may have made it, or it may have been about you or your family.
              We would like to know what you thought of Veilig Thuis. This helps Veilig Thuis to improve.
              It takes about 10 minutes. You can choose whether to take part.
              We do not ask for your name, and your name is not kept with your answers.
              What you say has no effect on your file or on the help you receive.
            missing_codes:
              weet_niet: "I don't know"
              nvt: "Does not apply"
              weigert: "I'd rather not say"
            yes_no: { ja: "Yes", nee: "No" }
            scales:
              tevreden5:
                1: "Very dissatisfied"
                2: "Dissatisfied"
                3: "Neither satisfied nor dissatisfied"
                4: "Satisfied"
                5: "Very satisfied"
              goed5:
                1: "Very poorly"
                2: "Poorly"
                3: "Neither well nor poorly"
                4: "Well"
                5: "Very well"
            questions:
              toestemming: "Would you like to take part in this short conversation about Veilig Thuis?"
              rol:
                text: "Who are you in this situation?"
                choices:
                  betrokkene: "The report was about me"
                  ouder: "I am a parent or carer of a child the report was about"
                  pleger: "The report was about something I did (according to the person who made it)"
                  melder: "I made the report"
                  anders: "Someone else"
              kinderen: "Were children involved too?"
              bereikbaarheid: "How satisfied are you with how easy it was to reach Veilig Thuis?"
              bejegening: "How satisfied are you with how the Veilig Thuis staff member treated you?"
              geduld: "How well did the staff member listen to you?"
              duidelijk_melding: "How well did Veilig Thuis explain what the report meant for you?"
              terugkoppeling: "Did Veilig Thuis tell you what was done with your report?"
              duidelijk_rol_vt: "How well did you know what to expect from Veilig Thuis?"
              duidelijk_vervolg: "How well did you know what would happen after the report?"
              afspraken: "How well did Veilig Thuis keep to the agreements made with you?"
              deskundigheid: "How well did the knowledge of Veilig Thuis help you or your family?"
              kinderen_gesproken: "How well did Veilig Thuis talk with the children?"
              kinderen_hulp: "Did Veilig Thuis offer help for the children?"
              cijfer: "What mark would you give Veilig Thuis, from 1 to 10? 1 is very bad, 10 is very good."
              opmerking: "Is there anything else you would like to say about Veilig Thuis? Please do not mention any names."
          ar:
            machine_translated: true
            title: "ما رأيك في Veilig Thuis؟ (بلاغ)"
            intro: |
              تم تقديم بلاغ إلى Veilig Thuis. ربما قدّمته أنت، أو كان البلاغ عنك أو عن عائلتك.
              نودّ أن نعرف رأيك في Veilig Thuis. هذا يساعد Veilig Thuis على التحسّن.
              يستغرق ذلك حوالي 10 دقائق. المشاركة اختيارية.
              لا نسألك عن اسمك، ولا يُحفظ اسمك مع إجاباتك.
              ما تقوله لا يؤثر على ملفك ولا على المساعدة التي تحصل عليها.
            missing_codes:
              weet_niet: "لا أعرف"
              nvt: "لا ينطبق"
              weigert: "أفضّل ألّا أقول"
            yes_no: { ja: "نعم", nee: "لا" }
            scales:
              tevreden5:
                1: "غير راضٍ أبدًا"
                2: "غير راضٍ"
                3: "لا راضٍ ولا غير راضٍ"
                4: "راضٍ"
                5: "راضٍ جدًا"
              goed5:
                1: "سيئ جدًا"
                2: "سيئ"
                3: "لا جيد ولا سيئ"
                4: "جيد"
                5: "جيد جدًا"
            questions:
              toestemming: "هل تودّ المشاركة في هذه المحادثة القصيرة عن Veilig Thuis؟"
              rol:
                text: "ما صفتك في هذا الموقف؟"
                choices:
                  betrokkene: "كان البلاغ عني"
                  ouder: "أنا أحد والدَي طفل كان البلاغ عنه أو من يرعاه"
                  pleger: "كان البلاغ عن شيء فعلته (بحسب مقدّم البلاغ)"
                  melder: "أنا من قدّم البلاغ"
                  anders: "شخص آخر"
              kinderen: "هل كان الأمر يتعلق بأطفال أيضًا؟"
              bereikbaarheid: "ما مدى رضاك عن سهولة الوصول إلى Veilig Thuis؟"
              bejegening: "ما مدى رضاك عن طريقة تعامل موظف Veilig Thuis معك؟"
              geduld: "ما مدى حسن استماع الموظف إليك؟"
              duidelijk_melding: "ما مدى وضوح شرح Veilig Thuis لما يعنيه البلاغ بالنسبة لك؟"
              terugkoppeling: "هل أخبرتك Veilig Thuis بما تم فعله ببلاغك؟"
              duidelijk_rol_vt: "ما مدى معرفتك بما يمكنك توقّعه من Veilig Thuis؟"
              duidelijk_vervolg: "ما مدى معرفتك بما سيحدث بعد البلاغ؟"
              afspraken: "ما مدى التزام Veilig Thuis بالاتفاقات التي تمت معك؟"
              deskundigheid: "إلى أي مدى ساعدتك خبرة Veilig Thuis أنت أو عائلتك؟"
              kinderen_gesproken: "ما مدى جودة حديث Veilig Thuis مع الأطفال؟"
              kinderen_hulp: "هل عرضت Veilig Thuis مساعدة للأطفال؟"
              cijfer: "ما الدرجة التي تعطيها لـ Veilig Thuis من 1 إلى 10؟ 1 تعني سيئ جدًا، و10 تعني جيد جدًا."
              opmerking: "هل تودّ أن تقول شيئًا آخر عن Veilig Thuis؟ من فضلك لا تذكر أي أسماء."
          tr:
            machine_translated: true
            title: "Veilig Thuis hakkında ne düşünüyorsunuz? (bildirim)"
            intro: |
              Veilig Thuis'a bir bildirim yapıldı. Bildirimi siz yapmış olabilirsiniz ya da bildirim sizinle veya ailenizle ilgili olabilir.
              Veilig Thuis hakkında ne düşündüğünüzü öğrenmek istiyoruz. Böylece Veilig Thuis daha iyi olabilir.
              Yaklaşık 10 dakika sürer. Katılıp katılmamak size kalmış.
              Adınızı sormuyoruz ve adınız cevaplarınızla birlikte saklanmaz.
              Söyledikleriniz dosyanızı veya aldığınız yardımı etkilemez.
            missing_codes:
              weet_niet: "Bilmiyorum"
              nvt: "Geçerli değil"
              weigert: "Söylemek istemiyorum"
            yes_no: { ja: "Evet", nee: "Hayır" }
            scales:
              tevreden5:
                1: "Hiç memnun değilim"
                2: "Memnun değilim"
                3: "Ne memnunum ne memnun değilim"
                4: "Memnunum"
                5: "Çok memnunum"
              goed5:
                1: "Çok kötü"
                2: "Kötü"
                3: "Ne iyi ne kötü"
                4: "İyi"
                5: "Çok iyi"
            questions:
              toestemming: "Veilig Thuis hakkındaki bu kısa görüşmeye katılmak ister misiniz?"
              rol:
                text: "Bu durumda siz kimsiniz?"
                choices:
                  betrokkene: "Bildirim benimle ilgiliydi"
                  ouder: "Bildirimin ilgili olduğu çocuğun ebeveyni veya bakıcısıyım"
                  pleger: "Bildirim, (bildirimi yapana göre) yaptığım bir şeyle ilgiliydi"
                  melder: "Bildirimi ben yaptım"
                  anders: "Başka biri"
              kinderen: "Konu çocukları da ilgilendiriyor muydu?"
              bereikbaarheid: "Veilig Thuis'a ne kadar kolay ulaşabildiğinizden ne kadar memnunsunuz?"
              bejegening: "Veilig Thuis çalışanının size nasıl davrandığından ne kadar memnunsunuz?"
              geduld: "Çalışan sizi ne kadar iyi dinledi?"
              duidelijk_melding: "Veilig Thuis bildirimin sizin için ne anlama geldiğini ne kadar iyi açıkladı?"
              terugkoppeling: "Veilig Thuis, bildiriminizle ilgili ne yapıldığını size anlattı mı?"
              duidelijk_rol_vt: "Veilig Thuis'tan ne bekleyebileceğinizi ne kadar iyi biliyordunuz?"
              duidelijk_vervolg: "Bildirimden sonra ne olacağını ne kadar iyi biliyordunuz?"
              afspraken: "Veilig Thuis sizinle yapılan anlaşmalara ne kadar iyi uydu?"
              deskundigheid: "Veilig Thuis'un bilgisi size veya ailenize ne kadar iyi yardımcı oldu?"
              kinderen_gesproken: "Veilig Thuis çocuklarla ne kadar iyi konuştu?"
              kinderen_hulp: "Veilig Thuis çocuklar için yardım teklif etti mi?"
              cijfer: "Veilig Thuis'a 1 ile 10 arasında kaç puan verirsiniz? 1 çok kötü, 10 çok iyi demektir."
              opmerking: "Veilig Thuis hakkında söylemek istediğiniz başka bir şey var mı? Lütfen isim vermeyin."
          pl:
            machine_translated: true
            title: "Co sądzi Pan/Pani o Veilig Thuis? (zgłoszenie)"
            intro: |
              Do Veilig Thuis wpłynęło zgłoszenie. Mógł je złożyć Pan/Pani albo dotyczyło ono Pana/Pani lub Pana/Pani rodziny.
              Chcielibyśmy wiedzieć, co sądzi Pan/Pani o Veilig Thuis. Dzięki temu Veilig Thuis może działać lepiej.
              To zajmie około 10 minut. Udział jest dobrowolny.
              Nie pytamy o imię i nazwisko i nie są one przechowywane razem z odpowiedziami.
              To, co Pan/Pani powie, nie ma wpływu na Pana/Pani akta ani na otrzymywaną pomoc.
            missing_codes:
              weet_niet: "Nie wiem"
              nvt: "Nie dotyczy"
              weigert: "Wolę nie mówić"
            yes_no: { ja: "Tak", nee: "Nie" }
            scales:
              tevreden5:
                1: "Bardzo niezadowolony/a"
                2: "Niezadowolony/a"
                3: "Ani zadowolony/a, ani niezadowolony/a"
                4: "Zadowolony/a"
                5: "Bardzo zadowolony/a"
              goed5:
                1: "Bardzo źle"
                2: "Źle"
                3: "Ani dobrze, ani źle"
                4: "Dobrze"
                5: "Bardzo dobrze"
            questions:
              toestemming: "Czy chce Pan/Pani wziąć udział w tej krótkiej rozmowie o Veilig Thuis?"
              rol:
                text: "Kim jest Pan/Pani w tej sytuacji?"
                choices:
                  betrokkene: "Zgłoszenie dotyczyło mnie"
                  ouder: "Jestem rodzicem lub opiekunem dziecka, którego dotyczyło zgłoszenie"
                  pleger: "Zgłoszenie dotyczyło czegoś, co (według zgłaszającego) zrobiłem/zrobiłam"
                  melder: "To ja złożyłem/złożyłam zgłoszenie"
                  anders: "Ktoś inny"
              kinderen: "Czy chodziło też o dzieci?"
              bereikbaarheid: "Na ile jest Pan/Pani zadowolony/a z tego, jak łatwo było skontaktować się z Veilig Thuis?"
              bejegening: "Na ile jest Pan/Pani zadowolony/a z tego, jak traktował Pana/Panią pracownik Veilig Thuis?"
              geduld: "Jak dobrze pracownik Pana/Panią wysłuchał?"
              duidelijk_melding: "Jak dobrze Veilig Thuis wyjaśniło, co zgłoszenie oznacza dla Pana/Pani?"
              terugkoppeling: "Czy Veilig Thuis poinformowało Pana/Panią, co zrobiono z Pana/Pani zgłoszeniem?"
              duidelijk_rol_vt: "Jak dobrze wiedział Pan / wiedziała Pani, czego można się spodziewać po Veilig Thuis?"
              duidelijk_vervolg: "Jak dobrze wiedział Pan / wiedziała Pani, co będzie się działo po zgłoszeniu?"
              afspraken: "Jak dobrze Veilig Thuis dotrzymywało ustaleń z Panem/Panią?"
              deskundigheid: "Jak dobrze wiedza Veilig Thuis pomogła Panu/Pani lub Pana/Pani rodzinie?"
              kinderen_gesproken: "Jak dobrze Veilig Thuis rozmawiało z dziećmi?"
              kinderen_hulp: "Czy Veilig Thuis zaproponowało pomoc dla dzieci?"
              cijfer: "Jaką ocenę od 1 do 10 daje Pan/Pani Veilig Thuis? 1 oznacza bardzo źle, 10 bardzo dobrze."
              opmerking: "Czy chce Pan/Pani powiedzieć coś jeszcze o Veilig Thuis? Prosimy nie podawać żadnych imion ani nazwisk."

        """#),
    Catalog.Source(
      path: "Questionnaires/inwoners-monitoring.yaml",
      text: #"""
        # Tevredenheid van inwoners bij wie Veilig Thuis na de overdracht de veiligheid volgt (monitoring).
        # Onderwerpen: Bijlage 1 van de prestatie-indicatoren VT NHN en de VNG-handreiking (zie shared/seeds).
        # 'veiliger' is een uitkomst, geen oordeel over de dienst: daarom geen aspectscore.
        # Versie 3: directe vragen in eenvoudig Nederlands (geen stellingen meer). Versie 2 staat in versions/;
        # antwoorden op versie 2 houden die versie, de oude vraagteksten staan bij de aliassen.
        id: inwoners-monitoring
        version: 3
        audience: inwoners
        group: monitoring
        group_label: Monitoring
        title: "Wat vond u van Veilig Thuis? (monitoring)"
        intro: |
          Na een melding heeft Veilig Thuis later nog contact met u opgenomen.
          Veilig Thuis wilde weten of het thuis veilig is. Dat heet monitoring.
          Wij willen graag weten wat u van Veilig Thuis vond. Zo kan Veilig Thuis beter worden.
          Het duurt ongeveer 10 minuten. Meedoen mag, het hoeft niet.
          Wij vragen niet naar uw naam, en uw naam wordt niet bij uw antwoorden bewaard.
          Wat u zegt heeft geen invloed op uw dossier of op de hulp die u krijgt.

        missing_codes:
          - { code: weet_niet, label: Weet ik niet }
          - { code: nvt, label: Niet van toepassing }
          - { code: weigert, label: Wil ik niet zeggen }

        scales:
          - id: tevreden5
            points:
              - { value: 1, label: Heel ontevreden }
              - { value: 2, label: Ontevreden }
              - { value: 3, label: Niet tevreden en niet ontevreden }
              - { value: 4, label: Tevreden }
              - { value: 5, label: Heel tevreden }
            missing: [weet_niet, nvt, weigert]
          - id: goed5
            points:
              - { value: 1, label: Heel slecht }
              - { value: 2, label: Slecht }
              - { value: 3, label: Niet goed en niet slecht }
              - { value: 4, label: Goed }
              - { value: 5, label: Heel goed }
            missing: [weet_niet, nvt, weigert]
          - id: veiliger5
            points:
              - { value: 1, label: Veel minder veilig }
              - { value: 2, label: Minder veilig }
              - { value: 3, label: Even veilig }
              - { value: 4, label: Veiliger }
              - { value: 5, label: Veel veiliger }
            missing: [weet_niet, nvt, weigert]

        questions:
          - id: toestemming
            type: consent
            text: "Wilt u meedoen aan dit korte gesprek over Veilig Thuis?"
            aliases: ["Toestemming", "Ik wil meedoen aan dit onderzoek"]

          - id: rol
            type: single_choice
            text: "Wie bent u in deze situatie?"
            instruction: "Lees de antwoorden voor. Twijfelt de persoon, kies dan Iemand anders."
            choices:
              - { code: betrokkene, label: "Het ging over mij" }
              - { code: ouder, label: "Ik ben ouder of verzorger van een kind waar het over ging" }
              - { code: pleger, label: "Het ging over iets wat ik (volgens anderen) gedaan heb" }
              - { code: melder, label: "Ik heb de melding gedaan" }
              - { code: anders, label: "Iemand anders" }
            aliases: ["Rol", "Wat was uw rol?"]

          - id: kinderen
            type: yes_no
            text: "Ging het ook om kinderen?"
            aliases: ["Kinderen betrokken", "Waren er kinderen bij betrokken?"]

          - id: bereikbaarheid
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over hoe makkelijk u Veilig Thuis kon bereiken?"
            aliases: ["Bereikbaarheid"]

          - id: bejegening
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over hoe de medewerker van Veilig Thuis met u omging?"
            aliases: ["Bejegening"]

          - id: geduld
            type: scale
            scale: goed5
            text: "Hoe goed luisterde de medewerker naar u?"
            aliases: ["Empathie en geduld", "De medewerker luisterde goed naar mij en nam genoeg tijd voor mij."]

          - id: duidelijk_rol_vt
            type: scale
            scale: goed5
            text: "Hoe goed wist u waarom Veilig Thuis later nog contact met u opnam?"
            aliases: ["Rol en taken van Veilig Thuis", "Doel van de monitoring", "Ik wist waarom Veilig Thuis later nog contact met mij opnam."]

          - id: deskundigheid
            type: scale
            scale: goed5
            text: "Hoe goed hielp de kennis van Veilig Thuis u of uw gezin?"
            aliases: ["Expertise helpend", "De kennis van Veilig Thuis heeft mij of mijn gezin geholpen."]

          - id: specialistische_hulp
            type: yes_no
            text: "Is er voor u of uw gezin speciale hulp gekomen? Bijvoorbeeld van een psycholoog of van jeugdhulp."
            aliases: ["Specialistische hulp ingezet"]

          - id: duur_betrokkenheid
            type: single_choice
            text: "Wat vindt u van hoe lang Veilig Thuis bij u betrokken was?"
            choices:
              - { code: te_kort, label: "Te kort" }
              - { code: precies_goed, label: "Precies goed" }
              - { code: te_lang, label: "Te lang" }
            aliases: ["Duur betrokkenheid", "Hoe lang betrokken"]

          - id: veiliger
            type: scale
            scale: veiliger5
            text: "Hoe veilig is het thuis nu, vergeleken met toen Veilig Thuis erbij kwam?"
            aliases: ["Nu veiliger", "Veiligheid thuis", "Het is thuis nu veiliger dan toen Veilig Thuis erbij kwam."]

          - id: duidelijk_vervolg
            type: scale
            scale: goed5
            text: "Hoe goed weet u wat er nu verder gaat gebeuren?"
            aliases: ["Duidelijkheid over het vervolg", "Ik weet wat er nu verder gaat gebeuren."]

          - id: kinderen_aandacht
            type: scale
            scale: goed5
            text: "Hoe goed vroeg Veilig Thuis naar hoe het met de kinderen gaat?"
            show_if: { item: kinderen, equals: ja }
            aliases: ["Aandacht voor kinderen", "Veilig Thuis vroeg genoeg naar hoe het met de kinderen gaat."]

          - id: kinderen_hulp
            type: yes_no
            text: "Is er hulp voor de kinderen aangeboden?"
            show_if: { item: kinderen, equals: ja }
            aliases: ["Hulp voor kinderen aangeboden"]

          - id: cijfer
            type: grade
            text: "Welk rapportcijfer geeft u Veilig Thuis? Een 1 is heel slecht, een 10 is heel goed."
            aliases: ["Rapportcijfer", "Cijfer"]

          - id: opmerking
            type: text
            required: false
            text: "Wilt u nog iets zeggen over Veilig Thuis? Noem geen namen."
            instruction: "Typ geen namen, adressen of telefoonnummers over; vat samen in eigen woorden."
            aliases: ["Opmerking", "Toelichting"]

        score:
          grade: cijfer
          aspects: [bereikbaarheid, bejegening, geduld, duidelijk_rol_vt, deskundigheid, duidelijk_vervolg]
          topics: [specialistische_hulp, duur_betrokkenheid, veiliger, kinderen_aandacht, kinderen_hulp]

        # Vertalingen: elke tekst die de respondent hoort of leest, per taal (zie Questionnaires/README.md).
        # Machinaal gemaakt: laat een vertaler ze nalezen en haal daarna 'machine_translated' weg.
        translations:
          en:
            machine_translated: true
            title: "What did you think of Veilig Thuis? (monitoring)"
            intro: |
              After a report, Veilig Thuis contacted you again later.
              Veilig Thuis wanted to know whether things are safe at home. This is called monitoring.
              We would like to know what you thought of Veilig Thuis. This helps Veilig Thuis to improve.
              It takes about 10 minutes. You can choose whether to take part.
              We do not ask for your name, and your name is not kept with your answers.
              What you say has no effect on your file or on the help you receive.
            missing_codes:
              weet_niet: "I don't know"
              nvt: "Does not apply"
              weigert: "I'd rather not say"
            yes_no: { ja: "Yes", nee: "No" }
            scales:
              tevreden5:
                1: "Very dissatisfied"
                2: "Dissatisfied"
                3: "Neither satisfied nor dissatisfied"
                4: "Satisfied"
                5: "Very satisfied"
              goed5:
                1: "Very poorly"
                2: "Poorly"
                3: "Neither well nor poorly"
                4: "Well"
                5: "Very well"
              veiliger5:
                1: "Much less safe"
                2: "Less safe"
                3: "Just as safe"
                4: "Safer"
                5: "Much safer"
            questions:
              toestemming: "Would you like to take part in this short conversation about Veilig Thuis?"
              rol:
                text: "Who are you in this situation?"
                choices:
                  betrokkene: "It was about me"
                  ouder: "I am a parent or carer of a child it was about"
                  pleger: "It was about something I did (according to others)"
                  melder: "I made the report"
                  anders: "Someone else"
              kinderen: "Were children involved too?"
              bereikbaarheid: "How satisfied are you with how easy it was to reach Veilig Thuis?"
              bejegening: "How satisfied are you with how the Veilig Thuis staff member treated you?"
              geduld: "How well did the staff member listen to you?"
              duidelijk_rol_vt: "How well did you know why Veilig Thuis contacted you again later?"
              deskundigheid: "How well did the knowledge of Veilig Thuis help you or your family?"
              specialistische_hulp: "Did you or your family get specialist help? For example from a psychologist or from youth care."
              duur_betrokkenheid:
                text: "What do you think of how long Veilig Thuis was involved with you?"
                choices:
                  te_kort: "Too short"
                  precies_goed: "Just right"
                  te_lang: "Too long"
              veiliger: "How safe is it at home now, compared with when Veilig Thuis became involved?"
              duidelijk_vervolg: "How well do you know what will happen next?"
              kinderen_aandacht: "How well did Veilig Thuis ask about how the children are doing?"
              kinderen_hulp: "Was help offered for the children?"
              cijfer: "What mark would you give Veilig Thuis, from 1 to 10? 1 is very bad, 10 is very good."
              opmerking: "Is there anything else you would like to say about Veilig Thuis? Please do not mention any names."
          ar:
            machine_translated: true
            title: "ما رأيك في Veilig Thuis؟ (المتابعة)"
            intro: |
              بعد بلاغ، تواصلت معك Veilig Thuis مرة أخرى لاحقًا.
              أرادت Veilig Thuis أن تعرف هل البيت آمن. يُسمّى هذا المتابعة.
              نودّ أن نعرف رأيك في Veilig Thuis. هذا يساعد Veilig Thuis على التحسّن.
              يستغرق ذلك حوالي 10 دقائق. المشاركة اختيارية.
              لا نسألك عن اسمك، ولا يُحفظ اسمك مع إجاباتك.
              ما تقوله لا يؤثر على ملفك ولا على المساعدة التي تحصل عليها.
            missing_codes:
              weet_niet: "لا أعرف"
              nvt: "لا ينطبق"
              weigert: "أفضّل ألّا أقول"
            yes_no: { ja: "نعم", nee: "لا" }
            scales:
              tevreden5:
                1: "غير راضٍ أبدًا"
                2: "غير راضٍ"
                3: "لا راضٍ ولا غير راضٍ"
                4: "راضٍ"
                5: "راضٍ جدًا"
              goed5:
                1: "سيئ جدًا"
                2: "سيئ"
                3: "لا جيد ولا سيئ"
                4: "جيد"
                5: "جيد جدًا"
              veiliger5:
                1: "أقل أمانًا بكثير"
                2: "أقل أمانًا"
                3: "بنفس الأمان"
                4: "أكثر أمانًا"
                5: "أكثر أمانًا بكثير"
            questions:
              toestemming: "هل تودّ المشاركة في هذه المحادثة القصيرة عن Veilig Thuis؟"
              rol:
                text: "ما صفتك في هذا الموقف؟"
                choices:
                  betrokkene: "كان الأمر يتعلق بي"
                  ouder: "أنا أحد والدَي طفل كان الأمر يتعلق به أو من يرعاه"
                  pleger: "كان الأمر يتعلق بشيء فعلته (بحسب آخرين)"
                  melder: "أنا من قدّم البلاغ"
                  anders: "شخص آخر"
              kinderen: "هل كان الأمر يتعلق بأطفال أيضًا؟"
              bereikbaarheid: "ما مدى رضاك عن سهولة الوصول إلى Veilig Thuis؟"
              bejegening: "ما مدى رضاك عن طريقة تعامل موظف Veilig Thuis معك؟"
              geduld: "ما مدى حسن استماع الموظف إليك؟"
              duidelijk_rol_vt: "ما مدى معرفتك بسبب تواصل Veilig Thuis معك مرة أخرى لاحقًا؟"
              deskundigheid: "إلى أي مدى ساعدتك خبرة Veilig Thuis أنت أو عائلتك؟"
              specialistische_hulp: "هل حصلت أنت أو عائلتك على مساعدة متخصصة؟ مثلًا من أخصائي نفسي أو من خدمات رعاية الشباب."
              duur_betrokkenheid:
                text: "ما رأيك في المدة التي كانت فيها Veilig Thuis معنية بك؟"
                choices:
                  te_kort: "قصيرة جدًا"
                  precies_goed: "مناسبة تمامًا"
                  te_lang: "طويلة جدًا"
              veiliger: "ما مدى الأمان في البيت الآن، مقارنةً بالوقت الذي تدخّلت فيه Veilig Thuis؟"
              duidelijk_vervolg: "ما مدى معرفتك بما سيحدث بعد ذلك؟"
              kinderen_aandacht: "ما مدى اهتمام Veilig Thuis بالسؤال عن أحوال الأطفال؟"
              kinderen_hulp: "هل عُرضت مساعدة للأطفال؟"
              cijfer: "ما الدرجة التي تعطيها لـ Veilig Thuis من 1 إلى 10؟ 1 تعني سيئ جدًا، و10 تعني جيد جدًا."
              opmerking: "هل تودّ أن تقول شيئًا آخر عن Veilig Thuis؟ من فضلك لا تذكر أي أسماء."
          tr:
            machine_translated: true
            title: "Veilig Thuis hakkında ne düşünüyorsunuz? (izleme)"
            intro: |
              Bir bildirimden sonra Veilig Thuis daha sonra sizinle tekrar iletişime geçti.
              Veilig Thuis evde her şeyin güvenli olup olmadığını öğrenmek istedi. Buna izleme denir.
              Veilig Thuis hakkında ne düşündüğünüzü öğrenmek istiyoruz. Böylece Veilig Thuis daha iyi olabilir.
              Yaklaşık 10 dakika sürer. Katılıp katılmamak size kalmış.
              Adınızı sormuyoruz ve adınız cevaplarınızla birlikte saklanmaz.
              Söyledikleriniz dosyanızı veya aldığınız yardımı etkilemez.
            missing_codes:
              weet_niet: "Bilmiyorum"
              nvt: "Geçerli değil"
              weigert: "Söylemek istemiyorum"
            yes_no: { ja: "Evet", nee: "Hayır" }
            scales:
              tevreden5:
                1: "Hiç memnun değilim"
                2: "Memnun değilim"
                3: "Ne memnunum ne memnun değilim"
                4: "Memnunum"
                5: "Çok memnunum"
              goed5:
                1: "Çok kötü"
                2: "Kötü"
                3: "Ne iyi ne kötü"
                4: "İyi"
                5: "Çok iyi"
              veiliger5:
                1: "Çok daha az güvenli"
                2: "Daha az güvenli"
                3: "Aynı derecede güvenli"
                4: "Daha güvenli"
                5: "Çok daha güvenli"
            questions:
              toestemming: "Veilig Thuis hakkındaki bu kısa görüşmeye katılmak ister misiniz?"
              rol:
                text: "Bu durumda siz kimsiniz?"
                choices:
                  betrokkene: "Benimle ilgiliydi"
                  ouder: "İlgili olduğu çocuğun ebeveyni veya bakıcısıyım"
                  pleger: "(Başkalarına göre) yaptığım bir şeyle ilgiliydi"
                  melder: "Bildirimi ben yaptım"
                  anders: "Başka biri"
              kinderen: "Konu çocukları da ilgilendiriyor muydu?"
              bereikbaarheid: "Veilig Thuis'a ne kadar kolay ulaşabildiğinizden ne kadar memnunsunuz?"
              bejegening: "Veilig Thuis çalışanının size nasıl davrandığından ne kadar memnunsunuz?"
              geduld: "Çalışan sizi ne kadar iyi dinledi?"
              duidelijk_rol_vt: "Veilig Thuis'un daha sonra neden sizinle tekrar iletişime geçtiğini ne kadar iyi biliyordunuz?"
              deskundigheid: "Veilig Thuis'un bilgisi size veya ailenize ne kadar iyi yardımcı oldu?"
              specialistische_hulp: "Siz veya aileniz özel bir yardım aldınız mı? Örneğin bir psikologdan veya gençlik yardımından."
              duur_betrokkenheid:
                text: "Veilig Thuis'un sizinle ne kadar süre ilgilendiği hakkında ne düşünüyorsunuz?"
                choices:
                  te_kort: "Çok kısa"
                  precies_goed: "Tam yerinde"
                  te_lang: "Çok uzun"
              veiliger: "Evde durum, Veilig Thuis devreye girdiği zamana göre şimdi ne kadar güvenli?"
              duidelijk_vervolg: "Bundan sonra ne olacağını ne kadar iyi biliyorsunuz?"
              kinderen_aandacht: "Veilig Thuis çocukların nasıl olduğunu ne kadar iyi sordu?"
              kinderen_hulp: "Çocuklar için yardım teklif edildi mi?"
              cijfer: "Veilig Thuis'a 1 ile 10 arasında kaç puan verirsiniz? 1 çok kötü, 10 çok iyi demektir."
              opmerking: "Veilig Thuis hakkında söylemek istediğiniz başka bir şey var mı? Lütfen isim vermeyin."
          pl:
            machine_translated: true
            title: "Co sądzi Pan/Pani o Veilig Thuis? (monitorowanie)"
            intro: |
              Po zgłoszeniu Veilig Thuis później ponownie się z Panem/Panią skontaktowało.
              Veilig Thuis chciało się dowiedzieć, czy w domu jest bezpiecznie. Nazywa się to monitorowaniem.
              Chcielibyśmy wiedzieć, co sądzi Pan/Pani o Veilig Thuis. Dzięki temu Veilig Thuis może działać lepiej.
              To zajmie około 10 minut. Udział jest dobrowolny.
              Nie pytamy o imię i nazwisko i nie są one przechowywane razem z odpowiedziami.
              To, co Pan/Pani powie, nie ma wpływu na Pana/Pani akta ani na otrzymywaną pomoc.
            missing_codes:
              weet_niet: "Nie wiem"
              nvt: "Nie dotyczy"
              weigert: "Wolę nie mówić"
            yes_no: { ja: "Tak", nee: "Nie" }
            scales:
              tevreden5:
                1: "Bardzo niezadowolony/a"
                2: "Niezadowolony/a"
                3: "Ani zadowolony/a, ani niezadowolony/a"
                4: "Zadowolony/a"
                5: "Bardzo zadowolony/a"
              goed5:
                1: "Bardzo źle"
                2: "Źle"
                3: "Ani dobrze, ani źle"
                4: "Dobrze"
                5: "Bardzo dobrze"
              veiliger5:
                1: "Dużo mniej bezpiecznie"
                2: "Mniej bezpiecznie"
                3: "Tak samo bezpiecznie"
                4: "Bezpieczniej"
                5: "Dużo bezpieczniej"
            questions:
              toestemming: "Czy chce Pan/Pani wziąć udział w tej krótkiej rozmowie o Veilig Thuis?"
              rol:
                text: "Kim jest Pan/Pani w tej sytuacji?"
                choices:
                  betrokkene: "Chodziło o mnie"
                  ouder: "Jestem rodzicem lub opiekunem dziecka, o które chodziło"
                  pleger: "Chodziło o coś, co (według innych) zrobiłem/zrobiłam"
                  melder: "To ja złożyłem/złożyłam zgłoszenie"
                  anders: "Ktoś inny"
              kinderen: "Czy chodziło też o dzieci?"
              bereikbaarheid: "Na ile jest Pan/Pani zadowolony/a z tego, jak łatwo było skontaktować się z Veilig Thuis?"
              bejegening: "Na ile jest Pan/Pani zadowolony/a z tego, jak traktował Pana/Panią pracownik Veilig Thuis?"
              geduld: "Jak dobrze pracownik Pana/Panią wysłuchał?"
              duidelijk_rol_vt: "Jak dobrze wiedział Pan / wiedziała Pani, dlaczego Veilig Thuis później ponownie się skontaktowało?"
              deskundigheid: "Jak dobrze wiedza Veilig Thuis pomogła Panu/Pani lub Pana/Pani rodzinie?"
              specialistische_hulp: "Czy Pan/Pani lub Pana/Pani rodzina otrzymali specjalistyczną pomoc? Na przykład od psychologa lub z pomocy dla młodzieży."
              duur_betrokkenheid:
                text: "Co sądzi Pan/Pani o tym, jak długo Veilig Thuis zajmowało się Pana/Pani sprawą?"
                choices:
                  te_kort: "Za krótko"
                  precies_goed: "W sam raz"
                  te_lang: "Za długo"
              veiliger: "Jak bezpiecznie jest teraz w domu w porównaniu z czasem, gdy Veilig Thuis zaczęło działać?"
              duidelijk_vervolg: "Jak dobrze wie Pan/Pani, co będzie się teraz działo dalej?"
              kinderen_aandacht: "Jak dobrze Veilig Thuis pytało o to, jak czują się dzieci?"
              kinderen_hulp: "Czy zaproponowano pomoc dla dzieci?"
              cijfer: "Jaką ocenę od 1 do 10 daje Pan/Pani Veilig Thuis? 1 oznacza bardzo źle, 10 bardzo dobrze."
              opmerking: "Czy chce Pan/Pani powiedzieć coś jeszcze o Veilig Thuis? Prosimy nie podawać żadnych imion ani nazwisk."

        """#),
    Catalog.Source(
      path: "Questionnaires/inwoners-vervolgdienst.yaml",
      text: #"""
        # Tevredenheid van inwoners bij wie Veilig Thuis een vervolgdienst uitvoerde (Voorwaarden en Vervolg, of onderzoek).
        # Onderwerpen: Bijlage 1 van de prestatie-indicatoren VT NHN en de VNG-handreiking (zie shared/seeds).
        # Versie 3: directe vragen in eenvoudig Nederlands (geen stellingen meer). Versie 2 staat in versions/;
        # antwoorden op versie 2 houden die versie, de oude vraagteksten staan bij de aliassen.
        id: inwoners-vervolgdienst
        version: 3
        audience: inwoners
        group: vervolgdienst
        group_label: Vervolgdienst
        title: "Wat vond u van Veilig Thuis? (vervolgdienst)"
        intro: |
          Veilig Thuis is een tijd bij u of uw gezin betrokken geweest, na een melding.
          Veilig Thuis maakte afspraken met u over veiligheid, of deed een onderzoek.
          Wij willen graag weten wat u van Veilig Thuis vond. Zo kan Veilig Thuis beter worden.
          Het duurt ongeveer 10 minuten. Meedoen mag, het hoeft niet.
          Wij vragen niet naar uw naam, en uw naam wordt niet bij uw antwoorden bewaard.
          Wat u zegt heeft geen invloed op uw dossier of op de hulp die u krijgt.

        missing_codes:
          - { code: weet_niet, label: Weet ik niet }
          - { code: nvt, label: Niet van toepassing }
          - { code: weigert, label: Wil ik niet zeggen }

        scales:
          - id: tevreden5
            points:
              - { value: 1, label: Heel ontevreden }
              - { value: 2, label: Ontevreden }
              - { value: 3, label: Niet tevreden en niet ontevreden }
              - { value: 4, label: Tevreden }
              - { value: 5, label: Heel tevreden }
            missing: [weet_niet, nvt, weigert]
          - id: goed5
            points:
              - { value: 1, label: Heel slecht }
              - { value: 2, label: Slecht }
              - { value: 3, label: Niet goed en niet slecht }
              - { value: 4, label: Goed }
              - { value: 5, label: Heel goed }
            missing: [weet_niet, nvt, weigert]

        questions:
          - id: toestemming
            type: consent
            text: "Wilt u meedoen aan dit korte gesprek over Veilig Thuis?"
            aliases: ["Toestemming", "Ik wil meedoen aan dit onderzoek"]

          - id: rol
            type: single_choice
            text: "Wie bent u in deze situatie?"
            instruction: "Lees de antwoorden voor. Twijfelt de persoon, kies dan Iemand anders."
            choices:
              - { code: betrokkene, label: "Het ging over mij" }
              - { code: ouder, label: "Ik ben ouder of verzorger van een kind waar het over ging" }
              - { code: pleger, label: "Het ging over iets wat ik (volgens anderen) gedaan heb" }
              - { code: melder, label: "Ik heb de melding gedaan" }
              - { code: anders, label: "Iemand anders" }
            aliases: ["Rol", "Wat was uw rol?"]

          - id: kinderen
            type: yes_no
            text: "Ging het ook om kinderen?"
            aliases: ["Kinderen betrokken", "Waren er kinderen bij betrokken?"]

          - id: aantal_contacten
            type: number
            min: 0
            max: 50
            text: "Hoe vaak heeft u contact gehad met Veilig Thuis? Weet u het niet precies? Geef dan een schatting."
            aliases: ["Aantal contacten"]

          - id: bereikbaarheid
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over hoe makkelijk u Veilig Thuis kon bereiken?"
            aliases: ["Bereikbaarheid"]

          - id: bejegening
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over hoe de medewerker van Veilig Thuis met u omging?"
            aliases: ["Bejegening"]

          - id: duidelijk_rol_vt
            type: scale
            scale: goed5
            text: "Hoe goed wist u wat u van Veilig Thuis kon verwachten?"
            aliases: ["Rol en taken van Veilig Thuis", "Ik wist wat Veilig Thuis ging doen en wat ik van Veilig Thuis kon verwachten."]

          - id: afspraken
            type: scale
            scale: goed5
            text: "Hoe goed hield Veilig Thuis zich aan de afspraken met u?"
            aliases: ["Afspraken nagekomen", "Veilig Thuis deed wat met mij was afgesproken."]

          - id: deskundigheid
            type: scale
            scale: goed5
            text: "Hoe goed hielp de kennis van Veilig Thuis u of uw gezin?"
            aliases: ["Expertise helpend", "De kennis van Veilig Thuis heeft mij of mijn gezin geholpen."]

          - id: specialistische_hulp
            type: yes_no
            text: "Heeft Veilig Thuis ervoor gezorgd dat u of uw gezin speciale hulp kreeg? Bijvoorbeeld van een psycholoog of van jeugdhulp."
            aliases: ["Specialistische hulp ingezet"]

          - id: duur_betrokkenheid
            type: single_choice
            text: "Wat vindt u van hoe lang Veilig Thuis bij u betrokken was?"
            choices:
              - { code: te_kort, label: "Te kort" }
              - { code: precies_goed, label: "Precies goed" }
              - { code: te_lang, label: "Te lang" }
            aliases: ["Duur betrokkenheid", "Hoe lang betrokken"]

          - id: duidelijk_vervolg
            type: scale
            scale: goed5
            text: "Hoe goed wist u aan het eind wat er verder zou gebeuren?"
            aliases: ["Duidelijkheid over het vervolg", "Aan het eind wist ik wat er verder ging gebeuren."]

          - id: kinderen_gesproken
            type: scale
            scale: goed5
            text: "Hoe goed heeft Veilig Thuis met de kinderen gepraat?"
            show_if: { item: kinderen, equals: ja }
            aliases: ["Kinderen voldoende gesproken", "Veilig Thuis heeft genoeg met de kinderen gesproken."]

          - id: kinderen_hulp
            type: yes_no
            text: "Heeft Veilig Thuis hulp voor de kinderen aangeboden?"
            show_if: { item: kinderen, equals: ja }
            aliases: ["Hulp voor kinderen aangeboden"]

          - id: cijfer
            type: grade
            text: "Welk rapportcijfer geeft u Veilig Thuis? Een 1 is heel slecht, een 10 is heel goed."
            aliases: ["Rapportcijfer", "Cijfer"]

          - id: opmerking
            type: text
            required: false
            text: "Wilt u nog iets zeggen over Veilig Thuis? Noem geen namen."
            instruction: "Typ geen namen, adressen of telefoonnummers over; vat samen in eigen woorden."
            aliases: ["Opmerking", "Toelichting"]

        score:
          grade: cijfer
          aspects: [bereikbaarheid, bejegening, duidelijk_rol_vt, afspraken, deskundigheid, duidelijk_vervolg]
          topics: [specialistische_hulp, duur_betrokkenheid, kinderen_gesproken, kinderen_hulp]

        # Vertalingen: elke tekst die de respondent hoort of leest, per taal (zie Questionnaires/README.md).
        # Machinaal gemaakt: laat een vertaler ze nalezen en haal daarna 'machine_translated' weg.
        translations:
          en:
            machine_translated: true
            title: "What did you think of Veilig Thuis? (further support)"
            intro: |
              After a report, Veilig Thuis was involved with you or your family for some time.
              Veilig Thuis made agreements with you about safety, or looked into the situation.
              We would like to know what you thought of Veilig Thuis. This helps Veilig Thuis to improve.
              It takes about 10 minutes. You can choose whether to take part.
              We do not ask for your name, and your name is not kept with your answers.
              What you say has no effect on your file or on the help you receive.
            missing_codes:
              weet_niet: "I don't know"
              nvt: "Does not apply"
              weigert: "I'd rather not say"
            yes_no: { ja: "Yes", nee: "No" }
            scales:
              tevreden5:
                1: "Very dissatisfied"
                2: "Dissatisfied"
                3: "Neither satisfied nor dissatisfied"
                4: "Satisfied"
                5: "Very satisfied"
              goed5:
                1: "Very poorly"
                2: "Poorly"
                3: "Neither well nor poorly"
                4: "Well"
                5: "Very well"
            questions:
              toestemming: "Would you like to take part in this short conversation about Veilig Thuis?"
              rol:
                text: "Who are you in this situation?"
                choices:
                  betrokkene: "It was about me"
                  ouder: "I am a parent or carer of a child it was about"
                  pleger: "It was about something I did (according to others)"
                  melder: "I made the report"
                  anders: "Someone else"
              kinderen: "Were children involved too?"
              aantal_contacten: "How often were you in contact with Veilig Thuis? If you do not know exactly, please give an estimate."
              bereikbaarheid: "How satisfied are you with how easy it was to reach Veilig Thuis?"
              bejegening: "How satisfied are you with how the Veilig Thuis staff member treated you?"
              duidelijk_rol_vt: "How well did you know what to expect from Veilig Thuis?"
              afspraken: "How well did Veilig Thuis keep to the agreements made with you?"
              deskundigheid: "How well did the knowledge of Veilig Thuis help you or your family?"
              specialistische_hulp: "Did Veilig Thuis make sure that you or your family got specialist help? For example from a psychologist or from youth care."
              duur_betrokkenheid:
                text: "What do you think of how long Veilig Thuis was involved with you?"
                choices:
                  te_kort: "Too short"
                  precies_goed: "Just right"
                  te_lang: "Too long"
              duidelijk_vervolg: "At the end, how well did you know what would happen next?"
              kinderen_gesproken: "How well did Veilig Thuis talk with the children?"
              kinderen_hulp: "Did Veilig Thuis offer help for the children?"
              cijfer: "What mark would you give Veilig Thuis, from 1 to 10? 1 is very bad, 10 is very good."
              opmerking: "Is there anything else you would like to say about Veilig Thuis? Please do not mention any names."
          ar:
            machine_translated: true
            title: "ما رأيك في Veilig Thuis؟ (الدعم اللاحق)"
            intro: |
              بعد بلاغ، كانت Veilig Thuis معنية بك أو بعائلتك لفترة من الوقت.
              اتفقت معك Veilig Thuis على أمور تخص الأمان، أو قامت بدراسة الوضع.
              نودّ أن نعرف رأيك في Veilig Thuis. هذا يساعد Veilig Thuis على التحسّن.
              يستغرق ذلك حوالي 10 دقائق. المشاركة اختيارية.
              لا نسألك عن اسمك، ولا يُحفظ اسمك مع إجاباتك.
              ما تقوله لا يؤثر على ملفك ولا على المساعدة التي تحصل عليها.
            missing_codes:
              weet_niet: "لا أعرف"
              nvt: "لا ينطبق"
              weigert: "أفضّل ألّا أقول"
            yes_no: { ja: "نعم", nee: "لا" }
            scales:
              tevreden5:
                1: "غير راضٍ أبدًا"
                2: "غير راضٍ"
                3: "لا راضٍ ولا غير راضٍ"
                4: "راضٍ"
                5: "راضٍ جدًا"
              goed5:
                1: "سيئ جدًا"
                2: "سيئ"
                3: "لا جيد ولا سيئ"
                4: "جيد"
                5: "جيد جدًا"
            questions:
              toestemming: "هل تودّ المشاركة في هذه المحادثة القصيرة عن Veilig Thuis؟"
              rol:
                text: "ما صفتك في هذا الموقف؟"
                choices:
                  betrokkene: "كان الأمر يتعلق بي"
                  ouder: "أنا أحد والدَي طفل كان الأمر يتعلق به أو من يرعاه"
                  pleger: "كان الأمر يتعلق بشيء فعلته (بحسب آخرين)"
                  melder: "أنا من قدّم البلاغ"
                  anders: "شخص آخر"
              kinderen: "هل كان الأمر يتعلق بأطفال أيضًا؟"
              aantal_contacten: "كم مرة تواصلت مع Veilig Thuis؟ إذا لم تكن تعرف بالضبط، أعطِ تقديرًا."
              bereikbaarheid: "ما مدى رضاك عن سهولة الوصول إلى Veilig Thuis؟"
              bejegening: "ما مدى رضاك عن طريقة تعامل موظف Veilig Thuis معك؟"
              duidelijk_rol_vt: "ما مدى معرفتك بما يمكنك توقّعه من Veilig Thuis؟"
              afspraken: "ما مدى التزام Veilig Thuis بالاتفاقات التي تمت معك؟"
              deskundigheid: "إلى أي مدى ساعدتك خبرة Veilig Thuis أنت أو عائلتك؟"
              specialistische_hulp: "هل حرصت Veilig Thuis على أن تحصل أنت أو عائلتك على مساعدة متخصصة؟ مثلًا من أخصائي نفسي أو من خدمات رعاية الشباب."
              duur_betrokkenheid:
                text: "ما رأيك في المدة التي كانت فيها Veilig Thuis معنية بك؟"
                choices:
                  te_kort: "قصيرة جدًا"
                  precies_goed: "مناسبة تمامًا"
                  te_lang: "طويلة جدًا"
              duidelijk_vervolg: "في النهاية، ما مدى معرفتك بما سيحدث بعد ذلك؟"
              kinderen_gesproken: "ما مدى جودة حديث Veilig Thuis مع الأطفال؟"
              kinderen_hulp: "هل عرضت Veilig Thuis مساعدة للأطفال؟"
              cijfer: "ما الدرجة التي تعطيها لـ Veilig Thuis من 1 إلى 10؟ 1 تعني سيئ جدًا، و10 تعني جيد جدًا."
              opmerking: "هل تودّ أن تقول شيئًا آخر عن Veilig Thuis؟ من فضلك لا تذكر أي أسماء."
          tr:
            machine_translated: true
            title: "Veilig Thuis hakkında ne düşünüyorsunuz? (devam eden destek)"
            intro: |
              Bir bildirimden sonra Veilig Thuis bir süre sizinle veya ailenizle ilgilendi.
              Veilig Thuis sizinle güvenlik konusunda anlaşmalar yaptı veya durumu inceledi.
              Veilig Thuis hakkında ne düşündüğünüzü öğrenmek istiyoruz. Böylece Veilig Thuis daha iyi olabilir.
              Yaklaşık 10 dakika sürer. Katılıp katılmamak size kalmış.
              Adınızı sormuyoruz ve adınız cevaplarınızla birlikte saklanmaz.
              Söyledikleriniz dosyanızı veya aldığınız yardımı etkilemez.
            missing_codes:
              weet_niet: "Bilmiyorum"
              nvt: "Geçerli değil"
              weigert: "Söylemek istemiyorum"
            yes_no: { ja: "Evet", nee: "Hayır" }
            scales:
              tevreden5:
                1: "Hiç memnun değilim"
                2: "Memnun değilim"
                3: "Ne memnunum ne memnun değilim"
                4: "Memnunum"
                5: "Çok memnunum"
              goed5:
                1: "Çok kötü"
                2: "Kötü"
                3: "Ne iyi ne kötü"
                4: "İyi"
                5: "Çok iyi"
            questions:
              toestemming: "Veilig Thuis hakkındaki bu kısa görüşmeye katılmak ister misiniz?"
              rol:
                text: "Bu durumda siz kimsiniz?"
                choices:
                  betrokkene: "Benimle ilgiliydi"
                  ouder: "İlgili olduğu çocuğun ebeveyni veya bakıcısıyım"
                  pleger: "(Başkalarına göre) yaptığım bir şeyle ilgiliydi"
                  melder: "Bildirimi ben yaptım"
                  anders: "Başka biri"
              kinderen: "Konu çocukları da ilgilendiriyor muydu?"
              aantal_contacten: "Veilig Thuis ile kaç kez iletişim kurdunuz? Tam olarak bilmiyorsanız tahmini bir sayı söyleyin."
              bereikbaarheid: "Veilig Thuis'a ne kadar kolay ulaşabildiğinizden ne kadar memnunsunuz?"
              bejegening: "Veilig Thuis çalışanının size nasıl davrandığından ne kadar memnunsunuz?"
              duidelijk_rol_vt: "Veilig Thuis'tan ne bekleyebileceğinizi ne kadar iyi biliyordunuz?"
              afspraken: "Veilig Thuis sizinle yapılan anlaşmalara ne kadar iyi uydu?"
              deskundigheid: "Veilig Thuis'un bilgisi size veya ailenize ne kadar iyi yardımcı oldu?"
              specialistische_hulp: "Veilig Thuis sizin veya ailenizin özel bir yardım almasını sağladı mı? Örneğin bir psikologdan veya gençlik yardımından."
              duur_betrokkenheid:
                text: "Veilig Thuis'un sizinle ne kadar süre ilgilendiği hakkında ne düşünüyorsunuz?"
                choices:
                  te_kort: "Çok kısa"
                  precies_goed: "Tam yerinde"
                  te_lang: "Çok uzun"
              duidelijk_vervolg: "Sonunda bundan sonra ne olacağını ne kadar iyi biliyordunuz?"
              kinderen_gesproken: "Veilig Thuis çocuklarla ne kadar iyi konuştu?"
              kinderen_hulp: "Veilig Thuis çocuklar için yardım teklif etti mi?"
              cijfer: "Veilig Thuis'a 1 ile 10 arasında kaç puan verirsiniz? 1 çok kötü, 10 çok iyi demektir."
              opmerking: "Veilig Thuis hakkında söylemek istediğiniz başka bir şey var mı? Lütfen isim vermeyin."
          pl:
            machine_translated: true
            title: "Co sądzi Pan/Pani o Veilig Thuis? (dalsze wsparcie)"
            intro: |
              Po zgłoszeniu Veilig Thuis przez pewien czas zajmowało się Panem/Panią lub Pana/Pani rodziną.
              Veilig Thuis uzgodniło z Panem/Panią zasady dotyczące bezpieczeństwa albo zbadało sytuację.
              Chcielibyśmy wiedzieć, co sądzi Pan/Pani o Veilig Thuis. Dzięki temu Veilig Thuis może działać lepiej.
              To zajmie około 10 minut. Udział jest dobrowolny.
              Nie pytamy o imię i nazwisko i nie są one przechowywane razem z odpowiedziami.
              To, co Pan/Pani powie, nie ma wpływu na Pana/Pani akta ani na otrzymywaną pomoc.
            missing_codes:
              weet_niet: "Nie wiem"
              nvt: "Nie dotyczy"
              weigert: "Wolę nie mówić"
            yes_no: { ja: "Tak", nee: "Nie" }
            scales:
              tevreden5:
                1: "Bardzo niezadowolony/a"
                2: "Niezadowolony/a"
                3: "Ani zadowolony/a, ani niezadowolony/a"
                4: "Zadowolony/a"
                5: "Bardzo zadowolony/a"
              goed5:
                1: "Bardzo źle"
                2: "Źle"
                3: "Ani dobrze, ani źle"
                4: "Dobrze"
                5: "Bardzo dobrze"
            questions:
              toestemming: "Czy chce Pan/Pani wziąć udział w tej krótkiej rozmowie o Veilig Thuis?"
              rol:
                text: "Kim jest Pan/Pani w tej sytuacji?"
                choices:
                  betrokkene: "Chodziło o mnie"
                  ouder: "Jestem rodzicem lub opiekunem dziecka, o które chodziło"
                  pleger: "Chodziło o coś, co (według innych) zrobiłem/zrobiłam"
                  melder: "To ja złożyłem/złożyłam zgłoszenie"
                  anders: "Ktoś inny"
              kinderen: "Czy chodziło też o dzieci?"
              aantal_contacten: "Ile razy miał Pan / miała Pani kontakt z Veilig Thuis? Jeśli nie wie Pan/Pani dokładnie, proszę podać przybliżoną liczbę."
              bereikbaarheid: "Na ile jest Pan/Pani zadowolony/a z tego, jak łatwo było skontaktować się z Veilig Thuis?"
              bejegening: "Na ile jest Pan/Pani zadowolony/a z tego, jak traktował Pana/Panią pracownik Veilig Thuis?"
              duidelijk_rol_vt: "Jak dobrze wiedział Pan / wiedziała Pani, czego można się spodziewać po Veilig Thuis?"
              afspraken: "Jak dobrze Veilig Thuis dotrzymywało ustaleń z Panem/Panią?"
              deskundigheid: "Jak dobrze wiedza Veilig Thuis pomogła Panu/Pani lub Pana/Pani rodzinie?"
              specialistische_hulp: "Czy Veilig Thuis zadbało o to, by Pan/Pani lub Pana/Pani rodzina otrzymali specjalistyczną pomoc? Na przykład od psychologa lub z pomocy dla młodzieży."
              duur_betrokkenheid:
                text: "Co sądzi Pan/Pani o tym, jak długo Veilig Thuis zajmowało się Pana/Pani sprawą?"
                choices:
                  te_kort: "Za krótko"
                  precies_goed: "W sam raz"
                  te_lang: "Za długo"
              duidelijk_vervolg: "Jak dobrze na koniec wiedział Pan / wiedziała Pani, co będzie się działo dalej?"
              kinderen_gesproken: "Jak dobrze Veilig Thuis rozmawiało z dziećmi?"
              kinderen_hulp: "Czy Veilig Thuis zaproponowało pomoc dla dzieci?"
              cijfer: "Jaką ocenę od 1 do 10 daje Pan/Pani Veilig Thuis? 1 oznacza bardzo źle, 10 bardzo dobrze."
              opmerking: "Czy chce Pan/Pani powiedzieć coś jeszcze o Veilig Thuis? Prosimy nie podawać żadnych imion ani nazwisk."

        """#),
    Catalog.Source(
      path: "Questionnaires/ketenpartners-huisartsen.yaml",
      text: #"""
        # Tevredenheid van huisartsenpraktijken over de samenwerking met Veilig Thuis (PI 6).
        # Onderwerpen: Bijlage 1 van de prestatie-indicatoren VT NHN (zie shared/seeds/000), toegespitst op telefonisch
        # advies bij de meldcode en op terugkoppeling na een melding.
        # 'bespreekbaar' gaat over de eigen praktijk, niet over Veilig Thuis: daarom geen aspectscore.
        id: ketenpartners-huisartsen
        version: 2
        audience: ketenpartners
        group: huisartsen
        group_label: Huisartsen
        title: "Hoe tevreden bent u over de samenwerking met Veilig Thuis? (huisartsen)"
        intro: |
          U werkt in een huisartsenpraktijk en heeft te maken met Veilig Thuis, bijvoorbeeld als u advies vraagt
          bij de meldcode of een melding doet. Wij vragen naar uw ervaringen van het afgelopen jaar.
          Het invullen duurt ongeveer 5 minuten. Uw antwoorden worden anoniem verwerkt.
          Noem in uw antwoorden geen namen van patiënten.

        missing_codes:
          - { code: weet_niet, label: Weet ik niet }
          - { code: nvt, label: Niet van toepassing }
          - { code: weigert, label: Wil ik niet zeggen }

        scales:
          - id: tevreden5
            points:
              - { value: 1, label: Heel ontevreden }
              - { value: 2, label: Ontevreden }
              - { value: 3, label: Niet tevreden en niet ontevreden }
              - { value: 4, label: Tevreden }
              - { value: 5, label: Heel tevreden }
            missing: [weet_niet, nvt, weigert]
          - id: eens5
            points:
              - { value: 1, label: Helemaal niet mee eens }
              - { value: 2, label: Niet mee eens }
              - { value: 3, label: Niet mee eens en niet mee oneens }
              - { value: 4, label: Mee eens }
              - { value: 5, label: Helemaal mee eens }
            missing: [weet_niet, nvt, weigert]

        questions:
          - id: toestemming
            type: consent
            text: "Wilt u meewerken aan deze vragenlijst over de samenwerking met Veilig Thuis?"
            aliases: ["Toestemming", "Ik wil meewerken aan dit onderzoek"]

          - id: functie
            type: single_choice
            text: "Wat is uw functie?"
            choices:
              - { code: huisarts, label: "Huisarts" }
              - { code: praktijkondersteuner, label: "Praktijkondersteuner (POH)" }
              - { code: doktersassistent, label: "Doktersassistent" }
              - { code: anders, label: "Anders" }
            aliases: ["Functie", "Uw functie"]

          - id: melding_gedaan
            type: yes_no
            text: "Heeft u het afgelopen jaar zelf een melding gedaan bij Veilig Thuis?"
            aliases: ["Melding gedaan"]

          - id: beoordeling_meldingen
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over hoe Veilig Thuis uw melding(en) heeft beoordeeld?"
            show_if: { item: melding_gedaan, equals: ja }
            aliases: ["Beoordeling meldingen"]

          - id: terugkoppeling
            type: scale
            scale: eens5
            text: "Veilig Thuis heeft mij op tijd laten weten wat er met mijn melding is gedaan."
            show_if: { item: melding_gedaan, equals: ja }
            aliases: ["Terugkoppeling", "Terugkoppeling aan melder"]

          - id: inzet_vervolgdiensten
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over de vervolgdiensten die Veilig Thuis na uw melding heeft ingezet (Voorwaarden en Vervolg, of onderzoek)?"
            show_if: { item: melding_gedaan, equals: ja }
            aliases: ["Inzet vervolgdiensten"]

          - id: bereikbaarheid
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over de telefonische bereikbaarheid van Veilig Thuis (wachttijd, direct een deskundige aan de lijn)?"
            aliases: ["Bereikbaarheid"]

          - id: advies
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over het telefonische advies van Veilig Thuis bij het doorlopen van de meldcode, bijvoorbeeld bij twijfel of een melding nodig is?"
            aliases: ["Advies", "Advies bij de meldcode"]

          - id: deskundigheid
            type: scale
            scale: eens5
            text: "Veilig Thuis deelt zijn deskundigheid over huiselijk geweld en kindermishandeling zo, dat ik er in de praktijk iets aan heb."
            aliases: ["Deskundigheid", "Delen van deskundigheid"]

          - id: voorlichting_gehad
            type: yes_no
            text: "Heeft u het afgelopen jaar een voorlichting of nascholing van Veilig Thuis gevolgd?"
            aliases: ["Voorlichting gehad"]

          - id: tevreden_voorlichting
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over die voorlichting of nascholing?"
            show_if: { item: voorlichting_gehad, equals: ja }
            aliases: ["Tevredenheid voorlichting"]

          - id: primaire_veiligheid
            type: scale
            scale: eens5
            text: "Veilig Thuis richt zich voldoende op de primaire veiligheid (het stoppen van het geweld en het herstellen van directe veiligheid)."
            aliases: ["Primaire veiligheid"]

          - id: gefaseerde_ketenzorg
            type: scale
            scale: eens5
            text: "Veilig Thuis werkt voldoende volgens de landelijke visie 'gefaseerde ketenzorg' (eerst directe veiligheid, dan stabiele veiligheid en herstel, met heldere afspraken over wie wat doet)."
            aliases: ["Gefaseerde ketenzorg"]

          - id: bespreekbaar
            type: scale
            scale: eens5
            text: "Het lukt mij om huiselijk geweld en kindermishandeling met patiënten voldoende bespreekbaar te maken."
            aliases: ["Bespreekbaar maken"]

          - id: cijfer
            type: grade
            text: "Welk rapportcijfer geeft u de samenwerking met Veilig Thuis? (1 = zeer slecht, 10 = uitstekend)"
            aliases: ["Rapportcijfer", "Cijfer"]

          - id: opmerking
            type: text
            required: false
            text: "Heeft u nog opmerkingen of suggesties voor Veilig Thuis? Noem geen namen van patiënten."
            instruction: "Typ geen namen, adressen of telefoonnummers over; vat samen in eigen woorden."
            aliases: ["Opmerking", "Suggesties"]

        score:
          grade: cijfer
          aspects: [bereikbaarheid, advies, deskundigheid, beoordeling_meldingen, terugkoppeling, inzet_vervolgdiensten, tevreden_voorlichting, primaire_veiligheid, gefaseerde_ketenzorg]
          topics: [voorlichting_gehad, bespreekbaar]

        """#),
    Catalog.Source(
      path: "Questionnaires/ketenpartners-politie.yaml",
      text: #"""
        # Tevredenheid van de politie over de samenwerking met Veilig Thuis (PI 6).
        # Onderwerpen: Bijlage 1 van de prestatie-indicatoren VT NHN (zie shared/seeds/000), toegespitst op de route
        # politiemelding / zorgmelding -> Veilig Thuis en op het tijdelijk huisverbod.
        id: ketenpartners-politie
        version: 2
        audience: ketenpartners
        group: politie
        group_label: Politie
        title: "Hoe tevreden bent u over de samenwerking met Veilig Thuis? (politie)"
        intro: |
          U werkt bij de politie en heeft te maken met Veilig Thuis, bijvoorbeeld via zorgmeldingen over
          huiselijk geweld en kindermishandeling of bij een tijdelijk huisverbod. Wij vragen naar uw ervaringen
          van het afgelopen jaar. Het invullen duurt ongeveer 5 minuten. Uw antwoorden worden anoniem verwerkt.
          Noem in uw antwoorden geen namen van betrokkenen.

        missing_codes:
          - { code: weet_niet, label: Weet ik niet }
          - { code: nvt, label: Niet van toepassing }
          - { code: weigert, label: Wil ik niet zeggen }

        scales:
          - id: tevreden5
            points:
              - { value: 1, label: Heel ontevreden }
              - { value: 2, label: Ontevreden }
              - { value: 3, label: Niet tevreden en niet ontevreden }
              - { value: 4, label: Tevreden }
              - { value: 5, label: Heel tevreden }
            missing: [weet_niet, nvt, weigert]
          - id: eens5
            points:
              - { value: 1, label: Helemaal niet mee eens }
              - { value: 2, label: Niet mee eens }
              - { value: 3, label: Niet mee eens en niet mee oneens }
              - { value: 4, label: Mee eens }
              - { value: 5, label: Helemaal mee eens }
            missing: [weet_niet, nvt, weigert]

        questions:
          - id: toestemming
            type: consent
            text: "Wilt u meewerken aan deze vragenlijst over de samenwerking met Veilig Thuis?"
            aliases: ["Toestemming", "Ik wil meewerken aan dit onderzoek"]

          - id: functie
            type: single_choice
            text: "Wat is uw functie?"
            choices:
              - { code: wijkagent, label: "Wijkagent" }
              - { code: zedenrecherche, label: "Zedenrechercheur" }
              - { code: coordinator_hg, label: "Coördinator huiselijk geweld / kindermishandeling" }
              - { code: leidinggevende, label: "Leidinggevende" }
              - { code: anders, label: "Anders" }
            aliases: ["Functie", "Uw functie"]

          - id: melding_gedaan
            type: yes_no
            text: "Heeft u het afgelopen jaar zelf een zorgmelding of politiemelding opgemaakt die naar Veilig Thuis is gegaan?"
            aliases: ["Melding gedaan", "Zorgmelding gedaan"]

          - id: beoordeling_meldingen
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over hoe Veilig Thuis de zorgmeldingen van de politie beoordeelt (veiligheidsbeoordeling en besluit over het vervolg)?"
            show_if: { item: melding_gedaan, equals: ja }
            aliases: ["Beoordeling meldingen"]

          - id: terugkoppeling
            type: scale
            scale: eens5
            text: "Veilig Thuis koppelt voldoende aan de politie terug wat er met een zorgmelding is gedaan."
            show_if: { item: melding_gedaan, equals: ja }
            aliases: ["Terugkoppeling", "Terugkoppeling na zorgmelding"]

          - id: inzet_vervolgdiensten
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over de vervolgdiensten die Veilig Thuis na een zorgmelding inzet (Voorwaarden en Vervolg, of onderzoek)?"
            show_if: { item: melding_gedaan, equals: ja }
            aliases: ["Inzet vervolgdiensten"]

          - id: bereikbaarheid
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over de bereikbaarheid van Veilig Thuis, ook 's avonds en in het weekend?"
            aliases: ["Bereikbaarheid"]

          - id: advies
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over de adviezen die Veilig Thuis geeft, bijvoorbeeld bij een incident of in het casusoverleg?"
            aliases: ["Advies"]

          - id: deskundigheid
            type: scale
            scale: eens5
            text: "Veilig Thuis deelt zijn deskundigheid over huiselijk geweld en kindermishandeling zo, dat ik er in mijn werk iets aan heb."
            aliases: ["Deskundigheid", "Delen van deskundigheid"]

          - id: huisverbod
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over de samenwerking met Veilig Thuis bij een tijdelijk huisverbod?"
            aliases: ["Samenwerking huisverbod", "Tijdelijk huisverbod"]

          - id: voorlichting_gehad
            type: yes_no
            text: "Heeft u het afgelopen jaar een voorlichting of training van Veilig Thuis gevolgd?"
            aliases: ["Voorlichting gehad"]

          - id: tevreden_voorlichting
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over die voorlichting of training?"
            show_if: { item: voorlichting_gehad, equals: ja }
            aliases: ["Tevredenheid voorlichting"]

          - id: primaire_veiligheid
            type: scale
            scale: eens5
            text: "Veilig Thuis richt zich voldoende op de primaire veiligheid (het stoppen van het geweld en het herstellen van directe veiligheid)."
            aliases: ["Primaire veiligheid"]

          - id: gefaseerde_ketenzorg
            type: scale
            scale: eens5
            text: "Veilig Thuis werkt voldoende volgens de landelijke visie 'gefaseerde ketenzorg' (eerst directe veiligheid, dan stabiele veiligheid en herstel, met heldere afspraken over wie wat doet)."
            aliases: ["Gefaseerde ketenzorg"]

          - id: cijfer
            type: grade
            text: "Welk rapportcijfer geeft u de samenwerking met Veilig Thuis? (1 = zeer slecht, 10 = uitstekend)"
            aliases: ["Rapportcijfer", "Cijfer"]

          - id: opmerking
            type: text
            required: false
            text: "Heeft u nog opmerkingen of suggesties voor Veilig Thuis? Noem geen namen van betrokkenen."
            instruction: "Typ geen namen, adressen of telefoonnummers over; vat samen in eigen woorden."
            aliases: ["Opmerking", "Suggesties"]

        score:
          grade: cijfer
          aspects: [bereikbaarheid, advies, deskundigheid, beoordeling_meldingen, terugkoppeling, inzet_vervolgdiensten, huisverbod, tevreden_voorlichting, primaire_veiligheid, gefaseerde_ketenzorg]
          topics: [voorlichting_gehad]

        """#),
    Catalog.Source(
      path: "Questionnaires/ketenpartners-rvdk.yaml",
      text: #"""
        # Tevredenheid van de Raad voor de Kinderbescherming (RvdK) over de samenwerking met Veilig Thuis (PI 6).
        # Onderwerpen: Bijlage 1 van de prestatie-indicatoren VT NHN (zie shared/seeds/000), toegespitst op verzoeken tot
        # onderzoek van Veilig Thuis aan de Raad. In plaats van 'melding_gedaan' vraagt deze lijst 'verzoek_ontvangen'.
        id: ketenpartners-rvdk
        version: 2
        audience: ketenpartners
        group: rvdk
        group_label: Raad voor de Kinderbescherming
        title: "Hoe tevreden bent u over de samenwerking met Veilig Thuis? (Raad voor de Kinderbescherming)"
        intro: |
          U werkt bij de Raad voor de Kinderbescherming en werkt samen met Veilig Thuis, bijvoorbeeld bij
          verzoeken tot onderzoek, in het casusoverleg of bij consultatie. Wij vragen naar uw ervaringen van
          het afgelopen jaar. Het invullen duurt ongeveer 5 minuten. Uw antwoorden worden anoniem verwerkt.
          Noem in uw antwoorden geen namen van cliënten.

        missing_codes:
          - { code: weet_niet, label: Weet ik niet }
          - { code: nvt, label: Niet van toepassing }
          - { code: weigert, label: Wil ik niet zeggen }

        scales:
          - id: tevreden5
            points:
              - { value: 1, label: Heel ontevreden }
              - { value: 2, label: Ontevreden }
              - { value: 3, label: Niet tevreden en niet ontevreden }
              - { value: 4, label: Tevreden }
              - { value: 5, label: Heel tevreden }
            missing: [weet_niet, nvt, weigert]
          - id: eens5
            points:
              - { value: 1, label: Helemaal niet mee eens }
              - { value: 2, label: Niet mee eens }
              - { value: 3, label: Niet mee eens en niet mee oneens }
              - { value: 4, label: Mee eens }
              - { value: 5, label: Helemaal mee eens }
            missing: [weet_niet, nvt, weigert]

        questions:
          - id: toestemming
            type: consent
            text: "Wilt u meewerken aan deze vragenlijst over de samenwerking met Veilig Thuis?"
            aliases: ["Toestemming", "Ik wil meewerken aan dit onderzoek"]

          - id: functie
            type: single_choice
            text: "Wat is uw functie?"
            choices:
              - { code: raadsonderzoeker, label: "Raadsonderzoeker" }
              - { code: gedragsdeskundige, label: "Gedragsdeskundige" }
              - { code: teamleider, label: "Teamleider" }
              - { code: anders, label: "Anders" }
            aliases: ["Functie", "Uw functie"]

          - id: verzoek_ontvangen
            type: yes_no
            text: "Heeft u het afgelopen jaar gewerkt aan een verzoek tot onderzoek dat Veilig Thuis bij de Raad heeft ingediend?"
            aliases: ["Verzoek tot onderzoek ontvangen"]

          - id: kwaliteit_verzoek
            type: scale
            scale: eens5
            text: "De verzoeken tot onderzoek van Veilig Thuis zijn goed onderbouwd (zorgen, feiten en veiligheidsrisico's zijn duidelijk beschreven)."
            show_if: { item: verzoek_ontvangen, equals: ja }
            aliases: ["Onderbouwing verzoek", "Kwaliteit verzoek tot onderzoek"]

          - id: beoordeling_meldingen
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over hoe Veilig Thuis meldingen beoordeelt en bepaalt wanneer een verzoek tot onderzoek bij de Raad nodig is?"
            show_if: { item: verzoek_ontvangen, equals: ja }
            aliases: ["Beoordeling meldingen"]

          - id: bereikbaarheid
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over de bereikbaarheid van Veilig Thuis?"
            aliases: ["Bereikbaarheid"]

          - id: advies
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over de adviezen en consultaties van Veilig Thuis, bijvoorbeeld in het casusoverleg?"
            aliases: ["Advies", "Consultatie"]

          - id: deskundigheid
            type: scale
            scale: eens5
            text: "Veilig Thuis deelt zijn deskundigheid over huiselijk geweld en kindermishandeling zo, dat ik er in mijn werk iets aan heb."
            aliases: ["Deskundigheid", "Delen van deskundigheid"]

          - id: inzet_vervolgdiensten
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over hoe Veilig Thuis eigen vervolgdiensten (Voorwaarden en Vervolg, of onderzoek) inzet voordat de Raad erbij komt?"
            aliases: ["Inzet vervolgdiensten"]

          - id: afspraken
            type: scale
            scale: eens5
            text: "Veilig Thuis komt de samenwerkingsafspraken met de Raad na, bijvoorbeeld over termijnen en overdracht."
            aliases: ["Afspraken nagekomen", "Samenwerkingsafspraken"]

          - id: voorlichting_gehad
            type: yes_no
            text: "Heeft u het afgelopen jaar een voorlichting, training of themabijeenkomst van Veilig Thuis gevolgd?"
            aliases: ["Voorlichting gehad"]

          - id: tevreden_voorlichting
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over die voorlichting, training of themabijeenkomst?"
            show_if: { item: voorlichting_gehad, equals: ja }
            aliases: ["Tevredenheid voorlichting"]

          - id: primaire_veiligheid
            type: scale
            scale: eens5
            text: "Veilig Thuis richt zich voldoende op de primaire veiligheid (het stoppen van het geweld en het herstellen van directe veiligheid)."
            aliases: ["Primaire veiligheid"]

          - id: gefaseerde_ketenzorg
            type: scale
            scale: eens5
            text: "Veilig Thuis werkt voldoende volgens de landelijke visie 'gefaseerde ketenzorg' (eerst directe veiligheid, dan stabiele veiligheid en herstel, met heldere afspraken over wie wat doet)."
            aliases: ["Gefaseerde ketenzorg"]

          - id: cijfer
            type: grade
            text: "Welk rapportcijfer geeft u de samenwerking met Veilig Thuis? (1 = zeer slecht, 10 = uitstekend)"
            aliases: ["Rapportcijfer", "Cijfer"]

          - id: opmerking
            type: text
            required: false
            text: "Heeft u nog opmerkingen of suggesties voor Veilig Thuis? Noem geen namen van cliënten."
            instruction: "Typ geen namen, adressen of telefoonnummers over; vat samen in eigen woorden."
            aliases: ["Opmerking", "Suggesties"]

        score:
          grade: cijfer
          aspects: [bereikbaarheid, advies, deskundigheid, kwaliteit_verzoek, beoordeling_meldingen, inzet_vervolgdiensten, afspraken, tevreden_voorlichting, primaire_veiligheid, gefaseerde_ketenzorg]
          topics: [voorlichting_gehad]

        """#),
    Catalog.Source(
      path: "Questionnaires/ketenpartners-scholen.yaml",
      text: #"""
        # Tevredenheid van scholen over de samenwerking met Veilig Thuis (PI 6).
        # Onderwerpen: Bijlage 1 van de prestatie-indicatoren VT NHN (zie shared/seeds/000), toegespitst op de meldcode
        # en de rol van de aandachtsfunctionaris.
        # 'bespreekbaar' gaat over de eigen school, niet over Veilig Thuis: daarom geen aspectscore.
        id: ketenpartners-scholen
        version: 2
        audience: ketenpartners
        group: scholen
        group_label: Scholen
        title: "Hoe tevreden bent u over de samenwerking met Veilig Thuis? (scholen)"
        intro: |
          U werkt in het onderwijs en heeft te maken met Veilig Thuis, bijvoorbeeld als u of de
          aandachtsfunctionaris advies vraagt bij de meldcode of een melding doet. Wij vragen naar uw
          ervaringen van het afgelopen jaar. Het invullen duurt ongeveer 5 minuten. Uw antwoorden worden
          anoniem verwerkt. Noem in uw antwoorden geen namen van leerlingen of ouders.

        missing_codes:
          - { code: weet_niet, label: Weet ik niet }
          - { code: nvt, label: Niet van toepassing }
          - { code: weigert, label: Wil ik niet zeggen }

        scales:
          - id: tevreden5
            points:
              - { value: 1, label: Heel ontevreden }
              - { value: 2, label: Ontevreden }
              - { value: 3, label: Niet tevreden en niet ontevreden }
              - { value: 4, label: Tevreden }
              - { value: 5, label: Heel tevreden }
            missing: [weet_niet, nvt, weigert]
          - id: eens5
            points:
              - { value: 1, label: Helemaal niet mee eens }
              - { value: 2, label: Niet mee eens }
              - { value: 3, label: Niet mee eens en niet mee oneens }
              - { value: 4, label: Mee eens }
              - { value: 5, label: Helemaal mee eens }
            missing: [weet_niet, nvt, weigert]

        questions:
          - id: toestemming
            type: consent
            text: "Wilt u meewerken aan deze vragenlijst over de samenwerking met Veilig Thuis?"
            aliases: ["Toestemming", "Ik wil meewerken aan dit onderzoek"]

          - id: functie
            type: single_choice
            text: "Wat is uw functie?"
            choices:
              - { code: leerkracht, label: "Leerkracht of docent" }
              - { code: intern_begeleider, label: "Intern begeleider of zorgcoördinator" }
              - { code: aandachtsfunctionaris, label: "Aandachtsfunctionaris huiselijk geweld en kindermishandeling" }
              - { code: directie, label: "Directie of schoolleiding" }
              - { code: anders, label: "Anders" }
            aliases: ["Functie", "Uw functie"]

          - id: melding_gedaan
            type: yes_no
            text: "Heeft u het afgelopen jaar zelf een melding gedaan bij Veilig Thuis?"
            aliases: ["Melding gedaan"]

          - id: beoordeling_meldingen
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over hoe Veilig Thuis uw melding(en) heeft beoordeeld?"
            show_if: { item: melding_gedaan, equals: ja }
            aliases: ["Beoordeling meldingen"]

          - id: terugkoppeling
            type: scale
            scale: eens5
            text: "Veilig Thuis heeft de school op tijd laten weten wat er met de melding is gedaan, zodat wij de leerling goed kunnen volgen."
            show_if: { item: melding_gedaan, equals: ja }
            aliases: ["Terugkoppeling", "Terugkoppeling aan school"]

          - id: inzet_vervolgdiensten
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over de vervolgdiensten die Veilig Thuis na de melding heeft ingezet (Voorwaarden en Vervolg, of onderzoek)?"
            show_if: { item: melding_gedaan, equals: ja }
            aliases: ["Inzet vervolgdiensten"]

          - id: bereikbaarheid
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over de bereikbaarheid van Veilig Thuis?"
            aliases: ["Bereikbaarheid"]

          - id: advies
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over het advies van Veilig Thuis aan u of de aandachtsfunctionaris bij het doorlopen van de meldcode?"
            aliases: ["Advies", "Advies bij de meldcode"]

          - id: deskundigheid
            type: scale
            scale: eens5
            text: "Veilig Thuis deelt zijn deskundigheid over huiselijk geweld en kindermishandeling zo, dat onze school er iets aan heeft."
            aliases: ["Deskundigheid", "Delen van deskundigheid"]

          - id: voorlichting_gehad
            type: yes_no
            text: "Heeft u of uw team het afgelopen jaar een voorlichting of training van Veilig Thuis gehad?"
            aliases: ["Voorlichting gehad"]

          - id: tevreden_voorlichting
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over die voorlichting of training?"
            show_if: { item: voorlichting_gehad, equals: ja }
            aliases: ["Tevredenheid voorlichting"]

          - id: primaire_veiligheid
            type: scale
            scale: eens5
            text: "Veilig Thuis richt zich voldoende op de primaire veiligheid van het kind (het stoppen van het geweld en het herstellen van directe veiligheid)."
            aliases: ["Primaire veiligheid"]

          - id: gefaseerde_ketenzorg
            type: scale
            scale: eens5
            text: "Veilig Thuis werkt voldoende volgens de landelijke visie 'gefaseerde ketenzorg' (eerst directe veiligheid, dan stabiele veiligheid en herstel, met heldere afspraken over wie wat doet)."
            aliases: ["Gefaseerde ketenzorg"]

          - id: bespreekbaar
            type: scale
            scale: eens5
            text: "Het lukt onze school om huiselijk geweld en kindermishandeling met leerlingen en ouders voldoende bespreekbaar te maken."
            aliases: ["Bespreekbaar maken"]

          - id: cijfer
            type: grade
            text: "Welk rapportcijfer geeft u de samenwerking met Veilig Thuis? (1 = zeer slecht, 10 = uitstekend)"
            aliases: ["Rapportcijfer", "Cijfer"]

          - id: opmerking
            type: text
            required: false
            text: "Heeft u nog opmerkingen of suggesties voor Veilig Thuis? Noem geen namen van leerlingen of ouders."
            instruction: "Typ geen namen, adressen of telefoonnummers over; vat samen in eigen woorden."
            aliases: ["Opmerking", "Suggesties"]

        score:
          grade: cijfer
          aspects: [bereikbaarheid, advies, deskundigheid, beoordeling_meldingen, terugkoppeling, inzet_vervolgdiensten, tevreden_voorlichting, primaire_veiligheid, gefaseerde_ketenzorg]
          topics: [voorlichting_gehad, bespreekbaar]

        """#),
    Catalog.Source(
      path: "Questionnaires/ketenpartners-sociale-teams.yaml",
      text: #"""
        # Tevredenheid van sociale (wijk)teams over de samenwerking met Veilig Thuis (PI 6).
        # Onderwerpen: Bijlage 1 van de prestatie-indicatoren VT NHN (zie shared/seeds/000): deskundigheid, voorlichting,
        # advies, beoordelen van meldingen, inzet vervolgdiensten, primaire veiligheid, gefaseerde ketenzorg, bespreekbaar maken.
        # 'bespreekbaar' gaat over het eigen team, niet over Veilig Thuis: daarom geen aspectscore.
        id: ketenpartners-sociale-teams
        version: 2
        audience: ketenpartners
        group: sociale-teams
        group_label: Sociale (wijk)teams
        title: "Hoe tevreden bent u over de samenwerking met Veilig Thuis? (sociale teams)"
        intro: |
          U werkt in een sociaal (wijk)team of lokaal team en werkt samen met Veilig Thuis, bijvoorbeeld bij
          meldingen, consultaties en overdrachten. Wij vragen naar uw ervaringen van het afgelopen jaar.
          Het invullen duurt ongeveer 5 minuten. Uw antwoorden worden anoniem verwerkt.
          Noem in uw antwoorden geen namen van cliënten.

        missing_codes:
          - { code: weet_niet, label: Weet ik niet }
          - { code: nvt, label: Niet van toepassing }
          - { code: weigert, label: Wil ik niet zeggen }

        scales:
          - id: tevreden5
            points:
              - { value: 1, label: Heel ontevreden }
              - { value: 2, label: Ontevreden }
              - { value: 3, label: Niet tevreden en niet ontevreden }
              - { value: 4, label: Tevreden }
              - { value: 5, label: Heel tevreden }
            missing: [weet_niet, nvt, weigert]
          - id: eens5
            points:
              - { value: 1, label: Helemaal niet mee eens }
              - { value: 2, label: Niet mee eens }
              - { value: 3, label: Niet mee eens en niet mee oneens }
              - { value: 4, label: Mee eens }
              - { value: 5, label: Helemaal mee eens }
            missing: [weet_niet, nvt, weigert]

        questions:
          - id: toestemming
            type: consent
            text: "Wilt u meewerken aan deze vragenlijst over de samenwerking met Veilig Thuis?"
            aliases: ["Toestemming", "Ik wil meewerken aan dit onderzoek"]

          - id: functie
            type: single_choice
            text: "Wat is uw functie?"
            choices:
              - { code: wijkteammedewerker, label: "Medewerker sociaal (wijk)team" }
              - { code: jeugdconsulent, label: "Jeugdconsulent" }
              - { code: casusregisseur, label: "Casusregisseur" }
              - { code: teamleider, label: "Teamleider" }
              - { code: anders, label: "Anders" }
            aliases: ["Functie", "Uw functie"]

          - id: melding_gedaan
            type: yes_no
            text: "Heeft u het afgelopen jaar zelf een melding gedaan bij Veilig Thuis?"
            aliases: ["Melding gedaan"]

          - id: beoordeling_meldingen
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over hoe Veilig Thuis uw melding(en) heeft beoordeeld, inclusief de terugkoppeling aan u?"
            show_if: { item: melding_gedaan, equals: ja }
            aliases: ["Beoordeling meldingen"]

          - id: bereikbaarheid
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over de bereikbaarheid van Veilig Thuis (telefonisch en per mail)?"
            aliases: ["Bereikbaarheid"]

          - id: advies
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over de adviezen en consultaties die Veilig Thuis uw team geeft?"
            aliases: ["Advies", "Consultatie"]

          - id: deskundigheid
            type: scale
            scale: eens5
            text: "Veilig Thuis deelt zijn deskundigheid over huiselijk geweld en kindermishandeling zo, dat ons team er in het werk iets aan heeft."
            aliases: ["Deskundigheid", "Delen van deskundigheid"]

          - id: inzet_vervolgdiensten
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over de inzet van vervolgdiensten door Veilig Thuis (Voorwaarden en Vervolg, of onderzoek) en de overdracht daarna aan uw team?"
            aliases: ["Inzet vervolgdiensten"]

          - id: afspraken
            type: scale
            scale: eens5
            text: "Veilig Thuis komt de samenwerkingsafspraken met ons team na."
            aliases: ["Afspraken nagekomen", "Samenwerkingsafspraken"]

          - id: voorlichting_gehad
            type: yes_no
            text: "Heeft u het afgelopen jaar een voorlichting of training van Veilig Thuis gevolgd?"
            aliases: ["Voorlichting gehad"]

          - id: tevreden_voorlichting
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over die voorlichting of training?"
            show_if: { item: voorlichting_gehad, equals: ja }
            aliases: ["Tevredenheid voorlichting"]

          - id: primaire_veiligheid
            type: scale
            scale: eens5
            text: "Veilig Thuis richt zich voldoende op de primaire veiligheid (het stoppen van het geweld en het herstellen van directe veiligheid)."
            aliases: ["Primaire veiligheid"]

          - id: gefaseerde_ketenzorg
            type: scale
            scale: eens5
            text: "Veilig Thuis werkt in de samenwerking met ons team voldoende volgens de landelijke visie 'gefaseerde ketenzorg' (eerst directe veiligheid, dan stabiele veiligheid en herstel, met heldere afspraken over wie wat doet)."
            aliases: ["Gefaseerde ketenzorg"]

          - id: bespreekbaar
            type: scale
            scale: eens5
            text: "Het lukt ons team om huiselijk geweld en kindermishandeling met cliënten voldoende bespreekbaar te maken."
            aliases: ["Bespreekbaar maken"]

          - id: cijfer
            type: grade
            text: "Welk rapportcijfer geeft u de samenwerking met Veilig Thuis? (1 = zeer slecht, 10 = uitstekend)"
            aliases: ["Rapportcijfer", "Cijfer"]

          - id: opmerking
            type: text
            required: false
            text: "Heeft u nog opmerkingen of suggesties voor Veilig Thuis? Noem geen namen van cliënten."
            instruction: "Typ geen namen, adressen of telefoonnummers over; vat samen in eigen woorden."
            aliases: ["Opmerking", "Suggesties"]

        score:
          grade: cijfer
          aspects: [bereikbaarheid, advies, deskundigheid, beoordeling_meldingen, inzet_vervolgdiensten, afspraken, tevreden_voorlichting, primaire_veiligheid, gefaseerde_ketenzorg]
          topics: [voorlichting_gehad, bespreekbaar]

        """#),
    Catalog.Source(
      path: "Questionnaires/ketenpartners-ziekenhuizen.yaml",
      text: #"""
        # Tevredenheid van ziekenhuizen over de samenwerking met Veilig Thuis (PI 6).
        # Onderwerpen: Bijlage 1 van de prestatie-indicatoren VT NHN (zie shared/seeds/000), toegespitst op de
        # spoedeisende hulp (bereikbaarheid buiten kantoortijd) en forensisch medische expertise.
        # 'bespreekbaar' gaat over het eigen ziekenhuis, niet over Veilig Thuis: daarom geen aspectscore.
        id: ketenpartners-ziekenhuizen
        version: 2
        audience: ketenpartners
        group: ziekenhuizen
        group_label: Ziekenhuizen
        title: "Hoe tevreden bent u over de samenwerking met Veilig Thuis? (ziekenhuizen)"
        intro: |
          U werkt in een ziekenhuis en heeft te maken met Veilig Thuis, bijvoorbeeld vanaf de spoedeisende hulp,
          bij vermoedens van kindermishandeling of als u een melding doet. Wij vragen naar uw ervaringen van
          het afgelopen jaar. Het invullen duurt ongeveer 5 minuten. Uw antwoorden worden anoniem verwerkt.
          Noem in uw antwoorden geen namen van patiënten.

        missing_codes:
          - { code: weet_niet, label: Weet ik niet }
          - { code: nvt, label: Niet van toepassing }
          - { code: weigert, label: Wil ik niet zeggen }

        scales:
          - id: tevreden5
            points:
              - { value: 1, label: Heel ontevreden }
              - { value: 2, label: Ontevreden }
              - { value: 3, label: Niet tevreden en niet ontevreden }
              - { value: 4, label: Tevreden }
              - { value: 5, label: Heel tevreden }
            missing: [weet_niet, nvt, weigert]
          - id: eens5
            points:
              - { value: 1, label: Helemaal niet mee eens }
              - { value: 2, label: Niet mee eens }
              - { value: 3, label: Niet mee eens en niet mee oneens }
              - { value: 4, label: Mee eens }
              - { value: 5, label: Helemaal mee eens }
            missing: [weet_niet, nvt, weigert]

        questions:
          - id: toestemming
            type: consent
            text: "Wilt u meewerken aan deze vragenlijst over de samenwerking met Veilig Thuis?"
            aliases: ["Toestemming", "Ik wil meewerken aan dit onderzoek"]

          - id: functie
            type: single_choice
            text: "Wat is uw functie?"
            choices:
              - { code: arts, label: "Arts (bijvoorbeeld SEH-arts of kinderarts)" }
              - { code: verpleegkundige, label: "Verpleegkundige" }
              - { code: aandachtsfunctionaris, label: "Aandachtsfunctionaris huiselijk geweld en kindermishandeling" }
              - { code: maatschappelijk_werker, label: "Medisch maatschappelijk werker" }
              - { code: anders, label: "Anders" }
            aliases: ["Functie", "Uw functie"]

          - id: melding_gedaan
            type: yes_no
            text: "Heeft u het afgelopen jaar zelf een melding gedaan bij Veilig Thuis?"
            aliases: ["Melding gedaan"]

          - id: beoordeling_meldingen
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over hoe Veilig Thuis uw melding(en) heeft beoordeeld, inclusief de terugkoppeling aan u?"
            show_if: { item: melding_gedaan, equals: ja }
            aliases: ["Beoordeling meldingen"]

          - id: inzet_vervolgdiensten
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over de vervolgdiensten die Veilig Thuis na uw melding heeft ingezet (Voorwaarden en Vervolg, of onderzoek)?"
            show_if: { item: melding_gedaan, equals: ja }
            aliases: ["Inzet vervolgdiensten"]

          - id: bereikbaarheid
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over de bereikbaarheid van Veilig Thuis, ook 's avonds, 's nachts en in het weekend (bijvoorbeeld vanaf de spoedeisende hulp)?"
            aliases: ["Bereikbaarheid"]

          - id: advies
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over de adviezen van Veilig Thuis, bijvoorbeeld bij het doorlopen van de meldcode?"
            aliases: ["Advies", "Advies bij de meldcode"]

          - id: deskundigheid
            type: scale
            scale: eens5
            text: "Veilig Thuis deelt zijn deskundigheid over huiselijk geweld en kindermishandeling zo, dat ik er in mijn werk iets aan heb."
            aliases: ["Deskundigheid", "Delen van deskundigheid"]

          - id: forensische_expertise
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over de samenwerking met Veilig Thuis wanneer forensisch medische expertise nodig is (bijvoorbeeld letselduiding door een forensisch arts)?"
            aliases: ["Forensisch medische expertise"]

          - id: voorlichting_gehad
            type: yes_no
            text: "Heeft u het afgelopen jaar een voorlichting of scholing van Veilig Thuis gevolgd?"
            aliases: ["Voorlichting gehad"]

          - id: tevreden_voorlichting
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over die voorlichting of scholing?"
            show_if: { item: voorlichting_gehad, equals: ja }
            aliases: ["Tevredenheid voorlichting"]

          - id: primaire_veiligheid
            type: scale
            scale: eens5
            text: "Veilig Thuis richt zich voldoende op de primaire veiligheid (het stoppen van het geweld en het herstellen van directe veiligheid)."
            aliases: ["Primaire veiligheid"]

          - id: gefaseerde_ketenzorg
            type: scale
            scale: eens5
            text: "Veilig Thuis werkt voldoende volgens de landelijke visie 'gefaseerde ketenzorg' (eerst directe veiligheid, dan stabiele veiligheid en herstel, met heldere afspraken over wie wat doet)."
            aliases: ["Gefaseerde ketenzorg"]

          - id: bespreekbaar
            type: scale
            scale: eens5
            text: "Het lukt ons in het ziekenhuis om huiselijk geweld en kindermishandeling met patiënten en hun naasten voldoende bespreekbaar te maken."
            aliases: ["Bespreekbaar maken"]

          - id: cijfer
            type: grade
            text: "Welk rapportcijfer geeft u de samenwerking met Veilig Thuis? (1 = zeer slecht, 10 = uitstekend)"
            aliases: ["Rapportcijfer", "Cijfer"]

          - id: opmerking
            type: text
            required: false
            text: "Heeft u nog opmerkingen of suggesties voor Veilig Thuis? Noem geen namen van patiënten."
            instruction: "Typ geen namen, adressen of telefoonnummers over; vat samen in eigen woorden."
            aliases: ["Opmerking", "Suggesties"]

        score:
          grade: cijfer
          aspects: [bereikbaarheid, advies, deskundigheid, beoordeling_meldingen, inzet_vervolgdiensten, forensische_expertise, tevreden_voorlichting, primaire_veiligheid, gefaseerde_ketenzorg]
          topics: [voorlichting_gehad, bespreekbaar]

        """#),
    Catalog.Source(
      path: "Questionnaires/versions/inwoners-adviesaanvraag.v2.yaml",
      text: #"""
        # Tevredenheid van inwoners die Veilig Thuis om advies vroegen (adviesaanvraag).
        # Onderwerpen: Bijlage 1 van de prestatie-indicatoren VT NHN en de VNG-handreiking (zie shared/seeds).
        id: inwoners-adviesaanvraag
        version: 2
        audience: inwoners
        group: adviesaanvraag
        group_label: Adviesaanvraag
        title: "Wat vond u van Veilig Thuis? (advies)"
        intro: |
          U heeft Veilig Thuis om advies gevraagd. Dat kan over uzelf zijn, of over iemand anders.
          Wij willen graag weten wat u van Veilig Thuis vond. Zo kan Veilig Thuis beter worden.
          Het duurt ongeveer 5 minuten. Meedoen mag, het hoeft niet.
          Wij vragen niet naar uw naam, en uw naam wordt niet bij uw antwoorden bewaard.
          Wat u zegt heeft geen invloed op uw dossier of op de hulp die u krijgt.

        missing_codes:
          - { code: weet_niet, label: Weet ik niet }
          - { code: nvt, label: Niet van toepassing }
          - { code: weigert, label: Wil ik niet zeggen }

        scales:
          - id: tevreden5
            points:
              - { value: 1, label: Heel ontevreden }
              - { value: 2, label: Ontevreden }
              - { value: 3, label: Niet tevreden en niet ontevreden }
              - { value: 4, label: Tevreden }
              - { value: 5, label: Heel tevreden }
            missing: [weet_niet, nvt, weigert]
          - id: eens5
            points:
              - { value: 1, label: Helemaal niet mee eens }
              - { value: 2, label: Niet mee eens }
              - { value: 3, label: Niet mee eens en niet mee oneens }
              - { value: 4, label: Mee eens }
              - { value: 5, label: Helemaal mee eens }
            missing: [weet_niet, nvt, weigert]

        questions:
          - id: toestemming
            type: consent
            text: "Wilt u meedoen aan deze korte vragenlijst over Veilig Thuis?"
            aliases: ["Toestemming", "Ik wil meedoen aan dit onderzoek"]

          - id: rol
            type: single_choice
            text: "Waar ging uw vraag aan Veilig Thuis over?"
            instruction: "Lees de antwoorden voor. Twijfelt de persoon, kies dan Iemand anders."
            choices:
              - { code: betrokkene, label: "Over mijn eigen situatie" }
              - { code: ouder, label: "Over mijn kind, of een kind waar ik voor zorg" }
              - { code: pleger, label: "Het ging over iets wat ik (volgens anderen) gedaan heb" }
              - { code: melder, label: "Over iemand anders, bijvoorbeeld iemand uit mijn familie, een buur of een vriend" }
              - { code: anders, label: "Iets anders" }
            aliases: ["Rol", "Waar ging uw vraag over?"]

          - id: contact_via
            type: multiple_choice
            text: "Hoe had u contact met Veilig Thuis? U mag meer dan één antwoord kiezen."
            choices:
              - { code: telefoon, label: "Telefoon" }
              - { code: chat, label: "Chat" }
              - { code: mail, label: "E-mail" }
              - { code: gesprek, label: "Een gesprek met een medewerker" }
            aliases: ["Contact via", "Manier van contact"]

          - id: kinderen
            type: yes_no
            text: "Waren er kinderen bij betrokken?"
            aliases: ["Kinderen betrokken"]

          - id: bereikbaarheid
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over hoe makkelijk u Veilig Thuis kon bereiken?"
            aliases: ["Bereikbaarheid"]

          - id: bejegening
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over hoe de medewerker van Veilig Thuis met u omging?"
            aliases: ["Bejegening"]

          - id: geduld
            type: scale
            scale: eens5
            text: "De medewerker luisterde goed naar mij en nam genoeg tijd voor mij."
            aliases: ["Empathie en geduld"]

          - id: duidelijk_rol_vt
            type: scale
            scale: eens5
            text: "Ik wist wat Veilig Thuis doet en wat ik van Veilig Thuis kon verwachten."
            aliases: ["Rol en taken van Veilig Thuis"]

          - id: duidelijk_advies
            type: scale
            scale: eens5
            text: "Het advies van Veilig Thuis was duidelijk."
            aliases: ["Duidelijkheid van het advies", "Duidelijk advies"]

          - id: deskundigheid
            type: scale
            scale: eens5
            text: "Het advies van Veilig Thuis heeft mij geholpen."
            aliases: ["Expertise helpend", "Advies helpend"]

          - id: afspraken
            type: scale
            scale: eens5
            text: "Veilig Thuis deed wat met mij was afgesproken. Bijvoorbeeld: mij op tijd terugbellen."
            aliases: ["Afspraken nagekomen"]

          - id: duidelijk_vervolg
            type: scale
            scale: eens5
            text: "Na het contact wist ik wat ik nu zelf kon doen."
            aliases: ["Duidelijkheid over het vervolg"]

          - id: kinderen_aandacht
            type: scale
            scale: eens5
            text: "Veilig Thuis had in het advies genoeg aandacht voor de kinderen."
            show_if: { item: kinderen, equals: ja }
            aliases: ["Aandacht voor kinderen"]

          - id: kinderen_hulp
            type: yes_no
            text: "Heeft Veilig Thuis verteld waar de kinderen hulp kunnen krijgen?"
            show_if: { item: kinderen, equals: ja }
            aliases: ["Hulp voor kinderen besproken"]

          - id: cijfer
            type: grade
            text: "Welk rapportcijfer geeft u Veilig Thuis? Een 1 is heel slecht, een 10 is heel goed."
            aliases: ["Rapportcijfer", "Cijfer"]

          - id: opmerking
            type: text
            required: false
            text: "Wilt u nog iets zeggen over Veilig Thuis? Noem geen namen."
            instruction: "Typ geen namen, adressen of telefoonnummers over; vat samen in eigen woorden."
            aliases: ["Opmerking", "Toelichting"]

        score:
          grade: cijfer
          aspects: [bereikbaarheid, bejegening, geduld, duidelijk_rol_vt, duidelijk_advies, deskundigheid, afspraken, duidelijk_vervolg]
          topics: [kinderen_aandacht, kinderen_hulp]

        """#),
    Catalog.Source(
      path: "Questionnaires/versions/inwoners-melding.v2.yaml",
      text: #"""
        # Tevredenheid van inwoners over wie (of door wie) een melding bij Veilig Thuis is gedaan.
        # Onderwerpen: Bijlage 1 van de prestatie-indicatoren VT NHN en de VNG-handreiking (zie shared/seeds).
        id: inwoners-melding
        version: 2
        audience: inwoners
        group: melding
        group_label: Melding
        title: "Wat vond u van Veilig Thuis? (melding)"
        intro: |
          Er is bij Veilig Thuis een melding gedaan. Dat kan door u zijn, of over u of uw gezin.
          Wij willen graag weten wat u van Veilig Thuis vond. Zo kan Veilig Thuis beter worden.
          Het duurt ongeveer 10 minuten. Meedoen mag, het hoeft niet.
          Wij vragen niet naar uw naam, en uw naam wordt niet bij uw antwoorden bewaard.
          Wat u zegt heeft geen invloed op uw dossier of op de hulp die u krijgt.

        missing_codes:
          - { code: weet_niet, label: Weet ik niet }
          - { code: nvt, label: Niet van toepassing }
          - { code: weigert, label: Wil ik niet zeggen }

        scales:
          - id: tevreden5
            points:
              - { value: 1, label: Heel ontevreden }
              - { value: 2, label: Ontevreden }
              - { value: 3, label: Niet tevreden en niet ontevreden }
              - { value: 4, label: Tevreden }
              - { value: 5, label: Heel tevreden }
            missing: [weet_niet, nvt, weigert]
          - id: eens5
            points:
              - { value: 1, label: Helemaal niet mee eens }
              - { value: 2, label: Niet mee eens }
              - { value: 3, label: Niet mee eens en niet mee oneens }
              - { value: 4, label: Mee eens }
              - { value: 5, label: Helemaal mee eens }
            missing: [weet_niet, nvt, weigert]

        questions:
          - id: toestemming
            type: consent
            text: "Wilt u meedoen aan dit korte gesprek over Veilig Thuis?"
            aliases: ["Toestemming", "Ik wil meedoen aan dit onderzoek"]

          - id: rol
            type: single_choice
            text: "Wie bent u in deze situatie?"
            instruction: "Lees de antwoorden voor. Twijfelt de persoon, kies dan Iemand anders."
            choices:
              - { code: betrokkene, label: "De melding ging over mij" }
              - { code: ouder, label: "Ik ben ouder of verzorger van een kind waar de melding over ging" }
              - { code: pleger, label: "De melding ging over iets wat ik (volgens de melder) gedaan heb" }
              - { code: melder, label: "Ik heb de melding gedaan" }
              - { code: anders, label: "Iemand anders" }
            aliases: ["Rol", "Wat was uw rol?"]

          - id: kinderen
            type: yes_no
            text: "Waren er kinderen bij de situatie betrokken?"
            aliases: ["Kinderen betrokken"]

          - id: bereikbaarheid
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over hoe makkelijk u Veilig Thuis kon bereiken?"
            aliases: ["Bereikbaarheid"]

          - id: bejegening
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over hoe de medewerker van Veilig Thuis met u omging?"
            aliases: ["Bejegening"]

          - id: geduld
            type: scale
            scale: eens5
            text: "De medewerker luisterde goed naar mij en nam genoeg tijd voor mij."
            aliases: ["Empathie en geduld"]

          - id: duidelijk_melding
            type: scale
            scale: eens5
            text: "Het was mij duidelijk dat er een melding over mij of mijn gezin was gedaan, en wat dat voor mij betekende."
            show_if: { item: rol, in: [betrokkene, ouder, pleger, anders] }
            aliases: ["Duidelijkheid over de melding"]

          - id: terugkoppeling
            type: yes_no
            text: "Heeft Veilig Thuis u verteld wat er met uw melding is gedaan?"
            show_if: { item: rol, equals: melder }
            aliases: ["Terugkoppeling aan melder"]

          - id: duidelijk_rol_vt
            type: scale
            scale: eens5
            text: "Ik wist wat Veilig Thuis doet en wat ik van Veilig Thuis kon verwachten."
            aliases: ["Rol en taken van Veilig Thuis"]

          - id: duidelijk_vervolg
            type: scale
            scale: eens5
            text: "Het was mij duidelijk wat er na de melding ging gebeuren."
            aliases: ["Duidelijkheid over het vervolg"]

          - id: afspraken
            type: scale
            scale: eens5
            text: "Veilig Thuis deed wat met mij was afgesproken."
            aliases: ["Afspraken nagekomen"]

          - id: deskundigheid
            type: scale
            scale: eens5
            text: "De kennis van Veilig Thuis heeft mij of mijn gezin geholpen."
            aliases: ["Expertise helpend"]

          - id: kinderen_gesproken
            type: scale
            scale: eens5
            text: "Veilig Thuis heeft genoeg met de kinderen gesproken."
            show_if: { item: kinderen, equals: ja }
            aliases: ["Kinderen voldoende gesproken"]

          - id: kinderen_hulp
            type: yes_no
            text: "Heeft Veilig Thuis hulp voor de kinderen aangeboden?"
            show_if: { item: kinderen, equals: ja }
            aliases: ["Hulp voor kinderen aangeboden"]

          - id: cijfer
            type: grade
            text: "Welk rapportcijfer geeft u Veilig Thuis? Een 1 is heel slecht, een 10 is heel goed."
            aliases: ["Rapportcijfer", "Cijfer"]

          - id: opmerking
            type: text
            required: false
            text: "Wilt u nog iets zeggen over Veilig Thuis? Noem geen namen."
            instruction: "Typ geen namen, adressen of telefoonnummers over; vat samen in eigen woorden."
            aliases: ["Opmerking", "Toelichting"]

        score:
          grade: cijfer
          aspects: [bereikbaarheid, bejegening, geduld, duidelijk_rol_vt, duidelijk_vervolg, afspraken, deskundigheid]
          topics: [duidelijk_melding, terugkoppeling, kinderen_gesproken, kinderen_hulp]

        """#),
    Catalog.Source(
      path: "Questionnaires/versions/inwoners-monitoring.v2.yaml",
      text: #"""
        # Tevredenheid van inwoners bij wie Veilig Thuis na de overdracht de veiligheid volgt (monitoring).
        # Onderwerpen: Bijlage 1 van de prestatie-indicatoren VT NHN en de VNG-handreiking (zie shared/seeds).
        # 'veiliger' is een uitkomst, geen oordeel over de dienst: daarom geen aspectscore.
        id: inwoners-monitoring
        version: 2
        audience: inwoners
        group: monitoring
        group_label: Monitoring
        title: "Wat vond u van Veilig Thuis? (monitoring)"
        intro: |
          Na een melding heeft Veilig Thuis later nog contact met u opgenomen.
          Veilig Thuis wilde weten of het thuis veilig is. Dat heet monitoring.
          Wij willen graag weten wat u van Veilig Thuis vond. Zo kan Veilig Thuis beter worden.
          Het duurt ongeveer 10 minuten. Meedoen mag, het hoeft niet.
          Wij vragen niet naar uw naam, en uw naam wordt niet bij uw antwoorden bewaard.
          Wat u zegt heeft geen invloed op uw dossier of op de hulp die u krijgt.

        missing_codes:
          - { code: weet_niet, label: Weet ik niet }
          - { code: nvt, label: Niet van toepassing }
          - { code: weigert, label: Wil ik niet zeggen }

        scales:
          - id: tevreden5
            points:
              - { value: 1, label: Heel ontevreden }
              - { value: 2, label: Ontevreden }
              - { value: 3, label: Niet tevreden en niet ontevreden }
              - { value: 4, label: Tevreden }
              - { value: 5, label: Heel tevreden }
            missing: [weet_niet, nvt, weigert]
          - id: eens5
            points:
              - { value: 1, label: Helemaal niet mee eens }
              - { value: 2, label: Niet mee eens }
              - { value: 3, label: Niet mee eens en niet mee oneens }
              - { value: 4, label: Mee eens }
              - { value: 5, label: Helemaal mee eens }
            missing: [weet_niet, nvt, weigert]

        questions:
          - id: toestemming
            type: consent
            text: "Wilt u meedoen aan dit korte gesprek over Veilig Thuis?"
            aliases: ["Toestemming", "Ik wil meedoen aan dit onderzoek"]

          - id: rol
            type: single_choice
            text: "Wie bent u in deze situatie?"
            instruction: "Lees de antwoorden voor. Twijfelt de persoon, kies dan Iemand anders."
            choices:
              - { code: betrokkene, label: "Het ging over mij" }
              - { code: ouder, label: "Ik ben ouder of verzorger van een kind waar het over ging" }
              - { code: pleger, label: "Het ging over iets wat ik (volgens anderen) gedaan heb" }
              - { code: melder, label: "Ik heb de melding gedaan" }
              - { code: anders, label: "Iemand anders" }
            aliases: ["Rol", "Wat was uw rol?"]

          - id: kinderen
            type: yes_no
            text: "Waren er kinderen bij betrokken?"
            aliases: ["Kinderen betrokken"]

          - id: bereikbaarheid
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over hoe makkelijk u Veilig Thuis kon bereiken?"
            aliases: ["Bereikbaarheid"]

          - id: bejegening
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over hoe de medewerker van Veilig Thuis met u omging?"
            aliases: ["Bejegening"]

          - id: geduld
            type: scale
            scale: eens5
            text: "De medewerker luisterde goed naar mij en nam genoeg tijd voor mij."
            aliases: ["Empathie en geduld"]

          - id: duidelijk_rol_vt
            type: scale
            scale: eens5
            text: "Ik wist waarom Veilig Thuis later nog contact met mij opnam."
            aliases: ["Rol en taken van Veilig Thuis", "Doel van de monitoring"]

          - id: deskundigheid
            type: scale
            scale: eens5
            text: "De kennis van Veilig Thuis heeft mij of mijn gezin geholpen."
            aliases: ["Expertise helpend"]

          - id: specialistische_hulp
            type: yes_no
            text: "Is er voor u of uw gezin speciale hulp gekomen? Bijvoorbeeld van een psycholoog of van jeugdhulp."
            aliases: ["Specialistische hulp ingezet"]

          - id: duur_betrokkenheid
            type: single_choice
            text: "Wat vindt u van hoe lang Veilig Thuis bij u betrokken was?"
            choices:
              - { code: te_kort, label: "Te kort" }
              - { code: precies_goed, label: "Precies goed" }
              - { code: te_lang, label: "Te lang" }
            aliases: ["Duur betrokkenheid", "Hoe lang betrokken"]

          - id: veiliger
            type: scale
            scale: eens5
            text: "Het is thuis nu veiliger dan toen Veilig Thuis erbij kwam."
            aliases: ["Nu veiliger", "Veiligheid thuis"]

          - id: duidelijk_vervolg
            type: scale
            scale: eens5
            text: "Ik weet wat er nu verder gaat gebeuren."
            aliases: ["Duidelijkheid over het vervolg"]

          - id: kinderen_aandacht
            type: scale
            scale: eens5
            text: "Veilig Thuis vroeg genoeg naar hoe het met de kinderen gaat."
            show_if: { item: kinderen, equals: ja }
            aliases: ["Aandacht voor kinderen"]

          - id: kinderen_hulp
            type: yes_no
            text: "Is er hulp voor de kinderen aangeboden?"
            show_if: { item: kinderen, equals: ja }
            aliases: ["Hulp voor kinderen aangeboden"]

          - id: cijfer
            type: grade
            text: "Welk rapportcijfer geeft u Veilig Thuis? Een 1 is heel slecht, een 10 is heel goed."
            aliases: ["Rapportcijfer", "Cijfer"]

          - id: opmerking
            type: text
            required: false
            text: "Wilt u nog iets zeggen over Veilig Thuis? Noem geen namen."
            instruction: "Typ geen namen, adressen of telefoonnummers over; vat samen in eigen woorden."
            aliases: ["Opmerking", "Toelichting"]

        score:
          grade: cijfer
          aspects: [bereikbaarheid, bejegening, geduld, duidelijk_rol_vt, deskundigheid, duidelijk_vervolg]
          topics: [specialistische_hulp, duur_betrokkenheid, veiliger, kinderen_aandacht, kinderen_hulp]

        """#),
    Catalog.Source(
      path: "Questionnaires/versions/inwoners-vervolgdienst.v2.yaml",
      text: #"""
        # Tevredenheid van inwoners bij wie Veilig Thuis een vervolgdienst uitvoerde (Voorwaarden en Vervolg, of onderzoek).
        # Onderwerpen: Bijlage 1 van de prestatie-indicatoren VT NHN en de VNG-handreiking (zie shared/seeds).
        id: inwoners-vervolgdienst
        version: 2
        audience: inwoners
        group: vervolgdienst
        group_label: Vervolgdienst
        title: "Wat vond u van Veilig Thuis? (vervolgdienst)"
        intro: |
          Veilig Thuis is een tijd bij u of uw gezin betrokken geweest, na een melding.
          Veilig Thuis maakte afspraken met u over veiligheid, of deed een onderzoek.
          Wij willen graag weten wat u van Veilig Thuis vond. Zo kan Veilig Thuis beter worden.
          Het duurt ongeveer 10 minuten. Meedoen mag, het hoeft niet.
          Wij vragen niet naar uw naam, en uw naam wordt niet bij uw antwoorden bewaard.
          Wat u zegt heeft geen invloed op uw dossier of op de hulp die u krijgt.

        missing_codes:
          - { code: weet_niet, label: Weet ik niet }
          - { code: nvt, label: Niet van toepassing }
          - { code: weigert, label: Wil ik niet zeggen }

        scales:
          - id: tevreden5
            points:
              - { value: 1, label: Heel ontevreden }
              - { value: 2, label: Ontevreden }
              - { value: 3, label: Niet tevreden en niet ontevreden }
              - { value: 4, label: Tevreden }
              - { value: 5, label: Heel tevreden }
            missing: [weet_niet, nvt, weigert]
          - id: eens5
            points:
              - { value: 1, label: Helemaal niet mee eens }
              - { value: 2, label: Niet mee eens }
              - { value: 3, label: Niet mee eens en niet mee oneens }
              - { value: 4, label: Mee eens }
              - { value: 5, label: Helemaal mee eens }
            missing: [weet_niet, nvt, weigert]

        questions:
          - id: toestemming
            type: consent
            text: "Wilt u meedoen aan dit korte gesprek over Veilig Thuis?"
            aliases: ["Toestemming", "Ik wil meedoen aan dit onderzoek"]

          - id: rol
            type: single_choice
            text: "Wie bent u in deze situatie?"
            instruction: "Lees de antwoorden voor. Twijfelt de persoon, kies dan Iemand anders."
            choices:
              - { code: betrokkene, label: "Het ging over mij" }
              - { code: ouder, label: "Ik ben ouder of verzorger van een kind waar het over ging" }
              - { code: pleger, label: "Het ging over iets wat ik (volgens anderen) gedaan heb" }
              - { code: melder, label: "Ik heb de melding gedaan" }
              - { code: anders, label: "Iemand anders" }
            aliases: ["Rol", "Wat was uw rol?"]

          - id: kinderen
            type: yes_no
            text: "Waren er kinderen bij betrokken?"
            aliases: ["Kinderen betrokken"]

          - id: aantal_contacten
            type: number
            min: 0
            max: 50
            text: "Hoe vaak heeft u contact gehad met Veilig Thuis? Weet u het niet precies? Geef dan een schatting."
            aliases: ["Aantal contacten"]

          - id: bereikbaarheid
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over hoe makkelijk u Veilig Thuis kon bereiken?"
            aliases: ["Bereikbaarheid"]

          - id: bejegening
            type: scale
            scale: tevreden5
            text: "Hoe tevreden bent u over hoe de medewerker van Veilig Thuis met u omging?"
            aliases: ["Bejegening"]

          - id: duidelijk_rol_vt
            type: scale
            scale: eens5
            text: "Ik wist wat Veilig Thuis ging doen en wat ik van Veilig Thuis kon verwachten."
            aliases: ["Rol en taken van Veilig Thuis"]

          - id: afspraken
            type: scale
            scale: eens5
            text: "Veilig Thuis deed wat met mij was afgesproken."
            aliases: ["Afspraken nagekomen"]

          - id: deskundigheid
            type: scale
            scale: eens5
            text: "De kennis van Veilig Thuis heeft mij of mijn gezin geholpen."
            aliases: ["Expertise helpend"]

          - id: specialistische_hulp
            type: yes_no
            text: "Heeft Veilig Thuis ervoor gezorgd dat u of uw gezin speciale hulp kreeg? Bijvoorbeeld van een psycholoog of van jeugdhulp."
            aliases: ["Specialistische hulp ingezet"]

          - id: duur_betrokkenheid
            type: single_choice
            text: "Wat vindt u van hoe lang Veilig Thuis bij u betrokken was?"
            choices:
              - { code: te_kort, label: "Te kort" }
              - { code: precies_goed, label: "Precies goed" }
              - { code: te_lang, label: "Te lang" }
            aliases: ["Duur betrokkenheid", "Hoe lang betrokken"]

          - id: duidelijk_vervolg
            type: scale
            scale: eens5
            text: "Aan het eind wist ik wat er verder ging gebeuren."
            aliases: ["Duidelijkheid over het vervolg"]

          - id: kinderen_gesproken
            type: scale
            scale: eens5
            text: "Veilig Thuis heeft genoeg met de kinderen gesproken."
            show_if: { item: kinderen, equals: ja }
            aliases: ["Kinderen voldoende gesproken"]

          - id: kinderen_hulp
            type: yes_no
            text: "Heeft Veilig Thuis hulp voor de kinderen aangeboden?"
            show_if: { item: kinderen, equals: ja }
            aliases: ["Hulp voor kinderen aangeboden"]

          - id: cijfer
            type: grade
            text: "Welk rapportcijfer geeft u Veilig Thuis? Een 1 is heel slecht, een 10 is heel goed."
            aliases: ["Rapportcijfer", "Cijfer"]

          - id: opmerking
            type: text
            required: false
            text: "Wilt u nog iets zeggen over Veilig Thuis? Noem geen namen."
            instruction: "Typ geen namen, adressen of telefoonnummers over; vat samen in eigen woorden."
            aliases: ["Opmerking", "Toelichting"]

        score:
          grade: cijfer
          aspects: [bereikbaarheid, bejegening, duidelijk_rol_vt, afspraken, deskundigheid, duidelijk_vervolg]
          topics: [specialistische_hulp, duur_betrokkenheid, kinderen_gesproken, kinderen_hulp]

        """#),
  ]
}

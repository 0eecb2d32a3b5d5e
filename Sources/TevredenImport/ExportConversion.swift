import Foundation
import TevredenCore
import TevredenTables

/// Turns the records of a platform export into responses to one questionnaire: columns mapped to items,
/// personal-data columns dropped, free text masked, times read in Amsterdam time, and every problem of a row
/// reported with its column.
///
/// Built once per file from its ``ExportLayout``; then ``convert(_:line:)`` is called per data record, so a
/// file never has to be in memory as a whole.
public struct ExportConversion: Sendable {
  public let layout: ExportLayout
  public let definition: LoadedQuestionnaire
  /// Data columns and the items they hold. A multiple-choice item exported as one column per option has all
  /// those columns here, and each of them in ``choiceColumns``.
  public let itemColumns: [Int: Question.ID]
  /// Columns that hold one option of a multiple-choice item each; their cells are combined into one answer.
  public let choiceColumns: [Int: ColumnMatching.ChoiceColumn]
  /// How many items have a column: a multiple-choice item exported as one column per option counts once.
  public var mappedItemCount: Int { Set(itemColumns.values).count }
  /// Columns holding personal data: never read.
  public var droppedColumns: [PersonalDataDecision] { personalDataDecisions.filter(\.isDropped) }
  /// Every column whose header or sampled values suggest personal data, and what became of it: dropped, or read
  /// as an item after all (see ``PersonalDataColumns/judge(header:sample:)``).
  public let personalDataDecisions: [PersonalDataDecision]
  /// Per column, whether its cell goes into the row hash: not for a column whose header names personal data (a
  /// column beyond the mask's end holds none). Decided by the header alone, by the rules it always had
  /// (``PersonalDataColumns/kindByFirstRules(ofHeader:)``), so that a row's hash (its id, when the export has none)
  /// never changes, whether the column is now read as an item or dropped for its values.
  private let hashedColumns: [Bool]
  /// Whether no column is left out of the row hash: the hash is then taken over a record's cells as they lie.
  private let hashesEveryColumn: Bool
  /// Columns that are neither an item, nor metadata, nor personal data: ignored.
  public let unmappedColumns: [Int]
  public let gemeenteColumn: Int?
  /// The column of the language each row was answered in (LimeSurvey `startlanguage`, Qualtrics `UserLanguage` or
  /// `Q_Language`, a mapping's `language` role): the response's language.
  public let languageColumn: Int?
  /// The questionnaire in each of its other languages: an answer given as a label in any of them is read (see
  /// ``read(_:at:)``).
  private let otherLanguages: [Questionnaire]
  /// The column of the respondent group (a mapping's `group` role): a row of another group is rejected.
  public let groupColumn: Int?
  /// The columns a mapping file gives a role (`roles:`); they override what the layout detected.
  public let roleColumns: [ExportMapping.Role: Int]
  /// Per column, the values a mapping file reads as others (`recode:`), as written there.
  public let recodedValues: [Int: [String: String]]
  /// ``recodedValues`` ready for looking cells up.
  private let recodes: [Int: Recode]
  /// The date columns the mapping names, where a day without a time is noon of that day.
  private let roleDateColumns: Set<Int>
  private let fixedGemeente: String?
  /// The completion day for rows without any date (`--completed-on`): noon, Dutch time.
  private let fixedCompletionDay: LocalDate?
  private let gemeenten: [String]
  /// Per entry of ``orderedColumns``, the answers read from cells seen before.
  private var valueCache: [CellCache]
  static let valueCacheLimit = 512
  /// The questionnaire as this file can answer it: items without a column in the file are not required.
  private let validation: Questionnaire
  /// The mapped columns in file order with their question (and option), worked out once rather than per row.
  /// `slot` is the position of the question in the questionnaire (see ``AnswerSlots``).
  private let orderedColumns: [MappedColumn]
  /// For each of ``orderedColumns``, what the loop over a row's cells asks of it, in a type without references: reading
  /// a column's flags from ``orderedColumns`` copies (and retains) its question, reader and recode.
  private let columnPlans: [ColumnPlan]
  /// How the start and completion columns are read, worked out once (see ``TimeColumn``).
  private let startedTime: TimeColumn?
  private let completedTime: TimeColumn?
  /// Every converted row's response before its own values are set: what the questionnaire gives each of them.
  private let metadataTemplate: Response
  /// Answers collected for the row being converted, kept between rows so that each row reuses their storage: new
  /// slots per row cost more in freeing them (an answer at a time, through the runtime) than emptying these, even
  /// when the last row's response still shares them and they are copied first.
  private var slotStorage: AnswerSlots
  /// Per item answered in a column of its own (not per option): the last such column, for messages.
  private let singleColumns: [Question.ID: Int]
  /// The first consent question, its slot, and whether the file has a column for it.
  private let consent: (id: Question.ID, slot: Int, hasColumn: Bool)?
  /// What ``Response/problems(in:)`` checks, worked out per item for this file's ``validation``.
  private let checks: AnswerSlots.Checks

  /// One converted record.
  public struct Row: Hashable, Sendable {
    /// The response, its answers by position: the store writes them so, without hashing an item id.
    public var positional: PositionalResponse
    /// The response with its answers keyed by item id (made on each use).
    public var response: Response { positional.response }
    /// Kinds of personal data masked in free-text answers.
    public var masked: [PersonalDataKind]
    /// Whether the id is a hash of the row (the export has no response id): then two identical rows are two
    /// respondents who answered alike, and the store numbers the repeats (see `PreparedResponse.numbersRepeats`).
    public var idIsRowHash = false
  }

  /// Why a record was not converted: each problem names its column.
  public struct Rejection: Error, Hashable, Sendable {
    public var line: Int
    public var problems: [String]
  }

  /// - Parameters:
  ///   - explicitMapping: Header → item id from a mapping file; wins over the aliases, and over a header or values
  ///     that suggest personal data (but for part of a split location): closed items check every value, open
  ///     answers are masked.
  ///   - explicitOptions: Header → option of a multiple-choice item from a mapping file; wins over detection.
  ///   - roles: The column of each metadata role from a mapping file; wins over the layout. A header the file
  ///     does not have is left out (``ExportMapping/problems(in:export:)`` reports it).
  ///   - recodes: Header → cell value → value to read instead, from a mapping file.
  ///   - sample: The file's first data rows: personal-data columns are judged by their values as well as their
  ///     header (see ``PersonalDataColumns/judge(header:sample:)``). Without it, by the header alone.
  ///   - gemeente: The municipality for every row, unless the file has a `gemeente` column.
  ///   - gemeenten: The region's municipalities (from `indicators.yaml`).
  ///   - completedOn: The day every row without a date was completed (a file without date columns).
  public init(
    layout: ExportLayout, definition: LoadedQuestionnaire, explicitMapping: [String: Question.ID] = [:],
    explicitOptions: [String: ColumnMatching.ChoiceColumn] = [:], roles: [ExportMapping.Role: String] = [:],
    recodes: [String: [String: String]] = [:], sample: ExportSample = .empty, gemeente: String?, gemeenten: [String],
    completedOn: LocalDate? = nil
  ) {
    var layout = layout
    var roleColumns: [ExportMapping.Role: Int] = [:]
    for (role, header) in roles {
      if let index = ExportMapping.column(named: header, in: layout) { roleColumns[role] = index }
    }
    let roleIndexes = Set(roleColumns.values)
    // A role the mapping names overrides the column the layout detected for it, and a column the mapping gives a
    // role holds that role only.
    let slots: [(WritableKeyPath<ExportLayout, Int?>, ExportMapping.Role)] = [
      (\.responseIDColumn, .responseID), (\.startedColumn, .startedAt), (\.completedColumn, .completedAt),
      (\.finishedColumn, .finished),
    ]
    for (path, role) in slots {
      if let index = roleColumns[role] {
        layout[keyPath: path] = index
      } else if let detected = layout[keyPath: path], roleIndexes.contains(detected) {
        layout[keyPath: path] = nil
      }
    }
    self.roleColumns = roleColumns
    self.groupColumn = roleColumns[.group]
    self.roleDateColumns = Set([roleColumns[.startedAt], roleColumns[.completedAt]].compactMap { $0 })
    var recodedValues: [Int: [String: String]] = [:]
    for (header, values) in recodes {
      if let index = ExportMapping.column(named: header, in: layout) { recodedValues[index] = values }
    }
    self.recodedValues = recodedValues
    let recodeByColumn = recodedValues.mapValues(Recode.init)
    self.recodes = recodeByColumn
    self.definition = definition
    self.fixedGemeente = gemeente
    self.fixedCompletionDay = completedOn
    self.gemeenten = gemeenten
    var candidates: [[String]] = []
    let metadata = Set(
      [layout.responseIDColumn, layout.startedColumn, layout.completedColumn, layout.finishedColumn].compactMap { $0 }
    )
    .union(roleIndexes)
    // Per-option columns first: an option such as "E-mail" must not be taken for personal data. Their cells are
    // only ever stored as option codes, so nothing else in them can reach the database.
    var choiceColumns = ColumnMatching.choiceColumns(
      columns: layout.columnNames.enumerated().map { metadata.contains($0.offset) ? [] : $0.element },
      in: definition.questionnaire, explicit: explicitMapping)
    let optionsByName = Dictionary(
      explicitOptions.map { (ColumnMatching.normalise($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
    for (index, names) in layout.columnNames.enumerated() {
      if let option = names.lazy.compactMap({ optionsByName[ColumnMatching.normalise($0)] }).first {
        choiceColumns[index] = option
      }
    }
    let gemeenteNames: Set<String> = ["gemeente", "municipality", "woonplaats gemeente"]
    var gemeenteColumn = roleColumns[.gemeente]
    var languageColumn = roleColumns[.language]
    // An item exported under a header such as "Taal" (a question about the language spoken at home) stays an item.
    let itemNames = Set(definition.questionnaire.questions.flatMap(\.importAliases).map(ColumnMatching.normalise))
    let explicitNames = Set(explicitMapping.keys.map(ColumnMatching.normalise))
    var headerDropped = Set<Int>()
    /// Columns whose header or values suggest personal data, decided once the other columns are mapped.
    var suspects: [(index: Int, kind: PersonalDataKind, evidence: PersonalDataEvidence, isNamed: Bool)] = []
    for (index, names) in layout.columnNames.enumerated() {
      // The mapping says what a role's column holds; its values are checked before anything of them is stored (a
      // date, a finished flag, a group, a municipality of the region). A response id is checked for personal
      // data like any column, below.
      guard choiceColumns[index] == nil, !roleIndexes.contains(index) || roleColumns[.responseID] == index else {
        candidates.append([])
        continue
      }
      // The response id and time columns are not judged by their values: the id is checked row by row.
      let evidence = PersonalDataColumns.judge(
        header: names, valueKind: metadata.contains(index) ? nil : sample.valueKind(of: index))
      if names.contains(where: { PersonalDataColumns.kindByFirstRules(ofHeader: $0) != nil }) {
        headerDropped.insert(index)
      }
      if let kind = evidence.kind {
        let isNamed = names.contains { explicitNames.contains(ColumnMatching.normalise($0)) }
        suspects.append((index, kind, evidence, isNamed))
        // A column the mapping file names is mapped with the others; the rest are tried once those are mapped.
        candidates.append(isNamed && !evidence.isSplitLocation ? names : [])
      } else if languageColumn == nil, !metadata.contains(index),
        names.contains(where: { Self.languageHeaders.contains(ColumnMatching.normalise($0)) }),
        !names.contains(where: { itemNames.contains(ColumnMatching.normalise($0)) })
      {
        languageColumn = index
        candidates.append([])
      } else if metadata.contains(index)
        || names.contains(where: { Self.platformMetadata.contains(ColumnMatching.normalise($0)) })
      {
        candidates.append([])
      } else if gemeenteColumn == nil, names.contains(where: { gemeenteNames.contains(ColumnMatching.normalise($0)) }) {
        gemeenteColumn = index
        candidates.append([])
      } else {
        candidates.append(names)
      }
    }
    var mapping = ColumnMatching.map(
      columns: candidates, to: definition.questionnaire, explicit: explicitMapping)
    for (index, column) in choiceColumns { mapping[index] = column.item }
    // A column whose header or values suggest personal data: the item its header matches, if no other column
    // holds it; whether it is read as that item is decided by its values.
    var suspectNames = Array(repeating: [String](), count: layout.columnNames.count)
    for suspect in suspects where !suspect.isNamed { suspectNames[suspect.index] = layout.columnNames[suspect.index] }
    let suspectItems = ColumnMatching.map(columns: suspectNames, to: definition.questionnaire)
    var decisions: [PersonalDataDecision] = []
    for suspect in suspects {
      let taken = Set(mapping.values)
      let item =
        suspect.isNamed ? mapping[suspect.index] : suspectItems[suspect.index].flatMap { taken.contains($0) ? nil : $0 }
      let outcome = PersonalDataColumns.decide(
        suspect.evidence, item: item.flatMap(definition.questionnaire.question), isNamedInMapping: suspect.isNamed,
        sample: sample.values(of: suspect.index), in: definition.questionnaire)
      switch outcome {
      case .readAsItem(let item), .mapped(let item): mapping[suspect.index] = item
      case .dropped:
        mapping[suspect.index] = nil
        candidates[suspect.index] = []
      }
      decisions.append(
        PersonalDataDecision(
          index: suspect.index, kind: suspect.kind, evidence: suspect.evidence, outcome: outcome,
          matchedItem: outcome == .dropped ? item : nil, isNamedInMapping: suspect.isNamed))
    }
    let guarded = Set(decisions.filter { !$0.isDropped }.map(\.index))
    self.itemColumns = mapping
    self.choiceColumns = choiceColumns
    var validation = definition.questionnaire
    let mapped = Set(mapping.values)
    validation.questions = validation.questions.map { question in
      var question = question
      if !mapped.contains(question.id), question.kind != .consent { question.isRequired = false }
      return question
    }
    self.validation = validation
    let checks = AnswerSlots.Checks(validation)
    self.checks = checks
    // A platform exports labels in the language each respondent answered in: every translation's labels are read
    // too. tevreden check refuses a label that is one answer in one language and another in another.
    let translationLabels = definition.questionnaire.translations.compactMap {
      AnswerLabels($0, of: definition.questionnaire)
    }
    let orderedColumns = mapping.sorted { $0.key < $1.key }.compactMap { index, item -> MappedColumn? in
      guard let question = definition.questionnaire.question(item), let slot = checks.slot(of: item) else { return nil }
      return MappedColumn(
        index: index, question: question, in: definition.questionnaire, option: choiceColumns[index], slot: slot,
        recode: recodeByColumn[index], isGuarded: guarded.contains(index), extraLabels: translationLabels)
    }
    self.orderedColumns = orderedColumns
    self.metadataTemplate = Response(
      id: "", questionnaire: definition.questionnaire, gemeente: nil, mode: .online, interviewer: nil,
      startedAt: Date(timeIntervalSince1970: 0), completedAt: nil, status: .completed, answers: [:])
    self.columnPlans = orderedColumns.map {
      ColumnPlan(
        index: $0.index, slot: $0.slot, isOption: $0.option != nil, isText: $0.isText, isRecoded: $0.recode != nil,
        isGuarded: $0.isGuarded)
    }
    self.slotStorage = AnswerSlots(count: checks.count)
    self.valueCache = Array(repeating: CellCache(), count: orderedColumns.count)
    var singleColumns: [Question.ID: Int] = [:]
    for column in orderedColumns where column.option == nil { singleColumns[column.question.id] = column.index }
    self.singleColumns = singleColumns
    if let question = definition.questionnaire.questions.first(where: { $0.kind == .consent }),
      let slot = checks.slot(of: question.id)
    {
      self.consent = (id: question.id, slot: slot, hasColumn: mapping.values.contains(question.id))
    } else {
      self.consent = nil
    }
    // A response id column holding personal data is never read: its rows are known by the hash of their cells.
    if let index = layout.responseIDColumn, decisions.contains(where: { $0.index == index && $0.isDropped }) {
      layout.responseIDColumn = nil
    }
    self.layout = layout
    let roleDateColumns = self.roleDateColumns
    func timeColumn(_ index: Int?) -> TimeColumn? {
      index.map {
        TimeColumn(
          index: $0, isRoleDate: roleDateColumns.contains($0), unknownZone: layout.unknownTimeZones[$0],
          isUTC: layout.utcColumns.contains($0), timeZone: layout.columnTimeZones[$0])
      }
    }
    self.startedTime = timeColumn(layout.startedColumn)
    self.completedTime = timeColumn(layout.completedColumn)
    self.personalDataDecisions = decisions
    self.hashedColumns = (0..<(headerDropped.max().map { $0 + 1 } ?? 0)).map { !headerDropped.contains($0) }
    self.hashesEveryColumn = headerDropped.isEmpty
    self.gemeenteColumn = gemeenteColumn
    self.languageColumn = languageColumn
    let questionnaire = definition.questionnaire
    self.otherLanguages = questionnaire.translations.compactMap { questionnaire.localized(to: $0.language) }
    self.unmappedColumns = candidates.indices.filter {
      !candidates[$0].isEmpty && mapping[$0] == nil
    }
  }

  /// Why a cell was not read; a message never repeats a value that is personal data: it goes to the terminal and
  /// to logs.
  static func cellProblem(_ problem: AnswerProblem, _ raw: String) -> String {
    PersonalDataColumns.kind(ofValue: raw).map(Self.identifierProblem) ?? ImportText.answerProblem(problem)
  }

  /// Why a cell that is personal data is not an answer, without repeating it.
  static func identifierProblem(_ kind: PersonalDataKind) -> String {
    "the cell holds \(kind.labelWithArticle), not an answer (the value is not shown, and never stored)"
  }

  /// Headers of the column that says which language a row was answered in, normalised: LimeSurvey's `startlanguage`
  /// (`Start language` in a full-text export), Qualtrics' `UserLanguage` and its `Q_Language` embedded field, and
  /// plain names.
  static let languageHeaders: Set<String> = [
    "startlanguage", "start language", "userlanguage", "user language", "q language", "language", "taal", "lang",
    "survey language", "respondent language",
  ]

  /// Platforms whose response ids count from 1 in every survey, so they are unique only with the questionnaire
  /// and the start time.
  static let numbersResponsesPerSurvey: Set<SurveyPlatform> = [.limeSurvey, .microsoftForms]

  /// Headers of platform bookkeeping columns that hold no answers and are not needed: not listed as unmapped.
  static let platformMetadata: Set<String> = [
    "enddate", "end date", "status", "progress", "duration in seconds", "distributionchannel", "userlanguage",
    "recordeddate", "responseset", "response type", "collector id", "collectorid", "network id", "lastpage",
    "last page", "startlanguage", "start language", "seed", "date last action", "datestamp", "id", "index",
    "submission time", "validation status", "submitted by", "version", "tags", "notes", "last modified time",
    "start", "end", "start date utc", "submit date utc", "start time", "completion time", "timestamp",
    "tijdstempel", "submissiondate", "meta instanceid", "key", "uuid", "submitterid", "attachmentspresent",
    "attachmentsexpected", "reviewstate", "deviceid", "edits", "formversion", "today", "date started",
    "response id", "respondent id", "interviewtime", "total time",
  ]

  /// Converts one data record.
  ///
  /// Cells of items other than free text are read once per distinct value and column: exports repeat the same
  /// few labels on every row. The cache is bounded, so memory stays flat whatever the file size. It is looked up by
  /// the cell's bytes: a text is made only for a cell not seen before, a metadata cell and an open answer.
  public mutating func convert(_ fields: [String], line: Int) -> Result<Row, Rejection> {
    RecordView.with(line: line, fields: fields) { convert($0, line: line) }
  }

  /// ``convert(_:line:)-([String],_)`` of a record read as bytes (``TableFileReader/withNextRecord(_:)``).
  public mutating func convert(_ fields: RecordView, line: Int) -> Result<Row, Rejection> {
    // The definition's questionnaire is read in place: a copy of it per row retained every part of it.
    var problems: [String] = []
    func cell(_ index: Int?) -> String {
      guard let index else { return "" }
      let text = index >= 0 && index < fields.count ? fields.text(index).trimmedOfWhitespace : ""
      guard !recodes.isEmpty, let recode = recodes[index] else { return text }
      return recode.apply(text)
    }
    func column(_ index: Int) -> String { "column '\(layout.name(of: index))'" }

    // A row of another respondent group belongs to another questionnaire: nothing else of it matters here.
    if let index = groupColumn, !cell(index).isEmpty, !isOwnGroup(cell(index)) {
      return .failure(
        Rejection(
          line: line,
          problems: [
            "\(column(index)): the row is of group '\(cell(index))', and \(definition.questionnaire.id) is for "
              + "group '\(definition.questionnaire.group)'; import the rows of that group with their own questionnaire "
              + "(--questionnaire, or 'questionnaire:' in a mapping file of their own)"
          ]))
    }

    // When the response was given.
    var startedAt: Date?
    var completedAt: Date?
    func readTime(_ time: TimeColumn?) -> Date? {
      guard let time else { return nil }
      let index = time.index
      let text = cell(index)
      guard !text.isEmpty else { return nil }
      // LimeSurvey writes 1980-01-01 00:00:00 as the submit date of every completed response when the survey keeps
      // no date stamps: it says "completed", not when.
      if layout.platform == .limeSurvey, text.hasPrefix("1980-01-01 00:00") { return nil }
      // A day without a time in a column the mapping names is that day, as with --completed-on.
      if time.isRoleDate, let day = ExportDate.day(text) { return day.noon }
      if let zone = time.unknownZone {
        problems.append(
          "\(column(index)): the export says its times are in '\(zone)', a time zone this system does not know")
        return nil
      }
      guard let date = ExportDate.parse(text, isUTC: time.isUTC, timeZone: time.timeZone) else {
        problems.append("\(column(index)): '\(text)' is not a date and time")
        return nil
      }
      return date
    }
    startedAt = readTime(startedTime)
    completedAt = readTime(completedTime)

    // Finished or not.
    var finished: Bool
    if let index = layout.finishedColumn, roleColumns[.finished] == index {
      // A column the mapping names must say it: a value that does not is a problem, not "unfinished".
      let text = cell(index)
      if text.isEmpty {
        finished = false
      } else if let value = Self.finishedValue(text) {
        finished = value
      } else {
        finished = false
        problems.append(
          "\(column(index)): \"\(text)\" does not say whether the response was finished (ja/nee, yes/no, "
            + "true/false, 1/0); recode it in the mapping file")
      }
    } else if let index = layout.finishedColumn {
      // A detected column says finished in a word for yes or finished; anything else is unfinished.
      finished = Self.finishedValue(cell(index)) == true
    } else if let index = layout.completedColumn {
      finished = !cell(index).isEmpty
    } else {
      finished = true
    }
    if finished, completedAt == nil { completedAt = startedAt }
    if completedAt == nil, startedAt == nil, let day = fixedCompletionDay { completedAt = day.noon }
    guard let started = startedAt ?? completedAt else {
      problems.append(
        "the row has no start or completion time, so the period it counts in is unknown; for a file without "
          + "dates, give the day with --completed-on yyyy-MM-dd")
      return .failure(Rejection(line: line, problems: problems))
    }

    // The response id: the platform's, else a hash of the row without personal data.
    let id: Response.ID
    // An id that is personal data (an e-mail address, a BSN in a generic "ID" column) is never stored: such a row
    // is known by the hash of its cells instead, as a row without an id is.
    let idHolds = layout.responseIDColumn.flatMap { IdentifierMasking.standard.personalData(inIdentifier: cell($0)) }
    var idIsRowHash = false
    if let index = layout.responseIDColumn, !cell(index).isEmpty, idHolds == nil {
      if Self.numbersResponsesPerSurvey.contains(layout.platform) {
        // Every LimeSurvey survey and Microsoft form counts its responses from 1: the number alone would make
        // response 3 of this year's form a duplicate of response 3 of last year's.
        id = Response.ID(
          rawValue:
            "\(layout.platform.rawValue):\(definition.questionnaire.id):\(cell(index))@\(Timestamp.format(started))")
      } else {
        id = Response.ID(rawValue: "\(layout.platform.rawValue):\(cell(index))")
      }
    } else {
      id = Response.ID(rawValue: rowHashID(fields))
      idIsRowHash = true
    }

    // Municipality.
    var gemeente = fixedGemeente
    if let index = gemeenteColumn, !cell(index).isEmpty {
      if let known = gemeenten.first(where: { $0.caseInsensitiveCompare(cell(index)) == .orderedSame }) {
        gemeente = known
      } else {
        problems.append("\(column(index)): '\(cell(index))' is not a municipality of the region (indicators.yaml)")
      }
    }

    // The language the row was answered in; without a column (or an empty cell), the questionnaire's own.
    var language: LanguageCode?
    if let index = languageColumn, !cell(index).isEmpty {
      language = LanguageCode(platformValue: cell(index))
      if language == nil {
        problems.append(
          "\(column(index)): '\(cell(index))' is not a language code (ISO 639-1, such as nl or en, or a form such as "
            + "nl-NL or EN); give the language with a recode in a mapping file")
      }
    }

    // Answers, by the position of their item in the questionnaire rather than in a dictionary: no item id is
    // hashed until the response is made.
    var answers = AnswerSlots(count: 0)
    swap(&answers, &slotStorage)
    answers.removeAll()
    defer { swap(&answers, &slotStorage) }
    var masked: [PersonalDataKind] = idHolds.map { [$0] } ?? []
    /// Per multiple-choice item exported as one column per option: the options ticked, and whether a cell failed.
    var ticked: [Question.ID: (codes: Set<String>, failed: Bool)] = [:]
    for position in columnPlans.indices {
      let plan = columnPlans[position]
      let index = plan.index
      let slot = plan.slot
      let isPresent = index < fields.count
      // A closed item's cell seen before is read as it was, found by its bytes. Its own short path rather than one
      // shared with the reading below: shared, with the cached reading as an optional, the conversion took 6% more
      // instructions (callgrind, --dry-run).
      if !plan.isOption, !plan.isText,
        let cached = valueCache[position].read(
          isPresent ? fields.cell(index) : UnsafeBufferPointer(start: nil, count: 0))
      {
        switch cached {
        case .success(nil): break
        case .success(let answer?): answers[slot] = answer
        case .failure(let problem):
          let raw = isPresent ? fields.text(index) : ""
          problems.append(
            "\(column(index)) (\(orderedColumns[position].question.id)): \(Self.cellProblem(problem, raw))")
        }
        continue
      }
      let raw = isPresent ? fields.text(index) : ""
      if plan.isOption, let option = orderedColumns[position].option {
        let question = orderedColumns[position].question
        let item = question.id
        var state = ticked[item] ?? (codes: [], failed: false)
        let text = orderedColumns[position].recode.map { $0.apply(raw.trimmedOfWhitespace) } ?? raw
        switch readOption(text, column: option, at: position) {
        case .success(true): if let code = option.choice { state.codes.insert(code) }
        case .success(false): break
        case .failure(let problem):
          state.failed = true
          problems.append("\(column(index)) (\(item)): \(problem)")
        }
        ticked[item] = state
        continue
      }
      let read: Result<Answer?, AnswerProblem>
      // A recoded cell is read as the value the mapping gives; the cache keeps the cell as it was.
      let text =
        plan.isRecoded ? (orderedColumns[position].recode.map { $0.apply(raw.trimmedOfWhitespace) } ?? raw) : raw
      if plan.isText {
        // A cell of a column that holds personal data, read because the mapping file says so, that is an
        // identifier as a whole: only its marker is kept.
        if plan.isGuarded, let kind = PersonalDataColumns.kind(ofValue: raw) {
          answers[slot] = .value(.text(kind.marker))
          masked.append(kind)
          continue
        }
        read = readCell(text, at: position)
      } else {
        // A column whose header or values suggest personal data, read as an item: a cell that is an identifier is
        // refused even where the item would take it (a phone number as a number). Such cells are not cached.
        if plan.isGuarded, let kind = PersonalDataColumns.kind(ofValue: raw) {
          problems.append(
            "\(column(index)) (\(orderedColumns[position].question.id)): \(Self.identifierProblem(kind))")
          continue
        }
        read = readCell(text, at: position)
        valueCache[position].remember(read, for: raw, limit: Self.valueCacheLimit)
      }
      switch read {
      case .success(nil): break
      // Open answers are masked by the store's codec, on every path into the database.
      case .success(let answer?): answers[slot] = answer
      case .failure(let problem):
        problems.append("\(column(index)) (\(orderedColumns[position].question.id)): \(Self.cellProblem(problem, raw))")
      }
    }
    // The options ticked make one answer; none ticked is no answer. Where the export also has the item in one
    // column (KoboToolbox and ODK write both), the two must agree.
    for (item, state) in ticked.sorted(by: { $0.key < $1.key }) where !state.failed && !state.codes.isEmpty {
      guard let question = definition.questionnaire.question(item), case .choice(let choices, _) = question.kind,
        let slot = checks.slot(of: item)
      else { continue }
      let combined = Answer.value(.choices(choices.map(\.code).filter(state.codes.contains)))
      if let single = answers[slot], single != combined, let index = singleColumns[item] {
        problems.append(
          "\(column(index)) (\(item)): \"\(single.value?.canonicalText ?? "")\" differs from the options ticked in its per-option columns (\"\(combined.value?.canonicalText ?? "")\")"
        )
      }
      answers[slot] = combined
    }
    // Submitting an online questionnaire is consenting to it, unless the export has the consent question.
    var status: Response.Status = finished ? .completed : .partial
    if let consent {
      if answers[consent.slot] == nil, !consent.hasColumn {
        answers[consent.slot] = .value(.yesNo(true))
      } else if answers[consent.slot] == .value(.yesNo(false)) {
        status = .refused
        answers.keepOnly(consent.slot)
      }
    }
    // SurveyMonkey writes no completion flag: a respondent who stopped early has an end date but lacks answers
    // to required items.
    if status == .completed, layout.platform == .surveyMonkey, layout.finishedColumn == nil,
      checks.lacksRequiredAnswer(answers)
    {
      status = .partial
    }
    guard problems.isEmpty else { return .failure(Rejection(line: line, problems: problems)) }
    // The template's values are set in the response itself: a copy of its metadata per step retains all of it.
    var response = PositionalResponse(metadata: metadataTemplate, answers: answers.inOrder, items: checks.ids)
    response.metadata.id = id
    response.metadata.gemeente = gemeente
    response.metadata.startedAt = min(started, completedAt ?? started)
    response.metadata.completedAt = status == .partial ? nil : completedAt
    response.metadata.status = status
    if let language { response.metadata.language = language }
    // Only a response that may have problems goes through the full check, which words them.
    if !checks.certainlyValid(response.metadata, answers: answers, in: validation) {
      let invalid = response.response.problems(in: validation)
      guard invalid.isEmpty else { return .failure(Rejection(line: line, problems: invalid)) }
    }
    return .success(
      Row(
        positional: response, masked: masked.isEmpty ? [] : Array(Set(masked)).sorted(), idIsRowHash: idIsRowHash))
  }
}

extension ExportConversion {
  /// ``ExportValue/read(_:with:)`` with the reader of the column at `position`, used where it is stored: passed as an
  /// argument, the reader was copied (and all it holds retained) per cell.
  func readCell(_ cell: String, at position: Int) -> Result<Answer?, AnswerProblem> {
    let text = cell.trimmedOfWhitespace
    guard !text.isEmpty else { return .success(nil) }
    return orderedColumns.withUnsafeBufferPointer { $0[position].reader.read(text).map { $0 } }
  }

  /// A cell of a column holding one option, read as the option's label in any of the questionnaire's languages
  /// (the cells of other columns are read so by their ``MappedColumn/reader``, which has every language's labels).
  func readOption(_ text: String, column: ColumnMatching.ChoiceColumn, at position: Int)
    -> Result<Bool, ExportValue.OptionProblem>
  {
    let question = orderedColumns[position].question
    let read = ExportValue.readOption(text, column: column, of: question)
    guard case .failure = read else { return read }
    for questionnaire in otherLanguages {
      guard let translated = questionnaire.question(question.id) else { continue }
      let other = ExportValue.readOption(text, column: column, of: translated)
      if case .success = other { return other }
    }
    return read
  }

  /// The sampled cells of item columns that this conversion's definition does not read: how many, and the first
  /// as the import words a cell's problem. Fewer than another definition's means the export was answered under
  /// this one. Cells that are personal data are left out, so a message never repeats one.
  public func unreadCells(in sample: ExportSample) -> (count: Int, first: String?) {
    var count = 0
    var first: String?
    for (position, column) in orderedColumns.enumerated() {
      for raw in sample.values(of: column.index) where PersonalDataColumns.kind(ofValue: raw) == nil {
        let text = column.recode.map { $0.apply(raw) } ?? raw
        let name = "column '\(layout.name(of: column.index))' (\(column.question.id))"
        var problem: String?
        if let option = column.option {
          if case .failure(let unread) = readOption(text, column: option, at: position) {
            problem = "\(name): \(unread)"
          }
        } else if case .failure(let unread) = ExportValue.read(text, with: column.reader) {
          problem = "\(name): \(ImportText.answerProblem(unread))"
        }
        guard let problem else { continue }
        count += 1
        if first == nil { first = problem }
      }
    }
    return (count, first)
  }

  /// A column that holds an item, or one option of it.
  struct MappedColumn: Sendable {
    var index: Int
    var question: Question
    var option: ColumnMatching.ChoiceColumn?
    /// The item's slot in ``AnswerSlots``.
    var slot: Int
    /// Whether the item is free text, whose cells are never cached.
    var isText: Bool
    /// The values a mapping file reads as others in this column.
    var recode: Recode?
    /// Whether the column's header or values suggest personal data although it is read as an item (see
    /// ``PersonalDataDecision``): a cell that is an identifier as a whole is never stored, not even masked as an
    /// open answer would be, but replaced by its marker (free text) or refused (other items).
    var isGuarded: Bool
    /// Reads the column's cells: the platform dialect, made once per file.
    var reader: AnswerReader

    init(
      index: Int, question: Question, in questionnaire: Questionnaire, option: ColumnMatching.ChoiceColumn?, slot: Int,
      recode: Recode? = nil, isGuarded: Bool = false, extraLabels: [AnswerLabels] = []
    ) {
      self.index = index
      self.question = question
      self.reader = AnswerReader(question, in: questionnaire, dialect: .platform, extraLabels: extraLabels)
      self.option = option
      self.slot = slot
      self.recode = recode
      self.isGuarded = isGuarded
      if case .text = question.kind { isText = true } else { isText = false }
    }
  }

  /// What the loop over a row's cells needs of a ``MappedColumn``, without its references.
  struct ColumnPlan: Sendable {
    var index: Int
    var slot: Int
    var isOption: Bool
    var isText: Bool
    var isRecoded: Bool
    var isGuarded: Bool
  }

  /// A column of start or completion times, with what the layout and the mapping say about it, looked up once
  /// rather than in their sets and dictionaries per row.
  struct TimeColumn: Sendable {
    var index: Int
    /// Whether the mapping names the column: a day without a time is noon of that day.
    var isRoleDate: Bool
    /// The zone the export names for the column, when this system does not know it.
    var unknownZone: String?
    var isUTC: Bool
    var timeZone: TimeZone?
  }

  /// The answers read from one column's cells, by cell. The first few distinct cells are compared byte by byte with
  /// the cell, which for the handful of labels a closed item has is cheaper than hashing it; further ones are
  /// hashed as text.
  struct CellCache: Sendable {
    /// The first cells kept, their bytes one after the other, where each ends, and what each read as.
    private var keptBytes: [UInt8] = []
    private var keptEnds: [Int] = []
    private var keptReads: [Result<Answer?, AnswerProblem>] = []
    private var more: [String: Result<Answer?, AnswerProblem>] = [:]
    static let compared = 8

    /// Mutating only so that it is called on the cache in place: called on `valueCache[position]`, a non-mutating
    /// method got a copy of the cache per cell, retaining and releasing all its collections.
    mutating func read(_ cell: UnsafeBufferPointer<UInt8>) -> Result<Answer?, AnswerProblem>? {
      // By length first: most kept cells differ from the cell in it.
      let count = cell.count
      let found = keptBytes.withUnsafeBufferPointer { kept in
        keptEnds.withUnsafeBufferPointer { ends -> Int? in
          var start = 0
          for index in ends.indices {
            defer { start = ends[index] }
            guard ends[index] - start == count else { continue }
            guard count > 0, let keptStart = kept.baseAddress, let cellStart = cell.baseAddress else { return index }
            if memcmp(keptStart + start, cellStart, count) == 0 { return index }
          }
          return nil
        }
      }
      if let found { return keptReads[found] }
      return more.isEmpty ? nil : more[String(decoding: cell, as: UTF8.self)]
    }

    /// Keeps what a cell read as, while fewer than `limit` cells are kept.
    mutating func remember(_ read: Result<Answer?, AnswerProblem>, for cell: String, limit: Int) {
      if keptEnds.count < Self.compared {
        keptBytes += cell.utf8
        keptEnds.append(keptBytes.count)
        keptReads.append(read)
      } else if keptEnds.count + more.count < limit {
        more[cell] = read
      }
    }
  }

  /// The values of one column that a mapping file reads as others (`recode:`): the cell as written, else the same
  /// value in other case (`ja` for `Ja`).
  struct Recode: Sendable {
    private var exact: [String: String] = [:]
    private var folded: [String: String] = [:]

    init(_ values: [String: String]) {
      for (from, to) in values.sorted(by: { $0.key < $1.key }) {
        let key = from.trimmedOfWhitespace
        exact[key] = to
        if folded[key.lowercased()] == nil { folded[key.lowercased()] = to }
      }
    }

    /// The value to read for a cell (trimmed of white space): its recode, or the cell itself.
    func apply(_ text: String) -> String {
      exact[text] ?? folded[text.lowercased()] ?? text
    }
  }

  /// Whether the words of a finished column say the response was finished: `true`, `false`, or `nil` when they
  /// say neither.
  public static func finishedValue(_ text: String) -> Bool? {
    YesNoWords.value(text.trimmedOfWhitespace, in: .platform) ?? finishedWords[text.trimmedOfWhitespace.lowercased()]
  }

  /// Words of a finished column besides the platform dialect's words for yes and no (``YesNoWords``).
  static let finishedWords: [String: Bool] = [
    "finished": true, "complete": true, "completed": true, "afgerond": true, "voltooid": true, "compleet": true,
    "volledig": true, "unfinished": false, "not finished": false, "incomplete": false, "partial": false,
    "niet afgerond": false, "onvolledig": false, "gedeeltelijk": false, "onvoltooid": false,
  ]

  /// Whether a group column's value is this questionnaire's group: its id or its name in reports.
  func isOwnGroup(_ value: String) -> Bool {
    let key = ColumnMatching.normalise(value)
    let questionnaire = definition.questionnaire
    return [questionnaire.group, questionnaire.groupLabel].contains { ColumnMatching.normalise($0) == key }
  }

  /// The metadata columns (which the mapping named, which were detected) and the recodes, as lines for the import
  /// report: `  response id: Nr (mapping)`, `  recoded: Cijfer (-1 → weet_niet)`.
  public var metadataDescription: [String] {
    var lines: [String] = []
    let columns: [(ExportMapping.Role, Int?)] = [
      (.responseID, layout.responseIDColumn), (.startedAt, layout.startedColumn),
      (.completedAt, layout.completedColumn), (.finished, layout.finishedColumn), (.gemeente, gemeenteColumn),
      (.group, groupColumn), (.language, languageColumn),
    ]
    for (role, index) in columns {
      guard let index else { continue }
      lines.append(
        "  \(role.label): \(layout.name(of: index)) (\(roleColumns[role] == index ? "mapping" : "detected"))")
    }
    if let index = roleColumns[.responseID], layout.responseIDColumn == nil {
      lines.append(
        "  response id: \(layout.name(of: index)) (mapping) holds personal data and is not read; each row is known by "
          + "the hash of its cells")
    }
    for (index, values) in recodedValues.sorted(by: { $0.key < $1.key }) {
      func shown(_ value: String) -> String { value.isEmpty ? "\"\"" : value }
      let pairs = values.sorted { $0.key < $1.key }.map { "\(shown($0.key)) → \(shown($0.value))" }
        .joined(separator: ", ")
      lines.append("  recoded: \(layout.name(of: index)) (\(pairs))")
    }
    return lines
  }

  /// The id of a row without a platform id: the platform, and the first 20 hex digits of the SHA-256 of the
  /// questionnaire id, U+001E, and the row's cells without the personal-data columns joined by U+001F.
  ///
  /// The id must never change, because it is what makes importing the same file twice add nothing. This is the id
  /// of the first row with this content in a file; the store gives the second `…#2`, the third `…#3` and so on.
  func rowHashID(_ fields: [String]) -> String {
    RecordView.with(line: 0, fields: fields) { rowHashID($0) }
  }

  /// ``rowHashID(_:)-([String])`` of a record read as bytes: when every column is hashed, the record's cells are
  /// hashed where they lie, already joined by U+001F.
  func rowHashID(_ record: RecordView) -> String {
    var hasher = SHA256.Hasher()
    hasher.update(utf8: definition.questionnaire.id.rawValue)
    hasher.update(byte: 0x1E)
    if hashesEveryColumn {
      hasher.update(UnsafeRawBufferPointer(record.joined))
    } else {
      var first = true
      for offset in 0..<record.count where offset >= hashedColumns.count || hashedColumns[offset] {
        if !first { hasher.update(byte: RecordView.separator) }
        first = false
        hasher.update(UnsafeRawBufferPointer(record.cell(offset)))
      }
    }
    // Written into one string, from the digest on the stack: joining the prefix and the digits made three strings,
    // and the digest an array.
    let prefix = layout.platform.rawValue.utf8
    let digits = 20
    return hasher.withDigest { digest in
      String(unsafeUninitializedCapacity: prefix.count + 5 + digits) { text in
        var end = 0
        for byte in prefix {
          text[end] = byte
          end += 1
        }
        for byte in ":row-".utf8 {
          text[end] = byte
          end += 1
        }
        let hex: StaticString = "0123456789abcdef"
        let table = hex.utf8Start
        for index in 0..<digits {
          let byte = digest[index >> 1]
          text[end] = table[Int(index & 1 == 0 ? byte >> 4 : byte & 0x0F)]
          end += 1
        }
        return end
      }
    }
  }
}

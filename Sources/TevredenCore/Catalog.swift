import Foundation

/// Everything read from a questionnaire folder: the definitions, the indicator set and all diagnostics.
public struct Catalog: Sendable {
  /// The current definition of each questionnaire: what interviews ask and what reports follow.
  public var questionnaires: [LoadedQuestionnaire]
  /// Earlier versions of the questionnaires (`versions/<id>.v<version>.yaml`), kept as they were shipped so that
  /// responses answered under them (an older export, an exchange file) are read and stored under the version they
  /// were answered with. Never asked in an interview, never checked for plain Dutch.
  public var editions: [LoadedQuestionnaire] = []
  public var indicators: IndicatorSet?
  /// The text of `indicators.yaml`, when it was read without errors: a database keeps it, so that figures can be
  /// read from the database alone.
  public var indicatorsSource: String?
  public var diagnostics: [Diagnostic]
  /// How many definition files were read (including ones with errors).
  public var fileCount: Int

  /// The name of the indicator file inside a questionnaire folder.
  public static let indicatorFileName = "indicators.yaml"

  /// The loaded questionnaire with this id.
  public func questionnaire(_ id: Questionnaire.ID) -> LoadedQuestionnaire? {
    questionnaires.first { $0.questionnaire.id == id }
  }

  /// The folder beside the current definitions that holds earlier versions.
  public static let editionsFolderName = "versions"

  /// Every version of a questionnaire the folder holds, the current one first, then the earlier ones, newest first.
  public func versions(of id: Questionnaire.ID) -> [LoadedQuestionnaire] {
    questionnaires.filter { $0.questionnaire.id == id }
      + editions.filter { $0.questionnaire.id == id }.sorted { $0.questionnaire.version > $1.questionnaire.version }
  }

  /// The definition of one version of a questionnaire, current or earlier.
  public func questionnaire(_ id: Questionnaire.ID, version: Int) -> LoadedQuestionnaire? {
    versions(of: id).first { $0.questionnaire.version == version }
  }

  /// Loads a folder of definitions (every `*.yaml` and `*.yml`; `indicators.yaml` is the indicator set), or a
  /// single definition file.
  public static func load(from url: URL) -> Catalog {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      return Catalog(
        questionnaires: [], indicators: nil,
        diagnostics: [Diagnostic(.error, at: .init(file: url.relativePathForMessages), "no such file or folder")],
        fileCount: 0)
    }
    var files: [URL]
    if isDirectory.boolValue {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
      files = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        .map { url.appendingPathComponent($0) }
      let editions = url.appendingPathComponent(editionsFolderName)
      let earlier = (try? FileManager.default.contentsOfDirectory(atPath: editions.path)) ?? []
      files += earlier.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        .map { editions.appendingPathComponent($0) }
    } else {
      files = [url]
    }
    var texts: [Source] = []
    var unreadable: [Diagnostic] = []
    for file in files {
      let path = file.relativePathForMessages
      guard let data = FileManager.default.contents(atPath: file.path) else {
        unreadable.append(Diagnostic(.error, at: .init(file: path), "cannot read the file"))
        continue
      }
      guard let text = String(data: data, encoding: .utf8) else {
        unreadable.append(Diagnostic(.error, at: .init(file: path), "cannot read the file as UTF-8 text"))
        continue
      }
      texts.append(Source(path: path, text: text))
    }
    var catalog = parse(texts)
    catalog.fileCount = files.count
    catalog.diagnostics = unreadable + catalog.diagnostics
    if isDirectory.boolValue, files.allSatisfy({ Source(path: $0.path, text: "").isEarlierVersion }) {
      catalog.diagnostics.append(
        Diagnostic(.error, at: .init(file: url.relativePathForMessages), "the folder holds no .yaml definitions"))
    }
    return catalog
  }

  /// One definition file's text and the path diagnostics name it by.
  public struct Source: Hashable, Sendable {
    public var path: String
    public var text: String

    public init(path: String, text: String) {
      self.path = path
      self.text = text
    }

    /// The file name without its folder.
    public var name: String { path.split(separator: "/").last.map(String.init) ?? path }

    /// Whether the file is an earlier version of a questionnaire: it sits in the ``Catalog/editionsFolderName``
    /// folder.
    public var isEarlierVersion: Bool {
      let folders = path.split(separator: "/").dropLast()
      return folders.last.map(String.init) == Catalog.editionsFolderName
    }

    /// The id and version an earlier version's file name gives: `inwoners-melding` and 2 for
    /// `inwoners-melding.v2.yaml`.
    var earlierVersionName: (id: String, version: Int)? {
      var parts = name.split(separator: ".").map(String.init)
      guard parts.count >= 3 else { return nil }
      parts.removeLast()
      guard let last = parts.popLast(), last.hasPrefix("v"), let version = Int(last.dropFirst()) else { return nil }
      return (parts.joined(separator: "."), version)
    }
  }

  /// Parses definition texts as a folder holds them: `indicators.yaml` is the indicator set, every other file a
  /// questionnaire whose id is its file name.
  public static func parse(_ sources: [Source]) -> Catalog {
    var catalog = Catalog(questionnaires: [], indicators: nil, diagnostics: [], fileCount: sources.count)
    var indicatorsPath = indicatorFileName
    for source in sources {
      if source.name == indicatorFileName {
        indicatorsPath = source.path
        let (indicators, diagnostics) = IndicatorSet.parse(source.text, file: source.path)
        catalog.indicators = indicators
        catalog.indicatorsSource = indicators == nil ? nil : source.text
        catalog.diagnostics += diagnostics
      } else if source.isEarlierVersion {
        guard let (expectedID, version) = source.earlierVersionName else {
          catalog.diagnostics.append(
            Diagnostic(
              .error, at: .init(file: source.path),
              "an earlier version is named after its questionnaire and version: <id>.v<version>.yaml"))
          continue
        }
        let (loaded, diagnostics) = QuestionnaireLoader.parse(source.text, file: source.path, expectedID: expectedID)
        catalog.diagnostics += diagnostics
        guard let loaded else { continue }
        if loaded.questionnaire.version != version {
          catalog.diagnostics.append(
            Diagnostic(
              .error, at: .init(file: source.path),
              "the file name says version \(version), the definition version \(loaded.questionnaire.version)"))
        } else {
          catalog.editions.append(loaded)
        }
      } else {
        let expectedID = source.name.split(separator: ".").dropLast().joined(separator: ".")
        let (loaded, diagnostics) = QuestionnaireLoader.parse(source.text, file: source.path, expectedID: expectedID)
        if let loaded { catalog.questionnaires.append(loaded) }
        catalog.diagnostics += diagnostics
      }
    }
    catalog.diagnostics += catalog.editionProblems(
      currentFiles: Set(sources.filter { !$0.isEarlierVersion }.map(\.name)))
    // One definition per respondent group: reports add up responses per group, so two files for one group would
    // silently merge.
    var groupOwner: [String: String] = [:]
    for loaded in catalog.questionnaires {
      let key = "\(loaded.questionnaire.audience.rawValue)/\(loaded.questionnaire.group)"
      if let first = groupOwner[key] {
        catalog.diagnostics.append(
          Diagnostic(
            .error, at: .init(file: loaded.file),
            "group '\(loaded.questionnaire.group)' of audience \(loaded.questionnaire.audience.rawValue) is already defined by \(first); use one file per respondent group"
          ))
      } else {
        groupOwner[key] = loaded.file
      }
    }
    catalog.diagnostics += catalog.basisRoleProblems(file: indicatorsPath)
    // Per file in reading order, then by position, as a compiler lists them.
    catalog.diagnostics = catalog.diagnostics.enumerated().sorted { a, b in
      let (l, r) = (a.element.location, b.element.location)
      if l.file != r.file { return a.offset < b.offset }
      return (l.line ?? 0, l.column ?? 0, a.offset) < (r.line ?? 0, r.column ?? 0, b.offset)
    }.map(\.element)
    return catalog
  }

  /// An earlier version must be earlier than its questionnaire's current definition, of the same audience and
  /// group (responses keep their group across versions), and kept once.
  ///
  /// - Parameter currentFiles: The names of the current definition files: an earlier version of one that does not
  ///   load is not reported again (its own errors say what is wrong).
  func editionProblems(currentFiles: Set<String>) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    var seen: Set<String> = []
    for edition in editions {
      let old = edition.questionnaire
      func problem(_ message: String) { problems.append(Diagnostic(.error, at: .init(file: edition.file), message)) }
      guard seen.insert("\(old.id)/\(old.version)").inserted else {
        problem("version \(old.version) of \(old.id) is kept twice")
        continue
      }
      guard let current = questionnaire(old.id)?.questionnaire else {
        if !currentFiles.contains("\(old.id).yaml") && !currentFiles.contains("\(old.id).yml") {
          problem("an earlier version of \(old.id), which the folder does not define")
        }
        continue
      }
      if old.version >= current.version {
        problem("an earlier version of \(old.id) must have a lower version than its current \(current.version)")
      }
      if old.audience != current.audience || old.group != current.group {
        problem(
          "version \(old.version) of \(old.id) is for \(old.audience.rawValue)/\(old.group), the current one for "
            + "\(current.audience.rawValue)/\(current.group); a questionnaire keeps its group across versions")
      }
    }
    return problems
  }

  /// An indicator's `basis.roles` must name roles its audience's questionnaires offer: a misspelt code would leave
  /// every respondent with that role out of the figure without a word.
  func basisRoleProblems(file: String) -> [Diagnostic] {
    guard let indicators else { return [] }
    var problems: [Diagnostic] = []
    for indicator in indicators.indicators {
      guard let audience = indicator.audience, let roles = indicator.basis.roles else { continue }
      var offered: [String] = []
      for loaded in questionnaires where loaded.questionnaire.audience == audience {
        for item in Questionnaire.roleItems {
          guard case .choice(let choices, _)? = loaded.questionnaire.question(item)?.kind else { continue }
          for choice in choices where !offered.contains(choice.code) { offered.append(choice.code) }
        }
      }
      // Without questionnaires of the audience (a folder of indicators only) there is nothing to check against.
      guard !offered.isEmpty else { continue }
      for role in roles where !offered.contains(role) {
        problems.append(
          Diagnostic(
            .error, at: .init(file: file),
            "basis.roles of indicator '\(indicator.id)' names '\(role)', which no \(audience.rawValue) questionnaire "
              + "offers as a role; use one of \(offered.joined(separator: ", "))"))
      }
    }
    return problems
  }
}

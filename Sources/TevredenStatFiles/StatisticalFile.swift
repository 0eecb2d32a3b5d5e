import CReadStat
import Foundation
import TevredenCore

/// The analysis layout (``AnalysisCSV``) as an SPSS (`.sav`) or Stata (`.dta`) file: numeric variables with the
/// question as variable label, scale, yes/no and choice labels as value labels, and the missing codes as declared
/// missing values, so that SPSS and Stata leave them out of every statistic by themselves.
///
/// - A numeric item holds its value; a missing code is a negative number in SPSS (`-1` for the questionnaire's first
///   missing code, `-2` for the second, …, declared user-missing) and an extended missing value in Stata (`.a`,
///   `.b`, …), each labelled. Its code is also in the companion string variable `<item>_missing`.
/// - A single-choice item is numbered in the order of its definition (1, 2, …), with the choices' labels as value
///   labels; a multiple-choice item is one 0/1 variable per option.
/// - Variable names are the CSV's column names where the format allows them; otherwise shortened or changed, and
///   the CSV name is then the start of the variable label.
public struct StatisticalFile: Sendable {
  public enum Format: String, Sendable, CaseIterable {
    case sav
    case dta

    /// Stata's longest string variable that ReadStat writes as a plain string; SPSS's is far longer.
    var longestString: Int { self == .dta ? 2045 : 32767 }
    var longestName: Int { self == .dta ? 32 : 64 }
  }

  /// What made a file impossible to write.
  public struct WriteError: Error, LocalizedError, Equatable {
    public var message: String
    public var errorDescription: String? { message }
  }

  /// One variable of the file.
  struct Variable {
    enum Source {
      case metadata(Int)
      case column(AnalysisCSV.Column)
    }
    var name: String
    var label: String
    var source: Source
    var isNumeric: Bool
    /// Value labels of a numeric variable.
    var valueLabels: [(Double, String)] = []
    /// Whether the item's missing codes go into this numeric variable as declared missing values.
    var takesMissingCodes = false
  }

  let layout: AnalysisCSV
  let format: Format
  let variables: [Variable]
  /// The questionnaire's missing codes and labels, in order: the first is `-1` / `.a`.
  let missingCodes: [MissingCode]

  public init(definitions: [Questionnaire], format: Format) {
    layout = AnalysisCSV(definitions: definitions)
    self.format = format
    let newest = definitions.max { $0.version < $1.version }
    missingCodes = Array((newest?.missingCodes ?? []).prefix(26))
    var variables: [Variable] = AnalysisCSV.metadataColumns.enumerated().map { index, name in
      Variable(
        name: name, label: name, source: .metadata(index), isNumeric: AnalysisCSV.numericMetadataColumns.contains(name))
    }
    for column in layout.columns {
      guard let question = layout.question(column.item) else { continue }
      switch column {
      case .label:
        continue  // The value labels of the numbered choices say it.
      case .missing:
        variables.append(
          Variable(
            name: layout.name(of: column), label: "\(question.text) (ontbrekende waarde)", source: .column(column),
            isNumeric: false))
      case .option(_, let code):
        let label: String
        if case .choice(let choices, _) = question.kind, let choice = choices.first(where: { $0.code == code }) {
          label = "\(question.text): \(choice.label)"
        } else {
          label = question.text
        }
        variables.append(
          Variable(
            name: layout.name(of: column), label: label, source: .column(column), isNumeric: true,
            valueLabels: [(0, "niet gekozen"), (1, "gekozen")]))
      case .value:
        var variable = Variable(
          name: layout.name(of: column), label: question.text, source: .column(column), isNumeric: true)
        switch question.kind {
        case .consent, .yesNo: variable.valueLabels = [(1, "Ja"), (0, "Nee")]
        case .scale(let scale):
          variable.valueLabels = scale.points.map { (Double($0.value), $0.label) }
          // A variable has one set of value labels, the newest version's; when an earlier version in the file asked
          // the item on a scale with other labels, its rows' values meant those (the codebook lists them).
          let labels = scale.points.map(\.label)
          let others = definitions.filter { definition in
            guard case .scale(let earlier)? = definition.question(column.item)?.kind else { return false }
            return earlier.points.map(\.label) != labels
          }
          if !others.isEmpty {
            let versions = Set(others.map(\.version)).sorted().map(String.init).joined(separator: ", ")
            variable.label += " [waardelabels van de nieuwste versie; versie \(versions) had andere, zie het codeboek]"
          }
        case .choice(let choices, _):
          variable.valueLabels = choices.enumerated().map { (Double($0.offset + 1), $0.element.label) }
        case .grade, .number: break
        case .text: variable.isNumeric = false
        }
        variable.takesMissingCodes = variable.isNumeric && !question.missingCodes.isEmpty
        variables.append(variable)
      }
    }
    self.variables = Self.legalNames(variables, format: format)
  }

  /// Names the format accepts (letters, digits and `_`, starting with a letter, not too long, not reserved),
  /// unique; a changed name keeps the CSV's name at the start of its label.
  static func legalNames(_ variables: [Variable], format: Format) -> [Variable] {
    let reserved: Set<String> =
      format == .sav
      ? ["all", "and", "by", "eq", "ge", "gt", "le", "lt", "ne", "not", "or", "to", "with"]
      : [
        "_all", "_b", "byte", "_coef", "_cons", "double", "float", "if", "in", "int", "long", "_n", "_pi", "_pred",
        "_rc", "_skip", "strl", "using", "with",
      ]
    var used = Set<String>()
    return variables.map { variable in
      var name = String(
        variable.name.unicodeScalars.map { scalar -> Character in
          (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar))
            ? Character(scalar) : "_"
        })
      if name.first.map({ !$0.isLetter }) ?? true { name = "v_" + name }
      if reserved.contains(name.lowercased()) { name += "_" }
      if name.utf8.count > format.longestName { name = String(name.prefix(format.longestName)) }
      var unique = name
      var number = 2
      while used.contains(unique.lowercased()) {
        let suffix = "_\(number)"
        unique = String(name.prefix(format.longestName - suffix.count)) + suffix
        number += 1
      }
      used.insert(unique.lowercased())
      var renamed = variable
      renamed.name = unique
      if unique != variable.name { renamed.label = "\(variable.name): \(variable.label)" }
      return renamed
    }
  }

  /// A variable's value for one response: a number, a declared missing value (by the position of its code), text,
  /// or nothing.
  enum Value {
    case number(Double)
    case missing(Int)
    case text(String)
    case none
  }

  func value(of variable: Variable, in response: Response, metadata: [String]) -> Value {
    switch variable.source {
    case .metadata(let index):
      return variable.isNumeric ? Double(metadata[index]).map(Value.number) ?? .none : .text(metadata[index])
    case .column(let column):
      if case .value(let item) = column, variable.isNumeric {
        switch response.answers[item] {
        case .missing(let code)?:
          return missingCodes.firstIndex { $0.code == code }.map(Value.missing) ?? .none
        case .value(.choices(let codes))?:
          guard let code = codes.first, let question = layout.question(item),
            case .choice(let choices, _) = question.kind, let position = choices.firstIndex(where: { $0.code == code })
          else { return .none }
          return .number(Double(position + 1))
        case .value(.yesNo(let yes))?: return .number(yes ? 1 : 0)
        case .value(.scalePoint(let point))?, .value(.number(let point))?: return .number(Double(point))
        case .value(.grade(let grade))?: return .number(grade)
        case .value(.text)?, nil: return .none
        }
      }
      let cell = layout.cell(column, of: response)
      if variable.isNumeric { return Double(cell).map(Value.number) ?? .none }
      return .text(cell)
    }
  }

  /// Writes the responses `forEach` hands out (called twice: once to size the string variables, once to write).
  public func write(
    responses forEach: ((Response) throws -> Void) throws -> Void,
    to output: @escaping (UnsafeRawBufferPointer) throws -> Void
  ) throws {
    var widths = variables.map { _ in 1 }
    var rowCount = 0
    try forEach { response in
      rowCount += 1
      let metadata = layout.metadata(of: response)
      for index in variables.indices where !variables[index].isNumeric {
        if case .text(let text) = value(of: variables[index], in: response, metadata: metadata) {
          widths[index] = max(widths[index], text.utf8.count)
        }
      }
    }
    for (index, width) in widths.enumerated() where width > format.longestString {
      throw WriteError(
        message: "column '\(variables[index].name)' holds a text of \(width) bytes, longer than a .\(format.rawValue) "
          + "file's limit of \(format.longestString); export it as CSV (--analysis) instead")
    }

    let sink = Sink(output)
    guard let writer = readstat_writer_init() else { throw WriteError(message: "cannot start the file") }
    defer { readstat_writer_free(writer) }
    readstat_set_data_writer(writer) { data, length, context in
      guard let data, let context else { return -1 }
      let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
      return sink.write(UnsafeRawBufferPointer(start: data, count: length)) ? length : -1
    }
    var handles: [UnsafeMutablePointer<readstat_variable_t>?] = []
    for (index, variable) in variables.enumerated() {
      let type = variable.isNumeric ? READSTAT_TYPE_DOUBLE : READSTAT_TYPE_STRING
      let handle = readstat_add_variable(writer, variable.name, type, variable.isNumeric ? 0 : widths[index])
      readstat_variable_set_label(handle, variable.label)
      if !variable.valueLabels.isEmpty || variable.takesMissingCodes {
        let set = readstat_add_label_set(writer, READSTAT_TYPE_DOUBLE, "labels\(index)")
        for (value, label) in variable.valueLabels { readstat_label_double_value(set, value, label) }
        if variable.takesMissingCodes {
          for (position, missing) in missingCodes.enumerated() {
            switch format {
            case .sav: readstat_label_double_value(set, Self.savMissing(position), missing.label)
            case .dta: readstat_label_tagged_value(set, Self.dtaTag(position), missing.label)
            }
          }
        }
        readstat_variable_set_label_set(handle, set)
      }
      if variable.takesMissingCodes, format == .sav, !missingCodes.isEmpty {
        readstat_variable_add_missing_double_range(handle, Self.savMissing(missingCodes.count - 1), -1)
      }
      readstat_variable_set_measure(
        handle,
        variable.isNumeric
          ? (variable.valueLabels.count > 2 ? READSTAT_MEASURE_ORDINAL : READSTAT_MEASURE_SCALE)
          : READSTAT_MEASURE_NOMINAL)
      handles.append(handle)
    }
    let context = Unmanaged.passUnretained(sink).toOpaque()
    let started =
      format == .sav
      ? readstat_begin_writing_sav(writer, context, rowCount)
      : readstat_begin_writing_dta(writer, context, rowCount)
    try check(started, sink)
    try forEach { response in
      let metadata = layout.metadata(of: response)
      try check(readstat_begin_row(writer), sink)
      for (index, variable) in variables.enumerated() {
        let handle = handles[index]
        let result: readstat_error_t
        switch value(of: variable, in: response, metadata: metadata) {
        case .number(let number): result = readstat_insert_double_value(writer, handle, number)
        case .text(let text): result = readstat_insert_string_value(writer, handle, text)
        case .missing(let position):
          switch format {
          case .sav: result = readstat_insert_double_value(writer, handle, Self.savMissing(position))
          case .dta: result = readstat_insert_tagged_missing_value(writer, handle, Self.dtaTag(position))
          }
        case .none:
          result =
            variable.isNumeric
            ? readstat_insert_missing_value(writer, handle) : readstat_insert_string_value(writer, handle, "")
        }
        try check(result, sink)
      }
      try check(readstat_end_row(writer), sink)
    }
    try check(readstat_end_writing(writer), sink)
  }

  static func savMissing(_ position: Int) -> Double { Double(-(position + 1)) }
  static func dtaTag(_ position: Int) -> CChar { CChar(UInt8(ascii: "a") + UInt8(position)) }

  private func check(_ result: readstat_error_t, _ sink: Sink) throws {
    if let error = sink.error { throw error }
    guard result == READSTAT_OK else {
      throw WriteError(message: String(cString: readstat_error_message(result)))
    }
  }

  /// Where ReadStat's bytes go; keeps the first error of the output, which ReadStat only sees as a failed write.
  private final class Sink {
    let output: (UnsafeRawBufferPointer) throws -> Void
    var error: (any Error)?

    init(_ output: @escaping (UnsafeRawBufferPointer) throws -> Void) {
      self.output = output
    }

    func write(_ bytes: UnsafeRawBufferPointer) -> Bool {
      do {
        try output(bytes)
        return true
      } catch {
        if self.error == nil { self.error = error }
        return false
      }
    }
  }
}

extension AnalysisCSV.Column {
  /// The item the column belongs to.
  public var item: Question.ID {
    switch self {
    case .value(let item), .missing(let item), .label(let item), .option(let item, _): item
    }
  }
}

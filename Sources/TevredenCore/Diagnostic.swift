import Foundation

/// A problem found in an input file, with where it is.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  public enum Severity: String, Hashable, Sendable {
    case error
    case warning
    /// Something to know that is not a problem of the file, such as a machine-made translation to review.
    case note
  }

  /// A place in a file: 1-based line and column (column may be unknown).
  public struct Location: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
      self.file = file
      self.line = line
      self.column = column
    }

    public var description: String {
      var text = file
      if let line {
        text += ":\(line)"
        if let column { text += ":\(column)" }
      }
      return text
    }
  }

  public var severity: Severity
  public var location: Location
  public var message: String

  public init(_ severity: Severity, at location: Location, _ message: String) {
    self.severity = severity
    self.location = location
    self.message = message
  }

  /// `file:line:column: error: message`, as compilers print it.
  public var description: String {
    "\(location): \(severity.rawValue): \(message)"
  }
}

extension Array where Element == Diagnostic {
  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { contains { $0.severity == .error } }
}

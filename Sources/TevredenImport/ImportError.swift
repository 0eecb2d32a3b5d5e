import Foundation
import TevredenCore

/// Why an import cannot go on with a file: each message names the file (and line where known).
public enum ImportError: Error, Equatable, Sendable {
  /// A file or folder that cannot be used, and why (no such file, the wrong questionnaire, …).
  case unreadableFile(String, reason: String)
  /// A file that cannot be read on; the message already names the file (and line).
  case unreadableExport(String)
  /// The `--mapping` file does not fit a file: a role or recode names a column it does not have.
  case invalidMapping([Diagnostic])
}

extension ImportError: LocalizedError {
  public var errorDescription: String? {
    switch self {
    case .unreadableFile(let file, let reason): "\(file): \(reason)"
    case .unreadableExport(let message): message
    case .invalidMapping(let diagnostics): diagnostics.map(\.description).joined(separator: "\n")
    }
  }
}

/// The files an import reads, found from the paths the user gave.
public enum ImportFiles {
  /// The file-name prefix of registration-system exports.
  public static let registrationPrefix = "registratie-"

  /// Registration-system exports (`registratie-*.csv`, read by `indicators --merge`) are not survey responses: a
  /// folder import skips them, so they can live in `Responses/` beside the exports.
  public static func isRegistrationExport(_ path: String) -> Bool {
    URL(fileURLWithPath: path).lastPathComponent.lowercased().hasPrefix(registrationPrefix)
  }

  /// The file-name prefix of toelichting files (`toelichting-2026.yaml`, read by `report --toelichting`).
  public static let toelichtingPrefix = "toelichting-"

  /// Toelichting files are no survey responses either: a folder import skips them too, whatever their extension,
  /// so a copy saved as text beside the exports is not read as responses.
  public static func isToelichting(_ path: String) -> Bool {
    URL(fileURLWithPath: path).lastPathComponent.lowercased().hasPrefix(toelichtingPrefix)
  }

  /// Expands folders into the `.csv`, `.tsv`, `.txt` and `.xlsx` files below them, sorted, so every run reads files
  /// in the same order; files are taken as given.
  public static func collect(_ paths: [String]) throws(ImportError) -> [URL] {
    var files: [URL] = []
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw .unreadableFile(path, reason: "no such file or folder")
      }
      if isDirectory.boolValue {
        let url = URL(fileURLWithPath: path)
        let enumerator = FileManager.default.enumerator(atPath: path)
        var found: [URL] = []
        while let name = enumerator?.nextObject() as? String {
          let lowered = name.lowercased()
          if isRegistrationExport(name) || isToelichting(name) { continue }
          if [".csv", ".tsv", ".txt", ".xlsx"].contains(where: lowered.hasSuffix) {
            found.append(url.appendingPathComponent(name))
          }
        }
        files += found.sorted { $0.path < $1.path }
      } else {
        files.append(URL(fileURLWithPath: path))
      }
    }
    return files
  }

  /// The file name endings `import --inspect` looks for in folders.
  static let inspectedExtensions: Set<String> = ["csv", "tsv", "txt", "xlsx", "json"]

  /// The file itself, or the inspectable files below a folder (sorted), each with the name used in messages.
  public static func inspectable(_ path: String) throws(ImportError) -> [(url: URL, name: String)] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .unreadableFile(path, reason: "error: no such file or folder")
    }
    guard isDirectory.boolValue else { return [(URL(fileURLWithPath: path), path)] }
    let folder = URL(fileURLWithPath: path, isDirectory: true)
    var names: [String] = []
    let enumerator = FileManager.default.enumerator(atPath: path)
    while let name = enumerator?.nextObject() as? String {
      let url = folder.appendingPathComponent(name)
      var isFolder: ObjCBool = false
      // What a folder import leaves out, inspecting leaves out too: it shows what an import would read.
      guard !isRegistrationExport(name), !isToelichting(name),
        inspectedExtensions.contains(url.pathExtension.lowercased()),
        FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue
      else { continue }
      names.append(name)
    }
    guard !names.isEmpty else {
      throw .unreadableFile(path, reason: "error: no .csv, .tsv, .txt, .xlsx or .json files in this folder")
    }
    return names.sorted().map { name in
      (folder.appendingPathComponent(name), (path.hasSuffix("/") ? path : path + "/") + name)
    }
  }
}

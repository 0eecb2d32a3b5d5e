import Foundation
import TevredenCore
import TevredenImport

/// The file name endings `import --inspect` looks for in folders.
private let inspectedExtensions: Set<String> = ["csv", "tsv", "txt", "xlsx", "json"]

/// Inspects export files without a questionnaire and without writing anything (`tevreden import --inspect`).
///
/// Folders are expanded into every `.csv`, `.tsv`, `.txt`, `.xlsx` and `.json` file below them, sorted. Each
/// report goes to standard output; each file that cannot be inspected (missing, unreadable, a JSON API export) is
/// reported on standard error, and the files after it are still inspected.
///
/// - Parameters:
///   - paths: Files and folders as the user gave them.
///   - layout: A platform named by the user, which skips detection of the platform.
/// - Returns: The exit code: 0 when every file was inspected, 1 when any failed.
func runInspection(paths: [String], layout: SurveyPlatform?) -> Int32 {
  var failed = false
  var isFirstReport = true
  for path in paths {
    let files: [(url: URL, name: String)]
    do {
      files = try inspectionFiles(at: path)
    } catch {
      printError(error.localizedDescription)
      failed = true
      continue
    }
    for file in files {
      do {
        let inspection = try ExportInspection(contentsOf: file.url, layout: layout, name: file.name)
        if !isFirstReport { print("") }
        print(renderInspection(inspection))
        isFirstReport = false
      } catch {
        printError(error.localizedDescription)
        failed = true
      }
    }
  }
  return failed ? 1 : 0
}

/// The file itself, or the inspectable files below a folder (sorted), each with the name used in messages.
private func inspectionFiles(at path: String) throws(CLIError) -> [(url: URL, name: String)] {
  var isDirectory: ObjCBool = false
  guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
    throw CLIError.unreadableFile(path, reason: "error: no such file or folder")
  }
  guard isDirectory.boolValue else { return [(URL(fileURLWithPath: path), path)] }
  let folder = URL(fileURLWithPath: path, isDirectory: true)
  var names: [String] = []
  let enumerator = FileManager.default.enumerator(atPath: path)
  while let name = enumerator?.nextObject() as? String {
    let url = folder.appendingPathComponent(name)
    var isFolder: ObjCBool = false
    guard inspectedExtensions.contains(url.pathExtension.lowercased()),
      FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue
    else { continue }
    names.append(name)
  }
  guard !names.isEmpty else {
    throw CLIError.unreadableFile(path, reason: "error: no .csv, .tsv, .txt, .xlsx or .json files in this folder")
  }
  return names.sorted().map { name in
    (folder.appendingPathComponent(name), (path.hasSuffix("/") ? path : path + "/") + name)
  }
}

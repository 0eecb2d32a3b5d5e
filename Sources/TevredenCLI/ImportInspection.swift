import Foundation
import TevredenCore
import TevredenImport

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
      files = try ImportFiles.inspectable(path)
    } catch {
      printError(error.localizedDescription)
      failed = true
      continue
    }
    for file in files {
      do {
        let inspection = try ExportInspection(contentsOf: file.url, layout: layout, name: file.name)
        if !isFirstReport { print("") }
        print(inspection.rendered)
        isFirstReport = false
      } catch {
        printError(error.localizedDescription)
        failed = true
      }
    }
  }
  return failed ? 1 : 0
}

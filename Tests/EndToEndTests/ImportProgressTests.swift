import Foundation
import Testing
import TevredenStore
import TevredenTestSupport

/// The import's progress bar: on standard error when it is a terminal, never in a pipe.
@Suite struct ImportProgressTests {
  /// A Google Forms export with `copies` copies of its rows (identical rows without an id are respondents who
  /// answered alike: each copy is stored, numbered by its occurrence).
  func largeExport(in folder: URL, copies: Int) throws -> URL {
    let source = try Data(contentsOf: URL(fileURLWithPath: PlatformImportTests.googleForms))
    let newline = UInt8(ascii: "\n")
    guard let headerEnd = source.firstIndex(of: newline) else { throw CocoaError(.fileReadCorruptFile) }
    var rows = source[(headerEnd + 1)...]
    if rows.last != newline { rows.append(newline) }
    var data = Data(source[...headerEnd])
    for _ in 0..<copies { data.append(rows) }
    let url = folder.appendingPathComponent("groot-export.csv")
    try data.write(to: url)
    return url
  }

  @Test func aTerminalShowsTheBarAndAPipeDoesNot() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let export = try largeExport(in: folder, copies: 800)  // 2,400 rows: progress is reported every 1,024 rows
    let arguments = ["import", export.path, "--questionnaires", questionnairesFolder.path]

    let session = try LiveSession.inTerminal(
      arguments + ["--db", folder.appendingPathComponent("tty.sqlite").path], cwd: folder,
      env: ["TEVREDEN_PROGRESS_AFTER_MS": "0"])
    let status = try session.waitForExit(timeout: .seconds(120))
    #expect(status == 0, "\(session.output)")
    #expect(session.output.contains("importing groot-export.csv ["), "\(session.output)")
    #expect(session.output.contains("1,024 rows"), "\(session.output)")
    // The bar's line is cleared before the report, which says what was stored.
    #expect(session.output.contains("\r\u{1B}[K"), "\(session.output)")
    #expect(session.output.contains("2400 rows: 2400 imported, 0 already present, 0 rejected"), "\(session.output)")

    let piped = try runTevredenProcess(
      arguments + ["--db", folder.appendingPathComponent("pipe.sqlite").path], cwd: folder,
      env: ["TEVREDEN_PROGRESS_AFTER_MS": "0"])
    #expect(piped.exitCode == 0, "\(piped)")
    #expect(!piped.stderr.contains("importing"), "\(piped)")
    #expect(!piped.stderr.contains("\r"), "\(piped)")
    #expect(piped.stdout.contains("2400 rows: 2400 imported, 0 already present, 0 rejected"), "\(piped)")
  }
}

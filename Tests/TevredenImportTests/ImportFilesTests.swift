import Foundation
import Testing
import TevredenTestSupport

@testable import TevredenImport

/// Which files a folder import reads: survey exports, not the registration file or the toelichting beside them.
@Suite struct ImportFilesTests {
  @Test func aFolderImportSkipsRegistrationAndToelichtingFiles() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let sub = folder.appendingPathComponent("2026")
    try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
    for name in [
      "2026/inwoners-melding.csv", "registratie-indicatoren-2026.csv", "toelichting-2026.yaml",
      "Toelichting-2026.txt", "2026/toelichting-kopie.csv", "notities.yaml",
    ] {
      try "x\n".write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let files = try ImportFiles.collect([folder.path]).map(\.lastPathComponent)
    #expect(files == ["inwoners-melding.csv"])
    // Inspecting the folder shows what importing it would read.
    #expect(try ImportFiles.inspectable(folder.path).map(\.url.lastPathComponent) == ["inwoners-melding.csv"])
    // A file named on the command line is read as given.
    let named = folder.appendingPathComponent("Toelichting-2026.txt").path
    #expect(try ImportFiles.collect([named]).map(\.lastPathComponent) == ["Toelichting-2026.txt"])
  }
}

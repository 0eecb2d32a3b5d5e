import Foundation

// `swift build -c release` builds every target, also this one, where Swift Testing is not on the search path; only
// the test targets, which are built for testing, use the trait.
#if canImport(Testing)
  import Testing
#endif

/// The package root (the folder holding `Package.swift`), found from this file's path:
/// `Tests/TevredenTestSupport/ExportFolders.swift` is three levels below it.
private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// The real survey-platform exports, `shared/fixtures/exports` checked out beside the package. Developers and CI
/// have it; a user's clone does not, so every test that reads it carries ``Trait/requiresSharedExports``.
public let sharedExportsFolder = packageRoot.deletingLastPathComponent().appendingPathComponent(
  "shared/fixtures/exports")

/// Whether ``sharedExportsFolder`` is there.
public let sharedExportsArePresent: Bool = {
  var isFolder: ObjCBool = false
  return FileManager.default.fileExists(atPath: sharedExportsFolder.path, isDirectory: &isFolder) && isFolder.boolValue
}()

/// The exports the project makes itself (`Tests/EndToEndTests/PlatformExports`, written by its `make-exports.py`):
/// every layout of the shared exports, in files that come with every clone.
public let projectExportsFolder = packageRoot.appendingPathComponent("Tests/EndToEndTests/PlatformExports")

/// One of the project's own exports, e.g. `projectExport("qualtrics-inwoners-melding.csv")`.
public func projectExport(_ name: String) -> URL {
  projectExportsFolder.appendingPathComponent(name)
}

#if canImport(Testing)
  extension Trait where Self == ConditionTrait {
    /// Skips a test over ``sharedExportsFolder``, with the reason, when the folder is absent; where it is present
    /// (developers, CI) the test runs as it always did.
    public static var requiresSharedExports: Self {
      .enabled(
        if: sharedExportsArePresent,
        """
        ../shared/fixtures/exports is absent (a user's clone); the project's own exports under \
        Tests/EndToEndTests/PlatformExports cover the same layouts
        """)
    }
  }
#endif

/// A remark with an identifier of every kind the masking knows, and what the database must hold instead.
public enum RemarkWithEveryIdentifier {
  public static let text =
    "Mijn buurman Piet de Vries (BSN 123456782) belde van 06-12345678, mail piet@example.nl, IBAN "
    + "NL91ABNA0417164300, adres Dorpsstraat 12, postcode 1811 AB, kenteken AB-12-CD, geboren 12-03-1985, IP "
    + "192.168.1.23, locatie 52.6324, 4.7534, dossier VT-2026-00123."
  public static let masked =
    "Mijn buurman [naam] (BSN [BSN]) belde van [telefoonnummer], mail [e-mail], IBAN [IBAN], adres [adres], "
    + "postcode [postcode], kenteken [kenteken], geboren [datum], IP [IP-adres], locatie [locatie], dossier "
    + "[zaaknummer]."
  /// Pieces of ``text`` that must appear nowhere once it is stored.
  public static let identifiers = [
    "Piet", "Vries", "123456782", "06-12345678", "piet@example.nl", "NL91ABNA0417164300", "Dorpsstraat", "1811 AB",
    "AB-12-CD", "12-03-1985", "192.168.1.23", "52.6324", "VT-2026-00123",
  ]
}

// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "tevreden",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "tevreden", targets: ["tevreden"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    .target(
      name: "TevredenCore",
      dependencies: ["CTevredenSHA", .product(name: "Yams", package: "Yams")]
    ),
    // SHA-256 with the processor's SHA instructions, which Swift cannot name: an import hashes every row.
    .target(name: "CTevredenSHA"),
    .target(
      name: "TevredenStore",
      dependencies: [
        "TevredenCore", "CTevredenSQLite", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]
    ),
    // The one SQLite setting Swift cannot make itself: sqlite3_config is variadic.
    .target(name: "CTevredenSQLite", linkerSettings: [.linkedLibrary("sqlite3")]),
    // Reads tables (delimited text in any encoding, XLSX workbooks) within fixed limits; knows nothing of surveys.
    .target(
      name: "TevredenTables",
      dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]
    ),
    // Everything an import knows: layouts, platform rules, mapping, values, dates, personal data, the exchange
    // format's reader, inspection, the planner (file → plan) and the pipeline that hands rows to a sink.
    .target(name: "TevredenImport", dependencies: ["TevredenCore", "TevredenTables"]),
    .target(
      name: "TevredenCLI",
      dependencies: [
        "TevredenCore",
        "TevredenStore",
        "TevredenImport",
        "TevredenReport",
        "TevredenStatFiles",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .target(name: "TevredenReport", dependencies: ["TevredenCore"]),
    // SPSS and Stata files of the analysis layout, written by ReadStat, a system library (libreadstat-dev) linked as
    // GRDB links SQLite.
    .systemLibrary(name: "CReadStat", providers: [.apt(["libreadstat-dev"])]),
    .target(name: "TevredenStatFiles", dependencies: ["TevredenCore", "CReadStat"]),
    .executableTarget(name: "tevreden", dependencies: ["TevredenCLI"]),
    // Test helpers shared by the test targets (where the platform exports are, whether ../shared is there); only
    // test targets depend on it.
    .target(
      name: "TevredenTestSupport", dependencies: ["TevredenCore"], path: "Tests/TevredenTestSupport",
      exclude: ["Questionnaires"]),
    .testTarget(
      name: "TevredenCoreTests",
      dependencies: ["TevredenCore", "TevredenTestSupport"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "TevredenStoreTests",
      dependencies: [
        "TevredenStore", "TevredenCore", "TevredenTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
    .testTarget(
      name: "TevredenCLITests",
      dependencies: [
        "TevredenCLI", "TevredenCore", "TevredenImport", "TevredenStore", "TevredenStatFiles", "TevredenTestSupport",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
    .testTarget(
      name: "TevredenTablesTests",
      dependencies: [
        "TevredenTables", "TevredenTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "TevredenImportTests",
      dependencies: ["TevredenImport", "TevredenTables", "TevredenCore", "TevredenTestSupport"]
    ),
    .testTarget(
      name: "TevredenReportTests",
      dependencies: ["TevredenReport", "TevredenCore", "TevredenStore", "TevredenTestSupport"],
      exclude: ["Snapshots"]
    ),
    .testTarget(
      name: "EndToEndTests",
      dependencies: [
        "TevredenCore", "TevredenStore", "TevredenTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
      ],
      exclude: ["Figures", "PlatformExports", "PrivacyFixtures"]
    ),
  ],
  swiftLanguageModes: [.v6]
)

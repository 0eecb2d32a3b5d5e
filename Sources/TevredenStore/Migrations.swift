import GRDB
import TevredenCore

extension TevredenDatabase {
  /// The migration that keys answers by item number (see ``ItemCodes``).
  static let numberedItemsMigration = "v13-numbered-items"
  /// The migration that drops AUTOINCREMENT and the per-row foreign-key checks from the response table.
  static let leanKeysMigration = "v16-lean-keys"
  /// The migration that leaves a response's questionnaire, version, audience and group to its definition's row.
  static let slimResponseMigration = "v17-slim-response"
  /// The migration that rewrites the response table's CHECK rules without `IN`.
  static let cheapChecksMigration = "v11-cheap-checks"
  /// The migrations that rebuild the response table: a file that one of them was applied to is compacted after.
  static let rebuildingMigrations: Set<String> = [
    cheapChecksMigration, numberedItemsMigration, leanKeysMigration, slimResponseMigration,
  ]

  /// The newest schema this build writes, as `--version` shows it.
  public static var schemaVersion: String { migrator.migrations.last ?? "" }

  /// The schema's history. Append new migrations; never edit one that has shipped.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1-questionnaires-responses-answers") { db in
      try db.create(table: "questionnaireSnapshot") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("questionnaireID", .text).notNull()
        t.column("version", .integer).notNull().check { $0 >= 1 }
        t.column("audience", .text).notNull().check { ["inwoners", "ketenpartners"].contains($0) }
        t.column("respondentGroup", .text).notNull()
        t.column("groupLabel", .text).notNull()
        t.column("sha256", .text).notNull().unique()
        t.column("definition", .text).notNull()
        t.column("storedAt", .text).notNull()
      }
      try db.create(table: "importBatch") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("source", .text).notNull()
        t.column("sha256", .text).notNull()
        t.column("format", .text).notNull()
        t.column("importedAt", .text).notNull()
        t.column("insertedCount", .integer).notNull()
        t.column("duplicateCount", .integer).notNull()
        t.column("rejectedCount", .integer).notNull()
      }
      try db.create(table: "response") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("responseKey", .text).notNull().unique()
        t.belongsTo("snapshot", inTable: "questionnaireSnapshot").notNull()
        t.column("questionnaireID", .text).notNull()
        t.column("questionnaireVersion", .integer).notNull()
        t.column("audience", .text).notNull().check { ["inwoners", "ketenpartners"].contains($0) }
        t.column("respondentGroup", .text).notNull()
        t.column("gemeente", .text)
        t.column("mode", .text).notNull()
        t.column("interviewer", .text)
        t.column("startedAt", .text).notNull()
        t.column("completedAt", .text)
        t.column("collectedOn", .text).notNull()
        t.column("status", .text).notNull().check { ["completed", "partial", "refused"].contains($0) }
        t.column("grade", .double).check { $0 == nil || ($0 >= 1 && $0 <= 10) }
        t.belongsTo("importBatch", onDelete: .setNull)
      }
      try db.create(index: "response_on_status_collectedOn", on: "response", columns: ["status", "collectedOn"])
      try db.create(table: "answer") { t in
        t.belongsTo("response", onDelete: .cascade).notNull()
        t.column("item", .text).notNull()
        t.column("value", .text)
        t.column("missingCode", .text)
        t.primaryKey(["responseId", "item"])
        t.check(sql: "(value IS NULL) <> (missingCode IS NULL)")
      }
    }
    migrator.registerMigration("v2-interviews") { db in
      // One row per terminal interview: whether it runs or is paused, and which process runs it.
      try db.create(table: "interview") { t in
        t.primaryKey("responseId", .integer).references("response", onDelete: .cascade)
        t.column("state", .text).notNull().check { ["active", "paused", "completed", "refused"].contains($0) }
        t.column("processId", .integer)
        t.column("lastActivityAt", .text).notNull()
      }
      // Paradata: what happened when, by which interviewer. Never an answer value.
      try db.create(table: "interviewEvent") { t in
        t.autoIncrementedPrimaryKey("id")
        t.belongsTo("response", onDelete: .cascade).notNull()
        t.column("event", .text).notNull().check {
          [
            "started", "resumed", "answered", "answer_changed", "answer_removed", "paused", "quick_exit", "completed",
            "refused",
          ].contains($0)
        }
        t.column("item", .text)
        t.column("at", .text).notNull()
        t.column("interviewer", .text)
        t.column("millisecondsSincePrevious", .integer).check { $0 == nil || $0 >= 0 }
      }
    }
    migrator.registerMigration("v3-compact-answers") { db in
      // Answers in a table clustered on (response, item), without a separate rowid tree and without the
      // second index on responseId that v1's table had next to its primary key: an answer is then one b-tree
      // insert instead of three, which made imports markedly faster (about 17 answers per response), and the
      // file smaller. Nothing references answer rows, so the table is rebuilt and renamed.
      try db.create(table: "answerCompact", options: .withoutRowID) { t in
        t.column("responseId", .integer).notNull().references("response", onDelete: .cascade)
        t.column("item", .text).notNull()
        t.column("value", .text)
        t.column("missingCode", .text)
        t.primaryKey(["responseId", "item"])
        t.check(sql: "(value IS NULL) <> (missingCode IS NULL)")
      }
      try db.execute(
        sql: """
          INSERT INTO answerCompact (responseId, item, value, missingCode)
          SELECT responseId, item, value, missingCode FROM answer ORDER BY responseId, item
          """)
      try db.drop(table: "answer")
      try db.rename(table: "answerCompact", to: "answer")
    }
    migrator.registerMigration("v4-answers-in-response") { db in
      // A response's answers in two JSON objects on its own row, item → canonical value text and item → missing
      // code, instead of a row per answer: an import then writes one row per response instead of about
      // eighteen, which is what made imports slow, and SQLite reads the objects with json_each where a query
      // needs single answers. The indexes GRDB made for the two foreign keys go too: no query looks responses up
      // by snapshot or import batch, and rows of those tables are never deleted.
      try db.alter(table: "response") { t in
        // No json_valid CHECK: it parsed both objects again on every insert, a fifth of SQLite's time in an
        // import (measured). The objects are written by one type, JSONObjectWriter, whose output the
        // tests read back through SQLite's own parser, and by SQLite's json_set/json_remove; a malformed object
        // would make every query that reads answers fail loudly, never count silently.
        t.add(column: "answers", .text).notNull().defaults(to: "{}")
        t.add(column: "missing", .text).notNull().defaults(to: "{}")
      }
      try db.execute(
        sql: """
          UPDATE response SET
            answers = COALESCE((SELECT json_group_object(item, value) FROM answer
                                WHERE responseId = response.id AND value IS NOT NULL), '{}'),
            missing = COALESCE((SELECT json_group_object(item, missingCode) FROM answer
                                WHERE responseId = response.id AND missingCode IS NOT NULL), '{}');
          DROP TABLE answer;
          DROP INDEX IF EXISTS response_on_snapshotId;
          DROP INDEX IF EXISTS response_on_importBatchId;
          """)
    }
    migrator.registerMigration("v5-response-key-hash") { db in
      // The unique index moves from the response id's text to a 64-bit hash of it (ResponseKeyHash), and the
      // (status, collectedOn) index goes. Both indexes received row-hash ids and dates in random order, and at a
      // million responses they outgrew an import's page cache together, so that each insert wrote index pages
      // out and read them back. Measured with SQLite on 1,000,000 responses: 14.0 s with both, 7.1 s with only
      // the integer index. The queries that used the dated index read most of the table anyway (a period is
      // usually most of what is stored), and scan it in order faster than they jumped through it.
      // SQLite cannot drop a column's UNIQUE constraint, so the table is rebuilt as its documentation describes;
      // GRDB runs a migration with foreign keys off and checks them before committing.
      let keyHash = DatabaseFunction("tevreden_key_hash", argumentCount: 1, pure: true) { values in
        guard let key = String.fromDatabaseValue(values[0]) else { return nil }
        return ResponseKeyHash.of(key)
      }
      db.add(function: keyHash)
      defer { db.remove(function: keyHash) }
      let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'response'")
      try db.execute(
        sql: """
          CREATE TABLE response_v5 (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            responseKey TEXT NOT NULL,
            keyHash INTEGER NOT NULL,
            snapshotId INTEGER NOT NULL REFERENCES questionnaireSnapshot(id),
            questionnaireID TEXT NOT NULL,
            questionnaireVersion INTEGER NOT NULL,
            audience TEXT NOT NULL CHECK (audience IN ('inwoners', 'ketenpartners')),
            respondentGroup TEXT NOT NULL,
            gemeente TEXT,
            mode TEXT NOT NULL,
            interviewer TEXT,
            startedAt TEXT NOT NULL,
            completedAt TEXT,
            collectedOn TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('completed', 'partial', 'refused')),
            grade DOUBLE CHECK (grade IS NULL OR (grade >= 1 AND grade <= 10)),
            importBatchId INTEGER REFERENCES importBatch(id) ON DELETE SET NULL,
            answers TEXT NOT NULL DEFAULT '{}',
            missing TEXT NOT NULL DEFAULT '{}'
          );
          INSERT INTO response_v5 (id, responseKey, keyHash, snapshotId, questionnaireID, questionnaireVersion,
            audience, respondentGroup, gemeente, mode, interviewer, startedAt, completedAt, collectedOn, status,
            grade, importBatchId, answers, missing)
          SELECT id, responseKey, tevreden_key_hash(responseKey), snapshotId, questionnaireID, questionnaireVersion,
            audience, respondentGroup, gemeente, mode, interviewer, startedAt, completedAt, collectedOn, status,
            grade, importBatchId, answers, missing
          FROM response ORDER BY id;
          DROP TABLE response;
          ALTER TABLE response_v5 RENAME TO response;
          CREATE UNIQUE INDEX response_on_keyHash ON response(keyHash);
          """)
      // Ids of deleted responses are never handed out again (AUTOINCREMENT), also not after the rebuild.
      if let sequence {
        try db.execute(
          sql: "UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = 'response'", arguments: [sequence])
        if db.changesCount == 0 {
          try db.execute(sql: "INSERT INTO sqlite_sequence (name, seq) VALUES ('response', ?)", arguments: [sequence])
        }
      }
    }
    migrator.registerMigration("v6-settings-log-undo") { db in
      // What a database needs to be used without the folder it was made in: the indicator set (norms and
      // thresholds) the last writing command ran with, so that reading commands can score from the database alone.
      try db.create(table: "setting") { t in
        t.primaryKey("name", .text)
        t.column("value", .text).notNull()
        t.column("updatedAt", .text).notNull()
      }
      // An import batch can be taken back; it stays listed, marked with when.
      try db.alter(table: "importBatch") { t in
        t.add(column: "undoneAt", .text)
      }
      // Changes made to the data other than adding responses (undoing a batch, merging stations), with when and
      // what: never an answer or a text a respondent gave.
      try db.create(table: "changeLog") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("at", .text).notNull()
        t.column("action", .text).notNull()
        t.column("detail", .text).notNull()
      }
    }
    migrator.registerMigration("v7-stepwise-imports") { db in
      // An import is written in short transactions instead of one, so that interviewers are never kept waiting,
      // and stays all or nothing through its batch's state: `running` while it is stored (its responses are left
      // out by every query that reads responses), `committed` when its last step is done. The process id and
      // its start time let the next command tell an import that was killed from one still running, and
      // responsesAfter (the largest response id before it began) lets removing one read only its own rows.
      try db.alter(table: "importBatch") { t in
        t.add(column: "state", .text).notNull().defaults(to: "committed")
          .check { ["running", "committed"].contains($0) }
        t.add(column: "processId", .integer)
        t.add(column: "processStartedAt", .text)
        t.add(column: "responsesAfter", .integer)
      }
    }
    migrator.registerMigration("v8-interview-take-over") { db in
      // An interview whose process was killed, and whose process number now belongs to another program, can be
      // taken over (`--resume ID --take-over`, confirmed by the interviewer); the audit log records that as an event
      // of its own. SQLite cannot change a CHECK constraint, so the event table is rebuilt with the longer list,
      // as its documentation describes; ids and the AUTOINCREMENT sequence are kept.
      let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'interviewEvent'")
      try db.execute(
        sql: """
          CREATE TABLE interviewEvent_v8 (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            responseId INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,
            event TEXT NOT NULL CHECK (event IN ('started', 'resumed', 'answered', 'answer_changed', 'answer_removed',
              'paused', 'quick_exit', 'completed', 'refused', 'taken_over')),
            item TEXT,
            at TEXT NOT NULL,
            interviewer TEXT,
            millisecondsSincePrevious INTEGER CHECK (millisecondsSincePrevious IS NULL OR millisecondsSincePrevious >= 0)
          );
          INSERT INTO interviewEvent_v8 (id, responseId, event, item, at, interviewer, millisecondsSincePrevious)
          SELECT id, responseId, event, item, at, interviewer, millisecondsSincePrevious FROM interviewEvent ORDER BY id;
          DROP TABLE interviewEvent;
          ALTER TABLE interviewEvent_v8 RENAME TO interviewEvent;
          CREATE INDEX interviewEvent_on_responseId ON interviewEvent(responseId);
          """)
      if let sequence {
        try db.execute(
          sql: "UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = 'interviewEvent'", arguments: [sequence])
        if db.changesCount == 0 {
          try db.execute(
            sql: "INSERT INTO sqlite_sequence (name, seq) VALUES ('interviewEvent', ?)", arguments: [sequence])
        }
      }
    }
    migrator.registerMigration("v9-remark-reviews") { db in
      // A person's decision on an open answer before anyone reads it in a report (`tevreden remarks review`),
      // for the text as it stood then: an answer changed since needs review again.
      try db.execute(
        sql: """
          CREATE TABLE remarkReview (
            responseId INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,
            item TEXT NOT NULL,
            decision TEXT NOT NULL CHECK (decision = 'accepted' OR decision = 'dropped'),
            textSha256 TEXT NOT NULL,
            reviewedAt TEXT NOT NULL,
            PRIMARY KEY (responseId, item)
          ) WITHOUT ROWID
          """)
    }
    migrator.registerMigration("v10-response-revisions") { db in
      // A response stored as partial that a later import brings further (completed, refused, or with more
      // answers) is updated in place, keeping its row id and key. The update is one row here: what the response
      // was before (its metadata and which items the update added, never an answer's value), so that undoing the
      // later import puts it back exactly, and what it becomes. While the import runs the update waits here,
      // with the new answers, and is applied in the import's last step, when its responses become visible; the
      // answers are cleared then (`newAnswers` NULL), so that no answer is kept twice.
      try db.create(table: "responseRevision") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("responseId", .integer).notNull().references("response", onDelete: .cascade)
        t.column("importBatchId", .integer).notNull().references("importBatch")
        t.column("previousSnapshotId", .integer).notNull().references("questionnaireSnapshot")
        t.column("previousGemeente", .text)
        t.column("previousStatus", .text).notNull()
        t.column("previousCompletedAt", .text)
        t.column("previousCollectedOn", .text).notNull()
        t.column("previousGrade", .double)
        // JSON arrays of the item ids the update added to the response's answers and to its missing codes.
        t.column("addedAnswers", .text).notNull()
        t.column("addedMissing", .text).notNull()
        t.column("newSnapshotId", .integer).notNull().references("questionnaireSnapshot")
        t.column("newGemeente", .text)
        t.column("newStatus", .text).notNull()
        t.column("newCompletedAt", .text)
        t.column("newCollectedOn", .text).notNull()
        t.column("newGrade", .double)
        t.column("newAnswers", .text)
        t.column("newMissing", .text)
      }
      try db.create(index: "responseRevision_on_responseId", on: "responseRevision", columns: ["responseId"])
      try db.create(index: "responseRevision_on_importBatchId", on: "responseRevision", columns: ["importBatchId"])
      // How many stored responses an import batch updated that way (not new, not already present, not rejected).
      try db.alter(table: "importBatch") { t in
        t.add(column: "updatedCount", .integer).notNull().defaults(to: 0)
      }
    }
    migrator.registerMigration(cheapChecksMigration) { db in
      // SQLite 3.40 (the system library) evaluates `CHECK (status IN ('completed', 'partial', 'refused'))` by
      // building a temporary b-tree of the list on every insert: about half of the instructions of storing an
      // imported response (measured with callgrind). The same rule written with `=` and `OR` costs almost nothing.
      // SQLite cannot change a CHECK constraint, so the response table is rebuilt with the rule rewritten, keeping
      // its rows, row ids, indexes and AUTOINCREMENT sequence.
      try rebuild(table: "response", in: db) { sql in
        sql.replacingOccurrences(
          of: "CHECK (audience IN ('inwoners', 'ketenpartners'))",
          with: "CHECK (audience = 'inwoners' OR audience = 'ketenpartners')"
        )
        .replacingOccurrences(
          of: "CHECK (status IN ('completed', 'partial', 'refused'))",
          with: "CHECK (status = 'completed' OR status = 'partial' OR status = 'refused')")
      }
    }
    migrator.registerMigration("v12-answer-views") { db in
      // The answers readable without tevreden, one row per answer or missing code, whatever layout the response
      // row keeps them in: the documented way in for R, pandas or the sqlite3 shell (README, "Reading the database
      // without tevreden"). Responses of an import still running are left out, as every query of tevreden's does.
      let visible = visibleResponses("r")
      try createVisibleResponseView(in: db, from: "response")
      try db.execute(
        sql: """
          CREATE VIEW responseAnswer AS
            SELECT r.id AS responseId, r.responseKey, r.questionnaireID, r.questionnaireVersion, a.key AS item,
              a.value AS value, NULL AS missingCode
            FROM response r, json_each(r.answers) a WHERE \(visible)
            UNION ALL
            SELECT r.id, r.responseKey, r.questionnaireID, r.questionnaireVersion, m.key, NULL, m.value
            FROM response r, json_each(r.missing) m WHERE \(visible);
          """)
    }
    migrator.registerMigration(numberedItemsMigration) { db in
      // Answers keyed by a number per item id instead of the id (see ItemCodes): the row about half as long. The
      // numbers go to the items of the stored definitions first, in the order they were stored, then to any other
      // key found in stored answers (an item its definition lacks, which reading the response refuses, as before).
      // An object that is not one of strings is kept unchanged, so that reading it still fails loudly.
      try db.execute(sql: "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)")
      var definitionItems: [String] = []
      for record in try SnapshotRecord.order(Column("id")).fetchAll(db) {
        guard let questionnaire = try? snapshot(record).definition.questionnaire else { continue }
        definitionItems += questionnaire.questions.map(\.id.rawValue)
      }
      let rekeying = Rekeying(codes: try ItemCodes.ensure(definitionItems, in: db))
      let rekey = DatabaseFunction("tevreden_rekey", argumentCount: 1, pure: false) { values in
        guard let text = String.fromDatabaseValue(values[0]) else { return values[0] }
        return rekeying.rekey(text)
      }
      db.add(function: rekey)
      defer { db.remove(function: rekey) }
      try rebuild(
        table: "response", in: db, rewrite: { $0 },
        columns: ["answers": "tevreden_rekey(answers)", "missing": "tevreden_rekey(missing)"])
      try db.execute(
        sql: """
          UPDATE responseRevision SET newAnswers = tevreden_rekey(newAnswers), newMissing = tevreden_rekey(newMissing)
          WHERE newAnswers IS NOT NULL OR newMissing IS NOT NULL
          """)
      for (name, code) in rekeying.added {
        try db.execute(sql: "INSERT INTO item (id, name) VALUES (?, ?)", arguments: [code, name])
      }
      try createAnswerViews(in: db, dropping: true)
    }
    migrator.registerMigration("v14-contact-outcomes") { db in
      // How interviewer contacts ended without a questionnaire (not reached, wrong number, …), for the AAPOR
      // response and cooperation rates. Nothing about the person: the group, the day, the interviewer's code. The
      // key lets a merge of station databases add each contact once.
      let outcomes = ContactOutcome.allCases.map { "outcome = '\($0.rawValue)'" }.joined(separator: " OR ")
      try db.execute(
        sql: """
          CREATE TABLE contactOutcome (
            id INTEGER PRIMARY KEY,
            contactKey TEXT NOT NULL UNIQUE,
            questionnaireID TEXT NOT NULL,
            audience TEXT NOT NULL,
            respondentGroup TEXT NOT NULL,
            outcome TEXT NOT NULL CHECK (\(outcomes)),
            mode TEXT NOT NULL CHECK (mode = 'telefonisch' OR mode = 'persoonlijk'),
            interviewer TEXT,
            collectedOn TEXT NOT NULL,
            recordedAt TEXT NOT NULL
          );
          CREATE INDEX contactOutcomeDay ON contactOutcome (collectedOn);
          """)
    }
    migrator.registerMigration("v15-response-language") { db in
      // The language a respondent answered in (ISO 639-1) and whether an interpreter took part in the interview.
      // Every response stored before was asked in Dutch: no definition could name another language then. The rules
      // are written without IN, which SQLite evaluates with a temporary b-tree per insert (see v11).
      try db.execute(
        sql: """
          ALTER TABLE response ADD COLUMN language TEXT NOT NULL DEFAULT 'nl'
            CHECK (length(language) = 2 AND language GLOB '[a-z][a-z]');
          ALTER TABLE response ADD COLUMN interpreter INTEGER NOT NULL DEFAULT 0 CHECK (interpreter = 0 OR interpreter = 1);
          """)
    }
    migrator.registerMigration(leanKeysMigration) { db in
      // Storing a response without two per-row costs that the floor benchmark (`Benchmarks/store-floor.c`) measured
      // at a third of an insert's instructions: AUTOINCREMENT, which reads and rewrites `sqlite_sequence` on every
      // insert, and the foreign-key lookups of `snapshotId` and `importBatchId`. Every response is written by
      // ``TevredenDatabase/insert(_:answers:id:using:in:)``, which takes its snapshot and batch from the same
      // transaction; ``TevredenDatabase/danglingReferencesSQL`` checks them as a whole where a file comes from
      // elsewhere (a station to merge). That a deleted response's row id never names another response, which
      // AUTOINCREMENT kept, is now kept by `responseIdFloor`: a trigger raises it to every deleted id, and new ids
      // come after both it and the largest stored one (``TevredenDatabase/nextResponseId(in:)``).
      let largest =
        try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'response'")
        ?? Int64.fetchOne(db, sql: "SELECT MAX(id) FROM response") ?? 0
      let replacements = [
        "id INTEGER PRIMARY KEY AUTOINCREMENT": "id INTEGER PRIMARY KEY",
        "snapshotId INTEGER NOT NULL REFERENCES questionnaireSnapshot(id)": "snapshotId INTEGER NOT NULL",
        "importBatchId INTEGER REFERENCES importBatch(id) ON DELETE SET NULL": "importBatchId INTEGER",
      ]
      try rebuild(table: "response", in: db) { sql in
        replacements.reduce(sql) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
      }
      let rebuilt = try String.fetchOne(
        db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'response'")
      guard let rebuilt, !rebuilt.contains("AUTOINCREMENT"), !rebuilt.contains("REFERENCES") else {
        throw StoreError.corruptRow("the response table's definition is not one this version knows how to migrate")
      }
      try db.execute(
        sql: """
          DELETE FROM sqlite_sequence WHERE name = 'response';
          CREATE TABLE responseIdFloor (id INTEGER PRIMARY KEY CHECK (id = 1), largest INTEGER NOT NULL);
          INSERT INTO responseIdFloor (id, largest) VALUES (1, ?);
          CREATE TRIGGER responseIdKept AFTER DELETE ON response
            WHEN OLD.id > (SELECT largest FROM responseIdFloor WHERE id = 1)
            BEGIN UPDATE responseIdFloor SET largest = OLD.id WHERE id = 1; END;
          """, arguments: [largest])
    }
    migrator.registerMigration(slimResponseMigration) { db in
      // A response's questionnaire, version, audience and group are its definition's, which `snapshotId` names: the
      // four columns repeated them in every row, a seventh of its bytes, and cost a fifth of SQLite's work per
      // stored row (Benchmarks/store-floor.c, "slim"). They go; `responseRow` and the documented views show them
      // from the definition as before. A row whose columns disagree with its definition was not written by
      // tevreden: the migration refuses the file rather than choose between them.
      let disagreeing =
        try Int.fetchOne(
          db,
          sql: """
            SELECT COUNT(*) FROM response r LEFT JOIN questionnaireSnapshot s ON s.id = r.snapshotId
            WHERE s.id IS NULL OR r.questionnaireID IS NOT s.questionnaireID OR r.questionnaireVersion IS NOT s.version
              OR r.audience IS NOT s.audience OR r.respondentGroup IS NOT s.respondentGroup
            """) ?? 0
      guard disagreeing == 0 else {
        throw StoreError.corruptRow(
          "\(disagreeing) responses name a questionnaire, version, audience or group other than their stored "
            + "definition's, or a definition the file lacks: it was changed outside tevreden; restore it from a backup")
      }
      for view in ["visibleResponse", "responseAnswer"] { try db.execute(sql: "DROP VIEW IF EXISTS \(view)") }
      try rebuild(table: "response", in: db) { _ in
        """
        CREATE TABLE response (
          id INTEGER PRIMARY KEY,
          responseKey TEXT NOT NULL,
          keyHash INTEGER NOT NULL,
          snapshotId INTEGER NOT NULL,
          gemeente TEXT,
          mode TEXT NOT NULL,
          interviewer TEXT,
          startedAt TEXT NOT NULL,
          completedAt TEXT,
          collectedOn TEXT NOT NULL,
          status TEXT NOT NULL CHECK (status = 'completed' OR status = 'partial' OR status = 'refused'),
          grade DOUBLE CHECK (grade IS NULL OR (grade >= 1 AND grade <= 10)),
          importBatchId INTEGER,
          answers TEXT NOT NULL DEFAULT '{}',
          missing TEXT NOT NULL DEFAULT '{}',
          language TEXT NOT NULL DEFAULT 'nl' CHECK (length(language) = 2 AND language GLOB '[a-z][a-z]'),
          interpreter INTEGER NOT NULL DEFAULT 0 CHECK (interpreter = 0 OR interpreter = 1)
        )
        """
      }
      try createResponseViews(in: db)
    }
    return migrator
  }

  /// The response as tevreden and the documented views read it (schema v17 on): its row with its definition's
  /// questionnaire, version, audience and group. A LEFT JOIN, so that a row whose definition is missing is read
  /// and refused loudly rather than left out; SQLite keeps the response table the outer loop of it.
  static let responseRowView = """
    CREATE VIEW responseRow AS
      SELECT r.*, s.questionnaireID AS questionnaireID, s.version AS questionnaireVersion, s.audience AS audience,
        s.respondentGroup AS respondentGroup
      FROM response r LEFT JOIN questionnaireSnapshot s ON s.id = r.snapshotId
    """

  /// The views of schema v17 on: ``responseRowView``, and the documented `visibleResponse` and `responseAnswer`
  /// with the same columns as before the four moved to the definition.
  static func createResponseViews(in db: Database) throws {
    try db.execute(sql: responseRowView)
    try createVisibleResponseView(in: db, from: "responseRow")
    try createAnswerViews(in: db, dropping: false, from: "responseRow")
  }

  /// The documented view of the responses that count, one row per response, reading them from `source`: the table
  /// itself in schema v12 to v16, ``responseRowView`` from v17 on.
  static func createVisibleResponseView(in db: Database, from source: String) throws {
    try db.execute(
      sql: """
        CREATE VIEW visibleResponse AS
          SELECT r.id AS responseId, r.responseKey, r.questionnaireID, r.questionnaireVersion, r.audience,
            r.respondentGroup, r.gemeente, r.mode, r.interviewer, r.startedAt, r.completedAt, r.collectedOn, r.status,
            r.grade
          FROM \(source) r WHERE \(visibleResponses("r"))
        """)
  }

  /// The view that shows stored answers by item id (through the `item` table), reading the responses from `source`:
  /// the table itself in schema v13 to v16, ``responseRowView`` from v17 on.
  static func createAnswerViews(in db: Database, dropping: Bool, from source: String = "response") throws {
    let visible = visibleResponses("r")
    if dropping { try db.execute(sql: "DROP VIEW IF EXISTS responseAnswer") }
    try db.execute(
      sql: """
        CREATE VIEW responseAnswer AS
          SELECT r.id AS responseId, r.responseKey, r.questionnaireID, r.questionnaireVersion,
            COALESCE(i.name, a.key) AS item, a.value AS value, NULL AS missingCode
          FROM \(source) r JOIN json_each(r.answers) a LEFT JOIN item i ON i.id = CAST(a.key AS INTEGER)
          WHERE \(visible)
          UNION ALL
          SELECT r.id, r.responseKey, r.questionnaireID, r.questionnaireVersion, COALESCE(i.name, m.key), NULL, m.value
          FROM \(source) r JOIN json_each(r.missing) m LEFT JOIN item i ON i.id = CAST(m.key AS INTEGER)
          WHERE \(visible);
        """)
  }

  /// Rebuilds a table with its `CREATE TABLE` statement rewritten, as SQLite's documentation describes for changes
  /// `ALTER TABLE` cannot make: a new table, every row copied with its row id, the old one dropped, the new one
  /// renamed, and its indexes and triggers made again; the AUTOINCREMENT sequence is kept. `columns` gives an SQL
  /// expression for a column whose values change on the way (by name). Nothing happens when neither changes
  /// anything (a schema that already has it). GRDB runs migrations with foreign keys off and
  /// checks them all before committing, so the rows of other tables that refer to this one stay as they are.
  static func rebuild(
    table: String, in db: Database, rewrite: (String) -> String, columns expressions: [String: String] = [:]
  ) throws {
    guard
      let sql = try String.fetchOne(
        db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table])
    else { return }
    let rewritten = rewrite(sql)
    guard rewritten != sql || !expressions.isEmpty, let newColumns = rewritten.firstIndex(of: "(") else { return }
    let dependents = try String.fetchAll(
      db,
      sql: """
        SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL
        ORDER BY rowid
        """,
      arguments: [table])
    let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = ?", arguments: [table])
    // Views go too and come back after: SQLite refuses the rename while a view names a table that is gone.
    let views = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'view' ORDER BY rowid")
    for view in views { try db.execute(sql: "DROP VIEW \(view["name"] as String)") }
    let rebuilt = "\(table)_rebuilt"
    try db.execute(sql: "CREATE TABLE \(rebuilt) " + rewritten[newColumns...])
    // The new table's columns, each from the old one's column of that name: a column the rewrite leaves out goes.
    let names = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [rebuilt])
    let selected = names.map { expressions[$0] ?? "\"\($0)\"" }.joined(separator: ", ")
    try db.execute(sql: "INSERT INTO \(rebuilt) SELECT \(selected) FROM \(table) ORDER BY rowid")
    try db.execute(sql: "DROP TABLE \(table)")
    try db.execute(sql: "ALTER TABLE \(rebuilt) RENAME TO \(table)")
    for statement in dependents { try db.execute(sql: statement) }
    for view in views { try db.execute(sql: view["sql"]) }
    if let sequence {
      try db.execute(sql: "UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = ?", arguments: [sequence, table])
      if db.changesCount == 0 {
        try db.execute(sql: "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", arguments: [table, sequence])
      }
    }
  }
}

/// The answers objects of a database before schema v13 keyed by number: what the migration's SQL function calls.
/// A class, because SQLite calls the function once per row and the numbers handed out meanwhile are shared; it
/// lives only while the migration runs.
private final class Rekeying: @unchecked Sendable {
  private var codes: ItemCodes
  private var next: Int64
  /// Keys no stored definition has, with the numbers handed out to them.
  private(set) var added: [(String, Int64)] = []

  init(codes: ItemCodes) {
    self.codes = codes
    next = (codes.largest ?? 0) + 1
  }

  func rekey(_ text: String) -> String {
    ItemCodes.rekeyed(text) { name in
      if let code = codes.code(name) { return code }
      let code = next
      next += 1
      codes.add(name: name, code: code)
      added.append((name, code))
      return code
    } ?? text
  }
}

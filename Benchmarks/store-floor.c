// What SQLite alone needs to store imported responses the way tevreden stores them: the same table, indexes,
// foreign keys, page cache, WAL journal and insert statement (TevredenDatabase.insertSQL), one transaction, with
// synthetic rows of the size the import benchmark's rows have (random 64-bit key hashes, as row-hash ids give).
// No file is read and nothing is converted: the time is the floor under `tevreden import`'s storing thread.
//
//   swift run -c release tevreden import Responses/2026/inwoners-melding.csv --db /tmp/floor.sqlite
//   gcc -O2 Benchmarks/store-floor.c -lsqlite3 -o /tmp/store-floor
//   /tmp/store-floor /tmp/floor.sqlite 1000000          # add "delete" to use a rollback journal instead of WAL
//
// The database must be one tevreden made (schema v5 or later), with at least one snapshot and import batch.
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static uint64_t state = 88172645463325252ULL;
static uint64_t next(void) {
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return state;
}

static int64_t query_int(sqlite3 *db, const char *sql) {
  sqlite3_stmt *statement;
  int64_t value = -1;
  if (sqlite3_prepare_v2(db, sql, -1, &statement, 0) == SQLITE_OK && sqlite3_step(statement) == SQLITE_ROW) {
    value = sqlite3_column_int64(statement, 0);
  }
  sqlite3_finalize(statement);
  return value;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s DATABASE ROWS [delete]\n", argv[0]);
    return 2;
  }
  sqlite3 *db;
  if (sqlite3_open(argv[1], &db) != SQLITE_OK) return 1;
  const int rows = atoi(argv[2]);
  const int rollback = argc > 3 && strcmp(argv[3], "delete") == 0;
  sqlite3_exec(db, rollback ? "PRAGMA journal_mode = DELETE" : "PRAGMA journal_mode = WAL", 0, 0, 0);
  sqlite3_exec(db, "PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768", 0, 0, 0);
  const int64_t snapshot = query_int(db, "SELECT MIN(id) FROM questionnaireSnapshot");
  const int64_t batch = query_int(db, "SELECT MAX(id) FROM importBatch");
  if (snapshot < 0 || batch < 0 || query_int(db, "SELECT COUNT(*) FROM pragma_table_info('response') WHERE name = 'keyHash'") != 1) {
    fprintf(stderr, "%s is not a tevreden database of schema v5 or later with a snapshot and an import batch\n", argv[1]);
    return 1;
  }
  sqlite3_stmt *insert;
  if (sqlite3_prepare_v2(
          db,
          "INSERT INTO response (responseKey, keyHash, snapshotId, questionnaireID, questionnaireVersion, audience, "
          "respondentGroup, gemeente, mode, interviewer, startedAt, completedAt, collectedOn, status, grade, "
          "importBatchId, answers, missing) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT (keyHash) DO NOTHING",
          -1, &insert, 0) != SQLITE_OK) {
    fprintf(stderr, "%s\n", sqlite3_errmsg(db));
    return 1;
  }
  struct timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  sqlite3_exec(db, "BEGIN IMMEDIATE", 0, 0, 0);
  char key[64], answers[400], timestamp[32], day[16];
  for (int row = 0; row < rows; row++) {
    const uint64_t r = next();
    const int month = 1 + (row / 28) % 12, date = 1 + row % 28;
    snprintf(key, sizeof key, "googleforms:row-%016llx%04x", (unsigned long long)r, row & 0xffff);
    snprintf(answers, sizeof answers,
             "{\"afspraken\":\"%d\",\"bejegening\":\"%d\",\"bereikbaarheid\":\"%d\",\"cijfer\":\"%d\","
             "\"duidelijk_melding\":\"%d\",\"duidelijk_rol_vt\":\"5\",\"duidelijk_vervolg\":\"4\",\"geduld\":\"5\","
             "\"kinderen\":\"nee\",%s\"rol\":\"betrokkene\",\"toestemming\":\"ja\"}",
             (int)(r % 5) + 1, (int)(r >> 3) % 5 + 1, (int)(r >> 6) % 5 + 1, (int)(r >> 9) % 5 + 5,
             (int)(r >> 12) % 5 + 1, row % 2 ? "\"opmerking\":\"Goed geholpen.\"," : "");
    snprintf(timestamp, sizeof timestamp, "2026-%02d-%02dT%02d:00:00Z", month, date, row % 24);
    snprintf(day, sizeof day, "2026-%02d-%02d", month, date);
    sqlite3_reset(insert);
    sqlite3_bind_text(insert, 1, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(insert, 2, (int64_t)next());
    sqlite3_bind_int64(insert, 3, snapshot);
    sqlite3_bind_text(insert, 4, "inwoners-melding", -1, SQLITE_STATIC);
    sqlite3_bind_int64(insert, 5, 2);
    sqlite3_bind_text(insert, 6, "inwoners", -1, SQLITE_STATIC);
    sqlite3_bind_text(insert, 7, "melding", -1, SQLITE_STATIC);
    sqlite3_bind_null(insert, 8);
    sqlite3_bind_text(insert, 9, "online", -1, SQLITE_STATIC);
    sqlite3_bind_null(insert, 10);
    sqlite3_bind_text(insert, 11, timestamp, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert, 12, timestamp, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert, 13, day, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert, 14, "completed", -1, SQLITE_STATIC);
    sqlite3_bind_double(insert, 15, 7.0);
    sqlite3_bind_int64(insert, 16, batch);
    sqlite3_bind_text(insert, 17, answers, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert, 18, "{\"deskundigheid\":\"weet_niet\"}", -1, SQLITE_STATIC);
    if (sqlite3_step(insert) != SQLITE_DONE) {
      fprintf(stderr, "row %d: %s\n", row, sqlite3_errmsg(db));
      return 1;
    }
  }
  if (sqlite3_exec(db, "COMMIT", 0, 0, 0) != SQLITE_OK) {
    fprintf(stderr, "commit: %s\n", sqlite3_errmsg(db));
    return 1;
  }
  clock_gettime(CLOCK_MONOTONIC, &end);
  sqlite3_finalize(insert);
  sqlite3_close(db);
  printf("%d rows stored in %.2f s (%s journal)\n", rows,
         (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9, rollback ? "rollback" : "WAL");
  return 0;
}

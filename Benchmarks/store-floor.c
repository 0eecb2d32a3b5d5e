// What SQLite alone needs to store imported responses the way tevreden stores them, beside `sqlite3 .import` of the
// same rows as a CSV file, and beside variants of the stored row: the same page cache, WAL journal and checkpoint
// interval, one transaction each or short steps as `tevreden import` commits them, with synthetic rows of the size
// the import benchmark's rows have (random 64-bit key hashes, as row-hash ids give). No file is read and nothing is
// converted: each time is the floor under `tevreden import`'s storing thread for that layout of the row.
//
//   swift run -c release tevreden import Responses/2026/inwoners-melding.csv --db /tmp/floor.sqlite
//   gcc -O2 Benchmarks/store-floor.c -lsqlite3 -o /tmp/store-floor
//   /tmp/store-floor /tmp/floor.sqlite 1000000 [runs]
//
// The database must be one tevreden made (schema v5 or later), for its snapshot and import-batch tables. The response
// table is written here as schema v16 had it (without AUTOINCREMENT and foreign keys); the other variants are that
// table rewritten, "slim" being schema v17's row. Every variant stores into a new file next to /tmp; the database
// given is only read.
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static uint64_t state;
static uint64_t next(void) {
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return state;
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

// User and system CPU seconds of this process (RUSAGE_SELF) or of its finished children (RUSAGE_CHILDREN): on a
// shared machine, wall time moves with other work, CPU time much less.
static double cpu(int who) {
  struct rusage usage;
  getrusage(who, &usage);
  return (double)usage.ru_utime.tv_sec + (double)usage.ru_utime.tv_usec / 1e6 + (double)usage.ru_stime.tv_sec +
         (double)usage.ru_stime.tv_usec / 1e6;
}

// The CPU seconds of the last store or import measured.
static double last_cpu;

static char *query_text(sqlite3 *db, const char *sql) {
  sqlite3_stmt *statement;
  char *value = 0;
  if (sqlite3_prepare_v2(db, sql, -1, &statement, 0) == SQLITE_OK && sqlite3_step(statement) == SQLITE_ROW &&
      sqlite3_column_text(statement, 0)) {
    value = strdup((const char *)sqlite3_column_text(statement, 0));
  }
  sqlite3_finalize(statement);
  return value;
}

// `text` with every `from` replaced by `to` (a new string).
static char *replace(const char *text, const char *from, const char *to) {
  size_t count = 0, from_length = strlen(from), to_length = strlen(to);
  for (const char *p = strstr(text, from); p; p = strstr(p + from_length, from)) count++;
  char *result = malloc(strlen(text) + count * (to_length + 1) + 1), *out = result;
  for (const char *p = text;;) {
    const char *hit = strstr(p, from);
    if (!hit) {
      strcpy(out, p);
      break;
    }
    memcpy(out, p, (size_t)(hit - p));
    out += hit - p;
    memcpy(out, to, to_length);
    out += to_length;
    p = hit + from_length;
  }
  return result;
}

// One synthetic response: the values every variant stores, drawn from the generator in the same order.
typedef struct {
  char key[64];
  int64_t key_hash;
  int answer[5];
  int with_remark;
  int month, date, hour;
} Synthetic;

static void draw(Synthetic *s, int row) {
  const uint64_t r = next();
  snprintf(s->key, sizeof s->key, "googleforms:row-%016llx%04x", (unsigned long long)r, row & 0xffff);
  s->key_hash = (int64_t)next();
  s->answer[0] = (int)(r % 5) + 1;
  s->answer[1] = (int)(r >> 3) % 5 + 1;
  s->answer[2] = (int)(r >> 6) % 5 + 1;
  s->answer[3] = (int)(r >> 9) % 5 + 5;
  s->answer[4] = (int)(r >> 12) % 5 + 1;
  s->with_remark = row % 2;
  s->month = 1 + (row / 28) % 12;
  s->date = 1 + row % 28;
  s->hour = row % 24;
}

// How a variant lays out the row: today's JSON objects keyed by item number (schema v13 on) and text metadata, or
// positional answers (a JSON array in the order of the snapshot's items) with the columns the snapshot already holds
// left out and times as integers; or today's row with only the columns the snapshot holds left out (SLIM).
typedef enum { NUMBERED, SLIM, LEAN } Layout;

typedef struct {
  const char *name;
  Layout layout;
  int in_checks;      // CHECK rules written with IN, as schema v10 had them
  int foreign_keys;   // REFERENCES clauses (checked per row with PRAGMA foreign_keys = ON), as schema v5-v15 had them
  int autoincrement;  // AUTOINCREMENT, as schema v1-v15 had it
  int step;           // rows per transaction, as an import's steps commit them; 0 for one transaction
  int no_key_index;   // without the unique index of key hashes (and the insert's ON CONFLICT): what the index costs
} Variant;

static const char *v16_table =
    "CREATE TABLE \"response\" (\n  id INTEGER PRIMARY KEY,\n  responseKey TEXT NOT NULL,\n  keyHash INTEGER NOT NULL,\n"
    "  snapshotId INTEGER NOT NULL,\n  questionnaireID TEXT NOT NULL,\n  questionnaireVersion INTEGER NOT NULL,\n"
    "  audience TEXT NOT NULL CHECK (audience = 'inwoners' OR audience = 'ketenpartners'),\n"
    "  respondentGroup TEXT NOT NULL,\n  gemeente TEXT,\n  mode TEXT NOT NULL,\n  interviewer TEXT,\n"
    "  startedAt TEXT NOT NULL,\n  completedAt TEXT,\n  collectedOn TEXT NOT NULL,\n"
    "  status TEXT NOT NULL CHECK (status = 'completed' OR status = 'partial' OR status = 'refused'),\n"
    "  grade DOUBLE CHECK (grade IS NULL OR (grade >= 1 AND grade <= 10)),\n  importBatchId INTEGER,\n"
    "  answers TEXT NOT NULL DEFAULT '{}',\n  missing TEXT NOT NULL DEFAULT '{}'\n"
    ", language TEXT NOT NULL DEFAULT 'nl'\n  CHECK (length(language) = 2 AND language GLOB '[a-z][a-z]'), "
    "interpreter INTEGER NOT NULL DEFAULT 0 CHECK (interpreter = 0 OR interpreter = 1))";

static const char *lean_table =
    "CREATE TABLE response (id INTEGER PRIMARY KEY, responseKey TEXT NOT NULL, keyHash INTEGER NOT NULL, "
    "snapshotId INTEGER NOT NULL, gemeente TEXT, mode TEXT NOT NULL, interviewer TEXT, "
    "startedAt INTEGER NOT NULL, completedAt INTEGER, collectedOn INTEGER NOT NULL, "
    "status TEXT NOT NULL CHECK (status = 'completed' OR status = 'partial' OR status = 'refused'), "
    "grade DOUBLE CHECK (grade IS NULL OR (grade >= 1 AND grade <= 10)), importBatchId INTEGER, "
    "answers TEXT NOT NULL)";

static const char *lean_insert =
    "INSERT INTO response (responseKey, keyHash, snapshotId, gemeente, mode, interviewer, startedAt, completedAt, "
    "collectedOn, status, grade, importBatchId, answers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (keyHash) DO NOTHING";

static const char *numbered_insert =
    "INSERT INTO response (responseKey, keyHash, snapshotId, questionnaireID, questionnaireVersion, audience, "
    "respondentGroup, gemeente, mode, interviewer, startedAt, completedAt, collectedOn, status, grade, "
    "importBatchId, answers, missing) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (keyHash) DO NOTHING";

static const char *slim_insert =
    "INSERT INTO response (responseKey, keyHash, snapshotId, gemeente, mode, interviewer, startedAt, completedAt, "
    "collectedOn, status, grade, importBatchId, answers, missing) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (keyHash) DO NOTHING";

static int exec(sqlite3 *db, const char *sql) {
  char *error = 0;
  if (sqlite3_exec(db, sql, 0, 0, &error) != SQLITE_OK) {
    fprintf(stderr, "%s\n  in: %.200s\n", error, sql);
    sqlite3_free(error);
    return 0;
  }
  return 1;
}

static long long file_size(const char *path) {
  struct stat info;
  return stat(path, &info) == 0 ? (long long)info.st_size : 0;
}

// Makes a new database at `path` with the template's snapshot and import-batch tables (one row each) and the
// variant's response table and key-hash index, stores `rows` rows in one transaction, and returns the seconds.
static double store(const char *template_path, const char *path, const Variant *v, int rows) {
  unlink(path);
  char wal[512];
  snprintf(wal, sizeof wal, "%s-wal", path);
  unlink(wal);
  sqlite3 *db;
  if (sqlite3_open(path, &db) != SQLITE_OK) return -1;
  char attach[600];
  snprintf(attach, sizeof attach, "ATTACH DATABASE '%s' AS template", template_path);
  if (!exec(db, attach)) return -1;
  char *snapshot_sql = query_text(db, "SELECT sql FROM template.sqlite_master WHERE name = 'questionnaireSnapshot'");
  char *batch_sql = query_text(db, "SELECT sql FROM template.sqlite_master WHERE name = 'importBatch'");
  // The table as schema v16 had it, whatever the template's version (schema v17 left the four columns the snapshot
  // holds to it: the SLIM layout); the variants below are that table rewritten.
  char *response_sql = strdup(v16_table);
  if (!snapshot_sql || !batch_sql || !response_sql) {
    fprintf(stderr, "%s is not a tevreden database\n", template_path);
    return -1;
  }
  char *table;
  if (v->layout == LEAN) {
    table = strdup(lean_table);
  } else {
    // The table as schema v16 has it, whatever the template's version; then what the variant adds back.
    char *a = replace(response_sql, " AUTOINCREMENT", "");
    char *b = replace(a, " REFERENCES questionnaireSnapshot(id)", "");
    table = replace(b, " REFERENCES importBatch(id) ON DELETE SET NULL", "");
    free(a);
    free(b);
    if (v->layout == SLIM) {
      // The columns the snapshot holds, each with what follows it up to the next column's name.
      static const char *columns[][2] = {
          {"questionnaireID TEXT NOT NULL,", ""},
          {"questionnaireVersion INTEGER NOT NULL,", ""},
          {"audience TEXT NOT NULL CHECK (audience = 'inwoners' OR audience = 'ketenpartners'),", ""},
          {"respondentGroup TEXT NOT NULL,", ""},
      };
      for (size_t i = 0; i < sizeof columns / sizeof columns[0]; i++) {
        char *a = replace(table, columns[i][0], columns[i][1]);
        free(table);
        table = a;
      }
    }
    if (v->in_checks) {
      char *a = replace(table, "CHECK (status = 'completed' OR status = 'partial' OR status = 'refused')",
                        "CHECK (status IN ('completed', 'partial', 'refused'))");
      char *b = replace(a, "CHECK (audience = 'inwoners' OR audience = 'ketenpartners')",
                        "CHECK (audience IN ('inwoners', 'ketenpartners'))");
      free(table);
      free(a);
      table = b;
    }
    if (v->foreign_keys) {
      char *a = replace(table, "snapshotId INTEGER NOT NULL,",
                        "snapshotId INTEGER NOT NULL REFERENCES questionnaireSnapshot(id),");
      char *b = replace(a, "importBatchId INTEGER,", "importBatchId INTEGER REFERENCES importBatch(id) ON DELETE SET NULL,");
      free(table);
      free(a);
      table = b;
    }
    if (v->autoincrement) {
      char *a = replace(table, "id INTEGER PRIMARY KEY,", "id INTEGER PRIMARY KEY AUTOINCREMENT,");
      free(table);
      table = a;
    }
  }
  // As tevreden opens a new database: 8 KiB pages, a checkpoint at 64 MiB of log, the import's 32 MiB page cache.
  if (!exec(db, "PRAGMA page_size = 8192") || !exec(db, "PRAGMA journal_mode = WAL") ||
      !exec(db, "PRAGMA cache_size = -32768") || !exec(db, "PRAGMA wal_autocheckpoint = 8192") ||
      !exec(db, v->foreign_keys ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF") ||
      !exec(db, snapshot_sql) || !exec(db, batch_sql) || !exec(db, table) ||
      (!v->no_key_index && !exec(db, "CREATE UNIQUE INDEX response_on_keyHash ON response(keyHash)")) ||
      !exec(db, "INSERT INTO questionnaireSnapshot SELECT * FROM template.questionnaireSnapshot LIMIT 1") ||
      !exec(db, "INSERT INTO importBatch SELECT * FROM template.importBatch LIMIT 1") ||
      !exec(db, "DETACH DATABASE template")) {
    return -1;
  }
  free(snapshot_sql);
  free(batch_sql);
  free(response_sql);
  free(table);
  const int64_t snapshot = 1, batch = 1;
  exec(db, "UPDATE questionnaireSnapshot SET id = 1; UPDATE importBatch SET id = 1");
  sqlite3_stmt *insert;
  const char *insert_sql = v->layout == LEAN ? lean_insert : v->layout == SLIM ? slim_insert : numbered_insert;
  char *insert_text = v->no_key_index ? replace(insert_sql, " ON CONFLICT (keyHash) DO NOTHING", "") : strdup(insert_sql);
  if (sqlite3_prepare_v2(db, insert_text, -1, &insert, 0) != SQLITE_OK) {
    fprintf(stderr, "%s\n", sqlite3_errmsg(db));
    return -1;
  }
  free(insert_text);
  state = 88172645463325252ULL;
  const double start = now();
  const double start_cpu = cpu(RUSAGE_SELF);
  exec(db, "BEGIN IMMEDIATE");
  char answers[400], timestamp[32], day[16];
  Synthetic s;
  for (int row = 0; row < rows; row++) {
    draw(&s, row);
    sqlite3_reset(insert);
    int column = 0;
    sqlite3_bind_text(insert, ++column, s.key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(insert, ++column, s.key_hash);
    sqlite3_bind_int64(insert, ++column, snapshot);
    if (v->layout != LEAN) {
      // Keyed by item number in the order of the numbers, as the store writes them (the items in the order of
      // the definition: toestemming 1, rol 2, afspraken 3, ...).
      snprintf(answers, sizeof answers,
               "{\"1\":\"ja\",\"2\":\"betrokkene\",\"3\":\"%d\",\"4\":\"%d\",\"5\":\"%d\",\"6\":\"%d\","
               "\"7\":\"5\",\"8\":\"4\",\"9\":\"5\",\"11\":\"nee\",%s\"13\":\"%d\"}",
               s.answer[0], s.answer[1], s.answer[2], s.answer[4], s.with_remark ? "\"12\":\"Goed geholpen.\"," : "",
               s.answer[3]);
      snprintf(timestamp, sizeof timestamp, "2026-%02d-%02dT%02d:00:00Z", s.month, s.date, s.hour);
      snprintf(day, sizeof day, "2026-%02d-%02d", s.month, s.date);
      if (v->layout == NUMBERED) {
        sqlite3_bind_text(insert, ++column, "inwoners-melding", -1, SQLITE_STATIC);
        sqlite3_bind_int64(insert, ++column, 2);
        sqlite3_bind_text(insert, ++column, "inwoners", -1, SQLITE_STATIC);
        sqlite3_bind_text(insert, ++column, "melding", -1, SQLITE_STATIC);
      }
      sqlite3_bind_null(insert, ++column);
      sqlite3_bind_text(insert, ++column, "online", -1, SQLITE_STATIC);
      sqlite3_bind_null(insert, ++column);
      sqlite3_bind_text(insert, ++column, timestamp, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(insert, ++column, timestamp, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(insert, ++column, day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(insert, ++column, "completed", -1, SQLITE_STATIC);
      sqlite3_bind_double(insert, ++column, 7.0);
      sqlite3_bind_int64(insert, ++column, batch);
      sqlite3_bind_text(insert, ++column, answers, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(insert, ++column, "{\"10\":\"weet_niet\"}", -1, SQLITE_STATIC);
    } else {
      // The same answers by position; a missing code as an object in its place, an unasked item as null.
      snprintf(answers, sizeof answers,
               "[\"ja\",\"betrokkene\",\"%d\",\"%d\",\"%d\",\"%d\",\"5\",\"4\",\"5\",{\"m\":\"weet_niet\"},\"nee\","
               "%s,\"%d\"]",
               s.answer[0], s.answer[1], s.answer[2], s.answer[4], s.with_remark ? "\"Goed geholpen.\"" : "null",
               s.answer[3]);
      const int64_t seconds = 1767225600 + (int64_t)((s.month - 1) * 31 + s.date) * 86400 + s.hour * 3600;
      sqlite3_bind_null(insert, ++column);
      sqlite3_bind_text(insert, ++column, "online", -1, SQLITE_STATIC);
      sqlite3_bind_null(insert, ++column);
      sqlite3_bind_int64(insert, ++column, seconds);
      sqlite3_bind_int64(insert, ++column, seconds);
      sqlite3_bind_int64(insert, ++column, 20260000 + s.month * 100 + s.date);
      sqlite3_bind_text(insert, ++column, "completed", -1, SQLITE_STATIC);
      sqlite3_bind_double(insert, ++column, 7.0);
      sqlite3_bind_int64(insert, ++column, batch);
      sqlite3_bind_text(insert, ++column, answers, -1, SQLITE_TRANSIENT);
    }
    if (sqlite3_step(insert) != SQLITE_DONE) {
      fprintf(stderr, "row %d: %s\n", row, sqlite3_errmsg(db));
      return -1;
    }
    if (v->step > 0 && (row + 1) % v->step == 0 && (!exec(db, "COMMIT") || !exec(db, "BEGIN IMMEDIATE"))) return -1;
  }
  if (!exec(db, "COMMIT")) return -1;
  const double seconds = now() - start;
  last_cpu = cpu(RUSAGE_SELF) - start_cpu;
  sqlite3_finalize(insert);
  sqlite3_close(db);
  return seconds;
}

// Writes the same rows as an export file would hold them (one column per item) and times `sqlite3 .import` of it
// into a new database: the reference the import benchmark uses.
static double sqlite3_import(const char *csv, const char *path, int rows) {
  FILE *file = fopen(csv, "w");
  if (!file) return -1;
  fputs("ResponseId,StartDate,EndDate,Status,Progress,Duration (in seconds),Finished,RecordedDate,"
        "DistributionChannel,UserLanguage,toestemming,rol,afspraken,bejegening,bereikbaarheid,duidelijk_melding,"
        "duidelijk_rol_vt,duidelijk_vervolg,geduld,deskundigheid,kinderen,opmerking,cijfer\n",
        file);
  state = 88172645463325252ULL;
  Synthetic s;
  for (int row = 0; row < rows; row++) {
    draw(&s, row);
    fprintf(file,
            "%s,2026-%02d-%02d %02d:00:00,2026-%02d-%02d %02d:12:00,IP Address,100,720,True,"
            "2026-%02d-%02d %02d:12:01,anonymous,NL,ja,betrokkene,%d,%d,%d,%d,5,4,5,,nee,%s,%d\n",
            s.key, s.month, s.date, s.hour, s.month, s.date, s.hour, s.month, s.date, s.hour, s.answer[0],
            s.answer[1], s.answer[2], s.answer[4], s.with_remark ? "Goed geholpen." : "", s.answer[3]);
  }
  fclose(file);
  unlink(path);
  char command[1200];
  snprintf(command, sizeof command, "sqlite3 '%s' '.import --csv %s t'", path, csv);
  const double start = now();
  const double start_cpu = cpu(RUSAGE_CHILDREN);
  if (system(command) != 0) return -1;
  last_cpu = cpu(RUSAGE_CHILDREN) - start_cpu;
  return now() - start;
}

static int compare(const void *a, const void *b) {
  const double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s TEVREDEN_DATABASE ROWS [RUNS]\n", argv[0]);
    return 2;
  }
  const int rows = atoi(argv[2]);
  const int runs = argc > 3 ? atoi(argv[3]) : 3;
  // With a fourth argument, only that variant (0 is sqlite3 .import, 1 the first row below), once: for counting
  // its instructions with `valgrind --tool=callgrind`, which the machine's load does not move.
  const int only = argc > 4 ? atoi(argv[4]) : -1;
  // 50,000 rows per step: the most an import's step holds while no other process waits for the database (see
  // ImportSession).
  static const Variant variants[] = {
      {"tevreden's row as schema v16 stored it", NUMBERED, 0, 0, 0, 0},
      {"  with the foreign-key checks (v5-v15)", NUMBERED, 0, 1, 0, 0},
      {"  with AUTOINCREMENT (v1-v15)", NUMBERED, 0, 0, 1, 0},
      {"  with both (v11-v15)", NUMBERED, 0, 1, 1, 0},
      {"  with both and CHECK ... IN (schema v10)", NUMBERED, 1, 1, 1, 0},
      {"slim: the snapshot's columns left out (v17)", SLIM, 0, 0, 0, 0},
      {"lean: positional answers, slim metadata", LEAN, 0, 0, 0, 0},
      {"v16 row in steps of 50,000 rows", NUMBERED, 0, 0, 0, 50000},
      {"  the same without the key-hash index", NUMBERED, 0, 0, 0, 50000, 1},
      {"slim row (schema v17) in steps of 50,000 rows", SLIM, 0, 0, 0, 50000},
      {"lean row in steps of 50,000 rows", LEAN, 0, 0, 0, 50000},
  };
  enum { COUNT = sizeof variants / sizeof variants[0] };
  double times[COUNT + 1][16], cpus[COUNT + 1][16];
  long long sizes[COUNT + 1];
  char path[256], csv[256];
  snprintf(path, sizeof path, "/tmp/store-floor-%d.sqlite", (int)getpid());
  snprintf(csv, sizeof csv, "/tmp/store-floor-%d.csv", (int)getpid());
  // Interleaved: every variant once per run, so that the machine's load falls on all of them alike.
  if (only >= 0) {
    const double seconds = only == 0 ? sqlite3_import(csv, path, rows) : only <= COUNT ? store(argv[1], path, &variants[only - 1], rows) : -1;
    unlink(path);
    unlink(csv);
    printf("%s: %.2f s\n", only == 0 ? "sqlite3 .import" : only <= COUNT ? variants[only - 1].name : "no such variant", seconds);
    return seconds < 0;
  }
  for (int run = 0; run < runs && run < 16; run++) {
    times[0][run] = sqlite3_import(csv, path, rows);
    cpus[0][run] = last_cpu;
    sizes[0] = file_size(path);
    for (int v = 0; v < COUNT; v++) {
      times[v + 1][run] = store(argv[1], path, &variants[v], rows);
      cpus[v + 1][run] = last_cpu;
      if (times[v + 1][run] < 0) return 1;
      sizes[v + 1] = file_size(path);
    }
    fprintf(stderr, "run %d of %d done\n", run + 1, runs);
  }
  unlink(path);
  unlink(csv);
  printf("%d rows, %d interleaved runs, WAL; ratios to sqlite3 .import in the same run (wall, and CPU user+sys)\n\n",
         rows, runs);
  printf("%-45s %8s %8s %16s %8s %8s %6s\n", "", "median s", "ratio", "ratios (min-max)", "CPU s", "CPU", "MB");
  for (int v = 0; v <= COUNT; v++) {
    double sorted[16], ratios[16], cpu_sorted[16], cpu_ratios[16];
    for (int run = 0; run < runs; run++) {
      sorted[run] = times[v][run];
      ratios[run] = times[v][run] / times[0][run];
      cpu_sorted[run] = cpus[v][run];
      cpu_ratios[run] = cpus[v][run] / cpus[0][run];
    }
    qsort(sorted, (size_t)runs, sizeof(double), compare);
    qsort(ratios, (size_t)runs, sizeof(double), compare);
    qsort(cpu_sorted, (size_t)runs, sizeof(double), compare);
    qsort(cpu_ratios, (size_t)runs, sizeof(double), compare);
    printf("%-45s %8.2f %7.2fx %7.2f-%.2fx %8.2f %7.2fx %6.0f\n",
           v == 0 ? "sqlite3 .import of the same rows as CSV" : variants[v - 1].name, sorted[runs / 2],
           ratios[runs / 2], ratios[0], ratios[runs - 1], cpu_sorted[runs / 2], cpu_ratios[runs / 2],
           (double)sizes[v] / 1e6);
  }
  return 0;
}

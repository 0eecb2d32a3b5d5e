#ifndef CTEVREDEN_SQLITE_H
#define CTEVREDEN_SQLITE_H

/// Turns off SQLite's memory statistics for this process (`SQLITE_CONFIG_MEMSTATUS`): with them on, every
/// allocation SQLite makes takes one process-wide lock to count itself, and an import's two threads (one storing,
/// one reading while the other's scan helper runs) contend for it. Returns SQLite's result code: `SQLITE_MISUSE`
/// when SQLite was already initialised in this process, in which case nothing changed. `sqlite3_config` is
/// variadic, which Swift cannot call.
int tevreden_sqlite_disable_memory_statistics(void);

#endif

/*
 * store.h: the content store.  One SQLite file holding briefings, their
 * sections and paragraphs (DESIGN.md section 3).  This file owns the handle,
 * the schema and its migrations, and transactions; the queries of each concept
 * live with the concept (library.c, outline.c, search.c).  Nothing here knows
 * about the screen.
 */
#ifndef BRIEF_STORE_H
#define BRIEF_STORE_H

#include <sqlite3.h>
#include <stdbool.h>

struct store;

enum {
	STORE_READONLY = 1,	/* open without creating or migrating */
};

/*
 * Opens (creating when needed) the library at path: WAL mode, a busy timeout,
 * foreign keys, the schema migrated to the current version in one transaction.
 * A library that is read-only on disk is opened read-only, so reading still
 * works.  A file that is not a brief library fails with EX_DATAERR and says so.
 */
int store_open(const char *path, int flags, struct store **out, char **cause);
void store_close(struct store *st);

/* The SQLite handle, for the model files (library, outline, search) only. */
sqlite3 *store_db(struct store *st);
const char *store_path(struct store *st);
bool store_readonly(struct store *st);

/* The schema version this build writes (PRAGMA user_version). */
int store_schema_version(void);

int store_begin(struct store *st, char **cause);

/*
 * A read transaction around many small queries, so that they share one
 * snapshot and one lock instead of taking both per statement.  Does nothing
 * (and store_read_end neither) inside a transaction already open.
 */
bool store_read_begin(struct store *st);
void store_read_end(struct store *st, bool began);
int store_commit(struct store *st, char **cause);
void store_rollback(struct store *st);

/*
 * Work a model file gathers during a write transaction and writes only at
 * its end (search keeps a batch's ranking data in memory): store_commit
 * calls flush(st, ctx) before COMMIT, and a flush that fails rolls the
 * transaction back; store_rollback, or a failed flush or commit, calls
 * drop(ctx).  Either way the deferral ends.  One at a time: registering
 * while one is active replaces nothing and returns false.
 */
bool store_defer(struct store *st, int (*flush)(struct store *, void *,
    char **), void (*drop)(void *), void *ctx);

/* The context of the active deferral, or NULL. */
void *store_deferred(struct store *st);

/*
 * Turns the last SQLite error of st into *cause ("what: sqlite message", or
 * the message alone when what is NULL) and
 * returns the matching sysexits code (EX_IOERR for disk problems, EX_DATAERR
 * for a corrupt file, EX_TEMPFAIL when busy, EX_SOFTWARE otherwise).
 */
int store_error(struct store *st, char **cause, const char *what);

/*
 * A statement prepared once and kept for the life of the store, for queries
 * on hot paths (sql must be a string that lives as long, e.g. a literal).
 * It comes back reset with no bindings; the caller must not finalize it and
 * calls store_release when done so that no read transaction stays open.
 */
int store_cached(struct store *st, const char *sql, sqlite3_stmt **stmt,
    char **cause);
void store_release(sqlite3_stmt *stmt);

/* A malloc'd copy of a text column, or NULL when it is NULL. */
char *store_column(sqlite3_stmt *stmt, int col);

/*
 * Steps stmt to its end, filling a growing array of elements of size bytes,
 * one per row, with row(stmt, element).  *out and *n hold what was read even
 * when a step fails, so the caller can free it; the return is 0 or the
 * failure turned into *cause (what says what was being read).  The
 * statement is left reset, not finalized.
 */
int store_collect(struct store *st, sqlite3_stmt *stmt, size_t size,
    void (*row)(sqlite3_stmt *, void *), void **out, size_t *n,
    const char *what, char **cause);

/* Prepares sql or fails through store_error. */
int store_prepare(struct store *st, const char *sql, sqlite3_stmt **stmt,
    char **cause);

/*
 * The default library path: $BRIEF_DB, else $XDG_DATA_HOME/brief/library.db,
 * else ~/.local/share/brief/library.db.  Malloc'd.
 */
char *store_default_path(void);

/* Creates the directories leading to path (mkdir -p of its dirname). */
int store_make_parent(const char *path, char **cause);

#endif

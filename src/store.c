/*
 * store.c: the SQLite handle of a brief library: opening (WAL, busy timeout,
 * read-only fallback), recognising a file that is not a library, the schema
 * and its migrations, transactions, and turning SQLite errors into messages.
 * The overview of the store is in DESIGN.md section 3; queries live with their
 * concepts (library.c, outline.c, search.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rank.h"
#include "store.h"
#include "tokenizer.h"
#include "util.h"

/* 'brif': marks a SQLite file as a brief library. */
#define STORE_APPLICATION_ID 0x62726966

/* A statement kept by store_cached, found by the address of its SQL. */
struct store_stmt {
	const char	*sql;
	sqlite3_stmt	*stmt;
};

struct store {
	sqlite3			*db;
	char			*path;
	bool			 readonly;
	struct store_stmt	*cache;
	size_t			 ncache;

	/* The deferral of the open write transaction (store_defer). */
	int			(*flush)(struct store *, void *, char **);
	void			(*drop)(void *);
	void			*deferred;
};

/*
 * The schema, one script per version: version N is reached by running script
 * N - 1 on version N - 1.  Never edit a released script; append a new one.
 */
static const char *const store_migrations[] = {
	/* 1: briefings, sections, paragraphs. */
	"CREATE TABLE briefing ("
	"  id INTEGER PRIMARY KEY,"
	"  slug TEXT NOT NULL UNIQUE,"
	"  title TEXT NOT NULL,"
	"  byline TEXT,"
	"  date TEXT,"
	"  source TEXT,"
	"  filename TEXT NOT NULL,"
	"  checksum TEXT NOT NULL UNIQUE,"
	"  imported INTEGER NOT NULL,"
	"  sections INTEGER NOT NULL,"	/* how many, for listing 5,000 fast */
	"  front_matter TEXT"		/* "key: value" lines, as given */
	");"
	"CREATE TABLE section ("
	"  id INTEGER PRIMARY KEY,"
	"  briefing_id INTEGER NOT NULL REFERENCES briefing(id) ON DELETE CASCADE,"
	"  parent_id INTEGER REFERENCES section(id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL,"	/* reading order in the briefing, from 0 */
	"  ord INTEGER NOT NULL,"	/* among siblings, from 1 */
	"  depth INTEGER NOT NULL,"
	"  path TEXT NOT NULL,"		/* ordinal path: 5.1.3 */
	"  label TEXT NOT NULL,"
	"  title TEXT NOT NULL,"
	"  topic TEXT,"
	"  UNIQUE (briefing_id, seq),"
	"  UNIQUE (briefing_id, path)"
	");"
	"CREATE INDEX section_parent ON section(parent_id);"
	"CREATE INDEX section_topic ON section(topic) WHERE topic IS NOT NULL;"
	"CREATE TABLE paragraph ("
	"  id INTEGER PRIMARY KEY,"
	"  section_id INTEGER NOT NULL REFERENCES section(id) ON DELETE CASCADE,"
	"  ord INTEGER NOT NULL,"
	"  text TEXT NOT NULL,"
	"  UNIQUE (section_id, ord)"
	");",
	/*
	 * 2: the full-text index: one row per section (rowid = section id),
	 * its title and its paragraphs, through brief's own tokenizer.  The
	 * text itself lives in the tables above (content='').
	 */
	"CREATE VIRTUAL TABLE section_fts USING fts5(title, body,"
	"  tokenize = 'brief', content = '', detail = full);"
	"INSERT INTO section_fts (rowid, title, body)"
	"  SELECT s.id, s.title, (SELECT group_concat(p.text, char(10))"
	"    FROM paragraph p WHERE p.section_id = s.id) FROM section s;",
	/*
	 * 3: ranking data beside the index (rank.c): every token's df, and
	 * the champion lists of common tokens.  A library with sections
	 * gets version 0, which search_upgrade rebuilds from the text (the
	 * tokenizer changed too: Korean words join across spaces).
	 */
	"CREATE TABLE rank_term ("
	"  token BLOB PRIMARY KEY,"
	"  df INTEGER NOT NULL,"
	"  champions BLOB"
	") WITHOUT ROWID;"
	"CREATE TABLE rank_stats ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  rows INTEGER NOT NULL,"
	"  positions INTEGER NOT NULL,"
	"  version INTEGER NOT NULL"
	");"
	"INSERT INTO rank_stats VALUES (1, 0, 0,"
	"  CASE WHEN EXISTS (SELECT 1 FROM section) THEN 0 ELSE "
	RANK_VERSION_SQL " END);"
	/* FTS5 writes a segment each time its pending terms pass this size:
	 * fewer, larger segments make a batch import a fifth faster. */
	"INSERT INTO section_fts (section_fts, rank) VALUES ('hashsize', 16777216);",
	/* STORE_MIGRATIONS_END: append new versions above this line. */
};

#define STORE_VERSION \
	((int)(sizeof store_migrations / sizeof store_migrations[0]))

int
store_schema_version(void)
{
	return STORE_VERSION;
}

int
store_error(struct store *st, char **cause, const char *what)
{
	int rc = sqlite3_extended_errcode(st->db) & 0xff, code;
	const char *msg = sqlite3_errmsg(st->db);

	switch (rc) {
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		return fail(cause, EX_DATAERR,
		    "%s%s%s is not a brief library or is damaged (%s)",
		    what ? what : "", what ? ": " : "", st->path, msg);
	case SQLITE_FULL:
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
	case SQLITE_READONLY:
	case SQLITE_PERM:
		code = EX_IOERR;
		break;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		code = EX_TEMPFAIL;
		break;
	default:
		code = EX_SOFTWARE;
		break;
	}
	if (what == NULL)
		return fail(cause, code, "%s", msg);
	return fail(cause, code, "%s: %s", what, msg);
}

int
store_prepare(struct store *st, const char *sql, sqlite3_stmt **stmt,
    char **cause)
{
	if (sqlite3_prepare_v2(st->db, sql, -1, stmt, NULL) != SQLITE_OK)
		return store_error(st, cause, "cannot read the library");
	return 0;
}

int
store_cached(struct store *st, const char *sql, sqlite3_stmt **stmt,
    char **cause)
{
	for (size_t i = 0; i < st->ncache; i++) {
		if (st->cache[i].sql == sql) {
			*stmt = st->cache[i].stmt;
			sqlite3_reset(*stmt);
			sqlite3_clear_bindings(*stmt);
			return 0;
		}
	}
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt,
	    NULL) != SQLITE_OK)
		return store_error(st, cause, "cannot read the library");
	/* The SQL strings are the program's own: the cache stays small. */
	st->cache = xreallocarray(st->cache, st->ncache + 1, sizeof *st->cache);
	st->cache[st->ncache].sql = sql;
	st->cache[st->ncache++].stmt = *stmt;
	return 0;
}

int
store_collect(struct store *st, sqlite3_stmt *stmt, size_t size,
    void (*row)(sqlite3_stmt *, void *), void **out, size_t *n,
    const char *what, char **cause)
{
	char *v = NULL;
	size_t count = 0, cap = 0;
	int rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (count == cap) {
			cap = cap ? cap * 2 : 16;
			v = xreallocarray(v, cap, size);
		}
		row(stmt, v + size * count++);
	}
	sqlite3_reset(stmt);
	*out = v;
	*n = count;
	if (rc != SQLITE_DONE)
		return store_error(st, cause, what);
	return 0;
}

char *
store_column(sqlite3_stmt *stmt, int col)
{
	const unsigned char *s = sqlite3_column_text(stmt, col);

	return s == NULL ? NULL : xstrdup((const char *)s);
}

void
store_release(sqlite3_stmt *stmt)
{
	sqlite3_reset(stmt);
}

/* Runs sql (no rows expected), failing through store_error with what. */
static int
store_exec(struct store *st, const char *sql, const char *what, char **cause)
{
	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_error(st, cause, what);
	return 0;
}

/* Reads one integer pragma. */
static int
store_pragma(struct store *st, const char *name, int *value, char **cause)
{
	sqlite3_stmt *stmt;
	char *sql = xasprintf("PRAGMA %s", name);
	int rc;

	rc = store_prepare(st, sql, &stmt, cause);
	free(sql);
	if (rc != 0)
		return rc;
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		sqlite3_finalize(stmt);
		return store_error(st, cause, "cannot read the library");
	}
	*value = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return 0;
}

/*
 * Checks that the file is a brief library (or a new, empty database) and
 * brings its schema to the current version in one transaction.
 */
static int
store_migrate(struct store *st, char **cause)
{
	int appid, version, tables, rc;
	char *sql;

	if ((rc = store_pragma(st, "application_id", &appid, cause)) != 0 ||
	    (rc = store_pragma(st, "user_version", &version, cause)) != 0)
		return rc;
	if ((rc = store_pragma(st, "schema_version", &tables, cause)) != 0)
		return rc;
	if (appid != STORE_APPLICATION_ID && (appid != 0 || tables != 0))
		return fail(cause, EX_DATAERR,
		    "%s is a database, but not a brief library", st->path);
	if (version > STORE_VERSION)
		return fail(cause, EX_DATAERR,
		    "%s was written by a newer brief (schema %d, this one "
		    "knows %d)", st->path, version, STORE_VERSION);
	if (version == STORE_VERSION)
		return 0;
	if (st->readonly)
		return fail(cause, EX_IOERR,
		    "%s needs an upgrade but is read-only", st->path);
	if ((rc = store_exec(st, "BEGIN IMMEDIATE", "cannot upgrade the library",
	    cause)) != 0)
		return rc;
	/* Another process may have migrated while we waited for the lock. */
	if ((rc = store_pragma(st, "user_version", &version, cause)) != 0)
		goto err;
	for (; version < STORE_VERSION; version++) {
		sql = xasprintf("%s PRAGMA user_version = %d;",
		    store_migrations[version], version + 1);

		rc = store_exec(st, sql, "cannot upgrade the library", cause);
		free(sql);
		if (rc != 0)
			goto err;
	}
	sql = xasprintf("PRAGMA application_id = %d; COMMIT",
	    STORE_APPLICATION_ID);
	rc = store_exec(st, sql, "cannot upgrade the library", cause);
	free(sql);
	if (rc == 0)
		return 0;
err:
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

/*
 * Whether the library must be opened read-only: asked for, or a file that
 * exists but cannot be written, or a directory that cannot hold the WAL
 * files beside it.
 */
static bool
store_must_read_only(const char *path, int flags)
{
	struct stat sb;
	char *dir, *slash;
	bool ro;

	if (flags & STORE_READONLY)
		return true;
	if (stat(path, &sb) != 0)
		return false;
	if (access(path, W_OK) != 0)
		return true;
	dir = xstrdup(path);
	if ((slash = strrchr(dir, '/')) == NULL)
		ro = access(".", W_OK) != 0;
	else {
		if (slash == dir)
			slash++;	/* a file in / */
		*slash = '\0';
		ro = access(dir, W_OK) != 0;
	}
	free(dir);
	return ro;
}

/* A file: URI for path, with the characters URIs give meaning escaped. */
static char *
store_uri(const char *path, const char *query)
{
	struct buf b = { 0 };

	buf_addstr(&b, "file:");
	for (const char *p = path; *p != '\0'; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			buf_printf(&b, "%%%02X", (unsigned char)*p);
		else
			buf_addc(&b, *p);
	}
	buf_printf(&b, "?%s", query);
	return buf_take(&b);
}

/* Opens the SQLite handle itself, falling back to read-only access. */
static int
store_connect(struct store *st, int flags, char **cause)
{
	int oflags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	char *uri;
	int rc;

	st->readonly = store_must_read_only(st->path, flags);
	if (st->readonly)
		oflags = SQLITE_OPEN_READONLY;
	rc = sqlite3_open_v2(st->path, &st->db, oflags | SQLITE_OPEN_NOMUTEX,
	    NULL);
	if (rc == SQLITE_OK && st->readonly)
		rc = sqlite3_exec(st->db, "PRAGMA schema_version", NULL, NULL,
		    NULL);
	if (rc == SQLITE_CANTOPEN && st->readonly) {
		/* Nowhere to put the WAL index: read the file as it is. */
		sqlite3_close(st->db);
		uri = store_uri(st->path, "immutable=1");
		rc = sqlite3_open_v2(uri, &st->db, SQLITE_OPEN_READONLY |
		    SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
		free(uri);
	}
	if (rc != SQLITE_OK) {
		if (st->db == NULL)
			return fail(cause, EX_IOERR, "out of memory");
		return store_error(st, cause, NULL);
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, 5000);
	return 0;
}

int
store_open(const char *path, int flags, struct store **out, char **cause)
{
	struct store *st = xcalloc(1, sizeof *st);
	int rc;

	st->path = xstrdup(path);
	if ((rc = store_connect(st, flags, cause)) != 0)
		goto err;
	if (tokenizer_register(st->db) != SQLITE_OK) {
		rc = store_error(st, cause, "cannot set up search");
		goto err;
	}
	if (!st->readonly && (rc = store_exec(st,
	    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL", NULL,
	    cause)) != 0)
		goto err;
	if ((rc = store_exec(st, "PRAGMA foreign_keys = ON", NULL,
	    cause)) != 0)
		goto err;
	if ((rc = store_migrate(st, cause)) != 0)
		goto err;
	*out = st;
	return 0;
err:
	store_close(st);
	return rc;
}

/* Ends the deferral: its work is written or abandoned, the context freed. */
static void
store_end_deferral(struct store *st)
{
	void *ctx = st->deferred;

	st->deferred = NULL;
	if (ctx != NULL)
		st->drop(ctx);
}

void
store_close(struct store *st)
{
	if (st == NULL)
		return;
	store_end_deferral(st);
	for (size_t i = 0; i < st->ncache; i++)
		sqlite3_finalize(st->cache[i].stmt);
	free(st->cache);
	sqlite3_close(st->db);
	free(st->path);
	free(st);
}

sqlite3 *
store_db(struct store *st)
{
	return st->db;
}

const char *
store_path(struct store *st)
{
	return st->path;
}

bool
store_readonly(struct store *st)
{
	return st->readonly;
}

int
store_begin(struct store *st, char **cause)
{
	return store_exec(st, "BEGIN IMMEDIATE", "cannot write the library",
	    cause);
}

bool
store_read_begin(struct store *st)
{
	return sqlite3_get_autocommit(st->db) &&
	    sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
}

void
store_read_end(struct store *st, bool began)
{
	if (began)
		sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
}

bool
store_defer(struct store *st, int (*flush)(struct store *, void *, char **),
    void (*drop)(void *), void *ctx)
{
	if (st->deferred != NULL)
		return false;
	st->flush = flush;
	st->drop = drop;
	st->deferred = ctx;
	return true;
}

void *
store_deferred(struct store *st)
{
	return st->deferred;
}

int
store_commit(struct store *st, char **cause)
{
	int rc = 0;

	if (st->deferred != NULL)
		rc = st->flush(st, st->deferred, cause);
	store_end_deferral(st);
	if (rc == 0 && (rc = store_exec(st, "COMMIT", "cannot write the library",
	    cause)) == 0)
		return 0;
	store_rollback(st);
	return rc;
}

void
store_rollback(struct store *st)
{
	store_end_deferral(st);
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

char *
store_default_path(void)
{
	const char *env;

	if ((env = getenv("BRIEF_DB")) != NULL && *env != '\0')
		return xstrdup(env);
	if ((env = getenv("XDG_DATA_HOME")) != NULL && *env == '/')
		return xasprintf("%s/brief/library.db", env);
	if ((env = getenv("HOME")) == NULL || *env == '\0')
		env = ".";
	return xasprintf("%s/.local/share/brief/library.db", env);
}

int
store_make_parent(const char *path, char **cause)
{
	char *dir = xstrdup(path), *p;

	for (p = dir + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(dir, 0700) == -1 && errno != EEXIST) {
			fail(cause, EX_CANTCREAT, "cannot create %s: %s", dir,
			    strerror(errno));
			free(dir);
			return EX_CANTCREAT;
		}
		*p = '/';
	}
	free(dir);
	return 0;
}

/*
 * test-store.c: the content store, the library and the outline model:
 * schema and migrations, atomic and de-duplicated imports, section paths,
 * resolving SECTION arguments.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "library-write.h"
#include "outline.h"
#include "store.h"
#include "tap.h"
#include "util.h"

static char tmpdir[] = "/tmp/brief-test-store.XXXXXX";

/* A small document built by hand: I. (1. (1) 2)) 2.) II. */
static void
make_doc(struct doc *d, const char *title)
{
	static const struct { int depth; const char *label, *title, *topic; }
	    secs[] = {
		{ 1, "I.", "첫째 장", "first" },
		{ 2, "1.", "소절", NULL },
		{ 3, "1)", "가", NULL },
		{ 3, "2)", "나", "na" },
		{ 2, "2.", "둘째 소절", NULL },
		{ 1, "II.", "둘째 장", "second" },
	};
	size_t n = sizeof secs / sizeof secs[0];

	memset(d, 0, sizeof *d);
	d->title = xstrdup(title);
	d->byline = xstrdup("저자");
	d->sections = xcalloc(n, sizeof *d->sections);
	d->n_sections = n;
	for (size_t i = 0; i < n; i++) {
		struct doc_section *s = &d->sections[i];

		s->depth = secs[i].depth;
		s->label = xstrdup(secs[i].label);
		s->title = xstrdup(secs[i].title);
		s->topic = secs[i].topic ? xstrdup(secs[i].topic) : NULL;
		s->paras = xcalloc(2, sizeof *s->paras);
		s->paras[0] = xasprintf("문단 %zu 하나 일본의 전략", i);
		s->paras[1] = xasprintf("문단 %zu 둘 경제안보", i);
		s->n_paras = 2;
	}
}

static int
count(struct store *st, const char *table)
{
	char *sql = xasprintf("SELECT count(*) FROM %s", table);
	sqlite3_stmt *stmt;
	int n = -1;

	if (sqlite3_prepare_v2(store_db(st), sql, -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	free(sql);
	return n;
}

/*
 * What the migrations of store.c build, written down here on its own so
 * that a dropped or half-run migration shows: the schema version a new
 * library is stamped with, and the tables and indexes it must then hold.
 * A new migration updates both.
 */
#define SCHEMA_VERSION 3
static const char *const schema_objects[] = {
	"briefing", "section", "section_parent", "section_topic", "paragraph",
	"section_fts", "rank_term", "rank_stats",
};

static int
pragma_int(struct store *st, const char *pragma)
{
	char *sql = xasprintf("PRAGMA %s", pragma);
	sqlite3_stmt *stmt;
	int v = -1;

	if (sqlite3_prepare_v2(store_db(st), sql, -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		v = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	free(sql);
	return v;
}

/* The schema objects of schema_objects that the library lacks, or "". */
static char *
schema_missing(struct store *st)
{
	struct buf b = { 0 };

	buf_add(&b, "", 0);
	for (size_t i = 0; i < sizeof schema_objects / sizeof *schema_objects;
	    i++) {
		sqlite3_stmt *stmt;

		sqlite3_prepare_v2(store_db(st), "SELECT 1 FROM sqlite_master "
		    "WHERE name = ?", -1, &stmt, NULL);
		sqlite3_bind_text(stmt, 1, schema_objects[i], -1, SQLITE_STATIC);
		if (sqlite3_step(stmt) != SQLITE_ROW)
			buf_printf(&b, " %s", schema_objects[i]);
		sqlite3_finalize(stmt);
	}
	return buf_take(&b);
}

/* The size of a file, -1 when there is none. */
static long long
file_size(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 ? (long long)sb.st_size : -1;
}

static void
test_open(void)
{
	char *path = xasprintf("%s/a.db", tmpdir), *cause = NULL, *missing;
	char *wal = xasprintf("%s-wal", path);
	struct store *st = NULL;
	sqlite3_stmt *stmt;
	int cookie = -1;
	FILE *fp;

	ok(store_open(path, 0, &st, &cause) == 0, "1.1 open creates a library");
	is_int(pragma_int(st, "user_version"), SCHEMA_VERSION,
	    "1.2 stamped with the version the migrations reach");
	is_int(store_schema_version(), SCHEMA_VERSION,
	    "1.3 store_schema_version() says so too");
	is_str(missing = schema_missing(st), "",
	    "1.4 every table and index of the migrations is there");
	free(missing);
	sqlite3_prepare_v2(store_db(st), "PRAGMA journal_mode", -1, &stmt, NULL);
	sqlite3_step(stmt);
	is_str((const char *)sqlite3_column_text(stmt, 0), "wal", "1.5 WAL mode");
	sqlite3_finalize(stmt);
	cookie = pragma_int(st, "schema_version");
	store_close(st);
	ok(file_size(wal) <= 0, "1.6 closing leaves no write-ahead log");
	ok(store_open(path, 0, &st, &cause) == 0, "1.7 the library reopens");
	/* A reopening that ran a migration, or wrote anything, would have
	 * committed frames to the write-ahead log. */
	is_int(file_size(wal), 0, "1.8 reopening writes nothing");
	is_int(pragma_int(st, "schema_version"), cookie,
	    "1.9 ... and changes no table");
	is_int(pragma_int(st, "user_version"), SCHEMA_VERSION,
	    "1.10 ... nor the version");
	store_close(st);

	/* A library at the first version: reopening runs the second migration
	 * (the search index) and indexes what is there. */
	ok(store_open(path, 0, &st, &cause) == 0 && sqlite3_exec(store_db(st),
	    "INSERT INTO briefing VALUES (1, 'old', '옛 문서', NULL, NULL, NULL,"
	    " 'old.txt', 'c0', 0, 1, NULL);"
	    "INSERT INTO section VALUES (1, 1, NULL, 0, 1, 1, '1', 'I.', '제목',"
	    " NULL);"
	    "INSERT INTO paragraph VALUES (1, 1, 1, '옛날 경제안보 이야기');"
	    "DROP TABLE section_fts; DROP TABLE rank_term; DROP TABLE rank_stats;"
	    " PRAGMA user_version = 1;", NULL, NULL,
	    NULL) == SQLITE_OK, "1.11 a library of schema 1, made by hand");
	store_close(st);
	ok(store_open(path, 0, &st, &cause) == 0, "1.12 ... opens");
	is_int(pragma_int(st, "user_version"), SCHEMA_VERSION,
	    "1.13 ... migrated to the current version");
	is_str(missing = schema_missing(st), "", "1.14 ... with every table");
	free(missing);
	is_int(count(st, "section_fts WHERE section_fts MATCH '안보'"), 1,
	    "1.15 ... and its text indexed");
	store_close(st);
	free(wal);
	free(path);

	path = xasprintf("%s/junk.db", tmpdir);
	fp = fopen(path, "w");
	for (int i = 0; i < 4096; i++)
		fputc((i * 7919) & 0xff, fp);
	fclose(fp);
	cause = NULL;
	is_int(store_open(path, 0, &st, &cause), EX_DATAERR,
	    "1.16 a file that is not a database is refused");
	ok(cause != NULL && strstr(cause, "not a brief library") != NULL,
	    "1.17 ... saying it is not a brief library");
	free(cause);
	free(path);
}

static void
test_import(struct store *st)
{
	struct import_result res, dup;
	struct doc d;
	char *cause = NULL;

	make_doc(&d, "문서");
	ok(library_add(st, &d, "dir/My Brief.txt", "c1", &res, &cause) == 0,
	    "2.1 add a document");
	is_str(res.slug, "my-brief", "2.2 slug from the file name");
	is_int(count(st, "section"), 6, "2.3 six sections stored");
	is_int(count(st, "paragraph"), 12, "2.4 twelve paragraphs stored");
	ok(library_add(st, &d, "other.txt", "c1", &dup, &cause) == 0 &&
	    dup.duplicate, "2.5 same checksum: a duplicate, not added");
	is_str(dup.slug, "my-brief", "2.6 ... naming the briefing it duplicates");
	is_int(count(st, "briefing"), 1, "2.7 still one briefing");

	/* A failure half-way leaves the library as it was. */
	sqlite3_exec(store_db(st), "CREATE TEMP TRIGGER boom BEFORE INSERT ON"
	    " paragraph WHEN (SELECT count(*) FROM paragraph) >= 15 BEGIN"
	    " SELECT RAISE(ABORT, 'disk on fire'); END", NULL, NULL, NULL);
	cause = NULL;
	free(res.slug);
	ok(library_add(st, &d, "third.txt", "c3", &res, &cause) != 0,
	    "2.8 an import failing half-way reports an error");
	ok(cause != NULL && strstr(cause, "disk on fire") != NULL,
	    "2.9 ... with the reason");
	free(cause);
	is_int(count(st, "briefing"), 1, "2.10 ... and adds no briefing");
	is_int(count(st, "paragraph"), 12, "2.11 ... and no paragraph");
	sqlite3_exec(store_db(st), "DROP TRIGGER boom", NULL, NULL, NULL);
	free(res.slug);
	free(dup.slug);
	doc_free(&d);
}

/* Listing a library a screenful at a time, and finding a briefing's place. */
static void
test_ranges(struct store *st)
{
	struct briefing *all = NULL, *part;
	size_t na = 0, np = 0, pos = 99;
	char *cause = NULL;

	ok(library_list(st, &all, &na, &cause) == 0 && na >= 3,
	    "5.1 the library lists %zu briefings", na);
	ok(library_list_range(st, 1, 2, &part, &np, &cause) == 0 && np == 2 &&
	    part[0].id == all[1].id && part[1].id == all[2].id,
	    "5.2 a range is that part of the list");
	briefings_free(part, np);
	ok(library_list_range(st, na, 5, &part, &np, &cause) == 0 && np == 0,
	    "5.3 a range past the end is empty");
	briefings_free(part, np);
	ok(library_position(st, all[na - 1].id, &pos, &cause) == 0 &&
	    pos == na - 1, "5.4 the last briefing's position");
	is_int(library_position(st, 424242, &pos, &cause), EX_DATAERR,
	    "5.5 no position for a briefing that is not there");
	free(cause);
	briefings_free(all, na);
}

/* A library opened read-only still reads, and refuses to write. */
static void
test_readonly(const char *path)
{
	struct import_result res;
	struct section *v;
	struct store *st;
	struct doc d;
	char *cause = NULL;
	size_t n;

	ok(store_open(path, STORE_READONLY, &st, &cause) == 0 &&
	    store_readonly(st), "4.1 a library opens read-only");
	ok(outline_list(st, 1, &v, &n, &cause) == 0 && n == 6,
	    "4.2 ... and its outline reads");
	sections_free(v, n);
	make_doc(&d, "새 문서");
	is_int(library_add(st, &d, "new.txt", "c9", &res, &cause), EX_IOERR,
	    "4.3 ... and an import says it is read-only");
	ok(cause != NULL && strstr(cause, "read-only") != NULL, "4.4 ... why");
	free(cause);
	doc_free(&d);
	store_close(st);
}

/* A batch whose second file fails in the library leaves none of it. */
static void
test_batch(struct store *st)
{
	char *paths[2], *cause = NULL;
	struct import_outcome out[2];
	int before = count(st, "briefing");
	FILE *fp;

	for (int i = 0; i < 2; i++) {
		paths[i] = xasprintf("%s/batch%d.md", tmpdir, i);
		fp = fopen(paths[i], "w");
		fprintf(fp, "# 제목 %d\n\n본문 %d 하나\n\n본문 둘\n", i, i);
		fclose(fp);
	}
	sqlite3_exec(store_db(st), "CREATE TEMP TRIGGER boom BEFORE INSERT ON"
	    " briefing WHEN NEW.filename = 'batch1.md' BEGIN"
	    " SELECT RAISE(ABORT, 'disk on fire'); END", NULL, NULL, NULL);
	ok(library_import_files(st, paths, 2, out, &cause) != 0,
	    "2.12 a batch failing in the library reports an error");
	ok(out[0].rc != 0 && out[1].rc != 0, "2.13 ... for every file of it");
	is_int(count(st, "briefing"), before, "2.14 ... and none of it lands");
	free(cause);
	import_outcome_clear(&out[0]);
	import_outcome_clear(&out[1]);
	sqlite3_exec(store_db(st), "DROP TRIGGER boom", NULL, NULL, NULL);
	cause = NULL;
	ok(library_import_files(st, paths, 2, out, &cause) == 0 &&
	    out[0].rc == 0 && out[1].rc == 0, "2.15 the same batch then imports");
	is_int(count(st, "briefing"), before + 2, "2.16 ... both files");
	for (int i = 0; i < 2; i++) {
		import_outcome_clear(&out[i]);
		free(paths[i]);
	}
}

static void
test_outline(struct store *st)
{
	static const char *paths[] = { "1", "1.1", "1.1.1", "1.1.2", "1.2", "2" };
	struct section *v, s;
	char *cause = NULL;
	size_t n;

	ok(outline_list(st, 1, &v, &n, &cause) == 0 && n == 6,
	    "3.1 outline lists six sections");
	for (size_t i = 0; i < n && i < 6; i++)
		is_str(v[i].path, paths[i], "3.%zu path of section %zu",
		    i + 2, i);
	is_int(v[1].n_children, 2, "3.8 1.1 has two children");
	sections_free(v, n);

	ok(outline_resolve(st, "1.1.2", &s, &cause) == 0 &&
	    strcmp(s.title, "나") == 0, "3.9 resolve a path");
	section_clear(&s);
	ok(outline_resolve(st, "second", &s, &cause) == 0 &&
	    strcmp(s.path, "2") == 0, "3.10 resolve a topic");
	section_clear(&s);
	ok(outline_resolve(st, "my-brief:na", &s, &cause) == 0 &&
	    strcmp(s.path, "1.1.2") == 0, "3.11 resolve BRIEFING:topic");
	section_clear(&s);
	ok(outline_resolve(st, "II", &s, &cause) == 0 &&
	    strcmp(s.path, "2") == 0, "3.12 resolve a top-level label");
	section_clear(&s);
	cause = NULL;
	is_int(outline_resolve(st, "secnd", &s, &cause), EX_DATAERR,
	    "3.13 an unknown topic is an error");
	ok(cause != NULL && strstr(cause, "second") != NULL,
	    "3.14 ... suggesting the close one");
	free(cause);
	cause = NULL;
	is_int(outline_resolve(st, "nobody:1", &s, &cause), EX_DATAERR,
	    "3.15 an unknown briefing is an error");
	ok(cause != NULL && strstr(cause, "my-brief") != NULL,
	    "3.16 ... listing the briefings there are");
	free(cause);
	ok(outline_resolve(st, "1.1", &s, &cause) == 0 &&
	    outline_subtree(st, &s, &v, &n, &cause) == 0 && n == 3,
	    "3.17 the subtree of 1.1 is three sections");
	sections_free(v, n);
	section_clear(&s);
}

int
main(void)
{
	char *path, *cause = NULL;
	struct store *st;

	if (mkdtemp(tmpdir) == NULL)
		return 1;
	tap_plan(59);
	test_open();
	path = xasprintf("%s/lib.db", tmpdir);
	if (store_open(path, 0, &st, &cause) != 0) {
		printf("Bail out! %s\n", cause);
		return 1;
	}
	test_import(st);
	test_outline(st);
	test_batch(st);
	test_ranges(st);
	store_close(st);
	test_readonly(path);
	free(path);
	path = xasprintf("rm -rf %s", tmpdir);
	if (system(path) != 0)
		ok(0, "clean up");
	free(path);
	return tap_done();
}

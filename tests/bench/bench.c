/*
 * bench.c: brief-bench, the benchmark behind DESIGN.md section 7 (how to run
 * it and what each figure means: tests/bench/README-section.md).
 *
 *	brief-bench [--sizes 10,1000,5000] [--queries K] [--rg-sample M]
 *	    [--seed S] [--brief PATH] [--less] WORKDIR
 *
 * For each library size N: writes the corpus with brief-corpus (or reuses
 * it), imports it into a fresh library file by file, feeds the same text to
 * SQLite's trigram FTS5 table in one transaction, times the first page of
 * every query in-process (search_run) and a sample of them with rg -c, times
 * the first screen of the real brief in a pseudo-terminal (and of less on
 * the bundled briefing), brief outline as a process, and the peak memory of
 * brief search and of the TUI.  Prints Markdown tables to stdout and every
 * raw figure to WORKDIR/results.tsv.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "library-write.h"
#include "query.h"
#include "search.h"
#include "store.h"
#include "util.h"

#define BENCH_SIZES_MAX		8
#define BENCH_QUIET_MS		20	/* output silence that ends a screen */
#define BENCH_SCREEN_RUNS	5
#define BENCH_OUTLINE_RUNS	10
#define BENCH_PAGE		50	/* hits on the first page */
#define BENCH_SNIPPET		60	/* snippet columns */

#ifndef SOURCE_ROOT
#define SOURCE_ROOT "."
#endif

struct bench_options {
	size_t		 sizes[BENCH_SIZES_MAX];
	size_t		 n_sizes;
	size_t		 queries;	/* 0: all of queries.tsv */
	size_t		 rg_sample;	/* per class */
	unsigned long	 seed;
	const char	*brief;
	const char	*asset;		/* the bundled briefing, for less */
	bool		 less;
	const char	*work;
	char		*self_dir;	/* where brief-corpus is */
};

struct bench_query {
	char	*class;
	char	*text;
	double	 ms;		/* first page, in-process */
	long	 hits;		/* sections matching */
	double	 rg_ms;		/* rg -c, or < 0 when not sampled */
};

/* The figures of one library size. */
struct bench_size {
	size_t			 n;
	double			 mb;		/* corpus bytes / 1e6 */
	long			 sections;
	double			 import_s;
	double			 trigram_s;
	struct bench_query	*q;
	size_t			 nq;
	double			 screen_ms;	/* median first screen */
	long			 screen_kb;	/* peak RSS of the TUI */
	double			 outline_ms;
	double			 search_proc_ms;
	long			 search_kb;	/* peak RSS of brief search */
	const char		*search_word;
};

/* A process run to its end: wall time and peak resident set. */
struct bench_proc {
	double	ms;
	long	maxrss_kb;
	int	status;
};

static double
bench_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static __attribute__((noreturn, format(printf, 1, 2))) void
bench_die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("brief-bench: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

static int
bench_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The p-th percentile (nearest rank) of n values; sorts v. */
static double
bench_pct(double *v, size_t n, double p)
{
	size_t k;

	if (n == 0)
		return 0;
	qsort(v, n, sizeof *v, bench_cmp_double);
	k = (size_t)(p / 100 * (double)n + 0.999999);
	if (k < 1)
		k = 1;
	return v[(k > n ? n : k) - 1];
}

/*
 * Runs argv (with env additions "NAME=value" in envp) to its end, stdout and
 * stderr to /dev/null; times it from fork to reaping and reads its peak
 * resident set from wait4.
 */
static void
bench_run(char *const *argv, char *const *envp, struct bench_proc *p)
{
	struct rusage ru;
	double t0 = bench_now();
	pid_t pid = fork();
	int fd;

	if (pid < 0)
		bench_die("fork: %s", strerror(errno));
	if (pid == 0) {
		fd = open("/dev/null", O_RDWR);
		dup2(fd, 0);
		dup2(fd, 1);
		dup2(fd, 2);
		for (; envp != NULL && *envp != NULL; envp++)
			putenv(*envp);
		execvp(argv[0], argv);
		_exit(127);
	}
	if (wait4(pid, &p->status, 0, &ru) != pid)
		bench_die("wait4: %s", strerror(errno));
	p->ms = bench_now() - t0;
	p->maxrss_kb = ru.ru_maxrss;
}

/* Whether the file exists. */
static bool
bench_exists(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0;
}

/*
 * Makes sure dir holds the corpus of n briefings: a stamp file names the
 * size and seed it was written for; anything else is written again.
 */
static void
bench_corpus(const struct bench_options *o, size_t n, const char *dir)
{
	char *stamp = xasprintf("%s/.complete", dir), *want, *have = NULL;
	char *gen = xasprintf("%s/brief-corpus", o->self_dir);
	char nbuf[32], sbuf[32];
	struct bench_proc p;
	size_t len;

	want = xasprintf("%zu %lu\n", n, o->seed);
	if (read_file(stamp, &have, &len, NULL) == 0 && strcmp(have, want) == 0)
		goto done;
	fprintf(stderr, "brief-bench: writing %zu briefings to %s\n", n, dir);
	{
		char *rm[] = { "rm", "-rf", (char *)dir, NULL };

		bench_run(rm, NULL, &p);
	}
	snprintf(nbuf, sizeof nbuf, "%zu", n);
	snprintf(sbuf, sizeof sbuf, "%lu", o->seed);
	{
		char *argv[] = { gen, nbuf, (char *)dir, sbuf, NULL };

		bench_run(argv, NULL, &p);
	}
	if (p.status != 0)
		bench_die("%s failed", gen);
	{
		FILE *f = fopen(stamp, "w");

		if (f == NULL || fputs(want, f) == EOF || fclose(f) != 0)
			bench_die("cannot write %s", stamp);
	}
done:
	free(have);
	free(want);
	free(stamp);
	free(gen);
}

/* The briefing files of a corpus, in order, and their total size. */
static char **
bench_files(const char *dir, size_t n, double *mb)
{
	char **v = xcalloc(n, sizeof *v);
	struct stat sb;
	double bytes = 0;

	for (size_t i = 0; i < n; i++) {
		v[i] = xasprintf("%s/b%05zu.txt", dir, i + 1);
		if (stat(v[i], &sb) != 0)
			bench_die("%s: %s", v[i], strerror(errno));
		bytes += (double)sb.st_size;
	}
	*mb = bytes / 1e6;
	return v;
}

/* Removes a SQLite file and its WAL and shared-memory files. */
static void
bench_unlink_db(const char *path)
{
	char *wal = xasprintf("%s-wal", path), *shm = xasprintf("%s-shm", path);

	unlink(path);
	unlink(wal);
	unlink(shm);
	free(wal);
	free(shm);
}

/*
 * Imports every file into a fresh library the way `brief import FILE...`
 * does: one batch, one transaction, each file still atomic.  That is also
 * how the trigram table below is fed.
 */
static void
bench_import(const char *db, char **files, struct bench_size *r)
{
	struct import_outcome *out = xcalloc(r->n, sizeof *out);
	struct store *st;
	char *cause = NULL;
	double t0;

	bench_unlink_db(db);
	t0 = bench_now();
	if (store_open(db, 0, &st, &cause) != 0)
		bench_die("%s: %s", db, cause);
	if (library_import_files(st, files, r->n, out, &cause) != 0)
		bench_die("import: %s", cause ? cause : out[0].cause);
	store_close(st);
	r->import_s = (bench_now() - t0) / 1e3;
	for (size_t i = 0; i < r->n; i++)
		import_outcome_clear(&out[i]);
	free(out);
}

/* Runs sql on db or dies. */
static void
bench_exec(sqlite3 *db, const char *sql)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		bench_die("%s: %s", sql, sqlite3_errmsg(db));
}

/*
 * The point of comparison for import: SQLite's own trigram FTS5 table, with
 * the store's settings (WAL, synchronous NORMAL), fed every file's text in
 * one transaction, reading the files included.
 */
static void
bench_trigram(const char *path, char **files, struct bench_size *r)
{
	sqlite3 *db;
	sqlite3_stmt *stmt;
	char *data, *cause;
	size_t len;
	double t0;

	bench_unlink_db(path);
	t0 = bench_now();
	if (sqlite3_open(path, &db) != SQLITE_OK)
		bench_die("%s: %s", path, sqlite3_errmsg(db));
	bench_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
	    "CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'trigram');"
	    "BEGIN");
	if (sqlite3_prepare_v2(db, "INSERT INTO t (body) VALUES (?)", -1,
	    &stmt, NULL) != SQLITE_OK)
		bench_die("trigram: %s", sqlite3_errmsg(db));
	for (size_t i = 0; i < r->n; i++) {
		if (read_file(files[i], &data, &len, &cause) != 0)
			bench_die("%s: %s", files[i], cause);
		sqlite3_bind_text(stmt, 1, data, (int)len, free);
		if (sqlite3_step(stmt) != SQLITE_DONE)
			bench_die("trigram: %s", sqlite3_errmsg(db));
		sqlite3_reset(stmt);
	}
	sqlite3_finalize(stmt);
	bench_exec(db, "COMMIT");
	sqlite3_close(db);
	r->trigram_s = (bench_now() - t0) / 1e3;
	bench_unlink_db(path);
}

/* Reads CLASS<TAB>QUERY lines; with max > 0 keeps max of them, evenly. */
static struct bench_query *
bench_queries(const char *dir, size_t max, size_t *nq)
{
	char *path = xasprintf("%s/queries.tsv", dir), *data, *cause, *line;
	char *save = NULL, *tab;
	struct bench_query *v = NULL, *w;
	size_t n = 0, len, keep = 0;

	if (read_file(path, &data, &len, &cause) != 0)
		bench_die("%s", cause);
	for (line = strtok_r(data, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if ((tab = strchr(line, '\t')) == NULL)
			continue;
		v = xreallocarray(v, n + 1, sizeof *v);
		v[n].class = xstrndup(line, (size_t)(tab - line));
		v[n].text = xstrdup(tab + 1);
		v[n].ms = v[n].rg_ms = -1;
		v[n].hits = 0;
		n++;
	}
	free(data);
	free(path);
	if (max == 0 || max >= n) {
		*nq = n;
		return v;
	}
	w = xcalloc(max, sizeof *w);
	for (size_t i = 0; i < n; i++) {
		if (keep < max && i == keep * n / max)
			w[keep++] = v[i];
		else {
			free(v[i].class);
			free(v[i].text);
		}
	}
	free(v);
	*nq = keep;
	return w;
}

/* The number of sections query matches, straight from the index. */
static long
bench_count(struct store *st, const char *query)
{
	struct query *q = query_parse(query, strlen(query));
	const char *match = q->match;
	sqlite3_stmt *stmt;
	long n = -1;

	if (match == NULL) {
		query_free(q);
		return 0;
	}
	if (sqlite3_prepare_v2(store_db(st), "SELECT count(*) FROM section_fts"
	    " WHERE section_fts MATCH ?", -1, &stmt, NULL) == SQLITE_OK) {
		sqlite3_bind_text(stmt, 1, match, -1, SQLITE_STATIC);
		if (sqlite3_step(stmt) == SQLITE_ROW)
			n = sqlite3_column_int64(stmt, 0);
		sqlite3_finalize(stmt);
	}
	query_free(q);
	return n;
}

/* Times one first page: 50 hits with snippets, in the order brief shows. */
static double
bench_first_page(struct store *st, const char *query)
{
	struct search_opts so = { BENCH_PAGE, BENCH_SNIPPET, 0, NULL };
	struct search_results res;
	struct query *q;
	char *cause = NULL;
	double t0 = bench_now(), ms;

	memset(&res, 0, sizeof res);
	q = query_parse(query, strlen(query));
	if (search_run(st, q, &so, &res, &cause) != 0)
		bench_die("search %s: %s", query, cause);
	ms = bench_now() - t0;
	query_free(q);
	search_results_free(&res);
	return ms;
}

/*
 * The in-process search figures: one warm-up pass over the first queries
 * (the library was just written, as it is just opened in real use), then
 * every query once, then the hit counts (not timed).
 */
static void
bench_search(const char *db, struct bench_size *r)
{
	struct store *st;
	char *cause;
	long total;
	sqlite3_stmt *stmt;

	if (store_open(db, STORE_READONLY, &st, &cause) != 0)
		bench_die("%s: %s", db, cause);
	for (size_t i = 0; i < r->nq && i < 20; i++)
		bench_first_page(st, r->q[i].text);
	for (size_t i = 0; i < r->nq; i++)
		r->q[i].ms = bench_first_page(st, r->q[i].text);
	for (size_t i = 0; i < r->nq; i++)
		r->q[i].hits = bench_count(st, r->q[i].text);
	total = 0;
	if (sqlite3_prepare_v2(store_db(st), "SELECT count(*) FROM section",
	    -1, &stmt, NULL) == SQLITE_OK) {
		if (sqlite3_step(stmt) == SQLITE_ROW)
			total = sqlite3_column_int64(stmt, 0);
		sqlite3_finalize(stmt);
	}
	r->sections = total;
	store_close(st);
}

/* Times rg -c --fixed-strings for one query over the corpus directory. */
static double
bench_rg(const char *dir, const char *query)
{
	size_t len = strlen(query);
	char *word = xstrdup(query);
	struct bench_proc p;

	if (len >= 2 && query[0] == '"' && query[len - 1] == '"') {
		memmove(word, query + 1, len - 2);
		word[len - 2] = '\0';
	}
	{
		char *argv[] = { "rg", "-c", "--fixed-strings", "--", word,
		    (char *)dir, NULL };

		bench_run(argv, NULL, &p);
	}
	free(word);
	if (WIFEXITED(p.status) && WEXITSTATUS(p.status) > 1)
		bench_die("rg failed (is ripgrep installed?)");
	return p.ms;
}

/*
 * rg for a sample of each class: m queries spread over the class (so over
 * its rank bands), plus the class's slowest query for brief, so that the
 * worst ratio covers the worst query.
 */
static void
bench_rg_sample(const char *dir, size_t m, struct bench_size *r)
{
	size_t start = 0;

	while (start < r->nq) {
		size_t end = start, slow = start, len;

		while (end < r->nq && strcmp(r->q[end].class,
		    r->q[start].class) == 0) {
			if (r->q[end].ms > r->q[slow].ms)
				slow = end;
			end++;
		}
		len = end - start;
		for (size_t k = 0; k < m && k < len; k++) {
			size_t i = start + k * len / (m < len ? m : len);

			r->q[i].rg_ms = bench_rg(dir, r->q[i].text);
		}
		if (r->q[slow].rg_ms < 0)
			r->q[slow].rg_ms = bench_rg(dir, r->q[slow].text);
		start = end;
	}
}

/* What the pseudo-terminal harness saw of one program's first screen. */
struct bench_screen {
	double	ms;		/* spawn to the last byte before the silence */
	long	maxrss_kb;
	bool	complete;	/* the marker was seen */
};

/*
 * Answers the terminal queries in data (new output, with the 3 bytes before
 * it so a query split between reads is seen): a cursor position report,
 * which brief uses to measure ambiguous-width characters, answered the way a
 * terminal that draws them one column wide would.
 */
static void
bench_answer(int fd, const char *data, size_t len)
{
	static const char dsr[] = "\033[6n", cpr[] = "\033[1;2R";

	for (const char *p = data; (p = memmem(p, len - (size_t)(p - data),
	    dsr, sizeof dsr - 1)) != NULL; p += sizeof dsr - 1) {
		if (write(fd, cpr, sizeof cpr - 1) < 0)
			return;
	}
}

/* Reads what is there on fd (non-blocking drain) until the child is gone. */
static void
bench_finish(int fd, pid_t pid, struct bench_screen *s)
{
	struct rusage ru;
	char buf[4096];
	double t0 = bench_now();
	int status;
	pid_t w;

	while ((w = wait4(pid, &status, WNOHANG, &ru)) == 0) {
		struct pollfd pfd = { fd, POLLIN, 0 };

		if (poll(&pfd, 1, 10) > 0 && read(fd, buf, sizeof buf) <= 0)
			pfd.fd = -1;
		if (bench_now() - t0 > 3000) {
			kill(pid, SIGKILL);
			w = wait4(pid, &status, 0, &ru);
			break;
		}
	}
	s->maxrss_kb = w == pid ? ru.ru_maxrss : -1;
	close(fd);
}

/*
 * Spawns argv in an 80x24 pseudo-terminal (TERM=xterm-256color) and times
 * its first screen: from just before the fork until the last byte of output
 * that is followed by BENCH_QUIET_MS of silence once the output contains
 * marker (text of the last line drawn, so the screen is complete).  Then
 * types q and reads the peak resident set from wait4.
 */
static void
bench_screen(char *const *argv, char *const *envp, const char *marker,
    struct bench_screen *s)
{
	struct winsize ws = { 24, 80, 0, 0 };
	struct buf out = { 0 };
	char buf[65536];
	double t0, last, deadline;
	size_t seen;
	int fd, timeout;
	pid_t pid;

	memset(s, 0, sizeof *s);
	t0 = last = bench_now();
	deadline = t0 + 10000;
	if ((pid = forkpty(&fd, NULL, NULL, &ws)) < 0)
		bench_die("forkpty: %s", strerror(errno));
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		for (; envp != NULL && *envp != NULL; envp++)
			putenv(*envp);
		execvp(argv[0], argv);
		_exit(127);
	}
	for (;;) {
		struct pollfd pfd = { fd, POLLIN, 0 };
		ssize_t n;

		timeout = s->complete ? BENCH_QUIET_MS :
		    (int)(deadline - bench_now());
		if (timeout <= 0 || poll(&pfd, 1, timeout) <= 0)
			break;
		if ((n = read(fd, buf, sizeof buf)) <= 0)
			break;
		last = bench_now();
		seen = out.len > 3 ? out.len - 3 : 0;
		buf_add(&out, buf, (size_t)n);
		bench_answer(fd, out.data + seen, out.len - seen);
		if (!s->complete && memmem(out.data, out.len, marker,
		    strlen(marker)) != NULL)
			s->complete = true;
	}
	s->ms = last - t0;
	buf_free(&out);
	if (write(fd, "q", 1) < 0)
		kill(pid, SIGTERM);
	bench_finish(fd, pid, s);
}

/* The median first screen over BENCH_SCREEN_RUNS runs, and the peak RSS. */
static double
bench_screens(char *const *argv, char *const *envp, const char *marker,
    long *maxrss_kb)
{
	double v[BENCH_SCREEN_RUNS];
	struct bench_screen s;

	*maxrss_kb = 0;
	for (size_t i = 0; i < BENCH_SCREEN_RUNS; i++) {
		bench_screen(argv, envp, marker, &s);
		if (!s.complete)
			fprintf(stderr, "brief-bench: %s: no \"%s\" on the "
			    "first screen\n", argv[0], marker);
		v[i] = s.ms;
		if (s.maxrss_kb > *maxrss_kb)
			*maxrss_kb = s.maxrss_kb;
	}
	return bench_pct(v, BENCH_SCREEN_RUNS, 50);
}

/* The query with the most hits: the heaviest brief search. */
static const char *
bench_heaviest(const struct bench_size *r)
{
	size_t best = 0;

	for (size_t i = 1; i < r->nq; i++) {
		if (r->q[i].hits > r->q[best].hits)
			best = i;
	}
	return r->nq > 0 ? r->q[best].text : "x";
}

/*
 * The whole-process figures: first screen of the TUI, brief outline (median
 * of BENCH_OUTLINE_RUNS), and peak RSS of brief search for the query with
 * the most hits.
 */
static void
bench_processes(const struct bench_options *o, const char *db,
    struct bench_size *r)
{
	char *env[] = { xasprintf("BRIEF_DB=%s", db), "LANG=C.UTF-8",
	    "LC_ALL=C.UTF-8", NULL };
	char *tui[] = { (char *)o->brief, NULL };
	char *outline[] = { (char *)o->brief, "outline", NULL };
	char *search[] = { (char *)o->brief, "search", NULL, NULL };
	double v[BENCH_OUTLINE_RUNS];
	struct bench_proc p;

	r->screen_ms = bench_screens(tui, env, "help", &r->screen_kb);
	for (size_t i = 0; i < BENCH_OUTLINE_RUNS; i++) {
		bench_run(outline, env, &p);
		if (p.status != 0)
			bench_die("brief outline failed (status %d)", p.status);
		v[i] = p.ms;
	}
	r->outline_ms = bench_pct(v, BENCH_OUTLINE_RUNS, 50);
	r->search_word = bench_heaviest(r);
	search[2] = (char *)r->search_word;
	bench_run(search, env, &p);
	r->search_proc_ms = p.ms;
	r->search_kb = p.maxrss_kb;
	free(env[0]);
}

/* less on the bundled briefing, in the same harness. */
static double
bench_less(const struct bench_options *o)
{
	char *env[] = { "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "LESS=",
	    "LESSOPEN=", "LESSCLOSE=", NULL };
	char *argv[] = { "less", (char *)o->asset, NULL };
	const char *base = strrchr(o->asset, '/');
	long kb;

	return bench_screens(argv, env, base ? base + 1 : o->asset, &kb);
}

/* Search figures over one class of queries (or all). */
struct bench_stats {
	size_t	n;
	double	p50, p99, max;
	long	hits_min, hits_med, hits_max;
	size_t	n_rg;
	double	rg_med;		/* ms */
	double	ratio_med;	/* rg time / brief time, over the sample */
	double	ratio_worst;
};

static void
bench_stats(const struct bench_size *r, const char *class,
    struct bench_stats *s)
{
	double *ms = xcalloc(r->nq + 1, sizeof *ms);
	double *hits = xcalloc(r->nq + 1, sizeof *hits);
	double *rg = xcalloc(r->nq + 1, sizeof *rg);
	double *ratio = xcalloc(r->nq + 1, sizeof *ratio);

	memset(s, 0, sizeof *s);
	s->ratio_worst = -1;
	for (size_t i = 0; i < r->nq; i++) {
		const struct bench_query *q = &r->q[i];

		if (class != NULL && strcmp(q->class, class) != 0)
			continue;
		ms[s->n] = q->ms;
		hits[s->n++] = (double)q->hits;
		if (q->rg_ms < 0)
			continue;
		rg[s->n_rg] = q->rg_ms;
		ratio[s->n_rg] = q->rg_ms / (q->ms > 1e-6 ? q->ms : 1e-6);
		if (s->ratio_worst < 0 || ratio[s->n_rg] < s->ratio_worst)
			s->ratio_worst = ratio[s->n_rg];
		s->n_rg++;
	}
	s->p50 = bench_pct(ms, s->n, 50);
	s->p99 = bench_pct(ms, s->n, 99);
	s->max = bench_pct(ms, s->n, 100);
	s->hits_min = (long)bench_pct(hits, s->n, 0);
	s->hits_med = (long)bench_pct(hits, s->n, 50);
	s->hits_max = (long)bench_pct(hits, s->n, 100);
	s->rg_med = bench_pct(rg, s->n_rg, 50);
	s->ratio_med = bench_pct(ratio, s->n_rg, 50);
	free(ms);
	free(hits);
	free(rg);
	free(ratio);
}

/* One row of the growth table: a figure for each size, then the bar. */
static void
bench_row(const struct bench_size *r, size_t n, const char *name,
    const char *fmt, double (*get)(const struct bench_size *),
    const char *bar)
{
	printf("| %s |", name);
	for (size_t i = 0; i < n; i++) {
		printf(" ");
		printf(fmt, get(&r[i]));
		printf(" |");
	}
	printf(" %s |\n", bar);
}

static double
get_mb(const struct bench_size *r)
{
	return r->mb;
}

static double
get_sections(const struct bench_size *r)
{
	return (double)r->sections;
}

static double
get_import(const struct bench_size *r)
{
	return r->mb / r->import_s;
}

static double
get_trigram(const struct bench_size *r)
{
	return r->mb / r->trigram_s;
}

static double
get_import_ratio(const struct bench_size *r)
{
	return r->trigram_s / r->import_s;
}

#define BENCH_SEARCH_GETTER(name, field)				\
static double								\
name(const struct bench_size *r)					\
{									\
	struct bench_stats s;						\
									\
	bench_stats(r, NULL, &s);					\
	return s.field;							\
}
BENCH_SEARCH_GETTER(get_p50, p50)
BENCH_SEARCH_GETTER(get_p99, p99)
BENCH_SEARCH_GETTER(get_max, max)
BENCH_SEARCH_GETTER(get_rg, rg_med)
BENCH_SEARCH_GETTER(get_ratio_med, ratio_med)
BENCH_SEARCH_GETTER(get_ratio_worst, ratio_worst)

static double
get_screen(const struct bench_size *r)
{
	return r->screen_ms;
}

static double
get_outline(const struct bench_size *r)
{
	return r->outline_ms;
}

static double
get_search_proc(const struct bench_size *r)
{
	return r->search_proc_ms;
}

static double
get_search_mb(const struct bench_size *r)
{
	return (double)r->search_kb / 1024;
}

static double
get_screen_mb(const struct bench_size *r)
{
	return (double)r->screen_kb / 1024;
}

/* The growth table: every figure for N = sizes[0], sizes[1], ... */
static void
bench_report_growth(const struct bench_size *r, size_t n, double less_ms)
{
	printf("| figure |");
	for (size_t i = 0; i < n; i++)
		printf(" N = %zu |", r[i].n);
	printf(" bar (DESIGN.md 7) |\n|---|");
	for (size_t i = 0; i <= n; i++)
		printf("---:|");
	printf("\n");
	bench_row(r, n, "corpus (MB)", "%.1f", get_mb, "");
	bench_row(r, n, "sections", "%.0f", get_sections, "");
	bench_row(r, n, "import, brief (MB/s)", "%.2f", get_import, "");
	bench_row(r, n, "import, SQLite trigram (MB/s)", "%.2f", get_trigram,
	    "");
	bench_row(r, n, "import ratio brief / trigram", "%.2f",
	    get_import_ratio, "≥ 1");
	bench_row(r, n, "first page p50 (ms)", "%.3f", get_p50, "");
	bench_row(r, n, "first page p99 (ms)", "%.3f", get_p99, "< 5");
	bench_row(r, n, "first page max (ms)", "%.3f", get_max, "");
	bench_row(r, n, "rg -c median (ms)", "%.1f", get_rg, "");
	bench_row(r, n, "rg / brief, median", "%.1f", get_ratio_med, "≥ 100");
	bench_row(r, n, "rg / brief, worst query", "%.1f", get_ratio_worst,
	    "≥ 10");
	bench_row(r, n, "first screen (ms)", "%.1f", get_screen, "< 50");
	if (less_ms > 0) {
		printf("| first screen / less (%.1f ms) |", less_ms);
		for (size_t i = 0; i < n; i++)
			printf(" %.2f |", r[i].screen_ms / less_ms);
		printf(" ≤ 3 |\n");
	}
	bench_row(r, n, "brief outline, process (ms)", "%.1f", get_outline,
	    "");
	bench_row(r, n, "brief search, process (ms)", "%.1f",
	    get_search_proc, "");
	bench_row(r, n, "peak RSS, brief search (MB)", "%.1f", get_search_mb,
	    "< 32");
	bench_row(r, n, "peak RSS, TUI first screen (MB)", "%.1f",
	    get_screen_mb, "< 32");
}

/* The classes of queries, in the order of queries.tsv. */
static size_t
bench_classes(const struct bench_size *r, const char **out, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < r->nq; i++) {
		if (n > 0 && strcmp(out[n - 1], r->q[i].class) == 0)
			continue;
		if (n < max)
			out[n++] = r->q[i].class;
	}
	return n;
}

/* Search per query class for one size. */
static void
bench_report_classes(const struct bench_size *r)
{
	const char *cls[32];
	size_t n = bench_classes(r, cls, 32);
	struct bench_stats s;

	printf("\nSearch, N = %zu (first page: %d hits with snippets, "
	    "in-process; rg -c over the corpus files):\n\n", r->n, BENCH_PAGE);
	printf("| class | queries | sections hit: min / median / max |"
	    " p50 (ms) | p99 (ms) | max (ms) | rg sample | rg median (ms) |"
	    " rg/brief median | rg/brief worst |\n");
	printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
	for (size_t i = 0; i <= n; i++) {
		bench_stats(r, i < n ? cls[i] : NULL, &s);
		printf("| %s | %zu | %ld / %ld / %ld | %.3f | %.3f | %.3f |"
		    " %zu | %.1f | %.1f | %.1f |\n", i < n ? cls[i] : "**all**",
		    s.n, s.hits_min, s.hits_med, s.hits_max, s.p50, s.p99,
		    s.max, s.n_rg, s.rg_med, s.ratio_med, s.ratio_worst);
	}
}

/* Every raw figure as TSV: SIZE<TAB>FIGURE<TAB>VALUE, then query rows. */
static void
bench_tsv(const struct bench_options *o, const struct bench_size *r,
    size_t n, double less_ms)
{
	char *path = xasprintf("%s/results.tsv", o->work);
	FILE *f = fopen(path, "w");

	if (f == NULL)
		bench_die("%s: %s", path, strerror(errno));
	fprintf(f, "n\tfigure\tvalue\n");
	fprintf(f, "0\tless_first_screen_ms\t%.3f\n", less_ms);
	for (size_t i = 0; i < n; i++) {
		fprintf(f, "%zu\tcorpus_mb\t%.3f\n", r[i].n, r[i].mb);
		fprintf(f, "%zu\tsections\t%ld\n", r[i].n, r[i].sections);
		fprintf(f, "%zu\timport_s\t%.3f\n", r[i].n, r[i].import_s);
		fprintf(f, "%zu\ttrigram_s\t%.3f\n", r[i].n, r[i].trigram_s);
		fprintf(f, "%zu\tfirst_screen_ms\t%.3f\n", r[i].n,
		    r[i].screen_ms);
		fprintf(f, "%zu\ttui_maxrss_kb\t%ld\n", r[i].n, r[i].screen_kb);
		fprintf(f, "%zu\toutline_ms\t%.3f\n", r[i].n, r[i].outline_ms);
		fprintf(f, "%zu\tsearch_process_ms\t%.3f\n", r[i].n,
		    r[i].search_proc_ms);
		fprintf(f, "%zu\tsearch_maxrss_kb\t%ld\n", r[i].n,
		    r[i].search_kb);
	}
	fprintf(f, "\nn\tclass\tquery\tsections\tfirst_page_ms\trg_ms\n");
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < r[i].nq; k++) {
			const struct bench_query *q = &r[i].q[k];

			fprintf(f, "%zu\t%s\t%s\t%ld\t%.4f\t%.3f\n", r[i].n,
			    q->class, q->text, q->hits, q->ms, q->rg_ms);
		}
	}
	if (fclose(f) != 0)
		bench_die("%s: %s", path, strerror(errno));
	free(path);
}

/* Everything for one library size. */
static void
bench_size(const struct bench_options *o, size_t n, struct bench_size *r)
{
	char *dir = xasprintf("%s/corpus-%zu", o->work, n);
	char *db = xasprintf("%s/library-%zu.db", o->work, n);
	char *tri = xasprintf("%s/trigram.db", o->work);
	char **files;

	memset(r, 0, sizeof *r);
	r->n = n;
	bench_corpus(o, n, dir);
	files = bench_files(dir, n, &r->mb);
	fprintf(stderr, "brief-bench: N = %zu: import (%.1f MB)\n", n, r->mb);
	bench_import(db, files, r);
	bench_trigram(tri, files, r);
	fprintf(stderr, "brief-bench: N = %zu: search\n", n);
	r->q = bench_queries(dir, o->queries, &r->nq);
	bench_search(db, r);
	bench_rg_sample(dir, o->rg_sample, r);
	fprintf(stderr, "brief-bench: N = %zu: first screen, processes\n", n);
	bench_processes(o, db, r);
	for (size_t i = 0; i < n; i++)
		free(files[i]);
	free(files);
	free(dir);
	free(db);
	free(tri);
}

static void
bench_usage(void)
{
	fprintf(stderr, "usage: brief-bench [--sizes 10,1000,5000] "
	    "[--queries K] [--rg-sample M] [--seed S]\n"
	    "\t[--brief PATH] [--less] WORKDIR\n");
	exit(EX_USAGE);
}

/* A number argument, or the usage message. */
static unsigned long
bench_number(const char *s)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0')
		bench_usage();
	return v;
}

static void
bench_sizes(struct bench_options *o, char *s)
{
	char *save = NULL;

	o->n_sizes = 0;
	for (char *t = strtok_r(s, ",", &save); t != NULL;
	    t = strtok_r(NULL, ",", &save)) {
		if (o->n_sizes == BENCH_SIZES_MAX)
			bench_usage();
		o->sizes[o->n_sizes] = bench_number(t);
		if (o->sizes[o->n_sizes] < 1 || o->sizes[o->n_sizes] > 99999)
			bench_usage();
		o->n_sizes++;
	}
	if (o->n_sizes == 0)
		bench_usage();
}

/* Options; defaults find brief and brief-corpus beside this program. */
static void
bench_options(struct bench_options *o, int argc, char **argv)
{
	char self[PATH_MAX], *slash;
	ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
	int i;

	memset(o, 0, sizeof *o);
	o->sizes[0] = 10, o->sizes[1] = 1000, o->sizes[2] = 5000;
	o->n_sizes = 3;
	o->rg_sample = 20;
	o->seed = 1;
	o->asset = SOURCE_ROOT "/assets/japan-tech-competition.txt";
	if (len <= 0)
		bench_die("cannot find myself: %s", strerror(errno));
	self[len] = '\0';
	if ((slash = strrchr(self, '/')) != NULL)
		*slash = '\0';
	o->self_dir = xstrdup(self);
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--less") == 0)
			o->less = true;
		else if (i + 1 == argc)
			bench_usage();
		else if (strcmp(argv[i], "--sizes") == 0)
			bench_sizes(o, argv[++i]);
		else if (strcmp(argv[i], "--queries") == 0)
			o->queries = bench_number(argv[++i]);
		else if (strcmp(argv[i], "--rg-sample") == 0)
			o->rg_sample = bench_number(argv[++i]);
		else if (strcmp(argv[i], "--seed") == 0)
			o->seed = bench_number(argv[++i]);
		else if (strcmp(argv[i], "--brief") == 0)
			o->brief = argv[++i];
		else
			bench_usage();
	}
	if (i + 1 != argc)
		bench_usage();
	o->work = argv[i];
	if (o->brief == NULL)
		o->brief = xasprintf("%s/../../brief", o->self_dir);
}

int
main(int argc, char **argv)
{
	struct bench_options o;
	struct bench_size r[BENCH_SIZES_MAX];
	double less_ms = -1;

	bench_options(&o, argc, argv);
	if (mkdir(o.work, 0777) != 0 && errno != EEXIST)
		bench_die("cannot create %s: %s", o.work, strerror(errno));
	if (!bench_exists(o.brief))
		bench_die("%s: no such program (use --brief)", o.brief);
	signal(SIGPIPE, SIG_IGN);
	for (size_t i = 0; i < o.n_sizes; i++)
		bench_size(&o, o.sizes[i], &r[i]);
	if (o.less)
		less_ms = bench_less(&o);
	printf("## brief-bench: N = ");
	for (size_t i = 0; i < o.n_sizes; i++)
		printf("%s%zu", i ? ", " : "", o.sizes[i]);
	printf(" (seed %lu, %zu queries, rg sample %zu a class)\n\n", o.seed,
	    r[0].nq, o.rg_sample);
	bench_report_growth(r, o.n_sizes, less_ms);
	for (size_t i = 0; i < o.n_sizes; i++)
		bench_report_classes(&r[i]);
	printf("\nbrief search for the memory figure: %s\n",
	    r[o.n_sizes - 1].search_word);
	bench_tsv(&o, r, o.n_sizes, less_ms);
	return 0;
}

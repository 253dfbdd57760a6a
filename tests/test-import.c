/*
 * test-import.c: the importer (import.h, DESIGN.md section 4).  The bundled
 * briefing (outline, topics, byline, and a reflow oracle that checks every
 * word), small fixtures for PDF-shaped text and Markdown, and byte-level
 * cases: NFD, CRLF, BOM, invalid UTF-8, NUL, escapes, empty and huge input.
 */
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "tap.h"
#include "text.h"
#include "util.h"

#define BUNDLED	"../assets/japan-tech-competition.txt"
#define BYLINE	"이승주 중앙대학교 국제관계학과 교수"

/* A growable list of words (pointers into a string the caller owns). */
struct words {
	char	**v;
	size_t	  n;
	size_t	  cap;
};

static void
words_split(struct words *w, char *s)
{
	char	*save = NULL, *t;

	for (t = strtok_r(s, " ", &save); t != NULL;
	    t = strtok_r(NULL, " ", &save)) {
		if (w->n == w->cap) {
			w->cap = w->cap ? w->cap * 2 : 256;
			w->v = xreallocarray(w->v, w->cap, sizeof *w->v);
		}
		w->v[w->n++] = t;
	}
}

/* Parses a C string (len given, for NULs) as plain text. */
static int
parse(const char *name, const char *s, size_t len, struct doc *d,
    char **cause)
{
	*cause = NULL;
	return import_parse(name, s, len, IMPORT_AUTO, d, cause);
}

/* Section i's paragraph j, or "" when there is none (keeps checks going). */
static const char *
para(const struct doc *d, size_t i, size_t j)
{
	if (i >= d->n_sections || j >= d->sections[i].n_paras)
		return "";
	return d->sections[i].paras[j];
}

/* True when no stored text has a line break or stray spaces. */
static int
clean_text(const struct doc *d)
{
	for (size_t i = 0; i < d->n_sections; i++) {
		for (size_t j = 0; j < d->sections[i].n_paras; j++) {
			const char *p = d->sections[i].paras[j];
			size_t n = strlen(p);

			if (n == 0 || strchr(p, '\n') || strstr(p, "  ") ||
			    p[0] == ' ' || p[n - 1] == ' ')
				return 0;
		}
		if (strchr(d->sections[i].title, '\n'))
			return 0;
	}
	return 1;
}

/* The expected outline of the bundled briefing. */
static const struct {
	int		 depth;
	const char	*label, *title, *topic;
} bundled[] = {
	{ 1, "I.", "초불확실성 시대 기술 경쟁의 부상과 일본", "overview" },
	{ 1, "II.", "기술 경쟁-경제안보 연계", "security" },
	{ 1, "III.", "기술-산업정책 연계", "industrial-policy" },
	{ 1, "IV.", "기술 경쟁과 기술 혁신 전략의 재편", "innovation" },
	{ 1, "V.", "한미일 관계의 디지털 지정학", "cooperation" },
	{ 2, "1.", "미일 협력", "us-japan" },
	{ 3, "1)", "반도체", "semiconductors" },
	{ 3, "2)", "사이버", "cyber" },
	{ 3, "3)", "우주", "space" },
	{ 3, "4)", "양자 컴퓨터", "quantum" },
	{ 2, "2.", "한미일 협력: 심화와 확대 사이의 균형",
	    "korea-us-japan" },
};
#define N_BUNDLED (sizeof bundled / sizeof bundled[0])

/* True when the (trimmed) line is one of the bundled headings. */
static int
is_bundled_heading(const char *line)
{
	char	 buf[256];

	for (size_t i = 0; i < N_BUNDLED; i++) {
		snprintf(buf, sizeof buf, "%s %s", bundled[i].label,
		    bundled[i].title);
		if (strcmp(line, buf) == 0)
			return 1;
	}
	return 0;
}

/*
 * The words of the briefing as the reflow rule defines them, computed
 * independently of the importer: each line loses one leading space, a line
 * ending in a space joins the next with a space, any other line joins it
 * with nothing; blank lines, headings and the byline are dropped.
 */
static char *
oracle_text(const char *body, size_t len, const char *byline)
{
	struct buf	 out = { 0 };
	char		*copy = xstrndup(body, len), *save = NULL, *line, *t;
	char		*nfc;
	size_t		 n;

	for (line = strtok_r(copy, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (line[0] == ' ')
			line++;
		t = line;
		while (*t == ' ')
			t++;
		n = strlen(t);
		while (n > 0 && t[n - 1] == ' ')
			n--;
		if (n == 0)
			continue;
		t = xstrndup(t, n);
		if (is_bundled_heading(t) || strcmp(t, byline) == 0)
			buf_addc(&out, ' ');
		else
			buf_addstr(&out, line);
		free(t);
	}
	free(copy);
	nfc = text_nfc(out.data, out.len, NULL);
	buf_free(&out);
	return nfc;
}

/* All paragraphs of a document, in reading order, joined by spaces. */
static char *
doc_text(const struct doc *d)
{
	struct buf	b = { 0 };

	for (size_t j = 0; j < d->n_preface; j++) {
		buf_addstr(&b, d->preface[j]);
		buf_addc(&b, ' ');
	}
	for (size_t i = 0; i < d->n_sections; i++) {
		for (size_t j = 0; j < d->sections[i].n_paras; j++) {
			buf_addstr(&b, d->sections[i].paras[j]);
			buf_addc(&b, ' ');
		}
	}
	return buf_take(&b);
}

/* 1.x: the bundled briefing's reflowed words equal the oracle's. */
static void
test_bundled_oracle(const struct doc *d, const char *data, size_t len)
{
	struct words	 want = { 0 }, got = { 0 };
	char		*wtext, *gtext;
	size_t		 body = 0, i;

	ok(import_front_matter_end(data, len, &body),
	    "bundled 1.20 front matter found");
	wtext = oracle_text(data + body, len - body, BYLINE);
	gtext = doc_text(d);
	words_split(&want, wtext);
	words_split(&got, gtext);
	for (i = 0; i < want.n && i < got.n; i++) {
		if (strcmp(want.v[i], got.v[i]) != 0)
			break;
	}
	if (i < want.n || i < got.n) {
		printf("# first difference at word %zu: want \"%s\", got "
		    "\"%s\"\n", i, i < want.n ? want.v[i] : "(end)",
		    i < got.n ? got.v[i] : "(end)");
	}
	ok(want.n > 1500, "bundled 1.21 oracle has the whole text (%zu words)",
	    want.n);
	is_int(got.n, want.n, "bundled 1.22 reflow: as many words as the "
	    "oracle");
	ok(i == want.n && i == got.n, "bundled 1.23 reflow: identical word "
	    "sequence (no word broken, merged, lost or added)");
	free(want.v);
	free(got.v);
	free(wtext);
	free(gtext);
}

/* 1.x: the bundled briefing: outline, topics, byline, reflow. */
static void
test_bundled(void)
{
	struct doc	 d;
	char		*data = NULL, *cause = NULL, *p;
	size_t		 len = 0, i, nfc_bad = 0;
	int		 rc;

	rc = read_file(BUNDLED, &data, &len, &cause);
	if (!ok(rc == 0, "bundled 1.1 asset readable")) {
		printf("# %s\n", cause ? cause : "?");
		return;
	}
	rc = import_parse(BUNDLED, data, len, IMPORT_AUTO, &d, &cause);
	if (!ok(rc == 0, "bundled 1.2 imports")) {
		printf("# %s\n", cause ? cause : "?");
		free(data);
		return;
	}
	is_str(d.title, "일본의 기술 경쟁 전략", "bundled 1.3 title");
	is_str(d.byline, BYLINE, "bundled 1.4 byline from the front matter");
	is_str(d.source, "japan-tech-competition.txt", "bundled 1.5 source");
	ok(d.date == NULL, "bundled 1.6 no date");
	is_int(d.n_preface, 0, "bundled 1.7 byline line is not a preface "
	    "paragraph");
	is_int(d.n_sections, N_BUNDLED, "bundled 1.8 eleven sections");
	for (i = 0; i < N_BUNDLED && i < d.n_sections; i++) {
		const struct doc_section *s = &d.sections[i];
		int same = s->depth == bundled[i].depth &&
		    strcmp(s->label, bundled[i].label) == 0 &&
		    strcmp(s->title, bundled[i].title) == 0;

		ok(same, "bundled 1.9.%zu outline: %d %s %s", i + 1,
		    bundled[i].depth, bundled[i].label, bundled[i].title);
		if (!same)
			printf("#   got %d \"%s\" \"%s\"\n", s->depth,
			    s->label, s->title);
		is_str(s->topic, bundled[i].topic, "bundled 1.10.%zu topic of "
		    "%s", i + 1, bundled[i].label);
	}
	is_int(d.n_meta, 4, "bundled 1.11 four front matter keys");
	if (d.n_meta == 4) {
		is_str(d.meta[3].key, "topics", "bundled 1.12 topics kept as "
		    "metadata");
		ok(strstr(d.meta[3].value, "5.1.3 = space") != NULL,
		    "bundled 1.13 topics block kept raw");
	}
	is_int(d.n_replaced, 0, "bundled 1.14 nothing replaced");
	ok(clean_text(&d), "bundled 1.15 no newline, double, leading or "
	    "trailing space in any paragraph");
	ok(strstr(para(&d, 0, 0), "초불확실성 속에서") != NULL,
	    "bundled 1.16 broken word joined (초불확실 + 성)");
	ok(strstr(para(&d, 7, 0), "미국과 일본은 2019년 4월 2+2 회담을") !=
	    NULL, "bundled 1.17 number joined to its unit (2019 + 년 4월)");
	ok(strstr(para(&d, 2, 2), "능력을 신속하게") != NULL,
	    "bundled 1.18 page-start space removed, one space kept");
	is_int(d.sections[1].n_paras, 3, "bundled 1.19 short sentence-final "
	    "lines end paragraphs (II. has three)");
	test_bundled_oracle(&d, data, len);
	for (i = 0; i < d.n_sections; i++) {
		for (size_t j = 0; j < d.sections[i].n_paras; j++) {
			p = text_nfc(d.sections[i].paras[j],
			    strlen(d.sections[i].paras[j]), NULL);
			nfc_bad += strcmp(p, d.sections[i].paras[j]) != 0;
			free(p);
		}
	}
	is_int(nfc_bad, 0, "bundled 1.24 every paragraph is NFC");
	doc_free(&d);
	free(data);
}

/* 2.x: a small PDF-shaped fixture: reflow, paragraph ends, headings. */
static void
test_pdf_fixture(void)
{
	struct doc	 d;
	char		*data = NULL, *cause = NULL;
	size_t		 len = 0;

	if (!ok(read_file("data/import-pdf.txt", &data, &len, &cause) == 0,
	    "pdf 2.1 fixture readable"))
		return;
	if (!ok(parse("data/import-pdf.txt", data, len, &d, &cause) == 0,
	    "pdf 2.2 imports")) {
		free(data);
		return;
	}
	is_str(d.title, "import-pdf", "pdf 2.3 title falls back to the file "
	    "name");
	is_str(d.byline, "Jane Roe, Example Institute", "pdf 2.4 first line "
	    "is the byline");
	is_int(d.n_preface, 0, "pdf 2.5 no preface");
	is_int(d.n_sections, 5, "pdf 2.6 five sections");
	if (d.n_sections == 5) {
		is_str(d.sections[0].label, "I.", "pdf 2.7 label I.");
		is_int(d.sections[2].depth, 3, "pdf 2.8 1) under 1. is depth 3");
		is_str(d.sections[3].title, "Second chapter", "pdf 2.9 title");
		is_int(d.sections[4].depth, 2, "pdf 2.10 3) directly under I. "
		    "is depth 2");
		is_int(d.sections[0].n_paras, 2, "pdf 2.11 two paragraphs");
	}
	is_str(para(&d, 0, 0), "This paragraph is long enough to look like a "
	    "full line of a PDF page, and it goes on over several lines so "
	    "that the typical width can be measured. A word broken at the end "
	    "of a line is joined again without any space, and a line ending in "
	    "a space joins the next with exactly one space. This short line "
	    "ends it.", "pdf 2.12 reflow: words joined, one space, paragraph "
	    "ended by a short sentence");
	is_str(para(&d, 0, 1), "A second paragraph starts here and keeps going "
	    "until the end of the page continues on the next page after the "
	    "page-start space, and a page artefact line does not break the "
	    "word artefact in two pieces at all, really. It ends here.",
	    "pdf 2.13 page start and page artefact line");
	is_str(para(&d, 1, 0), "The numbered section has (1) an inline list "
	    "marker and (2) another one, and 2022 is a year.",
	    "pdf 2.14 (1) is not a heading");
	is_str(para(&d, 4, 0), "Last words of the file, “quoted.”",
	    "pdf 2.15 last paragraph");
	doc_free(&d);
	free(data);
}

/* 3.x: plain text that is not PDF-shaped, and byte-level cases. */
static void
test_plain(void)
{
	static const char nfd[] = "I. \xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab"
	    "\xe1\x84\x80\xe1\x85\xae\xe1\x86\xa8\n\ncafe\xcc\x81 text\n";
	static const char crlf[] = "Author Name\r\n\r\nI. First\r\nsome\r\n"
	    "text here\r\n\r\nnext paragraph\r\n";
	static const char bom[] = "\xef\xbb\xbf---\r\ntitle: With BOM\r\n"
	    "---\r\nI. Heading\r\ntext\r\n";
	static const char notes[] = "Just a note\nwith two lines.\n\n"
	    "(1) and 2022년 5월 and 25개에 are no headings.\n";
	static const char other[] = "---\nbyline: Someone Else\n---\n"
	    "A different first line\n\nI. Head\nbody\n";
	struct doc	 d;
	char		*cause;

	ok(parse("x.txt", nfd, sizeof nfd - 1, &d, &cause) == 0,
	    "plain 3.1 NFD imports");
	is_str(d.n_sections ? d.sections[0].title : "", "한국",
	    "plain 3.2 NFD title stored as NFC");
	is_str(para(&d, 0, 0), "caf\xc3\xa9 text", "plain 3.3 NFD paragraph "
	    "stored as NFC");
	doc_free(&d);

	ok(parse("x.txt", crlf, sizeof crlf - 1, &d, &cause) == 0,
	    "plain 3.4 CRLF imports");
	is_str(d.byline, "Author Name", "plain 3.5 CRLF byline without CR");
	is_str(para(&d, 0, 0), "some text here", "plain 3.6 lines of a "
	    "paragraph joined with one space");
	is_str(para(&d, 0, 1), "next paragraph", "plain 3.7 blank line "
	    "separates paragraphs");
	doc_free(&d);

	ok(parse("x.txt", bom, sizeof bom - 1, &d, &cause) == 0,
	    "plain 3.8 BOM imports");
	is_str(d.title, "With BOM", "plain 3.9 front matter after a BOM");
	is_str(d.n_sections ? d.sections[0].title : "", "Heading",
	    "plain 3.10 heading after BOM and front matter");
	doc_free(&d);

	ok(parse("dir/notes.txt", notes, sizeof notes - 1, &d, &cause) == 0,
	    "plain 3.11 text without headings imports");
	is_int(d.n_sections, 1, "plain 3.12 one section holds it all");
	is_str(d.title, "notes", "plain 3.13 title from the file name");
	ok(d.byline == NULL, "plain 3.14 no byline without a heading");
	is_int(d.n_sections ? d.sections[0].n_paras : 0, 3, "plain 3.15 "
	    "first line, rest of block, second block");
	is_str(para(&d, 0, 2), "(1) and 2022년 5월 and 25개에 are no "
	    "headings.", "plain 3.16 (1), 2022년, 25개에 are not headings");
	doc_free(&d);

	ok(parse("x.txt", other, sizeof other - 1, &d, &cause) == 0,
	    "plain 3.17 front matter byline imports");
	is_str(d.byline, "Someone Else", "plain 3.18 front matter byline wins");
	is_int(d.n_preface, 1, "plain 3.19 a different first line is kept");
	is_str(d.n_preface ? d.preface[0] : "", "A different first line",
	    "plain 3.20 as a preface paragraph");
	doc_free(&d);
}

/* 4.x: bad bytes: replaced and counted, or rejected with a line number. */
static void
test_bad_bytes(void)
{
	static const char invalid[] = "I. Head\n\nline one\nbad \xff byte\n";
	static const char nul[] = "I. Head\n\nabc\0def\n";
	static const char esc[] = "I. Head\n\n\x1b[31mred\x1b[0m \xe2\x80\xae"
	    "x\n";
	static const char blank[] = "  \n\n \t\r\n";
	struct doc	 d;
	char		*cause, *big;
	size_t		 n = 16384;
	int		 rc;

	ok(parse("x.txt", invalid, sizeof invalid - 1, &d, &cause) == 0,
	    "bytes 4.1 some invalid UTF-8 is imported");
	is_int(d.n_replaced, 1, "bytes 4.2 one replacement counted");
	is_int(d.first_replaced_line, 4, "bytes 4.3 on line 4");
	is_str(para(&d, 0, 0), "line one bad \xef\xbf\xbd byte", "bytes 4.4 "
	    "replaced by U+FFFD");
	doc_free(&d);

	rc = parse("x.txt", nul, sizeof nul - 1, &d, &cause);
	is_int(rc, EX_DATAERR, "bytes 4.5 NUL in the first block rejected");
	is_str(cause, "binary data at line 3", "bytes 4.6 with its line");
	free(cause);

	ok(parse("x.txt", esc, sizeof esc - 1, &d, &cause) == 0,
	    "bytes 4.7 escape sequences imported");
	is_int(d.n_replaced, 3, "bytes 4.8 ESC and bidi override replaced");
	ok(strchr(para(&d, 0, 0), '\x1b') == NULL, "bytes 4.9 no ESC stored");
	doc_free(&d);

	rc = parse("x.txt", "", 0, &d, &cause);
	is_int(rc, EX_DATAERR, "bytes 4.10 empty file rejected");
	ok(cause != NULL && strstr(cause, "empty") != NULL,
	    "bytes 4.11 saying it is empty");
	free(cause);
	rc = parse("x.txt", blank, sizeof blank - 1, &d, &cause);
	is_int(rc, EX_DATAERR, "bytes 4.12 whitespace-only file rejected");
	free(cause);
	rc = parse("x.txt", "---\ntitle: x\n---\n\n", 18, &d, &cause);
	is_int(rc, EX_DATAERR, "bytes 4.13 front matter without text "
	    "rejected");
	free(cause);

	big = xmalloc(n);
	for (size_t i = 0; i < n; i++)
		big[i] = (char)(0x80 + i % 64);
	memcpy(big, "text\n", 5);
	rc = parse("x.txt", big, n, &d, &cause);
	is_int(rc, EX_DATAERR, "bytes 4.14 mostly invalid UTF-8 rejected");
	is_str(cause, "not valid UTF-8 at line 2", "bytes 4.15 with the line "
	    "of the first bad byte");
	free(cause);
	memset(big, 'a', n);
	big[9000] = '\0';
	rc = parse("x.txt", big, n, &d, &cause);
	ok(rc == 0 && d.n_replaced == 1, "bytes 4.16 NUL after the first "
	    "block replaced, not rejected");
	if (rc == 0)
		doc_free(&d);
	free(big);
}

/* Finds a metadata value by key, or NULL. */
static const char *
meta(const struct doc *d, const char *key)
{
	for (size_t i = 0; i < d->n_meta; i++) {
		if (strcmp(d->meta[i].key, key) == 0)
			return d->meta[i].value;
	}
	return NULL;
}

/* 5.x: the Markdown fixture: headings, lists, code, inline, front matter. */
static void
test_markdown(void)
{
	static const struct { int depth; const char *title; } secs[] = {
		{ 1, "Top" }, { 2, "Skipped" }, { 2, "Second" },
		{ 2, "Setext Heading" },
	};
	static const char *const skipped[] = {
		"- item one", "- item two continued", "1. first", "2) second",
	};
	static const char *const second[] = {
		"int  main(void)", "{", " return 0;", "}",
		"Escapes: *not emph* and snake_case_word and 2 * 3 * 4 and [1] "
		    "and https://example.org/x.",
	};
	struct doc	 d;
	char		*data = NULL, *cause = NULL;
	size_t		 len = 0, i;

	if (!ok(read_file("data/import-markdown.md", &data, &len, &cause) == 0,
	    "markdown 5.1 fixture readable"))
		return;
	if (!ok(parse("data/import-markdown.md", data, len, &d, &cause) == 0,
	    "markdown 5.2 imports")) {
		free(data);
		return;
	}
	is_str(d.title, "Quoted Title", "markdown 5.3 quoted title unquoted");
	is_str(d.date, "2024-05-01", "markdown 5.4 date");
	is_int(d.n_meta, 6, "markdown 5.5 every key kept in meta");
	is_str(meta(&d, "tags"), "  - alpha\n  - beta", "markdown 5.6 YAML "
	    "list kept raw");
	is_str(meta(&d, "weird"), "[1, 2, 3]", "markdown 5.7 flow list kept");
	is_str(meta(&d, "nested"), "  a: 1", "markdown 5.8 nested map kept");
	is_int(d.n_preface, 1, "markdown 5.9 text before the first heading is "
	    "preface");
	is_str(d.n_preface ? d.preface[0] : "", "Intro paragraph with emph "
	    "text.", "markdown 5.10 emphasis removed");
	is_int(d.n_sections, 4, "markdown 5.11 four headings");
	for (i = 0; i < 4 && i < d.n_sections; i++) {
		ok(d.sections[i].depth == secs[i].depth &&
		    strcmp(d.sections[i].title, secs[i].title) == 0 &&
		    d.sections[i].label[0] == '\0',
		    "markdown 5.12.%zu heading %s at depth %d", i + 1,
		    secs[i].title, secs[i].depth);
	}
	is_str(para(&d, 0, 0), "Para one line one line two with strong and "
	    "code *not emph* and a link and alt text.", "markdown 5.13 lines "
	    "joined, strong, code span, link, image");
	is_int(d.n_sections > 1 ? d.sections[1].n_paras : 0, 4,
	    "markdown 5.14 one paragraph per list item");
	for (i = 0; i < 4; i++)
		is_str(para(&d, 1, i), skipped[i], "markdown 5.15.%zu list "
		    "item keeps its marker", i + 1);
	for (i = 0; i < 5; i++)
		is_str(para(&d, 2, i), second[i], "markdown 5.16.%zu code line "
		    "verbatim / escapes", i + 1);
	is_str(para(&d, 3, 0), "quoted text", "markdown 5.17 block quote");
	is_str(para(&d, 3, 1), "Last struck words.", "markdown 5.18 "
	    "reference definition dropped, strikethrough removed");
	is_str(d.n_sections > 1 ? d.sections[1].topic : NULL, "deep",
	    "markdown 5.19 topic by ordinal path");
	is_str(d.n_sections ? d.sections[0].topic : NULL, "top",
	    "markdown 5.20 topic \"KEY: name\" form");
	ok(d.byline == NULL, "markdown 5.21 no byline without front matter's");
	doc_free(&d);
	free(data);
}

/* 6.x: Markdown inline syntax, one case each. */
static void
test_markdown_inline(void)
{
	static const struct { const char *in, *want; } cases[] = {
		{ "**a** and __b__", "a and b" },
		{ "x_y_z and 5*3", "x_y_z and 5*3" },
		{ "`a` and ``b ` c``", "a and b ` c" },
		{ "\\_x\\_ \\# \\\\", "_x_ # \\" },
		{ "[text](url \"title\") [1] [r][ref]", "text [1] r" },
		{ "![alt](a.png) <https://a.b/c> <not a link>",
		    "alt https://a.b/c <not a link>" },
		{ "unclosed `code and *star and [bracket",
		    "unclosed `code and *star and [bracket" },
		{ "# Title ##", NULL },
	};
	struct doc	 d;
	char		*cause;
	size_t		 i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *in = xasprintf("# H\n\n%s\n", cases[i].in);

		if (parse("x.md", in, strlen(in), &d, &cause) != 0) {
			ok(0, "inline 6.%zu imports", i + 1);
			free(in);
			continue;
		}
		if (cases[i].want != NULL)
			is_str(para(&d, 0, 0), cases[i].want, "inline 6.%zu %s",
			    i + 1, cases[i].in);
		else
			is_str(d.n_sections > 1 ? d.sections[1].title : "",
			    "Title", "inline 6.%zu closing hashes dropped",
			    i + 1);
		doc_free(&d);
		free(in);
	}
}

/* 7.x: big input parses quickly: no quadratic string building. */
static void
test_big(void)
{
	static const char word[] = "경제안보 security ";
	size_t		 wl = sizeof word - 1, n = 20 * 1024 * 1024, i;
	struct doc	 d;
	char		*cause, *big = xmalloc(n + 1);
	int		 rc;

	for (i = 0; i + wl <= n; i += wl)
		memcpy(big + i, word, wl);
	memset(big + i, 'x', n - i);
	rc = parse("big.txt", big, n, &d, &cause);
	ok(rc == 0, "big 7.1 a 20 MB single line imports");
	if (rc == 0) {
		is_int(d.n_sections, 1, "big 7.2 as one section");
		ok(d.n_sections == 1 && d.sections[0].n_paras == 1 &&
		    strlen(d.sections[0].paras[0]) >= n - 2,
		    "big 7.3 as one paragraph");
		doc_free(&d);
	}
	/* Markdown openers that never close, and lines of them. */
	for (i = 0; i < n / 8; i++)
		big[i] = "[`*_(!<~"[i % 8];
	for (i = 4096; i < n / 8; i += 4096)
		big[i] = '\n';
	rc = parse("big.md", big, n / 8, &d, &cause);
	ok(rc == 0, "big 7.4 2.5 MB of unclosed Markdown syntax imports");
	if (rc == 0)
		doc_free(&d);
	free(big);
}

/* A short line before the first Markdown heading is the byline; a
 * sentence there is the preface. */
static void
test_markdown_byline(void)
{
	static const char byline[] = "*제목* — 저자, 연구소\n\n# 하나\n\n본문.\n";
	static const char intro[] = "짧은 소개 문장이다.\n\n# 하나\n\n본문.\n";
	struct doc d;
	char *cause;

	if (parse("b.md", byline, strlen(byline), &d, &cause) == 0) {
		is_str(d.byline, "제목 — 저자, 연구소",
		    "markdown 7.1 a short line first is the byline");
		is_int(d.n_preface, 0, "markdown 7.2 ... not preface");
		doc_free(&d);
	}
	if (parse("i.md", intro, strlen(intro), &d, &cause) == 0) {
		ok(d.byline == NULL && d.n_preface == 1,
		    "markdown 7.3 a sentence first stays preface");
		doc_free(&d);
	}
}

int
main(void)
{
	tap_plan(141);
	test_bundled();
	test_markdown_byline();
	test_pdf_fixture();
	test_plain();
	test_bad_bytes();
	test_markdown();
	test_markdown_inline();
	test_big();
	return tap_done();
}

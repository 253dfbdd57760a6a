/*
 * fuzz-wrap.c: the text layer on arbitrary bytes.  Sanitised text (newlines
 * kept, so that they reach the wrapper) is valid UTF-8.  Wrapped lines are
 * checked against the text itself, not against what text_wrap reports: each
 * line's width is measured again from its bytes and must be the one
 * reported and within the width unless the line is one cluster; lines come
 * in order, do not overlap, hold no newline, and every byte between them is
 * a space or a newline (nothing else is lost); every newline ends a line.  Truncation fits.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "text.h"

const char *fuzz_name = "wrap";
const char *const fuzz_seeds[] = {
	"21세기 세계 질서는 미중 전략 경쟁과 같은 지구적 차원의 패권 경쟁과 러시아-우크라이나",
	"ラピダスはキオクシア（キオクシア）、ソニーグループ",
	"“Framework Agreement Between the Government of Japan”를 체결하였다.",
	"a\xcc\x81\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab \xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd x",
	"averyveryveryverylongwordwithoutanyspacesatallthatmustbreak",
	"\x14" "first line\nsecond line with more words\n\n  indented\r\nlast",
	"(일본은 2023년 1월\n미국과 우주 협력에\n\n필요한 사항을)",
	NULL,
};

/* Reports why a check failed, then aborts. */
static void
fail(const char *why, size_t line, const char *s, size_t len, int cols)
{
	fprintf(stderr, "fuzz-wrap: %s (line %zu, width %d) in \"%.*s\"\n", why,
	    line, cols, (int)len, s);
	abort();
}

/* Every cluster of s[from, to) is a space or a newline (a combining mark
 * on a dropped space goes with it). */
static int
only_breaks(const char *s, size_t from, size_t to)
{
	size_t clen;

	for (size_t i = from; i < to; i += clen) {
		if (s[i] != ' ' && s[i] != '\n')
			return 0;
		text_cluster(s + i, to - i, &clen);
	}
	return 1;
}

static void
check_lines(const char *s, size_t len, int cols)
{
	struct text_line *lines;
	size_t n = text_wrap(s, len, cols, &lines), end = 0, newlines = 0;

	for (size_t i = 0; i < len; i++)
		newlines += s[i] == '\n';
	if (n < newlines || n == 0)
		fail("fewer lines than newlines", n, s, len, cols);
	for (size_t i = 0; i < n; i++) {
		const struct text_line *l = &lines[i];
		int w;
		size_t clen;

		if (l->off < end || l->off + l->len > len)
			fail("lines out of order", i, s, len, cols);
		if (memchr(s + l->off, '\n', l->len) != NULL)
			fail("a newline inside a line", i, s, len, cols);
		if (!only_breaks(s, end, l->off))
			fail("text lost between lines", i, s, len, cols);
		w = text_width(s + l->off, l->len);
		if (w != l->width)
			fail("width reported wrong", i, s, len, cols);
		if (cols > 0 && w > cols && (text_cluster(s + l->off, l->len,
		    &clen), clen) != l->len)
			fail("too wide and more than one cluster", i, s, len, cols);
		end = l->off + l->len;
	}
	if (!only_breaks(s, end, len))
		fail("text lost after the last line", n, s, len, cols);
	free(lines);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t len, nrep = 0;
	int cols = size ? data[0] % 90 : 10, w;
	char *s = text_sanitize((const char *)data, size, true, &len, &nrep);
	char *t;

	if (!text_valid_utf8(s, len))
		abort();
	check_lines(s, len, cols);
	free(s);
	s = text_sanitize((const char *)data, size, false, &len, &nrep);
	check_lines(s, len, cols);
	t = text_truncate(s, len, cols, &w);
	if (w > (cols > 0 ? cols : 0) || text_width(t, strlen(t)) != w)
		abort();
	free(t);
	free(s);
	return 0;
}

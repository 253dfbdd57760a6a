/*
 * fuzz-import.c: the importer on arbitrary bytes, as text and as Markdown.
 * Whatever it accepts must be a well-formed document: valid UTF-8 without
 * controls or line breaks in titles and paragraphs, depths that nest.  For
 * plain prose (valid UTF-8, letters, marks and punctuation that are not
 * Markdown or heading syntax, no digits, no controls but newlines and
 * tabs), nothing may be lost: the characters of the input, NFC and without
 * white space, are those of the document's byline, preface, labels,
 * titles and paragraphs, in order.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "fuzz.h"
#include "import.h"
#include "text.h"

const char *fuzz_name = "import";
const char *const fuzz_seeds[] = {
	"---\ntitle: 제목\ntopics:\n  I = overview\n---\n 저자\n\nI. 첫 장\n\n"
	"본문이 이어지\n\n는 문장이다. \n\n1. 소절 \n\n1) 항목\n\n끝.\n",
	"# A\n\n##### deep\n\ntext *em* `code` [link](u) \\* x\n\n- item\n- item\n",
	"---\nlist:\n  - a\n  - b\nweird: [1, 2]\n---\n# 제목\n\n본문\n",
	"\xef\xbb\xbfI. BOM\r\n\r\nline\r\n",
	"(1) not a heading\n\n2022년 5월\n\nX. last\n",
	"저자 이름\n\nI. 첫 장\n\n본문이 이어지\n\n는 문장이다. \n\n짧은 줄.\n\n"
	"II. 둘째 장\n\nText in English, continued\n\n on the next line.\n",
	"A byline, short\n\nprose only; no markup at all.\nAnother line\n",
	/* PDF-extracted text: a blank line after every line, a line without a
	 * final space going on with the same word, a page starting with a
	 * space. */
	"저자 이름\n\nI. 서론\n\n"
	"첫 페이지의 문장은 여러 줄에 걸쳐 길게 이어지는 것이 보통이고 줄 끝에서 끊어지\n\n"
	"며 줄 끝에 공백이 없으면 같은 낱말이 다음 줄로 그대로 넘어가는 것이다 \n\n"
	"줄 끝에 공백이 있으면 낱말이 거기에서 끝나고 다음 줄은 새 낱말로 시작 \n\n"
	" 둘째 페이지는 한 칸을 띄고 시작하는 것으로 알려져 있으며 그 공백은 빠진\n\n"
	"다. 마지막 줄은 짧게 끝난다.\n\n",
	NULL,
};

static void
check(const char *s)
{
	if (s == NULL || !text_valid_utf8(s, strlen(s)) ||
	    strchr(s, '\n') != NULL || strchr(s, '\033') != NULL)
		abort();
}

/* Whether every character of the input is plain prose (see above). */
static bool
prose(const uint8_t *s, size_t n)
{
	const char *markup = "#*_`[](){}<>!\\~|-=+&:";

	if (n == 0 || u8_check(s, n) != NULL)
		return false;
	for (size_t i = 0; i < n;) {
		ucs4_t c;

		i += (size_t)u8_mbtouc(&c, s + i, n - i);
		if (c < 0x80) {
			if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f ||
			    (c >= '0' && c <= '9') || strchr(markup, (int)c))
				return false;
		} else if (!uc_is_general_category(c, UC_CATEGORY_L) &&
		    !uc_is_general_category(c, UC_CATEGORY_M) &&
		    !uc_is_general_category(c, UC_CATEGORY_P))
			return false;
	}
	return true;
}

/* Appends s without its white space (ASCII and Unicode spaces). */
static void
squeeze(char **out, size_t *len, const char *s, size_t n)
{
	*out = realloc(*out, *len + n + 1);
	if (*out == NULL)
		abort();
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int l = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);

		if (!uc_is_property_white_space(c)) {
			memcpy(*out + *len, s + i, (size_t)l);
			*len += (size_t)l;
		}
		i += (size_t)l;
	}
}

/*
 * The characters the document keeps, without white space; with skip, not
 * the title of a section that only repeats the document's title (Markdown
 * without headings gets one section named after the file).
 */
static char *
kept(const struct doc *d, bool skip, size_t *len)
{
	char *got = NULL;

	*len = 0;
	squeeze(&got, len, "", 0);
	if (d->byline != NULL)
		squeeze(&got, len, d->byline, strlen(d->byline));
	for (size_t i = 0; i < d->n_preface; i++)
		squeeze(&got, len, d->preface[i], strlen(d->preface[i]));
	for (size_t i = 0; i < d->n_sections; i++) {
		const struct doc_section *s = &d->sections[i];

		squeeze(&got, len, s->label, strlen(s->label));
		if (!skip || s->label[0] != '\0' || strcmp(s->title, d->title))
			squeeze(&got, len, s->title, strlen(s->title));
		for (size_t j = 0; j < s->n_paras; j++)
			squeeze(&got, len, s->paras[j], strlen(s->paras[j]));
	}
	return got;
}

/* Every character of the prose input survives, in order: the document
 * holds exactly the input's characters, after its title if that came from
 * the input. */
static void
check_kept(const struct doc *d, const uint8_t *data, size_t size)
{
	size_t nlen, wl = 0, gl, sl, tl = strlen(d->title);
	uint8_t *nfc = u8_normalize(UNINORM_NFC, data, size, NULL, &nlen);
	char *want = NULL, *got, *skipped;

	if (nfc == NULL)
		abort();
	squeeze(&want, &wl, (const char *)nfc, nlen);
	got = kept(d, false, &gl);
	skipped = kept(d, true, &sl);
	if (!(gl == wl && memcmp(got, want, wl) == 0) &&
	    !(sl == wl && memcmp(skipped, want, wl) == 0) &&
	    !(gl + tl == wl && memcmp(want, d->title, tl) == 0 &&
	    memcmp(want + tl, got, gl) == 0)) {
		fprintf(stderr, "fuzz-import: text lost\n  input: %.*s\n"
		    "  kept:  %.*s\n", (int)wl, want, (int)gl, got);
		abort();
	}
	free(want);
	free(got);
	free(skipped);
	free(nfc);
}

static void
parse(const uint8_t *data, size_t size, const char *name)
{
	struct doc d;
	char *cause = NULL;

	if (import_parse(name, (const char *)data, size, IMPORT_AUTO, &d,
	    &cause) != 0) {
		if (cause == NULL)
			abort();
		free(cause);
		return;
	}
	check(d.title);
	for (size_t i = 0; i < d.n_sections; i++) {
		const struct doc_section *s = &d.sections[i];

		check(s->title);
		if (s->depth < 1 || (i == 0 && s->depth != 1) ||
		    (i > 0 && s->depth > d.sections[i - 1].depth + 1))
			abort();
		for (size_t j = 0; j < s->n_paras; j++)
			check(s->paras[j]);
	}
	if (prose(data, size))
		check_kept(&d, data, size);
	doc_free(&d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	parse(data, size, "fuzz.txt");
	parse(data, size, "fuzz.md");
	return 0;
}

/*
 * fuzz-import.c: the importer on arbitrary bytes, as text and as Markdown.
 * Whatever it accepts must be a well-formed document: valid UTF-8 without
 * controls or line breaks in titles and paragraphs, depths that nest.
 */
#include <stdlib.h>
#include <string.h>

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
	NULL,
};

static void
check(const char *s)
{
	if (s == NULL || !text_valid_utf8(s, strlen(s)) ||
	    strchr(s, '\n') != NULL || strchr(s, '\033') != NULL)
		abort();
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
	doc_free(&d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	parse(data, size, "fuzz.txt");
	parse(data, size, "fuzz.md");
	return 0;
}

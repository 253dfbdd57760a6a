/*
 * fuzz-path.c: resolving SECTION arguments on arbitrary bytes.  Either a
 * section comes back or an error with a message; never a crash.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "library-write.h"
#include "outline.h"

const char *fuzz_name = "path";
const char *const fuzz_seeds[] = {
	"5.1.3", "security", "brief:1.1", ":", "1..2", "99999999999999999999",
	"II", "V.", "a:b:c", "1.", ".1", "제목", "%", "_",
	NULL,
};

static struct store *st;

static void
setup(void)
{
	struct doc d = { 0 };
	struct doc_section s[2] = {
		{ 1, (char *)"I.", (char *)"제목", (char *)"security", NULL, 0 },
		{ 2, (char *)"1.", (char *)"소절", NULL, NULL, 0 },
	};
	struct import_result r;
	char *cause = NULL;

	d.title = (char *)"t";
	d.sections = s;
	d.n_sections = 2;
	if (store_open(":memory:", 0, &st, &cause) != 0 ||
	    library_add(st, &d, "brief.txt", "x", &r, &cause) != 0)
		abort();
	free(r.slug);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *spec = malloc(size + 1), *cause = NULL;
	struct section s;

	if (st == NULL)
		setup();
	memcpy(spec, data, size);
	spec[size] = '\0';
	if (outline_resolve(st, spec, &s, &cause) == 0)
		section_clear(&s);
	else if (cause == NULL)
		abort();
	free(cause);
	free(spec);
	return 0;
}

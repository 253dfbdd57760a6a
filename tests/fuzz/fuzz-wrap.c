/*
 * fuzz-wrap.c: the text layer on arbitrary bytes.  Sanitised text is valid
 * UTF-8; wrapped lines stay within the width unless one cluster is wider;
 * truncation fits.
 */
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
	NULL,
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t len, nrep = 0, n;
	char *s = text_sanitize((const char *)data, size, false, &len, &nrep);
	int cols = size ? data[0] % 90 : 10, w;
	struct text_line *lines;
	char *t;

	if (!text_valid_utf8(s, len))
		abort();
	n = text_wrap(s, len, cols, &lines);
	for (size_t i = 0; i < n; i++) {
		size_t clen;

		if (lines[i].off + lines[i].len > len)
			abort();
		if (cols > 0 && lines[i].width > cols &&
		    text_cluster(s + lines[i].off, lines[i].len, &clen) <
		    lines[i].width)
			abort();
	}
	free(lines);
	t = text_truncate(s, len, cols, &w);
	if (w > (cols > 0 ? cols : 0) || text_width(t, strlen(t)) != w)
		abort();
	free(t);
	free(s);
	return 0;
}

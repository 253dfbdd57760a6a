/*
 * tap.h: a few macros for unit tests that print TAP (meson's "tap" protocol).
 * Each test program counts its checks and prints the plan at the end.
 */
#ifndef BRIEF_TAP_H
#define BRIEF_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

/* ok(cond, fmt, ...): one numbered check. */
#define ok(cond, ...) tap_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

/* is_str(got, want, fmt, ...): string equality, showing both on failure. */
#define is_str(got, want, ...) do {					\
	const char *g_ = (got), *w_ = (want);				\
	int same_ = (g_ == NULL && w_ == NULL) ||			\
	    (g_ != NULL && w_ != NULL && strcmp(g_, w_) == 0);		\
	if (!tap_ok(same_, __FILE__, __LINE__, __VA_ARGS__))		\
		printf("#   got:  \"%s\"\n#   want: \"%s\"\n",		\
		    g_ ? g_ : "(null)", w_ ? w_ : "(null)");		\
} while (0)

/* is_int(got, want, fmt, ...): integer equality. */
#define is_int(got, want, ...) do {					\
	long long g_ = (long long)(got), w_ = (long long)(want);	\
	if (!tap_ok(g_ == w_, __FILE__, __LINE__, __VA_ARGS__))		\
		printf("#   got:  %lld\n#   want: %lld\n", g_, w_);	\
} while (0)

__attribute__((format(printf, 4, 5), unused))
static int
tap_ok(int pass, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	tap_n++;
	printf("%sok %d - ", pass ? "" : "not ", tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!pass) {
		tap_failed++;
		printf("#   failed at %s:%d\n", file, line);
	}
	return pass;
}

/* Prints the plan; the return value is the test program's exit status. */
__attribute__((unused))
static int
tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif

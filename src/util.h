/*
 * util.h: allocation that cannot fail, growable byte buffers, and the error
 * convention used everywhere in brief.
 *
 * Errors: a function that can fail returns 0 on success or a sysexits code
 * (EX_DATAERR, EX_NOINPUT, EX_IOERR, ...) and, when cause is not NULL, stores a
 * malloc'd message in *cause that the caller frees.  Messages are short phrases
 * ("not valid UTF-8 at line 3"); the command line prefixes "brief: what: ".
 */
#ifndef BRIEF_UTIL_H
#define BRIEF_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <sysexits.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);

/* Sets *cause (if cause is not NULL) to a formatted message; returns code. */
int fail(char **cause, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* A growable byte string, always NUL-terminated after the first add. */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void buf_add(struct buf *b, const void *p, size_t n);
void buf_addstr(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Returns the data (caller frees) and resets the buffer. */
char *buf_take(struct buf *b);
void buf_free(struct buf *b);

/* Reads a whole file into memory (NUL-terminated); EX_NOINPUT when missing. */
int read_file(const char *path, char **data, size_t *len, char **cause);

/* Lower-case hex SHA-256 of data (65 bytes with the NUL). */
void sha256_hex(const void *data, size_t len, char out[65]);

#endif

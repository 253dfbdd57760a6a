/*
 * list.c: the cursor and scroll position of a list (see list.h).
 */
#include "ui/list.h"

/* Scrolls so that the cursor is inside a window of h rows. */
static void
list_show(struct list *l, int h)
{
	size_t rows = h > 0 ? (size_t)h : 1;

	if (l->cur < l->top)
		l->top = l->cur;
	else if (l->cur >= l->top + rows)
		l->top = l->cur - rows + 1;
	if (l->n <= rows)
		l->top = 0;
	else if (l->top > l->n - rows)
		l->top = l->n - rows;
}

void
list_set_count(struct list *l, size_t n)
{
	l->n = n;
	if (n == 0)
		l->cur = l->top = 0;
	else if (l->cur >= n)
		l->cur = n - 1;
	if (l->top > l->cur)
		l->top = l->cur;
}

void
list_select(struct list *l, size_t i, int h)
{
	if (l->n == 0)
		return;
	l->cur = i < l->n ? i : l->n - 1;
	list_show(l, h);
}

/* Moves the cursor by delta rows, stopping at the ends. */
static void
list_move(struct list *l, long delta, int h)
{
	if (l->n == 0)
		return;
	if (delta < 0 && (size_t)-delta > l->cur)
		l->cur = 0;
	else if (delta > 0 && l->cur + (size_t)delta >= l->n)
		l->cur = l->n - 1;
	else
		l->cur += delta;
	list_show(l, h);
}

bool
list_action(struct list *l, enum action a, int h)
{
	long page = h > 1 ? h - 1 : 1;

	switch (a) {
	case ACTION_DOWN:
		list_move(l, 1, h);
		return true;
	case ACTION_UP:
		list_move(l, -1, h);
		return true;
	case ACTION_PAGE_DOWN:
		list_move(l, page, h);
		return true;
	case ACTION_PAGE_UP:
		list_move(l, -page, h);
		return true;
	case ACTION_TOP:
		list_move(l, -(long)l->n, h);
		return true;
	case ACTION_BOTTOM:
		list_move(l, (long)l->n, h);
		return true;
	default:
		return false;
	}
}

void
list_scroll(struct list *l, long delta, int h)
{
	size_t rows = h > 0 ? (size_t)h : 1, max;

	if (l->n <= rows)
		return;
	max = l->n - rows;
	if (delta < 0 && (size_t)-delta > l->top)
		l->top = 0;
	else if (delta > 0 && l->top + (size_t)delta > max)
		l->top = max;
	else
		l->top += delta;
	if (l->cur < l->top)
		l->cur = l->top;
	else if (l->cur >= l->top + rows)
		l->cur = l->top + rows - 1;
}

bool
list_row_at(const struct list *l, int y, int h, size_t *row)
{
	if (y < 0 || y >= h || l->top + (size_t)y >= l->n)
		return false;
	*row = l->top + (size_t)y;
	return true;
}

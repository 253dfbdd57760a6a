/*
 * view-status.c: the breadcrumb and status lines (see view-status.h).  The
 * key hints come from the keymap's hint words.
 */
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "ui/draw.h"
#include "ui/view-outline.h"
#include "ui/view-reader.h"
#include "ui/view-results.h"
#include "ui/view-status.h"
#include "util.h"

/* " brief › briefing › section", cut with … when it does not fit. */
static void
stv_draw_crumb(struct ui *ui, const struct rect *r)
{
	struct buf b = { NULL, 0, 0 };
	char *cut;

	olv_crumbs(ui, &b);
	cut = text_truncate(b.data, b.len, r->w, NULL);
	draw_line(r->y, r->x, r->w, cut, THEME_CRUMB);
	free(cut);
	buf_free(&b);
}

/* "5/11  45%": the section in its briefing, and the reader's position. */
static char *
stv_position(struct ui *ui)
{
	const struct briefing *b;
	const struct section *s;

	if (ui->searching)
		return xasprintf("%zu hits", rsv_count(ui));
	if (!olv_current(ui, &b, &s))
		return xstrdup("");
	if (s == NULL)
		return xasprintf("%d sections  %d%%", b->n_sections,
		    rdv_percent(ui));
	return xasprintf("%d/%d  %d%%", s->seq + 1, b->n_sections,
	    rdv_percent(ui));
}

/* "/ search  Enter open ...": the first key name and hint of each action. */
static int
stv_draw_hints(int y, int x, int w)
{
	int used = 0;

	for (int a = 0; a < ACTION__COUNT; a++) {
		const char *hint = keymap_hint((enum action)a);
		const char *keys = keymap_keys((enum action)a);
		size_t klen = strcspn(keys, " ");

		if (hint == NULL)
			continue;
		if (used + text_width(keys, klen) + 1 + (int)strlen(hint) + 2 >
		    w)
			break;
		used += draw_text(y, x + used, w - used, " ", 1, THEME_STATUS,
		    NULL, 0, 0);
		used += draw_text(y, x + used, w - used, keys, klen,
		    THEME_HINT_KEY, NULL, 0, 0);
		used += draw_text(y, x + used, w - used, " ", 1, THEME_STATUS,
		    NULL, 0, 0);
		used += draw_text(y, x + used, w - used, hint, strlen(hint),
		    THEME_STATUS, NULL, 0, 0);
		used += draw_text(y, x + used, w - used, " ", 1, THEME_STATUS,
		    NULL, 0, 0);
	}
	return used;
}

static void
stv_draw_status(struct ui *ui, const struct rect *r)
{
	char *pos = stv_position(ui), *msg;
	int pw = text_width(pos, strlen(pos)) + 1, used;

	if (pw > r->w / 2)
		pw = 0;
	if (ui->message != NULL) {
		msg = xasprintf(" %s", ui->message);
		used = draw_text(r->y, r->x, r->w - pw, msg, strlen(msg),
		    ui->message_error ? THEME_ERROR : THEME_MESSAGE, NULL, 0,
		    0);
		free(msg);
	} else
		used = stv_draw_hints(r->y, r->x, r->w - pw);
	draw_fill(r->y, r->x + used, r->w - pw - used, THEME_STATUS);
	if (pw > 0)
		draw_line(r->y, r->x + r->w - pw, pw, pos, THEME_STATUS);
	free(pos);
}

static void
stv_draw(struct ui *ui, const struct rect *r)
{
	(void)r;
	stv_draw_crumb(ui, &ui->lay.crumb);
	stv_draw_status(ui, &ui->lay.status);
}

const struct view stv_view = {
	.name = "status",
	.draw = stv_draw,
};

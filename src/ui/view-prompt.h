/*
 * view-prompt.h: a one-line prompt on the status line, edited like a shell
 * line (left/right, Home/End, Backspace, Delete, Ctrl-U, Ctrl-W, history
 * with up/down), taking any characters get_wch delivers (an input method's
 * Korean included).  What the text is for is in a prompt_def.
 */
#ifndef BRIEF_UI_VIEW_PROMPT_H
#define BRIEF_UI_VIEW_PROMPT_H

#include <stdbool.h>
#include <wchar.h>

#include "ui/ui.h"

/*
 * What a prompt does.  change runs after every edit (or is NULL); accept gets
 * the text after the prompt closed (so it may open another prompt); cancel
 * runs on Esc.  Each returns redraw flags.  A single_key prompt (y/n) takes
 * one key as its answer.
 */
struct prompt_def {
	const char	*label;
	bool		 history;
	bool		 single_key;
	int		 (*change)(struct ui *, const char *);
	int		 (*accept)(struct ui *, const char *);
	int		 (*cancel)(struct ui *);
};

extern const struct view prv_view;

/* Opens a prompt with some text already typed (or NULL). */
int prv_open(struct ui *ui, const struct prompt_def *def, const char *label,
    const char *initial);

bool prv_active(struct ui *ui);

/* Closes an open prompt as Esc does (running its cancel). */
int prv_cancel(struct ui *ui);

/* A key as get_wch returned it (fn: a KEY_ code). */
int prv_key(struct ui *ui, bool fn, wint_t ch);

#endif

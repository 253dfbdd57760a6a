/*
 * export-prompt.c: the export key's prompts (see export-prompt.h).  The
 * path waiting for a y/n answer is kept in ui->export_path.
 */
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "outline.h"
#include "ui/export-prompt.h"
#include "ui/view-outline.h"
#include "ui/view-prompt.h"
#include "util.h"

/* The section to export, or NULL after saying to choose one. */
static const struct section *
export_prompt_section(struct ui *ui)
{
	const struct briefing *b;
	const struct section *s;

	if (!olv_current(ui, &b, &s) || s == NULL) {
		ui_message(ui, true, "choose a section to export");
		return NULL;
	}
	return s;
}

/* Writes the current section to path, replacing a file only with force. */
static int
export_prompt_write(struct ui *ui, const char *path, bool force)
{
	const struct section *s;
	struct export_options eo = { EXPORT_TEXT, 80, true };
	char *cause = NULL, *heading;
	size_t len = strlen(path);

	if ((s = export_prompt_section(ui)) == NULL)
		return REDRAW_STATUS;
	if (ui->opt->width_set)
		eo.width = ui->opt->width;
	if (len > 3 && strcmp(path + len - 3, ".md") == 0)
		eo.format = EXPORT_MARKDOWN;
	if (export_file(ui->st, s, path, force, &eo, &cause) != 0) {
		ui_failed(ui, "cannot export", cause);
		return REDRAW_STATUS;
	}
	heading = section_heading(s);
	ui_message(ui, false, "exported %s to %s", heading, path);
	free(heading);
	return REDRAW_STATUS;
}

/* y: replace the file. */
static int
export_prompt_replace(struct ui *ui, const char *answer)
{
	char *path = ui->export_path;
	int flags;

	(void)answer;	/* a single-key prompt accepts only y */
	ui->export_path = NULL;
	flags = export_prompt_write(ui, path, true);
	free(path);
	return flags;
}

/* Any other key: keep the file. */
static int
export_prompt_keep(struct ui *ui)
{
	ui_message(ui, false, "not exported: %s is unchanged",
	    ui->export_path);
	free(ui->export_path);
	ui->export_path = NULL;
	return REDRAW_STATUS;
}

static const struct prompt_def export_prompt_overwrite = {
	.single_key = true,
	.accept = export_prompt_replace,
	.cancel = export_prompt_keep,
};

/* The file name typed: ask first when it would replace a file. */
static int
export_prompt_accept(struct ui *ui, const char *typed)
{
	const char *home = getenv("HOME");
	char *path, *label;
	int flags;

	if (typed[0] == '\0')
		return REDRAW_STATUS;
	if (strncmp(typed, "~/", 2) == 0 && home != NULL && home[0] != '\0')
		path = xasprintf("%s%s", home, typed + 1);
	else
		path = xstrdup(typed);
	if (!export_would_replace(path)) {
		flags = export_prompt_write(ui, path, false);
		free(path);
		return flags;
	}
	label = xasprintf("%s exists: overwrite? (y/n) ", path);
	free(ui->export_path);
	ui->export_path = path;
	flags = prv_open(ui, &export_prompt_overwrite, label, NULL);
	free(label);
	return flags;
}

static const struct prompt_def export_prompt_name = {
	.label = "Export to: ",
	.accept = export_prompt_accept,
};

int
export_prompt_start(struct ui *ui)
{
	const struct section *s;
	char *name;
	int flags;

	if ((s = export_prompt_section(ui)) == NULL)
		return REDRAW_STATUS;
	name = export_default_name(s, EXPORT_TEXT);
	flags = prv_open(ui, &export_prompt_name, NULL, name);
	free(name);
	return flags;
}

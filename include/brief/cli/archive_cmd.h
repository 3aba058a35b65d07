/* archive_cmd: the archive's modes -- --add, --search and --entity --
 * over the archive layer: reading the files, the progress bar, and the
 * outputs (a table, TSV or JSON) on stdout. */
#ifndef BRIEF_ARCHIVE_CMD_H
#define BRIEF_ARCHIVE_CMD_H

#include <stddef.h>

#include "brief/text/article.h"
#include "brief/mark/engine.h"

/* What the archive's modes share. */
struct archive_cmd {
	const char *where;        /* --archive, or NULL: the default */
	size_t limit;             /* --limit (search hits) */
	const char *format;       /* --format tsv|json, or NULL: a table */
	const char *notes;        /* --notes, or NULL: the default */
	void (*say)(const char *msg); /* tells a message on stderr */
};

/* The default archive: $XDG_DATA_HOME/brief/archive.db (fresh). */
char *archive_cmd_default_path(void);

/* --add: the articles of args (files and directories) into the archive.
 * The exit status; a file that cannot be read is told and the others
 * are added (exit 2 at the end). */
int archive_cmd_add(const struct archive_cmd *c, char *const *args,
		    size_t nargs, const struct article_rules *r,
		    const struct article_formats *f, struct engine *en);
/* --search QUERY: the exit status. */
int archive_cmd_search(const struct archive_cmd *c, const char *query);
/* --entity NAME: the exit status. */
int archive_cmd_entity(const struct archive_cmd *c, const char *name);

#endif

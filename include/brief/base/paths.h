/* paths: where brief's files are, and the one module that reads the
 * environment for them.  The shipped data (lexicon, rules, themes) is
 * found beside the running binary (a build tree), else where it was
 * installed; the user's own files under the XDG base directories.  Every
 * "the user's file, else the shipped one" lookup is made here. */
#ifndef BRIEF_PATHS_H
#define BRIEF_PATHS_H

/* The directory that holds brief's shipped data files (lexicon, rules,
 * boilerplate): $BRIEF_DATADIR, else the "data" folder beside the
 * running binary when it exists (a build tree), else the install path.
 * A static string. */
const char *datadir(void);
/* The same for themes ("themes" beside the binary, else installed). */
const char *themedir(void);

/* XDG base directories, with "brief" appended: kind is "config", "data",
 * "state" or "cache" ($XDG_CONFIG_HOME/brief/FILE, else
 * ~/.config/brief/FILE ...).  Returns a fresh string; the caller frees it. */
char *xdg_path(const char *kind, const char *file);

/* $XDG_CONFIG_HOME/brief/FILE when it exists, else the shipped
 * DATADIR/FILE.  A fresh string; the caller frees it. */
char *paths_config_file(const char *file);
/* The theme NAME: $XDG_CONFIG_HOME/brief/themes/NAME.yaml when it
 * exists, else the shipped THEMEDIR/NAME.yaml (which may not exist
 * either: the caller says so).  A fresh string; the caller frees it. */
char *paths_theme_file(const char *name);

/* The cache file FILE ($XDG_CACHE_HOME/brief/FILE, else
 * ~/.cache/brief/FILE), or NULL when $BRIEF_NO_CACHE is set (not empty,
 * not "0"): no cache is read or written.  A fresh string or NULL. */
char *paths_cache_file(const char *file);

/* The pdftotext program that reads PDFs: $BRIEF_PDFTOTEXT, else
 * "pdftotext" (looked up in PATH when it is run).  A static string. */
const char *paths_pdftotext(void);
/* The PDF tool's time limit in seconds from $BRIEF_PDF_TIMEOUT (1 to
 * 3600), else 0 (the extractor's default, 30 s). */
unsigned paths_pdf_timeout(void);

#endif

/* paths: where brief's files are.  The one "user's file, else the
 * shipped one" lookup.  (datadir, themedir and xdg_path, in util.h for
 * now, join this module in phase 2 of issue 16; it is then the one
 * module that reads the environment.) */
#ifndef BRIEF_PATHS_H
#define BRIEF_PATHS_H

/* $XDG_CONFIG_HOME/brief/FILE when it exists, else the shipped
 * DATADIR/FILE.  A fresh string; the caller frees it. */
char *paths_config_file(const char *file);

#endif

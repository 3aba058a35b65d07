/* paths: the shipped data, the user's files, and the environment that
 * names them. */
#include "brief/base/paths.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "brief/base/alloc.h"

#ifndef BRIEF_DATADIR
#define BRIEF_DATADIR "/usr/local/share/brief"
#endif

static int is_dir(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* A folder beside the running binary (a build tree) that holds `probe`. */
static const char *beside_binary(const char *sub, const char *probe,
				 char *out, size_t outsz)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash;

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (slash == NULL)
		return NULL;
	*slash = '\0';
	/* the binary sits at the top of the tree, or in a build folder */
	for (int up = 0; up < 3; up++) {
		char file[PATH_MAX + 64];

		snprintf(out, outsz, "%s/%s%s", exe,
			 up == 0 ? "" : up == 1 ? "../" : "../../", sub);
		snprintf(file, sizeof file, "%s/%s", out, probe);
		if (is_dir(out) && access(file, R_OK) == 0)
			return out;
	}
	return NULL;
}

const char *datadir(void)
{
	static char path[PATH_MAX + 16];
	static const char *dir;
	const char *env = getenv("BRIEF_DATADIR");

	if (env && *env)
		return env;
	if (dir == NULL) {
		dir = beside_binary("data", "lexicon.yaml", path, sizeof path);
		/* an installed brief: PREFIX/bin/brief and PREFIX/share/brief,
		 * wherever PREFIX was moved to */
		if (dir == NULL)
			dir = beside_binary("share/brief", "lexicon.yaml", path,
					    sizeof path);
		if (dir == NULL)
			dir = BRIEF_DATADIR;
	}
	return dir;
}

const char *themedir(void)
{
	static char path[PATH_MAX + 16];
	static const char *dir;

	if (dir == NULL) {
		dir = beside_binary("themes", "dark.yaml", path, sizeof path);
		if (dir == NULL)
			dir = beside_binary("share/brief/themes", "dark.yaml", path,
					    sizeof path);
		if (dir == NULL)
			dir = BRIEF_DATADIR "/themes";
	}
	return dir;
}

char *xdg_path(const char *kind, const char *file)
{
	const char *var, *fallback, *home = getenv("HOME");
	const char *base;

	if (strcmp(kind, "config") == 0) {
		var = "XDG_CONFIG_HOME";
		fallback = ".config";
	} else if (strcmp(kind, "cache") == 0) {
		var = "XDG_CACHE_HOME";
		fallback = ".cache";
	} else if (strcmp(kind, "data") == 0) {
		var = "XDG_DATA_HOME";
		fallback = ".local/share";
	} else {
		var = "XDG_STATE_HOME";
		fallback = ".local/state";
	}
	base = getenv(var);
	if (base && base[0] == '/')
		return xasprintf("%s/brief/%s", base, file);
	return xasprintf("%s/%s/brief/%s", home ? home : ".", fallback, file);
}

/* The user's FILE (under $XDG_CONFIG_HOME/brief) when it exists, else
 * the one in dir. */
static char *user_else_shipped(const char *file, const char *dir)
{
	char *user = xdg_path("config", file);

	if (access(user, F_OK) == 0)
		return user;
	free(user);
	return xasprintf("%s/%s", dir, file);
}

char *paths_config_file(const char *file)
{
	return user_else_shipped(file, datadir());
}

char *paths_theme_file(const char *name)
{
	char *file = xasprintf("%s.yaml", name);
	char *user = xdg_path("config", "themes/");
	char *path = xasprintf("%s%s", user, file);

	if (access(path, F_OK) != 0) {
		free(path);
		path = xasprintf("%s/%s", themedir(), file);
	}
	free(user);
	free(file);
	return path;
}

char *paths_cache_file(const char *file)
{
	const char *off = getenv("BRIEF_NO_CACHE");

	if (off && *off && strcmp(off, "0") != 0)
		return NULL;
	return xdg_path("cache", file);
}

const char *paths_pdftotext(void)
{
	const char *env = getenv("BRIEF_PDFTOTEXT");

	return env && *env ? env : "pdftotext";
}

unsigned paths_pdf_timeout(void)
{
	const char *env = getenv("BRIEF_PDF_TIMEOUT");
	char *end;
	unsigned long v;

	if (env == NULL || *env == '\0')
		return 0;
	v = strtoul(env, &end, 10);
	return *end == '\0' && v >= 1 && v <= 3600 ? (unsigned)v : 0;
}

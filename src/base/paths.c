/* paths: the user's file, else the shipped one. */
#include "brief/base/paths.h"

#include <stdlib.h>
#include <unistd.h>

#include "brief/base/util.h"

char *paths_config_file(const char *file)
{
	char *user = xdg_path("config", file);

	if (access(user, F_OK) == 0)
		return user;
	free(user);
	return xasprintf("%s/%s", datadir(), file);
}

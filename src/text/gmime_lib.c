/* gmime_lib: GMime's (and GLib's) functions, found when the first
 * e-mail or feed is read; GMime is initialised then. */
#define GMIME_LIB_TABLE
#include "gmime_lib.h"

/* GMime's one-time set-up, once loaded; nobody shuts it down: its
 * tables stay reachable until the process ends. */
static void start(void)
{
	gmime_lib.g_mime_init();
}

/* libgmime-3.0.so.0: the soname of the ABI brief is built against */
DYNLIB_DEFINE(gmime_lib, GMIME_LIB_SYMS, "libgmime-3.0.so.0",
	      "reading e-mail and feeds", start)

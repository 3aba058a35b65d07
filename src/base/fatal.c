/* fatal: restore the terminal, say why, stop.  Nothing here allocates:
 * fatal is how running out of memory ends. */
#include "brief/base/fatal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "brief/base/visible.h"

static void (*restore_hook)(void);

void fatal_set_hook(void (*restore)(void))
{
	restore_hook = restore;
}

void fatal(const char *fmt, ...)
{
	void (*restore)(void) = restore_hook;
	char msg[1024];
	va_list ap;
	size_t n, i = 0;
	int len;

	/* once: a hook that fails fatally comes back here without it */
	restore_hook = NULL;
	if (restore)
		restore();
	va_start(ap, fmt);
	len = vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (len < 0)
		msg[0] = '\0';
	n = strlen(msg);
	fputs("brief: ", stderr);
	while (i < n) {
		char form[UTF8_VISIBLE_MAX];

		i += visible_char(msg + i, n - i, form);
		fputs(form, stderr);
	}
	fputc('\n', stderr);
	fflush(stderr);
	_exit(1); /* EXIT_FAIL; buffered output is not flushed half-made */
}

/* err: filling an error message. */
#include "brief/base/err.h"

#include <stdarg.h>
#include <stdio.h>

void err_set(struct err *e, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(e->text, sizeof e->text, fmt, ap);
	va_end(ap);
}

/* progress: a progress bar on standard error for long batch runs, shown
 * only when standard error is a terminal. */
#ifndef BRIEF_PROGRESS_H
#define BRIEF_PROGRESS_H

#include <stddef.h>

void progress_start(const char *label, size_t total);
/* At most ten updates a second reach the terminal. */
void progress_update(size_t done);
/* Clear the bar. */
void progress_end(void);

#endif

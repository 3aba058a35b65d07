/* mapguard: a SIGBUS in a mapped file that shrank becomes zero pages and a
 * flag; anywhere else it kills as before. */
#include "brief/base/mapguard.h"

#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "brief/base/util.h"

struct guard {
	char *base;
	size_t len;
	volatile sig_atomic_t changed;
};

/* The guarded mappings.  Only the thread that reads a mapping faults in
 * it, and never while this list changes, so the handler may read it. */
static struct guard *guards;
static size_t nguards, cap_guards;
static size_t page_size;
static int installed;
static struct sigaction before; /* SIGBUS's action before brief's */

static void on_sigbus(int sig, siginfo_t *si, void *ctx)
{
	char *addr = si->si_addr;
	size_t i;

	(void)ctx;
	/* a fault (not a signal sent by kill) in a guarded mapping: every
	 * page from the one lost to the end is past the file's new end */
	for (i = 0; si->si_code > 0 && i < nguards; i++) {
		struct guard *g = &guards[i];
		char *page;

		if (addr < g->base || addr >= g->base + g->len)
			continue;
		page = g->base + (size_t)(addr - g->base) / page_size * page_size;
		if (mmap(page, (size_t)(g->base + g->len - page),
			 PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1,
			 0) == MAP_FAILED)
			break;
		g->changed = 1;
		return;
	}
	/* not brief's: the action there was before, which for a fault runs
	 * again as the instruction does */
	sigaction(SIGBUS, &before, NULL);
	if (si->si_code <= 0)
		raise(sig);
}

static void install(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_sigbus;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	page_size = (size_t)sysconf(_SC_PAGESIZE);
	if (sigaction(SIGBUS, &sa, &before) == 0)
		installed = 1;
}

char *mapguard_map(int fd, size_t len, size_t *map_len)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t n = (len / page + 1) * page;
	char *base;

	if (!installed)
		install();
	/* an anonymous reservation with the file mapped over its start:
	 * the page after the file reads as zeros */
	base = mmap(NULL, n, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (base == MAP_FAILED)
		return NULL;
	if (mmap(base, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED,
		 fd, 0) == MAP_FAILED) {
		munmap(base, n);
		return NULL;
	}
	guards = xgrow(guards, &cap_guards, nguards + 1, sizeof *guards);
	guards[nguards].base = base;
	guards[nguards].len = n;
	guards[nguards].changed = 0;
	nguards++;
	*map_len = n;
	return base;
}

static struct guard *find(const char *base)
{
	size_t i;

	for (i = 0; i < nguards; i++)
		if (guards[i].base == base)
			return &guards[i];
	return NULL;
}

int mapguard_changed(const char *base)
{
	struct guard *g = find(base);

	return g != NULL && g->changed;
}

void mapguard_unmap(char *base, size_t map_len)
{
	struct guard *g = find(base);

	if (g != NULL)
		*g = guards[--nguards];
	munmap(base, map_len);
}

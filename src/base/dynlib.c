/* dynlib: shared libraries loaded when first needed. */
#include "brief/base/dynlib.h"

#include <dlfcn.h>
#include <string.h>

int dynlib_load(struct dynlib *d, const char *name, struct err *e)
{
	void *h;
	size_t i;
	int rc = 0;

	pthread_mutex_lock(&d->lock);
	if (d->loaded)
		goto out;
	h = dlopen(d->soname, RTLD_NOW | RTLD_LOCAL);
	if (h == NULL) {
		err_set(e, "%s%s%s needs %s (%s)", name ? name : "",
			name ? ": " : "", d->what, d->soname, dlerror());
		rc = -1;
		goto out;
	}
	for (i = 0; i < d->nsyms; i++) {
		void *p = dlsym(h, d->syms[i].name);

		if (p == NULL) {
			err_set(e, "%s%s%s needs %s, which has no %s",
				name ? name : "", name ? ": " : "", d->what,
				d->soname, d->syms[i].name);
			dlclose(h);
			rc = -1;
			goto out;
		}
		/* POSIX: a function's address comes as a void * */
		memcpy((char *)d->table + d->syms[i].at, &p, sizeof p);
	}
	if (d->init)
		d->init();
	d->loaded = 1;
out:
	pthread_mutex_unlock(&d->lock);
	return rc;
}

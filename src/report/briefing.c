/* briefing: a heading, the comparison, the notes. */
#include "brief/report/briefing.h"

#include "brief/report/compare_md.h"
#include "brief/report/export.h"

int briefing_write(FILE *f, const struct comparison *c,
		   const struct compare_rules *r, const struct entities *reg,
		   struct notes *ns, const struct library *lib)
{
	int rc;

	fputs("# Briefing\n\n", f);
	rc = compare_md_write(f, c, r, reg);
	if (rc == 0) {
		fputs("\n", f);
		rc = export_markdown(f, ns, lib);
	}
	return rc;
}

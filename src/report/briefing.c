/* briefing: for a reader who never opened brief, what matters first --
 * the two reports, where they disagree, the analyst's notes -- then the
 * full comparison tables. */
#include "brief/report/briefing.h"

#include "brief/report/compare_md.h"
#include "brief/report/export.h"

int briefing_write(FILE *f, const struct comparison *c,
		   const struct compare_rules *r, const struct entities *reg,
		   struct notes *ns, const struct library *lib)
{
	fputs("# Briefing\n\n## The reports\n\n", f);
	compare_md_reports(f, c);
	fputs("## Disagreements\n\n", f);
	compare_md_disagreements(f, c);
	if (export_markdown(f, ns, lib) != 0)
		return -1;
	fputs("# Full comparison\n\n", f);
	compare_md_tables(f, c, r, reg);
	return fflush(f) == 0 ? 0 : -1;
}

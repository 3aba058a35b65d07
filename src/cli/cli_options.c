/* cli_options: the command line read into struct opts, checked against
 * the table of modes, and --help. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brief/base/util.h"
#include "brief/text/article.h"
#include "brief/mark/engine.h"
#include "brief/mark/parallel.h"
#include "brief/cli/cli.h"
#include "cli_priv.h"

#ifndef BRIEF_VERSION
#define BRIEF_VERSION "0"
#endif

static const char usage_text[] =
	"usage: brief [OPTIONS] FILE|DIR...\n"
	"       brief --dump FILE|DIR...\n"
	"Options may come before, between or after the files; '--' ends them\n"
	"(a file named like an option then is a file).\n"
	"\n"
	"A terminal briefing reader: two reports side by side, with actors,\n"
	"weapons and figures highlighted.  Text, web pages, PDFs, e-mail\n"
	"(mbox: one article per message) and feeds, each file's format decided\n"
	"by its content.  A directory stands for its *.txt, *.md, *.html,\n"
	"*.pdf, *.eml, *.mbox, *.rss and *.atom files; '-' reads an article\n"
	"from standard input.\n"
	"\n"
	"Batch modes (output on stdout):\n"
	"  --dump              each article as a YAML document: file, id,\n"
	"                      format, title, date, source, url, author,\n"
	"                      sections with their kind, page (PDFs), text\n"
	"                      and sentences\n"
	"  --mentions          one line per highlighted mention, tab-separated:\n"
	"                      file, section, start, end (bytes in the\n"
	"                      section's text), category, entity, text\n"
	"  --compare A B       compare two reports (entities, figures and their\n"
	"                      discrepancies, quotes, topics, timeline) as\n"
	"                      Markdown, or YAML with --format yaml\n"
	"  --briefing A B      one Markdown briefing: both reports' metadata,\n"
	"                      the comparison and the notes (--notes FILE)\n"
	"  --export-notes FORMAT\n"
	"                      print the notes of the articles as a markdown\n"
	"                      briefing, as yaml, as W3C Web Annotation\n"
	"                      JSON-LD (w3c) or as Hypothesis JSON (hypothesis)\n"
	"  --import-notes FILE add the W3C or Hypothesis annotations of FILE\n"
	"                      on the articles to the notes file\n"
	"  --add-note TEXT --at QUOTE ARTICLE\n"
	"                      add a note to the first occurrence of QUOTE\n"
	"  --aliases           the lexicon in effect: one line per literal alias,\n"
	"                      tab-separated: alias, entity, category, kind\n"
	"                      (no article needed)\n"
	"  --entities          a table of entities (rows) and their mention\n"
	"                      counts in each file (columns), most mentioned\n"
	"                      first\n"
	"  -j N, --jobs N      highlight on N threads (default: one per core;\n"
	"                      the output is the same with any N; the reader's\n"
	"                      index too, else its setting jobs)\n"
	"  --corrections [FILE] alone: the corrections to the marks in FILE\n"
	"                      (default: $XDG_CONFIG_HOME/brief/corrections.yaml)\n"
	"                      as a table, or as YAML with --format yaml\n"
	"  --add FILE|DIR...   add the articles to the archive (--archive,\n"
	"                      default $XDG_DATA_HOME/brief/archive.db):\n"
	"                      unchanged files are skipped, changed ones\n"
	"                      replaced, removed ones noted\n"
	"  --search QUERY      search the archive: words, \"phrases\",\n"
	"                      entity:NAME, actor:, weapon:, place:,\n"
	"                      category:, source:, date:FROM..TO, tag:, AND,\n"
	"                      OR, NOT, ( ); best first (--limit N, default\n"
	"                      20), a table or --format tsv|json\n"
	"  --entity NAME       an entity across the archive: mentions by\n"
	"                      month and source, the entities in its\n"
	"                      sentences, its figures (--format tsv|json)\n"
	"In tab-separated fields a tab, a line feed and a backslash are\n"
	"written \\t, \\n and \\\\, other control bytes and bytes that are not\n"
	"UTF-8 \\xHH (\\x1b); Markdown and messages show control characters\n"
	"as ^[ and <9B>, never raw.\n"
	"\n"
	"Options:\n"
	"  --notes FILE        the notes file (default:\n"
	"                      $XDG_DATA_HOME/brief/notes.yaml)\n"
	"  --theme NAME|FILE   colour theme (dark, light, mono, or a YAML file)\n"
	"  --no-color          no colours (also when NO_COLOR is set)\n"
	"  --config FILE       the reader's config file (default:\n"
	"                      $XDG_CONFIG_HOME/brief/config)\n"
	"  --fresh             open at the top, not where each article was left\n"
	"  --lexicon FILE      entity lexicon to use instead of the default\n"
	"                      (repeatable; files are merged in order)\n"
	"  --corrections FILE  the corrections to the marks (a team may share\n"
	"                      one) instead of\n"
	"                      $XDG_CONFIG_HOME/brief/corrections.yaml\n"
	"  --highlight-rules FILE\n"
	"                      person, organisation and figure rules instead of\n"
	"                      the default\n"
	"  --rules FILE        article rules (metadata, boilerplate and\n"
	"                      abbreviation patterns) instead of the default\n"
	"  --archive FILE|URI  the archive for --add, --search and --entity: an\n"
	"                      SQLite file (default:\n"
	"                      $XDG_DATA_HOME/brief/archive.db) or a\n"
	"                      postgresql:// URI (a team's shared archive)\n"
	"  --limit N           at most N search hits (default 20)\n"
	"  --as FORMAT         read every file as text, html, pdf, email or\n"
	"                      feed (default: decided by each file's content)\n"
	"  -h, --help          show this help and exit\n"
	"  -V, --version       show the version and exit\n";

/* Choose mode m (the last one given wins; cli_check refuses two). */
static void set_mode(struct opts *o, enum mode_id m)
{
	o->mode = m;
	o->modes_given |= 1u << m;
}

/* Read argv into o: options anywhere among the FILE|DIR arguments (those
 * go to o->args in order), '--' ends the options, a lone '-' is an
 * argument.  The '-' that starts the option string makes getopt return
 * each argument in its place (as 1) whatever POSIXLY_CORRECT says, so
 * brief reads its command line the same way in every environment; the
 * ':' tells a missing value (':') from an unknown option ('?').
 * 0, or -1 after the message. */
int cli_parse(int argc, char **argv, struct opts *o)
{
	enum {
		OPT_DUMP = 256,
		OPT_RULES,
		OPT_MENTIONS,
		OPT_ENTITIES,
		OPT_LEXICON,
		OPT_HLRULES,
		OPT_THEME,
		OPT_NO_COLOR,
		OPT_ALIASES,
		OPT_NOTES,
		OPT_EXPORT,
		OPT_ADD_NOTE,
		OPT_AT,
		OPT_COMPARE,
		OPT_BRIEFING,
		OPT_FORMAT,
		OPT_AS,
		OPT_IMPORT,
		OPT_CONFIG,
		OPT_FRESH,
		OPT_CORRECTIONS,
		OPT_ADD,
		OPT_SEARCH,
		OPT_ENTITY,
		OPT_ARCHIVE,
		OPT_LIMIT
	};
	static const struct option longs[] = {
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{"dump", no_argument, NULL, OPT_DUMP},
		{"rules", required_argument, NULL, OPT_RULES},
		{"mentions", no_argument, NULL, OPT_MENTIONS},
		{"entities", no_argument, NULL, OPT_ENTITIES},
		{"lexicon", required_argument, NULL, OPT_LEXICON},
		{"highlight-rules", required_argument, NULL, OPT_HLRULES},
		{"theme", required_argument, NULL, OPT_THEME},
		{"aliases", no_argument, NULL, OPT_ALIASES},
		{"notes", required_argument, NULL, OPT_NOTES},
		{"export-notes", required_argument, NULL, OPT_EXPORT},
		{"import-notes", required_argument, NULL, OPT_IMPORT},
		{"add-note", required_argument, NULL, OPT_ADD_NOTE},
		{"at", required_argument, NULL, OPT_AT},
		{"compare", no_argument, NULL, OPT_COMPARE},
		{"briefing", no_argument, NULL, OPT_BRIEFING},
		{"format", required_argument, NULL, OPT_FORMAT},
		{"as", required_argument, NULL, OPT_AS},
		{"config", required_argument, NULL, OPT_CONFIG},
		{"fresh", no_argument, NULL, OPT_FRESH},
		{"corrections", optional_argument, NULL, OPT_CORRECTIONS},
		{"add", no_argument, NULL, OPT_ADD},
		{"search", required_argument, NULL, OPT_SEARCH},
		{"entity", required_argument, NULL, OPT_ENTITY},
		{"archive", required_argument, NULL, OPT_ARCHIVE},
		{"limit", required_argument, NULL, OPT_LIMIT},
		{"jobs", required_argument, NULL, 'j'},
		{"no-color", no_argument, NULL, OPT_NO_COLOR},
		{"no-colour", no_argument, NULL, OPT_NO_COLOR},
		{NULL, 0, NULL, 0},
	};
	int c;

	opterr = 0;
	o->args = xmalloc(((size_t)argc + 1) * sizeof *o->args);
	while ((c = getopt_long(argc, argv, "-:hVj:", longs, NULL)) != -1) {
		switch (c) {
		case 1:
			o->args[o->nargs++] = optarg;
			break;
		case 'h':
			cli_usage(stdout);
			exit(EXIT_OK);
		case 'V':
			printf("brief %s\n", BRIEF_VERSION);
			exit(EXIT_OK);
		case OPT_DUMP:
			set_mode(o, MODE_DUMP);
			break;
		case OPT_RULES:
			o->given |= GIVEN_RULES;
			o->rules = optarg;
			break;
		case OPT_MENTIONS:
			set_mode(o, MODE_MENTIONS);
			break;
		case OPT_ENTITIES:
			set_mode(o, MODE_ENTITIES);
			break;
		case OPT_NOTES:
			o->given |= GIVEN_NOTES;
			if (optarg[0] == '\0') {
				cli_complain("--notes: empty file name");
				return -1;
			}
			o->notes = optarg;
			break;
		case OPT_EXPORT:
			set_mode(o, MODE_EXPORT);
			o->export_format = optarg;
			if (strcmp(optarg, "markdown") != 0 &&
			    strcmp(optarg, "yaml") != 0 &&
			    strcmp(optarg, "w3c") != 0 &&
			    strcmp(optarg, "hypothesis") != 0) {
				cli_complain("--export-notes takes markdown, "
					     "yaml, w3c or hypothesis, not "
					     "'%s'", optarg);
				return -1;
			}
			break;
		case OPT_IMPORT:
			o->mode = MODE_IMPORT;
			o->import_file = optarg;
			break;
		case OPT_CORRECTIONS:
			/* "--corrections FILE" as well as "--corrections=FILE";
			 * alone, the default file */
			if (optarg == NULL && optind < argc &&
			    argv[optind][0] != '-')
				optarg = argv[optind++];
			if (optarg != NULL && optarg[0] == '\0') {
				cli_complain("--corrections: empty file name");
				return -1;
			}
			o->given |= GIVEN_CORRECTIONS;
			o->corrections = optarg;
			break;
		case OPT_ADD_NOTE:
			set_mode(o, MODE_ADD_NOTE);
			o->note_text = optarg;
			break;
		case OPT_AT:
			o->given |= GIVEN_AT;
			o->note_at = optarg;
			break;
		case OPT_COMPARE:
			set_mode(o, MODE_COMPARE);
			break;
		case OPT_BRIEFING:
			set_mode(o, MODE_BRIEFING);
			break;
		case OPT_FORMAT:
			o->given |= GIVEN_FORMAT;
			if (strcmp(optarg, "markdown") != 0 &&
			    strcmp(optarg, "yaml") != 0 &&
			    strcmp(optarg, "tsv") != 0 &&
			    strcmp(optarg, "json") != 0) {
				cli_complain("--format takes markdown or yaml "
					     "(tsv or json for the archive), "
					     "not '%s'", optarg);
				return -1;
			}
			o->format = optarg;
			break;
		case OPT_AS:
			o->given |= GIVEN_AS;
			o->as = article_format(optarg);
			if (o->as == NULL) {
				cli_complain("--as takes text, html, pdf, "
					     "email or feed, not '%s'",
					     optarg);
				return -1;
			}
			break;
		case OPT_ALIASES:
			set_mode(o, MODE_ALIASES);
			break;
		case OPT_ADD:
			set_mode(o, MODE_ADD);
			break;
		case OPT_SEARCH:
		case OPT_ENTITY:
			set_mode(o, c == OPT_SEARCH ? MODE_SEARCH : MODE_ENTITY);
			o->query = optarg;
			break;
		case OPT_ARCHIVE:
			o->given |= GIVEN_ARCHIVE;
			if (optarg[0] == '\0') {
				cli_complain("--archive: empty file name");
				return -1;
			}
			o->archive = optarg;
			break;
		case OPT_LIMIT: {
			char *end;
			unsigned long v = strtoul(optarg, &end, 10);

			o->given |= GIVEN_LIMIT;
			if (optarg[0] < '1' || optarg[0] > '9' || *end ||
			    v > 1000000) {
				cli_complain("--limit takes a number from 1 to "
					     "1000000, not '%s'", optarg);
				return -1;
			}
			o->limit = v;
			break;
		}
		case 'j': {
			char *end;
			unsigned long v = strtoul(optarg, &end, 10);

			o->given |= GIVEN_JOBS;
			if (optarg[0] < '1' || optarg[0] > '9' || *end ||
			    v > HL_JOBS_MAX) {
				cli_complain("-j takes a number from 1 to "
					     "%d, not '%s'", HL_JOBS_MAX,
					     optarg);
				return -1;
			}
			o->jobs = (unsigned)v;
			break;
		}
		case OPT_THEME:
			o->given |= GIVEN_THEME;
			o->theme = optarg;
			break;
		case OPT_CONFIG:
			o->given |= GIVEN_CONFIG;
			o->config = optarg;
			break;
		case OPT_FRESH:
			o->given |= GIVEN_FRESH;
			o->fresh = 1;
			break;
		case OPT_NO_COLOR:
			o->given |= GIVEN_NO_COLOR;
			o->no_color = 1;
			break;
		case OPT_HLRULES:
			o->given |= GIVEN_HLRULES;
			o->hlrules = optarg;
			break;
		case OPT_LEXICON:
			o->given |= GIVEN_LEXICON;
			o->lexicons = xrealloc(o->lexicons,
					       (o->nlexicons + 1) *
						       sizeof *o->lexicons);
			o->lexicons[o->nlexicons++] = optarg;
			break;
		case ':':
			cli_complain("%s needs a value", argv[optind - 1]);
			cli_usage(stderr);
			return -1;
		default:
			if (optopt && optopt < 256)
				cli_complain("unknown option '-%c'", optopt);
			else if (optopt) /* --dump=x */
				cli_complain("%s takes no value",
					     argv[optind - 1]);
			else
				cli_complain("unknown option '%s'",
					     argv[optind - 1]);
			cli_usage(stderr);
			return -1;
		}
	}
	while (optind < argc) /* after '--' */
		o->args[o->nargs++] = argv[optind++];
	/* --corrections alone lists them */
	if ((o->given & GIVEN_CORRECTIONS) && o->modes_given == 0 &&
	    o->nargs == 0)
		o->mode = MODE_CORRECTIONS;
	return 0;
}

/* The options that do not choose a mode, as messages and --help name
 * them, in the order --help lists them. */
static const struct {
	unsigned bit;
	const char *name;
} given_names[] = {
	{GIVEN_AT, "--at"},
	{GIVEN_FORMAT, "--format"},
	{GIVEN_NOTES, "--notes"},
	{GIVEN_THEME, "--theme"},
	{GIVEN_LEXICON, "--lexicon"},
	{GIVEN_CORRECTIONS, "--corrections"},
	{GIVEN_HLRULES, "--highlight-rules"},
	{GIVEN_RULES, "--rules"},
	{GIVEN_AS, "--as"},
	{GIVEN_NO_COLOR, "--no-color"},
	{GIVEN_CONFIG, "--config"},
	{GIVEN_FRESH, "--fresh"},
	{GIVEN_ARCHIVE, "--archive"},
	{GIVEN_LIMIT, "--limit"},
	{GIVEN_JOBS, "-j"},
};

#define NGIVEN (sizeof given_names / sizeof given_names[0])

/* The usage, then which options go with which mode, from the tables. */
void cli_usage(FILE *f)
{
	size_t i, j;

	fputs(usage_text, f);
	fputs("\nWhich options go with which mode (--no-color, -h and -V go "
	      "with\nevery one; any other is an error):\n", f);
	for (i = 0; i < cli_nmodes; i++) {
		fprintf(f, "  %-16s", cli_modes[i].name);
		for (j = 0; j < NGIVEN; j++)
			if ((cli_modes[i].takes & given_names[j].bit) &&
			    !(TAKES_ALL & given_names[j].bit))
				fprintf(f, " %s", given_names[j].name);
		fputc('\n', f);
	}
	fputs("\nExit status: 0 on success, 2 on bad input or usage.\n", f);
}

/* Two modes, an option that does not go with the mode, or a FILE|DIR for
 * a mode that reads none: 0, or -1 after the message. */
int cli_check(const struct opts *o)
{
	const struct mode *m = &cli_modes[o->mode];
	struct buf b = {0};
	size_t i;

	for (i = 0; i < cli_nmodes; i++)
		if (i != (size_t)o->mode && (o->modes_given & 1u << i)) {
			cli_complain("%s: not used with %s (one mode at a "
				     "time)", cli_modes[i].name, m->name);
			return -1;
		}
	for (i = 0; i < NGIVEN; i++) {
		unsigned bit = given_names[i].bit;
		size_t j;

		if (!(o->given & bit) || (m->takes & bit))
			continue;
		for (j = 0; j < cli_nmodes; j++)
			if (cli_modes[j].takes & bit) {
				buf_adds(&b, b.len ? ", " : "");
				buf_adds(&b, cli_modes[j].name);
			}
		cli_complain("%s: not used with %s (it goes with %s)",
			     given_names[i].name, m->name, b.data);
		buf_free(&b);
		return -1;
	}
	if ((o->given & GIVEN_FORMAT) && o->mode != MODE_SEARCH &&
	    o->mode != MODE_ENTITY &&
	    (strcmp(o->format, "tsv") == 0 || strcmp(o->format, "json") == 0)) {
		cli_complain("--format %s: only --search and --entity write it",
			     o->format);
		return -1;
	}
	if (!(m->needs & NEED_ARTICLES) && o->nargs > 0) {
		cli_complain("%s: takes no FILE|DIR, not '%s'", m->name,
			     o->args[0]);
		return -1;
	}
	return 0;
}

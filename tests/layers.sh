#!/bin/sh
# make layers: the layer rules of README's Layout, checked on src/ and
# include/brief/.  Prints FILE:LINE: what is wrong for each break and
# exits 1 when there is one.
#   - a layer includes only its own or lower layers' headers:
#     base < yaml < text < mark < compare, notes < report < ui < cli
#     (compare and notes stand side by side: neither includes the other);
#     archive (the database) stands beside report: it uses base, yaml,
#     text, mark and compare, and ui and cli use it;
#   - <curses.h> / <ncurses*.h> only under ui/;
#   - below report/ nothing writes to stdout or stderr (printf, puts,
#     perror, putchar, or stdout/stderr named in code) but the fatal
#     path, which restores the terminal and then says why brief stops;
#   - below report/ nothing calls getenv but the paths module.
# Comments and string literals are not read.  There are no exceptions
# beyond these two modules.
cd "$(dirname "$0")/.." || exit 2

PATHS_MODULE=src/base/paths.c
FATAL_MODULE=src/base/fatal.c

files=$(find src include/brief -name '*.[ch]' | LC_ALL=C sort)
[ -n "$files" ] || { echo "layers: no sources found" >&2; exit 2; }
# shellcheck disable=SC2086
awk -v paths="$PATHS_MODULE" -v fatal="$FATAL_MODULE" '
BEGIN {
	n = split("base yaml text mark compare notes report archive ui cli", names, " ")
	rank["base"] = 0; rank["yaml"] = 1; rank["text"] = 2; rank["mark"] = 3
	rank["compare"] = 4; rank["notes"] = 4; rank["report"] = 5
	rank["archive"] = 5
	rank["ui"] = 6; rank["cli"] = 7
	bad = 0
}
function layer_of(path,    p) {
	p = path
	sub(/^src\//, "", p)
	sub(/^include\/brief\//, "", p)
	sub(/\/.*/, "", p)
	return p
}
function report(rule, msg) {
	printf "%s:%d: %s\n", FILENAME, FNR, msg
	bad = 1
}
FNR == 1 {
	in_comment = 0
	me = layer_of(FILENAME)
	if (!(me in rank)) {
		printf "%s:1: not in a layer folder\n", FILENAME
		bad = 1
	}
}
{
	line = $0
	# drop comments (also those spanning lines), then string literals
	code = ""
	while (line != "") {
		if (in_comment) {
			e = index(line, "*/")
			if (e == 0) { line = ""; break }
			line = substr(line, e + 2)
			in_comment = 0
		} else {
			s = index(line, "/*")
			if (s == 0) { code = code line; line = ""; break }
			code = code substr(line, 1, s - 1)
			line = substr(line, s + 2)
			in_comment = 1
		}
	}
	include = ""
	if (match(code, /^[ \t]*#[ \t]*include[ \t]*[<"][^>"]*[>"]/)) {
		include = substr(code, RSTART, RLENGTH)
		sub(/^[^<"]*[<"]/, "", include)
		sub(/[>"]$/, "", include)
	}
	gsub(/"([^"\\]|\\.)*"/, "\"\"", code)
	gsub(/'\''([^'\''\\]|\\.)*'\''/, "0", code)

	if (include ~ /^brief\//) {
		split(include, part, "/")
		them = part[2]
		if (!(them in rank))
			report("include", "includes " include ", which is in no layer")
		else if (me == "archive" && them == "notes")
			report("include", "archive includes " include \
			       " (archive uses base, yaml, text, mark, compare)")
		else if (them != me && rank[them] >= rank[me])
			report("include", me " includes " include \
			       " (layer " them " is not below " me ")")
	}
	if (include ~ /^(curses\.h|ncurses.*\.h|ncursesw\/.*)$/ && me != "ui")
		report("curses", "includes <" include "> outside ui/")
	if (rank[me] < rank["report"] && include == "") {
		if ((code ~ /(^|[^A-Za-z0-9_])(printf|puts|perror|putchar|vprintf)[ \t]*\(/ ||
		     code ~ /(^|[^A-Za-z0-9_])(stdout|stderr)([^A-Za-z0-9_]|$)/) &&
		    FILENAME != fatal)
			report("output", me " writes to stdout/stderr: " $0)
		if (code ~ /(^|[^A-Za-z0-9_])(secure_)?getenv[ \t]*\(/ &&
		    FILENAME != paths)
			report("getenv", me " reads the environment outside " \
			       paths ": " $0)
	}
}
END { exit bad }
' $files

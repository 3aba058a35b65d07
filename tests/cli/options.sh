# The command line as people type it (issue 20): options before, between
# and after the files, '--' ends them, a lone '-' is standard input,
# POSIXLY_CORRECT changes nothing, and an option that does not go with the
# mode (or a second mode) is an error: exit 2, a message naming both on
# stderr, nothing on stdout.
. tests/cli/lib.sh
A=articles/000_b6812c9593b6cfb0.txt
B=articles/001_ac23be4cfe9d2cdd.txt
NOTES=$TMP/notes.yaml
cp tests/fixtures/notes/briefing.yaml "$NOTES"
# the fixture's first note, on A
NOTE='Kim’s threat is rhetorical'

# expect_refused NAME MESSAGE: exit 2, MESSAGE on stderr, stdout empty
expect_refused() {
	expect_rc "$1: exit 2" 2
	expect_err "$1: says why" "$2"
	if [ -s "$TMP/out" ]; then
		not_ok "$1: nothing on stdout" "stdout: $(head -3 "$TMP/out")"
	else
		ok "$1: nothing on stdout"
	fi
}
# prun: run with POSIXLY_CORRECT set (for brief only)
prun() {
	env POSIXLY_CORRECT=1 $BRIEF_WRAP "$BRIEF" "$@" >"$TMP/out" 2>"$TMP/err"
	RC=$?
	ERR=$(cat "$TMP/err")
}
# same NAME FILE: stdout equals FILE (saved from an earlier run), and is
# not empty
same() {
	if [ ! -s "$TMP/out" ]; then
		not_ok "$1" "stdout is empty" "stderr: $ERR"
	elif cmp -s "$TMP/out" "$2"; then
		ok "$1"
	else
		not_ok "$1" "$(diff "$2" "$TMP/out" | head -5)"
	fi
}

run --help
expect_rc "brief starts: --help exits 0" 0
gate
expect_out "--help: options may come anywhere" "Options may come before, between or after the files; '--' ends them"
expect_out "--help: which options go with which mode" "Which options go with which mode"
expect_out "--help: --compare takes --format" "  --compare        --format --lexicon"
expect_out "--help: --dump takes --rules and --as" "  --dump           --rules --as"
ungate

# --compare with --format before, between and after the files
run --compare --format yaml "$A" "$B"
expect_rc "--compare --format yaml A B" 0
expect_out "--compare --format yaml A B: YAML" "reports:"
cp "$TMP/out" "$TMP/yaml.want"
run --format yaml --compare "$A" "$B"
expect_rc "--format yaml --compare A B" 0
same "--format yaml --compare A B: the same YAML" "$TMP/yaml.want"
run --compare "$A" "$B" --format yaml
expect_rc "--compare A B --format yaml" 0
same "--compare A B --format yaml: the same YAML" "$TMP/yaml.want"
run "$A" --compare "$B" --format=yaml
expect_rc "A --compare B --format=yaml" 0
same "A --compare B --format=yaml: the same YAML" "$TMP/yaml.want"
prun --compare "$A" "$B" --format yaml
expect_rc "POSIXLY_CORRECT: --compare A B --format yaml" 0
same "POSIXLY_CORRECT: options after the files still read" "$TMP/yaml.want"

# --briefing with --notes after the files, spelt both ways
run --notes "$NOTES" --briefing "$A" "$B"
expect_rc "--notes N --briefing A B" 0
expect_out "--notes N --briefing A B: the note" "$NOTE"
cp "$TMP/out" "$TMP/briefing.want"
run --briefing "$A" "$B" --notes "$NOTES"
expect_rc "--briefing A B --notes N" 0
same "--briefing A B --notes N: the same briefing" "$TMP/briefing.want"
run --briefing "$A" "$B" --notes="$NOTES"
expect_rc "--briefing A B --notes=N" 0
same "--briefing A B --notes=N: the same briefing" "$TMP/briefing.want"

# --mentions A --no-color
run --mentions "$A"
cp "$TMP/out" "$TMP/mentions.want"
run --mentions "$A" --no-color
expect_rc "--mentions A --no-color" 0
same "--mentions A --no-color: the mentions" "$TMP/mentions.want"
prun --mentions "$A" --no-color
expect_rc "POSIXLY_CORRECT: --mentions A --no-color" 0
same "POSIXLY_CORRECT: --mentions A --no-color: the mentions" "$TMP/mentions.want"

# --export-notes and --add-note with their options after the file
run --export-notes yaml "$A" --notes "$NOTES"
expect_rc "--export-notes yaml A --notes N" 0
expect_out "--export-notes yaml A --notes N: the note" "$NOTE"
cp "$NOTES" "$TMP/add.yaml"
run "$A" --at "military spy satellites" --add-note "after the file" --notes "$TMP/add.yaml"
expect_rc "A --at Q --add-note T --notes N" 0
if grep -qF "text: 'after the file'" "$TMP/add.yaml"; then
	ok "A --at Q --add-note T --notes N: the note is in N"
else
	not_ok "A --at Q --add-note T --notes N: the note is in N" "stderr: $ERR"
fi

# the reader: brief A B --notes F (a key script opens the notes list)
printf 'A<dump the notes list>q\n' >"$TMP/keys"
rm -f "$TMP/dump"
env TERM=xterm-256color COLUMNS=100 LINES=30 BRIEF_KEYS="$TMP/keys" \
	BRIEF_SCREEN_DUMP="$TMP/dump" $BRIEF_WRAP "$BRIEF" "$A" "$B" \
	--notes "$NOTES" </dev/null >"$TMP/out" 2>"$TMP/err"
RC=$? ERR=$(cat "$TMP/err")
expect_rc "reader: A B --notes N" 0
if grep -qF "$NOTE" "$TMP/dump" 2>/dev/null; then
	ok "reader: A B --notes N: the notes list shows N's note"
else
	not_ok "reader: A B --notes N: the notes list shows N's note" \
		"stderr: $ERR" "dump: $(head -5 "$TMP/dump" 2>/dev/null)"
fi

# -h and -V after the files
run --dump "$A" -h
expect_rc "--dump A -h: exit 0" 0
expect_out "--dump A -h: the usage" "usage: brief"
run "$A" -V
expect_rc "A -V: exit 0" 0
expect_out "A -V: the version" "brief "

# a lone '-' is standard input, wherever the options are
printf 'Piped in. Second sentence.\n' >"$TMP/in.txt"
run - --dump <"$TMP/in.txt"
expect_rc "- --dump: exit 0" 0
expect_out "- --dump: standard input read" "file: '-'"
expect_out "- --dump: its text" "Piped in."

# '--' ends the options: a file named like an option is a file
mkdir -p "$TMP/odd"
cp "$A" "$TMP/odd/--notes"
cp "$B" "$TMP/odd/--format"
BRIEF_ABS=$(cd "$(dirname "$BRIEF")" && pwd)/$(basename "$BRIEF")
(cd "$TMP/odd" && $BRIEF_WRAP "$BRIEF_ABS" --dump -- --notes --format) \
	>"$TMP/out" 2>"$TMP/err"
RC=$? ERR=$(cat "$TMP/err")
expect_rc "--dump -- --notes --format: exit 0" 0
expect_out "--dump -- --notes --format: --notes is a file" "file: '--notes'"
expect_out "--dump -- --notes --format: --format is a file" "file: '--format'"
run --dump -- "$TMP/missing-file" --as
expect_rc "--dump -- F --as: exit 2" 2
expect_err "--dump -- F --as: F read as a file" "missing-file"
run --dump -- --as
expect_rc "--dump -- --as: exit 2 (no such file)" 2
expect_err "--dump -- --as: --as is a file name" "brief: --as: No such file"

# an option that does not go with the mode: each mode once
run "$A" "$B" --format yaml
expect_refused "reader with --format" "brief: --format: not used with the reader (it goes with --compare, --corrections, --search, --entity)"
run --dump "$A" --lexicon data/lexicon.yaml
expect_refused "--dump with --lexicon" "brief: --lexicon: not used with --dump"
run --mentions "$A" --notes "$NOTES"
expect_refused "--mentions with --notes" "brief: --notes: not used with --mentions"
run --entities --format yaml "$A"
expect_refused "--entities with --format" "brief: --format: not used with --entities (it goes with --compare, --corrections, --search, --entity)"
run --aliases --rules data/rules.yaml
expect_refused "--aliases with --rules" "brief: --rules: not used with --aliases"
run --export-notes yaml "$A" --notes "$NOTES" --theme light
expect_refused "--export-notes with --theme" "brief: --theme: not used with --export-notes (it goes with the reader)"
cp "$NOTES" "$TMP/add2.yaml"
run --add-note T --at "military spy satellites" --notes "$TMP/add2.yaml" --highlight-rules data/highlight.yaml "$A"
expect_refused "--add-note with --highlight-rules" "brief: --highlight-rules: not used with --add-note"
if cmp -s "$NOTES" "$TMP/add2.yaml"; then
	ok "--add-note refused: the notes file unchanged"
else
	not_ok "--add-note refused: the notes file unchanged" "$(diff "$NOTES" "$TMP/add2.yaml" | head -5)"
fi
run --compare "$A" "$B" --notes "$NOTES"
expect_refused "--compare with --notes" "brief: --notes: not used with --compare (it goes with the reader, --export-notes, --add-note, --briefing, --import-notes, --add)"
run --briefing "$A" "$B" --at Kim
expect_refused "--briefing with --at" "brief: --at: not used with --briefing (it goes with --add-note)"
run --briefing "$A" "$B" --format markdown
expect_refused "--briefing with --format" "brief: --format: not used with --briefing"

# two modes, and a file for a mode that reads none
run --compare --entities "$A" "$B"
expect_refused "--compare and --entities" "brief: --compare: not used with --entities (one mode at a time)"
run --dump "$A" --mentions
expect_refused "--dump and --mentions" "not used with"
run --aliases "$A"
expect_refused "--aliases with a file" "brief: --aliases: takes no FILE|DIR, not '$A'"
prun --entities "$A" --format yaml
expect_refused "POSIXLY_CORRECT: --entities A --format yaml" "brief: --format: not used with --entities"

# an option's value missing at the end, and a value for an option that
# takes none
run --dump "$A" --notes
expect_refused "A --notes (no value)" "brief: --notes needs a value"
run --compare "$A" "$B" --format
expect_refused "--compare A B --format (no value)" "brief: --format needs a value"
run --dump=yes "$A"
expect_refused "--dump=yes" "brief: --dump=yes takes no value"

# the man page and the README list the same table as --help
run --help
sed -n '/^Which options go with which mode/,/^$/p' "$TMP/out" | sed -n '3,$p' |
	sed '/^$/d' >"$TMP/help-table"
sed 's/\\-/-/g' doc/brief.1 >"$TMP/man"
sed -n 's/^    //p' README.md >"$TMP/readme"
for doc in man readme; do
	text=$TMP/man
	[ $doc = man ] || text=README.md
	missing=
	while IFS= read -r line; do
		grep -qxF -- "$line" "$TMP/$doc" || missing="$missing|$line"
	done <"$TMP/help-table"
	if [ ! -s "$TMP/help-table" ]; then
		not_ok "$doc: the mode table of --help" "no table in --help"
	elif [ -n "$missing" ]; then
		not_ok "$doc: the mode table of --help" "missing: $missing"
	else
		ok "$doc: the mode table of --help"
	fi
	if grep -qF "Options may come before, between or after the files" "$text"; then
		ok "$doc: options may come anywhere"
	else
		not_ok "$doc: options may come anywhere"
	fi
done

finish

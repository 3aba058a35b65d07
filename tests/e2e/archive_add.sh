# The setting archive_add (issue 23): the files the reader opens go into
# the archive in idle time, after the first screen; an --add of the same
# files afterwards finds them unchanged.  Off (the default), the reader
# writes no archive.
. tests/e2e/lib.sh

mkdir "$TMP/in"
cp articles/000_b6812c9593b6cfb0.txt "$TMP/in/a.txt"
cp tests/eval/black-sea-drones.txt "$TMP/in/c.txt"
E2E_DIR=$TMP/in
case $BRIEF in /*) brief_abs=$BRIEF ;; *) brief_abs=$PWD/$BRIEF ;; esac
cfg="$XDG_CONFIG_HOME/brief/config"
cp "$cfg" "$TMP/config.base"

# 0. off: the reader, indexed and idle, makes no archive
start 120 30 a.txt c.txt
check "reader open (archive_add off)" "North Korean leader Kim Jong Un has recently"
gate
keys x
check "the index is ready" "Kim Jong Un"
keys Escape
quit_ok "quit (archive_add off)"
ungate
if [ -e "$XDG_DATA_HOME/brief/archive.db" ]; then not_ok "archive_add off: no archive made" "$(ls -R "$XDG_DATA_HOME")"
else ok "archive_add off: no archive made"; fi

# 1. on: both files end up in the archive the setting archive names
{ cat "$TMP/config.base"; printf 'set archive_add = on\nset archive = %s\n' "$TMP/team.db"; } >"$cfg"
start 120 30 a.txt c.txt
check "reader open (archive_add on)" "North Korean leader Kim Jong Un has recently"
gate
# (not there yet, or made and not yet filled: exit 2, so poll again)
searched() {
	"$brief_abs" --archive "$TMP/team.db" --search 'entity:"Kim Jong Un" OR drones' --format tsv \
		>"$TMP/hits" 2>"$TMP/search.err" && [ "$(wc -l <"$TMP/hits")" -eq 2 ] || return 1
}
# the reader adds one open file per idle turn (a second apart once the
# index is ready), each with its own highlighting and transaction: give
# it the longer deadline of a slow step
if poll "$((DEADLINE * 3))" searched; then ok "the open files are in the archive"
else not_ok "the open files are in the archive" "hits: $(cat "$TMP/hits")" "search: $(cat "$TMP/search.err")" "$(screen | tail -2)"; fi
ungate
check_line "the reader still takes keys" "North Korean leader Kim Jong Un"
keys j
quit_ok "quit (archive_add on)"
(cd "$TMP/in" && "$brief_abs" --archive "$TMP/team.db" --add a.txt c.txt) >"$TMP/add.out" 2>&1
expect_eq "--add afterwards finds them unchanged" "$(cat "$TMP/add.out")" \
	"0 added, 0 updated, 2 unchanged, 0 removed"
"$brief_abs" --archive "$TMP/team.db" --search 'entity:"Kim Jong Un" OR drones' \
	--format tsv >"$TMP/hits" 2>"$TMP/search.err"
cut -f1 "$TMP/hits" | sed 's|.*/||' | sort >"$TMP/names"
expect_eq "the archive names the files" "$(cat "$TMP/names" | tr '\n' ' ')" "a.txt c.txt "

finish

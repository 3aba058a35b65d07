# The archive in the reader (issue 23): an archive made by brief --add on
# three reports, then S and a query lists the hits (a query's error on the
# status line), Enter opens a hit in the focused pane at its passage, ]
# past the last mention of an entity in the open reports offers the
# archive's other reports and Enter lists them, X shows the entity across
# the archive (from the reader and from the x list); without an archive S
# says so.
. tests/e2e/lib.sh

mkdir "$TMP/in"
cp articles/000_b6812c9593b6cfb0.txt "$TMP/in/a.txt"
cp articles/001_ac23be4cfe9d2cdd.txt "$TMP/in/b.txt"
cp tests/eval/black-sea-drones.txt "$TMP/in/c.txt"
E2E_DIR=$TMP/in
case $BRIEF in /*) brief_abs=$BRIEF ;; *) brief_abs=$PWD/$BRIEF ;; esac

# 0. no archive yet: S says how to make one
start 120 30 a.txt
check "reader open" "North Korean leader Kim Jong Un has recently"
gate
keys S
ungate
check "S without an archive says so" "no archive:"
check "... and how to make one" "brief --add FILE"
quit_ok "quit without an archive"

# the archive, in $XDG_DATA_HOME/brief/archive.db (the default)
(cd "$TMP/in" && $BRIEF_WRAP "$brief_abs" --add a.txt b.txt c.txt) \
	>"$TMP/add.out" 2>&1
expect_eq "--add made the archive" "$(cat "$TMP/add.out")" \
	"3 added, 0 updated, 0 unchanged, 0 removed"
# what the batch search says the archive holds for Kim Jong Un
KIM=$(cd "$TMP/in" && $BRIEF_WRAP "$brief_abs" --search 'entity:"Kim Jong Un"' \
	--format tsv | wc -l)
expect_eq "two reports name Kim Jong Un" "$KIM" 2

# 1. S, a query, the hits; Enter opens one
start 120 30 a.txt
check "reader open again" "North Korean leader Kim Jong Un has recently"
gate
keys S
ungate
check "S opens the archive's search line" "search the archive:"
type_text '"abc'
keys Enter
check "a query's error on the status line" "query: a quote is not closed"
keys S
type_text 'drones source:Associated'
keys Enter
check "the hits as a list, with the query" "archive: drones source:Associated — 1 report"
check_line "a hit: title, source and snippet" "Ukrainian sea drones hit.*The Associated Pr.*drones"
check_gone "the hits of other sources left out" "Canadian Press"
keys Enter
check "Enter opens the hit in the focused pane" "opened c.txt"
check_line "... its text shown" "Ukrainian sea drones hit Russian missile ship"
check_line "... the status line names it" "^ A c.txt"
check_line "a.txt goes to the other pane" "B North Korean leader Kim Jong Un"

# 2. ] past the last mention goes on into the archive
keys Tab
check_line "focus on a.txt" "^ B a.txt"
keys e
check "e selects Kim Jong Un" "Kim Jong Un: 0 in A, 8 in B"
keys 9 9 ]
check "] past the last mention offers the archive" "1 more report in the archive: Enter to list"
keys Enter
check "Enter lists the other reports" "archive: entity:\"Kim Jong Un\" — 1 more report"
check_line "b.txt, the one not open" "North Korean leader Kim Jong Un has pledged"
check_gone "a.txt, open, is left out" "has recently emphasized the importance …"
keys Enter
check "Enter opens it" "opened b.txt"
check "at its first mention, selected (b.txt in B)" "Kim Jong Un: 0 in A, 12 in B"

# 3. X: the entity across the archive
keys X
check "X: the entity across the archive" "Kim Jong Un (actor) in the archive — 20 mentions in 2 reports"
check_line "by month" "^ *2024-01 +8 +▇"
check_line "by source" "The Canadian Press +12 +▇"
check_line "in the same sentence" "Donald Trump \\(actor\\) +5 +▇"
check "figures in its sentences" "figures in its sentences"
keys Down Down Enter
check "Enter on a source lists its reports" "archive: entity:\"Kim Jong Un\" source:\"The Canadian Press\" — 1 report"
keys Escape
check_gone "Esc closes the list" "source:\"The Canadian Press\""
keys X Down Down Down Enter
check "Enter on no source: every report of the entity" "archive: entity:\"Kim Jong Un\" — 2 reports"
check_line "... a.txt among them, with its date" "2024-01-01 +North Korean leader.*has recently"
keys Escape
keys x
check "x lists the mentions" "Kim Jong Un — 0 mentions in A, 12 in B"
keys X
check "X in the x list: the entity across the archive" "Kim Jong Un (actor) in the archive"
keys q
quit_ok "quit"
finish

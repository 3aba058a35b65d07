# The reader's lists across all loaded reports, with the mouse, at any
# width (issue 20): i counts every loaded report (A, B, all) and lists the
# reports naming an entity; o gives date, source and file and filters as
# one types; the wheel scrolls the list or the pane under the pointer; a
# click selects a row, a click on the selected row opens it; at 60
# columns the c and i lists keep their count columns.
. tests/e2e/lib.sh

# ten reports, by short relative names
mkdir "$TMP/lib"
cp articles/*.txt "$TMP/lib/"
for f in analysis-north-korea-russia korea-arms north-korea-icbm-parade \
	afghanistan-pakistan-border arctic-northern-fleet armenia-azerbaijan \
	arms-sale aukus-submarines; do
	cp "tests/eval/$f.txt" "$TMP/lib/"
done
E2E_DIR=$TMP
set -- $(cd "$TMP" && ls lib/*.txt)
expect_eq "ten reports" "$#" 10
A=lib/000_b6812c9593b6cfb0.txt
OTHER=lib/analysis-north-korea-russia.txt

# The counts the batch mode gives (--entities: a column per report), to
# compare with the reader's: COUNTS NAME -> "A B all reports"
case $BRIEF in /*) brief_abs=$BRIEF ;; *) brief_abs=$PWD/$BRIEF ;; esac
(cd "$TMP" && $BRIEF_WRAP "$brief_abs" --entities "$@") >"$TMP/entities"
counts() {
	awk -F'\t' -v n="$1" '$2 == n { t = 0; r = 0
		for (i = 3; i <= NF; i++) { t += $i; r += $i > 0 }
		print $3, $4, t, r }' "$TMP/entities"
}
set -- $(counts "Kim Jong Un")
KA=$1 KB=$2 KALL=$3 KREP=$4
expect_eq "the batch counts Kim Jong Un beyond A and B" \
	"$([ "$KALL" -gt $((KA + KB)) ] && echo more)" more
set -- $(counts "Norway")
NA=$1 NB=$2 NALL=$3
expect_eq "Norway is in one other report only" "$NA $NB $([ "$NALL" -gt 0 ] && echo some) $4" "0 0 some 1"
set -- $(cd "$TMP" && ls lib/*.txt)

# 1. i over every loaded report
start 120 40 "$@"
check "reader open" "North Korean leader Kim Jong Un has recently"
gate
keys i
ungate
check "i counts over all loaded reports" "mentions in A, in B and in all 10 loaded reports"
check_line "i has a column per shown report and a total" "category +entity +A +B +all"
check_line "Kim Jong Un: A, B and all as the batch counts" "actor +Kim Jong Un +$KA +$KB +$KALL( |$)"
check_line "Norway, in neither shown report, is listed" "actor +Norway +0 +0 +$NALL( |$)"
type_text "Kim Jong"
keys Enter
check "Enter lists the reports naming it" "Kim Jong Un — $KALL mentions in $KREP of 10 reports"
check_line "with A's count and file" "A +$KA +North Korean leader Kim Jong Un has recently.* $A"
check_line "and another report's" " +[0-9]+ +Shells for a Treaty.* $OTHER"
keys Escape
check "Esc goes back to the entities, filter kept" "filter: Kim Jong"
keys Enter
check "Enter again" "mentions in $KREP of 10 reports"
keys Down Down Enter
check_line "Enter opens the report in the focused pane" "^ A $OTHER "
check_line "at a mention of the entity" "Kim Jong Un: [0-9]+ in A"
# an entity one report alone names: Enter opens it at once
keys i
check "i again" "mentions in A, in B"
type_text "Norway"
keys Enter
check_line "Norway's one report opened at once" "^ A lib/arctic-northern-fleet.txt .*Norway: $NALL in A"
quit_ok "quit after the index"

# 2. o: date, source, file; filters as one types
start 120 40 "$@"
check "reader open for o" "North Korean leader Kim Jong Un has recently"
keys o
check_line "o has date, source, title and file columns" "date +source +title +file"
check_line "a row: date, source, title, file" "\* 2024-01-01 unknown source +North Korean leader Kim Jong Un has recently.* $A"
type_text "arctic"
check_line "typing filters" "no date +Reuters +Norway scrambles.* lib/arctic-northern-fleet.txt"
check_gone "the others are filtered out" "lib/korea-arms.txt"
keys Enter
check_line "Enter shows it in the focused pane" "^ A lib/arctic-northern-fleet.txt "
quit_ok "quit after o"

# o at 60 columns: titles shortened, every file name whole
start 60 24 "$@"
check "reader open at 60 columns" "North Korean leader"
keys o
check "o at 60: a file name whole" "$A"
check "o at 60: another" "lib/armenia-azerbaijan.txt"
check_line "o at 60: the title cut before the file" "… lib/korea-arms.txt"
keys Escape
quit_ok "quit after o at 60"

# 3. the mouse (X10 reports: ESC [ M, button+32, column+33, row+33)
mouse() { # BUTTON COL ROW (0-based)
	tmux -L "$SOCK" send-keys -H 1b 5b 4d "$(printf '%x' $(($1 + 32)))" \
		"$(printf '%x' $(($2 + 33)))" "$(printf '%x' $(($3 + 33)))"
}
start 120 40 "$@"
check "reader open for the mouse" "│B North Korean leader Kim Jong Un has pledged"
# the wheel over B scrolls B, not the focused A
mouse 65 100 10
check_gone "wheel over B scrolls B" "│▌ North Korean leader Kim Jong Un has pledged"
check "A did not move" "▌ North Korean leader Kim Jong Un has recently"
check_line "A keeps the focus" "^ A $A "
keys i
check "index open for the mouse" "category  entity"
# the entity on the fourth row of the list (screen row 5)
name=$(screen | sed -n 6p | sed -E 's/.*(actor|weapon) +//; s/ {2,}.*//')
[ -n "$name" ] && ok "a name on row 5: $name" || not_ok "a name on row 5" "$(screen)"
mouse 0 20 5
mouse 3 20 5
check "a click selects a row: the reader stays" "category  entity"
mouse 0 20 5
mouse 3 20 5
check "a click on the selected row opens it" "$name — "
keys Escape
check "back in the index" "category  entity"
# the wheel over the list scrolls the list, not the text behind
mouse 65 20 10
check_gone "wheel scrolls the list" "category  entity"
check_line "not the text" "^ A $A +§1–"
keys Escape
check_gone "index closed" "mentions in A, in B"
# o with the mouse: a click on a row, another on it opens the report
keys o
check "picker open for the mouse" "date       source"
row=$(screen | grep -n "lib/korea-arms.txt" | head -1 | cut -d: -f1)
mouse 0 20 $((row - 1))
mouse 3 20 $((row - 1))
mouse 0 20 $((row - 1))
mouse 3 20 $((row - 1))
check_line "two clicks open the report" "^ A lib/korea-arms.txt "
quit_ok "quit after the mouse"

# 4. 60 columns: c and i keep their counts, names shortened
start 60 24 "$@"
check "reader open at 60" "North Korean leader"
keys c
check_line "c at 60: counts after a name" "actor +both +Kim Jong Un +$KA +$KB"
check_line "c at 60: the prominence flag stays" "[0-9]+ +[0-9]+  ⚑ more in [AB]"
check_line "c at 60: a long name cut, its counts kept" "… +[0-9]+ +[0-9]+"
keys Escape
keys i
check_line "i at 60: Kim's three counts" "Kim Jong Un +$KA +$KB +$KALL"
check_line "i at 60: a long name cut, its counts kept" "actor +[^ ].*… +[0-9]+ +[0-9]+ +[0-9]+"
keys Escape
quit_ok "quit at 60"
finish

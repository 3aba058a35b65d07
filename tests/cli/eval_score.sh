# tests/eval/score.sh: the marks' evaluation keeps its three overall lines
# first, then prints a table per genre (the genre is the name up to the
# first '-', wire for a name without a known genre); EVAL_DIR points it
# at another folder.  A made-up brief (a script printing a text's .mentions
# in the shape of --mentions) gives exact counts; the real brief must give
# the same lines with numbers.
. tests/cli/lib.sh
case $BRIEF in /*) ;; *) BRIEF=$PWD/$BRIEF ;; esac
FIX=tests/fixtures/eval
SCORE=tests/eval/score.sh
# score BINARY: run the scorer on the fixtures with BRIEF=BINARY; sets RC
score() {
	EVAL_DIR=$FIX BRIEF=$1 sh "$SCORE" >"$TMP/out" 2>"$TMP/err"
	RC=$?
	ERR=$(cat "$TMP/err")
}
# line N: line N of the scorer's output
line() { sed -n "$1p" "$TMP/out"; }

# brief itself runs on both fixtures
run --mentions "$FIX/letter-nato-tanks.txt" "$FIX/kosovo-patrol.txt"
expect_rc "brief reads the fixtures" 0
gate
expect_out "brief marks NATO" "NATO"

score "$BRIEF"
expect_rc "the scorer runs on the fixtures" 0
num='[0-9][0-9.]*%'
for c in actor weapon figure; do
	if grep -q "^$c *recall *$num *precision *$num" "$TMP/out"; then
		ok "real brief: the overall $c line"
	else
		not_ok "real brief: the overall $c line" "$(cat "$TMP/out")" "stderr: $ERR"
	fi
done
for g in letter wire; do
	if grep -q "^$g  *1  *$num" "$TMP/out"; then ok "real brief: a $g line, one text"
	else not_ok "real brief: a $g line, one text" "$(cat "$TMP/out")"; fi
done
ungate

# a made-up brief: the marks of FILE are FILE's .mentions
cat >"$TMP/fake" <<'FAKE'
#!/bin/sh
awk -F'\t' -v f="$2" '{ printf "%s\t1\t0\t1\t%s\t%s\t%s\n", f, $1, $2, $2 }' "${2%.txt}.mentions"
FAKE
chmod +x "$TMP/fake"
score "$TMP/fake"
expect_rc "the scorer runs on the made-up brief" 0
expect_eq "the overall actor line comes first, unchanged in shape" "$(line 1)" \
	"actor   recall  75.0%  precision  75.0%  (3 found, 1 wrong, 1 missed)"
expect_eq "the overall weapon line is second" "$(line 2)" \
	"weapon  recall 100.0%  precision 100.0%  (1 found, 0 wrong, 0 missed)"
expect_eq "the overall figure line is third" "$(line 3)" \
	"figure  recall  66.7%  precision 100.0%  (2 found, 0 wrong, 1 missed)"
expect_eq "a blank line, then the table's header" "$(line 4)/$(line 5)" \
	"/genre      texts  actor R / P      weapon R / P     figure R / P"
expect_eq "the letter: one actor missed and one wrong" "$(line 6)" \
	"letter         1   50.0%  50.0%  100.0% 100.0%  100.0% 100.0%"
expect_eq "a name without a known genre counts as wire; no weapon: dashes" "$(line 7)" \
	"wire           1  100.0% 100.0%      -     -   50.0% 100.0%"
expect_eq "nothing after the table" "$(sed -n '8,$p' "$TMP/out")" ""

# names chosen on the command line are looked up in EVAL_DIR too
EVAL_DIR=$FIX BRIEF=$TMP/fake sh "$SCORE" kosovo-patrol >"$TMP/out" 2>"$TMP/err"
expect_eq "one text named: only its genre in the table" \
	"$(sed -n '6,$p' "$TMP/out")" \
	"wire           1  100.0% 100.0%      -     -   50.0% 100.0%"
finish

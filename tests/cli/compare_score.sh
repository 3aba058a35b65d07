# tests/eval/compare-score.sh: the comparison's evaluation prints its five
# measures with numbers on a pair, scores a made-up output of brief as
# its header says (counts checked exactly, both shapes of quotes), and
# fails loudly (status 2) when brief does not run or its output cannot be
# read.
. tests/cli/lib.sh
case $BRIEF in /*) ;; *) BRIEF=$PWD/$BRIEF ;; esac
PAIR=tests/eval/compare/korea-artillery-drill
SCORE=tests/eval/compare-score.sh
# score BINARY ARGS...: run the scorer with BRIEF=BINARY; sets RC, ERR
score() {
	score_bin=$1
	shift
	BRIEF=$score_bin sh "$SCORE" "$@" >"$TMP/out" 2>"$TMP/err"
	RC=$?
	ERR=$(cat "$TMP/err")
}

# brief itself runs on the pair
run --compare --format yaml "$PAIR/a.txt" "$PAIR/b.txt"
expect_rc "brief compares the pair" 0
gate
expect_out "brief lists the reports" "reports:"

# the scorer on the real brief: five measures, each with numbers
score "$BRIEF" korea-artillery-drill
expect_rc "the scorer runs on one pair" 0
expect_out "it counts one pair" "pairs: 1"
num='[0-9][0-9.]*%'
numd="\\($num\\|-\\)"
for m in "figures aligned *recall *$num *precision *$numd" \
	"disagreements *recall *$num *precision *$numd" \
	"quotes, speaker *right *$num" \
	"report dates *right *$num" \
	"entities in both *recall *$num *precision *$numd"; do
	if grep -q "^$m" "$TMP/out"; then ok "prints: ${m%% \**}"; else
		not_ok "prints: ${m%% \**}" "$(cat "$TMP/out")" "stderr: $ERR"; fi
done
ungate

# a made-up output of brief for the same pair, in today's shape of
# figures and the new shape of quotes
cat >"$TMP/fake.yaml" <<'EOF'
reports:
- {file: a.txt, title: 'x', date: '2024-03-14', source: null}
- {file: b.txt, title: 'y', date: null, source: null}
entities:
- {entity: 'North Korea', category: actor, a: 1, b: 2, in: both}
- {entity: 'The Joint Chiefs of Staff', category: actor, a: 1, b: 1, in: both}
- {entity: 'Northern Limit Line', category: actor, a: 1, b: 1, in: both}
- {entity: 'artillery', category: weapon, a: 2, b: 3, in: both}
- {entity: 'South Korea', category: actor, a: 4, b: 0, in: a}
figures:
- {counts: shells, unit: null, a: [{text: 'about 200', value: '200', section: 1}], b: [{text: 'nearly 200', value: '200', section: 1}], disagree: false}
- {counts: rounds, unit: null, a: [{text: 'roughly 400', value: '400', section: 2}], b: [{text: 'about 300', value: '300', section: 2}], disagree: true}
- {counts: residents, unit: null, a: [{text: 'About 2,000', value: '2000', section: 4}], b: [{text: 'roughly two thousand', value: '2000', section: 4}], disagree: false}
- {counts: troops, unit: null, a: [{text: 'some 28,000', value: '28000', section: 5}], b: [{text: '120,000', value: '120000', section: 5}], disagree: true}
- {counts: islands, unit: null, a: [{text: 'two', value: '2', section: 1}], b: [], disagree: false}
quotes:
- {text: 'We will respond firmly to any provocation,', speaker: 'Defense Ministry', reports: [a, b]}
- {text: 'punish the enemy immediately, strongly and to the end.', speaker: 'Shin Won-sik', reports: [a]}
- {text: 'the most hostile state', speaker: 'Kim Jong Un', reports: [b]}
EOF
printf '#!/bin/sh\ncat "%s"\n' "$TMP/fake.yaml" >"$TMP/fake-brief"
chmod +x "$TMP/fake-brief"
score "$TMP/fake-brief" -v korea-artillery-drill
expect_rc "the scorer reads a made-up output" 0
# 2,000 is not inside 120,000; 28,000 / 20,000 is neither aligned nor
# flagged; "The Joint Chiefs of Staff" is the JCS; the Northern Limit
# Line is judged wrong in both, artillery is not judged
expect_out "figures aligned counted" \
	"figures aligned   recall  75.0%  precision  75.0%  (3 of 4 expected pairs; 3 of 4 of brief's pairs right)"
expect_out "disagreements counted" \
	"disagreements     recall  50.0%  precision  50.0%  (1 of 2 expected flagged; 1 of 2 of brief's flags right)"
expect_out "quotes counted per report" \
	"quotes, speaker   right   75.0%  (3 of 4 expected quotes; 4 found with any speaker)"
expect_out "dates counted (null is not a date)" \
	"report dates      right   50.0%  (1 of 2)"
expect_out "entities counted" \
	"entities in both  recall  28.6%  precision  66.7%  (2 of 7 expected; 2 of 3 judged of brief's right)"
expect_err "-v names the missed alignment" \
	"korea-artillery-drill: missed alignment 28,000 / 20,000 (troops moved)"
expect_err "-v names the wrong flag" \
	"korea-artillery-drill: wrong disagreement some 28,000 / 120,000"
expect_err "-v names the wrong speaker" \
	"korea-artillery-drill: wrong speaker in b for \"the most hostile state\": Kim Jong Un"
expect_err "-v names the wrong date" \
	"korea-artillery-drill: wrong date of b: ~ (wanted 2024-03-13)"
expect_err "-v names the entity wrongly in both" \
	"korea-artillery-drill: wrong entity in both: Northern Limit Line"

# the same quotes in main's older shape {speaker, report, quote}
sed '/^quotes:/,$d' "$TMP/fake.yaml" >"$TMP/fake2.yaml"
cat >>"$TMP/fake2.yaml" <<'EOF'
quotes:
- {speaker: 'Defense Ministry', report: a, quote: 'We will respond firmly to any provocation,', section: 2}
- {speaker: 'unattributed', report: b, quote: 'We will respond firmly to any provocation,', section: 2}
- {speaker: 'Shin', report: a, quote: 'punish the enemy immediately', section: 5}
EOF
cp "$TMP/fake2.yaml" "$TMP/fake.yaml"
score "$TMP/fake-brief" korea-artillery-drill
expect_rc "the scorer reads the older shape of quotes" 0
expect_out "older shape counted" \
	"quotes, speaker   right   50.0%  (2 of 4 expected quotes; 3 found with any speaker)"

# loud failures: no brief, output that is not YAML, YAML without reports
score "$TMP/no-such-brief" korea-artillery-drill
expect_rc "a brief that does not run: status 2" 2
expect_err "and says so" "failed on korea-artillery-drill"
printf 'figures: [unclosed\n' >"$TMP/fake.yaml"
score "$TMP/fake-brief" korea-artillery-drill
expect_rc "output that is not YAML: status 2" 2
expect_err "and says so" "cannot read brief's output on korea-artillery-drill"
printf 'hello: 1\n' >"$TMP/fake.yaml"
score "$TMP/fake-brief" korea-artillery-drill
expect_rc "YAML without the reports: status 2" 2
score "$TMP/fake-brief" no-such-pair
expect_rc "an unknown pair: status 2" 2
finish

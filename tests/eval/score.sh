#!/bin/sh
# Precision and recall of brief's marks against the marks an analyst made
# on articles brief has never seen (tests/eval/*.txt with *.expected:
# category TAB text, one line per mark).  A brief mark matches an
# expected one of the same category with the same text, or else when one
# text contains the other.
# An evaluation, not a test: it prints the figures.
#
#   score.sh [-v] [NAME...]   NAME: an article's name without .txt
#                             (all of them when none); -v also lists
#                             what is missed and what is wrong
cd "$(dirname "$0")/../.." || exit 2
B=${BRIEF:-./brief}
verbose=0
if [ "$1" = "-v" ]; then
	verbose=1
	shift
fi
files=
if [ $# -eq 0 ]; then
	files=$(ls tests/eval/*.txt)
else
	for n in "$@"; do files="$files tests/eval/$n.txt"; done
fi
tmp=${TMPDIR:-/tmp}/brief-eval.$$
for cat in actor weapon figure; do
	tp=0
	fp=0
	fn=0
	for f in $files; do
		exp="${f%.txt}.expected"
		"$B" --mentions "$f" | awk -F'\t' -v c="$cat" '$5 == c { print $7 }' >"$tmp.got"
		awk -F'\t' -v c="$cat" '$1 == c { print $2 }' "$exp" >"$tmp.exp"
		set -- $(awk -v v="$verbose" -v c="$cat" -v f="$f" '
			FILENAME == ARGV[1] { got[++n] = $0; next }
			{ want[FNR] = $0; m = FNR }
			END {
				# the same text first, then one inside the other
				for (i = 1; i <= m; i++)
					for (j = 1; j <= n; j++)
						if (!used[j] && got[j] == want[i]) {
							used[j] = 1; done[i] = 1; hit++; break
						}
				for (i = 1; i <= m; i++) {
					if (done[i])
						continue
					for (j = 1; j <= n; j++)
						if (!used[j] && (index(got[j], want[i]) || index(want[i], got[j]))) {
							used[j] = 1; hit++; break
						}
					if (j > n && v)
						printf "missed %s %s: %s\n", c, f, want[i] > "/dev/stderr"
				}
				for (j = 1; j <= n && v; j++)
					if (!used[j])
						printf "wrong  %s %s: %s\n", c, f, got[j] > "/dev/stderr"
				print hit + 0, n - hit, m - hit
			}' "$tmp.got" "$tmp.exp")
		tp=$((tp + $1))
		fp=$((fp + $2))
		fn=$((fn + $3))
	done
	awk -v c="$cat" -v tp=$tp -v fp=$fp -v fn=$fn 'BEGIN {
		printf "%-7s recall %5.1f%%  precision %5.1f%%  (%d found, %d wrong, %d missed)\n",
			c, 100 * tp / (tp + fn), 100 * tp / (tp + fp), tp, fp, fn }'
done
rm -f "$tmp.got" "$tmp.exp"

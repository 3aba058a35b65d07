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
# The overall lines come first; a table per genre follows.  A text's
# genre is its name up to the first '-' when that is a known genre
# (transcript, order, factsheet, letter, statement, readout, analysis,
# briefing, newsletter, wire); any other text counts as wire copy.
# EVAL_DIR=DIR scores the texts of DIR instead of tests/eval.
dir=${EVAL_DIR:-tests/eval}
case $dir in
/*) ;;
*) [ -n "$EVAL_DIR" ] && dir=$PWD/$dir ;;
esac
cd "$(dirname "$0")/../.." || exit 2
B=${BRIEF:-./brief}
verbose=0
if [ "$1" = "-v" ]; then
	verbose=1
	shift
fi
files=
if [ $# -eq 0 ]; then
	files=$(ls "$dir"/*.txt)
else
	for n in "$@"; do files="$files $dir/$n.txt"; done
fi
tmp=${TMPDIR:-/tmp}/brief-eval.$$
: >"$tmp.rows"
for cat in actor weapon figure; do
	tp=0
	fp=0
	fn=0
	for f in $files; do
		exp="${f%.txt}.expected"
		# a mark across a line break ("February\n5, 2024" in --mentions)
		# is the analyst's "February 5, 2024": one space for the break
		"$B" --mentions "$f" | awk -F'\t' -v c="$cat" '$5 == c { t = $7; gsub(/\\n[ \t]*/, " ", t); print t }' >"$tmp.got"
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
		g=${f##*/}
		g=${g%%-*}
		case $g in
		transcript|order|factsheet|letter|statement|readout|analysis|briefing|newsletter|wire) ;;
		*) g=wire ;;
		esac
		echo "$g $cat $1 $2 $3" >>"$tmp.rows"
		tp=$((tp + $1))
		fp=$((fp + $2))
		fn=$((fn + $3))
	done
	awk -v c="$cat" -v tp=$tp -v fp=$fp -v fn=$fn 'BEGIN {
		printf "%-7s recall %5.1f%%  precision %5.1f%%  (%d found, %d wrong, %d missed)\n",
			c, 100 * tp / (tp + fn), 100 * tp / (tp + fp), tp, fp, fn }'
done
# per genre: texts, then recall and precision of each category
awk '
	function pct(a, b) { return b ? sprintf("%5.1f%%", 100 * a / b) : "    -" }
	{
		if (!($1 in seen)) { seen[$1] = 1; order[++ng] = $1 }
		tp[$1, $2] += $3; fp[$1, $2] += $4; fn[$1, $2] += $5
		if ($2 == "actor") texts[$1]++
	}
	END {
		for (i = 2; i <= ng; i++)	# by name
			for (j = i; j > 1 && order[j - 1] > order[j]; j--) {
				t = order[j]; order[j] = order[j - 1]; order[j - 1] = t
			}
		printf "\n%-10s %5s  %-15s  %-15s  %s\n", "genre", "texts",
			"actor R / P", "weapon R / P", "figure R / P"
		for (i = 1; i <= ng; i++) {
			g = order[i]
			printf "%-10s %5d", g, texts[g]
			for (c = 1; c <= 3; c++) {
				k = c == 1 ? "actor" : c == 2 ? "weapon" : "figure"
				printf "  %s %s", pct(tp[g, k], tp[g, k] + fn[g, k]),
					pct(tp[g, k], tp[g, k] + fp[g, k])
			}
			printf "\n"
		}
	}' "$tmp.rows"
rm -f "$tmp.got" "$tmp.exp" "$tmp.rows"

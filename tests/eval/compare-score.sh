#!/bin/sh
# How well brief's comparison agrees with an analyst's answers on pairs of
# reports about one event (tests/eval/compare/NAME/{a.txt,b.txt,
# expected.yaml}; see tests/eval/compare/SOURCES.md).  For each pair it
# runs `brief --compare --format yaml a.txt b.txt` and prints, over the
# set:
#   figures aligned    recall: an expected pair (a, b) is aligned when one
#                      of brief's figure groups holds a figure of a that
#                      matches a and a figure of b that matches b;
#                      precision: brief's pairs are the distinct (text of
#                      a, text of b) of each group's a x b; a pair is right
#                      when it matches an expected aligned pair
#   disagreements      recall: an expected disagreement is flagged when a
#                      group with disagree: true holds it (as above);
#                      precision: each group with disagree: true and
#                      figures on both sides is right when it holds an
#                      expected disagreement
#   quotes, speaker    for each expected quote and each report it is in:
#                      brief lists, for that report, a quote whose text
#                      holds the expected text and whose speaker is one of
#                      the expected forms (or holds one as whole words);
#                      both shapes of brief's quotes are read ({text,
#                      speaker, reports: [a, b]} and {speaker, report,
#                      quote})
#   report dates       each report's date (first ten characters) is the
#                      expected one; an expected null wants none
#   entities in both   recall: an expected entity (any of its forms) is
#                      an entity brief says is in both; precision, over
#                      the judged entities only: of brief's `in: both`
#                      entities that name an entity of the answers' both
#                      or not_both lists, the share that are in both
#                      (brief's other `in: both` entities are not judged)
# A figure's expected text matches brief's figure text when it occurs in
# it as a whole (not inside a longer number or word: "2,000" is in
# "about 2,000", not in "12,000").  Text is compared without case, with
# curly quotes as straight ones and runs of spaces as one; an entity's
# name also without a leading "the ".  Forms separated by | are
# alternatives.
#
# An evaluation, not a test: it prints the figures and exits 0; it exits
# 2 when brief does not run or its output cannot be read.
#
#   compare-score.sh [-v] [NAME...]   NAME: a pair's folder (all of them
#                                     when none); -v also lists, per
#                                     pair, what is missed and what is
#                                     wrong (on standard error)
# BRIEF=path overrides the binary (./brief); YFLAT the YAML flattener
# (build/tools/yflat, made with make when missing).
# BRIEF and YFLAT given as relative paths are taken from where the
# script was started
here=$PWD
B=${BRIEF:-}
Y=${YFLAT:-}
case $B in ""|/*) ;; */*) B=$here/$B ;; esac
case $Y in ""|/*) ;; */*) Y=$here/$Y ;; esac
cd "$(dirname "$0")/../.." || exit 2
B=${B:-./brief}
Y=${Y:-build/tools/yflat}
verbose=0
if [ "$1" = "-v" ]; then
	verbose=1
	shift
fi
if [ ! -x "$Y" ]; then
	make --no-print-directory -s "$Y" >/dev/null 2>&1
	if [ ! -x "$Y" ]; then
		echo "compare-score: $Y cannot be built (make $Y)" >&2
		exit 2
	fi
fi
dirs=
if [ $# -eq 0 ]; then
	for d in tests/eval/compare/*/; do
		[ -f "${d}expected.yaml" ] && dirs="$dirs ${d%/}"
	done
else
	for n in "$@"; do
		if [ ! -f "tests/eval/compare/$n/expected.yaml" ]; then
			echo "compare-score: no pair tests/eval/compare/$n" >&2
			exit 2
		fi
		dirs="$dirs tests/eval/compare/$n"
	done
fi
if [ -z "$dirs" ]; then
	echo "compare-score: no pairs in tests/eval/compare" >&2
	exit 2
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/brief-cscore.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
: >"$tmp/counts"
for d in $dirs; do
	name=$(basename "$d")
	"$B" --compare --format yaml "$d/a.txt" "$d/b.txt" >"$tmp/out" \
		2>"$tmp/err"
	rc=$?
	if [ $rc -ne 0 ]; then
		echo "compare-score: $B failed on $name (status $rc):" >&2
		head -5 "$tmp/err" >&2
		exit 2
	fi
	if ! "$Y" "$tmp/out" >"$tmp/got" 2>"$tmp/err" ||
		! grep -q '^reports\.1\.file	' "$tmp/got"; then
		echo "compare-score: cannot read brief's output on $name:" >&2
		head -5 "$tmp/err" "$tmp/out" >&2
		exit 2
	fi
	if ! "$Y" "$d/expected.yaml" >"$tmp/exp"; then
		echo "compare-score: cannot read $d/expected.yaml" >&2
		exit 2
	fi
	awk -F'\t' -v name="$name" -v verbose=$verbose '
	function norm(s) {
		s = tolower(s)
		gsub(/’|‘/, "\047", s)
		gsub(/“|”/, "\"", s)
		gsub(/[ \t]+/, " ", s)
		sub(/^ /, "", s)
		sub(/ $/, "", s)
		return s
	}
	function ename(s) {
		s = norm(s)
		sub(/^the /, "", s)
		return s
	}
	function wordch(c) { return c ~ /[a-z0-9]/ }
	# does t hold w as a whole (not inside a longer word or number)?
	function holds(t, w,    p, off, before, after) {
		if (w == "")
			return 0
		off = 0
		while ((p = index(substr(t, off + 1), w)) > 0) {
			p += off
			before = p > 1 ? substr(t, p - 1, 1) : ""
			after = substr(t, p + length(w), 1)
			if (!wordch(before) && !wordch(after))
				return 1
			off = p
		}
		return 0
	}
	# does text t match one of the |-separated forms of want?
	function fmatch(want, t,    n, k, alt) {
		n = split(want, alt, "|")
		for (k = 1; k <= n; k++)
			if (holds(norm(t), norm(alt[k])))
				return 1
		return 0
	}
	function smatch(want, s,    n, k, alt) {
		n = split(want, alt, "|")
		s = ename(s)
		for (k = 1; k <= n; k++)
			if (s == ename(alt[k]) || holds(s, ename(alt[k])))
				return 1
		return 0
	}
	function ematch(want, s,    n, k, alt) {
		n = split(want, alt, "|")
		for (k = 1; k <= n; k++)
			if (ename(s) == ename(alt[k]))
				return 1
		return 0
	}
	function say(s) { if (verbose) print name ": " s > "/dev/stderr" }
	# does group g hold a figure of a matching wa and one of b matching wb?
	function ghas(g, wa, wb,    i, fa, fb) {
		fa = fb = 0
		for (i = 0; i < na[g]; i++)
			if (fmatch(wa, fa_text[g, i])) { fa = 1; break }
		for (i = 0; i < nb[g]; i++)
			if (fmatch(wb, fb_text[g, i])) { fb = 1; break }
		return fa && fb
	}
	FILENAME == ARGV[1] {
		n = split($1, p, ".")
		if ($1 == "dates.a") want_date["a"] = $2
		else if ($1 == "dates.b") want_date["b"] = $2
		else if (p[1] == "aligned" && n == 3) {
			al[p[2], p[3]] = $2
			if (p[2] + 1 > nal) nal = p[2] + 1
		} else if (p[1] == "disagree" && n == 3) {
			dis[p[2], p[3]] = $2
			if (p[2] + 1 > ndis) ndis = p[2] + 1
		} else if (p[1] == "quotes" && n >= 3) {
			if (p[3] == "reports") qrep[p[2]] = qrep[p[2]] " " $2
			else wq[p[2], p[3]] = $2
			if (p[2] + 1 > nwq) nwq = p[2] + 1
		} else if (p[1] == "both" && n == 2)
			both[nboth++] = $2
		else if (p[1] == "not_both" && n == 2)
			notboth[nnot++] = $2
		next
	}
	{
		n = split($1, p, ".")
		if (p[1] == "reports" && p[3] == "date")
			got_date[p[2] == 0 ? "a" : "b"] = $2
		else if (p[1] == "figures" && n == 5 && p[5] == "text") {
			g = p[2] + 0
			if (p[3] == "a") { fa_text[g, p[4]] = $2; if (p[4] + 1 > na[g]) na[g] = p[4] + 1 }
			if (p[3] == "b") { fb_text[g, p[4]] = $2; if (p[4] + 1 > nb[g]) nb[g] = p[4] + 1 }
			if (g + 1 > ng) ng = g + 1
		} else if (p[1] == "figures" && n == 3 && p[3] == "disagree")
			gdis[p[2] + 0] = ($2 == "true")
		else if (p[1] == "quotes" && n >= 3) {
			q = p[2] + 0
			if (q + 1 > nq) nq = q + 1
			if (p[3] == "text" || p[3] == "quote") q_text[q] = $2
			else if (p[3] == "speaker") q_speaker[q] = $2
			else if (p[3] == "report" || p[3] == "reports") q_rep[q] = q_rep[q] " " $2
		} else if (p[1] == "entities" && n == 3) {
			e = p[2] + 0
			if (e + 1 > ne) ne = e + 1
			if (p[3] == "entity") e_name[e] = $2
			else if (p[3] == "in") e_in[e] = $2
		}
	}
	END {
		# figures aligned: recall
		for (k = 0; k < nal; k++) {
			hit = 0
			for (g = 0; g < ng && !hit; g++)
				hit = ghas(g, al[k, "a"], al[k, "b"])
			al_tp += hit
			if (!hit)
				say("missed alignment " al[k, "a"] " / " al[k, "b"] " (" al[k, "counts"] ")")
		}
		# figures aligned: precision over distinct text pairs
		for (g = 0; g < ng; g++)
			for (i = 0; i < na[g]; i++)
				for (j = 0; j < nb[g]; j++) {
					key = norm(fa_text[g, i]) SUBSEP norm(fb_text[g, j])
					if (key in seen)
						continue
					seen[key] = 1
					pairs++
					ok = 0
					for (k = 0; k < nal && !ok; k++)
						ok = fmatch(al[k, "a"], fa_text[g, i]) && fmatch(al[k, "b"], fb_text[g, j])
					pairs_ok += ok
					if (!ok)
						say("wrong alignment " fa_text[g, i] " / " fb_text[g, j])
				}
		# disagreements
		for (k = 0; k < ndis; k++) {
			hit = 0
			for (g = 0; g < ng && !hit; g++)
				hit = gdis[g] && ghas(g, dis[k, "a"], dis[k, "b"])
			dis_tp += hit
			if (!hit)
				say("missed disagreement " dis[k, "a"] " / " dis[k, "b"])
		}
		for (g = 0; g < ng; g++) {
			if (!gdis[g] || !na[g] || !nb[g])
				continue
			dgroups++
			ok = 0
			for (k = 0; k < ndis && !ok; k++)
				ok = ghas(g, dis[k, "a"], dis[k, "b"])
			dgroups_ok += ok
			if (!ok)
				say("wrong disagreement " fa_text[g, 0] " / " fb_text[g, 0])
		}
		# quotes: per expected quote and report
		for (k = 0; k < nwq; k++) {
			nr = split(qrep[k], reps, " ")
			for (r = 1; r <= nr; r++) {
				quotes_n++
				found = right = 0
				spoke = ""
				for (q = 0; q < nq; q++) {
					if (index(q_rep[q] " ", " " reps[r] " ") == 0)
						continue
					if (!index(norm(q_text[q]), norm(wq[k, "text"])))
						continue
					found = 1
					spoke = spoke (spoke == "" ? "" : ", ") q_speaker[q]
					if (smatch(wq[k, "speaker"], q_speaker[q]))
						right = 1
				}
				quotes_found += found
				quotes_ok += right
				if (!found)
					say("missed quote in " reps[r] ": \"" wq[k, "text"] "\"")
				else if (!right)
					say("wrong speaker in " reps[r] " for \"" wq[k, "text"] "\": " spoke " (wanted " wq[k, "speaker"] ")")
			}
		}
		# dates
		for (r = 0; r < 2; r++) {
			side = r ? "b" : "a"
			w = want_date[side]
			if (w == "" || w == "~" || w == "null")
				w = "~"
			gd = side in got_date ? substr(got_date[side], 1, 10) : "~"
			dates_n++
			if (gd == w)
				dates_ok++
			else
				say("wrong date of " side ": " gd " (wanted " w ")")
		}
		# entities in both
		for (k = 0; k < nboth; k++) {
			hit = 0
			for (e = 0; e < ne && !hit; e++)
				hit = e_in[e] == "both" && ematch(both[k], e_name[e])
			ent_tp += hit
			if (!hit)
				say("missed entity in both: " both[k])
		}
		for (e = 0; e < ne; e++) {
			if (e_in[e] != "both")
				continue
			judged = good = 0
			for (k = 0; k < nboth && !good; k++)
				if (ematch(both[k], e_name[e]))
					judged = good = 1
			for (k = 0; k < nnot && !judged; k++)
				if (ematch(notboth[k], e_name[e]))
					judged = 1
			ent_judged += judged
			ent_good += good
			if (judged && !good)
				say("wrong entity in both: " e_name[e])
		}
		print nal + 0, al_tp + 0, pairs + 0, pairs_ok + 0, ndis + 0, dis_tp + 0, \
			dgroups + 0, dgroups_ok + 0, quotes_n + 0, quotes_ok + 0, \
			quotes_found + 0, dates_n + 0, dates_ok + 0, nboth + 0, \
			ent_tp + 0, ent_judged + 0, ent_good + 0
	}' "$tmp/exp" "$tmp/got" >>"$tmp/counts" || exit 2
done
awk -v pairs="$(echo $dirs | wc -w)" '
function pc(a, b) { return b ? sprintf("%5.1f%%", 100 * a / b) : "    -" }
{ for (i = 1; i <= NF; i++) s[i] += $i }
END {
	printf "pairs: %d\n", pairs
	printf "figures aligned   recall %s  precision %s  (%d of %d expected pairs; %d of %d of brief'"'"'s pairs right)\n",
		pc(s[2], s[1]), pc(s[4], s[3]), s[2], s[1], s[4], s[3]
	printf "disagreements     recall %s  precision %s  (%d of %d expected flagged; %d of %d of brief'"'"'s flags right)\n",
		pc(s[6], s[5]), pc(s[8], s[7]), s[6], s[5], s[8], s[7]
	printf "quotes, speaker   right  %s  (%d of %d expected quotes; %d found with any speaker)\n",
		pc(s[10], s[9]), s[10], s[9], s[11]
	printf "report dates      right  %s  (%d of %d)\n", pc(s[13], s[12]), s[13], s[12]
	printf "entities in both  recall %s  precision %s  (%d of %d expected; %d of %d judged of brief'"'"'s right)\n",
		pc(s[15], s[14]), pc(s[17], s[16]), s[15], s[14], s[17], s[16]
}' "$tmp/counts"

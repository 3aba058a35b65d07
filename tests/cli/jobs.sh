# -j N (issue 22): highlighting on worker threads gives, byte for byte,
# what one thread gives: --mentions, --entities and --compare on the seeds,
# the evaluation articles and a generated article of many sections (the
# evaluation articles three times over, so that names learnt in one chunk
# are met in the next).  A bad -j is refused.
# JOBS_MB=30 sh tests/cli/jobs.sh also compares -j 1 with -j 2 and -j 3 on
# generated corpora of that many MB: the evaluation articles' paragraphs
# shuffled (real text) and their words shuffled (the bench's kind, where
# names are learnt all along); it takes a while, so make check leaves it
# out.
. tests/cli/lib.sh
BIG=$TMP/big.txt
for i in 1 2 3; do cat tests/eval/*.txt; done >"$BIG"
# once over: under the size from which the workers run a round ahead of
# the merge, so the rounds wait for it
MID=$TMP/mid.txt
cat tests/eval/*.txt >"$MID"
FILES="articles/000_b6812c9593b6cfb0.txt articles/001_ac23be4cfe9d2cdd.txt"

run -j 1 --mentions $FILES tests/eval/*.txt "$MID" "$BIG"
expect_rc "-j 1 --mentions: runs" 0
gate
cp "$TMP/out" "$TMP/m1"
if [ "$(grep -c "^$BIG	" "$TMP/m1")" -gt 1000 ] &&
	[ "$(grep -c "^$MID	" "$TMP/m1")" -gt 300 ]; then
	ok "-j 1 --mentions: the generated articles have their mentions"
else
	not_ok "-j 1 --mentions: the generated articles have their mentions"
fi
ungate
for j in 2 3 4; do
	run -j $j --mentions $FILES tests/eval/*.txt "$MID" "$BIG"
	expect_rc "-j $j --mentions: runs" 0
	if cmp -s "$TMP/m1" "$TMP/out"; then ok "-j $j --mentions: as -j 1"; else
		not_ok "-j $j --mentions: as -j 1" \
			"$(diff "$TMP/m1" "$TMP/out" | head -5)"; fi
done

run -j 1 --entities $FILES tests/eval/*.txt "$MID" "$BIG"
expect_rc "-j 1 --entities: runs" 0
cp "$TMP/out" "$TMP/e1"
run -j 2 --entities $FILES tests/eval/*.txt "$MID" "$BIG"
if cmp -s "$TMP/e1" "$TMP/out" && [ -s "$TMP/e1" ]; then
	ok "-j 2 --entities: as -j 1"
else
	not_ok "-j 2 --entities: as -j 1" "$(diff "$TMP/e1" "$TMP/out" | head -5)"
fi

run -j 1 --compare --format yaml "$BIG" articles/000_b6812c9593b6cfb0.txt
expect_rc "-j 1 --compare: runs" 0
cp "$TMP/out" "$TMP/c1"
run -j 2 --compare --format yaml "$BIG" articles/000_b6812c9593b6cfb0.txt
if cmp -s "$TMP/c1" "$TMP/out" && [ -s "$TMP/c1" ]; then
	ok "-j 2 --compare: as -j 1"
else
	not_ok "-j 2 --compare: as -j 1" "$(diff "$TMP/c1" "$TMP/out" | head -5)"
fi

if [ -n "${JOBS_MB:-}" ]; then
	target=$((JOBS_MB * 1000000))
	# long paragraphs only: the short ones hold the lines that end a story
	awk -v target=$target 'BEGIN { srand(42); RS = "" }
		length($0) >= 200 { p[n++] = $0 }
		END { while (size < target) { x = p[int(rand() * n)]
			print x "\n"; size += length(x) + 2 } }' \
		tests/eval/*.txt >"$TMP/real.txt"
	awk -v target=$target 'BEGIN { srand(42) }
		{ for (i = 1; i <= NF; i++) w[n++] = $i }
		END { while (size < target) { k = 40 + int(rand() * 80); l = ""
			for (j = 0; j < k; j++)
				l = l (j ? " " : "") w[int(rand() * n)]
			print l "\n"; size += length(l) + 2 } }' \
		tests/eval/*.txt >"$TMP/words.txt"
	for c in real words; do
		f=$TMP/$c
		"$BRIEF" -j 1 --mentions "$f.txt" >"$f.1" 2>"$TMP/err"
		rc=$?
		name="$JOBS_MB MB of $c"
		if [ $rc -eq 0 ] &&
			[ "$(wc -l <"$f.1")" -gt $((JOBS_MB * 2000)) ]; then
			ok "$name: -j 1 marks it"
		else
			not_ok "$name: -j 1 marks it" "$(head -3 "$TMP/err")"
		fi
		for j in 2 3; do
			"$BRIEF" -j $j --mentions "$f.txt" >"$f.$j" 2>"$TMP/err"
			if cmp -s "$f.1" "$f.$j"; then
				ok "$name: -j $j as -j 1"
			else
				not_ok "$name: -j $j as -j 1" \
					"$(diff "$f.1" "$f.$j" | head -5)"
			fi
		done
		rm -f "$f.1" "$f.2" "$f.3"
	done
fi

run -j 0 --mentions articles/000_b6812c9593b6cfb0.txt
expect_rc "-j 0: exit 2" 2
expect_err "-j 0: says why" "-j takes a number from 1 to 64"
run -j 2 --dump articles/000_b6812c9593b6cfb0.txt
expect_rc "-j with --dump: exit 2" 2

finish

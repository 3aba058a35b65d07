#!/bin/sh
# tests/bench/realtext.sh BRIEF OUT MB: a corpus of real text for the
# --mentions rows of make bench: the lead and body paragraphs of the
# evaluation articles (and of the *.txt in BENCH_SHARED_CORPUS, a folder,
# when that is set), as brief --dump reads them, shuffled by paragraph
# (seeded) and repeated until OUT holds MB megabytes.
set -u
B=$1 out=$2 mb=$3
cd "$(dirname "$0")/../.." || exit 2
shared=${BENCH_SHARED_CORPUS:-}
for f in tests/eval/*.txt ${shared:+"$shared"/*.txt}; do
	[ -f "$f" ] && "$B" --dump "$f"
done | awk -v target=$((mb * 1000000)) -v seed=22 '
	BEGIN { srand(seed) }
	/^- kind: / { kind = $3; next }
	/^  text: '\''/ && (kind == "'\''lead'\''" || kind == "'\''body'\''") {
		t = substr($0, 10, length($0) - 10)
		gsub(/'\'''\''/, "'\''", t)
		p[n++] = t
	}
	END {
		if (n == 0) exit 1
		size = 0
		while (size < target) {
			for (i = n - 1; i > 0; i--) {
				j = int(rand() * (i + 1)); x = p[i]; p[i] = p[j]; p[j] = x
			}
			for (i = 0; i < n && size < target; i++) {
				print p[i]; print ""
				size += length(p[i]) + 2
			}
		}
	}' >"$out"

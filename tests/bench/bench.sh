#!/bin/sh
# make bench: brief's speed and memory beside its peers, measured in one
# run on this machine.  Writes bench/results.md (not committed) and prints
# the table at the end.  Needs hyperfine, ripgrep, tmux, less, vim.
set -u
cd "$(dirname "$0")/../.." || exit 2
export LANG=C.UTF-8 LC_ALL=C.UTF-8
B=./brief
OUT=bench
MB=${BENCH_MB:-100}
RUNS=${BENCH_RUNS:-3}
mkdir -p "$OUT"
SOCK="brief-bench-$$"
trap 'tmux -L "$SOCK" kill-server 2>/dev/null' EXIT
ROWS=""

row() { # what, brief, peer, peer name, ratio note
	ROWS="$ROWS| $1 | $2 | $3 | $4 |
"
}

now() { date +%s%N; }
ms_since() { echo $(( ($(now) - $1) / 1000000 )); }

# ---- the corpus: the shipped articles' words, shuffled (seeded) ----
corpus="$OUT/corpus.txt"
if [ ! -s "$corpus" ] || [ "$(wc -c <"$corpus")" -lt $((MB * 1000000)) ]; then
	echo "bench: generating a ${MB} MB corpus from articles/ ..."
	awk -v target=$((MB * 1000000)) -v seed=42 'BEGIN { srand(seed) }
		{ for (i = 1; i <= NF; i++) w[n++] = $i }
		END {
			size = 0
			while (size < target) {
				k = 40 + int(rand() * 80); line = ""
				for (j = 0; j < k; j++)
					line = line (j ? " " : "") w[int(rand() * n)]
				print line; print ""
				size += length(line) + 2
			}
		}' articles/*.txt >"$corpus"
fi
bytes=$(wc -c <"$corpus")
mbytes=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
"$B" --aliases | cut -f1 | LC_ALL=C sort -u >"$OUT/aliases.txt"
echo "bench: corpus $mbytes MB, $(wc -l <"$OUT/aliases.txt") literal aliases"

# ---- highlight throughput: brief --mentions vs rg -o and grep -o ----
hyperfine --style basic --runs "$RUNS" --warmup 1 --output=pipe \
	--export-json "$OUT/highlight.json" \
	-n brief "$B --mentions $corpus" \
	-n rg "rg --no-config --no-unicode -o -w -F -f $OUT/aliases.txt $corpus" \
	-n grep "grep -o -w -F -f $OUT/aliases.txt $corpus" >"$OUT/hyperfine.txt" 2>&1
mean() { # name -> mean seconds
	awk -v n="$1" 'BEGIN { RS = "{"; FS = "," }
		$0 ~ "\"command\": *\"" n "\"" {
			for (i = 1; i <= NF; i++) if ($i ~ /"mean"/) {
				split($i, kv, ":"); print kv[2] + 0; exit } }' \
		"$OUT/highlight.json"
}
tb=$(mean brief)
tr=$(mean rg)
tg=$(mean grep)
mbs() { awk -v b="$bytes" -v t="$1" 'BEGIN { printf "%.0f MB/s", b / 1e6 / t }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
row "load+highlight+index, $mbytes MB (--mentions)" "$(mbs "$tb")" "$(mbs "$tr")" \
	"rg -o: brief/rg time $(ratio "$tb" "$tr")"
row "same, against grep" "$(mbs "$tb")" "$(mbs "$tg")" \
	"grep -o: brief/grep time $(ratio "$tb" "$tg")"

# peak memory
peak() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident/ { gsub(/ /, "", $2); print $2 }'; }
pb=$(peak "$B" --mentions "$corpus")
pr=$(peak rg --no-config --no-unicode -o -w -F -f "$OUT/aliases.txt" "$corpus")
limit=$(awk -v b="$bytes" 'BEGIN { printf "%.0f", (1.3 * b + 16 * 1048576) / 1024 }')
row "peak memory, --mentions (KiB)" "$pb" "$pr" \
	"rg; target <= $limit KiB ($(ratio "$pb" "$(( bytes / 1024 ))") x input)"

# ---- first screen in a terminal: brief vs less vs vim ----
first_screen() { # file, expect-regex, command...
	file=$1 expect=$2
	shift 2
	tmux -L "$SOCK" kill-server 2>/dev/null
	t0=$(now)
	tmux -L "$SOCK" -f /dev/null new-session -d -x 160 -y 40 \
		-e LANG=C.UTF-8 -e TERM=tmux-256color "$* $file"
	while ! tmux -L "$SOCK" capture-pane -p 2>/dev/null | grep -qE -- "$expect"; do
		[ $(ms_since "$t0") -gt 20000 ] && break
	done
	ms_since "$t0"
	tmux -L "$SOCK" kill-server 2>/dev/null
}
best_of() { # n command...: the smallest of n runs
	n=$1
	shift
	best=999999
	i=0
	while [ $i -lt "$n" ]; do
		v=$("$@")
		[ "$v" -lt "$best" ] && best=$v
		i=$((i + 1))
	done
	echo "$best"
}
# the first screen is complete when the last line (status) is drawn
seeds="articles/000_b6812c9593b6cfb0.txt"
fb=$(best_of 5 first_screen "$seeds" '^ A .*000_b6812c9593b6cfb0' "$B")
fl=$(best_of 5 first_screen "$seeds" '000_b6812c9593b6cfb0.txt|\(END\)' less)
fv=$(best_of 5 first_screen "$seeds" '000_b6812c9593b6cfb0.txt"' vim -u NONE -R)
row "first screen, seed article (ms, incl. tmux)" "$fb" "$fl" "less; vim -u NONE: $fv ms"
fb=$(best_of 3 first_screen "$corpus" '^ A .*corpus.txt' "$B")
fl=$(best_of 3 first_screen "$corpus" 'corpus.txt|^:' less)
fv=$(best_of 3 first_screen "$corpus" 'corpus.txt"' vim -u NONE -R)
row "first screen, $mbytes MB article (ms, incl. tmux)" "$fb" "$fl" \
	"less: brief/less $(ratio "$fb" "$fl"); vim -u NONE: $fv ms"

# full index of the big article: until the status line stops saying so
tmux -L "$SOCK" kill-server 2>/dev/null
t0=$(now)
tmux -L "$SOCK" -f /dev/null new-session -d -x 160 -y 40 \
	-e LANG=C.UTF-8 -e TERM=tmux-256color "$B $corpus"
while ! tmux -L "$SOCK" capture-pane -p | grep -q '^ A .*corpus.txt'; do :; done
while tmux -L "$SOCK" capture-pane -p | tail -1 | grep -q 'indexing'; do
	[ $(ms_since "$t0") -gt 60000 ] && break
done
ti=$(ms_since "$t0")
row "full index of the $mbytes MB article (ms)" "$ti" "-" "target 1000 ms"

# redraw cost: 2,000 scroll keys, until the last one has been drawn
keys=2000
tmux -L "$SOCK" send-keys g
t0=$(now)
i=0
while [ $i -lt $((keys / 100)) ]; do
	tmux -L "$SOCK" send-keys j j j j j j j j j j j j j j j j j j j j \
		j j j j j j j j j j j j j j j j j j j j \
		j j j j j j j j j j j j j j j j j j j j \
		j j j j j j j j j j j j j j j j j j j j \
		j j j j j j j j j j j j j j j j j j j j
	i=$((i + 1))
done
tmux -L "$SOCK" send-keys :
while ! tmux -L "$SOCK" capture-pane -p | tail -1 | grep -q '^:'; do :; done
tr=$(ms_since "$t0")
row "redraw per scroll key, $keys keys (ms, incl. tmux)" \
	"$(awk -v t="$tr" -v k=$keys 'BEGIN { printf "%.3f", t / k }')" "-" "target < 2 ms"
tmux -L "$SOCK" kill-server 2>/dev/null

{
	echo "# brief benchmark ($(date -u +%Y-%m-%d), $(nproc) cores)"
	echo
	echo "| measure | brief | peer | note |"
	echo "| --- | --- | --- | --- |"
	printf '%s' "$ROWS"
} >"$OUT/results.md"
echo
cat "$OUT/results.md"

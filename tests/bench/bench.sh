#!/bin/sh
# make bench: brief's speed and memory beside its peers, measured in one
# run on this machine.  Writes bench/results.md (not committed) and prints
# the table at the end.  Needs hyperfine, ripgrep, tmux, less, vim,
# sqlite3 (the archive's part: tests/bench/archive.sh).
set -u
cd "$(dirname "$0")/../.." || exit 2
export LANG=C.UTF-8 LC_ALL=C.UTF-8
B=./brief
OUT=bench
MB=${BENCH_MB:-100}
RUNS=${BENCH_RUNS:-3}
mkdir -p "$OUT"
# brief's engine cache, config, notes and reading positions in the bench
# folder, not the user's: the user's places file may hold a record of a
# file of the corpus's size (found by content), the user's notes are
# placed in every article, a config may change what is drawn
export XDG_CACHE_HOME="$PWD/$OUT/cache" XDG_CONFIG_HOME="$PWD/$OUT/config" \
	XDG_DATA_HOME="$PWD/$OUT/data" XDG_STATE_HOME="$PWD/$OUT/state"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_STATE_HOME"
PT=build/tools/ptytime
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
# the peers get the lexicon's literal aliases; rg --no-unicode takes
# ASCII patterns only, so both get the ASCII ones (nearly all)
"$B" --aliases | cut -f1 | LC_ALL=C grep -v '[^ -~]' | LC_ALL=C sort -u \
	>"$OUT/aliases.txt"
# the fast rg form (issue 22): each alias a literal between ASCII word
# boundaries, so rg compiles one DFA without Unicode classes
sed -e 's/[][\\.^$*+?(){}|]/\\&/g' -e 's/^/(?-u:\\b)/' -e 's/$/(?-u:\\b)/' \
	"$OUT/aliases.txt" >"$OUT/aliases.rx"
echo "bench: corpus $mbytes MB, $(wc -l <"$OUT/aliases.txt") literal ASCII aliases for the peers"

# ---- highlight throughput: brief --mentions vs rg -o and grep -o ----
hyperfine --style basic --runs "$RUNS" --warmup 1 --output=pipe \
	--export-json "$OUT/highlight.json" \
	-n brief "$B --mentions $corpus" \
	-n rg "rg --no-config --no-unicode -o -w -F -f $OUT/aliases.txt $corpus" \
	-n rgfast "rg --no-config -o -f $OUT/aliases.rx $corpus" \
	-n grep "grep -o -w -F -f $OUT/aliases.txt $corpus" >"$OUT/hyperfine.txt" 2>&1
mean() { # name [json] -> mean seconds
	awk -v n="$1" 'BEGIN { RS = "{"; FS = "," }
		$0 ~ "\"command\": *\"" n "\"" {
			for (i = 1; i <= NF; i++) if ($i ~ /"mean"/) {
				split($i, kv, ":"); print kv[2] + 0; exit } }' \
		"${2:-$OUT/highlight.json}"
}
tb=$(mean brief)
tr=$(mean rg)
tg=$(mean grep)
tf=$(mean rgfast)
mbs() { awk -v b="$bytes" -v t="$1" 'BEGIN { printf "%.0f MB/s", b / 1e6 / t }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
row "load+highlight+index, $mbytes MB (--mentions)" "$(mbs "$tb")" "$(mbs "$tr")" \
	"rg -o: brief/rg time $(ratio "$tb" "$tr")"
row "same, against rg's fast form" "$(mbs "$tb")" "$(mbs "$tf")" \
	"rg -o -f with (?-u:\\b)ALIAS(?-u:\\b), compile included: brief/rg time $(ratio "$tb" "$tf")"
row "same, against grep" "$(mbs "$tb")" "$(mbs "$tg")" \
	"grep -o: brief/grep time $(ratio "$tb" "$tg")"

# ---- the same on real text, -j 1 and -j N, beside rg's fast form ----
# (the evaluation articles' and the shared corpus's lead and body
# paragraphs, shuffled by paragraph: tests/bench/realtext.sh)
real="$OUT/realtext.txt"
if [ ! -s "$real" ] || [ "$(wc -c <"$real")" -lt $((MB * 1000000)) ]; then
	echo "bench: generating a ${MB} MB corpus of real text ..."
	sh tests/bench/realtext.sh "$B" "$real" "$MB"
fi
rbytes=$(wc -c <"$real")
rmbytes=$(awk -v b="$rbytes" 'BEGIN { printf "%.1f", b / 1e6 }')
hyperfine --style basic --runs "$RUNS" --warmup 1 --output=pipe \
	--export-json "$OUT/highlight_real.json" \
	-n brief1 "$B -j 1 --mentions $real" \
	-n briefn "$B --mentions $real" \
	-n rgfast "rg --no-config -o -f $OUT/aliases.rx $real" \
	>>"$OUT/hyperfine.txt" 2>&1
t1=$(mean brief1 "$OUT/highlight_real.json")
tn=$(mean briefn "$OUT/highlight_real.json")
tf=$(mean rgfast "$OUT/highlight_real.json")
rmbs() { awk -v b="$rbytes" -v t="$1" 'BEGIN { printf "%.0f MB/s", b / 1e6 / t }'; }
row "--mentions on real text, $rmbytes MB, -j 1" "$(rmbs "$t1")" "$(rmbs "$tf")" \
	"rg's fast form: brief/rg time $(ratio "$t1" "$tf") (target: 60 MB/s per core)"
row "same, -j $(nproc) (the default)" "$(rmbs "$tn")" "$(rmbs "$tf")" \
	"rg's fast form: brief/rg time $(ratio "$tn" "$tf"); scaling from -j 1: $(ratio "$t1" "$tn")"

# peak memory
peak() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident/ { gsub(/ /, "", $2); print $2 }'; }
pb=$(peak "$B" --mentions "$corpus")
pr=$(peak rg --no-config --no-unicode -o -w -F -f "$OUT/aliases.txt" "$corpus")
limit=$(awk -v b="$bytes" 'BEGIN { printf "%.0f", (1.3 * b + 16 * 1048576) / 1024 }')
row "peak memory, --mentions (KiB)" "$pb" "$pr" \
	"rg; target <= $limit KiB ($(ratio "$pb" "$(( bytes / 1024 ))") x input)"

# ---- first screen through a pty (tests/tools/ptytime): brief vs less ----
# (not tmux: its polling floor hides the difference).  The text waited
# for is the file's name on the status line, drawn with the first screen.
# brief draws the first screen's text before it loads its engine and
# marks it, then draws the marks: its runs wait also for the colour of
# an actor's mark (fg 81 in the default theme, as xterm-256color's setaf
# writes it), and give both times.
MARKSEQ='\e[38;5;81m'
pty_best() { # n text command...: over n runs, for each time ptytime
	# prints (wall, processor; again for -m when PT_MARK is set) the
	# smallest wall ms and the median processor ms (a single run's
	# processor time may be read early or late by a few tenths; the
	# median is steadier)
	n=$1 text=$2
	shift 2
	i=0
	while [ $i -lt "$n" ]; do
		TERM=xterm-256color "$PT" -u ${PT_MARK:+-m "$PT_MARK"} \
			-r 40 -c 160 "$text" "$@" ||
			echo "99999 99999${PT_MARK:+ 99999 99999}"
		i=$((i + 1))
	done | awk '{ for (k = 1; k <= NF; k++) v[k, NR] = $k; nf = NF; n = NR }
		END {
			for (k = 1; k <= nf; k++) {
				for (r = 1; r <= n; r++) c[r] = v[k, r] + 0
				# sort the column (n is small)
				for (r = 2; r <= n; r++)
					for (q = r; q > 1 && c[q] < c[q - 1]; q--) {
						t = c[q]; c[q] = c[q - 1]; c[q - 1] = t }
				printf "%s%s", (k > 1 ? " " : ""),
					(k % 2 ? c[1] : c[int((n + 1) / 2)])
			}
			print ""
		}'
}
field() { fk=$2; set -- $1; eval "echo \${$fk}"; } # field "A B C" 2 -> B
# pty_show TIMES K: "W ms (processor C ms)" of pty_best's K-th pair (1:
# the text, 2: the marks)
pty_show() {
	echo "$(field "$1" $(($2 * 2 - 1))) ms (processor $(field "$1" $(($2 * 2))) ms)"
}
first_rows() { # what, n, text, file
	fb=$(PT_MARK=$MARKSEQ pty_best "$2" "$3" "$B" "$4")
	fn=$(BRIEF_NO_CACHE=1 PT_MARK=$MARKSEQ pty_best "$2" "$3" "$B" "$4")
	fl=$(pty_best "$2" "$3" less "$4")
	row "first screen's text, $1 (pty: best wall of $2; median processor time from the fork)" \
		"$(pty_show "$fb" 1)" "$(pty_show "$fl" 1)" \
		"less: brief/less $(ratio "$(field "$fb" 1)" "$(field "$fl" 1)") (processor $(ratio "$(field "$fb" 2)" "$(field "$fl" 2)"); target 1.5); without the caches: $(pty_show "$fn" 1)"
	row "first screen with its marks, $1 (the same runs: until an actor's colour is written)" \
		"$(pty_show "$fb" 2)" "$(pty_show "$fl" 1)" \
		"less (which marks nothing): brief/less $(ratio "$(field "$fb" 3)" "$(field "$fl" 1)") (processor $(ratio "$(field "$fb" 4)" "$(field "$fl" 2)")); without the caches: $(pty_show "$fn" 2)"
}
seeds="articles/000_b6812c9593b6cfb0.txt"
rm -rf "$XDG_CACHE_HOME"
"$B" --mentions "$seeds" >/dev/null # builds the caches
first_rows "seed article" 9 000_b6812c9593b6cfb0 "$seeds"
first_rows "$mbytes MB article" 9 corpus.txt "$corpus"

# full index of the big article: until the status line stops saying so
tmux -L "$SOCK" kill-server 2>/dev/null
t0=$(now)
tmux -L "$SOCK" -f /dev/null new-session -d -x 160 -y 40 \
	-e LANG=C.UTF-8 -e TERM=tmux-256color "$B $corpus"
while ! tmux -L "$SOCK" capture-pane -p | grep -q '^ A .*corpus.txt'; do :; done
# (a pause between polls: a busy loop of tmux and grep would take the
# processor brief indexes on; 10 ms is the most it adds)
while tmux -L "$SOCK" capture-pane -p | tail -1 | grep -q 'indexing'; do
	[ $(ms_since "$t0") -gt 60000 ] && break
	sleep 0.01
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

# ---- comparison of two 5 MB reports ----
head -c 5000000 "$corpus" >"$OUT/a5.txt"
tail -c 5000000 "$corpus" >"$OUT/b5.txt"
hyperfine --style basic --runs "$RUNS" --output=pipe --export-json "$OUT/compare.json" \
	-n compare "$B --compare $OUT/a5.txt $OUT/b5.txt" >>"$OUT/hyperfine.txt" 2>&1
# the wall time's mean, and the processor time's (user + system, all
# workers): the wall time alone depends on how busy the machine is
tc=$(awk 'BEGIN { RS = "{"; FS = "," } /"command": *"compare"/ { for (i = 1; i <= NF; i++) if ($i ~ /"mean"/) { split($i, kv, ":"); print kv[2] * 1000; exit } }' "$OUT/compare.json")
tp=$(awk 'BEGIN { RS = "{"; FS = "," } /"command": *"compare"/ { for (i = 1; i <= NF; i++) if ($i ~ /"(user|system)"/) { split($i, kv, ":"); t += kv[2] * 1000 } print t; exit }' "$OUT/compare.json")
row "comparison of two 5 MB reports (ms; processor)" "$(printf '%.0f; %.0f' "$tc" "$tp")" "-" "target < 1000 ms"

# ---- scale: 10,000 articles, and one 500 MB article ----
many="$OUT/many"
if [ ! -d "$many" ] || [ "$(ls "$many" | wc -l)" -lt 10000 ]; then
	rm -rf "$many"
	mkdir -p "$many"
	awk -v dir="$many" -v seed=7 'BEGIN { srand(seed) }
		{ for (i = 1; i <= NF; i++) w[n++] = $i }
		END {
			for (f = 0; f < 10000; f++) {
				file = sprintf("%s/%05d.txt", dir, f)
				for (p = 0; p < 8; p++) {
					line = ""
					k = 60 + int(rand() * 40)
					for (j = 0; j < k; j++)
						line = line (j ? " " : "") w[int(rand() * n)]
					print line "\n" > file
				}
				close(file)
			}
		}' articles/*.txt
fi
manymb=$(du -sm "$many" | cut -f1)
tmux -L "$SOCK" kill-server 2>/dev/null
t0=$(now)
tmux -L "$SOCK" -f /dev/null new-session -d -x 160 -y 40 \
	-e LANG=C.UTF-8 -e TERM=tmux-256color "$B $many"
while ! tmux -L "$SOCK" capture-pane -p | grep -q '^ A .*00000.txt'; do
	[ $(ms_since "$t0") -gt 60000 ] && break
done
tf=$(ms_since "$t0")
while tmux -L "$SOCK" capture-pane -p | tail -1 | grep -q 'indexing'; do
	[ $(ms_since "$t0") -gt 120000 ] && break
done
tx=$(ms_since "$t0")
t1=$(now)
tmux -L "$SOCK" send-keys i
while ! tmux -L "$SOCK" capture-pane -p | grep -q 'Entity index'; do
	[ $(ms_since "$t1") -gt 20000 ] && break
done
ti=$(ms_since "$t1")
tmux -L "$SOCK" kill-server 2>/dev/null
row "10,000 articles (${manymb} MB): first screen (ms)" "$tf" "-" "target < 2000 ms"
row "10,000 articles: everything indexed (ms)" "$tx" "-" ""
row "10,000 articles: entity index (i) opens (ms, incl. tmux)" "$ti" "-" "target < 200 ms"

huge="$OUT/huge.txt"
HUGE_MB=${BENCH_HUGE_MB:-500}
if [ ! -s "$huge" ] || [ "$(wc -c <"$huge")" -lt $((HUGE_MB * 1000000)) ]; then
	: >"$huge"
	while [ "$(wc -c <"$huge")" -lt $((HUGE_MB * 1000000)) ]; do
		cat "$corpus" >>"$huge"
	done
fi
hbytes=$(wc -c <"$huge")
tmux -L "$SOCK" kill-server 2>/dev/null
t0=$(now)
tmux -L "$SOCK" -f /dev/null new-session -d -x 160 -y 40 \
	-e LANG=C.UTF-8 -e TERM=tmux-256color "$B $huge"
while ! tmux -L "$SOCK" capture-pane -p | grep -q '^ A .*huge.txt'; do
	[ $(ms_since "$t0") -gt 60000 ] && break
done
th=$(ms_since "$t0")
pid=$(pgrep -n -f "$B $huge")
rss1=$(ps -o rss= -p "$pid" | tr -d ' ')
tmux -L "$SOCK" send-keys j j j j j k k
t1=$(now)
tmux -L "$SOCK" send-keys :
while ! tmux -L "$SOCK" capture-pane -p | tail -1 | grep -q '^:'; do
	[ $(ms_since "$t1") -gt 10000 ] && break
done
tk=$(ms_since "$t1")
tmux -L "$SOCK" send-keys Escape
# until the status line is back and no longer says "indexing"
while ! tmux -L "$SOCK" capture-pane -p | tail -1 | grep -q '^ A '; do :; done
while tmux -L "$SOCK" capture-pane -p | tail -1 | grep -q 'indexing'; do
	[ $(ms_since "$t0") -gt 300000 ] && break
done
thx=$(ms_since "$t0")
rss2=$(ps -o rss= -p "$pid" | tr -d ' ')
# the peak over the whole run, and how much of it is the mapped file
hwm=$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status")
anon=$(awk '/^RssAnon/ { print $2 }' "/proc/$pid/status")
tmux -L "$SOCK" kill-server 2>/dev/null
hmb=$(awk -v b="$hbytes" 'BEGIN { printf "%.0f", b / 1e6 }')
row "${hmb} MB article: first screen (ms, incl. tmux)" "$th" "-" "target < 1000 ms"
row "${hmb} MB article: keys answered while indexing (ms)" "$tk" "-" "responsive"
row "${hmb} MB article: memory at first screen / fully indexed (x input)" \
	"$(ratio "$rss1" "$((hbytes / 1024))") / $(ratio "$rss2" "$((hbytes / 1024))")" "-" \
	"target <= 1.5; indexed after $thx ms"
row "${hmb} MB article: peak memory (VmHWM) / anonymous at the end (x input)" \
	"$(ratio "$hwm" "$((hbytes / 1024))") / $(ratio "$anon" "$((hbytes / 1024))")" "-" \
	"target <= 1.5"

# ---- HTML extraction: pages per second beside a plain libxml2 parse of
# the same pages (the shared evaluation pages, read by their path) ----
EXTRACTION=${EXTRACTION:-../shared/extraction}
if [ -d "$EXTRACTION/html" ] && [ -x build/tools/extract ]; then
	mkdir -p "$OUT/pages"
	for g in "$EXTRACTION"/html/*.html.gz; do
		p="$OUT/pages/$(basename "$g" .gz)"
		[ -s "$p" ] || gzip -dc "$g" >"$p"
	done
	build/tools/extract -b "$OUT"/pages/*.html >"$OUT/extract.txt" 2>&1
	px=$(awk '/^extraction:/ { print $2 }' "$OUT/extract.txt")
	pp=$(awk '/^libxml2 parse:/ { print $3 }' "$OUT/extract.txt")
	np=$(awk '/^pages:/ { print $2 }' "$OUT/extract.txt")
	row "HTML extraction of $np real pages (pages/s)" "$px" "$pp" \
		"libxml2's parse alone of the same pages: $(ratio "$px" "$pp") of its speed"
else
	row "HTML extraction (pages/s)" "-" "-" "skipped: no $EXTRACTION/html"
fi

# ---- the archive: adding, searching, a hit opened (its own script) ----
if sh tests/bench/archive.sh >"$OUT/archive.txt" 2>&1; then
	ROWS="$ROWS$(cat "$OUT/archive/rows.md")
"
else
	row "the archive" "-" "-" "tests/bench/archive.sh failed: see $OUT/archive.txt"
fi

{
	echo "# brief benchmark ($(date -u +%Y-%m-%d), $(nproc) cores)"
	echo
	echo "| measure | brief | peer | note |"
	echo "| --- | --- | --- | --- |"
	printf '%s' "$ROWS"
} >"$OUT/results.md"
echo
cat "$OUT/results.md"

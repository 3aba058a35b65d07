#!/bin/sh
# The archive's part of make bench (issue 23): adding generated articles
# to an SQLite archive (articles per second, database size against the
# input, peak memory), searches with a filter on the largest archive
# (median and 99th percentile of ~50 queries each, beside `rg -l` for the
# same words over the files and the sqlite3 shell's own FTS5 query on the
# same database), and opening the reader on a search hit.  bench.sh runs
# it; alone: `sh tests/bench/archive.sh` (needs ./brief and
# build/tools/ptytime).  Prints table rows "| what | brief | peer | note |"
# and writes them to bench/archive.md.
#   BENCH_ARCHIVE_SIZES  the archives made, in articles (default
#                        "10000 30000"; multiples of 10,000: 100000
#                        takes over ten minutes on a shared 2-core machine)
#   BENCH_QUERY_RUNS     timed runs of each query (default 2)
#   BENCH_ARCHIVE_KEEP   1: an archive of a size made by an earlier run
#                        is kept and searched again (not added anew)
#   BENCH_BRIEF          the brief measured (default ./brief; another
#                        build, e.g. a copy of an older one, to compare)
set -u
cd "$(dirname "$0")/../.." || exit 2
export LANG=C.UTF-8 LC_ALL=C.UTF-8
B=${BENCH_BRIEF:-./brief}
OUT=bench
SIZES=${BENCH_ARCHIVE_SIZES:-10000 30000}
QRUNS=${BENCH_QUERY_RUNS:-2}
PART=10000
PT=build/tools/ptytime
A="$OUT/archive"
mkdir -p "$A"
# brief's cache, data (the default archive, notes) and config in the
# bench folder, not the user's
export XDG_CACHE_HOME="$PWD/$OUT/cache" XDG_DATA_HOME="$PWD/$A/data" \
	XDG_CONFIG_HOME="$PWD/$A/config"
SOCK="brief-bench-archive-$$"
trap 'tmux -L "$SOCK" kill-server 2>/dev/null' EXIT
: >"$A/rows.md"

row() { # what, brief, peer, note
	printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4" >>"$A/rows.md"
}
now() { date +%s%N; }
ms_since() { echo $(( ($(now) - $1) / 1000000 )); }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
thousands() { echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta'; }

# ---- the articles: front matter (title, date in 2015-2024, one of ten
# sources) and ten paragraphs of the shipped articles' words, shuffled
# (seeded), about 5.4 KB each; in folders of 10,000 ----
gen_part() { # folder seed
	mkdir -p "$1"
	awk -v dir="$1" -v count=$PART -v seed="$2" 'BEGIN {
			srand(seed)
			ns = split("Associated Press|Reuters|Agence France-Presse|" \
				   "Yonhap|BBC Monitoring|Xinhua|Kyodo|Al Jazeera|" \
				   "Defense News|The Diplomat", src, "|")
		}
		{
			for (i = 1; i <= NF; i++) {
				w[n++] = $i
				if ($i ~ /^[A-Za-z]+$/)
					t[nt++] = $i
			}
		}
		END {
			for (f = 0; f < count; f++) {
				file = sprintf("%s/%05d.txt", dir, f)
				title = ""
				for (j = 0; j < 6; j++)
					title = title (j ? " " : "") t[int(rand() * nt)]
				printf "---\ntitle: %s\ndate: %04d-%02d-%02d\n" \
				       "source: %s\n---\n\n", title,
				       2015 + int(rand() * 10), 1 + int(rand() * 12),
				       1 + int(rand() * 28),
				       src[1 + int(rand() * ns)] >file
				for (p = 0; p < 10; p++) {
					line = ""
					k = 60 + int(rand() * 40)
					for (j = 0; j < k; j++)
						line = line (j ? " " : "") w[int(rand() * n)]
					print line "\n" >file
				}
				close(file)
			}
		}' articles/*.txt
}
largest=0
for n in $SIZES; do
	[ "$n" -gt "$largest" ] && largest=$n
done
parts=$((largest / PART))
p=0
while [ $p -lt $parts ]; do
	d="$A/in/$p"
	if [ ! -d "$d" ] || [ "$(ls "$d" | wc -l)" -ne $PART ]; then
		[ $p -eq 0 ] && echo "bench: generating $(thousands "$largest") articles for the archive ..."
		rm -rf "$d"
		gen_part "$d" $((2300 + p))
	fi
	p=$((p + 1))
done
folders() { # n -> the folders of its first n articles
	i=0
	while [ $i -lt $(($1 / PART)) ]; do
		printf '%s ' "$A/in/$i"
		i=$((i + 1))
	done
}
input_bytes() { # folders... -> bytes of their files
	find "$@" -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { print s }'
}

# ---- adding: from an empty archive, on every core ----
for n in $SIZES; do
	db="$A/add-$n.db"
	if [ "${BENCH_ARCHIVE_KEEP:-}" = 1 ] && [ -s "$db" ]; then
		big="$db"
		bign=$n
		continue
	fi
	rm -f "$db" "$db-wal" "$db-shm"
	# shellcheck disable=SC2046
	set -- $(folders "$n")
	in=$(input_bytes "$@")
	t0=$(now)
	/usr/bin/time -v -o "$A/add-$n.time" "$B" --archive "$db" --add "$@" \
		>"$A/add-$n.out" 2>&1
	rc=$?
	ta=$(ms_since "$t0")
	rss=$(awk -F: '/Maximum resident/ { gsub(/ /, "", $2); print $2 }' "$A/add-$n.time")
	cpu=$(awk -F: '/(User|System) time/ { s += $2 } END { printf "%.1f", s }' "$A/add-$n.time")
	dbb=$(cat "$db" "$db-wal" 2>/dev/null | wc -c)
	nn=$(thousands "$n")
	if [ $rc -ne 0 ] || ! grep -q "^$n added" "$A/add-$n.out"; then
		row "--add $nn articles" "failed" "-" "$(head -c 200 "$A/add-$n.out" | tr '\n|' '  ')"
		continue
	fi
	row "--add $nn articles ($(awk -v b="$in" 'BEGIN { printf "%.0f", b / 1e6 }') MB), $(nproc) threads (articles/s)" \
		"$(awk -v n="$n" -v t="$ta" 'BEGIN { printf "%.0f", n / (t / 1000) }')" "-" \
		"$(awk -v t="$ta" -v c="$cpu" 'BEGIN { printf "%.1f s in all, %.1f s of processor time (%.0f%% of one core)", t / 1000, c, 100 * c / (t / 1000) }')"
	row "$nn articles: database size (x input)" "$(ratio "$dbb" "$in")" "-" \
		"$(awk -v b="$dbb" 'BEGIN { printf "%.0f", b / 1e6 }') MB"
	row "$nn articles: peak memory of --add (KiB)" "$rss" "-" ""
	big="$db"
	bign=$n
done
[ -n "${big:-}" ] || { cat "$A/rows.md"; exit 0; }
set -- $(folders "$bign")
t0=$(now)
"$B" --archive "$big" --add "$@" >"$A/readd.out" 2>&1
row "$(thousands "$bign") articles: --add again, nothing changed (ms)" "$(ms_since "$t0")" "-" \
	"$(tr -d '\n' <"$A/readd.out")"

# ---- searches on the largest archive ----
# fifty words of the articles (five or more letters, picked seeded),
# each with one of the sources; fifty entities of the archive (the most
# mentioned), each with a three-month span
sources="Press Reuters Agence Yonhap BBC Xinhua Kyodo Jazeera Defense Diplomat"
cat articles/*.txt | tr -cs 'A-Za-z' '\n' | LC_ALL=C tr 'A-Z' 'a-z' |
	awk 'length($0) >= 5' | LC_ALL=C sort -u |
	awk -v seed=5 'BEGIN { srand(seed) } { w[n++] = $0 }
		END { for (i = 0; i < 50 && n > 0; i++) { j = int(rand() * n); print w[j]; w[j] = w[--n] } }' \
	>"$A/words.txt"
sqlite3 "$big" "SELECT e.name FROM entities e JOIN mentions m ON m.entity = e.id
	GROUP BY e.id ORDER BY count(*) DESC, e.name LIMIT 50" |
	grep -v "[\"|,']" >"$A/entities.txt"
# fifty phrases: two words next to each other in the articles (four or
# more letters each), picked seeded
cat articles/*.txt | tr -cs "A-Za-z'\n" ' ' | LC_ALL=C tr 'A-Z' 'a-z' |
	awk '{ for (i = 1; i < NF; i++)
		if ($i ~ /^[a-z][a-z][a-z][a-z]+$/ && $(i + 1) ~ /^[a-z][a-z][a-z][a-z]+$/) print $i " " $(i + 1) }' |
	LC_ALL=C sort -u |
	awk -v seed=7 'BEGIN { srand(seed) } { w[n++] = $0 }
		END { for (i = 0; i < 50 && n > 0; i++) { j = int(rand() * n); print w[j]; w[j] = w[--n] } }' \
	>"$A/phrases.txt"
# one query a line
awk -v s="$sources" 'BEGIN { n = split(s, src, " ") }
	{ print "source:" src[1 + (NR - 1) % n] " " $0 }' "$A/words.txt" >"$A/q-source.txt"
# an OR with a filter: each word or the next, of one source
awk -v s="$sources" 'BEGIN { n = split(s, src, " ") } { w[NR] = $0 }
	END { for (i = 1; i <= NR; i++)
		print "source:" src[1 + (i - 1) % n] " (" w[i] " OR " w[i % NR + 1] ")" }' \
	"$A/words.txt" >"$A/q-or.txt"
awk '{ print "\"" $0 "\"" }' "$A/phrases.txt" >"$A/q-phrase.txt"
awk '{ m = 1 + (NR * 5) % 10
	printf "entity:\"%s\" date:%d-%02d..%d-%02d\n", $0, 2015 + NR % 10, m, 2015 + NR % 10, m + 2 }' \
	"$A/entities.txt" >"$A/q-entity.txt"
# the same as brief's queries in the sqlite3 shell: the FTS5 match, the
# filter, ranked by bm25 (the title weighted 2), the first 20, one file
# a query (the SQL has commas); made from the lists above.  Two with a
# source: the filter checked on each article the words match (sql-NAME),
# and, as brief does (schema 4), the sources' tokens inside the match
# (sql-NAMEtok: the archive's sources table)
sql_of() { # name, then lines of "match<TAB>source"
	awk -F '\t' -v dir="$A" -v name="$1" '
	function out(n, sql, f) {
		f = dir "/sql-" n "-" (NR - 1) ".sql"
		print sql >f
		close(f)
	}
	{
		m = $1; gsub(/\047/, "\047\047", m)
		f = $2 == "" ? "" : " AND a.source LIKE \047%" $2 "%\047"
		out(name, sprintf("SELECT a.file FROM fts JOIN articles a ON a.id = fts.rowid WHERE fts MATCH \047%s\047%s ORDER BY bm25(fts, 2.0, 1.0, 0.0) LIMIT 20;", m, f))
		if ($2 != "")
			out(name "tok", sprintf("SELECT a.file FROM fts JOIN articles a ON a.id = fts.rowid WHERE fts MATCH \047{title body} : (%s) AND meta : \047 || (SELECT \047(\047 || coalesce(group_concat(\047\"s\047 || id || \047\"\047, \047 OR \047), \047\"s0\"\047) || \047)\047 FROM sources WHERE name LIKE \047%%%s%%\047)%s ORDER BY bm25(fts, 2.0, 1.0, 0.0) LIMIT 20;", m, $2, f))
	}'
}
awk -v s="$sources" 'BEGIN { n = split(s, src, " ") }
	{ printf "\"%s\"\t%s\n", $0, src[1 + (NR - 1) % n] }' "$A/words.txt" | sql_of source
awk -v s="$sources" 'BEGIN { n = split(s, src, " ") } { w[NR] = $0 }
	END { for (i = 1; i <= NR; i++)
		printf "\"%s\" OR \"%s\"\t%s\n", w[i], w[i % NR + 1], src[1 + (i - 1) % n] }' \
	"$A/words.txt" | sql_of or
awk '{ printf "\"%s\"\t\n", $0 }' "$A/phrases.txt" | sql_of phrase

list() { paste -sd, "$1"; } # a file's lines as hyperfine's -L list
times_of() { # hyperfine JSON -> every run's time (ms), one a line
	awk '/"times"/ { on = 1; next } on && /\]/ { on = 0 }
		on { gsub(/[ ,]/, ""); printf "%.3f\n", $0 * 1000 }' "$1"
}
pct() { # file of numbers, percentile -> its nearest-rank value
	sort -n "$1" | awk -v p="$2" '{ v[NR] = $1 }
		END { r = int(p / 100 * NR); if (r < p / 100 * NR) r++; if (r < 1) r = 1; printf "%.1f", v[r] }'
}
timed() { # name, runs of each, then hyperfine's -L list and command
	name=$1 runs=$2
	shift 2
	hyperfine -N --style basic --warmup 1 --runs "$runs" --output=pipe \
		--export-json "$A/$name.json" -L q "$1" "$2" >"$A/$name.log" 2>&1
	times_of "$A/$name.json" >"$A/$name.ms"
}
for shape in source or phrase entity; do
	timed "search-$shape" "$QRUNS" "$(list "$A/q-$shape.txt")" \
		"$B --archive $big --search '{q}' --format tsv"
done
timed rg 1 "$(list "$A/words.txt")" "rg --no-config -l -i -w {q} $(folders "$bign")"
toks=$(sqlite3 "$big" "SELECT count(*) FROM sqlite_master WHERE name = 'sources'" 2>/dev/null)
for shape in source or phrase sourcetok ortok; do
	case $shape in *tok) [ "$toks" = 1 ] || continue ;; esac
	timed "sqlite3-$shape" "$QRUNS" "$(seq -s, 0 $(($(wc -l <"$A/q-${shape%tok}.txt") - 1)))" \
		"sqlite3 -bail -init $A/sql-$shape-{q}.sql $big .quit"
done
# what the queries found (a query that finds nothing is timed too)
hits=0
while read -r q; do
	k=$("$B" --archive "$big" --search "$q" --format tsv | wc -l)
	hits=$((hits + k))
done <"$A/q-source.txt"
bn=$(thousands "$bign")
cpu_of() { # hyperfine JSON -> processor time (user + system) of a query's runs, median over the queries (ms)
	awk -F': ' '/"user":/ { gsub(/,/, "", $2); u = $2 }
		/"system":/ { gsub(/,/, "", $2); printf "%.3f\n", (u + $2) * 1000 }' "$1" >"$1.cpu"
	pct "$1.cpu" 50
}
shape_row() { # shape, what, peer (sqlite3 shape or ""), note
	ms="$A/search-$1.ms"
	peer="-"
	[ -n "$3" ] && peer="sqlite3 $(pct "$A/sqlite3-$3.ms" 50) / $(pct "$A/sqlite3-$3.ms" 99) (processor: $(cpu_of "$A/sqlite3-$3.json"))"
	[ -n "$3" ] && [ -s "$A/sqlite3-${3}tok.ms" ] &&
		peer="$peer; with the source tokens: $(pct "$A/sqlite3-${3}tok.ms" 50) / $(pct "$A/sqlite3-${3}tok.ms" 99) (processor: $(cpu_of "$A/sqlite3-${3}tok.json"))"
	row "$bn articles: $2, $(wc -l <"$A/q-$1.txt") queries (ms: median / p99)" \
		"$(pct "$ms" 50) / $(pct "$ms" 99)" "$peer" \
		"$4; processor time (user + system, median of the queries): brief $(cpu_of "$A/search-$1.json") ms"
}
shape_row source "\`source:S word\` search" source \
	"target < 50 ms; the sqlite3 shell: same FTS5 match, filter and bm25 order, no snippets; a process each, $QRUNS runs of each, $hits hits in all (20 at most a query)"
shape_row or "\`source:S (word OR word)\` search" or "target < 50 ms"
shape_row phrase "\`\"word word\"\` search" phrase "target < 50 ms"
shape_row entity "\`entity:\"E\" date:Y-M..Y-M\` search" "" "target < 50 ms"
row "the same words over the $bn files with \`rg -l -i -w\` (ms: median / p99)" "-" \
	"$(pct "$A/rg.ms" 50) / $(pct "$A/rg.ms" 99)" "rg: no index, no filter, one run each; brief/rg time $(ratio "$(pct "$A/search-source.ms" 50)" "$(pct "$A/rg.ms" 50)") at the median"

# ---- the reader on a search hit ----
q1=$(head -1 "$A/q-source.txt")
hit=$("$B" --archive "$big" --search "$q1" --format tsv --limit 1 | cut -f1)
if [ -n "$hit" ]; then
	name=$(basename "$hit")
	best=""
	best_less=""
	for i in 1 2 3 4 5; do
		v=$(TERM=xterm-256color "$PT" -r 40 -c 160 "$name" "$B" "$hit") || v=99999
		best=$(awk -v a="$best" -v b="$v" 'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }')
		v=$(TERM=xterm-256color "$PT" -r 40 -c 160 "$name" less "$hit") || v=99999
		best_less=$(awk -v a="$best_less" -v b="$v" 'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }')
	done
	row "a hit of \`$q1\` opened: \`brief FILE\`, first screen (ms, pty, best of 5)" "$best" "$best_less" "less"
fi
# in the reader: S, the query, Enter lists the hits; Enter opens the
# first (the reader opens the default archive: make it the largest)
mkdir -p "$XDG_DATA_HOME/brief"
rm -f "$XDG_DATA_HOME/brief/archive.db"*
ln -s "$PWD/$big" "$XDG_DATA_HOME/brief/archive.db"
first="$A/in/0/00000.txt"
tmux -L "$SOCK" kill-server 2>/dev/null
tmux -L "$SOCK" -f /dev/null new-session -d -x 160 -y 40 \
	-e LANG=C.UTF-8 -e TERM=tmux-256color -e XDG_DATA_HOME="$XDG_DATA_HOME" \
	-e XDG_CONFIG_HOME="$XDG_CONFIG_HOME" -e XDG_CACHE_HOME="$XDG_CACHE_HOME" \
	"$B $first"
screen() { tmux -L "$SOCK" capture-pane -p; }
seen() { # grep's pattern option, pattern: polls for it, 20 s at most
	t=$(now)
	until screen | grep -q "$1" -e "$2"; do
		[ "$(ms_since "$t")" -le 20000 ] || return 1
	done
}
tl="timed out" to="timed out"
if seen -E '^ A .*00000.txt' && { tmux -L "$SOCK" send-keys S; seen -F 'search the archive:'; } &&
	{ tmux -L "$SOCK" send-keys -l "$q1"; seen -F "$q1"; }; then
	t1=$(now)
	tmux -L "$SOCK" send-keys Enter
	if seen -F "archive: $q1 —"; then
		tl=$(ms_since "$t1")
		t1=$(now)
		tmux -L "$SOCK" send-keys Enter
		seen -E "opened .*$name" && to=$(ms_since "$t1")
	fi
fi
tmux -L "$SOCK" kill-server 2>/dev/null
row "reader, $bn articles: S \`$q1\` Enter, the hits listed (ms, incl. tmux)" "$tl" "-" \
	"the archive opened at the first S"
row "reader: Enter on the first hit, its first screen (ms, incl. tmux)" "$to" "-" ""
cat "$A/rows.md"

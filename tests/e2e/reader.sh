# The reader as a person uses it: two reports side by side, keys, overlays.
. tests/e2e/lib.sh
A=articles/000_b6812c9593b6cfb0.txt
B=articles/001_ac23be4cfe9d2cdd.txt

start 160 40 articles
check "both titles shown side by side" "A North Korean leader Kim Jong Un has recently emphasized"
check_line "second report's title in the right pane" "│B North Korean leader Kim Jong Un has pledged"
check "metadata of the first report" "2024-01-01"
check "source of the second report" "The Canadian Press"
check "curly quotes intact" "“thoroughly annihilate”"
check "status line names the focused report" " A $A"

# colours: actors are drawn in the theme's colour (256-colour terminal)
if wait_escape '38;5;81'; then ok "actors coloured (256 colours)"; else
	not_ok "actors coloured (256 colours)" "no 38;5;81 in the capture"; fi

# help lists every key
keys '?'
check "help overlay" "brief — keys"
for k in "scroll down a line" "search (PCRE2" "select the next highlighted mention" \
	"next mention of the selected entity" "entity index"; do
	check "help lists: $k" "$k"
done
keys NPage NPage
check "help lists, further down: command line" "command line"
keys Escape
check_gone "Esc closes help" "brief — keys"

# scrolling
keys C-e C-e C-e
check_line "C-e scrolls down" "^  military spy satellites|^  and South Korea if provoked"
keys g
check "g goes to the top" "▌ North Korean leader Kim Jong Un has recently"
keys G
check "G goes to the bottom" "Overall, the developments"
keys g

# search and n
keys /
type_text "hemiplegic"
keys Enter
check "search finds a match" "hemiplegic malformation"
check "search pattern in the status line" "/hemiplegic"
keys /
type_text "(unclosed"
check "bad pattern reported" "bad pattern"
keys Escape
keys /
type_text "drills"
keys Enter
check "search for drills" "/drills"
keys n
check "n moves on" "/drills"
keys Escape

# e selects, ] continues into the other report
keys g e
check_line "e selects a mention; status names its entity" "Kim Jong Un: [0-9]+ in A, [0-9]+ in B"
# from the first of A's n mentions, n presses of ] leave report A (the
# status line does not change on each press, so they go together; the
# message of the last one stays)
n=$(screen | grep -o 'Kim Jong Un: [0-9]* in A' | grep -o '[0-9][0-9]*')
i=0
while [ $i -lt "${n:-0}" ]; do
	keys ']'
	i=$((i + 1))
done
check "] continues into the other report" "continued in the other report"
check_line "focus moved to B" "^ B $B"
check_line "the same entity is still selected" "Kim Jong Un: [0-9]+ in A, [0-9]+ in B"

# x lists the mentions from both reports
keys x
check_line "x heads the list with the counts" "Kim Jong Un — [0-9]+ mentions? in A, [0-9]+ in B"
check "x groups by report A" "A: North Korean leader"
check "x groups by report B" "B: North Korean leader"
keys Escape
check_gone "Esc closes the list" "mentions in A"

# i with a filter
keys i
check "i opens the entity index" "Entity index"
type_text "zelen"
check "filter keeps Zelensky" "Volodymyr Zelensky"
check_gone "filter drops Kim" "Kim Jong Un  "
keys Enter
check_line "Enter selects the entity" "Volodymyr Zelensky: 0 in A, 1 in B"

# Tab, z, s, o
keys Tab
check_line "Tab focuses the other pane" "^ A $A"
keys Tab G
check "boilerplate folded" "▸ Receive national news daily"
check "copyright line folded" "▸ © 2024 The Canadian Press"
keys z
check "z unfolds boilerplate" "boilerplate shown"
keys z
check "z folds boilerplate again" "boilerplate folded"
keys s
check "s turns sync on" "[sync]"
keys s
keys o
check "o offers the articles" "Show which article in this pane?"
keys Escape
keys :
type_text "theme light"
keys Enter
check "theme switched" "theme light"
keys :
type_text "nonsense"
keys Enter
check "unknown command reported" "unknown command"

quit_ok "q quits with status 0"

# wire copy: the headline above the story, bold and marked; the dateline
# at the head of the lead, where only its date is marked
printf 'Allies pledge drones to Kyiv\n\nBRUSSELS, Oct 15 (AP) — NATO ministers met.\n\nMore text follows here.\n' >"$TMP/wire.txt"
start 100 20 "$TMP/wire.txt"
check_line "headline shown above the story" "^  Allies pledge drones to Kyiv"
check_line "dateline kept at the head of the lead" "BRUSSELS, Oct 15 \(AP\) — NATO ministers met"
wait_escape '38;5;[0-9]+mOct 15' # the marks, a moment after the text
hl=$(screen_e | grep 'Allies pledge')
case $hl in
*'[1m'*'38;5;'*drones*) ok "headline bold, its weapon coloured" ;;
*) not_ok "headline bold, its weapon coloured" "$hl" ;;
esac
dl=$(screen_e | grep 'BRUSSELS')
if echo "$dl" | grep -qE '38;5;[0-9]+mOct 15' &&
	! echo "$dl" | grep -qE '38;5;[0-9]+m(BRUSSELS|AP)'; then
	ok "dateline: the date marked, the place and agency not"
else
	not_ok "dateline: the date marked, the place and agency not" "$dl"
fi
quit_ok "q quits the wire article"
finish

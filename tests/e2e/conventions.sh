# The habits users bring from less and vim (issue 20): paging stops at the
# end with the status line saying END, counts before motions, § jumps,
# marks, paragraph steps, the current search match as N/M, an unbound key
# answered, q closing the index.
. tests/e2e/lib.sh

cp -R articles "$TMP/articles"
E2E_DIR=$TMP
start 100 24 articles/000_b6812c9593b6cfb0.txt articles/001_ac23be4cfe9d2cdd.txt
check "reader open" "North Korean leader Kim Jong Un has recently"
check_line "the status line gives the paragraphs shown and a percent" \
	" A articles/000_b6812c9593b6cfb0.txt  §1–3/9  [0-9]+%"

# Space many times: the last page stays full and the status says END
keys Space Space Space Space Space Space Space Space
check_line "paging past the end stops at END" " A articles/000_b6812c9593b6cfb0.txt  §[0-9]+–9/9  END"
check "the last paragraph is on the screen" "remains challenging."
check "the last page is full (the row before the end is text)" "find a resolution to the ongoing tensions"
keys G
check_line "G agrees with paging: END" "§[0-9]+–9/9  END"

# counts
keys g 5 C-e
check_line "5 C-e scrolls five lines" " A articles/000_b6812c9593b6cfb0.txt  §1–[0-9]/9  [0-9]+%"
check_gone "5 C-e: the first lines are gone" "▌ North Korean leader Kim Jong Un has recently"
keys 4 G
check_line "4G goes to §4" " A articles/000_b6812c9593b6cfb0.txt  §4–[0-9]/9"
keys 1 0 G
check_line "10G past the end: the last paragraph" "§[0-9]+–9/9  END"
check "10G says how many there are" "there are 9 paragraphs"
keys 5 0 %
check_line "50% goes near the middle" "§[4-6]–[0-9]/9  [0-9]+%"

# :N goes to § N
keys :
type_text "3"
keys Enter
check_line ":3 goes to §3" " A articles/000_b6812c9593b6cfb0.txt  §3–[0-9]/9"

# marks: m a, elsewhere, ' a comes back; '' returns
keys m a
check "m a is acknowledged" "mark a set"
keys g
check_line "g: back at the top" "§1–3/9"
keys "'" a
check_line "'a returns to the mark" " A articles/000_b6812c9593b6cfb0.txt  §3–[0-9]/9"
keys "'" "'"
check_line "'' returns to where the jump started" "§1–3/9"
keys "'" z
check "an unset mark is reported" "mark z is not set"

# } and {
keys g '}'
check_line "} goes to the next paragraph" "§2–[0-9]/9"
keys '{'
check_line "{ goes back" "§1–3/9"

# the search: N/M and n from the current match
keys /
type_text "Kim"
keys Enter
check "the search says which match of how many" "/Kim  1/7"
keys n
check "n: the second match" "/Kim  2/7"
keys 3 n
check "3n: three matches on" "/Kim  5/7"
keys N
check "N: back one" "/Kim  4/7"
keys Escape

# an unbound key gets an answer
keys Z
check "an unbound key is answered" "Z is not a key here"

# q in the entity index closes it when nothing is typed
keys i
check "the index opens" "sorted by"
keys q
check_gone "q closes the index" "sorted by"
check "the reader is back" "A articles/000_b6812c9593b6cfb0.txt"
keys i
type_text "kim"
check "typing filters the index" "filter: kim"
keys Escape
keys q
wait_exit
expect_eq "q quits with status 0" "$RC" 0

# & shows only the paragraphs that match; & alone shows all again (wide:
# the search messages below are long)
start 200 24 articles/000_b6812c9593b6cfb0.txt articles/001_ac23be4cfe9d2cdd.txt
check "reader open again" "North Korean leader Kim Jong Un has recently"
keys '&'
type_text "hemiplegic"
keys Enter
check "&pattern says how many paragraphs" "&hemiplegic: 1 paragraph shown here"
check "&pattern: the matching paragraph is shown" "hemiplegic"
check_gone "&pattern: the others are hidden" "▌ North Korean leader Kim Jong Un has recently"
keys '&' Enter
check "& alone shows every paragraph" "every paragraph shown"
check "& alone: the first paragraph is back" "North Korean leader Kim Jong Un has recently"

# * searches for the selected mention as whole words
keys g e
keys '*'
check "* searches for the selected mention as whole words" 'North\ Korean\ leader'
check "* finds its one occurrence" '  1/1'
keys Escape g e e
keys '#'
check "# searches backwards for the selected mention" 'Kim\ Jong\ Un'
# with no selection: the word at the cursor
keys Escape Escape g 8 w '*'
check "* with no selection: the word at the cursor" '\bemphasized\b'
keys Escape
keys Escape

# the search history: Up at the prompt brings back the last search
keys /
type_text "Yoon"
keys Enter
check "a search" "/Yoon  1/"
keys / Up
check "Up at / brings back the last search" "/Yoon"
keys Escape
# Tab completes a command and a setting
keys :
type_text "se"
keys Tab
type_text "gut"
keys Tab
check "Tab completes :se gut into :set gutter" ":set gutter"
keys Enter
check_line "the completed command ran" "^ +1 ▌ North Korean leader"
keys :
type_text "set search_both"
keys Enter
# search_both: n past the last match in A goes on into B
keys /
type_text "Zelensky"
keys Enter
check "search_both: a match only B has is found there" "/Zelensky  1/1"
check_line "search_both: the focus moved to B" "^ B "
keys Tab g
keys /
type_text "Trump"
keys Enter
check "search_both: n from A's search ..." "/Trump"
keys n
check "search_both: ... goes on into B rather than wrapping" "(on in the other report)"
keys q
wait_exit
# the history is kept across sessions
if grep -qx '/Yoon' "$XDG_STATE_HOME/brief/history"; then ok "the history file keeps /Yoon"; else
	not_ok "the history file keeps /Yoon" "$(cat "$XDG_STATE_HOME/brief/history" 2>&1)"; fi
start 100 24 articles/000_b6812c9593b6cfb0.txt articles/001_ac23be4cfe9d2cdd.txt
check "reader open a third time" "North Korean leader Kim Jong Un has recently"
keys / Up
check "Up brings back the last search of the last session" "/Trump"
keys Up
check "Up again: the one before" "/Zelensky"
keys Up
check "Up again: the one before that" "/Yoon"
keys Escape q
wait_exit
finish

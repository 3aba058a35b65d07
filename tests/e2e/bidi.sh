# Text from files never drives the terminal: bidirectional overrides,
# isolates and marks are shown by their code point, a byte that is not
# UTF-8 (in a file name: pane header, status line, the o picker, messages)
# as <9B>, and what is counted is what is drawn, so rows stay aligned.
. tests/e2e/lib.sh
# brief runs in $TMP with short relative names, so that what the screen
# shows does not depend on the length of the temporary path
cp articles/001_ac23be4cfe9d2cdd.txt "$TMP/b.txt"
B=b.txt
E2E_DIR=$TMP
mkdir "$TMP/names"
BAD="names/x$(printf '\233')y.txt"
printf 'Plain title here\n\nKim said abc\342\200\256def and \342\201\246iso\342\201\251 end, mark\342\200\217 done. A C1 \302\233 control.\n' >"$TMP/$BAD"

# raw_absent NAME OCTAL-BYTES: the screen does not hold those bytes
raw_absent() {
	if screen | grep -q "$(printf "$2")"; then
		not_ok "$1" "the screen holds the raw bytes" "$(screen | grep -n "$(printf "$2")" | od -c | head -5)"
	else ok "$1"; fi
}
# dividers_aligned NAME: every row of the two panes has its divider at
# the same column
dividers_aligned() {
	cols=$(screen | grep '│' | while IFS= read -r line; do
		printf '%s' "${line%%│*}" | wc -m
	done | sort -u | tr '\n' ' ')
	rows=$(screen | grep -c '│')
	if [ "$rows" -ge 10 ] && [ "$(echo "$cols" | wc -w)" -eq 1 ]; then ok "$1"; else
		not_ok "$1" "divider columns: $cols ($rows rows)" "--- screen:" "$(screen)"; fi
}

start 140 20 "$BAD" "$B"
check "reader open on the oddly named file" "Plain title here"
check "U+202E shown by its code point" "abc<U+202E>def"
check "isolates shown" "<U+2066>iso<U+2069>"
check "a right-to-left mark shown" "mark<U+200F>"
check "a C1 control shown" "A C1 <9B> control"
raw_absent "no raw override on the screen" '\342\200\256'
raw_absent "no raw isolate on the screen" '\342\201\246'
raw_absent "no raw C1 control on the screen" '\302\233'
raw_absent "no raw 0x9B byte on the screen" '\233'
check "the header shows the file name's byte" "/x<9B>y.txt"
dividers_aligned "pane rows aligned beside the odd name"
check_line "the status line shows the name's byte" "^ A .*/x<9B>y\\.txt  §1–2/2  END"
# a selected mention puts the entity at the right end: the status line
# is exactly the width of the terminal (-N keeps its trailing blank)
keys e
check_line "a mention selected" "Kim Jong Un: [0-9]+ in A, [0-9]+ in B"
w=$(tmux -L "$SOCK" capture-pane -p -N | tail -n 1 | tr -d '\n' | wc -m)
expect_eq "the status line fills the width exactly" "$w" 140
# the o picker
keys o
check "the picker shows the name's byte" "x<9B>y.txt"
raw_absent "no raw byte in the picker" '\233'
keys Escape
check_gone "picker closed" "Show which article"
# a message that quotes a file name (:open of a directory whose article
# is refused)
mkdir "$TMP/bin"
printf 'a\000b' >"$TMP/bin/z$(printf '\233')q.txt"
keys :
type_text "open bin"
keys Enter
check "the message shows the name's byte" "z<9B>q.txt: binary file"
raw_absent "no raw byte in the message" '\233'
quit_ok "quit after odd names"
finish

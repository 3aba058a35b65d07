# Every key of the reader does what ? says (the ones reader.sh does not
# already cover).
. tests/e2e/lib.sh
A=articles/000_b6812c9593b6cfb0.txt
B=articles/001_ac23be4cfe9d2cdd.txt

# brief runs in $TMP, the articles given by short relative names (the
# status line must not depend on the length of the temporary path)
cp -R articles "$TMP/articles"
E2E_DIR=$TMP
start 100 24 articles
check "reader open" "North Korean leader Kim Jong Un has recently"
keys Space
check_gone "Space pages down" "▌ North Korean leader Kim Jong Un has recently"
keys C-b
check "C-b pages up" "▌ North Korean leader Kim Jong Un has recently"
keys NPage
check_gone "PgDn pages down" "▌ North Korean leader Kim Jong Un has recently"
keys PPage
check "PgUp pages up" "▌ North Korean leader Kim Jong Un has recently"
keys d
check_gone "d scrolls half a page" "▌ North Korean leader Kim Jong Un has recently"
keys u
check "u scrolls back" "▌ North Korean leader Kim Jong Un has recently"
keys C-e C-e
check_gone "C-e scrolls a line" "▌ North Korean leader Kim Jong Un has recently"
keys C-y C-y
check "C-y scrolls back" "▌ North Korean leader Kim Jong Un has recently"
keys End
check "End goes to the bottom" "Overall, the developments"
keys Home
check "Home goes to the top" "▌ North Korean leader Kim Jong Un has recently"

# E selects backwards, [ goes to the previous mention of the entity
keys e e e
check_line "e e e: a selection" " A $A .*: [0-9]+ in A"
keys E
check_line "E selects the previous mention" " A $A .*: [0-9]+ in A"
keys Escape g e ']' ']' '['
check_line "[ goes back to an earlier mention" "Kim Jong Un: [0-9]+ in A, [0-9]+ in B"
keys Escape
check_gone "Esc clears the selection" "Kim Jong Un: "

# N searches backwards
keys /
type_text "Korea"
keys Enter
keys n n N
check "N moves back (pattern shown)" "/Korea"
keys Escape

# :open adds an article and shows it; :q quits
printf 'Opened report about NATO and Kim Jong Un.\n\nSecond paragraph.\n' >"$TMP/extra.txt"
keys :
type_text "open extra.txt"
keys Enter
check "opened" "Opened report about NATO"
keys o
check "o lists three articles" "extra.txt"
keys Escape
keys :
type_text "open missing.txt"
keys Enter
check "a missing file is reported" "missing.txt: No such file or directory"
# :open DIR adds its articles
mkdir "$TMP/more"
printf 'Dirfile one about Seoul and Kim.\n' >"$TMP/more/one.txt"
printf 'Dirfile two about Moscow.\n' >"$TMP/more/two.txt"
keys :
type_text "open more"
keys Enter
check ":open DIR: its articles" "(2 articles"
check ":open DIR: the first shown" "Dirfile one about Seoul"
keys o
check ":open DIR: o lists them" "two.txt"
keys Escape
mkdir "$TMP/empty"
keys :
type_text "open empty"
keys Enter
check ":open of an empty directory is reported" "no articles"
keys :
type_text "open -"
keys Enter
check ":open - is refused" "standard input can only be read at start-up"
keys :
type_text "q"
keys Enter
wait_exit
expect_eq ":q quits with status 0" "$RC" 0
finish

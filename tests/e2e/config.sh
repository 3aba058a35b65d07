# The config file (set, bind, color), :set, and the § gutter (issue 20).
. tests/e2e/lib.sh

cp -R articles "$TMP/articles"
E2E_DIR=$TMP
A=articles/000_b6812c9593b6cfb0.txt
B=articles/001_ac23be4cfe9d2cdd.txt
mkdir -p "$XDG_CONFIG_HOME/brief"
cat >"$XDG_CONFIG_HOME/brief/config" <<'CFG'
# a rebinding, an unbinding, a setting and a colour
bind K page-down
bind z none
set gutter = on
color actor red default bold
CFG
start 100 24 "$A" "$B"
check "reader open with a config" "North Korean leader Kim Jong Un has recently"
check_line "set gutter = on: § numbers on the left" "^ +1 ▌ North Korean leader"
keys K
check_gone "bind K page-down: K pages down" "▌ North Korean leader Kim Jong Un has recently"
keys g z
check "bind z none: z is unbound" "z is not a key here"
keys '?'
check "? shows the keys in effect (K added to page-down)" "Space K f PgDn"
keys NPage NPage NPage NPage
check "? shows the settings" "gutter=on"
keys Escape
keys :
type_text "set nogutter"
keys Enter
check "':set nogutter' says so" "gutter=off"
check_line ":set nogutter: the numbers go" "^▌ North Korean leader"
keys :
type_text "set gutter=sideways"
keys Enter
check ":set with a bad value is refused" "gutter is on or off, not 'sideways'"
keys :
type_text "set bogus"
keys Enter
check ":set of an unknown setting is refused" "unknown setting 'bogus'"
keys :
type_text "set gutter"
keys Enter
check_line ":set gutter: the numbers come back" "^ +1 ▌ North Korean leader"
keys :
type_text "set"
keys Enter
check ":set lists every setting" "search_both=off"
quit_ok "quit with a config"

# a malformed config: refused before the screen opens, exit 2
printf 'set gutter = on\nbind K frobnicate\n' >"$XDG_CONFIG_HOME/brief/config"
run "$A"
expect_rc "a bad action in the config: exit 2" 2
expect_err "the message names file, line and column" \
	"brief/config:2:8: unknown action 'frobnicate'"
printf 'color actor purple\n' >"$XDG_CONFIG_HOME/brief/config"
run "$A"
expect_rc "a bad colour: exit 2" 2
expect_err "a bad colour: file, line and column" "config:1:13: unknown colour 'purple'"
printf 'set history = -4\n' >"$XDG_CONFIG_HOME/brief/config"
run "$A"
expect_rc "a bad number: exit 2" 2
expect_err "a bad number: file, line and column" "config:1:15: history is a whole number"

# --config FILE instead of the XDG one (which is broken here)
printf 'set gutter = on\n' >"$TMP/other.config"
printf 'nonsense here\n' >"$XDG_CONFIG_HOME/brief/config"
start 100 24 --config "$TMP/other.config" "$A" "$B"
check_line "--config FILE is read instead" "^ +1 ▌ North Korean leader"
quit_ok "quit with --config"
finish

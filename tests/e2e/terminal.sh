# The terminal shared with the user: sizes, colours, signals, hostile
# text, standard input.
. tests/e2e/lib.sh
A=articles/000_b6812c9593b6cfb0.txt
B=articles/001_ac23be4cfe9d2cdd.txt

# resize to 60x20 (one pane) and back, keeping the reading position
start 160 40 articles
check "wide: two panes" "│B North Korean leader"
keys C-e C-e C-e C-e C-e C-e
# the sixth C-e moves the status to §2 (five leave it at §1): all six
# are read before the resize, whose rows are narrower
check_line "scrolled before resizing" "^ A articles/000_b6812c9593b6cfb0.txt +§2–"
check_line "scrolled six rows" "^  In a major ruling party meeting"
resize 60 20
check "narrow: one pane with a hint" "[Tab: other report]"
check_gone "narrow: the other pane is gone" "│B North Korean"
check "narrow: keeps the reading position" "Kim outlined his plans"
keys Tab
check_line "narrow: Tab shows report B" "^B North Korean leader Kim Jong Un has pledged"
keys Tab
resize 160 40
check "back to two panes" "│B North Korean leader"
check "position kept after resizing back" "Kim outlined his plans"
keys C-l
check "Ctrl-L repaints" "│B North Korean leader"
quit_ok "quit after resizing"

# mouse: a click selects the mention under it and focuses its pane; the
# wheel scrolls (X10 mouse reports, as xterm sends them)
start 160 40 articles
check "mouse: reader open" "│B North Korean leader"
# "Kim Jong Un" in B's first text row starts at column 103 (1-based 104)
tmux -L "$SOCK" send-keys -H 1b 5b 4d 20 $(printf '%x' $((104 + 32))) $(printf '%x' $((3 + 32)))
tmux -L "$SOCK" send-keys -H 1b 5b 4d 23 $(printf '%x' $((104 + 32))) $(printf '%x' $((3 + 32)))
check_line "click selects Kim Jong Un and focuses B" "^ B $B .*Kim Jong Un: [0-9]+ in A"
tmux -L "$SOCK" send-keys -H 1b 5b 4d 61 $(printf '%x' $((104 + 32))) $(printf '%x' $((10 + 32)))
check_gone "wheel scrolls the pane" "│▌ North Korean leader Kim Jong Un has pledged"
quit_ok "quit after the mouse"

# Ctrl-Z suspends to the shell; fg brings the screen back
kill_server
rm -f "$TMP/rc"
# (the prompt comes from an rc file: bash run by root ignores PS1 from the
# environment, and its default prompt differs between users)
printf "PS1='shell-ready\$ '\n" >"$TMP/bashrc"
tmux -L "$SOCK" -f /dev/null new-session -d -x 120 -y 30 -e LANG=C.UTF-8 \
	-e TERM=tmux-256color -e HOME="$HOME" \
	-e XDG_CONFIG_HOME="$XDG_CONFIG_HOME" "bash --rcfile '$TMP/bashrc' --noprofile -i"
check "shell ready" "shell-ready\$"
type_text "$BRIEF articles"
keys Enter
check "brief in the shell" "North Korean leader"
keys C-z
check "Ctrl-Z returns to the shell" "Stopped"
type_text "fg"
keys Enter
check "fg brings brief back" "North Korean leader Kim Jong Un has recently"
keys j q
type_text "echo status=\$?"
keys Enter
check "quits normally after resuming" "status=0"

# a terminal too small to be useful
start 20 6 articles
check "20x6: too small message" "too small"
quit_ok "q quits from the too-small screen"

# NO_COLOR: attributes only, no colour codes
E2E_ENV=NO_COLOR=1 start 160 40 articles
check "NO_COLOR: text shown" "Kim Jong Un"
gate
wait_escape '\[1m' # the marks (bold), a moment after the text
if screen_e | grep -qE '\[(3[0-7]|38;5)'; then
	not_ok "NO_COLOR: no colour escapes" "$(screen_e | grep -oE '\[(3[0-7]|38;5)[^m]*m' | head -3)"
else ok "NO_COLOR: no colour escapes"; fi
if screen_e | grep -q '\[1m'; then ok "NO_COLOR: mentions still bold"; else
	not_ok "NO_COLOR: mentions still bold" "no bold in capture"; fi
ungate
quit_ok "quit with NO_COLOR"
E2E_ENV=

start 160 40 --no-color articles
check "--no-color: text shown" "Kim Jong Un"
gate
wait_escape '\[1m' # the marks (bold), a moment after the text
if screen_e | grep -qE '\[(3[0-7]|38;5)'; then not_ok "--no-color: no colour escapes"; else
	ok "--no-color: no colour escapes"; fi
ungate
quit_ok "quit with --no-color"

# 8 colours (TERM=xterm): still coloured, with basic colours
E2E_ENV=TERM=xterm start 160 40 articles
check "xterm: text shown" "Kim Jong Un"
if wait_escape '\[3[0-7]m'; then ok "8 colours: basic colour codes"; else
	not_ok "8 colours: basic colour codes"; fi
quit_ok "quit in 8 colours"
E2E_ENV=

# light and mono themes by name
start 160 40 --theme mono articles
check "mono theme opens" "Kim Jong Un"
quit_ok "quit mono"

# a malformed theme: message before the screen opens, exit 2
printf 'name: bad\nroles:\n  actor: {fg: purple-ish}\n' >"$TMP/bad.yaml"
run --theme "$TMP/bad.yaml" articles
expect_rc "malformed theme exits 2" 2
expect_err "malformed theme: FILE:LINE:COL" "$TMP/bad.yaml:3:"
printf 'roles: [\n' >"$TMP/broken.yaml"
run --theme "$TMP/broken.yaml" articles
expect_rc "broken theme YAML exits 2" 2
expect_err "broken theme: FILE:LINE:COL" "$TMP/broken.yaml:"
run --theme no-such-theme articles
expect_rc "unknown theme exits 2" 2

# signals restore the terminal
for sig in TERM INT HUP; do
	start 100 30 articles
	check "SIG$sig: reader open" "Kim Jong Un has recently"
	gate
	pid=$(brief_pid || true)
	if [ -n "$pid" ]; then kill -s $sig "$pid"; fi
	if [ -n "$pid" ] && wait_exit && [ "$RC" -ne 0 ]; then ok "SIG$sig ends brief (status $RC)"; else
		not_ok "SIG$sig ends brief" "status $RC, pid '$pid'"; fi
	# the alternate screen is gone: the pane no longer shows the reader
	if wait_gone "Kim Jong Un has recently"; then ok "SIG$sig restores the terminal"; else
		not_ok "SIG$sig restores the terminal" "$(screen)"; fi
	ungate
done

# control characters and escape sequences are shown, never sent
printf 'Header line\n\nEvil \033[31mred\033[0m text with a bell \007 and \033]0;title\007 inside. More text here.\n\nSecond paragraph about Kim Jong Un.\n' >"$TMP/evil.txt"
start 120 30 "$TMP/evil.txt"
check "escape shown as ^[" "Evil ^[[31mred^[[0m"
check "bell shown as ^G" "bell ^G"
quit_ok "quit after hostile text"

# '-' reads an article from standard input; keys come from the terminal
cat >"$TMP/stdin.sh" <<EOS
cd "$PWD"
printf 'Piped report about Vladimir Putin and NATO.\n\nSecond paragraph.\n' | "$BRIEF" - "$B" 2>"$TMP/stderr"
echo \$? > "$TMP/rc"
exec tail -f /dev/null
EOS
kill_server
rm -f "$TMP/rc"
tmux -L "$SOCK" -f /dev/null new-session -d -x 160 -y 40 \
	-e LANG=C.UTF-8 -e TERM=tmux-256color -e HOME="$HOME" \
	-e XDG_CONFIG_HOME="$XDG_CONFIG_HOME" "sh '$TMP/stdin.sh'"
check "stdin article shown" "Piped report about Vladimir Putin"
check "file article beside it" "│B North Korean leader"
keys j
quit_ok "keys read from the terminal; q quits"

# batch flags show a progress bar on stderr when it is a terminal
rm -f "$TMP/rc"
awk 'BEGIN { srand(7); for (i = 0; i < 400000; i++) print "Kim met Trump in Seoul and 3,000 troops left for Moscow on Friday." }' >"$TMP/big.txt"
kill_server
tmux -L "$SOCK" -f /dev/null new-session -d -x 120 -y 10 -e LANG=C.UTF-8 \
	"cd '$PWD' && '$BRIEF' --mentions '$TMP/big.txt' >/dev/null; echo done > '$TMP/rc'; exec tail -f /dev/null"
check "progress bar on a terminal" "[#"
wait_exit
finish

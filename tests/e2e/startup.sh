# The reader's start: the first screen's text is drawn before the engine
# (registry, lexicon, highlighter) is loaded, its marks after; an engine
# that fails to load then gives the terminal back, says why as the batch
# modes do and exits 2.  What brief writes to the terminal is recorded
# with tmux's pipe-pane, set up while brief waits at a gate (a FIFO)
# before it starts.
. tests/e2e/lib.sh
E2E_DIR="$TMP/w"
mkdir -p "$E2E_DIR"
cp articles/000_b6812c9593b6cfb0.txt "$E2E_DIR/a.txt"
mkfifo "$TMP/go"
cat >"$TMP/gate.sh" <<GATE
read _ <"$TMP/go"
exec "\$@"
GATE
# the actor's colour in the default theme (fg 81) as tmux-256color's
# setaf writes it
MARK='38;5;81m'

# gated_start: start brief (a.txt) behind the gate, record the pane's
# output in $TMP/raw, then let brief go.  0 when it was let go.
gated_start() {
	rm -f "$TMP/raw"
	: >"$TMP/raw"
	BRIEF_WRAP="sh $TMP/gate.sh" start 100 30 a.txt
	tmux -L "$SOCK" pipe-pane -o "cat >>'$TMP/raw'" &&
		timeout "$DEADLINE" sh -c "echo go >'$TMP/go'"
}
# offset TEXT: the byte offset of TEXT's first occurrence in the
# recorded output, else nothing
offset() { grep -abo -F -- "$1" "$TMP/raw" | head -1 | cut -d: -f1; }
raw_has() { grep -qF -- "$1" "$TMP/raw"; }
alt_off() { [ "$(tmux -L "$SOCK" display -p '#{alternate_on}')" = 0 ]; }

# a good start: the text first, its marks after, before any key
if gated_start && wait_for "emphasized the importance"; then
	ok "started behind the gate: the first screen is shown"
else
	not_ok "started behind the gate: the first screen is shown" \
		"$(why_not)" "--- screen:" "$(screen)"
fi
gate
if poll "$DEADLINE" raw_has "$MARK"; then
	# the status line is the first draw's last row: all the text is
	# written before the first mark
	t=$(offset '§1–') m=$(offset "$MARK")
	if [ -n "$t" ] && [ -n "$m" ] && [ "$t" -lt "$m" ]; then
		ok "the whole screen's text is written before the first mark's colour"
	else
		not_ok "the whole screen's text is written before the first mark's colour" \
			"status line at byte ${t:-none}, mark colour at ${m:-none}"
	fi
else
	not_ok "the whole screen's text is written before the first mark's colour" \
		"no mark colour in the output ($(wc -c <"$TMP/raw") bytes)"
fi
quit_ok "quits after the marked screen"
ungate

# a broken lexicon in the config dir: found after the text is shown
printf 'entities:\n  - name: [Unclosed\n' >"$XDG_CONFIG_HOME/brief/lexicon.yaml"
case $BRIEF in /*) b=$BRIEF ;; *) b=$PWD/$BRIEF ;; esac
(cd "$E2E_DIR" && "$b" --mentions a.txt >/dev/null 2>"$TMP/want")
rc=$?
if [ $rc = 2 ] && grep -q 'lexicon.yaml:3:1: ' "$TMP/want"; then
	ok "the batch refuses the broken lexicon (status 2, FILE:LINE:COL)"
else
	not_ok "the batch refuses the broken lexicon (status 2, FILE:LINE:COL)" \
		"status $rc" "stderr: $(cat "$TMP/want")"
fi
gate
gated_start
if wait_exit && [ "$RC" = 2 ]; then
	ok "the reader exits 2 on the broken lexicon"
else
	not_ok "the reader exits 2 on the broken lexicon" "exit status $RC" \
		"stderr: $(cat "$TMP/stderr")"
fi
if [ -s "$TMP/want" ] && cmp -s "$TMP/want" "$TMP/stderr"; then
	ok "the reader's message is the batch's"
else
	not_ok "the reader's message is the batch's" \
		"want: $(cat "$TMP/want")" "got: $(cat "$TMP/stderr")"
fi
restore=$(printf '\033[?1049l')
if poll "$DEADLINE" raw_has "$restore"; then
	t=$(offset '§1–') r=$(offset "$restore")
	if [ -n "$t" ] && [ "$t" -lt "$r" ] && ! raw_has "$MARK"; then
		ok "the text was drawn (no mark) before the screen was given back"
	else
		not_ok "the text was drawn (no mark) before the screen was given back" \
			"text at byte ${t:-none}, restore at $r" \
			"mark colour: $(offset "$MARK")"
	fi
else
	not_ok "the text was drawn (no mark) before the screen was given back" \
		"the alternate screen was not left ($(wc -c <"$TMP/raw") bytes)"
fi
if poll "$DEADLINE" alt_off && hides "emphasized the importance"; then
	ok "the terminal is restored (main screen, the text gone)"
else
	not_ok "the terminal is restored (main screen, the text gone)" \
		"alternate_on: $(tmux -L "$SOCK" display -p '#{alternate_on}')" \
		"--- screen:" "$(screen)"
fi
ungate
rm -f "$XDG_CONFIG_HOME/brief/lexicon.yaml"
kill_server
finish

# Quitting never drops a note silently: with notes that could not be
# saved (the notes file's directory replaced by a regular file, which
# even root cannot write under), q and :q ask; r retries, w writes them
# elsewhere (:write FILE), Q and :q! quit anyway with status 2 and say
# how many were lost.  Signals end brief promptly, even while the editor
# holds a 5 MB line, restore the terminal and say what was lost.
. tests/e2e/lib.sh

# disk_full / disk_back: the notes directory becomes a regular file, and
# comes back
disk_full() { mv "$TMP/d" "$TMP/d.away" && : >"$TMP/d"; }
disk_back() { rm -f "$TMP/d" && mv "$TMP/d.away" "$TMP/d"; }
# still_running NAME: brief has not exited
still_running() {
	if [ -s "$TMP/rc" ]; then not_ok "$1" "exited with $(cat "$TMP/rc")"; else ok "$1"; fi
}
# alt_screen_off NAME: tmux says the pane left the alternate screen
alt_screen_off() {
	a=$(tmux -L "$SOCK" display-message -p '#{alternate_on}')
	if [ "$a" = 0 ]; then ok "$1"; else not_ok "$1" "alternate_on=$a"; fi
}
# add_note TEXT: a note on the sentence at the top of the focused pane
add_note() {
	keys a
	wait_for "New note on" >/dev/null
	type_text "$1"
	keys Enter
}
N="$TMP/d/notes.yaml"

# 1. q asks; Esc stays; Q quits anyway: status 2 and the count on stderr
mkdir "$TMP/d"
start 160 40 --notes "$N" articles
check "reader open" "North Korean leader"
disk_full
add_note "lost on purpose"
check "the failed save is said" "cannot be saved"
keys q
check "q asks what to do with the unsaved note" "1 note not saved: r retries"
still_running "q did not quit"
keys Escape
check "Esc stays" "not quitting"
still_running "still running after Esc"
keys :
type_text "q"
keys Enter
check ":q asks too" "1 note not saved: r retries"
keys Q
if wait_exit && [ "$RC" = 2 ]; then ok "Q quits anyway with status 2"; else
	not_ok "Q quits anyway with status 2" "status $RC"; fi
if grep -qx "brief: 1 note not saved" "$TMP/stderr"; then ok "stderr says one note was not saved"; else
	not_ok "stderr says one note was not saved" "$(cat "$TMP/stderr")"; fi
check_cleared "the terminal is restored after Q" "North Korean leader"
alt_screen_off "alternate screen off after Q"
disk_back

# 2. w writes the notes elsewhere; a later change asks again; r retries
# once the directory is back, saves and quits with status 0
start 160 40 --notes "$N" articles
check "reader open again" "North Korean leader"
disk_full
add_note "kept elsewhere"
check "the failed save is said again" "cannot be saved"
keys q
check "q asks" "1 note not saved"
keys w
check_line "w opens :write" "^:write *$"
type_text "$TMP/elsewhere.yaml"
keys Enter
check "written elsewhere" "notes written to"
run --notes "$TMP/elsewhere.yaml" --export-notes yaml articles
expect_rc "the written file is a notes file" 0
expect_out "... holding the unsaved note" "kept elsewhere"
keys :
type_text "write $TMP/elsewhere.yaml"
keys Enter
check ":write does not replace a file" "exists (:write! "
keys e a
wait_for "New note on" >/dev/null
type_text "a second one"
keys Enter
check "the second save fails too" "cannot be saved"
keys q
check "a change after :write asks again" "2 notes not saved"
keys r
check "r while the disk is still full says so" "cannot be saved"
still_running "a failed retry does not quit"
disk_back
keys r
if wait_exit && [ "$RC" = 0 ]; then ok "r saves and quits with status 0"; else
	not_ok "r saves and quits with status 0" "status $RC" "$(cat "$TMP/stderr")"; fi
run --notes "$N" --export-notes yaml articles
expect_out "the retry saved the first note" "kept elsewhere"
expect_out "the retry saved the second note" "a second one"

# 3. :q! quits anyway
start 160 40 --notes "$N" articles
check "reader open a third time" "North Korean leader"
disk_full
add_note "dropped by :q!"
check "the failed save is said a third time" "cannot be saved"
keys :
type_text "q!"
keys Enter
if wait_exit && [ "$RC" = 2 ]; then ok ":q! quits anyway with status 2"; else
	not_ok ":q! quits anyway with status 2" "status $RC"; fi
expect_eq ":q! says what was lost" "$(cat "$TMP/stderr")" "brief: 1 note not saved"
disk_back

# 4. SIGTERM with an unsaved note: the count after the terminal is back
start 160 40 --notes "$N" articles
check "reader open for SIGTERM" "North Korean leader"
disk_full
add_note "lost to a signal"
check "the failed save is said before SIGTERM" "cannot be saved"
pid=$(pgrep -n -f -- "--notes $N articles" || true)
[ -n "$pid" ] && kill -s TERM "$pid"
if wait_exit && [ "$RC" = 143 ]; then ok "SIGTERM ends brief (143)"; else
	not_ok "SIGTERM ends brief (143)" "status $RC"; fi
if grep -qx "brief: 1 note not saved" "$TMP/stderr"; then ok "SIGTERM: stderr counts the lost note"; else
	not_ok "SIGTERM: stderr counts the lost note" "$(cat "$TMP/stderr")"; fi
alt_screen_off "alternate screen off after SIGTERM"
disk_back

# 5. SIGTERM and SIGHUP while the editor holds a 5 MB line ($VISUAL wrote
# it): brief ends, the pane is back at the shell
printf 'head -c 5242880 /dev/zero | tr "\\0" x >"$1"\n' >"$TMP/vis.sh"
for sig in TERM HUP; do
	E2E_ENV="VISUAL=sh $TMP/vis.sh" start 120 30 --notes "$N" articles
	check "SIG$sig: reader open" "North Korean leader"
	keys a
	check "SIG$sig: editor open" "New note on"
	keys C-x
	check "SIG$sig: the editor holds the long line" "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	pid=$(pgrep -n -f -- "--notes $N articles" || true)
	[ -n "$pid" ] && kill -s $sig "$pid"
	if wait_exit && [ "$RC" -gt 128 ]; then ok "SIG$sig ends brief in the editor (status $RC)"; else
		not_ok "SIG$sig ends brief in the editor" "status $RC"; fi
	check_cleared "SIG$sig: the reader is gone from the pane" "New note on"
	alt_screen_off "SIG$sig: alternate screen off"
	if grep -q "not saved" "$TMP/stderr"; then ok "SIG$sig: says the note being written was lost"; else
		not_ok "SIG$sig: says the note being written was lost" "$(cat "$TMP/stderr")"; fi
done
# 6. a note over the store's limit (1 MiB) is refused, and the text stays
# in the editor rather than being dropped
printf 'head -c 2097152 /dev/zero | tr "\\0" y >"$1"\n' >"$TMP/vis2.sh"
rm -f "$N"
E2E_ENV="VISUAL=sh $TMP/vis2.sh" start 120 30 --notes "$N" articles
check "too long: reader open" "North Korean leader"
keys a
check "too long: editor open" "New note on"
keys C-x
check "too long: the editor holds the text" "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"
keys Enter
check "too long: refused with a message" "1024 KiB of text; this one has 2048 KiB: shorten it"
check "too long: the editor is still open" "New note on"
keys Escape
check_gone "too long: Esc drops it" "New note on"
quit_ok "too long: q quits with status 0 (nothing unsaved)"
if [ -e "$N" ]; then not_ok "too long: nothing written" "$(head -c 300 "$N")"; else
	ok "too long: nothing written"; fi
E2E_ENV=
finish

# Terminal tests: drive the real binary in a private tmux server, read the
# screen with capture-pane, poll with a deadline (never a bare sleep).
# Sourced after tests/cli/lib.sh (TAP helpers, TMP, XDG dirs).
. tests/cli/lib.sh
SOCK="brief-e2e-$$"
DEADLINE=${E2E_DEADLINE:-10}
case "$BRIEF" in *asan*) DEADLINE=$((DEADLINE * 3)) ;; esac
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; cleanup' EXIT

# kill_server: stop the private tmux server and wait until it is gone, so
# that the next session does not race its shutdown.
kill_server() {
	tmux -L "$SOCK" kill-server 2>/dev/null
	poll "$DEADLINE" server_gone
	rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCK"
	STARTED=
}
server_gone() { ! tmux -L "$SOCK" list-sessions >/dev/null 2>&1; }

# start W H ARGS...: run brief with ARGS in a W x H terminal, in the
# directory E2E_DIR (default: the current one; give brief short relative
# names from a temporary directory so that nothing on the screen depends on
# the length of the temporary path).  Once brief has ended, the terminal
# echoes nothing: keys sent then cannot put their text on the screen.
start() {
	w=$1 h=$2
	shift 2
	kill_server
	rm -f "$TMP/rc"
	printf '%s\n' "$@" >"$TMP/args"
	# brief by an absolute name: it may run in E2E_DIR
	case $BRIEF in /*) brief_abs=$BRIEF ;; *) brief_abs=$PWD/$BRIEF ;; esac
	cat >"$TMP/run.sh" <<RUN
cd "${E2E_DIR:-$PWD}" || exit
set --
while IFS= read -r a; do set -- "\$@" "\$a"; done < "$TMP/args"
$BRIEF_WRAP "$brief_abs" "\$@" 2>"$TMP/stderr"
rc=\$?
stty -echo
echo \$rc > "$TMP/rc"
exec tail -f /dev/null
RUN
	tmux -L "$SOCK" -f /dev/null new-session -d -x "$w" -y "$h" \
		-e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 -e TERM=tmux-256color \
		-e ESCDELAY=25 -e HOME="$HOME" \
		-e XDG_CONFIG_HOME="$XDG_CONFIG_HOME" \
		-e XDG_DATA_HOME="$XDG_DATA_HOME" \
		-e XDG_STATE_HOME="$XDG_STATE_HOME" \
		-e XDG_CACHE_HOME="$XDG_CACHE_HOME" \
		${E2E_ENV:+-e "$E2E_ENV"} \
		"sh '$TMP/run.sh'"
	tmux -L "$SOCK" set -g status off 2>/dev/null
	STARTED=1
}

screen() { tmux -L "$SOCK" capture-pane -p; }
# brief_pid: the process this suite's pane runs (the child of its shell),
# never another suite's brief that a pattern over every process's command
# line could find
brief_pid() {
	pp=$(tmux -L "$SOCK" display -p '#{pane_pid}' 2>/dev/null) || return 1
	# the pane runs a shell that may run run.sh in a shell of its own
	# (which shell depends on the user): go down past the shells
	for _ in 1 2 3 4; do
		c=$(pgrep -P "$pp" | head -1)
		[ -n "$c" ] || return 1
		case $(ps -o comm= -p "$c" 2>/dev/null) in
		sh | dash | bash) pp=$c ;;
		*) echo "$c"; return 0 ;;
		esac
	done
	return 1
}
screen_e() { tmux -L "$SOCK" capture-pane -p -e; }
keys() { tmux -L "$SOCK" send-keys "$@"; }
type_text() { tmux -L "$SOCK" send-keys -l "$1"; }
resize() { tmux -L "$SOCK" resize-window -x "$1" -y "$2"; }

# ended: brief, run by start, has exited (its screen is gone: what the
# pane shows now is not brief's).
ended() { [ -n "$STARTED" ] && [ -s "$TMP/rc" ]; }
# shows TEXT / shows_line REGEX: for poll; give up (2) once brief ended.
shows() {
	ended && return 2
	screen | grep -qF -- "$1"
}
shows_line() {
	ended && return 2
	screen | grep -qE -- "$1"
}
hides() { ! screen | grep -qF -- "$1"; }
# shows_escape REGEX: the screen with its escapes matches (marks and
# colours come a moment after the text: the engine is loaded after the
# first screen's text is drawn); for poll
shows_escape() {
	ended && return 2
	screen_e | grep -qE -- "$1"
}
# wait_escape REGEX: poll until the screen with escapes matches REGEX
wait_escape() { poll "$DEADLINE" shows_escape "$1"; }
has_rc() { [ -s "$TMP/rc" ]; }

# wait_for TEXT: poll brief's screen until it shows TEXT (fixed string);
# fail at the deadline, or at once when brief has ended.
wait_for() { poll "$DEADLINE" shows "$1"; }
# wait_gone TEXT: poll until the screen no longer shows TEXT.
wait_gone() { poll "$DEADLINE" hides "$1"; }
# wait_exit: poll until brief has exited; sets RC.
wait_exit() {
	if poll "$DEADLINE" has_rc; then RC=$(cat "$TMP/rc"); else
		RC=timeout; return 1; fi
}
# why_not: why a check of brief's screen failed.
why_not() {
	if ended; then echo "brief is not running (exit status $(cat "$TMP/rc"):" \
		"$(head -c 300 "$TMP/stderr"))"; fi
}

# check NAME TEXT: brief's screen shows TEXT (waiting for it).
check() {
	if wait_for "$2"; then ok "$1"; else
		not_ok "$1" "screen lacks: $2" "$(why_not)" "--- screen:" "$(screen)"; fi
}
# check_gone NAME TEXT: brief, still running, no longer shows TEXT.
check_gone() {
	if wait_gone "$2" && ! ended; then ok "$1"; else
		not_ok "$1" "screen still shows: $2" "$(why_not)"; fi
}
# check_cleared NAME TEXT: after brief has ended, the pane no longer shows
# TEXT (the terminal was given back: the alternate screen is gone).
check_cleared() {
	if ended && wait_gone "$2"; then ok "$1"; else
		not_ok "$1" "screen still shows: $2" "$(why_not)"; fi
}
# check_line NAME REGEX: some line of brief's screen matches the extended
# regex.
check_line() {
	if poll "$DEADLINE" shows_line "$2"; then ok "$1"; else
		not_ok "$1" "no line matches: $2" "$(why_not)" "--- screen:" "$(screen)"; fi
}
# quit_ok NAME: q quits with status 0 and the terminal is restored.
quit_ok() {
	keys q
	if wait_exit && [ "$RC" = 0 ]; then ok "$1"; else
		not_ok "$1" "exit status $RC" "stderr: $(cat "$TMP/stderr")"; fi
}

# Terminal tests: drive the real binary in a private tmux server, read the
# screen with capture-pane, poll with a deadline (never a bare sleep).
# Sourced after tests/cli/lib.sh (TAP helpers, TMP, XDG dirs).
. tests/cli/lib.sh
SOCK="brief-e2e-$$"
DEADLINE=${E2E_DEADLINE:-10}
case "$BRIEF" in *asan*) DEADLINE=$((DEADLINE * 3)) ;; esac
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; rm -rf "$TMP"' EXIT

# kill_server: stop the private tmux server and wait until it is gone, so
# that the next session does not race its shutdown.
kill_server() {
	tmux -L "$SOCK" kill-server 2>/dev/null
	end=$(($(date +%s) + DEADLINE))
	while tmux -L "$SOCK" list-sessions >/dev/null 2>&1; do
		[ "$(date +%s)" -ge "$end" ] && break
		sleep 0.02
	done
	rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCK"
}

# start W H ARGS...: run brief with ARGS in a W x H terminal.
start() {
	w=$1 h=$2
	shift 2
	kill_server
	rm -f "$TMP/rc"
	printf '%s\n' "$@" >"$TMP/args"
	cat >"$TMP/run.sh" <<RUN
cd "$PWD"
set --
while IFS= read -r a; do set -- "\$@" "\$a"; done < "$TMP/args"
$BRIEF_WRAP "$BRIEF" "\$@" 2>"$TMP/stderr"
echo \$? > "$TMP/rc"
exec tail -f /dev/null
RUN
	tmux -L "$SOCK" -f /dev/null new-session -d -x "$w" -y "$h" \
		-e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 -e TERM=tmux-256color \
		-e ESCDELAY=25 -e HOME="$HOME" \
		-e XDG_CONFIG_HOME="$XDG_CONFIG_HOME" \
		-e XDG_DATA_HOME="$XDG_DATA_HOME" \
		-e XDG_STATE_HOME="$XDG_STATE_HOME" \
		${E2E_ENV:+-e "$E2E_ENV"} \
		"sh $TMP/run.sh"
	tmux -L "$SOCK" set -g status off 2>/dev/null
}

screen() { tmux -L "$SOCK" capture-pane -p; }
screen_e() { tmux -L "$SOCK" capture-pane -p -e; }
keys() { tmux -L "$SOCK" send-keys "$@"; }
type_text() { tmux -L "$SOCK" send-keys -l "$1"; }
resize() { tmux -L "$SOCK" resize-window -x "$1" -y "$2"; }

# wait_for TEXT: poll the screen until it shows TEXT (fixed string);
# give up at the deadline, or at once when brief has exited and the
# screen does not show it.
wait_for() {
	end=$(($(date +%s) + DEADLINE))
	while :; do
		if screen | grep -qF -- "$1"; then return 0; fi
		[ "$(date +%s)" -ge "$end" ] && return 1
		if [ -s "$TMP/rc" ]; then
			screen | grep -qF -- "$1"
			return
		fi
		sleep 0.05
	done
}
# wait_gone TEXT: poll until the screen no longer shows TEXT.
wait_gone() {
	end=$(($(date +%s) + DEADLINE))
	while :; do
		if ! screen | grep -qF -- "$1"; then return 0; fi
		[ "$(date +%s)" -ge "$end" ] && return 1
		sleep 0.05
	done
}
# wait_exit: poll until brief has exited; sets RC.
wait_exit() {
	end=$(($(date +%s) + DEADLINE))
	while [ ! -s "$TMP/rc" ]; do
		[ "$(date +%s)" -ge "$end" ] && { RC=timeout; return 1; }
		sleep 0.05
	done
	RC=$(cat "$TMP/rc")
}

# check NAME TEXT: the screen shows TEXT (waiting for it).
check() {
	if wait_for "$2"; then ok "$1"; else
		not_ok "$1" "screen lacks: $2" "--- screen:" "$(screen)"; fi
}
check_gone() {
	if wait_gone "$2"; then ok "$1"; else
		not_ok "$1" "screen still shows: $2"; fi
}
# check_line NAME REGEX: some screen line matches the extended regex.
check_line() {
	end=$(($(date +%s) + DEADLINE))
	while :; do
		if screen | grep -qE -- "$2"; then ok "$1"; return; fi
		if [ "$(date +%s)" -ge "$end" ] || [ -s "$TMP/rc" ]; then
			not_ok "$1" "no line matches: $2" "--- screen:" "$(screen)"
			return
		fi
		sleep 0.05
	done
}
# quit_ok NAME: q quits with status 0 and the terminal is restored.
quit_ok() {
	keys q
	if wait_exit && [ "$RC" = 0 ]; then ok "$1"; else
		not_ok "$1" "exit status $RC" "stderr: $(cat "$TMP/stderr")"; fi
}

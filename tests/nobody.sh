# Sourced by the suites that need a directory brief cannot write to.
# Permissions do not stop root, so as root these tests run brief as the
# user nobody (setpriv).  nobody may not reach the clone (a folder made by
# mktemp -d, a home directory) nor $TMP, so nobody gets a copy of brief with
# its data files and the articles in a fresh folder it can reach: checked
# as nobody, not assumed.

# ignores_permissions: true when we can write into a read-only directory
# (root, or a process with CAP_DAC_OVERRIDE).
ignores_permissions() {
	mkdir "$TMP/.probe" && chmod 555 "$TMP/.probe" || return 1
	if (: >"$TMP/.probe/file") 2>/dev/null; then set -- 0; else set -- 1; fi
	rm -rf "$TMP/.probe"
	return "$1"
}

# as_nobody COMMAND...: run COMMAND as nobody.
as_nobody() {
	setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
}

# reachable_dir: print a fresh folder (mode 755) that every user can reach,
# under the first of $TMPDIR, /tmp, /var/tmp and /dev/shm that allows it
# (checked as nobody when we can become nobody: $TMPDIR may sit in a
# private folder); 1 when there is none.
reachable_dir() {
	for base in "${TMPDIR:-/tmp}" /tmp /var/tmp /dev/shm; do
		d=$(mktemp -d "$base/brief-shared.XXXXXX" 2>/dev/null) || continue
		chmod 755 "$d"
		if ! command -v setpriv >/dev/null 2>&1 ||
			! as_nobody true 2>/dev/null || as_nobody test -x "$d"; then
			echo "$d"
			return 0
		fi
		rm -rf "$d"
	done
	return 1
}

# nobody_wrap: make NOBODY, a fresh folder nobody can reach, holding brief
# (a script running the copy of $BRIEF in NOBODY with HOME and the XDG
# folders there), data/, themes/ and articles/; point BRIEF at it and set
# BRIEF_WRAP so that the suites' run/start run it as nobody.  Files that
# brief must reach go under $NOBODY.  Returns 1, the reason in NOBODY_WHY,
# when that cannot be done.
nobody_wrap() {
	BRIEF_WRAP=
	NOBODY=
	NOBODY_WHY=
	if ! command -v setpriv >/dev/null 2>&1; then
		NOBODY_WHY="no setpriv"
		return 1
	fi
	if ! as_nobody true 2>/dev/null; then
		NOBODY_WHY="setpriv cannot become nobody"
		return 1
	fi
	for base in "${TMPDIR:-/tmp}" /tmp /var/tmp /dev/shm; do
		d=$(mktemp -d "$base/brief-nobody.XXXXXX" 2>/dev/null) || continue
		chmod 755 "$d"
		if cp "$BRIEF" "$d/brief.bin" && cp -R data themes articles "$d/" &&
			mkdir "$d/home" && chown 65534:65534 "$d/home" &&
			as_nobody sh -c 'cd "$1" && test -x brief.bin &&
				test -r data/lexicon.yaml && test -r themes/dark.yaml &&
				test -r articles && test -w home' sh "$d"; then
			NOBODY=$d
			break
		fi
		rm -rf "$d"
	done
	if [ -z "$NOBODY" ]; then
		NOBODY_WHY="no folder that nobody can reach"
		return 1
	fi
	# the copy finds data/ and themes/ beside itself
	cat >"$NOBODY/brief" <<EOS
#!/bin/sh
cd "$NOBODY" || exit 125
export HOME="$NOBODY/home" XDG_CONFIG_HOME="$NOBODY/home/config" \\
	XDG_DATA_HOME="$NOBODY/home/data" XDG_STATE_HOME="$NOBODY/home/state"
exec "$NOBODY/brief.bin" "\$@"
EOS
	chmod 755 "$NOBODY/brief"
	NOBODY_BRIEF=$BRIEF
	BRIEF=$NOBODY/brief
	BRIEF_WRAP="setpriv --reuid=65534 --regid=65534 --clear-groups"
}

# nobody_end: back to running brief as ourselves; NOBODY is removed.
nobody_end() {
	if [ -n "$NOBODY" ]; then
		BRIEF=$NOBODY_BRIEF
		chmod -R u+w "$NOBODY"
		rm -rf "$NOBODY"
	fi
	BRIEF_WRAP=
	NOBODY=
}

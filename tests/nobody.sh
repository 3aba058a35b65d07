# Sourced by the suites that need a directory root cannot write to.
# nobody_wrap: when we are root and setpriv can drop to nobody, set
# BRIEF_WRAP so that the suites' run/start run brief as nobody (and let
# nobody into $TMP); otherwise leave BRIEF_WRAP empty and return 1.
nobody_wrap() {
	BRIEF_WRAP=
	command -v setpriv >/dev/null 2>&1 || return 1
	setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null ||
		return 1
	BRIEF_WRAP="setpriv --reuid=65534 --regid=65534 --clear-groups"
	chmod 755 "$TMP"
}
# nobody_end: back to running brief as ourselves.
nobody_end() {
	BRIEF_WRAP=
	chmod 700 "$TMP"
}

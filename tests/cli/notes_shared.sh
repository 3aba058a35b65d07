# A notes file shared by a team (issue 15, item 5): every member of the
# group can save after another did (the lock and the file keep the group
# and mode, whatever the saver's umask); a read-only file, a dangling link
# or a link loop is refused with a clear message and left as it was; a
# link to the shared file is followed; --notes '' is refused and leaves no
# lock.  As root, two members of one group are played with setpriv; as an
# ordinary user those checks say SKIP.
. tests/cli/lib.sh
. tests/nobody.sh

# brief, its data and an article where any user can read them (the clone
# may sit in a private folder, and so may $TMPDIR)
if R=$(reachable_dir); then
	TMP_ALSO=$TMP
	TMP=$R
fi
chmod 755 "$TMP"
mkdir "$TMP/bin"
cp "$BRIEF" "$TMP/bin/brief"
cp -R data "$TMP/data"
cp articles/000_b6812c9593b6cfb0.txt "$TMP/a.txt"
chmod -R a+rX "$TMP/bin" "$TMP/data" "$TMP/a.txt"
export BRIEF_DATADIR="$TMP/data"
BRIEF="$TMP/bin/brief"
A="$TMP/a.txt"
# savers with a private umask: brief must not spread it to shared files
umask 077

TEAM=4242
TEAMED=
if [ "$(id -u)" -eq 0 ] &&
	setpriv --reuid=4001 --regid=4001 --groups=$TEAM true 2>/dev/null; then
	TEAMED=1
fi
# member UID: run brief as UID (its own group UID) in the group TEAM
member() { BRIEF_WRAP="setpriv --reuid=$1 --regid=$1 --groups=$TEAM"; }
myself() { BRIEF_WRAP=; }
skip_team() { ok "$1 # SKIP needs root and setpriv to play two members of a group"; }
# no_temps NAME DIR: no temporary file is left in DIR
no_temps() {
	if ls -A "$2" | grep -q '\.tmp\.'; then not_ok "$1" "$(ls -A "$2")"; else
		ok "$1"; fi
}
# unchanged NAME FILE COPY: FILE still holds what COPY holds
unchanged() {
	if cmp -s "$2" "$3"; then ok "$1"; else not_ok "$1" "$(head -5 "$2")"; fi
}
# refused NAME WANT: the last run failed, printed no id, and said WANT
refused() {
	if [ "$RC" -ne 0 ] && [ -z "$OUT" ]; then ok "$1: the add fails"; else
		not_ok "$1: the add fails" "rc $RC, stdout $OUT"; fi
	expect_err "$1: says why" "$2"
}
perm() { stat -c %a "$1"; }
# team_dir DIR MODE: a directory of the group TEAM
team_dir() { mkdir "$1" && chgrp $TEAM "$1" && chmod "$2" "$1"; }
group() { stat -c %g "$1"; }

# brief starts (as the first member when we can play one)
if [ -n "$TEAMED" ]; then member 4001; fi
run --version
expect_rc "brief starts" 0
expect_out "brief starts: prints its version" "brief "
myself

# ---- two members of a group take turns on one file ----
if [ -n "$TEAMED" ]; then
	team_dir "$TMP/team" 775
	T="$TMP/team/notes.yaml"
	member 4001
	run --notes "$T" --add-note 'first' --at 'Kim' "$A"
	expect_rc "team: the first member adds a note" 0
	id1=$OUT
	# the owner shares the file with the group, as a team would
	chgrp $TEAM "$T"
	chmod 664 "$T"
	run --notes "$T" --add-note 'second' --at 'Kim' "$A"
	expect_rc "team: the first member adds again" 0
	id2=$OUT
	expect_eq "team: the file keeps its group" "$(group "$T")" $TEAM
	expect_eq "team: the file keeps its mode (saver's umask 077)" "$(perm "$T")" 664
	expect_eq "team: the lock has the file's mode" "$(perm "$T.lock")" 664
	expect_eq "team: the lock has the file's group" "$(group "$T.lock")" $TEAM
	member 4002
	run --notes "$T" --add-note 'third' --at 'Kim' "$A"
	expect_rc "team: the second member can save after the first" 0
	id3=$OUT
	member 4001
	run --notes "$T" --add-note 'fourth' --at 'Kim' "$A"
	expect_rc "team: ... and the first after the second" 0
	id4=$OUT
	expect_eq "team: the file still has the group" "$(group "$T")" $TEAM
	expect_eq "team: ... and the mode" "$(perm "$T")" 664
	run --notes "$T" --export-notes yaml "$A"
	n=0
	for id in "$id1" "$id2" "$id3" "$id4"; do
		[ -n "$id" ] && grep -qF "id: '$id'" "$TMP/out" && n=$((n + 1))
	done
	expect_eq "team: every member's notes are in the file" $n 4
	no_temps "team: no temporary file left" "$TMP/team"
else
	for t in "first member adds" "file keeps group and mode" \
		"lock as open as the file" "second member saves" \
		"every member's notes kept"; do
		skip_team "team: $t"
	done
fi

# ---- a setgid directory: a new file takes its group, and keeps it ----
if [ -n "$TEAMED" ]; then
	team_dir "$TMP/sgid" 2775
	G="$TMP/sgid/notes.yaml"
	umask 002
	member 4001
	run --notes "$G" --add-note 'new' --at 'Kim' "$A"
	expect_rc "setgid directory: a new file" 0
	expect_eq "setgid directory: the file has the directory's group" "$(group "$G")" $TEAM
	expect_eq "setgid directory: its mode is the umask's" "$(perm "$G")" 664
	expect_eq "setgid directory: the lock has the group" "$(group "$G.lock")" $TEAM
	umask 077
	member 4002
	run --notes "$G" --add-note 'next' --at 'Kim' "$A"
	expect_rc "setgid directory: the second member saves" 0
	expect_eq "setgid directory: the group stays" "$(group "$G")" $TEAM
	expect_eq "setgid directory: the mode stays" "$(perm "$G")" 664
else
	for t in "new file" "directory's group" "second member saves"; do
		skip_team "setgid directory: $t"
	done
fi
myself

# ---- a new file of one's own: the umask decides ----
umask 027
run --notes "$TMP/own.yaml" --add-note 'mine' --at 'Kim' "$A"
umask 077
expect_rc "own new file: saved" 0
expect_eq "own new file: the umask's mode" "$(perm "$TMP/own.yaml")" 640
expect_eq "own new file: the lock too" "$(perm "$TMP/own.yaml.lock")" 640

# ---- a read-only file is refused (root included) ----
mkdir "$TMP/ro"
cp "$TMP/own.yaml" "$TMP/ro/notes.yaml"
cp "$TMP/own.yaml" "$TMP/ro.copy"
chmod 444 "$TMP/ro/notes.yaml"
run --notes "$TMP/ro/notes.yaml" --add-note 'lost?' --at 'Kim' "$A"
refused "read-only file" "read-only file"
expect_err "read-only file: names the file" "$TMP/ro/notes.yaml: read-only file"
unchanged "read-only file: left as it was" "$TMP/ro/notes.yaml" "$TMP/ro.copy"
expect_eq "read-only file: still read-only" "$(perm "$TMP/ro/notes.yaml")" 444
expect_eq "read-only file: nothing created beside it" "$(ls -A "$TMP/ro")" notes.yaml

# another member's file that is not group-writable, in a directory the
# group may write: refused, not replaced
if [ -n "$TEAMED" ]; then
	team_dir "$TMP/theirs" 775
	cp "$TMP/own.yaml" "$TMP/theirs/notes.yaml"
	chown 4002:$TEAM "$TMP/theirs/notes.yaml"
	chmod 644 "$TMP/theirs/notes.yaml"
	member 4001
	run --notes "$TMP/theirs/notes.yaml" --add-note 'not mine' --at 'Kim' "$A"
	refused "someone else's file" "read-only file"
	unchanged "someone else's file: left as it was" "$TMP/theirs/notes.yaml" "$TMP/ro.copy"
	expect_eq "someone else's file: still theirs" "$(stat -c %u "$TMP/theirs/notes.yaml")" 4002
	myself
else
	skip_team "someone else's file: refused"
	skip_team "someone else's file: left as it was"
fi

# ---- links ----
# a dangling link is refused; it stays a link and nothing is created
ln -s "$TMP/nowhere/notes.yaml" "$TMP/dangling.yaml"
run --notes "$TMP/dangling.yaml" --add-note 'where?' --at 'Kim' "$A"
refused "dangling link" "dangling symbolic link"
if [ -L "$TMP/dangling.yaml" ] && [ ! -e "$TMP/nowhere" ] &&
	[ ! -e "$TMP/dangling.yaml.lock" ]; then
	ok "dangling link: still a link, nothing created"
else not_ok "dangling link: still a link, nothing created" "$(ls -lA "$TMP")"; fi
# a loop of links
ln -s "$TMP/loop.yaml" "$TMP/loop.yaml"
run --notes "$TMP/loop.yaml" --add-note 'round' --at 'Kim' "$A"
refused "link loop" "$TMP/loop.yaml: "
if [ -L "$TMP/loop.yaml" ]; then ok "link loop: still a link"; else
	not_ok "link loop: still a link" "$(ls -lA "$TMP")"; fi

# a link to a shared file: the file is written, the link stays, the lock
# is beside the shared file (the one all members take)
mkdir "$TMP/share" "$TMP/mine"
cp "$TMP/own.yaml" "$TMP/share/notes.yaml"
chmod 664 "$TMP/share/notes.yaml"
if [ -n "$TEAMED" ]; then
	chgrp $TEAM "$TMP/share" "$TMP/share/notes.yaml"
	chmod 775 "$TMP/share"
	chown 4002 "$TMP/mine"
	member 4002
fi
ln -s "$TMP/share/notes.yaml" "$TMP/mine/notes.yaml"
run --notes "$TMP/mine/notes.yaml" --add-note 'through the link' --at 'Kim' "$A"
expect_rc "link to a shared file: saved" 0
if [ -L "$TMP/mine/notes.yaml" ]; then ok "link to a shared file: still a link"; else
	not_ok "link to a shared file: still a link" "$(ls -lA "$TMP/mine")"; fi
expect_eq "link to a shared file: the note is in the shared file" \
	"$(grep -c "id: '$OUT'" "$TMP/share/notes.yaml")" 1
expect_eq "link to a shared file: the lock is beside the shared file" \
	"$(ls -A "$TMP/mine") $(ls -A "$TMP/share" | grep -c '\.lock$')" "notes.yaml 1"
expect_eq "link to a shared file: its mode stays" "$(perm "$TMP/share/notes.yaml")" 664
if [ -n "$TEAMED" ]; then
	expect_eq "link to a shared file: its group stays" \
		"$(group "$TMP/share/notes.yaml")" $TEAM
else skip_team "link to a shared file: its group stays"; fi
myself

# ---- an empty file name ----
mkdir "$TMP/cwd"
(cd "$TMP/cwd" && "$BRIEF" --notes '' --add-note 'x' --at 'Kim' "$A" \
	>"$TMP/out" 2>"$TMP/err"; echo $? >"$TMP/rc")
RC=$(cat "$TMP/rc")
expect_rc "--notes '': refused as bad usage" 2
expect_err "--notes '': says why" "brief: --notes: empty file name"
expect_eq "--notes '': no lock in the current directory" "$(ls -A "$TMP/cwd")" ""
finish

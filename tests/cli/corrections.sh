# Corrections that stick (issue 19): a corrections file changes what
# --mentions, --entities and --compare mark; the default file is read
# when no --corrections is given; --corrections alone lists them (a
# table, or YAML); a malformed or newer file is refused with
# FILE:LINE:COL and exit 2, and left as it was; --corrections goes only
# with the modes that mark.
. tests/cli/lib.sh

A=articles/000_b6812c9593b6cfb0.txt
B=articles/001_ac23be4cfe9d2cdd.txt
C="$TMP/c.yaml"

run --version
expect_rc "brief starts" 0
expect_out "brief starts: prints its version" "brief "

# the marks before any correction
run --mentions "$A"
expect_rc "mentions without corrections" 0
expect_out "mentions without corrections: the United States" "	actor	United States	the United States"
expect_out "mentions without corrections: state media" "	actor	state media	state media"

cat >"$C" <<'YAML'
brief-corrections: 1
team: ops
corrections:
  - id: r1
    kind: rename
    scope: everywhere
    entity: United States
    name: Washington
    created: 2024-01-01T00:00:00Z
  - id: d1
    kind: dismiss
    form: state media
    created: 2024-01-01T00:00:00Z
    reviewed-by: anna
  - id: c1
    kind: recategorise
    entity: drones
    category: actor
    entity-kind: swarm
    created: 2024-01-01T00:00:00Z
YAML
cp "$C" "$TMP/c.orig"

run --corrections "$C" --mentions "$A"
expect_rc "--mentions with corrections" 0
expect_out "--mentions: renamed" "	actor	Washington	the United States"
expect_no_out "--mentions: the old name is gone" "	United States	"
expect_no_out "--mentions: dismissed" "state media"
expect_out "--mentions: recategorised" "	actor	drones	attack drones"

run --corrections="$C" --entities "$A" "$B"
expect_rc "--entities with corrections" 0
expect_out "--entities: renamed" "Washington"
expect_no_out "--entities: dismissed" "state media"

run --corrections "$C" --compare "$A" "$B"
expect_rc "--compare with corrections" 0
expect_out "--compare: renamed in the entities" "In both (A / B): Washington ("
expect_no_out "--compare: the old name is gone from the entities" "United States ("

# the default file: $XDG_CONFIG_HOME/brief/corrections.yaml
cp "$C" "$XDG_CONFIG_HOME/brief/corrections.yaml"
run --mentions "$A"
expect_out "the default file applies" "	actor	Washington	the United States"
rm "$XDG_CONFIG_HOME/brief/corrections.yaml"

# listing
run --corrections "$C"
expect_rc "--corrections FILE alone lists" 0
expect_out "list: a header" "id	kind	scope	applies to	change	created	author"
expect_out "list: the rename" "r1	rename	everywhere	entity United States	-> Washington	2024-01-01T00:00:00Z"
expect_out "list: the recategorisation" "c1	recategorise	everywhere	entity drones	(actor, swarm)"
run --corrections "$C" --format yaml
expect_rc "--corrections --format yaml" 0
expect_out "yaml: unknown keys kept" "reviewed-by: anna"
expect_out "yaml: top-level unknown keys kept" "team: ops"
cp "$C" "$XDG_CONFIG_HOME/brief/corrections.yaml"
run --corrections
expect_rc "--corrections alone: the default file" 0
expect_out "--corrections alone lists the default file" "d1	dismiss	everywhere	form state media	not an entity"
rm "$XDG_CONFIG_HOME/brief/corrections.yaml"
run --corrections
expect_rc "--corrections alone, no file: empty list" 0
expect_eq "no file: the header only" "$OUT" "id	kind	scope	applies to	change	created	author"

# refused files, left as they were
printf 'brief-corrections: 1\ncorrections:\n  - id: x\n    kind: rename\n    entity: A\n    created: t\n' >"$TMP/bad.yaml"
cp "$TMP/bad.yaml" "$TMP/bad.orig"
run --corrections "$TMP/bad.yaml" --mentions "$A"
expect_rc "malformed: exit 2" 2
expect_err "malformed: FILE:LINE:COL" "bad.yaml:3:5: a rename correction needs 'name'"
expect_no_out_file() { if cmp -s "$1" "$2"; then ok "$3"; else not_ok "$3" "$(cat "$1")"; fi; }
expect_no_out_file "$TMP/bad.yaml" "$TMP/bad.orig" "malformed: the file is untouched"
printf 'brief-corrections: 1\ncorrections:\n  - id: x\n    kind: squash\n    form: A\n    created: t\n' >"$TMP/bad2.yaml"
run --corrections "$TMP/bad2.yaml"
expect_rc "unknown kind: exit 2" 2
expect_err "unknown kind: FILE:LINE:COL" "bad2.yaml:4:11: 'kind' must be rename, merge, split, recategorise, dismiss or add"
printf 'brief-corrections: 2\ncorrections: []\n' >"$TMP/new.yaml"
run --corrections "$TMP/new.yaml" --mentions "$A"
expect_rc "newer version: exit 2" 2
expect_err "newer version: said" "new.yaml:1:20: version 2 is newer than this brief reads (1)"
printf 'corrections: [\n' >"$TMP/broken.yaml"
run --corrections "$TMP/broken.yaml" --mentions "$A"
expect_rc "broken YAML: exit 2" 2
expect_err "broken YAML: FILE:LINE:COL" "broken.yaml:2:"

# with the modes that do not mark, refused
run --corrections "$C" --dump "$A"
expect_rc "--corrections with --dump: refused" 2
expect_err "--corrections with --dump: says where it goes" "--corrections: not used with --dump"
run --corrections "$C" --aliases
expect_rc "--corrections with --aliases: refused" 2
run --corrections ''
expect_rc "--corrections '': refused" 2
expect_err "--corrections '': says why" "--corrections: empty file name"
expect_no_out_file "$C" "$TMP/c.orig" "the corrections file was only read"

finish

#!/bin/sh
# make eval-extract: brief's story text on the shared evaluation pages.
#   eval-extract.sh BRIEF EXTRACTION_DIR
# Each page is unpacked under build/eval-extract/ (never into the source
# tree) and read by brief itself (`brief --dump PAGE`: its format found by
# content, as a user's file would be); the text of its lead and body
# sections (headline and boilerplate left out) is scored with the pages'
# own score.py: F1, precision, recall and pages, for the tune set (names
# starting 0-7), the held-out set (8-f) and all.  EVAL_VERBOSE=1 lists the
# worst pages.  Needs python3 with its yaml module (python3-yaml).
brief=$1
dir=$2
if [ ! -f "$dir/score.py" ] || [ ! -d "$dir/html" ]; then
	echo "eval-extract: no evaluation pages at $dir" >&2
	exit 2
fi
if ! python3 -c 'import yaml' 2>/dev/null; then
	echo "eval-extract: python3 and its yaml module (python3-yaml) are needed" >&2
	exit 2
fi
out=build/eval-extract
rm -rf "$out"
mkdir -p "$out/html" "$out/dump" "$out/text" || exit 2
: >"$out/errors.txt"
for f in "$dir"/html/*.html.gz; do
	name=$(basename "$f" .html.gz)
	gzip -dc "$f" >"$out/html/$name.html" || exit 2
	"$brief" --dump "$out/html/$name.html" >"$out/dump/$name.yaml" \
		2>>"$out/errors.txt" || rm -f "$out/dump/$name.yaml"
done
python3 - "$dir/ground-truth.json" "$out" <<'PY' || exit 2
import glob, json, os, sys
import yaml
out = sys.argv[2]
# the story as --dump gives it: the lead and body sections, in order
for path in glob.glob(out + '/dump/*.yaml'):
    name = os.path.basename(path)[:-len('.yaml')]
    doc = yaml.safe_load(open(path, encoding='utf-8'))
    story = [s['text'] for s in doc.get('sections') or []
             if s['kind'] in ('lead', 'body')]
    with open('%s/text/%s.txt' % (out, name), 'w', encoding='utf-8') as f:
        f.write('\n\n'.join(story) + '\n')
gt = json.load(open(sys.argv[1]))
for name, keep in (('tune', '01234567'), ('held', '89abcdef')):
    sub = {k: v for k, v in gt.items() if k[0] in keep}
    json.dump(sub, open('%s/gt-%s.json' % (out, name), 'w'))
PY
v=
[ -n "$EVAL_VERBOSE" ] && v=-v
for set in tune held; do
	printf '%-9s F1 P R pages: ' "$set"
	python3 "$dir/score.py" $v "$out/gt-$set.json" "$out/text"
done
printf '%-9s F1 P R pages: ' all
python3 "$dir/score.py" $v "$dir/ground-truth.json" "$out/text"
echo "pages without a story: $(wc -l <"$out/errors.txt") (build/eval-extract/errors.txt)"

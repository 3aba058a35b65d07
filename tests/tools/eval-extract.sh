#!/bin/sh
# make eval-extract: the HTML extractor on the shared evaluation pages.
#   eval-extract.sh EXTRACT_TOOL EXTRACTION_DIR
# Each page is unpacked under build/eval-extract/ (never into the source
# tree), extracted, and scored with the pages' own score.py: F1,
# precision, recall and pages, for the tune set (names starting 0-7),
# the held-out set (8-f) and all.  EVAL_VERBOSE=1 lists the worst pages.
tool=$1
dir=$2
if [ ! -f "$dir/score.py" ] || [ ! -d "$dir/html" ]; then
	echo "eval-extract: no evaluation pages at $dir" >&2
	exit 2
fi
out=build/eval-extract
rm -rf "$out"
mkdir -p "$out/html" "$out/text" || exit 2
for f in "$dir"/html/*.html.gz; do
	gzip -dc "$f" >"$out/html/$(basename "$f" .gz)" || exit 2
done
"$tool" -o "$out/text" "$out"/html/*.html 2>"$out/errors.txt"
python3 - "$dir/ground-truth.json" "$out" <<'PY' || exit 2
import json, sys
gt = json.load(open(sys.argv[1]))
for name, keep in (('tune', '01234567'), ('held', '89abcdef')):
    sub = {k: v for k, v in gt.items() if k[0] in keep}
    json.dump(sub, open('%s/gt-%s.json' % (sys.argv[2], name), 'w'))
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

# make layers (tests/layers.sh): the tree keeps the layer rules, and the
# check finds each kind of break, naming FILE:LINE.
. tests/cli/lib.sh

sh tests/layers.sh >"$TMP/out" 2>"$TMP/err"
RC=$?
ERR=$(cat "$TMP/err")
expect_rc "the tree keeps the layer rules" 0
if [ ! -s "$TMP/out" ]; then ok "nothing reported"; else
	not_ok "nothing reported" "$(head -5 "$TMP/out")"; fi

# a small tree with one break of each kind (and code that is fine)
T="$TMP/tree"
mkdir -p "$T/tests" "$T/src/base" "$T/src/mark" "$T/src/ui" \
	"$T/include/brief/base" "$T/include/brief/mark"
cp tests/layers.sh "$T/tests/"
cat >"$T/include/brief/base/low.h" <<'C'
/* a comment naming printf("x") and <curses.h> is not code */
#include "brief/mark/high.h"
C
cat >"$T/include/brief/mark/high.h" <<'C'
#include "brief/base/low.h"
C
cat >"$T/src/mark/high.c" <<'C'
#include <curses.h>
#include "brief/mark/high.h"
static const char *s = "stderr in a string";
int f(void)
{
	snprintf(buf, 4, "%d", 1);
	fprintf(stderr, "no\n");
	return getenv("HOME") != NULL;
}
C
cat >"$T/src/ui/ok.c" <<'C'
#include <curses.h>
#include "brief/mark/high.h"
int g(void) { printf("yes\n"); return getenv("TERM") != NULL; }
C
# the two named exceptions, each for its own rule only: the fatal path
# may write to stderr, the paths module may read the environment
cat >"$T/src/base/fatal.c" <<'C'
void fatal(void)
{
	fputs("brief: stop\n", stderr);
	(void)getenv("HOME");
}
C
cat >"$T/src/base/paths.c" <<'C'
const char *home(void)
{
	fprintf(stderr, "looking\n");
	return getenv("HOME");
}
C
sh "$T/tests/layers.sh" >"$TMP/out" 2>"$TMP/err"
RC=$?
ERR=$(cat "$TMP/err")
expect_rc "a break fails the check" 1
expect_out "include of a higher layer, FILE:LINE" \
	"include/brief/base/low.h:2: base includes brief/mark/high.h"
expect_out "curses outside ui/, FILE:LINE" \
	"src/mark/high.c:1: includes <curses.h> outside ui/"
expect_out "output below report/, FILE:LINE" \
	"src/mark/high.c:7: mark writes to stdout/stderr"
expect_out "getenv outside the paths module, FILE:LINE" \
	"src/mark/high.c:8: mark reads the environment"
expect_out "getenv in the fatal path is still refused" \
	"src/base/fatal.c:4: base reads the environment"
expect_out "output from the paths module is still refused" \
	"src/base/paths.c:3: base writes to stdout/stderr"
expect_eq "nothing else reported (comments, strings, snprintf, ui/, the fatal path's stderr, the paths module's getenv)" \
	"$(wc -l <"$TMP/out" | tr -d ' ')" 6
finish

#!/bin/sh
# Install the Debian packages brief needs, only those that are missing.
# Libraries are checked through pkg-config, tools through the PATH.
missing=""
need_pkg() { pkg-config --exists "$1" 2>/dev/null || missing="$missing $2"; }
need_cmd() { command -v "$1" >/dev/null 2>&1 || missing="$missing $2"; }

command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
need_pkg ncursesw libncurses-dev
need_pkg yaml-0.1 libyaml-dev
need_pkg libpcre2-8 libpcre2-dev
need_pkg cmocka libcmocka-dev
need_pkg libxml-2.0 libxml2-dev
need_pkg jansson libjansson-dev
need_pkg gmime-3.0 libgmime-3.0-dev
need_pkg sqlite3 libsqlite3-dev
need_pkg libpq libpq-dev
# the archive's tests start their own PostgreSQL server (tests/pg.sh)
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing="$missing postgresql-15"
need_cmd cc gcc
need_cmd make make
need_cmd tmux tmux
need_cmd clang clang
need_cmd hyperfine hyperfine
need_cmd rg ripgrep
# make bench times the sqlite3 shell's own FTS5 query beside brief's
need_cmd sqlite3 sqlite3
need_cmd valgrind valgrind
[ -x /usr/bin/time ] || missing="$missing time"
need_cmd less less
need_cmd vim vim
need_cmd pgrep procps
need_cmd pdftotext poppler-utils
need_cmd qpdf qpdf
need_cmd bash bash
# make eval-extract scores with the benchmark's score.py
need_cmd python3 python3
python3 -c "import yaml" >/dev/null 2>&1 || missing="$missing python3-yaml"
ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 || missing="$missing libclang-rt-14-dev"
[ -e /usr/share/terminfo/t/tmux-256color ] || [ -e /lib/terminfo/t/tmux-256color ] || missing="$missing ncurses-term"

[ -z "$missing" ] && exit 0
echo "brief: installing missing packages:$missing"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
# Update the package lists only when they are missing or a first try fails.
if ! ls /var/lib/apt/lists/*_Packages >/dev/null 2>&1 || \
   ! $SUDO apt-get install -y -q $missing; then
	$SUDO apt-get update -q && $SUDO apt-get install -y -q $missing
fi

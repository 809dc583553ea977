#!/bin/sh
# Refreshes constraints.txt: the newest versions the index serves today, installed into a
# fresh virtual environment, then frozen. Review the diff, run the tests, commit.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install -q --upgrade pip
"$tmp/venv/bin/pip" install -q -e ".[dev]"
{
    echo "# The versions CI tested: every package the README set-up installs, pinned."
    echo "# Refresh with \`sh scripts/lock.sh\` (a fresh venv, the newest versions, then pip freeze)."
    "$tmp/venv/bin/pip" freeze --exclude-editable | grep -v '^narrator'
} >constraints.txt.new
mv constraints.txt.new constraints.txt
echo "constraints.txt: $(grep -vc '^#' constraints.txt) packages pinned"

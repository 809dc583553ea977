#!/usr/bin/env bash
# The monthly report build as a CI job runs it: draft, review summary, check, build.
#
#   samples/ci-recipe.sh [MONTH]           # default 2019-10, on the bundled sample
#   PROJECT=path/to/project WORK=reports samples/ci-recipe.sh 2019-10
#
# Each step prints its exit code. The job's exit code is the build's: 0 the paper was built,
# 1 something blocks it (listed: unreviewed or stale paragraphs, contradictions), 2 bad
# input (a message names the file and what was expected). While blocked, a DRAFT-watermarked
# paper is built for the editors unless DRAFT_ON_BLOCK=0. See samples/CI.md.
set -u

MONTH="${1:-2019-10}"
PROJECT="${PROJECT:-$(cd "$(dirname "$0")" && pwd)/cambridgeshire}"
WORK="${WORK:-reports}"                 # the draft and its review state live here (commit them)
OUT="${OUT:-$WORK/build}"
DRAFT="$WORK/draft-$MONTH.md"
mkdir -p "$WORK"

# run NAME COMMAND...: run one step, print its exit code, return it.
run() {
    local name=$1
    shift
    echo "::: $name: $*"
    "$@"
    local code=$?
    echo "::: $name: exit $code"
    return "$code"
}

# 1. Draft. 0: written (unchanged figures give the same draft, and the review carries over;
#    refreshed figures mark the paragraphs whose facts changed stale). 2: bad input, or the
#    draft was edited by hand (edits belong in the review).
run draft narrator draft --month "$MONTH" --project "$PROJECT" --out "$DRAFT"
draft=$?
if [ "$draft" -ne 0 ]; then
    echo "summary: draft=$draft"
    exit "$draft"
fi

# 2. Review summary. 0: every generated paragraph accepted or edited; 1: some are pending,
#    stale or rejected. Editors review with `narrator review "$DRAFT"` and commit the state.
run review narrator review "$DRAFT" --project "$PROJECT" --summary
review=$?

# 3. Check the draft against the figures and itself. 0: nothing contradicted; 1: a
#    contradiction; 2: bad input. Guarded: `narrator check` is still being written; the build
#    re-checks the whole assembled paper in any case.
if narrator check --help >/dev/null 2>&1; then
    run check narrator check "$DRAFT" --month "$MONTH" --project "$PROJECT"
    check=$?
else
    echo "::: check: skipped (this narrator has no check command yet)"
    check=skipped
fi

# 4. Build. 0: paper-MONTH.md, .html and .docx written to $OUT; 1: blocked (nothing
#    written); 2: bad input.
run build narrator build --month "$MONTH" --project "$PROJECT" --draft "$DRAFT" --out "$OUT"
build=$?

# While blocked: a paper marked DRAFT on every page, for the editors to read.
if [ "$build" -eq 1 ] && [ "${DRAFT_ON_BLOCK:-1}" = 1 ]; then
    run draft-paper narrator build --month "$MONTH" --project "$PROJECT" --draft "$DRAFT" \
        --out "$OUT/draft" --draft-watermark
fi

echo "summary: draft=$draft review=$review check=$check build=$build"
exit "$build"

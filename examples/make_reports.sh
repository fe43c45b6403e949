#!/usr/bin/env sh
# Generate the example PDF reports linked from the README (examples/reports/*.pdf, git-ignored):
# each of the three kinds (screening, follow-up, reconciliation) in French and in English.
# Usage: sh examples/make_reports.sh [PARCOURS]   (default: `parcours` on PATH, else python -m parcours)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/reports"
mkdir -p "$out"
if [ $# -ge 1 ]; then run="$1"; elif command -v parcours >/dev/null 2>&1; then run=parcours; else run="python3 -m parcours"; fi
# Reproducible bytes: the printed date is this fixed day unless the caller sets SOURCE_DATE_EPOCH.
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1767225600}
export SOURCE_DATE_EPOCH
for kind in screening followup reconciliation; do
    for lang in fr en; do
        $run report --lang "$lang" "$here/report_$kind.json" -o "$out/${kind}_$lang.pdf" --force
        echo "$out/${kind}_$lang.pdf"
    done
done

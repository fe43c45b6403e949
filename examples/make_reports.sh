#!/usr/bin/env sh
# Generate the example PDF reports (examples/reports/*.pdf, not committed: they are made here, in
# a second, from the inputs beside this script): each of the three kinds (screening, follow-up,
# reconciliation) in French and in English.
# Usage: sh examples/make_reports.sh [PARCOURS]
#   PARCOURS: the command to run; default the project's .venv/bin/parcours (README Quick start),
#   else `parcours` on PATH, else `python3 -m parcours`.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/reports"
mkdir -p "$out"
if [ $# -ge 1 ]; then run="$1"
elif [ -x "$here/../.venv/bin/parcours" ]; then run="$here/../.venv/bin/parcours"
elif command -v parcours >/dev/null 2>&1; then run=parcours
else run="python3 -m parcours"; fi
# Reproducible bytes: the printed date is this fixed day unless the caller sets SOURCE_DATE_EPOCH.
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1767225600}
export SOURCE_DATE_EPOCH
for kind in screening followup reconciliation; do
    for lang in fr en; do
        $run report --lang "$lang" "$here/report_$kind.json" -o "$out/${kind}_$lang.pdf" --force
        echo "$out/${kind}_$lang.pdf"
    done
done

#!/usr/bin/env bash
# Regenerates the user guide's screenshots from the real application: builds the sample project (示例市) and lets the
# window walk through every page under a virtual display, in Chinese and in English.
# Needs: target/ecoaid.jar (mvn -q package -DskipTests), Xvfb (apt-get install xvfb) and the fonts of .ci/run.
# Usage: docs/guide/make-screenshots.sh      → docs/guide/img/zh/*.png, docs/guide/img/en/*.png
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="$root/target/ecoaid.jar"
[ -f "$jar" ] || { echo "build the jar first: mvn -q package -DskipTests" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"; [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null || true' EXIT
if [ -z "${DISPLAY:-}" ]; then
  Xvfb :97 -screen 0 1280x800x24 -nolisten tcp & xvfb=$!
  export DISPLAY=:97
  sleep 1
fi
for lang in zh en; do
  rm -rf "$work"/sample*
  java -jar "$jar" --lang "$lang" sample create "$work/sample.ecoaid" >/dev/null
  mkdir -p "$here/img/$lang"
  java -jar "$jar" guide-screenshots "$work/sample.ecoaid" "$here/img/$lang" "$lang"
done
ls "$here/img/zh" "$here/img/en"

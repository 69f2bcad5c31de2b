#!/usr/bin/env bash
# Draws the application icon (a green rounded square with a white leaf and "生态") and writes the formats the
# installers need: ecoaid.png (Linux, 512 px), ecoaid.ico (Windows, 16–256 px), ecoaid.icns (macOS).
# Needs ImageMagick (convert) and, for .icns, icnsutils (png2icns): apt-get install imagemagick icnsutils
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
font="$here/../../src/main/resources/cn/ecoaid/fonts/wqy-microhei.ttc"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
convert -size 512x512 xc:none \
  -fill '#1b7f4c' -draw 'roundrectangle 16,16 496,496 96,96' \
  -fill '#2fa866' -draw 'roundrectangle 16,16 496,300 96,96' -draw 'rectangle 16,200 496,300' \
  -fill white -stroke white -strokewidth 2 \
  -draw 'bezier 150,300 190,120 330,90 380,90' -draw 'bezier 380,90 380,230 300,320 150,300' \
  -stroke '#1b7f4c' -strokewidth 10 -draw 'line 165,292 330,130' \
  -stroke none -fill white -font "$font" -pointsize 120 -gravity south -annotate +0+40 '生态' \
  "$here/ecoaid.png"
convert "$here/ecoaid.png" -define icon:auto-resize=256,128,64,48,32,16 "$here/ecoaid.ico"
if command -v png2icns >/dev/null; then
  for s in 16 32 128 256 512; do convert "$here/ecoaid.png" -resize ${s}x${s} "$tmp/icon_$s.png"; done
  png2icns "$here/ecoaid.icns" "$tmp"/icon_{16,32,128,256,512}.png >/dev/null
else
  echo "png2icns not found (apt-get install icnsutils): ecoaid.icns not rebuilt" >&2
fi
ls -l "$here"

#!/bin/sh
# Regenerates resources/icons/ from icon.svg and tray.svg (needs rsvg-convert and ImageMagick's convert:
# apt-get install -y librsvg2-bin imagemagick). The generated files are committed; packaging never runs this.
set -eu
cd "$(dirname "$0")"
out=icons
tmp=$(mktemp -d)
mkdir -p "$out"
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" icon.svg -o "$tmp/$size.png"
done
# Linux: one PNG per size, named as electron-builder expects.
for size in 16 32 48 64 128 256 512; do cp "$tmp/$size.png" "$out/${size}x${size}.png"; done
cp "$tmp/1024.png" "$out/icon.png"
# Windows: a multi-size .ico.
/usr/bin/convert "$tmp/16.png" "$tmp/24.png" "$tmp/32.png" "$tmp/48.png" "$tmp/64.png" "$tmp/128.png" "$tmp/256.png" "$out/icon.ico"
# macOS: .icns with the PNG-based entries.
node make-icns.mjs "$out/icon.icns" "ic07=$tmp/128.png" "ic08=$tmp/256.png" "ic09=$tmp/512.png" "ic10=$tmp/1024.png"
# Tray: 16/32 px glyph (and @2x for HiDPI).
rsvg-convert -w 16 -h 16 tray.svg -o "$out/tray.png"
rsvg-convert -w 32 -h 32 tray.svg -o "$out/tray@2x.png"
rm -rf "$tmp"

#!/usr/bin/env sh
# Install an unpacked klogs-desk bundle for the current user (or system-wide with PREFIX=/opt as root):
#   tar xzf klogs-desk-<version>-linux-x86_64.tar.gz && sh klogs-desk/install-linux.sh
# Puts the folder in $PREFIX/klogs-desk, a `klogs-desk` command in $BIN, the icon and the menu entry.
set -eu
HERE="$(cd "$(dirname "$0")" && pwd)"
if [ "$(id -u)" = 0 ] && [ -z "${PREFIX:-}" ]; then PREFIX=/opt; fi
PREFIX="${PREFIX:-$HOME/.local/opt}"
BIN="${BIN:-$( [ "$(id -u)" = 0 ] && echo /usr/local/bin || echo "$HOME/.local/bin" )}"
SHARE="${SHARE:-$( [ "$(id -u)" = 0 ] && echo /usr/share || echo "${XDG_DATA_HOME:-$HOME/.local/share}" )}"

mkdir -p "$PREFIX" "$BIN" "$SHARE/applications" "$SHARE/icons/hicolor/scalable/apps"
if [ "$HERE" != "$PREFIX/klogs-desk" ]; then
    rm -rf "$PREFIX/klogs-desk"
    cp -a "$HERE" "$PREFIX/klogs-desk"
fi
ln -sf "$PREFIX/klogs-desk/klogs-desk" "$BIN/klogs-desk"
ICONS="$PREFIX/klogs-desk/_internal/resources/icons"
cp "$ICONS/klogs-desk.svg" "$SHARE/icons/hicolor/scalable/apps/klogs-desk.svg"
for size in 16 24 32 48 64 128 256 512; do
    mkdir -p "$SHARE/icons/hicolor/${size}x${size}/apps"
    cp "$ICONS/klogs-desk-$size.png" "$SHARE/icons/hicolor/${size}x${size}/apps/klogs-desk.png"
done
sed "s|^Exec=klogs-desk|Exec=$PREFIX/klogs-desk/klogs-desk|; s|^TryExec=klogs-desk|TryExec=$PREFIX/klogs-desk/klogs-desk|" \
    "$PREFIX/klogs-desk/klogs-desk.desktop" > "$SHARE/applications/klogs-desk.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$SHARE/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q "$SHARE/icons/hicolor" || true
echo "klogs-desk installed in $PREFIX/klogs-desk; start it from the menu or with: $BIN/klogs-desk"

#!/bin/sh
# Before the window opens on Linux: Qt's X11 plugin needs system libraries that a
# fresh Debian/Ubuntu often lacks (libxcb-cursor0 above all). Without them Qt stops
# with "could not load the Qt platform plugin"; say instead what to install.
# Usage: check-qt-libs.sh PATH/TO/venv
venv=${1:-.venv}
[ "$(uname -s)" = Linux ] || exit 0
plugin=$(find "$venv" -path '*PySide6/Qt/plugins/platforms/libqxcb.so' 2>/dev/null | head -n 1)
[ -n "$plugin" ] || exit 0
missing=$(ldd "$plugin" "$(dirname "$plugin")/../../lib/libQt6XcbQpa.so.6" 2>/dev/null \
  | awk '/not found/ && $1 !~ /^libQt6/ {print $1}' | sort -u | tr '\n' ' ')
[ -z "$missing" ] && exit 0
echo "Briefer's window needs system libraries that are missing: $missing" >&2
echo "On Debian or Ubuntu install them with:" >&2
echo "  sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \\" >&2
echo "       libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 \\" >&2
echo "       libegl1 libgl1 libfontconfig1" >&2
exit 1

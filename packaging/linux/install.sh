#!/bin/sh
# Installs the built Briefer folder for one user (default) or system-wide, with its
# desktop entry, icons, AppStream data and the .briefer file type, so that Briefer is
# in the applications menu and double-clicking a project opens it.
#
#   ./install.sh                  # into ~/.local (no root needed)
#   sudo ./install.sh /usr/local  # for everyone
#   ./install.sh --uninstall [PREFIX]
#
# Run it from the built folder (dist/briefer/, or the unpacked tarball): the build
# copies this script and share/ there.
set -eu

uninstall=0
if [ "${1:-}" = "--uninstall" ]; then uninstall=1; shift; fi
PREFIX="${1:-$HOME/.local}"
HERE="$(cd "$(dirname "$0")" && pwd)"
APP_ID=org.briefer.Briefer
APP_DIR="$PREFIX/lib/briefer"
SHARE="$PREFIX/share"

refresh() {
    command -v update-mime-database >/dev/null && update-mime-database "$SHARE/mime" || true
    command -v update-desktop-database >/dev/null && update-desktop-database -q "$SHARE/applications" || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t -f "$SHARE/icons/hicolor" || true
}

if [ "$uninstall" = 1 ]; then
    rm -rf "$APP_DIR"
    rm -f "$PREFIX/bin/briefer" "$SHARE/applications/$APP_ID.desktop" \
          "$SHARE/metainfo/$APP_ID.metainfo.xml" "$SHARE/mime/packages/$APP_ID.xml" \
          "$SHARE"/icons/hicolor/*/apps/$APP_ID.png "$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg"
    refresh
    echo "Briefer removed from $PREFIX"
    exit 0
fi

[ -x "$HERE/briefer" ] || { echo "install.sh: run me from the built Briefer folder" >&2; exit 1; }

mkdir -p "$APP_DIR" "$PREFIX/bin" "$SHARE/applications" "$SHARE/metainfo" "$SHARE/mime/packages"
# Replace, never merge: files left from an older version could shadow new ones.
rm -rf "$APP_DIR"
mkdir -p "$APP_DIR"
cp -R "$HERE/briefer" "$HERE/_internal" "$APP_DIR/"
ln -sf "$APP_DIR/briefer" "$PREFIX/bin/briefer"

# The menu entry runs this installation even when PREFIX/bin is not on PATH.
sed -e "s|^Exec=briefer|Exec=$APP_DIR/briefer|" -e "s|^TryExec=briefer|TryExec=$APP_DIR/briefer|" \
    "$HERE/share/applications/$APP_ID.desktop" > "$SHARE/applications/$APP_ID.desktop"
cp "$HERE/share/metainfo/$APP_ID.metainfo.xml" "$SHARE/metainfo/"
cp "$HERE/share/mime/packages/$APP_ID.xml" "$SHARE/mime/packages/"
cp -R "$HERE/share/icons" "$SHARE/"
refresh
echo "Briefer installed in $APP_DIR; run it from the applications menu or as $PREFIX/bin/briefer"

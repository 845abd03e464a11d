"""Whether this login has a screen for the window, asked before Qt is loaded.

On Linux without X11 or Wayland (an SSH login, a container, a scheduled job) Qt's
platform plugin stops the process with a page of plugin names and a core dump. One
line saying why, and that the commands need no screen, is what the analyst should
read instead. Standard library only.
"""

from __future__ import annotations

from collections.abc import Mapping

_NO_SCREEN = (
    "there is no screen to open the window on (no X11 or Wayland display for the platform "
    "Qt would use: DISPLAY, WAYLAND_DISPLAY). "
    "Start Briefer from your desktop, or use its commands, which need no window: "
    "see `briefer --help`."
)


def no_screen_reason(environ: Mapping[str, str], platform: str) -> str | None:
    """Why the window cannot open here, or None when it can (as far as can be told).

    Only X11 and Wayland systems are asked: Windows and macOS always have their screen.
    QT_QPA_PLATFORM is the list of plugins Qt tries in turn ("wayland;xcb"); one that
    needs no display (offscreen, vnc, eglfs...) is the user's choice and trusted, while
    xcb and wayland, often set for every login in /etc/environment, still need theirs.
    """
    if platform in ("win32", "cygwin", "darwin"):
        return None
    x11 = bool(environ.get("DISPLAY", "").strip())
    wayland = bool(
        environ.get("WAYLAND_DISPLAY", "").strip() or environ.get("WAYLAND_SOCKET", "").strip()
    )
    chosen = [
        entry.split(":", 1)[0].strip().lower()
        for entry in environ.get("QT_QPA_PLATFORM", "").split(";")
        if entry.strip()
    ]
    for name in chosen or ["xcb", "wayland"]:
        if name == "xcb":
            if x11:
                return None
        elif name.startswith("wayland"):
            if wayland:
                return None
        else:
            return None  # a plugin of the user's choosing that draws without a display
    return _NO_SCREEN

"""The window, in rooms named by what the analyst sees.

- ``shell``: the windows themselves (welcome, project window, menus), preferences,
  help, crash and lock dialogs, backups, signals;
- ``library``: the articles list, importing, project-wide search;
- ``reader``: one article, its highlights, keyboard tagging, find;
- ``passages``: the Passages panel and its model;
- ``themes``: the Themes panel, its menu and the Manage Themes dialog;
- ``composer``: writing a note (editor, outline, passages to quote, preview);
- ``notes``: the Note menu: drafting, details, checks, key figures, export;
- ``common``: what several rooms share (undo, the session bridge, table models, style).

Rooms import ``common`` and the session, and each other only where one room shows
another's view (the shell assembles them all).
"""

"""The retention rule as a pure function, over realistic histories and a fake clock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefer.store import Backup, BackupPolicy, backups_to_keep

UTC = dt.UTC
NOW = dt.datetime(2026, 3, 20, 10, 30, tzinfo=UTC)


def _backup(at: dt.datetime, label: str = "") -> Backup:
    return Backup(Path(f"b-{at:%Y%m%dT%H%M%S%f}-{label or 'opened'}.briefer"), at, label)


def _working_month(days: int = 30, opens_a_day: int = 8) -> list[Backup]:
    """An analyst who opens the project (or runs a CLI command) 8 times a working day."""
    history = []
    for day in range(days, -1, -1):
        start = (NOW - dt.timedelta(days=day)).replace(hour=8, minute=5)
        for n in range(opens_a_day):
            at = start + dt.timedelta(minutes=50 * n)
            if at <= NOW:
                history.append(_backup(at))
    return history


def test_a_month_of_work_keeps_recent_hourly_and_daily_generations() -> None:
    history = _working_month()
    kept = backups_to_keep(history, NOW, BackupPolicy())
    newest_first = sorted(history, key=lambda b: b.taken_at, reverse=True)
    assert set(newest_first[:5]) <= kept  # the last five opens
    # one a day for the last 14 days (the 15th calendar day back is partly within), no older
    kept_days = {b.taken_at.date() for b in kept}
    assert kept_days == {(NOW - dt.timedelta(days=d)).date() for d in range(15)}
    assert min(b.taken_at for b in kept) > NOW - dt.timedelta(days=14)
    # in the last day, every clock hour that had an open keeps exactly one (its oldest)
    last_day = [b for b in history if NOW - b.taken_at < dt.timedelta(hours=24)]
    for hour in {b.taken_at.replace(minute=0, second=0, microsecond=0) for b in last_day}:
        in_hour = sorted(
            (b for b in last_day if b.taken_at.replace(minute=0, second=0) == hour),
            key=lambda b: b.taken_at,
        )
        assert in_hour[0] in kept
    assert len(kept) <= 5 + 25 + 15  # bounded, however long the history
    assert len(kept) < len(history) / 4


def test_a_burst_of_quick_opens_does_not_push_out_the_older_days() -> None:
    history = _working_month(days=5)
    burst = [_backup(NOW - dt.timedelta(seconds=s)) for s in range(1, 31)]  # 30 CLI commands
    kept = backups_to_keep(history + burst, NOW, BackupPolicy())
    for day in range(1, 6):
        date = (NOW - dt.timedelta(days=day)).date()
        assert any(b.taken_at.date() == date for b in kept), date
    assert sum(1 for b in kept if b in burst) <= 5 + 2  # 5 recent, the hour's and day's first


def test_backups_before_a_migration_are_never_pruned() -> None:
    old = _backup(NOW - dt.timedelta(days=900), "before-migration-to-v2")
    history = [old, *_working_month()]
    kept = backups_to_keep(history, NOW, BackupPolicy(recent=0, hours=0, days=0))
    assert kept == {old}
    assert old in backups_to_keep(history, NOW, BackupPolicy())


def test_backups_before_deletes_outlive_many_opens_for_two_weeks() -> None:
    deleted = _backup(NOW - dt.timedelta(days=3, minutes=10), "before-delete-theme")
    opens = [_backup(NOW - dt.timedelta(days=3) + dt.timedelta(minutes=m)) for m in range(500)]
    policy = BackupPolicy(recent=5, hours=0, days=0)
    assert deleted in backups_to_keep([deleted, *opens], NOW, policy)
    later = NOW + dt.timedelta(days=12)
    assert deleted not in backups_to_keep([deleted, *opens], later, policy)


def test_backups_before_deletes_are_capped_newest_first() -> None:
    deletes = [_backup(NOW - dt.timedelta(minutes=m), "before-delete-note") for m in range(1, 40)]
    kept = backups_to_keep(deletes, NOW, BackupPolicy(hours=0, days=0, before_edit_max=20))
    assert kept == set(deletes[:20])


def test_the_recent_rule_counts_opens_only() -> None:
    opens = [_backup(NOW - dt.timedelta(days=30, minutes=m)) for m in range(3)]
    edits = [_backup(NOW - dt.timedelta(minutes=m), "before-delete-theme") for m in range(10)]
    kept = backups_to_keep([*opens, *edits], NOW, BackupPolicy(recent=3, hours=0, days=0))
    assert set(opens) <= kept


def test_a_clock_set_back_keeps_the_backups_from_the_future() -> None:
    future = [_backup(NOW + dt.timedelta(days=1, minutes=m)) for m in range(3)]
    present = [_backup(NOW - dt.timedelta(minutes=m)) for m in range(3)]
    kept = backups_to_keep([*future, *present], NOW, BackupPolicy(recent=2))
    assert set(future) & kept, "a wrong clock must not wipe every new backup"
    assert present[-1] in kept  # the oldest of this hour


def test_an_empty_policy_and_an_empty_history() -> None:
    assert backups_to_keep([], NOW, BackupPolicy()) == set()
    one = _backup(NOW)
    assert backups_to_keep([one], NOW, BackupPolicy(recent=0, hours=0, days=0)) == set()
    assert backups_to_keep([one], NOW, BackupPolicy(recent=-3, hours=-1, days=-1)) == set()

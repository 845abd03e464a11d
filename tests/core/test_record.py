"""The records' base: what a record promises, whoever defines one."""

from __future__ import annotations

import copy
from typing import Literal

import pytest

from briefer.core.record import Record, asdict, field, field_types, replace


class Point(Record, frozen=True):
    x: int
    y: int = 0
    tags: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.x < 0:
            raise ValueError("x below zero")


class Tally(Record):
    name: str
    seen: list[str] = field(default_factory=list)


def test_fields_are_given_by_position_or_name_with_defaults() -> None:
    assert Point.__struct_fields__ == ("x", "y", "tags")
    assert Point(1) == Point(1, 0, ()) == Point(x=1) == Point(1, tags=())
    assert (Point(1, 2).x, Point(1, 2).y) == (1, 2)


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda: Point(), "missing required argument 'x'"),
        (lambda: Point(1, 2, (), 4), "at most 3 arguments"),
        (lambda: Point(1, z=2), "unexpected argument 'z'"),
        (lambda: Point(1, x=2), "unexpected argument 'x'"),
    ],
)
def test_wrong_arguments_say_which(make: object, says: str) -> None:
    with pytest.raises(TypeError, match=says):
        make()  # type: ignore[operator]


def test_a_frozen_record_is_a_value() -> None:
    point = Point(1, 2)
    with pytest.raises(AttributeError, match="immutable"):
        point.x = 3  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del point.y  # type: ignore[misc]
    assert {Point(1, 2), Point(1, 2)} == {point}
    assert point != (1, 2, ())  # a record equals only a record of its own class
    assert repr(point) == "Point(x=1, y=2, tags=())"
    assert not hasattr(point, "__dict__")  # slots: no stray attributes, less memory


def test_a_mutable_record_changes_in_place_and_is_no_dictionary_key() -> None:
    first, second = Tally("a"), Tally("b")
    first.seen.append("x")
    assert second.seen == []  # each its own list
    first.name = "c"
    assert first == Tally("c", ["x"])
    with pytest.raises(TypeError):
        hash(first)
    with pytest.raises(AttributeError):
        first.other = 1  # type: ignore[attr-defined]


def test_post_init_checks_every_construction_replace_and_copies_included() -> None:
    with pytest.raises(ValueError, match="below zero"):
        Point(-1)
    with pytest.raises(ValueError, match="below zero"):
        replace(Point(1), x=-1)
    assert replace(Point(1, 2), y=5) == Point(1, 5)
    with pytest.raises(TypeError, match="no field 'z'"):
        replace(Point(1), z=3)
    assert copy.copy(Point(1, 2)) == copy.deepcopy(Point(1, 2)) == Point(1, 2)
    assert asdict(Point(1, 2)) == {"x": 1, "y": 2, "tags": ()}


def test_a_required_field_after_a_default_is_refused_at_definition() -> None:
    with pytest.raises(TypeError, match="required field"):

        class Bad(Record):
            a: int = 0
            b: int


def _all_records() -> list[type[Record]]:
    """Every record class Briefer defines, its modules imported."""
    import importlib
    import pkgutil

    import briefer

    for module in pkgutil.walk_packages(briefer.__path__, "briefer."):
        if not module.name.startswith(("briefer.ui", "briefer.app", "briefer.__main__")):
            importlib.import_module(module.name)
    found: list[type[Record]] = []
    todo = list(Record.__subclasses__())
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo += cls.__subclasses__()
    return found


def test_field_types_read_records_annotations_as_typing_would() -> None:
    """The store checks what a file gives back against these (store.codec.check_record), so
    every record it can return must be readable; any other record reads as typing reads
    it, or is refused: never read differently."""
    import typing

    typing_only = {n: getattr(typing, n) for n in ("ClassVar", "Any", "Literal")}  # for mypy
    records = _all_records()
    assert len(records) > 100
    for cls in records:
        hints = typing.get_type_hints(cls, localns=typing_only)
        expected = {name: hints[name] for name in cls.__struct_fields__}
        if cls.__module__ in ("briefer.core.model", "briefer.core.record") or (
            cls.__module__.startswith("briefer.store.")
        ):
            assert field_types(cls) == expected, cls
        else:
            try:
                assert field_types(cls) == expected, cls
            except TypeError as refused:
                assert "cannot read the annotation" in str(refused)


class _Odd(Record):
    size: int
    sized: Literal["A4", "Letter"]


def test_an_annotation_field_types_cannot_read_is_named() -> None:
    with pytest.raises(TypeError, match=r"_Odd: cannot read the annotation .Literal"):
        field_types(_Odd)

"""Typed value records that cost nothing to define: what the model's classes are made of.

Every command starts by defining some 150 record classes, so what a class costs to
define is paid on every `briefer export`. A dataclass writes and compiles half a dozen
methods per class when its module loads (228 M instructions for the model's, most of a
short export); msgspec's Structs are made in C, but importing msgspec brings inspect,
typing_extensions, uuid and decimal with it (81 M instructions, more than the
export's own work). Here a class's fields are read from its annotations once, into
``__slots__``, and every record shares one ``__init__``, ``__eq__``, ``__hash__`` and
``__repr__`` written here: nothing is compiled at run time.

The promises are those the model relies on (tests/core/test_model.py pins them):
fields in annotation order, positional or by name, defaults and ``field(
default_factory=...)``; ``frozen=True`` records refuse assignment and hash by value,
mutable ones are unhashable; ``__post_init__`` runs after every construction,
``replace`` included, so a record cannot be made invalid by copying it.
"""

from __future__ import annotations

import builtins
import sys
from collections.abc import Callable
from operator import attrgetter

TYPE_CHECKING = False  # typing.TYPE_CHECKING: loading typing cost 12 M instructions an export
if TYPE_CHECKING:
    from typing import Any, ClassVar, TypeVar, dataclass_transform

    R = TypeVar("R", bound="Record")
else:

    def dataclass_transform(**_options: object) -> Callable[[type], type]:
        """For type checkers only: they read records as dataclasses."""
        return lambda cls: cls


class _Factory:
    """A default made afresh for each record (``field(default_factory=list)``)."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


_NO_DEFAULT: Any = object()
_REQUIRED: Any = object()


def field(*, default: Any = _NO_DEFAULT, default_factory: Callable[[], Any] | None = None) -> Any:
    """A field's default, given as a value or as a function that makes one per record."""
    if default_factory is not None:
        return _Factory(default_factory)
    return default


def _values_of(fields: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    if not fields:
        return lambda _record: ()
    if len(fields) == 1:
        one = attrgetter(fields[0])
        return lambda record: (one(record),)
    return attrgetter(*fields)  # a C function returning the tuple


class _Layout:
    """What every record of one class shares: its fields, their defaults, how to read
    them all at once and how to set each one (a slot's own setter, past a frozen
    record's refusal and without a name lookup), and its ``__post_init__``."""

    __slots__ = ("defaults", "fields", "index", "post_init", "setters", "special", "tail", "values")

    def __init__(self, cls: type, fields: tuple[str, ...], defaults: dict[str, Any]) -> None:
        self.fields = fields
        self.defaults = defaults
        self.values = _values_of(fields)
        self.setters: tuple[Callable[[Any, Any], None], ...] = tuple(
            getattr(cls, f).__set__ for f in fields
        )
        self.post_init: Callable[[Any], None] | None = getattr(cls, "__post_init__", None)
        # For arguments given by name: each field's place, each default (or _REQUIRED),
        # and the places that need a look once named arguments are in (required, or a
        # default made afresh).
        self.index = {f: at for at, f in enumerate(fields)}
        self.tail = tuple(defaults.get(f, _REQUIRED) for f in fields)
        self.special = tuple(
            at
            for at, value in enumerate(self.tail)
            if value is _REQUIRED or type(value) is _Factory
        )


class _RecordType(type):
    """Reads a record class's fields from its annotations and lays them out as slots."""

    def __new__(
        mcls, name: str, bases: tuple[type, ...], namespace: dict[str, Any], frozen: bool = False
    ) -> _RecordType:
        annotations = namespace.get("__annotations__", {})
        own = tuple(n for n, a in annotations.items() if "ClassVar" not in str(a)[:16])
        inherited: tuple[str, ...] = ()
        defaults: dict[str, Any] = {}
        for base in bases:
            layout = getattr(base, "__record__", None)
            if layout is not None:
                inherited += tuple(f for f in layout.fields if f not in inherited)
                defaults.update(layout.defaults)
        for field_name in own:
            value = namespace.pop(field_name, _NO_DEFAULT)
            if value is not _NO_DEFAULT:
                defaults[field_name] = value
        fields = inherited + tuple(f for f in own if f not in inherited)
        optional = [f in defaults for f in fields]
        if optional and any(optional) and not all(optional[optional.index(True) :]):
            raise TypeError(f"{name}: a required field cannot follow one with a default")
        namespace["__slots__"] = tuple(f for f in own if f not in inherited)
        namespace["__struct_fields__"] = fields
        namespace["__match_args__"] = fields
        cls = super().__new__(mcls, name, bases, namespace)
        added: dict[str, Any] = {"__record__": _Layout(cls, fields, defaults)}
        if frozen:  # else unhashable, as Record defines __eq__: no mutable dictionary key
            added |= {"__setattr__": _refuse, "__delattr__": _refuse, "__hash__": _hash}
        for attribute, value in added.items():
            type.__setattr__(cls, attribute, value)
        return cls


def _refuse(self: Record, name: str, *_value: object) -> None:
    raise AttributeError(f"immutable type: '{type(self).__name__}'")


def _hash(self: Record) -> int:
    return hash(type(self).__record__.values(self))


@dataclass_transform(field_specifiers=(field,))
class Record(metaclass=_RecordType):
    """The base of every record; ``class Passage(Record, frozen=True)`` makes a value."""

    __slots__ = ()
    __struct_fields__: ClassVar[tuple[str, ...]]
    __record__: ClassVar[_Layout]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        layout = type(self).__record__
        setters = layout.setters
        if kwargs or len(args) != len(setters):
            args = _arguments(type(self).__name__, layout, args, kwargs)
        for put, value in zip(setters, args, strict=True):
            put(self, value)
        if layout.post_init is not None:
            layout.post_init(self)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        values = type(self).__record__.values
        return values(self) == values(other)

    def __repr__(self) -> str:
        layout = type(self).__record__
        pairs = zip(layout.fields, layout.values(self), strict=True)
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in pairs)})"

    def __reduce__(self) -> tuple[type[Record], tuple[Any, ...]]:
        return type(self), type(self).__record__.values(self)


def _arguments(
    name: str, layout: _Layout, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[Any, ...]:
    """All the fields' values in order, from arguments given partly by name or left to
    their defaults: the defaults laid down at once, then what was named put in place."""
    given = len(args)
    if given > len(layout.fields):
        raise TypeError(f"{name} takes at most {len(layout.fields)} arguments, {given} given")
    values = [*args, *layout.tail[given:]]
    index = layout.index
    for key, value in kwargs.items():
        at = index.get(key, -1)
        if at < given:  # unknown, or given by position already
            raise TypeError(f"{name} got an unexpected argument {key!r}")
        values[at] = value
    for at in layout.special:
        if at >= given:
            value = values[at]
            if value is _REQUIRED:
                raise TypeError(f"{name} is missing required argument {layout.fields[at]!r}")
            if type(value) is _Factory:
                values[at] = value.make()
    return tuple(values)


def replace(record: R, /, **changes: Any) -> R:
    """A copy of ``record`` with ``changes``, checked again by its ``__post_init__``."""
    layout = type(record).__record__
    for name in changes:
        if name not in layout.fields:
            raise TypeError(f"{type(record).__name__} has no field {name!r}")
    values = dict(zip(layout.fields, layout.values(record), strict=True))
    values.update(changes)
    return type(record)(**values)


def asdict(record: Record) -> dict[str, Any]:
    """The record's fields and values, in order (not recursive)."""
    layout = type(record).__record__
    return dict(zip(layout.fields, layout.values(record), strict=True))


def field_types(cls: type[Record]) -> dict[str, object]:
    """Each field's declared type, evaluated in the module that declared it, as
    ``typing.get_type_hints`` would; but without loading typing, nor compiling each
    annotation as Python. Records use names (``Block``, ``dt.date``), ``A | B`` and
    subscripts (``tuple[int, ...]``, ``Callable[[str], str]``); any other form is a
    TypeError naming it."""
    found: dict[str, object] = {}
    for klass in reversed(cls.__mro__):
        names = {**vars(builtins), **vars(sys.modules[klass.__module__])}
        for name, text in vars(klass).get("__annotations__", {}).items():
            if name in cls.__struct_fields__:
                found[name] = _annotation(str(text), names, klass)
    return found


def _annotation(text: str, names: dict[str, Any], owner: type) -> object:
    compact = text.replace(" ", "")
    try:
        value, end = _union(compact, 0, names)
    except (KeyError, AttributeError, IndexError, TypeError):
        end = -1
    if end != len(compact):
        raise TypeError(f"{owner.__name__}: cannot read the annotation {text!r}")
    return value


def _union(text: str, at: int, names: dict[str, Any]) -> tuple[Any, int]:
    value, at = _item(text, at, names)
    while at < len(text) and text[at] == "|":
        other, at = _item(text, at + 1, names)
        value = value | other
    return value, at


def _item(text: str, at: int, names: dict[str, Any]) -> tuple[Any, int]:
    end = at
    while end < len(text) and (text[end].isalnum() or text[end] in "._"):
        end += 1
    first, *rest = text[at:end].split(".")
    value: Any = None if first == "None" else names[first]
    for attribute in rest:
        value = getattr(value, attribute)
    if end == len(text) or text[end] != "[":
        return value, end
    arguments: list[Any] = []
    at = end + 1
    while True:
        argument: Any
        if text.startswith("...", at):
            argument, at = Ellipsis, at + 3
        elif text.startswith("[", at):  # Callable[[str], int]'s parameters
            argument, at = _listed(text, at + 1, names)
        else:
            argument, at = _union(text, at, names)
        arguments.append(argument)
        at += 1  # past "," or "]"
        if text[at - 1] == "]":
            return value[tuple(arguments)], at
        if text[at - 1] != ",":
            raise TypeError(text)


def _listed(text: str, at: int, names: dict[str, Any]) -> tuple[list[Any], int]:
    items: list[Any] = []
    while text[at] != "]":
        item, at = _union(text, at, names)
        items.append(item)
        at += text[at] == ","
    return items, at + 1

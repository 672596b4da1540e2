"""The history import reads a file a piece at a time: whatever the chunk size, it reads
what json.loads reads, splits at no awkward place (a number, a multi-byte character, an
escape), and says where a file stops being JSON."""

import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postrun.store.json_items import NotAnObject, NotJson, read_object


def read(data: bytes, chunk: int, array: str = "workouts"):
    top = {}
    items = list(read_object(io.BytesIO(data), array, top.__setitem__, chunk=chunk))
    return top, items


DOCUMENT = {"format": 1, "kind": "postrun-workouts", "workouts": [
    {"n": 12345678901234567890, "x": -1.5e-7, "text": "Kettlebell “swings” — ünïcödé ✓ 💪",
     "esc": "a\\\"b\u00e9\U0001F600"},
    {"deep": [[[{"a": None, "b": True, "c": False}]]], "empty": {}, "list": []},
    7, "plain", None,
], "after": {"k": [1, 2]}}


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 64, 1 << 20])
@pytest.mark.parametrize("indent", [None, 2])
@pytest.mark.parametrize("ascii", [False, True])        # True: escapes (\\ud83d\\ude00) split across chunks
def test_any_chunk_size_reads_what_json_loads_reads(chunk, indent, ascii):
    data = json.dumps(DOCUMENT, indent=indent, ensure_ascii=ascii).encode()
    top, items = read(data, chunk)
    assert items == DOCUMENT["workouts"]
    assert top == {"format": 1, "kind": "postrun-workouts", "workouts": [], "after": {"k": [1, 2]}}


@settings(max_examples=60, deadline=None)
@given(items=st.lists(st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8), max_size=6), chunk=st.integers(1, 40), ascii=st.booleans())
def test_any_items_in_any_chunks(items, chunk, ascii):
    data = json.dumps({"workouts": items}, ensure_ascii=ascii).encode("utf-8", "surrogatepass")
    try:
        expected = json.loads(data)["workouts"]
    except UnicodeDecodeError:
        return                                    # not UTF-8: both refuse it
    assert read(data, chunk)[1] == expected


@pytest.mark.parametrize(("data", "words"), [
    (b'{"workouts": [1, 2', "expected ',' or ']'"),
    (b'{"workouts": [1, 2,]}', "Expecting value"),
    (b'{"workouts": [1] "x": 2}', "expected ',' or '}'"),
    (b'{"workouts": [1]} trailing', "extra data"),
    (b'{"a" 1}', "':' after a key"),
    (b'{"workouts": [{"a": tru}]}', "Expecting"),
    (b"", "not a JSON object"),
])
@pytest.mark.parametrize("chunk", [1, 5, 1 << 20])
def test_where_a_file_stops_being_json_is_said(data, words, chunk):
    with pytest.raises(NotJson, match=words.replace("(", r"\(").replace("[", r"\[").replace("]", r"\]")):
        read(data, chunk)


@pytest.mark.parametrize("data", [b"[]", b'"text"', b"42"])
def test_json_that_is_not_an_object(data):
    with pytest.raises(NotAnObject):
        read(data, 4)


def test_a_broken_character_is_found_at_its_byte_in_the_file():
    data = b'{"workouts": ["' + b"a" * 100 + b'\xff"]}'
    with pytest.raises(UnicodeDecodeError) as broken:
        read(data, 16)
    assert broken.value.start == data.index(b"\xff")


def test_re_reading_a_long_item_stays_linear():
    """An item much longer than a chunk is read with chunks that double, not one at a time."""
    reads = []

    class Counting(io.BytesIO):
        def read(self, size=-1):
            reads.append(size)
            return super().read(size)

    item = {"note": "x" * 200_000}
    handle = Counting(json.dumps({"workouts": [item]}).encode())
    assert list(read_object(handle, "workouts", lambda k, v: None, chunk=1024)) == [item]
    assert len(reads) < 20

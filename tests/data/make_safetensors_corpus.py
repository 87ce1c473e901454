#!/usr/bin/python3
"""Writes the safetensors test corpus next to this script, with the standard library only.

    python3 tests/data/make_safetensors_corpus.py

valid_safetensors/    files Lamina must read; tests/io/safetensors_reads_other_writers.cpp
                      states their contents by hand.
hostile_safetensors/  truncated, corrupt and hostile files, and expected_errors.txt: one
                      line per file, the exact message of the lamina::Error that refuses it
                      when it is read under the name of the file itself (the message starts
                      with that name). tests/io/safetensors_rejects_hostile_files.cpp checks
                      every line; files that pass the container checks are then checked for
                      their "lamina_format" version.

Both folders also seed the fuzzer (tests/fuzz/fuzz_safetensors.cpp). The messages are written
here by hand from the rules in docs/file-format.md, except those quoting nlohmann-json's own
description of a JSON syntax error.
"""
import json
import os
import struct

here = os.path.dirname(os.path.abspath(__file__))
VALID = os.path.join(here, "valid_safetensors")
HOSTILE = os.path.join(here, "hostile_safetensors")


def container(header, data=b"", length=None):
    """8-byte little-endian header length, header bytes, data area."""
    if isinstance(header, str):
        header = header.encode("utf-8")
    return struct.pack("<Q", len(header) if length is None else length) + header + data


def lamina_bytes(metadata, tensors):
    """What Lamina writes (docs/file-format.md): compact JSON, __metadata__ first with sorted
    keys, tensors in the given order and stored in that order, spaces padding the header
    to a multiple of 8. `tensors` is a list of (name, dtype code, shape, raw bytes)."""
    parts = []
    if metadata:
        parts.append('"__metadata__":' + json.dumps(dict(sorted(metadata.items())), separators=(",", ":"),
                                                      ensure_ascii=False))
    offset = 0
    for name, code, shape, raw in tensors:
        entry = {"dtype": code, "shape": list(shape), "data_offsets": [offset, offset + len(raw)]}
        parts.append(json.dumps(name, ensure_ascii=False) + ":" + json.dumps(entry, separators=(",", ":")))
        offset += len(raw)
    header = ("{" + ",".join(parts) + "}").encode("utf-8")
    header += b" " * ((8 - len(header) % 8) % 8)
    return container(header, b"".join(raw for _, _, _, raw in tensors))


def f32(*values):
    return struct.pack("<%df" % len(values), *values)


def entry(dtype="F32", shape=(1,), offsets=(0, 4)):
    return '{"dtype":"%s","shape":%s,"data_offsets":[%d,%d]}' % (dtype, json.dumps(list(shape)), *offsets)


def write(folder, name, data):
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


# --- files Lamina must read ---
valid = {
    # Lamina's own bytes for one tensor of each dtype (the test compares them with write()).
    "lamina_every_dtype.safetensors": lamina_bytes(
        {"lamina_format": "1.0", "note": "every dtype"},
        [("f32", "F32", (2, 3), f32(-1, -0.5, 0, 0.5, 1, 1.5)),
         ("f64", "F64", (), struct.pack("<d", 3.25)),
         ("i32", "I32", (2,), struct.pack("<2i", -2147483648, 2147483647)),
         ("i64", "I64", (1, 2), struct.pack("<2q", -(2**63), 2**63 - 1)),
         ("mask", "BOOL", (4,), bytes([1, 0, 0, 1])),
         ("empty", "F32", (0, 3), b"")]),
    # Another writer's habits: spaced JSON, __metadata__ last with an unknown key, a header
    # order that is not the data order, an escaped non-ASCII name, an empty tensor between
    # two others, a header length that is not a multiple of 8.
    "other_writer.safetensors": container(
        '{\n  "b": {"dtype": "I64", "shape": [2], "data_offsets": [4, 20]},\n'
        '  "caf\\u00e9": {"shape": [], "dtype": "F32", "data_offsets": [0, 4]},\n'
        '  "nothing": {"dtype": "F64", "shape": [3, 0], "data_offsets": [4, 4]},\n'
        '  "__metadata__": {"format": "pt", "lamina_format": "1.7"}\n}',
        f32(2.5) + struct.pack("<2q", 7, -7)),
    # The smallest file: no tensors, no metadata.
    "no_tensors.safetensors": container("{}      "),
}

# --- files Lamina must refuse: name -> (bytes, message after "name: ") ---
npy_start = b"\x93NUMPY\x01\x00v\x00{'descr': '<f4', 'fortran_order': False, 'shape': (), }"
hostile = {
    "empty.safetensors": (b"", "not a safetensors file: it is 0 bytes long, too short for the 8-byte header length"),
    "seven_bytes.safetensors": (b"\x02\x00\x00\x00\x00\x00\x00",
                                "not a safetensors file: it is 7 bytes long, too short for the 8-byte header length"),
    "length_past_end.safetensors": (container("{}", length=100),
                                    "the header length field says 100 bytes but only 2 bytes follow it"),
    "length_max.safetensors": (container("{}", length=2**64 - 1),
                               "the header length field says 18446744073709551615 bytes but only 2 bytes follow it"),
    "npy_file.safetensors": (npy_start, "the header length field says %d bytes but only %d bytes follow it"
                             % (struct.unpack("<Q", npy_start[:8])[0], len(npy_start) - 8)),
    "empty_header.safetensors": (container(""), "not a safetensors file: the header does not start with '{'"),
    "header_is_list.safetensors": (container("[]"), "not a safetensors file: the header does not start with '{'"),
    "leading_space.safetensors": (container(" {}"), "not a safetensors file: the header does not start with '{'"),
    "truncated_json.safetensors": (container('{"a":{"dtype":"F32"'), None),
    "trailing_garbage.safetensors": (container("{} x"), None),
    "nul_padding.safetensors": (container("{}\0\0\0\0\0\0"), None),
    "nul_then_tensors.safetensors": (container('{}\0{"a":%s}' % entry(), f32(1)), None),
    "bad_utf8_name.safetensors": (container(b'{"\xff":' + entry().encode() + b"}", f32(1)), None),
    "number_overflow.safetensors": (container('{"a":{"shape":[1e999]}}'), None),
    "deep_nesting_value.safetensors": (
        container('{"a":' + "[" * 100000),
        "tensor 'a': expected an object with dtype, shape and data_offsets, found a list"),
    "deep_nesting_shape.safetensors": (
        container('{"a":{"dtype":"F32","shape":' + "[" * 10000),
        "tensor 'a': shape must be a list of non-negative integers, found a list"),
    "deep_nesting_metadata.safetensors": (
        container('{"__metadata__":{"k":' + "{" * 10000),
        "__metadata__ 'k': metadata values must be strings, found an object"),
    "two_tensors_one_name.safetensors": (
        container('{"a":%s,"a":%s}' % (entry(offsets=(0, 4)), entry(offsets=(4, 8))), f32(1, 2)),
        "two tensors are named 'a'"),
    "metadata_key_twice.safetensors": (container('{"__metadata__":{"k":"1","k":"2"}}'),
                                       "__metadata__ key 'k' appears twice"),
    "metadata_twice.safetensors": (container('{"__metadata__":{},"__metadata__":{}}'), "__metadata__ appears twice"),
    "metadata_is_list.safetensors": (container('{"__metadata__":["x"]}'),
                                     "__metadata__ must be an object of strings, found a list"),
    "metadata_value_number.safetensors": (container('{"__metadata__":{"n":5}}'),
                                          "__metadata__ 'n': metadata values must be strings, found 5"),
    "metadata_value_null.safetensors": (container('{"__metadata__":{"n":null}}'),
                                        "__metadata__ 'n': metadata values must be strings, found null"),
    "entry_is_string.safetensors": (container('{"a":"F32"}'),
                                    "tensor 'a': expected an object with dtype, shape and data_offsets, found a string"),
    "unknown_field.safetensors": (
        container('{"a":{"dtype":"F32","shape":[],"data_offsets":[0,4],"quantized":true}}', f32(1)),
        "tensor 'a': unknown field 'quantized'; a tensor entry holds only dtype, shape and data_offsets"),
    "field_twice.safetensors": (container('{"a":{"dtype":"F32","dtype":"F64"}}'), "tensor 'a': field dtype appears twice"),
    "no_dtype.safetensors": (container('{"a":{"shape":[1],"data_offsets":[0,4]}}', f32(1)), "tensor 'a' has no dtype"),
    "no_shape.safetensors": (container('{"a":{"dtype":"F32","data_offsets":[0,4]}}', f32(1)), "tensor 'a' has no shape"),
    "no_data_offsets.safetensors": (container('{"a":{"dtype":"F32","shape":[1]}}', f32(1)),
                                    "tensor 'a' has no data_offsets"),
    "dtype_f16.safetensors": (container('{"a":%s}' % entry("F16", (2,)), f32(1)),
                              "tensor 'a': dtype F16 is not one Lamina holds; Lamina reads F32, F64, I32, I64 and BOOL"),
    "dtype_numpy_name.safetensors": (container('{"a":%s}' % entry("float32"), f32(1)),
                                     "tensor 'a': unknown dtype 'float32'; Lamina reads F32, F64, I32, I64 and BOOL"),
    "dtype_number.safetensors": (container('{"a":{"dtype":4}}'),
                                 "tensor 'a': dtype must be a string such as \"F32\", found 4"),
    "shape_negative.safetensors": (container('{"a":{"shape":[2,-3]}}'),
                                   "tensor 'a': shape must be a list of non-negative integers, found -3"),
    "shape_fraction.safetensors": (container('{"a":{"shape":[2.5]}}'),
                                   "tensor 'a': shape must be a list of non-negative integers, found 2.5"),
    "shape_past_uint64.safetensors": (
        container('{"a":{"shape":[18446744073709551616]}}'),
        "tensor 'a': shape must be a list of non-negative integers, found 18446744073709551616"),
    "shape_is_string.safetensors": (container('{"a":{"shape":"2x3"}}'),
                                    "tensor 'a': shape must be a list of non-negative integers, found a string"),
    "dimension_over_limit.safetensors": (
        container('{"a":{"shape":[8589934592]}}'),
        "tensor 'a': dimension 0 of the shape is 8589934592, over the limit of 4294967296 (Limits::max_dim)"),
    "rank_33.safetensors": (container('{"a":{"shape":%s}}' % json.dumps([1] * 33)),
                            "tensor 'a': the shape has more than 32 dimensions (Limits::max_rank)"),
    "element_count_overflow.safetensors": (
        container('{"a":%s}' % entry(shape=(4294967296, 4294967296, 4294967296, 0), offsets=(0, 0))),
        "tensor 'a': shape (4294967296, 4294967296, 4294967296, 0) has too many elements "
        "(the count must fit in a signed 64-bit integer)"),
    "elements_over_limit.safetensors": (
        container('{"a":%s}' % entry(shape=(65536, 65536, 2), offsets=(0, 0))),
        "tensor 'a': shape (65536, 65536, 2) has 8589934592 elements, over the limit of 4294967296 "
        "(Limits::max_elements)"),
    "offsets_three_numbers.safetensors": (
        container('{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4,8]}}'),
        "tensor 'a': data_offsets must be a list [begin, end] of two non-negative integers, found more than two numbers"),
    "offsets_one_number.safetensors": (
        container('{"a":{"dtype":"F32","shape":[1],"data_offsets":[0]}}'),
        "tensor 'a': data_offsets must be a list [begin, end] of two non-negative integers, found only one number"),
    "offsets_empty.safetensors": (
        container('{"a":{"data_offsets":[]}}'),
        "tensor 'a': data_offsets must be a list [begin, end] of two non-negative integers, found an empty list"),
    "offsets_fraction.safetensors": (
        container('{"a":{"data_offsets":[0,4.0]}}'),
        "tensor 'a': data_offsets must be a list [begin, end] of two non-negative integers, found 4.0"),
    "offsets_reversed.safetensors": (container('{"a":%s}' % entry(offsets=(8, 4)), f32(1, 2)),
                                     "tensor 'a': data_offsets [8, 4) end before they begin"),
    "offsets_past_end.safetensors": (
        container('{"a":%s}' % entry(shape=(20,), offsets=(0, 80)), f32(*range(10))),
        "tensor 'a': data_offsets [0, 80) reach past the end of the data area, which holds 40 bytes"),
    "wrong_byte_count.safetensors": (
        container('{"dense/kernel":%s}' % entry(shape=(4, 5), offsets=(0, 96)), f32(*range(24))),
        "tensor 'dense/kernel': data_offsets [0, 96) hold 96 bytes but float32 (4, 5) needs 80"),
    "overlap.safetensors": (
        container('{"a":%s,"b":%s}' % (entry(shape=(2,), offsets=(0, 8)), entry(shape=(2,), offsets=(4, 12))),
                  f32(1, 2, 3)),
        "tensors 'a' [0, 8) and 'b' [4, 12) overlap"),
    "same_range_twice.safetensors": (
        container('{"a":%s,"b":%s}' % (entry(), entry()), f32(1)),
        "tensors 'a' [0, 4) and 'b' [0, 4) overlap"),
    "empty_tensor_inside_another.safetensors": (
        container('{"a":%s,"e":%s}' % (entry(shape=(2,), offsets=(0, 8)), entry(shape=(0,), offsets=(4, 4))),
                  f32(1, 2)),
        "tensors 'a' [0, 8) and 'e' [4, 4) overlap"),
    "gap.safetensors": (
        container('{"a":%s,"b":%s}' % (entry(offsets=(0, 4)), entry(offsets=(8, 12))), f32(1, 2, 3)),
        "bytes [4, 8) of the data area belong to no tensor; a safetensors file has no gaps"),
    "leading_bytes.safetensors": (container('{"a":%s}' % entry(offsets=(4, 8)), f32(1, 2)),
                                  "bytes [0, 4) of the data area belong to no tensor; a safetensors file has no gaps"),
    "trailing_bytes.safetensors": (container('{"a":%s}' % entry(), f32(1) + b"\0\0"),
                                   "bytes [4, 6) of the data area belong to no tensor; a safetensors file has no gaps"),
    "data_without_tensors.safetensors": (container("{}", f32(1)),
                                         "bytes [0, 4) of the data area belong to no tensor; a safetensors file has no gaps"),
    "bool_byte_2.safetensors": (container('{"mask":%s}' % entry("BOOL", (3,), (0, 3)), bytes([1, 2, 0])),
                                "tensor 'mask': bool element 1 is stored as byte 2; bools must be 0 or 1"),
    "control_bytes_in_name.safetensors": (
        container('{"\\u0001\'x\\n":%s}' % entry(offsets=(0, 8)), f32(1, 2)),
        "tensor '\\x01\\'x\\x0a': data_offsets [0, 8) hold 8 bytes but float32 (1,) needs 4"),
    "long_name_in_message.safetensors": (
        container('{"%s":%s}' % ("n" * 200, entry(dtype="F99"))),
        "tensor '%s...': unknown dtype 'F99'; Lamina reads F32, F64, I32, I64 and BOOL" % ("n" * 80)),
    "name_over_limit.safetensors": (
        container('{"%s":%s}' % ("n" * 1025, entry())),
        "tensor name '%s...' is 1025 bytes long, over the limit of 1024 (Limits::max_name_bytes)" % ("n" * 80)),
    # The container is sound; the Lamina format version is not.
    "newer_major_version.safetensors": (
        lamina_bytes({"lamina_format": "2.0"}, [("w", "F32", (1,), f32(1))]),
        "written by a newer Lamina (format 2.0); this build reads up to format 1.x"),
    "malformed_version.safetensors": (
        lamina_bytes({"lamina_format": "1"}, []),
        "__metadata__ \"lamina_format\" is '1', not a format version such as \"1.0\""),
    "no_version.safetensors": (lamina_bytes({"format": "pt"}, [("w", "F32", (1,), f32(1))]),
                               "not a Lamina file: its __metadata__ has no \"lamina_format\" entry"),
}

# The rest of the message after "the header is not valid JSON: ": Lamina's own for a NUL byte
# (nlohmann-json would take it for the end of the text), otherwise nlohmann-json's description.
json_errors = {
    "truncated_json.safetensors":
        "syntax error while parsing object - unexpected end of input; expected '}' (near byte 20 of the header)",
    "trailing_garbage.safetensors":
        "syntax error while parsing value - invalid literal (near byte 4 of the header)",
    "nul_padding.safetensors": "it holds a NUL byte (near byte 3 of the header)",
    "bad_utf8_name.safetensors":
        "syntax error while parsing object key - invalid string: ill-formed UTF-8 byte (near byte 3 of the header)",
    "nul_then_tensors.safetensors": "it holds a NUL byte (near byte 3 of the header)",
    "number_overflow.safetensors":
        "number overflow parsing '1e999' (near byte 20 of the header)",
}

if __name__ == "__main__":
    for folder in (VALID, HOSTILE):
        os.makedirs(folder, exist_ok=True)
        for old in os.listdir(folder):
            if old.endswith(".safetensors"):
                os.remove(os.path.join(folder, old))
    for name, data in valid.items():
        write(VALID, name, data)
    lines = []
    for name, (data, message) in sorted(hostile.items()):
        write(HOSTILE, name, data)
        if message is None:
            message = "the header is not valid JSON: " + json_errors[name]
        lines.append("%s: %s\n" % (name, message))
    with open(os.path.join(HOSTILE, "expected_errors.txt"), "w") as f:
        f.writelines(lines)

#!/usr/bin/python3
"""Writes the .npy fixtures next to this script with NumPy's own np.save.

Run with Debian's python3 (it has numpy):  /usr/bin/python3 tests/io/data/make_fixtures.py
The tests in tests/io/ state the same values by hand; keep the two in step.
"""
import os

import numpy as np
from numpy.lib import format as npformat

here = os.path.dirname(os.path.abspath(__file__))


def save(name, array):
    np.save(os.path.join(here, name), array)


def save_version(name, array, version):
    with open(os.path.join(here, name), "wb") as f:
        npformat.write_array(f, array, version=version)


# One small C-ordered array per Lamina dtype.
save("float32_2x3.npy", (np.arange(6, dtype=np.float32) * 0.5 - 1).reshape(2, 3))  # -1 -0.5 0 0.5 1 1.5
save("float64_3.npy", np.array([1.5, -2.25, 1e300], dtype=np.float64))
save("int32_2x2.npy", np.array([[1, -2], [2147483647, -2147483648]], dtype=np.int32))
save("int64_2.npy", np.array([-(2**63), 2**63 - 1], dtype=np.int64))
save("bool_4.npy", np.array([True, False, False, True]))
save("scalar_float64.npy", np.float64(3.25))  # a 0-d array
save("empty_int32_0x3.npy", np.zeros((0, 3), dtype=np.int32))

# The same float32 array in the newer header formats.
save_version("float32_2x3_v2.npy", (np.arange(6, dtype=np.float32) * 0.5 - 1).reshape(2, 3), (2, 0))
save_version("float32_2x3_v3.npy", (np.arange(6, dtype=np.float32) * 0.5 - 1).reshape(2, 3), (3, 0))

# Arrays Lamina must refuse, with a message saying how to fix them.
save("fortran_2x3.npy", np.asfortranarray(np.arange(6, dtype=np.float32).reshape(2, 3)))
save("big_endian_f4.npy", np.arange(3, dtype=">f4"))
save("float16_3.npy", np.arange(3, dtype=np.float16))
save("uint8_3.npy", np.arange(3, dtype=np.uint8))
save("object_2.npy", np.array([1, "a"], dtype=object))
save("structured_2.npy", np.zeros(2, dtype=[("a", "<f4"), ("b", "<i4")]))

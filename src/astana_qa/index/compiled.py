"""Compiling the loops that run over every posting (numba, as bm25s's fastest backend).

The index layer compiles the loop that trims a written segment (`trim.py`); the search
layer compiles its scoring loops (`search/kernels.py`). Compiled code is cached on disk
(next to the module, in the user's cache folder, or in `NUMBA_CACHE_DIR`), so only the
first run after installing compiles (a few seconds); where none of those is writable (a
service account without a home), each process compiles its own. numba does not check
bounds, so every loop over arrays read from disk checks them itself and raises
`IndexError(DAMAGED)` instead of reading or writing outside its memory.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, cast

from numba import njit

_Function = TypeVar("_Function", bound=Callable)
DAMAGED = "the index points outside its own arrays: rebuild it (astana-qa index --rebuild)"


def compiled(function: _Function) -> _Function:
    """`function` compiled by numba without the interpreter lock, its machine code cached
    on disk when numba finds a writable folder for it, else compiled in each process."""
    try:
        return cast(_Function, njit(cache=True, nogil=True)(function))
    except RuntimeError:  # "cannot cache function ...: no locator available"
        return cast(_Function, njit(nogil=True)(function))

"""The sandbox's wire protocol, shared by the caller (:mod:`petaflop.sandbox`) and the worker
(:mod:`petaflop.sandbox_worker`): length-prefixed pickles in both directions, the worker's pid as
the zygote's reply, and the mark the zygote writes when a worker ends."""

from __future__ import annotations

import os
import pickle
import select
import struct
import time
from typing import Any

HEADER = struct.Struct("!Q")
PID = struct.Struct("!i")
EXIT_MARK = b"petaflop-worker-exit: "


def write_frame(fd: int, obj: Any) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(HEADER.pack(len(data)) + data)
    while view:
        sent = os.write(fd, view)
        view = view[sent:]


def _read_exact(fd: int, n: int, deadline: float | None) -> bytes:
    chunks, got = [], 0
    while got < n:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise TimeoutError
        chunk = os.read(fd, min(n - got, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def read_frame(fd: int, deadline: float | None) -> Any:
    """The next frame; TimeoutError when none has begun by ``deadline``, EOFError when the peer is gone."""
    (n,) = HEADER.unpack(_read_exact(fd, HEADER.size, deadline))
    return pickle.loads(_read_exact(fd, n, None if deadline is None else max(deadline, time.monotonic()) + 30))

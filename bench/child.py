"""Child-process entry point of ``petaflop bench``: ``python -m bench.child TASK 'JSON ARGS'``.

Each task prints JSON records, one per line (see :func:`bench.common.emit`), and always ends with
``{"kind": "rusage", "peak_rss_kb": …}`` — this process's own peak resident memory — so the parent
can report peak memory per step. A task that fails prints ``{"kind": "error", …}`` and exits 1.
"""

from __future__ import annotations

import importlib
import json
import resource
import sys
import traceback

from bench.common import emit

TASKS = {
    "build": "bench.bench_reasoning:build_task",
    "ours": "bench.bench_reasoning:ours_task",
    "owlrl": "bench.bench_reasoning:owlrl_task",
    "generate": "bench.bench_scale:generate_task",
    "load": "bench.bench_scale:load_task",
    "materialise": "bench.bench_scale:materialise_task",
    "catalogue": "bench.bench_catalogue:catalogue_task",
    "catalogue_rdflib": "bench.bench_catalogue:rdflib_task",
    "clients": "bench.bench_serve:clients_task",
    "rdflib_server": "bench.bench_serve:rdflib_server_task",
    "guard_server": "bench.bench_serve:guard_server_task",
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    task, raw = argv[0], argv[1] if len(argv) > 1 else "{}"
    module, func = TASKS[task].split(":")
    code = 0
    try:
        getattr(importlib.import_module(module), func)(**json.loads(raw))
    except Exception as exc:
        traceback.print_exc()
        emit("error", message=f"{type(exc).__name__}: {exc}"[:500])
        code = 1
    emit("rusage", peak_rss_kb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    return code


if __name__ == "__main__":
    sys.exit(main())

"""Outputs: written whole or not at all, one writer per folder, and bad paths refused in one line.

Before: ``build/atlas.nq`` was written in place (a build killed mid-write left a truncated file
and the previous good build was gone), two builds into one ``--out`` raced, and output paths
that were folders, files, read-only or full ended in tracebacks.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import assert_one_line_error, petaflop

from petaflop.atomic import write_bytes
from petaflop.outlock import out_lock


def test_a_writer_killed_mid_write_leaves_the_old_file_whole(tmp_path):
    target = tmp_path / "atlas.nq"
    target.write_bytes(b"old graph\n")
    child = subprocess.Popen([sys.executable, "-c", (
        "import sys; from petaflop.atomic import write_bytes; "
        f"write_bytes({str(target)!r}, b'x' * (400 * 2**20))")])
    deadline = time.monotonic() + 30
    while not list(tmp_path.glob(".atlas.nq.*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.005)
    child.kill()  # mid-write: the temporary file exists, the rename has not happened
    child.wait()
    content = target.read_bytes()
    assert content in (b"old graph\n", b"x" * (400 * 2**20))
    assert content == b"old graph\n"  # killed before the rename: the previous build is whole


def test_outputs_keep_the_usual_permissions(tmp_path):
    write_bytes(tmp_path / "a.json", b"{}")
    assert stat.S_IMODE((tmp_path / "a.json").stat().st_mode) == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_second_build_into_the_same_folder_is_refused(tmp_path, report_path):
    out = tmp_path / "out"
    with out_lock(out):
        proc = petaflop("build", "--no-hermit", "--out", str(out), "--report", str(report_path))
    assert_one_line_error(proc, 1, f"--out {out}: another petaflop command (process {os.getpid()}) is writing there")
    assert not (out / "atlas.nq").exists()


def test_the_lock_is_reentrant_and_released(tmp_path):
    with out_lock(tmp_path / "o"), out_lock(tmp_path / "o"):
        pass
    with out_lock(tmp_path / "o"):  # free again
        pass


def test_leftovers_of_a_killed_writer_are_cleaned_under_the_lock(tmp_path):
    (tmp_path / ".atlas.nq.abc123.tmp").write_bytes(b"half")
    (tmp_path / ".store.new-99").mkdir()
    with out_lock(tmp_path):
        pass
    assert sorted(p.name for p in tmp_path.iterdir()) == [".lock"]


def test_a_store_moved_aside_by_a_killed_swap_is_put_back(tmp_path, built_graph):
    from petaflop.store import write_disk_store

    store = write_disk_store(built_graph, tmp_path / "store")
    os.replace(store, tmp_path / ".store.old-4242")  # killed between the two renames
    write_disk_store(built_graph, tmp_path / "store")
    assert (tmp_path / "store").is_dir() and not list(tmp_path.glob(".store.*"))


@pytest.mark.parametrize("make", ["folder", "file"])
def test_output_paths_that_are_the_wrong_kind(tmp_path, make, report_path):
    thing = tmp_path / "thing"
    if make == "folder":
        thing.mkdir()
        assert_one_line_error(petaflop("parse", "--report", str(report_path), "--json", str(thing)), 1, "is a folder")
    else:
        thing.write_text("x", encoding="utf-8")
        assert_one_line_error(petaflop("build", "--no-hermit", "--report", str(report_path), "--out", str(thing)), 1,
                              f"--out {thing}: is a file, not a folder")
        assert_one_line_error(petaflop("coverage", "--report", str(report_path), "--out", str(thing)), 1,
                              "is a file, not a folder")
        assert_one_line_error(petaflop("docs", "--out", str(thing)), 1, "is a file, not a folder")


def test_read_only_output_folders(immutable_dir, report_path, built_graph):
    for args in (["build", "--no-hermit", "--report", str(report_path), "--out", str(immutable_dir / "b")],
                 ["coverage", "--report", str(report_path), "--out", str(immutable_dir)],
                 ["docs", "--out", str(immutable_dir / "docs")],
                 ["parse", "--report", str(report_path), "--json", str(immutable_dir / "doc.json")],
                 ["export", "--seed", "Colossus", "--data", str(built_graph), "--out", str(immutable_dir / "c.ttl")]):
        proc = petaflop(*args)
        assert_one_line_error(proc, 1, str(immutable_dir))


def test_a_full_disk_is_one_line_and_the_device_stays(report_path):
    proc = petaflop("parse", "--report", str(report_path), "--json", "/dev/full")
    assert_one_line_error(proc, 1, "cannot write /dev/full", "No space left on device")
    assert stat.S_ISCHR(Path("/dev/full").stat().st_mode)


def test_export_into_a_folder_is_refused(tmp_path, built_graph):
    proc = petaflop("export", "--seed", "Colossus", "--data", str(built_graph), "--out", str(tmp_path))
    assert_one_line_error(proc, 1, "is a folder")

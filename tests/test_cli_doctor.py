"""`petaflop --version`, `--help` and `doctor`, with their exit codes."""

from __future__ import annotations

import subprocess
import sys

from rich.console import Console

from petaflop import __version__, doctor
from petaflop import cli as cli_module
from petaflop.cli import app


def test_version(cli):
    result = cli.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"petaflop {__version__}"
    assert __version__ == "0.1.0"


def test_help_lists_doctor(cli):
    result = cli.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "doctor" in result.output


def test_doctor_finds_the_report(cli, monkeypatch, report_path):
    monkeypatch.delenv("PETAFLOP_REPORT", raising=False)
    monkeypatch.setattr(doctor, "check_port", lambda p, why: doctor.Check(f"port {p}", "ok", why))
    monkeypatch.setattr(cli_module, "console", Console(width=400))
    result = cli.invoke(app, ["doctor"])
    assert result.exit_code == 0, result.output
    assert str(report_path.resolve()) in result.output
    assert "rdflib" in result.output and "java (HermiT)" in result.output


def test_doctor_missing_report_is_a_user_error():
    """Run as a real process, as a user would: exit 1 and all three places named."""
    env = {"PETAFLOP_REPORT": "/nonexistent", "PATH": "/usr/bin:/bin", "COLUMNS": "300"}
    proc = subprocess.run([sys.executable, "-m", "petaflop.cli", "doctor"], capture_output=True,
                          text=True, env=env, timeout=120)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    out = " ".join((proc.stdout + proc.stderr).split())
    assert "--report" in out and "/nonexistent" in out and "000_76f8ec56cf8c30fd.txt" in out


def test_doctor_environment_problem_is_exit_2(monkeypatch):
    monkeypatch.setattr(doctor, "REQUIRED_PACKAGES", ("no-such-package-petaflop",))
    checks = doctor.run_checks(None)
    bad = [c for c in checks if c.name == "package no-such-package-petaflop"]
    assert bad and bad[0].status == "env"
    assert doctor.exit_code(checks) == 2


def test_exit_code_takes_the_worst():
    C = doctor.Check
    assert doctor.exit_code([C("a", "ok", ""), C("b", "warn", "")]) == 0
    assert doctor.exit_code([C("a", "user", ""), C("b", "warn", "")]) == 1
    assert doctor.exit_code([C("a", "user", ""), C("b", "env", "")]) == 2


def test_busy_port_is_reported():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        assert not doctor.port_free(port)
        assert doctor.check_port(port, "x").status == "warn"

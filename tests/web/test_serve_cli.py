"""`storyradar serve`: refuses to expose the store beyond loopback without a token."""

from __future__ import annotations

import pytest

from storyradar.cli import main
from storyradar.web.security import is_loopback


def test_serve_refuses_public_bind_without_token(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("STORYRADAR_TOKEN", raising=False)
    code = main(["serve", "--db", str(tmp_path / "s.duckdb"), "--host", "0.0.0.0"])
    assert code == 2
    err = capsys.readouterr().err
    assert "0.0.0.0" in err and "--token" in err


def test_serve_is_listed_with_help(capsys):
    assert main(["serve", "--help"]) == 0
    out = capsys.readouterr().out
    for option in ("--db", "--host", "--port", "--token", "--max-upload-mb"):
        assert option in out


@pytest.mark.parametrize(("host", "loop"), [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                            ("[::1]", True), ("127.0.0.2", True), ("0.0.0.0", False),
                                            ("192.168.1.10", False), ("newsroom.example", False)])
def test_is_loopback(host, loop):
    assert is_loopback(host) is loop

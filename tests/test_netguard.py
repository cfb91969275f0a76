"""netguard: URLs whose host is or resolves to an internal address are refused; public ones pass."""

from __future__ import annotations

import socket

import httpx
import pytest

from storyradar import netguard
from storyradar.errors import StoryradarError
from storyradar.netguard import BlockedURLError, check_public_url, guarded_client

PUBLIC_IP = "93.184.215.14"


@pytest.fixture
def fake_dns(monkeypatch):
    """Resolve a few fictional names without DNS; anything else fails like an unknown name."""
    table = {"intranet.example": ["10.0.0.5"], "sneaky.example": ["127.0.0.1"],
             "mixed.example": [PUBLIC_IP, "192.168.1.1"], "news.example": [PUBLIC_IP],
             "v6loop.example": ["::1"]}

    def getaddrinfo(host, port, *args, **kwargs):
        if host not in table:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "",
                 (a, port) if ":" not in a else (a, port, 0, 0)) for a in table[host]]

    monkeypatch.setattr(netguard.socket, "getaddrinfo", getaddrinfo)
    return table


@pytest.mark.parametrize(("url", "reason"), [
    ("http://127.0.0.1:8080/admin", "127.0.0.1 is a loopback address"),
    ("http://127.9.9.9/", "loopback"),
    ("http://[::1]:631/", "::1 is a loopback address"),
    ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
    ("http://[fe80::1]/", "link-local"),
    ("http://10.1.2.3/", "private-network"),
    ("http://172.16.0.9/", "private-network"),
    ("http://192.168.0.1/", "private-network"),
    ("http://[fd00::1]/", "private-network"),
    ("http://0.0.0.0:8765/", "unspecified"),
    ("http://[::]/", "unspecified"),
    ("http://224.0.0.1/", "multicast"),
    ("http://[ff02::1]/", "multicast"),
    ("http://240.0.0.1/", "reserved"),
    ("http://100.64.0.1/", "not a globally routable"),
    ("http://[::ffff:127.0.0.1]/", "loopback"),
    ("http://[::ffff:169.254.169.254]/", "link-local"),
])
def test_internal_literals_are_refused(url, reason):
    with pytest.raises(BlockedURLError) as info:
        check_public_url(url)
    message = str(info.value)
    assert reason in message and url[:40] in message and "refused" in message
    assert isinstance(info.value, StoryradarError)


@pytest.mark.parametrize(("url", "said"), [
    ("https://intranet.example/wiki", "intranet.example resolves to 10.0.0.5"),
    ("http://sneaky.example:9000/", "sneaky.example resolves to 127.0.0.1, which is a loopback address"),
    ("http://mixed.example/", "mixed.example resolves to 192.168.1.1"),
    ("http://v6loop.example/", "resolves to ::1"),
])
def test_names_resolving_inward_are_refused(fake_dns, url, said):
    with pytest.raises(BlockedURLError, match="refused to fetch an internal address") as info:
        check_public_url(url)
    assert said in str(info.value)


def test_public_addresses_pass(fake_dns):
    assert check_public_url(f"http://{PUBLIC_IP}/page") == f"http://{PUBLIC_IP}/page"
    assert check_public_url("https://news.example/a?b=1") == "https://news.example/a?b=1"
    assert check_public_url("http://[2606:4700::1111]/") == "http://[2606:4700::1111]/"


def test_unresolvable_and_hostless_urls_are_refused(fake_dns):
    with pytest.raises(BlockedURLError, match="cannot resolve host 'nowhere.example'"):
        check_public_url("http://nowhere.example/")
    with pytest.raises(BlockedURLError, match="names no host"):
        check_public_url("http:///path-only")


def test_allow_private_skips_the_check():
    assert check_public_url("http://127.0.0.1:1/", allow_private=True) == "http://127.0.0.1:1/"


def test_guarded_client_refuses_redirect_into_the_network(fake_dns):
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.host == "news.example":
            return httpx.Response(302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
        return httpx.Response(200, text="secret")

    with guarded_client(transport=httpx.MockTransport(handler)) as client:
        with pytest.raises(BlockedURLError, match="169.254.169.254 is a link-local address"):
            client.get("https://news.example/story", follow_redirects=True)
        assert client.get("https://news.example/story").status_code == 302
    assert seen == ["https://news.example/story", "https://news.example/story"]
    with guarded_client(allow_private=True, transport=httpx.MockTransport(handler)) as client:
        assert client.get("https://news.example/story", follow_redirects=True).text == "secret"

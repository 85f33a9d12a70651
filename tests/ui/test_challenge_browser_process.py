"""The 3-D Secure browser process on its own, driven through its pipe as the terminal drives it."""

from __future__ import annotations

import os
import subprocess
import threading

import pytest

from klogs_desk.ui.challenge_browser import protocol

pytestmark = pytest.mark.webengine


def test_lines_that_are_not_messages_are_ignored_not_fatal():
    assert protocol.decode(b"not json") is None
    assert protocol.decode(b"[1, 2]") is None
    assert protocol.decode(b"\xff\xfe") is None
    message = {"do": "open", "page": 3, "html": "<p>Ödeme — ₺</p>"}
    line = protocol.encode(message)
    assert line.endswith(b"\n") and line.count(b"\n") == 1  # one line, whatever the page holds
    assert protocol.decode(line) == message


def test_child_answers_only_in_protocol_lines_and_ends_cleanly_on_quit():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(protocol.command_line(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=env)
    events: list[dict] = []
    loaded, answered = threading.Event(), threading.Event()
    not_protocol: list[bytes] = []

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            message = protocol.decode(line)
            if message is None:
                not_protocol.append(line)
                continue
            events.append(message)
            if message.get("event") == "loaded":
                loaded.set()
            if message.get("event") == "js":
                answered.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert child.stdin is not None
    child.stdin.write(b"garbage that is not a message\n")
    child.stdin.write(protocol.encode({"do": "open", "page": 1, "html": "<p id='t'>Merhaba</p>",
                                       "gateway_url": "http://127.0.0.1:9/", "callback_origin": None,
                                       "title": "t", "embed": False, "geometry": None}))
    child.stdin.flush()
    try:
        assert loaded.wait(60), f"the page did not load; events: {events}"
        child.stdin.write(protocol.encode({"do": "js", "page": 1, "id": 7,
                                           "script": "document.getElementById('t').textContent"}))
        child.stdin.flush()
        assert answered.wait(30), f"no answer from the browser process; events: {events}"
    finally:
        child.stdin.write(protocol.encode({"do": "quit"}))
        child.stdin.flush()
        code = child.wait(30)
        reader.join(5)
    kinds = [event["event"] for event in events]
    assert "ready" in kinds and {"event": "window", "page": 1, "id": 0} in events
    assert {"event": "loaded", "page": 1, "ok": True} in events
    assert {"event": "js", "page": 1, "id": 7, "value": "Merhaba"} in events
    assert not_protocol == []
    assert code == 0
    assert child.stderr is not None
    assert b"Traceback" not in child.stderr.read()


def test_each_page_takes_only_its_own_answers(qapp):
    """Script ids count per page, so two pages both have a script 1: an answer goes by page and id."""
    from klogs_desk.ui.challenge_browser.remote import RemotePage, browser

    first = RemotePage(gateway_url="http://127.0.0.1:9/", callback_origin=None)
    second = RemotePage(gateway_url="http://127.0.0.1:9/", callback_origin=None)
    answers: list[tuple[str, object]] = []
    first._js_calls[1] = lambda value: answers.append(("first", value))
    second._js_calls[1] = lambda value: answers.append(("second", value))
    urls: list[str] = []
    second.urlChanged.connect(lambda url: urls.append(url.toString()))
    try:
        browser().event_received.emit({"event": "js", "page": second.number, "id": 1, "value": "ok"})
        browser().event_received.emit({"event": "url", "page": first.number, "url": "https://acs.bank.example/"})
        assert answers == [("second", "ok")]
        assert urls == [] and first.url().host() == "acs.bank.example"
    finally:
        first.close()
        second.close()


def test_pending_scripts_are_answered_none_when_their_page_closes(qapp):
    from klogs_desk.ui.challenge_browser.remote import RemotePage

    page = RemotePage(gateway_url="http://127.0.0.1:9/", callback_origin=None)
    answers: list[object] = []
    page._js_calls[4] = answers.append
    page.close()
    assert answers == [None]


def test_child_keeps_its_protocol_clean_with_no_standard_error():
    """The windowed Windows bundle has no standard error to pass on: the child's copy of its output must
    not land on a free descriptor 2, where Qt's and Chromium's messages would go into the protocol."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(protocol.command_line(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             env=env, preexec_fn=lambda: os.close(2))  # noqa: PLW1509  # POSIX test
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(protocol.encode({"do": "open", "page": 1, "html": "<p>x</p>", "gateway_url": "http://127.0.0.1:9/",
                                       "callback_origin": None, "title": "t", "embed": False, "geometry": None}))
    child.stdin.flush()
    lines = []
    for line in child.stdout:
        lines.append(line)
        if protocol.decode(line) == {"event": "loaded", "page": 1, "ok": True}:
            break
    child.stdin.write(protocol.encode({"do": "quit"}))
    child.stdin.flush()
    rest, _ = child.communicate(timeout=30)
    lines += rest.splitlines(keepends=True)
    assert [line for line in lines if protocol.decode(line) is None] == []
    assert child.returncode == 0

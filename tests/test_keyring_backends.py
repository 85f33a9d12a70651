"""A keyring that keeps nothing (fail, null) or keeps secrets in clear text (keyrings.alt's file backends)
counts as no keyring: the cashier's message, the session-only choice, and nothing written to it."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import chainer, fail, null

from klogs_desk.api.client import Credentials
from klogs_desk.credentials import CredentialStore, CredentialStoreUnavailable, secure_backend
from tests.fake_keyrings import EncryptedKeyring, PlaintextKeyring

SECRETS = Credentials("key-123456", "secret-123456", "token-123456")


def _chain_with_plaintext(memory_keyring):  # type: ignore[no-untyped-def]
    class Chain(chainer.ChainerBackend):
        backends = [memory_keyring, PlaintextKeyring()]  # reads would go through the plaintext file too

    return Chain()


UNTRUSTED = {"fail": lambda mk: fail.Keyring(), "null": lambda mk: null.Keyring(),
             "plaintext": lambda mk: PlaintextKeyring(), "alt-file": lambda mk: EncryptedKeyring(),
             "chain-with-plaintext": _chain_with_plaintext}


@pytest.fixture(params=sorted(UNTRUSTED))
def untrusted(request, memory_keyring):
    backend = UNTRUSTED[request.param](memory_keyring)
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(memory_keyring)


def test_untrusted_backends_count_as_no_keyring(untrusted, memory_keyring):
    assert not secure_backend()
    store = CredentialStore()
    with pytest.raises(CredentialStoreUnavailable, match="no password store"):
        store.load("production")
    with pytest.raises(CredentialStoreUnavailable, match="no password store"):
        store.save("production", SECRETS)
    assert getattr(untrusted, "entries", {}) == {} and memory_keyring.entries == {}
    # The same choice as without any keyring: this session only, in memory.
    store.use_session_only()
    store.save("production", SECRETS)
    assert store.load("production") == SECRETS
    assert getattr(untrusted, "entries", {}) == {}
    assert CredentialStore().load("sandbox").api_key == "sandbox-key"  # training still works


def test_a_real_keyring_is_used(memory_keyring):
    assert secure_backend()
    CredentialStore().save("test", SECRETS)
    assert CredentialStore().load("test") == SECRETS

"""The cryptography of sync files, in one place, with nothing of our own invention.

- Signing: Ed25519 (RFC 8032). A commune signs each file's manifest; the city signs
  receipts. Every signed message starts with a domain label, so a signature made for one
  purpose can never be replayed as another.
- Encryption to the city: X25519 key agreement with a fresh (ephemeral) key per file,
  HKDF-SHA256 to derive a 256-bit key, AES-256-GCM with the file header as associated data
  (the construction of ECIES / HPKE base mode, spelled out in ``docs/sync-format.md``).
- Fingerprints: 24 decimal digits in groups of four, short enough to read out over the
  phone ("4821 0937 5512 8840 2291 0736") and long enough (about 80 bits) that nobody can
  make another key with the same fingerprint.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_SIZE = 32
SIGNATURE_SIZE = 64
NONCE_SIZE = 12
TAG_SIZE = 16
HKDF_INFO = b"TDCS sync v1 file key"
FINGERPRINT_LABEL = b"TDCS fingerprint v1\n"
FINGERPRINT_DIGITS = 24


class CryptoFailure(Exception):
    """A signature, key or ciphertext that does not check out (callers explain which)."""


@dataclass(frozen=True)
class KeyPair:
    """Raw 32-byte keys as stored in ``own_keys``."""

    private: bytes
    public: bytes


def new_signing_key() -> KeyPair:
    key = Ed25519PrivateKey.generate()
    return KeyPair(key.private_bytes_raw(), key.public_key().public_bytes_raw())


def new_encryption_key() -> KeyPair:
    key = X25519PrivateKey.generate()
    return KeyPair(key.private_bytes_raw(), key.public_key().public_bytes_raw())


def check_public_key(raw: bytes) -> bytes:
    """A public key must be exactly 32 bytes (both Ed25519 and X25519)."""
    if not isinstance(raw, bytes) or len(raw) != KEY_SIZE:
        raise CryptoFailure("public key must be 32 bytes")
    return raw


def fingerprint(*public_keys: bytes) -> str:
    """``"4821 0937 5512 8840 2291 0736"``: the first 128 bits of
    SHA-256(label ‖ keys…) as a number, modulo 10^24, zero-padded, in groups of four."""
    digest = hashlib.sha256(FINGERPRINT_LABEL + b"".join(public_keys)).digest()
    number = int.from_bytes(digest[:16], "big") % 10**FINGERPRINT_DIGITS
    digits = f"{number:0{FINGERPRINT_DIGITS}d}"
    return " ".join(digits[i : i + 4] for i in range(0, FINGERPRINT_DIGITS, 4))


def key_id(public_key: bytes) -> bytes:
    """The 32-byte identifier of an encryption key written in each file's header."""
    return hashlib.sha256(public_key).digest()


def sign(private_key: bytes, label: bytes, message: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(private_key).sign(label + message)


def verify(public_key: bytes, label: bytes, message: bytes, signature: bytes) -> None:
    """Raise :class:`CryptoFailure` unless ``signature`` is ``public_key``'s over
    ``label ‖ message``."""
    try:
        key = Ed25519PublicKey.from_public_bytes(check_public_key(public_key))
        key.verify(signature, label + message)
    except (InvalidSignature, ValueError) as error:
        raise CryptoFailure("bad signature") from error


def _file_key(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_SIZE,
        salt=ephemeral_public + recipient_public,
        info=HKDF_INFO,
    ).derive(shared)


@dataclass(frozen=True)
class Sealed:
    ephemeral_public: bytes
    nonce: bytes
    ciphertext: bytes


def new_ephemeral() -> tuple[bytes, bytes, bytes]:
    """``(private, public, nonce)`` for one file."""
    key = X25519PrivateKey.generate()
    return key.private_bytes_raw(), key.public_key().public_bytes_raw(), os.urandom(NONCE_SIZE)


def seal_with(
    ephemeral_private: bytes,
    nonce: bytes,
    recipient_public: bytes,
    plaintext: bytes,
    header: bytes,
) -> Sealed:
    ephemeral = X25519PrivateKey.from_private_bytes(ephemeral_private)
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    recipient = X25519PublicKey.from_public_bytes(check_public_key(recipient_public))
    key = _file_key(ephemeral.exchange(recipient), ephemeral_public, recipient_public)
    return Sealed(ephemeral_public, nonce, AESGCM(key).encrypt(nonce, plaintext, header))


def open_sealed(
    recipient_private: bytes,
    ephemeral_public: bytes,
    nonce: bytes,
    ciphertext: bytes,
    header: bytes,
) -> bytes:
    """Decrypt what :func:`seal_with` made; :class:`CryptoFailure` if anything was changed."""
    try:
        private = X25519PrivateKey.from_private_bytes(recipient_private)
        recipient_public = private.public_key().public_bytes_raw()
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
        key = _file_key(shared, ephemeral_public, recipient_public)
        return AESGCM(key).decrypt(nonce, ciphertext, header)
    except (InvalidTag, ValueError) as error:
        raise CryptoFailure("cannot decrypt") from error

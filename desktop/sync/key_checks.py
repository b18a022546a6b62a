"""Is an imported public key one that can be used? Checked before a key file's key is
trusted (the city key file at a commune; a commune's key file at the city).

Thirty-two bytes are not enough: an X25519 key of low order (all zeros is one) makes every
shared secret zero, so anyone could read what is "encrypted to the city", and
``cryptography`` refuses it only when a file is sealed (``tdcs export`` then failed). An
Ed25519 key of small order (all zeros, or the neutral point) lets signatures be forged for
it. Both are refused here, with the ``ValueError`` the key-file readers turn into a
message.
"""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

KEY_SIZE = 32

# Edwards25519 (RFC 8032, section 5.1): the field prime and the curve constant d.
_P = 2**255 - 19
_D = (-121665 * pow(121666, _P - 2, _P)) % _P
_SQRT_MINUS_ONE = pow(2, (_P - 1) // 4, _P)

Point = tuple[int, int]


def usable_encryption_key(raw: bytes) -> bytes:
    """``raw`` if it is an X25519 public key with which a shared secret can be agreed."""
    if len(raw) != KEY_SIZE:
        raise ValueError("an encryption key is 32 bytes")
    try:
        X25519PrivateKey.generate().exchange(X25519PublicKey.from_public_bytes(raw))
    except ValueError as error:  # OpenSSL: the shared secret is all zeros (low order)
        raise ValueError("an encryption key of low order") from error
    return raw


def _decode(raw: bytes) -> Point:
    """The curve point an Ed25519 public key encodes (RFC 8032, 5.1.3)."""
    number = int.from_bytes(raw, "little")
    sign, y = number >> 255, number & ((1 << 255) - 1)
    if y >= _P:
        raise ValueError("a signing key that is not a canonical point")
    u, v = (y * y - 1) % _P, (_D * y * y + 1) % _P
    x2 = u * pow(v, _P - 2, _P) % _P
    x = pow(x2, (_P + 3) // 8, _P)
    if (x * x - x2) % _P:
        x = x * _SQRT_MINUS_ONE % _P
    if (x * x - x2) % _P:
        raise ValueError("a signing key that is not a point of the curve")
    if x == 0 and sign:
        raise ValueError("a signing key that is not a canonical point")
    if x & 1 != sign:
        x = _P - x
    return x, y


def _double(point: Point) -> Point:
    x, y = point
    product = _D * x * x * y * y % _P
    return (
        2 * x * y * pow(1 + product, _P - 2, _P) % _P,
        (y * y + x * x) * pow(1 - product, _P - 2, _P) % _P,
    )


def usable_signing_key(raw: bytes) -> bytes:
    """``raw`` if it is an Ed25519 public key: a point of the curve, not of small order."""
    if len(raw) != KEY_SIZE:
        raise ValueError("a signing key is 32 bytes")
    point = _decode(raw)
    for _ in range(3):
        point = _double(point)
    if point == (0, 1):  # eight times the point is the neutral point
        raise ValueError("a signing key of small order")
    return raw

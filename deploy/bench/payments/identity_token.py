#!/usr/bin/env python3
"""Prints an identity token as the gateway signs it (RS256, the local stack's gateway key): Bearer <jwt>.

usage: identity_token.py PRIVATE_KEY_PEM USER_ID KEY_ID  (valid 60 s: the verifier's upper bound for a token's lifetime)
"""
import base64
import hashlib
import json
import sys
import time

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def main() -> None:
    pem, user_id, key_id = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with open(pem, "rb") as f:
        key = serialization.load_pem_private_key(f.read(), password=None)
    spki = key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    kid = b64(hashlib.sha256(spki).digest())[:16]
    now = int(time.time())
    header = {"alg": "RS256", "typ": "JWT", "kid": kid}
    claims = {"iss": "polystore-gateway", "aud": "polystore-services", "sub": str(user_id), "iat": now,
              "exp": now + 60, "scope": "payments", "key_id": key_id}
    signing_input = b64(json.dumps(header).encode()) + "." + b64(json.dumps(claims).encode())
    signature = key.sign(signing_input.encode("ascii"), padding.PKCS1v15(), hashes.SHA256())
    print("Bearer " + signing_input + "." + b64(signature))


if __name__ == "__main__":
    main()

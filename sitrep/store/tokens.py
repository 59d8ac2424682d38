"""Write tokens for the API: random, shown once, stored only as a SHA-256 hash."""
from __future__ import annotations

import hashlib
import re
import secrets

_NAME = re.compile(r"^[\w.@-]{1,64}$")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


class TokensMixin:
    def create_token(self, name: str) -> str:
        """A new token for `name` (letters, digits, . _ - @); ValueError if that name has a live token."""
        if not isinstance(name, str) or not _NAME.match(name):
            raise ValueError(f"token name {name!r}: use 1-64 letters, digits, '.', '_', '-' or '@'")
        from sitrep.store.store import now
        token = "sitrep_" + secrets.token_urlsafe(32)
        with self.db.transaction():
            row = self.db.execute("SELECT revoked_at FROM tokens WHERE name = ?", (name,)).fetchone()
            if row is not None and row[0] is None:
                raise ValueError(f"a token named {name!r} exists; revoke it first")
            if row is not None:
                self.db.execute("DELETE FROM tokens WHERE name = ?", (name,))
            self.db.execute("INSERT INTO tokens (name, hash, created_at) VALUES (?, ?, ?)", (name, _hash(token), now()))
        return token

    def revoke_token(self, name: str) -> bool:
        from sitrep.store.store import now
        with self.db.transaction():
            cur = self.db.execute("UPDATE tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL", (now(), name))
            return (cur.rowcount or 0) > 0

    def check_token(self, token: str) -> str | None:
        """The name the token belongs to, or None (unknown, revoked, or not a string)."""
        if not isinstance(token, str) or not token:
            return None
        row = self.db.execute("SELECT name FROM tokens WHERE hash = ? AND revoked_at IS NULL", (_hash(token),)).fetchone()
        return row[0] if row else None

    def has_tokens(self) -> bool:
        return self.db.execute("SELECT 1 FROM tokens WHERE revoked_at IS NULL LIMIT 1").fetchone() is not None

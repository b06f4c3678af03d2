"""Coded errors: every message a user can see starts with its code."""

from __future__ import annotations


class Errors:
    D001 = "cannot read {item}: {reason}"
    D002 = "{item}: line {line} is not valid JSON ({reason})"
    D003 = "{item}: line {line} has no usable 'text' field"
    D004 = "{item}: text is empty after cleaning"
    D005 = "{item}: not valid UTF-8 text (byte {offset}); re-encode it or pass a JSON Lines file"
    D006 = "{item}: looks binary (NUL bytes or control characters), skipped"
    D007 = "{item}: unsupported language '{lang}' (supported: {supported})"
    D008 = "{item}: bad 'published' value {value!r}; expected YYYY-MM-DD"
    D009 = "{item}: text is {size} characters, over the limit of {limit}"
    D010 = "data file {path}: line {line}: {reason}"
    D011 = "{item}: line {line} is a JSON {kind}, expected an object"
    D020 = "cannot open the store {url}: {reason}"
    D021 = "unsupported store URL {url!r}; expected a file path, sqlite:///PATH or postgresql://..."
    D022 = "the store {url} is at schema version {found}, newer than this dyad knows ({known})"
    D023 = "migration {name} failed on {url}: {reason}"
    D024 = "no store at {path}; run `dyad ingest` first or pass --db"
    D025 = "bad {option} value {value!r}; expected YYYY-MM-DD"
    D026 = "store {url}: {reason}"
    D040 = ("{item}: detected language '{lang}' (confidence {confidence:.2f}); "
            "only {supported} is coded")
    D041 = ("{item}: not UTF-8, UTF-16 or a Cyrillic single-byte encoding "
            "(tried {tried}); re-encode it as UTF-8")
    D042 = "{item}: {size} bytes, over the limit of {limit} bytes for one file"
    D043 = "{item}: broken gzip data ({reason})"
    D044 = "{item}: no main text found in the HTML page"
    D045 = "{item}: not a readable RSS or Atom feed ({reason})"
    D046 = "{item}: feed entry {entry} has no text (no title, summary or content)"
    D047 = "cannot fetch {item}: {reason}"
    D048 = "{item}: the pipeline failed on this article ({reason})"
    D049 = "{item}: not a dyad event shard ({reason})"
    D050 = "a worker process died ({reason}); the run stopped (--jobs {jobs})"
    # HTTP API, dashboard and report (issue 8)
    D060 = ("the server is read-only: no write token is configured (set DYAD_TOKEN or pass "
            "--token-file to `dyad serve`)")
    D061 = "writing needs the server's token: send the header 'Authorization: Bearer TOKEN'"
    D062 = "request body is over the limit of {limit} bytes"
    D063 = "no article {id!r} in the store"
    D064 = "cannot read the token file {path}: {reason}"
    D065 = "the token file {path} is empty"
    D066 = "cannot write the report {path}: {reason}"
    D070 = "{item}: the reader failed on this item ({reason})"
    D071 = ("{item}: text has an unpaired surrogate escape at character {offset} "
            "(not encodable as UTF-8); fix the \\u escape in the JSON")
    D072 = "{item}: 'published' {value!r} is outside the years {first}..{last}"
    D073 = "bad DYAD_CODER {value!r} ({reason}); expected module:function"
    D074 = "{item}: text has no letters (only markup, digits or symbols)"
    # HTTP API reliability (issue 9)
    D080 = "the request body cannot be parsed ({reason}); send JSON in UTF-8"
    D081 = ("{first} to {last} by {by} is {count} periods, over the limit of {limit}: "
            "narrow 'from'/'to' or count by a longer period")


class DyadError(Exception):
    """An error with a code from `Errors`."""

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.fields = fields
        super().__init__(f"[{code}] " + getattr(Errors, code).format(**fields))


class InputError(DyadError):
    """One input item cannot be coded; the others go on."""


class DataFileError(DyadError):
    """A bundled or user data file is malformed."""


class StoreError(DyadError):
    """The event store cannot be opened, migrated, read or written."""


class ApiError(DyadError):
    """A request the HTTP API refuses; `status` is its HTTP status code."""

    def __init__(self, code: str, status: int, **fields: object) -> None:
        super().__init__(code, **fields)
        self.status = status

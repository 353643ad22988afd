"""The warm runner: a fork server that `muniflow server start` keeps beside its Prefect server, so a
`muniflow ingest` does not pay the imports (Prefect, the ingest flow, Great Expectations, pandas,
pandera, DuckDB: several seconds of CPU) on every command.

The runner (`muniflow.warm.runner`) imports that stack once and listens on a Unix socket in an
owner-only folder of `$MUNIFLOW_HOME`. A `muniflow ingest` that has something to do
(`muniflow.warm.client.hand_off`, after the cheap "nothing new" check) sends it its arguments,
working folder, environment and its stdin/stdout/stderr (file descriptors over the socket); the
runner forks a child that takes them over and runs the same command (`muniflow.cli.main`) with
Prefect's settings read again from that environment, and the exit code goes back to the client,
which exits with it. The client runs the command itself, as without the runner, whenever the
runner is not there or does not match: another Python, other code or contracts (a fingerprint of
their paths, sizes and modification times), a Prefect API other than the server's, or
`MUNIFLOW_WARM=0`. A runner whose own code changed since it started says so, restarts itself
(re-imports) once the client that found it out has finished, and the client runs cold.

This module holds what both sides share: where the socket is, the fingerprint, the wire format.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import socket
import stat
import struct
import sys
from pathlib import Path
from typing import Any

SOCKET_NAME = "runner.sock"
_LENGTH = struct.Struct("!I")
MAX_REQUEST = 16 * 1024 * 1024


def folder() -> Path:
    """The runner's owner-only folder in $MUNIFLOW_HOME (created with mode 0700)."""
    from muniflow.commands.server import home

    return home() / "warm"


def socket_path() -> Path:
    return folder() / SOCKET_NAME


def private_folder() -> Path:
    """`folder()`, created if missing; ValueError unless it is a directory owned by this user that
    no one else can enter (the socket accepts commands that run as this user)."""
    path = folder()
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = path.lstat()
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        raise ValueError(f"{path} is not a directory of this user")
    if info.st_mode & 0o077:
        os.chmod(path, 0o700)
    return path


def _code_roots() -> list[tuple[Path, str]]:
    """The folders whose Python files a command runs: the muniflow package and the flows package."""
    import importlib.util

    import muniflow

    roots = [(Path(muniflow.__file__).resolve().parent, "**/*.py")]
    spec = importlib.util.find_spec("flows")
    if spec is not None and spec.origin:
        roots.append((Path(spec.origin).resolve().parent, "*.py"))
    return roots


def fingerprint() -> str:
    """What the runner's imported code and a command's code must agree on: this Python, and the
    path, size and modification time of every src/muniflow/**/*.py, flows/*.py and contract file
    in use (after $MUNIFLOW_CONTRACTS_DIR). Cheap (stat only): an edit, a checkout elsewhere or
    other contracts change it."""
    from muniflow.contracts import files_in_use

    digest = hashlib.sha256(sys.executable.encode())
    files: list[Path] = []
    for root, pattern in _code_roots():
        files.extend(sorted(root.glob(pattern)))
    files.extend(Path(f).resolve() for f in files_in_use())
    for f in files:
        try:
            info = f.stat()
        except OSError:
            continue
        digest.update(f"{f}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:24]


def send_request(sock: socket.socket, request: dict[str, Any], fds: list[int]) -> None:
    """A length-prefixed JSON request with `fds` attached (SCM_RIGHTS)."""
    body = json.dumps(request).encode()
    data = _LENGTH.pack(len(body)) + body
    sent = socket.send_fds(sock, [data], fds)
    if sent < len(data):
        sock.sendall(data[sent:])


def recv_request(sock: socket.socket, max_fds: int = 3) -> tuple[dict[str, Any], list[int]]:
    """The request `send_request` sent and the file descriptors that came with it."""
    data, fds, _flags, _addr = socket.recv_fds(sock, 65536, max_fds)
    try:
        if len(data) < _LENGTH.size:
            raise ValueError("short request")
        (length,) = _LENGTH.unpack_from(data)
        if length > MAX_REQUEST:
            raise ValueError("request too large")
        body = bytearray(data[_LENGTH.size :])
        while len(body) < length:
            chunk = sock.recv(min(65536, length - len(body)))
            if not chunk:
                raise ValueError("request cut short")
            body.extend(chunk)
        request = json.loads(bytes(body))
        if not isinstance(request, dict):
            raise ValueError("request is not an object")
    except BaseException:
        for fd in fds:
            os.close(fd)
        raise
    return request, fds


def send_event(sock: socket.socket, **event: Any) -> None:
    """One line of JSON from the runner or its child to the client (errors ignored: the client
    may be gone)."""
    with contextlib.suppress(OSError):
        sock.sendall(json.dumps(event).encode() + b"\n")

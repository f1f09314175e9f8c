"""Watching a system tray from outside: a minimal X11 client (the core protocol over the X
server's Unix socket, standard library only) and a watcher that says when a tray icon is visible.
Used by ``startup.py`` next to it.

The benchmark speaks the X11 core protocol itself over the X server's Unix socket
(``/tmp/.X11-unix/X<n>``; standard library only), on one persistent connection, so a poll costs
a handful of round trips (well under a millisecond) instead of spawning ``xwininfo``/``xdotool``
every 5 ms, which would steal CPU from the process being measured.

An XEmbed tray icon is a client window that carries the ``_XEMBED_INFO`` property (Qt sets it on
its tray icon window) and that the tray host reparents into one of its own windows and maps. So
the icon counts as *visible* when, below one of trayer's top-level windows (``WM_CLASS`` class
``trayer``), there is a window with ``_XEMBED_INFO`` whose map state is ``IsViewable`` (it and all
its ancestors are mapped; there is no window manager and nothing covers the panel). Qt maps and
paints the icon in the same event-loop pass; ``--until painted`` additionally waits until the
icon's pixels (X ``GetImage``) are no longer a single flat colour, i.e. the icon has been drawn.
The tray must be empty before each launch, so whatever icon appears belongs to the process just
started; this also works when ``--command`` goes through a wrapper process.
"""

from __future__ import annotations

import argparse
import socket
import struct
import time
from collections.abc import Iterator
from pathlib import Path


class XError(Exception):
    """The X server answered a request with an error (e.g. BadWindow: the window is gone)."""

    def __init__(self, code: int) -> None:
        super().__init__(f"X error {code}")
        self.code = code


# ---------------------------------------------------------------------------------------------
# A minimal X11 client: just the requests this benchmark needs.
# ---------------------------------------------------------------------------------------------


def _pad(n: int) -> int:
    return (4 - n % 4) % 4


class XConnection:
    """One connection to an X server over its Unix socket, little-endian, no authentication.

    Our own Xvfb is started without ``-auth``, so it accepts local clients without a cookie.
    """

    def __init__(self, display_number: int, timeout: float = 5.0) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        try:
            self.sock.connect(f"/tmp/.X11-unix/X{display_number}")
            self.sock.sendall(struct.pack("<BxHHHHxx", 0x6C, 11, 0, 0, 0))
            head = self._recv_exact(8)
            status, _, _, _, extra_words = struct.unpack("<BBHHH", head)
            body = self._recv_exact(extra_words * 4)
        except Exception:
            self.sock.close()
            raise
        if status != 1:
            self.sock.close()
            raise ConnectionError(f"X server refused the connection (status {status})")
        vendor_len, _max_req, n_screens, n_formats = struct.unpack_from("<HHBB", body, 16)
        if n_screens < 1:
            self.sock.close()
            raise ConnectionError("X server reports no screens")
        screens_at = 32 + vendor_len + _pad(vendor_len) + 8 * n_formats
        (self.root,) = struct.unpack_from("<I", body, screens_at)
        self.seq = 0
        self._atoms: dict[str, int] = {}

    def close(self) -> None:
        self.sock.close()

    def _recv_exact(self, n: int) -> bytes:
        chunks: list[bytes] = []
        while n > 0:
            chunk = self.sock.recv(n)
            if not chunk:
                raise ConnectionError("X server closed the connection")
            chunks.append(chunk)
            n -= len(chunk)
        return b"".join(chunks)

    def request(self, opcode: int, data1: int, payload: bytes) -> bytes:
        """Send one request that has a reply and return the whole reply (header included)."""
        length = 1 + (len(payload) + _pad(len(payload))) // 4
        self.sock.sendall(
            struct.pack("<BBH", opcode, data1, length) + payload + b"\0" * _pad(len(payload))
        )
        self.seq = (self.seq + 1) & 0xFFFF
        while True:
            packet = self._recv_exact(32)
            kind = packet[0]
            if kind == 0:  # error
                code, seq = struct.unpack_from("<BH", packet, 1)
                if seq == self.seq:
                    raise XError(code)
                continue
            if kind == 1:  # reply
                (seq, extra_words) = struct.unpack_from("<HI", packet, 2)
                if extra_words:
                    packet += self._recv_exact(extra_words * 4)
                if seq == self.seq:
                    return packet
                continue
            # kind >= 2: an event (e.g. MappingNotify, sent to every client); ignore it.

    def atom(self, name: str) -> int:
        if name not in self._atoms:
            raw = name.encode()
            reply = self.request(16, 0, struct.pack("<HH", len(raw), 0) + raw)  # InternAtom
            (self._atoms[name],) = struct.unpack_from("<I", reply, 8)
        return self._atoms[name]

    def selection_owner(self, atom_name: str) -> int:
        reply = self.request(23, 0, struct.pack("<I", self.atom(atom_name)))  # GetSelectionOwner
        return int(struct.unpack_from("<I", reply, 8)[0])

    def children(self, window: int) -> list[int]:
        reply = self.request(15, 0, struct.pack("<I", window))  # QueryTree
        (count,) = struct.unpack_from("<H", reply, 16)
        return list(struct.unpack_from(f"<{count}I", reply, 32))

    def map_state(self, window: int) -> int:
        """0 IsUnmapped, 1 IsUnviewable, 2 IsViewable."""
        reply = self.request(3, 0, struct.pack("<I", window))  # GetWindowAttributes
        return reply[26]

    def property(self, window: int, name: str, max_words: int = 64) -> bytes | None:
        """The raw value of a window property of any type, or None if it is not set."""
        payload = struct.pack("<IIIII", window, self.atom(name), 0, 0, max_words)
        reply = self.request(20, 0, payload)  # GetProperty
        fmt = reply[1]
        (prop_type,) = struct.unpack_from("<I", reply, 8)
        if prop_type == 0:
            return None
        (n_items,) = struct.unpack_from("<I", reply, 16)
        return reply[32 : 32 + n_items * (fmt // 8)]

    def geometry(self, window: int) -> tuple[int, int]:
        reply = self.request(14, 0, struct.pack("<I", window))  # GetGeometry
        width, height = struct.unpack_from("<HH", reply, 16)
        return width, height

    def image(self, window: int, width: int, height: int) -> bytes:
        payload = struct.pack("<IhhHHI", window, 0, 0, width, height, 0xFFFFFFFF)
        reply = self.request(73, 2, payload)  # GetImage, ZPixmap
        return reply[32:]


# ---------------------------------------------------------------------------------------------
# The tray as seen from outside.
# ---------------------------------------------------------------------------------------------


class TrayWatcher:
    """Finds XEmbed tray icons that trayer has embedded and mapped."""

    def __init__(self, conn: XConnection, until: str) -> None:
        self.conn = conn
        self.until = until
        self.tray_roots: list[int] = []

    def tray_ready(self) -> bool:
        """True once trayer owns the tray selection and its panel is mapped."""
        if self.conn.selection_owner("_NET_SYSTEM_TRAY_S0") == 0:
            return False
        roots = []
        for window in self.conn.children(self.conn.root):
            try:
                wm_class = self.conn.property(window, "WM_CLASS") or b""
                viewable = self.conn.map_state(window) == 2
            except XError:
                continue
            if b"trayer" in wm_class.lower() and viewable:
                roots.append(window)
        self.tray_roots = roots
        return bool(roots)

    def _descendants(self, window: int) -> Iterator[int]:
        for child in self.conn.children(window):
            yield child
            yield from self._descendants(child)

    def icons(self) -> list[int]:
        """The XEmbed client windows inside the tray that are mapped (IsViewable)."""
        found: list[int] = []
        for tray_root in self.tray_roots:
            windows: list[int] = []
            for _attempt in range(3):  # a window may vanish between two QueryTree calls
                try:
                    windows = list(self._descendants(tray_root))
                    break
                except XError:
                    continue
            for window in windows:
                try:
                    if (
                        self.conn.map_state(window) == 2
                        and self.conn.property(window, "_XEMBED_INFO", 2) is not None
                    ):
                        found.append(window)
                except XError:
                    continue
        return found

    def _painted(self, window: int) -> bool:
        try:
            width, height = self.conn.geometry(window)
            pixels = self.conn.image(window, width, height)
        except XError:
            return False
        if len(pixels) < 8:
            return False
        first = pixels[:4]
        return any(pixels[i : i + 4] != first for i in range(4, len(pixels) - 3, 4))

    def icon_visible(self) -> bool:
        icons = self.icons()
        if self.until == "mapped":
            return bool(icons)
        return any(self._painted(window) for window in icons)

    def wait_empty(self, timeout: float) -> bool:
        """Wait (polling, at most ``timeout`` s) until no icon is left in the tray."""
        deadline = time.monotonic() + timeout
        while self.icons():
            if time.monotonic() > deadline:
                return False
            time.sleep(0.01)
        return True


def free_display(start: int = 97) -> int | None:
    """The first X display number from ``start`` that no server uses, or None."""
    for number in range(start, start + 100):
        if not (
            Path(f"/tmp/.X{number}-lock").exists() or Path(f"/tmp/.X11-unix/X{number}").exists()
        ):
            return number
    return None


def parse_display(text: str) -> int:
    try:
        return int(text.lstrip(":").split(".")[0])
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not an X display: {text!r} (expected e.g. :97)"
        ) from None

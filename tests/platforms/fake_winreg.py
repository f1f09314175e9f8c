"""A stand-in for Windows' ``winreg``: keys of the current user's hive in a dict, with the
errors Windows gives (FileNotFoundError for a missing key or value, PermissionError for a write
through a key opened to read)."""

from __future__ import annotations

from types import ModuleType, TracebackType


class FakeKey:
    def __init__(self, registry: FakeWinreg, path: str, access: int) -> None:
        self.registry, self.path, self.access = registry, path, access

    def __enter__(self) -> FakeKey:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        return None


class FakeWinreg(ModuleType):
    HKEY_CURRENT_USER = 0x80000001
    HKEY_LOCAL_MACHINE = 0x80000002
    KEY_READ = 0x20019
    KEY_SET_VALUE = 0x0002
    REG_SZ = 1
    REG_EXPAND_SZ = 2
    REG_BINARY = 3

    def __init__(self) -> None:
        super().__init__("winreg")
        self.keys: dict[str, dict[str, tuple[object, int]]] = {}
        self.refuse_writes = False

    def _key(self, root: int, sub_key: str, access: int, create: bool) -> FakeKey:
        assert root == self.HKEY_CURRENT_USER, "only the current user's hive is touched"
        if create:
            if self.refuse_writes:
                raise PermissionError(5, "Access is denied")
            self.keys.setdefault(sub_key, {})
        elif sub_key not in self.keys:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return FakeKey(self, sub_key, access)

    def OpenKey(
        self, root: int, sub_key: str, reserved: int = 0, access: int = KEY_READ
    ) -> FakeKey:
        return self._key(root, sub_key, access, create=False)

    def CreateKeyEx(
        self, root: int, sub_key: str, reserved: int = 0, access: int = KEY_SET_VALUE
    ) -> FakeKey:
        return self._key(root, sub_key, access, create=True)

    def QueryValueEx(self, key: FakeKey, name: str) -> tuple[object, int]:
        values = self.keys[key.path]
        if name not in values:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return values[name]

    def SetValueEx(self, key: FakeKey, name: str, reserved: int, kind: int, value: object) -> None:
        if not key.access & self.KEY_SET_VALUE:
            raise PermissionError(5, "Access is denied")
        self.keys[key.path][name] = (value, kind)

    def DeleteValue(self, key: FakeKey, name: str) -> None:
        if not key.access & self.KEY_SET_VALUE:
            raise PermissionError(5, "Access is denied")
        if name not in self.keys[key.path]:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        del self.keys[key.path][name]

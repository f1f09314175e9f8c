"""``_`` is the translation function everywhere: a function that also binds ``_`` itself (a
throwaway variable, a parameter, a loop) and calls ``_()`` would fail at that call, or call the
wrong thing, only when that line runs in a language test missed. Found statically here."""

from __future__ import annotations

import ast
from pathlib import Path

import wellbeing_app

PACKAGE = Path(wellbeing_app.__file__).parent
Scope = ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda


def _own_nodes(scope: Scope) -> list[ast.AST]:
    """The nodes of ``scope`` outside nested functions, lambdas and comprehensions."""
    found: list[ast.AST] = []
    stack: list[ast.AST] = list(ast.iter_child_nodes(scope))
    while stack:
        node = stack.pop()
        found.append(node)
        if isinstance(node, Scope | ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp):
            continue
        stack.extend(ast.iter_child_nodes(node))
    return found


def binds_underscore(scope: Scope) -> bool:
    args = scope.args
    params = [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]
    if any(p is not None and p.arg == "_" for p in params):
        return True
    for node in _own_nodes(scope):
        if isinstance(node, ast.Name) and node.id == "_" and isinstance(node.ctx, ast.Store):
            return True
        if isinstance(node, ast.ExceptHandler) and node.name == "_":
            return True
    return False


def calls_underscore(scope: Scope) -> bool:
    return any(
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_"
        for node in _own_nodes(scope)
    )


def offenders(source: str) -> list[int]:
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, Scope) and binds_underscore(node) and calls_underscore(node)
    ]


def test_no_function_hides_the_translation_function() -> None:
    found = {
        str(path.relative_to(PACKAGE)): lines
        for path in sorted(PACKAGE.rglob("*.py"))
        if (lines := offenders(path.read_text(encoding="utf-8")))
    }
    assert found == {}


def test_the_check_finds_a_hidden_one() -> None:
    bad = "def f():\n    name, _ = pick()\n    return _('Saved {name}').format(name=name)\n"
    fine = "def g():\n    return [_('x') for _n in range(2)], (lambda _=1: 2)\n"
    assert offenders(bad) == [1]
    assert offenders(fine) == []

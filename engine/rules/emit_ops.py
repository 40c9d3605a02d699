"""Source for each kind of operation, with type-guarded fast paths.

A fast path applies only when the Python test in front of it proves the JS
operator would give the same answer (e.g. `x == "gold"` when `x` is a str);
every other value goes to the operator function the closure back end uses.
"""

from __future__ import annotations

from .closures import SCOPED
from .emit import NUMBER, Emitter, Expr, Scope
from .emit_support import divide_numbers
from .nodes import Literal, Operation
from .operators import DATA_OPERATORS, OPERATORS
from .paths import split_path

__all__ = ["SourceEmitter"]

# (Python operator, fallback function, swap the fallback's arguments)
_ORDER = {"<": ("<", "_js_lt", False), "<=": ("<=", "_js_le", False),
          ">": (">", "_js_lt", True), ">=": (">=", "_js_le", True)}
_BOOLEAN = frozenset({"==", "===", "!=", "!==", "<", "<=", ">", ">=", "in", "!", "!!"})
# Operators that never hand an argument (or a part of one) back, so constant
# arrays and objects may be passed to them without a defensive copy.
_NO_LEAK = frozenset({"==", "===", "!=", "!==", "<", "<=", ">", ">=", "in", "+", "-", "/", "%",
                      "min", "max", "cat", "substr"})
_SAFE = 9007199254740992
_ARITHMETIC = frozenset({"+", "-", "*", "/", "min", "max"})
# Operators whose result is always a number (`*` only with two or more arguments).
_NUMERIC = frozenset({"+", "-", "/", "%", "min", "max"})


class SourceEmitter(Emitter):
    """The emitter for every json-logic-js operator and the custom ones."""

    def operation(self, node: Operation, scope: Scope) -> Expr:
        """Source for one operation node."""
        op = node.op
        if op in self.custom:
            fn = self.name(self.custom[op].bind(node), "_f")
            args = ", ".join(self.value(arg, scope).src for arg in node.args)
            return Expr(f"{fn}({args})", "bool" if self.custom[op].predicate else "any")
        if op == "var":
            return self.var(node, scope)
        if op in ("if", "?:"):
            return self.if_(node, scope)
        if op in ("and", "or"):
            return self.and_or(node, scope)
        if op in SCOPED:
            return self.scoped(node, scope)
        if op in ("!", "!!"):
            # cond() is always a Python bool, so `!!` is the test itself.
            test = self.cond(node.args[0], scope)
            return Expr(f"(not {test})" if op == "!" else test, "bool")
        args = [self.value(arg, scope, copy=op not in _NO_LEAK) for arg in node.args]
        fast = self.fast_path(op, args, scope)
        if fast is not None:
            return fast
        fn = self.name(OPERATORS[op], "_o")
        sources = [scope.var] if op in DATA_OPERATORS else []
        sources += [arg.src for arg in args]
        kind = "bool" if op in _BOOLEAN else "num" if op in _NUMERIC or (op == "*" and len(args) > 1) else "any"
        return Expr(f"{fn}({', '.join(sources)})", kind)

    def fast_path(self, op: str, args: list[Expr], scope: Scope) -> Expr | None:
        """A guarded inline form of a common shape, or None."""
        if op in _ARITHMETIC:
            return self.arithmetic(op, args, scope)
        if len(args) == 3 and op in ("<", "<="):
            return self.between(op, args, scope)
        if len(args) != 2:
            return None
        left, right = args
        source = None
        if op in ("==", "!=", "===", "!=="):
            source = self.equality(op, left, right, scope)
        elif op in _ORDER:
            source = self.ordering(op, left, right, scope)
        elif op == "in":
            source = self.contains(left, right, scope)
        return None if source is None else Expr(source, "bool")

    # --- comparisons ------------------------------------------------------

    def equality(self, op: str, left: Expr, right: Expr, scope: Scope) -> str | None:
        strict = op in ("===", "!==")
        literal, other = (right, left) if right.const else (left, right)
        if not literal.const or other.const:
            return None
        if literal.kind == "null":
            # Only null equals null, loosely or strictly (undefined never
            # reaches an operator).
            test = f"({other.src} is None)"
        elif literal.kind == "bool" and strict:
            test = f"({other.src} is {literal.src})"
        elif literal.kind == "str" or literal.kind in NUMBER:
            first, again = self.bind(other)
            kind = "str" if literal.kind == "str" else "num"
            if other.kind == kind or (kind == "num" and other.kind in NUMBER):
                test = f"({first} == {literal.src})"
                return f"(not {test})" if op.startswith("!") else test
            guard = self.guard(kind, first, again, scope)
            if strict:
                test = f"({guard} and {again} == {literal.src})"
            else:
                a, b = (literal.src, again) if left is literal else (again, literal.src)
                test = f"({again} == {literal.src} if {guard} else _loose_eq({a}, {b}))"
        else:
            return None
        return f"(not {test})" if op.startswith("!") else test

    def ordering(self, op: str, left: Expr, right: Expr, scope: Scope) -> str | None:
        fast, fallback, swap = _ORDER[op]
        if right.const and right.kind in NUMBER and not left.const:
            other = left
            first, again = self.bind(left)
            a, b = again, right.src
        elif left.const and left.kind in NUMBER and not right.const:
            other = right
            first, again = self.bind(right)
            a, b = left.src, again
        else:
            return None
        if other.kind in NUMBER:
            # Known to be a number: NaN compares false in both languages.
            return f"({first} {fast} {b})" if a == again else f"({a} {fast} {first})"
        guard = self.guard("num", first, again, scope)
        call = f"{fallback}({b}, {a})" if swap else f"{fallback}({a}, {b})"
        return f"({a} {fast} {b} if {guard} else {call})"

    def between(self, op: str, args: list[Expr], scope: Scope) -> Expr | None:
        low, middle, high = args
        if not (low.const and high.const and low.kind in NUMBER and high.kind in NUMBER) or middle.const:
            return None
        first, again = self.bind(middle)
        guard = "True" if middle.kind in NUMBER else self.guard("num", first, again, scope)
        fallback = self.name(OPERATORS[op], "_o")
        if guard == "True":
            return Expr(f"({low.src} {op} {first} {op} {high.src})", "bool")
        call = f"{fallback}({low.src}, {again}, {high.src})"
        return Expr(f"({low.src} {op} {again} {op} {high.src} if {guard} else {call})", "bool")

    def contains(self, needle: Expr, haystack: Expr, scope: Scope) -> str | None:
        if haystack.const and isinstance(haystack.value, list) and not needle.const:
            if not all(isinstance(item, str) for item in haystack.value):
                return None
            members = self.name(frozenset(haystack.value))
            first, again = self.bind(needle)
            guard = self.guard("str", first, again, scope)
            return f"({again} in {members} if {guard} else _op_in({again}, {haystack.src}))"
        if needle.const and needle.kind == "str" and needle.value != "" and not haystack.const:
            # A non-empty needle is never in "", so `in` alone matches JS.
            first, again = self.bind(haystack)
            guard = self.guard("str", first, again, scope)
            return f"({needle.src} in {again} if {guard} else _op_in({needle.src}, {again}))"
        if haystack.const and haystack.kind == "str" and haystack.value != "" and not needle.const:
            first, again = self.bind(needle)
            guard = self.guard("str", first, again, scope)
            return f"({again} in {haystack.src} if {guard} else _op_in({again}, {haystack.src}))"
        return None

    def arithmetic(self, op: str, args: list[Expr], scope: Scope) -> Expr | None:
        # Floats, and integers JS holds exactly, add, subtract, multiply and
        # compare in Python exactly as JS doubles do, as long as each partial
        # result stays within 2**53. Python's min / max part ways with Math's
        # on NaN and on -0, and a zero product may be JS's -0: those, and any
        # other value, take the operator function.
        if len(args) < 2 or (op in ("-", "/") and len(args) != 2) or any(a.const and a.kind != "safe" for a in args):
            return None
        binds, tests, operands = [], [], []
        for arg in args:
            first, again = self.bind(arg)
            if first != again:
                binds.append(first[1:-1])
            if arg.kind != "safe":
                tests.append(self.guard("safe", again, again, scope))
            operands.append(again)
        if binds:
            # Every argument is evaluated, once, before any test can fail, so
            # the fallback call finds them all bound.
            tests.insert(0, f"({', '.join(binds)},)")
        fallback = f"{self.name(OPERATORS[op], '_o')}({', '.join(operands)})"
        if op == "/":
            divide = self.name(divide_numbers, "_o")
            return Expr(f"({divide}({', '.join(operands)}) if {' and '.join(tests)} else {fallback})", "num")
        if op in ("min", "max"):
            result = self.fresh("_t")
            tests += [f"{o} == {o}" for o, arg in zip(operands, args, strict=True) if not arg.const]
            tests.append(f"({result} := {op}({', '.join(operands)})) != 0")
            return Expr(f"({result} if {' and '.join(tests)} else {fallback})", "num")
        # JS's `+` starts from 0, so -0 + -0 is 0.
        total, rest = ("0", operands) if op == "+" else (operands[0], operands[1:])
        for operand in rest:
            result = self.fresh("_t")
            tests.append(f"-{_SAFE} <= ({result} := {total} {op} {operand}) <= {_SAFE}")
            total = result
        if op == "*":
            tests.append(f"{total} != 0")
        return Expr(f"({total} if {' and '.join(tests)} else {fallback})", "num")

    # --- data access ------------------------------------------------------

    def var(self, node: Operation, scope: Scope) -> Expr:
        if not node.args:
            return Expr(scope.var, simple=True)
        key = node.args[0]
        default = node.args[1] if len(node.args) > 1 else Literal(None, node.path)
        if not self.data_free(key):
            found = f"_lookup({scope.var}, {self.value(key, scope).src}, MISSING)"
            return self.with_default(found, default, scope)
        segments = split_path(self.fold(key, copy=False).value)
        if segments is None:
            return Expr(scope.var, simple=True)
        fallback = self.value(default, scope) if self.data_free(default) else None
        if fallback is not None and fallback.kind == "null":
            return self.lookup(segments, scope)
        path = self.name(segments, "_p")
        if fallback is not None and fallback.simple:
            return Expr(f"_walk({scope.var}, {path}, {fallback.src})")
        return self.with_default(f"_walk({scope.var}, {path}, MISSING)", default, scope)

    def with_default(self, found: str, default: Literal | Operation, scope: Scope) -> Expr:
        # The default is evaluated only when the path is missing.
        t = self.fresh("_t")
        otherwise = self.value(default, scope).src
        return Expr(f"({otherwise} if ({t} := {found}) is MISSING else {t})")

    # --- control ----------------------------------------------------------

    def if_(self, node: Operation, scope: Scope) -> Expr:
        args = node.args
        pairs = [(args[i], args[i + 1]) for i in range(0, len(args) - 1, 2)]
        fallback = self.value(args[-1], scope) if len(args) % 2 else self.literal(None)
        source, kinds = fallback.src, {fallback.kind}
        for test, then in reversed(pairs):
            value = self.value(then, scope)
            kinds.add(value.kind)
            source = f"({value.src} if {self.cond(test, scope)} else {source})"
        if len(kinds) == 1:
            return Expr(source, kinds.pop())
        return Expr(source, "num" if kinds <= NUMBER else "any")

    def and_or(self, node: Operation, scope: Scope) -> Expr:
        if not node.args:
            # JS gives `undefined` for an empty and / or; null is its JSON form.
            return self.literal(None)
        values = [self.value(arg, scope) for arg in node.args]
        if all(value.kind == "bool" for value in values):
            return Expr("(" + f" {node.op} ".join(value.src for value in values) + ")", "bool")
        source = values[-1].src
        for value in reversed(values[:-1]):
            if value.kind == "bool":
                source = f"({value.src} {node.op} {source})"
                continue
            t = self.fresh("_t")
            if node.op == "and":
                source = f"({source} if _truthy({t} := {value.src}) else {t})"
            else:
                source = f"({t} if _truthy({t} := {value.src}) else {source})"
        return Expr(source)

    def scoped(self, node: Operation, scope: Scope) -> Expr:
        op = node.op
        items = self.value(node.args[0], scope).src
        loop = self.loop_function(op, node.args[1])
        if op == "reduce":
            initial = self.value(node.args[2], scope).src if len(node.args) > 2 else "None"
            return Expr(f"{loop}({items}, {initial})")
        t = self.fresh("_t")
        if op in ("map", "filter"):
            return Expr(f"({loop}({t}) if isinstance({t} := {items}, list) else [])")
        if op == "some":
            return Expr(f"(isinstance({t} := {items}, list) and {loop}({t}))", "bool")
        if op == "none":
            return Expr(f"(not (isinstance({t} := {items}, list) and {loop}({t})))", "bool")
        return Expr(f"(isinstance({t} := {items}, list) and len({t}) > 0 and {loop}({t}))", "bool")

    def loop_function(self, op: str, logic: Operation | Literal) -> str:
        """A module-level function running `logic` over an array, in a scope of its own."""
        name, item = self.fresh("_loop"), self.fresh("_d")
        if op == "reduce":
            inner = Scope(self.fresh("_d"))
            result = self.value(logic, inner).src
            head = [f"def {name}(items, acc):", "    if not isinstance(items, list):", "        return acc",
                    f"    for {item} in items:",
                    f"        {inner.var} = {{'current': {item}, 'accumulator': acc}}"]
            self.functions.append(head + [f"        {line}" for line in inner.render()]
                                  + [f"        acc = {result}", "    return acc"])
            return name
        inner = Scope(item)
        if op == "map":
            result = self.value(logic, inner).src
            body, start, end = [f"out.append({result})"], ["out = []"], "return out"
        else:
            test = self.cond(logic, inner)
            start, end, body = {
                "filter": (["out = []"], "return out", [f"if {test}:", f"    out.append({item})"]),
                "all": ([], "return True", [f"if not {test}:", "    return False"]),
            }.get(op, ([], "return False", [f"if {test}:", "    return True"]))
        lines = [f"def {name}(items):", *(f"    {line}" for line in start), f"    for {item} in items:"]
        lines += [f"        {line}" for line in inner.render() + body]
        self.functions.append(lines + [f"    {end}"])
        return name

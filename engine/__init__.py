"""Pure, deterministic core of Switchboard: models, rules, lifecycle and maths.

Nothing in this package performs I/O, reads a clock or the environment, or
imports another Switchboard package; the import-direction test enforces it.
"""

"""Crisis mode: its state, its settings, starting and ending a crisis by hand."""

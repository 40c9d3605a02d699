"""Routing state and its transactions (see models.py for why the state lives in the database)."""

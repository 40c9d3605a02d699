"""Test harness: real servers started for the test session (PostgreSQL, Temporal, the whole stack)."""

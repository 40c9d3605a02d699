"""Analytics: case and mention metrics over a period, grouped and filtered (issue 16), read-only."""

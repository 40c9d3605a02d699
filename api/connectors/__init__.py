"""Connector instances (sources): their kinds, configuration, cursors and health."""

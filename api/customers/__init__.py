"""Customers: one person across channels, linked by handle or email, or merged by hand."""

"""Canned replies: texts agents insert into replies, kept by ops leads."""

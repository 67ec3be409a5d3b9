"""Catalog seed data: plain CSV files written from published sources, each row with its `source`."""

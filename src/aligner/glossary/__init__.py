"""Terminology: reading, writing, checking and matching zh→en glossaries."""

"""Batch inputs: folders, zip and tar archives listed and read member by member, safely."""

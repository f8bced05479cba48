"""Shared basics: exact numbers, serialisation, citations, notices, formatting and HTML.

The bottom of the stack (above `community_governance.exceptions` only): every other layer may
import from here, and nothing here imports another part of the library.
"""

"""Fixtures shared by the pty tests."""
import tempfile

import pytest


@pytest.fixture
def home():
    """A private, empty home directory for one session (removed afterwards)."""
    with tempfile.TemporaryDirectory() as d:
        yield d

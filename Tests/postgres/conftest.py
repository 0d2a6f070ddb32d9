import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pgserver import Topology  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MQ = os.environ.get("MQ", os.path.join(ROOT, ".build", "debug", "mq"))


@pytest.fixture(scope="session")
def topology():
    """Started once for the tests that need it; stopped and removed at the end, also on failure."""
    t = Topology(MQ)
    try:
        t.start()
        yield t
    finally:
        t.remove()

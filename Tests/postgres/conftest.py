import os
import subprocess
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pgserver import PgServer  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MQ = os.environ.get("MQ", os.path.join(ROOT, ".build", "debug", "mq"))


class Topology:
    """A coordinator and two shard servers on free loopback ports (docs/scale-out.md): `push` makes a
    database of that name on each and pushes a corpus into the sharded layout through the coordinator."""

    def __init__(self):
        self.coordinator = PgServer("coordinator")
        self.shards = [PgServer("shard0"), PgServer("shard1")]

    def start(self):
        for s in [self.coordinator] + self.shards:
            s.start()
        return self

    def remove(self):
        for s in [self.coordinator] + self.shards:
            s.remove()

    def push(self, corpus, db):
        url = self.coordinator.createdb(db)
        args = [MQ, "corpus", "push", corpus, "--to", url]
        for s in self.shards:
            args += ["--shard", s.createdb(db)]
        return url, subprocess.run(args, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="session")
def topology():
    """Started once for the tests that need it; stopped and removed at the end, also on failure."""
    t = Topology()
    try:
        t.start()
        yield t
    finally:
        t.remove()

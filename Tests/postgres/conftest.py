import os
import subprocess
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pgserver import PgServer, Topology  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MQ = os.environ.get("MQ", os.path.join(ROOT, ".build", "debug", "mq"))
SEEDS = os.path.join(ROOT, "seeds")
sys.path.insert(0, os.path.join(ROOT, "Tests", "synthetic"))
import corpus as synthetic  # noqa: E402


def _running(servers):
    """Started once for the tests that need them; stopped and removed at the end, also on failure."""
    try:
        servers.start()
        yield servers
    finally:
        servers.remove()


@pytest.fixture(scope="session")
def topology():
    yield from _running(Topology(MQ))


@pytest.fixture(scope="session")
def server():
    yield from _running(PgServer("diff"))


def pushed(corpus, name, documents, servers):
    """The URL of database `name` holding `corpus` (of `documents` documents), pushed in full to one server
    or (a ``Topology``) to the sharded layout."""
    if isinstance(servers, Topology):
        url, r = servers.push(corpus, name)
    else:
        url = servers.createdb(name)
        r = subprocess.run([MQ, "corpus", "push", corpus, "--to", url], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(f"full: {documents} documents"), r.stdout
    return url


@pytest.fixture(scope="session")
def seeds_url(server):
    return pushed(SEEDS, "seeds", 5, server)


@pytest.fixture(scope="session")
def sharded_seeds_url(topology):
    return pushed(SEEDS, "seeds", 5, topology)


@pytest.fixture(params=["single", "sharded"])
def layout_url(request):
    """The seeds on one server, then on the sharded topology (coordinator and two shards)."""
    return request.getfixturevalue("seeds_url" if request.param == "single" else "sharded_seeds_url")


@pytest.fixture(scope="session")
def synthetic_url(server):
    return pushed(synthetic.shared(), "synthetic", 400, server)


@pytest.fixture(scope="session")
def sharded_synthetic_url(topology):
    return pushed(synthetic.shared(), "synthetic", 400, topology)


@pytest.fixture(params=["single", "sharded"])
def synthetic_layout(request):
    """The synthetic corpus (Tests/synthetic/corpus.py) on one server, then on the sharded topology."""
    return request.getfixturevalue("synthetic_url" if request.param == "single" else "sharded_synthetic_url")

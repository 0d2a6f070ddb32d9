"""Throw-away PostgreSQL servers for the tests: a data folder in a temporary directory, a free loopback
port, trust authentication, run as an unprivileged user (the `postgres` system user when the tests run
as root, as CI does), stopped (`pg_ctl -m immediate stop`) and removed at the end, also on failure.
"""
import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time


def pg_bin():
    for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if os.path.exists(os.path.join(d, "initdb")):
            return d
    raise RuntimeError("PostgreSQL server programs not found (make deps installs postgresql-15)")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    def __init__(self, name="mq"):
        self.bin = pg_bin()
        self.root = tempfile.mkdtemp(prefix=f"mq-pg-{name}-")
        os.chmod(self.root, 0o755)
        self.data = os.path.join(self.root, "data")
        self.sock = self.root
        self.port = free_port()
        self.user = None
        self.started = False
        if os.geteuid() == 0:
            self.user = "postgres"
            try:
                pwd.getpwnam(self.user)
            except KeyError:
                subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", self.user], check=True)
            shutil.chown(self.root, self.user)

    def _run(self, args, **kw):
        cmd = ([ "runuser", "-u", self.user, "--"] if self.user else []) + args
        return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)

    def start(self):
        self._run([os.path.join(self.bin, "initdb"), "-D", self.data, "-U", "mq", "--auth=trust", "--encoding=UTF8",
                   "--locale=C.UTF-8", "--no-sync"])
        opts = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.sock} -c fsync=off -c synchronous_commit=off "
                f"-c full_page_writes=off -c max_connections=40 -c shared_buffers=64MB")
        self._run([os.path.join(self.bin, "pg_ctl"), "-D", self.data, "-o", opts, "-l", os.path.join(self.root, "log"),
                   "-w", "-t", "60", "start"])
        self.started = True
        return self

    def url(self, db="postgres"):
        return f"postgresql://mq@127.0.0.1:{self.port}/{db}"

    def createdb(self, name):
        subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", self.url(), "-c", f'CREATE DATABASE "{name}"'],
                       check=True, capture_output=True, text=True)
        return self.url(name)

    def psql(self, db, sql):
        r = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", self.url(db), "-c", sql],
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise AssertionError(r.stderr)
        return r.stdout.strip()

    def terminate_during(self, proc, where, seconds):
        """Terminates the sessions of pg_stat_activity that match `where` as soon as one shows, while `proc`
        runs and for `seconds` at most: whether one was terminated."""
        deadline = time.time() + seconds
        while proc.poll() is None and time.time() < deadline:
            n = self.psql("postgres", f"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE {where}")
            if n.strip() not in ("", "0"):
                return True
            time.sleep(0.005)
        return False

    def stop(self, mode="immediate"):
        if self.started:
            try:
                self._run([os.path.join(self.bin, "pg_ctl"), "-D", self.data, "-m", mode, "-w", "stop"])
            except subprocess.CalledProcessError:
                pass
            self.started = False

    def remove(self):
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


class Topology:
    """A coordinator and two shard servers on free loopback ports (docs/scale-out.md): `push` makes a
    database of that name on each and pushes a corpus into the sharded layout through the coordinator."""

    def __init__(self, mq):
        self.mq = mq
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
        args = [self.mq, "corpus", "push", corpus, "--to", url]
        for s in self.shards:
            args += ["--shard", s.createdb(db)]
        return url, subprocess.run(args, capture_output=True, text=True, timeout=7200)


if __name__ == "__main__":
    # Servers for trying things by hand: prints the URL of one (or, with --sharded, of a coordinator and
    # its two shards, for `mq corpus push DIR --to C --shard S0 --shard S1`), stops on Enter.
    servers = [PgServer("coordinator"), PgServer("shard0"), PgServer("shard1")] if "--sharded" in sys.argv else [PgServer("manual")]
    try:
        for s in servers:
            print(s.start().url(), flush=True)
        input()
    finally:
        for s in servers:
            s.remove()

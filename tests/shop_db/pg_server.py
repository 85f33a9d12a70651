"""A real PostgreSQL server of the tests' own, on loopback, in a temporary folder (never a mock).

:class:`PostgresServer` runs ``initdb`` into a fresh folder and starts ``postgres`` on a free TCP port of
127.0.0.1 with its unix socket in that folder too, so it never meets the machine's own cluster. The
distribution's server binaries are used (Debian: ``/usr/lib/postgresql/<version>/bin``; ``.ci/run``
installs them); ``KLOGS_PG_BIN`` names another folder. PostgreSQL refuses to run as root, so under root the
server runs as ``nobody`` through ``runuser`` and the folder is handed to that user.

Missing binaries are an error with the install line, never a skip: a shop-database test that silently does
not run would let the feature rot.

Authentication is real: the superuser ``klogs`` has a password and TCP connections use SCRAM, so the
terminal's connection settings (password from the keyring) are exercised as in a shop.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

USER = "klogs"
PASSWORD = "klogs-test-password"
DATABASE = "shop"
INSTALL_HINT = ("PostgreSQL server binaries (initdb, pg_ctl, postgres) are needed for the shop-database tests: "
                "`sudo apt-get install -y postgresql` (Debian/Ubuntu; .ci/run does this), or set KLOGS_PG_BIN "
                "to the folder holding them.")


class PostgresMissing(RuntimeError):
    pass


def find_bin() -> Path:
    candidates = [os.environ.get("KLOGS_PG_BIN", "")]
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]),
                         reverse=True)
    found = shutil.which("pg_ctl")
    if found:
        candidates.append(str(Path(found).parent))
    for folder in candidates:
        if folder and all((Path(folder) / name).is_file() for name in ("initdb", "pg_ctl", "postgres")):
            return Path(folder)
    raise PostgresMissing(INSTALL_HINT)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresServer:
    """``start()`` / ``stop()`` / ``restart()`` a cluster; ``conninfo`` for psycopg."""

    def __init__(self, *, port: int | None = None) -> None:
        self.bin = find_bin()
        self.folder = Path(tempfile.mkdtemp(prefix="klogs-pg-"))
        self.data = self.folder / "data"
        self.port = port or free_port()
        self._as_root = os.geteuid() == 0
        if self._as_root:
            nobody = pwd.getpwnam("nobody")
            os.chmod(self.folder, 0o755)
            os.chown(self.folder, nobody.pw_uid, nobody.pw_gid)
        pwfile = self.folder / "pw"
        pwfile.write_text(PASSWORD + "\n")
        if self._as_root:
            os.chown(pwfile, pwd.getpwnam("nobody").pw_uid, -1)
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", USER, f"--pwfile={pwfile}",
                  "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--locale=C.UTF-8", "-N")
        pwfile.unlink()
        self.running = False

    def _run(self, *argv: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = (["runuser", "-u", "nobody", "--", *argv] if self._as_root else list(argv))
        return subprocess.run(command, check=check, capture_output=True, text=True, timeout=120, cwd=self.folder)

    def start(self) -> None:
        options = (f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.folder} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60")
        # fsync off: a stopped or killed server keeps what it wrote (the OS has it), only a power cut would
        # not. synchronous_commit off is the server's default here on purpose: the terminal must turn it on
        # for its own pushes (ShopDatabase.connect), and the mid-sync stop test proves it does.
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-l",
                  str(self.folder / "server.log"), "-w", "-t", "60", "start")
        self.running = True
        self._wait_accepting()
        self._ensure_database()

    def _wait_accepting(self) -> None:
        import psycopg

        deadline = time.monotonic() + 30
        while True:
            try:
                psycopg.connect(self.conninfo("postgres"), connect_timeout=2).close()
                return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise

    def _ensure_database(self) -> None:
        import psycopg

        with psycopg.connect(self.conninfo("postgres"), autocommit=True) as conn:
            if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE,)).fetchone() is None:
                conn.execute(f"CREATE DATABASE {DATABASE}")

    def stop(self, mode: str = "fast") -> None:
        if self.running:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop", check=False)
            self.running = False

    def restart(self) -> None:
        self.stop()
        self.start()

    def conninfo(self, database: str = DATABASE) -> str:
        return (f"host=127.0.0.1 port={self.port} dbname={database} user={USER} password={PASSWORD} "
                "sslmode=disable")

    def reset(self) -> None:
        """An empty shop database (dropped and made again) for a test that counts rows."""
        import psycopg

        with psycopg.connect(self.conninfo("postgres"), autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {DATABASE}")

    def destroy(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)

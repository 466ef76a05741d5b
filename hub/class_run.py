"""A class on the workshop server, for real: start JupyterHub, log N students in through its REST
API, and have every student run a notebook through their own TinyML kernel, all at the same time.

Used by `./tinyml bench hub` (10 students, notebook 02) and by the suite's hub stage (2 students,
notebook 04). After its notebook, each student's kernel also trains a small model of its own
(seeded by the student's number), deploys it to its own `host` board and checks the board's
answers byte for byte: two students' boards that collided would answer with the other's model.

Prints the wall time, each student's time and each kernel's peak memory (VmHWM), and how many
students a machine of a given size holds. Exits 1 naming the student, the cell and the error when
anything fails.
"""
import argparse
import asyncio
import datetime
import json
import os
import pathlib
import re
import signal
import socket
import subprocess
import sys
import time
import uuid

import nbformat
from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

HERE = pathlib.Path(__file__).resolve().parent

# Run in each kernel after the notebook: a model of the student's own (the seed differs per
# student), deployed to the student's own host board. All students' boards are open at once
# before any is asked (the class runner waits for all), so colliding boards would show: the same
# port, or answers from another student's model.
OPEN_BOARD = """
var ownData = Datasets.sine(600, SEED);
var ownModel = Model.sequential(Shape.of(1)).dense(8).relu().dense(1);
ownModel.fit(ownData.train(), Fit.epochs(5).batch(32).adam(0.01).seed(SEED).progress(false));
var ownQ = ownModel.quantize(ownData.train().take(100));
var ownBoard = Device.open("host");
ownBoard.deploy(ownQ);
"opened"
"""
CHECK_BOARD = """
int ownAgree = 0;
for (int i = 0; i < ownData.test().size(); i++) {
    byte[] in = ownQ.quantizeInput(ownData.test().input(i));
    if (Arrays.equals(ownBoard.predictRaw(in).output(), ownQ.predictRaw(in))) ownAgree++;
}
String ownSummary = ownBoard.toString();
ownBoard.close();
"BOARD " + ownAgree + "/" + ownData.test().size() + " " + ownSummary
"""

# What the system and the hub keep for themselves, in MiB: for the "students per machine" estimate.
SYSTEM_MIB = 2048


class StudentFailed(Exception):
    pass


class Hub:
    """The jupyterhub process, started with the workshop configuration on a state folder."""

    def __init__(self, root, state, port, kernel, password, token):
        self.url = f"http://127.0.0.1:{port}"
        self.token = token
        self.log = state / "hub.log"
        env = dict(os.environ, TINYML_ROOT=str(root), TINYML_HUB_STATE=str(state), TINYML_HUB_AUTH="dummy",
                   TINYML_HUB_PASSWORD=password, TINYML_HUB_PORT=str(port), TINYML_HUB_IP="127.0.0.1",
                   TINYML_HUB_SERVICE_TOKEN=token, TINYML_KERNEL_NAME=kernel)
        self.process = subprocess.Popen(["jupyterhub", "-f", str(HERE / "jupyterhub_config.py")], cwd=state, env=env,
                                        stdout=self.log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True)

    async def wait_ready(self, http, seconds=90):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"jupyterhub stopped (exit {self.process.returncode}); its log: {self.log}")
            try:
                await http.fetch(self.url + "/hub/api/")
                return
            except (OSError, HTTPClientError):
                await asyncio.sleep(0.5)
        raise SystemExit(f"jupyterhub did not answer within {seconds} s; its log: {self.log}")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


async def api(http, url, token, method="GET", body=None, timeout=300):
    request = HTTPRequest(url, method=method, headers={"Authorization": f"token {token}"} if token else {},
                          body=None if body is None else json.dumps(body), allow_nonstandard_methods=True,
                          connect_timeout=timeout, request_timeout=timeout)
    response = await http.fetch(request)
    return json.loads(response.body) if response.body else None


class Kernel:
    """One kernel of a student's server, driven over its websocket as the notebook page does."""

    def __init__(self, ws, session):
        self.ws = ws
        self.session = session

    async def request(self, msg_type, content, timeout):
        msg_id = uuid.uuid4().hex
        await self.ws.write_message(json.dumps({
            "header": {"msg_id": msg_id, "username": "student", "session": self.session, "msg_type": msg_type,
                       "version": "5.3", "date": datetime.datetime.now(datetime.timezone.utc).isoformat()},
            "parent_header": {}, "metadata": {}, "content": content, "channel": "shell", "buffers": []}))
        # The reply (shell) and the idle status (iopub) come in either order over the websocket.
        errors, results, reply, idle = [], [], None, False
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise StudentFailed(f"no {msg_type} reply within {timeout} s")
            try:
                raw = await asyncio.wait_for(self.ws.read_message(), remaining)
            except asyncio.TimeoutError:
                raise StudentFailed(f"no {msg_type} reply within {timeout} s") from None
            if raw is None:
                raise StudentFailed("the kernel's websocket closed")
            msg = json.loads(raw)
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = msg["header"]["msg_type"]
            if kind == "error":
                errors.append(f"{msg['content']['ename']}: {msg['content']['evalue']}")
            elif kind == "execute_result":
                results.append(msg["content"]["data"].get("text/plain", ""))
            elif kind.endswith("_reply"):
                reply = msg["content"]
            elif kind == "status" and msg["content"]["execution_state"] == "idle":
                idle = True
            if idle and reply is not None:
                return reply, errors, results

    async def ready(self, timeout):
        """Asks kernel_info until it answers: the server drops what a client sends before it has
        connected to the kernel (a class of students starting at once makes that window long)."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                return await self.request("kernel_info_request", {}, 10)
            except StudentFailed:
                if time.monotonic() > deadline:
                    raise StudentFailed(f"the kernel did not answer kernel_info within {timeout} s")

    async def run(self, code, timeout):
        reply, errors, results = await self.request(
            "execute_request", {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                                "allow_stdin": False, "stop_on_error": True}, timeout)
        if reply["status"] != "ok":
            raise StudentFailed(errors[0] if errors else f"{reply.get('ename')}: {reply.get('evalue')}")
        return results


def pids_in(home, program):
    """The processes running {program} (a name in their command line) whose working folder is in {home}."""
    pids = []
    for proc in pathlib.Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().split(b"\0")
            if not any(part.endswith(program) for part in cmdline):
                continue
            if pathlib.Path(os.readlink(proc / "cwd")).is_relative_to(home):
                pids.append(int(proc.name))
        except OSError:
            continue
    return pids


def cpu_seconds(pid):
    """User and system CPU time the process has used so far (fields 14 and 15 of /proc/PID/stat)."""
    fields = pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss_mib(pid):
    status = pathlib.Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024


async def student(http, hub, number, args, cells, everyone):
    name = f"student{number:02d}"
    started = time.monotonic()
    stage = "log in"
    try:
        # Log in as the student: their name and the class password buy a token (REST API).
        token = (await api(http, f"{hub.url}/hub/api/users/{name}/tokens", None, "POST",
                           {"auth": {"username": name, "password": args.password}, "note": "class run"}))["token"]
        stage = "start the server"
        await api(http, f"{hub.url}/hub/api/users/{name}/server", token, "POST", {})
        while not (await api(http, f"{hub.url}/hub/api/users/{name}", token))["servers"].get("", {}).get("ready"):
            await asyncio.sleep(1)
        stage = "start the kernel"
        base = f"{hub.url}/user/{name}/api"
        kernel_id = (await api(http, f"{base}/kernels", token, "POST", {"name": args.kernel}))["id"]
        ws = await websocket_connect(HTTPRequest(
            f"ws://127.0.0.1:{args.port}/user/{name}/api/kernels/{kernel_id}/channels?session_id={uuid.uuid4().hex}",
            headers={"Authorization": f"token {token}"}, connect_timeout=args.timeout, request_timeout=args.timeout),
            max_message_size=64 << 20)
        kernel = Kernel(ws, uuid.uuid4().hex)
        await kernel.ready(args.timeout)
        for number_in_nb, code in cells:
            stage = f"code cell {number_in_nb} of {args.notebook.name}"
            await kernel.run(code, args.timeout)
        stage = "its own model on its own host board"
        await kernel.run(OPEN_BOARD.replace("SEED", str(number)), args.timeout)
        await asyncio.wait_for(everyone.wait(), args.timeout)
        board = (await kernel.run(CHECK_BOARD, args.timeout))[-1].strip('"')
        home = args.state / "homes" / name
        kernels = pids_in(home, b"tinymlaas-kernel.jar")
        kernel_peaks = [peak_rss_mib(pid) for pid in kernels]
        kernel_cpu = sum(cpu_seconds(pid) for pid in kernels)
        server_peaks = [peak_rss_mib(pid) for pid in pids_in(home, b"jupyterhub-singleuser")]
        ws.close()
        await api(http, f"{base}/kernels/{kernel_id}", token, "DELETE")
        await api(http, f"{hub.url}/hub/api/users/{name}/server", token, "DELETE")
        return {"name": name, "seconds": time.monotonic() - started, "board": board,
                "kernel_peak_mib": max(kernel_peaks, default=None), "server_peak_mib": max(server_peaks, default=None), "kernel_cpu_s": kernel_cpu}
    except (StudentFailed, HTTPClientError, OSError, asyncio.TimeoutError, asyncio.BrokenBarrierError) as e:
        await everyone.abort()   # the others stop waiting for this student's board
        raise StudentFailed(f"{name}, {stage}: {e!r}") from e


def free_ports(count=3):
    """A port with the next {count}-1 free too: the hub uses port, port+1 (its API), port+2 (the proxy's API)."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port + count > 65535:
            continue
        try:
            for p in range(port, port + count):
                with socket.socket() as s:
                    s.bind(("127.0.0.1", p))
            return port
        except OSError:
            continue
    raise SystemExit("found no three free ports in a row for the hub")


def notebook_cells(path):
    nb = nbformat.read(path, as_version=4)
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    return [(i, src) for i, src in enumerate(code, start=1) if src.strip()]


async def run_class(args):
    AsyncHTTPClient.configure(None, max_clients=4 * args.users + 4)
    http = AsyncHTTPClient()
    args.state.mkdir(parents=True, exist_ok=True)
    token = uuid.uuid4().hex
    hub = Hub(args.root, args.state, args.port, args.kernel, args.password, token)
    try:
        await hub.wait_ready(http)
        names = [f"student{n:02d}" for n in range(1, args.users + 1)]
        await api(http, f"{hub.url}/hub/api/users", token, "POST", {"usernames": names})
        cells = notebook_cells(args.notebook)
        started = time.monotonic()
        everyone = asyncio.Barrier(args.users)
        outcomes = await asyncio.gather(*(student(http, hub, n, args, cells, everyone) for n in range(1, args.users + 1)),
                                        return_exceptions=True)
        wall = time.monotonic() - started
    finally:
        hub.stop()
    return outcomes, wall


def mib(value):
    return "unknown" if value is None else f"{value:.0f} MiB"


def report(outcomes, wall, args):
    failures = [str(o) for o in outcomes if isinstance(o, BaseException)]
    done = [o for o in outcomes if not isinstance(o, BaseException)]
    for o in done:
        print(f"  {o['name']}: {o['seconds']:.0f} s ({o['kernel_cpu_s']:.0f} s of CPU in the kernel), peak memory: "
              f"kernel {mib(o['kernel_peak_mib'])}, "
              f"Jupyter server {mib(o['server_peak_mib'])}; {o['board']}")
    ports = [m.group(1) for m in (re.search(r" on (\S+),", o["board"]) for o in done) if m]
    if len(set(ports)) != len(ports):
        failures.append(f"two students shared a board port: {ports}")
    wrong = [o["name"] for o in done if not re.match(r"BOARD (\d+)/\1 ", o["board"])]
    if wrong:
        failures.append(f"a board answered with another model than its student's: {wrong}")
    print(f"{len(done)} of {args.users} students ran {args.notebook.name} at the same time in {wall:.0f} s")
    if done:
        cpu = sum(o["kernel_cpu_s"] for o in done) / len(done)
        print(f"kernel CPU time: mean {cpu:.0f} s a student; on {os.cpu_count()} cores a class of N needs about "
              f"N x {cpu / os.cpu_count():.0f} s for this notebook when all run it at once")
    peaks = [o["kernel_peak_mib"] for o in done if o["kernel_peak_mib"]]
    servers = [o["server_peak_mib"] for o in done if o["server_peak_mib"]]
    if peaks and servers:
        worst = max(peaks)
        per_student = worst + max(servers)
        usable = args.machine_gib * 1024 - SYSTEM_MIB
        print(f"kernel peak memory: max {worst:.0f} MiB, mean {sum(peaks) / len(peaks):.0f} MiB; by memory a "
              f"{args.machine_gib} GiB machine holds about {int(usable // per_student)} students")
    for f in failures:
        print(f"FAILED {f}", file=sys.stderr)
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(prog="tinyml bench hub")
    parser.add_argument("--users", type=int, default=10)
    parser.add_argument("--notebook", type=pathlib.Path, required=True)
    parser.add_argument("--state", type=pathlib.Path, required=True, help="the hub's state folder (prepared by ./tinyml)")
    parser.add_argument("--root", type=pathlib.Path, default=HERE.parent)
    parser.add_argument("--port", type=int, default=0, help="the hub's port (and the next two); default: free ones")
    parser.add_argument("--kernel", default=os.environ.get("TINYML_KERNEL_NAME", "tinyml"))
    parser.add_argument("--password", default=uuid.uuid4().hex[:12])
    parser.add_argument("--timeout", type=int, default=1800, help="seconds one cell may run")
    parser.add_argument("--machine-gib", type=int, default=24)
    args = parser.parse_args()
    args.port = args.port or free_ports()
    outcomes, wall = asyncio.run(run_class(args))
    return report(outcomes, wall, args)


if __name__ == "__main__":
    sys.exit(main())

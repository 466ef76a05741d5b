"""JupyterHub configuration of the TinyMLaaS workshop server; `./tinyml hub` starts it.

One machine, one JupyterHub (Debian's `jupyterhub`), one Jupyter server and TinyML kernel per
student. The launcher sets the TINYML_HUB_* variables read here.

Two ways to log students in (TINYML_HUB_AUTH):
  pam    each student is a system account (useradd -m student01; passwd student01) and logs in
         with its password; their servers run as them (LocalProcessSpawner). The hub runs as root.
  dummy  any name logs in with the one password in TINYML_HUB_PASSWORD; every server runs as the
         user who started the hub, each in its own folder under the hub's state folder
         (SimpleLocalProcessSpawner). For a test or a throwaway classroom machine only: students
         can read each other's files.
"""
import os
import pathlib

from jupyterhub.spawner import LocalProcessSpawner, SimpleLocalProcessSpawner

c = get_config()  # noqa: F821 (JupyterHub defines it when it reads this file)

root = pathlib.Path(os.environ["TINYML_ROOT"])
state = pathlib.Path(os.environ["TINYML_HUB_STATE"])
auth = os.environ.get("TINYML_HUB_AUTH", "pam")

c.JupyterHub.ip = os.environ.get("TINYML_HUB_IP", "")
c.JupyterHub.port = int(os.environ.get("TINYML_HUB_PORT", "8000"))
# The hub's own API and the proxy's API stay on this machine; ports next to the public one.
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = c.JupyterHub.port + 1
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{c.JupyterHub.port + 2}"
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
# Debian's configurable-http-proxy finds its modules in /usr/share/nodejs, which a Node.js from
# elsewhere (NodeSource) does not search unless told.
os.environ["NODE_PATH"] = os.pathsep.join(
    p for p in [os.environ.get("NODE_PATH", ""), "/usr/share/nodejs", "/usr/lib/nodejs"] if p)
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "cookie_secret")
c.JupyterHub.pid_file = str(state / "jupyterhub.pid")

# Classic Notebook (Debian's jupyter-notebook), the tutorial notebooks' own home folder, and the
# TinyML kernelspec the launcher installed under the state folder (students' homes have none).
c.Spawner.cmd = ["jupyterhub-singleuser"]
c.Spawner.default_url = "/tree"
c.Spawner.environment = {
    "JUPYTER_PATH": str(state / "share" / "jupyter"),
    "TINYML_KERNEL_NAME": os.environ.get("TINYML_KERNEL_NAME", "tinyml"),
}
# A JVM kernel starts in seconds, but 30 of them starting at 9:00 share the machine's cores.
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180

# The tutorial notebooks, copied into a student's folder the first time their server starts.
notebooks = root / "notebooks"


def copy_notebooks(spawner):
    home = pathlib.Path(spawner.home_dir if hasattr(spawner, "home_dir") else os.path.expanduser(f"~{spawner.user.name}"))
    home.mkdir(parents=True, exist_ok=True)
    for nb in sorted(notebooks.glob("*.ipynb")):
        target = home / nb.name
        if not target.exists():
            target.write_bytes(nb.read_bytes())
            if os.geteuid() == 0 and auth == "pam":
                import pwd
                entry = pwd.getpwnam(spawner.user.name)
                os.chown(target, entry.pw_uid, entry.pw_gid)


c.Spawner.pre_spawn_hook = copy_notebooks

if auth == "dummy":
    password = os.environ.get("TINYML_HUB_PASSWORD", "")
    if not password:
        raise SystemExit("TINYML_HUB_AUTH=dummy needs a password in TINYML_HUB_PASSWORD")
    c.JupyterHub.authenticator_class = "dummy"
    c.DummyAuthenticator.password = password
    c.JupyterHub.spawner_class = SimpleLocalProcessSpawner
    c.SimpleLocalProcessSpawner.home_dir_template = str(state / "homes" / "{username}")
    if os.geteuid() == 0:
        # Every server then runs as root (a test container, a throwaway machine).
        c.Spawner.args = ["--allow-root"]
elif auth == "pam":
    c.JupyterHub.authenticator_class = "pam"
    c.JupyterHub.spawner_class = LocalProcessSpawner
    # Names a --dummy class left in the database, with no system account, are forgotten.
    c.Authenticator.delete_invalid_users = True
else:
    raise SystemExit(f"TINYML_HUB_AUTH={auth!r}: use pam (system accounts) or dummy (one shared password)")

admins = os.environ.get("TINYML_HUB_ADMINS", "")
if admins:
    c.Authenticator.admin_users = set(admins.split(","))

# The class runner (./tinyml bench hub, the suite's hub stage) manages students with this token.
token = os.environ.get("TINYML_HUB_SERVICE_TOKEN", "")
if token:
    c.JupyterHub.services = [{"name": "class-runner", "api_token": token}]
    c.JupyterHub.load_roles = [{
        "name": "class-runner",
        "scopes": ["admin:users", "admin:servers", "list:users", "read:users"],
        "services": ["class-runner"],
    }]

"""Which kernel the tests start, and a history file of their own so runs do not see each other."""
import os
import tempfile

KERNEL_NAME = os.environ.get("TINYML_KERNEL", "tinyml")

# The kernel inherits this environment: its history goes to a fresh file, not the user's.
os.environ["TINYML_HISTORY"] = os.path.join(tempfile.mkdtemp(prefix="tinyml-history-"), "history.jsonl")

"""Documentation in the notebook, over the real protocol: Shift-Tab (inspect_request) and %doc show
the DSL's javadoc as text for a pager, with no HTML tags; a JDK class without its javadoc says
once what to install."""
import os
import re
import unittest

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import start_new_kernel

from kernel_env import KERNEL_NAME

TIMEOUT = 60
HTML_TAG = re.compile(r"</?(p|pre|code|ul|ol|li|b|i|em|a|table|tr|td)\b[^>]*>")
# Where the kernel's JDK keeps its sources, if Debian's openjdk-17-source put them there (the
# symlink the JDK package ships dangles otherwise).
JDK_SOURCES = os.path.exists(os.path.join(
    os.path.dirname(os.path.dirname(os.path.realpath(KernelSpecManager().get_kernel_spec(KERNEL_NAME).argv[0]))),
    "lib", "src.zip"))


class DocsTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=TIMEOUT)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def inspect(self, code, cursor=None):
        reply = self.kc.inspect(code, len(code) if cursor is None else cursor, reply=True, timeout=TIMEOUT)
        self.assertEqual("ok", reply["content"]["status"])
        return reply["content"]

    def test_shift_tab_on_a_dsl_class_shows_its_javadoc(self):
        content = self.inspect("Model")
        self.assertTrue(content["found"])
        text = content["data"]["text/plain"]
        self.assertTrue(text.startswith("io.tinymlaas.nn.Model\n\nA sequential neural network"), text)
        self.assertIn("```\nvar model = Model.sequential(Shape.of(28, 28, 1))", text)
        self.assertIsNone(HTML_TAG.search(text), text)

    def test_shift_tab_inside_a_call_on_a_variable(self):
        self.kc.execute_interactive("var m = Model.sequential(Shape.of(1)).dense(1);", timeout=TIMEOUT)
        code = "m.fit(data, Fit.epochs(1))"
        content = self.inspect(code, code.index("("))
        self.assertIn("History Model.fit(Dataset data, Fit fit)", content["data"]["text/plain"])
        self.assertIn("Trains on `data` and returns the per-epoch history.", content["data"]["text/plain"])

    def test_doc_magic_pages_an_instance_method_named_on_its_class(self):
        pages = []
        reply = self.kc.execute_interactive("%doc Model.fit", timeout=TIMEOUT,
                                            output_hook=lambda msg: None)
        self.assertEqual("ok", reply["content"]["status"], reply["content"])
        for payload in reply["content"].get("payload", []):
            if payload.get("source") == "page":
                pages.append(payload["data"]["text/plain"])
        self.assertEqual(1, len(pages), reply["content"])
        self.assertTrue(pages[0].startswith("History Model.fit(Dataset data, Fit fit)\n\nTrains on `data`"), pages[0])
        self.assertIsNone(HTML_TAG.search(pages[0]), pages[0])

    def test_a_jdk_class_shows_its_javadoc_or_says_what_to_install(self):
        text = self.inspect("String.valueOf(1).strip")["data"]["text/plain"] \
            + self.inspect("Math.abs")["data"]["text/plain"]
        if JDK_SOURCES:
            self.assertIn("Returns the absolute value", text)
            self.assertIsNone(HTML_TAG.search(text), text)
        else:
            self.assertEqual(1, text.count("apt-get install --no-install-recommends openjdk-17-source"), text)


if __name__ == "__main__":
    unittest.main()
